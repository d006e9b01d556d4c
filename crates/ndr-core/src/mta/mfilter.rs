//! Digital Arts m-FILTER: "failure notice", `X-Mailer: m-FILTER`, Japanese text with sections.
//!
//! ```text
//! 以下のメールアドレスへの送信に失敗しました。
//! kijitora@example.jp
//!
//! -------server message
//! 550 5.1.1 unknown user <kijitora@example.jp>
//!
//! -------SMTP command
//! DATA
//!
//! -------original message
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::command;
use crate::{address, text};

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let by_header = mail.subject() == "failure notice" && mail.header("x-mailer") == "m-FILTER";
    let pasted = mail.headers.is_empty()
        && mail.body.contains("-------server message")
        && mail.body.contains("m-FILTER");
    if !by_header && !pasted {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &["-------original message", "-------original mail info"],
    );
    let mut deliveries: Vec<Delivery> = Vec::new();
    let mut in_message = false;
    let mut in_command = false;
    for line in head.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        if line.contains('@') && !line.contains(' ') && address::is_email(line) {
            deliveries.push(Delivery {
                recipient: line.to_string(),
                ..Delivery::default()
            });
            continue;
        }
        let Some(v) = deliveries.last_mut() else {
            continue;
        };
        if line == "-------server message" {
            in_message = true;
            in_command = false;
        } else if line == "-------SMTP command" {
            in_message = false;
            in_command = true;
        } else if in_message && v.diagnosis.is_empty() {
            v.diagnosis = line.to_string();
            in_message = false;
        } else if in_command {
            if let Some(c) = command::normalize(line) {
                v.command = c.to_string();
            }
            in_command = false;
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    // One server message and command block can follow several recipients.
    let shared = deliveries
        .iter()
        .rev()
        .find(|d| !d.diagnosis.is_empty())
        .map(|d| (d.diagnosis.clone(), d.command.clone()));
    for e in &mut deliveries {
        if let Some((diag, cmd)) = &shared {
            if e.diagnosis.is_empty() {
                e.diagnosis = diag.clone();
                e.command = cmd.clone();
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
