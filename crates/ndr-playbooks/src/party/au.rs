//! au / KDDI (au.com, ezweb.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{carrier_filtered, carrier_user_unknown, STEP_CARRIER_REMOVE_IF_GONE};
use super::{rest, PartyBook, CARRIER_FILTER_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Link, Playbook, Source, Step, Url};

/// au publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.au.com"];
const SETTINGS: &str =
    "https://www.au.com/support/service/mobile/trouble/mail/email/filter/detail/domain/";
/// The name of the allow-list setting, as the recipient will see it and search for it.
/// The carrier's mail domains (fact sheet §3.12), for bounces in which the core named no party.
pub(crate) const RECIPIENT_DOMAINS: &[&str] = &["au.com", "ezweb.ne.jp"];
const FACTS: &[(&str, &str)] = &[("allow_list", "受信リスト設定")];

pub(crate) const FILTERED: Playbook = carrier_filtered(
    Head {
        id: "au-filtered",
        title: text! { ja: "au の迷惑メールフィルターによる拒否", en: "Refused by the recipient's au spam filter" },
        verdict: text! {
            ja: "宛先 {recipient}（au のメール）の迷惑メールフィルターの設定で、あなたからのメールが受け取られない状態になっています。",
            en: "The spam filter settings of the au address {recipient} do not let your mail in.",
        },
        why: text! {
            ja: "au のメールは、登録したアドレスだけを受け取る設定（受信リスト設定）や、なりすましメールを拒否する設定になっていることがよくあります。au では、存在しない宛先と、フィルターによる拒否のどちらも「User unknown」と表示されることがあります。",
            en: "au mail is often set to accept only registered senders (the receive list) or to refuse spoofed mail. au may say \"User unknown\" both for an address that does not exist and for a filter refusal.",
        },
    },
    &[
        Step::new(text! {
            ja: "受信者に電話や SMS で連絡し、au の迷惑メールフィルターの「受信リスト設定」に、{allowed_sender_you}を登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add {allowed_sender_you} to the receive list (受信リスト設定) of au's spam filter. The message below can help.",
        })
        .link(text! { ja: "au: 受信リスト設定の案内", en: "au: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
        STEP_CARRIER_AUTH,
        STEP_RESEND_ONCE,
    ],
    Basis {
        party: Some(Party::Au),
        facts: FACTS,
        sources: &[Source { title: text! { ja: "au: 受信リスト設定", en: "au: receive list settings (Japanese)" }, url: Url::one(SETTINGS) }],
        checked: CHECKED,
    },
);

const SETTINGS_LINK: Link = Link {
    label: text! { ja: "au: 受信リスト設定の案内", en: "au: receive list settings (Japanese)" },
    url: Url::one(SETTINGS),
};

/// "550 <x@ezweb.ne.jp>: User unknown" covers both an address that does not exist and the
/// recipient's filter (fact sheet §3.12; 3rd-party https://note.com/sendmagic/n/n875d8dcb6cb8).
pub(crate) const USER_UNKNOWN: Playbook = carrier_user_unknown(
    Head {
        id: "au-user-unknown",
        title: text! { ja: "au のアドレスが見つからない（迷惑メールフィルターの場合も）", en: "au says the address is unknown (it can also be the spam filter)" },
        verdict: text! {
            ja: "宛先 {recipient}（au のメール）は「User unknown（存在しない宛先）」として返ってきました。au では、アドレスが使われていない場合と、受信者の迷惑メールフィルターで拒否された場合のどちらでも、このエラーになります。",
            en: "The au address {recipient} came back as \"User unknown\". At au this error can mean that the address is no longer in use, or that the recipient's spam filter refused your mail.",
        },
        why: text! {
            ja: "携帯電話のアドレスは、乗り換えやアドレス変更でよく変わります。一方で、登録したアドレスだけを受け取る設定（受信リスト設定）や、なりすましメールを拒否する設定でも、同じエラーが返ります。エラーだけでは、どちらか分かりません。",
            en: "Phone addresses change often, when people switch carriers or change their address. But the same error comes back when the filter accepts only registered senders (the receive list) or refuses spoofed mail. The error alone does not tell which.",
        },
    },
    &[
        STEP_CHECK_ADDRESS,
        Step::new(text! {
            ja: "電話や SMS で受信者に連絡し、アドレスが今も使われているかと、au の迷惑メールフィルターの「受信リスト設定」に{allowed_sender_you}が登録されているかの両方を確認してもらってください。下の文面を SMS で送ることもできます。",
            en: "Call or text the recipient and ask them to check both: whether the address is still in use, and whether {allowed_sender_you} is on the receive list (受信リスト設定) of au's spam filter. You can also text them the message below.",
        })
        .linked(SETTINGS_LINK)
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
        STEP_CARRIER_REMOVE_IF_GONE,
    ],
    Basis {
        party: Some(Party::Au),
        facts: FACTS,
        sources: &[Source { title: text! { ja: "au: 受信リスト設定", en: "au: receive list settings (Japanese)" }, url: Url::one(SETTINGS) }],
        checked: CHECKED,
    },
);

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (CARRIER_FILTER_REASONS, &FILTERED),
    (&[Reason::UserUnknown], &USER_UNKNOWN),
];

/// au's refusal as its servers word it (fact sheet §3.12; au publishes no code table).
const CODES: &[CodeEntry] = &[
    // "550 <x@ezweb.ne.jp>: User unknown": no such address, or the recipient's filter.
    CodeEntry::provider(
        Party::Au,
        "550 User unknown",
        Reason::UserUnknown,
        text! { ja: "宛先が存在しない、または受信者の迷惑メールフィルターによる拒否（受信拒否）", en: "No such address, or a refusal by the recipient's spam filter" },
        &USER_UNKNOWN,
    )
    .keywords("au.com ezweb.ne.jp kddi 受信拒否 受信リスト 受信リスト設定 指定受信 unknown user"),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Au,
    name: text! {
        ja: "au（KDDI）",
        en: "au (KDDI)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<27>(ROUTES),
    playbooks: &[&FILTERED, &USER_UNKNOWN],
    codes: CODES,
    refine: &[],
};
