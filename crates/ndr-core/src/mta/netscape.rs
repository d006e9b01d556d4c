//! The "Mail System Error - Returned Mail" notice of Netscape Messaging Server and its heirs
//! (Critical Path, iPlanet; Verizon and other ISPs sent it from "Mail Administrator
//! <Postmaster@...>"), as a whole message or pasted, with or without its header.
//!
//! ```text
//! This Message was undeliverable due to the following reason:
//!
//! Your message was not delivered because the destination computer was
//! not found.  Carefully check that it was spelled correctly and try
//! sending it again if there were any mistakes.
//!
//!      Host mx.example.org not found
//!
//! The following recipients did not receive this message:
//!
//!      <user@example.org>
//!
//! Please reply to Postmaster@example.net
//! if you feel this message to be in error.
//! ```
//!
//! or, when a remote server refused each recipient:
//!
//! ```text
//! Each of the following recipients was rejected by a remote mail server.
//! The reasons given by the server are included to help you determine why
//! each recipient was rejected.
//!
//!     Recipient: <user@example.org>
//!     Reason:    550 5.1.1 <user@example.org>... User unknown
//! ```
//!
//! The first form gives its reason in the paragraphs above the list (the lead-in is often cut
//! from a forward, leaving only "Host ... not found"); a report part may follow with "Status:"
//! and "Remote-MTA:" lines. The second gives the server's words after "Reason:".
//! Sources: the notice's text as Apache James' early ReturnToSenderServlet wrote it (the same
//! sentences: "This Message was undeliverable due to the following reason:", "Host ... not
//! found", "The following recipients did not receive this message:", "Please reply to ...
//! if you feel this message to be in error."); Sisimai's EZweb reader (au's gateway sent the
//! same notice: "Each of the following recipients was rejected by a remote mail server");
//! flufl.bounce's test data (caiwireless_01).

use super::{Delivery, Rising};
use crate::decode::Mail;
use crate::{address, dsn, text, Reason};

pub(crate) const AGENT: &str = "NetscapeMS";

/// The heading over the list of recipients the first form failed.
const LIST_HEADING: &str = "The following recipients did not receive this message:";

/// The notice's closing sentence, after the list.
const CLOSING: &str = "if you feel this message to be in error.";

/// The notice's lead-in, above its reason: no part of the reason.
const LEAD_IN: &str = "This Message was undeliverable due to the following reason:";

/// The notice's own sentences that say the recipient's host was not found: its "Host NAME
/// not found" line and the sentence above it.
fn host_not_found(words: &str) -> bool {
    let found = |line: &str| {
        let t = line.trim();
        t.strip_prefix("Host ")
            .and_then(|r| r.strip_suffix(" not found"))
            .is_some_and(|h| !h.is_empty() && !h.contains(' '))
    };
    words.lines().any(found)
        || text::contains(
            words,
            "not delivered because the destination computer was not found",
        )
}

/// Words of a mail server's refusal of the sending server itself, lowercase: a blocklist
/// ("listed on an international blacklist", "Your IP is blacklisted", "blocklisted"), or the
/// connecting IP or server blocked ("This IP [192.0.2.1] is blocked."). Read only in what the
/// form has already shown to be a server's refusal (this notice's "Reason:", a server's line
/// in `shortresponse`), and only when the wording tables know none of its words.
const LIST_WORDS: &[&str] = &[
    "blacklist",
    "blocklist",
    "black list",
    "block list",
    "dnsbl",
];

/// The reason a server's refusal words (`LIST_WORDS`, or an IP or server that "is blocked")
/// when the wording tables recognise none: `Blocked`, else `None`.
pub(crate) fn refusal_reason(words: &str) -> Option<Reason> {
    if crate::reason::is_worded(words) {
        return None;
    }
    let lc = text::lower(words);
    let listed = LIST_WORDS.iter().any(|w| text::contains(&lc, w));
    let ip_blocked = text::contains(&lc, " is blocked")
        && ["ip ", "ip[", "ip address", "server", "host"]
            .iter()
            .any(|w| text::contains(&lc, w));
    (listed || ip_blocked).then_some(Reason::Blocked)
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let lines: Vec<&str> = mail.body.lines().collect();
    let mut out = listed(&lines);
    if out.is_empty() {
        out = paired(&lines);
    }
    (!out.is_empty()).then(|| Rising {
        deliveries: out,
        rfc822: String::new(),
    })
}

/// The first form: the reason above `LIST_HEADING`, the addresses below it, then
/// `CLOSING`; "Status:" and "Remote-MTA:" lines after it, when the notice's report part
/// follows.
fn listed(lines: &[&str]) -> Vec<Delivery> {
    let Some(h) = lines.iter().position(|l| l.trim() == LIST_HEADING) else {
        return Vec::new();
    };
    // The closing sentence within a few lines of the list: the notice's own frame, not a
    // letter that quotes its heading.
    let Some(close) = lines
        .iter()
        .skip(h + 1)
        .take(40)
        .position(|l| l.trim_end().ends_with(CLOSING))
        .map(|n| h + 1 + n)
    else {
        return Vec::new();
    };
    // The reason: the paragraphs above the heading, up to the lead-in or at most 12 lines.
    let mut from = h;
    while from > 0 && h - from < 12 {
        let prev = lines[from - 1].trim();
        if prev == LEAD_IN || prev.starts_with("Subject:") || prev.starts_with("To:") {
            break;
        }
        from -= 1;
    }
    let words = lines[from..h].join("\n");
    let reason = host_not_found(&words).then_some(Reason::HostUnknown);
    let diagnosis = text::sweep(&words);
    let mut out: Vec<Delivery> = Vec::new();
    for line in &lines[h + 1..close] {
        for part in line.split(", ") {
            let part = part.trim();
            if !(part.starts_with('<') && part.ends_with('>')) {
                continue;
            }
            if let Some(recipient) = address::find(part) {
                out.push(Delivery {
                    recipient,
                    diagnosis: diagnosis.clone(),
                    reason,
                    action: "failed".into(),
                    ..Delivery::default()
                });
            }
        }
    }
    // The report part's fields, when they follow the notice (one recipient: they are its).
    if let [only] = out.as_mut_slice() {
        for line in lines.iter().skip(close + 1).take(60) {
            if let Some(f) = dsn::field(line.trim_start()) {
                if matches!(f.name, dsn::Name::Status | dsn::Name::RemoteMta)
                    && only.get_field(f.name).is_empty()
                {
                    only.set_field(f.name, &f.value);
                }
            }
        }
    }
    out
}

/// The second form: a "Recipient: <address>" line right above a "Reason: ..." line, both at
/// a line's start (after indentation), the reason going on until a blank line or the next
/// recipient. Only the pair makes the form: a letter's "Reason:" alone is no notice.
fn paired(lines: &[&str]) -> Vec<Delivery> {
    let mut out: Vec<Delivery> = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() && out.len() < 10_000 {
        let addr = lines[i]
            .trim_start()
            .strip_prefix("Recipient:")
            .map(str::trim)
            .filter(|a| a.starts_with('<') && a.ends_with('>') && !a.contains(' '))
            .and_then(address::find);
        let reason = lines[i + 1].trim_start().strip_prefix("Reason:");
        let (Some(recipient), Some(first)) = (addr, reason) else {
            i += 1;
            continue;
        };
        let mut words = first.trim().to_string();
        let mut j = i + 2;
        while j < lines.len() && j < i + 6 {
            let next = lines[j].trim();
            if next.is_empty() || next.starts_with("Recipient:") {
                break;
            }
            words.push(' ');
            words.push_str(next);
            j += 1;
        }
        if !words.is_empty() {
            let diagnosis = text::sweep(&words);
            out.push(Delivery {
                recipient,
                reason: refusal_reason(&diagnosis),
                diagnosis,
                action: "failed".into(),
                ..Delivery::default()
            });
        }
        i = j;
    }
    out
}
