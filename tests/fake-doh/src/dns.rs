//! What the fake resolver answers (fixtures, RFC 5782 test points, fault modes) and how each
//! resolver style writes it as JSON.

use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;

/// DNS RR type numbers the fake knows by name.
pub(crate) const TYPE_A: u16 = 1;
pub(crate) const TYPE_SOA: u16 = 6;
pub(crate) const TYPE_TXT: u16 = 16;
pub(crate) const TYPE_AAAA: u16 = 28;

/// Parses `A`, `TXT`, `AAAA` or a number, as dns.google does; a missing type means A.
pub(crate) fn parse_type(t: Option<&str>) -> Option<u16> {
    let t = match t {
        None => return Some(TYPE_A),
        Some("") => return Some(TYPE_A),
        Some(t) => t,
    };
    match t.to_ascii_uppercase().as_str() {
        "A" => Some(TYPE_A),
        "TXT" => Some(TYPE_TXT),
        "AAAA" => Some(TYPE_AAAA),
        "SOA" => Some(TYPE_SOA),
        other => other.parse::<u16>().ok().filter(|n| *n > 0),
    }
}

/// Which public resolver the response imitates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// dns.google `/resolve`: names end with a dot; TXT `data` is the text itself,
    /// the character-strings of one record run together; a `Comment` is present.
    Google,
    /// cloudflare-dns.com `/dns-query`: TXT `data` keeps the zone-file quoting
    /// (`"\"part one\" \"part two\""`); names carry no trailing dot; no `Comment`.
    Cloudflare,
}

/// A fault mode: how the fake misbehaves, globally or for one zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Answer from fixtures and the RFC 5782 test points.
    Normal,
    /// Wait `delay_ms` before answering normally.
    Slow {
        /// Milliseconds to wait before each answer.
        delay_ms: u64,
    },
    /// HTTP 500 for every question.
    Fail500,
    /// HTTP 429 with `Retry-After: retry_after` for every question.
    Rate429 {
        /// Seconds put in the Retry-After header.
        retry_after: u64,
    },
    /// HTTP 200 with a body that is not JSON.
    BadJson,
    /// Every A answer is 127.255.255.254, as Spamhaus answers queries from public resolvers.
    Refuse,
    /// Every name is NXDOMAIN, test points included, as Google answers for Spamhaus zones.
    NxDomain,
    /// Every name is listed with 127.0.0.2, as a dead wildcard zone answers.
    Lie,
    /// DNS status 2 (SERVFAIL) for every question.
    ServFail,
}

impl Mode {
    /// The mode's name as `/_control?mode=` takes it.
    pub fn name(&self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Slow { .. } => "slow",
            Mode::Fail500 => "fail500",
            Mode::Rate429 { .. } => "rate429",
            Mode::BadJson => "badjson",
            Mode::Refuse => "refuse",
            Mode::NxDomain => "nxdomain",
            Mode::Lie => "lie",
            Mode::ServFail => "servfail",
        }
    }

    /// Builds a mode from its name and its optional numeric argument
    /// (`delay_ms` for slow, `retry_after` for rate429).
    pub fn parse(
        name: &str,
        delay_ms: Option<&str>,
        retry_after: Option<&str>,
    ) -> Result<Mode, String> {
        let num = |v: Option<&str>, default: u64, what: &str| -> Result<u64, String> {
            match v {
                None => Ok(default),
                Some(s) => s
                    .parse::<u64>()
                    .map_err(|_| format!("{what} must be a whole number, not {s:?}")),
            }
        };
        Ok(match name {
            "normal" => Mode::Normal,
            "slow" => Mode::Slow {
                delay_ms: num(delay_ms, 1000, "delay_ms")?,
            },
            "fail500" => Mode::Fail500,
            "rate429" => Mode::Rate429 {
                retry_after: num(retry_after, 1, "retry_after")?,
            },
            "badjson" => Mode::BadJson,
            "refuse" => Mode::Refuse,
            "nxdomain" => Mode::NxDomain,
            "lie" => Mode::Lie,
            "servfail" => Mode::ServFail,
            other => return Err(format!("unknown mode {other:?}")),
        })
    }
}

/// One fixture record as written in a fixture file.
///
/// ```json
/// {"name": "99.2.0.192.zen.spamhaus.org", "type": "A", "data": ["127.0.0.4"], "ttl": 300}
/// {"name": "99.2.0.192.zen.spamhaus.org", "type": "TXT", "data": [["part one", "part two"]]}
/// {"name": "broken.example", "type": "A", "status": 2}
/// ```
/// A TXT record is a string or a list of character-strings. `status` defaults to 0 (3 when
/// there is no data).
#[derive(Debug, Clone, Deserialize)]
pub struct Fixture {
    /// The question name, without the trailing dot.
    pub name: String,
    /// `A`, `TXT`, `AAAA` or a number; defaults to A.
    #[serde(rename = "type", default)]
    pub rtype: Option<TypeName>,
    /// The DNS status to answer; defaults to 0 with data, 3 (NXDOMAIN) without.
    #[serde(default)]
    pub status: Option<u16>,
    /// The TTL of each record; defaults to 300.
    #[serde(default)]
    pub ttl: Option<u32>,
    /// The records.
    #[serde(default)]
    pub data: Vec<Data>,
}

/// A record type as a name or a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TypeName {
    /// `A`, `TXT`, ...
    Name(String),
    /// 1, 16, ...
    Number(u16),
}

/// One record's data: a single string, or a TXT record's character-strings.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Data {
    /// An address, or a TXT record of one character-string.
    One(String),
    /// A TXT record of several character-strings.
    Strings(Vec<String>),
}

/// A fixture file holds one fixture or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum FixtureFile {
    Many(Vec<Fixture>),
    One(Fixture),
}

impl Fixture {
    /// An A record fixture.
    pub fn a(name: &str, addrs: &[&str]) -> Fixture {
        Fixture {
            name: name.to_string(),
            rtype: Some(TypeName::Number(TYPE_A)),
            status: None,
            ttl: None,
            data: addrs.iter().map(|a| Data::One(a.to_string())).collect(),
        }
    }

    /// A TXT fixture with one record made of these character-strings.
    pub fn txt(name: &str, strings: &[&str]) -> Fixture {
        Fixture {
            name: name.to_string(),
            rtype: Some(TypeName::Number(TYPE_TXT)),
            status: None,
            ttl: None,
            data: vec![Data::Strings(
                strings.iter().map(|s| s.to_string()).collect(),
            )],
        }
    }

    /// A fixture answering only a DNS status (2 = SERVFAIL, 5 = REFUSED, ...).
    pub fn status(name: &str, rtype: &str, status: u16) -> Fixture {
        Fixture {
            name: name.to_string(),
            rtype: Some(TypeName::Name(rtype.to_string())),
            status: Some(status),
            ttl: None,
            data: Vec::new(),
        }
    }

    pub(crate) fn type_number(&self) -> Option<u16> {
        match &self.rtype {
            None => Some(TYPE_A),
            Some(TypeName::Number(n)) => Some(*n),
            Some(TypeName::Name(n)) => parse_type(Some(n)),
        }
    }
}

/// Lowercases and drops one trailing dot, so lookups ignore both.
pub(crate) fn normalize(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Fixtures by (name, type).
pub(crate) type FixtureMap = HashMap<(String, u16), Fixture>;

/// One record to render.
#[derive(Debug, Clone, PartialEq)]
enum Rdata {
    Addr(String),
    Txt(Vec<String>),
    Other(String),
}

/// An answer before a style renders it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    records: Vec<(u16, u32, Rdata)>,
    /// The zone whose SOA goes in `Authority` for negative answers.
    soa_zone: String,
}

/// The IPv6 test point `::ffff:127.0.0.2`, nibble-reversed, with the trailing dot.
fn v6_test_point_prefix() -> String {
    let mut nibbles = String::new();
    // ::ffff:7f00:2 as 32 nibbles, written from the last nibble to the first.
    let forward = "00000000000000000000ffff7f000002";
    for c in forward.chars().rev() {
        nibbles.push(c);
        nibbles.push('.');
    }
    nibbles
}

/// A guess at the zone of a query name, for the SOA of a negative answer: the name without
/// its leading address labels (4 decimal or 32 hex), else without its first label.
fn zone_of(name: &str) -> String {
    let labels: Vec<&str> = name.split('.').collect();
    let is_dec = |l: &&str| !l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_digit());
    let is_nib = |l: &&str| l.len() == 1 && l.bytes().all(|b| b.is_ascii_hexdigit());
    let skip = if labels.len() > 32 && labels[..32].iter().all(is_nib) {
        32
    } else if labels.len() > 4 && labels[..4].iter().all(is_dec) {
        4
    } else {
        1.min(labels.len().saturating_sub(1))
    };
    labels[skip..].join(".")
}

/// The lists' own always-listed names besides RFC 5782's `test.` (ndr-dnsbl's catalogue,
/// `TestPoints::Domain`), as full query names, with the answer the list gives: Spamhaus DBL
/// lists `dbltest.com` as a spam domain (127.0.1.2). A test below holds this to the catalogue.
const OWN_TEST_POINTS: &[(&str, &str)] = &[("dbltest.com.dbl.spamhaus.org", "127.0.1.2")];

/// What the fake answers for a question when it behaves: a fixture if there is one, else the
/// RFC 5782 test points, else NXDOMAIN.
pub(crate) fn normal_answer(fixtures: &FixtureMap, name: &str, qtype: u16) -> Answer {
    let soa_zone = zone_of(name);
    if let Some(f) = fixtures.get(&(name.to_string(), qtype)) {
        let ttl = f.ttl.unwrap_or(300);
        let records: Vec<(u16, u32, Rdata)> = f
            .data
            .iter()
            .map(|d| {
                let rdata = match (qtype, d) {
                    (TYPE_TXT, Data::One(s)) => Rdata::Txt(vec![s.clone()]),
                    (TYPE_TXT, Data::Strings(v)) => Rdata::Txt(v.clone()),
                    (TYPE_A | TYPE_AAAA, Data::One(s)) => Rdata::Addr(s.clone()),
                    (_, Data::One(s)) => Rdata::Other(s.clone()),
                    (_, Data::Strings(v)) => Rdata::Other(v.join(" ")),
                };
                (qtype, ttl, rdata)
            })
            .collect();
        let status = f.status.unwrap_or(if records.is_empty() { 3 } else { 0 });
        return Answer {
            status,
            records: if status == 0 { records } else { Vec::new() },
            soa_zone,
        };
    }
    // A name that has fixtures of another type exists: NOERROR with no data (NODATA).
    let exists = fixtures.keys().any(|(n, _)| n == name);
    let own = OWN_TEST_POINTS
        .iter()
        .find(|(point, _)| name.eq_ignore_ascii_case(point))
        .map(|(_, addr)| *addr);
    let test_point = name.starts_with("2.0.0.127.")
        || name.starts_with(&v6_test_point_prefix())
        || name.starts_with("test.");
    if test_point || own.is_some() {
        let addr = own.unwrap_or("127.0.0.2");
        let records = match qtype {
            TYPE_A => vec![(TYPE_A, 300, Rdata::Addr(addr.into()))],
            TYPE_TXT => vec![(
                TYPE_TXT,
                300,
                Rdata::Txt(vec!["RFC 5782 test point: always listed".into()]),
            )],
            _ => Vec::new(),
        };
        return Answer {
            status: 0,
            records,
            soa_zone,
        };
    }
    Answer {
        status: if exists { 0 } else { 3 },
        records: Vec::new(),
        soa_zone,
    }
}

/// The answer under a DNS-level fault mode (`refuse`, `nxdomain`, `lie`, `servfail`), or the
/// normal answer.
pub(crate) fn answer(mode: &Mode, fixtures: &FixtureMap, name: &str, qtype: u16) -> Answer {
    let soa_zone = zone_of(name);
    match mode {
        Mode::Refuse => Answer {
            status: 0,
            records: match qtype {
                TYPE_A => vec![(TYPE_A, 60, Rdata::Addr("127.255.255.254".into()))],
                TYPE_TXT => vec![(
                    TYPE_TXT,
                    60,
                    Rdata::Txt(vec![
                        "Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.53/"
                            .into(),
                    ]),
                )],
                _ => Vec::new(),
            },
            soa_zone,
        },
        Mode::NxDomain => Answer {
            status: 3,
            records: Vec::new(),
            soa_zone,
        },
        Mode::Lie => Answer {
            status: 0,
            records: match qtype {
                TYPE_A => vec![(TYPE_A, 300, Rdata::Addr("127.0.0.2".into()))],
                TYPE_TXT => vec![(TYPE_TXT, 300, Rdata::Txt(vec!["Listed".into()]))],
                _ => Vec::new(),
            },
            soa_zone,
        },
        Mode::ServFail => Answer {
            status: 2,
            records: Vec::new(),
            soa_zone,
        },
        _ => normal_answer(fixtures, name, qtype),
    }
}

/// Writes a TXT record's character-strings as a zone file does: each quoted, `"` and `\`
/// escaped, separated by a space.
fn zone_file_quoted(strings: &[String]) -> String {
    strings
        .iter()
        .map(|s| {
            let mut q = String::from("\"");
            for c in s.chars() {
                if c == '"' || c == '\\' {
                    q.push('\\');
                }
                q.push(c);
            }
            q.push('"');
            q
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Renders an answer as the JSON the chosen resolver sends.
pub(crate) fn render(style: Style, name: &str, qtype: u16, answer: &Answer) -> Value {
    let owner = |n: &str| match style {
        Style::Google => format!("{n}."),
        Style::Cloudflare => n.to_string(),
    };
    let mut obj = json!({
        "Status": answer.status,
        "TC": false,
        "RD": true,
        "RA": true,
        "AD": false,
        "CD": false,
        "Question": [{"name": owner(name), "type": qtype}],
    });
    let records: Vec<Value> = answer
        .records
        .iter()
        .map(|(t, ttl, rdata)| {
            let data = match (style, rdata) {
                (_, Rdata::Addr(a)) => a.clone(),
                (_, Rdata::Other(o)) => o.clone(),
                (Style::Google, Rdata::Txt(strings)) => strings.concat(),
                (Style::Cloudflare, Rdata::Txt(strings)) => zone_file_quoted(strings),
            };
            json!({"name": owner(name), "type": t, "TTL": ttl, "data": data})
        })
        .collect();
    if !records.is_empty() {
        obj["Answer"] = Value::Array(records);
    }
    if answer.records.is_empty() && answer.status != 2 {
        let zone = &answer.soa_zone;
        obj["Authority"] = json!([{
            "name": owner(zone),
            "type": TYPE_SOA,
            "TTL": 150,
            "data": format!("ns.{zone}. hostmaster.{zone}. 2026010101 3600 600 432000 150"),
        }]);
    }
    if style == Style::Google {
        obj["Comment"] = Value::String(match answer.status {
            2 => "Name servers of the zone did not answer (fake).".into(),
            _ => "Response from 192.0.2.53 (fake).".into(),
        });
    }
    obj
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_guess_strips_address_labels() {
        assert_eq!(zone_of("2.0.0.127.zen.spamhaus.org"), "zen.spamhaus.org");
        assert_eq!(zone_of("test.multi.uribl.com"), "multi.uribl.com");
        let v6 = format!("{}all.s5h.net", v6_test_point_prefix());
        assert_eq!(zone_of(&v6), "all.s5h.net");
        assert_eq!(zone_of("org"), "org");
    }

    /// Every list's own positive test point (the session's RFC 5782 check) is answered as that
    /// list lists it, so no list is "could not check" in normal mode for want of one.
    #[test]
    fn every_catalogued_test_point_is_listed() {
        use ndr_dnsbl::catalogue::TestPoints;
        use ndr_dnsbl::decode::{decode, Decoded};
        let fixtures = FixtureMap::default();
        for list in ndr_dnsbl::LISTS {
            let name = match (list.key, list.test) {
                (ndr_dnsbl::KeyKind::Domain, TestPoints::Domain { listed }) => {
                    format!("{listed}.{}", list.zone)
                }
                (ndr_dnsbl::KeyKind::Domain, _) => format!("test.{}", list.zone),
                _ => continue,
            };
            let answer = normal_answer(&fixtures, &name, TYPE_A);
            let addrs: Vec<std::net::Ipv4Addr> = answer
                .records
                .iter()
                .filter_map(|(_, _, r)| match r {
                    Rdata::Addr(a) => a.parse().ok(),
                    _ => None,
                })
                .collect();
            assert!(
                matches!(decode(list, &addrs), Decoded::Listed(_)),
                "{name}: {addrs:?}"
            );
        }
    }

    #[test]
    fn quoting_escapes() {
        assert_eq!(
            zone_file_quoted(&["a \"b\"".into(), "c\\".into()]),
            r#""a \"b\"" "c\\""#
        );
    }

    #[test]
    fn types() {
        assert_eq!(parse_type(None), Some(1));
        assert_eq!(parse_type(Some("txt")), Some(16));
        assert_eq!(parse_type(Some("16")), Some(16));
        assert_eq!(parse_type(Some("0")), None);
        assert_eq!(parse_type(Some("BOGUS")), None);
    }
}
