//! The reader's pieces against mail-parser's, on generated input.

use std::borrow::Cow;

use super::value::{content_type, unstructured};

/// A small xorshift generator: the same inputs on every run.
fn pseudo_random(seed: &mut u64, n: usize) -> usize {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed % n as u64) as usize
}

fn generate(seed: &mut u64, pieces: &[&str], max: usize) -> String {
    let len = pseudo_random(seed, max);
    (0..len)
        .map(|_| pieces[pseudo_random(seed, pieces.len())])
        .collect()
}

#[test]
fn content_types_read_as_mail_parser_reads_them() {
    const PIECES: &[&str] = &[
        "text",
        "/",
        "plain",
        "multipart",
        "Mixed",
        ";",
        " ",
        "\t",
        "\n",
        "\n ",
        "\r\n",
        "=",
        "\"",
        "\\",
        "'",
        "*",
        "0",
        "1",
        "*0*",
        "*1",
        "(",
        ")",
        "boundary",
        "charset",
        "Charset",
        "HTML",
        "name",
        "utf-8",
        "us-ascii",
        "%41",
        "%",
        "=?utf-8?q?a=41?=",
        "=?",
        "?=",
        "x",
        "B",
        "--",
        "en",
        "語",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        let mut value = generate(&mut seed, PIECES, 24);
        value.push('\n');
        let ours = content_type(value.as_bytes());
        let theirs =
            mail_parser::parsers::MessageStream::new(value.as_bytes()).parse_content_type();
        let theirs = theirs.as_content_type().map(|ct| {
            (
                ct.ctype().to_string(),
                ct.subtype().map(str::to_string),
                ct.attributes()
                    .unwrap_or_default()
                    .iter()
                    .map(|a| (a.name.to_string(), a.value.to_string()))
                    .collect::<Vec<_>>(),
            )
        });
        let ours = ours.map(|ct| {
            (
                ct.ctype.into_owned(),
                ct.subtype.map(Cow::into_owned),
                ct.attributes
                    .into_iter()
                    .map(|(n, v)| (n.into_owned(), v))
                    .collect::<Vec<_>>(),
            )
        });
        assert_eq!(ours, theirs, "{value:?}");
    }
}

#[test]
fn common_names_are_shared_and_read_as_written_ones() {
    let ct = content_type(b"Text/Plain; CHARSET=us-ascii; X-Mine=\"A\"\n").unwrap();
    assert!(matches!(ct.ctype, Cow::Borrowed("text")));
    assert!(matches!(ct.subtype, Some(Cow::Borrowed("plain"))));
    assert!(matches!(ct.attributes[0].0, Cow::Borrowed("charset")));
    assert_eq!(ct.attribute("charset"), Some("us-ascii"));
    // A name that is not listed is read into a string of its own, in lowercase.
    assert!(matches!(&ct.attributes[1].0, Cow::Owned(n) if n == "x-mine"));
    assert_eq!(ct.attribute("x-mine"), Some("A"));
    // A listed name inside a longer one is not taken for it.
    let ct = content_type(b"texts/plainer; charsets=x\n").unwrap();
    assert_eq!(
        (
            ct.ctype.as_ref(),
            ct.subtype.as_deref(),
            ct.attributes[0].0.as_ref()
        ),
        ("texts", Some("plainer"), "charsets")
    );
}

#[test]
fn unstructured_text_reads_as_mail_parser_reads_it() {
    const PIECES: &[&str] = &[
        "Re:",
        " ",
        "  ",
        "\t",
        "\n ",
        "\r\n\t",
        "=?utf-8?B?w6k=?=",
        "=?UTF-8?q?caf=C3=A9_x?=",
        "=?utf-8*en?Q?a?=",
        "=?x?B?",
        "?=",
        "=?",
        "=",
        "?",
        "abc",
        "550",
        "=?utf-8?b?w6k?=",
        "=?utf-8?q?a\n b?=",
        "=?us-ascii?Q?Keith_Moore?=",
        "=?utf-8?B?4pi6?=\n =?utf-8?B?4pi6?=",
        "_",
        "=?utf-8?q?=ZZ?=",
        "=?utf-8?b?@@?=",
        "語",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        let mut value = generate(&mut seed, PIECES, 12);
        value.push('\n');
        let ours = unstructured(value.as_bytes(), &mut |_, bytes| super::text_of(bytes));
        let theirs =
            mail_parser::parsers::MessageStream::new(value.as_bytes()).parse_unstructured();
        assert_eq!(ours.as_deref(), theirs.as_text(), "{value:?}");
    }
}

#[test]
fn odd_structures_read_as_mail_parser_reads_them() {
    const PIECES: &[&str] = &[
        "Content-Type: multipart/mixed; boundary=\"b\"\n",
        "Content-Type: multipart/alternative; boundary=b2\n",
        "Content-Type: multipart/digest; boundary=\"b\"\n",
        "Content-Type: message/rfc822\n",
        "Content-Type: text/html\n",
        "Content-Type: text/plain; charset=utf-8\n",
        "Content-Transfer-Encoding: base64\n",
        "Content-Transfer-Encoding: quoted-printable\n",
        "Subject: x\n",
        "From: a@example.jp\n",
        "\n",
        "\r\n",
        "--b\n",
        "--b--\n",
        "--b2\n",
        "--b2--\n",
        "---b\n",
        "body text\n",
        "QUJD\n",
        "=41=\n",
        "a =\n",
        "==\n",
        "-",
        "--",
        "x",
        " ",
    ];
    let mut seed = 0x1234_5678_9abc_def1;
    for _ in 0..20_000 {
        let raw = generate(&mut seed, PIECES, 30);
        let theirs = mail_parser::MessageParser::new()
            .with_mime_headers()
            .parse(raw.as_bytes());
        let ours = super::parse(raw.as_bytes());
        assert_eq!(ours.is_some(), theirs.is_some(), "{raw:?}");
        let (Some(ours), Some(theirs)) = (ours, theirs) else {
            continue;
        };
        assert_eq!(ours.parts.len(), theirs.parts.len(), "{raw:?}");
        for (o, t) in ours.parts.iter().zip(&theirs.parts) {
            assert_eq!(
                (o.offset_header, o.offset_body, o.offset_end),
                (
                    t.offset_header as usize,
                    t.offset_body as usize,
                    t.offset_end as usize
                ),
                "{raw:?}"
            );
            use mail_parser::PartType;
            let same = match (&o.body, &t.body) {
                (super::Body::Multipart(a), PartType::Multipart(b)) => {
                    a.iter().map(|&x| x as u32).eq(b.iter().copied())
                }
                (super::Body::Text { bytes, html: false }, PartType::Text(t))
                | (super::Body::Text { bytes, html: true }, PartType::Html(t)) => {
                    *String::from_utf8_lossy(bytes) == **t
                }
                (super::Body::RawText(bytes), PartType::Text(t)) => {
                    *String::from_utf8_lossy(bytes) == **t
                }
                (super::Body::Binary(a), PartType::Binary(b) | PartType::InlineBinary(b)) => a == b,
                (super::Body::Message(a), PartType::Message(m)) => **a == *m.raw_message(),
                _ => false,
            };
            assert!(same, "{raw:?}");
        }
    }
}

#[test]
fn the_linear_search_finds_what_the_plain_one_finds() {
    let mut seed = 0x5851_f42d_4c95_7f2d;
    for _ in 0..5000 {
        let hay = generate(&mut seed, &["-", "a", "b", "ab", "--a"], 40);
        let needle = generate(&mut seed, &["-", "a", "b"], 6);
        let plain = hay
            .as_bytes()
            .windows(needle.len().max(1))
            .position(|w| w == needle.as_bytes());
        let plain = if needle.is_empty() { Some(0) } else { plain };
        assert_eq!(
            super::stream::find_linear(hay.as_bytes(), needle.as_bytes()),
            plain,
            "{hay:?} {needle:?}"
        );
    }
}

/// Inputs made so that every place could start a boundary or an encoded word are still read
/// in about linear time (each would take minutes if every attempt read to the end).
#[cfg(unix)]
#[test]
fn hostile_boundaries_and_encoded_words_are_read_in_linear_time() {
    let boundary = "-".repeat(3000) + "x";
    let mut raw = format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n");
    raw.push_str(&"-".repeat(2_000_000));
    let started = thread_cpu_time();
    let m = super::parse(raw.as_bytes());
    assert!(m.is_some());
    eprintln!("boundary: {:?} of CPU", thread_cpu_time() - started);
    let subject = "=?ab?q?x".repeat(200_000) + "\n";
    let text = unstructured(subject.as_bytes(), &mut |_, b| super::text_of(b));
    assert!(text.is_some());
    let took = thread_cpu_time() - started;
    eprintln!("both: {took:?} of CPU");
    // This thread's CPU time, which other processes on a busy machine do not add to (the wall
    // clock once read 21 s here with eight builds sharing two cores).
    assert!(took.as_secs() < 20, "{took:?}");
}

#[cfg(unix)]
#[path = "../../tests/cpu_time/mod.rs"]
mod cpu_time;
#[cfg(unix)]
use cpu_time::thread_cpu_time;

/// `parse` does not decode the parts of a returned message read in place; it takes where the
/// fallback for a broken part ends it, which is where every decoder ends a part too.
#[test]
fn every_reading_of_a_part_ends_where_the_fallback_ends_it() {
    use super::stream::Stream;
    const PIECES: &[&str] = &[
        "QUJD", "=41", "=4", "=\n", "=\r\n", "==", "=", " ", "\t", "\n", "\r\n", "\r", "-", "--",
        "--b", "--b--", "---b", "b", "x", "!", "日本",
    ];
    let mut seed = 0x0bad_5eed_1234_5678;
    for _ in 0..20_000 {
        let data = generate(&mut seed, PIECES, 24);
        let data = data.as_bytes();
        let start = pseudo_random(&mut seed, data.len() + 1);
        for boundary in [&b"b"[..], b""] {
            let fallback = |s: &mut Stream<'_>| {
                let (end, found) = s.seek_part_end((!boundary.is_empty()).then_some(boundary));
                (end, s.offset(), found)
            };
            let mut plain = Stream::new(data);
            plain.skip_to(start);
            let expected = fallback(&mut plain);
            for reading in [
                Stream::decode_base64_mime,
                Stream::decode_quoted_printable_mime,
                Stream::mime_part,
            ] {
                let mut s = Stream::new(data);
                s.skip_to(start);
                let (end, _) = reading(&mut s, boundary);
                let got = if end == usize::MAX {
                    fallback(&mut s)
                } else {
                    (end, s.offset(), true)
                };
                assert_eq!(
                    got,
                    expected,
                    "{:?} from {start}",
                    String::from_utf8_lossy(data)
                );
            }
        }
    }
}
