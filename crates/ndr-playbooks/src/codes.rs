//! The code index: every provider code and enhanced status code we know, with its meaning,
//! its party and the playbook it leads to. Web pages `#/code/<code>` are generated from it.
//!
//! The entries live next to their party's playbooks (`party/<party>.rs`, and
//! `party/generic.rs` for RFC 3463); this module joins them and looks codes up.

use std::sync::OnceLock;

use ndr_core::{Diagnosis, Party, Reason};
use serde::{Deserialize, Serialize};

use crate::model::Playbook;
use crate::party;
use crate::render::{self, Rendered};
use crate::select::SelectedBy;
use crate::text::{Lang, Text};

/// What kind of code an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeKind {
    /// An enhanced status code (RFC 3463): `5.7.606`, or a range `5.7.606-649`.
    Enhanced,
    /// A provider's own code: `S3150`, `AS(16012609)`, `TSS04`, `ERS-QIL`.
    Provider,
}

/// One known code.
#[derive(Debug, Clone, Copy)]
pub struct CodeEntry {
    /// The code as it is usually written (`5.7.606-649`, `AS(16012609)`, `SC-001`).
    pub code: &'static str,
    /// Enhanced or provider code.
    pub kind: CodeKind,
    /// The party whose procedure lifts it; `None` for the generic RFC 3463 meaning.
    pub party: Option<Party>,
    /// The party whose servers send the code, when that is not `party` (Microsoft sends
    /// `5.7.513`, but the recipient organisation's own list is what blocks).
    pub issuer: Option<Party>,
    /// The reason it usually means.
    pub reason: Reason,
    /// What it means, in both languages.
    pub meaning: Text,
    /// The playbook it leads to.
    pub playbook: &'static Playbook,
    /// Words people type when looking for it that its meaning does not hold, in either
    /// language (`受信リスト`, a domain): kept out of `Text`, so both languages' searches find
    /// them whichever language's texts the page has loaded.
    pub keywords: &'static str,
}

/// Basic SMTP reply codes and the generic enhanced codes a reader finds under them in the
/// code list, ordered by code. The meanings are RFC 5321's (section 4.2.2, "Reply Codes by
/// Function Groups"); the enhanced codes are those whose RFC 3463 meaning is that function
/// (a missing or refused mailbox for 550, storage or size for 552, ...).
// Source: https://datatracker.ietf.org/doc/html/rfc5321#section-4.2.2
const BASIC_REPLIES: &[(&str, &[&str])] = &[
    // "421 <domain> Service not available, closing transmission channel"
    ("421", &["4.3.2", "4.4.2"]),
    // "450 Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or
    // temporarily blocked for policy reasons)"
    ("450", &["4.0.0", "4.2.0", "4.7.0", "4.7.1"]),
    // "451 Requested action aborted: local error in processing"
    ("451", &["4.0.0", "4.3.2", "4.4.1", "4.7.1"]),
    // "452 Requested action not taken: insufficient system storage"
    ("452", &["4.2.2", "4.3.1"]),
    // "550 Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access,
    // or command rejected for policy reasons)"
    (
        "550",
        &[
            "5.0.0", "5.1.0", "5.1.1", "5.1.2", "5.1.6", "5.2.1", "5.7.0", "5.7.1",
        ],
    ),
    // "551 User not local; please try <forward-path>"
    ("551", &["5.1.6"]),
    // "552 Requested mail action aborted: exceeded storage allocation"
    ("552", &["5.2.2", "5.3.4"]),
    // "553 Requested action not taken: mailbox name not allowed (e.g., mailbox syntax
    // incorrect)"
    ("553", &["5.1.3", "5.1.7", "5.1.8"]),
    // "554 Transaction failed (Or, in the case of a connection-opening response, "No SMTP
    // service here")"
    ("554", &["5.0.0", "5.3.4", "5.7.1"]),
];

impl CodeEntry {
    /// An enhanced status code as `party` uses it (`None`: its RFC 3463 / IANA meaning).
    pub(crate) const fn enhanced(
        party: Option<Party>,
        code: &'static str,
        reason: Reason,
        meaning: Text,
        playbook: &'static Playbook,
    ) -> CodeEntry {
        CodeEntry {
            code,
            kind: CodeKind::Enhanced,
            party,
            issuer: None,
            reason,
            meaning,
            playbook,
            keywords: "",
        }
    }

    /// A provider's own code, lifted by `party`'s procedure.
    pub(crate) const fn provider(
        party: Party,
        code: &'static str,
        reason: Reason,
        meaning: Text,
        playbook: &'static Playbook,
    ) -> CodeEntry {
        CodeEntry {
            kind: CodeKind::Provider,
            ..CodeEntry::enhanced(Some(party), code, reason, meaning, playbook)
        }
    }

    /// The same entry, sent by `issuer`'s servers while another party's procedure lifts it
    /// (Outlook.com's `AS(3130)` is a Spamhaus listing).
    pub(crate) const fn issued_by(self, issuer: Party) -> CodeEntry {
        CodeEntry {
            issuer: Some(issuer),
            ..self
        }
    }

    /// The same entry, also found by `keywords` (space-separated, lowercase).
    pub(crate) const fn keywords(self, keywords: &'static str) -> CodeEntry {
        CodeEntry { keywords, ..self }
    }

    /// Whether the code list's search `query` finds this entry: every word of it (case
    /// ignored) is in the code, the party's id or name, the reason's name (`norelaying`,
    /// `spamdetected`), the meaning, or the keywords. The reason and party ids are English words
    /// users copy from errors ("relay", "blocked", "spam"), so they find entries on the
    /// Japanese list too, whose English meanings the page has not loaded.
    pub fn matches_search(&self, query: &str, lang: Lang) -> bool {
        let party = self.party.map(|p| (p.id(), party::party_name(p).get(lang)));
        let mut hay = String::with_capacity(256);
        for part in [
            self.code,
            party.map_or("", |p| p.0),
            party.map_or("", |p| p.1),
            self.reason.name(),
            self.meaning.get(lang),
            self.keywords,
        ] {
            hay.push_str(part);
            hay.push(' ');
        }
        // Both languages where both are compiled in (the CLI, the tests).
        if !crate::tables::SPLIT {
            let other = match lang {
                Lang::Ja => Lang::En,
                Lang::En => Lang::Ja,
            };
            hay.push_str(self.meaning.get(other));
        }
        let hay = hay.to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| hay.contains(word) || self.answers_basic_reply(word))
    }

    /// A generic enhanced code is also found by the basic reply codes it usually comes with
    /// (`550` finds 5.1.1 and 5.7.1): people search for the three digits they see first.
    fn answers_basic_reply(&self, word: &str) -> bool {
        self.party.is_none()
            && self.kind == CodeKind::Enhanced
            && BASIC_REPLIES
                .iter()
                .any(|(basic, enhanced)| *basic == word && enhanced.contains(&self.code))
    }

    /// The advice for this code without a bounce: the playbook rendered with the code's own
    /// facts (party, reason, code) and readable fallbacks for everything else.
    pub fn explain(&self, lang: Lang) -> Rendered {
        let mut d = Diagnosis {
            blocking_party: self.party,
            reason: self.reason,
            ..Diagnosis::default()
        };
        match self.kind {
            CodeKind::Enhanced => d.enhanced_code = Some(self.code.to_owned()),
            CodeKind::Provider => d.provider_code = Some(self.code.to_owned()),
        }
        render::render(self.playbook, &d, lang, SelectedBy::CodePage)
    }

    /// Whether this entry answers `query` exactly (no class fallback).
    fn matches(&self, query: &Query) -> bool {
        match (self.kind, query) {
            (CodeKind::Enhanced, Query::Enhanced(q)) => {
                parse_enhanced(self.code).is_some_and(|e| {
                    e.class == q.class && e.subject == q.subject && e.lo <= q.lo && q.hi <= e.hi
                })
            }
            (CodeKind::Provider, Query::Token(tokens)) => {
                let own = token(self.code);
                tokens.contains(&own)
            }
            _ => false,
        }
    }
}

/// Every known code: the parties' entries in party order, then the generic RFC 3463 ones.
pub fn code_index() -> &'static [CodeEntry] {
    static INDEX: OnceLock<Vec<CodeEntry>> = OnceLock::new();
    INDEX.get_or_init(|| party::all_codes().collect())
}

/// The entries for a code, party-specific ones first, the generic meaning last; the generic
/// meaning first when several parties share the code.
///
/// Tolerant of case and format: `as(16012609)`, `(AS16012609)`, `5.7.606`, `550 5.7.606`,
/// `550-5.7.1`, `s3150`, `[TSS04]`, `ers_qil`, `OFR006_102`. A `4.x.y` code known only in its
/// `5.x.y` form resolves to the generic `5.x.y` entry. A code inside a range (`5.7.612`)
/// resolves to the range (`5.7.606-649`).
pub fn lookup_code(input: &str) -> Vec<&'static CodeEntry> {
    let Some(query) = Query::parse(input) else {
        return Vec::new();
    };
    let index = code_index();
    let mut found: Vec<_> = index.iter().filter(|e| e.matches(&query)).collect();
    // A code several parties use (5.7.1) means first what RFC 3463 says; each party's own
    // reading follows. A code one party gives a meaning of its own keeps that party first.
    let first_party = found.iter().find_map(|e| e.party);
    if found
        .iter()
        .any(|e| e.party.is_some() && e.party != first_party)
    {
        if let Some(i) = found.iter().position(|e| e.party.is_none()) {
            let generic = found.remove(i);
            found.insert(0, generic);
        }
    }
    if !found.is_empty() {
        return found;
    }
    // Generic meanings are written once, as 5.x.y; the transient 4.x.y form means the same
    // condition for now.
    if let Query::Enhanced(q) = query {
        if q.class == 4 {
            let permanent = Query::Enhanced(Enhanced { class: 5, ..q });
            return index
                .iter()
                .filter(|e| e.party.is_none() && e.matches(&permanent))
                .collect();
        }
    }
    Vec::new()
}

/// A parsed enhanced code; `lo..=hi` is one detail number unless it is a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Enhanced {
    pub(crate) class: u8,
    pub(crate) subject: u16,
    pub(crate) lo: u16,
    pub(crate) hi: u16,
}

enum Query {
    Enhanced(Enhanced),
    /// Candidate tokens: the whole code, and the part before `_` (`OFR006_102`).
    Token(Vec<String>),
}

impl Query {
    fn parse(input: &str) -> Option<Query> {
        let s = input
            .trim()
            .trim_matches(|c: char| "[](){}<>\"'`".contains(c))
            .trim();
        if s.is_empty() {
            return None;
        }
        // `550 5.7.606`, `550-5.7.1`: the reply code adds nothing the enhanced code lacks.
        let without_reply = match s.as_bytes() {
            [a, b, c, sep, ..]
                if a.is_ascii_digit()
                    && b.is_ascii_digit()
                    && c.is_ascii_digit()
                    && (*sep == b' ' || *sep == b'-') =>
            {
                s.get(4..).unwrap_or("").trim()
            }
            _ => s,
        };
        if let Some(e) = parse_enhanced(without_reply) {
            return Some(Query::Enhanced(e));
        }
        let whole = token(s);
        if whole.is_empty() {
            return None;
        }
        let mut tokens = vec![whole];
        if let Some((head, _)) = s.split_once('_') {
            let head = token(head);
            if !head.is_empty() {
                tokens.push(head);
            }
        }
        Some(Query::Token(tokens))
    }
}

/// Uppercase letters and digits only: `AS(16012609)` and `as16012609` are the same code.
fn token(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// `5.7.606`, `5.7.606-649`, `4.7.500-699`: class 2, 4 or 5; one- to three-digit parts.
pub(crate) fn parse_enhanced(s: &str) -> Option<Enhanced> {
    let (code, hi) = match s.split_once('-') {
        Some((code, hi)) => (code, Some(hi)),
        None => (s, None),
    };
    let mut parts = code.split('.');
    let class = number(parts.next()?)?;
    let subject = number(parts.next()?)?;
    let lo = number(parts.next()?)?;
    if parts.next().is_some() || !matches!(class, 2 | 4 | 5) {
        return None;
    }
    let hi = match hi {
        Some(h) => number(h)?,
        None => lo,
    };
    if hi < lo {
        return None;
    }
    Some(Enhanced {
        class: class as u8,
        subject,
        lo,
        hi,
    })
}

fn number(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_enhanced_codes_and_ranges() {
        assert_eq!(
            parse_enhanced("5.7.606"),
            Some(Enhanced {
                class: 5,
                subject: 7,
                lo: 606,
                hi: 606
            })
        );
        assert_eq!(
            parse_enhanced("4.7.500-699"),
            Some(Enhanced {
                class: 4,
                subject: 7,
                lo: 500,
                hi: 699
            })
        );
        for bad in [
            "5.7",
            "5.7.1.1",
            "6.1.1",
            "5.7.1000",
            "5.x.1",
            "5.7.649-606",
            "",
            "5..1",
        ] {
            assert_eq!(parse_enhanced(bad), None, "{bad}");
        }
    }

    #[test]
    fn tokens_ignore_case_and_punctuation() {
        assert_eq!(token("as(16012609)"), "AS16012609");
        assert_eq!(token("ERS-QIL"), "ERSQIL");
        assert_eq!(token("「S3150」"), "S3150");
    }

    /// Every enhanced code a basic reply leads to is a generic entry of the code list, so the
    /// search finds it; the basic codes are in order.
    #[test]
    fn basic_replies_lead_to_generic_entries() {
        let generic: Vec<&str> = crate::party::generic::CODES
            .iter()
            .map(|e| e.code)
            .collect();
        for (basic, enhanced) in super::BASIC_REPLIES {
            for code in *enhanced {
                assert!(generic.contains(code), "{basic}: {code}");
            }
        }
        assert!(super::BASIC_REPLIES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
