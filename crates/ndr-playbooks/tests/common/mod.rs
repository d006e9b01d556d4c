//! Helpers shared by the held-out and review advice tests: one failed or delayed recipient built
//! from a reply, a note, and the rendered advice as one text to search.
#![allow(dead_code)]

use ndr_core::{Diagnosis, Note, Reason, Recipient};
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
