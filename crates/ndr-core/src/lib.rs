#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod address;
mod bom;
mod charsets;
mod decode;
mod diagnosis;
mod dsn;
mod esp_host;
mod evidence;
mod fact;
mod ip;
mod labels;
mod lda;
mod matcher;
pub mod mbox;
mod mime;
mod mta;
mod original;
mod outlook_msg;
mod paste;
mod provider;
mod reason;
mod rhost;
mod sending_log;
mod size_limit;
pub mod smtp;
mod text;
mod visible_head;

pub use bom::utf16_text;
pub use charsets::Charsets;
pub use diagnosis::{Diagnosis, Evidence, IpScope, Note, Party, Reason, Recipient};
pub use outlook_msg::{
    file_kind, is_outlook_msg, outlook_msg_text, outlook_msg_text_with, FileKind,
};
pub use provider::mailbox_provider_of_host;
pub use smtp::command::{connect_failure, ConnectFailure};

use fact::Fact;

/// Reads one bounce and says what happened.
///
/// Never panics and never errors: input it cannot read yields a `Diagnosis` with
/// `reason = Reason::Undefined` and a note saying why.
///
/// Multi-byte charsets (ISO-2022-JP, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, ...) are decoded
/// with the tables of the `full_encoding` feature. A build without them reads such text as
/// UTF-8 and adds the note `charset_not_decoded`; use [`diagnose_with`] there.
pub fn diagnose(input: &[u8]) -> Diagnosis {
    run(input, charsets::Decoders::default())
}

/// [`diagnose`], with multi-byte charsets decoded by `charsets` (for example the browser's
/// `TextDecoder`), so that a build without the `full_encoding` tables reads them all the same.
///
/// The hook is asked first; when it returns `None`, the built-in tables are used if compiled
/// in, and otherwise the text is read as UTF-8 with the note `charset_not_decoded` (its
/// detail: the charset's WHATWG name).
pub fn diagnose_with(input: &[u8], charsets: &dyn Charsets) -> Diagnosis {
    run(input, charsets::Decoders::new(Some(charsets)))
}

/// The text of bytes whose charset nothing declares (a saved or pasted body), read as the
/// core reads such text, with the WHATWG name of the charset it chose: `utf-8` for valid
/// UTF-8 without ISO-2022-JP escapes; `iso-2022-jp` when its escapes are there; else
/// `shift_jis` or `euc-jp`, whichever reads with fewer U+FFFD, if under one character in 50;
/// else `windows-1252`. Multi-byte charsets go to `charsets` first, as in [`diagnose_with`].
///
/// For a page that shows a dropped file as the core read it. Evidence spans still index the
/// bytes, so a caller decoding a piece at a time uses the returned charset.
///
/// A byte order mark decides first: `utf-16le` or `utf-16be` for UTF-16 (the text without the
/// mark), and the rules above on the bytes after a UTF-8 mark.
pub fn read_undeclared(input: &[u8], charsets: &dyn Charsets) -> (&'static str, String) {
    let decoders = charsets::Decoders::new(Some(charsets));
    let input = match bom::read(input) {
        Some(bom::Bom::Utf16 {
            text, big_endian, ..
        }) => return (if big_endian { "utf-16be" } else { "utf-16le" }, text),
        Some(bom::Bom::Utf8(rest)) => rest,
        None => input,
    };
    decode::undeclared_text(input, |cs, bytes| decoders.decode(cs, bytes))
}

/// Reads input that starts with a byte order mark as the text it marks (see `bom`), with the
/// evidence spans moved back to the input's own bytes.
fn run(input: &[u8], decoders: charsets::Decoders<'_>) -> Diagnosis {
    match bom::read(input) {
        None => run_text(input, decoders),
        Some(bom::Bom::Utf8(rest)) => {
            let mut d = run_text(rest, decoders);
            let shift = input.len() - rest.len();
            for e in &mut d.evidence {
                e.span = e.span.map(|(s, t)| (s + shift, t + shift));
            }
            d
        }
        Some(bom::Bom::Utf16 {
            text,
            big_endian,
            mark,
        }) => {
            let mut d = run_text(text.as_bytes(), decoders);
            // Each span's start and end with its slot (evidence index, then 0 for the start or
            // 1 for the end), in text order, so one pass over the file maps them all. The pairs
            // have the type the pattern matcher sorts already (`matcher::PatternSet::new`): a
            // sort of plain offsets would compile a second sort into the page (+4 KiB raw).
            let mut ends: Vec<(usize, u32)> = Vec::new();
            for (k, e) in d.evidence.iter().enumerate() {
                if let Some((s, t)) = e.span {
                    let slot = 2 * k as u32;
                    ends.push((s, slot));
                    ends.push((t, slot + 1));
                }
            }
            ends.sort_unstable();
            let mapped = bom::utf16_offsets(input, big_endian, mark, &ends);
            for (&(_, slot), raw) in ends.iter().zip(mapped) {
                let span = d
                    .evidence
                    .get_mut((slot / 2) as usize)
                    .and_then(|e| e.span.as_mut());
                if let Some(span) = span {
                    if slot % 2 == 0 {
                        span.0 = raw;
                    } else {
                        span.1 = raw;
                    }
                }
            }
            d
        }
    }
}

fn run_text(input: &[u8], decoders: charsets::Decoders<'_>) -> Diagnosis {
    // A saved mailbox of several bounces ("From MAILER-DAEMON ..." separators) is read as its
    // first message: read as one text, a later delay warning for the same recipient would
    // turn the first message's permanent failure into "still trying". The note says how many
    // there were; `mbox::split` gives a caller each of them.
    let messages = mbox::split(input);
    let input = match messages.as_slice() {
        [first, _, ..] => first,
        _ => input,
    };
    // A paste whose line breaks were lost is read with the report's own lines put back (the
    // same bytes, a space made a line break where one stood), so spans still index `input`.
    let unflat = Some(input)
        .filter(|i| !paste::starts_with_header_lines(i))
        .and_then(|i| std::str::from_utf8(i).ok())
        .and_then(paste::unflattened);
    let input = unflat.as_deref().map_or(input, str::as_bytes);
    let mut mail = decode::decode(input, decoders);
    let mut d = Diagnosis::default();
    if messages.len() > 1 {
        d.notes.push(Note {
            id: "first_of_several_messages".into(),
            detail: messages.len().to_string(),
        });
    }
    for (id, detail) in &mail.notes {
        // Raw Outlook bytes are not read here: evidence spans index the bytes given, so the
        // caller converts first (`outlook_msg_text`) and diagnoses the text it shows.
        let detail = match *id {
            "binary_input" if is_outlook_msg(input) => "outlook_msg".to_string(),
            _ => detail.clone(),
        };
        d.notes.push(Note {
            id: (*id).to_string(),
            detail,
        });
    }
    let readable = mail
        .notes
        .iter()
        .all(|(id, _)| *id != "empty_input" && *id != "binary_input");
    let mut held = false;
    let mut receipt: Option<String> = None;
    // Whether Google wrote the report about the sender's own outgoing mail (see
    // `mta::google::sender_on_google`): decided on the reader's findings, before they become facts.
    let mut on_google: Option<String> = None;
    // Whether the mail program reader found the deliveries (see `submission` below), and the
    // sending service whose event the paste is (see `sent_through_esp` below).
    let mut by_program = false;
    let mut esp: Option<&'static str> = None;
    // Whether a group refused the post (`mta::google::group_refused_post`).
    let mut group = false;
    let mut facts = match mta::read(&mail) {
        Some(rising) => {
            (by_program, esp, group) = reader_marks(&rising, &mail);
            held = rising
                .deliveries
                .iter()
                .any(|d| d.agent == mta::mailman::AGENT);
            receipt = read_receipt(&rising);
            on_google = mta::google::sender_on_google(&mail, &rising);
            fact::build(&mail, rising)
        }
        None => Vec::new(),
    };
    if held {
        // A list's notice that a post waits for its moderator: nothing failed. The note says
        // so, with the list's reason for the hold.
        d.notes.push(Note {
            id: "held_for_moderation".into(),
            detail: mta::mailman::hold_reason(&mail.body).unwrap_or_default(),
        });
    }
    // Header labels pasted from a mail program in Japanese ("件名:", "宛先:") read as the
    // header names they stand for. The text as pasted is read first, so that readers of
    // pasted bounces keep their way; the renamed copy reads what only its header fields tell:
    // an automatic reply known by its subject, and the sender as the bounce's To.
    if let Some(renamed) = labels::english(input) {
        let named = decode::decode(&renamed, decoders);
        if facts.is_empty() {
            if let Some(rising) = mta::read(&named) {
                (by_program, esp, group) = reader_marks(&rising, &named);
                receipt = read_receipt(&rising);
                on_google = mta::google::sender_on_google(&named, &rising);
                facts = fact::build(&named, rising);
                mail = named;
            }
        } else if let Some(domain) = address::find(named.header("to"))
            .as_deref()
            .and_then(address::domain)
        {
            let shown = address::find(named.header("to"))
                .filter(|a| fact::is_shown_sender(a, facts.iter().map(|f| f.recipient.as_str())))
                .unwrap_or_default();
            for f in facts.iter_mut().filter(|f| f.sender_domain.is_empty()) {
                f.sender_domain = domain.clone();
                f.sender_address.clone_from(&shown);
            }
        }
    }
    if facts.is_empty() && !mail.headers.is_empty() {
        // A message whose body quotes a bounce (a reply, a forward without "Fwd:"), indents it,
        // or logs it line by line: its body is read without those marks when it named no
        // recipient as it is (see `paste`; a paste was read so by `decode` already).
        // The message's own header says nothing of a bounce (a list reply that quotes one,
        // held-out y 16): the body, unwrapped, is read as the paste it holds. So is a body
        // that is not wrapped but holds a server's 4xx or 5xx reply (a list post that shows a
        // report's lines as an example, z 08); one without, such as someone's own mail that
        // repeats a notice's sentence, stays no bounce.
        let unwrapped = paste::unwrapped(&mail.body);
        let wrapped = unwrapped.is_some();
        let replied = || {
            let code = smtp::reply::find(&mail.body, "");
            matches!(code.as_bytes().first(), Some(b'4' | b'5'))
        };
        let body = unwrapped.or_else(|| {
            replied().then(|| paste::Unwrapped {
                text: mail.body.clone(),
                records: false,
            })
        });
        if let Some(body) = body {
            let mut named = decode::Mail {
                headers: mail.headers.clone(),
                body: body.text,
                records: body.records,
                ..decode::Mail::default()
            };
            for headed in [true, false] {
                if headed && !wrapped {
                    // The body as it is was read under this header already.
                    continue;
                }
                if !headed {
                    named.headers = decode::Headers::default();
                }
                if let Some(rising) = mta::read(&named) {
                    let marks = reader_marks(&rising, &named);
                    let seen = read_receipt(&rising);
                    let google = mta::google::sender_on_google(&named, &rising);
                    let found = fact::build(&named, rising);
                    if !found.is_empty() {
                        (by_program, esp, group) = marks;
                        receipt = seen;
                        on_google = google;
                        facts = found;
                        mail = named;
                        break;
                    }
                }
            }
        }
    }
    if facts.is_empty() || mail.is_forward() {
        // The bounce may be an attachment: forwarded by a person, or wrapped by a gateway.
        // One level only, so the work stays bounded.
        if let Some(inner) = mta::embedded_bounce(&mail) {
            let inner = decode::decode(inner.as_bytes(), decoders);
            if let Some(rising) = mta::read(&inner) {
                let google = mta::google::sender_on_google(&inner, &rising);
                let marks = reader_marks(&rising, &inner);
                let found = fact::build(&inner, rising);
                if !found.is_empty() {
                    (by_program, esp, group) = marks;
                    facts = found;
                    on_google = google;
                    d.notes.push(Note {
                        id: "attached_bounce".into(),
                        detail: String::new(),
                    });
                }
            }
        }
    }
    // The notice's own sender (MAILER-DAEMON, the postmaster that wrote it) is never the
    // recipient that failed; a reader that found only that found nothing.
    facts.retain(|f| !mta::is_notice_sender(&mail, &f.recipient));
    // A line that is only a reply's codes ("●554 5.7.1", a paste's heading above the notice it
    // titles) read as a failure without a recipient is no failure of its own when a recipient's
    // reply below carries the same codes: it would lead the diagnosis with no words (held-out
    // w 44, a heading over Sendmail's "<a@example.org> (reason: 554 5.7.1 ...)").
    // The same when the codes end a sentence of the paste's own ("... mail from my work
    // address gets rejected with 554 5.7.1", then the server's log line with the reply): the
    // words before the codes are the writer's, so that line says no more than its codes, and
    // it must not lead the diagnosis with the reading of a bare code (held-out ad 35).
    // And when a paste quotes the whole reply above the log line or notice that carries it
    // with its recipient ("451 4.5.1 Mailbox full (in reply to end of DATA command)", then
    // Postfix's "to=<...>, ... status=deferred (host ... said: 451 4.5.1 Mailbox full (in
    // reply to end of DATA command))"): the quote is the same refusal without its address, and
    // leading with it would leave the verdict and the letter without the address (review 7,
    // M2).
    let repeats_a_reply = |f: &fact::Fact| {
        let t = f.diagnosis.trim();
        let codes = codes_at_the_end(t, &f.reply_code);
        f.recipient.is_empty()
            && !codes.is_empty()
            && facts.iter().any(|g| {
                !g.recipient.is_empty()
                    && g.reply_code == f.reply_code
                    && g.status == f.status
                    && text::contains(&g.diagnosis, codes)
            })
    };
    let headings: Vec<bool> = facts.iter().map(repeats_a_reply).collect();
    if headings.iter().any(|&h| h) {
        let mut k = 0;
        facts.retain(|_| {
            k += 1;
            !headings[k - 1]
        });
    }
    let found_any = !facts.is_empty();
    fill(&mut d, facts);
    let truncated = d.notes.iter().any(|n| n.id == "input_truncated");
    if readable && !found_any && mta::generic::is_cut_notice(&mail, truncated) {
        // The top of a notice without the part that says who and why: a bounce cut short, which
        // the page and the CLI tell to paste again whole (the note a MIME message whose end is
        // missing gets), not "not a bounce".
        if !truncated {
            d.notes.push(Note {
                id: "input_truncated".into(),
                detail: "mime".into(),
            });
        }
    } else if readable && !found_any {
        // A log line of a delivery (Postfix's "status=sent (250 ...)") says the mail was
        // accepted: the detail "sent" lets the page say that rather than ask for a bounce
        // (review 10, L3).
        let sent = text::find_ci(&mail.body, "status=sent (2").is_some();
        d.notes.push(Note {
            id: "not_a_bounce".into(),
            detail: if sent { "sent".into() } else { String::new() },
        });
    }
    if let Some(disposition) = receipt.filter(|_| found_any) {
        // A read receipt: the message arrived and the recipient's mail program reports what
        // became of it (the detail: displayed, deleted, ...). Nothing failed.
        d.notes.push(Note {
            id: "read_receipt".into(),
            detail: disposition,
        });
    }
    match d.reason {
        Reason::Vacation => d.notes.push(Note {
            id: "auto_reply".into(),
            detail: String::new(),
        }),
        Reason::Feedback => d.notes.push(Note {
            id: "feedback_report".into(),
            detail: String::new(),
        }),
        _ => {}
    }
    if group && found_any {
        // A group refused the post (Google Groups: it "may not exist, or you may not have
        // permission to post messages to the group"): its owner's setting, or a wrong
        // address, not a block of the sender.
        d.notes.push(Note {
            id: mta::google::NOTE_GROUP_POST_REFUSED.into(),
            detail: "google_groups".into(),
        });
    }
    let text = readable_text(&mail);
    provider::apply(input, &text, &mut d);
    if matches!(d.reason, Reason::MesgTooBig | Reason::ExceedLimit) {
        d.size_limit_bytes = size_limit::stated(&text);
    }
    evidence::add_missing_domain(&mut d, input, &text);
    if let Some(host) = on_google.filter(|_| found_any && d.blocking_party != Some(Party::Gmail)) {
        // Google's notice about the sender's outgoing mail that another organisation refused:
        // the refused address is Google's shared server, which only the recipient's side can
        // let in. Not when Gmail's own rules matched the reply: Google refused, not another.
        d.notes.push(Note {
            id: mta::google::NOTE_SENDER_ON_GOOGLE.into(),
            detail: host,
        });
    }
    // Without a service's own event, the refused IP's host name may still be a sending
    // service's server ("o1.24nn.shared.sendgrid.net [192.0.2.7] is in an RBL").
    let esp = esp.or_else(|| {
        d.sending_ip
            .as_deref()
            .and_then(|ip| esp_host::service_of(&text, ip))
    });
    if let Some(service) = esp.filter(|_| found_any) {
        // A sending service's own event (SendGrid, Mailgun, Postmark, Amazon SES): the mail
        // left from that service's servers, so an IP the refusal names is the service's (a
        // shared pool, or an address dedicated to the customer), not a hosting company's
        // (detail: the service).
        d.notes.push(Note {
            id: NOTE_SENT_THROUGH_ESP.into(),
            detail: service.into(),
        });
    }
    if let Some(note) = reply_note(&d) {
        d.notes.push(note);
    }
    if d.recipients.iter().any(|r| {
        matches!(r.reason, Reason::Expired | Reason::OnHold)
            && fact::is_greylisting(
                &r.diagnostic_text,
                r.reply_code.as_deref().unwrap_or(""),
                r.status.as_deref().unwrap_or(""),
            )
    }) {
        // The receiver greylists: its refusal of a first try is on purpose and the retry
        // gets through (detail: none).
        d.notes.push(Note {
            id: "greylisted".into(),
            detail: String::new(),
        });
    }
    // A mail program's own error that it could not connect to its outgoing server: the step is
    // the connection, nothing was refused, and the message never left (detail: the program and
    // the port it tried, `outlook:25`). Only when the reader took it, not a refusal's row.
    if let Some(found) = found_any
        .then(|| mta::progconnect::find(&mail))
        .flatten()
        .filter(|_| mta::mailprogram::program(&mail).is_none())
        .filter(|_| {
            d.recipients
                .iter()
                .any(|r| r.command.as_deref() == Some("CONN"))
        })
    {
        d.notes.push(Note {
            id: "connect_failed_at_submission".into(),
            detail: found.detail(),
        });
    }
    // The lines of the text that hold the word "reject", found by one search (see `Rejections`).
    let rejections = if found_any {
        Rejections::read(&text)
    } else {
        Rejections::default()
    };
    // Exchange's submission refusal is worded the same in the error a program shows and in
    // the report Exchange mails back when it refused later: only the first is a send error
    // that no bounce follows.
    let submission = found_any
        .then(|| mta::mailprogram::program(&mail))
        .flatten()
        .filter(|p| *p != mta::mailprogram::EXCHANGE || by_program)
        // A list of the recipient's own domain ("your host [192.0.2.1] is blacklisted by
        // sbl.example.net" for bo@example.net): the recipient's server refused the sending
        // address, not the sender's own server at submission (held-out y 04).
        .filter(|_| !(d.reason == Reason::Blocked && zone_of_recipient_domain(&d)))
        // A mailbox provider's refusal in words it writes only about mail sent to its own
        // users (Gmail's "To reduce the amount of spam sent to Gmail", held-out z 03): the
        // program talked straight to the recipient's server, no outgoing server of the sender's.
        .filter(|_| !refused_for_its_own_users(&d, &text))
        .or_else(|| {
            // A session typed or logged by hand (telnet, openssl s_client, swaks) that logged
            // in before the refusal: the server is the sender's own outgoing one.
            (found_any && mail.headers.is_empty() && logged_in_session(&text))
                .then_some(SMTP_SESSION)
        })
        .or_else(|| {
            // Gmail's notice when the server it handed the mail to refused it ("Send mail as"
            // through another account's SMTP server, or a Workspace outbound relay): that relay
            // is the sender's own outgoing server, so the fix is in the sender's settings.
            (found_any && rejections.gmail_relay).then_some(GMAIL_SEND_AS)
        });
    if let Some(program) = submission {
        // A mail program's own send error: the sender's own outgoing server refused the
        // message when the program handed it over, so it never left and no bounce will come
        // (detail: the program). The advice is the sender's own server's, not the recipient's.
        d.notes.push(Note {
            id: "refused_at_submission".into(),
            detail: program.into(),
        });
        if d.reason == Reason::ExceedLimit && d.enhanced_code.as_deref() == Some("5.2.3") {
            // RFC 3463's 5.2.3 is a message longer than an administrative limit. Met at
            // submission it is the sender's own server's limit on the message, not a limit of
            // a recipient's mailbox (Sisimai's `exceedlimit`): nobody has received anything
            // yet, so it is the message that is too big.
            d.reason = Reason::MesgTooBig;
            for r in &mut d.recipients {
                if r.reason == Reason::ExceedLimit {
                    r.reason = Reason::MesgTooBig;
                }
            }
        }
        if d.reason == Reason::UserUnknown {
            // Postfix's words for an access rule's REJECT of a recipient, "554 5.7.1 <x@example.org>:
            // Recipient address rejected: Access denied", are in Sisimai's lists of both
            // `userunknown` and `securityerror`. Said by the sender's own outgoing server to
            // the program handing it a message, they are that server's restriction on the
            // sender (no login, or no outside recipients for this account), not a verdict on
            // an address it does not host: Sisimai's `securityerror`, whose list holds these
            // exact words (`norelaying`'s speaks of relaying).
            for r in d.recipients.iter_mut().filter(|r| {
                r.reason == Reason::UserUnknown
                    && text::find_ci(&r.diagnostic_text, ACCESS_DENIED_RCPT).is_some()
            }) {
                r.reason = Reason::SecurityError;
            }
            if !d.recipients.iter().any(|r| r.reason == Reason::UserUnknown) {
                d.reason = Reason::SecurityError;
            }
        }
    }
    if d.reason == Reason::HostUnknown && submission.is_none() {
        // United Internet's (web.de, GMX, 1&1/IONOS) "550 invalid DNS MX or A/AAAA resource
        // record" names no domain. Said by its submission server to a mail program it is the
        // recipient's domain (held-out y 15: "Please check the message recipient ..."); said
        // by its MX, which receives for the recipient's domain and so finds that domain's
        // records, it is the envelope sender's domain that has none (held-out ab 19, a
        // Diagnostic-Code for a web.de address; https://pastebin.com/TWqZLwgN, perfora.net
        // refusing every address of a domain it hosts): the sender is refused (`rejected`).
        let mut sender_domain = false;
        for r in d.recipients.iter_mut().filter(|r| {
            r.reason == Reason::HostUnknown && reason::domain_dns(&text::lower(&r.diagnostic_text))
        }) {
            r.reason = Reason::Rejected;
            sender_domain = true;
        }
        if sender_domain && !d.recipients.iter().any(|r| r.reason == Reason::HostUnknown) {
            d.reason = Reason::Rejected;
        }
    }
    if let Some(client) = found_any
        .then(|| inbound_refusal(&text, rejections).or_else(|| fetchmail_refusal(&d, &text)))
        .flatten()
        .filter(|client| !own_host_client(client))
    {
        // A receiving server's own log of a refusal: the poster's server refused another
        // server (detail: that client, "host[address]"), which is not the poster's mail being
        // refused. The refused address is the client's.
        d.notes.push(Note {
            id: "inbound_refusal_log".into(),
            detail: client,
        });
    } else if found_any && final_delivery_refusal(&text) {
        // A Postfix final-delivery agent's own log line: the server that holds the mailbox
        // refused to store the message, and whoever reads that log runs the mailbox.
        d.notes.push(Note {
            id: "inbound_refusal_log".into(),
            detail: NOTE_DETAIL_FINAL_DELIVERY.into(),
        });
    }
    if let Some(form) = found_any
        .then(|| sending_log::note_detail(&d, &mail, &text))
        .flatten()
    {
        // The sending server's own log lines, or an SMTP session typed by hand: whoever pasted
        // them runs the machine that tried to deliver (detail: `log` or `session`).
        d.notes.push(Note {
            id: sending_log::NOTE.into(),
            detail: form.into(),
        });
    }
    if let Some(forwarder) = found_any
        .then(|| alias_refused_further_on(&d, &text))
        .flatten()
        .filter(|_| {
            !d.notes
                .iter()
                .any(|n| n.id == NOTE_REFUSED_AFTER_FORWARDING)
        })
    {
        // An alias's server sent the message on, and the next hop refused that server: the
        // refusal is of the forwarder, which the sender cannot fix.
        d.notes.push(Note {
            id: NOTE_REFUSED_AFTER_FORWARDING.into(),
            detail: forwarder,
        });
    }
    if d.reason == Reason::NoRelaying && submission.is_none() && !exim_own_relay(&text) {
        if let Some(host) = refused_further_on(&d, &text) {
            // "Relay access denied" in a bounce the sender's server wrote: the server it
            // handed the mail to refused, not the sender's own outgoing server (which refuses
            // in the mail program, with no bounce). The advice differs, so it is said even when
            // the layout names no host.
            d.notes.push(Note {
                id: "refused_by_remote_server".into(),
                detail: host,
            });
        }
    }
    // A reason settled after the provider pass (a size limit met at submission) may be about
    // the message: the address it names is then the sending server's only.
    provider::settle_blocked_ip(&mut d);
    if let Some(range) = found_any.then(|| via_microsoft_cloud(&d)).flatten() {
        // The refused address is one of Exchange Online's client-access addresses: the user's
        // own mail host refused Microsoft's cloud, which connects to it for the new Outlook
        // (detail: Microsoft's range that holds it). `blocked_ip` stays that address: it is the
        // one the refusing host blocks, the host needs it to find its refusal, and the lookups
        // can still tell whether a list the host uses names it. Microsoft 365's own outbound
        // servers are in other ranges, so the report is no Microsoft 365 sender's.
        d.notes.retain(|n| n.id != "sender_on_microsoft365");
        d.notes.push(Note {
            id: NOTE_VIA_MICROSOFT_CLOUD.into(),
            detail: range.into(),
        });
    }
    d
}

/// The note that the refused address is Microsoft's cloud connecting for the user's mail
/// program (the new Outlook), not a server of the user's or their hosting company's.
const NOTE_VIA_MICROSOFT_CLOUD: &str = "via_microsoft_cloud";

/// Microsoft's range holding `sending_ip` when it is an Exchange Online client-access address
/// (`ip::microsoft_client_access`) that a refusal names as the client it refuses: the new Outlook
/// for Windows, Outlook on the web and Outlook's mobile apps send a synced IMAP/POP account's
/// mail from Microsoft's cloud, so the user's own mail host sees Microsoft's address. Not when
/// another note already says whose the address is (a receiving server's own log, a forwarder, a
/// sending service), nor when Microsoft itself refused (its own block advice applies).
fn via_microsoft_cloud(d: &Diagnosis) -> Option<&'static str> {
    if matches!(d.blocking_party, Some(Party::Microsoft | Party::OutlookCom)) {
        return None;
    }
    let owned = d.notes.iter().any(|n| {
        matches!(
            n.id.as_str(),
            "inbound_refusal_log" | NOTE_REFUSED_AFTER_FORWARDING | NOTE_SENT_THROUGH_ESP
        )
    });
    if owned {
        return None;
    }
    let ip = d.sending_ip.as_deref()?.parse().ok()?;
    ip::microsoft_client_access(ip)
}

/// True when the refused client of a server's log, "host[address]", is the logging host itself
/// (`localhost[127.0.0.1]`, any 127.0.0.0/8 address, `[::1]`): a program on that same host (a
/// webmail, a script) handing it mail, which is the poster's own sending, not another server
/// delivering to theirs. Source: RFC 1122 3.2.1.3 (127/8 is the host's own loopback) and
/// RFC 4291 2.5.3 (::1).
fn own_host_client(client: &str) -> bool {
    let address = client
        .rfind('[')
        .and_then(|p| client.get(p + 1..))
        .map_or("", |a| a.trim_end_matches(']'));
    let address = address.strip_prefix("IPv6:").unwrap_or(address);
    address.starts_with("127.") || address == "::1"
}

/// The note that a forwarding server's own sending was refused further on (`provider`'s).
const NOTE_REFUSED_AFTER_FORWARDING: &str = "refused_after_forwarding";

/// Postfix's words after a recipient it reached through an alias or a `.forward` file:
/// "<ann@example.net> (expanded from <team@example.org>): host mx.example.net[192.0.2.4] said:
/// 550 ...". The bounce is the alias's server's: it sent the message on to the address the
/// alias expands to, and the server named after "host" refused that delivery.
/// Source: Postfix bounce(8) and `bounce_notify_util.c` (the original recipient is shown as
/// "expanded from" when it differs), https://www.postfix.org/bounce.8.html.
const EXPANDED_FROM: &str = "(expanded from <";

/// Refusals a server gives about the server that connects (its address, its range, its
/// authentication, its reputation), or with no clearer reason: after an alias's forwarding,
/// that server is the forwarder. An unknown or full destination mailbox is not among them.
const REFUSALS_OF_THE_CLIENT: &[Reason] = &[
    Reason::Blocked,
    Reason::BadReputation,
    Reason::AuthFailure,
    Reason::RequirePtr,
    Reason::PolicyViolation,
    Reason::Rejected,
    Reason::OnHold,
];

/// The forwarder when a Postfix bounce says that the alias's destination server refused the
/// alias's server ("(expanded from <alias>): host ... said:") for a refusal of the client:
/// the bounce's "This is the mail system at host X." when it says so, else the alias's domain.
fn alias_refused_further_on(d: &Diagnosis, text: &str) -> Option<String> {
    if !REFUSALS_OF_THE_CLIENT.contains(&d.reason) {
        return None;
    }
    let at = text::find(text, EXPANDED_FROM)?;
    let rest = text.get(at + EXPANDED_FROM.len()..)?;
    let close = rest.find('>')?;
    let alias = rest.get(..close)?;
    // An alias with no domain, or an unqualified one ("<root>", "<me@myhost>"), is a local
    // name of the machine that expanded it: that machine sent the mail itself (cron's or a
    // blog's own mail handed on to a mailbox elsewhere), so nobody else's mail was forwarded.
    let qualified = alias
        .rsplit_once('@')
        .is_some_and(|(_, dom)| dom.contains('.'));
    if !qualified {
        return None;
    }
    let after = rest.get(close + 1..)?.strip_prefix("):")?.trim_start();
    // "host" may end its line: Postfix wraps the bounce's lines.
    let host_said = after
        .strip_prefix("host")
        .is_some_and(|h| h.starts_with(char::is_whitespace));
    if !host_said {
        return None;
    }
    let by_banner = text::between(text, "This is the mail system at host ", "\n")
        .map(|h| h.trim().trim_end_matches('.'))
        .filter(|h| !h.is_empty() && !h.contains(char::is_whitespace));
    let domain = alias
        .rsplit_once('@')
        .map(|(_, dom)| dom.trim())
        .filter(|dom| !dom.is_empty() && !dom.contains(char::is_whitespace));
    by_banner.or(domain).map(str::to_string)
}

/// The detail of the note `inbound_refusal_log` for a final-delivery agent's own log line.
const NOTE_DETAIL_FINAL_DELIVERY: &str = "final_delivery";

/// Postfix's final-delivery agents as a log line names them (after the instance's
/// `syslog_name`, "postfix" or another): they run on the mail system that holds the mailboxes
/// (lmtp hands the message to the mailbox store, Dovecot or Cyrus; local and virtual write it
/// themselves), so their lines are read there, not at the sender's.
/// Source: Postfix manual, https://www.postfix.org/lmtp.8.html, https://www.postfix.org/local.8.html,
/// https://www.postfix.org/virtual.8.html.
const FINAL_DELIVERY_AGENTS: &[&str] = &["/lmtp[", "/local[", "/virtual["];

/// Postfix's log field for a recipient it returned to the sender (`status=bounced`), as
/// opposed to `deferred` (tried again later) or `sent`. Source: Postfix's `bounce(8)` and the
/// log lines of its delivery agents ("status=bounced (host ... said: 552 ...)").
const STATUS_BOUNCED: &str = " status=bounced";

/// True when a line of the text is a Postfix final-delivery agent's own line that bounced a
/// recipient: "postfix/lmtp[1050]: 4B2C1A: to=<ann@example.org>, relay=mail.example.org
/// [/var/run/dovecot/lmtp], ... status=bounced (host ... said: 552 5.2.2 ...)". Only lines
/// that hold the status are read, found by one search of the whole text.
fn final_delivery_refusal(text: &str) -> bool {
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| text::find(t, STATUS_BOUNCED)) {
        let at = from + at;
        let start = text
            .get(..at)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |p| p + 1);
        let end = text
            .get(at..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |p| at + p);
        if text
            .get(start..end)
            .is_some_and(|line| text::contains_any(line, FINAL_DELIVERY_AGENTS))
        {
            return true;
        }
        from = end;
    }
    false
}

/// What one search of the text for the word "reject" (ASCII case-blind) found: every line read
/// by `inbound_refusal` and Gmail's relay refusal hold it, so no text is searched once for each
/// of them. Read only when the text holds a failure.
#[derive(Default)]
struct Rejections {
    /// Gmail's words for a relay's refusal, `GMAIL_RELAY_REFUSED`, ASCII case-blind.
    gmail_relay: bool,
    /// The client of the first smtpd refusal line that names one (see `refusal_client`).
    smtpd: Option<String>,
    /// Where the text's first Exim refusal, "rejected RCPT <", starts.
    exim: Option<usize>,
    /// Where the text's first key=value refusal, "action=reject ", starts.
    key_value: Option<usize>,
}

/// The word that `REJECT`, `EXIM_REJECTED_RCPT`, `KV_REJECT` and `GMAIL_RELAY_REFUSED` hold
/// (see `the_reject_word_is_in_every_phrase_it_finds`). No occurrence of it overlaps another,
/// so a search that goes on after each one meets every phrase's.
const REJECTED_WORD: &str = "reject";

impl Rejections {
    fn read(text: &str) -> Rejections {
        let mut found = Rejections::default();
        let h = text.as_bytes();
        // Where the line after the last smtpd line read starts: a line is read once, however
        // many refusals it holds.
        let mut next_line = 0;
        let mut from = 0;
        while let Some(at) = text
            .get(from..)
            .and_then(|t| text::find_ci(t, REJECTED_WORD))
        {
            let at = from + at;
            from = at + REJECTED_WORD.len();
            // Each phrase starts where the word does, less what it holds before the word. The
            // log lines are compared case for case; Gmail's sentence case-blind.
            let phrase_at = |phrase: &str| {
                let lead = text::find(phrase, REJECTED_WORD).unwrap_or(0);
                at.checked_sub(lead)
                    .and_then(|start| h.get(start..start + phrase.len()))
                    .map(|b| (at - lead, b))
            };
            if !found.gmail_relay {
                found.gmail_relay = phrase_at(GMAIL_RELAY_REFUSED)
                    .is_some_and(|(_, b)| b.eq_ignore_ascii_case(GMAIL_RELAY_REFUSED.as_bytes()));
            }
            if found.exim.is_none() {
                found.exim = phrase_at(EXIM_REJECTED_RCPT)
                    .filter(|(_, b)| *b == EXIM_REJECTED_RCPT.as_bytes())
                    .map(|(p, _)| p);
            }
            if found.key_value.is_none() {
                found.key_value = phrase_at(KV_REJECT)
                    .filter(|(_, b)| *b == KV_REJECT.as_bytes())
                    .map(|(p, _)| p);
            }
            let smtpd_word = h
                .get(at..)
                .is_some_and(|r| r.starts_with(REJECT.as_bytes()));
            if found.smtpd.is_some() || at < next_line || !smtpd_word {
                continue;
            }
            // The line as `str::lines` gives it (without its "\n" or "\r\n").
            let start = text
                .get(..at)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |p| p + 1);
            let (end, next) = match text.get(at..).and_then(|t| t.find('\n')) {
                Some(p) => (at + p, at + p + 1),
                None => (text.len(), text.len()),
            };
            let line = text.get(start..end).unwrap_or_default();
            let line = if next == end + 1 {
                line.strip_suffix('\r').unwrap_or(line)
            } else {
                line
            };
            found.smtpd = refusal_client(line);
            next_line = next;
        }
        found
    }
}

/// The client of Postfix's smtpd refusal log line, "postfix/smtpd[1044]: NOQUEUE: reject: RCPT
/// from mail.example.org[192.0.2.7]: 554 5.7.1 ...": smtpd is the receiving side (Postfix's
/// sending side logs as `postfix/smtp`), so the line says that the logging server refused the
/// client named after "from". Source: Postfix smtpd_check.c (`log_whatsup`, "reject: %s from %s").
/// Else Exim's or a key=value log's refusal (see `Rejections`, which found the lines).
fn inbound_refusal(text: &str, found: Rejections) -> Option<String> {
    found
        .smtpd
        .or_else(|| found.exim.and_then(|p| exim_refusal_client(text, p)))
        .or_else(|| {
            found
                .key_value
                .and_then(|p| key_value_refusal_client(text, p))
        })
}

/// A key=value log's refusal: "action=reject" and the client's address as "source_ip=".
const KV_REJECT: &str = "action=reject ";
const KV_SOURCE_IP: &str = "source_ip=";

/// The client of a mail filter's key=value log line of a refusal, as Sophos Firewall's (XGS)
/// Email Protection log writes it: "mail action=reject rule=RBL-Block source_ip=192.0.2.7
/// rbl=bl.spamcop.net message=\"Listed in RBL\"" (quoted in
/// https://lab53.uk/resolving-false-positives-in-sophos-firewall-email-protection, a
/// receiving admin's own log). The filter is on the receiving side and the source is the
/// client it refused; the detail is `[address]`, as the other log readers write a client.
/// `p` is where the text's first "action=reject " starts.
fn key_value_refusal_client(text: &str, p: usize) -> Option<String> {
    let start = text.get(..p)?.rfind('\n').map_or(0, |n| n + 1);
    let end = text.get(p..)?.find('\n').map_or(text.len(), |n| p + n);
    let line = text.get(start..end)?;
    let at = text::find(line, KV_SOURCE_IP)? + KV_SOURCE_IP.len();
    let addr = line.get(at..)?.split([' ', '\t', '\r']).next()?;
    ip::find_all(addr)
        .first()
        .filter(|f| f.start == 0 && f.end == addr.len())
        .map(|_| format!("[{addr}]"))
}

/// The note's detail `fetchmail` when fetchmail's log says its SMTP listener refused: only
/// when a recipient's reply came from a fetchmail line, so that other texts are not searched.
fn fetchmail_refusal(d: &Diagnosis, text: &str) -> Option<String> {
    let by_fetchmail = d
        .recipients
        .iter()
        .any(|r| text::contains(&r.diagnostic_text, "fetchmail:"));
    (by_fetchmail && text::contains(text, FETCHMAIL_REFUSED)).then(|| "fetchmail".to_string())
}

/// Exim's words for its own ACL's refusal in its log (see `exim_refusal_client`).
const EXIM_REJECTED_RCPT: &str = "rejected RCPT <";

/// fetchmail's log line when the SMTP listener it hands fetched mail to (the user's own mail
/// server, by default port 25 on localhost) refused that mail: "fetchmail: SMTP listener
/// refused delivery" (fetchmail's sink.c). The refusal is the user's own server turning away
/// mail that came in for the user, so the note `inbound_refusal_log` says so, with the client
/// "fetchmail". Source: fetchmail's manual page, "SMTP listener" and the "--smtphost" option
/// (https://www.fetchmail.info/fetchmail-man.html).
const FETCHMAIL_REFUSED: &str = "SMTP listener refused delivery";

/// The client of Exim's log line of a refusal by its own ACL, "H=mail.example.org
/// [192.0.2.7] F=<ann@example.org> rejected RCPT <bob@example.net>: ...", as `host[address]`.
/// Source: the Exim specification, chapter "Access control lists" (the reject log line).
/// `p` is where the text's first "rejected RCPT <" starts.
fn exim_refusal_client(text: &str, p: usize) -> Option<String> {
    let start = text.get(..p)?.rfind('\n').map_or(0, |n| n + 1);
    let line = text.get(start..p)?;
    let h = if line.starts_with("H=") {
        2
    } else {
        line.find(" H=")? + 3
    };
    let field = line.get(h..)?;
    let end = field.find(']')? + 1;
    let host = field.get(..end)?;
    let (name, ip) = host.split_once(" [")?;
    // "H=name (helo) [ip]": the name Exim looked up, and the address.
    let name = name.split(' ').next()?;
    if name.is_empty() {
        return None;
    }
    // Pushes, not `format!`: no formatting arguments built for two pieces and a bracket.
    let mut client = String::with_capacity(name.len() + 1 + ip.len());
    client.push_str(name);
    client.push('[');
    client.push_str(ip);
    Some(client)
}

/// The words of a receiving side's refusal in Postfix's log.
const REJECT: &str = "reject: ";

/// The program name that marks a Postfix smtpd log line.
const SMTPD: &str = "/smtpd[";

/// The client "host[address]" of one smtpd refusal log line (see `inbound_refusal`). Also
/// smtpd's line without the syslog prefix, as mailcow's web page lists it ("NOQUEUE: reject:
/// RCPT from ..."; only smtpd refuses before a queue file exists), and a milter's refusal
/// that smtpd or cleanup logs ("postfix/cleanup[123]: 7F2DF64430: milter-reject:
/// END-OF-MESSAGE from mx.example.org[192.0.2.7]: 4.7.1 Try again later").
/// Source: Postfix smtpd_check.c and cleanup_milter.c ("%s: milter-reject: %s from %s").
fn refusal_client(line: &str) -> Option<String> {
    let reject = if let Some(p) = line.find(": milter-reject: ") {
        (line.contains(SMTPD) || line.contains("/cleanup[")).then_some(p)?
    } else if let Some(p) = line.find("NOQUEUE: reject: ") {
        p
    } else {
        let smtpd = line.find(SMTPD)?;
        smtpd + line.get(smtpd..)?.find(": reject: ")?
    };
    let rest = line.get(reject..)?;
    let from = rest.find(" from ")?;
    let client = rest.get(from + " from ".len()..)?;
    let end = client.find("]: ")? + 1;
    client
        .get(..end)
        .filter(|c| c.contains('[') && !c.contains(' '))
        .map(str::to_string)
}

/// Whether the list zone lies under a recipient's domain (`sbl.example.net`, `bo@example.net`).
fn zone_of_recipient_domain(d: &Diagnosis) -> bool {
    let Some(zone) = d.list_zone.as_deref() else {
        return false;
    };
    d.recipients.iter().any(|r| {
        r.recipient.rsplit_once('@').is_some_and(|(_, dom)| {
            dom.contains('.')
                && zone.len() > dom.len()
                && zone.ends_with(dom)
                && zone[..zone.len() - dom.len()].ends_with('.')
        })
    })
}

/// Words a mailbox provider's receiving servers write only about mail sent to its own users,
/// with the party whose words they are. Its outgoing servers refuse a user's own mail in other
/// words ("550 5.4.5 Daily user sending limit exceeded ... - gsmtp"), so the mark alone does
/// not tell its receiving servers from its outgoing ones.
const FOR_ITS_OWN_USERS: &[(Party, &str)] = &[
    // "550-5.7.1 [192.0.2.1] Gmail has detected that this message is likely unsolicited mail.
    // To reduce the amount of spam sent to Gmail, this message has been blocked."
    // (?p=UnsolicitedMessageError). Source: https://support.google.com/a/answer/3726730
    (Party::Gmail, "spam sent to gmail"),
    // "... To protect our users from spam, mail sent from your IP address has been blocked."
    // (?p=UnsolicitedIPError), "To best protect our users from spam, the message has been
    // blocked." (authentication). Source: as above.
    (Party::Gmail, "protect our users from spam"),
    // "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your
    // Internet service provider since part of their network is on our block list (S3150)."
    // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
    (
        Party::OutlookCom,
        "part of their network is on our block list",
    ),
];

/// True when the party that refused wrote words it writes only about mail sent to its own
/// users (`FOR_ITS_OWN_USERS`) in a recipient's reply or in `text` (a program may print the
/// reply's lines apart, and its error only the first): the refusing server is plainly the
/// recipient's provider.
fn refused_for_its_own_users(d: &Diagnosis, text: &str) -> bool {
    FOR_ITS_OWN_USERS.iter().any(|(party, words)| {
        d.blocking_party == Some(*party)
            && (text::find_ci(text, words).is_some()
                || d.recipients
                    .iter()
                    .any(|r| text::find_ci(&r.diagnostic_text, words).is_some()))
    })
}

/// The detail of `refused_at_submission` for a pasted SMTP session that logged in.
const SMTP_SESSION: &str = "smtp_session";

/// Gmail's own words when the relay it was told to send through refused the mail: "Google
/// tried to deliver your message, but it was rejected by the relay <host> by <host>. [IP]"
/// (set m 18, a Japanese rental server's guide to Gmail's "Send mail as").
const GMAIL_RELAY_REFUSED: &str = "but it was rejected by the relay ";

/// The detail of `refused_at_submission` for that notice.
const GMAIL_SEND_AS: &str = "gmail_send_as";

/// How much of a pasted text is searched for a login's success (`logged_in_session`).
const SESSION_HEAD: usize = 16 * 1024;

/// True when a pasted SMTP session shows a successful login: a line that starts with the reply
/// 235 and speaks of authentication ("235 2.7.0 Authentication successful", "235 2.0.0
/// Authentication succeeded"). 235 answers only AUTH (RFC 4954, 4 and 6), and servers that
/// take a login are the submission servers of their own users (RFC 6409), so a refusal later in
/// the session is the sender's own outgoing server's.
fn logged_in_session(text: &str) -> bool {
    let head = text::clip(text, SESSION_HEAD);
    let mut from = 0;
    while let Some(at) = head.get(from..).and_then(|rest| text::find(rest, "235 ")) {
        let at = from + at;
        let start = head
            .get(..at)
            .map_or(0, |b| b.rfind('\n').map_or(0, |p| p + 1));
        let line_start = head.get(start..at).is_some_and(|b| b.trim().is_empty());
        let line = head.get(at..).and_then(|r| r.lines().next()).unwrap_or("");
        if line_start && text::find_ci(line, "auth").is_some() {
            return true;
        }
        from = at + 4;
    }
    false
}

/// Postfix's refusal of a recipient by an access rule (its default text for REJECT), read as
/// the own server's restriction when met at submission (see `diagnose_with`).
const ACCESS_DENIED_RCPT: &str = "recipient address rejected: access denied";

/// The note that the mail went out through a sending service (ESP); see `reader_marks`.
const NOTE_SENT_THROUGH_ESP: &str = "sent_through_esp";

/// Replies whose words say more than the reason they are given, lowercase, with that reason
/// and the note that says the rest.
const REPLY_NOTES: &[(&str, Reason, &str)] = &[
    // docomo: "552 Too much mail data": the mailbox is full or the message too large; Sisimai
    // calls it mailboxfull, and the note says it may be the size.
    // Source: the knowledge file, section 3.12 (note.com/sendmagic, tuono034s.com).
    ("too much mail data", Reason::MailboxFull, "full_or_too_big"),
    // Postfix's reject_sender_login_mismatch (smtpd_sender_login_maps): "553 5.7.1
    // <sales@example.net>: Sender address rejected: not owned by user info@example.net". The
    // sender's own outgoing server refused a From address the logged-in account does not
    // own; Sisimai calls it rejected. The detail names the account.
    // Source: Postfix smtpd_check.c and the postconf(5) entry for smtpd_sender_login_maps.
    (
        "not owned by user",
        Reason::Rejected,
        "sender_login_mismatch",
    ),
    // The same refusal in Yandex's words, "553 5.7.1 Sender address rejected: not owned by auth
    // user.", and Tencent's (QQ Mail), "501 mail from address must be same as authorization
    // user": the MAIL FROM address must be the login's own.
    // Source: https://github.com/fisharebest/webtrees/issues/2370 (both replies quoted).
    (
        "not owned by auth user",
        Reason::Rejected,
        "sender_login_mismatch",
    ),
    (
        "must be same as authorization user",
        Reason::Rejected,
        "sender_login_mismatch",
    ),
    // The same refusal where the server names the login before its words: "554 5.7.1
    // Recipient address rejected: Username a@example.org and sender doesn't match" (quoted in
    // https://github.com/mybb/mybb/issues/2578); the detail is the address after "Username".
    (
        "address rejected: username ",
        Reason::Rejected,
        "sender_login_mismatch",
    ),
    // The sender's own mail service has stopped sending from the account, whatever the
    // recipient: Amazon SES, "554 Message rejected: Sending paused for this account." (its API
    // names the state AccountSendingPausedException); Mail.ru, "550 message sending for this
    // account is disabled" (an account suspected of a stolen password or of spam). The reason
    // tables read both as rejected (reason.rs quotes the sources).
    (
        "sending paused for this account",
        Reason::Rejected,
        "sender_account_stopped",
    ),
    (
        "message sending for this account is disabled",
        Reason::Rejected,
        "sender_account_stopped",
    ),
];

/// The note of `REPLY_NOTES` for the decisive reply, if its words are one's (detail: the
/// address after the words, when there is one).
fn reply_note(d: &Diagnosis) -> Option<Note> {
    let r = d
        .recipients
        .iter()
        .find(|r| r.reason == d.reason)
        .or_else(|| d.recipients.first())?;
    let (words, _, id) = REPLY_NOTES.iter().find(|(w, reason, _)| {
        *reason == d.reason && text::find_ci(&r.diagnostic_text, w).is_some()
    })?;
    let after = text::find_ci(&r.diagnostic_text, words)
        .and_then(|p| r.diagnostic_text.get(p + words.len()..))
        .unwrap_or("");
    let detail = after
        .split_whitespace()
        .next()
        .and_then(address::find)
        .unwrap_or_default();
    Some(Note {
        id: (*id).into(),
        detail,
    })
}

/// How a bounce shows that the reply it quotes came from the next server on the way, lowercase:
/// Postfix's "host mx.example.jp[192.0.2.1] said:", qmail's and Yahoo's "Remote host said:",
/// Exim's "SMTP error from remote mail server", Exchange's "Remote Server returned" /
/// "リモート サーバー", Gmail's "The response from the remote server was:". And Yahoo Mail's
/// own notice ("Sorry, we were unable to deliver your message to the following address."),
/// which a web mail sender gets only for a server further on.
/// Sources: the formats' readers in `mta` (Sisimai's lhost tables); reviewer case 10 of
/// review 4, general wording.
const FURTHER_ON: &[&str] = &[
    " said:",
    "error from remote mail server",
    "remote server returned",
    "remote server at ",
    "リモート サーバー",
    "response from the remote server",
    "sorry, we were unable to deliver your message to the following address",
];

/// The host that refused relaying when the bounce shows the refusal came from a server further
/// on (`FURTHER_ON`, or a named rejecting host): its name, or empty when not named.
fn refused_further_on(d: &Diagnosis, text: &str) -> Option<String> {
    let named = d
        .remote_host
        .clone()
        .or_else(|| d.recipients.iter().find_map(|r| r.remote_host.clone()));
    if let Some(h) = named.filter(|h| !h.trim().is_empty()) {
        return Some(h);
    }
    // The notice's own words, before the returned message (a quoted original is someone
    // else's); they come first, so its start is enough.
    let head = text::clip(text, 8 * 1024);
    let returned = text::find_ci(head, "content-type: message/rfc822")
        .or_else(|| text::find_ci(head, "below this line is a copy of the message"))
        .unwrap_or(head.len());
    let lc = head.get(..returned).unwrap_or(head).to_ascii_lowercase();
    text::find_earliest(&lc, FURTHER_ON).map(|_| String::new())
}

/// True when an Exim log line names the host that refused as one at a private or loopback
/// address ("T=remote_smtp H=192.168.0.2 [192.168.0.2] ...: 550 Relay not permitted"): that
/// server is in the sender's own network (a smarthost the sender's server relays through),
/// so its relay refusal is about the sender's own setup (a login it wants), not about the
/// recipient's server. Exim logs the host tried as "H=<name> [<address>]" (the Exim
/// specification, chapter "Log files").
fn exim_own_relay(text: &str) -> bool {
    let head = text::clip(text, 8 * 1024);
    let Some(at) = text::find(head, " H=") else {
        return false;
    };
    let rest = head.get(at + 3..).unwrap_or_default();
    let Some(inner) = text::between(rest, "[", "]") else {
        return false;
    };
    // The bracket must belong to the host: on the same line, right after its name.
    if rest.find('[').is_some_and(|p| {
        rest.get(..p)
            .is_some_and(|n| n.contains('\n') || n.split_whitespace().count() > 1)
    }) {
        return false;
    }
    inner
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| matches!(ip::scope(ip), IpScope::Private | IpScope::Loopback))
}

/// What the reader that found the deliveries says about the sending side: whether it was
/// the mail program reader (a program's own send error), and the sending service (ESP) whose
/// event or notification the text is (`sendgrid`, `mailgun`, `postmark`, `amazon_ses`), and
/// whether a group refused the post (`mta::google::group_refused_post`).
fn reader_marks(rising: &mta::Rising, mail: &decode::Mail) -> (bool, Option<&'static str>, bool) {
    let by = |agent: &str| rising.deliveries.iter().any(|d| d.agent == agent);
    let esp = if by("AmazonSES") {
        Some("amazon_ses")
    } else if by("Webhook") {
        mta::webhook::sending_service(&mail.body)
    } else {
        None
    };
    (
        by(mta::mailprogram::AGENT),
        esp,
        mta::google::group_refused_post(rising),
    )
}

/// The disposition type of a read receipt a reader found (empty when it gives none).
fn read_receipt(rising: &mta::Rising) -> Option<String> {
    rising
        .deliveries
        .iter()
        .find(|d| d.agent == mta::mdn::AGENT)
        .map(|d| d.feedback_type.clone())
}

/// The decoded text handed to the provider rules: top-level header fields, then the body.
fn readable_text(mail: &decode::Mail) -> String {
    let mut t = String::with_capacity(mail.body.len() + 1024);
    for (n, v) in mail.headers.iter() {
        t.push_str(n);
        t.push_str(": ");
        t.push_str(v);
        t.push('\n');
    }
    if !mail.headers.is_empty() {
        t.push('\n');
    }
    t.push_str(&mail.body);
    t
}

/// Message-level fields from the per-recipient facts, then the recipients themselves (their
/// texts moved, not copied).
fn fill(d: &mut Diagnosis, facts: Vec<Fact>) {
    // The decisive recipient: the first that failed for a reason that says something.
    let decisive = facts
        .iter()
        .find(|f| f.action != "delivered" && reason::is_explicit(f.reason))
        .or_else(|| facts.first());
    if let Some(f) = decisive {
        d.reason = f.reason.unwrap_or(Reason::Undefined);
        if gave_up(f) {
            // The report's own words say the sending server stopped trying; the message
            // failed for good although the last reply was temporary ("(#4.4.1) I'm not going
            // to try again"). The recipient keeps the reason its words give (Sisimai's), the
            // message's reason says what became of it.
            d.reason = Reason::Expired;
        }
        d.hard_bounce = f.hard_bounce;
        d.smtp_code = (!f.reply_code.is_empty()).then(|| f.reply_code.clone());
        d.enhanced_code =
            (!f.status.is_empty() && !status::is_pseudo(&f.status)).then(|| f.status.clone());
        let with_host = std::iter::once(f)
            .chain(facts.iter())
            .find(|f| !f.rhost.is_empty());
        d.remote_host = with_host.map(|f| f.rhost.clone());
        d.remote_ip = std::iter::once(f)
            .chain(facts.iter())
            .find_map(|f| f.remote_ip.clone());
        let sender = facts.iter().find(|f| !f.sender_domain.is_empty());
        d.sender_domain = sender.map(|f| f.sender_domain.clone());
        // From the same fact, so that the address and the domain always agree.
        d.sender_address = sender
            .filter(|f| !f.sender_address.is_empty())
            .map(|f| f.sender_address.clone());
        d.sent_at = facts
            .iter()
            .find(|f| !f.sent_at.is_empty())
            .map(|f| f.sent_at.clone());
        d.subject = facts
            .iter()
            .find(|f| !f.subject.is_empty())
            .map(|f| f.subject.clone());
    }
    for f in facts {
        let (status, implied_status) = if status::is_pseudo(&f.status) {
            (None, Some(f.status))
        } else {
            ((!f.status.is_empty()).then_some(f.status), None)
        };
        d.recipients.push(Recipient {
            recipient: f.recipient,
            action: f.action,
            status,
            implied_status,
            reply_code: (!f.reply_code.is_empty()).then_some(f.reply_code),
            reason: f.reason.unwrap_or(Reason::Undefined),
            hard_bounce: f.hard_bounce,
            remote_host: (!f.rhost.is_empty()).then_some(f.rhost),
            diagnostic_text: capped(error_text(f.diagnosis)),
            command: (!f.command.is_empty()).then_some(f.command),
            original_recipient: f.original,
        });
    }
    // A reply cut short (a paste's blank line inside a wrapped transcript line) gives way to
    // a complete copy of it the same report holds for the same recipient (Sendmail's
    // "<<< 450 4.7.1 ..." and its "... Deferred: 450 4.7.1 ..." line).
    // Every pair is looked at, so the cheap test goes first: a report of many recipients
    // (a feedback report's, a list's) mostly holds texts of one length, and comparing their
    // addresses first was a quarter of the time of a report of two thousand.
    for i in 0..d.recipients.len() {
        let r = &d.recipients[i];
        if r.diagnostic_text.is_empty() {
            continue;
        }
        let whole = d.recipients.iter().find(|o| {
            o.diagnostic_text.len() > r.diagnostic_text.len()
                && o.recipient == r.recipient
                && o.diagnostic_text.starts_with(r.diagnostic_text.as_str())
        });
        if let Some(w) = whole.map(|o| o.diagnostic_text.clone()) {
            d.recipients[i].diagnostic_text = w;
        }
    }
}

use smtp::status;

/// Where a server's reply starts in `s`: a reply code and an enhanced code of the same class
/// ("550 5.7.1", "550-5.7.1", Exchange's "#550 5.7.64"), or the code twice ("550 550 ...", a
/// program's code before the server's own line), at a word's start.
fn reply_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && matches!(at(0), b'2'..=b'5')
            && at(1).is_ascii_digit()
            && at(2).is_ascii_digit()
            && matches!(at(3), b' ' | b'-')
            && at(4) == at(0)
            && ((at(5) == b'.' && at(6).is_ascii_digit())
                || (at(3) == b' ' && b.get(i..i + 3) == b.get(i + 4..i + 7) && at(7) == b' '))
    })
}

/// `t` from its reply's codes on (`reply_start`, or the last `code` that starts a word): the
/// words a writer put before them ("... gets rejected with 554 5.7.1") are no part of the
/// reply. `t` itself when neither is found.
fn codes_at_the_end<'a>(t: &'a str, code: &str) -> &'a str {
    let at = reply_start(t).or_else(|| {
        (!code.is_empty())
            .then(|| {
                t.rmatch_indices(code)
                    .map(|(p, _)| p)
                    .find(|&p| p == 0 || t.as_bytes().get(p - 1) == Some(&b' '))
            })
            .flatten()
    });
    at.and_then(|p| t.get(p..)).unwrap_or(t)
}

/// Where a reply without an enhanced code starts in `s` when a label ending in ':' comes
/// before it ("Remote host said: 550 mail not accepted ...", "i get error: 550 that IP ..."):
/// the first ": " followed by a reply code and a space, when `s` does not itself start with
/// a reply code (a reply's own colons, "550 <a@example.org>: Recipient address rejected: ...",
/// stay in it) and no bracket is open before it, unless the label is Postfix's "said:".
fn after_label(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let code = |i: usize| s.get(i..).is_some_and(starts_with_code);
    if starts_with_code(s) {
        return None;
    }
    let mut open = 0i32;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' | b'[' => open += 1,
            b')' | b']' => open -= 1,
            // Postfix's "(host ... said: 550 ...)" in its log line or a post's quote of it:
            // the reply is inside the bracket the lead-in opened.
            b':' if (open <= 0 || s[..i].ends_with(" said"))
                && b.get(i + 1) == Some(&b' ')
                && code(i + 2) =>
            {
                return Some(i + 2)
            }
            _ => {}
        }
    }
    None
}

/// `t` from the server's reply on when a log line marks it as a session transcript does, after
/// the logger's own prefix (OpenSMTPD's debug log: "mta: 0xea6710: <<< 554 ..."), and cut
/// where that prefix starts the next logged line that a paste joined to it ("... c=rdns mta:
/// 0xea6710: MTA_BANNER -> MTA_EHLO ..."). `t` itself when no such mark stands in its first
/// 80 bytes.
fn after_transcript_prefix(t: &str) -> &str {
    const MARK: &str = "<<< ";
    let Some(p) = text::find(text::clip(t, 80), MARK) else {
        return t;
    };
    let prefix = t[..p].trim_end();
    let rest = &t[p + MARK.len()..];
    if prefix.is_empty() || prefix.contains('\n') || !starts_with_code(rest) {
        return t;
    }
    let next = [" ", "\n"]
        .iter()
        .filter_map(|sep| text::find(rest, &format!("{sep}{prefix}")))
        .min();
    next.map_or(rest, |e| rest[..e].trim_end())
}

/// True when `s` starts with a reply code and a space or hyphen ("550 ", "421-").
fn starts_with_code(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'2'..=b'5'))
        && b.get(1).is_some_and(u8::is_ascii_digit)
        && b.get(2).is_some_and(u8::is_ascii_digit)
        && matches!(b.get(3), Some(b' ' | b'-'))
}

/// The error text as the server gave it, without what a paste put around it: a quote or
/// comment mark before it ("> 554 ...", "# NOQUEUE: ..."), and, when the reply is found after
/// prose (a sentence ends before it: a forum post, a paragraph in another language, a mail
/// program's log line), the prose before and after it. The reply then ends at its closing
/// quote (a code span), at Postfix's "(in reply to ... command)", or where the returned
/// message's headers begin.
fn error_text(text: String) -> String {
    let t = text.trim_start_matches(['>', ' ']);
    let t = t.strip_prefix("# ").unwrap_or(t);
    // ZMailer's mark of a line the remote server answered ("->> 550 ..."), and a session
    // transcript's mark of a server's line (Sendmail, Courier: "<<< 550 ...").
    let t = t.strip_prefix("->> ").unwrap_or(t);
    let t = t.strip_prefix("<<<").map_or(t, str::trim_start);
    let t = after_bracketed_log_prefix(t);
    let t = after_transcript_prefix(t);
    let Some(at) = reply_start(t)
        .or_else(|| after_label(t))
        .or_else(|| mta::generic::reply_after_command_said(t))
    else {
        return if t.len() == text.len() {
            text
        } else {
            t.to_string()
        };
    };
    let before = &t[..at];
    // A label right before the reply ("Remote host said:", "Deferred:", "i get error:") is
    // no part of it.
    // Exim's "... after end of data:" stays, as Postfix's "(in reply to end of DATA command)"
    // after a reply does: it tells a refusal of the message from one of the address.
    let label = before.trim_end().ends_with(':')
        && !starts_with_code(t)
        && text::find_ci(before, "end of data").is_none()
        // Coremail's "SMTP error, RCPT TO: Host example.com(192.0.2.1) RCPT TO said 550 ...",
        // whose lead-in names the step and the host, which the diagnosis keeps apart.
        || mta::generic::command_said(t, at);
    // A Postfix or Exchange lead-in ("host ... said:", "Remote Server returned") introduces the
    // reply itself: a code found further on is part of it.
    // A program's "Server response:" label is also no part of the reply.
    let prose = ([". ", "! ", "? ", "!' ", ".' ", "。"]
        .iter()
        .any(|m| text::contains(before, m))
        || before.trim_end().ends_with("response:")
        // node's sendmail package: "Error: SMTP code:550 msg:550-5.7.1 ...".
        || before.trim_end().ends_with(" msg:")
        // A post's "... are rejected with error 550 5.7.1 ...".
        || before
            .trim_end()
            .get(before.trim_end().len().saturating_sub(6)..)
            .is_some_and(|w| w.eq_ignore_ascii_case(" error")))
        && !text::contains(before, " said:")
        // A reply inside a bracket the notice opened ("[mx.example.jp. 192.0.2.40: 421 ...]",
        // Sendmail's "(reason: 554 ...)") stays with what the notice says around it.
        && before.matches('[').count() <= before.matches(']').count()
        && before.matches('(').count() <= before.matches(')').count();
    let reply = &t[at..];
    let mut end = reply.len();
    let opened = before.trim_end().chars().next_back();
    if let Some(q) = opened.filter(|c| prose && matches!(c, '`' | '\'' | '"')) {
        end = reply.find(q).unwrap_or(end);
    }
    if let Some(p) = text::find(&reply[..end], " command) ") {
        end = p + " command)".len();
    }
    // Postfix's smtpd log line goes on after the reply with "; from=<...> to=<...>"; a phone
    // signs what it forwards or sends below the pasted notice (`PHONE_SIGNATURES`).
    for stop in [
        " ## ",
        " Original message headers",
        " X-Postfix-Queue-ID:",
        "; from=<",
    ]
    .iter()
    .chain(PHONE_SIGNATURES)
    {
        if let Some(p) = text::find(&reply[..end], stop) {
            end = p;
        }
    }
    let start = if label {
        at
    } else if prose {
        at - usize::from(before.ends_with('#'))
    } else {
        0
    };
    let mut kept = t[start..at + end].trim_end();
    // A bracket or quote the cut-off lead-in opened closes after the reply ("status=bounced
    // (host ... said: 550 ... command))", Gmail's "[mx.example.jp. 192.0.2.1: 421 ...]",
    // "error \"Reason: 552 ... limit\""): it goes too, and so do the ones around it (a post's
    // quote around Postfix's bracket: 'said "bounced (host ... said: 550 ... command))"').
    if start > 0 {
        for _ in 0..3 {
            let count = |c: char| kept.matches(c).count();
            let unmatched = |o: char, c: char| kept.ends_with(c) && count(c) > count(o);
            if unmatched('(', ')')
                || unmatched('[', ']')
                || kept.ends_with('"') && count('"') % 2 == 1
            {
                kept = kept[..kept.len() - 1].trim_end();
            } else {
                break;
            }
        }
    }
    if kept.len() == text.len() {
        text
    } else {
        kept.to_string()
    }
}

/// The signature a phone's mail app puts under what is sent from it, by default: Apple's
/// "Sent from my iPhone" (Japanese 「iPhoneから送信」, 「iPadから送信」), and others' "Sent from
/// my ..." after it. A paste forwarded or quoted from a phone ends with it, after the reply;
/// no server writes it. Source: https://koneta.nifty.com/koneta_detail/160418000028_1.htm
/// (「iPhoneから送信」「iPadから送信」という定型の署名).
const PHONE_SIGNATURES: &[&str] = &[" Sent from my ", " iPhoneから送信", " iPadから送信"];

/// Log levels as a logger writes them in the first bracket of a line (logrus's level names,
/// which PMail's log format puts first: "[error][2024-11-02 00:12:28][request id][file.go:114]").
const LOG_LEVELS: &[&str] = &[
    "error", "warning", "warn", "info", "debug", "fatal", "panic", "trace",
];

/// PMail's own words before the error of a delivery it gave up on ("邮件投递失败", mail
/// delivery failed), glued to the server's reply: `log.Errorf("%v 邮件投递失败%+v", tos, err)`.
/// Source: Jinnrry/PMail, server/utils/send/send.go.
const PMAIL_FAILED: &str = "邮件投递失败";

/// `t` without a log line's prefix of bracketed fields that starts with a log level
/// (`LOG_LEVELS`): "[error][2024-11-02 00:12:28][ac10...][/src/send/send.go:114][0xc0001ad160]
/// 邮件投递失败550 Mail content denied" becomes "550 Mail content denied"; PMail's own words
/// after the prefix (`PMAIL_FAILED`) go too. A line that does not start so is returned whole.
fn after_bracketed_log_prefix(t: &str) -> &str {
    let level = t
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(l, _)| LOG_LEVELS.iter().any(|v| l.eq_ignore_ascii_case(v)));
    if !level {
        return t;
    }
    // The bracketed fields one after another (a date's space inside one is part of it), at
    // most eight, each closed on the line.
    let mut rest = t;
    for _ in 0..8 {
        let Some(inner) = rest.strip_prefix('[') else {
            break;
        };
        let Some(close) = inner.find(']').filter(|&c| !inner[..c].contains('\n')) else {
            break;
        };
        rest = inner[close + 1..].trim_start_matches(' ');
    }
    let rest = rest.strip_prefix(PMAIL_FAILED).unwrap_or(rest).trim_start();
    if rest.is_empty() {
        t
    } else {
        rest
    }
}

/// The longest error text kept for one recipient, in bytes. A server's reply line is at most
/// 512 octets (RFC 5321, 4.5.3.1.5) and the longest multi-line replies seen (Exchange Online's,
/// Gmail's) stay under 2 KiB; a paste whose "reply" runs on for megabytes (a reader that found
/// no end) would otherwise be carried whole into every JSON line and letter.
const MAX_ERROR_TEXT: usize = 8 * 1024;

/// `text` cut to `MAX_ERROR_TEXT` bytes at a character boundary, with "…" where it was cut.
fn capped(mut text: String) -> String {
    if text.len() > MAX_ERROR_TEXT {
        text.truncate(text.floor_char_boundary(MAX_ERROR_TEXT));
        text.push('…');
    }
    text
}

/// Words with which a sending server says it has stopped retrying a recipient, lowercase.
const GAVE_UP: &[&str] = &[
    // qmail-send: "I'm not going to try again; this message has been in the queue too long."
    // Source: qmail-send.c (Sisimai's lhost qmail reads it as "expired").
    "this message has been in the queue too long",
    // Exim: "retry timeout exceeded". Source: Exim's retry.c; reviewer case, general wording.
    "retry timeout exceeded",
    // Sendmail: "Message could not be delivered for 5 days". Source: sendmail's queue.c.
    "message could not be delivered for",
];

/// True when `text` (a recipient's diagnostic text) holds a sending server's words that it
/// stopped retrying (`GAVE_UP`): a 4xx reply of a report that names no address (a masked
/// Sendmail report's "Message could not be delivered for 5 days") was still given up on.
pub fn says_it_gave_up(text: &str) -> bool {
    GAVE_UP.iter().any(|w| text::find_ci(text, w).is_some())
}

/// True when `f` failed with a temporary status or reply and vague reason (a network error,
/// too little to tell) and its text says the sending server gave up on it: the message
/// expired. A more telling reason (a full mailbox, a block) stays the message's reason.
fn gave_up(f: &Fact) -> bool {
    let temporary = f.status.starts_with('4') || f.reply_code.starts_with('4');
    let vague = matches!(
        f.reason,
        Some(Reason::NetworkError | Reason::OnHold | Reason::SystemError | Reason::Undefined)
    );
    temporary
        && vague
        && f.action == "failed"
        && GAVE_UP
            .iter()
            .any(|w| text::find_ci(&f.diagnosis, w).is_some())
}

#[cfg(test)]
mod rejections_tests {
    use super::*;

    #[test]
    fn the_reject_word_is_in_every_phrase_it_finds() {
        for phrase in [REJECT, EXIM_REJECTED_RCPT, KV_REJECT, GMAIL_RELAY_REFUSED] {
            assert!(text::contains(phrase, REJECTED_WORD), "{phrase}");
        }
    }

    /// The searches `Rejections::read` replaced: one for each phrase, the smtpd lines read from
    /// the first "reject: " on, each line once.
    fn plain(text: &str) -> (bool, Option<String>, Option<String>) {
        let mut smtpd = None;
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|t| t.find(REJECT)) {
            let at = from + at;
            let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let (line, next) = match text[at..].find('\n') {
                Some(p) => {
                    let line = &text[start..at + p];
                    (line.strip_suffix('\r').unwrap_or(line), at + p + 1)
                }
                None => (&text[start..], text.len()),
            };
            smtpd = refusal_client(line);
            if smtpd.is_some() {
                break;
            }
            from = next;
        }
        let exim = text
            .find(EXIM_REJECTED_RCPT)
            .and_then(|p| exim_refusal_client(text, p));
        let key_value = text
            .find(KV_REJECT)
            .and_then(|p| key_value_refusal_client(text, p));
        let gmail = text.to_ascii_lowercase().contains(GMAIL_RELAY_REFUSED);
        (gmail, smtpd.or(exim), key_value)
    }

    #[test]
    fn one_search_finds_what_a_search_per_phrase_finds() {
        let lines = [
            "Nov 26 10:00:01 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from a.example.org[192.0.2.1]: 554 x",
            "Nov 26 10:00:01 mail postfix/smtpd[1]: NOQUEUE: reject: RCPT from nowhere",
            "postfix/smtpd[2]: reject: RCPT from b.example.org[192.0.2.2]: 550 y reject: again",
            "postfix/cleanup[3]: 7F2D: milter-reject: END-OF-MESSAGE from c.example.org[192.0.2.3]: 4.7.1 z",
            "NOQUEUE: REJECT: RCPT from d.example.org[192.0.2.4]: 554 upper case",
            "H=mx.example.org (helo) [192.0.2.5] F=<a@example.org> rejected RCPT <b@example.net>: no",
            "2026 H=[192.0.2.6] rejected RCPT <b@example.net>: no name",
            "mail action=reject rule=RBL source_ip=192.0.2.7 rbl=bl.example.net",
            "mail action=REJECT source_ip=192.0.2.8",
            "mail action=reject source_ip=192.0.2.x",
            "Google tried to deliver your message, but it was rejected by the relay smtp.example.net",
            "BUT IT WAS REJECTED BY THE RELAY smtp.example.net",
            "but it was rejected by the relay",
            "日本語 rejectedrejectreject: rejected RCPT <",
            "reject",
            "",
        ];
        // Every pair of lines, in both orders, ended by "\n", "\r\n" or nothing.
        for a in lines {
            for b in lines {
                for end in ["\n", "\r\n", ""] {
                    let text = format!("{a}{end}{b}{end}");
                    let found = Rejections::read(&text);
                    let (gmail, client, key_value) = plain(&text);
                    assert_eq!(found.gmail_relay, gmail, "{text:?}");
                    let key_value_found = found
                        .key_value
                        .and_then(|p| key_value_refusal_client(&text, p));
                    let smtpd_or_exim = found
                        .smtpd
                        .or_else(|| found.exim.and_then(|p| exim_refusal_client(&text, p)));
                    assert_eq!(smtpd_or_exim, client, "{text:?}");
                    assert_eq!(key_value_found, key_value, "{text:?}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! Inline expectations for pasted fragments and visible texts. Bless changes with
    //! `UPDATE_EXPECT=1 cargo test -p ndr-core --lib`.

    use expect_test::{expect, Expect};

    #[track_caller]
    fn check(input: &str, expect: Expect) {
        let d = super::diagnose(input.as_bytes());
        let first = d.recipients.first();
        let line = format!(
            "{} | rcpt={} cmd={} host={} ip={}",
            d.summary(),
            first.map_or("-", |r| if r.recipient.is_empty() {
                "-"
            } else {
                r.recipient.as_str()
            }),
            first.and_then(|r| r.command.as_deref()).unwrap_or("-"),
            d.remote_host.as_deref().unwrap_or("-"),
            d.remote_ip.as_deref().unwrap_or("-"),
        );
        expect.assert_eq(&line);
    }

    /// The error text the letters quote is the server's reply, without a post's prose and
    /// quote around Postfix's bracketed log form, and without a debug log's other lines that a
    /// paste joined to the reply (review 7, M3).
    #[test]
    fn error_text_is_the_reply_without_what_a_paste_put_around_it() {
        let text = |s: &str| super::error_text(s.to_string());
        assert_eq!(
            text("A comment to the council bounced. Their server said \"bounced (host mx.example.org[192.0.2.5] said: 550 Envelope blocked - User Entry (in reply to RCPT TO command))\""),
            "550 Envelope blocked - User Entry (in reply to RCPT TO command)"
        );
        assert_eq!(
            text("status=bounced (host mx.example.org[192.0.2.5] said: 550 No such user here (in reply to RCPT TO command))"),
            "550 No such user here (in reply to RCPT TO command)"
        );
        assert_eq!(
            text("mta: 0x1a2b3c: <<< 554 mx.example.net Service not available Bad DNS PTR resource record. mta: 0x1a2b3c: MTA_BANNER -> MTA_EHLO mta: 0x1a2b3c: >>> EHLO host.example.com"),
            "554 mx.example.net Service not available Bad DNS PTR resource record."
        );
        // A reply's own text stays whole, and a transcript mark without a reply after it is
        // no start.
        let own = "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown";
        assert_eq!(text(own), own);
        let not_a_reply = "debug: <<< EHLO then the server went away";
        assert_eq!(text(not_a_reply), not_a_reply);
    }

    /// A post that quotes the whole reply above the log line carrying it with its recipient:
    /// one recipient, with its address, not an addressless copy leading the diagnosis
    /// (review 7, M2).
    #[test]
    fn a_reply_quoted_above_its_log_line_is_no_recipient_of_its_own() {
        let paste = "A full mailbox looks like this:\n\n451 4.5.1 Mailbox full (in reply to end of DATA command)\n\nJul 25 10:00:01 mail postfix/smtp[1234]: A1B2C3: to=<hanako@example.org>, relay=mx.example.org[192.0.2.8]:25, delay=0.5, dsn=4.5.1, status=deferred (host mx.example.org[192.0.2.8] said: 451 4.5.1 Mailbox full (in reply to end of DATA command))\n";
        let d = super::diagnose(paste.as_bytes());
        let rcpts: Vec<&str> = d.recipients.iter().map(|r| r.recipient.as_str()).collect();
        assert_eq!(rcpts, ["hanako@example.org"]);
        assert_eq!(d.reason, crate::Reason::MailboxFull);
        // Two different refusals stay two, the one without an address too.
        let two = paste.replace(
            "451 4.5.1 Mailbox full (in reply to end of DATA command)\n\nJul",
            "550 5.7.1 Relaying denied\n\nJul",
        );
        assert_eq!(super::diagnose(two.as_bytes()).recipients.len(), 2);
    }

    #[test]
    fn outlook_reply_fragment() {
        check(
            "host x.mail.protection.outlook.com[192.0.2.7] said: 550 5.7.606 Access denied, banned sending IP [198.51.100.9]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
            expect!["550 5.7.606 blocked microsoft 198.51.100.9 | rcpt=- cmd=- host=x.mail.protection.outlook.com ip=192.0.2.7"],
        );
    }

    #[test]
    fn gmail_multiline_reply() {
        check(
            "<taro@example.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said:\n    550-5.1.1 The email account that you tried to reach does not exist. Please try\n    550-5.1.1 double-checking the recipient's email address for typos or\n    550-5.1.1 unnecessary spaces. For more information, go to\n    550 5.1.1  https://support.google.com/mail/?p=NoSuchUser (in reply to RCPT TO command)\n",
            expect!["550 5.1.1 userunknown - - | rcpt=taro@example.com cmd=RCPT host=gmail-smtp-in.l.google.com ip=192.0.2.26"],
        );
    }

    #[test]
    fn postfix_visible_text() {
        check(
            "This is the mail system at host mx.example.jp.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n                   The mail system\n\n<hanako@example.org>: host mx.example.org[192.0.2.1] said: 552 5.2.2\n    <hanako@example.org>: Recipient address rejected: Mailbox full (in reply to\n    RCPT TO command)\n",
            expect!["552 5.2.2 mailboxfull - - | rcpt=hanako@example.org cmd=RCPT host=mx.example.org ip=192.0.2.1"],
        );
    }

    #[test]
    fn exchange_541_means_no_such_recipient() {
        check(
            "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [SG2APC01FT0001.eop-APC01.prod.protection.outlook.com]'",
            expect!["550 5.4.1 userunknown - - | rcpt=- cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn exchange_visible_text() {
        check(
            "Delivery has failed to these recipients or groups:\n\njiro@example.com\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message.\n\nDiagnostic information for administrators:\n\nGenerating server: EX01.example.com\n\njiro@example.com\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n",
            expect!["550 5.1.1 userunknown - - | rcpt=jiro@example.com cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn japanese_visible_text() {
        check(
            "配信不能: 見積書\n\n次の受信者またはグループへの配信に失敗しました:\n\nsaburo@example.co.jp\n入力した電子メール アドレスが見つかりませんでした。\n\n管理者向けの診断情報:\n\n生成サーバー: TY2PR01MB0001.jpnprd01.prod.outlook.com\n\nsaburo@example.co.jp\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n",
            expect!["550 5.1.10 userunknown - - | rcpt=saburo@example.co.jp cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn japanese_gmail_notice() {
        check(
            "** アドレスが見つかりませんでした **\n\nアドレス shiro@example.jp が見つからなかったか、メールを受信できないため、メールは配信されませんでした。\n\nサーバーからの応答:\n550 5.1.1 <shiro@example.jp>: Recipient address rejected: User unknown in local recipient table\n",
            expect!["550 5.1.1 userunknown - - | rcpt=shiro@example.jp cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn docomo_unknown_user_after_data_is_a_filter() {
        check(
            "<hanako@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.10] said: 550 Unknown user hanako@docomo.ne.jp (in reply to end of DATA command)",
            expect!["550 - filtered docomo - | rcpt=hanako@docomo.ne.jp cmd=DATA host=mfsmax.docomo.ne.jp ip=203.0.113.10"],
        );
    }

    #[test]
    fn sendmail_user_unknown_under_a_block() {
        check(
            "   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n>>> RCPT To:<goro@example.org>\n<<< 550 5.7.1 Service unavailable; client [192.0.2.55] blocked using zen.spamhaus.org\n550 5.1.1 <goro@example.org>... User unknown\n",
            expect!["550 5.7.1 blocked spamhaus 192.0.2.55 | rcpt=goro@example.org cmd=RCPT host=mx.example.org ip=-"],
        );
    }

    #[test]
    fn bounce_forwarded_as_an_attachment() {
        check(
            "From: Taro <taro@example.jp>\nTo: help@example.net\nSubject: Fwd: this came back\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nWhy did this bounce?\n\n--b1\nContent-Type: message/rfc822\n\nFrom: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nTo: taro@example.jp\n\nThis is the mail system at host mx.example.jp.\n\n<hanako@example.org>: host mx.example.org[192.0.2.7] said: 550 5.1.1\n    <hanako@example.org>: Recipient address rejected: User unknown (in reply to\n    RCPT TO command)\n\n--b1--\n",
            expect!["550 5.1.1 userunknown - - | rcpt=hanako@example.org cmd=RCPT host=mx.example.org ip=192.0.2.7"],
        );
    }

    #[test]
    fn courier_visible_text() {
        check(
            "This is a delivery status notification from mx.example.org,\nrunning the Courier mail server, version 0.65.2.\n\n                          UNDELIVERABLE MAIL\n\nYour message to the following recipients cannot be delivered:\n\n<kijitora@example.co.jp>:\n   mx.example.co.jp [192.0.2.95]:\n>>> RCPT TO:<kijitora@example.co.jp>\n<<< 550 5.1.1 <kijitora@example.co.jp>... User Unknown\n",
            expect!["550 5.1.1 userunknown - - | rcpt=kijitora@example.co.jp cmd=RCPT host=mx.example.co.jp ip=192.0.2.95"],
        );
    }

    #[test]
    fn exim_visible_text() {
        check(
            "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  someone@example.net\n    host mx.example.net [203.0.113.5]\n    SMTP error from remote mail server after RCPT TO:<someone@example.net>:\n    550 5.1.1 <someone@example.net>: Recipient address rejected: User unknown in virtual mailbox table\n",
            expect!["550 5.1.1 userunknown - - | rcpt=someone@example.net cmd=RCPT host=mx.example.net ip=203.0.113.5"],
        );
    }

    #[test]
    fn qmail_visible_text_and_the_reply_not_the_give_up() {
        check(
            "Hi. This is the qmail-send program at mail.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<user@example.org>:\n203.0.113.9 does not like recipient.\nRemote host said: 550 5.1.1 <user@example.org>... No such user\nGiving up on 203.0.113.9.\n",
            expect!["550 5.1.1 userunknown - - | rcpt=user@example.org cmd=RCPT host=203.0.113.9 ip=203.0.113.9"],
        );
    }

    #[test]
    fn carrier_text_without_any_code() {
        check(
            "このメッセージは自動送信されています。\n\n次の宛先へのメッセージを配信できませんでした。\n\nuser@i.softbank.jp\n    Unknown user.\n",
            expect!["- - userunknown - - | rcpt=user@i.softbank.jp cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn office365_visible_text_without_the_technical_part() {
        check(
            "Your message to kenji@contoso.co.jp couldn't be delivered.\nkenji wasn't found at contoso.co.jp.\n\nsender    Office 365    kenji\nAction Required                 Recipient\nUnknown To address\n",
            expect!["- - userunknown - - | rcpt=kenji@contoso.co.jp cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn gmail_delay_notice() {
        check(
            "Delivery incomplete\nThere was a temporary problem delivering your message to taro@example.jp. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.\n\nThe response was:\nThe recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 [mx.example.jp. 192.0.2.10: timed out]\n",
            expect!["- - expired - - | rcpt=taro@example.jp cmd=- host=mx.example.jp ip=192.0.2.10"],
        );
    }

    #[test]
    fn postfix_fragment_with_the_host_wrapped() {
        check(
            "<sato@example.com>: host\n    example-com.mail.protection.outlook.com[198.51.100.41] said: 550 5.7.606\n    Access denied, banned sending IP [192.0.2.41] (in reply to RCPT TO command)\n",
            expect!["550 5.7.606 blocked microsoft 192.0.2.41 | rcpt=sato@example.com cmd=RCPT host=example-com.mail.protection.outlook.com ip=198.51.100.41"],
        );
    }

    #[test]
    fn telekom_smail_layout() {
        check(
            "|------------------------- Failed addresses follow: ---------------------|\n <example@t-online.de>\n   552 5.2.2 <example@t-online.de> Quota exceeded (mailbox for user is full)\n\n|------------------------- Message header follows: ----------------------|\nFrom: sender@example.org\n",
            expect!["552 5.2.2 mailboxfull - - | rcpt=example@t-online.de cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn the_notices_own_sender_is_never_the_recipient() {
        // A notice no reader knows, whose only address is the mail system's own.
        check(
            "Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n\n421 4.7.0 Try again later, closing connection.\n",
            expect!["- - undefined - - | rcpt=- cmd=- host=- ip=-"],
        );
    }

    #[test]
    fn a_reply_that_quotes_a_bounce_is_read_through_its_quotes() {
        // A whole message (a person's reply, not a forward) whose body quotes a Postfix
        // notice: its own headers name no bounce, so the quoted lines are read without "> ".
        let mail = "From: Ann <ann@example.com>\nTo: help@example.net\nSubject: Re: why did this come back?\nDate: Mon, 2 Mar 2026 10:00:00 +0900\nMessage-ID: <q1@example.com>\n\nOn Monday you wrote:\n> This is the mail system at host mail.example.com.\n>\n>                    The mail system\n>\n> <bo@example.org>: Host or domain name not found. Name service error for\n>     name=example.org type=MX: Host not found, try again\n";
        let d = crate::diagnose(mail.as_bytes());
        assert_eq!(d.reason, crate::Reason::HostUnknown);
        assert_eq!(d.recipients[0].recipient, "bo@example.org");
        assert!(!d.recipients[0].diagnostic_text.contains('>'));
    }

    #[test]
    fn empty_and_not_a_bounce() {
        check("", expect!["- - undefined - - | rcpt=- cmd=- host=- ip=-"]);
        check(
            "Hello, lunch at noon?\n",
            expect!["- - undefined - - | rcpt=- cmd=- host=- ip=-"],
        );
    }

    /// The notes of a diagnosis, as `id=detail`.
    fn notes(input: &str) -> Vec<String> {
        super::diagnose(input.as_bytes())
            .notes
            .iter()
            .map(|n| format!("{}={}", n.id, n.detail))
            .collect()
    }

    #[test]
    fn a_sending_services_host_name_on_the_refused_ips_line() {
        let sendgrid = "Diagnostic-Code: 550 \"JunkMail rejected - o1.99zz.shared.sendgrid.net \
                        [192.0.2.77]:30010 is in an RBL, see http://www.spamcop.net/bl.shtml?192.0.2.77\"\n";
        assert!(
            notes(sendgrid).contains(&"sent_through_esp=sendgrid".to_string()),
            "{:?}",
            notes(sendgrid)
        );
        // The same refusal from a host of the sender's own: no service.
        let own = sendgrid.replace("o1.99zz.shared.sendgrid.net", "mail.example.org");
        assert!(!notes(&own)
            .iter()
            .any(|n| n.starts_with("sent_through_esp")));
    }

    #[test]
    fn microsofts_outbound_pool_wording_says_the_mail_left_through_it() {
        for pool in ["outbound normal IP pools", "high-risk delivery pool"] {
            let text = format!(
                "Remote server returned '550 5.7.514 Decision Engine classified the mail item was \
                 rejected because of IP Block (from {pool}) -> 550 Rejected because 192.0.2.9 is \
                 in a black list at bl.spamcop.net'"
            );
            let want = format!("sender_on_microsoft365={pool}");
            assert!(notes(&text).contains(&want), "{:?}", notes(&text));
        }
    }

    /// The new Outlook's error when the user's own hosting SMTP refused Microsoft's cloud
    /// (held-out s, case 39, with the recipient anonymised). The address is not a documentation
    /// one on purpose: the range it is in is the point (Exchange Online's 40.104.0.0/15).
    const NEW_OUTLOOK_REFUSED: &str = "戻ってきたメールには以下のような文章が記載されています。\n\
        技術的な詳細 InvalidRecipientsException: メッセージに対して指定された受信者が無効です: \
        'kim@example.org' (554 5.7.1 <unknown[40.104.87.5]>: Client host rejected: Access denied)\n";

    #[test]
    fn microsofts_cloud_address_refused_by_the_users_own_host() {
        let d = super::diagnose(NEW_OUTLOOK_REFUSED.as_bytes());
        // The address stays the one the host refused, with its note saying whose it is.
        assert_eq!(d.blocked_ip.as_deref(), Some("40.104.87.5"));
        assert_eq!(d.blocked_ip_scope, Some(crate::IpScope::Public));
        assert!(
            notes(NEW_OUTLOOK_REFUSED).contains(&"via_microsoft_cloud=40.104.0.0/15".to_string()),
            "{:?}",
            notes(NEW_OUTLOOK_REFUSED)
        );
        // IPv6: Exchange Online's 2603:1036::/36.
        let v6 =
            NEW_OUTLOOK_REFUSED.replace("unknown[40.104.87.5]", "unknown[IPv6:2603:1036:301:2::5]");
        assert!(
            notes(&v6).contains(&"via_microsoft_cloud=2603:1036::/36".to_string()),
            "{:?}",
            notes(&v6)
        );
        // Microsoft 365's outbound servers (Exchange Online Protection) and any other address
        // are a sender's own: no note.
        for other in ["40.107.22.33", "52.101.4.5", "104.47.1.2", "192.0.2.5"] {
            let text = NEW_OUTLOOK_REFUSED.replace("40.104.87.5", other);
            assert_eq!(
                super::diagnose(text.as_bytes()).blocked_ip.as_deref(),
                Some(other)
            );
            assert!(
                !notes(&text)
                    .iter()
                    .any(|n| n.starts_with("via_microsoft_cloud")),
                "{other}: {:?}",
                notes(&text)
            );
        }
    }

    #[test]
    fn microsofts_cloud_address_in_another_notes_hands_gets_no_note() {
        // The poster's own server's log of refusing Microsoft's cloud: the log's reader runs
        // that server, and `inbound_refusal_log` says whose the address is.
        let log = "Nov 26 10:00:01 mail postfix/smtpd[123]: NOQUEUE: reject: RCPT from \
                   unknown[40.104.87.5]: 554 5.7.1 <unknown[40.104.87.5]>: Client host rejected: \
                   Access denied; from=<me@example.net> to=<kim@example.org> proto=ESMTP \
                   helo=<EX0PR01CA0001.outlook.office365.com>\n";
        let found = notes(log);
        assert!(
            found.iter().any(|n| n.starts_with("inbound_refusal_log")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|n| n.starts_with("via_microsoft_cloud")),
            "{found:?}"
        );
    }

    #[test]
    fn microsofts_cloud_address_replaces_the_microsoft365_sender_note() {
        // Exchange Online's report of a refusal by another organisation's server: from one of its
        // outbound servers, the sender is on Microsoft 365; from a client-access address, it is
        // the user's own host refusing Microsoft's cloud, and the outbound note would mislead.
        let report = |ip: &str| {
            format!(
                "Delivery has failed to these recipients or groups:\n\nkim@example.org\n\n\
                 Diagnostic information for administrators:\n\n\
                 Generating server: XX0PR01MB1234.prod.outlook.com\n\n\
                 kim@example.org\n\
                 Remote Server returned '554 5.7.1 <unknown[{ip}]>: Client host rejected: Access denied'\n"
            )
        };
        let outbound = notes(&report("40.107.22.33"));
        assert!(
            outbound
                .iter()
                .any(|n| n.starts_with("sender_on_microsoft365")),
            "{outbound:?}"
        );
        assert!(!outbound
            .iter()
            .any(|n| n.starts_with("via_microsoft_cloud")));
        let cloud = notes(&report("40.104.87.5"));
        assert!(
            cloud.contains(&"via_microsoft_cloud=40.104.0.0/15".to_string()),
            "{cloud:?}"
        );
        assert!(!cloud
            .iter()
            .any(|n| n.starts_with("sender_on_microsoft365")));
    }

    #[test]
    fn fetchmails_refused_delivery_is_the_users_own_server_refusing() {
        let log = "fetchmail: SMTP error: 554 5.7.1 Spam message rejected\n\
                   fetchmail: mail from sender@example.org bounced to user@example.net\n\
                   fetchmail: SMTP listener refused delivery\n";
        assert!(
            notes(log).contains(&"inbound_refusal_log=fetchmail".to_string()),
            "{:?}",
            notes(log)
        );
        let without = log.replace("fetchmail: SMTP listener refused delivery\n", "");
        assert!(!notes(&without)
            .iter()
            .any(|n| n.starts_with("inbound_refusal_log")));
    }
    #[test]
    fn a_final_delivery_agents_own_bounce_is_the_mailbox_servers_log() {
        // Dovecot behind Postfix's lmtp refusing a message for a mailbox over its quota.
        let log = "Jun  2 08:15:40 mx1 postfix/lmtp[2207]: 7C31E40A2B: to=<ann@example.org>, \
                   relay=mx1.example.org[/var/run/dovecot/lmtp], delay=0.2, delays=0.1/0/0/0.1, \
                   dsn=5.2.2, status=bounced (host mx1.example.org[/var/run/dovecot/lmtp] said: \
                   552 5.2.2 <ann@example.org> Mailbox is over quota (in reply to end of DATA \
                   command))";
        let want = "inbound_refusal_log=final_delivery".to_string();
        assert!(notes(log).contains(&want), "{:?}", notes(log));
        // local(8) and virtual(8) under another instance's name are the same agents.
        for agent in ["postfix/local[", "postfix-in/virtual["] {
            let other = log.replace("postfix/lmtp[", agent);
            assert!(
                notes(&other).contains(&want),
                "{agent}: {:?}",
                notes(&other)
            );
        }
        // The sending side's smtp(8) bouncing at another organisation's server is not it, nor
        // is a message the agent will try again.
        for not_it in [
            log.replace("postfix/lmtp[", "postfix/smtp["),
            log.replace("status=bounced", "status=deferred"),
        ] {
            assert!(
                !notes(&not_it)
                    .iter()
                    .any(|n| n.starts_with("inbound_refusal_log")),
                "{not_it}: {:?}",
                notes(&not_it)
            );
        }
    }

    #[test]
    fn an_aliass_destination_refusing_the_forwarder_is_refused_after_forwarding() {
        let bounce = "This is the mail system at host relay.example.org.\n\n\
                      I'm sorry to have to inform you that your message could not\n\
                      be delivered to one or more recipients.\n\n\
                      <bob@example.net> (expanded from <team@example.org>): host\n    \
                      mx.example.net[192.0.2.4] said: 550 5.7.1 Client host rejected: \
                      Access denied (in reply to RCPT TO command)\n";
        let want = "refused_after_forwarding=relay.example.org".to_string();
        assert!(notes(bounce).contains(&want), "{:?}", notes(bounce));
        // Without the banner the alias's domain names the forwarder.
        let bare = bounce.replace("This is the mail system at host relay.example.org.", "");
        assert!(
            notes(&bare).contains(&"refused_after_forwarding=example.org".to_string()),
            "{:?}",
            notes(&bare)
        );
        // No alias, or an alias whose destination mailbox does not exist: not the forwarder.
        let direct = bounce.replace(" (expanded from <team@example.org>)", "");
        // A local alias of the sending machine itself ("<root>", "<me@myhost>"): its own mail.
        let local = bounce.replace("<team@example.org>", "<me@myhost>");
        let bare_local = bounce.replace("<team@example.org>", "<root>");
        let unknown = bounce.replace(
            "550 5.7.1 Client host rejected: Access denied",
            "550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown",
        );
        for not_it in [direct, local, bare_local, unknown] {
            assert!(
                !notes(&not_it)
                    .iter()
                    .any(|n| n.starts_with("refused_after_forwarding")),
                "{not_it}: {:?}",
                notes(&not_it)
            );
        }
    }

    /// (recipient, original recipient) of each recipient.
    fn led(input: &str) -> Vec<(String, Option<String>)> {
        super::diagnose(input.as_bytes())
            .recipients
            .into_iter()
            .map(|r| (r.recipient, r.original_recipient))
            .collect()
    }

    #[test]
    fn the_address_an_alias_or_a_forwarding_led_to_is_the_recipient() {
        let one = |r: &str, o: Option<&str>| vec![(r.to_string(), o.map(str::to_string))];
        // Postfix pasted alone, and Exim's visible text.
        let postfix = "<Bob@example.net> (expanded from <Team@example.org>): host\n    \
                       mx.example.net[192.0.2.4] said: 550 5.1.1 <bob@example.net>: \
                       Recipient address rejected: User unknown (in reply to RCPT TO command)\n";
        assert_eq!(
            led(postfix),
            one("bob@example.net", Some("team@example.org"))
        );
        let exim = "This message was created automatically by mail delivery software.\n\n\
                    A message that you sent could not be delivered to one or more of its\n\
                    recipients. This is a permanent error. The following address(es) failed:\n\n  \
                    ann@example.net\n    (generated from sales@example.org)\n    \
                    SMTP error from remote mail server after RCPT TO:<ann@example.net>:\n    \
                    550 5.1.1 No such user here\n";
        assert_eq!(led(exim), one("ann@example.net", Some("sales@example.org")));
        // Sendmail's report: the real problem address is the recipient, the one the RCPT named
        // is what was written.
        let sendmail = "Content-Type: multipart/report; boundary=\"b\"\n\n--b\n\
                        Content-Type: message/delivery-status\n\n\
                        Reporting-MTA: dns; relay.example.org\n\n\
                        Final-Recipient: RFC822; yuki@example.org\n\
                        X-Actual-Recipient: RFC822; yuki.home@example.net\n\
                        Action: failed\nStatus: 5.1.1\n\
                        Diagnostic-Code: SMTP; 550 5.1.1 User unknown\n--b--\n";
        assert_eq!(
            led(sendmail),
            one("yuki.home@example.net", Some("yuki@example.org"))
        );
        // Postfix writes Original-Recipient for every recipient: the same address is no alias.
        let same = postfix.replace("(expanded from <Team@example.org>)", "");
        assert_eq!(led(&same), one("bob@example.net", None));
    }

    #[test]
    fn code_less_sentences_an_expert_knows_are_read() {
        let d = super::diagnose(
            b"Our mail came back: \"Please contact your Internet service provider since part of \
              their network is on our block list. You can also refer your provider to \
              http://mail.live.com/mail/troubleshooting.aspx#errors.\"\n",
        );
        assert_eq!(
            (d.reason, d.blocking_party),
            (crate::Reason::Blocked, Some(crate::Party::OutlookCom))
        );
        let d = super::diagnose(
            b"Recipient address rejected: Please try again later!\n\nWhat did the server mean?\n",
        );
        assert_eq!(d.recipients.len(), 1, "{:?}", d.notes);
        assert_eq!(d.recipients[0].action, "delayed");
        // Microsoft 365's diagram, copied from the web page as a table.
        let table = "example.org | Office 365 | Constituent\n-- | -- | --\nAction Required |   | \
                     Recipient\n  |   |  \nUnknown To address |   |\n";
        assert_eq!(
            super::diagnose(table.as_bytes()).reason,
            crate::Reason::UserUnknown
        );
        // The caption's words without the diagram are no bounce.
        let words = "Is there an unknown To address in this list?\n";
        assert_ne!(
            super::diagnose(words.as_bytes()).reason,
            crate::Reason::UserUnknown
        );
    }

    #[test]
    fn googles_dmarc_sentence_with_its_lines_joined_names_gmail() {
        let joined = "550-5.7.26 Unauthenticated email from example.org is not accepted due to \
                      domain's/550-5.7.26 DMARC policy. Please contact the administrator of \
                      example.org domain/550-5.7.26 if this was a legitimate mail.\n";
        let d = super::diagnose(joined.as_bytes());
        assert_eq!(
            (d.reason, d.blocking_party),
            (crate::Reason::AuthFailure, Some(crate::Party::Gmail))
        );
    }

    /// The reason and the notes of a diagnosis.
    fn read(input: &str) -> (crate::Reason, Vec<String>) {
        (super::diagnose(input.as_bytes()).reason, notes(input))
    }

    #[test]
    fn a_client_on_the_logging_host_itself_is_not_another_server() {
        let log = "Mar  3 10:00:00 mail postfix/smtpd[4242]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname; from=<app@example.com> to=<ann@example.org> proto=ESMTP helo=<localhost>";
        assert!(!notes(log)
            .iter()
            .any(|n| n.starts_with("inbound_refusal_log")));
        let v6 = log.replace("localhost[127.0.0.1]", "localhost[::1]");
        assert!(!notes(&v6)
            .iter()
            .any(|n| n.starts_with("inbound_refusal_log")));
        // Another host stays another server.
        let other = log.replace("localhost[127.0.0.1]", "mx.example.org[192.0.2.8]");
        assert!(notes(&other).contains(&"inbound_refusal_log=mx.example.org[192.0.2.8]".into()));
    }

    #[test]
    fn access_denied_at_submission_is_the_own_servers_restriction() {
        let rainloop = "SMTP[ERROR]: MailSo\\Smtp\\Exceptions\\NegativeResponseException: Failed \
                        to add recipient \"bob@example.org\": 554 5.7.1 <bob@example.org>: \
                        Recipient address rejected: Access denied in /srv/webmail/SmtpClient.php:794\n";
        let (reason, found) = read(rainloop);
        assert_eq!(reason, crate::Reason::SecurityError, "{found:?}");
        assert!(
            found.contains(&"refused_at_submission=rainloop".into()),
            "{found:?}"
        );
        // The same reply in a bounce from the recipient's side keeps Sisimai's reading.
        let bounce = "<bob@example.org>: host mx.example.org[192.0.2.8] said: 554 5.7.1 \
                      <bob@example.org>: Recipient address rejected: Access denied (in reply to \
                      RCPT TO command)\n";
        assert_eq!(read(bounce).0, crate::Reason::UserUnknown);
    }

    #[test]
    fn united_internets_domain_dns_refusal_names_the_sender_domain_at_its_mx() {
        // At the recipient's MX (a bounce the sender's server wrote): the sender's domain.
        let bounce = "<bo@example.net>: host mx.example.net[192.0.2.15] said: 550-Requested \
                      action not taken: mailbox unavailable 550 invalid DNS MX or A/AAAA \
                      resource record (in reply to MAIL FROM command)\n";
        let (reason, found) = read(bounce);
        assert_eq!(reason, crate::Reason::Rejected, "{found:?}");
        // At submission (Thunderbird's alert): the recipient's domain.
        let alert = "An error occurred while sending mail. The mail server responded:  \
                     Requested action not taken: mailbox unavailable\ninvalid DNS MX or A/AAAA \
                     resource record. Please check the message recipient bo@example.net and try \
                     again.\n";
        let (reason, found) = read(alert);
        assert_eq!(reason, crate::Reason::HostUnknown, "{found:?}");
    }

    #[test]
    fn a_from_that_is_not_the_login_is_a_login_mismatch() {
        for reply in [
            "Email delivery error: 501 mail from address must be same as authorization user",
            "Expected response code 250 but got code \"553\", with message \"553 5.7.1 Sender \
             address rejected: not owned by auth user.\"",
        ] {
            let (reason, found) = read(reply);
            assert_eq!(reason, crate::Reason::Rejected, "{reply}");
            assert!(
                found.iter().any(|n| n.starts_with("sender_login_mismatch")),
                "{found:?}"
            );
        }
    }

    #[test]
    fn nodemailers_refused_message_is_a_send_error() {
        let (_, found) = read("Error: Message failed: 554 5.7.1 Message rejected as spam\n    at SMTPConnection._formatError (/srv/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)\n");
        assert!(
            found.contains(&"refused_at_submission=nodemailer".into()),
            "{found:?}"
        );
        // The words further down a long text are not looked for.
        let far = format!(
            "{}\nError: Message failed: 554 5.7.1 rejected\n",
            "x ".repeat(200)
        );
        assert!(!notes(&far)
            .iter()
            .any(|n| n.starts_with("refused_at_submission")));
    }

    #[test]
    fn gmail_refused_by_its_relay_is_the_senders_own_server() {
        let notice = "Delivery to the following recipient failed permanently:\n\n     kim@example.org\n\n\
                      Technical details of permanent failure:\nGoogle tried to deliver your message, but it \
                      was rejected by the relay smtp.example.net by smtp.example.net. [192.0.2.7].\n\
                      The error that the other server returned was:\n550 5.7.1 <me@example.net>... Command rejected\n";
        assert!(
            notes(notice).contains(&"refused_at_submission=gmail_send_as".into()),
            "{:?}",
            notes(notice)
        );
        // Gmail's usual notice, refused by the recipient's own server: no such note.
        let usual = notice.replace(
            "rejected by the relay",
            "rejected by the server for the recipient domain",
        );
        assert!(!notes(&usual)
            .iter()
            .any(|n| n.starts_with("refused_at_submission")));
    }

    #[test]
    fn a_programs_error_quoting_the_recipients_provider_is_no_submission_refusal() {
        // Python's smtplib talking straight to Gmail's receiving server (held-out z 03): Gmail's
        // words are about mail sent to Gmail, so no outgoing server of the sender's refused it.
        let direct = "reply: retcode (550); Msg: b'5.7.1 [192.0.2.7] Gmail has detected that \
                      this message is\\n5.7.1 likely unsolicited mail. To reduce the amount of \
                      spam sent to Gmail,\\n5.7.1 this message has been blocked. For more \
                      information, go to\\n5.7.1  https://support.google.com/mail/?p=\
                      UnsolicitedMessageError x1y2 - gsmtp'\n\
                      data: (550, b'5.7.1 [192.0.2.7] Gmail has detected that this message is')\n";
        let d = crate::diagnose(direct.as_bytes());
        assert_eq!(d.blocking_party, Some(crate::Party::Gmail));
        assert!(
            !d.notes.iter().any(|n| n.id == "refused_at_submission"),
            "{:?}",
            d.notes
        );
        // Gmail's outgoing server refusing its own user's mail keeps the note.
        let own = "smtplib.SMTPDataError: (550, b'5.4.5 Daily user sending limit exceeded. \
                   For more information on Gmail sending limits go to\\n5.4.5  \
                   https://support.google.com/a/answer/166852 x1y2 - gsmtp')\n";
        assert!(
            notes(own).contains(&"refused_at_submission=python".into()),
            "{:?}",
            notes(own)
        );
    }

    #[test]
    fn a_session_that_logged_in_was_refused_by_the_own_server() {
        let session = "EHLO client.example.com\n250-mail.example.com\nAUTH PLAIN AGFubgBzZWNyZXQ=\n\
                       235 2.7.0 Authentication successful\nMAIL FROM:<ann@example.com>\n250 2.1.0 Ok\n\
                       RCPT TO:<bob@example.org>\n250 2.1.5 Ok\nDATA\n354 End data with <CR><LF>.<CR><LF>\n\
                       Subject: test\n\ntest\n.\n550 5.7.1 Message rejected\nQUIT\n";
        assert!(notes(session).contains(&"refused_at_submission=smtp_session".into()));
        // Without the login, the server may be anyone's.
        let anonymous = session.replace("235 2.7.0 Authentication successful\n", "");
        assert!(!notes(&anonymous)
            .iter()
            .any(|n| n.starts_with("refused_at_submission")));
    }

    #[test]
    fn a_typed_phrase_without_a_code_is_read() {
        for (typed, want) in [
            (
                "my email bounced back saying Relay access denied",
                crate::Reason::NoRelaying,
            ),
            (
                "The bounce just says: User unknown.",
                crate::Reason::UserUnknown,
            ),
            (
                "it came back with \"Mailbox full\"",
                crate::Reason::MailboxFull,
            ),
        ] {
            assert_eq!(read(typed).0, want, "{typed}");
        }
        // Not in a long text of something else.
        let long = format!("{} user unknown", "Minutes of the meeting. ".repeat(20));
        assert!(notes(&long).contains(&"not_a_bounce=".into()));
    }

    #[test]
    fn round_o_readings() {
        let sum = |t: &str| crate::diagnose(t.as_bytes()).summary();
        // A Postfix delivery-status group pasted without its blank line: the X-Postfix fields
        // share the block with the recipient fields, and it is still a report.
        let dsn = "Reporting-MTA: dns; out.example.net\nX-Postfix-Queue-ID: 4F1A2B3C\n\
                   X-Postfix-Sender: rfc822; clerk@example.net\n\
                   Final-Recipient: rfc822; buyer@example.org\nAction: failed\nStatus: 5.7.1\n\
                   Diagnostic-Code: smtp; 554 5.7.1 Spam message rejected\n";
        assert!(
            sum(dsn).starts_with("554 5.7.1 spamdetected"),
            "{}",
            sum(dsn)
        );
        // Without the recipient fields the same X- lines are still a header block.
        let mail = "X-Postfix-Queue-ID: 4F1A2B3C\nSubject: hello\n\nsee you\n";
        assert!(crate::diagnose(mail.as_bytes()).is_not_a_bounce());
        for (text, want) in [
            // The address inside Exchange Online's sentence does not hide it.
            (
                "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient buyer@example.org not found by SMTP address lookup",
                "550 5.1.10 userunknown",
            ),
            // The words beat the 5.2.0 code's filter default.
            ("it bounced with 550 5.2.0 No such mailbox", "550 5.2.0 userunknown"),
            (
                "SERVER -> CLIENT: 550 5.4.5 Daily user sending quota exceeded. x1y2 - gsmtp",
                "550 5.4.5 speeding",
            ),
            (
                "host mx.example.org[192.0.2.9] refused to talk to me: 421 Refused. Your reverse DNS entry does not resolve to an IP.",
                "421 - requireptr",
            ),
            // A 4xx reply with a 5.x.x status keeps the reply the server wrote.
            (
                "Connected to 192.0.2.9 but sender was rejected.\nRemote host said: 450 5.7.1 192.0.2.7: Poor Reputation Sender",
                "450 5.7.1 badreputation",
            ),
            ("Diagnostic-Code: smtp; 550 5.2.5 Folder full", "550 5.2.5 mailboxfull"),
            (
                "SMTP Error (554): Failed to add recipient \"buyer@example.org\" (Refused. Sending to remote addresses (relaying) is not allowed.)",
                "554 - norelaying",
            ),
            (
                "Message rejected by Google Groups. Please visit https://support.google.com/ to review our Bulk Email Senders Guidelines.",
                "- - spamdetected",
            ),
        ] {
            assert!(sum(text).starts_with(want), "{text}: {}", sum(text));
        }
        // The top of a Postfix notice, cut before the recipient part (the notice's own sender
        // named in between): a bounce cut short, not "not a bounce".
        let top = "This is the mail system at host mail.example.net.\n\nsent by \
                   MAILER-DAEMON@mail.example.net\n\nI'm sorry to have to inform you that your \
                   message could not\nbe delivered to one or more recipients.\n\n\
                   \x20                  The mail system\n";
        let cut = crate::diagnose(top.as_bytes());
        assert!(!cut.is_not_a_bounce());
        assert!(cut.notes.iter().any(|n| n.id == "input_truncated"));
        // With the recipient part there, it is read as usual.
        let whole = format!("{top}\n<buyer@example.org>: host mx.example.org[192.0.2.9] said: 550 5.1.1 User unknown (in reply to RCPT TO command)\n");
        let read = crate::diagnose(whole.as_bytes());
        assert_eq!(read.reason, crate::Reason::UserUnknown);
        assert!(!read.notes.iter().any(|n| n.id == "input_truncated"));
    }
}

#[cfg(test)]
mod passed_on_and_cut_replies {
    //! The reply read whole and only the reply: Exchange passing on the next server's refusal,
    //! a wrapped refusal naming the sender's address, a qmail report pasted with words after it.

    fn first(input: &str) -> (crate::Diagnosis, String) {
        let d = crate::diagnose(input.as_bytes());
        let text = d
            .recipients
            .first()
            .map(|r| r.diagnostic_text.clone())
            .unwrap_or_default();
        (d, text)
    }

    const OUTLOOK_PASSED_ON: &str = "Delivery has failed to these recipients or groups:\n\n\
        info@example.net\nYour message couldn't be delivered.\n\n\
        Diagnostic information for administrators:\n\n\
        Generating server: AB1PR01MB0001.eurprd01.prod.outlook.com\n\n\
        info@example.net\n\
        Remote Server returned '550 5.0.350 Remote server returned an error -> {INNER}'\n\n\
        Original message headers:\n\n\
        From: Taro <taro@example.com>\nTo: info@example.net\nSubject: Invoice\n";

    #[test]
    fn exchange_5_0_350_gives_the_passed_on_reply_code() {
        let input = OUTLOOK_PASSED_ON.replace(
            "{INNER}",
            "554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554 [Ab1Cd2.uk1]",
        );
        let (d, text) = first(&input);
        assert_eq!(d.smtp_code.as_deref(), Some("554"));
        assert_eq!(d.recipients[0].reply_code.as_deref(), Some("554"));
        // The inner reply has no enhanced code: Exchange's own stays.
        assert_eq!(d.enhanced_code.as_deref(), Some("5.0.350"));
        assert_eq!(d.blocking_party, Some(crate::Party::Mimecast));
        assert!(text.starts_with("550 5.0.350 Remote server returned an error -> 554 "));
    }

    #[test]
    fn exchange_5_0_350_gives_the_passed_on_enhanced_code() {
        let input = OUTLOOK_PASSED_ON.replace(
            "{INNER}",
            "553 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org",
        );
        let (d, _) = first(&input);
        assert_eq!(d.smtp_code.as_deref(), Some("553"));
        assert_eq!(d.enhanced_code.as_deref(), Some("5.7.1"));
        assert_eq!(d.blocked_ip.as_deref(), Some("192.0.2.7"));
    }

    #[test]
    fn a_wrapped_refusal_goes_on_through_the_address_it_names() {
        // ZMailer's refusal of the envelope sender, quoted in a list mail, the quote wrapping it
        // before the address.
        let input = "From: Taro <taro@example.com>\nDate: Tue, 14 Nov 2006 11:58:54 -0800\n\n\
            > I can't seem to email the list. What's up with this?\n> \n\
            >    SMTP error from remote mail server after MAIL\n\
            > FROM:<taro@example.com> SIZE=1681:\n\
            >     host lists.example.org [198.51.100.167]: 553 5.7.1\n\
            > Hello [203.0.113.8], for your MAIL FROM address\n\
            > <taro@example.com> policy analysis reported:\n\
            >     Your address is not liked source for email\n\n\
            You were banned.\n";
        let (d, text) = first(input);
        assert_eq!(
            text,
            "553 5.7.1 Hello [203.0.113.8], for your MAIL FROM address <taro@example.com> \
             policy analysis reported: Your address is not liked source for email"
        );
        // The address after "MAIL FROM address" is the sender's, no recipient.
        assert_ne!(d.recipients[0].recipient, "taro@example.com");
    }

    #[test]
    fn a_recipient_line_after_a_reply_is_still_a_recipient() {
        // Postfix's "<address>: host ... said:" lines each start a recipient: only lower-case
        // words after the address make it the reply's.
        let input = "<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown user address\n\
            <b@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 unknown user address\n";
        let d = crate::diagnose(input.as_bytes());
        let rcpts: Vec<&str> = d.recipients.iter().map(|r| r.recipient.as_str()).collect();
        assert_eq!(rcpts, ["a@example.org", "b@example.org"]);
    }

    const QMAIL: &str = "Hi. This is the qmail-send program at mail.example.net.\n\
        I'm afraid I wasn't able to deliver your message to the following addresses.\n\
        This is a permanent error; I've given up. Sorry it didn't work out.\n\
        <user@example.org>:\n\
        Connected to 192.0.2.9 but sender was rejected.\n";

    #[test]
    fn a_qmail_reply_ends_before_the_posters_own_words() {
        let input = format!(
            "{QMAIL}Remote host said: 554 Defined SPAM source: bl.spamcop.net\n\
             What does this mean ?\nThanks\n"
        );
        let (_, text) = first(&input);
        assert_eq!(text, "554 Defined SPAM source: bl.spamcop.net");
    }

    #[test]
    fn a_qmail_reply_ends_at_the_empty_line_and_the_enclosed_headers() {
        let input = format!(
            "{QMAIL}Remote host said: 554 Defined SPAM source: bl.spamcop.net\n\n\
             Can anyone help?\n\n\
             --- Enclosed are the original headers of the message.\n\
             From: taro@example.com\n"
        );
        let (_, text) = first(&input);
        assert_eq!(text, "554 Defined SPAM source: bl.spamcop.net");
    }

    #[test]
    fn a_wrapped_qmail_reply_stays_whole() {
        let input = format!(
            "{QMAIL}Remote host said: 550 5.7.1 Service unavailable, Client host [192.0.2.1]\n\
             blocked using Spamhaus. To request removal from this list see\n\
             https://www.spamhaus.org/query/ip/192.0.2.1\n\
             Giving up on 192.0.2.9.\n"
        );
        let (_, text) = first(&input);
        assert!(
            text.ends_with("https://www.spamhaus.org/query/ip/192.0.2.1"),
            "{text}"
        );
        let input = format!(
            "{QMAIL}Remote host said: 550-5.7.1 Please visit\n\
             550-5.7.1 https://support.google.com/mail/answer/2451690 to learn about\n\
             DMARC\n\
             550 5.7.1 initiative. - gsmtp\n"
        );
        let (_, text) = first(&input);
        assert!(text.ends_with("initiative. - gsmtp"), "{text}");
    }
}
