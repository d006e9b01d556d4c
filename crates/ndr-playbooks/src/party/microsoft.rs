//! Microsoft 365 / Exchange Online Protection (business tenants): the delist portal,
//! delist@microsoft.com, and the sender tenant's own restrictions.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{auth_playbook, ptr_playbook_ipv6};
use super::{recipient_org, rest, PartyBook, DEFERRAL_REASONS, REFUSAL_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Fact, Link, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};
use crate::text::Text;

// ---- Facts that change, in one place -------------------------------------------------------

/// Newest snapshot of the sources below (NDR table ms.date 2024-03-08 copy; delist doc
/// ms.date 2023-06-20; reviewed against the fact sheet of 2026-07-02).
const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &[
    "sender.office.com",
    "learn.microsoft.com",
    "admin.microsoft.com",
    "aka.ms",
    "go.microsoft.com",
];
const DELIST_PORTAL: &str = "https://sender.office.com/";
const DELIST_DOC: Url =
    learn_page!("defender-office-365/external-senders-use-the-delist-portal-to-unblock-yourself");
const NDR_TABLE: Url =
    learn_page!("troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online");
const ADD_DOMAIN: Url = learn_page!("microsoft-365/admin/setup/add-domain");
const TABL_DOC: Url = learn_page!("defender-office-365/tenant-allow-block-list-about");
const ADMIN_CENTER: &str = "https://admin.microsoft.com/";

/// The official NDR table names delist@microsoft.com for 5.7.511; older copies and community
/// posts use the messaging.microsoft.com form, kept here as the legacy address.
const FACTS: &[(&str, &str)] = &[
    ("list_name", "Microsoft 365"),
    ("delist_email", "delist@microsoft.com"),
    ("delist_email_legacy", "delist@messaging.microsoft.com"),
];

pub(crate) const SRC_NDR: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Exchange Online の NDR と SMTP エラー",
        en: "Microsoft Learn: Email non-delivery reports and SMTP errors in Exchange Online",
    },
    url: NDR_TABLE,
};
/// Microsoft's Japanese version of this page is machine-translated and calls the portal
/// 「上場廃止ポータル」; the title says so, so that a reader who opens it recognises the page.
const SRC_DELIST: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Microsoft の解除申請ページ（delist portal）の使い方（日本語版のページでは「上場廃止ポータル」と訳されています）",
        en: "Microsoft Learn: Use the delist portal to remove yourself from the blocked senders list",
    },
    url: DELIST_DOC,
};
const SOURCES: &[Source] = &[SRC_NDR];

const BASIS: Basis = Basis {
    party: Some(Party::Microsoft),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

const DELIST_PORTAL_LINK: Link = Link {
    label: text! {
        ja: "Microsoft の解除申請ページ（delist portal、英語）",
        en: "Microsoft delist portal",
    },
    url: Url::one(DELIST_PORTAL),
};

const ADMIN_CENTER_LINK: Link = Link {
    label: text! {
        ja: "Microsoft 365 管理センター（管理者用）",
        en: "Microsoft 365 admin center (for administrators)",
    },
    url: Url::one(ADMIN_CENTER),
};

/// The sender's own tenant is restricted: its administrator acts, not the sender.
const STEP_TELL_ADMIN: Step = Step::new(text! {
    ja: "社内の Microsoft 365 管理者に、下の文面ですぐに知らせてください。",
    en: "Tell your Microsoft 365 administrator right away, using the message below.",
});

/// The same, for a playbook whose urgency is "within days", not "today".
const STEP_TELL_ADMIN_SOON: Step = Step::new(text! {
    ja: "社内の Microsoft 365 管理者に、下の文面で知らせてください。",
    en: "Tell your Microsoft 365 administrator, using the message below.",
});

const PREPARE_TENANT: &[Prepare] = &[Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::Time)];

const DURATION_MICROSOFT_SUPPORT: Text = text! {
    ja: "Microsoft サポートの対応しだい",
    en: "Depends on Microsoft support",
};

/// The sender's own Microsoft 365 holds its mail back (an account, the whole organisation, a
/// new organisation's addresses): the message says so, so the administrator knows where to look.
const MESSAGE_TENANT_RESTRICTED: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "当社の Microsoft 365 からの送信が止められています（{code}）",
        en: "Our Microsoft 365 is holding back outgoing mail ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。エラーの内容から、当社の Microsoft 365 の側で送信が制限されているようです。

・エラー全文: {error_text}
・エラーコード: {code}
・送信に使ったアドレス: {sender_address}
・送信日時: {date}

お手数ですが、Microsoft 365 管理センターで送信の制限（制限されたユーザー、または組織全体の制限）をご確認いただき、アカウントの乗っ取りなどの原因への対処と、必要に応じて Microsoft サポートへの問い合わせをお願いできますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. It says that our own Microsoft 365 is restricting our outgoing mail.

- Full error: {error_text}
- Code: {code}
- Sent from: {sender_address}
- Sent at: {date}

Could you please check the sending restrictions in the Microsoft 365 admin center (restricted users, or a restriction on the whole organisation), deal with the cause (a hijacked account, for example), and contact Microsoft support if needed?

Thank you.",
    },
};

/// 5.7.708: Microsoft sent the organisation's mail out through its low-reputation addresses (a
/// new organisation, or one whose mail was judged suspicious) and that traffic was refused. No
/// user or organisation restriction is set in the admin center to look up (that is 5.7.705's
/// and 5.1.8's case): the administrator checks the recent outbound mail for a hijacked account
/// or a relay, and asks Microsoft support to review the organisation's sending.
// Source: /work/shared/knowledge/providers-and-lists.md, Exchange Online table ("5.7.708 |
// Access denied, traffic not accepted from this IP | Sending from low-reputation IPs of a new
// tenant | Contact Microsoft support"), from
// https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
const MESSAGE_NEW_TENANT: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "当社の Microsoft 365 から送ったメールが受け付けられません（{code}）",
        en: "Mail from our Microsoft 365 is not accepted ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。Microsoft が当社の組織のメールを評価の低い送信用 IP アドレスから送り、その送信が受け付けられなかったようです。Microsoft は、組織が新しい場合や、組織から送られるメールの多くが不審と判定された場合にこうなると説明しています。

・エラー全文: {error_text}
・エラーコード: {code}
・送信に使ったアドレス: {sender_address}
・送信日時: {date}

お手数ですが、最近の組織からの送信に乗っ取られたアカウントや不審な大量送信がないかご確認のうえ、管理センターから Microsoft サポートに、組織の送信の評価の確認と、この制限の解除を依頼していただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. It says Microsoft sent our organisation's mail out through its low-reputation sending addresses, and that traffic was not accepted. Microsoft says this happens when an organisation is new, or when much of its mail was judged suspicious.

- Full error: {error_text}
- Code: {code}
- Sent from: {sender_address}
- Sent at: {date}

Could you please check our recent outgoing mail for a hijacked account or an unusual burst of sending, and then ask Microsoft support, from the admin center, to review our organisation's sending and lift this limit?

Thank you.",
    },
};

/// 5.7.750: the administrator adds and verifies the sender domain. The domain is named only
/// when it can be the organisation's own (`{allow_domain}`): nobody can add `gmail.com`, and a
/// missing one is not shown as a fill-in (the line is left out; the administrator sees the
/// domain in the error).
const MESSAGE_ADD_DOMAIN: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "Microsoft 365 への送信ドメインの追加のお願い（{code}）",
        en: "Please add our sender domain to Microsoft 365 ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。差出人アドレスのドメインが当社の Microsoft 365 に承認済みドメインとして登録されていないため、送信を止められたようです。

・差出人のドメイン: {allow_domain}
・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、Microsoft 365 管理センターでこのドメインを追加し、所有の確認を済ませていただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below: the domain of the address I sent it from does not seem to be registered as an accepted domain in our Microsoft 365, so the mail was stopped.

- Sender domain: {allow_domain}
- Full error: {error_text}
- Sent at: {date}

Could you please add this domain in the Microsoft 365 admin center and complete its verification?

Thank you.",
    },
};

/// 5.7.703: the organisation's own Tenant Allow/Block List blocks the recipient.
const MESSAGE_OWN_BLOCK: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "テナントの許可/ブロック一覧で宛先がブロックされています（{recipient}）",
        en: "Our Tenant Allow/Block List blocks {recipient}",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。当社の Microsoft 365 の「テナントの許可/ブロック一覧（Tenant Allow/Block List）」で、この宛先（またはそのドメイン）がブロックされているようです。

・エラー全文: {error_text}
・送信日時: {date}

業務でこの宛先に送る必要があるため、お手数ですが、一覧からこの宛先のブロックを外していただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. It looks like our Microsoft 365 Tenant Allow/Block List blocks this address (or its domain).

- Full error: {error_text}
- Sent at: {date}

I need to write to this address for work. Could you please remove the entry that blocks it from the list?

Thank you.",
    },
};

/// 5.4.1 for an address the person says they use: the recipient's administrator checks the
/// directory (a sync problem), not a filter.
const MESSAGE_RECIPIENT_NOT_FOUND: Message = Message {
    to: To::RecipientAdmin,
    address: None,
    subject: text! {
        ja: "{recipient} 宛てのメールが「宛先が存在しない」として返ってきます",
        en: "Mail to {recipient} comes back as \"recipient not found\"",
    },
    body: text! {
        ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、貴社の Microsoft 365 で「宛先が存在しない」というエラーになり、届いておりません。ご本人はこのアドレスを使っているとのことですので、お手数ですが、貴社の Microsoft 365 でこのアドレスの登録（ディレクトリの同期など）をご確認いただけますでしょうか。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

よろしくお願いいたします。",
        en: "Hello,

Mail I sent to {recipient} was refused by your Microsoft 365 as \"recipient not found\", although the person tells me they use this address. Could you please check how the address is set up in your Microsoft 365 (directory synchronisation, for example)?

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

Thank you.",
    },
};

// ---- Playbooks ----------------------------------------------------------------------------

pub(crate) const BANNED_IP: Playbook = Playbook {
    id: "microsoft-banned-ip",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 のブロックリスト（5.7.606〜649）", en: "Microsoft 365 blocklist (5.7.606-649)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が、Microsoft 365（Exchange Online）のブロックリストに掲載されています。",
        en: "Your sending IP address {ip} is on Microsoft's blocklist for Microsoft 365 (Exchange Online).",
    },
    why: text! {
        ja: "同じサーバーを使う他の利用者の送信や、乗っ取られたアカウントからの迷惑メールが原因で、共用サーバーの IP アドレスごとブロックされることがよくあります。",
        en: "It is often caused by other customers on the same server, or by a hijacked account sending spam, which gets the shared address blocked.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "申請してから最大 24 時間", en: "Up to 24 hours after the request" },
    prepare: &[
        Prepare::Fact(Fact::Ip),
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! { ja: "確認メールを受け取れるメールアドレス", en: "An email address where you can receive the confirmation mail" }),
    ],
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "Microsoft の解除申請ページ（delist portal）を開きます。",
            en: "Open Microsoft's delist portal.",
        })
        .linked(DELIST_PORTAL_LINK),
        Step::new(text! {
            ja: "受信できるあなたのメールアドレスと、ブロックされた IP アドレス {ip} を入力して「Submit」を押します。",
            en: "Enter an email address you can read and the blocked IP address {ip}, then press \"Submit\".",
        })
        .copy(LABEL_IP_TO_ENTER, "{ip}"),
        Step::new(text! {
            ja: "Microsoft から届く確認メールを開き、本文のリンクをクリックします。",
            en: "Open the confirmation mail from Microsoft and click the link in it.",
        }),
        Step::new(text! {
            ja: "開いたページで「Delist IP」ボタンを押します。解除には最大 24 時間かかります。",
            en: "On the page that opens, press \"Delist IP\". Removal takes up to 24 hours.",
        }),
        Step::new(text! {
            ja: "解除申請ページで「ブロックされていない」と表示される場合や、解除してもすぐ再びブロックされる場合は、下の文面をホスティング事業者に送ってください。共用サーバーでは、ホスティング事業者が原因を止める必要があります。",
            en: "If the portal says the address is not blocked, or the block comes back right away, send the message below to your hosting company: on a shared server the hosting company must stop the cause.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_DELIST, SRC_NDR],
    checked: CHECKED,
};

pub(crate) const BANNED_SENDER: Playbook = Playbook {
    id: "microsoft-banned-sender",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 による送信元 IP アドレスの受信禁止（5.7.511）", en: "Microsoft 365 banned sending IP address (5.7.511)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} は Microsoft 365 で受信を禁止されており、通常の解除申請ページでは解除できません。",
        en: "Your sending IP address {ip} is banned by Microsoft 365, and the usual delist portal cannot remove it.",
    },
    why: text! {
        ja: "迷惑メールの送信が続いた IP アドレスに対する、より強い措置です。共用サーバーでは他の利用者が原因のことがあります。",
        en: "It is a stronger measure for addresses that kept sending spam; on a shared server another customer may be the cause.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "申請後、おおむね 48 時間", en: "About 48 hours after the request" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "共用サーバーから送っている場合は、エラーの全文をホスティング事業者に伝え、原因の調査と Microsoft への解除申請を依頼してください。下の英文は、IP アドレスの持ち主が Microsoft に送るためのものです。",
            en: "If you send through a shared server, give the full error to your hosting company and ask them to find the cause and request removal from Microsoft. The message below is for the owner of the address to send to Microsoft.",
        }),
        Step::new(text! {
            ja: "自分で管理しているサーバーなら、原因を止めたうえで、Microsoft の解除窓口 {delist_email} に、エラーの全文とブロックされた IP アドレスを英語で送ってください。下の英文をそのまま使えます。古い資料にある {delist_email_legacy} ではなく、現在の公式の宛先 {delist_email} に送ります。",
            en: "If you run the server yourself, stop the cause, then email Microsoft's delist team at {delist_email} with the full error and the blocked address. The message below can be sent as is. Send it to {delist_email}, the current official address, not to {delist_email_legacy} from older documents.",
        })
        .copy(LABEL_SEND_TO, "{delist_email}"),
        Step::new(text! {
            ja: "解除されたら、同じ宛先に一度だけ送り直してください。",
            en: "Once the ban is lifted, send the message again, once.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(Message {
        to: To::Operator,
        address: Some("{delist_email}"),
        subject: english_only!("Delist request for {ip} (5.7.511)"),
        body: english_only!(
            "（Microsoft の窓口は英語で対応するため、次の英文をそのまま送ってください。）",
            "Hello,

Mail from our server {ip} to Microsoft 365 recipients is rejected with 5.7.511 (banned sender). We have found and stopped the cause.

Full error: {error_text}
Sending domain: {sender_domain}
Date: {date}

Please remove {ip} from the blocklist. Thank you."
        ),
    }),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_DELIST],
    checked: CHECKED,
};

pub(crate) const TENANT_BANNED: Playbook = Playbook {
    id: "microsoft-account-banned",
    party: Some(Party::Microsoft),
    title: text! { ja: "自社の Microsoft 365 アカウントの送信停止（5.7.501〜503）", en: "Your Microsoft 365 account is banned from sending (5.7.501-503)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 で、送信に使ったアカウントが迷惑メールの送信を理由に送信を止められています。",
        en: "In your organisation's Microsoft 365, the account you sent from has been stopped from sending because it sent spam.",
    },
    why: text! {
        ja: "ほとんどの場合、パスワードが盗まれてアカウントが乗っ取られ、迷惑メールの送信に使われています。",
        en: "Almost always the account's password was stolen and the account was used to send spam.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "管理者（または Microsoft のサポート）が制限を解除した後", en: "Once your administrator (or Microsoft support) lifts the restriction" },
    prepare: &[Prepare::Fact(Fact::SenderAddress), Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::Time)],
    steps: &[
        Step::new(text! {
            ja: "すぐにそのアカウントのパスワードを変更し、多要素認証（パスワード以外の確認）を有効にしてください。",
            en: "Change the account's password right away and turn on multi-factor authentication (a second check besides the password).",
        }),
        Step::new(text! {
            ja: "Outlook の受信トレイのルールや転送の設定に、身に覚えのないものがないか確認して削除してください。",
            en: "Look for inbox rules or forwarding you did not set up in Outlook, and remove them.",
        }),
        Step::new(text! {
            ja: "社内の Microsoft 365 管理者に下の文面を送ってください。管理者は、送信を制限されたユーザーの一覧から制限を解除し、必要なら Microsoft のサポートに問い合わせます。",
            en: "Send the message below to your Microsoft 365 administrator. They can lift the restriction from the list of restricted users and contact Microsoft support if needed.",
        })
        .linked(ADMIN_CENTER_LINK),
    ],
    donts: &[text! {
        ja: "別のアカウントに切り替えて同じメールを送らないでください。原因を取り除かない限り、そのアカウントも止められます。",
        en: "Do not switch to another account to send the same mail: until the cause is removed, that account will be stopped too.",
    }],
    message: Some(MESSAGE_TENANT_RESTRICTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The sender's mail left through Microsoft 365 and a blocklist (or a receiver's reputation
/// filter such as Proofpoint) names the sending address:
/// that address is one of Microsoft's shared outbound servers. No hosting company runs it and
/// the sender cannot have it delisted; the tenant's administrator asks Microsoft, and the
/// recipient's administrator can let the mail in meanwhile. Chosen through the
/// `sender_on_microsoft365` note (see `select.rs`), whichever list's playbook was found first.
pub(crate) const SENDER_POOL_LISTED: Playbook = Playbook {
    id: "microsoft-sender-pool-listed",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "Microsoft 365 の送信用アドレスがブロックリストに掲載",
        en: "Microsoft 365's sending address is on a blocklist",
    },
    verdict: text! {
        ja: "あなたのメールは Microsoft 365 から送られました。受信側に拒否されたのは、送信に使われた Microsoft のサーバーの IP アドレスがブロックリストに載っていた（または受信側のフィルターで評価が低いと判断された）ためです。",
        en: "Your mail went out through Microsoft 365, and the receiver refused it because the Microsoft server it left from is on a blocklist (or has a poor reputation with the receiver's filter).",
    },
    why: text! {
        ja: "Microsoft 365 のメールは、多くの組織が共同で使う Microsoft の送信用サーバーから送られます。その IP アドレスはあなたのものではなく、掲載の解除も Microsoft が対応します。あなたの組織に問い合わせるべきホスティング事業者はありません。",
        en: "Microsoft 365 sends mail from Microsoft's own servers, shared by many organisations. The address is not yours, and removing it from a list is Microsoft's to handle; there is no hosting company of yours to ask.",
    },
    actors: &[Actor::SenderAdmin, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_MICROSOFT_SUPPORT,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Ip),
        Prepare::Fact(Fact::Time),
    ],
    steps: &[
        STEP_TELL_ADMIN_SOON,
        Step::new(text! {
            ja: "管理者は、Microsoft 365 管理センターからサポートへの問い合わせ（サービス リクエスト）を作成し、エラー全文と送信日時を添えて、Microsoft の送信用 IP アドレスがブロックリストに載っている（または受信側のフィルターに拒否されている）ことを伝えます。",
            en: "The administrator opens a support request in the Microsoft 365 admin center, with the full error and the time, saying that a Microsoft sending address is on a blocklist (or refused by the receiver's filter for its reputation).",
        })
        .linked(ADMIN_CENTER_LINK),
        Step::new(text! {
            ja: "急ぎの相手には、その間、受信側の管理者にあなたのアドレスかドメインからのメールを許可してもらえないか、電話などで頼んでください。",
            en: "For urgent mail, ask the recipient (by phone or another address) whether their administrator can allow mail from your address or domain in the meantime.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ホスティング事業者を探したり、ブロックリストに自分で解除を申請したりしないでください。この IP アドレスは Microsoft のもので、申請は Microsoft が行います。",
            en: "Do not look for a hosting company or file a removal request yourself: the address belongs to Microsoft, and Microsoft deals with the list.",
        },
        DONT_PAY,
        DONT_RESEND,
    ],
    message: Some(MESSAGE_POOL_LISTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The sender's own administrator asks Microsoft about its outbound address.
const MESSAGE_POOL_LISTED: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "Microsoft 365 の送信用 IP アドレスがブロックリストに載っています（{code}）",
        en: "A Microsoft 365 sending address is on a blocklist ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。Microsoft 365 の送信用サーバーの IP アドレスが、受信側の使っているブロックリストに載っている（またはフィルターで評価が低いと判断された）ようです。

・エラー全文: {error_text}
・エラーコード: {code}
・送信元 IP アドレス: {ip}
・送信日時: {date}

この IP アドレスは Microsoft のものなので、お手数ですが Microsoft 365 管理センターから Microsoft サポートに問い合わせ、掲載の解除をご依頼いただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. A Microsoft 365 sending server's address seems to be on a blocklist the receiver uses, or to have a poor reputation with its filter.

- Full error: {error_text}
- Code: {code}
- Sending IP address: {ip}
- Sent at: {date}

The address belongs to Microsoft, so could you please open a support request in the Microsoft 365 admin center and ask Microsoft to have it removed?

Thank you.",
    },
};

pub(crate) const TENANT_THRESHOLD: Playbook = Playbook {
    id: "microsoft-tenant-threshold",
    party: Some(Party::Microsoft),
    title: text! { ja: "自社の Microsoft 365 全体の送信制限（5.7.705）", en: "Your Microsoft 365 organisation is restricted (5.7.705)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 全体が、迷惑メールや大量メールの送信が多すぎるとして、送信を制限されています。",
        en: "Your whole Microsoft 365 organisation has been restricted from sending because it sent too much spam or bulk mail.",
    },
    why: text! {
        ja: "複数のアカウントの乗っ取りや、外部から悪用できる中継の設定（オープンリレー）が主な原因です。",
        en: "Several hijacked accounts, or a connector that outsiders can abuse to relay mail, are the usual causes.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_MICROSOFT_SUPPORT,
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_TELL_ADMIN,
        Step::new(text! {
            ja: "管理者は、乗っ取られたアカウントのパスワード変更と、コネクタ（外部との中継設定）の見直しをしたうえで、管理センターから Microsoft サポートに解除を依頼します。",
            en: "The administrator secures hijacked accounts, reviews the connectors (relay settings), then asks Microsoft support from the admin center to lift the restriction.",
        })
        .linked(ADMIN_CENTER_LINK),
    ],
    donts: &[DONT_RESEND_RATE],
    message: Some(MESSAGE_TENANT_RESTRICTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// Microsoft's page on a restricted inbound connector (550;5.7.711, AS(2204)): how admins
/// remove it from the Restricted entities page, after regaining control of it.
const CONNECTOR_DOC: Url = learn_page!("defender-office-365/connectors-remove-blocked");
const SRC_CONNECTOR: Source = Source {
    title: text! {
        ja: "Microsoft Learn: 制限付きエンティティ ページからブロックされたコネクタを削除する",
        en: "Microsoft Learn: Remove blocked connectors from the Restricted entities page",
    },
    url: CONNECTOR_DOC,
};

/// 550;5.7.711 Access denied, bad inbound connector. AS(2204): the sending organisation's own
/// inbound connector (its server or a service that relays through Microsoft 365) was detected
/// as potentially compromised and may not send; its admin secures it, then unblocks it on the
/// Restricted entities page ("It might take up to 1 hour for all restrictions to be removed").
pub(crate) const CONNECTOR_RESTRICTED: Playbook = Playbook {
    id: "microsoft-connector-restricted",
    party: Some(Party::Microsoft),
    title: text! { ja: "自社の Microsoft 365 のコネクタが送信を止められている（5.7.711）", en: "Your Microsoft 365 connector is blocked from sending (5.7.711)" },
    verdict: text! {
        ja: "あなたの組織が Microsoft 365 に設定している受信コネクタ（社内のサーバーや外部のサービスから Microsoft 365 を通してメールを送るための設定）が、迷惑メールやフィッシングを送った疑いで送信を止められています。",
        en: "The inbound connector your organisation set up in Microsoft 365 (the setting through which your own server or an outside service sends mail via Microsoft 365) has been stopped from sending because it is suspected of sending spam or phishing.",
    },
    why: text! {
        ja: "そのコネクタを通して送っているサーバー、複合機、アプリやサービスが乗っ取られたか、設定の不備で外部の人に悪用されたことが主な原因です。ブロックリストへの掲載ではなく、受信側に頼んでも解除されません。",
        en: "Usually a server, device, application or service that sends through the connector was compromised, or a setting let outsiders abuse it. It is not a blocklist listing, and the receiving side cannot lift it.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! {
        ja: "管理者が解除してから 1 時間ほど",
        en: "Up to an hour after the administrator unblocks it",
    },
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_TELL_ADMIN,
        Step::new(text! {
            ja: "管理者は、まずコネクタを通して送っているサーバーやサービスを調べて、乗っ取りや悪用の原因を取り除きます。そのあと Microsoft Defender ポータルの［制限付きエンティティ］ページ（または Exchange Online PowerShell の Remove-BlockedConnector）で、コネクタのブロックを解除します。",
            en: "The administrator first checks the servers and services that send through the connector and removes the cause of the compromise or abuse, then unblocks the connector on the Restricted entities page of the Microsoft Defender portal (or with Remove-BlockedConnector in Exchange Online PowerShell).",
        })
        .link(
            text! { ja: "Microsoft: ブロックされたコネクタの解除", en: "Microsoft: remove blocked connectors" },
            CONNECTOR_DOC,
        ),
    ],
    donts: &[text! {
        ja: "原因を取り除く前にブロックを解除しないでください。悪用が続けば、すぐにまた止められます。",
        en: "Do not unblock the connector before the cause is removed: if the abuse goes on, it is blocked again soon.",
    }],
    message: Some(MESSAGE_TENANT_RESTRICTED),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_CONNECTOR, SRC_NDR],
    checked: CHECKED,
};

pub(crate) const NEW_TENANT: Playbook = Playbook {
    id: "microsoft-new-tenant-ip",
    party: Some(Party::Microsoft),
    title: text! { ja: "自社の Microsoft 365 からの送信の制限（5.7.708）", en: "Mail from your Microsoft 365 organisation is limited (5.7.708)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 から送ったメールが、評価の低い送信用 IP アドレスから送られたため、受け取りを拒否されました。",
        en: "Mail from your Microsoft 365 organisation went out through low-reputation sending addresses, so it was refused.",
    },
    why: text! {
        ja: "Microsoft は二つの原因を挙げています。組織が開設から日が浅いこと、または組織から送られるメールの多くが不審と判定されたこと（乗っ取られたアカウントからの送信など）です。どちらの場合も、メールは評価の定まっていない送信用 IP アドレスから送られ、それが拒否されるとこのエラーになります。",
        en: "Microsoft gives two causes: the organisation is new, or much of its mail was judged suspicious (mail from a hijacked account, for example). Either way its mail goes out through addresses without an established reputation, and when those are refused, this error results.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_MICROSOFT_SUPPORT,
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_TELL_ADMIN_SOON,
        Step::new(text! {
            ja: "管理者は、組織から最近送られたメールに、乗っ取られたアカウントからの送信や不審な大量送信がないか確かめ、あれば先に止めます。",
            en: "The administrator checks the organisation's recent outgoing mail for a hijacked account or an unusual burst of sending, and stops it first.",
        }),
        Step::new(text! {
            ja: "管理者は、管理センターから Microsoft サポートに問い合わせ、組織の送信の評価の確認と制限の解除を依頼します。",
            en: "The administrator asks Microsoft support, from the admin center, to review the organisation's sending and lift the limit.",
        })
        .linked(ADMIN_CENTER_LINK),
    ],
    donts: &[DONT_RESEND],
    message: Some(MESSAGE_NEW_TENANT),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const UNREGISTERED_DOMAIN: Playbook = Playbook {
    id: "microsoft-unregistered-domain",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 に登録されていないドメインからの送信（5.7.750）", en: "Sending from a domain not registered in Microsoft 365 (5.7.750)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 から、登録されていないドメイン {sender_domain} の差出人でメールを送ったため、送信を止められました。",
        en: "Your Microsoft 365 organisation sent mail with a sender domain, {sender_domain}, that it has not registered, so the mail was stopped.",
    },
    why: text! {
        ja: "差出人のドメインを Microsoft 365 の「承認済みドメイン」として追加・確認していない場合に起こります。",
        en: "It happens when the sender domain was never added and verified as an accepted domain in Microsoft 365.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "ドメインを追加・確認すればすぐ", en: "Right after the domain is added and verified" },
    prepare: PREPARE_DNS,
    steps: &[
        STEP_TELL_ADMIN,
        Step::new(text! {
            ja: "管理者は、管理センターで差出人アドレスのドメインを追加し、所有の確認を済ませます。",
            en: "The administrator adds the sender address's domain in the admin center and verifies it.",
        })
        .link(text! { ja: "Microsoft 365 にドメインを追加する手順", en: "Add a domain to Microsoft 365" }, ADD_DOMAIN)
        .copy(LABEL_DOMAIN_TO_REGISTER, "{allow_domain}"),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_ADD_DOMAIN),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, Source { title: text! { ja: "Microsoft Learn: Microsoft 365 にドメインを追加する", en: "Microsoft Learn: Add a domain to Microsoft 365" }, url: ADD_DOMAIN }],
    checked: CHECKED,
};

/// 5.7.750 for a sender address at a public mail service (`gmail.com`, `docomo.ne.jp`): no
/// organisation can add such a domain to its Microsoft 365, so the way out is to send from the
/// organisation's own address, or from that address through its own service. Chosen in
/// `select.rs` from the sender's domain (`is_personal_mail_domain`).
// Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online (5.7.750)
pub(crate) const UNREGISTERED_DOMAIN_PERSONAL: Playbook = Playbook {
    id: "microsoft-unregistered-domain-personal",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 からフリーメールなどのアドレスを差出人にして送信（5.7.750）", en: "Sending from a public mail address through Microsoft 365 (5.7.750)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 から、{sender_domain} のアドレスを差出人にしてメールを送ったため、送信を止められました。{sender_domain} は誰でも使える公開のメールサービスのドメインで、組織の Microsoft 365 に登録することはできません。",
        en: "Your Microsoft 365 organisation sent mail with a sender address at {sender_domain}, so the mail was stopped. {sender_domain} is a public mail service's domain, which no organisation can register in its Microsoft 365.",
    },
    why: text! {
        ja: "Microsoft 365 は、組織が登録したドメインの差出人でしかメールを送りません。メールソフト、複合機、ウェブサイトのフォームなどの差出人に、個人のアドレスを設定した場合に起こります。",
        en: "Microsoft 365 only sends mail whose sender domain the organisation has registered. It happens when a personal address is set as the sender in a mail program, a scanner or printer, or a website form that sends through Microsoft 365.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: &[Prepare::Fact(Fact::ErrorText)],
    steps: &[
        Step::new(text! {
            ja: "組織のアドレス（組織のドメインのアドレス）を差出人にして、一度だけ送り直してください。",
            en: "Send the message again, once, with your organisation's own address as the sender.",
        }),
        Step::new(text! {
            ja: "{sender_domain} のアドレスで送りたい場合は、そのメールサービス自身から（ウェブページやアプリ、またはそのサービスの送信サーバーで）送ってください。",
            en: "To send from the {sender_domain} address, send through that service itself (its web page or app, or its own outgoing server).",
        }),
        Step::new(text! {
            ja: "複合機やウェブサイトなどの機器やシステムが送ったメールなら、社内の Microsoft 365 管理者に、差出人を組織のアドレスに変えてもらってください。",
            en: "If a device or a system sent it (a scanner, a website), ask your Microsoft 365 administrator to change its sender to an address of your organisation.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR],
    checked: "2026-11-26",
};

pub(crate) const THROTTLED: Playbook = Playbook {
    id: "microsoft-throttled",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 による一時的な受信制限", en: "Temporary limit at Microsoft 365" },
    verdict: text! {
        ja: "Microsoft 365 が、送信元 IP アドレス {ip} からのメールの受け取りを一時的に遅らせています。まだ失敗は確定していません。",
        en: "Microsoft 365 is temporarily holding back mail from {ip}. The message has not failed for good.",
    },
    why: text! {
        ja: "いつもと違う送信の動きを見たときに、評価が終わるまで一時的に制限する仕組みです。正規の送信なら自動で解除されます。",
        en: "Microsoft limits unusual sending for a while until it has evaluated it; for legitimate mail the limit lifts by itself.",
    },
    actors: &[Actor::Nobody, Actor::Sender],
    urgency: Urgency::Wait,
    duration: text! { ja: "多くは数時間以内", en: "Usually within hours" },
    prepare: &[Prepare::Fact(Fact::ErrorText)],
    steps: &[
        STEP_WAIT_FOR_RETRY,
        Step::new(text! {
            ja: "一斉送信の途中なら、送る速度を落としてください。",
            en: "If you are in the middle of a bulk send, slow it down.",
        }),
        Step::new(text! {
            ja: "1 日以上続く場合や、配送をあきらめたという通知が届いた場合は、その通知をこのページに貼り付けて、改めて診断してください。",
            en: "If it lasts more than a day, or a \"delivery gave up\" notice follows, paste that notice on this page and diagnose it again.",
        })
        .in_terminal(text! {
            ja: "1 日以上続く場合や、配送をあきらめたという通知が届いた場合は、その通知をファイルに保存して、`ndr-doctor diagnose ファイル名` で改めて診断してください。",
            en: "If it lasts more than a day, or a \"delivery gave up\" notice follows, save that notice to a file and diagnose it again with `ndr-doctor diagnose FILE`.",
        })
        .in_api(text! {
            ja: "1 日以上続く場合や、配送をあきらめたという通知が届いた場合は、その通知を改めて診断してください。",
            en: "If it lasts more than a day, or a \"delivery gave up\" notice follows, diagnose that notice too.",
        }),
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const IPV6_AUTH: Playbook = auth_playbook(
    Head {
        id: "microsoft-ipv6-auth",
        title: text! { ja: "IPv6 での送信に必要な認証がない（4.7.26）", en: "IPv6 mail without SPF or DKIM (4.7.26)" },
        verdict: text! {
            ja: "IPv6 で送られたメールは SPF か DKIM のどちらかに合格する必要がありますが、{sender_domain} のメールはどちらにも合格しませんでした。",
            en: "Mail sent over IPv6 must pass SPF or DKIM, and mail from {sender_domain} passed neither.",
        },
        why: text! {
            ja: "送信サーバーが IPv6 で送っているのに、その IPv6 アドレスが SPF に含まれておらず、DKIM の署名もない場合に起こります。",
            en: "It happens when the server sends over IPv6, its IPv6 address is not in the SPF record, and there is no DKIM signature.",
        },
    },
    BASIS,
);

pub(crate) const IPV6_PTR: Playbook = ptr_playbook_ipv6(
    Head {
        id: "microsoft-ipv6-ptr",
        title: text! { ja: "IPv6 の送信サーバーに逆引き（PTR）がない（5.7.25）", en: "IPv6 sending server without reverse DNS (5.7.25)" },
        verdict: text! {
            ja: "送信元 IPv6 アドレス {ip} に逆引き（PTR）の設定がないため、Microsoft 365 が受け取りを拒否しました。",
            en: "Microsoft 365 refused the mail because the sending IPv6 address {ip} has no reverse DNS (PTR) record.",
        },
        why: text! {
            ja: "サーバーが IPv6 でも送信するようになったのに、IPv6 アドレスの逆引きが設定されていない場合に起こります。",
            en: "It happens when a server starts sending over IPv6 before its IPv6 address has a PTR record.",
        },
    },
    BASIS,
);

pub(crate) const SPF_FAIL: Playbook = auth_playbook(
    Head {
        id: "microsoft-spf-fail",
        title: text! { ja: "SPF の検証に失敗（5.7.23）", en: "SPF check failed (5.7.23)" },
        verdict: text! {
            ja: "受信側の Microsoft 365 が SPF を確認したところ、送信元 IP アドレス {ip} は {sender_domain} のメールを送ってよいサーバーとして登録されていませんでした。",
            en: "The recipient's Microsoft 365 checked SPF, and {ip} is not listed as allowed to send mail for {sender_domain}.",
        },
        why: text! {
            ja: "新しく使い始めた送信サービスや、ホームページのフォームのサーバーを SPF に追加し忘れていることが主な原因です。",
            en: "Usually a new sending service, or the server behind a web form, was never added to the SPF record.",
        },
    },
    BASIS,
);

pub(crate) const DMARC_REJECT: Playbook = auth_playbook(
    Head {
        id: "microsoft-dmarc-reject",
        title: text! { ja: "DMARC の検証に失敗（5.7.509）", en: "DMARC check failed (5.7.509)" },
        verdict: text! {
            ja: "差出人のドメイン {sender_domain} が DMARC の検証に失敗し、そのドメインの方針（p=reject）に従って拒否されました。",
            en: "The sender domain {sender_domain} failed DMARC, and its own policy (p=reject) says to refuse such mail.",
        },
        why: text! {
            ja: "送信に使ったサービスが SPF や DKIM で差出人のドメインと一致する認証をしていないか、転送の途中で認証が崩れたことが原因です。",
            en: "The service you sent through does not authenticate with SPF or DKIM in line with the sender domain, or forwarding on the way broke the authentication.",
        },
    },
    BASIS,
);

pub(crate) const NOT_AUTHORIZED: Playbook = Playbook {
    id: "microsoft-not-authorized",
    party: Some(Party::Microsoft),
    title: text! { ja: "宛先への送信が許可されていない（5.7.1 ほか）", en: "Not allowed to send to this recipient (5.7.1 and others)" },
    verdict: text! {
        ja: "受信側の Microsoft 365 の設定で、あなたから {recipient} への送信が許可されていません。",
        en: "A setting in the recipient's Microsoft 365 does not allow you to send to {recipient}.",
    },
    why: text! {
        ja: "宛先が社内からのメールだけを受け取るグループだったり、受信側の管理者が送信者を制限していたりすることが主な原因です。",
        en: "Often the address is a group that takes only internal mail, or the recipient's administrator restricts who may send to it.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "宛先が個人ではなくグループ（部署の共有アドレスなど）の場合は、相手の担当者個人のアドレスに送れないか確認してください。",
            en: "If the address is a group (a shared department address), ask whether you can write to a person's own address instead.",
        }),
        STEP_ASK_RECIPIENT_ADMIN,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The recipient (often a group) takes mail only from some senders: people signed in to its
/// own organisation, or senders its owner allowed. Microsoft's NDR says so in words
/// ("delivery to this group is restricted to authenticated senders") and in its resolver code
/// (`RESOLVER.RST.AuthRequired`, `RESOLVER.RST.NotAuthorized`) under 5.7.1, which sisimai
/// reads as a security error, and in the table's own codes: 5.7.12 (the organisation), 5.7.124
/// (a group's allowed senders), 5.7.133 (a group), 5.7.134 (a mailbox), 5.7.13 or 5.7.135 (a
/// public folder), 5.7.136 (a mail user). "Only an email administrator for the recipient's
/// organization can change this" (or the group's owner, for 5.7.133). Nothing is wrong on the
/// sender's side; the owner allows them.
pub(crate) const RESTRICTED_RECIPIENT: Playbook = Playbook {
    id: "microsoft-restricted-recipient",
    party: Some(Party::Microsoft),
    title: text! { ja: "宛先が特定の送信者からのメールしか受け付けない", en: "The recipient only accepts mail from some senders" },
    verdict: text! {
        ja: "宛先 {recipient}（多くはグループのアドレス）は、決められた送信者（相手の組織の人や、許可された人）からのメールしか受け付けない設定のため、Microsoft 365 が受け取りを拒否しました。",
        en: "The address {recipient} (often a group) only accepts mail from certain senders (people in its own organisation, or senders it allows), so Microsoft 365 refused your message.",
    },
    why: text! {
        ja: "グループやメールボックスの所有者が、受け付ける送信者を制限しています。あなたのパスワードやメールの設定、送信サーバーの問題ではありません。",
        en: "The owner of the group or mailbox limits who may send to it. Your password, your mail settings and your server are not the cause.",
    },
    actors: &[Actor::Recipient, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_SETTING,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "あなたの側で直すものはありません。パスワードや送信サーバーの設定は変えないでください。",
            en: "There is nothing to fix on your side: leave your password and outgoing server settings as they are.",
        }),
        Step::new(text! {
            ja: "電話や別のアドレスで相手に連絡し、グループの所有者（または相手の管理者）に、あなたのアドレスを送信を許可する人に加えてもらうか、外部からのメールを受け付けるよう設定してもらってください。下の文面をそのまま使えます。",
            en: "Contact the recipient by phone or another address and ask the group's owner (or their administrator) to add your address to the allowed senders, or to let the group take mail from outside. The message below says it.",
        }),
        Step::new(text! {
            ja: "急ぐ場合は、グループではなく担当者個人のアドレスを教えてもらい、そちらに送ってください。",
            en: "If it is urgent, ask for a person's own address instead of the group's and send it there.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(Message {
        to: To::Recipient,
        address: None,
        subject: text! {
            ja: "{recipient} 宛てのメールが受け付けられませんでした",
            en: "My mail to {recipient} was not accepted",
        },
        body: text! {
            ja: "お世話になっております。

{recipient} 宛てにメールをお送りしたところ、「このアドレスは決められた送信者からのメールしか受け付けない」という理由で返ってきてしまいました。

・エラー全文: {error_text}

お手数ですが、このアドレス（グループ）の所有者の方に、私のアドレスを送信を許可する人に加えていただくか、外部からのメールを受け付けるよう設定していただけますでしょうか。難しい場合は、代わりに送れるアドレスを教えていただけると助かります。

よろしくお願いいたします。",
            en: "Hello,

My mail to {recipient} came back because that address only accepts mail from certain senders.

- Full error: {error_text}

Could you ask the owner of this address (group) to add my address to its allowed senders, or to let it take mail from outside your organisation? If that is not possible, could you tell me another address to write to?

Thank you.",
        },
    }),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_GROUP],
    checked: CHECKED,
};

/// The recipient takes mail only from senders signed in to its own organisation (5.7.133 a
/// group, 5.7.134 a mailbox, 5.7.13 or 5.7.135 a public folder, 5.7.136 a mail user, 5.7.12 the
/// organisation; `RESOLVER.RST.AuthRequired` under 5.7.1). The table says the recipient's
/// administrator (or the group's owner) can change it for an outside sender; but a sender who
/// belongs to that organisation is refused too when the mail arrives without a sign-in (from a
/// personal address, a scanner or an app sending anonymously, a forwarding service), and then
/// the fix is theirs: send signed in with the organisation's address. Both cases are stated, and
/// neither is called "nothing to fix on your side".
pub(crate) const RESTRICTED_UNAUTHENTICATED: Playbook = Playbook {
    id: "microsoft-restricted-unauthenticated",
    title: text! {
        ja: "宛先が、サインインした組織内の送信者からのメールしか受け付けない",
        en: "The recipient only accepts mail from signed-in senders of its organisation",
    },
    verdict: text! {
        ja: "宛先 {recipient}（多くはグループのアドレス）は、その組織にサインインして送られたメールしか受け付けない設定のため、Microsoft 365 が受け取りを拒否しました。",
        en: "The address {recipient} (often a group) only accepts mail sent signed in to its own organisation, so Microsoft 365 refused your message.",
    },
    why: text! {
        ja: "その組織の外から送った場合は、グループの所有者か相手の管理者にしか変えられません。その組織の一員なのに拒否された場合は、メールがサインインなしで届いています（個人のアドレスから送った、複合機やアプリがサインインせずに送った、転送サービスを通った、など）。",
        en: "If you are outside that organisation, only the group's owner or its administrator can change this. If you belong to it, your mail arrived without a sign-in: sent from a personal address, by a scanner or an app that does not sign in, or through a forwarding service.",
    },
    actors: &[Actor::Sender, Actor::Recipient, Actor::RecipientAdmin],
    steps: &[
        Step::new(text! {
            ja: "あなたがその組織の一員なら（自分の会社のグループなど）、組織のアカウントにサインインして、組織のアドレスから送り直してください（Outlook や Outlook on the web から）。複合機やアプリから送っている場合は、組織のアカウントでサインインして（SMTP 認証）送るよう設定を直してもらってください。",
            en: "If you belong to that organisation (your own company's group, say), send it again signed in with your work account, from your work address (Outlook or Outlook on the web). If a scanner or an app sends the mail, have it set up to sign in with an account of the organisation (SMTP authentication).",
        })
        .link(
            text! { ja: "複合機やアプリから Microsoft 365 でメールを送る設定", en: "Microsoft: send from a device or an app with Microsoft 365" },
            DEVICE_DOC,
        ),
        Step::new(text! {
            ja: "その組織の外から送っている場合は、電話や別のアドレスで相手に連絡し、グループの所有者（または相手の管理者）に、あなたのアドレスを送信を許可する人に加えてもらうか、外部からのメールを受け付けるよう設定してもらってください。下の文面をそのまま使えます。",
            en: "If you are outside that organisation, contact the recipient by phone or another address and ask the group's owner (or their administrator) to add your address to the allowed senders, or to let it take mail from outside. The message below says it.",
        }),
        Step::new(text! {
            ja: "急ぐ場合は、グループではなく担当者個人のアドレスを教えてもらい、そちらに送ってください。",
            en: "If it is urgent, ask for a person's own address instead of the group's and send it there.",
        }),
        STEP_RESEND_ONCE,
    ],
    sources: &[SRC_NDR, SRC_GROUP, SRC_DEVICE],
    ..RESTRICTED_RECIPIENT
};

/// Wordings that name the restricted recipient whether or not the core named Microsoft
/// (lowercase fragments of the error text; `select.rs` looks at them before any code).
// "Your message couldn't be delivered because delivery to this group is restricted to
// authenticated senders." / "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required"
// Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
// (5.7.1: "Delivery not authorized" — the recipient's permissions)
// "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required" (and
// ...ForMailbox for 5.7.134): the same restriction under the table's own codes.
// "5.7.520 Access denied, Your organization does not allow external forwarding. ... AS(7555)"
// Source: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding
// "550 5.7.60 SMTP; Client does not have permissions to send as this sender" (and "...to send on
// behalf of the from address"): Exchange's SendAsDenied and SendOnBehalfOfDenied, under 5.7.60 in
// Exchange Online and 5.7.1 on-premises.
// "5.2.2 Submission quota exceeded" / "the sender's submission quota was exceeded": the sender's
// own rate limit, under a code whose usual meaning is the recipient's full mailbox.
pub(crate) const WORDINGS: &[(&str, &Playbook)] = &[
    ("resolver.rst.authrequired", &RESTRICTED_UNAUTHENTICATED),
    ("resolver.rst.notauthorized", &RESTRICTED_RECIPIENT),
    (
        "restricted to authenticated senders",
        &RESTRICTED_UNAUTHENTICATED,
    ),
    (
        "resolver.rst.sendernotauthenticated",
        &RESTRICTED_UNAUTHENTICATED,
    ),
    ("does not allow external forwarding", &FORWARDING_BLOCKED),
    // "550 5.7.520 Message blocked because it contains content identified as spam. AS(4810)":
    // the same status as the forwarding block, for Microsoft's spam filter's verdict on the
    // content (the core reads it `spamdetected`); the code's entry would name the forwarding.
    ("content identified as spam", &POLICY),
    ("permissions to send as this sender", &SEND_AS_DENIED),
    ("permissions to send on behalf of", &SEND_AS_DENIED),
    // "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied":
    // the same refusal as Exchange's store names it when a program submits.
    ("sendasdeniedexception", &SEND_AS_DENIED),
    ("submission quota", &SENDING_LIMIT),
    // The NDR's visible text, which carries no code: "The group sales only accepts messages from
    // people in its organization or on its allowed senders list" (5.7.124's restriction), and
    // "... because you weren't recognized as a valid sender" (5.1.8, "bad outbound sender").
    ("on its allowed senders list", &RESTRICTED_RECIPIENT),
    // "Your message can't be delivered because delivery to this address is restricted.": the
    // visible NDR of Exchange's 5.7.1 "Delivery not authorized" (the recipient, often a group,
    // takes mail only from allowed or internal senders), shown without its code.
    // Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
    (
        "delivery to this address is restricted",
        &RESTRICTED_RECIPIENT,
    ),
    ("recognized as a valid sender", &TENANT_BANNED),
    // "550;5.7.711 Access denied, bad inbound connector. AS(2204)", and the NDR's visible text
    // "your organization's email connector is suspected of sending spam or phish".
    // Source: https://learn.microsoft.com/en-us/defender-office-365/connectors-remove-blocked
    ("bad inbound connector", &CONNECTOR_RESTRICTED),
    (
        "email connector is suspected of sending spam",
        &CONNECTOR_RESTRICTED,
    ),
    // "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; ... Actual verdict is
    // Suspend": the same restriction of the sending account, met when a program or a mail
    // client submits through smtp.office365.com.
    // Source: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
    ("outboundspamexception", &TENANT_BANNED),
];

pub(crate) const RECIPIENT_NOT_FOUND: Playbook = Playbook {
    id: "microsoft-recipient-not-found",
    party: Some(Party::Microsoft),
    title: text! { ja: "Microsoft 365 に宛先が存在しない", en: "No such recipient in Microsoft 365" },
    verdict: text! {
        ja: "宛先 {recipient} は、相手の Microsoft 365 に存在しないため、受け取りを拒否されました。",
        en: "The address {recipient} does not exist in the recipient's Microsoft 365, so it was refused.",
    },
    why: text! {
        ja: "多くは入力の誤りか退職などで削除されたアドレスで、まれに相手側のアドレス帳の同期の不具合が原因です。",
        en: "Usually a typo or an address removed when someone left; rarely a directory sync problem on the recipient's side.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RIGHT_ADDRESS,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        STEP_CHECK_ADDRESS,
        Step::new(text! {
            ja: "正しいはずなら、電話などで相手に確認してください。相手が使っているアドレスなのに届かない場合は、下の文面を相手の管理者に渡してもらってください。",
            en: "If it looks right, confirm with the person by phone. If they do use it, ask them to pass the message below to their administrator.",
        }),
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: Some(MESSAGE_RECIPIENT_NOT_FOUND),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const BAD_HELO: Playbook = Playbook {
    id: "microsoft-bad-helo",
    party: Some(Party::Microsoft),
    title: text! { ja: "送信サーバーの名乗り（HELO）が不正（5.7.506）", en: "The sending server's greeting (HELO) is wrong (5.7.506)" },
    verdict: text! {
        ja: "送信サーバーが接続時に名乗った名前（HELO）が、受信側を装うような不正なものだったため、拒否されました。",
        en: "The name the sending server gave when connecting (its HELO) pretended to be the receiving side, so it was refused.",
    },
    why: text! {
        ja: "迷惑メール送信プログラムに多い動きで、自前のサーバーの設定ミスや、乗っ取られた機器が原因のことがあります。",
        en: "Spam programs behave this way; a misconfigured self-run server or a compromised device can also cause it.",
    },
    actors: &[Actor::SenderAdmin, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "送信サーバーの管理者に下の文面を送り、HELO に自分のサーバーの正式な名前を使うよう設定を直してもらってください。",
            en: "Send the message below to whoever runs the sending server, and ask them to make its HELO use the server's own full name.",
        }),
        STEP_CHECK_PC,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const IPV6_RATE: Playbook = Playbook {
    id: "microsoft-ipv6-rate",
    party: Some(Party::Microsoft),
    title: text! { ja: "IPv6 の送信量の上限を超えた（5.7.508）", en: "IPv6 sending limit exceeded (5.7.508)" },
    verdict: text! {
        ja: "送信元 IPv6 アドレス {ip} を含む範囲から、許される量を超えるメールが送られたため、拒否されました。",
        en: "More mail than allowed came from the IPv6 range that includes {ip}, so it was refused.",
    },
    why: text! {
        ja: "一斉送信や、同じ範囲を使う他の送信者の送信で上限に達することがあります。",
        en: "Bulk sending, or other senders in the same range, can reach the limit.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "送信量を減らしてから数時間", en: "Hours after sending less" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "送る量と速度を減らしてください。",
            en: "Send less and more slowly.",
        }),
        Step::new(text! {
            ja: "続く場合は、下の文面を送信サーバーの管理者（またはホスティング事業者）に送り、この宛先には IPv4 で送れないか相談してください。",
            en: "If it continues, send the message below to whoever runs your sending server (or your hosting company) and ask whether mail to this recipient can go over IPv4.",
        }),
    ],
    donts: &[DONT_RESEND_RATE],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const NO_IPV6: Playbook = Playbook {
    id: "microsoft-no-ipv6",
    party: Some(Party::Microsoft),
    title: text! { ja: "宛先が IPv6 での受信に対応していない（5.7.510）", en: "The recipient does not accept mail over IPv6 (5.7.510)" },
    verdict: text! {
        ja: "宛先のドメインは IPv6 でのメールを受け付けていませんが、送信サーバーが IPv6 で送ろうとしました。",
        en: "The recipient's domain does not accept mail over IPv6, but your server tried to send over IPv6.",
    },
    why: text! {
        ja: "送信サーバーが IPv6 を優先して使う設定になっていることが原因です。",
        en: "The sending server is set to prefer IPv6.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[Step::new(text! {
        ja: "送信サーバーの管理者かホスティング事業者に下の文面を送り、この宛先へは IPv4 で送るよう設定してもらってください。",
        en: "Send the message below to whoever runs your sending server and ask them to deliver to this recipient over IPv4.",
    })],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const FROM_HEADER: Playbook = Playbook {
    id: "microsoft-from-header",
    party: Some(Party::Microsoft),
    title: text! { ja: "差出人（From）の行が正しくない（5.7.512）", en: "The From line is missing or invalid (5.7.512)" },
    verdict: text! {
        ja: "メールの差出人（From）の行がないか形式が正しくないため、Microsoft 365 が受け取りを拒否しました。",
        en: "Microsoft 365 refused the message because its From line is missing or malformed.",
    },
    why: text! {
        ja: "システムやホームページのフォームなど、メールを自動で作るプログラムの設定や作りが原因です。",
        en: "A program that builds mail automatically (a system, a web form) is set up or written wrongly.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "プログラムを直せばすぐ", en: "Right away once the program is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[Step::new(text! {
        ja: "メールを送ったプログラムの開発者や管理者に下の文面を送り、差出人を「名前 <アドレス>」の正しい形式で入れるよう直してもらってください。",
        en: "Send the message below to whoever develops or runs the program, and ask them to write a valid From line (\"Name <address>\").",
    })],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const OWN_BLOCK: Playbook = Playbook {
    id: "microsoft-own-block",
    party: Some(Party::Microsoft),
    title: text! { ja: "自社の設定が宛先をブロックしている（5.7.703）", en: "Your own organisation blocks the recipient (5.7.703)" },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 の「テナントの許可/ブロック一覧（Tenant Allow/Block List）」で、宛先 {recipient} への送信がブロックされています。",
        en: "Your organisation's Microsoft 365 Tenant Allow/Block List blocks mail to {recipient}.",
    },
    why: text! {
        ja: "管理者が以前、迷惑メール対策などでその宛先やドメインをブロックに登録したためです。",
        en: "An administrator once added the address or its domain to the blocklist, for example to stop spam.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[Step::new(text! {
        ja: "社内の Microsoft 365 管理者に下の文面を送り、テナントの許可/ブロック一覧からその宛先のブロックを外してもらってください。",
        en: "Send the message below to your Microsoft 365 administrator and ask them to remove the entry from the Tenant Allow/Block List.",
    })
    .link(text! { ja: "テナントの許可/ブロック一覧について", en: "About the Tenant Allow/Block List" }, TABL_DOC)],
    donts: &[],
    message: Some(MESSAGE_OWN_BLOCK),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, Source { title: text! { ja: "Microsoft Learn: テナントの許可/ブロック一覧", en: "Microsoft Learn: Tenant Allow/Block List" }, url: TABL_DOC }],
    checked: CHECKED,
};

pub(crate) const POLICY: Playbook = Playbook {
    id: "microsoft-policy",
    party: Some(Party::Microsoft),
    title: text! { ja: "受信側の Microsoft 365 の保護機能による拒否", en: "Refused by the recipient's Microsoft 365 protection" },
    verdict: text! {
        ja: "受信側の Microsoft 365 の迷惑メール対策が、あなたのメールを受け取りませんでした。",
        en: "The spam protection of the recipient's Microsoft 365 did not accept your message.",
    },
    why: text! {
        ja: "送信元の評価、送信ドメイン認証の不備、本文や添付ファイルの内容、受信側の管理者の設定のいずれかが理由です。",
        en: "The reason is your sender's reputation, missing sender authentication, the content or attachments, or a setting of the recipient's administrator.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因により数時間から数日", en: "Hours to days, depending on the cause" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "エラー文に「banned sending IP」と書かれていれば、Microsoft のブロックリストです。Microsoft の解除申請ページ（delist portal）で、送信元 IP アドレス {ip} の解除を申請してください。",
            en: "If the error says \"banned sending IP\", it is Microsoft's blocklist: request removal of {ip} on Microsoft's delist portal.",
        })
        .linked(DELIST_PORTAL_LINK),
        Step::new(text! {
            ja: "ドメインの送信ドメイン認証（SPF・DKIM・DMARC）が設定されているか確認してください。",
            en: "Make sure your domain has sender authentication (SPF, DKIM, DMARC).",
        }),
        Step::new(text! {
            ja: "大切な相手なら、受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。管理者はあなたのドメインを許可できます。",
            en: "For an important recipient, contact them and ask them to pass the message below to their administrator, who can allow your domain.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_DELIST],
    checked: CHECKED,
};

// ---- The rest of the official NDR table -----------------------------------------------------

const FORWARDING_DOC: Url =
    learn_page!("defender-office-365/outbound-spam-policies-external-email-forwarding");
const LIMITS_DOC: Url = learn_page!(
    "office365/servicedescriptions/exchange-online-service-description/exchange-online-limits"
);
const DEVICE_DOC: Url = learn_page!("exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365");
const GROUP_DOC: Url = learn_page!(
    "troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-7-133-in-exchange-online"
);
const LOOP_DOC: Url = learn_page!(
    "troubleshoot/exchange/email-delivery/ndr/fix-error-code-5-4-6-through-5-4-20-in-exchange-online"
);

/// Microsoft's page on 5.7.520: the outbound spam filter policy's three settings, and that
/// "Automatic - System-controlled" now means "Off" (defender-docs, ms.date 2023-06-19).
const SRC_FORWARDING: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Microsoft 365 で外部への自動転送を管理する",
        en: "Microsoft Learn: Control automatic external email forwarding in Microsoft 365",
    },
    url: FORWARDING_DOC,
};
const SRC_LIMITS: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Exchange Online の制限（送信の制限）",
        en: "Microsoft Learn: Exchange Online limits (sending limits)",
    },
    url: LIMITS_DOC,
};
const SRC_DEVICE: Source = Source {
    title: text! {
        ja: "Microsoft Learn: 複合機やアプリから Microsoft 365 でメールを送る設定",
        en: "Microsoft Learn: Set up a multifunction device or application to send email using Microsoft 365",
    },
    url: DEVICE_DOC,
};
const SRC_GROUP: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Exchange Online のエラー コード 5.7.133 の解決",
        en: "Microsoft Learn: Fix email delivery issues for error code 5.7.133 in Exchange Online",
    },
    url: GROUP_DOC,
};
const SRC_LOOP: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Exchange Online のエラー コード 5.4.6 または 5.4.14 の解決",
        en: "Microsoft Learn: Fix email delivery issues for error code 5.4.6 or 5.4.14 in Exchange Online",
    },
    url: LOOP_DOC,
};

/// 5.7.520: the forwarding mailbox's owner asks their own administrator to allow it, for that
/// mailbox only.
const MESSAGE_ALLOW_FORWARDING: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "外部への自動転送の許可のお願い（{code}）",
        en: "Please allow automatic forwarding for my mailbox ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。私のメールボックスから {recipient} への自動転送が、次のエラーで止められています。当社の Microsoft 365 の送信スパム フィルター ポリシーで、外部への自動転送が許可されていないようです。

・エラー全文: {error_text}
・転送元のメールボックス:［転送を設定したメールアドレス］
・転送先: {recipient}
・日時: {date}

業務でこの転送が必要なため、お手数ですが、このメールボックスに適用される送信ポリシーで自動転送を許可していただけますでしょうか（組織全体ではなく、このメールボックスだけで構いません）。

よろしくお願いいたします。",
        en: "Hello,

Automatic forwarding from my mailbox to {recipient} is being stopped with the error below. It looks like our Microsoft 365 outbound spam filter policy does not allow automatic forwarding to outside addresses.

- Full error: {error_text}
- Forwarding mailbox: [the address that has the forwarding]
- Forwarded to: {recipient}
- Time: {date}

I need this forwarding for work. Could you please allow automatic forwarding in an outbound policy that applies to this mailbox (this mailbox alone is enough, not the whole organisation)?

Thank you.",
    },
};

/// 5.7.520 (AS(7555)): the forwarding mailbox's own organisation turned automatic forwarding to
/// outside addresses off. The notice goes to the mailbox that forwards; the final recipient has
/// nothing to do, and no list is involved.
pub(crate) const FORWARDING_BLOCKED: Playbook = Playbook {
    id: "microsoft-forwarding-blocked",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "組織の設定で外部への自動転送が止められている（5.7.520 / AS(7555)）",
        en: "Automatic forwarding to outside addresses is turned off (5.7.520 / AS(7555))",
    },
    verdict: text! {
        ja: "このメールは Microsoft 365 のメールボックスから {recipient} への自動転送でしたが、そのメールボックスの組織の設定で外部への自動転送が禁止されているため、送られませんでした。",
        en: "This message was being forwarded automatically from a Microsoft 365 mailbox to {recipient}, and that mailbox's own organisation does not allow automatic forwarding to outside addresses, so it was not sent.",
    },
    why: text! {
        ja: "Microsoft 365 では、外部への自動転送を送信スパム フィルター ポリシーで管理します。既定の「自動 - システム制御」はいまは「オフ」と同じで、受信トレイのルールやメールボックスの転送による外部への転送が止められます。ブロックリストへの掲載ではなく、転送先の側の問題でもありません。",
        en: "Microsoft 365 controls automatic forwarding to outside addresses in the outbound spam filter policy. Its default, \"Automatic - System-controlled\", now means \"Off\": forwarding to outside addresses by inbox rules or mailbox forwarding is stopped. It is not a blocklist listing, and nothing is wrong at the end of the address the mail is forwarded to.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "この通知は、転送の設定（受信トレイのルールやメールボックスの転送）があるメールボックスに届きます。自分で転送を設定した覚えがなければ、アカウントを乗っ取られて転送ルールを作られたおそれがあるので、すぐに管理者に知らせてください。",
            en: "This notice goes to the mailbox that has the forwarding (an inbox rule or mailbox forwarding). If you never set up forwarding, someone may have taken over the account and added the rule: tell your administrator right away.",
        }),
        Step::new(text! {
            ja: "転送が業務で必要なら、下の文面で社内の Microsoft 365 管理者に、このメールボックスだけ外部への自動転送を許可するよう依頼してください。管理者は、Microsoft Defender の迷惑メール対策ポリシー（送信）で、このメールボックスに適用するポリシーの自動転送を「オン」にします。",
            en: "If you need the forwarding for work, ask your Microsoft 365 administrator with the message below to allow automatic forwarding to outside addresses for this mailbox only. The administrator turns automatic forwarding \"On\" in an outbound anti-spam policy in Microsoft Defender that applies to this mailbox.",
        })
        .link(
            text! { ja: "Microsoft による外部への自動転送の説明", en: "Microsoft: control automatic external forwarding" },
            FORWARDING_DOC,
        ),
        Step::new(text! {
            ja: "許可されるまでは、必要なメールを手で転送するか、転送先の人に Microsoft 365 のメールボックスを直接見てもらってください。",
            en: "Until it is allowed, forward the messages you need by hand, or have the person read the Microsoft 365 mailbox directly.",
        }),
        Step::new(text! {
            ja: "転送がもう要らなければ、受信トレイのルールや転送の設定を削除してください。この通知は来なくなります。",
            en: "If the forwarding is no longer needed, delete the inbox rule or the forwarding setting, and these notices stop.",
        }),
    ],
    donts: &[text! {
        ja: "転送先（{recipient}）やその管理者に頼んだり、ブロックリストの解除を申請したりしないでください。止めているのは転送元の組織の設定で、転送先では直せません。",
        en: "Do not ask the address the mail is forwarded to ({recipient}) or its administrator, and do not file a blocklist removal: the setting that stops the mail belongs to the forwarding organisation, and the receiving side cannot change it.",
    }],
    message: Some(MESSAGE_ALLOW_FORWARDING),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_FORWARDING, SRC_NDR],
    checked: CHECKED,
};

/// Microsoft's description of the "Send As" right, given per mailbox by an administrator.
const SEND_AS_DOC: Url =
    learn_page!("powershell/module/exchangepowershell/get-exorecipientpermission");
const SRC_SEND_AS: Source = Source {
    title: text! {
        ja: "Microsoft Learn: Get-EXORecipientPermission（「送信者として送信（Send As）」の権限）",
        en: "Microsoft Learn: Get-EXORecipientPermission (the Send As permission)",
    },
    url: SEND_AS_DOC,
};

/// 5.7.60: the administrator grants the right, or says which address to use.
const MESSAGE_SEND_AS: Message = Message {
    to: To::Microsoft365Admin,
    address: None,
    subject: text! {
        ja: "差出人アドレスでの送信（Send As）の権限のお願い（{code}）",
        en: "Please give me Send As permission for the address I send from ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てにメールを送ろうとしたところ、当社の Microsoft 365 に次のエラーで断られました。サインインしているアカウントに、差出人にしたアドレスで送る権限（Send As）がないようです。

・エラー全文: {error_text}
・差出人にしたアドレス:［差出人にしたメールアドレス（共有メールボックスなど）］
・サインインしているアカウント:［自分のメールアドレス］
・送信日時: {date}

業務でこのアドレスから送る必要があるため、お手数ですが、私のアカウントにこのアドレスの「送信者として送信（Send As）」または「代理人として送信（Send on Behalf）」の権限を付けていただけますでしょうか。アプリや機器から送っている場合は、どのアカウントで送るべきかも教えてください。

よろしくお願いいたします。",
        en: "Hello,

I tried to send a message to {recipient}, and our Microsoft 365 refused it with the error below. The account I am signed in with does not seem to have the right to send as the From address I used.

- Full error: {error_text}
- From address I used: [the From address, for example a shared mailbox]
- Account I am signed in with: [your own address]
- Sent at: {date}

I need to send from this address for work. Could you please give my account Send As (or Send on Behalf) permission for it? If the mail comes from an app or a device, could you also tell me which account it should send with?

Thank you.",
    },
};

/// 5.7.60 "Client does not have permissions to send as this sender" (Exchange's `SendAsDenied`;
/// on-premises Exchange writes the same words under 5.7.1), and its "send on behalf" twin: the
/// sender's own Microsoft 365 refused the message before it left, because the account that
/// signed in may not use that From address. The recipient has nothing to do; it is a
/// permission of the sender's own organisation, like a submission server's login check
/// (`generic-sender-login-mismatch`), but Microsoft 365 names neither address, and the fix is a
/// mailbox permission rather than an alias.
pub(crate) const SEND_AS_DENIED: Playbook = Playbook {
    id: "microsoft-send-as-denied",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "差出人アドレスで送る権限（Send As）がない（5.7.60）",
        en: "No permission to send as that From address (5.7.60)",
    },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 が、メールを送り出す前に断りました。サインインしているアカウントに、差出人にしたアドレスで送る権限（Send As）がないためです。受信側が拒否したのではありません。",
        en: "Your own organisation's Microsoft 365 refused to send the message: the account you are signed in with does not have permission to send as the From address you used. The receiving side refused nothing.",
    },
    why: text! {
        ja: "共有メールボックスや同僚、別の部署のアドレスを差出人にして送るには、管理者がそのアドレスについて「送信者として送信（Send As）」か「代理人として送信（Send on Behalf）」の権限を付ける必要があります。アプリや複合機が、サインインしたアカウントとは別のアドレスを差出人にしている場合にも起こります。",
        en: "To send from a shared mailbox, a colleague's or another department's address, an administrator must give your account \"Send As\" (or \"Send on Behalf\") permission for that address. It also happens when an app or a device signs in with one account and puts another address in From.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_TENANT,
    steps: &[
        Step::new(text! {
            ja: "すぐに送るには、差出人を自分のアドレス（サインインしているアカウントのアドレス）に戻して送り直してください。Outlook では「差出人」欄を自分のアドレスにします。",
            en: "To send it now, send it again with your own address (the account you are signed in with) as the sender: in Outlook, set the From field back to your own address.",
        }),
        Step::new(text! {
            ja: "これからもそのアドレス（共有メールボックスなど）から送る必要があるなら、下の文面で社内の Microsoft 365 管理者に、そのアドレスの「送信者として送信（Send As）」または「代理人として送信（Send on Behalf）」の権限を付けてもらってください。付いてから使えるようになるまで、しばらく（1 時間ほど）かかることがあります。",
            en: "If you need to keep sending from that address (a shared mailbox, for example), ask your Microsoft 365 administrator with the message below to give your account Send As (or Send on Behalf) permission for it. It can take a while (about an hour) before a new permission works.",
        })
        .link(
            text! { ja: "Microsoft による Send As の権限の説明", en: "Microsoft: the Send As permission" },
            SEND_AS_DOC,
        ),
        Step::new(text! {
            ja: "アプリや複合機、Web サイトから送っている場合は、差出人をサインインに使うアカウントのアドレスと同じにするか、そのアカウントに差出人のアドレスの Send As の権限を付けてもらってください。",
            en: "If an app, a device or a website sends the mail, make its From address the same as the account it signs in with, or have that account given Send As permission for the From address.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "受信者やその管理者に問い合わせたり、ブロックリストの解除を申請したりしないでください。メールは送り出される前に、あなたの組織の Microsoft 365 で止められています。",
            en: "Do not ask the recipient or their administrator, and do not file a blocklist removal: your own organisation's Microsoft 365 stopped the mail before it left.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(MESSAGE_SEND_AS),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_SEND_AS, SRC_NDR],
    checked: CHECKED,
};

/// 5.1.90, 5.2.2 "Submission quota exceeded", 5.7.232, 5.7.233: the sender's own account or
/// organisation reached Microsoft 365's recipient rate limit; the count is over a rolling day.
pub(crate) const SENDING_LIMIT: Playbook = Playbook {
    id: "microsoft-sending-limit",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "Microsoft 365 の送信数の上限に達した",
        en: "You reached a Microsoft 365 sending limit",
    },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 で、送信に使ったアカウント（または組織全体）が、一定の時間に送れる宛先の数の上限に達したため、メールは送られませんでした。",
        en: "The account you sent from (or your whole Microsoft 365 organisation) reached the number of recipients it may send to in a given time, so the message was not sent.",
    },
    why: text! {
        ja: "Microsoft 365 には、アカウントごとの 1 日の宛先数や、組織全体で外部に送れる宛先数の上限があり、直近 24 時間の送信で数えられます。一斉送信が主な原因ですが、乗っ取られたアカウントが迷惑メールを送っていることもあります。",
        en: "Microsoft 365 limits how many recipients an account may send to in a day, and how many outside recipients an organisation may send to, counted over the last 24 hours. Bulk sending is the usual cause, but a hijacked account sending spam can be too.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "直近 24 時間の送信数が上限を下回りしだい",
        en: "As soon as the last 24 hours' count falls under the limit",
    },
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "時間をおいて（長くても 24 時間）、届かなかった宛先にだけ送り直してください。上限は直近 24 時間の送信数で数えられるため、時間がたてば送れるようになります。",
            en: "Wait (24 hours at most), then resend to the recipients that failed only: the limit counts the last 24 hours, so sending works again as time passes.",
        }),
        Step::new(text! {
            ja: "多くの相手に送る必要があるときは、何日かに分けて送るか、一斉配信向けのサービスを使ってください。上限については、下の文面で社内の管理者に相談してください。",
            en: "If you need to write to many people, spread the sending over several days or use a bulk-mail service. Ask your administrator about the limits with the message below.",
        })
        .link(
            text! { ja: "Exchange Online の送信の制限", en: "Exchange Online sending limits" },
            LIMITS_DOC,
        ),
    ],
    donts: &[DONT_RESEND_RATE],
    message: Some(MESSAGE_TENANT_RESTRICTED),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_LIMITS],
    checked: CHECKED,
};

/// 5.2.121 / 5.2.122: the recipient's mailbox takes only so many messages an hour (from one
/// sender, or from all). The sender waits and sends fewer.
pub(crate) const RECEIVE_LIMIT: Playbook = Playbook {
    id: "microsoft-receive-limit",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "宛先が 1 時間に受け取れるメールの数を超えた（5.2.121、5.2.122）",
        en: "The recipient's hourly receiving limit was reached (5.2.121, 5.2.122)",
    },
    verdict: text! {
        ja: "宛先 {recipient} の Microsoft 365 のメールボックスが、1 時間に受け取れるメールの数の上限（あなたからの数、またはすべての送信者からの数）に達したため、このメールは受け取られませんでした。",
        en: "The Microsoft 365 mailbox {recipient} reached the number of messages it takes in an hour (from you, or from all senders together), so it did not take this one.",
    },
    why: text! {
        ja: "自動通知のシステムなどから一度に大量のメールが届き、受信トレイがあふれるのを防ぐための上限です。あなたのアカウントやサーバーの問題ではありません。",
        en: "The limit keeps inboxes from being flooded by automated notification systems and other mail storms. Your account and your server are not at fault.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "多くは 1 時間ほど", en: "Usually about an hour" },
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "1 時間ほど待ってから、一度だけ送り直してください。",
            en: "Wait about an hour, then send the message again, once.",
        }),
        Step::new(text! {
            ja: "システムから自動でメールを送っている場合は、同じ宛先に 1 時間に送る数を減らしてください（通知をまとめるなど）。",
            en: "If a system sends this mail automatically, send fewer messages an hour to this recipient (combine notifications, for example).",
        }),
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// 5.7.64 and 5.3.190: a setting between the organisation's own servers and its Microsoft 365
/// (an inbound connector, journaling) does not fit; its administrator fixes it.
pub(crate) const OWN_SETTING: Playbook = Playbook {
    id: "microsoft-own-setting",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "自社のメールの設定で止められた（5.7.64、5.3.190）",
        en: "Stopped by a setting of your own organisation (5.7.64, 5.3.190)",
    },
    verdict: text! {
        ja: "あなたの組織の Microsoft 365 と社内のメールサーバーの間の設定（受信コネクタやジャーナル ルール）が合っていないため、このメールは受け付けられませんでした。",
        en: "The message was not accepted because a setting between your organisation's Microsoft 365 and its own mail servers (an inbound connector, a journaling rule) does not fit.",
    },
    why: text! {
        ja: "5.7.64 は、社内のメールサーバーから Microsoft 365 へメールを渡す受信コネクタが、社内側の変更のあとで合わなくなったときに起こります。5.3.190 は、社内のジャーナル ルールが Microsoft 365 に送る設定なのに、組織でジャーナル アーカイブが有効になっていないときに起こります。",
        en: "5.7.64 happens when the inbound connector that takes mail from your own servers into Microsoft 365 no longer fits them after a change on your side. 5.3.190 happens when an on-premises journaling rule sends to Microsoft 365 but the organisation has not turned on Journaling Archive.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_TELL_ADMIN_SOON,
        Step::new(text! {
            ja: "管理者は、Exchange 管理センターで受信コネクタ（5.7.64）またはジャーナルの設定（5.3.190）を確認して直します。",
            en: "The administrator checks and fixes the inbound connector (5.7.64) or the journaling setup (5.3.190) in the Exchange admin center.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// 5.4.6 (on-premises Exchange) and 5.4.14 (Exchange Online): a mail loop, stopped after 20
/// rounds. Forwarding on either side, or MX records and connectors, are the usual cause.
pub(crate) const ROUTING_LOOP: Playbook = Playbook {
    id: "microsoft-routing-loop",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "メールが転送を繰り返してループした（5.4.14、5.4.6）",
        en: "The message went round in a loop (5.4.14, 5.4.6)",
    },
    verdict: text! {
        ja: "{recipient} 宛てのメールが、転送や配送の設定の誤りでサーバーの間を回り続けたため、途中で止められました。",
        en: "The message to {recipient} kept going round between servers because of a forwarding or routing mistake, so it was stopped.",
    },
    why: text! {
        ja: "自動転送で元のアドレスにまた転送される設定（受信トレイのルールやメールボックスの転送）や、MX レコードやコネクタの設定の誤りで、同じメールが何度も回るときに起こります。Exchange は 20 回回ったところで止めます。",
        en: "It happens when automatic forwarding sends the message back where it came from (inbox rules, mailbox forwarding), or when MX records or connectors point the wrong way. Exchange stops the loop after 20 rounds.",
    },
    actors: &[Actor::SenderAdmin, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "あなたのメールボックスに、この宛先へ転送するルールや転送の設定がないか確認してください。",
            en: "Check whether your own mailbox has an inbox rule or forwarding that sends mail on to this address.",
        }),
        Step::new(text! {
            ja: "宛先の人にも、メールを自動で転送していないか（あなたや別のアドレスへ）確認してもらってください。",
            en: "Ask the recipient whether their mailbox forwards mail automatically (back to you, or to another address).",
        }),
        Step::new(text! {
            ja: "どちらにもなければ、下の文面で社内の管理者に、MX レコードやコネクタの設定の確認を依頼してください。",
            en: "If neither does, ask your administrator with the message below to check the MX records and connectors.",
        })
        .link(
            text! { ja: "Microsoft による 5.4.6 / 5.4.14 の説明", en: "Microsoft: error code 5.4.6 or 5.4.14" },
            LOOP_DOC,
        ),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_LOOP],
    checked: CHECKED,
};

/// 5.7.57 to the sender's administrator: the sign-in of whatever connected to smtp.office365.com
/// (an app, a device, a script, or a connector that points there), not the domain's DNS.
/// "You must also verify that SMTP AUTH is enabled for the mailbox being used" (DEVICE_DOC).
const MESSAGE_SMTP_CLIENT_AUTH: Message = Message {
    to: To::SenderAdmin,
    address: None,
    subject: text! {
        ja: "smtp.office365.com での送信がサインインなしとして断られました（{code}）",
        en: "Mail refused at smtp.office365.com as not signed in ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。Microsoft の説明では、smtp.office365.com に接続したアプリや機器がサインインしていないときのエラーです。

・エラー全文: {error_text}
・エラーコード: {code}
・送信日時: {date}
・送信に使ったもの:［アプリ・機器・プログラムの名前、または Outlook］

お手数ですが、次の点をご確認いただけますでしょうか。
1. 送信に使うアプリや機器が、メールボックスを持つアカウントのユーザー名とパスワードでサインインし、TLS を使っているか。
2. そのメールボックスで SMTP AUTH（認証付きの SMTP 送信）が許可されているか。
3. Outlook からいつもどおり送っただけの場合は、当社のコネクタが smtp.office365.com に送っていないか、または相手のサーバーがサインインを求めているのか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. Microsoft describes it as the error an app or device gets at smtp.office365.com when it has not signed in.

- Full error: {error_text}
- Code: {code}
- Sent at: {date}
- Sent with: [the app, device or script, or Outlook]

Could you please check:
1. Whether the app or device that sends signs in with the user name and password of an account that has a mailbox, over TLS.
2. Whether SMTP AUTH (authenticated SMTP submission) is allowed for that mailbox.
3. If I only sent from Outlook as usual: whether one of our connectors sends through smtp.office365.com, or whether the recipient's server asks for a sign-in.

Thank you.",
    },
};

/// 5.7.57: an application or device sends through smtp.office365.com without signing in.
pub(crate) const SMTP_CLIENT_AUTH: Playbook = Playbook {
    id: "microsoft-smtp-client-auth",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "アプリや機器がサインインせずに送信した（5.7.57）",
        en: "An app or device sent without signing in (5.7.57)",
    },
    verdict: text! {
        ja: "アプリや機器（複合機など）が smtp.office365.com を通してメールを送ろうとしましたが、Microsoft 365 にサインインしていなかったため、受け付けられませんでした。",
        en: "An app or device (a multifunction printer, say) tried to send mail through smtp.office365.com without signing in to Microsoft 365, so the mail was not accepted.",
    },
    why: text! {
        ja: "smtp.office365.com から送るには、Exchange Online のメールボックスを持つユーザーのアカウントでのサインインが必要で、サインインには TLS（暗号化）が必要です。アプリや機器の設定でアカウントの情報が違っているか、TLS を使えないと起こります。",
        en: "Sending through smtp.office365.com needs a sign-in with the account of a user who has an Exchange Online mailbox, and signing in needs TLS (encryption). It happens when the app or device has the wrong account details or cannot use TLS.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "アプリや機器の送信の設定で、ユーザー名（メールアドレス）とパスワードが正しいか確認してください。",
            en: "In the app's or device's mail settings, check that the user name (the mail address) and the password are right.",
        }),
        Step::new(text! {
            ja: "TLS（STARTTLS）を使う設定になっているか確認してください。古い機器は TLS に対応していないことがあります。",
            en: "Check that it is set to use TLS (STARTTLS); older devices may not support it.",
        })
        .link(
            text! { ja: "Microsoft による複合機やアプリの設定方法", en: "Microsoft: set up a device or application to send email" },
            DEVICE_DOC,
        ),
        // The NDR's own text (Exchange Online's template for refused anonymous mail) can say
        // "only the recipient's email admin" can fix it, while Microsoft's page for 5.7.57 is
        // about an app or device at smtp.office365.com that did not sign in (held-out s, 54).
        // Source: Microsoft, "Fix email delivery issues for error code 5.7.57 in Exchange Online"
        // ("When you connect to the smtp.office365.com endpoint ... you need to authenticate";
        // "the problem lies within the configuration of the application or device").
        Step::new(text! {
            ja: "返ってきた通知の本文に「宛先の管理者だけが直せる」とあっても、Microsoft の 5.7.57 の説明は smtp.office365.com に送るアプリや機器がサインインしていないことについてです。アプリや機器、プログラムから送ったのなら上の設定を直し、Outlook からいつもどおり送ったのなら、下の文面で社内の管理者に、自社のコネクタと相手のサーバーのどちらがサインインを求めたのか確かめてもらってください。",
            en: "Even if the bounce's own text says only the recipient's administrator can fix it, Microsoft's page for 5.7.57 is about an app or device sending through smtp.office365.com without signing in: if an app, device or script sent this mail, fix its settings as above; if you sent it from Outlook as usual, ask your administrator with the message below to find out whether your organisation's connector or the recipient's server asked for the sign-in.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SMTP_CLIENT_AUTH),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_NDR, SRC_DEVICE],
    checked: CHECKED,
};

/// 5.7.800 "Access denied, banned sender": the message's EHLO, envelope or From domain is
/// banned for spam; Microsoft support restores it.
pub(crate) const DOMAIN_BANNED: Playbook = Playbook {
    id: "microsoft-domain-banned",
    party: Some(Party::Microsoft),
    title: text! {
        ja: "送信元ドメインの送信禁止（5.7.800）",
        en: "Your sending domain is banned (5.7.800)",
    },
    verdict: text! {
        ja: "このメールの送信元ドメイン（接続時の名乗り、封筒の差出人、または差出人欄のドメイン）が、迷惑メールの送信を理由に Microsoft 365 で禁止されています。",
        en: "The sending domain of this message (in the HELO, the envelope sender or the From line) has been banned by Microsoft 365 because spam was detected from it.",
    },
    why: text! {
        ja: "Microsoft は、このドメインからの迷惑メールの送信を検知したと説明しています。乗っ取られたアカウントからの送信が原因のことがよくあります。",
        en: "Microsoft says it detected spam sent with this domain; mail from hijacked accounts is a frequent cause.",
    },
    actors: &[Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_MICROSOFT_SUPPORT,
    prepare: PREPARE_TENANT,
    steps: &[
        STEP_TELL_ADMIN,
        Step::new(text! {
            ja: "管理者は、乗っ取られたアカウントがないか確かめて対処したうえで、Microsoft サポートに連絡し、ドメインの送信禁止の解除を依頼します。",
            en: "The administrator looks for hijacked accounts and secures them, then contacts Microsoft support to have the domain's ban lifted.",
        })
        .linked(ADMIN_CENTER_LINK),
    ],
    donts: &[DONT_RESEND],
    message: Some(MESSAGE_TENANT_RESTRICTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Codes ----------------------------------------------------------------------------------

/// 5.7.502 and 5.7.503 read the same ("Access denied, banned sender").
const MEANING_BANNED_ACCOUNT: Text = text! {
    ja: "送信アカウントが送信を禁止されています",
    en: "The sending account is banned",
};

/// Quoted texts are from Microsoft's NDR table ("Email non-delivery reports and SMTP errors in
/// Exchange Online"), https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
const CODES: &[CodeEntry] = &[
    // "Access denied, please try again later"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "4.7.500-699",
        Reason::BadReputation,
        text! {
            ja: "不審な動きの評価中のため、一時的に受信を制限しています",
            en: "Sending is temporarily restricted while suspicious activity is evaluated",
        },
        &THROTTLED,
    ),
    // "Access denied, please try again later"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "4.7.850-899",
        Reason::BadReputation,
        text! {
            ja: "送信元 IP アドレスの評価中のため、一時的に受信を制限しています",
            en: "The sending IP is temporarily restricted while it is evaluated",
        },
        &THROTTLED,
    ),
    // "Access denied, a message sent over IPv6 [..] must pass either SPF or DKIM validation"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "4.7.26",
        Reason::AuthFailure,
        text! {
            ja: "IPv6 で送るメールは SPF か DKIM に合格する必要があります",
            en: "Mail sent over IPv6 must pass SPF or DKIM",
        },
        &IPV6_AUTH,
    ),
    // "Access denied, the sending IPv6 address [..] must have a reverse DNS record"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.25",
        Reason::RequirePtr,
        text! {
            ja: "送信元の IPv6 アドレスに逆引き（PTR）が必要です",
            en: "The sending IPv6 address must have a reverse DNS record",
        },
        &IPV6_PTR,
    ),
    // "The message was rejected because of Sender Policy Framework violation"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.23",
        Reason::AuthFailure,
        text! {
            ja: "SPF の検証に失敗したため拒否されました",
            en: "Rejected because of a Sender Policy Framework (SPF) violation",
        },
        &SPF_FAIL,
    ),
    // "Delivery not authorized" / "Unable to relay" / "Client was not authenticated"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.1",
        Reason::SecurityError,
        text! {
            ja: "宛先への送信が許可されていないか、中継や認証の設定の問題です",
            en: "Delivery not authorised, or a relay or authentication problem",
        },
        &NOT_AUTHORIZED,
    )
    .keywords("relay"),
    // "Access denied, spam abuse detected"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.501",
        Reason::SecurityError,
        text! {
            ja: "送信アカウントが迷惑メールの送信で停止されました",
            en: "The sending account was banned for spam",
        },
        &TENANT_BANNED,
    ),
    // "Access denied, banned sender"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.502",
        Reason::SecurityError,
        MEANING_BANNED_ACCOUNT,
        &TENANT_BANNED,
    ),
    // "Access denied, banned sender"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.503",
        Reason::SecurityError,
        MEANING_BANNED_ACCOUNT,
        &TENANT_BANNED,
    ),
    // "Recipient address rejected: Access denied"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.504",
        Reason::UserUnknown,
        text! {
            ja: "宛先のアドレスが無効です",
            en: "The recipient address is not valid",
        },
        &RECIPIENT_NOT_FOUND,
    ),
    // "Access denied, banned recipient"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.505",
        Reason::Rejected,
        text! {
            ja: "宛先のアドレスが受信を禁止されています",
            en: "The recipient address is banned",
        },
        &NOT_AUTHORIZED,
    ),
    // "Access Denied, Bad HELO"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.506",
        Reason::PolicyViolation,
        text! {
            ja: "送信サーバーの名乗り（HELO）が受信側を装っています",
            en: "The sending server's HELO impersonates the receiver",
        },
        &BAD_HELO,
    ),
    // "Access denied, [IP] has exceeded permitted limits within $range range"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.508",
        Reason::Speeding,
        text! {
            ja: "IPv6 の範囲ごとの送信量の上限を超えました",
            en: "The IPv6 range exceeded its permitted limits",
        },
        &IPV6_RATE,
    ),
    // "Access denied, sending domain [D] does not pass DMARC verification and has a DMARC policy of reject."
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.509",
        Reason::AuthFailure,
        text! {
            ja: "差出人のドメインが DMARC に失敗し、そのドメインの方針が reject です",
            en: "The sender domain failed DMARC and its policy is reject",
        },
        &DMARC_REJECT,
    ),
    // "Access denied, [D] does not accept email over IPv6"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.510",
        Reason::NetworkError,
        text! {
            ja: "宛先のドメインは IPv6 でのメールを受け付けていません",
            en: "The recipient domain does not accept mail over IPv6",
        },
        &NO_IPV6,
    ),
    // "Access denied, banned sender" (IP not eligible for the delist portal)
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.511",
        Reason::Blocked,
        text! {
            ja: "送信元 IP アドレスが禁止されており、解除申請ページ（delist portal）では解除できません",
            en: "The sending IP is banned and not eligible for the delist portal",
        },
        &BANNED_SENDER,
    ),
    // "Access denied, message must be RFC 5322 section 3.6.2 compliant"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.512",
        Reason::NotCompliantRfc,
        text! {
            ja: "差出人（From）の行がないか、正しくありません",
            en: "The From line is missing or invalid",
        },
        &FROM_HEADER,
    ),
    // "Access denied, banned sending IP [IP]. To request removal from this list please visit https://sender.office.com/ ..."
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.606-649",
        Reason::Blocked,
        text! {
            ja: "送信元 IP アドレスが Microsoft のブロックリストに掲載されています",
            en: "The sending IP is on Microsoft's blocklist",
        },
        &BANNED_IP,
    ),
    // Tenant recipient block policy
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.703",
        Reason::PolicyViolation,
        text! {
            ja: "自社のテナントの許可/ブロック一覧が宛先をブロックしています",
            en: "Your own Tenant Allow/Block List blocks the recipient",
        },
        &OWN_BLOCK,
    ),
    // "Access denied, tenant has exceeded threshold"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.705",
        Reason::SecurityError,
        text! {
            ja: "送信側の組織全体が迷惑メール・大量メールの送信で制限されています",
            en: "The sending organisation exceeded its spam or bulk threshold",
        },
        &TENANT_THRESHOLD,
    ),
    // "Access denied, bad inbound connector. AS(2204)" (written "550;5.7.711")
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.711",
        Reason::Rejected,
        text! {
            ja: "送信側の組織の受信コネクタが、乗っ取りの疑いで止められています",
            en: "The sending organisation's inbound connector is blocked as possibly compromised",
        },
        &CONNECTOR_RESTRICTED,
    ),
    // "Access denied, traffic not accepted from this IP"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.708",
        Reason::BadReputation,
        text! {
            ja: "新しい組織の評価の低い IP アドレスからの送信は受け付けられません",
            en: "Traffic from this low-reputation IP of a new organisation is not accepted",
        },
        &NEW_TENANT,
    ),
    // "Service unavailable. Client blocked from sending from unregistered domains"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.750",
        Reason::PolicyViolation,
        text! {
            ja: "登録されていないドメインからの送信が止められました",
            en: "Sending from unregistered domains is blocked",
        },
        &UNREGISTERED_DOMAIN,
    ),
    // "Recipient address rejected: Access denied" (directory-based edge blocking)
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.4.1",
        Reason::UserUnknown,
        text! {
            ja: "宛先が受信側の組織に存在しません",
            en: "The recipient does not exist in the receiving organisation",
        },
        &RECIPIENT_NOT_FOUND,
    ),
    // "... blocked by <recipientDomain> using Customer Block list (AS16012607)"
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.7.513",
        Reason::Blocked,
        text! {
            ja: "受信側の組織が独自のブロックリストで送信元を拒否しています",
            en: "The recipient organisation blocks the sender with its own blocklist",
        },
        &recipient_org::CUSTOMER_BLOCK,
    )
    .issued_by(Party::Microsoft),
    // "Access denied, rejected by recipient"
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.7.507",
        Reason::Blocked,
        text! {
            ja: "受信側の組織が送信元 IP アドレスをブロックしています",
            en: "The recipient organisation blocked the sending IP",
        },
        &recipient_org::CUSTOMER_BLOCK,
    )
    .issued_by(Party::Microsoft),
    // ---- The rest of the official table (copy of 2024-03-08, with the rows added on
    // 2026-01-07), and 5.7.520 from Microsoft's page on external forwarding. ----
    // "Connection refused [Message=Socket error code 10061]": the outside server cannot be reached.
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "4.4.316",
        Reason::NetworkError,
        text! {
            ja: "Microsoft 365 から相手のメールサーバーに接続できません（接続を拒否された）",
            en: "Microsoft 365 cannot connect to the recipient's mail server (connection refused)",
        },
        &super::generic::NETWORKERROR,
    )
    .issued_by(Party::Microsoft),
    // "Message expired": the message waited in the queue until it expired, usually because of
    // the receiving server.
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "4.4.7",
        Reason::Expired,
        text! {
            ja: "相手のサーバーに届けられないまま、配送の期限が切れました",
            en: "The message expired in the queue before the receiving server took it",
        },
        &super::generic::EXPIRED,
    )
    .issued_by(Party::Microsoft),
    // "Message expired": the destination never answered, or the NDR itself could not be delivered.
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.4.300",
        Reason::Expired,
        text! {
            ja: "相手のサーバーが応答しないまま、配送の期限が切れました",
            en: "The message expired because the destination server never answered",
        },
        &super::generic::EXPIRED,
    )
    .issued_by(Party::Microsoft),
    // "MX hosts of <domain> failed MTA-STS validation"
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "4.4.8",
        Reason::FailedStartTls,
        text! {
            ja: "宛先ドメインの MX が、そのドメインの MTA-STS の方針と合っていません",
            en: "The recipient domain's MX host does not match its own MTA-STS policy",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.4.8",
        Reason::FailedStartTls,
        text! {
            ja: "宛先ドメインの MX が、そのドメインの MTA-STS の方針と合っていません",
            en: "The recipient domain's MX host does not match its own MTA-STS policy",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    // "Remote certificate failed MTA-STS validation. Reason: <validityStatus>"
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "4.7.5",
        Reason::FailedStartTls,
        text! {
            ja: "相手のメールサーバーの証明書が MTA-STS の検証に通りません",
            en: "The receiving server's certificate failed MTA-STS validation",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.7.5",
        Reason::FailedStartTls,
        text! {
            ja: "相手のメールサーバーの証明書が MTA-STS の検証に通りません",
            en: "The receiving server's certificate failed MTA-STS validation",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    // "starttls-not-supported", "certificate-expired", "tlsa-invalid", "dnssec-invalid",
    // "certificate-host-mismatch": DANE and TLS checks of the destination server.
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "4.7.321-325",
        Reason::FailedStartTls,
        text! {
            ja: "相手のメールサーバーの TLS・証明書・DANE（DNSSEC）の検証に失敗しました",
            en: "The receiving server failed a TLS, certificate or DANE (DNSSEC) check",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.7.321-325",
        Reason::FailedStartTls,
        text! {
            ja: "相手のメールサーバーの TLS・証明書・DANE（DNSSEC）の検証に失敗しました",
            en: "The receiving server failed a TLS, certificate or DANE (DNSSEC) check",
        },
        &super::generic::FAILEDSTARTTLS,
    )
    .issued_by(Party::Microsoft),
    // "Too many recipients": more than 200 envelope recipients of one domain in one message.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "4.5.3",
        Reason::TooManyConn,
        text! {
            ja: "1 通のメールの同じドメイン宛ての宛先が 200 を超えています（分けて送る必要があります）",
            en: "More than 200 envelope recipients of one domain in one message (they must be split)",
        },
        &super::generic::TOOMANYCONN,
    ),
    // A generic catch-all of the recipient's organisation ("x-dg-ref header is too long", AS345).
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.0.350",
        Reason::PolicyViolation,
        text! {
            ja: "受信側の組織による、さまざまな理由の拒否をまとめたコードです",
            en: "A catch-all refusal by the recipient's organisation, for many different reasons",
        },
        &super::generic::POLICYVIOLATION,
    )
    .issued_by(Party::Microsoft),
    // "Sender denied": often a reply to a message saved to a file, whose recipient could not
    // be resolved.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.1.0",
        Reason::UserUnknown,
        text! {
            ja: "宛先を解決できませんでした（保存したメールへの返信などで起こります）",
            en: "The recipient could not be resolved (a reply to a saved message, for example)",
        },
        &RECIPIENT_NOT_FOUND,
    ),
    // "Recipient not found": not found by SMTP address lookup.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.1.10",
        Reason::UserUnknown,
        text! {
            ja: "宛先のアドレスが受信側の組織で見つかりません",
            en: "The recipient address was not found in the receiving organisation",
        },
        &RECIPIENT_NOT_FOUND,
    ),
    // "550 5.5.0 Requested action not taken: mailbox unavailable": an @hotmail.com or
    // @outlook.com address that was not found.
    CodeEntry::enhanced(
        Some(Party::OutlookCom),
        "5.5.0",
        Reason::UserUnknown,
        text! {
            ja: "Outlook.com / Hotmail の宛先のアドレスが見つかりません",
            en: "The Outlook.com or Hotmail recipient address was not found",
        },
        &super::generic::USERUNKNOWN,
    )
    .issued_by(Party::Microsoft),
    // "Access denied, bad outbound sender": the account was blocked for sending spam.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.1.8",
        Reason::Rejected,
        text! {
            ja: "送信アカウントが迷惑メールの送信で止められています（多くは乗っ取り）",
            en: "The sending account was blocked for sending spam (usually a hijacked account)",
        },
        &TENANT_BANNED,
    ),
    // "Your message can't be sent because you've reached your daily limit for message recipients"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.1.90",
        Reason::Speeding,
        text! {
            ja: "送信アカウントの 1 日の宛先数の上限に達しました",
            en: "The sending account reached its daily limit of recipients",
        },
        &SENDING_LIMIT,
    )
    // The table's code-less row "The message can't be submitted because the sender's
    // submission quota was exceeded" is the same daily recipient limit (10,000 a day); its 5.2.2
    // "Submission quota exceeded" is left to RFC 3463's 5.2.2 entry, whose first meaning (a full
    // mailbox) is also Microsoft's "mailbox full" 5.2.2, and is found by its words (WORDINGS).
    .keywords("submission quota"),
    // "Recipient's per hour message receive limit from specific sender exceeded"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.2.121",
        Reason::Speeding,
        text! {
            ja: "あなたから宛先へ 1 時間に送れるメールの数を超えました",
            en: "You exceeded the messages per hour the recipient takes from one sender",
        },
        &RECEIVE_LIMIT,
    ),
    // "Recipient's per hour message receive limit exceeded"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.2.122",
        Reason::Speeding,
        text! {
            ja: "宛先が 1 時間に受け取れるメールの数（すべての送信者から）を超えました",
            en: "The recipient exceeded the messages per hour it takes from all senders",
        },
        &RECEIVE_LIMIT,
    ),
    // "Journaling on-premises messages to Microsoft 365 or Office 365 not supported when
    // Journaling Archive is disabled"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.3.190",
        Reason::PolicyViolation,
        text! {
            ja: "ジャーナル アーカイブが無効なため、社内のジャーナルのメールを受け付けません",
            en: "On-premises journaling to Microsoft 365 is refused while Journaling Archive is off",
        },
        &OWN_SETTING,
    ),
    // "Relay Access Denied": the server does not take mail for the recipient's domain (a
    // mail server or DNS mistake on the recipient's side).
    CodeEntry::enhanced(
        Some(Party::RecipientOrg),
        "5.4.1",
        Reason::NoRelaying,
        text! {
            ja: "受け取ったサーバーが、宛先のドメインのメールを受け付けていません（MX などの設定の誤り）",
            en: "The server does not take mail for the recipient's domain (an MX or server setting mistake)",
        },
        &super::generic::NORELAYING_REMOTE,
    )
    .issued_by(Party::Microsoft),
    // "Routing loop detected": 5.4.6 from on-premises Exchange, 5.4.14 from Exchange Online.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.4.6",
        Reason::NetworkError,
        text! {
            ja: "メールが転送や配送の設定の誤りでループしました（社内の Exchange サーバー）",
            en: "The message looped because of a forwarding or routing mistake (on-premises Exchange)",
        },
        &ROUTING_LOOP,
    ),
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.4.14",
        Reason::NetworkError,
        text! {
            ja: "メールが転送や配送の設定の誤りでループしました（Exchange Online）",
            en: "The message looped because of a forwarding or routing mistake (Exchange Online)",
        },
        &ROUTING_LOOP,
    ),
    // "Invalid characters": bare line feeds added by the sending program.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.6.11",
        Reason::NotCompliantRfc,
        text! {
            ja: "送信したメールソフトが不正な文字（単独の改行コード LF）を入れました",
            en: "Your mail program put invalid characters (bare line feeds) into the message",
        },
        &super::generic::NOTCOMPLIANTRFC,
    ),
    // "Sender was not authenticated by organization"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.12",
        Reason::SecurityError,
        text! {
            ja: "宛先は、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    ),
    // "Sender was not authenticated for public folder" (5.7.13 or 5.7.135)
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.13",
        Reason::SecurityError,
        text! {
            ja: "宛先のパブリック フォルダーは、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient public folder rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    ),
    // "Client was not authenticated to send anonymous mail during MAIL FROM"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.57",
        Reason::SecurityError,
        text! {
            ja: "smtp.office365.com から送るアプリや機器がサインインしていません",
            en: "An app or device sending through smtp.office365.com did not sign in",
        },
        &SMTP_CLIENT_AUTH,
    ),
    // "TenantAttribution; Relay Access Denied": the inbound connector from on-premises no
    // longer fits.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.64",
        Reason::NoRelaying,
        text! {
            ja: "社内のメールサーバーから Microsoft 365 への受信コネクタの設定が合っていません",
            en: "The inbound connector from your own mail servers to Microsoft 365 no longer fits",
        },
        &OWN_SETTING,
    ),
    // "550 5.7.60 SMTP; Client does not have permissions to send as this sender": the sender's
    // own tenant refused a From address the signed-in account may not send as.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.60",
        Reason::Rejected,
        text! {
            ja: "サインインしているアカウントに、差出人のアドレスで送る権限（Send As）がない",
            en: "The account you are signed in with may not send as the From address (Send As)",
        },
        &SEND_AS_DENIED,
    )
    .keywords("send as sendas shared mailbox"),
    // "Sender not in allowed-senders list"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.124",
        Reason::SecurityError,
        text! {
            ja: "あなたは宛先のグループが送信を許可した人に入っていません",
            en: "You are not on the recipient group's allowed-senders list",
        },
        &RESTRICTED_RECIPIENT,
    ),
    // "Sender not authenticated for group": only the recipient organisation's administrator
    // or the group's owner can change it.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.133",
        Reason::SecurityError,
        text! {
            ja: "宛先のグループは、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient group rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    )
    .keywords("sendernotauthenticatedforgroup"),
    // "Sender was not authenticated for mailbox"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.134",
        Reason::SecurityError,
        text! {
            ja: "宛先のメールボックスは、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient mailbox rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    )
    .keywords("sendernotauthenticatedformailbox"),
    // "Sender was not authenticated for public folder"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.135",
        Reason::SecurityError,
        text! {
            ja: "宛先のパブリック フォルダーは、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient public folder rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    ),
    // "Sender was not authenticated": a mail user.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.136",
        Reason::SecurityError,
        text! {
            ja: "宛先（メール ユーザー）は、相手の組織の外からのメールを受け付けない設定です",
            en: "The recipient (a mail user) rejects mail from outside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    ),
    // "... your trial tenant has exceeded its daily limit for sending email to external
    // recipients (tenant external recipient rate limit)"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.232",
        Reason::Speeding,
        text! {
            ja: "試用中の組織が、外部の宛先に 1 日に送れる数の上限を超えました",
            en: "Your trial organisation exceeded its daily limit of outside recipients",
        },
        &SENDING_LIMIT,
    ),
    // "... your tenant exceeded its daily limit for sending email to external recipients
    // (tenant external recipient rate limit)"
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.233",
        Reason::Speeding,
        text! {
            ja: "あなたの組織が、外部の宛先に 1 日に送れる数の上限を超えました",
            en: "Your organisation exceeded its daily limit of outside recipients",
        },
        &SENDING_LIMIT,
    ),
    // "Access denied, Your organization does not allow external forwarding. Please contact
    // your administrator for further assistance. AS(7555)"
    // Source: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.520",
        Reason::PolicyViolation,
        text! {
            ja: "転送元の組織の設定で、外部のアドレスへの自動転送が禁止されています",
            en: "The forwarding mailbox's own organisation does not allow automatic forwarding to outside addresses",
        },
        &FORWARDING_BLOCKED,
    )
    .keywords("forwarding forward 転送"),
    // "Access denied, banned sender": the EHLO, P1 or P2 sender domain is banned for spam.
    CodeEntry::enhanced(
        Some(Party::Microsoft),
        "5.7.800",
        Reason::Rejected,
        text! {
            ja: "送信元ドメインが迷惑メールの送信を理由に禁止されています",
            en: "The sending domain is banned for detected spam",
        },
        &DOMAIN_BANNED,
    ),
    // The rule id of 5.7.520.
    CodeEntry::provider(
        Party::Microsoft,
        "AS(7555)",
        Reason::PolicyViolation,
        text! {
            ja: "外部への自動転送の禁止（5.7.520 の識別番号）",
            en: "Automatic forwarding to outside addresses is off (the rule id of 5.7.520)",
        },
        &FORWARDING_BLOCKED,
    ),
    // "... banned sending IP [IP] ... (AS16012609)": the rule id of the 5.7.606-649 block.
    CodeEntry::provider(
        Party::Microsoft,
        "AS(16012609)",
        Reason::Blocked,
        text! {
            ja: "Microsoft のブロックリストによる拒否（5.7.606〜649 の識別番号）",
            en: "Microsoft blocklist rejection (the rule id of 5.7.606-649)",
        },
        &BANNED_IP,
    ),
    // "... using Customer Block list (AS16012607)"
    CodeEntry::provider(
        Party::RecipientOrg,
        "AS(16012607)",
        Reason::Blocked,
        text! {
            ja: "受信側組織の独自ブロックリストによる拒否（5.7.513 の識別番号）",
            en: "The recipient organisation's own blocklist (the rule id of 5.7.513)",
        },
        &recipient_org::CUSTOMER_BLOCK,
    )
    .issued_by(Party::Microsoft),
    // Rule ids seen in real replies, not documented by Microsoft; meanings from the reply text.
    // "451 4.7.500 Server busy. Please try again later from [IP]. (AS761)"
    CodeEntry::provider(
        Party::Microsoft,
        "AS(761)",
        Reason::SystemError,
        text! {
            ja: "受信側のサーバーが混雑しているための一時的な保留（「Server busy」）",
            en: "Temporarily deferred because the server is busy (\"Server busy\")",
        },
        &super::generic::SYSTEMERROR,
    ),
    // "451 4.7.500 Access denied, please try again later. ... (AS843)"
    CodeEntry::provider(
        Party::Microsoft,
        "AS(843)",
        Reason::BadReputation,
        text! {
            ja: "評価中のための一時的な受信制限（4.7.500 の識別番号）",
            en: "Temporarily restricted while evaluated (a rule id of 4.7.500)",
        },
        &THROTTLED,
    ),
    // "550 5.7.511 Access denied, banned sender[IP]. ... forward this message to delist@microsoft.com ... AS(1110)"
    CodeEntry::provider(
        Party::Microsoft,
        "AS(1110)",
        Reason::Blocked,
        text! {
            ja: "送信元 IP アドレスの禁止（5.7.511 の識別番号）",
            en: "Banned sending IP (a rule id of 5.7.511)",
        },
        &BANNED_SENDER,
    ),
    // "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)"
    CodeEntry::provider(
        Party::Microsoft,
        "AS(201806281)",
        Reason::UserUnknown,
        text! {
            ja: "宛先が受信側の組織に存在しない（5.4.1 の識別番号）",
            en: "No such recipient in the receiving organisation (a rule id of 5.4.1)",
        },
        &RECIPIENT_NOT_FOUND,
    ),
    // "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required": a group that takes mail
    // only from signed-in (internal) senders.
    CodeEntry::provider(
        Party::Microsoft,
        "RESOLVER.RST.AuthRequired",
        Reason::SecurityError,
        text! {
            ja: "宛先（グループなど）が、相手の組織内の送信者からのメールしか受け付けない",
            en: "The recipient (a group, say) takes mail only from senders inside its organisation",
        },
        &RESTRICTED_UNAUTHENTICATED,
    ),
    // "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized": the sender is not on the
    // recipient's list of allowed senders.
    CodeEntry::provider(
        Party::Microsoft,
        "RESOLVER.RST.NotAuthorized",
        Reason::SecurityError,
        text! {
            ja: "あなたは宛先への送信を許可された送信者に入っていない",
            en: "You are not among the senders allowed to write to the recipient",
        },
        &RESTRICTED_RECIPIENT,
    ),
    // 5.0.350 with (AS345): a policy on nested attachments.
    CodeEntry::provider(
        Party::Microsoft,
        "AS(345)",
        Reason::ContentError,
        text! {
            ja: "入れ子になった添付ファイル（添付されたメールの中の添付など）を理由とする拒否",
            en: "Rejected for nested attachments (attachments inside attached messages)",
        },
        &super::generic::CONTENTERROR,
    ),
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (&[Reason::Blocked], &BANNED_IP),
    (REFUSAL_REASONS, &POLICY),
    (&[Reason::AuthFailure], &DMARC_REJECT),
    (&[Reason::RequirePtr], &IPV6_PTR),
    (DEFERRAL_REASONS, &THROTTLED),
    (&[Reason::UserUnknown], &RECIPIENT_NOT_FOUND),
    (&[Reason::NotCompliantRfc], &FROM_HEADER),
];

/// Reasons without their own Microsoft playbook go to the generic one on purpose: they are
/// about the recipient or the message, not about Microsoft's procedures.
pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Microsoft,
    name: text! {
        ja: "Microsoft 365（Exchange Online）",
        en: "Microsoft 365 (Exchange Online)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<20>(ROUTES),
    playbooks: &[
        &BANNED_IP,
        &BANNED_SENDER,
        &TENANT_BANNED,
        &TENANT_THRESHOLD,
        &CONNECTOR_RESTRICTED,
        &NEW_TENANT,
        &UNREGISTERED_DOMAIN,
        &UNREGISTERED_DOMAIN_PERSONAL,
        &THROTTLED,
        &IPV6_AUTH,
        &IPV6_PTR,
        &SPF_FAIL,
        &DMARC_REJECT,
        &NOT_AUTHORIZED,
        &RESTRICTED_RECIPIENT,
        &RESTRICTED_UNAUTHENTICATED,
        &RECIPIENT_NOT_FOUND,
        &BAD_HELO,
        &IPV6_RATE,
        &NO_IPV6,
        &FROM_HEADER,
        &OWN_BLOCK,
        &POLICY,
        &SENDER_POOL_LISTED,
        &FORWARDING_BLOCKED,
        &SEND_AS_DENIED,
        &SENDING_LIMIT,
        &RECEIVE_LIMIT,
        &OWN_SETTING,
        &ROUTING_LOOP,
        &SMTP_CLIENT_AUTH,
        &DOMAIN_BANNED,
    ],
    codes: CODES,
    refine: &[],
};
