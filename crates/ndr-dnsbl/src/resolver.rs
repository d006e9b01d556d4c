//! DoH JSON resolvers: Google-style `/resolve` and Cloudflare-style `/dns-query` endpoints, and
//! the request URL for one question.

use std::fmt;

/// The media type Cloudflare requires for JSON; Google ignores it. It is a CORS-safelisted
/// header value, so a browser sends the request without a preflight.
pub const DNS_JSON: &str = "application/dns-json";

/// Which JSON dialect an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `https://dns.google/resolve?name=&type=`.
    Google,
    /// `https://cloudflare-dns.com/dns-query?name=&type=` with `accept: application/dns-json`.
    Cloudflare,
}

/// A DoH JSON endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Resolver {
    url: String,
    style: Style,
}

/// Why a resolver URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolverError {
    /// The URL as given.
    pub url: String,
    /// What is wrong, in English.
    pub problem: &'static str,
}

impl fmt::Display for ResolverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "resolver {:?}: {}", self.url, self.problem)
    }
}

impl std::error::Error for ResolverError {}

/// DNS question types this crate asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QType {
    /// Type 1: the listing codes.
    A,
    /// Type 16: the human-readable reason.
    Txt,
}

impl QType {
    /// `A` or `TXT`, as both resolvers take it.
    pub fn as_str(self) -> &'static str {
        match self {
            QType::A => "A",
            QType::Txt => "TXT",
        }
    }

    /// The RR type number.
    pub fn number(self) -> u16 {
        match self {
            QType::A => 1,
            QType::Txt => 16,
        }
    }
}

impl Resolver {
    /// Google Public DNS, JSON API.
    pub fn google() -> Resolver {
        Resolver {
            url: "https://dns.google/resolve".into(),
            style: Style::Google,
        }
    }

    /// Cloudflare 1.1.1.1, JSON API.
    pub fn cloudflare() -> Resolver {
        Resolver {
            url: "https://cloudflare-dns.com/dns-query".into(),
            style: Style::Cloudflare,
        }
    }

    /// Accepts any `https://HOST[:PORT]/.../resolve` (Google style) or `.../dns-query`
    /// (Cloudflare style) URL; plain `http://` only for loopback hosts, which tests use.
    pub fn parse(url: &str) -> Result<Resolver, ResolverError> {
        let err = |problem| ResolverError {
            url: url.to_string(),
            problem,
        };
        let url = url.trim();
        let rest = if let Some(r) = url.strip_prefix("https://") {
            r
        } else if let Some(r) = url.strip_prefix("http://") {
            let host = r.split(['/', ':']).next().unwrap_or_default();
            let loopback = host == "127.0.0.1" || host == "localhost" || r.starts_with("[::1]");
            if !loopback {
                return Err(err("plain http is only allowed for 127.0.0.1 (DNS questions would travel unencrypted)"));
            }
            r
        } else {
            return Err(err("it must start with https://"));
        };
        if url.contains(['?', '#'])
            || url
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
        {
            return Err(err("it must have no query, fragment or spaces"));
        }
        let Some((host, _path)) = rest.split_once('/') else {
            return Err(err("it needs a path ending in /resolve or /dns-query"));
        };
        if host.is_empty() {
            return Err(err("it has no host"));
        }
        let path_end = url.trim_end_matches('/');
        let style = if path_end.ends_with("/resolve") {
            Style::Google
        } else if path_end.ends_with("/dns-query") {
            Style::Cloudflare
        } else {
            return Err(err(
                "the path must end in /resolve (Google style) or /dns-query (Cloudflare style)",
            ));
        };
        Ok(Resolver {
            url: path_end.to_string(),
            style,
        })
    }

    /// The endpoint URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The JSON dialect.
    pub fn style(&self) -> Style {
        self.style
    }

    /// `dns.google`, `cloudflare-dns.com`, `127.0.0.1:8053`: for messages.
    pub fn host(&self) -> &str {
        let rest = self
            .url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.url);
        rest.split('/').next().unwrap_or(rest)
    }

    /// The GET URL for one question.
    pub fn request_url(&self, name: &str, qtype: QType) -> String {
        format!("{}?name={}&type={}", self.url, escape(name), qtype.as_str())
    }
}

/// Query names are LDH (plus `_`), so this only guards against anything else slipping in.
fn escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_from_paths() {
        let g = Resolver::parse("https://dns.google/resolve").unwrap();
        assert_eq!(g, Resolver::google());
        assert_eq!(g.host(), "dns.google");
        let c = Resolver::parse("https://cloudflare-dns.com/dns-query/").unwrap();
        assert_eq!(c, Resolver::cloudflare());
        let local = Resolver::parse("http://127.0.0.1:8053/resolve").unwrap();
        assert_eq!(local.style(), Style::Google);
        assert_eq!(local.host(), "127.0.0.1:8053");
        assert_eq!(
            local.request_url("2.0.0.127.zen.spamhaus.org", QType::Txt),
            "http://127.0.0.1:8053/resolve?name=2.0.0.127.zen.spamhaus.org&type=TXT"
        );
        assert_eq!(
            Resolver::parse("https://doh.example/x/dns-query")
                .unwrap()
                .style(),
            Style::Cloudflare
        );
    }

    #[test]
    fn refused_urls() {
        for bad in [
            "dns.google/resolve",
            "http://dns.google/resolve",
            "http://127.0.0.1.evil.example/resolve",
            "https://dns.google/",
            "https://dns.google",
            "https:///resolve",
            "https://dns.google/resolve?name=x",
            "ftp://dns.google/resolve",
            "https://dns google/resolve",
        ] {
            assert!(Resolver::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn names_are_escaped() {
        assert_eq!(escape("a b&c.example"), "a%20b%26c.example");
    }
}
