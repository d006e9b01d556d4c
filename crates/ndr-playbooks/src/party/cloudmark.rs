//! Cloudmark (used by Orange and other ISPs): the reset request.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["csi.cloudmark.com"];
const RESET: Url = Url::filled(
    "https://csi.cloudmark.com/reset-request/?ip={ip}",
    "https://csi.cloudmark.com/reset-request/",
);

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "cloudmark-blocked",
    party: Some(Party::Cloudmark),
    title: text! { ja: "Cloudmark による送信元のブロック（Orange など）", en: "Blocked by Cloudmark (Orange and others)" },
    verdict: text! {
        ja: "受信側（Orange などのプロバイダー）が使う Cloudmark が、送信元 IP アドレス {ip} を迷惑メールの送信元としてブロックしています。",
        en: "Cloudmark, used by the receiving side (Orange and other ISPs), is blocking your sending IP address {ip} as a spam source.",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールが送られたと判断されたためで、共用サーバーでは他の利用者が原因のことがあります。",
        en: "Spam was seen from that address; on a shared server another customer may be the cause.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: DURATION_DAYS_AFTER_REQUEST,
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因を止めたら、Cloudmark の「reset request」フォーム（英語）で IP アドレスの評価の見直しを依頼します。",
            en: "Once the cause has stopped, ask for a review of the address with Cloudmark's reset request form.",
        })
        .link(text! { ja: "Cloudmark reset request（英語）", en: "Cloudmark reset request" }, RESET)
        .copy(LABEL_IP_TO_ENTER, "{ip}"),
        STEP_SHARED_SERVER,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_REPUTATION),
    lookup: Some(RESET),
    facts: &[],
    sources: &[Source { title: text! { ja: "Cloudmark: 評価の見直し依頼（reset request）", en: "Cloudmark: reset request" }, url: RESET }],
    checked: CHECKED,
};

/// From a real Orange reply: "550 mwinf... Client host blocked for spamming issues. OFR006_102
/// Ref http://csi.cloudmark.com/reset-request/?ip=<IP> [102]".
const CODES: &[CodeEntry] = &[CodeEntry::provider(
    Party::Cloudmark,
    "OFR006",
    Reason::Blocked,
    text! {
        ja: "Orange が迷惑メールの送信元として送信元 IP アドレスをブロック（Cloudmark のデータ）",
        en: "Orange blocks the sending IP for spamming (Cloudmark data)",
    },
    &BLOCKED,
)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Cloudmark,
    name: text! {
        ja: "Cloudmark",
        en: "Cloudmark",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &BLOCKED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&BLOCKED],
    codes: CODES,
    refine: &[],
};
