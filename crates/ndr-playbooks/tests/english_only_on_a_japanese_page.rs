//! The letters to operators that answer only in English (Apple, Microsoft's delist team), on a
//! Japanese page: with split texts that page has loaded the Japanese file alone, and the
//! letters' English fill-ins must still read as on the CLI (review 9, H1: "mail from
//! rejected", blank "Sending domain:").
//!
//! One test in its own binary: it switches the process's tables to the page's behaviour.
#![cfg(feature = "split-texts")]

use ndr_core::{Diagnosis, Reason, Recipient};
use ndr_playbooks::{playbooks, render, tables, Lang, Rendered, SelectedBy, To};

/// Facts known and missing in a few mixes, so every fill-in of the letters is used.
fn diagnoses() -> Vec<Diagnosis> {
    let with_ip = Diagnosis {
        reason: Reason::Blocked,
        blocked_ip: Some("203.0.113.5".into()),
        ..Diagnosis::default()
    };
    let with_code = Diagnosis {
        recipients: vec![Recipient {
            recipient: "buyer@icloud.com".into(),
            status: Some("5.7.1".into()),
            reply_code: Some("554".into()),
            diagnostic_text: "554 5.7.1 [CS01] Message rejected due to local policy".into(),
            ..Recipient::default()
        }],
        smtp_code: Some("554".into()),
        enhanced_code: Some("5.7.1".into()),
        provider_code: Some("CS01".into()),
        ..Diagnosis::default()
    };
    vec![Diagnosis::default(), with_ip, with_code]
}

/// Each English-only letter's subject, address and body, per diagnosis.
fn letters() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for p in playbooks() {
        if p.message.is_none_or(|m| m.to != To::Operator) {
            continue;
        }
        let rendered: Vec<String> = diagnoses()
            .iter()
            .map(|d| render(p, d, Lang::Ja, SelectedBy::PartyReason))
            .map(|r: Rendered| {
                let m = r.message.expect("the playbook has a message");
                format!(
                    "{}\n{}\n{}",
                    m.subject,
                    m.address.unwrap_or_default(),
                    m.body
                )
            })
            .collect();
        out.push((p.id.to_owned(), rendered));
    }
    out
}

#[test]
fn english_only_letters_fill_in_the_same_with_the_japanese_file_alone() {
    tables::as_on_the_page();
    tables::install(Lang::Ja, tables::file(Lang::Ja)).expect("this build's Japanese file");
    assert!(tables::loaded(Lang::Ja));
    assert!(
        !tables::loaded(Lang::En),
        "only the Japanese file is loaded"
    );

    let page = letters();
    let ids: Vec<&str> = page.iter().map(|(id, _)| id.as_str()).collect();
    assert!(
        ids.len() >= 2 && ids.iter().any(|id| id.starts_with("icloud")),
        "{ids:?}"
    );
    for (id, versions) in &page {
        for letter in versions {
            // An empty fill-in leaves a gap: "mail from  rejected", "Sending domain: \n".
            for gap in ["  ", ": \n", "()", "( "] {
                assert!(!letter.contains(gap), "{id}: {gap:?} in\n{letter}");
            }
            assert!(letter.contains('['), "{id}: no fill-in in\n{letter}");
        }
    }

    // The CLI's letters: the same renderer once the English file is there too.
    tables::install(Lang::En, tables::file(Lang::En)).expect("this build's English file");
    assert_eq!(page, letters());
}
