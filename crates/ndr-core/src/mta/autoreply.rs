//! Automatic replies (RFC 3834: out-of-office, vacation). Not a bounce; the reason is
//! `vacation`, and the "recipient" is the person whose auto-reply this is.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text, Reason};

/// Header values that mark an automatic reply (the IANA Auto-Submitted registry, RFC 3834,
/// and the headers of common responders).
const AUTO_REPLY: &[(&str, &[&str])] = &[
    (
        "auto-submitted",
        &["auto-generated", "auto-replied", "auto-notified"],
    ),
    ("precedence", &["auto_reply"]),
    (
        "subject",
        &[
            "auto:",
            "auto response:",
            "automatic reply:",
            "out of office:",
            "out of the office:",
        ],
    ),
    ("x-apple-action", &["vacation"]),
];

/// Automatic messages that are neither bounces nor replies from a person's mailbox.
const NOT_REPLIES: &[(&str, &[&str])] = &[
    ("from", &["root@", "postmaster@", "mailer-daemon@"]),
    ("to", &["root@"]),
    ("subject", &["security information for", "mail failure -"]),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let value = |name: &str| text::lower(mail.header(name));
    if NOT_REPLIES
        .iter()
        .any(|(h, v)| text::contains_any(&value(h), v))
    {
        return None;
    }
    if !AUTO_REPLY
        .iter()
        .any(|(h, v)| text::starts_with_any(&value(h), v))
    {
        return None;
    }
    let recipient = ["from", "return-path"]
        .iter()
        .find_map(|h| address::find(mail.header(h)))?;
    let lines: Vec<&str> = mail.body.lines().filter(|l| !l.trim().is_empty()).collect();
    let diagnosis = if lines.len() < 5 {
        text::sweep(&lines.join(" "))
    } else {
        text::sweep(
            &lines
                .iter()
                .filter(|l| !l.starts_with("--"))
                .copied()
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let mut rfc822 = String::new();
    let subject = mail.subject();
    if let Some(p) = subject.find(": ") {
        if text::contains_any(&value("subject"), AUTO_REPLY[2].1) {
            rfc822.push_str(&format!("Subject: {}\n", text::sweep(&subject[p + 2..])));
        }
    }
    rfc822.push_str(&format!("To: <{recipient}>\n"));
    let d = Delivery {
        recipient,
        diagnosis,
        reason: Some(Reason::Vacation),
        ..Delivery::default()
    };
    Some(Rising {
        deliveries: vec![d],
        rfc822,
    })
}
