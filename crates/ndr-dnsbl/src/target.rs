//! What is looked up (an IP address or a domain) and the DNS name asked of each zone
//! (RFC 5782 section 2: reversed IPv4 octets, reversed IPv6 nibbles, domains as they are).

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An IP address or a domain to look up.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An address (IPv4-mapped IPv6 addresses are stored as IPv4).
    Ip(IpAddr),
    /// A domain in ASCII (punycode) form, lowercase, without a trailing dot.
    Domain(String),
}

/// Why an input is not something that can be looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetError {
    /// The input as given.
    pub input: String,
    /// What is wrong with it, in English.
    pub problem: String,
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an IP address or domain: {}",
            self.input, self.problem
        )
    }
}

impl std::error::Error for TargetError {}

/// The longest DNS name (RFC 1035, in presentation form without the final dot).
const MAX_NAME: usize = 253;

impl Target {
    /// Reads an IP address (`192.0.2.1`, `[192.0.2.1]`, `2001:db8::1`, `IPv6:2001:db8::1`),
    /// a domain (IDN allowed, converted to punycode), or an email address (its domain).
    pub fn parse(input: &str) -> Result<Target, TargetError> {
        let err = |problem: &str| TargetError {
            input: input.to_string(),
            problem: problem.to_string(),
        };
        let mut s = input.trim();
        if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            s = inner;
        }
        if s.len() > 5 && s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("ipv6:")) {
            s = s.get(5..).unwrap_or_default();
        }
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        if let Ok(ip) = s.parse::<IpAddr>() {
            return Ok(Target::from_ip(ip));
        }
        // An email address: the domain after the last '@'.
        if let Some((_, domain)) = s.rsplit_once('@') {
            s = domain;
        }
        let s = s.strip_suffix('.').unwrap_or(s);
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        let ascii =
            crate::idn::domain_to_ascii(s).ok_or_else(|| err("it is not a valid domain name"))?;
        validate_domain(&ascii).map_err(|p| err(&p))?;
        Ok(Target::Domain(ascii))
    }

    /// An address as a target; IPv4-mapped IPv6 becomes IPv4, which is what lists key on.
    pub fn from_ip(ip: IpAddr) -> Target {
        match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Target::Ip(IpAddr::V4(v4)),
                None => Target::Ip(IpAddr::V6(v6)),
            },
            v4 => Target::Ip(v4),
        }
    }

    /// The name to ask of `zone`: `1.2.0.192.zen.spamhaus.org` for 192.0.2.1, 32 nibbles for
    /// IPv6, `example.com.dbl.spamhaus.org` for a domain. `None` when it would exceed 253 bytes.
    pub fn query_name(&self, zone: &str) -> Option<String> {
        let zone = zone.trim_end_matches('.');
        let name = match self {
            Target::Ip(IpAddr::V4(v4)) => format!("{}.{zone}", reverse_v4(*v4)),
            Target::Ip(IpAddr::V6(v6)) => format!("{}.{zone}", reverse_v6(*v6)),
            Target::Domain(d) => format!("{d}.{zone}"),
        };
        (name.len() <= MAX_NAME).then_some(name)
    }

    /// Whether it is an IPv4 address, an IPv6 address or a domain.
    pub fn family(&self) -> Family {
        match self {
            Target::Ip(IpAddr::V4(_)) => Family::V4,
            Target::Ip(IpAddr::V6(_)) => Family::V6,
            Target::Domain(_) => Family::Domain,
        }
    }

    /// Whether it is an address or a domain that a public blocklist can know about (not
    /// private, loopback, documentation, link-local, multicast or otherwise reserved; not a
    /// domain under a name reserved for examples, tests or local use).
    pub fn is_public(&self) -> bool {
        match self {
            Target::Ip(IpAddr::V4(v4)) => is_public_v4(*v4),
            Target::Ip(IpAddr::V6(v6)) => is_public_v6(*v6),
            Target::Domain(d) => !is_reserved_domain(d),
        }
    }
}

/// Names reserved for examples, tests and local use: no registry delegates them, so public DNS
/// cannot know them and asking a list about them only sends the name away for nothing.
/// Ordered: top-level names, then the reserved second-level ones.
// Source: RFC 2606 section 2 ("test", "example", "invalid", "localhost" are reserved top-level
// names) and section 3 ("example.com", "example.net", "example.org" are reserved second-level
// names), https://datatracker.ietf.org/doc/html/rfc2606; RFC 6761 section 6 (the same four as
// special-use names that resolvers answer locally or with NXDOMAIN),
// https://datatracker.ietf.org/doc/html/rfc6761; RFC 6762 ("local", multicast DNS),
// https://datatracker.ietf.org/doc/html/rfc6762; RFC 7686 ("onion"),
// https://datatracker.ietf.org/doc/html/rfc7686; RFC 8375 ("home.arpa"),
// https://datatracker.ietf.org/doc/html/rfc8375.
const RESERVED_SUFFIXES: &[&str] = &[
    "example",
    "test",
    "invalid",
    "localhost",
    "local",
    "onion",
    "home.arpa",
    "example.com",
    "example.net",
    "example.org",
];

/// True for a domain under a reserved name (`shop.example`, `example.com`, `a.b.test`). `d` is
/// the lowercase ASCII form `Target::parse` makes.
fn is_reserved_domain(d: &str) -> bool {
    let d = d.trim_end_matches('.');
    RESERVED_SUFFIXES.iter().any(|suffix| {
        d.eq_ignore_ascii_case(suffix)
            || d.len() > suffix.len()
                && d.get(d.len() - suffix.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
                && d.as_bytes().get(d.len() - suffix.len() - 1) == Some(&b'.')
    })
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Ip(ip) => write!(f, "{ip}"),
            Target::Domain(d) => f.write_str(d),
        }
    }
}

/// The kind of a target, which decides which lists and test points apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// An IPv4 address.
    V4,
    /// An IPv6 address.
    V6,
    /// A domain.
    Domain,
}

fn reverse_v4(ip: Ipv4Addr) -> String {
    let [a, b, c, d] = ip.octets();
    format!("{d}.{c}.{b}.{a}")
}

fn reverse_v6(ip: Ipv6Addr) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for byte in ip.octets().iter().rev() {
        out.push(HEX[usize::from(byte & 0x0f)] as char);
        out.push('.');
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push('.');
    }
    out.pop();
    out
}

/// Host-name rules (letters, digits, hyphens; underscores tolerated, as some zones use them),
/// at least two labels, and a last label that is not all digits (that would be a bad IP).
fn validate_domain(d: &str) -> Result<(), String> {
    if d.len() > MAX_NAME {
        return Err("it is longer than 253 characters".into());
    }
    let labels: Vec<&str> = d.split('.').collect();
    if labels.len() < 2 {
        return Err("a domain needs at least two labels (example.com)".into());
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            return Err("a label is empty or longer than 63 characters".into());
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(format!("{label:?} has characters a host name cannot have"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("{label:?} starts or ends with a hyphen"));
        }
    }
    if labels
        .last()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("it looks like an incomplete IP address".into());
    }
    Ok(())
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_unspecified()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] == 0x2001 && s[1] == 0x0db8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn name(input: &str, zone: &str) -> String {
        Target::parse(input).unwrap().query_name(zone).unwrap()
    }

    #[test]
    fn ipv4_is_reversed() {
        assert_eq!(
            name("192.0.2.99", "zen.spamhaus.org"),
            "99.2.0.192.zen.spamhaus.org"
        );
        assert_eq!(
            name("[192.0.2.1]", "bl.spamcop.net."),
            "1.2.0.192.bl.spamcop.net"
        );
        assert_eq!(name(" 127.0.0.2 ", "x.example"), "2.0.0.127.x.example");
    }

    #[test]
    fn ipv6_is_nibble_reversed() {
        // RFC 5782 section 2.4 example shape: 32 nibbles, least significant first.
        assert_eq!(
            name("2001:db8:1:2:3:4:567:89ab", "all.s5h.net"),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.all.s5h.net"
        );
        assert_eq!(
            name("IPv6:2001:DB8::99", "zen.spamhaus.org"),
            "9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org"
        );
    }

    #[test]
    fn mapped_ipv6_becomes_ipv4() {
        assert_eq!(
            Target::parse("::ffff:192.0.2.7").unwrap(),
            Target::Ip("192.0.2.7".parse().unwrap())
        );
    }

    #[test]
    fn domains_are_lowercased_and_punycoded() {
        assert_eq!(
            name("Example.COM.", "dbl.spamhaus.org"),
            "example.com.dbl.spamhaus.org"
        );
        assert_eq!(
            name("user@Bad.Example", "multi.surbl.org"),
            "bad.example.multi.surbl.org"
        );
        assert_eq!(
            name("例え.jp", "dbl.spamhaus.org"),
            "xn--r8jz45g.jp.dbl.spamhaus.org"
        );
    }

    #[test]
    fn bad_inputs_are_refused() {
        for bad in [
            "",
            " ",
            "[]",
            "localhost",
            "192.0.2",
            "exa mple.com",
            "-a.example",
            "a..example",
            "@",
            "x.",
            "ex\u{0}ample.com",
            "1.2.3.4.5",
        ] {
            assert!(Target::parse(bad).is_err(), "{bad:?} accepted");
        }
        let long = format!("{}.example", "a".repeat(64));
        assert!(Target::parse(&long).is_err());
    }

    #[test]
    fn names_over_253_bytes_are_not_asked() {
        let label = "a".repeat(60);
        let d = format!("{label}.{label}.{label}.{label}.example");
        let t = Target::parse(&d).unwrap();
        assert!(t.query_name("dbl.spamhaus.org").is_none());
    }

    #[test]
    fn public_scope() {
        for (ip, public) in [
            ("192.0.2.1", false),
            ("10.1.2.3", false),
            ("100.64.0.1", false),
            ("127.0.0.1", false),
            ("8.8.8.8", true),
            ("2001:db8::1", false),
            ("fe80::1", false),
            ("fd00::1", false),
            ("2a00:1450::1", true),
        ] {
            assert_eq!(Target::parse(ip).unwrap().is_public(), public, "{ip}");
        }
    }
}
