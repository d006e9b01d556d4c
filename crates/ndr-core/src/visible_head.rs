//! The notice's own header block as a mail program shows it above a pasted bounce: new Outlook
//! and Outlook on the web put it at the top of the text a visitor copies,
//!
//! ```text
//! From: Microsoft Outlook <postmaster@example.com>
//! Sent: Friday, November 20, 2026 3:20 PM
//! To: Ichiro Sato <ichiro@example.com>
//! Subject: Undeliverable: Invoice for November
//! ```
//!
//! and in Japanese 差出人 / 送信日時 / 宛先 / 件名 ("件名: 配信不能: 請求書の送付"). The notice
//! went back to the sender, so its To is the sender, its time is when the refusal came back,
//! and its subject is the returned message's behind Exchange's prefix ("Undeliverable:",
//! "配信不能:", `mta::exchange2007::SUBJECTS`). Read only from the top of a paste (its first
//! header block, after at most a short note of the visitor's, as `decode` reads it), never
//! from a whole message (its own header is the notice's, read elsewhere) or from a block
//! further down (a forward's "-----Original Message-----"); and only when the block is the
//! notice's: a person who forwards the notice writes to someone else, under "FW:
//! Undeliverable: ...".

use crate::decode::Mail;
use crate::{fact, labels, mta, text};

/// What the block says about the returned message.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    /// The To line's value (the sender, as the notice addresses them).
    pub to: String,
    /// The Sent (Date, 送信日時) line's value, when it reads as a date.
    pub sent: String,
    /// The returned message's subject: the notice's subject without its prefix.
    pub subject: String,
}

/// Words of a From line that name a mail system rather than a person, lowercase: Outlook's
/// notices come "From: Microsoft Outlook" (new Outlook, Outlook on the web), with an address
/// such as "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com" or the postmaster's;
/// other systems' senders as `fact::BOUNCE_HEAD_WORDS` has them.
const MAIL_SYSTEM: &[&str] = &["microsoft outlook", "microsoftexchange"];

/// The block at the top of a paste (`mail` is no whole message), when it is the notice's own:
/// its From names a mail system or its Subject starts with Exchange's prefix.
pub(crate) fn read(mail: &Mail) -> Option<Head> {
    if fact::is_whole_message(mail) {
        return None;
    }
    let fields = fields(mail)?;
    let value = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    };
    let (from, to, subject) = (value("from")?, value("to")?, value("subject")?);
    let prefixed = mta::exchange2007::SUBJECTS.iter().find_map(|p| {
        let rest = subject.strip_prefix(p)?.trim_start();
        rest.strip_prefix(':')
            .or_else(|| rest.strip_prefix('：'))
            .map(str::trim)
    });
    let lc = text::lower(from);
    let by_a_mail_system = MAIL_SYSTEM
        .iter()
        .chain(fact::BOUNCE_HEAD_WORDS)
        .any(|w| lc.contains(w));
    if prefixed.is_none() && !by_a_mail_system {
        return None;
    }
    let sent = value("sent")
        .or_else(|| value("date"))
        .filter(|d| fact::is_a_date(d))
        .unwrap_or_default();
    // Checked as the returned message's own subject is (`fact::shown_subject`): a notice's
    // subject behind the prefix is a bounce of a bounce.
    let subject = prefixed
        .map(|s| fact::shown_subject(s, mail))
        .unwrap_or_default();
    Some(Head {
        to: to.to_string(),
        sent: sent.to_string(),
        subject,
    })
}

/// The block's fields, (name, value): the header fields the paste was read with (an English
/// block at the very top is read as a header), or the first paragraph of the text when every
/// line of it is a field in Japanese or English ("宛先: ...", "Sent: ..."), the labels given
/// their header names (`labels`).
fn fields(mail: &Mail) -> Option<Vec<(String, String)>> {
    if !mail.headers.is_empty() {
        let fields: Vec<(String, String)> = mail
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        return Some(fields);
    }
    let top = text::clip(mail.body.trim_start_matches(['\n', '\r', ' ']), 4096);
    let paragraph = top.split("\n\n").next()?;
    let mut fields = Vec::new();
    for line in paragraph.lines() {
        let line = line.trim_end();
        if let Some((name, len)) = labels::label(line.as_bytes()) {
            fields.push((name.to_string(), line.get(len..)?.trim().to_string()));
            continue;
        }
        let (name, value) = line.split_once(':')?;
        if name.is_empty() || name.len() > 20 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        fields.push((name.to_string(), value.trim().to_string()));
    }
    (fields.len() >= 2).then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(paste: &str) -> Option<Head> {
        read(&crate::decode::decode(
            paste.as_bytes(),
            crate::charsets::Decoders::default(),
        ))
    }

    const BODY: &str =
        "\nDelivery has failed to these recipients or groups:\n\nkato@example.co.jp\n";

    #[test]
    fn outlooks_block_in_english_and_japanese() {
        let en = format!(
            "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>\nSent: Friday, November 20, 2026 3:20 PM\nTo: Ichiro Sato <ichiro@example.com>\nSubject: Undeliverable: Invoice for November\n{BODY}"
        );
        assert_eq!(
            head(&en),
            Some(Head {
                to: "Ichiro Sato <ichiro@example.com>".into(),
                sent: "Friday, November 20, 2026 3:20 PM".into(),
                subject: "Invoice for November".into(),
            })
        );
        let ja = format!(
            "差出人: Microsoft Outlook <postmaster@example.com>\n送信日時: 2026年11月20日 金曜日 15:20\n宛先: 佐藤 一郎 <ichiro@example.com>\n件名: 配信不能: 請求書の送付\n{BODY}"
        );
        assert_eq!(
            head(&ja),
            Some(Head {
                to: "佐藤 一郎 <ichiro@example.com>".into(),
                sent: "2026年11月20日 金曜日 15:20".into(),
                subject: "請求書の送付".into(),
            })
        );
    }

    #[test]
    fn a_forward_or_a_persons_block_is_not_the_notices() {
        // A person forwarding the notice: the block is theirs.
        let fw = format!(
            "From: Jenny <jenny@example.com>\nSent: Friday, November 20, 2026 3:30 PM\nTo: support@example.net\nSubject: FW: Undeliverable: Invoice\n{BODY}"
        );
        assert_eq!(head(&fw), None);
        // A block inside the text (a forwarded copy's, quoted below it), or no block at all.
        let inside = format!(
            "{BODY}\n-----Original Message-----\nFrom: Microsoft Outlook <postmaster@example.com>\nTo: ichiro@example.com\nSubject: Undeliverable: x\n"
        );
        assert_eq!(head(&inside), None);
        assert_eq!(head(BODY), None);
        // A short note of the visitor's above the block is read as the decoder reads it: the
        // block is still the paste's first header (`decode`).
        let noted = format!(
            "Here is what came back.\n\nFrom: Microsoft Outlook <postmaster@example.com>\nTo: ichiro@example.com\nSubject: Undeliverable: x\n{BODY}"
        );
        assert_eq!(head(&noted).map(|h| h.subject), Some("x".into()));
    }

    /// The subject behind the prefix is checked as the returned message's own is
    /// (`fact::shown_subject`): a bounce of a bounce, text that did not decode, or a long line.
    #[test]
    fn the_blocks_subject_is_checked_as_the_returned_ones() {
        let subject = |line: &str| {
            head(&format!(
                "From: Microsoft Outlook <postmaster@example.com>\nSent: Friday, November 20, 2026 3:20 PM\nTo: ichiro@example.com\nSubject: {line}\n{BODY}"
            ))
            .map(|h| h.subject)
        };
        // A notice about a notice names no mail the sender wrote.
        assert_eq!(
            subject("Undeliverable: Undeliverable: Invoice"),
            Some("".into())
        );
        assert_eq!(
            subject("Undeliverable: Mail delivery failed: returning message to sender"),
            Some("".into())
        );
        assert_eq!(
            subject("Undeliverable: Undelivered Mail Returned to Sender"),
            Some("".into())
        );
        // Bytes that did not read as text.
        assert_eq!(subject("Undeliverable: \u{fffd}\u{fffd}x"), Some("".into()));
        // A long subject is cut as the returned one is, not dropped.
        let long = "a".repeat(300);
        let cut = subject(&format!("Undeliverable: {long}")).unwrap_or_default();
        assert_eq!(cut.chars().count(), 201, "{cut}");
        assert!(cut.ends_with('…'), "{cut}");
        // A plain subject stays.
        assert_eq!(subject("Undeliverable: Invoice"), Some("Invoice".into()));
    }
}
