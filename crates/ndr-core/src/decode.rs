//! Turns input bytes into headers and one flat, decoded, human-readable text.
//!
//! MIME structure and transfer encodings are `mime`'s work, charsets the `Charsets` hook's or
//! encoding_rs's. This module decides what the input is (a whole message, or text a person
//! copied out of a mail program), and lays the decoded parts out one after another. Parts that carry structure are introduced
//! by a line `Content-Type: <type>` so that later readers can tell the delivery report and the
//! returned original apart, the same layout Sisimai uses.

use std::borrow::Cow;

use crate::charsets::{host_charset, windows_1252, Decoders};
use crate::mime::{self, Body, Kind};
use crate::text;

/// Inputs longer than this are cut before reading; the bounce's own text is always at the
/// start, and what follows (the returned message with its attachments) adds nothing.
pub(crate) const MAX_INPUT: usize = 8 * 1024 * 1024;

/// How deep MIME trees are walked; real bounces nest three or four levels.
pub(crate) const MAX_DEPTH: usize = 24;

/// The decoded input.
#[derive(Debug, Default)]
pub(crate) struct Mail {
    /// Top-level header fields: lowercased name, unfolded value. Empty for a pasted text.
    pub headers: Headers,
    /// Every readable part, decoded to UTF-8, LF newlines, tabs as spaces.
    pub body: String,
    /// Notes about reading the input (`binary_input`, `input_truncated`, ...).
    pub notes: Vec<(&'static str, String)>,
    /// What the mail program reader's search found in `body`, and the body's length then
    /// (`mta::mailprogram`): the reader and the note `refused_at_submission` search the same
    /// text, so the second asks this instead of searching again. Internal to that module.
    pub(crate) send_error: std::cell::Cell<Option<(usize, SendErrorAt)>>,
    /// Every line of `body` was a record of a log, its tag and time taken off (`paste`): a
    /// line ends where its record ended, and never runs on onto the next as a wrapped line
    /// does.
    pub records: bool,
    /// The returned messages' `Subject:` fields that carry encoded words, as they are written
    /// (unfolded) and as they read (`returned_subjects`): the facts read a returned message's
    /// fields from the laid-out text, where encoded words stay as written.
    pub returned_subjects: Vec<(String, String)>,
}

/// Which row of the mail program reader's table a body holds and where (see `Mail::send_error`).
pub(crate) type SendErrorAt = Option<(usize, usize)>;

/// A message's header fields in order: lowercased name, unfolded value. The values are kept
/// one after another in one text, not each in a string of its own (a message has a dozen or
/// more), and the names most messages carry are shared, not copied (see `COMMON_NAMES`).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Headers {
    /// Every value, one after another.
    text: String,
    /// Each field's name, and where its value is in `text`.
    fields: Vec<(Cow<'static, str>, usize, usize)>,
}

impl Headers {
    /// Adds a field at the end (the mail-parser oracle's reading).
    #[cfg(all(test, feature = "full_encoding"))]
    pub(crate) fn push(&mut self, name: Cow<'static, str>, value: &str) {
        let start = self.text.len();
        self.text.push_str(value);
        self.fields.push((name, start, self.text.len()));
    }

    /// True when there is no field (a pasted text).
    pub(crate) fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Every field as (name, value), in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.fields
            .iter()
            .map(|(name, start, end)| (name.as_ref(), self.value(*start, *end)))
    }

    /// Every value of the field `name`, in order (its value taken out of the text only when
    /// the name matches).
    pub(crate) fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _, _)| n == name)
            .map(|(_, start, end)| self.value(*start, *end))
    }

    /// The first value of the field `name`; empty without one.
    pub(crate) fn first(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or("", |(_, start, end)| self.value(*start, *end))
    }

    /// True when there is a field `name`.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(n, _, _)| n == name)
    }

    fn value(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or_default()
    }
}

impl Mail {
    /// The first value of a header field (name in lowercase).
    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers.first(name)
    }

    /// Every value of a header field, in order.
    pub(crate) fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.named(name)
    }

    /// True when the field is present.
    pub(crate) fn has_header(&self, name: &str) -> bool {
        self.headers.has(name)
    }

    /// The Subject (decoded).
    pub(crate) fn subject(&self) -> &str {
        self.header("subject")
    }

    /// The From field.
    pub(crate) fn from(&self) -> &str {
        self.header("from")
    }

    /// True when this is text a person pasted (no header block) and it contains one of
    /// `markers`: how a reader that recognises a mail by its headers still knows its text.
    pub(crate) fn pasted_with(&self, markers: &[&str]) -> bool {
        self.headers.is_empty() && text::contains_any(&self.body, markers)
    }

    /// True when the Subject says a person forwarded this ("Fwd: ...", "FW: ...", "WG: ...").
    pub(crate) fn is_forward(&self) -> bool {
        let s = self.subject().trim_start();
        ["fwd:", "fw:", "wg:", "tr:", "rv:", "転送:"]
            .iter()
            .any(|p| text::starts_with_ci(s, p))
    }
}

/// Reads the input. Never fails: unreadable input gives an empty body and a note.
pub(crate) fn decode(input: &[u8], decoders: Decoders<'_>) -> Mail {
    decode_by(input, decoders, read_message)
}

/// `decode`, with whole messages read by `read` (the tests compare readers).
pub(crate) fn decode_by(
    input: &[u8],
    decoders: Decoders<'_>,
    read: fn(&[u8], &mut Cx<'_>) -> Option<Mail>,
) -> Mail {
    let mut notes = Vec::new();
    if input.iter().all(|b| b.is_ascii_whitespace()) {
        notes.push(("empty_input", String::new()));
        return Mail {
            notes,
            ..Mail::default()
        };
    }
    let input = if input.len() > MAX_INPUT {
        notes.push((
            "input_truncated",
            format!("{} bytes read of {}", MAX_INPUT, input.len()),
        ));
        &input[..MAX_INPUT]
    } else {
        input
    };
    if looks_binary(input) {
        notes.push(("binary_input", String::new()));
        return Mail {
            notes,
            ..Mail::default()
        };
    }
    let lf_input = cr_to_lf(input);
    let input: &[u8] = lf_input.as_deref().unwrap_or(input);
    // A message saved or pasted by hand often starts with blank lines (or a line of spaces)
    // before its header block; read past them, or the whole MIME structure would be lost.
    let input = match blank_prefix(input) {
        0 => input,
        n => input
            .get(n..)
            .filter(|rest| looks_like_message(rest))
            .unwrap_or(input),
    };
    // A support desk or a user pastes the whole bounce under a line of their own ("Here is
    // the bounce I got:"); read the message from its header block, or it would be read as
    // text without headers. Evidence spans are found in the caller's input, so they still
    // point into it.
    // (Whether the input reads as a message is found once: the test reads its whole header
    // block.)
    let (input, is_message) = if looks_like_message(input) {
        (input, true)
    } else {
        match note_prefix(input).and_then(|n| input.get(n..)) {
            Some(rest) => (rest, looks_like_message(rest)),
            None => (input, false),
        }
    };
    let mut cx = Cx {
        decoders,
        notes: Vec::new(),
    };
    let mut mail = if is_message {
        read(input, &mut cx).unwrap_or_else(|| Mail {
            body: bytes_to_text(input, &mut cx),
            ..Mail::default()
        })
    } else {
        let body = tidy_text(bytes_to_text(input, &mut cx));
        // A paste quoted, indented or logged line by line is read without those marks (see
        // `paste`); a header block among the lines they hid is then read as one.
        match crate::paste::unwrapped(&body) {
            Some(plain) => {
                let bytes = plain.text.as_bytes();
                let start = if looks_like_message(bytes) {
                    Some(0)
                } else {
                    note_prefix(bytes).filter(|&n| bytes.get(n..).is_some_and(looks_like_message))
                };
                let mut mail = start
                    .and_then(|n| read(bytes.get(n..)?, &mut cx))
                    .unwrap_or(Mail {
                        body: plain.text,
                        ..Mail::default()
                    });
                mail.records = plain.records;
                mail
            }
            None => Mail {
                body,
                ..Mail::default()
            },
        }
    };
    mail.notes.append(&mut cx.notes);
    mail.body = tidy_text(std::mem::take(&mut mail.body));
    if mail.headers.is_empty() && looks_like_html(&mail.body) {
        mail.body = tidy_text(html_text(&mail.body));
    }
    // A page's HTML source pasted as text: its `mailto:` anchors as their address and its
    // `&lt;` `&gt;` as the characters (only in a paste; a whole message's HTML part was read
    // above).
    if mail.headers.is_empty() {
        if let std::borrow::Cow::Owned(plain) = crate::paste::without_html_anchors(&mail.body) {
            mail.body = plain;
        }
    }
    // A page that wrote every address as a markdown link (`[a@example.org](mailto:...)`):
    // read as the address.
    if let std::borrow::Cow::Owned(plain) = crate::paste::without_links(&mail.body) {
        mail.body = plain;
    }
    // A bounce forwarded by a person ("Fwd: Undelivered Mail ...") is quoted with "> ".
    if mail.is_forward() {
        mail.body = mail.body.replace("\n> ", "\n").replace("\n>\n", "\n\n");
    }
    notes.append(&mut mail.notes);
    mail.notes = notes;
    mail
}

/// Binary data (an image, an archive) rather than text: many NUL or other control bytes.
/// A stray NUL in a real bounce (some mail servers write one) does not make it binary.
fn looks_binary(input: &[u8]) -> bool {
    let head = &input[..input.len().min(8192)];
    // ESC (ISO-2022-JP), TAB, LF, CR and FF are text.
    let [controls, nuls] = count_bytes(head, |b| {
        [
            b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b),
            b == 0,
        ]
    });
    nuls * 100 > head.len() || controls * 10 > head.len()
}

/// How many bytes of `bytes` meet each of `N` tests. This runs over the start of every
/// input: the counters are bytes within a block, so that the compiler tests sixteen or more
/// bytes per vector instruction, and are summed per block.
#[inline(always)]
fn count_bytes<const N: usize>(bytes: &[u8], test: impl Fn(u8) -> [bool; N]) -> [usize; N] {
    let mut total = [0usize; N];
    // 255 matches at most per block, so a byte counter never wraps; 192 is a whole number of
    // the compiler's unrolled vector steps (measured against 128, 240 and 255), so no byte of
    // a full block is left to a one-byte loop.
    for block in bytes.chunks(192) {
        let mut counts = [0u8; N];
        for &b in block {
            let hits = test(b);
            for k in 0..N {
                counts[k] += u8::from(hits[k]);
            }
        }
        for k in 0..N {
            total[k] += usize::from(counts[k]);
        }
    }
    total
}

/// Input whose lines end in a lone CR (old Mac files, some copy-paste paths), with LF instead,
/// so the message parser sees its lines. `None` when LF (or CRLF) ends most lines already.
fn cr_to_lf(input: &[u8]) -> Option<Vec<u8>> {
    let head = &input[..input.len().min(64 * 1024)];
    // Lone CRs are at most all CRs: when LFs are at least as many as CRs (every normal
    // message), one count decides, and the pairwise look is skipped.
    let [cr, lf] = count_bytes(head, |b| [b == b'\r', b == b'\n']);
    if cr <= lf {
        return None;
    }
    let lone_cr = head
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && head.get(i + 1) != Some(&b'\n'))
        .count();
    if lone_cr <= lf {
        return None;
    }
    let mut out = Vec::with_capacity(input.len());
    for (i, &b) in input.iter().enumerate() {
        if b == b'\r' && input.get(i + 1) != Some(&b'\n') {
            out.push(b'\n');
        } else {
            out.push(b);
        }
    }
    Some(out)
}

fn looks_like_html(body: &str) -> bool {
    let head = text::lower(text::clip(body, 2048));
    HTML_TAGS.iter().any(|tag| {
        head.match_indices(tag).any(|(at, _)| {
            // A tag name ends at `>`, `/` or white space. `<bride@example.com>` or
            // `<divya@example.com>` starts the same way and is an address, not a tag.
            matches!(
                head.as_bytes().get(at + tag.len()),
                Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
            )
        })
    })
}

/// The opening of the tags that make a pasted text HTML (lowercase, without the end of the
/// tag name, which `looks_like_html` checks).
const HTML_TAGS: &[&str] = &["<html", "<body", "<div", "<br"];

/// `s` with each angle-bracketed address (`<user@example.com>`: no space, quote or bracket
/// inside, one `@`) written as character references, so that the HTML-to-text pass keeps it
/// as text. HTML proper writes such an address as `&lt;...&gt;`; a paste that mixes real tags
/// with a bounce's raw `<user@example.com>` lines would otherwise lose every address.
fn escape_bracketed_addresses(s: &str) -> std::borrow::Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    // (`str::find` of one ASCII character is a fast byte search; `i` is always just after an
    // ASCII byte, or 0, so a character boundary.)
    while let Some(lt) = s.get(i..).and_then(|rest| rest.find('<')) {
        let open = i + lt;
        let mut j = open + 1;
        let mut at_signs = 0;
        while let Some(&c) = bytes.get(j) {
            if matches!(c, b'<' | b'>' | b'"' | b'\'') || c.is_ascii_whitespace() {
                break;
            }
            at_signs += usize::from(c == b'@');
            j += 1;
        }
        // No `<` lies between `open` and `j`, so the next search starts at `j`: linear.
        if bytes.get(j) == Some(&b'>') && at_signs == 1 && j > open + 2 {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 16));
            // `open` and `j` are ASCII bytes, so both are character boundaries.
            o.push_str(s.get(copied..open).unwrap_or_default());
            o.push_str("&lt;");
            o.push_str(s.get(open + 1..j).unwrap_or_default());
            o.push_str("&gt;");
            copied = j + 1;
            i = j + 1;
        } else {
            i = j.max(open + 1);
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(s.get(copied..).unwrap_or_default());
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// Header names that only a real message header block has. A pasted block of delivery-status
/// fields ("Reporting-MTA: ...") also looks like headers but is not a message.
const MESSAGE_HEADERS: &[&str] = &[
    "from",
    "to",
    "subject",
    "date",
    "received",
    "return-path",
    "message-id",
    "mime-version",
    "content-type",
    "delivered-to",
    "sender",
    "reply-to",
    "cc",
    "x-mailer",
    "auto-submitted",
    "x-failed-recipients",
    "sent",
];

/// The length of the whitespace-only lines the input starts with (0 when it starts with text).
fn blank_prefix(input: &[u8]) -> usize {
    let mut end = 0;
    for line in input.split_inclusive(|&b| b == b'\n') {
        if !line.ends_with(b"\n") || !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
        end += line.len();
    }
    end
}

/// How many lines of a person's note may stand above a pasted message, and how long each
/// may be: a greeting and a sentence or two, not a bounce's own report.
const MAX_NOTE_LINES: usize = 4;
const MAX_NOTE_LINE: usize = 200;

/// Header names nearly every whole message carries; a header block after a note must have
/// two of them, so that a pasted report's own fields are not mistaken for one.
const USUAL_HEADERS: &[&str] = &[
    "received",
    "return-path",
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "content-type",
    "mime-version",
];

/// The offset of a header block that follows a short note above it (one to
/// `MAX_NOTE_LINES` short lines that are not header fields, then a blank line), or `None`.
/// The block must have three or more fields, two or more of them `USUAL_HEADERS`, and be
/// followed by a blank line.
fn note_prefix(input: &[u8]) -> Option<usize> {
    let mut offset = 0;
    let mut notes = 0;
    let mut blank_seen = false;
    for line in input.split_inclusive(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            // A blank line ends the note; more blank lines may follow it.
            if notes == 0 || !line.ends_with(b"\n") {
                return None;
            }
            blank_seen = true;
        } else if blank_seen {
            // A second paragraph of the note, or the header block.
            if header_name(line).is_some() {
                return strong_header_block(&input[offset..]).then_some(offset);
            }
            blank_seen = false;
            notes += 1;
        } else {
            if header_name(line).is_some() {
                return None;
            }
            notes += 1;
        }
        if notes > MAX_NOTE_LINES || line.len() > MAX_NOTE_LINE {
            return None;
        }
        offset += line.len();
    }
    None
}

/// The name of a header field line (`Name: value`, the name printable ASCII without
/// spaces), or `None` for any other line.
pub(crate) fn header_name(line: &[u8]) -> Option<&[u8]> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = &line[..colon];
    (!name.is_empty() && name.len() <= 76 && name.iter().all(u8::is_ascii_graphic)).then_some(name)
}

/// True when `input` starts with a header block of three or more fields, two or more of
/// them distinct `USUAL_HEADERS`, ended by a blank line.
fn strong_header_block(input: &[u8]) -> bool {
    let head = &input[..input.len().min(16 * 1024)];
    let mut fields = 0;
    let mut usual = [false; USUAL_HEADERS.len()];
    for line in head.split(|&b| b == b'\n') {
        if line.iter().all(u8::is_ascii_whitespace) {
            return fields >= 3 && usual.iter().filter(|&&u| u).count() >= 2;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            if fields == 0 {
                return false;
            }
            continue;
        }
        let Some(name) = header_name(line) else {
            return false;
        };
        fields += 1;
        if let Some(k) = USUAL_HEADERS
            .iter()
            .position(|h| name.eq_ignore_ascii_case(h.as_bytes()))
        {
            usual[k] = true;
        }
    }
    // No blank line within the first 16 KB: not a header block a person pasted.
    false
}

/// True when the input starts with an RFC 5322 header block.
fn looks_like_message(input: &[u8]) -> bool {
    let head = &input[..input.len().min(16 * 1024)];
    // `head.split(|&b| b == b'\n')`, each line end found by a block search: the header block
    // of most messages is a few long `Received` lines, read here for every input.
    let mut rest = Some(head);
    let mut lines = std::iter::from_fn(|| {
        let r = rest?;
        match text::find_bytes(r, b"\n") {
            Some(n) => {
                rest = r.get(n + 1..);
                r.get(..n)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
    .peekable();
    // An mbox "From " line may come first.
    if lines.peek().is_some_and(|l| l.starts_with(b"From ")) {
        lines.next();
    }
    let mut known = false;
    let mut first = true;
    for line in lines {
        if line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            if first {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || name.len() > 76 || !name.iter().all(u8::is_ascii_graphic) {
            return false;
        }
        // The name is ASCII (checked above): compared case-blind in place, without a copy.
        let starts_ci = |p: &[u8]| {
            name.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        // A delivery-status group pasted without its blank line carries Postfix's own
        // "X-Postfix-Queue-ID" among its fields: the recipient fields say it is a report, not
        // a message's header block, whatever X- names share it.
        if starts_ci(b"final-recipient") || starts_ci(b"reporting-mta") {
            return false;
        }
        // Once one known name is seen, the other lines are only checked for their form.
        if !known
            && (MESSAGE_HEADERS
                .iter()
                .any(|h| name.eq_ignore_ascii_case(h.as_bytes()))
                || starts_ci(b"x-")
                || starts_ci(b"arc-"))
        {
            known = true;
        }
        first = false;
    }
    known
}

/// What reading one input carries along: where multi-byte charsets are decoded, and the
/// notes about it.
pub(crate) struct Cx<'a> {
    pub(crate) decoders: Decoders<'a>,
    notes: Vec<(&'static str, String)>,
}

impl Cx<'_> {
    /// `bytes` in the charset of WHATWG name `name`, or `None` with the note
    /// `charset_not_decoded` (once per charset) when nobody could decode it.
    pub(crate) fn decode(&mut self, name: &str, bytes: &[u8]) -> Option<String> {
        let text = self.decoders.decode(name, bytes);
        if text.is_none()
            && !self
                .notes
                .iter()
                .any(|(id, detail)| *id == NOT_DECODED && detail == name)
        {
            self.notes.push((NOT_DECODED, name.to_string()));
        }
        text
    }

    /// `bytes` in the charset labelled `label` (as a `charset` parameter or an encoded word
    /// names it). UTF-8, and text without a byte that the charset could read differently, are
    /// read here; multi-byte charsets go to `decode` (a note when nobody could decode them);
    /// any other charset the caller's hook or encoding_rs knows is decoded by them; the rest
    /// (unknown labels) is read as UTF-8.
    pub(crate) fn charset_text(&mut self, label: &[u8], bytes: &[u8]) -> String {
        let label = text::lossy(label);
        let multi_byte = host_charset(&label);
        if crate::charsets::reads_as_ascii(&label, multi_byte, bytes) {
            return text::lossy(bytes).into_owned();
        }
        let decoded = match multi_byte {
            Some(name) => self.decode(name, bytes),
            None => self.decoders.decode_label(&label, bytes),
        };
        decoded.unwrap_or_else(|| text::lossy(bytes).into_owned())
    }
}

/// The note for text in a charset that neither the caller nor this build could decode; the
/// text was read as UTF-8, with U+FFFD for what is not.
const NOT_DECODED: &str = "charset_not_decoded";

/// Parses a whole message and lays its parts out.
fn read_message(input: &[u8], cx: &mut Cx<'_>) -> Option<Mail> {
    let msg = mime::parse(input)?;
    let root = msg.parts.first()?;
    let mut headers = Headers {
        // The values are at most as long as the header block, but for an encoded word's
        // decoded text, which may grow it.
        text: String::with_capacity(root.offset_body.saturating_sub(root.offset_header)),
        fields: Vec::with_capacity(root.headers.len()),
    };
    for h in &root.headers {
        let written = input.get(h.name.0..h.name.1).unwrap_or_default();
        let name = match COMMON_NAMES
            .iter()
            .find(|n| n.len() == written.len() && n.as_bytes().eq_ignore_ascii_case(written))
        {
            Some(n) => Cow::Borrowed(*n),
            None => Cow::Owned(h.name_lowercase(input)),
        };
        let raw = input.get(h.offset_start..h.offset_end).unwrap_or_default();
        let start = headers.text.len();
        unfold_into(&text::lossy(raw), &mut headers.text);
        // Encoded words ("=?ISO-2022-JP?B?...?=") are decoded in the fields read as text; the
        // others keep their raw text, as before.
        if text::contains(&headers.text[start..], "=?") || name == "subject" {
            let text = match h.kind {
                Kind::Text | Kind::ContentTransferEncoding => {
                    mime::unstructured(raw, &mut |charset, bytes| cx.charset_text(charset, &bytes))
                }
                Kind::ContentType | Kind::ContentDisposition => None,
                Kind::Mime | Kind::Other => raw_text(raw).map(Cow::into_owned),
            };
            if let Some(t) = text {
                headers.text.truncate(start);
                headers.text.push_str(&t);
            }
        }
        headers.fields.push((name, start, headers.text.len()));
    }
    let mut body = String::new();
    let mut notes = Vec::new();
    flatten(&msg, 0, false, 0, &mut body, &mut notes, cx);
    if cut_before_original(input, root, &body) {
        notes.push(("input_truncated", "mime".to_string()));
    }
    let returned_subjects = returned_subjects(&body, cx);
    Some(Mail {
        headers,
        body,
        notes,
        returned_subjects,
        ..Mail::default()
    })
}

/// The kinds a laid-out returned message or its header block is marked with (`push_marked`:
/// "Content-Type: KIND" on a line of its own).
const RETURNED_KINDS: &[&str] = &[
    "message/rfc822\n",
    "text/rfc822-headers\n",
    "message/global\n",
];

/// At most this many returned messages' subjects are decoded (a bounce returns one; a digest
/// of bounces a few).
const MAX_RETURNED_SUBJECTS: usize = 4;

/// The `Subject:` of each returned message laid out in `body` that carries encoded words
/// ("=?ISO-2022-JP?B?...?="), as written and as read in its charset, in the body's order. One
/// pass over the body's markers; each header block is read up to its end.
fn returned_subjects(body: &str, cx: &mut Cx<'_>) -> Vec<(String, String)> {
    const MARK: &str = "Content-Type: ";
    let mut out = Vec::new();
    let mut from = 0;
    while out.len() < MAX_RETURNED_SUBJECTS {
        let Some(at) = body.get(from..).and_then(|rest| text::find(rest, MARK)) else {
            break;
        };
        from += at + MARK.len();
        let rest = body.get(from..).unwrap_or_default();
        let Some(kind) = RETURNED_KINDS.iter().find(|k| rest.starts_with(**k)) else {
            continue;
        };
        from += kind.len();
        let written = crate::mta::first_header(body.get(from..).unwrap_or_default(), "subject");
        if !text::contains(&written, "=?") || out.iter().any(|(w, _)| *w == written) {
            continue;
        }
        // As a field's value is written: after the colon's space, up to its line's end.
        let value = format!(" {written}\n");
        let read = mime::unstructured(value.as_bytes(), &mut |cs, b| cx.charset_text(cs, &b));
        if let Some(read) = read {
            out.push((written, read));
        }
    }
    out
}

/// Lowercase header names that most bounces carry, shared by every `Mail` instead of each
/// field allocating its own copy of its name (a dozen or more per message), the most common
/// first. Any name works without being listed; the list only saves the copy.
const COMMON_NAMES: &[&str] = &[
    "received",
    "subject",
    "from",
    "to",
    "date",
    "message-id",
    "return-path",
    "content-type",
    "mime-version",
    "auto-submitted",
    "delivered-to",
    "authentication-results",
    "content-transfer-encoding",
    "x-original-to",
    "x-failed-recipients",
    "x-received",
    "dkim-signature",
    "received-spf",
    "envelope-to",
    "delivery-date",
    "references",
    "in-reply-to",
    "x-mailer",
    "reply-to",
    "sender",
    "cc",
];

/// The header block of a returned message and the start of its body: the headers name the
/// original sender; the body matters only when it is itself a bounce (a forwarded one).
/// Attachments further down add nothing but time.
pub(crate) fn original_head(raw: &[u8]) -> &[u8] {
    const KEEP_BODY: usize = 16 * 1024;
    let end_of_headers = text::find_bytes(raw, b"\n\n")
        .or_else(|| text::find_bytes(raw, b"\r\n\r\n"))
        .unwrap_or(raw.len());
    &raw[..raw.len().min(end_of_headers.saturating_add(KEEP_BODY))]
}

/// The value of a field as it is written: the bytes from the first to the last that is not a
/// space, tab, CR or line break (folding kept); `None` when there is none.
pub(crate) fn raw_text(value: &[u8]) -> Option<Cow<'_, str>> {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let start = value.iter().position(|b| !blank(b))?;
    let end = value.iter().rposition(|b| !blank(b))? + 1;
    Some(text::lossy(&value[start..end]))
}

/// A multipart report whose closing boundary never comes and which ends before the returned
/// message starts: the delivery report itself may be incomplete. Many real bounces lack the
/// closing boundary after the returned message, which loses nothing that matters here.
fn cut_before_original(input: &[u8], root: &mime::Part<'_>, body: &str) -> bool {
    let Some(boundary) = root.content_type().and_then(|ct| ct.attribute("boundary")) else {
        return false;
    };
    if boundary.is_empty() {
        return false;
    }
    if body.contains("Content-Type: message/rfc822")
        || text::contains(body, "Content-Type: text/rfc822-headers")
    {
        return false;
    }
    let closing = format!("--{boundary}--");
    text::find_bytes(input, closing.as_bytes()).is_none()
}

/// `unfold_into` a string of its own (the tests, and the mail-parser oracle).
#[cfg(test)]
pub(crate) fn unfold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    unfold_into(raw, &mut out);
    out
}

/// A field's value on one line, written at the end of `out`: each line break with the white
/// space after it as one space, CRs at line ends and white space at both ends dropped.
fn unfold_into(raw: &str, out: &mut String) {
    // White space at either end goes either way, so it goes first: the joined text then
    // needs no trimmed copy, and a field on one line (most) is copied once as it stands.
    let raw = raw.trim();
    if !raw.contains('\n') {
        out.push_str(raw);
        return;
    }
    let start = out.len();
    for (i, l) in raw.split('\n').enumerate() {
        let l = l.trim_end_matches('\r');
        if i > 0 {
            out.push(' ');
            out.push_str(l.trim_start());
        } else {
            out.push_str(l);
        }
    }
    let joined = out.get(start..).unwrap_or_default();
    if joined.trim().len() != joined.len() {
        let trimmed = joined.trim().to_string();
        out.truncate(start);
        out.push_str(&trimmed);
    }
}

/// Appends the readable content of part `id` of `msg` (and its children) to `out`.
fn flatten(
    msg: &mime::Message<'_>,
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
    // The input of every part is the message's: offsets index it.
    let raw = msg.raw;
    if let Some(start) = glued_message_start(raw, part).filter(|_| id != 0) {
        // The returned message's fields were read as this part's own, and its body as this
        // part's body (or children): lay it out as the returned message it is, so that its
        // text stays out of the report.
        let returned = raw.get(start..part.offset_end).unwrap_or_default();
        push_marked(out, "message/rfc822", &text::lossy(original_head(returned)));
        return;
    }
    let ct = part.content_type();
    let ctype = ct.map_or(String::new(), |ct| ct.ctype.to_ascii_lowercase());
    let subtype = ct
        .and_then(|ct| ct.subtype.as_deref())
        .map_or(String::new(), str::to_ascii_lowercase);
    let (ctype, subtype) = (ctype.as_str(), subtype.as_str());
    match &part.body {
        Body::Multipart(children) => {
            let alt = subtype == "alternative";
            for &child in children {
                // A malformed tree must not loop back to itself.
                if child != id {
                    flatten(msg, child, alt, depth + 1, out, notes, cx);
                }
            }
        }
        Body::Text { bytes, html: true } => {
            if !in_alternative {
                push_text(out, &html_text(&part_text(part, bytes, cx)));
            }
        }
        Body::Text { bytes, html: false } => {
            push_text_part(out, ctype, subtype, &part_text(part, bytes, cx));
        }
        Body::RawText(bytes) => push_text_part(out, ctype, subtype, &text::lossy(bytes)),
        Body::Binary(b) => {
            if ctype == "message" {
                let kind = match subtype {
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
        Body::Message(m) => {
            push_marked(out, "message/rfc822", &text::lossy(original_head(m)));
        }
    }
}

/// Lays out a part read as text: a returned message's (or its headers') text under its marker.
fn push_text_part(out: &mut String, ctype: &str, subtype: &str, t: &str) {
    if subtype.contains("rfc822") || ctype == "message" {
        push_marked(out, &format!("{ctype}/{subtype}"), t);
    } else {
        push_text(out, t);
    }
}

/// The text of a text part, in its declared charset.
///
/// A part labelled ISO-2022-JP whose bytes are not seven-bit is mislabelled: that charset
/// never uses the eighth bit. A bounce saved or forwarded by a program that had already
/// decoded it keeps the old label over UTF-8 text; read as ISO-2022-JP, every Japanese
/// character would be lost. Valid UTF-8 there is read as UTF-8.
fn part_text(part: &mime::Part<'_>, bytes: &[u8], cx: &mut Cx<'_>) -> String {
    let Some(label) = part.content_type().and_then(|ct| ct.attribute("charset")) else {
        return text::lossy(bytes).into_owned();
    };
    if host_charset(label) == Some("iso-2022-jp") && !bytes.is_ascii() {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return s.to_string();
        }
    }
    cx.charset_text(label.as_bytes(), bytes)
}

/// Where the returned message starts in a part that introduces one (`message/rfc822`,
/// `text/rfc822-headers`) without the blank line that should end the part's own header
/// block: its first field that is not a `Content-*` field (or `MIME-Version`, which
/// Python's email package writes into part headers) after that `Content-Type` (CommuniGate
/// Pro writes `Content-Type: message/rfc822` directly above the `Received:` fields). `None`
/// for a part whose header block is its own.
fn glued_message_start(raw: &[u8], part: &mime::Part<'_>) -> Option<usize> {
    let returned = part.headers.iter().position(|h| {
        let Some(ct) = &h.content_type else {
            return false;
        };
        let sub = ct.subtype.as_deref().unwrap_or_default();
        (ct.ctype.eq_ignore_ascii_case("message")
            && (sub.eq_ignore_ascii_case("rfc822") || sub.eq_ignore_ascii_case("global")))
            || (ct.ctype.eq_ignore_ascii_case("text") && sub.eq_ignore_ascii_case("rfc822-headers"))
    })?;
    part.headers.get(returned + 1..)?.iter().find_map(|h| {
        let name = raw.get(h.name.0..h.name.1).unwrap_or_default();
        let own = matches!(
            h.kind,
            Kind::ContentType
                | Kind::ContentDisposition
                | Kind::ContentTransferEncoding
                | Kind::Mime
        ) || name
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"content-"));
        (!own).then_some(h.offset_field)
    })
}

/// The text of a multipart body read as plain text, without its boundary lines and part
/// headers.
pub(crate) fn without_mime_lines(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut in_headers = false;
    for line in t.lines() {
        let l = line.trim_end();
        if l.len() > 2 && l.starts_with("--") && !l.contains(' ') {
            in_headers = true;
            continue;
        }
        if in_headers {
            if l.is_empty() {
                in_headers = false;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The visible text of HTML: style sheets and scripts are not text (mail-parser's conversion
/// keeps their content), the rest is mail-parser's work.
pub(crate) fn html_text(html: &str) -> String {
    // Case-blind searches in place: no lowercase copy of what may be a large page.
    let find_from =
        |from: usize, pat: &str| text::find_ci(html.get(from..)?, pat).map(|p| p + from);
    let mut kept = String::with_capacity(html.len());
    let mut at = 0;
    // The next opening tag of each kind, found again only once passed: linear overall.
    let mut next_style = find_from(0, "<style");
    let mut next_script = find_from(0, "<script");
    loop {
        if next_style.is_some_and(|p| p < at) {
            next_style = find_from(at, "<style");
        }
        if next_script.is_some_and(|p| p < at) {
            next_script = find_from(at, "<script");
        }
        let (p, close) = match (next_style, next_script) {
            (Some(a), Some(b)) if b < a => (b, "</script>"),
            (Some(a), _) => (a, "</style>"),
            (None, Some(b)) => (b, "</script>"),
            (None, None) => break,
        };
        kept.push_str(html.get(at..p).unwrap_or_default());
        match find_from(p, close) {
            Some(q) => at = q + close.len(),
            None => {
                at = html.len();
                break;
            }
        }
    }
    kept.push_str(html.get(at..).unwrap_or_default());
    html_to_text(&escape_bracketed_addresses(&kept))
}

/// The text of HTML: tags, comments and the content of `head`, `style`, `script` and
/// `template` dropped, runs of white space as one space, `br` and `</p>` as line breaks,
/// character references decoded.
///
/// The same reading as mail-parser's `decoders::html::html_to_text` (Apache-2.0 OR MIT,
/// Stalwart Labs), whose walk this follows step for step, except that named references come
/// from the short table below: mail-parser's table of all 2,125 HTML5 names was about 16 KiB
/// of the web page's gzip size. `html_reads_as_mail_parser_does` checks the two agree.
fn html_to_text(input: &str) -> String {
    let mut result = String::with_capacity(input.len());
    let input = input.as_bytes();
    // The slice from `start` to `end` inclusive, as text; the walk only cuts at ASCII bytes,
    // so it is always whole UTF-8.
    let token = |start: usize, end: usize| input.get(start..=end).unwrap_or_default();

    let mut in_tag = false;
    let mut in_head = false;
    let mut in_style = false;
    let mut in_script = false;
    let mut in_template = false;
    let mut in_comment = false;

    let mut is_token_start = true;
    let mut is_after_space = false;
    let mut is_tag_close = false;
    let mut is_new_line = true;

    let mut token_start = 0;
    let mut token_end = 0;
    let mut tag_token_pos = 0;
    let mut comment_pos = 0;

    let mut next = 0;
    while let Some(&ch) = input.get(next) {
        let pos = next;
        next += 1;
        if in_comment {
            match ch {
                b'-' => comment_pos += 1,
                b'>' if comment_pos == 2 => {
                    comment_pos = 0;
                    in_comment = false;
                    in_tag = false;
                    is_token_start = true;
                }
                _ => comment_pos = 0,
            }
            continue;
        }
        let hidden = in_head || in_style || in_script || in_template;
        match ch {
            b'<' => {
                if !in_tag && !hidden && !is_token_start {
                    push_html_token(&mut result, token(token_start, token_end), is_after_space);
                    is_after_space = false;
                }
                tag_token_pos = 0;
                in_tag = true;
                is_token_start = true;
                is_tag_close = false;
                continue;
            }
            b'>' if in_tag => {
                if tag_token_pos == 1 {
                    let tag = token(token_start, token_end);
                    let is = |name: &[u8]| tag.eq_ignore_ascii_case(name);
                    if is(b"br") || (is(b"p") && is_tag_close) {
                        result.push('\n');
                        is_after_space = false;
                        is_new_line = true;
                    } else if is(b"head") {
                        in_head = !is_tag_close;
                    } else if is(b"style") {
                        in_style = !is_tag_close;
                    } else if is(b"script") {
                        in_script = !is_tag_close;
                    } else if is(b"template") {
                        in_template = !is_tag_close;
                    }
                }
                in_tag = false;
                is_token_start = true;
                continue;
            }
            b'/' if in_tag => {
                if tag_token_pos == 0 {
                    is_tag_close = true;
                }
                continue;
            }
            b'!' if in_tag && tag_token_pos == 0 && input.get(pos + 1..pos + 3) == Some(b"--") => {
                in_comment = true;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {
                if !in_tag && !hidden {
                    if !is_token_start {
                        push_html_token(
                            &mut result,
                            token(token_start, token_end),
                            is_after_space && !is_new_line,
                        );
                        is_new_line = false;
                    }
                    is_after_space = true;
                }
                is_token_start = true;
                continue;
            }
            b'&' if !in_tag && !is_token_start && !in_head => {
                if hidden {
                    continue;
                }
                push_html_token(
                    &mut result,
                    token(token_start, token_end),
                    is_after_space && !is_new_line,
                );
                is_new_line = false;
                is_token_start = true;
                is_after_space = false;
            }
            b';' if !in_tag && !is_token_start && !in_head => {
                if hidden {
                    continue;
                }
                push_html_token(
                    &mut result,
                    token(token_start, pos),
                    is_after_space && !is_new_line,
                );
                is_token_start = true;
                is_after_space = false;
                is_new_line = false;
                continue;
            }
            _ => (),
        }
        if is_token_start {
            token_start = pos;
            is_token_start = false;
            if in_tag {
                tag_token_pos += 1;
            }
        }
        token_end = pos;
        // The rest of the word changes nothing but where it ends (a byte that no arm above
        // reads): passed over at once instead of byte by byte through the match.
        while input.get(token_end + 1).is_some_and(|&c| !html_special(c)) {
            token_end += 1;
        }
        next = token_end + 1;
    }
    if !in_tag && !is_token_start && !in_head && !in_style && !in_script && !in_template {
        push_html_token(
            &mut result,
            token(token_start, token_end),
            is_after_space && !is_new_line,
        );
    }
    result
}

/// The bytes `html_to_text` reads outside a comment: every other byte only extends the word.
fn html_special(c: u8) -> bool {
    matches!(
        c,
        b'<' | b'>' | b'/' | b'!' | b' ' | b'\t' | b'\r' | b'\n' | b'&' | b';'
    )
}

/// Appends one word of HTML text, a character reference (`&amp;`, `&#233;`, `&#xE9;`)
/// decoded; an unknown reference stays as written.
fn push_html_token(result: &mut String, token: &[u8], add_space: bool) {
    if add_space {
        result.push(' ');
    }
    if let [b'&', name @ .., b';'] = token {
        let code = match name {
            [b'#', b'x' | b'X', hex @ ..] => std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u32::from_str_radix(h, 16).ok()),
            [b'#', dec @ ..] => std::str::from_utf8(dec)
                .ok()
                .and_then(|d| d.parse::<u32>().ok()),
            _ => HTML_ENTITIES
                .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
                .ok()
                .map(|i| u32::from(HTML_ENTITIES[i].1)),
        };
        if let Some(code) = code {
            result.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            return;
        }
    }
    result.push_str(&String::from_utf8_lossy(token));
}

/// Named character references: HTML 4.01's 252 (the ones mail programs write), `apos`, and
/// the upper-case spellings of the XML five that HTML5 also accepts; sorted by name (bytes).
/// Values as in the HTML5 list, <https://html.spec.whatwg.org/multipage/named-characters.html>
/// (which moved `lang` and `rang` to U+27E8 and U+27E9).
#[rustfmt::skip]
const HTML_ENTITIES: &[(&str, char)] = &[
    ("AElig", 'Æ'), ("AMP", '&'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Agrave", 'À'),
    ("Alpha", 'Α'), ("Aring", 'Å'), ("Atilde", 'Ã'), ("Auml", 'Ä'), ("Beta", 'Β'),
    ("Ccedil", 'Ç'), ("Chi", 'Χ'), ("Dagger", '‡'), ("Delta", 'Δ'), ("ETH", 'Ð'),
    ("Eacute", 'É'), ("Ecirc", 'Ê'), ("Egrave", 'È'), ("Epsilon", 'Ε'), ("Eta", 'Η'),
    ("Euml", 'Ë'), ("GT", '>'), ("Gamma", 'Γ'), ("Iacute", 'Í'), ("Icirc", 'Î'),
    ("Igrave", 'Ì'), ("Iota", 'Ι'), ("Iuml", 'Ï'), ("Kappa", 'Κ'), ("LT", '<'),
    ("Lambda", 'Λ'), ("Mu", 'Μ'), ("Ntilde", 'Ñ'), ("Nu", 'Ν'), ("OElig", 'Œ'),
    ("Oacute", 'Ó'), ("Ocirc", 'Ô'), ("Ograve", 'Ò'), ("Omega", 'Ω'), ("Omicron", 'Ο'),
    ("Oslash", 'Ø'), ("Otilde", 'Õ'), ("Ouml", 'Ö'), ("Phi", 'Φ'), ("Pi", 'Π'), ("Prime", '″'),
    ("Psi", 'Ψ'), ("QUOT", '\u{22}'), ("Rho", 'Ρ'), ("Scaron", 'Š'), ("Sigma", 'Σ'),
    ("THORN", 'Þ'), ("Tau", 'Τ'), ("Theta", 'Θ'), ("Uacute", 'Ú'), ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'), ("Upsilon", 'Υ'), ("Uuml", 'Ü'), ("Xi", 'Ξ'), ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'), ("Zeta", 'Ζ'), ("aacute", 'á'), ("acirc", 'â'), ("acute", '´'),
    ("aelig", 'æ'), ("agrave", 'à'), ("alefsym", 'ℵ'), ("alpha", 'α'), ("amp", '&'),
    ("and", '∧'), ("ang", '∠'), ("apos", '\u{27}'), ("aring", 'å'), ("asymp", '≈'),
    ("atilde", 'ã'), ("auml", 'ä'), ("bdquo", '„'), ("beta", 'β'), ("brvbar", '¦'),
    ("bull", '•'), ("cap", '∩'), ("ccedil", 'ç'), ("cedil", '¸'), ("cent", '¢'), ("chi", 'χ'),
    ("circ", 'ˆ'), ("clubs", '♣'), ("cong", '≅'), ("copy", '©'), ("crarr", '↵'), ("cup", '∪'),
    ("curren", '¤'), ("dArr", '⇓'), ("dagger", '†'), ("darr", '↓'), ("deg", '°'),
    ("delta", 'δ'), ("diams", '♦'), ("divide", '÷'), ("eacute", 'é'), ("ecirc", 'ê'),
    ("egrave", 'è'), ("empty", '∅'), ("emsp", '\u{2003}'), ("ensp", '\u{2002}'),
    ("epsilon", 'ε'), ("equiv", '≡'), ("eta", 'η'), ("eth", 'ð'), ("euml", 'ë'), ("euro", '€'),
    ("exist", '∃'), ("fnof", 'ƒ'), ("forall", '∀'), ("frac12", '½'), ("frac14", '¼'),
    ("frac34", '¾'), ("frasl", '⁄'), ("gamma", 'γ'), ("ge", '≥'), ("gt", '>'), ("hArr", '⇔'),
    ("harr", '↔'), ("hearts", '♥'), ("hellip", '…'), ("iacute", 'í'), ("icirc", 'î'),
    ("iexcl", '¡'), ("igrave", 'ì'), ("image", 'ℑ'), ("infin", '∞'), ("int", '∫'),
    ("iota", 'ι'), ("iquest", '¿'), ("isin", '∈'), ("iuml", 'ï'), ("kappa", 'κ'),
    ("lArr", '⇐'), ("lambda", 'λ'), ("lang", '⟨'), ("laquo", '«'), ("larr", '←'),
    ("lceil", '⌈'), ("ldquo", '“'), ("le", '≤'), ("lfloor", '⌊'), ("lowast", '∗'),
    ("loz", '◊'), ("lrm", '\u{200e}'), ("lsaquo", '‹'), ("lsquo", '‘'), ("lt", '<'),
    ("macr", '¯'), ("mdash", '—'), ("micro", 'µ'), ("middot", '·'), ("minus", '−'),
    ("mu", 'μ'), ("nabla", '∇'), ("nbsp", '\u{a0}'), ("ndash", '–'), ("ne", '≠'), ("ni", '∋'),
    ("not", '¬'), ("notin", '∉'), ("nsub", '⊄'), ("ntilde", 'ñ'), ("nu", 'ν'), ("oacute", 'ó'),
    ("ocirc", 'ô'), ("oelig", 'œ'), ("ograve", 'ò'), ("oline", '‾'), ("omega", 'ω'),
    ("omicron", 'ο'), ("oplus", '⊕'), ("or", '∨'), ("ordf", 'ª'), ("ordm", 'º'),
    ("oslash", 'ø'), ("otilde", 'õ'), ("otimes", '⊗'), ("ouml", 'ö'), ("para", '¶'),
    ("part", '∂'), ("permil", '‰'), ("perp", '⊥'), ("phi", 'φ'), ("pi", 'π'), ("piv", 'ϖ'),
    ("plusmn", '±'), ("pound", '£'), ("prime", '′'), ("prod", '∏'), ("prop", '∝'),
    ("psi", 'ψ'), ("quot", '\u{22}'), ("rArr", '⇒'), ("radic", '√'), ("rang", '⟩'),
    ("raquo", '»'), ("rarr", '→'), ("rceil", '⌉'), ("rdquo", '”'), ("real", 'ℜ'), ("reg", '®'),
    ("rfloor", '⌋'), ("rho", 'ρ'), ("rlm", '\u{200f}'), ("rsaquo", '›'), ("rsquo", '’'),
    ("sbquo", '‚'), ("scaron", 'š'), ("sdot", '⋅'), ("sect", '§'), ("shy", '\u{ad}'),
    ("sigma", 'σ'), ("sigmaf", 'ς'), ("sim", '∼'), ("spades", '♠'), ("sub", '⊂'),
    ("sube", '⊆'), ("sum", '∑'), ("sup", '⊃'), ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'),
    ("supe", '⊇'), ("szlig", 'ß'), ("tau", 'τ'), ("there4", '∴'), ("theta", 'θ'),
    ("thetasym", 'ϑ'), ("thinsp", '\u{2009}'), ("thorn", 'þ'), ("tilde", '˜'), ("times", '×'),
    ("trade", '™'), ("uArr", '⇑'), ("uacute", 'ú'), ("uarr", '↑'), ("ucirc", 'û'),
    ("ugrave", 'ù'), ("uml", '¨'), ("upsih", 'ϒ'), ("upsilon", 'υ'), ("uuml", 'ü'),
    ("weierp", '℘'), ("xi", 'ξ'), ("yacute", 'ý'), ("yen", '¥'), ("yuml", 'ÿ'), ("zeta", 'ζ'),
    ("zwj", '\u{200d}'), ("zwnj", '\u{200c}'),
];

pub(crate) fn push_text(out: &mut String, t: &str) {
    out.push_str(t);
    if !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

pub(crate) fn push_marked(out: &mut String, kind: &str, t: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("Content-Type: ");
    out.push_str(kind);
    out.push('\n');
    push_text(out, t);
}

/// LF newlines, tabs as spaces, no NUL.
fn tidy_text(s: String) -> String {
    let b = s.as_bytes();
    let Some(mut at) = next_untidy(b, 0) else {
        return s;
    };
    // Only ASCII bytes change, and every cut is next to one, so the stretches between them
    // are whole text, copied as it is (no second check that it is UTF-8).
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    loop {
        out.push_str(s.get(i..at).unwrap_or_default());
        i = at + 1;
        match b[at] {
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push('\n');
            }
            b'\t' => out.push(' '),
            _ => {}
        }
        match next_untidy(b, i) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(s.get(i..).unwrap_or_default());
    out
}

/// The first CR, TAB or NUL in `b` at or after `from`. Blocks of sixteen bytes without one
/// are passed over with one test each, written as plain comparisons so that the compiler
/// turns it into vector instructions.
fn next_untidy(b: &[u8], from: usize) -> Option<usize> {
    let untidy = |c: u8| u8::from(c == b'\r') | u8::from(c == b'\t') | u8::from(c == 0);
    let rest = b.get(from..)?;
    let mut blocks = rest.chunks_exact(16);
    let mut base = from;
    for block in blocks.by_ref() {
        if block.iter().fold(0, |any, &c| any | untidy(c)) != 0 {
            return block.iter().position(|&c| untidy(c) != 0).map(|p| base + p);
        }
        base += 16;
    }
    blocks
        .remainder()
        .iter()
        .position(|&c| untidy(c) != 0)
        .map(|p| base + p)
}

/// Text of raw bytes whose charset nobody declared: UTF-8 when valid, else the Japanese
/// encodings a copy out of a Japanese mail program may be in, else Windows-1252.
pub(crate) fn bytes_to_text(b: &[u8], cx: &mut Cx<'_>) -> String {
    undeclared_text(b, |cs, bytes| cx.decode(cs, bytes)).1
}

/// The rule of `bytes_to_text`, with the charset it chose; `decode` decodes in a named
/// charset. `read_undeclared` (the web page's view of a dropped file) calls it too, so the page
/// shows the text the core reads.
pub(crate) fn undeclared_text(
    b: &[u8],
    mut decode: impl FnMut(&str, &[u8]) -> Option<String>,
) -> (&'static str, String) {
    let iso_2022_jp =
        text::find_bytes(b, b"\x1b$B").is_some() || text::find_bytes(b, b"\x1b$@").is_some();
    if !iso_2022_jp {
        if let Ok(s) = std::str::from_utf8(b) {
            return ("utf-8", s.to_string());
        }
    } else if let Some(s) = decode("iso-2022-jp", b) {
        return ("iso-2022-jp", s);
    }
    let bad = |s: &str| s.chars().filter(|&c| c == '\u{fffd}').count();
    let mut best: Option<(&'static str, String)> = None;
    for cs in ["shift_jis", "euc-jp"] {
        if let Some(s) = decode(cs, b) {
            if best.as_ref().is_none_or(|(_, t)| bad(&s) < bad(t)) {
                best = Some((cs, s));
            }
        }
    }
    match best {
        Some((cs, s)) if bad(&s) * 50 < s.chars().count() => (cs, s),
        _ => ("windows-1252", windows_1252(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `unfold` as it was before it trimmed first.
    fn unfold_then_trim(raw: &str) -> String {
        let mut out = String::with_capacity(raw.len());
        for (i, l) in raw.split('\n').enumerate() {
            let l = l.trim_end_matches('\r');
            if i > 0 {
                out.push(' ');
                out.push_str(l.trim_start());
            } else {
                out.push_str(l);
            }
        }
        out.trim().to_string()
    }

    #[test]
    fn unfold_as_before() {
        let pieces = [
            "a", " ", "\t", "\n", "\r", "\r\n", "\u{3000}", "\u{85}", "b c", "=?x?=",
        ];
        let n = pieces.len();
        for code in 0..n.pow(5) {
            let mut raw = String::new();
            let mut c = code;
            for _ in 0..5 {
                raw.push_str(pieces[c % n]);
                c /= n;
            }
            assert_eq!(unfold(&raw), unfold_then_trim(&raw), "{raw:?}");
        }
    }

    #[test]
    fn header_values_share_one_text() {
        // Values unfolded, encoded words decoded, repeated fields in order, and each value
        // ending where the next begins in the shared text.
        let raw = b"Received: from a.example.org\r\n  by b.example.org\r\nX-Empty:\r\n\
Subject: =?UTF-8?B?44GC?= and\r\n =?UTF-8?Q?=E3=81=84?=\r\nReceived: from c.example.org\r\n\
X-Other: =?broken\r\nFROM: MAILER-DAEMON@example.jp\r\n\r\nbody\r\n";
        let m = decode(raw, Decoders::default());
        let fields: Vec<(&str, &str)> = m.headers.iter().collect();
        assert_eq!(
            fields,
            [
                ("received", "from a.example.org by b.example.org"),
                ("x-empty", ""),
                ("subject", "あ and い"),
                ("received", "from c.example.org"),
                ("x-other", "=?broken"),
                ("from", "MAILER-DAEMON@example.jp"),
            ]
        );
        assert_eq!(m.header("received"), "from a.example.org by b.example.org");
        assert_eq!(
            m.headers_named("received").collect::<Vec<_>>(),
            ["from a.example.org by b.example.org", "from c.example.org"]
        );
        assert_eq!(m.from(), "MAILER-DAEMON@example.jp");
        assert!(m.has_header("x-empty"));
        assert!(!m.has_header("to"));
        assert_eq!(m.header("to"), "");
    }

    #[test]
    fn reads_a_multipart_report() {
        let raw = b"From: MAILER-DAEMON@example.jp\r\nTo: a@example.jp\r\nSubject: Undelivered Mail\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nI'm sorry.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n\
Final-Recipient: rfc822; x@example.org\r\nStatus: 5.1.1\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n\
From: a@example.jp\r\nSubject: hi\r\n\r\nbody\r\n--b--\r\n";
        let m = decode(raw, Decoders::default());
        assert_eq!(m.subject(), "Undelivered Mail");
        assert!(m.body.contains("I'm sorry."));
        assert!(m.body.contains(
            "Content-Type: message/delivery-status\nFinal-Recipient: rfc822; x@example.org"
        ));
        assert!(m
            .body
            .contains("Content-Type: message/rfc822\nFrom: a@example.jp"));
        assert!(!m.body.contains('\r'));
    }

    /// The short entity table is the only difference from mail-parser's reading of HTML.
    #[test]
    fn html_reads_as_mail_parser_does() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<P >",
            "<br>",
            "<BR/>",
            "<br />",
            "<head>",
            "</head>",
            "<style>",
            "</STYLE>",
            "<script>",
            "</script>",
            "<template>",
            "</template>",
            "<!--",
            "-->",
            "<!doctype html>",
            "<a href=\"x\">",
            "</a>",
            "<td>",
            "&amp;",
            "&nbsp;",
            "&eacute;",
            "&Eacute;",
            "&lang;",
            "&apos;",
            "&QUOT;",
            "&#233;",
            "&#xE9;",
            "&#X1F600;",
            "&#xZZ;",
            "&#1114112;",
            "&nosuchname;",
            "&amp",
            "&",
            ";",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "550",
            "5.1.1",
            "unknown",
            "日本語",
            ">",
            "<",
            "/",
            "!",
            "-",
            "--",
            "x",
            "=",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..5000 {
            let len = next(40);
            let html: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(
                html_to_text(&html),
                mail_parser::decoders::html::html_to_text(&html),
                "{html:?}"
            );
        }
        // Every name in the table reads as in mail-parser's full table.
        for (name, _) in HTML_ENTITIES {
            let html = format!("a &{name}; b");
            assert_eq!(
                html_to_text(&html),
                mail_parser::decoders::html::html_to_text(&html),
                "{name}"
            );
        }
        for pair in HTML_ENTITIES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn lines_ending_in_a_lone_cr_are_read() {
        let lf = b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail Returned to Sender\n\n550 5.1.1 <a@example.org>: User unknown\n";
        let cr: Vec<u8> = lf
            .iter()
            .map(|&b| if b == b'\n' { b'\r' } else { b })
            .collect();
        let (a, b) = (
            decode(lf, Decoders::default()),
            decode(&cr, Decoders::default()),
        );
        assert_eq!(a.headers, b.headers);
        assert_eq!(a.body, b.body);
        assert!(cr_to_lf(b"a\r\nb\r\n").is_none());
    }

    #[test]
    fn addresses_that_start_like_tags_are_not_html() {
        for name in [
            "bride",
            "brenda.brown",
            "brian",
            "divya",
            "html",
            "body",
            "br",
            "div",
        ] {
            let paste = format!(
                "<{name}@example.com>: host mx.example.com[198.51.100.7] said: 550 5.1.1 User unknown\n"
            );
            assert!(!looks_like_html(&paste), "{name}");
            let m = decode(paste.as_bytes(), Decoders::default());
            assert!(
                m.body.contains(&format!("<{name}@example.com>")),
                "{name}: {}",
                m.body
            );
        }
        for tag in [
            "<br>",
            "<BR/>",
            "<br />",
            "<div>",
            "<div class=\"x\">",
            "<html>",
            "<body\n>",
        ] {
            assert!(looks_like_html(&format!("550 user unknown{tag}x")), "{tag}");
        }
    }

    #[test]
    fn html_keeps_angle_bracketed_addresses() {
        let t = html_text("<div>Delivery failed:<br><bride@example.com> 550 5.1.1<br/></div>");
        assert!(t.contains("<bride@example.com> 550 5.1.1"), "{t}");
        // A real tag with an address in an attribute is still a tag.
        let t = html_text("<a href=\"mailto:x@example.com\">write</a> <b@example.org");
        assert!(t.contains("write") && !t.contains("mailto"), "{t}");
        assert_eq!(
            escape_bracketed_addresses("a <b> c <d@e> <f@g@h> <i@j"),
            "a <b> c &lt;d@e&gt; <f@g@h> <i@j"
        );
    }

    #[test]
    fn html_loses_style_sheets_and_scripts() {
        let t = html_text(
            "<html><STYLE>td { color: #555 }</STYLE><p>550 5.1.1 unknown</p><script>x()</Script>ok",
        );
        assert!(t.contains("550 5.1.1 unknown") && t.contains("ok"), "{t}");
        assert!(!t.contains("#555") && !t.contains("x()"), "{t}");
        // An unclosed style sheet hides only what follows it.
        let t = html_text("<p>before</p><style>p { margin: 0 }");
        assert!(t.contains("before") && !t.contains("margin"), "{t}");
    }

    #[test]
    fn a_multipart_without_a_readable_boundary_is_read_as_text() {
        let m = decode(
            b"From: a@example.jp\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"o\"\n\n--o\nContent-Type: multipart/alternative;\nboundary=\"i\"\n\n--i\nContent-Type: text/plain\n\n550 5.1.1 no such user\n\n--i--\n\n--o--\n",
            Decoders::default(),
        );
        assert!(m.body.contains("550 5.1.1 no such user"), "{}", m.body);
        assert!(!m.body.contains("--i"), "{}", m.body);
    }

    #[test]
    fn a_paste_without_headers_is_text() {
        let m = decode(
            b"Reporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: rfc822; x@example.org\n",
            Decoders::default(),
        );
        assert!(m.headers.is_empty());
        assert!(m.body.starts_with("Reporting-MTA"));
    }

    #[test]
    fn a_returned_message_glued_to_its_content_type_stays_out_of_the_report() {
        let m = decode(
            b"From: postmaster@example.net\nSubject: Undeliverable\nMIME-Version: 1.0\n\
              Content-Type: multipart/report; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n\
              Failed\n--b\nContent-Type: message/rfc822\nReceived: from x by y\n\
              From: a@example.jp\nContent-Type: multipart/alternative; boundary=\"c\"\n\n\
              --c\nContent-Type: text/plain\n\nOriginal text\n--c--\n--b--\n",
            Decoders::default(),
        );
        let returned = m
            .body
            .find("Content-Type: message/rfc822\nReceived: from x by y");
        let original = m.body.find("Original text");
        assert!(returned.is_some(), "{}", m.body);
        // The original text is only inside the returned message, after its marker.
        assert!(original > returned, "{}", m.body);
        assert!(m.body.starts_with("Failed"), "{}", m.body);
    }

    #[test]
    fn a_note_above_a_pasted_message_is_passed_over() {
        let m = decode(
            b"Hi,\nhere is the bounce I got:\n\nReturn-Path: <>\nFrom: postmaster@example.net\n\
              To: user@example.com\nSubject: Undeliverable\n\nbody\n",
            Decoders::default(),
        );
        assert_eq!(m.subject(), "Undeliverable");
        assert!(m.body.starts_with("body"));
        // Two paragraphs of note are still a note.
        assert_eq!(
            note_prefix(b"Hi.\n\nSee below:\n\nFrom: a@example.jp\nTo: b@example.jp\nDate: x\n\nb"),
            Some(17)
        );
        // A pasted report's own fields, then the returned message, are not a note.
        assert_eq!(
            note_prefix(b"Reporting-MTA: dns; mx.example.jp\n\nFrom: a@example.jp\nTo: b@example.jp\nDate: x\n\n"),
            None
        );
        // Too few usual fields, no blank line after the note, too many note lines, or no
        // blank line after the block: left as text.
        for text in [
            &b"Hi:\n\nFrom: a@example.jp\nX-A: 1\nX-B: 2\n\nbody"[..],
            b"Hi:\nFrom: a@example.jp\nTo: b@example.jp\nDate: x\n\nbody",
            b"a\nb\nc\nd\ne\n\nFrom: a@example.jp\nTo: b@example.jp\nDate: x\n\nbody",
            b"Hi:\n\nFrom: a@example.jp\nTo: b@example.jp\nDate: x",
            b"\n\nFrom: a@example.jp\nTo: b@example.jp\nDate: x\n\n",
        ] {
            assert_eq!(note_prefix(text), None, "{}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn blank_lines_before_a_header_block_are_passed_over() {
        let m = decode(
            b"\n   \nFrom: postmaster@example.net\nSubject: Undeliverable\n\nbody\n",
            Decoders::default(),
        );
        assert_eq!(m.subject(), "Undeliverable");
        assert!(m.body.starts_with("body"));
        // Blank lines before pasted text that is no message change nothing.
        let m = decode(
            b"\n\nReporting-MTA: dns; mx.example.jp\n",
            Decoders::default(),
        );
        assert!(m.headers.is_empty());
        assert!(m.body.contains("Reporting-MTA"));
        assert_eq!(blank_prefix(b"\n \t\r\nx\n"), 5);
        assert_eq!(blank_prefix(b"   "), 0);
    }

    #[cfg(feature = "full_encoding")]
    #[test]
    fn undeclared_japanese_bytes_are_decoded() {
        // "宛先" in Shift_JIS and in ISO-2022-JP.
        let mut cx = Cx {
            decoders: Decoders::default(),
            notes: Vec::new(),
        };
        assert!(bytes_to_text(b"\x88\xb6\x90\xe6 unknown user", &mut cx).contains("宛先"));
        assert!(bytes_to_text(b"\x1b$B08@h\x1b(B", &mut cx).contains("宛先"));
    }

    #[test]
    fn undeclared_text_names_the_charset_it_read() {
        let host = |cs: &str, b: &[u8]| crate::Charsets::decode(&Host, cs, b);
        assert_eq!(
            undeclared_text(b"caf\xc3\xa9", host),
            ("utf-8", "café".into())
        );
        assert_eq!(
            undeclared_text(b"\x88\xb6\x90\xe6 unknown user", host),
            ("shift_jis", "宛先 unknown user".into())
        );
        assert_eq!(
            undeclared_text(b"\x1b$B08@h\x1b(B", host),
            ("iso-2022-jp", "宛先".into())
        );
        // Nothing decodes: Windows-1252, which reads every byte.
        assert_eq!(
            undeclared_text(b"caf\xe9", |_, _| None),
            ("windows-1252", "café".into())
        );
    }

    /// encoding_rs standing in for the browser's TextDecoder.
    struct Host;

    impl crate::Charsets for Host {
        fn decode(&self, charset: &str, bytes: &[u8]) -> Option<String> {
            let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())?;
            Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
    }

    #[test]
    fn encoded_words_in_multi_byte_charsets_go_to_the_host() {
        for (subject, expected) in [
            ("=?ISO-2022-JP?B?GyRCJWEhPCVrGyhC?=", "メール"),
            // Adjacent encoded words join without the space between them; B and Q alike.
            (
                "=?shift_jis?Q?=94z=90M=83G=83=89=81[?= =?shift_jis?B?gWmV1JGXgWo=?=",
                "配信エラー（返送）",
            ),
            // Text around the word stays; a folded line unfolds.
            ("Re: =?euc-kr?B?vsiz5w==?=\r\n ok", "Re: 안녕 ok"),
            // A language suffix (RFC 2231) and a lowercase q.
            ("=?gb2312*zh?q?=CF=B5=CD=B3?= x", "系统 x"),
            // UTF-8 words next to a multi-byte one keep mail-parser's reading.
            ("=?utf-8?q?caf=C3=A9?= =?euc-jp?B?pcGlpw==?=", "caféチェ"),
        ] {
            let raw = format!("From: a@example.jp\nSubject: {subject}\n\nbody\n");
            let m = decode(raw.as_bytes(), Decoders::new(Some(&Host)));
            assert_eq!(m.subject(), expected, "{subject}");
            assert!(m.notes.is_empty(), "{subject}: {:?}", m.notes);
        }
    }

    #[test]
    fn malformed_encoded_words_stay_as_mail_parser_reads_them() {
        for subject in [
            "=?shift_jis?X?abc?=",
            "=?shift_jis?B?not base64 ?x?=",
            "=? ?B?abc?=",
            "=?shift_jis?B?",
            "=?",
        ] {
            let raw = format!("From: a@example.jp\nSubject: {subject}\n\nbody\n");
            let host = decode(raw.as_bytes(), Decoders::new(Some(&Host)));
            let plain = decode(raw.as_bytes(), Decoders::default());
            assert_eq!(host.subject(), plain.subject(), "{subject}");
        }
    }

    #[test]
    fn parts_in_multi_byte_charsets_go_to_the_host() {
        // "宛先不明" in Shift_JIS, sent as base64, as quoted-printable with a soft line break and a
        // stray '=', and as 8bit.
        let sjis = b"\x88\xb6\x90\xe6\x95\x73\x96\xbe";
        let b64 = "iLaQ5pVzlr4=";
        let qp = "=88=B6=90=E6=\n=95s=96=BE =3D=ZZ";
        for (cte, body, expected) in [
            ("base64", b64.as_bytes().to_vec(), "宛先不明"),
            ("quoted-printable", qp.as_bytes().to_vec(), "宛先不明 ==ZZ"),
            ("8bit", sjis.to_vec(), "宛先不明"),
        ] {
            let mut raw = format!(
                "From: a@example.jp\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=\"Shift_JIS\"\nContent-Transfer-Encoding: {cte}\n\n"
            )
            .into_bytes();
            raw.extend_from_slice(&body);
            raw.extend_from_slice(b"\n--b--\n");
            let m = decode(&raw, Decoders::new(Some(&Host)));
            assert_eq!(m.body.trim_end(), expected, "{cte}");
            assert!(m.notes.is_empty(), "{cte}: {:?}", m.notes);
            #[cfg(feature = "full_encoding")]
            assert_eq!(m.body, decode(&raw, Decoders::default()).body, "{cte}");
        }
    }

    /// A small xorshift generator: the same inputs on every run.
    fn pseudo_random(seed: &mut u64, n: usize) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % n as u64) as usize
    }

    /// `tidy_text` copies stretches and tests sixteen bytes at a time; this is the plain
    /// byte-at-a-time reading it replaced.
    #[test]
    fn tidy_text_is_the_plain_reading() {
        fn plain(s: &str) -> String {
            let b = s.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\r' => {
                        if b.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        out.push(b'\n');
                    }
                    b'\t' => out.push(b' '),
                    0 => {}
                    c => out.push(c),
                }
                i += 1;
            }
            String::from_utf8(out).unwrap()
        }
        const PIECES: &[&str] = &[
            "\r\n", "\r", "\n", "\t", "\0", "a", "550 ", "日本", "\r\r\n",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let len = pseudo_random(&mut seed, 60);
            let s: String = (0..len)
                .map(|_| PIECES[pseudo_random(&mut seed, PIECES.len())])
                .collect();
            assert_eq!(tidy_text(s.clone()), plain(&s), "{s:?}");
        }
    }

    #[test]
    fn byte_counts_are_plain_counts() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for len in (0..700).chain([8192, 70_000]) {
            let bytes: Vec<u8> = (0..len)
                .map(|_| [0u8, 1, 9, 10, 13, 27, b'a', 0xe3][pseudo_random(&mut seed, 8)])
                .collect();
            let [cr, lf, nul] = count_bytes(&bytes, |b| [b == b'\r', b == b'\n', b == 0]);
            let plain = |x: u8| bytes.iter().filter(|&&b| b == x).count();
            assert_eq!((cr, lf, nul), (plain(13), plain(10), plain(0)), "{len}");
        }
    }

    #[test]
    fn empty_and_binary_input_get_notes() {
        assert_eq!(
            decode(b"  \n", Decoders::default()).notes[0].0,
            "empty_input"
        );
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", Decoders::default()).notes[0].0,
            "binary_input"
        );
    }
}
