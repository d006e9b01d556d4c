//! Proofpoint dynamic reputation: ipcheck.proofpoint.com and its removal request.

use ndr_core::Party;

use super::common::*;
use super::{PartyBook, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["ipcheck.proofpoint.com", "www.proofpoint.com"];
/// NDRs also show the older https://support.proofpoint.com/dnsbl-lookup.cgi?ip=<IP>.
const IPCHECK: Url = Url::filled(
    "https://ipcheck.proofpoint.com/?ip={ip}",
    "https://ipcheck.proofpoint.com/",
);
const FAQ: &str = "https://www.proofpoint.com/us/support-services/ip-blocked-faq";

/// The first step of both IP-block playbooks: Proofpoint's own IP check page.
const STEP_IPCHECK: Step = Step::new(text! {
    ja: "Proofpoint の照会ページ（英語）で IP アドレス {ip} の状況を確認します。",
    en: "Check {ip} on Proofpoint's IP check page.",
})
.link(
    text! { ja: "Proofpoint IP チェック（英語）", en: "Proofpoint IP check" },
    IPCHECK,
);

/// The last step of both IP-block playbooks: a shared server's hosting company, or the
/// recipient's own allow list.
const STEP_SHARED_SERVER: Step = Step::new(text! {
    ja: "共用サーバーなら、下の文面をホスティング事業者に送ってください。急ぎの相手には、受信側の管理者に自社の Proofpoint であなたを許可してもらう方法もあります。",
    en: "On a shared server, send the message below to your hosting company. For an urgent recipient, their administrator can allow you in their own Proofpoint.",
});

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "proofpoint-blocked",
    party: Some(Party::Proofpoint),
    title: text! { ja: "Proofpoint による送信元のブロック", en: "Blocked by Proofpoint" },
    verdict: text! {
        ja: "受信側が使っている Proofpoint が、送信元 IP アドレス {ip} の評価が低いとして、受け取りを拒否しました。",
        en: "Proofpoint, which the receiving side uses, refused the mail because of the reputation of your sending IP address {ip}.",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールのような送信が見られたためで、共用サーバーでは他の利用者が原因のことがあります。",
        en: "Spam-like mail was seen from that address; on a shared server another customer may be the cause.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "一時的な遅延は数分、ブロックは送信が止まって申請した後", en: "Minutes for a delay; for a block, after the sending stops and removal is requested" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_IPCHECK,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "一時的な遅延なら、原因の送信が止まれば数分で自動的に解除されます。ブロックの場合は、照会ページから解除申請のフォームに進み、宛先やメールの種類などを入力します。",
            en: "A delay clears by itself minutes after the behaviour stops. For a block, go from the IP check page to the removal request form and give the recipient, the type of mail and so on.",
        }),
        STEP_SHARED_SERVER,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_REPUTATION),
    lookup: Some(IPCHECK),
    facts: &[],
    sources: &[Source {
        title: text! { ja: "Proofpoint: IP アドレスがブロックされた場合の FAQ", en: "Proofpoint: IP blocked FAQ" },
        url: Url::one(FAQ),
    }],
    checked: CHECKED,
};

/// [`BLOCKED`] for a refusal for good (a 5xx reply, or a recipient marked `failed`): Proofpoint's
/// temporary deferral (a 4xx that clears minutes after the sending stops) is ruled out, so the
/// timing and the steps speak of the block alone (review h217, L4: a 550 "Blocked" was told of
/// a delay of minutes). Chosen by `generic::variant_for`.
pub(crate) const BLOCKED_FOR_GOOD: Playbook = Playbook {
    duration: text! { ja: "原因の送信を止めて解除を申請した後", en: "After the sending that caused it stops and removal is requested" },
    steps: &[
        STEP_IPCHECK,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "原因の送信を止めたら、照会ページから解除申請のフォームに進み、宛先やメールの種類などを入力します。",
            en: "Once the sending that caused it has stopped, go from the IP check page to the removal request form and give the recipient, the type of mail and so on.",
        }),
        STEP_SHARED_SERVER,
    ],
    ..BLOCKED
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Proofpoint,
    name: text! {
        ja: "Proofpoint",
        en: "Proofpoint",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &BLOCKED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&BLOCKED],
    codes: &[],
    refine: &[],
};
