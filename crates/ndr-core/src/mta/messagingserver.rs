//! Sun Java System / Oracle Communications Messaging Server (iPlanet): a text part that repeats
//! the returned message's header fields, then per recipient:
//!
//! ```text
//! Your message cannot be delivered to the following recipients:
//!
//!   Recipient address: kijitora@example.jp
//!   Reason: Remote SMTP server has rejected address
//!   Diagnostic code: smtp;550 5.1.1 <kijitora@example.jp>... User Unknown
//!   Remote system: dns;mx.example.jp (TCP|192.0.2.1|47323|192.0.2.225|25) (mx ESMTP)
//! ```
//! followed by an RFC 3464 report. The text part alone (a paste) is read as well.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, ORIGINAL_BOUNDARIES};
use crate::smtp::{reply, status};
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[(HostUnknown, &["Illegal host/domain name found"])];

const START: &str = "This report relates to a message you sent with the following header fields:";

/// The server's own reasons on a recipient's "Reason:" line, by which a paste of the recipient
/// block alone, without `START` (a forum post: "Recipient address: ..." and "Reason: SMTP
/// transmission failure has occurred"), is still its report. The first is its refusal of the
/// address, the second of the message in transmission (with "Diagnostic code: smtp;552 5.7.0
/// Illegal Attachment" and "smtp;554 5.3.0 ..." in the notices quoted on the web), so it names
/// the DATA step. iCloud Mail's notices have this form.
const RCPT_REASON: &str = "Remote SMTP server has rejected address";
const DATA_REASON: &str = "SMTP transmission failure has occurred";

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_header = mail.header("content-type").contains("Boundary_(ID_")
        || mail.subject().starts_with("Delivery Notification: ");
    let block_only = !by_header
        && mail.headers.is_empty()
        && !crate::text::contains(&mail.body, START)
        && crate::text::contains(&mail.body, "Recipient address:")
        && text::contains_any(&mail.body, &[RCPT_REASON, DATA_REASON]);
    if !by_header && !block_only && !crate::text::contains(&mail.body, START) {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    let mut listed: Vec<Delivery> = Vec::new();
    let mut reading = block_only;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with(START);
            continue;
        }
        if line.starts_with("Content-Type: ") {
            break;
        }
        let t = line.trim_start();
        if let Some(v) = t.strip_prefix("Recipient address:") {
            // A source route ("@relay:user@host") is not usable; the Original address follows.
            let v = v.trim();
            listed.push(Delivery {
                // A paste of the block alone may hide the address ("メアド", "xxx@xxx").
                recipient: if address::is_email(v) || (block_only && address::is_redacted(v)) {
                    v.to_string()
                } else {
                    String::new()
                },
                ..Delivery::default()
            });
            continue;
        }
        if let Some(v) = t.strip_prefix("Original address:") {
            let v = v.trim();
            if !address::is_email(v) {
                continue;
            }
            match listed.last_mut() {
                Some(d) if d.recipient.is_empty() => d.recipient = v.to_string(),
                Some(d) => d.alias = v.to_string(),
                None => listed.push(Delivery {
                    recipient: v.to_string(),
                    ..Delivery::default()
                }),
            }
            continue;
        }
        let Some(v) = listed.last_mut() else { continue };
        if let Some(r) = t.strip_prefix("Reason:") {
            if v.diagnosis.is_empty() {
                v.diagnosis = r.trim().to_string();
            }
            if block_only && v.command.is_empty() {
                let r = r.trim();
                if r.starts_with(DATA_REASON) {
                    v.command = "DATA".into();
                } else if r.starts_with(RCPT_REASON) {
                    v.command = "RCPT".into();
                }
            }
        } else if let Some(d) = t.strip_prefix("Diagnostic code:") {
            let d = d.trim();
            let (spec, d) = match d.split_once(';') {
                Some((s, rest)) if !s.contains(' ') => (s.trim().to_ascii_uppercase(), rest.trim()),
                _ => (String::new(), d),
            };
            v.spec = spec;
            v.reply_code = reply::find(d, "");
            v.status = status::find(d, &v.reply_code);
            v.diagnosis = d.to_string();
        } else if let Some(r) = t.strip_prefix("Remote system:") {
            // dns;mx.example.jp (TCP|192.0.2.1|47323|192.0.2.225|25) (...)
            let r = r.trim();
            let r = r.split_once(';').map_or(r, |(_, h)| h);
            let host = r.split_whitespace().next().unwrap_or("");
            v.rhost = host.to_string();
            // (TCP|source address|source port|remote address|remote port)
            if let Some(inner) = text::between(r, "(TCP|", ")") {
                let parts: Vec<&str> = inner.split('|').collect();
                if parts.len() == 4 {
                    v.rhost_ip = parts[2].to_string();
                    if !host.contains('.') || host.ends_with('.') {
                        v.rhost = parts[2].to_string();
                    }
                }
            }
        }
    }
    listed.retain(|d| !d.recipient.is_empty());

    let mut rising = match dsn::inquire(mail) {
        Some(r) if !r.deliveries.is_empty() => r,
        _ => Rising {
            deliveries: listed.clone(),
            rfc822: original.to_string(),
        },
    };
    if rising.deliveries.is_empty() {
        return None;
    }
    for e in &mut rising.deliveries {
        let l = listed.iter().find(|l| {
            l.recipient == e.recipient
                || l.recipient == e.alias
                || (!l.alias.is_empty() && l.alias == e.recipient)
        });
        if let Some(l) = l {
            if e.diagnosis.trim().is_empty() {
                e.diagnosis = l.diagnosis.clone();
            }
            if e.rhost.is_empty() {
                e.rhost = l.rhost.clone();
            }
            if e.rhost_ip.is_empty() {
                e.rhost_ip = l.rhost_ip.clone();
            }
            if e.reply_code.is_empty() {
                e.reply_code = l.reply_code.clone();
            }
            if e.status.is_empty() {
                e.status = l.status.clone();
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.reason.is_none() {
            e.reason = MESSAGES
                .iter()
                .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                .map(|(r, _)| *r);
        }
    }
    Some(rising)
}
