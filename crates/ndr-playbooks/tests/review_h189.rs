//! Review h189: a fourth visitor pasted real bounces (held out) and its own pastes into the page;
//! what the advice said that did not fit, each checked on the form of the reply (anonymized,
//! documentation addresses and example domains).

mod common;

use common::{all_text, all_text_with_letter};
use ndr_core::diagnose;
use ndr_playbooks::{advise, labels, select, Lang};

/// 1 (held-out aa 25): Amazon SES refused an identity the account has not verified in the region
/// it sent through. The SMTP form (which Sisimai reads as `norelaying`) and the API's form get
/// SES's own advice: verify the identity in that region, or leave the sandbox; nothing about
/// SMTP authentication or the recipient's spelling.
#[test]
fn ses_unverified_identity_gets_its_own_advice() {
    for text in [
        "Error sending mail:\n\nFailed to send data [SMTP: Invalid response code received from server (code: 554, response: Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: Example Wiki <noreply@example.org>, noreply@example.org)]\n",
        "<ken@example.net>: host email-smtp.eu-west-1.amazonaws.com[192.0.2.2] said: 554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: ken@example.net (in reply to end of DATA command)\n",
        "MessageRejected: Email address is not verified. The following identities failed the check in region US-WEST-2: sales@example.com\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(
            select(&d).playbook.id,
            "esp-ses-unverified-identity",
            "{text}"
        );
        let (ja, en) = labels::reason_of(&d);
        assert!(en.contains("Amazon SES"), "{en}");
        assert!(ja.contains("Amazon SES"), "{ja}");
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(&d, lang);
            let all = all_text_with_letter(&r);
            assert!(all.contains("sandbox") || all.contains("サンドボックス"), "{all}");
            assert!(
                r.steps.iter().any(|s| s.link.as_ref().is_some_and(|l| l.url
                    == "https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html")),
                "{all}"
            );
            for wrong in [
                "turn on \"outgoing server requires authentication\"",
                "Check the spelling of the recipient",
                "「認証が必要」を有効",
                "relaying",
                "中継",
            ] {
                assert!(!all.contains(wrong), "{wrong} in {all}");
            }
        }
    }
}

/// 2 (held-out aa 30): qmail-send's log line of a deferral ("delivery N: deferral: ...") is a
/// try that failed for now: the server still holds the message. The advice is the delay's, not
/// "tried many times then gave up"; its final "failure:" line stays a failure.
#[test]
fn a_qmail_deferral_log_line_is_still_being_retried() {
    let line = "Oct 16 20:00:59 mx qmail: 1224154859.165779 delivery 9123: deferral: Connected_to_192.0.2.112_but_greeting_failed./Remote_host_said:_421_Service_not_available,_closing_transmission_channel/\n";
    let d = diagnose(line.as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-delayed");
    let (_, en) = labels::reason_of(&d);
    assert!(en.starts_with("Delayed"), "{en}");
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text(&advise(&d, lang));
        for wrong in ["gave up", "あきらめました", "until the cause is fixed"] {
            assert!(!all.contains(wrong), "{wrong} in {all}");
        }
    }
    let failed = line.replace(": deferral: ", ": failure: ");
    let d = diagnose(failed.as_bytes());
    assert_ne!(select(&d).playbook.id, "generic-delayed");
    assert!(!labels::reason_of(&d).1.starts_with("Delayed"));
}

/// 3 (own 01): Microsoft 365's 5.7.708 is the organisation's mail sent out through
/// low-reputation addresses and refused: the letter asks for a check of the recent outgoing
/// mail and Microsoft support, not for "restricted users" (5.7.705's and 5.1.8's words).
#[test]
fn microsoft_5_7_708_letter_fits_a_low_reputation_organisation() {
    let text = "Your message to tanaka@example.net couldn't be delivered.\n\
        Status code: 550 5.7.708\n\
        Generating server: TYCPR01MB8500.jpnprd01.prod.outlook.com\n\n\
        tanaka@example.net\n\
        Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [TY2PEPF0000AB12.apcprd06.prod.outlook.com 2025-05-12T02:11:12.123Z 08DD6F0F12345678]'\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "microsoft-new-tenant-ip");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let letter = r
            .message
            .as_ref()
            .expect("a letter to the admin")
            .body
            .clone();
        for wrong in [
            "restricted users",
            "制限されたユーザー",
            "whole organisation",
            "組織全体",
        ] {
            assert!(!letter.contains(wrong), "{wrong} in {letter}");
        }
        assert!(
            letter.contains("Microsoft support") || letter.contains("Microsoft サポート"),
            "{letter}"
        );
        assert!(
            letter.contains("low-reputation") || letter.contains("評価の低い"),
            "{letter}"
        );
    }
}

/// 4 (own 03): iCloud's HM08 refusal shown in Gmail's notice: the sending IP address is
/// Google's, so no step and no letter asks for "your sending IP address" or its PTR.
#[test]
fn icloud_refusal_of_gmail_sent_mail_asks_for_no_ip_of_the_senders() {
    let text = "Message not delivered. There was a problem delivering your message to k.ito@icloud.com. See the technical details below. The response from the remote server was: 550 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "icloud-policy-google");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let all = all_text_with_letter(&r);
        for wrong in [
            "ask your mail provider",
            "your sending server's IP",
            "送信元 IP アドレス（この通知には書かれていません",
            "Sending IP address:",
            "hosting company",
        ] {
            assert!(!all.contains(wrong), "{wrong} in {all}");
        }
        assert!(all.contains("icloudadmin@apple.com"), "{all}");
        assert!(all.contains("Google"), "{all}");
        assert!(r.says_note("sender_on_google"));
    }
    // The same refusal from the sender's own server keeps the IP address and PTR checks.
    let own = text.replace("Message not delivered. There was a problem delivering your message to k.ito@icloud.com. See the technical details below. The response from the remote server was: ", "<k.ito@icloud.com>: host mx01.mail.icloud.com[192.0.2.5] said: ");
    let d = diagnose(own.as_bytes());
    assert_eq!(select(&d).playbook.id, "icloud-policy");
}
