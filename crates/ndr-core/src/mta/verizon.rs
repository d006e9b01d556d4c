//! Verizon Wireless (vtext.com text messaging and vzwpix.com picture messaging) gateways.
//!
//! ```text
//! Message could not be delivered to mobile.
//! Error: No valid recipients for this MM
//! ```

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text, Reason};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let from = mail.from();
    if !(from.contains("post_master@vtext.com")
        || text::aligned(from, &["sysadmin@", ".vzwpix.com"]))
    {
        return None;
    }
    let mut body = mail.body.clone();
    let details = body.contains("Message details:");
    if details {
        // Message details:
        //   Sent date: ...
        //   MAIL FROM: sender@example.org
        //   RCPT TO: recipient@vtext.com
        body = body
            .replacen("Sent date: ", "Date: ", 1)
            .replacen("MAIL FROM: ", "Return-Path: ", 1)
            .replacen("RCPT TO: ", "To: ", 1);
    }
    let (head, original) = super::split_original(&body, &["Original Message:", "Message details:"]);
    let mut diagnosis = String::new();
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Error: ");
        }
        if reading && !line.is_empty() {
            diagnosis.push_str(line);
        }
    }
    let original = if details {
        original.replace("\n  ", "\n")
    } else {
        original.to_string()
    };
    let original = original.trim_start_matches(' ').to_string();
    let to = super::first_header(&original, "to");
    let recipient = address::find(&to)?;
    let diagnosis = text::sweep(&diagnosis);
    let reason = text::contains_any(
        &diagnosis,
        &[
            "550 - Requested action not taken: no such user here",
            "No valid recipients",
        ],
    )
    .then_some(Reason::UserUnknown);
    Some(Rising {
        deliveries: vec![Delivery {
            recipient,
            diagnosis,
            reason,
            ..Delivery::default()
        }],
        rfc822: original,
    })
}
