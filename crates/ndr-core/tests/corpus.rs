//! Agreement with Sisimai's expected results on its public corpus of real bounces.
//!
//! The corpus lives outside the repository (`../shared/corpus/sisimai` from the workspace
//! root, or `NDR_SISIMAI_CORPUS`). Without it the test fails, unless `NDR_ALLOW_NO_CORPUS=1`
//! says that skipping is intended. `NDR_CORPUS_VERBOSE=1` lists every disagreement.
//!
//! Recipients are matched by index (the n-th recipient Sisimai reports against ours); a file
//! holding an mbox of several bounces is split and read message by message, as Sisimai and
//! the CLI do. The floors below only go up: raise them when the figures improve.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use ndr_core::{diagnose, Recipient};

/// Minimum agreement, in percent, per field.
const FLOOR_REASON: f64 = 99.0;
const FLOOR_STATUS: f64 = 99.5;
const FLOOR_REPLY: f64 = 99.5;

struct Row {
    file: String,
    index: usize,
    status: String,
    reply: String,
    reason: String,
}

fn corpus_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let p = root.join("../shared/corpus/sisimai");
    p.join("expected.tsv").exists().then_some(p)
}

fn rows(dir: &Path) -> Vec<Row> {
    let tsv = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv is readable");
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                file: c[0].to_string(),
                index: c[1].parse().expect("index is a number"),
                status: c.get(2).unwrap_or(&"").to_string(),
                reply: c.get(3).unwrap_or(&"").to_string(),
                reason: c.get(4).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

fn status_of(r: &Recipient) -> String {
    r.status
        .clone()
        .or_else(|| r.implied_status.clone())
        .unwrap_or_default()
}

#[test]
fn agreement_with_sisimai() {
    let Some(dir) = corpus_dir() else {
        if std::env::var("NDR_ALLOW_NO_CORPUS").as_deref() == Ok("1") {
            eprintln!("corpus not found; skipped because NDR_ALLOW_NO_CORPUS=1");
            return;
        }
        panic!(
            "Sisimai corpus not found: set NDR_SISIMAI_CORPUS or place it at ../shared/corpus/sisimai \
             relative to the workspace root (NDR_ALLOW_NO_CORPUS=1 skips this test on purpose)"
        );
    };
    let verbose = std::env::var("NDR_CORPUS_VERBOSE").as_deref() == Ok("1");
    let rows = rows(&dir);
    assert!(!rows.is_empty(), "expected.tsv has no rows");

    let (mut ok_reason, mut ok_status, mut ok_reply) = (0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    let mut current: Option<(String, Vec<Recipient>)> = None;
    for row in &rows {
        if current.as_ref().is_none_or(|(f, _)| *f != row.file) {
            let bytes = std::fs::read(dir.join(&row.file)).expect("corpus file is readable");
            // A file may be an mbox of several bounces, read one by one as the CLI does.
            let recipients = ndr_core::mbox::split(&bytes)
                .into_iter()
                .flat_map(|m| diagnose(m).recipients)
                .collect();
            current = Some((row.file.clone(), recipients));
        }
        let got = current.as_ref().and_then(|(_, r)| r.get(row.index - 1));
        let (reason, status, reply) = match got {
            Some(r) => (
                r.reason.name().to_string(),
                status_of(r),
                r.reply_code.clone().unwrap_or_default(),
            ),
            None => ("(none)".to_string(), String::new(), String::new()),
        };
        let mut miss = Vec::new();
        if reason == row.reason {
            ok_reason += 1;
        } else {
            miss.push(format!("reason {reason} != {}", row.reason));
        }
        if status == row.status {
            ok_status += 1;
        } else {
            miss.push(format!("status {status:?} != {:?}", row.status));
        }
        if reply == row.reply {
            ok_reply += 1;
        } else {
            miss.push(format!("reply {reply:?} != {:?}", row.reply));
        }
        if !miss.is_empty() {
            let diag = got
                .map(|r| r.diagnostic_text.chars().take(160).collect::<String>())
                .unwrap_or_default();
            misses.push(format!(
                "{} #{}: {} | {}",
                row.file,
                row.index,
                miss.join("; "),
                diag
            ));
        }
    }
    let n = rows.len() as f64;
    let pct = |k: usize| 100.0 * k as f64 / n;
    println!(
        "corpus agreement over {} recipients: reason {:.1}%, status {:.1}%, reply code {:.1}%",
        rows.len(),
        pct(ok_reason),
        pct(ok_status),
        pct(ok_reply)
    );
    if verbose {
        for m in &misses {
            println!("  MISS {m}");
        }
    } else {
        println!(
            "  {} rows disagree; NDR_CORPUS_VERBOSE=1 lists them",
            misses.len()
        );
    }
    assert!(
        pct(ok_reason) >= FLOOR_REASON,
        "reason agreement {:.1}% fell below {FLOOR_REASON}%",
        pct(ok_reason)
    );
    assert!(
        pct(ok_status) >= FLOOR_STATUS,
        "status agreement {:.1}% fell below {FLOOR_STATUS}%",
        pct(ok_status)
    );
    assert!(
        pct(ok_reply) >= FLOOR_REPLY,
        "reply code agreement {:.1}% fell below {FLOOR_REPLY}%",
        pct(ok_reply)
    );
}

#[test]
fn non_bounces_yield_no_failed_recipients() {
    let Some(dir) = corpus_dir() else {
        if std::env::var("NDR_ALLOW_NO_CORPUS").as_deref() == Ok("1") {
            return;
        }
        panic!("Sisimai corpus not found (see agreement_with_sisimai)");
    };
    let not = dir.join("maildir/not");
    let mut seen = 0;
    for entry in std::fs::read_dir(&not).expect("maildir/not is readable") {
        let path = entry.expect("directory entry").path();
        let d = diagnose(&std::fs::read(&path).expect("file is readable"));
        seen += 1;
        assert!(
            d.recipients
                .iter()
                .all(|r| r.action != "failed" && r.action != "delayed"),
            "{} yielded failed recipients: {:?}",
            path.display(),
            d.recipients
        );
        assert!(
            d.notes.iter().any(|n| n.id == "not_a_bounce"),
            "{} lacks the not_a_bounce note",
            path.display()
        );
    }
    assert!(seen > 0, "maildir/not is empty");
}
