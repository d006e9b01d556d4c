//! The lookup session against an in-memory network: every fault mode, fallback, Retry-After,
//! test points, TXT quoting, caching, dedup, and the record of names asked.

mod support;

use futures_executor::block_on;
use ndr_dnsbl::{
    default_lists, find, Options, Outcome, Resolver, Row, Session, State, Target, TransportError,
    Why,
};
use std::time::Duration;
use support::*;

const IP: &str = "192.0.2.99";

fn opts(resolvers: &[&str]) -> Options {
    Options {
        resolvers: resolvers
            .iter()
            .map(|u| Resolver::parse(u).unwrap())
            .collect(),
        query_timeout: Duration::from_millis(300),
        deadline: Duration::from_secs(2),
        max_cache_ttl: Duration::from_secs(3600),
    }
}

fn google() -> Options {
    opts(&["https://dns.google/resolve"])
}

fn both() -> Options {
    opts(&[
        "https://dns.google/resolve",
        "https://cloudflare-dns.com/dns-query",
    ])
}

fn lookup(session: &Session<Mem>, target: &str, zones: &[&str]) -> Vec<Row> {
    let lists: Vec<_> = zones.iter().map(|z| find(z).unwrap()).collect();
    block_on(session.lookup(&[Target::parse(target).unwrap()], &lists, |_| {}))
}

fn one(session: &Session<Mem>, target: &str, zone: &str) -> Row {
    let mut rows = lookup(session, target, &[zone]);
    assert_eq!(rows.len(), 1);
    rows.remove(0)
}

#[track_caller]
fn why(row: &Row) -> &Why {
    row.why()
        .unwrap_or_else(|| panic!("expected unavailable, got {row:?}"))
}

const LISTED_99: &[(&str, &[&str], &str)] = &[
    (
        "99.2.0.192.zen.spamhaus.org",
        &["127.0.0.4", "127.0.0.10"],
        "Listed by XBL, see https://check.spamhaus.org/query/ip/192.0.2.99",
    ),
    (
        "99.2.0.192.bl.spamcop.net",
        &["127.0.0.2"],
        "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99",
    ),
];

#[test]
fn listed_and_not_listed_with_meanings_and_txt() {
    let s = Session::new(Mem::new(honest(LISTED_99)), google());
    let rows = lookup(
        &s,
        IP,
        &["zen.spamhaus.org", "bl.spamcop.net", "psbl.surriel.com"],
    );
    assert_eq!(
        rows.iter().map(|r| (r.zone, r.state())).collect::<Vec<_>>(),
        [
            ("zen.spamhaus.org", State::Listed),
            ("bl.spamcop.net", State::Listed),
            ("psbl.surriel.com", State::NotListed)
        ]
    );
    assert_eq!(rows[0].codes(), ["127.0.0.4", "127.0.0.10"]);
    let meaning = rows[0].meaning(false).unwrap();
    assert!(
        meaning.contains("XBL") && meaning.contains("PBL"),
        "{meaning}"
    );
    assert!(rows[0].meaning(true).unwrap().contains("Spamhaus XBL"));
    assert_eq!(
        rows[0].txt(),
        Some("Listed by XBL, see https://check.spamhaus.org/query/ip/192.0.2.99")
    );
    assert_eq!(
        rows[0].lookup_url,
        "https://check.spamhaus.org/query/ip/192.0.2.99"
    );
    assert_eq!(rows[0].resolver.as_deref(), Some("dns.google"));
    assert_eq!(rows[2].txt(), None);
}

#[test]
fn txt_is_read_the_same_from_google_and_cloudflare() {
    for resolver in [
        "https://dns.google/resolve",
        "https://cloudflare-dns.com/dns-query",
    ] {
        let mem = Mem::new(move |q: &Question| {
            if q.name == "99.2.0.192.bl.spamcop.net" {
                if q.qtype == "TXT" {
                    return txt(
                        q,
                        &[
                            "Blocked - see ",
                            "https://www.spamcop.net/bl.shtml?192.0.2.99",
                        ],
                    );
                }
                return listed(q, &["127.0.0.2"]);
            }
            honest(&[])(q)
        });
        let s = Session::new(mem, opts(&[resolver]));
        let row = one(&s, IP, "bl.spamcop.net");
        assert_eq!(
            row.txt(),
            Some("Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"),
            "{resolver}"
        );
        // Cloudflare needs the JSON media type; it is always sent.
        assert!(s
            .transport()
            .log
            .borrow()
            .iter()
            .all(|q| q.accept == "application/dns-json"));
    }
}

#[test]
fn a_listing_is_delivered_before_its_slow_reason_text() {
    // See: issue 4 ("every result in <= 300 ms"): the TXT reason must not hold back the verdict.
    let mem = Mem::new(|q: &Question| {
        if q.qtype == "TXT" {
            return Reply::After(Duration::from_millis(250), Box::new(honest(LISTED_99)(q)));
        }
        honest(LISTED_99)(q)
    });
    let s = Session::new(mem, google());
    let mut seen: Vec<(State, Option<String>)> = Vec::new();
    let lists = [find("bl.spamcop.net").unwrap()];
    let rows = block_on(s.lookup(&[Target::parse(IP).unwrap()], &lists, |r| {
        seen.push((r.state(), r.txt().map(str::to_owned)))
    }));
    assert_eq!(
        seen,
        [
            (State::Listed, None),
            (
                State::Listed,
                Some("Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99".to_owned())
            ),
        ]
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].txt(), seen[1].1.as_deref());
}

#[test]
fn txt_is_asked_only_for_listings_and_its_failure_keeps_the_listing() {
    let mem = Mem::new(|q: &Question| {
        if q.qtype == "TXT" {
            return Reply::Status(500, None);
        }
        honest(LISTED_99)(q)
    });
    let s = Session::new(mem, google());
    let rows = lookup(&s, IP, &["bl.spamcop.net", "psbl.surriel.com"]);
    assert_eq!(rows[0].state(), State::Listed);
    assert_eq!(rows[0].txt(), None);
    let txt_questions: Vec<String> = s
        .transport()
        .log
        .borrow()
        .iter()
        .filter(|q| q.qtype == "TXT")
        .map(|q| q.name.clone())
        .collect();
    assert_eq!(txt_questions, ["99.2.0.192.bl.spamcop.net"]);
}

#[test]
fn slow_past_the_deadline_is_unavailable() {
    let mem =
        Mem::new(|q: &Question| Reply::After(Duration::from_millis(400), Box::new(honest(&[])(q))));
    let mut o = google();
    o.query_timeout = Duration::from_millis(1000);
    o.deadline = Duration::from_millis(150);
    let s = Session::new(mem, o);
    let rows = lookup(&s, IP, &["bl.spamcop.net", "psbl.surriel.com"]);
    for row in &rows {
        assert_eq!(why(row), &Why::DeadlinePassed, "{row:?}");
    }
}

#[test]
fn slow_past_the_query_timeout_falls_back_then_gives_up() {
    let mem = Mem::new(|q: &Question| {
        if q.host == "dns.google" {
            Reply::After(Duration::from_millis(500), Box::new(nx(q)))
        } else {
            honest(&[])(q)
        }
    });
    let mut o = both();
    o.query_timeout = Duration::from_millis(100);
    let s = Session::new(mem, o);
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(row.state(), State::NotListed);
    assert_eq!(row.resolver.as_deref(), Some("cloudflare-dns.com"));

    let mem = Mem::new(|q: &Question| Reply::After(Duration::from_millis(500), Box::new(nx(q))));
    let mut o = both();
    o.query_timeout = Duration::from_millis(100);
    let s = Session::new(mem, o);
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(why(&row), &Why::Timeout);
    let Outcome::Unavailable { tried, .. } = &row.outcome else {
        panic!()
    };
    assert_eq!(tried.len(), 2);
    assert!(row.detail().contains("dns.google") && row.detail().contains("cloudflare-dns.com"));
}

#[test]
fn http_500_falls_back_to_the_second_resolver() {
    let mem = Mem::new(|q: &Question| {
        if q.host == "dns.google" {
            Reply::Status(500, None)
        } else {
            honest(LISTED_99)(q)
        }
    });
    let s = Session::new(mem, both());
    let row = one(&s, IP, "bl.spamcop.net");
    assert_eq!(row.state(), State::Listed);
    assert_eq!(row.resolver.as_deref(), Some("cloudflare-dns.com"));

    let s = Session::new(Mem::new(|_: &Question| Reply::Status(502, None)), both());
    let row = one(&s, IP, "bl.spamcop.net");
    assert_eq!(why(&row), &Why::Http(502));
}

#[test]
fn transport_errors_fall_back_and_are_never_not_listed() {
    for err in [
        TransportError::Network("connection refused".into()),
        TransportError::TimedOut,
        TransportError::Blocked("CORS".into()),
    ] {
        let e = err.clone();
        let s = Session::new(Mem::new(move |_: &Question| Reply::Fail(e.clone())), both());
        let row = one(&s, IP, "psbl.surriel.com");
        assert_eq!(row.state(), State::Unavailable, "{err:?}");
    }
}

#[test]
fn rate_limited_resolver_is_retried_after_retry_after_within_the_deadline() {
    use std::cell::Cell;
    use std::rc::Rc;
    let calls = Rc::new(Cell::new(0u32));
    let c = Rc::clone(&calls);
    let mem = Mem::new(move |q: &Question| {
        c.set(c.get() + 1);
        // The first burst is refused; after that the resolver answers.
        if c.get() <= 3 {
            Reply::Status(429, Some("1".into()))
        } else {
            honest(&[])(q)
        }
    });
    let mut o = google();
    o.deadline = Duration::from_secs(3);
    let s = Session::new(mem, o);
    let start = std::time::Instant::now();
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(row.state(), State::NotListed, "{row:?}");
    assert!(
        start.elapsed() >= Duration::from_millis(900),
        "waited {:?}",
        start.elapsed()
    );

    // A wait longer than the deadline is not taken.
    let mem = Mem::new(|_: &Question| Reply::Status(429, Some("30".into())));
    let s = Session::new(mem, google());
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(
        why(&row),
        &Why::RateLimited {
            retry_after: Some(30)
        }
    );
}

#[test]
fn a_rate_limited_resolver_is_skipped_for_the_fallback() {
    let mem = Mem::new(|q: &Question| {
        if q.host == "dns.google" {
            Reply::Status(429, Some("60".into()))
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, both());
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(row.resolver.as_deref(), Some("cloudflare-dns.com"));
    let google_before = s
        .transport()
        .log
        .borrow()
        .iter()
        .filter(|q| q.host == "dns.google")
        .count();
    // A later list skips the rate-limited resolver without asking it.
    let row = one(&s, IP, "bl.spamcop.net");
    assert_eq!(row.state(), State::NotListed);
    let google_after = s
        .transport()
        .log
        .borrow()
        .iter()
        .filter(|q| q.host == "dns.google")
        .count();
    assert_eq!(google_before, google_after);
}

#[test]
fn malformed_json_is_a_bad_response() {
    for body in [
        "{\"Status\":0,\"Answer\":[{\"name\":",
        "<html>blocked</html>",
        "{}",
        "",
    ] {
        let b = body.to_string();
        let s = Session::new(
            Mem::new(move |_: &Question| Reply::Body(b.clone())),
            google(),
        );
        let row = one(&s, IP, "psbl.surriel.com");
        assert!(
            matches!(why(&row), Why::BadResponse(_)),
            "{body:?}: {row:?}"
        );
    }
}

#[test]
fn servfail_and_refused_statuses_are_unavailable() {
    for (status, expected) in [
        (2u16, Why::ServFail),
        (5, Why::DnsRefused),
        (4, Why::DnsStatus(4)),
    ] {
        let s = Session::new(
            Mem::new(move |q: &Question| answer(q, status, &[], 0)),
            google(),
        );
        assert_eq!(why(&one(&s, IP, "psbl.surriel.com")), &expected);
    }
}

#[test]
fn google_nxdomain_for_the_spamhaus_test_point_is_not_not_listed() {
    // Google answers NXDOMAIN for everything under Spamhaus zones, test points included.
    let mem = Mem::new(|q: &Question| {
        if q.name.ends_with(".spamhaus.org") {
            nx(q)
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, google());
    let rows = lookup(&s, IP, &["zen.spamhaus.org", "psbl.surriel.com"]);
    assert_eq!(
        why(&rows[0]),
        &Why::TestPointNotListed {
            name: "2.0.0.127.zen.spamhaus.org".into()
        }
    );
    assert_eq!(
        rows[0].lookup_url,
        "https://check.spamhaus.org/query/ip/192.0.2.99"
    );
    assert_eq!(rows[1].state(), State::NotListed);
}

#[test]
fn cloudflare_refusal_code_is_refused_by_list() {
    let mem = Mem::new(|q: &Question| {
        if q.name.ends_with(".spamhaus.org") {
            listed(q, &["127.255.255.254"])
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, opts(&["https://cloudflare-dns.com/dns-query"]));
    let row = one(&s, IP, "zen.spamhaus.org");
    let Why::RefusedByList { code, meaning } = why(&row) else {
        panic!("{row:?}")
    };
    assert_eq!(code.to_string(), "127.255.255.254");
    assert!(meaning.en.contains("public"));
    // For a domain list too (URIBL's refusal is 127.0.0.1).
    let mem = Mem::new(|q: &Question| {
        if q.name.ends_with(".multi.uribl.com") {
            listed(q, &["127.0.0.1"])
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, google());
    assert_eq!(
        why(&one(&s, "bad.example", "multi.uribl.com")).id(),
        "refused_by_list"
    );
}

#[test]
fn google_refused_then_cloudflare_refused_shows_both() {
    let mem = Mem::new(
        |q: &Question| match (q.host.as_str(), q.name.ends_with(".spamhaus.org")) {
            ("dns.google", true) => nx(q),
            (_, true) => listed(q, &["127.255.255.254"]),
            _ => honest(&[])(q),
        },
    );
    let s = Session::new(mem, both());
    let row = one(&s, IP, "zen.spamhaus.org");
    assert_eq!(why(&row).id(), "refused_by_list");
    let d = row.detail();
    assert!(d.contains("dns.google: the list's test point"), "{d}");
    assert!(d.contains("cloudflare-dns.com: the list refused"), "{d}");
}

#[test]
fn a_dead_zone_that_lists_everything_is_caught() {
    let mem = Mem::new(|q: &Question| {
        if q.name.ends_with(".bl.spamcop.net") {
            listed(q, &["127.0.0.2"])
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, google());
    assert_eq!(
        why(&one(&s, IP, "bl.spamcop.net")),
        &Why::ZoneListsEverything {
            name: "1.0.0.127.bl.spamcop.net".into()
        }
    );
}

#[test]
fn answers_outside_loopback_are_unexpected() {
    let mem = Mem::new(|q: &Question| {
        if q.name == "99.2.0.192.psbl.surriel.com" {
            listed(q, &["198.51.100.7"])
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, google());
    assert_eq!(
        why(&one(&s, IP, "psbl.surriel.com")).id(),
        "unexpected_answer"
    );
}

#[test]
fn mixed_answers_across_the_default_lists() {
    let mem = Mem::new(|q: &Question| {
        let n = q.name.as_str();
        if n.ends_with(".spamhaus.org") {
            return listed(q, &["127.255.255.254"]);
        }
        if n.ends_with(".b.barracudacentral.org") {
            return Reply::After(Duration::from_millis(600), Box::new(nx(q)));
        }
        if n.ends_with(".psbl.surriel.com") {
            return Reply::Status(500, None);
        }
        honest(LISTED_99)(q)
    });
    let s = Session::new(mem, google());
    let mut delivered = Vec::new();
    let rows = block_on(
        s.lookup(&[Target::parse(IP).unwrap()], &default_lists(), |r| {
            delivered.push(r.zone)
        }),
    );
    // A listed row is delivered twice: the verdict at once, then with its TXT reason.
    let listed = rows.iter().filter(|r| r.state() == State::Listed).count();
    assert!(listed > 0);
    assert_eq!(delivered.len(), rows.len() + listed);
    // Key-only lists come first (no waiting); the slow list comes last.
    assert_eq!(delivered[0], "combined.mail.abusix.zone");
    assert_eq!(*delivered.last().unwrap(), "b.barracudacentral.org");
    let state = |zone: &str| rows.iter().find(|r| r.zone == zone).unwrap();
    assert_eq!(why(state("zen.spamhaus.org")).id(), "refused_by_list");
    assert_eq!(state("bl.spamcop.net").state(), State::Listed);
    assert_eq!(why(state("b.barracudacentral.org")), &Why::Timeout);
    assert_eq!(why(state("psbl.surriel.com")), &Why::Http(500));
    assert_eq!(why(state("combined.mail.abusix.zone")), &Why::KeyRequired);
    assert_eq!(state("dnsbl-1.uceprotect.net").state(), State::NotListed);
    // Rows come back in display order; domain-only and IPv6-only lists give no row for an IPv4.
    assert_eq!(rows[0].zone, "zen.spamhaus.org");
    assert!(rows.windows(2).all(|w| w[0].order < w[1].order));
    assert!(!rows
        .iter()
        .any(|r| r.zone == "dbl.spamhaus.org" || r.zone == "bl.ipv6.spameatingmonkey.net"));
}

#[test]
fn domains_and_ipv6_use_their_own_test_points() {
    const BAD: &[(&str, &[&str], &str)] = &[
        (
            "bad.example.dbl.spamhaus.org",
            &["127.0.1.2"],
            "spam domain",
        ),
        (
            "9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org",
            &["127.0.0.3"],
            "css",
        ),
    ];
    let s = Session::new(Mem::new(honest(BAD)), google());
    assert_eq!(
        one(&s, "bad.example", "dbl.spamhaus.org").state(),
        State::Listed
    );
    assert_eq!(
        one(&s, "2001:db8::99", "zen.spamhaus.org").codes(),
        ["127.0.0.3"]
    );
    let names: Vec<String> = s.asked().into_iter().map(|a| a.name).collect();
    assert!(names.contains(&"dbltest.com.dbl.spamhaus.org".to_string()));
    assert!(names.contains(&"invalid.dbl.spamhaus.org".to_string()));
    assert!(names
        .iter()
        .any(|n| n.starts_with("2.0.0.0.0.0.f.7.f.f.f.f.") && n.ends_with("zen.spamhaus.org")));
    assert!(names
        .iter()
        .any(|n| n.starts_with("1.0.0.0.0.0.f.7.f.f.f.f.") && n.ends_with("zen.spamhaus.org")));
}

#[test]
fn answers_are_cached_for_their_ttl_and_test_points_for_the_session() {
    let s = Session::new(Mem::new(honest(LISTED_99)), google());
    let zones = ["zen.spamhaus.org", "bl.spamcop.net", "psbl.surriel.com"];
    let first = lookup(&s, IP, &zones);
    let after_first = s.requests_made();
    // A (3) + test points (6) + TXT for two listings (2).
    assert_eq!(after_first, 11);
    let second = lookup(&s, IP, &zones);
    assert_eq!(s.requests_made(), after_first, "second lookup asked again");
    assert_eq!(first, second);
    // Past the TTL (300 s) the answers are asked again, the test points are not.
    s.transport().skew.set(Duration::from_secs(301));
    lookup(&s, IP, &zones);
    assert_eq!(s.requests_made(), after_first + 5);
}

#[test]
fn identical_questions_share_one_request() {
    let mem = Mem::new(|q: &Question| {
        Reply::After(Duration::from_millis(50), Box::new(honest(LISTED_99)(q)))
    });
    let s = Session::new(mem, google());
    let list = [find("bl.spamcop.net").unwrap()];
    let t = Target::parse(IP).unwrap();
    let targets = [t.clone(), t.clone()];
    let (a, b) = block_on(futures_util::future::join(
        s.lookup(&targets, &list, |_| {}),
        s.lookup(&[Target::parse("[192.0.2.99]").unwrap()], &list, |_| {}),
    ));
    assert_eq!(a.len(), 1, "the same target twice gives one row");
    assert_eq!(a[0].state(), State::Listed);
    assert_eq!(a[0].outcome, b[0].outcome);
    // A, TXT and two test points, each once, although two lookups ran at the same time.
    assert_eq!(s.requests_made(), 4, "{:?}", s.asked());
}

#[test]
fn the_session_records_every_name_asked_of_which_resolver() {
    let s = Session::new(Mem::new(honest(&[])), google());
    one(&s, IP, "psbl.surriel.com");
    let mut asked: Vec<(String, String, &str)> = s
        .asked()
        .into_iter()
        .map(|a| (a.resolver, a.name, a.qtype.as_str()))
        .collect();
    asked.sort();
    let g = "https://dns.google/resolve".to_string();
    assert_eq!(
        asked,
        [
            (g.clone(), "1.0.0.127.psbl.surriel.com".to_string(), "A"),
            (g.clone(), "2.0.0.127.psbl.surriel.com".to_string(), "A"),
            (g, "99.2.0.192.psbl.surriel.com".to_string(), "A"),
        ]
    );
}

#[test]
fn a_transient_test_point_failure_is_asked_again_later() {
    use std::cell::Cell;
    use std::rc::Rc;
    let fail = Rc::new(Cell::new(true));
    let f = Rc::clone(&fail);
    let mem = Mem::new(move |q: &Question| {
        if f.get() && q.name.starts_with("2.0.0.127.") {
            Reply::Status(503, None)
        } else {
            honest(&[])(q)
        }
    });
    let s = Session::new(mem, google());
    assert_eq!(why(&one(&s, IP, "psbl.surriel.com")), &Why::Http(503));
    fail.set(false);
    assert_eq!(one(&s, IP, "psbl.surriel.com").state(), State::NotListed);
}

#[test]
fn no_resolver_means_unavailable() {
    let s = Session::new(Mem::new(honest(&[])), opts(&[]));
    assert_eq!(why(&one(&s, IP, "psbl.surriel.com")), &Why::NoResolver);
}

#[test]
fn closed_list_named_by_a_diagnosis_gets_a_row_and_is_never_asked() {
    let s = Session::new(Mem::new(honest(&[])), google());
    let d = ndr_core::Diagnosis {
        blocked_ip: Some("8.8.4.4".into()),
        blocked_ip_scope: Some(ndr_core::IpScope::Public),
        list_zone: Some("dnsbl.sorbs.net".into()),
        ..Default::default()
    };
    let rows = block_on(s.lookup_diagnosis(&d, |_| {}));
    assert_eq!(rows[0].list, "SORBS");
    assert_eq!(
        why(&rows[0]),
        &Why::ClosedList {
            ended: "2024-06-05"
        }
    );
    assert!(!s.asked().iter().any(|a| a.name.contains("sorbs")));
    assert!(rows.iter().any(|r| r.zone == "zen.spamhaus.org"));
}

#[test]
fn an_endless_deadline_does_not_overflow() {
    let mut o = google();
    o.deadline = Duration::MAX;
    o.max_cache_ttl = Duration::MAX;
    let s = Session::new(Mem::new(honest(LISTED_99)), o);
    assert_eq!(one(&s, IP, "bl.spamcop.net").state(), State::Listed);
}

#[test]
fn the_same_failure_at_one_resolver_is_said_once_with_its_count() {
    // Always 429 with a wait that fits the deadline: the resolver is asked again, and fails
    // the same way each time.
    let mem = Mem::new(|_: &Question| Reply::Status(429, Some("1".into())));
    let mut o = google();
    o.deadline = Duration::from_millis(2500);
    let s = Session::new(mem, o);
    let row = one(&s, IP, "psbl.surriel.com");
    assert_eq!(row.state(), State::Unavailable);
    let d = row.detail();
    assert_eq!(d.matches("dns.google").count(), 1, "{d}");
    assert!(d.ends_with(" tries)"), "{d}");
}
