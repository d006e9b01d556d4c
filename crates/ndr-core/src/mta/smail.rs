//! Smail 3 and Deutsche Telekom's (T-Online, magenta.de) mail servers, which write Smail 3's
//! layout with their own banners.
//!
//! ```text
//! |------------------------- Failed addresses follow: ---------------------|
//!  <example@t-online.de>
//!    552 5.2.2 <example@t-online.de> Quota exceeded (mailbox for user is full)
//!
//! |------------------------- Message header follows: ----------------------|
//! ```
//! Smail 3 itself writes " kijitora@example.com ... failed: unknown host" instead, after an
//! optional "Message log follows" section.
//! Source: smail-3.2.0.108 `src/notify.c`, go-sisimai `lhost/via-deutschetelekom.go`.

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, text};

const LOG: &str = "--- Message log follows: ---";
const FAILED: &str = "--- Failed addresses follow: ---";
const ORIGINAL: &[&str] = &[
    "--- Message header follows: ---",
    "--- Message text follows: ---",
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let body = mail.body.as_str();
    let failed_at = text::find(body, FAILED)?;
    let cut = ORIGINAL
        .iter()
        .filter_map(|b| text::find(body.get(failed_at..)?, b).map(|p| failed_at + p))
        .min()
        // The start of the banner's line.
        .map_or(body.len(), |p| body[..p].rfind('\n').map_or(0, |n| n + 1));
    let head = body.get(..cut).unwrap_or("");
    let original = body
        .get(cut..)
        .and_then(|r| r.split_once('\n'))
        .map_or("", |(_, r)| r);

    let mut log = String::new();
    let mut in_log = false;
    let mut reading = false;
    let mut deliveries: Vec<Delivery> = Vec::new();
    for line in head.lines() {
        let line = line.trim_end();
        if !reading {
            if line.contains(FAILED) {
                reading = true;
            } else if line.contains(LOG) {
                in_log = true;
            } else if in_log && !line.is_empty() && !line.starts_with('|') {
                // "no valid recipients were found for this message"
                log.push_str(line);
                log.push(' ');
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let t = line.trim();
        if line.starts_with(" <") && t.ends_with('>') && !t.contains(' ') {
            //  <example@t-online.de>
            if let Some(a) = address::find(t) {
                deliveries.push(Delivery {
                    recipient: a,
                    ..Delivery::default()
                });
            }
        } else if let Some((addr, error)) =
            text::find(t, " ... ").and_then(|p| Some((t.get(..p)?, t.get(p + 5..)?)))
        {
            //  kijitora@example.com ... failed: unknown host
            if address::is_email(addr) {
                deliveries.push(Delivery {
                    recipient: addr.to_string(),
                    diagnosis: format!("{log} {error}"),
                    ..Delivery::default()
                });
            }
        } else if let Some(v) = deliveries.last_mut() {
            //    552 5.2.2 <example@t-online.de> Quota exceeded (mailbox for user is full)
            v.diagnosis.push(' ');
            v.diagnosis.push_str(t);
        }
    }
    if deliveries.is_empty() {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
