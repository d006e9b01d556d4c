//! Trend Micro InterScan Messaging Security Suite.
//!
//! ```text
//! Sent <<< RCPT TO:<kijitora@example.co.jp>
//! Received >>> 550 5.1.1 <kijitora@example.co.jp>... user unknown
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::{address, text, Reason};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let hit = mail.from().starts_with("\"InterScan")
        || mail.header("content-type").contains("InterScan")
        || mail.body.contains(" InterScan ");
    if !hit {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    for line in head.lines().filter(|l| !l.is_empty()) {
        let p1 = line.find(" <<< ");
        let p2 = line.find(" >>> ");
        if line.find('@').is_some_and(|p| p > 1)
            && line.find(" <").is_some_and(|p| p > 1)
            && (p1.is_some_and(|p| p > 1)
                || p2.is_some_and(|p| p > 1)
                || line.contains("Unable to deliver "))
        {
            // Unable to deliver message to <kijitora@neko.example.jp>
            let (Some(p3), Some(p4)) = (line.rfind('<'), line.rfind('>')) else {
                continue;
            };
            let Some(a) = line.get(p3..=p4.max(p3)).and_then(address::find) else {
                continue;
            };
            let v = deliveries.last_mut().expect("never empty");
            if !v.recipient.is_empty() && !a.contains(v.recipient.as_str()) {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("never empty");
            if line.contains("Unable to deliver ") {
                v.diagnosis = line.to_string();
            }
            v.recipient = a;
            recipients = deliveries.len();
        }
        let v = deliveries.last_mut().expect("never empty");
        if line.starts_with("Sent <<< ") {
            v.command = command::find(line);
        } else if let Some(r) = line.strip_prefix("Received >>> ") {
            v.diagnosis = r.to_string();
        } else if p1.is_some() || p2.is_some() {
            // Messages in other languages use the same arrows.
            if p2.is_some() {
                v.command = command::find(line);
            }
            if let Some(p) = line.find("<<<") {
                v.diagnosis = line[p + 3..].to_string();
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.diagnosis.contains("Unable to deliver") {
            e.reason = Some(Reason::UserUnknown);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
