//! Forms held-out set af showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_af`.

use expect_test::{expect, Expect};
use ndr_core::{diagnose, Reason};

/// The summary line, the remote host, the first recipient with its step, reply code, status
/// and error text, and the notes.
#[track_caller]
fn check(input: &str, expect: Expect) {
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

/// A Postfix notice as a page shows it: a divider line before it, after it or both, the
/// page's own sentence outside them, the notice indented deeper than both.
fn framed(divider: &str, before: bool, after: bool, recipient_lines: &str) -> String {
    let mut t = String::new();
    if before {
        t.push_str(&format!("The notice reads as follows:\n    {divider}\n"));
    }
    t.push_str(
        "       This is the Postfix program at host mx.example.net.

       I'm sorry to have to inform you that the message returned
       below could not be delivered to one or more destinations.

                          The Postfix program

",
    );
    t.push_str(recipient_lines);
    if after {
        t.push_str(&format!("    {divider}\n"));
    }
    if !before {
        t.push_str("This is what the notice looks like.\n");
    }
    t
}

/// The divider lines frame the notice; the shared indentation is the page's and the notice
/// kept seven spaces, so its reader lost the reply's second line (and a recipient written
/// with the host it was delivered at). Before, after or both, for each kind of divider.
#[test]
fn a_notice_framed_by_divider_lines_is_read_inside_them() {
    let lines = "       <nobody@example.net>: User unknown:\n        \"nobody@example.net\"\n";
    check(
        &framed("--------------------", true, true, lines),
        expect![[r#"- - userunknown - - | host=- rcpt=nobody@example.net step=- reply=- status=- notes= | User unknown: "nobody@example.net""#]],
    );
    for divider in ["---", "-----------", "=====", "***", "* * *", "＿＿＿＿", "ーーーー", "────"] {
        for (before, after) in [(true, false), (false, true), (true, true)] {
            let d = diagnose(framed(divider, before, after, lines).as_bytes());
            assert_eq!(d.reason, Reason::UserUnknown, "{divider} {before} {after}");
            assert_eq!(
                d.recipients[0].diagnostic_text, "User unknown: \"nobody@example.net\"",
                "{divider} {before} {after}"
            );
        }
    }
    // The recipient with the host that refused it after a second `@`.
    let d = diagnose(
        framed(
            "------",
            true,
            true,
            "       <nobody@example.net@mx.example.net>: User unknown\n",
        )
        .as_bytes(),
    );
    assert_eq!(d.reason, Reason::UserUnknown);
}
