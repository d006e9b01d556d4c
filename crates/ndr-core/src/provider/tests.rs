//! Tidy tests for the rule tables, and small inline cases on `Diagnosis::summary()`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use expect_test::{expect, Expect};

use super::*;
use crate::diagnose;

fn all_rules() -> impl Iterator<Item = (&'static Table, usize, &'static Rule)> {
    PARTIES
        .iter()
        .flat_map(|t| t.rules.iter().enumerate().map(move |(i, r)| (*t, i, r)))
}

#[test]
fn rules_are_lowercase_and_unique() {
    let mut seen = BTreeSet::new();
    for (table, i, rule) in all_rules() {
        let id = format!("{}[{i}]", table.name);
        assert!(
            rule.code.is_some() || !rule.text.is_empty() || !rule.status.is_empty(),
            "{id}: a rule needs a code, a text or a status"
        );
        for frag in rule.text {
            assert!(!frag.is_empty(), "{id}: empty fragment");
            assert_eq!(
                *frag,
                frag.to_ascii_lowercase(),
                "{id}: fragments are matched lowercase"
            );
            assert!(
                !frag.contains("  ") && !frag.contains(['\n', '\t']),
                "{id}: whitespace is collapsed"
            );
        }
        if let Some(code) = rule.code {
            // The code must be what the scanner writes for it.
            let lower = code.to_ascii_lowercase();
            let forms = [
                lower.clone(),
                format!("({lower})"),
                format!("[{lower}]"),
                lower.replace("as(", "(as"),
            ];
            let canonical = forms
                .iter()
                .any(|f| codes::scan(f).first().is_some_and(|c| c.code == code));
            assert!(
                canonical,
                "{id}: {code} is not what the code scanner writes"
            );
        }
        for alt in rule.status.split('|').filter(|s| !s.is_empty()) {
            let low = alt.split('-').next().unwrap_or("");
            assert_eq!(status_len(low), low.len(), "{id}: bad status pattern {alt}");
        }
        // The same rule for two parties is two rules when each applies at its own hosts.
        let party = if rule.at_host { rule.party } else { None };
        let key = format!(
            "{}|{:?}|{:?}|{}|{}|{:?}",
            rule.status, rule.code, rule.text, rule.at_host, rule.after_data, party
        );
        assert!(seen.insert(key.clone()), "{id}: duplicate rule {key}");
    }
    for table in PARTIES {
        for h in table.hosts.iter().chain(table.zones) {
            assert_eq!(*h, h.to_ascii_lowercase(), "{}: {h}", table.name);
        }
        for (name, zone) in table.zone_names {
            assert_eq!(*name, name.to_ascii_lowercase(), "{}: {name}", table.name);
            assert!(
                table.zones.contains(zone),
                "{}: {zone} is not one of its zones",
                table.name
            );
        }
    }
}

#[test]
fn rules_that_need_a_host_have_hosts() {
    for (table, i, rule) in all_rules() {
        if rule.at_host {
            assert!(!table.hosts.is_empty(), "{}[{i}] needs hosts", table.name);
        }
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/bounces exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("eml" | "txt")))
        .collect();
    files.sort();
    files
}

/// Every rule decides at least one fixture of its own party file: no rule is untested.
#[test]
fn every_rule_has_a_fixture() {
    let mut hit = BTreeSet::new();
    for path in fixtures() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let prefix = name.rsplit_once('-').map_or("", |(p, _)| p).to_string();
        let input = std::fs::read(&path).expect("readable fixture");
        HITS.with(|h| h.borrow_mut().clear());
        let _ = diagnose(&input);
        HITS.with(|h| {
            for &(table, rule) in h.borrow().iter() {
                if table == prefix {
                    hit.insert((table, rule));
                }
            }
        });
    }
    let missing: Vec<String> = all_rules()
        .filter(|(t, i, _)| !hit.contains(&(t.name, *i)))
        .map(|(t, i, r)| format!("{}[{i}] {:?} {:?} {}", t.name, r.code, r.text, r.status))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture of their party:\n{}",
        missing.join("\n")
    );
}

#[track_caller]
fn check(text: &str, expect: Expect) {
    let d = diagnose(text.as_bytes());
    let mut line = d.summary();
    if let Some(code) = &d.provider_code {
        line.push_str(&format!(" code={code}"));
    }
    if let Some(zone) = &d.list_zone {
        line.push_str(&format!(" zone={zone}"));
    }
    if let Some(scope) = d.blocked_ip_scope {
        line.push_str(&format!(
            " scope={}",
            serde_json::to_string(&scope)
                .unwrap_or_default()
                .trim_matches('"')
        ));
    }
    for n in &d.notes {
        line.push_str(&format!(" note={}:{}", n.id, n.detail));
    }
    expect.assert_eq(&line);
}

#[test]
fn microsoft_banned_ip() {
    check(
        "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (AS16012609)",
        expect!["550 5.7.606 blocked microsoft 192.0.2.1 code=AS(16012609) scope=documentation"],
    );
}

#[test]
fn rejecting_server_address_is_never_the_blocked_one() {
    check(
        "<a@example.jp>: host mx.example.jp[198.51.100.7] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using bl.spamcop.net (in reply to RCPT TO command)",
        expect!["554 5.7.1 blocked spamcop 192.0.2.7 zone=bl.spamcop.net scope=documentation"],
    );
    check(
        "<a@example.jp>: host mx.example.jp[198.51.100.7] said: 550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)",
        expect!["550 5.1.1 userunknown - -"],
    );
}

#[test]
fn placeholders_and_lookalikes_are_not_addresses() {
    check(
        "550 5.7.1 Your IP xxx.xxx.xxx.xxx is listed; see https://www.spamhaus.org/query/ip/999.999.999.999",
        expect!["550 5.7.1 blocked spamhaus -"],
    );
    check(
        "421 4.7.0 [TSS04] Messages from a.b.c.d temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        expect!["421 4.7.0 badreputation yahoo - code=TSS04"],
    );
}

#[test]
fn private_loopback_and_ipv6_addresses_keep_their_scope() {
    check(
        "554 5.7.1 Service unavailable; Client host [10.0.0.5] blocked using zen.spamhaus.org",
        expect!["554 5.7.1 blocked spamhaus 10.0.0.5 zone=zen.spamhaus.org scope=private"],
    );
    check(
        "554 5.7.1 Service unavailable; Client host [127.0.0.1] blocked using b.barracudacentral.org",
        expect!["554 5.7.1 blocked barracuda 127.0.0.1 zone=b.barracudacentral.org scope=loopback"],
    );
    check(
        "554 5.7.1 Service unavailable; Client host [IPv6:2001:db8::77] blocked using zen.spamhaus.org",
        expect!["554 5.7.1 blocked spamhaus 2001:db8::77 zone=zen.spamhaus.org scope=documentation"],
    );
}

#[test]
fn spamhaus_refusing_the_receivers_resolver_is_not_a_listing() {
    check(
        "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/203.0.113.53/",
        expect!["554 5.7.1 blocked recipient_org - zone=zen.spamhaus.org note=receiver_resolver_refused:zen.spamhaus.org"],
    );
    // The resolver's address in Spamhaus's link, and the client the reply names, are no
    // blocked address either way: an answer of 127.255.255.254 quoted, Exim's wording.
    check(
        "550 Rejected because 198.51.100.4 is in a black list at zen.spamhaus.org\nError: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.53",
        expect!["550 - blocked recipient_org - zone=zen.spamhaus.org note=receiver_resolver_refused:zen.spamhaus.org"],
    );
    check(
        "554 5.7.1 Rejected: 192.0.2.173 listed at zen.spamhaus.org (127.255.255.254)",
        expect!["554 5.7.1 blocked recipient_org - zone=zen.spamhaus.org note=receiver_resolver_refused:zen.spamhaus.org"],
    );
}

#[test]
fn dead_lists_are_named_as_closed() {
    check(
        "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using new.spam.dnsbl.sorbs.net",
        expect!["554 5.7.1 blocked closed_list 192.0.2.10 zone=new.spam.dnsbl.sorbs.net scope=documentation note=closed_list:new.spam.dnsbl.sorbs.net"],
    );
}

#[test]
fn recipients_own_block_list_is_theirs_not_microsofts() {
    check(
        "550 5.7.513 Service unavailable, Client host [192.0.2.11] blocked by example.com using Customer Block list (AS16012607)",
        expect!["550 5.7.513 blocked recipient_org 192.0.2.11 code=AS(16012607) scope=documentation"],
    );
}

#[test]
fn consumer_outlook_and_business_exchange_are_told_apart() {
    check(
        "550 5.7.1 Unfortunately, messages from [192.0.2.12] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
        expect!["550 5.7.1 blocked outlook_com 192.0.2.12 code=S3150 scope=documentation"],
    );
    check(
        "550 5.7.1 Service unavailable, Client host [192.0.2.13] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.13 (AS3130)",
        expect!["550 5.7.1 blocked spamhaus 192.0.2.13 code=AS(3130) scope=documentation"],
    );
}

#[test]
fn exchange_recipient_access_denied_is_no_such_user() {
    check(
        "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)'",
        expect!["550 5.4.1 userunknown - - code=AS(201806281)"],
    );
}

#[test]
fn japanese_carriers_filter_after_the_data() {
    check(
        "<hanako@docomo.ne.jp>: host mfsmax.docomo.ne.jp[198.51.100.2] said: 550 Unknown user hanako@docomo.ne.jp (in reply to RCPT TO command)",
        expect!["550 - userunknown - -"],
    );
    check(
        "送信できませんでした。\n<jiro@ezweb.ne.jp>: host lsean.ezweb.ne.jp[198.51.100.3] said: 550 : User unknown (in reply to end of DATA command)",
        expect!["550 - filtered au -"],
    );
}

#[test]
fn keyed_zones_hide_the_key() {
    check(
        "554 5.7.1 Client host [192.0.2.14] blocked using abcdef0123456789.zen.dq.spamhaus.net",
        expect![
            "554 5.7.1 blocked spamhaus 192.0.2.14 zone=zen.dq.spamhaus.net scope=documentation"
        ],
    );
}

/// Text made of the pieces the provider pass reacts to, in any order: it never panics and
/// every evidence span lies inside the input.
#[test]
fn never_panics_on_provider_shaped_text() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let pieces = prop::sample::select(vec![
        "550",
        "550-5.7.1",
        "5.7.606",
        "4.16.55.1",
        "[",
        "]",
        "(",
        ")",
        " ",
        "\n",
        "\r\n",
        "    ",
        "192.0.2.1",
        "2001:db8::1",
        "IPv6:",
        "::",
        "ip=",
        "host mx.example.jp",
        "said:",
        "blocked using",
        "zen.spamhaus.org",
        "dnsbl.sorbs.net",
        "open resolver",
        "returnc/pub/",
        "(S3150)",
        "(AS16012609)",
        "AS(",
        "[TSS04]",
        "SC-001",
        "ERS-QIL",
        "OFR006_1",
        "送信元IPアドレス",
        "アドレス",
        "é",
        "\u{3000}",
        "Content-Type: message/rfc822",
        "Received: from x",
        "end of DATA",
        "Unknown user",
        "@docomo.ne.jp",
        "banned sending IP",
    ]);
    let mut runner = TestRunner::new(Config {
        cases: 300,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(pieces, 0..60), |parts| {
            let text: String = parts.concat();
            let d = diagnose(text.as_bytes());
            for e in &d.evidence {
                if let Some((s, end)) = e.span {
                    prop_assert!(s <= end && end <= text.len());
                }
            }
            if let Some(ip) = &d.blocked_ip {
                prop_assert!(ip.parse::<std::net::IpAddr>().is_ok());
            }
            Ok(())
        })
        .expect("the provider pass never fails");
}

#[test]
fn google_marks_from_the_scan_are_the_searched_ones() {
    assert!(crate::rhost::GOOGLE_MARKS
        .iter()
        .all(|m| *m == m.to_ascii_lowercase()));
    let texts = [
        "550-5.1.1 The email account does not exist. q43si370221eeo.243 - gsmtp",
        "550 5.7.1 blocked.  See https://SUPPORT.google.com/mail/?p=UnsolicitedRateLimitError x -\n  GSMTP",
        "550 5.1.1 user unknown - gsmt",
        "see support.google.com/mail/answer/81126",
        "421 try later -  gsmtp\n\nContent-Type: message/rfc822\n\nx - gsmtp",
        "Content-Type: message/rfc822\n\n550 x - gsmtp",
        "",
    ];
    let mut marked = 0;
    for t in texts {
        let scan = Scan::new(t, 0);
        let by_scan = hosts_named(&scan).iter().any(|h| h == GOOGLE_STAND_IN);
        marked += usize::from(by_scan);
        assert_eq!(
            by_scan,
            crate::rhost::is_google_reply(&scan.hay.norm),
            "{t:?}"
        );
    }
    // The first two and the fifth (before the returned message).
    assert_eq!(marked, 3);
}

#[test]
fn mailbox_providers_by_their_mail_servers_names() {
    use super::mailbox_provider_of_host as of;
    assert_eq!(of("alt2.gmail-smtp-in.l.google.com."), Some(Party::Gmail));
    assert_eq!(of("ASPMX.L.GOOGLE.COM"), Some(Party::Gmail));
    assert_eq!(
        of("example-com.mail.protection.outlook.com"),
        Some(Party::Microsoft)
    );
    assert_eq!(
        of("hotmail-com.olc.protection.outlook.com"),
        Some(Party::OutlookCom)
    );
    assert_eq!(of("mta5.am0.yahoodns.net"), Some(Party::Yahoo));
    assert_eq!(of("mx01.mail.icloud.com"), Some(Party::Icloud));
    assert_eq!(of("mx.example.net"), None);
    assert_eq!(of("notgoogle.com"), None);
    assert_eq!(of(""), None);
}

#[test]
fn yahoos_server_names_yahoo_only_when_nothing_else_does() {
    // Yahoo's server refused with no code of its own: Yahoo.
    check(
        "<shiro@aol.example>: host mx-aol.mail.gm0.yahoodns.net[198.51.100.90] said: 550 Action not taken (in reply to end of DATA command)",
        expect!["550 - onhold yahoo -"],
    );
    // A list named in the refusal at Yahoo's server keeps its party.
    check(
        "<fujita@yahoo.example>: host mta5.am0.yahoodns.net[198.51.100.179] said: 553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.179, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html (in reply to MAIL FROM command)",
        expect!["553 5.7.1 blocked spamhaus 192.0.2.179 code=BL21 scope=documentation"],
    );
    // An unknown address at Yahoo's server is nobody's block.
    check(
        "<goro@yahoo.example>: host mta5.am0.yahoodns.net[198.51.100.179] said: 554 5.1.1 Sorry, no such user (in reply to RCPT TO command)",
        expect!["554 5.1.1 userunknown - -"],
    );
    // Yahoo's servers named elsewhere than as the rejecting host name nobody.
    check(
        "<goro@example.org>: host mx.example.org[192.0.2.30] said: 550 Action not taken; MX of the sender is mta5.am0.yahoodns.net (in reply to end of DATA command)",
        expect!["550 - onhold - -"],
    );
}
