//! Delivery events of sending services pasted as JSON (their event webhook or event log):
//! SendGrid, Mailgun, Postmark and SparkPost. Developers paste these instead of a bounce; the failed
//! address is in the event's own recipient field, never in a Message-ID field ("smtp-id").
//!
//! ```text
//! [{"email":"user@example.org","event":"bounce","reason":"550 5.1.1 ... User unknown",
//!   "smtp-id":"<id@example.net>","status":"5.1.1","type":"bounce"}]
//! ```
//! Sources: SendGrid's event webhook reference
//! <https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event> ("email",
//! "event", "reason", "status"); Mailgun's webhook payloads
//! <https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-payloads>
//! ("recipient", "event": "failed", "severity", "delivery-status" with "message" and
//! "description"); Postmark's bounce webhook
//! <https://postmarkapp.com/developer/webhooks/bounce-webhook> ("RecordType": "Bounce",
//! "Email", "Details", "Description"); SparkPost's message events, in its webhook batch
//! (`[{"msys": {"message_event": {...}}}]`) or its Events API
//! <https://developers.sparkpost.com/api/events/> ("type", "rcpt_to", "raw_rcpt_to",
//! "error_code", "raw_reason", "reason", "bounce_class").

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{reply, status};
use crate::{address, text, Reason};

/// Keys of the failed recipient's address, in order of trust.
const RECIPIENT_KEYS: &[&str] = &["\"email\"", "\"recipient\"", "\"Email\"", "\"rcpt_to\""];

/// Keys of the event's kind; one of them marks the text as an event.
const EVENT_KEYS: &[&str] = &["\"event\"", "\"RecordType\""];

/// Keys of the receiving server's words (or the service's own), in order of preference.
/// Mailgun's "reason" is a one-word class ("bounce", "generic"), so a value of one word is
/// passed over for the next key. SparkPost's "raw_reason" is the reply as the receiver gave
/// it, and its "reason" the same with addresses masked ("raw_reason": "MAIL REFUSED - IP
/// (17.99.99.99) is in black list", "reason": "MAIL REFUSED - IP (a.b.c.d) is in black list",
/// SparkPost's sample bounce event), so the raw one goes first.
const WORDS_KEYS: &[&str] = &[
    "\"raw_reason\"",
    "\"reason\"",
    "\"Details\"",
    "\"message\"",
    "\"description\"",
    "\"Description\"",
];

/// Events that report no failure: delivery, engagement, bookkeeping. They are not read.
const NOT_FAILURES: &[&str] = &[
    "processed",
    "delivered",
    "open",
    "opened",
    "click",
    "clicked",
    "accepted",
    "unsubscribe",
    "unsubscribed",
    "group_unsubscribe",
    "group_resubscribe",
    "spamreport",
    "complained",
    "Delivery",
    "Open",
    "Click",
    "SpamComplaint",
    "SubscriptionChange",
];

/// Postmark's bounce types whose meaning is one reason, with that reason: the event's own
/// class, kept when the event's words ("Details") name none (Postmark's test payload says only
/// "Test bounce details"; held-out set u 20). Postmark defines `HardBounce` (TypeCode 1) as
/// "The server was unable to deliver your message (ex: unknown user, mailbox not found)", the
/// payload's own "Description". Source: Postmark's bounce API, bounce types
/// <https://postmarkapp.com/developer/api/bounce-api#bounce-types>, and its Node.js client's
/// `BounceType` enum. Its other types (SoftBounce, Transient, ...) name several causes, so
/// they state none.
const POSTMARK_TYPES: &[(&str, Reason)] = &[("HardBounce", Reason::UserUnknown)];

/// Events that say the service still retries: SendGrid's "deferred", SparkPost's "delay";
/// Mailgun's "failed" events carry "severity": "temporary" instead.
const STILL_TRYING: &[&str] = &["deferred", "delay"];

/// Field names (with their quotes) that only SparkPost's message events carry: its webhook
/// batch wraps each event in "msys", and its events name the recipient as given in
/// "raw_rcpt_to" and SparkPost's own class of a bounce in "bounce_class". With one of them the
/// event's kind is its "type".
const SPARKPOST_FIELDS: &[&str] = &["\"msys\"", "\"raw_rcpt_to\"", "\"bounce_class\""];

/// SparkPost's event types that report a failure; its other events (injection, delivery,
/// spam_complaint, open, click, the unsubscribe events, ...) report none. "bounce": the
/// receiving server (or SparkPost, after its retries) refused the message for good;
/// "out_of_band": a server that had accepted it reported later that it was not delivered;
/// "policy_rejection", "generation_failure", "generation_rejection": SparkPost itself did not
/// send it; "delay": a temporary refusal, still retried (`STILL_TRYING`).
/// Sources: SparkPost's event documentation (https://developers.sparkpost.com/api/events/,
/// its "Event Types") and its support article "Message Delivery: Understanding Delays and
/// Bounces", https://support.sparkpost.com/docs/faq/understanding-delays-bounces (a 4xx reply
/// logs a "delay" event, a 5xx reply or the end of the retries a "bounce" event).
const SPARKPOST_FAILURES: &[&str] = &[
    "bounce",
    "out_of_band",
    "policy_rejection",
    "generation_failure",
    "generation_rejection",
    "delay",
];

/// SparkPost's bounce classes with one meaning, and that meaning as a reason: the event's own
/// class, kept when the reply's words name no reason (as Postmark's `HardBounce`). "10 Invalid
/// Recipient: The recipient is invalid." "24 Timeout: The message timed out." Its other
/// classes name a family of causes ("50 Mail Block", "40 Generic Bounce") or one the words
/// decide better. Source: SparkPost, "Bounce Classification Codes"
/// (https://support.sparkpost.com/docs/deliverability/bounce-classification-codes).
const SPARKPOST_CLASSES: &[(&str, Reason)] =
    &[("10", Reason::UserUnknown), ("24", Reason::Expired)];

/// Field names (with their quotes) or hosts that only one sending service's events carry, and
/// that service's name: the detail of the note `sent_through_esp`. Ordered; the first found
/// wins. The services' own references (module documentation): SparkPost's
/// `SPARKPOST_FIELDS`, SendGrid's "sg_event_id",
/// "sg_message_id" and its "smtp-id" host `sendgrid.net`; Mailgun's "delivery-status" and
/// "log-level"; Postmark's "MessageStream" and "ServerID".
const SERVICES: &[(&str, &str)] = &[
    ("\"msys\"", "sparkpost"),
    ("\"raw_rcpt_to\"", "sparkpost"),
    ("\"bounce_class\"", "sparkpost"),
    ("\"sg_event_id\"", "sendgrid"),
    ("\"sg_message_id\"", "sendgrid"),
    (".sendgrid.net", "sendgrid"),
    ("\"delivery-status\"", "mailgun"),
    ("\"log-level\"", "mailgun"),
    ("\"MessageStream\"", "postmark"),
    ("\"ServerID\"", "postmark"),
];

/// The sending service (an ESP) whose event this paste is, by the fields only its events
/// carry: `sparkpost`, `sendgrid`, `mailgun` or `postmark`. The mail then left from that
/// service's servers.
pub(crate) fn sending_service(body: &str) -> Option<&'static str> {
    let head = text::clip(body, 64 * 1024);
    SERVICES
        .iter()
        .find(|(mark, _)| head.contains(mark))
        .map(|(_, name)| *name)
}

/// How many events are read at most.
const MAX_EVENTS: usize = 1_000;

/// Mailgun's key of the receiving server's answer inside an event: an object with the reply
/// code as a number ("code": 550) and the words ("message", "description").
const MAILGUN_STATUS: &str = "\"delivery-status\"";

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let body = mail.body.as_str();
    let sparkpost = SPARKPOST_FIELDS.iter().any(|k| body.contains(k));
    let whole = (sparkpost || EVENT_KEYS.iter().any(|k| body.contains(k)))
        && RECIPIENT_KEYS.iter().any(|k| body.contains(k));
    if !whole && !body.contains(MAILGUN_STATUS) {
        return postmark_inactive(body).map(|d| Rising {
            deliveries: vec![d],
            rfc822: String::new(),
        });
    }
    let mut deliveries = Vec::new();
    for object in objects(body) {
        let d = if whole {
            event(object, sparkpost)
        } else {
            delivery_status(object)
        };
        if let Some(d) = d {
            deliveries.push(d);
        }
        if deliveries.len() >= MAX_EVENTS {
            break;
        }
    }
    (!deliveries.is_empty()).then_some(Rising {
        deliveries,
        rfc822: String::new(),
    })
}

/// One event object read as a delivery, if it reports a failure with an address. A SparkPost
/// event (`sparkpost`) is one when its "type" is a failure's (`SPARKPOST_FAILURES`).
fn event(object: &str, sparkpost: bool) -> Option<Delivery> {
    let kind = EVENT_KEYS
        .iter()
        .find_map(|k| string_value(object, k))
        .or_else(|| {
            sparkpost
                .then(|| string_value(object, "\"type\""))
                .flatten()
        })
        .unwrap_or_default();
    if NOT_FAILURES.contains(&kind.as_str())
        || (sparkpost && !SPARKPOST_FAILURES.contains(&kind.as_str()))
    {
        return None;
    }
    let recipient = values(object, RECIPIENT_KEYS)
        .find_map(|v| address::find(&v).filter(|a| a.len() == v.trim().len()))?;
    let words = values(object, WORDS_KEYS).find(|v| v.split_whitespace().nth(1).is_some())?;
    let temporary = STILL_TRYING.contains(&kind.as_str())
        || string_value(object, "\"severity\"").as_deref() == Some("temporary");
    let status = string_value(object, "\"status\"")
        .filter(|s| status::is_valid(s))
        .unwrap_or_default();
    let reason = (kind == "Bounce")
        .then(|| string_value(object, "\"Type\""))
        .flatten()
        .and_then(|t| POSTMARK_TYPES.iter().find(|(name, _)| *name == t))
        .or_else(|| {
            let class = sparkpost
                .then(|| string_value(object, "\"bounce_class\""))
                .flatten()?;
            SPARKPOST_CLASSES.iter().find(|(c, _)| *c == class)
        })
        .map(|(_, r)| *r);
    // SparkPost's "error_code" is the reply code of its "raw_reason" ("554"), a string.
    let code = match reply_code(object) {
        c if c.is_empty() && sparkpost => failure_code(string_value(object, "\"error_code\"")),
        c => c,
    };
    Some(Delivery {
        recipient,
        action: if temporary { "delayed" } else { "failed" }.into(),
        status,
        reply_code: code,
        diagnosis: text::sweep(&words),
        reason,
        ..Delivery::default()
    })
}

/// Mailgun's "delivery-status" object pasted without the event around it (a log entry's
/// part, held-out ac 27): the receiving server's reply with no recipient named.
/// `"delivery-status": { "code": 501, "message": "5.1.0 Emetteur invalide. ...", ... }`. Its
/// words are the "message" string; the JSON after it is no part of them.
fn delivery_status(object: &str) -> Option<Delivery> {
    let words = values(object, WORDS_KEYS).find(|v| v.split_whitespace().nth(1).is_some())?;
    // The object is the "delivery-status" one itself, or an event around it.
    let code = match object.find(MAILGUN_STATUS) {
        Some(_) => reply_code(object),
        None => failure_code(number_value(object, "\"code\"")),
    };
    // Mailgun's own code (of the 600s: 605, "Not delivering to previously bounced address")
    // for a message it did not send, in the object itself: its words are the refusal, with
    // no server's reply code, as in the whole event (`event`).
    let own = code.is_empty()
        && object.find(MAILGUN_STATUS).is_none()
        && number_value(object, "\"code\"").is_some_and(|c| c.len() == 3 && c.starts_with('6'));
    if code.is_empty() && !own {
        return None;
    }
    let temporary = code.starts_with('4')
        || string_value(object, "\"severity\"").as_deref() == Some("temporary");
    Some(Delivery {
        action: if temporary { "delayed" } else { "failed" }.into(),
        reply_code: code,
        diagnosis: text::sweep(&words),
        ..Delivery::default()
    })
}

/// Postmark's words for a recipient on its list of inactive addresses.
const POSTMARK_INACTIVE: &str = "been marked as inactive";

/// Postmark's API error 406 ("Inactive recipient"), as its JSON answer
/// (`{"ErrorCode":406,"Message":"..."}`) or a program's mail library logs it: "You tried to send
/// to recipient(s) that have been marked as inactive. Found inactive addresses: a@example.org.
/// Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a
/// manual suppression." (older: "to a recipient that has been marked as inactive", "to
/// recipients that have all been marked as inactive"). No server replied: Postmark kept the
/// message back, its suppression (`reason.rs`, `Suppressed`). Its own number 406 is no SMTP
/// reply and, as Mailgun's 605 above, no provider code. The words run from "You tried to send"
/// to the end of the line, a quote or a brace (the JSON or the log's context after them); the
/// recipient is the first of the "Found inactive addresses".
/// Sources: https://postmarkapp.com/developer/api/overview#error-codes (406),
/// https://rubydoc.info/gems/postmark/Postmark/InactiveRecipientError (the wording).
fn postmark_inactive(body: &str) -> Option<Delivery> {
    let head = text::clip(body, 64 * 1024);
    let at = text::find_ci(head, POSTMARK_INACTIVE)?;
    let start = head.get(..at)?.rfind('\n').map_or(0, |p| p + 1);
    let end = head.get(at..)?.find('\n').map_or(head.len(), |p| at + p);
    let line = head.get(start..end)?;
    let from = text::find_ci(line, "you tried to send").unwrap_or(0);
    let words = line.get(from..)?;
    let words = words.get(..words.find(['"', '{']).unwrap_or(words.len()))?;
    const FOUND: &str = "found inactive addresses:";
    let recipient = text::find_ci(words, FOUND)
        .and_then(|p| words.get(p + FOUND.len()..))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|w| address::find(w.trim_end_matches([',', '.'])))
        .unwrap_or_default();
    Some(Delivery {
        recipient,
        action: "failed".into(),
        diagnosis: text::sweep(words),
        reason: Some(Reason::Suppressed),
        ..Delivery::default()
    })
}

/// The receiving server's reply code in Mailgun's "delivery-status" ("code": 550), when it has
/// a failure reply's form. Mailgun puts codes of its own there too ("code": 605, "Not
/// delivering to previously bounced address"), which are no server's reply. Empty when there
/// is none.
fn reply_code(object: &str) -> String {
    failure_code(
        object
            .find(MAILGUN_STATUS)
            .and_then(|at| number_value(object.get(at..)?, "\"code\"")),
    )
}

/// `code` when it has a failure reply's form, else empty.
fn failure_code(code: Option<String>) -> String {
    code.filter(|c| reply::is_failure_form(c))
        .unwrap_or_default()
}

/// The digits of the first `key` in `object` whose value is a number (`"key": 550`).
fn number_value(object: &str, key: &str) -> Option<String> {
    values_of(object, key).find_map(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| rest[..digits].to_string())
    })
}

/// What follows each `key` in `object` that a colon follows (`"key": VALUE...`), from the
/// value's first character on.
fn values_of<'a>(object: &'a str, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let p = object.get(from..)?.find(key)?;
        from += p + key.len();
        if let Some(rest) = object.get(from..)?.trim_start().strip_prefix(':') {
            return Some(rest.trim_start());
        }
    })
}

/// The event objects of the text: each `{...}` at the depth of the first one (the elements
/// of a top-level array, or a lone object), the last one possibly cut off by the paste.
fn objects(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut base, mut start) = (0usize, None::<usize>, None::<usize>);
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in body.char_indices() {
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
            '{' | '[' => {
                if c == '{' && base.is_none_or(|b| b == depth) {
                    base = Some(depth);
                    start = Some(i);
                }
                depth += 1;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if c == '}' && Some(depth) == base {
                    if let Some(s) = start.take() {
                        out.push(body.get(s..=i).unwrap_or(""));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(body.get(s..).unwrap_or(""));
    }
    out
}

/// The string values of `keys` in `object`, in the keys' order. One function for both key
/// lists, so their iterator is compiled once.
fn values<'o>(object: &'o str, keys: &'static [&'static str]) -> impl Iterator<Item = String> + 'o {
    keys.iter().filter_map(move |k| string_value(object, k))
}

/// The string value of the first `key` in `object` that has one (`"key": "value"`), with its
/// escapes undone; keys whose value is an object, a number or a list are passed over.
fn string_value(object: &str, key: &str) -> Option<String> {
    values_of(object, key).find_map(|rest| rest.strip_prefix('"').map(unescape))
}

/// A JSON string's text up to its closing quote, with `\"`, `\\`, `\/`, `\n`, `\t`, `\r` and
/// `\uXXXX` undone (an unpaired surrogate becomes U+FFFD).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') | Some('r') | Some('t') => out.push(' '),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let c = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    out.push(c);
                }
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
        if out.len() > 8 * 1024 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_of_an_array_a_lone_object_and_a_cut_paste() {
        assert_eq!(
            objects(r#"[{"a":"}"},{"b":{"c":1}}]"#),
            vec![r#"{"a":"}"}"#, r#"{"b":{"c":1}}"#]
        );
        assert_eq!(objects(r#"  {"a": 1}"#), vec![r#"{"a": 1}"#]);
        assert_eq!(objects(r#"{"a": "x","#), vec![r#"{"a": "x","#]);
        assert!(objects("no json").is_empty());
    }

    #[test]
    fn mailgun_reply_codes_are_a_servers_only() {
        let event = r#"{"event": "failed", "delivery-status": {"code": 550, "message": "x"}}"#;
        assert_eq!(reply_code(event), "550");
        // Mailgun's own code, no code, a code outside "delivery-status".
        assert_eq!(reply_code(r#"{"delivery-status": {"code": 605}}"#), "");
        assert_eq!(reply_code(r#"{"delivery-status": {"code": "550"}}"#), "");
        assert_eq!(reply_code(r#"{"code": 550, "delivery-status": {}}"#), "");
        assert_eq!(
            number_value(r#"{"code": "x", "code": 451}"#, "\"code\"").as_deref(),
            Some("451")
        );
    }

    /// SparkPost's events (review h213, item 3): the failure types only, the recipient in
    /// "rcpt_to", the receiver's reply unmasked ("raw_reason", not "reason"), the reply code in
    /// "error_code", a "delay" still retried, and the service named.
    #[test]
    fn sparkpost_events_give_the_receivers_own_reply() {
        let sample = |kind: &str| {
            format!(
                r#"{{"msys": {{"message_event": {{"type": "{kind}", "bounce_class": "50", "error_code": "554", "rcpt_to": "kenta@example.org", "raw_rcpt_to": "kenta@example.org", "raw_reason": "554 5.7.1 Client host [198.51.100.25] blocked using bl.example.net", "reason": "554 5.7.1 Client host [a.b.c.d] blocked using bl.example.net"}}}}}}"#
            )
        };
        let d = event(&sample("bounce"), true).expect("a bounce is a failure");
        assert_eq!(d.recipient, "kenta@example.org");
        assert!(d.diagnosis.contains("[198.51.100.25]"), "{}", d.diagnosis);
        assert_eq!(
            (d.action.as_str(), d.reply_code.as_str()),
            ("failed", "554")
        );
        assert_eq!(
            event(&sample("delay"), true).map(|d| d.action),
            Some("delayed".into())
        );
        for none in ["delivery", "injection", "spam_complaint", "open", "click"] {
            assert!(event(&sample(none), true).is_none(), "{none}");
        }
        assert_eq!(sending_service(&sample("bounce")), Some("sparkpost"));
        // The event's own class names the reason only where its words name none.
        let invalid = sample("bounce").replace("\"50\"", "\"10\"");
        assert_eq!(
            event(&invalid, true).and_then(|d| d.reason),
            Some(Reason::UserUnknown)
        );
    }

    #[test]
    fn string_values_skip_objects_and_undo_escapes() {
        let o = r#"{"message": {"headers": {}}, "delivery-status": {"message": "550 a\/b \"q\" \u00e9"}}"#;
        assert_eq!(
            string_value(o, "\"message\"").as_deref(),
            Some("550 a/b \"q\" é")
        );
        assert_eq!(string_value(o, "\"missing\""), None);
        assert_eq!(string_value(r#"{"k": 5}"#, "\"k\""), None);
    }
}
