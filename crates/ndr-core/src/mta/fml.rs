//! fml, the mailing list manager (<https://www.fml.org>): errors from the list, not from a
//! mail server.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::text;
use crate::Reason::{self, *};

/// Error texts in the body.
const MESSAGES: &[(Reason, &[&str])] = &[
    (
        Rejected,
        &[
            " header may cause mail loop",
            "NOT MEMBER article from ",
            "reject mail from ",
            "reject spammers:",
            "You are not a member of this mailing list",
        ],
    ),
    (NotCompliantRfc, &["Duplicated Message-ID"]),
    (SecurityError, &["Security alert:"]),
    (
        SystemError,
        &[
            " has detected a loop condition so that",
            "Loop Back Warning:",
        ],
    ),
];

/// Error texts in the Subject.
const SUBJECTS: &[(Reason, &[&str])] = &[
    (
        Rejected,
        &[
            " are not member",
            "NOT MEMBER article from ",
            "reject mail ",
            "Spam mail from a spammer is rejected",
        ],
    ),
    (
        SystemError,
        &[
            "fml system error message",
            "Loop Alert: ",
            "Loop Back Warning: ",
            "WARNING: UNIX FROM Loop",
        ],
    ),
    (SecurityError, &["Security Alert"]),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    // fml writes X-MLServer, a "-admin@" sender and Message-IDs containing ".FML".
    let admin = mail.from().find("-admin@").is_some_and(|p| p > 0);
    let fml_id = mail
        .header("message-id")
        .find(".FML")
        .is_some_and(|p| p > 1);
    if !(mail.has_header("x-mlserver") && admin && fml_id) {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Original mail as follows:"]);
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    for line in head.lines().filter(|l| !l.is_empty()) {
        if let Some(a) = text::between(line, "<", ">").filter(|a| !a.is_empty()) {
            // You are not a member of this mailing list <neko-meeting@example.org>.
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            let v = deliveries.last_mut().expect("pushed");
            v.recipient = a.to_string();
            v.diagnosis = line.to_string();
            recipients += 1;
        } else {
            deliveries
                .last_mut()
                .expect("never empty")
                .diagnosis
                .push_str(line);
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        e.reason = MESSAGES
            .iter()
            .find(|(_, m)| text::contains_any(&e.diagnosis, m))
            .or_else(|| {
                SUBJECTS
                    .iter()
                    .find(|(_, m)| text::contains_any(mail.subject(), m))
            })
            .map(|(r, _)| *r);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
