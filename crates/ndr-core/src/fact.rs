//! From what a reader found about each recipient to the final facts: cleaned diagnostic text,
//! preferred status code, reply code, remote host, reason, hard or soft bounce.

use crate::decode::Mail;
use crate::matcher::PatternSet;
use crate::mta::{self, Delivery, Rising};
use crate::smtp::{self, command, reply, status};
use crate::{address, lda, reason, rhost, text, Reason};
use std::sync::OnceLock;

/// One recipient's facts, while and after deciding the reason.
#[derive(Debug, Default, Clone)]
pub(crate) struct Fact {
    pub recipient: String,
    pub action: String,
    /// Enhanced status code (possibly a pseudo code `5.0.9NN` once the reason is known).
    pub status: String,
    pub reply_code: String,
    /// The cleaned diagnostic text.
    pub diagnosis: String,
    /// Diagnostic-Code type: SMTP, X-UNIX, ...
    pub diag_type: String,
    pub command: String,
    pub rhost: String,
    pub lhost: String,
    pub reason: Option<Reason>,
    pub hard_bounce: bool,
    /// The recipient's domain.
    pub destination: String,
    /// The original sender's domain.
    pub sender_domain: String,
    /// The original sender's address, when `sender_domain` was read from one the bounce shows
    /// and it is a sender's (`is_shown_sender`), or "". Its domain is `sender_domain`.
    pub sender_address: String,
    /// The returned message's own `Date:` field as written (when the sender sent it), or "".
    /// Without one, a pasted notice's own time from the block a mail program shows above it
    /// (`visible_head`), unless the recipient was only delayed or expired: then the notice came
    /// long after the mail was sent.
    pub sent_at: String,
    /// The returned message's own `Subject:` (`returned_subject`); without one, the subject a
    /// pasted notice's block shows (`visible_head`); or "".
    pub subject: String,
    /// The remote server's IP when the bounce names it.
    pub remote_ip: Option<String>,
    /// The diagnostic text as shown, when it differs from `diagnosis` (which the reasons are
    /// decided on): with the reply code of a multi-line reply kept in place.
    pub shown: String,
    /// The bounce is text a person copied (a fragment, the visible text, a mail program's
    /// few header lines), not a whole message as a mail system wrote it (`is_whole_message`).
    pub pasted: bool,
    /// The address the sender wrote, when an alias or a forwarding led it to `recipient`
    /// (`original.rs`).
    pub original: Option<String>,
}

/// Header fields of the returned message that name its sender, in order of trust.
/// Last, Postfix's `X-Postfix-Sender:` (the envelope sender), which its reader keeps from the
/// report's fields when no returned message came with them (a pasted Postfix bounce).
/// Then, read in the same pass, the message's `Date:` (`sent_at`) and `Subject:` (`subject`).
const ORIGINAL_FIELDS: &[&str] = &[
    "from",
    "return-path",
    "sender",
    "reply-to",
    "errors-to",
    "x-postfix-sender",
    "date",
    "subject",
];

/// The longest subject kept, in characters: enough to find the message in a Sent folder or a
/// server's log; a longer one is cut with "…".
const MAX_SUBJECT_CHARS: usize = 200;

/// The returned message's own `Subject:` as the letters may quote it: encoded words read as
/// the decoder read them (`Mail::returned_subjects`; a subject whose words it did not decode is
/// not shown as written), then as `shown_subject` keeps it.
fn returned_subject(written: &str, mail: &Mail) -> String {
    let read = if text::contains(written, "=?") {
        match mail.returned_subjects.iter().find(|(w, _)| w == written) {
            Some((_, read)) => read.as_str(),
            None => return String::new(),
        }
    } else {
        written
    };
    shown_subject(read, mail)
}

/// A subject of the returned message, as read (its own `Subject:`, or the one behind the prefix
/// of the notice's visible header block, `visible_head`), as the letters may quote it: no
/// control characters, at most `MAX_SUBJECT_CHARS`. Empty when it did not read as text
/// (U+FFFD: bytes of a charset other than its label's, lhost-postfix-09) or is a notice's own
/// subject (a bounce of a bounce, `mta::is_notice_subject`, or the bounce's own Subject
/// repeated): it would name no mail the sender wrote.
pub(crate) fn shown_subject(read: &str, mail: &Mail) -> String {
    if read.contains('\u{fffd}')
        || mta::is_notice_subject(read)
        || read.trim() == mail.subject().trim()
    {
        return String::new();
    }
    let mut out = String::new();
    for (n, c) in read.trim().chars().enumerate() {
        if n == MAX_SUBJECT_CHARS {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// Builds the final facts of every recipient a reader found.
pub(crate) fn build(mail: &Mail, rising: Rising) -> Vec<Fact> {
    let mut original = mta::first_headers(&rising.rfc822, ORIGINAL_FIELDS);
    let subject = returned_subject(&original.pop().unwrap_or_default(), mail);
    let sent_at = original.pop().filter(|d| is_a_date(d)).unwrap_or_default();
    // The returned message's own header fields first; then the notice's own account of the
    // message (a pasted Microsoft notice, which no reader took as a returned message); then
    // the receiver's words about the sender ("Unauthenticated email from example.net is not
    // accepted"), which name the From: domain the receiver judged; then the bounce's To:, the
    // envelope sender, which may be a mailing service's bounce address.
    let recipients = || rising.deliveries.iter().map(|d| d.recipient.as_str());
    // An address gives the domain, and itself when it is a sender's own (`is_shown_sender`).
    let shown = |a: String| {
        let domain = address::domain(&a)?;
        let a = is_shown_sender(&a, recipients()).then_some(a);
        Some((a, domain))
    };
    let (sender_address, sender_domain) = original
        .iter()
        .map(String::as_str)
        .find_map(address::find)
        .and_then(shown)
        .or_else(|| {
            rising
                .rfc822
                .trim()
                .is_empty()
                .then(|| sender_in_notice(&mail.body))
                .flatten()
                .and_then(shown)
        })
        .or_else(|| {
            rising
                .deliveries
                .iter()
                .find_map(|d| sender_named(&d.diagnosis))
                .and_then(|named| match named {
                    Named::Address(a) => shown(a),
                    Named::Domain(d) => Some((None, d)),
                })
        })
        // Not a forward's To ("Subject: FW: Undeliverable: ..."): whoever forwarded the
        // notice wrote to someone else (a helpdesk), who sent nothing.
        .or_else(|| {
            (!mail.is_forward())
                .then(|| address::find(mail.header("to")))
                .flatten()
                .and_then(shown)
        })
        .or_else(|| {
            mail.headers
                .is_empty()
                .then(|| sender_in_visible_head(&mail.body, &rising.deliveries))
                .flatten()
                .and_then(shown)
        })
        .or_else(|| {
            mail.headers
                .is_empty()
                .then(|| sender_in_log(&mail.body))
                .flatten()
                .and_then(shown)
        })
        .map(|(a, d)| (a.unwrap_or_default(), d))
        .unwrap_or_default();
    let pasted = !is_whole_message(mail);
    // Asked only when a recipient has no action of its own: the notice is read for the
    // warning's words at most once, and not at all when every report says what happened.
    let mut warning: Option<bool> = None;
    // Likewise whether the notice says delivery failed (`FAILURE_NOTICE`), at most once.
    let mut failure: Option<bool> = None;
    let mut facts = Vec::with_capacity(rising.deliveries.len());
    // Where an alias or a forwarding led each recipient, as the bounce's own words say.
    let mut led = crate::original::Matcher::new(crate::original::read(&mail.body));
    for mut d in rising.deliveries {
        // A warning that the server is still retrying: recipients whose report gave no action
        // of their own are delayed, not failed. An explicit DSN `Action:` stands.
        if d.action.trim().is_empty() && *warning.get_or_insert_with(|| is_delay_warning(mail)) {
            d.action = "delayed".into();
        }
        // An automatic reply pasted without its header fields names nobody; it is kept, so
        // that it is told as an auto-reply rather than as text that is not a bounce.
        if d.agent == mta::autoreply::AGENT && d.recipient.is_empty() {
            facts.push(one(d, &sender_domain, pasted));
            continue;
        }
        // A copied reply line names no recipient, nor does a feedback report about a message
        // to undisclosed recipients or a pasted read receipt that shows only a name, nor a mail program's error about the sender's own address; other formats without an address are not kept.
        // An address hidden before pasting ("admin@***") is kept as written: the report's
        // reason and codes still hold.
        if !(address::is_email(&d.recipient)
            || address::is_redacted(&d.recipient)
            || matches!(
                d.agent,
                "Generic"
                    | "ARF"
                    | mta::mdn::AGENT
                    | mta::mailprogram::AGENT
                    | mta::exchange2003::VISIBLE_AGENT
                    // A server's line a Go program logged with the connection, no address.
                    | mta::shortresponse::AGENT
                    // A sending service's "delivery-status" pasted without its event.
                    | "Webhook"
                    // Google Groups' notice pasted without its header, which names the group
                    // only by its name.
                    | mta::google::GROUPS_AGENT
            ) && d.recipient.is_empty())
        {
            continue;
        }
        let had_action = !d.action.trim().is_empty();
        let program = d.agent == mta::mailprogram::AGENT;
        // Before the facts are read: the refused address (Sendmail's X-Actual-Recipient) is the
        // recipient whose domain the rules look at.
        let original = led.take(&mut d.recipient);
        let mut f = one(d, &sender_domain, pasted);
        f.original = original;
        if !had_action
            && !program
            && f.action == "failed"
            && pasted_deferral(&f)
            && !*failure.get_or_insert_with(|| notice_says_failure(mail))
        {
            // A temporary reply pasted alone (a log line, a client's error, "421 Connection
            // went away") with nothing saying the sending server gave up: a server that got
            // it keeps the message and tries again, so the delivery is delayed, whatever the
            // reason. A mail program's own send error is no queue and does not retry.
            f.action = "delayed".into();
        }
        if !had_action && f.action == "delayed" && deferred_by_mimecast(&f) && notice_gave_up(mail)
        {
            // Mimecast's deferral in a notice that says the sender's server gave up (a Postfix
            // or Exim bounce after the queue lifetime): the last try was refused for good.
            f.action = "failed".into();
        }
        if (f.action == "delayed" || (f.action == "failed" && !program))
            && f.command == "CONN"
            && matches!(f.reason, Some(Reason::OnHold | Reason::Undefined))
        {
            // A connection the sending server could not open, in a notice that it still
            // retries ("delivery temporarily suspended: connect to ...: Network is
            // unreachable"): no reply names a reason, and Sisimai's reason for a delay whose
            // words name none is `expired` (go-sisimai reason/find.go, "if reasontext == \"\"
            // && fo.Action == \"delayed\""). The action was known only after the reason.
            // The same words in a notice that the server gave up are its last try: Postfix
            // reports a connection it could not open with status 4.4.1 ("connect to
            // %s[%s]:%d: %m", postfix/src/smtp/smtp_connect.c), which Sisimai reads as
            // `expired`, so a text pasted without its DSN part reads as the whole bounce does
            // (conn-01). A mail program's own send error is no queue that gave up.
            f.reason = Some(Reason::Expired);
            if status::is_pseudo(&f.status) {
                f.status = status::pseudo_code(Reason::Expired, f.status.starts_with('4'));
            }
        }
        facts.push(f);
    }
    // The notice's own block at the top of a paste: the time it came back, which is when a
    // refusal at delivery happened (not for a delay, or for a server that gave up after days),
    // and the returned message's subject.
    let head = crate::visible_head::read(mail).unwrap_or_default();
    let late = |f: &Fact| f.action == "delayed" || f.reason == Some(Reason::Expired);
    let from_head = sent_at.is_empty() && !head.sent.is_empty() && !facts.iter().any(late);
    let sent_at = if from_head { head.sent } else { sent_at };
    for f in &mut facts {
        f.sent_at.clone_from(&sent_at);
        f.sender_address.clone_from(&sender_address);
        f.subject.clone_from(if subject.is_empty() {
            &head.subject
        } else {
            &subject
        });
    }
    facts
}

/// A `Date:` value worth showing as the time the mail was sent: short, with a year of this or
/// the last century (RFC 5322's `date-time`, "Mon, 27 Mar 2017 14:52:05 +0200"; obsolete forms
/// vary, so only the four-digit year is asked for). The returned header is the sender's own
/// program's, but the bounce is untrusted input: anything else is not shown.
pub(crate) fn is_a_date(v: &str) -> bool {
    v.len() <= 80
        && v.split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

/// True when the notice's subject or its start says the sending server gave up (`GAVE_UP`).
fn notice_gave_up(mail: &Mail) -> bool {
    let head = text::clip(&mail.body, WARNING_WINDOW);
    gave_up(mail.subject()) || gave_up(head)
}

/// Headlines of notices that report a failure, not a delay: a temporary reply under one of
/// them was the last try of a server that gave up. Postfix: "I'm sorry to have to inform you
/// that your message could not be delivered" (Subject "Undelivered Mail Returned to Sender");
/// qmail: "I wasn't able to deliver your message"; Exchange: "Delivery has failed to these
/// recipients or groups" (Subject "Undeliverable:"); Exim: Subject "Mail delivery failed".
const FAILURE_NOTICE: &[&str] = &[
    "could not be delivered",
    "couldn't be delivered",
    "wasn't able to deliver",
    "delivery has failed",
    "mail delivery failed",
    "undeliverable",
    "undelivered mail returned",
    "returned mail",
    "failure notice",
    "message not delivered",
    // Postfix's headline as its bounce(8) template wraps it: "I'm sorry to have to inform you
    // that your message could not\nbe delivered ...", so the words above miss it pasted
    // without its Subject. Source: Postfix bounce(5), the default failure template.
    "i'm sorry to have to inform you that your message could not",
];

/// True when the notice's subject or start says delivery failed (`FAILURE_NOTICE`, `GAVE_UP`).
fn notice_says_failure(mail: &Mail) -> bool {
    let head = text::clip(&mail.body, WARNING_WINDOW);
    notice_gave_up(mail)
        || says_any(mail.subject(), FAILURE_NOTICE)
        || says_any(head, FAILURE_NOTICE)
}

/// Reasons of a temporary reply that the retries themselves can get past: a connection or a
/// server that fails for now, a rate or load limit, a mailbox or domain that may be back, or
/// words that name no cause. A 4xx refusal of the sender's address, of relaying, or by a block
/// or an authentication check goes on until someone fixes it, so it stays a failure to act on
/// (a server's own inbound log of a relay refusal, the "No valid MX for your FROM address" of
/// a sender domain without MX).
const CLEARS_WHILE_RETRYING: &[Reason] = &[
    Reason::Expired,
    Reason::NetworkError,
    Reason::SystemError,
    Reason::SystemFull,
    Reason::TooManyConn,
    Reason::Speeding,
    Reason::BadReputation,
    Reason::MailboxFull,
    Reason::HostUnknown,
    // RFC 3463 X.3.2, "System not accepting network messages": the host says it does not
    // take mail at present; with a 4xx reply that is for now ("451 4.3.2 Please try again
    // later"), not a refusal of the sender.
    Reason::NotAccept,
    Reason::OnHold,
    Reason::Undefined,
];

/// A pasted temporary reply that says nothing of giving up: class 4 status, no permanent
/// reply code, not X.4.7 ("delivery time expired", RFC 3463), no "expired", no `GAVE_UP`,
/// and a reason that can clear while the server retries (`CLEARS_WHILE_RETRYING`).
fn pasted_deferral(f: &Fact) -> bool {
    (f.reason.is_none_or(|r| CLEARS_WHILE_RETRYING.contains(&r)) || deferred_for_now(&f.diagnosis))
        && f.pasted
        && f.status.starts_with('4')
        && (f.reply_code.is_empty() || f.reply_code.starts_with('4'))
        && f.status != "4.4.7"
        && text::find_ci(&f.diagnosis, "expired").is_none()
        && !gave_up(&f.diagnosis)
}

/// The receiver's own words that its refusal is for now: Yahoo's "421 4.7.0 [TSS04] Messages
/// from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints" (and TSS09's
/// "temporarily deferred"), Outlook.com's "451 4.7.650 The mail server [192.0.2.1] has been
/// temporarily rate limited due to IP reputation". Whatever reason the words suggest before the
/// provider's rules read the code (a block, a refused sender), the receiver itself says the
/// retries get past it. Sources: https://senders.yahooinc.com/smtp-error-codes, Microsoft's
/// Outlook.com postmaster troubleshooting page.
const DEFERRED_FOR_NOW: &[&str] = &["temporarily deferred", "temporarily rate limited"];

/// True when `t` holds words of `DEFERRED_FOR_NOW`, case-blind.
fn deferred_for_now(t: &str) -> bool {
    says_any(t, DEFERRED_FOR_NOW)
}

/// True when `t` holds words of `GAVE_UP`, case-blind. One function for the four rules that
/// ask, not the same loop written out in each.
fn gave_up(t: &str) -> bool {
    says_any(t, GAVE_UP)
}

/// True when `t` holds one of `words` (ASCII lowercase), case-blind: one loop for the word
/// lists of this module, not a closure and a copy of it for each.
fn says_any(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text::find_ci(t, w).is_some())
}

/// Header fields that only a mail system writes: a header block with one of them is a whole
/// message (saved, or its source copied), not the few lines a mail program shows above a
/// bounce ("From:", "To:", "Subject:", "Date:").
const SYSTEM_HEADERS: &[&str] = &[
    "received",
    "message-id",
    "mime-version",
    "content-type",
    "return-path",
    "delivered-to",
    "x-failed-recipients",
    "dkim-signature",
    "authentication-results",
];

/// True when the bounce is a whole message as a mail system wrote it (`SYSTEM_HEADERS`).
pub(crate) fn is_whole_message(mail: &Mail) -> bool {
    SYSTEM_HEADERS.iter().any(|h| mail.has_header(h))
}

/// Words of a notice that only warns: the sending server has not delivered the message yet and
/// keeps retrying. Matched case-insensitively in the Subject and the start of the notice.
const STILL_RETRYING: &[&str] = &[
    // Sendmail: "**      THIS IS A WARNING MESSAGE ONLY      **"; Gmail's classic delay notice
    // and Outlook.com say the same. Postfix: "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO
    // RESEND YOUR MESSAGE. #"
    "this is a warning message only",
    "this is a warning only",
    "you do not need to resend your message",
    // Postfix: Subject "Delayed Mail (still being retried)"; "It will be retried until it is 5
    // day(s) old."
    "still being retried",
    "will be retried until",
    // Sendmail: Subject "Warning: could not send message for past 4 hours"; "Warning: message
    // still undelivered after 4 hours"
    "could not send message for past",
    "message still undelivered after",
    // Exim: "A message that you sent has not yet been delivered to one or more of its
    // recipients after more than 24 hours on the queue"; 1&1 says the same (flufl.bounce's
    // test data, simple_40).
    "has not yet been delivered",
    // Gmail (classic): "Delivery to the following recipient has been delayed"
    "delivery to the following recipient has been delayed",
    // Exchange: "Delivery is delayed to these recipients or groups:", "This message hasn't
    // been delivered yet. Delivery will continue to be attempted."
    "delivery is delayed to these recipients",
    "delivery has been delayed to these recipients",
    "delivery will continue to be attempted",
    // RFC 3464 reports from several MTAs: "This is only a notification about a delay in the
    // delivery of your message."
    "only a notification about a delay",
    // Symantec AntiVirus for SMTP Gateways: "Delivery attempts will continue to be made for 5
    // day(s)." (simple_22); 1&1: "Delivery attempts will continue for some time" (simple_40);
    // "We will continue to try to deliver your message over the next few days." (simple_35).
    // Source: flufl.bounce 6.0.0, tests/data (https://pypi.org/project/flufl.bounce/)
    "delivery attempts will continue",
    "will continue to try",
    // Exim as cPanel sets it up: "A message that you sent could not be delivered to one or
    // more of its recipients. This is a temporary error. The following address(es) deferred:"
    // ("... Message will be reattempted later"). Reviewer case, general wording.
    "this is a temporary error",
    "address(es) deferred",
    "will be reattempted later",
    // Sendmail's heading over the addresses it still tries, in its warning: "----- The
    // following addresses had transient non-fatal errors -----" (sendmail/savemail.c, beside
    // "permanent fatal errors" for those it gave up on, below).
    "had transient non-fatal errors",
];
// Sources: Sisimai's test mails (set-of-emails: lhost-sendmail-29, rfc3464-34, lhost-exim-38,
// lhost-gmail-08, rfc3464-07, rhost-outlook-06) and Exchange's delay DSN template.

/// Words that say the server gave up, which outweigh a warning's words quoted in the same notice.
const GAVE_UP: &[&str] = &[
    // Sendmail's heading over the addresses it gave up on (sendmail/savemail.c).
    "had permanent fatal errors",
    "giving up",
    "gave up",
    "failed permanently",
    // Exim (deliver.c): "retry timeout exceeded"; Subject "Mail delivery failed: returning
    // message to sender".
    "retry timeout exceeded",
    "returning message to sender",
    // qmail (qmail-send.c): "I'm not going to try again; this message has been in the queue
    // too long." https://cr.yp.to/qmail.html (seen in flufl.bounce's test data, yahoo_01).
    "not going to try again",
    // Sendmail (savemail.c): "Cannot send message for 5 days" (its warning says "could not
    // send message for past 4 hours").
    "cannot send message for ",
    // Momentum (SparkPost) after its retries: "554 5.4.7 [internal] message timeout (last
    // transfail: ...)" (SparkPost's support article "Message Delivery: Understanding Delays
    // and Bounces": "we will fail the message with a timeout reason").
    "[internal] message timeout",
];

/// How much of the notice is read for `STILL_RETRYING`: the warning opens the notice, and the
/// returned message further down may quote anything.
const WARNING_WINDOW: usize = 4096;

/// True when the notice only warns that delivery is delayed.
fn is_delay_warning(mail: &Mail) -> bool {
    says_delay(mail.subject(), text::clip(&mail.body, WARNING_WINDOW))
}

/// True when `subject` or `head` holds words of `STILL_RETRYING` (ASCII case-blind) and
/// neither holds words of `GAVE_UP`. Both lists are found in one pass over a lowercase copy of
/// each text, not in one search per phrase: this is asked of most bounces, and the phrases
/// are many.
fn says_delay(subject: &str, head: &str) -> bool {
    static WORDS: OnceLock<PatternSet> = OnceLock::new();
    let (subject, head) = (text::lower(subject), text::lower(head));
    // Most notices hold none of the words every phrase contains: a few quick searches settle
    // them without the pattern set.
    if !RETRYING_WORDS
        .iter()
        .any(|w| text::contains(&subject, w) || text::contains(&head, w))
    {
        return false;
    }
    let set = WORDS.get_or_init(|| {
        PatternSet::new(
            STILL_RETRYING
                .iter()
                .chain(GAVE_UP)
                .map(|w| w.as_bytes())
                .collect(),
        )
    });
    let (subject, head) = (set.scan(subject.as_bytes()), set.scan(head.as_bytes()));
    let says = |ids: std::ops::Range<usize>| {
        ids.map(|id| id as u32)
            .any(|id| subject.has(id) || head.has(id))
    };
    let retrying = 0..STILL_RETRYING.len();
    says(retrying.clone()) && !says(retrying.end..retrying.end + GAVE_UP.len())
}

/// Words of which every phrase of `STILL_RETRYING` holds one (see
/// `every_retrying_phrase_holds_a_word`): text without any of them says none of the phrases.
const RETRYING_WORDS: &[&str] = &[
    "warning",
    "resend",
    "retried",
    "could not send",
    "undelivered",
    "not yet",
    "delay",
    "continue",
    "temporary error",
    "deferred",
    "reattempted",
    "non-fatal",
];

/// Labels of the line where a notice names the original sender, at the start of a line, before
/// a colon. Microsoft 365's current notice, under "Original Message Details":
/// "Sender Address: taro@example.jp"; its Japanese version: "送信者アドレス: taro@example.jp".
/// Source: https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
/// (the "Original Message Details" section of the enhanced notice), and Sisimai's
/// rhost-microsoft-03.eml.
const SENDER_LABELS: &[&str] = &["Sender Address", "送信者アドレス", "送信者のアドレス"];

/// Header fields of the original message that the notice itself quotes below a heading, as
/// Exchange does ("Original message headers:"), when the text was pasted and no reader took
/// them for a returned message.
const QUOTED_HEADERS: &[&str] = &["from", "sender", "return-path"];

/// The sender's address as the notice itself names it, for a notice without a returned message:
/// a labelled line (`SENDER_LABELS`), else the `From:` of the header block the notice quotes
/// below Exchange's heading.
fn sender_in_notice(body: &str) -> Option<String> {
    for line in body.lines() {
        let line = text::halfwidth(line.trim_start());
        let Some(label) = SENDER_LABELS.iter().find(|l| line.starts_with(*l)) else {
            continue;
        };
        let Some(value) = line
            .get(label.len()..)
            .map(str::trim_start)
            .and_then(|v| v.strip_prefix(':'))
        else {
            continue;
        };
        if let Some(a) = address::find(value).filter(|a| address::domain(a).is_some()) {
            return Some(a);
        }
    }
    let (_, quoted) = mta::split_original(body, mta::exchange2007::BOUNDARIES);
    mta::first_headers(quoted, QUOTED_HEADERS)
        .iter()
        .map(String::as_str)
        .find_map(address::find)
        .filter(|a| address::domain(a).is_some())
}

/// How far into a pasted text the bounce's own header block, as a mail program shows it, may
/// start: after a short note or a ticket's preamble, never deep in the report.
const VISIBLE_HEAD_LINES: usize = 40;

/// Words of a visible header block that say it is the bounce's own (its sender's name, its
/// subject): Apple Mail shows "Mail Delivery System" / "Undelivered Mail Returned to Sender" /
/// "To: ...", and Outlook quotes "From: Mail Delivery System <Mailer-Daemon@...>" / "To: ..."
/// below "-----Original Message-----" (reviewer cases, general wording). Lowercase.
pub(crate) const BOUNCE_HEAD_WORDS: &[&str] = &[
    "mail delivery",
    "mailer-daemon",
    "postmaster",
    "undeliver",
    "returned to sender",
    "returned mail",
    "delivery status notification",
    "failure notice",
    "delivery failed",
    "delivery has failed",
];

/// The sender's address from the `To:` line of the bounce's own header block as a mail program
/// shows it in a paste: a block of lines near the start that has a `To:` line and another
/// line naming a mail system or a bounce subject. The bounce goes back to the sender, so its
/// To is the sender; the returned message's own block (`To:` the recipient) has no such line.
/// An address that is one of the failed recipients is never taken.
fn sender_in_visible_head(body: &str, deliveries: &[mta::Delivery]) -> Option<String> {
    let lines: Vec<&str> = body.lines().take(VISIBLE_HEAD_LINES).collect();
    for block in lines.split(|l| l.trim().is_empty()) {
        let to = block.iter().find_map(|l| {
            let l = l.trim_start();
            let value = l
                .get(..3)
                .filter(|n| n.eq_ignore_ascii_case("to:"))
                .and_then(|_| l.get(3..))?;
            address::find(value)
        });
        let Some(to) = to else { continue };
        // With a `From:` line, that line must name the mail system: a person who forwards a
        // bounce ("From: Jenny ... To: support@... Subject: Fwd: Undelivered Mail") writes to
        // someone else. Without one (Apple Mail shows the sender's name alone), any line.
        let names_a_mail_system = |l: &&str| {
            let lc = l.to_ascii_lowercase();
            BOUNCE_HEAD_WORDS.iter().any(|w| lc.contains(w))
        };
        let label = |l: &&str, name: &str| {
            l.trim_start()
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        };
        let from_a_mail_system = match block.iter().find(|l| label(l, "from:")) {
            Some(from) => names_a_mail_system(from),
            None => block
                .iter()
                .filter(|l| !label(l, "to:"))
                .any(names_a_mail_system),
        };
        let is_recipient = deliveries
            .iter()
            .any(|d| d.recipient.eq_ignore_ascii_case(&to));
        if from_a_mail_system && !is_recipient {
            return address::domain(&to).map(|_| to);
        }
    }
    None
}

/// The envelope sender of pasted mail-server log lines: the `from=<...>` field that Postfix
/// (qmgr's "from=<a@example.com>, size=", smtpd's "...; from=<a@example.com> to=<...>") and
/// OpenSMTPD ("from=<a@example.com>, to=<...>") log for every message. Taken only when every
/// such field of the paste names the same address: a log of several messages' senders names
/// none of them. The null sender `<>` (a bounce's own) is skipped.
/// Source: Postfix's qmgr and smtpd logging (postfix.org/DEBUG_README.html's examples);
/// OpenSMTPD's `smtpd/mta.c` log format.
fn sender_in_log(body: &str) -> Option<String> {
    let mut found: Option<&str> = None;
    let mut rest = body;
    while let Some(at) = rest.find("from=<") {
        let value = &rest[at + "from=<".len()..];
        let end = value.find(['>', '\n']).unwrap_or(value.len());
        let a = value[..end].trim();
        rest = &value[end..];
        if a.is_empty() {
            continue;
        }
        match found {
            Some(seen) if !seen.eq_ignore_ascii_case(a) => return None,
            _ => found = Some(a),
        }
    }
    // A masked log ("from=<****@***.***>", "from=<xxxxx@xxxx.xxx>") names no domain either.
    found
        .and_then(address::find)
        .filter(|a| address::domain(a).is_some_and(|d| !address::is_redacted(&d)))
}

/// Receivers' words that name the sender's domain: the words before the domain and the words
/// after it, lowercase. Reply codes of continued lines ("550-5.7.26") between the words are
/// skipped, and the domain may be in brackets.
const SENDER_NAMED: &[(&str, &str)] = &[
    // Gmail: "550-5.7.26 Unauthenticated email from example.net is not accepted due to domain's
    // DMARC policy. Please contact the administrator of example.net domain if this was a
    // legitimate mail."
    // Source: https://support.google.com/a/answer/3726730
    ("unauthenticated email from ", " is not accepted"),
    ("please contact the administrator of ", " domain"),
    // Outlook.com and Exchange Online: "550 5.7.509 Access denied, sending domain [example.net]
    // does not pass DMARC verification and has a DMARC policy of reject." and "550 5.7.515
    // Access denied, sending domain [example.net] does not meet the required authentication
    // level."
    // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
    ("sending domain ", " does not "),
    // iCloud: "554 5.7.1 Your message was rejected due to example.net's DMARC policy."
    // Source: https://github.com/sisimai/set-of-emails (rhost-apple-02.eml)
    ("rejected due to ", "'s dmarc policy"),
    // Gmail: "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating
    // from your SPF domain [example.net 15]." (also "your DKIM domain").
    // Source: https://support.google.com/a/answer/3726730
    ("originating from your spf domain ", ""),
    ("originating from your dkim domain ", ""),
    // Gmail's 5.7.26 authentication results: "DKIM = did not pass SPF [example.net] with ip:
    // [192.0.2.1] = did not pass"; Yahoo's 5.7.9: "SPF example.net with ip 192.0.2.1 =
    // FAILURE". The SPF domain is the envelope sender's (RFC 7208 section 2.4), the domain
    // whose records the sender fixes; a sending service's own bounce domain is not taken
    // (`esp_host::is_service_domain`). Review h199 (e01, e05).
    // Source: https://support.google.com/a/answer/81126 (the authentication requirements the
    // reply quotes); Yahoo's sender hub (senders.yahooinc.com/smtp-error-codes).
    ("spf ", " with ip"),
    // Gmail's 5.7.27: "The SPF check for [example.net] did not pass with ip: [192.0.2.1]".
    ("spf check for ", " did not pass"),
    // Gmail's 5.7.40: "... does not have a DMARC record for the sending domain [example.net]
    // and this sender is not authenticated". Review h199 (e04).
    ("dmarc record for the sending domain ", ""),
];

/// What a receiver's words name of the sender (`sender_named`).
enum Named {
    /// The envelope sender a refusal quotes.
    Address(String),
    /// The domain the words name.
    Domain(String),
}

/// Local parts of the addresses mail systems write bounces from (RFC 5321 section 4.5.1's
/// postmaster; "MAILER-DAEMON", Sendmail's and Postfix's bounce sender; Postfix's
/// `double-bounce`), lowercase: never the original sender's.
const SYSTEM_SENDERS: &[&str] = &[
    "mailer-daemon",
    "mailer_daemon",
    "mailerdaemon",
    "postmaster",
    "double-bounce",
];

/// True when `a`, an address the bounce shows where the sender's would be, may be named as the
/// sender's own address: its domain a plain host name (so that it is `sender_domain` as
/// written), not a mail system's (`SYSTEM_SENDERS`) nor a bounce address, not masked before pasting
/// ("a***@example.com", "[redacted]"), and none of the `recipients`.
pub(crate) fn is_shown_sender<'a>(a: &str, mut recipients: impl Iterator<Item = &'a str>) -> bool {
    let Some((local, domain)) = a.rsplit_once('@') else {
        return false;
    };
    let system = SYSTEM_SENDERS
        .iter()
        .any(|s| local.trim_matches('"').eq_ignore_ascii_case(s))
        // A list's or a sending service's bounce address, the envelope sender of its mail
        // ("dovecot-bounces@dovecot.org", VERP's "bounces+1234-ab=example.org@mail.example.net"):
        // where bounces go, not who wrote. Its domain is still the sending domain.
        || text::find_ci(local, "bounce").is_some();
    let masked = address::is_redacted(a)
        || a.chars().any(|c| c != '#' && address::is_mask(c))
        || text::find_ci(a, "redacted").is_some();
    address::is_email(a)
        && is_domain_name(domain)
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !system
        && !masked
        && !recipients.any(|r| r.eq_ignore_ascii_case(a))
}

/// The sender's domain when the receiver's words in `diagnosis` name it (`SENDER_NAMED`), or
/// the envelope sender a Postfix refusal of it quotes: "<sales@example.net>: Sender address
/// rejected: ..." (smtpd's reply for every sender restriction; Postfix `smtpd_check.c`).
fn sender_named(diagnosis: &str) -> Option<Named> {
    if let Some(p) = text::find_ci(diagnosis, ">: sender address rejected") {
        let head = diagnosis.get(..p + 1).unwrap_or("");
        if let Some(a) = head
            .rfind('<')
            .and_then(|q| address::find(head.get(q..)?))
            .filter(|a| address::domain(a).is_some())
        {
            return Some(Named::Address(a));
        }
    }
    // One space between words, without the codes of continued reply lines.
    let mut clean = String::with_capacity(diagnosis.len());
    for w in diagnosis.split_whitespace() {
        let code = w
            .split('-')
            .all(|p| reply::is_valid(p) || status::is_valid(p));
        if code {
            continue;
        }
        if !clean.is_empty() {
            clean.push(' ');
        }
        clean.push_str(w);
    }
    let clean = clean.to_ascii_lowercase();
    for (before, after) in SENDER_NAMED {
        let mut from = 0;
        while let Some(p) = clean.get(from..).and_then(|h| h.find(before)) {
            let start = from + p + before.len();
            from = start;
            let rest = clean.get(start..).unwrap_or("");
            let bracketed = rest.starts_with('[');
            let rest = rest.strip_prefix('[').unwrap_or(rest);
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(rest.len());
            let (name, tail) = rest.split_at(len);
            let tail = if bracketed {
                // Gmail adds a number inside the brackets: "[example.net      15]".
                let tail = match tail.strip_prefix(' ') {
                    Some(t) => t.trim_start_matches(|c: char| c.is_ascii_digit()),
                    None => tail,
                };
                match tail.strip_prefix(']') {
                    Some(t) => t,
                    None => continue,
                }
            } else {
                tail
            };
            if is_domain_name(name)
                && tail.starts_with(after)
                && !crate::esp_host::is_service_domain(name)
            {
                return Some(Named::Domain(name.to_string()));
            }
        }
    }
    None
}

/// A host name with at least two labels and a letter in its last one (not an IP address).
fn is_domain_name(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|l| l.bytes().any(|b| b.is_ascii_alphabetic()))
}

/// The most of one recipient's text that is read: four times what is ever shown
/// (`lib.rs::MAX_ERROR_TEXT`). A reader that gathered much of a report into each recipient's
/// text (a report that repeats its parts) would otherwise make every recipient cost the
/// whole report, quadratic in its length.
const MAX_DIAGNOSIS: usize = 32 * 1024;

fn one(mut d: Delivery, sender_domain: &str, pasted: bool) -> Fact {
    if d.diagnosis.len() > MAX_DIAGNOSIS {
        d.diagnosis
            .truncate(d.diagnosis.floor_char_boundary(MAX_DIAGNOSIS));
    }
    let mut f = Fact {
        recipient: d.recipient.to_lowercase(),
        action: d.action,
        status: d.status,
        reply_code: d.reply_code,
        diag_type: d.spec,
        command: command::normalize(&d.command)
            .map(str::to_string)
            .unwrap_or_default(),
        rhost: d.rhost,
        lhost: d.lhost,
        reason: d.reason,
        sender_domain: sender_domain.to_string(),
        pasted,
        ..Fact::default()
    };
    f.destination = address::domain(&f.recipient).unwrap_or_default();
    if !f.status.is_empty() && !status::is_valid(&f.status) {
        f.status.clear();
    }
    // A reader's code stands where the reply does: one of a failure's form is kept even when no
    // RFC defines it (qmail's "Remote host said: 557 ...", `reply::is_failure_form`).
    if !f.reply_code.is_empty()
        && !reply::is_valid(&f.reply_code)
        && !reply::is_failure_form(&f.reply_code)
    {
        f.reply_code.clear();
    }
    f.shown = text::sweep(&d.shown);
    clean_diagnosis(&mut f, &d.diagnosis);
    // The sending server's own words that it could not connect at all ("connect to
    // mx.example.org[192.0.2.1]:25: Connection timed out"): the step is the connection. Not
    // when a step is already known or the receiver sent a refusal (a 5xx reply), which says a
    // session took place.
    if f.command.is_empty()
        && !f.reply_code.starts_with('5')
        && command::connect_failed(&text::lower(&f.diagnosis))
    {
        f.command = "CONN".into();
    }
    if f.rhost.is_empty() {
        f.rhost = host_in_text(&f.diagnosis).unwrap_or_default();
    }
    if f.rhost.is_empty() && f.command == "CONN" {
        // Sendmail names the server it could not connect to after its error: "Deferred:
        // Connection timed out with mx.example.org." (sendmail/err.c, `errstring()`).
        f.rhost = command::sendmail_connect_host(&f.diagnosis)
            .unwrap_or_default()
            .to_string();
    }
    f.rhost = tidy_host(&f.rhost);
    if !f.rhost.contains('.') && !f.rhost.contains(':') {
        // "Remote-MTA: X-Unix; mirapoint" names a program, not a host.
        f.rhost.clear();
    }
    f.lhost = tidy_host(&f.lhost);
    if f.lhost == f.rhost {
        f.lhost.clear();
    }
    f.remote_ip = remote_ip(&f.rhost, &d.diagnosis).or_else(|| {
        let ip = d.rhost_ip.trim();
        (is_ipv4(ip) || (ip.contains(':') && ip.parse::<std::net::Ipv6Addr>().is_ok()))
            .then(|| ip.to_string())
    });
    // A next hop named only by a loopback or private address ("host 127.0.0.1[127.0.0.1]
    // said:") is a content filter behind the reporting server, inside the same organisation;
    // the server the sender's mail reached is the reporting one, when the report names it,
    // else none is known. A named internal host (an Exchange server's own next hop) stays.
    let internal = (f.rhost.parse::<std::net::IpAddr>().ok())
        .or_else(|| (f.rhost == "localhost").then(|| [127, 0, 0, 1].into()))
        .is_some_and(|ip| {
            matches!(
                crate::ip::scope(ip),
                crate::IpScope::Loopback | crate::IpScope::Private
            )
        });
    if internal {
        f.rhost = std::mem::take(&mut f.lhost);
        f.remote_ip = None;
    }
    if f.diag_type.is_empty() {
        f.diag_type = match f.reason {
            Some(Reason::MailerError) => "X-UNIX".into(),
            Some(Reason::Feedback | Reason::Vacation) => String::new(),
            _ => "SMTP".into(),
        };
    }
    decide_reason(&mut f);
    if is_greylisting(&f.diagnosis, &f.reply_code, &f.status) {
        // Greylisting turns away a first try on purpose and takes the retry (RFC 6647): the
        // message is delayed, not refused, unless the report says the sender's server gave up,
        // and then it expired. No other reason its words suggest holds ("greylisted, please
        // try again in ..." is not spam).
        f.reason = Some(Reason::Expired);
        // A log line's own "status=deferred (" (which its reader already made `delayed`)
        // is the same one refused try.
        let logged_deferral = text::contains(&f.diagnosis, " status=deferred (");
        if (f.action.is_empty() || logged_deferral) && !gave_up(&f.diagnosis) {
            f.action = "delayed".into();
            if f.pasted {
                // A pasted reply or log line (a server's log, an app's error) shows one refused
                // try and no queue that gave up or still holds the message: nothing has
                // expired yet. `onhold` is Sisimai's reason for a refusal whose outcome is
                // still open.
                f.reason = Some(Reason::OnHold);
            }
        }
    }
    if f.action.is_empty() && deferred_by_mimecast(&f) {
        f.action = "delayed".into();
    }
    if f.reason == Some(Reason::HostUnknown) && names_the_sender_domain(&f) {
        // "553 example.net does not exist (in reply to MAIL FROM command)": the domain the
        // receiver cannot find is the sender's, not the recipient's. Sisimai's reason for a
        // refused envelope sender is `rejected` (its "Domain of sender address ... does not
        // exist" wording); `hostunknown` would send the user to check the recipient's domain.
        f.reason = Some(Reason::Rejected);
    }
    finish(&mut f);
    // The reasons are decided; what is shown and copied is the receiver's error alone.
    let shown = std::mem::take(&mut f.shown);
    let shown = if shown.is_empty() {
        &f.diagnosis
    } else {
        &shown
    };
    f.diagnosis = for_display(shown);
    f
}

/// Words of a greylisting reply, lowercase: "450 4.2.0 <user@example.org>: Recipient address
/// rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html" (postgrey's
/// default text), "451 4.7.1 Greylisting in action, please come back later", "Greylisted,
/// please try again in 300 seconds". Source: RFC 6647 (greylisting answers with a temporary
/// failure), postgrey(8) (`--greylist-text`); reviewer cases, general wording.
const GREYLISTING: &[&str] = &[
    "greylist",
    "graylist",
    "grey-list",
    "gray-list",
    "grey listed",
    "gray listed",
    "postgrey",
];

/// True when a temporary reply (4xx, or a 4.x.x status) says it is greylisting.
pub(crate) fn is_greylisting(diagnosis: &str, reply_code: &str, status: &str) -> bool {
    let temporary = reply_code.starts_with('4') || status.starts_with("4.");
    temporary
        && (GREYLISTING
            .iter()
            .any(|w| text::find_ci(diagnosis, w).is_some())
            || is_soft_reject(diagnosis))
}

/// True for a reply that is nothing but Rspamd's soft reject, "451 4.7.1 Try again later": the
/// filter's answer when its greylisting (or a rate limit) asks the sender's server to come
/// back, with no list named and nothing to fix. Source: rspamd/rspamd, src/libserver/milter.h
/// (RSPAMD_MILTER_XCODE_TEMPFAIL "4.7.1", RSPAMD_MILTER_TEMPFAIL_MESSAGE "Try again later");
/// https://rspamd.com/doc/modules/greylisting.html (greylisting triggers the soft reject).
/// The reply is often quoted after the words of whoever relays it ("Server mailu said: 451
/// 4.7.1 Try again later", Postfix's "host mx.example.org[192.0.2.1] said: ... (in reply to
/// RCPT TO command)"): the 4.7.1 right before the words and nothing but Postfix's tail after
/// them make the same reply.
fn is_soft_reject(diagnosis: &str) -> bool {
    const WORDS: &str = "try again later";
    let t = diagnosis.trim();
    if t.eq_ignore_ascii_case(WORDS) || t.eq_ignore_ascii_case("try again later.") {
        return true;
    }
    let Some(at) = text::find_ci(t, WORDS) else {
        return false;
    };
    let (Some(before), Some(after)) = (t.get(..at), t.get(at + WORDS.len()..)) else {
        return false;
    };
    let after = after.trim_start_matches(['.', ' ']).trim_end();
    let before = before.trim_end();
    (after.is_empty() || text::starts_with_ci(after, "(in reply to "))
        && before
            .strip_suffix("4.7.1")
            .or_else(|| before.strip_suffix("451"))
            .is_some_and(|head| head.is_empty() || head.ends_with([' ', '-']))
}

/// True when Mimecast answered with a temporary reply (4xx) and the reply does not say the
/// sender's server gave up. Mimecast's 451 is its greylisting or a poor-reputation deferral
/// that the sender is meant to keep retrying (for a minute up to about 12 hours), and any 4xx
/// makes a sending server retry: a log line or transcript that shows one is a delay, not a
/// failure. An explicit DSN `Action:` stands (this is asked only when the report gave none).
/// Source: Mimecast SMTP Error Codes,
/// https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (knowledge
/// file, section 3.8).
fn deferred_by_mimecast(f: &Fact) -> bool {
    let temporary =
        f.reply_code.starts_with('4') || (f.reply_code.is_empty() && f.status.starts_with("4."));
    let at_mimecast = [f.rhost.as_str(), f.diagnosis.as_str()]
        .iter()
        .any(|t| text::find_ci(t, "mimecast.com").is_some());
    temporary && at_mimecast && !gave_up(&f.diagnosis)
}

/// True when a "does not exist" refusal is about the sender's domain: it answered MAIL FROM,
/// or it names the envelope sender's domain (which is not the recipient's).
/// Source: the knowledge file, section 3.12 (SoftBank: "553 <domain> does not exist" means the
/// envelope-from domain has no DNS).
fn names_the_sender_domain(f: &Fact) -> bool {
    if f.command == "MAIL" {
        return true;
    }
    let d = f.sender_domain.as_str();
    if d.is_empty() || d.eq_ignore_ascii_case(&f.destination) {
        return false;
    }
    let lc = f.diagnosis.to_ascii_lowercase();
    let named = format!("{} does not exist", d.to_ascii_lowercase());
    text::contains(&lc, &named)
}

/// The reply code the server wrote right before `status` ("450 5.7.1 ..."), even when the two
/// classes differ: some receivers refuse for good with a 4xx reply and a 5.x.x status (a
/// qmail paste's "450 5.7.1 ...: Poor Reputation Sender"), and the reply code is still what
/// they answered. `None` when no such pair is written.
fn paired_reply(diagnosis: &str, status: &str) -> Option<String> {
    if status.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(p) = diagnosis
        .get(from..)
        .and_then(|rest| text::find(rest, status))
    {
        let at = from + p;
        from = at + status.len();
        let after = diagnosis.as_bytes().get(at + status.len());
        if after.is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
            continue;
        }
        let Some(head) = at.checked_sub(4).and_then(|s| diagnosis.get(s..at)) else {
            continue;
        };
        let (Some(code), Some(sep)) = (head.get(..3), head.get(3..)) else {
            continue;
        };
        let before = at
            .checked_sub(5)
            .and_then(|s| diagnosis.as_bytes().get(s))
            .copied();
        if matches!(sep, " " | "-")
            && reply::is_listed_failure(code)
            && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.')
        {
            return Some(code.to_string());
        }
    }
    None
}

/// Finds status and reply codes in the diagnostic text and removes the repeated code prefixes
/// of a multi-line reply ("550-5.7.1 ... 550-5.7.1 ... 550 5.7.1 ...").
fn clean_diagnosis(f: &mut Fact, raw: &str) {
    let mut dc = raw.replace('\r', "");
    if !dc.is_empty() {
        let mut cs = status::find(&dc, "");
        let mut cr = reply::find(&dc, &cs);
        if cr.is_empty() {
            cr = paired_reply(&dc, &cs).unwrap_or_default();
        }
        // A refusal passed on under the wrapper's own codes: its codes are the refusal's.
        if let Some((ics, icr)) = passed_on_codes(&dc) {
            if f.reply_code.is_empty() || f.reply_code == cr {
                f.reply_code = icr.clone();
            }
            if !ics.is_empty() {
                if f.status == cs {
                    f.status = ics.clone();
                }
                cs = ics;
            }
            cr = icr;
        }
        f.status = status::prefer(&f.status, &cs, &cr);
        if cr.len() == 3 {
            if f.reply_code.is_empty() {
                f.reply_code = cr.clone();
            }
            // The prefixes to remove are the reply's own code's, when the reader knew it: a
            // "550-" elsewhere in a 553 reply is part of a word (".../550-bl23.html").
            let cr = if f.reply_code.len() == 3 {
                f.reply_code.clone()
            } else {
                cr
            };
            let continued = format!("{cr}-");
            if text::contains(&dc, &continued) {
                // The replacements in their order, each written once (the closure below may
                // run three times): a pattern that is not there leaves the text as it is.
                // A step with an empty pattern is skipped (a reply without a status): an
                // array rather than a `Vec` of these pairs, a type of its own in the page.
                let coded = |p: String| if cs.is_empty() { String::new() } else { p };
                let steps: [(String, &str); 5] = [
                    // A reply whose lines were joined with "/" (qmail-send's log, a page that
                    // quotes it on one line: "due to domain's/550-5.7.26 DMARC policy"): the
                    // slash before a repeated prefix is that line break, a space.
                    (coded(format!("/{cr}-{cs}")), " "),
                    (coded(format!("{cr}-{cs}")), ""),
                    (continued.clone(), ""),
                    (coded(format!("{cr} {cs}")), ""),
                    (format!("{cr} "), ""),
                ];
                let strip = |s: &str| {
                    steps
                        .iter()
                        .fold(s.to_string(), |s, (pat, with)| replace_found(s, pat, with))
                };
                let whole = strip(&dc);
                if has_code(&whole, &cr) {
                    dc = format!("{cr} {cs} {whole}");
                } else {
                    // The reasons are read without the codes, as Sisimai reads them; the text
                    // shown keeps the code once, where the reply began ("said: 421 4.7.28
                    // Gmail has detected ..."). Before the reply's first continued line, a bare
                    // code is no line prefix of it: a program's "SMTP code:550 msg:550-5.7.1
                    // ..." (node's sendmail package) keeps its "550", not "code:msg:".
                    let strip_head = |s: &str| {
                        steps[..4]
                            .iter()
                            .fold(s.to_string(), |s, (pat, with)| replace_found(s, pat, with))
                    };
                    if let Some((head, tail)) =
                        text::find(&dc, &continued).and_then(|p| Some((dc.get(..p)?, dc.get(p..)?)))
                    {
                        f.shown =
                            text::sweep(&format!("{} {cr} {cs} {}", strip_head(head), strip(tail)));
                    }
                    dc = whole;
                }
            }
        }
        let lc = text::lower(&dc);
        if let (Some(p1), Some(p2)) = (text::find(&lc, "<html>"), text::find(&lc, "</html>")) {
            if p1 > 0 && p2 > p1 && dc.is_char_boundary(p1) && dc.is_char_boundary(p2 + 7) {
                dc = format!("{} {}", &dc[..p1], &dc[p2 + 7..]);
            }
        }
    }
    f.diagnosis = text::sweep(&dc);
}

/// The words before a refusal that a server passed on from the next server under its own
/// codes: Exchange's "550 5.0.350 Remote server returned an error -> 554 Email rejected ...".
/// Microsoft lists 5.0.350 as a generic error that the recipient's server returned; the reply
/// after the arrow is what that server said.
/// Source: https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
const PASSED_ON: &str = "returned an error -> ";

/// The words before the last temporary reply that Momentum (SparkPost) quotes when it gives up
/// on a message after its retries: "554 5.4.7 [internal] message timeout (exceeded max time,
/// last transfail: 452-4.2.2 The recipient's inbox is out of storage space. ...)". SparkPost:
/// "The bounce classification routine will use the last 4xx response string to determine what
/// type of bounce should be recorded. In addition, we also record the code from the last 4xx
/// code from the ISP in the bounce event" (support article "Message Delivery: Understanding
/// Delays and Bounces", https://support.sparkpost.com/docs/faq/understanding-delays-bounces;
/// the Gmail example as an ESP's deliverability guide quotes it, iterable.com, 2026). A reply
/// marked "[internal]" after its codes is Momentum's own ("421 4.4.0 [internal] no mail servers
/// for this domain could be reached at this time"), no server's: the outer codes stay.
const LAST_TRANSFAIL: &str = "last transfail: ";

/// Momentum's own mark on a reply it wrote itself, not the receiving server.
const MOMENTUM_OWN: &str = "[internal]";

/// The enhanced code (empty when it has none) and the reply code of the refusal that `dc`
/// passes on after `PASSED_ON`, or of the receiving server's last temporary reply that
/// Momentum quotes after `LAST_TRANSFAIL`, when a reply code starts it.
fn passed_on_codes(dc: &str) -> Option<(String, String)> {
    let (at, lead) = match text::find_ci(dc, PASSED_ON) {
        Some(at) => (at, PASSED_ON),
        None => (text::find_ci(dc, LAST_TRANSFAIL)?, LAST_TRANSFAIL),
    };
    let inner = dc.get(at + lead.len()..)?.trim_start();
    let code = inner.get(..3)?;
    if !reply::is_valid(code)
        || inner
            .as_bytes()
            .get(3)
            .is_some_and(|c| !matches!(c, b' ' | b'-'))
    {
        return None;
    }
    let rest = inner.get(4..).unwrap_or("").trim_start();
    let word = rest.split_whitespace().next().unwrap_or("");
    let cs = status::find(word, "");
    let cs = if !cs.is_empty() && cs.starts_with(&code[..1]) && word.starts_with(&cs) {
        cs
    } else {
        String::new()
    };
    // Momentum's own reply: after its codes, its mark.
    let words = if cs.is_empty() {
        rest
    } else {
        rest.get(cs.len()..).unwrap_or("").trim_start()
    };
    if lead == LAST_TRANSFAIL && words.starts_with(MOMENTUM_OWN) {
        return None;
    }
    Some((cs, code.to_string()))
}

/// `s.replace(pat, with)`, found by the block search and without a copy when `pat` is not
/// there (the usual case: most replies have a few of the prefixes `clean_diagnosis` removes).
/// The same occurrences as `str::replace`: from the left, not overlapping.
fn replace_found(s: String, pat: &str, with: &str) -> String {
    let Some(mut at) = text::find(&s, pat).filter(|_| !pat.is_empty()) else {
        return s;
    };
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    loop {
        out.push_str(s.get(from..at).unwrap_or_default());
        out.push_str(with);
        from = at + pat.len();
        match s.get(from..).and_then(|rest| text::find(rest, pat)) {
            Some(n) => at = from + n,
            None => break,
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out
}

/// True when `code` (a reply code) stands in `s` as a number of its own, not as digits of a
/// longer one (a queue id's "15421136" holds "421").
fn has_code(s: &str, code: &str) -> bool {
    let b = s.as_bytes();
    text::find_all(s, code).any(|p| {
        let before = p.checked_sub(1).and_then(|i| b.get(i));
        let after = b.get(p + code.len());
        !before.is_some_and(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit)
    })
}

/// Labels a notice puts before the receiver's reply, at the start of the text: Microsoft
/// 365's "Reported error: 550 5.4.1 ..." and "Error: 550 5.1.10 ..." under "Error Details", in
/// English and Japanese.
/// Source: https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
/// The colon after a label may be a full-width one.
const LEADING_LABELS: &[&str] = &[
    "Reported error",
    "Error",
    "報告されたエラー",
    "エラー",
    // Outlook in Japanese: "リモート サーバーから次のエラーが返されました: '550 5.7.708 ...'"
    // ("the remote server returned the following error"); the quotes go too.
    "リモート サーバーから次のエラーが返されました",
    // A delivery report's own field (RFC 3464, 2.3.6), when a pasted report's line was taken
    // with its name: "Diagnostic-Code: smtp; 550 ..." (the type goes too, `DIAGNOSTIC_TYPE`).
    "Diagnostic-Code",
];

/// RFC 3464's diagnostic type before a reply ("smtp; 550 5.1.1 ...", "smtp;450 ..."), which a
/// report's reader keeps when the field was pasted alone.
const DIAGNOSTIC_TYPE: &str = "smtp;";

/// Fields of a delivery report (RFC 3464, 2.2 and 2.3) whose lines a reader took after the
/// reply: the text is cut where the first starts after a space (never at its start). Four
/// first letters, all capitals: `text::find_earliest` stops only where one stands.
const REPORT_FIELDS: &[&str] = &[
    "Reporting-MTA:",
    "Final-Recipient:",
    "Original-Recipient:",
    "Action: ",
    "Remote-MTA:",
    "Arrival-Date:",
];

/// The end of a text that a program printed as a string inside its own structure (Rust's
/// `Debug`, JSON): an escaped quote, then closing marks (`\") }"]`). A run of these marks at
/// the end that holds an escaped quote is the program's, not the reply's.
const PRINTED_END: &[char] = &['"', '\\', ')', '}', ']', ' '];

/// A syslog line's program tag at the start of a logged reply ("mail postfix/smtpd[1044]: ",
/// "neth transfer/smtpd[23861]: "): up to "]: " after a word holding "/" and "[", within the
/// first words. Source: RFC 3164 4.1.3 (TAG, then "[pid]:").
fn syslog_tag_end(s: &str) -> Option<usize> {
    let head = text::clip(s, 80);
    let end = text::find(head, "]: ")?;
    let tag = head.get(..end)?;
    let word = tag.rsplit(' ').next()?;
    let (name, pid) = word.split_once('[')?;
    (name.contains('/') && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        .then_some(end + 3)
}

/// Words a notice wraps around the receiver's reply, before and after it. Exchange: "Remote
/// Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'" (also "Remote Server at
/// mail.example.jp (192.0.2.1) returned '...'"), and in Japanese "リモート サーバーから '554
/// 5.7.1 ...' が返されました". Sendmail: "(reason: 550 5.1.1 User unknown)".
/// Sources: Exchange's NDR template (Sisimai's lhost-exchange2007 test mails) and Sendmail's
/// `savemail.c` ("(reason: %s)").
/// The text ends at the first closing mark that a space or the end follows: what comes after
/// it is the notice's again (a delivery report's `Status:` and `Diagnostic-Code:` repeating
/// the same reply, when the reader took their lines too).
const WRAPPERS: &[(&str, &str, &str)] = &[
    // (start, up to, closing mark)
    ("Remote Server", " returned '", "'"),
    ("リモート サーバーから '", "", "' が返されました"),
    ("リモート サーバーから '", "", "'"),
    ("(reason: ", "", ")"),
];

/// Sentences of the notice that follow the receiver's reply and are not part of it: the text
/// is cut where one starts. Exim's delay warning (deliver.c): "No action is required on your
/// part. Delivery attempts will continue for some time, ..."
/// Source: https://github.com/Exim/exim/blob/master/src/src/deliver.c
const TRAILERS: &[&str] = &["No action is required on your part"];

/// The receiver's error alone, without the notice's labels, wrappers and closing sentences
/// around it (`LEADING_LABELS`, `WRAPPERS`, `TRAILERS`).
fn for_display(diagnosis: &str) -> String {
    let mut s = diagnosis.trim().trim_start_matches([':', ' ']);
    if let Some(rest) = syslog_tag_end(s).and_then(|p| s.get(p..)) {
        if !rest.trim().is_empty() {
            s = rest.trim_start();
        }
    }
    s = without_log_prefix(s);
    // A label, then a wrapper ("Reported error: Remote Server returned '...'"), at most once
    // each, so the work stays linear.
    for _ in 0..2 {
        let before = s;
        if let Some(rest) = LEADING_LABELS.iter().find_map(|l| {
            s.strip_prefix(l)?
                .trim_start()
                .strip_prefix([':', '\u{ff1a}'])
        }) {
            if !rest.trim().is_empty() {
                s = rest.trim_start();
                // A label's reply in quotes ("...: '550 5.7.708 ...'").
                if let Some(inner) = s.strip_prefix('\'').map(|r| closed_by(r, "'").trim()) {
                    if !inner.is_empty() {
                        s = inner;
                    }
                }
            }
        }
        for (k, (start, upto, end)) in WRAPPERS.iter().enumerate() {
            let Some(rest) = s.strip_prefix(start) else {
                continue;
            };
            let inner = if upto.is_empty() {
                rest
            } else {
                match rest.find(upto) {
                    // The words between are a host and its address, never a sentence.
                    Some(p) if p <= 100 => rest.get(p + upto.len()..).unwrap_or(""),
                    _ => continue,
                }
            };
            let closed = closed_by(inner, end);
            // A wrapper whose closing words are not there gives way to a looser one with the
            // same start ("リモート サーバーから '...'" without "が返されました").
            let looser = WRAPPERS.get(k + 1..).unwrap_or_default();
            if closed.len() == inner.len() && looser.iter().any(|w| w.0 == *start) {
                continue;
            }
            let inner = closed.trim();
            if !inner.is_empty() && inner.len() < s.len() {
                s = inner;
                break;
            }
        }
        if s == before {
            break;
        }
    }
    if let Some((p, _)) = text::find_earliest(s, TRAILERS) {
        // Text that starts with the notice's closing sentence holds no reply of the receiver's
        // (an Exim delay warning whose reader took its lines): nothing is shown.
        s = s.get(..p).map_or(s, str::trim_end);
    }
    if let Some(reply) = s
        .get(..DIAGNOSTIC_TYPE.len())
        .filter(|t| t.eq_ignore_ascii_case(DIAGNOSTIC_TYPE))
        .and_then(|_| s.get(DIAGNOSTIC_TYPE.len()..))
        .filter(|r| !r.trim().is_empty())
    {
        s = reply.trim_start();
    }
    let after_space = |p: usize| p > 0 && s.as_bytes().get(p - 1) == Some(&b' ');
    if let Some((p, _)) = text::find_earliest(s, REPORT_FIELDS).filter(|&(p, _)| after_space(p)) {
        s = s.get(..p).map_or(s, str::trim_end);
    }
    let kept = s.trim_end_matches(PRINTED_END);
    if kept.len() < s.len() && s.get(kept.len()..).is_some_and(|end| end.contains("\\\"")) {
        s = kept;
    }
    if let Some(inner) = quoted_reply(s) {
        s = inner;
    }
    if let Some(p) = stack_frame(s) {
        if let Some(head) = s.get(..p).map(str::trim_end).filter(|h| !h.is_empty()) {
            s = head;
        }
    }
    s.to_string()
}

/// Marks a page or a chat puts before a line it lists ("・550-5.7.26 ..." from a Japanese FAQ).
const BULLETS: &[char] = &['・', '•', '●', '■'];

/// What a client's debug output writes before each line the server sent (PHPMailer's
/// `SMTPDebug`: "2020-08-15 17:53:32 SERVER -> CLIENT: 550 ...").
const SERVER_TO_CLIENT: &str = "SERVER -> CLIENT:";

/// The receiver's words without what a log or a page put before them and after them: a
/// Postfix queue ID ("D684822608D: host ..."), a debug line's time and direction, a list's
/// bullet, and a closing quote with a comma left from a program's string ("...",). Each is
/// taken only when what stays is not empty (review 10, L1).
fn without_log_prefix(mut s: &str) -> &str {
    if let Some(rest) = s.strip_prefix(BULLETS).map(str::trim_start) {
        if !rest.is_empty() {
            s = rest;
        }
    }
    if let Some(p) = text::find(text::clip(s, 60), SERVER_TO_CLIENT) {
        let head = s.get(..p).unwrap_or_default();
        let stamp = head
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b':' | b' ' | b'.' | b'T' | b'/'));
        let rest = s
            .get(p + SERVER_TO_CLIENT.len()..)
            .unwrap_or_default()
            .trim_start();
        if stamp && !rest.is_empty() {
            s = rest;
        }
    }
    if let Some(rest) = after_queue_id(s) {
        s = rest;
    }
    if let Some(kept) = s.strip_suffix("\",").or_else(|| s.strip_suffix('"')) {
        // Only a quote that closes none opened in the text.
        if kept.matches('"').count() % 2 == 0 && !kept.trim().is_empty() {
            s = kept.trim_end();
        }
    }
    s
}

/// The text after a Postfix queue ID at its start, when a log line's words follow it
/// ("D684822608D: host mx.example.org[192.0.2.1] said: ...", "4JgyGN3kgGzMCn: to=<...>"). A
/// short ID is 10 or more hexadecimal capitals, a long one 12 or more letters and digits; both
/// hold a digit, which no word of a sentence does.
/// Source: https://www.postfix.org/postconf.5.html#enable_long_queue_ids
fn after_queue_id(s: &str) -> Option<&str> {
    let at = text::find(s, ": ")?;
    let (id, rest) = (s.get(..at)?, s.get(at + 2..)?);
    let ok = (10..=20).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
        && id.bytes().any(|b| b.is_ascii_digit());
    let lead = ["host ", "to=<", "<", "lost connection", "conversation with"];
    (ok && lead.iter().any(|l| rest.starts_with(l))).then_some(rest)
}

/// Quotes a person may put around a reply they copied into a sentence of their own
/// ("送信しようとすると' 550 5.7.1 ... ' が表示されて送信できない", "I get '550 5.7.1 ...'
/// when I send"), with the mark that closes each.
const QUOTES: &[(char, &str)] = &[('\'', "'"), ('"', "\""), ('「', "」"), ('『', "』")];

/// The reply inside quotes, when a text that does not start with a reply (nor hold a digit
/// before the quote) quotes one: the words around it are the person's, not the receiver's.
/// A reply starts with a reply code, 2xx, 4xx or 5xx, and a space or a hyphen (RFC 5321, 4.2).
fn quoted_reply(s: &str) -> Option<&str> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // The quote is looked for among the first 200 bytes only, before any digit.
    let (at, open) = s
        .char_indices()
        .take_while(|&(i, c)| i <= 200 && !c.is_ascii_digit())
        .find(|&(_, c)| QUOTES.iter().any(|(q, _)| *q == c))?;
    let close = QUOTES.iter().find(|(q, _)| *q == open)?.1;
    let rest = s.get(at + open.len_utf8()..)?.trim_start();
    let code = rest.as_bytes();
    let is_reply = code.len() > 4
        && matches!(code[0], b'2' | b'4' | b'5')
        && code[1].is_ascii_digit()
        && code[2].is_ascii_digit()
        && matches!(code[3], b' ' | b'-');
    if !is_reply {
        return None;
    }
    // An apostrophe closes only where a space or the end follows it ("don't" does not);
    // the other marks close where they are.
    let inner = if open == '\'' || open == '"' {
        closed_by(rest, close)
    } else {
        rest.split(close).next().unwrap_or(rest)
    };
    let inner = inner.trim();
    (inner.len() > 4 && inner.len() < rest.len()).then_some(inner)
}

/// Where a program's stack trace starts in a pasted error, if it does: Node.js prints the
/// error's message, then one frame a line, "    at SMTPConnection._formatError
/// (C:\app\node_modules\nodemailer\lib\smtp-connection\index.js:784:19)" or "at
/// /srv/app/send.js:12:7" (V8's stack trace format). The frames are the program's, not the
/// server's error, and they name the sender's own folders, which a letter to a provider should
/// not carry.
/// Source: https://v8.dev/docs/stack-trace-api ("at functionName (file:line:column)").
fn stack_frame(s: &str) -> Option<usize> {
    text::find_all(s, " at ").take(64).find(|&p| {
        let rest = s.get(p + 4..).unwrap_or("");
        let rest = rest
            .strip_prefix("async ")
            .or_else(|| rest.strip_prefix("new "))
            .unwrap_or(rest);
        // "name (location)" or a bare location, the location ending in ":line:column".
        let (name, location) = match rest.find([' ', ')']) {
            Some(q) if rest.get(q..).is_some_and(|t| t.starts_with(" (")) => {
                let loc = rest.get(q + 2..).unwrap_or("");
                (
                    rest.get(..q).unwrap_or(""),
                    loc.split(')').next().unwrap_or(""),
                )
            }
            Some(q) => ("", rest.get(..q).unwrap_or("")),
            None => ("", rest),
        };
        let plain_name = name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '$' | '<' | '>'));
        // "file:line:column" by two `rsplit_once`s, not `rsplitn(3, ':')` (one more iterator
        // type in the wasm).
        let Some((file, line, column)) = location.rsplit_once(':').and_then(|(rest, column)| {
            rest.rsplit_once(':')
                .map(|(file, line)| (file, line, column))
        }) else {
            return false;
        };
        let digits =
            |t: &str| !t.is_empty() && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit());
        plain_name
            && location.len() <= 400
            && digits(column)
            && digits(line)
            // A script's path or name, not a time of day ("at 10:42:07").
            && (file.contains(['/', '\\'])
                || [".js", ".mjs", ".cjs", ".ts"]
                    .iter()
                    .any(|e| file.ends_with(e)))
    })
}

/// `s` up to the first `end` that the end of `s` or a space follows (so the apostrophe of
/// "weren't" does not close a quote), or all of `s`.
fn closed_by<'a>(s: &'a str, end: &str) -> &'a str {
    let mut from = 0;
    while let Some(p) = s
        .get(from..)
        .and_then(|r| text::find(r, end))
        .map(|p| from + p)
    {
        let after = s.get(p + end.len()..).unwrap_or("");
        if after.is_empty() || after.starts_with(char::is_whitespace) {
            return s.get(..p).unwrap_or(s);
        }
        from = p + end.len();
    }
    s
}

fn decide_reason(f: &mut Fact) {
    if f.reason.is_some() && !reason::is_revisable(f.reason) {
        return;
    }
    let lc = text::lower(&f.diagnosis);
    let found = lda::find(f, &lc)
        .filter(|r| reason::is_explicit(Some(*r)))
        .or_else(|| rhost::find(f, &lc).filter(|r| reason::is_explicit(Some(*r))))
        .or_else(|| Some(reason::find(f)).filter(|r| reason::is_explicit(Some(*r))));
    f.reason = Some(match found {
        Some(r) => r,
        // Words that name no reason leave the reason a reader's format stated (an ESP's own
        // class of the event, `mta/webhook.rs`); only without one is the refusal on hold.
        None if !f.diagnosis.is_empty() => f
            .reason
            .filter(|r| reason::is_explicit(Some(*r)))
            .unwrap_or(Reason::OnHold),
        None => f.reason.unwrap_or(Reason::Undefined),
    });
}

/// Hard bounce, pseudo status code, reply code consistent with the status, action.
fn finish(f: &mut Fact) {
    let r = f.reason.unwrap_or(Reason::Undefined);
    if matches!(r, Reason::Delivered | Reason::Feedback | Reason::Vacation) {
        if r != Reason::Delivered {
            f.reply_code.clear();
        }
    } else {
        let cv = format!("{} {}", f.status, f.diagnosis);
        f.hard_bounce = is_hard_bounce(r, cv.trim());
    }
    if f.status.is_empty() {
        let ce = format!("{} {}", f.reply_code, f.diagnosis);
        let ce = ce.trim();
        f.status = status::pseudo_code(r, smtp::is_temporary(ce));
    }
    let sc = f.status.get(..1).unwrap_or("");
    let rc = f.reply_code.get(..1).unwrap_or("");
    // A 5xx greeting under a 4.x.x status is what the server said, not a stray number: Postfix
    // skips a server that greets with 5xx and defers the message to try again
    // (`smtp_skip_5xx_greeting`, on by default), so its delay notice pairs its own 4.0.0 with
    // the receiver's "refused to talk to me: 554 ...", which waiting does not clear.
    // Source: https://www.postfix.org/postconf.5.html#smtp_skip_5xx_greeting
    let refused_greeting =
        sc == "4" && rc == "5" && matches!(f.command.as_str(), "CONN" | "HELO" | "EHLO");
    if sc != rc
        && !refused_greeting
        && paired_reply(&f.diagnosis, &f.status).as_deref() != Some(&f.reply_code)
    {
        let again = reply::find(&f.diagnosis, sc);
        f.reply_code = if !sc.is_empty() && again.starts_with(sc) {
            again
        } else {
            String::new()
        };
    }
    if !matches!(
        f.action.as_str(),
        "failed" | "delayed" | "delivered" | "relayed" | "expanded"
    ) {
        f.action = match f.action.to_ascii_lowercase().as_str() {
            "deliverable" => "delivered".into(),
            // SendGrid's "Action: expired" comes with "Undelivered Mail Returned to Sender":
            // the message expired in the queue and was given up on.
            "expired" => "failed".into(),
            "failure" => "failed".into(),
            _ => String::new(),
        };
    }
    if r == Reason::Delivered {
        f.action = "delivered".into();
    }
    if f.action.is_empty()
        && sc == "4"
        && f.reply_code.starts_with('4')
        && f.pasted
        && f.reason == Some(Reason::Expired)
        && f.status != "4.4.7"
        && text::find_ci(&f.diagnosis, "expired").is_none()
        && !gave_up(&f.diagnosis)
    {
        // A pasted temporary reply that says nothing of giving up (a log line "421 4.4.1
        // Connection timed out"): the sending server keeps the message and tries again. (X.4.7,
        // "delivery time expired" (RFC 3463), and "Message expired" say the server gave up.)
        f.action = "delayed".into();
    }
    if f.action.is_empty() && (sc == "4" || sc == "5") {
        f.action = "failed".into();
    }
}

/// Whether resending cannot help: the address or domain does not exist, or the recipient host
/// says (permanently) that it accepts no mail.
fn is_hard_bounce(r: Reason, text: &str) -> bool {
    match r {
        Reason::HasMoved | Reason::UserUnknown | Reason::HostUnknown => true,
        Reason::NotAccept => {
            if text.is_empty() {
                return true;
            }
            let mut cv = status::find(text, "");
            if cv.is_empty() {
                cv = reply::find(text, "");
            }
            cv.starts_with('5') || !smtp::is_temporary(text)
        }
        _ => false,
    }
}

/// A host name in an error message: "host mx.example.jp[192.0.2.1] said:" and the like.
fn host_in_text(s: &str) -> Option<String> {
    let lc = text::lower(s);
    // Postfix also writes "connect to mx.example.jp[192.0.2.1]:25: Connection timed out".
    for lead in ["host ", "server ", "mta ", "connect to "] {
        let mut from = 0;
        while let Some(p) = lc.get(from..).and_then(|t| text::find(t, lead)) {
            let start = from + p + lead.len();
            from = start;
            let word: String = lc[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            let word = word.trim_end_matches('.');
            if is_internet_host(word) {
                return Some(word.to_string());
            }
        }
    }
    None
}

/// A plausible internet host name: dotted labels, a top-level label of letters.
fn is_internet_host(s: &str) -> bool {
    if s.len() < 4 || s.len() > 255 || !s.contains('.') {
        return false;
    }
    let Some(tld) = s.rsplit('.').next() else {
        return false;
    };
    tld.len() >= 2
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !s.split('.').any(str::is_empty)
}

/// Cleans a host value: `[1.2.3.4]`, `(comments)`, a trailing dot, an address's domain.
fn tidy_host(h: &str) -> String {
    let mut v = h.trim().to_string();
    if let Some((_, d)) = v.rsplit_once('@') {
        v = d.to_string();
    }
    v.retain(|c| !matches!(c, '(' | ')' | '[' | ']' | '\r'));
    if let Some((_, r)) = v.split_once('=') {
        v = r.to_string();
    }
    if v.contains(' ') {
        let first_host = v.split(' ').find(|w| !is_ipv4(w)).unwrap_or("").to_string();
        v = if first_host.is_empty() {
            v.split(' ').next().unwrap_or("").to_string()
        } else {
            first_host
        };
    }
    let v = v.trim_end_matches('.').to_ascii_lowercase();
    if is_masked_host(&v) || is_mask_only(&v) {
        String::new()
    } else {
        v
    }
}

/// A host name a paste masked ("***.***.***.**", "xxxx.com"): every label but the last is
/// only mask characters (at least two), so it names no server and is no rejecting host.
fn is_masked_host(h: &str) -> bool {
    let mask =
        |l: &str| l.chars().count() >= 2 && l.chars().all(|c| matches!(c, '*' | '⋆' | '•' | 'x'));
    // No list of the labels: this runs for every host name of every recipient.
    let Some((labels, last)) = h.rsplit_once('.') else {
        return false;
    };
    labels.split('.').all(mask)
        && (mask(last) || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// An address or name a paste masked wholly: "x.x.x.x", "X.X.X.X" (lowercased before),
/// "*.*.*.*", every label only mask characters (no top-level domain is one), or a word put in
/// its place ("[redacted]"). It names no server, so it is no rejecting host.
fn is_mask_only(h: &str) -> bool {
    matches!(h, "redacted" | "removed" | "hidden" | "masked")
        || h.contains('.')
            && h.split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| matches!(c, '*' | '⋆' | '•' | 'x')))
}

pub(crate) fn is_ipv4(s: &str) -> bool {
    // Four parts, each one to three characters that parse as a byte; counted as they come
    // (no list of the parts: this runs for every host name of every recipient). A part with a
    // leading zero ("111.111.245.000") is a page's made-up or masked address, never a host's
    // (Rust's and modern resolvers' parsers refuse it too).
    let mut parts = 0;
    for p in s.split('.') {
        parts += 1;
        if parts > 4
            || p.is_empty()
            || p.len() > 3
            || (p.len() > 1 && p.starts_with('0'))
            || p.parse::<u8>().is_err()
        {
            return false;
        }
    }
    parts == 4
}

/// The rejecting server's IP: the remote host itself when it is an address, or the address
/// written next to its name ("mx.example.jp[192.0.2.1]", "mx.example.jp (192.0.2.1)").
fn remote_ip(rhost: &str, raw: &str) -> Option<String> {
    if is_ipv4(rhost) || (rhost.contains(':') && rhost.parse::<std::net::Ipv6Addr>().is_ok()) {
        return Some(rhost.to_string());
    }
    if rhost.is_empty() {
        return None;
    }
    let lc = text::lower(raw);
    let p = text::find(&lc, rhost)? + rhost.len();
    let rest = lc.get(p..)?.trim_start();
    let rest = rest
        .strip_prefix('[')
        .or_else(|| rest.strip_prefix('('))?
        .trim_start();
    let rest = rest.strip_prefix("ipv6:").unwrap_or(rest);
    let ip: String = rest
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':'))
        .collect();
    if is_ipv4(&ip) || (ip.contains(':') && ip.parse::<std::net::Ipv6Addr>().is_ok()) {
        Some(ip)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::Reason;

    /// The reason `diagnose` gives a pasted text, and its first recipient.
    fn read(text: &str) -> (Reason, String) {
        let d = crate::diagnose(text.as_bytes());
        let first = d
            .recipients
            .first()
            .map(|r| r.recipient.clone())
            .unwrap_or_default();
        (d.reason, first)
    }

    #[test]
    fn a_recipient_hidden_before_pasting_keeps_the_report() {
        // Exim's notice with the address replaced and its indent lost in the paste.
        let exim = "This message was created automatically by mail delivery software.\n\n\
            A message that you sent could not be delivered to one or more of its\n\
            recipients. This is a permanent error. The following address(es) failed:\n\n\
            [REDACTED]\n    all relevant MX records point to non-existent hosts or (invalidly) to IP addresses\n";
        let (reason, who) = read(exim);
        assert_eq!(reason, Reason::HostUnknown);
        assert!(crate::address::is_redacted(&who), "{who}");
        // A delivery report whose Final-Recipient is a word, with no "@" anywhere.
        let dsn = "Reporting-MTA: dns;mx.example.net\n\nFinal-Recipient: redacted\n\
            Action: failed\nStatus: 5.0.0\nDiagnostic-Code: error; NoMxHostFoundException: null\n";
        let d = crate::diagnose(dsn.as_bytes());
        assert_eq!(d.reason, Reason::NetworkError);
        assert_eq!(d.enhanced_code.as_deref(), Some("5.0.0"));
        // The same lines without a recipient field stay no bounce.
        let bare =
            "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: error; NoMxHostFoundException: null\n";
        assert!(crate::diagnose(bare.as_bytes()).recipients.is_empty());
    }

    #[test]
    fn try_again_later_after_a_prefix_is_still_a_soft_reject() {
        for (line, soft) in [
            ("451 4.7.1 Try again later", true),
            ("Server mx said: 451 4.7.1 Try again later", true),
            (
                "host mx.example.org[192.0.2.1] said: 451 4.7.1 Try again later (in reply to RCPT TO command)",
                true,
            ),
            ("451-4.7.1 Try again later.", true),
            ("451 4.7.1 Client host blocked, try again later", false),
            ("451 4.7.1 Try again later, you are listed at example.net", false),
            ("554 5.7.1 Try again later", false),
        ] {
            assert_eq!(super::is_soft_reject(line), soft, "{line}");
        }
        let (reason, _) = read(
            "<bob@example.org>: host mx.example.org[192.0.2.1] said: 451 4.7.1 Try again later (in reply to RCPT TO command)\n",
        );
        assert_ne!(reason, Reason::Blocked);
    }

    #[test]
    fn a_domain_that_loops_back_is_the_receivers_setup() {
        let (reason, _) = read("550 5.1.1 <admin@example.org>: Recipient address rejected: undeliverable address: mail for example.org loops back to myself\n");
        assert_eq!(reason, Reason::SystemError);
    }

    #[test]
    fn exchanges_wrapped_diagnostic_is_read_whole() {
        let ndr = "Your message did not reach some or all of the intended recipients.\n\
            The following recipient(s) could not be reached:\n\
            bob@example.org on 1/2/2020 10:00 AM\n\
            You do not have permission to send to this recipient.\n\
            <mx.example.org #5.0.0 smtp;550 mx.example.org:\n\
            Helo command rejected: Host not found>\n";
        let (reason, _) = read(ndr);
        assert_eq!(reason, Reason::Blocked);
    }

    #[test]
    fn a_logs_queue_id_time_bullet_and_closing_quote_are_not_the_error() {
        use super::for_display;
        for (raw, want) in [
            (
                "D684822608D: host mx.example.org[192.0.2.1] said: 421 4.7.0 deferred",
                "host mx.example.org[192.0.2.1] said: 421 4.7.0 deferred",
            ),
            (
                "4JgyGN3kgGzMCn: host mx1.example.fr[192.0.2.2] said: 421 Refused",
                "host mx1.example.fr[192.0.2.2] said: 421 Refused",
            ),
            (
                "2020-08-15 17:53:32 SERVER -> CLIENT: 550 5.4.5 Daily user sending quota exceeded.",
                "550 5.4.5 Daily user sending quota exceeded.",
            ),
            (
                "SERVER -> CLIENT: 550 5.7.1 Refused",
                "550 5.7.1 Refused",
            ),
            (
                "・ 550-5.7.26 Gmail requires all senders to authenticate.",
                "550-5.7.26 Gmail requires all senders to authenticate.",
            ),
            (
                "550 5.7.509 Access denied. <..... continued message .....>\",",
                "550 5.7.509 Access denied. <..... continued message .....>",
            ),
        ] {
            assert_eq!(for_display(raw), want, "{raw}");
        }
        // Words that only look like one stay: a word without a digit before a colon, a quote
        // the text opened, a client's own line, a prefix with nothing after it.
        for kept in [
            "Information: host mx.example.org said: 550 refused",
            "550 5.2.2 \"Mailbox full\"",
            "550 refused by the recipient's rule for ab12: host lists",
            "Sent at 10:42 SERVER -> CLIENT: 550 refused",
            "・",
        ] {
            assert_eq!(for_display(kept), kept);
        }
    }

    #[test]
    fn a_stack_trace_is_cut_from_the_error_shown() {
        use super::for_display;
        assert_eq!(
            for_display("Error: Can't send mail - all recipients were rejected: 550 5.7.1 blocked using zen.spamhaus.org at SMTPConnection._formatError (C:\\app\\node_modules\\nodemailer\\lib\\index.js:784:19) at SMTPConnection._actionRCPT (C:\\app\\index.js:1613:28)"),
            "Can't send mail - all recipients were rejected: 550 5.7.1 blocked using zen.spamhaus.org"
        );
        assert_eq!(
            for_display("550 5.7.1 refused at async /srv/app/send.js:12:7"),
            "550 5.7.1 refused"
        );
        // Words that only look like a frame stay.
        for kept in [
            "550 5.7.1 Mail from 192.0.2.1 refused at 10:42:07 today",
            "451 Try again at mx.example.org (port 25)",
            "550 rejected at RCPT: see https://example.org/a:1:2",
        ] {
            assert_eq!(for_display(kept), kept);
        }
    }

    #[test]
    fn report_fields_log_prefixes_and_printed_ends_are_not_the_error() {
        use super::for_display;
        for (raw, want) in [
            (
                "retry timeout exceeded Reporting-MTA: dns; mx.example.org Action: failed Final-Recipient: rfc822;ann@example.org Status: 5.0.0",
                "retry timeout exceeded",
            ),
            (
                "Diagnostic-Code: smtp; 550 5.1.1 <ann@example.org>: User unknown",
                "550 5.1.1 <ann@example.org>: User unknown",
            ),
            ("smtp;450 4.7.3 Try later", "450 4.7.3 Try later"),
            (
                "mail postfix/smtpd[2386]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 504 5.5.2 <localhost>: Helo command rejected",
                "NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 504 5.5.2 <localhost>: Helo command rejected",
            ),
            (
                "4.1.2 <ann@example.org>: Recipient address rejected: Domain not found\\\") }\"]",
                "4.1.2 <ann@example.org>: Recipient address rejected: Domain not found",
            ),
            (": Sender address rejected: Domain not found", "Sender address rejected: Domain not found"),
        ] {
            assert_eq!(for_display(raw), want, "{raw}");
        }
        // Closing marks of the reply itself stay.
        for kept in [
            "550 5.1.1 User unknown (in reply to RCPT TO command)",
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked",
            "550 \"quoted words\"",
        ] {
            assert_eq!(for_display(kept), kept);
        }
    }

    #[test]
    fn masked_host_test_is_the_one_with_a_list() {
        fn with_list(h: &str) -> bool {
            let mask = |l: &str| {
                l.chars().count() >= 2 && l.chars().all(|c| matches!(c, '*' | '⋆' | '•' | 'x'))
            };
            let mut labels = h.split('.').collect::<Vec<_>>();
            let last = labels.pop().unwrap_or_default();
            !labels.is_empty()
                && labels.iter().all(|l| mask(l))
                && (mask(last)
                    || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_alphabetic())))
        }
        let parts = [
            "", ".", "x", "xx", "**", "•⋆", "com", "c0m", "a", "***", "mx", "é",
        ];
        let mut masked = 0;
        for a in parts {
            for b in parts {
                for c in parts {
                    let h = format!("{a}{b}{c}");
                    assert_eq!(is_masked_host(&h), with_list(&h), "{h:?}");
                    masked += usize::from(with_list(&h));
                }
            }
        }
        assert!(masked > 10);
    }

    #[test]
    fn masked_host_names_are_no_hosts() {
        assert_eq!(tidy_host("***.***.***.**"), "");
        assert_eq!(tidy_host("XXXX.com"), "");
        assert_eq!(tidy_host("mx.example.com"), "mx.example.com");
        assert_eq!(tidy_host("x.com"), "x.com");
        assert_eq!(tidy_host("xx.example.jp"), "xx.example.jp");
        for masked in [
            "x.x.x.x",
            "X.X.X.X",
            "*.*.*.*",
            "[redacted]",
            "xxx.xxx.xxx.xxx",
        ] {
            assert_eq!(tidy_host(masked), "", "{masked}");
        }
        assert_eq!(tidy_host("x.example.com"), "x.example.com");
    }

    use super::*;

    #[test]
    fn replace_found_is_str_replace() {
        let texts = [
            "",
            "550",
            "550-5.7.1 a 550-5.7.1 b/550-5.7.1 c 550 5.7.1 d",
            "550-550-550- x 550550-",
            "日本550-5.7.1語 550-",
            "no code here",
        ];
        let pats = ["550-", "550 ", "550-5.7.1", "/550-5.7.1", "550", "5", "語"];
        for t in texts {
            for p in pats {
                for with in ["", " ", "xy"] {
                    assert_eq!(
                        replace_found(t.to_string(), p, with),
                        t.replace(p, with),
                        "{t:?} {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_retrying_phrase_holds_a_word() {
        for phrase in STILL_RETRYING {
            assert!(
                RETRYING_WORDS.iter().any(|w| phrase.contains(w)),
                "{phrase}"
            );
        }
    }

    #[test]
    fn delay_words_agree_with_one_search_per_phrase() {
        // The plain version `says_delay` replaced.
        let plain = |subject: &str, head: &str| {
            let says = |needles: &[&str]| {
                needles.iter().any(|n| {
                    text::find_ci(subject, n).is_some() || text::find_ci(head, n).is_some()
                })
            };
            says(STILL_RETRYING) && !says(GAVE_UP)
        };
        assert!(STILL_RETRYING
            .iter()
            .chain(GAVE_UP)
            .all(|w| w.len() >= 2 && *w == w.to_ascii_lowercase()));
        let cases = [
            ("Delayed Mail (still being retried)", ""),
            (
                "",
                "** THIS IS A WARNING MESSAGE ONLY **\nYOU DO NOT NEED TO RESEND YOUR MESSAGE",
            ),
            (
                "Warning: could not send message for past 4 hours",
                "Cannot send message for 5 days",
            ),
            (
                "Mail delivery failed",
                "It will be retried until it is 5 day(s) old.",
            ),
            (
                "Undelivered Mail",
                "retry timeout exceeded; will continue to try",
            ),
            (
                "",
                "Delivery attempts will continue to be made, then Gave Up.",
            ),
            ("still being retrie", "d will be retried unti"),
            ("", "日本語 Delivery Is Delayed To These Recipients"),
            ("", ""),
        ];
        for (subject, head) in cases {
            assert_eq!(
                says_delay(subject, head),
                plain(subject, head),
                "{subject:?} {head:?}"
            );
        }
        assert!(says_delay("", "this is a warning only"));
        assert!(!says_delay("giving up", "this is a warning only"));
    }

    #[test]
    fn shows_the_receivers_error_alone() {
        for (text, want) in [
            // Microsoft 365's labels, English and Japanese (also with a full-width colon).
            ("Reported error: 550 5.7.1 Blocked", "550 5.7.1 Blocked"),
            (
                "報告されたエラー: 550 5.4.1 Access denied",
                "550 5.4.1 Access denied",
            ),
            ("エラー：550 5.1.10 Not found", "550 5.1.10 Not found"),
            // Exchange's quotes, closed by the first quote a space or the end follows.
            (
                "Remote Server returned '550 5.7.1 messages weren't sent'",
                "550 5.7.1 messages weren't sent",
            ),
            (
                "Remote Server at mx.example.jp (192.0.2.1) returned '451 4.4.0 Timeout'",
                "451 4.4.0 Timeout",
            ),
            (
                "リモート サーバーから '554 5.7.1 Blocked' が返されました Status: 5.7.1",
                "554 5.7.1 Blocked",
            ),
            // Microsoft's Japanese NDR without the closing words, the code written "550;5.7.711".
            (
                "リモート サーバーから '550;5.7.711 アクセスが拒否されました。 AS(2204)。'",
                "550;5.7.711 アクセスが拒否されました。 AS(2204)。",
            ),
            (
                "Reported error: Remote Server returned '550 5.1.1 x'",
                "550 5.1.1 x",
            ),
            (
                "リモート サーバーから次のエラーが返されました: '550 5.7.708 Access denied'",
                "550 5.7.708 Access denied",
            ),
            (
                "リモート サーバーから次のエラーが返されました：550 5.7.1 Blocked",
                "550 5.7.1 Blocked",
            ),
            // Sendmail's wrapper, with a parenthesis of the reply's own inside.
            (
                "(reason: 550 5.1.1 User unknown (in reply to RCPT))",
                "550 5.1.1 User unknown (in reply to RCPT)",
            ),
            // Exim's closing sentences.
            (
                "Delay reason: 451 4.3.0 Try later No action is required on your part. Delivery",
                "Delay reason: 451 4.3.0 Try later",
            ),
            // Nothing but a label or a closing sentence stays as it is; other texts too.
            ("Error:", "Error:"),
            // A text that starts with the closing sentence holds no reply: nothing is shown.
            (
                "No action is required on your part. Delivery attempts will continue",
                "",
            ),
            // A reply a person quoted in a sentence of their own.
            (
                "送信しようとすると' 550 5.7.1 Sorry, relaying denied . ' が表示されます",
                "550 5.7.1 Sorry, relaying denied .",
            ),
            (
                "I keep getting \"554 5.7.1 Relay access denied\" when sending",
                "554 5.7.1 Relay access denied",
            ),
            (
                "「550 5.1.1 User unknown」と出ます",
                "550 5.1.1 User unknown",
            ),
            // Not a reply in the quotes, or a digit before them: kept.
            (
                "Server says 'hello there' to us",
                "Server says 'hello there' to us",
            ),
            (
                "At 10:42 it said '550 5.1.1 x' again",
                "At 10:42 it said '550 5.1.1 x' again",
            ),
            (
                "550 5.1.1 Error: user unknown",
                "550 5.1.1 Error: user unknown",
            ),
            ("Remote Server is down", "Remote Server is down"),
            ("", ""),
        ] {
            assert_eq!(for_display(text), want, "{text}");
        }
    }

    #[test]
    fn the_visible_head_of_a_pasted_bounce_names_its_sender() {
        let failed = |a: &str| mta::Delivery {
            recipient: a.into(),
            ..mta::Delivery::default()
        };
        let rcpts = [failed("kim@example.org")];
        for (text, want) in [
            // Apple Mail: the sender's name, the subject, then "To:".
            (
                "Mail Delivery System\nUndelivered Mail Returned to Sender\nTo: ann@Example.NET\nToday at 10:02\n\n<kim@example.org>: ...",
                Some("example.net"),
            ),
            // Outlook's quote of the bounce in a ticket.
            (
                "Please help.\n\n-----Original Message-----\nFrom: Mail Delivery System <Mailer-Daemon@mx.example.com>\nSent: Monday\nTo: ann@example.net\nSubject: Mail delivery failed\n\nbody",
                Some("example.net"),
            ),
            // A person forwarding the bounce writes to someone else.
            (
                "From: Ann <ann@example.net>\nTo: help@example.com\nSubject: Fwd: Undelivered Mail Returned to Sender\n\nbody",
                None,
            ),
            // The returned message's own block: its To is the failed recipient.
            (
                "From: Mail Delivery System\nTo: kim@example.org\n\nbody",
                None,
            ),
            ("To: ann@example.net\nSubject: hello\n\nbody", None),
        ] {
            assert_eq!(
                sender_in_visible_head(text, &rcpts)
                    .as_deref()
                    .and_then(address::domain)
                    .as_deref(),
                want,
                "{text}"
            );
        }
    }

    /// A Postfix bounce whose own header goes on with `outer` (after its From) and returns a
    /// message whose header starts with `returned` (then "To: bo@example.org", "Subject").
    fn postfix_bounce(outer: &str, returned: &str) -> String {
        format!(
            "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\n\
             {outer}\
             Subject: Undelivered Mail Returned to Sender\n\
             MIME-Version: 1.0\n\
             Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n\
             --b\n\
             Content-Type: text/plain\n\n\
             This is the mail system at host mx.example.net.\n\n\
             <bo@example.org>: host mx.example.org[192.0.2.9] said: 550 5.1.1 <bo@example.org>:\n    \
             Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n\
             --b\n\
             Content-Type: text/rfc822-headers\n\n\
             {returned}\
             To: bo@example.org\n\
             Subject: hello\n\n\
             --b--\n"
        )
    }

    #[test]
    fn the_returned_messages_subject_is_read_in_its_charset() {
        let subject = |field: &str| {
            let bounce = postfix_bounce(
                "To: ann@example.com\n",
                &format!("From: ann@example.com\n{field}"),
            );
            crate::diagnose(bounce.as_bytes()).subject
        };
        // As written, or its encoded words read (adjacent ones joined, a folded field too).
        assert_eq!(
            subject("Subject: Quarterly report\n").as_deref(),
            Some("Quarterly report")
        );
        assert_eq!(
            subject("Subject: =?UTF-8?B?5Lya6K2w44Gu44GU5qGI5YaF?=\n").as_deref(),
            Some("会議のご案内")
        );
        assert_eq!(
            subject("Subject: =?UTF-8?B?5Lya6K2w?=\n =?UTF-8?Q?=E3=81=AE_notes?=\n").as_deref(),
            Some("会議の notes")
        );
        #[cfg(feature = "full_encoding")]
        assert_eq!(
            subject("Subject: =?ISO-8859-1?Q?Caf=E9?= menu\n").as_deref(),
            Some("Café menu")
        );
        // Japanese mail's usual charset (the page decodes it with the browser's TextDecoder).
        #[cfg(feature = "full_encoding")]
        assert_eq!(
            subject("Subject: =?ISO-2022-JP?B?GyRCMnE1RCRON28bKEI=?=\n").as_deref(),
            Some("会議の件")
        );
        // No control characters; a long one is cut.
        assert_eq!(
            subject("Subject: =?UTF-8?Q?a=07b?=\n").as_deref(),
            Some("a b")
        );
        let long = subject(&format!("Subject: {}\n", "x".repeat(500))).unwrap_or_default();
        assert_eq!(long.chars().count(), MAX_SUBJECT_CHARS + 1);
        assert!(long.ends_with('…'));
        // Without a Subject of its own, the returned header gives none (the bounce's own
        // "Undelivered Mail Returned to Sender" is no subject of the sender's).
        let bare = postfix_bounce("To: ann@example.com\n", "From: ann@example.com\n")
            .replace("Subject: hello\n", "");
        assert_eq!(crate::diagnose(bare.as_bytes()).subject, None);
        // A returned notice (a bounce of a bounce), and text that is no text in its label's
        // charset (Shift_JIS bytes labelled ISO-2022-JP), name no mail of the sender's.
        assert_eq!(
            subject("Subject: Returned mail: see transcript for details\n"),
            None
        );
        assert_eq!(
            subject("Subject: Undelivered Mail Returned to Sender\n"),
            None
        );
        assert_eq!(subject("Subject: =?UTF-8?B?gaGL2Yt9?=\n"), None);
    }

    #[test]
    fn the_returned_messages_date_is_when_it_was_sent() {
        let bounce = |date: &str| {
            postfix_bounce(
                "To: ann@example.com\nDate: Tue, 28 Mar 2017 09:00:00 +0900\n",
                &format!("From: Ann <ann@example.com>\n{date}"),
            )
        };
        let sent_at = |date: &str| crate::diagnose(bounce(date).as_bytes()).sent_at;
        // The returned message's own field, not the bounce's; a folded one is joined.
        assert_eq!(
            sent_at("Date: Mon, 27 Mar 2017 14:52:05 +0200\n").as_deref(),
            Some("Mon, 27 Mar 2017 14:52:05 +0200")
        );
        assert_eq!(
            sent_at("Date: Mon, 27 Mar 2017\n 14:52:05 +0200\n").as_deref(),
            Some("Mon, 27 Mar 2017 14:52:05 +0200")
        );
        // No date, or a value that is none: nothing.
        assert_eq!(sent_at(""), None);
        assert_eq!(sent_at("Date: yesterday\n"), None);
        assert_eq!(sent_at(&format!("Date: {} 2017\n", "x".repeat(90))), None);
        // A fragment without the message's header names no time.
        let line = "550 5.1.1 <bo@example.org>: Recipient address rejected: User unknown";
        assert_eq!(crate::diagnose(line.as_bytes()).sent_at, None);
    }

    #[test]
    fn finds_the_sender_domain_in_the_receivers_words() {
        for (text, want) in [
            (
                "550-5.7.26 Unauthenticated email from Example.NET is not accepted due to",
                Some("example.net"),
            ),
            // Gmail's lines broken after "of", the codes of the next line in between.
            (
                "domain's DMARC policy. Please contact the administrator of 550-5.7.26 \
                 example.net domain if this was a legitimate mail.",
                Some("example.net"),
            ),
            (
                "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC",
                Some("example.net"),
            ),
            (
                "Your message was rejected due to example.net's DMARC policy.",
                Some("example.net"),
            ),
            // Gmail's rate limit, with its number inside the brackets.
            (
                "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating \
                 from your SPF domain [Example.NET      15]. To protect our users",
                Some("example.net"),
            ),
            (
                "originating from your DKIM domain [example.net]. To",
                Some("example.net"),
            ),
            // Not a domain, or not followed by the rule's words.
            ("originating from your SPF domain [example.net x15]", None),
            ("sending domain of your message does not pass DMARC", None),
            ("sending domain [192.0.2.1] does not pass DMARC", None),
            ("sending domain [example.net does not pass", None),
            ("Unauthenticated email from example.net.", None),
            ("550 5.1.1 <hanako@example.com>: user unknown", None),
        ] {
            let domain = sender_named(text).map(|n| match n {
                Named::Domain(d) => d,
                Named::Address(a) => address::domain(&a).unwrap_or_default(),
            });
            assert_eq!(domain.as_deref(), want, "{text}");
        }
    }

    /// Momentum (SparkPost) giving up after its retries quotes the last temporary reply: the
    /// receiving server's own codes are the refusal's, and its words decide the reason; a reply
    /// Momentum wrote itself ("[internal]") leaves the outer codes (review h213, item 3).
    #[test]
    fn momentums_last_temporary_reply_is_the_receivers() {
        let gmail = "554 5.4.7 [internal] message timeout (exceeded max time, last transfail: 452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp a1 - gsmtp)";
        assert_eq!(
            passed_on_codes(gmail),
            Some(("4.2.2".to_string(), "452".to_string()))
        );
        let own = "554 5.4.7 [internal] message timeout (last transfail: 454 4.4.4 [internal] no MX or A for domain)";
        assert_eq!(passed_on_codes(own), None);
        let d = crate::diagnose(format!("{gmail}\n").as_bytes());
        assert_eq!(d.reason, Reason::MailboxFull);
        assert_eq!(
            (d.smtp_code.as_deref(), d.enhanced_code.as_deref()),
            (Some("452"), Some("4.2.2"))
        );
        // It gave up: failed, not a delay, though the codes are temporary.
        assert_eq!(d.recipients[0].action, "failed");
        let d = crate::diagnose(format!("{own}\n").as_bytes());
        assert_eq!(d.enhanced_code.as_deref(), Some("5.4.7"));
    }

    #[test]
    fn sender_address_is_the_original_senders_as_the_bounce_shows_it() {
        // A Postfix bounce to `to`, returning a message whose header is `returned`.
        let bounce = |to: &str, returned: &str| postfix_bounce(&format!("To: {to}\n"), returned);
        let sender = |text: &str| {
            let d = crate::diagnose(text.as_bytes());
            // Read from one place: the address's domain is the domain.
            if let (Some(a), Some(domain)) = (&d.sender_address, &d.sender_domain) {
                assert_eq!(address::domain(a).as_ref(), Some(domain), "{text}");
            }
            (d.sender_address, d.sender_domain)
        };
        let some = |a: &str, d: &str| (Some(a.to_string()), Some(d.to_string()));
        // The returned message's own From, not the bounce's To (a bounce address elsewhere).
        assert_eq!(
            sender(&bounce(
                "bounces@example.net",
                "From: Ann <ann@example.com>\n"
            )),
            some("ann@example.com", "example.com")
        );
        // No returned From: the bounce's To, the envelope sender it goes back to; never the
        // bounce's own From (MAILER-DAEMON@mx.example.net).
        assert_eq!(
            sender(&bounce("ann@example.com", "")),
            some("ann@example.com", "example.com")
        );
        // A returned bounce (its From a mail system's), a masked address, the recipient: the
        // domain is still the sender's, no address is.
        for returned in [
            "From: MAILER-DAEMON@example.com\n",
            "From: Postmaster <postmaster@example.com>\n",
            "From: a***@example.com\n",
            "From: [redacted]@example.com\n",
        ] {
            assert_eq!(
                sender(&bounce("", returned)),
                (None, Some("example.com".into())),
                "{returned}"
            );
        }
        assert_eq!(
            sender(&bounce("", "From: bo@example.org\n")),
            (None, Some("example.org".into()))
        );
        // The envelope sender a refusal quotes.
        assert_eq!(
            sender(
                "554 5.7.1 <sales@example.net>: Sender address rejected: Access denied\n\
                 Final-Recipient: rfc822; bo@example.org"
            )
            .0
            .as_deref(),
            Some("sales@example.net")
        );
        // Receivers' words that name only a domain, and a reply pasted alone: no address.
        assert_eq!(
            sender(
                "550-5.7.26 Unauthenticated email from example.net is not accepted due to \
                 domain's DMARC policy. <bo@example.org>"
            ),
            (None, Some("example.net".into()))
        );
        assert_eq!(
            sender("550 5.1.1 <bo@example.org>: Recipient address rejected: User unknown").0,
            None
        );
        // Gmail's and Yahoo's authentication results name the SPF domain; a sending service's
        // own bounce domain is not the sender's.
        for (reply, domain) in [
            ("550-5.7.26 This mail has been blocked because the sender is unauthenticated. \
              550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. \
              550-5.7.26 Authentication results: DKIM = did not pass SPF [news.example.org] \
              with ip: [198.51.100.25] = did not pass <bo@example.com>", Some("news.example.org")),
            ("550-5.7.27 This mail has been blocked because the sender is unauthenticated. The \
              SPF check for [shop.example.net] did not pass with ip: [203.0.113.50]. <bo@example.com>",
             Some("shop.example.net")),
            ("550-5.7.40 Your email has been rejected because example.net does not have a DMARC \
              record for the sending domain [promo.example.net] and this sender is not \
              authenticated. <bo@example.com>", Some("promo.example.net")),
            ("554 5.7.9 Message not accepted for policy reasons. SPF example.org with ip \
              198.51.100.70 = FAILURE <bo@yahoo.com>", Some("example.org")),
            ("550-5.7.26 Authentication results: DKIM = did not pass SPF [eu-west-1.amazonses.com] \
              with ip: [198.51.100.25] = did not pass <bo@example.com>", None),
        ] {
            assert_eq!(sender(reply).1.as_deref(), domain, "{reply}");
        }
        // Pasted log lines: the envelope sender Postfix logs for the message.
        let qmgr = "Mar  3 10:00:00 mx postfix/qmgr[77]: 4F1A2B: from=<ann@example.com>, size=1834, nrcpt=1 (queue active)\n\
                    Mar  3 10:00:01 mx postfix/smtp[78]: 4F1A2B: to=<bo@example.org>, relay=mx.example.org[192.0.2.9]:25, delay=1, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.9] said: 550 5.7.1 Service unavailable; client host [198.51.100.4] blocked using zen.spamhaus.org (in reply to RCPT TO command))\n";
        assert_eq!(sender(qmgr), some("ann@example.com", "example.com"));
        let smtpd = "Mar  3 10:00:00 mx postfix/smtpd[42]: NOQUEUE: reject: RCPT from mail.example.net[198.51.100.4]: 554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using bl.spamcop.net; from=<sales@example.net> to=<bo@example.org> proto=ESMTP helo=<mail.example.net>";
        assert_eq!(sender(smtpd), some("sales@example.net", "example.net"));
        // A log of two senders names neither; the null sender is no sender.
        let two = format!(
            "{qmgr}{}",
            qmgr.replace("ann@example.com", "cy@example.net")
        );
        assert_eq!(sender(&two).0, None);
        assert_eq!(
            sender(&qmgr.replace("ann@example.com", "")).0,
            None,
            "from=<> is a bounce's own envelope"
        );
        // A masked log names no sender domain; a list's bounce address is its domain only.
        assert_eq!(
            sender(&qmgr.replace("ann@example.com", "********@***.***")),
            (None, None)
        );
        assert_eq!(
            sender(&qmgr.replace("ann@example.com", "xxxxx@xxxx.xxx")),
            (None, None)
        );
        assert_eq!(
            sender(&qmgr.replace("ann@example.com", "dev-bounces@lists.example.com")),
            (None, Some("lists.example.com".into()))
        );
        // The recipient is never the sender, even in from=<> (a log that loops).
        assert_eq!(
            sender(&qmgr.replace("ann@example.com", "bo@example.org")).0,
            None
        );
    }

    #[test]
    fn expired_keeps_the_reported_action() {
        for (reported, want) in [
            ("failed", "failed"),
            ("delayed", "delayed"),
            // An expiry the report does not call a delay is a message given up on.
            ("", "failed"),
        ] {
            let mut f = Fact {
                action: reported.into(),
                status: "4.4.1".into(),
                reason: Some(Reason::Expired),
                ..Fact::default()
            };
            finish(&mut f);
            assert_eq!(f.action, want, "reported {reported:?}");
        }
    }
}

#[cfg(test)]
mod deferral_tests {
    use crate::diagnose;

    fn actions(text: &str) -> Vec<String> {
        diagnose(text.as_bytes())
            .recipients
            .into_iter()
            .map(|r| r.action)
            .collect()
    }

    #[test]
    fn a_postfix_log_line_of_a_temporary_reply_is_a_delay() {
        // smtp(8)'s line for a 4xx reply, with no recipient's status line pasted with it.
        let log = "Mar  9 04:12:30 out1 postfix/smtp[3119]: 9F1E2D3C4B: host mx.example.org[192.0.2.30] said: 451 4.3.2 Please try again later (in reply to RCPT TO command)\n";
        assert_eq!(actions(log), ["delayed"]);
        // The recipient's own line that says Postfix gave up keeps it failed.
        let bounced = format!(
            "{log}Mar  9 04:12:30 out1 postfix/smtp[3119]: 9F1E2D3C4B: to=<kim@example.org>, relay=mx.example.org[192.0.2.30]:25, dsn=4.3.2, status=bounced (host mx.example.org[192.0.2.30] said: 451 4.3.2 Please try again later (in reply to RCPT TO command))\n"
        );
        assert_eq!(actions(&bounced), ["failed"]);
        // The same reply in a bounce that says the message could not be delivered.
        let notice = "This is the mail system at host out1.example.net.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<kim@example.org>: host mx.example.org[192.0.2.30] said: 451 4.3.2 Please try again later (in reply to RCPT TO command)\n";
        assert_eq!(actions(notice), ["failed"]);
    }

    #[test]
    fn a_reply_that_says_it_defers_for_now_is_a_delay_when_pasted_alone() {
        // Yahoo's TSS04 as a sending service's log shows it: no notice says the server gave up.
        let line = "421 4.7.0 [TSS04] Messages from 192.0.2.95 temporarily deferred due to user complaints - 4.16.55.1; see https://senders.yahooinc.com/smtp-error-codes\n";
        assert_eq!(actions(line), ["delayed"]);
        let postfix = "<bob@example.net>: host mta5.am0.yahoodns.net[198.51.100.1] said: 421 4.7.0 [TSS04] Messages from 192.0.2.95 temporarily deferred due to user complaints (in reply to MAIL FROM command)\n";
        assert_eq!(actions(postfix), ["delayed"]);
        // Returned by the sending server: it gave up, so the message failed.
        let notice = format!("This is the mail system at host out1.example.net.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n{postfix}");
        assert_eq!(actions(&notice), ["failed"]);
    }

    #[test]
    fn a_temporary_reply_from_mimecast_is_a_delay() {
        let log = "2024-03-01 10:00:00 1rAbCd-000001-AB H=eu-smtp-inbound-1.mimecast.com [192.0.2.44]: SMTP error from remote mail server after RCPT TO:<clerk@example.org>: 451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451 [AbCdEf]\n";
        assert_eq!(actions(log), ["delayed"]);
        // Given up: the reply says so, or the notice around it does.
        let gave_up = log.replace("[AbCdEf]", "[AbCdEf]: retry timeout exceeded");
        assert_eq!(actions(&gave_up), ["failed"]);
        let postfix = "<clerk@example.org>: host eu-smtp-inbound-2.mimecast.com[192.0.2.40] said: 451\n    Internal resource temporarily unavailable (in reply to RCPT TO command)\n";
        assert_eq!(actions(postfix), ["delayed"]);
        let notice = format!("Subject: Mail delivery failed: returning message to sender\n\nThis message was created automatically by mail delivery software.\n\n{postfix}");
        assert_eq!(actions(&notice), ["failed"]);
        // A permanent refusal from Mimecast stays a failure.
        let refused = log.replace(
            ": 451 Internal resource temporarily unavailable",
            ": 550 Administrative prohibition",
        );
        assert_eq!(actions(&refused), ["failed"]);
        // Another receiver's 4xx in the same shape, pasted alone, is a delay as well (the
        // general rule for pasted temporary replies), unless its reason needs a fix.
        let other = "2024-03-01 10:00:00 1rAbCd-000001-AB H=mx.example.org [192.0.2.45]: SMTP error from remote mail server after RCPT TO:<clerk@example.org>: 451 Internal resource temporarily unavailable\n";
        assert_eq!(actions(other), ["delayed"]);
        let relay = other.replace(
            "451 Internal resource temporarily unavailable",
            "454 4.7.1 <clerk@example.org>: Relay access denied",
        );
        assert_eq!(actions(&relay), ["failed"]);
        // An explicit DSN action stands.
        let dsn = "Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; clerk@example.org\nAction: failed\nStatus: 4.0.0\nRemote-MTA: dns; eu-smtp-inbound-1.mimecast.com\nDiagnostic-Code: smtp; 451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451\n";
        assert_eq!(actions(dsn), ["failed"]);
    }
}
