//! The one-line reading the held-out form tests (`heldout_ad.rs`, `heldout_ae.rs`,
//! `heldout_af.rs`) compare with their expectations.

use expect_test::Expect;
use ndr_core::diagnose;

/// The summary line, the remote host, the first recipient with its step, reply code, status
/// and error text, and the notes.
#[track_caller]
pub fn check(input: &str, expect: Expect) {
    let d = diagnose(input.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | host={} rcpt={} step={} reply={} status={} notes={} | {}",
        d.summary(),
        d.remote_host.as_deref().unwrap_or("-"),
        first
            .map(|r| r.recipient.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("-"),
        first.and_then(|r| r.command.as_deref()).unwrap_or("-"),
        first.and_then(|r| r.reply_code.as_deref()).unwrap_or("-"),
        first.and_then(|r| r.status.as_deref()).unwrap_or("-"),
        d.notes
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>()
            .join(","),
        first.map_or("", |r| r.diagnostic_text.as_str()),
    );
    expect.assert_eq(&line);
}
