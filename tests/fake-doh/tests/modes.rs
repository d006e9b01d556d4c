//! Drives the fake resolver over real HTTP: both styles, fixtures, test points, every fault
//! mode (global and per zone), CORS, the request log, and the binary's start line.

use ndr_fake_doh::{Config, FakeDoh, Fixture, Mode};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::{Duration, Instant};

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn request(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (n, v) in headers {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

fn google(doh: &FakeDoh, name: &str, ty: &str) -> Reply {
    request(
        doh.port(),
        "GET",
        &format!("/resolve?name={name}&type={ty}"),
        &[],
    )
}

fn cloudflare(doh: &FakeDoh, name: &str, ty: &str) -> Reply {
    request(
        doh.port(),
        "GET",
        &format!("/dns-query?name={name}&type={ty}"),
        &[("accept", "application/dns-json")],
    )
}

fn a_data(v: &Value) -> Vec<String> {
    v["Answer"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| r["type"] == 1)
                .map(|r| r["data"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/doh")
}

fn start() -> FakeDoh {
    FakeDoh::start(Config::new().fixtures_dir(fixtures_dir())).unwrap()
}

#[test]
fn test_points_follow_rfc_5782_in_both_styles() {
    let doh = start();
    for reply in [
        google(&doh, "2.0.0.127.bl.example", "A"),
        cloudflare(&doh, "2.0.0.127.bl.example", "1"),
        google(&doh, "test.dbl.example", "A"),
        google(
            &doh,
            "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example",
            "A",
        ),
    ] {
        assert_eq!(reply.status, 200);
        let v = reply.json();
        assert_eq!(v["Status"], 0);
        assert_eq!(a_data(&v), vec!["127.0.0.2"]);
    }
    for reply in [
        google(&doh, "1.0.0.127.bl.example", "A"),
        cloudflare(&doh, "invalid.dbl.example", "A"),
        google(&doh, "1.2.0.192.bl.example", "TXT"),
    ] {
        let v = reply.json();
        assert_eq!(v["Status"], 3);
        assert!(v.get("Answer").is_none());
        assert_eq!(v["Authority"][0]["type"], 6, "NXDOMAIN carries an SOA: {v}");
    }
}

#[test]
fn fixtures_answer_and_styles_differ_like_the_real_resolvers() {
    let doh = start();
    let g = google(&doh, "99.2.0.192.zen.spamhaus.org", "A").json();
    assert_eq!(a_data(&g), vec!["127.0.0.4", "127.0.0.10"]);
    assert_eq!(g["Answer"][0]["name"], "99.2.0.192.zen.spamhaus.org.");
    assert_eq!(g["Answer"][0]["TTL"], 300);
    assert!(g["Comment"].is_string());

    let c = cloudflare(&doh, "99.2.0.192.zen.spamhaus.org", "A").json();
    assert_eq!(a_data(&c), vec!["127.0.0.4", "127.0.0.10"]);
    assert_eq!(c["Answer"][0]["name"], "99.2.0.192.zen.spamhaus.org");
    assert!(c.get("Comment").is_none());

    // A TXT record of two character-strings.
    let g = google(&doh, "99.2.0.192.bl.spamcop.net", "TXT").json();
    assert_eq!(
        g["Answer"][0]["data"],
        "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"
    );
    let c = cloudflare(&doh, "99.2.0.192.bl.spamcop.net", "TXT").json();
    assert_eq!(
        c["Answer"][0]["data"],
        "\"Blocked - see \" \"https://www.spamcop.net/bl.shtml?192.0.2.99\""
    );
    assert_eq!(c["Answer"][0]["type"], 16);

    // Same name, other type: NOERROR without data.
    let v = google(&doh, "99.2.0.192.bl.spamcop.net", "AAAA").json();
    assert_eq!(v["Status"], 0);
    assert!(v.get("Answer").is_none());
}

#[test]
fn fixtures_given_in_code_win_and_can_carry_a_status() {
    let doh = FakeDoh::start(
        Config::new()
            .fixtures_dir(fixtures_dir())
            .fixture(Fixture::a("99.2.0.192.zen.spamhaus.org", &["127.0.0.2"]))
            .fixture(Fixture::status("broken.example", "A", 2)),
    )
    .unwrap();
    assert_eq!(
        a_data(&google(&doh, "99.2.0.192.zen.spamhaus.org", "A").json()),
        vec!["127.0.0.2"]
    );
    assert_eq!(google(&doh, "broken.example", "A").json()["Status"], 2);
}

#[test]
fn cloudflare_style_needs_the_json_accept_header() {
    let doh = start();
    let r = request(doh.port(), "GET", "/dns-query?name=x.example&type=A", &[]);
    assert_eq!(r.status, 400);
    let r = cloudflare(&doh, "x.example", "A");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/dns-json"));
}

#[test]
fn bad_questions_get_400() {
    let doh = start();
    assert_eq!(
        request(doh.port(), "GET", "/resolve?type=A", &[]).status,
        400
    );
    assert_eq!(google(&doh, "x.example", "BOGUS").status, 400);
    assert_eq!(request(doh.port(), "GET", "/nowhere", &[]).status, 404);
}

#[test]
fn every_response_allows_any_origin_and_preflights_are_answered() {
    let doh = start();
    let r = google(&doh, "x.example", "A");
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = request(
        doh.port(),
        "OPTIONS",
        "/dns-query?name=x.example",
        &[
            ("origin", "http://127.0.0.1:9"),
            ("access-control-request-method", "GET"),
            ("access-control-request-headers", "accept"),
        ],
    );
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r
        .header("access-control-allow-methods")
        .unwrap()
        .contains("GET"));
    assert_eq!(r.header("access-control-allow-headers"), Some("accept"));
    doh.set_mode(Mode::Fail500);
    assert_eq!(
        google(&doh, "x.example", "A").header("access-control-allow-origin"),
        Some("*")
    );
}

#[test]
fn fault_modes_set_at_start() {
    let doh = FakeDoh::start(Config::new().mode(Mode::Refuse)).unwrap();
    let v = google(&doh, "2.0.0.127.zen.spamhaus.org", "A").json();
    assert_eq!(a_data(&v), vec!["127.255.255.254"]);
}

#[test]
fn every_fault_mode_through_control() {
    let doh = start();
    let set = |q: &str| {
        let r = request(doh.port(), "GET", &format!("/_control?{q}"), &[]);
        assert_eq!(r.status, 200, "{q}: {}", r.body);
    };

    set("mode=fail500");
    assert_eq!(google(&doh, "2.0.0.127.bl.example", "A").status, 500);

    set("mode=rate429&retry_after=7");
    let r = cloudflare(&doh, "2.0.0.127.bl.example", "A");
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("7"));

    set("mode=badjson");
    let r = google(&doh, "2.0.0.127.bl.example", "A");
    assert_eq!(r.status, 200);
    assert!(serde_json::from_str::<Value>(&r.body).is_err());

    set("mode=refuse");
    for r in [
        google(&doh, "1.0.0.127.zen.spamhaus.org", "A"),
        cloudflare(&doh, "99.2.0.192.zen.spamhaus.org", "A"),
    ] {
        assert_eq!(a_data(&r.json()), vec!["127.255.255.254"]);
    }

    set("mode=nxdomain");
    for r in [
        google(&doh, "2.0.0.127.zen.spamhaus.org", "A"),
        google(&doh, "99.2.0.192.zen.spamhaus.org", "A"),
    ] {
        assert_eq!(r.json()["Status"], 3);
    }

    set("mode=lie");
    for r in [
        google(&doh, "1.0.0.127.dead.example", "A"),
        cloudflare(&doh, "anything.dead.example", "A"),
    ] {
        assert_eq!(a_data(&r.json()), vec!["127.0.0.2"]);
    }

    set("mode=servfail");
    let v = google(&doh, "2.0.0.127.bl.example", "A").json();
    assert_eq!(v["Status"], 2);
    assert!(v.get("Answer").is_none());

    set("mode=slow&delay_ms=300");
    let t = Instant::now();
    let v = google(&doh, "2.0.0.127.bl.example", "A").json();
    assert!(t.elapsed() >= Duration::from_millis(300));
    assert_eq!(a_data(&v), vec!["127.0.0.2"]);

    set("mode=normal");
    assert_eq!(
        a_data(&google(&doh, "2.0.0.127.bl.example", "A").json()),
        vec!["127.0.0.2"]
    );

    let r = request(doh.port(), "GET", "/_control?mode=sideways", &[]);
    assert_eq!(r.status, 400);
    let r = request(doh.port(), "GET", "/_control?mode=slow&delay_ms=soon", &[]);
    assert_eq!(r.status, 400);
}

#[test]
fn a_mode_can_be_scoped_to_one_zone() {
    let doh = start();
    let r = request(
        doh.port(),
        "GET",
        "/_control?mode=refuse&zone=zen.spamhaus.org",
        &[],
    );
    assert_eq!(r.json()["zone"], "zen.spamhaus.org");
    doh.set_zone_mode("bl.spamcop.net", Mode::Fail500);
    assert_eq!(
        a_data(&google(&doh, "2.0.0.127.zen.spamhaus.org", "A").json()),
        vec!["127.255.255.254"]
    );
    assert_eq!(google(&doh, "2.0.0.127.bl.spamcop.net", "A").status, 500);
    assert_eq!(
        a_data(&google(&doh, "2.0.0.127.psbl.surriel.com", "A").json()),
        vec!["127.0.0.2"]
    );
    // A global change clears the per-zone modes.
    request(doh.port(), "GET", "/_control?mode=normal", &[]);
    assert_eq!(google(&doh, "2.0.0.127.bl.spamcop.net", "A").status, 200);
}

#[test]
fn the_log_lists_questions_and_can_be_cleared() {
    let doh = start();
    request(
        doh.port(),
        "GET",
        "/dns-query?name=2.0.0.127.bl.example&type=TXT",
        &[
            ("accept", "application/dns-json"),
            ("origin", "http://127.0.0.1:8080"),
        ],
    );
    google(&doh, "x.example", "A");
    let log = request(doh.port(), "GET", "/_log", &[]).json();
    let log = log.as_array().unwrap();
    assert_eq!(
        log.len(),
        2,
        "control and log requests are not logged: {log:?}"
    );
    assert_eq!(log[0]["method"], "GET");
    assert_eq!(log[0]["path"], "/dns-query");
    assert_eq!(log[0]["query"], "name=2.0.0.127.bl.example&type=TXT");
    assert_eq!(log[0]["accept"], "application/dns-json");
    assert_eq!(log[0]["origin"], "http://127.0.0.1:8080");
    assert_eq!(log[0]["name"], "2.0.0.127.bl.example");
    assert_eq!(log[1]["accept"], Value::Null);
    assert_eq!(doh.log().len(), 2);
    let cleared = request(doh.port(), "GET", "/_log?clear=1", &[]).json();
    assert_eq!(cleared.as_array().unwrap().len(), 2);
    assert!(doh.log().is_empty());
}

#[test]
fn the_server_stops_on_drop() {
    let doh = start();
    let port = doh.port();
    drop(doh);
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn the_binary_prints_one_line_then_serves() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ndr-fake-doh"))
        .args(["--port", "0", "--fixtures"])
        .arg(fixtures_dir())
        .args(["--mode", "normal"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let result = std::panic::catch_unwind(|| {
        let url = line
            .trim_end()
            .strip_prefix("listening ")
            .unwrap()
            .to_string();
        let port: u16 = url.rsplit(':').next().unwrap().parse().unwrap();
        assert_eq!(url, format!("http://127.0.0.1:{port}"));
        let r = request(
            port,
            "GET",
            "/resolve?name=99.2.0.192.bl.spamcop.net&type=A",
            &[],
        );
        assert_eq!(a_data(&r.json()), vec!["127.0.0.2"]);
    });
    let _ = child.kill();
    let _ = child.wait();
    result.unwrap();
}

#[test]
fn the_binary_rejects_a_bad_argument() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ndr-fake-doh"))
        .args(["--mode", "sideways"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown mode"));
}
