//! au / KDDI (au.com, ezweb.ne.jp): the recipient's own spam settings (受信リスト設定).

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::CARRIER_USER_UNKNOWN;
use super::PartyBook;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};
use crate::text::Text;

/// au publishes no bounce-code table; the setting page was located on 2026-11-25.
const CHECKED: &str = "2026-11-25";
const DOMAINS: &[&str] = &["www.au.com"];
const SETTINGS: &str =
    "https://www.au.com/support/service/mobile/trouble/mail/email/filter/detail/domain/";

pub(crate) const FILTERED: Playbook = Playbook {
    id: "au-filtered",
    party: Some(Party::Au),
    title: Text { ja: "au の迷惑メールフィルターによる拒否", en: "Refused by the recipient's au spam filter" },
    verdict: Text {
        ja: "宛先 {recipient}（au のメール）の迷惑メールフィルターの設定で、あなたからのメールが受け取られない状態になっています。",
        en: "The spam filter settings of the au address {recipient} do not let your mail in.",
    },
    why: Text {
        ja: "au のメールは、登録したアドレスだけを受け取る設定（受信リスト設定）や、なりすましメールを拒否する設定になっていることがよくあります。au では、存在しない宛先と、フィルターによる拒否のどちらも「User unknown」と表示されることがあります。",
        en: "au mail is often set to accept only registered senders (the receive list) or to refuse spoofed mail. au may say \"User unknown\" both for an address that does not exist and for a filter refusal.",
    },
    actors: &[Actor::Recipient, Actor::Sender],
    urgency: Urgency::Soon,
    duration: Text { ja: "受信者が設定を変えればすぐ", en: "Right away once the recipient changes the setting" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(Text {
            ja: "受信者に電話や SMS で連絡し、au の迷惑メールフィルターの「受信リスト設定」に、あなたのドメインを登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add your domain to the receive list (受信リスト設定) of au's spam filter. The message below can help.",
        })
        .link(Text { ja: "au: 受信リスト設定の案内", en: "au: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(Text { ja: "登録してもらうドメイン", en: "The domain to register" }, "@{sender_domain}"),
        Step::new(Text {
            ja: "あなたのドメインに送信ドメイン認証（SPF・DKIM・DMARC）を設定してください。認証のないメールは、なりすましとして拒否されることがあります。",
            en: "Set up sender authentication (SPF, DKIM, DMARC) for your domain: mail without it can be refused as spoofed.",
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

{recipient} 宛てにお送りしたメールが、携帯電話の迷惑メール設定により届かずに返ってきてしまいました。お手数ですが、au の迷惑メールフィルターの「受信リスト設定」に「@{sender_domain}」を登録していただけますでしょうか。設定方法は、au のホームページで「受信リスト設定」と検索するとご確認いただけます。

登録いただけましたら、あらためてお送りいたします。よろしくお願いいたします。",
            en: "Hello,

The mail I sent to {recipient} came back because of the phone's spam settings. Could you add \"@{sender_domain}\" to the receive list (受信リスト設定) of au's spam filter? au's website explains how (search for 受信リスト設定).

I will send it again once you have. Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[Source { title: Text { ja: "au: 受信リスト設定", en: "au: receive list settings (Japanese)" }, url: Url::one(SETTINGS) }],
    checked: CHECKED,
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Au,
    name: Text {
        ja: "au（KDDI）",
        en: "au (KDDI)",
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
