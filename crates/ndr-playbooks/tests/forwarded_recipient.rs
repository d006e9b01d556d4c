//! A recipient reached through an alias or a forwarding (the core's `original_recipient`): the
//! advice names the address the sender wrote and the one it led to, in plain words in both
//! languages, never says "forwarded" twice in one sentence, a ready message says the mail was
//! forwarded even when its text does not name the recipient, and a mailbox that cannot take
//! mail after a forwarding is the forwarding owner's to fix, not the sender's.

mod common;

use common::all_text_with_letter;
use ndr_core::{diagnose, Diagnosis, Reason, Recipient};
use ndr_playbooks::{advise, playbooks, render, select, Actor, Lang, Rendered, SelectedBy, To};

fn fixture(name: &str) -> Diagnosis {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ndr-core/test_data/bounces")
        .join(name);
    diagnose(&std::fs::read(path).expect("ndr-core's fixture"))
}

/// The advice's sentences, split where `{recipient}`'s words look for one's end.
fn sentences(text: &str) -> Vec<&str> {
    text.split(['\n', '。', '！', '？'])
        .flat_map(|l| l.split(". "))
        .flat_map(|l| l.split("! "))
        .flat_map(|l| l.split("? "))
        .collect()
}

/// A sentence that names where the mail was forwarded to says "forwarded" nowhere else.
fn says_forwarded_once(r: &Rendered) {
    let all = all_text_with_letter(r);
    for s in sentences(&all) {
        if s.contains(" (forwarded to ") {
            assert_eq!(s.to_ascii_lowercase().matches("forward").count(), 1, "{s}");
        }
        if s.contains("（転送先 ") {
            assert_eq!(s.matches("転送").count(), 1, "{s}");
        }
    }
}

#[test]
fn a_mailbox_that_cannot_take_mail_after_an_alias_is_the_forwardings_owners() {
    let d = fixture("forwarded-01.eml");
    assert_eq!(d.recipients[0].recipient, "bob@example.net");
    assert_eq!(
        d.recipients[0].original_recipient.as_deref(),
        Some("team@example.org")
    );
    assert_eq!(select(&d).playbook.id, "forwarded-destination-refused");
    let en = advise(&d, Lang::En);
    assert!(
        en.verdict.starts_with(
            "Your mail to team@example.org (final address: bob@example.net) was forwarded on"
        ),
        "{}",
        en.verdict
    );
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.verdict
            .starts_with("team@example.org（最終的な宛先 bob@example.net）宛てのメールは"),
        "{}",
        ja.verdict
    );
    for r in [&en, &ja] {
        // The recipient's side acts; the sender is not told to check the spelling.
        assert_eq!(r.who[0].id, Actor::Recipient);
        let all = all_text_with_letter(r);
        assert!(
            !all.contains("letter by letter") && !all.contains("一文字ずつ"),
            "{all}"
        );
        let m = r.message.as_ref().expect("a letter to the recipient");
        assert_eq!(m.to.id, To::Recipient);
        assert!(m.body.contains("team@example.org"), "{}", m.body);
        says_forwarded_once(r);
    }
    // The same reasons without an alias keep their own advice.
    let mut direct = d.clone();
    direct.recipients[0].original_recipient = None;
    assert_eq!(select(&direct).playbook.id, "generic-userunknown");
    // A reason about the sender or the message is not the forwarding's.
    let mut spam = d.clone();
    spam.reason = Reason::SpamDetected;
    spam.recipients[0].reason = Reason::SpamDetected;
    assert_ne!(select(&spam).playbook.id, "forwarded-destination-refused");
}

#[test]
fn a_letter_that_names_the_recipient_says_where_the_mail_was_forwarded() {
    // Sendmail's report: refused as spam at the address the alias leads to.
    let d = fixture("forwarded-03.eml");
    assert_eq!(d.recipients[0].recipient, "yuki.home@example.net");
    let en = advise(&d, Lang::En);
    let letter = &en.message.as_ref().expect("a letter").body;
    assert!(
        letter.contains("yuki@example.org (forwarded to yuki.home@example.net)"),
        "{letter}"
    );
    let ja = advise(&d, Lang::Ja);
    let letter = &ja.message.as_ref().expect("a letter").body;
    assert!(
        letter.contains("yuki@example.org（転送先 yuki.home@example.net）宛てに"),
        "{letter}"
    );
    says_forwarded_once(&en);
    says_forwarded_once(&ja);
}

#[test]
fn the_forwarders_own_letter_names_the_final_address_without_saying_forwarded_again() {
    let d = fixture("forwarded-04.txt");
    assert_eq!(select(&d).playbook.id, "forwarder-ip-refused");
    let en = advise(&d, Lang::En);
    let letter = &en.message.as_ref().expect("a letter").body;
    assert!(
        letter.contains(
            "Mail I sent to alias@example.org (final address: dest@example.net) was forwarded by"
        ),
        "{letter}"
    );
    let ja = advise(&d, Lang::Ja);
    let letter = &ja.message.as_ref().expect("a letter").body;
    assert!(
        letter.contains("alias@example.org（最終的な宛先 dest@example.net）様宛てに"),
        "{letter}"
    );
}

/// Every playbook, rendered for a recipient an alias led on: every ready message but a list
/// operator's names both addresses (a message whose text names no recipient gains a list line),
/// a list operator's names neither, and no sentence says "forwarded" twice because of them.
#[test]
fn every_letter_says_the_mail_was_forwarded() {
    let d = Diagnosis {
        recipients: vec![Recipient {
            recipient: "bob@example.net".into(),
            original_recipient: Some("team@example.org".into()),
            action: "failed".into(),
            status: Some("5.7.1".into()),
            reply_code: Some("550".into()),
            reason: Reason::Blocked,
            remote_host: Some("mx.example.net".into()),
            diagnostic_text: "550 5.7.1 refused [203.0.113.5]".into(),
            ..Recipient::default()
        }],
        reason: Reason::Blocked,
        blocked_ip: Some("203.0.113.5".into()),
        remote_host: Some("mx.example.net".into()),
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        sender_domain: Some("example.com".into()),
        ..Diagnosis::default()
    };
    let mut letters = 0;
    let mut added = 0;
    for p in playbooks() {
        for lang in [Lang::En, Lang::Ja] {
            let r = render(p, &d, lang, SelectedBy::PartyReason);
            says_forwarded_once(&r);
            let Some(m) = &r.message else { continue };
            let text = format!("{}\n{}", m.subject, m.body);
            if m.to.id == To::Operator {
                assert!(!text.contains("team@example.org"), "{}: {text}", p.id);
                continue;
            }
            letters += 1;
            let both = match lang {
                Lang::En => [
                    "team@example.org (forwarded to bob@example.net)",
                    "team@example.org (final address: bob@example.net)",
                ],
                Lang::Ja => [
                    "team@example.org（転送先 bob@example.net）",
                    "team@example.org（最終的な宛先 bob@example.net）",
                ],
            };
            assert!(
                both.iter().any(|w| m.body.contains(w)),
                "{} {lang:?}: {}",
                p.id,
                m.body
            );
            let line = match lang {
                Lang::En => {
                    "- The address I sent to: team@example.org (forwarded to bob@example.net)\n"
                }
                Lang::Ja => "・送った宛先: team@example.org（転送先 bob@example.net）\n",
            };
            if m.body.contains(line) {
                added += 1;
                // Among the message's own list lines, before the first of them.
                let at = m.body.find(line).unwrap_or_default();
                let first_item = m
                    .body
                    .lines()
                    .find(|l| l.starts_with("- ") || l.starts_with('・'))
                    .unwrap_or_default();
                assert!(line.starts_with(first_item), "{}", m.body);
                assert!(m.body[..at].ends_with('\n'), "{}", m.body);
            }
        }
    }
    assert!(letters > 20, "only {letters} letters");
    assert!(added > 0, "no letter without the recipient was rendered");
}

#[test]
fn without_an_original_recipient_the_advice_is_as_before() {
    let mut d = fixture("forwarded-03.eml");
    d.recipients[0].original_recipient = None;
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text_with_letter(&advise(&d, lang));
        assert!(!all.contains("yuki@example.org"), "{all}");
        assert!(
            !all.contains("forwarded to") && !all.contains("転送先 "),
            "{all}"
        );
        assert!(!all.contains("The address I sent to") && !all.contains("送った宛先"));
    }
}
