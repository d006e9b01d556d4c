//! Bounces written by Google: Gmail's classic "Delivery to the following recipient failed
//! permanently" notices, Google Workspace's "** Message not delivered **" notices, and Google
//! Groups' "the group you tried to contact may not exist" notices.

use super::{split_original, Delivery, Rising};
use crate::decode::Mail;
use crate::smtp::status;
use crate::Reason::{self, *};
use crate::{address, text};

fn from_google(mail: &Mail) -> bool {
    mail.from().contains("<mailer-daemon@googlemail.com>")
        && mail.subject().contains("Delivery Status Notification")
}

/// Gmail's "(state NN)" suffix: the SMTP step and what it means.
/// Source: Gmail help forum threads quoted in go-sisimai `lhost/via-gmail.go`.
const STATES: &[(&str, &str, Reason)] = &[
    ("6", "MAIL", FailedStartTls), // 500 Remote server does not support TLS (state 6).
    ("8", "AUTH", SystemError),    // 535 SMTP AUTH failed with the remote server. (state 8).
    ("9", "AUTH", FailedStartTls), // 454 454 TLS missing certificate ... (state 9).
    ("12", "AUTH", NoRelaying), // 500 Remote server does not support SMTP Authenticated Relay (state 12).
    ("13", "EHLO", Blocked),    // 550 550 5.7.1 <...>... Access denied (state 13).
    ("14", "RCPT", UserUnknown), // 550 550 5.1.1 <...>... User Unknown (state 14).
    ("15", "DATA", Filtered),   // 554 554 Error: no valid recipients (state 15).
    ("17", "DATA", Filtered),   // 550 550 <...> No such user here (state 17).
    ("18", "DATA", Filtered),   // 550 550 Unknown user ... (state 18).
];

/// Gmail's sentence for a refusal at connection or MAIL time; the bracket after it holds the
/// host, its address and either Gmail's word for what failed ("timed out") or the server's
/// reply. Source: <https://support.google.com/mail/answer/7720>.
const NOT_ACCEPTED_TO_CONNECT: &str = "The recipient server did not accept our requests to connect";

/// Whether Gmail's bracket ("[mx.example.jp. 192.0.2.10: 550 5.7.1 Rejected ...]") holds a
/// permanent SMTP reply of the server: a 5xx code right after the host and its address.
fn bracket_reply(diagnosis: &str) -> bool {
    let Some(inner) = text::between(diagnosis, "[", "]") else {
        return false;
    };
    let Some((_, reply)) = inner.split_once(": ") else {
        return false;
    };
    let b = reply.as_bytes();
    matches!(b, [b'5', d1, d2, b' ' | b'-', ..] if d1.is_ascii_digit() && d2.is_ascii_digit())
}

const GMAIL_MESSAGES: &[(Reason, &[&str])] = &[
    (
        Expired,
        &[
            "DNS Error: Could not contact DNS servers",
            "Delivery to the following recipient has been delayed",
            NOT_ACCEPTED_TO_CONNECT,
        ],
    ),
    (
        HostUnknown,
        &[
            "DNS Error: Domain name not found",
            "DNS Error: DNS server returned answer with no data",
            // The current wording: "DNS Error: DNS type 'mx' lookup of example.jp responded
            // with code NXDOMAIN Domain name not found: example.jp"
            "responded with code NXDOMAIN",
        ],
    ),
];

/// Gmail's classic notice, from Google or pasted without its header.
pub(crate) fn gmail(mail: &Mail) -> Option<Rising> {
    // Gmail's classic notice is plain text without delivery-status fields. Exchange 2003 opens
    // its reports with a similar line ("Delivery to the following recipients failed."), so a
    // paste that carries "Final-Recipient:" fields is left to the RFC 3464 reader, which reads
    // the status code from them.
    let pasted = mail.headers.is_empty()
        && mail.body.contains("Delivery to the following recipient")
        && !mail.body.contains("\nFinal-Recipient:");
    if !(pasted || from_google(mail)) {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &[
            "----- Original message -----",
            "----- Message header follows -----",
        ],
    );
    let mut deliveries = vec![Delivery::default()];
    let mut recipients = 0;
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            reading = line.starts_with("Delivery to the following recipient");
        }
        if !reading || line.is_empty() {
            continue;
        }
        if line.starts_with(' ') && line.find('@').is_some_and(|p| p > 0) {
            if !deliveries.last().expect("never empty").recipient.is_empty() {
                deliveries.push(Delivery::default());
            }
            if let Some(a) = address::find(line.trim()) {
                deliveries.last_mut().expect("pushed").recipient = a;
                recipients += 1;
            }
        } else {
            let v = deliveries.last_mut().expect("never empty");
            v.diagnosis.push_str(line);
            v.diagnosis.push(' ');
        }
    }
    if recipients == 0 {
        return None;
    }
    for e in &mut deliveries {
        e.diagnosis = text::sweep(&e.diagnosis);
        // "... rejected by the server for the recipient domain example.jp by mx.example.jp.
        // [192.0.2.1]."
        if let Some((host, ip)) = text::between(&e.diagnosis, "for the recipient domain ", "]")
            .and_then(|t| t.split_once(" by "))
            .and_then(|(_, t)| t.split_once(" ["))
        {
            let host = host.trim_end_matches('.');
            if host.contains('.') && !host.contains(' ') {
                e.rhost = host.to_string();
                e.rhost_ip = ip.trim().to_string();
            }
        }
        // The state ends the reply with a full stop ("... User Unknown (state 14)."); the
        // older notice's "SMTP Error (state 9): 553 ..." numbers its own step before the
        // server's reply, which then speaks for itself. Source: Sisimai's lhost/gmail
        // (`/[(]state[ ](\d+)[)][.]/`).
        if let Some(state) = text::between(&e.diagnosis, " (state ", ").") {
            if let Some((_, c, r)) = STATES.iter().find(|(s, ..)| *s == state) {
                e.command = (*c).to_string();
                e.reason = Some(*r);
            }
        }
        if e.reason.is_none() && !bracket_reply(&e.diagnosis) {
            // A server's own 5xx reply in Gmail's bracket decides the reason (see `notice`).
            e.reason = GMAIL_MESSAGES
                .iter()
                .find(|(_, m)| text::contains_any(&e.diagnosis, m))
                .map(|(r, _)| *r);
        }
        if e.reason.is_none() {
            continue;
        }
        // A precise code in the text overrides the state's reason.
        e.status = status::find(&e.diagnosis, &e.reply_code);
        if !e.status.is_empty() && !e.status.contains(".0") {
            e.reason = status::reason_of(&e.status);
        }
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// Sentences of Gmail's current English notices that name the recipient: the words before the
/// address, the words after it (empty: up to the end of the address), and whether the failure
/// is temporary.
/// Source: the notices as people paste them, e.g. https://github.com/dwyl/learn-to-send-email-via-google-script-html-no-server/issues/371
const NOTICE_SENTENCES: &[(&str, &str, bool)] = &[
    // "Your message wasn't delivered to x@example.jp because the address couldn't be found, or
    // is unable to receive mail." / "... because the domain example.jp couldn't be found."
    ("Your message wasn't delivered to ", " because", false),
    // "There was a temporary problem delivering your message to x@example.jp. Gmail will retry
    // for 46 more hours."
    (
        "There was a temporary problem delivering your message to ",
        "",
        true,
    ),
    // "There was a problem delivering your message to x@example.jp. See the technical details
    // below."
    ("There was a problem delivering your message to ", "", false),
    // "Your message to x@example.jp has been blocked. See technical details below for more
    // information."
    ("Your message to ", " has been blocked", false),
    // "Your message couldn't be delivered to x@example.jp. Their inbox is full, or it's getting
    // too much mail right now."
    ("Your message couldn't be delivered to ", "", false),
];

/// Endings of Gmail's Japanese sentences; the recipient is the last address before them.
/// Examples (Gmail, as users quote them):
/// - ドメイン example.jp が見つからなかったため、メッセージは x@example.jp に配信されませんでした。
/// - アドレス x@example.jp が見つからなかったか、メールを受信できないため、メールは配信されませんでした。
/// - x@example.jp にメールを配信できませんでした。宛先の受信トレイがいっぱいか、...
/// - x@example.jp へのメールの配信中に一時的な問題が発生しました。Gmail は 47 時間再試行し、...
/// - x@example.jp でメールがブロックされました。詳しくは、下記の詳細な技術情報をご覧ください。
///
/// Source: https://support.google.com/mail/answer/6596?hl=ja and users' posts of the notices.
///
/// Outlook's Japanese notice says "メッセージを配信できませんでした" and is not one of these.
const NOTICE_ENDINGS_JA: &[&str] = &[
    "に配信されませんでした",
    "が見つからなかったか",
    "にメールを配信できませんでした",
    "へのメールの配信中に",
    "へのメッセージの配信中に",
    "でメールがブロックされました",
    "宛てのメッセージはブロックされました",
    "へのメッセージはブロックされました",
    // x@example.jp へのメッセージの配信が遅延しています。Gmail は 45 時間にわたって再試行します。
    "の配信が遅延しています",
];

/// The headings above Gmail's notices, and whether the failure is temporary. A notice whose
/// sentence is not one of `NOTICE_ENDINGS_JA` (Gmail rewords them) is still known by its
/// heading; the recipient is then the first address of the paragraph below it.
/// Source: the headings of Gmail's notices (https://support.google.com/mail/answer/6596?hl=ja
/// lists the errors; the headings as users paste them, e.g. "アドレスが見つかりません",
/// "配信が遅延しています").
const NOTICE_HEADINGS: &[(&str, bool)] = &[
    ("配信が遅延しています", true),
    ("配信未完了", true),
    ("Delivery incomplete", true),
    ("Delivery delayed", true),
    ("アドレスが見つかりません", false),
    ("Address not found", false),
    ("宛先の受信トレイの空き容量不足", false),
    ("Recipient inbox full", false),
    ("メールのブロック", false),
    ("メッセージはブロックされました", false),
    ("メッセージがブロックされました", false),
    ("Message blocked", false),
    ("メッセージが拒否されました", false),
    ("メッセージは拒否されました", false),
    ("Message rejected", false),
    ("メッセージが配信されませんでした", false),
    ("メッセージは配信されませんでした", false),
    ("Message not delivered", false),
];

/// Words of a Japanese notice sentence that say Gmail is still trying.
const STILL_TRYING_JA: &[&str] = &["一時的", "遅延", "再試行"];

/// What the notice's own sentence says, for when the remote server's words say nothing a
/// reader knows (or were not pasted): checked in this order over the notice's first paragraph.
const NOTICE_HINTS: &[(&str, Reason)] = &[
    ("because the domain", HostUnknown),
    ("ドメイン", HostUnknown),
    ("because the address couldn't be found", UserUnknown),
    ("が見つからなかったか", UserUnknown),
    ("inbox is full", MailboxFull),
    ("受信トレイがいっぱい", MailboxFull),
    ("has been blocked", Blocked),
    ("ブロックされました", Blocked),
];

/// Labels of the line after which Gmail quotes the remote server, without their colon.
const RESPONSE_LABELS: &[&str] = &[
    "The response from the remote server was",
    "The response from the recipient enterprise administrator was",
    "The response was",
    "リモート サーバーからの応答",
    "サーバーからの応答",
    "詳細応答",
    "応答",
];

/// What follows a `RESPONSE_LABELS` label and its colon on a line, if the line is one.
fn response_label(line: &str) -> Option<String> {
    let line = text::halfwidth(line);
    let t = line.trim_start().trim_start_matches('*').trim_start();
    if let Some(label) = RESPONSE_LABELS.iter().find(|l| t.starts_with(*l)) {
        let rest = t.get(label.len()..)?.trim_start();
        return Some(rest.strip_prefix(':')?.trim().to_string());
    }
    // Other Japanese wordings of the label ("リモートサーバーからの応答:", "相手先サーバーの
    // 応答:"): a short heading that ends in "応答:".
    let p = t.find("応答:")?;
    let head = &t[..p];
    (head.len() <= 45 && !head.contains(['。', '.', '@']))
        .then(|| t[p + "応答:".len()..].trim().to_string())
}

/// The recipient named by a notice sentence on `line`, and whether the failure is temporary.
fn notice_sentence(line: &str) -> Option<(String, bool)> {
    for (before, after, temporary) in NOTICE_SENTENCES {
        let Some(rest) = line.split_once(before).map(|(_, r)| r) else {
            continue;
        };
        let named = if after.is_empty() {
            rest.split_whitespace().next().unwrap_or("")
        } else {
            match rest.find(after) {
                Some(p) => &rest[..p],
                None => continue,
            }
        };
        if let Some(a) = address::find(named).or_else(|| masked_last(named)) {
            return Some((a, *temporary));
        }
    }
    if line.is_ascii() {
        return None;
    }
    NOTICE_ENDINGS_JA.iter().find_map(|ending| {
        let p = line.find(ending)?;
        let a = address::find_last(&line[..p]).or_else(|| masked_last(&line[..p]))?;
        Some((a, text::contains_any(line, STILL_TRYING_JA)))
    })
}

/// The address someone hid before pasting the notice ("Your message to ********* has been
/// blocked", 「メールのブロック *********でメールがブロックされました。」): the last word before
/// the sentence's own words, when it is a masked address (`address::is_redacted`). The
/// report's reason still holds; the recipient is unknown. Japanese runs words together
/// (「…アドレスであるため、メールは〜〜に配信されませんでした」), so the word is only the run of
/// address and mask characters at its end: the sentence before it is no address.
fn masked_last(before: &str) -> Option<String> {
    let word = before.split_whitespace().last()?;
    let start = word
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_graphic() || address::is_mask(c))
        .last()?
        .0;
    let word = word[start..].trim_start_matches(['(', '<', '"']);
    let word = word.trim_end_matches(['>', '"']);
    address::is_redacted(word).then(|| word.to_string())
}

/// The recipient of a notice known by its heading (`NOTICE_HEADINGS`): the first address in
/// the three lines below the heading, and whether the failure is temporary.
fn notice_heading(lines: &[&str]) -> Option<(usize, (String, bool))> {
    let (at, temporary) = lines.iter().enumerate().take(40).find_map(|(i, l)| {
        let t = l.trim().trim_matches('*').trim();
        NOTICE_HEADINGS
            .iter()
            .find(|(h, _)| t == *h)
            .map(|(_, temp)| (i, *temp))
    })?;
    lines
        .iter()
        .enumerate()
        .skip(at + 1)
        .filter(|(_, l)| !l.trim().is_empty())
        .take(3)
        .take_while(|(_, l)| response_label(l).is_none())
        .find_map(|(i, l)| {
            let a = address::find(l).filter(|a| !super::is_daemon(a))?;
            Some((i, (a, temporary || text::contains_any(l, STILL_TRYING_JA))))
        })
}

/// How many non-empty lines at the top of a message's body may hold Google's sender line
/// when the notice was forwarded or saved: a forward marker, the forwarded header block
/// ("From:", "Date:", "Subject:", "To:") and a blank line or two come first.
const NOTICE_SENDER_LINES: usize = 8;

/// Whether a whole message (with header fields) is Google's notice: Google's mailer sent it,
/// whatever the Subject says (a mail program or a person may have renamed it: "配信エラー",
/// "Undeliverable: ..."), or Google's sender line opens the body, as in a notice someone
/// forwarded to their IT person ("Fwd: ...", From the person) or saved from the mail
/// program's window ("Mail Delivery Subsystem (mailer-daemon@googlemail.com)").
fn notice_by_google(mail: &Mail) -> bool {
    text::find_ci(mail.from(), GOOGLE_MAILER).is_some()
        || mail
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(NOTICE_SENDER_LINES)
            .any(|l| text::find_ci(l, GOOGLE_MAILER).is_some())
}

/// Gmail's current notices ("Address not found", "Message not delivered", "Delivery incomplete",
/// "Message blocked", "Recipient inbox full", and their Japanese versions) as a person sees
/// them: one recipient named in a sentence, the remote server's words (if any) after "The
/// response was:". Read only when the mail is Google's or a paste, and has no delivery report
/// (which says the same more precisely).
pub(crate) fn notice(mail: &Mail) -> Option<Rising> {
    if !(mail.headers.is_empty() || notice_by_google(mail))
        || mail.body.contains("\nFinal-Recipient:")
    {
        return None;
    }
    let (head, original) = split_original(&mail.body, crate::dsn::ORIGINAL_BOUNDARIES);
    let lines: Vec<&str> = head.lines().collect();
    let (at, (recipient, temporary)) = lines
        .iter()
        .enumerate()
        .take(200)
        .find_map(|(i, l)| notice_sentence(l).map(|n| (i, n)))
        .or_else(|| notice_heading(&lines))?;
    // The sentence's paragraph, which may wrap.
    let mut paragraph = String::new();
    for l in lines.iter().skip(at).take(4) {
        if l.trim().is_empty() || response_label(l).is_some() {
            break;
        }
        paragraph.push_str(l.trim());
        paragraph.push(' ');
    }
    // The remote server's words: the lines after the label, up to an empty line.
    let mut response = String::new();
    let mut reading = false;
    for line in &lines {
        if !reading {
            if let Some(rest) = response_label(line) {
                reading = true;
                response.push_str(&rest);
                response.push(' ');
            }
            continue;
        }
        if line.trim().is_empty() {
            if response.trim().is_empty() {
                continue;
            }
            break;
        }
        response.push_str(line.trim());
        response.push(' ');
    }
    let response = text::sweep(&response);
    let diagnosis = if response.is_empty() {
        text::sweep(&paragraph)
    } else {
        response.clone()
    };
    let mut d = Delivery {
        recipient,
        action: if temporary { "delayed" } else { "failed" }.to_string(),
        reply_code: crate::smtp::reply::find(&diagnosis, ""),
        ..Delivery::default()
    };
    d.status = status::find(&diagnosis, &d.reply_code);
    // "[mx.example.jp. 192.0.2.10: timed out]": the host Gmail tried, and its address.
    if let Some(inner) = text::between(&diagnosis, "[", "]") {
        let mut words = inner.split_whitespace();
        if let (Some(host), Some(ip)) = (words.next(), words.next()) {
            let host = host.trim_end_matches('.');
            let ip = ip.trim_end_matches(':');
            if host.contains('.')
                && host.bytes().any(|b| b.is_ascii_alphabetic())
                && ip.parse::<std::net::IpAddr>().is_ok()
            {
                d.rhost = host.to_string();
                d.rhost_ip = ip.to_string();
            }
        }
    }
    d.reason = GMAIL_MESSAGES
        .iter()
        .find(|(_, m)| text::contains_any(&diagnosis, m))
        .map(|(r, _)| *r);
    if d.reason == Some(Expired) && !temporary && diagnosis.contains(NOT_ACCEPTED_TO_CONNECT) {
        // Gmail gave up on a server it could not reach: Sisimai calls that a network error;
        // `expired` is for the notice that it is still trying. When the bracket holds the
        // server's own refusal instead ("550 Rejected by header based Anti-Spoofing
        // policy"), the server was reached and its reply decides the reason.
        d.reason = if bracket_reply(&diagnosis) {
            None
        } else {
            Some(NetworkError)
        };
    }
    if text::find_ci(&mail.body, GROUP_REFUSED_POSTING).is_some() {
        // Google Groups, shown inside Gmail's "Address not found" notice: the group refused
        // the sender's post (or does not exist), which Sisimai's Google Groups reader calls
        // `rejected` (see `groups`); the notice's "address couldn't be found" headline is
        // Gmail's wording for any such refusal. The group's notice it is (`GROUPS_AGENT`).
        d.reason = Some(Rejected);
        d.agent = GROUPS_AGENT;
    }
    let says_nothing = d.reply_code.is_empty()
        && d.status.is_empty()
        && (response.is_empty() || !crate::reason::is_worded(&response));
    if d.reason.is_none() && says_nothing {
        d.reason = NOTICE_HINTS
            .iter()
            .find(|(h, _)| paragraph.contains(h))
            .map(|(_, r)| *r);
    }
    d.diagnosis = diagnosis;
    Some(Rising {
        deliveries: vec![d],
        rfc822: original.to_string(),
    })
}

/// Google Groups: "We're writing to let you know that the group you tried to contact (board)
/// may not exist, or you may not have permission to post messages to the group."
/// Source: Sisimai's Google Groups reader (lhost-googlegroups-01.eml).
const GROUP_REFUSED_POSTING: &str =
    "may not exist, or you may not have permission to post messages to the group";

/// Google Workspace's "** Message not delivered **" notice (without delivery-status fields).
pub(crate) fn workspace(mail: &Mail) -> Option<Rising> {
    let body = &mail.body;
    // Google's own sender first: two header fields, before two searches of the body.
    if !from_google(mail)
        || body.contains("\nDiagnostic-Code:")
        || body.contains("\nFinal-Recipient:")
    {
        return None;
    }
    let (head, original) = split_original(
        body,
        &[
            "Content-Type: message/rfc822",
            "Content-Type: text/rfc822-headers",
        ],
    );
    if head.is_empty() {
        return None;
    }
    let mut diag = String::new();
    let mut reading = false;
    for line in head.lines() {
        if !reading {
            if line.starts_with("** ") {
                reading = true;
                diag.push_str(line);
                diag.push(' ');
            }
            continue;
        }
        if !line.is_empty() && !line.starts_with("Content-Type:") {
            diag.push_str(line);
            diag.push(' ');
        }
    }
    let to = super::first_header(original, "to");
    let recipient = address::find(&to)?;
    let mut d = Delivery {
        recipient,
        diagnosis: diag,
        ..Delivery::default()
    };
    if d.diagnosis.contains("because the address couldn't be found. Check for typos or unnecessary spaces and try again.") {
        d.reason = Some(UserUnknown);
    }
    Some(Rising {
        deliveries: vec![d],
        rfc822: original.to_string(),
    })
}

/// The reader name of Google Groups' notices (`mta::READERS`), also set on Gmail's notice that
/// shows one (`gmail`).
pub(crate) const GROUPS_AGENT: &str = "GoogleGroups";

/// Google Groups' help centre, which its notice names in every language: "If you have
/// questions related to this or any other Google Group, visit the Help Center at
/// https://groups.google.com/support/." (Sisimai's samples lhost-googlegroups-02 to -14 in
/// English, Arabic, Greek, Spanish, Persian, French, Hebrew, Hindi, Ukrainian and Chinese all
/// carry it.)
const GROUPS_HELP: &str = "groups.google.com/support";

/// Whether a notice's explanation has Google Groups' four reasons, one bullet each ("You might
/// have spelled or formatted the group name incorrectly.", "The owner of the group may have
/// removed this group.", "You may need to join the group before receiving permission to post.",
/// "This group may not be open to posting."): Sisimai's Google Groups reader reads the notice
/// as the group's refusal by their count, in whatever language they are written.
fn four_reasons(head: &str) -> bool {
    text::find_all(head, "\n *").count() == 4 || text::find_all(head, "\n*").count() == 4
}

/// Google Groups: the group does not exist or does not accept posts from the sender.
pub(crate) fn groups(mail: &Mail) -> Option<Rising> {
    if mail.headers.is_empty() {
        return groups_pasted(mail);
    }
    // The header fields first: they are short, the body may not be.
    if !mail.has_header("x-failed-recipients")
        || !mail.has_header("x-google-smtp-source")
        || !from_google(mail)
        || !mail.body.contains("Google Groups")
    {
        return None;
    }
    let (head, original) = split_original(
        &mail.body,
        &[
            "----- Original message -----",
            "Content-Type: message/rfc822",
        ],
    );
    // The first paragraphs are the explanation; the rest is boilerplate.
    let mut paragraphs: Vec<&str> = head.splitn(5, "\n\n").collect();
    if let Some(last) = paragraphs.last_mut() {
        *last = "";
    }
    let diagnosis = text::sweep(&paragraphs.join(" ").replace('\n', " "));
    // Four bullet points (spelling, removed group, need to join, closed to posting) mean the
    // group refused the sender.
    let reason = if four_reasons(head) { Rejected } else { OnHold };
    let mut deliveries = Vec::new();
    for a in mail.header("x-failed-recipients").split(',') {
        let a = a.trim();
        if !address::is_email(a) {
            continue;
        }
        deliveries.push(Delivery {
            recipient: a.to_string(),
            reason: Some(reason),
            diagnosis: diagnosis.clone(),
            ..Delivery::default()
        });
    }
    if deliveries.is_empty() {
        return None;
    }
    Some(Rising {
        deliveries,
        rfc822: original.to_string(),
    })
}

/// Google Groups' notice copied from a mail program without its header fields, in any
/// language: its help centre's address (`GROUPS_HELP`) and its four reasons (`four_reasons`)
/// within the text before the returned message. The notice names the group only by its name in
/// brackets ("(board)", 「board」), never its address, so the recipient stays unnamed. The
/// English notice is also read by its sentence (`generic.rs`).
fn groups_pasted(mail: &Mail) -> Option<Rising> {
    let body = text::clip(&mail.body, 16 * 1024);
    let (head, _) = split_original(body, &["----- Original message -----"]);
    if !head.contains(GROUPS_HELP) || !four_reasons(head) {
        return None;
    }
    // The explanation: the paragraphs before the help centre's, without the greeting line
    // that names the sender ("Hello a@example.com,").
    let end = head.find(GROUPS_HELP).unwrap_or(head.len());
    let explanation = head.get(..end).unwrap_or(head);
    let explanation = explanation
        .rsplit_once("\n\n")
        .map_or(explanation, |(e, _)| e);
    let explanation = explanation.trim_start();
    let explanation = match explanation.split_once("\n\n") {
        Some((greeting, rest)) if !greeting.contains('\n') && greeting.contains('@') => rest,
        _ => explanation,
    };
    let diagnosis = text::sweep(&explanation.replace('\n', " "));
    Some(Rising {
        deliveries: vec![Delivery {
            reason: Some(Rejected),
            diagnosis,
            ..Delivery::default()
        }],
        rfc822: String::new(),
    })
}

/// The note that a group refused the post (the core's `group_post_refused`, detail
/// `google_groups`): Google Groups' "the group you tried to contact (board) may not exist, or
/// you may not have permission to post messages to the group", whatever the language. The
/// group's posting permission, or its existence, is the cause; nothing about the sender's
/// server, address or reputation.
pub(crate) const NOTE_GROUP_POST_REFUSED: &str = "group_post_refused";

/// Whether the deliveries are Google Groups' refusal of a post (`NOTE_GROUP_POST_REFUSED`): its
/// own notice (by the reader, or Gmail's notice that shows it), or its English sentence in a
/// paste.
pub(crate) fn group_refused_post(rising: &Rising) -> bool {
    rising.deliveries.iter().any(|d| {
        (d.agent == GROUPS_AGENT && d.reason == Some(Rejected))
            || text::find_ci(&d.diagnosis, GROUP_REFUSED_POSTING).is_some()
    })
}

/// The note that Google wrote this report about mail the sender sent out through Gmail or
/// Google Workspace, and another organisation's server refused it: the refused address is then
/// one of Google's shared outbound servers, which the sender cannot have delisted; only the
/// recipient's side can let them in. The detail is the Google host that wrote the report.
pub(crate) const NOTE_SENDER_ON_GOOGLE: &str = "sender_on_google";

/// The readers of Google's own notices about outgoing mail. Google Groups' notice is left out:
/// there Google itself (the group) refused.
const NOTICE_AGENTS: &[&str] = &["Gmail", "GmailNotice", "GoogleWorkspace"];

/// Google's notice sender as a paste shows it on its first lines ("Mail Delivery Subsystem
/// <mailer-daemon@googlemail.com>"), lowercase.
const GOOGLE_MAILER: &str = "mailer-daemon@googlemail.com";

/// Google's own domains, lowercase: a refusal by a host in one of them is Google refusing
/// (Gmail's inbound servers for mail to Gmail or Workspace), not another organisation.
const GOOGLE_DOMAINS: &[&str] = &["google.com", "googlemail.com", "gmail.com"];

/// Words in a reply that show one of Google's servers wrote it, lowercase: every Gmail reply
/// ends with its "- gsmtp" tag, and Gmail's inbound servers are `gmail-smtp-in.l.google.com`
/// and `aspmx.l.google.com` (https://support.google.com/a/answer/174125).
const GOOGLE_REPLY: &[&str] = &["gsmtp", "gmail-smtp-in", ".l.google.com"];

/// Whether Google's mailer sent the notice: its From field, or, in a paste without header
/// fields, the sender line a mail program shows on the first lines.
fn by_google_mailer(mail: &Mail) -> bool {
    // Case-blind searches in place: this runs for every report no Google reader took, and a
    // lowercase copy of each text would cost more than the search.
    if text::find_ci(mail.from(), GOOGLE_MAILER).is_some() {
        return true;
    }
    mail.headers.is_empty()
        && mail
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3)
            .any(|l| text::find_ci(l, GOOGLE_MAILER).is_some())
}

fn is_google_host(host: &str) -> bool {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    GOOGLE_DOMAINS
        .iter()
        .any(|d| crate::rhost::ends_with_domain(&host, d))
}

/// `Some(host)` (the Google host that wrote the report, or empty when none is named) when
/// Google wrote the report for the sender's outgoing mail and another organisation's server
/// refused it: a reply code quoted from a server that is not Google's.
///
/// A bounce that Gmail's inbound servers gave to a sender elsewhere comes from that sender's
/// own server, never from Google's mailer, so it gets none.
pub(crate) fn sender_on_google(mail: &Mail, rising: &Rising) -> Option<String> {
    if rising.deliveries.iter().any(|d| d.agent == GROUPS_AGENT) {
        return None;
    }
    let by_google = rising
        .deliveries
        .iter()
        .any(|d| NOTICE_AGENTS.contains(&d.agent))
        || by_google_mailer(mail);
    if !by_google {
        return None;
    }
    let refused_elsewhere = |d: &Delivery| {
        if d.action.eq_ignore_ascii_case("delivered") || is_google_host(&d.rhost) {
            return false;
        }
        let reply = if d.reply_code.is_empty() {
            crate::smtp::reply::find(&d.diagnosis, &d.status)
        } else {
            d.reply_code.clone()
        };
        let lc = text::lower(&d.diagnosis);
        reply.starts_with(['4', '5']) && !text::contains_any(&lc, GOOGLE_REPLY)
    };
    if !rising.deliveries.iter().any(refused_elsewhere) {
        return None;
    }
    let host = rising
        .deliveries
        .iter()
        .map(|d| d.lhost.trim().trim_end_matches('.'))
        .find(|h| is_google_host(h))
        .unwrap_or("")
        .to_ascii_lowercase();
    Some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A masked recipient inside a Japanese sentence is the mask alone, never the sentence
    /// that runs into it (「…アドレスであるため、メールは〜〜に配信されませんでした」).
    #[test]
    fn a_masked_recipient_in_a_japanese_sentence_is_only_the_mask() {
        let notice = "Mail Delivery Subsystem\nアドレス不明\n\
            アドレスが見つからなかったか、メールを受信できないアドレスであるため、\
            メールは〜〜に配信されませんでした。\nリモート サーバーからの応答:\n\
            550 <〜〜>: User unknown\n";
        let d = crate::diagnose(notice.as_bytes());
        let recipients: Vec<&str> = d.recipients.iter().map(|r| r.recipient.as_str()).collect();
        assert_eq!(recipients, ["〜〜"]);
        assert_eq!(
            masked_last("ブロック *********"),
            Some("*********".to_string())
        );
        assert_eq!(masked_last("メールは〜〜"), Some("〜〜".to_string()));
        assert_eq!(masked_last("アドレスであるため、メールは"), None);
    }

    /// Google Groups' notice pasted without its header, in a language other than English: its
    /// help centre's address and its four reasons make it the group's refusal (review h213);
    /// neither alone does.
    #[test]
    fn google_groups_notice_is_read_in_any_language() {
        let notice = |help: &str, bullets: usize| {
            let mut t = String::from(
                "a@example.jp您好，\n\n我們謹此通知，您試圖聯絡的「board」群組可能不存在，\
                 或者您沒有在此群組張貼留言的權限。\n\n",
            );
            for _ in 0..bullets {
                t.push_str(" * 此群組可能不開放張貼留言。\n");
            }
            t.push_str(&format!(
                "\n如果您對這則通知有任何問題，請造訪：https://{help}/。\n\nGoogle Groups\n"
            ));
            t
        };
        let d = crate::diagnose(notice("groups.google.com/support", 4).as_bytes());
        assert_eq!(d.reason, Rejected);
        assert!(notes(&notice("groups.google.com/support", 4))
            .contains(&(NOTE_GROUP_POST_REFUSED.into(), "google_groups".into())));
        // The greeting that names the sender is not the error.
        assert!(
            d.recipients[0].diagnostic_text.starts_with("我們謹此通知"),
            "{:?}",
            d.recipients
        );
        for other in [
            notice("example.com/support", 4),
            notice("groups.google.com/support", 2),
        ] {
            assert!(
                !notes(&other)
                    .iter()
                    .any(|(id, _)| id == NOTE_GROUP_POST_REFUSED),
                "{other}"
            );
        }
        // The English sentence alone, as a mail program shows it, says the same.
        let english = "The group you tried to contact (board) may not exist, or you may not have permission to post messages to the group.\n";
        assert!(notes(english)
            .iter()
            .any(|(id, _)| id == NOTE_GROUP_POST_REFUSED));
    }

    fn notes(input: &str) -> Vec<(String, String)> {
        crate::diagnose(input.as_bytes())
            .notes
            .into_iter()
            .map(|n| (n.id, n.detail))
            .collect()
    }

    /// Gmail's Japanese "address not found" notice as its window shows it, sender line first.
    const JA_NOTICE: &str = "Mail Delivery Subsystem (mailer-daemon@googlemail.com)\n\n\
        アドレスが見つかりません\n\
        hanako.s@example.net にメールを配信できませんでした。アドレスが見つからなかったか、\
        メールを受信できないアドレスです。\n\n\
        応答:\n550 5.1.1 The email account that you tried to reach does not exist. \
        x12-abcdef.34 - gsmtp\n";

    /// The recipient, action and reason of a whole message's first recipient, if any.
    fn first(input: &str) -> Option<(String, String, Reason)> {
        let d = crate::diagnose(input.as_bytes());
        let r = d.recipients.first()?;
        Some((r.recipient.clone(), r.action.clone(), r.reason))
    }

    #[test]
    fn a_saved_or_forwarded_notice_is_read_whatever_its_subject() {
        let want = Some((
            "hanako.s@example.net".to_string(),
            "failed".to_string(),
            UserUnknown,
        ));
        // Pasted alone.
        assert_eq!(first(JA_NOTICE), want);
        // Saved from Google's mailer, the Subject renamed by the mail program.
        for subject in ["配信エラー", "Undeliverable: 打ち合わせ", ""] {
            let saved = format!(
                "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n\
                 To: taro@example.jp\nSubject: {subject}\n\n{JA_NOTICE}"
            );
            assert_eq!(first(&saved), want, "{subject}");
        }
        // Forwarded by the user to their IT person.
        let forwarded = format!(
            "From: Taro <taro@example.jp>\nTo: it@example.jp\n\
             Subject: Fwd: Delivery Status Notification (Failure)\n\n\
             ---------- Forwarded message ---------\n{JA_NOTICE}"
        );
        assert_eq!(first(&forwarded), want);
        // The same sentence in someone's own mail, without Google's sender line, is no notice.
        let chat = "From: Taro <taro@example.jp>\nTo: it@example.jp\nSubject: 質問\n\n\
            hanako.s@example.net にメールを配信できませんでした。と出ました。\n";
        assert_eq!(first(chat), None);
    }

    #[test]
    fn google_hosts_are_whole_labels() {
        assert!(is_google_host("gmail-smtp-in.l.google.com."));
        assert!(is_google_host("googlemail.com"));
        assert!(is_google_host("GMAIL.COM"));
        assert!(!is_google_host("notgmail.com"));
        assert!(!is_google_host("google.com.example.org"));
        assert!(!is_google_host(""));
    }

    #[test]
    fn a_pasted_google_sender_line_counts() {
        // No sentence of Gmail's notice: only the sender line says Google wrote it.
        let reply = "\n\n550 5.7.1 <ito@example.org>: Rejected by local policy\n";
        let paste = format!("Mail Delivery Subsystem <mailer-daemon@googlemail.com>{reply}");
        assert_eq!(
            notes(&paste),
            vec![(NOTE_SENDER_ON_GOOGLE.to_string(), String::new())]
        );
        let elsewhere = format!("Mail Delivery System <mailer-daemon@mail.example.net>{reply}");
        assert!(notes(&elsewhere).is_empty());
    }

    #[test]
    fn gmails_own_refusal_and_its_own_errors_get_none() {
        // Gmail's inbound server refused (its "gsmtp" tag), in Google's own notice.
        let own = "Address not found\nYour message wasn't delivered to x@gmail.com because the \
                   address couldn't be found, or is unable to receive mail.\n\nThe response \
                   from the remote server was:\n550 5.1.1 The email account that you tried to \
                   reach does not exist. 41be03b00d2f7-7b9c8d7e6f5si1234567a12.77 - gsmtp\n";
        assert!(notes(own).is_empty());
        // No server was reached: Google's own DNS answer.
        let dns = "Address not found\nYour message wasn't delivered to x@example.invalid because \
                   the domain example.invalid couldn't be found.\n";
        assert!(notes(dns).is_empty());
        // The same refusal as the first test, written by another organisation's server and
        // reported by the sender's own Postfix: not Google's report.
        let postfix = "<ito@example.org>: host mx.example.org[198.51.100.25] said: 550 5.7.1 \
                       Rejected by local policy (in reply to RCPT TO command)\n";
        assert!(notes(postfix).is_empty());
    }
}
