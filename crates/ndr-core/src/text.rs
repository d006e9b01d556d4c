//! Small string matchers shared by the decoders: no regex, linear, never panicking.

/// True when `hay` contains any of `needles`.
pub(crate) fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| hay.contains(n))
}

/// True when every needle occurs in `hay`, each one after the end of the previous one.
pub(crate) fn aligned(hay: &str, needles: &[&str]) -> bool {
    let mut from = 0;
    for n in needles {
        match hay.get(from..).and_then(|rest| rest.find(n)) {
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

/// True when `hay` starts with any of `prefixes`.
pub(crate) fn starts_with_any(hay: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| hay.starts_with(p))
}

/// The text between the first `open` and the next `close` after it (`close` empty: to the end).
pub(crate) fn between<'a>(hay: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = hay.find(open)? + open.len();
    let rest = hay.get(start..)?;
    if close.is_empty() {
        return Some(rest);
    }
    let end = rest.find(close)?;
    rest.get(..end)
}

/// Collapses runs of white space to one space, trims, and cuts a trailing MIME boundary
/// (`" --boundary"`) that leaked into a diagnostic text.
pub(crate) fn sweep(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
    // A boundary line glued onto the text ("... User unknown --=_NextPart_01") is not part of
    // the message; a separator written by a person ("-- ") is kept.
    if let Some(p) = out.find(" --") {
        if !out.contains("-- ") {
            out.truncate(p);
        }
    }
    out
}

/// ASCII lowercase copy.
pub(crate) fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Byte offset of `needle` in `hay` at or after `from`, ASCII case-insensitively.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// True when `hay` starts with `prefix`, ASCII case-insensitively.
pub(crate) fn starts_with_ci(hay: &str, prefix: &str) -> bool {
    hay.len() >= prefix.len()
        && hay.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
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

/// Position of `needle` in `hay` (bytes, not necessarily UTF-8). Candidates are found by their
/// first byte with a fast scan and only then compared, so the work stays close to linear.
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(p) = hay
        .get(from..)
        .and_then(|h| h.iter().position(|&b| b == first))
    {
        let at = from + p;
        if hay.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn finds_bytes() {
        assert_eq!(find_bytes(b"a--b--c--", b"--c"), Some(4));
        assert_eq!(find_bytes(b"abc", b""), Some(0));
        assert_eq!(find_bytes(b"ab", b"abc"), None);
        assert_eq!(find_bytes(b"\xff\x1b$B", b"\x1b$B"), Some(1));
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
