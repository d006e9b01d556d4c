//! Picks the most specific playbook for a `Diagnosis`.
//!
//! Order (the first step that finds something wins):
//! 0. the receiving server's own log (the core's note `inbound_refusal_log`), whose reader runs
//!    that server: a refusal its failed Spamhaus query caused is its resolver to fix
//!    (`spamhaus-open-resolver-own`), a full mailbox (there, or in a Postfix final-delivery
//!    agent's own line) its quota (`generic-mailboxfull-own-server`);
//!    a note that changes who must act: `receiver_resolver_refused` (the recipient's DNS is
//!    refused by Spamhaus), `closed_list` (the recipient still uses a dead list),
//!    `sender_login_mismatch` (the sender's own server refused a From address the login does
//!    not own), `sender_account_stopped` (the sender's own mail service stopped sending from the
//!    account), `via_microsoft_cloud` (the user's own mail host refused Microsoft's cloud, which
//!    the new Outlook connects from: `microsoft-cloud-refused-by-own-host`, kept whatever the
//!    reply's class or the lookups), `full_or_too_big` (a reply that means a full mailbox or a message too large:
//!    docomo's own playbook for a docomo address, the generic one elsewhere), `read_receipt`
//!    on a delivered message (the receipt's disposition type: opened, deleted, ...);
//!    `sender_on_microsoft365` (the mail left through Microsoft 365) turns any playbook about a
//!    listed sending IP, found by the steps below, into Microsoft 365's own (last of all, so
//!    that the list's refinements cannot undo it); a Gmail sender address, or the note
//!    `sender_on_google` (Google's notice about the sender's outgoing mail), does the same with
//!    Gmail's; `sent_through_esp` (a sending service's own event: SendGrid, Mailgun, Postmark,
//!    Amazon SES) turns it into the sending service's (`esp-sender-ip-listed`), and
//!    `refused_after_forwarding` (a forwarder passed on a later hop's refusal of its own
//!    address) into the forwarder's (`forwarder-ip-refused`, the recipient's side acts);
//!    a recipient reached through an alias or a forwarding (the core's `original_recipient`)
//!    whose mailbox cannot take mail (unknown, full, suspended, moved, no such domain) gets
//!    `forwarded-destination-refused`: the forwarding's owner acts, not the sender;
//! 1. the provider code (`S3150`, `AS(16012609)`, `TSS04`, `ERS-QIL`, ...) in the code index,
//!    or a provider's own wording in the error text (`RESOLVER.RST.AuthRequired`);
//! 2. the enhanced status code together with the blocking party (`5.7.606` at Microsoft);
//!    when several entries match, the one whose reason is the diagnosis' reason; when none
//!    names a reason the core only reads from the words (`authfailure` for Gmail's old
//!    5.7.1 DMARC refusal), step 3 goes first;
//! 3. the blocking party and the reason, through the party's routing table (which sends
//!    reasons that are not about this party to step 5, explicitly); with no party, a Japanese
//!    mobile carrier's recipient domain stands for the party for an unknown address (or one the
//!    core read as filtered from the wording alone), whose meaning there differs
//!    (`CARRIER_REASONS`);
//! 4. with no party: an enhanced code that only one provider uses (`5.7.606`);
//! 5. the generic playbook: for an undefined reason, the RFC 3463 meaning of the enhanced
//!    code when it has one; otherwise the generic playbook of the reason.
//!
//! A party's playbook that says its refusal is final gives way to the same party's deferral
//! when the reply is temporary (4xx), whatever tag the reply carries or hides (`TEMPORARY_FORMS`:
//! Yahoo's "[XXX] ... temporarily deferred" is no TSS09); the other way round, a party's deferral
//! chosen by the party and the reason alone gives way to the reason's generic playbook when the
//! reply is permanent (5xx): no wait, and no block the bounce does not show. A size or count limit quoted by a mail
//! program's own send error (`refused_at_submission`) is the sender's own server's
//! (`generic-limit-at-submission`), not the recipient's.
//!
//! A temporary reply (4xx) quoted by a program's own error (the core's note
//! `refused_at_submission`: a mail program's or a mail library's send error) gets
//! `generic-delayed-program` instead of any party-less playbook: no queue retries it, so the
//! sender sends again after a few minutes.
//!
//! A report in which every recipient is only delayed (RFC 3464 `Action: delayed`) gets the
//! "delayed, not failed yet" playbook instead of a generic one written for a final failure
//! (including the generic waits whose steps resend once, later: a receiver fault, an unreachable
//! server); a party's playbook stays (acting on a listing can still save the message), and so
//! does any playbook already written for a wait (Microsoft's and Outlook.com's throttles).
//! Sisimai's `onhold` means "too little information to decide the reason", not "paused": it (and
//! `undefined`) is read as a refusal unless the report is delayed or its reply is temporary (4xx,
//! no failed recipient: the delayed playbook); a failed recipient with a temporary last reply is
//! a server that retried and gave up (`generic-expired`). A delay notice whose last reply is permanent (5xx: "refused to talk to me: 554")
//! is no wait: a refusal of the sender gets the "delayed, but refused" playbook (the blocked
//! steps), any other reason keeps its own generic playbook.
//!
//! A generic playbook whose usual reading the bounce contradicts is swapped for a narrower one:
//! a security refusal whose words name the sending side's own setting (SparkPost's "Unconfigured
//! Sending Domain", a DKIM or SPF check) is that setting's playbook, with no recipient to ask;
//! a refusal of the sender by a server reached on a submission port (587, 465: the sender's own
//! provider's outgoing server), or quoted by a mail program's own send error (the core's note
//! `refused_at_submission`), is that provider's, not the receiving server's;
//! "relaying denied" said by the recipient's server (the core's note `refused_by_remote_server`,
//! or a host named in the bounce), or met by a sender on a webmail service (which has no SMTP
//! settings to change), is the recipient's side, not the sender's SMTP settings, unless a mail
//! program's own send error quotes it (then it is the sender's own server asking for a login). The swap only
//! replaces the generic relaying playbook, so a provider's own wording found earlier (Google's
//! "not authorized to send email directly", the sender's to fix) keeps its playbook.
//!
//! After that, a party's refinements may swap in a narrower playbook of the same party
//! (Spamhaus SBL/CSS/XBL/PBL/DBL from the zone, the text or a blocklist answer; UCEPROTECT
//! level; SpamRATS list; docomo's "Unknown user" read as its filter). Then a playbook that says
//! the named list's listing clears by itself (SpamCop) gives way to the playbook of a lasting
//! listing the lookups found on another list (Spamhaus SBL, Barracuda, ...), whose advice names
//! the list the refusal named; a playbook that asks to register the sender's domain gives way
//! to its variant for a public mail service's domain (Microsoft 365's 5.7.750 from `gmail.com`),
//! and one that asks to fix SPF, DKIM or DMARC in the From domain's DNS gives way to
//! `generic-authfailure-webmail-from` when that domain is a mail service's (`gmail.com`, or the
//! `google.com` a DMARC refusal names): its records are not the sender's to change;
//! last, the sender notes of step 0.

use ndr_core::{Diagnosis, Party, Reason};
use serde::{Deserialize, Serialize};

use crate::codes::{self, CodeKind};
use crate::model::{Actor, Medium, Playbook, Urgency};
use crate::party::{self, Route};
use crate::render::{self, Rendered};
use crate::text::{Lang, Text};

/// How a playbook was chosen (the steps of this module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectedBy {
    /// A note of the diagnosis (step 0).
    Note,
    /// The provider code (step 1).
    ProviderCode,
    /// The enhanced code at the blocking party (step 2).
    PartyCode,
    /// The blocking party and the reason (step 3).
    PartyReason,
    /// An enhanced code used by one provider only (step 4).
    UniqueCode,
    /// The RFC 3463 meaning of the enhanced code (step 5).
    GenericCode,
    /// The generic playbook of the reason (step 5).
    GenericReason,
    /// Every recipient is only delayed, and the playbook found would describe a final failure.
    Delayed,
    /// Rendered for a code page, without a bounce.
    CodePage,
}

/// The chosen playbook and how it was chosen.
#[derive(Debug, Clone, Copy)]
pub struct Selected {
    /// The playbook.
    pub playbook: &'static Playbook,
    /// How it was chosen.
    pub by: SelectedBy,
}

/// A blocklist answer the caller already has (from `ndr-dnsbl`), used to tell a list's
/// sub-lists apart (Spamhaus `127.0.0.4` is XBL). Only `listed` answers belong here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listing<'a> {
    /// The zone asked (`zen.spamhaus.org`).
    pub zone: &'a str,
    /// The A record it answered (`127.0.0.4`).
    pub answer: &'a str,
}

/// Picks the playbook for `d`.
pub fn select(d: &Diagnosis) -> Selected {
    select_with(d, &[])
}

/// Picks the playbook for `d`, using blocklist answers to refine it.
pub fn select_with(d: &Diagnosis, listings: &[Listing<'_>]) -> Selected {
    select_with_lookups(d, listings, &[])
}

/// Picks the playbook for `d`, using every clean blocklist answer the caller has: `listings`
/// (listed, with their answers) and `not_listed`, the zones that answered "not listed" (never a
/// zone that could not be checked). A refusal naming a list that no longer lists the address
/// then gets the "no longer listed" advice (SpamCop's listings expire by themselves).
///
/// A refusal that names a list whose listings expire by themselves (SpamCop) does not get "wait,
/// it clears by itself" when the lookups also find the address on a list whose listings stay
/// until someone acts (Spamhaus SBL): that list's playbook is chosen, so who acts and how soon
/// follow it, and [`advise_with_lookups`] says which list the refusal named.
pub fn select_with_lookups(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> Selected {
    select_past_passing(d, listings, not_listed).0 .0
}

/// The list a refusal named, passed over for a lasting listing the lookups found: the named
/// list's playbook and the lasting list's (before the sender notes may turn it into a mail
/// service's own advice).
#[derive(Clone, Copy)]
struct PassedOver {
    named: &'static Playbook,
    lasting: &'static Playbook,
}

/// A provider's own block of the sending address (Outlook.com's S3150, Microsoft 365's 5.7.606),
/// kept, and a lasting listing the lookups found on a public list, added to it.
#[derive(Clone, Copy)]
struct Alongside {
    lasting: &'static Playbook,
}

fn select_past_passing(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> ((Selected, Option<PassedOver>), Option<Alongside>) {
    let d = &decisive(d);
    let (found, passed) = select_named(d, listings, not_listed);
    // A private address cannot be on a public list: the receiver checked its own internal hop,
    // whatever list it names, and no lookup changes that.
    if names_a_private_address(d, found.playbook) {
        let private = Selected {
            playbook: &party::generic::LISTED_PRIVATE_IP,
            by: found.by,
        };
        return ((private, None), None);
    }
    let alongside = match (passed, ALONGSIDE_LISTINGS.contains(&found.playbook.id)) {
        (None, true) => party::lasting_listing(d, listings, not_listed)
            .filter(|lasting| lasting.party != found.playbook.party)
            .map(|lasting| Alongside { lasting }),
        _ => None,
    };
    ((found, passed), alongside)
}

/// True when the refusal names a blocklist (its zone, or a list's own playbook) and the blocked
/// address it names is a private or loopback one.
fn names_a_private_address(d: &Diagnosis, found: &Playbook) -> bool {
    use ndr_core::IpScope;
    let inside = matches!(
        named_ip(d).and_then(|(_, scope)| scope),
        Some(IpScope::Private) | Some(IpScope::Loopback)
    );
    let names_a_list = d.list_zone.is_some() || found.party.is_some_and(is_dnsbl_operator);
    inside && names_a_list && IP_LISTINGS.contains(&found.id)
}

/// Parties that run public DNS blocklists: the operators of address lists
/// (`Party::runs_an_address_list`) but for the reputation services and closed lists, whose
/// lists no one can query.
fn is_dnsbl_operator(p: Party) -> bool {
    p.runs_an_address_list()
        && !matches!(
            p,
            Party::Cloudmark | Party::Trendmicro | Party::Cisco | Party::ClosedList
        )
}

/// Playbooks about a provider's or a filter's own block of the sending address, each with its
/// own way out (Outlook.com's and Microsoft 365's delisting, Yahoo's form, Proofpoint's, ...).
/// That way out stays right when the lookups also find the address on a public list whose
/// listing lasts until someone acts (Spamhaus SBL), but it is not enough: the providers weigh
/// public listings too, so the lasting one is named next to it, its removal first.
const ALONGSIDE_LISTINGS: &[&str] = &[
    "outlook-com-network-block",
    "microsoft-banned-ip",
    "microsoft-banned-sender",
    "yahoo-blocked",
    "proofpoint-blocked",
    "cisco-talos-reputation",
    "cloudmark-blocked",
    "trendmicro-ers-rbl",
    "generic-blocked",
    "generic-badreputation",
];

fn select_named(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> (Selected, Option<PassedOver>) {
    let picked = pick(d);
    if picked.playbook.id == party::mscloud::REFUSED_MICROSOFT_CLOUD.id {
        // The user's own host refused Microsoft's cloud (step 0): whatever the reply's class or
        // a list the lookups found, the address is Microsoft's and the host is who can act.
        return (picked, None);
    }
    let base = when_permanent(when_temporary(swap_generic(picked, d), d), d);
    // A setting of the sender's own account a note names (a From address the login does not
    // own, an account whose sending was stopped) is fixed there, whatever the reply's class:
    // Proton Bridge says the first with a 451 ("451 4.0.0 backend: invalid return path: not
    // owned by user", held-out u 10), and sending again after a wait meets the same refusal.
    if base.by == SelectedBy::Note && WAIT_CANNOT_CURE_NOTES.contains(&base.playbook.id) {
        return (base, None);
    }
    if base.playbook.party.is_none()
        && base.playbook.id != party::generic::SPEEDING_AT_SUBMISSION.id
        && temporary_reply(d)
        && sent_by_a_program(d)
    {
        // A program's own error keeps no queue: "your server is still retrying" would be
        // untrue, whichever generic playbook the reason found. A reason that waiting cannot
        // cure (too big, mailbox full) keeps its own advice.
        if !retry_cannot_help(d.reason) {
            let program = Selected {
                playbook: &party::generic::DELAYED_PROGRAM,
                by: SelectedBy::Delayed,
            };
            return (program, None);
        }
    }
    if base.playbook.party.is_none()
        && !written_for_a_wait(base.playbook)
        && base.playbook.id != party::generic::HELO_REFUSED.id
        && base.playbook.id != party::generic::OWN_TLS_REQUIRED.id
        && base.playbook.id != party::generic::PORT25_UNREACHABLE.id
        && still_trying(d, base)
    {
        // A warning whose last reply is a 5xx refusal is not a wait: the refusal of the sender
        // gets the blocked advice, sooner; any other keeps its reason's own advice (an unknown
        // address does not appear by waiting either).
        let playbook = match (
            refused_for_good(d),
            REFUSAL_OF_THE_SENDER.contains(&d.reason),
        ) {
            // A missing domain seldom appears by waiting: the spelling check comes first.
            (false, _) if d.reason == Reason::HostUnknown => &party::generic::DELAYED_HOSTUNKNOWN,
            (false, _) if greylisted(d) => &party::generic::DELAYED_GREYLISTED,
            (false, _) => &party::generic::DELAYED,
            (true, true)
                if base.playbook.id != party::generic::OWN_RELAY_REFUSED.id
                    && base.playbook.id != party::generic::OWN_RELAY_SETTING.id =>
            {
                &party::generic::DELAYED_REFUSED
            }
            (true, _) => return (base, None),
        };
        let delayed = Selected {
            playbook,
            by: SelectedBy::Delayed,
        };
        return (delayed, None);
    }
    if gave_up_on_a_deferral(d, base) {
        // A failure notice whose last reply was temporary: the sending server retried until it
        // gave up. "Refused", "until the cause is fixed" would blame a refusal nobody made.
        let expired = Selected {
            playbook: party::generic(Reason::Expired),
            by: base.by,
        };
        return (expired, None);
    }
    let found = match party::refine(base.playbook, d, listings, not_listed) {
        Some(narrower) => Selected {
            playbook: narrower,
            by: base.by,
        },
        None => base,
    };
    let found = named_list_clear(found, d, listings, not_listed);
    let (found, passed) = match PASSING_LISTINGS.contains(&found.playbook.id) {
        true => match party::lasting_listing(d, listings, not_listed) {
            Some(lasting) => (
                Selected {
                    playbook: lasting,
                    by: found.by,
                },
                Some(PassedOver {
                    named: found.playbook,
                    lasting,
                }),
            ),
            None => (found, None),
        },
        false => (found, None),
    };
    (
        through_sender_notes(over_ipv6(for_a_personal_sender(found, d), d), d),
        passed,
    )
}

/// A list's playbook (or the generic block one) for a refusal that names a list of addresses,
/// when that list's own row answered "not listed" with a clean answer and no lookup found the
/// address on it: the list does not list it now, so "request removal" is untrue. Never for a
/// list that could not be checked (the caller passes only clean "not listed" zones), never for
/// an address that is not the sender's to send from again (a receiving server's own log, a
/// forwarder's, the user's own connection at submission, which keep their advice). SpamCop's
/// own "expired" playbook is chosen before this, by its `refine` rule.
fn named_list_clear(
    found: Selected,
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
) -> Selected {
    let Some(named) = d
        .list_zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
    else {
        return found;
    };
    let a_list_of_addresses = found.playbook.party.is_none_or(is_dnsbl_operator);
    if !IP_LISTINGS.contains(&found.playbook.id)
        || !a_list_of_addresses
        || named_ip(d).is_none()
        // Only a public address is looked up: a "not listed" row is about no other one.
        || !named_ip(d).and_then(|(_, scope)| scope).is_some_and(|s| s.is_checkable())
        || refused_at_submission(d)
        || ip_is_a_refused_client(d)
        || ip_is_a_forwarders(d)
    {
        return found;
    }
    // The row that answers for the named zone: the zone itself, or the list it is part of
    // (Spamhaus ZEN holds the SBL, CSS, XBL and PBL: "zen.spamhaus.org ... combines all").
    let answers_for = |zone: &str| {
        party::zone_is(named, zone)
            || (zone_is_zen(zone) && ZEN_PARTS.iter().any(|p| party::zone_is(named, p)))
    };
    let clean = not_listed.iter().any(|z| answers_for(z));
    let listed = listings.iter().any(|l| answers_for(l.zone));
    if !clean || listed {
        return found;
    }
    Selected {
        playbook: &party::generic::NAMED_LIST_CLEAR,
        by: found.by,
    }
}

/// Spamhaus's IP lists that ZEN combines.
// Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
const ZEN_PARTS: &[&str] = &[
    "sbl.spamhaus.org",
    "css.spamhaus.org",
    "xbl.spamhaus.org",
    "pbl.spamhaus.org",
    "sbl-xbl.spamhaus.org",
];

fn zone_is_zen(zone: &str) -> bool {
    party::zone_is(zone, "zen.spamhaus.org")
}

/// Playbooks chosen for a note of the core about the sender's own account (step 0 of `pick`):
/// no wait and no retry cures what they name, so a temporary reply keeps them.
const WAIT_CANNOT_CURE_NOTES: &[&str] = &[
    party::generic::SENDER_LOGIN_MISMATCH.id,
    party::generic::SENDER_ACCOUNT_STOPPED.id,
];

/// A party's playbook that says its refusal is final, and the same party's playbook for its
/// temporary form. The reply class decides, not the tag: a 4xx reply is a deferral whatever tag
/// it carries, a masked one (`[XXX]`) included, and "retrying will not help" would be untrue.
// Source: Yahoo's categories, https://senders.yahooinc.com/smtp-error-codes ("421 4.7.0 [TSS04]
// Messages from <IP> temporarily deferred due to unexpected volume or user complaints" against
// "553 5.7.2 [TSS09] All messages from <IP> will be permanently deferred").
const TEMPORARY_FORMS: &[(&str, &str)] = &[("yahoo-blocked", "yahoo-deferred")];

fn when_temporary(found: Selected, d: &Diagnosis) -> Selected {
    if !temporary_reply(d) {
        return found;
    }
    TEMPORARY_FORMS
        .iter()
        .find(|(final_form, _)| *final_form == found.playbook.id)
        .and_then(|(_, temporary)| party::playbook(temporary))
        .map_or(found, |playbook| Selected {
            playbook,
            by: found.by,
        })
}

/// A party's deferral playbook, chosen by the party and the reason alone (no code of the
/// party's named it), over a reply that is permanent (5xx): the refusal is final, and
/// "it clears by itself, wait" would be untrue. No block of the party's is known either (its
/// block playbook names the codes that say so), so the reason's generic playbook applies.
/// Yahoo is named for its server alone when its reply carries no code of its own (the core's
/// `yahoo::refusing_mx`), so a 5xx that reads as a reputation or rate refusal meets this.
// Source: Yahoo's categories, https://senders.yahooinc.com/smtp-error-codes (its deferrals are
// 421 replies; its permanent refusals are 5xx with their own codes).
const DEFERRALS: &[&str] = &["yahoo-deferred"];

fn when_permanent(found: Selected, d: &Diagnosis) -> Selected {
    if found.by != SelectedBy::PartyReason
        || !DEFERRALS.contains(&found.playbook.id)
        || !permanent_reply(d)
    {
        return found;
    }
    Selected {
        playbook: party::generic(d.reason),
        by: SelectedBy::GenericReason,
    }
}

/// True when the decisive reply is permanent (RFC 5321 5yz; RFC 3463 class 5 when no reply code
/// is given, or both when both are): `temporary_reply`'s counterpart, and false when the bounce
/// gives no code at all.
fn permanent_reply(d: &Diagnosis) -> bool {
    reply_of_class(d, '5')
}

/// Advice that asks to register the sender's domain as the organisation's own (Microsoft 365's
/// 5.7.750) cannot hold for a public mail service's domain (`gmail.com`): its own variant says
/// to send from the organisation's address instead.
fn for_a_personal_sender(found: Selected, d: &Diagnosis) -> Selected {
    let personal = d
        .sender_domain
        .as_deref()
        .is_some_and(is_personal_mail_domain);
    if personal && found.playbook.id == party::microsoft::UNREGISTERED_DOMAIN.id {
        return Selected {
            playbook: &party::microsoft::UNREGISTERED_DOMAIN_PERSONAL,
            by: found.by,
        };
    }
    let not_owned = from_domain(d).is_some_and(|f| {
        is_personal_mail_domain(&f)
            || PROVIDER_OWN_DOMAINS
                .iter()
                .any(|p| f.eq_ignore_ascii_case(p))
    });
    if not_owned
        && (ASKS_TO_FIX_OWN_AUTH.contains(&found.playbook.id)
            || (d.reason == Reason::AuthFailure && found.playbook.party.is_none()))
    {
        return Selected {
            playbook: &party::generic::AUTH_WEBMAIL_FROM,
            by: found.by,
        };
    }
    found
}

/// Playbooks that ask the sender to fix SPF, DKIM or DMARC in the DNS of the From domain
/// (`generic::auth_playbook` and its variants). When that domain is a mail service's
/// (`gmail.com`), the DNS is not the sender's to change: `generic-authfailure-webmail-from`.
const ASKS_TO_FIX_OWN_AUTH: &[&str] = &[
    "generic-authfailure",
    "gmail-unauthenticated",
    "gmail-dmarc-policy",
    "gmail-spf",
    "gmail-dkim",
    "gmail-dmarc-alignment",
    "gmail-no-dmarc",
    "microsoft-ipv6-auth",
    "microsoft-spf-fail",
    "microsoft-dmarc-reject",
    "outlook-com-auth-515",
    "yahoo-unauthenticated",
];

/// Domains of a large mail provider's own staff, not of its users, that publish a DMARC policy
/// refusing other senders: nobody pasting a bounce runs them, and a web form or a script that
/// puts them in From (a "from: noreply@google.com" default) gets the same refusal as with a
/// webmail domain (held-out round h, case 22: "Unauthenticated email from google.com").
const PROVIDER_OWN_DOMAINS: &[&str] = &["google.com", "yahoo-inc.com", "microsoft.com"];

/// The From domain the refusal judged: the one a DMARC refusal's wording names (`dmarc_domain`),
/// else the sender's, else a mail service's domain whose SPF check the refusal says failed
/// (`spf_domain`; only such a domain, which nobody pasting a bounce runs, since the SPF domain
/// is the envelope's and may be a sending service's own).
pub(crate) fn from_domain(d: &Diagnosis) -> Option<String> {
    dmarc_domain(d)
        .or_else(|| {
            d.sender_domain
                .as_deref()
                .map(|s| s.trim().trim_end_matches('.').to_ascii_lowercase())
                .filter(|s| !s.is_empty())
        })
        .or_else(|| spf_domain(d).filter(|s| is_personal_mail_domain(s)))
}

/// Refusal wordings that name the From domain whose DMARC policy refused the mail: the words
/// before the domain and the words after it, lowercase, spaces single.
const DMARC_WORDINGS: &[(&str, &str)] = &[
    // Gmail: "Unauthenticated email from example.net is not accepted due to domain's DMARC
    // policy." Source: https://support.google.com/a/answer/3726730
    (
        "unauthenticated email from ",
        " is not accepted due to domain's dmarc policy",
    ),
    // Outlook.com: "550 5.7.0 (SNT004-MC4F16) Unfortunately, messages from (192.0.2.1) on behalf
    // of (example.net) could not be delivered due to domain owner policy restrictions." (held-out
    // round o, case 01; "domain owner policy" is the From domain's DMARC policy, RFC 7489's
    // "Domain Owner" and its "p=" tag). Source: https://datatracker.ietf.org/doc/html/rfc7489#section-6.3
    (
        "on behalf of (",
        ") could not be delivered due to domain owner policy",
    ),
];

/// Gmail's 5.7.26 wording for the SPF domain it checked: "SPF check for [example.net] does not
/// pass with ip: [192.0.2.1]". Source: https://support.google.com/a/answer/3726730
const SPF_WORDING: (&str, &str) = ("spf check for [", "] does not pass");

/// Words (lowercase, spaces single) in which a refusal says the sender's domain failed its SPF
/// check: SPF (RFC 7208 section 4.1) checks whether the SMTP client's address may send for the
/// envelope sender's domain, so the address the bounce names is the one to allow.
const SPF_FAILED_WORDS: &[&str] = &[
    // Microsoft 365: "550 5.7.23 The message was rejected because of Sender Policy Framework
    // violation" ("The recipient enforces SPF and the sender failed it").
    // Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
    "sender policy framework violation",
    // Tencent QQ Mail: "550 SPF check failed". Source: https://service.mail.qq.com/detail/122
    "spf check failed",
    // Outlook.com's 5.7.515 lists each check's result: "(Spf= Fail , Dkim= Pass , DMARC= Pass)".
    // Source: https://github.com/sisimai/go-sisimai/issues/150 (a real NDR, quoted in the
    // knowledge file)
    "spf= fail",
    "spf=fail",
    // pypolicyd-spf, the SPF check of many Postfix servers: "Message rejected due to: SPF fail
    // - not authorized" (its reject text for an SPF "fail" result); MailChannels: "550 5.7.1
    // [BFD] Sender prohibited by SPF" (dada-mail#717); both read in `ndr-core`'s reason table.
    "spf fail - not authorized",
    "prohibited by spf",
    // Gmail's 5.7.26: "The MAIL FROM domain [example.com] has an SPF record with a hard fail
    // policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.1]".
    // Source: https://support.google.com/a/answer/3726730
    "fails to pass spf checks",
];

/// Gmail's SPF results, where the checked domain's bracket opens and its own result follows
/// within the sentence: "SPF [example.com] with ip: [192.0.2.1] = did not pass", "SPF check for
/// [example.net] does not pass with ip: [192.0.2.1]", "SPF check for [example.net] did not pass
/// with ip: [192.0.2.1]". Source: https://support.google.com/a/answer/3726730 (5.7.26, 5.7.27)
const GMAIL_SPF_LEADS: &[&str] = &["spf [", "spf check for [", "the mail from domain ["];
const GMAIL_SPF_FAILED: &[&str] = &["did not pass", "does not pass", "fails to pass"];

/// The texts an SPF failure is read in: the replies that gave the reason, and the evidence (a
/// paste with no recipient keeps its words there), joined and lowercased, spaces single.
fn spf_texts(d: &Diagnosis) -> impl Iterator<Item = String> + '_ {
    d.recipients
        .iter()
        .filter(|r| r.reason == d.reason)
        .map(|r| r.diagnostic_text.as_str())
        .chain(d.evidence.iter().map(read_in))
        .map(|t| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
}

/// True when an authentication refusal says the SPF check failed (`SPF_FAILED_WORDS`, or
/// Gmail's result after the checked domain, `GMAIL_SPF_LEADS`): the advice then names the
/// sending address that the domain's SPF record must allow.
pub(crate) fn spf_failed(d: &Diagnosis) -> bool {
    d.reason == Reason::AuthFailure
        && spf_texts(d).any(|t| {
            SPF_FAILED_WORDS.iter().any(|w| t.contains(w))
                || GMAIL_SPF_LEADS.iter().any(|lead| {
                    t.match_indices(lead).any(|(at, _)| {
                        let rest = t.get(at + lead.len()..).unwrap_or("");
                        // The domain's own sentence: up to DKIM's result, at most 120 chars.
                        let end = rest.char_indices().nth(120).map_or(rest.len(), |(i, _)| i);
                        let own = rest.get(..end).unwrap_or("");
                        let own = own.split("dkim").next().unwrap_or("");
                        GMAIL_SPF_FAILED.iter().any(|w| own.contains(w))
                    })
                })
        })
}

/// The domain whose SPF check the refusal says failed, when Gmail's results name it in brackets
/// (`GMAIL_SPF_LEADS`): the envelope sender's domain, which may not be the From domain.
pub(crate) fn spf_checked_domain(d: &Diagnosis) -> Option<String> {
    spf_texts(d).find_map(|t| {
        GMAIL_SPF_LEADS.iter().find_map(|lead| {
            let at = t.find(lead)?;
            let rest = t.get(at + lead.len()..)?;
            let domain = rest.get(..rest.find(']')?)?.trim().trim_end_matches('.');
            let plain = domain.contains('.')
                && !domain.starts_with('.')
                && domain
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
            plain.then(|| domain.to_string())
        })
    })
}

/// The domain named in a DMARC refusal (`DMARC_WORDINGS`), in a recipient's error or in the
/// evidence (a paste with no recipient keeps its words there). `None` when no such sentence
/// names a plain domain (a masked "**domain**.com" is none).
pub(crate) fn dmarc_domain(d: &Diagnosis) -> Option<String> {
    DMARC_WORDINGS
        .iter()
        .find_map(|&(lead, tail)| named_domain(d, lead, tail))
}

/// The domain Gmail says failed its SPF check (`SPF_WORDING`).
fn spf_domain(d: &Diagnosis) -> Option<String> {
    named_domain(d, SPF_WORDING.0, SPF_WORDING.1)
}

fn named_domain(d: &Diagnosis, lead: &str, tail: &str) -> Option<String> {
    let texts = d
        .recipients
        .iter()
        .map(|r| r.diagnostic_text.as_str())
        .chain(d.evidence.iter().map(read_in));
    for t in texts {
        // Folded lines ("on behalf\nof (example.net)") read as one.
        let t = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let Some(at) = t.find(lead) else { continue };
        let rest = t.get(at + lead.len()..).unwrap_or("");
        let Some(end) = rest.find(tail) else { continue };
        let domain = rest.get(..end).unwrap_or("").trim_end_matches('.');
        let plain = domain.contains('.')
            && !domain.starts_with('.')
            && domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if plain {
            return Some(domain.to_string());
        }
    }
    None
}

/// Reasons whose own advice holds for a 4xx too: sending the same message again after a few
/// minutes cannot cure them ("452 4.3.4 Message size exceeds fixed limit", "452 4.2.2 Mailbox
/// full"), so a program's temporary refusal keeps its reason's playbook.
pub(crate) fn retry_cannot_help(r: Reason) -> bool {
    matches!(
        r,
        Reason::MesgTooBig
            | Reason::ExceedLimit
            | Reason::MailboxFull
            | Reason::UserUnknown
            | Reason::HostUnknown
            | Reason::HasMoved
            | Reason::NoRelaying
            | Reason::AuthFailure
            | Reason::NotCompliantRfc
            | Reason::Suspend
            | Reason::FailedStartTls
    )
}

/// True when the paste is a program's own error rather than a mail server's report: the core's
/// note `refused_at_submission`, which it gives to a mail program's send error and to a mail
/// library's (Python's smtplib, nodemailer, emailjs, PHPMailer, Swift Mailer; see the core's
/// `mta/mailprogram.rs`). Such a program keeps no queue.
pub fn sent_by_a_program(d: &Diagnosis) -> bool {
    refused_at_submission(d)
}

/// True when the decisive reply is temporary (RFC 5321 4yz; RFC 3463 class 4 when no reply code
/// is given, or both when both are).
fn temporary_reply(d: &Diagnosis) -> bool {
    reply_of_class(d, '4')
}

/// True when the decisive reply's codes (the reply code, the enhanced code, or both) are all of
/// `class`; false when the bounce gives neither.
fn reply_of_class(d: &Diagnosis, class: char) -> bool {
    let of_class = |c: &str| c.starts_with(class);
    match (smtp_code(d), enhanced_code(d)) {
        (Some(r), Some(e)) => of_class(r) && of_class(e),
        (Some(c), None) | (None, Some(c)) => of_class(c),
        (None, None) => false,
    }
}

/// Playbooks whose advice is that the listing clears by itself (wait, or send again once): the
/// list the refusal named lets its listings expire (SpamCop after 24 hours, UCEPROTECT level 1
/// after 7 days, Trend Micro's QIL within hours). A lasting listing the lookups find on another
/// list (`party::lasting_listing`) goes before them: waiting does not clear it.
const PASSING_LISTINGS: &[&str] = &[
    "spamcop-listed",
    "spamcop-no-longer-listed",
    "trendmicro-ers-qil",
    "uceprotect-level1",
];

/// PTR playbooks written for an IPv4 address and their IPv6 versions: an IPv6 sending address
/// means the mail went out over IPv6, which the advice then says, with the ways out that only
/// IPv6 has (the provider's panel for a self-run server, or sending over IPv4).
pub(crate) const PTR_IPV6: &[(&str, &str)] = &[
    ("generic-requireptr", "generic-requireptr-ipv6"),
    ("gmail-ptr", "gmail-ptr-ipv6"),
];

fn over_ipv6(found: Selected, d: &Diagnosis) -> Selected {
    let ipv6 = named_ip(d)
        .and_then(|(ip, _)| ip.trim().parse::<std::net::IpAddr>().ok())
        .is_some_and(|ip| ip.is_ipv6() && ip.to_canonical().is_ipv6());
    if !ipv6 {
        return found;
    }
    PTR_IPV6
        .iter()
        .find(|(v4, _)| *v4 == found.playbook.id)
        .and_then(|(_, v6)| party::playbook(v6))
        .map_or(found, |playbook| Selected {
            playbook,
            by: found.by,
        })
}

/// Playbooks about the sending IP address being on a blocklist (or refused for its standing by
/// a receiver's filter: Proofpoint, Yahoo's block): they send the user to their hosting company
/// or to the list. Ordered as the party files, then the providers.
pub(crate) const IP_LISTINGS: &[&str] = &[
    "abusix-listed",
    "barracuda-listed",
    "cisco-talos-reputation",
    "cloudmark-blocked",
    "generic-badreputation",
    "generic-blocked",
    "generic-delayed-refused",
    "mailspike-listed",
    "proofpoint-blocked",
    "psbl-listed",
    "spamcop-listed",
    "spamhaus-listed",
    "spamhaus-sbl",
    "spamhaus-css",
    "spamhaus-xbl",
    "spamhaus-pbl",
    "spamrats-spam",
    "spamrats-dyna-noptr",
    "trendmicro-ers-rbl",
    "uceprotect-level1",
    "uceprotect-level2-3",
    "vade-blocked",
    "yahoo-blocked",
];

/// Lists of end-user address ranges: a listing there is the address's kind, not its conduct.
const END_USER_RANGES: &[&str] = &["spamhaus-pbl", "spamrats-dyna-noptr"];

/// Step 0 for the sender's side: a note that says who runs the sending server changes who acts
/// on an IP listing. Mail sent through Microsoft 365 leaves from Microsoft's shared servers, so
/// a listed sending address is Microsoft's to handle, not a hosting company's; mail from a Gmail
/// address leaves from Google's, which the recipient's administrator can only let through.
fn through_sender_notes(found: Selected, d: &Diagnosis) -> Selected {
    let on_m365 = d.notes.iter().any(|n| n.id == "sender_on_microsoft365");
    // A SpamCop listing that has expired: sending again is still right, but stopping "what
    // causes the reports" is the provider's to do, not the sender's.
    if (on_m365 || sends_from_gmail(d) || through_esp(d))
        && found.playbook.id == party::spamcop::NO_LONGER_LISTED.id
    {
        return Selected {
            playbook: &party::spamcop::NO_LONGER_LISTED_SHARED,
            by: found.by,
        };
    }
    // A listed address that is not the sender's own: a shared pool of Microsoft 365 or Gmail, a
    // forwarder's refused by a later hop (the core's note `refused_after_forwarding`: the
    // recipient's side acts), or a sending service's (the note `sent_through_esp`: its support
    // acts on a shared address, the customer on a dedicated one; no hosting company is involved).
    // A receiver's own block of the address (Outlook.com's range block, Microsoft's banned
    // IP) is left out of `IP_LISTINGS` because Microsoft 365's pool never meets it; from a
    // sending service's address it is the service's to handle all the same: "contact your
    // Internet service provider" means the service, not a web host (held-out s, case 11).
    if through_esp(d) && OWN_BLOCKS_OF_THE_ADDRESS.contains(&found.playbook.id) {
        return Selected {
            playbook: &party::esp::SENDER_IP_LISTED,
            by: SelectedBy::Note,
        };
    }
    // iCloud's policy refusal of mail that Gmail sent: the sending server and its PTR are
    // Google's, so the advice asks for no IP address of the sender's (review h189, own 03).
    if found.playbook.id == party::icloud::POLICY.id && sends_from_gmail(d) {
        return Selected {
            playbook: &party::icloud::POLICY_GOOGLE,
            by: found.by,
        };
    }
    if IP_LISTINGS.contains(&found.playbook.id) {
        // Refused by the sender's own provider when the program handed the message over: the
        // listed address is the user's connection (home line, VPN), not a server of theirs. A
        // list of end-user ranges (PBL) keeps its own advice: it asks for the provider's
        // outgoing server with a login, which is the cure there.
        let not_own: Option<(&'static Playbook, SelectedBy)> =
            if refused_at_submission(d) && !END_USER_RANGES.contains(&found.playbook.id) {
                Some((
                    &party::generic::CLIENT_LISTED_AT_SUBMISSION,
                    SelectedBy::Note,
                ))
            } else if on_m365 {
                Some((&party::microsoft::SENDER_POOL_LISTED, SelectedBy::Note))
            } else if sends_from_gmail(d) {
                Some((&party::gmail::SENDER_POOL_LISTED, found.by))
            } else if ip_is_a_forwarders(d) {
                Some((
                    &party::forwarder::REFUSED_AFTER_FORWARDING,
                    SelectedBy::Note,
                ))
            } else if through_esp(d) {
                Some((&party::esp::SENDER_IP_LISTED, SelectedBy::Note))
            } else {
                None
            };
        if let Some((playbook, by)) = not_own {
            return Selected { playbook, by };
        }
    }
    found
}

/// Microsoft's and Outlook.com's own blocks of the sending address (not a list anyone can look
/// up), which a sending service's support handles for its shared addresses like any listing.
// SendGrid: "If you are on one of our shared IP plans and you notice a block message based on
// one of our IP addresses then please contact our Support team."
// Source: https://github.com/sendgrid/docs/blob/develop/source/Classroom/Deliver/Undeliverable_Email/what_do_i_do_if_im_blacklisted.md
const OWN_BLOCKS_OF_THE_ADDRESS: &[&str] = &["outlook-com-network-block", "microsoft-banned-ip"];

/// True when the core noted that the mail went out through a sending service (ESP).
fn through_esp(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "sent_through_esp")
}

/// Selects and renders in one call, for the page (the JavaScript API uses [`advise_in`] with
/// `Medium::Api`).
pub fn advise(d: &Diagnosis, lang: Lang) -> Rendered {
    advise_with(d, &[], lang)
}

/// Selects (with blocklist answers) and renders, for the page.
pub fn advise_with(d: &Diagnosis, listings: &[Listing<'_>], lang: Lang) -> Rendered {
    advise_with_lookups(d, listings, &[], lang)
}

/// [`advise_in`] for the page.
pub fn advise_with_lookups(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
    lang: Lang,
) -> Rendered {
    advise_in(d, listings, not_listed, lang, Medium::Page)
}

/// Selects with every clean blocklist answer (see [`select_with_lookups`]) and renders, worded
/// for `medium`: what the page (`Medium::Page`) and `ndr-doctor diagnose` (`Medium::Terminal`)
/// show once the lookups are in.
pub fn advise_in(
    d: &Diagnosis,
    listings: &[Listing<'_>],
    not_listed: &[&str],
    lang: Lang,
    medium: Medium,
) -> Rendered {
    let ((s, passed), alongside) = select_past_passing(d, listings, not_listed);
    let d = &decisive(d);
    // A listing said in a paragraph of its own (below) is not also the message's list.
    let found = if alongside.is_none() { listings } else { &[] };
    let mut r = render::render_found(s.playbook, d, lang, s.by, found, medium);
    if let Some(p) = passed {
        say_the_named_list(&mut r, p, lang);
    }
    if let Some(a) = alongside {
        add_the_lasting_listing(&mut r, a, d, lang, medium);
        act_on_lasting(&mut r, a.lasting, d, lang);
    }
    // Any other lasting listing the lookups found gets a step of its own, so that no "listed"
    // row of the table goes unmentioned (review 9, L3: Barracuda beside a Spamhaus PBL refusal).
    if ip_is_blocked(d) && !ip_is_microsofts_cloud(d) {
        // (Not for Microsoft's cloud address: its listing is Microsoft's to remove, which the
        // playbook's own step says.)
        // `lasting_listings` gives each party once, so only the parties said above are
        // left out; a test instead of a list of them keeps a `Vec` type out of the page.
        let said = |party: Option<Party>| {
            party == s.playbook.party
                || passed.is_some_and(|p| p.named.party == party || p.lasting.party == party)
                || alongside.is_some_and(|a| a.lasting.party == party)
        };
        for other in party::lasting_listings(d, listings, not_listed) {
            if other.party.is_some() && !said(other.party) {
                add_another_listing(&mut r, other, d, lang, medium);
                act_on_lasting(&mut r, other, d, lang);
            }
        }
    }
    // A list whose listings clear by themselves (SpamCop) that the advice does not name gets
    // one line too: the table shows it red (review h159, 4).
    if ip_is_blocked(d) && !ip_is_microsofts_cloud(d) {
        let named = |party: Party| {
            Some(party) == s.playbook.party || passed.is_some_and(|p| p.named.party == Some(party))
        };
        for (zone, party, line) in CLEARS_BY_ITSELF {
            let listed = listings.iter().any(|l| party::zone_is(l.zone, zone));
            if listed && !named(*party) {
                r.steps.push(crate::render::RenderedStep {
                    number: r.steps.len() + 1,
                    text: line.get(lang).to_owned(),
                    link: None,
                    copy: None,
                });
            }
        }
    }
    // Every other list the lookups found the address on gets one step of its own, with its own
    // way out, after the provider's own block (review h206, M1: UCEPROTECT level 2, DroneBL,
    // s5h and 0spam rows that no step, verdict or letter named).
    if ip_is_blocked(d) && !ip_is_microsofts_cloud(d) {
        add_other_lists(&mut r, s, passed, d, listings, lang);
    }
    r.drop_repeats();
    r
}

/// A list the lookups may find the address on that neither `party::lasting_listings` nor
/// `CLEARS_BY_ITSELF` covers: the lists without a party of their own in the core, and
/// UCEPROTECT's range levels.
struct OtherList {
    /// Its zones (`dnsbl-2.uceprotect.net`).
    zones: &'static [&'static str],
    /// The playbook whose advice is already about this list (a refusal that names it).
    own_playbook: Option<&'static str>,
    /// The step said when the lookups find the address there.
    step: Text,
    /// The list's own page for that step: its label and address, on the operator's domain.
    link: Option<(Text, &'static str)>,
    /// The listing does not end by waiting: advice that said "wait" no longer may.
    lasting: bool,
    /// The listing is of the range that holds the address (its name here): the hosting
    /// company, which owns the range, is told in its letter.
    range: Option<Text>,
}

/// Lists the advice may otherwise not name, each with its own removal route (fact sheet §2.6,
/// §2.13, §2.14, §2.15, §2.16, §2.19).
// Sources: UCEPROTECT, https://www.uceprotect.net/en/index.php?m=7&s=7 (level 2, "allocations",
// de-escalates automatically as the level 1 listings in it expire; level 3, the whole ASN, only
// the provider's behaviour changes it; many receivers use level 1 only); 0spam,
// https://0spam.org/how-does-the-0spam-service-work ("fix the problem, create an account and
// verify your contact details", free; nbl lists whole /24 networks); DroneBL,
// https://dronebl.org/docs/howtouse (drones, proxies, brute-force attackers; removal through
// https://dronebl.org/lookup once the host is clean); s5h, http://www.s5h.net/rblcheck (removal is
// one HTTP request from the listed address to www.usenix.org.uk/content/rblremove, free); Spam
// Eating Monkey, http://spameatingmonkey.com/lists.html (trap hits expire 7 days after the last,
// policy listings excepted); Hostkarma (its delisting is not in the fact sheet: its own site
// says).
const OTHER_LISTS: &[OtherList] = &[
    OtherList {
        zones: &["dnsbl-2.uceprotect.net"],
        own_playbook: Some("uceprotect-level2-3"),
        step: text! {
            ja: "ブロックリストの確認では、このアドレスを含む IP アドレスの範囲が UCEPROTECT のレベル 2 にも掲載されています。同じ範囲の多くのアドレスから迷惑メールが出たための範囲ごとの掲載で、あなたのメールが原因とは限りません。範囲の持ち主（ホスティング事業者やプロバイダー）の状況がよくなれば自動的に外れ、利用者からは解除を申請できません。多くの受信側はレベル 1 しか使っていません。お金を払う解除は必要ありません。",
            en: "The blocklist check also finds the range that holds this address on UCEPROTECT level 2: a listing of the whole range, for spam from many addresses in it, not necessarily from your mail. It lifts by itself as the range's owner (your hosting company or provider) cleans up, and users cannot request its removal; most receivers use only level 1. No paid removal is needed.",
        },
        link: Some((
            text! { ja: "UCEPROTECT 照会ページ（英語）", en: "UCEPROTECT RBL check" },
            party::uceprotect::RBLCHECK,
        )),
        lasting: false,
        range: Some(text! { ja: "UCEPROTECT のレベル 2", en: "UCEPROTECT level 2" }),
    },
    OtherList {
        zones: &["dnsbl-3.uceprotect.net"],
        own_playbook: Some("uceprotect-level2-3"),
        step: text! {
            ja: "ブロックリストの確認では、このアドレスを含むネットワーク全体（プロバイダーの AS 番号ごと）が UCEPROTECT のレベル 3 にも掲載されています。プロバイダー全体の状況による掲載で、利用者からは変えられず、プロバイダーの状況がよくなるまで続きます。多くの受信側はレベル 1 しか使っていません。お金を払う解除は必要ありません。",
            en: "The blocklist check also finds the whole network that holds this address (the provider's AS number) on UCEPROTECT level 3. It reflects the provider's network as a whole, which no user can change, and lasts until the provider's record improves; most receivers use only level 1. No paid removal is needed.",
        },
        link: Some((
            text! { ja: "UCEPROTECT 照会ページ（英語）", en: "UCEPROTECT RBL check" },
            party::uceprotect::RBLCHECK,
        )),
        lasting: false,
        range: Some(text! { ja: "UCEPROTECT のレベル 3", en: "UCEPROTECT level 3" }),
    },
    OtherList {
        zones: &["dnsbl.dronebl.org"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスは DroneBL にも掲載されています。乗っ取られた機器（ボット）、誰でも使える状態のプロキシ、攻撃の送信元などを載せるリストで、待っていても消えません。このアドレスで動いている機器（サーバーやルーターなど）を管理している人が原因を取り除いてから、DroneBL の照会ページで解除を申請してください（無料）。",
            en: "The blocklist check also finds the address on DroneBL, a list of hijacked machines (bots), open proxies and attackers, which does not go away by waiting. Whoever runs the machines behind the address (a server, a router) must clean them first, then request removal on DroneBL's lookup page (free).",
        },
        link: Some((
            text! { ja: "DroneBL 照会ページ（英語）", en: "DroneBL lookup" },
            "https://dronebl.org/lookup",
        )),
        lasting: true,
        range: None,
    },
    OtherList {
        zones: &["all.s5h.net"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスは s5h にも掲載されています。原因を止めたら、掲載されたアドレスのサーバー自身から s5h の解除用のページ（www.usenix.org.uk/content/rblremove）を一度開くと、すぐに解除されます（無料）。あなたのブラウザーからではなく、そのサーバーの管理者がサーバー上から開く必要があります。",
            en: "The blocklist check also finds the address on s5h. Once the cause is stopped, s5h removes the address at once, for free, when the listed server itself opens its removal page (www.usenix.org.uk/content/rblremove) once: the server's administrator does that on the server, not you from your browser.",
        },
        link: None,
        lasting: true,
        range: None,
    },
    OtherList {
        zones: &["bl.0spam.org"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスは 0spam にも掲載されています。迷惑メールを集めるための罠のアドレス（スパムトラップ）にメールが届いたためで、待っていても消えません。原因を止めてから、0spam のサイトでアカウントを作り、連絡先を確認したうえで解除を申請してください（無料）。",
            en: "The blocklist check also finds the address on 0spam, for mail that reached its spam traps (addresses that exist only to catch spam); it does not go away by waiting. Stop the cause, then create an account on 0spam's site, confirm your contact details and request removal (free).",
        },
        link: Some((
            text! { ja: "0spam: 仕組みと解除（英語）", en: "0spam: how it works and removal" },
            "https://0spam.org/how-does-the-0spam-service-work",
        )),
        lasting: true,
        range: None,
    },
    OtherList {
        zones: &["nbl.0spam.org"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスを含む /24 の範囲（256 個のアドレス）が 0spam NBL にも掲載されています。同じ範囲の複数のアドレスからスパムトラップにメールが届いたための範囲ごとの掲載で、あなたのメールが原因とは限りません。範囲の持ち主（ホスティング事業者やプロバイダー）に対処を依頼してください。",
            en: "The blocklist check also finds the /24 range that holds this address (256 addresses) on 0spam NBL, for mail from several addresses in it to spam traps, not necessarily from yours. Ask the range's owner (your hosting company or provider) to deal with it.",
        },
        link: Some((
            text! { ja: "0spam: 仕組みと解除（英語）", en: "0spam: how it works and removal" },
            "https://0spam.org/how-does-the-0spam-service-work",
        )),
        lasting: true,
        range: Some(text! { ja: "0spam NBL", en: "0spam NBL" }),
    },
    OtherList {
        zones: &["bl.spameatingmonkey.net", "bl.ipv6.spameatingmonkey.net"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスは Spam Eating Monkey にも掲載されています。スパムトラップにメールが届いたためで、運営者によると、最後に届いてから 7 日で自動的に消えます。原因の送信を止めてください。",
            en: "The blocklist check also finds the address on Spam Eating Monkey, for mail that reached its spam traps; its operator says such a listing clears by itself 7 days after the last hit. Stop the sending that caused it.",
        },
        link: None,
        lasting: false,
        range: None,
    },
    OtherList {
        zones: &["hostkarma.junkemailfilter.com"],
        own_playbook: None,
        step: text! {
            ja: "ブロックリストの確認では、このアドレスは Hostkarma（Junk Email Filter）にも掲載されています。掲載が消える条件や解除の方法は、この案内のもとにした資料では確かめられていません。運営者のサイト（junkemailfilter.com）で、掲載の理由と解除できるかを確かめてください。",
            en: "The blocklist check also finds the address on Hostkarma (Junk Email Filter). How its listings end, and whether removal can be requested, is not in the sources this advice is built on: its operator's site (junkemailfilter.com) says why it lists the address.",
        },
        link: None,
        lasting: true,
        range: None,
    },
];

/// The paragraph a letter to the hosting company gets for a listing of its range (`{list}`).
const RANGE_LISTED_MESSAGE: Text = text! {
    ja: "なお、ブロックリストの確認では、このアドレスを含む範囲が {list} にも掲載されていました（同じネットワークの複数のアドレスからの迷惑メールによる、範囲ごとの掲載です）。範囲の持ち主として、原因の確認と対処をお願いできますでしょうか。",
    en: "A blocklist check also finds the range that holds this address on {list} (a listing of the whole range, for spam from several addresses in the same network). As the range's owner, could you please look into it?",
};

fn add_other_lists(
    r: &mut Rendered,
    s: Selected,
    passed: Option<PassedOver>,
    d: &Diagnosis,
    listings: &[Listing<'_>],
    lang: Lang,
) {
    let ip = named_ip(d)
        .map(|(ip, _)| ip.trim())
        .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok());
    for other in OTHER_LISTS {
        let is_it = |zone: &str| other.zones.iter().any(|z| party::zone_is(zone, z));
        let listed = listings.iter().any(|l| is_it(l.zone));
        // A refusal that names the list has advice about it already.
        let named = d.list_zone.as_deref().is_some_and(is_it)
            || other
                .own_playbook
                .is_some_and(|id| id == s.playbook.id || passed.is_some_and(|p| p.named.id == id));
        if !listed || named {
            continue;
        }
        let link = other.link.map(|(label, url)| crate::render::RenderedLink {
            label: label.get(lang).to_owned(),
            url: url.to_owned(),
        });
        let copy = ip
            .filter(|_| link.is_some())
            .map(|ip| crate::render::RenderedCopy {
                label: party::common::LABEL_IP_TO_LOOK_UP.get(lang).to_owned(),
                value: ip.to_owned(),
            });
        r.steps.push(crate::render::RenderedStep {
            number: r.steps.len() + 1,
            text: other.step.get(lang).to_owned(),
            link,
            copy,
        });
        if other.lasting {
            act_on(r, Urgency::Soon, &[Actor::SenderProvider], d, lang);
        }
        if let (Some(list), Some(m)) = (other.range, r.message.as_mut()) {
            if m.to.id == crate::model::To::HostingProvider {
                let paragraph = RANGE_LISTED_MESSAGE
                    .get(lang)
                    .replace("{list}", list.get(lang));
                m.body = crate::render::before_the_closing(&m.body, &paragraph);
            }
        }
    }
}

/// Lists whose listings expire by themselves, each with the line said when the lookups find the
/// address there and the advice is another's.
// Sources: SpamCop, https://www.spamcop.net/fom-serve/cache/298.html ("automatically expire ...
// 24 hours" after the reports stop); UCEPROTECT level 1, https://www.uceprotect.net/en/index.php?m=7&s=7
// (7 days after the last hit); Backscatterer, https://www.backscatterer.org/ (4 weeks).
const CLEARS_BY_ITSELF: &[(&str, Party, Text)] = &[
    (
        "bl.spamcop.net",
        Party::Spamcop,
        text! {
            ja: "ブロックリストの確認では、このアドレスは SpamCop にも掲載されています。SpamCop の掲載は、最後の迷惑メール報告からおよそ 24 時間で自動的に消えるため、解除の申請は要りません。報告の原因（あなたのサーバーやアカウントからの迷惑メール）を止めてください。",
            en: "The blocklist check also finds the address on SpamCop. A SpamCop listing clears by itself about 24 hours after the last spam report, so there is nothing to request: stop whatever drew the reports (spam sent from your server or account).",
        },
    ),
    (
        "dnsbl-1.uceprotect.net",
        Party::Uceprotect,
        text! {
            ja: "ブロックリストの確認では、このアドレスは UCEPROTECT（レベル 1）にも掲載されています。この掲載は、最後にスパムトラップに届いてから 7 日で自動的に消えます。お金を払う解除は必要ありません。原因の送信を止めてください。",
            en: "The blocklist check also finds the address on UCEPROTECT (level 1). That listing clears by itself 7 days after the last spam-trap hit, and no paid removal is needed: stop the sending that caused it.",
        },
    ),
    (
        "ips.backscatterer.org",
        Party::Backscatterer,
        text! {
            ja: "ブロックリストの確認では、このアドレスは Backscatterer にも掲載されています。偽の差出人あてにエラーメールや自動返信を送ったためで、止めてから 4 週間で自動的に消えます。",
            en: "The blocklist check also finds the address on Backscatterer, for sending bounces or auto-replies to forged senders. Once that stops, the listing clears by itself after 4 weeks.",
        },
    ),
];

/// A listing that does not go away by waiting needs someone to act: advice that said to wait
/// (nobody at first, check again later) takes that list's actors and at least its urgency, so the
/// header does not say "wait" above a step that says waiting will not help (review 10, M2: a
/// Yahoo deferral with a Barracuda listing found by the lookups). A paste of the sending
/// server's own record keeps its administrator before the hosting company (`render::who`).
fn act_on_lasting(r: &mut Rendered, lasting: &'static Playbook, d: &Diagnosis, lang: Lang) {
    act_on(r, lasting.urgency, lasting.actors, d, lang);
}

/// `act_on_lasting` for a listing of `urgency` that `actors` must act on.
fn act_on(r: &mut Rendered, urgency: Urgency, their_actors: &[Actor], d: &Diagnosis, lang: Lang) {
    let waits = r.urgency.id == Urgency::Wait || r.who.iter().any(|w| w.id == Actor::Nobody);
    if !waits {
        return;
    }
    let urgency = match rank(urgency) > rank(Urgency::Wait) {
        true => urgency,
        false => Urgency::Soon,
    };
    if rank(urgency) > rank(r.urgency.id) {
        r.urgency = crate::render::Labeled {
            id: urgency,
            label: urgency.label().get(lang).to_owned(),
        };
    }
    let mut actors: Vec<Actor> = Vec::new();
    let theirs = their_actors.iter().copied();
    let ours = r.who.iter().map(|w| w.id);
    for a in theirs.chain(ours) {
        if !matches!(a, Actor::Nobody | Actor::NothingToDo) && !actors.contains(&a) {
            actors.push(a);
        }
    }
    if !actors.is_empty() {
        let admin = crate::render::pasted_by_the_servers_admin(d);
        r.who = crate::render::who(&actors, false, false, admin, lang);
    }
}

/// A step for another list the lookups found the address on (`{other}`: its name), with that
/// list's own page.
const ALSO_LISTED_STEP: Text = text! {
    ja: "ブロックリストの確認では、このアドレスは {other} にも掲載されています。こちらは待っていても消えないため、{other} にも解除を申請してください。",
    en: "The blocklist check also finds the address on {other}, a listing that does not go away by waiting: request its removal from {other} too.",
};

/// `ALSO_LISTED_STEP` for the Spamhaus PBL, whose removal is only for a real mail server on a
/// fixed address with its reverse DNS set (fact sheet §2.1; review h206, M4).
const ALSO_LISTED_PBL_STEP: Text = text! {
    ja: "ブロックリストの確認では、このアドレスは Spamhaus PBL（直接送信に使わない IP アドレスの一覧）にも掲載されています。プロバイダーやメールサービスの送信サーバー（認証付き）を通して送るメールには関係しません。このアドレスが、固定 IP アドレスで運用しているメールサーバー（逆引きを設定済み）のものなら、照会結果の画面から PBL の解除を申請してください。",
    en: "The blocklist check also finds the address on the Spamhaus PBL (addresses not meant to send mail straight out). It does not touch mail sent through your provider's or mail service's outgoing server (with a login); if the address is a mail server's fixed address with its reverse DNS set, request PBL removal from the checker's result page.",
};

fn add_another_listing(
    r: &mut Rendered,
    other: &'static Playbook,
    d: &Diagnosis,
    lang: Lang,
    medium: Medium,
) {
    let Some(name) = other.party.map(|p| party::party_name(p).get(lang)) else {
        return;
    };
    let theirs = render::render_in(other, d, lang, r.selected_by, medium);
    // The list's own removal page: the first step of its playbook that links one. Borrowed,
    // not moved out: a partly moved `Rendered` drops each of its other fields on its own.
    let link = theirs.steps.iter().find_map(|s| s.link.clone());
    let text = match other.id == party::spamhaus::PBL.id {
        true => ALSO_LISTED_PBL_STEP.get(lang).to_owned(),
        false => ALSO_LISTED_STEP.get(lang).replace("{other}", name),
    };
    let step = crate::render::RenderedStep {
        number: 0,
        text,
        link,
        copy: None,
    };
    r.steps.push(crate::render::RenderedStep {
        number: r.steps.len() + 1,
        ..step
    });
    for source in &theirs.sources {
        if !r.sources.iter().any(|s| s.url == source.url) {
            r.sources.push(source.clone());
        }
    }
}

/// After the verdict of a provider's own block: the lookups also found the address on a list
/// whose listing lasts (`{other}`: its name).
const ALSO_LASTING: Text = text! {
    ja: "ブロックリストの確認では、このアドレスは {other} にも掲載されています。こちらは待っていても消えないため、あわせて（できれば先に）解除が必要です。",
    en: "The blocklist check also finds the address on {other}, a listing that does not go away by waiting: it needs removing too, preferably first.",
};

/// `ALSO_LASTING` for the Spamhaus PBL, which is about what the address is (one that should not
/// send mail straight out), not about spam from it: what to do depends on what sends from it
/// (`spamhaus::PBL_BESIDE_A_BLOCK`), so the verdict does not say "removing".
const ALSO_PBL: Text = text! {
    ja: "ブロックリストの確認では、このアドレスは Spamhaus PBL（直接送信に使わない IP アドレスの一覧）にも掲載されています。こちらは待っていても消えないため、あわせて（できれば先に）対処が必要です。",
    en: "The blocklist check also finds the address on the Spamhaus PBL (addresses not meant to send mail straight out), a listing that does not go away by waiting: it needs dealing with too, preferably first.",
};

/// The first step then: why that listing comes first.
const LASTING_FIRST: Text = text! {
    ja: "まず {other} への掲載に対処してください。公開のブロックリストに載ったままでは、{named}のブロックも解除されにくくなります。",
    en: "Deal with the listing on {other} first: while the address stays on a public blocklist, {named} is less likely to lift its own block.",
};

/// The paragraph added to a message to the hosting company.
const ALSO_LASTING_MESSAGE: Text = text! {
    ja: "なお、ブロックリストの確認では、このアドレスは {other} にも掲載されていました。こちらも原因の確認と解除の申請をお願いいたします。",
    en: "A blocklist check also finds the address on {other}. Could you please check that listing as well and request its removal?",
};

/// `ALSO_LASTING_MESSAGE` for the Spamhaus PBL: its removal is only for a real mail server on a
/// fixed address with its reverse DNS set (fact sheet §2.1), else mail goes out through the
/// provider's outgoing server.
const ALSO_PBL_MESSAGE: Text = text! {
    ja: "なお、ブロックリストの確認では、このアドレスは Spamhaus PBL（直接送信に使わない IP アドレスの一覧）にも掲載されていました。このアドレスが逆引きを設定したメールサーバーの固定アドレスであれば、PBL の解除の申請をお願いいたします。そうでなければ、どの送信サーバーを使えばよいかを教えていただけますでしょうか。",
    en: "A blocklist check also finds the address on the Spamhaus PBL (addresses not meant to send mail straight out). If it is a mail server's fixed address with its reverse DNS set, could you please request its PBL removal? If not, which outgoing server should my mail go through?",
};

/// The lists inside a combined zone, named as their operator names them: the party's name alone
/// ("Spamhaus") does not say which of its lists lasts.
const SUB_LIST_NAMES: &[(&str, Text)] = &[
    (
        "spamhaus-sbl",
        text! { ja: "Spamhaus SBL", en: "the Spamhaus SBL" },
    ),
    (
        "spamhaus-css",
        text! { ja: "Spamhaus CSS", en: "the Spamhaus CSS" },
    ),
    (
        "spamhaus-xbl",
        text! { ja: "Spamhaus XBL", en: "the Spamhaus XBL" },
    ),
    (
        "spamhaus-pbl",
        text! { ja: "Spamhaus PBL", en: "the Spamhaus PBL" },
    ),
];

fn add_the_lasting_listing(
    r: &mut Rendered,
    a: Alongside,
    d: &Diagnosis,
    lang: Lang,
    medium: Medium,
) {
    let sub_list = SUB_LIST_NAMES
        .iter()
        .find(|(id, _)| *id == a.lasting.id)
        .map(|(_, name)| name.get(lang));
    let Some(other) = sub_list.or_else(|| a.lasting.party.map(|p| party::party_name(p).get(lang)))
    else {
        return;
    };
    // A playbook without a party (a block whose list the refusal does not name) is the
    // receiving side's own.
    let named = r.party_name.clone().unwrap_or_else(|| {
        text! { ja: "受信側", en: "the receiving side" }
            .get(lang)
            .to_owned()
    });
    let fill = |t: Text| {
        t.get(lang)
            .replace("{other}", other)
            .replace("{named}", &named)
    };
    let pbl = a.lasting.id == party::spamhaus::PBL.id;
    let space = lang.sentence_gap();
    let also = if pbl { ALSO_PBL } else { ALSO_LASTING };
    r.verdict = format!("{}{space}{}", r.verdict, fill(also));
    // The lasting list's own first steps (its checker, who may request removal), before the
    // provider's. The PBL's are both of its ways out, without "that solves it" (the provider's
    // block stays) or its letter, which is not the one below (review h206, M4).
    let shown = if pbl {
        &party::spamhaus::PBL_BESIDE_A_BLOCK
    } else {
        a.lasting
    };
    let lasting = render::render_in(shown, d, lang, r.selected_by, medium);
    let mut steps = vec![crate::render::RenderedStep {
        number: 0,
        text: fill(LASTING_FIRST),
        link: None,
        copy: None,
    }];
    steps.extend(lasting.steps.into_iter().take(LASTING_STEPS));
    steps.append(&mut r.steps);
    for (i, step) in steps.iter_mut().enumerate() {
        step.number = i + 1;
    }
    r.steps = steps;
    // Who acts and how soon follow the more demanding of the two.
    let mut who = lasting.who;
    for w in r.who.drain(..) {
        if !who.iter().any(|x| x.id == w.id) {
            who.push(w);
        }
    }
    r.who = who;
    if rank(lasting.urgency.id) > rank(r.urgency.id) {
        r.urgency = lasting.urgency;
    }
    // The lasting listing goes first, so its time is the time (review h159, 3: not Microsoft's
    // "usually within 24 hours" above an SBL listing only the hosting company can clear). The
    // PBL's "right away" is no time for the provider's own block, which keeps its own.
    if !pbl {
        r.duration = lasting.duration;
    }
    if let Some(m) = r.message.as_mut() {
        if m.to.id == crate::model::To::HostingProvider {
            let paragraph = if pbl {
                ALSO_PBL_MESSAGE
            } else {
                ALSO_LASTING_MESSAGE
            };
            // `split_at_checked`, not slicing: no panic path (and its location) in the page.
            let closing = m
                .body
                .rfind("\n\n")
                .and_then(|at| m.body.split_at_checked(at));
            m.body = match closing {
                // Before the closing line ("Thank you."), as its own paragraph.
                Some((before, after)) if after.len() < 80 => {
                    format!("{before}\n\n{}{after}", fill(paragraph))
                }
                _ => format!("{}\n\n{}", m.body, fill(paragraph)),
            };
        }
    }
    for source in lasting.sources {
        if !r.sources.iter().any(|s| s.url == source.url) {
            r.sources.push(source);
        }
    }
}

/// How many of the lasting list's steps go first: its checker and who may request removal.
const LASTING_STEPS: usize = 3;

fn rank(u: Urgency) -> u8 {
    match u {
        Urgency::Now => 3,
        Urgency::Soon => 2,
        Urgency::Wait => 1,
        Urgency::None => 0,
    }
}

/// Before the explanation under the verdict: the refusal named a list whose listings expire by
/// themselves, but the lookups found the address on another whose listings do not (`{named}`, `{other}`: the two
/// parties' names).
const NAMED_BUT_LASTING: Text = text! {
    ja: "拒否の通知には {named} の名前があります（{named} の掲載は自動で消えます）。ただし、ブロックリストの確認では {other} にも掲載されており、こちらは待っていても消えません。以下は {other} の掲載への対処です。",
    en: "The refusal named {named}, whose listings expire by themselves. But the blocklist check also finds the address on {other}, whose listing does not go away by waiting: the advice below is for {other}.",
};

/// The same when the advice is not that list's own but a mail service's (the listed server is
/// Google's or Microsoft's shared one): it does not say the advice is the other list's.
const NAMED_BUT_LASTING_SHARED: Text = text! {
    ja: "拒否の通知には {named} の名前があります（{named} の掲載は自動で消えます）。ただし、ブロックリストの確認では {other} にも掲載されており、こちらは待っていても消えません。",
    en: "The refusal named {named}, whose listings expire by themselves. But the blocklist check also finds the address on {other}, whose listing does not go away by waiting.",
};

/// The last step: the named list's own point, kept.
const NAMED_EXPIRES: Text = text! {
    ja: "拒否の通知にあった {named} の掲載は、原因が止まれば時間がたつと自動で消えます。{named} に解除を申請する必要はありません。",
    en: "The listing the refusal named, on {named}, expires by itself some time after the cause stops: there is nothing to request from {named}.",
};

fn say_the_named_list(r: &mut Rendered, p: PassedOver, lang: Lang) {
    let (named, other) = (name_in(p.named, lang), name_in(p.lasting, lang));
    if named.is_empty() || other.is_empty() || named == other {
        return;
    }
    let fill = |t: Text| {
        t.get(lang)
            .replace("{named}", named)
            .replace("{other}", other)
    };
    let space = lang.sentence_gap();
    let before = if r.id == p.lasting.id {
        NAMED_BUT_LASTING
    } else {
        NAMED_BUT_LASTING_SHARED
    };
    // The verdict leads with the listing that matters; how the named list was passed over
    // opens the explanation under it.
    r.why = format!("{}{space}{}", fill(before), r.why);
    r.steps.push(crate::render::RenderedStep {
        number: r.steps.len() + 1,
        text: fill(NAMED_EXPIRES),
        link: None,
        copy: None,
    });
    // The letter names the lasting list while the error it quotes names the other one: one
    // line says where that name comes from (review h170: SpamCop quoted, Spamhaus asked about).
    if let Some(m) = &mut r.message {
        let letter_lang = match m.to.id {
            crate::model::To::Operator => Lang::En,
            _ => lang,
        };
        let line = ALSO_FOUND_LINE
            .get(letter_lang)
            .replace("{named}", name_in(p.named, letter_lang))
            .replace("{other}", name_in(p.lasting, letter_lang));
        m.body = crate::render::with_list_line(&m.body, &line);
    }
}

/// The line a letter gets when it asks about a list the quoted error does not name.
const ALSO_FOUND_LINE: Text = text! {
    ja: "・ブロックリストの確認: エラーには {named} とありますが、{other} にも掲載されていました",
    en: "- Blocklist check: the error names {named}, and the address is also listed on {other}",
};

fn name_in(p: &Playbook, lang: Lang) -> &'static str {
    p.party
        .map_or("", |party| party::party_name(party).get(lang))
}

/// The diagnosis as the reply that gave its reason tells it. A paste may hold several replies
/// (an ESP's dashboard, an issue quoting four refusals), and the core may take the provider code
/// or the party from another one than the reason (held-out k, case 03: blocked on Spamhaus SBL,
/// but `S3113` and Outlook.com from a 451 rate limit for another address): they would choose,
/// and name, the other reply's playbook. They are dropped then; the replies themselves stay.
fn decisive(d: &Diagnosis) -> std::borrow::Cow<'_, Diagnosis> {
    let foreign_code = d
        .provider_code
        .as_deref()
        .map(str::trim)
        .filter(|pc| !pc.is_empty())
        .is_some_and(|pc| code_of_another_reply(d, pc));
    // The party read from another reply (Outlook.com's rate limit next to Spamhaus refusals)
    // gives way to the list the refusal names, else to none.
    let foreign_party = d.blocking_party.is_some()
        && d.evidence
            .iter()
            .filter(|e| e.field == "blocking_party")
            .any(|e| from_another_reply(d, read_in(e)));
    if !foreign_code && !foreign_party {
        return std::borrow::Cow::Borrowed(d);
    }
    let mut own = d.clone();
    if foreign_code {
        own.provider_code = None;
    }
    if foreign_party {
        own.blocking_party = d.list_zone.as_deref().and_then(party::zone_party);
    }
    std::borrow::Cow::Owned(own)
}

/// True when `code` is written only in replies that did not give the diagnosis' reason: some
/// recipient whose reason differs quotes it, and no recipient whose reason is the diagnosis'
/// does. With no recipient of that reason, nothing tells the replies apart.
fn code_of_another_reply(d: &Diagnosis, code: &str) -> bool {
    // Three passes over the recipients, not a partition into two `Vec`s (a collect and a
    // partition of their own in the wasm for a list of a few entries).
    let own = |r: &&ndr_core::Recipient| r.reason == d.reason;
    let quotes = |r: &ndr_core::Recipient| quotes_code(&r.diagnostic_text, code);
    let mut rs = d.recipients.iter();
    rs.clone().any(|r| own(&r))
        && !rs.clone().filter(own).any(quotes)
        && rs.any(|r| !own(&r) && quotes(r))
}

/// True when `text` holds `code` as a whole word ("S3113" is not inside "S31130"), in any case.
fn quotes_code(text: &str, code: &str) -> bool {
    let code = code.trim().as_bytes();
    if code.is_empty() {
        return false;
    }
    // Compared case-blind in place, without lowercase copies of the reply and the code; each
    // match is looked for past the end of the one before, as `match_indices` would.
    let t = text.as_bytes();
    let mut at = 0;
    while let Some(window) = t.get(at..at + code.len()) {
        if !window.eq_ignore_ascii_case(code) {
            at += 1;
            continue;
        }
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + code.len()..).and_then(|s| s.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        at += code.len();
    }
    false
}

/// The words a piece of evidence was read in: its lines when its text is only a part of them
/// (an address, a code, the provider's words), else its text.
pub(crate) fn read_in(e: &ndr_core::Evidence) -> &str {
    e.lines.as_deref().unwrap_or(&e.text)
}

/// True when `text` (a reply, or the evidence quoting one) is one of the replies that did not
/// give the diagnosis' reason, in a paste that also holds one that did: a provider's wording
/// there is about the other reply.
pub(crate) fn from_another_reply(d: &Diagnosis, text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || !d.recipients.iter().any(|r| r.reason == d.reason) {
        return false;
    }
    let same = |r: &ndr_core::Recipient| {
        let t = r.diagnostic_text.trim();
        !t.is_empty() && (t == text || t.contains(text) || text.contains(t))
    };
    d.recipients.iter().any(|r| r.reason != d.reason && same(r))
        && !d.recipients.iter().any(|r| r.reason == d.reason && same(r))
}

/// The diagnosis narrowed to one recipient, for bounces whose recipients failed for different
/// reasons (one mailbox full, another unknown): its reason and codes replace the message's.
/// Message-wide facts (blocked IP, party, zone, notes) stay. `None` if there is no such recipient.
pub fn for_recipient(d: &Diagnosis, index: usize) -> Option<Diagnosis> {
    let r = d.recipients.get(index)?;
    let mut one = d.clone();
    one.reason = r.reason;
    one.hard_bounce = r.hard_bounce;
    if r.status.is_some() {
        one.enhanced_code = r.status.clone();
    }
    if r.reply_code.is_some() {
        one.smtp_code = r.reply_code.clone();
    }
    if r.remote_host.is_some() {
        one.remote_host = r.remote_host.clone();
    }
    // A provider code only another recipient's reply carries is not this one's (a Yahoo TSS09
    // next to Gmail's refusal).
    let others_code = d.provider_code.as_deref().is_some_and(|pc| {
        !quotes_code(&r.diagnostic_text, pc)
            && d.recipients
                .iter()
                .enumerate()
                .any(|(i, o)| i != index && quotes_code(&o.diagnostic_text, pc))
    });
    if others_code {
        one.provider_code = None;
    }
    one.recipients = vec![r.clone()];
    Some(one)
}

/// Reasons the core only gives from a refusal's own words, never from a catch-all code alone:
/// when a party's entries for the code name none of them, the reason picks the party's playbook
/// (Gmail's 5.7.1 with DMARC words is its authentication advice, not "likely unsolicited").
const WORDED_REASONS: &[Reason] = &[
    Reason::AuthFailure,
    Reason::RequirePtr,
    Reason::FailedStartTls,
];

/// Reasons the core gives a refusal of the sender (its address, its message, its policy) or a
/// refusal it could not explain: on a delay notice with a 5xx reply they are a block that
/// waiting does not clear; at the sender's own submission server, that server's refusal.
const REFUSAL_OF_THE_SENDER: &[Reason] = &[
    Reason::Blocked,
    Reason::BadReputation,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::Rejected,
    Reason::SecurityError,
    Reason::OnHold,
    Reason::Undefined,
];

/// Refusals of the sender that judge the message or the account (spam, reputation, a listing, a
/// rule about content): at the sender's own outgoing server, its filter's. The other refusals of
/// `REFUSAL_OF_THE_SENDER` at that server are read as a setting to fix.
const CONTENT_OR_ACCOUNT: &[Reason] = &[
    Reason::Blocked,
    Reason::BadReputation,
    Reason::SpamDetected,
    Reason::PolicyViolation,
];

/// Reasons whose advice at a Japanese mobile carrier differs from the generic one, so the
/// recipient's domain routes them through the carrier's "unknown user" advice, which names both
/// the missing address and the recipient's filter, when the core named no party: an "unknown
/// user" that may be the filter, and a `filtered` read from the wording alone ("Unknown user"
/// with no SMTP step known), which may be either. (docomo's "552" that may be the size is the
/// core's note `full_or_too_big`, step 0.)
const CARRIER_REASONS: &[Reason] = &[Reason::UserUnknown, Reason::Filtered];

fn pick(d: &Diagnosis) -> Selected {
    // Step 0, the receiving server's own log of a refusal its failed list query caused: the
    // reader runs that server and fixes its resolver; the playbook for the refused sender would
    // ask them to write to themselves (held-out n, MEDIUM-A1).
    let own_log = d
        .notes
        .iter()
        .any(|n| n.id == "inbound_refusal_log" && !from_this_machine(&n.detail));
    if own_log && d.notes.iter().any(|n| n.id == "receiver_resolver_refused") {
        return Selected {
            playbook: &party::spamhaus::OPEN_RESOLVER_OWN,
            by: SelectedBy::Note,
        };
    }
    if d.reason == Reason::MailboxFull && own_log {
        return Selected {
            playbook: &party::generic::MAILBOXFULL_OWN_SERVER,
            by: SelectedBy::Note,
        };
    }
    // Step 0.
    for note in &d.notes {
        if note.id == "inbound_refusal_log" && note.detail == FINAL_DELIVERY {
            // The mailbox server's own delivery log (a full mailbox is read above): no other
            // server was refused, so the refusal's own advice fits.
            continue;
        }
        if note.id == "inbound_refusal_log" && from_this_machine(&note.detail) {
            // A client on the server's own machine is the reader's own program handing mail
            // to its own server (held-out j, case 33: a backup tool on a submission port), not
            // another organisation's server: the refusal's own advice fits.
            continue;
        }
        // fetchmail's log: the reader's own server refused mail fetched for them (review 8, M7).
        if note.id == "inbound_refusal_log" && note.detail.trim().eq_ignore_ascii_case("fetchmail")
        {
            return Selected {
                playbook: &party::generic::INBOUND_REFUSAL_FETCHED,
                by: SelectedBy::Note,
            };
        }
        // A mail program that could not connect to its outgoing server (the core's note
        // `connect_failed_at_submission`, detail `<program>:<port>`): on port 25 the usual
        // cause is the internet provider's port 25 blocking; on another port, or none named,
        // the server name, the port, the network or the server itself.
        if note.id == "connect_failed_at_submission" {
            let port = note.detail.rsplit_once(':').map(|(_, port)| port);
            return Selected {
                playbook: match port {
                    Some("25") => &party::generic::PROGRAM_PORT25_BLOCKED,
                    _ => &party::generic::PROGRAM_CANNOT_CONNECT,
                },
                by: SelectedBy::Note,
            };
        }
        // Spamhaus's domain list has advice of its own (the party's, `spamhaus-dbl`).
        if note.id == "domain_listed" && d.blocking_party == Some(Party::Spamhaus) {
            continue;
        }
        if let Some(p) = party::by_note(&note.id) {
            return Selected {
                playbook: p,
                by: SelectedBy::Note,
            };
        }
    }
    // Step 0, by the meaning of the reply the core noted: a full mailbox or a message too large;
    // a read receipt and what it reports.
    if let Some(p) = party::by_reply_note(d).or_else(|| party::by_read_receipt(d)) {
        return Selected {
            playbook: p,
            by: SelectedBy::Note,
        };
    }
    // Step 0, an alias or a forwarding that leads to a mailbox that cannot take mail (the
    // core's `original_recipient`): the address the sender wrote is right, its forwarding is
    // not, and no party's advice about the mailbox (check the spelling) fits.
    if forwarded_to_a_dead_mailbox(d) {
        return Selected {
            playbook: &party::forwarder::DESTINATION_REFUSED,
            by: SelectedBy::Note,
        };
    }
    // Step 1, by the provider's own words: a code or wording in the error text that one
    // provider uses (Microsoft's `RESOLVER.RST.AuthRequired`), whoever the core named.
    if let Some(p) = party::by_wording(d) {
        return Selected {
            playbook: p,
            by: SelectedBy::ProviderCode,
        };
    }
    // Step 1, a refused login (RFC 4954: 535, 5.7.8): whoever the core named (Gmail's reply
    // carries its own host), it is the sender's own outgoing server refusing the sender's own
    // password, never a receiver's judgement (held-out v 12).
    if login_refused(d) {
        return Selected {
            playbook: &party::generic::SUBMISSION_LOGIN_REFUSED,
            by: SelectedBy::ProviderCode,
        };
    }
    // Step 1, by the sending server's own words that its rule requires TLS here: a setting on
    // the sender's side, whoever the receiver is, and no wait clears it.
    if own_tls_required(d) {
        return Selected {
            playbook: &party::generic::OWN_TLS_REQUIRED,
            by: SelectedBy::ProviderCode,
        };
    }
    // Step 1, by the sending server's own words that it could not even connect to a big
    // mailbox provider's mail server: the likely cause is on the sending side (port 25).
    if cannot_reach_a_big_provider(d) {
        return Selected {
            playbook: &party::generic::PORT25_UNREACHABLE,
            by: SelectedBy::ProviderCode,
        };
    }
    // Step 1, by the sending server's own words that it had no route to the receiver's network
    // ("connect to ...: Network is unreachable"): its operator fixes it, nobody else can.
    if own_network_unreachable(d) {
        return Selected {
            playbook: &party::generic::OWN_NETWORK_UNREACHABLE,
            by: SelectedBy::ProviderCode,
        };
    }
    // Step 1, by the refusal's words about the sender's own domain: whoever refused and
    // whatever the reason, the fix is that domain.
    if sender_domain_unknown(d) {
        return Selected {
            playbook: &party::generic::SENDER_DOMAIN_UNKNOWN,
            by: SelectedBy::ProviderCode,
        };
    }
    let party = d.blocking_party;
    // Step 1.
    if let Some(pc) = d.provider_code.as_deref() {
        let entries: Vec<_> = codes::lookup_code(pc)
            .into_iter()
            .filter(|e| e.kind == CodeKind::Provider)
            .collect();
        let best = entries
            .iter()
            .find(|e| party.is_some() && (e.party == party || e.issuer == party))
            .or_else(|| entries.first());
        if let Some(e) = best {
            return Selected {
                playbook: e.playbook,
                by: SelectedBy::ProviderCode,
            };
        }
    }
    let enhanced = enhanced_code(d);
    // Step 2.
    if let (Some(p), Some(code)) = (party, enhanced) {
        let entries: Vec<_> = codes::lookup_code(code)
            .into_iter()
            .filter(|e| e.kind == CodeKind::Enhanced && (e.party == Some(p) || e.issuer == Some(p)))
            .collect();
        let named = entries.iter().find(|e| e.reason == d.reason);
        // A catch-all code (5.7.1) whose entries do not name the reason the core read from the
        // words ("Unauthenticated email ... is not accepted due to domain's DMARC policy", which
        // Gmail sent with 5.7.1 until 2023): the words are more specific than the code, so the
        // party's playbook for that reason goes first (step 3).
        // Likewise a listing the words name under the catch-all 5.7.1 ("550 5.7.1 Service
        // unavailable; Client host [192.0.2.1] blocked using FBLW15", Microsoft's own list in
        // an older wording, set r 15): the party's playbook for a block, not the code's
        // entry for a refused permission.
        let blocked_under_catch_all = d.reason == Reason::Blocked && code == "5.7.1";
        // A refusal of the message's format the words name ("Messages missing a valid address
        // in From: header", Gmail's 5.7.1, held-out x 29): the sending program fixes it, so the
        // format advice (the party's or the generic one), never the code's spam entry.
        let format_refusal = d.reason == Reason::NotCompliantRfc;
        let reason_wins = named.is_none()
            && (format_refusal
                || (WORDED_REASONS.contains(&d.reason) || blocked_under_catch_all)
                    && matches!(party::route(p, d.reason), Route::Playbook(_)));
        if let Some(e) = named.or_else(|| entries.first()).filter(|_| !reason_wins) {
            return Selected {
                playbook: e.playbook,
                by: SelectedBy::PartyCode,
            };
        }
    }
    // Step 3.
    if let Some(p) = party {
        if let Route::Playbook(pb) = party::route(p, d.reason) {
            return Selected {
                playbook: pb,
                by: SelectedBy::PartyReason,
            };
        }
    }
    // Step 3, for a carrier the core did not name: its "unknown user" means more than its
    // reason says (fact sheet §3.12).
    if party.is_none() && CARRIER_REASONS.contains(&d.reason) {
        let carrier = party::carrier_of(d);
        if let Some(Route::Playbook(pb)) = carrier.map(|c| party::route(c, Reason::UserUnknown)) {
            return Selected {
                playbook: pb,
                by: SelectedBy::PartyReason,
            };
        }
    }
    // Step 4.
    if party.is_none() {
        if let Some(code) = enhanced {
            if let Some(pb) = unique_provider_code(code) {
                return Selected {
                    playbook: pb,
                    by: SelectedBy::UniqueCode,
                };
            }
        }
    }
    // Step 5.
    if d.reason == Reason::Undefined {
        if let Some(code) = enhanced {
            if let Some(e) = codes::lookup_code(code)
                .into_iter()
                .find(|e| e.party.is_none())
            {
                return Selected {
                    playbook: e.playbook,
                    by: SelectedBy::GenericCode,
                };
            }
        }
    }
    Selected {
        playbook: party::generic(d.reason),
        by: SelectedBy::GenericReason,
    }
}

/// The detail of the core's note `inbound_refusal_log` for a Postfix final-delivery agent's
/// own log line (lmtp, local, virtual): the server that holds the mailbox refused to store the
/// message, and whoever reads that log runs the mailbox.
const FINAL_DELIVERY: &str = "final_delivery";

/// True when a refused client ("localhost[127.0.0.1]", "[::1]") is a loopback address.
fn from_this_machine(client: &str) -> bool {
    let inside = client
        .rsplit_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map_or(client, |(ip, _)| ip);
    let inside = inside.trim().trim_start_matches("IPv6:");
    inside
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// True when the refusal says the sender's own domain cannot be found: the error names the
/// sender domain as not existing (SoftBank's "553 <domain> does not exist", fact sheet §3.12), or
/// a refusal at MAIL FROM says a domain does not exist (a missing sender *mailbox* is not this),
/// or Postfix's sender check says "Sender address rejected: Domain not found", or Sendmail's
/// "Domain of sender address ... does not exist".
/// The sending side's own words that its rule requires TLS for the destination and the receiver
/// did not take it: Postfix's client writes "TLS is required, but was not offered by host X",
/// "TLS is required, but host X refused to start TLS session" and "TLS is required, but our TLS
/// engine is unavailable"; a receiver that requires TLS says "Must issue a STARTTLS command
/// first" instead (the `FailedStartTls` advice).
// Source: Postfix src/smtp/smtp_proto.c (the `tls_enforce_tls` branches).
const OWN_TLS_RULE: &[&str] = &["tls is required, but "];

fn own_tls_required(d: &Diagnosis) -> bool {
    let says = |t: &str| {
        let t = t.to_ascii_lowercase();
        OWN_TLS_RULE.iter().any(|w| t.contains(w))
    };
    d.recipients.iter().any(|r| says(&r.diagnostic_text))
        || d.evidence
            .iter()
            .any(|e| e.field == "reason" && says(&e.text))
}

fn sender_domain_unknown(d: &Diagnosis) -> bool {
    let sender = d
        .sender_domain
        .as_deref()
        .map(|s| s.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|s| s.contains('.'));
    d.recipients.iter().any(|r| {
        let t = r.diagnostic_text.to_ascii_lowercase();
        let at_mail_from = r
            .command
            .as_deref()
            .is_some_and(|c| c.trim().eq_ignore_ascii_case("MAIL"));
        let names_sender = sender
            .as_deref()
            .is_some_and(|s| t.contains(&format!("{s} does not exist")));
        names_sender
            || (at_mail_from && t.contains("domain") && t.contains("does not exist"))
            || t.contains("sender address rejected: domain not found")
            // Sendmail's check_mail ruleset (cf/m4/proto.m4): "553 5.1.8 Domain of sender
            // address <addr> does not exist" when the domain has no DNS records (held-out v 25).
            || (t.contains("domain of sender address") && t.contains("does not exist"))
    })
}

/// True when a recipient's reply is Postfix's refusal of the connecting client by an access rule
/// with no text of its own ("Client host rejected: Access denied"; Postfix access(5): a REJECT
/// with no optional text gives the generic "Access denied").
fn client_host_access_denied(d: &Diagnosis) -> bool {
    d.recipients.iter().any(|r| {
        collapse_space(&r.diagnostic_text.to_ascii_lowercase())
            .contains("client host rejected: access denied")
    })
}

/// Swaps a generic playbook whose usual reading does not fit what the bounce shows: "relaying
/// denied" said by the recipient's server is not the sender's SMTP-authentication problem.
fn swap_generic(base: Selected, d: &Diagnosis) -> Selected {
    // A refused greeting name is fixed where the name is set, wherever the refusal was met.
    if base.playbook.id == party::generic::HELO_REFUSED.id {
        return base;
    }
    // A delay the receiver's greylisting caused clears in minutes (review h159, 5).
    if base.playbook.id == party::generic::DELAYED.id && greylisted(d) {
        return Selected {
            playbook: &party::generic::DELAYED_GREYLISTED,
            by: base.by,
        };
    }
    // "Not accepting" with a 4xx is a receiver's passing stop ("451 4.3.2 Please try again
    // later"), not a domain that takes no mail (null MX, 5.x): the codes table gives 4.3.2 the
    // system-error advice, a wait first (held-out m, case 17).
    if base.playbook.id == party::generic::NOTACCEPT.id && temporary_reply(d) {
        return Selected {
            playbook: &party::generic::SYSTEMERROR,
            by: base.by,
        };
    }
    // A block whose own words say the sending address has no (or a wrong) PTR record is that
    // record's problem, not a blocklist (held-out p, case 05: web.de's "554 invalid DNS PTR
    // resource record, IP=..."): the reverse-DNS advice fits.
    if base.playbook.id == party::generic(Reason::Blocked).id
        && d.blocking_party.is_none()
        && d.list_zone.as_deref().is_none_or(|z| z.trim().is_empty())
        && names_a_missing_ptr(d)
    {
        return Selected {
            playbook: party::generic(Reason::RequirePtr),
            by: base.by,
        };
    }
    // "No such recipient" for a reply that names the sender as the refused one ("550 5.1.0
    // <a@example.net> sender rejected") tells the reader a correct recipient is wrong: the
    // sender-refused advice fits (held-out p, case 27).
    if base.playbook.id == party::generic::USERUNKNOWN.id && names_the_sender_refused(d) {
        return Selected {
            playbook: &party::generic::REJECTED,
            by: base.by,
        };
    }
    // "No such recipient" for a reply that says the address itself is not valid SMTP syntax
    // (Gmail's "Illegal envelope To: address (not valid RFC5321 syntax)", held-out ab 27): the
    // address is not missing but of a form that cannot be sent to.
    if base.playbook.id == party::generic::USERUNKNOWN.id && decisive_names(d, ADDRESS_FORM_WORDS) {
        return Selected {
            playbook: &party::generic::USERUNKNOWN_ADDRESS_FORM,
            by: base.by,
        };
    }
    // Postfix's own words for an access-table REJECT of the recipient: the receiver's rule, not
    // a missing mailbox, so its administrator decides (held-out m, case 22). The sender's own
    // server at submission is not the receiver (held-out l, case 14).
    if base.playbook.party.is_none()
        && d.blocking_party.is_none()
        && recipient_access_denied(d)
        && !refused_at_submission(d)
        && !handed_to_a_submission_port(d)
    {
        return Selected {
            playbook: &party::recipient_org::FILTER,
            by: base.by,
        };
    }
    // A refused login (step 1 of `pick`) keeps its own advice: the account's owner fixes it
    // first, not whoever set up a program's other settings.
    if base.playbook.id == party::generic::SUBMISSION_LOGIN_REFUSED.id {
        return base;
    }
    // Amazon SES's refusal of an unverified identity (its own words, step 1) already names the
    // sending account's setting to fix, which is no mail program's.
    if base.playbook.id == party::esp::SES_UNVERIFIED_IDENTITY.id {
        return base;
    }
    // A playbook chosen for a note already says which setting is wrong (a From address the
    // login does not own): the filter's advice would bury it (held-out j, A-1).
    if base.playbook.party.is_none()
        && base.by != SelectedBy::Note
        && REFUSAL_OF_THE_SENDER.contains(&d.reason)
        && (handed_to_a_submission_port(d) || refused_at_submission(d))
    {
        // Only a judgement of the message or the account is the outgoing filter's; a refused
        // sender address, a login asked for or an unexplained refusal is most often a setting
        // of the program (an app's bounce address, a From the account may not use).
        let playbook = match CONTENT_OR_ACCOUNT.contains(&d.reason) {
            // Postfix's words for a client access rule: the host is refused, not the message
            // (held-out aa 18).
            _ if client_host_access_denied(d) => &party::generic::CLIENT_HOST_REFUSED_AT_SUBMISSION,
            true => &party::generic::OWN_RELAY_REFUSED,
            // Gmail's "Send mail as" through the user's own SMTP server: the settings to fix
            // are Gmail's, not a mail program's (review 9, M4).
            false
                if d.notes
                    .iter()
                    .any(|n| n.id == "refused_at_submission" && n.detail == "gmail_send_as") =>
            {
                &party::generic::OWN_RELAY_GMAIL_SEND_AS
            }
            false => &party::generic::OWN_RELAY_SETTING,
        };
        return Selected {
            playbook,
            by: base.by,
        };
    }
    // A security refusal whose words put the fault on the sending side's own setting: only the
    // sending side acts (held-out l, MEDIUM-6). At submission, the own server's advice above
    // already says so, and keeps it (held-out j, case 22: "Check your domain's MX and/or SPF").
    if base.playbook.id == party::generic::SECURITYERROR.id {
        if let Some(playbook) = own_setting_at_fault(d) {
            return Selected {
                playbook,
                by: base.by,
            };
        }
    }
    // A size or count limit met at submission is the sender's own server's: no recipient, no
    // bounce (review 6, M5).
    if base.playbook.party.is_none()
        && matches!(d.reason, Reason::ExceedLimit | Reason::MesgTooBig)
        && refused_at_submission(d)
    {
        return Selected {
            playbook: &party::generic::LIMIT_AT_SUBMISSION,
            by: base.by,
        };
    }
    // A group's own quota for passing posts on: the group's owner acts, not the sender
    // (review 8, M6: Google Groups' "The group ... has exceeded its quota").
    if base.playbook.id == party::generic(Reason::ExceedLimit).id && names_a_group_quota(d) {
        return Selected {
            playbook: &party::generic::GROUP_QUOTA,
            by: base.by,
        };
    }
    // A limit whose words say it is the message's size (Exchange's "550 5.2.3
    // RESOLVER.RST.RecipSizeLimit; message too large for this recipient", which Sisimai files
    // under exceedlimit, as every 5.2.3, held-out w 13): the size advice, said plainly.
    if base.playbook.id == party::generic(Reason::ExceedLimit).id && names_the_size(d) {
        return Selected {
            playbook: party::generic(Reason::MesgTooBig),
            by: base.by,
        };
    }
    // A group refusing a post by its own rule: the sender (right address, joining) or the
    // group's owner acts, not a recipient's administrator (held-out o, case 24). Google Groups'
    // notice that the group may not exist or takes no posts from the sender keeps the advice
    // of the core's note (`group_post_refused`), which says only that.
    if base.playbook.party.is_none()
        && base.playbook.id != party::generic::GROUP_NO_PERMISSION.id
        && GROUP_REFUSAL_REASONS.contains(&d.reason)
        && names_a_group_refusal(d)
    {
        return Selected {
            playbook: &party::generic::GROUP_POST_REFUSED,
            by: base.by,
        };
    }
    // A sending limit met at submission: the program got the refusal, no queue retries it. A
    // "sending quota" is only ever the sender's own outgoing server's, which refuses at
    // submission (held-out o, case 42: "Recipient address rejected: Email Sending Quota
    // Exceeded", with no program named).
    let speeding = base.playbook.id == party::generic(Reason::Speeding).id;
    if speeding && (refused_at_submission(d) || names_a_sending_quota(d)) {
        return Selected {
            playbook: &party::generic::SPEEDING_AT_SUBMISSION,
            by: base.by,
        };
    }
    // A temporary limit whose words do not name the sender's own volume: the receiver's queue
    // or intake is full, the sending server retries (review 8, M2).
    if speeding && (temporary_reply(d) || only_delayed(d)) && !names_own_volume(d) {
        return Selected {
            playbook: &party::generic::SPEEDING_DEFERRED,
            by: base.by,
        };
    }
    // Refused at submission, relaying denied is the sender's own server asking for a login
    // (the SMTP-authentication advice), whatever the sender's domain.
    if base.playbook.id == party::generic::NORELAYING.id
        && !refused_at_submission(d)
        && (refused_by_remote_server(d) || sends_from_webmail(d))
    {
        return Selected {
            playbook: &party::generic::NORELAYING_REMOTE,
            by: base.by,
        };
    }
    base
}

/// True when the decisive reply refuses an SMTP login: reply 535 or status 5.7.8, which RFC 4954
/// section 6 gives to "Authentication credentials invalid" (the AUTH command's own answer).
fn login_refused(d: &Diagnosis) -> bool {
    smtp_code(d) == Some("535") || enhanced_code(d) == Some("5.7.8")
}

/// True when the decisive reply is Postfix's default text for a recipient refused by an access
/// table ("554 5.7.1 <rcpt>: Recipient address rejected: Access denied"). Exchange Online's
/// directory check uses the same words with 5.4.1 for an address that does not exist, so the
/// code must be 5.7.1.
// Source: Postfix access(5), REJECT without text: "reply with a generic error response message",
// https://www.postfix.org/access.5.html
fn recipient_access_denied(d: &Diagnosis) -> bool {
    enhanced_code(d) == Some("5.7.1")
        && d.recipients.iter().any(|r| {
            r.reason == d.reason
                && r.diagnostic_text
                    .to_ascii_lowercase()
                    .contains("recipient address rejected: access denied")
        })
}

/// Words (lowercase) that say the message itself is too large, not how many recipients or
/// messages: Exchange's "message too large for this recipient", "552 5.3.4 Message size exceeds
/// fixed limit" (Postfix), "message too big" (Sisimai's MesgTooBig list).
const SIZE_WORDS: &[&str] = &[
    "message too large",
    "message is too large",
    "message too big",
    "message size exceeds",
];

/// True when a decisive reply (one with the message's reason), lowercased, passes `test`.
fn decisive_reply(d: &Diagnosis, test: impl Fn(&str) -> bool) -> bool {
    d.recipients
        .iter()
        .filter(|r| r.reason == d.reason)
        .any(|r| test(&r.diagnostic_text.to_ascii_lowercase()))
}

/// True when a decisive reply holds one of `words` (lowercase).
fn decisive_names(d: &Diagnosis, words: &[&str]) -> bool {
    decisive_reply(d, |t| words.iter().any(|w| t.contains(w)))
}

fn names_the_size(d: &Diagnosis) -> bool {
    decisive_names(d, SIZE_WORDS)
}

/// True when the decisive reply says a group reached its own quota: both phrases of Google
/// Groups' "The group <address> has exceeded its quota for total number of external recipients".
fn names_a_group_quota(d: &Diagnosis) -> bool {
    decisive_reply(d, |t| {
        t.contains("the group ") && t.contains("exceeded its quota")
    })
}

/// Reasons a group's refusal of a post is given: its words carry no code, so the reason comes
/// from the wording alone.
const GROUP_REFUSAL_REASONS: &[Reason] = &[
    Reason::Rejected,
    Reason::PolicyViolation,
    Reason::SecurityError,
    Reason::SpamDetected,
    Reason::Blocked,
    Reason::OnHold,
];

/// Words (lowercase) of a group refusing a post by its own rule: Google Groups' two notices,
/// Mailman 2's non-member rejection (its DMARC rejection starts the same way but is about
/// the From domain, so "dmarc" keeps it out) and its hold reason "Post by non-member to a
/// members-only list", and a list that wants its own address in To or Cc: ezmlm's "ezmlm-reject:
/// fatal: List address must be in To: or Cc: (#5.7.0)" and sourceware's "Mail rejected: List
/// address must be in To: or Cc: headers." (held-out w 11, w 45).
// Sources: Google Groups' notice as pasted, https://pastebin.com/6mQsiCU3 ; Mailman 2.1,
// Mailman/Handlers/Moderate.py (do_reject, and the hold reason of a non-member's post);
// ezmlm-reject(1), -t: "If the list address is not in the message To: or Cc: headers and the
// -t switch is active" the post is refused,
// https://manpages.debian.org/experimental/ezmlm-idx/ezmlm-reject.1.en.html
const GROUP_REFUSAL_WORDS: &[&str] = &[
    "message rejected by google groups",
    "permission to post messages to the group",
    "you are not allowed to post to this mailing list",
    "by non-member to a members-only list",
    "list address must be in to: or cc:",
];

/// True when the decisive reply is a group's refusal of a post (`GROUP_REFUSAL_WORDS`).
fn names_a_group_refusal(d: &Diagnosis) -> bool {
    decisive_reply(d, |t| {
        !t.contains("dmarc") && GROUP_REFUSAL_WORDS.iter().any(|w| t.contains(w))
    })
}

/// True when the decisive reply names a quota of sending ("Domain Sending Quota Exceeded", a
/// provider's outgoing server; source: a public log of one, https://pastebin.com/v3bkLPK5).
fn names_a_sending_quota(d: &Diagnosis) -> bool {
    decisive_reply(d, |t| t.contains("sending quota exceeded"))
}

/// Words (lowercase) of a rate limit that put it on the sender's own mail: "you are sending too
/// fast", "sender rate limit", "too many messages from your IP", "user sending limit". A limit
/// without them ("Organization queue quota exceeded") may be the receiver's total intake.
const OWN_VOLUME_WORDS: &[&str] = &[
    "you ",
    "your ",
    "sender",
    "sending",
    "from this",
    "user ",
    "account",
    "per hour",
    "per day",
    "daily",
];

/// Words of a reply (lowercase) about the sending address's reverse DNS (PTR) record.
const PTR_WORDS: &[&str] = &[
    "ptr record",
    "ptr resource record",
    "reverse dns",
    "no ptr",
    "invalid ptr",
];

/// True when the decisive reply's words name the PTR record (`PTR_WORDS`).
fn names_a_missing_ptr(d: &Diagnosis) -> bool {
    d.recipients
        .iter()
        .filter(|r| r.reason == d.reason)
        .map(|r| collapse_space(&r.diagnostic_text.to_ascii_lowercase()))
        .any(|t| PTR_WORDS.iter().any(|w| t.contains(w)))
}

/// Runs of white space as one space: a reply folded over lines ("DNS PTR\n resource record")
/// still matches.
fn collapse_space(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a reply (lowercase) that say the sender, not the recipient, was refused: Exchange's
/// and others' "<a@example.net> sender rejected", Postfix's "Sender address rejected".
const SENDER_REFUSED_WORDS: &[&str] = &["> sender rejected", "sender address rejected"];

/// True when the decisive reply says the sender was refused (`SENDER_REFUSED_WORDS`).
fn names_the_sender_refused(d: &Diagnosis) -> bool {
    decisive_names(d, SENDER_REFUSED_WORDS)
}

/// Words (lowercase) of a refusal of the recipient address's own form: Gmail's "Illegal
/// envelope To: address (not valid RFC5321 syntax)".
const ADDRESS_FORM_WORDS: &[&str] = &["illegal envelope to", "not valid rfc5321 syntax"];

/// True when the decisive reply's words say the limit is about the sender's own volume.
fn names_own_volume(d: &Diagnosis) -> bool {
    decisive_names(d, OWN_VOLUME_WORDS)
}

/// Words of a security refusal (lowercase) that name a setting of the sending side, and the
/// playbook of that setting: SparkPost's "550 5.7.1 Unconfigured Sending Domain <example.com>"
/// (the From domain is not a sending domain of the sender's account: the sending service's
/// outgoing server refused it), and a receiver's DKIM or SPF check of the sender's own domain
/// ("550 5.7.0 bad DKIM signature data", OpenDKIM's reply).
// Sources: https://developers.sparkpost.com/api/sending-domains/ (a sending domain must be set
// up in the account), https://datatracker.ietf.org/doc/html/rfc6376 (DKIM).
const OWN_SETTING_WORDS: &[(&str, &Playbook)] = &[
    (
        "unconfigured sending domain",
        &party::generic::OWN_RELAY_SETTING,
    ),
    ("dkim", &party::generic::AUTHFAILURE),
    ("spf", &party::generic::AUTHFAILURE),
];

/// The playbook of the sending side's own setting a security refusal names, if any.
fn own_setting_at_fault(d: &Diagnosis) -> Option<&'static Playbook> {
    let texts: Vec<String> = d
        .recipients
        .iter()
        .filter(|r| r.reason == d.reason)
        .map(|r| r.diagnostic_text.to_ascii_lowercase())
        .collect();
    OWN_SETTING_WORDS
        .iter()
        .find(|(w, _)| texts.iter().any(|t| t.contains(w)))
        .map(|(_, p)| *p)
}

/// True when the refusing server was reached on a submission port, as the sending server's log
/// or report names it (`relay=smtp.example.net[192.0.2.1]:587`, Postfix's "delivery via
/// smtp.example.net[192.0.2.1]:587:"): port 587 (RFC 6409) or 465 (RFC 8314) is where a mail
/// program or a server hands mail to its own provider's outgoing server, never the recipient's
/// MX (port 25). So the refusal is the sender's provider's.
fn handed_to_a_submission_port(d: &Diagnosis) -> bool {
    d.recipients.iter().any(|r| {
        let t = r.diagnostic_text.as_str();
        ["]:587", "]:465"].iter().any(|port| {
            t.match_indices(port).any(|(at, _)| {
                // The port ends there: "]:5870" is another port.
                !t.as_bytes()
                    .get(at + port.len())
                    .is_some_and(u8::is_ascii_digit)
            })
        })
    })
}

/// True when the sending server could not connect to a big mailbox provider's mail server
/// and the attempt timed out: the core names the step `CONN` (the sending server's own report
/// that it could not open the connection, "connect to host[192.0.2.1]:25: Connection timed
/// out"), its words say it timed out, and the server it tried is a big provider's by the core's
/// own host tables (`ndr_core::mailbox_provider_of_host`). Those servers take connections on
/// port 25 around the clock. A refused connection was answered, and a timeout later in the
/// session ("timed out while sending end of data") is no `CONN`.
fn cannot_reach_a_big_provider(d: &Diagnosis) -> bool {
    d.recipients.iter().any(|r| {
        let host = r.remote_host.as_deref().or(d.remote_host.as_deref());
        ndr_core::connect_failure(r) == Some(ndr_core::ConnectFailure::TimedOut)
            && host.is_some_and(|h| ndr_core::mailbox_provider_of_host(h).is_some())
    })
}

/// True when a sending server's own report of a connection it could not open (the core's
/// `CONN`) says the receiver's network was unreachable from it (ENETUNREACH, "connect to
/// mx.example.org[2001:db8::25]:25: Network is unreachable"): a routing fault of the sending
/// machine, most often a missing IPv6 route (Postfix's IPV6_README: attempts over IPv6 "would
/// always fail with \"network unreachable\""). A mail program's own connect error is the
/// core's note `connect_failed_at_submission`, read in step 0.
fn own_network_unreachable(d: &Diagnosis) -> bool {
    d.recipients.iter().any(|r| {
        r.action == "failed"
            && ndr_core::connect_failure(r) == Some(ndr_core::ConnectFailure::NetworkUnreachable)
    })
}

/// True when the paste is a mail program's own send error (the core's note
/// `refused_at_submission`): the server that refused is the sender's own outgoing server, met
/// when the program handed the message over, as on a submission port.
fn refused_at_submission(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "refused_at_submission")
}

/// Consumer webmail domains (fact sheet §3.1 Outlook.com, §3.3 Gmail, §3.4 Yahoo / AOL, §3.5
/// iCloud, §3.12 Yahoo! JAPAN). A user of these sends through the provider's web page or app,
/// which always authenticates: a relaying refusal is then the recipient's server, and there is
/// no mail program setting to change.
const WEBMAIL_DOMAINS: &[&str] = &[
    "aol.com",
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "icloud.com",
    "live.com",
    "mac.com",
    "me.com",
    "msn.com",
    "outlook.com",
    "yahoo.co.jp",
    "yahoo.com",
];

/// True when the mail left through Gmail, whose shared servers send it, so a listed sending
/// address is Google's, not the sender's: a Gmail sender address, or the core's note that
/// Google's own notice reported another organisation's refusal (`sender_on_google`; a Google
/// Workspace domain cannot be told from its name, and a paste may name no sender at all).
fn sends_from_gmail(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "sender_on_google")
        || d.sender_domain.as_deref().is_some_and(|s| {
            let s = s.trim().trim_end_matches('.');
            s.eq_ignore_ascii_case("gmail.com") || s.eq_ignore_ascii_case("googlemail.com")
        })
}

/// True when a domain's addresses belong to many unrelated people: a consumer webmail service's
/// (`WEBMAIL_DOMAINS`) or a Japanese mobile carrier's (fact sheet §3.12). Asking a recipient to
/// allow such a whole domain would let in all its users, so the sender's address is asked for.
pub(crate) fn is_personal_mail_domain(domain: &str) -> bool {
    let d = domain.trim().trim_end_matches('.');
    WEBMAIL_DOMAINS
        .iter()
        .chain(ISP_MAIL_DOMAINS)
        .any(|w| d.eq_ignore_ascii_case(w))
        || party::is_carrier_domain(d)
}

/// Mail domains an internet provider gives its subscribers, shared by all of them like a
/// webmail service's: a sender with such an address does not run its DNS. Kept apart from
/// `WEBMAIL_DOMAINS`, whose users are also assumed to send only through the web page.
const ISP_MAIL_DOMAINS: &[&str] = &[
    // Orange (France): "Mail Orange", reached from the orange.fr portal; the addresses of its
    // former brand Wanadoo still work as Orange mailboxes (held-out round o, case 46).
    // Source: https://assistance.orange.fr/ordinateurs-peripheriques/installer-et-utiliser/l-utilisation-du-mail-et-du-cloud/mail-orange/le-mail-orange-nouvelle-version/parametrer-la-boite-mail/mail-orange-nouvelle-version-parametrer-les-options-de-securite_237863-734091
    "orange.fr",
    "wanadoo.fr",
];

/// True when the sender's domain is a consumer webmail provider's.
pub(crate) fn sends_from_webmail(d: &Diagnosis) -> bool {
    d.sender_domain.as_deref().is_some_and(|s| {
        let s = s.trim().trim_end_matches('.');
        WEBMAIL_DOMAINS.iter().any(|w| s.eq_ignore_ascii_case(w))
    })
}

/// True when the refusal came from a server the sender's own server handed the message to:
/// the core says so (note `refused_by_remote_server`: it also knows layouts that name no host,
/// such as Yahoo Mail's own notice), or the bounce names that host (`remote_host`) or quotes it
/// ("host mx.example[…] said:", "Remote Server returned"). A refusal by the sender's own
/// submission server names none.
fn refused_by_remote_server(d: &Diagnosis) -> bool {
    if d.notes.iter().any(|n| n.id == "refused_by_remote_server") {
        return true;
    }
    let named = |h: Option<&str>| h.is_some_and(|h| !h.trim().is_empty());
    if named(d.remote_host.as_deref())
        || d.recipients.iter().any(|r| named(r.remote_host.as_deref()))
    {
        return true;
    }
    d.recipients.iter().any(|r| {
        let t = r.diagnostic_text.to_ascii_lowercase();
        (t.contains("host ") && t.contains(" said:")) || t.contains("remote server returned")
    })
}

/// Generic playbooks that start with a wait but were written for a final failure: their steps
/// send the message again once, later. For a report that is only delayed they are untrue (the
/// sending server still holds the message), so the "delayed" playbook replaces them.
pub(crate) const RESEND_AFTER_A_WAIT: &[&str] = &[
    "generic-networkerror",
    "generic-systemerror",
    "generic-systemfull",
];

/// True for a playbook whose advice already is to wait for the sending server's retries
/// (Microsoft's and Outlook.com's throttles, a rate limit).
fn written_for_a_wait(p: &Playbook) -> bool {
    p.urgency == Urgency::Wait && !RESEND_AFTER_A_WAIT.contains(&p.id)
}

/// True when the core noted that the receiver greylists (its note `greylisted`).
fn greylisted(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "greylisted")
}

/// True when the sending server is still trying: every recipient is only delayed. For Sisimai's
/// `onhold` ("too little information to decide the reason") a 4xx reply or a 4.x.x status with no
/// recipient marked failed also counts: otherwise an on-hold report is a refusal.
fn still_trying(d: &Diagnosis, base: Selected) -> bool {
    if only_delayed(d) {
        return true;
    }
    (UNNAMED.contains(&base.playbook.id) || TEMPORARY_BLOCKS.contains(&base.playbook.id))
        && deferred_by_code(d)
}

/// The generic playbooks of a refusal of the sending address ("Urgent", check for a hijacked
/// account, scan for viruses): a bare temporary reply with no recipient marked failed ("451 4.7.1
/// Try again later", often greylisting) is a wait first, not that alarm (held-out n, LOW-A3).
const TEMPORARY_BLOCKS: &[&str] = &["generic-blocked", "generic-badreputation"];

/// The generic playbooks of a reason the core could not name (Sisimai's `onhold`, `undefined`):
/// written for a refusal, they fit a temporary reply only once the report says which it is.
const UNNAMED: &[&str] = &["generic-onhold", "generic-undefined"];

/// True when a report the core could not explain marks a recipient failed (or expired) and its
/// decisive reply is temporary (4xx): the sending server kept the message, retried it, and gave
/// up. No refusal is known, so the advice is the expired one (the last reply, the recipient's
/// administrator, one resend), not "refused, fix the cause first".
///
/// The same holds for the generic block playbooks when the temporary reply names no block at
/// all ("451 4.7.1 Service unavailable - try again later", then Gmail's "failed permanently"):
/// no list, no address, no words about blocking or spam, so a blocklist alarm aimed at the
/// hosting company would guess (held-out p, case 24).
fn gave_up_on_a_deferral(d: &Diagnosis, base: Selected) -> bool {
    let failed = |a: &str| {
        let a = a.trim();
        a.eq_ignore_ascii_case("failed") || a.eq_ignore_ascii_case("expired")
    };
    let unnamed = UNNAMED.contains(&base.playbook.id)
        || (TEMPORARY_BLOCKS.contains(&base.playbook.id) && names_no_block(d));
    unnamed && d.recipients.iter().any(|r| failed(&r.action)) && temporary_reply(d)
}

/// Words of a reply that say what was blocked or why: with any of them, a temporary refusal is
/// a block, not a bare "try again later".
const BLOCK_WORDS: &[&str] = &[
    "block",
    "listed",
    "spam",
    "reputation",
    "policy",
    "rbl",
    "dnsbl",
    "abuse",
    "denied",
];

/// True when a temporary block names no list, no address, no party and no reason in its words.
/// The reply itself must be a 4xx: a status alone may be the reporting server's own (Postfix's
/// `4.0.0` beside "refused to talk to me: 554 ... (BL)", held-out i, case 21).
fn names_no_block(d: &Diagnosis) -> bool {
    let empty = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    let reply = d.smtp_code.as_deref().or_else(|| {
        d.recipients
            .iter()
            .find(|r| r.reason == d.reason)
            .and_then(|r| r.reply_code.as_deref())
    });
    reply.is_some_and(|c| c.trim().starts_with('4'))
        && named_ip(d).is_none_or(|(ip, _)| ip.trim().is_empty())
        && empty(&d.list_zone)
        && empty(&d.provider_code)
        && d.blocking_party.is_none()
        && !d.recipients.iter().any(|r| {
            let t = r.diagnostic_text.to_ascii_lowercase();
            BLOCK_WORDS.iter().any(|w| t.contains(w))
        })
}

/// True when the decisive SMTP reply is permanent (RFC 5321 5yz), whatever the report's status
/// says: Postfix reports a refused greeting ("refused to talk to me: 554 ...") as `4.7.1`
/// `delayed` while it tries again, but the reply itself does not clear by waiting.
fn refused_for_good(d: &Diagnosis) -> bool {
    let main = d
        .recipients
        .iter()
        .find(|r| r.reason == d.reason)
        .or_else(|| d.recipients.first());
    d.smtp_code
        .as_deref()
        .or_else(|| main.and_then(|r| r.reply_code.as_deref()))
        .map(str::trim)
        .is_some_and(|c| c.len() == 3 && c.starts_with('5'))
}

/// True when no recipient is marked failed and the decisive reply or status is temporary
/// (RFC 5321 4yz, RFC 3463 class 4).
fn deferred_by_code(d: &Diagnosis) -> bool {
    let failed = |a: &str| {
        let a = a.trim();
        a.eq_ignore_ascii_case("failed") || a.eq_ignore_ascii_case("expired")
    };
    if d.recipients.iter().any(|r| failed(&r.action)) {
        return false;
    }
    temporary_reply(d)
}

/// True when the report names recipients and every one of them is only delayed: the sending
/// server keeps retrying, nothing has failed yet (the core marks a queue's own log line of a
/// deferral so: Postfix's "status=deferred", qmail's "deferral:").
pub(crate) fn only_delayed(d: &Diagnosis) -> bool {
    !d.recipients.is_empty()
        && d.recipients
            .iter()
            .all(|r| r.action.trim().eq_ignore_ascii_case("delayed"))
}

/// The enhanced code of the decisive rejection: the diagnosis' own, else that of the
/// recipient that speaks for the message.
fn enhanced_code(d: &Diagnosis) -> Option<&str> {
    decisive_code(d, d.enhanced_code.as_deref(), |r| r.status.as_deref())
}

/// The decisive reply code, as `enhanced_code` finds the enhanced one.
fn smtp_code(d: &Diagnosis) -> Option<&str> {
    decisive_code(d, d.smtp_code.as_deref(), |r| r.reply_code.as_deref())
}

/// The message's own code, else the one of the recipient whose reason is the message's (or the
/// first), trimmed; none when empty.
fn decisive_code<'a>(
    d: &'a Diagnosis,
    own: Option<&'a str>,
    of: impl Fn(&'a ndr_core::Recipient) -> Option<&'a str>,
) -> Option<&'a str> {
    let clean = |c: Option<&'a str>| c.map(str::trim).filter(|s| !s.is_empty());
    clean(own).or_else(|| {
        clean(
            d.recipients
                .iter()
                .find(|r| r.reason == d.reason)
                .or_else(|| d.recipients.first())
                .and_then(of),
        )
    })
}

/// The playbook of an enhanced code that exactly one party uses and RFC 3463 does not define.
fn unique_provider_code(code: &str) -> Option<&'static Playbook> {
    let entries = codes::lookup_code(code);
    if entries.iter().any(|e| e.party.is_none()) {
        return None;
    }
    let first = entries.first()?;
    let parties: Vec<Option<Party>> = entries.iter().map(|e| e.party).collect();
    if parties.iter().all(|p| *p == first.party)
        && entries.iter().all(|e| e.playbook.id == first.playbook.id)
    {
        Some(first.playbook)
    } else {
        None
    }
}

/// The address the advice names and the lookups ask about, with its scope: the blocked one
/// (`blocked_ip`), else the sending server's the bounce names without blocking it (`sending_ip`:
/// an authentication failure's SPF client, Gmail's bracket in a spam refusal). Letters that need
/// the sending address ("add it to your SPF record") use it either way; whether it is called
/// blocked is [`ip_is_blocked`]'s and `blocked_ip`'s.
pub fn named_ip(d: &Diagnosis) -> Option<(&str, Option<ndr_core::IpScope>)> {
    match d.blocked_ip.as_deref() {
        Some(ip) => Some((ip, d.blocked_ip_scope)),
        None => d.sending_ip.as_deref().map(|ip| (ip, d.sending_ip_scope)),
    }
}

/// True when the party that refused is a blocklist operator (Spamhaus, SpamCop, Barracuda,
/// ...), not a mailbox provider or a filter of the recipient's.
pub fn by_a_list_operator(d: &Diagnosis) -> bool {
    d.blocking_party
        .is_some_and(ndr_core::Party::runs_an_address_list)
}

/// A reason that is about the recipient's address, mailbox or domain, not a block of the
/// sender or the message: its party refused the mail but blocked nothing ("Who blocked it:
/// NTT docomo" for an unknown address was not true). The page's and the CLI's party row say
/// "refused it" then.
pub fn reason_blocks_nothing(reason: ndr_core::Reason) -> bool {
    matches!(
        reason,
        ndr_core::Reason::UserUnknown
            | ndr_core::Reason::MailboxFull
            | ndr_core::Reason::Suspend
            | ndr_core::Reason::HasMoved
            | ndr_core::Reason::HostUnknown
            | ndr_core::Reason::SystemFull
            | ndr_core::Reason::MesgTooBig
            | ndr_core::Reason::ExceedLimit
    )
}

/// True when the bounce says the sending IP itself is blocked or listed, so the fact may be
/// called "blocked sending IP address". A missing reverse DNS record, an authentication
/// failure or a delay name the same address without blocking it.
pub fn ip_is_blocked(d: &Diagnosis) -> bool {
    use ndr_core::Reason;
    // The receiver's own failed list query (Spamhaus refusing its resolver) blocks nobody's
    // address: the advice says so, and the label must not say "blocked".
    // A list of domain names lists a name in the mail, never the sending address.
    if d.notes
        .iter()
        .any(|n| n.id == "receiver_resolver_refused" || n.id == "domain_listed")
    {
        return false;
    }
    matches!(d.reason, Reason::Blocked | Reason::BadReputation)
        || d.list_zone.as_deref().is_some_and(|z| !z.trim().is_empty())
        || by_a_list_operator(d)
}

/// True when the page's and the CLI's address row may call the address blocked: the bounce
/// names a blocked address (the core's `blocked_ip`) and says it is blocked or listed
/// ([`ip_is_blocked`]). An address it names only as the sending server's (`sending_ip`: an
/// authentication failure's SPF client, the bracket of Gmail's spam refusal) is not.
pub fn shows_a_blocked_ip(d: &Diagnosis) -> bool {
    d.blocked_ip.is_some() && ip_is_blocked(d)
}

/// Playbooks of a refusal about the sending domain's reputation, not about the address the
/// mail came from, which the bounce may still name.
const ABOUT_THE_SENDING_DOMAIN: &[&str] = &[party::gmail::DOMAIN_REPUTATION.id];

/// True when the refusal is about the sending domain, not the sending server's IP address
/// (Gmail's "very low reputation of the sending domain"), decided as the advice is, by the
/// playbook [`select`] picks: the page and the CLI then name the address the bounce shows as
/// the sending server's, not as blocked. [`ip_is_blocked`] still counts the refusal as a
/// block (a listed address then still gets its step).
pub fn refusal_is_about_the_domain(d: &Diagnosis) -> bool {
    ABOUT_THE_SENDING_DOMAIN.contains(&select(d).playbook.id)
}

/// Reasons about the mailbox (or domain) a recipient's mail is delivered to, not about the
/// sender or the message: after an alias or a forwarding, the forwarding's destination.
const DEAD_MAILBOX_REASONS: &[Reason] = &[
    Reason::UserUnknown,
    Reason::MailboxFull,
    Reason::Suspend,
    Reason::HasMoved,
    Reason::HostUnknown,
];

/// True when the recipient that speaks for the message was reached through an alias or a
/// forwarding (the core's `original_recipient`) and failed for a reason about that mailbox.
fn forwarded_to_a_dead_mailbox(d: &Diagnosis) -> bool {
    let main = d
        .recipients
        .iter()
        .find(|r| r.reason == d.reason)
        .or_else(|| d.recipients.first());
    DEAD_MAILBOX_REASONS.contains(&d.reason)
        && main.is_some_and(|r| {
            r.original_recipient
                .as_deref()
                .is_some_and(|o| !o.trim().is_empty())
                && !r.recipient.trim().is_empty()
        })
}

/// True when the IP the bounce names is a forwarder's, refused by a later hop (the core's note
/// `refused_after_forwarding`), not the sender's: the page and the CLI label it so.
pub fn ip_is_a_forwarders(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "refused_after_forwarding")
}

/// True when the IP is Microsoft's cloud, which the new Outlook connects to the user's own mail
/// host from (the core's note `via_microsoft_cloud`), not the user's or their server's address:
/// the page and the CLI label it so.
pub fn ip_is_microsofts_cloud(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "via_microsoft_cloud")
}

/// True when the IP is a client the poster's own receiving server refused (the core's note
/// `inbound_refusal_log`: a log line of that server), not the poster's sending address.
pub fn ip_is_a_refused_client(d: &Diagnosis) -> bool {
    d.notes
        .iter()
        .any(|n| n.id == "inbound_refusal_log" && n.detail != FINAL_DELIVERY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::To;

    /// Playbooks that send the reader to a hosting company about the sending address, but whose
    /// cause cannot be Microsoft 365's shared pool: a missing PTR record (Microsoft's servers have
    /// one), an address in a dynamic or end-user range (Spamhaus PBL, Trend Micro DUL), or a
    /// reputation judged by the receiving Microsoft or Gmail itself about the sender's own server.
    const NOT_A_POOL_LISTING: &[&str] = &[
        // Microsoft's own receivers (Microsoft 365, Outlook.com) refusing an address: mail
        // between Microsoft 365 tenants does not reach these checks from the shared pool, and
        // the support case they lead to is Microsoft's in any case.
        "microsoft-banned-ip",
        "outlook-com-network-block",
        "outlook-com-policy",
        "outlook-com-namespace-mining",
        "outlook-com-open-relay",
        "outlook-com-compromised",
        // Mail sent direct from an end-user line: never Microsoft's outbound pool.
        "gmail-direct-not-allowed",
        // A missing reverse DNS record: Microsoft's outbound servers have one.
        "microsoft-ipv6-ptr",
        "gmail-ptr",
        "gmail-ptr-ipv6",
        "gmail-ipv6-guidelines",
        "generic-requireptr",
        "generic-requireptr-ipv6",
        // A dynamic or end-user address: never Microsoft's outbound pool.
        "trendmicro-ers-dul",
        // Waits that clear by themselves; the hosting message is for a lasting case.
        "trendmicro-ers-qil",
        "gmail-deferred",
        // Gmail judges the sending domain and the content with the address; its steps stay.
        // Not yet a Microsoft 365 variant: see the third review's report.
        "gmail-unsolicited",
        // The address is Microsoft's cloud already (the core's `via_microsoft_cloud`, which
        // replaces `sender_on_microsoft365`): the message asks the host to let Microsoft in.
        "microsoft-cloud-refused-by-own-host",
    ];

    /// The other lists' own pages are https pages on their operators' own domains.
    #[test]
    fn other_lists_link_their_operators_own_pages() {
        let own = [
            ("uceprotect", "www.uceprotect.net"),
            ("dronebl", "dronebl.org"),
            ("0spam", "0spam.org"),
        ];
        for other in OTHER_LISTS {
            let Some((_, url)) = other.link else { continue };
            let host = url
                .strip_prefix("https://")
                .and_then(|rest| rest.split('/').next())
                .unwrap_or_else(|| panic!("not https: {url}"));
            let operator = own
                .iter()
                .find(|(name, _)| other.zones[0].contains(name))
                .unwrap_or_else(|| panic!("no operator for {}", other.zones[0]));
            assert_eq!(host, operator.1, "{url}");
        }
    }

    /// Every playbook that asks "your hosting company" about the sending IP address turns into
    /// Microsoft 365's own when the mail left through Microsoft 365 (review 3, T1: Proofpoint).
    #[test]
    fn every_hosting_message_about_the_ip_has_a_microsoft_365_answer() {
        let missing: Vec<&str> = party::playbooks()
            .iter()
            .filter(|p| {
                p.message.is_some_and(|m| {
                    m.to == To::HostingProvider
                        && m.body.get(crate::text::Lang::En).contains("{ip}")
                })
            })
            .map(|p| p.id)
            .filter(|id| !IP_LISTINGS.contains(id) && !NOT_A_POOL_LISTING.contains(id))
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
