//! Mailspike (bl.mailspike.net and the reputation zones): IP Verify, self-service removal.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

/// The operator's IP Verify page (found in the stored crawl on 2026-11-25).
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["mailspike.io"];
const IP_VERIFY: &str = "https://mailspike.io/ip_verify/about";
const FACTS: &[(&str, &str)] = &[("list_name", "Mailspike")];

pub(crate) const LISTED: Playbook = Playbook {
    id: "mailspike-listed",
    party: Some(Party::Mailspike),
    title: text! { ja: "Mailspike に掲載", en: "Listed by Mailspike" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Mailspike のブロックリスト（評価の低い送信元のリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on the Mailspike blocklist (low-reputation senders).",
    },
    why: text! {
        ja: "乗っ取られたアカウントや感染した機器から迷惑メールが送られたか、大規模な迷惑メールの送信に加わっていると判断されたためです。",
        en: "A hijacked account or an infected device sent spam, or the address was seen taking part in a spam wave.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "申請後、多くは 1〜2 日以内", en: "Often within a day or two of the request" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "原因を止めたら、Mailspike の IP Verify（英語）で IP アドレスを調べ、解除を申請します。",
            en: "Once the cause has stopped, look up the address on Mailspike's IP Verify and request removal.",
        })
        .link(text! { ja: "Mailspike IP Verify（英語）", en: "Mailspike IP Verify" }, Url::one(IP_VERIFY))
        .copy(LABEL_IP_TO_LOOK_UP, "{ip}"),
        STEP_SHARED_SERVER,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(Url::one(IP_VERIFY)),
    facts: FACTS,
    sources: &[Source { title: text! { ja: "Mailspike: IP Verify について", en: "Mailspike: about IP Verify" }, url: Url::one(IP_VERIFY) }],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Mailspike,
    name: text! {
        ja: "Mailspike",
        en: "Mailspike",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED],
    codes: &[],
    refine: &[],
};
