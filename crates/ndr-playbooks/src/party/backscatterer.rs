//! Backscatterer (ips.backscatterer.org): lists servers that bounce or auto-reply to forged
//! senders; meant only for mail with an empty sender.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["www.backscatterer.org"];
const SITE: &str = "https://www.backscatterer.org/";

pub(crate) const LISTED: Playbook = Playbook {
    id: "backscatterer-listed",
    party: Some(Party::Backscatterer),
    title: text! { ja: "Backscatterer に掲載", en: "Listed by Backscatterer" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Backscatterer（なりすましメールに対してエラーメールや自動返信を送るサーバーのリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on Backscatterer (a list of servers that send bounces or auto-replies to forged senders).",
    },
    why: text! {
        ja: "迷惑メールをいったん受け取ってから、偽の差出人にエラーメールや自動返信を送り返していることが原因です。最後の送信から 4 週間で自動的に消えます。",
        en: "The server accepts spam and then sends bounces or auto-replies to the forged sender. The listing expires 4 weeks after the last such message.",
    },
    actors: &[
        Actor::SenderAdmin,
        Actor::SenderProvider,
        Actor::RecipientAdmin,
    ],
    urgency: Urgency::Soon,
    duration: text! { ja: "最後の検出から 4 週間", en: "4 weeks after the last hit" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "サーバーの管理者に、存在しない宛先のメールは受け取った後に返すのではなく受信時に拒否するよう、また迷惑メールに自動返信しないよう設定してもらってください。",
            en: "Ask your server's administrator to refuse mail for unknown addresses during delivery instead of bouncing it later, and not to auto-reply to spam.",
        }),
        Step::new(text! {
            ja: "このリストは、差出人が空のメール（エラーメールなど）にだけ使うものです。普通のメールがこのリストで拒否されている場合は、受信側の管理者に設定の見直しをお願いしてください。",
            en: "This list is meant only for mail with an empty sender (bounces). If your ordinary mail is refused because of it, ask the recipient's administrator to review their setting.",
        }),
        Step::new(text! {
            ja: "状況は Backscatterer のサイト（英語）で確認できます。",
            en: "You can check the status on the Backscatterer site.",
        })
        .link(
            text! { ja: "Backscatterer（英語）", en: "Backscatterer" },
            Url::one(SITE),
        ),
    ],
    donts: &[text! {
        ja: "有料の早期解除にお金を払わないでください。原因を止めれば 4 週間で無料で消えます。",
        en: "Do not pay for express delisting: once the cause stops, the listing goes away for free within 4 weeks.",
    }],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: Some(Url::one(SITE)),
    facts: &[],
    sources: &[Source {
        title: text! { ja: "Backscatterer の公式サイト", en: "Backscatterer (official site)" },
        url: Url::one(SITE),
    }],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Backscatterer,
    name: text! {
        ja: "Backscatterer",
        en: "Backscatterer",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED],
    codes: &[],
    refine: &[],
};
