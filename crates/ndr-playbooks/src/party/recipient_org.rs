//! The recipient organisation's own filter or block list (not a public list): only their
//! administrator can let the sender through.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{microsoft, rest, Needle, PartyBook, Refine, REFUSAL_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency};

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["learn.microsoft.com"];
/// Microsoft's NDR table explains 5.7.513 and 5.7.507, the blocks seen most often.
const SOURCES: &[Source] = &[microsoft::SRC_NDR];

pub(crate) const CUSTOMER_BLOCK: Playbook = Playbook {
    id: "recipient-org-block-list",
    party: Some(Party::RecipientOrg),
    title: text! { ja: "受信側の組織の独自ブロックリスト（5.7.513 など）", en: "The recipient organisation's own blocklist (5.7.513 and others)" },
    verdict: text! {
        ja: "受信側の組織が、自分たちで管理するブロックリストに送信元 IP アドレス {ip} かあなたのドメインを登録しているため、拒否されました。",
        en: "The recipient's organisation has put {ip}, or your domain, on a blocklist of its own, so the mail was refused.",
    },
    why: text! {
        ja: "受信側の管理者が、過去の迷惑メールや誤判定をきっかけに登録したものです。公開のブロックリストではないため、Microsoft などの解除申請ページでは解除できません。",
        en: "The recipient's administrator added it, after past spam or by mistake. It is not a public list, so delist pages (Microsoft's or others) cannot remove it.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信側の管理者が設定を直せばすぐ", en: "Right away once the recipient's administrator removes the entry" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "受信者に電話などで連絡し、下の文面を受信側の管理者に渡してもらってください。管理者がブロックの登録を外せば届くようになります。",
            en: "Contact the recipient by phone or another way and ask them to pass the message below to their administrator. Once the entry is removed, mail gets through.",
        }),
        Step::new(text! {
            ja: "解除申請ページ（sender.office.com など）に申請しても、このブロックは解除されません。申請は不要です。",
            en: "Delist portals (sender.office.com and the like) cannot lift this block, so there is nothing to file there.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const FILTER: Playbook = Playbook {
    id: "recipient-org-filter",
    party: Some(Party::RecipientOrg),
    title: text! { ja: "受信側の組織のフィルターによる拒否", en: "Refused by the recipient organisation's own filter" },
    verdict: text! {
        ja: "受信側の組織のメールフィルターが、あなたからのメールを受け取りませんでした。",
        en: "The recipient organisation's mail filter did not accept your message.",
    },
    why: text! {
        ja: "受信側の組織が独自に決めたルール（許可した送信元だけを受け付ける設定、添付ファイルの制限、迷惑メールの判定など）によるもので、直せるのは受信側の管理者です。",
        en: "Rules set by the receiving organisation (accepting only approved senders, attachment limits, spam verdicts) refused it; only their administrator can change them.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "エラー文に理由（添付ファイルの種類など）が書かれていれば、それに合わせて送り方を変えてください。",
            en: "If the error gives a reason (an attachment type, for example), change how you send accordingly.",
        }),
        STEP_ASK_RECIPIENT_ADMIN,
    ],
    donts: &[DONT_RESEND_UNCHANGED, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// "IP not in whitelist for RCPT domain": the recipient accepts only approved senders; that is
/// their filter, not a block list.
const REFINE: &[Refine] = &[
    // Barracuda Email Security Service's "Recipient result: blocked": the filter's verdict
    // under the recipient's settings, no list of blocked addresses.
    Refine {
        from: "recipient-org-block-list",
        when: Needle::Text("recipient result: blocked"),
        to: &FILTER,
    },
    Refine {
        from: "recipient-org-block-list",
        when: Needle::Text("not in whitelist"),
        to: &FILTER,
    },
    Refine {
        from: "recipient-org-block-list",
        when: Needle::Text("not in allowlist"),
        to: &FILTER,
    },
    Refine {
        from: "recipient-org-block-list",
        when: Needle::Text("not in allow list"),
        to: &FILTER,
    },
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (&[Reason::Blocked], &CUSTOMER_BLOCK),
    (REFUSAL_REASONS, &FILTER),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::RecipientOrg,
    name: text! {
        ja: "受信側の組織（独自のフィルター・ブロックリスト）",
        en: "The recipient's organisation (its own filter or blocklist)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<27>(ROUTES),
    playbooks: &[&CUSTOMER_BLOCK, &FILTER],
    codes: &[],
    refine: REFINE,
};
