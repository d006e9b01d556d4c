//! Finding many fixed strings in one pass over a text.
//!
//! The reason tables hold about a thousand message fragments. Searching for each one with
//! `str::contains` costs a searcher set-up per fragment and a scan per fragment; one pass that
//! looks up the two bytes at each position finds all of them at once, in time linear in the
//! text (plus the few candidates that share a two-byte start).

/// A set of byte strings, each at least two bytes long, with their ids (their index in the
/// list given to `new`).
pub(crate) struct PatternSet {
    patterns: Vec<&'static [u8]>,
    /// `ids[offsets[k]..offsets[k + 1]]` are the patterns whose first two bytes make key `k`.
    offsets: Vec<u32>,
    ids: Vec<u32>,
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
}

fn key(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

impl PatternSet {
    /// Builds the set. Patterns shorter than two bytes are never found.
    pub(crate) fn new(patterns: Vec<&'static [u8]>) -> PatternSet {
        let mut keyed: Vec<(usize, u32)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.len() >= 2)
            .map(|(i, p)| (key(p[0], p[1]), i as u32))
            .collect();
        keyed.sort_unstable();
        let mut offsets = vec![0u32; 65537];
        for &(k, _) in &keyed {
            offsets[k + 1] += 1;
        }
        for k in 0..65536 {
            offsets[k + 1] += offsets[k];
        }
        let ids = keyed.into_iter().map(|(_, id)| id).collect();
        PatternSet {
            patterns,
            offsets,
            ids,
        }
    }

    /// Every pattern that occurs in `hay`.
    pub(crate) fn scan(&self, hay: &[u8]) -> Hits {
        let mut bits = vec![0u64; self.patterns.len().div_ceil(64)];
        if hay.len() >= 2 {
            for i in 0..hay.len() - 1 {
                let k = key(hay[i], hay[i + 1]);
                let (lo, hi) = (self.offsets[k] as usize, self.offsets[k + 1] as usize);
                for &id in &self.ids[lo..hi] {
                    let p = self.patterns[id as usize];
                    if hay[i..].starts_with(p) {
                        bits[id as usize / 64] |= 1u64 << (id % 64);
                    }
                }
            }
        }
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
}
