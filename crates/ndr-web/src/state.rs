//! The page's state and its reducer: plain Rust, no browser, tested natively.
//!
//! Components show this state and send `Action`s; they never parse, classify or decide
//! whether a list is listed or could not be checked. The app shell (`app.rs`) performs the
//! effects the state asks for (run `diagnose`, start lookups) and reports back with actions
//! that carry the run number, so answers for an older paste are dropped.

use std::rc::Rc;

use ndr_core::{Diagnosis, IpScope};

use crate::i18n::Lang;

/// Pastes and files above this size are refused with a message instead of being read.
///
/// A bounce with its original message attached is rarely over 1 MB; 5 MB leaves room
/// for a forwarded chain with attachments while keeping `diagnose` well under a second.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Which page is shown, from the URL hash (`#/codes`, `#/code/S3150`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The paste box and the diagnosis.
    #[default]
    Diagnose,
    /// The searchable list of known codes.
    Codes,
    /// One code explained.
    Code(String),
}

impl Route {
    /// Reads a location hash such as `#/code/5.7.606`; anything unknown is the main page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        if path == "codes" {
            return Route::Codes;
        }
        if let Some(code) = path.strip_prefix("code/") {
            let code = percent_decode(code);
            let code = code.trim();
            if !code.is_empty() {
                return Route::Code(code.to_string());
            }
        }
        Route::Diagnose
    }

    /// The hash for this route (`#/code/S3150`); the main page is `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Diagnose => "#/".to_string(),
            Route::Codes => "#/codes".to_string(),
            Route::Code(code) => format!("#/code/{}", percent_encode(code)),
        }
    }
}

/// Whether the mail was refused for good, only delayed, given up on after retries, or never
/// sent at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// A 5xx reply: this message was not delivered and will not be retried.
    Permanent,
    /// A 4xx reply: the sending server keeps retrying for a while.
    Temporary,
    /// The sending server retried until its deadline and stopped: not delivered, whatever
    /// the last reply's class was (an expired 4xx is no longer "retrying").
    GaveUp,
    /// A program's own send error (a mail program, a script, a library): it talked to the
    /// server itself and keeps no queue, so whatever the reply's class nothing retries it.
    NotSent,
}

/// Reads the SMTP class of the decisive reply (RFC 5321 §4.2.1: 4 transient, 5 permanent),
/// from the reply code or else the enhanced code; without either, the core's `hard_bounce`.
/// `None` when nothing says which: a soft bounce without a code is not known to be retried,
/// and a report that is no failure (auto-reply, complaint, delivery) has no severity at all.
///
/// The class alone never says "still retrying": a program's send error was never queued, and a
/// recipient whose `Action` is `failed` was given up on, whatever the last reply (review 6, M1).
pub fn severity(d: &Diagnosis) -> Option<Severity> {
    use ndr_core::Reason;
    if matches!(
        d.reason,
        Reason::Delivered | Reason::Vacation | Reason::Feedback
    ) {
        return None;
    }
    // Before the delay warning: the core may call a program's 4xx "delayed" (Sisimai's
    // convention), yet no server holds the message.
    if ndr_playbooks::sent_by_a_program(d) {
        return Some(Severity::NotSent);
    }
    // A delay warning (every recipient `Action: delayed`) is still being retried, whatever its
    // reason; Sisimai's convention calls a delay "expired", which here would read "gave up".
    if !d.recipients.is_empty()
        && d.recipients
            .iter()
            .all(|r| r.action.trim().eq_ignore_ascii_case("delayed"))
    {
        return Some(Severity::Temporary);
    }
    if d.reason == Reason::Expired {
        return Some(Severity::GaveUp);
    }
    let class = [&d.smtp_code, &d.enhanced_code]
        .into_iter()
        .flatten()
        .find_map(|c| c.trim().chars().next());
    // RFC 3464 `Action: failed`: the sending side stopped trying for that recipient. A report
    // names whom it gave up on; a pasted reply or log line without an address is no report,
    // and the core calls its recipient "failed" by default (review 7, M2): a 4xx there is a
    // temporary refusal, with no retries behind it to claim, unless its words say the server
    // stopped retrying (review 10, M6: a Sendmail report with masked addresses).
    let failed = d.recipients.iter().any(|r| {
        r.action.trim().eq_ignore_ascii_case("failed")
            && (!r.recipient.trim().is_empty() || ndr_core::says_it_gave_up(&r.diagnostic_text))
    });
    match class {
        Some('5') => Some(Severity::Permanent),
        Some('4') if failed => Some(Severity::GaveUp),
        Some('4') => Some(Severity::Temporary),
        _ if d.hard_bounce => Some(Severity::Permanent),
        _ => None,
    }
}

/// What happened to the recipients a report lists, for the label above them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not delivered (refused, or given up on).
    Failed,
    /// Not delivered yet; the sending server keeps retrying.
    Delayed,
    /// Nothing failed: an auto-reply, a complaint report, a delivery notice.
    NoFailure,
}

/// What happened to the report's recipients: an out-of-office reply is no failure, a 4xx or a
/// delay warning is a delay, anything else failed.
pub fn outcome(d: &Diagnosis) -> Outcome {
    if nothing_failed(d) {
        Outcome::NoFailure
    } else if severity(d) == Some(Severity::Temporary) {
        Outcome::Delayed
    } else {
        Outcome::Failed
    }
}

/// True for a report in which no mail failed (auto-reply, complaint report, delivery notice):
/// the page shows no failure list and no blocklist check for it.
pub fn nothing_failed(d: &Diagnosis) -> bool {
    use ndr_core::Reason;
    matches!(
        d.reason,
        Reason::Delivered | Reason::Vacation | Reason::Feedback
    )
}

/// True when blocklists can explain the bounce: a refusal for blocking, reputation, spam or
/// policy (or one the core could not classify), or a bounce that names a list. A mailbox that
/// does not exist or is full, a message too big, a delay: no blocklist question is asked.
pub fn blocklists_matter(d: &Diagnosis) -> bool {
    use ndr_core::Reason;
    let names_a_list = d.list_zone.as_deref().is_some_and(|z| !z.trim().is_empty())
        || d.notes.iter().any(|n| n.id == "closed_list");
    names_a_list
        || matches!(
            d.reason,
            Reason::Blocked
                | Reason::BadReputation
                | Reason::SpamDetected
                | Reason::PolicyViolation
                | Reason::Rejected
                | Reason::Filtered
                | Reason::SecurityError
                | Reason::RequirePtr
                | Reason::AuthFailure
                | Reason::Speeding
                | Reason::TooManyConn
                | Reason::OnHold
                | Reason::Undefined
        )
}

/// True when the sender's domain is worth asking the domain blocklists (Spamhaus DBL and the
/// like) about: the refusal is about reputation or spam, a block whose author is unknown or a
/// list operator, or the bounce names a list or the domain's reputation. A tenant limit at
/// Microsoft (5.7.708, 5.7.750), a security or policy refusal that names no list: the domain
/// is not asked, so it does not leave the browser and no "could not check" row stands for a
/// question the bounce never raised.
pub fn domain_lists_matter(d: &Diagnosis) -> bool {
    use ndr_core::Reason;
    // The receiver's own list query was refused (Spamhaus's "Error: open resolver",
    // 127.255.255.254): nothing is known to be listed, and the core names no blocked address
    // either, so no list is asked about anything (review h213).
    if d.notes.iter().any(|n| n.id == "receiver_resolver_refused") {
        return false;
    }
    // A receiving server's own log (`inbound_refusal_log`): the envelope domain in it is the
    // refused client's, not the reader's, and a refusal by a list of addresses says nothing
    // about that domain; only a domain list's refusal (`domain_listed`) is about a name
    // (review h217, L3: DBL, URIBL and SURBL were asked about the client's domain under the
    // word "sender").
    if d.notes.iter().any(|n| n.id == "inbound_refusal_log")
        && !d.notes.iter().any(|n| n.id == "domain_listed")
    {
        return false;
    }
    /// Words that name a list or the domain's standing, lowercase (ASCII and Japanese).
    const NAMES_A_LIST: &[&str] = &[
        "blocklist",
        "block list",
        "blacklist",
        "black list",
        "denylist",
        "dnsbl",
        "listed",
        "spamhaus",
        "surbl",
        "uribl",
        "domain reputation",
        "domain's reputation",
        "reputation of the sending domain",
        "reputation of your domain",
        "ブロックリスト",
        "ブラックリスト",
    ];
    let names_a_list = d.list_zone.as_deref().is_some_and(|z| !z.trim().is_empty())
        || d.notes.iter().any(|n| n.id == "closed_list");
    let by_a_list_operator = ndr_playbooks::by_a_list_operator(d);
    let about_standing = match d.reason {
        Reason::BadReputation | Reason::SpamDetected => true,
        Reason::Blocked => d.blocking_party.is_none() || by_a_list_operator,
        _ => by_a_list_operator,
    };
    let text_names_a_list = d.recipients.iter().any(|r| {
        let t = r.diagnostic_text.to_lowercase();
        NAMES_A_LIST.iter().any(|w| t.contains(w))
    });
    names_a_list || about_standing || text_names_a_list
}

pub use ndr_playbooks::ip_is_blocked;

/// What the blocklist session is given: the diagnosis without its sender domain when the
/// domain lists do not matter (`domain_lists_matter`). The rows the page plans and the names
/// the session asks both come from it, so they cannot differ.
pub fn lookup_subject(d: &Diagnosis) -> std::borrow::Cow<'_, Diagnosis> {
    if domain_lists_matter(d) || d.sender_domain.is_none() {
        std::borrow::Cow::Borrowed(d)
    } else {
        std::borrow::Cow::Owned(Diagnosis {
            sender_domain: None,
            ..d.clone()
        })
    }
}

/// Encodes everything but unreserved URL characters and `(`, `)` (used by `AS(16012609)`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A DNS-over-HTTPS JSON resolver the user can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolver {
    /// Stable id kept in localStorage (`google`, `cloudflare`).
    pub id: &'static str,
    /// The name shown to the user.
    pub name: &'static str,
    /// The JSON endpoint; query parameters are appended.
    pub url: &'static str,
}

/// The resolvers offered, the first being the default.
///
/// Both send `Access-Control-Allow-Origin: *` and speak the same JSON
/// (https://developers.google.com/speed/public-dns/docs/doh/json,
/// https://developers.cloudflare.com/1.1.1.1/encryption/dns-over-https/make-api-requests/dns-json/).
/// Self-hosters replace them at build time (`NDR_DOH_GOOGLE`, `NDR_DOH_CLOUDFLARE`, see
/// the README's "Self-hosting" section); the page's CSP is generated from the same values.
pub const RESOLVERS: &[Resolver] = &[
    Resolver {
        id: "google",
        name: "Google Public DNS",
        url: match option_env!("NDR_DOH_GOOGLE") {
            Some(url) => url,
            None => "https://dns.google/resolve",
        },
    },
    Resolver {
        id: "cloudflare",
        name: "Cloudflare 1.1.1.1",
        url: match option_env!("NDR_DOH_CLOUDFLARE") {
            Some(url) => url,
            None => "https://cloudflare-dns.com/dns-query",
        },
    },
];

impl Resolver {
    /// The resolver with this id, or the default.
    pub fn by_id(id: &str) -> Resolver {
        RESOLVERS
            .iter()
            .copied()
            .find(|r| r.id == id)
            .unwrap_or(RESOLVERS[0])
    }
}

/// What the user chose in Settings (kept in localStorage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The resolver asked first.
    pub resolver: Resolver,
    /// When false, nothing at all leaves the browser.
    pub lookups: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            resolver: RESOLVERS[0],
            lookups: true,
        }
    }
}

/// A problem with the input itself, shown next to the paste box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// Nothing (or only blanks) was pasted.
    Empty,
    /// Over `MAX_INPUT_BYTES`; carries the size.
    TooLarge(usize),
    /// A dropped or picked file could not be read.
    FileUnreadable,
    /// A sample could not be fetched.
    SampleUnavailable,
    /// A dropped or picked file is not a mail; carries what it seems to be (`png`, `jpeg`,
    /// `gif`, `pdf`, `zip`, `binary`, or `outlook` for a Compound File holding no message).
    /// It is not shown in the box nor diagnosed.
    NotMail(&'static str),
}

/// One diagnosed paste: the exact bytes read and what `diagnose` made of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The bytes given to `diagnose`; evidence spans index into these.
    pub input: Rc<[u8]>,
    /// The charset `input` is shown in (a WHATWG name): `utf-8` for pasted text, the one
    /// `charsets::file_text` chose for a file.
    pub charset: &'static str,
    /// The result.
    pub diagnosis: Rc<Diagnosis>,
    /// The run that produced it (later runs may re-ask the blocklists about it).
    pub run: u64,
    /// The visitor asked for it (a paste, a click, a file, a sample, or a parent page's
    /// hand-over made on the visitor's click): focus and the view go to the verdict. A parent
    /// page that hands a bounce over by itself (at load) moves neither.
    pub by_visitor: bool,
}

/// Why the blocked IP is not looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// The user turned lookups off.
    Off,
    /// The bounce names no blocked IP.
    NoIp,
    /// Private, documentation, loopback or reserved space: no public list covers it.
    Scope(IpScope),
    /// The bounce is about something no blocklist explains (no such user, mailbox full, too
    /// big) and names no list: nothing is asked, nothing leaves the page.
    NotAboutBlocking,
}

impl Skip {
    /// The variant's name, as tests and styles read it (`Scope(Documentation)`); written out,
    /// since `Debug` formatting costs the page more code.
    pub fn name(self) -> &'static str {
        match self {
            Skip::Off => "Off",
            Skip::NoIp => "NoIp",
            Skip::NotAboutBlocking => "NotAboutBlocking",
            Skip::Scope(IpScope::Public) => "Scope(Public)",
            Skip::Scope(IpScope::Private) => "Scope(Private)",
            Skip::Scope(IpScope::Loopback) => "Scope(Loopback)",
            Skip::Scope(IpScope::Documentation) => "Scope(Documentation)",
            Skip::Scope(IpScope::Reserved) => "Scope(Reserved)",
        }
    }
}

/// A list that needs a customer key: never asked, offered as a link to check by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByHand {
    /// The list's name.
    pub name: String,
    /// Its zone.
    pub zone: String,
    /// Its own lookup page for the first target it applies to.
    pub lookup_url: String,
}

/// A text another crate gives in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bi {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Bi {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// What a list said, as the blocklist crate decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    /// Asked, no answer yet.
    Pending,
    /// Listed.
    Listed {
        /// What the return codes mean, if documented.
        meaning: Option<Bi>,
        /// The list's own words (TXT record), if it gave them.
        txt: Option<String>,
        /// The A records it answered (`127.0.0.4`), which tell sub-lists apart.
        codes: Vec<String>,
    },
    /// A clean "not listed" answer.
    NotListed {
        /// An allow-list remark, if the list made one.
        note: Option<Bi>,
    },
    /// No trustworthy answer.
    Unavailable {
        /// The blocklist crate's stable reason id (`timeout`, `refused_by_list`, ...).
        why: String,
        /// Its technical detail, in English (resolver, status).
        detail: String,
    },
}

/// One row of the blocklist table: one list asked about one target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The IP address or domain asked about.
    pub target: String,
    /// The DNS zone (`zen.spamhaus.org`); also the row's test id.
    pub zone: String,
    /// The list's name (`Spamhaus ZEN`).
    pub name: String,
    /// The list's own lookup page for this target, for checking by hand.
    pub lookup_url: Option<String>,
    /// The current answer.
    pub state: RowState,
}

impl Row {
    fn same_question(&self, other: &Row) -> bool {
        self.target == other.target && self.zone == other.zone
    }
}

/// A DNS name that was sent to a resolver (shown in the privacy panel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// The resolver's URL.
    pub resolver: String,
    /// The query name (`45.2.0.192.zen.spamhaus.org`) and type.
    pub name: String,
}

/// The blocklist lookups for the current analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lookups {
    /// The IP the lookups ask about: the blocked one the bounce names, else the sending one
    /// (`ndr_playbooks::named_ip`), if any.
    pub ip: Option<String>,
    /// Why that IP itself is not looked up, if it is not.
    pub skip: Option<Skip>,
    /// One row per list and target, in display order.
    pub rows: Vec<Row>,
    /// True while answers are still expected.
    pub running: bool,
    /// The list zone the bounce itself names (`zen.spamhaus.org`), if any.
    pub named_zone: Option<String>,
    /// Lists that need a customer key: kept out of the table (they can never answer here).
    pub by_hand: Vec<ByHand>,
}

/// What the page says when the lookups ended and no list at all could be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllFailed {
    /// The reason id every asked list failed with, when they all share one (`http_error`);
    /// `None` when the reasons differ and only a general wording is honest.
    pub why: Option<String>,
    /// How many rows there are (all of them "could not check").
    pub rows: usize,
    /// The name and own lookup page of the list the bounce names, when it is among the rows.
    pub named: Option<(String, String)>,
    /// The longest wait a rate-limiting resolver asked for (HTTP 429 `Retry-After`), seconds.
    pub retry_after: Option<u32>,
}

/// The seconds of a `Retry-After` that `lookup::evidence_of` wrote into a row's detail.
fn retry_after_of(detail: &str) -> Option<u32> {
    const KEY: &str = "Retry-After ";
    let rest = detail.get(detail.find(KEY)? + KEY.len()..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit);
    // Folded by hand: `str::parse` would add its own code to the page for this one number.
    digits.fold(None, |n: Option<u32>, b| {
        Some(
            n.unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(u32::from(b - b'0')),
        )
    })
}

impl Lookups {
    /// The `(zone, answer)` pairs of listed rows, which let the playbooks tell sub-lists apart.
    pub fn listed(&self) -> Vec<(String, String)> {
        self.rows
            .iter()
            .flat_map(|r| match &r.state {
                RowState::Listed { codes, .. } => codes
                    .iter()
                    .map(|c| (r.zone.clone(), c.clone()))
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// True when the lookups ended and not one list could be checked, apart from those that
    /// are never asked: the resolver itself is probably failing, so trying the other helps.
    pub fn resolver_seems_down(&self) -> bool {
        self.all_failed().is_some()
    }

    /// Some when the lookups are over and every row is "could not check" while at least one
    /// list was really asked. One row listed or not listed means the resolver works, so the
    /// rows are then shown one by one as usual.
    pub fn all_failed(&self) -> Option<AllFailed> {
        if self.running || self.rows.is_empty() {
            return None;
        }
        // Key-only and closed lists are never asked: their reason says nothing about the
        // resolver, so it neither triggers the summary nor counts as the common reason.
        let mut why: Option<Option<&str>> = None;
        for r in &self.rows {
            let RowState::Unavailable { why: w, .. } = &r.state else {
                return None;
            };
            if w != "key_required" && w != "closed_list" {
                why = match why {
                    None => Some(Some(w)),
                    Some(Some(first)) if first == w => Some(Some(first)),
                    _ => Some(None),
                };
            }
        }
        let why = why?.map(str::to_string);
        let named = self.named_zone.as_deref().and_then(|zone| {
            self.rows
                .iter()
                .filter(|r| zone_matches(zone, &r.zone))
                .find_map(|r| Some((r.name.clone(), r.lookup_url.clone()?)))
        });
        let retry_after = (self.rows.iter())
            .filter_map(|r| match &r.state {
                RowState::Unavailable { detail, .. } => retry_after_of(detail),
                _ => None,
            })
            .max();
        Some(AllFailed {
            why,
            rows: self.rows.len(),
            named,
            retry_after,
        })
    }

    /// How many lists list the target.
    pub fn listed_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Listed { .. }))
            .count()
    }

    /// How many rows have an answer (any answer, including "could not check").
    pub fn settled(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.state != RowState::Pending)
            .count()
    }
}

/// True when the zone a bounce names is this list's zone, a name under it or its parent
/// (bounces quote `zen.spamhaus.org` as well as `xbl.zen.spamhaus.org`).
fn zone_matches(named: &str, zone: &str) -> bool {
    let named = named.trim().trim_end_matches('.').as_bytes();
    // `a` is `b` or a name under it, compared without case.
    let under = |a: &[u8], b: &[u8]| {
        a.len() >= b.len()
            && a[a.len() - b.len()..].eq_ignore_ascii_case(b)
            && (a.len() == b.len() || a[a.len() - b.len() - 1] == b'.')
    };
    !named.is_empty() && (under(named, zone.as_bytes()) || under(zone.as_bytes(), named))
}

/// Whether the playbooks' texts of a language can be shown (the page loads them per
/// language; see `texts.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Texts {
    /// Asked for, not there yet.
    #[default]
    Loading,
    /// Installed: advice can be shown.
    Ready,
    /// The file could not be fetched or was refused; choosing the language again retries.
    Failed,
}

const fn text_slot(lang: Lang) -> usize {
    match lang {
        Lang::Ja => 0,
        Lang::En => 1,
    }
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The page language.
    pub lang: Lang,
    /// The playbooks' texts, Japanese then English.
    pub texts: [Texts; 2],
    /// The page shown.
    pub route: Route,
    /// The user's settings.
    pub settings: Settings,
    /// What is in the paste box.
    pub text: Rc<str>,
    /// Bumped whenever `text` changes other than by typing in the box (sample, file, clear,
    /// a bounce from an embedding page): the box then takes `text`. Typing never writes the
    /// box back, so a multi-megabyte paste is not copied out of and into the DOM per render.
    pub text_rev: u64,
    /// The raw bytes of a dropped or picked file, while the box still shows that file.
    pub file: Option<Rc<[u8]>>,
    /// The charset the box shows `file` in.
    pub file_charset: &'static str,
    /// True while the box shows the text read out of an Outlook `.msg` file (the text is
    /// what is diagnosed; the file's bytes are not kept).
    pub from_outlook: bool,
    /// A problem with the input, if any.
    pub problem: Option<InputProblem>,
    /// Counts diagnose requests; effects tagged with an older number are dropped.
    pub run: u64,
    /// The bytes waiting to be diagnosed for `run`; set while working.
    pub pending: Option<Rc<[u8]>>,
    /// The charset `pending` is shown in.
    pub pending_charset: &'static str,
    /// Whether the visitor asked for `pending` ([`Analysis::by_visitor`]).
    pub pending_by_visitor: bool,
    /// The last finished analysis.
    pub analysis: Option<Analysis>,
    /// Blocklist lookups for `analysis`.
    pub lookups: Lookups,
    /// Every DNS name sent this session, oldest first.
    pub asked: Vec<Asked>,
    /// The evidence fields currently highlighted in the pasted text (one fact row's, separated
    /// by spaces).
    pub highlight: Option<String>,
    /// What is typed in the code list's search box; kept while the list is shown.
    pub code_query: String,
}

/// Something that happened: a user gesture or an effect's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The paste box changed (typing).
    Edit(String),
    /// Text was pasted into the box: take it and diagnose.
    Paste(String),
    /// Text handed over from outside the box (an embedding page): show it and diagnose.
    Receive {
        /// The bounce.
        text: String,
        /// The parent page handed it over on the visitor's click ([`Analysis::by_visitor`]).
        by_visitor: bool,
    },
    /// A file was dropped or picked: show it and diagnose its bytes.
    LoadFile(Vec<u8>),
    /// A file could not be read.
    FileFailed,
    /// A file over the limit was dropped or picked; carries its size. It is not read.
    FileTooLarge(usize),
    /// A sample was chosen: show it and diagnose it.
    LoadSample(String),
    /// A sample could not be fetched.
    SampleFailed,
    /// The Diagnose button.
    Diagnose,
    /// Empty the box and the result.
    Clear,
    /// `diagnose` finished for `run`.
    Diagnosed {
        /// The run this result belongs to.
        run: u64,
        /// The result.
        diagnosis: Rc<Diagnosis>,
    },
    /// A DNS name is about to be sent.
    Asked {
        /// The run.
        run: u64,
        /// What is sent, and to whom.
        asked: Asked,
    },
    /// One list answered (or failed).
    LookupResult {
        /// The run.
        run: u64,
        /// The row, with its final state.
        row: Row,
    },
    /// The session for `run` ended.
    LookupsDone {
        /// The run.
        run: u64,
    },
    /// Choose the language.
    SetLang(Lang),
    /// The texts of a language were installed (`true`) or could not be (`false`).
    TextsLoaded(Lang, bool),
    /// Choose the resolver (by id); lookups are asked again.
    SetResolver(String),
    /// Turn lookups on or off; off stops them at once.
    SetLookups(bool),
    /// Ask the same lists again through the same resolver (after no list could be checked,
    /// e.g. a resolver that limited the questions for a while).
    LookUpAgain,
    /// Highlight one fact row's evidence fields (or none) in the pasted text.
    Highlight(Option<String>),
    /// The URL hash changed.
    Navigate(Route),
    /// The code list's search box changed.
    CodeQuery(String),
}

impl State {
    /// A fresh state in `lang` on `route` with `settings`.
    pub fn new(lang: Lang, route: Route, settings: Settings) -> State {
        State {
            lang,
            route,
            settings,
            ..State::default()
        }
    }

    /// Whether the playbooks' texts of `lang` can be shown.
    pub fn texts(&self, lang: Lang) -> Texts {
        self.texts[text_slot(lang)]
    }

    /// True while `diagnose` is running for the current paste.
    pub fn working(&self) -> bool {
        self.pending.is_some()
    }

    /// True when the box was edited after the result on screen was made: the result is then
    /// for the text before the edit (review 8, L5), until Diagnose runs again. A file shown as
    /// it was read is never stale; editing it drops the file.
    pub fn result_is_stale(&self) -> bool {
        !self.working()
            && self.file.is_none()
            && self
                .analysis
                .as_ref()
                .is_some_and(|a| *a.input != *self.text.as_bytes())
    }

    /// The bytes the paste box stands for: the file's bytes if a file is shown, else the text.
    fn input_bytes(&self) -> Rc<[u8]> {
        match &self.file {
            Some(bytes) => bytes.clone(),
            None => Rc::from(self.text.as_bytes()),
        }
    }

    /// Applies one action.
    pub fn reduce(&mut self, action: Action) {
        match action {
            Action::Edit(text) => {
                self.text = Rc::from(text);
                self.file = None;
                if self.problem != Some(InputProblem::FileUnreadable) {
                    self.problem = None;
                }
            }
            Action::Paste(text) => {
                self.text = Rc::from(text);
                self.from_outlook = false;
                self.file = None;
                self.start_diagnose();
            }
            Action::Receive { text, by_visitor } => {
                self.text = Rc::from(text);
                self.from_outlook = false;
                self.text_rev += 1;
                self.file = None;
                self.start_diagnose();
                self.pending_by_visitor = by_visitor;
            }
            Action::LoadFile(bytes) => {
                if bytes.len() > MAX_INPUT_BYTES {
                    self.problem = Some(InputProblem::TooLarge(bytes.len()));
                    return;
                }
                match ndr_core::file_kind(&bytes) {
                    ndr_core::FileKind::Text => {}
                    ndr_core::FileKind::OutlookMsg => {
                        // An Outlook file is shown and diagnosed as the text read out of it,
                        // so the evidence spans index what the user sees.
                        let text = ndr_core::outlook_msg_text_with(
                            &bytes,
                            &crate::charsets::BrowserCharsets,
                        );
                        match text {
                            Some(text) => {
                                self.text = Rc::from(text);
                                self.text_rev += 1;
                                self.file = None;
                                self.from_outlook = true;
                                self.start_diagnose();
                            }
                            None => self.problem = Some(InputProblem::NotMail("outlook")),
                        }
                        return;
                    }
                    ndr_core::FileKind::Binary(kind) => {
                        // Never shown as mojibake nor diagnosed: the message says what the
                        // file seems to be and how to get the bounce itself.
                        self.problem = Some(InputProblem::NotMail(kind));
                        return;
                    }
                }
                // Windows "Unicode" text (UTF-16, with a byte order mark as classic Outlook and
                // older Notepad save it, or without one) is shown and diagnosed as its text, as an Outlook file
                // is, so the evidence spans index what the user sees.
                if let Some(text) = ndr_core::utf16_text(&bytes) {
                    self.text = Rc::from(text);
                    self.text_rev += 1;
                    self.file = None;
                    self.from_outlook = false;
                    self.start_diagnose();
                    return;
                }
                // UTF-8's byte order mark is not shown, so it is not kept either: the spans
                // then index the bytes the box shows.
                // A slice pattern, as ndr-core's BOM reader uses: one `strip_prefix` in the wasm.
                let bytes = match bytes.strip_prefix(&b"\xEF\xBB\xBF"[..]) {
                    Some(rest) => rest.to_vec(),
                    None => bytes,
                };
                // Shown as the core reads it (a saved Japanese body is often Shift_JIS), but
                // diagnosed as bytes, so that MIME parts are read in their declared charsets.
                let (charset, text) = crate::charsets::file_text(&bytes);
                self.text = Rc::from(text);
                self.from_outlook = false;
                self.text_rev += 1;
                self.file = Some(Rc::from(bytes));
                self.file_charset = charset;
                self.start_diagnose();
            }
            Action::FileFailed => self.problem = Some(InputProblem::FileUnreadable),
            Action::SampleFailed => self.problem = Some(InputProblem::SampleUnavailable),
            Action::FileTooLarge(size) => self.problem = Some(InputProblem::TooLarge(size)),
            Action::LoadSample(text) => {
                self.text = Rc::from(text);
                self.from_outlook = false;
                self.text_rev += 1;
                self.file = None;
                self.start_diagnose();
            }
            Action::Diagnose => self.start_diagnose(),
            Action::Clear => {
                self.text = Rc::from("");
                self.from_outlook = false;
                self.text_rev += 1;
                self.file = None;
                self.problem = None;
                self.run += 1;
                self.pending = None;
                self.analysis = None;
                self.lookups = Lookups::default();
                self.highlight = None;
            }
            Action::Diagnosed { run, diagnosis } => {
                if run != self.run || self.pending.is_none() {
                    return;
                }
                let input = self.pending.take().unwrap_or_else(|| Rc::from(&b""[..]));
                self.analysis = Some(Analysis {
                    input,
                    charset: self.pending_charset,
                    diagnosis,
                    run,
                    by_visitor: self.pending_by_visitor,
                });
                self.highlight = None;
                self.plan_lookups();
            }
            Action::Asked { run, asked } => {
                if run == self.run && self.lookups.running {
                    self.asked.push(asked);
                }
            }
            Action::LookupResult { run, row } => {
                if run != self.run || !self.lookups.running {
                    return;
                }
                // A list that needs a key is never asked; it sits in the "check by hand" line.
                if matches!(&row.state, RowState::Unavailable { why, .. } if why == "key_required")
                {
                    return;
                }
                match self.lookups.rows.iter_mut().find(|r| r.same_question(&row)) {
                    Some(existing) => *existing = row,
                    // Rows the plan did not foresee (a closed list the bounce names) go first.
                    None => self.lookups.rows.insert(0, row),
                }
            }
            Action::LookupsDone { run } => {
                if run == self.run {
                    self.lookups.running = false;
                    // A session that ends without answering a row leaves it honest, not blank.
                    for row in &mut self.lookups.rows {
                        if row.state == RowState::Pending {
                            row.state = RowState::Unavailable {
                                why: "no_answer".to_string(),
                                detail: String::new(),
                            };
                        }
                    }
                }
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                // The app loads a language's texts when it is chosen; a failed load is tried again.
                if self.texts(lang) == Texts::Failed {
                    self.texts[text_slot(lang)] = Texts::Loading;
                }
            }
            Action::TextsLoaded(lang, ok) => {
                self.texts[text_slot(lang)] = if ok { Texts::Ready } else { Texts::Failed };
            }
            Action::SetResolver(id) => {
                let resolver = Resolver::by_id(&id);
                if resolver != self.settings.resolver {
                    self.settings.resolver = resolver;
                    self.relookup();
                }
            }
            Action::SetLookups(on) => {
                if on != self.settings.lookups {
                    self.settings.lookups = on;
                    self.relookup();
                }
            }
            Action::LookUpAgain => self.relookup(),
            Action::Highlight(field) => self.highlight = field,
            Action::Navigate(route) => {
                // Leaving the code list empties its search box, as a fresh visit finds it.
                if route != Route::Codes {
                    self.code_query.clear();
                }
                self.route = route;
            }
            Action::CodeQuery(query) => self.code_query = query,
        }
    }

    fn start_diagnose(&mut self) {
        self.run += 1;
        self.problem = None;
        self.pending = None;
        let bytes = self.input_bytes();
        if bytes.len() > MAX_INPUT_BYTES {
            self.problem = Some(InputProblem::TooLarge(bytes.len()));
            return;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            self.problem = Some(InputProblem::Empty);
            self.analysis = None;
            self.lookups = Lookups::default();
            return;
        }
        self.pending = Some(bytes);
        // Every way in but a parent page's hand-over is the visitor's own gesture.
        self.pending_by_visitor = true;
        self.pending_charset = match self.file {
            Some(_) => self.file_charset,
            None => "utf-8",
        };
        // A diagnosis always lands on the main page, even if it started from a code page.
        self.route = Route::Diagnose;
    }

    /// Starts the lookups again for the current analysis (settings changed, or the visitor
    /// asked again).
    fn relookup(&mut self) {
        if self.analysis.is_some() && self.pending.is_none() {
            self.run += 1;
            self.plan_lookups();
        }
    }

    /// Decides what is looked up for the analysis: the blocked IP (else the sending IP) when it
    /// is public, and the sender's domain, against the blocklist crate's plan. The rows start as pending; the
    /// app starts the session when `lookups.running` turns true for a new `run`.
    fn plan_lookups(&mut self) {
        let Some(analysis) = &self.analysis else {
            self.lookups = Lookups::default();
            return;
        };
        let d = &analysis.diagnosis;
        if d.is_not_a_bounce() {
            // Nothing to check: the page asks for the bounce instead of asking the lists.
            self.lookups = Lookups::default();
            return;
        }
        if nothing_failed(d) {
            // An auto-reply or a delivery notice: no blocklist section at all.
            self.lookups = Lookups::default();
            return;
        }
        let named = ndr_playbooks::named_ip(d);
        let ip = named.map(|(ip, _)| ip.to_string());
        if !blocklists_matter(d) {
            self.lookups = Lookups {
                ip,
                skip: Some(Skip::NotAboutBlocking),
                ..Lookups::default()
            };
            return;
        }
        let ip_skip = match (&ip, named.and_then(|(_, scope)| scope)) {
            (None, _) => Some(Skip::NoIp),
            (Some(_), Some(scope)) if !scope.is_checkable() => Some(Skip::Scope(scope)),
            _ => None,
        };
        if !self.settings.lookups {
            self.lookups = Lookups {
                ip,
                skip: Some(Skip::Off),
                rows: Vec::new(),
                running: false,
                named_zone: None,
                by_hand: Vec::new(),
            };
            return;
        }
        let plan = ndr_dnsbl::Plan::for_diagnosis(&lookup_subject(d));
        let keyed = |list: &&&ndr_dnsbl::List| list.access == ndr_dnsbl::Access::KeyOnly;
        let by_hand: Vec<ByHand> = plan
            .lists
            .iter()
            .filter(keyed)
            .filter_map(|list| {
                let target = plan
                    .targets
                    .iter()
                    .find(|t| ndr_dnsbl::applies(list, t.family()))?;
                Some(ByHand {
                    name: list.name.to_string(),
                    zone: list.zone.to_string(),
                    lookup_url: list.lookup_url_for(&target.to_string()),
                })
            })
            .collect();
        let rows: Vec<Row> = plan
            .targets
            .iter()
            .flat_map(|target| {
                plan.lists
                    .iter()
                    .filter(|list| list.access != ndr_dnsbl::Access::KeyOnly)
                    .filter(|list| ndr_dnsbl::applies(list, target.family()))
                    .map(move |list| Row {
                        target: target.to_string(),
                        zone: list.zone.to_string(),
                        name: list.name.to_string(),
                        lookup_url: Some(list.lookup_url_for(&target.to_string())),
                        state: RowState::Pending,
                    })
            })
            .collect();
        let running = !rows.is_empty() || plan.closed.is_some();
        self.lookups = Lookups {
            ip,
            skip: ip_skip,
            rows,
            running,
            named_zone: d.list_zone.clone(),
            by_hand,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndr_core::Reason;

    fn diagnosis(ip: Option<&str>, scope: Option<IpScope>) -> Rc<Diagnosis> {
        Rc::new(Diagnosis {
            reason: Reason::Blocked,
            blocked_ip: ip.map(str::to_string),
            blocked_ip_scope: scope,
            ..Diagnosis::default()
        })
    }

    fn answered(row: &Row, state: RowState) -> Row {
        Row {
            state,
            ..row.clone()
        }
    }

    /// Pastes `text`, then finishes `diagnose` with `d`; returns the state.
    fn diagnosed(text: &str, d: Rc<Diagnosis>) -> State {
        let mut s = State::default();
        s.reduce(Action::Paste(text.to_string()));
        assert!(s.working());
        let run = s.run;
        s.reduce(Action::Diagnosed { run, diagnosis: d });
        s
    }

    #[test]
    fn severity_follows_the_smtp_class() {
        let d = |smtp: Option<&str>, enhanced: Option<&str>, hard| Diagnosis {
            smtp_code: smtp.map(str::to_string),
            enhanced_code: enhanced.map(str::to_string),
            hard_bounce: hard,
            ..Diagnosis::default()
        };
        assert_eq!(
            severity(&d(Some("554"), Some("5.7.1"), false)),
            Some(Severity::Permanent)
        );
        assert_eq!(
            severity(&d(Some("451"), None, true)),
            Some(Severity::Temporary)
        );
        assert_eq!(
            severity(&d(None, Some("4.7.0"), true)),
            Some(Severity::Temporary)
        );
        assert_eq!(severity(&d(None, None, true)), Some(Severity::Permanent));
        // Nothing says the mail is being retried: no claim either way.
        assert_eq!(severity(&d(None, None, false)), None);
        let expired = Diagnosis {
            reason: ndr_core::Reason::Expired,
            ..d(Some("451"), Some("4.4.7"), false)
        };
        assert_eq!(severity(&expired), Some(Severity::GaveUp));
        // The same reason in a delay warning: still being retried, not given up.
        let recipient = |action: &str| ndr_core::Recipient {
            action: action.into(),
            ..ndr_core::Recipient::default()
        };
        let warning = Diagnosis {
            recipients: vec![recipient("delayed"), recipient("Delayed")],
            ..expired.clone()
        };
        assert_eq!(severity(&warning), Some(Severity::Temporary));
        let mixed = Diagnosis {
            recipients: vec![recipient("delayed"), recipient("failed")],
            ..expired.clone()
        };
        assert_eq!(severity(&mixed), Some(Severity::GaveUp));
        // A 4xx whose recipient failed was given up on, not still retried (review 6, g15).
        let failed_4xx = Diagnosis {
            recipients: vec![ndr_core::Recipient {
                recipient: "a@example.com".into(),
                ..recipient("failed")
            }],
            ..d(Some("454"), Some("4.7.1"), false)
        };
        assert_eq!(severity(&failed_4xx), Some(Severity::GaveUp));
        // A bare pasted 4xx line names nobody: the core's default "failed" is no report that
        // anything gave up (review 7, M2: "450 4.2.2 Sorry. e-mail address box is full.").
        let bare_4xx = Diagnosis {
            recipients: vec![recipient("failed")],
            ..d(Some("450"), Some("4.2.2"), false)
        };
        assert_eq!(severity(&bare_4xx), Some(Severity::Temporary));
        // A report whose addresses were masked, with the server's own words that it stopped
        // (review 10, M6: Sendmail's "Message could not be delivered for 5 days").
        let masked = Diagnosis {
            recipients: vec![ndr_core::Recipient {
                diagnostic_text: "452 4.2.2 Over quota Message could not be delivered for 5 days"
                    .into(),
                ..recipient("failed")
            }],
            ..d(Some("452"), Some("4.2.2"), false)
        };
        assert_eq!(severity(&masked), Some(Severity::GaveUp));
        // With no recipient at all, a 4xx is still a delay.
        assert_eq!(
            severity(&d(Some("421"), Some("4.7.0"), false)),
            Some(Severity::Temporary)
        );
        // A program's send error keeps no queue, even when every recipient reads "delayed"
        // (review 6, h35) or the reply is permanent.
        let submission = ndr_core::Note {
            id: "refused_at_submission".into(),
            detail: String::new(),
        };
        for (code, action) in [("450", "delayed"), ("552", "failed")] {
            let program = Diagnosis {
                recipients: vec![recipient(action)],
                notes: vec![submission.clone()],
                ..d(Some(code), None, false)
            };
            assert_eq!(severity(&program), Some(Severity::NotSent), "{code}");
            assert_eq!(outcome(&program), Outcome::Failed, "{code}");
        }
        // A library's wording is the core's to read (its note `refused_at_submission`).
        let library = ndr_core::diagnose(
            b"Error: bad response on command 'RCPT': 450 4.2.0 <a@example.org>: Recipient address rejected: Greylisted, please try again later",
        );
        assert_eq!(severity(&library), Some(Severity::NotSent));
        let vacation = Diagnosis {
            reason: ndr_core::Reason::Vacation,
            ..d(None, None, false)
        };
        assert_eq!(severity(&vacation), None);
    }

    #[test]
    fn recipients_are_labelled_by_what_happened() {
        let with = |reason, code: Option<&str>, action: &str| Diagnosis {
            reason,
            smtp_code: code.map(str::to_string),
            recipients: vec![ndr_core::Recipient {
                recipient: "keiko@contoso.example".into(),
                action: action.into(),
                reason,
                ..ndr_core::Recipient::default()
            }],
            ..Diagnosis::default()
        };
        assert_eq!(
            outcome(&with(Reason::Vacation, None, "")),
            Outcome::NoFailure
        );
        assert_eq!(
            outcome(&with(Reason::Delivered, None, "delivered")),
            Outcome::NoFailure
        );
        assert_eq!(
            outcome(&with(Reason::Blocked, Some("421"), "delayed")),
            Outcome::Delayed
        );
        // Failed after a 4xx: given up on, not "still being retried" (review 6, M1).
        assert_eq!(
            outcome(&with(Reason::Blocked, Some("421"), "failed")),
            Outcome::Failed
        );
        assert_eq!(
            outcome(&with(Reason::Expired, None, "delayed")),
            Outcome::Delayed
        );
        assert_eq!(
            outcome(&with(Reason::UserUnknown, Some("550"), "failed")),
            Outcome::Failed
        );
        assert_eq!(
            outcome(&with(Reason::Expired, Some("451"), "failed")),
            Outcome::Failed
        );
    }

    #[test]
    fn routes_round_trip() {
        for (hash, route) in [
            ("", Route::Diagnose),
            ("#/", Route::Diagnose),
            ("#/codes", Route::Codes),
            ("#/code/S3150", Route::Code("S3150".into())),
            ("#/code/5.7.606", Route::Code("5.7.606".into())),
            ("#/code/AS(16012609)", Route::Code("AS(16012609)".into())),
            ("#/code/ERS-QIL", Route::Code("ERS-QIL".into())),
            ("#/code/", Route::Diagnose),
            ("#/nonsense", Route::Diagnose),
        ] {
            assert_eq!(Route::from_hash(hash), route, "{hash}");
        }
        let odd = Route::Code("550 5.7.1 ä/#".into());
        assert_eq!(Route::from_hash(&odd.to_hash()), odd);
        assert_eq!(percent_decode("%E3%81%82%zz%4"), "あ%zz%4");
    }

    #[test]
    fn paste_starts_a_run_and_result_lands() {
        let s = diagnosed("550 5.7.606 ...", diagnosis(None, None));
        assert!(!s.working());
        let a = s.analysis.as_ref().expect("analysis");
        assert_eq!(&*a.input, b"550 5.7.606 ...");
        assert_eq!(s.lookups.skip, Some(Skip::NoIp));
        assert!(!s.lookups.running);
    }

    #[test]
    fn only_outside_changes_write_the_box() {
        let mut s = State::default();
        s.reduce(Action::Edit("typed".into()));
        s.reduce(Action::Paste("pasted".into()));
        assert_eq!(
            s.text_rev, 0,
            "the box already shows what was typed or pasted"
        );
        s.reduce(Action::LoadSample("sample".into()));
        s.reduce(Action::Receive {
            text: "from the parent page".into(),
            by_visitor: true,
        });
        s.reduce(Action::LoadFile(b"file".to_vec()));
        s.reduce(Action::Clear);
        assert_eq!(s.text_rev, 4);
    }

    #[test]
    fn an_edit_after_a_result_marks_it_stale_until_diagnose() {
        let mut s = State::default();
        s.reduce(Action::Paste("pasted".into()));
        let run = s.run;
        s.reduce(Action::Diagnosed {
            run,
            diagnosis: Rc::new(Diagnosis::default()),
        });
        assert!(!s.result_is_stale());
        s.reduce(Action::Edit("pasted and edited".into()));
        assert!(s.result_is_stale());
        // Undoing the edit matches the result again.
        s.reduce(Action::Edit("pasted".into()));
        assert!(!s.result_is_stale());
        s.reduce(Action::Edit("edited".into()));
        s.reduce(Action::Diagnose);
        assert!(!s.result_is_stale(), "working, not stale");
        let run = s.run;
        s.reduce(Action::Diagnosed {
            run,
            diagnosis: Rc::new(Diagnosis::default()),
        });
        assert!(!s.result_is_stale());
    }

    #[test]
    fn a_retry_after_is_read_from_the_rows_detail() {
        assert_eq!(
            retry_after_of("dns.google: HTTP 429, Retry-After 30"),
            Some(30)
        );
        assert_eq!(
            retry_after_of("a: HTTP 429, Retry-After 5; b: HTTP 429, Retry-After 9"),
            Some(5)
        );
        assert_eq!(retry_after_of("dns.google: HTTP 429"), None);
        assert_eq!(retry_after_of("Retry-After x"), None);
    }

    #[test]
    fn empty_and_blank_input_is_a_problem_not_a_run() {
        let mut s = State::default();
        s.reduce(Action::Edit("  \n\t ".into()));
        s.reduce(Action::Diagnose);
        assert_eq!(s.problem, Some(InputProblem::Empty));
        assert!(!s.working());
        s.reduce(Action::Edit("x".into()));
        assert_eq!(s.problem, None);
    }

    #[test]
    fn too_large_input_is_refused_with_its_size() {
        let mut s = State::default();
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        s.reduce(Action::Paste(big));
        assert_eq!(s.problem, Some(InputProblem::TooLarge(MAX_INPUT_BYTES + 1)));
        assert!(!s.working());
        let mut s = State::default();
        s.reduce(Action::LoadFile(vec![b'a'; MAX_INPUT_BYTES + 2]));
        assert_eq!(s.problem, Some(InputProblem::TooLarge(MAX_INPUT_BYTES + 2)));
        s.reduce(Action::Paste("a".repeat(MAX_INPUT_BYTES)));
        assert!(s.working(), "exactly the limit is accepted");
    }

    #[test]
    fn file_bytes_are_diagnosed_and_shown_as_the_core_reads_them() {
        let mut s = State::default();
        let bytes = b"Subject: \x1b$B$3\x1b(B\r\n\xff".to_vec();
        s.reduce(Action::LoadFile(bytes.clone()));
        assert_eq!(s.pending.as_deref(), Some(&bytes[..]));
        // Not UTF-8 and not any Japanese charset that reads cleanly: the core's last resort.
        let mut s = State::default();
        s.reduce(Action::LoadFile(b"Subject: caf\xe9\r\n".to_vec()));
        assert_eq!(&*s.text, "Subject: caf\u{e9}\r\n");
        assert_eq!(s.pending_charset, "windows-1252");
        let run = s.run;
        s.reduce(Action::Diagnosed {
            run,
            diagnosis: Rc::new(Diagnosis::default()),
        });
        assert_eq!(s.analysis.as_ref().map(|a| a.charset), Some("windows-1252"));
        // Editing the box afterwards diagnoses the edited text instead, as UTF-8.
        s.reduce(Action::Edit("edited".into()));
        s.reduce(Action::Diagnose);
        assert_eq!(s.pending.as_deref(), Some(&b"edited"[..]));
        assert_eq!(s.pending_charset, "utf-8");
    }

    #[test]
    fn an_outlook_file_is_shown_and_diagnosed_as_its_text() {
        let msg = include_bytes!("../../ndr-core/tests/outlook_msg/exchange-ndr.msg");
        let mut s = State::default();
        s.reduce(Action::LoadFile(msg.to_vec()));
        assert!(s.from_outlook);
        assert!(
            s.file.is_none(),
            "the text, not the file's bytes, is diagnosed"
        );
        assert!(s.text.contains("Remote Server returned '550 5.7.606"));
        assert_eq!(s.pending.as_deref(), Some(s.text.as_bytes()));
        assert_eq!(s.pending_charset, "utf-8");
        let rev = s.text_rev;
        // Another input is no longer from Outlook.
        s.reduce(Action::Paste("550 5.1.1 user unknown".into()));
        assert!(!s.from_outlook);
        assert_eq!(s.text_rev, rev);
        // A Compound File without a message (an old Word file): said, not shown.
        let mut doc = msg[..512].to_vec();
        doc.resize(2048, 0);
        let mut s = State::default();
        s.reduce(Action::LoadFile(doc));
        assert_eq!(s.problem, Some(InputProblem::NotMail("outlook")));
        assert!(s.text.is_empty() && !s.working() && !s.from_outlook);
    }

    #[test]
    fn a_unicode_text_file_is_shown_and_diagnosed_as_its_text() {
        // Classic Outlook's "Save As" text: UTF-16LE with a byte order mark (and BE, rarer).
        let text = "Delivery has failed to these recipients or groups:\r\n\r\njiro@example.com\r\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let mut s = State::default();
            s.reduce(Action::LoadFile(bytes));
            assert_eq!(&*s.text, text);
            assert!(s.file.is_none() && !s.from_outlook && s.problem.is_none());
            assert_eq!(s.pending.as_deref(), Some(text.as_bytes()));
            assert_eq!(s.pending_charset, "utf-8");
            let d = crate::charsets::diagnose(text.as_bytes());
            assert_eq!(d.summary(), "550 5.1.1 userunknown - -");
            for e in &d.evidence {
                let (a, b) = e.span.expect("a span");
                assert_eq!(text.get(a..b), Some(e.text.as_str()), "{e:?}");
            }
        }
        // UTF-8 with a byte order mark: the mark is neither shown nor kept.
        let mut s = State::default();
        s.reduce(Action::LoadFile(
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ));
        assert_eq!(&*s.text, text);
        assert_eq!(s.pending.as_deref(), Some(text.as_bytes()));
        assert_eq!(s.pending_charset, "utf-8");
    }

    #[test]
    fn other_binary_files_are_named_not_shown_nor_diagnosed() {
        for (bytes, kind) in [
            (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "png"),
            (&b"%PDF-1.7\n%\xe2\xe3"[..], "pdf"),
            (&b"PK\x03\x04\x14\0\x06\0"[..], "zip"),
            (&[0u8, 1, 2, 3, 0, 0, 0, 9][..], "binary"),
        ] {
            let mut s = State::default();
            s.reduce(Action::Paste("kept".into()));
            let (run, rev) = (s.run, s.text_rev);
            s.reduce(Action::LoadFile(bytes.to_vec()));
            assert_eq!(s.problem, Some(InputProblem::NotMail(kind)));
            assert_eq!((&*s.text, s.run, s.text_rev), ("kept", run, rev), "{kind}");
        }
    }

    #[test]
    fn stale_results_are_dropped() {
        let mut s = State::default();
        s.reduce(Action::Paste("first".into()));
        let first = s.run;
        s.reduce(Action::Paste("second".into()));
        s.reduce(Action::Diagnosed {
            run: first,
            diagnosis: diagnosis(Some("1.2.3.4"), Some(IpScope::Public)),
        });
        assert!(
            s.analysis.is_none(),
            "result of the first paste must not land"
        );
        assert!(s.working());
    }

    #[test]
    fn documentation_and_private_ips_are_not_looked_up() {
        for scope in [
            IpScope::Documentation,
            IpScope::Private,
            IpScope::Loopback,
            IpScope::Reserved,
        ] {
            let s = diagnosed("x", diagnosis(Some("192.0.2.1"), Some(scope)));
            assert_eq!(s.lookups.skip, Some(Skip::Scope(scope)));
            assert!(s.lookups.rows.is_empty());
            assert!(!s.lookups.running);
        }
    }

    #[test]
    fn blocklists_are_asked_only_when_they_can_explain_the_bounce() {
        let with = |reason, zone: Option<&str>| Diagnosis {
            reason,
            sender_domain: Some("fabrikam-shop.jp".into()),
            list_zone: zone.map(str::to_string),
            ..Diagnosis::default()
        };
        // Nothing failed: no section, nothing asked.
        let s = diagnosed("x", Rc::new(with(Reason::Vacation, None)));
        assert_eq!(s.lookups, Lookups::default());
        // A failure no list explains: said so, nothing asked.
        for reason in [
            Reason::UserUnknown,
            Reason::MailboxFull,
            Reason::MesgTooBig,
            Reason::Expired,
        ] {
            let s = diagnosed("x", Rc::new(with(reason, None)));
            assert_eq!(s.lookups.skip, Some(Skip::NotAboutBlocking), "{reason:?}");
            assert!(
                s.lookups.rows.is_empty() && !s.lookups.running,
                "{reason:?}"
            );
        }
        // The bounce names a list, or the refusal is about blocking: the lists are asked.
        let s = diagnosed(
            "x",
            Rc::new(with(Reason::UserUnknown, Some("zen.spamhaus.org"))),
        );
        assert!(s.lookups.running);
        for reason in [Reason::Blocked, Reason::BadReputation, Reason::SpamDetected] {
            let s = diagnosed("x", Rc::new(with(reason, None)));
            assert!(
                s.lookups.running && !s.lookups.rows.is_empty(),
                "{reason:?}"
            );
        }
    }

    /// A PTR refusal names the sending IP without blocking it. See: second real-use review, U2.
    #[test]
    fn only_a_block_or_listing_calls_the_ip_blocked() {
        let with = |reason, zone: Option<&str>| Diagnosis {
            reason,
            blocked_ip: Some("2001:db8:3a00:12::25".into()),
            list_zone: zone.map(str::to_string),
            ..Diagnosis::default()
        };
        for reason in [Reason::RequirePtr, Reason::AuthFailure, Reason::Expired] {
            assert!(!ip_is_blocked(&with(reason, None)), "{reason:?}");
        }
        assert!(ip_is_blocked(&with(Reason::Blocked, None)));
        assert!(ip_is_blocked(&with(Reason::BadReputation, None)));
        assert!(ip_is_blocked(&with(
            Reason::SpamDetected,
            Some("zen.spamhaus.org")
        )));
        assert_ne!(
            crate::i18n::FACT_BLOCKED_IP.en,
            crate::i18n::FACT_SENDING_IP.en
        );
        assert!(!crate::i18n::FACT_SENDING_IP
            .en
            .to_lowercase()
            .contains("block"));
        assert!(!crate::i18n::FACT_SENDING_IP.ja.contains("ブロック"));
    }

    /// A Microsoft tenant limit, a security or policy refusal naming no list: the sender's
    /// domain is not asked, so no "could not check" row sits under "no IP blocklist is
    /// checked". See: second real-use review, U1.
    #[test]
    fn the_domain_lists_are_asked_only_when_a_list_or_reputation_is_in_question() {
        use ndr_core::Party;
        let bounce = |reason, party, text: &str| Diagnosis {
            reason,
            blocking_party: party,
            sender_domain: Some("fabrikam-shop.jp".into()),
            recipients: vec![ndr_core::Recipient {
                recipient: "someone@example.net".into(),
                reason,
                diagnostic_text: text.into(),
                ..ndr_core::Recipient::default()
            }],
            ..Diagnosis::default()
        };
        let unrelated = [
            bounce(
                Reason::Blocked,
                Some(Party::Microsoft),
                "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
            ),
            bounce(
                Reason::Rejected,
                Some(Party::Microsoft),
                "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.",
            ),
            bounce(
                Reason::SecurityError,
                None,
                "550 5.7.1 Message rejected by recipient's filter settings",
            ),
            bounce(
                Reason::PolicyViolation,
                None,
                "550 5.7.1 Message rejected due to local policy",
            ),
        ];
        for d in unrelated {
            assert!(
                !domain_lists_matter(&d),
                "{}",
                d.recipients[0].diagnostic_text
            );
            let s = diagnosed("x", Rc::new(d));
            assert_eq!(s.lookups.skip, Some(Skip::NoIp));
            assert!(s.lookups.rows.is_empty() && s.lookups.by_hand.is_empty());
            assert!(!s.lookups.running);
        }
        // With a public IP the IP lists are still asked, the domain is not.
        let mut d = bounce(Reason::PolicyViolation, None, "550 5.7.1 policy");
        d.blocked_ip = Some("93.184.216.34".into());
        d.blocked_ip_scope = Some(IpScope::Public);
        let s = diagnosed("x", Rc::new(d));
        assert!(s.lookups.running && !s.lookups.rows.is_empty());
        assert!(s.lookups.rows.iter().all(|r| r.target == "93.184.216.34"));
        // A list or the domain's reputation named in the text, or a list operator: asked.
        for d in [
            bounce(
                Reason::PolicyViolation,
                None,
                "554 5.7.1 Service unavailable; sender domain listed at dbl.example",
            ),
            bounce(
                Reason::Rejected,
                Some(Party::Gmail),
                "550 5.7.1 ... due to the very low reputation of the sending domain",
            ),
            bounce(Reason::Blocked, Some(Party::Spamhaus), "550 5.7.1 blocked"),
            bounce(Reason::Blocked, None, "550 blocked"),
        ] {
            let text = d.recipients[0].diagnostic_text.clone();
            let s = diagnosed("x", Rc::new(d));
            assert!(
                s.lookups
                    .rows
                    .iter()
                    .any(|r| r.target == "fabrikam-shop.jp"),
                "{text}"
            );
        }
    }

    /// Review h217, L3: a receiving server's own log of an IP-list refusal with the client's
    /// address masked asks no domain list about the refused client's envelope domain.
    #[test]
    fn a_receiving_logs_ip_list_refusal_asks_nothing_about_the_clients_domain() {
        let text = "Jul 25 10:00:00 mx postfix/smtpd[123]: NOQUEUE: reject: RCPT from mail.example.net[XXX.XXX.XXX.XXX]: 554 5.7.1 Service unavailable; Client host [XXX.XXX.XXX.XXX] blocked using sbl-xbl.spamhaus.org; https://www.spamhaus.org/query/ip/XXX.XXX.XXX.XXX; from=<test@example.net> to=<test@example.org> proto=ESMTP helo=<example.net>\n";
        let d = ndr_core::diagnose(text.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "inbound_refusal_log"),
            "{:?}",
            d.notes
        );
        assert_eq!(d.sender_domain.as_deref(), Some("example.net"));
        assert!(!domain_lists_matter(&d));
        assert_eq!(lookup_subject(&d).sender_domain, None);
    }

    /// The receiver's own Spamhaus query was refused (review h213, item 4): the core names no
    /// blocked address, and the sender's domain is not asked either, so no list is asked about
    /// anything, however public the client in the reply (Google's shared servers, here).
    #[test]
    fn a_refused_list_query_of_the_receivers_asks_no_list() {
        let text = "<kenta@example.org>: host mx.example.org[192.0.2.4] said: 554 5.7.1 Service unavailable; Client host [209.85.161.48] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/8.8.4.4/ (in reply to RCPT TO command)\n";
        let mut d = ndr_core::diagnose(text.as_bytes());
        assert!(d.notes.iter().any(|n| n.id == "receiver_resolver_refused"));
        assert_eq!(d.blocked_ip, None);
        // As a whole bounce with the returned message's header gives it.
        d.sender_domain = Some("fabrikam-shop.jp".into());
        assert!(!domain_lists_matter(&d));
        let s = diagnosed(text, Rc::new(d));
        assert_eq!(s.lookups.skip, Some(Skip::NoIp));
        assert!(s.lookups.rows.is_empty() && !s.lookups.running);
    }

    #[test]
    fn lists_that_need_a_key_are_a_by_hand_line_not_rows() {
        let d = Diagnosis {
            reason: Reason::Blocked,
            blocked_ip: Some("93.184.216.34".into()),
            sender_domain: Some("fabrikam-shop.jp".into()),
            ..Diagnosis::default()
        };
        let mut s = diagnosed("x", Rc::new(d));
        let keyed: Vec<&str> =
            ndr_dnsbl::Plan::for_diagnosis(s.analysis.as_ref().map(|a| &*a.diagnosis).unwrap())
                .lists
                .iter()
                .filter(|l| l.access == ndr_dnsbl::Access::KeyOnly)
                .map(|l| l.zone)
                .collect();
        assert!(!keyed.is_empty(), "the default plan has key-only lists");
        assert!(s
            .lookups
            .rows
            .iter()
            .all(|r| !keyed.contains(&r.zone.as_str())));
        let by_hand: Vec<&str> = s.lookups.by_hand.iter().map(|b| b.zone.as_str()).collect();
        assert_eq!(by_hand, keyed);
        assert!(s
            .lookups
            .by_hand
            .iter()
            .all(|b| b.lookup_url.starts_with("https://")));
        // The session's own "needs a key" answer does not bring the row back.
        let before = s.lookups.rows.len();
        let run = s.run;
        s.reduce(Action::LookupResult {
            run,
            row: Row {
                target: "93.184.216.34".into(),
                zone: keyed[0].to_string(),
                name: "x".into(),
                lookup_url: None,
                state: failed("key_required"),
            },
        });
        assert_eq!(s.lookups.rows.len(), before);
    }

    #[test]
    fn a_sender_domain_is_looked_up_even_when_the_ip_is_not() {
        let d = Diagnosis {
            sender_domain: Some("northwind-trading.jp".into()),
            ..(*diagnosis(Some("192.0.2.1"), Some(IpScope::Documentation))).clone()
        };
        let s = diagnosed("x", Rc::new(d));
        assert_eq!(s.lookups.skip, Some(Skip::Scope(IpScope::Documentation)));
        assert!(s.lookups.running);
        assert!(!s.lookups.rows.is_empty());
        assert!(s
            .lookups
            .rows
            .iter()
            .all(|r| r.target == "northwind-trading.jp"));
    }

    /// Reserved names (RFC 2606 / 6761) are on no list: the page does not send them to DNS.
    #[test]
    fn a_reserved_sender_domain_is_not_looked_up() {
        for domain in ["fabrikam.example", "example.net", "shop.test"] {
            let d = Diagnosis {
                sender_domain: Some(domain.into()),
                ..(*diagnosis(Some("192.0.2.1"), Some(IpScope::Documentation))).clone()
            };
            let s = diagnosed("x", Rc::new(d));
            assert!(!s.lookups.running, "{domain}");
            assert!(s.lookups.rows.is_empty(), "{domain}");
        }
    }

    #[test]
    fn public_ip_runs_lookups_and_rows_fill_in() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        assert!(s.lookups.running);
        assert_eq!(s.lookups.skip, None);
        let rows = s.lookups.rows.clone();
        assert!(
            rows.len() >= 2,
            "the default lists apply to an IPv4 address"
        );
        assert!(rows
            .iter()
            .all(|r| r.state == RowState::Pending && r.target == "8.8.4.4"));
        let run = s.run;
        s.reduce(Action::Asked {
            run,
            asked: Asked {
                resolver: "r".into(),
                name: "4.4.8.8.a.example A".into(),
            },
        });
        s.reduce(Action::LookupResult {
            run,
            row: answered(
                &rows[0],
                RowState::Listed {
                    meaning: None,
                    txt: Some("spam".into()),
                    codes: vec!["127.0.0.2".into()],
                },
            ),
        });
        assert_eq!(s.lookups.settled(), 1);
        assert_eq!(s.asked.len(), 1);
        assert_eq!(
            s.lookups.listed(),
            vec![(rows[0].zone.clone(), "127.0.0.2".to_string())]
        );
        s.reduce(Action::LookupsDone { run });
        assert!(!s.lookups.running);
        // A row that never got an answer is "could not check", never "not listed".
        assert!(s.lookups.rows[1..]
            .iter()
            .all(|r| matches!(r.state, RowState::Unavailable { .. })));
    }

    #[test]
    fn a_resolver_that_answers_nothing_is_noticed() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = s.run;
        let rows = s.lookups.rows.clone();
        for (i, r) in rows.iter().enumerate() {
            let why = if i == 0 { "key_required" } else { "servfail" };
            s.reduce(Action::LookupResult {
                run,
                row: answered(
                    r,
                    RowState::Unavailable {
                        why: why.into(),
                        detail: String::new(),
                    },
                ),
            });
        }
        assert!(
            !s.lookups.resolver_seems_down(),
            "not before the session ends"
        );
        s.reduce(Action::LookupsDone { run });
        assert!(s.lookups.resolver_seems_down());
        let mut t = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = t.run;
        let first = t.lookups.rows[0].clone();
        t.reduce(Action::LookupResult {
            run,
            row: answered(&first, RowState::NotListed { note: None }),
        });
        t.reduce(Action::LookupsDone { run });
        assert!(
            !t.lookups.resolver_seems_down(),
            "one clean answer means the resolver works"
        );
    }

    #[test]
    fn unplanned_rows_go_first() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = s.run;
        let closed = Row {
            target: "8.8.4.4".into(),
            zone: "dnsbl.sorbs.net".into(),
            name: "SORBS".into(),
            lookup_url: None,
            state: RowState::Unavailable {
                why: "closed_list".into(),
                detail: String::new(),
            },
        };
        s.reduce(Action::LookupResult {
            run,
            row: closed.clone(),
        });
        assert_eq!(s.lookups.rows[0], closed);
    }

    #[test]
    fn turning_lookups_off_stops_them_and_drops_late_answers() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = s.run;
        let first = s.lookups.rows[0].clone();
        s.reduce(Action::SetLookups(false));
        assert_eq!(s.lookups.skip, Some(Skip::Off));
        assert!(!s.lookups.running);
        s.reduce(Action::Asked {
            run,
            asked: Asked {
                resolver: "r".into(),
                name: "n".into(),
            },
        });
        s.reduce(Action::LookupResult {
            run,
            row: answered(&first, RowState::NotListed { note: None }),
        });
        assert!(s.asked.is_empty());
        assert!(s.lookups.rows.is_empty());
        // On again: a new run is planned.
        s.reduce(Action::SetLookups(true));
        assert!(s.lookups.running);
        assert!(s.run > run);
    }

    #[test]
    fn changing_resolver_asks_again() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = s.run;
        s.reduce(Action::LookupsDone { run });
        s.reduce(Action::SetResolver("cloudflare".into()));
        assert_eq!(s.settings.resolver.id, "cloudflare");
        assert!(s.lookups.running);
        assert!(s.run > run);
        s.reduce(Action::SetResolver("unknown".into()));
        assert_eq!(
            s.settings.resolver.id, "google",
            "unknown ids fall back to the default"
        );
    }

    /// Answers every row of `s` with `state_of(index)` and ends the session.
    fn answer_all(s: &mut State, state_of: impl Fn(usize) -> RowState) {
        let run = s.run;
        let rows = s.lookups.rows.clone();
        for (i, r) in rows.iter().enumerate() {
            s.reduce(Action::LookupResult {
                run,
                row: answered(r, state_of(i)),
            });
        }
        s.reduce(Action::LookupsDone { run });
    }

    fn failed(why: &str) -> RowState {
        RowState::Unavailable {
            why: why.into(),
            detail: "dns.google: HTTP 500".into(),
        }
    }

    fn blocked_on(zone: &str) -> Rc<Diagnosis> {
        Rc::new(Diagnosis {
            reason: Reason::Blocked,
            blocked_ip: Some("8.8.4.4".into()),
            blocked_ip_scope: Some(IpScope::Public),
            list_zone: Some(zone.into()),
            ..Diagnosis::default()
        })
    }

    #[test]
    fn all_failed_when_every_row_could_not_be_checked() {
        let mut s = diagnosed("x", blocked_on("XBL.ZEN.SPAMHAUS.ORG."));
        assert!(s.lookups.rows.len() > 2);
        // Key-only lists are not rows (they sit in the "check by hand" line): the shared
        // reason is the resolver's.
        assert!(!s.lookups.by_hand.is_empty());
        answer_all(&mut s, |_| failed("http_error"));
        let all = s.lookups.all_failed().expect("every row failed");
        assert_eq!(all.why.as_deref(), Some("http_error"));
        assert_eq!(all.rows, s.lookups.rows.len());
        let (name, url) = all.named.expect("the bounce names Spamhaus ZEN");
        assert_eq!(name, "Spamhaus ZEN");
        assert!(url.contains("8.8.4.4"), "{url}");
        assert!(s.lookups.resolver_seems_down());
    }

    /// Review h206, 2: a resolver that limited the questions asks to try again; "Check again"
    /// asks the same lists through the same resolver, for the same diagnosis.
    #[test]
    fn look_up_again_asks_the_same_lists_again() {
        let mut s = diagnosed("x", blocked_on("zen.spamhaus.org"));
        let rows = s.lookups.rows.len();
        answer_all(&mut s, |_| RowState::Unavailable {
            why: "rate_limited".into(),
            detail: "dns.google: HTTP 429, Retry-After 30".into(),
        });
        assert_eq!(s.lookups.all_failed().and_then(|a| a.retry_after), Some(30));
        let (run, analysis, resolver) = (s.run, s.analysis.clone(), s.settings.resolver);
        s.reduce(Action::LookUpAgain);
        assert_eq!(
            s.run,
            run + 1,
            "a new run, so the old session's answers are dropped"
        );
        assert!(s.lookups.running);
        assert_eq!(s.lookups.rows.len(), rows);
        assert!(s.lookups.rows.iter().all(|r| r.state == RowState::Pending));
        assert_eq!(
            s.analysis, analysis,
            "the same diagnosis: focus stays where it is"
        );
        assert_eq!(s.settings.resolver, resolver);
        // Nothing to ask again without a result.
        let mut empty = State::default();
        empty.reduce(Action::LookUpAgain);
        assert_eq!(empty, State::default());
    }

    /// Review h206, H1: only a diagnosis the visitor asked for moves focus and the view to the
    /// verdict; a parent page's hand-over at load does not.
    #[test]
    fn a_hand_over_at_load_is_not_the_visitors_request() {
        fn land(s: &mut State, action: Action) -> bool {
            s.reduce(action);
            let run = s.run;
            s.reduce(Action::Diagnosed {
                run,
                diagnosis: Rc::new(Diagnosis::default()),
            });
            s.analysis.as_ref().expect("a result").by_visitor
        }
        let receive = |by_visitor| Action::Receive {
            text: "550 5.7.1 refused".into(),
            by_visitor,
        };
        let mut s = State::default();
        assert!(!land(&mut s, receive(false)));
        assert!(land(&mut s, receive(true)));
        assert!(!land(&mut s, receive(false)));
        // The same text diagnosed again by the visitor's click is theirs.
        assert!(land(&mut s, Action::Diagnose));
        assert!(land(&mut s, Action::Paste("550 5.7.1 pasted".into())));
        assert!(land(&mut s, Action::LoadSample("550 5.7.1 sample".into())));
        assert!(land(&mut s, Action::LoadFile(b"550 5.7.1 file".to_vec())));
        // A hand-over while a visitor's diagnosis is working takes its place, unasked.
        s.reduce(Action::Diagnose);
        assert!(!land(&mut s, receive(false)));
    }

    #[test]
    fn all_failed_with_mixed_reasons_has_no_common_reason() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        answer_all(&mut s, |i| {
            failed(if i % 2 == 0 { "timeout" } else { "network" })
        });
        let all = s.lookups.all_failed().expect("every row failed");
        assert_eq!(all.why, None);
        assert_eq!(all.named, None, "the bounce names no list");
    }

    #[test]
    fn one_listed_row_is_not_all_failed() {
        let mut s = diagnosed("x", blocked_on("zen.spamhaus.org"));
        answer_all(&mut s, |i| {
            if i == 3 {
                RowState::Listed {
                    meaning: None,
                    txt: None,
                    codes: vec!["127.0.0.2".into()],
                }
            } else {
                failed("http_error")
            }
        });
        assert_eq!(s.lookups.all_failed(), None);
    }

    #[test]
    fn one_not_listed_row_is_not_all_failed() {
        let mut s = diagnosed("x", blocked_on("zen.spamhaus.org"));
        let last = s.lookups.rows.len() - 1;
        answer_all(&mut s, |i| {
            if i == last {
                RowState::NotListed { note: None }
            } else {
                failed("http_error")
            }
        });
        assert_eq!(s.lookups.all_failed(), None);
    }

    #[test]
    fn not_all_failed_while_still_running_or_when_nothing_was_asked() {
        let mut s = diagnosed("x", blocked_on("zen.spamhaus.org"));
        let run = s.run;
        let rows = s.lookups.rows.clone();
        for r in &rows {
            s.reduce(Action::LookupResult {
                run,
                row: answered(r, failed("http_error")),
            });
        }
        assert!(s.lookups.running);
        assert_eq!(s.lookups.all_failed(), None, "not before the session ends");
        // Never-asked lists are no rows at all, so they cannot make a failing resolver.
        let t = diagnosed("x", blocked_on("zen.spamhaus.org"));
        assert!(t
            .lookups
            .rows
            .iter()
            .all(|r| !t.lookups.by_hand.iter().any(|b| b.zone == r.zone)));
    }

    #[test]
    fn named_zones_match_the_list_or_names_under_it() {
        assert!(zone_matches("zen.spamhaus.org", "zen.spamhaus.org"));
        assert!(zone_matches("xbl.zen.spamhaus.org", "zen.spamhaus.org"));
        assert!(zone_matches("spamhaus.org", "zen.spamhaus.org"));
        assert!(!zone_matches("dbl.spamhaus.org", "zen.spamhaus.org"));
        assert!(!zone_matches("nzen.spamhaus.org", "zen.spamhaus.org"));
        assert!(!zone_matches("", "zen.spamhaus.org"));
    }

    #[test]
    fn language_switch_keeps_the_result() {
        let mut s = diagnosed("x", diagnosis(None, None));
        let before = s.analysis.clone();
        s.reduce(Action::SetLang(Lang::Ja));
        assert_eq!(s.lang, Lang::Ja);
        assert_eq!(s.analysis, before);
    }

    #[test]
    fn texts_load_per_language_and_a_failed_one_is_retried_when_chosen_again() {
        let mut s = State::new(Lang::Ja, Route::Diagnose, Settings::default());
        assert_eq!(
            (s.texts(Lang::Ja), s.texts(Lang::En)),
            (Texts::Loading, Texts::Loading)
        );
        s.reduce(Action::TextsLoaded(Lang::Ja, true));
        assert_eq!(s.texts(Lang::Ja), Texts::Ready);
        s.reduce(Action::SetLang(Lang::En));
        s.reduce(Action::TextsLoaded(Lang::En, false));
        assert_eq!(
            (s.texts(Lang::Ja), s.texts(Lang::En)),
            (Texts::Ready, Texts::Failed)
        );
        s.reduce(Action::SetLang(Lang::Ja));
        assert_eq!(s.texts(Lang::En), Texts::Failed);
        s.reduce(Action::SetLang(Lang::En));
        assert_eq!(s.texts(Lang::En), Texts::Loading);
        // Ready stays ready: switching back needs no second fetch.
        s.reduce(Action::SetLang(Lang::Ja));
        assert_eq!(s.texts(Lang::Ja), Texts::Ready);
    }

    #[test]
    fn clear_forgets_everything_but_settings_and_the_privacy_log() {
        let mut s = diagnosed("x", diagnosis(Some("8.8.4.4"), Some(IpScope::Public)));
        let run = s.run;
        s.reduce(Action::Asked {
            run,
            asked: Asked {
                resolver: "r".into(),
                name: "n".into(),
            },
        });
        s.reduce(Action::Clear);
        assert!(s.analysis.is_none());
        assert!(s.text.is_empty());
        assert_eq!(s.asked.len(), 1, "what was sent stays visible");
        let stale = Row {
            target: "8.8.4.4".into(),
            zone: "a".into(),
            name: "a".into(),
            lookup_url: None,
            state: RowState::NotListed { note: None },
        };
        s.reduce(Action::LookupResult { run, row: stale });
        assert!(s.lookups.rows.is_empty());
    }

    #[test]
    fn the_code_search_is_kept_on_the_list_and_emptied_when_leaving_it() {
        let mut s = State::new(Lang::En, Route::Codes, Settings::default());
        s.reduce(Action::CodeQuery("5.7.1".into()));
        s.reduce(Action::Navigate(Route::Codes));
        assert_eq!(s.code_query, "5.7.1");
        s.reduce(Action::Navigate(Route::Code("5.7.1".into())));
        assert_eq!(s.code_query, "");
    }

    #[test]
    fn a_skip_is_named_as_debug_names_it() {
        let scopes = [
            IpScope::Public,
            IpScope::Private,
            IpScope::Loopback,
            IpScope::Documentation,
            IpScope::Reserved,
        ];
        let skips = [Skip::Off, Skip::NoIp, Skip::NotAboutBlocking]
            .into_iter()
            .chain(scopes.into_iter().map(Skip::Scope));
        for skip in skips {
            assert_eq!(skip.name(), format!("{skip:?}"));
        }
    }
}
