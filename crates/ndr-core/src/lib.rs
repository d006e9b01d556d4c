#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod address;
mod decode;
mod diagnosis;
mod dsn;
mod evidence;
mod fact;
mod ip;
mod lda;
pub mod mbox;
mod mta;
mod provider;
mod reason;
mod rhost;
pub mod smtp;
mod text;

pub use diagnosis::{Diagnosis, Evidence, IpScope, Note, Party, Reason, Recipient};

use fact::Fact;

/// Reads one bounce and says what happened.
///
/// Never panics and never errors: input it cannot read yields a `Diagnosis` with
/// `reason = Reason::Undefined` and a note saying why.
pub fn diagnose(input: &[u8]) -> Diagnosis {
    let mail = decode::decode(input);
    let mut d = Diagnosis::default();
    for (id, detail) in &mail.notes {
        d.notes.push(Note {
            id: (*id).to_string(),
            detail: detail.clone(),
        });
    }
    let readable = mail
        .notes
        .iter()
        .all(|(id, _)| *id != "empty_input" && *id != "binary_input");
    let facts = match mta::read(&mail) {
        Some(rising) => fact::build(&mail, rising),
        None => Vec::new(),
    };
    fill(&mut d, &facts);
    if readable && facts.is_empty() {
        d.notes.push(Note {
            id: "not_a_bounce".into(),
            detail: String::new(),
        });
    }
    match d.reason {
        Reason::Vacation => d.notes.push(Note {
            id: "auto_reply".into(),
            detail: String::new(),
        }),
        Reason::Feedback => d.notes.push(Note {
            id: "feedback_report".into(),
            detail: String::new(),
        }),
        _ => {}
    }
    let text = readable_text(&mail);
    provider::apply(input, &text, &mut d);
    d
}

/// The decoded text handed to the provider rules: top-level header fields, then the body.
fn readable_text(mail: &decode::Mail) -> String {
    let mut t = String::with_capacity(mail.body.len() + 1024);
    for (n, v) in &mail.headers {
        t.push_str(n);
        t.push_str(": ");
        t.push_str(v);
        t.push('\n');
    }
    if !mail.headers.is_empty() {
        t.push('\n');
    }
    t.push_str(&mail.body);
    t
}

/// Message-level fields from the per-recipient facts.
fn fill(d: &mut Diagnosis, facts: &[Fact]) {
    for f in facts {
        let pseudo = status::is_pseudo(&f.status);
        d.recipients.push(Recipient {
            recipient: f.recipient.clone(),
            action: f.action.clone(),
            status: (!f.status.is_empty() && !pseudo).then(|| f.status.clone()),
            implied_status: (pseudo).then(|| f.status.clone()),
            reply_code: (!f.reply_code.is_empty()).then(|| f.reply_code.clone()),
            reason: f.reason.unwrap_or(Reason::Undefined),
            hard_bounce: f.hard_bounce,
            remote_host: (!f.rhost.is_empty()).then(|| f.rhost.clone()),
            diagnostic_text: f.diagnosis.clone(),
            command: (!f.command.is_empty()).then(|| f.command.clone()),
        });
    }
    // The decisive recipient: the first that failed for a reason that says something.
    let decisive = facts
        .iter()
        .find(|f| f.action != "delivered" && reason::is_explicit(f.reason))
        .or_else(|| facts.first());
    let Some(f) = decisive else { return };
    d.reason = f.reason.unwrap_or(Reason::Undefined);
    d.hard_bounce = f.hard_bounce;
    d.smtp_code = (!f.reply_code.is_empty()).then(|| f.reply_code.clone());
    d.enhanced_code =
        (!f.status.is_empty() && !status::is_pseudo(&f.status)).then(|| f.status.clone());
    let with_host = std::iter::once(f)
        .chain(facts.iter())
        .find(|f| !f.rhost.is_empty());
    d.remote_host = with_host.map(|f| f.rhost.clone());
    d.remote_ip = std::iter::once(f)
        .chain(facts.iter())
        .find_map(|f| f.remote_ip.clone());
    d.sender_domain = facts
        .iter()
        .find(|f| !f.sender_domain.is_empty())
        .map(|f| f.sender_domain.clone());
}

use smtp::status;
