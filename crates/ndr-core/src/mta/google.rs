//! Bounces written by Google: Gmail's classic "Delivery to the following recipient failed
//! permanently" notices, Google Workspace's "** Message not delivered **" notices, and Google
//! Groups' "the group you tried to contact may not exist" notices.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::status;
use crate::Reason::{self, *};
use crate::{address, text};

fn from_google(mail: &Mail) -> bool {
    mail.from().contains("<mailer-daemon@googlemail.com>")
        && mail.subject().contains("Delivery Status Notification")
}

/// Gmail's "(state NN)" suffix: the SMTP step and what it means.
/// Source: Gmail help forum threads quoted in go-sisimai `lhost/via-gmail.go`.
const STATES: &[(&str, &str, Reason)] = &[
    ("6", "MAIL", FailedStartTls), // 500 Remote server does not support TLS (state 6).
    ("8", "AUTH", SystemError),    // 535 SMTP AUTH failed with the remote server. (state 8).
    ("9", "AUTH", FailedStartTls), // 454 454 TLS missing certificate ... (state 9).
    ("12", "AUTH", NoRelaying), // 500 Remote server does not support SMTP Authenticated Relay (state 12).
    ("13", "EHLO", Blocked),    // 550 550 5.7.1 <...>... Access denied (state 13).
    ("14", "RCPT", UserUnknown), // 550 550 5.1.1 <...>... User Unknown (state 14).
    ("15", "DATA", Filtered),   // 554 554 Error: no valid recipients (state 15).
    ("17", "DATA", Filtered),   // 550 550 <...> No such user here (state 17).
    ("18", "DATA", Filtered),   // 550 550 Unknown user ... (state 18).
];

const GMAIL_MESSAGES: &[(Reason, &[&str])] = &[
    (
        Expired,
        &[
            "DNS Error: Could not contact DNS servers",
            "Delivery to the following recipient has been delayed",
            "The recipient server did not accept our requests to connect",
        ],
    ),
    (
        HostUnknown,
        &[
            "DNS Error: Domain name not found",
            "DNS Error: DNS server returned answer with no data",
        ],
    ),
];

/// Gmail's classic notice.
pub(crate) fn gmail(mail: &Mail) -> Option<Rising> {
    if !from_google(mail) {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &[
            "----- Original message -----",
            "----- Message header follows -----",
        ],
    );
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Delivery to the following recipient");
        }
        if !reading || line.is_empty() {
            continue;
        }
        if line.starts_with(' ') && line.find('@').is_some_and(|p| p > 0) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            if let Some(a) = address::find(line.trim()) {
                deliveries.last_mut().expect("pushed").recipient = a;
                recipients += 1;
            }
        } else {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        if let Some(state) = text::between(&e.diagnosis, " (state ", ")") {
            if let Some((_, c, r)) = STATES.iter().find(|(s, ..)| *s == state) {
                e.command = (*c).to_string();
                e.reason = Some(*r);
            }
        }
        if e.reason.is_none() {
            e.reason = GMAIL_MESSAGES
                .iter()
                .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                .map(|(r, _)| *r);
        }
        if e.reason.is_none() {
            continue;
        }
        // A precise code in the text overrides the state's reason.
        e.status = status::find(&e.diagnosis, &e.reply_code);
        if !e.status.is_empty() && !e.status.contains(".0") {
            e.reason = status::reason_of(&e.status);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// Sentences of Gmail's current notices that name the recipient: the words before the address,
/// the words after it, and whether the failure is temporary.
const NOTICE_SENTENCES: &[(&str, &str, bool)] = &[
    // "Your message wasn't delivered to x@example.jp because the address couldn't be found"
    ("Your message wasn't delivered to ", " because", false),
    // "There was a temporary problem delivering your message to x@example.jp. Gmail will retry"
    (
        "There was a temporary problem delivering your message to ",
        ". ",
        true,
    ),
    // "Your message to x@example.jp has been blocked. See technical details below"
    ("Your message to ", " has been blocked", false),
];

/// Labels of the line after which Gmail quotes the remote server.
const RESPONSE_LABELS: &[&str] = &[
    "The response from the remote server was:",
    "The response was:",
    "サーバーからの応答:",
];

/// Gmail's current notices ("Address not found", "Delivery incomplete", "Message blocked") as a
/// person sees them: one recipient named in a sentence, the remote server's words after
/// "The response was:". Read only when the mail is Google's or a paste, and has no delivery
/// report (which says the same more precisely).
pub(crate) fn notice(mail: &Mail) -> Option<Rising> {
    if !(mail.headers.is_empty() || from_google(mail))
        || mail.body.contains("\nFinal-Recipient:")
        || !text::contains_any(&mail.body, RESPONSE_LABELS)
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, crate::dsn::ORIGINAL_BOUNDARIES);
    let mut found: Option<(String, bool, &str)> = None;
    for line in head.lines() {
        for (before, after, temporary) in NOTICE_SENTENCES {
            let Some(rest) = line.split_once(before).map(|(_, r)| r) else {
                continue;
            };
            let named = match rest.find(after) {
                Some(p) if !after.is_empty() => &rest[..p],
                _ => rest,
            };
            if let Some(a) = address::find(named) {
                found = Some((a, *temporary, line));
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
    let (recipient, temporary, sentence) = found?;
    // The remote server's words: the lines after the label, up to an empty line.
    let mut response = String::new();
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = RESPONSE_LABELS
                .iter()
                .any(|l| line.trim_start().starts_with(l));
            continue;
        }
        if line.trim().is_empty() {
            if response.is_empty() {
                continue;
            }
            break;
        }
        response.push_str(line.trim());
        response.push(' ');
    }
    let diagnosis = if response.trim().is_empty() {
        text::sweep(sentence)
    } else {
        text::sweep(&response)
    };
    let mut d = Delivery {
        recipient,
        action: if temporary { "delayed" } else { "failed" }.to_string(),
        reply_code: crate::smtp::reply::find(&diagnosis, ""),
        ..Delivery::default()
    };
    d.status = status::find(&diagnosis, &d.reply_code);
    // "[mx.example.jp. 192.0.2.10: timed out]": the host Gmail tried, and its address.
    if let Some(inner) = text::between(&diagnosis, "[", "]") {
        let mut words = inner.split_whitespace();
        if let (Some(host), Some(ip)) = (words.next(), words.next()) {
            if host.ends_with('.') && host.contains('.') {
                d.rhost = host.trim_end_matches('.').to_string();
                d.rhost_ip = ip.trim_end_matches(':').to_string();
            }
        }
    }
    d.reason = GMAIL_MESSAGES
        .iter()
        .find(|(_, m)| text::contains_any(&diagnosis, m))
        .map(|(r, _)| *r);
    d.diagnosis = diagnosis;
    Some(Rising {
        deliveries: vec![d],
        rfc822: original.to_string(),
    })
}

/// Google Workspace's "** Message not delivered **" notice (without delivery-status fields).
pub(crate) fn workspace(mail: &Mail) -> Option<Rising> {
    let body = &mail.body;
    if body.contains("\nDiagnostic-Code:")
        || body.contains("\nFinal-Recipient:")
        || !from_google(mail)
    {
        return None;
    }
    let (head, original) = split_original(
        body,
        &[
            "Content-Type: message/rfc822",
            "Content-Type: text/rfc822-headers",
        ],
    );
    if head.is_empty() {
        return None;
    }
    let mut diag = String::new();
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            if line.starts_with("** ") {
                reading = true;
                diag.push_str(line);
                diag.push(' ');
            }
            continue;
        }
        if !line.is_empty() && !line.starts_with("Content-Type:") {
            diag.push_str(line);
            diag.push(' ');
        }
    }
    let to = super::first_header(original, "to");
    let recipient = address::find(&to)?;
    let mut d = Delivery {
        recipient,
        diagnosis: diag,
        ..Delivery::default()
    };
    if d.diagnosis.contains("because the address couldn't be found. Check for typos or unnecessary spaces and try again.") {
        d.reason = Some(UserUnknown);
    }
    Some(Rising {
        deliveries: vec![d],
        rfc822: original.to_string(),
    })
}

/// Google Groups: the group does not exist or does not accept posts from the sender.
pub(crate) fn groups(mail: &Mail) -> Option<Rising> {
    if !mail.body.contains("Google Groups")
        || !mail.has_header("x-failed-recipients")
        || !mail.has_header("x-google-smtp-source")
        || !from_google(mail)
    {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &[
            "----- Original message -----",
            "Content-Type: message/rfc822",
        ],
    );
    // The first paragraphs are the explanation; the rest is boilerplate.
    let mut paragraphs: Vec<&str> = head.splitn(5, "\n\n").collect();
    if let Some(last) = paragraphs.last_mut() {
        *last = "";
    }
    let diagnosis = text::sweep(&paragraphs.join(" ").replace('\n', " "));
    // Four bullet points (spelling, removed group, need to join, closed to posting) mean the
    // group refused the sender.
    let reason = if head.matches("\n *").count() == 4 || head.matches("\n*").count() == 4 {
        Rejected
    } else {
        OnHold
    };
    let mut deliveries = Vec::new();
    for a in mail.header("x-failed-recipients").split(',') {
        let a = a.trim();
        if !address::is_email(a) {
            continue;
        }
        deliveries.push(Delivery {
            recipient: a.to_string(),
            reason: Some(reason),
            diagnosis: diagnosis.clone(),
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
