//! Readers for the bounce formats of particular mail servers and services.
//!
//! Each reader looks at the decoded message and, when it recognises the format, returns one
//! `Delivery` per recipient with what the bounce says about it. Readers are tried in an order
//! that the Subject suggests first, then in the fixed order of `FALLBACK`. The generic RFC 3464
//! reader, the feedback-report reader and the auto-reply reader come after all of them.

use crate::decode::Mail;
use crate::{address, dsn, text, Reason};

pub(crate) mod activehunter;
pub(crate) mod amavis;
pub(crate) mod amazonses;
pub(crate) mod apachejames;
pub(crate) mod arf;
pub(crate) mod autoreply;
pub(crate) mod biglobe;
pub(crate) mod courier;
pub(crate) mod domino;
pub(crate) mod dragonfly;
pub(crate) mod einsundeins;
pub(crate) mod exchange2003;
pub(crate) mod exchange2007;
pub(crate) mod exim;
pub(crate) mod fml;
pub(crate) mod generic;
pub(crate) mod gmx;
pub(crate) mod google;
pub(crate) mod imailserver;
pub(crate) mod interscanmss;
pub(crate) mod kddi;
pub(crate) mod mailfoundry;
pub(crate) mod mailman;
pub(crate) mod mailmarshal;
pub(crate) mod mailprogram;
pub(crate) mod mdn;
pub(crate) mod messagingserver;
pub(crate) mod mfilter;
pub(crate) mod mimecast;
pub(crate) mod netscape;
pub(crate) mod notes;
pub(crate) mod opensmtpd;
pub(crate) mod postfix;
pub(crate) mod progconnect;
pub(crate) mod qmail;
pub(crate) mod sendmail;
pub(crate) mod shortresponse;
pub(crate) mod smail;
pub(crate) mod unknown;
pub(crate) mod v5sendmail;
pub(crate) mod verizon;
pub(crate) mod webhook;
pub(crate) mod zoho;

/// What a bounce says about one recipient, before the reason is decided.
#[derive(Debug, Default, Clone)]
pub(crate) struct Delivery {
    pub recipient: String,
    /// The address as originally given (Original-Recipient, X-Actual-Recipient).
    pub alias: String,
    /// DSN action: failed, delayed, delivered, relayed, expanded.
    pub action: String,
    /// Enhanced status code, as given.
    pub status: String,
    pub reply_code: String,
    /// The remote server's reply, or the bounce's own explanation.
    pub diagnosis: String,
    /// The text to show when it is not `diagnosis`: the report's own Diagnostic-Code, when the
    /// reasons are read on the notice's whole paragraph around it.
    pub shown: String,
    /// The Diagnostic-Code type: SMTP, X-UNIX, X-POSTFIX, ...
    pub spec: String,
    /// The SMTP command the rejection answered.
    pub command: String,
    /// The remote host that rejected.
    pub rhost: String,
    /// The remote host's IP address when the format states it apart from the host name.
    pub rhost_ip: String,
    /// The host that wrote the bounce.
    pub lhost: String,
    /// A reason the format itself states (a table of the MTA's own messages).
    pub reason: Option<Reason>,
    /// ARF Feedback-Type; for a read receipt (`mdn`), its disposition type.
    pub feedback_type: String,
    /// Which reader produced this.
    pub agent: &'static str,
}

impl Delivery {
    /// Sets the member an RFC 3464 field maps to.
    pub(crate) fn set_field(&mut self, name: dsn::Name, value: &str) {
        let v = value.to_string();
        match name {
            dsn::Name::Action => self.action = v,
            dsn::Name::Status => self.status = v,
            // Received-From-MTA names the MTA the report's writer got the message from (RFC 3464
            // section 2.2.4), upstream of it, never the host that refused; Google even writes
            // the sender's address there. A value with "@" is an address, not a host.
            dsn::Name::RemoteMta if !v.contains('@') => self.rhost = v,
            dsn::Name::ReportingMta if !v.contains('@') => self.lhost = v,
            dsn::Name::RemoteMta | dsn::Name::ReportingMta | dsn::Name::ReceivedFromMta => {}
            dsn::Name::OriginalRecipient | dsn::Name::XActualRecipient => self.alias = v,
            dsn::Name::FinalRecipient => self.recipient = v,
            dsn::Name::DiagnosticCode => self.diagnosis = v,
            dsn::Name::ArrivalDate | dsn::Name::LastAttemptDate | dsn::Name::XOriginalMessageId => {
            }
        }
    }

    /// The member an RFC 3464 field maps to, for "fill if empty" logic.
    pub(crate) fn get_field(&self, name: dsn::Name) -> &str {
        match name {
            dsn::Name::Action => &self.action,
            dsn::Name::Status => &self.status,
            dsn::Name::RemoteMta => &self.rhost,
            dsn::Name::ReportingMta => &self.lhost,
            dsn::Name::OriginalRecipient | dsn::Name::XActualRecipient => &self.alias,
            dsn::Name::FinalRecipient => &self.recipient,
            dsn::Name::DiagnosticCode => &self.diagnosis,
            _ => "",
        }
    }
}

/// What a reader found: the per-recipient facts and the header block of the returned message.
#[derive(Debug, Default)]
pub(crate) struct Rising {
    pub deliveries: Vec<Delivery>,
    /// The returned original message (its header block at least), possibly empty.
    pub rfc822: String,
}

/// A reader: `None` when the message is not in its format.
pub(crate) type Reader = fn(&Mail) -> Option<Rising>;

/// The readers by name. Order matters only through `FALLBACK` and `BY_SUBJECT`.
const READERS: &[(&str, Reader)] = &[
    ("Exim", exim::inquire),
    ("Sendmail", sendmail::inquire),
    ("Exchange2007", exchange2007::inquire),
    ("Exchange2003", exchange2003::inquire),
    ("InterScanMSS", interscanmss::inquire),
    ("KDDI", kddi::inquire),
    ("FML", fml::inquire),
    ("Verizon", verizon::inquire),
    ("AmazonSES", amazonses::inquire),
    ("ApacheJames", apachejames::inquire),
    ("X2", unknown::x2),
    ("Postfix", postfix::inquire),
    ("OpenSMTPD", opensmtpd::inquire),
    ("qmail", qmail::inquire),
    ("Courier", courier::inquire),
    ("MessagingServer", messagingserver::inquire),
    ("GoogleWorkspace", google::workspace),
    ("Gmail", google::gmail),
    ("GmailNotice", google::notice),
    ("GMX", gmx::inquire),
    ("Zoho", zoho::inquire),
    ("Domino", domino::inquire),
    ("Notes", notes::inquire),
    ("IMailServer", imailserver::inquire),
    ("mFILTER", mfilter::inquire),
    ("Activehunter", activehunter::inquire),
    ("MailFoundry", mailfoundry::inquire),
    (google::GROUPS_AGENT, google::groups),
    ("MailMarshalSMTP", mailmarshal::inquire),
    ("V5sendmail", v5sendmail::inquire),
    ("EZweb", kddi::ezweb),
    ("Biglobe", biglobe::inquire),
    ("EinsUndEins", einsundeins::inquire),
    ("DragonFly", dragonfly::inquire),
    ("X1", unknown::x1),
    ("X3", unknown::x3),
    ("X6", unknown::x6),
    ("DeutscheTelekom", smail::inquire),
    ("Mimecast", mimecast::inquire),
    ("amavisd-new", amavis::inquire),
    (netscape::AGENT, netscape::inquire),
    (shortresponse::AGENT, shortresponse::inquire),
    // A mail program's own send error, known by the program's own words: before the generic
    // readers, which would take the whole dialog for the reply and its addresses for
    // recipients.
    (mailprogram::AGENT, mailprogram::inquire),
];

/// Readers tried when the Subject suggests nothing, in this order: formats recognised by
/// their Subject or headers first, then the ones recognised by their body text.
const FALLBACK: &[&str] = &[
    "Exim",
    "Sendmail",
    "Exchange2007",
    "Exchange2003",
    "InterScanMSS",
    "KDDI",
    "FML",
    "Verizon",
    "AmazonSES",
    "ApacheJames",
    "X2",
    "Postfix",
    "OpenSMTPD",
    "qmail",
    "Courier",
    "MessagingServer",
    "GoogleWorkspace",
    "Gmail",
    "GmailNotice",
    "GMX",
    "Zoho",
    "Domino",
    "Notes",
    "IMailServer",
    "mFILTER",
    "Activehunter",
    "MailFoundry",
    google::GROUPS_AGENT,
    "MailMarshalSMTP",
    "V5sendmail",
    "EZweb",
    "Biglobe",
    "EinsUndEins",
    "DragonFly",
    "X1",
    "X3",
    "X6",
    "DeutscheTelekom",
    "Mimecast",
    "amavisd-new",
    netscape::AGENT,
    shortresponse::AGENT,
    mailprogram::AGENT,
];

/// The first words of a bounce's Subject and the readers they suggest first. An empty list
/// means the message is a feedback report or an auto-reply: no bounce reader applies.
const BY_SUBJECT: &[(&str, &[&str])] = &[
    ("abuse-report", &[]),
    ("auto", &[]),
    ("auto-reply", &[]),
    ("automatic-reply", &[]),
    ("aws-notification", &["AmazonSES"]),
    ("complaint-about", &[]),
    ("delivery-failure", &["Domino", "X2"]),
    ("delivery-notification", &["MessagingServer"]),
    (
        "delivery-status",
        &[
            "OpenSMTPD",
            "GoogleWorkspace",
            "Gmail",
            google::GROUPS_AGENT,
            "AmazonSES",
            "X3",
        ],
    ),
    ("dmarc-ietf-dmarc", &[]),
    ("email-feedback", &[]),
    ("failed-delivery", &["X2"]),
    ("failure-delivery", &["X2"]),
    ("failure-notice", &["qmail", "mFILTER", "Activehunter"]),
    ("loop-alert", &["FML"]),
    ("mail-could", &["InterScanMSS"]),
    (
        "mail-delivery",
        &["Exim", "DragonFly", "GMX", "Zoho", "EinsUndEins"],
    ),
    ("mail-failed", &["DeutscheTelekom"]),
    ("mail-failure", &["Exim"]),
    ("mail-system", &["EZweb"]),
    ("message-delivery", &["MailFoundry"]),
    ("message-frozen", &["Exim"]),
    ("notice", &["Courier"]),
    ("postmaster-email", &["Mimecast"]),
    ("postmaster-notify", &["Sendmail"]),
    (
        "returned-mail",
        &["Sendmail", "Biglobe", "V5sendmail", "X1"],
    ),
    ("there-was", &["X6"]),
    ("non-recapitabile", &["Exchange2007"]),
    ("non-remis", &["Exchange2007"]),
    ("undeliverable", &["Exchange2007", "Exchange2003"]),
    ("undeliverable-mail", &["MailMarshalSMTP", "IMailServer"]),
    ("undeliverable-message", &["Notes", "Verizon"]),
    ("undelivered-mail", &["Postfix", "Zoho"]),
    ("warning", &["Sendmail", "Exim"]),
];

/// Normalizes a Subject to the key used in `BY_SUBJECT`: the text before a colon, or the first
/// two words, lowercased and joined by "-".
fn subject_key(subject: &str) -> String {
    // Only the first two words matter, each lowercased on its own: the same as lowercasing
    // the whole Subject first (a letter's lowercase depends on its word alone), without
    // copying the rest. Asked of every message, and of every attached one.
    let mut words = subject
        .split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '_'))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return String::new();
    };
    let first = lowercase_word(first);
    let mut key = String::with_capacity(first.len() + 16);
    if let Some(p) = first.find(':').filter(|&p| p > 0) {
        push_key(&mut key, &first[..p]);
    } else {
        push_key(&mut key, &first);
        if let Some(second) = words.next() {
            key.push('-');
            push_key(&mut key, &lowercase_word(second));
        }
    }
    key
}

/// `word.to_lowercase()`, borrowed when it has nothing to change.
fn lowercase_word(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.is_ascii() {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Appends `word` to a subject key without the punctuation keys leave out.
fn push_key(key: &mut String, word: &str) {
    key.extend(word.chars().filter(|c| !matches!(c, ':' | ',' | '*' | '"')));
}

/// Position of a reader in `READERS`.
fn reader_index(name: &str) -> Option<usize> {
    READERS.iter().position(|(n, _)| *n == name)
}

/// `FALLBACK` and `BY_SUBJECT` as positions in `READERS`, resolved once.
struct Order {
    fallback: Vec<usize>,
    by_subject: Vec<(&'static str, Vec<usize>)>,
}

fn order() -> &'static Order {
    static ORDER: std::sync::OnceLock<Order> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| Order {
        fallback: FALLBACK.iter().filter_map(|n| reader_index(n)).collect(),
        by_subject: BY_SUBJECT
            .iter()
            .map(|(k, names)| (*k, names.iter().filter_map(|n| reader_index(n)).collect()))
            .collect(),
    })
}

/// Runs the readers and the generic ones; the first that recognises the format wins.
pub(crate) fn read(mail: &Mail) -> Option<Rising> {
    let key = subject_key(mail.subject());
    let order = order();
    let first: &[usize] = order
        .by_subject
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[], |(_, v)| v.as_slice());
    let mut tried = [false; READERS.len()];
    for &i in first.iter().chain(order.fallback.iter()) {
        if std::mem::replace(&mut tried[i], true) {
            continue;
        }
        let (name, r) = READERS[i];
        if let Some(mut rising) = r(mail).filter(|r| !r.deliveries.is_empty()) {
            for d in &mut rising.deliveries {
                if d.agent.is_empty() {
                    d.agent = name;
                }
            }
            return Some(rising);
        }
    }
    let last: [(&'static str, Reader); 8] = [
        // A read receipt (its report type, or its words as a mail program shows them): before
        // the RFC 3464 reader, which would read its report fields as a failure. No format
        // reader above knows one, so it is tried here and costs other mail nothing.
        (mdn::AGENT, mdn::inquire),
        ("RFC3464", dsn::inquire),
        ("ARF", arf::inquire),
        // Before the auto-reply reader: a list's notice may carry "Auto-Submitted".
        (mailman::AGENT, mailman::inquire),
        ("RFC3834", autoreply::inquire),
        // A sending service's JSON event: before the last-resort reader, which would take the
        // first address of the text (a Message-ID field) for the recipient.
        ("Webhook", webhook::inquire),
        // Exchange 5.5's notice as pasted, whose recipients may be X.400 addresses or names,
        // which the last-resort reader does not take for recipients.
        (exchange2003::VISIBLE_AGENT, exchange2003::visible),
        ("Generic", generic::inquire),
    ];
    for (name, r) in last {
        if let Some(mut rising) = r(mail).filter(|r| !r.deliveries.is_empty()) {
            for d in &mut rising.deliveries {
                if d.agent.is_empty() {
                    d.agent = name;
                }
            }
            return Some(rising);
        }
    }
    None
}

/// The text of an attached message that is itself a bounce: a bounce forwarded as an
/// attachment, or a gateway's notice that wraps the real bounce. Its header block must look
/// like a bounce's (a report, a mailer-daemon sender, or a bounce Subject).
pub(crate) fn embedded_bounce(mail: &Mail) -> Option<&str> {
    const MARK: &str = "Content-Type: message/rfc822\n";
    let p = mail.body.find(MARK)?;
    let inner = mail.body.get(p + MARK.len()..)?.trim_start_matches('\n');
    let headers = first_headers(inner, &["from", "content-type", "subject"]);
    let [from, content_type, subject] =
        [0, 1, 2].map(|k| headers.get(k).map_or("", String::as_str));
    let from = from.to_ascii_lowercase();
    let by_from = [
        "mailer-daemon",
        "postmaster",
        "mail delivery",
        "mail administrator",
    ]
    .iter()
    .any(|w| from.contains(w));
    let by_type = content_type
        .to_ascii_lowercase()
        .contains("multipart/report");
    let key = subject_key(subject);
    let by_subject = BY_SUBJECT
        .iter()
        .any(|(k, readers)| *k == key && !readers.is_empty());
    (by_from || by_type || by_subject).then_some(inner)
}

/// True when `subject` is a mail system's notice's own (a bounce, a delay warning, an
/// automatic reply: the keys of `BY_SUBJECT`, and Sendmail's "Returned mail: see transcript
/// for details"): a returned message with it is itself a notice (a bounce of a bounce), whose
/// subject tells nobody which mail of theirs failed.
pub(crate) fn is_notice_subject(subject: &str) -> bool {
    let key = subject_key(subject);
    key == "returned-mail" || BY_SUBJECT.iter().any(|(k, _)| *k == key)
}

/// True for a mail system's own address (`MAILER-DAEMON@...`): the sender of notices, never a
/// mailbox a person wrote to, so never a failed recipient.
pub(crate) fn is_daemon(addr: &str) -> bool {
    addr.split('@')
        .next()
        .is_some_and(|local| local.eq_ignore_ascii_case("mailer-daemon"))
}

/// True when `addr` is the notice's own sender and a mail system's role address
/// (`postmaster@`, `mailer-daemon@`): a reader that took it as the recipient read the notice's
/// header, not its report. Mail sent to a postmaster that bounced keeps its recipient.
pub(crate) fn is_notice_sender(mail: &Mail, addr: &str) -> bool {
    if is_daemon(addr) {
        return true;
    }
    let postmaster = addr
        .split('@')
        .next()
        .is_some_and(|local| local.eq_ignore_ascii_case("postmaster"));
    postmaster && address::find(mail.from()).is_some_and(|f| f.eq_ignore_ascii_case(addr))
}

/// Splits the body at the first of `boundaries` (a line that starts the returned message):
/// the bounce's own text, and the returned message without the boundary line.
pub(crate) fn split_original<'a>(body: &'a str, boundaries: &[&str]) -> (&'a str, &'a str) {
    let best = text::find_earliest(body, boundaries).map(|(p, k)| (p, boundaries[k].len()));
    match best {
        Some((p, len)) => {
            let rest = &body[p + len..];
            // Skip the remainder of the boundary line.
            let rest = match rest.find('\n') {
                Some(n) => &rest[n + 1..],
                None => "",
            };
            (&body[..p], rest.trim_start_matches('\n'))
        }
        None => (body, ""),
    }
}

/// Header fields of a header block (up to the first empty line): lowercased name and the
/// unfolded value. The plain reading `first_headers` is checked against.
#[cfg(test)]
fn parse_headers(block: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if line.trim().is_empty() {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        // `split_once(':')`, by a plain loop: the name before the colon is short, and a search
        // call per line (with its compare of the found character) costs more.
        let colon = line.bytes().position(|b| b == b':');
        if let Some((n, v)) = colon.and_then(|p| Some((line.get(..p)?, line.get(p + 1..)?))) {
            if !n.is_empty() && n.len() < 80 && n.bytes().all(|b| b.is_ascii_graphic()) {
                out.push((n.to_ascii_lowercase(), v.trim().to_string()));
            }
        }
    }
    out
}

/// The first value of each of `names` (lowercase) in a header block, unfolded, or "" when it
/// has none: `header(&parse_headers(block), name)` for each name, without building a value
/// for every other field of the block (a returned message's `Received:` lines, mostly).
pub(crate) fn first_headers(block: &str, names: &[&str]) -> Vec<String> {
    let mut values: Vec<Option<String>> = vec![None; names.len()];
    // Whether a field has been read, and which wanted value the last one read is (when it is
    // the first of its name): continuation lines belong to it.
    let mut any = false;
    let mut open: Option<usize> = None;
    for line in text::lines(block) {
        if line.trim().is_empty() {
            if !any {
                continue;
            }
            break;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            if let Some(Some(v)) = open.and_then(|k| values.get_mut(k)) {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        // `split_once(':')`, by a plain loop: the name before the colon is short, and a search
        // call per line (with its compare of the found character) costs more.
        let colon = line.bytes().position(|b| b == b':');
        if let Some((n, v)) = colon.and_then(|p| Some((line.get(..p)?, line.get(p + 1..)?))) {
            if !n.is_empty() && n.len() < 80 && n.bytes().all(|b| b.is_ascii_graphic()) {
                any = true;
                open = names
                    .iter()
                    .position(|w| {
                        n.len() == w.len()
                            && n.bytes()
                                .zip(w.bytes())
                                .all(|(a, b)| a.to_ascii_lowercase() == b)
                    })
                    .filter(|&k| values.get(k).is_some_and(Option::is_none));
                if let Some(slot) = open.and_then(|k| values.get_mut(k)) {
                    *slot = Some(v.trim().to_string());
                }
            }
        }
    }
    values.into_iter().map(Option::unwrap_or_default).collect()
}

/// The first value of `name` (lowercase) in a header block, or "".
pub(crate) fn first_header(block: &str, name: &str) -> String {
    first_headers(block, &[name]).pop().unwrap_or_default()
}

/// The first value of `name` in parsed headers.
#[cfg(test)]
fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_remote_mta_names_the_remote_host() {
        let mut d = Delivery::default();
        d.set_field(dsn::Name::ReceivedFromMta, "mail.example.net");
        assert_eq!(d.rhost, "");
        d.set_field(dsn::Name::RemoteMta, "user@example.net");
        assert_eq!(d.rhost, "");
        d.set_field(dsn::Name::RemoteMta, "mx.example.jp");
        assert_eq!(d.rhost, "mx.example.jp");
    }

    #[test]
    fn first_headers_are_the_parsed_ones() {
        let blocks = [
            "From: a\n b\nTo: c\n\nbody: x",
            "\n\nReceived: x\n y\nFROM: <a@example.org>\n\t(name)\nfrom: second\nnot a header\n more\nSender: s\n",
            "Return-Path: <r@example.org>\nbad name: v\n cont\nReply-To: t\n",
            "no colon here\n cont\nErrors-To: e\n\nFrom: after the block",
            "",
        ];
        let names = [
            "from",
            "return-path",
            "sender",
            "reply-to",
            "errors-to",
            "to",
        ];
        for block in blocks {
            let parsed = parse_headers(block);
            let want: Vec<String> = names
                .iter()
                .map(|n| header(&parsed, n).to_string())
                .collect();
            assert_eq!(first_headers(block, &names), want, "{block:?}");
            assert_eq!(
                first_header(block, "to"),
                header(&parsed, "to"),
                "{block:?}"
            );
        }
    }

    #[test]
    fn subject_keys() {
        // The plain reading `subject_key` replaced: lowercase the whole Subject, then split.
        let plain = |subject: &str| -> String {
            let s: String = subject
                .chars()
                .map(|c| if matches!(c, '[' | ']' | '_') { ' ' } else { c })
                .collect();
            let s = s.to_lowercase();
            let words: Vec<&str> = s.split_whitespace().collect();
            let Some(first) = words.first() else {
                return String::new();
            };
            let key = if let Some(p) = first.find(':').filter(|&p| p > 0) {
                first[..p].to_string()
            } else {
                words.iter().take(2).copied().collect::<Vec<_>>().join("-")
            };
            key.chars()
                .filter(|c| !matches!(c, ':' | ',' | '*' | '"'))
                .collect()
        };
        for subject in [
            "Undelivered Mail Returned to Sender",
            "  [SPAM]_Returned mail: x",
            "Warning:",
            ":colon first",
            "\u{b}Mail\u{3000}Delivery\tFailed ",
            "ΟΔΟΣ: x",
            "ΑΣ:Β y",
            "ΑΣ Β",
            "配信エラー: 宛先不明",
            "\"DELIVERY*FAILURE,\" now",
            "İstanbul Mail",
            "",
            "   ",
        ] {
            assert_eq!(subject_key(subject), plain(subject), "{subject:?}");
        }
        assert_eq!(
            subject_key("Undelivered Mail Returned to Sender"),
            "undelivered-mail"
        );
        assert_eq!(subject_key("Undeliverable: hello"), "undeliverable");
        assert_eq!(subject_key("failure notice"), "failure-notice");
        assert_eq!(subject_key(""), "");
        assert_eq!(
            subject_key("Returned mail: see transcript for details"),
            "returned-mail"
        );
    }

    #[test]
    fn every_reader_named_in_the_orders_exists() {
        for name in FALLBACK
            .iter()
            .chain(BY_SUBJECT.iter().flat_map(|(_, v)| v.iter()))
        {
            assert!(reader_index(name).is_some(), "{name}");
        }
        for (name, _) in READERS {
            assert!(FALLBACK.contains(name), "{name} is never tried");
        }
    }

    #[test]
    fn splits_at_the_first_boundary() {
        let (a, b) = split_original(
            "x\nContent-Type: message/rfc822\n\nFrom: a\n",
            &["Content-Type: message/rfc822"],
        );
        assert_eq!(a, "x\n");
        assert_eq!(b, "From: a\n");
        assert_eq!(
            parse_headers("From: a\n b\nTo: c\n\nbody: x"),
            vec![
                ("from".to_string(), "a b".to_string()),
                ("to".to_string(), "c".to_string())
            ]
        );
    }
}
