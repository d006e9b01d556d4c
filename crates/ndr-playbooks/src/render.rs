//! Fills a playbook with the facts of one `Diagnosis`, in one language, ready to show.

use std::net::IpAddr;

use ndr_core::{Diagnosis, Party, Reason};
use serde::Serialize;

use crate::model::{Actor, Fact, Medium, Playbook, Prepare, Service, To, Urgency, Url};
use crate::party::generic::{AUTH_STEP_SPF, MESSAGE_AUTH};
use crate::select::SelectedBy;
use crate::text::{Lang, Text};

/// Every placeholder a text may use besides the playbook's own `facts`.
pub const PLACEHOLDERS: &[&str] = &[
    "ip",
    "code",
    "smtp_code",
    "enhanced_code",
    "provider_code",
    "recipient",
    "sender_domain",
    "error_text",
    "remote_host",
    "zone",
    "lookup_url",
    "date",
    "login_account",
    "refused_sender",
    "sender_address",
    "refused_client",
    "listed_name",
    "forwarder",
    "allow_domain",
    "allowed_sender",
    "allowed_sender_you",
    "subject",
    "error_contact",
];

/// The longest error text copied into a message; longer ones are cut at a character boundary.
const MAX_ERROR_TEXT: usize = 700;
/// The longest other fact; the bounce is untrusted input.
const MAX_FACT: usize = 200;

/// A playbook filled in for one bounce, in one language: what the web app and the CLI show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// The playbook id (`microsoft-banned-ip`).
    pub id: &'static str,
    /// The language of every text below.
    pub lang: Lang,
    /// The party whose procedure this is, or null for generic advice.
    pub party: Option<Party>,
    /// How that party is called, in `lang`.
    pub party_name: Option<String>,
    /// How the playbook was chosen.
    pub selected_by: SelectedBy,
    /// A short title.
    pub title: String,
    /// One sentence: what happened.
    pub verdict: String,
    /// One sentence: why it usually happens.
    pub why: String,
    /// Who must act, the main actor first.
    pub who: Vec<Labeled<Actor>>,
    /// How soon.
    pub urgency: Labeled<Urgency>,
    /// How long it usually takes.
    pub duration: String,
    /// What to have at hand.
    pub prepare: Vec<PrepareItem>,
    /// Numbered steps.
    pub steps: Vec<RenderedStep>,
    /// What not to do.
    pub donts: Vec<String>,
    /// A ready-to-send message, if someone else must act.
    pub message: Option<RenderedMessage>,
    /// Where the advice comes from.
    pub sources: Vec<RenderedLink>,
    /// When the sources were last checked (ISO date).
    pub last_checked: &'static str,
}

/// A machine id with its label in the chosen language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labeled<T> {
    /// The id (`sender`, `now`, ...).
    pub id: T,
    /// Its label.
    pub label: String,
}

/// One item of the "prepare" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrepareItem {
    /// What it is.
    pub label: String,
    /// Its value from the bounce, when known: show it with a copy button.
    pub value: Option<String>,
    /// Where to find it, when the bounce did not contain it.
    pub hint: Option<String>,
}

/// One numbered step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedStep {
    /// 1-based.
    pub number: usize,
    /// What to do.
    pub text: String,
    /// The page to open.
    pub link: Option<RenderedLink>,
    /// A value to copy.
    pub copy: Option<RenderedCopy>,
}

/// A link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedLink {
    /// What the page is.
    pub label: String,
    /// The address, placeholders filled.
    pub url: String,
}

/// A value to copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedCopy {
    /// What it is.
    pub label: String,
    /// The value.
    pub value: String,
}

/// A ready-to-send message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedMessage {
    /// Who it is for.
    pub to: Labeled<To>,
    /// Where to send it, when it is a fixed address.
    pub address: Option<String>,
    /// The subject line.
    pub subject: String,
    /// A word to the reader about the message (an English letter on a Japanese page says why it
    /// is in English), shown beside it: not part of what is sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The body: only what is sent.
    pub body: String,
}

/// A letter's note to the reader and its body: an English letter for an operator carries, on
/// the Japanese side, a first paragraph in full-width parentheses that tells the reader why it
/// is in English and what to fill in (`english_only!` with a note). It is no part of the
/// letter, so the page shows it outside the box the copy button copies (review h170, x 30).
fn reader_note(template: &str) -> (Option<&str>, &str) {
    match template.split_once("\n\n") {
        Some((first, rest)) if first.starts_with('（') && first.ends_with('）') => {
            (Some(first), rest)
        }
        _ => (None, template),
    }
}

/// True for Microsoft's internal rule ids in replies: `AS(7230)`, `(AS16012609)`, `AS3130`.
fn is_microsoft_rule_id(code: &str) -> bool {
    let c = code.trim().trim_start_matches('(');
    let Some(rest) = c.strip_prefix("AS").or_else(|| c.strip_prefix("as")) else {
        return false;
    };
    let digits = rest.trim_start_matches('(').trim_end_matches(')');
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The facts of one bounce that texts can use, already cleaned for display.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    ip: Option<String>,
    /// The bounce names a sending IP that cannot be the one the receiver saw: a private,
    /// loopback, documentation-example or reserved address (a redacted paste, an internal hop).
    /// The advice then treats the sending IP as unknown rather than call it "your sending IP".
    ip_not_public: bool,
    /// The refusal is about the sending address itself (`select::ip_is_blocked`), not the
    /// message or the account.
    ip_refused: bool,
    /// A mail program a person uses (not a library or an app) got the refusal at submission.
    from_a_mail_program: bool,
    /// A rate limit is on the sending server's address or its envelope (SPF) domain, not on
    /// the sender's own signing domain or links (`SERVER_RATE_WORDINGS`).
    rate_on_the_server: bool,
    /// The sending IP is one the blocklist checks ask about (public, or of unknown scope): a
    /// private or documentation address is named but never looked up.
    ip_looked_up: bool,
    /// The refusal says the SPF check of the sender's domain failed (`select::spf_failed`).
    spf_failed: bool,
    /// The domain whose SPF check failed, when the refusal names it (`select::spf_checked_domain`).
    spf_domain: Option<String>,
    code: Option<String>,
    smtp_code: Option<String>,
    enhanced_code: Option<String>,
    provider_code: Option<String>,
    recipient: Option<String>,
    /// The address the sender wrote, when an alias or a forwarding led it to `recipient` (the
    /// core's `original_recipient`): `{recipient}` then names both (`labels::forwarded_recipient`).
    original_recipient: Option<String>,
    sender_domain: Option<String>,
    error_text: Option<String>,
    remote_host: Option<String>,
    zone: Option<String>,
    /// The zones the page's own lookups found the address on, when the bounce names none: a
    /// ready message names them instead of leaving a fill-in the sender cannot complete.
    found_zone: Option<String>,
    /// The account the sender logged in with, when the sender's own server refused a From
    /// address that account does not own (the core's note `sender_login_mismatch`).
    login_account: Option<String>,
    /// The sender address a server refused, as its reply quotes it ("<a@example.net>: Sender
    /// address rejected"), else the sender's address as the bounce shows it (`sender_address`).
    refused_sender: Option<String>,
    /// The address the mail was sent from, as the bounce shows it (the core's
    /// `sender_address`): a letter's "Sent from" line.
    sender_address: Option<String>,
    /// The client a receiving server's own log says it refused (the core's note
    /// `inbound_refusal_log`: "mail.example.net[192.0.2.1]").
    refused_client: Option<String>,
    /// The name a domain blocklist lists, as the refusal gives it (the core's note
    /// `domain_listed`: the HELO name, a sender's domain).
    listed_name: Option<String>,
    /// The forwarding server whose own sending a later hop refused (the core's note
    /// `refused_after_forwarding`): the server that reported it, or an alias's server, which is
    /// then not `remote_host` (that is the destination that refused).
    forwarder: Option<String>,
    /// The mail service the bounce shows the mail went out through (the core's notes
    /// `sender_on_microsoft365` and `sender_on_google`, or a Gmail sender address).
    sent_through: Option<Service>,
    /// The mail went out through a sending service (the core's note `sent_through_esp`): its
    /// dashboard or support knows the sending address, not a hosting company.
    through_esp: bool,
    /// The bounce shows the mail went out through a server that is neither Microsoft 365's nor
    /// Google's (`another_sending_server`): their example values are no example here.
    another_sending_server: bool,
    /// The paste is the sending server's own log or an SMTP session typed on the sending
    /// machine (the core's note `sending_server_log`): whoever pasted it runs that server
    /// (`pasted_by_the_servers_admin`).
    pasted_by_the_servers_admin: bool,
    /// The sender's domain when the recipient may allow all of it, or an administrator may add
    /// it as the organisation's own: not a public webmail or mobile carrier domain, where
    /// allowing `@gmail.com` would let in every user of it (and nobody can add it).
    allow_domain: Option<String>,
    /// When the returned message was sent, as its `Date:` field says (the core's `sent_at`).
    date: Option<String>,
    /// The returned message's subject, as the block above a pasted notice shows it (the core's
    /// `subject`).
    subject: Option<String>,
    /// Rendered for a code page (`SelectedBy::CodePage`): there is no notice, so a missing fact
    /// is one the reader's own bounce may show, not one "this notice" lacks.
    code_page: bool,
    /// Every recipient is only delayed: nothing has failed yet.
    only_delayed: bool,
    /// The sending server gave up: a recipient is marked `failed`, or the reply is permanent
    /// (5xx). Such a message is not retried, so no advice may start with a wait.
    given_up: bool,
    /// The decisive reply is temporary (4xx), nothing says the sending server gave up, and no
    /// program's own error quotes it: a delay notice's server still retries, a final notice's
    /// stopped, and a reply pasted alone does not say which (the core marks its recipient
    /// `delayed` too). "Send it again once" then depends on the notice the reader got.
    retry_unknown: bool,
    /// The receiver's size limit in bytes, when the bounce states it (the core's
    /// `size_limit_bytes`).
    size_limit: Option<u64>,
    /// Every recipient is only delayed and the report's own lines say the sending server
    /// deferred it (`delay_stated`): the resend step need not hedge.
    delay_stated: bool,
    /// The address the error asks the sender to contact ("... to contact tosa@rx.t-online.de
    /// to clarify"), `contact_in`.
    error_contact: Option<String>,
}

impl Facts {
    pub(crate) fn from_diagnosis(d: &Diagnosis) -> Facts {
        // The recipient whose reason is the message's reason speaks for the message.
        let main = d
            .recipients
            .iter()
            .find(|r| r.reason == d.reason)
            .or_else(|| d.recipients.first());
        let enhanced_code = clean(d.enhanced_code.as_deref())
            .or_else(|| clean(main.and_then(|r| r.status.as_deref())));
        let smtp_code = clean(d.smtp_code.as_deref())
            .or_else(|| clean(main.and_then(|r| r.reply_code.as_deref())));
        let provider_code = clean(d.provider_code.as_deref());
        // Microsoft's `AS(7230)` is an internal rule id, not a code anyone can look up: the
        // enhanced code (5.7.708) is what a reader or Microsoft support recognises.
        let code = provider_code
            .clone()
            .filter(|pc| !(is_microsoft_rule_id(pc) && enhanced_code.is_some()))
            .or_else(|| enhanced_code.clone())
            .or_else(|| smtp_code.clone());
        // The blocked address, else the sending one the bounce names without blocking it
        // (`select::named_ip`): an SPF step or a letter about a spam refusal needs it as well.
        let named = crate::select::named_ip(d);
        let shown_ip = clean(named.map(|(ip, _)| ip));
        let ip_not_public = shown_ip.is_some()
            && named
                .and_then(|(_, scope)| scope)
                .is_some_and(|s| !s.is_checkable());
        let ip = shown_ip.filter(|_| !ip_not_public);
        Facts {
            ip_looked_up: ip.is_some(),
            ip_not_public,
            ip_refused: crate::select::ip_is_blocked(d),
            from_a_mail_program: d.notes.iter().any(|n| {
                n.id == "refused_at_submission" && MAIL_PROGRAMS.contains(&n.detail.as_str())
                    || n.id == "connect_failed_at_submission"
                        && n.detail
                            .split(':')
                            .next()
                            .is_some_and(|p| MAIL_PROGRAMS.contains(&p))
            }),
            spf_failed: crate::select::spf_failed(d),
            spf_domain: clean(crate::select::spf_checked_domain(d).as_deref()),
            rate_on_the_server: d.recipients.iter().any(|r| {
                let t = collapse(&r.diagnostic_text).to_ascii_lowercase();
                SERVER_RATE_WORDINGS.iter().any(|w| t.contains(w))
            }),
            only_delayed: only_delayed(d),
            delay_stated: delay_stated(d),
            error_contact: main.and_then(|r| clean(contact_in(&r.diagnostic_text).as_deref())),
            given_up: given_up(d, smtp_code.as_deref(), enhanced_code.as_deref()),
            retry_unknown: !given_up(d, smtp_code.as_deref(), enhanced_code.as_deref())
                && [&smtp_code, &enhanced_code]
                    .into_iter()
                    .flatten()
                    .all(|c| c.starts_with('4'))
                && (smtp_code.is_some() || enhanced_code.is_some())
                && !crate::select::sent_by_a_program(d),
            ip,
            code,
            smtp_code,
            enhanced_code,
            provider_code,
            recipient: clean(main.map(|r| r.recipient.as_str())),
            original_recipient: clean(main.and_then(|r| r.original_recipient.as_deref())),
            // The domain a DMARC refusal names is the From domain it judged, which the
            // envelope sender the core found may not be (a sending service's bounce domain).
            sender_domain: clean(crate::select::from_domain(d).as_deref()),
            // No reply text kept for the recipient (a notice in prose, a paste with the
            // reply's lines cut up): the line the reason was read from is still the error's own
            // words, better than a fill-in the reader must paste (review 9, L4).
            error_text: main
                .and_then(|r| clean_long(&r.diagnostic_text))
                .or_else(|| {
                    d.evidence
                        .iter()
                        .find(|e| e.field == "reason")
                        .and_then(|e| clean_long(&e.text))
                }),
            remote_host: clean(d.remote_host.as_deref())
                .or_else(|| clean(main.and_then(|r| r.remote_host.as_deref()))),
            zone: clean(d.list_zone.as_deref()),
            found_zone: None,
            login_account: clean(
                d.notes
                    .iter()
                    .find(|n| n.id == "sender_login_mismatch")
                    .map(|n| n.detail.as_str()),
            ),
            refused_sender: main
                .and_then(|r| clean(refused_sender(&r.diagnostic_text)))
                .or_else(|| clean(d.sender_address.as_deref())),
            sender_address: clean(d.sender_address.as_deref()),
            refused_client: clean(
                d.notes
                    .iter()
                    .find(|n| n.id == "inbound_refusal_log")
                    .map(|n| n.detail.as_str()),
            ),
            listed_name: clean(
                d.notes
                    .iter()
                    .find(|n| n.id == "domain_listed")
                    .map(|n| n.detail.as_str()),
            ),
            forwarder: clean(
                d.notes
                    .iter()
                    .find(|n| n.id == "refused_after_forwarding")
                    .map(|n| n.detail.as_str()),
            ),
            sent_through: sent_through(d),
            through_esp: d.notes.iter().any(|n| n.id == "sent_through_esp"),
            another_sending_server: another_sending_server(d),
            pasted_by_the_servers_admin: pasted_by_the_servers_admin(d),
            allow_domain: clean(d.sender_domain.as_deref())
                .filter(|s| !crate::select::is_personal_mail_domain(s)),
            date: clean(d.sent_at.as_deref()),
            subject: clean(d.subject.as_deref()),
            size_limit: d.size_limit_bytes,
            code_page: false,
        }
    }

    /// Whether the mail may have gone out through `service`: the bounce shows it did, or shows
    /// nothing about the sending side (a reply pasted alone).
    fn may_send_through(&self, service: Service) -> bool {
        match self.sent_through {
            Some(used) => used == service,
            None => !self.another_sending_server,
        }
    }

    fn value(&self, name: &str) -> Option<&str> {
        let v = match name {
            "ip" => &self.ip,
            "code" => &self.code,
            "smtp_code" => &self.smtp_code,
            "enhanced_code" => &self.enhanced_code,
            "provider_code" => &self.provider_code,
            "recipient" => &self.recipient,
            "sender_domain" => &self.sender_domain,
            "error_text" => &self.error_text,
            "remote_host" => &self.remote_host,
            "zone" => &self.zone,
            "login_account" => &self.login_account,
            "refused_sender" => &self.refused_sender,
            "sender_address" => &self.sender_address,
            "refused_client" => &self.refused_client,
            "listed_name" => &self.listed_name,
            "forwarder" => &self.forwarder,
            "allow_domain" => &self.allow_domain,
            "date" => &self.date,
            "subject" => &self.subject,
            "error_contact" => &self.error_contact,
            _ => return None,
        };
        v.as_deref()
    }

    /// A value that is safe inside a URL: only an IP that parses, or a host name made of
    /// letters, digits, dots and hyphens. Anything else counts as unknown.
    fn url_value(&self, name: &str) -> Option<&str> {
        let v = self.value(name)?;
        let ok = match name {
            "ip" => v.parse::<IpAddr>().is_ok(),
            "sender_domain" | "remote_host" | "zone" => {
                v.contains('.')
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            }
            _ => false,
        };
        ok.then_some(v)
    }
}

/// An RFC 5322 date ("Tue, 3 Feb 2026 10:01:58 +0900") in Japanese form, in Japan's time
/// ("2026年2月3日 火曜日 10:01:58 日本時間"), or `None` when it does not read as one. A date
/// written in another zone is moved to Japan's (+0900): Exchange Online writes `Date:` in UTC,
/// and "09:12:40 UTC+00:00" is not the time a reader in Japan sent it (review h206, L5). The
/// weekday is shown when the date gives one, for the day in Japan.
// Source: RFC 5322 section 3.3 (date-time = [ day-of-week "," ] date time, date = day month year,
// time = hour ":" minute [ ":" second ] zone; zone = ("+" / "-") 4DIGIT, "the offset from
// Universal Time"; "-0000" is also Universal Time).
pub fn japanese_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const DAYS: [(&str, &str); 7] = [
        ("mon", "月"),
        ("tue", "火"),
        ("wed", "水"),
        ("thu", "木"),
        ("fri", "金"),
        ("sat", "土"),
        ("sun", "日"),
    ];
    let mut words = date.split_whitespace().peekable();
    let weekday_given = match words.peek() {
        Some(w) if w.ends_with(',') => {
            let w = w.trim_end_matches(',').to_ascii_lowercase();
            DAYS.iter().find(|(en, _)| *en == w)?;
            words.next();
            true
        }
        _ => false,
    };
    let day: i64 = words.next()?.parse().ok()?;
    let month_word = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| *m == month_word)? as i64 + 1;
    let year: i64 = words
        .next()?
        .parse()
        .ok()
        .filter(|y| (1970..=9999).contains(y))?;
    if !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    let time = words.next()?;
    let parts: Vec<&str> = time.split(':').collect();
    let two_digits = |p: &&str| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(two_digits) {
        return None;
    }
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<i64>().ok());
    let (hour, minute) = (number(0)?, number(1)?);
    let second = parts.get(2).copied();
    if hour > 23 || minute > 59 || number(2).is_some_and(|s| s > 60) {
        return None;
    }
    let zone = words.next()?;
    let offset = zone
        .strip_prefix(['+', '-'])
        .filter(|z| z.len() == 4 && z.bytes().all(|b| b.is_ascii_digit()))?;
    let (zone_hours, zone_minutes): (i64, i64) = (
        offset.get(..2)?.parse().ok()?,
        offset.get(2..)?.parse().ok()?,
    );
    if zone_minutes > 59 {
        return None;
    }
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    // Minutes since 1970-01-01 00:00 in Japan's time: the local time, less its offset from
    // Universal Time, plus Japan's nine hours.
    let local = days_from_civil(year, month, day) * 1440 + hour * 60 + minute;
    let japan = local - sign * (zone_hours * 60 + zone_minutes) + 9 * 60;
    let (days, of_day) = (japan.div_euclid(1440), japan.rem_euclid(1440));
    let (year, month, day) = civil_from_days(days);
    // 1970-01-01 was a Thursday.
    // `get`, not indexing: no panic path in the page.
    let weekday = DAYS
        .get((days + 3).rem_euclid(7) as usize)
        .map_or("", |(_, ja)| ja);
    let weekday = match weekday_given {
        true => format!(" {weekday}曜日"),
        false => String::new(),
    };
    let (hour, minute) = (of_day / 60, of_day % 60);
    let second = second.map(|s| format!(":{s}")).unwrap_or_default();
    Some(format!(
        "{year}年{month}月{day}日{weekday} {hour:02}:{minute:02}{second} 日本時間"
    ))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
// Source: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil,
// https://howardhinnant.github.io/date_algorithms.html
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (`days_from_civil`'s inverse, same source).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The mail service the mail went out through, as the bounce shows it.
fn sent_through(d: &Diagnosis) -> Option<Service> {
    let noted = |id: &str| d.notes.iter().any(|n| n.id == id);
    let gmail_sender = d.sender_domain.as_deref().is_some_and(|s| {
        let s = s.trim().trim_end_matches('.');
        s.eq_ignore_ascii_case("gmail.com") || s.eq_ignore_ascii_case("googlemail.com")
    });
    if noted("sender_on_microsoft365") {
        Some(Service::Microsoft365)
    } else if noted("sender_on_google") || gmail_sender {
        Some(Service::Google)
    } else {
        None
    }
}

/// True when the bounce shows the mail went out through a server that is neither Microsoft
/// 365's nor Google's (neither note `sender_on_microsoft365` nor `sender_on_google`, no Gmail
/// sender): a sending service's own event (`sent_through_esp`), the sending server's own log
/// (`sending_server_log`), or a report by the server that talked to the refusing one, which it
/// names (`remote_host`: "host mta7.am0.yahoodns.net said:", "Remote-MTA:"): Microsoft 365 and
/// Gmail write their own reports, which carry their notes (review h206, L7: a hosting company's
/// Postfix shown Microsoft 365's and Google's SPF values). Not a program's own send error, whose
/// server may be either's (`smtp.office365.com`).
fn another_sending_server(d: &Diagnosis) -> bool {
    let noted = |id: &str| d.notes.iter().any(|n| n.id == id);
    let refusing_host_named = d
        .remote_host
        .as_deref()
        .is_some_and(|h| !h.trim().is_empty())
        || d.recipients.iter().any(|r| {
            r.remote_host
                .as_deref()
                .is_some_and(|h| !h.trim().is_empty())
        });
    sent_through(d).is_none()
        && !noted("refused_at_submission")
        && !noted("connect_failed_at_submission")
        && (noted("sent_through_esp") || noted("sending_server_log") || refusing_host_named)
}

/// What a missing placeholder reads as in prose (a sentence, a step, a warning), where a
/// bracketed fill-in would read as a form to complete: plain words that say which fact is
/// meant. `None` keeps the bracketed fallback (the sending IP's says whom to ask).
fn prose_fallback(name: &str) -> Option<Text> {
    Some(match name {
        "code" | "smtp_code" | "enhanced_code" | "provider_code" => text! {
            ja: "エラーコード",
            en: "the error code",
        },
        "recipient" => text! {
            ja: "宛先のアドレス",
            en: "the recipient's address",
        },
        "sender_domain" | "allow_domain" => text! {
            ja: "あなたのドメイン",
            en: "your domain",
        },
        "remote_host" => text! {
            ja: "相手先のメールサーバー",
            en: "the receiving mail server",
        },
        "zone" => text! {
            ja: "エラー文中のブロックリスト",
            en: "the blocklist named in the error",
        },
        // Written after "the account" in every English text: "the account you log in with".
        "login_account" => text! {
            ja: "ログインに使っているアカウント",
            en: "you log in with",
        },
        "refused_sender" | "sender_address" => text! {
            ja: "差出人のアドレス",
            en: "the address you sent from",
        },
        "forwarder" => text! {
            ja: "転送サーバー",
            en: "the forwarding server",
        },
        "refused_client" => text! {
            ja: "ほかのサーバー",
            en: "another server",
        },
        "listed_name" => text! {
            ja: "メールの中の名前",
            en: "a name in your mail",
        },
        "error_contact" => text! {
            ja: "エラーに書かれた連絡先",
            en: "the contact address the error names",
        },
        _ => return None,
    })
}

/// Words that, right before a missing `{name}` in prose, already say what it stands for: "the
/// address {recipient} does not exist" reads "the address does not exist", 「宛先{recipient}は」
/// reads 「宛先は」.
fn already_said(name: &str, lang: Lang) -> &'static [&'static str] {
    match (name, lang) {
        ("code" | "smtp_code" | "enhanced_code" | "provider_code", Lang::En) => &["code"],
        ("code" | "smtp_code" | "enhanced_code" | "provider_code", Lang::Ja) => &["コード"],
        ("recipient", Lang::En) => &["address", "recipient"],
        ("recipient", Lang::Ja) => &["宛先", "アドレス"],
        ("sender_domain" | "allow_domain", Lang::En) => &["domain"],
        ("sender_domain" | "allow_domain", Lang::Ja) => &["ドメイン"],
        ("remote_host" | "forwarder", Lang::En) => &["server"],
        ("remote_host" | "forwarder", Lang::Ja) => &["サーバー"],
        ("zone", Lang::En) => &["blocklist"],
        ("zone", Lang::Ja) => &["ブロックリスト"],
        ("login_account", Lang::En) => &["logged in with"],
        ("login_account", Lang::Ja) => &["アカウント"],
        ("refused_sender" | "sender_address", Lang::En) => &["address"],
        ("refused_sender" | "sender_address", Lang::Ja) => &["アドレス"],
        _ => &[],
    }
}

/// 「宛先のアドレス宛てのメール」 says "addressed" twice: with the address unknown, the mail is
/// "this mail" (「このメール」), and 「宛先のアドレス宛てに送った」 is just 「送った」. Returns
/// the rest of the template after the words it took over.
fn without_unknown_recipient<'a>(out: &mut String, rest: &'a str) -> &'a str {
    const WORDS: &str = "宛先のアドレス";
    if !out.ends_with(WORDS) {
        return rest;
    }
    let (this, after) = match (rest.strip_prefix("宛ての"), rest.strip_prefix("宛てに")) {
        (Some(after), _) => ("この", after),
        (None, Some(after)) => ("", after),
        (None, None) => return rest,
    };
    out.truncate(out.len() - WORDS.len());
    out.push_str(this);
    after
}

/// The fallback of `name` in `lang`, for the tidy checks.
#[cfg(test)]
pub(crate) fn fallback_for_tests(name: &str, lang: Lang) -> &'static str {
    fallback(name).get(lang)
}

/// What a missing placeholder reads as: a bracketed fill-in, so the reader sees at once what
/// the bounce did not say and can type it in. `shared_text!`: a Japanese page fills the
/// English-only letters with the English ones (review 9, H1).
fn fallback(name: &str) -> Text {
    match name {
        // Only used when the bounce names no sending IP: the reader must ask for it, since the
        // only bracketed address in such an error is the receiver's own.
        "ip" => shared_text! {
            ja: "［送信元 IP アドレス（メール事業者に確認）］",
            en: "[your sending IP address (ask your mail provider)]",
        },
        "code" | "smtp_code" | "enhanced_code" | "provider_code" => shared_text! {
            ja: "［エラーコード］",
            en: "[error code]",
        },
        "recipient" => shared_text! {
            ja: "［宛先アドレス］",
            en: "[recipient address]",
        },
        "sender_domain" => shared_text! {
            ja: "［あなたのドメイン］",
            en: "[your domain]",
        },
        "error_text" => shared_text! {
            ja: "［ここにエラーメッセージの全文を貼り付け］",
            en: "[paste the full error message here]",
        },
        "remote_host" => shared_text! {
            ja: "［相手先のメールサーバー］",
            en: "[receiving mail server]",
        },
        "zone" => shared_text! {
            ja: "［エラー文中のブロックリスト名］",
            en: "[blocklist named in the error]",
        },
        "lookup_url" => shared_text! {
            ja: "［リストの照会ページ］",
            en: "[the list's lookup page]",
        },
        "date" => shared_text! {
            ja: "［送信した日時］",
            en: "[date and time you sent it]",
        },
        "subject" => shared_text! {
            ja: "［メールの件名］",
            en: "[the mail's subject]",
        },
        "login_account" => shared_text! {
            ja: "［ログインに使っているアカウント］",
            en: "[the account you log in with]",
        },
        "refused_sender" => shared_text! {
            ja: "［差出人のアドレス］",
            en: "[the address you sent from]",
        },
        "sender_address" => shared_text! {
            ja: "［送信に使ったメールアドレス］",
            en: "[the address you sent from]",
        },
        "refused_client" => shared_text! {
            ja: "［断られたサーバー］",
            en: "[the refused server]",
        },
        "listed_name" => shared_text! {
            ja: "［掲載された名前］",
            en: "[the listed name]",
        },
        "error_contact" => shared_text! {
            ja: "［エラーに書かれた連絡先アドレス］",
            en: "[the contact address the error names]",
        },
        "forwarder" => shared_text! {
            ja: "［転送サーバー］",
            en: "[the forwarding server]",
        },
        "allow_domain" => shared_text! {
            ja: "［あなたのドメイン］",
            en: "[your domain]",
        },
        _ => shared_text! {
            ja: "［不明］",
            en: "[unknown]",
        },
    }
}

/// What the recipient is asked to allow, in the sender's own words (`{allowed_sender}`, in a
/// ready message): the sender's domain when it is one's own (`"@example.com"`), else the
/// sender's address as the bounce shows it (the core's `sender_address`, at a webmail domain
/// too: `taro@example.net` is what the recipient registers), else a fill-in the sender
/// completes. The recipient never saw "the address the returned mail was sent from" (review
/// h206, M2). Allowing a whole public webmail or carrier domain (`@gmail.com`,
/// `@docomo.ne.jp`) would let in all its users (review 4, cases 05, 14 and 15).
fn allowed_sender(domain: Option<&str>, address: Option<&str>, lang: Lang) -> String {
    match (domain, address, lang) {
        (Some(d), _, Lang::Ja) => format!("「@{d}」"),
        (Some(d), _, Lang::En) => format!("\"@{d}\""),
        (None, Some(a), Lang::Ja) => format!("「{a}」"),
        (None, Some(a), Lang::En) => a.to_owned(),
        (None, None, _) => ALLOWED_SENDER_ADDRESS.get(lang).to_owned(),
    }
}

/// The fill-in for the sender's own address when the bounce does not show it.
const ALLOWED_SENDER_ADDRESS: Text = text! {
    ja: "［あなたのメールアドレス］",
    en: "[your email address]",
};

/// The same, said to the sender (`{allowed_sender_you}`, in a step): their address, or their
/// domain as well when it is their own.
fn allowed_sender_you(domain: Option<&str>, lang: Lang) -> String {
    match (domain, lang) {
        (Some(d), Lang::Ja) => format!("あなたのアドレス（または @{d}）"),
        (Some(d), Lang::En) => format!("your address (or \"@{d}\")"),
        (None, _) => YOUR_ADDRESS.get(lang).to_owned(),
    }
}

const YOUR_ADDRESS: Text = text! {
    ja: "あなたのアドレス",
    en: "your address",
};

/// What a missing sending IP reads as inside a verdict or a why sentence, which must say what
/// is known: the bounce does not show it, and who does know it. Right after "IP address" (or
/// "アドレス") only the note is added, elsewhere it names the sending server.
fn ip_in_sentence(after_address: bool) -> Text {
    if after_address {
        text! {
            ja: "（この通知には書かれていません。メール事業者かホスティング事業者が知っています）",
            en: "(the bounce does not show it; your mail provider or hosting company knows it)",
        }
    } else {
        text! {
            ja: "あなたの送信サーバー（IP アドレスはこの通知には書かれていません。メール事業者かホスティング事業者が知っています）",
            en: "your sending server (the bounce does not show its IP address; your mail provider or hosting company knows it)",
        }
    }
}

/// [`ip_in_sentence`] on a code page, where there is no notice: the reader's own bounce may show
/// the address (review h206, L6: "not in this notice" where there is none).
fn ip_in_sentence_code_page(after_address: bool) -> Text {
    if after_address {
        text! {
            ja: "（返ってきたメールのエラー文に書かれていることがあります。なければメール事業者かホスティング事業者が知っています）",
            en: "(your bounce's error may show it; if not, your mail provider or hosting company knows it)",
        }
    } else {
        text! {
            ja: "あなたの送信サーバー（IP アドレスは返ってきたメールのエラー文に書かれていることがあります。なければメール事業者かホスティング事業者が知っています）",
            en: "your sending server (your bounce's error may show its IP address; if not, your mail provider or hosting company knows it)",
        }
    }
}

/// `Fact::Ip`'s missing hint on a code page.
const IP_MISSING_CODE_PAGE: Text = text! {
    ja: "返ってきたメールのエラー文に書かれていることがあります。なければ、メール事業者かホスティング事業者に、送信に使っているサーバーの IP アドレスを確認してください",
    en: "your bounce's error may show it; if not, ask your mail provider or hosting company for the IP address your mail is sent from",
};

/// [`ip_in_sentence`] for mail sent through a sending service (note `sent_through_esp`): the
/// address is the service's, which its dashboard or support knows; a hosting company has none
/// (held-out s, case 11: SendGrid's event with the address masked).
fn ip_in_sentence_esp(after_address: bool) -> Text {
    if after_address {
        text! {
            ja: "（この通知には書かれていません。送信サービスの管理画面かサポートで確認できます）",
            en: "(the bounce does not show it; your sending service's dashboard or support can tell you)",
        }
    } else {
        text! {
            ja: "送信サービスのサーバー（IP アドレスはこの通知には書かれていません。送信サービスの管理画面かサポートで確認できます）",
            en: "the sending service's server (the bounce does not show its IP address; the service's dashboard or support can tell you)",
        }
    }
}

/// [`IP_IN_STEP`] for mail sent through a sending service, whose steps already send the reader
/// to its dashboard or support (after "IP address" the gap just closes).
const IP_IN_STEP_ESP: Text = text! {
    ja: "送信に使われた IP アドレス",
    en: "the IP address your mail left from",
};

/// `Fact::Ip`'s missing hint for mail sent through a sending service.
const IP_MISSING_ESP: Text = text! {
    ja: "この通知には書かれていません。送信サービスの管理画面かサポートで、メールの送信に使われた IP アドレスを確認してください",
    en: "the bounce does not show it: the sending service's dashboard or support can tell you the IP address your mail left from",
};

/// The same when the bounce names an address that cannot be the sender's public one (a private
/// or documentation-example address): it is not called "your sending IP address", and the
/// sentence stays short ("your sending IP address is on ..."); why the address is not shown is
/// said once, at the end of the explanation under the verdict (`IP_NOT_PUBLIC_WHY`).
fn ip_not_public_in_sentence(after_address: bool) -> Option<Text> {
    (!after_address).then_some(text! {
        ja: "あなたの送信サーバー",
        en: "your sending server",
    })
}

/// A missing sending IP in a step, right after "IP address": whom to ask, not a fill-in.
const IP_IN_STEP_AFTER_ADDRESS: Text = text! {
    ja: "（メール事業者かホスティング事業者に確認してください）",
    en: "(ask your mail provider or hosting company for it)",
};

/// The same elsewhere in a step ("Look up {ip} on ...").
const IP_IN_STEP: Text = text! {
    ja: "送信元の IP アドレス（メール事業者かホスティング事業者に確認してください）",
    en: "your sending IP address (ask your mail provider or hosting company for it)",
};

/// A missing sending IP in a ready message, where no "IP address" comes before it ("Check
/// whether spam is being sent from {ip}").
const IP_IN_MESSAGE: Text = text! {
    ja: "私のメールを送信したサーバー",
    en: "the server that sent my mail",
};

/// The paragraph a ready message to the hosting company gets when the bounce does not show the
/// sending IP: the company can tell from its own logs which of its servers sent the mail.
const IP_NOT_SHOWN_HOSTING: Text = text! {
    ja: "なお、エラーメールには送信元 IP アドレスが書かれていませんでした。お手数ですが、私のメールがどのサーバーから送信されたかを、そちらの記録でご確認いただけますでしょうか。",
    en: "The bounce does not show which IP address my mail was sent from. Could you please check in your logs which of your servers sent it?",
};

/// The same to the receiving side's administrator, whose logs show the connecting address.
const IP_NOT_SHOWN_RECEIVER: Text = text! {
    ja: "なお、エラーメールには送信元 IP アドレスが書かれていませんでした。そちらのサーバーの受信記録で確認できると思います。",
    en: "The bounce does not show which IP address my mail was sent from; your server's logs will show it.",
};

/// [`IP_NOT_SHOWN_HOSTING`] on a code page: the letter's error is pasted by the reader, so the
/// hosting company is asked only in case it does not show the address.
const IP_IF_NOT_SHOWN_HOSTING: Text = text! {
    ja: "なお、エラーに送信元 IP アドレスが書かれていない場合は、私のメールがどのサーバーから送信されたかを、そちらの記録でご確認いただけますでしょうか。",
    en: "If the error does not show which IP address my mail was sent from, could you please check in your logs which of your servers sent it?",
};

/// [`IP_NOT_SHOWN_RECEIVER`] on a code page.
const IP_IF_NOT_SHOWN_RECEIVER: Text = text! {
    ja: "なお、エラーに送信元 IP アドレスが書かれていない場合も、そちらのサーバーの受信記録で確認できると思います。",
    en: "If the error does not show which IP address my mail was sent from, your server's logs will show it.",
};

/// Before those paragraphs when the bounce shows only a private or example address, which the
/// quoted error then holds.
const IP_SHOWN_NOT_PUBLIC: Text = text! {
    ja: "エラーに書かれた IP アドレスは社内用か説明用の例で、公開のアドレスではありません。",
    en: "The IP address in the error is a private or example one, not a public address.",
};

/// The same to anyone else (an administrator on the sender's side, an operator).
const IP_NOT_SHOWN: Text = text! {
    ja: "なお、エラーメールには送信元 IP アドレスが書かれていませんでした。",
    en: "The bounce does not show which IP address my mail was sent from.",
};

/// A subject without a fact the bounce lacks (`needle`, "{ip}"): the part of a parenthesised
/// aside that names it ("(IP {ip}, {list_name})" keeps "({list_name})"), or the whole aside when
/// nothing else is in it ("(IP {ip})"). A subject is short: the body says what is missing.
/// The label of `Fact::Recipient` when every recipient is only delayed.
const RECIPIENT_DELAYED: Text = text! {
    ja: "宛先のメールアドレス",
    en: "The recipient address",
};

/// Steps that say "send it again once the cause is fixed": right after a final failure notice,
/// wrong while the sending server still retries (the recipient could get the message twice).
/// When the reply does not say which (`Facts::retry_unknown`), they read as `RESEND_IF_FAILED`.
const RESENDS_AFTER_THE_FIX: &[Text] = &[
    crate::party::common::STEP_RESEND_ONCE.text,
    crate::party::generic::STEP_RESEND_WHEN_ROOM.text,
    // "Wait for the DNS change, then send again once": a delay notice's server sends the
    // message by itself, after the fix too (review h199, e02).
    crate::party::generic::AUTH_STEP_WAIT.text,
];

/// "Send it again once", for a temporary reply that does not say whether the sending server
/// still retries it: the notice the reader got says which (a delay warning, or a failure).
const RESEND_IF_FAILED: Text = text! {
    ja: "届いた通知が「配送が遅れている（送信側のサーバーが再送を続ける）」というものなら、送り直さずに待ってください。サーバーが自動で送るので、ご自身でも送ると相手に二通届くことがあります。「配送できなかった」という通知だった場合や、お使いのプログラムがこのエラーを表示した場合は、原因が解消してから一度だけ送り直してください。",
    en: "If the notice you got says delivery is only delayed (your server keeps trying), wait and do not send it yourself: the server sends it when it can, and a copy from you could arrive twice. If the notice says delivery failed, or your own program showed this error, send the message again once the cause is fixed, once.",
};

/// "Send it again once" when the report itself says the sending server still retries (a
/// sending server's own deferral line, `delay_stated`): wait, and send only after a later
/// failure notice (review h217, M1).
const RESEND_WHEN_DELAYED: Text = text! {
    ja: "送信側のサーバーが再送を続けているので、ご自身では送り直さずに待ってください。送り直すと相手に二通届くことがあります。あとで「配送できなかった」という通知が届いたら、原因が解消してから一度だけ送り直してください。",
    en: "Your server is still trying to deliver it, so wait and do not send it yourself: a copy from you could arrive twice. If a later notice says delivery failed, send it again once the cause is fixed, once.",
};

/// A sending server's own words for a deferral, in the lines the core read the reply from
/// (lowercase): Postfix's log "status=deferred", Sendmail's "<address>... Deferred: <reply>",
/// qmail-send's "deferral:". A reply pasted alone has none of them: whether it was retried
/// is then the reader's notice to say.
const DEFERRAL_WORDS: &[&str] = &["status=deferred", "... deferred:", "deferral:"];

/// True when every recipient is only delayed and the report's own lines say so (`DEFERRAL_WORDS`).
fn delay_stated(d: &Diagnosis) -> bool {
    only_delayed(d)
        && d.evidence.iter().any(|e| {
            e.lines.as_deref().is_some_and(|l| {
                let l = l.to_ascii_lowercase();
                DEFERRAL_WORDS.iter().any(|w| l.contains(w))
            })
        })
}

/// The address a reply asks the sender to write to: the first word with an `@` among the three
/// after a "contact" ("Ask your postmaster for help or to contact tosa@rx.t-online.de to
/// clarify."; "contact us at postmaster@example.net"), without brackets or a sentence's end.
fn contact_in(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|t| t.find("contact")) {
        let after = from + at + "contact".len();
        let words = text.get(after..).unwrap_or_default().split_whitespace();
        for word in words.take(3) {
            let word = word.trim_matches(|c: char| "<>()[]\"'.,;:".contains(c));
            if let Some((local, domain)) = word.split_once('@') {
                if !local.is_empty() && domain.contains('.') && !domain.contains('@') {
                    return Some(word.to_owned());
                }
            }
        }
        from = after;
    }
    None
}

/// True when the report names recipients and every one is only delayed (RFC 3464;
/// `select::only_delayed`).
fn only_delayed(d: &Diagnosis) -> bool {
    crate::select::only_delayed(d)
}

/// True when the message is not retried: a recipient is marked `failed` (RFC 3464), or the
/// decisive reply is permanent (5xx, 5.x.x) and nobody is only delayed.
fn given_up(d: &Diagnosis, smtp: Option<&str>, enhanced: Option<&str>) -> bool {
    let failed = d
        .recipients
        .iter()
        .any(|r| r.action.trim().eq_ignore_ascii_case("failed"));
    let permanent = smtp.is_some_and(|c| c.trim_start().starts_with('5'))
        || enhanced.is_some_and(|c| c.trim_start().starts_with("5."));
    failed || (permanent && !only_delayed(d))
}

fn subject_without(template: &str, needle: &str) -> String {
    let mut out = template.to_owned();
    let mut from = 0;
    while let Some(at) = out
        .get(from..)
        .and_then(|t| t.find(needle))
        .map(|i| from + i)
    {
        let end = at + needle.len();
        let before = out.get(..at).unwrap_or("");
        // Only an aside still open at the IP ("(PTR) record for {ip}" has none).
        let open = last_of(before, &['(', '（'])
            .filter(|&open| !before.get(open..).is_some_and(|t| t.contains([')', '）'])));
        let Some(open) = open else {
            from = end;
            continue;
        };
        let open_len = if before.get(open..).is_some_and(|t| t.starts_with('（')) {
            '（'.len_utf8()
        } else {
            1
        };
        // The part of the aside that names the IP starts after its opening or a separator.
        let seg_start = last_of(before, &[',', '、'])
            .filter(|&sep| sep > open)
            .map_or(open + open_len, |sep| {
                sep + before
                    .get(sep..)
                    .and_then(|t| t.chars().next())
                    .map_or(1, char::len_utf8)
            });
        let after = out.get(end..).unwrap_or("");
        let (cut_end, whole) = if let Some(rest) = after.strip_prefix(", ") {
            (end + after.len() - rest.len(), false)
        } else if let Some(rest) = after.strip_prefix('、') {
            (end + after.len() - rest.len(), false)
        } else if (after.is_empty() || after.starts_with([')', '）']))
            && seg_start == open + open_len
        {
            // The aside held only the IP (or never closed): it goes whole.
            let close = after.chars().next().map_or(0, char::len_utf8);
            (end + close, true)
        } else {
            // "(..., IP {ip})": drop the separator before it instead.
            let sep = before.get(..seg_start).unwrap_or("");
            let trimmed = sep.trim_end_matches([',', '、', ' ']).len();
            out = cut(&out, trimmed, end);
            continue;
        };
        let start = if whole {
            out.get(..open).unwrap_or("").trim_end().len()
        } else {
            seg_start
        };
        out = cut(&out, start, cut_end);
    }
    out
}

/// Where the last of `set` stands in `s`. One loop over the characters for every set: each
/// `rfind` with a new array of characters is another copy of the standard reverse searcher.
fn last_of(s: &str, set: &[char]) -> Option<usize> {
    s.char_indices()
        .rev()
        .find(|(_, c)| set.contains(c))
        .map(|(i, _)| i)
}

/// `s` without the bytes `start..end` (character boundaries); `s` as it is if they are not.
/// Two `push_str`s instead of `String::replace_range` (a splice, 0.7 KB of wasm for two uses).
fn cut(s: &str, start: usize, end: usize) -> String {
    let (Some(head), Some(tail)) = (s.get(..start), s.get(end..)) else {
        return s.to_owned();
    };
    let mut out = String::with_capacity(head.len() + tail.len());
    out.push_str(head);
    out.push_str(tail);
    out
}

/// True when `s` ends with `word` (ASCII lowercase), ASCII case-insensitively: no lowercase
/// copy of the text written so far.
fn ends_with_ci(s: &str, word: &str) -> bool {
    s.len()
        .checked_sub(word.len())
        .and_then(|at| s.as_bytes().get(at..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(word.as_bytes()))
}

/// Added to the explanation when a verdict or a why names the sending IP and the bounce shows
/// only a private or example address.
const IP_NOT_PUBLIC_WHY: Text = text! {
    ja: "通知にあるアドレスは社内用か説明用の例で、受信側が見た公開のアドレスではありません。送信元の IP アドレスは、メール事業者かホスティング事業者が知っています。",
    en: "The address in the bounce is a private or example one, not the public address the receiving side saw: your mail provider or hosting company knows your sending IP address.",
};

/// The "prepare" hint for the sending IP when the bounce names only a private or example address.
const IP_NOT_PUBLIC_HINT: Text = text! {
    ja: "通知にあるアドレスは社内用か説明用の例で、受信側が見た公開のアドレスではありません。メール事業者かホスティング事業者に、送信に使っているサーバーの IP アドレスを確認してください",
    en: "the address in the bounce is a private or example one, not the public address the receiving side saw: ask your mail provider or hosting company for the IP address your mail is sent from",
};

fn clean(s: Option<&str>) -> Option<String> {
    let s = s?.trim();
    if s.is_empty() {
        return None;
    }
    Some(truncate(&collapse(s), MAX_FACT))
}

fn clean_long(s: &str) -> Option<String> {
    let s = without_paste_marks(s.trim());
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    Some(truncate(&collapse(s), MAX_ERROR_TEXT))
}

/// The error as shown in "Have ready" and the letters, without what a paste wrapped it in: a
/// quote mark ("> ", ">> ") at a line's start, and markdown's backticks around the whole text or
/// around one word (`` `192.0.2.1` ``). The diagnosis keeps the pasted bytes; only this copy
/// drops them. A lone backtick (an old-style `quote') and backticks around words with spaces
/// inside the text stay.
fn without_paste_marks(s: &str) -> String {
    let mut unquoted = String::with_capacity(s.len());
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            unquoted.push('\n');
        }
        let mut rest = line;
        while let Some(r) = rest.trim_start_matches([' ', '\t']).strip_prefix('>') {
            rest = r;
        }
        unquoted.push_str(if rest.len() == line.len() {
            line
        } else {
            rest.trim_start()
        });
    }
    let mut text = unquoted.trim();
    // A whole text in a code span or fence: ``` or ` on both ends.
    for fence in ["```", "`"] {
        if let Some(inner) = text.strip_prefix(fence).and_then(|t| t.strip_suffix(fence)) {
            text = inner.trim();
            break;
        }
    }
    // One word in a code span: `WORD` with no space, backtick or apostrophe inside.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let word_end = after.find(|c: char| c.is_whitespace() || c == '`' || c == '\'');
        match word_end {
            Some(end) if end > 0 && after[end..].starts_with('`') => {
                out.push_str(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('`');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The address in angle brackets that a sender check's refusal names: Postfix words it
/// "<a@example.net>: Sender address rejected: ...". `None` when the reply has no such part.
fn refused_sender(text: &str) -> Option<&str> {
    // ASCII lowercasing keeps every byte offset, so positions found in `lower` hold in `text`.
    let lower = text.to_ascii_lowercase();
    let end = lower.find("sender address rejected")?;
    let before = text.get(..end)?;
    let close = before.rfind('>')?;
    let open = before.get(..close)?.rfind('<')?;
    let address = before.get(open + 1..close)?.trim();
    (address.contains('@') && !address.contains(char::is_whitespace)).then_some(address)
}

/// Joins lines and runs of spaces, drops control characters: the text goes into one
/// sentence or one message line.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Cuts at a character boundary and marks the cut.
fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max_chars).collect();
    out.push('…');
    out
}

/// Everything `fill` needs: the bounce's facts, the playbook's own facts, its lookup page.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub(crate) facts: &'a Facts,
    pub(crate) own: &'static [(&'static str, &'static str)],
    pub(crate) lookup: Option<Url>,
    pub(crate) lang: Lang,
    /// Filling a verdict or a why sentence: a missing IP is explained, not a fill-in.
    pub(crate) sentence: bool,
    /// What a missing sending IP reads as here.
    pub(crate) ip_gap: IpGap,
}

/// What a missing sending IP reads as, by where it is written: never the bracketed fill-in in a
/// sentence, a step or a ready message, which the reader cannot fill in either (review 6, M2).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum IpGap {
    /// The bracketed fill-in (a copy value, a list line the caller keeps).
    FillIn,
    /// A verdict or a why: says that the bounce does not show it and who knows it.
    Sentence,
    /// A step: a plain sentence that says whom to ask.
    Step,
    /// A ready message: the addressee is told once, in a paragraph of its own, that the bounce
    /// does not show the address (`IP_NOT_SHOWN_*`); in the text the gap closes.
    Message,
}

/// `template` without the parenthesised asides that name a placeholder `known` rejects, and
/// without the space before each such aside. Half-width and full-width parentheses; an aside
/// that does not close is kept.
fn drop_unknown_asides(template: &str, known: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(template.len());
    // `get`, not slicing: every place is a character's start (found by `find` or
    // `char_indices`), and no panic path (with its location) goes into the page.
    let mut rest = template;
    while let Some(open) = rest.find(['(', '（']) {
        out.push_str(rest.get(..open).unwrap_or_default());
        let wide = rest.get(open..).is_some_and(|t| t.starts_with('（'));
        let (opener, closer) = if wide { ('（', '）') } else { ('(', ')') };
        let inner_start = open + opener.len_utf8();
        let mut depth = 1usize;
        let mut close = None;
        for (i, c) in rest.get(inner_start..).unwrap_or_default().char_indices() {
            if c == opener {
                depth += 1;
            } else if c == closer {
                depth -= 1;
                if depth == 0 {
                    close = Some(inner_start + i);
                    break;
                }
            }
        }
        let Some(close) = close else {
            out.push_str(rest.get(open..).unwrap_or_default());
            return out;
        };
        let inner = rest.get(inner_start..close).unwrap_or_default();
        let mut unknown = false;
        let mut scan = inner;
        while let Some(at) = scan.find('{') {
            let after = scan.get(at + 1..).unwrap_or_default();
            if let Some(name) = placeholder_name(after) {
                unknown |= !known(name);
            }
            scan = after;
        }
        if unknown {
            while out.ends_with(' ') {
                out.pop();
            }
        } else {
            out.push_str(
                rest.get(open..close + closer.len_utf8())
                    .unwrap_or_default(),
            );
        }
        rest = rest.get(close + closer.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Where a sentence ends, for `Ctx::forwarded`: a full stop followed by a space (an address's
/// dots are no end), 「。」, or a line's end.
const SENTENCE_ENDS: &[&str] = &[". ", "! ", "? ", "。", "！", "？", "\n"];

/// The part of `out` since its last sentence end.
fn sentence_before(out: &str) -> &str {
    let start = SENTENCE_ENDS
        .iter()
        .filter_map(|end| out.rfind(end).map(|at| at + end.len()))
        .max()
        .unwrap_or(0);
    out.get(start..).unwrap_or_default()
}

/// The part of `rest` up to its first sentence end.
fn sentence_after(rest: &str) -> &str {
    let end = SENTENCE_ENDS
        .iter()
        .filter_map(|end| rest.find(end))
        .min()
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest)
}

/// True when the words say the mail was forwarded ("forwarded", "forwarding", 「転送」).
fn says_forwarding(words: &str) -> bool {
    words.contains("転送") || words.to_ascii_lowercase().contains("forward")
}

/// The list line a ready message gains when its text does not name the recipient and an alias or
/// a forwarding led the mail on: whoever reads it learns that the address written forwards, and
/// where to (`{recipient}` names both).
/// How a letter to a hosting company introduces its sender, and how it does when the sender's
/// address is one of the provider's own consumer addresses.
const SENDS_FOR_THE_DOMAIN: Text = text! {
    ja: "貴社のサービスで {sender_domain} のメールを送信している者です。",
    en: "I send mail for {sender_domain} through your service.",
};
/// Playbooks whose `why` adds a hedge on another meaning of the code, and the words of an error
/// text that settle which meaning it has (lowercase): with them, the hedge is left out.
const CODE_HEDGES: &[(&str, Text, &[&str])] = &[(
    "gmail-no-dmarc",
    crate::party::gmail::NO_DMARC_HEDGE,
    &["dmarc", "authentication type", "authentication mechanism"],
)];

/// `common::DONT_RESEND_FULL` when the report itself says the server deferred the message
/// (`delay_stated`, as for `RESEND_WHEN_DELAYED`): the sending server still holds it and
/// retries it, so nothing has come back yet.
const DONT_RESEND_FULL_DELAYED: Text = text! {
    ja: "送信側のサーバーが再送を続けている間は、自分で送り直さないでください。受信者が容量を空けたあと、同じメールが 2 通届くことになります。",
    en: "While your server is still retrying, do not send it again yourself: once the recipient has made room, the message would arrive twice.",
};

/// A message's words for a bounce, and the same for a delay, which the message says instead
/// when every recipient is only delayed (a delay warning: "THIS IS A WARNING ONLY ... will be
/// retried"): the mail has not come back, and the server still retries it (review h199, e02).
const BOUNCED_OR_DELAYED: &[(Text, Text)] = &[
    (
        text! {
            ja: "合格しなかったとして、次のエラーで返ってきました",
            en: "bounced because it did not pass sender authentication",
        },
        text! {
            ja: "合格しなかったとして、次のエラーで一時的に断られ、配送が遅れています（送信側のサーバーが再送を続けています）",
            en: "is delayed (my server is still retrying it) because it did not pass sender authentication",
        },
    ),
    (
        text! {
            ja: "次のエラーで返ってきました",
            en: "bounced with the error below",
        },
        text! {
            ja: "次のエラーで一時的に断られ、配送が遅れています（送信側のサーバーが再送を続けています）",
            en: "is delayed by the error below (my server is still retrying it)",
        },
    ),
    // The mailbox-full letter (review h217, M1: a Sendmail warning "YOU DO NOT NEED TO RESEND"
    // still got "came back ... I will send it again").
    (
        text! {
            ja: "宛てにメールをお送りしたところ、「メールボックスが満杯」というエラーで返ってきてしまいました。お手数ですが、不要なメールを削除して容量を空けていただけますでしょうか。空きができましたら、改めてお送りします。",
            en: "came back because your mailbox is full. Could you delete some old mail to make room? I will send it again once there is space.",
        },
        text! {
            ja: "宛てにお送りしたメールが、「メールボックスが満杯」というエラーで受け取られず、配送が遅れています（送信側のサーバーが再送を続けています）。お手数ですが、不要なメールを削除して容量を空けていただけますでしょうか。空きができれば、そのまま届くはずです。",
            en: "is delayed because your mailbox is full (my server is still retrying it). Could you delete some old mail to make room? Once there is space, it should arrive by itself.",
        },
    ),
    (
        text! {
            ja: "次のエラーで返ってきてしまい、届いておりません",
            en: "came back with the error below and was not delivered",
        },
        text! {
            ja: "次のエラーで一時的に断られ、まだ届いておりません（送信側のサーバーが再送を続けています）",
            en: "has not been delivered yet: it was turned away for now with the error below (my server is still retrying it)",
        },
    ),
    (
        text! {
            ja: "送信したメールがエラーで返ってきました",
            en: "My outgoing mail bounced",
        },
        text! {
            ja: "送信したメールの配送がエラーで遅れています",
            en: "My outgoing mail is delayed",
        },
    ),
];

/// `SENDS_FOR_THE_DOMAIN` when the bounce names no sender domain: the address the reader sent
/// from is something they can fill in, where "[your domain]" asks a technical word of them
/// (review h199, own j02 and j08).
const SENDS_FROM_THE_ADDRESS: Text = text! {
    ja: "貴社のサービスで {sender_address} からメールを送信している者です。",
    en: "I send mail from {sender_address} through your service.",
};
const USES_AN_ADDRESS_WITH_YOU: Text = text! {
    ja: "貴社の {sender_domain} のメールアドレスを利用している者です。",
    en: "I use an email address with you, at {sender_domain}.",
};

/// A letter's line for the sent time, and the line for the returned message's subject that
/// follows it when the bounce shows the subject (the core's `subject`, from the block a mail
/// program shows above a pasted notice): the receiving side finds the message in its logs by
/// its time and subject (review h213, item 1). Not in a letter to a list's or a provider's
/// operator, whose forms ask for the address and the error alone.
const SUBJECT_AFTER_DATE: (Text, Text) = (
    text! {
        ja: "・送信日時: {date}",
        en: "- Sent at: {date}",
    },
    text! {
        ja: "・件名: {subject}",
        en: "- Subject: {subject}",
    },
);

const FORWARDED_RECIPIENT_LINE: Text = text! {
    ja: "・送った宛先: {recipient}",
    en: "- The address I sent to: {recipient}",
};

/// `body` with `line` before its first list line ("- ", 「・」), or as a paragraph before its
/// closing when it has none.
pub(crate) fn with_list_line(body: &str, line: &str) -> String {
    let mut at = 0;
    for l in body.split_inclusive('\n') {
        let item = l.trim_start();
        if item.starts_with("- ") || item.starts_with('・') {
            let mut out = String::with_capacity(body.len() + line.len() + 1);
            out.push_str(body.get(..at).unwrap_or_default());
            out.push_str(line);
            out.push('\n');
            out.push_str(body.get(at..).unwrap_or_default());
            return out;
        }
        at += l.len();
    }
    before_the_closing(body, line)
}

/// Facts whose list line a message leaves out when the bounce does not hold them. A code the
/// bounce does not show is no fact the reader can look up either; the full error line keeps
/// whatever code the words hold (review 9, L4).
const OMITTED_WHEN_UNKNOWN: &[&str] = &[
    "ip",
    "remote_host",
    "allow_domain",
    "code",
    "smtp_code",
    "enhanced_code",
    "provider_code",
];

impl Ctx<'_> {
    /// Whether `{name}` has a value here, not a bracketed fill-in.
    fn known(&self, name: &str) -> bool {
        if matches!(name, "allowed_sender" | "allowed_sender_you")
            || self.facts.value(name).is_some()
            || self.found_zone(name).is_some()
        {
            return true;
        }
        if let Some((_, v)) = self.own.iter().find(|(k, _)| *k == name) {
            return match v.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                Some(alias) if PLACEHOLDERS.contains(&alias) => self.known(alias),
                _ => true,
            };
        }
        name == "lookup_url" && self.lookup.is_some()
    }

    /// `fill` for prose shown to the reader (steps, what not to do, titles): an aside in
    /// parentheses that only gives an example or a detail ("If the error names a blocklist
    /// ({zone}, for example)") is left out when a fact in it is unknown, rather than read as
    /// "([blocklist named in the error], for example)". The sending IP keeps its fill-in, which
    /// says whom to ask; ready messages keep theirs, for the reader to type in.
    /// The facts that stay unknown read as plain words there (`prose_fallback`: "your domain",
    /// not "[your domain]").
    pub(crate) fn fill_prose(&self, template: &str) -> String {
        let kept = drop_unknown_asides(template, &|name| name == "ip" || self.known(name));
        self.fill_in(&kept, true)
    }

    /// Replaces every `{name}` in `template`. Unknown facts read as their fallback, so the
    /// output never shows a raw placeholder.
    pub(crate) fn fill(&self, template: &str) -> String {
        self.fill_in(template, false)
    }

    fn fill_in(&self, template: &str, prose: bool) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match placeholder_name(after) {
                Some(name) => {
                    rest = &after[name.len() + 1..];
                    if name == "recipient" && self.forwarded(&mut out, rest) {
                        if self.lang == Lang::Ja {
                            // After the full-width bracket that closes it, as after a fill-in.
                            rest = rest.strip_prefix(' ').unwrap_or(rest);
                        }
                        continue;
                    }
                    let fell_back = self.push_value(&mut out, name, prose);
                    if fell_back && self.lang == Lang::Ja {
                        // Full-width brackets need no space around them in Japanese.
                        rest = rest.strip_prefix(' ').unwrap_or(rest);
                    }
                    if fell_back && prose && name == "recipient" && self.lang == Lang::Ja {
                        rest = without_unknown_recipient(&mut out, rest);
                    }
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Writes `{recipient}` as the address the sender wrote and the one it led to, when an
    /// alias or a forwarding led it on; `after` is the template after the placeholder. Returns
    /// whether it did. The sentence it stands in decides the words: one that says "forwarded"
    /// (「転送」) already gets the final address instead, so it does not say it twice.
    fn forwarded(&self, out: &mut String, after: &str) -> bool {
        let (Some(original), Some(recipient)) = (
            self.facts.original_recipient.as_deref(),
            self.facts.recipient.as_deref(),
        ) else {
            return false;
        };
        let said = says_forwarding(sentence_before(out)) || says_forwarding(sentence_after(after));
        out.push_str(&crate::labels::forwarded_recipient(
            original, recipient, self.lang, said,
        ));
        true
    }

    /// Fills a message body. A list line that only reports a fact the bounce does not hold
    /// ("- Sending IP address: {ip}") is left out: the addressee can do nothing with "[ask your
    /// mail provider]", and the sender is not asked to find out first. Other fill-ins stay, as
    /// the sender can fill them in (the date, the recipient).
    pub(crate) fn fill_body(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        for line in template.split_inclusive('\n') {
            let item = line.trim_start();
            let is_item = item.starts_with("- ") || item.starts_with('・');
            let unknown = OMITTED_WHEN_UNKNOWN.iter().any(|name| {
                line.trim_end().ends_with(&format!("{{{name}}}"))
                    && self.facts.value(name).is_none()
            });
            if !(is_item && unknown) {
                out.push_str(&self.fill(line));
            }
        }
        out
    }

    /// True when a message body names the sending IP outside a list line that `fill_body`
    /// leaves out when the IP is unknown.
    fn names_the_ip_in_prose(&self, template: &str) -> bool {
        template.lines().any(|line| {
            let item = line.trim_start();
            let is_item = item.starts_with("- ") || item.starts_with('・');
            line.contains("{ip}") && !(is_item && line.trim_end().ends_with("{ip}"))
        })
    }

    /// In a ready message, the zones the lookups found stand for the list the bounce does not
    /// name (`Facts::found_zone`); steps and verdicts speak only of what the bounce says.
    fn found_zone(&self, name: &str) -> Option<&str> {
        let message = self.ip_gap == IpGap::Message;
        (name == "zone" && message)
            .then_some(self.facts.found_zone.as_deref())
            .flatten()
    }

    /// Appends the value of `name`; returns whether it had to use the fallback.
    fn push_value(&self, out: &mut String, name: &str, prose: bool) -> bool {
        let domain = self.facts.allow_domain.as_deref();
        if name == "allowed_sender" {
            let address = self.facts.sender_address.as_deref();
            out.push_str(&allowed_sender(domain, address, self.lang));
        } else if name == "allowed_sender_you" {
            out.push_str(&allowed_sender_you(domain, self.lang));
        } else if let Some(v) = self.facts.value(name).or(self.found_zone(name)) {
            out.push_str(v);
            // A returned message's Date: is written in English (RFC 5322): a Japanese text
            // keeps it as the bounce shows it and adds it in Japanese (review h199, own j01).
            if name == "date" && self.lang == Lang::Ja {
                if let Some(ja) = japanese_date(v) {
                    out.push('（');
                    out.push_str(&ja);
                    out.push('）');
                }
            }
        } else if let Some((_, v)) = self.own.iter().find(|(k, _)| *k == name) {
            // A fact that is only another name for a bounce fact (`{zone}`) falls back like it.
            if let Some(alias) = v.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                if PLACEHOLDERS.contains(&alias) {
                    return self.push_value(out, alias, prose);
                }
            }
            // Facts of the party may themselves name bounce facts (a lookup URL with `{ip}`).
            out.push_str(&self.fill(v));
        } else if let (true, Some(url)) = (name == "lookup_url", self.lookup) {
            out.push_str(&self.url(url));
        } else {
            if self.lang == Lang::Ja && out.ends_with(' ') {
                out.pop();
            }
            if self.sentence && name == "remote_host" {
                // "the receiving server {remote_host} refused": without a name the sentence
                // reads whole as "the receiving server refused", with no fill-in in it.
                if out.ends_with(' ') {
                    out.pop();
                }
                return true;
            }
            if name == "ip" && matches!(self.ip_gap, IpGap::Step | IpGap::Message) {
                // After "IP address", and in a message after "our server", the words before
                // already say what the gap stands for.
                let after_address = match self.lang {
                    Lang::Ja => {
                        let t = out.trim_end();
                        t.ends_with("アドレス")
                            || (self.ip_gap == IpGap::Message && t.ends_with("サーバー"))
                    }
                    Lang::En => {
                        let t = out.trim_end();
                        ends_with_ci(t, "address")
                            || (self.ip_gap == IpGap::Message && ends_with_ci(t, "server"))
                    }
                };
                let esp = self.facts.through_esp;
                let words = match (self.ip_gap, after_address) {
                    (IpGap::Step, true) if esp => None,
                    (IpGap::Step, false) if esp => Some(IP_IN_STEP_ESP),
                    (IpGap::Step, true) => Some(IP_IN_STEP_AFTER_ADDRESS),
                    (IpGap::Step, false) => Some(IP_IN_STEP),
                    (_, true) => None,
                    (_, false) => Some(IP_IN_MESSAGE),
                };
                while out.ends_with(' ') {
                    out.pop();
                }
                if let Some(words) = words {
                    let words = words.get(self.lang);
                    let opens_aside = words.starts_with('(');
                    let glued = out.is_empty() || out.ends_with(['(', '（', '\n']);
                    if self.lang == Lang::En && !glued && (opens_aside || !out.is_empty()) {
                        out.push(' ');
                    }
                    out.push_str(words);
                }
                return true;
            }
            if self.sentence && name == "ip" {
                let after_address = match self.lang {
                    Lang::Ja => out.ends_with("アドレス"),
                    Lang::En => ends_with_ci(out.trim_end(), "address"),
                };
                if after_address && self.lang == Lang::En && !out.ends_with(' ') {
                    out.push(' ');
                }
                let note = match (self.facts.ip_not_public, self.facts.through_esp) {
                    (true, _) => ip_not_public_in_sentence(after_address),
                    (false, true) => Some(ip_in_sentence_esp(after_address)),
                    (false, false) if self.facts.code_page => {
                        Some(ip_in_sentence_code_page(after_address))
                    }
                    (false, false) => Some(ip_in_sentence(after_address)),
                };
                match note {
                    Some(note) => out.push_str(note.get(self.lang)),
                    // "your sending IP address {ip} is": the sentence closes over the gap.
                    None => {
                        while out.ends_with(' ') {
                            out.pop();
                        }
                    }
                }
                return true;
            }
            if let (true, Some(words)) = (prose, prose_fallback(name)) {
                // "your domain {sender_domain}" / 「ドメイン{sender_domain}の」: the words are
                // already there, so nothing is added.
                let before = out.trim_end_matches([' ', ',', '、']);
                if already_said(name, self.lang)
                    .iter()
                    .any(|w| before.ends_with(w))
                {
                    // "the account you logged in with, {login_account}." closes as "... with."
                    let keep = before.len();
                    out.truncate(keep);
                    // 「宛先は、存在しない」 reads as if the recipient were a person; the
                    // address is what does not exist (review 6, L6).
                    if name == "recipient" && self.lang == Lang::Ja && out.ends_with("宛先") {
                        out.push_str("のアドレス");
                    }
                    // 「本当にドメインから送られた」 does not say whose domain: a bare ドメイン
                    // (not 差出人の, 送信元の or 送信ドメイン) is the sender's (review 9, L2).
                    if matches!(name, "sender_domain" | "allow_domain")
                        && self.lang == Lang::Ja
                        && out.ends_with("ドメイン")
                    {
                        let head = &out[..out.len() - "ドメイン".len()];
                        // 「登録されていないドメイン」 already says which one.
                        if !(head.ends_with('の')
                            || head.ends_with("送信")
                            || head.ends_with("ない"))
                        {
                            out.insert_str(head.len(), "あなたの");
                        }
                    }
                } else {
                    out.push_str(words.get(self.lang));
                }
                return true;
            }
            out.push_str(fallback(name).get(self.lang));
            return true;
        }
        false
    }

    /// Fills a URL template; falls back to `url.fallback` when any placeholder is unknown.
    pub(crate) fn url(&self, url: Url) -> String {
        let template = url.get(self.lang);
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(name) = placeholder_name(after) else {
                return url.fallback.to_owned();
            };
            match self.facts.url_value(name) {
                Some(v) => out.push_str(v),
                None => return url.fallback.to_owned(),
            }
            rest = &after[name.len() + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Fills a value to copy; `None` when any placeholder is unknown (a half-made DNS record
    /// or form value would do harm).
    pub(crate) fn copy_value(&self, template: &str) -> Option<String> {
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name = placeholder_name(after)?;
            let v = self
                .facts
                .value(name)
                .or_else(|| self.own.iter().find(|(k, _)| *k == name).map(|(_, v)| *v))?;
            out.push_str(v);
            rest = &after[name.len() + 1..];
        }
        out.push_str(rest);
        Some(out)
    }
}

/// The name of a placeholder starting right after `{`: lowercase ASCII letters, digits and
/// `_`, closed by `}`.
pub(crate) fn placeholder_name(after_brace: &str) -> Option<&str> {
    let end = after_brace.find('}')?;
    let name = &after_brace[..end];
    let ok = !name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then_some(name)
}

/// Every placeholder name used in `template`, in order.
#[cfg(test)]
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match placeholder_name(after) {
            Some(name) => {
                names.push(name);
                rest = &after[name.len() + 1..];
            }
            None => rest = after,
        }
    }
    names
}

/// Renders `playbook` for `d` in `lang`, for the page (its result and code pages).
pub fn render(playbook: &Playbook, d: &Diagnosis, lang: Lang, selected_by: SelectedBy) -> Rendered {
    render_in(playbook, d, lang, selected_by, Medium::Page)
}

/// Renders `playbook` for `d` in `lang`, worded for where it is shown.
pub fn render_in(
    playbook: &Playbook,
    d: &Diagnosis,
    lang: Lang,
    selected_by: SelectedBy,
    medium: Medium,
) -> Rendered {
    render_found(playbook, d, lang, selected_by, &[], medium)
}

/// `render`, with the listings the caller's lookups found: when the bounce names no list, a
/// ready message names the zones that list the address (review 7, M1).
pub(crate) fn render_found(
    playbook: &Playbook,
    d: &Diagnosis,
    lang: Lang,
    selected_by: SelectedBy,
    listings: &[crate::select::Listing<'_>],
    medium: Medium,
) -> Rendered {
    let mut facts = Facts::from_diagnosis(d);
    facts.code_page = selected_by == SelectedBy::CodePage;
    let mut found: Vec<&str> = Vec::new();
    for l in listings {
        let zone = l.zone.trim().trim_end_matches('.');
        if !zone.is_empty() && !found.iter().any(|z| z.eq_ignore_ascii_case(zone)) {
            found.push(zone);
        }
    }
    facts.found_zone = clean(Some(&found.join(", ")));
    render_with(playbook, &facts, lang, selected_by, medium)
}

/// The DMARC step's words for the sender's domain (`generic::AUTH_STEP_DMARC_NAME`, which
/// speaks of "the parent domain (example.com)" in general): a main domain (`example.co.jp`) is
/// told that its record covers its subdomains, with no parent; a subdomain is told its own
/// parent by name. `None` keeps the general words (no domain, or one whose main domain this
/// table cannot tell: `news.example.jp` may be a subdomain, `example.tokyo.jp` is not).
fn dmarc_name_step(step: &crate::model::Step, facts: &Facts, lang: Lang) -> Option<String> {
    if step.text != crate::party::generic::AUTH_STEP_DMARC_NAME.text {
        return None;
    }
    let domain = facts.sender_domain.as_deref()?;
    match main_domain_of(domain)? {
        MainDomain::Itself => Some(DMARC_NAME_MAIN.get(lang).to_owned()),
        MainDomain::Parent(parent) => {
            Some(DMARC_NAME_SUBDOMAIN.get(lang).replace("{parent}", parent))
        }
    }
}

/// The size steps that say the receiver's limit is not known, and their words for a bounce that
/// states it (the core's `size_limit_bytes`; review h217, H1).
const SIZE_STEPS: &[(Text, Text)] = &[
    (
        crate::party::generic::EXCEEDLIMIT_STEP_SIZE.text,
        crate::party::generic::EXCEEDLIMIT_STEP_SIZE_STATED,
    ),
    (
        crate::party::generic::MESGTOOBIG_STEP_SIZE.text,
        crate::party::generic::MESGTOOBIG_STEP_SIZE_STATED,
    ),
];

/// A size step with the limit the bounce states, and what the files may total under it (base64
/// writes 3 bytes as 4 characters, RFC 2045 section 6.8), or `None`.
fn size_step(step: &crate::model::Step, facts: &Facts, lang: Lang) -> Option<String> {
    let limit = facts.size_limit?;
    let (_, stated) = SIZE_STEPS
        .iter()
        .find(|(general, _)| *general == step.text)?;
    Some(
        stated
            .get(lang)
            .replace("{limit}", &megabytes(limit))
            .replace("{files}", &megabytes(limit / 4 * 3)),
    )
}

/// A size in bytes as people read it: megabytes (2^20 bytes, as mail programs count) with one
/// decimal under 10 MB, whole ones above, kilobytes under 1 MB; always rounded down, since it
/// is a limit to stay under.
fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    match bytes {
        b if b < MB => format!("{} KB", b / 1024),
        b if b < 10 * MB => format!("{}.{} MB", b / MB, b % MB * 10 / MB),
        b => format!("{} MB", b / MB),
    }
}

/// The SPF step's sentence when the refusal says SPF failed and names the sending address
/// (`render_with`'s `spf_names_ip`). SPF checks the SMTP client's address against the envelope
/// sender's domain ("check_host() ... <ip> - the IP address of the SMTP client that is emitting
/// the mail", RFC 7208 section 4.1); a record allows it by an "include:" of another domain's
/// record or by an "ip4:" / "ip6:" mechanism (sections 5.2, 5.6).
// Source: https://datatracker.ietf.org/doc/html/rfc7208
const SPF_ALLOWS_IP_STEP: Text = text! {
    ja: "このエラーには、メールを送ったサーバーの IP アドレス {ip} が書かれています。{sender_domain} の SPF レコードが、このアドレスを許可している必要があります。ホスティング事業者や送信サービスが案内する「include:」を加えるか、「ip4:」（IPv6 のアドレスなら「ip6:」）のあとにこのアドレスを書き加えてください。",
    en: "This error names the address your mail was sent from, {ip}, and the SPF record of {sender_domain} must allow it: add the \"include:\" your hosting company or sending service gives, or the address itself after \"ip4:\" (\"ip6:\" for an IPv6 address).",
};

/// The same in the letter to whoever runs the domain's DNS (`generic::MESSAGE_AUTH`).
const SPF_ALLOWS_IP_LETTER: Text = text! {
    ja: "エラーには、送信に使ったサーバーの IP アドレス {ip} が書かれています。{sender_domain} の SPF レコードでこのアドレスが許可されているか（送信に使っているサービスの「include:」、または「ip4:」でのアドレスの記載）も、あわせてご確認ください。",
    en: "The error names the address the mail was sent from, {ip}. Please also make sure that the SPF record of {sender_domain} allows that address (through the \"include:\" of the service we send with, or an \"ip4:\" entry for it).",
};

/// `template` with the domain whose SPF check the refusal names (the envelope sender's,
/// `Facts::spf_domain`) for `{sender_domain}`; without one, `{sender_domain}` stays for the
/// sender's domain the core found.
fn spf_domain_named(template: &str, facts: &Facts) -> String {
    match facts.spf_domain.as_deref() {
        Some(domain) => template.replace("{sender_domain}", domain),
        None => template.to_owned(),
    }
}

/// The DMARC step for a domain that is its own main domain.
// Source: RFC 7489 section 6.6.3 (policy discovery: with no record at the From domain, the
// receiver asks "the DNS domain matching the Organizational Domain"), section 3.2 (the
// Organizational Domain is found with a public suffix list).
const DMARC_NAME_MAIN: Text = text! {
    ja: "DMARC（SPF と DKIM の結果をどう扱うか受信側に伝える設定）がなければ追加します。「_dmarc.」のあとにあなたのドメイン名（{sender_domain}）を続けた名前で、TXT レコードを作ります。このレコードは、{sender_domain} のサブドメイン（news.{sender_domain} など）にも効きます。",
    en: "If there is no DMARC record (it tells receivers how to treat the SPF and DKIM results), add one: a TXT record whose name is \"_dmarc.\" followed by your domain ({sender_domain}). It also covers the subdomains of {sender_domain} (news.{sender_domain}, for example).",
};

/// The DMARC step for a subdomain (`{parent}`: its main domain, written in before filling).
const DMARC_NAME_SUBDOMAIN: Text = text! {
    ja: "DMARC（SPF と DKIM の結果をどう扱うか受信側に伝える設定）がなければ追加します。{sender_domain} は {parent} のサブドメインです。親のドメインの DMARC レコード（_dmarc.{parent}）はサブドメインにも効くので、まずそちらにあるか確かめてください。どちらにもなければ、「_dmarc.」のあとに {sender_domain} か、すべてのサブドメインに効かせるなら {parent} を続けた名前で、TXT レコードを作ります。",
    en: "If there is no DMARC record (it tells receivers how to treat the SPF and DKIM results), add one. {sender_domain} is a subdomain of {parent}, and a record on that main domain (_dmarc.{parent}) also covers its subdomains, so look there first. If neither has one, create a TXT record whose name is \"_dmarc.\" followed by {sender_domain}, or by {parent} to cover every subdomain.",
};

/// Where a domain stands to its main (registrable) domain.
#[derive(Debug, PartialEq, Eq)]
enum MainDomain<'a> {
    /// The domain is the main domain itself (`example.com`, `example.co.jp`).
    Itself,
    /// The domain is a subdomain of this one (`news.example.com` of `example.com`).
    Parent(&'a str),
}

/// The second-level names under which Japan's registry registers at the third level (its
/// "organizational type" names): `example.co.jp` is a main domain.
// Source: the Public Suffix List, https://publicsuffix.org/list/public_suffix_list.dat ("// jp
// organizational type names": ac.jp ad.jp co.jp ed.jp go.jp gr.jp lg.jp ne.jp or.jp; submitted
// by the registry, JPRS, http://jprs.co.jp/en/jpdomain.html).
const JP_TYPE_NAMES: &[&str] = &["ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"];

/// `domain`'s main domain, or `None` when this table cannot tell: a domain under a generic
/// top-level name (`.com`, `.shop`) is registered at the second level; one under a country's
/// name at the second level, except Japan's organizational types (`.co.jp`, third level). A
/// country's third-level name outside them (`news.example.jp`, `example.tokyo.jp`,
/// `example.com.au`) is left undecided: whether it is a subdomain needs the whole public
/// suffix list. Only a plain host name (letters, digits, hyphens, dots) is read.
fn main_domain_of(domain: &str) -> Option<MainDomain<'_>> {
    let domain = domain.trim().trim_end_matches('.');
    let plain = domain
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let labels: Vec<&str> = domain.split('.').collect();
    if !plain || labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let n = labels.len();
    // `get`, not indexing or slicing: no panic path in the page.
    let (tld, second) = (labels.get(n - 1)?, labels.get(n - 2)?);
    let country = tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_alphabetic());
    let idn = tld.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
    let main_labels = match (country, idn) {
        // An internationalized top-level name may be a country's: decided only at two labels.
        (_, true) if n == 2 => 2,
        (_, true) => return None,
        (false, false) => 2,
        (true, false)
            if tld.eq_ignore_ascii_case("jp")
                && JP_TYPE_NAMES.iter().any(|t| second.eq_ignore_ascii_case(t)) =>
        {
            3
        }
        (true, false) if n == 2 => 2,
        (true, false) => return None,
    };
    if n < main_labels {
        // A bare public suffix (`co.jp`) is no one's domain.
        return None;
    }
    if n == main_labels {
        return Some(MainDomain::Itself);
    }
    let start: usize = labels
        .get(..n - main_labels)?
        .iter()
        .map(|l| l.len() + 1)
        .sum();
    domain.get(start..).map(MainDomain::Parent)
}

/// The title, without a closing aside of codes ("(5.7.25)", "(5.7.606-649)") that does not
/// name the bounce's own enhanced code: a headline must not claim a code the bounce does not
/// carry (held-out i, LOW-7: Gmail's IPv6 PTR advice for a 5.7.1 reply). A code page keeps it,
/// and so does an aside that says it names only some codes ("5.7.1 and others").
fn title_for(title: String, facts: &Facts, selected_by: SelectedBy) -> String {
    if selected_by == SelectedBy::CodePage {
        return title;
    }
    let (open, close) = match title.chars().last() {
        Some(')') => ('(', ')'),
        Some('）') => ('（', '）'),
        _ => return title,
    };
    // The aside's own opening bracket: "(5.7.520 / AS(7555))" holds a bracket of its own.
    let mut depth = 0usize;
    let mut at = None;
    for (i, c) in title.char_indices().rev() {
        if c == close {
            depth += 1;
        } else if c == open {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                at = Some(i);
                break;
            }
        }
    }
    let Some(at) = at else {
        return title;
    };
    // `get`, not slicing or indexing: no panic paths (and their locations) in the page.
    let inner = title
        .get(at + open.len_utf8()..title.len() - close.len_utf8())
        .unwrap_or_default();
    // An enhanced code first, or a reply code before one ("421 4.7.0"): review 10, H3 showed
    // "(550 5.7.1)" over a 5.7.0 reply.
    let is_codes = matches!(inner.as_bytes(), [d, b'.', _, ..] if d.is_ascii_digit())
        || matches!(inner.as_bytes(), [a, b, c, b' ', d, b'.', ..]
            if [a, b, c, d].iter().all(|x| x.is_ascii_digit()));
    let some_of_many = ["others", "ほか", "など", "etc"]
        .iter()
        .any(|w| inner.contains(w));
    if !is_codes || some_of_many {
        return title;
    }
    let code = facts.enhanced_code.as_deref().map(str::trim);
    let provider = facts.provider_code.as_deref().map(str::trim);
    let named = inner
        .split([',', '・', '、', '/', ' '])
        .map(str::trim)
        .any(|token| {
            code.is_some_and(|code| names_code(token, code))
                || provider.is_some_and(|p| token.eq_ignore_ascii_case(p))
        });
    match named {
        true => title,
        false => match title.get(..at) {
            Some(before) => before.trim_end().to_owned(),
            None => title,
        },
    }
}

/// True when `token` ("5.7.25", "5.7.606-649", "5.7.501〜503") names `code`.
fn names_code(token: &str, code: &str) -> bool {
    let Some((low, high)) = token.split_once(['-', '〜']) else {
        return token == code;
    };
    let (Some((prefix, low)), Some((code_prefix, detail))) =
        (low.trim().rsplit_once('.'), code.rsplit_once('.'))
    else {
        return false;
    };
    let number = |s: &str| s.trim().parse::<u32>().ok();
    match (number(low), number(high), number(detail)) {
        (Some(low), Some(high), Some(detail)) => {
            prefix == code_prefix && (low..=high).contains(&detail)
        }
        _ => false,
    }
}

pub(crate) fn render_with(
    p: &Playbook,
    facts: &Facts,
    lang: Lang,
    selected_by: SelectedBy,
    medium: Medium,
) -> Rendered {
    let text = facts
        .error_text
        .as_deref()
        .unwrap_or_default()
        .to_lowercase();
    let p = crate::party::generic::variant_for(p, facts.given_up, &text).unwrap_or(p);
    let ctx = Ctx {
        facts,
        own: p.facts,
        lookup: p.lookup,
        lang,
        sentence: false,
        ip_gap: IpGap::FillIn,
    };
    let t = |text: &Text| ctx.fill_prose(text.get(lang));
    let sentence = Ctx {
        sentence: true,
        ip_gap: IpGap::Sentence,
        ..ctx
    };
    let step_ctx = Ctx {
        ip_gap: IpGap::Step,
        ..ctx
    };
    let prepare = p
        .prepare
        .iter()
        .map(|item| match item {
            Prepare::Fact(fact) => {
                let value = fact_value(facts, *fact).map(str::to_owned);
                let missing = match fact {
                    Fact::Ip if facts.ip_not_public => IP_NOT_PUBLIC_HINT,
                    Fact::Ip if facts.through_esp => IP_MISSING_ESP,
                    Fact::Ip if facts.code_page => IP_MISSING_CODE_PAGE,
                    _ => fact.missing(),
                };
                let hint = value.is_none().then(|| missing.get(lang).to_owned());
                // Nothing failed yet in a delay notice: "the address that failed" would say
                // otherwise (review 8, L3).
                let label = match fact {
                    Fact::Recipient if facts.only_delayed => RECIPIENT_DELAYED,
                    _ => fact.label(),
                };
                PrepareItem {
                    label: label.get(lang).to_owned(),
                    value,
                    hint,
                }
            }
            Prepare::Other(text) => PrepareItem {
                label: t(text),
                value: None,
                hint: None,
            },
        })
        .collect();
    // The recipient's domain when one of the playbook's steps is that domain's own guide.
    let guided = facts
        .recipient
        .as_deref()
        .and_then(|r| r.rsplit_once('@'))
        .map(|(_, domain)| domain.to_ascii_lowercase())
        .filter(|domain| {
            p.steps
                .iter()
                .any(|s| s.for_domain == Some(domain.as_str()))
        });
    // An SPF failure with the sending address known: the SPF step and the letter say that the
    // domain's SPF record must allow that address (task h218). Gmail's 5.7.27 and Microsoft's
    // 5.7.23 are SPF failures by their code alone.
    let spf_names_ip = facts.ip.is_some()
        && (facts.spf_failed
            || [
                crate::party::gmail::SPF.id,
                crate::party::microsoft::SPF_FAIL.id,
            ]
            .contains(&p.id));
    let steps = p
        .steps
        .iter()
        .filter(|step| match (step.for_domain, guided.as_deref()) {
            (Some(own), Some(domain)) => own == domain,
            _ => true,
        })
        .filter(|step| match step.example_for {
            Some(example) => facts.may_send_through(example),
            None => true,
        })
        .filter(|step| match step.only_with {
            None => true,
            // The steps about the sending IP send the reader to the blocklist check (the page's,
            // or `ndr-doctor`'s), which asks only about an address a public list can know.
            Some(Fact::Ip) => facts.ip_looked_up,
            Some(fact) => fact_value(facts, fact).is_some(),
        })
        .enumerate()
        .map(|(i, step)| RenderedStep {
            number: i + 1,
            text: match facts.retry_unknown && RESENDS_AFTER_THE_FIX.contains(&step.text) {
                true if facts.delay_stated => step_ctx.fill_prose(RESEND_WHEN_DELAYED.get(lang)),
                true => step_ctx.fill_prose(RESEND_IF_FAILED.get(lang)),
                false => match dmarc_name_step(step, facts, lang)
                    .or_else(|| size_step(step, facts, lang))
                {
                    Some(text) => step_ctx.fill_prose(&text),
                    None if spf_names_ip && step.text == AUTH_STEP_SPF.text => {
                        let text = format!(
                            "{}{}{}",
                            step.text_in(medium).get(lang),
                            lang.sentence_gap(),
                            spf_domain_named(SPF_ALLOWS_IP_STEP.get(lang), facts)
                        );
                        step_ctx.fill_prose(&text)
                    }
                    None => step_ctx.fill_prose(step.text_in(medium).get(lang)),
                },
            },
            link: (step.link)
                .filter(|_| step.link_for.is_none_or(|s| facts.may_send_through(s)))
                .map(|l| RenderedLink {
                    label: t(&l.label),
                    url: ctx.url(l.url),
                }),
            copy: step.copy.and_then(|c| {
                ctx.copy_value(c.value).map(|value| RenderedCopy {
                    label: t(&c.label),
                    value,
                })
            }),
        })
        .collect();
    let message = p.message.map(|m| {
        // Operators answer in English: their messages are English (the Japanese side only adds
        // a note saying so), and a missing fact must read as an English fill-in there.
        let mctx = match m.to {
            // A delisting request to an operator is void without the address: the fill-in
            // stays, for the reader to get the address first.
            To::Operator => Ctx {
                lang: Lang::En,
                ..ctx
            },
            _ => Ctx {
                ip_gap: IpGap::Message,
                ..ctx
            },
        };
        let ip_missing = facts.value("ip").is_none() && mctx.ip_gap == IpGap::Message;
        let mut subject = match ip_missing {
            true => subject_without(m.subject.get(lang), "{ip}"),
            false => m.subject.get(lang).to_owned(),
        };
        // No list is named anywhere: the sender cannot fill in its name either, so the
        // sentences read without it ("is on a blocklist.") rather than with a fill-in.
        // `list_name` is what the playbooks call the list; it stands for `{zone}` where the
        // bounce names it.
        let unnamed = |name: &str| matches!(name, "zone" | "list_name") && !mctx.known(name);
        for (name, needle) in [("zone", "{zone}"), ("list_name", "{list_name}")] {
            if unnamed(name) {
                subject = subject_without(&subject, needle);
            }
        }
        // No code in the bounce: a "([error code])" in the subject says nothing the reader can
        // fill in at a glance (review 8, L2); the body keeps its line for it.
        if !mctx.known("code") {
            subject = subject_without(&subject, "{code}");
        }
        let (note, template) = reader_note(m.body.get(lang));
        let mut template = drop_unknown_asides(template, &|name| !unnamed(name));
        if facts.subject.is_some() && m.to != To::Operator && !template.contains("{subject}") {
            let (date, subject) = (
                SUBJECT_AFTER_DATE.0.get(mctx.lang),
                SUBJECT_AFTER_DATE.1.get(mctx.lang),
            );
            if let Some(at) = template.find(date) {
                template.insert_str(at + date.len(), &format!("\n{subject}"));
            }
        }
        // A consumer address at the provider (webmail, an internet provider's, a carrier's):
        // the sender uses an address with them, and sends no mail "for" that domain (review
        // h170, x 40).
        if m.to == To::HostingProvider
            && facts
                .value("sender_domain")
                .is_some_and(crate::select::is_personal_mail_domain)
        {
            template = template.replace(
                SENDS_FOR_THE_DOMAIN.get(mctx.lang),
                USES_AN_ADDRESS_WITH_YOU.get(mctx.lang),
            );
        }
        // A delay warning: the message has not come back, so the message does not say it did.
        if facts.only_delayed {
            for (bounced, delayed) in BOUNCED_OR_DELAYED {
                template = template.replace(bounced.get(mctx.lang), delayed.get(mctx.lang));
                subject = subject.replace(bounced.get(lang), delayed.get(lang));
            }
        }
        if facts.value("sender_domain").is_none() {
            template = template.replace(
                SENDS_FOR_THE_DOMAIN.get(mctx.lang),
                SENDS_FROM_THE_ADDRESS.get(mctx.lang),
            );
        }
        let template = &template;
        let mut body = mctx.fill_body(template);
        // An alias or a forwarding led the mail on: a message whose text does not name the
        // recipient says so in a list line of its own. Not to a list's operator, whose request
        // is about the sending address alone.
        if facts.original_recipient.is_some()
            && facts.recipient.is_some()
            && !template.contains("{recipient}")
            && m.to != To::Operator
        {
            let line = mctx.fill(FORWARDED_RECIPIENT_LINE.get(mctx.lang));
            body = with_list_line(&body, &line);
        }
        if spf_names_ip && m.body == MESSAGE_AUTH.body {
            let paragraph = spf_domain_named(SPF_ALLOWS_IP_LETTER.get(mctx.lang), facts);
            body = before_the_closing(&body, &mctx.fill(&paragraph));
        }
        // On a code page the letter's error is the reader's to paste: whether it shows the
        // address is theirs to see, so the paragraph asks only in case it does not.
        let paragraph = match (facts.code_page, m.to) {
            (false, To::HostingProvider) => Some(IP_NOT_SHOWN_HOSTING),
            (false, To::RecipientAdmin | To::Recipient) => Some(IP_NOT_SHOWN_RECEIVER),
            (false, _) => Some(IP_NOT_SHOWN),
            (true, To::HostingProvider) => Some(IP_IF_NOT_SHOWN_HOSTING),
            (true, To::RecipientAdmin | To::Recipient) => Some(IP_IF_NOT_SHOWN_RECEIVER),
            (true, _) => None,
        };
        if let Some(paragraph) =
            paragraph.filter(|_| ip_missing && mctx.names_the_ip_in_prose(template))
        {
            let paragraph = paragraph.get(mctx.lang);
            // The error quoted above shows an example or internal address: say what it is
            // before saying the bounce shows no sending address.
            let paragraph = match facts.ip_not_public {
                false => paragraph.to_owned(),
                true => format!(
                    "{}{}{paragraph}",
                    IP_SHOWN_NOT_PUBLIC.get(mctx.lang),
                    mctx.lang.sentence_gap()
                ),
            };
            body = before_the_closing(&body, &paragraph);
        }
        RenderedMessage {
            to: Labeled {
                id: m.to,
                label: m.to.label().get(lang).to_owned(),
            },
            // A letter to the address the error names has none when the error names none:
            // the "to" label says whom (review h217, L5).
            address: m
                .address
                .filter(|a| !a.contains("{error_contact}") || facts.error_contact.is_some())
                .map(|a| mctx.fill(a)),
            subject: mctx.fill(&subject),
            note: note.map(str::to_owned),
            body,
        }
    });
    Rendered {
        id: p.id,
        lang,
        party: p.party,
        party_name: p
            .party
            .map(|party| crate::party::party_name(party).get(lang).to_owned()),
        selected_by,
        title: title_for(t(&p.title), facts, selected_by),
        verdict: sentence.fill_prose(p.verdict.get(lang)),
        why: {
            let mut why = sentence.fill_prose(p.why.get(lang));
            // A hedge on what a code may also mean, said only when the error text does not
            // settle it (review h199, own e04: "does not have a DMARC record").
            for (id, hedge, settled_by) in CODE_HEDGES {
                let said = facts.error_text.as_deref().is_some_and(|t| {
                    let t = t.to_ascii_lowercase();
                    settled_by.iter().any(|w| t.contains(w))
                });
                if p.id == *id && !said {
                    why = format!("{why}{}{}", lang.sentence_gap(), hedge.get(lang));
                }
            }
            let names_ip = [p.verdict, p.why]
                .iter()
                .any(|t| t.get(lang).contains("{ip}"));
            if facts.ip_not_public && names_ip {
                let space = lang.sentence_gap();
                format!("{why}{space}{}", IP_NOT_PUBLIC_WHY.get(lang))
            } else {
                why
            }
        },
        who: {
            let mut who = who(
                p.actors,
                host_first(p, facts),
                sender_first(p, facts),
                facts.pasted_by_the_servers_admin,
                lang,
            );
            // Through a sending service the one running the sending server is the service; "your
            // hosting company" is whom its playbook says not to ask (held-out s, case 11).
            if facts.through_esp {
                for w in who.iter_mut().filter(|w| w.id == Actor::SenderProvider) {
                    w.label = w.label.replace(
                        Actor::SenderProvider.label().get(lang),
                        SENDING_SERVICE.get(lang),
                    );
                }
            }
            who
        },
        urgency: Labeled {
            id: p.urgency,
            label: p.urgency.label().get(lang).to_owned(),
        },
        duration: t(&p.duration),
        prepare,
        steps,
        donts: p
            .donts
            .iter()
            .map(|d| {
                // A delay: the mail has not come back, and a copy sent now would arrive twice
                // once the server gets it through (review h217, left by M1).
                if facts.delay_stated && *d == crate::party::common::DONT_RESEND_FULL {
                    t(&DONT_RESEND_FULL_DELAYED)
                } else {
                    t(d)
                }
            })
            .collect(),
        message,
        sources: p
            .sources
            .iter()
            .map(|s| RenderedLink {
                label: t(&s.title),
                url: ctx.url(s.url),
            })
            .collect(),
        last_checked: p.checked,
    }
}

/// `body` with `paragraph` as its own paragraph before the closing line ("Thank you.", 「よろしく
/// お願いいたします。」), or at the end when the last paragraph is not a short closing.
pub(crate) fn before_the_closing(body: &str, paragraph: &str) -> String {
    // `split_at_checked`, not slicing: no panic path in the page.
    let closing = body.rfind("\n\n").and_then(|at| body.split_at_checked(at));
    let (before, after) = match closing {
        Some((before, after)) if after.chars().count() < 40 => (before, after),
        _ => (body.trim_end(), ""),
    };
    // Pushes, not `format!`: 70 bytes of wasm less here (measured; in the page's views the
    // `format!` was the smaller).
    let mut out = String::with_capacity(body.len() + paragraph.len() + 2);
    out.push_str(before);
    out.push_str("\n\n");
    out.push_str(paragraph);
    out.push_str(after);
    out
}

/// Playbooks about a refused sending address that `select::IP_LISTINGS` leaves out for its own
/// reason (an end-user range is never Microsoft 365's pool; Microsoft's own block and a
/// short-lived listing have their own ways out): the address is still the one its owner, the
/// hosting company or ISP, must see to. Anyone may file Microsoft's delisting, but only whoever
/// runs the address can stop what got it listed, and knows it when the bounce hides it
/// (held-out m, cases 27, 33).
const ABOUT_THE_IP_TOO: &[&str] = &[
    "microsoft-banned-ip",
    "trendmicro-ers-dul",
    "trendmicro-ers-qil",
];

/// Playbooks about the sending server's standing that name the hosting company first only when
/// the refusal is about the address (reason blocked or bad reputation, a list named): Gmail's
/// "likely unsolicited" is about the address in its `UnsolicitedIPError`, and mostly about the
/// account and the content otherwise, which the sender checks first.
const HOST_FIRST_WHEN_THE_IP_IS_REFUSED: &[&str] = &["gmail-unsolicited"];

/// Gmail's 4.7.28 words for a rate limit on the sending server's address or range, or on the
/// envelope (SPF) domain, which on a shared server is often the hosting company's: only whoever
/// runs that server can slow it down, so the hosting company goes first (held-out p, case 11).
/// The limit on the sender's own DKIM domain or on links in the message stays the sender's.
// "Our system has detected an unusual rate of unsolicited mail originating from your IP address"
// ("... from your IP Netblock", "... from your SPF domain").
// Source: https://support.google.com/a/answer/3726730
const SERVER_RATE_WORDINGS: &[&str] = &[
    "unusual rate of unsolicited mail originating from your ip",
    "unusual rate of unsolicited mail originating from your spf domain",
];

/// Playbooks whose rate limit may be on the sending server (`Facts::rate_on_the_server`).
const HOST_FIRST_WHEN_THE_RATE_IS_THE_SERVERS: &[&str] = &["gmail-rate-limited"];

/// True when the hosting company goes before the sender: the playbook is about a listed or
/// refused sending IP address, which the company that owns the address (the server's, not the
/// sender's) must fix or have removed.
fn host_first(p: &Playbook, facts: &Facts) -> bool {
    crate::select::IP_LISTINGS.contains(&p.id)
        || ABOUT_THE_IP_TOO.contains(&p.id)
        || (facts.ip_refused && HOST_FIRST_WHEN_THE_IP_IS_REFUSED.contains(&p.id))
        || (facts.rate_on_the_server && HOST_FIRST_WHEN_THE_RATE_IS_THE_SERVERS.contains(&p.id))
}

/// The core's names (note `refused_at_submission`) of the mail programs and webmails a person
/// sends with; the others are libraries and apps that someone set up.
const MAIL_PROGRAMS: &[&str] = &[
    "apple_mail",
    "gmail_send_as",
    "horde",
    "outlook",
    "rainloop",
    "roundcube",
    "thunderbird",
];

/// True when the sender goes before their administrator: the own server refused a person's
/// mail program, whose settings (login, sender address) that person changes (held-out m, case
/// 35: Outlook's own relay refusal). An app's settings stay the administrator's.
fn sender_first(p: &Playbook, facts: &Facts) -> bool {
    facts.from_a_mail_program
        && matches!(
            p.id,
            "generic-own-relay-setting"
                | "generic-own-relay-gmail-send-as"
                | "generic-program-port25-blocked"
                | "generic-program-cannot-connect"
        )
}

/// True when the paste is the sending side's own record (the core's note `sending_server_log`:
/// the sending server's log lines, or an SMTP session typed on the sending machine), so whoever
/// pasted it runs that server, and not through a sending service (whose servers the customer
/// does not run). A bounce letter alone does not say who reads it (held-out ac 11, 12, 28).
pub(crate) fn pasted_by_the_servers_admin(d: &Diagnosis) -> bool {
    d.notes.iter().any(|n| n.id == "sending_server_log")
        && !d.notes.iter().any(|n| n.id == "sent_through_esp")
}

/// `Actor::SenderAdmin`'s label when the paste is the sending server's own record: the person
/// who pasted it is that administrator, or works with them.
const YOU_RUN_THE_SERVER: Text = text! {
    ja: "あなた、または送信に使ったメールサーバーの管理者",
    en: "You or the administrator of your sending mail server",
};

/// `Actor::SenderProvider`'s label beside `YOU_RUN_THE_SERVER`: the reader runs the mail server,
/// so the hosting company is not "whoever runs your mail server" but the owner of its address.
const OWNER_OF_THE_SERVERS_ADDRESS: Text = text! {
    ja: "ホスティング事業者やプロバイダー（サーバーの IP アドレスの持ち主）",
    en: "Your hosting company or ISP (the owner of your server's IP address)",
};

/// The sending server's administrator where the hosting company stood, before it, when the paste
/// is that server's own record (`pasted_by_the_servers_admin`): the person who pasted the log
/// or typed the session runs the server, its settings and what it sends, so they act first;
/// the hosting company stays after them, since the address range may be the host's (a PBL or
/// SBL listing of a VPS range). An administrator already before the hosting company, and a
/// playbook without the hosting company, keep their order (held-out ac 15, 21, 25, 32).
fn admin_before_host(ordered: &mut Vec<Actor>) {
    let Some(host) = ordered.iter().position(|a| *a == Actor::SenderProvider) else {
        return;
    };
    match ordered.iter().position(|a| *a == Actor::SenderAdmin) {
        Some(admin) if admin < host => {}
        Some(admin) => {
            ordered.remove(admin);
            ordered.insert(host, Actor::SenderAdmin);
        }
        None => ordered.insert(host, Actor::SenderAdmin),
    }
}

/// "Nobody (it clears by itself)" next to someone who must act reads as a contradiction: when
/// the two come together, the wait comes first ("Nobody at first") and the next actor is who
/// acts if it does not clear. With `host_first`, the hosting company moves before the sender
/// (the others keep their places); with `servers_admin`, the sending server's administrator
/// goes before the hosting company and is named as the reader (`admin_before_host`), and the
/// hosting company as the owner of the server's address.
pub(crate) fn who(
    actors: &[Actor],
    host_first: bool,
    sender_first: bool,
    servers_admin: bool,
    lang: Lang,
) -> Vec<Labeled<Actor>> {
    let waits = actors.len() > 1 && actors.contains(&Actor::Nobody);
    let mut ordered: Vec<Actor> = actors
        .iter()
        .filter(|a| waits && **a == Actor::Nobody)
        .chain(actors.iter().filter(|a| !waits || **a != Actor::Nobody))
        .copied()
        .collect();
    let sender = ordered.iter().position(|a| *a == Actor::Sender);
    let host = ordered.iter().position(|a| *a == Actor::SenderProvider);
    if let (true, Some(sender), Some(host)) = (host_first, sender, host) {
        if host > sender {
            let moved = ordered.remove(host);
            ordered.insert(sender, moved);
        }
    }
    let sender = ordered.iter().position(|a| *a == Actor::Sender);
    let admin = ordered.iter().position(|a| *a == Actor::SenderAdmin);
    if let (true, Some(sender), Some(admin)) = (sender_first, sender, admin) {
        if admin < sender {
            let moved = ordered.remove(sender);
            ordered.insert(admin, moved);
        }
    }
    if servers_admin {
        admin_before_host(&mut ordered);
    }
    ordered
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let name = match a {
                Actor::SenderAdmin if servers_admin => YOU_RUN_THE_SERVER,
                Actor::SenderProvider if servers_admin => OWNER_OF_THE_SERVERS_ADDRESS,
                _ => a.label(),
            };
            let label = match (waits, i) {
                (true, 0) => NOBODY_AT_FIRST.get(lang).to_owned(),
                (true, 1) => format!("{}{}", IF_IT_DOES_NOT.get(lang), name.get(lang)),
                _ => name.get(lang).to_owned(),
            };
            Labeled { id: a, label }
        })
        .collect()
}

/// `Actor::SenderProvider`'s label when the mail went out through a sending service.
const SENDING_SERVICE: Text = text! {
    ja: "あなたが使っている送信サービス（SendGrid・Mailgun などの ESP。送信に使われたサーバーを運用しています）",
    en: "Your sending service (SendGrid, Mailgun or another ESP: it runs the servers your mail left from)",
};

const NOBODY_AT_FIRST: Text = text! {
    ja: "当面は対応不要（多くは時間がたてば自然に解決します）",
    en: "Nobody at first (it usually clears by itself)",
};
const IF_IT_DOES_NOT: Text = text! {
    ja: "解決しない場合: ",
    en: "if it does not: ",
};

fn fact_value(facts: &Facts, fact: Fact) -> Option<&str> {
    match fact {
        Fact::Ip => facts.value("ip"),
        Fact::SenderAddress => facts.value("sender_address"),
        Fact::Time => facts.value("date"),
        Fact::SenderDomain => facts.value("sender_domain"),
        Fact::Recipient => facts.value("recipient"),
        Fact::ErrorText => facts.value("error_text"),
        Fact::Code => facts.value("code"),
        Fact::RemoteHost => facts.value("remote_host"),
        Fact::Zone => facts.value("zone"),
    }
}

impl Rendered {
    /// True when this advice already says what the core's note `note_id` says: the playbook was
    /// chosen for that note (a read receipt, a From address the login does not own), so a list
    /// of notes shown with the advice leaves it out rather than repeat the verdict. The JSON of
    /// the diagnosis keeps every note.
    pub fn says_note(&self, note_id: &str) -> bool {
        crate::party::says_note(self.id, note_id)
    }

    /// True when a list of notes shown with this advice for `d` leaves `note_id` out: the advice
    /// says it already ([`Rendered::says_note`]), or the note says whose the sending IP address
    /// is (Google's, Microsoft's shared servers) while the bounce is about the recipient's
    /// address, where no sending address is in question (review h170, x 02).
    pub fn leaves_out_note(&self, d: &Diagnosis, note_id: &str) -> bool {
        self.says_note(note_id)
            || (matches!(note_id, "sender_on_google" | "sender_on_microsoft365")
                && matches!(
                    d.reason,
                    Reason::UserUnknown | Reason::HostUnknown | Reason::MailboxFull
                ))
    }

    /// Leaves out a step that an earlier one already says word for word: advice joined from
    /// two playbooks (a provider's block and a listing found alongside it) may share one
    /// (review 7, L1). Steps are numbered again.
    pub(crate) fn drop_repeats(&mut self) {
        let mut i = 0;
        while i < self.steps.len() {
            match self.steps[..i].iter().any(|k| k.text == self.steps[i].text) {
                true => drop(self.steps.remove(i)),
                false => {
                    self.steps[i].number = i + 1;
                    i += 1;
                }
            }
        }
    }

    /// Who must act, on one line: "A / B", or "Nobody at first (…); if it does not: A / B"
    /// when the advice is to wait first.
    pub fn who_line(&self) -> String {
        let mut out = String::new();
        for (i, w) in self.who.iter().enumerate() {
            if i > 0 {
                let waited = i == 1 && self.who.len() > 1 && self.who[0].id == Actor::Nobody;
                // A semicolon is not Japanese punctuation: the wait ends its own sentence.
                out.push_str(match (waited, self.lang) {
                    (true, Lang::Ja) => "。",
                    (true, Lang::En) => "; ",
                    (false, _) => " / ",
                });
            }
            out.push_str(&w.label);
        }
        out
    }

    /// The advice as plain text, for a terminal or a support ticket: headings in `self.lang`.
    pub fn to_plain_text(&self) -> String {
        use std::fmt::Write;
        let h = |t: Text| t.get(self.lang);
        let (open, close) = match self.lang {
            Lang::Ja => ("（", "）"),
            Lang::En => (" (", ")"),
        };
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title);
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", self.verdict);
        let _ = writeln!(s, "{}", self.why);
        let _ = writeln!(s);
        let _ = writeln!(s, "{}: {}", h(crate::labels::WHO), self.who_line());
        let _ = writeln!(s, "{}: {}", h(crate::labels::URGENCY), self.urgency.label);
        let _ = writeln!(s, "{}: {}", h(crate::labels::DURATION), self.duration);
        if !self.prepare.is_empty() {
            let _ = writeln!(s, "\n{}:", h(crate::labels::PREPARE));
            for item in &self.prepare {
                match (&item.value, &item.hint) {
                    (Some(v), _) => {
                        let _ = writeln!(s, "- {}: {}", item.label, v);
                    }
                    // A label that already ends in parentheses takes its hint after a colon:
                    // two asides side by side read as one doubled (review 6, L1).
                    (None, Some(hint)) if item.label.ends_with([')', '）']) => {
                        let colon = if self.lang == Lang::Ja { "：" } else { ": " };
                        let _ = writeln!(s, "- {}{colon}{hint}", item.label);
                    }
                    (None, Some(hint)) => {
                        let _ = writeln!(s, "- {}{open}{hint}{close}", item.label);
                    }
                    (None, None) => {
                        let _ = writeln!(s, "- {}", item.label);
                    }
                }
            }
        }
        let _ = writeln!(s, "\n{}:", h(crate::labels::STEPS));
        for step in &self.steps {
            let _ = writeln!(s, "{}. {}", step.number, step.text);
            if let Some(link) = &step.link {
                let _ = writeln!(s, "   {}: {}", link.label, link.url);
            }
            if let Some(copy) = &step.copy {
                let _ = writeln!(s, "   {}: {}", copy.label, copy.value);
            }
        }
        if !self.donts.is_empty() {
            let _ = writeln!(s, "\n{}:", h(crate::labels::DONTS));
            for d in &self.donts {
                let _ = writeln!(s, "- {d}");
            }
        }
        if let Some(m) = &self.message {
            let _ = writeln!(s, "\n{}:", h(crate::labels::MESSAGE));
            match &m.address {
                Some(a) => {
                    let _ = writeln!(
                        s,
                        "{}: {}{open}{a}{close}",
                        h(crate::labels::TO),
                        m.to.label
                    );
                }
                None => {
                    let _ = writeln!(s, "{}: {}", h(crate::labels::TO), m.to.label);
                }
            }
            let _ = writeln!(s, "{}: {}", h(crate::labels::SUBJECT), m.subject);
            if let Some(note) = &m.note {
                let _ = writeln!(s, "{note}");
            }
            let _ = writeln!(s, "\n{}", m.body);
        }
        if !self.sources.is_empty() {
            let _ = writeln!(s, "\n{}:", h(crate::labels::SOURCES));
            for src in &self.sources {
                let _ = writeln!(s, "- {}: {}", src.label, src.url);
            }
            let _ = writeln!(
                s,
                "{}: {}",
                h(crate::labels::LAST_CHECKED),
                self.last_checked
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A refusal of the sending IP that names no list (GMX's own "IP address is black listed").
    fn listed_without_a_zone() -> Diagnosis {
        Diagnosis {
            recipients: vec![ndr_core::Recipient {
                recipient: "a@example.net".into(),
                action: "failed".into(),
                reply_code: Some("554".into()),
                reason: ndr_core::Reason::Blocked,
                diagnostic_text: "554 IP address is black listed [192.0.2.7]".into(),
                ..Default::default()
            }],
            reason: ndr_core::Reason::Blocked,
            blocked_ip: Some("192.0.2.7".into()),
            smtp_code: Some("554".into()),
            ..Diagnosis::default()
        }
    }

    #[test]
    fn advice_joined_from_two_playbooks_says_each_step_once() {
        // Held-out i22: a receiver's own IP block, and the lookups find the address on the
        // Spamhaus XBL; both playbooks ask for a virus scan.
        let xbl = [crate::select::Listing {
            zone: "zen.spamhaus.org",
            answer: "127.0.0.4",
        }];
        for lang in [Lang::En, Lang::Ja] {
            let r = crate::select::advise_with_lookups(&listed_without_a_zone(), &xbl, &[], lang);
            assert!(r.why.contains("XBL") || r.verdict.contains("XBL"), "{r:?}");
            for (i, step) in r.steps.iter().enumerate() {
                assert_eq!(step.number, i + 1);
                let same = r.steps.iter().filter(|s| s.text == step.text).count();
                assert_eq!(same, 1, "{}", step.text);
            }
        }
    }

    #[test]
    fn no_step_leads_into_a_value_it_does_not_show() {
        // Without any fact, a copy box with a placeholder is left out: the step must not end
        // as if it introduced one (review 7, M3: "Create a TXT record with this name:").
        for p in crate::party::playbooks() {
            for lang in [Lang::En, Lang::Ja] {
                let r = render(p, &Diagnosis::default(), lang, SelectedBy::GenericReason);
                for step in r.steps.iter().filter(|s| s.copy.is_none()) {
                    let t = step.text.trim_end();
                    assert!(!t.ends_with([':', '：']), "{}: {t}", p.id);
                }
            }
        }
    }

    #[test]
    fn a_message_names_the_list_the_lookups_found_or_reads_without_one() {
        let d = listed_without_a_zone();
        let found = [crate::select::Listing {
            zone: "bl.spamcop.net.",
            answer: "127.0.0.2",
        }];
        for lang in [Lang::En, Lang::Ja] {
            let p = crate::party::playbook("generic-blocked").expect("generic-blocked");
            let none = render_found(p, &d, lang, SelectedBy::GenericReason, &[], Medium::Page);
            let m = none.message.expect("a message to the hosting company");
            let text = format!(
                "{}
{}",
                m.subject, m.body
            );
            let gap = fallback("zone").get(lang);
            assert!(!text.contains(gap), "{text}");
            assert!(!text.contains("()") && !text.contains("（）"), "{text}");
            assert!(m.subject.ends_with(['）', ')']), "{}", m.subject);
            let named = render_found(p, &d, lang, SelectedBy::GenericReason, &found, Medium::Page);
            let m = named.message.expect("a message to the hosting company");
            assert!(!m.body.contains(gap), "{}", m.body);
            assert_eq!(m.body.matches("bl.spamcop.net").count(), 2, "{}", m.body);
            assert!(m.subject.contains("bl.spamcop.net"), "{}", m.subject);
        }
    }

    #[test]
    fn only_microsofts_rule_ids_give_way_to_the_enhanced_code() {
        for id in ["AS(7230)", "(AS16012609)", "AS3130", " as(1440) "] {
            assert!(is_microsoft_rule_id(id), "{id}");
        }
        for code in [
            "S3150", "TSS04", "ERS-QIL", "AS", "AS()", "ASX(1)", "SC-001",
        ] {
            assert!(!is_microsoft_rule_id(code), "{code}");
        }
    }

    fn ctx_with(facts: &Facts) -> Ctx<'_> {
        Ctx {
            facts,
            own: &[("delist_email", "delist@example.com")],
            lookup: None,
            lang: Lang::En,
            sentence: false,
            ip_gap: IpGap::FillIn,
        }
    }

    #[test]
    fn the_refused_sender_is_the_address_the_sender_check_names() {
        let case_20 = "<customer@client-sample.example>: host mail46.onamae.ne.jp[203.0.113.60] \
            said: 553 5.7.1 <sales@aozora-fudosan.example>: Sender address rejected: not owned by \
            user info@aozora-fudosan.example (in reply to RCPT TO command)";
        assert_eq!(
            refused_sender(case_20),
            Some("sales@aozora-fudosan.example")
        );
        assert_eq!(
            refused_sender("550 5.1.1 <a@example.jp>: User unknown"),
            None
        );
        assert_eq!(
            refused_sender("553 <no address>: Sender address rejected"),
            None
        );
        assert_eq!(
            refused_sender("Sender address rejected <a@example.jp>"),
            None
        );
        assert_eq!(
            refused_sender("<é@例え.jp>: SENDER ADDRESS REJECTED"),
            Some("é@例え.jp")
        );
    }

    #[test]
    fn a_bare_domain_without_its_name_says_whose() {
        let none = Facts::default();
        let ja = |t: &str| {
            Ctx {
                lang: Lang::Ja,
                ..ctx_with(&none)
            }
            .fill_prose(t)
        };
        assert_eq!(
            ja("メールが本当にドメイン {sender_domain} から送られたものか"),
            "メールが本当にあなたのドメインから送られたものか"
        );
        assert_eq!(
            ja("差出人のドメイン {sender_domain} に"),
            "差出人のドメインに"
        );
        assert_eq!(ja("送信ドメイン {sender_domain} の"), "送信ドメインの");
        assert_eq!(
            ja("登録されていないドメイン {sender_domain} から"),
            "登録されていないドメインから"
        );
        assert_eq!(ja("{sender_domain} の設定"), "あなたのドメインの設定");
    }

    #[test]
    fn a_sentence_without_the_servers_name_reads_whole() {
        let none = Facts::default();
        let named = Facts {
            remote_host: Some("mx.example.net".into()),
            ..Facts::default()
        };
        let en = "The receiving server {remote_host} refused mail for {recipient}.";
        let ja = "宛先側のサーバー {remote_host} が拒否しました。";
        let sentence = |facts, lang| Ctx {
            lang,
            sentence: true,
            ip_gap: IpGap::Sentence,
            ..ctx_with(facts)
        };
        assert_eq!(
            sentence(&none, Lang::En).fill(en),
            "The receiving server refused mail for [recipient address]."
        );
        assert_eq!(
            sentence(&none, Lang::Ja).fill(ja),
            "宛先側のサーバーが拒否しました。"
        );
        assert_eq!(
            sentence(&named, Lang::En).fill(en),
            "The receiving server mx.example.net refused mail for [recipient address]."
        );
        assert_eq!(
            sentence(&named, Lang::Ja).fill(ja),
            "宛先側のサーバー mx.example.net が拒否しました。"
        );
        // Outside a sentence (a message's list line) the fill-in stays.
        assert!(ctx_with(&none).fill(en).contains("[receiving mail server]"));
    }

    #[test]
    fn fills_known_and_falls_back_for_missing() {
        let facts = Facts {
            ip: Some("192.0.2.1".into()),
            ..Facts::default()
        };
        let ctx = ctx_with(&facts);
        assert_eq!(
            ctx.fill("IP {ip} to {delist_email} ({recipient}) {not a placeholder} {"),
            "IP 192.0.2.1 to delist@example.com ([recipient address]) {not a placeholder} {"
        );
    }

    #[test]
    fn a_subject_drops_only_the_part_that_names_a_missing_ip() {
        let cases = [
            (
                "Mail from your server is refused (IP {ip}, {list_name})",
                "Mail from your server is refused ({list_name})",
            ),
            (
                "送信メールが拒否されています（送信元 IP アドレス {ip}、{list_name}）",
                "送信メールが拒否されています（{list_name}）",
            ),
            (
                "Which outgoing mail server should I use? (IP {ip})",
                "Which outgoing mail server should I use?",
            ),
            (
                "送信サーバーの逆引き（PTR）設定のお願い（IP {ip}）",
                "送信サーバーの逆引き（PTR）設定のお願い",
            ),
            ("Refused ({list_name}, IP {ip})", "Refused ({list_name})"),
            // Outside an aside the filling decides.
            ("Delist request for {ip}", "Delist request for {ip}"),
            (
                "Please set a reverse DNS (PTR) record for {ip}",
                "Please set a reverse DNS (PTR) record for {ip}",
            ),
            ("(A) {ip} (IP {ip})", "(A) {ip}"),
            ("Unclosed (IP {ip}", "Unclosed"),
        ];
        for (template, expected) in cases {
            assert_eq!(subject_without(template, "{ip}"), expected, "{template}");
        }
    }

    #[test]
    fn a_message_without_the_ip_asks_for_it_once_before_the_closing() {
        assert_eq!(
            before_the_closing("Hello,\n\nText.\n\nThank you.", "Asked."),
            "Hello,\n\nText.\n\nAsked.\n\nThank you."
        );
        let long = format!("Hello,\n\n{}", "a long last paragraph ".repeat(4));
        assert!(before_the_closing(&long, "Asked.").ends_with("\n\nAsked."));
    }

    #[test]
    fn a_message_leaves_out_the_lines_of_facts_the_bounce_lacks() {
        let body = "Hello,\n\n- Full error: {error_text}\n- Sending IP address: {ip}\n・エラーを返したサーバー: {remote_host}\n- Sent at: {date}\n\nThe IP {ip} stays in prose.\n";
        let known = Facts {
            ip: Some("192.0.2.1".into()),
            remote_host: Some("mx.example.net".into()),
            ..Facts::default()
        };
        let filled = ctx_with(&known).fill_body(body);
        assert!(
            filled.contains("- Sending IP address: 192.0.2.1\n"),
            "{filled}"
        );
        assert!(
            filled.contains("・エラーを返したサーバー: mx.example.net\n"),
            "{filled}"
        );
        let unknown = Facts::default();
        let filled = ctx_with(&unknown).fill_body(body);
        assert!(!filled.contains("Sending IP address"), "{filled}");
        assert!(!filled.contains("エラーを返したサーバー"), "{filled}");
        // The sender can fill these in themselves.
        assert!(filled.contains("- Full error: ["), "{filled}");
        assert!(filled.contains("- Sent at: ["), "{filled}");
        assert!(filled.contains("The IP ["), "{filled}");
    }

    #[test]
    fn the_senders_address_fills_the_letters_when_the_bounce_shows_it() {
        let body = |id: &str, d: &Diagnosis, lang: Lang| {
            let book = crate::party::playbook(id).unwrap();
            render(book, d, lang, SelectedBy::PartyReason)
                .message
                .map(|m| m.body)
                .unwrap_or_default()
        };
        let mut d = Diagnosis {
            reason: ndr_core::Reason::SecurityError,
            sender_domain: Some("example.com".into()),
            sender_address: Some("ann@example.com".into()),
            ..Diagnosis::default()
        };
        let tenant = "microsoft-tenant-threshold";
        let en = body(tenant, &d, Lang::En);
        assert!(en.contains("- Sent from: ann@example.com\n"), "{en}");
        let ja = body(tenant, &d, Lang::Ja);
        assert!(
            ja.contains("・送信に使ったアドレス: ann@example.com\n"),
            "{ja}"
        );
        // A refusal that quotes no sender address: the address the bounce shows.
        let login = "generic-sender-login-mismatch";
        let en = body(login, &d, Lang::En);
        assert!(en.contains("sent a message from ann@example.com"), "{en}");
        assert!(!en.contains("[the address you sent from]"), "{en}");
        let ja = body(login, &d, Lang::Ja);
        assert!(ja.contains("差出人 ann@example.com のメール"), "{ja}");
        // The bounce shows none: the fill-ins stay.
        d.sender_address = None;
        let en = body(tenant, &d, Lang::En);
        assert!(
            en.contains("- Sent from: [the address you sent from]\n"),
            "{en}"
        );
        let ja = body(tenant, &d, Lang::Ja);
        assert!(
            ja.contains("・送信に使ったアドレス:［送信に使ったメールアドレス］\n"),
            "{ja}"
        );
        let en = body(login, &d, Lang::En);
        assert!(
            en.contains("sent a message from [the address you sent from]"),
            "{en}"
        );
    }

    #[test]
    fn the_sent_time_fills_the_message_and_the_list_to_prepare() {
        let mut d = Diagnosis {
            reason: ndr_core::Reason::Blocked,
            blocked_ip: Some("192.0.2.1".into()),
            ..Diagnosis::default()
        };
        let prepared = |d: &Diagnosis| {
            let book = crate::party::playbook("closed-list").unwrap();
            let r = render(book, d, Lang::En, SelectedBy::PartyReason);
            let time = r
                .prepare
                .iter()
                .find(|p| p.label == Fact::Time.label().get(Lang::En))
                .map(|p| p.value.clone());
            (r.message.map(|m| m.body).unwrap_or_default(), time)
        };
        let (body, time) = prepared(&d);
        assert!(body.contains("[date and time you sent it]"), "{body}");
        assert_eq!(time, Some(None));
        d.sent_at = Some("Mon, 27 Mar 2017 14:52:05 +0200".into());
        let (body, time) = prepared(&d);
        assert!(body.contains("Mon, 27 Mar 2017 14:52:05 +0200"), "{body}");
        assert!(!body.contains("[date and time you sent it]"), "{body}");
        assert_eq!(
            time,
            Some(Some("Mon, 27 Mar 2017 14:52:05 +0200".to_string()))
        );
    }

    #[test]
    fn a_fact_that_names_a_bounce_fact_reads_as_it() {
        let known = Facts {
            zone: Some("bl.example.net".into()),
            ..Facts::default()
        };
        let unknown = Facts::default();
        let ctx = |facts| Ctx {
            facts,
            own: &[("list_name", "{zone}")],
            lookup: None,
            lang: Lang::Ja,
            sentence: false,
            ip_gap: IpGap::FillIn,
        };
        assert_eq!(
            ctx(&known).fill("IP が {list_name} のブロックリスト"),
            "IP が bl.example.net のブロックリスト"
        );
        // Missing, it is the zone's own fill-in, without the spaces around it.
        assert_eq!(
            ctx(&unknown).fill("IP が {list_name} のブロックリスト"),
            "IP が［エラー文中のブロックリスト名］のブロックリスト"
        );
    }

    #[test]
    fn japanese_fallbacks_drop_the_spaces_around_them() {
        let facts = Facts {
            recipient: Some("taro@example.jp".into()),
            ..Facts::default()
        };
        let ctx = Ctx {
            facts: &facts,
            own: &[],
            lookup: None,
            lang: Lang::Ja,
            sentence: false,
            ip_gap: IpGap::FillIn,
        };
        assert_eq!(ctx.fill("宛先 {recipient} は"), "宛先 taro@example.jp は");
        let empty = Facts::default();
        let ctx = Ctx {
            facts: &empty,
            own: &[],
            lookup: None,
            lang: Lang::Ja,
            sentence: false,
            ip_gap: IpGap::FillIn,
        };
        assert_eq!(ctx.fill("宛先 {recipient} は"), "宛先［宛先アドレス］は");
        assert_eq!(
            ctx.fill("{ip}"),
            "［送信元 IP アドレス（メール事業者に確認）］"
        );
    }

    #[test]
    fn urls_only_take_safe_values() {
        let good = Facts {
            ip: Some("2001:db8::1".into()),
            ..Facts::default()
        };
        let bad = Facts {
            ip: Some("1.2.3.4/../x".into()),
            ..Facts::default()
        };
        let url = Url::filled("https://example.com/q?ip={ip}", "https://example.com/");
        assert_eq!(
            ctx_with(&good).url(url),
            "https://example.com/q?ip=2001:db8::1"
        );
        assert_eq!(ctx_with(&bad).url(url), "https://example.com/");
        assert_eq!(ctx_with(&Facts::default()).url(url), "https://example.com/");
    }

    #[test]
    fn a_forwarded_recipient_names_both_addresses_once_in_a_sentence() {
        let facts = Facts {
            recipient: Some("bob@example.net".into()),
            original_recipient: Some("team@example.org".into()),
            ..Facts::default()
        };
        let en = ctx_with(&facts);
        assert_eq!(
            en.fill("My message to {recipient} bounced. It was forwarded."),
            "My message to team@example.org (forwarded to bob@example.net) bounced. It was forwarded."
        );
        // The sentence says "forwarded" itself, before or after: the final address, named so.
        assert_eq!(
            en.fill("Mail forwarded for {recipient} is refused"),
            "Mail forwarded for team@example.org (final address: bob@example.net) is refused"
        );
        assert_eq!(
            en.fill("Mail to {recipient} was forwarded by x.example.org"),
            "Mail to team@example.org (final address: bob@example.net) was forwarded by x.example.org"
        );
        let ja = Ctx {
            lang: Lang::Ja,
            ..en
        };
        assert_eq!(
            ja.fill("宛先 {recipient} は存在しません。"),
            "宛先 team@example.org（転送先 bob@example.net）は存在しません。"
        );
        assert_eq!(
            ja.fill("{recipient} 様宛ての転送メール"),
            "team@example.org（最終的な宛先 bob@example.net）様宛ての転送メール"
        );
        // A copy value stays the bare address the error names.
        assert_eq!(
            en.copy_value("{recipient}").as_deref(),
            Some("bob@example.net")
        );
        // Without a list line, the line goes before the closing.
        assert_eq!(
            with_list_line("Hello,\n\nIt bounced.\n\nThanks.", "- Line"),
            "Hello,\n\nIt bounced.\n\n- Line\n\nThanks."
        );
        assert_eq!(
            with_list_line("Hi.\n\n- A: 1\n- B: 2\n", "- Line"),
            "Hi.\n\n- Line\n- A: 1\n- B: 2\n"
        );
    }

    #[test]
    fn copy_values_need_every_fact() {
        let facts = Facts {
            sender_domain: Some("example.com".into()),
            ..Facts::default()
        };
        let ctx = ctx_with(&facts);
        assert_eq!(
            ctx.copy_value("_dmarc.{sender_domain}").as_deref(),
            Some("_dmarc.example.com")
        );
        assert_eq!(ctx.copy_value("{ip}"), None);
    }

    /// Review h206, L4: the DMARC step names a parent domain only for a subdomain.
    #[test]
    fn a_main_domain_is_told_apart_from_a_subdomain() {
        use super::{main_domain_of, MainDomain};
        for domain in [
            "example.com",
            "example.co.jp",
            "Example.CO.JP.",
            "example.jp",
            "example.shop",
            "example.de",
        ] {
            assert_eq!(main_domain_of(domain), Some(MainDomain::Itself), "{domain}");
        }
        for (domain, parent) in [
            ("news.example.com", "example.com"),
            ("a.b.example.org", "example.org"),
            ("mail.example.co.jp", "example.co.jp"),
            ("mail.example.ne.jp", "example.ne.jp"),
        ] {
            assert_eq!(
                main_domain_of(domain),
                Some(MainDomain::Parent(parent)),
                "{domain}"
            );
        }
        for undecided in [
            "news.example.jp",
            "example.tokyo.jp",
            "example.com.au",
            "co.jp",
            "localhost",
            "",
            "exa mple.com",
            "a..example.com",
            "{ip}.example.com",
            "news.example.xn--p1ai",
        ] {
            assert_eq!(main_domain_of(undecided), None, "{undecided}");
        }
    }

    #[test]
    fn an_rfc5322_date_reads_in_japanese() {
        assert_eq!(
            super::japanese_date("Tue, 3 Feb 2026 10:01:58 +0900").as_deref(),
            Some("2026年2月3日 火曜日 10:01:58 日本時間")
        );
        // Another zone is moved to Japan's time (review h206, L5): across midnight, the month
        // and the year, and the weekday with them; a zone west of UTC too.
        for (date, japan) in [
            ("27 Mar 2017 14:52 +0200", "2017年3月27日 21:52 日本時間"),
            (
                "Tue, 19 May 2026 09:12:40 +0000",
                "2026年5月19日 火曜日 18:12:40 日本時間",
            ),
            (
                "Wed, 31 Dec 2025 20:30:00 +0000",
                "2026年1月1日 木曜日 05:30:00 日本時間",
            ),
            (
                "Sat, 28 Feb 2026 23:00:00 -0500",
                "2026年3月1日 日曜日 13:00:00 日本時間",
            ),
            (
                "Sat, 28 Feb 2024 23:00:00 -0500",
                "2024年2月29日 木曜日 13:00:00 日本時間",
            ),
            (
                "Wed, 20 May 2026 10:02:10 -0400",
                "2026年5月20日 水曜日 23:02:10 日本時間",
            ),
            (
                "Mon, 18 May 2026 19:44:02 +0900 (JST)",
                "2026年5月18日 月曜日 19:44:02 日本時間",
            ),
            (
                "Thu, 1 Jan 1970 00:00:00 -0930",
                "1970年1月1日 木曜日 18:30:00 日本時間",
            ),
        ] {
            assert_eq!(super::japanese_date(date).as_deref(), Some(japan), "{date}");
        }
        for not_a_date in [
            "",
            "yesterday",
            "Tue, 3 Feb 2026",
            "Tue, 33 Feb 2026 10:01:58 +0900",
            "Sun, 30 Feb 2026 10:01:58 +0900",
            "Tue, 3 Feb 2026 24:01:58 +0900",
            "Tue, 3 Feb 2026 10:01:58 +0975",
            "Tue, 3 Feb 2026 10:01:58 GMT",
        ] {
            assert_eq!(super::japanese_date(not_a_date), None, "{not_a_date}");
        }
    }

    /// Held-out aa 04: the shown copy of the error drops a paste's "> " and the backticks
    /// around one word or the whole text; an old-style `quote' and a lone backtick stay.
    #[test]
    fn the_shown_error_drops_a_pastes_quote_mark_and_code_spans() {
        assert_eq!(
            clean_long(
                "> The sending IP address `192.0.2.184` is listed on Spamhaus ZEN (IP blocklist) (found in envelope/header From)."
            )
            .as_deref(),
            Some("The sending IP address 192.0.2.184 is listed on Spamhaus ZEN (IP blocklist) (found in envelope/header From).")
        );
        assert_eq!(
            clean_long("> 550 5.7.1 rejected\n>> because of `policy`").as_deref(),
            Some("550 5.7.1 rejected because of policy")
        );
        assert_eq!(
            clean_long("```\n550 5.1.1 <a@example.com>: user unknown\n```").as_deref(),
            Some("550 5.1.1 <a@example.com>: user unknown")
        );
        assert_eq!(
            clean_long("`550 5.1.1 no such user`").as_deref(),
            Some("550 5.1.1 no such user")
        );
        for kept in [
            "550 unknown user `alice' here",
            "550 unknown user `alice' and `bob'",
            "550 a ` lone backtick",
            "550 5.7.1 <a@example.com>: Recipient address rejected",
        ] {
            assert_eq!(clean_long(kept).as_deref(), Some(kept));
        }
    }

    #[test]
    fn long_and_multiline_error_text_is_collapsed_and_cut() {
        let long = format!("550 5.7.1\r\n  line two\t{}", "あ".repeat(2000));
        let cleaned = clean_long(&long).unwrap();
        assert!(cleaned.starts_with("550 5.7.1 line two あ"));
        assert_eq!(cleaned.chars().count(), MAX_ERROR_TEXT + 1);
        assert!(cleaned.ends_with('…'));
        assert_eq!(clean(Some("  \n ")), None);
    }

    /// Review h217, H1: a bounce that states the receiver's size limit gets that limit (and what
    /// the files may total under it), never a general "10 MB"; one that does not gets no figure
    /// as the limit, but the usual range and whom to ask.
    #[test]
    fn the_size_step_names_the_limit_the_bounce_states() {
        let stated = "    <info@example.com>: message size 5545579 exceeds size limit 4310016 of server mail.example.com[192.0.2.1]\n    <info@example.com> (reason: 552 5.3.4 Message size exceeds fixed limit)\n";
        let unstated = "<info@example.com>: host mail.example.com[192.0.2.1] said: 552 5.3.4 Message size exceeds fixed limit (in reply to end of DATA command)\n";
        for lang in [Lang::Ja, Lang::En] {
            let r = crate::advise(&ndr_core::diagnose(stated.as_bytes()), lang);
            assert_eq!(r.id, "generic-mesgtoobig");
            let step = &r.steps[0].text;
            assert!(step.contains("4.1 MB") && step.contains("3.0 MB"), "{step}");
            assert!(!step.contains("10 MB"), "{step}");
            let r = crate::advise(&ndr_core::diagnose(unstated.as_bytes()), lang);
            assert_eq!(r.id, "generic-mesgtoobig");
            let step = &r.steps[0].text;
            assert!(!step.contains("4.1 MB"), "{step}");
            assert!(step.contains("25 MB"), "{step}");
        }
        assert_eq!(megabytes(4_310_016), "4.1 MB");
        assert_eq!(megabytes(52_428_800), "50 MB");
        assert_eq!(megabytes(500_000), "488 KB");
        let facts = Facts {
            size_limit: Some(10_485_760),
            ..Facts::default()
        };
        let step = size_step(
            &crate::party::generic::EXCEEDLIMIT_STEP_SIZE,
            &facts,
            Lang::En,
        );
        assert!(step.is_some_and(|s| s.contains("about 10 MB") && s.contains("about 7.5 MB")));
    }

    /// Review h217, M1: a delayed "mailbox full" (Sendmail's warning with its "Deferred:" line,
    /// Postfix's "status=deferred" log line) gets a letter that says the mail is delayed, and a
    /// resend step that says to wait; a reply pasted alone keeps the step's two cases.
    #[test]
    fn a_stated_delay_gets_delayed_words_in_the_letter_and_the_step() {
        let sendmail = "   ----- Transcript of session follows -----\n.... while talking to mail.example.com.:\n>>> DATA\n<<< 452 4.2.2 <a@example.com>... Mailbox full\n<a@example.com>... Deferred: 452 4.2.2 <a@example.com>... Mailbox full\nWarning: message still undelivered after 8 hours\nWill keep trying until message is 5 days old\n";
        let postfix = "Jul 25 10:00:00 mx postfix/smtp[123]: A123B45678C: to=<a@example.com>, relay=mail.example.com[192.0.2.1]:25, delay=0.55, delays=0.15/0.1/0.2/0.33, dsn=4.2.2, status=deferred (host mail.example.com[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to end of DATA command))\n";
        for paste in [sendmail, postfix] {
            let d = ndr_core::diagnose(paste.as_bytes());
            for lang in [Lang::Ja, Lang::En] {
                let r = crate::advise(&d, lang);
                assert_eq!(r.id, "generic-mailboxfull", "{paste}");
                let body = &r.message.as_ref().expect("a letter").body;
                assert!(
                    !body.contains("came back") && !body.contains("返ってき"),
                    "{body}"
                );
                assert!(
                    body.contains("retrying") || body.contains("再送を続けて"),
                    "{body}"
                );
                let steps: Vec<&str> = r.steps.iter().map(|s| s.text.as_str()).collect();
                assert!(steps.contains(&RESEND_WHEN_DELAYED.get(lang)), "{steps:?}");
                assert!(!steps.contains(&RESEND_IF_FAILED.get(lang)), "{steps:?}");
                // Nor does its warning say that copies come back.
                assert_eq!(
                    r.donts.first().map(String::as_str),
                    Some(DONT_RESEND_FULL_DELAYED.get(lang)),
                    "{:?}",
                    r.donts
                );
            }
        }
        let alone = ndr_core::diagnose(b"452 4.2.2 <a@example.com>... Mailbox full\n");
        let r = crate::advise(&alone, Lang::En);
        let steps: Vec<&str> = r.steps.iter().map(|s| s.text.as_str()).collect();
        assert!(steps.contains(&RESEND_IF_FAILED.get(Lang::En)), "{steps:?}");
        assert_eq!(
            r.donts.first().map(String::as_str),
            Some(crate::party::common::DONT_RESEND_FULL.get(Lang::En))
        );
    }
}
