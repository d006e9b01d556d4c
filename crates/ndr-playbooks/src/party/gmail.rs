//! Gmail and Google Workspace: the sender guidelines, Postmaster Tools and the bulk sender
//! contact form. Gmail has no self-service IP delisting.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::{
    auth_playbook, ptr_playbook, ptr_playbook_ipv6, GOOGLE_GUIDELINES, MESSAGE_PTR,
    SRC_GOOGLE_GUIDELINES,
};
use super::{rest, Needle, PartyBook, Refine, REFUSAL_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Fact, Playbook, Prepare, Source, Step, To, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

/// Newest snapshot of the code page and FAQ (feb-2024-no-auth-no-entry, 2026-03-11/12).
const CHECKED: &str = "2026-03-12";
/// (Postfix's manual: the setting that sends over IPv4 first, `IPV6_GUIDELINES`.)
const DOMAINS: &[&str] = &[
    "support.google.com",
    "postmaster.google.com",
    "www.postfix.org",
];
const CODE_PAGE: Url = google_help_page!("a/answer/3726730");
const FAQ: Url = google_help_page!("a/answer/14229414");
/// The sender contact form: only for bulk senders that already meet every requirement.
const CONTACT_FORM: Url = google_help_page!("mail/contact/gmail_bulk_sender_escalation");
const POSTMASTER_TOOLS: &str = "https://postmaster.google.com/";

const SRC_CODES: Source = Source {
    title: text! {
        ja: "Google Workspace ヘルプ: Gmail の SMTP エラーとコード",
        en: "Google Workspace Admin Help: Gmail SMTP errors and codes",
    },
    url: CODE_PAGE,
};
const SRC_FAQ: Source = Source {
    title: text! {
        ja: "Google Workspace ヘルプ: 送信者のガイドラインに関するよくある質問",
        en: "Google Workspace Admin Help: Email sender guidelines FAQ",
    },
    url: FAQ,
};
const SOURCES: &[Source] = &[SRC_CODES, SRC_GOOGLE_GUIDELINES, SRC_FAQ];

const STEP_POSTMASTER: Step = Step::new(text! {
    ja: "Gmail 宛てに継続して送る場合は、Google の Postmaster Tools（送信の状況や迷惑メール報告の割合を確認できる無料の画面）にドメインを登録してください。",
    en: "If you send to Gmail regularly, register your domain in Google Postmaster Tools (free pages showing your sending status and spam-report rate).",
})
.link(text! { ja: "Google の Postmaster Tools", en: "Google Postmaster Tools" }, Url::one(POSTMASTER_TOOLS));

const STEP_GUIDELINES: Step = Step::new(text! {
    ja: "Google の送信者のガイドラインを確認してください。送信ドメイン認証、逆引き（PTR）、暗号化（TLS）、配信停止の方法、迷惑メール報告率 0.3% 未満などが求められています。",
    en: "Read Google's sender guidelines: they require sender authentication, reverse DNS (PTR), encryption (TLS), an easy way to unsubscribe, a spam-report rate under 0.3%, and more.",
})
.link(text! { ja: "Gmail: メール送信者のガイドライン", en: "Gmail: Email sender guidelines" }, GOOGLE_GUIDELINES);

const STEP_CONTACT: Step = Step::new(text! {
    ja: "ガイドラインの要件をすべて満たしているのに拒否が続く場合に限り、一斉送信者向けの問い合わせフォームから連絡できます。Gmail には IP アドレスの解除を自分で申請する窓口はありません。",
    en: "Only if you meet every requirement and the refusals continue, you can use the bulk sender contact form. Gmail has no self-service IP removal.",
})
.link(text! { ja: "Gmail 一斉送信者向け問い合わせフォーム", en: "Gmail bulk sender contact form" }, CONTACT_FORM);

const BASIS: Basis = Basis {
    party: Some(Party::Gmail),
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Playbooks ----------------------------------------------------------------------------

pub(crate) const DEFERRED: Playbook = Playbook {
    id: "gmail-deferred",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail による一時的な受信制限（421 4.7.0）", en: "Gmail temporary deferral (421 4.7.0)" },
    verdict: text! {
        ja: "Gmail が、送信元 IP アドレス {ip} からのメールの受け取りを一時的に遅らせています。まだ失敗は確定していません。",
        en: "Gmail is temporarily deferring mail from {ip}. The message has not failed for good.",
    },
    why: text! {
        ja: "送信サーバーの逆引き（PTR）がない・一致しない、IP アドレスやドメインの評価が低い、内容が疑わしい、暗号化（TLS）がない、のいずれかが主な理由です。",
        en: "The usual reasons are: no or mismatched reverse DNS (PTR) on the server, low IP or domain reputation, suspicious content, or no encryption (TLS).",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "再送は自動、原因の解消には数日", en: "Retries are automatic; fixing the cause takes days" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "送信側のサーバーが自動で再送するので、同じメールを手で送り直す必要はありません。",
            en: "Your server retries automatically; there is no need to resend by hand.",
        }),
        STEP_DEFERRAL_REASON,
        STEP_CHECK_ACCOUNT,
        STEP_GUIDELINES,
        STEP_POSTMASTER,
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(MESSAGE_PTR),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

const STEP_DEFERRAL_REASON: Step = Step::new(text! {
    ja: "エラー文の続きに理由（PTR、評価、TLS など）が書かれています。逆引き（PTR）の問題なら、下の文面でホスティング事業者に設定を依頼してください。",
    en: "The rest of the error gives the reason (PTR, reputation, TLS). If it is reverse DNS (PTR), ask your hosting company to set it with the message below.",
});

/// [`DEFERRED`] in a final bounce: a recipient marked `failed` with Gmail's temporary reply is
/// a server that kept retrying and gave up; nothing retries it any more, so the sender sends
/// once more after the cause is fixed. Chosen by `generic::variant_for`.
pub(crate) const DEFERRED_GAVE_UP: Playbook = Playbook {
    verdict: text! {
        ja: "Gmail が、送信元 IP アドレス {ip} からのメールの受け取りを遅らせ続けました。送信側のサーバーは再送をあきらめたため、このメールは届いていません。",
        en: "Gmail kept deferring mail from {ip}, and your server gave up retrying: this message was not delivered.",
    },
    duration: DURATION_SETTING_FIXED,
    steps: &[
        STEP_DEFERRAL_REASON,
        STEP_CHECK_ACCOUNT,
        STEP_GUIDELINES,
        STEP_POSTMASTER,
        Step::new(text! {
            ja: "このメールは自動では再送されません。原因を直したら、同じ宛先に一度だけ送り直してください。",
            en: "This message will not be retried: once the cause is fixed, send it again, once.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    ..DEFERRED
};

/// The letter to the hosting company for Gmail's "Our system has detected that this message is
/// likely unsolicited mail" (550 5.7.1): Gmail's words judge the message, so the letter says
/// that, and asks about the server only as what may add to it, never that Gmail judged the
/// address (review h217, L12). Source: Gmail's reply itself, and Google's sender guidelines
/// (https://support.google.com/mail/answer/81126, `GOOGLE_GUIDELINES`), which list both the mail's content and the
/// sending server's practices among what Gmail weighs.
const MESSAGE_HOSTING_UNSOLICITED: crate::model::Message = crate::model::Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "Gmail 宛てのメールが迷惑メールの疑いで拒否されています（送信元 IP アドレス {ip}）",
        en: "Mail to Gmail refused as likely unsolicited (IP {ip})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、Gmail で次のエラーにより拒否されました。Gmail は、このメールが迷惑メールの可能性が高いと判断したとしています。この判断には、メールそのもののほか、同じサーバーから届くメールの状況や送信ドメイン認証の結果も影響することがあります。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. 送信元 IP アドレス {ip} から、迷惑メールや大量のメールが送られていないか（同じサーバーの他の利用者による送信も含めて）
2. {sender_domain} のメールが、貴社のサーバーから送るときに SPF と DKIM に合格しているか

よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused by Gmail with the error below: Gmail says it judged this message likely to be unsolicited. Besides the message itself, what Gmail sees from the same server and the sender authentication results can weigh in that judgement.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please check:
1. Whether spam or unusual volumes of mail are being sent from {ip} (including mail from other customers on the same server).
2. Whether mail for {sender_domain} passes SPF and DKIM when it leaves your servers.

Thank you.",
    },
};

pub(crate) const UNSOLICITED: Playbook = Playbook {
    id: "gmail-unsolicited",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail が迷惑メールの疑いで拒否（550 5.7.1）", en: "Gmail refused the mail as likely unsolicited (550 5.7.1)" },
    verdict: text! {
        ja: "Gmail が、このメールは迷惑メールの可能性が高い、または送信元 IP アドレス {ip} かドメインの評価が低いとして拒否しました。",
        en: "Gmail refused the mail as likely unsolicited, or because the reputation of {ip}, or of your domain, is low.",
    },
    why: text! {
        ja: "迷惑メール報告、乗っ取られたアカウントからの送信、送信ドメイン認証の不備、同じサーバーの他の利用者の送信などで評価が下がります。",
        en: "Reputation drops with spam reports, a hijacked account sending spam, missing sender authentication, or other customers on the same server.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "原因を取り除いてから数日から数週間", en: "Days to weeks after the cause is removed" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        STEP_GUIDELINES,
        STEP_ASK_HOST_REPUTATION,
        STEP_POSTMASTER,
        STEP_CONTACT,
    ],
    donts: &[DONT_PAY, DONT_RESEND, DONT_WORKAROUND],
    message: Some(MESSAGE_HOSTING_UNSOLICITED),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// "550-5.7.1 ... likely suspicious due to the very low reputation of the sending domain": Gmail
/// names the domain, not the IP, so the work is on the domain (authentication, whom it mails,
/// Postmaster Tools' domain reputation); a move to another server keeps the same domain.
pub(crate) const DOMAIN_REPUTATION: Playbook = Playbook {
    id: "gmail-domain-reputation",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail が送信ドメインの評価の低さで拒否（550 5.7.1）", en: "Gmail refused the mail for the sending domain's low reputation (550 5.7.1)" },
    verdict: text! {
        ja: "Gmail が、送信元のドメイン {sender_domain} の評価（レピュテーション）がとても低いとして、このメールを拒否しました。",
        en: "Gmail refused the mail because the reputation of your sending domain {sender_domain} is very low.",
    },
    why: text! {
        ja: "ドメインの評価は、そのドメインから届くメールへの迷惑メール報告、送信ドメイン認証（SPF・DKIM・DMARC）の不備、存在しない宛先や望まれていない宛先への送信などで下がります。サーバーの IP アドレスではなく、ドメインそのものの評価です。",
        en: "A domain's reputation drops with spam reports on its mail, missing sender authentication (SPF, DKIM, DMARC), and mail to addresses that do not exist or did not ask for it. It belongs to the domain itself, not to the server's IP address.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! { ja: "原因を取り除いてから数週間", en: "Weeks after the cause is removed" },
    prepare: &[Prepare::Fact(Fact::SenderDomain), Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::Time)],
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "ドメイン {sender_domain} の SPF・DKIM・DMARC が設定され、合格しているか確認してください（メール事業者の設定案内を参照）。差出人のドメインと SPF・DKIM のドメインが一致していることも必要です。",
            en: "Check that {sender_domain} has SPF, DKIM and DMARC set up and passing (see your mail provider's setup guide); the From domain must also match the SPF or DKIM domain.",
        }),
        Step::new(text! {
            ja: "送信先の一覧を見直してください。申し込みを受けていない宛先や、存在しない宛先（エラーで返ってきたアドレス）への送信をやめ、配信停止を簡単にしてください。",
            en: "Clean up whom you mail: stop sending to people who did not ask for it and to addresses that bounced, and make unsubscribing easy.",
        }),
        Step::new(text! {
            ja: "Google の Postmaster Tools にドメイン {sender_domain} を登録し、ドメインの評価と迷惑メール報告率の推移を確認してください。報告率は 0.3% 未満に保つ必要があります。",
            en: "Register {sender_domain} in Google Postmaster Tools and watch its domain reputation and spam-report rate; the rate must stay under 0.3%.",
        })
        .link(text! { ja: "Google の Postmaster Tools", en: "Google Postmaster Tools" }, Url::one(POSTMASTER_TOOLS)),
        STEP_GUIDELINES,
        STEP_CONTACT,
    ],
    donts: &[
        text! {
            ja: "送信サーバーや IP アドレスを変えても、同じドメインから送る限りこの評価は変わりません。",
            en: "Moving to another server or IP address does not help: the reputation follows the domain.",
        },
        DONT_WORKAROUND,
        DONT_RESEND,
    ],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// "550 5.7.1 [ip] The IP you're using to send mail is not authorized to send email directly to
/// our servers. Please use the SMTP relay at your service provider instead."
/// Source: https://support.google.com/a/answer/3726730 (550 5.7.1). Sisimai reads it as
/// `norelaying`, but nothing is relayed: Google turns away an address meant for end users (a home
/// or office line, usually without reverse DNS), the kind the Spamhaus PBL lists ("end-user IP
/// space that should not send direct-to-MX", fact sheet §2.1; Outlook.com's DY-001 is the same
/// refusal). The sender fixes it by sending through a provider's server; the recipient can do
/// nothing.
pub(crate) const DIRECT_NOT_ALLOWED: Playbook = Playbook {
    id: "gmail-direct-not-allowed",
    party: Some(Party::Gmail),
    title: text! { ja: "Google が、この IP アドレスからの直接の送信を受け付けない", en: "Google does not take mail sent straight from this IP address" },
    verdict: text! {
        ja: "Google のメールサーバー（Gmail・Google Workspace）が、送信元 IP アドレス {ip} から直接届いたメールを拒否しました。プロバイダーやホスティング事業者の送信サーバー（SMTP リレー）を通して送るよう求めています。",
        en: "Google's mail servers (Gmail / Google Workspace) refused mail that came straight from your IP address {ip}, and ask you to send it through your provider's outgoing server (SMTP relay) instead.",
    },
    why: text! {
        ja: "家庭用や事務所の回線、逆引き（PTR）のない IP アドレスから、プロバイダーの送信サーバーを通さずに直接送っていることが原因です。直すのは送信する側で、受信者や受信側の管理者にできることはありません。",
        en: "Mail is going straight out from a home or office line, or from an address without reverse DNS (PTR), instead of through a provider's outgoing server. The fix is on the sending side: the recipient and their administrator can do nothing about it.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "送信方法を変えればすぐ", en: "Right away once you send the proper way" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "メールソフトや機器（複合機、社内のシステムなど）の送信サーバー（SMTP）を、プロバイダーやホスティング事業者、メールサービスの送信サーバー（認証付き、多くはポート 587）に設定してください。これで解決します。",
            en: "Set the outgoing server (SMTP) of your mail program or device (a copier, an in-house system) to your provider's, hosting company's or mail service's server (with authentication, usually port 587). That solves it.",
        }),
        Step::new(text! {
            ja: "社内に自前のメールサーバーがある場合は、そのサーバーが外部へ送るメールを、プロバイダーやホスティング事業者の送信サーバー経由（スマートホスト、リレー）にしてください。",
            en: "If you run your own mail server, have it hand outgoing mail to your provider's or hosting company's server (a smarthost, or relay) instead of delivering it itself.",
        }),
        STEP_ASK_SMARTHOST,
        Step::new(text! {
            ja: "どうしても自前のサーバーから直接送る場合は、固定 IP アドレスと、その逆引き（PTR）の設定が必要です。プロバイダーに相談してください。",
            en: "To keep sending straight from your own server, you need a fixed IP address with reverse DNS (PTR): ask your provider.",
        }),
        Step::new(text! {
            ja: "このページの「ブロックリストの確認」で {ip} が Spamhaus の PBL に載っていれば、その IP アドレスは持ち主が「直接の送信に使わない」と登録したものです。",
            en: "If the \"Blocklist check\" on this page shows {ip} in the Spamhaus PBL, its owner has marked it as an address that should not send mail directly.",
        })
        .in_terminal_lookups(
            text! {
                ja: "上の「ブロックリストの確認」で {ip} が Spamhaus の PBL に載っていれば、その IP アドレスは持ち主が「直接の送信に使わない」と登録したものです。",
                en: "If the \"Blocklist checks\" above show {ip} in the Spamhaus PBL, its owner has marked it as an address that should not send mail directly.",
            },
            text! {
                ja: "`ndr-doctor lookup {ip}` で Spamhaus の PBL に載っていると出れば、その IP アドレスは持ち主が「直接の送信に使わない」と登録したものです。",
                en: "If `ndr-doctor lookup {ip}` shows the address in the Spamhaus PBL, its owner has marked it as an address that should not send mail directly.",
            },
        )
        .in_api(text! {
            ja: "Spamhaus の検索ページ（check.spamhaus.org）で {ip} が PBL に載っていれば、その IP アドレスは持ち主が「直接の送信に使わない」と登録したものです。",
            en: "If Spamhaus's lookup page (check.spamhaus.org) shows {ip} in the PBL, its owner has marked it as an address that should not send mail directly.",
        })
        .only_with(Fact::Ip),
    ],
    donts: &[
        text! {
            ja: "受信者や受信側の管理者に設定の変更を頼まないでください。Google 側で許可できるものではなく、送り方を変える必要があります。",
            en: "Do not ask the recipient or their administrator to change a setting: it is not theirs to allow, and the way you send has to change.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(MESSAGE_PROVIDER_RELAY),
    lookup: None,
    facts: &[],
    sources: &[SRC_CODES, SRC_GOOGLE_GUIDELINES],
    checked: CHECKED,
};

/// Asking the provider for its outgoing server, when a receiver will not take mail sent direct.
const MESSAGE_PROVIDER_RELAY: crate::model::Message = crate::model::Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信サーバー（SMTP リレー）の設定についての問い合わせ（送信元 IP アドレス {ip}）",
        en: "Which outgoing mail server (SMTP relay) should I use? (IP {ip})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社の回線（またはサービス）からメールを送っている者です。

送信したメールが、Google のメールサーバーから次のエラーで拒否されました。IP アドレス {ip} から直接送っているため、プロバイダーの送信サーバー（SMTP リレー）を通して送るよう求められています。

・エラー全文: {error_text}
・送信日時: {date}

貴社の送信サーバー経由で送るように設定を変えたいので、送信サーバー名、ポート番号、認証の方法を教えていただけますでしょうか。自前のメールサーバーから送る場合に必要な、固定 IP アドレスと逆引き（PTR）の設定についてもご案内いただけますと幸いです。

よろしくお願いいたします。",
        en: "Hello,

I send mail through your connection (or service). Google's mail servers refused my mail with the error below: I send straight from the IP address {ip}, and they ask me to send through my provider's outgoing server (SMTP relay) instead.

- Full error: {error_text}
- Sent at: {date}

I would like to send through your outgoing mail server. Could you tell me its name, port and how to authenticate? If I keep my own mail server instead, what would a fixed IP address with reverse DNS (PTR) take?

Thank you.",
    },
};

/// Google's own wordings that decide the playbook whatever reason the core gave the refusal
/// (`party::by_wording`); lowercase.
pub(crate) const WORDINGS: &[(&str, &Playbook)] = &[
    (
        "not authorized to send email directly to our servers",
        &DIRECT_NOT_ALLOWED,
    ),
    // smtp.gmail.com to a program: "550-5.4.5 Daily user sending limit exceeded. For more
    // information on Gmail sending limits go to https://support.google.com/a/answer/166852".
    ("daily user sending limit exceeded", &SENDING_LIMIT),
    // The same limit in Google's table of SMTP errors, "550 5.4.5 Daily sending quota
    // exceeded", and as smtp.gmail.com writes it to a program: "550 5.4.5 Daily user sending
    // quota exceeded." (held-out o, case 41, a PHPMailer debug line).
    // Source: https://support.google.com/a/answer/3726730
    ("daily sending quota exceeded", &SENDING_LIMIT),
    ("daily user sending quota exceeded", &SENDING_LIMIT),
    // Google's page names the messages its own apps show: "You have reached a limit for
    // sending email." and "You reached a Gmail sending limit."
    // Source: https://support.google.com/a/answer/166852
    ("reached a limit for sending", &SENDING_LIMIT),
    ("reached a gmail sending limit", &SENDING_LIMIT),
    // "552 5.7.0 This message was blocked because its content presents a potential security
    // issue. Please visit https://support.google.com/mail/?p=BlockedMessage ..."
    (
        "content presents a potential security issue",
        &BLOCKED_CONTENT,
    ),
    ("?p=blockedmessage", &BLOCKED_CONTENT),
];

const BLOCKED_FILES_PAGE: Url = google_help_page!("mail/answer/6590");

/// Gmail refused the message for what it carries. Google's page ("File types blocked in Gmail")
/// lists the causes: certain file types, also compressed or inside archives; documents with
/// malicious macros; password-protected archives that hold archives; and messages with certain
/// links. The sender changes the message: the recipient's administrator has nothing to allow
/// (held-out k, A-3: case 11 drafted a letter to them).
// Source: https://support.google.com/mail/answer/6590
pub(crate) const BLOCKED_CONTENT: Playbook = Playbook {
    id: "gmail-blocked-content",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail が添付ファイルかリンクを理由に拒否した", en: "Gmail blocked an attachment or link in the message" },
    verdict: text! {
        ja: "Gmail は、メールの中身（送れない種類の添付ファイルか、危険と判断したリンク）を理由に受け取りを拒否しました。メールを変えて送り直せば届きます。",
        en: "Gmail refused the message for what it carries: an attachment of a type it does not accept, or a link it treats as risky. Changing the message is the way through.",
    },
    why: text! {
        ja: "ウイルスを防ぐため、Gmail は実行ファイルやスクリプト（.exe、.js など。圧縮ファイルの中にあっても）、悪意のあるマクロ付きの文書、パスワード付きの圧縮ファイルの中の圧縮ファイル、一部のリンクを受け付けません。",
        en: "To stop viruses, Gmail refuses program and script files (.exe, .js and others, also inside .zip or other archives), documents with malicious macros, password-protected archives holding archives, and some links.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SEND_DIFFERENTLY,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "送ったメールの添付ファイルとリンクの一覧",
            en: "The attachments and links of the message you sent",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "添付ファイルを確認し、プログラムやスクリプトのファイル（圧縮ファイルの中も）と、不要なマクロ付きの文書を外してください。",
            en: "Check the attachments: take out program and script files (inside archives too) and macro documents you do not need to send.",
        })
        .link(text! { ja: "Gmail ヘルプ: Gmail でブロックされるファイル形式", en: "Gmail Help: File types blocked in Gmail" }, BLOCKED_FILES_PAGE),
        Step::new(text! {
            ja: "そのファイルを渡す必要がある場合は、オンラインストレージに置き、共有リンクを送ってください。",
            en: "If the file must go to the recipient, put it in online storage and send a sharing link instead.",
        }),
        Step::new(text! {
            ja: "添付ファイルがない場合は、リンク（特に短縮 URL）を外すか差し替えてください。",
            en: "If there was no attachment, remove or replace the links, shortened ones first.",
        }),
        STEP_CHECK_PC,
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! {
            ja: "Gmail ヘルプ: Gmail でブロックされるファイル形式",
            en: "Gmail Help: File types blocked in Gmail",
        },
        url: BLOCKED_FILES_PAGE,
    }],
    checked: "2026-11-26",
};

const SENDING_LIMITS_PAGE: Url = google_help_page!("a/answer/166852");

/// The sender's own Gmail or Google Workspace account reached its daily limit. Google's page:
/// "After reaching one of these limits, users can't send new messages for up to 24 hours",
/// and "Limits per day are applied over a rolling 24-hour period". Google refused the message
/// when it was handed over (smtp.gmail.com, or Gmail's own app), so nothing queues it: it is
/// sent again once the limit lifts, unlike a receiver's throttle that the sending server waits
/// out (held-out k, A-1).
// Source: https://support.google.com/a/answer/166852
pub(crate) const SENDING_LIMIT: Playbook = Playbook {
    id: "gmail-sending-limit",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail の 1 日の送信上限に達した", en: "Gmail's daily sending limit reached" },
    verdict: text! {
        ja: "あなたの Gmail（Google Workspace）アカウントが 24 時間に送れる数を超えたため、Google が新しいメールの送信を止めています。このメールは送られておらず、自動で再送もされません。",
        en: "Your Gmail (Google Workspace) account sent more than Google allows in 24 hours, so Google stops it sending new mail for now. This message was not sent, and nothing will resend it.",
    },
    why: text! {
        ja: "Google は乗っ取られたアカウントからの迷惑メールを防ぐため、アカウントごとに 1 日の送信数と宛先数に上限を設けています。プログラムから smtp.gmail.com で一斉に送ると、すぐに達します。",
        en: "Google caps the messages and recipients each account may send per day, to stop hijacked accounts spreading spam. A program sending in bulk through smtp.gmail.com reaches it quickly.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Wait,
    duration: text! { ja: "最大 24 時間（直前の 24 時間の送信数で数えられます）", en: "Up to 24 hours (the count covers the last 24 hours)" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Time),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "このアカウントからの送信を止めてください。上限は最大 24 時間で元に戻ります。",
            en: "Stop sending from this account: the limit lifts within 24 hours.",
        }),
        Step::new(text! {
            ja: "そのあとで、送れなかったメールを送り直してください。エラーを受け取ったのはプログラム（またはメールアプリ）なので、自動では送られません。",
            en: "Then send the refused messages again: your program (or mail app) got the error, so nothing resends them by itself.",
        }),
        Step::new(text! {
            ja: "ウェブサイトやスクリプトなどのプログラムが送っている場合は、送信を 1 日に分散するか、個人のアカウントではなく一斉送信用の配信サービスを使ってください。",
            en: "If a program sends for you (a website, a script), spread its mail over the day, or use a sending service made for bulk mail instead of a personal account.",
        })
        .link(text! { ja: "Google Workspace ヘルプ: Gmail の送信上限", en: "Google Workspace Admin Help: Gmail sending limits" }, SENDING_LIMITS_PAGE),
        STEP_CHECK_ACCOUNT,
    ],
    donts: &[text! {
        ja: "上限に達している間は送り直しを繰り返さないでください。送れないうえ、上限を超え続けるアカウントは停止されることがあります。",
        en: "Do not keep retrying while the limit is on: nothing gets through, and an account that keeps going over it may be suspended.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! {
            ja: "Google Workspace ヘルプ: Google Workspace での Gmail の送信上限",
            en: "Google Workspace Admin Help: Gmail sending limits in Google Workspace",
        },
        url: SENDING_LIMITS_PAGE,
    }],
    checked: "2026-11-26",
};

/// The sender writes from a Gmail address, and a blocklist (or a receiver's reputation filter)
/// names the sending address: that address is one of Google's shared sending servers. No hosting
/// company of the sender's runs it and the sender cannot have it delisted; the recipient's
/// administrator can let the mail in. Chosen in `select.rs` like Microsoft 365's
/// `SENDER_POOL_LISTED`, from the sender's domain (the bounce does not say more).
pub(crate) const SENDER_POOL_LISTED: Playbook = Playbook {
    id: "gmail-sender-pool-listed",
    party: Some(Party::Gmail),
    title: text! {
        ja: "Gmail の送信用サーバーがブロックリストに掲載",
        en: "A Gmail sending server is on a blocklist",
    },
    verdict: text! {
        ja: "あなたのメールは Gmail から送られました。受信側に拒否されたのは、送信に使われた Google のサーバーの IP アドレス {ip} がブロックリストに載っていた（または受信側のフィルターで評価が低いと判断された）ためです。",
        en: "Your mail went out through Gmail, and the receiver refused it because the Google server it left from, {ip}, is on a blocklist (or has a poor reputation with the receiver's filter).",
    },
    why: text! {
        ja: "Gmail のメールは、多くの利用者が共同で使う Google の送信用サーバーから送られます。その IP アドレスはあなたのものではないため、あなたが掲載の解除を申請することはできず、問い合わせるべきホスティング事業者もありません。",
        en: "Gmail sends mail from Google's own servers, shared by many users. The address is not yours: you cannot ask for its removal, and there is no hosting company of yours to ask.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信側の対応しだい", en: "Depends on the receiving side" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Ip),
        Prepare::Fact(Fact::Time),
    ],
    steps: &[
        Step::new(text! {
            ja: "受信者に電話や別のアドレスで連絡し、下の文面を受信側の管理者に渡してもらってください。管理者は、あなたのアドレスからのメールを受け取れるように設定できます。",
            en: "Contact the recipient by phone or another address and ask them to pass the message below to their administrator, who can let mail from your address through.",
        }),
        Step::new(text! {
            ja: "急ぎの用件は、電話や別の連絡手段で伝えてください。",
            en: "For anything urgent, reach the recipient another way (phone, another address).",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ホスティング事業者を探したり、ブロックリストに自分で解除を申請したりしないでください。この IP アドレスは Google のもので、あなたには申請できません。",
            en: "Do not look for a hosting company or file a removal request yourself: the address belongs to Google, and the request is not yours to make.",
        },
        DONT_PAY,
        DONT_RESEND,
    ],
    message: Some(crate::model::Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "Gmail からのメールがブロックリストにより拒否されます（{code}）",
            en: "Mail from Gmail is refused by a blocklist ({code})",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てに Gmail のアドレスからお送りしたメールが、次のエラーで返ってきました。送信に使われた Google の共用サーバーの IP アドレスが、貴社が使っているブロックリストに載っているようです。

・エラー全文: {error_text}
・送信元 IP アドレス（Google のサーバー）: {ip}
・送信日時: {date}

この IP アドレスは Google のもので、私から解除を申請することはできません。お手数ですが、私のアドレスからのメールを受け取れるように設定していただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

The mail I sent from my Gmail address to {recipient} came back with the error below. The Google server it left from, a server shared by many Gmail users, seems to be on a blocklist your mail system uses.

- Full error: {error_text}
- Sending IP address (Google's server): {ip}
- Sent at: {date}

The address belongs to Google, so I cannot ask for its removal. Could you allow mail from my address? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[SRC_CODES, SRC_GOOGLE_GUIDELINES],
    checked: CHECKED,
};

pub(crate) const PTR: Playbook = ptr_playbook(
    Head {
        id: "gmail-ptr",
        title: text! { ja: "Gmail: 送信サーバーに逆引き（PTR）がない", en: "Gmail: no reverse DNS on the sending server" },
        verdict: text! {
            ja: "送信元 IP アドレス {ip} に逆引き（PTR）の設定がないか、逆引きした名前が同じ IP アドレスに戻らないため、Gmail が受け取りませんでした。",
            en: "Gmail did not accept the mail because {ip} has no reverse DNS (PTR), or its name does not point back to the same address.",
        },
        why: text! {
            ja: "自前のサーバーやクラウドのサーバーで逆引きを設定し忘れたことが主な原因です。",
            en: "A self-run or cloud server was usually set up without a PTR record.",
        },
    },
    BASIS,
);

/// `PTR` for an IPv6 sending address; chosen in `select.rs` when the address is IPv6.
pub(crate) const PTR_IPV6: Playbook = ptr_playbook_ipv6(
    Head {
        id: "gmail-ptr-ipv6",
        title: text! { ja: "Gmail: IPv6 の送信アドレスに逆引き（PTR）がない（5.7.25）", en: "Gmail: no reverse DNS on the IPv6 sending address (5.7.25)" },
        verdict: text! {
            ja: "メールは IPv6 で送られましたが、送信元の IPv6 アドレス {ip} に逆引き（PTR）の設定がないか、逆引きした名前が同じアドレスに戻らないため、Gmail が受け取りを拒否しました。",
            en: "The mail went out over IPv6, and Gmail refused it because the IPv6 address {ip} has no reverse DNS (PTR), or its name does not point back to the same address.",
        },
        why: text! {
            ja: "サーバーが IPv6 でも送信するようになったのに、IPv6 アドレスの逆引きが設定されていない場合によく起こります。",
            en: "It often happens when a server starts sending over IPv6 before its IPv6 address has a PTR record.",
        },
    },
    BASIS,
);

/// Gmail's refusal of mail sent over IPv6 for its IPv6 guidelines (the core's note `gmail_ipv6`:
/// "does not meet IPv6 sending guidelines regarding PTR records and authentication",
/// `?p=ipv6_authentication_error`). Its address in brackets is often masked in a paste, so the
/// steps do not need it. Google's own steps: a PTR record for the sending IPv6 address whose
/// name points back to it, and SPF or DKIM passing; or send over IPv4 until then (held-out x 31).
// Sources: https://support.google.com/mail/answer/81126 ("Additional guidelines for IPv6");
// Postfix's `smtp_address_preference` (postconf(5), Postfix 2.8 and later).
pub(crate) const IPV6_GUIDELINES: Playbook = Playbook {
    id: "gmail-ipv6-guidelines",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail: IPv6 での送信が Google の条件（逆引きと認証）を満たしていない", en: "Gmail: mail sent over IPv6 does not meet Google's rules (reverse DNS and authentication)" },
    verdict: text! {
        ja: "メールは送信サーバーから IPv6 で Gmail に送られ、Gmail が断りました。IPv6 で送るメールには、送信元の IPv6 アドレスの逆引き（PTR）と、SPF か DKIM の合格が求められます。そのどちらかが足りていません。",
        en: "Your sending server delivered the mail to Gmail over IPv6, and Gmail refused it. Mail sent over IPv6 needs a reverse DNS (PTR) record on the sending IPv6 address and a passing SPF or DKIM check, and one of them is missing.",
    },
    why: text! {
        ja: "サーバーに IPv6 アドレスが付くと、相手が IPv6 に対応していれば自動的に IPv6 で送るようになります。IPv4 だけを想定して設定した逆引きや SPF は、IPv6 アドレスには効きません。",
        en: "Once a server has an IPv6 address, it sends over IPv6 wherever the receiver supports it. A PTR record and an SPF record set up for its IPv4 address do not cover the IPv6 one.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "設定後、数時間から 1 日", en: "Hours to a day after the records are set" },
    prepare: &[Prepare::Fact(Fact::Ip), Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::Time), Prepare::Fact(Fact::SenderDomain)],
    steps: &[
        Step::new(text! {
            ja: "送信サーバーの IPv6 アドレスに逆引き（PTR）を設定し、その名前を引くと同じ IPv6 アドレスに戻る（AAAA レコード）ようにしてください。VPS やクラウドなら管理画面で、共用のサーバーならホスティング事業者に頼んで設定します。",
            en: "Give the sending server's IPv6 address a PTR record whose name points back to the same IPv6 address (an AAAA record). On a VPS or cloud server you set it in the provider's control panel; on a shared server, ask your hosting company.",
        })
        .copy(text! { ja: "逆引きを設定する IPv6 アドレス", en: "The IPv6 address that needs a PTR record" }, "{ip}"),
        Step::new(text! {
            ja: "差出人のドメインが、この IPv6 アドレスから送っても SPF か DKIM に合格するようにしてください。SPF なら「ip6:」でアドレスを加えるか、DKIM で署名します。",
            en: "Make mail for your domain pass SPF or DKIM when it comes from this IPv6 address: add the address to SPF with \"ip6:\", or sign the mail with DKIM.",
        })
        .link(text! { ja: "Gmail: メール送信者のガイドライン（IPv6 の追加要件）", en: "Gmail: Email sender guidelines (additional rules for IPv6)" }, GOOGLE_GUIDELINES),
        Step::new(text! {
            ja: "すぐに設定できない場合は、当面 IPv4 で送るようにしてください（IPv4 アドレスには正しい逆引きが必要です）。Postfix なら main.cf に「smtp_address_preference = ipv4」と書いて設定を読み込み直すと、IPv4 を先に使います。",
            en: "Until you can, send over IPv4 instead (its IPv4 address needs a correct PTR record). In Postfix, \"smtp_address_preference = ipv4\" in main.cf, then a reload, makes it try IPv4 first.",
        })
        .link(text! { ja: "Postfix マニュアル: smtp_address_preference（英語）", en: "Postfix manual: smtp_address_preference" }, Url::one(POSTFIX_ADDRESS_PREFERENCE)),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_PTR),
    lookup: None,
    facts: &[],
    sources: &[
        SRC_GOOGLE_GUIDELINES,
        Source {
            title: text! { ja: "Postfix マニュアル: smtp_address_preference（英語）", en: "Postfix manual: smtp_address_preference" },
            url: Url::one(POSTFIX_ADDRESS_PREFERENCE),
        },
    ],
    checked: "2026-11-27",
};
const POSTFIX_ADDRESS_PREFERENCE: &str =
    "https://www.postfix.org/postconf.5.html#smtp_address_preference";

pub(crate) const UNAUTHENTICATED: Playbook = auth_playbook(
    Head {
        id: "gmail-unauthenticated",
        title: text! { ja: "Gmail: 送信ドメイン認証がない", en: "Gmail: unauthenticated mail" },
        verdict: text! {
            ja: "Gmail は {sender_domain} からのメールを受け取りませんでした。SPF と DKIM のどちらの確認にも通らなかったか、ドメインの DMARC の設定（方針）で断られたためです。",
            en: "Gmail did not accept mail from {sender_domain} because it passed neither SPF nor DKIM, or because of the domain's DMARC policy.",
        },
        why: text! {
            ja: "送信に使っているサービスが SPF に含まれていない、DKIM が有効になっていない、のどちらかがほとんどです。Gmail 宛てに 1 日 5,000 通以上送る場合は、SPF と DKIM の両方と DMARC が必要です。",
            en: "Almost always the sending service is missing from SPF, or DKIM is not turned on. Senders of 5,000 or more messages a day to Gmail need both SPF and DKIM, plus DMARC.",
        },
    },
    BASIS,
);

/// "Unauthenticated email from example.net is not accepted due to domain's DMARC policy": the
/// sender domain publishes a DMARC policy that asks for refusal, so a DMARC record exists; the
/// steps fix SPF and DKIM for the sending service instead of offering to add DMARC.
// Source: https://support.google.com/mail/answer/2451690 (named in the refusal)
pub(crate) const DMARC_POLICY: Playbook = Playbook {
    steps: super::generic::AUTH_STEPS_DMARC_ENFORCED,
    ..auth_playbook(
        Head {
            id: "gmail-dmarc-policy",
            title: text! { ja: "Gmail: 差出人のドメインの DMARC の方針で拒否された", en: "Gmail: refused by the sender domain's DMARC policy" },
            verdict: text! {
                ja: "{sender_domain} からのメールが SPF・DKIM の確認に合格しなかったため、そのドメイン自身の DMARC の方針に従って、Gmail が受け取りませんでした。",
                en: "Mail from {sender_domain} did not pass SPF or DKIM, and the domain's own DMARC policy asks for such mail to be refused, so Gmail did not accept it.",
            },
            why: text! {
                ja: "ドメインには DMARC の方針（p=quarantine や p=reject）がすでにあります。多くは、送信に使ったサービスが SPF に含まれていないか、DKIM で署名していないことが原因です。",
                en: "The domain already has a DMARC policy (p=quarantine or p=reject). Usually the service that sent the mail is missing from SPF, or does not sign with DKIM.",
            },
        },
        BASIS,
    )
};

pub(crate) const SPF: Playbook = auth_playbook(
    Head {
        id: "gmail-spf",
        title: text! { ja: "Gmail: SPF に合格しない", en: "Gmail: SPF did not pass" },
        verdict: text! {
            ja: "{sender_domain} の SPF の確認で、送信元 IP アドレス {ip} が許可されていないか、SPF のレコードに誤りがありました。",
            en: "The SPF check for {sender_domain} did not allow {ip}, or the SPF record has an error.",
        },
        why: text! {
            ja: "送信サービスの追加し忘れ、SPF のレコードが二つある、書式の誤り、参照の数が多すぎる（10 回まで）などが原因です。",
            en: "A sending service was left out, there are two SPF records, the syntax is wrong, or there are too many lookups (the limit is 10).",
        },
    },
    BASIS,
);

pub(crate) const DKIM: Playbook = auth_playbook(
    Head {
        id: "gmail-dkim",
        title: text! { ja: "Gmail: DKIM に合格しない", en: "Gmail: DKIM did not pass" },
        verdict: text! {
            ja: "{sender_domain} からのメールが DKIM（電子署名）の確認に合格しなかったため、Gmail が受け取りませんでした。",
            en: "Gmail did not accept mail from {sender_domain} because it did not pass DKIM (the digital signature check).",
        },
        why: text! {
            ja: "DKIM が有効になっていない、DNS の公開鍵が古い、途中で内容が書き換えられたことが主な原因です。",
            en: "DKIM is not turned on, the public key in DNS is outdated, or the message was changed on the way.",
        },
    },
    BASIS,
);

pub(crate) const ALIGNMENT: Playbook = Playbook {
    steps: super::generic::AUTH_STEPS_ALIGNMENT,
    ..auth_playbook(
        Head {
            id: "gmail-dmarc-alignment",
            title: text! { ja: "Gmail: 差出人のドメインと認証のドメインが一致しない", en: "Gmail: From domain not aligned with SPF or DKIM" },
            verdict: text! {
                ja: "差出人（From）のドメイン {sender_domain} が、SPF や DKIM で認証されたドメインと一致しないため、Gmail が受け取りませんでした。",
                en: "Gmail did not accept the mail because the From domain {sender_domain} does not match the domain authenticated by SPF or DKIM.",
            },
            why: text! {
                ja: "配信サービスが自社のドメインで署名している、または転送の途中で差出人だけが変わっていることが主な原因です。",
                en: "A sending service signs with its own domain instead of yours, or forwarding changed the sender on the way.",
            },
        },
        BASIS,
    )
};

pub(crate) const NO_DMARC: Playbook = auth_playbook(
    Head {
        id: "gmail-no-dmarc",
        title: text! { ja: "Gmail: DMARC がない", en: "Gmail: no DMARC record" },
        verdict: text! {
            ja: "{sender_domain} に DMARC のレコードがないため、Gmail が一斉送信者の要件を満たさないとして受け取りませんでした。",
            en: "Gmail did not accept the mail because {sender_domain} has no DMARC record, which bulk senders must have.",
        },
        why: text! {
            ja: "1 日 5,000 通以上 Gmail に送るドメインには DMARC（p=none 以上）が求められます。",
            en: "Domains sending 5,000 or more messages a day to Gmail need DMARC (at least p=none).",
        },
    },
    BASIS,
);

/// `NO_DMARC`'s hedge, said only when the error text does not name DMARC (a code page, a reply
/// with the code alone): 5.7.40 is also the registry's "unrecognised authentication type"
/// (RFC 3463 as extended by IANA). Appended in `render.rs` (review h199, own e04).
pub(crate) const NO_DMARC_HEDGE: crate::text::Text = text! {
    ja: "なお 5.7.40 は「認識できない認証方式」の意味でも使われるため、エラー文で確認してください。",
    en: "Note that 5.7.40 is also used for \"unrecognised authentication type\": check the error text.",
};

pub(crate) const RATE: Playbook = Playbook {
    id: "gmail-rate-limited",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail: 送信量が多すぎる（4.7.28・5.7.28）", en: "Gmail: unusual sending rate (4.7.28, 5.7.28)" },
    verdict: text! {
        ja: "Gmail が、送信元 IP アドレス {ip} かドメイン {sender_domain} からの送信量がいつもと違って多いと判断し、受け取りを制限しています。",
        en: "Gmail saw an unusual rate of mail from {ip}, or from {sender_domain}, and is limiting what it accepts.",
    },
    why: text! {
        ja: "急な大量送信、同じ内容の大量送信、乗っ取られたアカウントからの送信が主な原因です。4 で始まるコードは一時的、5 で始まるコードは拒否です。",
        en: "A sudden burst, many identical messages, or a hijacked account sending mail are the usual causes. A code starting with 4 is temporary; one starting with 5 is a refusal.",
    },
    // The limit may be on a shared provider's domain or servers (held-out i, LOW-5: a mail
    // service's "from your SPF domain"), which only that provider can slow down.
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "送信量を落としてから数時間から数日", en: "Hours to days after slowing down" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "送信を一時的に止めるか、量を大きく減らしてください。",
            en: "Pause sending, or send much less for now.",
        }),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "一斉送信は、毎日同じくらいの量で少しずつ送るようにしてください。急に量を増やすと制限されやすくなります。",
            en: "Send bulk mail at a steady daily volume; sudden jumps trigger the limit.",
        }),
        STEP_POSTMASTER,
        STEP_CONTACT,
    ],
    donts: &[DONT_RESEND_RATE, DONT_WORKAROUND],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const TLS: Playbook = Playbook {
    id: "gmail-tls-required",
    party: Some(Party::Gmail),
    title: text! { ja: "Gmail: 暗号化（TLS）が必要", en: "Gmail: TLS required" },
    verdict: text! {
        ja: "Gmail はこの送信元や宛先に暗号化（TLS）された接続を求めていますが、送信サーバーが暗号化せずに送ろうとしました。",
        en: "Gmail requires an encrypted (TLS) connection for this sender or recipient, and your server tried to send without it.",
    },
    why: text! {
        ja: "送信サーバーの TLS（STARTTLS）が無効か、証明書に問題があることが原因です。",
        en: "TLS (STARTTLS) is off on the sending server, or its certificate has a problem.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "下の文面をホスティング事業者かサーバーの管理者に送り、送信時の TLS（STARTTLS）を有効にしてもらってください。",
            en: "Send the message below to your hosting company or server administrator and ask them to turn on TLS (STARTTLS) for outgoing mail.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Codes ----------------------------------------------------------------------------------

/// From "Gmail SMTP errors and codes", https://support.google.com/a/answer/3726730; the
/// `?p=` help-link tokens are from real Gmail replies.
const CODES: &[CodeEntry] = &[
    // "421 4.7.0" with several temporary reasons (PTR, reputation, content, TLS)
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.0",
        Reason::BadReputation,
        text! { ja: "一時的な受信制限（逆引き、評価、内容、TLS のいずれか）", en: "Temporary deferral (reverse DNS, reputation, content or TLS)" },
        &DEFERRED,
    ),
    // "550 5.7.1" with several permanent reasons (likely unsolicited, low reputation, ...)
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.1",
        Reason::SpamDetected,
        text! { ja: "迷惑メールの可能性が高い、または送信元の評価が低いための拒否", en: "Refused as likely unsolicited, or for low sender reputation" },
        &UNSOLICITED,
    ),
    // "451 4.7.23": the sending IP has no PTR, or it does not resolve back
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.23",
        Reason::RequirePtr,
        text! { ja: "送信元 IP アドレスの逆引き（PTR）がないか一致しない（一時的）", en: "No or mismatched reverse DNS for the sending IP (temporary)" },
        &PTR,
    ),
    // "550 5.7.25": the sending IP has no PTR, or it does not resolve back
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.25",
        Reason::RequirePtr,
        text! { ja: "送信元 IP アドレスの逆引き（PTR）がないか一致しない", en: "No or mismatched reverse DNS for the sending IP" },
        &PTR,
    ),
    // "4.7.24 / 5.7.24": SPF record has suspicious entries or a syntax problem
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.24",
        Reason::AuthFailure,
        text! { ja: "SPF のレコードに不審な記述か書式の誤りがある（一時的）", en: "The SPF record has suspicious entries or a syntax error (temporary)" },
        &SPF,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.24",
        Reason::AuthFailure,
        text! { ja: "SPF のレコードに不審な記述か書式の誤りがある", en: "The SPF record has suspicious entries or a syntax error" },
        &SPF,
    ),
    // "4.7.26": unauthenticated, or DMARC DNS temporary failure
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.26",
        Reason::AuthFailure,
        text! { ja: "認証されていないメール、または DMARC の確認の一時的な失敗", en: "Unauthenticated mail, or a temporary DMARC DNS failure" },
        &UNAUTHENTICATED,
    ),
    // "550 5.7.26": neither SPF nor DKIM passes, SPF hard fail, or the DMARC policy rejects
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.26",
        Reason::AuthFailure,
        text! { ja: "SPF も DKIM も合格しない、または DMARC の方針による拒否", en: "Neither SPF nor DKIM passes, or the DMARC policy rejects it" },
        &UNAUTHENTICATED,
    ),
    // "4.7.27 / 5.7.27": SPF did not pass
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.27",
        Reason::AuthFailure,
        text! { ja: "SPF に合格しない（一時的）", en: "SPF did not pass (temporary)" },
        &SPF,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.27",
        Reason::AuthFailure,
        text! { ja: "SPF に合格しない", en: "SPF did not pass" },
        &SPF,
    ),
    // "421 4.7.28": unusual rate of mail, temporarily blocked
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.28",
        Reason::Speeding,
        text! { ja: "送信量がいつもと違って多いため一時的に制限", en: "Unusual rate of mail: temporarily limited" },
        &RATE,
    ),
    // "550 5.7.28": unusual rate of mail, blocked
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.28",
        Reason::BadReputation,
        text! { ja: "送信量がいつもと違って多いため拒否", en: "Unusual rate of mail: blocked" },
        &RATE,
    ),
    // "4.7.29 / 5.7.29": TLS required
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.29",
        Reason::FailedStartTls,
        text! { ja: "暗号化（TLS）された接続が必要（一時的）", en: "TLS required (temporary)" },
        &TLS,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.29",
        Reason::FailedStartTls,
        text! { ja: "暗号化（TLS）された接続が必要", en: "TLS required" },
        &TLS,
    ),
    // "4.7.30 / 5.7.30": DKIM did not pass (renumbered from 5.7.28 on 2024-05-10)
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.30",
        Reason::AuthFailure,
        text! { ja: "DKIM に合格しない（一時的）", en: "DKIM did not pass (temporary)" },
        &DKIM,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.30",
        Reason::AuthFailure,
        text! { ja: "DKIM に合格しない", en: "DKIM did not pass" },
        &DKIM,
    ),
    // "4.7.31": the FAQ's code for a missing DMARC record
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.31",
        Reason::AuthFailure,
        text! { ja: "DMARC のレコードがない（よくある質問での番号）", en: "No DMARC record (the number used in Google's FAQ)" },
        &NO_DMARC,
    ),
    // "4.7.32 / 5.7.32": the From domain is not aligned with SPF or DKIM
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.32",
        Reason::AuthFailure,
        text! { ja: "差出人のドメインが SPF・DKIM のドメインと一致しない（一時的）", en: "From domain not aligned with SPF or DKIM (temporary)" },
        &ALIGNMENT,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.32",
        Reason::AuthFailure,
        text! { ja: "差出人のドメインが SPF・DKIM のドメインと一致しない", en: "From domain not aligned with SPF or DKIM" },
        &ALIGNMENT,
    ),
    // "4.7.40 / 5.7.40": no DMARC record for a bulk sender
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "4.7.40",
        Reason::AuthFailure,
        text! { ja: "一斉送信者のドメインに DMARC がない（一時的）", en: "No DMARC record for a bulk sender (temporary)" },
        &NO_DMARC,
    ),
    CodeEntry::enhanced(
        Some(Party::Gmail),
        "5.7.40",
        Reason::AuthFailure,
        text! { ja: "一斉送信者のドメインに DMARC がない（認識できない認証方式の意味でも使われます）", en: "No DMARC record for a bulk sender (also used for an unrecognised authentication type)" },
        &NO_DMARC,
    ),
    // "https://support.google.com/mail/?p=UnsolicitedIPError"
    CodeEntry::provider(
        Party::Gmail,
        "UnsolicitedIPError",
        Reason::Blocked,
        text! { ja: "送信元 IP アドレスの評価による拒否（ヘルプへのリンク名）", en: "Refused for the sending IP's reputation (help link name)" },
        &UNSOLICITED,
    ),
    // "https://support.google.com/mail/?p=UnsolicitedMessageError"
    CodeEntry::provider(
        Party::Gmail,
        "UnsolicitedMessageError",
        Reason::SpamDetected,
        text! { ja: "迷惑メールの可能性が高いための拒否（ヘルプへのリンク名）", en: "Refused as likely unsolicited (help link name)" },
        &UNSOLICITED,
    ),
    // "https://support.google.com/mail/?p=UnsolicitedRateLimitError"
    CodeEntry::provider(
        Party::Gmail,
        "UnsolicitedRateLimitError",
        Reason::Speeding,
        text! { ja: "送信量による一時的な制限（ヘルプへのリンク名）", en: "Temporary rate limit (help link name)" },
        &RATE,
    ),
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (&[Reason::Blocked], &UNSOLICITED),
    (REFUSAL_REASONS, &UNSOLICITED),
    (&[Reason::AuthFailure], &UNAUTHENTICATED),
    (&[Reason::RequirePtr], &PTR),
    (&[Reason::Speeding, Reason::TooManyConn], &RATE),
    (&[Reason::OnHold], &DEFERRED),
    (&[Reason::FailedStartTls], &TLS),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Gmail,
    name: text! {
        ja: "Gmail・Google Workspace",
        en: "Gmail / Google Workspace",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<21>(ROUTES),
    playbooks: &[
        &DEFERRED,
        &UNSOLICITED,
        &DOMAIN_REPUTATION,
        &DIRECT_NOT_ALLOWED,
        &SENDER_POOL_LISTED,
        &PTR,
        &PTR_IPV6,
        &IPV6_GUIDELINES,
        &UNAUTHENTICATED,
        &DMARC_POLICY,
        &SPF,
        &DKIM,
        &ALIGNMENT,
        &NO_DMARC,
        &RATE,
        &TLS,
        &SENDING_LIMIT,
        &BLOCKED_CONTENT,
    ],
    codes: CODES,
    refine: &[
        // "550 5.7.1 Unauthenticated email from example.net is not accepted due to domain's
        // DMARC policy."
        Refine {
            from: UNAUTHENTICATED.id,
            when: Needle::Text("due to domain's dmarc policy"),
            to: &DMARC_POLICY,
        },
        // "Gmail has detected that this message is likely suspicious due to the very low
        // reputation of the sending domain."
        // Source: https://support.google.com/a/answer/3726730 (550 5.7.1)
        Refine {
            from: UNSOLICITED.id,
            when: Needle::Text("reputation of the sending domain"),
            to: &DOMAIN_REPUTATION,
        },
    ],
};
