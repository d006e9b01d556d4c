//! BIGLOBE and the ISPs on its mail system (inacatv, tmtv, ttv): "Returned mail: ..." from
//! `postmaster@<isp>.ne.jp`.
//!
//! ```text
//!    ----- The following addresses had delivery problems -----
//! ********@***.biglobe.ne.jp
//!
//!    ----- Non-delivered information -----
//! The number of messages in recipient's mailbox exceeded the local limit.
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::ORIGINAL_BOUNDARIES;
use crate::Reason::{self, *};
use crate::{address, text};

const MESSAGES: &[(Reason, &[&str])] = &[
    (Filtered, &["Mail Delivery Failed... User unknown"]),
    (
        MailboxFull,
        &["The number of messages in recipient's mailbox exceeded the local limit."],
    ),
];

const ISPS: &[&str] = &[
    "@biglobe.ne.jp",
    "@inacatv.ne.jp",
    "@tmtv.ne.jp",
    "@ttv.ne.jp",
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let from = mail.from();
    if !from.contains("postmaster@")
        || !mail.subject().starts_with("Returned mail:")
        || !ISPS.iter().any(|d| from.contains(d))
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, ORIGINAL_BOUNDARIES);
    let mut deliveries = vec![Delivery::default()];
    let mut reading = false;
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            reading = line.starts_with("   ----- The following addresses had delivery problems");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if line.find('@').is_some_and(|p| p > 1) && !line.contains(' ') {
            if !address::is_email(line) {
                continue;
            }
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("never empty").recipient = line.to_string();
        } else if !line.contains("--") {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
        }
    }
    deliveries.retain(|d| !d.recipient.is_empty());
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        e.reason = MESSAGES
            .iter()
            .find(|(_, m)| text::contains_any(&e.diagnosis, m))
            .map(|(r, _)| *r);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
