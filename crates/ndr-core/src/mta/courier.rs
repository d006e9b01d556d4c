//! The Courier mail server: "NOTICE: mail delivery status." with a text part that lists the
//! recipients and the SMTP exchange (`>>> RCPT TO:<...>`, `<<< 550 ...`), and an RFC 3464 report.
//!
//! ```text
//!                           UNDELIVERABLE MAIL
//!
//! Your message to the following recipients cannot be delivered:
//!
//! <kijitora@example.co.jp>:
//!    mx.example.co.jp [192.0.2.95]:
//! >>> RCPT TO:<kijitora@example.co.jp>
//! <<< 550 5.1.1 <kijitora@example.co.jp>... User Unknown
//! ```
//! Source: courier `module.esmtp/esmtpclient.c`, `module.dsn/dsn*.txt`.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, ORIGINAL_BOUNDARIES};
use crate::smtp::command;
use crate::Reason::{self, *};
use crate::{address, text};

/// Courier's own messages for failures it found before any SMTP reply.
const MESSAGES: &[(Reason, &[&str])] = &[
    (HostUnknown, &["No such domain."]),
    (SystemError, &["This domain's DNS violates RFC 1035."]),
    (NetworkError, &["DNS lookup failed."]),
];

const STARTS: &[&str] = &["DELAYS IN DELIVERING YOUR MESSAGE", "UNDELIVERABLE MAIL"];

fn is_courier(mail: &Mail) -> bool {
    mail.from().contains("Courier mail server at ")
        || mail.subject().contains("NOTICE: mail delivery status.")
        || mail.subject().contains("WARNING: delayed mail.")
        || mail.header("message-id").starts_with("<courier.")
        || mail.body.contains("running the Courier mail server")
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !is_courier(mail) {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    // The text part: recipients, the host talked to, and the exchange with it.
    let mut listed: Vec<Delivery> = Vec::new();
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = STARTS.iter().any(|s| line.trim() == *s);
            continue;
        }
        if line.starts_with("Content-Type: ") || line.starts_with("-----") {
            if !listed.is_empty() {
                break;
            }
            continue;
        }
        if line.starts_with('<') && line.ends_with(">:") {
            if let Some(a) = address::find(line) {
                listed.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
            }
            continue;
        }
        let Some(v) = listed.last_mut() else { continue };
        if let Some(rest) = line.strip_prefix(">>> ") {
            v.command = command::find(rest);
        } else if let Some(rest) = line.strip_prefix("<<< ") {
            v.diagnosis.push_str(rest);
            v.diagnosis.push(' ');
        } else if line.starts_with("   ") && line.ends_with("]:") && v.rhost.is_empty() {
            //    mx.example.co.jp [192.0.2.95]:
            v.rhost = line.split_whitespace().next().unwrap_or("").to_string();
            v.rhost_ip = text::between(line, "[", "]").unwrap_or("").to_string();
        }
    }
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
        if let Some(l) = listed.iter().find(|l| l.recipient == e.recipient) {
            if e.command.is_empty() {
                e.command = l.command.clone();
            }
            if e.rhost.is_empty() {
                e.rhost = l.rhost.clone();
            }
            if e.rhost_ip.is_empty() && e.rhost.eq_ignore_ascii_case(&l.rhost) {
                e.rhost_ip = l.rhost_ip.clone();
            }
            if e.diagnosis.trim().is_empty() {
                e.diagnosis = l.diagnosis.clone();
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
