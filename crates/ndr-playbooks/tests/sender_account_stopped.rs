//! The sender's own mail service stopped sending from the account (the core's note
//! `sender_account_stopped`; held-out u, case 40, and Amazon SES's paused account): the advice is
//! to restore the account, never to ask the recipient.

use ndr_core::diagnose;
use ndr_playbooks::{advise, labels, select, Actor, Lang};

const PLAYBOOK: &str = "generic-sender-account-stopped";

const STOPPED: [&str; 2] = [
    // Mail.ru, quoted in a help page's list of sending errors.
    "1. Ошибка «550 message sending for this account is disabled». Чаще всего проблема решается сменой пароля.\n",
    // Amazon SES's SMTP reply for a paused account.
    "<kim@example.org>: 554 Message rejected: Sending paused for this account.\n",
];

#[test]
fn a_stopped_account_gets_its_own_playbook_and_the_sender_acts() {
    for text in STOPPED {
        let d = diagnose(text.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "sender_account_stopped"),
            "{text}: {:?}",
            d.notes
        );
        assert_eq!(select(&d).playbook.id, PLAYBOOK, "{text}");
        for lang in [Lang::Ja, Lang::En] {
            let r = advise(&d, lang);
            assert_eq!(r.id, PLAYBOOK);
            let who: Vec<Actor> = r.who.iter().map(|w| w.id).collect();
            assert_eq!(who, [Actor::Sender, Actor::SenderProvider], "{text}");
            // The first step is the account's own page; no step is about the recipient's
            // side or DNS (the last one only says to resend once, as every playbook does).
            let first = &r.steps[0].text;
            assert!(
                first.contains("Sign in") || first.contains("ログイン"),
                "{first}"
            );
            for s in &r.steps {
                for wrong in [
                    "DNS",
                    "blocklist",
                    "ブロックリスト",
                    "受信者に電話",
                    "contact the recipient",
                ] {
                    assert!(!s.text.contains(wrong), "{}", s.text);
                }
            }
        }
    }
}

#[test]
fn the_note_has_a_sentence_in_both_languages() {
    let (ja, en) = labels::note("sender_account_stopped", "").expect("a sentence for the note");
    assert!(ja.contains("送信を止めて"), "{ja}");
    assert!(en.contains("stopped sending"), "{en}");
}

#[test]
fn another_refusal_of_the_sender_gets_no_such_note() {
    let d = diagnose(b"<kim@example.org>: 550 5.1.0 Sender address rejected: Domain not found\n");
    assert!(!d.notes.iter().any(|n| n.id == "sender_account_stopped"));
    assert_ne!(select(&d).playbook.id, PLAYBOOK);
}
