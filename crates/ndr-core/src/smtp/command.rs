//! SMTP commands named in a bounce: which step of the session the rejection answered.

/// Commands a bounce can name. `CONN` is not an SMTP command: it stands for "the connection
/// itself" (the greeting), which some bounces report.
const KNOWN: &[&str] = &[
    "HELO", "EHLO", "MAIL", "RCPT", "DATA", "QUIT", "RSET", "NOOP", "VRFY", "ETRN", "EXPN", "HELP",
    "AUTH", "STARTTLS", "XFORWARD", "CONN",
];

/// What is looked for in text, in order; the last one found wins, because a transcript names
/// the commands in the order they were sent and the last one is the one that failed.
const DETECTABLE: &[&str] = &[
    "HELO",
    "EHLO",
    "STARTTLS",
    "AUTH PLAIN",
    "AUTH LOGIN",
    "AUTH CRAM-",
    "AUTH DIGEST-",
    "MAIL F",
    "RCPT",
    "RCPT T",
    "DATA",
    "QUIT",
    "XFORWARD",
];

/// Commands sent before the message content; a rejection at one of these cannot be about the
/// content.
pub(crate) const BEFORE_DATA: &[&str] = &["CONN", "EHLO", "HELO", "MAIL", "RCPT"];

/// The normalized command name when `s` is one (`"MAIL"`, `"RCPT"`, ...).
pub(crate) fn normalize(s: &str) -> Option<&'static str> {
    let up = s.trim().to_ascii_uppercase();
    KNOWN.iter().copied().find(|k| up.starts_with(k))
}

/// Whether `b` has four ASCII capital letters in a row.
fn has_capital_run(b: &[u8]) -> bool {
    let mut run = 0;
    b.iter().any(|c| {
        run = if c.is_ascii_uppercase() { run + 1 } else { 0 };
        run >= 4
    })
}

/// Finds the SMTP command named in free text ("... in reply to RCPT TO command").
pub(crate) fn find(text: &str) -> String {
    // Every known command is four or more capital letters: a text without such a run (most
    // lines of a bounce) is turned away in one pass instead of one search per command. (Each
    // needle of `DETECTABLE` holds a word of `KNOWN`, so a text without those finds nothing
    // below either: searching for `KNOWN` first would only add searches.)
    if text.len() < 4 || (crate::text::WIDE && !has_capital_run(text.as_bytes())) {
        return String::new();
    }
    let b = text.as_bytes();
    let word = |c: Option<&u8>| {
        c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'?' | b'@' | b'`'))
    };
    let mut found: Vec<&'static str> = Vec::new();
    for d in DETECTABLE {
        let Some(p) = crate::text::find(text, d) else {
            continue;
        };
        if !d.contains(' ') {
            // "DATABASE@EXAMPLE.JP" and "EMAIL.EXAMPLE.COM" do not name a command.
            let before = if p == 0 { None } else { b.get(p - 1) };
            if word(before) || word(b.get(p + d.len())) {
                continue;
            }
        }
        let name = match &d[..4] {
            "STAR" => "STARTTLS",
            "XFOR" => "XFORWARD",
            "MAIL" => "MAIL",
            "RCPT" => "RCPT",
            "AUTH" => "AUTH",
            "HELO" => "HELO",
            "EHLO" => "EHLO",
            "DATA" => "DATA",
            "QUIT" => "QUIT",
            _ => continue,
        };
        if !found.iter().any(|f| f.get(..4) == name.get(..4)) {
            found.push(name);
        }
    }
    found.last().map(|s| s.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_command() {
        assert_eq!(find("(in reply to RCPT TO command)"), "RCPT");
        assert_eq!(find("in reply to end of DATA command"), "DATA");
        assert_eq!(find("MAIL FROM:<a> ... RCPT TO:<b>"), "RCPT");
        assert_eq!(find("DATABASE@EXAMPLE.JP"), "");
        assert_eq!(find("after EHLO"), "EHLO");
        assert_eq!(normalize("rcpt to"), Some("RCPT"));
    }

    #[test]
    fn every_detectable_needle_holds_a_known_command() {
        for d in DETECTABLE {
            assert!(KNOWN.iter().any(|k| d.contains(k)), "{d}");
        }
    }

    #[test]
    fn every_known_command_is_a_capital_run() {
        for k in KNOWN {
            assert!(has_capital_run(k.as_bytes()), "{k}");
        }
        assert!(!has_capital_run(b"RCP TO rcpt data DAT"));
        assert!(has_capital_run(b"x RCPT"));
    }
}
