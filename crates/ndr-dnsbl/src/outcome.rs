//! The result of asking one list about one target: listed, not listed, or could not check
//! (with why). Nothing here can turn a failure into "not listed".

use crate::catalogue::{ClosedList, List, Text};
use ndr_core::Party;
use std::fmt;
use std::net::Ipv4Addr;

/// One decoded listing code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The A record (`127.0.0.4`).
    pub code: Ipv4Addr,
    /// The sub-list (`XBL`), or empty when the code is not documented.
    pub sub_list: &'static str,
    /// What it means.
    pub meaning: Text,
}

/// Why a list could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The resolver did not answer within the per-query timeout.
    Timeout,
    /// The whole lookup's deadline passed first.
    DeadlinePassed,
    /// No HTTP response (connection, TLS, reset, blocked by the browser).
    Network(String),
    /// The resolver answered with an HTTP error status.
    Http(u16),
    /// The resolver said "too many requests" (HTTP 429).
    RateLimited {
        /// Seconds it asked to wait, if it said.
        retry_after: Option<u64>,
    },
    /// The body was not a DoH JSON answer.
    BadResponse(String),
    /// DNS SERVFAIL: the list's servers did not answer the resolver.
    ServFail,
    /// DNS REFUSED from the resolver.
    DnsRefused,
    /// Another DNS error status.
    DnsStatus(u16),
    /// The list answered with its own error code: it refuses this resolver or the query.
    RefusedByList {
        /// The error code.
        code: Ipv4Addr,
        /// What the list says it means.
        meaning: Text,
    },
    /// The list's always-listed test point was not listed through this resolver, so a
    /// "not listed" from it means nothing (Google answers NXDOMAIN for Spamhaus zones).
    TestPointNotListed {
        /// The test name asked.
        name: String,
    },
    /// The never-listed test point was listed: the zone answers "listed" for everything
    /// (a dead wildcard zone, a parked domain).
    ZoneListsEverything {
        /// The test name asked.
        name: String,
    },
    /// An answer no list should give (outside 127.0.0.0/8, or 127.0.0.1 where it means
    /// nothing).
    UnexpectedAnswer(String),
    /// The list needs a customer key: check it on its own site.
    KeyRequired,
    /// The list has shut down; it is never asked.
    ClosedList {
        /// When it ended.
        ended: &'static str,
    },
    /// The query name would be too long for DNS.
    NameTooLong,
    /// No resolver was configured.
    NoResolver,
}

impl Why {
    /// A stable id the page translates (`timeout`, `refused_by_list`, ...).
    pub fn id(&self) -> &'static str {
        match self {
            Why::Timeout => "timeout",
            Why::DeadlinePassed => "deadline",
            Why::Network(_) => "network",
            Why::Http(_) => "http_error",
            Why::RateLimited { .. } => "rate_limited",
            Why::BadResponse(_) => "bad_response",
            Why::ServFail => "servfail",
            Why::DnsRefused => "dns_refused",
            Why::DnsStatus(_) => "dns_error",
            Why::RefusedByList { .. } => "refused_by_list",
            Why::TestPointNotListed { .. } => "test_point_not_listed",
            Why::ZoneListsEverything { .. } => "zone_lists_everything",
            Why::UnexpectedAnswer(_) => "unexpected_answer",
            Why::KeyRequired => "key_required",
            Why::ClosedList { .. } => "closed_list",
            Why::NameTooLong => "name_too_long",
            Why::NoResolver => "no_resolver",
        }
    }

    /// Whether another resolver, or a later try, might do better; list-level answers
    /// (refusals, failed test points) are kept for the session instead.
    pub(crate) fn is_transient(&self) -> bool {
        matches!(
            self,
            Why::Timeout
                | Why::DeadlinePassed
                | Why::Network(_)
                | Why::Http(_)
                | Why::RateLimited { .. }
                | Why::BadResponse(_)
                | Why::ServFail
                | Why::DnsRefused
                | Why::DnsStatus(_)
        )
    }

    /// How much the reason tells the user, to pick the one to show among several resolvers.
    fn weight(&self) -> u8 {
        match self {
            Why::RefusedByList { .. } | Why::ZoneListsEverything { .. } => 9,
            Why::TestPointNotListed { .. } | Why::UnexpectedAnswer(_) => 8,
            Why::KeyRequired | Why::ClosedList { .. } | Why::NameTooLong => 7,
            Why::ServFail | Why::DnsRefused | Why::DnsStatus(_) => 6,
            Why::RateLimited { .. } => 5,
            Why::Http(_) | Why::BadResponse(_) => 4,
            Why::Timeout | Why::Network(_) => 3,
            Why::DeadlinePassed => 2,
            Why::NoResolver => 1,
        }
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Timeout => f.write_str("the resolver did not answer in time"),
            Why::DeadlinePassed => f.write_str("the lookup ran out of time"),
            Why::Network(m) => write!(f, "could not reach the resolver ({m})"),
            Why::Http(s) => write!(f, "the resolver answered HTTP {s}"),
            Why::RateLimited { retry_after: Some(s) } => {
                write!(f, "the resolver is rate limiting (retry after {s} s)")
            }
            Why::RateLimited { retry_after: None } => f.write_str("the resolver is rate limiting"),
            Why::BadResponse(m) => write!(f, "the resolver's answer was unreadable ({m})"),
            Why::ServFail => f.write_str("the list's servers did not answer the resolver (SERVFAIL)"),
            Why::DnsRefused => f.write_str("the resolver refused the question (REFUSED)"),
            Why::DnsStatus(s) => write!(f, "DNS error status {s}"),
            Why::RefusedByList { code, meaning } => {
                write!(f, "the list refused the query ({code}: {})", meaning.en)
            }
            Why::TestPointNotListed { name } => write!(
                f,
                "the list's test point {name} was not listed through this resolver, so its answers cannot be trusted"
            ),
            Why::ZoneListsEverything { name } => write!(
                f,
                "the list answered \"listed\" for {name}, which must never be listed: it lists everything"
            ),
            Why::UnexpectedAnswer(m) => write!(f, "unexpected answer ({m})"),
            Why::KeyRequired => f.write_str("this list needs a customer key; check it on its own site"),
            Why::ClosedList { ended } => write!(f, "this list shut down ({ended}) and is not asked"),
            Why::NameTooLong => f.write_str("the query name would be longer than DNS allows"),
            Why::NoResolver => f.write_str("no resolver is configured"),
        }
    }
}

/// What one resolver said, when it did not give a usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The resolver's host (`dns.google`).
    pub resolver: String,
    /// What went wrong there.
    pub why: Why,
}

/// Listed, not listed, or could not check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The list lists the target.
    Listed {
        /// The decoded codes.
        hits: Vec<Hit>,
        /// The list's TXT reason, when it gave one.
        txt: Option<String>,
    },
    /// A clean negative answer, with the test points answered correctly.
    NotListed {
        /// An allow-list meaning (Hostkarma "white"), if the list gave one.
        note: Option<Text>,
    },
    /// No trustworthy answer.
    Unavailable {
        /// The most telling reason.
        why: Why,
        /// Every resolver tried and what it said.
        tried: Vec<Attempt>,
    },
}

impl Outcome {
    /// Picks the most telling reason among the attempts (the first of equals).
    pub(crate) fn unavailable(tried: Vec<Attempt>) -> Outcome {
        let why = tried
            .iter()
            .map(|a| &a.why)
            .fold(None::<&Why>, |best, w| match best {
                Some(b) if b.weight() >= w.weight() => Some(b),
                _ => Some(w),
            })
            .cloned()
            .unwrap_or(Why::NoResolver);
        Outcome::Unavailable { why, tried }
    }
}

/// The state names of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// `listed`
    Listed,
    /// `not_listed`
    NotListed,
    /// `unavailable`
    Unavailable,
}

impl State {
    /// `listed`, `not_listed` or `unavailable`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Listed => "listed",
            State::NotListed => "not_listed",
            State::Unavailable => "unavailable",
        }
    }
}

/// One line of the results table: one list, one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The IP or domain looked up.
    pub target: String,
    /// The list's zone.
    pub zone: &'static str,
    /// The list's name.
    pub list: &'static str,
    /// The blocking party it maps to.
    pub party: Option<Party>,
    /// The result.
    pub outcome: Outcome,
    /// The resolver whose answer this is (host), when one answered.
    pub resolver: Option<String>,
    /// The list's own lookup page for the target.
    pub lookup_url: String,
    /// The list's removal page.
    pub delist_url: &'static str,
    /// Position in display order (targets first, then list importance).
    pub order: usize,
}

impl Row {
    pub(crate) fn new(target: &str, list: &'static List, outcome: Outcome, order: usize) -> Row {
        Row {
            target: target.to_string(),
            zone: list.zone,
            list: list.name,
            party: list.party,
            outcome,
            resolver: None,
            lookup_url: list.lookup_url_for(target),
            delist_url: list.delist_url,
            order,
        }
    }

    /// Adds the list's TXT reason to a listing (a later delivery of the same row).
    pub(crate) fn set_txt(&mut self, reason: Option<String>) {
        if let Outcome::Listed { txt, .. } = &mut self.outcome {
            *txt = reason;
        }
    }

    /// The row for a closed list: never asked, "could not check" with when it ended.
    pub fn closed(target: &str, closed: &'static ClosedList, order: usize) -> Row {
        Row {
            target: target.to_string(),
            zone: closed.zone,
            list: closed.name,
            party: Some(Party::ClosedList),
            outcome: Outcome::Unavailable {
                why: Why::ClosedList {
                    ended: closed.ended,
                },
                tried: Vec::new(),
            },
            resolver: None,
            lookup_url: closed.source.to_string(),
            delist_url: closed.source,
            order,
        }
    }

    /// `listed`, `not_listed` or `unavailable`.
    pub fn state(&self) -> State {
        match self.outcome {
            Outcome::Listed { .. } => State::Listed,
            Outcome::NotListed { .. } => State::NotListed,
            Outcome::Unavailable { .. } => State::Unavailable,
        }
    }

    /// The listing codes (`127.0.0.4`), empty unless listed.
    pub fn codes(&self) -> Vec<String> {
        match &self.outcome {
            Outcome::Listed { hits, .. } => {
                // A bitmask code yields one hit per bit; the code itself is shown once.
                let mut codes: Vec<String> = Vec::new();
                for h in hits {
                    let c = h.code.to_string();
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
                codes
            }
            _ => Vec::new(),
        }
    }

    /// The meanings, joined, in English (`ja = false`) or Japanese.
    pub fn meaning(&self, ja: bool) -> Option<String> {
        let pick = |t: &Text| if ja { t.ja } else { t.en };
        match &self.outcome {
            Outcome::Listed { hits, .. } => {
                let mut seen: Vec<&str> = Vec::new();
                for h in hits {
                    let m = pick(&h.meaning);
                    if !seen.contains(&m) {
                        seen.push(m);
                    }
                }
                Some(seen.join("; "))
            }
            Outcome::NotListed { note: Some(n) } => Some(pick(n).to_string()),
            _ => None,
        }
    }

    /// The TXT reason, if listed and given.
    pub fn txt(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Listed { txt, .. } => txt.as_deref(),
            _ => None,
        }
    }

    /// Why it could not be checked, if it could not.
    pub fn why(&self) -> Option<&Why> {
        match &self.outcome {
            Outcome::Unavailable { why, .. } => Some(why),
            _ => None,
        }
    }

    /// The row as the JSON object `ndr-doctor lookup --json` prints (DESIGN.md: `zone`,
    /// `state`, `codes`, `meaning`, `txt`, `detail`, plus `target`, `list`, `why`,
    /// `resolver`, `lookup_url`, `delist_url`, `party`, `meaning_ja`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "target": self.target,
            "zone": self.zone,
            "list": self.list,
            "state": self.state().as_str(),
            "codes": self.codes(),
            "meaning": self.meaning(false),
            "meaning_ja": self.meaning(true),
            "txt": self.txt(),
            "detail": self.detail(),
            "why": self.why().map(Why::id),
            "resolver": self.resolver,
            "lookup_url": self.lookup_url,
            "delist_url": self.delist_url,
            "party": self.party.map(Party::id),
        })
    }

    /// One English sentence on how the result was reached, or why there is none.
    pub fn detail(&self) -> String {
        match &self.outcome {
            Outcome::Listed { .. } => format!(
                "listed, answered through {}",
                self.resolver.as_deref().unwrap_or("the resolver")
            ),
            Outcome::NotListed { .. } => format!(
                "not listed, answered through {} (test points checked)",
                self.resolver.as_deref().unwrap_or("the resolver")
            ),
            Outcome::Unavailable { why, tried } if tried.len() <= 1 => match tried.first() {
                Some(a) => format!("{}: {why}", a.resolver),
                None => why.to_string(),
            },
            // The same failure twice in a row (a retry at the same resolver) is said once,
            // with the count.
            Outcome::Unavailable { tried, .. } => {
                let mut parts: Vec<(String, usize)> = Vec::new();
                for a in tried {
                    let part = format!("{}: {}", a.resolver, a.why);
                    match parts.last_mut() {
                        Some((last, n)) if *last == part => *n += 1,
                        _ => parts.push((part, 1)),
                    }
                }
                parts
                    .iter()
                    .map(|(part, n)| match n {
                        1 => part.clone(),
                        n => format!("{part} ({n} tries)"),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
    }
}
