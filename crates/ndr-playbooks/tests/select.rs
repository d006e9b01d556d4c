//! Which playbook a constructed `Diagnosis` leads to, and how it was chosen.

use ndr_core::{Diagnosis, Note, Party, Reason, Recipient};
use ndr_playbooks::{select, select_with, Listing, SelectedBy};

fn diag(party: Option<Party>, reason: Reason) -> Diagnosis {
    Diagnosis {
        blocking_party: party,
        reason,
        ..Diagnosis::default()
    }
}

#[track_caller]
fn check(d: &Diagnosis, want_id: &str, want_by: SelectedBy) {
    let s = select(d);
    assert_eq!(
        (s.playbook.id, s.by),
        (want_id, want_by),
        "for {}",
        d.summary()
    );
}

#[test]
fn provider_code_comes_first() {
    let mut d = diag(Some(Party::Microsoft), Reason::Blocked);
    d.provider_code = Some("AS(16012609)".into());
    d.enhanced_code = Some("5.7.511".into());
    check(&d, "microsoft-banned-ip", SelectedBy::ProviderCode);

    let mut d = diag(Some(Party::OutlookCom), Reason::Blocked);
    d.provider_code = Some("S3150".into());
    check(&d, "outlook-com-network-block", SelectedBy::ProviderCode);

    // "Not in whitelist" is the recipient's own allow-only filter, not a block list.
    let mut d = diag(Some(Party::RecipientOrg), Reason::Blocked);
    check(&d, "recipient-org-block-list", SelectedBy::PartyReason);
    d.recipients = vec![Recipient {
        diagnostic_text: "IP not in whitelist for RCPT domain, closing connection.".into(),
        reason: Reason::Blocked,
        ..Recipient::default()
    }];
    check(&d, "recipient-org-filter", SelectedBy::PartyReason);

    let mut d = diag(Some(Party::Trendmicro), Reason::Blocked);
    d.provider_code = Some("ERS-QIL".into());
    check(&d, "trendmicro-ers-qil", SelectedBy::ProviderCode);

    // A Microsoft consumer code that sends the sender to Spamhaus.
    let mut d = diag(Some(Party::OutlookCom), Reason::Blocked);
    d.provider_code = Some("DY-001".into());
    check(&d, "spamhaus-pbl", SelectedBy::ProviderCode);

    // The core's normalised form and a sloppy one lead to the same place, party or not.
    let mut d = diag(None, Reason::Undefined);
    d.provider_code = Some("tss04".into());
    check(&d, "yahoo-deferred", SelectedBy::ProviderCode);
}

#[test]
fn enhanced_code_at_the_party_comes_next() {
    let mut d = diag(Some(Party::Microsoft), Reason::Blocked);
    d.enhanced_code = Some("5.7.612".into());
    check(&d, "microsoft-banned-ip", SelectedBy::PartyCode);

    d.enhanced_code = Some("5.7.511".into());
    check(&d, "microsoft-banned-sender", SelectedBy::PartyCode);

    let mut d = diag(Some(Party::Microsoft), Reason::Speeding);
    d.enhanced_code = Some("4.7.555".into());
    check(&d, "microsoft-throttled", SelectedBy::PartyCode);

    // 5.7.513 is sent by Microsoft but is the recipient organisation's own list.
    let mut d = diag(Some(Party::Microsoft), Reason::Blocked);
    d.enhanced_code = Some("5.7.513".into());
    check(&d, "recipient-org-block-list", SelectedBy::PartyCode);

    let mut d = diag(Some(Party::Gmail), Reason::AuthFailure);
    d.enhanced_code = Some("5.7.26".into());
    check(&d, "gmail-unauthenticated", SelectedBy::PartyCode);

    // One code, two meanings at Yahoo: the reason decides.
    let mut d = diag(Some(Party::Yahoo), Reason::AuthFailure);
    d.enhanced_code = Some("5.7.9".into());
    check(&d, "yahoo-unauthenticated", SelectedBy::PartyCode);
    d.reason = Reason::PolicyViolation;
    check(&d, "yahoo-content", SelectedBy::PartyCode);

    // The recipient's status stands in when the message has none.
    let mut d = diag(Some(Party::Gmail), Reason::RequirePtr);
    d.recipients = vec![Recipient {
        status: Some("5.7.25".into()),
        reason: Reason::RequirePtr,
        ..Recipient::default()
    }];
    check(&d, "gmail-ptr", SelectedBy::PartyCode);
}

#[test]
fn party_and_reason_then_generic_on_purpose() {
    check(
        &diag(Some(Party::Spamcop), Reason::Blocked),
        "spamcop-listed",
        SelectedBy::PartyReason,
    );
    check(
        &diag(Some(Party::Docomo), Reason::Filtered),
        "docomo-filtered",
        SelectedBy::PartyReason,
    );
    check(
        &diag(Some(Party::Au), Reason::UserUnknown),
        "au-user-unknown",
        SelectedBy::PartyReason,
    );
    check(
        &diag(Some(Party::Mimecast), Reason::OnHold),
        "mimecast-greylisting",
        SelectedBy::PartyReason,
    );
    // Not about the party: the generic playbook, explicitly.
    check(
        &diag(Some(Party::Microsoft), Reason::MailboxFull),
        "generic-mailboxfull",
        SelectedBy::GenericReason,
    );
    check(
        &diag(Some(Party::Spamhaus), Reason::UserUnknown),
        "generic-userunknown",
        SelectedBy::GenericReason,
    );
}

#[test]
fn without_a_party() {
    check(
        &diag(None, Reason::UserUnknown),
        "generic-userunknown",
        SelectedBy::GenericReason,
    );
    check(
        &diag(None, Reason::Expired),
        "generic-expired",
        SelectedBy::GenericReason,
    );

    // A code only Microsoft uses still finds Microsoft's procedure.
    let mut d = diag(None, Reason::Blocked);
    d.enhanced_code = Some("5.7.606".into());
    check(&d, "microsoft-banned-ip", SelectedBy::UniqueCode);

    // A code several parties use does not guess.
    d.enhanced_code = Some("5.7.1".into());
    check(&d, "generic-blocked", SelectedBy::GenericReason);

    // An undefined reason falls back to the RFC 3463 meaning, 4.x.y through 5.x.y.
    let mut d = diag(None, Reason::Undefined);
    d.enhanced_code = Some("5.2.2".into());
    check(&d, "generic-mailboxfull", SelectedBy::GenericCode);
    d.enhanced_code = Some("4.3.4".into());
    check(&d, "generic-mesgtoobig", SelectedBy::GenericCode);
    d.enhanced_code = Some("9.9.9".into());
    check(&d, "generic-undefined", SelectedBy::GenericReason);
}

#[test]
fn notes_change_who_must_act() {
    let mut d = diag(Some(Party::Spamhaus), Reason::Blocked);
    d.list_zone = Some("zen.spamhaus.org".into());
    d.notes = vec![Note {
        id: "receiver_resolver_refused".into(),
        detail: "zen.spamhaus.org".into(),
    }];
    check(&d, "spamhaus-open-resolver", SelectedBy::Note);

    let mut d = diag(None, Reason::Blocked);
    d.list_zone = Some("dnsbl.sorbs.net".into());
    d.notes = vec![Note {
        id: "closed_list".into(),
        detail: "dnsbl.sorbs.net".into(),
    }];
    check(&d, "closed-list", SelectedBy::Note);
}

#[test]
fn spamhaus_sub_lists_are_told_apart() {
    let base = diag(Some(Party::Spamhaus), Reason::Blocked);
    check(&base, "spamhaus-listed", SelectedBy::PartyReason);

    let mut d = base.clone();
    d.list_zone = Some("xbl.spamhaus.org".into());
    check(&d, "spamhaus-xbl", SelectedBy::PartyReason);

    let with_text = |text: &str| {
        let mut d = base.clone();
        d.list_zone = Some("zen.spamhaus.org".into());
        d.recipients = vec![Recipient {
            diagnostic_text: text.into(),
            reason: Reason::Blocked,
            ..Recipient::default()
        }];
        select(&d).playbook.id
    };
    assert_eq!(
        with_text("blocked by RBL; https://www.spamhaus.org/sbl/query/SBLCSS"),
        "spamhaus-css"
    );
    assert_eq!(
        with_text("see https://check.spamhaus.org/sbl/query/SBL123456"),
        "spamhaus-sbl"
    );
    assert_eq!(
        with_text("Listed by PBL, see https://check.spamhaus.org/query/ip/192.0.2.1"),
        "spamhaus-pbl"
    );
    assert_eq!(
        with_text("Client host blocked using zen.spamhaus.org"),
        "spamhaus-listed"
    );

    // A blocklist answer the caller already has.
    let listed = |answer: &str| {
        select_with(
            &base,
            &[Listing {
                zone: "zen.spamhaus.org",
                answer,
            }],
        )
        .playbook
        .id
    };
    assert_eq!(listed("127.0.0.2"), "spamhaus-sbl");
    assert_eq!(listed("127.0.0.3"), "spamhaus-css");
    assert_eq!(listed("127.0.0.4"), "spamhaus-xbl");
    assert_eq!(listed("127.0.0.11"), "spamhaus-pbl");
    // An error answer is not a listing and refines nothing.
    assert_eq!(listed("127.255.255.254"), "spamhaus-listed");

    // Yahoo's BL23 is tied to the XBL.
    let mut d = base.clone();
    d.provider_code = Some("BL23".into());
    check(&d, "spamhaus-xbl", SelectedBy::ProviderCode);
}

#[test]
fn other_refinements() {
    let mut d = diag(Some(Party::Uceprotect), Reason::Blocked);
    check(&d, "uceprotect-level1", SelectedBy::PartyReason);
    d.recipients = vec![Recipient {
        diagnostic_text: "553 Your IP is BLACKLISTED at UCEPROTECT-LEVEL 2".into(),
        reason: Reason::Blocked,
        ..Recipient::default()
    }];
    check(&d, "uceprotect-level2-3", SelectedBy::PartyReason);

    let mut d = diag(Some(Party::Spamrats), Reason::Blocked);
    d.list_zone = Some("noptr.spamrats.com".into());
    check(&d, "spamrats-dyna-noptr", SelectedBy::PartyReason);

    let mut d = diag(Some(Party::Trendmicro), Reason::Blocked);
    d.recipients = vec![Recipient {
        diagnostic_text: "refused due to the sender IP found in ERS-DUL".into(),
        reason: Reason::Blocked,
        ..Recipient::default()
    }];
    check(&d, "trendmicro-ers-dul", SelectedBy::PartyReason);
}

#[test]
fn every_party_and_reason_selects_something() {
    for &p in Party::ALL {
        for &r in Reason::ALL {
            let s = select(&diag(Some(p), r));
            assert!(!s.playbook.steps.is_empty(), "{} {}", p.id(), r.name());
        }
    }
}

#[test]
fn recipients_with_different_reasons_get_their_own_advice() {
    let d = Diagnosis {
        reason: Reason::MailboxFull,
        recipients: vec![
            Recipient {
                recipient: "a@example.jp".into(),
                reason: Reason::MailboxFull,
                status: Some("5.2.2".into()),
                ..Recipient::default()
            },
            Recipient {
                recipient: "b@example.jp".into(),
                reason: Reason::UserUnknown,
                status: Some("5.1.1".into()),
                ..Recipient::default()
            },
        ],
        ..Diagnosis::default()
    };
    check(&d, "generic-mailboxfull", SelectedBy::GenericReason);
    let second = ndr_playbooks::for_recipient(&d, 1).expect("two recipients");
    check(&second, "generic-userunknown", SelectedBy::GenericReason);
    let advice = ndr_playbooks::advise(&second, ndr_playbooks::Lang::En);
    assert!(
        advice.verdict.contains("b@example.jp"),
        "{}",
        advice.verdict
    );
    assert!(ndr_playbooks::for_recipient(&d, 2).is_none());
}

#[test]
fn messages_to_english_only_operators_stay_english_in_japanese_advice() {
    let mut d = diag(Some(Party::Microsoft), Reason::Blocked);
    d.enhanced_code = Some("5.7.511".into());
    let advice = ndr_playbooks::advise(&d, ndr_playbooks::Lang::Ja);
    let m = advice.message.expect("a message to Microsoft");
    assert_eq!(m.address.as_deref(), Some("delist@microsoft.com"));
    // The note is Japanese and stands outside the body (review h170, x 30); the missing facts
    // read as English fill-ins, not Japanese ones.
    assert!(
        m.note
            .as_deref()
            .is_some_and(|n| n.starts_with("（Microsoft")),
        "{:?}",
        m.note
    );
    assert!(m.body.starts_with("Hello"), "{}", m.body);
    assert!(
        m.body.contains("[paste the full error message here]"),
        "{}",
        m.body
    );
    assert!(!m.body.contains('［'), "{}", m.body);
}

#[test]
fn notices_where_nothing_failed_say_so_instead_of_waiting() {
    use ndr_playbooks::{Actor, Lang};
    for reason in [Reason::Vacation, Reason::Delivered] {
        let s = select(&diag(None, reason));
        assert_eq!(s.playbook.actors, &[Actor::NothingToDo], "{reason:?}");
        let en = ndr_playbooks::advise(&diag(None, reason), Lang::En);
        assert_eq!(en.who[0].label, "Nobody (no mail failed)");
    }
    // Sisimai's "onhold" is a refusal whose reason the bounce does not give, not a pause.
    let s = select(&diag(None, Reason::OnHold));
    assert!(!s.playbook.actors.contains(&Actor::Nobody));
}

#[test]
fn a_delay_warning_is_not_read_as_a_final_failure() {
    let delayed = |reason: Reason| Recipient {
        action: "delayed".into(),
        reason,
        ..Recipient::default()
    };
    // Sisimai's convention reads a delay as "expired"; a generic "gave up" would be untrue.
    let mut d = diag(None, Reason::Expired);
    d.recipients = vec![delayed(Reason::Expired)];
    check(&d, "generic-delayed", SelectedBy::Delayed);
    // A temporary "451 4.7.1 Service unavailable" with nobody named.
    let mut d = diag(None, Reason::Blocked);
    d.smtp_code = Some("451".into());
    d.enhanced_code = Some("4.7.1".into());
    d.recipients = vec![delayed(Reason::Blocked), delayed(Reason::Blocked)];
    check(&d, "generic-delayed", SelectedBy::Delayed);
    // One recipient failed for good: the report is about a failure.
    let mut failed = Recipient {
        action: "failed".into(),
        reason: Reason::Blocked,
        diagnostic_text: "451 4.7.1 Client host blocked".into(),
        ..Recipient::default()
    };
    d.recipients.push(failed.clone());
    check(&d, "generic-blocked", SelectedBy::GenericReason);
    // The same failure after a bare "try again later" that names no block: the sending server
    // gave up on a deferral, which the expired advice explains (held-out p, case 24).
    failed.diagnostic_text = "451 4.7.1 Service unavailable - try again later".into();
    d.recipients.pop();
    d.recipients.push(failed);
    check(&d, "generic-expired", SelectedBy::GenericReason);
    // A named blocklist: acting now can still save the message, so its playbook stays.
    let mut d = diag(Some(Party::Spamcop), Reason::Blocked);
    d.recipients = vec![delayed(Reason::Blocked)];
    assert_eq!(select(&d).playbook.party, Some(Party::Spamcop));
    // A playbook already written for a wait stays.
    let mut d = diag(Some(Party::Microsoft), Reason::BadReputation);
    d.enhanced_code = Some("4.7.500".into());
    d.recipients = vec![delayed(Reason::BadReputation)];
    check(&d, "microsoft-throttled", SelectedBy::PartyCode);
    // An "on hold" report whose recipients are delayed is a delay.
    let mut d = diag(None, Reason::OnHold);
    d.recipients = vec![delayed(Reason::OnHold)];
    check(&d, "generic-delayed", SelectedBy::Delayed);
    // A receiver fault or an unreachable server while the sending server still retries: the
    // advice must not be "send it again once".
    for reason in [
        Reason::SystemError,
        Reason::NetworkError,
        Reason::SystemFull,
    ] {
        let mut d = diag(None, reason);
        d.recipients = vec![delayed(reason)];
        check(&d, "generic-delayed", SelectedBy::Delayed);
        d.recipients[0].action = "failed".into();
        assert_ne!(select(&d).playbook.id, "generic-delayed", "{reason:?}");
    }
}

/// Sisimai's `onhold` ("too little information to decide the reason") with a permanent reply is
/// a refusal whose reason is unclear; with a temporary one, a delay.
#[test]
fn on_hold_is_a_refusal_unless_the_report_is_temporary() {
    use ndr_playbooks::{advise, Actor, Lang};
    // Case 22 of the third review: T-Online's "554 IP=… A problem occurred" under Gmail's
    // "failed permanently", no enhanced code.
    let mut d = diag(None, Reason::OnHold);
    d.smtp_code = Some("554".into());
    d.recipients = vec![Recipient {
        recipient: "klaus@t-online.example".into(),
        action: "failed".into(),
        reason: Reason::OnHold,
        reply_code: Some("554".into()),
        diagnostic_text: "554 IP=203.0.113.56 - A problem occurred. (Ask your postmaster for help \
            or to contact tosa@rx.t-online.de to clarify.)"
            .into(),
        ..Recipient::default()
    }];
    check(&d, "generic-onhold", SelectedBy::GenericReason);
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert!(r.who.iter().all(|w| w.id != Actor::Nobody), "{lang:?}");
        assert_ne!(r.urgency.id, ndr_playbooks::Urgency::Wait);
        let all = format!("{} {} {:?} {:?}", r.verdict, r.why, r.steps, r.donts);
        for wrong in [
            "still retrying",
            "retries automatically",
            "on hold",
            "再送を続けて",
        ] {
            assert!(!all.contains(wrong), "{lang:?}: {wrong:?} in {all}");
        }
        assert!(
            r.message.is_some(),
            "a ready message for the recipient's administrator"
        );
    }
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("was refused"), "{}", en.verdict);
    assert!(en.verdict.contains("klaus@t-online.example"));
    assert!(en.steps.iter().any(|s| s.text.contains("web address")));
    // The same with only an enhanced code of class 5 and no action.
    let mut d = diag(None, Reason::OnHold);
    d.enhanced_code = Some("5.0.0".into());
    check(&d, "generic-onhold", SelectedBy::GenericReason);
    // Nothing known at all: a pasted bounce is a failure notice until it says otherwise.
    check(
        &diag(None, Reason::OnHold),
        "generic-onhold",
        SelectedBy::GenericReason,
    );

    // A 4xx reply with nobody marked failed: the sending server is still trying.
    let mut d = diag(None, Reason::OnHold);
    d.smtp_code = Some("450".into());
    d.recipients = vec![Recipient {
        recipient: "a@b.example".into(),
        reason: Reason::OnHold,
        reply_code: Some("450".into()),
        ..Recipient::default()
    }];
    check(&d, "generic-delayed", SelectedBy::Delayed);
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("still trying"), "{}", en.verdict);
    // The same reply after the server gave up is a failure, but no refusal: the server
    // retried until it expired (held-out l, HIGH-4).
    d.recipients[0].action = "failed".into();
    check(&d, "generic-expired", SelectedBy::GenericReason);
}

#[test]
fn relaying_denied_by_the_recipients_server_is_their_side() {
    // Said by the sender's own server (no other host named): the sender's SMTP settings.
    let mut d = diag(None, Reason::NoRelaying);
    d.recipients = vec![Recipient {
        recipient: "order@shop.example".into(),
        reason: Reason::NoRelaying,
        diagnostic_text: "554 5.7.1 <order@shop.example>: Relay access denied".into(),
        ..Recipient::default()
    }];
    check(&d, "generic-norelaying", SelectedBy::GenericReason);

    // Said by the recipient's MX after the sender's server handed the message over.
    d.recipients[0].remote_host = Some("mx.shop.example".into());
    d.recipients[0].command = Some("RCPT".into());
    d.recipients[0].diagnostic_text = "host mx.shop.example[198.51.100.120] said: 550 5.7.1 \
        <order@shop.example>: Relay access denied (in reply to RCPT TO command)"
        .into();
    check(&d, "generic-norelaying-remote", SelectedBy::GenericReason);
    let r = ndr_playbooks::advise(&d, ndr_playbooks::Lang::En);
    assert_eq!(r.who[0].id, ndr_playbooks::Actor::RecipientAdmin);
    assert!(r.verdict.contains("mx.shop.example"), "{}", r.verdict);
    assert!(!r
        .steps
        .iter()
        .any(|s| s.text.contains("requires authentication")));

    // The quote alone is enough when the core did not fill in the host.
    d.recipients[0].remote_host = None;
    check(&d, "generic-norelaying-remote", SelectedBy::GenericReason);
}

#[test]
fn a_wait_first_reads_as_nobody_at_first_then_who_acts() {
    use ndr_playbooks::{advise, Actor, Lang};
    // Trend Micro's short-lived list: wait first; if it lasts, whoever runs the listed address
    // acts (the message goes to the hosting company), then the sender.
    let mut d = diag(Some(Party::Trendmicro), Reason::Blocked);
    d.provider_code = Some("ERS-QIL".into());
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::Nobody);
    assert_eq!(
        en.who_line(),
        "Nobody at first (it usually clears by itself); if it does not: Your hosting company (whoever runs your mail server, possibly your ISP) / You (the sender)"
    );
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.who_line().starts_with("当面は対応不要"),
        "{}",
        ja.who_line()
    );
    assert!(
        ja.who_line()
            .contains("。解決しない場合: あなたのホスティング事業者"),
        "{}",
        ja.who_line()
    );
    // Its message is for a listing that did not clear, not a move to another server.
    let body = &en.message.as_ref().expect("a message").body;
    assert!(body.contains("more than 12 hours"), "{body}");
    assert!(!body.contains("move my outgoing mail"), "{body}");

    // Yahoo's deferral names the sender first in its table: the wait still comes first.
    let mut d = diag(Some(Party::Yahoo), Reason::Speeding);
    d.provider_code = Some("TSS04".into());
    let en = advise(&d, Lang::En);
    assert!(
        en.who_line().starts_with("Nobody at first"),
        "{}",
        en.who_line()
    );

    // Alone, nobody is simply nobody; several actors are joined as before.
    let d = diag(None, Reason::UserUnknown);
    assert_eq!(advise(&d, Lang::En).who_line(), "You (the sender)");
}

#[test]
fn gmail_naming_the_sending_domain_gets_domain_advice() {
    let mut d = diag(Some(Party::Gmail), Reason::BadReputation);
    d.blocked_ip = Some("198.51.100.40".into());
    d.sender_domain = Some("fabrikam.example".into());
    d.recipients = vec![Recipient {
        reason: Reason::BadReputation,
        diagnostic_text: "550-5.7.1 [198.51.100.40 12] Gmail has detected that this message is \
            likely suspicious due to the very low reputation of the sending domain."
            .into(),
        ..Recipient::default()
    }];
    check(&d, "gmail-domain-reputation", SelectedBy::PartyReason);
    let r = ndr_playbooks::advise(&d, ndr_playbooks::Lang::En);
    assert!(r.verdict.contains("fabrikam.example"), "{}", r.verdict);
    assert!(!r.verdict.contains("198.51.100.40"), "{}", r.verdict);
    assert!(r.message.is_none(), "no request to move servers");
    assert!(r.steps.iter().any(|s| s.text.contains("Postmaster Tools")));

    // The IP wording stays with the IP playbook.
    d.recipients[0].diagnostic_text = "550-5.7.1 [198.51.100.40] Our system has detected that \
        this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, \
        this message has been blocked."
        .into();
    check(&d, "gmail-unsolicited", SelectedBy::PartyReason);
}

#[test]
fn a_microsoft_group_restricted_to_its_own_senders_is_the_owners_call() {
    use ndr_playbooks::{advise, Actor, Lang};
    // The core reads 5.7.1 RESOLVER.RST.AuthRequired as a security error and may not name
    // Microsoft; the wording still leads to Microsoft's playbook.
    for party in [None, Some(Party::Microsoft)] {
        // "Authentication required" words: a member of the organisation sends signed in, an
        // outsider asks the owner (review 5, M5); "not authorized": only the owner can allow.
        for (text, id, first) in [
            (
                "Reported error: 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required \
                 [Stage: CreateMessage]",
                "microsoft-restricted-unauthenticated",
                Actor::Sender,
            ),
            (
                "Remote Server returned '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized'",
                "microsoft-restricted-recipient",
                Actor::Recipient,
            ),
            (
                "Your message couldn't be delivered because delivery to this group is \
                 restricted to authenticated senders.",
                "microsoft-restricted-unauthenticated",
                Actor::Sender,
            ),
        ] {
            let mut d = diag(party, Reason::SecurityError);
            d.enhanced_code = Some("5.7.1".into());
            d.recipients = vec![Recipient {
                recipient: "sales-team@contoso.example".into(),
                reason: Reason::SecurityError,
                diagnostic_text: text.into(),
                ..Recipient::default()
            }];
            check(&d, id, SelectedBy::ProviderCode);
            let r = advise(&d, Lang::En);
            assert_eq!(r.who[0].id, first);
            assert!(r.who.iter().any(|w| w.id == Actor::Recipient));
            assert!(!r
                .steps
                .iter()
                .any(|s| s.text.contains("check your mail program's password")));
            let m = r.message.expect("a message to the recipient");
            assert!(!m.body.contains("IP address"), "{}", m.body);
            assert!(!m.body.contains("blocklist"), "{}", m.body);
        }
    }
    // Without those words a security error stays generic.
    let mut d = diag(None, Reason::SecurityError);
    d.enhanced_code = Some("5.7.1".into());
    check(&d, "generic-securityerror", SelectedBy::GenericReason);
    // The code page finds it by its code.
    assert_eq!(
        ndr_playbooks::lookup_code("RESOLVER.RST.AuthRequired")[0]
            .playbook
            .id,
        "microsoft-restricted-unauthenticated"
    );
}

#[test]
fn the_icloud_message_states_only_what_the_sender_checked() {
    use ndr_playbooks::{advise, Lang};
    let mut d = diag(Some(Party::Icloud), Reason::PolicyViolation);
    d.provider_code = Some("CS01".into());
    d.sender_domain = Some("fabrikam.example".into());
    let r = advise(&d, Lang::En);
    let m = r.message.expect("a message to Apple");
    assert!(!m.body.contains("We publish"), "{}", m.body);
    assert!(
        m.body.contains("What we checked on our side: ["),
        "{}",
        m.body
    );
    // A step checks SPF, DKIM, DMARC and PTR before the step that writes to Apple.
    let check = r
        .steps
        .iter()
        .position(|s| s.text.contains("Before writing"));
    let write = r
        .steps
        .iter()
        .position(|s| s.text.contains("icloudadmin@apple.com"));
    assert!(
        matches!((check, write), (Some(c), Some(w)) if c < w),
        "{:?}",
        r.steps
    );
    assert!(r.steps[check.unwrap_or(0)]
        .text
        .contains("_dmarc.fabrikam.example"));
}

/// A sender on Microsoft 365 whose mail is refused for a listed sending IP: the address is
/// Microsoft's outbound pool, so the tenant's administrator asks Microsoft, and no hosting
/// company is named. See: second real-use review, T1.
#[test]
fn a_listed_microsoft_365_sender_goes_to_its_admin_not_a_hosting_company() {
    use ndr_playbooks::{advise_with, Actor, Lang, To};
    let on_m365 = Note {
        id: "sender_on_microsoft365".into(),
        detail: String::new(),
    };
    let mut d = diag(Some(Party::Spamhaus), Reason::Blocked);
    d.list_zone = Some("zen.spamhaus.org".into());
    d.blocked_ip = Some("93.184.216.34".into());
    d.notes = vec![on_m365.clone()];
    check(&d, "microsoft-sender-pool-listed", SelectedBy::Note);
    // Also when a blocklist answer narrows it to SBL first.
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    assert_eq!(
        select_with(&d, &sbl).playbook.id,
        "microsoft-sender-pool-listed"
    );
    let p = select(&d).playbook;
    assert!(p.actors.contains(&Actor::SenderAdmin));
    assert!(p.actors.contains(&Actor::RecipientAdmin));
    assert!(!p.actors.contains(&Actor::SenderProvider));
    for lang in [Lang::Ja, Lang::En] {
        let r = advise_with(&d, &sbl, lang);
        let m = r.message.expect("a message to the tenant's admin");
        assert_eq!(m.to.id, To::Microsoft365Admin);
        assert!(!m.body.contains("ホスティング") && !m.body.contains("hosting"));
        assert!(m.body.contains("93.184.216.34"), "{}", m.body);
    }
    // A generic block and another list go the same way.
    let mut g = diag(None, Reason::Blocked);
    g.notes = vec![on_m365.clone()];
    check(&g, "microsoft-sender-pool-listed", SelectedBy::Note);
    let mut b = diag(Some(Party::Barracuda), Reason::Blocked);
    b.notes = vec![on_m365.clone()];
    check(&b, "microsoft-sender-pool-listed", SelectedBy::Note);
    // A receiver's reputation filter (Proofpoint, case 25 of the third review) and Yahoo's
    // block of the address: the same, no hosting company.
    for (party, reason) in [
        (Party::Proofpoint, Reason::Blocked),
        (Party::Proofpoint, Reason::BadReputation),
        (Party::Yahoo, Reason::Blocked),
    ] {
        let mut p = diag(Some(party), reason);
        p.blocked_ip = Some("40.107.220.93".into());
        let without = select(&p).playbook;
        assert!(
            without.actors.contains(&Actor::SenderProvider),
            "{}",
            without.id
        );
        p.notes = vec![on_m365.clone()];
        check(&p, "microsoft-sender-pool-listed", SelectedBy::Note);
        let r = advise_with(&p, &[], Lang::En);
        assert!(r.who.iter().all(|w| w.id != Actor::SenderProvider));
        assert!(r
            .steps
            .iter()
            .any(|s| s.text.contains("allow mail from your address")));
        assert!(r.steps.iter().any(|s| s.text.contains("support request")));
    }
    // Without the note nothing changes; with it, what is not about the IP stays.
    d.notes.clear();
    assert_eq!(select(&d).playbook.id, "spamhaus-listed");
    let mut u = diag(None, Reason::UserUnknown);
    u.notes = vec![on_m365.clone()];
    check(&u, "generic-userunknown", SelectedBy::GenericReason);
    let mut dbl = diag(Some(Party::Spamhaus), Reason::Blocked);
    dbl.list_zone = Some("dbl.spamhaus.org".into());
    dbl.notes = vec![on_m365];
    assert_eq!(select(&dbl).playbook.id, "spamhaus-dbl");
}

/// A PTR refusal names the sending IP without blocking it: the list of what to have at hand
/// does not call it blocked. See: second real-use review, U2.
#[test]
fn a_ptr_refusal_does_not_call_the_ip_blocked() {
    use ndr_playbooks::{advise, Lang};
    let mut d = diag(Some(Party::Gmail), Reason::RequirePtr);
    d.enhanced_code = Some("5.7.25".into());
    d.blocked_ip = Some("2001:db8:3a00:12::25".into());
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let ip = r
            .prepare
            .iter()
            .find(|p| p.value.as_deref() == Some("2001:db8:3a00:12::25"))
            .expect("the IP is among the things to have at hand");
        assert!(
            !ip.label.to_lowercase().contains("block") && !ip.label.contains("ブロック"),
            "{}",
            ip.label
        );
    }
}

/// Gmail 5.7.26 sent through a hosting company's server: the host-neutral SPF rule comes
/// before the Microsoft 365 and Google values, which are marked as examples, and the ready
/// message asks for SPF and DKIM by name. See: second real-use review, T3.
#[test]
fn dmarc_advice_gives_the_spf_rule_before_the_examples_and_asks_for_spf_and_dkim() {
    use ndr_playbooks::{advise, Lang};
    let mut d = diag(Some(Party::Gmail), Reason::AuthFailure);
    d.enhanced_code = Some("5.7.26".into());
    d.sender_domain = Some("seitai-sample.example".into());
    for (lang, example, spf, dkim) in [
        (Lang::En, "Example", "SPF", "DKIM"),
        (Lang::Ja, "例", "SPF", "DKIM"),
    ] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "gmail-unauthenticated");
        let rule = r
            .steps
            .iter()
            .position(|s| s.text.contains("v=spf1") && s.copy.is_none())
            .expect("a step with the host-neutral SPF rule");
        let first_value = r
            .steps
            .iter()
            .position(|s| {
                s.copy
                    .as_ref()
                    .is_some_and(|c| c.value.starts_with("v=spf1"))
            })
            .expect("an SPF example");
        assert!(rule < first_value, "{:?}", r.steps);
        for s in &r.steps {
            if let Some(c) = s.copy.as_ref().filter(|c| c.value.starts_with("v=spf1")) {
                assert!(c.label.starts_with(example), "{}", c.label);
            }
        }
        let m = r.message.expect("a message to the administrator");
        assert!(
            m.subject.contains(spf) && m.subject.contains(dkim),
            "{}",
            m.subject
        );
        assert!(m.body.contains("seitai-sample.example"), "{}", m.body);
    }
}

/// Gmail refuses an IPv6 sending address for its missing PTR: the advice says the mail went out
/// over IPv6, and that a self-run server sets the record in its provider's panel or sends over
/// IPv4. An IPv4 address keeps the usual playbook. See: second real-use review, T5.
#[test]
fn an_ipv6_ptr_refusal_says_ipv6_and_the_ways_out() {
    use ndr_playbooks::{advise, Lang};
    let mut d = diag(Some(Party::Gmail), Reason::RequirePtr);
    d.enhanced_code = Some("5.7.25".into());
    d.blocked_ip = Some("2001:db8:3a00:12::25".into());
    let en = advise(&d, Lang::En);
    assert_eq!(en.id, "gmail-ptr-ipv6");
    let all = |r: &ndr_playbooks::Rendered| {
        let mut t = r.verdict.clone();
        for s in &r.steps {
            t.push('\n');
            t.push_str(&s.text);
        }
        t
    };
    let text = all(&en);
    assert!(text.contains("over IPv6"), "{text}");
    assert!(
        text.contains("control panel") && text.contains("over IPv4"),
        "{text}"
    );
    let ja = all(&advise(&d, Lang::Ja));
    assert!(
        ja.contains("IPv6 で送られ") && ja.contains("管理画面") && ja.contains("IPv4 で送信"),
        "{ja}"
    );

    let mut generic = diag(None, Reason::RequirePtr);
    generic.blocked_ip = Some("2001:db8::25".into());
    assert_eq!(select(&generic).playbook.id, "generic-requireptr-ipv6");
    generic.blocked_ip = Some("192.0.2.25".into());
    assert_eq!(select(&generic).playbook.id, "generic-requireptr");
    d.blocked_ip = Some("::ffff:192.0.2.25".into());
    assert_eq!(select(&d).playbook.id, "gmail-ptr");
}

/// Microsoft 5.7.708: the verdict does not state "new organisation" as the one cause, the
/// ready message gives 5.7.708 as the code (not the internal AS(7230) id), and the first step
/// does not say "right away" under a "within days" urgency. See: second real-use review, T4.
#[test]
fn microsoft_5_7_708_gives_both_causes_and_the_public_code() {
    use ndr_playbooks::{advise, Lang, Urgency};
    let mut d = diag(Some(Party::Microsoft), Reason::Blocked);
    d.enhanced_code = Some("5.7.708".into());
    d.provider_code = Some("AS(7230)".into());
    d.recipients = vec![Recipient {
        recipient: "tanaka@contoso.example".into(),
        reason: Reason::Blocked,
        diagnostic_text: "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. AS(7230)".into(),
        ..Recipient::default()
    }];
    let en = advise(&d, Lang::En);
    assert_eq!(en.id, "microsoft-new-tenant-ip");
    assert!(!en.verdict.contains("is new"), "{}", en.verdict);
    assert!(
        en.why.contains("new") && en.why.contains("suspicious"),
        "{}",
        en.why
    );
    let m = en.message.as_ref().expect("a message to the admin");
    assert!(
        m.subject.contains("5.7.708") && !m.subject.contains("AS(7230)"),
        "{}",
        m.subject
    );
    assert!(m.body.contains("Code: 5.7.708"), "{}", m.body);
    assert_eq!(en.urgency.id, Urgency::Soon);
    assert!(
        !en.steps[0].text.contains("right away"),
        "{}",
        en.steps[0].text
    );
    let ja = advise(&d, Lang::Ja);
    assert!(!ja.verdict.contains("日が浅く"), "{}", ja.verdict);
    assert!(!ja.steps[0].text.contains("すぐに"), "{}", ja.steps[0].text);
    assert!(ja
        .message
        .expect("a message")
        .body
        .contains("エラーコード: 5.7.708"));
}

#[test]
fn a_receiving_server_fault_asks_about_the_server_not_filters() {
    // A server that is down, full or failing is asked to look at its state; only refusals ask
    // about filters and blocklists.
    for reason in [
        Reason::SystemError,
        Reason::SystemFull,
        Reason::Expired,
        Reason::NetworkError,
        Reason::MailerError,
    ] {
        for lang in [ndr_playbooks::Lang::Ja, ndr_playbooks::Lang::En] {
            let m = ndr_playbooks::advise(&diag(None, reason), lang)
                .message
                .expect("a message to the recipient's administrator");
            assert!(
                !m.body.contains("blocklist") && !m.body.contains("ブロックリスト"),
                "{reason:?} {lang:?}: {}",
                m.body
            );
            assert!(m.body.contains("MX"), "{reason:?} {lang:?}: {}", m.body);
        }
    }
    let m = ndr_playbooks::advise(
        &diag(None, Reason::PolicyViolation),
        ndr_playbooks::Lang::En,
    )
    .message
    .expect("a message to the recipient's administrator");
    assert!(m.body.contains("blocklist settings"), "{}", m.body);
}

/// A 421 deferral is not "refused", and a title or subject names no code the bounce lacks
/// (review 3, C9: Gmail 4.7.32, iCloud HM08).
#[test]
fn a_deferral_is_not_called_a_refusal_and_titles_name_the_bounces_code() {
    use ndr_playbooks::{advise, Lang};
    let mut d = diag(Some(Party::Gmail), Reason::AuthFailure);
    d.smtp_code = Some("421".into());
    d.enhanced_code = Some("4.7.32".into());
    d.sender_domain = Some("shop.example".into());
    let en = advise(&d, Lang::En);
    assert_eq!(en.id, "gmail-dmarc-alignment");
    assert!(!en.verdict.contains("refused"), "{}", en.verdict);
    assert!(!en.title.contains("5.7.32"), "{}", en.title);
    let ja = advise(&d, Lang::Ja);
    assert!(!ja.verdict.contains("拒否"), "{}", ja.verdict);

    let mut d = diag(Some(Party::Icloud), Reason::PolicyViolation);
    d.enhanced_code = Some("5.7.1".into());
    d.provider_code = Some("HM08".into());
    d.blocked_ip = Some("203.0.113.9".into());
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "icloud-policy");
        assert!(!r.title.contains("CS01"), "{}", r.title);
        let m = r.message.expect("the message to Apple");
        assert!(!m.subject.contains("CS01"), "{}", m.subject);
        assert!(m.subject.contains("HM08"), "{}", m.subject);
    }
}
