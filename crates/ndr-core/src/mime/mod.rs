//! A small MIME reader: a message's header fields and parts, with transfer encodings undone.
//!
//! It reads as mail-parser 0.11 (Apache-2.0 OR MIT, Stalwart Labs) did here before, whose
//! parser it follows step for step in what this crate uses: header fields, `Content-Type` and
//! its parameters (quoted, RFC 2231), multipart boundaries (nested, and broken ones recovered
//! the same way), returned messages, base64 and quoted-printable that tolerate broken input,
//! and RFC 2047 encoded words. It leaves out what this crate never read: addresses, dates,
//! `Received` fields, the text and HTML body lists, and every charset table. Charsets are the
//! caller's (`decode.rs` through the `Charsets` hook or encoding_rs), so text parts keep their
//! bytes here. `oracle.rs` (tests only) checks that every bounce reads as with mail-parser.
//!
//! Linear in the input: each byte is looked at a bounded number of times, and a part's end is
//! found once.

use std::borrow::Cow;

mod stream;
mod value;

#[cfg(all(test, feature = "full_encoding"))]
mod oracle;

use stream::Stream;
pub(crate) use value::{unstructured, ContentType};

/// A parsed message; part 0 is the root.
pub(crate) struct Message<'a> {
    /// The input; every offset in `parts` indexes it.
    pub raw: &'a [u8],
    pub parts: Vec<Part<'a>>,
}

/// One header field. Only the fields the reader needs are parsed (`value`); the others keep
/// their place (`offset_start..offset_end` in the input is the raw value, with its line end).
pub(crate) struct Header {
    /// Where the name as written (without the space around it) starts and ends.
    pub name: (usize, usize),
    pub kind: Kind,
    /// `Content-Type` and `Content-Disposition`, parsed.
    pub content_type: Option<Box<ContentType>>,
    /// Where the field's name starts, where its value starts, and where the field ends.
    pub offset_field: usize,
    pub offset_start: usize,
    pub offset_end: usize,
}

impl Header {
    /// The field's name in lowercase; `raw` is the message the header was read from.
    pub(crate) fn name_lowercase(&self, raw: &[u8]) -> String {
        let name = raw.get(self.name.0..self.name.1).unwrap_or_default();
        crate::text::lossy(name).to_ascii_lowercase()
    }
}

/// What a field is, by its name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    ContentType,
    ContentDisposition,
    ContentTransferEncoding,
    /// `Subject`, `From`, `To`, `Content-Description`, `Content-Location`: read as text.
    Text,
    /// `Content-ID`, `Content-Language`, `MIME-Version`: a part's own fields, not read.
    Mime,
    Other,
}

impl Kind {
    /// The kind of a field whose name, lowercased and without spaces, is `name`.
    fn of(name: &[u8]) -> Kind {
        match name {
            b"content-type" => Kind::ContentType,
            b"content-disposition" => Kind::ContentDisposition,
            b"content-transfer-encoding" => Kind::ContentTransferEncoding,
            b"subject" | b"from" | b"to" | b"content-description" | b"content-location" => {
                Kind::Text
            }
            b"content-id" | b"content-language" | b"mime-version" => Kind::Mime,
            _ => Kind::Other,
        }
    }
}

/// The transfer encoding of a part, as declared.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    None,
    Base64,
    QuotedPrintable,
}

pub(crate) struct Part<'a> {
    pub headers: Vec<Header>,
    pub offset_header: usize,
    pub offset_body: usize,
    pub offset_end: usize,
    pub body: Body<'a>,
}

impl Part<'_> {
    /// The last `Content-Type` field's value, when it could be read.
    pub(crate) fn content_type(&self) -> Option<&ContentType> {
        header_value(&self.headers, Kind::ContentType)
    }
}

/// The value of the last field of `kind` (`None` when that one could not be read).
fn header_value(headers: &[Header], kind: Kind) -> Option<&ContentType> {
    headers
        .iter()
        .rev()
        .find(|h| h.kind == kind)?
        .content_type
        .as_deref()
}

pub(crate) enum Body<'a> {
    /// The ids of the children (a multipart whose boundary was found).
    Multipart(Vec<usize>),
    /// A text part: its bytes with the transfer encoding undone, in the part's charset.
    Text { bytes: Cow<'a, [u8]>, html: bool },
    /// A returned message without header fields: its raw bytes, to be read as UTF-8.
    RawText(Cow<'a, [u8]>),
    /// Anything else, with the transfer encoding undone.
    Binary(Cow<'a, [u8]>),
    /// A returned message (`message/rfc822`, `message/global`): its bytes from its header block
    /// to its end.
    Message(Cow<'a, [u8]>),
}

/// How a part's content type shapes its reading.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum MimeType {
    MultipartAlternative,
    MultipartDigest,
    MultipartOther,
    TextPlain,
    TextHtml,
    TextOther,
    #[default]
    Message,
    Other,
}

/// (multipart, text, type) of a part with content type `ct` in a parent of type `parent`.
fn mime_type(ct: Option<&ContentType>, parent: MimeType) -> (bool, bool, MimeType) {
    let Some(ct) = ct else {
        // A digest's parts are messages unless they say otherwise.
        return if parent == MimeType::MultipartDigest {
            (false, false, MimeType::Message)
        } else {
            (false, true, MimeType::TextPlain)
        };
    };
    let sub = ct.subtype.as_deref();
    match ct.ctype.as_ref() {
        "multipart" => (
            true,
            false,
            match sub {
                Some("alternative") => MimeType::MultipartAlternative,
                Some("digest") => MimeType::MultipartDigest,
                _ => MimeType::MultipartOther,
            },
        ),
        "text" => match sub {
            Some("plain") => (false, true, MimeType::TextPlain),
            Some("html") => (false, true, MimeType::TextHtml),
            _ => (false, true, MimeType::TextOther),
        },
        "message" if matches!(sub, Some("rfc822" | "global")) => (false, false, MimeType::Message),
        _ => (false, false, MimeType::Other),
    }
}

/// A part that holds others (a multipart, or a returned message read in place) at the level
/// `state` opens, taking the header fields read for it; its end and children come when it closes.
fn container<'a>(headers: &mut Vec<Header>, state: &State) -> Part<'a> {
    Part {
        headers: std::mem::replace(headers, Vec::with_capacity(8)),
        offset_header: state.offset_header,
        offset_body: state.offset_body,
        offset_end: 0,
        body: Body::Multipart(Vec::new()),
    }
}

/// Where the reader is: one level of multipart, or one (returned) message.
#[derive(Default)]
struct State {
    mime_type: MimeType,
    boundary: Option<Vec<u8>>,
    /// The id of the part this level belongs to.
    part_id: usize,
    sub_part_ids: Vec<usize>,
    offset_header: usize,
    offset_body: usize,
    offset_end: usize,
}

/// Reads a message. `None` when the input has no header field at all.
pub(crate) fn parse(raw: &[u8]) -> Option<Message<'_>> {
    let mut s = Stream::new(raw);
    let mut parts: Vec<Part<'_>> = Vec::new();
    let mut state = State::default();
    // Each entry: the state to return to, and the parts of the message it reads when the new
    // level is a returned message read in place.
    let mut stack: Vec<(State, Option<Vec<Part<'_>>>)> = Vec::with_capacity(4);
    let mut headers = Vec::with_capacity(32);

    'outer: loop {
        state.offset_header = s.offset();
        if !s.parse_headers(&mut headers) {
            break;
        }
        state.offset_body = s.offset();
        state.sub_part_ids.push(parts.len());

        let ct = header_value(&headers, Kind::ContentType);
        let (is_multipart, mut is_text, mut mime_type) = mime_type(ct, state.mime_type);

        if is_multipart {
            if let Some(boundary) = ct.and_then(|c| c.attribute("boundary")) {
                if s.seek_next_part(boundary.as_bytes()) {
                    let new_state = State {
                        mime_type,
                        boundary: Some(boundary.as_bytes().to_vec()),
                        part_id: parts.len(),
                        ..State::default()
                    };
                    parts.push(container(&mut headers, &state));
                    stack.push((state, None));
                    state = new_state;
                    s.skip_crlf();
                    continue;
                }
                mime_type = MimeType::TextOther;
                is_text = true;
            }
        }

        let encoding = match last_text(&headers, raw, Kind::ContentTransferEncoding) {
            Some(e) if e.eq_ignore_ascii_case("base64") => Encoding::Base64,
            Some(e) if e.eq_ignore_ascii_case("quoted-printable") => Encoding::QuotedPrintable,
            _ => Encoding::None,
        };

        if mime_type == MimeType::Message && encoding == Encoding::None {
            // A returned message read in place: its own header block and parts follow.
            let new_state = State {
                mime_type: MimeType::Message,
                boundary: state.boundary.take(),
                part_id: parts.len(),
                ..State::default()
            };
            parts.push(container(&mut headers, &state));
            stack.push((state, Some(std::mem::take(&mut parts))));
            state = new_state;
            continue;
        }

        let boundary = state.boundary.as_deref().unwrap_or_default();
        let (offset_end, mut bytes) = match encoding {
            // The parts of a returned message read in place are never kept (`close_message`
            // keeps the message's bytes whole), so only where each ends matters: every reading
            // below ends at the first `--boundary` or fails and falls back to it (the
            // `usize::MAX` case), so the fallback is taken at once, without decoding what
            // nobody reads.
            _ if stack.iter().any(|(_, outer)| outer.is_some()) => {
                (usize::MAX, Cow::Borrowed(&b""[..]))
            }
            Encoding::Base64 => s.decode_base64_mime(boundary),
            Encoding::QuotedPrintable => s.decode_quoted_printable_mime(boundary),
            Encoding::None => s.mime_part(boundary),
        };

        // A part whose encoding is broken, or whose boundary never comes: its raw text.
        if offset_end == usize::MAX {
            if mime_type != MimeType::TextPlain {
                mime_type = MimeType::TextOther;
            }
            is_text = true;
            let (end, found) = s.seek_part_end(state.boundary.as_deref());
            state.offset_end = end;
            bytes = Cow::Borrowed(raw.get(state.offset_body..end).unwrap_or_default());
            if !found {
                state.boundary = None;
            }
        } else {
            state.offset_end = offset_end;
        }

        let body = if mime_type != MimeType::Message {
            if is_text {
                Body::Text {
                    bytes,
                    html: mime_type == MimeType::TextHtml,
                }
            } else {
                Body::Binary(bytes)
            }
        } else if has_header_block(&bytes) {
            // Only the bytes of an encoded returned message are read later (its root spans
            // all of them), so only whether it is one is found here.
            Body::Message(bytes)
        } else {
            Body::Binary(bytes)
        };

        parts.push(Part {
            headers: std::mem::replace(&mut headers, Vec::with_capacity(8)),
            body,
            offset_header: state.offset_header,
            offset_body: state.offset_body,
            offset_end: state.offset_end,
        });

        if state.boundary.is_some() {
            'inner: loop {
                if state.mime_type == MimeType::Message {
                    // The end of a returned message read in place: back to its parent.
                    let Some((mut prev_state, Some(mut prev_parts))) = stack.pop() else {
                        break 'outer;
                    };
                    let offset_end = match &state.boundary {
                        Some(b) => {
                            let pos = s.offset().saturating_sub(b.len() + 2);
                            match pos.checked_sub(2).and_then(|p| raw.get(p)) {
                                Some(b'\r') => pos - 2,
                                _ => pos.saturating_sub(1),
                            }
                        }
                        None => s.offset(),
                    };
                    close_message(
                        raw,
                        &mut prev_parts,
                        state.part_id,
                        offset_end,
                        &parts,
                        None,
                    );
                    parts = prev_parts;
                    prev_state.boundary = state.boundary.take();
                    state = prev_state;
                }

                if s.is_multipart_end() {
                    let Some(part) = parts.get_mut(state.part_id) else {
                        break 'outer;
                    };
                    if state.sub_part_ids.len() != 1 || state.sub_part_ids[0] != 0 {
                        part.body = Body::Multipart(std::mem::take(&mut state.sub_part_ids));
                    }
                    if let Some((prev_state, _)) = stack.pop() {
                        state = prev_state;
                        if let Some(boundary) = &state.boundary {
                            if let Some(offset) = s.seek_next_part_offset(boundary) {
                                part.offset_end = offset;
                                continue 'inner;
                            }
                        }
                    }
                    part.offset_end = s.offset();
                    break 'outer;
                }
                break 'inner;
            }
        } else if s.offset() >= raw.len() {
            break 'outer;
        }
    }

    // A message cut short: close every level still open.
    while let Some((prev_state, prev_parts)) = stack.pop() {
        if let Some(mut prev_parts) = prev_parts {
            let boundary = state.boundary.as_deref();
            close_message(
                raw,
                &mut prev_parts,
                state.part_id,
                s.offset(),
                &parts,
                Some(boundary),
            );
            parts = prev_parts;
        } else if let Some(part) = parts.get_mut(state.part_id) {
            part.offset_end = s.offset();
            if state.sub_part_ids.len() != 1 || state.sub_part_ids[0] != 0 {
                part.body = Body::Multipart(std::mem::take(&mut state.sub_part_ids));
            }
        }
        state = prev_state;
    }

    if let Some(root) = parts.first_mut() {
        root.offset_end = raw.len();
        Some(Message { raw, parts })
    } else if !headers.is_empty() {
        // Header fields without a body.
        parts.push(Part {
            headers,
            body: Body::Text {
                bytes: Cow::Borrowed(b""),
                html: false,
            },
            offset_header: 0,
            offset_body: raw.len(),
            offset_end: raw.len(),
        });
        Some(Message { raw, parts })
    } else {
        None
    }
}

/// True when `raw` would read as a message: it has a header field, or a header block (even an
/// empty one) ended by a blank line.
fn has_header_block(raw: &[u8]) -> bool {
    let mut headers = Vec::new();
    Stream::new(raw).parse_headers(&mut headers) || !headers.is_empty()
}

/// The bytes of a message from its root's header block to its root's end.
fn message_bytes<'a>(raw: &'a [u8], parts: &[Part<'_>]) -> &'a [u8] {
    parts
        .first()
        .and_then(|p| raw.get(p.offset_header..p.offset_end))
        .unwrap_or_default()
}

/// Ends the returned message in part `id` of its parent's `parts` at `offset_end`, with the
/// `inner` parts read from it. A message without any header field is its raw text; when the
/// input ended inside it (`cut` holds its level's boundary), without the boundary line that
/// may close it.
fn close_message<'a>(
    raw: &'a [u8],
    parts: &mut [Part<'a>],
    id: usize,
    offset_end: usize,
    inner: &[Part<'_>],
    cut: Option<Option<&[u8]>>,
) {
    let Some(part) = parts.get_mut(id) else {
        return;
    };
    part.offset_end = offset_end;
    if !inner.is_empty() {
        part.body = Body::Message(Cow::Borrowed(message_bytes(raw, inner)));
        return;
    }
    let text = raw.get(part.offset_body..offset_end);
    let before_boundary = cut.and_then(|boundary| {
        let text = std::str::from_utf8(text?).ok()?;
        let boundary = std::str::from_utf8(boundary?).ok()?;
        let (text, _) = text.rsplit_once(boundary)?;
        let text = text.strip_suffix("--")?;
        let text = text.strip_suffix('\n').unwrap_or(text);
        Some(text.strip_suffix('\r').unwrap_or(text))
    });
    part.body = Body::RawText(Cow::Borrowed(
        before_boundary.map_or(text.unwrap_or_default(), str::as_bytes),
    ));
}

/// The text of the last field of `kind`, read as unstructured text (encoded words as UTF-8).
fn last_text(headers: &[Header], raw: &[u8], kind: Kind) -> Option<String> {
    let h = headers.iter().rev().find(|h| h.kind == kind)?;
    unstructured(raw.get(h.offset_start..h.offset_end)?, &mut |_, bytes| {
        text_of(bytes)
    })
}

/// Bytes read as UTF-8, what is not as U+FFFD.
pub(crate) fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests;
