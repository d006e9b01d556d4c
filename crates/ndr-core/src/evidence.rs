//! Evidence: the words of a bounce that support each conclusion, with their byte spans in
//! the original input so the page can highlight them: the reply's lines for the reason
//! ([`add`]), and a fact's own words for the others (an address, a code, a host, a
//! provider's wording: [`add_exact`]), so each fact points at its own place in a reply of
//! several lines.
//!
//! Conclusions are drawn from the decoded text, which equals the input for plain
//! messages and differs for encoded ones. A span is given only where the supporting text
//! occurs verbatim in the input; otherwise the text alone is kept.

use crate::{Diagnosis, Evidence};

/// The whole lines of `text` that contain the byte range `[start, end)`, without their
/// surrounding whitespace. Returns the byte range of those lines in `text`.
pub(crate) fn whole_lines(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = floor_boundary(text, start.min(text.len()));
    let end = ceil_boundary(text, end.clamp(start, text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let lines = &text[line_start..line_end];
    let lead = lines.len() - lines.trim_start().len();
    let trimmed = lines.trim();
    (line_start + lead, line_start + lead + trimmed.len())
}

/// Where `text[start..end]` occurs verbatim in `input`: at the same offsets when the text
/// is the input itself, else at its first occurrence. Decoding turns CRLF line ends into LF,
/// so a text of several lines is also looked for with CRLF line ends.
pub(crate) fn span_in(
    input: &[u8],
    text: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let needle = text.get(start..end)?;
    if needle.is_empty() {
        return None;
    }
    if input.get(start..end) == Some(needle.as_bytes()) {
        return Some((start, end));
    }
    if let Some(at) = find_bytes(input, needle) {
        return Some((at, at + needle.len()));
    }
    if needle.contains('\n') && !needle.contains('\r') {
        let crlf = needle.replace('\n', "\r\n");
        return find_bytes(input, &crlf).map(|at| (at, at + crlf.len()));
    }
    None
}

/// The first occurrence of `needle` in `input`, byte-wise. The input need not be UTF-8: a
/// needle of whole characters that matches never starts on a continuation byte, nor takes in
/// a byte that is not part of a valid character (the needle would hold it too), so this is
/// also the first occurrence within the input's valid UTF-8 stretches.
fn find_bytes(input: &[u8], needle: &str) -> Option<usize> {
    crate::text::find_bytes(input, needle.as_bytes())
}

/// A byte range, start and end.
type Range = (usize, usize);

/// The input and its decoded text, with the spans found so far: the same lines are often the
/// evidence of several fields (the reason and the blocking party), and each search for one
/// reads the whole input.
pub(crate) struct Spans<'a> {
    input: &'a [u8],
    text: &'a str,
    /// `span_in` of each text range asked about.
    found: Vec<(Range, Option<Range>)>,
}

impl<'a> Spans<'a> {
    pub(crate) fn new(input: &'a [u8], text: &'a str) -> Spans<'a> {
        Spans {
            input,
            text,
            found: Vec::new(),
        }
    }

    /// `span_in(input, text, start, end)`, each range searched for once.
    fn span(&mut self, start: usize, end: usize) -> Option<(usize, usize)> {
        if let Some(&(_, span)) = self.found.iter().find(|(r, _)| *r == (start, end)) {
            return span;
        }
        let span = span_in(self.input, self.text, start, end);
        self.found.push(((start, end), span));
        span
    }

    /// `span`, but when the text occurs in the input more than once (a reply quoted in the
    /// notice and again in its DSN part), the occurrence nearest to `expected`, the input offset
    /// where the text would stand beside the fact's main place: a fact's places then come from
    /// the copy its main place is in, not from the first copy of an identical line. Reads the
    /// input no further than the first occurrence past `expected`.
    fn span_near(&mut self, start: usize, end: usize, expected: usize) -> Option<Range> {
        let first = self.span(start, end)?;
        let needle = self.input.get(first.0..first.1)?;
        let mut best = first.0;
        let mut from = first.0 + 1;
        while best < expected {
            let Some(at) = self
                .input
                .get(from..)
                .and_then(|rest| crate::text::find_bytes(rest, needle))
            else {
                break;
            };
            let at = from + at;
            if at.abs_diff(expected) < best.abs_diff(expected) {
                best = at;
            }
            if at >= expected {
                break;
            }
            from = at + 1;
        }
        Some((best, best + needle.len()))
    }
}

/// Records the lines of `text` around `[start, end)` as evidence for `field` (the reply, for
/// the reason), unless that field already has evidence.
pub(crate) fn add(d: &mut Diagnosis, spans: &mut Spans<'_>, field: &str, start: usize, end: usize) {
    if d.evidence.iter().any(|e| e.field == field) {
        return;
    }
    if let Some((e, _)) = locate(spans, field, start, end, false, None) {
        d.evidence.push(e);
    }
}

/// At most this many pieces of evidence for one field from [`add_exact`].
const MAX_PER_FIELD: usize = 8;

/// Records the text at each of `ranges` itself (an address, a code, a host name, a provider's
/// wording), not its lines, as evidence for `field`, unless that field already has evidence:
/// found in the input through the lines around it, which are far more telling than a short
/// token, then narrowed to it. One field may get several (an address a reply quotes twice), at
/// most [`MAX_PER_FIELD`], never one span twice.
pub(crate) fn add_exact(
    d: &mut Diagnosis,
    spans: &mut Spans<'_>,
    field: &str,
    ranges: &[(usize, usize)],
) {
    if d.evidence.iter().any(|e| e.field == field) {
        return;
    }
    let had = d.evidence.len();
    // The first place found: where its text stands and where the input has it.
    let mut main = None;
    for &(start, end) in ranges.iter().take(MAX_PER_FIELD) {
        if let Some((mut e, at)) = locate(spans, field, start, end, true, main) {
            main = main.or(at);
            let known = d.evidence.get(had..).unwrap_or_default();
            if known.iter().any(|k| k.text == e.text && k.span == e.span) {
                continue;
            }
            // The first place's lines are the words the fact was read in.
            if !known.is_empty() {
                e.lines = None;
            }
            d.evidence.push(e);
        }
    }
}

/// [`add_exact`] of the words at `at`, read in the reply at `reply`: the evidence's lines are
/// the reply's (a provider's wording, which says who refused, in the reply that says why).
pub(crate) fn add_words(
    d: &mut Diagnosis,
    spans: &mut Spans<'_>,
    field: &str,
    at: Range,
    reply: Range,
) {
    if d.evidence.iter().any(|e| e.field == field) {
        return;
    }
    let lines = locate(spans, field, reply.0, reply.1, false, None).map(|(e, _)| e.text);
    add_exact(d, spans, field, &[at]);
    if let Some(e) = d.evidence.last_mut().filter(|e| e.field == field) {
        e.lines = lines.filter(|l| *l != e.text);
    }
}

/// The evidence for `[start, end)` of the text: its whole lines, or with `exact` the range
/// itself. The decoded lines may not be in the input as they are (a base64 part, a reply
/// quoted differently in the DSN fields), so shorter pieces are tried for a span: the rest of
/// the line from the match, then the match alone. Without any, the text is kept unspanned.
/// With `main`, the (text, input) offsets of the fact's main place, the span is looked for in
/// the same copy as that place (`Spans::span_near`). Also gives the offsets of what was found,
/// which is the main place for the next ones.
fn locate(
    spans: &mut Spans<'_>,
    field: &str,
    start: usize,
    end: usize,
    exact: bool,
    main: Option<Range>,
) -> Option<(Evidence, Option<Range>)> {
    let text = spans.text;
    let (ls, le) = whole_lines(text, start, end);
    if ls >= le {
        return None;
    }
    let s = floor_boundary(text, start).max(ls);
    let e = ceil_boundary(text, end.min(text.len())).min(le);
    // The whole lines, then from the match to the end of its last line, then the match.
    let candidates = [(ls, le), (s, le), (s, e)];
    let found = candidates
        .iter()
        .filter(|(a, b)| a < b)
        .find_map(|&(a, b)| {
            let span = match main {
                // Where `a` stands from the main place in the text, so in the input.
                Some((text_at, input_at)) => {
                    let expected = if a >= text_at {
                        input_at.saturating_add(a - text_at)
                    } else {
                        input_at.saturating_sub(text_at - a)
                    };
                    spans.span_near(a, b, expected)
                }
                None => spans.span(a, b),
            };
            span.map(|span| (a, b, span))
        });
    let (a, b, span) = match found {
        Some((a, b, span)) => (a, b, Some(span)),
        None => (ls, le, None),
    };
    // A part of the lines: its own text and span, the lines kept beside.
    let part = exact && s < e && (a, b) != (s, e);
    let (x, y) = if part { (s, e) } else { (a, b) };
    let evidence = Evidence {
        field: field.to_string(),
        text: text.get(x..y)?.to_string(),
        span: span.map(|span| narrowed(text, a, b, span, x, y)),
        lines: part.then(|| text.get(a..b).unwrap_or_default().to_string()),
    };
    Some((evidence, span.map(|span| (a, span.0))))
}

/// The input's span of `text[s..e]` inside `text[a..b]`, which the input holds at `span`:
/// byte for byte, or with every line end written CRLF (`span_in`), so each LF before a point
/// moves it one byte further.
fn narrowed(text: &str, a: usize, b: usize, span: Range, s: usize, e: usize) -> Range {
    let lfs = |x: usize, y: usize| {
        let t = text.as_bytes().get(x..y).unwrap_or_default();
        t.iter().filter(|&&c| c == b'\n').count()
    };
    let crlf = span.1 - span.0 != b - a;
    let at = |x: usize| span.0 + (x - a) + if crlf { lfs(a, x) } else { 0 };
    (at(s), at(e).min(span.1))
}

/// Replaces any evidence for `field` with the lines around `[start, end)`.
pub(crate) fn replace(
    d: &mut Diagnosis,
    spans: &mut Spans<'_>,
    field: &str,
    start: usize,
    end: usize,
) {
    d.evidence.retain(|e| e.field != field);
    add(d, spans, field, start, end);
}

/// How a "host unknown" bounce names the domain it could not find, each as the words before
/// the name and, when the name is only the domain for one kind of lookup, the words that must
/// follow it (after spaces or a line end).
///
/// - Gmail: "DNS Error: DNS type 'mx' lookup of example.com responded with code NXDOMAIN
///   Domain name not found: example.com" (its notice as seen in bounces; Google's help page
///   <https://support.google.com/mail/?p=BadRcptDomain> is linked from it). Only the MX lookup's
///   name is the domain: an 'a' lookup may be of a mail host the MX names.
/// - Postfix: "Host or domain name not found. Name service error for name=example.com
///   type=MX: Host not found" (smtp_addr.c, `dsb_status` with "Name service error for
///   name=%s type=%s: %s"); only `type=MX` looks up the domain itself, A and AAAA may be a
///   host's.
/// - Sendmail: "Host unknown (Name server: example.com.: host not found)" (sendmail's
///   `usrerr` in domain.c / deliver.c, which names the domain of the recipient).
const DOMAIN_NOT_FOUND: &[(&str, &str)] = &[
    ("type 'mx' lookup of ", " responded"),
    ("Domain name not found: ", ""),
    ("Name service error for name=", " type=MX"),
    ("(Name server: ", ": host not found"),
];

/// The domain a "host unknown" bounce says it could not find, as evidence `recipient_domain`
/// with its text the domain alone: read when no recipient that failed for that reason has an
/// address (Gmail's notice as pasted names only the domain), so the page can still say which
/// domain does not exist.
pub(crate) fn add_missing_domain(d: &mut Diagnosis, input: &[u8], text: &str) {
    if d.reason != crate::Reason::HostUnknown
        || d.evidence.iter().any(|e| e.field == "recipient_domain")
        || d.recipients.iter().any(|r| {
            r.reason == crate::Reason::HostUnknown && crate::address::domain(&r.recipient).is_some()
        })
    {
        return;
    }
    let found = DOMAIN_NOT_FOUND
        .iter()
        .filter_map(|&(before, after)| named_domain(text, before, after))
        .min();
    if let Some((start, end)) = found {
        d.evidence.push(Evidence {
            field: "recipient_domain".to_string(),
            text: text[start..end].to_string(),
            span: span_in(input, text, start, end),
            lines: None,
        });
    }
}

/// The byte range of the first domain named right after `before` and followed by `after`
/// (empty: anything), case-blind; a space in either matches any run of spaces and line ends
/// (Postfix wraps its line anywhere). A domain has a dot and neither spaces nor a colon; the
/// closing dot of a name as Sendmail writes it ("example.com.") is not part of it.
fn named_domain(text: &str, before: &str, after: &str) -> Option<(usize, usize)> {
    let first = before.split(' ').next().unwrap_or(before);
    let mut from = 0;
    while let Some(rest) = text.get(from..) {
        let at = from + crate::text::find_ci(rest, first)?;
        from = at + first.len().max(1);
        let Some(name_at) = words_at(text, at, before) else {
            continue;
        };
        let tail = text.get(name_at..).unwrap_or_default();
        let len = tail
            .find(|c: char| {
                c.is_whitespace()
                    || matches!(c, '<' | '>' | '"' | '\'' | '(' | ')' | ',' | ';' | ':')
            })
            .unwrap_or(tail.len());
        let token = tail.get(..len).unwrap_or_default();
        let name = token.strip_suffix('.').unwrap_or(token);
        let follows = after.is_empty() || words_at(text, name_at + len, after).is_some();
        if follows && name.contains('.') && !name.starts_with('.') && name.len() <= 253 {
            return Some((name_at, name_at + name.len()));
        }
    }
    None
}

/// The first place `words` occur in `text`, ASCII case-blind, any run of spaces and line ends in
/// either matching any other (a reply a report folded over lines and a reader joined again).
pub(crate) fn find_words(text: &str, words: &str) -> Option<(usize, usize)> {
    let words = words.trim_start();
    let end = words.bytes().position(|b| b.is_ascii_whitespace());
    let first = words
        .get(..end.unwrap_or(words.len()))
        .filter(|w| !w.is_empty())?;
    let mut from = 0;
    while let Some(at) = text
        .get(from..)
        .and_then(|r| crate::text::find_ci(r, first))
    {
        let at = from + at;
        if let Some(end) = words_at(text, at, words) {
            return Some((at, end));
        }
        from = at + first.len();
    }
    None
}

/// Where `words` end when they occur in `text` at `at`: ASCII case-blind, each run of spaces,
/// tabs or line ends in them matching one or more in the text.
fn words_at(text: &str, at: usize, words: &str) -> Option<usize> {
    let t = text.as_bytes();
    let mut i = at;
    let mut gap = false;
    for &w in words.as_bytes() {
        let was = std::mem::replace(&mut gap, w.is_ascii_whitespace());
        if gap && was {
            continue;
        }
        if gap {
            let run = t
                .get(i..)?
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if run == 0 {
                return None;
            }
            i += run;
        } else if t.get(i)?.eq_ignore_ascii_case(&w) {
            i += 1;
        } else {
            return None;
        }
    }
    Some(i)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `recipient_domain` evidence of a bounce, as text and the input it spans.
    fn missing_domain(input: &str) -> Option<(String, String)> {
        let d = crate::diagnose(input.as_bytes());
        assert_eq!(d.reason, crate::Reason::HostUnknown, "{input}");
        let e = d.evidence.iter().find(|e| e.field == "recipient_domain")?;
        let (s, t) = e.span?;
        Some((e.text.clone(), input[s..t].to_string()))
    }

    #[test]
    fn a_host_unknown_bounce_without_an_address_names_its_domain() {
        let both = |d: &str| Some((d.to_string(), d.to_string()));
        // Gmail's notice as pasted: the MX lookup's name.
        let gmail = "The response was:\n\nDNS Error: DNS type 'mx' lookup of nosuch.example \
                     responded with code NXDOMAIN Domain name not found: nosuch.example";
        assert_eq!(missing_domain(gmail), both("nosuch.example"));
        // Its second sentence alone.
        let found = "550 DNS Error: Domain name not found: nosuch.example.org";
        assert_eq!(missing_domain(found), both("nosuch.example.org"));
        // Postfix, wrapped before "name=".
        let postfix = "550 5.4.4 Host or domain name not found. Name service error for\n    \
                       name=nosuch.example.net type=MX: Host not found";
        assert_eq!(missing_domain(postfix), both("nosuch.example.net"));
        // Sendmail, whose name ends with the root's dot.
        let sendmail = "550 5.1.2 Host unknown (Name server: nosuch.example.com.: host not found)";
        assert_eq!(missing_domain(sendmail), both("nosuch.example.com"));
    }

    #[test]
    fn no_domain_for_a_host_lookup_or_a_known_recipient() {
        // An A lookup may be of a mail server the domain's MX names, not of the domain.
        let a = "550 5.4.4 Host or domain name not found. Name service error for \
                 name=mx.example.net type=A: Host not found";
        assert_eq!(missing_domain(a), None);
        // With the recipient's address, the page reads the domain from it.
        let known = "<taro@nosuch.example>: Host or domain name not found. Name service error \
                     for name=nosuch.example type=MX: Host not found";
        assert_eq!(missing_domain(known), None);
        // The words without a name that looks like a domain.
        assert_eq!(
            named_domain(
                "Domain name not found: localhost",
                "Domain name not found: ",
                ""
            ),
            None
        );
        assert_eq!(
            named_domain("type 'mx' lookup of ", "type 'mx' lookup of ", " responded"),
            None
        );
        assert_eq!(words_at("ab", 5, "x"), None);
    }

    #[test]
    fn a_joined_reply_is_found_in_its_folded_lines() {
        let text = "host x said: 550\n    Unknown  user taro (in reply to RCPT TO command)";
        let (s, e) = find_words(text, "550 unknown user taro (in").expect("found");
        assert_eq!(&text[s..e], "550\n    Unknown  user taro (in");
        assert_eq!(find_words(text, "550 Unknown users"), None);
        assert_eq!(find_words(text, "  "), None);
        assert_eq!(find_words("日本語 550", "語 550"), Some((6, 13)));
    }

    #[test]
    fn a_token_is_narrowed_inside_lines_found_with_crlf() {
        let text = "a\nsaid: 550\n  [192.0.2.1] x";
        let input = b"a\r\nsaid: 550\r\n  [192.0.2.1] x";
        let (a, b) = (2, text.len());
        let span = span_in(input, text, a, b).expect("found with CRLF");
        let at = text.find("192").unwrap();
        let (s, e) = narrowed(text, a, b, span, at, at + 9);
        assert_eq!(&input[s..e], b"192.0.2.1");
    }

    /// A reply quoted twice, its last line the same in both copies, read where the text is not
    /// the input (CRLF): a fact's second place, read in the second copy, is spanned there, beside
    /// its main place, not on the first copy's identical line.
    #[test]
    fn a_facts_places_stay_in_its_main_places_copy() {
        let text = "Remote server returned '554-mx.example.net refused\n\
                    554 See https://example.net/?ip=192.0.2.9 now'\n\n\
                    Diagnostic-Code: smtp; 554-mx.example.net refused\n\
                    554 See https://example.net/?ip=192.0.2.9 now\n";
        let input = text.replace('\n', "\r\n");
        let mut d = Diagnosis::default();
        let mut spans = Spans::new(input.as_bytes(), text);
        let main = text.find("Diagnostic-Code").unwrap() + "Diagnostic-Code: smtp; ".len();
        let extra = text.rfind("192.0.2.9").unwrap();
        add_exact(
            &mut d,
            &mut spans,
            "x",
            &[(main, main + 3), (extra, extra + 9)],
        );
        let second = input.find("Diagnostic-Code").unwrap();
        let places: Vec<_> = d.evidence.iter().filter_map(|e| e.span).collect();
        assert_eq!(places.len(), 2, "{:?}", d.evidence);
        for (s, e) in &places {
            assert!(
                *s > second,
                "{:?} in the first copy: {:?}",
                (s, e),
                d.evidence
            );
        }
        assert_eq!(&input[places[1].0..places[1].1], "192.0.2.9");
        // Without a main place, the first copy, as before.
        let mut d = Diagnosis::default();
        add_exact(&mut d, &mut spans, "y", &[(extra, extra + 9)]);
        assert!(d.evidence[0].span.is_some_and(|(s, _)| s < second));
    }

    #[test]
    fn whole_lines_trim_and_span_lines() {
        let text = "a\n  host x said: 550\n    5.7.1 blocked  \nz";
        let at = text.find("5.7.1").unwrap();
        let (s, e) = whole_lines(text, at, at + 5);
        assert_eq!(&text[s..e], "5.7.1 blocked");
        let at = text.find("550").unwrap();
        let end = text.find("blocked").unwrap() + 7;
        let (s, e) = whole_lines(text, at, end);
        assert_eq!(&text[s..e], "host x said: 550\n    5.7.1 blocked");
    }

    #[test]
    fn spans_are_found_verbatim_or_not_at_all() {
        let input = b"\xff\xfeDiagnostic-Code: smtp; 550 5.7.1 blocked";
        let text = "Diagnostic-Code: smtp; 550 5.7.1 blocked";
        let at = text.find("550").unwrap();
        assert_eq!(
            span_in(input, text, at, text.len()),
            Some((at + 2, input.len()))
        );
        assert_eq!(span_in(b"nothing here", text, at, text.len()), None);
        // Decoded LF lines are found in CRLF input.
        let input = b"x\r\nsaid: 550\r\n    5.7.1 blocked\r\n";
        let text = "x\nsaid: 550\n    5.7.1 blocked\n";
        let at = text.find("said").unwrap();
        let end = text.find("blocked").unwrap() + 7;
        assert_eq!(span_in(input, text, at, end), Some((3, input.len() - 2)));
        // Multi-byte text and boundaries inside characters never panic.
        let text = "送信元IPアドレス 192.0.2.1";
        assert_eq!(whole_lines(text, 1, 2), (0, text.len()));
        assert_eq!(span_in(text.as_bytes(), text, 1, 2), None);
    }
}
