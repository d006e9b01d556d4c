//! NTT docomo (docomo.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::CARRIER_USER_UNKNOWN;
use super::PartyBook;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};
use crate::text::Text;

/// docomo publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.docomo.ne.jp"];
const SETTINGS: &str = "https://www.docomo.ne.jp/info/spam_mail/domain/";
/// docomo's notice of spoofed-mail warnings (from October 2024).
const SPOOF_NOTICE: &str =
    "https://www.docomo.ne.jp/binary/pdf/info/news_release/topics_240522_00.pdf";

pub(crate) const FILTERED: Playbook = Playbook {
    id: "docomo-filtered",
    party: Some(Party::Docomo),
    title: Text { ja: "ドコモの迷惑メール設定による拒否", en: "Refused by the recipient's docomo spam settings" },
    verdict: Text {
        ja: "宛先 {recipient}（ドコモのメール）の迷惑メール対策の設定で、あなたからのメールが受け取られない状態になっています。",
        en: "The spam settings of the docomo address {recipient} do not let your mail in.",
    },
    why: Text {
        ja: "携帯電話のメールは、パソコンからのメールを受け取らない設定や、登録したアドレスだけを受け取る設定（受信リスト設定）になっていることがよくあります。送信ドメイン認証のないメールが、なりすましとして拒否されることもあります。",
        en: "Phone mail is often set to refuse mail from computers, or to accept only registered senders (the receive list). Mail without sender authentication can also be refused as spoofed.",
    },
    actors: &[Actor::Recipient, Actor::Sender],
    urgency: Urgency::Soon,
    duration: Text { ja: "受信者が設定を変えればすぐ", en: "Right away once the recipient changes the setting" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(Text {
            ja: "受信者に電話や SMS で連絡し、ドコモの「受信リスト設定」（以前の名称は「指定受信設定」）に、あなたのドメインを登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add your domain to docomo's receive list (受信リスト設定, formerly 指定受信設定). The message below can help.",
        })
        .link(Text { ja: "ドコモ: 受信リスト設定の案内", en: "docomo: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(Text { ja: "登録してもらうドメイン", en: "The domain to register" }, "@{sender_domain}"),
        Step::new(Text {
            ja: "受信者がパソコンからのメールを拒否する設定にしていても、受信リストに登録したアドレスからは受け取れるようになります。",
            en: "Even if the recipient refuses mail from computers, addresses on the receive list get through.",
        }),
        Step::new(Text {
            ja: "あなたのドメインに送信ドメイン認証（SPF・DKIM・DMARC）を設定してください。ドコモは認証のないメールに「なりすまし」の警告を表示したり、拒否したりします。",
            en: "Set up sender authentication (SPF, DKIM, DMARC) for your domain: docomo warns about or refuses mail without it as possibly spoofed.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND],
    message: Some(Message {
        to: To::Recipient,
        address: None,
        subject: Text { ja: "メールの受信設定のお願い（@{sender_domain}）", en: "Could you allow mail from @{sender_domain}?" },
        body: Text {
            ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが、携帯電話の迷惑メール設定により届かずに返ってきてしまいました。お手数ですが、ドコモの「受信リスト設定」に「@{sender_domain}」を登録していただけますでしょうか。設定方法は、ドコモのホームページで「受信リスト設定」と検索するとご確認いただけます。

登録いただけましたら、あらためてお送りいたします。よろしくお願いいたします。",
            en: "Hello,

The mail I sent to {recipient} came back because of the phone's spam settings. Could you add \"@{sender_domain}\" to docomo's receive list (受信リスト設定)? docomo's website explains how (search for 受信リスト設定).

I will send it again once you have. Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source { title: Text { ja: "ドコモ: 受信リスト設定", en: "docomo: receive list settings (Japanese)" }, url: Url::one(SETTINGS) },
        Source { title: Text { ja: "ドコモ: なりすましメール警告表示の開始（報道発表）", en: "docomo: spoofed-mail warnings (press release, Japanese)" }, url: Url::one(SPOOF_NOTICE) },
    ],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Docomo,
    name: Text {
        ja: "NTT ドコモ",
        en: "NTT docomo",
    },
    domains: DOMAINS,
    routes: &[
        (
            &[
                Reason::Filtered,
                Reason::Rejected,
                Reason::Blocked,
                Reason::PolicyViolation,
                Reason::SpamDetected,
                Reason::SecurityError,
                Reason::AuthFailure,
                Reason::Undefined,
            ],
            &FILTERED,
        ),
        (&[Reason::UserUnknown], &CARRIER_USER_UNKNOWN),
    ],
    generic: &[
        Reason::BadReputation,
        Reason::ContentError,
        Reason::Delivered,
        Reason::ExceedLimit,
        Reason::Expired,
        Reason::FailedStartTls,
        Reason::Feedback,
        Reason::HasMoved,
        Reason::HostUnknown,
        Reason::MailboxFull,
        Reason::MailerError,
        Reason::MesgTooBig,
        Reason::NetworkError,
        Reason::NoRelaying,
        Reason::NotAccept,
        Reason::NotCompliantRfc,
        Reason::OnHold,
        Reason::RequirePtr,
        Reason::Speeding,
        Reason::Suppressed,
        Reason::Suspend,
        Reason::SyntaxError,
        Reason::SystemError,
        Reason::SystemFull,
        Reason::TooManyConn,
        Reason::Vacation,
        Reason::VirusDetected,
    ],
    playbooks: &[&FILTERED, &CARRIER_USER_UNKNOWN],
    codes: &[],
    refine: &[],
};
