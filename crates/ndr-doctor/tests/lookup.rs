//! Drives the real `ndr-doctor lookup` binary against the fake DoH server in several modes.

use ndr_fake_doh::{Config, FakeDoh, Mode};
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/doh")
}

fn fake() -> FakeDoh {
    FakeDoh::start(Config::new().fixtures_dir(fixtures())).unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .arg("lookup")
        .args(args)
        .output()
        .unwrap()
}

/// Runs with `--json` and returns the rows, checking the exit code and the line format.
fn rows(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--json", "--timeout-ms", "1500", "--deadline-ms", "4000"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            for key in [
                "target", "zone", "state", "codes", "meaning", "txt", "detail",
            ] {
                assert!(v.get(key).is_some(), "{key} missing in {l}");
            }
            v
        })
        .collect()
}

fn row<'a>(rows: &'a [Value], zone: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["zone"] == zone)
        .unwrap_or_else(|| panic!("no row for {zone}: {rows:#?}"))
}

#[test]
fn listed_and_not_listed_through_a_google_style_resolver() {
    let doh = fake();
    let rows = rows(&["192.0.2.99", "--resolver", &doh.google_url()]);
    let zen = row(&rows, "zen.spamhaus.org");
    assert_eq!(zen["state"], "listed");
    assert_eq!(zen["codes"], serde_json::json!(["127.0.0.4", "127.0.0.10"]));
    assert!(zen["meaning"].as_str().unwrap().contains("XBL"));
    assert!(zen["txt"].as_str().unwrap().contains("Listed by XBL"));
    assert_eq!(
        zen["lookup_url"],
        "https://check.spamhaus.org/query/ip/192.0.2.99"
    );
    assert_eq!(row(&rows, "bl.spamcop.net")["state"], "listed");
    assert_eq!(row(&rows, "dnsbl-1.uceprotect.net")["state"], "listed");
    assert_eq!(row(&rows, "psbl.surriel.com")["state"], "not_listed");
    assert_eq!(
        row(&rows, "combined.mail.abusix.zone")["why"],
        "key_required"
    );
    // The first row is the most important list; domain lists give no row for an IP.
    assert_eq!(rows[0]["zone"], "zen.spamhaus.org");
    assert!(!rows.iter().any(|r| r["zone"] == "dbl.spamhaus.org"));
    // Every question went to the fake, with the JSON media type.
    let log = doh.log();
    assert!(!log.is_empty());
    assert!(log
        .iter()
        .all(|e| e.path == "/resolve" && e.accept.as_deref() == Some("application/dns-json")));
}

#[test]
fn cloudflare_style_txt_reads_the_same() {
    let doh = fake();
    let rows = rows(&[
        "192.0.2.99",
        "--resolver",
        &doh.cloudflare_url(),
        "--list",
        "bl.spamcop.net",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["txt"],
        "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"
    );
    assert!(doh.log().iter().all(|e| e.path == "/dns-query"));
}

#[test]
fn domains_and_ipv6() {
    let doh = fake();
    let rows = rows(&[
        "bad.example",
        "2001:db8::99",
        "--resolver",
        &doh.google_url(),
    ]);
    let dbl = rows
        .iter()
        .find(|r| r["zone"] == "dbl.spamhaus.org" && r["target"] == "bad.example")
        .unwrap();
    assert_eq!(dbl["state"], "listed");
    let surbl = row(&rows, "multi.surbl.org");
    assert_eq!(surbl["codes"], serde_json::json!(["127.0.0.24"]));
    assert!(surbl["meaning"].as_str().unwrap().contains("PH"));
    assert_eq!(row(&rows, "multi.uribl.com")["state"], "not_listed");
    let zen6 = rows
        .iter()
        .find(|r| r["zone"] == "zen.spamhaus.org" && r["target"] == "2001:db8::99")
        .unwrap();
    assert_eq!(zen6["codes"], serde_json::json!(["127.0.0.3"]));
}

#[test]
fn spamhaus_refusal_and_nxdomain_are_unavailable_not_clean() {
    let doh = fake();
    doh.set_zone_mode("zen.spamhaus.org", Mode::Refuse);
    let rows = rows(&["192.0.2.99", "--resolver", &doh.cloudflare_url()]);
    let zen = row(&rows, "zen.spamhaus.org");
    assert_eq!(zen["state"], "unavailable");
    assert_eq!(zen["why"], "refused_by_list");
    assert!(zen["detail"].as_str().unwrap().contains("127.255.255.254"));
    assert_eq!(row(&rows, "bl.spamcop.net")["state"], "listed");

    doh.set_mode(Mode::Normal);
    doh.set_zone_mode("spamhaus.org", Mode::NxDomain);
    let rows = rows_for(&doh.google_url());
    let zen = row(&rows, "zen.spamhaus.org");
    assert_eq!(zen["state"], "unavailable");
    assert_eq!(zen["why"], "test_point_not_listed");
}

fn rows_for(resolver: &str) -> Vec<Value> {
    rows(&["192.0.2.99", "--resolver", resolver])
}

#[test]
fn a_lying_zone_is_caught_by_the_never_listed_test_point() {
    let doh = fake();
    doh.set_zone_mode("bl.spamcop.net", Mode::Lie);
    let rows = rows_for(&doh.google_url());
    assert_eq!(row(&rows, "bl.spamcop.net")["why"], "zone_lists_everything");
    assert_eq!(row(&rows, "psbl.surriel.com")["state"], "not_listed");
}

#[test]
fn server_faults_are_unavailable_with_their_reason() {
    let doh = fake();
    for (mode, why) in [
        (Mode::Fail500, "http_error"),
        (Mode::BadJson, "bad_response"),
        (Mode::ServFail, "servfail"),
        (Mode::Rate429 { retry_after: 30 }, "rate_limited"),
    ] {
        doh.set_mode(mode.clone());
        let rows = rows(&[
            "192.0.2.99",
            "--resolver",
            &doh.google_url(),
            "--list",
            "psbl.surriel.com",
        ]);
        assert_eq!(rows[0]["state"], "unavailable", "{mode:?}");
        assert_eq!(rows[0]["why"], why, "{mode:?}");
    }
}

#[test]
fn slow_resolver_times_out() {
    let doh = FakeDoh::start(Config::new().mode(Mode::Slow { delay_ms: 3000 })).unwrap();
    let out = run(&[
        "192.0.2.99",
        "--json",
        "--resolver",
        &doh.google_url(),
        "--list",
        "psbl.surriel.com",
        "--timeout-ms",
        "200",
        "--deadline-ms",
        "1000",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["state"], "unavailable");
    assert_eq!(v["why"], "timeout");
}

#[test]
fn falls_back_to_the_second_resolver() {
    let broken = FakeDoh::start(Config::new().mode(Mode::Fail500)).unwrap();
    let good = fake();
    let rows = rows(&[
        "192.0.2.99",
        "--resolver",
        &broken.google_url(),
        "--resolver",
        &good.cloudflare_url(),
        "--list",
        "bl.spamcop.net",
    ]);
    assert_eq!(rows[0]["state"], "listed");
    assert_eq!(rows[0]["resolver"], format!("127.0.0.1:{}", good.port()));
    assert!(!broken.log().is_empty());
}

#[test]
fn closed_lists_are_named_but_never_asked() {
    let doh = fake();
    let rows = rows(&[
        "192.0.2.99",
        "--resolver",
        &doh.google_url(),
        "--list",
        "dnsbl.sorbs.net",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["why"], "closed_list");
    assert!(doh.log().is_empty());
}

#[test]
fn readable_output() {
    let doh = fake();
    let out = run(&[
        "192.0.2.99",
        "--resolver",
        &doh.google_url(),
        "--deadline-ms",
        "4000",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("192.0.2.99\n"), "{text}");
    assert!(
        text.contains("LISTED           Spamhaus ZEN (zen.spamhaus.org)"),
        "{text}"
    );
    assert!(
        text.contains("not listed       PSBL (psbl.surriel.com)"),
        "{text}"
    );
    assert!(
        text.contains("check by hand: https://lookup.abusix.com/"),
        "{text}"
    );
    assert!(
        text.contains(&format!("of {}.", doh.google_url())),
        "{text}"
    );
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for (args, message) in [
        (vec![], "at least one IP address or domain"),
        (vec!["not a domain!"], "not an IP address or domain"),
        (
            vec!["192.0.2.1", "--resolver", "http://dns.example/resolve"],
            "plain http",
        ),
        (
            vec!["192.0.2.1", "--resolver", "https://dns.example/whatever"],
            "/resolve",
        ),
        (
            vec!["192.0.2.1", "--list", "nolist.example"],
            "unknown list",
        ),
        (vec!["192.0.2.1", "--timeout-ms", "soon"], "milliseconds"),
        (vec!["192.0.2.1", "--frobnicate"], "frobnicate"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
