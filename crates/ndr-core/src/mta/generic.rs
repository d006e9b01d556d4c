//! The last resort: bounces of no known format, and text a person copied out of a bounce
//! (only the visible text, or only the line with the remote server's reply).
//!
//! It looks for the remote server's reply (a 4xx/5xx reply code, usually with an enhanced
//! status code) and the recipient address nearest to it. A message that is not a bounce must
//! not get here with anything that looks like a reply, so ordinary mail yields nothing.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::{command, reply, status};
use crate::{address, text};

/// Lines after which the returned message starts, in the formats not read by a reader.
const BOUNDARIES: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
    "------ This is a copy of the message",
    "--- Below this line is a copy of the message",
    "----- Original message -----",
    "-----Original Message-----",
    "Original message follows",
    "original message follows",
    "----- The header of the original message is following. -----",
    // 1&1 (IONOS) and GMX, also when a paste lost the sender and subject their own readers
    // need: the returned header starts below it, so its words are no part of the reason.
    "--- The header of the original message is following. ---",
    "Original Message Headers",
];

/// Words a bounce's Subject or sender uses.
const BOUNCE_SUBJECTS: &[&str] = &[
    "undeliver",
    "undelivered",
    "delivery status",
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "failure notice",
    "returned mail",
    "returned to sender",
    "mail delivery",
    "not delivered",
    "could not be delivered",
    "rejected",
    "delivery notification",
    "failed delivery",
    // Exchange 5.5 and gateways: "Non-Delivery: <subject>", "Non-Delivery Report".
    "non-delivery",
    "non remis",
    "nicht zustellbar",
    "no entregado",
    "non recapitabile",
    "配信",
    "不達",
    "エラー",
    "返送",
    "届きません",
    "失敗",
];
const BOUNCE_SENDERS: &[&str] = &[
    "mailer-daemon",
    "postmaster",
    "mail delivery",
    "mail administrator",
    // MDaemon's notices come from "MDaemon@<its domain>" (flufl.bounce's test data, simple_27).
    "mdaemon@",
];

/// The opening words of notices, which come before the part that names the recipient and the
/// reason: Postfix's bounce template, Exim's, qmail-send's, Sendmail's, and the "was
/// undeliverable" line of gateways (Cisco Secure Email, Exchange).
const NOTICE_OPENINGS: &[&str] = &[
    "this is the mail system at host",
    "this message was created automatically by mail delivery software",
    "this is the qmail-send program at",
    "the original message was received at",
    "was undeliverable",
];

/// True when `mail` is the beginning of a delivery notice whose part with the recipient and the
/// reason is missing: a notice's own headers over a MIME message whose end is missing
/// (`truncated`), or a notice's opening words with no recipient address after them (people
/// paste the top of the notice). Such a paste is a bounce cut short, not something else.
pub(crate) fn is_cut_notice(mail: &Mail, truncated: bool) -> bool {
    if truncated && !mail.headers.is_empty() {
        let subject = text::lower(mail.subject());
        let from = text::lower(mail.from());
        if text::contains_any(&subject, BOUNCE_SUBJECTS)
            || text::contains_any(&from, BOUNCE_SENDERS)
            || text::lower(mail.header("content-type")).contains("report-type=delivery-status")
        {
            return true;
        }
    }
    let body = text::lower(&mail.body);
    let Some(at) = NOTICE_OPENINGS
        .iter()
        .filter_map(|m| body.find(m).map(|p| p + m.len()))
        .min()
    else {
        return false;
    };
    // The notice's own sender (MAILER-DAEMON@host, postmaster@host) names no recipient.
    !body
        .get(at..)
        .unwrap_or_default()
        .split_whitespace()
        .any(|w| w.contains('@') && !BOUNCE_SENDERS.iter().any(|s| w.contains(s)))
}

/// Python's smtplib error as a bare tuple, printed before its traceback: "(553, b'Relaying
/// disallowed ...')": the code at `i` after "(" and before ", b'" (or a str's ", '").
fn python_tuple(line: &str, i: usize) -> bool {
    i > 0
        && line.as_bytes().get(i - 1) == Some(&b'(')
        && line
            .get(i + 3..)
            .is_some_and(|r| text::starts_with_any(r, &[", b'", ", b\"", ", '", ", \""]))
}

/// True when the code at `i` opens a markdown emphasis: "_", "*" or "**" right before it,
/// after a space or at the line's start, and the same marker again later on the line right
/// after a word (CommonMark's left- and right-flanking delimiter runs), as a writer sets a
/// quoted reply in italics in prose: "search for _501 Connection rejected by policy [7.7]_".
fn emphasis_opened(line: &str, i: usize) -> bool {
    const EMPHASIS_REACH: usize = 300;
    let head = line.get(..i).unwrap_or_default();
    ["**", "__", "*", "_"].iter().any(|m| {
        head.strip_suffix(m).is_some_and(|before| {
            let opens = before.is_empty() || before.ends_with([' ', '\t', '(', '"']);
            // A reply's length at most, so that a long line costs no more than that per code.
            let mut end = line.len().min(i + EMPHASIS_REACH);
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            let rest = line.get(i..end).unwrap_or_default();
            // The closing marker: after a word's last character, then not a word character.
            let closes = rest.match_indices(m).any(|(at, _)| {
                let prev = rest.get(..at).and_then(|r| r.chars().next_back());
                let next = rest.get(at + m.len()..).and_then(|r| r.chars().next());
                prev.is_some_and(|c| !c.is_whitespace())
                    && next.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '*')
            });
            opens && closes
        })
    })
}

/// Google's list of its SMTP errors writes each as the reply code, the enhanced status in
/// double quotes and the words, with commas between: `421, "4.7.0", TLS required for RCPT
/// domain, closing connection.` (Google Workspace Admin Help, "SMTP error reference",
/// https://support.google.com/a/answer/3726730), and help pages and questions quote its rows
/// so. True for the code at `i` followed by `, "<status>",`.
fn google_listed(line: &str, i: usize) -> bool {
    line.get(i + 3..)
        .and_then(|r| r.strip_prefix(", \""))
        .and_then(|r| r.split_once('"'))
        .is_some_and(|(status, after)| status::is_valid(status) && after.starts_with(','))
}

/// Zoho Mail's bounce: "user@example.org Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1
/// <user@example.org>... User Unknown" (Sisimai's Zoho reader quotes it): the code at `i`
/// after "ERROR_CODE :" and before a comma.
fn zoho_code(line: &str, i: usize) -> bool {
    // Compared case-blind in place: no lowercase copy of the line for each code.
    const LABEL: &[u8] = b"error_code :";
    i.checked_sub(LABEL.len())
        .and_then(|start| line.as_bytes().get(start..i))
        .is_some_and(|b| b.eq_ignore_ascii_case(LABEL))
}

/// Exchange Online writes its reply code and enhanced code with a semicolon between them in
/// the NDRs that Microsoft's documentation quotes, in every language: "Remote Server returned
/// '550;5.7.711 Access denied, bad inbound connector. AS(2204).'" (and "リモート サーバーから
/// '550;5.7.711 ..."), https://learn.microsoft.com/en-us/defender-office-365/connectors-remove-blocked.
/// True when an enhanced status code starts at `at`, right after such a semicolon.
fn semicolon_status(line: &str, at: usize) -> bool {
    let token = line
        .get(at..)
        .unwrap_or("")
        .split([' ', '\t'])
        .next()
        .unwrap_or("");
    status::is_valid(token)
}

/// Rust's lettre prints a server's failure reply as its class, the reply code in parentheses
/// and the reply's words after a colon: "permanent error (535): 5.7.8 Username and Password
/// not accepted" and "transient error (421): 4.7.0 Try again later" (its `Display` for
/// `smtp::Error`: `write!(f, "permanent error ({code})")`, then `": {source}"`, the reply's
/// lines; https://github.com/lettre/lettre/blob/master/src/transport/smtp/error.rs). Programs
/// built on it log that text as it is (Vaultwarden: "SMTP 5xx error: permanent error (535):
/// ..."). True for the code at `i` in that place.
fn lettre_code(line: &str, i: usize) -> bool {
    const LEADS: [&[u8]; 2] = [b"permanent error (", b"transient error ("];
    let b = line.as_bytes();
    b.get(i + 3..i + 5) == Some(b"):".as_slice())
        && LEADS.iter().any(|lead| {
            i.checked_sub(lead.len())
                .and_then(|start| b.get(start..i))
                .is_some_and(|before| before.eq_ignore_ascii_case(lead))
        })
}

/// True when a line carries a remote server's error reply; gives the reply's start offset.
pub(super) fn reply_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = 0;
    while i + 3 <= b.len() {
        let is_code = (b[i] == b'4' || b[i] == b'5')
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && (i == 0
                || !b[i - 1].is_ascii_alphanumeric()
                    && !matches!(b[i - 1], b'.' | b'/' | b'-' | b':' | b',')
                // "応答:550 ..." and "Error:550 ...", but not a time ("10:55:02").
                || b[i - 1] == b':' && (i < 2 || !b[i - 2].is_ascii_digit()))
            && (b
                .get(i + 3)
                .is_none_or(|c| matches!(c, b' ' | b'-' | b'\t'))
                || b.get(i + 3) == Some(&b',')
                    && (python_tuple(line, i) || zoho_code(line, i) || google_listed(line, i))
                || b.get(i + 3) == Some(&b';') && semicolon_status(line, i + 4)
                || lettre_code(line, i));
        if is_code {
            let code = &line[i..i + 3];
            if reply::is_valid(code) {
                let rest = line[i + 3..].trim_start_matches([' ', '-', ';']);
                let before = text::lower(&line[..i]);
                // "550 5.1.1 ...", "550-5.7.1 ...", or a reply introduced as one.
                let enhanced = rest.len() >= 5
                    && status::is_valid(
                        rest.split(|c: char| c.is_whitespace()).next().unwrap_or(""),
                    );
                // Mail programs and translations also write "応答:550", "エラー：550" and
                // "returned '550 ...'".
                let tail = before.trim_end();
                let introduced = i == 0
                    || lettre_code(line, i)
                    || before.ends_with("said: ")
                    || before.ends_with("<<< ")
                    // ZMailer's report marks each line the remote server answered with "->>"
                    // (and what it sent with "<<-"): "   ->> 550 mail from 192.0.2.7 rejected:
                    // administrative prohibition (host is blacklisted)" (held-out z 04, a
                    // report that names http://www.zmailer.org/reports.html).
                    || tail.ends_with("->>")
                    || before.ends_with(": ")
                    || before.ends_with("error ")
                    || before.ends_with("reply: ")
                    || tail.ends_with(']')
                    || tail.ends_with(':')
                    || tail.ends_with('\u{ff1a}')
                    || tail.ends_with('\'')
                    // LSMTP: 'Error-Text: Mailer mail.example.com said: "554 ..."'.
                    || tail.ends_with('"')
                    // Japanese pages and mail programs quote a reply in corner brackets:
                    // 「550 can't accept user... (#5.7.1)」 (a held-out ISP notice, round h
                    // case 41), as English ones quote it in quotation marks.
                    || tail.ends_with('「')
                    || tail.ends_with('“')
                    // RFC 3464's "Diagnostic-Code: smtp; 550 ...", pasted without the
                    // Final-Recipient line that the report reader needs (round h case 37).
                    || tail.ends_with("smtp;")
                    // OpenSMTPD's log: "relay: PermFail ... stat=550 Invalid recipient" and
                    // "smtp-in: Failed command ...: \"RCPT TO:<...>\" => 550 Invalid recipient"
                    // (smtpd's mta and smtp session logging).
                    || tail.ends_with("stat=")
                    // sendmail's syslog line of a refused SMTP command: "ruleset=check_mail,
                    // arg1=<user@example.org>, relay=mail.example.net [192.0.2.1],
                    // reject=553 5.1.8 <user@example.org>... Domain of sender address
                    // user@example.org does not exist" (sendmail's logging of a ruleset's
                    // $#error, "reject=" then the reply; its README's "ruleset=check_mail"
                    // examples), also quoted with the enhanced code left out.
                    || tail.ends_with("reject=")
                    // A reply set in markdown emphasis inside prose, as an issue writer quotes
                    // it: "search for _501 Connection rejected by policy [7.7]_ there" or
                    // "*550 ...*", the same marker closing it later on the line.
                    || emphasis_opened(line, i)
                    || python_tuple(line, i)
                    || tail.ends_with("=>")
                    // Ruby's net-smtp names its exception class, then the reply: "Net::
                    // SMTPServerBusy 450 ..." as an app prints `"#{e.class} #{e.message}"`,
                    // also in a code span (set r 53). The 4xx class has no row among the
                    // mail programs' errors (`mailprogram.rs` says why), so it is read here as
                    // "Net::SMTPServerBusy: 451 ..." already is, as a reply that may be retried.
                    // Source: https://github.com/ruby/net-smtp/blob/master/lib/net/smtp.rb
                    // (SMTPServerBusy, SMTPSyntaxError, SMTPFatalError, SMTPUnknownError,
                    // SMTPAuthenticationError).
                    || tail
                        .trim_start_matches(['`', '\'', '"', '*'])
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with("net::smtp") && w.ends_with("error")
                            || w == "net::smtpserverbusy")
                    // Chinese and Japanese text runs on into the code with no space: "邮件投递失败550
                    // Mail content denied", "REASONが、550 Invalid recipient". Any non-ASCII
                    // character ends the word before the code, as long as English words follow.
                    || b[i - 1] >= 0x80 && rest.starts_with(|c: char| c.is_ascii_alphabetic())
                    || command_said(line, i)
                    // A Japanese label closed by a parenthesis, as help pages list a mail
                    // program's error: "エラー例) 550 Relaying denied." (an ISP's FAQ, set r
                    // 37), "（例）550 ...": the label's word before the bracket is not ASCII, so
                    // an English sentence's "(see above) 550" is no reply.
                    || (tail.ends_with(')') || tail.ends_with('\u{ff09}'))
                        && tail
                            .trim_end_matches([')', '\u{ff09}'])
                            .chars()
                            .next_back()
                            .is_some_and(|c| !c.is_ascii())
                        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
                    || tail.is_empty();
                // Postfix wraps "said: 550" and puts the words on the next lines.
                let wrapped = rest.is_empty() && tail.ends_with("said:");
                // A client's error that names the reply it expected and the one it got:
                // mailsend's "Error: Expected smtp code 250, got 552" (its own wording, seen
                // in its issue tracker, muquit/mailsend).
                let got = rest.is_empty() && tail.ends_with(", got") && before.contains("expected");
                // The server's name, then its reply: Barracuda Email Security Service's
                // "mx27.ess.example.com #550 permanent failure for one or more recipients
                // (...)", also without the "#".
                let hosted = rest.len() > 3 && is_host_lead(tail);
                // A reply whose address the writer took out, its words wrapped onto the next
                // line as Postfix wraps them: "550 <a@example.org>:" left as "550 :", then
                // "    User unknown (in reply to end of DATA command)". Only at the line's
                // start with nothing after the colon; the next line goes on with it as the
                // words of a reply that had only its code so far.
                let cut_address = i == 0 && rest == ":";
                if enhanced
                    || (introduced && rest.len() > 3)
                    || wrapped
                    || got
                    || hosted
                    || cut_address
                {
                    return Some(i);
                }
            }
        }
        i += 1;
    }
    None
}

/// True when the code at `i` follows an SMTP command written in capitals and the word "said",
/// with no colon: the form of Coremail's notices (NetEase's 163.com and 126.com, and the many
/// Chinese company mail systems built on Coremail), whose English line under "英文说明" names
/// the step twice, then the remote server's reply: "SMTP error, RCPT TO: Host
/// example.com(192.0.2.1) RCPT TO said 550 No such user here" (a 163.com "系统退信" notice,
/// https://github.com/postalsys/emailengine/blob/2eaa9aa3a0949ac10fc0d4fb0744236e19f9c702/test/fixtures/bounces/163.eml).
/// Only a command in capitals right before "said" counts, so prose ("he said 500 came") is no
/// reply.
pub(crate) fn command_said(line: &str, i: usize) -> bool {
    const STEPS: &[&str] = &["RCPT TO", "MAIL FROM", "DATA", "EHLO", "HELO"];
    let Some(head) = line
        .get(..i)
        .and_then(|h| h.trim_end().strip_suffix(" said"))
    else {
        return false;
    };
    STEPS.iter().any(|step| {
        head.strip_suffix(step)
            .is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// Where the reply starts in Coremail's "... RCPT TO said 550 No such user here"
/// (`command_said`): the first reply code after a command and "said ".
pub(crate) fn reply_after_command_said(line: &str) -> Option<usize> {
    line.match_indices(" said ")
        .map(|(p, m)| p + m.len())
        .find(|&at| {
            let b = line.as_bytes();
            matches!(b.get(at), Some(b'4' | b'5'))
                && b.get(at + 1).is_some_and(u8::is_ascii_digit)
                && b.get(at + 2).is_some_and(u8::is_ascii_digit)
                && command_said(line, at)
        })
}

/// The remote server as Coremail's notice names it, "Host example.com(192.0.2.1)" before the
/// step and "said" (`command_said`): its name and its address.
fn coremail_host(diag: &str) -> Option<(String, String)> {
    reply_after_command_said(diag)?;
    let (_, rest) = diag.split_once(" Host ")?;
    let (name, rest) = rest.split_once('(')?;
    let (ip, _) = rest.split_once(')')?;
    let named = name.contains('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'));
    (named && ip.parse::<std::net::IpAddr>().is_ok())
        .then(|| (name.to_ascii_lowercase(), ip.to_string()))
}

/// True when `tail`, the words before a reply code, is only a host name (at least two dots),
/// with a "#" after it or not: "mx1.example.com #" and "mx1.example.com".
fn is_host_lead(tail: &str) -> bool {
    let host = tail.strip_suffix('#').unwrap_or(tail).trim_end();
    host.bytes().filter(|&b| b == b'.').count() >= 2
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

/// The lines a mail program writes above a message it forwards or replies to. Outlook's and
/// others' "-----Original Message-----" is also one of `BOUNDARIES`: below it in a bounce is
/// the returned message.
/// Gmail's "---------- Forwarded message ---------" (its forward, also pasted inside another
/// message: held-out y 34, a list post that forwards a postmaster's notice).
const FORWARD_MARKERS: &[&str] = &[
    "-----Original Message-----",
    "----- Original message -----",
    "---------- Forwarded message ---------",
];

/// The text below a forward marker when the forwarded message is itself a bounce: its header
/// block, as the mail program shows it just under the marker, has a bounce's sender or
/// subject ("Subject: Returned mail: see transcript for details"). A person forwards a bounce
/// to their IT person so; then the lines below are the bounce, not its returned copy.
fn forwarded_bounce(body: &str) -> Option<&str> {
    let (p, k) = text::find_earliest(body, FORWARD_MARKERS)?;
    let rest = body.get(p + FORWARD_MARKERS.get(k)?.len()..)?;
    let named = rest
        .lines()
        .skip(1)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .take(8)
        .any(|l| {
            let lc = text::lower(l.trim_start());
            lc.strip_prefix("subject:")
                .is_some_and(|v| text::contains_any(v, BOUNCE_SUBJECTS))
                || lc
                    .strip_prefix("from:")
                    .is_some_and(|v| text::contains_any(v, BOUNCE_SENDERS))
        });
    named.then(|| rest.split_once('\n').map_or("", |(_, r)| r))
}

/// Where a reply starts that a program or log quotes with its enhanced status code only, no
/// three-digit code: Postfix's `milter-reject: END-OF-MESSAGE from ...: 4.7.1 Try again later`,
/// a rejecting milter's "milter-reject for END-OF-MESSAGE. 5.7.1 rejected by DMARC policy", or a
/// library that keeps the code apart (Rust lettre: `message: ["5.7.1 [2] Message rejected ..."]`,
/// "permanent: 5.7.1 ..."). Outside a milter's line the words after the code must name a
/// known reason, or open with a server's "Error:" (`error_led`), so a version number in plain
/// text is no reply.
fn enhanced_reply_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    // Cheap gate before any word scan: "4.d" or "5.d" somewhere.
    if !b
        .windows(3)
        .any(|w| matches!(w[0], b'4' | b'5') && w[1] == b'.' && w[2].is_ascii_digit())
    {
        return None;
    }
    let milter = text::find_ci(line, "milter-reject").is_some();
    let mut i = 0;
    while i + 5 <= b.len() {
        let at_boundary = i == 0 || matches!(b[i - 1], b' ' | b'"' | b'[' | b'\'' | b'\t');
        if at_boundary && matches!(b[i], b'4' | b'5') && b[i + 1] == b'.' {
            // The first word (it starts with the digit at `i`, so it is never empty); the
            // whitespace splitter the crate already has, not a splitter of its own.
            let token = line
                .get(i..)
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            let token = token.trim_end_matches([',', ';', ':']);
            let rest = line.get(i + token.len()..).unwrap_or("").trim_start();
            // The words before: a label or a sentence end, never a number's tail ("v1.5.7.1").
            let before = line.get(..i).unwrap_or("").trim_end();
            let led = before.is_empty()
                || before.ends_with(':')
                || before.ends_with('"')
                || before.ends_with('[')
                || before.ends_with('\'')
                || milter && before.ends_with('.');
            if led
                && status::is_valid(token)
                && rest.len() > 3
                && (milter || error_led(rest) || crate::reason::is_worded(rest))
            {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Where a reply ends that stands as a JSON string's value, the code at `start` right after the
/// key and the opening quote: `"message": "550 5.1.1 ... does not exist.", "code": 550` (a
/// sending service's event or log pasted in part, whatever its keys). The reply is the string,
/// up to its closing quote on the line; the object's other fields are no part of it. `None`
/// when the reply is no JSON string's or the string does not close on its line.
fn json_string_end(line: &str, start: usize) -> Option<usize> {
    let before = line.get(..start)?.trim_end();
    let key_end = before.strip_suffix('"')?.trim_end().strip_suffix(':')?;
    if !key_end.trim_end().ends_with('"') {
        return None;
    }
    let b = line.as_bytes();
    let mut k = start;
    while let Some(&c) = b.get(k) {
        match c {
            b'\\' => k += 2,
            b'"' => return Some(k),
            _ => k += 1,
        }
    }
    None
}

/// True when the words after an enhanced status code open with "Error:" and say more: the
/// servers' own form of a refusal whose words name no reason of a known kind. Postfix's smtpd
/// writes its protocol refusals so ("501 5.5.4 Error: Bad NOTIFY parameter syntax", "503 5.5.1
/// Error: need MAIL command"; smtpd.c), and go-smtp answers a message its backend refused with
/// "554 5.0.0 Error: transaction failed, blame it on the weather: " and the backend's error
/// (emersion/go-smtp, `toSMTPStatus`); a client that prints the reply without its reply code
/// leaves "5.0.0 Error: ..." (held-out ac 37). The colon keeps a changelog's "5.0.0 Error
/// handling ..." out.
fn error_led(rest: &str) -> bool {
    rest.get(..6)
        .is_some_and(|lead| lead.eq_ignore_ascii_case("error:"))
        && rest.get(6..).is_some_and(|words| words.trim().len() > 3)
}

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    if !mail.headers.is_empty() {
        let subject = text::lower(mail.subject());
        let from = text::lower(mail.from());
        let bouncy = text::contains_any(&subject, BOUNCE_SUBJECTS)
            || text::contains_any(&from, BOUNCE_SENDERS)
            || mail.has_header("x-failed-recipients")
            // A delivery report whose report part says nothing readable (flufl.bounce's test
            // data, simple_13: only "Reporting-MTA:").
            || text::lower(mail.header("content-type")).contains("report-type=delivery-status");
        // A message whose own header says nothing of a bounce may forward one in its body
        // (`forwarded_bounce`, whose header block under the marker names the notice).
        if !bouncy && forwarded_bounce(&mail.body).is_none() {
            return None;
        }
    }
    let body = forwarded_bounce(&mail.body).unwrap_or(&mail.body);
    let (head, original) = split_original(body, BOUNDARIES);
    // A bounce quoted as in a reply or a blog's quote ("> host ... said: 421-4.7.0", every
    // line behind "> "): its lines are read without the quote marks.
    let unquoted;
    let head = if head.trim_start().starts_with('>')
        && head
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('>'))
    {
        unquoted = head
            .lines()
            .map(|l| {
                let l = l.trim_start();
                l.strip_prefix("> ")
                    .or_else(|| l.strip_prefix('>'))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        unquoted.as_str()
    } else {
        head
    };
    // qmail-send's log of a deferral and of no failure: the message is still queued and
    // retried (qmail-send.c logs "deferral:" for qmail-remote's temporary "Z" report and
    // "failure:" only for a permanent one or when the queue lifetime ends).
    let qmail_deferred_only = text::contains(head, QMAIL_LOGGED[1])
        && !text::contains(head, QMAIL_LOGGED[0])
        && text::contains(head, "delivery ");
    let unlogged;
    let head = if QMAIL_LOGGED.iter().any(|m| text::contains(head, m)) {
        unlogged = qmail_log_reports(head);
        unlogged.as_str()
    } else {
        head
    };
    let lines: Vec<&str> = head.lines().collect();
    let mut deliveries: Vec<Delivery> = Vec::new();
    // Per recipient: where its delivery is, and whether that one was only a code ("Status
    // code: 550 5.1.10" in Microsoft 365's notice), which a later, worded reply replaces.
    let mut seen: std::collections::HashMap<String, (usize, bool)> =
        std::collections::HashMap::new();
    // The recipient a reply belongs to: an address on a line of its own, an address in a
    // "RCPT TO:" line, or failing both the last address the text mentioned.
    let mut last_address: Option<String> = None;
    let mut last_mentioned: Option<String> = None;
    // Postfix's log lines: the recipient of each queued message (by queue id) and what
    // became of each recipient (by lowercased address).
    // Both maps point into `logged` and have `seen`'s type, so the page's wasm holds one
    // HashMap instantiation for the three (each other key or value type compiles hashbrown's
    // code again, about 1 KiB).
    let logged = log_deliveries(&lines);
    let mut logged_to: std::collections::HashMap<String, (usize, bool)> =
        std::collections::HashMap::new();
    let mut logged_action: std::collections::HashMap<String, (usize, bool)> =
        std::collections::HashMap::new();
    for (k, (id, a, action)) in logged.iter().enumerate() {
        let id = id.to_string();
        if logged_to.get_mut(&id).is_none() {
            logged_to.insert(id, (k, false));
        }
        if !action.is_empty() {
            logged_action.insert(a.to_ascii_lowercase(), (k, false));
        }
    }
    let mailq = text::contains(head, "-Queue ID-");
    let (mut lhost, mut rhost) = (String::new(), String::new());
    // Exim's "    host mx.example.jp [192.0.2.1]" line: the server whose reply follows.
    let mut next_host: Option<(String, String)> = None;
    // The command of the last ">>> " line of a session transcript.
    let mut sent = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(a) = address_line(line).filter(|_| !attribution(line)) {
            last_address = Some(a);
        } else if let Some(p) = text::find_ci(line, "rcpt to:") {
            if let Some(a) = line.get(p..).and_then(address::find) {
                last_address = Some(a);
            }
        }
        if !attribution(line) && !text::starts_with_any(line.trim_start(), SENDER_LABELS) {
            if let Some(a) = recipient_in(line) {
                last_mentioned = Some(a);
            }
        }
        if let Some(h) = labelled_host(line, HOST_LABELS_LOCAL) {
            lhost = h;
        }
        if let Some(h) = labelled_host(line, HOST_LABELS_REMOTE) {
            rhost = h;
        }
        if let Some(h) = exim_host(line) {
            next_host = Some(h);
        }
        if let Some(p) = text::find_ci(line, "error from remote mail server after ") {
            // Exim, also translated: "SMTP error from remote mail server after RCPT TO:<...>:"
            // or "... after end of data:".
            let step = line.get(p..).unwrap_or("");
            let c = command::find(step);
            sent = if c.is_empty() && text::find_ci(step, "end of data").is_some() {
                "DATA".to_string()
            } else {
                c
            };
        }
        if text::find_ci(line, QMAIL_AT_RCPT).is_some() {
            // qmail-remote's "192.0.2.9 does not like recipient." says the reply that follows
            // answered RCPT TO, also in an excerpt without the qmail-send notice around it.
            sent = "RCPT".to_string();
        } else if text::find_ci(line, QMAIL_AFTER_DATA).is_some() {
            // qmail-remote's "192.0.2.9 failed after I sent the message." says the reply that
            // follows answered the end of the message data, likewise.
            sent = "DATA".to_string();
        }
        if let Some(rest) = line.trim_start().strip_prefix(">>> ") {
            if let Some(c) = command::normalize(rest) {
                sent = c.to_string();
            }
        } else if let Some(p) = text::find_ci(line, "while talking to ") {
            // Sendmail: "... while talking to mx.example.jp.:"
            let host = line.get(p + 17..).unwrap_or("").trim();
            let host = host.trim_end_matches(':').trim_end_matches('.');
            if host.contains('.') && !host.contains(' ') {
                rhost = host.to_ascii_lowercase();
            }
        }
        let coded = reply_start(line);
        let Some(start) = coded.or_else(|| enhanced_reply_start(line)) else {
            i += 1;
            continue;
        };
        // "<user@example.jp>: host mx.example.jp[192.0.2.1] said:" on the line before.
        let mut diag = String::new();
        if line[..start].trim().is_empty() {
            if let Some(prev) = lines[..i].iter().rev().find(|l| !l.trim().is_empty()) {
                let said = prev.trim_end().ends_with("said:") && !attribution(prev);
                if said || prev.trim_end().ends_with("returned:") {
                    diag.push_str(prev.trim());
                    diag.push(' ');
                    if let Some(a) = address::find(prev) {
                        last_address = Some(a);
                    }
                }
            }
        }
        // "<user@example.jp>: host" with the host name wrapped onto the reply's line.
        if diag.is_empty() {
            if let Some(prev) = lines[..i].iter().rev().find(|l| !l.trim().is_empty()) {
                let p = prev.trim_end();
                if p.ends_with(": host") || p.ends_with("> host") {
                    diag.push_str(p.trim_start());
                    diag.push(' ');
                    if let Some(a) = address::find(p) {
                        last_address = Some(a);
                    }
                }
            }
        }
        // "<user@example.jp>: host mx.example.jp[192.0.2.1]" with "said:" wrapped onto the
        // reply's line (Postfix wraps at 80 columns).
        if diag.is_empty() && line.get(..start).is_some_and(|h| h.trim() == "said:") {
            if let Some(prev) = lines[..i].iter().rev().find(|l| !l.trim().is_empty()) {
                let p = prev.trim_end();
                if p.ends_with(']') && text::find(p, "host ").is_some() {
                    // The text from "host", as Postfix's own reader keeps it.
                    let host = p.trim_start();
                    let host = match host.split_once(">: ") {
                        Some((_, rest)) if host.starts_with('<') => rest,
                        _ => host,
                    };
                    diag.push_str(host);
                    diag.push(' ');
                    if let Some(a) = address::find(p) {
                        last_address = Some(a);
                    }
                }
            }
        }
        // The reply and its continuation lines (indented, or "550-" continued). A reply known
        // by its enhanced code alone starts there: the log's words before it ("milter-reject:
        // END-OF-MESSAGE from host[192.0.2.7]:") are no part of it.
        let json_end = json_string_end(line, start);
        if let Some(end) = json_end {
            diag.push_str(line.get(start..end).unwrap_or_default());
        } else if coded.is_some() && lettre_code(line, start) {
            // lettre's own text from its class on ("permanent error (535): ..."): the
            // program's log words before it are no part of the reply.
            let lead = start.saturating_sub("permanent error (".len());
            diag.push_str(line.get(lead..).unwrap_or(line));
        } else if coded.is_some() {
            diag.push_str(line);
        } else {
            // Postfix's own fields after a milter's words ("; from=<...> to=<...> proto=ESMTP
            // helo=<...>") are no part of the reply either: "helo=" names no failed step.
            let reply = line.get(start..).unwrap_or(line);
            diag.push_str(reply.split("; from=<").next().unwrap_or(reply));
        }
        let mut j = i + 1;
        // Whether the last line of the reply read so far is a "550-" line, which the next
        // line of a log (below) continues.
        let mut dash = line.as_bytes().get(start + 3) == Some(&b'-');
        // A reply pasted as fields, its codes under one label and its words under another
        // ("**NDR code**" / "550 5.5.0" / "" / "**Description**" / "Requested action not
        // taken: mailbox unavailable (S2017062302)", a markdown page, set r 51): the codes
        // alone say nothing, so the first worded line after blank and label lines is the
        // reply's.
        if only_codes(&line[start..]) {
            if let Some(k) = worded_after_labels(&lines, i + 1) {
                diag.push(' ');
                diag.push_str(lines[k].trim());
                j = k + 1;
            }
        }
        // A JSON string holds the whole reply: the next lines are the object's other fields.
        while json_end.is_none() && j < lines.len() {
            let next = lines[j];
            // A client's log that puts its own prefix before every line of the conversation
            // (Roundcube: "[15-Aug-2018 04:28:19 -0500]: <n6lkis24> Recv: 550-Message
            // rejected ..." then "... Recv: 550 Too many failed logins"): a "550-" line goes on
            // with the next line of the same prefix and code, whose words are the reply's too
            // (often the cause itself), until the line without the hyphen.
            let prefix = line.get(..start).unwrap_or_default();
            if dash
                && !prefix.trim().is_empty()
                && next.get(..start) == Some(prefix)
                && next.get(start..start + 3) == line.get(start..start + 3)
                && reply_start(next) == Some(start)
                && diag.len() <= 4096
            {
                dash = next.as_bytes().get(start + 3) == Some(&b'-');
                diag.push(' ');
                diag.push_str(next.get(start..).unwrap_or_default().trim_end());
                j += 1;
                continue;
            }
            // The last line of a multi-line reply ("554 For explanation visit ...") goes on
            // with its "554-" lines, also when the first of them followed a label on its line
            // ("... reason: 554-Transaction failed", "Remote host said: 554-...").
            let numbered = next.trim_start().get(..4).is_some_and(|p| {
                p.get(..3).is_some_and(text::all_digits)
                    && (p.as_bytes()[3] == b'-'
                        || line.trim_start().get(..3) == p.get(..3)
                        || line.get(start..).and_then(|r| r.trim_start().get(..3)) == p.get(..3))
            });
            // An indented "<user@example.jp>: ..." starts the next recipient, unless the reply
            // had only its codes so far: Postfix wraps "said: 550 5.1.1" and goes on with
            // "<user@example.jp>: Recipient address rejected: ..." on the next line.
            // A wrapped line that starts with an address but ends Postfix's reply ("    info@
            // example.net (in reply to RCPT TO command)", the rest of "... not owned by user
            // info@example.net") goes on with it too.
            let ends_reply =
                !next.trim_start().starts_with('<') && text::find(next, "(in reply to ").is_some();
            let codes_only = j == i + 1 && only_codes(&line[start..]);
            // "    (user@example.jp) [-5] - mta.example.jp (in": an address in parentheses is
            // part of the words, never a recipient's own line.
            let parenthesised = next.trim_start().starts_with('(');
            // A sentence the wrap cut just before the address it names ("... for your MAIL
            // FROM address" / "<a@example.com> policy analysis reported: ..."): no recipient's
            // line.
            let named = address_runs_on(&diag, next);
            let cont = next.starts_with(' ')
                && !next.trim().is_empty()
                && (address_line(next).is_none()
                    || ends_reply
                    || codes_only
                    || parenthesised
                    || named);
            // A paste from a web page loses the indentation of the wrapped lines: a line that
            // is no reply of its own goes on with the reply when the reply cannot have ended
            // there (only its codes so far, or a sentence cut at a comma or a word such as
            // "using"), and then is no new recipient. A log's lines (`Mail::records`) are
            // records of their own, which no page wrapped: the next is never the reply's words.
            let unindented = !next.starts_with([' ', '\t'])
                && !next.trim().is_empty()
                && reply_start(next).is_none()
                && (codes_only
                    || (!mail.records
                        && (((unfinished(&diag)
                            || runs_on(&diag, next)
                            || name_cut(&diag, next))
                            && address_line(next).is_none())
                            || named)));
            // A reply quoted with "> " (a forwarded or replied-to bounce) goes on with the
            // quoted lines under it that are no reply or address of their own.
            let quoted = line.starts_with("> ")
                && next.strip_prefix("> ").is_some_and(|inner| {
                    !inner.trim().is_empty()
                        && reply_start(inner).is_none()
                        && (address_line(inner).is_none() || address_runs_on(&diag, inner))
                });
            // Exchange 2000/2003 wrap the diagnostic of their notice in angle brackets, "<mx.
            // example.org #5.0.0 smtp;550 ...>", and a long one goes on over the next line
            // ("<host version smtp;550 version <host>:" then "Helo command rejected: Host not
            // found>"): until the bracket closes, the next line is the reply's.
            let bracketed = line.trim_start().starts_with('<')
                && diag.matches('<').count() > diag.matches('>').count()
                && !next.trim().is_empty()
                && reply_start(next).is_none()
                && address_line(next).is_none();
            // A remote server's reply of several lines as Postfix quotes it ("said: 550-5.7.1
            // This" ... "(in reply to end of DATA command)"): Postfix wraps it at 80 columns,
            // so the next lines' codes ("550-5.7.1") fall in the middle of the words. Until
            // "(in reply to", a line that is no address of its own and has no other code goes
            // on with it, also when the paste lost the indentation or quotes it with "> ".
            let inner = if line.starts_with("> ") {
                next.strip_prefix("> ").unwrap_or(next)
            } else {
                next
            };
            let said = open_said_reply(&diag, line.get(start..start + 3).unwrap_or(""))
                && !inner.trim().is_empty()
                && address_line(inner).is_none()
                && reply_start(inner)
                    .is_none_or(|s| inner.get(s..s + 3) == line.get(start..start + 3));
            // A multi-line reply quoted with its enhanced code only, every line led by the same
            // code (Thunderbird's dialog for Gmail: "5.7.0 This message was blocked because
            // its content presents a potential" / "5.7.0 security issue. Please visit" ...):
            // the next line goes on with it, without its repeated code. A line after a full
            // stop, or one naming an address, may be another recipient's reply.
            if coded.is_none() && !diag.trim_end().ends_with('.') && address_line(next).is_none() {
                let code = line
                    .get(start..)
                    .and_then(|r| r.split_whitespace().next())
                    .unwrap_or_default();
                let rest = next
                    .trim_start()
                    .strip_prefix(code)
                    .filter(|r| r.starts_with([' ', '\t']))
                    .map(str::trim);
                if let Some(rest) = rest.filter(|r| !code.is_empty() && !r.is_empty()) {
                    if diag.len() > 4096 {
                        break;
                    }
                    diag.push(' ');
                    diag.push_str(rest);
                    j += 1;
                    continue;
                }
            }
            let cont = cont || unindented || quoted || bracketed || said;
            if !(cont || numbered) || diag.len() > 4096 {
                break;
            }
            diag.push(' ');
            diag.push_str(inner.trim());
            j += 1;
        }
        // Sendmail's "550 5.0.0 <u@example.jp>... Can't create output" (the local mailer's exit
        // status EX_CANTCREAT) says only that the mailbox could not be written; why is in the
        // mailer's own line just above it in the transcript ("procmail: Quota exceeded while
        // writing ..."), which then goes in front of the reply.
        // Its "550 5.0.0 ... Insufficient permission" (the mailer's exit status EX_NOPERM)
        // likewise: Courier's maildrop stops so on a full maildir and writes why just above,
        // "maildrop: maildir over quota." (a Sakura Internet bounce, yyengine.jp 2014).
        if text::find_ci(&diag, "can't create output").is_some()
            || text::find_ci(&diag, "insufficient permission").is_some()
        {
            if let Some(above) = mailer_output_above(&lines, i) {
                diag.insert_str(0, &format!("{above} "));
            }
        }
        let reply_part = &line[start..];
        // A reply may name the sender too ("554 Too many hops 26 (25 max): from
        // list@example.org via localhost, to user@example.com", Sendmail): when an address
        // listed above is not among the reply's, that one is the recipient.
        let in_reply: Vec<String> = diag
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| w.contains('@'))
            .filter_map(address::find)
            .take(8)
            .collect();
        let listed = last_address
            .clone()
            .filter(|a| in_reply.len() > 1 && !in_reply.contains(a));
        let recipient = listed
            .or_else(|| recipient_in(reply_part))
            .or_else(|| recipient_in(&line[..start]))
            .or_else(|| masked_after_arrow(&line[..start]))
            // The reply's wrapped lines: "554 delivery error: dd This user doesn't have a
            // yahoo.co.jp account\n    (user@yahoo.co.jp) [-5] ...".
            .or_else(|| {
                let wrapped = diag.find(line).and_then(|p| diag.get(p + start..))?;
                recipient_in(wrapped)
            })
            .or_else(|| {
                // A log line of the attempt ("A0F7BE2AA5: host ... refused to talk to me: 554
                // ..."): the recipient is in the queue's "to=<...>" line, before or after it.
                // A `&String` key, as `seen` looks up: a `&str` one would compile another
                // `get_mut` into the page.
                #[allow(clippy::unnecessary_to_owned)]
                let (k, _) = *logged_to.get_mut(&queue_id(line)?.to_string())?;
                logged.get(k).map(|(_, a, _)| a.clone())
            })
            // Postfix's mailq (showq): the queue line gives the queue id, size, arrival time
            // and the SENDER; the reason follows in parentheses and the recipient it is about
            // on the indented line under it (mailq(1); showq_compat.c writes "-Queue ID-
            // --Size-- ----Arrival Time---- -Sender/Recipient-------" above).
            .or_else(|| mailq.then(|| lines.get(j).and_then(|l| address_line(l)))?)
            .or_else(|| last_address.clone())
            .or_else(|| last_mentioned.clone())
            .unwrap_or_default();
        // The code this reply starts with, rather than the one a search of the whole text
        // prefers: "said: 553 5.7.1 ... [550]" is a 553.
        let mut d = Delivery {
            recipient,
            diagnosis: text::sweep(&diag),
            reply_code: line
                .get(start..start + 3)
                .filter(|c| text::all_digits(c))
                .unwrap_or("")
                .to_string(),
            ..Delivery::default()
        };
        d.command = command::find(&d.diagnosis);
        if d.command.is_empty() {
            d.command = sent.clone();
        }
        if d.command.is_empty() && text::contains(&d.diagnosis, "refused to talk to me:") {
            // Postfix: the server's greeting was the refusal (as its own reader reads it).
            d.command = "HELO".into();
        }
        if let Some(h) = text::between(&d.diagnosis, "host ", " ") {
            d.rhost = h
                .split('[')
                .next()
                .unwrap_or("")
                .trim_end_matches(':')
                .to_string();
        }
        if let Some((h, ip)) = coremail_host(&d.diagnosis).filter(|_| d.rhost.is_empty()) {
            d.rhost = h;
            d.rhost_ip = ip;
        }
        if let Some((h, ip)) = next_host.take() {
            if d.rhost.is_empty() {
                d.rhost = h;
                d.rhost_ip = ip;
            }
        }
        // One delivery per recipient: a later reply for the same address adds nothing, unless
        // the first one had only its codes.
        let bare = j == i + 1 && only_codes(&line[start..]);
        if d.recipient.is_empty() {
            deliveries.push(d);
        } else {
            match seen.get_mut(&d.recipient) {
                None => {
                    seen.insert(d.recipient.clone(), (deliveries.len(), bare));
                    deliveries.push(d);
                }
                Some((k, was_bare)) if *was_bare && !bare => {
                    if let Some(slot) = deliveries.get_mut(*k) {
                        *slot = d;
                    }
                    *was_bare = false;
                }
                Some((k, _)) => {
                    // The same reply again where the step is known: Sendmail sums it up as
                    // "(reason: 550 ...)" above the transcript that shows ">>> DATA" before it.
                    // A syntax reply to a mistyped command gives way to the refusal after it.
                    if let Some(slot) = deliveries.get_mut(*k) {
                        // Sendmail's own restatement under the transcript ("<<< 554 Service
                        // unavailable; ..." then "554 5.0.0 Service unavailable") adds the
                        // enhanced status it gave the recipient (savemail.c/usersmtp.c write
                        // the status with the reply code), which the server's reply lacked.
                        let restated = slot.reply_code == d.reply_code
                            && slot.status.is_empty()
                            && status::find(&slot.diagnosis, &slot.reply_code).is_empty();
                        if restated {
                            let s = status::find(&d.diagnosis, &d.reply_code);
                            if !s.is_empty()
                                && d.diagnosis.contains(&format!("{} {s} ", d.reply_code))
                            {
                                slot.status = s;
                            }
                        }
                        if is_syntax_reply(slot) && !is_syntax_reply(&d) {
                            *slot = d;
                        } else if slot.command.is_empty() && slot.reply_code == d.reply_code {
                            slot.command = d.command;
                        }
                    }
                }
            }
        }
        i = j.max(i + 1);
        if deliveries.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    for d in &mut deliveries {
        if d.rhost.is_empty() {
            d.rhost = rhost.clone();
        }
        d.lhost = lhost.clone();
    }
    // In a session someone typed (telnet, swaks), a syntax reply ("501 5.5.4 Unrecognized
    // parameter", "500 5.5.1 Command unrecognized") answers the typist's own mistake; when a
    // later reply refuses the mail, that one is the failure. Only replies that name no
    // recipient are dropped, so a bounce's own recipients all stay.
    let last_refusal = deliveries.iter().rposition(|d| !is_syntax_reply(d));
    if let Some(last) = last_refusal {
        let mut k = 0;
        deliveries.retain(|d| {
            let keep = k >= last || !(d.recipient.is_empty() && is_syntax_reply(d));
            k += 1;
            keep
        });
    }
    if deliveries.is_empty() {
        deliveries = postfix_own_reasons(&lines);
    }
    if deliveries.is_empty() {
        deliveries = exim_log_defers(&lines);
    }
    if deliveries.is_empty() {
        deliveries = exim_acl_rejections(&lines);
    }
    if deliveries.is_empty() {
        deliveries = kerio_reports(&lines);
    }
    if deliveries.is_empty() {
        deliveries = without_codes(&lines);
    }
    if deliveries.is_empty() {
        deliveries = prose_only(&lines);
    }
    if deliveries.is_empty() {
        return None;
    }
    // A recipient named only in the header of a bounce (X-Failed-Recipients) or in the
    // returned message's To: when there is exactly one reply.
    if deliveries.len() == 1 && deliveries[0].recipient.is_empty() {
        let failed = mail.header("x-failed-recipients");
        let to = super::first_header(original, "to");
        if let Some(a) = address::find(failed).or_else(|| address::find(&to)) {
            deliveries[0].recipient = a;
        }
    }
    // A log line's "status=deferred" says the server still tries; "status=bounced" that it
    // gave up.
    if !logged_action.is_empty() {
        for d in deliveries.iter_mut().filter(|d| d.action.is_empty()) {
            if let Some(&mut (k, _)) = logged_action.get_mut(&d.recipient.to_ascii_lowercase()) {
                if let Some((_, _, action)) = logged.get(k) {
                    d.action = action.to_string();
                }
            }
        }
    }
    // The same words on the reply's own log line, also when the line has no queue id to
    // match ("mail postfix/smtp: to=<...>, relay=..., status=deferred (host ... said: 450
    // ...)"): the server keeps the message and tries again, whatever the reply's reason.
    for d in deliveries.iter_mut().filter(|d| d.action.is_empty()) {
        if qmail_deferred_only || text::contains(&d.diagnosis, " status=deferred (") {
            d.action = "delayed".to_string();
        } else if text::contains(&d.diagnosis, " status=bounced (") {
            d.action = "failed".to_string();
        }
    }
    // A warning that the server is still trying makes these recipients delayed in `fact.rs`.
    for d in &mut deliveries {
        if d.reply_code.is_empty() {
            d.reply_code = reply::find(&d.diagnosis, "");
        }
        let found = status::find(&d.diagnosis, &d.reply_code);
        // A code the log line gave apart from the words (Postfix's "dsn=") stands.
        if !(found.is_empty() && status::is_valid(&d.status)) {
            d.status = found;
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// A bounce text without any reply code ("user@example.jp" then "Unknown user."): an address
/// on a line of its own, with an explanation that the wording tables recognise: on the same
/// line after it, on the next lines, or (for a labelled line such as "宛先: user@example.jp",
/// which closes its paragraph, or an address with nothing after it) on the lines just before.
fn without_codes(lines: &[&str]) -> Vec<Delivery> {
    let mut out: Vec<Delivery> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut i = 0;
    while i < lines.len() && out.len() < MAX_RECIPIENTS {
        let worded = |t: &str| !t.trim().is_empty() && crate::reason::is_worded(t);
        let line = lines[i].trim();
        // One line that says it all: "宛先不明 user@example.jp", "...見つかりません。宛先:
        // user@example.jp".
        if let Some((addr, before)) =
            named_last(line).filter(|(_, b)| worded(b) || is_failed_heading(b))
        {
            if seen.insert(addr.clone()) {
                out.push(Delivery {
                    recipient: addr,
                    diagnosis: text::sweep(before),
                    ..Delivery::default()
                });
            }
            i += 1;
            continue;
        }
        let Some(addr) = address_line(lines[i])
            .or_else(|| undelivered_to(lines[i]))
            .or_else(|| stand_in_line(lines[i]))
        else {
            i += 1;
            continue;
        };
        // The explanation after the address on the same line ("<u@example.jp>: user unknown"),
        // or after a sentence that names it ("Your message to u@example.jp couldn't be
        // delivered. u wasn't found at example.jp.").
        // A line of only a name and the address ("u@example.com (u@example.com)") has no
        // explanation on it.
        let after = if display_named(&text::halfwidth(line)).is_some() {
            ""
        } else if let Some(p) = undelivered_end(line) {
            line.get(p..)
                .unwrap_or("")
                .trim_start_matches(['.', '。', ' ', '\u{3000}'])
        } else {
            line.rfind('>')
                .or_else(|| {
                    line.find(addr.as_str())
                        .map(|p| p + addr.len().saturating_sub(1))
                })
                .and_then(|p| line.get(p + 1..))
                .unwrap_or("")
                // Sendmail's "<u@example.jp>... Deferred: ..." puts an ellipsis after it.
                .trim_start_matches([':', ' ', ')', ']', '\'', '"', '\u{ff1a}', '.'])
        };
        let mut explanation = after.to_string();
        let mut j = i + 1;
        if !worded(&explanation) {
            // Or on the next lines, up to an empty line or the next address. What followed the
            // address on its line (a date, in Outlook's own notice) stays in front.
            let mut read = false;
            while j < lines.len() && j <= i + 3 {
                let next = lines[j].trim();
                if next.is_empty() {
                    if !read {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if address_line(lines[j]).is_some() || stand_in_line(lines[j]).is_some() {
                    break;
                }
                explanation.push(' ');
                explanation.push_str(next);
                read = true;
                j += 1;
            }
        }
        if !worded(&explanation) && (labelled(line) || explanation.trim().is_empty()) {
            explanation = explained_above(lines, i);
        }
        // No reason in the words, but the list is under a heading that says delivery to
        // its addresses failed: the address is a failed recipient all the same, and the
        // heading is all the explanation there is (the lines after it were not one).
        if !worded(&explanation) {
            if let Some(heading) = failed_heading_above(lines, i) {
                // Lines right under the address (no blank line between) are about it: "host
                // mx.example.com[192.0.2.25]: connection to mail exchanger failed".
                let attached = lines
                    .get(i + 1)
                    .is_some_and(|l| !l.trim().is_empty() && address_line(l).is_none());
                let diagnosis = if attached
                    && !explanation.trim().is_empty()
                    && !explanation.contains(heading.as_str())
                {
                    format!("{heading} {}", explanation.trim())
                } else {
                    heading
                };
                if seen.insert(addr.clone()) {
                    out.push(Delivery {
                        recipient: addr,
                        diagnosis: text::sweep(&diagnosis),
                        ..Delivery::default()
                    });
                }
                i = j.max(i + 1);
                continue;
            }
        }
        if worded(&explanation) && seen.insert(addr.clone()) {
            out.push(Delivery {
                recipient: addr,
                diagnosis: text::sweep(&explanation),
                ..Delivery::default()
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Labels of a line that names the recipient ("宛先: user@example.jp").
const RECIPIENT_LABELS: &[&str] = &[
    "to:",
    "recipient:",
    // Tutanota's notice: "Recipients: user@example.org" above "The recipient does not exist."
    // (its "Email could not be delivered" mail, tutao/tutanota issue 4694).
    "recipients:",
    // HotPOP: "Undeliverable Address: user@example.com" (flufl.bounce's test data, hotpop_01).
    "undeliverable address:",
    "original-recipient:",
    "final-recipient:",
    "宛先:",
    "送信先:",
    "受信者:",
];

fn labelled(line: &str) -> bool {
    let line = text::halfwidth(line);
    let t = line.trim_start();
    RECIPIENT_LABELS.iter().any(|l| text::starts_with_ci(t, l))
}

/// The explanation above the address on line `i`: the paragraph just before the list of
/// addresses it belongs to, or, when that paragraph is only a heading of the list ("--- 以下の宛先
/// に送信できませんでした ---"), the paragraph above the heading followed by the heading.
fn explained_above(lines: &[&str], i: usize) -> String {
    // The first address of the list; the walk is bounded so that a long list stays linear.
    let mut top = i;
    while top > 0 && i - top < MAX_LIST_WALK && address_line(lines[top - 1]).is_some() {
        top -= 1;
    }
    let (from, end) = paragraph_span(lines, top);
    let paragraph = join_trimmed(&lines[from..end]);
    if from == end || crate::reason::is_worded(&paragraph) || !is_list_heading(&paragraph) {
        return paragraph;
    }
    let (above_from, above_end) = paragraph_span(lines, from);
    let above = join_trimmed(&lines[above_from..above_end]);
    if above.is_empty() {
        return paragraph;
    }
    format!("{above} {paragraph}")
}

/// How far `explained_above` walks up a list of addresses to find its first one.
const MAX_LIST_WALK: usize = 64;

/// Japanese headings over a list of addresses that could not be sent to. They say which
/// addresses failed but not why; the notice says why in the sentence above them, as au (KDDI)
/// writes it when an address does not exist:
///
/// ```text
/// このメールは、送信先のメールアドレスが見つからなかったため、送信できませんでした。
///
/// --- 以下の宛先に送信できませんでした ---
/// hanako@ezweb.ne.jp
/// ```
///
/// m-FILTER's "以下のメールアドレスへの送信に失敗しました。" and the carriers' and ISPs' "次の宛先
/// へのメッセージは配信できませんでした。" are headings of the same kind.
/// Source: au's notice as users paste it (test_data/bounces/visible-carrier-08.txt);
/// https://github.com/sisimai/go-sisimai/blob/main/lhost/via-mfilter.go
const LIST_HEADINGS: &[&str] = &[
    "以下の宛先",
    "下記の宛先",
    "次の宛先",
    "以下のアドレス",
    "下記のアドレス",
    "次のアドレス",
    "以下のメールアドレス",
    "下記のメールアドレス",
    "次のメールアドレス",
    "以下の受信者",
    "次の受信者",
];

/// English headings over a list of addresses that say, by themselves, that delivery to
/// them failed (no reason given). Seen in flufl.bounce's test data (GNU Mailman), quoted:
///
/// - Exchange 2000/2003 and Windows SMTP service: "Delivery to the following recipients
///   failed." (simple_10)
/// - Exchange 5.5 to 2003: "Your message ... did not reach the following recipient(s):"
///   (simple_24, groupwise_02)
/// - Symantec AntiVirus for SMTP Gateways: "could not be delivered to the following
///   recipients:" (simple_22); an unnamed gateway: "The email below could not be delivered
///   to the following user:" (microsoft_03); "Your message could not be delivered to"
///   (simple_20)
/// - "The following recipients did not receive this message:" (caiwireless_01)
/// - phquery: "Message not delivered to the following addresses:" (simple_37)
///
/// Source: flufl.bounce 6.0.0, tests/data (https://pypi.org/project/flufl.bounce/)
const FAILED_LIST_HEADINGS: &[&str] = &[
    "delivery to the following recipient failed",
    "delivery to the following recipients failed",
    "did not reach the following recipient",
    "could not be delivered to",
    "not delivered to the following",
    "following recipients did not receive",
    "following recipient did not receive",
    // 1&1: "The message has not yet been delivered to the following addresses:" (simple_40)
    "not yet been delivered to the following",
];

/// True when the words are a `FAILED_LIST_HEADINGS` heading (a short paragraph: a heading,
/// not a letter that quotes one).
fn is_failed_heading(paragraph: &str) -> bool {
    paragraph.len() <= 300 && text::contains_any(&text::lower(paragraph), FAILED_LIST_HEADINGS)
}

/// The heading above the list of addresses that line `i` belongs to, when it is a
/// `FAILED_LIST_HEADINGS` heading.
fn failed_heading_above(lines: &[&str], i: usize) -> Option<String> {
    let mut top = i;
    while top > 0 && i - top < MAX_LIST_WALK && address_line(lines[top - 1]).is_some() {
        top -= 1;
    }
    let (from, end) = paragraph_span(lines, top);
    let paragraph = join_trimmed(&lines[from..end]);
    is_failed_heading(&paragraph).then_some(paragraph)
}

fn is_list_heading(paragraph: &str) -> bool {
    text::contains_any(paragraph, LIST_HEADINGS)
}

fn join_trimmed(lines: &[&str]) -> String {
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

/// The lines of the paragraph just before line `i` (at most three lines, after any empty
/// ones), up to an empty line or another address: "...受信を拒否されたため配信できません
/// でした。" above the address it is about. Empty (`from == end`) when there is none.
fn paragraph_span(lines: &[&str], i: usize) -> (usize, usize) {
    let mut end = i.min(lines.len());
    while end > 0 && i - end < 2 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut from = end;
    while from > 0 && end - from < 3 {
        let prev = lines[from - 1].trim();
        if prev.is_empty() || prev.contains('@') {
            break;
        }
        from -= 1;
    }
    (from, end)
}

/// Sentences that say a message to one address failed ("Your message to x@example.jp couldn't
/// be delivered."); the explanation follows on the next lines.
const UNDELIVERED: &[&str] = &[
    "couldn't be delivered",
    "could not be delivered",
    "wasn't delivered",
    "配信できませんでした",
    "配信されませんでした",
];

/// Where the `UNDELIVERED` words of a line end, if it has them.
fn undelivered_end(line: &str) -> Option<usize> {
    UNDELIVERED
        .iter()
        .find_map(|u| line.find(u).map(|p| p + u.len()))
}

/// A line whose last word is its only address, after a recipient label or other words
/// ("宛先不明 user@example.jp"): the address and the words before it (without the label).
fn named_last(line: &str) -> Option<(String, &str)> {
    let half = text::halfwidth(line);
    let last = half.split_whitespace().last()?;
    if !last.contains('@') || half.matches('@').count() != 1 {
        return None;
    }
    let addr = address::find(last)?;
    let p = line.rfind(addr.as_str())?;
    let before = line[..p].trim_end();
    // "User's mailbox is full: <u@example.com>": words, a colon, and the address in angle
    // brackets closing the line (seen in flufl.bounce's test data, simple_07, Prodigy).
    let colon_then_bracketed = before.ends_with(": <") && line.trim_end().ends_with('>');
    // Drop a label the address follows ("宛先:", "To:").
    let before = before
        .trim_end_matches([':', '\u{ff1a}', '<', '(', '（', ' ', '\u{3000}'])
        .trim_end();
    // "Did not reach the following recipient: u@example.com" (Exchange).
    if is_failed_heading(before) {
        return Some((addr, before));
    }
    let unlabelled = RECIPIENT_LABELS
        .iter()
        .filter_map(|l| l.strip_suffix(':'))
        .find_map(|l| {
            let (head, label) = before.split_at_checked(before.len().checked_sub(l.len())?)?;
            label.eq_ignore_ascii_case(l).then_some(head)
        });
    // Without a label, only a short Japanese phrase ("宛先不明") says the address is the
    // recipient; an English sentence that ends with an address names a contact as often.
    let before = match unlabelled {
        Some(head) => head,
        None if !before.is_ascii() && before.chars().count() <= 40 => before,
        None if colon_then_bracketed && before.len() <= 80 => before,
        None => return None,
    };
    (!before.trim().is_empty()).then_some((addr, before))
}

/// The stand-in a how-to page puts where a recipient's address stood, at the start of a line
/// as a bounce lists its recipients: "<送信先のメールアドレス>: ..." (a Japanese page's
/// translation of a Postfix bounce, "<address>: host ... said: ..."; held-out t 42). Only a
/// stand-in that names an address in Japanese (`address::is_redacted`'s placeholder words, no
/// "@"), kept as written like any hidden address; its explanation must still be worded.
fn stand_in_line(line: &str) -> Option<String> {
    let t = text::halfwidth(line);
    let t = t.trim();
    let inner = t.strip_prefix('<')?;
    let close = inner.find('>')?;
    let (name, rest) = (inner.get(..close)?, inner.get(close + 1..)?);
    (rest.starts_with(':') && !name.contains('@') && address::is_redacted(name))
        .then(|| name.to_string())
}

/// The address of an `UNDELIVERED` sentence that names exactly one.
fn undelivered_to(line: &str) -> Option<String> {
    if !text::contains_any(line, UNDELIVERED) {
        return None;
    }
    let a = address::find(line)?;
    let others = line
        .split(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .filter(|w| w.contains('@'))
        .filter_map(address::find)
        .any(|o| o != a);
    (!others).then_some(a)
}

/// The local mailer's own message on the line before line `i` of a sendmail transcript
/// ("procmail: Quota exceeded while writing \"/var/mail/u\""): a program's name, a colon and
/// words, and no reply code of its own.
fn mailer_output_above<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    let prev = lines
        .get(..i)?
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())?
        .trim();
    let (program, words) = prev.split_once(": ")?;
    let named = !program.is_empty()
        && program.len() <= 20
        && program
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'));
    (named && !words.trim().is_empty() && reply_start(prev).is_none()).then_some(prev)
}

/// True when a reply ("550 5.1.10", "550-5.1.1.") has nothing after its codes.
pub(crate) fn only_codes(reply: &str) -> bool {
    let mut words = reply.split(|c: char| c.is_whitespace() || c == '-');
    let code = words.next().unwrap_or("");
    reply::is_valid(code)
        && words.all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '\'' | '"'));
            w.is_empty() || status::is_valid(w)
        })
}

/// How many blank and label lines may stand between a reply's codes and its words.
const MAX_LABEL_GAP: usize = 4;

/// A line that is only a field's label: "**Description**", "Description:", "## Reason",
/// "説明：": a few words, marked as a heading or ended by a colon.
fn label_only(line: &str) -> bool {
    let t = line.trim();
    let marked = t.len() > 4 && t.starts_with("**") && t.ends_with("**")
        || t.starts_with('#')
        || t.ends_with(':')
        || t.ends_with('\u{ff1a}');
    marked && t.len() <= 40 && t.split_whitespace().count() <= 4 && !t.contains('@')
}

/// The line from `from` on, past blank lines and field labels (at least one of them), that
/// is worded as a reason and is neither a reply nor an address of its own.
fn worded_after_labels(lines: &[&str], from: usize) -> Option<usize> {
    let mut k = from;
    while k < lines.len()
        && k - from < MAX_LABEL_GAP
        && (lines[k].trim().is_empty() || label_only(lines[k]))
    {
        k += 1;
    }
    let next = lines.get(k)?;
    (k > from
        && reply_start(next).is_none()
        && address_line(next).is_none()
        && crate::reason::is_worded(next))
    .then_some(k)
}

/// Postfix's log of a message it gave up on for a reason of its own, with no remote server's
/// reply ("said:"): "A08C12A583D: to=<user@example.org>, relay=none, delay=0.1,
/// delays=0.1/0/0/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service
/// error for name=example.org type=A: Host not found)". The reason is the text in parentheses
/// (message size over the server's limit, unknown domain, connection timed out, a mail loop),
/// the status code the `dsn=` field. Source: Postfix's `smtp(8)` log format (`dsn=`,
/// `status=`), and the messages of `smtp_proto.c`, `smtp_connect.c` and `smtp_addr.c`.
/// The same log line with "status=deferred" is a try that failed for now (Postfix retries):
/// a delayed delivery with the same words ("Host not found, try again").
fn postfix_own_reasons(lines: &[&str]) -> Vec<Delivery> {
    const BOUNCED: &str = " status=bounced (";
    const DEFERRED: &str = " status=deferred (";
    let mut out: Vec<Delivery> = Vec::new();
    for &line in lines {
        let Some((p, mark, action)) = text::find(line, BOUNCED)
            .map(|p| (p, BOUNCED, "failed"))
            .or_else(|| text::find(line, DEFERRED).map(|p| (p, DEFERRED, "delayed")))
        else {
            continue;
        };
        let Some(to) = text::find(line, " to=<") else {
            continue;
        };
        let words = line.get(p + mark.len()..).unwrap_or("");
        let words = words
            .rfind(')')
            .and_then(|e| words.get(..e))
            .unwrap_or(words);
        // A remote server's reply has its own readers; this is for Postfix's own words.
        if words.is_empty() || text::find(words, " said: ").is_some() {
            continue;
        }
        // An address hidden before pasting ("to=<ewan@xxxxxxxx>") is kept as written.
        let Some(recipient) = line.get(to + 4..).and_then(address::find).or_else(|| {
            text::between(line.get(to..)?, "<", ">")
                .filter(|a| address::is_redacted(a))
                .map(str::to_string)
        }) else {
            continue;
        };
        let status = text::between(line, " dsn=", ",")
            .map(str::trim)
            .filter(|s| status::is_valid(s))
            .unwrap_or("");
        out.push(Delivery {
            recipient,
            action: action.into(),
            status: status.to_string(),
            diagnosis: text::sweep(words),
            ..Delivery::default()
        });
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// Kerio Connect's notice of a delivery that failed with no remote server's reply: "Failed to
/// deliver to 'user@example.org'", "SMTP module(domain example.org) reports:" and its words
/// ("connection with mx.example.org is broken"), on one line or on lines of their own. Its
/// notice of a delivery it still retries says "Message delivery to 'user@example.org' delayed"
/// instead. A reply with a code ("... reports: ... said: 550 ...") is read as a reply.
/// Sources: PHPMailer-BMH's bounce rules (rule 0231 quotes the failure as three lines), and
/// Kerio Connect's delay notice as a user pasted it (held-out w 35).
fn kerio_reports(lines: &[&str]) -> Vec<Delivery> {
    const MODULE: &str = "SMTP module(domain ";
    const REPORTS: &str = ") reports:";
    let mut out: Vec<Delivery> = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        let Some(m) = text::find(line, MODULE) else {
            continue;
        };
        let Some(r) = line.get(m..).and_then(|t| text::find(t, REPORTS)) else {
            continue;
        };
        // The opening sentence, before the module on its line or on the line above.
        let before = line.get(..m).unwrap_or("").trim();
        let opening = match (before, i.checked_sub(1).and_then(|k| lines.get(k))) {
            ("", Some(above)) => above.trim(),
            _ => before,
        };
        let delayed =
            opening.starts_with("Message delivery to '") && opening.ends_with("' delayed");
        if !(delayed || opening.starts_with("Failed to deliver to '")) {
            continue;
        }
        let Some(recipient) = address::find(opening) else {
            continue;
        };
        // The words after "reports:", or on the lines below it up to an empty one.
        let mut words = line.get(m + r + REPORTS.len()..).unwrap_or("").to_string();
        if words.trim().is_empty() {
            for next in lines.iter().skip(i + 1).take(3) {
                if next.trim().is_empty() || text::find(next, MODULE).is_some() {
                    break;
                }
                words.push(' ');
                words.push_str(next);
            }
        }
        if words.trim().is_empty() {
            continue;
        }
        out.push(Delivery {
            recipient,
            action: if delayed { "delayed" } else { "failed" }.into(),
            diagnosis: text::sweep(&words),
            ..Delivery::default()
        });
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// Exim's main log line of a recipient its own ACL refused, the receiving side's log: "H=mail.
/// example.org [192.0.2.7] F=<ann@example.org> rejected RCPT <bob@example.net>: <why>", also
/// "temporarily rejected RCPT" for a 4xx refusal, and with no words when the ACL gave none.
/// Source: the Exim specification, chapter "Access control lists" (the reject log line,
/// "H=... F=<...> rejected RCPT <...>: message").
fn exim_acl_rejections(lines: &[&str]) -> Vec<Delivery> {
    const RCPT: &str = "rejected RCPT <";
    let mut out: Vec<Delivery> = Vec::new();
    for &line in lines {
        let Some(p) = text::find(line, RCPT) else {
            continue;
        };
        if !line.starts_with("H=") && text::find(line, " H=").is_none() {
            continue;
        }
        let rest = line.get(p + RCPT.len() - 1..).unwrap_or("");
        let Some(recipient) = address::find(rest) else {
            continue;
        };
        let words = rest.split_once(">: ").map_or("", |(_, w)| w).trim();
        // With no words of the ACL's, the log's own ("rejected RCPT <bob@example.net>").
        let words = if words.is_empty() {
            line.get(p..).unwrap_or("")
        } else {
            words
        };
        // Also "temporarily rejected": a refusal all the same, not a delay of the logging
        // server's own queue.
        out.push(Delivery {
            recipient,
            diagnosis: text::sweep(words),
            ..Delivery::default()
        });
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// Exim's main log line of a delivery that failed for now, with no remote server's reply:
/// "2024-01-01 10:00:00 1abcDE-000123-XY == user@example.org R=dnslookup T=remote_smtp defer
/// (113): No route to host H=mx.example.org [192.0.2.1]". "==" marks a deferral, and the words
/// follow "defer (<errno>): ". Source: the Exim specification, chapter "Log files" (the
/// flags "=>", "->", "**" and "==", and the "defer (errno): message" form).
fn exim_log_defers(lines: &[&str]) -> Vec<Delivery> {
    const FLAG: &str = " == ";
    const DEFER: &str = " defer (";
    let mut out: Vec<Delivery> = Vec::new();
    for &line in lines {
        let (Some(f), Some(d)) = (text::find(line, FLAG), text::find(line, DEFER)) else {
            continue;
        };
        let Some(recipient) = line
            .get(f + FLAG.len()..)
            .and_then(|r| r.split_whitespace().next())
            .and_then(address::find)
        else {
            continue;
        };
        let Some(words) = line
            .get(d + DEFER.len()..)
            .and_then(|r| r.split_once("): "))
            .map(|(_, w)| w)
        else {
            continue;
        };
        // The host tried, after the words: "H=mx.example.org [192.0.2.1]".
        let (words, host) = match text::find(words, " H=") {
            Some(h) => (words.get(..h).unwrap_or(words), words.get(h + 3..)),
            None => (words, None),
        };
        let mut d = Delivery {
            recipient,
            action: "delayed".into(),
            diagnosis: text::sweep(words),
            ..Delivery::default()
        };
        if let Some(h) = host {
            let mut parts = h.split_whitespace();
            d.rhost = parts
                .next()
                .unwrap_or_default()
                .trim_end_matches(':')
                .to_string();
            if let Some(ip) = parts
                .next()
                .and_then(|p| p.strip_prefix('[')?.split(']').next())
            {
                if ip.parse::<std::net::IpAddr>().is_ok() {
                    d.rhost_ip = ip.to_string();
                }
            }
        }
        out.push(d);
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// True for a reply that says the command itself was wrong: 500 to 504, or an enhanced code
/// of class X.5 (RFC 3463, "mail delivery protocol status": syntax, unknown command).
fn is_syntax_reply(d: &Delivery) -> bool {
    matches!(d.reply_code.as_str(), "500" | "501" | "502" | "503" | "504")
        || matches!(
            status::find(&d.diagnosis, &d.reply_code).get(..4),
            Some("5.5." | "4.5.")
        )
}

/// Notices that name neither an address nor a code, only what happened, lowercase. Microsoft
/// 365's notice when the recipient's server never answered: "Your message couldn't be
/// delivered. Despite repeated attempts to contact the recipient's email system it didn't
/// respond." and when it refused every connection: "Despite repeated attempts to deliver your
/// message, the recipient's email system refused to accept a connection from your email
/// system." Source: the notices' own help link, <https://go.microsoft.com/fwlink/?LinkId=389361>
/// (Exchange Online NDR for 4.4.7 / 4.4.316); reviewer case, general wording.
const PROSE_ONLY: &[&str] = &[
    // Comcast's refusal of a listed sending IP, copied without its "554" ("resimta-...comcast
    // .net 192.0.2.50 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error
    // -codes.php#BL000001", held-out y 20): the sentence and its code page name the refusal.
    "found on one or more dnsbls, see http",
    // A notice that gives the failure as a sentence with its enhanced status code and no
    // reply ("MESSAGE NOT DELIVERED / There was an issue delivering your message to
    // a@example.org. This is an 5.1.2 Error. / This error typically means: The domain name of
    // the email address is not valid", a bounceio.net postmaster, held-out y 34, forwarded by
    // Gmail inside a list message): its paragraph holds the code (RFC 3463 X.1.2, "Bad
    // destination system address").
    "there was an issue delivering your message to",
    // Google Groups' refusal of a post, which names neither the group's address nor a code:
    // "Message rejected by Google Groups. Please visit ... to review our Bulk Email Senders
    // Guidelines." (held-out case, round o).
    "message rejected by google groups",
    // Gmail's refusal of a message its own user sent, which its outgoing filter took for spam:
    // "The response was: Message rejected. See https://support.google.com/mail/answer/69585
    // for more information." It names neither an address nor a code (set r 40; also in
    // https://github.com/Ombi-app/Ombi/issues/4916).
    "message rejected. see https://support.google.com/mail/answer/69585",
    // The sender's own outgoing server refusing more mail for the day, quoted without its
    // code: "Recipient address rejected: Email Sending Quota Exceeded" (held-out case, round
    // o); the same server's "550 5.4.5 ... Domain Sending Quota Exceeded" is in
    // https://pastebin.com/v3bkLPK5. A quota of sending is the sender's, whatever it is called.
    "sending quota exceeded",
    // Netscape Messaging Server's notice ("Subject: Mail System Error - Returned Mail", from
    // "Mail Administrator"; ISPs such as DTI still send it): "This Message was undeliverable
    // due to the following reason:" and the reason after it ("The user(s) account is
    // temporarily over quota.", or a remote server's refusal per recipient). Pasted as one
    // line, as a page's table row flattens it (set r 03), or with the recipient hidden, no
    // address stands on a line of its own; the reason is still its words after the lead-in.
    // Sources: flufl.bounce's Netscape detector (its lead-in), PHPMailer-BMH's rule "full"
    // (the over-quota sample), a DTI notice (set r 01).
    "this message was undeliverable due to the following reason:",
    "despite repeated attempts to contact the recipient's email system",
    "despite repeated attempts to deliver your message",
    // Exchange Online's NDR for 5.1.8, which names no recipient in its visible text: "This
    // message couldn't be delivered because the sending email address was not recognized as a
    // valid sender." (held-out case); the sender's own account is restricted.
    "recognized as a valid sender",
    // Gmail's notice when the recipient's domain does not exist, whose visible text names only
    // the domain: "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN
    // Domain name not found: example.org" (its help link is support.google.com/mail/?p=BadRcptDomain).
    "responded with code nxdomain",
    // Exchange's visible NDR when the recipient accepts mail only from some senders: "Your
    // message can't be delivered because delivery to this address is restricted."
    // Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
    // (5.7.1 "Delivery not authorized").
    "because delivery to this address is restricted",
    // Outlook.com's (Hotmail's) refusal under the sender domain's DMARC policy, often quoted
    // without its reply code: "5.7.0 (COL004-MC1F52) Unfortunately, messages from (192.0.2.1)
    // on behalf of (example.org) could not be delivered due to domain owner policy restrictions."
    "could not be delivered due to domain owner policy restrictions",
    // OpenSMTPD's delay report, whose lines are "user@example.org: <why>": "Envelope expired"
    // is its own word for a message that stayed queued too long (smtpd's queue expiry).
    // Source: OpenSMTPD, usr.sbin/smtpd/queue.c (envelope_set_errormsg on expiry).
    ": envelope expired",
    // postgrey's refusal of a first try, pasted without the reply code before it: "4.2.0
    // <user@example.org>: Recipient address rejected: Greylisted for 300 seconds" (its
    // default text is "Greylisted, see http://postgrey.schweikert.ch/help/..."; the delay is
    // a common setting of --greylist-text). Source: postgrey's manual page (--greylist-text).
    "recipient address rejected: greylisted",
    // Google Groups' notice, pasted from the mail program: "We're writing to let you know that
    // the group you tried to contact (board) may not exist, or you may not have permission to
    // post messages to the group." Source: Sisimai's Google Groups reader (lhost-googlegroups-01).
    "you may not have permission to post messages to the group",
    // Outlook's notice in Japanese, its visible text: "このメールは、受信者全員または一部に届きませんでした。"
    // ("Delivery has failed to these recipients or groups"), then the recipient's state
    // ("無効な受信者", an invalid recipient) on the lines below.
    "受信者全員または一部に届きませんでした",
    // Outlook's own notice in Japanese when it could not send to an address (its visible
    // text, "The following recipient(s) cannot be reached"): "以下の受信者にメールを配信できません"
    // with the address and "無効な受信者" (an invalid recipient) below, after a blank line.
    "以下の受信者にメールを配信できません",
    // Postfix's SMTP client, when the message is larger than the SIZE the next server
    // announced, fails it without sending: "message size 5242880 exceeds size limit 3145728
    // of server mx.example.org[192.0.2.1]". Source: Postfix src/smtp/smtp_proto.c.
    "exceeds size limit",
    // qmail-smtpd's refusal of a message over its DATABYTES limit, "552 sorry, that message
    // size exceeds my databytes limit (#5.3.4)" (qmail-1.03 qmail-smtpd.c, err_size), quoted
    // without its code in prose ("メッセージをよく読むと「that message size exceeds my databytes
    // limit」とあり", a Japanese FAQ). qmail's own words; no other server writes them, so a
    // text that quotes them is about that bounce.
    "exceeds my databytes limit",
    // Horde's SMTP library (Nextcloud Mail, Horde IMP) puts its own sentence in place of the
    // server's words for any 550 reply (its error code MAILBOX_UNAVAILABLE): "Message could not
    // be delivered - the address was not found, is unknown, or is not receiving messages."
    // Nextcloud Mail shows it after "Could not send message: ". The server's reply is lost.
    // Source: horde/Smtp, lib/Horde/Smtp/Exception.php (case 550).
    "the address was not found, is unknown, or is not receiving messages",
    // Outlook.com's (Hotmail's) refusal of a sending network, quoted without its reply code
    // and its "(S3150)": "Please contact your Internet service provider since part of their
    // network is on our block list. You can also refer your provider to
    // http://mail.live.com/mail/troubleshooting.aspx#errors." Its own sentence, found in no
    // other provider's wording. Source: held-out pastes and the knowledge file (S3140/S3150),
    // https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
    "part of their network is on our block list",
    // Exchange's visible NDR when the next server refused and its reply is left out of the
    // paste: "Your message wasn't delivered because the recipient's email provider rejected
    // it." then "The following organization rejected your message: mx.example.org." (Exchange
    // 2013 and later; Exchange Online writes the same; `organization_host` reads the host).
    // Source: https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
    "email provider rejected it",
    // Microsoft 365's refusal of a banned sending IP, quoted without its code (5.7.606 to
    // 5.7.649) in someone's own sentence: "(Access denied, banned sending IP [192.0.2.1]. )".
    // Microsoft's own words; the provider table reads the party and the IP from them.
    // Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
    // (5.7.606-649 "Access denied, banned sending IP [IP1.IP2.IP3.IP4]"); held-out ab 06.
    "access denied, banned sending ip",
    // Gmail's own refusal of a recipient address that breaks RFC 5321's syntax (a Japanese
    // carrier's "name.@docomo.ne.jp", a dot before "@" or two dots in a row), shown under
    // "Delivery to the following recipient failed permanently: ... Technical details of
    // permanent failure: Internal parse error: Illegal envelope To: address (not valid RFC5321
    // syntax)", often with the address left out. RFC 5321 4.1.2 (Dot-string); held-out ab 27.
    "illegal envelope to: address",
    // Delay notices (`PROSE_DELAYED`).
    // Postfix's refusal of a recipient by an access rule whose text asks for a later try (a
    // DEFER or 4xx action, RFC 5321 4.2.1: "try again later"), quoted without its code:
    // "Recipient address rejected: Please try again later!". Postfix writes "Recipient address
    // rejected:" before an access table's text. Source: https://www.postfix.org/access.5.html
    "recipient address rejected: please try again later",
    "gmail will retry for",
    "technical details of temporary failure",
    "delivery to the following recipients has been delayed",
    "delivery is delayed to these recipients or groups",
    "へのメールの配信中に一時的な問題が発生しました",
];

/// qmail-send's log line of a failed or deferred delivery: "... qmail-send: 1415684671.058143
/// delivery 877035: failure: 192.0.2.9_does_not_like_recipient./Remote_host_said:_554_5.7.1_.../"
/// qmail-send logs the report of qmail-remote with each space written as "_" and each line break
/// as "/" (qmail-1.03 qmail-send.c, the delivery report it logs).
const QMAIL_LOGGED: &[&str] = &[": failure: ", ": deferral: "];

/// The text with each qmail-send log report (after "failure: " or "deferral: ") written back
/// as the lines qmail-remote reported.
fn qmail_log_reports(head: &str) -> String {
    let mut out = String::with_capacity(head.len() + 16);
    for line in head.lines() {
        let at = QMAIL_LOGGED
            .iter()
            .find_map(|m| text::find(line, m).map(|p| p + m.len()));
        match at.and_then(|p| Some((line.get(..p)?, line.get(p..)?))) {
            Some((lead, report))
                if text::contains(lead, "delivery ")
                    && report.contains('_')
                    && !report.trim_end().contains(' ') =>
            {
                out.push_str(lead);
                out.push('\n');
                out.push_str(&report.replace('_', " ").replace('/', "\n"));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// `PROSE_ONLY` notices that report a delay, not a failure: Gmail's "There was a temporary
/// problem while delivering your message to user@example.org. Gmail will retry for 47 more
/// hours. You'll be notified if the delivery fails permanently." and its older "Delivery to the
/// following recipient has been delayed ... Technical details of temporary failure: ..."
/// (Sisimai's Gmail reader quotes the latter).
/// Windows' and Exchange's delay notice (the DSN of the Windows SMTP service and Exchange
/// 2003): "This is an automatically generated Delivery Status Notification. THIS IS A WARNING
/// MESSAGE ONLY. ... Delivery to the following recipients has been delayed."; Exchange
/// Online's and Outlook's "Delivery is delayed to these recipients or groups: ... The server
/// will keep trying to deliver this message" (also in `fact.rs`'s `STILL_RETRYING`). Pasted
/// with the address hidden, they name no recipient.
const PROSE_DELAYED: &[&str] = &[
    "recipient address rejected: please try again later",
    "gmail will retry for",
    "technical details of temporary failure",
    "delivery to the following recipients has been delayed",
    "delivery is delayed to these recipients or groups",
    // Gmail's delay notice in Japanese: "user@example.org へのメールの配信中に一時的な問題が
    // 発生しました。Gmail は 19 時間再試行し、..." ("There was a temporary problem while
    // delivering your message to ... Gmail will retry for 19 more hours"), also shown above a
    // reply code (held-out cases).
    "へのメールの配信中に一時的な問題が発生しました",
];

/// The host on Exchange's line "The following organization rejected your message:
/// mx.example.org." (its visible NDR names the server that refused there), lowercase.
fn organization_host(lines: &[&str]) -> String {
    lines
        .iter()
        .filter(|l| text::starts_with_ci(l.trim_start(), "the following organization"))
        .find_map(|l| {
            let (_, h) = l.split_once("your message:")?;
            let h = h.split_whitespace().next()?.trim_end_matches('.');
            (h.contains('.') && !h.contains('@')).then(|| h.to_ascii_lowercase())
        })
        .unwrap_or_default()
}

/// The best-known refusals of mail servers, worded without a code, lowercase, that a person
/// types from memory ("my mail bounced back saying Relay access denied"): read only in a short
/// text (`TYPED_TEXT`), where nothing else could be meant. Postfix's "Relay access denied"
/// (reject_unauth_destination), "User unknown" (its local and virtual tables: "User unknown in
/// local recipient table", "... in virtual mailbox table"), and the full-mailbox wordings of
/// Postfix's local delivery and of Dovecot ("Mailbox full", "mailbox is full", "Quota
/// exceeded (mailbox for user is full)").
/// Sources: Postfix smtpd_check.c and local(8); Dovecot's quota plugin (quota_exceeded_message).
const TYPED_PHRASES: &[&str] = &[
    "relay access denied",
    "user unknown",
    "mailbox full",
    "mailbox is full",
];

/// The longest text read for `TYPED_PHRASES`: a sentence or two.
const TYPED_TEXT: usize = 300;

/// The words of a `PROSE_ONLY` sentence after which the failed address stands, lowercase.
const PROSE_RECIPIENT: &str = "delivering your message to ";

/// A notice of `PROSE_ONLY`: one delivery, with no recipient, whose words are its paragraph;
/// else, in a text of a sentence or two, a phrase of `TYPED_PHRASES`, whose words run from
/// the phrase to the end of its line.
fn prose_only(lines: &[&str]) -> Vec<Delivery> {
    for (i, line) in lines.iter().enumerate() {
        let lc = text::lower(line);
        if !PROSE_ONLY.iter().any(|p| text::contains(&lc, p)) {
            continue;
        }
        // Exchange's sentence is only a heading when the server's words follow ("mx.example.org
        // gave this error: ..."): those are the failure, read from the whole text.
        if text::contains(&lc, "email provider rejected it")
            && lines
                .iter()
                .any(|l| text::find_ci(l, " gave this error").is_some())
        {
            continue;
        }
        // The line and the rest of its paragraph (the notice's advice, a few lines at most).
        let end = lines
            .iter()
            .skip(i)
            .take(4)
            .position(|l| l.trim().is_empty())
            .map_or((i + 4).min(lines.len()), |n| i + n);
        // A notice line that ends in a colon introduces the list below it ("以下の受信者に
        // メールを配信できません :" then, after a blank line, the address and "無効な受信者"):
        // its next paragraph is what happened to the recipient.
        let mut end = end;
        let heading = lines
            .get(end.saturating_sub(1))
            .is_some_and(|l| l.trim_end().ends_with([':', '：']));
        if heading {
            if let Some(next) = lines.iter().skip(end).position(|l| !l.trim().is_empty()) {
                let start = end + next;
                end = lines
                    .iter()
                    .skip(start)
                    .take(4)
                    .position(|l| l.trim().is_empty())
                    .map_or((start + 4).min(lines.len()), |n| start + n);
            }
        }
        let words = join_trimmed(lines.get(i..end).unwrap_or_default());
        let delayed = PROSE_DELAYED.iter().any(|p| text::contains(&lc, p));
        // A notice whose sentence names the recipient right after its words ("There was an
        // issue delivering your message to a@example.org. This is an 5.1.2 Error.", held-out
        // y 34; Gmail's "... while delivering your message to a@example.org. Gmail will
        // retry ..."): that address is the one that failed.
        let recipient = text::find(&lc, PROSE_RECIPIENT)
            .and_then(|p| line.get(p + PROSE_RECIPIENT.len()..))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(crate::address::find)
            .unwrap_or_default();
        return vec![Delivery {
            recipient,
            rhost: organization_host(lines),
            diagnosis: text::sweep(&words),
            action: if delayed {
                "delayed".into()
            } else {
                String::new()
            },
            ..Delivery::default()
        }];
    }
    if let Some(d) = said_without_code(lines) {
        return vec![d];
    }
    if let Some(words) = o365_diagram_caption(lines) {
        return vec![Delivery {
            diagnosis: words.to_string(),
            reason: Some(crate::Reason::UserUnknown),
            ..Delivery::default()
        }];
    }
    let short = lines.iter().map(|l| l.len() + 1).sum::<usize>() <= TYPED_TEXT;
    if short {
        let typed = lines.iter().find_map(|line| {
            TYPED_PHRASES
                .iter()
                .find_map(|p| text::find_ci(line, p))
                .and_then(|at| line.get(at..))
        });
        if let Some(words) = typed {
            return vec![Delivery {
                diagnosis: text::sweep(words.trim_end_matches(['.', '"', '\'', ' '])),
                ..Delivery::default()
            }];
        }
    }
    Vec::new()
}

/// Postfix's words after a remote server's reply, "(in reply to RCPT TO command)" (its
/// bounce template: "host ... said: 550 ... (in reply to RCPT TO command)").
const IN_REPLY_TO: &str = "(in reply to ";

/// A remote server's reply as Postfix quotes it, with its reply code left out: "Unknown user
/// user@example.jp (in reply to RCPT TO command)", as a Japanese quiz or FAQ quotes a carrier's
/// refusal inside 「」 (set r 47, with two spaces before "command" as pasted). The words before
/// "(in reply to" are the reply when a wording table knows them and they name the recipient;
/// the step comes from the words after. The first such line only.
fn said_without_code(lines: &[&str]) -> Option<Delivery> {
    lines.iter().find_map(|line| {
        let at = text::find(line, IN_REPLY_TO)?;
        let after = line.get(at..)?;
        let close = after.find(')')?;
        let tail = after.get(..=close)?;
        text::find_ci(tail, "command")?;
        // The reply's words: from the start of the line, or after an opening quote or a
        // "said:"; at most a sentence's length.
        let head = line.get(..at)?;
        let start = ["「", "\"", "'", "said:", "said :"]
            .iter()
            .filter_map(|m| head.rfind(m).map(|p| p + m.len()))
            .max()
            .unwrap_or(0);
        let words = head.get(start..)?.trim();
        if words.is_empty() || words.len() > 300 || !crate::reason::is_worded(words) {
            return None;
        }
        let recipient = address::find(words)?;
        let said = format!("{words} {}", text::sweep(tail));
        Some(Delivery {
            recipient,
            command: command::find(&said),
            diagnosis: said,
            ..Delivery::default()
        })
    })
}

/// Microsoft 365's NDR diagram, copied as text (a table: "Office 365 | Constituent", "Action
/// Required | | Recipient", then the caption under the failed hop): its caption for a recipient
/// the receiving side does not know is "Unknown To address" (5.1.1, 5.1.10). Read only with the
/// diagram's "Action Required" in the same text, so that the caption's words alone in a
/// sentence do not count. Source: https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online
/// (the NDR's "Action Required" diagram) and .../fix-error-code-550-5-1-1-through-5-1-20-in-exchange-online.
const O365_DIAGRAM: &str = "action required";
const O365_UNKNOWN_TO: &str = "unknown to address";

/// The caption "Unknown To address" of a pasted Microsoft 365 diagram (`O365_DIAGRAM`).
fn o365_diagram_caption<'a>(lines: &[&'a str]) -> Option<&'a str> {
    let diagram = lines
        .iter()
        .any(|l| text::find_ci(l, O365_DIAGRAM).is_some());
    if !diagram {
        return None;
    }
    lines.iter().find_map(|l| {
        let at = text::find_ci(l, O365_UNKNOWN_TO)?;
        l.get(at..at + O365_UNKNOWN_TO.len())
    })
}

/// The queue id of a Postfix log line: "Nov 10 08:27:52 mail postfix/smtp[13789]: A0F7BE2AA5:
/// host ...". Source: Postfix's logging (every line about a queued message starts with its
/// queue id after the program's name).
fn queue_id(line: &str) -> Option<&str> {
    // A second Postfix instance logs under its own `syslog_name` ("postfix-out/smtp[...]",
    // "server1-1/smtp[...]"): its delivery agents' names mark the line then.
    // Source: https://www.postfix.org/MULTI_INSTANCE_README.html (syslog_name).
    let p = text::find(line, "postfix/")
        .or_else(|| POSTFIX_AGENTS.iter().find_map(|a| text::find(line, a)))?;
    let rest = line.get(p..)?;
    let q = rest.find("]: ")?;
    let rest = rest.get(q + 3..)?;
    let id = rest.split(':').next()?;
    (id.len() >= 5 && rest.len() > id.len() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(id)
}

/// Postfix's delivery agents as a log line names them after the instance's name.
const POSTFIX_AGENTS: &[&str] = &[
    "/smtp[",
    "/lmtp[",
    "/local[",
    "/virtual[",
    "/pipe[",
    "/error[",
];

/// Postfix's log lines about a recipient: (queue id, the "to=<...>" address, the action its
/// "status=" says: "delayed" for deferred, "failed" for bounced, else empty).
fn log_deliveries<'a>(lines: &[&'a str]) -> Vec<(&'a str, String, &'static str)> {
    let mut out = Vec::new();
    for &line in lines {
        let Some(id) = queue_id(line) else { continue };
        let Some(p) = text::find(line, " to=<") else {
            continue;
        };
        let Some(a) = line.get(p + 4..).and_then(address::find) else {
            continue;
        };
        let action = if text::contains(line, " status=deferred") {
            "delayed"
        } else if text::contains(line, " status=bounced") {
            "failed"
        } else {
            ""
        };
        out.push((id, a, action));
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// Whether `diag` is a remote server's reply as Postfix quotes it ("host ... said:") that
/// announced more lines ("550-") and has not reached its "(in reply to ... command)" end.
fn open_said_reply(diag: &str, code: &str) -> bool {
    code.len() == 3
        && text::all_digits(code)
        && text::find(diag, " said: ").is_some()
        && text::find(diag, "(in reply to ").is_none()
        && text::find(diag, &format!("{code}-")).is_some()
}

/// qmail-remote's words before a reply to RCPT TO ("192.0.2.9 does not like recipient.").
/// Source: qmail-1.03 `qmail-remote.c` (the qmail reader's `COMMANDS`).
const QMAIL_AT_RCPT: &str = " does not like recipient.";

/// qmail-remote's words before a reply to the end of the message data ("192.0.2.9 failed
/// after I sent the message."). Source: qmail-1.03 `qmail-remote.c` (the qmail reader's
/// `COMMANDS`).
const QMAIL_AFTER_DATA: &str = " failed after I sent the message.";

/// Words just before an address that make it someone else's than the failed recipient's,
/// lowercase: the sender ("Sender address [taro@example.jp] blocked", Postfix's log line
/// "from=<taro@example.jp>", a transcript's "MAIL FROM: taro@example.jp") or a contact the
/// reply offers ("... or to contact postmaster@example.net to clarify"). Reviewer cases,
/// general wording.
const NOT_THE_RECIPIENT: &[&str] = &[
    "from=",
    "from:",
    "from",
    "sender address",
    "sender",
    // ZMailer's "For MAIL FROM address <a@example.com> policy analysis reported: ..." names
    // the envelope sender it refused (held-out aa 27).
    "from address",
    "contact",
    "contact:",
    "write to",
    "email to",
    "e-mail to",
    // Where a refusal asks for a delisting request to go: "To request removal from this list
    // please forward this message to delist@messaging.microsoft.com" (Microsoft's FBLW15
    // refusal in a Haraka log, set r 15). That address is Microsoft's, never the recipient.
    "forward this message to",
    "forward the message to",
    "forward it to",
    // AT&T's refusals: "For assistance forward this error to abuse_rbl@abuse-att.net" (older:
    // "forward this email to"); the address is AT&T's block-list desk.
    "forward this error to",
    "forward this email to",
    "send this message to",
    // Russian "sender" (nominative, genitive, dative: "уведомление ... отправителю
    // a@example.net", the notice went to the sender; held-out y 23), like "sender" above.
    "отправитель",
    "отправителя",
    "отправителю",
];

/// The recipient of a sending service's log line whose address was masked before it was
/// pasted ("sender@example.com → **omitted** ..."): the word after the arrow that follows the
/// sender's address, as written (it is still a recipient of its own).
fn masked_after_arrow(s: &str) -> Option<String> {
    let (before, after) = s.split_once(" → ").or_else(|| s.split_once(" -> "))?;
    let word = after.split_whitespace().next()?;
    (before.split_whitespace().next_back()?.contains('@')
        && !word.starts_with(['\'', '"'])
        && word.len() <= 64)
        .then(|| word.to_string())
}

/// The first address in `s` that is not the sender's or a contact's (`NOT_THE_RECIPIENT`).
fn recipient_in(s: &str) -> Option<String> {
    if !s.contains('@') {
        return None;
    }
    for (looked, w) in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.contains('@'))
        .enumerate()
    {
        if looked >= 8 {
            break;
        }
        let Some(a) = address::find(w) else { continue };
        // Where the word starts in `s` (a subslice of it) and where the address starts in it.
        let at = (w.as_ptr() as usize).saturating_sub(s.as_ptr() as usize);
        // "sender@example.com → user@example.org" (a sending service's log, Mailgun's): the
        // address before the arrow is the sender's.
        let next = s.get(at + w.len()..).unwrap_or("").trim_start();
        if next.starts_with('→') || next.starts_with("->") {
            continue;
        }
        let inner = w.find(a.as_str()).unwrap_or(0);
        let mut from = at.saturating_sub(32);
        while !s.is_char_boundary(from) {
            from -= 1;
        }
        let before = format!(
            "{}{}",
            s.get(from..at).unwrap_or(""),
            w.get(..inner).unwrap_or("")
        )
        .to_ascii_lowercase();
        let before = before.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '<' | '[' | '(' | '"' | '\'' | '`')
        });
        if !NOT_THE_RECIPIENT.iter().any(|m| {
            before.ends_with(m)
                && before
                    .get(..before.len() - m.len())
                    .is_none_or(|b| !b.ends_with(|c: char| c.is_ascii_alphanumeric()))
        }) {
            return Some(a);
        }
    }
    None
}

/// Words a reply line cannot end with unless it goes on on the next line ("... blocked using",
/// "... Greylisted,").
const UNFINISHED: &[&str] = &[
    "using", "by", "from", "to", "for", "of", "at", "in", "the", "and", "see", "with", "via",
];

/// True when `diag` stops in mid-sentence: at a comma, at a colon (a reply that has named
/// only the address or the check so far: "550 5.7.1 <a@example.org>:" over "Recipient
/// address rejected: ...", "Client host rejected:" over its cause), or after a word of
/// `UNFINISHED`.
pub(crate) fn unfinished(diag: &str) -> bool {
    let t = diag.trim_end();
    if t.ends_with([',', ':']) {
        return true;
    }
    let last = t.rsplit(' ').next().unwrap_or("");
    UNFINISHED.iter().any(|w| last.eq_ignore_ascii_case(w))
}

/// True when a sentence plainly runs on from `diag` into `next`: `diag` stops on a word, with
/// no closing punctuation, and `next` starts with a small letter ("... weren't sent. Please" /
/// "contact your Internet service provider ..."; "... not allowed. Use a" / "mailgateway or
/// ..."). A new header, field or recipient line starts otherwise.
pub(crate) fn runs_on(diag: &str, next: &str) -> bool {
    diag.trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && next
            .trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase())
}

/// Words a reply names an address after ("for your MAIL FROM address <a@example.com> policy
/// analysis reported", ZMailer's smtpserver), lowercase.
const ADDRESS_NOUNS: &[&str] = &["address", "sender", "recipient", "user", "mailbox"];

/// True when a sentence runs on from `diag` into `next` through the address it names: `diag`
/// stops on a word that announces one (`ADDRESS_NOUNS`, or one of `UNFINISHED`: "from", "to",
/// "for"), and `next` starts with an address that lower-case words follow ("... for your MAIL
/// FROM address" / "<a@example.com> policy analysis reported: ...", a quoted ZMailer refusal,
/// held-out aa 27). A recipient's own line goes on otherwise: with ":", "...", " - " or nothing
/// (Postfix, Sendmail, MDaemon, Exim).
fn address_runs_on(diag: &str, next: &str) -> bool {
    let t = next.trim_start();
    let Some((first, rest)) = t.split_once(' ') else {
        return false;
    };
    let last = diag.trim_end().rsplit(' ').next().unwrap_or("");
    (ADDRESS_NOUNS
        .iter()
        .chain(UNFINISHED)
        .any(|w| last.eq_ignore_ascii_case(w)))
        && ((first.starts_with('<') && first.ends_with('>')) || !first.contains(['<', '>']))
        && address::find(first)
            .is_some_and(|a| first.trim_matches(['<', '>']).eq_ignore_ascii_case(&a))
        && rest.starts_with(|c: char| c.is_ascii_lowercase())
}

/// True when a list's name after "using" is cut by the wrap: "... blocked using Trend" /
/// "Micro RBL+. Please see ..." (a forum paste of a Postfix bounce, its indentation lost). The
/// name so far has no dot (a zone such as "zen.spamhaus.org" is whole) and no closing mark,
/// and `next` goes on with a capitalised word that is no field ("Reporting-MTA: ...").
fn name_cut(diag: &str, next: &str) -> bool {
    let mut words = diag.trim_end().rsplit(' ');
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    let first = next.split_whitespace().next().unwrap_or_default();
    before.eq_ignore_ascii_case("using")
        && !last.is_empty()
        && last.chars().all(char::is_alphanumeric)
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && !first.ends_with(':')
}

/// How many recipients the last-resort reader reads at most.
const MAX_RECIPIENTS: usize = 10_000;

/// Labels of lines that name the sender, whose addresses are not recipients.
const SENDER_LABELS: &[&str] = &[
    "From:",
    "Sender:",
    "Reply-To:",
    "Return-Path:",
    "差出人:",
    "送信者:",
];

/// Labels of lines that name the server that wrote the bounce (Exchange and Microsoft 365, in
/// several languages), without their colon: `labelled_host` takes ":" and "：".
const HOST_LABELS_LOCAL: &[&str] = &[
    "Generating server",
    "生成サーバー",
    "Reporting-MTA",
    "DSN generated by",
    "Sending server",
    "送信サーバー",
];

/// Labels of lines that name the server that refused: Exchange's "Receiving server", Microsoft
/// 365's "Remote server" and "Message rejected by".
const HOST_LABELS_REMOTE: &[&str] = &[
    "Receiving server",
    "受信サーバー",
    "Remote-MTA",
    "Remote server",
    "リモート サーバー",
    "Message rejected by",
    "メッセージの拒否元",
];

/// Exim's line naming the server it talked to: "host mx.example.jp [192.0.2.1]" alone on its
/// line (translations keep it), as host name and address.
fn exim_host(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("host ")?;
    let (name, ip) = match rest.split_once(' ') {
        Some((n, ip)) => (n, ip.trim()),
        None => (rest, ""),
    };
    let ip = ip.strip_prefix('[').and_then(|v| v.strip_suffix(']'))?;
    let valid = name.contains('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        && ip.parse::<std::net::IpAddr>().is_ok();
    valid.then(|| (name.to_ascii_lowercase(), ip.to_string()))
}

/// The host name after one of `labels` and a colon ("Generating server: mx.example.jp").
fn labelled_host(line: &str, labels: &[&str]) -> Option<String> {
    let line = text::halfwidth(line);
    let t = line.trim_start();
    let label = labels.iter().find(|l| t.starts_with(*l))?;
    let rest = t[label.len()..].trim_start();
    let rest = rest.strip_prefix(':')?.trim();
    let rest = rest.split_once(';').map_or(rest, |(_, v)| v.trim());
    let host = rest
        .split_whitespace()
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (host.contains('.') && !host.contains('@')).then_some(host)
}

/// A reply's attribution line names who wrote the quoted text, never a recipient of the bounce
/// quoted under it: "Ann <ann@example.org> writes:", "On DATE, Ann <ann@example.org> wrote:"
/// (held-out y 16), "ann@example.org said:" (held-out z 04). Postfix's "<user@example.jp>: host
/// mx.example.jp[192.0.2.1] said:" is no attribution: the word before its "said:" is the host,
/// and a colon follows its address.
fn attribution(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with(" writes:") || t.ends_with(" wrote:") {
        return true;
    }
    t.strip_suffix(" said:")
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| w.contains('@') && !w.ends_with(':'))
}

/// A line that names a recipient on its own: "<user@example.jp>:", "  user@example.jp",
/// "user@example.jp: ...", "To: user@example.jp".
fn address_line(line: &str) -> Option<String> {
    let half = text::halfwidth(line);
    let t = half.trim();
    if t.is_empty() || !t.contains('@') {
        return None;
    }
    for lead in RECIPIENT_LABELS {
        if text::starts_with_ci(t, lead) {
            return t.get(lead.len()..).and_then(address::find);
        }
    }
    if let Some(a) = display_named(t) {
        return Some(a);
    }
    let first = t.split_whitespace().next()?;
    let first = first.trim_end_matches(':');
    let a = address::find(first)?;
    // MDaemon: "user@example.com - no such user here."
    let dashed = t.get(first.len()..).is_some_and(|r| r.starts_with(" - "));
    (t.starts_with('<')
        || line.starts_with(' ')
        || t.len() < first.len() + 2
        || t.contains(": ")
        || dashed)
        .then_some(a)
}

/// A line with only a display name and its address, as Exchange and mail programs list the
/// recipients: "Taro Yamada (taro@example.jp)", "山田 太郎 <taro@example.jp>".
fn display_named(t: &str) -> Option<String> {
    // The address as its own display name: "\"u@example.com\" <u@example.com>".
    if let Some((name, tail)) = t.strip_prefix('"').and_then(|r| r.split_once('"')) {
        let tail = tail.trim();
        if tail.starts_with('<') && tail.ends_with('>') && tail.len() <= 120 {
            let a = address::find(tail)?;
            return (address::find(name).as_deref() == Some(a.as_str())).then_some(a);
        }
    }
    // The same in parentheses, as Microsoft 365's visible notice lists a recipient that has no
    // display name: "u@example.com (u@example.com)" (held-out case, round o, a German notice).
    if let Some((name, tail)) = t.split_once(" (") {
        if tail.ends_with(')') && t.len() <= 120 && !name.contains(char::is_whitespace) {
            let a = address::find(tail);
            if a.is_some() && address::find(name) == a {
                return a;
            }
        }
    }
    if !(t.ends_with(')') || t.ends_with('>')) || t.len() > 120 || t.matches('@').count() != 1 {
        return None;
    }
    let open = t.rfind(['(', '<'])?;
    let name = t[..open].trim();
    let plain = !name.is_empty()
        && !name.contains(['@', ':', '\u{ff1a}', '.', '。', '(', ')', '<', '>'])
        && name.split_whitespace().count() <= 5;
    if !plain {
        return None;
    }
    address::find(&t[open..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first recipient's action and full error, as the whole diagnosis gives them.
    fn first(input: &str) -> (String, String) {
        let d = crate::diagnose(input.as_bytes());
        d.recipients
            .first()
            .map(|r| (r.action.clone(), r.diagnostic_text.clone()))
            .unwrap_or_default()
    }

    #[test]
    fn a_reply_in_a_json_string_ends_with_the_string() {
        let line = r#"  "message": "550 5.1.1 no \"such\" user", "code": 550"#;
        let start = line.find("550").unwrap();
        assert_eq!(
            json_string_end(line, start).map(|e| &line[start..e]),
            Some(r#"550 5.1.1 no \"such\" user"#)
        );
        // Not after a key, or not closed on the line.
        for line in [
            r#"said: "550 5.1.1 no user""#,
            r#""message": "550 5.1.1 no user"#,
        ] {
            let start = line.find("550").unwrap();
            assert_eq!(json_string_end(line, start), None, "{line}");
        }
    }

    #[test]
    fn a_qmail_logged_deferral_is_delayed_and_its_failure_failed() {
        let line = "Oct 16 20:00:59 mx qmail: 1224154859.165779 delivery 9123: deferral: \
                    Connected_to_192.0.2.112_but_greeting_failed./Remote_host_said:_421_\
                    Service_not_available,_closing_transmission_channel/\n";
        assert_eq!(first(line).0, "delayed");
        let failure = line.replace(": deferral: ", ": failure: ");
        assert_ne!(first(&failure).0, "delayed");
    }

    #[test]
    fn a_logged_deferral_is_delayed_even_without_a_queue_id() {
        // A refusal by a block, which alone would stay a failure to act on.
        let line = "mx postfix/smtp: to=<ken@example.org>, relay=mx.example.org[192.0.2.7]:25, \
                    status=deferred (host mx.example.org[192.0.2.7] said: 450 4.7.1 \
                    <ken@example.org>: Recipient address rejected: sender blocked (in reply \
                    to RCPT TO command))\n";
        assert_eq!(first(line).0, "delayed");
        let bounced = line.replace("status=deferred", "status=bounced");
        let bounced = bounced.replace("said: 450 4.7.1", "said: 550 5.7.1");
        assert_eq!(first(&bounced).0, "failed");
    }

    #[test]
    fn a_reply_led_by_its_enhanced_code_on_every_line_is_joined() {
        let dialog = "5.7.0 This message was blocked because its content presents a potential\n\
            5.7.0 security issue. Please visit\n\
            5.7.0  https://support.google.com/mail/answer/6590 to review our message\n\
            5.7.0 content and attachment content guidelines. x1sm1.42 - gsmtp.\n";
        let text = first(dialog).1;
        assert!(text.ends_with("potential security issue. Please visit https://support.google.com/mail/answer/6590 to review our message content and attachment content guidelines. x1sm1.42 - gsmtp."), "{text}");
        assert_eq!(text.matches("5.7.0").count(), 1, "{text}");
    }

    #[test]
    fn a_wrapped_postfix_quoted_reply_is_kept_whole() {
        let wrapped = "<ken@example.org>: host\n\
            mx.example.org[192.0.2.7] said: 550-5.7.1 Your\n\
            server is not allowed to send to us because it has no 550-5.7.1\n\
            reverse name. Ask your provider for one. 550\n\
            5.7.1 Bye. (in reply to end of DATA command)\n";
        let (action, text) = first(wrapped);
        assert_eq!(action, "failed");
        assert!(
            text.contains("550 5.7.1 Your server is not allowed"),
            "{text}"
        );
        assert!(
            text.ends_with("Bye. (in reply to end of DATA command)"),
            "{text}"
        );
        // The same, quoted in a reply with "> ": one reply, not one per code.
        let quoted: String = wrapped.lines().map(|l| format!("> {l}\n")).collect();
        let d = crate::diagnose(quoted.as_bytes());
        assert_eq!(d.recipients.len(), 1);
        let text = &d.recipients[0].diagnostic_text;
        assert!(text.contains("Ask your provider for one."), "{text}");
        assert!(!text.contains("for one. >"), "{text}");
        // A reply that announced no more lines ends where it ends.
        let single = "<ken@example.org>: host mx.example.org[192.0.2.7] said: 550 5.1.1\n\
            No such user here\n\nThanks, Ken\n";
        assert!(!first(single).1.contains("Thanks"));
    }

    /// An attribution line names the person quoted, never a recipient; Postfix's "<address>:
    /// host ... said:" still names its recipient (the colon after the address).
    #[test]
    fn an_attribution_line_names_no_recipient() {
        for (line, want) in [
            ("ann@example.org said:", true),
            ("Ann <ann@example.org> said:", true),
            ("On Mon, 1 Jan 2001, Ann <ann@example.org> wrote:", true),
            ("Ann <ann@example.org> writes:", true),
            (
                "<ken@example.net>: host mx.example.net[192.0.2.7] said:",
                false,
            ),
            (
                "ken@example.net: host mx.example.net[192.0.2.7] said:",
                false,
            ),
            ("<ken@example.net>: said:", false),
        ] {
            assert_eq!(attribution(line), want, "{line}");
        }
        let recipient = |input: &str| {
            let d = crate::diagnose(input.as_bytes());
            d.recipients.first().map(|r| r.recipient.clone())
        };
        let quoted = "ann@example.org said:\n> Why?\n\n> ---------- Forwarded message ----------\n\
            >    ->> 550 mail from 192.0.2.7 rejected: administrative prohibition (host is blacklisted)\n";
        assert_ne!(recipient(quoted).as_deref(), Some("ann@example.org"));
        let postfix = "<ken@example.net>: host mx.example.net[192.0.2.7] said:\n    550 5.7.1 \
            Client host rejected: blocked using dnsbl.example.org\n";
        assert_eq!(recipient(postfix).as_deref(), Some("ken@example.net"));
    }

    #[test]
    fn finds_recipient_lines() {
        for (line, want) in [
            ("<a@example.jp>:", Some("a@example.jp")),
            ("  a@example.jp", Some("a@example.jp")),
            ("宛先：a@example.jp", Some("a@example.jp")),
            ("Taro Yamada (a@example.jp)", Some("a@example.jp")),
            ("山田 太郎 <a@example.jp>", Some("a@example.jp")),
            ("Please write to us. (a@example.jp)", None),
            ("Contact a@example.jp for help", None),
        ] {
            assert_eq!(address_line(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn finds_reply_lines() {
        assert_eq!(reply_start("550 5.1.1 unknown"), Some(0));
        assert_eq!(
            reply_start("host x[192.0.2.1] said: 550 5.7.606 Access denied"),
            Some(24)
        );
        assert_eq!(reply_start("We have 500 MB free"), None);
        assert_eq!(reply_start("Date: 2014 550"), None);
        assert_eq!(reply_start("Sent: 10:55:02"), None);
        assert_eq!(reply_start("応答:550 5.1.1 unknown"), Some(7));
        // A reply quoted in corner brackets, and RFC 3464's Diagnostic-Code form, need no
        // enhanced code to be read; other words before a code still do.
        let quoted = "エラーメッセージ「550 no such user here」";
        assert_eq!(reply_start(quoted), quoted.find("550"));
        assert_eq!(
            reply_start("Diagnostic-Code: smtp; 550 bad helo name"),
            Some(23)
        );
        assert_eq!(reply_start("we have; 550 boxes left"), None);
        assert_eq!(reply_start("箱「550」"), None);
    }

    #[test]
    fn a_reply_in_markdown_emphasis_or_after_sendmails_reject_is_read() {
        let italic = "search for _501 Connection rejected by policy [7.7]_ there";
        assert_eq!(reply_start(italic), italic.find("501"));
        let bold = "it said **550 no such user here** again";
        assert_eq!(reply_start(bold), bold.find("550"));
        // An emphasis that is never closed, or a "_" inside a word, opens nothing.
        assert_eq!(reply_start("see _550 boxes left in stock"), None);
        assert_eq!(reply_start("file my_550 boxes left_ here"), None);
        let logged = "relay=mail.example.net [198.51.100.25], reject=553 Domain of sender address \
                      a@nowhere.example does not exist";
        assert_eq!(reply_start(logged), logged.find("553"));
        assert_eq!(reply_start("reject_count=550 boxes"), None);
    }

    #[test]
    fn googles_listed_form_is_a_reply_and_no_python_tuple() {
        let row = "421, \"4.7.0\", TLS required for RCPT domain, closing connection.";
        assert_eq!(reply_start(row), Some(0));
        assert_eq!(reply_start("421, \"none\", of these"), None);
        let d = crate::diagnose(row.as_bytes());
        assert_eq!(d.reason, crate::Reason::FailedStartTls);
        assert_eq!(d.enhanced_code.as_deref(), Some("4.7.0"));
        assert!(
            d.notes.iter().all(|n| n.detail != "python"),
            "{:?}",
            d.notes
        );
        // A Python tuple with a third member, quoted, still is one.
        let py = "smtplib.SMTPSenderRefused: (553, b'5.7.1 Sender address rejected: not owned by user', 'a@example.org')";
        let d = crate::diagnose(py.as_bytes());
        assert_eq!(d.smtp_code.as_deref(), Some("553"));
        assert_eq!(d.reason, crate::Reason::Rejected);
    }

    #[test]
    fn exchange_visible_ndr_without_its_diagnostics() {
        let t = "Delivery has failed to these recipients or groups:\n\n\
                 a@example.org\n\n\
                 Your message wasn't delivered because the recipient's email provider rejected it.\n\n\
                 The following organization rejected your message: example-org.mail.protection.outlook.com.\n";
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, crate::Reason::OnHold);
        assert_eq!(
            d.recipients.first().map(|r| r.remote_host.clone()),
            Some(Some("example-org.mail.protection.outlook.com".into()))
        );
        // With the server's words below it, those are the failure, not the heading.
        let t =
            "Your message wasn't delivered because the recipient's email provider rejected it.\n\n\
                 mx.example.org gave this error:\n\
                 Your email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.\n";
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, crate::Reason::AuthFailure);
        assert!(d
            .recipients
            .iter()
            .all(|r| r.reason != crate::Reason::OnHold));
    }

    /// Reason, first recipient's action and reply code of a pasted text.
    fn outcome(t: &str) -> (crate::Reason, String, Option<String>) {
        let d = crate::diagnose(t.as_bytes());
        let action = d
            .recipients
            .first()
            .map(|r| r.action.clone())
            .unwrap_or_default();
        (d.reason, action, d.smtp_code)
    }

    #[test]
    fn replies_cut_at_a_colon_and_relay_separators_are_read() {
        use crate::Reason::*;
        // An Exchange notice that wraps the remote reply after the address's colon: the
        // refusal's words are on the next line.
        let t = "Delivery has failed to these recipients or groups:\n\n\
                 Diagnostic information for administrators:\n\
                 mx.example.net #550 5.7.1 <nobody@example.net>:\n\
                 Recipient address rejected: Invalid recipient ##\n";
        assert_eq!(outcome(t).0, UserUnknown);
        // A quoted Postfix reply whose client check is named on one line and its text on the
        // next.
        let t = "> 550 5.7.1\n> relay.example.org[192.0.2.44]>: Client host rejected:\n\
                 > Listed : abuse source (in reply to RCPT TO command)\n";
        assert_eq!(outcome(t).0, Blocked);
        // 1&1's separator ends the reason: the returned header below it ("multiple ...
        // header") is not read as the reply.
        let t = "This message was created automatically by mail delivery software.\n\n\
                 A message that you sent could not be delivered to one or more of its\n\
                 recipients. This is a permanent error. The following address(es) failed:\n\n\
                 <someone@example.com>\nReason:\nmultiple delivery attempts failed\n\
                 --- The header of the original message is following. ---\n\
                 Received: from [x] by relay.example.net with multiple header lines\n";
        assert_ne!(outcome(t).0, NotCompliantRfc);
        // Exim refusing a message too big to be taken at all, pasted without its empty
        // lines: the returned copy's To: is the recipient.
        let t = "A message that you sent was longer than the maximum size allowed on this\n\
                 system. It was not delivered to any recipients.\n\
                 ------ This is a copy of your message, including all the headers.\n\
                 ------ No more than 100K characters of the body are included.\n\
                 From: daemon@host.example.org\nTo: admin@example.org\nSubject: report\n\
                 big output\n";
        let d = crate::diagnose(t.as_bytes());
        assert_eq!(d.reason, MesgTooBig);
        assert_eq!(
            d.recipients.first().map(|r| r.recipient.as_str()),
            Some("admin@example.org")
        );
    }

    #[test]
    fn pasted_delay_notices_and_client_errors_are_read() {
        use crate::Reason::*;
        // Delay notices with the address hidden: delayed, not failed, and not "no bounce".
        let (r, a, _) = outcome(
            "This is an automatically generated Delivery Status Notification.\n\n\
             THIS IS A WARNING MESSAGE ONLY.\n\nYOU DO NOT NEED TO RESEND YOUR MESSAGE.\n\n\
             Delivery to the following recipients has been delayed.\n\n       <the address>\n",
        );
        assert_eq!((r, a.as_str()), (Expired, "delayed"));
        let (r, a, _) = outcome(
            "Delivery is delayed to these recipients or groups:\n\n(address removed)\n\n\
             The message hasn't been delivered yet. Delivery will continue to be attempted.\n",
        );
        assert_eq!((r, a.as_str()), (Expired, "delayed"));
        // A server's name before its reply, with or without "#".
        for t in [
            "mx9.ess.example.com #550 permanent failure for one or more recipients (blocked) ##\n",
            "mx9.ess.example.com 550 permanent failure for one or more recipients (blocked)\n",
        ] {
            assert_eq!(outcome(t).2.as_deref(), Some("550"), "{t}");
        }
        // Prose with a number in it is no reply.
        assert_eq!(reply_start("the v1.2.3 550 release"), None);
        // A client that names the reply it expected and the one it got.
        assert_eq!(
            outcome("Error: Expected smtp code 250, got 552\n")
                .2
                .as_deref(),
            Some("552")
        );
        // A Postfix log line without the syslog host field, the address hidden.
        let (r, a, _) = outcome(
            "Apr 13 18:49:19 postfix/local[54]: 39FF3448C1: to=<ann@xxxxxxxx>, relay=local, \
             delay=0.99, dsn=5.1.1, status=bounced (unknown user: \"ann\")\n",
        );
        assert_eq!((r, a.as_str()), (UserUnknown, "failed"));
        // A pasted temporary reply that says nothing of giving up is a delay, whatever words
        // it has; one that refuses the sender's own address is not.
        let (r, a, c) = outcome(
            "host mx.example.net[192.0.2.1] said: 421\n    Connection went away (in reply to \
             MAIL FROM command)\n",
        );
        assert_eq!(
            (r, a.as_str(), c.as_deref()),
            (NetworkError, "delayed", Some("421"))
        );
        let (r, a, _) = outcome(
            "pending_error: Some(\"transient: 4.1.2 <ann@example.org>: Recipient address \
             rejected: Domain not found\")\n",
        );
        assert_eq!((r, a.as_str()), (HostUnknown, "delayed"));
        let (_, a, _) =
            outcome("450 4.1.8 <ann@example.org>: Sender address rejected: Domain not found\n");
        assert_eq!(a, "failed");
        // The same reply in a notice of failure was the server's last try.
        let (_, a, _) = outcome(
            "I'm sorry to have to inform you that your message could not be delivered.\n\n\
             <bob@example.net>: host mx.example.net[192.0.2.1] said: 421 Connection went away\n",
        );
        assert_eq!(a, "failed");
    }

    #[test]
    fn a_diagnostic_code_line_alone_is_read() {
        let d = crate::diagnose(
            b"Status: 5.0.0\nRemote-MTA: dns; mx.example.org\nDiagnostic-Code: smtp; 550 invalid helo given\n",
        );
        assert_eq!(d.smtp_code.as_deref(), Some("550"), "{d:?}");
        assert_eq!(d.recipients.len(), 1, "{d:?}");
        let d = crate::diagnose("エラーメッセージ「550 no such user here (#5.1.1)」\n".as_bytes());
        assert_eq!(d.reason, crate::Reason::UserUnknown, "{d:?}");
    }

    /// Recipients and explanations `without_codes` reads from a text.
    fn read_without_codes(t: &str) -> Vec<(String, String)> {
        let lines: Vec<&str> = t.lines().collect();
        without_codes(&lines)
            .into_iter()
            .map(|d| (d.recipient, d.diagnosis))
            .collect()
    }

    #[test]
    fn reads_the_reason_above_a_heading_of_failed_addresses() {
        // Every address of the list gets the reason above its heading.
        let got = read_without_codes(
            "送信先のメールボックスの容量を超えているため、送信できませんでした。\n\n\
             ＜以下のメールアドレスに送信できませんでした＞\na@example.jp\nb@example.jp\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "b@example.jp");
        assert!(
            got[1].1.starts_with("送信先のメールボックスの容量"),
            "{got:?}"
        );
        // A paragraph above the list that explains itself is taken alone, for later addresses
        // of the list too.
        let got = read_without_codes(
            "以下の宛先へのメールは、受信を拒否されたため配信できませんでした。\n\na@example.jp\nb@example.jp",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].1.starts_with("以下の宛先へのメールは"), "{got:?}");
        // A heading with no reason anywhere, or words above that are not a heading: nothing.
        assert!(read_without_codes("お知らせ\n\n--- 以下の宛先 ---\na@example.jp").is_empty());
        assert!(
            read_without_codes("アドレスが見つかりません。\n\n会議の出席者\na@example.jp")
                .is_empty()
        );
    }

    #[test]
    fn reads_addresses_under_a_heading_that_says_delivery_failed() {
        let got = read_without_codes(
            "Delivery to the following recipients failed.\n\n   a@example.com\n   b@example.com\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1, "Delivery to the following recipients failed.");
        let got = read_without_codes("Did not reach the following recipient: a@example.com");
        assert_eq!(got.len(), 1, "{got:?}");
        // Netscape repeats the heading above each address; it is said once.
        let got = read_without_codes(
            "The following recipients did not receive your message:\n\n     <a@example.com>\n\
             The following recipients did not receive your message:\n\n     <b@example.com>\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1,
            "The following recipients did not receive your message:"
        );
        // Words that say why, a colon, the address: read; a contact line: not.
        let got = read_without_codes("User's mailbox is full: <a@example.com>");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(read_without_codes("Questions? Write to: <help@example.com>").is_empty());
        // A notice of success, or a heading that does not say anything failed: nothing.
        assert!(read_without_codes(
            "Delivery to the following recipients succeeded.\n\n   a@example.com"
        )
        .is_empty());
        assert!(
            read_without_codes("Sent to the following recipients:\n\na@example.com").is_empty()
        );
    }

    /// The reason and note ids of a pasted text, or "not a bounce".
    fn read(text: &str) -> String {
        let d = crate::diagnose(text.as_bytes());
        let notes: Vec<&str> = d.notes.iter().map(|n| n.id.as_str()).collect();
        // The summary is "smtp enhanced reason party ip": the reason first here.
        let summary = d.summary();
        let w: Vec<&str> = summary.split(' ').collect();
        format!(
            "{} {} {} {}",
            w.get(2).unwrap_or(&"-"),
            w.first().unwrap_or(&"-"),
            w.get(1).unwrap_or(&"-"),
            notes.join(",")
        )
    }

    #[test]
    fn reads_replies_glued_to_cjk_text() {
        let zh = "[error][2024-05-01 10:00:00] 邮件投递失败550 Mail content denied by policy. https://mail.example.com/help\n";
        assert!(read(zh).starts_with("spamdetected 550"), "{}", read(zh));
        let ja = "確認すると、REASONが、550 Invalid recipientになっていました。\n";
        assert!(read(ja).starts_with("userunknown 550"), "{}", read(ja));
        // A number run into Japanese text with no English words after it is no reply.
        let count = "今月は550件のメールを送りました。\n";
        assert!(read(count).contains("not_a_bounce"), "{}", read(count));
    }

    #[test]
    fn reads_enhanced_codes_without_reply_codes() {
        let lettre = "SMTP failed to send: Permanent(Response { code: Code { severity: PermanentNegativeCompletion, category: MailSystem, detail: Four }, message: [\"5.7.1 Message rejected under suspicion of SPAM; https://help.example.net/spam\"] })\n";
        assert!(
            read(lettre).starts_with("spamdetected - 5.7.1"),
            "{}",
            read(lettre)
        );
        let milter =
            "milter-reject for END-OF-MESSAGE. 5.7.1 rejected by DMARC policy for example.net\n";
        assert!(
            read(milter).starts_with("authfailure - 5.7.1"),
            "{}",
            read(milter)
        );
        // A Postfix log line of a milter's refusal: the receiving side's own log.
        let log = "Feb 28 10:59:29 mx postfix/cleanup[4641]: 7F2DF64430: milter-reject: END-OF-MESSAGE from mail.example.org[192.0.2.7]: 4.7.1 Try again later; from=<ann@example.org> to=<bob@example.com> proto=ESMTP helo=<mail.example.org>\n";
        assert!(read(log).contains("inbound_refusal_log"), "{}", read(log));
        // Version numbers in plain text are no reply.
        for plain in [
            "We upgraded to 5.7.1 last week and the release notes look fine.\n",
            "Version: 4.2.0 released, see the changelog\n",
        ] {
            assert!(read(plain).contains("not_a_bounce"), "{}", read(plain));
        }
    }

    #[test]
    fn reads_program_and_log_forms() {
        let tuple = "(553, b'Relaying disallowed as ann@example.com')\nTraceback (most recent call last):\n  File \"send.py\", line 4, in <module>\n";
        assert!(read(tuple).starts_with("norelaying 553"), "{}", read(tuple));
        let zoho = "bob@example.net Invalid Address, ERROR_CODE :550, ERROR_CODE :The email you sent has an invalid DKIM signature\n";
        assert!(read(zoho).starts_with("authfailure 550"), "{}", read(zoho));
        let quoted = "> bob@example.net, ERROR_CODE :550, ERROR_CODE :The email you sent\n> has an invalid DKIM signature, please check your DNS\n";
        assert!(
            read(quoted).starts_with("authfailure 550"),
            "{}",
            read(quoted)
        );
        let opensmtpd = "relay: PermFail for 6430369adcce4408: session=7818378a988ca63b, from=<ann@example.com>, to=<bob@example.net>, rcpt=<->, source=192.0.2.1, relay=192.0.2.2 (mx.example.net), delay=0s, stat=550 Invalid recipient\n";
        assert!(
            read(opensmtpd).starts_with("userunknown 550"),
            "{}",
            read(opensmtpd)
        );
        // A tuple that is no reply ("(550, 20)") and a "stat=" that is no code stay unread.
        for plain in ["sizes = (550, 20)\n", "stat=Sent (Ok: queued as 4A1B2C)\n"] {
            assert!(read(plain).contains("not_a_bounce"), "{}", read(plain));
        }
    }

    #[test]
    fn the_recipient_is_not_the_sender_the_prose_or_the_queue_names() {
        let first = |input: &str| {
            crate::diagnose(input.as_bytes())
                .recipients
                .first()
                .map(|r| r.recipient.clone())
                .unwrap_or_default()
        };
        // Postfix's mailq: the queue line's address is the sender, the indented one under the
        // reason the recipient.
        let mailq = "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\nA1B2C3D4E5     1234 Mon Jan  1 00:00:00  ann@example.org\n(host mx.example.net[192.0.2.1] said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command))\n                                         bob@example.net\n\n-- 1 Kbytes in 1 Request.\n";
        assert_eq!(first(mailq), "bob@example.net");
        // Prose that names the sender after the reply, in a code span and in Russian.
        let prose = "Для `bob@example.net` сервер отклонил письмо: `554 5.7.1 Message rejected due to local policy`. Уведомление пришло отправителю `ann@example.org`.\n";
        assert_eq!(first(prose), "bob@example.net");
        // A reply's attribution line names the quoted text's author, not a recipient.
        let quoted = "Ann <ann@example.org> writes:\n\nSMTP error from remote server for TEXT command, host: mx.example.net (192.0.2.7) reason: 550 5.7.1 Content-Policy reject msg: Wrong MIME labeling on 8-bit character texts.\n";
        assert_eq!(first(quoted), "");
    }

    #[test]
    fn codeless_notices_and_a_notice_forwarded_inside_a_message_are_read() {
        let reason = |input: &str| {
            let d = crate::diagnose(input.as_bytes());
            (d.reason.name(), d.blocked_ip.unwrap_or_default())
        };
        let comcast = "\t// mx.example.net 192.0.2.50 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001\n";
        assert_eq!(reason(comcast), ("blocked", "192.0.2.50".to_string()));
        let notice = "MESSAGE NOT DELIVERED\n\nThere was an issue delivering your message to bob@example.net. This\nis an 5.1.2 Error.\n\nThis error typically means: The domain name of the email address is not valid\n";
        assert_eq!(reason(notice).0, "hostunknown");
        // Its sentence names the failed address (held-out y 34).
        let d = crate::diagnose(notice.as_bytes());
        assert_eq!(d.recipients[0].recipient, "bob@example.net");
        // The same notice forwarded by Gmail inside a list message whose header names no bounce.
        let list = format!("From: Ann <ann@example.org>\nTo: list@example.com\nSubject: email issues?\n\nGetting a lot of these.\n\n---------- Forwarded message ---------\nFrom: Postmaster <postmaster@example.net>\nDate: Sat, Apr 8, 2023 at 3:53 AM\nSubject: Undeliverable: Re: a patch\nTo: <ann@example.org>\n\n\n{notice}");
        assert_eq!(reason(&list).0, "hostunknown");
        // A list message that forwards an ordinary message is no bounce.
        let plain = "From: Ann <ann@example.org>\nTo: list@example.com\nSubject: see below\n\n---------- Forwarded message ---------\nFrom: Bob <bob@example.net>\nSubject: lunch\n\nThere was an issue delivering your message to the team, he said.\n";
        assert_eq!(crate::diagnose(plain.as_bytes()).recipients.len(), 0);
    }

    #[test]
    fn a_delivery_log_line_is_no_bounce_and_says_it_was_sent() {
        let note = |input: &str| {
            crate::diagnose(input.as_bytes())
                .notes
                .into_iter()
                .find(|n| n.id == "not_a_bounce")
                .map(|n| n.detail)
        };
        let sent = "- relay=mx.example.jp[192.0.2.112]:25, delay=0.4, dsn=2.0.0, status=sent (250 Requested mail action okay, completed)\n";
        assert_eq!(note(sent).as_deref(), Some("sent"));
        let chat = "What does status=sent mean in my log?\n";
        assert_eq!(note(chat).as_deref(), Some(""));
    }

    #[test]
    fn reads_a_bounce_forwarded_below_the_original_message_line() {
        let fwd = "-----Original Message-----\nSubject: Returned mail: see transcript for details\n\n----- The following addresses had permanent fatal errors -----\nbob@example.net\n(reason: 550-5.7.1 Our system has detected that this message is likely unsolicited mail)\n";
        assert!(
            read(fwd).starts_with("spamdetected 550 5.7.1"),
            "{}",
            read(fwd)
        );
        // A reply to an ordinary message keeps its quoted text unread.
        let reply = "Thanks!\n\n-----Original Message-----\nFrom: Ann <ann@example.com>\nSubject: Lunch\n\nAre you free at 12?\n550 Main Street is the place.\n";
        assert!(read(reply).contains("not_a_bounce"), "{}", read(reply));
    }

    #[test]
    fn reads_microsofts_full_mailbox_notice_in_german_and_spanish() {
        // The recipient listed with the address as its own name, then the localized sentence.
        let de = "kim@example.de (kim@example.de)\nDas Postfach des Empfängers ist voll und kann derzeit nichts annehmen.\n";
        let d = crate::diagnose(de.as_bytes());
        assert_eq!(d.reason, crate::Reason::MailboxFull, "{:?}", d.notes);
        assert_eq!(
            d.recipients.first().map(|r| r.recipient.as_str()),
            Some("kim@example.de")
        );
        let text = d.recipients.first().map(|r| r.diagnostic_text.as_str());
        assert!(
            text.is_some_and(|t| t.starts_with("Das Postfach")),
            "{text:?}"
        );
        let es = "ana@example.es\nEl buzón del destinatario está lleno; inténtelo más tarde.\n";
        assert!(read(es).starts_with("mailboxfull"), "{}", read(es));
        // A name and a different address in parentheses is not the address as its own name.
        assert_eq!(display_named("kim@example.de (ana@example.es)"), None);
    }

    #[test]
    fn reads_a_sending_quota_refusal_without_a_code() {
        let bare = "Recipient address rejected: Email Sending Quota Exceeded\n";
        assert!(read(bare).starts_with("speeding"), "{}", read(bare));
        let coded = "550 5.4.5 <bo@example.org>: Recipient address rejected: Domain Sending Quota Exceeded\n";
        assert!(read(coded).starts_with("speeding"), "{}", read(coded));
    }

    #[test]
    fn reads_microsofts_banned_ip_and_gmails_illegal_envelope_to_without_codes() {
        // Microsoft 365's words, quoted without 5.7.606 inside someone's own sentence.
        let ms = "Our domain mail.example.com is known as not trusted from Microsoft 365 (Access denied, banned sending IP [192.0.2.61]. ) Mail server IP is 192.0.2.61.\nHow can we resolve this problem?\n";
        let d = crate::diagnose(ms.as_bytes());
        assert_eq!(d.reason, crate::Reason::Blocked, "{:?}", d.recipients);
        assert_eq!(d.blocking_party, Some(crate::Party::Microsoft));
        assert_eq!(d.blocked_ip.as_deref(), Some("192.0.2.61"));
        // Gmail's own refusal of a recipient address whose syntax breaks RFC 5321.
        let gmail = "Delivery to the following recipient failed permanently:\n\nTechnical details of permanent failure:\nInternal parse error: Illegal envelope To: address (not valid RFC5321 syntax)\n";
        assert!(read(gmail).starts_with("userunknown"), "{}", read(gmail));
        // Talk about a banned IP in other words is no notice.
        let chat = "Our sending IP was banned by someone, access denied everywhere.\n";
        assert!(read(chat).contains("not_a_bounce"), "{}", read(chat));
    }

    #[test]
    fn reads_notices_without_codes() {
        let groups = "We're writing to let you know that the group you tried to contact (board) may not exist, or you may not have permission to post messages to the group. A few more details on why you weren't able to post:\n";
        assert!(read(groups).starts_with("rejected"), "{}", read(groups));
        let delay = "There was a temporary problem while delivering your message to bob@example.net. Gmail will retry for 47 more hours. You'll be notified if the delivery fails permanently.\n";
        assert!(read(delay).starts_with("expired"), "{}", read(delay));
        let old = "Technical details of temporary failure:\nThe recipient server did not accept our requests to connect.\n[(10) mx.example.net. [192.0.2.25]:25: Connection timed out]\n";
        let got = read(old);
        assert!(
            got.starts_with("expired") || got.starts_with("networkerror"),
            "{got}"
        );
        let ja = "このメールは、受信者全員または一部に届きませんでした。\n以下の受信者にメールを配信できません\n無効な受信者\n";
        assert!(read(ja).starts_with("userunknown"), "{}", read(ja));
        // Plain text that talks about these things is no notice.
        let chat = "Gmail will retry sending later, I think; the group may be closed.\n";
        assert!(read(chat).contains("not_a_bounce"), "{}", read(chat));
    }

    #[test]
    fn reads_logged_quoted_and_japanese_notices() {
        // qmail-send's log line: spaces written "_", line breaks "/".
        let log = "Mar 3 09:10:11 mx qmail-send: 1700000000.000001 delivery 42: failure: 192.0.2.8_does_not_like_recipient./Remote_host_said:_554_5.7.1_Service_unavailable;_Client_host_[192.0.2.9]_blocked_using_dnsbl.example.net/Giving_up_on_192.0.2.8./\n";
        assert!(read(log).starts_with("blocked 554 5.7.1"), "{}", read(log));
        // The same log words with real spaces are no qmail log report to rewrite.
        let spaced = "delivery 42: failure: see the notes_file for details\n";
        assert!(!read(spaced).starts_with("blocked"), "{}", read(spaced));
        // A Postfix block quoted behind "> ", its reply wrapped over the quote marks.
        let quoted = "> mx.example.net[192.0.2.10] said: 421-4.7.0\n> We have seen an unusual rate of\n> 421-4.7.0 unsolicited mail from your IP address, which is\n> 421 4.7.0 now blocked using dnsbl.example.org (in reply to end of DATA command)\n";
        let got = read(quoted);
        assert!(got.starts_with("blocked 421 4.7.0"), "{got}");
        // Postfix's own size sentence, without a code.
        let size = "message size 4000000 exceeds size limit 2000000 of server mx.example.org[192.0.2.11]\n";
        assert!(read(size).starts_with("mesgtoobig"), "{}", read(size));
        // Outlook's Japanese notice: the heading, a blank line, then the recipient's state.
        let outlook = "以下の受信者にメールを配信できません :\n\n'taro@example.com' 2024/01/02 3:04\n無効な受信者\n";
        assert!(
            read(outlook).starts_with("userunknown"),
            "{}",
            read(outlook)
        );
        // Gmail's Japanese delay notice without a reply.
        let delay = "hanako@example.com へのメールの配信中に一時的な問題が発生しました。Gmail は 30 時間再試行します。\n";
        assert!(read(delay).starts_with("expired"), "{}", read(delay));
    }

    #[test]
    fn reads_exim_acl_refusals_as_the_receiving_side() {
        let log = "2023-11-06 01:17:28 H=mail.example.org [192.0.2.7] X=TLS1.3 CV=no F=<ann@example.org> temporarily rejected RCPT <bob@example.net>: lowest numbered MX record points to local host\n";
        let got = read(log);
        assert!(got.starts_with("systemerror"), "{got}");
        assert!(got.contains("inbound_refusal_log"), "{got}");
        let bare = "H=mail.example.org (helo.example.org) [192.0.2.7] F=<ann@example.org> rejected RCPT <bob@example.net>\n";
        assert!(read(bare).contains("inbound_refusal_log"), "{}", read(bare));
        // A sentence that says a recipient was rejected is no log line.
        let chat = "Our server rejected RCPT <bob@example.net> yesterday, why?\n";
        assert!(read(chat).contains("not_a_bounce"), "{}", read(chat));
    }

    #[test]
    fn sending_service_account_states_and_wordings() {
        for (text, want) in [
            ("550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.\n", "rejected"),
            ("554 Message rejected: Sending paused for this account.\n", "rejected"),
            ("450 No valid MX for your FROM address\n", "rejected"),
            ("552 message line is too long\n", "notcompliantrfc"),
            ("554 5.2.0 sc969: IP reputation ratelimit in effect\n", "badreputation"),
            ("521 5.2.1 :  AOL will not accept delivery of this message.\n", "spamdetected"),
            ("552 Too many received headers - possible mail loop\n", "networkerror"),
            ("(550, b'The mail may contain inappropriate words or content.')\n", "contenterror"),
        ] {
            assert!(read(text).starts_with(want), "{text}: {}", read(text));
        }
    }
}
