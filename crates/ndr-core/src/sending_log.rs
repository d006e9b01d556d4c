//! Whether a paste is the sending side's own record of a delivery: the sending server's log
//! lines, or an SMTP session typed by hand. Whoever pastes either runs (or sits at) the
//! machine that tried to deliver, so its administrator, not a hosting company, acts first on
//! what the refusal names (note `sending_server_log`, detail `log` or `session`).
//!
//! Read from the form alone, never from who refused. A receiving server's own log is another
//! note (`inbound_refusal_log`), and a session that logged in is a submission
//! (`refused_at_submission`); `lib.rs` sets this note only without them.

use crate::decode::Mail;
use crate::text;
use crate::Diagnosis;

/// The note's id.
pub(crate) const NOTE: &str = "sending_server_log";

/// The note's detail for a sending server's log lines.
pub(crate) const LOG: &str = "log";
/// The note's detail for an SMTP session typed by hand.
pub(crate) const SESSION: &str = "session";

/// How much of a paste is read for log lines: a log pasted whole can be long, and its first
/// lines are the ones around the failure the person asks about.
const LOG_HEAD: usize = 64 * 1024;
/// How much of a paste is read for a typed session (as `logged_in_session` in `lib.rs`).
const SESSION_HEAD: usize = 16 * 1024;

/// The note's detail for a paste (a text without the header of a whole message) that is the
/// sending side's own record (see `sending_server_log`), unless a note already says the text is
/// another side's: a receiving server's or a mailbox server's log (`inbound_refusal_log`), or a
/// submission to the sender's own outgoing server (`refused_at_submission`, which a typed
/// session that logged in gets). A session whose every line had a log's tag and time
/// (`Mail::records`: "[SMTP] 2025/02/03 10:20:01 RCPT TO: ...") was written by the sending
/// program, not typed: it is that program's log.
pub(crate) fn note_detail(d: &Diagnosis, mail: &Mail, text: &str) -> Option<&'static str> {
    let other_side = d.notes.iter().any(|n| {
        matches!(
            n.id.as_str(),
            "inbound_refusal_log" | "refused_at_submission"
        )
    });
    if !mail.headers.is_empty() || other_side {
        return None;
    }
    match sending_server_log(text)? {
        SESSION if mail.records => Some(LOG),
        form => Some(form),
    }
}

/// `log` when a line of the text is a sending server's log line of a delivery, `session` when
/// the text is an SMTP session typed by hand, else `None`.
pub(crate) fn sending_server_log(text: &str) -> Option<&'static str> {
    let head = text::clip(text, LOG_HEAD);
    if postfix_delivery(head)
        || exim_delivery(head)
        || sendmail_delivery(head)
        || qmail_delivery(head)
        || zonemta_delivery(head)
    {
        return Some(LOG);
    }
    typed_session(text::clip(text, SESSION_HEAD)).then_some(SESSION)
}

/// Every line of `text` that holds `needle`, each once, found by one search each.
fn lines_with<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text::find(text.get(from..)?, needle)?;
        let start = text.get(..at)?.rfind('\n').map_or(0, |p| p + 1);
        let end = text.get(at..)?.find('\n').map_or(text.len(), |p| at + p);
        // The next search starts on the next line (past the end after the last one).
        from = (end + 1).min(text.len());
        Some((text.get(start..end)?, at - start))
    })
}

/// Postfix's delivery agents on the sending side, as a log line names them after the
/// instance's `syslog_name` ("postfix/smtp[1234]:", "postfix-out/smtp[1234]:"): smtp(8)
/// delivers to remote servers; error(8) logs the recipients the queue manager gives up on
/// ("status=bounced", "status=deferred (delivery temporarily suspended: ...)"). The receiving
/// side logs as `smtpd`, and the mailbox side as `lmtp`, `local` or `virtual` (`lib.rs`).
/// Source: Postfix manual, https://www.postfix.org/smtp.8.html, https://www.postfix.org/error.8.html.
const POSTFIX_SENDING_AGENTS: &[&str] = &["/smtp[", "/error["];

/// What a Postfix sending line says about one delivery: its "status=" field ("to=<...>,
/// relay=..., dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 ...)"), or
/// the remote server's reply on a line of its own ("host mx.example.net[192.0.2.1] refused to
/// talk to me: 554 ...", "... said: 550 ...").
/// Source: Postfix smtp_trouble.c and smtp_proto.c (the "said:" and "refused to talk to me"
/// wordings), the Postfix log lines in bounce(8).
const POSTFIX_DELIVERY_WORDS: &[&str] = &[" status=", " said: ", " refused to talk to me"];

/// How many lines a pasted log line may have been wrapped into: a post or a mail program folds
/// Postfix's long line ("... postfix/smtp[29382]: AB12: to=<bob@example.net>,\n    relay=...,
/// dsn=5.7.0, status=bounced (host ... said: 550\n ...") so that its delivery words stand on a
/// later line than the agent's name.
const WRAPPED_LINES: usize = 3;

/// True when a line is Postfix's sending side's log of a delivery (`POSTFIX_SENDING_AGENTS`,
/// with the process id in brackets, then `POSTFIX_DELIVERY_WORDS` on it or on the lines it was
/// wrapped into).
fn postfix_delivery(text: &str) -> bool {
    POSTFIX_SENDING_AGENTS.iter().any(|agent| {
        lines_with(text, agent).any(|(line, at)| {
            let pid = line.get(at + agent.len()..).unwrap_or("");
            let digits = pid.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0
                && pid.get(digits..).is_some_and(|r| r.starts_with("]:"))
                && text::contains_any(wrapped(text, line), POSTFIX_DELIVERY_WORDS)
        })
    })
}

/// `line` (a slice of `text`) with the `WRAPPED_LINES` lines after it that are indented, as a
/// wrapped log line's continuation is, up to the next line that is not.
fn wrapped<'a>(text: &'a str, line: &'a str) -> &'a str {
    let start = (line.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let mut end = start + line.len();
    for _ in 0..WRAPPED_LINES {
        let Some(next) = text.get(end + 1..) else {
            break;
        };
        if !next.starts_with([' ', '\t']) {
            break;
        }
        end = end + 1 + next.find('\n').unwrap_or(next.len());
    }
    text.get(start..end).unwrap_or(line)
}

/// Exim's main log marks a failed delivery "**" and a deferred one "==", followed by the
/// address, the router ("R=") and the transport ("T=") that tried it: "1rAbCd-000ABC-1x **
/// bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.1]: SMTP error from
/// remote mail server after RCPT TO:<bob@example.net>: 550 ...". A remote host ("H=") or the
/// remote server's error makes it a delivery to another server, not a local mailbox's.
/// Source: the Exim specification, chapter "Log files" (the flags "**" and "==", the fields
/// R=, T= and H=), https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html.
const EXIM_ROUTER: &str = " R=";
const EXIM_FLAGS: &[&str] = &["** ", "== "];
const EXIM_REMOTE: &[&str] = &[" H=", "SMTP error from remote"];

/// True when a line is Exim's main log of a failed or deferred delivery to a remote server.
fn exim_delivery(text: &str) -> bool {
    lines_with(text, EXIM_ROUTER).any(|(line, at)| {
        let (before, after) = line.split_at(at);
        let flagged = EXIM_FLAGS.iter().any(|flag| {
            text::find_all(before, flag)
                .any(|p| p == 0 || before.as_bytes().get(p - 1) == Some(&b' '))
        });
        flagged && text::contains(after, " T=") && text::contains_any(after, EXIM_REMOTE)
    })
}

/// Sendmail's log line of a delivery attempt: "to=<bob@example.net>, delay=00:00:01,
/// xdelay=00:00:01, mailer=esmtp, pri=120385, relay=mx.example.net. [192.0.2.1], dsn=5.0.0,
/// stat=Service unavailable". The mailer names how it delivered: these are the ones that talk
/// SMTP to another server (`local` and `prog` deliver on the machine itself). Its receiving side
/// logs "ruleset=check_rcpt, ... reject=550 ..." instead, with no "stat=".
/// Source: the Sendmail Installation and Operation Guide, "Log file" and the standard mailers
/// (https://www.sendmail.org/~ca/email/doc8.12/op-sh-2.html).
const SENDMAIL_STAT: &str = " stat=";
const SENDMAIL_REMOTE_MAILERS: &[&str] = &[
    "mailer=esmtp,",
    "mailer=smtp,",
    "mailer=smtp8,",
    "mailer=dsmtp,",
    "mailer=relay,",
];

/// True when a line is Sendmail's log of a delivery attempt to another server.
fn sendmail_delivery(text: &str) -> bool {
    lines_with(text, SENDMAIL_STAT)
        .any(|(line, _)| text::contains_any(line, SENDMAIL_REMOTE_MAILERS))
}

/// qmail-send's log of a remote delivery's result ("delivery 42: failure:
/// 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_..."): qmail-remote's report with
/// its spaces written as underscores. A local delivery's failure has none of these words.
/// Source: qmail-log(5) ("delivery m: failure: reason"), qmail-remote(8) (its reports).
const QMAIL_REMOTE_WORDS: &[&str] = &[
    "Remote_host_said:",
    "_does_not_like_recipient",
    "Connected_to_",
];
const QMAIL_RESULTS: &[&str] = &[": failure: ", ": deferral: "];

/// True when a line is qmail-send's log of a remote delivery's failure or deferral.
fn qmail_delivery(text: &str) -> bool {
    QMAIL_REMOTE_WORDS.iter().any(|w| {
        lines_with(text, w).any(|(line, _)| {
            text::contains(line, "delivery ") && text::contains_any(line, QMAIL_RESULTS)
        })
    })
}

/// ZoneMTA, an outbound-only MTA, logs each sending process as "Sender/<zone>/<pid>" ("ERR!
/// Sender/default/827[14] 17ee78226740009630.001 SMTPERR ... response=554 5.7.0 Blocked"). Its
/// line with a server's 4xx or 5xx reply is a delivery's result.
/// Source: ZoneMTA's lib/sender.js (`this.logName = 'Sender/' + zone + '/' + pid`),
/// https://github.com/zone-eu/zone-mta.
const ZONEMTA_SENDER: &str = "Sender/";

/// True when a line is a ZoneMTA sending process's log with a server's failure reply.
fn zonemta_delivery(text: &str) -> bool {
    lines_with(text, ZONEMTA_SENDER).any(|(line, at)| {
        let word_start = at == 0 || line.as_bytes().get(at - 1) == Some(&b' ');
        // "<zone>/<pid>": a zone name, a slash, the process id.
        let rest = line.get(at + ZONEMTA_SENDER.len()..).unwrap_or("");
        let token = rest.split([' ', '[']).next().unwrap_or("");
        let pid = token
            .split_once('/')
            .map_or("", |(zone, pid)| if zone.is_empty() { "" } else { pid });
        let failed = matches!(
            crate::smtp::reply::find(rest, "").as_bytes().first(),
            Some(b'4' | b'5')
        );
        word_start && text::all_digits(pid) && !pid.is_empty() && failed
    })
}

/// The commands a person types in an SMTP session that carry the delivery, lowercase, each
/// followed by a space or the line's end (HELO, EHLO) or by its argument (MAIL FROM:, RCPT TO:).
/// Source: RFC 5321, 4.1.1.
const TYPED_COMMANDS: &[&str] = &["helo", "ehlo", "mail from:", "rcpt to:"];

/// True when a line (without its indentation) is a command a person typed: it starts with one
/// of `TYPED_COMMANDS`, not with a program's transcript mark (Sendmail's and Courier's ">>>",
/// swaks's "->"), which no such line has in front.
fn typed_command(line: &str) -> bool {
    TYPED_COMMANDS.iter().any(|c| {
        text::starts_with_ci(line, c)
            && (c.ends_with(':') || matches!(line.as_bytes().get(c.len()), None | Some(b' ')))
    })
}

/// True when a line is a server's reply: three digits, the first 2 to 5, then a space, a
/// hyphen (a reply of several lines) or the line's end (RFC 5321, 4.2).
fn reply_line(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 3
        && (b'2'..=b'5').contains(&b[0])
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b.get(3).is_none_or(|c| *c == b' ' || *c == b'-')
}

/// How the connection of a typed session shows: the server's greeting, "220" (RFC 5321,
/// 4.3.1), or OpenSSL's own report of a connection ("CONNECTED(00000003)"), which stands for
/// it after `openssl s_client -starttls smtp` (the greeting and STARTTLS are read by the
/// program itself).
/// Source: OpenSSL's s_client manual, https://docs.openssl.org/master/man1/openssl-s_client/.
fn opens_a_session(line: &str) -> bool {
    (line.starts_with("220") && reply_line(line)) || line.starts_with("CONNECTED(")
}

/// True when the text is an SMTP session typed by hand (telnet, nc, openssl s_client): after
/// the connection (`opens_a_session`), two or more lines a person typed (`typed_command`) each
/// answered by the server's reply on the next line that is not blank. A bounce letter's
/// transcript writes its commands behind a mark, and a wrapped "(in reply to RCPT TO
/// command)" is no command with its reply.
fn typed_session(text: &str) -> bool {
    if text::find_ci(text, "rcpt to:").is_none() && text::find_ci(text, "mail from:").is_none() {
        return false;
    }
    let mut opened = false;
    let mut asked = false;
    let mut answered = 0;
    for line in text::lines(text) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if asked && reply_line(line) {
            answered += 1;
            if answered >= 2 {
                return true;
            }
        }
        opened |= opens_a_session(line);
        asked = opened && typed_command(line);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_sending_lines_are_the_senders_log() {
        let bounced = "Jan 02 07:31:13 mx1 postfix/smtp[1050]: 251A3: to=<bo@example.net>, \
            relay=mx.example.net[192.0.2.25]:25, delay=0.8, dsn=5.7.1, status=bounced (host \
            mx.example.net[192.0.2.25] said: 550 5.7.1 blocked (in reply to RCPT TO command))";
        assert_eq!(sending_server_log(bounced), Some(LOG));
        // Another instance's name, a deferral, the remote server's words on a line of its own.
        let other = "server1-1/smtp[17514]: EEC6: to=<a@example.org>, status=deferred (host \
            mx.example.org[192.0.2.3] refused to talk to me: 550 blocked)";
        assert_eq!(sending_server_log(other), Some(LOG));
        let talk = "postfix/smtp[99]: 4A1: host mx.example.org[192.0.2.3] refused to talk to \
            me: 554 5.7.1 go away";
        assert_eq!(sending_server_log(talk), Some(LOG));
        let error = "postfix/error[12]: 4A1: to=<a@example.org>, relay=none, status=bounced \
            (mail for example.org loops back to myself)";
        assert_eq!(sending_server_log(error), Some(LOG));
        // The line wrapped by a post, indented, its status on the third line (held-out ae 04).
        let wrapped =
            "    Mar 25 07:48:52 mail postfix/smtp[2938]: AB68: to=<a@example.org>,\n    \
            relay=mx.example.org[192.0.2.3]:25, delay=1.3, delays=0.01/0.01/0.34/0.97,\n    \
            dsn=5.7.0, status=bounced (host mx.example.org[192.0.2.3] said: 550\n    \
            5.7.0 blocked (in reply to end of DATA command))";
        assert_eq!(sending_server_log(wrapped), Some(LOG));
        // An unindented line after the agent's is another record, not its continuation.
        let next = "postfix/smtp[2938]: AB68: to=<a@example.org>, relay=none,\n\
            the line above is all this note quotes; its status= was cut";
        assert_eq!(sending_server_log(next), None);
    }

    #[test]
    fn postfix_receiving_and_mailbox_lines_are_not() {
        let smtpd = "postfix/smtpd[1044]: NOQUEUE: reject: RCPT from mail.example.org\
            [192.0.2.7]: 554 5.7.1 Service unavailable; status=rejected";
        assert_eq!(sending_server_log(smtpd), None);
        let lmtp = "postfix/lmtp[1050]: 4B2C: to=<ann@example.org>, relay=mail.example.org\
            [/var/run/dovecot/lmtp], status=bounced (host mail.example.org said: 552 5.2.2 \
            Quota exceeded)";
        assert_eq!(sending_server_log(lmtp), None);
        // The agent's name with no process id after it is prose, not a log line.
        let prose = "see postfix/smtp[ in the manual: status= is the field";
        assert_eq!(sending_server_log(prose), None);
        // A line that says nothing of a delivery's result.
        let other = "postfix/smtp[12]: warning: database is older than source file";
        assert_eq!(sending_server_log(other), None);
    }

    #[test]
    fn exim_main_log_failures_and_deferrals_are_the_senders_log() {
        let failed = "2024-05-06 07:08:09 1rAbCd-000ABC-1x ** bo@example.net R=dnslookup \
            T=remote_smtp H=mx.example.net [192.0.2.1] X=TLS1.3: SMTP error from remote mail \
            server after RCPT TO:<bo@example.net>: 550 5.7.1 blocked";
        assert_eq!(sending_server_log(failed), Some(LOG));
        let deferred = "1rAbCd-000ABC-1x == bo@example.net R=dnslookup T=remote_smtp defer \
            (-44) H=mx.example.net [192.0.2.1]: SMTP error from remote mail server after RCPT \
            TO:<bo@example.net>: 451 4.7.1 try later";
        assert_eq!(sending_server_log(deferred), Some(LOG));
        // A local mailbox's failure has no remote host: it is the mailbox server's log.
        let local = "1rAbCd-000ABC-1x ** bo@example.net R=localuser T=local_delivery: \
            mailbox is full";
        assert_eq!(sending_server_log(local), None);
        // Exim's refusal of a client is its receiving side.
        let acl = "2024-05-06 07:08:09 H=mail.example.org [192.0.2.7] F=<a@example.org> \
            rejected RCPT <bo@example.net>: R=blocked";
        assert_eq!(sending_server_log(acl), None);
        // Markdown bold before an R= is no flag.
        let bold = "**Note:** R=dnslookup T=remote_smtp H=mx";
        assert_eq!(sending_server_log(bold), None);
    }

    #[test]
    fn sendmail_and_qmail_remote_deliveries_are_the_senders_log() {
        let sendmail = "sm-mta[2211]: x1AB: to=<bo@example.net>, delay=00:00:01, \
            xdelay=00:00:01, mailer=esmtp, pri=120385, relay=mx.example.net. [192.0.2.1], \
            dsn=5.0.0, stat=Service unavailable";
        assert_eq!(sending_server_log(sendmail), Some(LOG));
        let local = "sendmail[2211]: x1AB: to=bo, delay=00:00:01, mailer=local, pri=1, \
            dsn=5.2.2, stat=Mailbox full";
        assert_eq!(sending_server_log(local), None);
        let check = "sendmail[2211]: x1AB: ruleset=check_rcpt, arg1=<bo@example.net>, \
            relay=mail.example.org [192.0.2.7], reject=550 5.7.1 Relaying denied";
        assert_eq!(sending_server_log(check), None);
        let qmail = "@4000000063a1 delivery 42: failure: \
            192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.7.1_blocked/";
        assert_eq!(sending_server_log(qmail), Some(LOG));
        let qmail_local = "delivery 43: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/";
        assert_eq!(sending_server_log(qmail_local), None);
    }

    #[test]
    fn zonemta_sender_lines_with_a_failure_are_the_senders_log() {
        let line = "Feb 11 08:39:37 zmta1 zone-mta: ERR! Sender/default/827[14] 17ee.001 \
            SMTPERR [zLjo] src=192.0.2.1 error=\"Invalid greeting. response=554 5.7.0 Blocked\"";
        assert_eq!(sending_server_log(line), Some(LOG));
        let connecting = "zone-mta: info Sender/default/827[14] 17ee.001 CONNECTING \
            domain=example.net port=25";
        assert_eq!(sending_server_log(connecting), None);
        let prose = "The Sender/Recipient fields show 550 5.1.1";
        assert_eq!(sending_server_log(prose), None);
    }

    #[test]
    fn a_session_typed_by_hand_is_the_senders() {
        let nc = "[root@host ~]# nc -C mx.example.net 25\n\
            220 mx.example.net ESMTP ready\n\
            HELO\n\
            250 mx.example.net Hello [192.0.2.5]\n\
            MAIL FROM: a@example.org\n\
            250 2.1.0 Sender OK\n\
            RCPT TO: bo@example.net\n\
            550 5.7.1 Service unavailable, Client host [192.0.2.5] blocked\n";
        assert_eq!(sending_server_log(nc), Some(SESSION));
        let openssl = "$ openssl s_client -starttls smtp -connect mx.example.net:25\n\
            CONNECTED(00000003)\n---\n\
            ehlo client.example.org\n\
            250-mx.example.net\n250 STARTTLS\n\
            mail from:<a@example.org>\n\
            250 OK\n\
            rcpt to:<bo@example.net>\n\
            554 5.7.1 blocked\n";
        assert_eq!(sending_server_log(openssl), Some(SESSION));
    }

    #[test]
    fn a_transcript_or_a_wrapped_bounce_is_no_typed_session() {
        // Sendmail's transcript in a bounce letter: its commands behind ">>>".
        let transcript = "220 mx.example.net ESMTP\n\
            >>> MAIL From:<a@example.org>\n<<< 250 OK\n\
            >>> RCPT To:<bo@example.net>\n<<< 550 5.1.1 User unknown\n";
        assert_eq!(sending_server_log(transcript), None);
        // Postfix's bounce wraps "(in reply to RCPT TO command)".
        let postfix = "<bo@example.net>: host mx.example.net[192.0.2.1] said: 550 5.7.1\n\
            blocked (in reply to\n    RCPT TO command)\n";
        assert_eq!(sending_server_log(postfix), None);
        // Commands answered, but no connection shown: a how-to's list of commands.
        let howto = "MAIL FROM:<a@example.org>\n250 OK\nRCPT TO:<bo@example.net>\n550 no\n";
        assert_eq!(sending_server_log(howto), None);
        // One command answered is not enough.
        let one = "220 mx.example.net\nRCPT TO:<bo@example.net>\n550 5.1.1 no such user\n";
        assert_eq!(sending_server_log(one), None);
    }
}
