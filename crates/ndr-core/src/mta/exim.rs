//! Exim bounces: "Mail delivery failed: returning message to sender".
//!
//! ```text
//! This message was created automatically by mail delivery software.
//!
//! A message that you sent could not be delivered to one or more of its
//! recipients. This is a permanent error. The following address(es) failed:
//!
//!   kijitora@example.jp
//!     SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
//!     host neko.example.jp [192.0.2.222]: 550 5.1.1 <kijitora@example.jp>... User Unknown
//! ```
//! Source: Exim `src/deliver.c` (the texts above) and the messages of its routers and
//! transports quoted below.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::dsn::{self, Name};
use crate::smtp::{command, reply, status};
use crate::Reason::{self, *};
use crate::{address, reason, text};

/// Subjects Exim writes.
const SUBJECTS: &[&str] = &[
    "Delivery Status Notification",
    "Mail delivery failed",
    "Mail failure",
    "Message frozen",
    "Warning: message ",
    "error(s) in forwarding or filtering",
];

/// Where the returned message starts (deliver.c), or MXLogic's variant.
const BOUNDARIES: &[&str] = &[
    "------ This is a copy of the message, including all the headers. ------",
    "------ This is a copy of the message's headers. ------",
    // Mail.Ru's wording (flufl.bounce's test data, simple_39).
    "------ This is a copy of your message, including all the headers.",
    "Content-Type: message/rfc822",
    // 1&1/IONOS's and GMX's Exim write their own line before the returned header (the
    // boundary `einsundeins` and `gmx` read); a notice relayed without their From: and
    // Subject: (a list's copy) comes here. Without it the returned header's indented lines
    // would count as the notice's, and a paste that lost the notice's indents would not be
    // read as one (held-out w 26: the reply's unindented continuation line was dropped).
    "--- The header of the original message is following. ---",
    "Included is a copy of the message header:\n-----------------------------------------",
];

/// First lines of Exim's bounce texts (deliver.c).
const STARTS: &[&str] = &[
    "This message was created automatically by mail delivery software.",
    "A message that you sent was rejected by the local scannning code",
    "A message that you sent contained one or more recipient addresses ",
    "A message that you sent could not be delivered to all of its recipients",
    LOCAL_SCAN,
    TOO_BIG,
    " has been frozen",
    " was frozen on arrival",
    " router encountered the following error(s):",
];

/// A rejection by local_scan() or an ACL at the time the message was received (deliver.c,
/// ERRMESS_LOCAL_SCAN): "A message that you sent was rejected by the local scanning code that
/// checks incoming messages on this system." It names no recipient of its own; Mail.Ru puts
/// the address in the error ("Local mailbox user@example.ru is unavailable: user not found",
/// seen in flufl.bounce's test data, simple_39). Sisimai's list has the words misspelt
/// ("scannning"), kept above for agreement.
/// Source: https://github.com/Exim/exim/blob/master/src/src/moan.c
const LOCAL_SCAN: &str = "A message that you sent was rejected by the local scanning code";

/// A message refused when it was handed to Exim, for its size (moan.c, ERRMESS_TOOBIG): "A
/// message that you sent was longer than the maximum size allowed on this system. It was not
/// delivered to any recipients." (message_size_limit; a cron job's or a script's output that
/// the sender's own server would not take). Like `LOCAL_SCAN` it names no recipient; the
/// returned message's To: is whom it was for.
/// Source: https://github.com/Exim/exim/blob/master/src/src/moan.c
const TOO_BIG: &str = "A message that you sent was longer than the maximum size allowed";

const FROZEN: &[&str] = &[" has been frozen", " was frozen on arrival"];

/// Exim's own messages and what they mean.
const MESSAGES: &[(Reason, &[&str])] = &[
    // route.c: getpwnam() returned NULL (user not found)
    (UserUnknown, &["user not found"]),
    // moan.c, ERRMESS_TOOBIG (see `TOO_BIG`)
    (MesgTooBig, &[TOO_BIG]),
    // transports/smtp.c, routers/dnslookup.c, route.c
    (
        HostUnknown,
        &[
            "all host address lookups failed permanently",
            "all relevant MX records point to non-existent hosts",
            "Unrouteable address",
        ],
    ),
    // transports/appendfile.c: "mailbox is full (quota exceeded while writing to file %s)"
    (MailboxFull, &["mailbox is full", "error: quota exceed"]),
    // routers/dnslookup.c, transports/smtp.c
    (
        NotAccept,
        &[
            "an MX or SRV record indicated no SMTP service",
            "no host found for existing SMTP connection",
        ],
    ),
    // parser.c
    (
        SyntaxError,
        &[
            "angle-brackets nested too deep",
            "expected word or \"<\"",
            "domain missing in source-routed address",
            "malformed address:",
        ],
    ),
    // deliver.c, transports/pipe.c
    (
        SystemError,
        &[
            "delivery to file forbidden",
            "delivery to pipe forbidden",
            "local delivery failed",
            "LMTP error after ",
        ],
    ),
    // deliver.c: Too many "Received" headers - suspected mail loop
    // Sisimai's Exim reader calls this `contenterror`, yet its own wording tables call a loop a
    // network error ("hop count exceeded - possible mail loop", "mail forwarding loop for"),
    // and so does the status a loop comes with (4.4.6, "Routing loop detected"): a forwarding
    // rule or an MX pointing back, not the message's content. `NetworkError` also leaves a
    // status code in the report free to decide. No mail of the corpus has this text.
    (NetworkError, &["Too many \"Received\" headers"]),
];

/// Messages of a delivery that is still being retried (retry.c, deliver.c, smtp.c).
const DELAYED: &[&str] = &[
    "retry timeout exceeded",
    "No action is required on your part",
    "retry time not reached for any host after a long failure period",
    "all hosts have been failing for a long time and were last tried",
    "Delay reason: ",
    "has been frozen",
    "was frozen on arrival by ",
];

pub(crate) fn inquire(mail: &Mail) -> Option<Rising> {
    let message_id = mail.header("message-id");
    let mut votes = 0;
    if mail.from().contains("Mail Delivery System") {
        votes += 1;
    }
    if text::contains_any(mail.subject(), SUBJECTS) {
        votes += 1;
    }
    // Message-Id: <E1P1YNN-0003AD-Ga@example.org>
    let b = message_id.as_bytes();
    if b.first() == Some(&b'<') && b.get(8) == Some(&b'-') && b.get(18) == Some(&b'@') {
        votes += 1;
    }
    // Exim clones: McAfee SaaS (formerly MXLogic).
    let third_party = mail.has_header("x-mx-bounce")
        || mail.has_header("x-mxl-hash")
        || mail.has_header("x-mxl-notehash")
        || message_id.contains("<mxl~");
    if votes < 2 && !third_party && !mail.pasted_with(&STARTS[..6]) {
        return None;
    }
    // "----- This is a copy ..." with five hyphens exists too.
    // (A copy only when there is one to rewrite: most bodies have none.)
    let body: std::borrow::Cow<'_, str> = if mail.body.contains("\n----- This ") {
        mail.body.replace("\n----- This ", "\n------ This ").into()
    } else {
        mail.body.as_str().into()
    };
    let (head, original) = split_original(&body, BOUNDARIES);
    let has_boundary = mail
        .header("content-type")
        .to_ascii_lowercase()
        .contains("boundary=");

    let mut deliveries: Vec<Delivery> = vec![Delivery::default()];
    let mut another: Vec<String> = vec![String::new()];
    let mut recipients = 0usize;
    // The last address line was a file or a pipe ("  save to /path", "  pipe to |command"),
    // whose "generated by" line names the recipient.
    let mut to_file_or_pipe = false;
    let mut reading = false;
    let mut in_status = false;
    let mut local_scan = false;
    let mut too_big = false;
    let mut scan_text = String::new();
    // A paste that lost every indent (a web page's copy, pastebin): the address lines and the
    // lines under them stand at the left edge, where this reader tells them apart by their
    // indent ("  kijitora@example.jp" / "    retry time not reached ..."). Until the report's
    // fields begin, such a line is given back the indent its kind has (`reindent`).
    let mut flat = !head
        .lines()
        .any(|l| l.starts_with(' ') || l.starts_with('\t'));
    let mut flat_line = String::new();
    let mut after_blank = false;
    let mut own_words = false;

    for line in head.lines() {
        let line = if flat && reading {
            if dsn::field(line).is_some() || line.starts_with("--") {
                flat = false;
                line
            } else {
                flat_line.clear();
                reindent(line, recipients, &mut flat_line);
                flat_line.as_str()
            }
        } else {
            line
        };
        if !reading {
            if !STARTS.iter().any(|s| text::contains(line, s)) {
                continue;
            }
            reading = true;
            local_scan = text::contains(line, LOCAL_SCAN);
            too_big = text::contains(line, TOO_BIG);
            if too_big {
                scan_text.push_str(line.trim());
            }
            if !text::contains_any(line, FROZEN) {
                continue;
            }
        }
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        // Exim indents every line of a recipient's failure under its address: a line at the
        // left edge after an empty line, and the lines at the left edge after it, are no part
        // of it (Exim's own closing paragraph, a paste's own words after the notice, a phone's
        // signature "Sent from my iPhone"). The report's fields a paste ran in below it
        // ("Status: 5.0.0") still give their codes.
        if line.starts_with(' ') || dsn::field(line).is_some() {
            own_words = false;
        } else if after_blank {
            own_words = true;
        }
        after_blank = false;
        if local_scan || too_big {
            scan_text.push(' ');
            scan_text.push_str(line.trim());
        }
        if line.starts_with("  ") && !line.starts_with("   ") {
            to_file_or_pipe = line.starts_with("  save to ") || line.starts_with("  pipe to ");
        }
        let third = line.get(2..3);
        let looks_address = line.starts_with("  ")
            && line.find('@').is_some_and(|p| p >= 2)
            && line.find('.').is_some_and(|p| p >= 2)
            && !text::contains(line, "pipe to |")
            && third != Some(" ")
            && (third_party || third != Some("<"));
        let undisclosed = text::contains(line, " an undisclosed address");
        // A web page's stand-in for the address it hid ("[email protected]", Cloudflare's
        // e-mail obfuscation), or a person's ("[REDACTED]", "xxx@xxx"), on a line of its own:
        // the place of a recipient. A paste often loses the indent of the first one.
        let hidden = (line.starts_with("  ") || recipients == 0)
            && !line.trim().is_empty()
            && address::is_redacted(line.trim());
        if looks_address || undisclosed || hidden {
            let v = deliveries.last_mut().expect("never empty");
            let cv;
            if undisclosed {
                cv = line.get(2..).unwrap_or("").to_string();
            } else if hidden {
                cv = line.trim().to_string();
            } else if let Some(a) = text::between(line, "<", ">:").and_then(address::find) {
                //   mikeneko@example.jp <nekochan@example.org>: ...
                v.diagnosis = text::sweep(line.split_once(">:").map_or("", |(_, d)| d));
                cv = a;
            } else {
                //   kijitora@example.jp
                //   sabineko@example.jp: forced freeze
                let end = line.rfind(": ").unwrap_or(line.len());
                cv = line.get(2..end).and_then(address::find).unwrap_or_default();
                if !address::is_email(&cv) {
                    continue;
                }
            }
            let v = deliveries.last_mut().expect("never empty");
            if !v.recipient.is_empty() && cv != v.recipient {
                deliveries.push(Delivery::default());
                another.push(String::new());
            }
            deliveries.last_mut().expect("pushed").recipient = cv;
            recipients += 1;
        } else if text::contains(line, " (generated from ")
            || text::contains(line, "(ultimately generated from ")
            || text::contains(line, " generated by ")
        {
            //     (generated from kijitora@example.jp)
            //     (ultimately generated from kijitora@example.jp): the address the sender
            //     wrote, more than one step up (`original.rs`); no words of the failure.
            let found = line
                .split(' ')
                .find(|w| w.find('@').is_some_and(|p| p > 0))
                .and_then(address::find);
            // A delivery to a file, a pipe or an autoreply that a filter or an alias made of
            // the recipient's address: Exim prints it as "save to /path", "pipe to |command"
            // or "mail to ..." and then "generated by user@example.jp" (deliver.c,
            // print_address_information: "%s to %s ... generated by %s", the parent address).
            // The parent is the address the sender wrote, hence the recipient, also when it
            // was hidden before pasting ("generated by xxxx").
            let v = deliveries.last_mut().expect("never empty");
            let generated =
                text::contains(line, " generated by ") && v.recipient.is_empty() && to_file_or_pipe;
            let parent = line
                .split_once(" generated by ")
                .map(|(_, p)| p.trim())
                .filter(|p| !p.is_empty());
            if generated {
                let a = found.clone().or_else(|| {
                    parent
                        .filter(|p| address::is_redacted(p))
                        .map(str::to_string)
                });
                if let Some(a) = a {
                    v.recipient = a;
                    recipients += 1;
                    continue;
                }
            }
            if let Some(a) = found {
                v.alias = a;
            }
        } else if text::contains_any(line, FROZEN) {
            let last = another.len() - 1;
            another[last] = format!("{line} ");
        } else if has_boundary {
            if let Some(f) = dsn::field(line) {
                let v = deliveries.last_mut().expect("never empty");
                match f.name {
                    Name::FinalRecipient => {
                        if v.spec.is_empty() {
                            v.spec = if f.value.contains('@') {
                                "SMTP"
                            } else {
                                "X-UNIX"
                            }
                            .into();
                        }
                    }
                    Name::OriginalRecipient | Name::XActualRecipient => {}
                    Name::DiagnosticCode => {
                        v.spec = f.kind;
                        v.diagnosis = f.value;
                    }
                    _ => v.set_field(f.name, &f.value),
                }
            } else if !in_status {
                if line.starts_with("Content-Type: message/delivery-status") {
                    in_status = true;
                }
                if line.starts_with(' ') {
                    let last = another.len() - 1;
                    another[last].push_str(line);
                    another[last].push(' ');
                }
            }
        } else if (deliveries.len() == recipients || line.starts_with("  ")) && !own_words {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push(' ');
            v.diagnosis.push_str(line);
        }
    }

    if recipients > 0 {
        for e in &mut deliveries {
            if !e.alias.is_empty() && !e.recipient.contains('@') {
                e.recipient = e.alias.clone();
            }
        }
    } else {
        // X-Failed-Recipients: kijitora@example.jp
        let failed = mail.header("x-failed-recipients");
        for a in failed.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            if recipients > 0 {
                deliveries.push(Delivery::default());
                another.push(String::new());
            }
            deliveries.last_mut().expect("never empty").recipient = a.to_string();
            recipients += 1;
        }
    }
    // A local_scan rejection: the address its error names, else the returned message's To:.
    if recipients == 0 && local_scan {
        let to = super::first_header(original, "to");
        if let Some(a) = address::find(&scan_text).or_else(|| address::find(&to)) {
            let v = deliveries.last_mut().expect("never empty");
            v.recipient = a;
            v.diagnosis = scan_text;
            recipients = 1;
        }
    } else if recipients == 0 && too_big {
        // A message too big to be taken at all: the recipient of the returned copy, whose
        // header Exim puts below its line "------ No more than 100K characters of the body
        // are included." and an empty line.
        let copy = match original.strip_prefix("------ No more than ") {
            Some(rest) => rest
                .split_once('\n')
                .map_or("", |(_, r)| r)
                .trim_start_matches(['\r', '\n']),
            None => original,
        };
        let to = super::first_header(copy, "to");
        if let Some(a) = address::find(&to) {
            let v = deliveries.last_mut().expect("never empty");
            v.recipient = a;
            v.diagnosis = scan_text;
            recipients = 1;
        }
    }
    if recipients == 0 {
        return None;
    }

    let first_diag = deliveries[0].diagnosis.clone();
    let first_spec = deliveries[0].spec.clone();
    for (j, e) in deliveries.iter_mut().enumerate() {
        if e.diagnosis.is_empty() && has_boundary {
            e.diagnosis = first_diag.clone();
            if e.spec.is_empty() {
                e.spec = first_spec.clone();
            }
            if !another[0].is_empty() && j > 0 {
                another[j] = another[0].clone();
            }
        }
        let alt = another.get(j).cloned().unwrap_or_default();
        if !alt.is_empty() {
            if e.diagnosis.is_empty() || e.diagnosis.starts_with('-') || e.diagnosis.ends_with("__")
            {
                e.diagnosis = alt.clone();
            } else if e.diagnosis.len() < alt.len() {
                // Both swept: a Diagnostic-Code keeps runs of spaces ("[192.0.2.1      12]",
                // Gmail's) that the swept text of the notice has as one.
                let alt = text::sweep(&alt);
                let diagnosis = text::sweep(&e.diagnosis);
                if text::lower(&alt).contains(&text::lower(&diagnosis)) {
                    e.diagnosis = alt;
                }
            }
        }
        e.diagnosis = text::sweep(&e.diagnosis);
        if let Some(p) = text::find(&e.diagnosis, "__") {
            e.diagnosis.truncate(p);
        }
        if e.command.is_empty() {
            if e.diagnosis.contains("SMTP error from remote ")
                || e.diagnosis.contains("LMTP error after ")
            {
                e.command = command::find(&e.diagnosis);
            }
            match e.command.as_str() {
                // HELO | Connected to 192.0.2.135 but my name was rejected.
                "EHLO" | "HELO" => e.reason = Some(Blocked),
                // MAIL | Connected to 192.0.2.135 but sender was rejected.
                "MAIL" => e.reason = Some(OnHold),
                _ => {
                    e.reason = MESSAGES
                        .iter()
                        .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                        .map(|(r, _)| *r);
                    if e.reason.is_none() {
                        if text::contains_any(&e.diagnosis, DELAYED) {
                            e.reason = Some(Expired);
                        } else if e.diagnosis.contains("pipe to |") {
                            e.reason = Some(MailerError);
                        }
                    }
                }
            }
        }
        // The reply code in the text wins over a Status field that disagrees ("Status: 5.0.0"
        // with "450 TEMPERROR: retry timeout exceeded").
        let cr = reply::find(&e.diagnosis, &e.status);
        let cs = status::find(&e.diagnosis, &cr);
        if e.reason.is_none()
            && own_router_failure(e, &cr)
            && reason::says(UserUnknown, &e.diagnosis)
        {
            e.reason = Some(UserUnknown);
        }
        let temporary = cr.starts_with('4') || matches!(e.reason, Some(Expired | MailboxFull));
        let cv = e
            .reason
            .map(|r| status::pseudo_code(r, temporary))
            .unwrap_or_default();
        if e.reply_code.is_empty() {
            e.reply_code = cr.clone();
        }
        if e.status.is_empty() {
            e.status = status::prefer(&cs, &cv, &cr);
            // A report's own `Status:` field copied into the text with the notice (the fields
            // under a delay warning, pasted as one text) is a real code: it beats one made up
            // for the reason, however vague ("Status: 4.0.0").
            if status::is_pseudo(&e.status) {
                if let Some(field) = pasted_status_field(&e.diagnosis) {
                    e.status = field;
                }
            }
        }
    }
    let mut rfc822 = original.to_string();
    if rfc822.is_empty() {
        rfc822 = format!("To: <{}>\n", deliveries[0].recipient);
    }
    Some(Rising { deliveries, rfc822 })
}

/// True when the failure under a recipient is Exim's own, decided while it routed the address
/// on the host that wrote the notice, with no other server's reply: no "SMTP error from remote
/// mail server after ..." nor "LMTP error after ..." (transports/smtp.c, transports/lmtp.c,
/// the only ways a reply of another host enters the text), no "host NAME [IP]:" and no reply
/// code. Such a text is a router's: Exim's own ("Unrouteable address", `MESSAGES`), or the
/// words an administrator wrote for an address the system does not have, a redirect router's
/// `:fail:` item ("  user@example.org / Unknown user", with `Status: 5.0.0` in Exim's
/// report). The Exim specification, chapter "The redirect router", on `:fail:`: the text that
/// follows it is the error of the failed address. A router reads the address, not the
/// message: no filter of the content has seen it, so words that say the user does not exist
/// mean an unknown recipient, where the same words at an unknown step of another server stay
/// Sisimai's filter (`reason::probe`).
/// Source: https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_redirect_router.html
fn own_router_failure(e: &Delivery, reply_code: &str) -> bool {
    e.command.is_empty()
        && e.reply_code.is_empty()
        && reply_code.is_empty()
        && e.rhost.is_empty()
        && !e.diagnosis.contains("SMTP error from remote ")
        && !e.diagnosis.contains("LMTP error after ")
        && !text::contains(&e.diagnosis, "host ")
}

/// `line` of a paste that lost its indents, with the indent Exim gave it (deliver.c,
/// print_address_information and the error lines under it): two spaces for an address line
/// ("kijitora@example.jp", "kijitora@example.jp: reason", "pipe to |command", "save to /path"),
/// four for a line under one (its error, its "generated by"); none before the first address
/// (the notice's own sentences).
fn reindent(line: &str, recipients: usize, out: &mut String) {
    let t = line.trim();
    let first = t.split([' ', ':']).next().unwrap_or("");
    let address_line = (address::is_email(first.trim_matches(['<', '>'])) && !t.contains(" said"))
        || t.starts_with("pipe to |")
        || t.starts_with("save to /");
    let under = t.starts_with("generated by ")
        || t.starts_with("(generated from ")
        || (recipients > 0 && !t.is_empty());
    if address_line {
        out.push_str("  ");
    } else if under {
        out.push_str("    ");
    }
    out.push_str(t);
}

/// The code of a `Status:` field in `text` ("... Final-Recipient: rfc822; x@example.org Status:
/// 4.0.0"), when one stands there.
fn pasted_status_field(text: &str) -> Option<String> {
    let at = text::find_ci(text, "status: ")? + "status: ".len();
    let rest = text.get(at..)?;
    let code = status::find(rest.get(..rest.len().min(16)).unwrap_or(rest), "");
    (!code.is_empty() && rest.starts_with(code.as_str())).then_some(code)
}

#[cfg(test)]
mod flat_tests {
    use super::reindent;

    fn re(line: &str, recipients: usize) -> String {
        let mut out = String::new();
        reindent(line, recipients, &mut out);
        out
    }

    #[test]
    fn a_paste_without_indents_gets_exims_indents_back() {
        // The notice's own sentences before the first address keep the left edge.
        assert_eq!(
            re("recipients. This is a permanent error.", 0),
            "recipients. This is a permanent error."
        );
        assert_eq!(re("bob@example.net", 0), "  bob@example.net");
        assert_eq!(
            re("bob@example.net: mailbox is full", 1),
            "  bob@example.net: mailbox is full"
        );
        assert_eq!(
            re("pipe to |/usr/bin/example", 0),
            "  pipe to |/usr/bin/example"
        );
        assert_eq!(
            re("generated by ann@example.com", 0),
            "    generated by ann@example.com"
        );
        assert_eq!(re("local delivery failed", 1), "    local delivery failed");
        // A host's words naming an address are no address line.
        assert_eq!(
            re("bob@example.net said: 550 no", 1),
            "    bob@example.net said: 550 no"
        );
    }
}
