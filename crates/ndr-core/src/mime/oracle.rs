//! The reading this crate did with mail-parser 0.11 before `mime` replaced it, kept for tests
//! only: `differential` reads every bounce of the corpus and the fixtures both ways and
//! compares the headers and the body text.

use mail_parser::{Encoding, MessageParser, MimeHeaders, PartType};

use crate::charsets::host_charset;
use crate::decode::{
    bytes_to_text, html_text, original_head, push_marked, push_text, raw_text, unfold,
    without_mime_lines, Cx, Headers, Mail, MAX_DEPTH,
};
use crate::text;

/// Parses a whole message with mail-parser and lays its parts out.
pub(super) fn read_message(input: &[u8], cx: &mut Cx<'_>) -> Option<Mail> {
    let msg = parse_guarded(input)?;
    let root = msg.parts.first()?;
    let mut headers = Headers::default();
    for h in &root.headers {
        let name = h.name.as_str().to_ascii_lowercase();
        let raw = msg
            .raw_message
            .get(h.offset_start as usize..h.offset_end as usize)
            .map(text::lossy)
            .unwrap_or_default();
        let mut value = unfold(&raw);
        // Encoded words ("=?ISO-2022-JP?B?...?=") are decoded by mail-parser; use its text.
        if value.contains("=?") || name == "subject" {
            // The fields the parser passes over keep their raw text, as mail-parser would
            // have read it.
            let text = if is_parsed(&h.name) {
                h.value.as_text().map(std::borrow::Cow::Borrowed)
            } else {
                raw_message_slice(&msg, h).and_then(raw_text)
            };
            if let Some(t) = text {
                value = t.to_string();
                if cx.decoders.redecode() && raw.contains("=?") {
                    if let Some(t) = raw_message_slice(&msg, h).and_then(|r| header_text(r, cx)) {
                        value = t;
                    }
                }
            } else if let Some(list) = h.value.as_text_list() {
                value = list.join(", ");
            }
        }
        headers.push(name.into(), &value);
    }
    let mut body = String::new();
    let mut notes = Vec::new();
    flatten(&msg, 0, false, 0, &mut body, &mut notes, cx);
    if cut_before_original(input, root, &body) {
        notes.push(("input_truncated", "mime".to_string()));
    }
    Some(Mail {
        headers,
        body,
        notes,
        ..Mail::default()
    })
}

fn raw_message_slice<'m>(
    msg: &'m mail_parser::Message<'_>,
    h: &mail_parser::Header<'_>,
) -> Option<&'m [u8]> {
    msg.raw_message
        .get(h.offset_start as usize..h.offset_end as usize)
}

/// The text of an unstructured header field (raw value bytes) whose encoded words include one
/// in a multi-byte charset, decoded here (see `Decoders::redecode`); `None` when it has none.
///
/// Each such word is replaced by the same text as a UTF-8 encoded word and the field is read
/// again by mail-parser, so that the rest of its reading (which spaces between words count,
/// folding) stays mail-parser's.
fn header_text(raw: &[u8], cx: &mut Cx<'_>) -> Option<String> {
    let mut out = Vec::with_capacity(raw.len() * 2);
    let mut changed = false;
    let mut at = 0;
    while let Some(start) = text::find_bytes(&raw[at..], b"=?").map(|p| p + at) {
        out.extend_from_slice(&raw[at..start]);
        at = start + 2;
        let Some(word) = encoded_word(&raw[start..]) else {
            out.extend_from_slice(b"=?");
            continue;
        };
        let label = String::from_utf8_lossy(word.charset);
        let decoded = host_charset(&label).and_then(|name| {
            let bytes = if word.base64 {
                mail_parser::decoders::base64::base64_decode(word.data)?
            } else {
                q_word_decode(word.data)
            };
            cx.decode(name, &bytes)
        });
        match decoded {
            Some(text) => {
                out.extend_from_slice(b"=?utf-8?q?");
                for b in text.bytes() {
                    out.extend_from_slice(&[
                        b'=',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 15)],
                    ]);
                }
                out.extend_from_slice(b"?=");
                changed = true;
            }
            None => out.extend_from_slice(&raw[start..start + word.len]),
        }
        at = start + word.len;
    }
    if !changed {
        return None;
    }
    out.extend_from_slice(&raw[at..]);
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let value = mail_parser::parsers::MessageStream::new(&out).parse_unstructured();
    value.as_text().map(str::to_string)
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// One RFC 2047 encoded word at the start of `s` ("=?charset?B?data?=").
struct EncodedWord<'s> {
    charset: &'s [u8],
    base64: bool,
    data: &'s [u8],
    /// Bytes from "=?" to "?=" inclusive.
    len: usize,
}

fn encoded_word(s: &[u8]) -> Option<EncodedWord<'_>> {
    let rest = s.strip_prefix(b"=?")?;
    let q1 = rest.iter().take(76).position(|&b| b == b'?')?;
    let charset = &rest[..q1];
    if charset.len() < 2 || charset.iter().any(|b| b.is_ascii_whitespace()) {
        return None;
    }
    // RFC 2231 adds a language after '*': "ISO-2022-JP*ja".
    let charset = charset.split(|&b| b == b'*').next().unwrap_or(charset);
    let base64 = match rest.get(q1 + 1)? {
        b'B' | b'b' => true,
        b'Q' | b'q' => false,
        _ => return None,
    };
    if rest.get(q1 + 2) != Some(&b'?') {
        return None;
    }
    let data_start = q1 + 3;
    let data_len = text::find_bytes(rest.get(data_start..)?, b"?=")?;
    let data = &rest[data_start..data_start + data_len];
    if base64 && data.contains(&b'?') {
        return None;
    }
    Some(EncodedWord {
        charset,
        base64,
        data,
        len: 2 + data_start + data_len + 2,
    })
}

/// The "Q" encoding of RFC 2047: `_` is a space, `=XX` a byte; folding is dropped.
fn q_word_decode(data: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'_' => out.push(b' '),
            b'\r' => {}
            b'\n' => {
                while matches!(data.get(i + 1), Some(b' ' | b'\t')) {
                    i += 1;
                }
            }
            b'=' => match (
                data.get(i + 1).and_then(|&b| hex(b)),
                data.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'='),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// The text of a text part in a multi-byte charset, decoded here from the part's raw bytes
/// (see `Decoders::redecode`); `None` when the part is in another charset or nobody could
/// decode it (mail-parser's text stands then).
///
/// A part labelled ISO-2022-JP whose bytes are not seven-bit is mislabelled: that charset
/// never uses the eighth bit. A bounce saved or forwarded by a program that had already
/// decoded it keeps the old label over UTF-8 text; read as ISO-2022-JP, every Japanese
/// character would be lost. Valid UTF-8 there is read as UTF-8.
fn part_text(
    msg: &mail_parser::Message<'_>,
    part: &mail_parser::MessagePart<'_>,
    cx: &mut Cx<'_>,
) -> Option<String> {
    let name = host_charset(part.content_type()?.attribute("charset")?)?;
    let seven_bit = name == "iso-2022-jp";
    if !cx.decoders.redecode() && !seven_bit {
        return None;
    }
    let raw = msg
        .raw_message
        .get(part.offset_body as usize..part.offset_end as usize)?;
    let bytes = match part.encoding {
        Encoding::None => raw.to_vec(),
        Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw)?,
        Encoding::QuotedPrintable => quoted_printable_decode(raw),
    };
    if seven_bit && !bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(&bytes) {
            return Some(s.to_string());
        }
    }
    if !cx.decoders.redecode() {
        return None;
    }
    cx.decode(name, &bytes)
}

/// Quoted-printable as mail-parser reads a MIME part: soft line breaks joined, spaces before a
/// line end dropped, and an `=` that starts no escape kept as it is. (mail-parser's public
/// decoder refuses such input instead, which would lose the whole part.)
fn quoted_printable_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let crlf: &[u8] = if raw.contains(&b'\r') { b"\r\n" } else { b"\n" };
    let mut out = Vec::with_capacity(raw.len());
    let mut spaces = 0;
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'\r' => {}
            b'\n' => {
                out.truncate(out.len().saturating_sub(spaces));
                out.extend_from_slice(crlf);
                spaces = 0;
            }
            b'=' => {
                // Skip spaces after '=' up to a line end: a soft line break.
                let mut j = i + 1;
                while matches!(raw.get(j), Some(b' ' | b'\t' | b'\r')) {
                    j += 1;
                }
                match (
                    raw.get(j),
                    raw.get(i + 1).and_then(|&b| hex(b)),
                    raw.get(i + 2).and_then(|&b| hex(b)),
                ) {
                    (Some(b'\n'), _, _) => {
                        i = j;
                        spaces = 0;
                    }
                    (_, Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        spaces = 0;
                        i += 2;
                    }
                    _ => {
                        out.push(b'=');
                        spaces = 0;
                    }
                }
            }
            b => {
                spaces = if b == b' ' || b == b'\t' {
                    spaces + 1
                } else {
                    0
                };
                out.push(b);
            }
        }
        i += 1;
    }
    out
}

/// One parser for all calls. Only the MIME headers (needed to read the body) and the few
/// headers read as text are parsed; the rest are only passed over, which saves reading every
/// Received (`read_message` takes their text from the raw bytes, as `raw_text` says).
fn parser() -> &'static MessageParser {
    static PARSER: std::sync::OnceLock<MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| {
        use mail_parser::HeaderName;
        MessageParser::new()
            .with_mime_headers()
            .header_text(HeaderName::Subject)
            .header_text(HeaderName::From)
            .header_text(HeaderName::To)
            .default_header_ignore()
    })
}

/// Whether `parser` parses the field (the MIME fields and the three read as text); it only
/// passes over the others.
fn is_parsed(name: &mail_parser::HeaderName<'_>) -> bool {
    use mail_parser::HeaderName::*;
    matches!(
        name,
        ContentType
            | ContentDisposition
            | ContentId
            | ContentDescription
            | ContentLocation
            | ContentTransferEncoding
            | Subject
            | From
            | To
    )
}

/// mail-parser never panics in release builds, but a few of its internal consistency checks are
/// `debug_assert!`s; a hostile input must not take a debug build (the tests) down either.
fn parse_guarded(input: &[u8]) -> Option<mail_parser::Message<'_>> {
    #[cfg(panic = "unwind")]
    {
        std::panic::catch_unwind(|| parser().parse(input))
            .ok()
            .flatten()
    }
    #[cfg(not(panic = "unwind"))]
    {
        parser().parse(input)
    }
}

/// A multipart report whose closing boundary never comes and which ends before the returned
/// message starts: the delivery report itself may be incomplete. Many real bounces lack the
/// closing boundary after the returned message, which loses nothing that matters here.
fn cut_before_original(input: &[u8], root: &mail_parser::MessagePart<'_>, body: &str) -> bool {
    let Some(boundary) = root.content_type().and_then(|ct| ct.attribute("boundary")) else {
        return false;
    };
    if boundary.is_empty() {
        return false;
    }
    if body.contains("Content-Type: message/rfc822")
        || body.contains("Content-Type: text/rfc822-headers")
    {
        return false;
    }
    let closing = format!("--{boundary}--");
    text::find_bytes(input, closing.as_bytes()).is_none()
}

/// Appends the readable content of part `id` of `msg` (and its children) to `out`.
fn flatten(
    msg: &mail_parser::Message<'_>,
    id: usize,
    in_alternative: bool,
    depth: usize,
    out: &mut String,
    notes: &mut Vec<(&'static str, String)>,
    cx: &mut Cx<'_>,
) {
    let Some(part) = msg.parts.get(id) else {
        return;
    };
    if depth > MAX_DEPTH {
        if !notes.iter().any(|(n, _)| *n == "mime_too_deep") {
            notes.push(("mime_too_deep", String::new()));
        }
        return;
    }
    if let Some(start) = glued_message_start(part).filter(|_| id != 0) {
        // The returned message's fields were read as this part's own, and its body as this
        // part's body (or children): lay it out as the returned message it is, so that its
        // text stays out of the report.
        let raw = msg
            .raw_message()
            .get(start..part.offset_end as usize)
            .unwrap_or_default();
        push_marked(out, "message/rfc822", &text::lossy(original_head(raw)));
        return;
    }
    let (ctype, subtype) = match part.content_type() {
        Some(ct) => (
            ct.ctype().to_ascii_lowercase(),
            ct.subtype()
                .map(str::to_ascii_lowercase)
                .unwrap_or_default(),
        ),
        None => (String::new(), String::new()),
    };
    match &part.body {
        PartType::Multipart(children) => {
            let alt = subtype == "alternative";
            for &child in children.iter() {
                // A malformed tree must not loop back to itself.
                if child as usize != id {
                    flatten(msg, child as usize, alt, depth + 1, out, notes, cx);
                }
            }
        }
        PartType::Text(t) => {
            let redecoded = part_text(msg, part, cx);
            let t = redecoded.as_deref().unwrap_or(t);
            if subtype.contains("rfc822") || ctype == "message" {
                push_marked(out, &format!("{ctype}/{subtype}"), t);
            } else {
                push_text(out, t);
            }
        }
        PartType::Html(t) => {
            if !in_alternative {
                let redecoded = part_text(msg, part, cx);
                push_text(out, &html_text(redecoded.as_deref().unwrap_or(t)));
            }
        }
        PartType::Binary(b) | PartType::InlineBinary(b) => {
            if ctype == "message" {
                let kind = match subtype.as_str() {
                    "disposition-notification" | "xdelivery-status" => {
                        "message/delivery-status".to_string()
                    }
                    _ => format!("message/{subtype}"),
                };
                push_marked(out, &kind, &text::lossy(b));
            } else if ctype == "text" {
                push_text(out, &text::lossy(b));
            } else if ctype == "multipart" {
                // A multipart whose boundary could not be read (a "boundary=" parameter on a
                // line of its own): its text is still there, part headers and all.
                push_text(out, &without_mime_lines(&bytes_to_text(b, cx)));
            }
        }
        PartType::Message(m) => {
            push_marked(
                out,
                "message/rfc822",
                &text::lossy(original_head(m.raw_message())),
            );
        }
    }
}

/// Where the returned message starts in a part that introduces one (`message/rfc822`,
/// `text/rfc822-headers`) without the blank line that should end the part's own header
/// block: its first field that is not a `Content-*` field (or `MIME-Version`, which
/// Python's email package writes into part headers) after that `Content-Type` (CommuniGate
/// Pro writes `Content-Type: message/rfc822` directly above the `Received:` fields). `None`
/// for a part whose header block is its own.
fn glued_message_start(part: &mail_parser::MessagePart<'_>) -> Option<usize> {
    use mail_parser::{HeaderName, HeaderValue};
    let returned = part.headers.iter().position(|h| {
        let HeaderValue::ContentType(ct) = &h.value else {
            return false;
        };
        let sub = ct.subtype().unwrap_or_default();
        (ct.ctype().eq_ignore_ascii_case("message")
            && (sub.eq_ignore_ascii_case("rfc822") || sub.eq_ignore_ascii_case("global")))
            || (ct.ctype().eq_ignore_ascii_case("text")
                && sub.eq_ignore_ascii_case("rfc822-headers"))
    })?;
    part.headers.get(returned + 1..)?.iter().find_map(|h| {
        let own = matches!(
            h.name,
            HeaderName::ContentType
                | HeaderName::ContentDisposition
                | HeaderName::ContentDescription
                | HeaderName::ContentTransferEncoding
                | HeaderName::ContentId
                | HeaderName::ContentLocation
                | HeaderName::ContentLanguage
                | HeaderName::MimeVersion
        ) || h.name.as_str().to_ascii_lowercase().starts_with("content-");
        (!own).then_some(h.offset_field as usize)
    })
}

/// Every bounce read both ways gives the same `Mail` (header fields, body text, notes), with
/// the tables compiled in and through a hook. The inputs: the Sisimai corpus
/// (`NDR_SISIMAI_CORPUS`, else `../shared/corpus/sisimai` next to the workspace), the fixtures,
/// and the held-out sets in `/tmp/heldout/{a,b,c,d,e}` when they exist.
#[cfg(not(target_arch = "wasm32"))]
mod differential {
    use std::path::{Path, PathBuf};

    use crate::charsets::Decoders;
    use crate::decode::{decode, decode_by, Mail};

    /// Inputs the two readers read differently, each with why the new reading is kept.
    /// Matched by the end of the path.
    const ACCEPTED: &[(&str, &str)] = &[];

    /// encoding_rs standing in for the browser's TextDecoder.
    struct Host;

    impl crate::Charsets for Host {
        fn decode(&self, charset: &str, bytes: &[u8]) -> Option<String> {
            let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())?;
            Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
    }

    fn corpus_dir() -> Option<PathBuf> {
        if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
            return Some(PathBuf::from(p));
        }
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/sisimai");
        p.exists().then_some(p)
    }

    fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        // Links are not followed: a held-out set links a folder to itself.
        let mut entries: Vec<(PathBuf, std::fs::FileType)> = entries
            .filter_map(|e| e.ok().and_then(|e| Some((e.path(), e.file_type().ok()?))))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, kind) in entries {
            if kind.is_dir() {
                collect(&p, out);
            } else if kind.is_file() && p.extension().and_then(|e| e.to_str()) != Some("tsv") {
                out.push(p);
            }
        }
    }

    fn inputs() -> Vec<PathBuf> {
        let mut files = Vec::new();
        match corpus_dir() {
            Some(dir) => collect(&dir.join("maildir"), &mut files),
            None => assert!(
                std::env::var("NDR_ALLOW_NO_CORPUS").as_deref() == Ok("1"),
                "Sisimai corpus not found (NDR_SISIMAI_CORPUS; NDR_ALLOW_NO_CORPUS=1 skips it)"
            ),
        }
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
        let before = files.len();
        collect(&fixtures, &mut files);
        files.retain(|p| {
            !p.starts_with(&fixtures)
                || matches!(p.extension().and_then(|e| e.to_str()), Some("eml" | "txt"))
        });
        assert!(
            files.len() > before,
            "no fixtures in {}",
            fixtures.display()
        );
        for set in ["a", "b", "c", "d", "e"] {
            collect(&Path::new("/tmp/heldout").join(set), &mut files);
        }
        files
    }

    /// The first place where two readings differ, with some context.
    fn difference(old: &Mail, new: &Mail) -> Option<String> {
        if old.headers != new.headers {
            let (o, n) = old
                .headers
                .iter()
                .zip(new.headers.iter())
                .find(|(o, n)| o != n)
                .map_or((None, None), |(o, n)| (Some(o), Some(n)));
            return Some(format!(
                "headers ({} vs {}): {o:?} vs {n:?}",
                old.headers.iter().count(),
                new.headers.iter().count()
            ));
        }
        if old.body != new.body {
            let at = old
                .body
                .bytes()
                .zip(new.body.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(old.body.len().min(new.body.len()));
            let around = |s: &str| {
                let from = s.floor_char_boundary(at.saturating_sub(80));
                let to = s.ceil_char_boundary((at + 80).min(s.len()));
                s[from..to].to_string()
            };
            return Some(format!(
                "body at byte {at} ({} vs {} bytes):\n  old: {:?}\n  new: {:?}",
                old.body.len(),
                new.body.len(),
                around(&old.body),
                around(&new.body)
            ));
        }
        (old.notes != new.notes).then(|| format!("notes: {:?} vs {:?}", old.notes, new.notes))
    }

    #[test]
    fn the_reader_reads_every_bounce_as_mail_parser_did() {
        let files = inputs();
        let mut differences = Vec::new();
        let mut accepted = 0;
        for file in &files {
            let Ok(input) = std::fs::read(file) else {
                continue;
            };
            for host in [None, Some(&Host as &dyn crate::Charsets)] {
                let old = decode_by(&input, Decoders::new(host), super::read_message);
                let new = decode(&input, Decoders::new(host));
                if let Some(d) = difference(&old, &new) {
                    let name = file.to_string_lossy();
                    if ACCEPTED.iter().any(|(f, _)| name.ends_with(f)) {
                        accepted += 1;
                    } else {
                        let with = if host.is_some() { " (hook)" } else { "" };
                        differences.push(format!("{}{with}: {d}", file.display()));
                    }
                }
            }
        }
        eprintln!(
            "{} inputs read both ways, {accepted} accepted differences",
            files.len()
        );
        assert!(
            differences.is_empty(),
            "{} of {} readings differ:\n{}",
            differences.len(),
            files.len() * 2,
            differences.join("\n")
        );
    }
}
