//! Read receipts (RFC 8098 message disposition notifications): the recipient's mail program
//! reports what happened to the message after it arrived. Nothing failed, so the recipient is
//! reported as `delivered`, and `run` adds the note `read_receipt` with the disposition type
//! (`displayed`, `deleted`, `dispatched`, `processed`).

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text, Reason};

/// The agent name `run` looks for.
pub(crate) const AGENT: &str = "MDN";

/// The report type of a disposition notification (RFC 8098 section 3:
/// "Content-Type: multipart/report; report-type=disposition-notification").
/// Source: https://www.rfc-editor.org/rfc/rfc8098#section-3
const REPORT_TYPE: &str = "disposition-notification";

/// What mail programs write in the visible part of a read receipt, lowercase, with the
/// disposition each one stands for. A receipt pasted without its headers is known by these.
const SHOWN: &[(&str, &str)] = &[
    // Outlook: "Your message To: ... Subject: ... Sent: ... was read on 11/24/2026 10:12 AM."
    // and "... was deleted without being read on ...". Reviewer case, general wording.
    ("was deleted without being read", "deleted"),
    ("was read on", "displayed"),
    // Outlook in Japanese: "メッセージ 宛先: ... 件名: ... は 2026/11/24 10:12 に開封されました。"
    // ("was opened on"), and "開封されずに削除されました" ("deleted without being opened").
    // Reviewer case, general wording.
    ("開封されずに削除されました", "deleted"),
    ("に開封されました", "displayed"),
    // Thunderbird and Gmail: "This is a Return Receipt for the mail that you sent to ...
    // Note: This Return Receipt only acknowledges that the message was displayed on the
    // recipient's computer." General wording of both programs' receipts.
    ("displayed on the recipient's computer", "displayed"),
];

/// The words of `SHOWN`, in its order.
const SHOWN_WORDS: [&str; 5] = [SHOWN[0].0, SHOWN[1].0, SHOWN[2].0, SHOWN[3].0, SHOWN[4].0];

/// Subject prefixes of read receipts ("Read: <subject>", 「開封済み: <subject>」, Thunderbird's
/// "Return Receipt (displayed) - <subject>"), lowercase. Reviewer case, general wording.
const SUBJECTS: &[&str] = &[
    "read:",
    "開封済み:",
    "開封済み：",
    "開封確認",
    "return receipt",
    "read receipt",
    "already read:",
];

/// The part of the body a receipt's own words are looked for in: a receipt is short, and
/// the original message may follow it.
const HEAD: usize = 4096;

/// A read receipt known by its report type: its `Disposition:` field says what happened.
fn structured(mail: &Mail) -> Option<Rising> {
    text::find_ci(mail.header("content-type"), REPORT_TYPE)?;
    Some(receipt(
        mail,
        disposition_field(&mail.body),
        visible_words(&mail.body),
        None,
    ))
}

/// A read receipt as a mail program shows it. Only what is clearly one: pasted text (no
/// header block) or a receipt's Subject, a receipt's own words near the start, and no
/// server's error reply near them (a bounce of a receipt is a bounce).
pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if let Some(r) = structured(mail) {
        return Some(r);
    }
    let titled = text::starts_with_any(&text::lower(mail.subject()), SUBJECTS);
    if !(titled || mail.headers.is_empty()) {
        return None;
    }
    let head = text::clip(&mail.body, HEAD);
    let lc = text::lower(head);
    let (p, k) = text::find_earliest(&lc, &SHOWN_WORDS)?;
    if head
        .lines()
        .any(|l| super::generic::reply_start(l).is_some())
    {
        return None;
    }
    let disposition = SHOWN.get(k).map_or("", |s| s.1);
    let (words, named, reader) = shown_receipt(head, p);
    if !(named || titled) {
        // Words like "was read on" in a person's text, with no line naming whom the message
        // went to and no receipt's Subject: not clearly a receipt.
        return None;
    }
    Some(receipt(mail, disposition.to_string(), words, reader))
}

fn receipt(mail: &Mail, disposition: String, diagnosis: String, reader: Option<String>) -> Rising {
    let recipient = field(&mail.body, "Final-Recipient")
        .or_else(|| field(&mail.body, "Original-Recipient"))
        .map(|v| address::from_dsn_value(&v))
        .filter(|a| address::is_email(a))
        .or(reader)
        .or_else(|| address::find(mail.from()))
        .unwrap_or_default();
    let mut rfc822 = String::new();
    if let Some(to) = address::find(mail.header("to")) {
        // The receipt goes back to the original sender: the sender's domain.
        rfc822.push_str(&format!("From: <{to}>\n"));
    }
    Rising {
        deliveries: vec![Delivery {
            recipient,
            action: "delivered".into(),
            diagnosis,
            reason: Some(Reason::Delivered),
            feedback_type: disposition,
            agent: AGENT,
            ..Delivery::default()
        }],
        rfc822,
    }
}

/// The value of the first `name:` field at the start of a line of `body`.
fn field(body: &str, name: &str) -> Option<String> {
    body.lines()
        .find_map(|l| text::field_value(l.trim_start(), name))
        .map(str::to_string)
        .filter(|v| !v.is_empty())
}

/// The disposition type of the `Disposition:` field (RFC 8098 section 3.2.6:
/// "Disposition: manual-action/MDN-sent-manually; displayed"): the word after the `;`,
/// without modifiers ("/error"). Empty when there is none.
fn disposition_field(body: &str) -> String {
    let Some(v) = field(body, "Disposition") else {
        return String::new();
    };
    let kind = v.split(';').nth(1).unwrap_or("").trim();
    let kind = kind.split(['/', ' ']).next().unwrap_or("");
    if kind.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        kind.to_ascii_lowercase()
    } else {
        String::new()
    }
}

/// The receipt's own sentence(s): the text before the report fields, on one line.
fn visible_words(body: &str) -> String {
    let head = text::clip(body, HEAD);
    let end = text::find(head, "Content-Type: ").unwrap_or(head.len());
    text::clip(&text::sweep(head.get(..end).unwrap_or(head)), 400).to_string()
}

/// Labels of the line that names the person who read the message: Outlook's "To:" /
/// 「宛先:」 under "Your message".
const READER_LINES: &[&str] = &["To:", "To\u{ff1a}", "宛先:", "宛先\u{ff1a}"];

/// Thunderbird's and Gmail's sentence before the address of the person who read it: "This is
/// a Return Receipt for the mail that you sent to <address>", "This is a receipt for the mail
/// you sent to <address>". General wording of both programs' receipts.
const READER_WORDS: &[&str] = &[
    "mail that you sent to ",
    "mail you sent to ",
    // Web mail receipts that put the reader first: "Message was read by <name> <address> on
    // Wed, 9 Nov 2022 10:38:52", above Thunderbird's "Note: This Return Receipt only
    // acknowledges ...". Reviewer case (round 2), general wording.
    "message was read by ",
];

/// The receipt's words as shown, from the line before the last line naming the reader that
/// comes before the receipt's sentence at `at` ("Your message" / 「メッセージ」) to the end of
/// that sentence's line; and the reader's address on that line, if it gives one. A pasted
/// header block above ("宛先: <the sender>") is left out that way. The flag says whether a
/// line names the reader at all (perhaps by name only, without an address).
fn shown_receipt(head: &str, at: usize) -> (String, bool, Option<String>) {
    let end = head
        .get(at..)
        .and_then(|r| r.find('\n'))
        .map_or(head.len(), |n| at + n);
    let line_start = head
        .get(..at)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |n| n + 1);
    let mut start = line_start;
    let mut named = false;
    let mut reader = None;
    let mut prev: Option<usize> = None;
    let mut offset = 0;
    // Lines wholly before the sentence's own line.
    for line in head.get(..line_start).unwrap_or("").split_inclusive('\n') {
        let l = line.trim();
        let names = READER_LINES.iter().any(|p| l.starts_with(p))
            || READER_WORDS.iter().any(|w| text::find_ci(l, w).is_some());
        if names {
            named = true;
            reader = address::find(l);
            start = prev.unwrap_or(offset);
        }
        if !l.is_empty() {
            prev = Some(offset);
        }
        offset += line.len();
    }
    let words = text::sweep(head.get(start..end).unwrap_or(""));
    (text::clip(&words, 400).to_string(), named, reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disposition_type_without_mode_and_modifiers() {
        for (field, kind) in [
            (
                "Disposition: manual-action/MDN-sent-manually; displayed\n",
                "displayed",
            ),
            (
                "Disposition: automatic-action/MDN-sent-automatically; deleted/error\n",
                "deleted",
            ),
            (
                "disposition:   automatic-action/MDN-sent-automatically;Processed",
                "processed",
            ),
            ("Disposition: manual-action/MDN-sent-manually\n", ""),
            ("Disposition: x; <b>\n", ""),
            ("Reporting-UA: a\n", ""),
        ] {
            assert_eq!(disposition_field(field), kind, "{field}");
        }
    }
}
