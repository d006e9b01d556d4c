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
}
