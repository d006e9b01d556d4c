//! Agreement with Sisimai on bounces kept outside the repository (a held-out set): for each
//! directory given, the figures per field and every disagreement, counted as `tests/corpus.rs`
//! counts them.
//!
//! `cargo run --release -p ndr-core --example heldout -- DIR [DIR ...]`, where each DIR holds
//! `expected.tsv` (file, index, status, replycode, reason, hardbounce; file paths relative to
//! DIR) and the bounce files it names. `-q` leaves out the list of disagreements.

#[path = "../tests/agreement/mod.rs"]
mod agreement;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "-q");
    let dirs: Vec<&String> = args.iter().filter(|a| *a != "-q").collect();
    if dirs.is_empty() {
        eprintln!("usage: heldout [-q] DIR [DIR ...]  (each DIR holds expected.tsv)");
        std::process::exit(2);
    }
    for dir in dirs {
        let path = Path::new(dir);
        if !path.join("expected.tsv").exists() {
            eprintln!("{dir}: no expected.tsv, skipped");
            continue;
        }
        let a = agreement::measure(path);
        println!(
            "{dir}: {} files, {} recipients: reason {:.1}%, status {:.1}%, reply code {:.1}%",
            a.files,
            a.rows,
            a.pct(a.ok_reason),
            a.pct(a.ok_status),
            a.pct(a.ok_reply)
        );
        if !quiet {
            for m in &a.misses {
                println!("  MISS {m}");
            }
        }
    }
}
