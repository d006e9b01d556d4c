//! Trustwave MailMarshal (Secure Email Gateway): `Undeliverable Mail: "<subject>"`.
//!
//! ```text
//! Your message:
//!    From:    sender@example.com
//!    Subject: ...
//!
//! Could not be delivered because of
//!
//! 550 5.1.1 User unknown
//!
//! The following recipients were affected:
//!     kijitora@example.com
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::ORIGINAL_BOUNDARIES;
use crate::{address, text};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_subject = mail.subject().starts_with("Undeliverable Mail: \"");
    let pasted = mail.headers.is_empty()
        && mail.body.contains("Could not be delivered because of")
        && mail
            .body
            .contains("The following recipients were affected:");
    if !by_subject && !pasted {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    let head = head
        .split("'++++++++++++++++++++++++++++++++")
        .next()
        .unwrap_or(head);
    let mut reading = false;
    let mut in_error = false;
    let mut in_recipients = false;
    let mut diagnosis = String::new();
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut rhost = String::new();
    let mut lhost = String::new();
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with("Your message:");
            continue;
        }
        if line == "Could not be delivered because of" {
            in_error = true;
            diagnosis = line.to_string();
            continue;
        }
        if line.starts_with("The following recipients were affected:") {
            in_error = false;
            in_recipients = true;
            continue;
        }
        if in_recipients && line.starts_with("    ") && line.contains('@') {
            if let Some(a) = address::find(line) {
                deliveries.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
            }
            continue;
        }
        if in_error {
            diagnosis.push(' ');
            diagnosis.push_str(line);
            continue;
        }
        if !line.is_empty() {
            in_recipients = false;
        }
        if let Some(v) = text::field_value(line, "Reporting-MTA") {
            rhost = v.trim_matches(|c| c == '<' || c == '>').to_string();
        } else if let Some(v) = text::field_value(line, "Sender-MTA") {
            lhost = v.trim_matches(|c| c == '<' || c == '>').to_string();
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&diagnosis);
        e.rhost = rhost.clone();
        e.lhost = lhost.clone();
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
