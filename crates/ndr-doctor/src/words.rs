//! Plain words for the readable report: the reason's label (shared with the page's facts card:
//! `ndr_playbooks::labels::reason_of`) and what to say when the input is not a bounce (as the
//! page's not-a-bounce card in `ndr-web`, a wasm crate this binary does not link, says it,
//! adapted to a terminal).

use ndr_core::Diagnosis;
#[cfg(test)]
use ndr_core::Reason;
use ndr_playbooks::Lang;

/// A short plain name for a reason (the report's first line says `reason_line`).
#[cfg(test)]
fn reason_label(reason: Reason, lang: Lang) -> &'static str {
    let (ja, en) = ndr_playbooks::labels::reason(reason);
    pick(lang, ja, en)
}

/// The first line of the report: the reason in words, its token in parentheses for support
/// engineers. The words are `ndr_playbooks::labels::reason_of`'s, which say what the reason's
/// class would contradict: a report whose recipients are all only delayed says so first (its
/// token, `expired` for greylisting, would read as a final failure), a program's own temporary
/// error is not retried by any server, and the receiver's failed blocklist query blocked nobody.
pub(crate) fn reason_line(d: &Diagnosis, lang: Lang) -> String {
    let (ja, en) = ndr_playbooks::labels::reason_of(d);
    format!("{} ({})", pick(lang, ja, en), d.reason.name())
}

/// What to say instead of advice when the input is not a bounce: what it is, what to give
/// instead, and where mail programs show a message's source.
pub(crate) fn not_a_bounce_text(lang: Lang) -> [&'static str; 6] {
    [
        pick(
            lang,
            "この内容を、エラーメール（メールが届かなかったことを知らせるメール）として読み取れませんでした。",
            "This could not be read as a bounce (the message that tells you your mail was not delivered).",
        ),
        pick(
            lang,
            "送ったメールが届かなかったときに戻ってくるメールを開いてください。件名はたいてい「配信不能」「Undeliverable」「Mail Delivery Failure」「Undelivered Mail Returned to Sender」などです。その一部だけでなく全体を（できれば下の方法でソースを）ファイルに保存して、改めて ndr-doctor に渡してください。",
            "Open the message that came back when your mail was not delivered. Its subject is usually \"Undeliverable\", \"Delivery Status Notification (Failure)\", \"Mail Delivery Failure\" or \"Undelivered Mail Returned to Sender\". Save all of it, not just a part (its source if you can, as below), to a file and give that file to ndr-doctor.",
        ),
        pick(
            lang,
            "Outlook: エラーメールを開き、「…」→「表示」→「メッセージのソースを表示」（デスクトップ版は「ファイル」→「プロパティ」のインターネット ヘッダー）。",
            "Outlook: open the bounce, then \"...\" > \"View\" > \"View message source\" (desktop: File > Properties, Internet headers).",
        ),
        pick(
            lang,
            "Gmail: エラーメールを開き、右上の「︙」→「メッセージのソースを表示」→「ダウンロード」。",
            "Gmail: open the bounce, then the menu at the top right > \"Show original\" > \"Download original\".",
        ),
        pick(
            lang,
            "Thunderbird: エラーメールを選び、「ファイル」→「名前を付けて保存」（.eml）。",
            "Thunderbird: select the bounce, then File > Save As (.eml).",
        ),
        pick(
            lang,
            "iPhone のメール: ソースは表示できないので、画面の文章を長押しで全選択してコピーし、ファイルに保存してください。それでも診断できます。",
            "iPhone Mail: it cannot show the source, so press and hold the text, select all, copy it and save it to a file. That is enough to diagnose.",
        ),
    ]
}

/// The three states of a blocklist row, as the readable reports print them: a failure is
/// "could not check", never "not listed".
pub(crate) fn state_label(state: ndr_dnsbl::State, lang: Lang) -> &'static str {
    match state {
        ndr_dnsbl::State::Listed => pick(lang, "掲載あり", "LISTED"),
        ndr_dnsbl::State::NotListed => pick(lang, "掲載なし", "not listed"),
        ndr_dnsbl::State::Unavailable => pick(lang, "確認できず", "could not check"),
    }
}

/// The labels of a listed or unchecked row's own lines: the list's TXT reason, its lookup page,
/// its removal page, and the page to check by hand.
pub(crate) struct RowLabels {
    pub(crate) reason: &'static str,
    pub(crate) details: &'static str,
    pub(crate) removal: &'static str,
    pub(crate) by_hand: &'static str,
}

pub(crate) fn row_labels(lang: Lang) -> RowLabels {
    RowLabels {
        reason: pick(lang, "リストの説明", "reason"),
        details: pick(lang, "詳細", "details"),
        removal: pick(lang, "削除の申請", "removal"),
        by_hand: pick(lang, "手動で確認", "check by hand"),
    }
}

/// How many terminal columns `s` takes: East Asian wide and full-width characters take two.
/// Enough for the report's own labels, which is all it pads.
pub(crate) fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `s` followed by spaces up to `width` terminal columns (at least one space).
pub(crate) fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w).max(1)))
}

fn pick(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_has_a_label_in_both_languages() {
        for &r in Reason::ALL {
            let (ja, en) = (reason_label(r, Lang::Ja), reason_label(r, Lang::En));
            assert!(!ja.is_empty() && !en.is_empty(), "{r:?}");
            assert_ne!(ja, en, "{r:?} not translated");
        }
    }

    #[test]
    fn a_delayed_report_reads_as_delayed_whatever_its_token() {
        let mut d = Diagnosis {
            reason: Reason::Rejected,
            recipients: vec![ndr_core::Recipient {
                action: "delayed".into(),
                ..ndr_core::Recipient::default()
            }],
            ..Diagnosis::default()
        };
        assert_eq!(
            reason_line(&d, Lang::En),
            "Delayed (your server is still retrying) (rejected)"
        );
        d.recipients[0].action = "failed".into();
        assert_eq!(
            reason_line(&d, Lang::En),
            "The sender address was refused (rejected)"
        );
    }

    #[test]
    fn japanese_labels_are_padded_by_their_width_in_a_terminal() {
        assert_eq!(display_width("掲載あり"), 8);
        assert_eq!(display_width("LISTED"), 6);
        assert_eq!(pad("確認できず", 17).len(), "確認できず".len() + 7);
        assert_eq!(pad("could not check", 17), "could not check  ");
        for state in [
            ndr_dnsbl::State::Listed,
            ndr_dnsbl::State::NotListed,
            ndr_dnsbl::State::Unavailable,
        ] {
            for lang in [Lang::Ja, Lang::En] {
                assert!(display_width(state_label(state, lang)) < 17);
            }
        }
    }
}
