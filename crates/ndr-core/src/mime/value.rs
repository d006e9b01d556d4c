//! Header field values: `Content-Type` with its parameters, unstructured text, and RFC 2047
//! encoded words, read as mail-parser 0.11 reads them (its state machines, step for step).
//!
//! Each reader gets the raw value of one field, from after the colon to the end of the field
//! (its line end included). A value the input ends inside, without a line end, reads as
//! nothing, as it did with mail-parser.

use std::borrow::Cow;

use super::stream::{flush_base64, hex, push_sextet, Stream, BASE64};

/// Decodes the bytes of an encoded word in the charset it names.
pub(crate) type WordDecoder<'d> = dyn FnMut(&[u8], Vec<u8>) -> String + 'd;

/// A parsed `Content-Type` (or `Content-Disposition`): type and subtype in lowercase, and the
/// parameters in order (names in lowercase). The names most parts carry are shared, not
/// copied (see `COMMON_NAMES`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContentType {
    pub ctype: Cow<'static, str>,
    pub subtype: Option<Cow<'static, str>>,
    pub attributes: Vec<(Cow<'static, str>, String)>,
}

/// Types, subtypes, dispositions and parameter names that most bounces' parts carry (RFC 2045,
/// 2046, 2183, 3462, 3464, 6522), in lowercase: a name read from a field that is one of these
/// borrows it instead of allocating its own copy. Any name works without being listed.
const COMMON_NAMES: &[&str] = &[
    "text",
    "plain",
    "html",
    "multipart",
    "mixed",
    "alternative",
    "related",
    "report",
    "message",
    "delivery-status",
    "rfc822",
    "rfc822-headers",
    "global",
    "application",
    "octet-stream",
    "inline",
    "attachment",
    "charset",
    "boundary",
    "report-type",
    "format",
    "name",
    "filename",
    "delsp",
];

impl ContentType {
    /// The value of the first parameter `name`.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The text of an unstructured field (`Subject`, ...): folding removed, the words of each line
/// joined by one space, encoded words decoded by `decode` (adjacent ones joined without the
/// space between them). `None` when the value is empty.
pub(crate) fn unstructured(value: &[u8], decode: &mut WordDecoder<'_>) -> Option<String> {
    let mut s = Stream::new(value);
    let mut out = String::new();
    let mut tokens = 0usize;
    let mut token_start = 0usize;
    let mut token_end = 0usize;
    let mut last_is_encoded = true;
    let add_token = |s: &Stream<'_>,
                     out: &mut String,
                     tokens: &mut usize,
                     token_start: &mut usize,
                     token_end: usize,
                     last_is_encoded: &mut bool| {
        if *token_start > 0 {
            if *tokens > 0 {
                out.push(' ');
            }
            out.push_str(&crate::text::lossy(s.bytes(*token_start - 1, token_end)));
            *tokens += 1;
            *token_start = 0;
            *last_is_encoded = false;
        }
    };
    while let Some(ch) = s.next() {
        match ch {
            b'\n' => {
                add_token(
                    &s,
                    &mut out,
                    &mut tokens,
                    &mut token_start,
                    token_end,
                    &mut last_is_encoded,
                );
                if !s.try_next_is_space() {
                    return (tokens > 0).then_some(out);
                }
                continue;
            }
            b' ' | b'\t' | b'\r' => continue,
            b'=' if s.peek_char(b'?') => {
                s.checkpoint();
                if let Some(word) = encoded_word(&mut s, decode) {
                    add_token(
                        &s,
                        &mut out,
                        &mut tokens,
                        &mut token_start,
                        token_end,
                        &mut last_is_encoded,
                    );
                    if !last_is_encoded {
                        out.push(' ');
                        tokens += 1;
                    }
                    out.push_str(&word);
                    tokens += 1;
                    last_is_encoded = true;
                    continue;
                }
                s.restore();
            }
            _ => {}
        }
        if token_start == 0 {
            token_start = s.offset();
        }
        token_end = s.offset();
    }
    None
}

/// Longer encoded words are not read (RFC 2047 allows 75 characters, some mail programs write
/// a few hundred): each failed attempt reads up to this far, so that a field full of "=?"
/// stays linear to read.
const MAX_WORD: usize = 512;

/// An RFC 2047 encoded word after its `=` ("?charset?B?data?="), decoded; `None` when it is
/// not one (the caller restores its place).
pub(crate) fn encoded_word(s: &mut Stream<'_>, decode: &mut WordDecoder<'_>) -> Option<String> {
    let start = s.offset();
    let end = s.data.len().min(start + MAX_WORD);
    let mut word = Stream::new(s.data.get(..end)?);
    word.skip_to(start);
    let text = encoded_word_in(&mut word, decode)?;
    s.skip_to(word.offset());
    Some(text)
}

fn encoded_word_in(s: &mut Stream<'_>, decode: &mut WordDecoder<'_>) -> Option<String> {
    // "?" then the charset (an RFC 2231 language after '*' is left out), "?", B or Q, "?".
    if s.next()? != b'?' {
        return None;
    }
    let charset_start = s.offset();
    let mut charset_end = charset_start;
    loop {
        match s.next()? {
            b'?' => {
                if charset_end == charset_start {
                    charset_end = s.offset() - 1;
                }
                if charset_end - charset_start < 2 {
                    return None;
                }
                break;
            }
            b'*' if charset_end == charset_start => charset_end = s.offset() - 1,
            b'\n' => return None,
            _ => {}
        }
    }
    let base64 = match s.next()? {
        b'q' | b'Q' => false,
        b'b' | b'B' => true,
        _ => return None,
    };
    if s.next()? != b'?' {
        return None;
    }
    let bytes = if base64 { base64_word(s)? } else { q_word(s)? };
    Some(decode(s.bytes(charset_start, charset_end), bytes))
}

/// The data of a B word up to "?=".
fn base64_word(s: &mut Stream<'_>) -> Option<Vec<u8>> {
    let mut acc: u32 = 0;
    let mut count = 0u8;
    let mut buf = Vec::with_capacity(64);
    while let Some(ch) = s.next() {
        match ch {
            b'=' => {
                flush_base64(acc, count, &mut buf);
                count = 0;
                acc = 0;
            }
            b'?' => {
                return (s.next() == Some(b'=')).then_some(buf);
            }
            b'\n' => {
                if !s.next_is_space() {
                    return None;
                }
            }
            b' ' | b'\t' | b'\r' => {}
            _ => {
                let val = BASE64[usize::from(ch)];
                if val >= 64 {
                    return None;
                }
                push_sextet(&mut acc, &mut count, val, &mut buf);
            }
        }
    }
    None
}

/// The data of a Q word up to "?=": `_` is a space, `=XX` a byte, folding dropped.
fn q_word(s: &mut Stream<'_>) -> Option<Vec<u8>> {
    let mut buf = Vec::with_capacity(64);
    // 0: plain, 1: after '=', 2: after '=' and one hex digit (its value in `hex1`).
    let mut state = 0u8;
    let mut hex1 = 0u8;
    while let Some(ch) = s.next() {
        match ch {
            b'=' => {
                if state != 0 {
                    return None;
                }
                state = 1;
            }
            b'?' => {
                if s.peek_char(b'=') {
                    s.next();
                    return Some(buf);
                }
                buf.push(b'?');
            }
            b'\n' => {
                if !s.peek_next_is_space() {
                    return None;
                }
                while s.peek_next_is_space() {
                    s.next();
                }
            }
            b'_' => buf.push(b' '),
            b'\r' => {}
            _ => match state {
                0 => buf.push(ch),
                1 => {
                    hex1 = hex(ch)?;
                    state = 2;
                }
                _ => {
                    buf.push(hex1 << 4 | hex(ch)?);
                    state = 0;
                }
            },
        }
    }
    None
}

/// Where the reader of a `Content-Type` value is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum At {
    Type,
    SubType,
    AttributeName,
    AttributeValue,
    AttributeQuotedValue,
    Comment,
}

/// An RFC 2231 continuation: name, position, value.
type Continuation = (Cow<'static, str>, u32, String);

struct CtParser {
    state: At,
    state_stack: Vec<At>,
    c_type: Option<Cow<'static, str>>,
    c_subtype: Option<Cow<'static, str>>,
    attr_name: Option<Cow<'static, str>>,
    attr_charset: Option<String>,
    attr_position: u32,
    values: Vec<String>,
    attributes: Vec<(Cow<'static, str>, String)>,
    continuations: Option<Vec<Continuation>>,
    token_start: usize,
    token_end: usize,
    is_continuation: bool,
    is_encoded_attribute: bool,
    is_escaped: bool,
    remove_crlf: bool,
    is_lower_case: bool,
    is_token_start: bool,
}

fn lossy(b: &[u8]) -> String {
    crate::text::lossy(b).into_owned()
}

impl CtParser {
    fn reset(&mut self) {
        self.token_start = 0;
        self.is_token_start = true;
    }

    fn add_attribute(&mut self, s: &Stream<'_>) -> bool {
        if self.token_start == 0 {
            return false;
        }
        let raw = s.bytes(self.token_start - 1, self.token_end);
        // The name in lowercase when an uppercase letter was seen, else as it is.
        let lowercase = !self.is_lower_case;
        let common = COMMON_NAMES.iter().find(|n| {
            let n = n.as_bytes();
            if lowercase {
                n.eq_ignore_ascii_case(raw)
            } else {
                n == raw
            }
        });
        let attr = match common {
            Some(n) => Cow::Borrowed(*n),
            None => {
                let mut attr = lossy(raw);
                if lowercase {
                    attr.make_ascii_lowercase();
                }
                Cow::Owned(attr)
            }
        };
        self.is_lower_case = true;
        match self.state {
            At::AttributeName => self.attr_name = Some(attr),
            At::Type => self.c_type = Some(attr),
            At::SubType => self.c_subtype = Some(attr),
            _ => {}
        }
        self.reset();
        true
    }

    fn add_attribute_parameter(&mut self, s: &Stream<'_>) {
        if self.token_start == 0 {
            return;
        }
        let part = lossy(s.bytes(self.token_start - 1, self.token_end));
        if self.attr_charset.is_none() {
            self.attr_charset = Some(part);
        } else {
            let name = format!(
                "{}-language",
                self.attr_name.as_deref().unwrap_or("unknown")
            );
            if !self.attributes.iter().any(|(n, _)| *n == name) {
                self.attributes.push((name.into(), part));
            } else {
                self.values.push("'".to_string());
                self.values.push(part);
            }
        }
        self.reset();
    }

    fn add_partial_value(&mut self, s: &Stream<'_>, to_cur_pos: bool) {
        if self.token_start == 0 {
            return;
        }
        let in_quote = self.state == At::AttributeQuotedValue;
        let end = if in_quote && to_cur_pos {
            s.offset() - 1
        } else {
            self.token_end
        };
        self.values.push(lossy(s.bytes(self.token_start - 1, end)));
        if !in_quote {
            self.values.push(" ".to_string());
        }
        self.reset();
    }

    fn add_value(&mut self, s: &Stream<'_>) {
        let Some(attr_name) = self.attr_name.take() else {
            return;
        };
        let has_values = !self.values.is_empty();
        let value = if self.token_start > 0 {
            let raw = s.bytes(self.token_start - 1, self.token_end);
            Some(if self.remove_crlf {
                self.remove_crlf = false;
                let kept: Vec<u8> = raw
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r' && c != b'\n')
                    .collect();
                super::text_of(kept)
            } else {
                lossy(raw)
            })
        } else {
            if !has_values {
                self.attr_name = Some(attr_name);
                return;
            }
            None
        };

        if !self.is_continuation {
            let value = match value {
                Some(v) if !has_values => v,
                v => {
                    self.values.extend(v);
                    self.values.concat()
                }
            };
            self.attributes.push((attr_name, value));
        } else {
            let mut value = match value {
                Some(v) if has_values => self.values.concat() + &v,
                Some(v) => v,
                None => self.values.concat(),
            };
            if self.is_encoded_attribute {
                if let Some(bytes) = percent_decode(value.as_bytes()) {
                    // The charset named before the value decides; this crate only reads
                    // ASCII parameters (boundary, charset), so the bytes are read as UTF-8.
                    value = super::text_of(bytes);
                }
                self.is_encoded_attribute = false;
            }
            if self.attr_position > 0 {
                self.continuations.get_or_insert_with(Vec::new).push((
                    attr_name,
                    self.attr_position,
                    value,
                ));
                self.attr_position = 0;
            } else {
                self.attributes.push((attr_name, value));
            }
            self.is_continuation = false;
            self.attr_charset = None;
        }
        if has_values {
            self.values.clear();
        }
        self.reset();
    }

    fn add_attr_position(&mut self, s: &Stream<'_>) -> bool {
        if self.token_start == 0 {
            return false;
        }
        self.attr_position = crate::text::lossy(s.bytes(self.token_start - 1, self.token_end))
            .parse()
            .unwrap_or(0);
        self.reset();
        true
    }

    fn merge_continuations(&mut self) {
        let Some(mut continuations) = self.continuations.take() else {
            return;
        };
        continuations.sort();
        for (key, _, value) in continuations {
            if let Some(old) = self.attributes.iter_mut().find(|(n, _)| *n == key) {
                old.1.push_str(&value);
            } else {
                self.attributes.push((key, value));
            }
        }
    }
}

/// `%XX` escapes decoded (RFC 2231); `None` when one is malformed.
fn percent_decode(src: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while let Some(&b) = src.get(i) {
        if b == b'%' {
            // An escape cut short by the end of the value is dropped, as mail-parser does.
            let Some(&h) = src.get(i + 1) else { break };
            let h = hex(h)?;
            let Some(&l) = src.get(i + 2) else { break };
            out.push(h << 4 | hex(l)?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Some(out)
}

/// Reads a `Content-Type` (or `Content-Disposition`) value; `None` without a type.
pub(crate) fn content_type(value: &[u8]) -> Option<ContentType> {
    let mut s = Stream::new(value);
    let mut p = CtParser {
        state: At::Type,
        state_stack: Vec::new(),
        c_type: None,
        c_subtype: None,
        attr_name: None,
        attr_charset: None,
        attr_position: 0,
        values: Vec::new(),
        attributes: Vec::new(),
        continuations: None,
        token_start: 0,
        token_end: 0,
        is_continuation: false,
        is_encoded_attribute: false,
        is_escaped: false,
        remove_crlf: false,
        is_lower_case: true,
        is_token_start: true,
    };
    while let Some(ch) = s.next() {
        match ch {
            b' ' | b'\t' => {
                p.is_token_start = true;
                if p.state == At::AttributeQuotedValue {
                    if p.token_start == 0 {
                        p.token_start = s.offset();
                        p.token_end = p.token_start;
                    } else {
                        p.token_end = s.offset();
                    }
                }
                continue;
            }
            b'A'..=b'Z'
                if p.is_lower_case
                    && matches!(p.state, At::Type | At::SubType | At::AttributeName) =>
            {
                p.is_lower_case = false;
            }
            b'\n' => {
                let next_is_space = s.peek_next_is_space();
                match p.state {
                    At::Type | At::AttributeName | At::SubType => {
                        p.add_attribute(&s);
                    }
                    At::AttributeValue => p.add_value(&s),
                    At::AttributeQuotedValue => {
                        if next_is_space {
                            s.next();
                            p.remove_crlf = true;
                            continue;
                        }
                        p.add_value(&s);
                    }
                    At::Comment => {}
                }
                if next_is_space {
                    if p.state == At::Type {
                        continue;
                    }
                    p.state = At::AttributeName;
                    s.next();
                    p.is_token_start = true;
                    continue;
                }
                p.merge_continuations();
                return p.c_type.map(|ctype| ContentType {
                    ctype,
                    subtype: p.c_subtype,
                    attributes: p.attributes,
                });
            }
            b'/' if p.state == At::Type => {
                p.add_attribute(&s);
                p.state = At::SubType;
                continue;
            }
            b';' => match p.state {
                At::Type | At::SubType | At::AttributeName => {
                    p.add_attribute(&s);
                    p.state = At::AttributeName;
                    continue;
                }
                At::AttributeValue => {
                    if !p.is_escaped {
                        p.add_value(&s);
                        p.state = At::AttributeName;
                    } else {
                        p.is_escaped = false;
                    }
                    continue;
                }
                _ => {}
            },
            b'*' if p.state == At::AttributeName => {
                if !p.is_continuation {
                    p.is_continuation = p.add_attribute(&s);
                } else if !p.is_encoded_attribute {
                    p.add_attr_position(&s);
                    p.is_encoded_attribute = true;
                } else {
                    p.reset();
                }
                continue;
            }
            b'=' => match p.state {
                At::AttributeName => {
                    if !p.is_continuation {
                        if !p.add_attribute(&s) {
                            continue;
                        }
                    } else if !p.is_encoded_attribute {
                        // After "name*": a '*' just before '=' means an encoded value.
                        p.is_encoded_attribute = !p.add_attr_position(&s);
                    } else {
                        p.reset();
                    }
                    p.state = At::AttributeValue;
                    continue;
                }
                At::AttributeValue | At::AttributeQuotedValue
                    if p.is_token_start && s.peek_char(b'?') =>
                {
                    s.checkpoint();
                    let mut as_utf8 = |_: &[u8], bytes: Vec<u8>| super::text_of(bytes);
                    if let Some(word) = encoded_word(&mut s, &mut as_utf8) {
                        p.add_partial_value(&s, false);
                        p.values.push(word);
                        continue;
                    }
                    s.restore();
                }
                _ => {}
            },
            b'"' => match p.state {
                At::AttributeValue => {
                    p.is_token_start = true;
                    p.state = At::AttributeQuotedValue;
                    continue;
                }
                At::AttributeQuotedValue => {
                    if !p.is_escaped {
                        p.add_value(&s);
                        p.state = At::AttributeName;
                        continue;
                    }
                    p.is_escaped = false;
                }
                _ => continue,
            },
            b'\\' => match p.state {
                At::AttributeQuotedValue | At::AttributeValue => {
                    if !p.is_escaped {
                        p.add_partial_value(&s, true);
                        p.is_escaped = true;
                        continue;
                    }
                    p.is_escaped = false;
                }
                At::Comment => p.is_escaped = !p.is_escaped,
                _ => continue,
            },
            b'\''
                if p.is_encoded_attribute
                    && !p.is_escaped
                    && matches!(p.state, At::AttributeValue | At::AttributeQuotedValue) =>
            {
                p.add_attribute_parameter(&s);
                continue;
            }
            b'(' if p.state != At::AttributeQuotedValue => {
                if !p.is_escaped {
                    match p.state {
                        At::Type | At::AttributeName | At::SubType => {
                            p.add_attribute(&s);
                        }
                        At::AttributeValue => p.add_value(&s),
                        _ => {}
                    }
                    p.state_stack.push(p.state);
                    p.state = At::Comment;
                } else {
                    p.is_escaped = false;
                }
                continue;
            }
            b')' if p.state == At::Comment => {
                if !p.is_escaped {
                    p.state = p.state_stack.pop().unwrap_or(At::Type);
                    p.reset();
                } else {
                    p.is_escaped = false;
                }
                continue;
            }
            b'\r' => continue,
            _ => {}
        }
        p.is_escaped = false;
        p.is_token_start = false;
        if p.token_start == 0 {
            p.token_start = s.offset();
            p.token_end = p.token_start;
        } else {
            p.token_end = s.offset();
        }
    }
    None
}
