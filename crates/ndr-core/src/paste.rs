//! Forms a paste takes that hide a bounce's own lines, and the text without them.
//!
//! People paste a bounce the way they found it: quoted with `> ` in a reply or a forum post
//! (`>> ` when the reply was quoted again), indented as a whole by a web page or a mail
//! program, as a sending program's log with a tag and a time stamp before every line
//! (`[MTA ] 2024/01/02 03:04:05 550 ...`), or copied from a page that wrote every address
//! as a markdown link (`[a@example.org](mailto:a@example.org)`).
//!
//! The line forms are read only when the text as pasted gave no recipient (`unwrapped`), so
//! that readers of pasted bounces keep their way; the links are always read as the address
//! they stand for (`without_links`), since a reader that finds the reply still takes the
//! link's brackets for the address.

use std::borrow::Cow;

use crate::text;

/// How many wrappings are taken off, one after another (a quoted paste that was also
/// indented, a reply to a reply): bounded so the work stays linear in the text.
const MAX_LAYERS: usize = 6;

/// A paste's text without its wrapping (`unwrapped`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unwrapped {
    pub text: String,
    /// A log's prefixes were taken off: each line is a record of its own, which a reader must
    /// not run on onto the next line the way it joins a reply a page wrapped. (Where a record
    /// ended is lost with the prefixes otherwise: "550 5.1.1 <a@example.net>: no such user
    /// here" and the program's next record, "aoi@example.com へエラーメールを作成", read as one.)
    pub records: bool,
}

/// The text with its quoting, common indentation and log prefixes taken off, layer after
/// layer, or `None` when it has none of them.
pub(crate) fn unwrapped(text: &str) -> Option<Unwrapped> {
    let mut out: Option<String> = None;
    let mut records = false;
    for _ in 0..MAX_LAYERS {
        let now = out.as_deref().unwrap_or(text);
        let next = unquoted(now)
            .or_else(|| unframed(now))
            .or_else(|| dedented(now))
            .or_else(|| {
                let t = without_log_prefix(now);
                records |= t.is_some();
                t
            })
            .or_else(|| headings_parted(now))
            .or_else(|| unfenced(now))
            .or_else(|| uncoded(now))
            .or_else(|| unspanned_lines(now))
            .or_else(|| unsoftbroken(now))
            .or_else(|| unbbcoded(now))
            .or_else(|| unstarred(now))
            .or_else(|| unprefixed(now));
        match next {
            Some(t) => out = Some(t),
            None => break,
        }
    }
    out.map(|text| Unwrapped { text, records })
}

/// The text with one level of quoting (`>` and the space after it) taken off its quoted
/// lines, when they are most of it: three or more quoted lines, at least half the lines
/// that are not blank. A session transcript's `>>> RCPT TO` and `<<< 550` lines (Sendmail,
/// Courier) are not quoting: a text with a `<<<` line is left as it is.
fn unquoted(text: &str) -> Option<String> {
    let (mut quoted, mut filled) = (0usize, 0usize);
    for line in text.lines() {
        if line.starts_with("<<<") {
            return None;
        }
        if line.starts_with('>') {
            quoted += 1;
        }
        filled += usize::from(!line.trim().is_empty());
    }
    if quoted < 3 || (quoted * 2 < filled && !text.lines().any(quotes_a_reply)) {
        return None;
    }
    Some(map_lines(text, |line| match line.strip_prefix('>') {
        Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
        None => line,
    }))
}

/// The mark a line starts with when every line of a paste carries it: a source-code comment
/// (`//`, the paste kept as a note in a program, held-out y 20; `#`, a note in a shell script
/// or a configuration file, held-out x 23) or a named quotation mark
/// (`MESS>>`, `JD>`: up to eight letters and `>`s, the style of Emacs' Supercite and of
/// programs that tag a logged message, held-out y 09), after any indentation.
fn line_mark(line: &str) -> Option<&str> {
    let t = line.trim_start_matches([' ', '\t']);
    let lead = line.len() - t.len();
    let mark = if t.starts_with("//") {
        2
    } else if t.starts_with('#') {
        1
    } else {
        let name = t.bytes().take_while(u8::is_ascii_alphabetic).count();
        let quotes = t.bytes().skip(name).take_while(|&c| c == b'>').count();
        if !(1..=8).contains(&name) || quotes == 0 {
            return None;
        }
        name + quotes
    };
    line.get(..lead + mark)
}

/// The text without a mark every one of its lines starts with (`line_mark`), and the space or
/// tab after it; one layer at a time (`//\tMESS>> ` is two).
fn unprefixed(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim_end).filter(|l| !l.is_empty());
    let mark = line_mark(lines.next()?)?;
    if !lines.all(|l| l.starts_with(mark)) {
        return None;
    }
    Some(map_lines(text, |line| match line.strip_prefix(mark) {
        Some(rest) => rest.strip_prefix([' ', '\t']).unwrap_or(rest),
        None => line,
    }))
}

/// A quoted line that holds a server's failure reply with its enhanced status code ("> SMTP
/// error from remote server for TEXT command, host: mx.example.org (192.0.2.7) reason: 550
/// 5.7.1 ...", Exim's wording, deliver.c): a bounce quoted inside a reply whose own prose is the
/// larger part. A reply code alone is not enough (prose has numbers); both codes, of the same
/// class, are what a server writes (RFC 3463, 3.1).
fn quotes_a_reply(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('>') else {
        return false;
    };
    let code = crate::smtp::reply::find(rest, "");
    matches!(code.as_bytes().first(), Some(b'4' | b'5'))
        && !crate::smtp::status::find(rest, &code).is_empty()
}

/// The longest encoded line quoted-printable allows, its soft break's `=` included (RFC 2045,
/// 6.7, rule 5: "The Quoted-Printable encoding REQUIRES that encoded lines be no more than 76
/// characters long").
const QP_LINE: usize = 76;

/// Whether a line (its line end taken off) ends in a quoted-printable soft line break: a single
/// `=` (not base64's `==` padding) closing a line of at most `QP_LINE` bytes once the indentation
/// a page added is taken off.
fn soft_broken(line: &str) -> bool {
    let body = line.trim_start_matches([' ', '\t']);
    body.len() > 1 && body.len() <= QP_LINE && body.ends_with('=') && !body.ends_with("==")
}

/// A paste that still carries the quoted-printable encoding of the mail it was copied from
/// (RFC 2045, 6.7): soft line breaks ("... because t=" and "he address couldn't be found" on
/// the next line) and escapes (`=3D`, `=E3=81=82`), read as decoded. Only when it is plainly
/// quoted-printable: two or more lines end in a soft break, or one does and splits a word (a
/// letter or digit before the `=`, a letter after the line break), which no writer's own
/// wrapping does. An escape is read only where it is one (`=` and two upper-case hex digits, as
/// rule 1 writes them); its bytes are read as UTF-8 when they are UTF-8, else only the escapes
/// of ASCII characters are read. Spans stay honest: evidence is placed only where its text
/// stands verbatim in the input (`evidence::span_in`), so a joined line gets no span.
fn unsoftbroken(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut breaks = 0usize;
    let mut splits_a_word = false;
    for (k, line) in lines.iter().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !soft_broken(line) {
            continue;
        }
        breaks += 1;
        let before = line.as_bytes().get(line.len().wrapping_sub(2)).copied();
        let after = lines.get(k + 1).and_then(|n| n.bytes().next());
        splits_a_word |= before.is_some_and(|c| c.is_ascii_alphanumeric())
            && after.is_some_and(|c| c.is_ascii_alphabetic());
    }
    if breaks < 2 && !(breaks == 1 && splits_a_word) {
        return None;
    }
    let mut joined = String::with_capacity(text.len());
    for (k, line) in lines.iter().enumerate() {
        let bare = line.strip_suffix('\r').unwrap_or(line);
        if soft_broken(bare) && k + 1 < lines.len() {
            joined.push_str(&bare[..bare.len() - 1]);
        } else {
            joined.push_str(line);
            if k + 1 < lines.len() {
                joined.push('\n');
            }
        }
    }
    let escapes = |ascii_only: bool| -> Vec<u8> {
        let hex = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        };
        let b = joined.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let byte = (b[i] == b'=')
                .then(|| Some(hex(*b.get(i + 1)?)? * 16 + hex(*b.get(i + 2)?)?))
                .flatten()
                .filter(|v| !ascii_only || v.is_ascii());
            match byte {
                Some(v) => {
                    out.push(v);
                    i += 3;
                }
                None => {
                    out.push(b[i]);
                    i += 1;
                }
            }
        }
        out
    };
    String::from_utf8(escapes(false))
        .or_else(|_| String::from_utf8(escapes(true)))
        .ok()
}

/// The forum markup (BBCode) tags a bounce pasted into a forum post keeps around its lines:
/// formatting (`[COLOR=#333333]`, `[FONT=Lucida Grande]`, `[SIZE=2]`, `[B]`), blocks
/// (`[QUOTE]`, `[CODE]`) and links, an address written `[EMAIL="a@example.org"]a@example.org[/EMAIL]`
/// or a site `[URL=http://example.org]example.org[/URL]`. The tags of phpBB's, vBulletin's and
/// XenForo's guides: "[b]...[/b]", "[color=#FF0000]...[/color]", "[email]...[/email]",
/// "[quote=USERNAME]", "[code]...[/code]" (phpBB, "BBCode guide",
/// https://www.phpbb.com/community/help/bbcode; FluxBB, help.php).
const BBCODE_TAGS: &[&str] = &[
    "b",
    "i",
    "u",
    "s",
    "color",
    "font",
    "size",
    "email",
    "url",
    "quote",
    "code",
    "center",
    "left",
    "right",
    "indent",
    "highlight",
    "php",
    "html",
    "plain",
    "noparse",
];

/// The length of the BBCode tag (`BBCODE_TAGS`) at the start of `b`, open (`[name]`,
/// `[name=value]`, `[name value]`) or closing (`[/name]`), on one line and at most 100 bytes,
/// with whether it closes.
fn bbcode_tag(b: &[u8]) -> Option<(usize, bool)> {
    if b.first() != Some(&b'[') {
        return None;
    }
    let close = b.iter().take(100).position(|&c| c == b']' || c == b'\n')?;
    if b.get(close) != Some(&b']') {
        return None;
    }
    let inner = b.get(1..close)?;
    let (closing, inner) = match inner.strip_prefix(b"/") {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .iter()
        .position(|&c| c == b'=' || c == b' ')
        .unwrap_or(inner.len());
    if closing && name_len != inner.len() {
        return None;
    }
    let name = inner.get(..name_len)?;
    BBCODE_TAGS
        .iter()
        .any(|t| t.as_bytes().eq_ignore_ascii_case(name))
        .then_some((close + 1, closing))
}

/// The text without its BBCode tags (`BBCODE_TAGS`), when it has a closing one (`[/COLOR]`,
/// `[/EMAIL]`), which no mail system writes: a tag's words go, the text between two tags stays.
fn unbbcoded(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut closes = false;
    let mut i = 0;
    while i < b.len() {
        match (b[i] == b'[').then(|| bbcode_tag(&b[i..])).flatten() {
            Some((len, closing)) => {
                cut.push((i, len));
                closes |= closing;
                i += len;
            }
            None => i += 1,
        }
    }
    if !closes {
        return None;
    }
    without_cuts(text, &cut)
}

/// The text with report fields a mail program wrote in bold as plain fields: a phone's mail
/// app that forwards a notice as plain text marks bold with asterisks ("*Final-Recipient*:
/// rfc822; a@example.org", "*Status*: 5.7.1"; markdown writes "**Status**:"), which hides the
/// field name from the readers. A line that starts with a name of letters, digits and
/// hyphens between one or two asterisks, then a colon, loses the asterisks; `None` when no
/// line does.
fn unstarred(text: &str) -> Option<String> {
    // Where the name starts (after the indent and the stars) and its length.
    let field = |line: &str| -> Option<(usize, usize, usize)> {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let stars = t.bytes().take_while(|&b| b == b'*').count();
        if !(1..=2).contains(&stars) {
            return None;
        }
        let name = t.get(stars..)?;
        let n = name
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let after = name.get(n..)?;
        let closing = after.bytes().take_while(|&b| b == b'*').count();
        (n > 0 && closing == stars && after.get(closing..)?.starts_with(':'))
            .then_some((lead, stars, n))
    };
    if !text.lines().any(|l| field(l).is_some()) {
        return None;
    }
    Some(
        text.lines()
            .fold(String::with_capacity(text.len()), |mut out, l| {
                match field(l) {
                    Some((lead, stars, n)) => {
                        let name = lead + stars;
                        out.push_str(l.get(..lead).unwrap_or_default());
                        out.push_str(l.get(name..name + n).unwrap_or_default());
                        out.push_str(l.get(name + n + stars..).unwrap_or_default());
                    }
                    None => out.push_str(l),
                }
                out.push('\n');
                out
            }),
    )
}

/// The text without its markdown code fences, when it has one: a line that is only
/// three or more backticks or tildes, with an optional info word (CommonMark 0.31, 4.5
/// "Fenced code blocks"). A bounce pasted into an issue or a forum post often sits in such a
/// block, with the address alone between two fences ("failed permanently:", a fence, the
/// address, a fence), where a fence line would stand between the heading and its list. A
/// fence next to a blank line (or the text's edge) goes, so the paragraphs stay as they
/// were; one between two lines of text becomes a blank line, so they stay apart.
fn unfenced(text: &str) -> Option<String> {
    let is_fence = |line: &str| {
        let t = line.trim();
        let marks = t.len() - t.trim_start_matches(['`', '~']).len();
        let info = &t[marks..];
        marks >= 3 && (t.starts_with("```") || t.starts_with("~~~")) && !info.contains(['`', ' '])
    };
    if !text.lines().any(is_fence) {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let blank = |k: Option<&&str>| k.is_none_or(|l| l.trim().is_empty());
    let mut out = String::with_capacity(text.len());
    for (k, line) in lines.iter().enumerate() {
        if !is_fence(line) {
            out.push_str(line);
        } else if !blank(k.checked_sub(1).and_then(|p| lines.get(p))) && !blank(lines.get(k + 1)) {
            out.push('\n');
        }
    }
    Some(out)
}

/// The text without the backticks of a markdown code span that runs over several lines, when
/// it has one: a bounce pasted into a forum or an issue between single backticks, "`   554-
/// Transaction failed ... (in reply to end of DATA command)`", where the opening backticks
/// stand before the reply code. A code span opens with a run of backticks and closes with
/// the next run of the same length, and stays within its paragraph (CommonMark 0.31, 6.1
/// "Code spans"); runs of three or more at a line's start are fences (`unfenced`). A span on
/// one line is left as it is.
fn uncoded(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // The (start, length) of each run that opens or closes a span over several lines.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut newline = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let len = b[i..].iter().take_while(|&&c| c == b'`').count();
                match open {
                    Some((o, n)) if n == len => {
                        if newline {
                            cut.push((o, n));
                            cut.push((i, len));
                        }
                        open = None;
                    }
                    Some(_) => {}
                    None if len <= 2 => {
                        open = Some((i, len));
                        newline = false;
                    }
                    None => {}
                }
                i += len;
            }
            b'\n' => {
                // A blank line ends the paragraph, and any span left open in it.
                let rest = &b[i + 1..];
                let blank = rest
                    .iter()
                    .take_while(|&&c| c == b' ' || c == b'\t' || c == b'\r')
                    .count();
                if matches!(rest.get(blank), None | Some(b'\n')) {
                    open = None;
                }
                newline = true;
                i += 1;
            }
            _ => i += 1,
        }
    }
    if cut.is_empty() {
        return None;
    }
    without_cuts(text, &cut)
}

/// The length of a markdown list item's marker at the start of `line`, with the spaces after
/// it: a bullet ("-", "+", "*") or an ordered marker (one to nine digits, then "." or ")"),
/// followed by one or more spaces (CommonMark 0.31, 5.2 "List items"), after up to three
/// spaces of indentation. `None` when the line is no list item.
fn list_marker(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let indent = b.iter().take_while(|&&c| c == b' ').count();
    if indent > 3 {
        return None;
    }
    let digits = b[indent..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let mark = match b.get(indent + digits) {
        Some(b'-' | b'+' | b'*') if digits == 0 => 1,
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    let spaces = b[indent + mark..]
        .iter()
        .take_while(|&&c| c == b' ')
        .count();
    (spaces > 0).then_some(indent + mark + spaces)
}

/// The text with each line that is one markdown code span, alone or as a list item's whole
/// content, given as the span's content: an issue or a forum post lists the replies a server
/// gave as "- `554 mx.example.net ... must have a PTR record ...`" (held-out ac 57), where the
/// backticks and the bullet stand before the reply code. The span opens with a run of one or
/// two backticks and closes with the same run at the line's end, with no such run between
/// (CommonMark 0.31, 6.1 "Code spans"; longer runs are fences, `unfenced`). A span inside
/// prose is left as it is. `None` when no line is such a span.
fn unspanned_lines(text: &str) -> Option<String> {
    // Cheap gate: a backtick at the end of a line.
    if !text.contains("`\n") && !text.contains("`\r\n") && !text.trim_end().ends_with('`') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        let item = list_marker(body).map_or(body.trim_start(), |at| &body[at..]);
        let item = item.trim_end();
        let run = item.bytes().take_while(|&c| c == b'`').count();
        let content = (1..=2)
            .contains(&run)
            .then(|| item.get(run..item.len().saturating_sub(run)))
            .flatten()
            .filter(|c| {
                item.len() > 2 * run
                    && item.as_bytes()[item.len() - run..]
                        .iter()
                        .all(|&c| c == b'`')
                    && item.as_bytes().get(item.len() - run - 1) != Some(&b'`')
                    && !c.contains(&"``"[..run])
                    && !c.trim().is_empty()
            });
        match content {
            Some(c) => {
                out.push_str(c.trim());
                out.push_str(end);
                changed = true;
            }
            None => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// `text` without the (start, length) stretches of `cut`, which are in order and do not overlap;
/// `None` if one does not fall on character boundaries.
fn without_cuts(text: &str, cut: &[(usize, usize)]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for &(at, len) in cut {
        out.push_str(text.get(from..at)?);
        from = at + len;
    }
    out.push_str(text.get(from..)?);
    Some(out)
}

/// A line that is only a divider a page or a post draws around what it shows: three or more
/// of one mark (`---`, `===`, `***`, `___`, full-width `＿＿＿`, `ーーー`, box drawing `───`),
/// spaces between them allowed (`- - -`). A code fence (`` ``` ``, `~~~`) is none, nor a MIME
/// boundary or Sendmail's "----- Transcript of session follows -----" (words among the marks).
fn is_divider(line: &str) -> bool {
    const MARKS: [char; 10] = ['-', '=', '*', '_', '＿', 'ー', '─', '━', '－', '＝'];
    let t = line.trim_matches([' ', '\t']);
    let Some(first) = t.chars().next().filter(|c| MARKS.contains(c)) else {
        return false;
    };
    t.chars().all(|c| c == first || c == ' ') && t.chars().filter(|&c| c == first).count() >= 3
}

/// The part of a paste that divider lines (`is_divider`) frame, when it is indented deeper
/// than the lines around it: a page that shows a notice as an example indents it under a line
/// of hyphens and a sentence of its own, and the shared indentation (`dedented`) then is the
/// page's, not the notice's, whose lines stay indented for every reader (held-out af 30, a
/// Postfix notice under a Japanese FAQ's sentence between two lines of hyphens). The part is
/// the one with the most lines that are not blank among those the dividers and the text's
/// ends bound (two or more such lines), and it loses its own shared indentation; the dividers
/// become blank lines (which end a reply before them) and every other line stays as it is, so
/// nothing outside the part is lost should the part be the wrong one.
/// A notice as deep as its dividers is read as it is already.
fn unframed(text: &str) -> Option<String> {
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    // The part being counted and the best so far: (first line, end line, lines not blank,
    // least indentation).
    let mut best: Option<(usize, usize, usize, usize)> = None;
    let mut part = (0usize, 0usize, usize::MAX);
    let mut dividers = 0;
    let mut count = 0;
    let close = |part: (usize, usize, usize), end: usize, best: &mut Option<_>| {
        let (start, filled, least) = part;
        if filled >= 2 && best.is_none_or(|(_, _, f, _)| filled > f) {
            *best = Some((start, end, filled, least));
        }
    };
    for (i, line) in text.lines().enumerate() {
        count = i + 1;
        if is_divider(line) {
            dividers += 1;
            close(part, i, &mut best);
            part = (i + 1, 0, usize::MAX);
        } else if !line.trim().is_empty() {
            part.1 += 1;
            part.2 = part.2.min(indent(line));
        }
    }
    close(part, count, &mut best);
    let (start, end, _, least) = best.filter(|_| dividers > 0)?;
    let around = text
        .lines()
        .enumerate()
        .filter(|&(i, l)| (i < start || i >= end) && !l.trim().is_empty())
        .map(|(_, l)| indent(l))
        .min()?;
    if least <= around {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if (start..end).contains(&i) {
            out.push_str(
                line.get(least..)
                    .unwrap_or(if line.ends_with('\n') { "\n" } else { "" }),
            );
        } else if is_divider(line.trim_end_matches(['\n', '\r'])) {
            // A divider is only drawing: a blank line in its place ends the reply before it.
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// The text with the indentation every line that is not blank shares taken off, when it has
/// two or more such lines and all of them are indented (a page's block quote or `<pre>`).
fn dedented(text: &str) -> Option<String> {
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut least: Option<usize> = None;
    let mut filled = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        filled += 1;
        let n = indent(line);
        least = Some(least.map_or(n, |m| m.min(n)));
    }
    let least = least.filter(|&n| n > 0 && filled >= 2)?;
    Some(map_lines(text, |line| line.get(least..).unwrap_or("")))
}

/// The text with the log prefix of every line taken off, when every line that is not blank
/// (three or more) starts with one: tags in brackets, a date and a time of day, in any order,
/// with a time among them (`[MTA ] 2004/12/22 08:15:15 `, `2024-05-06 07:08:09 [smtp] `,
/// `2024-05-06T07:08:09Z `). A syslog line (`Oct 28 12:19:32 host postfix/smtp[1]: `) has
/// its own readers and starts with a month's name, which is no such prefix.
fn without_log_prefix(text: &str) -> Option<String> {
    let mut filled = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        log_prefix(line)?;
        filled += 1;
    }
    if filled < 3 {
        return None;
    }
    Some(map_lines(text, |line| {
        line.get(log_prefix(line).unwrap_or(0)..).unwrap_or(line)
    }))
}

/// The length of a line's log prefix (see `without_log_prefix`), with the spaces after it, or
/// `None` when the line has none.
fn log_prefix(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut at = 0;
    let mut timed = false;
    // At most four pieces: a tag, a date, a time, another tag.
    for _ in 0..4 {
        let rest = b.get(at..)?;
        let (len, time) = if rest.first() == Some(&b'[') {
            // A tag: up to 40 bytes, closed on the same line.
            let len = rest.iter().take(42).position(|&c| c == b']').map(|p| p + 1);
            (len, false)
        } else {
            let word = rest.iter().take_while(|&&c| c != b' ').count();
            let (date, time) = date_time(rest.get(..word)?);
            ((date || time).then_some(word), time)
        };
        let Some(len) = len else { break };
        let spaces = b
            .get(at + len..)
            .map_or(0, |r| r.iter().take_while(|&&c| c == b' ').count());
        // A piece with nothing after it is the line's own text (`[End of Data]`).
        if spaces == 0 {
            break;
        }
        at += len + spaces;
        timed |= time;
    }
    (timed && at < b.len()).then_some(at)
}

/// Whether a word is a date (`2004/12/22`, `22.12.2004`, `2004-12-22`) and whether it is or
/// holds a time of day (`08:15:15`, `08:15:15.123`, `2004-12-22T08:15:15Z`).
fn date_time(word: &[u8]) -> (bool, bool) {
    let (day, time) = match word.iter().position(|&c| c == b'T') {
        Some(t) => (
            word.get(..t).unwrap_or_default(),
            Some(word.get(t + 1..).unwrap_or_default()),
        ),
        None if word.contains(&b':') => (&[][..], Some(word)),
        None => (word, None),
    };
    let is_date = |w: &[u8]| parts_of_digits(w, b"/-.", 4) == Some(3);
    let is_time = |w: &[u8]| {
        // Hours and minutes, maybe seconds, maybe a fraction and a zone (Z, +09:00).
        let w = w
            .iter()
            .position(|&c| matches!(c, b'Z' | b'+'))
            .map_or(w, |z| w.get(..z).unwrap_or(w));
        let w = w
            .iter()
            .position(|&c| matches!(c, b'.' | b','))
            .map_or(w, |f| w.get(..f).unwrap_or(w));
        matches!(parts_of_digits(w, b":", 2), Some(2 | 3))
    };
    match time {
        Some(t) if day.is_empty() => (false, is_time(t)),
        Some(t) => {
            let both = is_date(day) && is_time(t);
            (both, both)
        }
        None => (is_date(day), false),
    }
}

/// How many parts `w` has when split at any of `seps`, when every part is 1 to `most` ASCII
/// digits; `None` otherwise. (A loop, not a split collected: no iterator instances of its own.)
fn parts_of_digits(w: &[u8], seps: &[u8], most: usize) -> Option<usize> {
    let (mut parts, mut len) = (1, 0);
    for c in w {
        if seps.contains(c) {
            if !(1..=most).contains(&len) {
                return None;
            }
            parts += 1;
            len = 0;
        } else if c.is_ascii_digit() {
            len += 1;
        } else {
            return None;
        }
    }
    (1..=most).contains(&len).then_some(parts)
}

/// Where a section heading of a notice ends when a paste ran the next line onto it: Sendmail's
/// "----- The following addresses had permanent fatal errors ----- <a@example.org>" and
/// "----- Transcript of session follows ----- <a@example.org>... Deferred: ..."
/// (sendmail/savemail.c writes each heading on a line of its own, five dashes, words, five
/// dashes). Gives the offset after the closing dashes when words of the heading and other text
/// after it share the line.
fn heading_end(line: &str) -> Option<usize> {
    const RULE: &str = "-----";
    let open = line.find(RULE)?;
    let words_at = open + RULE.len();
    let words = line.get(words_at..)?.trim_start_matches('-');
    let close = words.find(" -----")?;
    // A heading's words: letters and spaces, at least two words (not a MIME boundary, which is
    // one token, nor an arrow "--->").
    let heading = words.get(..close)?.trim();
    if heading.split(' ').count() < 2
        || !heading
            .bytes()
            .all(|c| c.is_ascii_alphabetic() || c == b' ' || c == b'-')
    {
        return None;
    }
    let end = line.len() - words.len() + close + 1;
    let end = end + line.get(end..)?.len() - line.get(end..)?.trim_start_matches('-').len();
    line.get(end..)
        .filter(|rest| !rest.trim().trim_matches('"').is_empty())
        .map(|_| end)
}

/// The text with each notice heading that a paste ran the next line onto (`heading_end`) put
/// back on a line of its own, or `None` when no line has one.
fn headings_parted(text: &str) -> Option<String> {
    if !text.lines().any(|l| heading_end(l).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        match heading_end(line.trim_end_matches(['\n', '\r'])) {
            Some(end) => {
                out.push_str(line[..end].trim_end());
                out.push('\n');
                out.push_str(line[end..].trim_start());
            }
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// The fields of a delivery report (RFC 3464, 2.2 and 2.3) that split a flattened paste, written
/// as mail systems write them (the names are case-blind by the RFC, but a run of prose with
/// "status:" in it is no report; every MTA of the corpus writes these capitals).
const FLAT_FIELDS: &[&str] = &[
    "Reporting-MTA:",
    "Received-From-MTA:",
    "Arrival-Date:",
    "Action:",
    "Final-Recipient:",
    "Original-Recipient:",
    "Status:",
    "Remote-MTA:",
    "Diagnostic-Code:",
    "Last-Attempt-Date:",
    "Will-Retry-Until:",
    "X-Postfix-Queue-ID:",
];

/// Exim's sentences that start a line of their own in its notices (src/deliver.c; see
/// `mta::exim`): the first line, the line before the address list of a bounce
/// ("The following address(es) failed:") and of a delay warning ("The addresses to which the
/// message has not yet been delivered are:"), the line under an address that names the step,
/// and the delay warning's line after the list.
const FLAT_STARTS: &[&str] = &[
    "This message was created automatically by mail delivery software.",
    "SMTP error from remote mail server after ",
    "No action is required on your part.",
];
const FLAT_ENDS: &[&str] = &[
    "The following address(es) failed:",
    "has not yet been delivered are:",
    "-----Original Message-----",
];

/// The header fields a mail program writes above a message it forwards (Outlook: "From:",
/// "Sent:", "To:", "Subject:") or a notice's own header shown as text: split only before the
/// notice's first line.
const FLAT_HEADERS: &[&str] = &["From:", "Sent:", "Date:", "To:", "Cc:", "Subject:"];

/// A paste whose line breaks were lost (a forum, a web form, a chat): a notice run into one long
/// line, "... The following address(es) failed: a@example.org host mx.example.org [192.0.2.1]
/// SMTP error from remote mail server after initial connection: 554 ... Action: failed
/// Final-Recipient: rfc822;a@example.org Status: 5.0.0". The text is given back with a line
/// break in place of the space before each of the report's known lines (`FLAT_FIELDS`,
/// `FLAT_STARTS`, after `FLAT_ENDS`; an address followed by Exim's "host NAME [IP]", which
/// stands on a line of its own under the address), byte for byte as long as the text given, so
/// spans found in one are spans in the other.
///
/// Only a line of 200 bytes or more that holds two or more of the report's field names or
/// sentences inside it is split: a notice with its own lines has each of them at a line's
/// start, and a one-line reply quoting a field name once is left as it is. JSON (a webhook's
/// event) is never split.
pub(crate) fn unflattened(text: &str) -> Option<String> {
    // A message that starts with header lines kept its line breaks (and most inputs that reach
    // here are such messages: the line search below would cost them 5% of `diagnose`).
    if text.trim_start().starts_with(['{', '[']) || starts_with_header_lines(text.as_bytes()) {
        return None;
    }
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.len() >= 200 {
            let breaks = flat_breaks(line);
            if breaks.len() >= 2 {
                let buf = out.get_or_insert_with(|| text.as_bytes().to_vec());
                for b in breaks {
                    if let Some(c) = buf.get_mut(at + b) {
                        *c = b'\n';
                    }
                }
            }
        }
        at += line.len();
    }
    // Only spaces became line breaks: still UTF-8.
    out.and_then(|b| String::from_utf8(b).ok())
}

/// True when the first two lines of `text` are header lines (a field, then a field or its
/// folded continuation): the start of a message whose line breaks are where they were.
/// `run_text` asks it before it checks the whole input for UTF-8.
pub(crate) fn starts_with_header_lines(text: &[u8]) -> bool {
    let mut lines = text.trim_ascii_start().splitn(3, |&b| b == b'\n');
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    crate::decode::header_name(first).is_some()
        && (second.starts_with(b" ")
            || second.starts_with(b"\t")
            || crate::decode::header_name(second).is_some())
}

/// The offsets of the spaces in `line` that stood for a line break (see `unflattened`), in no
/// particular order.
fn flat_breaks(line: &str) -> Vec<usize> {
    let mut breaks: Vec<usize> = Vec::new();
    let before = |needle: &str, breaks: &mut Vec<usize>| {
        for p in text::find_all(line, needle) {
            if p > 0 && line.as_bytes().get(p - 1) == Some(&b' ') {
                breaks.push(p - 1);
            }
        }
    };
    for f in FLAT_FIELDS.iter().chain(FLAT_STARTS) {
        before(f, &mut breaks);
    }
    let marks = breaks.len();
    for end in FLAT_ENDS {
        for p in text::find_all(line, end) {
            let after = p + end.len();
            if line.as_bytes().get(after) == Some(&b' ') {
                breaks.push(after);
            }
        }
    }
    // Exim's "host NAME [IP]" under an address: the address before it is a line of its own too.
    // (Each look is bounded, so the work stays linear in the line.)
    let window = |from: usize, to: usize| {
        let (mut from, mut to) = (from.min(line.len()), to.min(line.len()));
        while !line.is_char_boundary(from) {
            from += 1;
        }
        while !line.is_char_boundary(to) {
            to -= 1;
        }
        line.get(from..to.max(from)).unwrap_or("")
    };
    for p in text::find_all(line, " host ") {
        let rest = window(p + 6, p + 6 + 400);
        let mut words = rest.splitn(3, ' ');
        let (Some(name), Some(ip)) = (words.next(), words.next()) else {
            continue;
        };
        if !(name.contains('.') && ip.starts_with('[') && ip.trim_end().ends_with(']')) {
            continue;
        }
        let head = window(p.saturating_sub(330), p);
        let word = head.rsplit(' ').next().unwrap_or("");
        if !crate::address::is_email(word) {
            continue;
        }
        breaks.push(p);
        if let Some(w) = p.checked_sub(word.len() + 1) {
            breaks.push(w);
        }
    }
    // The header block of the notice, or of the forward above it, before the notice's first line.
    let notice = text::find(line, FLAT_STARTS[0]).unwrap_or(0);
    for h in FLAT_HEADERS {
        for p in text::find_all(line.get(..notice).unwrap_or(""), h) {
            if p > 0 && line.as_bytes().get(p - 1) == Some(&b' ') {
                breaks.push(p - 1);
            }
        }
    }
    if marks < 2 {
        // Fewer than two of the report's own lines: not a flattened report.
        return Vec::new();
    }
    // In no order and possibly twice: each only turns a space into a line break. (Sorting them
    // would add the standard sort, about 4 KB, to the page's wasm for this one use.)
    breaks
}

/// Each line of `text` mapped, with the line ends kept as they are.
fn map_lines<'a>(text: &'a str, f: impl Fn(&'a str) -> &'a str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        out.push_str(f(body));
        out.push_str(end);
    }
    out
}

/// The text with each markdown link read as what it stands for: a `mailto:` link as its
/// address (`[a@example.org](mailto:a@example.org)`, also when the page masked the shown
/// text), and a link that only repeats its own text (`[mx.example.org](http://mx.example.org/)`)
/// as that text. Other links are left as written: their target may hold what the shown text
/// hides (a lookup link with the address).
pub(crate) fn without_links(text: &str) -> Cow<'_, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(close) = rest.find("](") {
        let (before, after) = rest.split_at(close);
        // The shown text: from the last `[` before `](`, on the same line.
        let open = before.rfind('[').filter(|&o| !before[o..].contains('\n'));
        let target_end = after[2..]
            .find([')', '\n', ' '])
            .filter(|&e| after.as_bytes().get(2 + e) == Some(&b')'));
        let (Some(open), Some(target_end)) = (open, target_end) else {
            out.push_str(&rest[..close + 2]);
            rest = &rest[close + 2..];
            continue;
        };
        let shown = &before[open + 1..];
        let target = &after[2..2 + target_end];
        let read = if let Some(addr) = target.strip_prefix("mailto:") {
            Some(percent_decoded(addr.split('?').next().unwrap_or(addr)))
        } else {
            let bare = without_scheme(target);
            let shown_bare = without_scheme(shown);
            (!shown.is_empty() && bare.eq_ignore_ascii_case(shown_bare))
                .then_some(Cow::Borrowed(shown))
        };
        match read {
            Some(r) => {
                out.push_str(&before[..open]);
                out.push_str(&r);
            }
            None => out.push_str(&rest[..close + 2 + target_end + 1]),
        }
        rest = &rest[close + 2 + target_end + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text with each HTML anchor to a `mailto:` target read as its address, and the
/// character references `&lt;` `&gt;` `&quot;` `&amp;` read as the characters, when a paste
/// holds such an anchor: a page's HTML source copied as text, where Postfix's "<a@example.org>:
/// host ..." became `&lt;<a href="mailto:a@example.org">a@example.org</a>&gt;: host ...`.
/// Without an anchor the text is left as it is (a real HTML part is read by `decode`'s
/// `html_text`; a bounce may quote `&amp;` in a link). One pass, linear in the text.
pub(crate) fn without_html_anchors(text: &str) -> Cow<'_, str> {
    const OPEN: &str = "<a href=\"mailto:";
    if text::find_ci(text, OPEN).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((addr, used)) = mailto_anchor(rest, OPEN) {
            out.push_str(addr);
            rest = &rest[used..];
            continue;
        }
        let reference = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&amp;", '&'),
        ]
        .into_iter()
        .find(|(r, _)| {
            rest.get(..r.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(r))
        });
        match reference {
            Some((r, c)) => {
                out.push(c);
                rest = &rest[r.len()..];
            }
            None => {
                out.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// At the start of `s`, an anchor `<a href="mailto:ADDR" ...>SHOWN</a>` on one line: its
/// address (without a `?` query) and how many bytes the anchor takes.
fn mailto_anchor<'a>(s: &'a str, open: &str) -> Option<(&'a str, usize)> {
    let head = s.get(..open.len())?;
    if !head.eq_ignore_ascii_case(open) {
        return None;
    }
    let after = &s[open.len()..];
    let quote = after.find(['"', '\n', '>'])?;
    if after.as_bytes()[quote] != b'"' {
        return None;
    }
    let target = &after[..quote];
    let addr = target.split('?').next().unwrap_or(target);
    let tag_end = after[quote..].find(['>', '\n'])? + quote;
    if after.as_bytes()[tag_end] != b'>' {
        return None;
    }
    let shown = &after[tag_end + 1..];
    let close = shown.find(['<', '\n'])?;
    let end = shown.get(close..close + 4)?;
    if !end.eq_ignore_ascii_case("</a>") || !addr.contains('@') {
        return None;
    }
    Some((addr, open.len() + tag_end + 1 + close + 4))
}

/// `s` without leading "https://" and then "http://" (each as often as written) and trailing
/// '/'. A loop of `strip_prefix`: `trim_start_matches` with a `&str` would compile a substring
/// searcher of its own into the page.
/// A `mailto:` target's address with its percent escapes of printable ASCII read: RFC 6068
/// (section 2) has a `mailto:` URI percent-encode the characters a URI may not hold as they
/// are, so a link to "rfc822;a@example.org" reads `mailto:rfc822%3Ba@example.org`. Escapes of
/// other bytes, and a `%` not followed by two hex digits, stay as written.
fn percent_decoded(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        let byte = rest
            .get(p + 1..p + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .filter(|b| b.is_ascii_graphic());
        match byte {
            Some(b) => {
                out.push(char::from(b));
                rest = &rest[p + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[p + 1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn without_scheme(s: &str) -> &str {
    let mut s = s;
    for scheme in ["https://", "http://"] {
        while let Some(rest) = s.strip_prefix(scheme) {
            s = rest;
        }
    }
    s.trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_lines_lose_one_level_at_a_time() {
        let text = "See below:\n\n> This is the mail system.\n>\n> <a@example.org>: host\n>     mx.example.org[192.0.2.1] said: 550 5.1.1 no\n";
        assert_eq!(
            unwrapped(text).map(|u| u.text).as_deref(),
            Some("See below:\n\nThis is the mail system.\n\n<a@example.org>: host\n    mx.example.org[192.0.2.1] said: 550 5.1.1 no\n")
        );
        // A reply to a reply: two levels, `>> ` and `> > `.
        assert_eq!(
            unwrapped(">> a\n>> b\n> > c\n").map(|u| u.text).as_deref(),
            Some("a\nb\nc\n")
        );
    }

    #[test]
    fn a_transcript_or_a_stray_quote_is_not_quoting() {
        // Sendmail's transcript: `>>>` is what it sent.
        let transcript = "... while talking to mx.example.org.:\n>>> MAIL From:<a@example.com>\n<<< 250 ok\n>>> RCPT To:<b@example.org>\n>>> DATA\n<<< 550 5.1.1 unknown\n";
        assert_eq!(unquoted(transcript), None);
        // One quoted line among many is a citation, not a quoted paste.
        assert_eq!(unquoted("a\nb\nc\n> d\n> e\nf\n"), None);
        // Fewer quoted lines than half, yet one of them is a server's failure reply: the
        // quoted bounce is read; quoted prose with a number is not.
        let reply = "a\nb\nc\nd\n> x\n> SMTP error from remote server for TEXT command, host: mx.example.org (192.0.2.7) reason: 550 5.7.1 Content-Policy reject\n> y\ne\n";
        assert!(unquoted(reply).is_some_and(|t| t.contains("\nSMTP error from remote")));
        assert_eq!(
            unquoted("a\nb\nc\nd\n> x\n> we sent 550 mails in 5.7 hours\n> y\ne\n"),
            None
        );
        assert_eq!(unquoted("a\n> b\n> c\n> d\n"), Some("a\nb\nc\nd\n".into()));
    }

    #[test]
    fn comment_and_named_quote_marks_on_every_line_go() {
        let both = "//\tMESS>> The following address(es) failed:\n//\tMESS>> \n//\tMESS>>   a@example.org\n";
        let once = unprefixed(both).unwrap();
        assert_eq!(
            once,
            "MESS>> The following address(es) failed:\nMESS>> \nMESS>>   a@example.org\n"
        );
        assert_eq!(
            unprefixed(&once).unwrap(),
            "The following address(es) failed:\n\n  a@example.org\n"
        );
        assert_eq!(
            unprefixed("\t// 550 5.7.1 refused\n").unwrap(),
            "550 5.7.1 refused\n"
        );
        // A shell comment on every line, blank comment lines too (held-out x 23).
        assert_eq!(
            unprefixed("# a note\n#\n#   550 5.7.1 Service unavailable;\n#   client blocked\n")
                .unwrap(),
            "a note\n\n  550 5.7.1 Service unavailable;\n  client blocked\n"
        );
        assert_eq!(unprefixed("# heading\ntext\n"), None);
        // A mark on some lines only, or prose that merely starts with a word, stays.
        assert_eq!(unprefixed("// note\nlet x = 1;\n"), None);
        assert_eq!(unprefixed("Hello there\nHello again\n"), None);
    }

    #[test]
    fn quoted_printable_left_in_a_paste_is_read_decoded() {
        // One soft break that splits a word (Gmail's notice copied from its encoded source).
        let text = "> ** Address not found **\n> Your message wasn't delivered to a@example.com because t=\nhe address couldn't be found.\n> Note\n";
        assert_eq!(
            unwrapped(text).map(|u| u.text).as_deref(),
            Some("** Address not found **\nYour message wasn't delivered to a@example.com because the address couldn't be found.\nNote\n")
        );
        // Several soft breaks, and escapes of UTF-8 and of '='.
        assert_eq!(
            unsoftbroken("a =\nb =\nc =3D =E3=81=82\n").as_deref(),
            Some("a b c = \u{3042}\n")
        );
        // Escapes that are no UTF-8: only the ASCII ones are read.
        assert_eq!(
            unsoftbroken("x =\ny =\n=3D=82\n").as_deref(),
            Some("x y ==82\n")
        );
        // Base64 padding, one '=' after a space or before a blank line, a key with its value
        // on the next line, a long line: no quoted-printable.
        for not in [
            "QUJD==\nREVG==\n",
            "a = b\nsee =\nabove\n",
            "done=\n\nnext\n",
            "https://example.com/case?c=\n42\n",
            &format!("{}=\nabc\n", "x".repeat(80)),
        ] {
            assert_eq!(unsoftbroken(not), None, "{not}");
        }
    }

    #[test]
    fn fields_in_bold_lose_their_asterisks() {
        let t = "See below\n*Final-Recipient*: rfc822; a@example.org\n**Status**: 5.7.1\n*not a field* here: no\n";
        assert_eq!(
            unstarred(t).as_deref(),
            Some("See below\nFinal-Recipient: rfc822; a@example.org\nStatus: 5.7.1\n*not a field* here: no\n")
        );
        assert_eq!(unstarred("*bold* words: none\nStatus: 5.7.1\n"), None);
        // A list's message that forwards such a notice reads as that notice.
        let mail = "From: A <a@example.org>\nTo: list@example.net\nSubject: Re: Fw: x\n\n\
                    Forwarded:\n\n*Reporting-MTA*: dns; mx.example.net\n\n\
                    *Final-Recipient*: rfc822; list@example.net\n*Action*: failed\n\
                    *Status*: 5.7.1\n*Diagnostic-Code*: smtp; 550 5.7.1 Content-Policy reject msg: The message contains HTML subpart\n";
        let d = crate::diagnose(mail.as_bytes());
        assert_eq!(d.enhanced_code.as_deref(), Some("5.7.1"));
        assert_eq!(d.recipients.len(), 1);
    }

    #[test]
    fn forum_markup_goes() {
        let text = "[COLOR=#333333][FONT=Lucida Grande]This is the mail system at host mx.example.com.\n\n<[EMAIL=\"a@example.org\"]a@example.org[/EMAIL]>: connect to\n    mx.example.org[192.0.2.1]:25: Network is unreachable\n[/FONT][/COLOR]\n[quote=someone][CODE]Status: 4.4.1[/CODE][/quote]\n";
        assert_eq!(
            unwrapped(text).map(|u| u.text).as_deref(),
            Some("This is the mail system at host mx.example.com.\n\n<a@example.org>: connect to\n    mx.example.org[192.0.2.1]:25: Network is unreachable\n\nStatus: 4.4.1\n")
        );
        // No closing tag: a host in brackets, a log tag, a lone "[b]" are text.
        for not in [
            "mx.example.org[192.0.2.1] said: 550 [b] no\n",
            "[CS] Message blocked\n[url] x\n",
        ] {
            assert_eq!(unbbcoded(not), None, "{not}");
        }
    }

    #[test]
    fn a_heading_run_into_the_next_line_is_parted() {
        let text = "\"----- The following addresses had permanent fatal errors ----- <a@example.org>\n\n   ----- Transcript of session follows ----- <a@example.org>... Deferred: Connection timed out with mx.example.org.\nMessage could not be delivered for 5 days\"";
        assert_eq!(
            unwrapped(text).map(|u| u.text).as_deref(),
            Some("\"----- The following addresses had permanent fatal errors -----\n<a@example.org>\n\n   ----- Transcript of session follows -----\n<a@example.org>... Deferred: Connection timed out with mx.example.org.\nMessage could not be delivered for 5 days\"")
        );
        // Headings on lines of their own, a boundary and an arrow stay as they are.
        for same in [
            "   ----- Transcript of session follows -----\n<a@example.org>... Deferred\n",
            "------=_Part_1 text\n",
            "mx.example.net:25 ---> 554 5.7.1 no\n",
        ] {
            assert_eq!(headings_parted(same), None, "{same}");
        }
    }

    #[test]
    fn a_framed_part_deeper_than_its_frame_is_read_alone() {
        let text = "See the lines below:\n  ------\n     This is the Postfix program at host mx.example.net.\n\n     <a@example.org>: User unknown\n  ------\n";
        assert_eq!(
            unframed(text).as_deref(),
            Some("See the lines below:\n\nThis is the Postfix program at host mx.example.net.\n\n<a@example.org>: User unknown\n\n")
        );
        // One divider, after the part; other marks.
        for divider in ["=====", "* * *", "＿＿＿＿", "ーーーー", "───"] {
            let text = format!(
                " This is the Postfix program.\n <a@example.org>: User unknown\n{divider}\n"
            );
            assert!(unframed(&text).is_some(), "{divider}");
        }
        // A part as deep as its frame, no divider, a code fence or a heading with words: as it is.
        assert_eq!(
            unframed("----\nThis is the Postfix program.\n<a@example.org>: x\n"),
            None
        );
        assert_eq!(
            unframed("Here:\n  This is the Postfix program.\n  <a@example.org>: x\n"),
            None
        );
        assert_eq!(
            unframed("```\n  This is the Postfix program.\n  <a@example.org>: x\n"),
            None
        );
        assert_eq!(
            unframed("----- Transcript of session follows -----\n  a\n  b\n"),
            None
        );
        assert!(!is_divider("--"));
        assert!(!is_divider("------=_Part_1"));
    }

    #[test]
    fn shared_indentation_goes() {
        // (Decoding has made each tab one space.)
        let text = "      This is the Postfix program at host mx.example.net.\n\n      <a@example.org>: User unknown\n       \"a@example.org\"\n";
        assert_eq!(
            dedented(text).as_deref(),
            Some("This is the Postfix program at host mx.example.net.\n\n<a@example.org>: User unknown\n \"a@example.org\"\n")
        );
        assert_eq!(dedented("  one line\n"), None);
        assert_eq!(dedented("a\n  b\n"), None);
    }

    #[test]
    fn log_prefixes_go() {
        let text = "[MTA ] 2024/01/02 03:04:05 RCPT TO: <a@example.org>\n[MTA ] 2024/01/02 03:04:05 250 ok\n[MTA ] 2024/01/02 03:04:06 550 Unknown user a@example.org\n";
        assert_eq!(
            without_log_prefix(text).as_deref(),
            Some("RCPT TO: <a@example.org>\n250 ok\n550 Unknown user a@example.org\n")
        );
        // Each line was a record of its own, which `unwrapped` says; quoting says no such thing.
        assert_eq!(unwrapped(text).map(|u| u.records), Some(true));
        assert_eq!(unwrapped("> a\n> b\n> c\n").map(|u| u.records), Some(false));
        let iso = "2024-01-02T03:04:05Z [smtp] RCPT TO:<a@example.org>\n2024-01-02T03:04:05.120+09:00 [smtp] 550 5.1.1 no\n2024-01-02 03:04:06 quit\n";
        assert_eq!(
            without_log_prefix(iso).as_deref(),
            Some("RCPT TO:<a@example.org>\n550 5.1.1 no\nquit\n")
        );
        // Syslog lines, and a log with a line that has no time, are left as they are.
        let syslog = "Oct 28 12:19:32 mail postfix/smtp[1]: x\nOct 28 12:19:32 mail postfix/smtp[1]: y\nOct 28 12:19:33 mail postfix/smtp[1]: z\n";
        assert_eq!(without_log_prefix(syslog), None);
        assert_eq!(
            without_log_prefix("[a] 10:00:00 x\n[a] 10:00:01 y\n[a] z\n"),
            None
        );
        // A reply code is no time, nor a version a date.
        assert_eq!(log_prefix("550 5.1.1 user unknown"), None);
        assert_eq!(log_prefix("1.2.3 released"), None);
    }

    #[test]
    fn dates_times_and_schemes_by_hand() {
        // `date_time`'s parts, counted in one loop.
        assert_eq!(parts_of_digits(b"2004/12/22", b"/-.", 4), Some(3));
        assert_eq!(parts_of_digits(b"22.12.2004", b"/-.", 4), Some(3));
        assert_eq!(parts_of_digits(b"08:15", b":", 2), Some(2));
        for bad in [
            &b""[..],
            b"2004//22",
            b"20045/1/2",
            b"2004/12/",
            b"/12/22",
            b"2004/1a/22",
        ] {
            assert_eq!(parts_of_digits(bad, b"/-.", 4), None, "{bad:?}");
        }
        assert_eq!(date_time(b"2024-01-02T03:04:05Z"), (true, true));
        assert_eq!(date_time(b"03:04:05.120+09:00"), (false, true));
        assert_eq!(date_time(b"1.2.3"), (true, false));
        assert_eq!(date_time(b"550"), (false, false));
        // Every leading "https://", then every "http://", and the trailing slashes.
        assert_eq!(
            without_scheme("https://https://http://mx.example.org//"),
            "mx.example.org"
        );
        assert_eq!(
            without_scheme("http://https://mx.example.org"),
            "https://mx.example.org"
        );
        assert_eq!(without_scheme("mx.example.org"), "mx.example.org");
    }

    #[test]
    fn code_fences_are_blanked() {
        let text = "Delivery to the following recipient failed permanently:\n\n```\nu@example.com\n```\n\n~~~text\nx\n~~~~\n";
        assert_eq!(
            unfenced(text).as_deref(),
            Some("Delivery to the following recipient failed permanently:\n\nu@example.com\n\nx\n")
        );
        // Inline code and shorter runs are no fences.
        assert_eq!(unfenced("a ```b``` c\n``\n"), None);
    }

    #[test]
    fn a_flattened_report_gets_its_lines_back() {
        let flat = "A message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed: a@example.org host mx.example.org [192.0.2.1] SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.1.1 unknown Action: failed Final-Recipient: rfc822;a@example.org Status: 5.1.1\n";
        let lines = unflattened(flat).expect("flattened");
        assert_eq!(lines.len(), flat.len());
        assert_eq!(
            lines,
            "A message that you sent could not be delivered to one or more of its recipients. This is a permanent error. The following address(es) failed:\na@example.org\nhost mx.example.org [192.0.2.1]\nSMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.1.1 unknown\nAction: failed\nFinal-Recipient: rfc822;a@example.org\nStatus: 5.1.1\n"
        );
        // A forward's header above a notice: its fields, up to the notice's first line.
        let fwd = "-----Original Message----- From: Mail Delivery System [mailto:m@example.net] Sent: Monday To: ann@example.com Subject: Mail delivery failed This message was created automatically by mail delivery software. To: here stays. Action: failed Final-Recipient: rfc822;b@example.org Status: 5.0.0";
        assert_eq!(
            unflattened(fwd).as_deref(),
            Some("-----Original Message-----\nFrom: Mail Delivery System [mailto:m@example.net]\nSent: Monday\nTo: ann@example.com\nSubject: Mail delivery failed\nThis message was created automatically by mail delivery software. To: here stays.\nAction: failed\nFinal-Recipient: rfc822;b@example.org\nStatus: 5.0.0")
        );
    }

    #[test]
    fn a_report_with_its_lines_or_one_field_in_a_reply_stays() {
        // Fields at the start of their lines: nothing to split.
        let report = "Reporting-MTA: dns; mx.example.net\n\nAction: failed\nFinal-Recipient: rfc822;a@example.org\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser\n";
        assert_eq!(unflattened(report), None);
        // A long reply naming one field; a short flattened line; a webhook's JSON.
        let one = format!("550 5.7.1 rejected, see Status: {} end", "x ".repeat(120));
        assert_eq!(unflattened(&one), None);
        assert_eq!(
            unflattened("Action: failed Final-Recipient: rfc822;a@example.org Status: 5.1.1"),
            None
        );
        let json = format!("{{\"event\":\"bounce\",\"note\":\"Action: failed Final-Recipient: rfc822;a@example.org Status: 5.1.1 {}\"}}", "y".repeat(200));
        assert_eq!(unflattened(&json), None);
        // A message that starts with its header lines is left as it came, a long line in its
        // body too (the same line alone would be split).
        let long = format!(
            "Action: failed Final-Recipient: rfc822;a@example.org Status: 5.1.1 {}\n",
            "z ".repeat(100)
        );
        assert!(unflattened(&long).is_some());
        for head in [
            "From: a@example.org\nTo: b@example.org\n\n",
            "Received: from x\n\tby y\n\n",
        ] {
            assert_eq!(unflattened(&format!("{head}{long}")), None, "{head}");
        }
    }

    #[test]
    fn a_code_span_over_several_lines_loses_its_backticks() {
        let text = "The error:\n`   554-Transaction failed 554 For\n    explanation visit\n    https://postmaster.example.net/case?c=r0735\n    (in reply to end of DATA command)`\n";
        assert_eq!(
            uncoded(text).as_deref(),
            Some("The error:\n   554-Transaction failed 554 For\n    explanation visit\n    https://postmaster.example.net/case?c=r0735\n    (in reply to end of DATA command)\n")
        );
        // Code on one line, a span that a blank line broke, and a fence stay.
        assert_eq!(uncoded("see `550 5.1.1` and ``x``\nnext\n"), None);
        assert_eq!(uncoded("a `b\n\nc` d\n"), None);
        assert_eq!(uncoded("```\n550 5.1.1 no\n```\n"), None);
    }

    #[test]
    fn a_line_that_is_one_code_span_reads_as_its_content() {
        // As a bullet, a numbered item, or alone; a line's end kept as it was.
        assert_eq!(
            unspanned_lines("Replies:\n- `554 mx.example.net refused`\n2. ``550 no `such` user``\r\n`451 later`\n")
                .as_deref(),
            Some("Replies:\n554 mx.example.net refused\n550 no `such` user\r\n451 later\n")
        );
        // A span inside prose, a bullet without a span, a fence, an empty span, a span closed
        // by a longer run, and four spaces of indentation before a bullet stay.
        for text in [
            "see `550 5.1.1` there\n",
            "- 554 refused\n",
            "```\n550 5.1.1 no\n```\n",
            "- ``\n",
            "`550 no``\n",
            "- `a` and `b`\n",
        ] {
            assert_eq!(unspanned_lines(text), None, "{text}");
        }
        assert_eq!(list_marker("    - `x`"), None);
        assert_eq!(list_marker("10. x"), Some(4));
        assert_eq!(list_marker("1234567890. x"), None);
        assert_eq!(list_marker("-x"), None);
    }

    #[test]
    fn html_anchors_to_mailto_read_as_their_address() {
        let pasted = "&lt;<a href=\"mailto:a@example.org\">a@example.org</a>&gt;: host\n    mx.example.org[192.0.2.1] said: 550 5.1.1 &lt;<A HREF=\"mailto:a@example.org?subject=x\">a@example.org</A>&gt;: User unknown";
        assert_eq!(
            without_html_anchors(pasted),
            "<a@example.org>: host\n    mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: User unknown"
        );
        // Without such an anchor nothing changes, references included.
        let plain = "see https://example.org/?a=1&amp;b=2 &lt;x&gt;";
        assert!(matches!(without_html_anchors(plain), Cow::Borrowed(_)));
        // An anchor cut off or to another target stays as written.
        let odd =
            "&lt;<a href=\"mailto:a@example.org\">a@example.org &gt; <a href=\"https://x\">y</a>";
        assert_eq!(
            without_html_anchors(odd),
            "<<a href=\"mailto:a@example.org\">a@example.org > <a href=\"https://x\">y</a>"
        );
    }

    #[test]
    fn markdown_links_read_as_what_they_stand_for() {
        assert_eq!(
            without_links("Final-Recipient: rfc822;[a@example.org](mailto:a@example.org)"),
            "Final-Recipient: rfc822;a@example.org"
        );
        // The page masked the shown text; the link holds the address.
        assert_eq!(
            without_links("<[xxx.example](mailto:b@example.org)>: host"),
            "<b@example.org>: host"
        );
        assert_eq!(
            without_links("host [mx.example.org](http://mx.example.org/)[192.0.2.1]"),
            "host mx.example.org[192.0.2.1]"
        );
        // A link to an address written with its escapes (RFC 6068: ";" is "%3B") is the
        // address, not the escaped form.
        assert_eq!(
            without_links(
                "Original-Recipient: [rfc822;a@example.org](mailto:rfc822%3Ba@example.org)"
            ),
            "Original-Recipient: rfc822;a@example.org"
        );
        assert_eq!(
            without_links("[x](mailto:a%40example.org) [y](mailto:b%zz%e3%81@example.org)"),
            "a@example.org b%zz%e3%81@example.org"
        );
        // A link whose target says more than its text is kept whole.
        let lookup = "[http://rbl.example/check?ip=x.x.x.x](http://rbl.example/check?ip=192.0.2.7) (in reply";
        assert_eq!(without_links(lookup), lookup);
        // Brackets that are no link stay.
        assert_eq!(
            without_links("[192.0.2.1](x y) and ]( alone"),
            "[192.0.2.1](x y) and ]( alone"
        );
    }
}
