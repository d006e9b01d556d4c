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
    let mut response = String::new();
    for line in head.lines() {
        let line = line.trim_end();
        // "Unknown user: kijitora@example.jp", "undeliverable to kijitora@example.jp"
        let labelled = line.find(": ").is_some_and(|p| p > 8) && text::aligned(line, &[": ", "@"]);
        if labelled || line.starts_with("undeliverable ") {
            if let Some(a) = address::find(line) {
                deliveries.push(Delivery {
                    recipient: a,
                    diagnosis: line.to_string(),
                    ..Delivery::default()
                });
                continue;
            }
        }
        if line.contains("Body of message generated response:") {
            response.push_str(line);
        } else if !response.is_empty() {
            response.push(' ');
            response.push_str(line);
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
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
