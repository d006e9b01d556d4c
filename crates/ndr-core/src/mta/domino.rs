//! HCL (formerly IBM Lotus) Domino: "DELIVERY FAILURE: ..."
//!
//! ```text
//! Your message
//!
//!   Subject: Test Bounce
//!
//! was not delivered to:
//!
//!   kijitora@example.net
//!
//! because:
//!
//!   User some.name (kijitora@example.net) not listed in Domino Directory
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name};
use crate::smtp::status;
use crate::Reason::{self, *};
use crate::{address, text};

/// Domino's messages, in the languages it ships.
const MESSAGES: &[(Reason, &[&str])] = &[
    (Filtered, &["Cannot route mail to user"]),
    (SystemError, &["Several matches found in Domino Directory"]),
    (
        UserUnknown,
        &[
            "not listed in Domino Directory",
            "not listed in public Name & Address Book",
            "no se encuentra en el Directorio de Domino",
            "non répertorié dans l'annuaire Domino",
            "Domino ディレクトリには見つかりません",
        ],
    ),
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let subject = mail.subject();
    if !(subject.starts_with("DELIVERY FAILURE:") || subject.contains("DELIVERY_FAILURE")) {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut deliveries = vec![Delivery::default()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut recipients = 0;
    let mut reading = false;
    let mut subject_text = String::new();
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Your message");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let v = deliveries.last_mut().expect("never empty");
        if line == "was not delivered to:" {
            if !v.recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            deliveries.last_mut().expect("pushed").recipient = line.to_string();
            recipients += 1;
        } else if line.starts_with("  ")
            && line.find('@').is_some_and(|p| p > 0)
            && !line.trim().contains(' ')
        {
            // An address alone on its line. (The reason line names the address too, but in
            // words: "User ... (kijitora@example.net) not listed", or in Japanese.)
            v.recipient = address::find(line.trim()).unwrap_or_default();
        } else if line == "because:" || v.diagnosis == "because:" {
            // The line after "because:" is the reason; keep the marker until it comes.
            v.diagnosis = line.to_string();
        } else if let Some(s) = line.strip_prefix("  Subject: ") {
            subject_text = s.to_string();
        } else if let Some(f) = dsn::field(line) {
            match f.name {
                Name::DiagnosticCode => {
                    if v.spec.is_empty() {
                        v.spec = f.kind;
                    }
                    if v.diagnosis.is_empty() {
                        v.diagnosis = f.value;
                    }
                }
                Name::FinalRecipient | Name::OriginalRecipient | Name::XActualRecipient => {}
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
        e.diagnosis = text::sweep(&e.diagnosis);
        if !address::is_email(&e.recipient) {
            e.recipient = address::find(&e.recipient).unwrap_or_default();
        }
        for (name, value) in &per_message {
            if e.get_field(*name).is_empty() {
                e.set_field(*name, value);
            }
        }
        if let Some((r, _)) = MESSAGES
            .iter()
            .find(|(_, m)| text::contains_any(&e.diagnosis, m))
        {
            if e.status.is_empty() {
                e.status = status::pseudo_code(*r, false);
            }
            e.reason = Some(*r);
        }
    }
    let rfc822 = if original.is_empty() {
        format!(
            "To: <{}>\nSubject: {subject_text}\n",
            deliveries[0].recipient
        )
    } else {
        original.to_string()
    };
    Some(Rising { deliveries, rfc822 })
}
