//! A block list that has shut down (SORBS, NiX Spam, WPBL, madavi, AHBL, ...) but that the
//! receiver still uses: only the recipient's administrator can fix it.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Fact, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};

/// Shutdown dates from the fact sheet (SORBS 2024-06-05, NiX Spam 2025-01-16).
const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["github.com"];
const SORBS_END: &str = "https://github.com/mailcow/mailcow-dockerized/pull/5901";
const NIXSPAM_END: &str = "https://github.com/matteocorti/check_rbl/issues/61";

pub(crate) const CLOSED: Playbook = Playbook {
    id: "closed-list",
    party: Some(Party::ClosedList),
    title: text! { ja: "運用を終了したブロックリストを受信側が使い続けている", en: "The receiver still uses a blocklist that has shut down" },
    verdict: text! {
        ja: "受信側のメールサーバーが、すでに運用を終了したブロックリスト {zone} を使い続けており、それを理由にあなたのメールを拒否しました。",
        en: "The receiving mail server still uses {zone}, a blocklist that has shut down, and refused your mail because of it.",
    },
    why: text! {
        ja: "終了したリストは正しく応答しないか、すべての IP アドレスを「掲載」と答えることがあります。あなたの側の問題ではなく、直せるのは受信側の管理者だけです。",
        en: "A closed list may not answer correctly, or may answer \"listed\" for every address. It is not your problem, and only the recipient's administrator can fix it.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信側の管理者が設定を直せばすぐ", en: "Right away once the recipient's administrator fixes the setting" },
    prepare: &[
        Prepare::Fact(Fact::Zone),
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::RemoteHost),
        Prepare::Fact(Fact::Time),
    ],
    steps: &[
        Step::new(text! {
            ja: "あなたの側で解除を申請する必要はありません（終了したリストには申請先がありません）。",
            en: "There is nothing to remove on your side (a closed list has nowhere to ask).",
        }),
        Step::new(text! {
            ja: "受信者に電話などで連絡し、下の文面を受信側のメール管理者に渡してもらってください。管理者は、設定からそのリストを外します。",
            en: "Contact the recipient by phone or another way and ask them to pass the message below to their mail administrator, who removes the list from the configuration.",
        }),
    ],
    donts: &[DONT_PAY, DONT_RESEND],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "運用終了したブロックリスト（{zone}）による受信拒否について",
            en: "Your mail server still uses a closed blocklist ({zone})",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てのメールが、貴社のメールサーバー（{remote_host}）で次のエラーにより拒否されました。

・エラー全文: {error_text}
・送信日時: {date}

エラーに記載のブロックリスト（{zone}）は、すでに運用を終了しています。終了したリストは正しく応答しないことがあるため、お手数ですが、メールサーバーの設定からこのリストを外していただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail to {recipient} was refused by your mail server ({remote_host}) with this error:

- Full error: {error_text}
- Sent at: {date}

The blocklist named in the error ({zone}) has shut down. Closed lists may answer wrongly, so could you please remove it from your mail server's configuration? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "SORBS の終了（2024 年 6 月 5 日）に伴う設定変更の記録", en: "Record of SORBS's shutdown (5 June 2024)" },
            url: Url::one(SORBS_END),
        },
        Source {
            title: text! { ja: "NiX Spam の終了（2025 年 1 月 16 日）の記録", en: "Record of NiX Spam's shutdown (16 January 2025)" },
            url: Url::one(NIXSPAM_END),
        },
    ],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::ClosedList,
    name: text! {
        ja: "運用終了したブロックリスト",
        en: "A closed blocklist",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &CLOSED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&CLOSED],
    codes: &[],
    refine: &[],
};
