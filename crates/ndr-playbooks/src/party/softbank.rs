//! SoftBank (i.softbank.jp, softbank.ne.jp): the recipient's own spam settings (受信許可リスト).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{carrier_filtered, carrier_user_unknown, STEP_CARRIER_REMOVE_IF_GONE};
use super::{rest, PartyBook, CARRIER_FILTER_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Link, Playbook, Source, Step, Url};

/// SoftBank publishes no bounce-code table; the setting pages were located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.softbank.jp"];
/// For @i.softbank.jp addresses.
const SETTINGS_EMAIL_I: &str =
    "https://www.softbank.jp/mobile/support/mail/antispam/email-i/white/";
/// For @softbank.ne.jp (S!メール / MMS) addresses.
const SETTINGS_MMS: &str = "https://www.softbank.jp/mobile/support/mail/antispam/mms/whiteblack/";
/// The name of the allow-list setting, as the recipient will see it and search for it.
/// The carrier's mail domains (fact sheet §3.12), for bounces in which the core named no party.
pub(crate) const RECIPIENT_DOMAINS: &[&str] = &["i.softbank.jp", "softbank.ne.jp"];
const FACTS: &[(&str, &str)] = &[("allow_list", "受信許可リスト")];

/// The party, facts and sources both SoftBank playbooks share.
const BASIS: Basis = Basis {
    party: Some(Party::Softbank),
    facts: FACTS,
    sources: &[
        Source {
            title: text! { ja: "ソフトバンク: 受信許可リスト（@i.softbank.jp）", en: "SoftBank: allow list for @i.softbank.jp (Japanese)" },
            url: Url::one(SETTINGS_EMAIL_I),
        },
        Source {
            title: text! { ja: "ソフトバンク: 受信許可・拒否リスト（@softbank.ne.jp）", en: "SoftBank: allow and blocklists for @softbank.ne.jp (Japanese)" },
            url: Url::one(SETTINGS_MMS),
        },
    ],
    checked: CHECKED,
};

pub(crate) const FILTERED: Playbook = carrier_filtered(
    Head {
        id: "softbank-filtered",
        title: text! { ja: "ソフトバンクの迷惑メール設定による拒否", en: "Refused by the recipient's SoftBank spam settings" },
        verdict: text! {
            ja: "宛先 {recipient}（ソフトバンクのメール）の迷惑メールブロックの設定で、あなたからのメールが受け取られない状態になっています。",
            en: "The spam-blocking settings of the SoftBank address {recipient} do not let your mail in.",
        },
        why: text! {
            ja: "ソフトバンクのメールは、許可したアドレスだけを受け取る設定になっていることがよくあります。存在しない宛先と、設定による拒否のどちらも「Invalid recipient」と表示されることがあり、設定で拒否されたメールは通知なく消えることもあります。",
            en: "SoftBank mail is often set to accept only allowed senders. \"Invalid recipient\" may mean either an unknown address or a refusal by the settings, and filtered mail can also vanish without any notice.",
        },
    },
    &[
        Step::new(text! {
            ja: "受信者に電話や SMS で連絡し、ソフトバンクの迷惑メール設定の「受信許可リスト」に、{allowed_sender_you}を登録してもらってください。",
            en: "Call or text the recipient and ask them to add {allowed_sender_you} to the allow list (受信許可リスト) of SoftBank's spam settings.",
        })
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
        Step::new(text! {
            ja: "@i.softbank.jp のアドレスなら、こちらの案内で「受信許可リスト」に登録してもらいます。",
            en: "For @i.softbank.jp addresses, the allow list is set up as described here.",
        })
        .linked(LINK_EMAIL_I)
        .for_domain("i.softbank.jp"),
        Step::new(text! {
            ja: "@softbank.ne.jp のアドレスなら、こちらの案内で「受信許可リスト」に登録してもらいます。",
            en: "For @softbank.ne.jp addresses, the allow list is set up as described here.",
        })
        .linked(LINK_MMS)
        .for_domain("softbank.ne.jp"),
        STEP_CARRIER_AUTH,
        STEP_RESEND_ONCE,
    ],
    BASIS,
);

const LINK_EMAIL_I: Link = Link {
    label: text! { ja: "ソフトバンク: 受信許可リストの設定（@i.softbank.jp）", en: "SoftBank: allow list for @i.softbank.jp (Japanese)" },
    url: Url::one(SETTINGS_EMAIL_I),
};
const LINK_MMS: Link = Link {
    label: text! { ja: "ソフトバンク: 受信許可・拒否リストの設定（@softbank.ne.jp）", en: "SoftBank: allow and blocklists for @softbank.ne.jp (Japanese)" },
    url: Url::one(SETTINGS_MMS),
};

/// "550 Invalid recipient: <x@i.softbank.jp>" means an unknown address or a filter refusal
/// (fact sheet §3.12; 3rd-party https://note.com/sendmagic/n/n5afbf98aeb25).
pub(crate) const USER_UNKNOWN: Playbook = carrier_user_unknown(
    Head {
        id: "softbank-user-unknown",
        title: text! { ja: "ソフトバンクのアドレスが見つからない（迷惑メール設定の場合も）", en: "SoftBank says the address was not found (it can also be the spam settings)" },
        verdict: text! {
            ja: "宛先 {recipient}（ソフトバンクのメール）へのメールは、宛先が見つからないとして返ってきました。ソフトバンクでは、アドレスが使われていない場合と、受信者の迷惑メール設定で拒否された場合のどちらでも、このエラーになります。",
            en: "Your mail to the SoftBank address {recipient} came back saying the address was not found. At SoftBank this error can mean that the address is no longer in use, or that the recipient's spam settings refused your mail.",
        },
        why: text! {
            ja: "携帯電話のアドレスは、乗り換えやアドレス変更でよく変わります。一方で、ソフトバンクのメールは許可したアドレスだけを受け取る設定になっていることも多く、その場合も同じエラーが返ります。エラーだけでは、どちらか分かりません。",
            en: "Phone addresses change often, when people switch carriers or change their address. But SoftBank mail is also often set to accept only allowed senders, and then the same error comes back. The error alone does not tell which.",
        },
    },
    &[
        STEP_CHECK_ADDRESS,
        Step::new(text! {
            ja: "電話や SMS で受信者に連絡し、アドレスが今も使われているかと、ソフトバンクの迷惑メール設定の「受信許可リスト」に{allowed_sender_you}が登録されているかの両方を確認してもらってください。下の文面を SMS で送ることもできます。",
            en: "Call or text the recipient and ask them to check both: whether the address is still in use, and whether {allowed_sender_you} is on the allow list (受信許可リスト) of SoftBank's spam settings. You can also text them the message below.",
        })
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
        Step::new(text! {
            ja: "@i.softbank.jp のアドレスなら、こちらの案内で「受信許可リスト」を確認してもらいます。",
            en: "For @i.softbank.jp addresses, the allow list is checked as described here.",
        })
        .linked(LINK_EMAIL_I)
        .for_domain("i.softbank.jp"),
        Step::new(text! {
            ja: "@softbank.ne.jp のアドレスなら、こちらの案内で「受信許可リスト」を確認してもらいます。",
            en: "For @softbank.ne.jp addresses, the allow list is checked as described here.",
        })
        .linked(LINK_MMS)
        .for_domain("softbank.ne.jp"),
        STEP_CARRIER_REMOVE_IF_GONE,
    ],
    BASIS,
);

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (CARRIER_FILTER_REASONS, &FILTERED),
    (&[Reason::UserUnknown], &USER_UNKNOWN),
];

/// SoftBank's refusals as its servers word them (fact sheet §3.12; SoftBank publishes no code
/// table).
const CODES: &[CodeEntry] = &[
    // "550 Invalid recipient: <x@i.softbank.jp>": an unknown address, or filtered.
    CodeEntry::provider(
        Party::Softbank,
        "550 Invalid recipient",
        Reason::UserUnknown,
        text! { ja: "宛先が存在しない、または受信者の迷惑メール設定による拒否（受信拒否）", en: "No such address, or a refusal by the recipient's spam settings" },
        &USER_UNKNOWN,
    )
    .keywords("i.softbank.jp softbank.ne.jp ソフトバンク 受信拒否 受信許可リスト 指定受信 unknown user"),
    // "553 <domain> does not exist": the envelope-from domain has no DNS.
    CodeEntry::provider(
        Party::Softbank,
        "553 <domain> does not exist",
        Reason::Rejected,
        text! { ja: "差出人（あなた）のドメインが DNS で見つからない", en: "Your sending domain cannot be found in DNS" },
        &super::generic::SENDER_DOMAIN_UNKNOWN,
    )
    .keywords("i.softbank.jp softbank.ne.jp ソフトバンク sender domain 送信ドメイン"),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Softbank,
    name: text! {
        ja: "ソフトバンク",
        en: "SoftBank",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<27>(ROUTES),
    playbooks: &[&FILTERED, &USER_UNKNOWN],
    codes: CODES,
    refine: &[],
};
