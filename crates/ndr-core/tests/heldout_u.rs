//! Forms held-out set u showed (fragments, log lines, webhook JSON), one case per form, with
//! documentation addresses and example domains. Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_u`.

use expect_test::{expect, Expect};
use ndr_core::diagnose;

/// The summary line, then the first recipient and its status as read.
#[track_caller]
fn check(input: &str, expect: Expect) {
    let d = diagnose(input.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | rcpt={} status={} party={}",
        d.summary(),
        first
            .map(|r| r.recipient.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("-"),
        first.and_then(|r| r.status.as_deref()).unwrap_or("-"),
        d.blocking_party
            .map_or("-".to_string(), |p| format!("{p:?}")),
    );
    expect.assert_eq(&line);
}

/// Postmark's bounce webhook whose Details carry no server reply (its test event): the
/// event's own type, HardBounce, is Postmark's class for an unknown user. With a reply in
/// Details, the reply decides.
#[test]
fn postmark_hard_bounce_type() {
    check(
        r#"{"ID": 42, "Type": "HardBounce", "RecordType": "Bounce", "TypeCode": 1, "Details": "Test bounce details", "Email": "user@example.com", "From": "sender@example.net", "MessageStream": "outbound", "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found)."}"#,
        expect![[r#"- - userunknown - - | rcpt=user@example.com status=- party=-"#]],
    );
    check(
        r#"{"Type": "HardBounce", "RecordType": "Bounce", "TypeCode": 1, "Details": "smtp;552 5.2.2 The email account that you tried to reach is over quota", "Email": "user@example.com", "MessageStream": "outbound"}"#,
        expect![[r#"552 5.2.2 mailboxfull - - | rcpt=user@example.com status=5.2.2 party=-"#]],
    );
    // A type that names several causes states none: the words decide, or nothing does.
    check(
        r#"{"Type": "SoftBounce", "RecordType": "Bounce", "TypeCode": 4096, "Details": "Test bounce details", "Email": "user@example.com", "MessageStream": "outbound"}"#,
        expect![[r#"- - onhold - - | rcpt=user@example.com status=- party=-"#]],
    );
}

/// A DSN quoted with a note written after the Status value: the code alone is the status
/// (docomo's 5.2.0 then tells its filter from an unknown user, as Sisimai documents).
#[test]
fn a_note_after_the_status_value() {
    check(
        "Final-Recipient: RFC822; user@docomo.ne.jp\nAction: failed\nStatus: 5.2.0 ←ここを見る\nRemote-MTA: DNS; mfsmax.docomo.ne.jp\nDiagnostic-Code: SMTP; 550 Unknown user user@docomo.ne.jp\n",
        expect!["550 5.2.0 filtered docomo - | rcpt=user@docomo.ne.jp status=5.2.0 party=Docomo"],
    );
}

/// Wordings: qmail's DATABYTES refusal, BlackJumboDog's relay refusal, cPanel Exim's failed
/// sender verification, Symantec Email Security.cloud's reputation refusal.
#[test]
fn wordings_of_set_u() {
    check(
        "552 sorry, that message size exceeds my databytes limit (#5.3.4)",
        expect!["552 5.3.4 mesgtoobig - - | rcpt=- status=5.3.4 party=-"],
    );
    check(
        "553 user@example.org... Relay operation rejected",
        expect!["553 - norelaying - - | rcpt=user@example.org status=- party=-"],
    );
    check(
        "550 - Verification failed for <bounce@example.net> 550 - The mail server could not deliver the email to bounce@example.net. The account or domain may not exist, they may be blacklisted, or you may lose the appropriate DNS entries. 550 sender verification failed",
        expect!["550 - rejected - - | rcpt=bounce@example.net status=- party=-"],
    );
    check(
        "501 Connection rejected by policy [7.7] 20805, please visit www.messagelabs.com/support for more details about this error message.",
        expect!["501 - blocked - - | rcpt=- status=- party=-"],
    );
}
