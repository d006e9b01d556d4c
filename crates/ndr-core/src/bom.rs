//! Text files that start with a byte order mark: Windows "Unicode" text (UTF-16LE, which
//! classic Outlook and older Notepad write when a message is saved as text), UTF-16BE, and
//! UTF-8 with a BOM (newer Notepad's "UTF-8 with BOM").
//!
//! UTF-16 saved without a mark (some tools and scripts write it so) is known by its zero
//! bytes: in text that is mostly ASCII, as a bounce is, one byte of every pair is zero
//! (`unmarked_utf16`).
//!
//! UTF-16 needs no tables, so a build without `full_encoding` (the page) reads it too. The
//! core reads such a file as its UTF-8 text and gives evidence spans in the file's own bytes,
//! so a caller that keeps the file sees the same lines highlighted as one that shows the text.

/// What a byte order mark says about the bytes after it.
pub(crate) enum Bom<'a> {
    /// UTF-8 with a BOM: the bytes after the three-byte mark.
    Utf8(&'a [u8]),
    /// UTF-16 (little or big endian): the text, decoded; `mark` is the length of the byte
    /// order mark (2, or 0 for UTF-16 known by its zero bytes).
    Utf16 {
        text: String,
        big_endian: bool,
        mark: usize,
    },
}

/// UTF-8's BOM (U+FEFF encoded).
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The byte order mark at the start of `input`, if any, with what follows it.
pub(crate) fn read(input: &[u8]) -> Option<Bom<'_>> {
    if let Some(rest) = input.strip_prefix(UTF8_BOM) {
        return Some(Bom::Utf8(rest));
    }
    let (big_endian, mark) = match input {
        [0xFF, 0xFE, ..] => (false, 2),
        [0xFE, 0xFF, ..] => (true, 2),
        _ => (unmarked_utf16(input)?, 0),
    };
    let body = input.get(mark..).unwrap_or_default();
    Some(Bom::Utf16 {
        text: utf16(body, big_endian),
        big_endian,
        mark,
    })
}

/// How many bytes `unmarked_utf16` looks at.
const SNIFF: usize = 4096;

/// UTF-16 without a byte order mark, known by its zero bytes over the first `SNIFF` bytes:
/// `Some(big_endian)` when at least 70% of the code units are a nonzero byte and a zero one
/// in the same order (an ASCII character: a bounce's header and codes are ASCII), and every
/// unit read so decodes to a character that is no control other than a tab, a line break,
/// a form feed or an escape (no NUL, no unpaired surrogate). Text in UTF-8 or any 8-bit
/// charset has no zero bytes, so is never taken for it.
pub(crate) fn unmarked_utf16(input: &[u8]) -> Option<bool> {
    let head = input.get(..input.len().min(SNIFF)).unwrap_or_default();
    let pairs = head.as_chunks::<2>().0;
    let n = pairs.len();
    if n < 4 {
        return None;
    }
    // Every ASCII unit has a zero byte, so fewer zero bytes than 70% of the units rules both
    // byte orders out: a byte search and a count (ordinary text has no zero byte at all) instead of two passes
    // over the pairs for every input.
    if !head.contains(&0) || head.iter().filter(|&&b| b == 0).count() * 10 < n * 7 {
        return None;
    }
    let ascii = |lo: usize| {
        pairs
            .iter()
            .filter(|p| p[lo] != 0 && p[1 - lo] == 0)
            .count()
    };
    let big_endian = if ascii(0) * 10 >= n * 7 {
        false
    } else if ascii(1) * 10 >= n * 7 {
        true
    } else {
        return None;
    };
    let mut units: Vec<u16> = units(head, big_endian).collect();
    // A pair of surrogates the cut at `SNIFF` split is no fault of the text.
    if input.len() > SNIFF && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
        units.pop();
    }
    let text_like = char::decode_utf16(units).all(|c| {
        c.is_ok_and(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1b'))
    });
    text_like.then_some(big_endian)
}

/// The text of a file that starts with a UTF-16 byte order mark (FF FE or FE FF), without
/// the mark; `None` for any other bytes. An unpaired surrogate, or an odd last byte, reads as
/// U+FFFD. [`crate::diagnose`] reads such bytes the same way.
///
/// UTF-16 without a mark (`unmarked_utf16`) is read the same way.
pub fn utf16_text(bytes: &[u8]) -> Option<String> {
    match read(bytes)? {
        Bom::Utf16 { text, .. } => Some(text),
        Bom::Utf8(_) => None,
    }
}

/// The code units of `body` (after the mark) in the given byte order.
fn units(body: &[u8], big_endian: bool) -> impl Iterator<Item = u16> + '_ {
    // Pairs as arrays: no index checks, so no panic paths in the page.
    body.as_chunks::<2>().0.iter().map(move |&pair| {
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    })
}

/// The text of UTF-16 code units (no mark); an unpaired surrogate, or an odd last byte, reads
/// as U+FFFD. The Outlook reader decodes its strings with it too.
pub(crate) fn utf16(body: &[u8], big_endian: bool) -> String {
    let mut text: String = char::decode_utf16(units(body, big_endian))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Maps byte offsets in the UTF-8 text of a UTF-16 file (as `read` decoded it) to offsets in
/// the file's own bytes (a mark of `mark` bytes included), in the order given. Each offset comes with a tag the
/// caller sorts by too (see `crate::run`); `offsets` must be sorted. An offset inside a
/// character maps to that character's start, one past the end to the file's end.
pub(crate) fn utf16_offsets(
    input: &[u8],
    big_endian: bool,
    mark: usize,
    offsets: &[(usize, u32)],
) -> Vec<usize> {
    let body = input.get(mark..).unwrap_or_default();
    let mut out = Vec::with_capacity(offsets.len());
    let mut wanted = offsets.iter().peekable();
    // Where the next character starts, in the text and in the file.
    let (mut at_text, mut at_raw) = (0usize, mark);
    for c in char::decode_utf16(units(body, big_endian)) {
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        let next_text = at_text + c.len_utf8();
        while wanted.next_if(|&&(o, _)| o < next_text).is_some() {
            out.push(at_raw);
        }
        at_text = next_text;
        // A character beyond the BMP is two code units; an unpaired surrogate (read as
        // U+FFFD, three bytes of text) was one.
        at_raw += if c.len_utf16() == 2 { 4 } else { 2 };
    }
    if body.len() % 2 == 1 {
        let next_text = at_text + char::REPLACEMENT_CHARACTER.len_utf8();
        while wanted.next_if(|&&(o, _)| o < next_text).is_some() {
            out.push(at_raw);
        }
    }
    out.extend(wanted.map(|_| input.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str) -> Vec<u8> {
        let mut b = vec![0xFF, 0xFE];
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    fn be(s: &str) -> Vec<u8> {
        let mut b = vec![0xFE, 0xFF];
        b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        b
    }

    #[test]
    fn both_byte_orders_read_the_same_text() {
        let s = "宛先 user@example.jp 😀\r\n550 5.1.1";
        assert_eq!(utf16_text(&le(s)).as_deref(), Some(s));
        assert_eq!(utf16_text(&be(s)).as_deref(), Some(s));
        assert_eq!(utf16_text(b"plain"), None);
        assert_eq!(utf16_text(b"\xEF\xBB\xBFplain"), None);
        assert_eq!(utf16_text(&[0xFF, 0xFE]).as_deref(), Some(""));
    }

    #[test]
    fn broken_units_read_as_replacement_characters() {
        // A lone high surrogate, then an odd last byte.
        let bytes = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0, b'b'];
        assert_eq!(utf16_text(&bytes).as_deref(), Some("\u{fffd}a\u{fffd}"));
    }

    #[test]
    fn utf8_bom_leaves_the_bytes_after_it() {
        match read(b"\xEF\xBB\xBFabc") {
            Some(Bom::Utf8(rest)) => assert_eq!(rest, b"abc"),
            _ => panic!("not read as UTF-8 with a BOM"),
        }
        assert!(read(b"abc").is_none());
    }

    #[test]
    fn text_offsets_map_to_file_offsets() {
        let s = "a宛😀b";
        for (bytes, big_endian) in [(le(s), false), (be(s), true)] {
            // Text: a@0, 宛@1..4, 😀@4..8, b@8, end 9. File: mark 0..2, a@2, 宛@4, 😀@6, b@10, end 12.
            let got = utf16_offsets(&bytes, big_endian, 2, &tagged(&[0, 1, 2, 4, 8, 9, 50]));
            assert_eq!(got, vec![2, 4, 4, 6, 10, 12, 12]);
        }
        // An unpaired surrogate is one unit in the file and three bytes in the text.
        let bytes = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0];
        assert_eq!(
            utf16_offsets(&bytes, false, 2, &tagged(&[0, 3, 4])),
            vec![2, 4, 6]
        );
    }

    fn tagged(offsets: &[usize]) -> Vec<(usize, u32)> {
        offsets.iter().map(|&o| (o, 0)).collect()
    }

    /// Classic Outlook's text of an Exchange bounce, saved as Windows "Unicode" text.
    const SAVED: &str = "Delivery has failed to these recipients or groups:\r\n\r\njiro@example.com\r\nThe email address you entered couldn't be found.\r\n\r\nDiagnostic information for administrators:\r\n\r\nGenerating server: EX01.example.com\r\n\r\njiro@example.com\r\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\r\n";

    #[test]
    fn a_file_with_a_bom_is_diagnosed_as_its_text_with_spans_in_its_bytes() {
        let plain = crate::diagnose(SAVED.as_bytes());
        assert_eq!(plain.summary(), "550 5.1.1 userunknown - -");
        assert!(plain.evidence.iter().any(|e| e.span.is_some()));
        let utf8 = [b"\xEF\xBB\xBF".as_slice(), SAVED.as_bytes()].concat();
        for bytes in [le(SAVED), be(SAVED), utf8] {
            let d = crate::diagnose(&bytes);
            assert_eq!(d.summary(), plain.summary());
            assert_eq!(d.recipients, plain.recipients);
            assert!(d.notes.is_empty(), "{:?}", d.notes);
            assert_eq!(d.evidence.len(), plain.evidence.len());
            for e in &d.evidence {
                // Each span, cut from the file and read as the file is read, is the evidence.
                let (s, t) = e.span.expect("a span");
                let piece = bytes.get(s..t).expect("in the file");
                let read = match bytes.get(..2) {
                    Some(mark @ ([0xFF, 0xFE] | [0xFE, 0xFF])) => {
                        utf16_text(&[mark, piece].concat())
                    }
                    _ => String::from_utf8(piece.to_vec()).ok(),
                };
                assert_eq!(read.as_deref(), Some(e.text.as_str()));
            }
        }
    }
}
