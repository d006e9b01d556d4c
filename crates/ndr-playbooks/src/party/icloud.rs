//! Apple iCloud Mail (icloud.com, me.com, mac.com): the postmaster page and icloudadmin@apple.com.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook, REFUSAL_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Fact, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

/// Snapshot of the postmaster page (2025-02-26). NDRs still link the old id HT204137.
const CHECKED: &str = "2025-02-26";
const DOMAINS: &[&str] = &["support.apple.com"];
const POSTMASTER: Url = Url::pair(
    "https://support.apple.com/en-us/102322",
    "https://support.apple.com/ja-jp/102322",
);
const FACTS: &[(&str, &str)] = &[("contact", "icloudadmin@apple.com")];

/// Apple's published requirements for senders, the first step of both policy playbooks.
const STEP_REQUIREMENTS: Step = Step::new(text! {
    ja: "Apple の送信者向けの要件を確認してください。SPF と DKIM、DMARC の方針、逆引き（PTR）、適切な配信リストの管理が求められています。",
    en: "Check Apple's requirements for senders: SPF and DKIM, a DMARC policy, reverse DNS (PTR) and good list practices.",
})
.link(text! { ja: "Apple: iCloud メールの送信者向け情報", en: "Apple: iCloud Mail postmaster information" }, POSTMASTER);

const SOURCES: &[Source] = &[Source {
    title: text! {
        ja: "Apple サポート: iCloud メールの送信者向け情報（Postmaster）",
        en: "Apple Support: iCloud Mail postmaster information",
    },
    url: POSTMASTER,
}];

pub(crate) const POLICY: Playbook = Playbook {
    id: "icloud-policy",
    party: Some(Party::Icloud),
    title: text! { ja: "iCloud メールのポリシーによる拒否", en: "Refused by iCloud Mail policy" },
    verdict: text! {
        ja: "iCloud メールが、独自のポリシー（送信元の評価や認証など）を理由に、{recipient} 宛てのメールを拒否しました。",
        en: "iCloud Mail refused the message to {recipient} under its local policy (sender reputation, authentication and so on).",
    },
    why: text! {
        ja: "送信ドメイン認証（SPF・DKIM・DMARC）や逆引き（PTR）の不備、送信元 IP アドレス {ip} の評価の低さが主な原因です。iCloud には許可リストの仕組みはありません。",
        en: "Missing sender authentication (SPF, DKIM, DMARC) or reverse DNS (PTR), or a poor reputation of {ip}, are the usual causes. iCloud runs no allow list.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "対策と連絡の後、数日", en: "Days, after the fixes and the email" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_REQUIREMENTS,
        // Apple asks what was checked; the message below states only what the sender fills in.
        Step::new(text! {
            ja: "連絡する前に、{sender_domain} の次の 4 点を確認し、できていないものは直してください。SPF（「v=spf1」で始まる TXT レコード）があること、送信したメールに DKIM の署名が付いていること、DMARC のレコード（_dmarc.{sender_domain}）があること、送信サーバーの IP アドレスに逆引き（PTR）が設定されていることです。分からない項目は、メール事業者かホスティング事業者に確認してください。",
            en: "Before writing, check these for {sender_domain} and fix what is missing: an SPF record (a TXT record starting with \"v=spf1\"), a DKIM signature on the mail you send, a DMARC record (_dmarc.{sender_domain}), and reverse DNS (PTR) for your sending server's IP address. Ask your mail provider or hosting company about anything you cannot see yourself.",
        }),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "要件を満たしたうえで、{contact} に、会社名、送信ドメイン、送信元 IP アドレス、受け取ったエラー、確認した項目を英語で送ってください。下に文面があります（確認した項目だけを書いてください）。",
            en: "Once you meet them, email {contact} with your company name, sending domains, sending IP addresses, the errors you received and what you checked. A message is below: write in it only what you actually checked.",
        })
        .copy(LABEL_SEND_TO, "{contact}"),
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(Message {
        to: To::Operator,
        address: Some("{contact}"),
        subject: english_only!("iCloud Mail delivery: mail from {ip} rejected ({code})"),
        body: english_only!(
            "（Apple の窓口は英語で対応するため、会社名と確認した項目（[ ] の部分）を書き足して、次の英文を送ってください。）",
            "Hello,

Our mail to iCloud recipients is rejected with the error below.

Company: [your company name]
Sending domain: {sender_domain}
Sending IP address: {ip}
Error: {error_text}
Date: {date}

What we checked on our side: [for each of SPF, DKIM, DMARC and reverse DNS (PTR), what you found, for example \"SPF record published and passing\"; leave out anything you did not check]

Could you please review our sending reputation? Thank you."
        ),
    }),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The same refusal of mail that went out through Gmail or Google Workspace (the core's note
/// `sender_on_google`, or a Gmail sender address): the sending server, its IP address and its
/// reverse DNS (PTR) are Google's, so neither the steps nor the letter to Apple ask for "your
/// sending IP address" (review h189, own 03). What the sender can check is their own domain's
/// authentication, when they send from it through Google Workspace. Chosen in `select.rs`
/// (`through_sender_notes`).
pub(crate) const POLICY_GOOGLE: Playbook = Playbook {
    id: "icloud-policy-google",
    party: Some(Party::Icloud),
    title: text! { ja: "iCloud メールのポリシーによる拒否（Gmail から送信）", en: "Refused by iCloud Mail policy (sent through Gmail)" },
    verdict: text! {
        ja: "iCloud メールが、独自のポリシー（送信元の評価や認証など）を理由に、{recipient} 宛てのメールを拒否しました。このメールは Gmail（Google Workspace）から Google の共用サーバーを通って送られたため、送信元の IP アドレスはあなたのものではなく Google のものです。",
        en: "iCloud Mail refused the message to {recipient} under its local policy (sender reputation, authentication and so on). The mail went out through Gmail (Google Workspace) on Google's shared servers, so the sending IP address is Google's, not yours.",
    },
    why: text! {
        ja: "Apple は、送信サーバーの評価と、差出人のドメインの認証（SPF・DKIM・DMARC）を見ています。送信サーバーとその逆引き（PTR）は Google が管理しているため、あなたが設定するものはありません。独自ドメインのアドレスから Google Workspace で送っている場合は、そのドメインの認証の設定があなたの側で確認できる部分です。iCloud には許可リストの仕組みはありません。",
        en: "Apple looks at the sending server's reputation and at the sender domain's authentication (SPF, DKIM, DMARC). Google runs the sending servers and their reverse DNS (PTR), so there is nothing of yours to set there. If you send from your own domain through Google Workspace, that domain's authentication is the part you can check. iCloud runs no allow list.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "確認と連絡の後、数日", en: "Days, after the checks and the email" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Time),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        STEP_REQUIREMENTS,
        Step::new(text! {
            ja: "独自ドメインのアドレスから Google Workspace で送っている場合は、{allow_domain} の次の 3 点を確認し、できていないものは直してください。SPF のレコード（「v=spf1」で始まる TXT レコード）に Google（include:_spf.google.com）が入っていること、Google 管理コンソールで DKIM の署名が有効になっていること、DMARC のレコードがあることです。送信サーバーの IP アドレスと逆引き（PTR）は Google のものなので、確認や設定は要りません。Gmail のアドレス（末尾が gmail.com）なら、これらはすべて Google が管理しています。",
            en: "If you send from your own domain through Google Workspace, check these for {allow_domain} and fix what is missing: an SPF record (a TXT record starting with \"v=spf1\") that includes Google (include:_spf.google.com), DKIM signing turned on in the Google Admin console, and a DMARC record. The sending IP address and its reverse DNS (PTR) are Google's: there is nothing to check or set there. From a Gmail address (ending in gmail.com), Google manages all of these.",
        }),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "確認が済んだら、{contact} に、会社名、送信ドメイン、Gmail（Google Workspace）から送っていること、受け取ったエラー、確認した項目を英語で送ってください。下に文面があります（確認した項目だけを書いてください）。",
            en: "Once checked, email {contact} with your company name, sending domain, that you send through Gmail (Google Workspace), the errors you received and what you checked. A message is below: write in it only what you actually checked.",
        })
        .copy(LABEL_SEND_TO, "{contact}"),
    ],
    donts: &[
        text! {
            ja: "メール事業者に「自分の送信元 IP アドレス」を尋ねたり、逆引き（PTR）を設定しようとしたりしないでください。Gmail の送信サーバーは多くの利用者の共用で、その IP アドレスは Google のものです。",
            en: "Do not ask for \"your own sending IP address\" or try to set reverse DNS (PTR): Gmail's sending servers are shared by many users, and their addresses are Google's.",
        },
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::Operator,
        address: Some("{contact}"),
        subject: english_only!("iCloud Mail delivery: mail sent through Google Workspace rejected ({code})"),
        body: english_only!(
            "（Apple の窓口は英語で対応するため、会社名と確認した項目（[ ] の部分）を書き足して、次の英文を送ってください。）",
            "Hello,

Our mail to iCloud recipients is rejected with the error below.

Company: [your company name]
Sending domain: {sender_domain}
Sent through: Google's mail servers (Gmail / Google Workspace), so the sending IP addresses are Google's
Error: {error_text}
Date: {date}

What we checked on our side: [for each of SPF, DKIM and DMARC, what you found, for example \"SPF record includes Google and passes\"; leave out anything you did not check]

Could you please review why our mail is rejected? Thank you."
        ),
    }),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: "2026-11-27",
};

/// From a real reply: "554 5.7.1 [CS01] Message rejected due to local policy. Please visit
/// https://support.apple.com/en-us/HT204137"; HT204137 is the old id of the postmaster page.
const CODES: &[CodeEntry] = &[
    CodeEntry::provider(
        Party::Icloud,
        "CS01",
        Reason::PolicyViolation,
        text! {
            ja: "iCloud メールの独自ポリシーによる拒否",
            en: "Rejected due to iCloud Mail's local policy",
        },
        &POLICY,
    ),
    CodeEntry::enhanced(
        Some(Party::Icloud),
        "5.7.1",
        Reason::PolicyViolation,
        text! {
            ja: "iCloud メールのポリシーによる拒否",
            en: "Rejected by iCloud Mail policy",
        },
        &POLICY,
    ),
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] =
    &[(&[Reason::Blocked], &POLICY), (REFUSAL_REASONS, &POLICY)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Icloud,
    name: text! {
        ja: "iCloud メール",
        en: "iCloud Mail",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<27>(ROUTES),
    playbooks: &[&POLICY, &POLICY_GOOGLE],
    codes: CODES,
    refine: &[],
};
