//! Advice findings of the sixth held-out test on real bounces (round k: HIGH-2's several replies
//! in one paste, A-1's sending limit met at submission). The texts are written for these tests,
//! in the shapes the pasted errors had.

use ndr_core::{Diagnosis, Evidence, Note, Party, Reason, Recipient};
use ndr_playbooks::{advise, for_recipient, select, Lang, Rendered};

fn all_text(r: &Rendered) -> String {
    let mut out = vec![r.title.clone(), r.verdict.clone(), r.why.clone()];
    out.extend(r.steps.iter().map(|s| s.text.clone()));
    out.extend(r.donts.iter().cloned());
    out.join("\n")
}

fn reply(reason: Reason, code: &str, status: &str, text: &str) -> Recipient {
    Recipient {
        action: "failed".into(),
        reason,
        reply_code: Some(code.into()),
        status: Some(status.into()),
        diagnostic_text: text.into(),
        ..Recipient::default()
    }
}

fn evidence(field: &str, text: &str) -> Evidence {
    Evidence {
        field: field.into(),
        text: text.into(),
        span: None,
        lines: None,
    }
}

const SBL: &str = "550 5.7.1 Service unavailable, Client host [192.0.2.41] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.41 (AS3130). [AM0EUR01FT062.eop-EUR01.prod.protection.outlook.com]";
const SBL_2: &str = "550 5.7.1 Mail from IP 192.0.2.41 was rejected due to listing in Spamhaus SBL. For details please see http://www.spamhaus.org/query/bl?ip=192.0.2.41";
const RATE: &str = "451 4.7.650 The mail server [198.51.100.7] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S3113) [AM0EUR06FT038.eop-eur06.prod.protection.outlook.com]";

/// A paste with Spamhaus refusals and one Outlook.com rate limit for another address, read as
/// the core read it: reason and IP from the refusals, provider code and party from the rate
/// limit.
fn mixed() -> Diagnosis {
    Diagnosis {
        reason: Reason::Blocked,
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        provider_code: Some("S3113".into()),
        blocking_party: Some(Party::OutlookCom),
        list_zone: Some("sbl.spamhaus.org".into()),
        blocked_ip: Some("192.0.2.41".into()),
        recipients: vec![
            reply(Reason::Blocked, "550", "5.7.1", SBL),
            reply(Reason::Blocked, "550", "5.7.1", SBL_2),
            reply(Reason::BadReputation, "451", "4.7.650", RATE),
        ],
        evidence: vec![
            evidence("blocking_party", RATE),
            evidence("provider_code", RATE),
            evidence("smtp_code", SBL_2),
        ],
        ..Diagnosis::default()
    }
}

/// HIGH-2: the advice follows the reply that gave the reason (the SBL listing), not a provider
/// code or party another reply in the same paste carries.
#[test]
fn the_advice_follows_the_reply_that_gave_the_reason() {
    let d = mixed();
    let s = select(&d);
    assert_eq!(s.playbook.id, "spamhaus-sbl");
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text(&advise(&d, lang));
        assert!(!all.contains("S3113"), "{all}");
    }
    assert!(!all_text(&advise(&d, Lang::En)).contains("Outlook.com"));
}

/// HIGH-2: when the provider code is the decisive reply's own, it still chooses.
#[test]
fn a_provider_code_of_the_reply_that_gave_the_reason_still_chooses() {
    let mut d = mixed();
    d.reason = Reason::BadReputation;
    d.smtp_code = Some("451".into());
    d.enhanced_code = Some("4.7.650".into());
    assert_eq!(select(&d).playbook.id, "outlook-com-rate-limited");
    // Without recipients nothing tells the replies apart: the code is trusted.
    let mut bare = mixed();
    bare.recipients.clear();
    assert_eq!(select(&bare).playbook.id, "outlook-com-rate-limited");
}

/// HIGH-2 (case 27): a Yahoo code next to Gmail's refusal does not make the advice Yahoo's; the
/// Yahoo recipient alone keeps it.
#[test]
fn another_providers_code_does_not_choose_for_gmails_refusal() {
    let gmail = "550 5.7.1 [192.0.2.60 12] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.";
    let yahoo = "553 5.7.2 [TSS09] All messages from 192.0.2.60 will be permanently deferred; Retrying will NOT succeed.";
    let d = Diagnosis {
        reason: Reason::SpamDetected,
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        provider_code: Some("TSS09".into()),
        blocking_party: Some(Party::Gmail),
        recipients: vec![
            reply(Reason::SpamDetected, "550", "5.7.1", gmail),
            reply(Reason::Blocked, "553", "5.7.2", yahoo),
        ],
        evidence: vec![evidence("provider_code", yahoo)],
        ..Diagnosis::default()
    };
    assert_eq!(select(&d).playbook.id, "gmail-unsolicited");
    let first = for_recipient(&d, 0).expect("recipient 0");
    assert_eq!(first.provider_code, None);
    let second = for_recipient(&d, 1).expect("recipient 1");
    assert_eq!(second.provider_code.as_deref(), Some("TSS09"));
}

/// A-1: Gmail's daily limit met by a program gets Google's 24 hours and a resend, never "your
/// server retries the queued mail".
#[test]
fn gmails_daily_limit_in_a_programs_error_is_resent_after_a_day() {
    let text = "dev.example.mail.EmailException: 550-5.4.5 Daily user sending limit exceeded. For more information on Gmail 550-5.4.5 sending limits go to 550 5.4.5 https://support.google.com/a/answer/166852 x1-20020a05622a - gsmtp";
    let d = ndr_core::diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "gmail-sending-limit");
    let en = advise(&d, Lang::En);
    assert!(en.duration.contains("24 hours"), "{}", en.duration);
    let all = all_text(&en);
    assert!(!all.contains("queued"), "{all}");
    assert!(all.contains("send the refused messages again"), "{all}");
}

/// any sending limit a program's send error quotes (the note `refused_at_submission`) is
/// sent again by the program; no queue holds it.
#[test]
fn a_sending_limit_at_submission_is_no_queue() {
    let mut d = Diagnosis {
        reason: Reason::Speeding,
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.4.5".into()),
        recipients: vec![reply(
            Reason::Speeding,
            "550",
            "5.4.5",
            "550 5.4.5 Too many messages sent in the last hour",
        )],
        ..Diagnosis::default()
    };
    assert_eq!(select(&d).playbook.id, "generic-speeding");
    d.notes.push(Note {
        id: "refused_at_submission".into(),
        detail: String::new(),
    });
    assert_eq!(select(&d).playbook.id, "generic-speeding-at-submission");
    // A temporary reply too: the limit's own advice, not "send again after a few minutes".
    d.smtp_code = Some("451".into());
    d.enhanced_code = Some("4.4.5".into());
    d.recipients[0].reply_code = Some("451".into());
    d.recipients[0].status = Some("4.4.5".into());
    assert_eq!(select(&d).playbook.id, "generic-speeding-at-submission");
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text(&advise(&d, lang));
        assert!(!all.contains("queued") && !all.contains("保留中"), "{all}");
    }
}

/// MEDIUM-4 / A-3: a mail loop gets the loop's advice, not "wait, it clears by itself", whatever
/// reason the core read (a network error, or unclear).
#[test]
fn a_mail_loop_is_fixed_not_waited_for() {
    for text in [
        "said: 554 5.4.0 Error: too many hops (in reply to end of DATA command)",
        "552 Too many received headers - possible mail loop (1A2B.1) (3C4D.1)",
    ] {
        let d = ndr_core::diagnose(text.as_bytes());
        assert_eq!(select(&d).playbook.id, "generic-mail-loop", "{text}");
        let r = advise(&d, Lang::En);
        assert!(r.urgency.id != ndr_playbooks::Urgency::Wait, "{text}");
    }
    // A refusal without loop words keeps its own advice.
    let d = ndr_core::diagnose(
        b"said: 554 5.4.0 Error: connection lost (in reply to end of DATA command)",
    );
    assert_ne!(select(&d).playbook.id, "generic-mail-loop");
}

/// A-3 (case 11): Gmail's block of a message's content is the sender's to change, not a letter
/// to the recipient's administrator.
#[test]
fn gmails_blocked_content_is_the_senders_to_change() {
    let text = "552 5.7.0 This message was blocked because its content presents a potential 5.7.0 security issue. Please visit 5.7.0 https://support.google.com/mail/?p=BlockedMessage to review our 5.7.0 message content and attachment content guidelines. x9-20020a170906 - gsmtp";
    let d = ndr_core::diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "gmail-blocked-content");
    let r = advise(&d, Lang::En);
    assert!(r.message.is_none());
    assert!(all_text(&r).contains("attachment"));
}
