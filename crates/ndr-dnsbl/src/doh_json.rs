//! Reads the DoH JSON answer shared by Google and Cloudflare (`Status`, `Answer[{name, type,
//! TTL, data}]`, `Authority`), and TXT `data` in both quoting styles.
//!
//! The format has no RFC (Cloudflare says so on its page), so the reader accepts what both
//! send and refuses anything that could be mistaken for an answer it is not.

use serde_json::Value;
use std::net::Ipv4Addr;

/// One resource record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The RR type number (1 = A, 16 = TXT, 5 = CNAME, ...).
    pub rtype: u16,
    /// Seconds it may be cached.
    pub ttl: u32,
    /// The record data as the resolver wrote it.
    pub data: String,
}

/// A DNS answer as the resolver gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsAnswer {
    /// The RCODE: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED, ...
    pub status: u16,
    /// The `Answer` section.
    pub records: Vec<Record>,
    /// For answers without records: the TTL of the SOA in `Authority`, which bounds how long
    /// "no such name" may be cached.
    pub negative_ttl: Option<u32>,
}

impl DnsAnswer {
    /// The A records, as addresses. Errors when an A record's data is not an IPv4 address.
    pub fn addrs(&self) -> Result<Vec<Ipv4Addr>, String> {
        self.records
            .iter()
            .filter(|r| r.rtype == 1)
            .map(|r| {
                r.data
                    .trim()
                    .parse::<Ipv4Addr>()
                    .map_err(|_| format!("an A record holds {:?}, not an IPv4 address", r.data))
            })
            .collect()
    }

    /// The TXT records, each as plain text.
    pub fn txts(&self) -> Vec<String> {
        self.records
            .iter()
            .filter(|r| r.rtype == 16)
            .map(|r| txt_text(&r.data))
            .collect()
    }

    /// How long this answer may be cached: the smallest record TTL, else the negative TTL.
    pub fn ttl(&self) -> Option<u32> {
        self.records
            .iter()
            .map(|r| r.ttl)
            .min()
            .or(self.negative_ttl)
    }
}

/// Reads a response body. Errors (in English) when it is not JSON, has no numeric `Status`,
/// or has records without a numeric `type` or a string `data`.
pub fn parse(body: &[u8]) -> Result<DnsAnswer, String> {
    // `from_str`, not `from_slice`: ndr-core reads JSON from a `&str` too, and the web page
    // then carries one JSON reader instead of two (about 3 KiB of gzip). JSON is UTF-8 anyway.
    let text = std::str::from_utf8(body).map_err(|e| format!("not JSON ({e})"))?;
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let status = obj
        .get("Status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or("no numeric Status")?;
    let records = match obj.get("Answer") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().map(record).collect::<Result<_, _>>()?,
        Some(_) => return Err("Answer is not a list".into()),
    };
    let negative_ttl = match obj.get("Authority") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|r| record(r).ok())
            .filter(|r| r.rtype == 6)
            .map(|r| soa_negative_ttl(&r))
            .min(),
        _ => None,
    };
    Ok(DnsAnswer {
        status,
        records,
        negative_ttl,
    })
}

fn record(v: &Value) -> Result<Record, String> {
    let rtype = v
        .get("type")
        .and_then(Value::as_u64)
        .and_then(|t| u16::try_from(t).ok())
        .ok_or("a record has no numeric type")?;
    let data = v
        .get("data")
        .and_then(Value::as_str)
        .ok_or("a record has no data")?
        .to_string();
    // A missing TTL is treated as "do not cache".
    let ttl = v
        .get("TTL")
        .and_then(Value::as_u64)
        .map(|t| u32::try_from(t).unwrap_or(u32::MAX))
        .unwrap_or(0);
    Ok(Record { rtype, ttl, data })
}

/// RFC 2308: a negative answer may be cached for the smaller of the SOA's TTL and its MINIMUM
/// field (the last number of the SOA data).
fn soa_negative_ttl(soa: &Record) -> u32 {
    let minimum = soa
        .data
        .split_whitespace()
        .last()
        .and_then(|m| m.parse::<u32>().ok());
    match minimum {
        Some(m) => m.min(soa.ttl),
        None => soa.ttl,
    }
}

/// The text of a TXT record's `data`. Google writes the text itself, the character-strings run
/// together; Cloudflare keeps the zone-file form, each string quoted (`"a" "b"`), with `\"`,
/// `\\` and `\DDD` escapes. Both become the joined text.
pub fn txt_text(data: &str) -> String {
    let trimmed = data.trim();
    if !trimmed.starts_with('"') {
        return trimmed.to_string();
    }
    let mut out = Vec::new();
    let bytes = trimmed.as_bytes();
    let mut i = 0;
    let mut in_quotes = false;
    while i < bytes.len() {
        let b = bytes[i];
        match (in_quotes, b) {
            (false, b'"') => in_quotes = true,
            (false, _) => {} // whitespace between strings
            (true, b'"') => in_quotes = false,
            (true, b'\\') => {
                let digits = bytes
                    .get(i + 1..i + 4)
                    .filter(|d| d.iter().all(u8::is_ascii_digit));
                if let Some(d) = digits {
                    let n = d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0'));
                    out.push(u8::try_from(n).unwrap_or(b'?'));
                    i += 4;
                    continue;
                }
                if let Some(&next) = bytes.get(i + 1) {
                    out.push(next);
                    i += 2;
                    continue;
                }
            }
            (true, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Shapes as the two resolvers send them (see tests/fixtures/doh and the fake server).
    const GOOGLE_LISTED: &str = r#"{"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,
        "Question":[{"name":"99.2.0.192.zen.spamhaus.org.","type":1}],
        "Answer":[{"name":"99.2.0.192.zen.spamhaus.org.","type":1,"TTL":300,"data":"127.0.0.4"},
                  {"name":"99.2.0.192.zen.spamhaus.org.","type":1,"TTL":120,"data":"127.0.0.10"}],
        "Comment":"Response from 192.0.2.53."}"#;
    const CLOUDFLARE_NX: &str = r#"{"Status":3,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,
        "Question":[{"name":"1.2.0.192.bl.spamcop.net","type":1}],
        "Authority":[{"name":"bl.spamcop.net","type":6,"TTL":600,
                      "data":"ns.bl.spamcop.net. hostmaster.bl.spamcop.net. 2026010101 3600 600 432000 150"}]}"#;

    #[test]
    fn reads_a_listing() {
        let a = parse(GOOGLE_LISTED.as_bytes()).unwrap();
        assert_eq!(a.status, 0);
        assert_eq!(
            a.addrs().unwrap(),
            vec![Ipv4Addr::new(127, 0, 0, 4), Ipv4Addr::new(127, 0, 0, 10)]
        );
        assert_eq!(a.ttl(), Some(120));
    }

    #[test]
    fn reads_nxdomain_with_its_negative_ttl() {
        let a = parse(CLOUDFLARE_NX.as_bytes()).unwrap();
        assert_eq!(a.status, 3);
        assert!(a.records.is_empty());
        assert_eq!(a.ttl(), Some(150));
    }

    #[test]
    fn refuses_what_is_not_an_answer() {
        for bad in [
            "",
            "{",
            "[]",
            "null",
            r#"{"Answer":[]}"#,
            r#"{"Status":"0"}"#,
            r#"{"Status":-1}"#,
            r#"{"Status":0,"Answer":{}}"#,
            r#"{"Status":0,"Answer":[{"type":1}]}"#,
            r#"{"Status":0,"Answer":[{"data":"127.0.0.2"}]}"#,
        ] {
            assert!(parse(bad.as_bytes()).is_err(), "{bad:?} accepted");
        }
        let not_v4 =
            parse(br#"{"Status":0,"Answer":[{"type":1,"TTL":1,"data":"parked.example"}]}"#)
                .unwrap();
        assert!(not_v4.addrs().is_err());
    }

    #[test]
    fn txt_in_both_styles() {
        // Google: the text itself, strings run together.
        assert_eq!(
            txt_text("Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"),
            "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"
        );
        // Cloudflare: zone-file quoting.
        assert_eq!(
            txt_text(r#""Blocked - see " "https://www.spamcop.net/bl.shtml?192.0.2.99""#),
            "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.99"
        );
        assert_eq!(txt_text(r#""say \"hi\" \\ \065""#), r#"say "hi" \ A"#);
        assert_eq!(txt_text(r#""unterminated \"#), "unterminated ");
        assert_eq!(txt_text(r#""é""#), "é");
    }
}
