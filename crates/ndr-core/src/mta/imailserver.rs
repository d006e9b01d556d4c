//! Ipswitch / Progress IMail Server: "Undeliverable Mail", `X-Mailer: <SMTP32 v8.22>`.
//!
//! ```text
//! Unknown user: kijitora@example.jp
//!
//! Body of message generated response:
//! 550 5.1.1 <kijitora@example.jp>... User Unknown
//!
//! Original message follows.
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[
    (HostUnknown, &["Unknown host"]),
    (
        UserUnknown,
        &["Unknown user", "Invalid final delivery userid"],
    ),
    (MailboxFull, &["User mailbox exceeds allowed size"]),
    (
        VirusDetected,
        &["Requested action not taken: virus detected"],
    ),
    (SpamDetected, &["Blacklisted URL in message"]),
    (Expired, &["Delivery failed "]),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.subject().starts_with("Undeliverable Mail")
        && !mail.header("x-mailer").starts_with("<SMTP32 v")
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Original message follows."]);
    let mut deliveries: Vec<Delivery> = Vec::new();
    // Each "Body of message generated response:" section belongs to the recipients named
    // before it that have none yet; it runs to the next recipient line or section. One
    // response per section, never all of them per recipient: a report of many recipients
    // would otherwise give each one a copy of the whole report (quadratic).
    let mut responses: Vec<String> = Vec::new();
    let mut owner: Vec<Option<usize>> = Vec::new();
    let mut open: Option<String> = None;
    for line in head.lines() {
        let line = line.trim_end();
        // "Unknown user: kijitora@example.jp", "undeliverable to kijitora@example.jp"
        let labelled = line.find(": ").is_some_and(|p| p > 8) && text::aligned(line, &[": ", "@"]);
        if labelled || line.starts_with("undeliverable ") {
            if let Some(a) = address::find(line) {
                close(&mut open, &mut owner, &mut responses);
                deliveries.push(Delivery {
                    recipient: a,
                    diagnosis: line.to_string(),
                    ..Delivery::default()
                });
                owner.push(None);
                continue;
            }
        }
        if line.contains("Body of message generated response:") {
            close(&mut open, &mut owner, &mut responses);
            open = Some(line.to_string());
        } else if let Some(r) = open.as_mut() {
            r.push(' ');
            r.push_str(line);
        }
    }
    close(&mut open, &mut owner, &mut responses);
    if deliveries.is_empty() {
        return None;
    }
    for (e, o) in deliveries.iter_mut().zip(&owner) {
        // A recipient named after the last section shares the one before it.
        let response = o
            .or(responses.len().checked_sub(1))
            .map_or("", |i| responses[i].as_str());
        e.diagnosis = text::sweep(&format!("{response} {}", e.diagnosis));
        e.command = command::find(&e.diagnosis);
        e.reason = MESSAGES
            .iter()
            .find(|(_, m)| text::contains_any(&e.diagnosis, m))
            .map(|(r, _)| *r);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// Ends the open response section: it belongs to every recipient that has none yet.
fn close(open: &mut Option<String>, owner: &mut [Option<usize>], responses: &mut Vec<String>) {
    if let Some(r) = open.take() {
        for o in owner.iter_mut().filter(|o| o.is_none()) {
            *o = Some(responses.len());
        }
        responses.push(r);
    }
}
