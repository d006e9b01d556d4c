//! Hostile and broken input: `diagnose` must return a `Diagnosis` for anything, quickly,
//! without panicking. The property-based part runs a bounded number of cases so that this file
//! finishes well within a minute in a debug build, and prints how many inputs it tried.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use ndr_core::{diagnose, Diagnosis};

mod cpu_time;
use cpu_time::thread_cpu_time;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Generous limits for a debug build on a slow machine; release builds are about ten times
/// faster. They are limits of this thread's CPU time, not of the wall clock: a machine busy
/// with other builds slows the wall clock several times over, but a quadratic reading would
/// still take minutes of CPU.
const SMALL_INPUT_LIMIT: Duration = Duration::from_secs(2);
const LARGE_INPUT_LIMIT: Duration = Duration::from_secs(30);

fn timed(input: &[u8], limit: Duration) -> Diagnosis {
    let start = thread_cpu_time();
    let wall = Instant::now();
    let d = diagnose(input);
    let took = thread_cpu_time().saturating_sub(start);
    assert!(
        took < limit,
        "diagnose took {took:?} of CPU ({:?} on the wall clock) for {} bytes (limit {limit:?})",
        wall.elapsed(),
        input.len()
    );
    d
}

fn has_note(d: &Diagnosis, id: &str) -> bool {
    d.notes.iter().any(|n| n.id == id)
}

/// A small but complete Postfix bounce to build the larger cases from.
fn postfix_bounce(recipients: &[String], attachment: &str) -> String {
    let mut s = String::from(
        "From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\r\n\
To: sender@example.jp\r\n\
Subject: Undelivered Mail Returned to Sender\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"BOUNDARY\"\r\n\r\n\
--BOUNDARY\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n\
This is the mail system at host mx.example.jp.\r\n\r\n\
I'm sorry to have to inform you that your message could not\r\n\
be delivered to one or more recipients.\r\n\r\n",
    );
    for r in recipients {
        s.push_str(&format!(
            "<{r}>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <{r}>: Recipient\r\n    \
address rejected: User unknown in local recipient table (in reply to RCPT TO\r\n    command)\r\n\r\n"
        ));
    }
    s.push_str("--BOUNDARY\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.jp\r\n\r\n");
    for r in recipients {
        s.push_str(&format!(
            "Final-Recipient: rfc822; {r}\r\nAction: failed\r\nStatus: 5.1.1\r\n\
Remote-MTA: dns; mx.example.org\r\nDiagnostic-Code: smtp; 550 5.1.1 <{r}>: Recipient address\r\n    \
rejected: User unknown in local recipient table\r\n\r\n"
        ));
    }
    s.push_str(
        "--BOUNDARY\r\nContent-Type: message/rfc822\r\n\r\n\
From: sender@example.jp\r\nTo: someone@example.org\r\nSubject: hello\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"INNER\"\r\n\r\n\
--INNER\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--INNER\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    );
    s.push_str(attachment);
    s.push_str("\r\n--INNER--\r\n\r\n--BOUNDARY--\r\n");
    s
}

#[test]
fn any_newline_convention() {
    // The same bounce with CRLF, LF and lone-CR line ends reads the same.
    let crlf = postfix_bounce(&["a@example.org".to_string()], "aGVsbG8=");
    let lf = crlf.replace("\r\n", "\n");
    let cr = lf.replace('\n', "\r");
    let d: Vec<Diagnosis> = [&crlf, &lf, &cr]
        .iter()
        .map(|s| timed(s.as_bytes(), SMALL_INPUT_LIMIT))
        .collect();
    for x in &d {
        assert_eq!(x.recipients.len(), 1, "{:?}", x.summary());
        assert_eq!(x.summary(), d[0].summary());
    }
}

#[test]
fn empty_input() {
    for input in [&b""[..], b" ", b"\r\n\r\n\t"] {
        let d = timed(input, SMALL_INPUT_LIMIT);
        assert!(has_note(&d, "empty_input"), "{d:?}");
        assert!(d.recipients.is_empty());
        assert_eq!(d.reason, ndr_core::Reason::Undefined);
    }
}

#[test]
fn binary_input() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    let d = timed(png, SMALL_INPUT_LIMIT);
    assert!(has_note(&d, "binary_input"), "{d:?}");
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let d = timed(&noise, SMALL_INPUT_LIMIT);
    assert!(d.recipients.is_empty() || has_note(&d, "binary_input"));
}

#[test]
fn ten_megabyte_paste() {
    let line =
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n";
    let attachment = line.repeat(10 * 1024 * 1024 / line.len());
    let input = postfix_bounce(&["user@example.org".to_string()], &attachment);
    assert!(input.len() > 10 * 1024 * 1024);
    let d = timed(input.as_bytes(), LARGE_INPUT_LIMIT);
    assert!(has_note(&d, "input_truncated"), "{:?}", d.notes);
    assert_eq!(d.recipients.len(), 1);
    assert_eq!(d.reason, ndr_core::Reason::UserUnknown);
}

#[test]
fn ten_thousand_recipients() {
    let rcpts: Vec<String> = (0..10_000)
        .map(|i| format!("user{i}@example.org"))
        .collect();
    let input = postfix_bounce(&rcpts, "aGVsbG8=");
    let d = timed(input.as_bytes(), LARGE_INPUT_LIMIT);
    assert_eq!(d.recipients.len(), 10_000);
    assert!(d
        .recipients
        .iter()
        .all(|r| r.reason == ndr_core::Reason::UserUnknown));
    // The same count as a pasted text without headers (the last-resort reader).
    let text: String = rcpts
        .iter()
        .map(|r| format!("<{r}>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown user\n"))
        .collect();
    let d = timed(text.as_bytes(), LARGE_INPUT_LIMIT);
    assert_eq!(d.recipients.len(), 10_000);
}

/// An IMail report ("Undeliverable Mail") of many recipients, each followed by its own
/// "Body of message generated response:" section: each recipient gets its own section, not
/// the whole report (which once made this quadratic: 400 sections took a second in a release
/// build, 2,000 would take minutes in a debug one).
#[test]
fn imail_report_of_two_thousand_sections() {
    let mut input = String::from(
        "From: \"Postmaster\" <postmaster@mail.example.com>\nTo: <sender@example.com>\n\
Subject: Undeliverable Mail\nX-Mailer: <SMTP32 v9.23>\n\n",
    );
    for i in 0..2_000 {
        let (label, reply) = if i % 2 == 0 {
            ("Unknown user", "550 5.1.1 User Unknown")
        } else {
            (
                "User mailbox exceeds allowed size",
                "552 5.2.2 Mailbox full",
            )
        };
        input.push_str(&format!(
            "{label}: user{i}@example.org\n\nBody of message generated response:\n\
{reply} <user{i}@example.org>\n\n"
        ));
    }
    input.push_str("Original message follows.\n\nSubject: hello\n\nhello\n");
    let d = timed(input.as_bytes(), LARGE_INPUT_LIMIT);
    assert_eq!(d.recipients.len(), 2_000);
    for (i, r) in d.recipients.iter().enumerate() {
        assert_eq!(r.recipient, format!("user{i}@example.org"));
        let own = format!("<user{i}@example.org>");
        let next = format!("<user{}@example.org>", i + 1);
        assert!(
            r.diagnostic_text.contains(&own),
            "{i}: {}",
            r.diagnostic_text
        );
        assert!(
            !r.diagnostic_text.contains(&next),
            "{i}: {}",
            r.diagnostic_text
        );
        let want = if i % 2 == 0 {
            ndr_core::Reason::UserUnknown
        } else {
            ndr_core::Reason::MailboxFull
        };
        assert_eq!(r.reason, want, "{i}");
    }
}

/// A Postfix bounce whose delivery report repeats three thousand times, each copy's
/// Diagnostic-Code without its colon (so its indented lines are no field's): those lines once
/// all joined the text part's block, and every copy's recipient then carried the whole report
/// (65 copies took 0.14 s in a release build, three thousand would take minutes).
#[test]
fn postfix_report_repeated_three_thousand_times() {
    let mut input = String::from(
        "From: MAILER-DAEMON@mail.example.jp (Mail Delivery System)\n\
Subject: Undelivered Mail Returned to Sender\nTo: sales@example.jp\n\n\
This is the mail system at host mail.example.jp.\n\n\
I'm sorry to have to inform you that your message could not\n\
be delivered to one or more recipients. It's attached below.\n\n\
<user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.7.26\n    \
Unauthenticated email is not accepted (in reply to end of DATA command)\n\n",
    );
    for _ in 0..3_000 {
        input.push_str(
            "Reporting-MTA: dns; mail.example.jp\n\nFinal-Recipient: rfc822; user@example.org\n\
Action: failed\nStatus: 5.7.26\nDiagnostic-Code smtp; 550 5.7.26\n    \
Unauthenticated email is not accepted from this domain, see the sending\n    \
guidelines of the receiving provider (in reply to end of DATA command)\n\n",
        );
    }
    let d = timed(input.as_bytes(), LARGE_INPUT_LIMIT);
    assert!(!d.recipients.is_empty());
    for r in &d.recipients {
        assert_eq!(r.recipient, "user@example.org");
        assert!(r.diagnostic_text.len() < 300, "{}", r.diagnostic_text.len());
    }
}

/// A feedback report (ARF) naming four thousand recipients: each recipient's text is the
/// report's, once; the pairs of recipients compared for a cut reply stay cheap.
#[test]
fn feedback_report_of_four_thousand_recipients() {
    let mut input = String::from(
        "From: feedbackloop@feedback.example.com\nTo: postmaster@example.jp\n\
Subject: Abuse Report\nMIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=feedback-report; boundary=\"B\"\n\n\
--B\nContent-Type: text/plain\n\n\
This is an email abuse report for an email message received from IP 192.0.2.1\n\n\
--B\nContent-Type: message/feedback-report\n\n\
Feedback-Type: abuse\nUser-Agent: ExampleFBL/1.0\nVersion: 1\nSource-IP: 192.0.2.1\n",
    );
    for i in 0..4_000 {
        input.push_str(&format!("Original-Rcpt-To: user{i}@example.org\n"));
    }
    input.push_str(
        "\n--B\nContent-Type: message/rfc822\n\nFrom: a@example.jp\nSubject: hi\n\nhi\n--B--\n",
    );
    let d = timed(input.as_bytes(), LARGE_INPUT_LIMIT);
    assert_eq!(d.recipients.len(), 4_000);
    assert!(d
        .recipients
        .iter()
        .all(|r| r.reason == ndr_core::Reason::Feedback));
}

#[test]
fn ten_thousand_forwarded_recipients() {
    // Each recipient reached through an alias, in the text and in the report's fields
    // (`original.rs`): read in time, each recipient with its own alias.
    let rcpts: Vec<String> = (0..10_000)
        .map(|i| format!("user{i}@example.org"))
        .collect();
    let input = postfix_bounce(&rcpts, "aGVsbG8=");
    let mut forwarded = String::with_capacity(input.len() * 2);
    let mut i = 0;
    let mut j = 0;
    for line in input.split_inclusive('\n') {
        if line.starts_with("<user") {
            forwarded.push_str(&line.replacen(
                ">: host",
                &format!("> (expanded from <alias{i}@example.com>): host"),
                1,
            ));
            i += 1;
        } else if line.starts_with("Final-Recipient:") {
            forwarded.push_str(line);
            forwarded.push_str(&format!(
                "Original-Recipient: rfc822;alias{j}@example.com\r\n"
            ));
            j += 1;
        } else {
            forwarded.push_str(line);
        }
    }
    let d = timed(forwarded.as_bytes(), LARGE_INPUT_LIMIT);
    assert_eq!(d.recipients.len(), 10_000);
    for (i, r) in d.recipients.iter().enumerate() {
        assert_eq!(r.recipient, format!("user{i}@example.org"));
        let alias = format!("alias{i}@example.com");
        assert_eq!(r.original_recipient.as_deref(), Some(alias.as_str()));
    }
}

#[test]
fn deeply_nested_mime() {
    let depth = 5_000;
    let mut s = String::from("From: MAILER-DAEMON@example.jp\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n");
    for i in 0..depth {
        s.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    s.push_str("Content-Type: text/plain\r\n\r\n<user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 no such user\r\n");
    for i in (0..depth).rev() {
        s.push_str(&format!("--b{i}--\r\n"));
    }
    let d = timed(s.as_bytes(), LARGE_INPUT_LIMIT);
    // Deep trees are cut; what matters is an answer, not a crash.
    let _ = d.reason;
    // Nested message/rfc822 parts, too.
    let mut m = String::new();
    for _ in 0..200 {
        m.push_str("From: a@example.jp\r\nContent-Type: message/rfc822\r\n\r\n");
    }
    m.push_str("From: b@example.jp\r\n\r\nbody\r\n");
    timed(m.as_bytes(), LARGE_INPUT_LIMIT);
}

#[test]
fn truncated_mime() {
    let full = postfix_bounce(&["user@example.org".to_string()], "aGVsbG8gd29ybGQ=");
    // Cut everywhere: at every byte of the first 4 KB, then every 97th.
    let bytes = full.as_bytes();
    let cuts = (0..bytes.len().min(4096)).chain((4096..bytes.len()).step_by(97));
    for cut in cuts {
        timed(&bytes[..cut], SMALL_INPUT_LIMIT);
    }
    let cut = full
        .find("--BOUNDARY\r\nContent-Type: message/rfc822")
        .unwrap_or(full.len());
    let d = timed(&bytes[..cut], SMALL_INPUT_LIMIT);
    assert_eq!(d.reason, ndr_core::Reason::UserUnknown);
    assert!(has_note(&d, "input_truncated"), "{:?}", d.notes);
}

#[test]
fn wrong_charset_labels() {
    for charset in [
        "iso-2022-jp",
        "shift_jis",
        "x-no-such-charset",
        "utf-7",
        "utf-16",
        "",
    ] {
        let input = format!(
            "From: MAILER-DAEMON@example.jp\r\nSubject: =?{charset}?B?5a6b5YWI5LiN5piO?=\r\n\
Content-Type: text/plain; charset=\"{charset}\"\r\n\r\n\
宛先不明 <user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 User unknown\r\n"
        );
        let d = timed(input.as_bytes(), SMALL_INPUT_LIMIT);
        assert!(serde_json::to_string(&d).is_ok());
    }
}

#[test]
fn invalid_utf8_and_surrogates() {
    let mut input =
        b"550 5.1.1 <user@example.org>: User unknown \xed\xa0\x80 \xff\xfe \xc3".to_vec();
    input.extend_from_slice(b"\n\xf0\x9f\x92");
    let d = timed(&input, SMALL_INPUT_LIMIT);
    assert_eq!(d.reason, ndr_core::Reason::UserUnknown);
    let json = serde_json::to_string(&d).expect("serializes");
    assert!(!json.contains('\u{0}'));
    // A UTF-16 surrogate written as an escape in a JSON-ish paste is just text.
    timed(
        b"Diagnostic-Code: smtp; 550 \\ud800 user unknown",
        SMALL_INPUT_LIMIT,
    );
}

#[test]
fn html_with_scripts() {
    let input = "From: MAILER-DAEMON@example.jp\r\nSubject: Undeliverable: hello\r\n\
Content-Type: text/html; charset=utf-8\r\n\r\n\
<html><head><script>document.write('550 5.7.606 Access denied, banned sending IP [192.0.2.9]')</script>\
<style>p{color:red}</style></head><body><p>Delivery has failed to these recipients:</p>\
<p>user@example.org</p><p>Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'</p>\
<img src=x onerror=alert(1)></body></html>\r\n";
    let d = timed(input.as_bytes(), SMALL_INPUT_LIMIT);
    assert_eq!(d.reason, ndr_core::Reason::UserUnknown, "{d:#?}");
    let json = serde_json::to_string(&d).expect("serializes");
    assert!(
        !json.contains("5.7.606"),
        "script content must not be read: {json}"
    );
}

#[test]
fn fuzz_never_panics() {
    let seeds: Vec<Vec<u8>> = vec![
        postfix_bounce(&["user@example.org".into(), "other@example.org".into()], "aGVsbG8=").into_bytes(),
        b"Hi. This is the qmail-send program at mx.example.jp.\n\n<a@example.org>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 no\n".to_vec(),
        b"550-5.7.1 [192.0.2.1] blocked\n550 5.7.1 see https://example.org".to_vec(),
    ];
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    let executions = std::cell::Cell::new(0u64);
    // Arbitrary bytes.
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..4096), |bytes| {
            executions.set(executions.get() + 1);
            let d = diagnose(&bytes);
            prop_assert!(serde_json::to_string(&d).is_ok());
            Ok(())
        })
        .expect("arbitrary bytes");
    // Mutations of real bounces: overwrite, delete and insert bytes.
    let strategy = (
        0..seeds.len(),
        proptest::collection::vec((any::<u16>(), any::<u8>(), 0..3u8), 1..24),
    );
    let mut runner = TestRunner::new(Config {
        cases: 600,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(which, edits)| {
            let mut bytes = seeds[which].clone();
            for (pos, byte, op) in edits {
                if bytes.is_empty() {
                    bytes.push(byte);
                    continue;
                }
                let p = pos as usize % bytes.len();
                match op {
                    0 => bytes[p] = byte,
                    1 => {
                        bytes.remove(p);
                    }
                    _ => bytes.insert(p, byte),
                }
            }
            executions.set(executions.get() + 1);
            let d = diagnose(&bytes);
            prop_assert!(serde_json::to_string(&d).is_ok());
            Ok(())
        })
        .expect("mutated bounces");
    // Text-like inputs built from bounce vocabulary.
    let words = prop::sample::select(vec![
        "550",
        "5.1.1",
        "554-5.7.1",
        "<a@example.org>",
        "said:",
        "host",
        "Final-Recipient: rfc822;",
        "Status:",
        "Content-Type: message/rfc822",
        "\n",
        "\r\n",
        " ",
        "--b",
        "=?utf-8?B?5a6b?=",
        "日本語",
        "Diagnostic-Code: smtp;",
        "Action: failed",
        "(in reply to RCPT TO command)",
        "\u{fffd}",
    ]);
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(words, 0..200), |parts| {
            executions.set(executions.get() + 1);
            let input = parts.concat();
            let d = diagnose(input.as_bytes());
            prop_assert!(serde_json::to_string(&d).is_ok());
            Ok(())
        })
        .expect("bounce vocabulary");
    println!(
        "fuzz: {} executions of diagnose without a panic",
        executions.get()
    );
}
