//! Splitting an mbox file into its messages.

/// Splits `data` at mbox "From " separator lines (a line starting with `From ` at the start of
/// the data or after an empty line). Each message keeps its own "From " line. Data without
/// separators, a single message, is returned whole; empty input gives no messages.
///
/// The "From " line must look like an mbox separator (`From sender date`), so that a body
/// line "From here on..." after an empty line does not split a message in two.
pub fn split(data: &[u8]) -> Vec<&[u8]> {
    if data.iter().all(|b| b.is_ascii_whitespace()) {
        return Vec::new();
    }
    // Only a line that starts with "From " can start a message, so the scan jumps from one
    // "From " to the next (a vector search) instead of walking every line: most inputs are a
    // single message with no such line at all, and no per-line work is done for them.
    let mut starts: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(at) = data
        .get(from..)
        .and_then(|rest| crate::text::find_bytes(rest, b"From "))
    {
        let pos = from + at;
        from = pos + 1;
        if pos > 0 && data.get(pos - 1) != Some(&b'\n') {
            continue;
        }
        let end = data
            .get(pos..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(data.len(), |p| pos + p + 1);
        let Some(line) = data.get(pos..end) else {
            break;
        };
        if (after_blank(data, pos) && is_separator(line))
            || (!after_blank(data, pos) && is_postmark(line))
        {
            starts.push(pos);
        }
    }
    if starts.len() <= 1 {
        return vec![data];
    }
    let mut out = Vec::with_capacity(starts.len());
    // Anything before the first separator (usually nothing) stays with the first message.
    let mut bounds: Vec<usize> = starts.clone();
    bounds[0] = 0;
    bounds.push(data.len());
    for w in bounds.windows(2) {
        out.push(&data[w[0]..w[1]]);
    }
    out
}

/// Whether the line before the one starting at `pos` (a line start) is empty, or there is
/// none: its text before `\n`, less one `\r`, has no bytes.
fn after_blank(data: &[u8], pos: usize) -> bool {
    let Some(before) = pos.checked_sub(1).and_then(|nl| data.get(..nl)) else {
        return true;
    };
    let before = before.strip_suffix(b"\r").unwrap_or(before);
    before.is_empty() || before.ends_with(b"\n")
}

/// A separator with the full date of an mbox postmark, `From sender Thu Jul  2 12:05:05 2020`
/// (weekday, month, day, time, year, as C's `asctime` writes them). Such a line starts a
/// message even right after the last line of the one before: files that join bounces with no
/// empty line between them exist (a MIME closing boundary, then the next "From " line), and no
/// body line of a message has this shape.
fn is_postmark(line: &[u8]) -> bool {
    const DAYS: &[&str] = &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return false;
    };
    let w: Vec<&str> = rest.split_whitespace().collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let time = |s: &str| {
        let parts: Vec<&str> = s.split(':').collect();
        parts.len() == 3 && parts.iter().all(|p| digits(p, 2..=2))
    };
    match w.as_slice() {
        [_sender, day, month, date, hms, year, ..] => {
            DAYS.contains(day)
                && MONTHS.contains(month)
                && digits(date, 1..=2)
                && time(hms)
                && digits(year, 4..=4)
        }
        _ => false,
    }
}

/// "From MAILER-DAEMON Fri Feb  2 18:30:22 2018": `From `, a sender word, then more words.
fn is_separator(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let rest = String::from_utf8_lossy(rest);
    let mut words = rest.split_whitespace();
    let sender = words.next().unwrap_or("");
    let others = words.count();
    !sender.is_empty() && others >= 2 && rest.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line-by-line walk `split` used before it jumped between "From " lines.
    fn split_by_lines(data: &[u8]) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut pos = 0;
        let mut prev_blank = true;
        while pos < data.len() {
            let end = data[pos..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(data.len(), |p| pos + p + 1);
            let line = &data[pos..end];
            if (prev_blank && is_separator(line)) || (!prev_blank && is_postmark(line)) {
                starts.push(pos);
            }
            let content = line.strip_suffix(b"\n").unwrap_or(line);
            let content = content.strip_suffix(b"\r").unwrap_or(content);
            prev_blank = content.is_empty();
            pos = end;
        }
        starts
    }

    #[test]
    fn same_starts_as_the_line_walk() {
        let sep = "From MAILER-DAEMON Fri Feb  2 18:30:22 2018";
        let pieces = [
            sep,
            "\n",
            "\r\n",
            "\r",
            "\r\r\n",
            "x",
            "From here on, 1 2",
            "From ",
            "From",
            "From a b 3",
            "From x@y Thu Jul  2 12:05:05 2020",
            "\u{e9}",
        ];
        // Every sequence of up to four pieces: line ends of each kind around "From " lines.
        let n = pieces.len();
        for code in 0..n * n * n * n {
            let mut data = String::new();
            let mut c = code;
            for _ in 0..4 {
                data.push_str(pieces[c % n]);
                c /= n;
            }
            let bytes = data.as_bytes();
            let want = split_by_lines(bytes);
            let got = split(bytes);
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                assert!(got.is_empty());
            } else if want.len() <= 1 {
                assert_eq!(got, vec![bytes], "{data:?}");
            } else {
                let mut starts: Vec<usize> = got
                    .iter()
                    .map(|m| m.as_ptr() as usize - bytes.as_ptr() as usize)
                    .collect();
                starts[0] = want[0];
                assert_eq!(starts, want, "{data:?}");
            }
        }
    }

    #[test]
    fn splits_at_separators_only() {
        let one = b"From: a@example.jp\nSubject: x\n\nbody\n";
        assert_eq!(split(one).len(), 1);
        let two =
            b"From MAILER-DAEMON Fri Feb  2 18:30:22 2018\nSubject: 1\n\nFrom here on, text\n\n\
From MAILER-DAEMON Fri Feb  2 18:30:23 2018\nSubject: 2\n\nb\n";
        let parts = split(two);
        assert_eq!(parts.len(), 2);
        assert!(parts[0].ends_with(b"text\n\n"));
        assert!(parts[1].starts_with(b"From MAILER-DAEMON Fri Feb  2 18:30:23 2018\n"));
        // A full postmark starts a message even with no empty line before it; a body line
        // that only begins like one does not.
        let joined = b"From MAILER-DAEMON  Thu Jul  2 12:05:05 2020\nSubject: 1\n\n--b--\n\
From double-bounce@example.jp  Thu Jul  2 12:05:06 2020\nSubject: 2\n\nFrom me, best wishes\n\
From Tokyo Thu Jul 2 around noon\n";
        let parts = split(joined);
        assert_eq!(parts.len(), 2);
        assert!(parts[0].ends_with(b"--b--\n"));
        assert!(parts[1].ends_with(b"around noon\n"));
        assert!(split(b"").is_empty());
        assert!(split(b"\n\n").is_empty());
    }
}
