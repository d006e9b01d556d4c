//! Mimecast: the recipient's gateway policy. There is no public delisting; the recipient's
//! Mimecast administrator decides.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, Needle, PartyBook, Refine, DEFERRAL_REASONS, REFUSAL_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["community.mimecast.com", "mimecastsupport.zendesk.com"];
const CODES_PAGE: &str =
    "https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754";
const KB: &str = "https://mimecastsupport.zendesk.com/hc/en-us/articles/34000709564691";
/// Mimecast's page on the Personal Portal's "Managed Senders": each user's own blocked and
/// permitted senders.
const MANAGED_SENDERS: &str = "https://mimecastsupport.zendesk.com/hc/en-us/articles/34000442063123-Mimecast-Personal-Portal-Managed-Senders";

const SOURCES: &[Source] = &[
    Source {
        title: text! {
            ja: "Mimecast: SMTP エラーコード一覧",
            en: "Mimecast: SMTP error codes",
        },
        url: Url::one(CODES_PAGE),
    },
    Source {
        title: text! {
            ja: "Mimecast サポート: SMTP エラーコード（新しい記事）",
            en: "Mimecast Support: SMTP error codes (newer article)",
        },
        url: Url::one(KB),
    },
];

pub(crate) const POLICY: Playbook = Playbook {
    id: "mimecast-policy",
    party: Some(Party::Mimecast),
    title: text! { ja: "受信側の Mimecast のポリシーによる拒否", en: "Refused by the recipient's Mimecast policy" },
    verdict: text! {
        ja: "受信側が使っている Mimecast のセキュリティ設定が、あなたからのメールを拒否しました。",
        en: "The security settings of Mimecast, which the receiving side uses, refused your mail.",
    },
    why: text! {
        ja: "受信側の組織が決めたポリシー、迷惑メールの判定、送信元の評価のいずれかが理由です。Mimecast には公開の解除窓口がなく、受信側の管理者が判断します。",
        en: "A policy of the receiving organisation, a spam verdict, or your sender's reputation is the reason. Mimecast has no public removal; the recipient's administrator decides.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "受信者に電話などで連絡し、下の文面を受信側の Mimecast 管理者に渡してもらってください。管理者は、あなたのアドレスを許可する設定ができます。",
            en: "Contact the recipient by phone or another way and ask them to pass the message below to their Mimecast administrator, who can allow your address.",
        }),
        Step::new(text! {
            ja: "あわせて、送信ドメイン認証（SPF・DKIM・DMARC）と送信元の評価を確認し、迷惑メールに似た内容を避けてください。",
            en: "Meanwhile, check your sender authentication (SPF, DKIM, DMARC) and reputation, and avoid spam-like content.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND, DONT_PAY],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// "550 Envelope blocked - User Entry": the refusal names a user's own entry, not the
/// organisation's policy. Mimecast lets each user keep a personal Blocked Senders list in the
/// Personal Portal ("end users can manage their Personal Blocked Senders, Permitted Senders ...
/// entries", and remove an entry from it), so the recipient can take the sender off the list
/// themselves; their administrator is the fallback.
// Source: https://mimecastsupport.zendesk.com/hc/en-us/articles/34000442063123-Mimecast-Personal-Portal-Managed-Senders
pub(crate) const USER_BLOCKED: Playbook = Playbook {
    id: "mimecast-user-blocked",
    party: Some(Party::Mimecast),
    title: text! {
        ja: "受信者本人があなたのアドレスをブロックしている（Mimecast）",
        en: "The recipient has blocked your address (Mimecast)",
    },
    verdict: text! {
        ja: "受信側の Mimecast が、受信者本人のブロックした送信者の一覧（User Entry）にあなたのアドレス（またはドメイン）があるため、メールを拒否しました。",
        en: "The recipient's Mimecast refused your mail because your address (or domain) is on the recipient's own blocked senders list (a \"User Entry\").",
    },
    why: text! {
        ja: "Mimecast では、利用者が自分でブロックする送信者を登録できます。以前のメールを迷惑メールとして扱ったときなどに登録されることがあります。送信サーバーやブロックリストの問題ではありません。",
        en: "Mimecast lets each user keep their own list of blocked senders, often filled when they once treated a message as spam. It is not about your server or any blocklist.",
    },
    actors: &[Actor::Recipient, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_SETTING,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "電話や別のアドレスで受信者に連絡し、Mimecast のブロックした送信者の一覧（Personal Portal や Outlook の Mimecast の「Managed Senders」）からあなたのアドレスを外してもらってください。下の文面をそのまま使えます。",
            en: "Contact the recipient by phone or another address and ask them to remove you from their blocked senders in Mimecast (Managed Senders, in the Personal Portal or Mimecast for Outlook). The message below says it.",
        })
        .link(
            text! { ja: "Mimecast: Managed Senders の使い方（英語）", en: "Mimecast: Managed Senders" },
            Url::one(MANAGED_SENDERS),
        ),
        Step::new(text! {
            ja: "受信者が自分で外せない場合は、受信側の管理者に頼んでもらってください。",
            en: "If they cannot remove it themselves, they can ask their administrator.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(Message {
        to: To::Recipient,
        address: None,
        subject: text! {
            ja: "{recipient} 宛てのメールがブロックされています",
            en: "My mail to {recipient} is blocked",
        },
        body: text! {
            ja: "お世話になっております。

{recipient} 宛てにメールをお送りしたところ、Mimecast の「ブロックした送信者」の設定により返ってきてしまいました。

・エラー全文: {error_text}

お手数ですが、Mimecast の Managed Senders（ブロックした送信者の一覧）から私のアドレスを外していただけますでしょうか。ご自身で変更できない場合は、管理者の方にご相談いただけると助かります。

よろしくお願いいたします。",
            en: "Hello,

My mail to {recipient} came back because my address is on your blocked senders list in Mimecast.

- Full error: {error_text}

Could you please remove my address from your Mimecast Managed Senders (blocked senders)? If you cannot change it yourself, your administrator can.

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! {
                ja: "Mimecast サポート: Personal Portal の Managed Senders",
                en: "Mimecast Support: Personal Portal - Managed Senders",
            },
            url: Url::one(MANAGED_SENDERS),
        },
        SOURCES[0],
    ],
    checked: "2026-11-26",
};

pub(crate) const GREYLIST: Playbook = Playbook {
    id: "mimecast-greylisting",
    party: Some(Party::Mimecast),
    title: text! { ja: "Mimecast による一時的な保留（451）", en: "Temporarily deferred by Mimecast (451)" },
    verdict: text! {
        ja: "受信側の Mimecast が、メールの受け取りを一時的に保留しています。まだ失敗は確定していません。",
        en: "The recipient's Mimecast is temporarily deferring your mail. It has not failed for good.",
    },
    why: text! {
        ja: "初めての送信元を一度保留する仕組み（グレーリスト）や、送信元の評価の確認によるもので、再送すれば多くは届きます。",
        en: "Mimecast defers unknown senders once (greylisting) or while it checks reputation; a retry usually gets through.",
    },
    actors: &[Actor::Nobody],
    urgency: Urgency::Wait,
    duration: text! { ja: "数分から 12 時間ほど", en: "A minute to about 12 hours" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "送信側のサーバーが自動で再送するので、そのまま待ってください。",
            en: "Your server retries by itself: wait.",
        }),
        Step::new(text! {
            ja: "半日以上たっても届かない場合や、送信側が再送しない仕組み（一部の配信システム）の場合は、受信者に連絡してください。",
            en: "If it has not arrived after half a day, or your sending system does not retry, contact the recipient.",
        }),
    ],
    donts: &[DONT_RESEND_RETRYING],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// From a real reply: "554 email rejected due to security policies - MCSpamSignature".
const CODES: &[CodeEntry] = &[CodeEntry::provider(
    Party::Mimecast,
    "MCSpamSignature",
    Reason::SpamDetected,
    text! {
        ja: "Mimecast の迷惑メールの特徴に一致したための拒否",
        en: "Refused because it matched a Mimecast spam signature",
    },
    &POLICY,
)];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (&[Reason::Blocked, Reason::RequirePtr], &POLICY),
    (REFUSAL_REASONS, &POLICY),
    (DEFERRAL_REASONS, &GREYLIST),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Mimecast,
    name: text! {
        ja: "Mimecast",
        en: "Mimecast",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<23>(ROUTES),
    playbooks: &[&POLICY, &USER_BLOCKED, &GREYLIST],
    codes: CODES,
    // "550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550"
    refine: &[Refine {
        from: POLICY.id,
        when: Needle::Text("envelope blocked - user entry"),
        to: &USER_BLOCKED,
    }],
};
