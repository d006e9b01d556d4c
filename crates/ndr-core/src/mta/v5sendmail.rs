//! Sendmail version 5 and other old Sendmails: "Returned mail: ..." with a session transcript
//! and the original after "----- Unsent message follows -----", no delivery report.
//!
//! ```text
//!    ----- Transcript of session follows -----
//! While talking to smtp.example.com:
//! >>> RCPT To:<kijitora@example.org>
//! <<< 550 <kijitora@example.org>, User Unknown
//! 550 <kijitora@example.org>... User unknown
//! ```
//! Source: sendmail 5 `savemail.c`.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{command, reply};
use crate::{address, text};

const BOUNDARIES: &[&str] = &[
    "   ----- Unsent message follows -----",
    "  ----- No message was collected -----",
];

/// The host of "While talking to mx.example.jp:".
fn talking_to(line: &str) -> Option<String> {
    let rest = line.split_once("While talking to ")?.1;
    let host = rest.trim().trim_end_matches(':').trim_end_matches('.');
    (host.contains('.') && !host.contains(' ')).then(|| host.to_string())
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.subject().starts_with("Returned mail: ") {
        return None;
    }
    let body = mail.body.as_str();
    let cut = BOUNDARIES.iter().filter_map(|b| body.find(b)).min()?;
    let head = &body[..cut];
    let original = body[cut..]
        .split_once('\n')
        .map_or("", |(_, rest)| rest.trim_start_matches('\n'));

    let mut deliveries: Vec<Delivery> = Vec::new();
    // Lines that are neither transcript nor a recipient's own; used when nothing else says more.
    let mut others = String::new();
    // Transcript lines before the first recipient is named ("<<< 550 Insecure Mail Relay").
    let mut pending = String::new();
    let mut remote = String::new();
    let mut the_command = String::new();
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.contains("----- Transcript of session follows -----");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix(">>> ") {
            the_command = command::find(rest);
        }
        let rcpt_line = line.to_ascii_uppercase().contains(">>> RCPT TO:");
        let names_rcpt = text::aligned(line, &[" <", "@", ">..."]) || rcpt_line;
        if names_rcpt {
            if remote.is_empty() {
                others.push(' ');
                others.push_str(line);
                continue;
            }
            let addr = address::find(line).unwrap_or_default();
            let same = deliveries.last().is_some_and(|d| d.recipient == addr);
            let mail_reply = the_command == "MAIL" && line.starts_with("<<< ");
            if (same || mail_reply) && !deliveries.is_empty() {
                let v = deliveries.last_mut().expect("checked");
                v.diagnosis.push(' ');
                v.diagnosis.push_str(line);
            } else {
                deliveries.push(Delivery {
                    recipient: addr,
                    rhost: remote.clone(),
                    command: the_command.clone(),
                    diagnosis: if rcpt_line {
                        std::mem::take(&mut pending)
                    } else {
                        format!("{} {line}", std::mem::take(&mut pending))
                    },
                    ..Delivery::default()
                });
            }
        } else if let Some(host) = talking_to(line) {
            remote = host;
        } else if line.starts_with(">>> ") || line.starts_with("<<< ") {
            if let Some(v) = deliveries.last_mut() {
                v.diagnosis.push(' ');
                v.diagnosis.push_str(line);
            } else {
                pending.push(' ');
                pending.push_str(line);
            }
        } else {
            others.push(' ');
            others.push_str(line);
        }
    }
    deliveries.retain(|d| address::is_email(&d.recipient));
    if deliveries.is_empty() {
        // No transcript naming a recipient: the other lines, or the returned message's To:.
        let addr = address::find(&others).or_else(|| {
            original
                .lines()
                .take_while(|l| !l.is_empty())
                .find_map(|l| l.strip_prefix("To:").and_then(address::find))
        })?;
        deliveries.push(Delivery {
            recipient: addr,
            rhost: remote.clone(),
            diagnosis: format!("{pending} {others}"),
            ..Delivery::default()
        });
    }
    for e in &mut deliveries {
        if e.diagnosis.trim().is_empty() {
            e.diagnosis = format!("{pending} {others}");
        }
        if e.command.is_empty() {
            e.command = command::find(&e.diagnosis);
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        e.reply_code = reply::find(&e.diagnosis, "");
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
