//! Forms held-out set ad showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_ad`.

use expect_test::{expect, Expect};
use ndr_core::diagnose;

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

/// host is the one the line names.
#[test]
fn coremails_notice_in_gbk_names_the_step_and_the_reply() {
    let notice = "From: Postmaster@example.com\r\n\
To: ann@example.com\r\n\
Subject: =?gb2312?B?z7XNs83L0MU=?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=\"gbk\"\r\n\
Content-Transfer-Encoding: base64\r\n\
X-Mailer: Coremail MTA server\r\n\
\r\n\
safHuKOsxPq1xNPKvP6xu83Lu9jAtMHLoa2hrQ0KICAgICAg1K3Tyrz+0MXPoqO6DQogICAgICAg\r\n\
ICAgICDKsSAgvOQgMjAyNC0wMy0wNSAwOToyMDoxMQ0KICAgICAgICAgICAg1vcgIMziILy+tsix\r\n\
qLjmDQogICAgICAgICAgICDK1bz+yMsga2VuamlAZXhhbXBsZS5vcmcNCg0KICAgICAgzcvQxdSt\r\n\
0vKjug0KICAgICAgICAgICAgytW8/sjL08rP5LK7tObU2g0KICAgICAgICAgICAg06LOxMu1w/c6\r\n\
U01UUCBlcnJvciwgUkNQVCBUTzogSG9zdCBleGFtcGxlLm9yZygxOTIuMC4yLjI1KSBSQ1BUIFRP\r\n\
IHNhaWQgNTUwIE1haWxib3ggbm90IGZvdW5kDQoNCs+1zbPNy9DFDQo=\r\n";
    check(
        notice,
        expect!["550 - userunknown - - | host=example.org rcpt=kenji@example.org step=RCPT reply=550 status=- notes= | 550 Mailbox not found"],
    );
    let d = diagnose(notice.as_bytes());
    assert_eq!(d.remote_ip.as_deref(), Some("192.0.2.25"));
    // The address of the server that refused is no blocked address of the sender's.
    assert_eq!(d.blocked_ip, None);
}

/// sender's address.
#[test]
fn coremails_line_pasted_with_another_step() {
    check(
        "退信原因：\n英文说明:SMTP error, MAIL FROM: Host example.net(198.51.100.14) MAIL FROM said 553 sender address rejected\n",
        expect!["553 - rejected - - | host=example.net rcpt=- step=MAIL reply=553 status=- notes= | 553 sender address rejected"],
    );
}

/// Coremail's form.
#[test]
fn said_and_a_number_in_prose_is_no_reply() {
    for text in [
        "The speaker said 500 people came to the meeting.\n",
        "Our METADATA said 550 items were imported.\n",
    ] {
        assert!(diagnose(text.as_bytes()).is_not_a_bounce(), "{text}");
    }
}
