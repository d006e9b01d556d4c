//! NTT docomo (docomo.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{
    carrier_filtered, carrier_user_unknown, DONT_RESEND_FULL_OR_LARGE, STEP_CARRIER_REMOVE_IF_GONE,
};
use super::{rest, PartyBook, CARRIER_FILTER_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Link, Playbook, Source, Step, Urgency, Url};

/// docomo publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.docomo.ne.jp"];
const SETTINGS: &str = "https://www.docomo.ne.jp/info/spam_mail/domain/";
/// docomo's notice of spoofed-mail warnings (from October 2024).
const SPOOF_NOTICE: &str =
    "https://www.docomo.ne.jp/binary/pdf/info/news_release/topics_240522_00.pdf";
/// The name of the allow-list setting, as the recipient will see it and search for it.
/// The carrier's mail domains (fact sheet §3.12), for bounces in which the core named no party.
pub(crate) const RECIPIENT_DOMAINS: &[&str] = &["docomo.ne.jp"];
const FACTS: &[(&str, &str)] = &[("allow_list", "受信リスト設定")];

pub(crate) const FILTERED: Playbook = carrier_filtered(
    Head {
        id: "docomo-filtered",
        title: text! { ja: "ドコモの迷惑メール設定による拒否", en: "Refused by the recipient's docomo spam settings" },
        verdict: text! {
            ja: "宛先 {recipient}（ドコモのメール）の迷惑メール対策の設定で、あなたからのメールが受け取られない状態になっています。",
            en: "The spam settings of the docomo address {recipient} do not let your mail in.",
        },
        why: text! {
            ja: "携帯電話のメールは、パソコンからのメールを受け取らない設定や、登録したアドレスだけを受け取る設定（受信リスト設定）になっていることがよくあります。送信ドメイン認証のないメールが、なりすましとして拒否されることもあります。",
            en: "Phone mail is often set to refuse mail from computers, or to accept only registered senders (the receive list). Mail without sender authentication can also be refused as spoofed.",
        },
    },
    &[
        Step::new(text! {
            ja: "受信者に電話や SMS で連絡し、ドコモの「受信リスト設定」（以前の名称は「指定受信設定」）に、あなたのドメインを登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add your domain to docomo's receive list (受信リスト設定, formerly 指定受信設定). The message below can help.",
        })
        .link(text! { ja: "ドコモ: 受信リスト設定の案内", en: "docomo: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{sender_domain}"),
        Step::new(text! {
            ja: "受信者がパソコンからのメールを拒否する設定にしていても、受信リストに登録したアドレスからは受け取れるようになります。",
            en: "Even if the recipient refuses mail from computers, addresses on the receive list get through.",
        }),
        Step::new(text! {
            ja: "あなたのドメインに送信ドメイン認証（SPF・DKIM・DMARC）を設定してください。ドコモは認証のないメールに「なりすまし」の警告を表示したり、拒否したりします。",
            en: "Set up sender authentication (SPF, DKIM, DMARC) for your domain: docomo warns about or refuses mail without it as possibly spoofed.",
        }),
        STEP_RESEND_ONCE,
    ],
    Basis {
        party: Some(Party::Docomo),
        facts: FACTS,
        sources: &[
            Source { title: text! { ja: "ドコモ: 受信リスト設定", en: "docomo: receive list settings (Japanese)" }, url: Url::one(SETTINGS) },
            Source { title: text! { ja: "ドコモ: なりすましメール警告表示の開始（報道発表）", en: "docomo: spoofed-mail warnings (press release, Japanese)" }, url: Url::one(SPOOF_NOTICE) },
        ],
        checked: CHECKED,
    },
);

const SETTINGS_LINK: Link = Link {
    label: text! { ja: "ドコモ: 受信リスト設定の案内", en: "docomo: receive list settings (Japanese)" },
    url: Url::one(SETTINGS),
};
const SRC_SETTINGS: Source = Source {
    title: text! { ja: "ドコモ: 受信リスト設定", en: "docomo: receive list settings (Japanese)" },
    url: Url::one(SETTINGS),
};

/// "550 Unknown user <x@docomo.ne.jp>": at RCPT the address does not exist, at the end of DATA it
/// is usually the recipient's filter (fact sheet §3.12; 3rd-party write-ups
/// https://note.com/sendmagic/n/neb6bbe7e51cf and https://tuono034s.com/web-entry/3575/). The core
/// marks the filter case `filtered` itself; what reaches this playbook may still be either, so
/// the address is not deleted before the person is asked.
pub(crate) const USER_UNKNOWN: Playbook = carrier_user_unknown(
    Head {
        id: "docomo-user-unknown",
        title: text! { ja: "ドコモのアドレスが見つからない（迷惑メール設定の場合も）", en: "docomo says the address is unknown (it can also be the spam settings)" },
        verdict: text! {
            ja: "宛先 {recipient}（ドコモのメール）は「存在しない宛先」として返ってきました。ドコモでは、アドレスが使われていない場合と、受信者の迷惑メール設定で拒否された場合のどちらでも、このエラーになることがあります。",
            en: "The docomo address {recipient} came back as unknown. At docomo this error can mean that the address is no longer in use, or that the recipient's spam settings refused your mail.",
        },
        why: text! {
            ja: "携帯電話のアドレスは、乗り換えやアドレス変更でよく変わります。一方で、パソコンからのメールを受け取らない設定や、登録したアドレスだけを受け取る設定（受信リスト設定）でも拒否されます。エラーだけでは、どちらか分かりません。",
            en: "Phone addresses change often, when people switch carriers or change their address. Mail is also refused by settings that turn away mail from computers, or accept only registered senders (the receive list). The error alone does not tell which.",
        },
    },
    &[
        STEP_CHECK_ADDRESS,
        Step::new(text! {
            ja: "電話や SMS で受信者に連絡し、アドレスが今も使われているかと、ドコモの「受信リスト設定」（以前の名称は「指定受信設定」）にあなたのドメインが登録されているかの両方を確認してもらってください。下の文面を SMS で送ることもできます。",
            en: "Call or text the recipient and ask them to check both: whether the address is still in use, and whether your domain is on docomo's receive list (受信リスト設定, formerly 指定受信設定). You can also text them the message below.",
        })
        .linked(SETTINGS_LINK)
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{sender_domain}"),
        STEP_CARRIER_REMOVE_IF_GONE,
    ],
    Basis {
        party: Some(Party::Docomo),
        facts: FACTS,
        sources: &[SRC_SETTINGS],
        checked: CHECKED,
    },
);

/// "552 Too much mail data": docomo says it both for a full mailbox and for a message too large
/// (fact sheet §3.12; https://note.com/sendmagic/n/neb6bbe7e51cf), so both are named; the size is
/// the one the sender can act on at once. Chosen by the core's note `full_or_too_big` for a
/// docomo address (`party::by_reply_note`), not by the domain alone: a docomo refusal in other
/// words says which of the two it is, and gets the generic playbook of its reason.
pub(crate) const FULL_OR_TOO_LARGE: Playbook = Playbook {
    id: "docomo-full-or-too-large",
    party: Some(Party::Docomo),
    title: text! { ja: "ドコモ: 受信箱がいっぱいか、メールが大きすぎる", en: "docomo: the mailbox is full, or the message is too large" },
    verdict: text! {
        ja: "宛先 {recipient}（ドコモのメール）が、受信箱の容量がいっぱいか、メールが大きすぎるために受け取りませんでした。ドコモはどちらの場合も同じエラー（552 Too much mail data）を返します。",
        en: "The docomo address {recipient} did not take the message: either its mailbox is full, or the message is too large. docomo returns the same error (552 Too much mail data) for both.",
    },
    why: text! {
        ja: "写真や PDF などの添付ファイルが大きいと、携帯電話のメールの上限を超えることがあります。受信者が長い間メールを整理していない場合は、受信箱がいっぱいになっています。",
        en: "Attachments such as photos or PDFs can exceed the limit of phone mail; a mailbox the recipient has not cleared for a long time fills up.",
    },
    actors: &[Actor::Sender, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! { ja: "添付を減らせばすぐ、容量は受信者しだい", en: "Right away with smaller attachments; otherwise when the recipient makes room" },
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "添付ファイルがある場合は、外して送るか、小さくして（写真の縮小、分割、共有リンクの利用など）一度だけ送り直してください。",
            en: "If the message had attachments, send it once more without them, or smaller (resized photos, split files, or a sharing link).",
        }),
        Step::new(text! {
            ja: "添付のない短いメールでも返ってくる場合は、受信箱がいっぱいです。電話や SMS で受信者に伝え、不要なメールを削除してもらってください。",
            en: "If even a short message without attachments comes back, the mailbox is full: call or text the recipient and ask them to delete old mail.",
        }),
    ],
    donts: &[DONT_RESEND_FULL_OR_LARGE],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: &[SRC_SETTINGS],
    checked: CHECKED,
};

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (CARRIER_FILTER_REASONS, &FILTERED),
    (&[Reason::UserUnknown], &USER_UNKNOWN),
];

/// docomo's refusals as its servers word them (fact sheet §3.12; docomo publishes no code
/// table). Listed so the code list finds them by their wording.
const CODES: &[CodeEntry] = &[
    // "550 Unknown user <x@docomo.ne.jp>": no such address at RCPT; usually the recipient's
    // filter at the end of DATA.
    CodeEntry::provider(
        Party::Docomo,
        "550 Unknown user",
        Reason::UserUnknown,
        text! { ja: "宛先が存在しない、または受信者の迷惑メール設定による拒否（受信拒否）", en: "No such address, or a refusal by the recipient's spam settings" },
        &USER_UNKNOWN,
    )
    .keywords("docomo.ne.jp ドコモ 受信拒否 受信リスト 受信リスト設定 指定受信 user unknown"),
    // "552 Too much mail data": the mailbox is full or the message too large.
    CodeEntry::provider(
        Party::Docomo,
        "552 Too much mail data",
        Reason::MailboxFull,
        text! { ja: "受信箱がいっぱい、またはメールが大きすぎる", en: "The mailbox is full, or the message is too large" },
        &FULL_OR_TOO_LARGE,
    )
    .keywords("docomo.ne.jp ドコモ mailbox full too large 容量"),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Docomo,
    name: text! {
        ja: "NTT ドコモ",
        en: "NTT docomo",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<27>(ROUTES),
    playbooks: &[&FILTERED, &USER_UNKNOWN, &FULL_OR_TOO_LARGE],
    codes: CODES,
    refine: &[],
};
