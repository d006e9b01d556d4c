//! Sendmail bounces: "Returned mail: see transcript for details", with a session transcript
//! (`>>> RCPT To:<...>`, `<<< 550 ...`) and a `message/delivery-status` part.
//! Source: sendmail `savemail.c` ("----- Transcript of session follows -----").

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name};
use crate::smtp::{command, reply, status};
use crate::{address, text};

const BOUNDARIES: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
];

/// The line above sendmail's session transcript (savemail.c).
const TRANSCRIPT: &str = "----- Transcript of session follows -----";

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if mail.has_header("x-aol-ip") {
        return None;
    }
    let subject = mail.subject();
    // A paste of the notice's body without its header (cut above, or copied from a mail
    // program's view) still has sendmail's own transcript line (savemail.c).
    if !(subject.starts_with("Warning: ")
        || subject.ends_with("see transcript for details")
        || mail.pasted_with(&[TRANSCRIPT]))
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, BOUNDARIES);
    let mut deliveries = vec![Delivery::default()];
    let mut per_message: Vec<(Name, String)> = Vec::new();
    let mut replies: Vec<String> = Vec::new();
    let mut reply_lines = FirstFailure::default();
    let mut another_diag = String::new();
    let mut another_status = String::new();
    // A recipient's error under its bare local name (`local_name_error`): the name and the words.
    let mut bare: Option<(String, String)> = None;
    let mut session_error = false;
    let mut the_command = String::new();
    let mut recipients = 0usize;
    let mut started = false;
    let mut prev_diag = false;

    for line in head.lines() {
        if !started {
            // Sendmail indents it by three spaces; a paste may have lost them.
            started = line.trim_start().starts_with(TRANSCRIPT);
            continue;
        }
        if let Some(f) = dsn::field(line) {
            prev_diag = f.name == Name::DiagnosticCode;
            let v = deliveries.last_mut().expect("never empty");
            match f.name {
                Name::FinalRecipient => {
                    if !v.recipient.is_empty() {
                        deliveries.push(Delivery::default());
                    }
                    deliveries.last_mut().expect("pushed").recipient =
                        address::from_dsn_value(&f.value);
                    recipients += 1;
                }
                Name::OriginalRecipient | Name::XActualRecipient => v.alias = f.value,
                Name::DiagnosticCode => {
                    v.spec = f.kind;
                    v.diagnosis = f.value;
                }
                _ => {
                    v.set_field(f.name, &f.value);
                    if f.per_message {
                        per_message.push((f.name, f.value));
                    }
                }
            }
            continue;
        }
        if line.starts_with(' ') {
            if prev_diag {
                let v = deliveries.last_mut().expect("never empty");
                v.diagnosis.push(' ');
                v.diagnosis.push_str(&text::sweep(line));
            }
            continue;
        }
        prev_diag = false;
        if let Some(rest) = line.strip_prefix(">>> ") {
            // >>> RCPT To:<kijitora@example.org>
            if the_command.is_empty() {
                the_command = command::find(rest);
            }
            reply_lines.next_exchange();
        } else if let Some(rest) = line.strip_prefix("<<< ") {
            // <<< 550 5.1.1 <kijitora@example.org>... User Unknown
            reply_lines.take(rest, &mut replies);
        } else if line.starts_with("... while talking to ") {
            session_error = true;
            reply_lines.next_exchange();
        } else if !session_error && replies.is_empty() {
            // Once the remote server's reply is read, what sendmail writes under it is its own
            // restatement ("550 5.1.1 <x>... User unknown" for any refused RCPT), not the
            // server's words.
            if line.starts_with('<') && text::aligned(line, &["@", ">.", " "]) {
                // <kijitora@example.co.jp>... Deferred: Name server: example.co.jp.: host name lookup failure
                if let Some((_, d)) = line.split_once(' ') {
                    another_diag = d.to_string();
                }
            } else if let Some((name, d)) = local_name_error(line) {
                // kijitora... Deferred: Connection refused by [127.0.0.1]
                if bare.is_none() {
                    bare = Some((name.to_string(), d.to_string()));
                }
            } else {
                let r = reply::find(line, "");
                let s = status::find(line, "");
                if r.len() + s.len() > 7 {
                    // 554 5.3.0 unknown mailer error 255
                    another_status = s;
                    another_diag.push(' ');
                    another_diag.push_str(line);
                } else if line.starts_with("Message: ") || line.starts_with("Warning: ") {
                    another_diag.push(' ');
                    another_diag.push_str(line);
                }
            }
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        for (name, value) in &per_message {
            if e.get_field(*name).is_empty() {
                e.set_field(*name, value);
            }
        }
        if !another_diag.is_empty()
            && (e.diagnosis.starts_with(' ')
                || text::all_digits(&e.diagnosis)
                || e.diagnosis.is_empty())
        {
            e.diagnosis = another_diag.clone();
        }
        if let Some((name, d)) = &bare {
            // Only for the recipient it names: its address's local part, or the address as
            // the report gave it (X-Actual-Recipient, Original-Recipient).
            let local = e.recipient.split('@').next().unwrap_or_default();
            let alias = address::from_dsn_value(&e.alias);
            let named = local.eq_ignore_ascii_case(name)
                || alias.eq_ignore_ascii_case(name)
                || alias
                    .split('@')
                    .next()
                    .unwrap_or_default()
                    .eq_ignore_ascii_case(name);
            if named && e.diagnosis.trim().is_empty() {
                e.diagnosis = d.clone();
            }
        }
        if !replies.is_empty() && recipients == 1 {
            // The remote server's own words come first, once: the report's Diagnostic-Code
            // most often repeats the transcript's reply ("<<< 550 5.7.1 ..." and "SMTP; 550
            // 5.7.1 ...", sendmail writes the last reply it got in both).
            e.diagnosis = once(&text::sweep(&replies.join(" ")), &text::sweep(&e.diagnosis));
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        if e.command.is_empty() {
            e.command = the_command.clone();
        }
        if e.command.is_empty() {
            e.command = command::find(&e.diagnosis);
        }
        if e.command.is_empty() && !replies.is_empty() {
            e.command = "EHLO".into();
        }
        if !another_status.is_empty() && !status::is_valid(&e.status) {
            e.status = another_status.clone();
        }
        if e.recipient.starts_with('@') {
            if let Some(a) = address::find(&e.diagnosis) {
                e.recipient = a;
            }
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// The server's reply `said` and the report's own words `own` as one text, the reply first,
/// without saying twice what one of them already holds (compared case-blind, white space
/// collapsed): "503 Error: need RCPT command 550 5.1.1 ..." in the Diagnostic-Code after the
/// transcript's "550 5.1.1 ..." keeps the 503 after the reply.
fn once(said: &str, own: &str) -> String {
    if let Some(at) = text::find_ci(own, said) {
        let rest = format!(
            "{} {}",
            own.get(..at).unwrap_or_default(),
            own.get(at + said.len()..).unwrap_or_default()
        );
        let rest = text::sweep(&rest);
        if rest.is_empty() {
            said.to_string()
        } else {
            format!("{said} {rest}")
        }
    } else if text::find_ci(said, own).is_some() {
        said.to_string()
    } else {
        format!("{said} {own}")
    }
}

/// The error of a transcript line that names a local recipient without angle brackets:
/// "kijitora... Deferred: Connection refused by [127.0.0.1]". Sendmail writes a recipient's
/// error as the address as it was given, "... ", and the text (sendmail/err.c, `usrerr` and
/// `message` with the "%s... " of the address being delivered), so a local name is printed
/// bare. Only a first word of letters, digits and `._+-` right before the "... ", followed by
/// a word that starts with a capital letter, so a reply ("550 5.1.1 <x>... User unknown") or prose is
/// no such line.
fn local_name_error(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.split_once("... ")?;
    let plain = !name.is_empty()
        && !name.starts_with(['.', '-'])
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-'))
        && !name.bytes().all(|c| c.is_ascii_digit());
    (plain && rest.starts_with(|c: char| c.is_ascii_uppercase())).then_some((name, rest))
}

/// Picks, of each exchange in a transcript (the `<<<` lines after a `>>>` command or a
/// "... while talking to" line), the lines of its first failure reply.
///
/// With PIPELINING sendmail sends RCPT and DATA together, so the transcript shows
/// `>>> DATA`, the reply to RCPT, and then the reply to DATA ("503 5.5.2 Need rcpt command",
/// "554 5.5.1 Error: no valid recipients"): a consequence of the first refusal, not its reason.
/// A multi-line reply ("550-5.7.1 ..." up to "550 5.7.1 ...") is kept whole.
#[derive(Default)]
struct FirstFailure {
    /// Inside this exchange's first failure reply.
    open: bool,
    /// The last line of this exchange's first failure reply has been read.
    done: bool,
}

impl FirstFailure {
    /// A new command or a new server: its replies count again.
    fn next_exchange(&mut self) {
        *self = Self::default();
    }

    fn take(&mut self, line: &str, replies: &mut Vec<String>) {
        if self.done {
            return;
        }
        let code = line.get(..3).filter(|c| text::all_digits(c));
        if !self.open && !code.is_some_and(|c| c.starts_with(['4', '5'])) {
            // "250 2.1.0 Sender ok" before the refusal.
            return;
        }
        self.open = true;
        if !replies.iter().any(|r| r == line) {
            replies.push(line.to_string());
        }
        // RFC 5321 section 4.2.1: a hyphen after the code continues the reply, a space ends it.
        if code.is_some() && line.as_bytes().get(3) != Some(&b'-') {
            self.done = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_local_recipient_s_error_is_read() {
        assert_eq!(
            local_name_error("kijitora... Deferred: Connection refused by [127.0.0.1]"),
            Some(("kijitora", "Deferred: Connection refused by [127.0.0.1]"))
        );
        for not in [
            "550 5.1.1 <kijitora@example.org>... User unknown",
            "Message could not be delivered for 5 days",
            "Well... that is odd",
            "421... Deferred",
        ] {
            assert_eq!(local_name_error(not), None, "{not}");
        }
    }

    #[test]
    fn the_reply_is_said_once() {
        let said = "550 5.7.1 Message rejected as spam";
        // The Diagnostic-Code repeats the transcript's reply, or holds more, or less.
        assert_eq!(once(said, "550 5.7.1 message rejected as SPAM"), said);
        assert_eq!(
            once(
                said,
                "503 5.5.1 need RCPT 550 5.7.1 Message rejected as spam"
            ),
            "550 5.7.1 Message rejected as spam 503 5.5.1 need RCPT"
        );
        assert_eq!(once(said, ""), said);
        assert_eq!(
            once("550 5.1.1 <a@example.org>... User unknown", "User unknown"),
            "550 5.1.1 <a@example.org>... User unknown"
        );
        assert_eq!(
            once("550-5.7.1 first 550 5.7.1 last", "550 5.7.1 last"),
            "550-5.7.1 first 550 5.7.1 last"
        );
        // Other words go after the reply.
        assert_eq!(
            once(said, "554 5.0.0 Service unavailable"),
            "550 5.7.1 Message rejected as spam 554 5.0.0 Service unavailable"
        );
    }

    #[test]
    fn keeps_the_first_failure_reply_of_each_exchange() {
        let mut replies = Vec::new();
        let mut f = FirstFailure::default();
        for line in [
            "250 2.1.0 Sender ok",
            "550-5.7.1 first line",
            "550 5.7.1 last line",
            "503 5.5.2 Need rcpt command",
        ] {
            f.take(line, &mut replies);
        }
        assert_eq!(replies, ["550-5.7.1 first line", "550 5.7.1 last line"]);
        f.next_exchange();
        f.take("421 4.7.0 too many errors", &mut replies);
        assert_eq!(replies.len(), 3);
    }
}
