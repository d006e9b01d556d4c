//! Prints `diagnose`'s JSON for every corpus file and fixture, and for variants of each, one
//! line per input: the check that a speed change left every result as it was.
//!
//! `cargo run --release -p ndr-core --example snapshot > before.tsv`, change the code, run it
//! again into `after.tsv`, and `cmp before.tsv after.tsv`. The variants (the body without the
//! header block, the first half, the last two thirds, an uppercased copy) reach code paths
//! that whole messages do not: pasted text, cut reports, case-blind matching.
//!
//! `... --example snapshot -- each` prints the time of each corpus file (best of five), and
//! `... --example snapshot -- time [PASSES [NAME]]` instead times `diagnose` over the corpus
//! files alone (or those whose path contains NAME), for instruction counts under `valgrind --tool=callgrind` (one pass by default).
//! The corpus is found as in `tests/corpus.rs` (`NDR_SISIMAI_CORPUS`, else
//! `../shared/corpus/sisimai` from the workspace root).

use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/sisimai")
}

/// Files of `dir`, sorted, without the expected-result JSON of the fixtures.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_none_or(|e| e != "json"))
        .collect();
    v.sort();
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = corpus_dir();
    let corpus_files: Vec<PathBuf> = ["maildir/bsd", "maildir/not"]
        .iter()
        .flat_map(|sub| files(&corpus.join(sub)))
        .collect();
    assert!(
        !corpus_files.is_empty(),
        "no corpus at {}: set NDR_SISIMAI_CORPUS",
        corpus.display()
    );
    if args.first().map(String::as_str) == Some("each") {
        // Microseconds per file, best of five runs: where the time goes, file by file.
        for path in &corpus_files {
            let Ok(m) = std::fs::read(path) else { continue };
            let best = (0..5)
                .map(|_| {
                    let start = std::time::Instant::now();
                    std::hint::black_box(ndr_core::diagnose(std::hint::black_box(&m)));
                    start.elapsed().as_secs_f64() * 1e6
                })
                .fold(f64::INFINITY, f64::min);
            println!("{best:.1}\t{}\t{}", m.len(), path.display());
        }
        return;
    }
    if args.first().map(String::as_str) == Some("time") {
        let passes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1);
        let only = args.get(2).map_or("", String::as_str);
        let messages: Vec<Vec<u8>> = corpus_files
            .iter()
            .filter(|p| p.to_string_lossy().contains(only))
            .filter_map(|p| std::fs::read(p).ok())
            .collect();
        let start = std::time::Instant::now();
        for _ in 0..passes {
            for m in &messages {
                std::hint::black_box(ndr_core::diagnose(std::hint::black_box(m)));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{} messages x {passes}: {:.0} messages/s",
            messages.len(),
            (messages.len() * passes) as f64 / secs
        );
        return;
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    for path in corpus_files.iter().chain(files(&fixtures).iter()) {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut inputs: Vec<(String, Vec<u8>)> = vec![(name.clone(), bytes.clone())];
        if let Some(at) = bytes.windows(2).position(|w| w == b"\n\n") {
            inputs.push((format!("{name}#body"), bytes[at + 2..].to_vec()));
        }
        inputs.push((format!("{name}#half"), bytes[..bytes.len() / 2].to_vec()));
        inputs.push((format!("{name}#tail"), bytes[bytes.len() / 3..].to_vec()));
        inputs.push((
            format!("{name}#upper"),
            String::from_utf8_lossy(&bytes).to_uppercase().into_bytes(),
        ));
        for (label, input) in inputs {
            let d = ndr_core::diagnose(&input);
            let json = serde_json::to_string(&d).unwrap_or_default();
            println!("{label}\t{json}");
        }
    }
}
