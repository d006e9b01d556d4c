//! au by KDDI (ezweb.ne.jp, au.com) and au one net bounces.
//!
//! ```text
//! Your mail sent on: Thu, 29 Apr 2010 11:04:47 +0900
//!     Could not be delivered to: <******@**.***.**>
//!     As their mailbox is full.
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[
    (MailboxFull, &["As their mailbox is full"]),
    (NoRelaying, &["Due to the following SMTP relay error"]),
    (HostUnknown, &["As the remote domain doesnt exist"]),
];

fn is_kddi(mail: &Mail) -> bool {
    text::contains_any(mail.from(), &["no-reply@.", ".dion.ne.jp"])
        || mail
            .header("reply-to")
            .contains("no-reply@app.auone-net.jp")
        || mail
            .headers_named("received")
            .any(|r| r.contains("ezweb.ne.jp (") || r.contains(".au.com ("))
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !is_kddi(mail) {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Your mail sent on:");
        }
        if !reading || line.is_empty() {
            continue;
        }
        if line.contains(" Could not be delivered to: <") {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            if let Some(a) = text::between(line, ": <", ">").filter(|a| address::is_email(a)) {
                deliveries.last_mut().expect("pushed").recipient = a.to_string();
                recipients += 1;
            }
        } else if line.starts_with(' ') {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
        }
    }
    // The notice names no address when the mailbox is full; the returned message does.
    if recipients == 0 {
        let to = super::header(&super::parse_headers(original), "to").to_string();
        let a = address::find(&to)?;
        let v = &mut deliveries[0];
        v.recipient = a;
        v.diagnosis = text::sweep(head);
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        e.command = command::find(&e.diagnosis);
        if mail.header("x-spasign") == "NG" {
            // au's spam filter ("spamghetti") marks what it filtered.
            e.reason = Some(Filtered);
        } else if e.command == "RCPT" {
            e.reason = Some(UserUnknown);
        } else {
            e.reason = MESSAGES
                .iter()
                .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                .map(|(r, _)| *r);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
