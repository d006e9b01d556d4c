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
    if !is_kddi(mail) && !mail.pasted_with(&["Your mail sent on:"]) {
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
        let to = super::first_header(original, "to");
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

/// au's older EZweb gateway ("Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp).
///
/// ```text
/// The user(s) account is disabled.
///
/// <***@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)
/// ```
const EZWEB_MESSAGES: &[(Reason, &[&str])] = &[
    // Your message was not delivered within 0 days and 1 hours. Remote host is not responding.
    (Expired, &["Your message was not delivered within "]),
    (
        MailboxFull,
        &["The user(s) account is temporarily over quota"],
    ),
    (
        OnHold,
        &["Each of the following recipients was rejected by a remote mail server"],
    ),
    (
        Suspend,
        &[
            "The user(s) account is disabled.",
            "The user(s) account is temporarily limited.",
        ],
    ),
];

fn is_ezweb(mail: &Mail) -> bool {
    let from = mail.from();
    let mid = mail.header("message-id");
    let votes = [
        from.contains("Postmaster@ezweb.ne.jp"),
        from.contains("Postmaster@au.com"),
        mail.subject() == "Mail System Error - Returned Mail",
        mail.headers_named("received")
            .any(|r| r.contains("ezweb.ne.jp (EZweb Mail) with") || r.contains(".au.com (")),
        mid.contains(".ezweb.ne.jp>"),
        mid.contains(".au.com>"),
    ];
    votes.iter().filter(|v| **v).count() >= 2
}

pub(crate) fn ezweb(mail: &Mail) -> Option<Rising> {
    if !is_ezweb(mail) {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &[
            "--------------------------------------------------",
            "Content-Type: message/rfc822",
        ],
    );
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = text::starts_with_any(
                line,
                &[
                    "The user(s) ",
                    "Your message ",
                    "Each of the following",
                    "<",
                ],
            );
        }
        if !reading || line.is_empty() {
            continue;
        }
        if text::aligned(line, &["<", "@", ">"])
            && (line.find("Recipient: <").is_some_and(|p| p > 1) || line.starts_with('<'))
        {
            //    Recipient: <******@ezweb.ne.jp>  or  <***@ezweb.ne.jp>: 550 user unknown
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("pushed");
            v.recipient = text::between(line, "<", ">")
                .and_then(address::find)
                .unwrap_or_default();
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
            recipients += 1;
            continue;
        }
        let v = deliveries.last_mut().expect("never empty");
        if let Some(f) = crate::dsn::field(line) {
            v.set_field(f.name, &f.value);
        } else if line.is_ascii() {
            if line.contains(" >>> ") {
                v.command = command::find(line);
            }
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.command.is_empty() {
            e.command = command::find(&e.diagnosis);
        }
        if mail.header("x-spasign") == "NG" {
            e.reason = Some(Filtered);
        } else {
            e.reason = EZWEB_MESSAGES
                .iter()
                .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                .map(|(r, _)| *r);
        }
        if e.reason.is_none()
            && !e.recipient.contains("@ezweb.ne.jp")
            && !e.recipient.contains("@au.com")
            && e.diagnosis.starts_with('<')
        {
            e.reason = Some(UserUnknown);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
