//! Email addresses in bounce text: recognising one, and picking one out of a line.

/// True when `s` looks like `local@domain`: one `@`, something on both sides, no white space,
/// no angle brackets.
pub(crate) fn is_email(s: &str) -> bool {
    if s.len() < 3 || s.len() > 320 {
        return false;
    }
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && (!local.contains('@')
            || (local.len() > 1 && local.starts_with('"') && local.ends_with('"')));
    // A colon only in an address literal ("[IPv6:2001:db8::1]"): "user@example.jp:blocked" is
    // an address with a note glued to it.
    let domain_ok = !domain.is_empty()
        && !domain.starts_with('.')
        && (!domain.contains(':') || domain.starts_with('['))
        && (domain.contains('.')
            || domain.starts_with('[')
            || domain.eq_ignore_ascii_case("localhost"));
    let clean = !s
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'));
    local_ok && domain_ok && clean
}

/// Characters that stand in for the letters of an address someone hid before pasting it
/// ("admin@***", "<●●@●●.●●>", "▲▲@example.jp").
const MASKS: &[char] = &[
    '*', '＊', '●', '○', '◯', '▲', '△', '■', '□', '◆', '×', '…', '#', '〜', '～',
];

/// True for a character people type in place of the letters of an address they hide (`MASKS`).
pub(crate) fn is_mask(c: char) -> bool {
    MASKS.contains(&c)
}

/// True when `s` is an address someone hid before pasting it, or a part of one: a word (no white
/// space) that has a run of two or more mask characters (`MASKS`), or a part of three or more
/// x's ("xxxxxxxx", "admin@xxx.example"), or is a web page's stand-in for an address it hides
/// ("[email protected]", which Cloudflare's email obfuscation leaves in copied text). Not an
/// address (`is_email`), yet the place of one: the recipient of the report, unknown.
pub(crate) fn is_redacted(s: &str) -> bool {
    let t = trim_wrapping(s);
    if t.eq_ignore_ascii_case("email protected") || t.eq_ignore_ascii_case("email&#160;protected") {
        return true;
    }
    if t.is_empty()
        || t.len() > 320
        || t.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
    {
        return false;
    }
    // A how-to page's stand-in that names the address in Japanese instead of showing one
    // (「<相手のメールアドレス>:」, 「<宛先メールアドレス>: Client host rejected」): users copy
    // these pages, and hide their own addresses the same way.
    if PLACEHOLDER_WORDS.iter().any(|w| t.contains(w)) && !t.contains('@') {
        return true;
    }
    // A word put where the address was ("[REDACTED]", "Final-Recipient: redacted",
    // "<removed>", "redacted@redacted"): every part of it is one of these words.
    let mut parts = t.split(['@', '.']).filter(|p| !p.is_empty()).peekable();
    if parts.peek().is_some() && parts.all(|p| MASK_WORDS.iter().any(|w| p.eq_ignore_ascii_case(w)))
    {
        return true;
    }
    let mut run = 0;
    let mut masked = false;
    for c in t.chars() {
        run = if MASKS.contains(&c) { run + 1 } else { 0 };
        masked |= run >= 2;
    }
    masked
        || t.split(['@', '.'])
            .any(|p| p.len() >= 3 && p.bytes().all(|b| b == b'x' || b == b'X'))
}

/// Words people put in place of an address they hide before pasting (`is_redacted`), in
/// English: alone or as every part of the address ("[REDACTED]", "<removed>",
/// "redacted@redacted"). Not words a server writes where an address belongs.
const MASK_WORDS: &[&str] = &[
    "redacted",
    "removed",
    "hidden",
    "masked",
    "censored",
    "anonymized",
    "anonymised",
    "obfuscated",
];

/// Words that make a word a stand-in for an address (`is_redacted`): "mail address",
/// "address", "recipient" in Japanese.
// "メアド" is the common short word for メールアドレス (an e-mail address).
const PLACEHOLDER_WORDS: &[&str] = &["アドレス", "宛先", "メアド"];

/// Strips the characters that commonly wrap an address in text.
fn trim_wrapping(s: &str) -> &str {
    s.trim_matches(|c: char| {
        matches!(
            c,
            '<' | '>'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\''
                | '`'
                | ';'
                | ':'
                | ','
                | '.'
        ) || c.is_whitespace()
    })
}

/// `trim_wrapping`, keeping a bracket the address itself needs: a local part or domain
/// someone hid as "[redacted]" ("[redacted]@[redacted].com.br" in an Office 365 notice) keeps
/// its opening "[", which `trim_wrapping` alone would strip while the "]" inside stays.
fn trim_wrapping_balanced(s: &str) -> &str {
    let t = trim_wrapping(s);
    // `t` is a slice of `s`: its offset is where the trimming stopped.
    let start = t.as_ptr() as usize - s.as_ptr() as usize;
    let opens = t.matches('[').count();
    let closes = t.matches(']').count();
    if closes > opens && start > 0 && s.as_bytes().get(start - 1) == Some(&b'[') && t.contains('@')
    {
        return s.get(start - 1..start + t.len()).unwrap_or(t);
    }
    t
}

/// An address without the scheme in front of it: "mailto:" of a link, and "SMTP:" of
/// Exchange's and MailEnable's address types ("Recipient: [SMTP:user@example.com]", seen in
/// flufl.bounce's test data, simple_41).
fn strip_scheme(w: &str) -> &str {
    for scheme in ["mailto:", "smtp:"] {
        if let Some(head) = w.get(..scheme.len()) {
            if head.eq_ignore_ascii_case(scheme) {
                return w.get(scheme.len()..).unwrap_or(w);
            }
        }
    }
    w
}

/// A word cut where Sendmail's "..." glues the address to its words without a space
/// ("user@example.com...User account is overquota", seen in flufl.bounce's test data,
/// simple_45): a domain never has two dots in a row.
fn cut_ellipsis(w: &str) -> &str {
    let Some(at) = w.find('@') else { return w };
    match crate::text::find(&w[at..], "..") {
        Some(p) => &w[..at + p],
        None => w,
    }
}

/// The first email address in `s`: one in angle brackets first, else a bare word with an `@`.
pub(crate) fn find(s: &str) -> Option<String> {
    let mut rest = s;
    while let Some(p) = rest.find('<') {
        let after = &rest[p + 1..];
        let Some(q) = after.find('>') else { break };
        let inner = after[..q].trim();
        let inner = strip_scheme(inner);
        if is_email(inner) {
            return Some(inner.to_string());
        }
        rest = &after[q + 1..];
    }
    for word in s.split(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        let w = strip_scheme(trim_wrapping_balanced(cut_ellipsis(ascii_run(word))));
        if w.contains('@') && is_email(w) {
            return Some(w.to_string());
        }
    }
    None
}

/// The last email address in `s` written as a bare word (or in angle brackets): in Japanese
/// the address comes before the words about it ("メッセージは hanako@example.jp に配信されません
/// でした").
pub(crate) fn find_last(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '、' | '。' | '「' | '」'))
        .rev()
        .filter(|w| w.contains('@'))
        .find_map(find)
}

/// In a word that mixes an address with other script ("メッセージはhanako@example.jpに",
/// "（hanako@example.jp）"), the stretch of ASCII around its first `@`: Japanese text often
/// writes no space around an address. A word that is all ASCII is returned as it is.
fn ascii_run(word: &str) -> &str {
    if word.is_ascii() {
        return word;
    }
    let Some(at) = word.find('@') else {
        return word;
    };
    let b = word.as_bytes();
    let start = b[..at]
        .iter()
        .rposition(|c| !c.is_ascii())
        .map_or(0, |p| p + 1);
    let end = b[at..]
        .iter()
        .position(|c| !c.is_ascii())
        .map_or(b.len(), |p| at + p);
    // Both ends sit next to an ASCII byte or at an end of `word`, so they are char boundaries.
    word.get(start..end).unwrap_or(word)
}

/// The address of a DSN address field value: `rfc822; <user@example.jp>` gives
/// `user@example.jp`.
pub(crate) fn from_dsn_value(v: &str) -> String {
    let v = match v.split_once(';') {
        Some((_, a)) => a,
        None => v,
    };
    let v = trim_wrapping(v.trim());
    find(v).unwrap_or_else(|| v.to_string())
}

/// The domain part of an address, lowercased.
pub(crate) fn domain(addr: &str) -> Option<String> {
    let (_, d) = addr.rsplit_once('@')?;
    let d = trim_wrapping(d);
    (!d.is_empty()).then(|| d.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_and_finds_addresses() {
        assert!(is_email("user@example.jp"));
        assert!(!is_email("@example.jp"));
        assert!(!is_email("user@"));
        assert!(!is_email("a b@example.jp"));
        assert_eq!(
            find("550 u@example.com...User unknown").as_deref(),
            Some("u@example.com")
        );
        assert_eq!(
            find("Recipient: [SMTP:u@example.com]").as_deref(),
            Some("u@example.com")
        );
        assert_eq!(
            find("<SMTP:u@example.com>").as_deref(),
            Some("u@example.com")
        );
        assert_eq!(
            find("550 5.1.1 <User@Example.jp>... User unknown").as_deref(),
            Some("User@Example.jp")
        );
        assert_eq!(
            find("RCPT TO:<a@example.jp>").as_deref(),
            Some("a@example.jp")
        );
        assert_eq!(
            find("mail to kijitora@example.jp. failed").as_deref(),
            Some("kijitora@example.jp")
        );
        assert_eq!(find("no address here"), None);
        assert_eq!(
            find("メッセージはhanako@example.jpに配信されませんでした").as_deref(),
            Some("hanako@example.jp")
        );
        assert_eq!(
            find("宛先（taro@example.jp）").as_deref(),
            Some("taro@example.jp")
        );
        assert_eq!(
            find_last("a@example.jp から b@example.jp へのメール").as_deref(),
            Some("b@example.jp")
        );
        assert_eq!(find_last("ドメイン example.jp が"), None);
        assert_eq!(
            from_dsn_value("rfc822; <neko@example.jp>"),
            "neko@example.jp"
        );
        assert_eq!(domain("neko@Example.JP").as_deref(), Some("example.jp"));
        // A hidden local part keeps its opening bracket (set s 38).
        assert_eq!(
            find("Recipient Address:    [redacted]@[redacted].com.br").as_deref(),
            Some("[redacted]@[redacted].com.br")
        );
        assert_eq!(
            find("Recipient: [SMTP:u@example.com]").as_deref(),
            Some("u@example.com")
        );
    }

    #[test]
    fn recognises_hidden_addresses() {
        for hidden in [
            "admin@***",
            "<***>",
            "●●@●●.●●",
            "XXXXXXXX",
            "user@xxx.example",
            "[email protected]",
            "***@example.com",
            "[REDACTED]",
            "redacted",
            "<removed>",
            "redacted@redacted",
            "xxx@xxx",
            "メアド",
            "<相手のメールアドレス>",
        ] {
            assert!(is_redacted(hidden), "{hidden}");
        }
        for not_hidden in [
            "",
            "user@example.jp",
            "*",
            "a * b",
            "postmaster",
            "x@example.com",
            "Recipient address rejected",
            "redacted@example.com",
            "[removed] by filter",
            "...",
        ] {
            assert!(!is_redacted(not_hidden), "{not_hidden}");
        }
    }
}
