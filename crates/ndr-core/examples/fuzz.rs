//! A mutational fuzzer for `diagnose` on stable Rust, seeded with real bounces: every corpus
//! file and fixture (and any extra folders given), cut, spliced, repeated, with bytes flipped,
//! lines shuffled and markers of the formats the readers look for dropped in. It reports any
//! panic (with the input saved to a file) and the slowest inputs.
//!
//! `cargo run --release -p ndr-core --example fuzz -- SECONDS [DIR ...]`, or
//! `... --example fuzz -- FILE ...` to replay saved inputs (best of five times each), or
//! `... --example fuzz -- scale [DIR ...]` to look for time that grows faster than the input:
//! each seed's middle third repeated 8 and 32 times, timed; a ratio near 4 is linear, near 16
//! quadratic, and seeds above 8 are listed.
//!
//! Times are this thread's CPU time, so a busy machine does not make an input look slow.
//! Panics are caught per input, so one finding does not end the run; the exit status is 1 when
//! any input panicked. `tests/robustness.rs` holds the short property tests that run in CI; this
//! runs for as long as it is given, with a fixed seed per run (`NDR_FUZZ_SEED`, else the time).

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/cpu_time/mod.rs"]
mod cpu_time;
use cpu_time::thread_cpu_time;

/// Pieces the readers key on, dropped into inputs so mutations reach deep paths.
const MARKERS: &[&str] = &[
    "\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\n",
    "\n--b\nContent-Type: message/delivery-status\n\n",
    "\n--b--\n",
    "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.7.1\n",
    "Diagnostic-Code: smtp; 550 5.7.606 Access denied, banned sending IP [203.0.113.9]",
    "Remote-MTA: dns; mx.example.net [192.0.2.1]\n",
    "<a@example.com>: host mx.example.net[192.0.2.1] said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n",
    "    SMTP error from remote mail server after RCPT TO:<a@example.com>:\n    550 ",
    "----- Transcript of session follows -----\n... while talking to mx.example.net.:\n>>> RCPT To:<a@example.com>\n<<< 550 5.1.1 User unknown\n",
    "Remote Server returned '550 5.7.1 RESOLVER.RST.RecipSizeLimit'",
    "=?ISO-2022-JP?B?GyRCJTUhPCVQGyhC?=",
    "=?utf-8?q?=E3=82=A8=E3=83=A9=E3=83=BC?=",
    "Content-Transfer-Encoding: quoted-printable\n\n",
    "Content-Transfer-Encoding: base64\n\n",
    "S3150", "AS(16012609)", "TSS04", "ERS-QIL", "SC-001", "5.7.26", "5.7.515",
    "> ", "\r\n", "\n\n", ":", "[", "]", "<", ">", "(", ")", "=", "\"", ";", "\u{3000}",
    "宛先のメールアドレスが見つかりませんでした。", "送信できませんでした",
    "from=<a@example.com>", "status=bounced", "postfix/smtp[123]:",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn seeds(dirs: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_none_or(|x| x != "json" && x != "tsv") {
                if let Ok(bytes) = std::fs::read(&p) {
                    out.push(bytes);
                }
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(6) {
        let len = v.len();
        match rng.below(9) {
            0 if len > 0 => {
                // cut
                let a = rng.below(len);
                let b = a + rng.below(len - a + 1);
                v.drain(a..b.min(len));
            }
            1 if len > 0 => {
                // flip bytes
                for _ in 0..=rng.below(16) {
                    let i = rng.below(v.len().max(1)).min(v.len().saturating_sub(1));
                    if let Some(b) = v.get_mut(i) {
                        *b ^= 1 << rng.below(8);
                    }
                }
            }
            2 => {
                // insert a marker
                let m = MARKERS[rng.below(MARKERS.len())].as_bytes();
                let at = rng.below(len + 1);
                v.splice(at..at, m.iter().copied());
            }
            3 => {
                // splice in part of another seed
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = (a + rng.below(4096)).min(other.len());
                    let at = rng.below(len + 1);
                    v.splice(at..at, other[a..b].iter().copied());
                }
            }
            4 if len > 0 => {
                // repeat a stretch
                let a = rng.below(len);
                let b = (a + rng.below(512)).min(len);
                let piece = v[a..b].to_vec();
                for _ in 0..=rng.below(50) {
                    v.splice(b..b, piece.iter().copied());
                }
            }
            5 => {
                // shuffle lines
                let mut lines: Vec<Vec<u8>> =
                    v.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                for i in (1..lines.len()).rev() {
                    if rng.below(4) == 0 {
                        let j = rng.below(i + 1);
                        lines.swap(i, j);
                    }
                }
                v = lines.join(&b'\n');
            }
            6 if len > 0 => {
                // truncate inside a multi-byte character or a line
                v.truncate(rng.below(len));
            }
            7 => {
                // random bytes
                let at = rng.below(len + 1);
                let n = rng.below(64);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
            _ => {
                // quote or indent every line, as pastes do
                let prefix: &[u8] = [&b"> "[..], b"    ", b"\t", b"| "][rng.below(4)];
                let mut out = Vec::with_capacity(v.len() * 2);
                for line in v.split(|&b| b == b'\n') {
                    out.extend_from_slice(prefix);
                    out.extend_from_slice(line);
                    out.push(b'\n');
                }
                v = out;
            }
        }
        if v.len() > 2 << 20 {
            v.truncate(2 << 20);
        }
    }
    v
}

fn seed_dirs(extra: &[String]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var("NDR_SISIMAI_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("../../../shared/corpus/sisimai"));
    let mut dirs = vec![corpus, root.join("test_data")];
    dirs.extend(extra.iter().map(PathBuf::from));
    dirs
}

fn best_of(n: usize, input: &[u8]) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(ndr_core::diagnose(input));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Each seed with its middle third repeated `k` times.
fn stretched(seed: &[u8], k: usize) -> Vec<u8> {
    let (a, b) = (seed.len() / 3, seed.len() * 2 / 3);
    let mut v = seed[..a].to_vec();
    for _ in 0..k {
        v.extend_from_slice(&seed[a..b]);
    }
    v.extend_from_slice(&seed[b..]);
    v
}

fn scale(extra: &[String]) {
    let mut found = 0;
    let seeds = seeds(&seed_dirs(extra));
    let mut worst = (0.0f64, 0usize);
    for (n, seed) in seeds.iter().enumerate() {
        if seed.len() < 300 {
            continue;
        }
        let small = best_of(2, &stretched(seed, 8));
        let large_input = stretched(seed, 32);
        let large = best_of(2, &large_input);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        if ratio > worst.0 {
            worst = (ratio, n);
        }
        if ratio > 8.0 && large > Duration::from_millis(5) {
            found += 1;
            let path = std::env::temp_dir().join(format!("ndr-fuzz-scale-{n}.bin"));
            let _ = std::fs::write(&path, &large_input);
            println!(
                "seed {n}: x8 {:.1} ms, x32 {:.1} ms (ratio {ratio:.1}), saved {}",
                small.as_secs_f64() * 1e3,
                large.as_secs_f64() * 1e3,
                path.display()
            );
        }
    }
    println!(
        "{} seeds, {found} grow faster than linear; the largest ratio {:.1} (seed {})",
        seeds.len(),
        worst.0,
        worst.1
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(secs) = args.first().and_then(|s| s.parse::<u64>().ok()) else {
        if args.first().is_some_and(|a| a == "scale") {
            scale(&args[1..]);
            return;
        }
        if args.is_empty() {
            eprintln!("usage: fuzz SECONDS [DIR ...]  |  fuzz FILE ...  (replay and time)");
            std::process::exit(2);
        }
        replay(&args);
        return;
    };
    let dirs = seed_dirs(&args[1..]);
    let seeds = seeds(&dirs);
    if seeds.is_empty() {
        eprintln!("no seeds found in {dirs:?}");
        std::process::exit(2);
    }
    let seed = std::env::var("NDR_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
        | 1;
    println!("{} seeds, {secs} s, seed {seed}", seeds.len());
    panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let end = Instant::now() + Duration::from_secs(secs);
    let (mut runs, mut panics) = (0u64, 0u64);
    let mut slowest: Vec<(Duration, usize)> = Vec::new();
    while Instant::now() < end {
        let input = mutate(&mut rng, &seeds);
        let t = thread_cpu_time();
        let r = panic::catch_unwind(AssertUnwindSafe(|| ndr_core::diagnose(&input)));
        let took = thread_cpu_time().saturating_sub(t);
        runs += 1;
        if r.is_err() {
            panics += 1;
            let path = std::env::temp_dir().join(format!("ndr-fuzz-panic-{seed}-{runs}.bin"));
            let _ = std::fs::write(&path, &input);
            println!(
                "PANIC on an input of {} bytes, saved to {}",
                input.len(),
                path.display()
            );
        }
        if slowest.first().is_none_or(|s| took > s.0) {
            let path = std::env::temp_dir().join(format!("ndr-fuzz-slowest-{seed}.bin"));
            let _ = std::fs::write(path, &input);
        }
        if slowest.len() < 5 || took > slowest[slowest.len() - 1].0 {
            slowest.push((took, input.len()));
            slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
            slowest.truncate(5);
        }
    }
    println!(
        "{runs} inputs, {panics} panics; the slowest input is in {}",
        std::env::temp_dir()
            .join(format!("ndr-fuzz-slowest-{seed}.bin"))
            .display()
    );
    for (took, len) in &slowest {
        println!("slow: {:.1} ms for {len} bytes", took.as_secs_f64() * 1e3);
    }
    if panics > 0 {
        std::process::exit(1);
    }
}

/// Runs `diagnose` on each file, five times, and prints the best time (a panic ends the run).
fn replay(files: &[String]) {
    for f in files {
        let input = std::fs::read(f).unwrap_or_else(|e| {
            eprintln!("{f}: {e}");
            std::process::exit(2)
        });
        let best = best_of(5, &input);
        let d = ndr_core::diagnose(&input);
        let longest = d
            .recipients
            .iter()
            .map(|r| r.diagnostic_text.len())
            .max()
            .unwrap_or(0);
        println!(
            "{f}: {} bytes, {:.2} ms, {} recipients, the longest error text {longest} bytes",
            input.len(),
            best.as_secs_f64() * 1e3,
            d.recipients.len()
        );
    }
}
