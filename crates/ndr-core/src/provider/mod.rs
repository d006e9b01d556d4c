//! Provider and blocklist knowledge: who blocked, their codes, the blocked IP, the list zone.
//!
//! Called by `diagnose` after the structural pass has filled `recipients`, the codes and
//! the remote host; refines the `Diagnosis` from the provider's own wording.
//!
//! The knowledge is data: one file per party, each an ordered `const` table of rules with
//! the provider's message quoted above every rule. `PARTIES` orders the tables; the first
//! rule that matches wins, so the receiver's own misconfiguration is recognised before any
//! listing, providers' exact codes before generic blocklist wording.

mod codes;
mod hay;

mod abusix;
mod att;
mod au;
mod backscatterer;
mod barracuda;
mod cisco;
mod closed_list;
mod cloudmark;
mod comcast;
mod docomo;
mod gmail;
mod gmx;
mod icloud;
mod mailspike;
mod microsoft;
mod mimecast;
mod netease;
mod outlook_com;
mod proofpoint;
mod psbl;
mod softbank;
mod spamcop;
mod spamhaus;
mod spamrats;
mod t_online;
mod trendmicro;
mod uceprotect;
mod vade;
mod yahoo;

use std::net::IpAddr;
use std::ops::Range;
use std::sync::OnceLock;

use crate::evidence::{self, Spans};
use crate::ip::{self, Role};
use crate::matcher::PatternSet;
use crate::text::find_ci;
use crate::{Diagnosis, Note, Party, Reason};
use codes::Code;
use hay::{status_len, Hay};

/// One piece of provider knowledge: when its conditions hold, what it concludes.
///
/// Conditions: `code` (a provider code in the reply), `text` (lowercase fragments that
/// appear in this order, whitespace collapsed, within one reply), `status` (the enhanced
/// code of that reply: `"5.7.26"` exactly, `"5.7.606-649"` for a range of the last part,
/// `"4.7.26|5.7.26"` for either), `at_host` (the rejecting host or the recipient's domain
/// is the party's) and `after_data` (the reply answered the message data, not an address).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) party: Option<Party>,
    pub(crate) status: &'static str,
    pub(crate) code: Option<&'static str>,
    pub(crate) text: &'static [&'static str],
    pub(crate) at_host: bool,
    pub(crate) after_data: bool,
    pub(crate) reason: Option<Reason>,
    /// The structural reasons `reason` replaces; empty for any. Some wordings are decisive only
    /// against a reason that is wrong for them (an "unknown user" that is really a filter).
    /// For a rule without a `reason` (one that names its party only): the reasons under which
    /// it names the party, empty for any.
    pub(crate) over: &'static [Reason],
    pub(crate) note: Option<&'static str>,
}

impl Rule {
    /// A rule whose conclusion names `party` as the one who blocked.
    pub(crate) const fn by(party: Party) -> Rule {
        Rule {
            party: Some(party),
            status: "",
            code: None,
            text: &[],
            at_host: false,
            after_data: false,
            reason: None,
            over: &[],
            note: None,
        }
    }

    /// A rule that refines the reason only; nobody is named as having blocked.
    pub(crate) const fn nobody() -> Rule {
        Rule {
            party: None,
            ..Rule::by(Party::RecipientOrg)
        }
    }

    pub(crate) const fn text(self, text: &'static [&'static str]) -> Rule {
        Rule { text, ..self }
    }

    pub(crate) const fn code(self, code: &'static str) -> Rule {
        Rule {
            code: Some(code),
            ..self
        }
    }

    pub(crate) const fn status(self, status: &'static str) -> Rule {
        Rule { status, ..self }
    }

    pub(crate) const fn at_host(self) -> Rule {
        Rule {
            at_host: true,
            ..self
        }
    }

    pub(crate) const fn after_data(self) -> Rule {
        Rule {
            after_data: true,
            ..self
        }
    }

    pub(crate) const fn over(self, over: &'static [Reason]) -> Rule {
        Rule { over, ..self }
    }

    /// The reason this rule gives a reply the structural pass read as `current`, if it changes it.
    fn refined(&self, current: Reason) -> Option<Reason> {
        // A feedback report, an auto-reply or a delivery report is no rejection: a list or a
        // provider it names (an abuse desk signing its complaint) does not make it one.
        if matches!(
            current,
            Reason::Feedback | Reason::Vacation | Reason::Delivered
        ) {
            return None;
        }
        // `onhold` (words nobody could read) says no more than `undefined`: a rule that fills
        // a missing reason fills that one too.
        let missing = current == Reason::OnHold && self.over.contains(&Reason::Undefined);
        self.reason
            .filter(|_| self.over.is_empty() || self.over.contains(&current) || missing)
    }

    pub(crate) const fn reason(self, reason: Reason) -> Rule {
        Rule {
            reason: Some(reason),
            ..self
        }
    }

    pub(crate) const fn note(self, note: &'static str) -> Rule {
        Rule {
            note: Some(note),
            ..self
        }
    }
}

/// One party's knowledge.
pub(crate) struct Table {
    /// The file the table lives in, which is also its fixtures' prefix in `test_data/bounces`.
    pub(crate) name: &'static str,
    /// Host names (`.suffix` for a domain and its subdomains, else exact) of the party's
    /// receiving servers and mailbox domains, for rules that only hold there.
    pub(crate) hosts: &'static [&'static str],
    /// DNSBL zones the party runs (or ran), and who to name when one is cited.
    pub(crate) zones: &'static [&'static str],
    pub(crate) zone_party: Option<Party>,
    /// Wordings that name one of the zones without writing it (`UCEPROTECT-LEVEL 1`), lowercase.
    pub(crate) zone_names: &'static [(&'static str, &'static str)],
    /// Ordered: the first rule that matches wins.
    pub(crate) rules: &'static [Rule],
}

/// Order matters: the receiver's own misconfiguration first (it is not a listing), then the
/// providers with their exact codes, then closed lists (their answers mean nothing), then
/// the generic blocklist wording.
pub(crate) const PARTIES: &[&Table] = &[
    &spamhaus::RECEIVER_TRAPS,
    &outlook_com::TABLE,
    &microsoft::TABLE,
    &gmail::TABLE,
    &yahoo::TABLE,
    &icloud::TABLE,
    &docomo::TABLE,
    &au::TABLE,
    &softbank::TABLE,
    &gmx::TABLE,
    &t_online::TABLE,
    &comcast::TABLE,
    &att::TABLE,
    &netease::TABLE,
    &vade::TABLE,
    &trendmicro::TABLE,
    &proofpoint::TABLE,
    &mimecast::TABLE,
    &cisco::TABLE,
    &cloudmark::TABLE,
    &closed_list::TABLE,
    &spamhaus::TABLE,
    &spamcop::TABLE,
    &barracuda::TABLE,
    &uceprotect::TABLE,
    &backscatterer::TABLE,
    &psbl::TABLE,
    &mailspike::TABLE,
    &spamrats::TABLE,
    &abusix::TABLE,
];

/// The big mailbox providers, each with the table whose `hosts` name its receiving servers and
/// mailbox domains. Outlook.com before Microsoft 365: `.olc.protection.outlook.com` is under
/// `.protection.outlook.com`.
const MAILBOX_PROVIDERS: &[(Party, &Table)] = &[
    (Party::OutlookCom, &outlook_com::TABLE),
    (Party::Microsoft, &microsoft::TABLE),
    (Party::Gmail, &gmail::TABLE),
    (Party::Yahoo, &yahoo::TABLE),
    (Party::Icloud, &icloud::TABLE),
];

/// The big mailbox provider whose mail server `host` is (`gmail-smtp-in.l.google.com` is
/// Gmail's, `example-com.mail.protection.outlook.com` Microsoft 365's), by the providers' own
/// host tables; `None` for any other host. Case and a final dot do not matter.
pub fn mailbox_provider_of_host(host: &str) -> Option<Party> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    MAILBOX_PROVIDERS
        .iter()
        .find(|(_, table)| table.hosts.iter().any(|p| host_fits(&host, p)))
        .map(|(party, _)| *party)
}

/// Note ids this module writes (the app translates by id).
pub(crate) const NOTE_CLOSED_LIST: &str = "closed_list";
pub(crate) const NOTE_RESOLVER_REFUSED: &str = "receiver_resolver_refused";
/// A zone that merges several lists, so that the listing may be in any of them (detail: the
/// zone).
pub(crate) const NOTE_COMBINED_ZONE: &str = "combined_list_zone";
/// The zone lists domain names, not IP addresses (detail: the listed name, when the refusal
/// gives it).
pub(crate) const NOTE_DOMAIN_LISTED: &str = "domain_listed";

/// Zones that list domain names (found in a message's links, its sender address or the HELO
/// name), never IP addresses: a refusal citing one is about a name in the mail, not the sending
/// address. A keyed query name under one (`<key>.dbl.dq.spamhaus.net`) counts too.
/// Sources: Spamhaus DBL and ZRD, "domain" zones:
/// https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html ;
/// URIBL "lists domain names ... that appear in URIs" with the black, grey and red sub-lists:
/// https://uribl.com/about.shtml ; SURBL, "lists of web sites that have appeared in unsolicited
/// messages": https://www.surbl.org/ (knowledge file, sections 2.1 to 2.3).
const DOMAIN_ZONES: &[&str] = &[
    "dbl.spamhaus.org",
    "dbl.dq.spamhaus.net",
    "zrd.dq.spamhaus.net",
    "multi.uribl.com",
    "black.uribl.com",
    "grey.uribl.com",
    "red.uribl.com",
    "multi.surbl.org",
];

/// Whether `zone` is (or is under) a zone of domain names.
fn lists_domains(zone: &str) -> bool {
    DOMAIN_ZONES
        .iter()
        .any(|z| zone == *z || zone.strip_suffix(z).is_some_and(|head| head.ends_with('.')))
}

/// The name a domain list was asked about, as the refusal gives it before the zone: Postfix's
/// "Helo command [sendgrid.net] blocked using multi.uribl.com", "Sender address
/// [a@example.com] blocked using dbl.spamhaus.org" (the address's domain), from `smtpd_check.c`'s
/// "%s [%s] blocked using %s". Empty when the words before the zone name none.
fn listed_name(before: &str) -> String {
    let before = before.trim_end();
    let before = ZONE_PHRASES
        .iter()
        .find_map(|p| before.strip_suffix(p.trim_end()))
        .unwrap_or(before)
        .trim_end();
    let Some(inside) = before
        .strip_suffix(']')
        .and_then(|b| b.rsplit_once('['))
        .map(|(_, name)| name)
    else {
        return String::new();
    };
    let name = inside.rsplit_once('@').map_or(inside, |(_, d)| d);
    let name = name.trim().trim_end_matches('.');
    if is_domain(name) {
        name.to_string()
    } else {
        String::new()
    }
}

/// How far apart (in normalised bytes) the fragments of one rule may be: about one reply.
const REPLY_WINDOW: usize = 600;
/// How far before a match its reply's status is looked for.
const STATUS_WINDOW: usize = 400;

/// A rule that matched: which one, and where (normalised offsets), if in the text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    table: usize,
    rule: usize,
    at: Option<(usize, usize)>,
}

impl Hit {
    fn rule(&self) -> &'static Rule {
        &PARTIES[self.table].rules[self.rule]
    }
}

/// What a rule can look at besides the text.
struct Ctx<'a> {
    /// Enhanced codes the structural pass found for this reply (or the whole message).
    statuses: Vec<&'a str>,
    /// Rejecting hosts and recipient domains, lowercase: built by `make_hosts` when a rule
    /// that names hosts is first tried (most texts have none whose words are there).
    hosts: std::cell::OnceCell<Vec<String>>,
    make_hosts: &'a dyn Fn() -> Vec<String>,
    /// Whether the rejection answered the message data (`DATA` or end of data).
    after_data: bool,
}

impl Ctx<'_> {
    fn hosts(&self) -> &[String] {
        self.hosts.get_or_init(self.make_hosts)
    }
}

/// Every fixed string the provider pass looks for, with its id in one `PatternSet`, so that a
/// text is read once for all of them instead of once per string.
///
/// Ids are given in a fixed order, so they need no tables of their own: first every rule's
/// fragments (tables in `PARTIES` order, rules in order, fragments in order), then every
/// table's `zone_names`, then `RETURNED_MESSAGE`, `ZONE_PHRASES`, `HOST_MARKERS`,
/// `DATA_MARKERS` and `rhost::GOOGLE_MARKS`. A string that appears twice gets two ids, which costs nothing worth a table.
struct Index {
    set: PatternSet,
    longest: usize,
    /// Where each group of ids after the fragments starts.
    zone_names: u32,
    returned: Range<u32>,
    zone_phrases: u32,
    host_markers: u32,
    data_markers: u32,
    google_marks: u32,
    /// The last labels of all zones (`org`, `net`, ...).
    zone_tlds: Vec<&'static str>,
    /// Every rule in order (`PARTIES` order, then table order): its table, its place in the
    /// table and the ids of its fragments.
    rules: Vec<(usize, usize, Range<u32>)>,
    /// Per fragment id: the rule (its place in `rules`) the fragment belongs to.
    rule_of: Vec<u32>,
    /// The rules without fragments, which no string of the text rules out.
    textless: Vec<u32>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut patterns: Vec<&'static [u8]> = Vec::new();
        let mut rules = Vec::new();
        let mut rule_of = Vec::new();
        let mut textless = Vec::new();
        for (t, table) in PARTIES.iter().enumerate() {
            for (r, rule) in table.rules.iter().enumerate() {
                let n = rules.len() as u32;
                let start = patterns.len() as u32;
                patterns.extend(rule.text.iter().map(|f| f.as_bytes()));
                rule_of.extend(rule.text.iter().map(|_| n));
                if rule.text.is_empty() {
                    textless.push(n);
                }
                rules.push((t, r, start..patterns.len() as u32));
            }
        }
        let mut group = |list: &mut dyn Iterator<Item = &'static str>| {
            let start = patterns.len() as u32;
            patterns.extend(list.map(str::as_bytes));
            start
        };
        let zone_names = group(
            &mut PARTIES
                .iter()
                .flat_map(|t| t.zone_names.iter().map(|&(n, _)| n)),
        );
        let returned = group(&mut RETURNED_MESSAGE.iter().copied());
        let zone_phrases = group(&mut ZONE_PHRASES.iter().copied());
        let host_markers = group(&mut HOST_MARKERS.iter().copied());
        let data_markers = group(&mut DATA_MARKERS.iter().copied());
        let google_marks = group(&mut crate::rhost::GOOGLE_MARKS.iter().copied());
        let set = PatternSet::new(patterns);
        // A handful of labels: kept in a list without sorting (a sort would add its code to
        // the web page for nothing).
        let mut zone_tlds: Vec<&'static str> = Vec::new();
        for tld in PARTIES
            .iter()
            .flat_map(|t| t.zones.iter())
            .filter_map(|z| z.rsplit('.').next())
        {
            if !zone_tlds.contains(&tld) {
                zone_tlds.push(tld);
            }
        }
        Index {
            longest: set.longest(),
            set,
            zone_names,
            returned: returned..zone_phrases,
            zone_phrases,
            host_markers,
            data_markers,
            google_marks,
            zone_tlds,
            rules,
            rule_of,
            textless,
        }
    })
}

/// No occurrence.
const ABSENT: usize = usize::MAX;

/// How many new normalised bytes `Scan::new` lets pass before it looks for strings again.
const CHECK_EVERY: usize = 512;

/// A prepared text: normalised, with its provider codes, status positions and where each
/// string of the `Index` first occurs.
struct Scan {
    hay: Hay,
    /// The provider codes of `hay`, found when first asked for (`codes`): a recipient's own
    /// reply is seldom asked, as only rules that name a code, or a status, and hold every one
    /// of their strings look.
    codes: std::cell::OnceCell<Vec<Code>>,
    /// Normalised ranges of enhanced status codes, likewise (`statuses`).
    statuses: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// Per id of the `Index`: its first offset in `hay.norm`, or `ABSENT`.
    firsts: Vec<usize>,
    /// The ids whose `firsts` is not `ABSENT`, in the order they were found.
    found: Vec<u32>,
}

impl Scan {
    /// Normalises `text[start..]` up to the returned original message (see
    /// `RETURNED_MESSAGE`), which is never read, and finds the strings of the `Index` in the
    /// same pass.
    fn new(text: &str, start: usize) -> Scan {
        let idx = index();
        let mut firsts = vec![ABSENT; idx.set.len()];
        let mut found = Vec::new();
        // Starts before `decided` have been looked at with the whole of every string in view.
        let mut decided = 0;
        let hay = Hay::until(text, start, text.len(), |b, done| {
            // Every look re-reads the last `longest` bytes, so look at stretches of some length.
            if !done && b.len() < decided + idx.longest + CHECK_EVERY {
                return None;
            }
            let to = if done {
                b.len()
            } else {
                (b.len() + 1).saturating_sub(idx.longest)
            };
            let mut cut = None;
            idx.set.each_match(b, decided, to, &mut |id, at| {
                if idx.returned.contains(&id) {
                    cut = Some(at);
                    return false;
                }
                if let Some(f) = firsts.get_mut(id as usize) {
                    if *f == ABSENT {
                        *f = at;
                        found.push(id);
                    }
                }
                true
            });
            decided = decided.max(to);
            cut
        });
        // A string that ran into the cut is not in what was kept.
        let kept = hay.norm.len();
        found.retain(|&id| {
            let Some(f) = firsts.get_mut(id as usize) else {
                return false;
            };
            if *f + idx.set.pattern_len(id) > kept {
                *f = ABSENT;
                return false;
            }
            true
        });
        Scan {
            hay,
            codes: std::cell::OnceCell::new(),
            statuses: std::cell::OnceCell::new(),
            firsts,
            found,
        }
    }

    /// Every provider code in the text, in order (`codes::scan`).
    fn codes(&self) -> &[Code] {
        self.codes.get_or_init(|| codes::scan(&self.hay.norm))
    }

    /// Normalised ranges of enhanced status codes, in order (`find_statuses`).
    fn statuses(&self) -> &[(usize, usize)] {
        self.statuses.get_or_init(|| find_statuses(&self.hay.norm))
    }

    /// The first offset of string `id` of the `Index`, if it occurs.
    fn first(&self, id: u32) -> Option<usize> {
        self.firsts
            .get(id as usize)
            .copied()
            .filter(|&f| f != ABSENT)
    }

    fn status_at(&self, (s, e): (usize, usize)) -> &str {
        self.hay.norm.get(s..e).unwrap_or("")
    }
}

/// Enhanced status codes standing alone (`5.7.1`, `550-5.7.25`), in order.
fn find_statuses(norm: &str) -> Vec<(usize, usize)> {
    let b = norm.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut by_byte_until = 0;
    while i < b.len() {
        // Sixteen bytes without a `2`, `4` or `5` start no code: tested at once (most of a
        // report is words), and passed over; a block with one is read byte by byte.
        if crate::text::WIDE && i >= by_byte_until {
            if let Some(block) = b.get(i..).and_then(|r| r.first_chunk::<16>()) {
                let any = block.iter().fold(0u8, |any, &c| {
                    any | u8::from(c == b'2') | u8::from(c == b'4') | u8::from(c == b'5')
                });
                if any == 0 {
                    i += 16;
                    continue;
                }
                by_byte_until = i + 16;
            }
        }
        let starts = matches!(b[i], b'2' | b'4' | b'5')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if starts {
            let len = status_len(&norm[i..]);
            if len > 0 {
                out.push((i, i + len));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether `status` ("5.7.608") fits `pattern` ("5.7.606-649", "5.7.608" or "4.7.26|5.7.26").
fn status_fits(pattern: &str, status: &str) -> bool {
    pattern.split('|').any(|p| status_fits_one(p, status))
}

fn status_fits_one(pattern: &str, status: &str) -> bool {
    match pattern.split_once('-') {
        None => pattern == status,
        Some((low, high)) => {
            let Some((prefix, low_last)) = low.rsplit_once('.') else {
                return false;
            };
            let Some(rest) = status
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('.'))
            else {
                return false;
            };
            match (
                rest.parse::<u16>(),
                low_last.parse::<u16>(),
                high.parse::<u16>(),
            ) {
                (Ok(n), Ok(lo), Ok(hi)) => rest.len() == low_last.len() && lo <= n && n <= hi,
                _ => false,
            }
        }
    }
}

fn host_fits(host: &str, pattern: &str) -> bool {
    match pattern.strip_prefix('.') {
        Some(domain) => host == domain || host.strip_suffix(pattern).is_some_and(|h| !h.is_empty()),
        None => host == pattern,
    }
}

/// Where the fragments appear in order within one reply window, if they do. `firsts` holds
/// each fragment's first occurrence (`ABSENT` for none), so that a rule with a missing
/// fragment, as most are, costs nothing more.
///
/// Linear in the text: the candidate starts only move forward, and so does every later
/// fragment's required position, so each fragment's occurrences are searched for once.
fn find_fragments(norm: &str, frags: &[&str], firsts: &[usize]) -> Option<(usize, usize)> {
    let first = *frags.first()?;
    if firsts.len() != frags.len() || firsts.contains(&ABSENT) {
        return None;
    }
    // The last occurrence found of each fragment.
    let mut cursors: Vec<Option<usize>> = firsts.iter().map(|&f| Some(f)).collect();
    let mut from = 0;
    loop {
        let start = next_occurrence(norm, first, from, &mut cursors[0])?;
        let limit = start + REPLY_WINDOW;
        let mut end = start + first.len();
        let mut within = true;
        for (i, frag) in frags.iter().enumerate().skip(1) {
            // No occurrence after `end` means none after any later start either.
            let at = next_occurrence(norm, frag, end, &mut cursors[i])?;
            if at + frag.len() > limit {
                within = false;
                break;
            }
            end = at + frag.len();
        }
        if within {
            return Some((start, end));
        }
        from = start + first.len();
    }
}

/// The first occurrence of `frag` at or after `from`, reusing `cursor` (the last one found)
/// when it is still ahead.
fn next_occurrence(
    norm: &str,
    frag: &str,
    from: usize,
    cursor: &mut Option<usize>,
) -> Option<usize> {
    if let Some(c) = *cursor {
        if c >= from {
            return Some(c);
        }
    }
    let at = from + norm.get(from..)?.find(frag)?;
    *cursor = Some(at);
    Some(at)
}

/// Where `rule` matches in `scan`, if it does. `Some(None)` is a match on the structural
/// facts alone (a status the text does not show).
fn rule_matches(
    rule: &Rule,
    table: &Table,
    frag_ids: Range<u32>,
    scan: &Scan,
    ctx: &Ctx,
) -> Option<Option<(usize, usize)>> {
    // Most rules name a fragment the text does not have: the cheapest way to turn them away.
    if frag_ids.clone().any(|id| scan.first(id).is_none()) {
        return None;
    }
    if rule.at_host
        && !ctx
            .hosts()
            .iter()
            .any(|h| table.hosts.iter().any(|p| host_fits(h, p)))
    {
        return None;
    }
    if rule.after_data && !ctx.after_data {
        return None;
    }
    let code_at = match rule.code {
        Some(code) => Some(
            scan.codes()
                .iter()
                .find(|c| codes::fits_family(&c.code, code))
                .map(|c| (c.start, c.end))?,
        ),
        None => None,
    };
    let text_at = if rule.text.is_empty() {
        None
    } else {
        let firsts: Vec<usize> = frag_ids
            .map(|id| scan.first(id).unwrap_or(ABSENT))
            .collect();
        Some(find_fragments(&scan.hay.norm, rule.text, &firsts)?)
    };
    let at = text_at.or(code_at);
    if rule.status.is_empty() {
        return at.map(Some);
    }
    match at {
        Some(loc) => {
            // The status of the reply the match is in: the last one shortly before it.
            let statuses = scan.statuses();
            let nearest = statuses
                .get(..statuses.partition_point(|&(s, _)| s <= loc.0))
                .and_then(<[_]>::last)
                .filter(|&&(s, _)| loc.0 - s <= STATUS_WINDOW);
            let fits = match nearest {
                Some(&range) => status_fits(rule.status, scan.status_at(range)),
                None => ctx.statuses.iter().any(|s| status_fits(rule.status, s)),
            };
            fits.then_some(Some(loc))
        }
        // A status-only rule: the status itself in the text, or in the structural facts.
        None => {
            if let Some(&range) = scan
                .statuses()
                .iter()
                .find(|&&r| status_fits(rule.status, scan.status_at(r)))
            {
                return Some(Some(range));
            }
            ctx.statuses
                .iter()
                .any(|s| status_fits(rule.status, s))
                .then_some(None)
        }
    }
}

/// The reply a match is in: from the status code shortly before it (`550 5.7.1 ...`) to the
/// end of the match, so the evidence shows the whole reply, not just the matched words.
fn reply_range(scan: &Scan, (s, e): (usize, usize)) -> (usize, usize) {
    let start = scan
        .statuses()
        .iter()
        .rev()
        .find(|&&(st, _)| st <= s && s - st <= STATUS_WINDOW)
        .map_or(s, |&(st, _)| st);
    (start, e)
}

/// Fills a missing SMTP reply code and enhanced status from the reply a rule matched
/// (`550 5.7.606 ...`), for texts whose layout the structural pass did not recognise.
fn fill_codes(scan: &Scan, at: (usize, usize), d: &mut Diagnosis) {
    let status = scan
        .statuses()
        .iter()
        .rev()
        .find(|&&(st, _)| st <= at.0 && at.0 - st <= STATUS_WINDOW)
        .copied();
    if d.enhanced_code.is_none() {
        d.enhanced_code = status.map(|r| scan.status_at(r).to_string());
    }
    if d.smtp_code.is_none() {
        d.smtp_code = reply_code_before(&scan.hay.norm, status.map_or(at.0, |(st, _)| st + 1));
    }
}

/// The last SMTP reply code (`550 `, `421-`) that starts a word shortly before `end`. A code
/// set off from the status by a comma counts too: Microsoft 365's notice summarised as "Office
/// 550, 5.1.8, Access Denied, Bad outbound sender" (held-out t 15, a Japanese help page quoting
/// it), the reply code, the status and the words in a comma-separated row.
fn reply_code_before(norm: &str, end: usize) -> Option<String> {
    let b = norm.as_bytes();
    let end = end.min(b.len());
    let from = end.saturating_sub(STATUS_WINDOW);
    let mut found = None;
    for i in from..end.saturating_sub(3) {
        let starts_word =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'-');
        let is_code = matches!(b[i], b'4' | b'5')
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && (matches!(b.get(i + 3), Some(b' ' | b'-'))
                || (b.get(i + 3) == Some(&b',') && b.get(i + 4) == Some(&b' ')));
        if starts_word && is_code {
            found = Some(i);
        }
    }
    found.and_then(|i| norm.get(i..i + 3)).map(str::to_string)
}

/// The first rule, in table order, that matches.
fn first_hit(scan: &Scan, ctx: &Ctx) -> Option<Hit> {
    let idx = index();
    // Only rules without fragments, or with a fragment the text has, can match (a rule with a
    // fragment missing is turned away by `rule_matches` at once): they are marked in a bit
    // set, then tried in rule order, so the first that matches is the same as when every
    // rule is tried.
    let mut candidates = vec![0u64; idx.rules.len().div_ceil(64)];
    let fragment_rules = scan
        .found
        .iter()
        .filter_map(|&id| idx.rule_of.get(id as usize));
    for &n in idx.textless.iter().chain(fragment_rules) {
        if let Some(w) = candidates.get_mut(n as usize / 64) {
            *w |= 1u64 << (n % 64);
        }
    }
    for (w, &word) in candidates.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            let n = w * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let Some((t, r, frag_ids)) = idx.rules.get(n) else {
                continue;
            };
            let table = PARTIES[*t];
            if let Some(at) = rule_matches(&table.rules[*r], table, frag_ids.clone(), scan, ctx) {
                return Some(Hit {
                    table: *t,
                    rule: *r,
                    at,
                });
            }
        }
    }
    None
}

/// Headers that start a raw message; a paste that starts with them has a header block
/// (the bounce's own envelope) before the report.
const TOP_HEADERS: &[&str] = &[
    "return-path:",
    "received:",
    "delivered-to:",
    "from ",
    "from:",
    "to:",
    "date:",
    "subject:",
    "message-id:",
    "mime-version:",
    "x-",
    "authentication-results:",
    "dkim-signature:",
    "arc-",
];

/// Where the returned copy of the original message starts; what follows is the sender's
/// own text and headers, never the receiver's verdict.
const RETURNED_MESSAGE: &[&str] = &[
    "content-type: message/rfc822",
    "content-type: text/rfc822-headers",
    "content-type: message/rfc822-headers",
    "content-type: message/global",
    "content-type: message/global-headers",
    "--- below this line is a copy of the message",
    "------ this is a copy of the message",
    "----- original message follows -----",
    "original message headers:",
    // Exchange's heading in French and Japanese.
    "en-têtes de message d'origine",
    "元のメッセージ ヘッダー",
    "----- original message -----",
    "------ original message ------",
];

/// The byte offset in `text` where the report starts: after the top header block, if the
/// text starts with one.
fn report_start(text: &str) -> usize {
    let head = text
        .get(..text.len().min(40))
        .unwrap_or("")
        .to_ascii_lowercase();
    if !TOP_HEADERS.iter().any(|h| head.starts_with(h)) {
        return 0;
    }
    // A CRLF blank line can only come first if it starts before the LF one, so the search
    // for it stops there instead of reading the whole text (which has no CR, as a rule).
    let lf = crate::text::find(text, "\n\n");
    let mut limit = lf.map_or(text.len(), |at| at + 4).min(text.len());
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let crlf = text
        .get(..limit)
        .and_then(|t| crate::text::find(t, "\r\n\r\n"));
    let blank = [lf, crlf].into_iter().flatten().min();
    match blank {
        Some(at) => {
            let block = &text[..at];
            // A pasted DSN part starts with fields too; those are the report.
            if find_ci(block, "diagnostic-code:").is_some()
                || find_ci(block, "final-recipient:").is_some()
            {
                0
            } else {
                at
            }
        }
        None => 0,
    }
}

/// The report part of `text`, normalised, without the returned original message.
fn report_scan(text: &str) -> Scan {
    Scan::new(text, report_start(text))
}

/// Phrases before the name of the rejecting side (`host X[...] said`, `Remote-MTA: dns; X`,
/// `while talking to X`).
const HOST_MARKERS: &[&str] = &[
    "host ",
    "remote-mta: dns; ",
    "remote-mta: dns;",
    "while talking to ",
];

/// Host names the text itself names as the rejecting side (after a `HOST_MARKERS` phrase).
fn hosts_named(scan: &Scan) -> Vec<String> {
    let norm = &scan.hay.norm;
    let mut out = Vec::new();
    for (&marker, id) in HOST_MARKERS.iter().zip(index().host_markers..) {
        let Some(mut from) = scan.first(id) else {
            continue;
        };
        while let Some(at) = norm.get(from..).and_then(|h| crate::text::find(h, marker)) {
            let start = from + at + marker.len();
            // The name's bytes are ASCII, so it is a slice of the text (no copy to trim).
            let rest = norm.get(start..).unwrap_or("");
            let len = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-')
                .count();
            let name = rest.get(..len).unwrap_or("").trim_matches('.');
            if name.contains('.') {
                out.push(name.to_string());
            }
            from = start;
        }
    }
    // `rhost::is_google_reply(norm)` from the scan's hits: the marks are lowercase, as is the
    // normalised text, and the scan found every string of the index that it holds.
    let marks = index().google_marks;
    if (marks..marks + crate::rhost::GOOGLE_MARKS.len() as u32).any(|id| scan.first(id).is_some()) {
        // A reply with Google's own marks ("- gsmtp") came from Google's servers even when
        // the bounce names only an IP (qmail): Gmail's rules for its host apply.
        out.push(GOOGLE_STAND_IN.to_string());
    }
    out
}

/// The host name that stands for Google's servers when only the marks of their reply name
/// them (`rhost::is_google_reply`); it fits the Gmail table's `.google.com`.
const GOOGLE_STAND_IN: &str = "gsmtp.google.com";

/// Words that show the rejection came after the message data was sent (Postfix `in reply
/// to end of DATA command`, a Sendmail transcript's `>>> DATA`).
const DATA_MARKERS: &[&str] = &["end of data", ">>> data"];

fn answered_data(scan: &Scan) -> bool {
    let start = index().data_markers;
    (start..start + DATA_MARKERS.len() as u32).any(|id| scan.first(id).is_some())
}

fn domain_of(address: &str) -> Option<String> {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
}

/// Reasons Sisimai counts as hard bounces: retrying cannot help until the address changes.
fn is_hard(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::UserUnknown | Reason::HostUnknown | Reason::HasMoved | Reason::NotAccept
    )
}

/// Fills `blocking_party`, `provider_code`, `blocked_ip`, `list_zone`, `evidence` and
/// notes from `text` (the decoded human-readable text of the whole message), and may
/// refine the reasons. `input` is the original bytes, for evidence spans.
pub(crate) fn apply(input: &[u8], text: &str, d: &mut Diagnosis) {
    let scan = report_scan(text);

    let make_hosts = || {
        let mut hosts = hosts_named(&scan);
        hosts.extend(d.remote_host.iter().map(|h| h.to_ascii_lowercase()));
        for r in &d.recipients {
            hosts.extend(r.remote_host.iter().map(|h| h.to_ascii_lowercase()));
            hosts.extend(domain_of(&r.recipient));
        }
        hosts
    };
    let mut statuses: Vec<&str> = d.enhanced_code.iter().map(String::as_str).collect();
    statuses.extend(d.recipients.iter().filter_map(|r| r.status.as_deref()));
    let after_data = answered_data(&scan)
        || d.recipients.iter().any(|r| {
            r.command
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case("data"))
        });
    let ctx = Ctx {
        statuses,
        hosts: std::cell::OnceCell::new(),
        make_hosts: &make_hosts,
        after_data,
    };

    let hit = first_hit(&scan, &ctx);
    #[cfg(test)]
    record_hit(hit);

    // Each recipient's own reply decides its reason.
    let mut refined = vec![false; d.recipients.len()];
    for (i, r) in d.recipients.iter_mut().enumerate() {
        if r.diagnostic_text.is_empty() {
            continue;
        }
        let own = Scan::new(&r.diagnostic_text, 0);
        let make_own_hosts = || {
            let mut own_hosts: Vec<String> = r
                .remote_host
                .iter()
                .map(|h| h.to_ascii_lowercase())
                .collect();
            own_hosts.extend(domain_of(&r.recipient));
            own_hosts.extend(d.remote_host.iter().map(|h| h.to_ascii_lowercase()));
            own_hosts.extend(hosts_named(&own));
            own_hosts
        };
        let own_ctx = Ctx {
            statuses: r.status.as_deref().into_iter().collect(),
            hosts: std::cell::OnceCell::new(),
            make_hosts: &make_own_hosts,
            after_data: r
                .command
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case("data"))
                || answered_data(&own),
        };
        let Some(own_hit) = first_hit(&own, &own_ctx) else {
            continue;
        };
        #[cfg(test)]
        record_hit(Some(own_hit));
        if let Some(reason) = own_hit.rule().refined(r.reason) {
            r.reason = reason;
            r.hard_bounce = is_hard(reason);
            refined[i] = true;
            // A code the structural pass made up for its own reason is made up again.
            if let Some(implied) = r.implied_status.as_mut() {
                *implied = crate::smtp::status::pseudo_code(reason, implied.starts_with('4'));
            }
        }
    }

    let to_text = |at: (usize, usize)| scan.hay.to_text(at.0, at.1);
    let mut spans = Spans::new(input, text);

    // The message's reason follows its decisive recipient (the first that failed for a
    // known reason), or the text when no recipient's own reply said anything a rule knows.
    let first = d
        .recipients
        .iter()
        .position(|r| r.action != "delivered" && r.reason != Reason::Undefined)
        .unwrap_or(0);
    if refined.get(first) == Some(&true) {
        d.reason = d.recipients[first].reason;
        d.hard_bounce = d.recipients[first].hard_bounce;
    } else if !refined.contains(&true) {
        if let Some(reason) = hit.and_then(|h| h.rule().refined(d.reason)) {
            d.reason = reason;
            d.hard_bounce = is_hard(reason);
        }
    }

    // A report that is no failure (feedback, auto-reply, delivery) blocks nothing: a rule's
    // party there is only the one who wrote it, not one who refused the mail.
    let hit = hit.filter(|_| {
        !matches!(
            d.reason,
            Reason::Feedback | Reason::Vacation | Reason::Delivered
        )
    });
    if let Some(h) = hit {
        let rule = h.rule();
        // A provider's own rejection was recognised: the text is a bounce even when its
        // layout was not, and its reply carries the codes.
        if rule.party.is_some() || rule.reason.is_some() {
            d.notes.retain(|n| n.id != "not_a_bounce");
            if let Some(at) = h.at {
                fill_codes(&scan, at, d);
            }
        }
        if let Some(at) = h.at {
            let reply = to_text(reply_range(&scan, at));
            if rule.reason.is_some_and(|r| r == d.reason) {
                evidence::replace(d, &mut spans, "reason", reply.0, reply.1);
            }
            // The party's own words the rule matched ("banned sending IP"), in their reply.
            if rule.party.is_some() && names_party(rule, d.reason) {
                evidence::add_words(d, &mut spans, "blocking_party", to_text(at), reply);
            }
        }
        if names_party(rule, d.reason) {
            d.blocking_party = rule.party.or(d.blocking_party);
        }
        if let Some(code) = rule.code {
            // The code as the reply writes it (`OFR006_102`), which the rule's family names.
            let written = scan
                .codes()
                .iter()
                .find(|c| codes::fits_family(&c.code, code))
                .map_or_else(|| code.to_string(), |c| c.code.clone());
            d.provider_code = Some(written);
        }
    }

    // A provider code the rules do not single out is still worth showing.
    if d.provider_code.is_none() {
        d.provider_code = scan.codes().first().map(|c| c.code.clone());
    }
    let linked = (d.provider_code.is_none())
        .then(|| {
            let norm = &scan.hay.norm;
            codes::comcast_linked(norm).or_else(|| codes::case_linked(norm))
        })
        .flatten();
    if let Some(c) = &linked {
        d.provider_code = Some(c.code.clone());
    }
    if let Some(code) = &d.provider_code {
        if let Some(c) = scan.codes().iter().chain(&linked).find(|c| &c.code == code) {
            // The code itself, without the brackets the scan took in ("(S3150)").
            let norm = &scan.hay.norm;
            let inside = norm.get(c.start..c.end).and_then(|t| find_ci(t, &c.code));
            let at = inside.map_or((c.start, c.end), |i| {
                (c.start + i, c.start + i + c.code.len())
            });
            evidence::add_exact(d, &mut spans, "provider_code", &[to_text(at)]);
        }
    }

    apply_zone(&mut spans, &scan, hit, d);
    apply_blocked_ip(&mut spans, &scan, hit, d);
    add_code_evidence(&mut spans, &scan, hit, d);
    add_remote_evidence(&mut spans, &scan, d);
    add_reply_evidence(&mut spans, text, first, d);

    // Yahoo's own server refused and nothing named anyone (no rule, no list): Yahoo, after
    // the zones so that a list named in the refusal keeps its party.
    if let Some(host) = yahoo::refusing_mx(d) {
        d.blocking_party = Some(Party::Yahoo);
        if let Some(at) = find_ci(text, &host) {
            evidence::add_exact(d, &mut spans, "blocking_party", &[(at, at + host.len())]);
        }
    }

    if let Some(host) = microsoft::sender_on_microsoft365(text, d) {
        push_note(d, microsoft::NOTE_SENDER_ON_MICROSOFT365, host);
    }
    if let Some(zone) = d
        .list_zone
        .clone()
        .filter(|z| spamhaus::COMBINED_ZONES.contains(&z.as_str()))
    {
        push_note(d, NOTE_COMBINED_ZONE, zone);
    }
    if let Some(note) = hit.and_then(|h| h.rule().note) {
        let detail = match note {
            NOTE_RESOLVER_REFUSED => d.list_zone.clone().unwrap_or_default(),
            _ => String::new(),
        };
        // The receiver's query was refused: nothing is known to be listed, a name neither.
        if note == NOTE_RESOLVER_REFUSED {
            d.notes.retain(|n| n.id != NOTE_DOMAIN_LISTED);
        }
        push_note(d, note, detail);
    }
}

/// Whether `rule` names its party for a message read as `reason`: a rule that names its party
/// only (no reason of its own) may do so for some readings only (`Rule::over`).
fn names_party(rule: &Rule, reason: Reason) -> bool {
    rule.reason.is_some() || rule.over.is_empty() || rule.over.contains(&reason)
}

fn push_note(d: &mut Diagnosis, id: &str, detail: String) {
    if !d.notes.iter().any(|n| n.id == id && n.detail == detail) {
        d.notes.push(Note {
            id: id.to_string(),
            detail,
        });
    }
}

/// Phrases after which a DNSBL zone is named (`blocked using bl.example.net`).
const ZONE_PHRASES: &[&str] = &[
    "blocked using ",
    "listed in ",
    "listed at ",
    "listed on ",
    "found in ",
    "blacklisted at ",
    "blacklisted in ",
    // "your host [192.0.2.1] is blacklisted by bl.example.net" (a receiver's own DNSBL, as a
    // mail program shows the reply; held-out y 04).
    "blacklisted by ",
];

/// A domain-shaped token: dotted labels of letters, digits and hyphens, ending in a
/// label of letters.
fn is_domain(token: &str) -> bool {
    let labels: Vec<&str> = token.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|l| l.len() >= 2 && l.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The known zone `token` is, or is a query name under (`2.0.0.127.zen.spamhaus.org`, a
/// keyed `<key>.zen.dq.spamhaus.net`): the longest such zone, with its table.
fn known_zone(token: &str) -> Option<(&'static str, &'static Table)> {
    let mut best: Option<(&'static str, &'static Table)> = None;
    for table in PARTIES {
        for &zone in table.zones {
            // The byte where the zone would start is compared first: it turns most zones away
            // without a call to compare strings.
            let at = token.len().checked_sub(zone.len());
            let may_end = at.and_then(|a| token.as_bytes().get(a)) == zone.as_bytes().first();
            let fits = may_end
                && (token == zone || token.strip_suffix(zone).is_some_and(|h| h.ends_with('.')));
            if fits && best.is_none_or(|(b, _)| zone.len() > b.len()) {
                best = Some((zone, table));
            }
        }
    }
    best
}

/// The bytes of a host or zone name (letters, digits, `-`, `.`), as a table: the zone scan
/// asks it of every byte of the report.
const NAME_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
        c += 1;
    }
    t
};

/// Fills `list_zone` with the first zone the report names, and notes a closed list.
fn apply_zone(spans: &mut Spans<'_>, scan: &Scan, hit: Option<Hit>, d: &mut Diagnosis) {
    let norm = &scan.hay.norm;
    let b = norm.as_bytes();
    // (zone, its table if known, normalised range)
    let mut found: Option<(String, Option<&'static Table>, (usize, usize))> = None;
    let mut i = 0;
    let is_name_byte = |c: u8| {
        if crate::text::WIDE {
            NAME_BYTES[usize::from(c)]
        } else {
            c.is_ascii_alphanumeric() || c == b'-' || c == b'.'
        }
    };
    // Every zone has a dot and most words have none, so the walk goes from dot to dot (a
    // fast search) and reads only the name around each: the same tokens, in the same order,
    // as reading every word.
    while let Some(dot) = norm.get(i..).and_then(|rest| crate::text::find(rest, ".")) {
        let dot = i + dot;
        // `i` is 0 or the end of the last token (a byte no name holds), so the way back stops
        // at or after it.
        let mut start = dot;
        while start > i && is_name_byte(b[start - 1]) {
            start -= 1;
        }
        i = dot + 1;
        while i < b.len() && is_name_byte(b[i]) {
            i += 1;
        }
        // Part of an e-mail address or a URL path is not a zone.
        if start > 0 && matches!(b[start - 1], b'@' | b'/' | b'=' | b'?') {
            continue;
        }
        let token = norm[start..i].trim_matches('.');
        // A zone ends in one of a few top-level labels; an address or a status code does not.
        let last_label = token.rsplit('.').next().unwrap_or("");
        // (Each label's first byte is compared before the label: most tokens end otherwise,
        // and a byte compare costs less than a call to compare strings.)
        let first = last_label.as_bytes().first();
        if !token.contains('.')
            || !index()
                .zone_tlds
                .iter()
                .any(|t| t.as_bytes().first() == first && *t == last_label)
        {
            continue;
        }
        if let Some((zone, table)) = known_zone(token) {
            found = Some((zone.to_string(), Some(table), (start, i)));
            break;
        }
    }
    let idx = index();
    for (phrase, id) in ZONE_PHRASES.iter().zip(idx.zone_phrases..) {
        if let Some(at) = scan.first(id) {
            let start = at + phrase.len();
            if found.as_ref().is_some_and(|(_, _, (s, _))| *s <= start) {
                continue;
            }
            let token: String = norm[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
                .collect();
            let token = token.trim_matches('.');
            if is_domain(token) {
                let (zone, table) = match known_zone(token) {
                    Some((zone, table)) => (zone, Some(table)),
                    None => (token, None),
                };
                found = Some((zone.to_string(), table, (start, start + token.len())));
            }
        }
    }
    // A list named in words only ("UCEPROTECT-LEVEL 1", "Spamhaus XBL").
    if found.is_none() {
        found = PARTIES
            .iter()
            .flat_map(|t| {
                t.zone_names
                    .iter()
                    .map(move |&(name, zone)| (name, zone, *t))
            })
            .zip(idx.zone_names..)
            .map(|((name, zone, t), id)| (name, zone, id, t))
            .filter_map(|(name, zone, id, t)| scan.first(id).map(|at| (at, name.len(), zone, t)))
            .min_by_key(|&(at, ..)| at)
            .map(|(at, len, zone, t)| (zone.to_string(), Some(t), (at, at + len)));
    }
    let closed = closed_list::TABLE.name;
    if let Some((zone, table, at)) = found {
        let zone_at = scan.hay.to_text(at.0, at.1);
        evidence::add_exact(d, spans, "list_zone", &[zone_at]);
        if lists_domains(&zone) {
            let from = (at.0.saturating_sub(200)..at.0)
                .find(|&i| norm.is_char_boundary(i))
                .unwrap_or(at.0);
            let before = norm.get(from..at.0).unwrap_or("");
            push_note(d, NOTE_DOMAIN_LISTED, listed_name(before));
        }
        d.list_zone = Some(zone.clone());
        if let Some(table) = table {
            if d.blocking_party.is_none() && table.zone_party.is_some() {
                d.blocking_party = table.zone_party;
                evidence::add_exact(d, spans, "blocking_party", &[zone_at]);
            }
            if table.name == closed {
                push_note(d, NOTE_CLOSED_LIST, zone);
            }
        }
    }
    // A closed list named without a zone ("NiX Spam"): the rule's own words say which.
    if let Some(h) = hit.filter(|h| PARTIES[h.table].name == closed) {
        if !d.notes.iter().any(|n| n.id == NOTE_CLOSED_LIST) {
            let detail = d
                .list_zone
                .clone()
                .or_else(|| h.rule().text.first().map(|t| t.to_string()));
            push_note(d, NOTE_CLOSED_LIST, detail.unwrap_or_default());
        }
    }
}

/// Fills `sending_ip` with the sender's address the rejecting side names, preferring one
/// in the reply the decisive rule matched, and `blocked_ip` with the same address when the
/// refusal is about it (`refuses_the_address`).
fn apply_blocked_ip(spans: &mut Spans<'_>, scan: &Scan, hit: Option<Hit>, d: &mut Diagnosis) {
    if d.blocked_ip.is_some()
        || d.sending_ip.is_some()
        || matches!(
            d.reason,
            Reason::Feedback | Reason::Vacation | Reason::Delivered
        )
    {
        return;
    }
    // The receiver's own blocklist query was refused (Spamhaus: "Error: open resolver;
    // https://check.spamhaus.org/returnc/pub/<resolver>/", 127.255.255.254: "the problem is
    // with the recipient's email server configuration. It is not because you are listed on
    // one of our blocklists", Spamhaus's page as quoted in simple-login/app#2675): no address
    // is known to be listed. The client the reply names (the sender's server, or Google's
    // shared servers for Gmail's users) and the resolver in the link are no blocked address,
    // so nothing is looked up about them.
    if hit.is_some_and(|h| h.rule().note == Some(NOTE_RESOLVER_REFUSED)) {
        return;
    }
    // Abuse reports and other mail that is no rejection name addresses too ("received from
    // IP x"); without a rule that recognised a rejection, they are not blocked addresses.
    if hit.is_none() && d.notes.iter().any(|n| n.id == "not_a_bounce") {
        return;
    }
    let norm = &scan.hay.norm;
    let remote: Option<IpAddr> = d.remote_ip.as_deref().and_then(|r| r.parse().ok());
    let senders: Vec<ip::Found> = ip::find_all(norm)
        .into_iter()
        .filter(|f| ip::role(norm, f.start, f.end) == Role::Sender && Some(f.addr) != remote)
        // A loopback address as a lookup link's value ("...&i=ip&v=127.0.0.1"): a server on
        // the internet never sees a loopback client, so the link does not name the address it
        // refused (a test, or a value the poster replaced); not a blocked address.
        .filter(|f| {
            !(ip::scope(f.addr) == crate::IpScope::Loopback
                && norm.get(..f.start).is_some_and(|b| b.ends_with('=')))
        })
        // An address a refusal about the recipient's mailbox names as where the message came
        // from ("innocent message from 192.0.2.7 maildrop: maildir over quota", held-out ac
        // 08): the mailbox refused, whoever sent; no address of the sender's is in question.
        .filter(|f| !(about_the_mailbox(d.reason) && ip::named_as_message_source(norm, f.start)))
        .collect();
    // A lookup link's address, or the bracket after the status where Gmail prints the
    // connecting client in its replies, when the refusal is about the message itself, not the
    // address: they name the client for reference only (`about_the_message`), so they are the
    // sending address but never a blocked one, and another address the refusal names as the
    // sender's goes first. Gmail: "550-5.7.1 [192.0.2.1 14] Messages missing a valid address in
    // From: header, or having no From: header, are not accepted." (a message refusal of its
    // SMTP error reference, https://support.google.com/a/answer/3726730, with the bracket of
    // every reply); GMX, WEB.DE: "For explanation visit
    // https://postmaster.web.de/error-messages?ip=192.0.2.1&c=hi", whose link "contains
    // parameters that are important in case of a problem analysis"
    // (https://postmaster.gmx.com/en/error-messages), the address of the delivering server.
    // Gmail's spam refusals keep the bracket as an address of their own, below: Gmail weighs
    // the sending address's reputation in them ("likely unsolicited mail", its sender
    // guidelines), and a list of addresses they name is about it.
    let reason = d.reason;
    let for_reference = |f: &ip::Found| {
        let bracket = reason != Reason::SpamDetected && ip::after_status_bracket(norm, f.start);
        about_the_message(reason) && (is_link_value(norm, f.start) || bracket)
    };
    let (reference, own): (Vec<ip::Found>, Vec<ip::Found>) =
        senders.into_iter().partition(|f| for_reference(f));
    let near = |f: &&ip::Found| match hit.and_then(|h| h.at) {
        Some((s, e)) => f.end + REPLY_WINDOW / 2 >= s && f.start <= e + REPLY_WINDOW / 2,
        None => false,
    };
    let found = match own.iter().find(near).or(own.first()) {
        Some(found) => found,
        None => {
            relayed_refusal(spans, scan, d, remote);
            match reference.iter().find(near).or(reference.first()) {
                Some(found) if d.blocked_ip.is_none() => found,
                _ => return,
            }
        }
    };
    let blocked = refuses_the_address(d) && !for_reference(found);
    d.sending_ip = Some(found.addr.to_string());
    d.sending_ip_scope = Some(ip::scope(found.addr));
    // The address where the decisive reply names it, then wherever else it is named as the
    // sender's (a reply quoted twice, a lookup link).
    let mut quoted = vec![scan.hay.to_text(found.start, found.end)];
    for f in own.iter().chain(&reference) {
        if f.addr == found.addr {
            quoted.push(scan.hay.to_text(f.start, f.end));
        }
    }
    evidence::add_exact(d, spans, "sending_ip", &quoted);
    if blocked {
        d.blocked_ip = d.sending_ip.clone();
        d.blocked_ip_scope = d.sending_ip_scope;
        evidence::add_exact(d, spans, "blocked_ip", &quoted);
    }
}

/// Whether the refusal is about the sending address, so that the address it names is a blocked
/// one (`blocked_ip`), not only the sending server's (`sending_ip`). Not an authentication
/// failure: Gmail's "550 5.7.26 ... SPF [example.com] with ip: [192.0.2.1] = did not pass"
/// names the address because the domain's SPF record does not authorize it (RFC 7208 4.1:
/// check_host()'s <ip> is the SMTP client's), which the domain's owner fixes, not a block of
/// the address. Not a refusal of the message itself (`about_the_message`): Gmail's "550-5.7.1
/// [192.0.2.1 12] Our system has detected that this message is likely unsolicited mail" prints
/// the connecting client in its bracket as in every reply (Google's SMTP error reference,
/// https://support.google.com/a/answer/3726730), and refuses the message. Either is about the
/// address when it names a list of addresses: a zone that lists addresses (not domain names,
/// `lists_domains`) or a list's operator as the blocking party: a listing is of the address.
fn refuses_the_address(d: &Diagnosis) -> bool {
    if !(d.reason == Reason::AuthFailure || about_the_message(d.reason)) {
        return true;
    }
    let listed = d
        .list_zone
        .as_deref()
        .is_some_and(|z| !z.trim().is_empty() && !lists_domains(&z.to_ascii_lowercase()));
    listed || d.blocking_party.is_some_and(Party::runs_an_address_list)
}

/// Drops `blocked_ip` (and its evidence) when the message's reason, as finally settled, is not
/// about the address (`refuses_the_address`); `sending_ip` keeps it.
pub(crate) fn settle_blocked_ip(d: &mut Diagnosis) {
    if d.blocked_ip.is_some()
        && !refuses_the_address(d)
        && !d
            .notes
            .iter()
            .any(|n| n.id == NOTE_REFUSED_AFTER_FORWARDING)
    {
        d.blocked_ip = None;
        d.blocked_ip_scope = None;
        d.evidence.retain(|e| e.field != "blocked_ip");
    }
}

/// Reasons about the message (its header, its content, its size), not about the client
/// that sent it. A provider's explanation link carries the connecting client's address
/// whatever the case is: GMX's and WEB.DE's "For explanation visit
/// https://postmaster.web.de/error-messages?ip=192.0.2.1&c=hi" names the delivering server
/// with `c=hi`, their header case ("if your email header is not RFC 5321 and RFC 5322
/// compliant, your message will be rejected", web.de's page as quoted in zammad/zammad#4630),
/// as with `c=bip`, the case of an address on their block list
/// (https://postmaster.gmx.com/en/error-messages: the link "contains parameters that are
/// important in case of a problem analysis"); NetEase's "554 DT:SPM ... please see
/// http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=...", whose DT:SPM is
/// content judged spam ("发送的邮件内容包含了未被许可的信息，或被系统识别为垃圾邮件", the
/// message's content). For these the link's address is not one the rejecting side blocks.
/// Gmail likewise prints the connecting client's address in brackets after the status in its
/// replies, whatever they refuse ("550-5.7.1 [192.0.2.1 14] Messages missing a valid address
/// in From: header, or having no From: header, are not accepted. ... - gsmtp", a message
/// refusal of Google's SMTP error reference, https://support.google.com/a/answer/3726730,
/// with the same bracket as its address blocks in `gmail.rs`).
fn about_the_message(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::NotCompliantRfc
            | Reason::SpamDetected
            | Reason::ContentError
            | Reason::VirusDetected
            | Reason::MesgTooBig
    )
}

/// Reasons about the recipient's mailbox (full, unknown, suspended, moved), which no sending
/// address causes.
fn about_the_mailbox(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::MailboxFull | Reason::UserUnknown | Reason::Suspend | Reason::HasMoved
    )
}

/// True when the address at `start` of `norm` is a link's query value, "?ip=", "&ip=" or
/// GMX's "&i=ip&v=" (`ip.rs`'s lookup link phrases).
fn is_link_value(norm: &str, start: usize) -> bool {
    let before = norm.get(..start).unwrap_or_default();
    before.ends_with("?ip=") || before.ends_with("&ip=") || before.ends_with("&i=ip&v=")
}

/// Words inside a server's reply that introduce another server's reply, which it passes on:
/// Forward Email's `550 Error for <a> of "Invalid greeting. response=550 5.7.0 Blocked ..."`
/// (the next hop refused the forwarder's connection), a proxy's "upstream".
const RELAYED_REPLY: &[&str] = &["response=", "upstream said:", "upstream responded:"];

/// The note that the refusing server only passed on a later hop's refusal of its own address:
/// a forwarding service (the recipient's side) was refused further on, not the sender.
pub(crate) const NOTE_REFUSED_AFTER_FORWARDING: &str = "refused_after_forwarding";

/// When the sending address a refusal names (a lookup link's `ip=`) is the address of the
/// server that reported it, and that server's reply quotes another server's reply: the report
/// comes from a forwarder whose own address the next hop refused. That address is the blocked
/// one (it is only the forwarder's, never the sender's), and the note says who it belongs to.
fn relayed_refusal(spans: &mut Spans<'_>, scan: &Scan, d: &mut Diagnosis, remote: Option<IpAddr>) {
    let Some(remote) = remote else { return };
    // Case-blind searches of the text, not a lowercase copy and `match_indices` (another
    // searcher type in the wasm); the same places, one after another.
    let relayed = d.recipients.iter().any(|r| {
        let t = r.diagnostic_text.as_str();
        RELAYED_REPLY.iter().any(|lead| {
            let mut from = 0;
            while let Some(at) = t
                .get(from..)
                .and_then(|rest| crate::text::find_ci(rest, lead))
            {
                from += at + lead.len();
                let code = t.get(from..).unwrap_or("").trim_start().as_bytes();
                if let [b'4' | b'5', b, c, ..] = code {
                    if b.is_ascii_digit() && c.is_ascii_digit() {
                        return true;
                    }
                }
            }
            false
        })
    });
    if !relayed {
        return;
    }
    let norm = &scan.hay.norm;
    let Some(found) = ip::find_all(norm).into_iter().find(|f| {
        f.addr == remote
            && ip::role(norm, f.start, f.end) == Role::Sender
            && norm.get(..f.start).is_some_and(|b| b.ends_with("ip="))
    }) else {
        return;
    };
    d.blocked_ip = Some(found.addr.to_string());
    d.blocked_ip_scope = Some(ip::scope(found.addr));
    d.sending_ip = d.blocked_ip.clone();
    d.sending_ip_scope = d.blocked_ip_scope;
    let at = scan.hay.to_text(found.start, found.end);
    evidence::add_exact(d, spans, "sending_ip", &[at]);
    evidence::add_exact(d, spans, "blocked_ip", &[at]);
    let host = d.remote_host.clone().unwrap_or_default();
    push_note(d, NOTE_REFUSED_AFTER_FORWARDING, host);
}

/// Where `token` (lowercase) stands in `norm` as a word of its own, from the left, without
/// overlaps: after no letter, digit, dot or `@` (a host is not the end of a longer name or of
/// an address), before no letter or digit, nor a dot when the token has one (`5.7.1` is not
/// the start of `5.7.12`, nor `192.0.2.1` of `192.0.2.10`).
fn token_starts(norm: &str, token: &str) -> Vec<usize> {
    let b = norm.as_bytes();
    let mut all = Vec::new();
    let mut from = 0;
    while let Some(at) = norm.get(from..).and_then(|h| crate::text::find(h, token)) {
        let at = from + at;
        let prev = at.checked_sub(1).and_then(|p| b.get(p));
        let next = b.get(at + token.len());
        if prev.is_none_or(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'@')))
            && next
                .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'.' && token.contains('.')))
        {
            all.push(at);
        }
        from = at + token.len().max(1);
    }
    all
}

/// Evidence for the SMTP reply code and enhanced status the structural pass chose: each code's
/// own place, preferably in the decisive reply.
fn add_code_evidence(spans: &mut Spans<'_>, scan: &Scan, hit: Option<Hit>, d: &mut Diagnosis) {
    let norm = &scan.hay.norm;
    let before = hit.and_then(|h| h.at).map_or(norm.len(), |(s, _)| s);
    for (field, value) in [
        ("enhanced_code", d.enhanced_code.clone()),
        ("smtp_code", d.smtp_code.clone()),
    ] {
        let Some(value) = value else { continue };
        let token = value.to_ascii_lowercase();
        let all = token_starts(norm, &token);
        let found = all
            .iter()
            .rev()
            .find(|&&at| at <= before && before - at <= STATUS_WINDOW)
            .or(all.first());
        if let Some(&at) = found {
            let (s, e) = scan.hay.to_text(at, at + token.len());
            evidence::add_exact(d, spans, field, &[(s, e)]);
        }
    }
}

/// When no rule gave the reason its reply: the lines of the decisive recipient's reply as the
/// text has it, from its start (its first 80 bytes are looked for, in words: a reply folded
/// over lines is kept joined).
fn add_reply_evidence(spans: &mut Spans<'_>, text: &str, first: usize, d: &mut Diagnosis) {
    let Some(r) = d.recipients.get(first) else {
        return;
    };
    let start = crate::text::clip(r.diagnostic_text.trim(), 80).trim_end();
    if start.len() < 8 {
        return;
    }
    if let Some((s, e)) = evidence::find_words(text, start) {
        evidence::add(d, spans, "reason", s, e);
    }
}

/// Evidence for the rejecting server: wherever the text names its host and its address.
fn add_remote_evidence(spans: &mut Spans<'_>, scan: &Scan, d: &mut Diagnosis) {
    let host = d.remote_host.clone();
    named_everywhere(spans, scan, d, "remote_host", host);
    let ip = d.remote_ip.clone();
    named_everywhere(spans, scan, d, "remote_ip", ip);
}

/// Evidence for `field`: every place the text names `value` as a word of its own.
fn named_everywhere(
    spans: &mut Spans<'_>,
    scan: &Scan,
    d: &mut Diagnosis,
    field: &str,
    value: Option<String>,
) {
    let Some(value) = value.filter(|v| v.len() > 3) else {
        return;
    };
    let token = value.to_ascii_lowercase();
    let mut ranges = Vec::new();
    for &at in &token_starts(&scan.hay.norm, &token) {
        ranges.push(scan.hay.to_text(at, at + token.len()));
    }
    evidence::add_exact(d, spans, field, &ranges);
}

#[cfg(test)]
thread_local! {
    /// The rules that decided something during `apply`, for the tidy test that every rule
    /// has a fixture.
    static HITS: std::cell::RefCell<Vec<(&'static str, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
fn record_hit(hit: Option<Hit>) {
    if let Some(h) = hit {
        HITS.with(|hits| hits.borrow_mut().push((PARTIES[h.table].name, h.rule)));
    }
}

#[cfg(test)]
mod tests;
