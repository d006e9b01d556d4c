//! Finding many fixed strings in one pass over a text.
//!
//! The reason tables hold about a thousand message fragments and the provider tables a
//! hundred more. Searching for each one with `str::contains` costs a searcher set-up per
//! fragment and a scan per fragment; one pass that looks up the two bytes at each position
//! finds all of them at once, in time linear in the text (plus the few candidates that share
//! a two-byte start).
//!
//! Most positions are turned away by one load from a 64 Kbit map of the four-byte starts of
//! the patterns, hashed (8 KiB, so it stays in the first-level cache; patterns shorter than
//! four bytes have a map of their two-byte starts). The few positions left look their first two
//! bytes up in a map of the two-byte starts that occur, ranked into a short list of offsets:
//! 20 to 28 KiB per set instead of a 256 KiB table indexed by every possible key.

/// A set of byte strings, each at least two bytes long, with their ids (their index in the
/// list given to `new`).
pub(crate) struct PatternSet {
    patterns: Vec<&'static [u8]>,
    /// Bit `hash4(w)` is set when a pattern of four bytes or more starts with the bytes `w`,
    /// or one of three bytes with the first three bytes of `w`.
    long_starts: Box<[u64; KEY_WORDS]>,
    /// Bit `k` is set when a pattern of two bytes is the bytes of key `k`; `None` when there
    /// is no such pattern.
    short_starts: Option<Box<[u64; KEY_WORDS]>>,
    /// Bit `k` is set when some pattern starts with the two bytes of key `k`.
    starts: Box<[u64; KEY_WORDS]>,
    /// `rank[w]`: how many bits are set in `starts[..w]`, so a key's bucket is found in
    /// constant time.
    rank: Box<[u32; KEY_WORDS]>,
    /// `ids[offsets[r]..offsets[r + 1]]` are the patterns in the bucket of the `r`-th key.
    offsets: Vec<u32>,
    ids: Vec<u32>,
    /// Per entry of `ids`: the pattern's first eight bytes (little-endian, zero-padded) and the
    /// mask of those it has, so one comparison settles most candidates.
    heads: Vec<(u64, u64)>,
}

/// Up to eight bytes from `b[i..]` as a little-endian word, zero-padded.
fn head8(b: &[u8], i: usize) -> u64 {
    let rest = b.get(i..).unwrap_or(&[]);
    // Eight bytes in view (nearly always): one load, not a copy of a variable length.
    if let Some(w) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(*w);
    }
    let mut w = [0u8; 8];
    let n = rest.len().min(8);
    w[..n].copy_from_slice(&rest[..n]);
    u64::from_le_bytes(w)
}

/// Which patterns of a set occur in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hits {
    bits: Vec<u64>,
}

impl Hits {
    /// True when pattern `id` occurs.
    pub(crate) fn has(&self, id: u32) -> bool {
        self.bits
            .get(id as usize / 64)
            .is_some_and(|w| w & (1u64 << (id % 64)) != 0)
    }

    /// True when any pattern of `set` occurs (see `masks`).
    pub(crate) fn any_of(&self, set: &[(usize, u64)]) -> bool {
        set.iter()
            .any(|&(word, mask)| self.bits.get(word).is_some_and(|w| w & mask != 0))
    }
}

/// Pattern ids as (word, bits) pairs of a `Hits` bit set, for `Hits::any_of`: a list of ids
/// tested with one AND per sixty-four of them instead of one test each.
pub(crate) fn masks(ids: &[u32]) -> Vec<(usize, u64)> {
    let mut out: Vec<(usize, u64)> = Vec::new();
    for &id in ids {
        let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
        match out.iter_mut().find(|(w, _)| *w == word) {
            Some((_, m)) => *m |= bit,
            None => out.push((word, bit)),
        }
    }
    out
}

const KEY_WORDS: usize = 65536 / 64;

fn key(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

/// A 16-bit hash of four bytes (Fibonacci hashing: the high bits of a multiplication mix all
/// of them).
fn hash4(b: [u8; 4]) -> usize {
    (u32::from_le_bytes(b).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

fn bit_set(map: &[u64; KEY_WORDS], k: usize) -> bool {
    map[k / 64] & (1u64 << (k % 64)) != 0
}

impl PatternSet {
    /// Builds the set. Patterns shorter than two bytes are never found.
    pub(crate) fn new(patterns: Vec<&'static [u8]>) -> PatternSet {
        let mut keyed: Vec<(usize, u32)> = patterns
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match p {
                [a, b, ..] => Some((key(*a, *b), i as u32)),
                _ => None,
            })
            .collect();
        keyed.sort_unstable();
        let mut starts = Box::new([0u64; KEY_WORDS]);
        for &(k, _) in &keyed {
            starts[k / 64] |= 1u64 << (k % 64);
        }
        let mut long_starts = Box::new([0u64; KEY_WORDS]);
        let mut short_starts: Option<Box<[u64; KEY_WORDS]>> = None;
        for p in &patterns {
            match **p {
                [a, b, c, d, ..] => {
                    let h = hash4([a, b, c, d]);
                    long_starts[h / 64] |= 1u64 << (h % 64);
                }
                // A pattern of three bytes starts wherever its bytes stand, whatever the byte
                // after them: all 256 of its four-byte starts are marked, so that the one map
                // serves it too and no position looks in a second map for it (the provider
                // index's only short patterns have three bytes).
                [a, b, c] => {
                    for d in 0..=u8::MAX {
                        let h = hash4([a, b, c, d]);
                        long_starts[h / 64] |= 1u64 << (h % 64);
                    }
                }
                [a, b] => {
                    let k = key(a, b);
                    let map = short_starts.get_or_insert_with(|| Box::new([0u64; KEY_WORDS]));
                    map[k / 64] |= 1u64 << (k % 64);
                }
                _ => {}
            }
        }
        let mut rank = Box::new([0u32; KEY_WORDS]);
        let mut total = 0u32;
        for (r, w) in rank.iter_mut().zip(starts.iter()) {
            *r = total;
            total += w.count_ones();
        }
        // One offset per distinct key, in key order (the order `keyed` is sorted in).
        let mut offsets = Vec::with_capacity(total as usize + 1);
        let mut last = None;
        for (n, &(k, _)) in keyed.iter().enumerate() {
            if last != Some(k) {
                offsets.push(n as u32);
                last = Some(k);
            }
        }
        offsets.push(keyed.len() as u32);
        let ids: Vec<u32> = keyed.into_iter().map(|(_, id)| id).collect();
        let heads = ids
            .iter()
            .map(|&id| {
                let p = patterns[id as usize];
                let n = p.len().min(8);
                let mask = if n == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                };
                (head8(p, 0), mask)
            })
            .collect();
        PatternSet {
            patterns,
            long_starts,
            short_starts,
            starts,
            rank,
            offsets,
            ids,
            heads,
        }
    }

    /// How many patterns the set holds (the bound of their ids).
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }

    /// The length in bytes of pattern `id`.
    pub(crate) fn pattern_len(&self, id: u32) -> usize {
        self.patterns.get(id as usize).map_or(0, |p| p.len())
    }

    /// The longest pattern's length.
    pub(crate) fn longest(&self) -> usize {
        self.patterns.iter().map(|p| p.len()).max().unwrap_or(0)
    }

    /// The entries of `ids` (and `heads`) whose patterns start with the bytes `a` and `b`.
    #[inline]
    fn bucket(&self, a: u8, b: u8) -> std::ops::Range<usize> {
        let k = key(a, b);
        let word = self.starts[k / 64];
        let bit = 1u64 << (k % 64);
        if word & bit == 0 {
            return 0..0;
        }
        self.bucket_at(k / 64, word & (bit - 1))
    }

    /// The bucket of the key whose start-map word is `w`, with `below` the bits of that word
    /// under the key's own. Kept out of line: most positions never get here.
    #[inline(never)]
    fn bucket_at(&self, w: usize, below: u64) -> std::ops::Range<usize> {
        let r = self.rank[w] as usize + below.count_ones() as usize;
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&lo), Some(&hi)) => lo as usize..hi as usize,
            _ => 0..0,
        }
    }

    /// Calls `found(id, at)` for every occurrence of a pattern that starts at an offset in
    /// `from..to` and lies wholly inside `hay`, in order of `at`. Stops early when `found`
    /// returns false.
    pub(crate) fn each_match(
        &self,
        hay: &[u8],
        from: usize,
        to: usize,
        found: &mut dyn FnMut(u32, usize) -> bool,
    ) {
        let to = to.min(hay.len().saturating_sub(1));
        // Starts with four bytes in view: the filter maps turn most of them away.
        let filtered_to = to.min(hay.len().saturating_sub(3));
        let mut i = from;
        if hay.get(from..filtered_to + 3).is_some() {
            // Each start's four bytes in one load (a window iterator would rebuild them from
            // single bytes).
            let quads = hay.get(..filtered_to + 3).unwrap_or_default();
            while i < filtered_to {
                let Some(&w) = quads.get(i..).and_then(|r| r.first_chunk::<4>()) else {
                    break;
                };
                let candidate = bit_set(&self.long_starts, hash4(w))
                    || self
                        .short_starts
                        .as_ref()
                        .is_some_and(|map| bit_set(map, key(w[0], w[1])));
                if candidate && !self.verify(hay, i, found) {
                    return;
                }
                i += 1;
            }
            i = filtered_to.max(from);
        }
        // The last few starts, where only short patterns fit.
        while i < to {
            if !self.verify(hay, i, found) {
                return;
            }
            i += 1;
        }
    }

    /// Reports the patterns that start at `hay[i..]`; false when `found` said to stop.
    fn verify(&self, hay: &[u8], i: usize, found: &mut dyn FnMut(u32, usize) -> bool) -> bool {
        let (Some(&a), Some(&b)) = (hay.get(i), hay.get(i + 1)) else {
            return true;
        };
        let range = self.bucket(a, b);
        let (Some(ids), Some(heads)) = (self.ids.get(range.clone()), self.heads.get(range)) else {
            return true;
        };
        let text = head8(hay, i);
        for (&id, &(head, mask)) in ids.iter().zip(heads) {
            if text & mask != head {
                continue;
            }
            let Some(p) = self.patterns.get(id as usize) else {
                continue;
            };
            // The first eight bytes (or all of a shorter pattern) are equal, unless the text ran
            // out (it is padded with zeros); is the rest equal too?
            let fits = if p.len() <= 8 {
                i + p.len() <= hay.len()
            } else {
                hay.get(i + 8..i + p.len()) == p.get(8..)
            };
            if fits && !found(id, i) {
                return false;
            }
        }
        true
    }

    /// Every pattern that occurs in `hay`.
    pub(crate) fn scan(&self, hay: &[u8]) -> Hits {
        let mut bits = vec![0u64; self.patterns.len().div_ceil(64)];
        self.each_match(hay, 0, hay.len(), &mut |id, _| {
            bits[id as usize / 64] |= 1u64 << (id % 64);
            true
        });
        Hits { bits }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_patterns_in_one_pass() {
        let set = PatternSet::new(vec![
            b"user unknown",
            b"unknown",
            b"full",
            b"x",
            "日本".as_bytes(),
        ]);
        let hits = set.scan("550 user unknown, mailbox full 日本語".as_bytes());
        assert!(hits.has(0) && hits.has(1) && hits.has(2) && hits.has(4));
        assert!(!hits.has(3), "one-byte patterns are never found");
        let hits = set.scan(b"u");
        assert!(!hits.has(0) && !hits.has(1));
        assert!(!set.scan(b"").has(0));
    }

    #[test]
    fn reports_every_occurrence_in_order_within_the_range() {
        let set = PatternSet::new(vec![b"ab", b"abc", b"bc", b"zz"]);
        let hay = b"abcab abc";
        let mut seen = Vec::new();
        set.each_match(hay, 0, hay.len(), &mut |id, at| {
            seen.push((id, at));
            true
        });
        seen.sort_by_key(|&(id, at)| (at, id));
        assert_eq!(
            seen,
            [(0, 0), (1, 0), (2, 1), (0, 3), (0, 6), (1, 6), (2, 7)]
        );
        // Starts are limited to the range; a pattern running past the text is not found.
        let mut seen = Vec::new();
        set.each_match(b"xxab", 1, 4, &mut |id, at| {
            seen.push((id, at));
            true
        });
        assert_eq!(seen, [(0, 2)]);
        let mut seen = Vec::new();
        set.each_match(hay, 0, hay.len(), &mut |id, at| {
            seen.push((id, at));
            false
        });
        assert_eq!(seen.len(), 1, "stops when told to");
    }

    #[test]
    fn agrees_with_a_naive_search_on_random_sets() {
        // A small generator, so the test needs no crate and always sees the same cases.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        // Few distinct bytes (NUL among them), so patterns share starts and occur often.
        let alphabet = [0u8, b'a', b'b', b'.', 0xff];
        for round in 0..200 {
            let count = 1 + next(12) as usize;
            let patterns: Vec<&'static [u8]> = (0..count)
                .map(|_| {
                    let len = 2 + next(11) as usize;
                    let p: Vec<u8> = (0..len).map(|_| alphabet[next(5) as usize]).collect();
                    &*Box::leak(p.into_boxed_slice())
                })
                .collect();
            let set = PatternSet::new(patterns.clone());
            let len = next(40) as usize;
            let hay: Vec<u8> = (0..len).map(|_| alphabet[next(5) as usize]).collect();
            let mut got = Vec::new();
            set.each_match(&hay, 0, hay.len(), &mut |id, at| {
                got.push((at, id));
                true
            });
            got.sort_unstable();
            let mut want = Vec::new();
            for at in 0..hay.len() {
                for (id, p) in patterns.iter().enumerate() {
                    if hay[at..].starts_with(p) {
                        want.push((at, id as u32));
                    }
                }
            }
            assert_eq!(got, want, "round {round}: {patterns:?} in {hay:?}");
        }
    }

    #[test]
    fn three_byte_patterns_need_no_second_map() {
        let set = PatternSet::new(vec![b"mi:", b"dt:", b"user unknown"]);
        assert!(set.short_starts.is_none());
        // At every offset, including the last three, where a fourth byte is not in view.
        for pad in 0..6 {
            let hay = format!("{}mi:x dt:", "x".repeat(pad));
            let mut seen = Vec::new();
            set.each_match(hay.as_bytes(), 0, hay.len(), &mut |id, at| {
                seen.push((id, at));
                true
            });
            assert_eq!(seen, [(0, pad), (1, pad + 5)], "{hay:?}");
        }
        assert!(!set.scan(b"mi dt hl: m:i").has(0));
    }

    #[test]
    fn buckets_match_a_direct_search() {
        // Keys spread over many words of the start map, including the first and last.
        let words: Vec<&'static [u8]> = vec![
            b"\x00\x01z",
            b"\xff\xfe",
            b"ok",
            b"om",
            b"o\xff",
            b"\x01\x00",
            b"ab",
            b"abab",
        ];
        let set = PatternSet::new(words.clone());
        let hay: &[u8] = b"okom\x00\x01z\xff\xfeababo\xff\x01\x00";
        for (id, w) in words.iter().enumerate() {
            let direct = hay.windows(w.len()).any(|x| x == *w);
            assert_eq!(set.scan(hay).has(id as u32), direct, "{w:?}");
        }
        assert_eq!(set.len(), words.len());
        assert_eq!(set.longest(), 4);
        assert_eq!(set.pattern_len(7), 4);
    }
}
