//! Small string matchers shared by the decoders: no regex, linear, never panicking.

/// Whether sixteen bytes tested at once without a branch cost about one step, as they do
/// where the compiler has vector instructions (every native target, and wasm32 built with
/// `simd128`). Plain WebAssembly, the web page, tests them one by one, sixteen times over:
/// there most block tests that only pass over text are left out, and so are the byte tables
/// that only save a comparison or two, since every byte of code counts against the page's
/// size budget. (`find_bytes` and `find_ci` keep theirs: without them the page's own
/// throughput test ran slower.) The plain loops that remain give the same results.
pub(crate) const WIDE: bool = cfg!(any(not(target_arch = "wasm32"), target_feature = "simd128"));

/// Sixteen bytes as one value, for the block tests where `WIDE` holds. Each operation works
/// lane by lane on a whole array, and values the loop reuses (`splat`) are made once before
/// it, so the compiler keeps each operation one vector instruction. Written as folds over the
/// text's bytes instead, tests of several needles at once were vectorised across the needles
/// (shuffles, four to ten times the instructions), and a needle's byte captured by a closure
/// was broadcast anew for every block.
#[derive(Clone, Copy)]
pub(crate) struct Block([u8; 16]);

impl Block {
    /// Every lane `x`.
    #[inline(always)]
    pub(crate) fn splat(x: u8) -> Block {
        Block([x; 16])
    }

    /// The sixteen bytes of `b`.
    #[inline(always)]
    pub(crate) fn of(b: &[u8; 16]) -> Block {
        Block(*b)
    }

    /// 0xFF where the lanes are equal, else 0.
    #[inline(always)]
    pub(crate) fn eq(self, o: Block) -> Block {
        let mut r = [0u8; 16];
        for ((r, &a), &b) in r.iter_mut().zip(&self.0).zip(&o.0) {
            *r = if a == b { 0xFF } else { 0 };
        }
        Block(r)
    }

    #[inline(always)]
    pub(crate) fn and(self, o: Block) -> Block {
        let mut r = [0u8; 16];
        for ((r, &a), &b) in r.iter_mut().zip(&self.0).zip(&o.0) {
            *r = a & b;
        }
        Block(r)
    }

    #[inline(always)]
    pub(crate) fn or(self, o: Block) -> Block {
        let mut r = [0u8; 16];
        for ((r, &a), &b) in r.iter_mut().zip(&self.0).zip(&o.0) {
            *r = a | b;
        }
        Block(r)
    }

    /// The sixteen lanes.
    #[inline(always)]
    pub(crate) fn bytes(self) -> [u8; 16] {
        self.0
    }

    /// Whether any lane is not zero.
    #[inline(always)]
    pub(crate) fn any(self) -> bool {
        self.0.iter().fold(0, |s, &v| s | v) != 0
    }
}

/// True when `hay` contains any of `needles`.
pub(crate) fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains(hay, n))
}

/// True when every needle occurs in `hay`, each one after the end of the previous one.
pub(crate) fn aligned(hay: &str, needles: &[&str]) -> bool {
    let mut from = 0;
    for n in needles {
        match hay.get(from..).and_then(|rest| find(rest, n)) {
            Some(p) => from += p + n.len(),
            None => return false,
        }
    }
    true
}

/// True when any of the needle sequences is `aligned` in `hay`.
pub(crate) fn aligned_any(hay: &str, sets: &[&[&str]]) -> bool {
    sets.iter().any(|s| aligned(hay, s))
}

/// Where the first of `needles` occurs in `hay`: the leftmost position at which any of them
/// starts, with the index of the first needle (in list order) that starts there. The same as
/// the least `hay.find(needle)` over all of them, in one pass: a position is compared only
/// when its byte starts some needle.
pub(crate) fn find_earliest(hay: &str, needles: &[&str]) -> Option<(usize, usize)> {
    if needles.iter().any(|n| n.is_empty()) {
        // `find("")` is 0; rare enough to answer the plain way.
        return needles
            .iter()
            .enumerate()
            .filter_map(|(k, n)| hay.find(n).map(|p| (p, k)))
            .min();
    }
    let mut starts = [false; 256];
    // The needles' first bytes, up to four of them (every list in this crate has fewer).
    let mut firsts = [None; 4];
    let mut few = true;
    for n in needles {
        let f = n.as_bytes()[0];
        if !starts[f as usize] {
            starts[f as usize] = true;
            if !WIDE {
                continue;
            }
            match firsts.iter_mut().find(|s| s.is_none()) {
                Some(slot) => *slot = Some(f),
                None => few = false,
            }
        }
    }
    let h = hay.as_bytes();
    let at = |i: usize| {
        let rest = h.get(i..)?;
        // The first byte before the whole needle: most needles start otherwise, and a byte
        // compare costs less than a call to compare slices.
        let first = rest.first();
        needles
            .iter()
            .position(|n| n.as_bytes().first() == first && rest.starts_with(n.as_bytes()))
            .map(|k| (i, k))
    };
    let mut i = 0;
    if few && WIDE {
        // Sixteen bytes at a time without a branch (vector instructions): a block without a
        // needle's first byte is passed over at once. An unused slot repeats a used one.
        let f = firsts.map(|s| s.or(firsts[0]).unwrap_or(0));
        while let Some(block) = h.get(i..i + 16) {
            let any = block.iter().fold(false, |any, &c| {
                any | (c == f[0]) | (c == f[1]) | (c == f[2]) | (c == f[3])
            });
            if any {
                if let Some(found) =
                    (i..i + 16).find_map(|j| if starts[h[j] as usize] { at(j) } else { None })
                {
                    return Some(found);
                }
            }
            i += 16;
        }
    }
    // A needle is UTF-8, so a byte-wise match starts at a character boundary of `hay`.
    (i..h.len()).find_map(|j| if starts[h[j] as usize] { at(j) } else { None })
}

/// True when `hay` starts with any of `prefixes`.
pub(crate) fn starts_with_any(hay: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| hay.starts_with(p))
}

/// The text between the first `open` and the next `close` after it (`close` empty: to the end).
pub(crate) fn between<'a>(hay: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = find(hay, open)? + open.len();
    let rest = hay.get(start..)?;
    if close.is_empty() {
        return Some(rest);
    }
    let end = find(rest, close)?;
    rest.get(..end)
}

/// Collapses runs of white space to one space, trims, and cuts a trailing MIME boundary
/// (`" --boundary"`) that leaked into a diagnostic text.
pub(crate) fn sweep(s: &str) -> String {
    let mut out = collapse_white(s);
    // A boundary line glued onto the text ("... User unknown --=_NextPart_01") is not part of
    // the message; a separator written by a person ("-- ") is kept.
    if let Some(p) = find_bytes(out.as_bytes(), b" --") {
        if find_bytes(out.as_bytes(), b"-- ").is_none()
            && !is_heading_rule(&out[p + 1..])
            && !is_arrow(&out[p + 1..])
        {
            out.truncate(p);
        }
    }
    out
}

/// True when `rest` (from a run of dashes on) is an arrow (`-->`), not a MIME boundary: a
/// verifier's or a client's trace writes "mx.example.net:25 --> 554 5.7.1 ...", and `>` is no
/// character of a boundary (RFC 2046, section 5.1.1, `bchars`).
fn is_arrow(rest: &str) -> bool {
    rest.trim_start_matches('-').starts_with('>')
}

/// True when `rest` (from a run of dashes on) is a heading's rule with words after it, not a
/// MIME boundary: Sendmail's "----- The following addresses had permanent fatal errors
/// -----(reason: 550 Unknown user" once a paste joined its lines. A boundary is one token of
/// letters, digits, `=`, `_` and `.`; a heading's words go on after a space.
fn is_heading_rule(rest: &str) -> bool {
    let words = rest.trim_start_matches('-');
    rest.len() - words.len() >= 5
        && words.contains(' ')
        && words
            .split(' ')
            .next()
            .is_some_and(|w| !w.contains(['=', '_']))
}

/// `s` with runs of white space as one space, trimmed: the first half of `sweep`.
fn collapse_white(s: &str) -> String {
    // Most texts are ASCII with single spaces between words: once trimmed of ASCII white
    // space, they are their own result. Two passes without a branch (vector instructions)
    // tell; anything else (a tab, a line end, two spaces, a non-ASCII byte) takes the walk.
    if WIDE {
        let t = s.trim_matches(|c: char| matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' '));
        let tb = t.as_bytes();
        let odd = tb.iter().fold(false, |any, &c| {
            any | (c >= 0x80)
                | (c == b'\t')
                | (c == b'\n')
                | (c == 0x0B)
                | (c == 0x0C)
                | (c == b'\r')
        });
        let doubled = tb
            .iter()
            .zip(tb.iter().skip(1))
            .fold(false, |any, (&x, &y)| any | ((x == b' ') & (y == b' ')));
        if !odd && !doubled {
            return t.to_string();
        }
    }
    let b = s.as_bytes();
    // Bytes while it grows: whole characters are copied, so it is UTF-8 at the end, and a word
    // is copied at once instead of a character at a time.
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let (white, len) = char_at(s, i);
        if white {
            space = true;
            i += len;
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        let mut j = i + len;
        while j < b.len() {
            let (white, len) = char_at(s, j);
            if white {
                break;
            }
            j += len;
        }
        out.extend_from_slice(&b[i..j]);
        i = j;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Whether the character at byte `i` of `s` (a character boundary) is white space as
/// `char::is_whitespace` sees it, and its length in bytes.
fn char_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes().get(i) {
        Some(&x) if x < 0x80 => (matches!(x, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '), 1),
        _ => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
    }
}

/// `String::from_utf8_lossy`, with valid UTF-8 (nearly every input) checked by the faster
/// validation of `str::from_utf8` first.
pub(crate) fn lossy(b: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(b),
    }
}

/// ASCII lowercase copy.
pub(crate) fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Byte offset of `needle` in `hay`, ASCII case-insensitively.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let (Some(&first), Some(&last)) = (n.first(), n.last()) else {
        return Some(0);
    };
    let span = n.len() - 1;
    let last_start = h.len().checked_sub(n.len())?;
    // Candidates are positions whose byte is the needle's first in either case, and whose
    // byte a needle's length further on is its last in either case (for a byte that is no
    // letter, both cases are the byte itself). Sixteen positions are tested at a time without
    // a branch, which the compiler turns into vector instructions, so text without a
    // candidate is passed over quickly (blocks as in `find_bytes`). Written as one byte with
    // bit 5 set (`x | 0x20 == first | 0x20`), the same test made the compiler pair each
    // position's two bytes into shuffled vectors: half as many instructions again per block.
    let (f1, f2) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let (l1, l2) = (last.to_ascii_lowercase(), last.to_ascii_uppercase());
    // A plain loop, not `Iterator::find`: that one was a call the block loop handed its bytes
    // to by reference, so they were loaded and broadcast again for every block.
    let find_in = |from: usize, to: usize| {
        let mut j = from;
        while j < to {
            if let (Some(&x), Some(&y)) = (h.get(j), h.get(j + span)) {
                if (x == f1 || x == f2)
                    && (y == l1 || y == l2)
                    && h.get(j..j + n.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(n))
                {
                    return Some(j);
                }
            }
            j += 1;
        }
        None
    };
    let mut i = 0;
    let ends = h.get(span..).unwrap_or_default();
    for (a, b) in h.chunks_exact(16).zip(ends.chunks_exact(16)) {
        let any = a.iter().zip(b).fold(0u8, |any, (&x, &y)| {
            any | (u8::from((x == f1) | (x == f2)) & u8::from((y == l1) | (y == l2)))
        });
        if any != 0 {
            if let Some(at) = find_in(i, i + 16) {
                return Some(at);
            }
        }
        i += 16;
    }
    find_in(i, last_start + 1)
}

/// True when `hay` starts with `prefix`, ASCII case-insensitively.
pub(crate) fn starts_with_ci(hay: &str, prefix: &str) -> bool {
    hay.len() >= prefix.len()
        && hay.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// `line` with the ideographic space (U+3000) and the full-width colon (U+FF1A) written as
/// their ASCII forms, so that a label typed or translated in Japanese ("リモート　サーバー：")
/// compares like the ASCII one. Borrowed when there is nothing to change.
pub(crate) fn halfwidth(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains(['\u{3000}', '\u{ff1a}']) {
        std::borrow::Cow::Owned(line.replace('\u{3000}', " ").replace('\u{ff1a}', ":"))
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// True when `s` is non-empty and all ASCII digits.
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The value after `name:` when `line` is a header-like field with that name (case-insensitive).
pub(crate) fn field_value<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let rest = line.get(name.len()..)?;
    if starts_with_ci(line, name) && rest.starts_with(':') {
        rest.get(1..).map(str::trim)
    } else {
        None
    }
}

/// Position of `needle` in `hay` (bytes, not necessarily UTF-8): the first occurrence, as
/// `str::find` gives it. Candidates are positions whose byte is the needle's first and whose
/// byte a needle's length further on is its last; sixteen positions are tested at a time
/// without a branch, which the compiler turns into vector instructions, and only candidates
/// are compared in full. Short texts and needles cost no set-up, unlike the standard
/// library's searcher, which most of this crate's searches would spend more time building
/// than running.
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, &last) = match (needle.first(), needle.last()) {
        (Some(f), Some(l)) => (f, l),
        _ => return Some(0),
    };
    let span = needle.len() - 1;
    let last_start = hay.len().checked_sub(needle.len())?;
    let fits = |i: usize| hay.get(i..i + needle.len()) == Some(needle);
    let find_in = |from: usize, to: usize| {
        (from..to).find(|&j| hay[j] == first && hay[j + span] == last && fits(j))
    };
    // Block `k` pairs the sixteen starts from `16 * k` with the bytes a needle's length further
    // on; exact chunks of both need no bounds checks, and the last block's starts are all at
    // most `last_start`.
    let mut i = 0;
    let ends = hay.get(span..).unwrap_or_default();
    for (a, b) in hay.chunks_exact(16).zip(ends.chunks_exact(16)) {
        let any = a.iter().zip(b).fold(0u8, |any, (&x, &y)| {
            any | (u8::from(x == first) & u8::from(y == last))
        });
        if any != 0 {
            if let Some(at) = find_in(i, i + 16) {
                return Some(at);
            }
        }
        i += 16;
    }
    find_in(i, last_start + 1)
}

/// `hay.find(needle)` (see `find_bytes`): a UTF-8 needle found byte-wise in UTF-8 text starts
/// at a character boundary.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// `hay.match_indices(needle)`'s offsets (from the left, not overlapping), by `find_bytes`:
/// no Two-Way searcher built for each text. An empty needle finds nothing.
pub(crate) fn find_all<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + find(hay.get(from..)?, needle).filter(|_| !needle.is_empty())?;
        from = at + needle.len();
        Some(at)
    })
}

/// `hay.contains(needle)`, by `find_bytes`. For a line or a reply, use this: `str::contains`
/// builds a Two-Way searcher (some hundreds of instructions) when the text is shorter than
/// its vector search needs, which is most lines. For a whole body, the standard library's
/// vector search is the faster one.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    find_bytes(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// Cuts `s` to at most `max` bytes on a character boundary.
pub(crate) fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `s.lines()`: the lines of `s`, split at `\n`, each without its `\n` or `\r\n`. Where
/// `WIDE` holds, the line ends of sixteen bytes at a time are found as one bit mask (vector
/// instructions), so a line costs a few instructions instead of a character search each
/// (the standard library's, set up anew for every line; header blocks and reports are
/// mostly short lines). Elsewhere it is `str::lines` itself (the same condition as `WIDE`,
/// as an attribute, so that plain wasm32 carries no second line reader).
#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
pub(crate) fn lines(s: &str) -> impl Iterator<Item = &str> {
    let mut state = Lines {
        s,
        start: 0,
        next: 0,
        base: 0,
        mask: 0,
    };
    std::iter::from_fn(move || state.next())
}

/// `s.lines()` (see the other `lines`).
#[cfg(not(any(not(target_arch = "wasm32"), target_feature = "simd128")))]
pub(crate) fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
}

/// The state of `lines` where `WIDE` holds.
#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
struct Lines<'a> {
    s: &'a str,
    /// Where the next line starts (past the end when none is left).
    start: usize,
    /// The first byte not yet in a mask.
    next: usize,
    /// Where the bytes of `mask` start.
    base: usize,
    /// The line ends not yet given, bit `k` for byte `base + k`.
    mask: u16,
}

#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
impl<'a> Lines<'a> {
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        loop {
            if self.mask != 0 {
                let end = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                // A `\n` is a whole character: both ends are character boundaries.
                let line = self.s.get(self.start..end)?;
                self.start = end + 1;
                return Some(line.strip_suffix('\r').unwrap_or(line));
            }
            if self.next >= b.len() {
                // The last line, when it has no `\n` of its own (its `\r` is kept, as
                // `str::lines` keeps it).
                let line = self.s.get(self.start..).filter(|l| !l.is_empty());
                self.start = b.len() + 1;
                return line;
            }
            let block = b.get(self.next..).unwrap_or_default();
            let block = block.get(..16).unwrap_or(block);
            self.mask = match <&[u8; 16]>::try_from(block) {
                Ok(full) => full
                    .iter()
                    .enumerate()
                    .fold(0u16, |m, (k, &c)| m | (u16::from(c == b'\n') << k)),
                Err(_) => block
                    .iter()
                    .enumerate()
                    .fold(0u16, |m, (k, &c)| m | (u16::from(c == b'\n') << k)),
            };
            self.base = self.next;
            self.next += block.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_str_lines() {
        // Every text of up to six characters from a small alphabet of line ends, letters and
        // a two-byte character, and longer ones across the sixteen-byte blocks.
        let alphabet = ["a", "\n", "\r", "é", "\r\n"];
        let mut texts = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..6 {
            let mut grown = Vec::new();
            for t in &frontier {
                for a in alphabet {
                    grown.push(format!("{t}{a}"));
                }
            }
            texts.extend(grown.iter().cloned());
            frontier = grown;
        }
        for n in 0..70 {
            let long: String = (0..n)
                .map(|k| match k % 7 {
                    3 => '\n',
                    5 if k % 3 == 0 => '\r',
                    6 => 'é',
                    _ => 'x',
                })
                .collect();
            texts.push(long.clone());
            texts.push(format!("{long}\n"));
            texts.push(format!("{long}\r"));
            texts.push("y".repeat(n) + "\r\n" + &long);
        }
        for t in &texts {
            let want: Vec<&str> = t.lines().collect();
            let got: Vec<&str> = lines(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn aligned_needs_order() {
        assert!(aligned("mailbox is full", &["mailbox ", "full"]));
        assert!(!aligned("full mailbox ", &["mailbox ", "full"]));
        assert!(aligned("x", &[]));
    }

    #[test]
    fn sweep_collapses_and_cuts_boundaries() {
        assert_eq!(sweep("  a \t b\n c  "), "a b c");
        assert_eq!(sweep("User unknown --=_boundary"), "User unknown");
        assert_eq!(sweep("see -- this"), "see -- this");
        // A heading's rule with words after it stays; an Outlook-style boundary goes.
        assert_eq!(
            sweep("fatal errors -----(reason: 550 Unknown user"),
            "fatal errors -----(reason: 550 Unknown user"
        );
        assert_eq!(
            sweep("User unknown ------=_NextPart_000_01 x"),
            "User unknown"
        );
        assert_eq!(
            sweep("User unknown ---------- x"),
            "User unknown ---------- x"
        );
        // A trace's arrow is no boundary.
        assert_eq!(
            sweep("mx.example.net:25 --> 554 5.7.1 rejected"),
            "mx.example.net:25 --> 554 5.7.1 rejected"
        );
    }

    #[test]
    fn halfwidth_labels() {
        assert_eq!(
            halfwidth("リモート\u{3000}サーバー\u{ff1a} mx"),
            "リモート サーバー: mx"
        );
        assert!(matches!(
            halfwidth("plain: x"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// `find_bytes` against the plain search, at every offset near the block edges.
    #[test]
    fn find_bytes_is_the_first_occurrence() {
        let naive = |h: &[u8], n: &[u8]| -> Option<usize> {
            if n.is_empty() {
                return Some(0);
            }
            (0..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
        };
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..4000 {
            let hay: Vec<u8> = (0..next(70)).map(|_| b"ab-\n"[next(4)]).collect();
            let needle: Vec<u8> = (0..next(5)).map(|_| b"ab-\n"[next(4)]).collect();
            assert_eq!(
                find_bytes(&hay, &needle),
                naive(&hay, &needle),
                "{hay:?} {needle:?}"
            );
        }
        let long = format!("{}550 5.1.1 user unknown", "x".repeat(40));
        for cut in 0..long.len() {
            for needle in ["user unknown", "5", "550 5", "n", "unknown", "xx", "zz"] {
                let hay = &long[cut..];
                assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
                assert_eq!(contains(hay, needle), hay.contains(needle));
            }
        }
        assert_eq!(find("日本語のテキスト", "テキ"), Some(12));
    }

    #[test]
    fn find_all_is_match_indices() {
        let cases = [
            (" at at at ", " at "),
            ("550 550550 x550", "550"),
            ("aaaa", "aa"),
            ("日本 at 語 at", " at"),
            ("", "x"),
            ("x", "xy"),
        ];
        for (hay, needle) in cases {
            let want: Vec<usize> = hay.match_indices(needle).map(|(p, _)| p).collect();
            assert_eq!(
                find_all(hay, needle).collect::<Vec<_>>(),
                want,
                "{hay:?} {needle:?}"
            );
        }
        assert_eq!(find_all("abc", "").next(), None);
    }

    #[test]
    fn finds_bytes() {
        assert_eq!(find_bytes(b"a--b--c--", b"--c"), Some(4));
        assert_eq!(find_bytes(b"abc", b""), Some(0));
        assert_eq!(find_bytes(b"ab", b"abc"), None);
        assert_eq!(find_bytes(b"\xff\x1b$B", b"\x1b$B"), Some(1));
    }

    #[test]
    fn sweep_matches_a_character_by_character_reference() {
        fn reference(s: &str) -> String {
            let mut out = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    space = true;
                } else {
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                }
            }
            if let Some(p) = out.find(" --") {
                if !out.contains("-- ") {
                    out.truncate(p);
                }
            }
            out
        }
        for s in [
            "",
            "   ",
            "a",
            " 550\u{3000}5.1.1\u{a0}user\u{85}unknown\u{2028} ",
            "x\u{b}y\u{c}z\r\n\tw",
            "User unknown --=_NextPart -- sig",
            "User unknown --=_NextPart",
            "日本語　のテキスト  です --b",
            "\u{1c}\u{1f}ctl",
            // Single-spaced ASCII (the quick way), with and without white space around it.
            "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown",
            "  550 5.1.1 user unknown \r\n",
            "550  5.1.1",
            "a b -- c",
        ] {
            assert_eq!(sweep(s), reference(s), "{s:?}");
        }
    }

    #[test]
    fn earliest_needle_is_the_least_find() {
        let naive = |hay: &str, needles: &[&str]| {
            needles
                .iter()
                .enumerate()
                .filter_map(|(k, n)| hay.find(n).map(|p| (p, k)))
                .min()
        };
        let hays = [
            "",
            "--- Below this line is a copy\n------ This is a copy of the message",
            "Content-Type: message/rfc822\n\nContent-Type: text/rfc822-headers",
            "日本語 --- 元のメッセージ --- x",
            "ab",
            // Longer than a block of sixteen, with matches across block edges and at the end.
            "0123456789abcde--- Below the line, 0123456789abcdef xyz abc",
            "0123456789ABCDEF0123456789abcdeb",
        ];
        let lists: &[&[&str]] = &[
            // More first bytes than the block test takes: the plain way.
            &["a", "b", "c", "d", "xyz"],
            &[
                "------ This is a copy",
                "--- Below this line",
                "Content-Type: message/rfc822",
            ],
            &[
                "Content-Type: text/rfc822-headers",
                "Content-Type: message/rfc822",
            ],
            &["--- ", "--- Below"],
            &["元のメッセージ", "x"],
            &["b", ""],
            &["abc"],
        ];
        for hay in hays {
            for needles in lists {
                assert_eq!(
                    find_earliest(hay, needles),
                    naive(hay, needles),
                    "{hay:?} {needles:?}"
                );
            }
        }
    }

    #[test]
    fn find_ci_is_the_first_case_blind_match() {
        let naive = |hay: &str, needle: &str| {
            let (h, n) = (hay.as_bytes(), needle.as_bytes());
            (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
        };
        let hays = [
            "",
            "x",
            "Final-Recipient: rfc822; a@example.org",
            "a long line without it, a long line without it, a long line without it; FINAL-RECIPIENT",
            "\r-\r- -- -\u{d}---x-unix X-UNIX",
            "日本語のテキスト final-recipient 日本語",
            "final-recipienfinal-recipient",
        ];
        for hay in hays {
            for needle in [
                "final-recipient",
                "x-unix",
                "-",
                "\r",
                "t",
                "",
                "日本",
                "nope",
            ] {
                assert_eq!(
                    find_ci(hay, needle),
                    naive(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
        // Every offset, near block edges too.
        let long = format!("{}Diagnostic-Code", "y".repeat(40));
        for cut in 0..long.len() {
            let hay = &long[cut..];
            assert_eq!(
                find_ci(hay, "diagnostic-code"),
                naive(hay, "diagnostic-code")
            );
        }
    }

    #[test]
    fn helpers_never_panic_on_multibyte() {
        assert_eq!(clip("日本語", 4), "日");
        assert_eq!(find_ci("ÄB user UNKNOWN", "user unknown"), Some(4));
        assert_eq!(between("a <b> c", "<", ">"), Some("b"));
        assert_eq!(field_value("Status: 5.1.1", "status"), Some("5.1.1"));
        assert_eq!(field_value("Statu", "status"), None);
        assert_eq!(field_value("日本語日本語", "status"), None);
    }
}
