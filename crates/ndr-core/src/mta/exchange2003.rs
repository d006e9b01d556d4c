//! Microsoft Exchange Server 2003 (and the Internet Mail Service of Exchange 5.5).
//!
//! ```text
//! Your message
//!
//!   To:      shironeko@example.jp
//!   Subject: ...
//!   Sent:    Thu, 29 Apr 2010 18:14:35 +0000
//!
//! did not reach the following recipient(s):
//!
//! kijitora@example.co.jp on Thu, 29 Apr 2007 16:51:51 -0500
//!     The recipient name is not recognized
//!     MSEXCH:IMS:KIJITORA CAT:EXAMPLE:EXCHANGE 0 (000C05A6) Unknown Recipient
//! ```

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::status;
use crate::Reason::{self, *};
use crate::{address, text};

/// Exchange's diagnostic codes (the hexadecimal code in parentheses after MSEXCH:).
/// Source: Microsoft KB articles on Exchange 5.5/2000/2003 NDR codes, as listed in
/// go-sisimai `lhost/via-exchange2003.go`.
const CODES: &[(&str, Reason)] = &[
    ("000C05A6", UserUnknown),   // Unknown Recipient
    ("000C0595", Filtered),      // Ambiguous Recipient
    ("00010256", SystemError),   // Too many recipients
    ("000D06B5", SystemError),   // No proxy for recipient (non-smtp mail?)
    ("00120270", NetworkError),  // Too Many Hops
    ("00050311", ContentError),  // Conversion to Internet format failed
    ("000502CC", ContentError),  // Conversion to Internet format failed
    ("000B0981", SecurityError), // 502 Server does not support AUTH
    ("000B099C", OnHold),        // Host Unknown, Message exceeds size limit, ...
    ("000B09AA", OnHold),        // Unable to relay for, Message exceeds size limit, ...
    ("000B09B6", OnHold),        // Error messages by remote MTA
];

fn is_exchange(mail: &Mail) -> bool {
    if mail.has_header("x-ms-embedded-report") {
        return true;
    }
    let mailer = mail.header("x-mailer");
    mailer.starts_with("Internet Mail Service (")
        || mailer.starts_with("Microsoft Exchange Server Internet Mail Connector")
        || mail
            .header("x-mimeole")
            .starts_with("Produced By Microsoft Exchange")
        || mail
            .headers_named("received")
            .any(|r| r.contains(" with Internet Mail Service ("))
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !is_exchange(mail) {
        return None;
    }
    let (head, original) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let mut deliveries: Vec<Delivery> = vec![Delivery::default()];
    let mut another: Vec<String> = vec![String::new()];
    let mut msexch_done: Vec<bool> = vec![false];
    let mut reading = false;
    let mut status_part = false;
    let mut conn = [String::new(), String::new(), String::new()];
    let mut conn_count = 0;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Your message");
            continue;
        }
        if status_part {
            continue;
        }
        if conn_count == conn.len() {
            let last = deliveries.len() - 1;
            if text::aligned(line, &["@", " on "]) {
                if !deliveries[last].recipient.is_empty() {
                    deliveries.push(Delivery::default());
                    another.push(String::new());
                    msexch_done.push(false);
                }
                // c=US;a= ;p=neko;o=kijitora;cat:SMTP=NEKOCHAN@EXAMPLE.COM; on Fri, 4 Oct 2002
                let lower = text::lower(line);
                let rcpt = match text::between(&lower, ":smtp=", "; on ") {
                    Some(a) => a.to_string(),
                    None => line.split(" on ").next().unwrap_or("").trim().to_string(),
                };
                deliveries.last_mut().expect("pushed").recipient = rcpt;
                continue;
            }
            let v = deliveries.last_mut().expect("never empty");
            if line.starts_with(' ') && line.contains("MSEXCH:") {
                v.diagnosis.push_str(line.trim_start());
            } else if !msexch_done[last] {
                if v.diagnosis.starts_with("MSEXCH:") {
                    msexch_done[last] = true;
                    status_part = true;
                    v.diagnosis.push(' ');
                    v.diagnosis.push_str(line);
                } else {
                    another[last].push(' ');
                    another[last].push_str(line);
                }
            }
        } else {
            for (i, names) in [
                ["  To:  ", "      To: "],
                ["  Subject: ", "      Subject: "],
                ["  Sent: ", "      Sent: "],
            ]
            .iter()
            .enumerate()
            {
                if names.iter().any(|n| line.starts_with(n)) && conn[i].is_empty() {
                    conn[i] = line
                        .split_once(':')
                        .map_or("", |(_, v)| v)
                        .trim()
                        .to_string();
                    conn_count += 1;
                }
            }
        }
    }
    deliveries.retain(|d| !d.recipient.is_empty());
    if deliveries.is_empty() {
        return None;
    }
    for (j, e) in deliveries.iter_mut().enumerate() {
        e.diagnosis = text::sweep(&e.diagnosis);
        if text::aligned(&e.diagnosis, &["MSEXCH:", "(", ")"]) {
            let code = text::between(&e.diagnosis, "(", ")")
                .unwrap_or("")
                .to_string();
            let message = e
                .diagnosis
                .split_once(") ")
                .map_or("", |(_, m)| m)
                .to_string();
            if let Some((_, r)) = CODES.iter().find(|(c, _)| *c == code) {
                e.reason = Some(*r);
                e.status = status::pseudo_code(*r, false);
            }
            e.diagnosis = message;
        }
        let alt = another.get(j).map(String::as_str).unwrap_or("");
        if e.reason.is_none() && !alt.is_empty() {
            e.diagnosis = text::sweep(&format!("{alt} {}", e.diagnosis));
        }
    }
    let rfc822 = if original.is_empty() {
        format!("From: {}\n", conn[0])
    } else {
        original.to_string()
    };
    Some(Rising { deliveries, rfc822 })
}

/// The lines under which Exchange 4.0 to 2003 (and Outlook, for a message its server refused)
/// list the recipients a message did not reach, each with the time and the reason below it:
///
/// ```text
/// Your message did not reach some or all of the intended recipients.
///
///       Subject:  Quote
///       Sent:     3/1/2005 10:00 AM
///
/// The following recipient(s) could not be reached:
///
///       'Ann Example' on 3/1/2005 10:00 AM
///             The recipient name is not recognized
///             MSEXCH:IMS:Example:Site:EX01 0 (000C05A6) Unknown Recipient
/// ```
///
/// The recipient may be an SMTP address, a display name, or an X.400 address written over one
/// or more lines ("c=US;a= ;p=Org;o=Site;dda:MSEXCHANGE=/o=ORG/ou=SITE/cn=Recipients/cn=ann;
/// on 12/7/99 3:06 PM"). Layouts from Microsoft's Exchange 4.0-5.5 articles (Q133403, Q258678
/// and others: "The following recipient(s) could not be reached:", "The message was not
/// delivered to the following recipient(s):").
const RECIPIENT_LISTS: &[&str] = &[
    "could not be reached:",
    "cannot be reached:",
    "did not reach the following recipient(s):",
    "not delivered to the following recipient(s):",
];

/// The agent of `visible`'s deliveries: one whose entry names no SMTP address is still kept
/// (`fact::build`), as a pasted reply line is.
pub(crate) const VISIBLE_AGENT: &str = "Exchange2003Visible";

/// The notice as pasted (no header names Exchange), when no other reader found a recipient in
/// it: its recipients are often no SMTP address at all. One delivery per recipient, its
/// address when the entry holds an SMTP one (also Exchange's "cat:SMTP=" form), else none.
pub(crate) fn visible(mail: &Mail) -> Option<Rising> {
    let (head, _) = split_original(&mail.body, &["Content-Type: message/rfc822"]);
    let lines: Vec<&str> = head.lines().collect();
    // Case-blind in place: no lowercase copy of every line.
    let start = lines.iter().position(|l| {
        let t = l.trim_end().as_bytes();
        RECIPIENT_LISTS.iter().any(|m| {
            t.len()
                .checked_sub(m.len())
                .and_then(|at| t.get(at..))
                .is_some_and(|end| end.eq_ignore_ascii_case(m.as_bytes()))
        })
    })?;
    let mut deliveries: Vec<Delivery> = Vec::new();
    // The entry's recipient lines so far (an X.400 address wraps), before its " on " line.
    let mut pending = String::new();
    for line in lines.iter().skip(start + 1) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        // Outlook's and Exchange's own closing lines end the list.
        if text::starts_with_ci(t, "message headers follow") || t.starts_with("Content-Type:") {
            break;
        }
        if let Some(who) = entry_recipient(t) {
            // The lines before it and this one's recipient part (`pending` left empty).
            let mut all = std::mem::take(&mut pending);
            all.push_str(who);
            let who = all;
            let lc = text::lower(&who);
            // "...;cat:SMTP=ann@example.org;" and "[SMTP:ann@example.org]" name the address.
            let tagged = ["smtp=", "smtp:"].iter().find_map(|tag| {
                let rest = lc.get(lc.find(tag)? + tag.len()..)?;
                address::find(rest.split([';', ']', ' ']).next()?)
            });
            let recipient = tagged.or_else(|| address::find(&who)).unwrap_or_default();
            deliveries.push(Delivery {
                recipient,
                action: "failed".into(),
                agent: VISIBLE_AGENT,
                ..Delivery::default()
            });
            continue;
        }
        let Some(d) = deliveries.last_mut() else {
            // An X.400 address over several lines ("c=US;a=" then ";p=Org;...; on ...").
            if pending.len() < 1024 {
                pending.push_str(t);
            }
            continue;
        };
        // The message's own X.400 identifier (and the lines it wraps onto) is no reason.
        if text::starts_with_ci(t, "the mts-id of") || t.starts_with(';') {
            continue;
        }
        if d.diagnosis.len() < 2048 {
            if !d.diagnosis.is_empty() {
                d.diagnosis.push(' ');
            }
            d.diagnosis.push_str(t);
        }
    }
    deliveries.retain(|d| !d.diagnosis.is_empty());
    if deliveries.is_empty() {
        return None;
    }
    for d in &mut deliveries {
        // "MSEXCH:IMS:Org:Site:SERVER 0 (000C05A6) Unknown Recipient": Exchange's own code.
        let code = text::between(&d.diagnosis, "MSEXCH:", ")")
            .and_then(|m| m.rsplit('(').next())
            .unwrap_or("");
        if let Some((_, r)) = CODES.iter().find(|(c, _)| *c == code) {
            d.reason = Some(*r);
            d.status = status::pseudo_code(*r, false);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: String::new(),
    })
}

/// The recipient part of an entry's line, "<recipient> on <date>": a date after the last
/// " on " starts with a digit ("3/1/2005", "20.07.01") or a weekday ("Thu, 29 Apr 2007").
fn entry_recipient(line: &str) -> Option<&str> {
    let p = line.rfind(" on ")?;
    let date = &line[p + 4..];
    let dated = date.starts_with(|c: char| c.is_ascii_digit())
        || (date.len() > 4
            && date.as_bytes()[3] == b','
            && ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .iter()
                .any(|d| text::starts_with_ci(date, d)));
    let who = line[..p].trim().trim_end_matches(';').trim();
    (dated && !who.is_empty()).then_some(who)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Vec<(String, String, Option<Reason>)> {
        let mail = Mail {
            body: body.to_string(),
            ..Mail::default()
        };
        visible(&mail)
            .map(|r| {
                r.deliveries
                    .into_iter()
                    .map(|d| (d.recipient, d.diagnosis, d.reason))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_pasted_notice_lists_its_recipients_whatever_their_address() {
        let body = "Your message did not reach some or all of the intended recipients.\n\n      Subject:  Quote\n      Sent:     3/1/2005 10:00 AM\n\nThe following recipient(s) could not be reached:\n\n      'Ann Example' on 3/1/2005 10:00 AM\n            The recipient name is not recognized\n\tThe MTS-ID of the original message is: c=US;a= ;p=Example;l=EX01-050301100000Z-1\n            MSEXCH:IMS:Example:Site:EX01 0 (000C05A6) Unknown Recipient\n\n      c=US;a= ;p=Example;o=Site;cat:SMTP=bob@example.org; on Tue, 1 Mar 2005 10:00:01 +0900\n            The recipient name is not recognized\n";
        assert_eq!(
            read(body),
            vec![
                (
                    String::new(),
                    "The recipient name is not recognized MSEXCH:IMS:Example:Site:EX01 0 (000C05A6) Unknown Recipient".to_string(),
                    Some(UserUnknown)
                ),
                (
                    "bob@example.org".to_string(),
                    "The recipient name is not recognized".to_string(),
                    None
                ),
            ]
        );
        // An X.400 address wrapped over two lines, the reason after a blank line.
        let wrapped = "The following recipient(s) could not be reached:\n\n  c=US;a=\n  ;p=Org;o=Site;dda:MSEXCHANGE=/o=ORG/cn=Recipients/cn=ann; on 07/19/1999 3:12 PM\n\n  The recipient name is not recognized\n";
        assert_eq!(
            read(wrapped),
            vec![(
                String::new(),
                "The recipient name is not recognized".to_string(),
                None
            )]
        );
        // A list heading without an entry is no notice.
        assert!(
            read("The following recipient(s) could not be reached:\n\nnothing here\n").is_empty()
        );
    }
}
