//! Zoho Mail bounces.
//!
//! ```text
//! This message was created automatically by mail delivery software.
//! A message that you sent could not be delivered to one or more of its recipients. This is a permanent error.
//!
//! kijitora@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <kijitora@example.co.jp>... User Unknown
//! ```

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text, Reason};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.has_header("x-zohomail") {
        return None;
    }
    let body = mail.body.as_str();
    let (head, original) = match body.find("\n\nReceived:") {
        Some(p) => (&body[..p], &body[p + 2..]),
        None => (body, ""),
    };
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("This message was created automatically by mail delivery");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if text::aligned(line, &["@", " ", "ERROR_CODE :"]) || line.starts_with("[Status: ") {
            // [Status: Error, Address: <kijitora@example.co.jp>, ResponseCode 421, , Host not reachable.]
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("pushed");
            v.recipient = address::find(line).unwrap_or_default();
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
            recipients += 1;
        } else if !line.starts_with("-----") {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.diagnosis.contains("Host not reachable") {
            e.reason = Some(Reason::Expired);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
