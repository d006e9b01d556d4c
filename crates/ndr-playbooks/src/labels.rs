//! Headings and small words the web app and the CLI put around a rendered playbook.

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
