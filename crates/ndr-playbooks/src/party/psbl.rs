//! Passive Spam Block List (psbl.surriel.com): anyone can remove an address, for free.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["psbl.org"];
const SITE: &str = "https://psbl.org/";
const FACTS: &[(&str, &str)] = &[("list_name", "PSBL")];

pub(crate) const LISTED: Playbook = Playbook {
    id: "psbl-listed",
    party: Some(Party::Psbl),
    title: text! { ja: "PSBL に掲載", en: "Listed by PSBL" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が PSBL（迷惑メールの罠に届いた送信元のリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on the PSBL (a list of senders whose mail reached spam traps).",
    },
    why: text! {
        ja: "その IP アドレスから、迷惑メールを集めるための罠のアドレスにメールが届いたためです。",
        en: "Mail from that address reached addresses that exist only to catch spam.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "解除を申請すればすぐ", en: "Right away once removal is requested" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因を止めたら、PSBL のサイト（英語）で IP アドレスを入力し、表示される案内に従って解除します。誰でも無料で申請できます。",
            en: "Once the cause has stopped, enter the address on the PSBL site and follow the instructions to remove it. Anyone can do it, for free.",
        })
        .link(text! { ja: "PSBL（英語）", en: "PSBL" }, Url::one(SITE))
        .copy(LABEL_IP_TO_ENTER, "{ip}"),
        Step::new(text! {
            ja: "共用サーバーで繰り返し掲載される場合は、下の文面をホスティング事業者に送ってください。",
            en: "If a shared server keeps getting listed, send the message below to your hosting company.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(Url::one(SITE)),
    facts: FACTS,
    sources: &[Source { title: text! { ja: "PSBL（Passive Spam Block List）", en: "PSBL (Passive Spam Block List)" }, url: Url::one(SITE) }],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Psbl,
    name: text! {
        ja: "PSBL",
        en: "PSBL",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED],
    codes: &[],
    refine: &[],
};
