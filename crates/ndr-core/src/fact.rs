//! From what a reader found about each recipient to the final facts: cleaned diagnostic text,
//! preferred status code, reply code, remote host, reason, hard or soft bounce.

use crate::decode::Mail;
use crate::mta::{self, Delivery, Rising};
use crate::smtp::{self, command, reply, status};
use crate::{address, lda, reason, rhost, text, Reason};

/// One recipient's facts, while and after deciding the reason.
#[derive(Debug, Default, Clone)]
pub(crate) struct Fact {
    pub recipient: String,
    pub action: String,
    /// Enhanced status code (possibly a pseudo code `5.0.9NN` once the reason is known).
    pub status: String,
    pub reply_code: String,
    /// The cleaned diagnostic text.
    pub diagnosis: String,
    /// Diagnostic-Code type: SMTP, X-UNIX, ...
    pub diag_type: String,
    pub command: String,
    pub rhost: String,
    pub lhost: String,
    pub reason: Option<Reason>,
    pub hard_bounce: bool,
    /// The recipient's domain.
    pub destination: String,
    /// The original sender's domain.
    pub sender_domain: String,
    /// The remote server's IP when the bounce names it.
    pub remote_ip: Option<String>,
}

/// Header fields of the returned message that name its sender, in order of trust.
const SENDER_FIELDS: &[&str] = &["from", "return-path", "sender", "reply-to", "errors-to"];

/// Builds the final facts of every recipient a reader found.
pub(crate) fn build(mail: &Mail, rising: Rising) -> Vec<Fact> {
    let original = mta::first_headers(&rising.rfc822, SENDER_FIELDS);
    // The returned message's own header fields first; then the receiver's words about the
    // sender ("Unauthenticated email from example.net is not accepted"), which name the
    // From: domain the receiver judged; then the bounce's To:, the envelope sender, which may
    // be a mailing service's bounce address.
    let sender_domain = original
        .iter()
        .map(String::as_str)
        .find_map(address::find)
        .as_deref()
        .and_then(address::domain)
        .or_else(|| {
            rising
                .deliveries
                .iter()
                .find_map(|d| sender_named(&d.diagnosis))
        })
        .or_else(|| {
            address::find(mail.header("to"))
                .as_deref()
                .and_then(address::domain)
        })
        .unwrap_or_default();
    let mut facts = Vec::with_capacity(rising.deliveries.len());
    for d in rising.deliveries {
        // A copied reply line names no recipient, nor does a feedback report about a message
        // to undisclosed recipients; other formats without an address are not kept.
        if !(address::is_email(&d.recipient)
            || matches!(d.agent, "Generic" | "ARF") && d.recipient.is_empty())
        {
            continue;
        }
        facts.push(one(d, &sender_domain));
    }
    facts
}

/// Receivers' words that name the sender's domain: the words before the domain and the words
/// after it, lowercase. Reply codes of continued lines ("550-5.7.26") between the words are
/// skipped, and the domain may be in brackets.
const SENDER_NAMED: &[(&str, &str)] = &[
    // Gmail: "550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's
    // DMARC policy. Please contact the administrator of example.net domain if this was a
    // legitimate mail."
    // Source: https://support.google.com/a/answer/3726730
    ("unauthenticated email from ", " is not accepted"),
    ("please contact the administrator of ", " domain"),
    // Outlook.com and Exchange Online: "550 5.7.509 Access denied, sending domain [example.net]
    // does not pass DMARC verification and has a DMARC policy of reject." and "550 5.7.515
    // Access denied, sending domain [example.net] does not meet the required authentication
    // level."
    // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
    ("sending domain ", " does not "),
    // iCloud: "554 5.7.1 Your message was rejected due to example.net's DMARC policy."
    // Source: https://github.com/sisimai/set-of-emails (rhost-apple-02.eml)
    ("rejected due to ", "'s dmarc policy"),
];

/// The sender's domain when the receiver's words in `diagnosis` name it (`SENDER_NAMED`).
fn sender_named(diagnosis: &str) -> Option<String> {
    // One space between words, without the codes of continued reply lines.
    let mut clean = String::with_capacity(diagnosis.len());
    for w in diagnosis.split_whitespace() {
        let code = w
            .split('-')
            .all(|p| reply::is_valid(p) || status::is_valid(p));
        if code {
            continue;
        }
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(w);
    }
    let clean = clean.to_ascii_lowercase();
    for (before, after) in SENDER_NAMED {
        let mut from = 0;
        while let Some(p) = clean.get(from..).and_then(|h| h.find(before)) {
            let start = from + p + before.len();
            from = start;
            let rest = clean.get(start..).unwrap_or("");
            let bracketed = rest.starts_with('[');
            let rest = rest.strip_prefix('[').unwrap_or(rest);
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(rest.len());
            let (name, tail) = rest.split_at(len);
            let tail = if bracketed {
                match tail.strip_prefix(']') {
                    Some(t) => t,
                    None => continue,
                }
            } else {
                tail
            };
            if is_domain_name(name) && tail.starts_with(after) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// A host name with at least two labels and a letter in its last one (not an IP address).
fn is_domain_name(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|l| l.bytes().any(|b| b.is_ascii_alphabetic()))
}

fn one(d: Delivery, sender_domain: &str) -> Fact {
    let mut f = Fact {
        recipient: d.recipient.to_lowercase(),
        action: d.action,
        status: d.status,
        reply_code: d.reply_code,
        diag_type: d.spec,
        command: command::normalize(&d.command)
            .map(str::to_string)
            .unwrap_or_default(),
        rhost: d.rhost,
        lhost: d.lhost,
        reason: d.reason,
        sender_domain: sender_domain.to_string(),
        ..Fact::default()
    };
    f.destination = address::domain(&f.recipient).unwrap_or_default();
    if !f.status.is_empty() && !status::is_valid(&f.status) {
        f.status.clear();
    }
    if !f.reply_code.is_empty() && !reply::is_valid(&f.reply_code) {
        f.reply_code.clear();
    }
    clean_diagnosis(&mut f, &d.diagnosis);
    if f.rhost.is_empty() {
        f.rhost = host_in_text(&f.diagnosis).unwrap_or_default();
    }
    f.rhost = tidy_host(&f.rhost);
    if !f.rhost.contains('.') && !f.rhost.contains(':') {
        // "Remote-MTA: X-Unix; mirapoint" names a program, not a host.
        f.rhost.clear();
    }
    f.lhost = tidy_host(&f.lhost);
    if f.lhost == f.rhost {
        f.lhost.clear();
    }
    f.remote_ip = remote_ip(&f.rhost, &d.diagnosis).or_else(|| {
        let ip = d.rhost_ip.trim();
        (is_ipv4(ip) || (ip.contains(':') && ip.parse::<std::net::Ipv6Addr>().is_ok()))
            .then(|| ip.to_string())
    });
    if f.diag_type.is_empty() {
        f.diag_type = match f.reason {
            Some(Reason::MailerError) => "X-UNIX".into(),
            Some(Reason::Feedback | Reason::Vacation) => String::new(),
            _ => "SMTP".into(),
        };
    }
    decide_reason(&mut f);
    finish(&mut f);
    f
}

/// Finds status and reply codes in the diagnostic text and removes the repeated code prefixes
/// of a multi-line reply ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1 ...").
fn clean_diagnosis(f: &mut Fact, raw: &str) {
    let mut dc = raw.replace('\r', "");
    if !dc.is_empty() {
        let cs = status::find(&dc, "");
        let cr = reply::find(&dc, &cs);
        f.status = status::prefer(&f.status, &cs, &cr);
        if cr.len() == 3 {
            if f.reply_code.is_empty() {
                f.reply_code = cr.clone();
            }
            // The prefixes to remove are the reply's own code's, when the reader knew it: a
            // "550-" elsewhere in a 553 reply is part of a word (".../550-bl23.html").
            let cr = if f.reply_code.len() == 3 {
                f.reply_code.clone()
            } else {
                cr
            };
            if text::contains(&dc, &format!("{cr}-")) {
                for sep in ["-", " "] {
                    if !cs.is_empty() {
                        dc = dc.replace(&format!("{cr}{sep}{cs}"), "");
                    }
                    dc = dc.replace(&format!("{cr}{sep}"), "");
                }
                if text::contains(&dc, &cr) {
                    dc = format!("{cr} {cs} {dc}");
                }
            }
        }
        let lc = text::lower(&dc);
        if let (Some(p1), Some(p2)) = (text::find(&lc, "<html>"), text::find(&lc, "</html>")) {
            if p1 > 0 && p2 > p1 && dc.is_char_boundary(p1) && dc.is_char_boundary(p2 + 7) {
                dc = format!("{} {}", &dc[..p1], &dc[p2 + 7..]);
            }
        }
    }
    f.diagnosis = text::sweep(&dc);
}

fn decide_reason(f: &mut Fact) {
    if f.reason.is_some() && !reason::is_revisable(f.reason) {
        return;
    }
    let lc = text::lower(&f.diagnosis);
    let found = lda::find(f, &lc)
        .filter(|r| reason::is_explicit(Some(*r)))
        .or_else(|| rhost::find(f, &lc).filter(|r| reason::is_explicit(Some(*r))))
        .or_else(|| Some(reason::find(f)).filter(|r| reason::is_explicit(Some(*r))));
    f.reason = Some(match found {
        Some(r) => r,
        None if !f.diagnosis.is_empty() => Reason::OnHold,
        None => f.reason.unwrap_or(Reason::Undefined),
    });
}

/// Hard bounce, pseudo status code, reply code consistent with the status, action.
fn finish(f: &mut Fact) {
    let r = f.reason.unwrap_or(Reason::Undefined);
    if matches!(r, Reason::Delivered | Reason::Feedback | Reason::Vacation) {
        if r != Reason::Delivered {
            f.reply_code.clear();
        }
    } else {
        let cv = format!("{} {}", f.status, f.diagnosis);
        f.hard_bounce = is_hard_bounce(r, cv.trim());
    }
    if f.status.is_empty() {
        let ce = format!("{} {}", f.reply_code, f.diagnosis);
        let ce = ce.trim();
        f.status = status::pseudo_code(r, smtp::is_temporary(ce));
    }
    let sc = f.status.get(..1).unwrap_or("");
    let rc = f.reply_code.get(..1).unwrap_or("");
    if sc != rc {
        let again = reply::find(&f.diagnosis, sc);
        f.reply_code = if !sc.is_empty() && again.starts_with(sc) {
            again
        } else {
            String::new()
        };
    }
    if !matches!(
        f.action.as_str(),
        "failed" | "delayed" | "delivered" | "relayed" | "expanded"
    ) {
        f.action = match f.action.to_ascii_lowercase().as_str() {
            "deliverable" => "delivered".into(),
            "expired" => "delayed".into(),
            "failure" => "failed".into(),
            _ => String::new(),
        };
    }
    if r == Reason::Delivered {
        f.action = "delivered".into();
    }
    // An expired message is one still held or given up on; when the report itself says the
    // server gave up ("Action: failed" with 4.4.1 after the queue lifetime), that stands.
    // A reader that set no action and a text that says the server stopped trying: failed.
    if r == Reason::Expired && f.action != "failed" {
        f.action = if f.action.is_empty() && text::aligned_any(&text::lower(&f.diagnosis), GAVE_UP)
        {
            "failed"
        } else {
            "delayed"
        }
        .into();
    }
    if f.action.is_empty() && (sc == "4" || sc == "5") {
        f.action = "failed".into();
    }
}

/// Words of a server that has stopped trying to deliver (the message comes back), as opposed
/// to a warning that it is still trying.
const GAVE_UP: &[&[&str]] = &[
    // qmail (qmail-send.c): "I'm not going to try again; this message has been in the queue
    // too long." https://cr.yp.to/qmail.html; seen in flufl.bounce's test data (yahoo_01).
    &["not going to try again"],
    // IMail/SMTP32: "Delivery failed 20 attempts: user@example.com" (flufl.bounce's test
    // data, smtp32_01).
    &["delivery failed ", " attempts"],
    // Exim (deliver.c): "retry timeout exceeded".
    &["retry timeout exceeded"],
    // Sendmail (savemail.c): "Message could not be delivered for 5 days" and "Cannot send
    // message for 5 days".
    &["could not be delivered for "],
    &["cannot send message for "],
];

/// Whether resending cannot help: the address or domain does not exist, or the recipient host
/// says (permanently) that it accepts no mail.
fn is_hard_bounce(r: Reason, text: &str) -> bool {
    match r {
        Reason::HasMoved | Reason::UserUnknown | Reason::HostUnknown => true,
        Reason::NotAccept => {
            if text.is_empty() {
                return true;
            }
            let mut cv = status::find(text, "");
            if cv.is_empty() {
                cv = reply::find(text, "");
            }
            cv.starts_with('5') || !smtp::is_temporary(text)
        }
        _ => false,
    }
}

/// A host name in an error message: "host mx.example.jp[192.0.2.1] said:" and the like.
fn host_in_text(s: &str) -> Option<String> {
    let lc = text::lower(s);
    // Postfix also writes "connect to mx.example.jp[192.0.2.1]:25: Connection timed out".
    for lead in ["host ", "server ", "mta ", "connect to "] {
        let mut from = 0;
        while let Some(p) = lc.get(from..).and_then(|t| text::find(t, lead)) {
            let start = from + p + lead.len();
            from = start;
            let word: String = lc[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            let word = word.trim_end_matches('.');
            if is_internet_host(word) {
                return Some(word.to_string());
            }
        }
    }
    None
}

/// A plausible internet host name: dotted labels, a top-level label of letters.
fn is_internet_host(s: &str) -> bool {
    if s.len() < 4 || s.len() > 255 || !s.contains('.') {
        return false;
    }
    let Some(tld) = s.rsplit('.').next() else {
        return false;
    };
    tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !s.split('.').any(str::is_empty)
}

/// Cleans a host value: `[1.2.3.4]`, `(comments)`, a trailing dot, an address's domain.
fn tidy_host(h: &str) -> String {
    let mut v = h.trim().to_string();
    if let Some((_, d)) = v.rsplit_once('@') {
        v = d.to_string();
    }
    v.retain(|c| !matches!(c, '(' | ')' | '[' | ']' | '\r'));
    if let Some((_, r)) = v.split_once('=') {
        v = r.to_string();
    }
    if v.contains(' ') {
        let first_host = v.split(' ').find(|w| !is_ipv4(w)).unwrap_or("").to_string();
        v = if first_host.is_empty() {
            v.split(' ').next().unwrap_or("").to_string()
        } else {
            first_host
        };
    }
    v.trim_end_matches('.').to_ascii_lowercase()
}

pub(crate) fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

/// The rejecting server's IP: the remote host itself when it is an address, or the address
/// written next to its name ("mx.example.jp[192.0.2.1]", "mx.example.jp (192.0.2.1)").
fn remote_ip(rhost: &str, raw: &str) -> Option<String> {
    if is_ipv4(rhost) || (rhost.contains(':') && rhost.parse::<std::net::Ipv6Addr>().is_ok()) {
        return Some(rhost.to_string());
    }
    if rhost.is_empty() {
        return None;
    }
    let lc = text::lower(raw);
    let p = text::find(&lc, rhost)? + rhost.len();
    let rest = lc.get(p..)?.trim_start();
    let rest = rest
        .strip_prefix('[')
        .or_else(|| rest.strip_prefix('('))?
        .trim_start();
    let rest = rest.strip_prefix("ipv6:").unwrap_or(rest);
    let ip: String = rest
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':'))
        .collect();
    if is_ipv4(&ip) || (ip.contains(':') && ip.parse::<std::net::Ipv6Addr>().is_ok()) {
        Some(ip)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sender_domain_in_the_receivers_words() {
        for (text, want) in [
            (
                "550-5.7.26 Unauthenticated email from Example.NET is not accepted due to",
                Some("example.net"),
            ),
            // Gmail's lines broken after "of", the codes of the next line in between.
            (
                "domain's DMARC policy. Please contact the administrator of 550-5.7.26 \
                 example.net domain if this was a legitimate mail.",
                Some("example.net"),
            ),
            (
                "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC",
                Some("example.net"),
            ),
            (
                "Your message was rejected due to example.net's DMARC policy.",
                Some("example.net"),
            ),
            // Not a domain, or not followed by the rule's words.
            ("sending domain of your message does not pass DMARC", None),
            ("sending domain [192.0.2.1] does not pass DMARC", None),
            ("sending domain [example.net does not pass", None),
            ("Unauthenticated email from example.net.", None),
            ("550 5.1.1 <hanako@example.com>: user unknown", None),
        ] {
            assert_eq!(sender_named(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn expired_keeps_a_reported_failure() {
        for (reported, want) in [
            ("failed", "failed"),
            ("delayed", "delayed"),
            ("", "delayed"),
        ] {
            let mut f = Fact {
                action: reported.into(),
                status: "4.4.1".into(),
                reason: Some(Reason::Expired),
                ..Fact::default()
            };
            finish(&mut f);
            assert_eq!(f.action, want, "reported {reported:?}");
        }
    }
}
