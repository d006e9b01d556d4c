//! Advice for the bounces of the fifth page review and the second real-pastes test, each read
//! by the core from a paste written like the ones users send (documentation addresses and
//! example domains, except where a listed address is the point).

use ndr_core::{diagnose, Diagnosis};
use ndr_playbooks::{advise, advise_with_lookups, select, Actor, Lang, Listing, To};

fn steps(r: &ndr_playbooks::Rendered) -> String {
    r.steps
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// An Outlook submission error: the sender's own tenant refuses the From address.
fn send_as() -> Diagnosis {
    diagnose(
        b"Your message did not reach some or all of the intended recipients.\n\n\
        Subject: Quote\nSent: 2026/11/25 10:00\n\n\
        The following recipient(s) cannot be reached:\n\n\
        partner@example.org on 2026/11/25 10:00\n\
        This message could not be sent. Try sending the message again later, or contact your \
        network administrator. The error reported by the server is: 550 5.7.60 SMTP; Client does \
        not have permissions to send as this sender [TYWPR01MB1000.jpnprd01.prod.outlook.com]\n",
    )
}

#[test]
fn send_as_denied_is_the_senders_own_tenant() {
    let d = send_as();
    assert_eq!(select(&d).playbook.id, "microsoft-send-as-denied");
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("Send As") || en.verdict.contains("permission"));
    assert!(en.verdict.contains("The receiving side refused nothing"));
    assert!(!en.who.iter().any(|w| w.id == Actor::RecipientAdmin));
    assert!(!en.who.iter().any(|w| w.id == Actor::SenderProvider));
    let m = en.message.expect("a message to the administrator");
    assert_eq!(m.to.id, To::Microsoft365Admin);
    assert!(m.body.contains("Send As"), "{}", m.body);
    // The same words from on-premises Exchange (5.7.1) take the same advice.
    let onprem = diagnose(
        b"Remote Server returned '550 5.7.1 Client does not have permissions to send as this sender'\n",
    );
    assert_eq!(select(&onprem).playbook.id, "microsoft-send-as-denied");
}

fn private_ip_spamhaus() -> Diagnosis {
    diagnose(
        b"From: MAILER-DAEMON@mail.example.net (Mail Delivery System)\n\
        To: ken@example.net\nSubject: Undelivered Mail Returned to Sender\n\n\
        This is the mail system at host mail.example.net.\n\n\
        <yuki@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1 Service\n    \
        unavailable; Client host [192.168.1.20] blocked using zen.spamhaus.org;\n    \
        https://www.spamhaus.org/query/ip/192.168.1.20 (in reply to RCPT TO command)\n",
    )
}

#[test]
fn a_private_address_in_a_blocklist_refusal_is_the_receivers_to_fix() {
    let d = private_ip_spamhaus();
    assert_eq!(d.blocked_ip.as_deref(), Some("192.168.1.20"));
    assert_eq!(select(&d).playbook.id, "generic-listed-private-ip");
    // Lookups cannot change it: the address is never asked about.
    let listed = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    for r in [
        advise(&d, Lang::En),
        advise_with_lookups(&d, &listed, &[], Lang::En),
    ] {
        assert_eq!(r.id, "generic-listed-private-ip");
        assert_eq!(r.who.len(), 1);
        assert_eq!(r.who[0].id, Actor::RecipientAdmin);
        let m = r
            .message
            .expect("a message to the recipient's administrator");
        assert_eq!(m.to.id, To::RecipientAdmin);
        assert!(!m.body.contains("request removal"), "{}", m.body);
        assert!(r.donts.iter().any(|d| d.contains("hosting company")));
    }
    // A documentation address stays a sample: the list's own advice.
    let doc = diagnose(
        b"<yuki@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1 Service\n    \
        unavailable; Client host [192.0.2.20] blocked using zen.spamhaus.org\n    \
        (in reply to RCPT TO command)\n",
    );
    assert!(
        select(&doc).playbook.id.starts_with("spamhaus"),
        "{}",
        select(&doc).playbook.id
    );
}

fn s3150_listed() -> Diagnosis {
    diagnose(
        b"Delivery has failed to these recipients or groups:\n\nfriend@hotmail.com\n\
        Your message wasn't delivered because the recipient's email provider rejected it.\n\n\
        Diagnostic information for administrators:\n\
        Generating server: smtp.shared-host-sample.example\nfriend@hotmail.com\n\
        Remote Server returned '550 5.7.1 Unfortunately, messages from [93.184.216.34] weren't \
        sent. Please contact your Internet service provider since part of their network is on our \
        block list (S3150). You can also refer your provider to \
        http://mail.live.com/mail/troubleshooting.aspx#errors.'\n",
    )
}

#[test]
fn a_lasting_listing_found_by_lookups_is_named_next_to_outlook_coms_block() {
    let d = s3150_listed();
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    let plain = advise_with_lookups(&d, &[], &["zen.spamhaus.org"], Lang::En);
    assert_eq!(plain.id, "outlook-com-network-block");
    assert!(!plain.verdict.contains("Spamhaus"), "{}", plain.verdict);
    let en = advise_with_lookups(&d, &sbl, &[], Lang::En);
    // Outlook.com's own delisting stays, and the SBL listing comes first.
    assert_eq!(en.id, "outlook-com-network-block");
    assert!(en.verdict.contains("Spamhaus"), "{}", en.verdict);
    let all = steps(&en);
    assert!(all.contains("Spamhaus"), "{all}");
    assert!(
        all.contains("Outlook.com") || all.contains("Microsoft"),
        "{all}"
    );
    let first_outlook = all.find("Outlook").unwrap_or(usize::MAX);
    assert!(
        all.find("Spamhaus").is_some_and(|s| s < first_outlook),
        "{all}"
    );
    assert_eq!(en.who[0].id, Actor::SenderProvider);
    let m = en.message.expect("a message to the host");
    assert!(m.body.contains("Spamhaus"), "{}", m.body);
    assert!(m.body.trim_end().ends_with("Thank you."), "{}", m.body);
    let ja = advise_with_lookups(&d, &sbl, &[], Lang::Ja);
    assert!(ja.verdict.contains("Spamhaus"), "{}", ja.verdict);
    // A lookup that finds nothing lasting changes nothing.
    let spamcop = [Listing {
        zone: "bl.spamcop.net",
        answer: "127.0.0.2",
    }];
    let only_spamcop = advise_with_lookups(&d, &spamcop, &[], Lang::En);
    assert_eq!(only_spamcop.verdict, plain.verdict);
}

#[test]
fn a_lasting_listing_is_named_next_to_microsoft_365s_banned_ip() {
    let d = diagnose(
        b"Remote Server returned '550 5.7.606 Access denied, banned sending IP [93.184.216.34]. \
        To request removal from this list please visit https://sender.office.com/ and follow the \
        directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 \
        (AS16012609)'\n",
    );
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.3",
    }];
    let base = select(&d).playbook.id;
    let en = advise_with_lookups(&d, &sbl, &[], Lang::En);
    assert_eq!(en.id, base);
    assert!(en.verdict.contains("Spamhaus"), "{}", en.verdict);
    assert!(
        steps(&en).contains("sender.office.com")
            || en.steps.iter().any(|s| s
                .link
                .as_ref()
                .is_some_and(|l| l.url.contains("sender.office.com")))
    );
}

#[test]
fn spamcop_named_with_a_lasting_listing_leads_with_the_listing() {
    let d = diagnose(
        b"<sales@example.com>: host mx.example.com[203.0.113.9] said: 554 5.7.1\n    \
        Service unavailable; Client host [93.184.216.34] blocked using\n    bl.spamcop.net; \
        Blocked - see https://www.spamcop.net/bl.shtml?93.184.216.34\n    \
        (in reply to RCPT TO command)\n",
    );
    let listed = [
        Listing {
            zone: "zen.spamhaus.org",
            answer: "127.0.0.2",
        },
        Listing {
            zone: "bl.spamcop.net",
            answer: "127.0.0.2",
        },
    ];
    let en = advise_with_lookups(&d, &listed, &[], Lang::En);
    assert!(
        en.verdict
            .starts_with("Your sending IP address 93.184.216.34"),
        "{}",
        en.verdict
    );
    assert!(
        en.why.starts_with("The refusal named SpamCop"),
        "{}",
        en.why
    );
}

#[test]
fn a_group_that_wants_signed_in_senders_tells_both_members_and_outsiders() {
    let d = diagnose(
        b"Delivery has failed to these recipients or groups:\n\nallstaff@contoso-sample.example\n\
        Your message couldn't be delivered because delivery to this group is restricted to \
        authenticated senders.\n\nDiagnostic information for administrators:\n\
        Generating server: TY0PR01MB0000.jpnprd01.prod.outlook.com\n\
        allstaff@contoso-sample.example\n\
        Remote Server returned '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; \
        authentication required; Delivery restriction check failed because the sender was not \
        authenticated when sending to this group'\n",
    );
    assert_eq!(
        select(&d).playbook.id,
        "microsoft-restricted-unauthenticated"
    );
    let en = advise(&d, Lang::En);
    let all = format!("{} {} {}", en.why, steps(&en), en.verdict);
    assert!(!all.contains("nothing to fix on your side"), "{all}");
    assert!(!all.contains("are not the cause"), "{all}");
    assert!(all.contains("If you belong to that organisation"), "{all}");
    assert!(
        all.contains("If you are outside that organisation"),
        "{all}"
    );
    assert_eq!(en.who[0].id, Actor::Sender);
}

#[test]
fn no_rendered_step_keeps_an_unfilled_blocklist_name() {
    let d = diagnose(
        b"From: MAILER-DAEMON@mail.example.jp (Mail Delivery System)\n\
        Subject: Delayed Mail (still being retried)\n\n\
        This is the mail system at host mail.example.jp.\n\n\
        # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n\n\
        <buyer@example.org>: host mx.example.org[203.0.113.25] refused to talk to\n    \
        me: 554 5.7.1 Your access to this mail system has been rejected due to the\n    \
        sending MTA's poor reputation.\n",
    );
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let all = steps(&r);
        assert!(!all.contains("[blocklist named"), "{all}");
        assert!(!all.contains("エラー文中のブロックリスト名"), "{all}");
    }
}
