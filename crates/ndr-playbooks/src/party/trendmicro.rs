//! Trend Micro Email Reputation Services: ERS-QIL (dynamic, usually temporary), ERS-DUL
//! (dynamic user IPs) and ERS-RBL (known spam sources).

use ndr_core::{Party, Reason};

use super::common::*;
use super::{Needle, PartyBook, Refine, LIST_REASONS, NOT_LIST_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Link, Message, Playbook, Source, Step, To, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &[
    "servicecentral.trendmicro.com",
    "success.trendmicro.com",
    "docs.trendmicro.com",
];
/// The lookup page (legacy host: ers.trendmicro.com).
const LOOKUP: &str = "https://servicecentral.trendmicro.com/en-US/ers/ip-lookup/";
/// The English article on ERS-QIL and the Japanese article on looking up and removing an IP.
const KB: Url = Url::pair(
    "https://success.trendmicro.com/en-US/solution/KA-0001346",
    "https://success.trendmicro.com/ja-JP/solution/KA-0000797",
);
const FACTS: &[(&str, &str)] = &[("list_name", "Trend Micro ERS")];

const SOURCES: &[Source] = &[
    Source {
        title: text! {
            ja: "トレンドマイクロ: ERS の IP アドレス照会と解除申請（日本語の解説）",
            en: "Trend Micro: ERS Quick IP List and removal",
        },
        url: KB,
    },
    Source {
        title: text! {
            ja: "トレンドマイクロ: ERS の IP アドレス照会（英語）",
            en: "Trend Micro: ERS IP lookup",
        },
        url: Url::one(LOOKUP),
    },
];

const LOOKUP_LINK: Link = Link {
    label: text! {
        ja: "トレンドマイクロ ERS 照会ページ（英語）",
        en: "Trend Micro ERS lookup",
    },
    url: Url::one(LOOKUP),
};

const STEP_LOOKUP: Step = Step::new(text! {
    ja: "トレンドマイクロの照会ページ（英語）で IP アドレス {ip} を調べ、どのリストに掲載されているかを確認します。",
    en: "Look up {ip} on Trend Micro's lookup page to see which list names it.",
})
.linked(LOOKUP_LINK)
.copy(LABEL_IP_TO_LOOK_UP, "{ip}");

/// QIL listings clear by themselves within hours: the message is for when one has not, so it
/// asks for the cause, not for a move to another server.
const MESSAGE_QIL_LASTS: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信元 IP アドレス {ip} がトレンドマイクロ ERS-QIL に掲載されたままです",
        en: "Your server's IP address {ip} stays on Trend Micro's ERS-QIL",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、相手先で次のエラーにより拒否されました。送信元 IP アドレス {ip} が、トレンドマイクロの ERS-QIL（いま迷惑メールを送っている IP アドレスの一時的なリスト）に掲載されているようです。通常は数時間で自動的に消える掲載ですが、12 時間以上たっても拒否が続いています。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・最初に拒否された日時: {date}

お手数ですが、IP アドレス {ip} から迷惑メールなどが送られていないか（同じサーバーの他の利用者による送信も含めて）ご確認のうえ、原因があれば対処していただけますでしょうか。よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused with the error below: your server's IP address {ip} seems to be on Trend Micro's ERS-QIL, a short-lived list of addresses sending spam right now. Such listings usually clear within hours, but this one has lasted more than 12 hours.

- Full error: {error_text}
- Receiving server: {remote_host}
- First refused at: {date}

Could you please check whether spam is being sent from {ip} (including mail from other customers on the same server) and stop the cause, if there is one? Thank you.",
    },
};

pub(crate) const QIL: Playbook = Playbook {
    id: "trendmicro-ers-qil",
    party: Some(Party::Trendmicro),
    title: text! { ja: "トレンドマイクロ ERS-QIL（一時的な掲載）", en: "Trend Micro ERS-QIL (short-lived listing)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が、トレンドマイクロの ERS-QIL（いま迷惑メールを送っている IP アドレスの一時的なリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on Trend Micro's ERS-QIL (a short-lived list of addresses sending spam right now).",
    },
    why: text! {
        ja: "その IP アドレスから迷惑メールやボット（乗っ取られた端末）の通信が見られたためです。掲載は数分から 12 時間ほどで自動的に消えます。",
        en: "Spam or botnet traffic was seen from that address. Listings clear by themselves within minutes to about 12 hours.",
    },
    // Who acts if it lasts: the message goes to the hosting company (`host_first` puts it first).
    actors: &[Actor::Nobody, Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Wait,
    duration: text! { ja: "数分から 12 時間ほど", en: "Minutes to about 12 hours" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "掲載は自動的に消えるので、まず待ってください。エラーのコードが 4 で始まる（450 など）一時的な拒否なら、送信側のサーバーが自動で再送します。5 で始まるコード（550、554 など）でメールが戻ってきた場合は、掲載が消えてから一度だけ送り直してください。",
            en: "The listing clears by itself, so wait first. If the code starts with 4 (such as 450), the refusal is temporary and your server retries by itself. If the mail came back with a code starting with 5 (such as 550 or 554), send it again once, after the listing has cleared.",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "12 時間以上続く場合は、照会ページで状況を確認し、下の文面でホスティング事業者に相談してください。",
            en: "If it lasts more than 12 hours, check the lookup page and consult your hosting company with the message below.",
        })
        .linked(LOOKUP_LINK),
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(MESSAGE_QIL_LASTS),
    lookup: Some(Url::one(LOOKUP)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const DUL: Playbook = Playbook {
    id: "trendmicro-ers-dul",
    party: Some(Party::Trendmicro),
    title: text! { ja: "トレンドマイクロ ERS-DUL（家庭用などの動的 IP アドレス）", en: "Trend Micro ERS-DUL (dynamic user addresses)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} は、トレンドマイクロの ERS-DUL（家庭用などの動的 IP アドレスの一覧）に含まれているため、直接の送信を拒否されました。",
        en: "Your sending IP address {ip} is in Trend Micro's ERS-DUL (dynamic, residential addresses), so direct sending from it was refused.",
    },
    why: text! {
        ja: "家庭用や事務所の回線から、プロバイダーの送信サーバーを通さずに直接送っていることが原因です。",
        en: "Mail is going straight out from a home or office connection instead of through the provider's outgoing server.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "送信方法を変えればすぐ", en: "Right away once you send the proper way" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "メールソフトや機器の送信サーバー（SMTP）を、プロバイダーやメールサービスの送信サーバー（認証付き、多くはポート 587）に設定してください。",
            en: "Set your mail program's or device's outgoing server (SMTP) to your provider's or mail service's server (with authentication, usually port 587).",
        }),
        STEP_ASK_SMARTHOST,
        Step::new(text! {
            ja: "固定 IP アドレスで正しくメールサーバーを運用している場合は、IP アドレスの持ち主（プロバイダー）に、照会ページからの解除申請を依頼してください。",
            en: "If you run a proper mail server on a fixed address, ask the owner of the address (your ISP) to request removal from the lookup page.",
        })
        .linked(LOOKUP_LINK),
    ],
    donts: &[DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_PROVIDER_SMARTHOST),
    lookup: Some(Url::one(LOOKUP)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const RBL: Playbook = Playbook {
    id: "trendmicro-ers-rbl",
    party: Some(Party::Trendmicro),
    title: text! { ja: "トレンドマイクロ ERS のブロックリストに掲載", en: "Listed by Trend Micro ERS" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が、トレンドマイクロの ERS（メールレピュテーションサービス）のブロックリストに掲載されています。",
        en: "Your sending IP address {ip} is on the blocklist of Trend Micro Email Reputation Services (ERS).",
    },
    why: text! {
        ja: "その IP アドレスが迷惑メールの送信元として知られているためで、共用サーバーでは他の利用者が原因のことがあります。解除を申請できるのは IP アドレスの正当な持ち主だけです。",
        en: "The address is known as a spam source; on a shared server another customer may be the cause. Only the legitimate owner of the address may request removal.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: DURATION_DAYS_AFTER_REQUEST,
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_LOOKUP,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "共用サーバーなら、下の文面をホスティング事業者に送り、解除申請を依頼してください。",
            en: "On a shared server, ask your hosting company to request removal, using the message below.",
        }),
        Step::new(text! {
            ja: "自分の IP アドレスなら、原因を止めたうえで、照会結果から解除申請（削除依頼）のフォームに進んで入力します。フォームは英語での記入が推奨されています。",
            en: "If the address is yours, stop the cause, then go from the lookup result to the removal form and fill it in (in English, as Trend Micro recommends).",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(Url::one(LOOKUP)),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// From real replies: "450 4.7.1 <rcpt>: Recipient address rejected: ERS-QIL." and "Mail from
/// <IP> was refused due to the sender IP found in ERS-DUL."
const CODES: &[CodeEntry] = &[
    CodeEntry::provider(
        Party::Trendmicro,
        "ERS-QIL",
        Reason::Blocked,
        text! {
            ja: "いま迷惑メールを送っている IP アドレスの一時的なリスト（Quick IP List）",
            en: "Quick IP List: addresses sending spam right now (short-lived)",
        },
        &QIL,
    ),
    CodeEntry::provider(
        Party::Trendmicro,
        "ERS-DUL",
        Reason::Blocked,
        text! {
            ja: "家庭用などの動的 IP アドレスの一覧（Dynamic User List）",
            en: "Dynamic User List: residential and dynamic addresses",
        },
        &DUL,
    ),
    CodeEntry::provider(
        Party::Trendmicro,
        "ERS-RBL",
        Reason::Blocked,
        text! {
            ja: "迷惑メールの送信元として知られる IP アドレスのリスト",
            en: "Known spam sources (the standard reputation list)",
        },
        &RBL,
    ),
];

const REFINE: &[Refine] = &[
    Refine {
        from: "trendmicro-ers-rbl",
        when: Needle::Text("ers-qil"),
        to: &QIL,
    },
    Refine {
        from: "trendmicro-ers-rbl",
        when: Needle::Text("ers-dul"),
        to: &DUL,
    },
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Trendmicro,
    name: text! {
        ja: "トレンドマイクロ（ERS）",
        en: "Trend Micro (ERS)",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &RBL)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&QIL, &DUL, &RBL],
    codes: CODES,
    refine: REFINE,
};
