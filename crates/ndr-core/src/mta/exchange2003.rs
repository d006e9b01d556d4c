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
use crate::text;
use crate::Reason::{self, *};

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
