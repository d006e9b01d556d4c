//! Spamhaus (ZEN: SBL, CSS, XBL, PBL; DBL for domains), the order of removal, and the
//! receiver's "open resolver" misconfiguration, where the recipient's admin must act.

use ndr_core::Party;

use super::common::*;
use super::{Needle, PartyBook, Refine, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Fact, Link, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};
use crate::text::Text;

// ---- Facts that change, in one place -------------------------------------------------------

/// Reviewed against the fact sheet of 2026-07-02 (zones doc, delisting pages, return-code news).
const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &[
    "check.spamhaus.org",
    "www.spamhaus.org",
    "www.spamhaus.com",
    "docs.spamhaus.com",
];
const CHECKER: &str = "https://check.spamhaus.org/";
const IP_LOOKUP: Url = Url::filled("https://check.spamhaus.org/query/ip/{ip}", CHECKER);
const SBL_PROCEDURE: &str = "https://www.spamhaus.org/sbl/delistingprocedure/";
const REMOVALS: &str = "https://www.spamhaus.com/resource-center/view-request-and-manage-ip-domain-removals-from-the-customer-portal";
const ZONES_DOC: &str = "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html";
const RETURN_CODES: &str =
    "https://www.spamhaus.org/news/article/788/spamhaus-dnsbl-return-codes-technical-update";
const CHECK_RETURN_CODES: &str = "https://www.spamhaus.org/news/article/807/using-our-public-mirrors-check-your-return-codes-now";
const USAGE_TERMS: &str = "https://www.spamhaus.org/organization/dnsblusage/";

const FACTS: &[(&str, &str)] = &[("list_name", "Spamhaus")];

const SRC_ZONES: Source = Source {
    title: text! {
        ja: "Spamhaus: ゾーンと応答コードの説明",
        en: "Spamhaus: zones and return codes",
    },
    url: Url::one(ZONES_DOC),
};
const SRC_REMOVALS: Source = Source {
    title: text! {
        ja: "Spamhaus: 顧客ポータルでの解除申請",
        en: "Spamhaus: requesting removals in the customer portal",
    },
    url: Url::one(REMOVALS),
};
const SRC_SBL: Source = Source {
    title: text! {
        ja: "Spamhaus: SBL の解除手続き",
        en: "Spamhaus: SBL delisting procedure",
    },
    url: Url::one(SBL_PROCEDURE),
};
const SOURCES: &[Source] = &[SRC_ZONES, SRC_REMOVALS, SRC_SBL];

const CHECKER_LINK: Link = Link {
    label: text! {
        ja: "Spamhaus の照会ページ（英語）",
        en: "Spamhaus checker",
    },
    url: IP_LOOKUP,
};

/// Domains are looked up on the checker's front page.
const DOMAIN_CHECKER_LINK: Link = Link {
    label: CHECKER_LINK.label,
    url: Url::one(CHECKER),
};

const STEP_CHECKER: Step = Step::new(text! {
    ja: "Spamhaus の照会ページで IP アドレス {ip} を調べます。どのリスト（SBL・CSS・XBL・PBL）に掲載されているか、その理由が表示されます。",
    en: "Look up {ip} on Spamhaus's checker. It shows which list (SBL, CSS, XBL, PBL) names the address, and why.",
})
.linked(CHECKER_LINK)
.copy(LABEL_IP_TO_LOOK_UP, "{ip}");

const STEP_SELF_REMOVE: Step = Step::new(text! {
    ja: "原因を直したら、照会結果の画面から解除を申請します（無料）。画面の案内に従い、確認用のメールアドレスを入力します。",
    en: "Once the cause is fixed, request removal from the result page (it is free). Follow the instructions and give an email address for the confirmation.",
})
.linked(CHECKER_LINK);

const STEP_ORDER: Step = Step::new(text! {
    ja: "SBL にも掲載されている場合は、SBL の解除が先です。SBL が残っている間は、ほかのリストの解除を申請できません。",
    en: "If SBL names the address too, SBL comes first: other removals cannot be requested while an SBL listing covers it.",
});

/// What a code means that another provider sends for a Spamhaus listing (Outlook.com's
/// `AS(3130)`, Yahoo's `BL21`).
pub(crate) const MEANING_LISTED: Text = text! {
    ja: "Spamhaus のブロックリストに掲載されているための拒否",
    en: "Refused because of a Spamhaus listing",
};

// ---- Playbooks ----------------------------------------------------------------------------

pub(crate) const ZEN: Playbook = Playbook {
    id: "spamhaus-listed",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus のブロックリストに掲載", en: "Listed by Spamhaus" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Spamhaus のブロックリストに掲載されているため、受信側が受け取りを拒否しました。",
        en: "Your sending IP address {ip} is on a Spamhaus blocklist, so the receiving side refused the mail.",
    },
    why: text! {
        ja: "Spamhaus には複数のリストがあり、共用サーバーの他の利用者、感染したパソコン、家庭用回線からの直接送信など、リストごとに原因と解除の方法が違います。",
        en: "Spamhaus runs several lists, and each has its own causes and removal: other customers on a shared server, an infected computer, sending straight from a home connection, and so on.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "リストにより数時間から数日", en: "Hours to days, depending on the list" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECKER,
        STEP_ORDER,
        Step::new(text! {
            ja: "SBL に掲載されている場合は、IP アドレスの持ち主（ホスティング事業者）しか解除を申請できません。下の文面をホスティング事業者に送ってください。",
            en: "If it is SBL, only the owner of the address (your hosting company) can request removal: send them the message below.",
        }),
        Step::new(text! {
            ja: "照会結果に表示されたリストに応じて対処します。XBL なら感染した端末を駆除し、CSS なら一斉送信の宛先と送信ドメイン認証（SPF・DKIM・DMARC）を見直し、PBL ならプロバイダーやメールサービスの送信サーバー（認証付き、多くはポート 587）から送るよう設定を変えてください。",
            en: "Act on the list the result names: for XBL, clean up the infected device; for CSS, review your bulk-mail recipients and sender authentication (SPF, DKIM, DMARC); for PBL, send through your provider's or mail service's outgoing server (with authentication, usually port 587).",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_SELF_REMOVE,
    ],
    donts: &[DONT_PAY, DONT_DELIST_FIRST, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(IP_LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const SBL: Playbook = Playbook {
    id: "spamhaus-sbl",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus SBL に掲載", en: "Listed by Spamhaus SBL" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Spamhaus の SBL（迷惑メールの送信元として人の手で登録されるリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on the Spamhaus SBL (a list of spam sources that Spamhaus staff add by hand).",
    },
    why: text! {
        ja: "多くは同じネットワークの別の利用者による迷惑メールが原因で、解除を申請できるのは IP アドレスの持ち主（ホスティング事業者）だけです。",
        en: "It is usually caused by spam from someone else on the same network, and only the owner of the address (your hosting company) can request removal.",
    },
    actors: &[Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "事業者の対応しだい（数日かかることもあります）", en: "Depends on the provider (it can take days)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECKER,
        Step::new(text! {
            ja: "下の文面をホスティング事業者に送ってください。事業者は原因を止めたうえで、Spamhaus の手続きに従って解除を申請します。",
            en: "Send the message below to your hosting company. They stop the cause and then request removal from Spamhaus under its procedure.",
        })
        .link(text! { ja: "Spamhaus: SBL の解除手続き（事業者向け、英語）", en: "Spamhaus SBL delisting procedure (for providers)" }, Url::one(SBL_PROCEDURE)),
        Step::new(text! {
            ja: "解除まで時間がかかる場合は、ホスティング事業者に、別の送信サーバー（掲載されていない IP アドレス）への切り替えを相談してください。",
            en: "If removal will take time, ask your hosting company to move your mail to a server whose address is not listed.",
        }),
    ],
    donts: &[DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(IP_LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const CSS: Playbook = Playbook {
    id: "spamhaus-css",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus CSS に掲載", en: "Listed by Spamhaus CSS" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Spamhaus の CSS（評価の低い送信を自動で検出するリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on the Spamhaus CSS (an automatic list of low-reputation sending).",
    },
    why: text! {
        ja: "登録の確認をしていない宛先への一斉送信、送信ドメイン認証や逆引きの不備、乗っ取られたアカウントからの送信が主な原因です。",
        en: "Bulk mail to unconfirmed addresses, missing sender authentication or reverse DNS, or a hijacked account are the usual causes.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "原因を直して解除を申請した後（目安の時間は公表されていません）", en: "Once the cause is fixed and removal requested (no time is published)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECKER,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "一斉送信をしている場合は、本人が登録した宛先だけに送り、エラーの出た宛先を外してください。送信ドメイン認証（SPF・DKIM・DMARC）と逆引き（PTR）も確認してください。",
            en: "If you send bulk mail, send only to people who signed up, and drop addresses that bounce. Check sender authentication (SPF, DKIM, DMARC) and reverse DNS (PTR) too.",
        }),
        STEP_ORDER,
        STEP_SELF_REMOVE,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(IP_LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const XBL: Playbook = Playbook {
    id: "spamhaus-xbl",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus XBL に掲載（感染・乗っ取りの疑い）", en: "Listed by Spamhaus XBL (infected or exploited)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が Spamhaus の XBL（ウイルス感染や乗っ取りが疑われる機器のリスト）に掲載されています。",
        en: "Your sending IP address {ip} is on the Spamhaus XBL (a list of devices that appear infected or taken over).",
    },
    why: text! {
        ja: "同じ回線（ルーター）の内側にある、感染したパソコンやスマートフォン、ネットワーク機器が、迷惑メールや攻撃の通信を出していることが原因です。",
        en: "A computer, phone or network device behind the same connection (router) is infected and sending spam or attack traffic.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "駆除して解除を申請した後（目安の時間は公表されていません）", en: "Once cleaned up and removal requested (no time is published)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECKER,
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "同じ回線につながるすべての機器（パソコン、スマートフォン、ルーター、NAS、防犯カメラなど）を確認し、ルーターのファームウェアを更新して初期パスワードを変えてください。",
            en: "Check every device on the same connection (computers, phones, router, NAS, cameras), update the router's firmware and change default passwords.",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_ORDER,
        STEP_SELF_REMOVE,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: Some(IP_LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const PBL: Playbook = Playbook {
    id: "spamhaus-pbl",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus PBL に掲載（直接送信に使わない IP アドレス）", en: "Listed by Spamhaus PBL (addresses not meant to send mail directly)" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} は、Spamhaus の PBL（メールサーバーとして直接送信すべきでない IP アドレスの一覧）に含まれています。",
        en: "Your sending IP address {ip} is in the Spamhaus PBL (the list of addresses that should not send mail straight to other servers).",
    },
    why: text! {
        ja: "家庭用や事務所の回線の IP アドレスから、プロバイダーの送信サーバーを通さずに直接送っていることが原因です。これは罰ではなく、使い方の指定です。",
        en: "Mail is going straight out from a home or office connection instead of through the provider's outgoing server. It is a policy, not a penalty.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "送信方法を変えればすぐ", en: "Right away once you send the proper way" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECKER,
        Step::new(text! {
            ja: "メールソフトや機器の送信サーバー（SMTP）を、プロバイダーやメールサービスの送信サーバー（認証付き、多くはポート 587）に設定してください。これで解決します。",
            en: "Set your mail program's or device's outgoing server (SMTP) to your provider's or mail service's server (with authentication, usually port 587). That solves it.",
        }),
        STEP_ASK_SMARTHOST,
        Step::new(text! {
            ja: "固定 IP アドレスで自分のメールサーバーを正しく運用している場合（逆引きが設定済み）に限り、照会結果の画面から PBL の解除を申請できます。",
            en: "Only if you run a proper mail server on a fixed address (with reverse DNS set) can you request PBL removal from the result page.",
        })
        .linked(CHECKER_LINK),
    ],
    donts: &[
        DONT_PAY,
        text! {
            ja: "家庭用回線のまま PBL の解除を申請しないでください。回線の IP アドレスは変わることがあり、送信方法を直さない限り解決しません。",
            en: "Do not request PBL removal for a home connection: its address can change, and nothing is solved until you send the proper way.",
        },
    ],
    message: Some(MESSAGE_PROVIDER_SMARTHOST),
    lookup: Some(IP_LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The PBL's steps when its listing is found beside a provider's own block of the address
/// (Yahoo's TSS09 from the sender's own Exchange server, review h206, M4): which way out fits
/// depends on what sends from the address, so both are said, and neither claims to solve the
/// provider's block. The PBL is for addresses that should not send mail straight out; a real
/// mail server on a fixed address with its reverse DNS set may have its address removed.
// Source: fact sheet §2.1, "PBL: remove only if the IP really is a mail server with proper
// rDNS"; "PBL: the sender. Use the ISP's smarthost, or have a static IP with proper rDNS
// removed" (https://www.spamhaus.com/resource-center/view-request-and-manage-ip-domain-removals-from-the-customer-portal).
pub(crate) const PBL_BESIDE_A_BLOCK: Playbook = Playbook {
    id: "spamhaus-pbl-beside-a-block",
    title: text! { ja: "Spamhaus PBL にも掲載（受信側のブロックとあわせて）", en: "Also listed by Spamhaus PBL (beside a receiver's own block)" },
    duration: text! { ja: "送信方法を変えるか、解除が認められればすぐ", en: "Right away once mail goes out the proper way, or once removal is granted" },
    steps: &[
        STEP_CHECKER,
        Step::new(text! {
            ja: "メールソフトや機器から、家庭や事務所の回線で直接送っている場合は、送信サーバー（SMTP）をプロバイダーやメールサービスの送信サーバー（認証付き、多くはポート 587）に設定してください。そうすれば、この IP アドレスの PBL 掲載はメールの送信に関係しなくなります。",
            en: "If a mail program or device sends straight out over a home or office connection, set its outgoing server (SMTP) to your provider's or mail service's server (with authentication, usually port 587): the PBL listing of this address then no longer touches your mail.",
        }),
        Step::new(text! {
            ja: "この IP アドレスが、固定 IP アドレスで運用している自分のメールサーバー（Exchange など。逆引きを設定済み）のものなら、照会結果の画面から PBL の解除を申請してください。PBL は、そうしたサーバーを対象にしたリストではありません。",
            en: "If the address is your own mail server's (an Exchange or other server on a fixed address, with its reverse DNS set), request PBL removal from the result page: the PBL is not meant for such a server.",
        })
        .linked(CHECKER_LINK),
    ],
    message: None,
    ..PBL
};

pub(crate) const DBL: Playbook = Playbook {
    id: "spamhaus-dbl",
    party: Some(Party::Spamhaus),
    title: text! { ja: "Spamhaus DBL にドメインが掲載", en: "A domain is listed by Spamhaus DBL" },
    verdict: text! {
        ja: "メールの差出人や本文のリンクに含まれるドメインが、Spamhaus の DBL（迷惑メールや詐欺に使われたドメインのリスト）に掲載されているため拒否されました。",
        en: "A domain in the sender address or in a link in the message is on the Spamhaus DBL (domains used in spam or fraud), so the mail was refused.",
    },
    why: text! {
        ja: "ホームページが改ざんされて詐欺ページに使われている、短縮 URL やリンク先のドメインの評価が低い、などが主な原因です。",
        en: "Usually a hacked website hosting a scam page, or links through shorteners or domains with a poor reputation.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "原因を直して解除を申請した後（目安の時間は公表されていません）", en: "Once the cause is fixed and removal requested (no time is published)" },
    prepare: &[Prepare::Fact(Fact::SenderDomain), Prepare::Fact(Fact::ErrorText)],
    steps: &[
        Step::new(text! {
            ja: "Spamhaus の照会ページで、自分のドメイン {sender_domain} と、本文に入れたリンクのドメインを調べてください。",
            en: "Look up your domain {sender_domain} and the domains of the links in your message on Spamhaus's checker.",
        })
        .linked(DOMAIN_CHECKER_LINK),
        Step::new(text! {
            ja: "自分のドメインが掲載されていれば、ホームページの改ざんやアカウントの乗っ取りがないか、制作会社やサーバー管理者と確認し、直してから照会ページで解除を申請してください。",
            en: "If your own domain is listed, check with your web developer or server administrator for a hacked site or hijacked accounts, fix it, then request removal on the checker.",
        }),
        Step::new(text! {
            ja: "他社のドメイン（短縮 URL など）が掲載されていれば、そのリンクを本文から外してください。",
            en: "If someone else's domain (a link shortener, for example) is listed, remove that link from your message.",
        }),
    ],
    donts: &[DONT_PAY, DONT_DELIST_FIRST, DONT_RESEND],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const OPEN_RESOLVER: Playbook = Playbook {
    id: "spamhaus-open-resolver",
    party: Some(Party::Spamhaus),
    title: text! { ja: "受信側の設定の誤り（Spamhaus への照会が拒否されている）", en: "A misconfiguration at the receiving side (its Spamhaus queries are refused)" },
    verdict: text! {
        ja: "受信側のメールサーバーが Spamhaus への照会に失敗し、その失敗を「掲載されている」と誤って扱ってメールを拒否しました。あなたの IP アドレスが掲載されているとは限りません。",
        en: "The receiving mail server's query to Spamhaus failed, and it wrongly treated the failure as a listing and refused your mail. Your address is not necessarily listed at all.",
    },
    why: text! {
        ja: "受信側が公開 DNS リゾルバー（Google や Cloudflare などの誰でも使える DNS）経由で Spamhaus に照会しているため、Spamhaus が照会を拒否しています。直せるのは受信側の管理者だけです。",
        en: "The receiving side asks Spamhaus through a public DNS resolver (such as Google's or Cloudflare's), and Spamhaus refuses those queries. Only the recipient's administrator can fix it.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信側の管理者が設定を直せばすぐ", en: "Right away once the recipient's administrator fixes the setting" },
    prepare: &[Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::RemoteHost), Prepare::Fact(Fact::Recipient), Prepare::Fact(Fact::Time)],
    steps: &[
        Step::new(text! {
            ja: "あなたの側で解除を申請する必要はありません。エラー文の「open resolver」や「returnc/pub」は、受信側の照会が拒否されたことを示しています。",
            en: "There is nothing to remove on your side. \"open resolver\" or \"returnc/pub\" in the error means the receiver's query was refused.",
        }),
        Step::new(text! {
            ja: "受信者に電話などで連絡し、下の文面を受信側のメール管理者に渡してもらってください。",
            en: "Contact the recipient by phone or another way and ask them to pass the message below to their mail administrator.",
        }),
        Step::new(text! {
            ja: "受信側の管理者は、自前の DNS リゾルバーを使うか、Spamhaus の Data Query Service に切り替え、127.255.255.x の応答をエラーとして扱うよう設定します。",
            en: "Their administrator should use their own DNS resolver or Spamhaus's Data Query Service, and treat 127.255.255.x answers as errors.",
        })
        .link(text! { ja: "Spamhaus: 応答コードの確認のお願い（管理者向け、英語）", en: "Spamhaus: check your return codes (for administrators)" }, Url::one(CHECK_RETURN_CODES)),
    ],
    donts: &[
        text! {
            ja: "Spamhaus に解除を申請しないでください。掲載されていなければ解除するものがなく、問題は受信側の設定にあります。",
            en: "Do not ask Spamhaus for removal: if you are not listed there is nothing to remove, and the problem is the receiver's setting.",
        },
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "貴社メールサーバーの Spamhaus 照会の設定についてのお願い",
            en: "Your mail server's Spamhaus queries are being refused",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てのメールが、貴社のメールサーバー（{remote_host}）で次のエラーにより拒否されました。

・エラー全文: {error_text}
・送信日時: {date}

エラーに「open resolver」または「returnc/pub」とあることから、貴社サーバーが公開 DNS リゾルバー経由で Spamhaus に照会し、Spamhaus から照会拒否の応答（127.255.255.254 など）を受けて、それを掲載と判定しているようです。

お手数ですが、自前の DNS リゾルバーの利用か Spamhaus の Data Query Service への切り替え、および 127.255.255.x の応答をエラーとして扱う設定をご検討いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail to {recipient} was refused by your mail server ({remote_host}) with this error:

- Full error: {error_text}
- Sent at: {date}

The words \"open resolver\" or \"returnc/pub\" show that your server asks Spamhaus through a public DNS resolver, receives a refusal answer (such as 127.255.255.254), and treats it as a listing.

Could you please use your own DNS resolver or Spamhaus's Data Query Service, and treat 127.255.255.x answers as errors? Thank you.",
        },
    }),
    lookup: None,
    facts: FACTS,
    sources: &[
        Source { title: text! { ja: "Spamhaus: DNSBL の応答コードの技術的な変更", en: "Spamhaus: DNSBL return codes technical update" }, url: Url::one(RETURN_CODES) },
        Source { title: text! { ja: "Spamhaus: 公開ミラーの利用者は応答コードの確認を", en: "Spamhaus: using our public mirrors? Check your return codes now" }, url: Url::one(CHECK_RETURN_CODES) },
        Source { title: text! { ja: "Spamhaus: DNSBL の無償利用の条件", en: "Spamhaus: DNSBL usage terms" }, url: Url::one(USAGE_TERMS) },
    ],
    checked: CHECKED,
};

/// The same misconfiguration seen from the other end: the receiving server's own log (the core's
/// notes `receiver_resolver_refused` and `inbound_refusal_log`, "postfix/smtpd ... NOQUEUE:
/// reject: RCPT from ...: 554 5.7.1 ... Error: open resolver"). Whoever pastes it runs that server,
/// so the fix is theirs and nobody is to be asked to pass a letter on (held-out n, MEDIUM-A1).
// Sources: the Spamhaus articles of `OPEN_RESOLVER` (public resolvers get 127.255.255.254, which is
// an error, not a listing; own resolver or DQS).
pub(crate) const OPEN_RESOLVER_OWN: Playbook = Playbook {
    id: "spamhaus-open-resolver-own",
    party: Some(Party::Spamhaus),
    title: text! { ja: "あなたの受信サーバーの Spamhaus 照会が拒否されている", en: "Your receiving server's Spamhaus queries are refused" },
    verdict: text! {
        ja: "これは受信サーバーの記録です。サーバーが Spamhaus への照会の拒否を「掲載」と取り違え、{refused_client} からのメールを誤って断りました。",
        en: "This is a receiving server's log: the server took Spamhaus's refusal of its query for a listing, and wrongly turned away mail from {refused_client}.",
    },
    why: text! {
        ja: "サーバーが公開 DNS リゾルバー（Google や Cloudflare など）経由で Spamhaus に照会しているため、Spamhaus は 127.255.255.254 などの拒否の応答を返します。これは掲載ではありません。",
        en: "The server asks Spamhaus through a public DNS resolver (such as Google's or Cloudflare's), so Spamhaus answers with a refusal code (127.255.255.254), which is not a listing.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "設定を直せばすぐ", en: "Right away once the setting is fixed" },
    prepare: &[Prepare::Fact(Fact::ErrorText)],
    steps: &[
        Step::new(text! {
            ja: "サーバーが Spamhaus に照会するときの DNS を、自前の再帰リゾルバーにするか、Spamhaus の Data Query Service（DQS）に切り替えてください。",
            en: "Have the server ask Spamhaus through its own recursive resolver, or switch to Spamhaus's Data Query Service (DQS).",
        })
        .link(text! { ja: "Spamhaus: 応答コードの確認のお願い（英語）", en: "Spamhaus: check your return codes" }, Url::one(CHECK_RETURN_CODES)),
        Step::new(text! {
            ja: "127.255.255.x の応答は、掲載ではなくエラーとして扱う設定にしてください。",
            en: "Treat 127.255.255.x answers as errors, not as listings.",
        }),
        Step::new(text! {
            ja: "それまでに断ったメールは相手に戻っています。必要なら、相手に送り直しを頼んでください。",
            en: "Mail refused until then went back to its senders: ask them to send again if you need it.",
        }),
    ],
    donts: &[text! {
        ja: "断った相手のアドレスの解除を Spamhaus に申請しないでください。掲載されているのではありません。",
        en: "Do not ask Spamhaus to remove the refused client's address: it is not listed.",
    }],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: &[
        Source { title: text! { ja: "Spamhaus: DNSBL の応答コードの技術的な変更", en: "Spamhaus: DNSBL return codes technical update" }, url: Url::one(RETURN_CODES) },
        Source { title: text! { ja: "Spamhaus: 公開ミラーの利用者は応答コードの確認を", en: "Spamhaus: using our public mirrors? Check your return codes now" }, url: Url::one(CHECK_RETURN_CODES) },
    ],
    checked: CHECKED,
};

// ---- Refinements: which Spamhaus list --------------------------------------------------------

const SBL_ANSWERS: &[&str] = &["127.0.0.2", "127.0.0.9"];
const CSS_ANSWERS: &[&str] = &["127.0.0.3"];
const XBL_ANSWERS: &[&str] = &["127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"];
const PBL_ANSWERS: &[&str] = &["127.0.0.10", "127.0.0.11"];
const DBL_ANSWERS: &[&str] = &[
    "127.0.1.2",
    "127.0.1.4",
    "127.0.1.5",
    "127.0.1.6",
    "127.0.1.102",
    "127.0.1.103",
    "127.0.1.104",
    "127.0.1.105",
    "127.0.1.106",
];

/// Ordered. The zone named in the bounce is the surest sign, then a blocklist answer, then
/// the words of the bounce. SBL comes before the others because its removal comes first; the
/// CSS texts come before the SBL ones because CSS links read `/sbl/query/SBLCSS`.
const REFINE: &[Refine] = &[
    Refine {
        from: "spamhaus-listed",
        when: Needle::Zone("sbl.spamhaus.org"),
        to: &SBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Zone("xbl.spamhaus.org"),
        to: &XBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Zone("pbl.spamhaus.org"),
        to: &PBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Zone("dbl.spamhaus.org"),
        to: &DBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Listed("spamhaus.org", SBL_ANSWERS),
        to: &SBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Listed("spamhaus.org", CSS_ANSWERS),
        to: &CSS,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Listed("spamhaus.org", XBL_ANSWERS),
        to: &XBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Listed("spamhaus.org", PBL_ANSWERS),
        to: &PBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Listed("spamhaus.org", DBL_ANSWERS),
        to: &DBL,
    },
    // The older combined zone answers for the SBL and the XBL alike, so its name says
    // neither; without a lookup answer above, the general advice (find which list on the
    // checker) stands. It must come before the text rules: "sbl-xbl.spamhaus.org" contains
    // "xbl.spamhaus.org".
    Refine {
        from: "spamhaus-listed",
        when: Needle::Zone("sbl-xbl.spamhaus.org"),
        to: &ZEN,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("sbl-xbl.spamhaus.org"),
        to: &ZEN,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("sblcss"),
        to: &CSS,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("listed by css"),
        to: &CSS,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("/sbl/query/sbl"),
        to: &SBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("listed by sbl"),
        to: &SBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("sbl.spamhaus.org"),
        to: &SBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("xbl.spamhaus.org"),
        to: &XBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("listed by xbl"),
        to: &XBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::ProviderCode("BL23"),
        to: &XBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("pbl.spamhaus.org"),
        to: &PBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("listed by pbl"),
        to: &PBL,
    },
    Refine {
        from: "spamhaus-listed",
        when: Needle::Text("dbl.spamhaus.org"),
        to: &DBL,
    },
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Spamhaus,
    name: text! {
        ja: "Spamhaus",
        en: "Spamhaus",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &ZEN)],
    generic: NOT_LIST_REASONS,
    playbooks: &[
        &ZEN,
        &SBL,
        &CSS,
        &XBL,
        &PBL,
        &PBL_BESIDE_A_BLOCK,
        &DBL,
        &OPEN_RESOLVER,
        &OPEN_RESOLVER_OWN,
    ],
    codes: &[],
    refine: REFINE,
};
