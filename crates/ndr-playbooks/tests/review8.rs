//! Advice findings of the eighth page review (M1, M2, M3, M7, M9, L2, L3, L9). The texts are
//! written for these tests, in the shapes the pasted errors had.

mod common;

use common::{all_text_with_letter as all_text, note, one};
use ndr_core::{Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang, Rendered, To};

/// M9: a list names the address a mail program connected from, refused by the user's own
/// provider at submission: the user's network, not a hosting company's server.
#[test]
fn a_listed_client_at_submission_is_the_users_own_connection() {
    let text = "5.7.1 Service unavailable; Client host [192.0.2.77] blocked using sbl.spamhaus.org";
    let mut d = one(Reason::Blocked, "failed", "554", Some("5.7.1"), text);
    d.blocked_ip = Some("192.0.2.77".into());
    d.blocking_party = Some(Party::Spamhaus);
    d.list_zone = Some("sbl.spamhaus.org".into());
    let hosted = advise(&d, Lang::En);
    assert_eq!(
        hosted.message.as_ref().map(|m| m.to.id),
        Some(To::HostingProvider)
    );

    d.notes.push(note("refused_at_submission", "thunderbird"));
    assert_eq!(
        select(&d).playbook.id,
        "generic-client-listed-at-submission"
    );
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let m = r.message.as_ref().expect("a letter to the mail provider");
        assert_eq!(m.to.id, To::MailProvider);
        let all = all_text(&r);
        for not in [
            "hosting",
            "[your domain]",
            "your server",
            "ホスティング",
            "［あなたのドメイン］",
        ] {
            assert!(!all.contains(not), "{lang:?} {not}: {all}");
        }
        assert!(all.contains("192.0.2.77"), "{all}");
    }
    assert_eq!(
        advise(&d, Lang::En).who.first().map(|w| w.id),
        Some(Actor::Sender)
    );

    // A list of end-user ranges keeps its own advice (use the provider's server with a login).
    d.list_zone = Some("pbl.spamhaus.org".into());
    let pbl = "5.7.1 Client host [192.0.2.77] blocked using pbl.spamhaus.org";
    d.recipients[0].diagnostic_text = pbl.into();
    assert_ne!(
        select(&d).playbook.id,
        "generic-client-listed-at-submission"
    );
}

/// M2: a temporary queue limit that does not name the sender's own volume is a wait first, with
/// no account-takeover step; one that names it keeps the speeding advice.
#[test]
fn a_temporary_limit_of_the_receiver_is_a_wait_without_blame() {
    let text = "smtp;450 4.7.3 Organization queue quota exceeded. [outlook.com]";
    let d = one(Reason::Speeding, "delayed", "450", Some("4.7.3"), text);
    assert_eq!(select(&d).playbook.id, "generic-speeding-deferred");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let all = all_text(&r);
        for not in ["You sent", "password", "taken over", "パスワード", "乗っ取"] {
            assert!(!all.contains(not), "{lang:?} {not}: {all}");
        }
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Nobody));
    }
    let own = "421 4.7.0 You are sending too fast, slow down";
    let d = one(Reason::Speeding, "delayed", "421", Some("4.7.0"), own);
    assert_eq!(select(&d).playbook.id, "generic-speeding");
    let permanent = "550 5.7.1 Organization queue quota exceeded";
    let d = one(Reason::Speeding, "failed", "550", Some("5.7.1"), permanent);
    assert_eq!(select(&d).playbook.id, "generic-speeding");
}

/// M3: a host-unknown delay stays a warning but asks to check the part after @ first.
#[test]
fn a_delayed_missing_domain_asks_for_the_spelling() {
    let text = "4.1.2 <me@exmaple.com>: Recipient address rejected: Domain not found";
    let d = one(Reason::HostUnknown, "delayed", "450", Some("4.1.2"), text);
    assert_eq!(select(&d).playbook.id, "generic-delayed-hostunknown");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::Sender));
    assert!(en.verdict.contains("warning"), "{}", en.verdict);
    assert!(en.steps[0].text.contains("after @"), "{}", en.steps[0].text);
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.steps[0].text.contains("@ より後ろ"),
        "{}",
        ja.steps[0].text
    );
}

/// L3: nothing failed in a delay notice, so "Have ready" does not say the address failed.
#[test]
fn a_delay_does_not_call_the_address_failed() {
    let text = "451 4.7.1 Greylisted, please try again later";
    let delayed = one(Reason::SystemError, "delayed", "451", Some("4.7.1"), text);
    let failed = one(
        Reason::UserUnknown,
        "failed",
        "550",
        Some("5.1.1"),
        "550 5.1.1 unknown",
    );
    for lang in [Lang::En, Lang::Ja] {
        let labels = |r: &Rendered| {
            r.prepare
                .iter()
                .map(|p| p.label.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let d = labels(&advise(&delayed, lang));
        assert!(!d.contains("failed") && !d.contains("届かなかった"), "{d}");
        let f = labels(&advise(&failed, lang));
        assert!(f.contains("failed") || f.contains("届かなかった"), "{f}");
    }
}

/// M1: the refused greeting name gets a letter that names the setting.
#[test]
fn the_helo_letter_asks_for_a_full_host_name() {
    let text = "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname";
    let d = one(Reason::Blocked, "failed", "504", Some("5.5.2"), text);
    assert_eq!(select(&d).playbook.id, "generic-helo-refused");
    for (lang, words) in [
        (Lang::En, ["HELO/EHLO", "full host name", "myhostname"]),
        (Lang::Ja, ["HELO/EHLO", "完全なホスト名", "myhostname"]),
    ] {
        let m = advise(&d, lang).message.expect("a letter");
        for w in words {
            assert!(m.body.contains(w), "{lang:?} {w}: {}", m.body);
        }
    }
}

/// L2: with no code known, the subject has no "([error code])" fill-in.
#[test]
fn a_subject_without_a_code_has_no_fill_in() {
    let text = "Sender address rejected: not owned by auth user";
    let mut d = one(Reason::Rejected, "failed", "", None, text);
    d.notes.push(note("refused_at_submission", "phpmailer"));
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let m = r.message.expect("a letter");
        assert!(
            !m.subject.contains('[') && !m.subject.contains('［'),
            "{}",
            m.subject
        );
        assert!(
            !m.subject.contains("()") && !m.subject.contains("（）"),
            "{}",
            m.subject
        );
    }
}

/// M7: fetchmail's log of the reader's own server refusing fetched mail is the reader's server's
/// to change, not the sender's content nor a recipient's.
#[test]
fn fetchmail_refusals_are_the_readers_own_server() {
    let text = "fetchmail: SMTP error: 554 5.7.1 Spam message rejected fetchmail: SMTP listener refused delivery";
    let mut d = one(Reason::SpamDetected, "failed", "554", Some("5.7.1"), text);
    d.notes.push(note("inbound_refusal_log", "fetchmail"));
    assert_eq!(select(&d).playbook.id, "generic-inbound-refusal-fetched");
    let en = advise(&d, Lang::En);
    assert!(en.message.is_none());
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::SenderAdmin));
    assert!(ndr_playbooks::labels::note("inbound_refusal_log", "fetchmail").is_some());
}

/// L9: a program's 4xx from its own server is not said to come from the receiving server, nor
/// to wait for greylisting's five minutes.
#[test]
fn a_programs_own_server_deferral_is_not_the_receivers() {
    let text = "451 Temporary local problem - please try later";
    let mut d = one(Reason::SystemError, "failed", "451", None, text);
    d.notes.push(note("refused_at_submission", "roundcube"));
    assert_eq!(select(&d).playbook.id, "generic-delayed-program");
    let en = advise(&d, Lang::En);
    assert!(
        !en.verdict.starts_with("The receiving server"),
        "{}",
        en.verdict
    );
    assert!(!en.duration.contains("five minutes"), "{}", en.duration);
}

/// M6: a group's own quota is the group owner's to handle, not the sender's attachments.
#[test]
fn a_groups_quota_is_the_groups_owners() {
    let text = "Technical details of permanent failure: The group list@example.org has exceeded its quota for total number of external recipients.";
    let d = one(Reason::ExceedLimit, "failed", "", None, text);
    assert_eq!(select(&d).playbook.id, "generic-group-quota");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::RecipientAdmin));
        let steps: String = r.steps.iter().map(|s| s.text.clone()).collect();
        assert!(!steps.contains("10 MB"), "{steps}");
    }
    let size = "552 5.3.4 Message size exceeds fixed limit";
    let d = one(Reason::ExceedLimit, "failed", "552", Some("5.3.4"), size);
    assert_ne!(select(&d).playbook.id, "generic-group-quota");
}
