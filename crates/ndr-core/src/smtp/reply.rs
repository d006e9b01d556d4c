//! SMTP reply codes (RFC 5321 section 4.2 and the later RFCs that add codes).

/// Reply codes looked for in text, per class, in the order of preference: when a text has
/// both "554" and "550", "550" is the one that answered the recipient more often.
const CLASS2: &[&str] = &[
    "211", "214", "220", "221", "235", "250", "251", "252", "253", "334", "354",
];
const CLASS4: &[&str] = &[
    "421", "450", "451", "452", "422", "430", "432", "453", "454", "455", "458", "459",
];
const CLASS5: &[&str] = &[
    "550", "552", "553", "551", "521", "525", "523", "524", "530", "533", "534", "535", "538",
    "555", "556", "554", "500", "501", "502", "503", "504",
];

/// True when `code` is one of the reply codes looked for in text (a defined code of class 4 or
/// 5), not merely one of the right form ("441", "522").
pub(crate) fn is_listed_failure(code: &str) -> bool {
    CLASS4.contains(&code) || CLASS5.contains(&code)
}

/// True when `code` is a reply code an SMTP server can send.
pub(crate) fn is_valid(code: &str) -> bool {
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let n: u16 = code.parse().unwrap_or(0);
    if !(211..=556).contains(&n) || n % 100 > 59 {
        return false;
    }
    match n / 100 {
        2 => n == 235 || (n <= 253 && !(222..250).contains(&n)),
        3 => n == 334 || n == 354,
        _ => true,
    }
}

/// True when `code` has the form of a failure reply (RFC 5321 4.2.1: first digit 4 or 5, second
/// digit 0 to 5 for its category, any third digit), defined or not: some servers answer with
/// codes no RFC defines ("557 Email address - ... - is not available here", quoted by qmail).
/// Only for a code a mail system put where the reply stands (qmail's "Remote host said: "):
/// `find` keeps to the defined codes, so that numbers in free text are not read as replies.
pub(crate) fn is_failure_form(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3
        && matches!(b[0], b'4' | b'5')
        && (b'0'..=b'5').contains(&b[1])
        && b[2].is_ascii_digit()
}

/// Finds a reply code in free text. `hint` (an enhanced code such as "5.1.1", or a class
/// digit) restricts the class. A code glued to digits or dots ("1550", "550.2") is not one,
/// nor is one inside a word: base64 lines of a pasted attachment or signature
/// ("...AigWP551x...") are full of digit runs that no server wrote as a reply.
/// When several codes appear, the one earliest in the preference lists wins, not the one
/// earliest in the text.
pub(crate) fn find(text: &str, hint: &str) -> String {
    if text.len() < 3 || crate::text::find_ci(text, "x-unix").is_some() {
        return String::new();
    }
    let lists: &[&[&str]] = match hint.as_bytes().first() {
        Some(b'2') => &[CLASS2],
        Some(b'4') => &[CLASS4],
        Some(b'5') => &[CLASS5],
        _ => &[CLASS5, CLASS4, CLASS2],
    };
    // One pass: every free-standing three-digit number.
    let b = text.as_bytes();
    let glued =
        |c: Option<&u8>| c.is_some_and(|c| (b'.'..=b'9').contains(c) || c.is_ascii_alphabetic());
    let mut present: Vec<[u8; 3]> = Vec::new();
    let mut i = 0;
    while i + 3 <= b.len() {
        // Sixteen bytes at a time (vector instructions) while none is a digit.
        if let Some(block) = b.get(i..i + 16).filter(|_| crate::text::WIDE) {
            if !block.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
                i += 16;
                continue;
            }
        }
        if b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() {
            let before = if i == 0 { None } else { b.get(i - 1) };
            if !glued(before) && !glued(b.get(i + 3)) {
                let code = [b[i], b[i + 1], b[i + 2]];
                if !present.contains(&code) {
                    present.push(code);
                }
            }
            i += 3;
            continue;
        }
        i += 1;
    }
    for list in lists {
        for code in *list {
            if present.iter().any(|p| p == code.as_bytes()) {
                return (*code).to_string();
            }
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_reply_codes() {
        for (text, hint, want) in [
            ("550 5.1.1 User unknown", "", "550"),
            ("said: 554 5.7.1 no; also 550", "", "550"),
            ("id 15505 and 1550", "", ""),
            ("452 4.2.2 full", "4", "452"),
            ("x-unix; 550", "", ""),
            ("host 192.0.2.550", "", ""),
            ("b=uzyQjb0/AigWP551x IUIhWJ1b", "", ""),
            ("#550 5.1.1; 550-5.1.1 (550)", "", "550"),
        ] {
            assert_eq!(find(text, hint), want, "{text}");
        }
        assert!(is_valid("550") && is_valid("235") && !is_valid("499") && !is_valid("230"));
        // Undefined codes of a failure's form: only where a reader found the reply's place.
        assert!(is_failure_form("557") && is_failure_form("451") && !is_valid("557"));
        for not in ["567", "657", "55", "5570", "55a", "357"] {
            assert!(!is_failure_form(not), "{not}");
        }
        assert_eq!(find("Remote host said: 557 not available here", ""), "");
    }
}
