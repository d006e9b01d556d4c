//! NTT docomo (docomo.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{carrier_filtered, CARRIER_USER_UNKNOWN};
use super::{rest, PartyBook, CARRIER_FILTER_REASONS};
use crate::model::{Playbook, Source, Step, Url};

/// docomo publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.docomo.ne.jp"];
const SETTINGS: &str = "https://www.docomo.ne.jp/info/spam_mail/domain/";
/// docomo's notice of spoofed-mail warnings (from October 2024).
const SPOOF_NOTICE: &str =
    "https://www.docomo.ne.jp/binary/pdf/info/news_release/topics_240522_00.pdf";
/// The name of the allow-list setting, as the recipient will see it and search for it.
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

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (CARRIER_FILTER_REASONS, &FILTERED),
    (&[Reason::UserUnknown], &CARRIER_USER_UNKNOWN),
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
    playbooks: &[&FILTERED, &CARRIER_USER_UNKNOWN],
    codes: &[],
    refine: &[],
};
