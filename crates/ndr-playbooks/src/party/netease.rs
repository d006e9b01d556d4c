//! NetEase's mail (163.com, 126.com, yeah.net): its refusals carry a code of its own
//! (DT:SPM, MI:IMF, HL:IFC, ...). NetEase's own help pages found explain the content refusal
//! (DT:SPM, "the mail contains information NetEase does not permit"); its table of the other
//! codes was found only in copies on other sites, so the steps claim nothing from it.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

/// The help pages below, as stored copies were read on this date (they carry no date of their
/// own beyond the 2010 and 2011 in their addresses).
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &["help.163.com"];
/// "关于垃圾邮件的常见疑问": why mail that used to go through is now refused as containing
/// information NetEase does not permit; sending in bulk; what to change.
const SPAM_FAQ: Url = Url::one("https://help.163.com/11/0406/11/70V14RLL00754IKK.html");
/// "网易反垃圾邮件政策": check the recipients exist, change the subject and content, or send the
/// content packed in an archive.
const SPAM_POLICY: Url = Url::one("https://help.163.com/10/0809/17/6DLM06KO00754III.html");

const SOURCES: &[Source] = &[
    Source {
        title: text! { ja: "網易（NetEase）ヘルプ: 迷惑メールについてのよくある質問", en: "NetEase help: common questions about spam refusals" },
        url: SPAM_FAQ,
    },
    Source {
        title: text! { ja: "網易（NetEase）ヘルプ: 迷惑メール対策の方針", en: "NetEase help: anti-spam policy" },
        url: SPAM_POLICY,
    },
];

pub(crate) const REFUSED: Playbook = Playbook {
    id: "netease-refused",
    party: Some(Party::Netease),
    title: text! { ja: "網易（163.com など）による拒否", en: "NetEase (163.com and others) refused the mail" },
    verdict: text! {
        ja: "網易（NetEase: 163.com、126.com、yeah.net）のメールサーバーが、{recipient} 宛てのメールを受け付けませんでした。",
        en: "NetEase's mail servers (163.com, 126.com, yeah.net) did not accept the mail to {recipient}.",
    },
    why: text! {
        ja: "エラーのコード（{provider_code}）は網易独自のものです。「DT:SPM」は、エラーに添えられた言葉のとおり、メールの内容が網易の許可しない情報を含む、または迷惑メールと判定されたという意味です。網易のヘルプによると、この判定は受信者からの報告をもとに随時更新されるため、以前は届いたメールが急に拒否されることもあります。ほかのコードは、コードと一緒に書かれた言葉が何を確かめたかを表します。",
        en: "The error's code ({provider_code}) is NetEase's own. \"DT:SPM\" means, as the words that come with it say, that the message was found to contain information NetEase does not permit, or was judged spam. NetEase's help says this judgement is updated all the time from what recipients report, so mail that used to arrive can suddenly be refused. For its other codes, the words written with the code say what was checked.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "内容や送り方を直した後、すぐ〜数日", en: "At once to days, after the content or the way of sending is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "宛先のアドレスが実在するか、相手がこのメールを受け取ることに同意しているかを確かめてください。網易のヘルプは、広告・宣伝や事実でない内容のメールを、同意のない相手に送らないよう求めています。",
            en: "Check that the recipient's address is real and that they agreed to get this mail. NetEase's help asks senders not to send advertising, promotion or misleading mail to people who did not agree to it.",
        }),
        Step::new(text! {
            ja: "件名と本文に、広告や宣伝でよく使われる言葉がないか見直し、あれば外してから送り直してください。網易の案内では、内容を圧縮ファイルにまとめて送る方法も挙げられています。",
            en: "Read the subject and the text for words typical of advertising and take them out before sending again. NetEase's guidance also suggests sending the content packed in an archive.",
        })
        .link(text! { ja: "網易: 迷惑メール対策の方針", en: "NetEase: anti-spam policy" }, SPAM_POLICY),
        Step::new(text! {
            ja: "一斉送信の場合は、送る間隔を空けて量を減らしてください。網易のヘルプによると、同じ相手や同じメール事業者に短い間に多く送ると、一時的に拒否されることがあります。",
            en: "If it went to many people at once, send more slowly and in smaller batches. NetEase's help says that sending often to the same person, or a lot to one mail provider in a short time, can be refused for a while.",
        })
        .link(text! { ja: "網易: 迷惑メールについてのよくある質問", en: "NetEase: common questions about spam refusals" }, SPAM_FAQ),
        Step::new(text! {
            ja: "エラーのコードが DT:SPM 以外（HL: で始まるもの、MI: で始まるものなど）のときは、コードと一緒に書かれた言葉を、送信サーバーを管理している人（社内の管理者、またはメール事業者）に伝えてください。",
            en: "If the code is not DT:SPM (one starting with HL: or MI:, for example), pass the words written with it to whoever runs your sending server (your IT administrator or mail provider).",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED, DONT_PAY],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// NetEase's codes: only the one its own help explains.
const CODES: &[CodeEntry] = &[CodeEntry::provider(
    Party::Netease,
    "DT:SPM",
    Reason::SpamDetected,
    text! { ja: "内容が網易の許可しない情報を含む、または迷惑メールと判定された", en: "The content contains information NetEase does not permit, or was judged spam" },
    &REFUSED,
)
.keywords("netease 163.com 126.com yeah.net spam")];

/// Ordered: the first entry that names the reason wins.
const ROUTES: &[(&[Reason], &Playbook)] = &[(super::PROVIDER_BLOCK_REASONS, &REFUSED)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Netease,
    name: text! {
        ja: "網易（NetEase: 163.com、126.com、yeah.net）",
        en: "NetEase (163.com, 126.com, yeah.net)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<28>(ROUTES),
    playbooks: &[&REFUSED],
    codes: CODES,
    refine: &[],
};
