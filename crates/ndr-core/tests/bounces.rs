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
