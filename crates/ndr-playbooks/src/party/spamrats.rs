//! SpamRATS: RATS-Dyna and RATS-NoPtr need reverse DNS fixed first; RATS-Spam can be removed
//! by the owner.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{MESSAGE_PTR, PTR_STEPS};
use super::{Needle, PartyBook, Refine};
use crate::model::{Actor, Link, Playbook, Source, Step, Urgency, Url};

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["www.spamrats.com"];
const REMOVAL: &str = "https://www.spamrats.com/removal.php";
const LISTS: &str = "https://www.spamrats.com/lists.php";
const FACTS: &[(&str, &str)] = &[("list_name", "SpamRATS")];

const SOURCES: &[Source] = &[
    Source {
        title: text! {
            ja: "SpamRATS: リストの説明",
            en: "SpamRATS: the lists",
        },
        url: Url::one(LISTS),
    },
    Source {
        title: text! {
            ja: "SpamRATS: 解除申請",
            en: "SpamRATS: removal",
        },
        url: Url::one(REMOVAL),
    },
];

const REMOVAL_LINK: Link = Link {
    label: text! {
        ja: "SpamRATS 解除申請ページ（英語）",
        en: "SpamRATS removal",
    },
    url: Url::one(REMOVAL),
};

pub(crate) const SPAM: Playbook = Playbook {
    id: "spamrats-spam",
    party: Some(Party::Spamrats),
    title: text! { ja: "SpamRATS（RATS-Spam）に掲載", en: "Listed by SpamRATS (RATS-Spam)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が SpamRATS のリストに掲載されています。",
        en: "Your sending IP address {ip} is listed by SpamRATS.",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールが送られたと判断されたためです。",
        en: "Spam was seen coming from that address.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "申請後、短時間", en: "Shortly after the request" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因を止めたら、SpamRATS の解除申請ページ（英語）で IP アドレスを入力して解除を申請します。無料です。",
            en: "Once the cause has stopped, enter the address on SpamRATS's removal page and request removal. It is free.",
        })
        .linked(REMOVAL_LINK)
        .copy(LABEL_IP_TO_ENTER, "{ip}"),
        STEP_SHARED_SERVER,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(Url::one(REMOVAL)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const DYNA: Playbook = Playbook {
    id: "spamrats-dyna-noptr",
    party: Some(Party::Spamrats),
    title: text! { ja: "SpamRATS（RATS-Dyna・RATS-NoPtr）に掲載", en: "Listed by SpamRATS (RATS-Dyna, RATS-NoPtr)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} は、逆引き（PTR）がないか家庭用のような名前のため、SpamRATS のリストに掲載されています。",
        en: "Your sending IP address {ip} is listed by SpamRATS because it has no reverse DNS (PTR), or one that looks like a home connection.",
    },
    why: text! {
        ja: "メールサーバーには、そのサーバーらしい名前の逆引き（PTR）が必要です。逆引きを直すまで、このリストからは解除できません。",
        en: "A mail server needs a reverse DNS (PTR) name that looks like a mail server. This list cannot be removed until that is fixed.",
    },
    actors: &[Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "逆引きを直して申請した後、短時間", en: "Shortly after the PTR is fixed and removal requested" },
    prepare: PREPARE_BLOCK,
    steps: &[
        PTR_STEPS[0],
        PTR_STEPS[1],
        PTR_STEPS[2],
        Step::new(text! {
            ja: "逆引きが直ったら、SpamRATS の解除申請ページ（英語）で解除を申請します。",
            en: "Once reverse DNS is fixed, request removal on SpamRATS's removal page.",
        })
        .linked(REMOVAL_LINK),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_PTR),
    lookup: Some(Url::one(REMOVAL)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

const REFINE: &[Refine] = &[
    Refine {
        from: "spamrats-spam",
        when: Needle::Zone("dyna.spamrats.com"),
        to: &DYNA,
    },
    Refine {
        from: "spamrats-spam",
        when: Needle::Zone("noptr.spamrats.com"),
        to: &DYNA,
    },
    Refine {
        from: "spamrats-spam",
        when: Needle::Text("rats-dyna"),
        to: &DYNA,
    },
    Refine {
        from: "spamrats-spam",
        when: Needle::Text("rats-noptr"),
        to: &DYNA,
    },
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Spamrats,
    name: text! {
        ja: "SpamRATS",
        en: "SpamRATS",
    },
    domains: DOMAINS,
    routes: &[
        (&[Reason::RequirePtr], &DYNA),
        (
            &[
                Reason::Blocked,
                Reason::BadReputation,
                Reason::SpamDetected,
                Reason::PolicyViolation,
                Reason::Rejected,
                Reason::Filtered,
                Reason::SecurityError,
                Reason::Speeding,
                Reason::TooManyConn,
                Reason::OnHold,
                Reason::Undefined,
            ],
            &SPAM,
        ),
    ],
    generic: super::NOT_LIST_REASONS,
    playbooks: &[&SPAM, &DYNA],
    codes: &[],
    refine: REFINE,
};
