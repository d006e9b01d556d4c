//! Helpers shared by the held-out and review advice tests: one failed or delayed recipient built
//! from a reply, a note, and the rendered advice as one text to search.
#![allow(dead_code)]

use ndr_core::{Diagnosis, Note, Party, Reason, Recipient};
use ndr_playbooks::Rendered;

/// The advice's title, verdict, why, steps and don'ts, one per line.
pub fn all_text(r: &Rendered) -> String {
    let mut out = vec![r.title.clone(), r.verdict.clone(), r.why.clone()];
    out.extend(r.steps.iter().map(|s| s.text.clone()));
    out.extend(r.donts.iter().cloned());
    out.join("\n")
}

/// `all_text` and the ready letter's subject and body.
pub fn all_text_with_letter(r: &Rendered) -> String {
    let mut out = all_text(r);
    if let Some(m) = &r.message {
        out.push('\n');
        out.push_str(&m.subject);
        out.push('\n');
        out.push_str(&m.body);
    }
    out
}

/// A diagnosis of one recipient at someone@example.org with this reply; an empty `code` means
/// the paste had no reply code.
pub fn one(
    reason: Reason,
    action: &str,
    code: &str,
    status: Option<&str>,
    text: &str,
) -> Diagnosis {
    let code = (!code.is_empty()).then(|| code.to_string());
    Diagnosis {
        reason,
        smtp_code: code.clone(),
        enhanced_code: status.map(Into::into),
        recipients: vec![Recipient {
            action: action.into(),
            reason,
            reply_code: code,
            status: status.map(Into::into),
            recipient: "someone@example.org".into(),
            diagnostic_text: text.into(),
            ..Recipient::default()
        }],
        ..Diagnosis::default()
    }
}

pub fn note(id: &str, detail: &str) -> Note {
    Note {
        id: id.into(),
        detail: detail.into(),
    }
}

/// Every fact the renderer can fill, so no placeholder falls back to a fill-in, with a sending
/// IP the blocklist checks ask about, so that the steps about those checks are shown.
pub fn full(party: Option<Party>, reason: Reason) -> Diagnosis {
    Diagnosis {
        recipients: vec![Recipient {
            recipient: "buyer@example.co.jp".into(),
            action: "failed".into(),
            status: Some("5.7.1".into()),
            reply_code: Some("550".into()),
            reason,
            hard_bounce: true,
            remote_host: Some("mx.example.co.jp".into()),
            diagnostic_text: "550 5.7.1 refused [203.0.113.5]".into(),
            ..Recipient::default()
        }],
        reason,
        hard_bounce: true,
        blocked_ip: Some("203.0.113.5".into()),
        remote_host: Some("mx.example.co.jp".into()),
        remote_ip: Some("198.51.100.25".into()),
        blocking_party: party,
        list_zone: Some("zen.spamhaus.org".into()),
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        provider_code: Some("S3150".into()),
        sender_domain: Some("shop.example.jp".into()),
        ..Diagnosis::default()
    }
}
