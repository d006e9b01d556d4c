//! Postfix bounces: "Undelivered Mail Returned to Sender", the bounce(5) template.
//!
//! ```text
//! This is the mail system at host mx.example.jp.
//! ...
//! <user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <user@example.org>:
//!     Recipient address rejected: User unknown (in reply to RCPT TO command)
//! ```
//! followed by a `message/delivery-status` part. Source: Postfix `bounce(5)` and
//! `src/bounce/bounce_notify_util.c`.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name, ORIGINAL_BOUNDARIES};
use crate::smtp::{command, reply, status};
use crate::{address, text};

/// Lines that start the bounce's own text (the first line of each bounce template).
const STARTS: &[&[&str]] = &[
    &["The ", "Postfix "],
    &["The ", "mail system"],
    &["The ", "program"],
    &["This is the", "Postfix"],
    &["This is the", "mail system"],
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if mail.has_header("x-aol-ip") {
        return None;
    }
    let subject = mail.subject();
    let by_subject = subject == "Undelivered Mail Returned to Sender"
        || subject.starts_with("Delayed Mail (still being retried)")
        || subject.starts_with("Undelivered Mail Returned to Sender");
    let body = mail.body.as_str();
    let by_body = || {
        // Both program sentences end alike: one search turns away most other mail.
        body.contains("This is the mail system at host")
            || body.contains("Postfix program")
                && (body.contains("The Postfix program")
                    || body.contains("This is the Postfix program"))
    };
    if !by_subject && !by_body() {
        return None;
    }
    let (head, original) = split_original(body, ORIGINAL_BOUNDARIES);
    let mut rfc822 = original.to_string();

    let mut deliveries = vec![Delivery::default()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut recipients = 0usize;
    let mut started = false;
    let mut prev_diag = false;
    let mut no_report = false;
    let mut commands: Vec<String> = Vec::new();
    // The text part's own blocks, one per recipient ("<addr>: host ... said: ..."): a pasted
    // bounce has no delivery-status part, so each block is a recipient with its own reply.
    let mut blocks: Vec<Block> = Vec::new();

    // Whether the last line read belongs to a recipient's block (no empty line since it).
    let mut open_block = false;
    // How many blocks there were at the last DSN field or MIME boundary line: no later
    // line joins them.
    let mut sealed = 0;
    for line in head.lines() {
        if !started {
            started = STARTS.iter().any(|a| text::aligned(line, a));
            continue;
        }
        let blocks_before = blocks.len();
        if let Some(f) = dsn::field(line) {
            // The delivery report's fields follow the text part: no later line joins the
            // text's blocks (a report repeating its parts would grow one block with them all).
            sealed = blocks.len();
            prev_diag = f.name == Name::DiagnosticCode;
            let v = deliveries.last_mut().expect("never empty");
            match f.name {
                Name::FinalRecipient => {
                    let addr = address::from_dsn_value(&f.value);
                    if !v.recipient.is_empty() {
                        deliveries.push(Delivery::default());
                    }
                    deliveries.last_mut().expect("pushed").recipient = addr;
                    recipients += 1;
                }
                Name::OriginalRecipient | Name::XActualRecipient => {
                    v.alias = address::from_dsn_value(&f.value)
                }
                Name::DiagnosticCode => {
                    v.spec = if f.kind == "X-POSTFIX" {
                        "SMTP".into()
                    } else {
                        f.kind
                    };
                    v.diagnosis = f.value;
                }
                _ => {
                    v.set_field(f.name, &f.value);
                    if f.per_message {
                        per_message.push((f.name, f.value));
                    }
                }
            }
            continue;
        }
        if prev_diag && line.starts_with(' ') {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push(' ');
            v.diagnosis.push_str(&text::sweep(line));
            continue;
        }
        prev_diag = false;
        if let Some(sender) = text::field_value(line, "X-Postfix-Sender") {
            if let Some((_, a)) = sender.split_once(';') {
                rfc822.push_str(&format!("\nX-Postfix-Sender: {}\n", a.trim()));
            }
            continue;
        }
        if text::contains(line, "(in reply to ") || text::contains(line, "command)") {
            let c = command::find(line);
            if !c.is_empty() {
                commands.push(c);
            }
            if let Some(b) = blocks
                .last_mut()
                .filter(|b| !b.diag.is_empty() && blocks_before > sealed)
            {
                b.diag.push(' ');
                b.diag.push_str(line);
            }
        } else if line.starts_with('<') && text::aligned(line, &[" (expanded from <", "):"]) {
            // <r@example.ne.jp> (expanded from <kijitora@example.org>): user ...
            // The address may be hidden: "<XXXXXXXX (expanded from <kijitora@example.org>):".
            let head = line.split(" (expanded").next().unwrap_or("");
            blocks.push(Block {
                recipient: address::find(head)
                    .or_else(|| address::is_redacted(head).then(|| trimmed_mask(head)))
                    .unwrap_or_default(),
                alias: text::between(line, "(expanded from ", "):")
                    .and_then(address::find)
                    .unwrap_or_default(),
                diag: text::find(line, ">): ")
                    .and_then(|p| line.get(p + 4..))
                    .unwrap_or("")
                    .to_string(),
            });
        } else if line.starts_with('<') && text::find(line, ">:").is_some() {
            // <kijitora@example.jp>: host ... said: ...
            // The address may be hidden: "<***@***>: ...", "<●●@●●.●●>: ...".
            if let Some(p) = text::find(line, ">:") {
                let head = &line[..p + 1];
                let recipient = address::find(head)
                    .or_else(|| address::is_redacted(head).then(|| trimmed_mask(head)))
                    .or_else(|| quoted_local_part(head));
                let Some(recipient) = recipient else { continue };
                blocks.push(Block {
                    recipient,
                    alias: String::new(),
                    diag: line[p + 2..].to_string(),
                });
            }
        } else if text::contains(line, "--- Delivery report unavailable ---") {
            no_report = true;
        } else if line.starts_with("--") {
            // A MIME boundary ends the text part: an indented line after it (a broken
            // Diagnostic-Code field's) is no block's.
            sealed = blocks.len();
        } else if line.starts_with("    ") {
            if let Some(b) = blocks
                .last_mut()
                .filter(|_| blocks_before > sealed)
                .filter(|b| !b.diag.is_empty() || open_block)
            {
                b.diag.push(' ');
                b.diag.push_str(line.trim());
            }
        } else if open_block && !line.starts_with("--") {
            // A block's wrapped line that lost its indentation (a paste from a web page):
            // Postfix ends each block with an empty line, so until then a line is its text.
            // Also when the block's first line was only its address ("<user@example.org>:",
            // the address too long for "host ... said:" to follow on its line; set r 04).
            if let Some(b) = blocks.last_mut() {
                b.diag.push(' ');
                b.diag.push_str(line.trim());
            }
        }
        if line.trim().is_empty() {
            open_block = false;
        } else if blocks.len() > blocks_before {
            open_block = true;
        }
    }
    blocks.retain(|b| !b.recipient.is_empty());
    if recipients == 0 {
        if !blocks.is_empty() {
            // One delivery per distinct recipient, each with its own block's reply; a
            // recipient named twice (the bounce pasted twice) keeps its first block.
            deliveries.clear();
            let mut seen = std::collections::HashSet::new();
            for b in &blocks {
                if !seen.insert(b.recipient.as_str()) {
                    continue;
                }
                deliveries.push(Delivery {
                    recipient: b.recipient.clone(),
                    alias: b.alias.clone(),
                    ..Delivery::default()
                });
            }
            recipients = deliveries.len();
        } else if no_report {
            let to = super::first_header(&rfc822, "to");
            if let Some(a) = address::find(&to) {
                deliveries.last_mut().expect("never empty").recipient = a;
                recipients = 1;
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    let last_block = blocks
        .last()
        .map(|b| text::sweep(&b.diag))
        .unwrap_or_default();
    // The delay warning ("Delayed Mail (still being retried)"): nothing has failed yet.
    let warning = head.contains("THIS IS A WARNING ONLY");
    // Each recipient's first block, by lowercased address (one lookup per recipient), swept
    // once: a report may name one recipient in many DSN parts.
    let mut by_recipient = std::collections::HashMap::new();
    for b in &blocks {
        by_recipient
            .entry(b.recipient.to_ascii_lowercase())
            .or_insert_with(|| text::sweep(&b.diag));
    }
    for e in &mut deliveries {
        // The block of this recipient, else (the report names it differently) the last one.
        let own = by_recipient.get(&e.recipient.to_ascii_lowercase()).cloned();
        let another = own.clone().unwrap_or_else(|| last_block.clone());
        if warning && e.action.is_empty() {
            e.action = "delayed".into();
        }
        for (name, value) in &per_message {
            if e.get_field(*name).is_empty() {
                e.set_field(*name, value);
            }
        }
        if !another.is_empty() {
            if e.diagnosis.is_empty() || text::all_digits(&e.diagnosis) {
                e.diagnosis = another.clone();
            } else {
                // The text part often has the complete reply where the DSN field was cut.
                let mut found = false;
                if e.status.is_empty() || e.status.ends_with(".0.0") {
                    let s = status::find(&another, "");
                    if !s.is_empty() && !s.ends_with(".0.0") {
                        e.status = s;
                        found = true;
                    }
                }
                if e.reply_code.is_empty() || e.reply_code.ends_with("00") {
                    let r = reply::find(&another, "");
                    if !r.is_empty() && !r.ends_with("00") {
                        e.reply_code = r;
                        found = true;
                    }
                }
                if found
                    && another.len() >= e.diagnosis.len()
                    && text::contains(&another, &e.diagnosis)
                {
                    e.diagnosis = another.clone();
                }
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        let own_command = own.as_deref().map(command::find).unwrap_or_default();
        if !own_command.is_empty() {
            e.command = own_command;
        } else if let Some(c) = commands.first() {
            e.command = c.clone();
        } else {
            e.command = command::find(&e.diagnosis);
            if e.command.is_empty() && text::contains(&e.diagnosis, "refused to talk to me:") {
                e.command = "HELO".into();
            }
        }
        if e.spec.is_empty() && text::aligned(&e.diagnosis, &["host ", " said:"]) {
            e.spec = "SMTP".into();
        }
    }
    Some(Rising { deliveries, rfc822 })
}

/// A hidden address as written, without the angle brackets around it.
/// The address inside a local part that held a whole address, as old Postfix versions
/// show it unquoted: "<user@example.org@mx.example.net>: User unknown:" followed by the quoted
/// local part ("\"user@example.org\""), which mx.example.net looked up and did not find. The
/// address the sender wrote is the part before the last "@".
fn quoted_local_part(head: &str) -> Option<String> {
    let inner = head.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (local, _host) = inner.rsplit_once('@')?;
    address::find(local).filter(|a| a.len() == local.len())
}

fn trimmed_mask(s: &str) -> String {
    s.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

/// One recipient's block of the text part.
struct Block {
    recipient: String,
    alias: String,
    diag: String,
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_an_address_written_in_the_local_part() {
        let text = "This is the Postfix program at host mx.example.net.\n\nI'm sorry to have to inform you that the message returned\nbelow could not be delivered to one or more destinations.\n\n\t\t\tThe Postfix program\n\n<ann@example.org@mx.example.net>: User unknown:\n \"ann@example.org\"\n";
        let d = crate::diagnose(text.as_bytes());
        assert_eq!(d.reason, crate::Reason::UserUnknown, "{:?}", d.summary());
        let to: Vec<&str> = d.recipients.iter().map(|r| r.recipient.as_str()).collect();
        assert_eq!(to, ["ann@example.org"]);
        // Two "@" with no address before the last one name no recipient.
        let text = text.replace("ann@example.org@", "ann@@");
        let d = crate::diagnose(text.as_bytes());
        assert!(d.recipients.iter().all(|r| !r.recipient.contains("ann")));
    }
}
