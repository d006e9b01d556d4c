//! The cursor over a message's bytes, with the scans that find header fields and part ends and
//! undo transfer encodings on the way (mail-parser's `MessageStream`, step for step).

use std::borrow::Cow;

use super::{Header, Kind};

/// Header names longer than this are never one of the known fields.
const MAX_HEADER_NAME_LEN: usize = 34;

pub(super) struct Stream<'a> {
    pub data: &'a [u8],
    pos: usize,
    restore_pos: usize,
}

impl<'a> Stream<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Stream {
            data,
            pos: 0,
            restore_pos: 0,
        }
    }

    #[inline(always)]
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Moves to `pos` (at most the end).
    pub fn skip_to(&mut self, pos: usize) {
        self.pos = pos.min(self.data.len());
    }

    #[inline(always)]
    pub fn next(&mut self) -> Option<u8> {
        let ch = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(ch)
    }

    #[inline(always)]
    pub fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    #[inline(always)]
    pub fn peek_char(&self, ch: u8) -> bool {
        self.peek() == Some(ch)
    }

    #[inline(always)]
    pub fn checkpoint(&mut self) {
        self.restore_pos = self.pos;
    }

    #[inline(always)]
    pub fn restore(&mut self) {
        self.pos = self.restore_pos;
        self.restore_pos = 0;
    }

    #[inline(always)]
    pub fn peek_next_is_space(&self) -> bool {
        matches!(self.peek(), Some(b' ' | b'\t'))
    }

    /// Consumes the next byte; true when it was a space or a tab.
    #[inline(always)]
    pub fn next_is_space(&mut self) -> bool {
        matches!(self.next(), Some(b' ' | b'\t'))
    }

    #[inline(always)]
    pub fn try_next_is_space(&mut self) -> bool {
        if self.peek_next_is_space() {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn bytes(&self, from: usize, to: usize) -> &'a [u8] {
        self.data.get(from..to).unwrap_or_default()
    }

    /// Reads a header block up to and including the blank line that ends it. False when the
    /// input ends first (the fields read so far are in `headers` all the same).
    pub fn parse_headers(&mut self, headers: &mut Vec<Header>) -> bool {
        loop {
            loop {
                match self.peek() {
                    Some(b'\n') => {
                        self.pos += 1;
                        return true;
                    }
                    None => return false,
                    Some(ch) if !ch.is_ascii_whitespace() => break,
                    _ => self.pos += 1,
                }
            }
            let offset_field = self.offset();
            if let Some((name, kind)) = self.header_name() {
                let offset_start = self.offset();
                self.skip_field();
                let offset_end = self.offset();
                let content_type = match kind {
                    Kind::ContentType | Kind::ContentDisposition => {
                        super::value::content_type(self.bytes(offset_start, offset_end))
                            .map(Box::new)
                    }
                    _ => None,
                };
                headers.push(Header {
                    name,
                    kind,
                    content_type,
                    offset_field,
                    offset_start,
                    offset_end,
                });
            } else if self.pos >= self.data.len() {
                return false;
            }
        }
    }

    /// The name of a field up to its colon. `None` when the line ends first.
    fn header_name(&mut self) -> Option<((usize, usize), Kind)> {
        let mut token_start = 0;
        let mut token_end = 0;
        let mut token_len = 0;
        let mut compact = [0u8; MAX_HEADER_NAME_LEN];
        while let Some(ch) = self.next() {
            match ch {
                b':' if token_start != 0 => break,
                b':' => {}
                b'\n' => return None,
                _ if !ch.is_ascii_whitespace() => {
                    if token_start == 0 {
                        token_start = self.pos;
                    }
                    token_end = self.pos;
                    if let Some(c) = compact.get_mut(token_len) {
                        *c = ch.to_ascii_lowercase();
                    }
                    token_len += 1;
                }
                _ => {}
            }
        }
        if token_start == 0 {
            return None;
        }
        let kind = compact.get(..token_len).map_or(Kind::Other, Kind::of);
        Some(((token_start - 1, token_end), kind))
    }

    /// Passes over the rest of a field: up to a line end not followed by a space or a tab.
    fn skip_field(&mut self) {
        let rest = self.data.get(self.pos..).unwrap_or_default();
        let mut at = 0;
        while let Some(nl) = rest.get(at..).and_then(find_newline) {
            at += nl + 1;
            if !matches!(rest.get(at), Some(b' ' | b'\t')) {
                self.pos += at;
                return;
            }
        }
        self.pos = self.data.len();
    }

    /// Moves past the first `--boundary`; false (and nothing consumed) when there is none.
    pub fn seek_next_part(&mut self, boundary: &[u8]) -> bool {
        if boundary.is_empty() {
            return false;
        }
        match find_delimiter(self.data, self.pos, boundary) {
            Some(at) => {
                self.pos = at + 2 + boundary.len();
                true
            }
            None => false,
        }
    }

    /// Moves past the next `--boundary` and returns where the line before it ended.
    pub fn seek_next_part_offset(&mut self, boundary: &[u8]) -> Option<usize> {
        let start = self.pos;
        let at = find_delimiter(self.data, start, boundary)?;
        self.pos = at + 2 + boundary.len();
        Some(line_end_before(self.data, start, at))
    }

    /// The body of a part without transfer encoding, up to the line end before `--boundary`
    /// (or the end of the input when there is no boundary). `usize::MAX` when the boundary
    /// never comes; nothing is consumed then.
    pub fn mime_part(&mut self, boundary: &[u8]) -> (usize, Cow<'a, [u8]>) {
        let start = self.pos;
        if boundary.is_empty() {
            self.pos = self.data.len();
            return (self.pos, Cow::Borrowed(self.bytes(start, self.data.len())));
        }
        match find_delimiter(self.data, start, boundary) {
            Some(at) => {
                self.pos = at + 2 + boundary.len();
                let end = part_end(self.data, start, at);
                (end, Cow::Borrowed(self.bytes(start, end)))
            }
            None => (
                usize::MAX,
                Cow::Borrowed(self.bytes(start, self.data.len())),
            ),
        }
    }

    /// Where a part whose encoding was broken ends: as `mime_part`, but consuming to the end
    /// of the input when the boundary never comes (false then).
    pub fn seek_part_end(&mut self, boundary: Option<&[u8]>) -> (usize, bool) {
        let start = self.pos;
        let Some(boundary) = boundary else {
            self.pos = self.data.len();
            return (self.pos, true);
        };
        match find_delimiter(self.data, start, boundary) {
            Some(at) => {
                self.pos = at + 2 + boundary.len();
                (part_end(self.data, start, at), true)
            }
            None => {
                self.pos = self.data.len();
                (self.pos, false)
            }
        }
    }

    /// After a boundary: true for a closing one (`--`); otherwise passes the line end.
    pub fn is_multipart_end(&mut self) -> bool {
        self.checkpoint();
        match (self.next(), self.peek()) {
            (Some(b'\r'), Some(b'\n')) => {
                self.pos += 1;
                false
            }
            (Some(b'-'), Some(b'-')) => {
                self.pos += 1;
                true
            }
            (Some(b'\n'), _) => false,
            (Some(a), _) if a.is_ascii_whitespace() => {
                self.skip_crlf();
                false
            }
            _ => {
                self.restore();
                false
            }
        }
    }

    /// Passes spaces, tabs and CRs up to and including one line end.
    pub fn skip_crlf(&mut self) {
        while let Some(ch) = self.peek() {
            match ch {
                b'\r' | b' ' | b'\t' => self.pos += 1,
                b'\n' => {
                    self.pos += 1;
                    break;
                }
                _ => break,
            }
        }
    }

    /// A base64 body up to `--boundary`. `usize::MAX` (nothing consumed) when a byte outside
    /// base64 comes first, or the boundary never comes.
    pub fn decode_base64_mime(&mut self, boundary: &[u8]) -> (usize, Cow<'a, [u8]>) {
        let start = self.pos;
        // The part ends at its boundary, which is not known yet: room for the rest of the
        // input, up to a bound, so that many parts of a large input do not each reserve it all.
        let mut buf = Vec::with_capacity(((self.data.len() - start) / 4 * 3).min(1 << 16));
        let mut acc: u32 = 0;
        let mut count = 0u8;
        let mut last_ch = b'\n';
        let mut before_last_ch = 0;
        let mut end_pos = start;
        let mut i = start;
        let data = self.data;
        while let Some(&ch) = data.get(i) {
            i += 1;
            let val = BASE64[usize::from(ch)];
            if val < 64 {
                push_sextet(&mut acc, &mut count, val, &mut buf);
            } else {
                match ch {
                    b'=' => {
                        flush_base64(acc, count, &mut buf);
                        count = 0;
                        acc = 0;
                    }
                    b'\n' => end_pos = if last_ch == b'\r' { i - 2 } else { i - 1 },
                    b' ' | b'\t' | b'\r' => {}
                    b'-' => {
                        if last_ch == b'-' {
                            let end = i + boundary.len();
                            if !boundary.is_empty() && data.get(i..end) == Some(boundary) {
                                self.pos = end;
                                let end_pos = if before_last_ch == b'\n' {
                                    end_pos
                                } else {
                                    end - boundary.len() - 2
                                };
                                return (end_pos, Cow::Owned(buf));
                            }
                            return (usize::MAX, Cow::Borrowed(b""));
                        }
                    }
                    _ => return (usize::MAX, Cow::Borrowed(b"")),
                }
            }
            before_last_ch = last_ch;
            last_ch = ch;
        }
        if boundary.is_empty() {
            self.pos = i;
            (i, Cow::Owned(buf))
        } else {
            (usize::MAX, Cow::Owned(buf))
        }
    }

    /// A quoted-printable body up to `--boundary`, read as mail-parser reads it: soft line
    /// breaks joined, spaces before a line end dropped, an `=` that starts no escape kept.
    /// `usize::MAX` (nothing consumed) when the boundary never comes or `==` appears.
    pub fn decode_quoted_printable_mime(&mut self, boundary: &[u8]) -> (usize, Cow<'a, [u8]>) {
        #[derive(PartialEq)]
        enum Qp {
            None,
            Eq,
            Hex1,
        }
        let data = self.data;
        let start = self.pos;
        let mut buf = Vec::with_capacity(data.len().saturating_sub(start).min(1 << 16));
        let mut state = Qp::None;
        let mut hex1 = 0u8;
        let mut last_ch = 0u8;
        let mut before_last_ch = 0u8;
        let mut ws_count = 0usize;
        let mut end_pos = start;
        let mut crlf: &[u8] = b"\n";
        let mut i = start;
        while i < data.len() {
            // A run of plain text (no '=', '-', CR or LF) in the plain state is copied whole;
            // white space at its end counts as the spaces a line end drops.
            if state == Qp::None && data[i] != b'-' {
                let run = qp_run(&data[i..]);
                if run > 0 {
                    let text = &data[i..i + run];
                    buf.extend_from_slice(text);
                    let trailing = text
                        .iter()
                        .rev()
                        .take_while(|b| b.is_ascii_whitespace())
                        .count();
                    ws_count = if trailing == run {
                        ws_count + run
                    } else {
                        trailing
                    };
                    i += run;
                    before_last_ch = if run >= 2 { data[i - 2] } else { last_ch };
                    last_ch = data[i - 1];
                    continue;
                }
            }
            // "=XX" in the plain state: its byte; "=" at a line end: a soft line break. (What
            // the byte-by-byte reading below does with them, at once.)
            if state == Qp::None && data[i] == b'=' {
                match (data.get(i + 1), data.get(i + 2)) {
                    (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                        buf.push(hex(a).unwrap_or(0) << 4 | hex(b).unwrap_or(0));
                        ws_count = 0;
                        (before_last_ch, last_ch) = (a, b);
                        i += 3;
                        continue;
                    }
                    (Some(b'\n'), _) => {
                        end_pos = i + 1;
                        ws_count = 0;
                        (before_last_ch, last_ch) = (b'=', b'\n');
                        i += 2;
                        continue;
                    }
                    (Some(b'\r'), Some(b'\n')) => {
                        crlf = b"\r\n";
                        end_pos = i + 1;
                        ws_count = 0;
                        (before_last_ch, last_ch) = (b'\r', b'\n');
                        i += 3;
                        continue;
                    }
                    _ => {}
                }
            }
            let ch = data[i];
            i += 1;
            match ch {
                b'=' => {
                    if state == Qp::None {
                        state = Qp::Eq;
                    } else {
                        return (usize::MAX, Cow::Borrowed(b""));
                    }
                }
                b'\n' => {
                    end_pos = if last_ch == b'\r' { i - 2 } else { i - 1 };
                    if state == Qp::Eq {
                        state = Qp::None;
                    } else {
                        buf.truncate(buf.len().saturating_sub(ws_count));
                        buf.extend_from_slice(crlf);
                    }
                    ws_count = 0;
                }
                b'\r' => crlf = b"\r\n",
                b'-' if !boundary.is_empty()
                    && last_ch == b'-'
                    && data.get(i..i + boundary.len()) == Some(boundary) =>
                {
                    i += boundary.len();
                    self.pos = i;
                    if before_last_ch == b'\n' {
                        buf.truncate(buf.len().saturating_sub(crlf.len() + 1));
                    } else {
                        buf.truncate(buf.len().saturating_sub(1));
                        end_pos = i - boundary.len() - 2;
                    }
                    return (end_pos, Cow::Owned(buf));
                }
                _ => match state {
                    Qp::None => {
                        if ch.is_ascii_whitespace() {
                            ws_count += 1;
                        } else {
                            ws_count = 0;
                        }
                        buf.push(ch);
                    }
                    Qp::Eq => match hex(ch) {
                        Some(h) => {
                            hex1 = h;
                            state = Qp::Hex1;
                        }
                        None if !ch.is_ascii_whitespace() => {
                            state = Qp::None;
                            buf.extend_from_slice(&[b'=', ch]);
                            ws_count = 0;
                        }
                        None => {}
                    },
                    Qp::Hex1 => {
                        state = Qp::None;
                        match hex(ch) {
                            Some(h2) => buf.push(hex1 << 4 | h2),
                            None => buf.extend_from_slice(&[b'=', last_ch, ch]),
                        }
                        ws_count = 0;
                    }
                },
            }
            before_last_ch = last_ch;
            last_ch = ch;
        }
        if boundary.is_empty() {
            self.pos = data.len();
            (self.pos, Cow::Owned(buf))
        } else {
            (usize::MAX, Cow::Owned(buf))
        }
    }
}

/// How many bytes at the start of `b` are plain quoted-printable text: not `=`, CR, LF, or a
/// `-` before another (where a boundary may start; the caller reads a `-` that starts `b`
/// itself, so a `-` after another is never in a run). Blocks of sixteen bytes without any of
/// these bytes (or a lone `-`) are passed over with one test each (plain comparisons, which
/// the compiler turns into vector instructions), as in `decode::next_untidy`.
fn qp_run(b: &[u8]) -> usize {
    let maybe = |c: u8| {
        u8::from(c == b'=') | u8::from(c == b'\r') | u8::from(c == b'\n') | u8::from(c == b'-')
    };
    let mut at = 0;
    if crate::text::WIDE {
        for block in b.chunks_exact(16) {
            if block.iter().fold(0, |any, &c| any | maybe(c)) != 0 {
                break;
            }
            at += 16;
        }
    }
    while let Some(&c) = b.get(at) {
        let special = match c {
            b'=' | b'\r' | b'\n' => true,
            b'-' => b.get(at + 1) == Some(&b'-'),
            _ => false,
        };
        if special {
            break;
        }
        at += 1;
    }
    at
}

/// Where the first LF in `b` is. Blocks of sixteen bytes without one are passed over with one
/// test each (vector instructions), as in `qp_run`.
fn find_newline(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    if crate::text::WIDE {
        for block in b.chunks_exact(16) {
            if block.iter().fold(0, |any, &c| any | u8::from(c == b'\n')) != 0 {
                break;
            }
            at += 16;
        }
    }
    b.get(at..)?
        .iter()
        .position(|&c| c == b'\n')
        .map(|p| at + p)
}

/// Adds one base64 sextet; every fourth completes three bytes.
#[inline(always)]
pub(super) fn push_sextet(acc: &mut u32, count: &mut u8, val: u8, buf: &mut Vec<u8>) {
    *acc = *acc << 6 | u32::from(val);
    *count += 1;
    if *count == 4 {
        buf.extend_from_slice(&acc.to_be_bytes()[1..]);
        *count = 0;
        *acc = 0;
    }
}

/// At a base64 `=`, the bytes of the sextets read so far (`count` of them in `acc`). mail-parser's
/// reading: one sextet gives one byte of its six bits.
pub(super) fn flush_base64(acc: u32, count: u8, buf: &mut Vec<u8>) {
    match count {
        1 => buf.push((acc << 2) as u8),
        2 => buf.push((acc >> 4) as u8),
        3 => buf.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => {}
    }
}

/// The value of a hexadecimal digit.
#[inline(always)]
pub(super) fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Base64 digit values; 0xff for other bytes.
pub(super) static BASE64: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut v = 0u8;
    while v < 64 {
        let ch = match v {
            0..=25 => b'A' + v,
            26..=51 => b'a' + (v - 26),
            52..=61 => b'0' + (v - 52),
            62 => b'+',
            _ => b'/',
        };
        t[ch as usize] = v;
        v += 1;
    }
    t
};

/// Where the first `--boundary` at or after `from` starts (anywhere, not only at a line start,
/// as mail-parser reads it).
fn find_delimiter(data: &[u8], from: usize, boundary: &[u8]) -> Option<usize> {
    let hay = data.get(from..)?;
    let mut needle = Vec::with_capacity(boundary.len() + 2);
    needle.extend_from_slice(b"--");
    needle.extend_from_slice(boundary);
    // `find_bytes` compares the whole needle wherever its first and last bytes fit, which a
    // hostile text can make every place: beyond a real boundary's length (RFC 2046 allows 70
    // characters), a search that is linear whatever the text.
    let at = if needle.len() <= 80 {
        crate::text::find_bytes(hay, &needle)
    } else {
        find_linear(hay, &needle)
    };
    at.map(|p| from + p)
}

/// The first occurrence of `needle` in `hay` (Knuth, Morris and Pratt): linear in both.
pub(super) fn find_linear(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    // fallback[i]: the length of the longest proper border of needle[..=i].
    let mut fallback = vec![0usize; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fallback[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fallback[i] = k;
    }
    let mut k = 0;
    for (i, &b) in hay.iter().enumerate() {
        while k > 0 && b != needle[k] {
            k = fallback[k - 1];
        }
        if b == needle[k] {
            k += 1;
            if k == needle.len() {
                return Some(i + 1 - k);
            }
        }
    }
    None
}

/// The end of the line before the delimiter at `at` (its CR LF or LF), or, when the delimiter
/// does not start a line, the delimiter itself; `start` when no line ended since.
fn part_end(data: &[u8], start: usize, at: usize) -> usize {
    // mail-parser tracks the last line end and the byte before the two dashes.
    let before = if at > start {
        data.get(at - 1).copied()
    } else {
        None
    };
    if at == start {
        // The dashes come first: the byte before them counts as a line end only when no byte
        // was read (mail-parser starts with a line end as "last byte").
        return start;
    }
    if before == Some(b'\n') {
        line_end_before(data, start, at)
    } else {
        at
    }
}

/// Where the last line end before `at` (at or after `start`) begins: its CR when CR LF.
fn line_end_before(data: &[u8], start: usize, at: usize) -> usize {
    let seg = data.get(start..at).unwrap_or_default();
    match seg.iter().rposition(|&b| b == b'\n') {
        Some(p) => {
            let nl = start + p;
            if p > 0 && data.get(nl - 1) == Some(&b'\r') {
                nl - 1
            } else {
                nl
            }
        }
        None => start,
    }
}
