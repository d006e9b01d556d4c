//! The user's own mail host refused Microsoft's cloud: the core's note `via_microsoft_cloud`.
//! The new Outlook for Windows (and Outlook on the web, Outlook's mobile apps) reaches another
//! provider's IMAP, POP and SMTP servers from Microsoft's cloud, so the refused address is one of
//! Exchange Online's, not the user's or their hosting company's.

use super::common::*;
use crate::model::{Actor, Link, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};

const CHECKED: &str = "2026-11-26";

/// Microsoft's page listing Exchange Online's addresses (endpoint sets 1 and 2: client access,
/// "POP3, IMAP4, SMTP Client traffic"), which the core's ranges come from.
const MS_IP_RANGES: Url = learn_page!("microsoft-365/enterprise/urls-and-ip-address-ranges");

/// Microsoft's support page on syncing another provider's account to the Microsoft Cloud:
/// "a copy of your email, calendar, and contacts will be synchronized between your email
/// provider and Microsoft data centers" (quoted from the page as reproduced in
/// https://lemmy.techhaven.io/post/262688/864203 and
/// https://neowin.net/amp/new-outlook-for-windows-wants-to-send-your-non-msa-data-to-its-servers-for-your-own-good).
const MS_CLOUD_SYNC: Url = Url::pair(
    "https://support.microsoft.com/en-us/office/sync-your-account-in-outlook-to-the-microsoft-cloud-985f9e19-d308-4e85-9d1d-0c6f32f8e981",
    "https://support.microsoft.com/ja-jp/office/sync-your-account-in-outlook-to-the-microsoft-cloud-985f9e19-d308-4e85-9d1d-0c6f32f8e981",
);

const SOURCES: &[Source] = &[
    Source {
        title: text! {
            ja: "Microsoft: Outlook のアカウントを Microsoft Cloud と同期する",
            en: "Microsoft: Sync your account in Outlook to the Microsoft Cloud",
        },
        url: MS_CLOUD_SYNC,
    },
    Source {
        title: text! {
            ja: "Microsoft: Microsoft 365 の URL と IP アドレスの範囲（Exchange Online）",
            en: "Microsoft: Microsoft 365 URLs and IP address ranges (Exchange Online)",
        },
        url: MS_IP_RANGES,
    },
];

/// The new Outlook (or Outlook on the web) sent through the user's own mail host, which
/// refused the connection: the host saw Microsoft's address {ip}, not the user's. Only the
/// host can say why (a block of foreign or cloud addresses, a rate limit, a blocklist it uses)
/// and let Microsoft's connections in; meanwhile a program that connects from the user's own
/// computer (classic Outlook, another mail program) or the host's webmail sends without
/// Microsoft's cloud. Chosen in `select.rs` through the note, before any playbook about a
/// listed sending IP: "your server's address is listed, ask for its removal" would send the
/// user after an address that is Microsoft's.
pub(crate) const REFUSED_MICROSOFT_CLOUD: Playbook = Playbook {
    id: "microsoft-cloud-refused-by-own-host",
    party: None,
    title: text! {
        ja: "あなたのメールサーバーが、Microsoft のクラウドからの接続を断った",
        en: "Your mail host refused Microsoft's cloud",
    },
    verdict: text! {
        ja: "IP アドレス {ip} は、あなたのサーバーのものではなく Microsoft のものです。新しい Outlook（Outlook on the web）は、Microsoft のクラウドからあなたのメールサーバーに接続して送受信します。あなたが使っているメールサーバー（ホスティング事業者）が、その Microsoft からの接続を断りました。",
        en: "The IP address {ip} is not your server's: it is Microsoft's. The new Outlook (and Outlook on the web) connects to your mail server from Microsoft's cloud, and your own mail server (your hosting company's) refused that connection from Microsoft.",
    },
    why: text! {
        ja: "新しい Outlook では、Microsoft 以外のプロバイダーのアカウント（IMAP や POP）も Microsoft のクラウド経由で同期され、送信もそこから行われます。メールサーバー側で海外からの接続の制限、接続数の制限、またはブロックリストによる拒否が働くと、Microsoft のアドレスが断られます。あなたのパソコンやサーバーがブロックされたわけではありません。",
        en: "The new Outlook syncs accounts of other providers (IMAP or POP) through Microsoft's cloud, and sends from there too. When the mail server blocks connections from abroad or from cloud services, limits connections, or refuses addresses on a blocklist it uses, Microsoft's address is what gets refused. Your own computer and your server are not the ones blocked.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "別のメールソフトや Web メールなら、すぐに送れます",
        en: "Right away with another mail program or webmail",
    },
    prepare: &[
        Prepare::Fact(crate::model::Fact::ErrorText),
        Prepare::Other(text! {
            ja: "エラーにある Microsoft の IP アドレス: {ip}",
            en: "Microsoft's IP address from the error: {ip}",
        }),
        Prepare::Fact(crate::model::Fact::Time),
        Prepare::Fact(crate::model::Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "急ぎのメールは、Microsoft のクラウドを通らない方法で送ってください。クラシック版の Outlook、ほかのメールソフト（Thunderbird など）、またはホスティング事業者の Web メールなら、あなたのパソコンからメールサーバーへ直接つながります。",
            en: "For urgent mail, send without Microsoft's cloud: classic Outlook, another mail program (Thunderbird, for example) or your hosting company's webmail connects to your mail server directly from your own computer.",
        }),
        Step::new(text! {
            ja: "ホスティング事業者の管理画面に「海外からの送信を制限する」「国外 IP アドレスからの接続を拒否する」といった設定があれば、それが原因のことがよくあります。オフにするか、Microsoft のアドレスを許可できるか確認してください。",
            en: "If your hosting control panel has a setting that limits sending or logins from abroad (or from foreign IP addresses), that is often the cause: turn it off, or see whether Microsoft's addresses can be allowed.",
        }),
        Step::new(text! {
            ja: "下の文面をホスティング事業者のサポートに送り、拒否の理由（接続元の国の制限、接続数の制限、ブロックリストなど）を確認して、Microsoft からの接続を受け付けるよう依頼してください。Microsoft のアドレスの一覧は Microsoft が公開しています。",
            en: "Send the message below to your hosting company's support: ask why it refused (a country block, a connection limit, a blocklist) and ask them to accept the connections from Microsoft. Microsoft publishes its list of addresses.",
        })
        .linked(Link {
            label: text! {
                ja: "Microsoft 365 の IP アドレスの範囲（Exchange Online）",
                en: "Microsoft 365 IP address ranges (Exchange Online)",
            },
            url: MS_IP_RANGES,
        }),
        Step::new(text! {
            ja: "このページの「ブロックリストの確認」は Microsoft のアドレス {ip} についての結果です。掲載されていれば、メールサーバーがそのリストで断った可能性があります。その場合もホスティング事業者に伝えてください。解除の申請はあなたではなく Microsoft が行うものです。",
            en: "The \"Blocklist check\" on this page is about Microsoft's address {ip}. If a list names it, your mail server may have refused it for that: tell your hosting company. Asking for its removal is Microsoft's to do, not yours.",
        })
        .in_terminal_lookups(
            text! {
                ja: "上の「ブロックリストの確認」は Microsoft のアドレス {ip} についての結果です。掲載されていれば、メールサーバーがそのリストで断った可能性があります。その場合もホスティング事業者に伝えてください。解除の申請はあなたではなく Microsoft が行うものです。",
                en: "The \"Blocklist checks\" above are about Microsoft's address {ip}. If a list names it, your mail server may have refused it for that: tell your hosting company. Asking for its removal is Microsoft's to do, not yours.",
            },
            text! {
                ja: "`ndr-doctor lookup {ip}` で、Microsoft のアドレスがブロックリストに掲載されているか確認できます。掲載されていれば、メールサーバーがそのリストで断った可能性があります。その場合もホスティング事業者に伝えてください。解除の申請はあなたではなく Microsoft が行うものです。",
                en: "`ndr-doctor lookup {ip}` shows whether a blocklist names Microsoft's address. If one does, your mail server may have refused it for that: tell your hosting company. Asking for its removal is Microsoft's to do, not yours.",
            },
        )
        .in_api(text! {
            ja: "Microsoft のアドレス {ip} がブロックリストに掲載されていれば、メールサーバーがそのリストで断った可能性があります（各リストの Web サイトにある検索ページで確認できます。Spamhaus なら check.spamhaus.org）。その場合もホスティング事業者に伝えてください。解除の申請はあなたではなく Microsoft が行うものです。",
            en: "If a blocklist names Microsoft's address {ip} (the lists' own lookup pages show it; Spamhaus's is check.spamhaus.org), your mail server may have refused it for that: tell your hosting company. Asking for its removal is Microsoft's to do, not yours.",
        })
        .only_with(crate::model::Fact::Ip),
        Step::new(text! {
            ja: "新しい Outlook でアカウントを Microsoft のクラウドと同期するしくみは、Microsoft の説明ページで確認できます。",
            en: "Microsoft's own page explains how the new Outlook syncs your account through the Microsoft Cloud.",
        })
        .linked(Link {
            label: text! {
                ja: "Outlook のアカウントを Microsoft Cloud と同期する",
                en: "Sync your account in Outlook to the Microsoft Cloud",
            },
            url: MS_CLOUD_SYNC,
        }),
    ],
    donts: &[
        text! {
            ja: "{ip} を自分のサーバーのアドレスとしてブロックリストの解除を申請しないでください。Microsoft のアドレスで、あなたのものではありません。",
            en: "Do not file a blocklist removal request for {ip} as if it were your server's address: it is Microsoft's, not yours.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(Message {
        to: To::HostingProvider,
        address: None,
        subject: text! {
            ja: "新しい Outlook からの送信が拒否されます（Microsoft の IP アドレス {ip}）",
            en: "Mail from the new Outlook is refused (Microsoft's IP address {ip})",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。新しい Outlook（Microsoft のクラウド経由で接続するもの）で貴社のメールアカウントから送信したところ、次のエラーで断られました。

・エラー全文: {error_text}
・接続元 IP アドレス: {ip}（Microsoft のアドレスです）
・送信日時: {date}

この IP アドレスは私のものではなく、新しい Outlook が接続に使う Microsoft のものです。拒否の理由（海外からの接続の制限、接続数の制限、ブロックリストなど）をご確認のうえ、Microsoft からの接続を受け付けていただけないでしょうか。アカウント側で変更できる設定があれば、あわせて教えてください。

よろしくお願いいたします。",
            en: "Hello,

I sent mail from my account with you through the new Outlook (which connects from Microsoft's cloud), and it was refused with the error below.

- Full error: {error_text}
- Connecting IP address: {ip} (Microsoft's)
- Sent at: {date}

This address is not mine: it is Microsoft's, which the new Outlook connects from. Could you check why it was refused (a block of connections from abroad, a connection limit, a blocklist) and accept the connections from Microsoft? If there is a setting I can change in my account, please tell me.

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// Every playbook of this file, for `party::playbooks`.
pub(crate) const PLAYBOOKS: &[&Playbook] = &[&REFUSED_MICROSOFT_CLOUD];
