//! Deutsche Telekom's T-Online (t-online.de): its own block list; the sending server's
//! administrator writes to the address the refusal names.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

/// The postmaster page as a stored copy was read on this date (the page carries no date).
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &["postmaster.t-online.de"];
/// Sections 4 (notes for mail server operators: requirements, why mail or a connection is
/// refused, how to reach the postmaster) and 6 (IP troubleshooting).
const POSTMASTER: Url = Url::pair(
    "https://postmaster.t-online.de/index.en.html",
    "https://postmaster.t-online.de/index.en.html",
);

const SOURCES: &[Source] = &[Source {
    title: text! { ja: "T-Online Postmaster（メールサーバー運営者向けの案内）", en: "T-Online Postmaster (notes for mail server operators)" },
    url: POSTMASTER,
}];

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "t-online-blocked",
    party: Some(Party::TOnline),
    title: text! { ja: "T-Online による送信サーバーの拒否", en: "T-Online refused the sending server" },
    verdict: text! {
        ja: "T-Online（ドイツテレコム）のメールサーバーが、送信元 IP アドレス {ip} からの接続を受け付けませんでした。{recipient} 宛てのメールは届いていません。",
        en: "T-Online's (Deutsche Telekom's) mail servers refused the connection from {ip}; the mail to {recipient} did not arrive.",
    },
    why: text! {
        ja: "T-Online は独自のブロックリストを使っています。エラーの最後の「(BL)」はそのリストによる拒否、「(NOWL)」は送信元の評価がない・低いこと、「(DIAL)」は送信元の IP アドレスがダイヤルアップなどの一時的な（固定でない）アドレスと見なされたことを表します。エラー自体が、送信サーバーの管理者（postmaster）に相談するか、書かれたアドレスに連絡するよう求めています（(DIAL) では、メールゲートウェイを通して送るか、見なし違いならそのアドレスに知らせるよう求めています）。",
        en: "T-Online runs a block list of its own. A \"(BL)\" at the end of the error is that list; \"(NOWL)\" means the sending address has no or a bad reputation there; \"(DIAL)\" means T-Online takes the sending IP address for a dial-up or otherwise changing one. The error itself asks you to turn to your server's administrator (postmaster) or write to the address it names (with (DIAL): send through a mail gateway, or tell that address if its view is out of date).",
    },
    // Whoever runs the sending server first, as in every playbook about a refused sending
    // address (`select::IP_LISTINGS`): the address is theirs to fix. A paste from that
    // server's own log puts its administrator first (`render::admin_before_host`).
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "連絡の後、数日", en: "Days, after the email" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "このエラーは、送信サーバーを管理している人（社内の管理者、またはホスティング事業者やメール事業者）に渡してください。T-Online とやり取りするのはその管理者です。",
            en: "Pass this error to whoever runs the sending server (your IT administrator, or your hosting or mail provider). They are the ones who deal with T-Online.",
        }),
        Step::new(text! {
            ja: "管理者は、T-Online の Postmaster ページの「メールサーバー運営者向けの案内」（4 章：受け付けの条件、メールや接続が拒否される理由、Postmaster への連絡方法）と「IP のトラブルシューティング」（6 章）を読み、条件を満たしているか確かめてください。",
            en: "The administrator reads the notes for mail server operators on T-Online's postmaster page (section 4: the requirements, why mail or a connection is refused, how to reach the postmaster) and its IP troubleshooting (section 6), and checks the server against them.",
        })
        .link(text! { ja: "T-Online の Postmaster ページ", en: "T-Online Postmaster" }, POSTMASTER),
        Step::new(text! {
            ja: "そのうえで、エラーに書かれている rx.t-online.de のアドレス（例: tosa@rx.t-online.de）に、送信元 IP アドレスとエラーの全文を添えて連絡してください。下に英語の文面があります。",
            en: "Then write to the rx.t-online.de address the error names (tosa@rx.t-online.de, for example) with the sending IP address and the whole error. A message is below.",
        }),
        STEP_THIS_PAGE_CHECK,
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(Message {
        to: To::Operator,
        // The rx.t-online.de address the error names, when it names one (review h217, L5).
        address: Some("{error_contact}"),
        subject: english_only!("Mail from {ip} refused by t-online.de"),
        body: english_only!(
            "（T-Online の窓口にはドイツ語か英語で送ります。[ ] の部分を書き足して、エラーに書かれた rx.t-online.de のアドレスに次の英文を送ってください。）",
            "Hello,

Our mail server's connections to your mail servers are refused with the error below.

Sending IP address: {ip}
Sending domain: {sender_domain}
Error: {error_text}
Date: {date}

Who runs the server: [company name, and the website with your contact details]
What we checked: [for example: reverse DNS of the IP address, not on public blocklists]

Could you please review the block of our address? Thank you."
        ),
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// T-Online's tags at the end of its refusals ((BL), (NOWL), (DIAL)) are read by the core as its
/// refusal and explained in the playbook's words; no tag has an entry of its own.
const CODES: &[CodeEntry] = &[];

/// Ordered: the first entry that names the reason wins.
const ROUTES: &[(&[Reason], &Playbook)] = &[(super::PROVIDER_BLOCK_REASONS, &BLOCKED)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::TOnline,
    name: text! {
        ja: "T-Online（ドイツテレコム）",
        en: "T-Online (Deutsche Telekom)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<28>(ROUTES),
    playbooks: &[&BLOCKED],
    codes: CODES,
    refine: &[],
};
