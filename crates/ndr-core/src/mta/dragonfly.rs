//! The DragonFly Mail Agent (dma).
//!
//! ```text
//! This is the DragonFly Mail Agent v0.13 at df.example.jp.
//!
//! There was an error delivering your mail to <kijitora@example.com>.
//!
//! email.example.jp [192.0.2.25] did not like our RCPT TO:
//! 552 5.2.2 <kijitora@example.com>: Recipient address rejected: Mailbox full
//! ```
//! Source: dma `mail.c`, `net.c`, `dma.c` (<https://github.com/corecode/dma>).

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[
    // dma.c: "Could not deliver for the last %d seconds. Giving up."
    (Expired, &["Could not deliver for the last "]),
    // net.c: "DNS lookup failure: host %s not found"
    (HostUnknown, &["DNS lookup failure: host "]),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.subject().contains("Mail delivery failed")
        || !mail
            .headers_named("received")
            .any(|r| r.contains(" (DragonFly Mail Agent"))
    {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["Original message follows.", "Message headers follow"],
    );
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("This is the DragonFly Mail Agent ");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("There was an error delivering your mail to ") {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("pushed").recipient =
                address::find(rest).unwrap_or_default();
            recipients += 1;
        } else {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
            // net.c: "%s [%s] did not like our %s:\n%s"
            if line.contains(" did not like our ") && v.rhost.is_empty() {
                let mut words = line.split(' ');
                let first = words.next().unwrap_or("");
                v.rhost = if first.find('.').is_some_and(|p| p > 1) {
                    first
                } else {
                    words.next().unwrap_or("")
                }
                .trim_matches(|c| c == '[' || c == ']')
                .to_string();
                v.command = command::find(line);
            }
        }
    }
    if recipients == 0 {
        return None;
    }
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
