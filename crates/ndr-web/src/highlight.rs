//! Cuts the pasted bytes into plain-text pieces and marked pieces for the evidence view.
//!
//! The page renders each piece as a text node (never as HTML), marked pieces inside
//! `<mark>`. Spans come from `ndr-core` as byte ranges of the input; they are clamped and
//! merged here so a bad span can never panic or split the page.

use ndr_core::Evidence;

use crate::charsets::PieceDecoder;

/// Inputs longer than this are shown as excerpts around the evidence, so a 5 MB paste
/// does not become a 5 MB text node that the browser must lay out.
pub const FULL_VIEW_LIMIT: usize = 200 * 1024;

/// Lines of context kept above and below each piece of evidence in an excerpt.
const CONTEXT_LINES: usize = 3;

/// At most this many bytes of context on either side, for inputs with very long lines.
const MAX_CONTEXT: usize = 2048;

/// How much of a long input without any located evidence is shown.
const HEAD_BYTES: usize = 16 * 1024;

/// One piece of the evidence view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Unmarked text.
    Text(String),
    /// Text that supports a conclusion.
    Mark {
        /// The text.
        text: String,
        /// The `Diagnosis` field it supports (the first, when spans overlap).
        field: String,
        /// True when it supports the field the user asked to see.
        active: bool,
    },
    /// Lines left out of an excerpt.
    Gap,
}

/// A located, clamped span.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    field: String,
    active: bool,
}

/// The pieces for `input` (text in `charset`, a WHATWG name) with `evidence` marked; `active`
/// names the fields to emphasise, separated by spaces (a fact row's fields: the codes row's
/// three codes).
///
/// Returns the pieces and whether the view is an excerpt.
pub fn pieces(
    input: &[u8],
    charset: &str,
    evidence: &[Evidence],
    active: Option<&str>,
) -> (Vec<Piece>, bool) {
    let spans = spans(input.len(), evidence, active);
    let mut decoder = PieceDecoder::new(charset);
    if input.len() <= FULL_VIEW_LIMIT {
        return (cut(input, 0, input.len(), &spans, &mut decoder), false);
    }
    let mut windows: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| {
            (
                line_start(input, s.start, CONTEXT_LINES).max(s.start.saturating_sub(MAX_CONTEXT)),
                line_end(input, s.end, CONTEXT_LINES).min(s.end + MAX_CONTEXT),
            )
        })
        .collect();
    if windows.is_empty() {
        let head = HEAD_BYTES.min(input.len());
        windows.push((0, line_end(input, head, 0).min(head + MAX_CONTEXT)));
    }
    sort_by_position(&mut windows, |&w| w);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in windows {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = Vec::new();
    for (i, &(start, end)) in merged.iter().enumerate() {
        if i > 0 || start > 0 {
            out.push(Piece::Gap);
        }
        out.extend(cut(input, start, end, &spans, &mut decoder));
    }
    if merged.last().is_some_and(|&(_, end)| end < input.len()) {
        out.push(Piece::Gap);
    }
    (out, true)
}

/// Sorts by a `(start, end)` key, stably. An insertion sort: there is one span per piece of
/// evidence (a few dozen at most), and each instantiation of the standard library's sort costs
/// the page several KiB of code.
fn sort_by_position<T>(v: &mut [T], key: impl Fn(&T) -> (usize, usize)) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Located spans, clamped to the input, sorted, with overlaps merged into one, and the active
/// ones cut out of the others: an address or a code inside the reason's reply is marked on its
/// own words, the rest of the reply around it as before.
fn spans(len: usize, evidence: &[Evidence], active: Option<&str>) -> Vec<Span> {
    let is_active = |field: &str| active.is_some_and(|a| names(a, field));
    let mut spans: Vec<Span> = evidence
        .iter()
        .filter_map(|e| {
            let (start, end) = e.span?;
            let end = end.min(len);
            (start < end).then(|| Span {
                start,
                end,
                field: e.field.clone(),
                active: is_active(&e.field),
            })
        })
        .collect();
    sort_by_position(&mut spans, |s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::new();
    let mut lit: Vec<Span> = Vec::new();
    for s in spans {
        let into = if s.active { &mut lit } else { &mut merged };
        match into.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => into.push(s),
        }
    }
    // Both lists are in order and free of overlaps: each plain span loses what the lit ones
    // cover, keeping its pieces before, between and after them.
    let mut out: Vec<Span> = Vec::new();
    for s in merged {
        let mut at = s.start;
        for l in &lit {
            if l.end <= at || l.start >= s.end {
                continue;
            }
            if l.start > at {
                out.push(Span {
                    start: at,
                    end: l.start,
                    ..s.clone()
                });
            }
            at = l.end;
        }
        if at < s.end {
            out.push(Span { start: at, ..s });
        }
    }
    out.append(&mut lit);
    sort_by_position(&mut out, |s| (s.start, s.end));
    out
}

/// True when `list` (field names separated by spaces) holds `field`. Bytes compared in place:
/// a `str::split` would compile another searcher into the page.
fn names(list: &str, field: &str) -> bool {
    let (l, f) = (list.as_bytes(), field.as_bytes());
    (0..l.len()).any(|i| {
        l[i..].starts_with(f)
            && (i == 0 || l[i - 1] == b' ')
            && l.get(i + f.len()).is_none_or(|&c| c == b' ')
    })
}

/// The pieces of `input[from..to]`, with the spans that fall in it marked (cut at the edges).
fn cut(
    input: &[u8],
    from: usize,
    to: usize,
    spans: &[Span],
    decoder: &mut PieceDecoder,
) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = from;
    for s in spans {
        let start = s.start.max(from);
        let end = s.end.min(to);
        if start >= end || start < at {
            continue;
        }
        if at < start {
            out.push(Piece::Text(decoder.piece(&input[at..start], true)));
        }
        out.push(Piece::Mark {
            text: decoder.piece(&input[start..end], end < to),
            field: s.field.clone(),
            active: s.active,
        });
        at = end;
    }
    if at < to {
        out.push(Piece::Text(decoder.piece(&input[at..to], false)));
    }
    out
}

/// The start of the line `lines` lines above the one holding `at`.
fn line_start(input: &[u8], at: usize, lines: usize) -> usize {
    let mut pos = at.min(input.len());
    for _ in 0..=lines {
        match input[..pos].iter().rposition(|&b| b == b'\n') {
            Some(nl) => pos = nl,
            None => return 0,
        }
    }
    pos + 1
}

/// The end (after the newline) of the line `lines` lines below the one holding `at`.
fn line_end(input: &[u8], at: usize, lines: usize) -> usize {
    let mut pos = at.min(input.len());
    for _ in 0..=lines {
        match input[pos..].iter().position(|&b| b == b'\n') {
            Some(nl) => pos = pos + nl + 1,
            None => return input.len(),
        }
        if pos >= input.len() {
            return input.len();
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(field: &str, span: Option<(usize, usize)>) -> Evidence {
        Evidence {
            field: field.into(),
            text: String::new(),
            span,
            lines: None,
        }
    }

    fn render(p: &[Piece]) -> String {
        p.iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Mark { text, active, .. } if *active => format!("[[{text}]]"),
                Piece::Mark { text, .. } => format!("[{text}]"),
                Piece::Gap => "…".into(),
            })
            .collect()
    }

    #[test]
    fn marks_spans_and_emphasises_the_active_field() {
        let input = b"550 5.7.606 banned sending IP [192.0.2.1]";
        let e = [
            ev("enhanced_code", Some((4, 11))),
            ev("blocked_ip", Some((31, 40))),
        ];
        let (p, excerpt) = pieces(input, "utf-8", &e, Some("blocked_ip"));
        assert!(!excerpt);
        assert_eq!(
            render(&p),
            "550 [5.7.606] banned sending IP [[[192.0.2.1]]]"
        );
    }

    #[test]
    fn bad_spans_never_panic() {
        let input = "あいう".as_bytes();
        let e = [
            ev("a", Some((1, 2))),   // inside a character
            ev("b", Some((5, 100))), // past the end
            ev("c", Some((7, 3))),   // backwards
            ev("d", None),
            ev("e", Some((0, 4))), // overlaps a
        ];
        let (p, _) = pieces(input, "utf-8", &e, Some("b"));
        let all = render(&p);
        assert!(all.contains('\u{fffd}'));
        assert!(all.starts_with('['));
    }

    /// Random spans over short and long, ASCII and multi-byte inputs: never a panic, and the
    /// full view always gives back exactly the input.
    #[test]
    fn random_spans_never_panic() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % (n as u64 + 1)) as usize
        };
        let ascii = "550 5.7.606 [192.0.2.1]\nline two\n".repeat(3);
        let short = "配信不能 550 5.7.606 [192.0.2.1]\nline two\n".repeat(3);
        let long = "xあ\n".repeat(FULL_VIEW_LIMIT / 4);
        for input in [
            ascii.as_bytes(),
            short.as_bytes(),
            long.as_bytes(),
            b"".as_slice(),
        ] {
            for _ in 0..300 {
                let evidence: Vec<Evidence> = (0..next(5))
                    .map(|i| {
                        let (a, b) = (next(input.len() + 10), next(input.len() + 10));
                        ev(["a", "b", "c"][i % 3], (next(4) > 0).then_some((a, b)))
                    })
                    .collect();
                let (p, excerpt) = pieces(input, "utf-8", &evidence, Some("b"));
                if !excerpt && input.is_ascii() {
                    let text: String = p
                        .iter()
                        .map(|p| match p {
                            Piece::Text(t) | Piece::Mark { text: t, .. } => t.as_str(),
                            Piece::Gap => "",
                        })
                        .collect();
                    assert_eq!(
                        text.as_bytes(),
                        input,
                        "marks must only wrap, never drop or repeat"
                    );
                }
            }
        }
    }

    #[test]
    fn a_fact_inside_the_reply_is_marked_on_its_own_words() {
        // The reason's reply holds the address and the codes (the core's spans of a folded
        // Postfix reply): each fact's mark is its own words, the reply's the rest around them.
        let input = b"said: 554 5.7.1\n    Client host 198.51.100.77 blocked\nnext";
        let e = [
            ev("reason", Some((0, 53))),
            ev("smtp_code", Some((6, 9))),
            ev("enhanced_code", Some((10, 15))),
            ev("blocked_ip", Some((32, 45))),
        ];
        let shown = |active| render(&pieces(input, "utf-8", &e, active).0);
        assert_eq!(
            shown(Some("blocked_ip")),
            "[said: 554 5.7.1\n    Client host ][[198.51.100.77]][ blocked]\nnext"
        );
        // The codes row lights both codes, each on its own.
        assert_eq!(
            shown(Some("provider_code enhanced_code smtp_code")),
            "[said: ][[554]][ ][[5.7.1]][\n    Client host 198.51.100.77 blocked]\nnext"
        );
        // The reason's row lights the whole reply; with none active, one mark as before.
        assert_eq!(
            shown(Some("reason")),
            "[[said: 554 5.7.1\n    Client host 198.51.100.77 blocked]]\nnext"
        );
        assert_eq!(
            shown(None),
            "[said: 554 5.7.1\n    Client host 198.51.100.77 blocked]\nnext"
        );
    }

    #[test]
    fn a_list_of_fields_names_each_whole() {
        assert!(names("provider_code enhanced_code smtp_code", "smtp_code"));
        assert!(names("provider_code enhanced_code", "provider_code"));
        assert!(!names("recipient_domain", "recipient"));
        assert!(!names("remote_host", "host"));
        assert!(!names("", "reason"));
    }

    #[test]
    fn overlapping_spans_merge_into_one_mark() {
        let (p, _) = pieces(
            b"abcdefgh",
            "utf-8",
            &[ev("x", Some((1, 5))), ev("y", Some((3, 7)))],
            None,
        );
        assert_eq!(render(&p), "a[bcdefg]h");
    }

    #[test]
    fn long_input_shows_excerpts_around_evidence() {
        let mut input = Vec::new();
        for i in 0..20_000 {
            input.extend_from_slice(format!("filler line {i}\n").as_bytes());
        }
        let at = input.len() / 2;
        input.splice(at..at, b"550 5.7.606 HERE\n".iter().copied());
        let start = at + 4;
        let (p, excerpt) = pieces(
            &input,
            "utf-8",
            &[ev("enhanced_code", Some((start, start + 7)))],
            None,
        );
        assert!(excerpt);
        let shown = render(&p);
        assert!(shown.len() < 1000, "{}", shown.len());
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.contains("[5.7.606]"));
    }

    #[test]
    fn long_input_without_evidence_shows_its_head() {
        let input = vec![b'x'; FULL_VIEW_LIMIT * 2];
        let (p, excerpt) = pieces(&input, "utf-8", &[], None);
        assert!(excerpt);
        assert!(render(&p).len() < FULL_VIEW_LIMIT * 2);
    }
}
