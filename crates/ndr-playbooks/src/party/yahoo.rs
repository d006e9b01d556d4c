//! Yahoo Mail and AOL (Yahoo Inc.; not Yahoo! JAPAN): the sender support request.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::auth_playbook;
use super::{rest, spamhaus, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Link, Playbook, Source, Step, Urgency, Url};
use crate::text::Text;

// ---- Facts that change, in one place -------------------------------------------------------

/// Newest snapshot of the error-code page (2026-02-15).
const CHECKED: &str = "2026-02-15";
const DOMAINS: &[&str] = &["senders.yahooinc.com"];
/// NDRs still link help.yahoo.com SLN3434/3436, postmaster.verizonmedia.com and
/// postmaster.yahooinc.com; all of them now lead here.
const ERROR_CODES: &str = "https://senders.yahooinc.com/smtp-error-codes";
const BEST_PRACTICES: &str = "https://senders.yahooinc.com/best-practices/";
const SUPPORT_REQUEST: &str = "https://senders.yahooinc.com/contact/#sender-support-request";

const FACTS: &[(&str, &str)] = &[("list_name", "Yahoo")];

const SRC_CODES: Source = Source {
    title: text! {
        ja: "Yahoo Sender Hub: SMTP エラーコード",
        en: "Yahoo Sender Hub: SMTP error codes",
    },
    url: Url::one(ERROR_CODES),
};
const SRC_PRACTICES: Source = Source {
    title: text! {
        ja: "Yahoo Sender Hub: 送信者のベストプラクティス",
        en: "Yahoo Sender Hub: Sender best practices",
    },
    url: Url::one(BEST_PRACTICES),
};
const SOURCES: &[Source] = &[SRC_CODES, SRC_PRACTICES];

const SUPPORT_REQUEST_LINK: Link = Link {
    label: text! {
        ja: "Yahoo Sender Support Request（英語）",
        en: "Yahoo Sender Support Request",
    },
    url: Url::one(SUPPORT_REQUEST),
};

const STEP_REQUEST: Step = Step::new(text! {
    ja: "原因を直したうえで、Yahoo の「Sender Support Request」フォーム（英語）から、ブロックされた IP アドレス、エラーの全文、直したことを送ってください。",
    en: "Once the cause is fixed, file Yahoo's Sender Support Request with the blocked IP address, the full error and what you fixed.",
})
.linked(SUPPORT_REQUEST_LINK)
.copy(LABEL_IP_TO_ENTER, "{ip}");

const STEP_PRACTICES: Step = Step::new(text! {
    ja: "Yahoo の送信者向けの要件を確認してください。SPF・DKIM・DMARC、ワンクリックでの配信停止、迷惑メール報告率 0.3% 未満などが求められています。",
    en: "Check Yahoo's sender requirements: SPF, DKIM and DMARC, one-click unsubscribe, a spam-report rate under 0.3%, and more.",
})
.link(text! { ja: "Yahoo 送信者のベストプラクティス（英語）", en: "Yahoo sender best practices" }, Url::one(BEST_PRACTICES));

const BASIS: Basis = Basis {
    party: Some(Party::Yahoo),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Playbooks ----------------------------------------------------------------------------

pub(crate) const DEFERRED: Playbook = Playbook {
    id: "yahoo-deferred",
    party: Some(Party::Yahoo),
    title: text! { ja: "米国 Yahoo（Yahoo Mail・AOL）による一時的な受信制限", en: "Yahoo temporary deferral" },
    verdict: text! {
        ja: "Yahoo が、送信量や苦情の多さを理由に、送信元 IP アドレス {ip} からのメールの受け取りを一時的に遅らせています。まだ失敗は確定していません。",
        en: "Yahoo is temporarily deferring mail from {ip} because of unexpected volume or user complaints. The message has not failed for good.",
    },
    why: text! {
        ja: "急な大量送信や、受信者からの迷惑メール報告が増えたときに起こります。",
        en: "It follows a sudden burst of mail or a rise in spam reports from recipients.",
    },
    actors: &[Actor::Sender, Actor::Nobody],
    urgency: Urgency::Wait,
    duration: DURATION_HOURS_TO_DAY,
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "送信側のサーバーが自動で再送します。一斉送信の途中なら、量と速度を落としてください。",
            en: "Your server retries by itself. If you are in the middle of a bulk send, send less and more slowly.",
        }),
        STEP_REMOVE_COMPLAINERS,
        STEP_PRACTICES,
        Step::new(text! {
            ja: "何日も続く場合は、Yahoo の「Sender Support Request」フォーム（英語）で相談してください。",
            en: "If it goes on for days, file Yahoo's Sender Support Request.",
        })
        .linked(SUPPORT_REQUEST_LINK),
    ],
    donts: &[DONT_RESEND],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

const STEP_REMOVE_COMPLAINERS: Step = Step::new(text! {
    ja: "苦情やエラーの多い宛先をリストから外してください。",
    en: "Remove addresses that complain or bounce.",
});

/// [`DEFERRED`] in a final bounce: a recipient marked `failed` with Yahoo's temporary reply
/// (421 TSS04) is a server that kept retrying and gave up, so the message is not on its way
/// any more and "your server retries by itself" would be wrong (held-out s, case 01: a mail
/// service's Postfix returning the message). Chosen by `generic::variant_for`.
pub(crate) const DEFERRED_GAVE_UP: Playbook = Playbook {
    verdict: text! {
        ja: "Yahoo が、送信量や苦情の多さを理由に、送信元 IP アドレス {ip} からのメールの受け取りを遅らせ続けました。送信側のサーバーは再送をあきらめたため、このメールは届いていません。",
        en: "Yahoo kept deferring mail from {ip} because of unexpected volume or user complaints, and your server gave up retrying: this message was not delivered.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    steps: &[
        Step::new(text! {
            ja: "このメールは自動では再送されません。数時間おいてから、同じ宛先に一度だけ送り直してください。一斉送信の途中だった場合は、量と速度を落としてください。",
            en: "This message will not be retried. Wait a few hours, then send it again, once. If you were in the middle of a bulk send, send less and more slowly.",
        }),
        STEP_REMOVE_COMPLAINERS,
        STEP_PRACTICES,
        Step::new(text! {
            ja: "送り直しても同じエラーで返ってくる場合は、メールサーバーを運用している側（ホスティング事業者やメールサービス）に伝えてください。自分で運用しているなら、Yahoo の「Sender Support Request」フォーム（英語）で相談してください。",
            en: "If it comes back with the same error again, tell whoever runs your mail server (your hosting company or mail service); if you run it yourself, file Yahoo's Sender Support Request.",
        })
        .linked(SUPPORT_REQUEST_LINK),
    ],
    donts: &[DONT_RESEND_REPEATEDLY],
    ..DEFERRED
};

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "yahoo-blocked",
    party: Some(Party::Yahoo),
    title: text! { ja: "米国 Yahoo（Yahoo Mail・AOL）による送信元のブロック（TSS06・TSS09）", en: "Yahoo permanent block (TSS06, TSS09)" },
    verdict: text! {
        ja: "Yahoo（Yahoo Mail・AOL）が、送信元 IP アドレス {ip} からのメールを恒久的に拒否しています。再送しても届きません。",
        en: "Yahoo (Yahoo Mail, AOL) is permanently refusing mail from {ip}; retrying will not help.",
    },
    why: text! {
        ja: "迷惑メールの報告や評価の低下が続いた IP アドレスに対する措置で、共用サーバーでは他の利用者が原因のことがあります。",
        en: "It is applied to addresses with lasting complaints or poor reputation; on a shared server another customer may be the cause.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: DURATION_DAYS_AFTER_REQUEST,
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        STEP_SHARED_SERVER,
        STEP_PRACTICES,
        STEP_REQUEST,
    ],
    donts: &[DONT_RESEND, DONT_PAY, DONT_DELIST_FIRST],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const CONTENT: Playbook = Playbook {
    id: "yahoo-content",
    party: Some(Party::Yahoo),
    title: text! { ja: "米国 Yahoo（Yahoo Mail・AOL）が内容やポリシーを理由に拒否（PH01・5.7.9）", en: "Yahoo refused the content or for policy reasons (PH01, 5.7.9)" },
    verdict: text! {
        ja: "Yahoo が、メールの内容（特にリンク先）やポリシーを理由に、このメールを受け取りませんでした。",
        en: "Yahoo did not accept the message because of its content (links in particular) or for policy reasons.",
    },
    why: text! {
        ja: "フィッシングに似たリンクや評価の低いドメインへのリンク、短縮 URL が含まれていることが主な原因です。",
        en: "Links that look like phishing, links to low-reputation domains, or shortened links are the usual cause.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "内容を直せばすぐ", en: "Right away once the content is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "本文のリンクを見直し、短縮 URL や身に覚えのないリンクを外してください。ホームページが改ざんされていないかも確認してください。",
            en: "Review the links in the message: remove shortened links and any you do not recognise, and check that your website has not been hacked.",
        }),
        STEP_PRACTICES,
        Step::new(text! {
            ja: "直しても続く場合は、Yahoo の「Sender Support Request」フォーム（英語）で相談してください。",
            en: "If it continues after the fix, file Yahoo's Sender Support Request.",
        })
        .linked(SUPPORT_REQUEST_LINK),
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const UNAUTHENTICATED: Playbook = auth_playbook(
    Head {
        id: "yahoo-unauthenticated",
        title: text! { ja: "Yahoo: 送信ドメイン認証がない（5.7.9）", en: "Yahoo: unauthenticated sender (5.7.9)" },
        verdict: text! {
            ja: "Yahoo は SPF か DKIM による認証を求めていますが、{sender_domain} からのメールはどちらにも合格しなかったため拒否されました。",
            en: "Yahoo requires SPF or DKIM authentication, and mail from {sender_domain} passed neither, so it was refused.",
        },
        why: text! {
            ja: "送信に使っているサービスが SPF に含まれていない、DKIM が有効になっていない、のどちらかがほとんどです。一斉送信では SPF と DKIM の両方と DMARC が必要です。",
            en: "Almost always the sending service is missing from SPF, or DKIM is not turned on. Bulk senders need both, plus DMARC.",
        },
    },
    BASIS,
);

// ---- Codes ----------------------------------------------------------------------------------

/// TS01 to TS03: an older form of deferral whose meaning Yahoo does not publish.
const MEANING_OLD_DEFERRAL: Text = text! {
    ja: "古い形式の一時的な受信制限（意味は公開されていません）",
    en: "Older temporary deferral (meaning not published)",
};

/// Yahoo publishes categories, not a code table (https://senders.yahooinc.com/smtp-error-codes);
/// the codes below are from real replies, their meanings from the replies' own text.
const CODES: &[CodeEntry] = &[
    // "421 4.7.0 [TSS04] Messages from <IP> temporarily deferred due to unexpected volume or user complaints"
    CodeEntry::provider(
        Party::Yahoo,
        "TSS04",
        Reason::BadReputation,
        text! {
            ja: "送信量や苦情の多さによる一時的な受信制限",
            en: "Temporarily deferred for unexpected volume or user complaints",
        },
        &DEFERRED,
    ),
    // "553 5.7.2 [TSS06] All messages from <IP> will be permanently deferred; Retrying will NOT succeed."
    CodeEntry::provider(
        Party::Yahoo,
        "TSS06",
        Reason::Blocked,
        text! {
            ja: "送信元 IP アドレスからのメールを恒久的に拒否",
            en: "All mail from the IP is permanently refused",
        },
        &BLOCKED,
    ),
    // "553 5.7.2 [TSS09] All messages from <IP> will be permanently deferred; Retrying will NOT succeed."
    CodeEntry::provider(
        Party::Yahoo,
        "TSS09",
        Reason::Blocked,
        text! {
            ja: "送信元 IP アドレスからのメールを恒久的に拒否（新しい形式）",
            en: "All mail from the IP is permanently refused (newer form)",
        },
        &BLOCKED,
    ),
    // Older deferral codes TS01 to TS03 (4xx); meanings not documented by Yahoo.
    CodeEntry::provider(
        Party::Yahoo,
        "TS01",
        Reason::BadReputation,
        MEANING_OLD_DEFERRAL,
        &DEFERRED,
    ),
    CodeEntry::provider(
        Party::Yahoo,
        "TS02",
        Reason::BadReputation,
        MEANING_OLD_DEFERRAL,
        &DEFERRED,
    ),
    CodeEntry::provider(
        Party::Yahoo,
        "TS03",
        Reason::BadReputation,
        MEANING_OLD_DEFERRAL,
        &DEFERRED,
    ),
    // "PH01": content or URL (phishing-like) block; exact meaning not published.
    CodeEntry::provider(
        Party::Yahoo,
        "PH01",
        Reason::ContentError,
        text! {
            ja: "内容やリンク（フィッシングに似たもの）による拒否",
            en: "Refused for content or links (phishing-like)",
        },
        &CONTENT,
    ),
    // "553 5.7.1 [TSS07] ...": refers to a Spamhaus listing
    CodeEntry::provider(
        Party::Spamhaus,
        "TSS07",
        Reason::Blocked,
        spamhaus::MEANING_LISTED,
        &spamhaus::ZEN,
    )
    .issued_by(Party::Yahoo),
    // "[BL21]": Spamhaus-based block
    CodeEntry::provider(
        Party::Spamhaus,
        "BL21",
        Reason::Blocked,
        spamhaus::MEANING_LISTED,
        &spamhaus::ZEN,
    )
    .issued_by(Party::Yahoo),
    // "[BL23]": Spamhaus-based block tied to the XBL
    CodeEntry::provider(
        Party::Spamhaus,
        "BL23",
        Reason::Blocked,
        text! {
            ja: "Spamhaus XBL（感染・乗っ取りの疑いのある IP アドレス）への掲載による拒否",
            en: "Refused because of a Spamhaus XBL listing (infected or exploited hosts)",
        },
        &spamhaus::XBL,
    )
    .issued_by(Party::Yahoo),
    // "554 5.7.9 Message not accepted for policy reasons."
    CodeEntry::enhanced(
        Some(Party::Yahoo),
        "5.7.9",
        Reason::PolicyViolation,
        text! {
            ja: "ポリシーによる拒否",
            en: "Not accepted for policy reasons",
        },
        &CONTENT,
    ),
    // "550 5.7.9 This mail has been blocked because the sender is unauthenticated."
    CodeEntry::enhanced(
        Some(Party::Yahoo),
        "5.7.9",
        Reason::AuthFailure,
        text! {
            ja: "送信者が SPF・DKIM で認証されていないための拒否",
            en: "Blocked because the sender is not authenticated with SPF or DKIM",
        },
        &UNAUTHENTICATED,
    ),
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below): among them a refusal by Yahoo's
/// server whose words say nothing (`onhold`, `undefined`; the core names Yahoo for the
/// rejecting host alone, "550 Action not taken" from `mx-aol.mail.gm0.yahoodns.net`), which is
/// neither a known deferral to wait out nor a known block: its generic playbook waits only when
/// the reply is temporary.
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (
        &[Reason::Blocked, Reason::Rejected, Reason::SecurityError],
        &BLOCKED,
    ),
    (
        &[Reason::BadReputation, Reason::Speeding, Reason::TooManyConn],
        &DEFERRED,
    ),
    (
        &[
            Reason::SpamDetected,
            Reason::PolicyViolation,
            Reason::Filtered,
            Reason::ContentError,
        ],
        &CONTENT,
    ),
    (&[Reason::AuthFailure], &UNAUTHENTICATED),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Yahoo,
    name: text! {
        ja: "Yahoo Mail・AOL（米国 Yahoo。Yahoo! JAPAN とは別）",
        en: "Yahoo Mail / AOL (Yahoo Inc.)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<25>(ROUTES),
    playbooks: &[&DEFERRED, &BLOCKED, &CONTENT, &UNAUTHENTICATED],
    codes: CODES,
    refine: &[],
};
