//! The address the sender wrote, when the address that was refused is another one: an alias,
//! a mailing list of one, or a forwarding (`.forward`, a mailbox's forwarding rule) led the
//! message on, and the address it led to was refused. Who must act then changes: the owner of
//! the alias or the forwarding, not the sender's administrator.
//!
//! Read from each mail system's own words, in one pass per form, each search over the text
//! once (linear in it):
//! - RFC 3464's per-recipient fields: `Original-Recipient` beside `Final-Recipient`, when the
//!   two differ (case-blind): Postfix always writes the field, most often with the same address.
//! - Sendmail's `X-Actual-Recipient` ("the real problem address"), beside its
//!   `Final-Recipient` ("the name from the RCPT command"): the refused address is the first,
//!   the written one the second.
//! - Postfix's text: "<final@x> (expanded from <alias@y>): ...".
//! - Exim's text: "final@x" on its line, then "(generated from alias@y)", or "(ultimately
//!   generated from alias@y)" when more than one step led there.
//! - Sendmail's text: "final@x", its "(reason: ...)", then "(expanded from: alias@y)" when
//!   the parent is an address (a local alias's bare name is none).

use std::collections::HashMap;

use crate::{address, dsn, text};

/// One recipient as the bounce tells where it led.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Led {
    /// The address that was refused.
    pub refused: String,
    /// The address the sender wrote.
    pub written: String,
    /// The address a reader of RFC 3464 fields took for the recipient (`Final-Recipient`):
    /// `refused`, except in Sendmail's report, where it is the written one.
    pub reported: String,
}

/// Every alias or forwarding the text states, in the order found: the report's fields first,
/// then the forms of the readable part.
pub(crate) fn read(body: &str) -> Vec<Led> {
    let mut found = Vec::new();
    report_fields(body, &mut found);
    postfix(body, &mut found);
    exim(body, &mut found);
    sendmail(body, &mut found);
    found
}

/// Gives each recipient the address it was written to, at most once per statement.
pub(crate) struct Matcher {
    led: Vec<Led>,
    used: Vec<bool>,
    /// Lowercased `refused` to the statements that name it, in order.
    by_refused: HashMap<String, Vec<usize>>,
    /// Lowercased `reported` (where it differs from `refused`) to the statements, in order.
    by_reported: HashMap<String, Vec<usize>>,
}

impl Matcher {
    pub(crate) fn new(led: Vec<Led>) -> Matcher {
        let mut by_refused: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_reported: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, l) in led.iter().enumerate() {
            by_refused
                .entry(l.refused.to_ascii_lowercase())
                .or_default()
                .push(k);
            if !l.reported.eq_ignore_ascii_case(&l.refused) {
                by_reported
                    .entry(l.reported.to_ascii_lowercase())
                    .or_default()
                    .push(k);
            }
        }
        Matcher {
            used: vec![false; led.len()],
            led,
            by_refused,
            by_reported,
        }
    }

    /// The address `recipient` was written to, when the text says it was another one. A
    /// recipient a reader took from Sendmail's `Final-Recipient` becomes the address that was
    /// refused (its `X-Actual-Recipient`).
    pub(crate) fn take(&mut self, recipient: &mut String) -> Option<String> {
        if self.led.is_empty() || recipient.is_empty() {
            return None;
        }
        let key = recipient.to_ascii_lowercase();
        let used = &self.used;
        let free = |ks: Option<&Vec<usize>>| {
            ks.and_then(|ks| {
                ks.iter()
                    .copied()
                    .find(|&k| !used.get(k).copied().unwrap_or(true))
            })
        };
        if let Some(k) = free(self.by_refused.get(&key)) {
            self.used[k] = true;
            return self.led.get(k).map(|l| l.written.to_lowercase());
        }
        let k = free(self.by_reported.get(&key))?;
        self.used[k] = true;
        let l = self.led.get(k)?;
        *recipient = l.refused.clone();
        Some(l.written.to_lowercase())
    }
}

/// The per-recipient fields that name addresses.
const ADDRESS_FIELDS: &[&str] = &[
    "final-recipient",
    "original-recipient",
    "x-actual-recipient",
];

/// The addresses of one recipient's group of RFC 3464 fields.
#[derive(Default)]
struct Group {
    /// `Final-Recipient`.
    reported: Option<String>,
    /// `Original-Recipient`.
    original: Option<String>,
    /// Sendmail's `X-Actual-Recipient`.
    actual: Option<String>,
}

impl Group {
    fn close(&mut self, found: &mut Vec<Led>) {
        let g = std::mem::take(self);
        let Some(reported) = g.reported else {
            return;
        };
        // Sendmail: the real problem address, and the one the sender's server named. An
        // Original-Recipient (the ORCPT the sender's server gave) is written before both.
        let (refused, written) = match g.actual {
            Some(actual) => (actual, g.original.unwrap_or_else(|| reported.clone())),
            None => match g.original {
                Some(original) => (reported.clone(), original),
                None => return,
            },
        };
        if !refused.eq_ignore_ascii_case(&written) {
            found.push(Led {
                refused,
                written,
                reported,
            });
        }
    }
}

/// RFC 3464's per-recipient groups. A group's address fields stand on consecutive lines
/// (Postfix writes Final-Recipient then Original-Recipient, RFC 3464 and Sendmail the other
/// order, Sendmail's X-Actual-Recipient right after Final-Recipient); any other line ends the
/// group, so a paste that lost the empty lines between groups is still read per recipient.
/// Sources: RFC 3464 section 2.3 (https://datatracker.ietf.org/doc/html/rfc3464#section-2.3),
/// Postfix `bounce_notify_util.c` (`bounce_recipient_dsn`), Sendmail `savemail.c` (`errbody`).
fn report_fields(body: &str, found: &mut Vec<Led>) {
    let mut group = Group::default();
    // Where the last address field's line ended (its '\n'), when the group is open.
    let mut open_end: Option<usize> = None;
    let mut from = 0;
    while let Some(at) = body
        .get(from..)
        .and_then(|t| text::find_ci(t, "-recipient"))
    {
        let at = from + at;
        let (start, end) = line_bounds(body, at);
        from = end.saturating_add(1).max(at + 1);
        let Some(line) = body.get(start..end) else {
            break;
        };
        let line = line.trim_start();
        if !ADDRESS_FIELDS.iter().any(|n| text::starts_with_ci(line, n)) {
            continue;
        }
        let Some(f) = dsn::field(line) else {
            continue;
        };
        let adjacent = open_end.is_some_and(|e| e + 1 == start);
        if !adjacent {
            group.close(found);
        }
        let addr = address::from_dsn_value(&f.value);
        // Only mail addresses: "X-Actual-Recipient: X-Unix; |/usr/bin/program" names a program.
        let addr = (matches!(f.kind.as_str(), "RFC822" | "UTF-8" | "") && address::is_email(&addr))
            .then(|| unxtext(&addr));
        let slot = match f.name {
            dsn::Name::FinalRecipient => &mut group.reported,
            dsn::Name::OriginalRecipient => &mut group.original,
            _ => &mut group.actual,
        };
        if slot.is_some() {
            // A second field of a kind: the next recipient's group, with no line between.
            group.close(found);
            let slot = match f.name {
                dsn::Name::FinalRecipient => &mut group.reported,
                dsn::Name::OriginalRecipient => &mut group.original,
                _ => &mut group.actual,
            };
            *slot = addr;
        } else {
            *slot = addr;
        }
        open_end = Some(end);
    }
    group.close(found);
}

/// An address as RFC 3461's xtext writes it in an ORCPT (Sendmail keeps the parameter as given):
/// "+2B" is '+' and "+3D" is '='. Other "+XX" are left, as they stand for characters no address
/// here holds. Source: RFC 3461 section 4 (https://datatracker.ietf.org/doc/html/rfc3461#section-4).
fn unxtext(addr: &str) -> String {
    if !addr.contains('+') {
        return addr.to_string();
    }
    addr.replace("+2B", "+").replace("+3D", "=")
}

/// Postfix's "<final@x> (expanded from <alias@y>): reason" (`bounce_recipient_log`). Postfix
/// wraps long lines, so the address may end the line before. Source: Postfix
/// `bounce_notify_util.c`, "<%s> (expanded from <%s>): %s".
fn postfix(body: &str, found: &mut Vec<Led>) {
    const MARK: &str = "(expanded from <";
    let mut from = 0;
    while let Some(at) = body.get(from..).and_then(|t| text::find(t, MARK)) {
        let at = from + at;
        let (start, end) = line_bounds(body, at);
        from = end.max(at + 1);
        let written = body
            .get(at + MARK.len()..end)
            .and_then(|rest| rest.split_once('>'))
            .map(|(a, _)| a.trim())
            .filter(|a| address::is_email(a));
        let head = body.get(start..at).map_or("", str::trim);
        let head = if head.is_empty() {
            previous_line(body, start).map_or("", str::trim)
        } else {
            head
        };
        if let (Some(written), Some(refused)) = (written, bracketed(head)) {
            push(found, refused, written);
        }
    }
}

/// Exim's "(generated from alias@y)" and "(ultimately generated from alias@y)" on the line after
/// the address that failed. Source: Exim `deliver.c` (`print_address_information`, which names
/// the top ancestor, "ultimately" when it is not the direct parent); Sisimai's samples
/// lhost-exim-08 and rhost-franceptt-03.
fn exim(body: &str, found: &mut Vec<Led>) {
    const MARK: &str = "generated from ";
    let mut from = 0;
    while let Some(at) = body.get(from..).and_then(|t| text::find(t, MARK)) {
        let at = from + at;
        let (start, end) = line_bounds(body, at);
        from = end.max(at + 1);
        let line = body.get(start..end).map_or("", str::trim);
        let inner = line
            .strip_prefix("(ultimately generated from ")
            .or_else(|| line.strip_prefix("(generated from "))
            .and_then(|r| r.strip_suffix(')'))
            .map(|a| a.trim().trim_start_matches('<').trim_end_matches('>'));
        let Some(written) = inner.filter(|a| address::is_email(a)) else {
            continue;
        };
        let refused = previous_line(body, start).and_then(|l| bare(l.trim()));
        if let Some(refused) = refused {
            push(found, refused, written);
        }
    }
}

/// How many lines above "(expanded from: ...)" Sendmail's address line may be: its "(reason:
/// ...)" line, and a few more a long reason wraps to.
const SENDMAIL_LOOKBACK: usize = 8;

/// Sendmail's readable part: the address at the start of a line, its indented "(reason: ...)",
/// then "(expanded from: parent)", where the parent is an address or a local alias's name (the
/// latter says nothing the sender wrote). Source: Sendmail `savemail.c` (`errbody`,
/// "    (expanded from: %s)").
fn sendmail(body: &str, found: &mut Vec<Led>) {
    const MARK: &str = "(expanded from: ";
    let mut from = 0;
    while let Some(at) = body.get(from..).and_then(|t| text::find(t, MARK)) {
        let at = from + at;
        let (start, end) = line_bounds(body, at);
        from = end.max(at + 1);
        let line = body.get(start..end).map_or("", str::trim);
        let written = line
            .strip_prefix(MARK)
            .and_then(|r| r.strip_suffix(')'))
            .map(|a| a.trim().trim_start_matches('<').trim_end_matches('>'))
            .filter(|a| address::is_email(a));
        let Some(written) = written else {
            continue;
        };
        // Up through the block's indented lines to its first, the address.
        let mut top = start;
        let mut refused = None;
        for _ in 0..SENDMAIL_LOOKBACK {
            let Some(prev) = previous_line(body, top) else {
                break;
            };
            if prev.trim().is_empty() {
                break;
            }
            top = top.saturating_sub(prev.len() + 1);
            if !prev.starts_with([' ', '\t']) {
                refused = bare(prev.trim());
                break;
            }
        }
        if let Some(refused) = refused {
            push(found, refused, written);
        }
    }
}

fn push(found: &mut Vec<Led>, refused: &str, written: &str) {
    if !refused.eq_ignore_ascii_case(written) {
        found.push(Led {
            refused: refused.to_string(),
            written: written.to_string(),
            reported: refused.to_string(),
        });
    }
}

/// The address of a line that is only "<address>".
fn bracketed(s: &str) -> Option<&str> {
    s.strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .map(str::trim)
        .filter(|a| address::is_email(a))
}

/// The address of a line that is only an address, bare or in angle brackets.
fn bare(s: &str) -> Option<&str> {
    bracketed(s).or_else(|| address::is_email(s).then_some(s))
}

/// The start and end (its '\n', or the text's end) of the line holding byte `at`, a '\r'
/// before the '\n' left out.
fn line_bounds(body: &str, at: usize) -> (usize, usize) {
    let start = body
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |p| p + 1);
    let end = body
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(body.len(), |p| at + p);
    (start, end)
}

/// The line before the one that starts at `start`, without its '\r'.
fn previous_line(body: &str, start: usize) -> Option<&str> {
    let before = body.get(..start.checked_sub(1)?)?;
    let from = before.rfind('\n').map_or(0, |p| p + 1);
    before
        .get(from..)
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(body: &str) -> Vec<(String, String, String)> {
        read(body)
            .into_iter()
            .map(|l| (l.refused, l.written, l.reported))
            .collect()
    }

    fn pair(refused: &str, written: &str) -> (String, String, String) {
        (refused.into(), written.into(), refused.into())
    }

    #[test]
    fn rfc3464_original_recipient_when_it_differs() {
        // Postfix's order: Final-Recipient, then Original-Recipient.
        let postfix = "Reporting-MTA: dns; mx.example.org\n\n\
                       Final-Recipient: rfc822; bob@example.net\n\
                       Original-Recipient: rfc822;team@example.org\n\
                       Action: failed\nStatus: 5.7.1\n\n\
                       Final-Recipient: rfc822; ann@example.net\n\
                       Original-Recipient: rfc822;ANN@example.net\n\
                       Action: failed\n";
        assert_eq!(
            pairs(postfix),
            vec![pair("bob@example.net", "team@example.org")]
        );
        // RFC 3464's order, two groups without an empty line between them: the second's
        // Original-Recipient is not the first's.
        let rfc = "Original-Recipient: rfc822;sales@example.org\n\
                   Final-Recipient: rfc822;carol@example.net\n\
                   Action: failed\n\
                   Original-Recipient: rfc822;dave@example.org\n\
                   Final-Recipient: rfc822;dave@example.org\n\
                   Action: failed\n";
        assert_eq!(
            pairs(rfc),
            vec![pair("carol@example.net", "sales@example.org")]
        );
        // No Original-Recipient: nothing, whatever follows.
        assert_eq!(
            pairs("Final-Recipient: rfc822; a@example.net\nAction: failed\n"),
            vec![]
        );
        // A field that names no mail address.
        assert_eq!(
            pairs(
                "Final-Recipient: rfc822; a@example.net\nOriginal-Recipient: rfc822; undisclosed\n"
            ),
            vec![]
        );
    }

    #[test]
    fn sendmails_actual_recipient_is_the_refused_one() {
        let report = "Final-Recipient: RFC822; info@example.org\r\n\
                      X-Actual-Recipient: RFC822; kijitora+2Bx@example.net\r\n\
                      Action: failed\r\n";
        assert_eq!(
            pairs(report),
            vec![(
                "kijitora+x@example.net".into(),
                "info@example.org".into(),
                "info@example.org".into()
            )]
        );
        // The same address twice (another case), or a program: no forwarding.
        let same = "Final-Recipient: RFC822; neko@example.org\n\
                    X-Actual-Recipient: rfc822; NEKO@example.org\n";
        assert_eq!(pairs(same), vec![]);
        let program = "Final-Recipient: RFC822; nyaan@example.org\n\
                       X-Actual-Recipient: X-Unix; |/usr/bin/procmail\n";
        assert_eq!(pairs(program), vec![]);
        // The sender's ORCPT is what was written, before the alias the RCPT named.
        let orcpt = "Original-Recipient: rfc822;first@example.com\n\
                     Final-Recipient: RFC822; info@example.org\n\
                     X-Actual-Recipient: RFC822; last@example.net\n";
        assert_eq!(
            pairs(orcpt),
            vec![(
                "last@example.net".into(),
                "first@example.com".into(),
                "info@example.org".into()
            )]
        );
    }

    #[test]
    fn postfix_exim_and_sendmail_text() {
        let postfix = "<bob@example.net> (expanded from <team@example.org>): host\n    \
                       mx.example.net[192.0.2.25] said: 550 5.7.1 refused\n";
        assert_eq!(
            pairs(postfix),
            vec![pair("bob@example.net", "team@example.org")]
        );
        // Wrapped before the words: the address ends the line above.
        let wrapped = "<a-very-long-local-part@mail.example.net>\n    \
                       (expanded from <team@example.org>): host mx.example.net said: 550\n";
        assert_eq!(
            pairs(wrapped),
            vec![pair(
                "a-very-long-local-part@mail.example.net",
                "team@example.org"
            )]
        );
        let exim = "  bob@example.net\n    (generated from team@example.org)\n    \
                    SMTP error from remote mail server after RCPT TO:<bob@example.net>:\n\n  \
                    carol@example.net\n    (ultimately generated from <all@example.org>)\n";
        assert_eq!(
            pairs(exim),
            vec![
                pair("bob@example.net", "team@example.org"),
                pair("carol@example.net", "all@example.org")
            ]
        );
        let sendmail = "   ----- The following addresses had permanent fatal errors -----\n\
                        bob@example.net\n    (reason: 550 5.7.1 refused)\n    \
                        (expanded from: team@example.org)\n\n\
                        carol@example.net\n    (reason: 452 4.2.2 full)\n    \
                        (expanded from: carol)\n";
        assert_eq!(
            pairs(sendmail),
            vec![pair("bob@example.net", "team@example.org")]
        );
        // Prose that only quotes the words.
        assert_eq!(
            pairs("Mail for x (generated from team@example.org) was sent.\n"),
            vec![]
        );
        assert_eq!(
            pairs("(expanded from <team@example.org>): no address\n"),
            vec![]
        );
    }

    #[test]
    fn a_statement_serves_one_recipient() {
        let mut m = Matcher::new(read(
            "<bob@example.net> (expanded from <a@example.org>): x\n\n\
             <bob@example.net> (expanded from <b@example.org>): y\n\n\
             Final-Recipient: RFC822; info@example.org\n\
             X-Actual-Recipient: RFC822; last@example.net\n",
        ));
        let mut r = "BOB@example.net".to_string();
        assert_eq!(m.take(&mut r).as_deref(), Some("a@example.org"));
        assert_eq!(m.take(&mut r).as_deref(), Some("b@example.org"));
        assert_eq!(m.take(&mut r), None);
        let mut sendmail = "info@example.org".to_string();
        assert_eq!(m.take(&mut sendmail).as_deref(), Some("info@example.org"));
        assert_eq!(sendmail, "last@example.net");
        let mut other = "x@example.com".to_string();
        assert_eq!(m.take(&mut other), None);
        assert_eq!(other, "x@example.com");
    }

    #[test]
    fn never_panics_on_cut_text() {
        for s in [
            "",
            "-recipient",
            "Final-Recipient",
            "\n-Recipient:\n",
            "(expanded from <",
            "(expanded from: ",
            "generated from ",
            "\n(generated from a@example.org)",
            "<a@b.example>\n(expanded from <",
            "é(expanded from: a@example.org)",
        ] {
            let _ = read(s);
        }
    }
}
