//! Every playbook and code page rendered in both languages, one digest line each.
//!
//! The same expected file holds for the default build (texts compiled in) and for
//! `--features split-texts` (texts read through the per-language tables the web page loads),
//! so the page's texts are exactly the CLI's. `cargo xtask test` runs both.
//! Bless after an intended change of texts, in the default build:
//! `UPDATE_EXPECT=1 cargo test -p ndr-playbooks --test every_text`

mod common;

use common::full;
use expect_test::expect_file;
use ndr_core::{Diagnosis, Party, Reason};
use ndr_playbooks::{code_index, labels, party_name, playbooks, render, tables, Lang, SelectedBy};

/// FNV-1a 32: short lines that still change when any text changes.
fn digest(parts: &[String]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0xFF]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("{hash:08x}")
}

fn line(kind: &str, id: &str, per_lang: impl Fn(Lang) -> Vec<String>) -> String {
    let ja = digest(&per_lang(Lang::Ja));
    let en = digest(&per_lang(Lang::En));
    format!("{kind} {id} {ja} {en}\n")
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("a Rendered serialises")
}

#[test]
fn every_text_renders_as_in_the_default_build() {
    for &lang in Lang::ALL {
        assert!(tables::loaded(lang), "{lang:?}");
    }
    let mut out = String::new();
    for p in playbooks() {
        let reason = code_index()
            .iter()
            .find(|c| c.playbook.id == p.id)
            .map_or(Reason::Blocked, |c| c.reason);
        out.push_str(&line("playbook", p.id, |lang| {
            let filled = render(p, &full(p.party, reason), lang, SelectedBy::PartyReason);
            let bare = render(p, &Diagnosis::default(), lang, SelectedBy::GenericReason);
            vec![
                json(&filled),
                filled.to_plain_text(),
                json(&bare),
                bare.to_plain_text(),
            ]
        }));
    }
    for (i, entry) in code_index().iter().enumerate() {
        let id = format!("{}#{i}", entry.code);
        out.push_str(&line("code", &id, |lang| {
            vec![
                entry.meaning.get(lang).to_owned(),
                json(&entry.explain(lang)),
            ]
        }));
    }
    for &party in Party::ALL {
        out.push_str(&line("party", party.id(), |lang| {
            vec![party_name(party).get(lang).to_owned()]
        }));
    }
    let labels = labels::ALL;
    out.push_str(&line("labels", "all", |lang| {
        labels.iter().map(|t| t.get(lang).to_owned()).collect()
    }));
    expect_file!["snapshots/every-text.txt"].assert_eq(&out);
}
