//! A Go program's log of a mail server that answered with a line that is no SMTP reply:
//! Go's SMTP client reads replies with net/textproto, whose error for a line without a
//! three-digit code is "short response: " followed by the line as received
//! (`textproto.ProtocolError("short response: " + line)`, net/textproto/reader.go,
//! `parseCodeLine`). A delivery daemon logs it with the connection it tried:
//!
//! ```text
//! deliverd.getSmtpClient: unable to get a client 0.0.0.0 -> 192.0.2.27 : 25 - short response: This IP [198.51.100.7] is blocked.
//! ```
//!
//! The line is the server's own words, read only when a connection to a mail port stands
//! before it on the same line: someone's prose about "a short response" is no server's line.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::text;

pub(crate) const AGENT: &str = "GoTextproto";

/// net/textproto's words before the server's line.
const MARK: &str = "short response: ";

/// The mail ports a sending program connects to (SMTP, submission, submissions, and the
/// common alternative 2525).
const PORTS: &[&str] = &["25", "465", "587", "2525"];

/// True when `before` names a connection to a mail port: ":25", " : 25", ":587 ", ...
fn to_a_mail_port(before: &str) -> bool {
    let b = before.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b':' {
            return false;
        }
        let rest = before.get(i + 1..).unwrap_or_default().trim_start();
        let digits: &str = rest
            .get(..rest.bytes().take_while(u8::is_ascii_digit).count())
            .unwrap_or_default();
        PORTS.contains(&digits)
    })
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    for line in mail.body.lines() {
        let Some(p) = text::find(line, MARK) else {
            continue;
        };
        let before = line.get(..p).unwrap_or_default();
        let reply = line.get(p + MARK.len()..).unwrap_or_default().trim();
        if reply.is_empty() || !to_a_mail_port(before) {
            continue;
        }
        let diagnosis = text::sweep(reply);
        return Some(Rising {
            deliveries: vec![Delivery {
                reason: super::netscape::refusal_reason(&diagnosis),
                diagnosis,
                action: "failed".into(),
                ..Delivery::default()
            }],
            rfc822: String::new(),
        });
    }
    None
}
