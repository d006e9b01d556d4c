//! Who acts in the advice for the tenth held-out test on real pastes (round m, pages in
//! Japanese): a temporary "not accepting", Postfix's access-table refusal of a recipient,
//! Microsoft's blocklist and Trend Micro's short-lived list with the address hidden, and the
//! Japanese wording of an unknown recipient and of a wait. The texts are written for these
//! tests, in the shapes the pasted bounces had.

use ndr_core::{Diagnosis, Note, Party, Reason, Recipient};
use ndr_playbooks::{advise, select, Actor, Lang};

fn one(reason: Reason, code: &str, status: &str, rcpt: &str, text: &str) -> Diagnosis {
    Diagnosis {
        reason,
        smtp_code: Some(code.into()),
        enhanced_code: Some(status.into()),
        recipients: vec![Recipient {
            action: "failed".into(),
            reason,
            reply_code: Some(code.into()),
            status: Some(status.into()),
            recipient: rcpt.into(),
            diagnostic_text: text.into(),
            ..Recipient::default()
        }],
        ..Diagnosis::default()
    }
}

fn who(d: &Diagnosis) -> Vec<Actor> {
    advise(d, Lang::En).who.iter().map(|w| w.id).collect()
}

/// Case 17: "451 4.3.2 Please try again later" is a passing stop at the receiver, not a domain
/// that takes no mail: the receiving side's advice, a wait while it is only delayed (the core
/// marks case 17's bare log line failed, which keeps the receiver's administrator first). A
/// 5.3.2 keeps the null-MX advice.
#[test]
fn a_temporary_not_accepting_is_the_receivers_not_a_closed_domain() {
    let text = "host mx.example.org[192.0.2.25] said: 451 4.3.2 Please try again later (in reply to RCPT TO command)";
    let mut d = one(Reason::NotAccept, "451", "4.3.2", "", text);
    assert_eq!(select(&d).playbook.id, "generic-systemerror");
    assert!(!who(&d).contains(&Actor::Recipient));
    assert_eq!(who(&d).first(), Some(&Actor::RecipientAdmin));
    d.recipients[0].action = "delayed".into();
    assert_eq!(who(&d), [Actor::Nobody]);
    let d = one(Reason::NotAccept, "550", "5.3.2", "", text);
    assert_eq!(select(&d).playbook.id, "generic-notaccept");
}

/// Case 22: Postfix's default words for an access-table REJECT of the recipient are the
/// receiver's rule: its administrator first. Exchange Online's directory check ("550 5.4.1
/// Recipient address rejected: Access denied") is a missing address: the sender checks it.
#[test]
fn postfix_access_denied_for_a_recipient_is_the_receivers_rule() {
    let text = "554 5.7.1 <support@example.org>: Recipient address rejected: Access denied";
    let d = one(
        Reason::UserUnknown,
        "554",
        "5.7.1",
        "support@example.org",
        text,
    );
    assert_eq!(select(&d).playbook.id, "recipient-org-filter");
    assert_eq!(who(&d).first(), Some(&Actor::RecipientAdmin));
    // The sender's own server said it at submission: no receiver's rule (held-out l, case 14).
    let mut own = d.clone();
    own.notes.push(Note {
        id: "refused_at_submission".into(),
        detail: "rainloop".into(),
    });
    assert_ne!(select(&own).playbook.id, "recipient-org-filter");

    let text = "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)";
    let d = one(
        Reason::UserUnknown,
        "550",
        "5.4.1",
        "support@example.org",
        text,
    );
    assert_ne!(select(&d).playbook.id, "recipient-org-filter");
    assert_eq!(who(&d).first(), Some(&Actor::Sender));
}

/// Cases 33 and 48: Microsoft's blocklist of the sending address: whoever runs the address
/// first, as for the other lists of sending addresses, then the sender.
#[test]
fn microsofts_blocklist_names_the_hosting_company_first() {
    let text = "550 5.7.606 Access denied, banned sending IP [YY.YY.YY.YY]. To request removal from this list please visit https://sender.office.com/ and follow the directions.";
    let mut d = one(Reason::Blocked, "550", "5.7.606", "", text);
    d.blocking_party = Some(Party::Microsoft);
    assert_eq!(select(&d).playbook.id, "microsoft-banned-ip");
    assert_eq!(who(&d), [Actor::SenderProvider, Actor::Sender]);
}

/// Cases 03, 36, 39: with the recipient unknown, 「宛先のアドレス宛てのメール」 says "addressed"
/// twice; it reads 「このメール」. A known address keeps its words.
#[test]
fn an_unknown_recipient_reads_as_this_mail_in_japanese() {
    let d = one(
        Reason::OnHold,
        "550",
        "5.0.0",
        "",
        "550 sorry, we don't allow this mail.",
    );
    let ja = advise(&d, Lang::Ja);
    assert!(!ja.verdict.contains("宛先のアドレス宛て"), "{}", ja.verdict);
    assert!(ja.verdict.contains("このメール"), "{}", ja.verdict);
    let d = one(
        Reason::OnHold,
        "550",
        "5.0.0",
        "b@example.org",
        "550 sorry, we don't allow this mail.",
    );
    let ja = advise(&d, Lang::Ja);
    assert!(ja.verdict.contains("b@example.org 宛て"), "{}", ja.verdict);
}

/// Cases 27 and 28: the wait ends its own sentence in Japanese (no semicolon).
#[test]
fn a_wait_first_ends_its_sentence_in_japanese() {
    let text = "450 4.7.1 <a@example.org>: Recipient address rejected: ERS-QIL.";
    let mut d = one(Reason::Blocked, "450", "4.7.1", "a@example.org", text);
    d.blocking_party = Some(Party::Trendmicro);
    d.provider_code = Some("ERS-QIL".into());
    let ja = advise(&d, Lang::Ja).who_line();
    assert!(!ja.contains(';'), "{ja}");
    assert!(ja.contains("。解決しない場合: "), "{ja}");
}
