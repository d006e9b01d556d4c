//! Delivery status notifications (RFC 3464, formerly RFC 1894): the fields of a
//! `message/delivery-status` part, and a reader for any bounce that carries them.

use crate::decode::Mail;
use crate::mta::{split_original, Delivery, Rising};
use crate::smtp::{command, reply, status};
use crate::{address, ip, text, Reason};

/// The DSN fields this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    Action,
    ArrivalDate,
    DiagnosticCode,
    FinalRecipient,
    LastAttemptDate,
    OriginalRecipient,
    ReceivedFromMta,
    RemoteMta,
    ReportingMta,
    Status,
    XActualRecipient,
    XOriginalMessageId,
}

/// Field name, whether it is a per-message field (RFC 3464 section 2.2), and a character its
/// value must contain to be taken for a DSN field rather than prose that starts the same way.
const FIELDS: &[(&str, Name, bool, char)] = &[
    ("action", Name::Action, false, 'e'), // fail[e]d, d[e]lay[e]d, d[e]liv[e]r[e]d, r[e]lay[e]d
    ("arrival-date", Name::ArrivalDate, true, ':'),
    ("diagnostic-code", Name::DiagnosticCode, false, ';'),
    ("final-recipient", Name::FinalRecipient, false, '@'),
    ("last-attempt-date", Name::LastAttemptDate, false, ':'),
    ("original-recipient", Name::OriginalRecipient, false, '@'),
    ("received-from-mta", Name::ReceivedFromMta, true, ';'),
    ("remote-mta", Name::RemoteMta, false, ';'),
    ("reporting-mta", Name::ReportingMta, true, ';'),
    ("status", Name::Status, false, '.'),
    ("x-actual-recipient", Name::XActualRecipient, false, '@'),
    ("x-original-message-id", Name::XOriginalMessageId, true, '@'),
];

/// One parsed DSN field.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub name: Name,
    /// Per-message field (Reporting-MTA, Arrival-Date, ...).
    pub per_message: bool,
    /// The type before ";" in uppercase (`RFC822`, `SMTP`, `DNS`, `X-UNIX`).
    pub kind: String,
    pub value: String,
    /// A parenthesised comment after the value ("Status: 5.0.0 (permanent failure)").
    pub comment: String,
}

/// Parses `line` as a DSN field, or `None`.
pub(crate) fn field(line: &str) -> Option<Field> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim_end();
    if label.len() > 24 || label.contains(' ') {
        return None;
    }
    // The names are lowercase ASCII: comparing without case is comparing the lowercased label.
    let &(_, name, per_message, must) = FIELDS
        .iter()
        .find(|(n, ..)| n.eq_ignore_ascii_case(label))?;
    let rest = rest.trim();
    // A recipient hidden before pasting ("Final-Recipient: redacted", "admin@***") is still
    // the field: the Action and Status under it are the report.
    if !(rest.contains(must)
        || name == Name::FinalRecipient
            && (rest.contains(';') || crate::address::is_redacted(rest)))
    {
        return None;
    }
    let mut kind = String::new();
    let mut value;
    match name {
        Name::FinalRecipient | Name::OriginalRecipient | Name::XActualRecipient => {
            match rest.split_once(';') {
                Some((k, v)) => {
                    kind = k.trim().to_ascii_uppercase();
                    value = v.trim().to_string();
                }
                None => {
                    kind = "RFC822".into();
                    value = rest.to_string();
                }
            }
        }
        Name::DiagnosticCode | Name::RemoteMta | Name::ReceivedFromMta | Name::ReportingMta => {
            match rest.split_once(';') {
                Some((k, v)) => {
                    kind = k.trim().to_ascii_uppercase();
                    value = v.trim().to_string();
                }
                None => {
                    kind = if name == Name::DiagnosticCode {
                        "SMTP"
                    } else {
                        "DNS"
                    }
                    .into();
                    value = rest.to_string();
                }
            }
            if name != Name::DiagnosticCode {
                value = value.to_ascii_lowercase();
            }
        }
        Name::Action => {
            let v = rest.to_ascii_lowercase();
            let v = v.split_whitespace().next().unwrap_or("");
            value = match v {
                "failed" | "delayed" | "delivered" | "relayed" | "expanded" => v.to_string(),
                "deliverable" => "delivered".into(),
                // "Action: expired" (SendGrid) comes with "Undelivered Mail Returned to Sender": the
                // message expired in the queue and was given up on.
                "expired" => "failed".into(),
                "failure" => "failed".into(),
                _ => String::new(),
            };
        }
        Name::Status => value = rest.to_ascii_lowercase(),
        _ => value = rest.to_string(),
    }
    let mut comment = String::new();
    if name != Name::DiagnosticCode {
        if let Some(p) = text::find(&value, " (") {
            if value.ends_with(')') {
                comment = value[p + 2..value.len() - 1].to_string();
                value.truncate(p);
            }
        }
    }
    // A status code followed by words that are no comment in parentheses: a note someone wrote
    // after the value when quoting a report ("Status: 5.2.0 ←ここを見る", "look here", on
    // Sisimai's own page telling docomo's filter from an unknown user,
    // https://libsisimai.org/ja/docs/distinguish-between-the-unknown-and-the-filtered.html;
    // held-out set u 21). RFC 3464 §2.3.4 allows only the code (and a comment) there, so the
    // code alone is the value.
    if name == Name::Status {
        if let Some((code, _)) = value.split_once(char::is_whitespace) {
            if crate::smtp::status::is_valid(code) {
                value = code.to_string();
            }
        }
    }
    if value.trim().is_empty() {
        value.clear();
    }
    Some(Field {
        name,
        per_message,
        kind,
        value,
        comment,
    })
}

/// Boundaries after which the returned message starts.
pub(crate) const ORIGINAL_BOUNDARIES: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
    "Content-Type: message/partial",
];

/// Reads any bounce that has RFC 3464 per-recipient fields.
pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let body = mail.body.as_str();
    let lower_hint =
        body.contains("Final-Recipient") || text::find_ci(body, "final-recipient").is_some();
    if !lower_hint && text::find_ci(body, "original-recipient").is_none() {
        return None;
    }
    let (head, original) = split_original(body, ORIGINAL_BOUNDARIES);
    let mut head = head.to_string();
    let mut original = original.to_string();
    // A bounce without MIME parts may still append the original after a blank line.
    if original.is_empty() {
        // The header block of the original starts with Return-Path or a Received field (a
        // person's paste of the whole report has no MIME boundaries left); "Received-From-MTA:"
        // is a report field, hence the space. Only after the report's recipient fields.
        let fields_at = text::find_ci(&head, "final-recipient")
            .or_else(|| text::find_ci(&head, "original-recipient"))
            .unwrap_or(0);
        let start = ["\n\nReturn-Path:", "\n\nReceived: "]
            .iter()
            .filter_map(|m| head.get(fields_at..)?.find(m).map(|p| p + fields_at))
            .min();
        if let Some(p) = start {
            original = head.get(p + 2..).unwrap_or_default().to_string();
            head.truncate(p + 1);
        }
    }
    // The delivery report of a bounce that is itself inside the returned message; a report
    // whose recipient was hidden before pasting ("Final-Recipient: redacted") has no "@" either.
    if !head.contains('@') && !head.lines().any(hidden_final_recipient) {
        return None;
    }
    read_fields(&head, original)
}

/// True for a "Final-Recipient:" line whose address was hidden ("Final-Recipient: redacted").
fn hidden_final_recipient(line: &str) -> bool {
    field(line.trim_end()).is_some_and(|f| {
        f.name == Name::FinalRecipient && address::is_redacted(&address::from_dsn_value(&f.value))
    })
}

/// Reads the DSN fields of `head` into deliveries; text outside the fields before the report
/// (the human-readable part) becomes the diagnosis when the fields give none.
pub(crate) fn read_fields(head: &str, original: String) -> Option<Rising> {
    let mut deliveries: Vec<Delivery> = vec![Delivery::default()];
    let mut buffers: Vec<String> = vec![String::new()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut leading = String::new();
    let mut recipients = 0usize;
    let mut in_status = !text::contains(head, "Content-Type: message/delivery-status");
    let mut seen_fields = false;
    let mut prev_was_diag = false;
    let mut skip_part = false;
    let mut third_party_reason: Option<Reason> = None;
    // A recipient's Original-Recipient (or X-Actual-Recipient) read after a blank line, before
    // any Final-Recipient of that block: RFC 3464 section 2.3 puts Original-Recipient first in
    // a recipient's block, so it is the next recipient's, not the one above the blank line.
    // Held until the block shows whose it is: its Final-Recipient opens the next recipient;
    // any other field first means the blank line was no block's end (a paste that spaced
    // every line), and it is the open recipient's.
    let mut block_start = false;
    let mut held_alias: Option<String> = None;
    // The line before the one being read (for `lost_its_fold`).
    let mut prev_line = "";

    for line in head.lines() {
        let line = line.trim_end();
        let prev_line = std::mem::replace(&mut prev_line, line);
        if !in_status {
            if line.starts_with("Content-Type: message/delivery-status") {
                in_status = true;
                continue;
            }
            collect_leading(line, &mut leading, &mut skip_part);
            continue;
        }
        if line.is_empty() {
            prev_was_diag = false;
            block_start = true;
            continue;
        }
        if let Some(f) = field(line) {
            seen_fields = true;
            prev_was_diag = f.name == Name::DiagnosticCode;
            let last = deliveries.len() - 1;
            let aliasing = matches!(f.name, Name::OriginalRecipient | Name::XActualRecipient);
            if aliasing && block_start && !deliveries[last].recipient.is_empty() {
                held_alias = Some(address::from_dsn_value(&f.value));
                continue;
            }
            block_start = false;
            if f.name != Name::FinalRecipient {
                if let Some(a) = held_alias.take() {
                    deliveries[last].alias = a;
                }
            }
            match f.name {
                Name::FinalRecipient => {
                    let addr = address::from_dsn_value(&f.value);
                    // A hidden address ("rfc822; admin@***") still opens its recipient's block.
                    if !(address::is_email(&addr) || address::is_redacted(&addr)) {
                        continue;
                    }
                    if deliveries[last].recipient == addr {
                        continue;
                    }
                    if !deliveries[last].recipient.is_empty() {
                        deliveries.push(Delivery::default());
                        buffers.push(String::new());
                    }
                    let d = deliveries.last_mut().expect("pushed above");
                    d.recipient = addr;
                    if let Some(a) = held_alias.take() {
                        d.alias = a;
                    }
                    recipients += 1;
                }
                Name::OriginalRecipient | Name::XActualRecipient => {
                    deliveries[last].alias = address::from_dsn_value(&f.value);
                }
                Name::DiagnosticCode => {
                    deliveries[last].spec = f.kind.clone();
                    let b = &mut buffers[last];
                    b.push_str(&f.value);
                    b.push(' ');
                }
                _ => {
                    match f.name {
                        // "Status: 5.0.0 (permanent failure)", "Action: failed (bad address)":
                        // words about this recipient's failure.
                        Name::Status | Name::Action if !f.comment.is_empty() => {
                            let b = &mut buffers[last];
                            b.push(' ');
                            b.push_str(&f.comment);
                            b.push(' ');
                        }
                        Name::RemoteMta if deliveries[last].rhost_ip.is_empty() => {
                            if let Some(ip) = remote_mta_ip(&f.comment) {
                                deliveries[last].rhost_ip = ip;
                            }
                        }
                        // A date's comment is its zone name; the other comments say nothing
                        // about why the delivery failed.
                        _ => {}
                    }
                    deliveries[last].set_field(f.name, &f.value);
                    if f.per_message {
                        per_message.retain(|(n, _)| *n != f.name);
                        per_message.push((f.name, f.value.clone()));
                    }
                }
            }
            continue;
        }
        if line.starts_with("X-") && text::contains(line, ": ") {
            // Exchange's copy of the server's reply in its own form, "X-Supplementary-Info:
            // <mx.example.net #5.0.0 smtp; 554 delivery error: ...>" (its MAPI property
            // PidTagSupplementaryInfo, "supplementary information about a delivery status
            // notification", MS-OXPROPS): the diagnostic when no Diagnostic-Code field gave
            // one, its folded lines included.
            // Source: https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxprops/
            // (PidTagSupplementaryInfo).
            if let Some(v) = text::field_value(line, "X-Supplementary-Info") {
                let last = buffers.len() - 1;
                // Its folded lines go with it only when it is the diagnostic: after a
                // Diagnostic-Code they would repeat the reply.
                prev_was_diag = buffers[last].trim().is_empty() && !v.is_empty();
                if prev_was_diag {
                    buffers[last].push_str(v);
                    buffers[last].push(' ');
                }
                continue;
            }
            // PowerMTA states its own classification of the bounce.
            if let Some(v) = text::field_value(line, "X-PowerMTA-BounceCategory") {
                third_party_reason = powermta_category(v);
                if let Some(d) = deliveries.last_mut() {
                    d.reason = third_party_reason;
                }
            } else if let Some(v) = text::field_value(line, "X-PowerMTA-VirtualMTA") {
                if let Some(d) = deliveries.last_mut() {
                    if d.lhost.is_empty() {
                        d.lhost = v.to_ascii_lowercase();
                    }
                }
            }
            continue;
        }
        if prev_was_diag && (line.starts_with(' ') || lost_its_fold(prev_line, line)) {
            let last = buffers.len() - 1;
            buffers[last].push(' ');
            buffers[last].push_str(&text::sweep(line));
            continue;
        }
        prev_was_diag = false;
        if seen_fields {
            if !line.starts_with("Content-") && !line.starts_with("--") {
                leading.push_str(line);
                leading.push(' ');
            }
        } else {
            collect_leading(line, &mut leading, &mut skip_part);
        }
    }
    if recipients == 0 {
        let alias = deliveries[0].alias.clone();
        if address::is_email(&alias) {
            deliveries[0].recipient = alias;
            recipients = 1;
        }
    }
    if recipients == 0 {
        return None;
    }
    let before = text::sweep(&leading);
    let (alt_command, alt_reply, alt_status) = if before.is_empty() {
        (String::new(), String::new(), String::new())
    } else {
        let c = command::find(&before);
        let r = reply::find(&before, &deliveries[0].status);
        let s = status::find(&before, &r);
        (c, r, s)
    };
    let before_lower = text::lower(&before);
    for (d, buf) in deliveries.iter_mut().zip(buffers) {
        for (name, value) in &per_message {
            if d.get_field(*name).is_empty() && !value.is_empty() {
                d.set_field(*name, value);
            }
        }
        d.diagnosis = text::sweep(&buf);
        if recipients == 1 {
            // With one recipient, the human-readable part may hold the important words; the
            // receiver's own reply, when the field has one, is still what is shown.
            if !reply::find(&d.diagnosis, "").is_empty() && d.diagnosis != before {
                d.shown = d.diagnosis.clone();
            }
            if text::contains(&before_lower, &text::lower(&d.diagnosis)) {
                d.diagnosis = before.clone();
            } else {
                d.diagnosis = text::sweep(&format!("{before} {}", d.diagnosis));
            }
        }
        d.command = command::find(&d.diagnosis);
        if d.command.is_empty() {
            d.command = alt_command.clone();
        }
        d.reply_code = reply::find(&d.diagnosis, &d.status);
        if d.reply_code.is_empty() {
            d.reply_code = alt_reply.clone();
        }
        if d.status.is_empty() {
            d.status = status::find(&d.diagnosis, &d.reply_code);
        }
        if d.status.is_empty() {
            d.status = alt_status.clone();
        }
        if d.reason.is_none() {
            d.reason = third_party_reason;
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original,
    })
}

/// True for a line right after a Diagnostic-Code (or after a line that went on with it) that
/// goes on with its reply although a paste lost the line's leading space (RFC 5322 folding):
/// "554 5.7.1 Service unavailable; Client host" then "[192.0.2.1]" then "blocked using
/// zen.spamhaus.org". Only after a line folded where RFC 5322 (section 2.1.1) folds, within 78
/// characters: a longer line was never folded, and what follows it is no part of it (a table a
/// paste ran in below, held-out u 11). A line that starts a header field ("Name: ..."), a MIME
/// boundary or a row of tab-separated cells is none.
fn lost_its_fold(prev: &str, line: &str) -> bool {
    let header = line.split_once(':').is_some_and(|(name, value)| {
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && (value.is_empty() || value.starts_with([' ', '\t']))
    });
    prev.chars().count() <= 78 && !header && !line.starts_with("--") && !line.contains('\t')
}

/// The remote host's address in the comment of a `Remote-MTA` field.
///
/// Google: "mx.example.jp. (192.0.2.1, the server for the domain example.jp.)", PowerMTA:
/// "mx.example.jp (192.0.2.1)": the only address. Oracle Communications Messaging Server:
/// "mx.example.jp (TCP|source address|source port|remote address|remote port)": the first
/// address is the sending side's own.
fn remote_mta_ip(comment: &str) -> Option<String> {
    let c = comment.trim();
    let c = match c.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("tcp|") => c.get(4..)?.split('|').nth(2)?,
        _ => c,
    };
    ip::find_all(c).first().map(|f| f.addr.to_string())
}

/// Lines of the human-readable part worth keeping as an explanation.
fn collect_leading(line: &str, leading: &mut String, skip_part: &mut bool) {
    if line.is_empty() {
        return;
    }
    if let Some(ct) = line.strip_prefix("Content-Type:") {
        let ct = ct.trim().to_ascii_lowercase();
        *skip_part = !(ct.starts_with("text/plain") || ct.starts_with("multipart/"));
        return;
    }
    if *skip_part {
        return;
    }
    const SKIP: &[&str] = &[
        "Content-",
        "This is a MIME",
        "This is a multi",
        "This is an auto",
        "This multi-part",
        "###",
        "***",
        "--",
    ];
    if text::starts_with_any(line, SKIP)
        || text::contains(line, "--- The follow")
        || text::contains(line, "--- Transcript")
    {
        return;
    }
    // "The original message was received at <date>" / "from <host>": when, not why.
    let t = line.trim();
    if t.starts_with("The original message was received")
        || (leading.is_empty() && t.starts_with("from "))
        || address::is_email(t.trim_matches(|c| c == '<' || c == '>'))
    {
        return;
    }
    leading.push_str(line);
    leading.push(' ');
}

/// PowerMTA's `X-PowerMTA-BounceCategory` values.
/// Source: PowerMTA user guide, bounce categories (<https://bird.com/email/power-mta>).
fn powermta_category(v: &str) -> Option<Reason> {
    Some(match v.trim() {
        "bad-domain" => Reason::HostUnknown,
        "bad-mailbox" => Reason::UserUnknown,
        "inactive-mailbox" => Reason::Suspend,
        "message-expired" => Reason::Expired,
        "no-answer-from-host" => Reason::NetworkError,
        "policy-related" => Reason::PolicyViolation,
        "quota-issues" => Reason::MailboxFull,
        "routing-errors" => Reason::SystemError,
        "spam-related" => Reason::SpamDetected,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_recipient_stays_in_its_block() {
        let aliases = |head: &str| -> Vec<(String, String)> {
            read_fields(head, String::new())
                .map(|r| r.deliveries)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (d.recipient, d.alias))
                .collect()
        };
        let pair = |r: &str, a: &str| (r.to_string(), a.to_string());
        // RFC 3464's order (Oracle Messaging Server writes it so): Original-Recipient first,
        // then Final-Recipient, in each recipient's block.
        let rfc_order = "Reporting-MTA: dns; mx.example.org\n\n\
                         Original-Recipient: rfc822; a@example.org\n\
                         Final-Recipient: rfc822; a@example.net\n\
                         Action: failed\nStatus: 5.1.1\n\n\
                         Original-Recipient: rfc822; b@example.org\n\
                         Final-Recipient: rfc822; b@example.net\n\
                         Action: failed\nStatus: 5.1.1\n";
        assert_eq!(
            aliases(rfc_order),
            [
                pair("a@example.net", "a@example.org"),
                pair("b@example.net", "b@example.org")
            ]
        );
        // Postfix's order, Final-Recipient first, also with every line spaced by a paste.
        let postfix = "Final-Recipient: rfc822; a@example.net\n\
                       Original-Recipient: rfc822; a@example.org\n\
                       Action: failed\n\n\
                       Final-Recipient: rfc822; b@example.net\n\
                       Action: failed\n";
        let spaced = "Final-Recipient: rfc822; a@example.net\n\n\
                      Original-Recipient: rfc822; a@example.org\n\n\
                      Action: failed\n\n\
                      Final-Recipient: rfc822; b@example.net\n\n\
                      Action: failed\n";
        for head in [postfix, spaced] {
            assert_eq!(
                aliases(head),
                [
                    pair("a@example.net", "a@example.org"),
                    pair("b@example.net", "")
                ],
                "{head}"
            );
        }
    }

    #[test]
    fn a_reply_folded_without_its_indent_is_joined() {
        let reply = |head: &str| -> String {
            read_fields(head, String::new())
                .map(|r| r.deliveries[0].shown.clone())
                .unwrap_or_default()
        };
        let folded = "Final-Recipient: rfc822; a@example.org\nAction: failed\n\
                      Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host\n\
                      [192.0.2.1]\nblocked using zen.spamhaus.org\nStatus: 5.7.1\n";
        assert_eq!(
            reply(folded),
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"
        );
        // A line longer than a fold was never folded: a table below it is not the reply's.
        let long = format!(
            "Final-Recipient: rfc822; a@example.org\nAction: failed\n\
             Diagnostic-Code: smtp; 550 5.7.1 {}\nSubject\tTest\nnot the reply either\n",
            "x ".repeat(60)
        );
        assert_eq!(
            reply(&long),
            format!("550 5.7.1 {}", "x ".repeat(60).trim_end())
        );
    }

    #[test]
    fn parses_fields() {
        let f = field("Final-Recipient: RFC822; <User@Example.jp>").unwrap();
        assert_eq!(
            (f.name, f.kind.as_str(), f.value.as_str()),
            (Name::FinalRecipient, "RFC822", "<User@Example.jp>")
        );
        let f = field("Status: 5.0.0 (permanent failure)").unwrap();
        assert_eq!(
            (f.value.as_str(), f.comment.as_str()),
            ("5.0.0", "permanent failure")
        );
        let f = field("Diagnostic-Code: smtp;550 5.1.1 unknown").unwrap();
        assert_eq!(
            (f.kind.as_str(), f.value.as_str()),
            ("SMTP", "550 5.1.1 unknown")
        );
        let f = field("Remote-MTA: DNS; MX.Example.JP").unwrap();
        assert_eq!(f.value, "mx.example.jp");
        assert_eq!(field("Action: expired").unwrap().value, "failed");
        let f = field("Remote-MTA: dns; mx.example.jp (TCP|192.0.2.1|33442|198.51.100.2|25)");
        assert_eq!(
            remote_mta_ip(&f.unwrap().comment).as_deref(),
            Some("198.51.100.2")
        );
        let f = field("Remote-MTA: dns; mx.example.jp. (203.0.113.9, the server for the domain)");
        assert_eq!(
            remote_mta_ip(&f.unwrap().comment).as_deref(),
            Some("203.0.113.9")
        );
        assert!(field("Status: ok").is_none());
        assert!(field("Action is taken").is_none());
    }
}
