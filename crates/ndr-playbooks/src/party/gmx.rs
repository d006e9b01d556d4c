//! GMX, WEB.DE and 1&1 / IONOS (United Internet): the case page linked at the end of every
//! refusal, their e-mail policy, and the contact route on the case page.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

/// The postmaster pages below, as stored copies were read on this date (the pages carry no
/// date of their own).
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &[
    "postmaster.gmx.com",
    "postmaster.gmx.net",
    "postmaster.web.de",
];
/// How GMX's refusals are built: the last line's link leads to a page about the case, with
/// its explanation, what to do, and a way to contact GMX when it must act.
const ERROR_MESSAGES: Url = Url::pair(
    "https://postmaster.gmx.com/en/error-messages",
    "https://postmaster.gmx.com/en/error-messages",
);
/// The conditions mail must meet (header, HELO, reverse DNS, ...).
const POLICY: Url = Url::pair(
    "https://postmaster.gmx.com/en/email-policy",
    "https://postmaster.gmx.com/en/email-policy",
);
/// FAQ: no allow list; a refused connection may be a public list, whose operator delists.
const FAQ: Url = Url::one("https://postmaster.gmx.net/de/faq");
/// WEB.DE's explanations of its error messages.
const WEBDE_ERRORS: Url = Url::one("https://postmaster.web.de/de/fehlermeldungen");

const SOURCES: &[Source] = &[
    Source {
        title: text! { ja: "GMX Postmaster: エラーメッセージの説明", en: "GMX Postmaster: error messages" },
        url: ERROR_MESSAGES,
    },
    Source {
        title: text! { ja: "GMX Postmaster: メールポリシー", en: "GMX Postmaster: email policy" },
        url: POLICY,
    },
    Source {
        title: text! { ja: "GMX Postmaster: よくある質問（ドイツ語）", en: "GMX Postmaster: FAQ (German)" },
        url: FAQ,
    },
    Source {
        title: text! { ja: "WEB.DE Postmaster: エラーメッセージ（ドイツ語）", en: "WEB.DE Postmaster: error messages (German)" },
        url: WEBDE_ERRORS,
    },
];

const STEP_OPEN_CASE: Step = Step::new(text! {
    ja: "エラーの最後の行にある「For explanation visit」のリンク（postmaster.gmx.net、postmaster.web.de、postmaster.1und1.de など）を開いてください。リンクの「c=」の値（{provider_code}）が拒否の種類を表し、開いたページにその原因と直し方が書かれています。",
    en: "Open the link after \"For explanation visit\" on the last line of the error (postmaster.gmx.net, postmaster.web.de, postmaster.1und1.de, ...). Its \"c=\" value ({provider_code}) names the kind of refusal, and the page it opens explains the cause and the fix.",
})
.link(text! { ja: "GMX: エラーメッセージの読み方", en: "GMX: how its error messages are built" }, ERROR_MESSAGES);

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "gmx-blocked",
    party: Some(Party::Gmx),
    title: text! { ja: "GMX / WEB.DE / 1&1 による送信元の拒否", en: "GMX / WEB.DE / 1&1 refused the sending server" },
    verdict: text! {
        ja: "GMX・WEB.DE・1&1（United Internet）のメールサーバーが、送信元 IP アドレス {ip} からの {recipient} 宛てのメールを受け付けませんでした。",
        en: "The mail servers of GMX, WEB.DE and 1&1 (United Internet) did not accept mail from {ip} to {recipient}.",
    },
    why: text! {
        ja: "よくある原因は、送信元 IP アドレスが公開のブロックリストや GMX 自身のリストに載っていること、逆引き（PTR）や HELO の名前がポリシーに合っていないことです。GMX には許可リスト（allowlist）の仕組みはありません。",
        en: "The usual causes: the sending IP address is on a public blocklist or on GMX's own list, or its reverse DNS (PTR) or HELO name does not meet their policy. GMX runs no allow list.",
    },
    // Whoever runs the sending server first, as in every playbook about a refused sending
    // address (`select::IP_LISTINGS`): the address is theirs to fix. A paste from that
    // server's own log puts its administrator first (`render::admin_before_host`).
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因を直してから数時間〜数日", en: "Hours to days after the cause is fixed" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_OPEN_CASE,
        Step::new(text! {
            ja: "GMX のよくある質問によると、接続を断られたときは、まず送信元 IP アドレスが公開のブロックリストに載っていないかを確かめ、載っていればそのリストの運営者に削除を頼みます。",
            en: "GMX's FAQ says that when your server's connection is refused, first check whether its IP address is on a public blocklist, and if it is, ask that list's operator to remove it.",
        })
        .link(text! { ja: "GMX: よくある質問（ドイツ語）", en: "GMX: FAQ (German)" }, FAQ),
        STEP_THIS_PAGE_CHECK,
        Step::new(text! {
            ja: "GMX のメールポリシーを確認し、送信サーバーの逆引き（PTR）、HELO の名前、メールのヘッダーが条件に合っているかを、サーバーの管理者に確かめてもらってください。共用のサーバーやメール事業者を使っている場合、このアドレスを直せるのはその事業者だけです。",
            en: "Read GMX's email policy and have your server's administrator check its reverse DNS (PTR), its HELO name and your mail's header against it. On a shared server or a mail provider's service, only that provider can fix the address.",
        })
        .link(text! { ja: "GMX: メールポリシー", en: "GMX: email policy" }, POLICY),
        Step::new(text! {
            ja: "原因を直しても拒否が続くときは、エラーのリンク先のページにある連絡方法で GMX に連絡してください。下に英語の文面があります。",
            en: "If the refusals go on after the cause is fixed, contact GMX through the contact route on the page the error links to. A message is below.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(Message {
        to: To::Operator,
        address: None,
        subject: english_only!("Mail from {ip} refused ({code})"),
        body: english_only!(
            "（GMX の窓口は英語かドイツ語で対応するため、[ ] の部分を書き足して次の英文を送ってください。）",
            "Hello,

Our mail to your users is refused with the error below.

Sending IP address: {ip}
Sending domain: {sender_domain}
Error: {error_text}
Date: {date}

What we checked and fixed: [for example: not on public blocklists, reverse DNS and HELO name set]

Could you please review the block of our address? Thank you."
        ),
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const MESSAGE_REFUSED: Playbook = Playbook {
    id: "gmx-message-refused",
    party: Some(Party::Gmx),
    title: text! { ja: "GMX / WEB.DE / 1&1 がメールの形式を理由に拒否", en: "GMX / WEB.DE / 1&1 refused the message's format" },
    verdict: text! {
        ja: "GMX・WEB.DE・1&1（United Internet）が、{recipient} 宛てのメールを、その形式（ヘッダーなど）が決まりに合わないとして受け付けませんでした。",
        en: "GMX, WEB.DE and 1&1 (United Internet) did not accept the message to {recipient} because its format (its header, for example) breaks the rules.",
    },
    why: text! {
        ja: "GMX のメールポリシーは、ヘッダーが標準の規格（RFC）に合っていることを求めています。送信元のアドレスが拒否されたわけではないので、メールを作るプログラムやサービスの設定を直せば届きます。",
        en: "GMX's email policy asks for a header that follows the standards (the RFCs). Your address was not refused: once the program or service that builds the message is fixed, the mail gets through.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "直したらすぐ", en: "Right away once fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_OPEN_CASE,
        Step::new(text! {
            ja: "GMX のメールポリシーを読み、メールを作ったプログラム（ウェブサイトのフォーム、業務システム、スクリプトなど）が日付（Date）、差出人（From）、宛先（To）などのヘッダーを正しく、1 回ずつ付けているかを、その管理者や開発元に確かめてもらってください。",
            en: "Read GMX's email policy and have whoever runs the program that built the message (a website form, a business system, a script, ...) check that it writes the Date, From, To and other header fields correctly, and each only once.",
        })
        .link(text! { ja: "GMX: メールポリシー", en: "GMX: email policy" }, POLICY),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// GMX documents its case codes only on each case's own page; the index names the family.
const CODES: &[CodeEntry] = &[CodeEntry::provider(
    Party::Gmx,
    "r0201",
    Reason::Blocked,
    text! {
        ja: "送信元 IP アドレスがブロックリストに載っている（GMX の説明ページの例）",
        en: "The sending IP address is on a block list (the example of GMX's error page)",
    },
    &BLOCKED,
)
.keywords("gmx web.de 1und1 1&1 ionos united internet block listed nemesis")];

/// Ordered: the first entry that names the reason wins.
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (
        &[Reason::NotCompliantRfc, Reason::ContentError],
        &MESSAGE_REFUSED,
    ),
    (super::PROVIDER_BLOCK_REASONS, &BLOCKED),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Gmx,
    name: text! {
        ja: "GMX / WEB.DE / 1&1",
        en: "GMX / WEB.DE / 1&1",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<26>(ROUTES),
    playbooks: &[&BLOCKED, &MESSAGE_REFUSED],
    codes: CODES,
    refine: &[],
};
