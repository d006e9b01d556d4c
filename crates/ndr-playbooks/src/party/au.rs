//! au / KDDI (au.com, ezweb.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{carrier_filtered, CARRIER_USER_UNKNOWN};
use super::{rest, PartyBook, CARRIER_FILTER_REASONS};
use crate::model::{Playbook, Source, Step, Url};

/// au publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.au.com"];
const SETTINGS: &str =
    "https://www.au.com/support/service/mobile/trouble/mail/email/filter/detail/domain/";
/// The name of the allow-list setting, as the recipient will see it and search for it.
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
            ja: "受信者に電話や SMS で連絡し、au の迷惑メールフィルターの「受信リスト設定」に、あなたのドメインを登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add your domain to the receive list (受信リスト設定) of au's spam filter. The message below can help.",
        })
        .link(text! { ja: "au: 受信リスト設定の案内", en: "au: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{sender_domain}"),
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

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (CARRIER_FILTER_REASONS, &FILTERED),
    (&[Reason::UserUnknown], &CARRIER_USER_UNKNOWN),
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
    playbooks: &[&FILTERED, &CARRIER_USER_UNKNOWN],
    codes: &[],
    refine: &[],
};
