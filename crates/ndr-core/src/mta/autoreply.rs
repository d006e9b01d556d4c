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
            // Outlook and Exchange in Japanese call the feature 自動応答 ("automatic reply") and
            // put that word before the subject; other Japanese responders write 自動返信 or
            // 不在 ("away"), with an ASCII or a full-width colon, or in 【】 brackets.
            // https://support.office.com/ja-jp/article/-%E3%82%AA%E3%83%97%E3%82%B7%E3%83%A7%E3%83%B3-%E3%80%81-%E8%87%AA%E5%8B%95%E5%BF%9C%E7%AD%94-ab8d5104-a5ab-4785-9f0f-04eb923e4d86
            "自動応答:",
            "自動応答：",
            "自動返信:",
            "自動返信：",
            "不在:",
            "不在：",
            "不在通知",
            "【自動応答】",
            "【自動返信】",
            "【不在通知】",
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
