//! UCEPROTECT levels 1 to 3. Level 1 expires by itself; levels 2 and 3 are about the
//! provider's whole range. Paid "express delisting" is never needed.

use ndr_core::Party;

use super::common::*;
use super::{Needle, PartyBook, Refine, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["www.uceprotect.net"];
pub(crate) const RBLCHECK: &str = "https://www.uceprotect.net/en/rblcheck.php";
const LEVELS: &str = "https://www.uceprotect.net/en/index.php?m=7&s=7";
const FACTS: &[(&str, &str)] = &[("list_name", "UCEPROTECT")];

const SOURCES: &[Source] = &[
    Source {
        title: text! {
            ja: "UCEPROTECT: 掲載と解除の仕組み",
            en: "UCEPROTECT: listing and removal policy",
        },
        url: Url::one(LEVELS),
    },
    Source {
        title: text! {
            ja: "UCEPROTECT: 照会ページ",
            en: "UCEPROTECT: RBL check",
        },
        url: Url::one(RBLCHECK),
    },
];

const DONT_EXPRESS: crate::text::Text = text! {
    ja: "UCEPROTECT の有料の「早期解除（Express Delisting）」や有料の許可リストにお金を払わないでください。レベル 1 は待てば無料で自動的に消え、レベル 2・3 は支払っても根本は解決しません。",
    en: "Do not pay for UCEPROTECT's \"express delisting\" or paid whitelisting: level 1 clears by itself for free, and paying does not fix levels 2 and 3.",
};

pub(crate) const LEVEL1: Playbook = Playbook {
    id: "uceprotect-level1",
    party: Some(Party::Uceprotect),
    title: text! { ja: "UCEPROTECT レベル 1 に掲載", en: "Listed by UCEPROTECT level 1" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が UCEPROTECT のレベル 1（個別の IP アドレスのリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on UCEPROTECT level 1 (the list of single addresses).",
    },
    why: text! {
        ja: "その IP アドレスから、迷惑メールを集めるための罠のアドレス（スパムトラップ）にメールが届いたためです。最後に届いてから 7 日で自動的に消えます。",
        en: "Mail from that address reached spam traps (addresses that exist only to catch spam). The listing expires by itself 7 days after the last hit.",
    },
    actors: &[Actor::Nobody, Actor::Sender],
    urgency: Urgency::Wait,
    duration: text! { ja: "最後の検出から 7 日", en: "7 days after the last hit" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "UCEPROTECT の照会ページ（英語）で、IP アドレス {ip} がどのレベルに掲載されているか確認します。",
            en: "Check on UCEPROTECT's lookup page which level lists {ip}.",
        })
        .link(text! { ja: "UCEPROTECT 照会ページ（英語）", en: "UCEPROTECT RBL check" }, Url::one(RBLCHECK))
        .copy(LABEL_IP_TO_LOOK_UP, "{ip}"),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因（乗っ取られたアカウント、古い宛先リストへの一斉送信など）を止め、7 日待ってください。",
            en: "Stop the cause (a hijacked account, bulk mail to an old list), then wait 7 days.",
        }),
        Step::new(text! {
            ja: "急ぎの相手には、受信側の管理者にあなたを許可してもらうか、別の経路で連絡してください。",
            en: "For an urgent recipient, ask their administrator to allow you, or reach them another way.",
        }),
    ],
    donts: &[DONT_EXPRESS, DONT_RESEND],
    message: None,
    lookup: Some(Url::one(RBLCHECK)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const LEVEL23: Playbook = Playbook {
    id: "uceprotect-level2-3",
    party: Some(Party::Uceprotect),
    title: text! { ja: "UCEPROTECT レベル 2・3 に掲載（ホスティング事業者の IP アドレスの範囲ごと）", en: "Listed by UCEPROTECT level 2 or 3 (your hosting company's whole range)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} を含む IP アドレスの範囲（レベル 2）またはホスティング事業者のネットワーク全体（レベル 3）が、UCEPROTECT に掲載されています。",
        en: "UCEPROTECT lists either, at level 2, the address range that includes {ip}, or, at level 3, your hosting company's whole network.",
    },
    why: text! {
        ja: "同じホスティング事業者の多くの IP アドレスから迷惑メールが出ているためです。あなたのメールが原因ではなく、あなた自身では解除できません。",
        en: "Many addresses at the same hosting company send spam; your own mail is not the cause, and you cannot remove it yourself.",
    },
    actors: &[Actor::SenderProvider, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "ホスティング事業者の状況しだい（自動で段階的に解除）", en: "Depends on the hosting company (it de-escalates automatically)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "下の文面をホスティング事業者に送り、状況の確認と、掲載されていない送信経路への切り替えを相談してください。",
            en: "Send the message below to your hosting company, and ask about moving your mail to a route that is not listed.",
        }),
        Step::new(text! {
            ja: "多くの受信側はレベル 1 しか使いません。レベル 2・3 で拒否されている場合は、受信側の管理者に設定の見直しをお願いすることもできます。",
            en: "Most receivers use only level 1. If you are refused for level 2 or 3, you can also ask the recipient's administrator to reconsider that setting.",
        }),
    ],
    donts: &[DONT_EXPRESS, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED_EXPIRES),
    lookup: Some(Url::one(RBLCHECK)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

const REFINE: &[Refine] = &[
    Refine {
        from: "uceprotect-level1",
        when: Needle::Zone("dnsbl-2.uceprotect.net"),
        to: &LEVEL23,
    },
    Refine {
        from: "uceprotect-level1",
        when: Needle::Zone("dnsbl-3.uceprotect.net"),
        to: &LEVEL23,
    },
    Refine {
        from: "uceprotect-level1",
        when: Needle::Text("uceprotect-level 2"),
        to: &LEVEL23,
    },
    Refine {
        from: "uceprotect-level1",
        when: Needle::Text("uceprotect-level 3"),
        to: &LEVEL23,
    },
    Refine {
        from: "uceprotect-level1",
        when: Needle::Text("dnsbl-2.uceprotect.net"),
        to: &LEVEL23,
    },
    Refine {
        from: "uceprotect-level1",
        when: Needle::Text("dnsbl-3.uceprotect.net"),
        to: &LEVEL23,
    },
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Uceprotect,
    name: text! {
        ja: "UCEPROTECT",
        en: "UCEPROTECT",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LEVEL1)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LEVEL1, &LEVEL23],
    codes: &[],
    refine: REFINE,
};
