//! QUALITIA Active!hunter: an `X-AHMailID` header and a Sendmail-like text.
//!
//! ```text
//!   ----- The following addresses had permanent fatal errors -----
//!
//! >>> kijitora@example.org <kijitora@example.org>
//!
//!   ----- Transcript of session follows -----
//! 550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::ORIGINAL_BOUNDARIES;
use crate::{address, text};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.has_header("x-ahmailid") {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading =
                line.starts_with("  ----- The following addresses had permanent fatal errors");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix(">>> ") {
            if let Some(a) = address::find(rest) {
                deliveries.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
                continue;
            }
        }
        // The first line of the transcript that starts with a digit or a letter.
        let Some(v) = deliveries.last_mut() else {
            continue;
        };
        if v.diagnosis.is_empty() && line.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            v.diagnosis = line.to_string();
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
