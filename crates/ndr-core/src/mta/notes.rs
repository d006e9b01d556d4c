//! HCL (formerly IBM, Lotus) Notes: "Undeliverable message".
//!
//! ```text
//! ------- Failure Reasons  --------
//!
//! User not listed in public Name & Address Book
//! kijitora@notes.example.jp
//!
//! ------- Returned Message --------
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[
    (NetworkError, &["Message has exceeded maximum hop count"]),
    (
        UserUnknown,
        &[
            "User not listed in public Name & Address Book",
            "ディレクトリのリストにありません",
        ],
    ),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_subject = mail.subject().starts_with("Undeliverable message");
    let pasted = mail.headers.is_empty() && mail.body.contains("------- Failure Reasons ");
    if !by_subject && !pasted {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["------- Returned Message --------"]);
    let mut deliveries = vec![Delivery::default()];
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with("------- Failure Reasons ");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if line.contains('@') && !line.contains(' ') && address::is_email(line) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("never empty").recipient = line.to_string();
        } else if !line.starts_with('-') {
            // Each block is the reason, then the address it applies to.
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        }
    }
    if deliveries[0].recipient.is_empty() {
        // The recipient from the returned message's To: field.
        let to = original
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .find_map(|l| l.strip_prefix("To:").and_then(address::find))?;
        deliveries[0].recipient = to;
    }
    deliveries.retain(|d| !d.recipient.is_empty());
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
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
