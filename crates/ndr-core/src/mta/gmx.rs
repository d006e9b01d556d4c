//! GMX and web.de (1&1) bounces.
//!
//! ```text
//! This message was created automatically by mail delivery software.
//!
//! "shironeko@example.jp":
//! SMTP error from remote server after RCPT command:
//! host: mx.example.jp
//! 5.1.1 <shironeko@example.jp>... User Unknown
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::{address, text, Reason};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.has_header("x-gmx-antispam") {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["--- The header of the original message is following. ---"],
    );
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line
                .starts_with("This message was created automatically by mail delivery software");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if line.find('@').is_some_and(|p| p > 1) && (line.starts_with('"') || line.starts_with('<'))
        {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("pushed").recipient =
                address::find(line.trim_matches(':')).unwrap_or_default();
            recipients += 1;
        } else {
            let v = deliveries.last_mut().expect("never empty");
            if line.starts_with("SMTP error ") {
                v.command = command::find(line);
            } else if let Some(h) = line.strip_prefix("host: ") {
                v.rhost = h.to_string();
            } else {
                v.diagnosis.push_str(line);
                v.diagnosis.push(' ');
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.diagnosis.contains("delivery retry timeout exceeded") {
            e.reason = Some(Reason::Expired);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
