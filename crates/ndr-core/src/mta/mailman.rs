//! Mailman's notice that a post waits for the list moderator: not a bounce, nothing has
//! failed. The "recipient" is the list, its action `delayed`; `run` adds the note
//! `held_for_moderation` with the reason the notice gives.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text};

/// The agent name `run` looks for.
pub(crate) const AGENT: &str = "MailmanHold";

/// Mailman 2's notice (templates/en/postheld.txt): "Your mail to 'Birders-L' with the
/// subject ... Is being held until the list moderator can review it for approval. The reason
/// it is being held: ... Either the message will get posted to the list, or you will receive
/// notification of the moderator's decision." (Its Subject, "Your message to Birders-L awaits
/// moderator approval", is not needed: a paste has none.) Source: GNU Mailman 2.1,
/// Mailman/Handlers/Hold.py.
const HELD: &[&str] = &["is being held until the list moderator can review it for approval"];

/// The label of the line after which the notice gives the reason for the hold.
const REASON_LABEL: &str = "The reason it is being held:";

/// Address suffixes of a list's own administrative addresses, which the list's address is the
/// rest of ("birders-l-owner@lists.example.org" is about "birders-l@lists.example.org").
const LIST_SUFFIXES: &[&str] = &["-owner", "-bounces", "-request", "-admin"];

/// How the notice itself opens (postheld.txt); a notice that opens otherwise is something
/// else quoting it, such as a bounce of the notice (held-out flufl.bounce microsoft_03: "---
/// Non-Delivery Report --- ... Old message: Your mail to 'GPC-talk' ...").
const OPENINGS: &[&str] = &["Your mail to ", "Your message to "];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let head = text::clip(&mail.body, 4096);
    let opens = head
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| OPENINGS.iter().any(|o| l.trim_start().starts_with(o)));
    let held = HELD.iter().any(|h| text::find_ci(head, h).is_some());
    if !(opens && held) {
        return None;
    }
    let sentence = head
        .lines()
        .find(|l| HELD.iter().any(|h| text::find_ci(l, h).is_some()))
        .map(text::sweep)
        .unwrap_or_default();
    let recipient = list_address(mail).unwrap_or_default();
    if recipient.is_empty() {
        return None;
    }
    Some(Rising {
        deliveries: vec![Delivery {
            recipient,
            action: "delayed".into(),
            diagnosis: sentence,
            agent: AGENT,
            ..Delivery::default()
        }],
        rfc822: String::new(),
    })
}

/// The reason the notice gives for the hold ("Post by non-member to a members-only list"):
/// the first non-empty line after `REASON_LABEL`.
pub(crate) fn hold_reason(body: &str) -> Option<String> {
    let at = text::find_ci(body, REASON_LABEL)? + REASON_LABEL.len();
    body.get(at..)?
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

/// The list's address: from the notice's own sender (an `-owner`, `-bounces` address), else
/// from its confirmation link (".../mailman/confirm/LIST/TOKEN" on the list's host).
fn list_address(mail: &Mail) -> Option<String> {
    for h in ["from", "sender", "reply-to"] {
        if let Some(a) = address::find(mail.header(h)) {
            if let Some((local, domain)) = a.split_once('@') {
                if let Some(list) = LIST_SUFFIXES.iter().find_map(|s| local.strip_suffix(s)) {
                    return Some(format!("{list}@{domain}"));
                }
            }
        }
    }
    const CONFIRM: &str = "/mailman/confirm/";
    let p = mail.body.find(CONFIRM)?;
    let before = mail.body.get(..p)?;
    let host = before.get(before.rfind("://")? + 3..)?;
    let list = mail.body.get(p + CONFIRM.len()..)?.split('/').next()?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    };
    // The link's host serves the list's pages; Mailman's default setup gives it the list's
    // mail domain.
    (ok(host) && ok(list) && host.contains('.')).then(|| format!("{list}@{host}"))
}
