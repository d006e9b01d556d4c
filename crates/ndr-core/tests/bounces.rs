//! The project's own bounces (`test_data/bounces/<party>-<nn>.eml|txt`), each next to the
//! pretty JSON of its whole `Diagnosis` (`<party>-<nn>.json`).
//!
//! Bless after an intended change with:
//!
//!     UPDATE_EXPECT=1 cargo test -p ndr-core --test bounces
//!
//! and read the diff of the `.json` files before committing it.
//!
//! The snapshots are what the default build (with the charset tables) reads; a build without
//! them reads Japanese charsets through a host's hook, which `tests/charsets.rs` checks
//! against these same fixtures.
#![cfg(feature = "full_encoding")]

mod fixtures;

use ndr_core::diagnose;

#[test]
fn bounces() {
    for case in fixtures::inputs() {
        let input = std::fs::read(&case).expect("fixture is readable");
        let mut actual =
            serde_json::to_string_pretty(&diagnose(&input)).expect("Diagnosis serialises");
        actual.push('\n');
        expect_test::expect_file![case.with_extension("json")].assert_eq(&actual);
    }
}

/// Every note a fixture gets is one the page and the CLI have a text for.
#[test]
fn notes_are_known_ids() {
    for case in fixtures::inputs() {
        let d = diagnose(&std::fs::read(&case).expect("fixture is readable"));
        for n in &d.notes {
            assert!(
                ndr_core::Note::IDS.contains(&n.id.as_str()),
                "{}: note {} is not in Note::IDS",
                case.display(),
                n.id
            );
        }
    }
}

/// Every evidence span points at the text it claims in the original bytes (up to the CR of
/// CRLF line ends, which decoding removes). In a UTF-16 file the span's bytes are that text in
/// UTF-16, read as the file is read (its byte order mark put before them).
#[test]
fn evidence_spans_are_verbatim() {
    for case in fixtures::inputs() {
        let input = std::fs::read(&case).expect("fixture is readable");
        let d = diagnose(&input);
        let mark = input
            .get(..2)
            .filter(|m| matches!(m, [0xFF, 0xFE] | [0xFE, 0xFF]));
        for e in &d.evidence {
            if let Some((start, end)) = e.span {
                let utf16 = |b: &[u8]| {
                    let marked = [mark.unwrap_or_default(), b].concat();
                    ndr_core::utf16_text(&marked).map(String::into_bytes)
                };
                let spanned: Option<Vec<u8>> = input
                    .get(start..end)
                    .and_then(|b| {
                        if mark.is_some() {
                            utf16(b)
                        } else {
                            Some(b.to_vec())
                        }
                    })
                    .map(|b| b.iter().copied().filter(|&c| c != b'\r').collect());
                let claimed: Vec<u8> = e.text.bytes().filter(|&c| c != b'\r').collect();
                assert_eq!(
                    spanned,
                    Some(claimed),
                    "{}: evidence for {} does not match its span",
                    case.display(),
                    e.field
                );
            }
        }
    }
}

/// Fixtures only use documentation addresses, so any blocked IP found is one.
#[test]
fn fixtures_use_documentation_addresses() {
    for case in fixtures::inputs() {
        let d = diagnose(&std::fs::read(&case).expect("fixture is readable"));
        if let (Some(ip), Some(scope)) = (&d.blocked_ip, d.blocked_ip_scope) {
            let expected_non_doc = ip.starts_with("10.");
            assert!(
                scope == ndr_core::IpScope::Documentation || expected_non_doc,
                "{}: {ip} is {scope:?}",
                case.display()
            );
        }
    }
}

/// One line of a diagnosis for the inline cases below: the summary, then the first
/// recipient, its command, and the rejecting server.
#[track_caller]
fn check(input: &str, expect: expect_test::Expect) {
    let d = diagnose(input.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | rcpt={} action={} cmd={} host={} ip={}",
        d.summary(),
        first
            .map(|r| r.recipient.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("-"),
        first.map_or("-", |r| r.action.as_str()),
        first.and_then(|r| r.command.as_deref()).unwrap_or("-"),
        d.remote_host.as_deref().unwrap_or("-"),
        d.remote_ip.as_deref().unwrap_or("-"),
    );
    expect.assert_eq(&line);
}

/// One-line pastes: what a person copies out of a mail program, often only the reply or one
/// sentence, in English or Japanese. Bless with `UPDATE_EXPECT=1 cargo test -p ndr-core --test
/// bounces`.
#[test]
fn one_line_pastes() {
    use expect_test::expect;
    // The remote server's reply after a label with no space, and with a full-width colon.
    check(
        "応答:550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown",
        expect!["550 5.1.1 userunknown - - | rcpt=a@example.jp action=failed cmd=- host=- ip=-"],
    );
    check(
        "エラー：552 Mailbox full",
        expect!["552 - mailboxfull - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    check(
        "The response was: 550 #5.1.0 Address rejected.",
        expect!["550 5.1.0 userunknown - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    // Exchange's line in Japanese around the quoted reply.
    check(
        "リモート サーバーから '554 5.7.1 <b@example.jp>: Relay access denied' が返されました",
        expect!["554 5.7.1 norelaying - - | rcpt=b@example.jp action=failed cmd=- host=- ip=-"],
    );
    // Gmail's sentences alone.
    check(
        "Your message wasn't delivered to c@example.jp because the address couldn't be found, or is unable to receive mail.",
        expect!["- - userunknown - - | rcpt=c@example.jp action=failed cmd=- host=- ip=-"],
    );
    check(
        "ドメイン example.invalid が見つからなかったため、メッセージは d@example.invalid に配信されませんでした。",
        expect!["- - hostunknown - - | rcpt=d@example.invalid action=failed cmd=- host=- ip=-"],
    );
    check(
        "h@example.jp へのメールの配信中に一時的な問題が発生しました。Gmail は 47 時間再試行し、配信できなかった場合はお知らせします。",
        expect!["- - expired - - | rcpt=h@example.jp action=delayed cmd=- host=- ip=-"],
    );
    // Carriers' words with the address after them.
    check(
        "送信先のメールアドレスが見つかりません。宛先: e@softbank.ne.jp",
        expect!["- - userunknown - - | rcpt=e@softbank.ne.jp action=failed cmd=- host=- ip=-"],
    );
    check(
        "宛先不明 f@i.softbank.jp",
        expect!["- - userunknown - - | rcpt=f@i.softbank.jp action=failed cmd=- host=- ip=-"],
    );
    // Microsoft 365's first two sentences on one line, in English and Japanese.
    check(
        "Your message to i@example.jp couldn't be delivered. i wasn't found at example.jp.",
        expect!["- - userunknown - - | rcpt=i@example.jp action=failed cmd=- host=- ip=-"],
    );
    check(
        "j@example.jp にメッセージを配信できませんでした。j が example.jp で見つかりませんでした。",
        expect!["- - userunknown - - | rcpt=j@example.jp action=failed cmd=- host=- ip=-"],
    );
    // A reply with the recipient first, and qmail's label.
    check(
        "g@example.jp: 552 5.2.2 Mailbox full",
        expect!["552 5.2.2 mailboxfull - - | rcpt=g@example.jp action=failed cmd=- host=- ip=-"],
    );
    check(
        "Remote host said: 550 5.1.1 <h@example.jp>... User unknown",
        expect!["550 5.1.1 userunknown - - | rcpt=h@example.jp action=failed cmd=- host=- ip=-"],
    );
    // No address anywhere: no recipient is made up.
    check(
        "550 Requested action not taken: mailbox unavailable",
        expect!["550 - userunknown - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    // A time is not a reply code.
    check(
        "Date: Mon, 5 Oct 2026 10:55:02 +0900",
        expect!["- - undefined - - | rcpt=- action=- cmd=- host=- ip=-"],
    );
}

/// Families of the fourth held-out round (i), each in this file's own wording with
/// documentation addresses: the case code of a "Reject due to policy restrictions" refusal, an
/// account restricted at submission, authentication wordings under other codes, a message
/// expired, a maildrop quota under sendmail's "Insufficient permission", a dial-up refusal
/// with its address as a link, and replies pasted without their indentation.
#[test]
fn heldout_i_families() {
    use expect_test::expect;
    // The header case codes are not the IP's fault; `c=bip` is.
    check(
        "Remote host said: 554-Transaction failed\n554-Reject due to policy restrictions.\n554 For explanation visit https://mail.example.net/senderguidelines?ip=192.0.2.10&c=hi\n",
        expect!["554 - notcompliantrfc - 192.0.2.10 | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    check(
        "SMTP error from remote server for TEXT command, host: mx.example.net (198.51.100.5) reason: 554-Transaction failed\n554-Reject due to policy restrictions.\n554 For explanation visit https://postmaster.example.net/en/case?c=r0701&i=ip&\n",
        expect!["554 - notcompliantrfc - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    check(
        "554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.example.net/en/case?c=bip&i=ip&v=192.0.2.11&r=abc",
        expect!["554 - blocked - 192.0.2.11 | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    // Microsoft 365's outbound spam restriction of the sending account.
    check(
        "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception",
        expect!["554 5.2.0 rejected microsoft - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    // Authentication refusals under 421-4.7.0 and 550 5.7.1.
    check(
        "Jan 11 02:21:49 postfix/smtp[2755]: 0ABC12345: host gmail-smtp-in.l.google.com[192.0.2.27] said: 421-4.7.0 This message does not pass authentication checks (SPF and DKIM both do 421-4.7.0 not pass). To best protect our users from spam, the message has 421-4.7.0 been blocked. 421 4.7.0 information. x1si2 - gsmtp (in reply to end of DATA command)",
        expect!["421 4.7.0 authfailure gmail - | rcpt=- action=failed cmd=DATA host=gmail-smtp-in.l.google.com ip=192.0.2.27"],
    );
    check(
        "SMTP error from remote mail server after end of data:\n550 5.7.1 [BFD] Sender prohibited by SPF",
        expect!["550 5.7.1 authfailure - - | rcpt=- action=failed cmd=DATA host=- ip=-"],
    );
    // Exchange Online giving up.
    check(
        "Server at mx.example.com returned '550 5.4.316 Message expired, connection refused(Socket error code 10061)'",
        expect!["550 5.4.316 expired - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    // Sendmail's transcript with maildrop's line above the reply.
    check(
        "----- The following addresses had permanent fatal errors -----\n<user@example.jp>\n(reason: Insufficient permission)\n\n----- Transcript of session follows -----\nmaildrop: maildir over quota.\n550 5.0.0 <user@example.jp>... Insufficient permission\n",
        expect!["550 5.0.0 mailboxfull - - | rcpt=user@example.jp action=failed cmd=- host=- ip=-"],
    );
    // A dial-up refusal with its address as a link, its wrapped lines unindented.
    check(
        "host mx.example.de[198.51.100.20] refused to talk\nto me: 554 IP=http://192.0.2.7/ - Dialup/transient IP not allowed. Use a\nmailgateway or contact postmaster@example.de if obsolete. (DIAL)\n",
        expect!["554 - blocked - 192.0.2.7 | rcpt=- action=failed cmd=- host=- ip=-"],
    );
    check(
        "user@example.com: host\nmx.example.com[198.51.100.30] said: 550\n5.7.1 Unfortunately, messages from [192.0.2.40] weren't sent. Please\ncontact your Internet service provider since part of their network is on\nour block list (S3150). You can also refer your provider to\nhttp://mail.live.com/mail/troubleshooting.aspx#errors.\n",
        expect!["550 5.7.1 blocked outlook_com 192.0.2.40 | rcpt=user@example.com action=failed cmd=- host=mx.example.com ip=198.51.100.30"],
    );
}

/// A pasted temporary reply that says nothing of giving up is a delay, not a failure; one that
/// says the message expired is not.
#[test]
fn a_pasted_deferral_is_still_being_retried() {
    use expect_test::expect;
    check(
        "0a1b2c3d.001 SMTPCLOSE [Xy12] Connection closed response=\"421 4.4.1 Connection timed out. Total session duration: 00:05:00\"",
        expect!["421 4.4.1 expired - - | rcpt=- action=delayed cmd=- host=- ip=-"],
    );
    check(
        "smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.0 Unable to lookup DNS for example.invalid>",
        expect!["421 4.4.7 expired - - | rcpt=- action=failed cmd=- host=- ip=-"],
    );
}

/// A receiving server's own smtpd log of a refusal says so, and names the refused client.
#[test]
fn a_receiving_servers_own_refusal_log_is_noted() {
    let log = "May 20 20:06:49 mail postfix/smtpd[1044]: NOQUEUE: reject: RCPT from mail.example.org[192.0.2.50]: 550 5.7.1 <user@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=a@example.org;ip=192.0.2.50;r=example.com; from=<a@example.org> to=<user@example.com> proto=ESMTP helo=<mail.example.org>";
    let d = diagnose(log.as_bytes());
    assert_eq!(d.reason, ndr_core::Reason::AuthFailure, "{d:?}");
    let note = d.notes.iter().find(|n| n.id == "inbound_refusal_log");
    assert_eq!(
        note.map(|n| n.detail.as_str()),
        Some("mail.example.org[192.0.2.50]"),
        "{d:?}"
    );
    // The sending side's log line is not.
    let sent = "May 20 20:06:49 mail postfix/smtp[1045]: 0ABC12345: to=<user@example.com>, relay=mx.example.com[192.0.2.60]:25, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.60] said: 550 5.7.1 Sender prohibited by SPF (in reply to RCPT TO command))";
    let d = diagnose(sent.as_bytes());
    assert!(
        !d.notes.iter().any(|n| n.id == "inbound_refusal_log"),
        "{d:?}"
    );
}
