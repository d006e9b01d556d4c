//! qmail bounces ("failure notice") and the many clones of its format.
//!
//! ```text
//! Hi. This is the qmail-send program at mx.example.jp.
//! I'm afraid I wasn't able to deliver your message to the following addresses.
//!
//! <kijitora@example.jp>:
//! 192.0.2.153 does not like recipient.
//! Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown
//! Giving up on 192.0.2.153.
//! ```
//! Source: qmail-1.03 `qmail-send.c`, `qmail-remote.c`, `qmail-local.c`, and the
//! qmail-ldap patch for the LDAP messages.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{command, reply};
use crate::text;
use crate::Reason::{self, *};

/// qmail-remote's words before the server's reply (qmail-remote.c, `outsmtptext`).
/// Source: https://github.com/notqmail/notqmail/blob/main/qmail-remote.c
const REMOTE_SAID: &str = "Remote host said: ";

const BOUNDARIES: &[&str] = &[
    "--- Below this line is a copy of the message.",
    "--- Below this line is a copy of the mail header.",
    "--- Below the next line is a copy of the message.",
    // qmail-send with a bounce that returns only the headers (a common patch's wording).
    "--- Enclosed are the original headers",
    "--- Mensaje original adjunto.",
    "Content-Type: message/rfc822",
    "Original message follows.",
];

/// First lines of qmail's bounce and of its clones.
const STARTS: &[&str] = &[
    "Hi. This is the qmail",
    // qmail-send.c's second line, which stays when a host name or the program's name in the
    // first is hidden ("Hi. This is the ******** program at ********.jp.").
    "I'm afraid I wasn't able to deliver your message to the following addresses.",
    "He/Her is not ",
    "unable to deliver your message to the following addresses",
    "Su mensaje no pudo ser entregado",
    "Sorry, we were unable to deliver your message to the following address",
    "This is the machine generated message from mail service",
    "This is the mail delivery agent at",
    "Unable to deliver message to the following address",
    "Unfortunately, your mail was not delivered to the following address:",
    "Your mail message to the following address",
    "Your message to the following addresses",
    "We're sorry.",
];

/// qmail-remote.c: which SMTP step failed.
const COMMANDS: &[(&str, &[&str])] = &[
    ("CONN", &[" but greeting failed."]),
    ("EHLO", &[" but my name was rejected."]),
    ("MAIL", &[" but sender was rejected."]),
    ("RCPT", &[" does not like recipient."]),
    (
        "DATA",
        &[
            " failed on DATA command",
            " failed after I sent the message",
        ],
    ),
];

/// qmail's own messages (qmail-local.c, qmail-remote.c, error_str.c, qmail-smtpd.c); the
/// vaguest ("Unable to") last.
const MESSAGES: &[(Reason, &[&str])] = &[
    (HostUnknown, &["Sorry, I couldn't find any host "]),
    (MailboxFull, &["disk quota exceeded"]),
    (
        MesgTooBig,
        &["Message size exceeds fixed maximum message size:"],
    ),
    (
        NetworkError,
        &[
            "Sorry, I wasn't able to establish an SMTP connection",
            "Sorry. Although I'm listed as a best-preference MX or A for that host",
        ],
    ),
    (
        NotAccept,
        &["Sorry, I couldn't find a mail exchanger or IP address"],
    ),
    (
        SystemFull,
        &["Requested action not taken: mailbox unavailable (not enough free space)"],
    ),
    (UserUnknown, &["no mailbox here by that name"]),
    (
        SystemError,
        &[
            "bad interpreter: No such file or directory",
            "system error",
            "Unable to",
        ],
    ),
];

/// qmail-ldap's messages.
const LDAP: &[(Reason, &[&str])] = &[
    (
        ExceedLimit,
        &["The message exeeded the maximum size the user accepts"],
    ),
    (
        Suspend,
        &[
            "Mailaddress is administrativly disabled",
            "Mailaddress is administrativley disabled",
            "Mailaddress is administratively disabled",
            "Mailaddress is administrativeley disabled",
        ],
    ),
    (
        SystemError,
        &[
            "Automatic homedir creator crashed",
            "Illegal value in LDAP attribute",
            "LDAP attribute is not given but mandatory",
            "Timeout while performing search on LDAP server",
            "Too many results returned but needs to be unique",
            "Permanent error while executing qmail-forward",
            "Temporary error in automatic homedir creation",
            "Temporary error while executing qmail-forward",
            "Temporary failure in LDAP lookup",
            "Unable to contact LDAP server",
            "Unable to login into LDAP server, bad credentials",
        ],
    ),
    (UserUnknown, &["Sorry, no mailbox here by that name"]),
];

/// qmail-send.c: "I'm not going to try again; this message has been in the queue too long."
const EXPIRED: &str = "this message has been in the queue too long.";

/// Lines qmail itself writes in a recipient's part (qmail-remote.c, qmail-send.c), which a
/// paste that lost the empty lines may put after the reply.
const OWN_LINES: &[&str] = &[REMOTE_SAID, "Giving up on ", "I'm not going to try again"];

/// True when `line` is one qmail writes itself (`OWN_LINES`).
fn own_line(line: &str) -> bool {
    text::starts_with_any(line, OWN_LINES)
}

/// True when the reply that `diagnosis` ends with ("Remote host said: ...") ended before
/// `line` (`after` is the line after it): qmail-remote writes the server's reply line by line
/// as it came (`outsmtptext`), so every further line of it starts with its code ("550-...",
/// "550 ..."). A line that does not is the reply's only when a wrap made it: indented,
/// starting with a small letter ("... Client host [192.0.2.1]" / "blocked using ..."), after a
/// sentence cut at a word such as "from", or followed by a coded line again ("... to learn
/// about" / "DMARC" / "550 5.7.1 initiative."). Any other line is the words of whoever pasted
/// the report ("What does this mean ?", held-out aa 02).
/// Source: https://github.com/notqmail/notqmail/blob/main/qmail-remote.c
fn ends_report(diagnosis: &str, line: &str, after: &str) -> bool {
    let Some(p) = diagnosis.rfind(REMOTE_SAID) else {
        return false;
    };
    let reply = diagnosis.get(p..).unwrap_or_default();
    !coded(line)
        && !coded(after)
        && !line.starts_with([' ', '\t'])
        && !line.starts_with(|c: char| c.is_lowercase())
        && !super::generic::unfinished(reply)
}

/// True when `line` starts with a reply code and a space or hyphen ("550-", "550 ").
fn coded(line: &str) -> bool {
    matches!(
        line.as_bytes(),
        [a, b, c, b' ' | b'-', ..] if [a, b, c].iter().all(|d| d.is_ascii_digit())
    )
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let subject = mail.subject();
    let by_subject = subject == "failure notice"
        || subject == "Failure Notice"
        || subject.starts_with("Permanent Delivery Failure");
    let by_received = mail
        .headers_named("received")
        .any(|r| r.contains("(qmail "));
    if !by_subject && !by_received && !mail.pasted_with(STARTS) {
        return None;
    }
    let (head, original) = split_original(&mail.body, BOUNDARIES);
    let mut deliveries: Vec<Delivery> = vec![Delivery::default()];
    let mut another: Vec<String> = vec![String::new()];
    let mut recipients = 0usize;
    let mut reading = false;
    // Whether the current recipient's part has ended (`ends_report`): what follows up to the
    // next recipient is someone's own words, not the report's.
    let mut ended = false;
    let mut lines = head.lines().peekable();
    while let Some(line) = lines.next() {
        let mut line = line;
        if !reading {
            reading = text::contains_any(line, STARTS);
            // A notice a web page put on one line: its first recipient ("... Sorry it didn't
            // work out. <user@example.jp>: user is over quota") follows on the same line.
            match text::find(line, " <").and_then(|p| line.get(p + 1..)) {
                Some(rest) if reading && text::aligned(rest, &["<", "@", ">:"]) => line = rest,
                _ => continue,
            }
        }
        if line.is_empty() {
            // qmail-send ends each recipient's part with an empty line (a line of spaces is
            // the words' own: a program's message quoted by qmail-local).
            ended |= deliveries.len() == recipients
                && !deliveries.last().expect("never empty").diagnosis.is_empty();
            continue;
        }
        // "<kijitora@example.jp>:", or "To: <kijitora@example.jp>:" in some qmail clones.
        let named = match line.strip_prefix("To") {
            Some(rest) if rest.trim_start().starts_with(':') => rest.trim_start()[1..].trim_start(),
            _ => line,
        };
        // An address hidden or replaced by a stand-in ("<相手のメールアドレス>:", "<****>:")
        // holds the same place.
        let stand_in = named.starts_with('<')
            && text::between(named, "<", ">:").is_some_and(crate::address::is_redacted);
        if named.starts_with('<') && (stand_in || text::aligned(named, &["<", "@", ">:"])) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
                another.push(String::new());
            }
            let v = deliveries.last_mut().expect("pushed");
            v.recipient = text::between(named, "<", ">:").unwrap_or("").to_string();
            // "<user@example.jp>: user is over quota": the words on the address's own line.
            if let Some(words) = named
                .find(">:")
                .and_then(|p| named.get(p + 2..))
                .map(str::trim)
                .filter(|w| !w.is_empty())
            {
                v.diagnosis.push_str(words);
                v.diagnosis.push(' ');
            }
            recipients += 1;
            ended = false;
        } else if deliveries.len() == recipients {
            let v = deliveries.last_mut().expect("never empty");
            let after = lines.peek().copied().unwrap_or_default();
            ended = (ended || ends_report(&v.diagnosis, line, after)) && !own_line(line);
            if ended {
                continue;
            }
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
            if line.starts_with(REMOTE_SAID.trim_end()) {
                let last = another.len() - 1;
                another[last] = line.to_string();
            }
            if v.rhost.is_empty() {
                // Giving up on 192.0.2.153. / Connected to 192.0.2.1 but ... / remote host 192.0.2.1 said:
                for lead in ["Giving up on ", "Connected to ", "remote host "] {
                    if let Some(rest) = text::between(&format!("{line} "), lead, " ") {
                        let h = rest.trim_end_matches('.');
                        if !h.is_empty() {
                            v.rhost = h.to_string();
                            break;
                        }
                    }
                }
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    for (j, e) in deliveries.iter_mut().enumerate() {
        e.diagnosis = text::sweep(&e.diagnosis);
        // "Giving up on 192.0.2.1." follows the remote host's own refusal: qmail stops because
        // of that reply, not because the message waited too long.
        if e.diagnosis.contains("Remote host said:") {
            if let Some(p) = text::find(&e.diagnosis, " Giving up on ") {
                let d = e.diagnosis.as_str();
                let rest = d.get(p + 1..).unwrap_or_default();
                let end = rest.find(". ").map_or(d.len(), |q| p + 1 + q + 2);
                // The sentence out by a `join` the crate already has, not `replace_range` (a
                // splice of its own in the wasm, 0.7 KB) and a slice that could panic.
                let head = d.get(..p).unwrap_or_default();
                let tail = d.get(end..).unwrap_or_default();
                e.diagnosis = text::sweep(&[head, tail].join(" "));
            }
        }
        if let Some((c, _)) = COMMANDS
            .iter()
            .find(|(_, m)| text::contains_any(&e.diagnosis, m))
        {
            e.command = (*c).to_string();
        }
        if e.command.is_empty() && e.diagnosis.contains("no SMTP connection got far enough") {
            e.command = command::find(&e.diagnosis);
        }
        if e.command == "EHLO" || e.command == "HELO" {
            e.reason = Some(Blocked);
        } else if text::aligned(&e.diagnosis, &[" does not like recipient.", EXPIRED]) {
            // The remote host refused, then qmail gave up: the reply decides.
            e.reason = Some(OnHold);
        } else {
            for f in [another[j].as_str(), e.diagnosis.as_str()] {
                if f.is_empty() {
                    continue;
                }
                let found = MESSAGES
                    .iter()
                    .chain(LDAP.iter())
                    .find(|(_, m)| text::contains_any(f, m))
                    .map(|(r, _)| *r)
                    .or_else(|| f.contains(EXPIRED).then_some(Expired));
                if found.is_some() {
                    e.reason = found;
                    break;
                }
            }
        }
        if e.command.is_empty() {
            e.command = command::find(&e.diagnosis);
        }
        // qmail-remote writes the server's reply right after its own "Remote host said: "
        // (qmail-remote.c, `outsmtptext`): a code there is the reply's, also one no RFC defines
        // ("Remote host said: 557 Email address - ... - is not available here"), which the
        // search of the text (`reply::find`) leaves out.
        if let Some(code) = text::find(&e.diagnosis, REMOTE_SAID)
            .and_then(|p| e.diagnosis.get(p + REMOTE_SAID.len()..))
            .and_then(|r| r.get(..4))
            .filter(|c| c.ends_with([' ', '-']))
            .and_then(|c| c.get(..3))
            .filter(|c| reply::is_failure_form(c) && !reply::is_listed_failure(c))
        {
            e.reply_code = code.to_string();
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}
