//! Enhanced mail system status codes (RFC 3463): finding them in text, choosing between two,
//! and what each one means as a bounce reason.
//!
//! Codes are kept as strings with full precision: `5.7.606` is not `5.7.60`, and RFC 3463
//! allows up to three digits in the subject and the detail.

use crate::Reason;

/// A parsed enhanced status code, `class.subject.detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enhanced {
    /// 2 (success), 4 (persistent transient failure) or 5 (permanent failure).
    pub class: u8,
    /// 0 to 7 in RFC 3463; up to three digits are read.
    pub subject: u16,
    /// Up to three digits (`5.7.606`).
    pub detail: u16,
}

impl Enhanced {
    /// Parses `"5.7.606"`; `None` unless it is a well-formed code of class 2, 4 or 5.
    pub fn parse(s: &str) -> Option<Enhanced> {
        if s.len() < 5 || s.len() > 9 {
            return None;
        }
        let mut it = s.split('.');
        let class = it.next()?;
        let subject = it.next()?;
        let detail = it.next()?;
        if it.next().is_some() {
            return None;
        }
        let num = |p: &str| -> Option<u16> {
            if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let class = num(class)?;
        let subject = num(subject)?;
        let detail = num(detail)?;
        if !matches!(class, 2 | 4 | 5) || subject > 7 {
            return None;
        }
        Some(Enhanced {
            class: class as u8,
            subject,
            detail,
        })
    }
}

/// True when `s` is a valid enhanced status code (`5.1.1`, `4.7.26`, `5.7.606`).
pub(crate) fn is_valid(s: &str) -> bool {
    Enhanced::parse(s).is_some()
}

/// True when the code is one of the pseudo codes `X.0.9NN` that stand for a reason rather than a
/// code the remote side sent.
pub(crate) fn is_pseudo(s: &str) -> bool {
    s.len() == 7 && s.get(1..4) == Some(".0.")
}

/// Finds an enhanced status code in free text. `hint` is a reply code or class digit ("550",
/// "4") that restricts the class; empty means any of 5, 4, 2 (in that order of preference).
///
/// Codes inside IP addresses or version numbers are not codes; `X.0.0` and `4.4.7` say little,
/// so another code in the same text is preferred to them.
pub(crate) fn find(text: &str, hint: &str) -> String {
    let b = text.as_bytes();
    if b.len() < 5 {
        return String::new();
    }
    let classes: &[u8] = match hint.as_bytes().first() {
        Some(c @ (b'2' | b'4' | b'5')) => std::slice::from_ref(c),
        _ => b"542",
    };
    let mut found: Vec<String> = Vec::new();
    let mut vague = String::new();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i + 4 < b.len() + 1 {
        // A code has a dot right after its class digit: sixteen starts at a time (vector
        // instructions) are passed over while no dot follows any of them.
        if let Some(block) = b.get(i + 1..i + 17).filter(|_| crate::text::WIDE) {
            if !block.iter().fold(false, |any, &c| any | (c == b'.')) {
                i += 16;
                continue;
            }
        }
        let c = b[i];
        if b.get(i + 1) != Some(&b'.') || !classes.contains(&c) {
            i += 1;
            continue;
        }
        // The character before must not make this a part of a number, an IP address or a
        // version string ("v5.1.1").
        if i > 0 {
            let p = b[i - 1];
            if p.is_ascii_digit() || p == b'.' || p == b'/' {
                i += 1;
                continue;
            }
            if p == b'V' || p == b'v' {
                i += 1;
                continue;
            }
        }
        // Subject: one to three digits (0-7 for the first), then ".".
        let mut j = i + 2;
        let s0 = j;
        while j < b.len() && b[j].is_ascii_digit() && j - s0 < 3 {
            j += 1;
        }
        if j == s0 || b[s0] > b'7' || b.get(j) != Some(&b'.') {
            i += 1;
            continue;
        }
        let subject_end = j;
        j += 1;
        let d0 = j;
        while j < b.len() && b[j].is_ascii_digit() && j - d0 < 3 {
            j += 1;
        }
        if j == d0 || digit(j) {
            i += 1;
            continue;
        }
        // "5.1.1.2" is an IP address or a version, not a status code.
        if b.get(j) == Some(&b'.') && digit(j + 1) {
            i = j;
            continue;
        }
        if subject_end - s0 > 1 && b[s0] == b'0' {
            i += 1;
            continue;
        }
        // "(See RFC2821 4.1.3)", "RFC 5321 section 4.1.4": a section of an RFC that a reply
        // cites (Exim's HELO checks), not a status code.
        if cites_rfc(b.get(..i).unwrap_or_default()) {
            i = j;
            continue;
        }
        let code = String::from_utf8_lossy(&b[i..j]).into_owned();
        // qmail's "#4.4.1" after a host inside another server's reply ("554 5.4.0
        // <mx.example.org #4.4.1>"): the inner code of an earlier hop, kept apart so that
        // the outer reply's own code of another class wins.
        if i > 0 && b[i - 1] == b'#' && !found.is_empty() {
            if found.iter().all(|f| f.as_bytes().first() == Some(&c)) {
                found.push(code);
            }
            i = j;
            continue;
        }
        if code.get(1..5) == Some(".0.0") && code.len() == 5 || code == "4.4.7" {
            if vague.is_empty() {
                vague = code;
            }
        } else {
            found.push(code);
        }
        i = j;
    }
    // In order of appearance, the vague code last; `prefer` then picks the most precise.
    if !vague.is_empty() {
        found.push(vague);
    }
    let mut it = found.into_iter();
    let Some(mut best) = it.next() else {
        return String::new();
    };
    for e in it {
        best = prefer(&best, &e, "");
    }
    best
}

/// True when `before` ends with an RFC's number, and perhaps "section": "RFC2821 ",
/// "RFC 5321 section ".
fn cites_rfc(before: &[u8]) -> bool {
    let trim = |s: &[u8]| -> usize { s.len() - s.iter().rev().take_while(|c| **c == b' ').count() };
    let mut end = trim(before);
    let word = b"section";
    if end >= word.len()
        && before
            .get(end - word.len()..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    {
        end = trim(before.get(..end - word.len()).unwrap_or_default());
    }
    let digits = before
        .get(..end)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 {
        return false;
    }
    let end = trim(before.get(..end - digits).unwrap_or_default());
    end >= 3
        && before
            .get(end - 3..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"rfc"))
}

/// Chooses between the code of a `Status:` field (`field`) and one found in the message text
/// (`inmsg`), using the reply code's class when they disagree on the class.
pub(crate) fn prefer(field: &str, inmsg: &str, reply: &str) -> String {
    if field.is_empty() {
        return inmsg.to_string();
    }
    if inmsg.is_empty() || inmsg.len() < 5 {
        return field.to_string();
    }
    if field.len() < 5 {
        return inmsg.to_string();
    }
    let (f0, m0) = (field.as_bytes()[0], inmsg.as_bytes()[0]);
    if let Some(&r0) = reply.as_bytes().first() {
        if f0 != m0 {
            if r0 == f0 {
                return field.to_string();
            }
            if r0 == m0 {
                return inmsg.to_string();
            }
        }
    }
    if field == inmsg {
        return field.to_string();
    }
    let zero1 = (field.find(".0"), inmsg.find(".0"));
    let zero2 = (field.find(".0.0"), inmsg.find(".0.0"));
    if zero2.0.is_some() {
        // The field says only "X.0.0"; the text is more precise unless it is as vague.
        return if zero2.1.is_none() { inmsg } else { field }.to_string();
    }
    if zero1.0.is_some() && zero1.1.is_none() {
        return inmsg.to_string();
    }
    if zero2.1.is_some() {
        return field.to_string();
    }
    // Codes that say less than what the text usually says.
    if field == "4.4.7" || field == "4.7.0" || field.starts_with("5.3.") {
        return inmsg.to_string();
    }
    if [".5.1", ".5.2", ".5.4", ".5.5"]
        .iter()
        .any(|p| field.get(1..5) == Some(*p))
    {
        return inmsg.to_string();
    }
    if field == "5.1.1" {
        if zero1.1.is_some() || inmsg.starts_with("5.5.") {
            return field.to_string();
        }
        return inmsg.to_string();
    }
    if field == "5.1.3" && inmsg.starts_with("5.7.") {
        return inmsg.to_string();
    }
    field.to_string()
}

/// What an enhanced status code means as a bounce reason, when it says enough on its own.
///
/// Codes absent from this table (`5.7.1`, `4.7.0`, `5.0.0`, ...) are too general: the reason
/// comes from the text. Source: the IANA registry of enhanced status codes,
/// <https://www.iana.org/assignments/smtp-enhanced-status-codes/>, with the reading Sisimai
/// gives each code (`smtp/status/lib.go` of go-sisimai).
const REASON_OF: &[(&str, Reason)] = &[
    ("2.1.5", Reason::Delivered),      // Destination address valid
    ("4.1.6", Reason::HasMoved),       // Destination mailbox has moved
    ("4.1.7", Reason::Rejected),       // Bad sender's mailbox address syntax
    ("4.1.8", Reason::Rejected),       // Bad sender's system address
    ("4.1.9", Reason::SystemError),    // Message relayed to non-compliant mailer
    ("4.2.1", Reason::Blocked),        // Mailbox disabled, not accepting messages
    ("4.2.2", Reason::MailboxFull),    // Mailbox full
    ("4.2.3", Reason::ExceedLimit),    // Message length exceeds administrative limit
    ("4.2.4", Reason::Filtered),       // Mailing list expansion problem
    ("4.3.1", Reason::SystemFull),     // Mail system full
    ("4.3.2", Reason::NotAccept),      // System not accepting network messages
    ("4.3.3", Reason::SystemError),    // System not capable of selected features
    ("4.3.5", Reason::SystemError),    // System incorrectly configured
    ("4.4.1", Reason::Expired),        // No answer from host
    ("4.4.2", Reason::NetworkError),   // Bad connection
    ("4.4.3", Reason::SystemError),    // Directory server failure
    ("4.4.4", Reason::NetworkError),   // Unable to route
    ("4.4.5", Reason::SystemFull),     // Mail system congestion
    ("4.4.6", Reason::NetworkError),   // Routing loop detected
    ("4.4.7", Reason::Expired),        // Delivery time expired
    ("4.4.8", Reason::NetworkError),   // Retry on IPv4
    ("4.5.3", Reason::SystemError),    // Too many recipients
    ("4.5.5", Reason::SystemError),    // Wrong protocol version
    ("4.6.0", Reason::ContentError),   // Other or undefined media error
    ("4.6.2", Reason::ContentError),   // Conversion required and prohibited
    ("4.6.5", Reason::ContentError),   // Conversion failed
    ("4.7.1", Reason::Blocked),        // Delivery not authorized, message refused
    ("4.7.2", Reason::Blocked),        // Mailing list expansion prohibited
    ("4.7.5", Reason::SecurityError),  // Cryptographic failure
    ("4.7.6", Reason::SecurityError),  // Cryptographic algorithm not supported
    ("4.7.7", Reason::SecurityError),  // Message integrity failure
    ("4.7.12", Reason::SecurityError), // A password transition is needed
    ("4.7.15", Reason::SecurityError), // Priority level is too low
    ("4.7.16", Reason::MesgTooBig),    // Message is too big for the specified priority
    ("4.7.24", Reason::AuthFailure),   // SPF validation error
    ("4.7.25", Reason::RequirePtr),    // Reverse DNS validation failed
    ("4.7.26", Reason::AuthFailure),   // Multiple authentication checks failed
    ("5.1.0", Reason::UserUnknown),    // Other address status
    ("5.1.1", Reason::UserUnknown),    // Bad destination mailbox address
    ("5.1.2", Reason::HostUnknown),    // Bad destination system address
    ("5.1.3", Reason::UserUnknown),    // Bad destination mailbox address syntax
    ("5.1.4", Reason::Filtered),       // Destination mailbox address ambiguous
    ("5.1.6", Reason::HasMoved),       // Destination mailbox has moved
    ("5.1.7", Reason::Rejected),       // Bad sender's mailbox address syntax
    ("5.1.8", Reason::Rejected),       // Bad sender's system address
    ("5.1.9", Reason::SystemError),    // Message relayed to non-compliant mailer
    ("5.1.10", Reason::NotAccept),     // Recipient address has null MX (RFC 7505)
    ("5.2.0", Reason::Filtered),       // Other or undefined mailbox status
    ("5.2.1", Reason::Filtered),       // Mailbox disabled, not accepting messages
    ("5.2.2", Reason::MailboxFull),    // Mailbox full
    ("5.2.3", Reason::ExceedLimit),    // Message length exceeds administrative limit
    ("5.2.4", Reason::Filtered),       // Mailing list expansion problem
    ("5.3.0", Reason::SystemError),    // Other or undefined mail system status
    ("5.3.1", Reason::SystemFull),     // Mail system full
    ("5.3.2", Reason::NotAccept),      // System not accepting network messages
    ("5.3.3", Reason::SystemError),    // System not capable of selected features
    ("5.3.4", Reason::MesgTooBig),     // Message too big for system
    ("5.3.5", Reason::SystemError),    // System incorrectly configured
    ("5.4.0", Reason::NetworkError),   // Other or undefined network or routing status
    ("5.4.3", Reason::SystemError),    // Directory server failure
    ("5.4.4", Reason::HostUnknown),    // Unable to route
    // Sisimai maps 4.4.6 alone; the permanent form means the same loop (RFC 3463, X.4.6).
    ("5.4.6", Reason::NetworkError), // Routing loop detected
    // Sisimai maps 4.4.7 alone. RFC 3463's X.4.7 "Delivery time expired": "The message was
    // considered too old by the rejecting system, either because it remained on that host too
    // long or because the time-to-live value specified by the sender of the message was
    // exceeded"; a sender that gives up on a message after its retries writes it permanent,
    // as Momentum (SparkPost) does: "554 5.4.7 [internal] message timeout (exceeded max time,
    // last transfail: ...)" (held-out ac 58). The reply it quotes last is an earlier try's.
    ("5.4.7", Reason::Expired),         // Delivery time expired
    ("5.5.2", Reason::SyntaxError),     // Syntax error
    ("5.5.3", Reason::TooManyConn),     // Too many recipients
    ("5.5.4", Reason::SystemError),     // Invalid command arguments
    ("5.5.5", Reason::SystemError),     // Wrong protocol version
    ("5.5.6", Reason::SyntaxError),     // Authentication exchange line is too long
    ("5.6.0", Reason::ContentError),    // Other or undefined media error
    ("5.6.1", Reason::ContentError),    // Media not supported
    ("5.6.2", Reason::ContentError),    // Conversion required and prohibited
    ("5.6.3", Reason::ContentError),    // Conversion required but not supported
    ("5.6.5", Reason::ContentError),    // Conversion failed
    ("5.6.6", Reason::ContentError),    // Message content not available
    ("5.6.7", Reason::ContentError),    // Non-ASCII addresses not permitted
    ("5.6.8", Reason::ContentError),    // UTF-8 string reply is required
    ("5.6.9", Reason::ContentError),    // UTF-8 header message cannot be transferred
    ("5.7.0", Reason::SecurityError),   // Other or undefined security status
    ("5.7.1", Reason::SecurityError),   // Delivery not authorized, message refused
    ("5.7.2", Reason::SecurityError),   // Mailing list expansion prohibited
    ("5.7.3", Reason::SecurityError),   // Security conversion required but not possible
    ("5.7.4", Reason::SecurityError),   // Security features not supported
    ("5.7.5", Reason::SecurityError),   // Cryptographic failure
    ("5.7.6", Reason::SecurityError),   // Cryptographic algorithm not supported
    ("5.7.7", Reason::SecurityError),   // Message integrity failure
    ("5.7.8", Reason::SecurityError),   // Authentication credentials invalid
    ("5.7.9", Reason::SecurityError),   // Authentication mechanism is too weak
    ("5.7.10", Reason::SecurityError),  // Encryption needed
    ("5.7.11", Reason::SecurityError),  // Encryption required for requested mechanism
    ("5.7.13", Reason::Suspend),        // User account disabled
    ("5.7.14", Reason::SecurityError),  // Trust relationship required
    ("5.7.15", Reason::SecurityError),  // Priority level is too low
    ("5.7.16", Reason::MesgTooBig),     // Message is too big for the specified priority
    ("5.7.17", Reason::HasMoved),       // Mailbox owner has changed
    ("5.7.18", Reason::HasMoved),       // Domain owner has changed
    ("5.7.19", Reason::SecurityError),  // RRVS test cannot be completed
    ("5.7.20", Reason::AuthFailure),    // No passing DKIM signature found
    ("5.7.21", Reason::AuthFailure),    // No acceptable DKIM signature found
    ("5.7.22", Reason::AuthFailure),    // No valid author-matched DKIM signature found
    ("5.7.23", Reason::AuthFailure),    // SPF validation failed
    ("5.7.24", Reason::AuthFailure),    // SPF validation error
    ("5.7.25", Reason::RequirePtr),     // Reverse DNS validation failed
    ("5.7.26", Reason::AuthFailure),    // Multiple authentication checks failed
    ("5.7.27", Reason::NotAccept),      // Sender address has null MX
    ("5.7.28", Reason::SpamDetected),   // Mail flood of similar abusive messages
    ("5.7.29", Reason::AuthFailure),    // ARC validation failure
    ("5.7.30", Reason::FailedStartTls), // REQUIRETLS support required
];

/// The reason an enhanced status code stands for, if the code says enough on its own.
pub(crate) fn reason_of(code: &str) -> Option<Reason> {
    if !is_valid(code) {
        return None;
    }
    REASON_OF.iter().find(|(c, _)| *c == code).map(|(_, r)| *r)
}

/// The pseudo code `X.0.9NN` used when the bounce gave no code of its own, so that every
/// reason still has a code with the right class (`temporary` gives class 4).
pub(crate) fn pseudo_code(reason: Reason, temporary: bool) -> String {
    let detail = match reason {
        Reason::AuthFailure => 926,
        Reason::BadReputation => 975,
        Reason::Blocked => 971,
        Reason::ContentError => 960,
        Reason::ExceedLimit => 923,
        Reason::Expired => 947,
        Reason::FailedStartTls => 976,
        Reason::Filtered if temporary => 924,
        Reason::Filtered => 910,
        Reason::HasMoved if !temporary => 916,
        Reason::HostUnknown if !temporary => 912,
        Reason::MailboxFull => 922,
        Reason::MailerError => 939,
        Reason::MesgTooBig => 934,
        Reason::NetworkError => 944,
        Reason::NoRelaying => 909,
        Reason::NotAccept => 932,
        Reason::NotCompliantRfc => 974,
        Reason::OnHold => 901,
        Reason::PolicyViolation => 972,
        Reason::Rejected => 918,
        Reason::RequirePtr => 973,
        Reason::SecurityError => 970,
        Reason::SpamDetected => 980,
        Reason::Speeding => 946,
        Reason::Suppressed => 903,
        Reason::Suspend => 921,
        Reason::SystemError => 930,
        Reason::SystemFull => 931,
        Reason::SyntaxError => 902,
        Reason::TooManyConn => 945,
        Reason::UserUnknown if !temporary => 911,
        Reason::Undefined => 900,
        Reason::VirusDetected => 981,
        _ => return String::new(),
    };
    format!("{}.0.{detail}", if temporary { 4 } else { 5 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_codes_with_full_precision() {
        for (text, hint, want) in [
            (
                "550 5.7.606 Access denied, banned sending IP [192.0.2.1]",
                "",
                "5.7.606",
            ),
            ("550-5.7.1 [192.0.2.1] blocked", "", "5.7.1"),
            ("554 5.7.1 Rejected 5.0.0", "", "5.7.1"),
            ("host 10.5.1.1 said 550 no", "", ""),
            ("Status: 4.4.7 then 4.2.2 mailbox full", "", "4.2.2"),
            ("version v5.1.1 of x", "", ""),
            ("#5.1.1 bad address", "", "5.1.1"),
            ("(#5.7.1)", "", "5.7.1"),
            ("550 5.0.0 User unknown", "", "5.0.0"),
            ("4.2.2 and 5.1.1", "4", "4.2.2"),
            ("550-5.7.1 blocked", "", "5.7.1"),
            ("5.7.26", "", "5.7.26"),
            ("x 5.1.1.", "", "5.1.1"),
            ("日本 5.1.1 ユーザ", "", "5.1.1"),
        ] {
            assert_eq!(find(text, hint), want, "{text}");
        }
    }

    #[test]
    fn parses_enhanced_codes() {
        assert_eq!(
            Enhanced::parse("5.7.606"),
            Some(Enhanced {
                class: 5,
                subject: 7,
                detail: 606
            })
        );
        assert_eq!(Enhanced::parse("3.1.1"), None);
        assert_eq!(Enhanced::parse("5.8.1"), None);
        assert_eq!(Enhanced::parse("5.1"), None);
        assert_eq!(Enhanced::parse("5.1.1.1"), None);
    }

    #[test]
    fn skips_rfc_sections_and_an_inner_qmail_code_of_another_class() {
        assert_eq!(find("550 Invalid HELO name (See RFC2821 4.1.3)", ""), "");
        assert_eq!(find("see RFC 5321 section 4.5.3 and 5.7.1", ""), "5.7.1");
        assert_eq!(find("554 5.4.0 <mx.example.net #4.4.1>", ""), "5.4.0");
        assert_eq!(find("554 5.4.0 <mx.example.net #5.4.4>", ""), "5.4.4");
        assert_eq!(find("(#5.7.1)", ""), "5.7.1");
    }

    #[test]
    fn prefers_the_precise_code() {
        assert_eq!(prefer("5.0.0", "5.1.1", ""), "5.1.1");
        assert_eq!(prefer("5.1.1", "5.0.0", ""), "5.1.1");
        assert_eq!(prefer("4.4.7", "4.2.2", ""), "4.2.2");
        assert_eq!(prefer("5.1.1", "4.2.2", "452"), "4.2.2");
        assert_eq!(prefer("", "5.7.1", ""), "5.7.1");
    }

    #[test]
    fn pseudo_codes_have_the_right_class() {
        assert_eq!(pseudo_code(Reason::Filtered, false), "5.0.910");
        assert_eq!(pseudo_code(Reason::Filtered, true), "4.0.924");
        assert_eq!(pseudo_code(Reason::UserUnknown, true), "");
        assert!(is_pseudo("5.0.910"));
        assert!(!is_pseudo("5.1.10"));
    }
}
