//! Mimecast: "[Postmaster] Email Delivery Failure", with "-- " lines for the recipients and
//! the explanation, and sometimes a delivery report.
//!
//! ```text
//! An email that you attempted to send to the following address could not be delivered:
//! -- sotoneko@cat.example.com
//!
//! The problem appears to be :
//! -- Recipient email address is possibly incorrect
//!
//! Additional information follows :
//! -- 5.4.1 Recipient address rejected: Access denied.
//! ```

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, dsn, text};

const PASTED: &str = "An email that you attempted to send to the following address";

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_header = mail.subject().contains("Email Delivery Failure")
        || mail.header("message-id").ends_with(".mimecast.lan>");
    if !by_header && !mail.pasted_with(&[PASTED]) {
        return None;
    }
    let (head, original) = super::split_original(&mail.body, dsn::ORIGINAL_BOUNDARIES);
    let mut listed: Vec<Delivery> = Vec::new();
    for line in head.lines() {
        let Some(rest) = line.trim_end().strip_prefix("-- ") else {
            continue;
        };
        if !rest.contains(' ') && address::is_email(rest.trim_matches(['<', '>'])) {
            listed.push(Delivery {
                recipient: rest.trim_matches(['<', '>']).to_string(),
                ..Delivery::default()
            });
        } else if let Some(v) = listed.last_mut() {
            v.diagnosis.push_str(rest);
            v.diagnosis.push(' ');
        }
    }
    if listed.is_empty() {
        return None;
    }
    let mut rising = match dsn::inquire(mail) {
        Some(r) if !r.deliveries.is_empty() => r,
        _ => Rising {
            deliveries: listed.clone(),
            rfc822: original.to_string(),
        },
    };
    for e in &mut rising.deliveries {
        if e.diagnosis.trim().is_empty() {
            if let Some(l) = listed.iter().find(|l| l.recipient == e.recipient) {
                e.diagnosis = l.diagnosis.clone();
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
    }
    Some(rising)
}
