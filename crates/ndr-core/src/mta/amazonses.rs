//! Amazon SES notifications delivered by email (an SNS topic subscribed by email): a JSON
//! document with "notificationType" Bounce, Complaint or Delivery, or an event a configuration
//! set publishes, with "eventType" in its place.
//! Source: <https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html>.

use serde_json::Value;

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{command, reply, status};
use crate::Reason::{self, *};
use crate::{address, text};

/// "bounceSubType" values that say the reason.
const SUBTYPES: &[(&str, Reason)] = &[
    ("Suppressed", Suppressed),
    ("OnAccountSuppressionList", Suppressed),
    ("General", OnHold),
    ("MailboxFull", MailboxFull),
    ("MessageTooLarge", MesgTooBig),
    ("ContentRejected", ContentError),
    ("AttachmentRejected", SecurityError),
];

/// The notification object: the body itself, or the "Message" string of an SNS envelope.
fn notification(body: &str) -> Option<Value> {
    let body = match body.find("\n\n--\n") {
        Some(p) => &body[..p],
        None => body,
    };
    let body = body.replace("!\n ", "");
    let start = body.find('{')?;
    let end = body.rfind('}')?;
    let json = body.get(start..=end)?;
    let v: Value = serde_json::from_str(json)
        .ok()
        .or_else(|| serde_json::from_str(&closed(json)?).ok())?;
    let v = match v.get("Message").and_then(Value::as_str) {
        Some(inner) => serde_json::from_str(inner).ok()?,
        None => v,
    };
    (!kind(&v).is_empty()).then_some(v)
}

/// The notification's type: "notificationType" of a notification, or "eventType" of an event
/// that a configuration set publishes ("eventType": "Bounce"), which carries the same "bounce"
/// object. Source: <https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html>.
fn kind(v: &Value) -> &str {
    match s(v, "notificationType") {
        "" => s(v, "eventType"),
        k => k,
    }
}

/// `json` with the closing brackets a cut paste lost (a document copied up to its last full
/// line, "...},"), so that what it has can be read; `None` when nothing is missing or the
/// brackets do not nest.
fn closed(json: &str) -> Option<String> {
    let mut open: Vec<char> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => open.push('}'),
            '[' => open.push(']'),
            '}' | ']' if open.pop() != Some(c) => return None,
            _ => {}
        }
    }
    if open.is_empty() || in_string || open.len() > 16 {
        return None;
    }
    let mut out = json.trim_end().trim_end_matches(',').to_string();
    out.extend(open.iter().rev());
    Some(out)
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !(mail.body.contains("notificationType") || mail.body.contains("\"eventType\"")) {
        return None;
    }
    let n = notification(&mail.body)?;
    let mut deliveries = Vec::new();
    match kind(&n) {
        "Bounce" => {
            let b = n.get("bounce")?;
            let reason = SUBTYPES
                .iter()
                .find(|(k, _)| *k == s(b, "bounceSubType"))
                .map(|(_, r)| *r);
            for r in b.get("bouncedRecipients").and_then(Value::as_array)? {
                let diagnosis = text::sweep(s(r, "diagnosticCode"));
                let st = status::find(s(r, "status"), "");
                deliveries.push(Delivery {
                    recipient: s(r, "emailAddress").to_string(),
                    command: command::find(&diagnosis),
                    action: s(r, "action").to_string(),
                    reply_code: reply::find(&diagnosis, &st),
                    status: st,
                    diagnosis,
                    lhost: s(b, "reportingMTA")
                        .split(';')
                        .next_back()
                        .unwrap_or("")
                        .trim()
                        .to_string(),
                    reason,
                    ..Delivery::default()
                });
            }
        }
        "Complaint" => {
            let c = n.get("complaint")?;
            for r in c.get("complainedRecipients").and_then(Value::as_array)? {
                deliveries.push(Delivery {
                    recipient: s(r, "emailAddress").to_string(),
                    reason: Some(Feedback),
                    feedback_type: s(c, "complaintFeedbackType").to_string(),
                    diagnosis: format!(
                        "{{\"feedbackid\":\"{}\", \"useragent\":\"{}\"}}",
                        s(c, "feedbackId"),
                        s(c, "userAgent")
                    ),
                    ..Delivery::default()
                });
            }
        }
        "Delivery" => {
            let d = n.get("delivery")?;
            for r in d.get("recipients").and_then(Value::as_array)? {
                let diagnosis = s(d, "smtpResponse").to_string();
                deliveries.push(Delivery {
                    recipient: r.as_str().unwrap_or("").to_string(),
                    reason: Some(Delivered),
                    action: "delivered".into(),
                    lhost: s(d, "reportingMTA").to_string(),
                    status: status::find(&diagnosis, "2"),
                    reply_code: reply::find(&diagnosis, "2"),
                    diagnosis,
                    ..Delivery::default()
                });
            }
        }
        _ => return None,
    }
    if deliveries.is_empty() {
        return None;
    }
    // The sent message's headers, as far as the notification has them.
    let mut rfc822 = String::new();
    if let Some(m) = n.get("mail") {
        for h in m
            .get("headers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            rfc822.push_str(&format!("{}: {}\n", s(h, "name"), s(h, "value")));
        }
        if rfc822.is_empty() {
            if let Some(src) = address::find(s(m, "source")) {
                rfc822.push_str(&format!("From: {src}\n"));
            }
        }
    }
    Some(Rising { deliveries, rfc822 })
}
