//! Tidy tests for the rule tables, and small inline cases on `Diagnosis::summary()`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use expect_test::{expect, Expect};

use super::*;
use crate::diagnose;

fn all_rules() -> impl Iterator<Item = (&'static Table, usize, &'static Rule)> {
    PARTIES
        .iter()
        .flat_map(|t| t.rules.iter().enumerate().map(move |(i, r)| (*t, i, r)))
}

#[test]
fn rules_are_lowercase_and_unique() {
    let mut seen = BTreeSet::new();
    for (table, i, rule) in all_rules() {
        let id = format!("{}[{i}]", table.name);
        assert!(
            rule.code.is_some() || !rule.text.is_empty() || !rule.status.is_empty(),
            "{id}: a rule needs a code, a text or a status"
        );
        for frag in rule.text {
            assert!(!frag.is_empty(), "{id}: empty fragment");
            assert_eq!(
                *frag,
                frag.to_ascii_lowercase(),
                "{id}: fragments are matched lowercase"
            );
            assert!(
                !frag.contains("  ") && !frag.contains(['\n', '\t']),
                "{id}: whitespace is collapsed"
            );
        }
        if let Some(code) = rule.code {
            // The code must be what the scanner writes for it.
            let lower = code.to_ascii_lowercase();
            let forms = [
                lower.clone(),
                format!("({lower})"),
                format!("[{lower}]"),
                lower.replace("as(", "(as"),
            ];
            let canonical = forms
                .iter()
                .any(|f| codes::scan(f).first().is_some_and(|c| c.code == code));
            assert!(
                canonical,
                "{id}: {code} is not what the code scanner writes"
            );
        }
        for alt in rule.status.split('|').filter(|s| !s.is_empty()) {
            let low = alt.split('-').next().unwrap_or("");
            assert_eq!(status_len(low), low.len(), "{id}: bad status pattern {alt}");
        }
        let key = format!(
            "{}|{:?}|{:?}|{}|{}",
            rule.status, rule.code, rule.text, rule.at_host, rule.after_data
        );
        assert!(seen.insert(key.clone()), "{id}: duplicate rule {key}");
    }
    for table in PARTIES {
        for h in table.hosts.iter().chain(table.zones) {
            assert_eq!(*h, h.to_ascii_lowercase(), "{}: {h}", table.name);
        }
        assert!(
            table.rules.iter().any(|r| r.at_host)
                || !table.hosts.is_empty()
                || table.hosts.is_empty()
        );
    }
}

#[test]
fn rules_that_need_a_host_have_hosts() {
    for (table, i, rule) in all_rules() {
        if rule.at_host {
            assert!(!table.hosts.is_empty(), "{}[{i}] needs hosts", table.name);
        }
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/bounces exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("eml" | "txt")))
        .collect();
    files.sort();
    files
}

/// Every rule decides at least one fixture of its own party file: no rule is untested.
#[test]
fn every_rule_has_a_fixture() {
    let mut hit = BTreeSet::new();
    for path in fixtures() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let prefix = name.rsplit_once('-').map_or("", |(p, _)| p).to_string();
        let input = std::fs::read(&path).expect("readable fixture");
        HITS.with(|h| h.borrow_mut().clear());
        let _ = diagnose(&input);
        HITS.with(|h| {
            for &(table, rule) in h.borrow().iter() {
                if table == prefix {
                    hit.insert((table, rule));
                }
            }
        });
    }
    let missing: Vec<String> = all_rules()
        .filter(|(t, i, _)| !hit.contains(&(t.name, *i)))
        .map(|(t, i, r)| format!("{}[{i}] {:?} {:?} {}", t.name, r.code, r.text, r.status))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture of their party:\n{}",
        missing.join("\n")
    );
}

#[track_caller]
fn check(text: &str, expect: Expect) {
    let d = diagnose(text.as_bytes());
    let mut line = d.summary();
    if let Some(code) = &d.provider_code {
        line.push_str(&format!(" code={code}"));
    }
    if let Some(zone) = &d.list_zone {
        line.push_str(&format!(" zone={zone}"));
    }
    if let Some(scope) = d.blocked_ip_scope {
        line.push_str(&format!(
            " scope={}",
            serde_json::to_string(&scope)
                .unwrap_or_default()
                .trim_matches('"')
        ));
    }
    for n in &d.notes {
        line.push_str(&format!(" note={}:{}", n.id, n.detail));
    }
    expect.assert_eq(&line);
}

#[test]
fn microsoft_banned_ip() {
    check(
        "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)",
        expect!["550 5.7.606 blocked microsoft 192.0.2.1 code=AS(16012609) scope=documentation"],
    );
}
