//! Plain words for the readable report: the reason's label (as the page's facts card names it)
//! and what to say when the input is not a bounce (as the page's not-a-bounce card says it).
//!
//! The page keeps its wording in `ndr-web` (`i18n::reason_label`, `components/not_bounce.rs`),
//! a wasm crate this binary does not link; these texts follow it, adapted to a terminal.

use ndr_core::{Diagnosis, Reason};
use ndr_playbooks::Lang;

/// A short plain name for a reason, the first fact of the report.
pub(crate) fn reason_label(reason: Reason, lang: Lang) -> &'static str {
    use Reason::*;
    let (ja, en) = match reason {
        AuthFailure => (
            "送信ドメイン認証（SPF・DKIM・DMARC）の失敗",
            "Sender authentication (SPF, DKIM, DMARC) failed",
        ),
        BadReputation => ("送信元の評判が低い", "Low sender reputation"),
        Blocked => ("送信元 IP アドレスのブロック", "Sending IP address blocked"),
        ContentError => ("内容の形式の問題", "Problem with the content"),
        Delivered => (
            "配信済み（エラーではありません）",
            "Delivered (not an error)",
        ),
        ExceedLimit => ("制限を超えた", "A limit was exceeded"),
        Expired => ("配信の再試行が期限切れ", "Gave up after retrying"),
        FailedStartTls => ("暗号化（STARTTLS）の失敗", "Encryption (STARTTLS) failed"),
        Feedback => (
            "苦情の通知（エラーではありません）",
            "A complaint report (not a bounce)",
        ),
        Filtered => (
            "受信側のフィルターによる拒否",
            "Refused by the recipient's filter",
        ),
        HasMoved => ("宛先が移転した", "The address has moved"),
        HostUnknown => (
            "宛先のドメインが見つからない",
            "The recipient's domain does not exist",
        ),
        MailboxFull => (
            "相手のメールボックスが満杯",
            "The recipient's mailbox is full",
        ),
        MailerError => ("配送プログラムのエラー", "A mail program failed"),
        MesgTooBig => ("メールが大きすぎる", "The message is too big"),
        NetworkError => ("ネットワークの問題", "A network problem"),
        NoRelaying => ("中継の拒否", "Relaying refused"),
        NotAccept => (
            "相手がメールを受け付けていない",
            "The recipient accepts no mail",
        ),
        NotCompliantRfc => (
            "メールの形式が規格外",
            "The message breaks the mail standards",
        ),
        // Sisimai's `onhold`: too little in the bounce to decide the reason, not "paused".
        OnHold => (
            "拒否（理由は通知から特定できない）",
            "Refused (the bounce does not say clearly why)",
        ),
        PolicyViolation => (
            "受信側のポリシーによる拒否",
            "Refused by the receiver's policy",
        ),
        Rejected => ("差出人アドレスの拒否", "The sender address was refused"),
        RequirePtr => (
            "送信元の逆引き（PTR）がない",
            "The sending server lacks reverse DNS (PTR)",
        ),
        SecurityError => ("セキュリティ上の拒否", "Refused for security reasons"),
        SpamDetected => ("迷惑メールと判定された", "Classified as spam"),
        Speeding => ("送信が速すぎる", "Sent too fast"),
        Suppressed => ("配信停止リストに登録済み", "On a suppression list"),
        Suspend => (
            "宛先のアカウントが停止中",
            "The recipient's account is suspended",
        ),
        SyntaxError => ("SMTP の文法エラー", "An SMTP syntax error"),
        SystemError => ("受信側のシステムエラー", "A system error at the receiver"),
        SystemFull => ("受信側のディスクが満杯", "The receiver's disk is full"),
        TooManyConn => ("接続が多すぎる", "Too many connections"),
        Undefined => ("不明", "Unknown"),
        UserUnknown => (
            "宛先のアドレスが存在しない",
            "The recipient address does not exist",
        ),
        Vacation => ("自動応答（不在通知）", "An auto-reply (out of office)"),
        VirusDetected => ("ウイルスが見つかった", "A virus was found"),
    };
    pick(lang, ja, en)
}

/// The first line of the report: the reason in words, its token in parentheses for support
/// engineers. A report whose recipients are all only delayed says so first: its reason token
/// (`rejected` for Yahoo's TSS04, `expired` for greylisting) would read as a final failure.
pub(crate) fn reason_line(d: &Diagnosis, lang: Lang) -> String {
    let delayed = !d.recipients.is_empty()
        && d.recipients
            .iter()
            .all(|r| r.action.trim().eq_ignore_ascii_case("delayed"));
    let label = if delayed {
        pick(
            lang,
            "配送の遅れ（送信側のサーバーが再送中）",
            "Delayed (your server is still retrying)",
        )
    } else {
        reason_label(d.reason, lang)
    };
    format!("{label} ({})", d.reason.name())
}

/// True when the input is not a bounce at all (an ordinary mail, a sentence, binary data): the
/// core found no delivery report and no reason. The same test as the page's, which then shows
/// what to give instead of a verdict, steps and a message built on nothing.
pub(crate) fn not_a_bounce(d: &Diagnosis) -> bool {
    d.reason == Reason::Undefined
        && d.recipients.is_empty()
        && d.notes
            .iter()
            .any(|n| n.id == "not_a_bounce" || n.id == "binary_input")
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
