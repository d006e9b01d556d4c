//! OpenSMTPD bounces: "Delivery status notification" from "Mailer Daemon".
//!
//! ```text
//!     Hi!
//!
//!     This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
//!
//!     An error has occurred while attempting to deliver a message for
//!     the following list of recipients:
//!
//! kijitora@example.jp: 550 5.2.2 <kijitora@example.jp>... Mailbox Full
//!
//!     Below is a copy of the original message:
//! ```
//! Source: OpenSMTPD `smtpd/bounce.c`, `smtpd/mta.c`, `smtpd/queue.c`.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::text;
use crate::Reason::{self, *};

/// OpenSMTPD's own failure strings (mta.c, queue.c).
const MESSAGES: &[(Reason, &[&str])] = &[
    (Expired, &["Envelope expired"]),
    (SecurityError, &["Could not retrieve credentials"]),
    (
        HostUnknown,
        &["Invalid domain name", "Domain does not exist"],
    ),
    (
        NetworkError,
        &[
            "Address family mismatch on destination MXs",
            "All routes to destination blocked",
            "bad DNS lookup error code",
            "Could not retrieve source address",
            "Loop detected",
            "Network error on destination MXs",
            "No valid route to remote MX",
            "No valid route to destination",
            "Temporary failure in MX lookup",
        ],
    ),
    (
        NotAccept,
        &[
            "Destination seem to reject all mails",
            "No MX found for domain",
            "No MX found for destination",
        ],
    ),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let hit = mail.subject().contains("Delivery status notification")
        || mail.from().contains("Mailer Daemon <")
        || mail
            .headers_named("received")
            .any(|r| r.contains(" (OpenSMTPD) with "));
    if !hit {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["    Below is a copy of the original message:"],
    );
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading =
                line.starts_with("    This is the MAILER-DAEMON, please DO NOT REPLY to this");
            continue;
        }
        if !text::aligned(line, &["@", " "]) || line.starts_with(' ') {
            continue;
        }
        // kijitora@example.jp: 550 5.2.2 <kijitora@example.jp>... Mailbox Full
        let (rcpt, diag) = line.split_once(':').unwrap_or((line, ""));
        deliveries.push(Delivery {
            recipient: rcpt.trim().to_string(),
            diagnosis: text::sweep(diag.strip_prefix(' ').unwrap_or(diag)),
            ..Delivery::default()
        });
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
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
