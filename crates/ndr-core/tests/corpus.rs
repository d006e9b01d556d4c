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

use ndr_core::diagnose;

mod agreement;

/// Minimum agreement, in percent, per field.
const FLOOR_REASON: f64 = 99.0;
const FLOOR_STATUS: f64 = 99.5;
const FLOOR_REPLY: f64 = 99.5;

fn corpus_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let p = root.join("../shared/corpus/sisimai");
    p.join("expected.tsv").exists().then_some(p)
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
    let a = agreement::measure(&dir);
    assert!(a.rows > 0, "expected.tsv has no rows");
    let (ok_reason, ok_status, ok_reply) = (a.ok_reason, a.ok_status, a.ok_reply);
    let pct = |k: usize| a.pct(k);
    println!(
        "corpus agreement over {} recipients: reason {:.1}%, status {:.1}%, reply code {:.1}%",
        a.rows,
        pct(ok_reason),
        pct(ok_status),
        pct(ok_reply)
    );
    if verbose {
        for m in &a.misses {
            println!("  MISS {m}");
        }
    } else {
        println!(
            "  {} rows disagree; NDR_CORPUS_VERBOSE=1 lists them",
            a.misses.len()
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
