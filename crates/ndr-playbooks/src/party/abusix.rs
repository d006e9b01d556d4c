//! Abusix Mail Intelligence: free lookup and delisting with an account.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

/// The operator's lookup-and-delisting overview and FAQ, as stored copies were read on this date.
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &["lookup.abusix.com", "abusix.com", "docs.abusix.com"];
const LOOKUP: Url = Url::filled(
    "https://lookup.abusix.com/search?q={ip}",
    "https://lookup.abusix.com/",
);
/// "If our service rejects a message you sent, you will receive a bounce message ... with a
/// link to our website lookup service"; not an administrator: ask your IT department or provider.
const HOW: &str = "https://abusix.com/docs/lookup-and-delisting/lookup-and-delisting-overview/";
/// "you'll need to confirm your email in order to use our delisting services".
const FAQ: &str = "https://abusix.com/faqs/";
const FACTS: &[(&str, &str)] = &[("list_name", "Abusix")];

pub(crate) const LISTED: Playbook = Playbook {
    id: "abusix-listed",
    party: Some(Party::Abusix),
    title: text! { ja: "Abusix に掲載", en: "Listed by Abusix" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Abusix のブロックリストに掲載されています。",
        en: "Your sending IP address {ip} is on an Abusix blocklist.",
    },
    why: text! {
        ja: "迷惑メールの罠のアドレスへの送信、乗っ取り、または逆引き（PTR）のない回線からの直接送信（ポリシーのリスト）が主な原因です。",
        en: "Mail to spam traps, a compromised account or host, or direct sending from a connection without proper reverse DNS (the policy list) are the usual causes.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "申請すればすぐ", en: "Immediately after the request" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "Abusix の照会ページ（英語）で IP アドレス {ip} を調べ、どのリストに掲載されているか確認します。",
            en: "Look up {ip} on Abusix's lookup page to see which list names it.",
        })
        .link(text! { ja: "Abusix 照会ページ（英語）", en: "Abusix lookup" }, LOOKUP),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因を止めたら、照会結果のページから解除を申請します。申請には、メールアドレスを確認したアカウントが必要です。",
            en: "Once the cause has stopped, request removal from the result page. You need an account with a confirmed email address to do so.",
        }),
        Step::new(text! {
            ja: "共用サーバーや会社のメールなら、下の文面をホスティング事業者か社内の管理者に送ってください。",
            en: "For a shared server or company mail, send the message below to your hosting company or IT department.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(LOOKUP),
    facts: FACTS,
    sources: &[
        Source { title: text! { ja: "Abusix: 照会と解除の概要", en: "Abusix: lookup and delisting overview" }, url: Url::one(HOW) },
        Source { title: text! { ja: "Abusix: よくある質問", en: "Abusix FAQs" }, url: Url::one(FAQ) },
    ],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Abusix,
    name: text! {
        ja: "Abusix",
        en: "Abusix",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED],
    codes: &[],
    refine: &[],
};
