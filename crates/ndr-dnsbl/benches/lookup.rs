//! Prints figures for a lookup of one IPv4 address and one domain against the default lists through a
//! resolver that answers every question after 200 ms (simulated transport, real timer):
//! time to the first and the last verdict, to the last listing's TXT reason, requests made,
//! wall time; then the same lookup again
//! in the same session, which must make no request.
//!
//! Run with `cargo bench -p ndr-dnsbl`.

#[path = "../tests/support/mod.rs"]
mod support;

use futures_executor::block_on;
use ndr_dnsbl::{default_lists, Options, Resolver, Session, State, Target};
use std::time::{Duration, Instant};
use support::*;

/// An address and a domain: 16 IP zones and 3 domain zones of the default set.
const TARGETS: &[&str] = &["198.51.100.20", "shop.example"];

const LATENCY: Duration = Duration::from_millis(200);

/// (first verdict, last verdict); a listing's later TXT delivery is printed as "reasons".
fn run(label: &str, session: &Session<Mem>, targets: &[&str]) -> (Duration, Duration) {
    let lists = default_lists();
    let before = session.requests_made();
    let start = Instant::now();
    let mut arrivals = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut reasons = Duration::ZERO;
    let rows = block_on(
        session.lookup(
            &targets
                .iter()
                .map(|t| Target::parse(t).unwrap())
                .collect::<Vec<_>>(),
            &lists,
            |row| {
                // Rows that needed no network (key-only lists) are not counted as results here.
                if row.resolver.is_some()
                    || row.state() == State::Unavailable
                        && row.why().is_some_and(|w| w.id() != "key_required")
                {
                    // A listed row comes twice: its verdict, then its TXT reason.
                    if seen.insert((row.target.clone(), row.zone)) {
                        arrivals.push(start.elapsed());
                    } else {
                        reasons = start.elapsed();
                    }
                }
            },
        ),
    );
    let wall = start.elapsed();
    let first = arrivals.iter().min().copied().unwrap_or_default();
    let last = arrivals.iter().max().copied().unwrap_or_default();
    let queried = rows
        .iter()
        .filter(|r| r.why().map(|w| w.id()) != Some("key_required"))
        .count();
    let listed = rows.iter().filter(|r| r.state() == State::Listed).count();
    println!(
        "{label:<34} zones asked {queried:>2}  listed {listed}  requests {:>3}  first {:>4} ms  last {:>4} ms  reasons {:>4} ms  wall {:>4} ms",
        session.requests_made() - before,
        first.as_millis(),
        last.as_millis(),
        reasons.as_millis(),
        wall.as_millis()
    );
    (first, last)
}

fn session(
    listings: &'static [(&'static str, &'static [&'static str], &'static str)],
) -> Session<Mem> {
    let mem = Mem::new(move |q: &Question| Reply::After(LATENCY, Box::new(honest(listings)(q))));
    Session::new(
        mem,
        Options {
            resolvers: vec![Resolver::google(), Resolver::cloudflare()],
            ..Options::default()
        },
    )
}

fn main() {
    // `cargo test --benches` runs this with --bench absent; keep that quick but real.
    println!(
        "resolver latency {} ms, default lists, one IPv4 address and one domain",
        LATENCY.as_millis()
    );
    for round in 1..=3 {
        let clean = session(&[]);
        let (first, last) = run(
            &format!("nothing listed, cold (round {round})"),
            &clean,
            TARGETS,
        );
        println!(
            "    target: first <= 220 ms: {}   all <= 300 ms: {}",
            if first <= Duration::from_millis(220) {
                "yes"
            } else {
                "NO"
            },
            if last <= Duration::from_millis(300) {
                "yes"
            } else {
                "NO"
            }
        );
        run("same lookup again, same session", &clean, TARGETS);
    }
    const LISTED: &[(&str, &[&str], &str)] = &[
        ("20.100.51.198.bl.spamcop.net", &["127.0.0.2"], "reported"),
        ("20.100.51.198.psbl.surriel.com", &["127.0.0.2"], "trap"),
    ];
    let listed = session(LISTED);
    let (first, last) = run("two listings, cold (A then TXT)", &listed, TARGETS);
    println!(
        "    target: first <= 220 ms: {}   all verdicts <= 300 ms: {}",
        if first <= Duration::from_millis(220) {
            "yes"
        } else {
            "NO"
        },
        if last <= Duration::from_millis(300) {
            "yes"
        } else {
            "NO"
        }
    );
    run("two listings, again", &listed, TARGETS);
}
