//! 1&1 (1und1, IONOS): "Mail delivery failed: returning message to sender" from
//! `"Mail Delivery System"`.
//!
//! ```text
//! The following address failed:
//!
//! general@example.eu
//!
//! For the following reason:
//!
//! Mail size limit exceeded. For explanation visit
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{command, status};
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[(MesgTooBig, &["Mail size limit exceeded"])];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.from().starts_with("\"Mail Delivery System\"")
        || mail.subject() != "Mail delivery failed: returning message to sender"
    {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["--- The header of the original message is following. ---"],
    );
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut loose = String::new();
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with("This message was created automatically by mail delivery");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let t = line.trim();
        if text::aligned(t, &["@", "."]) && (t.ends_with(':') || !t.contains(' ')) {
            if let Some(a) = address::find(t.trim_end_matches(':')) {
                deliveries.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
                continue;
            }
        }
        match deliveries.last_mut() {
            Some(v) if line.starts_with("For the following reason:") => v.diagnosis = line.into(),
            Some(v) if !v.diagnosis.is_empty() => {
                v.diagnosis.push(' ');
                v.diagnosis.push_str(line);
            }
            _ => {
                // "neko@example.fr:" then "SMTP error from remote server for TEXT command, ..."
                loose.push(' ');
                loose.push_str(line);
            }
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
        if e.diagnosis.is_empty() {
            e.diagnosis = loose.clone();
        }
        e.command = command::find(&e.diagnosis);
        if text::aligned(&e.diagnosis, &["host: ", " reason:"]) {
            // SMTP error from remote server for TEXT command,
            //   host: smtp-in.orange.fr (193.252.22.65)
            //   reason: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]
            e.rhost = text::between(&e.diagnosis, "host: ", " ")
                .unwrap_or("")
                .to_string();
            e.status = status::find(&e.diagnosis, "");
            if e.diagnosis.contains("for TEXT command") {
                e.command = "DATA".into();
            }
            if e.diagnosis.contains("SMTP error") {
                e.spec = "SMTP".into();
            }
        }
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
