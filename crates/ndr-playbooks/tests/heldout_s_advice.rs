//! The advice for the shapes of the fourteenth held-out set (round s: cases 01, 09, 11, 28 and
//! 55). The texts are written for these tests, in the shapes the pasted bounces had, with
//! example domains and documentation addresses; they go through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang, Urgency};

/// Case 28: Exchange Online's 5.7.520 with the words of a spam verdict is Microsoft's spam
/// protection refusing the content, not the forwarding block the same status names in
/// Microsoft's table; the forwarding wording keeps its own playbook.
#[test]
fn a_spam_verdict_under_5_7_520_is_not_the_forwarding_block() {
    let spam = "taro@example.org\nRemote server returned '550 5.7.520 Message blocked because it contains content identified as spam. AS(4810)'\n";
    let d = diagnose(spam.as_bytes());
    assert_eq!(d.reason, Reason::SpamDetected);
    assert_eq!(d.blocking_party, Some(Party::Microsoft));
    assert_eq!(select(&d).playbook.id, "microsoft-policy");
    let forwarding = "taro@example.org\nRemote server returned '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)'\n";
    let d = diagnose(forwarding.as_bytes());
    assert_eq!(select(&d).playbook.id, "microsoft-forwarding-blocked");
}

/// Case 09: "501 5.5.4 Bad NOTIFY parameter syntax" answers the sending server's malformed
/// command: a syntax error, not a system error of the receiver.
#[test]
fn a_bad_parameter_is_the_senders_syntax_error() {
    let text = "list@lists.example.org: 501 5.5.4 Error: Bad NOTIFY parameter syntax\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::SyntaxError);
}

/// Case 01: a mail service's Postfix returns the message after Yahoo's temporary TSS04 kept
/// deferring it: the recipient is `failed`, so nothing retries it any more. The advice must not
/// say "not failed for good" or "your server retries by itself"; it says to send again once,
/// later. A delay notice with the same reply still waits.
#[test]
fn a_yahoo_deferral_the_server_gave_up_on_is_not_a_wait() {
    let failed = "Undelivered Mail Returned to Sender\nThis is the mail system at host mail.example.net.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<hanako@example.com>: host mta7.am0.yahoodns.net[198.51.100.94] said: 421\n    4.7.0 [TSS04] Messages from 192.0.2.14 temporarily deferred due to\n    unexpected volume or user complaints - 4.16.55.1; see\n    https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)\n";
    let d = diagnose(failed.as_bytes());
    assert_eq!(d.recipients[0].action, "failed");
    assert_eq!(select(&d).playbook.id, "yahoo-deferred");
    for lang in [Lang::En, Lang::Ja] {
        let a = advise(&d, lang);
        assert_ne!(a.urgency.id, Urgency::Wait, "{lang:?}");
        assert!(a.who.iter().all(|w| w.id != Actor::Nobody), "{lang:?}");
        let all = format!(
            "{} {}",
            a.verdict,
            a.steps
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        for wait in [
            "has not failed",
            "retries by itself",
            "まだ失敗は確定していません",
            "自動で再送します",
        ] {
            assert!(!all.contains(wait), "{lang:?}: {wait}");
        }
    }
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("gave up"), "{}", en.verdict);
    assert!(
        en.steps[0].text.contains("send it again, once"),
        "{}",
        en.steps[0].text
    );
    // The same reply in a delay notice: the server is still retrying.
    let delayed = "Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; hanako@example.com\nAction: delayed\nStatus: 4.7.0\nDiagnostic-Code: smtp; 421 4.7.0 [TSS04] Messages from 192.0.2.14 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes\n";
    let d = diagnose(delayed.as_bytes());
    let a = advise(&d, Lang::En);
    assert_eq!(a.id, "yahoo-deferred");
    assert_eq!(a.urgency.id, Urgency::Wait);
    assert!(a.verdict.contains("has not failed"), "{}", a.verdict);
}

/// Case 11: SendGrid's event for Outlook.com's range block (S3150), the address masked: the
/// sending address is SendGrid's, so the advice is the sending service's (its support, not a
/// hosting company), and the missing address is one the service's dashboard knows.
#[test]
fn an_outlook_com_block_of_a_sending_services_address_goes_to_the_service() {
    let event = r#"{"email":"hanako@example.com","event":"bounce","ip":"xxx","reason":"550 5.7.1 Unfortunately, messages from [w.x.y.z] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http:\/\/mail.live.com\/mail\/troubleshooting.aspx#errors. [DM6NAM11FT044.eop-nam11.prod.protection.outlook.com]","sg_event_id":"Ym91bmNl","sg_message_id":"IWe-stDXSP.filterdrecv-p3iad2","smtp-id":"<a@example.net>","status":"5.7.1","timestamp":1600000000,"type":"blocked"}"#;
    let d = diagnose(event.as_bytes());
    assert!(
        d.notes.iter().any(|n| n.id == "sent_through_esp"),
        "{:?}",
        d.notes
    );
    assert_eq!(select(&d).playbook.id, "esp-sender-ip-listed");
    for lang in [Lang::En, Lang::Ja] {
        let a = advise(&d, lang);
        assert_eq!(a.who[0].id, Actor::SenderProvider);
        assert!(
            a.who[0].label.contains("ESP"),
            "{lang:?}: {}",
            a.who[0].label
        );
        let all = format!(
            "{} {} {} {}",
            a.who
                .iter()
                .map(|w| w.label.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            a.verdict,
            a.prepare
                .iter()
                .map(|p| format!("{p:?}"))
                .collect::<Vec<_>>()
                .join(" "),
            a.steps
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        for host in ["hosting company", "ホスティング事業者"] {
            assert!(!all.contains(host), "{lang:?}: {all}");
        }
    }
    let en = advise(&d, Lang::En);
    assert!(
        en.verdict.contains("sending service's dashboard"),
        "{}",
        en.verdict
    );
    // Without the note (the customer's own server), Outlook.com's own playbook stays.
    let own = "550 5.7.1 Unfortunately, messages from [192.0.2.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).\n";
    assert_eq!(
        select(&diagnose(own.as_bytes())).playbook.id,
        "outlook-com-network-block"
    );
}

/// Case 55: a refusal that names a list this page cannot look up ("Vade Threat List"): the
/// first step says what to do with the name, not only that it is the reason.
#[test]
fn a_named_list_step_says_what_to_do_with_it() {
    let text = "550 5.7.1 IP 192.0.2.203 blocked by Example Threat List (EX001_101)\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-blocked");
    let en = advise(&d, Lang::En);
    assert!(
        en.steps[0].text.contains("how to ask for removal"),
        "{}",
        en.steps[0].text
    );
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.steps[0].text.contains("解除の申し込み方"),
        "{}",
        ja.steps[0].text
    );
}

/// Case 54: Exchange Online's 5.7.57 NDR whose own sentence says only the recipient's
/// administrator can fix it, while Microsoft's page for 5.7.57 is about an app or device at
/// smtp.office365.com that did not sign in. The advice says which applies when, and the ready
/// message asks about the sign-in (and the connector), not "the domain's DNS".
#[test]
fn microsoft_5_7_57_says_which_reading_applies_when() {
    let text = "Status code: 530 5.7.57 This error occurs when the recipient's email domain is configured to reject email from anonymous users. To fix the issue, the recipient's email admin must either add the sender's email address or your domain to their allowed senders list or turn off the global setting that rejects anonymous senders. This issue can only be fixed by the recipient's email admin. Reported error: 530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [AM0PR01CA0001.eurprd01.prod.outlook.com] DSN generated by: AM0PR02MB0002.eurprd02.prod.outlook.com Remote server: AM0PR01CA0001.outlook.office365.com\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "microsoft-smtp-client-auth");
    let en = advise(&d, Lang::En);
    assert!(
        en.steps
            .iter()
            .any(|s| s.text.contains("only the recipient's administrator")
                && s.text.contains("if you sent it from Outlook as usual")),
        "{:?}",
        en.steps.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
    let body = &en.message.as_ref().expect("a ready message").body;
    assert!(body.contains("SMTP AUTH"), "{body}");
    assert!(!body.contains("the domain's DNS"), "{body}");
    let ja = advise(&d, Lang::Ja);
    assert!(ja
        .steps
        .iter()
        .any(|s| s.text.contains("宛先の管理者だけが直せる")));
    let body = &ja.message.as_ref().expect("a ready message").body;
    assert!(body.contains("SMTP AUTH"), "{body}");
    assert!(!body.contains("ドメインの DNS"), "{body}");
}
