//! Bounce formats of mail servers nobody has named yet (Sisimai's "X1", "X2", "X3").

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name};
use crate::smtp::command;
use crate::{address, text};

/// "Returned Mail: User unknown"
///
/// ```text
/// The original message was received at Thu, 29 Apr 2011 23:34:45 +0900 (JST)
/// from shironeko@example.co.jp
///
/// ---The following addresses had delivery errors---
///
/// kijitora@example.org [User unknown]
/// ```
pub(crate) fn x1(mail: &Mail) -> Option<Rising> {
    let subject = mail.subject();
    if !(subject.starts_with("Returned Mail: ")
        || subject.starts_with("Mail Delivery Failure")
        || text::aligned(mail.from(), &["\"Mail Deliver", "System\" "]))
    {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["Content-Type: message/rfc822", "Received: from "],
    );
    if head.is_empty() {
        return None;
    }
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("The original message was received at ");
        }
        if !reading || line.is_empty() {
            continue;
        }
        if text::aligned(line, &["@", " [", "]"]) {
            let first = line.split(' ').next().unwrap_or("");
            if !address::is_email(first) {
                continue;
            }
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("pushed");
            v.recipient = first.to_string();
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
            recipients += 1;
        } else {
            let v = deliveries.last_mut().expect("never empty");
            if line.starts_with("---") && line.ends_with("---") {
                v.diagnosis.push('.');
                v.diagnosis.push(' ');
                v.diagnosis.push_str(line.trim_matches('-'));
                v.diagnosis.push(':');
            } else {
                v.diagnosis.push(' ');
                v.diagnosis.push_str(line);
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// "Delivery failure" from MAILER-DAEMON.
///
/// ```text
/// Unable to deliver message to the following address(es).
///
/// <kijitora@example.com>:
/// This user doesn't have a example.com account (kijitora@example.com) [0]
/// ```
pub(crate) fn x2(mail: &Mail) -> Option<Rising> {
    if !(mail.from().contains("MAILER-DAEMON@")
        || text::starts_with_any(
            mail.subject(),
            &["Delivery failure", "failure delivery", "failed delivery"],
        ))
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["--- Original message follows."]);
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Unable to deliver message to the following address");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if line.starts_with('<') && text::aligned(line, &["<", "@", ">:"]) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("pushed").recipient =
                text::between(line, "<", ">").unwrap_or("").to_string();
            recipients += 1;
        } else {
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
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// "Delivery status notification" from "Mail Delivery System".
///
/// ```text
///       This is an automatically generated Delivery Status Notification.
///
/// Delivery to the following recipients failed permanently:
///
///   * kijitora@example.com
///
/// SMTP:RCPT host 192.0.2.8: 553 5.3.0 <kijitora@example.com>... No such user here
/// ```
pub(crate) fn x3(mail: &Mail) -> Option<Rising> {
    if !mail.from().starts_with("Mail Delivery System")
        || !mail.subject().starts_with("Delivery status notification")
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut deliveries = vec![Delivery::default()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with(
                "      This is an automatically generated Delivery Status Notification.",
            );
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if text::aligned(line, &["  * ", "@", "."]) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("pushed").recipient = line
                .split_once("  * ")
                .map_or("", |(_, a)| a)
                .trim()
                .to_string();
            recipients += 1;
        } else if let Some(rest) = line.strip_prefix("SMTP:") {
            // SMTP:RCPT host 192.0.2.8: 553 5.3.0 <...>... No such user here
            let v = deliveries.last_mut().expect("never empty");
            v.command = command::find(text::clip(rest, 6));
            v.spec = "SMTP".into();
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        } else if line.starts_with("Routing: ") {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        } else if let Some(f) = dsn::field(line) {
            let v = deliveries.last_mut().expect("never empty");
            match f.name {
                Name::FinalRecipient => {
                    let a = address::from_dsn_value(&f.value);
                    if v.recipient == a {
                        continue;
                    }
                    if !v.recipient.is_empty() {
                        deliveries.push(Delivery::default());
                    }
                    deliveries.last_mut().expect("pushed").recipient = a;
                    recipients += 1;
                }
                Name::OriginalRecipient | Name::XActualRecipient => v.alias = f.value,
                Name::DiagnosticCode => {
                    v.spec = f.kind;
                    v.diagnosis.push(' ');
                    v.diagnosis.push_str(&f.value);
                }
                _ => {
                    v.set_field(f.name, &f.value);
                    if f.per_message {
                        per_message.push((f.name, f.value));
                    }
                }
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        for (name, value) in &per_message {
            if e.get_field(*name).is_empty() {
                e.set_field(*name, value);
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// "There was an error sending your mail"
///
/// ```text
/// We had trouble delivering your message. Full details follow:
///
/// 1 error(s):
///
/// SMTP Server <mta2.example.jp> rejected recipient <kijitora@example.jp> (Error following
/// RCPT command). It responded as follows: [550 5.1.1 User unknown]
/// ```
pub(crate) fn x6(mail: &Mail) -> Option<Rising> {
    const START: &str = "We had trouble delivering your message. Full details follow:";
    let by_subject = mail
        .subject()
        .starts_with("There was an error sending your mail");
    let pasted = mail.headers.is_empty() && mail.body.contains(START);
    if !by_subject && !pasted {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["The attachment contains the original mail headers"],
    );
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with(START);
            continue;
        }
        let at = if let Some(rest) =
            line.strip_prefix("The following recipients returned permanent errors: ")
        {
            rest
        } else if line.starts_with("SMTP Server <") {
            line.rfind(" <").map_or("", |p| &line[p..])
        } else {
            continue;
        };
        let Some(a) = address::find(at) else { continue };
        let rhost = text::between(line, "SMTP Server <", ">").unwrap_or("");
        deliveries.push(Delivery {
            recipient: a,
            diagnosis: text::sweep(line),
            command: command::find(line),
            rhost: if rhost.contains('.') {
                rhost.to_string()
            } else {
                String::new()
            },
            ..Delivery::default()
        });
    }
    if deliveries.is_empty() {
        return None;
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
