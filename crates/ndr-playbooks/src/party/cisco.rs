//! Cisco Secure Email (IronPort) and Talos sender reputation: the lookup and a free ticket.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["talosintelligence.com", "support.talosintelligence.com"];
/// NDRs still link www.senderbase.org, which is now Talos.
const LOOKUP: Url = Url::filled(
    "https://talosintelligence.com/reputation_center/lookup?search={ip}",
    "https://talosintelligence.com/reputation_center",
);
const SUPPORT: &str = "https://talosintelligence.com/support";
const DOCS: &str = "https://support.talosintelligence.com/docs/email-reputation";

pub(crate) const REPUTATION: Playbook = Playbook {
    id: "cisco-talos-reputation",
    party: Some(Party::Cisco),
    title: text! { ja: "Cisco（Talos）の評価による拒否", en: "Refused for Cisco Talos reputation" },
    verdict: text! {
        ja: "受信側の Cisco のメールセキュリティが、送信元 IP アドレス {ip} の評価（Talos の評価）が低いとして接続を拒否しました。",
        en: "The recipient's Cisco email security refused the connection because of the Talos reputation of your sending IP address {ip}.",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールのような送信が見られたためで、共用サーバーでは他の利用者が原因のことがあります。どの評価で拒否するかは受信側が決めています。",
        en: "Spam-like mail was seen from that address; on a shared server another customer may be the cause. Each receiver sets its own threshold.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider, Actor::RecipientAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "原因を止めてから数日", en: "Days after the cause stops" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "Talos の照会ページで IP アドレス {ip} の評価（Good・Neutral・Poor）を確認します。",
            en: "Look up the reputation of {ip} (Good, Neutral, Poor) on Talos.",
        })
        .link(text! { ja: "Talos 評価の照会（英語）", en: "Talos reputation lookup" }, LOOKUP),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因を止めたら、Talos のサポートページから送信元 IP アドレスの評価についての問い合わせ（チケット）を出します。無料の Cisco アカウントが必要です。",
            en: "Once the cause has stopped, open a sender IP reputation ticket on the Talos support page. A free Cisco account is needed.",
        })
        .link(text! { ja: "Talos サポート（英語）", en: "Talos support" }, Url::one(SUPPORT)),
        Step::new(text! {
            ja: "共用サーバーなら、下の文面をホスティング事業者に送ってください。急ぎの相手には、受信側の管理者にあなたを許可してもらう方法もあります。",
            en: "On a shared server, send the message below to your hosting company. For an urgent recipient, their administrator can allow you locally.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_REPUTATION),
    lookup: Some(LOOKUP),
    facts: &[],
    sources: &[
        Source { title: text! { ja: "Talos: メールの評価について", en: "Talos: email reputation" }, url: Url::one(DOCS) },
        Source { title: text! { ja: "Talos サポート", en: "Talos support" }, url: Url::one(SUPPORT) },
    ],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Cisco,
    name: text! {
        ja: "Cisco（Talos）",
        en: "Cisco (Talos)",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &REPUTATION)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&REPUTATION],
    codes: &[],
    refine: &[],
};
