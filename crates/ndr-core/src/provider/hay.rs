//! The text rules are matched against: ASCII-lowercased, whitespace runs collapsed to one
//! space, and the repeated `550-5.7.1` prefixes of multi-line replies removed, with a map
//! from every byte back to the text so a match can be shown where it was found.
//!
//! Folding and continuation prefixes are what make the same reply read differently in a
//! Postfix report, a DSN field and a mail program's window; normalising them lets one
//! rule fragment match all three.

/// A normalised stretch of a text.
pub(crate) struct Hay {
    /// Lowercase (ASCII only), single-spaced text.
    pub(crate) norm: String,
    /// Where `norm`'s bytes come from, one entry per stretch copied from consecutive bytes of
    /// the source: `(n, s)` says that `norm`'s byte `n` is the source text's byte `s`, and so
    /// are the bytes after it (`n + k` is `s + k`) up to the next entry. Most of a line is
    /// one stretch, so this is far smaller than an offset per byte and is written once per
    /// stretch, not once per byte. Offsets are `u32` (texts are read up to 4 GiB, far beyond
    /// any input).
    runs: Vec<(u32, u32)>,
}

/// Records that the next byte of `norm`, its byte `at`, is the source's byte `from`: a new
/// run unless it continues the last one.
fn mark(runs: &mut Vec<(u32, u32)>, at: usize, from: usize) {
    let (at, from) = (at as u32, from as u32);
    if let Some(&(n, s)) = runs.last() {
        if from.wrapping_sub(s) == at - n {
            return;
        }
    }
    runs.push((at, from));
}

/// A multi-line reply's prefix at `s`: `550-5.7.1 ` or `550 5.7.1 ` or `550-`. Returns the
/// reply code, whether it continues (`-`), the status (maybe empty) and the prefix length
/// including the space after it.
fn reply_prefix(s: &str) -> Option<(&str, bool, &str, usize)> {
    let b = s.as_bytes();
    if b.len() < 4 || !b[..3].iter().all(u8::is_ascii_digit) || !matches!(b[0], b'2'..=b'5') {
        return None;
    }
    let continues = match b[3] {
        b'-' => true,
        b' ' => false,
        _ => return None,
    };
    let code = &s[..3];
    let rest = &s[4..];
    let status_len = status_len(rest);
    let mut len = 4 + status_len;
    if status_len > 0 {
        match b.get(len) {
            Some(c) if c.is_ascii_whitespace() => len += 1,
            None => {}
            _ => return None,
        }
    }
    Some((code, continues, &rest[..status_len], len))
}

/// The length of an enhanced status code (`5.7.606`) at the start of `s`, or 0.
pub(crate) fn status_len(s: &str) -> usize {
    let b = s.as_bytes();
    if b.len() < 5 || !matches!(b[0], b'2' | b'4' | b'5') || b[1] != b'.' {
        return 0;
    }
    let d1 = b[2..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&d1) || b.get(2 + d1) != Some(&b'.') {
        return 0;
    }
    let d2 = b[3 + d1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&d2) {
        return 0;
    }
    let end = 3 + d1 + d2;
    // `4.16.55.1` is a version, not a status.
    match b.get(end) {
        Some(b'.') if b.get(end + 1).is_some_and(u8::is_ascii_digit) => 0,
        Some(c) if c.is_ascii_digit() => 0,
        _ => end,
    }
}

/// Header fields that only ever carry routing and signatures, never a receiver's verdict,
/// yet name hosts (`mx.mimecast.com`, `hes.trendmicro.com`) that rules would take for one.
const ROUTING_FIELDS: &[&str] = &[
    "received:",
    "dkim-signature:",
    "arc-seal:",
    "arc-message-signature:",
    "arc-authentication-results:",
    "x-ms-exchange-",
    "x-forefront-",
    "x-microsoft-antispam",
    "authentication-results:",
    "received-spf:",
];

/// Whether the line at `s` is a routing field (see `ROUTING_FIELDS`).
fn is_routing_field(s: &str) -> bool {
    let b = s.as_bytes();
    // Every routing field starts with one of these letters; most lines are turned away here.
    if !b
        .first()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), b'a' | b'd' | b'r' | b'x'))
    {
        return false;
    }
    ROUTING_FIELDS.iter().any(|f| {
        b.get(..f.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(f.as_bytes()))
    })
}

/// ASCII bytes that are not white space: what a word is mostly made of.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = !is_ascii_space(c as u8);
        c += 1;
    }
    // A colon may end a label glued to a reply ("msg:550-5.7.1"): looked at on its own.
    t[b':' as usize] = false;
    t
};

/// White space as `char::is_whitespace` sees it, for one byte of ASCII.
const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

impl Hay {
    /// Normalises `text[start..end]`; offsets in the map are offsets in `text`. Routing
    /// header fields (and their continuation lines) are left out.
    #[cfg(test)]
    pub(crate) fn new(text: &str, start: usize, end: usize) -> Hay {
        Hay::until(text, start, end, |_, _| None)
    }

    /// Like `new`, but calls `checkpoint(norm, done)` at the end of each line and at the end of
    /// the text; when it returns `Some(cut)`, the rest is never read and the result keeps only
    /// `norm[..cut]`. The text so far never changes once written, so a caller can look at each
    /// stretch once, and a cut ends the work as soon as what follows cannot matter.
    pub(crate) fn until(
        text: &str,
        start: usize,
        end: usize,
        mut checkpoint: impl FnMut(&[u8], bool) -> Option<usize>,
    ) -> Hay {
        let end = end.min(u32::MAX as usize);
        let src = text.get(start..end).unwrap_or("");
        let b = src.as_bytes();
        // Bytes, not a `String`, while it grows: whole characters are copied (ASCII letters
        // lowercased, which leaves every other byte as it is), so it is UTF-8 at the end, and
        // pushing bytes avoids a call per word.
        // Reading usually stops at the returned message, long before the end of a large text:
        // room for the usual report, growing when a text is longer.
        let room = src.len().min(8192);
        let mut norm: Vec<u8> = Vec::with_capacity(room);
        // A run starts where the text and its copy part (a collapsed space, a prefix or a
        // field left out): a few in a usual line; room for one in 64 bytes, growing beyond.
        let mut runs: Vec<(u32, u32)> = Vec::with_capacity(room / 64);
        // The reply whose continuation prefixes are being removed: (code, status).
        let mut current: Option<(&str, &str)> = None;
        let mut after_space = true;
        let mut in_routing = false;
        let mut line_start = true;
        let mut cut = None;
        let mut i = 0;
        while let Some(&byte) = b.get(i) {
            let c = if byte < 0x80 {
                byte as char
            } else {
                src.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ')
            };
            if line_start {
                line_start = false;
                // A continuation line (leading whitespace) belongs to the field above it.
                if !(in_routing && (c == ' ' || c == '\t')) {
                    in_routing = is_routing_field(&src[i..]);
                }
            }
            if in_routing && c != '\n' {
                // Nothing of a routing field is kept: go to its line end.
                i = src[i..].find('\n').map_or(b.len(), |n| i + n);
                continue;
            }
            if c.is_whitespace() {
                if norm.last().is_some_and(|&l| l != b' ') {
                    mark(&mut runs, norm.len(), start + i);
                    norm.push(b' ');
                }
                after_space = true;
                i += c.len_utf8();
                if c == '\n' {
                    line_start = true;
                    if let Some(at) = checkpoint(&norm, false) {
                        cut = Some(at);
                        break;
                    }
                }
                continue;
            }
            // A reply's first line may follow a program's label without a space (node's
            // sendmail package: "SMTP code:550 msg:550-5.7.1 ..."): its prefix starts the
            // reply whose next lines' prefixes go.
            let after_label = norm.last() == Some(&b':');
            if (after_space || after_label) && c.is_ascii_digit() {
                if let Some((code, continues, status, len)) = reply_prefix(&src[i..]) {
                    let same = current == Some((code, status));
                    if continues {
                        if same {
                            // The prefix is ASCII, so `i + len` is a character boundary.
                            i += len;
                            continue;
                        }
                        current = Some((code, status));
                    } else {
                        current = None;
                        if same {
                            i += len;
                            continue;
                        }
                    }
                }
            }
            after_space = false;
            // The rest of the word, and of the words after it while a single space parts them
            // and the next does not start with a digit (which may be a reply's prefix): all of
            // it is kept as it is, ASCII lowercased, each byte mapped to its own offset, so
            // whole stretches of a line are copied at once.
            let mut j = i + c.len_utf8();
            while let Some(&x) = b.get(j) {
                // Most bytes of a word: one table look each.
                if crate::text::WIDE && PLAIN[usize::from(x)] {
                    j += 1;
                    continue;
                }
                if x < 0x80 {
                    if x == b':' && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                        j += 1;
                        break;
                    }
                    if is_ascii_space(x) {
                        let next = b.get(j + 1).copied().unwrap_or(b' ');
                        if x == b' '
                            && next < 0x80
                            && !is_ascii_space(next)
                            && !next.is_ascii_digit()
                        {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j += 1;
                } else {
                    match src.get(j..).and_then(|r| r.chars().next()) {
                        Some(ch) if !ch.is_whitespace() => j += ch.len_utf8(),
                        _ => break,
                    }
                }
            }
            // One copy, then lowercased in place: both run over whole blocks of bytes.
            let from = norm.len();
            norm.extend_from_slice(&b[i..j]);
            norm[from..].make_ascii_lowercase();
            mark(&mut runs, from, start + i);
            i = j;
        }
        if cut.is_none() {
            cut = checkpoint(&norm, true);
        }
        let norm = String::from_utf8(norm)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let mut hay = Hay { norm, runs };
        if let Some(at) = cut {
            hay.truncate(at);
        }
        hay
    }

    /// Keeps only the first `len` bytes (rounded down to a character boundary).
    pub(crate) fn truncate(&mut self, mut len: usize) {
        while len < self.norm.len() && !self.norm.is_char_boundary(len) {
            len -= 1;
        }
        self.norm.truncate(len);
        let kept = self
            .runs
            .partition_point(|&(n, _)| (n as usize) < self.norm.len());
        self.runs.truncate(kept);
    }

    /// The byte offset in the source text of `norm`'s byte `i` (which must be below
    /// `norm.len()`).
    fn source_of(&self, i: usize) -> usize {
        let after = self.runs.partition_point(|&(n, _)| n as usize <= i);
        match after.checked_sub(1).and_then(|r| self.runs.get(r)) {
            Some(&(n, s)) => s as usize + (i - n as usize),
            None => 0,
        }
    }

    /// The range in the source text of the normalised range `[start, end)`.
    pub(crate) fn to_text(&self, start: usize, end: usize) -> (usize, usize) {
        let Some(last) = self.norm.len().checked_sub(1) else {
            return (0, 0);
        };
        let s = self.source_of(start.min(last));
        let e = if end == 0 {
            s
        } else {
            self.source_of((end - 1).min(last)) + 1
        };
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_space_and_continuations() {
        let text = "said: 550-5.7.25\n    [192.0.2.202] The IP address does not have a 550-5.7.25 PTR\n    record. 550 5.7.25 https://x - gsmtp\nDiagnostic-Code: smtp; 550-5.7.25 [192.0.2.202] The";
        let hay = Hay::new(text, 0, text.len());
        assert_eq!(
            hay.norm,
            "said: 550-5.7.25 [192.0.2.202] the ip address does not have a ptr record. https://x - gsmtp diagnostic-code: smtp; 550-5.7.25 [192.0.2.202] the"
        );
        let at = hay.norm.find("ptr record").unwrap();
        let (s, e) = hay.to_text(at, at + "ptr record".len());
        assert_eq!(&text[s..e], "PTR\n    record");
    }

    /// The normalisation written the plain way, a character at a time: what `Hay::until` must
    /// produce, however it gets there.
    fn reference(text: &str, start: usize, end: usize) -> (String, Vec<usize>) {
        let src = text.get(start..end).unwrap_or("");
        let mut norm = String::new();
        let mut map = Vec::new();
        let mut current: Option<(&str, &str)> = None;
        let mut after_space = true;
        let mut skip_to = 0;
        let mut in_routing = false;
        let mut line_start = true;
        for (i, c) in src.char_indices() {
            if i < skip_to {
                continue;
            }
            if line_start {
                line_start = false;
                if !(in_routing && (c == ' ' || c == '\t')) {
                    in_routing = is_routing_field(&src[i..]);
                }
            }
            if c == '\n' {
                line_start = true;
            }
            if in_routing && c != '\n' {
                continue;
            }
            if c.is_whitespace() {
                if !norm.is_empty() && !norm.ends_with(' ') {
                    norm.push(' ');
                    map.push(start + i);
                }
                after_space = true;
                continue;
            }
            // After a label's colon too, as `Hay::until` reads it.
            let after_label = norm.ends_with(':');
            if (after_space || after_label) && c.is_ascii_digit() {
                if let Some((code, continues, status, len)) = reply_prefix(&src[i..]) {
                    let same = current == Some((code, status));
                    if continues {
                        if same {
                            skip_to = i + len;
                            continue;
                        }
                        current = Some((code, status));
                    } else {
                        current = None;
                        if same {
                            skip_to = i + len;
                            continue;
                        }
                    }
                }
            }
            after_space = false;
            for k in 0..c.len_utf8() {
                map.push(start + i + k);
            }
            norm.push(c.to_ascii_lowercase());
        }
        (norm, map)
    }

    #[test]
    fn agrees_with_the_plain_normalisation() {
        let pieces = [
            "550-5.7.1 ",
            "550 5.7.1 ",
            "550-",
            "550 ",
            "5.7.1",
            "Received: from x\n",
            "\n\tby y\n",
            "DKIM-Signature: a\n",
            "X-MS-Exchange-Foo: b\n",
            "host ",
            "said:",
            "Blocked",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{3000}",
            "\u{a0}",
            "\u{85}",
            "\u{b}",
            "日本語",
            "é",
            "1",
            "25",
            "4.16.55.1",
            "x",
            "[192.0.2.1]",
            "-",
            ".",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..2000 {
            let count = next(30);
            let text: String = (0..count).map(|_| pieces[next(pieces.len())]).collect();
            let start = if next(4) == 0 { text.len().min(3) } else { 0 };
            let start = (0..=start)
                .rev()
                .find(|&s| text.is_char_boundary(s))
                .unwrap_or(0);
            let hay = Hay::new(&text, start, text.len());
            let (norm, map) = reference(&text, start, text.len());
            assert_eq!(hay.norm, norm, "{text:?}");
            let hay_map: Vec<usize> = (0..hay.norm.len()).map(|i| hay.source_of(i)).collect();
            assert_eq!(hay_map, map, "{text:?}");
            // A cut keeps the map of what is left.
            let mut cut = Hay::new(&text, start, text.len());
            let keep = next(hay.norm.len() + 1);
            cut.truncate(keep);
            let cut_map: Vec<usize> = (0..cut.norm.len()).map(|i| cut.source_of(i)).collect();
            assert_eq!(cut_map, map[..cut.norm.len()], "{text:?} cut at {keep}");
        }
    }

    #[test]
    fn statuses() {
        assert_eq!(status_len("5.7.606 x"), 7);
        assert_eq!(status_len("4.16.55.1"), 0);
        assert_eq!(status_len("5.7.1"), 5);
        assert_eq!(status_len("5.7."), 0);
        assert_eq!(status_len("3.1.1"), 0);
    }

    #[test]
    fn multibyte_text_maps_back() {
        let text = "送信元　IPアドレス 192.0.2.1";
        let hay = Hay::new(text, 0, text.len());
        let at = hay.norm.find("ipアドレス").unwrap();
        let (s, e) = hay.to_text(at, at + "ipアドレス".len());
        assert_eq!(&text[s..e], "IPアドレス");
    }
}
