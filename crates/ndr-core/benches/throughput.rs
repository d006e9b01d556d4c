//! Throughput of `diagnose` over the Sisimai corpus, single thread.
//!
//! `cargo bench -p ndr-core --bench throughput` prints criterion's timing of one pass over the
//! whole corpus and, after it, messages per second. The corpus is found as in
//! `tests/corpus.rs` (`NDR_SISIMAI_CORPUS`, else `../shared/corpus/sisimai` from the workspace
//! root).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus_dir() -> PathBuf {
    if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/sisimai")
}

fn load() -> Vec<Vec<u8>> {
    let dir = corpus_dir();
    let mut out = Vec::new();
    for sub in ["maildir/bsd", "maildir/not"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(b) = std::fs::read(&p) {
                out.push(b);
            }
        }
    }
    assert!(
        !out.is_empty(),
        "no corpus found at {}: set NDR_SISIMAI_CORPUS",
        dir.display()
    );
    out
}

fn throughput(c: &mut Criterion) {
    let messages = load();
    let bytes: usize = messages.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("diagnose");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for m in &messages {
                std::hint::black_box(ndr_core::diagnose(std::hint::black_box(m)));
            }
        })
    });
    group.finish();

    // The figure the project tracks, measured directly over at least two seconds.
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        for m in &messages {
            std::hint::black_box(ndr_core::diagnose(m));
        }
        done += messages.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "throughput: {:.0} messages/s, {:.1} MB/s ({} messages, {} bytes per pass, single thread)",
        done as f64 / secs,
        (done / messages.len() * bytes) as f64 / secs / 1e6,
        messages.len(),
        bytes
    );
}

criterion_group!(benches, throughput);
criterion_main!(benches);
