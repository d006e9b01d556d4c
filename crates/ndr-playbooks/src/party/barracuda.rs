//! Barracuda Reputation Block List (b.barracudacentral.org): a free removal form.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["www.barracudacentral.org"];
const REMOVAL: &str = "https://www.barracudacentral.org/rbl/removal-request";
const HOW_TO_USE: &str = "https://www.barracudacentral.org/rbl/how-to-use";
const FACTS: &[(&str, &str)] = &[("list_name", "Barracuda")];

pub(crate) const LISTED: Playbook = Playbook {
    id: "barracuda-listed",
    party: Some(Party::Barracuda),
    title: text! { ja: "Barracuda のブロックリストに掲載", en: "Listed by Barracuda" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Barracuda のブロックリスト（BRBL）に掲載されているため、受信側が受け取りを拒否しました。",
        en: "Your sending IP address {ip} is on the Barracuda Reputation Block List (BRBL), so the receiving side refused the mail.",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールのような送信が見られたためで、共用サーバーでは他の利用者が原因のことがあります。",
        en: "Spam-like mail was seen from that address; on a shared server another customer may be the cause.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "申請後、多くは 1 日程度", en: "Often about a day after the request" },
    prepare: &[
        crate::model::Prepare::Fact(crate::model::Fact::Ip),
        crate::model::Prepare::Fact(crate::model::Fact::ErrorText),
        crate::model::Prepare::Other(text! { ja: "連絡先のメールアドレスと電話番号", en: "A contact email address and phone number" }),
    ],
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "共用サーバーから送っている場合は、下の文面をホスティング事業者に送り、解除申請を依頼してください。",
            en: "If you send through a shared server, ask your hosting company to file the removal request, using the message below.",
        }),
        Step::new(text! {
            ja: "自分で管理しているサーバーなら、原因を止めたうえで、Barracuda の解除申請フォーム（英語）に IP アドレス、メールアドレス、電話番号、理由を入力して送信します。無料です。",
            en: "If you run the server yourself, stop the cause, then fill in Barracuda's removal request form with the address, your email, phone number and the reason. It is free.",
        })
        .link(text! { ja: "Barracuda 解除申請フォーム（英語）", en: "Barracuda removal request form" }, Url::one(REMOVAL))
        .copy(LABEL_IP_TO_ENTER, "{ip}"),
        Step::new(text! {
            ja: "急ぎの相手には、受信側の管理者に一時的にあなたのアドレスを許可してもらう方法もあります。",
            en: "For an urgent recipient, their administrator can also allow your address locally in the meantime.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    facts: FACTS,
    sources: &[
        Source { title: text! { ja: "Barracuda Central: 解除申請", en: "Barracuda Central: removal request" }, url: Url::one(REMOVAL) },
        Source { title: text! { ja: "Barracuda Central: BRBL の使い方", en: "Barracuda Central: how to use the BRBL" }, url: Url::one(HOW_TO_USE) },
    ],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Barracuda,
    name: text! {
        ja: "Barracuda",
        en: "Barracuda",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED],
    codes: &[],
    refine: &[],
};
