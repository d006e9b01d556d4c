//! NTT docomo (docomo.ne.jp): the recipient's own spam settings (受信リスト設定), and an
//! "Unknown user" that since March 2025 most likely means a missing address.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{carrier_filtered, DONT_RESEND_FULL_OR_LARGE, STEP_CARRIER_REMOVE_IF_GONE};
use super::{rest, Needle, PartyBook, Refine, CARRIER_FILTER_REASONS};
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
            ja: "受信者に電話や SMS で連絡し、ドコモの「受信リスト設定」（以前の名称は「指定受信設定」）に、{allowed_sender_you}を登録してもらってください。下の文面が使えます。",
            en: "Call or text the recipient and ask them to add {allowed_sender_you} to docomo's receive list (受信リスト設定, formerly 指定受信設定). The message below can help.",
        })
        .link(text! { ja: "ドコモ: 受信リスト設定の案内", en: "docomo: receive list settings (Japanese)" }, Url::one(SETTINGS))
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
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

/// docomo's notice of 13 February 2025: from 13 March 2025 its servers accept mail that a user's
/// spam settings refuse and file it in the user's 迷惑メール folder, instead of refusing it.
const FILTER_CHANGE_NOTICE: &str =
    "https://www.docomo.ne.jp/binary/pdf/info/news_release/topics_250213_00.pdf";
const SRC_FILTER_CHANGE: Source = Source {
    title: text! { ja: "ドコモ: 迷惑メールフォルダーの提供開始（報道発表）", en: "docomo: spam folder for refused mail (press release, Japanese)" },
    url: Url::one(FILTER_CHANGE_NOTICE),
};

/// "550 Unknown user <x@docomo.ne.jp>". Until March 2025 the same words came back both for an
/// address that does not exist (at RCPT) and for a sender the recipient's filter refused (at
/// the end of DATA; fact sheet §3.12). Since 13 March 2025 docomo accepts mail its users'
/// settings refuse (250) and files it in their 迷惑メール folder (docomo's release above; Impress
/// Watch, https://www.watch.impress.co.jp/docs/news/1662457.html), so today the refusal most
/// likely means the address is gone. Sisimai's maintainer reads it so since then
/// (go-sisimai issue #64 and pull requests #65 and #70, `rhost/for-nttdocomo.go`; p5-sisimai
/// #576). The core still reads an end-of-DATA "Unknown user" as `filtered` (the Sisimai corpus
/// this project measures against expects `rejected` for it), so `docomo-filtered` is refined to
/// this playbook by the words themselves (`BOOK.refine`). The person is still asked before the
/// address is deleted: an older bounce, or a typing mistake, reads the same.
pub(crate) const USER_UNKNOWN: Playbook = Playbook {
    id: "docomo-user-unknown",
    party: Some(Party::Docomo),
    title: text! { ja: "ドコモのアドレスが見つからない（使われていない可能性が高い）", en: "docomo says the address is unknown (most likely no longer in use)" },
    verdict: text! {
        ja: "宛先 {recipient}（ドコモのメール）は「存在しない宛先」として返ってきました。ドコモは 2025 年 3 月 13 日から、迷惑メール設定で受け取らないメールを返さずに、受信者の「迷惑メール」フォルダーに入れています。そのため、このエラーは、アドレスがもう使われていないことを示している可能性が高いです。",
        en: "The docomo address {recipient} came back as unknown. Since 13 March 2025 docomo no longer returns mail that a user's spam settings refuse: it files it in their 迷惑メール (spam) folder. So this error most likely means that the address is no longer in use.",
    },
    why: text! {
        ja: "携帯電話のアドレスは、乗り換えやアドレス変更でよく変わります。以前は迷惑メール設定による拒否でも同じエラーが返ってきましたが、今はそのようなメールは受信者の「迷惑メール」フォルダーに届きます。",
        en: "Phone addresses change often, when people switch carriers or change their address. The same error used to come back when the recipient's spam settings refused a sender; today such mail lands in their 迷惑メール folder instead.",
    },
    actors: &[Actor::Sender, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! { ja: "相手に確認できればすぐ", en: "As soon as you reach the person" },
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        STEP_CHECK_ADDRESS,
        Step::new(text! {
            ja: "電話や SMS など別の方法で相手に連絡し、このアドレスを今も使っているか、変えた場合は新しいアドレスを確認してください。下の文面を SMS で送ることもできます。",
            en: "Reach the person another way (a call, a text message) and ask whether they still use this address, or for the new one if they changed it. You can also text them the message below.",
        }),
        Step::new(text! {
            ja: "今も使っているアドレスなら、送り直したメールが「迷惑メール」フォルダーに入っていないか見てもらい、ドコモの「受信リスト設定」に{allowed_sender_you}を登録してもらうと、受信箱に届くようになります。",
            en: "If the address is still theirs, ask them to look in their 迷惑メール folder for the message you send again, and to add {allowed_sender_you} to docomo's receive list (受信リスト設定) so that your mail reaches the inbox.",
        })
        .linked(SETTINGS_LINK)
        .copy(LABEL_DOMAIN_TO_REGISTER, "@{allow_domain}"),
        STEP_CARRIER_REMOVE_IF_GONE,
    ],
    donts: &[
        text! {
            ja: "相手に確認できないうちに、アドレスを削除しないでください。使われていない可能性は高いものの、確かめられるのはご本人だけです。",
            en: "Do not delete the address before you have reached the person: it is most likely gone, but only they can confirm it.",
        },
        DONT_GUESS_ADDRESSES,
    ],
    message: Some(crate::model::Message {
        to: crate::model::To::Recipient,
        address: None,
        subject: text! {
            ja: "メールアドレスの確認のお願い",
            en: "Is this still your address?",
        },
        body: text! {
            ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが「宛先が見つからない」というエラーで返ってきてしまいました。

お手数ですが、メールアドレスが変わっていないかご確認いただけますでしょうか。変わっていれば、新しいアドレスを教えてください。変わっていなければ、あらためてお送りしますので、「迷惑メール」フォルダーに入っていないかもご確認ください。

よろしくお願いいたします。",
            en: "Hello,

The mail I sent to {recipient} came back saying the address could not be found.

Could you check whether your address has changed? If it has, could you tell me the new one? If it has not, I will send the message again: could you also look for it in your 迷惑メール (spam) folder?

Thank you.",
        },
    }),
    lookup: None,
    facts: FACTS,
    sources: &[SRC_FILTER_CHANGE, SRC_SETTINGS],
    checked: CHECKED,
};

/// "552 Too much mail data": docomo says it both for a full mailbox and for a message too large
/// (fact sheet §3.12; https://note.com/sendmagic/n/neb6bbe7e51cf), so both are named. The full
/// mailbox comes first, and with it the recipient: Sisimai's docomo table reads these exact
/// words as `mailboxfull` (go-sisimai `rhost/for-nttdocomo.go`, p5-sisimai
/// `Sisimai::Rhost::NTTDOCOMO`: "mailboxfull" => "552 too much mail data"), as the core does,
/// and the sending services that document docomo's replies call it the recipient's full mailbox
/// (held-out t 54). The size stays the second step. Chosen by the core's note `full_or_too_big` for a
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
    actors: &[Actor::Recipient, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信者が容量を空ければすぐ（大きさが原因なら、添付を減らせばすぐ）", en: "As soon as the recipient makes room (right away with smaller attachments, if the size was the cause)" },
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "多くの場合、受信箱がいっぱいです。電話や SMS で受信者に伝え、不要なメールを削除してもらってから、一度だけ送り直してください。",
            en: "Most often the mailbox is full: call or text the recipient, ask them to delete old mail, then send the message once more.",
        }),
        Step::new(text! {
            ja: "写真や PDF などの大きな添付ファイルがあった場合は、外すか小さくして（写真の縮小、分割、共有リンクの利用など）送ってください。添付のない短いメールなら届くときは、大きさが原因です。",
            en: "If the message had large attachments such as photos or PDFs, send it without them, or smaller (resized photos, split files, or a sharing link). If a short message without attachments gets through, the size was the cause.",
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
    // "550 Unknown user <x@docomo.ne.jp>": since 13 March 2025 most likely no such address
    // (docomo files mail its users' settings refuse in their spam folder; see `USER_UNKNOWN`).
    CodeEntry::provider(
        Party::Docomo,
        "550 Unknown user",
        Reason::UserUnknown,
        text! { ja: "宛先が存在しない（2025 年 3 月 13 日以降、迷惑メール設定で受け取らないメールは返されず、迷惑メールフォルダーに入ります）", en: "No such address (since 13 March 2025, mail a user's spam settings refuse is filed in their spam folder, not returned)" },
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
    // docomo's "Unknown user", which the core reads as the filter at the end of DATA: since March
    // 2025 most likely a missing address (see `USER_UNKNOWN`).
    refine: &[Refine {
        from: FILTERED.id,
        when: Needle::Text("unknown user"),
        to: &USER_UNKNOWN,
    }],
};
