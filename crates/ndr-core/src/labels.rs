//! Header labels of mail programs in Japanese, read as the header names they stand for.
//!
//! A person who copies a mail out of Outlook, iPhone Mail, Thunderbird or Gmail in Japanese
//! pastes "差出人: ..." / "件名: ..." where an English program shows "From:" / "Subject:".
//! Those lines are the same header block, so the readers must see them as one: a Japanese
//! out-of-office reply is known by its subject, and the sender of a bounce is its 宛先 (To).
//! This pass only renames the labels of the first header block; the caller keeps the
//! original bytes for evidence spans.

/// The labels, each with the header name it stands for. Longer labels first, so that
/// 送信日時 is not read as a shorter one.
///
/// Outlook (Windows, Mac and the web) in Japanese: 差出人, 送信日時, 宛先, CC, 件名.
/// iPhone Mail and Thunderbird in Japanese: 差出人, 件名, 日付, 宛先.
/// Gmail in Japanese (a printed or forwarded mail): 送信者 / 差出人, 日付 / 日時, 件名, 宛先.
/// Outlook's Japanese help names the fields 差出人 and 件名 ("指定した差出人または件名の
/// メール メッセージ"):
/// https://support.office.com/ja-jp/article/%E9%9B%BB%E5%AD%90%E3%83%A1%E3%83%BC%E3%83%AB%E3%82%92%E8%87%AA%E5%8B%95%E3%81%A7%E8%BB%A2%E9%80%81%E3%81%8A%E3%82%88%E3%81%B3%E3%83%AA%E3%83%80%E3%82%A4%E3%83%AC%E3%82%AF%E3%83%88%E3%81%99%E3%82%8B-9f124e4a-749e-4288-a266-2d009686b403
/// The other labels are as the programs show them on screen (checked against pasted mails,
/// not a published list).
const LABELS: &[(&str, &str)] = &[
    ("送信日時", "Date"),
    ("受信日時", "Date"),
    ("差出人", "From"),
    ("送信者", "From"),
    ("送信元", "From"),
    ("返信先", "Reply-To"),
    ("宛先", "To"),
    ("件名", "Subject"),
    ("日時", "Date"),
    ("日付", "Date"),
];

/// How far into the input the header block is looked for: a short note of the person's
/// own may stand above it, but the block is always near the top.
const LOOK: usize = 4096;

/// At most this many paragraphs (a note, then the block) are looked at.
const PARAGRAPHS: usize = 3;

/// The input with the Japanese labels of its first header block renamed ("件名:" to
/// "Subject:"), or `None` when there is no such block. A block is a paragraph of two or
/// more lines near the top, every line a header field (a Japanese label or an ASCII name)
/// or a folded continuation, at least one of them a Japanese label.
pub(crate) fn english(input: &[u8]) -> Option<Vec<u8>> {
    let head = &input[..input.len().min(LOOK)];
    // A block needs a line that starts with a label's first byte. Most inputs have none, and
    // this one pass is cheaper than the loop below.
    let starts_a_label = |b: &u8| {
        LABELS
            .iter()
            .any(|(ja, _)| ja.as_bytes().first() == Some(b))
    };
    let at_line_start = |i: usize| i == 0 || head[i - 1] == b'\n';
    let starts_here = |i: usize, b: &u8| *b >= 0xE0 && at_line_start(i) && starts_a_label(b);
    // Sixteen bytes at a time without a branch (vector instructions): a block without a lead
    // byte of a three-byte character, as in all ASCII text, is passed over at once.
    let mut found = false;
    for (n, block) in head.chunks(16).enumerate() {
        if crate::text::WIDE && !block.iter().fold(false, |any, &b| any | (b >= 0xE0)) {
            continue;
        }
        if block
            .iter()
            .enumerate()
            .any(|(k, b)| starts_here(n * 16 + k, b))
        {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let mut offset = 0;
    let mut paragraphs = 0;
    let mut start: Option<usize> = None;
    let mut fields = 0;
    let mut japanese = 0;
    let mut other = false;
    for line in head.split_inclusive(|&b| b == b'\n') {
        let blank = line.iter().all(u8::is_ascii_whitespace);
        if blank {
            if let Some(s) = start {
                if !other && fields >= 2 && japanese >= 1 && line.ends_with(b"\n") {
                    return Some(rename(input, s, offset));
                }
                start = None;
                paragraphs += 1;
                if paragraphs >= PARAGRAPHS {
                    return None;
                }
            }
        } else {
            if start.is_none() {
                start = Some(offset);
                fields = 0;
                japanese = 0;
                other = false;
            }
            if line.starts_with(b" ") || line.starts_with(b"\t") {
                other |= fields == 0;
            } else if label(line).is_some() {
                fields += 1;
                japanese += 1;
            } else if ascii_field(line) {
                fields += 1;
            } else {
                other = true;
            }
        }
        offset += line.len();
    }
    None
}

/// The Japanese label a line starts with: its header name and the length of the label with
/// its colon (ASCII or full-width) and the spaces before the colon.
pub(crate) fn label(line: &[u8]) -> Option<(&'static str, usize)> {
    LABELS.iter().find_map(|(ja, en)| {
        let rest = line.strip_prefix(ja.as_bytes())?;
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        let rest = &rest[spaces..];
        let colon = if rest.starts_with(b":") {
            1
        } else if rest.starts_with("：".as_bytes()) {
            "：".len()
        } else {
            return None;
        };
        Some((*en, ja.len() + spaces + colon))
    })
}

/// True for an ASCII header field line (`Name: value`).
fn ascii_field(line: &[u8]) -> bool {
    line.iter().position(|&b| b == b':').is_some_and(|colon| {
        colon > 0 && colon <= 76 && line[..colon].iter().all(u8::is_ascii_graphic)
    })
}

/// `input` with the labels of the lines in `[start, end)` renamed.
fn rename(input: &[u8], start: usize, end: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + 64);
    out.extend_from_slice(&input[..start]);
    for line in input[start..end].split_inclusive(|&b| b == b'\n') {
        match label(line) {
            Some((en, len)) => {
                out.extend_from_slice(en.as_bytes());
                out.extend_from_slice(b": ");
                let rest = &line[len..];
                let lead = rest.iter().take_while(|&&b| b == b' ').count();
                out.extend_from_slice(&rest[lead..]);
            }
            None => out.extend_from_slice(line),
        }
    }
    out.extend_from_slice(&input[end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::english;

    #[test]
    fn japanese_labels_become_header_names() {
        let got = english(
            "差出人: a <a@example.jp>\n件名： 自動応答: x\n日時: 2026年\n\n本文\n".as_bytes(),
        );
        assert_eq!(
            got.as_deref(),
            Some("From: a <a@example.jp>\nSubject: 自動応答: x\nDate: 2026年\n\n本文\n".as_bytes())
        );
    }

    #[test]
    fn a_note_above_the_block_stays() {
        let got = english("見てください\n\n宛先: b@example.jp\nSubject: y\n\nbody".as_bytes());
        assert_eq!(
            got.as_deref(),
            Some("見てください\n\nTo: b@example.jp\nSubject: y\n\nbody".as_bytes())
        );
        // A label past the first sixteen bytes, below ASCII only.
        let got = english(
            "Here is the bounce I got:\n\n宛先: b@example.jp\nSubject: y\n\nbody".as_bytes(),
        );
        assert_eq!(
            got.as_deref(),
            Some("Here is the bounce I got:\n\nTo: b@example.jp\nSubject: y\n\nbody".as_bytes())
        );
    }

    #[test]
    fn no_block_no_change() {
        for input in [
            "件名: x\n\nbody",                      // one field only
            "From: a@example.jp\nTo: b\n\nbody",    // nothing to rename
            "件名: x\n本文の一行\n\nbody",          // not every line is a field
            "件名: x\n宛先: y",                     // no body after the block
            "a\n\nb\n\nc\n\n件名: x\n宛先: y\n\nz", // too far down
        ] {
            assert_eq!(english(input.as_bytes()), None, "{input}");
        }
    }
}
