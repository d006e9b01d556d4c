//! Vade (Vade Secure, now part of Hornetsecurity), which filters mail for ISPs and hosting
//! companies: its Vade Threat Network list of IP addresses seen sending spam. Vade's postmaster
//! page explains its codes; no removal form of Vade's own could be confirmed, so the steps go
//! through that page and whoever runs the sending server, and claim nothing more.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

/// The postmaster pages, as stored copies were read on this date (they carry no date).
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &[
    "postmaster-oxsus.vadesecure.com",
    "postmaster-oxseu.vadesecure.com",
];
/// Vade's postmaster page for its US platform: each `OXSUS` code with its reply and meaning
/// (OXSUS0001_101: "your email provider is listed on the Vade Secure Threat Network list. This
/// list contains IP addresses which have been identified as sending spam.").
const POSTMASTER_US: Url = Url::one("https://postmaster-oxsus.vadesecure.com/");
/// The same for its EU platform (`OXSEU` codes), as Open-Xchange's documentation names it.
const POSTMASTER_EU: Url = Url::one("https://postmaster-oxseu.vadesecure.com/");

const SOURCES: &[Source] = &[
    Source {
        title: text! { ja: "Vade Postmaster（OXSUS のエラーコード一覧）", en: "Vade Postmaster (the OXSUS error codes)" },
        url: POSTMASTER_US,
    },
    Source {
        title: text! { ja: "Vade Postmaster（OXSEU のエラーコード一覧）", en: "Vade Postmaster (the OXSEU error codes)" },
        url: POSTMASTER_EU,
    },
];

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "vade-blocked",
    party: Some(Party::Vade),
    title: text! { ja: "Vade のリストによる送信元 IP アドレスの拒否", en: "Vade's list refused the sending IP address" },
    verdict: text! {
        ja: "受信側のメールフィルター Vade（Vade Secure）が、送信元 IP アドレス {ip} からの {recipient} 宛てのメールを拒否しました。",
        en: "The receiving side's mail filter, Vade (Vade Secure), refused the mail from {ip} to {recipient}.",
    },
    why: text! {
        ja: "Vade は多くのプロバイダーやホスティング事業者の受信メールを検査しています。Vade の Postmaster ページによると、コード OXSUS0001_101 は、送信元が Vade Secure Threat Network のリストに載っていることを表します。このリストには、迷惑メールを送っていると判断された IP アドレスが載ります。問題はメールの内容ではなく、送信に使われたサーバーの IP アドレスです。",
        en: "Vade checks incoming mail for many ISPs and hosting companies. Its postmaster page says the code OXSUS0001_101 means the sender is on the Vade Secure Threat Network list, a list of IP addresses found sending spam. It is about the IP address of the server that sent the mail, not about this message.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因を直した後、数日（Vade 次第）", en: "Days after the cause is fixed (up to Vade)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "このエラーは、ホスティング事業者、プロバイダー、または社内の管理者のうち、送信元 IP アドレス {ip} を持っている人に渡してください。リストに載っているのはその IP アドレスで、あなたのパソコンの設定では直りません。下にそのまま送れる文面があります。",
            en: "Pass this error to your hosting company, ISP or IT administrator: whoever owns the sending IP address {ip}. The listing is on that address; nothing on your computer fixes it. A ready message is below.",
        }),
        Step::new(text! {
            ja: "IP アドレスの管理者は、Vade の Postmaster ページでエラーのコード（OXSUS または OXSEU で始まるもの）の説明を読み、その IP アドレスから迷惑メールが出ていないか（乗っ取られたアカウント、不正なプログラム、大量送信）を調べて止めてください。",
            en: "The address's owner reads what Vade's postmaster page says about the error's code (the one starting with OXSUS or OXSEU), then finds and stops any spam from that address (a hijacked account, a rogue program, bulk sending).",
        })
        .link(text! { ja: "Vade Postmaster（OXSUS）", en: "Vade Postmaster (OXSUS)" }, POSTMASTER_US),
        Step::new(text! {
            ja: "Vade への削除の依頼方法は、Vade の Postmaster ページの案内に従ってください（OXSEU で始まるコードは、欧州向けの Postmaster ページにあります）。Vade 自身の削除フォームは、公式の情報では確認できていません。",
            en: "For asking Vade to remove the address, follow what Vade's postmaster page says (codes starting with OXSEU are on the page for its EU platform). No removal form of Vade's own could be confirmed from its official pages.",
        })
        .link(text! { ja: "Vade Postmaster（OXSEU）", en: "Vade Postmaster (OXSEU)" }, POSTMASTER_EU),
        STEP_THIS_PAGE_CHECK,
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(Message {
        to: To::HostingProvider,
        address: None,
        subject: text! {
            ja: "送信元 IP アドレス {ip} が Vade のリストに載っています",
            en: "Sending IP address {ip} is on Vade's list",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。{recipient} 宛てのメールが、受信側のフィルター Vade（Vade Secure）に次のエラーで拒否されました。

・送信元 IP アドレス: {ip}
・エラー全文: {error_text}
・送信日時: {date}

Vade の Postmaster ページ（https://postmaster-oxsus.vadesecure.com/）によると、送信元の IP アドレスは迷惑メールを送ったとして Vade Secure Threat Network のリストに載っています。
お手数ですが、その IP アドレスから迷惑メールが出ていないかご確認のうえ、Vade の案内に沿って削除の手続きをお願いできますでしょうか。

よろしくお願いいたします。",
            en: "Hello,

My mail to {recipient} was refused by the receiving side's filter, Vade (Vade Secure), with the error below.

- Sending IP address: {ip}
- Full error: {error_text}
- Sent at: {date}

Vade's postmaster page (https://postmaster-oxsus.vadesecure.com/) says the sending IP address is on the Vade Secure Threat Network list, for sending spam.
Could you please check that address for spam and ask Vade to remove it as its page says?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// From Vade's postmaster page (https://postmaster-oxsus.vadesecure.com/).
const CODES: &[CodeEntry] = &[CodeEntry::provider(
    Party::Vade,
    "OXSUS0001_101",
    Reason::Blocked,
    text! { ja: "送信元が Vade Secure Threat Network のリストに載っている", en: "The sender is on the Vade Secure Threat Network list" },
    &BLOCKED,
)
.keywords("vade vade secure threat list threat network hornetsecurity")];

/// Ordered: the first entry that names the reason wins.
const ROUTES: &[(&[Reason], &Playbook)] = &[(super::PROVIDER_BLOCK_REASONS, &BLOCKED)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Vade,
    name: text! {
        ja: "Vade（Vade Secure）",
        en: "Vade (Vade Secure)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<28>(ROUTES),
    playbooks: &[&BLOCKED],
    codes: CODES,
    refine: &[],
};
