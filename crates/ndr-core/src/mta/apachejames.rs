//! Apache James ("[BOUNCE]").
//!
//! ```text
//! Error message below:
//! 550 - Requested action not taken: no such user here
//!
//! Message details:
//!   Subject: Nyaaan
//!   RCPT TO: kijitora@example.org
//! ```
//! Source: apache-james-2.3.2 `AbstractNotify.java`.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::text;

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let hit = mail.subject() == "[BOUNCE]"
        || mail.header("message-id").contains(".JavaMail.")
        || mail
            .headers_named("received")
            .any(|r| r.contains("JAMES SMTP Server"));
    if !hit {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut diagnosis = String::new();
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut reading = false;
    let (mut from, mut date, mut subject, mut envelope_from) =
        (String::new(), String::new(), String::new(), String::new());
    for line in head.lines() {
        if !reading {
            if line.starts_with("Message details:") {
                reading = true;
            } else if !line.is_empty() {
                diagnosis.push_str(line);
                diagnosis.push(' ');
            }
            continue;
        }
        if let Some(r) = line.strip_prefix("  RCPT TO: ") {
            deliveries.push(Delivery {
                recipient: r.trim().to_string(),
                ..Delivery::default()
            });
        } else if let Some(d) = line.strip_prefix("  Sent date: ") {
            date = d.to_string();
        } else if let Some(s) = line.strip_prefix("  Subject: ") {
            subject = s.to_string();
        } else if let Some(f) = line.strip_prefix("  MAIL FROM: ") {
            envelope_from = f.to_string();
        } else if let Some(f) = line.strip_prefix("  From: ") {
            from = f.to_string();
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    let mut rfc822 = original.to_string();
    if rfc822.is_empty() {
        if !from.is_empty() {
            rfc822.push_str(&format!("From: {from}\n"));
        }
        if !date.is_empty() {
            rfc822.push_str(&format!("Date: {date}\n"));
        }
    }
    if !rfc822.contains("Return-Path: ") && !envelope_from.is_empty() {
        rfc822.push_str(&format!("Return-Path: <{envelope_from}>\n"));
    }
    if !rfc822.contains("\nSubject: ") && !subject.is_empty() {
        rfc822.push_str(&format!("Subject: {subject}\n"));
    }
    let diagnosis = text::sweep(&diagnosis);
    for d in &mut deliveries {
        d.diagnosis = diagnosis.clone();
    }
    Some(Rising { deliveries, rfc822 })
}
