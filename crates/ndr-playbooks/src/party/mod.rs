//! One file per blocking party: its facts (URLs, addresses, dates), playbooks, codes and
//! routing; `generic.rs` holds the per-reason playbooks for unknown parties.

use std::sync::OnceLock;

use ndr_core::{Diagnosis, Party, Reason};

use crate::codes::CodeEntry;
use crate::model::Playbook;
use crate::select::Listing;
use crate::text::Text;

pub(crate) mod common;
pub(crate) mod esp;
pub(crate) mod forwarder;
pub(crate) mod generic;
pub(crate) mod mscloud;

mod abusix;
mod att;
mod au;
mod backscatterer;
mod barracuda;
mod cisco;
mod closed_list;
mod cloudmark;
mod comcast;
pub(crate) mod docomo;
pub(crate) mod gmail;
mod gmx;
pub(crate) mod icloud;
mod mailspike;
pub(crate) mod microsoft;
mod mimecast;
mod netease;
mod outlook_com;
mod proofpoint;
mod psbl;
pub(crate) mod recipient_org;
mod softbank;
pub(crate) mod spamcop;
pub(crate) mod spamhaus;
mod spamrats;
mod t_online;
mod trendmicro;
pub(crate) mod uceprotect;
mod vade;
mod yahoo;

/// Everything known about one party.
pub(crate) struct PartyBook {
    pub(crate) party: Party,
    /// How the party is called.
    pub(crate) name: Text,
    /// Domains its links may point to (the party's own; shorteners only if its own).
    pub(crate) domains: &'static [&'static str],
    /// Ordered: the first entry whose reasons include the diagnosis' reason wins.
    pub(crate) routes: &'static [(&'static [Reason], &'static Playbook)],
    /// Reasons that are not about this party: they go to the generic playbook, on purpose.
    /// Usually `&rest::<N>(ROUTES)`; together with `routes` they cover `Reason::ALL` exactly
    /// once (`rest` and a tidy test check).
    pub(crate) generic: &'static [Reason],
    /// Every playbook of the party, including those reached only through codes.
    pub(crate) playbooks: &'static [&'static Playbook],
    /// The party's codes.
    pub(crate) codes: &'static [CodeEntry],
    /// Narrower playbooks chosen by the zone, the text or a blocklist answer.
    pub(crate) refine: &'static [Refine],
}

/// Swaps playbook `from` for `to` when `when` holds.
pub(crate) struct Refine {
    pub(crate) from: &'static str,
    pub(crate) when: Needle,
    pub(crate) to: &'static Playbook,
}

/// A condition on the diagnosis (or on blocklist answers the caller has).
pub(crate) enum Needle {
    /// The list zone is this zone or a sub-zone of it.
    Zone(&'static str),
    /// A lowercase fragment of an error text or of the evidence.
    Text(&'static str),
    /// The provider code, as the core writes it.
    ProviderCode(&'static str),
    /// A blocklist answer: zone suffix and the answers that count.
    Listed(&'static str, &'static [&'static str]),
    /// The list answered "not listed" (a clean answer, not "could not check") and no answer of
    /// it says listed.
    NotListed(&'static str),
}

/// Where a (party, reason) pair leads.
#[derive(Debug, Clone, Copy)]
pub enum Route {
    /// The party's own playbook.
    Playbook(&'static Playbook),
    /// The generic playbook of the reason, on purpose: the reason is not about this party.
    Generic,
}

/// Reasons that mean "the receiving side refused this sender": a block list's own playbook
/// applies whatever name the core gave the refusal.
pub(crate) const LIST_REASONS: &[Reason] = &[
    Reason::Blocked,
    Reason::BadReputation,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::Rejected,
    Reason::Filtered,
    Reason::SecurityError,
    Reason::RequirePtr,
    Reason::Speeding,
    Reason::TooManyConn,
    Reason::OnHold,
    Reason::Undefined,
];

/// Reasons a mailbox provider's own block playbook takes (GMX, T-Online, Comcast, AT&T, NetEase): a refusal of
/// the sender on the provider's judgement. A missing PTR record, speed limits and holds keep
/// their generic playbooks, whose fix is the same everywhere.
pub(crate) const PROVIDER_BLOCK_REASONS: &[Reason] = &[
    Reason::Blocked,
    Reason::BadReputation,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::Filtered,
    Reason::SecurityError,
    Reason::Rejected,
    Reason::Undefined,
];

/// The other reasons: about the recipient, the message or the network, not about a list.
pub(crate) const NOT_LIST_REASONS: &[Reason] = &except::<24>(LIST_REASONS);

/// The receiver refused the message or its sender on its own judgement (reputation, content,
/// policy): a mailbox provider's or an organisation's "policy" playbook takes these.
pub(crate) const REFUSAL_REASONS: &[Reason] = &[
    Reason::BadReputation,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::Filtered,
    Reason::SecurityError,
    Reason::Rejected,
    Reason::ContentError,
    Reason::Undefined,
];

/// The receiver slows the sender down for now: a deferral, not a refusal.
pub(crate) const DEFERRAL_REASONS: &[Reason] =
    &[Reason::Speeding, Reason::TooManyConn, Reason::OnHold];

/// How many route lists of `routes` name `reason`.
const fn times_routed(reason: Reason, routes: &[(&[Reason], &Playbook)]) -> usize {
    let mut times = 0;
    let mut i = 0;
    while i < routes.len() {
        let mut k = 0;
        while k < routes[i].0.len() {
            if routes[i].0[k] as u8 == reason as u8 {
                times += 1;
            }
            k += 1;
        }
        i += 1;
    }
    times
}

/// The reasons a party's own routes leave to the generic playbooks, in `Reason::ALL` order.
///
/// `N` says how many that is, in the party's file, so the generic side stays a decision: a
/// reason routed twice, a route added or removed, or a new reason in ndr-core changes the
/// count and stops the build here until someone looks at it.
pub(crate) const fn rest<const N: usize>(routes: &[(&[Reason], &Playbook)]) -> [Reason; N] {
    let mut out = [Reason::Undefined; N];
    let mut n = 0;
    let mut i = 0;
    while i < Reason::ALL.len() {
        let reason = Reason::ALL[i];
        match times_routed(reason, routes) {
            0 => {
                if n == N {
                    panic!("more reasons go to the generic playbooks than the count says");
                }
                out[n] = reason;
                n += 1;
            }
            1 => {}
            _ => panic!("a reason is routed twice"),
        }
        i += 1;
    }
    if n != N {
        panic!("fewer reasons go to the generic playbooks than the count says");
    }
    out
}

/// The reasons of `Reason::ALL` that are not in `taken`, in order; `N` as for `rest`.
const fn except<const N: usize>(taken: &[Reason]) -> [Reason; N] {
    rest::<N>(&[(taken, &generic::UNDEFINED)])
}

/// At a Japanese mobile carrier, every refusal is the recipient's own spam setting; docomo, au
/// and SoftBank route these to their "filtered" playbook.
pub(crate) const CARRIER_FILTER_REASONS: &[Reason] = &[
    Reason::Filtered,
    Reason::Rejected,
    Reason::Blocked,
    Reason::PolicyViolation,
    Reason::SpamDetected,
    Reason::SecurityError,
    Reason::AuthFailure,
    Reason::Undefined,
];

/// In `Party::ALL` order; a tidy test checks that every party has exactly one book.
pub(crate) const BOOKS: &[&PartyBook] = &[
    &microsoft::BOOK,
    &outlook_com::BOOK,
    &gmail::BOOK,
    &yahoo::BOOK,
    &icloud::BOOK,
    &spamhaus::BOOK,
    &spamcop::BOOK,
    &barracuda::BOOK,
    &trendmicro::BOOK,
    &proofpoint::BOOK,
    &mimecast::BOOK,
    &cisco::BOOK,
    &uceprotect::BOOK,
    &psbl::BOOK,
    &mailspike::BOOK,
    &spamrats::BOOK,
    &cloudmark::BOOK,
    &abusix::BOOK,
    &backscatterer::BOOK,
    &closed_list::BOOK,
    &docomo::BOOK,
    &au::BOOK,
    &softbank::BOOK,
    &gmx::BOOK,
    &t_online::BOOK,
    &comcast::BOOK,
    &att::BOOK,
    &netease::BOOK,
    &vade::BOOK,
    &recipient_org::BOOK,
];

pub(crate) fn book(party: Party) -> Option<&'static PartyBook> {
    BOOKS.iter().copied().find(|b| b.party == party)
}

/// Where `(party, reason)` leads: the party's playbook, or the generic one on purpose.
pub fn route(party: Party, reason: Reason) -> Route {
    let Some(book) = book(party) else {
        return Route::Generic;
    };
    if book.generic.contains(&reason) {
        return Route::Generic;
    }
    book.routes
        .iter()
        .find(|(reasons, _)| reasons.contains(&reason))
        .map_or(Route::Generic, |(_, p)| Route::Playbook(p))
}

/// The generic playbook of a reason.
pub(crate) fn generic(reason: Reason) -> &'static Playbook {
    generic::BY_REASON
        .iter()
        .find(|(r, _)| *r == reason)
        .map_or(&generic::UNDEFINED, |(_, p)| p)
}

/// Japanese mobile carriers by their mail domains, in `Party::ALL` order.
const CARRIERS: &[(Party, &[&str])] = &[
    (Party::Docomo, docomo::RECIPIENT_DOMAINS),
    (Party::Au, au::RECIPIENT_DOMAINS),
    (Party::Softbank, softbank::RECIPIENT_DOMAINS),
];

/// True for a Japanese mobile carrier's own mail domain (`docomo.ne.jp`, `ezweb.ne.jp`, ...).
pub(crate) fn is_carrier_domain(domain: &str) -> bool {
    CARRIERS
        .iter()
        .any(|(_, domains)| domains.iter().any(|d| domain.eq_ignore_ascii_case(d)))
}

/// The Japanese mobile carrier whose address the bounce is about: the domain of the recipient
/// that speaks for the message, else the rejecting server's name (`lsean.ezweb.ne.jp`).
pub(crate) fn carrier_of(d: &Diagnosis) -> Option<Party> {
    let main = d
        .recipients
        .iter()
        .find(|r| r.reason == d.reason)
        .or_else(|| d.recipients.first());
    let recipient_domain = main
        .and_then(|r| r.recipient.rsplit_once('@'))
        .map(|(_, domain)| domain);
    let host = d
        .remote_host
        .as_deref()
        .or_else(|| main.and_then(|r| r.remote_host.as_deref()));
    let under = |name: &str, domain: &str| {
        let name = name.trim().trim_end_matches(['.', '>']);
        name.eq_ignore_ascii_case(domain)
            || (name.len() > domain.len()
                && name.is_char_boundary(name.len() - domain.len() - 1)
                && name[name.len() - domain.len() - 1..]
                    .eq_ignore_ascii_case(&format!(".{domain}")))
    };
    [recipient_domain, host]
        .into_iter()
        .flatten()
        .find_map(|name| {
            CARRIERS
                .iter()
                .find(|(_, domains)| domains.iter().any(|dom| under(name, dom)))
                .map(|(p, _)| *p)
        })
}

/// The playbook a note of the core stands for, if any.
pub(crate) fn by_note(id: &str) -> Option<&'static Playbook> {
    match id {
        "receiver_resolver_refused" => Some(&spamhaus::OPEN_RESOLVER),
        "closed_list" => Some(&closed_list::CLOSED),
        // The sender's own server refused a From address the login does not own: whoever the
        // core named and whatever reason it gave, the fix is the account.
        "sender_login_mismatch" => Some(&generic::SENDER_LOGIN_MISMATCH),
        // The sender's own mail service stopped sending from the account: whatever reason the
        // core gave, the account is what to restore.
        "sender_account_stopped" => Some(&generic::SENDER_ACCOUNT_STOPPED),
        // A receiving server's own log of a client it refused: the reader runs that server, so
        // the sender's advice about "your" listed address does not fit, whatever the list.
        "inbound_refusal_log" => Some(&generic::INBOUND_REFUSAL),
        // The refused address is Microsoft's cloud connecting for the new Outlook: the user's own
        // mail host refused Microsoft, so no advice about "your" listed address fits.
        "via_microsoft_cloud" => Some(&mscloud::REFUSED_MICROSOFT_CLOUD),
        // A list of domain names was cited: a name in the mail is listed, not the sending IP, so
        // no advice about "your" listed address fits. (Spamhaus's DBL keeps its own advice:
        // `select.rs` skips the note for it.)
        "domain_listed" => Some(&generic::DOMAIN_LISTED),
        // Gmail refused mail sent over IPv6 for its IPv6 guidelines: PTR and SPF or DKIM for the
        // IPv6 address, or IPv4 for now, whether or not the address is shown.
        "gmail_ipv6" => Some(&gmail::IPV6_GUIDELINES),
        // A group refused the post, or may not exist (Google Groups' notice in any language):
        // the group's address or its owner's setting, never a block of the sender, whatever
        // reason the words gave.
        "group_post_refused" => Some(&generic::GROUP_NO_PERMISSION),
        _ => None,
    }
}

/// IP blocklists whose listings stay until someone acts, with the playbook of a listing there
/// (refined by the answer for Spamhaus' combined zones: SBL, CSS, XBL, PBL). Fact sheet §2.0a and
/// the sub-sections: Spamhaus "SBL: ISP emails Spamhaus; CSS/XBL/PBL: self-service" (§2.1),
/// Barracuda "web form" (§2.5), PSBL "self-service" (§2.8), Mailspike "self-service removal"
/// (§2.9), SpamRATS "Spam: self; Dyna/NoPtr: fix rDNS first" (§2.10).
///
/// Lists whose listings expire by themselves are left out on purpose, each as the catalogue of
/// `ndr-dnsbl` says it: SpamCop ("automatic 24 h after the last report",
/// https://www.spamcop.net/fom-serve/cache/298.html), UCEPROTECT (level 1 "automatic after 7
/// days", levels 2 and 3 de-escalate by themselves), Backscatterer ("automatic after 4 weeks"),
/// Spam Eating Monkey ("automatic (7 or 15 days)"), Truncate ("automatic only").
/// Domain lists (Spamhaus DBL) are left out too: a refusal of the sending IP is not about them.
const LASTING: &[(&str, &Playbook)] = &[
    ("zen.spamhaus.org", &spamhaus::ZEN),
    ("zen.dq.spamhaus.net", &spamhaus::ZEN),
    ("sbl.spamhaus.org", &spamhaus::SBL),
    ("xbl.spamhaus.org", &spamhaus::XBL),
    ("pbl.spamhaus.org", &spamhaus::PBL),
    ("b.barracudacentral.org", &barracuda::LISTED),
    ("psbl.surriel.com", &psbl::LISTED),
    ("bl.mailspike.net", &mailspike::LISTED),
    ("spam.spamrats.com", &spamrats::SPAM),
    ("dyna.spamrats.com", &spamrats::DYNA),
    ("noptr.spamrats.com", &spamrats::DYNA),
];

/// The list operator whose zone `zone` is (or is under): the lists of `LASTING`, then the zones
/// a party's refinements name (`dbl.spamhaus.org`, `dnsbl-2.uceprotect.net`).
pub(crate) fn zone_party(zone: &str) -> Option<Party> {
    LASTING
        .iter()
        .find(|(z, _)| zone_is(zone, z))
        .and_then(|(_, p)| p.party)
        .or_else(|| {
            BOOKS
                .iter()
                .flat_map(|b| b.refine.iter())
                .find(|r| matches!(r.when, Needle::Zone(z) if zone_is(zone, z)))
                .and_then(|r| r.to.party)
        })
}

/// The playbook of a listing the lookups found on a list whose listings do not expire by
/// themselves (`LASTING`), the most urgent first (`Now` before `Soon`; the first found among
/// equals). `None` when no such list lists the address.
pub(crate) fn lasting_listing(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> Option<&'static Playbook> {
    let rank = |p: &Playbook| match p.urgency {
        crate::model::Urgency::Now => 3,
        crate::model::Urgency::Soon => 2,
        crate::model::Urgency::Wait => 1,
        crate::model::Urgency::None => 0,
    };
    let mut best: Option<&'static Playbook> = None;
    for l in listings {
        let Some((_, base)) = LASTING.iter().find(|(zone, _)| zone_is(l.zone, zone)) else {
            continue;
        };
        let p = refine(base, d, listings, not_listed).unwrap_or(base);
        if best.is_none_or(|b| rank(p) > rank(b)) {
            best = Some(p);
        }
    }
    best
}

/// The playbook of each listing the lookups found on a list whose listings do not expire by
/// themselves (`LASTING`), in the order of `listings`, one per list operator.
pub(crate) fn lasting_listings(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> Vec<&'static Playbook> {
    let mut out: Vec<&'static Playbook> = Vec::new();
    for l in listings {
        let Some((_, base)) = LASTING.iter().find(|(zone, _)| zone_is(l.zone, zone)) else {
            continue;
        };
        let p = refine(base, d, listings, not_listed).unwrap_or(base);
        if !out.iter().any(|q| q.party == p.party) {
            out.push(p);
        }
    }
    out
}

/// Notes of the core that a playbook already says in its verdict, because the playbook was
/// chosen for that very note (step 0 of `select.rs`): listed under it, the note would repeat the
/// verdict almost word for word (review 4, cases 20 and 34). The diagnosis and its JSON keep
/// every note; the page and the CLI leave these out of their lists (`Rendered::says_note`).
/// Ordered as the notes in `by_note`, `by_reply_note` and `by_read_receipt`, then the
/// playbooks chosen otherwise whose verdict says a note.
pub(crate) const NOTES_SAID: &[(&str, &str)] = &[
    (spamhaus::OPEN_RESOLVER.id, "receiver_resolver_refused"),
    (spamhaus::OPEN_RESOLVER_OWN.id, "receiver_resolver_refused"),
    (spamhaus::OPEN_RESOLVER_OWN.id, "inbound_refusal_log"),
    (closed_list::CLOSED.id, "closed_list"),
    (generic::GROUP_NO_PERMISSION.id, "group_post_refused"),
    (generic::SENDER_LOGIN_MISMATCH.id, "sender_login_mismatch"),
    (generic::SENDER_ACCOUNT_STOPPED.id, "sender_account_stopped"),
    (generic::INBOUND_REFUSAL.id, "inbound_refusal_log"),
    (generic::MAILBOXFULL_OWN_SERVER.id, "inbound_refusal_log"),
    (docomo::FULL_OR_TOO_LARGE.id, "full_or_too_big"),
    (generic::FULL_OR_TOO_LARGE.id, "full_or_too_big"),
    (generic::READ_RECEIPT.id, "read_receipt"),
    (generic::READ_RECEIPT_DISPLAYED.id, "read_receipt"),
    (generic::READ_RECEIPT_DELETED.id, "read_receipt"),
    (generic::READ_RECEIPT_DISPATCHED.id, "read_receipt"),
    (generic::READ_RECEIPT_PROCESSED.id, "read_receipt"),
    // Chosen for the reason, not for a note, but the verdict says the note's words: an
    // automatic reply, not an error (review 5, L1); the sender's own server refused and the
    // receiving side refused nothing.
    (generic::VACATION.id, "auto_reply"),
    (generic::DELAYED_GREYLISTED.id, "greylisted"),
    (generic::OWN_RELAY_REFUSED.id, "refused_at_submission"),
    (generic::OWN_RELAY_SETTING.id, "refused_at_submission"),
    (generic::SENDER_LOGIN_MISMATCH.id, "refused_at_submission"),
    // The verdict says the program's own error and that the message was not sent.
    (generic::DELAYED_PROGRAM.id, "refused_at_submission"),
    (generic::LIMIT_AT_SUBMISSION.id, "refused_at_submission"),
    // The verdict says the program could not connect and that the message was not sent.
    (
        generic::PROGRAM_PORT25_BLOCKED.id,
        "connect_failed_at_submission",
    ),
    (
        generic::PROGRAM_CANNOT_CONNECT.id,
        "connect_failed_at_submission",
    ),
    (esp::SENDER_IP_LISTED.id, "sent_through_esp"),
    (
        forwarder::REFUSED_AFTER_FORWARDING.id,
        "refused_after_forwarding",
    ),
    (mscloud::REFUSED_MICROSOFT_CLOUD.id, "via_microsoft_cloud"),
    (generic::DOMAIN_LISTED.id, "domain_listed"),
    (spamhaus::DBL.id, "domain_listed"),
    (gmail::IPV6_GUIDELINES.id, "gmail_ipv6"),
    (icloud::POLICY_GOOGLE.id, "sender_on_google"),
];

/// True when the playbook `playbook_id` already says what the note `note_id` says.
pub(crate) fn says_note(playbook_id: &str, note_id: &str) -> bool {
    NOTES_SAID
        .iter()
        .any(|(p, n)| *p == playbook_id && *n == note_id)
}

/// The playbook a provider's own wording in the error text stands for, whoever the core named
/// as the blocking party (a Microsoft 365 group restricted to its own senders; Google refusing
/// mail sent direct from an end-user address, which the core reads as relaying), or the words of
/// a cap on the sender's own hosting account (cPanel's hourly limit, which Sisimai calls
/// `toomanyconn` as if the receiver were limiting), a mail loop, or a refused HELO/EHLO name
/// (which the core may call `blocked`).
pub(crate) fn by_wording(d: &Diagnosis) -> Option<&'static Playbook> {
    const TABLES: &[&[(&str, &Playbook)]] =
        &[microsoft::WORDINGS, gmail::WORDINGS, outlook_com::WORDINGS];
    let mut text = String::new();
    // Only the replies that gave the reason: another reply's wording in the same paste chose
    // the other reply's playbook (held-out k, HIGH-2).
    for r in &d.recipients {
        if crate::select::from_another_reply(d, &r.diagnostic_text) {
            continue;
        }
        text.push_str(&r.diagnostic_text.to_lowercase());
        text.push('\n');
    }
    for e in &d.evidence {
        let words = crate::select::read_in(e);
        if crate::select::from_another_reply(d, words) {
            continue;
        }
        text.push_str(&words.to_lowercase());
        text.push('\n');
    }
    // A paste's markdown bold ("part of their network **is on our block list**", held-out ab
    // 18) is no part of the provider's words; the diagnosis keeps the pasted bytes.
    let text = text.replace("**", "");
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .find(|(fragment, _)| text.contains(fragment))
        .map(|(_, p)| *p)
        .or_else(|| esp::by_ses_unverified(&text))
        .or_else(|| generic::by_own_cap(&text))
        .or_else(|| generic::by_loop(&text))
        .or_else(|| generic::by_helo(&text))
        .or_else(|| generic::by_hosting_filter(&text))
        .or_else(|| generic::by_relay_account(&text))
}

/// The playbook of a reply whose meaning the core noted, if any: `full_or_too_big` (docomo's "552
/// Too much mail data": a full mailbox or a message too large) is docomo's own playbook for a
/// docomo address, the generic one elsewhere.
pub(crate) fn by_reply_note(d: &Diagnosis) -> Option<&'static Playbook> {
    if !d.notes.iter().any(|n| n.id == "full_or_too_big") {
        return None;
    }
    let at_docomo = match d.blocking_party {
        Some(p) => p == Party::Docomo,
        None => carrier_of(d) == Some(Party::Docomo),
    };
    Some(if at_docomo {
        &docomo::FULL_OR_TOO_LARGE
    } else {
        &generic::FULL_OR_TOO_LARGE
    })
}

/// The playbook of a read receipt (the core's note `read_receipt`, detail the RFC 8098
/// disposition type), when the message was delivered: it says what the receipt says, nothing to
/// do. A report that also names a failure is read as that failure.
pub(crate) fn by_read_receipt(d: &Diagnosis) -> Option<&'static Playbook> {
    if d.reason != Reason::Delivered {
        return None;
    }
    d.notes
        .iter()
        .find(|n| n.id == "read_receipt")
        .map(|n| generic::read_receipt_for(&n.detail))
}

/// How a party is called.
pub fn party_name(party: Party) -> Text {
    book(party).map_or(
        text! {
            ja: "不明な相手",
            en: "An unknown party",
        },
        |b| b.name,
    )
}

/// Domains links of `party` may point to; `None` is the generic playbooks' list.
pub fn allowed_domains(party: Option<Party>) -> &'static [&'static str] {
    match party.and_then(book) {
        Some(b) => b.domains,
        None => generic::DOMAINS,
    }
}

pub(crate) fn all_codes() -> impl Iterator<Item = CodeEntry> {
    BOOKS
        .iter()
        .flat_map(|b| b.codes.iter().copied())
        .chain(generic::CODES.iter().copied())
}

/// Every playbook: the parties' in party order, then the generic ones.
pub fn playbooks() -> &'static [&'static Playbook] {
    static ALL: OnceLock<Vec<&'static Playbook>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<&'static Playbook> = Vec::new();
        let candidates = BOOKS
            .iter()
            .flat_map(|b| b.playbooks.iter().copied())
            .chain(generic::BY_REASON.iter().map(|(_, p)| *p))
            .chain(generic::EXTRA.iter().copied())
            .chain(esp::PLAYBOOKS.iter().copied())
            .chain(forwarder::PLAYBOOKS.iter().copied())
            .chain(mscloud::PLAYBOOKS.iter().copied());
        for p in candidates {
            // A playbook shared by several parties (a carrier's) is listed once.
            if !all.iter().any(|q| q.id == p.id) {
                all.push(p);
            }
        }
        all
    })
}

/// The playbook with this id.
pub fn playbook(id: &str) -> Option<&'static Playbook> {
    playbooks().iter().copied().find(|p| p.id == id)
}

pub(crate) fn refine(
    base: &'static Playbook,
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> Option<&'static Playbook> {
    let rules = BOOKS
        .iter()
        .flat_map(|b| b.refine.iter())
        .filter(|r| r.from == base.id);
    let mut haystack: Option<String> = None;
    for rule in rules {
        let hit = match rule.when {
            Needle::Zone(zone) => d.list_zone.as_deref().is_some_and(|z| zone_is(z, zone)),
            Needle::ProviderCode(code) => d
                .provider_code
                .as_deref()
                .is_some_and(|pc| pc.trim().eq_ignore_ascii_case(code)),
            Needle::Text(fragment) => {
                let text = haystack.get_or_insert_with(|| {
                    let mut all = String::new();
                    for r in &d.recipients {
                        all.push_str(&r.diagnostic_text.to_lowercase());
                        all.push('\n');
                    }
                    for e in &d.evidence {
                        all.push_str(&crate::select::read_in(e).to_lowercase());
                        all.push('\n');
                    }
                    all
                });
                text.contains(fragment)
            }
            Needle::Listed(zone, answers) => listings
                .iter()
                .any(|l| zone_is(l.zone, zone) && answers.contains(&l.answer.trim())),
            Needle::NotListed(zone) => {
                not_listed.iter().any(|z| zone_is(z, zone))
                    && !listings.iter().any(|l| zone_is(l.zone, zone))
            }
        };
        if hit {
            return Some(rule.to);
        }
    }
    None
}

/// `zone` is `parent` or a sub-zone of it, ignoring case and a trailing dot.
pub(crate) fn zone_is(zone: &str, parent: &str) -> bool {
    let zone = zone.trim().trim_end_matches('.');
    if zone.eq_ignore_ascii_case(parent) {
        return true;
    }
    zone.len() > parent.len()
        && zone.is_char_boundary(zone.len() - parent.len())
        && zone[zone.len() - parent.len()..].eq_ignore_ascii_case(parent)
        && zone.as_bytes()[zone.len() - parent.len() - 1] == b'.'
}

#[cfg(test)]
mod tests {
    use super::{by_note, playbook, zone_is, NOTES_SAID};

    #[test]
    fn the_notes_a_playbook_says_are_real_notes_and_real_playbooks() {
        for (p, n) in NOTES_SAID {
            assert!(playbook(p).is_some(), "{p}");
            assert!(ndr_core::Note::IDS.contains(n), "{n}");
        }
        // A playbook chosen for a note by `by_note` says that note.
        for n in ndr_core::Note::IDS {
            if let Some(p) = by_note(n) {
                assert!(super::says_note(p.id, n), "{} for {n}", p.id);
            }
        }
    }

    #[test]
    fn zones_match_themselves_and_sub_zones() {
        assert!(zone_is("zen.spamhaus.org", "zen.spamhaus.org"));
        assert!(zone_is("ZEN.spamhaus.org.", "zen.spamhaus.org"));
        assert!(zone_is("key.zen.dq.spamhaus.net", "zen.dq.spamhaus.net"));
        assert!(!zone_is("xzen.spamhaus.org", "zen.spamhaus.org"));
        assert!(!zone_is("spamhaus.org", "zen.spamhaus.org"));
        assert!(!zone_is("ａzen.spamhaus.org", "zen.spamhaus.org"));
    }
}
