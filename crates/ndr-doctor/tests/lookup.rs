//! Drives the real `ndr-doctor lookup` binary against the fake DoH server in several modes.

use ndr_fake_doh::{Config, FakeDoh, Mode};
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/doh")
}

/// The public targets the tests ask about. `lookup` never sends a documentation address or a
/// reserved name to DNS (review 4, L4), so the shared fixtures' `192.0.2.99`, `2001:db8::99`
/// and `bad.example` are answered under these names too (`mirrored_fixtures`).
const LISTED_IP: &str = "93.184.216.34";
const LISTED_V6: &str = "2400:cb00::99";
const LISTED_DOMAIN: &str = "bad.example.jp";

/// The query-name form of `target` in `zone`, without the zone.
fn reversed(target: &str) -> String {
    let name = ndr_dnsbl::Target::parse(target)
        .unwrap()
        .query_name("zone.invalid")
        .unwrap();
    name.trim_end_matches(".zone.invalid").to_string()
}

/// A copy of the shared fixtures with each documentation target also answered under its
/// public stand-in, in a folder of this test process.
fn mirrored_fixtures() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("ndr-doctor-doh-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let pairs = [
            (reversed("192.0.2.99"), reversed(LISTED_IP)),
            ("192.0.2.99".to_string(), LISTED_IP.to_string()),
            (reversed("2001:db8::99"), reversed(LISTED_V6)),
            ("bad.example".to_string(), LISTED_DOMAIN.to_string()),
        ];
        for entry in std::fs::read_dir(fixtures()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_owned();
            std::fs::write(dir.join(&name), &text).unwrap();
            let mut public = text.clone();
            for (doc, stand_in) in &pairs {
                public = public.replace(doc.as_str(), stand_in);
            }
            if public != text {
                std::fs::write(
                    dir.join(format!("public-{}", name.to_string_lossy())),
                    public,
                )
                .unwrap();
            }
        }
        dir
    })
    .clone()
}

fn fake() -> FakeDoh {
    FakeDoh::start(Config::new().fixtures_dir(mirrored_fixtures())).unwrap()
}

fn run(args: &[&str]) -> Output {
    // The readable rows follow LANG (`--lang`'s default): these tests read the English ones.
    Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .arg("lookup")
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
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
    let rows = rows(&[LISTED_IP, "--resolver", &doh.google_url()]);
    let zen = row(&rows, "zen.spamhaus.org");
    assert_eq!(zen["state"], "listed");
    assert_eq!(zen["codes"], serde_json::json!(["127.0.0.4", "127.0.0.10"]));
    assert!(zen["meaning"].as_str().unwrap().contains("XBL"));
    assert!(zen["txt"].as_str().unwrap().contains("Listed by XBL"));
    assert_eq!(
        zen["lookup_url"],
        format!("https://check.spamhaus.org/query/ip/{LISTED_IP}")
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
        LISTED_IP,
        "--resolver",
        &doh.cloudflare_url(),
        "--list",
        "bl.spamcop.net",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["txt"],
        format!("Blocked - see https://www.spamcop.net/bl.shtml?{LISTED_IP}")
    );
    assert!(doh.log().iter().all(|e| e.path == "/dns-query"));
}

#[test]
fn domains_and_ipv6() {
    let doh = fake();
    let rows = rows(&[LISTED_DOMAIN, LISTED_V6, "--resolver", &doh.google_url()]);
    let dbl = rows
        .iter()
        .find(|r| r["zone"] == "dbl.spamhaus.org" && r["target"] == LISTED_DOMAIN)
        .unwrap();
    assert_eq!(dbl["state"], "listed");
    let surbl = row(&rows, "multi.surbl.org");
    assert_eq!(surbl["codes"], serde_json::json!(["127.0.0.24"]));
    assert!(surbl["meaning"].as_str().unwrap().contains("PH"));
    assert_eq!(row(&rows, "multi.uribl.com")["state"], "not_listed");
    let zen6 = rows
        .iter()
        .find(|r| r["zone"] == "zen.spamhaus.org" && r["target"] == LISTED_V6)
        .unwrap();
    assert_eq!(zen6["codes"], serde_json::json!(["127.0.0.3"]));
}

#[test]
fn spamhaus_refusal_and_nxdomain_are_unavailable_not_clean() {
    let doh = fake();
    doh.set_zone_mode("zen.spamhaus.org", Mode::Refuse);
    let rows = rows(&[LISTED_IP, "--resolver", &doh.cloudflare_url()]);
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
    rows(&[LISTED_IP, "--resolver", resolver])
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
            LISTED_IP,
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
        LISTED_IP,
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
        LISTED_IP,
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
        LISTED_IP,
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
        LISTED_IP,
        "--resolver",
        &doh.google_url(),
        "--deadline-ms",
        "4000",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(format!("{LISTED_IP}\n").as_str()),
        "{text}"
    );
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

/// Review 4, L4: private, documentation and reserved targets are never sent to a resolver (the
/// page's rule), each is named on stderr for what it is; a bad argument is reported while the
/// good ones are still checked, and the run then exits 2.
#[test]
fn only_public_targets_are_asked_and_a_bad_one_does_not_stop_the_rest() {
    let doh = fake();
    let out = run(&[
        "--json",
        LISTED_IP,
        "192.168.1.10",
        "203.0.113.5",
        "example.com",
        "not_an_ip!",
        "--resolver",
        &doh.google_url(),
        "--list",
        "bl.spamcop.net",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for said in [
        "192.168.1.10 is a private address",
        "203.0.113.5 is a documentation example address",
        "example.com is a reserved domain",
        "\"not_an_ip!\" is not an IP address or domain",
    ] {
        assert!(err.contains(said), "{said:?} not in {err}");
    }
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    assert_eq!(rows[0]["target"], LISTED_IP);
    assert_eq!(rows[0]["state"], "listed");
    for entry in doh.log() {
        let asked = format!("{entry:?}");
        for never in ["10.1.168.192", "5.113.0.203", "example.com.", "not_an_ip"] {
            assert!(!asked.contains(never), "{never} was asked: {asked}");
        }
    }
    // Only targets no list can know: nothing is asked, and that is not an error.
    let quiet = fake();
    let out = run(&["10.0.0.1", "--resolver", &quiet.google_url()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(quiet.log().is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("10.0.0.1 is a private address"));
}
