//! The address the sender wrote, when the address that was refused is another one: an alias,
//! a mailing list of one, or a forwarding (`.forward`, a mailbox's forwarding rule) led the
//! message on, and the address it led to was refused. Who must act then changes: the owner of
//! the alias or the forwarding, not the sender's administrator.
//!
//! Read from each mail system's own words, in two searches of the text (one for the report's
//! fields, one for the readable forms), each linear in it:
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

use crate::{address, text};

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
    readable_part(body, &mut found);
    found
}

/// The words the readable forms share ("(expand|ed from <", "(expand|ed from: ", "(generat|ed
/// from ", "(ultimately generat|ed from "), searched for once: each search of the whole text
/// costs about a comparison per byte of it, the returned message's included.
const ED_FROM: &str = "ed from";

/// Postfix's, Exim's and Sendmail's readable forms, in one search of the text.
fn readable_part(body: &str, found: &mut Vec<Led>) {
    let mut from = 0;
    while let Some(at) = body.get(from..).and_then(|t| text::find(t, ED_FROM)) {
        let at = from + at;
        from = at + ED_FROM.len();
        let before = body.get(..at).unwrap_or_default();
        let after = body.get(at + ED_FROM.len()..).unwrap_or_default();
        if before.ends_with("(expand") && after.starts_with(" <") {
            postfix(body, at - "(expand".len(), found);
        } else if before.ends_with("(expand") && after.starts_with(": ") {
            sendmail(body, at - "(expand".len(), found);
        } else if before.ends_with("generat") && after.starts_with(' ') {
            exim(body, at, found);
        }
    }
}

/// Gives each recipient the address it was written to, at most once per statement.
pub(crate) struct Matcher {
    led: Vec<Led>,
    used: Vec<bool>,
    /// Lowercased `refused` to the first statement that names it and may be free (`.0`; `.1`
    /// is unused), the others in order through `next_refused`.
    by_refused: Chains,
    next_refused: Vec<usize>,
    /// Lowercased `reported` (where it differs from `refused`) likewise.
    by_reported: Chains,
    next_reported: Vec<usize>,
}

/// Statements chained by address: each address's chain in order, its head moved past the
/// used ones as they are met, so that each is passed over once and many recipients of one
/// address cost no more than one each. The map has `mta::generic`'s type (and uses only its
/// `get_mut` and `insert`), so the page's wasm compiles no other hash table for it.
type Chains = HashMap<String, (usize, bool)>;

/// The end of a chain.
const NONE: usize = usize::MAX;

/// Puts statement `k` at the front of `key`'s chain.
fn chain(map: &mut Chains, next: &mut [usize], key: String, k: usize) {
    match map.get_mut(&key) {
        Some(head) => {
            if let Some(n) = next.get_mut(k) {
                *n = head.0;
            }
            head.0 = k;
        }
        None => {
            map.insert(key, (k, false));
        }
    }
}

/// The first statement of `key`'s chain not used yet. (`&String`: the lookup by `str` would be
/// an instance of its own.)
#[allow(clippy::ptr_arg)]
fn first_free(map: &mut Chains, next: &[usize], used: &[bool], key: &String) -> Option<usize> {
    let head = map.get_mut(key)?;
    while head.0 != NONE {
        let k = head.0;
        if !used.get(k).copied().unwrap_or(true) {
            return Some(k);
        }
        head.0 = next.get(k).copied().unwrap_or(NONE);
    }
    None
}

impl Matcher {
    pub(crate) fn new(led: Vec<Led>) -> Matcher {
        let mut by_refused = Chains::new();
        let mut by_reported = Chains::new();
        let mut next_refused = vec![NONE; led.len()];
        let mut next_reported = vec![NONE; led.len()];
        // Backwards, each at the front: every chain ends up in the text's order.
        for (k, l) in led.iter().enumerate().rev() {
            chain(
                &mut by_refused,
                &mut next_refused,
                l.refused.to_ascii_lowercase(),
                k,
            );
            if !l.reported.eq_ignore_ascii_case(&l.refused) {
                chain(
                    &mut by_reported,
                    &mut next_reported,
                    l.reported.to_ascii_lowercase(),
                    k,
                );
            }
        }
        Matcher {
            used: vec![false; led.len()],
            led,
            by_refused,
            next_refused,
            by_reported,
            next_reported,
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
        let by_refused = first_free(&mut self.by_refused, &self.next_refused, &self.used, &key);
        let (k, renamed) = match by_refused {
            Some(k) => (k, false),
            None => (
                first_free(&mut self.by_reported, &self.next_reported, &self.used, &key)?,
                true,
            ),
        };
        if let Some(u) = self.used.get_mut(k) {
            *u = true;
        }
        let l = self.led.get(k)?;
        if renamed {
            recipient.clone_from(&l.refused);
        }
        Some(l.written.to_lowercase())
    }
}

/// The per-recipient fields that name addresses, lowercase.
const FINAL_RECIPIENT: &str = "final-recipient";
const ORIGINAL_RECIPIENT: &str = "original-recipient";
const X_ACTUAL_RECIPIENT: &str = "x-actual-recipient";

/// One address field as written: its address type ("rfc822", or none) and what follows the ';'.
#[derive(Clone, Copy)]
struct Field<'a> {
    kind: &'a str,
    value: &'a str,
}

impl Field<'_> {
    /// The mail address the field names. Not "X-Actual-Recipient: X-Unix; |/usr/bin/program",
    /// which names a program.
    fn address(self) -> Option<String> {
        let typed = self.kind.is_empty()
            || self.kind.eq_ignore_ascii_case("rfc822")
            || self.kind.eq_ignore_ascii_case("utf-8");
        let addr = address::from_dsn_value(self.value);
        (typed && address::is_email(&addr)).then(|| unxtext(&addr))
    }

    /// True when both name the same address, compared as written (case-blind, without the
    /// angle brackets): no address needs to be picked out.
    fn same(self, other: Field<'_>) -> bool {
        fn bare(v: &str) -> &str {
            v.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
        }
        bare(self.value).eq_ignore_ascii_case(bare(other.value))
    }
}

/// The address fields of one recipient's group of RFC 3464 fields.
#[derive(Default)]
struct Group<'a> {
    /// `Final-Recipient`.
    reported: Option<Field<'a>>,
    /// `Original-Recipient`.
    original: Option<Field<'a>>,
    /// Sendmail's `X-Actual-Recipient`.
    actual: Option<Field<'a>>,
}

impl<'a> Group<'a> {
    /// The field of kind `k`: Final-Recipient, Original-Recipient, X-Actual-Recipient.
    fn slot(&mut self, k: usize) -> &mut Option<Field<'a>> {
        match k {
            0 => &mut self.reported,
            1 => &mut self.original,
            _ => &mut self.actual,
        }
    }

    /// Closes the group. `notice` is the text before the report's first field, which may say
    /// that the address forwards; `says_forwarding` holds the answer once it was looked for.
    fn close(&mut self, found: &mut Vec<Led>, notice: &str, says_forwarding: &mut Option<bool>) {
        let g = std::mem::take(self);
        let Some(reported) = g.reported else {
            return;
        };
        // Sendmail: the real problem address, and the one the sender's server named. An
        // Original-Recipient (the ORCPT the sender's server gave) is written before both.
        let (refused, written) = match (g.actual, g.original) {
            (Some(actual), original) => (actual, original.unwrap_or(reported)),
            (None, Some(original)) => (reported, original),
            (None, None) => return,
        };
        // Postfix writes Original-Recipient for every recipient, mostly the same address.
        if refused.same(written) {
            return;
        }
        let (Some(refused), Some(written)) = (refused.address(), written.address()) else {
            return;
        };
        // The receiving site's own routing of the same mailbox, which no alias or forwarding
        // of the recipient's made, unless the notice says there is one.
        if g.actual.is_none()
            && internal_rewrite(&refused, &written)
            && !*says_forwarding.get_or_insert_with(|| {
                FORWARDING_WORDS
                    .iter()
                    .any(|w| text::find_ci(notice, w).is_some())
            })
        {
            return;
        }
        if !refused.eq_ignore_ascii_case(&written) {
            let reported = reported.address().unwrap_or_else(|| refused.clone());
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
    // Where the report's first address field starts: the notice's words are before it.
    let mut notice_end: Option<usize> = None;
    let mut says_forwarding: Option<bool> = None;
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
        let Some((name, rest)) = line.trim_start().split_once(':') else {
            continue;
        };
        let name = name.trim_end();
        let Some(k) = [FINAL_RECIPIENT, ORIGINAL_RECIPIENT, X_ACTUAL_RECIPIENT]
            .iter()
            .position(|n| name.eq_ignore_ascii_case(n))
        else {
            continue;
        };
        let (kind, value) = match rest.split_once(';') {
            Some((kind, value)) => (kind.trim(), value.trim()),
            None => ("", rest.trim()),
        };
        let notice = body
            .get(..*notice_end.get_or_insert(start))
            .unwrap_or_default();
        // Not on the line right after the group's last field: another recipient's group.
        if open_end.is_none_or(|e| e + 1 != start) {
            group.close(found, notice, &mut says_forwarding);
        }
        if group.slot(k).is_some() {
            // A second field of a kind: the next recipient's group, with no line between.
            group.close(found, notice, &mut says_forwarding);
        }
        *group.slot(k) = Some(Field { kind, value });
        open_end = Some(end);
    }
    let notice = body.get(..notice_end.unwrap_or(0)).unwrap_or_default();
    group.close(found, notice, &mut says_forwarding);
}

/// Words of a notice that say the recipient's address leads elsewhere.
const FORWARDING_WORDS: &[&str] = &["forward", "alias", "expanded from", "generated from"];

/// Top-level names no public DNS serves, which a mail site gives its own hosts: RFC 6762's
/// "local", RFC 6761's "localhost", "internal" (reserved by ICANN for private use in 2024),
/// and the names sites took before any was reserved ("localdomain", "lan", "intern", "corp",
/// "home", "private"); RFC 8375's "home.arpa" is looked at apart.
const PRIVATE_TOP_LEVEL: &[&str] = &[
    "local",
    "localhost",
    "internal",
    "localdomain",
    "lan",
    "intern",
    "corp",
    "home",
    "private",
];

/// True when `domain` names a host only the receiving site knows: a bare host name, or one under
/// a private top-level name (`PRIVATE_TOP_LEVEL`, "home.arpa").
fn private_domain(domain: &str) -> bool {
    let domain = domain.trim_end_matches('.');
    match domain.rsplit_once('.') {
        None => !domain.is_empty(),
        Some((rest, top)) => {
            PRIVATE_TOP_LEVEL
                .iter()
                .any(|p| top.eq_ignore_ascii_case(p))
                || top.eq_ignore_ascii_case("arpa")
                    && rest
                        .rsplit('.')
                        .next()
                        .is_some_and(|l| l.eq_ignore_ascii_case("home"))
        }
    }
}

/// True when the report's Final-Recipient differs from its Original-Recipient only by the
/// receiving site's routing: the same mailbox name at a host only that site knows
/// ("user@example.org" delivered as "user@store.local" to the mail store; a Postfix that hands
/// the message to maildrop writes both fields so, held-out ac 08). No alias or forwarding of the
/// recipient's led the message on; the address the sender wrote is the one that failed.
fn internal_rewrite(refused: &str, written: &str) -> bool {
    match (refused.rsplit_once('@'), written.rsplit_once('@')) {
        (Some((local, domain)), Some((written_local, _))) => {
            local.eq_ignore_ascii_case(written_local) && private_domain(domain)
        }
        _ => false,
    }
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

/// Postfix's "<final@x> (expanded from <alias@y>): reason" (`bounce_recipient_log`), the mark
/// at `at`. Postfix wraps long lines, so the address may end the line before. Source: Postfix
/// `bounce_notify_util.c`, "<%s> (expanded from <%s>): %s".
fn postfix(body: &str, at: usize, found: &mut Vec<Led>) {
    const MARK: &str = "(expanded from <";
    let (start, end) = line_bounds(body, at);
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
    if let (Some(written), Some(refused)) = (written, bracketed(head).or_else(|| masked(head))) {
        push(found, refused, written);
    }
}

/// The final address of Postfix's line when the one who pasted it hid it ("<xxxxx>",
/// "<XXXXXXXX" with its bracket lost): what the sender wrote is still the "expanded from"
/// address, and the masked word is the recipient a reader took from the same line.
fn masked(head: &str) -> Option<&str> {
    let inner = head.strip_prefix('<')?;
    let inner = inner.strip_suffix('>').unwrap_or(inner).trim();
    address::is_redacted(inner).then_some(inner)
}

/// Exim's "(generated from alias@y)" and "(ultimately generated from alias@y)" on the line after
/// the address that failed, its "ed from" at `at`. Source: Exim `deliver.c`
/// (`print_address_information`, which names the top ancestor, "ultimately" when it is not the
/// direct parent); Sisimai's samples lhost-exim-08 and rhost-franceptt-03.
fn exim(body: &str, at: usize, found: &mut Vec<Led>) {
    let (start, end) = line_bounds(body, at);
    let line = body.get(start..end).map_or("", str::trim);
    let inner = line
        .strip_prefix("(ultimately generated from ")
        .or_else(|| line.strip_prefix("(generated from "))
        .and_then(|r| r.strip_suffix(')'))
        .map(|a| a.trim().trim_start_matches('<').trim_end_matches('>'));
    let Some(written) = inner.filter(|a| address::is_email(a)) else {
        return;
    };
    if let Some(refused) = previous_line(body, start).and_then(|l| bare(l.trim())) {
        push(found, refused, written);
    }
}

/// How many lines above "(expanded from: ...)" Sendmail's address line may be: its "(reason:
/// ...)" line, and a few more a long reason wraps to.
const SENDMAIL_LOOKBACK: usize = 8;

/// Sendmail's readable part: the address at the start of a line, its indented "(reason: ...)",
/// then "(expanded from: parent)" (its mark at `at`), where the parent is an address or a local
/// alias's name (the latter says nothing the sender wrote). Source: Sendmail `savemail.c`
/// (`errbody`, "    (expanded from: %s)").
fn sendmail(body: &str, at: usize, found: &mut Vec<Led>) {
    const MARK: &str = "(expanded from: ";
    let (start, end) = line_bounds(body, at);
    let line = body.get(start..end).map_or("", str::trim);
    let written = line
        .strip_prefix(MARK)
        .and_then(|r| r.strip_suffix(')'))
        .map(|a| a.trim().trim_start_matches('<').trim_end_matches('>'))
        .filter(|a| address::is_email(a));
    let Some(written) = written else {
        return;
    };
    // Up through the block's indented lines to its first, the address.
    let mut top = start;
    for _ in 0..SENDMAIL_LOOKBACK {
        let Some(prev) = previous_line(body, top) else {
            return;
        };
        if prev.trim().is_empty() {
            return;
        }
        top = top.saturating_sub(prev.len() + 1);
        if !prev.starts_with([' ', '\t']) {
            if let Some(refused) = bare(prev.trim()) {
                push(found, refused, written);
            }
            return;
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
    fn an_internal_rewrite_of_the_same_mailbox_is_no_forwarding() {
        let report = |notice: &str, final_recipient: &str| {
            format!(
                "{notice}\n\nReporting-MTA: dns; mx.example.org\n\n\
                 Final-Recipient: rfc822; {final_recipient}\n\
                 Original-Recipient: rfc822;hanako@example.org\n\
                 Action: failed\nStatus: 5.2.2\n"
            )
        };
        for host in [
            "store.local",
            "mx1",
            "mail.example.internal",
            "box.home.arpa",
        ] {
            let to = format!("hanako@{host}");
            assert_eq!(pairs(&report("The mail system", &to)), vec![], "{host}");
        }
        // Another mailbox name, a public domain, or a notice that says the address forwards:
        // the fields tell where the address led.
        for (notice, to) in [
            ("The mail system", "taro@store.local"),
            ("The mail system", "hanako@example.net"),
            ("hanako@example.org forwards here", "hanako@store.local"),
            ("an alias of the list", "hanako@store.local"),
        ] {
            assert_eq!(
                pairs(&report(notice, to)),
                vec![pair(to, "hanako@example.org")],
                "{notice} {to}"
            );
        }
        assert!(private_domain("local") && !private_domain("example.local.com"));
        assert!(private_domain("home.arpa") && !private_domain("notthehome.arpa"));
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
        // The final address hidden before pasting: the written one is still known.
        for (masked, refused) in [
            (
                "<XXXX@example.com> (expanded from <team@example.org>): host\n",
                "XXXX@example.com",
            ),
            (
                "<xxxxx> (expanded from <team@example.org>): host\n",
                "xxxxx",
            ),
            (
                "<XXXXXXXX (expanded from <team@example.org>): User unknown\n",
                "XXXXXXXX",
            ),
        ] {
            assert_eq!(
                pairs(masked),
                vec![pair(refused, "team@example.org")],
                "{masked}"
            );
        }
        // A line that is no address at all stays none.
        assert_eq!(
            pairs("<bob> (expanded from <team@example.org>): x\n"),
            vec![]
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
    fn many_statements_of_one_address_serve_one_recipient_each_in_order() {
        let text: String = (0..20_000)
            .map(|i| format!("<bob@example.net> (expanded from <a{i}@example.org>): x\n"))
            .collect();
        let mut m = Matcher::new(read(&text));
        for i in 0..20_000 {
            let mut r = "bob@example.net".to_string();
            assert_eq!(m.take(&mut r), Some(format!("a{i}@example.org")));
        }
        assert_eq!(m.take(&mut "bob@example.net".to_string()), None);
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
