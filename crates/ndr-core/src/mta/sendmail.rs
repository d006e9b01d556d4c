//! Sendmail bounces: "Returned mail: see transcript for details", with a session transcript
//! (`>>> RCPT To:<...>`, `<<< 550 ...`) and a `message/delivery-status` part.
//! Source: sendmail `savemail.c` ("----- Transcript of session follows -----").

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name};
use crate::smtp::{command, reply, status};
use crate::{address, text};

const BOUNDARIES: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if mail.has_header("x-aol-ip") {
        return None;
    }
    let subject = mail.subject();
    if !(subject.starts_with("Warning: ") || subject.ends_with("see transcript for details")) {
        return None;
    }
    let (head, original) = split_original(&mail.body, BOUNDARIES);
    let mut deliveries = vec![Delivery::default()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut replies: Vec<String> = Vec::new();
    let mut another_diag = String::new();
    let mut another_status = String::new();
    let mut session_error = false;
    let mut the_command = String::new();
    let mut recipients = 0usize;
    let mut started = false;
    let mut prev_diag = false;

    for line in head.lines() {
        if !started {
            started = line.starts_with("   ----- Transcript of session follows -----");
            continue;
        }
        if let Some(f) = dsn::field(line) {
            prev_diag = f.name == Name::DiagnosticCode;
            let v = deliveries.last_mut().expect("never empty");
            match f.name {
                Name::FinalRecipient => {
                    if !v.recipient.is_empty() {
                        deliveries.push(Delivery::default());
                    }
                    deliveries.last_mut().expect("pushed").recipient =
                        address::from_dsn_value(&f.value);
                    recipients += 1;
                }
                Name::OriginalRecipient | Name::XActualRecipient => v.alias = f.value,
                Name::DiagnosticCode => {
                    v.spec = f.kind;
                    v.diagnosis = f.value;
                }
                _ => {
                    v.set_field(f.name, &f.value);
                    if f.per_message {
                        per_message.push((f.name, f.value));
                    }
                }
            }
            continue;
        }
        if line.starts_with(' ') {
            if prev_diag {
                let v = deliveries.last_mut().expect("never empty");
                v.diagnosis.push(' ');
                v.diagnosis.push_str(&text::sweep(line));
            }
            continue;
        }
        prev_diag = false;
        if let Some(rest) = line.strip_prefix(">>> ") {
            // >>> RCPT To:<kijitora@example.org>
            if the_command.is_empty() {
                the_command = command::find(rest);
            }
        } else if let Some(rest) = line.strip_prefix("<<< ") {
            // <<< 550 5.1.1 <kijitora@example.org>... User Unknown
            if !replies.iter().any(|r| r == rest) {
                replies.push(rest.to_string());
            }
        } else if !session_error {
            if line.starts_with("... while talking to ") {
                session_error = true;
                continue;
            }
            if line.starts_with('<') && text::aligned(line, &["@", ">.", " "]) {
                // <kijitora@example.co.jp>... Deferred: Name server: example.co.jp.: host name lookup failure
                if let Some((_, d)) = line.split_once(' ') {
                    another_diag = d.to_string();
                }
            } else {
                let r = reply::find(line, "");
                let s = status::find(line, "");
                if r.len() + s.len() > 7 {
                    // 554 5.3.0 unknown mailer error 255
                    another_status = s;
                    another_diag.push(' ');
                    another_diag.push_str(line);
                } else if line.starts_with("Message: ") || line.starts_with("Warning: ") {
                    another_diag.push(' ');
                    another_diag.push_str(line);
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
        if !another_diag.is_empty()
            && (e.diagnosis.starts_with(' ')
                || text::all_digits(&e.diagnosis)
                || e.diagnosis.is_empty())
        {
            e.diagnosis = another_diag.clone();
        }
        if !replies.is_empty() && recipients == 1 {
            // The remote server's own words come first.
            e.diagnosis = format!("{} {}", replies.join(" "), e.diagnosis);
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.command.is_empty() {
            e.command = the_command.clone();
        }
        if e.command.is_empty() {
            e.command = command::find(&e.diagnosis);
        }
        if e.command.is_empty() && !replies.is_empty() {
            e.command = "EHLO".into();
        }
        if !another_status.is_empty() && !status::is_valid(&e.status) {
            e.status = another_status.clone();
        }
        if e.recipient.starts_with('@') {
            if let Some(a) = address::find(&e.diagnosis) {
                e.recipient = a;
            }
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
