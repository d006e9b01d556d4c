//! Headings and small words the web app and the CLI put around a rendered playbook.

use ndr_core::Reason;

use crate::text::Text;

/// "Who must act".
pub const WHO: Text = text! {
    ja: "対応する人",
    en: "Who must act",
};
/// "Urgency".
pub const URGENCY: Text = text! {
    ja: "緊急度",
    en: "Urgency",
};
/// "How long it takes".
pub const DURATION: Text = text! {
    ja: "解決までの目安",
    en: "How long it usually takes",
};
/// "What to prepare".
pub const PREPARE: Text = text! {
    ja: "用意するもの",
    en: "What to have at hand",
};
/// "Steps".
pub const STEPS: Text = text! {
    ja: "手順",
    en: "Steps",
};
/// "Don't".
pub const DONTS: Text = text! {
    ja: "やってはいけないこと",
    en: "What not to do",
};
/// "Ready-to-send message".
pub const MESSAGE: Text = text! {
    ja: "そのまま送れる文面",
    en: "Ready-to-send message",
};
/// "To".
pub const TO: Text = text! {
    ja: "宛先",
    en: "To",
};
/// "Subject".
pub const SUBJECT: Text = text! {
    ja: "件名",
    en: "Subject",
};
/// "Sources".
pub const SOURCES: Text = text! {
    ja: "情報源",
    en: "Sources",
};
/// "Last checked".
pub const LAST_CHECKED: Text = text! {
    ja: "最終確認日",
    en: "Last checked",
};
/// "Copy".
pub const COPY: Text = text! {
    ja: "コピー",
    en: "Copy",
};
/// "Meaning" (code pages).
pub const MEANING: Text = text! {
    ja: "意味",
    en: "Meaning",
};

/// Every label above, for the tidy checks and the text digest.
pub const ALL: [Text; 13] = [
    WHO,
    URGENCY,
    DURATION,
    PREPARE,
    STEPS,
    DONTS,
    MESSAGE,
    TO,
    SUBJECT,
    SOURCES,
    LAST_CHECKED,
    COPY,
    MEANING,
];

/// A short plain name for a reason, (Japanese, English): the page's facts card and the CLI's
/// first line. Plain strings rather than `text!`, so that the page has them even when its
/// texts file could not be loaded (`split-texts`).
pub const fn reason(reason: Reason) -> (&'static str, &'static str) {
    use Reason::*;
    match reason {
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
    }
}
