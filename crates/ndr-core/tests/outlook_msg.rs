//! Outlook `.msg` files: the text they turn into, what that text is diagnosed as, and damaged
//! files read without panicking. The fixtures come from `outlook_msg/make_fixtures.py`
//! (checked there with `olefile` and `extract-msg`). Bless the inline texts with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test outlook_msg`.

use expect_test::{expect, Expect};
use ndr_core::{diagnose, file_kind, is_outlook_msg, outlook_msg_text, FileKind};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/outlook_msg/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const FIXTURES: &[&str] = &[
    "exchange-ndr.msg",
    "exchange-ndr-708.msg",
    "postfix-dsn-note.msg",
    "gmail-ja-4096.msg",
];

/// The text of a fixture, and the one-line summary of its diagnosis.
fn read(name: &str) -> (String, String) {
    let bytes = fixture(name);
    assert!(is_outlook_msg(&bytes), "{name}");
    assert_eq!(file_kind(&bytes), FileKind::OutlookMsg, "{name}");
    let text = outlook_msg_text(&bytes).unwrap_or_else(|| panic!("{name}: not read"));
    let d = diagnose(text.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | rcpt={} host={}",
        d.summary(),
        first.map_or("-", |r| r.recipient.as_str()),
        d.remote_host.as_deref().unwrap_or("-"),
    );
    // Evidence spans index the text the user is shown: each one is that text.
    for e in &d.evidence {
        if let Some((a, b)) = e.span {
            assert_eq!(text.get(a..b), Some(e.text.as_str()), "{name}: {e:?}");
        }
    }
    (text, line)
}

#[track_caller]
fn check(name: &str, text: Expect, diagnosis: Expect) {
    let (t, line) = read(name);
    text.assert_eq(&t);
    diagnosis.assert_eq(&line);
}

#[test]
fn exchange_ndr_item_from_its_recipient_table() {
    check(
        "exchange-ndr.msg",
        expect![[r#"
            From: Microsoft Outlook <postmaster@example.jp>
            To: Taro Yamada
            Subject: Undeliverable: Quote for November
            Content-Type: text/plain; charset=utf-8

            Delivery has failed to these recipients or groups:

            hanako@example.com

            Diagnostic information for administrators:

            Generating server: TY2PR01MB0001.jpnprd01.prod.outlook.com

            hanako@example.com
            Remote Server returned '550 5.7.606 Access denied, banned sending IP [198.51.100.23]. To request removal from this list please visit https://sender.office.com/ and follow the directions.'
            (NDR codes: reason 1, diagnostic -1, status 550)

            Original message headers:

            Received: from mail.example.jp (mail.example.jp [198.51.100.23])
            	by mx.example.com (Postfix) with ESMTPS id 4ABCD1234
            	for <hanako@example.com>; Tue, 3 Nov 2026 10:00:00 +0900
            From: Taro Yamada <taro@example.jp>
            To: hanako@example.com
            Subject: Quote for November
            Date: Tue, 3 Nov 2026 09:59:58 +0900
            Message-ID: <quote-1@example.jp>

        "#]],
        expect!["550 5.7.606 blocked microsoft 198.51.100.23 | rcpt=hanako@example.com host=-"],
    );
}

#[test]
fn exchange_ndr_item_whose_reply_names_no_address() {
    let (text, line) = read("exchange-ndr-708.msg");
    // The sender's address is there for the reader, in the original's Received line.
    assert!(text.contains("Original message headers:\n\nReceived: from mail.example.jp (mail.example.jp [198.51.100.23])"));
    assert!(text.contains("Remote Server returned '#550 5.7.708 Service unavailable."));
    assert!(line.starts_with("550 5.7.708 blocked microsoft "), "{line}");
}

#[test]
fn dsn_kept_as_a_note_with_its_status_attachment() {
    check(
        "postfix-dsn-note.msg",
        expect![[r#"
            Return-Path: <>
            Received: from mx.example.jp (mx.example.jp [192.0.2.10])
            	by mail.example.jp; Wed, 4 Nov 2026 11:00:02 +0900
            From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
            To: taro@example.jp
            Subject: Undelivered Mail Returned to Sender
            Date: Wed, 4 Nov 2026 11:00:01 +0900
            Content-Type: text/plain; charset=utf-8

            This is the mail system at host mx.example.jp.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients. It's attached below.

                               The mail system

            <jiro@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1
                Service unavailable; Client host [192.0.2.55] blocked using
                zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.55 (in reply to
                RCPT TO command)

            Reporting-MTA: dns; mx.example.jp
            Arrival-Date: Wed, 4 Nov 2026 11:00:00 +0900

            Final-Recipient: rfc822; jiro@example.org
            Original-Recipient: rfc822;jiro@example.org
            Action: failed
            Status: 5.7.1
            Remote-MTA: dns; mx.example.org
            Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.55]
                blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.55

        "#]],
        expect![
            "554 5.7.1 blocked spamhaus 192.0.2.55 | rcpt=jiro@example.org host=mx.example.org"
        ],
    );
}

// Code page 932 is decoded by encoding_rs's tables, which only the full build has (the page
// decodes it with the browser's TextDecoder; see tests/charsets.rs).
#[cfg(feature = "full_encoding")]
#[test]
fn shift_jis_body_in_regular_4096_byte_sectors() {
    let (text, line) = read("gmail-ja-4096.msg");
    // Over the mini stream's cutoff, so read from the regular sectors, in code page 932.
    assert!(text.len() > 4096);
    assert!(text.starts_with("Received: from mail-sor-f41.google.com"));
    assert!(text.contains("\n\n** アドレスが見つかりませんでした **\n"));
    assert!(text.contains("> 見積書の件、よろしくお願いいたします。行 119\n"));
    assert!(!text.contains('\u{fffd}'));
    expect!["550 5.1.1 userunknown - - | rcpt=shiro@example.co.jp host=-"].assert_eq(&line);
}

#[test]
fn raw_msg_bytes_are_not_diagnosed_but_say_to_convert() {
    let d = diagnose(&fixture("exchange-ndr.msg"));
    assert_eq!(d.reason, ndr_core::Reason::Undefined);
    assert!(
        d.notes
            .iter()
            .any(|n| n.id == "binary_input" && n.detail == "outlook_msg"),
        "{:?}",
        d.notes
    );
}

/// Truncations and byte changes at every few offsets: no panic, and a cut inside the header
/// gives no text at all.
#[test]
fn damaged_files_never_panic() {
    for name in FIXTURES {
        let bytes = fixture(name);
        for len in (0..bytes.len()).step_by(61) {
            let text = outlook_msg_text(&bytes[..len]);
            if len < 512 {
                assert_eq!(text, None, "{name} cut at {len}");
            }
        }
        let mut read = 0;
        for at in (0..bytes.len()).step_by(13) {
            for value in [0x00, 0xFF, bytes[at] ^ 0x01] {
                let mut b = bytes.clone();
                b[at] = value;
                read += usize::from(outlook_msg_text(&b).is_some());
            }
        }
        // Most single-byte changes leave a readable file.
        assert!(read > bytes.len() / 13, "{name}: {read}");
    }
}

/// A directory whose sibling links point back to each other, a FAT chain that loops, and a
/// stream claiming 4 GiB: all read in bounded time.
#[test]
fn cycles_and_huge_sizes_are_bounded() {
    let bytes = fixture("exchange-ndr.msg");
    let sector = 512;
    let le32 = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    let dir_start = le32(&bytes, 48) as usize;
    let dir = (dir_start + 1) * sector;
    let fat = (le32(&bytes, 76) as usize + 1) * sector;

    // Every entry's left and right sibling: entry 1.
    let mut b = bytes.clone();
    for e in 1..(sector * 2 / 128) {
        let at = dir + e * 128;
        if at + 128 <= b.len() {
            b[at + 68..at + 72].copy_from_slice(&1u32.to_le_bytes());
            b[at + 72..at + 76].copy_from_slice(&1u32.to_le_bytes());
        }
    }
    let _ = outlook_msg_text(&b);

    // Every FAT entry points to sector 0, every stream claims u32::MAX bytes.
    let mut b = bytes.clone();
    for i in 0..sector / 4 {
        b[fat + 4 * i..fat + 4 * i + 4].copy_from_slice(&0u32.to_le_bytes());
    }
    let _ = outlook_msg_text(&b);
    let mut b = bytes.clone();
    for e in 0..(sector / 128) {
        let at = dir + e * 128;
        b[at + 120..at + 124].copy_from_slice(&u32::MAX.to_le_bytes());
    }
    let _ = outlook_msg_text(&b);
}
