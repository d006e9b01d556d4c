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

/// A sending server's own words for a connection it could not open, lowercase: the system's
/// error for the TCP connection (the errno texts of `connect(2)`: ETIMEDOUT, ECONNREFUSED,
/// EHOSTUNREACH, ENETUNREACH). They name the connection step only next to the host they were
/// met at, so each is taken in the forms the MTAs write (`connect_failed`).
const CONNECT_ERRNO: &[&str] = &[
    "connection timed out",
    "connection refused",
    "no route to host",
    "network is unreachable",
    "operation timed out",
];

/// Whole wordings of a connection that could not be opened, lowercase.
const CONNECT_WORDINGS: &[&str] = &[
    // qmail-remote: "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)"
    // Source: qmail-1.03 qmail-remote.c (`temp_noconn`).
    "wasn't able to establish an smtp connection",
    // Exchange: "451 4.4.0 Primary target IP address responded with: "421 4.4.0 Unable to
    // connect."" and Exchange Online's "due to being unable to connect successfully to the
    // destination mail server"; older Exchange's "Failed to connect. Winsock error code: 10060".
    // Source: https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-4-4-7-in-exchange-online
    "unable to connect",
    "failed to connect. winsock error",
];

/// Words that say the server was reached and the session broke later, lowercase: Postfix's
/// "conversation with host timed out while sending end of data", "lost connection with host
/// while receiving the initial server greeting", Exim's "SMTP timeout after RCPT TO" (which
/// names its step anyway).
const LATER_IN_THE_SESSION: &[&str] = &[
    "while sending",
    "while receiving",
    "while performing",
    "timeout after",
    "timed out after",
    // A log line's "Connection closed ... Total session duration: 00:05:00": a session was open.
    "session duration",
];

/// True when `lc` (a lowercase error text) is the sending server's own report that it could
/// not connect to the receiving server at all: no reply, no greeting. Then the step is `CONN`.
///
/// The forms, each the errno text beside the host it was met at:
/// - Postfix: "connect to mx.example.com[192.0.2.1]:25: Connection timed out" (smtp_connect.c
///   "connect to %s[%s]:%d: %m");
/// - Exim: "mx.example.com [192.0.2.1]: Connection refused" (the host and its address, then
///   the system's error);
/// - Sendmail: "Connection timed out with mx.example.com", "Deferred: Connection refused by
///   mx.example.com" (the error, then "with" or "by" and the host);
/// - an RFC 3463 X.4.1 ("No answer from host"), as Exchange writes it: "4.4.1 Connection timed
///   out";
/// - and the whole wordings of `CONNECT_WORDINGS` (qmail, Exchange).
///
/// Linear: each errno text's occurrences are looked at once.
pub(crate) fn connect_failed(lc: &str) -> bool {
    if crate::text::contains_any(lc, LATER_IN_THE_SESSION) {
        return false;
    }
    if crate::text::contains_any(lc, CONNECT_WORDINGS) {
        return true;
    }
    CONNECT_ERRNO.iter().any(|errno| {
        crate::text::find_all(lc, errno).any(|at| {
            let before = lc.get(..at).unwrap_or_default();
            let after = lc.get(at + errno.len()..).unwrap_or_default();
            // Postfix and Exim: "...]:25: " or "...] " right before.
            let host_before = before
                .trim_end_matches([' ', ':'])
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_end_matches(':')
                .ends_with(']');
            // Sendmail: " with host" or " by host" right after (also "during user open with").
            let host_after = sendmail_host(after).is_some();
            // RFC 3463 X.4.1, "No answer from host".
            let no_answer = before.ends_with("4.4.1 ");
            host_before || host_after || no_answer
        })
    })
}

/// How a connection the sending server could not open failed, from the system's error it
/// reported (the errno texts of `connect(2)` in `CONNECT_ERRNO`, Windows' Winsock 10060): the
/// advice differs for each (a refused port was answered, a timeout was not, an unreachable
/// network is the sending machine's own routing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectFailure {
    /// ETIMEDOUT ("Connection timed out", "Operation timed out", Winsock 10060): no answer.
    TimedOut,
    /// ECONNREFUSED ("Connection refused"): the address answered, nothing took the port.
    Refused,
    /// ENETUNREACH ("Network is unreachable"): the sending machine has no route to that network
    /// at all, most often a missing IPv6 route.
    NetworkUnreachable,
    /// EHOSTUNREACH ("No route to host"): a router on the way says the host cannot be reached.
    HostUnreachable,
    /// Another wording (qmail's "wasn't able to establish an SMTP connection", Exchange's
    /// "Unable to connect").
    Other,
}

/// How the connection failed, for a recipient whose step is `CONN` (a sending server's own
/// report that it could not connect); `None` for any other step.
pub fn connect_failure(r: &crate::Recipient) -> Option<ConnectFailure> {
    if r.command.as_deref() != Some("CONN") {
        return None;
    }
    let lc = r.diagnostic_text.to_ascii_lowercase();
    let has = |w: &str| lc.contains(w);
    Some(
        if has("connection timed out") || has("operation timed out") || has("error code: 10060") {
            ConnectFailure::TimedOut
        } else if has("connection refused") {
            ConnectFailure::Refused
        } else if has("network is unreachable") {
            ConnectFailure::NetworkUnreachable
        } else if has("no route to host") {
            ConnectFailure::HostUnreachable
        } else {
            ConnectFailure::Other
        },
    )
}

/// The host Sendmail names after its error for a connection it could not open, taken from the
/// text right after the errno's words: " with mx.example.org." (ETIMEDOUT, also after
/// " during user open"), " by mx.example.org." or " by [192.0.2.1]" (ECONNREFUSED). Sendmail's
/// `errstring()` (sendmail/err.c) writes these as the errno text, then " with " and
/// `CurHostName`, or "Connection refused by " and `CurHostName`.
fn sendmail_host(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(" during user open").unwrap_or(after);
    ["with ", "by "].iter().find_map(|w| {
        rest.strip_prefix(' ')
            .and_then(|r| r.strip_prefix(w))
            .and_then(|h| h.split_whitespace().next())
            .map(|h| h.trim_end_matches(['.', ',', ';', ':', ')']))
            .filter(|h| h.starts_with('[') || h.contains('.'))
    })
}

/// The receiving host a sending Sendmail could not connect to, in its own wording
/// ("Deferred: Connection timed out with mx.example.org.", "Connection refused by
/// mx.example.org.", "Connection refused by [192.0.2.1]"), as written in `text`; only that
/// form: the first errno text of `CONNECT_ERRNO` followed by " with " or " by " and a host.
pub(crate) fn sendmail_connect_host(text: &str) -> Option<&str> {
    let lc = text.to_ascii_lowercase();
    CONNECT_ERRNO.iter().find_map(|errno| {
        lc.match_indices(errno).find_map(|(at, _)| {
            let end = at + errno.len();
            let host = sendmail_host(lc.get(end..)?)?;
            // The same bytes in `text`: ASCII lowercasing keeps every offset.
            let start = end + lc.get(end..)?.find(host)?;
            text.get(start..start + host.len())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_failure_names_the_system_error_of_a_conn_step() {
        let r = |command: Option<&str>, text: &str| crate::Recipient {
            command: command.map(str::to_string),
            diagnostic_text: text.to_string(),
            ..Default::default()
        };
        for (text, want) in [
            (
                "connect to mx.example.org[192.0.2.25]:25: Connection timed out",
                ConnectFailure::TimedOut,
            ),
            (
                "Deferred: Operation timed out with mx.example.org.",
                ConnectFailure::TimedOut,
            ),
            (
                "Failed to connect. Winsock error code: 10060",
                ConnectFailure::TimedOut,
            ),
            (
                "mx.example.org [192.0.2.25]: Connection refused",
                ConnectFailure::Refused,
            ),
            (
                "connect to mx.example.org[2001:db8::25]:25: Network is unreachable",
                ConnectFailure::NetworkUnreachable,
            ),
            (
                "connect to mx.example.org[192.0.2.25]:25: No route to host",
                ConnectFailure::HostUnreachable,
            ),
            (
                "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
                ConnectFailure::Other,
            ),
        ] {
            assert_eq!(
                connect_failure(&r(Some("CONN"), text)),
                Some(want),
                "{text}"
            );
        }
        // Another step is no connect failure, whatever its words.
        assert_eq!(
            connect_failure(&r(Some("DATA"), "Connection timed out")),
            None
        );
        assert_eq!(connect_failure(&r(None, "Connection refused")), None);
    }

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
    fn a_connection_that_could_not_be_opened() {
        for yes in [
            "connect to mx.example.org[192.0.2.1]:25: connection timed out",
            "mx.example.org [192.0.2.1]: connection refused",
            "deferred: connection refused by mx.example.org.",
            "deferred: connection refused by [192.0.2.1]",
            "connection timed out with mx.example.org.",
            "sorry, i wasn't able to establish an smtp connection. (#4.4.1)",
            "421 4.4.1 connection timed out",
            "451 4.4.0 primary target ip address responded with: \"421 4.4.0 unable to connect.\"",
        ] {
            assert!(connect_failed(yes), "{yes}");
        }
        for no in [
            "conversation with mx.example.org[192.0.2.1] timed out while sending end of data",
            "554 5.7.1 connection refused by policy",
            "connection timed out",
            "smtp timeout after rcpt to:<a@example.org>: connection timed out",
            "421 4.4.1 connection timed out. total session duration: 00:05:00",
        ] {
            assert!(!connect_failed(no), "{no}");
        }
    }

    #[test]
    fn the_host_sendmail_could_not_connect_to() {
        for (text, host) in [
            (
                "Deferred: Connection timed out with mx.example.org.",
                Some("mx.example.org"),
            ),
            (
                "... Deferred: Connection refused by MX.example.org.",
                Some("MX.example.org"),
            ),
            (
                "Deferred: Connection refused by [192.0.2.1]",
                Some("[192.0.2.1]"),
            ),
            (
                "Deferred: Connection timed out during user open with example.org",
                Some("example.org"),
            ),
            // Other forms name their host otherwise, and a reply is no connection error.
            (
                "connect to mx.example.org[192.0.2.1]:25: Connection timed out",
                None,
            ),
            ("554 5.7.1 connection refused by policy", None),
        ] {
            assert_eq!(sendmail_connect_host(text), host, "{text}");
        }
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
