//! MailFoundry: "Message delivery has failed", `Received: ... (MAILFOUNDRY) id ...`.
//!
//! ```text
//! Unable to deliver message to: <kijitora@example.org>
//! Delivery failed for the following reason:
//! Server mx22.example.org[192.0.2.222] failed with: 550 <kijitora@example.org> No such user here
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::ORIGINAL_BOUNDARIES;
use crate::{address, text};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_header = mail.subject() == "Message delivery has failed"
        && mail
            .headers_named("received")
            .any(|r| r.contains("(MAILFOUNDRY) id"));
    let pasted = mail.headers.is_empty()
        && mail.body.contains("Unable to deliver message to: <")
        && mail
            .body
            .contains("Delivery failed for the following reason:");
    if !by_header && !pasted {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    let mut deliveries: Vec<Delivery> = Vec::new();
    for line in head.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("Unable to deliver message to: ") {
            if let Some(a) = address::find(rest) {
                deliveries.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
            }
            continue;
        }
        let Some(v) = deliveries.last_mut() else {
            continue;
        };
        if line == "Delivery failed for the following reason:" {
            v.diagnosis = line.to_string();
        } else if !v.diagnosis.is_empty() && !line.starts_with('-') {
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
            // Server mx22.example.org[192.0.2.222] failed with: 550 ...
            if let Some(rest) = line.strip_prefix("Server ") {
                if let Some((host, _)) = rest.split_once(" failed with:") {
                    v.rhost = host.split('[').next().unwrap_or("").to_string();
                }
            }
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
