//! Generic playbooks, one per reason, for bounces whose blocking party is unknown; and the
//! generic meaning of every RFC 3463 / IANA enhanced status code.

use ndr_core::Reason;

use super::common::*;
use crate::codes::CodeEntry;
use crate::model::{
    Actor, Fact, Message, Playbook, Prepare, Service, Source, Step, To, Urgency, Url,
};
use crate::text::Text;

/// When the sources below were last checked.
const CHECKED: &str = "2026-07-02";

/// Generic playbooks link to standards and to the two most common senders' own setup pages.
pub(crate) const DOMAINS: &[&str] = &[
    "datatracker.ietf.org",
    "www.iana.org",
    "learn.microsoft.com",
    // Microsoft's support page on syncing an account to the Microsoft Cloud (`mscloud.rs`).
    "support.microsoft.com",
    "support.google.com",
    "www.postfix.org",
    "docs.cpanel.net",
    // SendGrid's own documentation repository (`esp.rs`: a sending service's shared IPs).
    "github.com",
    // Google Cloud's page on sending mail from a virtual machine (`PORT25_UNREACHABLE`).
    "cloud.google.com",
    // Amazon SES's reference for a paused account (`SENDER_ACCOUNT_STOPPED`).
    "docs.aws.amazon.com",
    // AWS's own knowledge-center article on SES's unverified identities (`esp.rs`).
    "repost.aws",
    // MailChannels' page on blocked senders (`HOSTING_FILTER_REFUSED`).
    "docs.mailchannels.com",
    // SMTP2GO's pages on its IP settings (`RELAY_ACCOUNT_IP_REFUSED`).
    "support.smtp2go.com",
    // Debian's manual pages: ezmlm-reject(1) (`GROUP_POST_REFUSED`).
    "manpages.debian.org",
    // The domain lists' own pages (`DOMAIN_LISTED`).
    "uribl.com",
    "www.surbl.org",
    // Spamhaus's note on error answers to queries through public resolvers (`NAMED_LIST_CLEAR`).
    "www.spamhaus.org",
    // docomo's own page on its old addresses that break RFC 5321 (`USERUNKNOWN_ADDRESS_FORM`).
    "www.docomo.ne.jp",
];

// Facts that change: the pages below, in one place.
const RFC3463: &str = "https://datatracker.ietf.org/doc/html/rfc3463";
const RFC5321: &str = "https://datatracker.ietf.org/doc/html/rfc5321";
const IANA_CODES: &str =
    "https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml";
const RFC7208: &str = "https://datatracker.ietf.org/doc/html/rfc7208";
const RFC7489: &str = "https://datatracker.ietf.org/doc/html/rfc7489";
const RFC7505: &str = "https://datatracker.ietf.org/doc/html/rfc7505";
const RFC5965: &str = "https://datatracker.ietf.org/doc/html/rfc5965";
const RFC3834: &str = "https://datatracker.ietf.org/doc/html/rfc3834";
const RFC3207: &str = "https://datatracker.ietf.org/doc/html/rfc3207";
const RFC1870: &str = "https://datatracker.ietf.org/doc/html/rfc1870";
const RFC3464: &str = "https://datatracker.ietf.org/doc/html/rfc3464";
const RFC8098: &str = "https://datatracker.ietf.org/doc/html/rfc8098";
const RFC4954: &str = "https://datatracker.ietf.org/doc/html/rfc4954";
/// RFC 1912 section 2.1: every host that talks to the Internet should have a name, and its
/// reverse (PTR) and forward (A) records should match. The neutral basis of the PTR advice when
/// the refusing party is not Google (whose own guidelines `gmail-ptr` cites).
const RFC1912_PTR: &str = "https://datatracker.ietf.org/doc/html/rfc1912#section-2.1";
/// Postfix's manual: the table of which login owns which sender address.
const POSTFIX_SENDER_LOGIN_MAPS: &str =
    "https://www.postfix.org/postconf.5.html#smtpd_sender_login_maps";
/// Postfix's manual: access tables, where a receiving server allows or refuses a client.
const POSTFIX_ACCESS: &str = "https://www.postfix.org/access.5.html";
const MS_SPF: Url = learn_page!("defender-office-365/email-authentication-spf-configure");
const MS_DKIM: Url = learn_page!("defender-office-365/email-authentication-dkim-configure");
const MS_DMARC: Url = learn_page!("defender-office-365/email-authentication-dmarc-configure");
const GOOGLE_SPF: Url = google_help_page!("a/answer/33786");
const GOOGLE_DKIM: Url = google_help_page!("a/answer/174124");
const GOOGLE_DMARC: Url = google_help_page!("a/answer/2466580");
pub(crate) const GOOGLE_GUIDELINES: Url = google_help_page!("mail/answer/81126");

/// Setup guides of the sender's own mail service, linked from the shared authentication steps
/// whichever party refused the mail; the tidy test allows exactly these pages everywhere.
#[cfg(test)]
pub(crate) const SENDER_SETUP_PAGES: &[Url] = &[
    MS_SPF,
    MS_DKIM,
    MS_DMARC,
    GOOGLE_SPF,
    GOOGLE_DKIM,
    GOOGLE_DMARC,
];

/// The SPF values for the two most common hosted senders (their own documented values).
pub(crate) const SPF_M365: &str = "v=spf1 include:spf.protection.outlook.com -all";
pub(crate) const SPF_GOOGLE: &str = "v=spf1 include:_spf.google.com ~all";
/// The smallest DMARC record: it asks for nothing to be rejected, only to be evaluated.
pub(crate) const DMARC_MINIMAL: &str = "v=DMARC1; p=none";
pub(crate) const DMARC_HOST: &str = "_dmarc.{sender_domain}";

const SRC_RFC3463: Source = Source {
    title: text! {
        ja: "RFC 3463（拡張ステータスコード）",
        en: "RFC 3463 (enhanced status codes)",
    },
    url: Url::one(RFC3463),
};
const SRC_IANA: Source = Source {
    title: text! {
        ja: "IANA 拡張ステータスコード一覧",
        en: "IANA registry of enhanced status codes",
    },
    url: Url::one(IANA_CODES),
};
const SRC_RFC1912: Source = Source {
    title: text! {
        ja: "RFC 1912 2.1 節（逆引きと正引きの一致）",
        en: "RFC 1912, section 2.1 (matching PTR and A records)",
    },
    url: Url::one(RFC1912_PTR),
};
const RFC1918: &str = "https://datatracker.ietf.org/doc/html/rfc1918";
const SRC_RFC1918: Source = Source {
    title: text! {
        ja: "RFC 1918（社内ネットワーク用のアドレス）",
        en: "RFC 1918 (address allocation for private internets)",
    },
    url: Url::one(RFC1918),
};
const SRC_RFC5321: Source = Source {
    title: text! {
        ja: "RFC 5321（SMTP）",
        en: "RFC 5321 (SMTP)",
    },
    url: Url::one(RFC5321),
};
const SRC_SPF: Source = Source {
    title: text! {
        ja: "RFC 7208（SPF）",
        en: "RFC 7208 (SPF)",
    },
    url: Url::one(RFC7208),
};
const SRC_DMARC: Source = Source {
    title: text! {
        ja: "RFC 7489（DMARC）",
        en: "RFC 7489 (DMARC)",
    },
    url: Url::one(RFC7489),
};
pub(crate) const SRC_GOOGLE_GUIDELINES: Source = Source {
    title: text! {
        ja: "Gmail ヘルプ: メール送信者のガイドライン",
        en: "Gmail Help: Email sender guidelines",
    },
    url: GOOGLE_GUIDELINES,
};
const SRC_MS_SPF: Source = Source {
    title: text! {
        ja: "Microsoft Learn: SPF の設定",
        en: "Microsoft Learn: Set up SPF",
    },
    url: MS_SPF,
};
const SRC_GOOGLE_SPF: Source = Source {
    title: text! {
        ja: "Google Workspace ヘルプ: SPF の設定",
        en: "Google Workspace Admin Help: Set up SPF",
    },
    url: GOOGLE_SPF,
};

const BASIC_SOURCES: &[Source] = &[SRC_RFC3463, SRC_IANA, SRC_RFC5321];

const AUTH_STEP_DNS: Step = Step::new(text! {
    ja: "ドメイン {sender_domain} の DNS（ドメインの設定情報）を誰が管理しているか確認してください。多くの場合、ドメインを契約した会社かホスティング事業者の管理画面です。自分で変更できない場合は、下の文面を管理者に送ってください。",
    en: "Find out who manages the DNS (the settings) of {sender_domain}: usually the control panel of the company you registered the domain with, or your hosting company. If you cannot change it yourself, send the message below to whoever does.",
});

// The rule first, for whatever service sends the mail: a value copied from an example of
// another service would break SPF for the server the sender really uses.
pub(crate) const AUTH_STEP_SPF: Step = Step::new(text! {
    ja: "SPF（このドメインのメールを送ってよいサーバーを宣言する設定）を確認します。ドメインには「v=spf1」で始まる TXT レコードが一つだけあり、実際に使っている送信サービスがすべて「include:」などで含まれている必要があります。送信サーバーの名前はエラーメールの上の方（「at host」や「Reporting-MTA」の後など）に書かれていることが多く、含めるべき値はそのサービス（ホスティング事業者やメールサービス）のマニュアルに載っています。",
    en: "Check SPF (the setting that declares which servers may send mail for your domain). The domain needs exactly one TXT record starting with \"v=spf1\" that includes (\"include:\" and the like) every service you really send from. The bounce usually names your sending server near its top (after \"at host\" or \"Reporting-MTA\"), and the value to include is in that service's manual (your hosting company's or mail service's).",
});

const AUTH_STEP_SPF_M365: Step = Step::new(text! {
    ja: "Microsoft 365 だけで送っている場合の値は次のとおりです。ほかのサービスから送っている場合は、この値をそのまま使わないでください。",
    en: "If you send only through Microsoft 365, the value is below. If you send through another service, do not use this value as it is.",
})
.example_for(Service::Microsoft365)
.link(text! { ja: "Microsoft 365 の SPF 設定手順", en: "Microsoft 365: set up SPF" }, MS_SPF)
.copy(text! { ja: "例: SPF レコード（Microsoft 365 だけで送る場合）", en: "Example: SPF record (Microsoft 365 only)" }, SPF_M365);

const AUTH_STEP_SPF_GOOGLE: Step = Step::new(text! {
    ja: "Google Workspace（Gmail）だけで送っている場合の値は次のとおりです。複数のサービス（ホームページのフォーム、配信サービスなど）から送る場合は、二つ目のレコードを作らず、一つのレコードにまとめてください。",
    en: "If you send only through Google Workspace (Gmail), the value is below. If several services send for you (a web form, a newsletter service), put them all in one record instead of creating a second one.",
})
.example_for(Service::Google)
.link(text! { ja: "Google Workspace の SPF 設定手順", en: "Google Workspace: set up SPF" }, GOOGLE_SPF)
.copy(text! { ja: "例: SPF レコード（Google Workspace だけで送る場合）", en: "Example: SPF record (Google Workspace only)" }, SPF_GOOGLE);

const AUTH_STEP_DKIM: Step = Step::new(text! {
    ja: "DKIM（送信するメールに電子署名を付ける仕組み）を、お使いのメールサービスの管理画面で有効にしてください。サービスが表示する DNS レコードを追加してから有効にします。",
    en: "Turn on DKIM (a digital signature on every message you send) in your mail service's admin console: add the DNS records it shows, then switch it on.",
})
.link(text! { ja: "Microsoft 365 の DKIM 設定手順", en: "Microsoft 365: set up DKIM" }, MS_DKIM)
.link_for(Service::Microsoft365);

const AUTH_STEP_DKIM_GOOGLE: Step = Step::new(text! {
    ja: "Google Workspace の場合は、管理コンソールの「Gmail」→「メールの認証」で DKIM を有効にします。",
    en: "With Google Workspace, turn DKIM on under Gmail > Authenticate email in the Admin console.",
})
.example_for(Service::Google)
.link(text! { ja: "Google Workspace の DKIM 設定手順", en: "Google Workspace: turn on DKIM" }, GOOGLE_DKIM);

pub(crate) const AUTH_STEP_DMARC_NAME: Step = Step::new(text! {
    ja: "DMARC（SPF と DKIM の結果をどう扱うか受信側に伝える設定）がなければ追加します。親のドメイン（example.com）の DMARC レコード（_dmarc.example.com）はサブドメイン（news.example.com など）にも効くので、まずそちらにあるか確かめてください。どちらにもなければ、「_dmarc.」のあとにあなたのドメイン名（{sender_domain}）か、すべてのサブドメインに効かせるなら親のドメイン名を続けた名前で、TXT レコードを作ります。",
    en: "If there is no DMARC record (it tells receivers how to treat the SPF and DKIM results), add one. A record on your main domain (_dmarc.example.com) also covers its subdomains (news.example.com, for example), so look there first. If neither has one, create a TXT record whose name is \"_dmarc.\" followed by your domain ({sender_domain}), or by your main domain to cover every subdomain.",
})
.link(text! { ja: "DMARC の設定手順（Microsoft 365）", en: "Microsoft 365: set up DMARC" }, MS_DMARC)
.link_for(Service::Microsoft365)
.copy(text! { ja: "DMARC レコードの名前（ホスト名）", en: "DMARC record name (host)" }, DMARC_HOST);

const AUTH_STEP_DMARC_VALUE: Step = Step::new(text! {
    ja: "値は、まずは次の最小の設定にします。「p=none」は、認証に失敗したメールを拒否せず様子を見るという意味です。",
    en: "Start with the smallest value below. \"p=none\" means: evaluate, but do not reject mail that fails.",
})
.link(text! { ja: "DMARC の設定手順（Google Workspace）", en: "Google Workspace: set up DMARC" }, GOOGLE_DMARC)
.link_for(Service::Google)
.copy(text! { ja: "DMARC レコードの値", en: "DMARC record value" }, DMARC_MINIMAL);

pub(crate) const AUTH_STEP_WAIT: Step = Step::new(text! {
    ja: "DNS の変更が反映されるまで数時間（長いと 1 日程度）待ってから、同じ宛先に一度だけ送り直してください。",
    en: "Wait a few hours (up to a day) for the DNS change to spread, then send the message again, once.",
});

/// The steps to fix SPF, DKIM and DMARC for the usual hosted senders; shared with the
/// providers' authentication playbooks.
pub(crate) const AUTH_STEPS: &[Step] = &[
    AUTH_STEP_DNS,
    AUTH_STEP_SPF,
    AUTH_STEP_SPF_M365,
    AUTH_STEP_SPF_GOOGLE,
    AUTH_STEP_DKIM,
    AUTH_STEP_DKIM_GOOGLE,
    AUTH_STEP_DMARC_NAME,
    AUTH_STEP_DMARC_VALUE,
    AUTH_STEP_WAIT,
];

/// The same when the refusal says the domain's own DMARC policy asked for it: a DMARC record
/// exists (with p=quarantine or p=reject), so the steps do not offer to add one; the fix is
/// SPF and DKIM for the service that sent the mail, not a weaker policy.
pub(crate) const AUTH_STEPS_DMARC_ENFORCED: &[Step] = &[
    AUTH_STEP_DNS,
    Step::new(text! {
        ja: "あなたのドメインには、SPF・DKIM の確認に合格しない（差出人のドメインと一致しない）メールを拒否するよう受信側に求める DMARC の方針が設定されています。DMARC を弱めるのではなく、このメールを送ったサービス（ホームページのフォーム、配信サービス、複合機など）が SPF か DKIM に合格するよう直してください。",
        en: "Your domain has a DMARC policy that asks receivers to refuse mail failing SPF and DKIM (aligned with the From domain). Fix SPF or DKIM for the service that sent this message (a web form, a newsletter service, a scanner), rather than weakening DMARC.",
    }),
    AUTH_STEP_SPF,
    AUTH_STEP_SPF_M365,
    AUTH_STEP_SPF_GOOGLE,
    AUTH_STEP_DKIM,
    AUTH_STEP_DKIM_GOOGLE,
    AUTH_STEP_WAIT,
];

/// Google's page on DMARC alignment, which its 4.7.32 / 5.7.32 refusals link
/// ("support.google.com/a?p=dmarc-alignment").
const GOOGLE_DMARC_ALIGNMENT: Url = google_help_page!("a/answer/10032169");

/// The steps when the refusal says the From domain is not aligned with the domain SPF or DKIM
/// checked (Gmail's 4.7.32 / 5.7.32: "the From: header (RFC5322) in this message isn't aligned
/// with either the authenticated SPF or DKIM organizational domain"): SPF and DKIM may pass for
/// a sending service's own domain and still not count, so the step that makes one of them the
/// sender's domain comes first.
// Source: Google Workspace Admin Help, "DMARC alignment" (a/answer/10032169): relaxed alignment
// is met when "the domain in the header From: address must match or be a subdomain of the SPF
// authenticated domain", or "... of the domain specified in the DKIM signature d= tag"; Gmail's
// sender guidelines (mail/answer/81126): "the domain in the sender's From: header must be aligned
// with either the SPF domain or the DKIM domain".
pub(crate) const AUTH_STEPS_ALIGNMENT: &[Step] = &[
    AUTH_STEP_DNS,
    Step::new(text! {
        ja: "差出人（From）のドメイン {sender_domain} と、DKIM 署名のドメイン（d=）か、エンベロープの差出人（Return-Path）のドメインのどちらかが、同じドメインか、そのサブドメイン（mail.{sender_domain} など）である必要があります。送信サービス（配信サービスやホームページのフォームなど）の管理画面で、自分のドメインで DKIM 署名する設定（「ドメイン認証」「独自ドメインの DKIM」などの名前です）をするか、Return-Path（返送先）を {sender_domain} のサブドメインにする設定をしてください。サービス自身のドメインで署名されたメールは、SPF や DKIM に合格しても一致したことになりません。",
        en: "The DKIM signature's domain (d=) or the envelope sender's (Return-Path) domain must be your From domain {sender_domain} or a subdomain of it (such as mail.{sender_domain}). In your sending service's settings (a newsletter service, a web form), set up DKIM signing with your own domain (often called domain authentication or custom DKIM), or a custom Return-Path (bounce) domain under {sender_domain}. Mail signed with the service's own domain does not line up, even when SPF and DKIM pass.",
    })
    .link(
        text! { ja: "Google Workspace ヘルプ: DMARC のアライメント（一致）", en: "Google Workspace Admin Help: DMARC alignment" },
        GOOGLE_DMARC_ALIGNMENT,
    ),
    AUTH_STEP_SPF,
    AUTH_STEP_SPF_M365,
    AUTH_STEP_SPF_GOOGLE,
    AUTH_STEP_DKIM,
    AUTH_STEP_DKIM_GOOGLE,
    AUTH_STEP_DMARC_NAME,
    AUTH_STEP_DMARC_VALUE,
    AUTH_STEP_WAIT,
];

pub(crate) const AUTH_DONTS: &[Text] = &[
    text! {
        ja: "「v=spf1」で始まるレコードを二つ作らないでください。二つあると SPF 全体がエラーになります。",
        en: "Do not create a second record starting with \"v=spf1\": two records make SPF fail altogether.",
    },
    text! {
        ja: "DMARC をいきなり「p=reject」にしないでください。設定漏れのある正規のメールまで届かなくなります。",
        en: "Do not start DMARC at \"p=reject\": legitimate mail from a service you forgot would be refused.",
    },
    DONT_RESEND_UNCHANGED,
];

pub(crate) const AUTH_SOURCES: &[Source] = &[
    SRC_SPF,
    SRC_DMARC,
    SRC_MS_SPF,
    SRC_GOOGLE_SPF,
    SRC_GOOGLE_GUIDELINES,
];

/// The shape of every "fix SPF, DKIM and DMARC" playbook, whoever refused the mail: the
/// party brings what happened and its sources; the steps are the same everywhere.
pub(crate) const fn auth_playbook(head: Head, basis: Basis) -> Playbook {
    Playbook {
        id: head.id,
        party: basis.party,
        title: head.title,
        verdict: head.verdict,
        why: head.why,
        actors: &[Actor::SenderAdmin, Actor::SenderProvider],
        urgency: Urgency::Now,
        duration: text! {
            ja: "設定の変更後、数時間から 1 日",
            en: "A few hours to a day after the DNS change",
        },
        prepare: PREPARE_DNS,
        steps: AUTH_STEPS,
        donts: AUTH_DONTS,
        message: Some(MESSAGE_AUTH),
        lookup: None,
        facts: basis.facts,
        sources: basis.sources,
        checked: basis.checked,
    }
}

/// The message of every authentication playbook: it names SPF, DKIM and DMARC, so that whoever
/// runs the domain's DNS knows what to check without reading the error first.
pub(crate) const MESSAGE_AUTH: crate::model::Message = crate::model::Message {
    to: To::SenderAdmin,
    address: None,
    subject: text! {
        ja: "{sender_domain} の送信ドメイン認証（SPF・DKIM）の確認のお願い（{code}）",
        en: "Please check SPF and DKIM for {sender_domain} ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、送信ドメイン認証（SPF・DKIM・DMARC）に合格しなかったとして、次のエラーで返ってきました。

・エラー全文: {error_text}
・エラーコード: {code}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. {sender_domain} の SPF レコード（「v=spf1」で始まる TXT レコード）が一つだけで、実際に送信に使っているサーバーやサービスがすべて含まれているか
2. 送信に使っているサービスで DKIM の署名が有効になっているか
3. DMARC レコード（_dmarc.{sender_domain}、またはサブドメインにも効く親のドメインのもの）があるか

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced because it did not pass sender authentication (SPF, DKIM, DMARC):

- Full error: {error_text}
- Code: {code}
- Sent at: {date}

Could you please check:
1. that {sender_domain} has exactly one SPF record (a TXT record starting with \"v=spf1\") and that it includes every server or service we really send from;
2. that DKIM signing is turned on in the service we send through;
3. that there is a DMARC record (_dmarc.{sender_domain}, or one on our main domain, which covers its subdomains).

Thank you.",
    },
};

pub(crate) const AUTHFAILURE: Playbook = auth_playbook(
    Head {
        id: "generic-authfailure",
        title: text! { ja: "送信ドメイン認証（SPF・DKIM・DMARC）の失敗", en: "Sender authentication (SPF, DKIM, DMARC) failed" },
        verdict: text! {
            ja: "受信側が、メールが本当にドメイン {sender_domain} から送られたものかを確認できず、受け取りを拒否しました。",
            en: "The receiving side could not confirm that the mail really came from {sender_domain}, so it refused it.",
        },
        why: text! {
            ja: "多くは、送信に使っているサービスがドメインの SPF に登録されていないか、DKIM の署名が設定されていないことが原因です。",
            en: "Usually the service you send through is missing from your domain's SPF record, or DKIM signing was never turned on.",
        },
    },
    Basis {
        party: None,
        facts: &[],
        sources: AUTH_SOURCES,
        checked: CHECKED,
    },
);

pub(crate) const BADREPUTATION: Playbook = Playbook {
    id: "generic-badreputation",
    party: None,
    title: text! { ja: "送信元の評価（レピュテーション）が低い", en: "Low sender reputation" },
    verdict: text! {
        ja: "受信側が、送信元（IP アドレス {ip} またはドメイン {sender_domain}）の評価が低いと判断し、受け取りを制限しました。",
        en: "The receiving side judged the reputation of your sender (address {ip} or domain {sender_domain}) too low and limited what it accepts.",
    },
    why: text! {
        ja: "迷惑メールとしての報告、存在しない宛先への大量送信、乗っ取られたアカウントからの送信、同じサーバーを使う他の利用者の送信などで評価が下がります。",
        en: "Reputation drops with spam complaints, mail to many addresses that do not exist, a hijacked account sending spam, or other customers on the same server.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因を取り除いてから数日から数週間", en: "Days to weeks after the cause is removed" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_THIS_PAGE_CHECK,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "一斉送信をしている場合は、送る量を減らし、しばらく反応のない宛先や、エラーで返ってきた宛先をリストから外してください。",
            en: "If you send newsletters or bulk mail, send less for a while and remove addresses that bounced or have not engaged for a long time.",
        }),
        STEP_ASK_HOST_REPUTATION,
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND, DONT_PAY],
    message: Some(MESSAGE_HOSTING_REPUTATION),
    lookup: None,
    facts: &[],
    sources: &[SRC_GOOGLE_GUIDELINES, SRC_RFC3463],
    checked: CHECKED,
};

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "generic-blocked",
    party: None,
    title: text! { ja: "送信元がブロックされている", en: "Your sending server is blocked" },
    verdict: text! {
        ja: "受信側のサーバー {remote_host} が、送信元 IP アドレス {ip} からのメールを拒否しました。",
        en: "The receiving server {remote_host} refused mail from your sending IP address {ip}.",
    },
    why: text! {
        ja: "その IP アドレスがブロックリスト（迷惑メールの送信元とされた IP アドレスの一覧）に掲載されていることが多く、共用サーバーの他の利用者、感染したパソコン、乗っ取られたアカウントが原因になりがちです。",
        en: "Usually the address is on a blocklist (a list of addresses seen sending spam), often because of another customer on a shared server, an infected computer or a hijacked account.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "リストにより数時間から数日", en: "Hours to days, depending on the list" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_ERROR_NAMES_LIST,
        STEP_THIS_PAGE_CHECK,
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "共用サーバーから送っている場合は、下の文面をホスティング事業者に送ってください。解除を申請できるのは、多くの場合 IP アドレスの持ち主（ホスティング事業者）だけです。",
            en: "If you send through a shared server, send the message below to your hosting company: often only the owner of the address (the hosting company) can request removal.",
        }),
        Step::new(text! {
            ja: "自分で管理しているサーバーなら、原因を止めたうえで、掲載しているリストのページから解除を申請してください。",
            en: "If you run the server yourself, stop the cause, then request removal on the page of the list that names it.",
        }),
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY, DONT_RESEND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    // The list is whichever the bounce names; its zone, or a fill-in asking for it.
    facts: &[("list_name", "{zone}")],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const CONTENTERROR: Playbook = Playbook {
    id: "generic-contenterror",
    party: None,
    title: text! { ja: "メールの内容や形式が受け付けられない", en: "The content or format was not accepted" },
    verdict: text! {
        ja: "受信側が、メールの内容や形式（添付ファイル、文字コード、ヘッダーなど）を理由に受け取りを拒否しました。",
        en: "The receiving side refused the message because of its content or format (attachments, character encoding, headers).",
    },
    why: text! {
        ja: "受信側で禁止されている種類の添付ファイル（実行ファイルやパスワード付き ZIP など）や、変換できない文字コードが原因になることが多くあります。",
        en: "Often an attachment type the receiver forbids (programs, password-protected ZIP files) or an encoding it cannot convert is the cause.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SEND_DIFFERENTLY,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "添付ファイルを外し、本文だけで一度送ってみてください。届くなら原因は添付ファイルです。",
            en: "Send the message once without attachments. If it arrives, the attachment was the cause.",
        }),
        Step::new(text! {
            ja: "ファイルは共有リンク（オンラインストレージ）で渡すか、受信者に受け取れる形式を確認してください。",
            en: "Share files through a link (online storage) instead, or ask the recipient which formats they accept.",
        }),
        Step::new(text! {
            ja: "システムやホームページのフォームから送ったメールなら、その開発者や管理者にエラーの全文を伝えてください。",
            en: "If the mail came from a system or a web form, give the full error to whoever develops or runs it.",
        }),
        Step::new(text! {
            ja: "理由が分からない場合は、受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。",
            en: "If the reason is unclear, contact the recipient and ask them to pass the message below to their administrator.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// The blocked advice's and the delayed-then-refused advice's first step: the list the error
/// names, if it names one, is the reason.
const STEP_ERROR_NAMES_LIST: Step = Step::new(text! {
    ja: "エラー文にブロックリスト名（{zone} など）やリストのページのアドレスが書かれていれば、それが拒否の理由です。そのページを開くか、リストの名前で検索して、掲載の理由と解除の申し込み方を確かめてください。",
    en: "If the error names a blocklist ({zone}, for example) or a list's web page, that list is the reason: open that page, or search for the list's name, to see why it lists the address and how to ask for removal.",
});

/// A notice that the message arrived: nothing to do, and whether it was read is the recipient's
/// to say.
const STEP_NOTHING_ASK_IF_READ: Step = Step::new(text! {
    ja: "対応は必要ありません。相手が読んだかどうかを知りたい場合は、別の方法で受信者に確認してください。",
    en: "Nothing to do. If you want to know whether it was read, ask the recipient another way.",
});

/// The message arrived: another copy would arrive too.
const DONT_RESEND_DELIVERED: Text = text! {
    ja: "念のために同じメールを送り直さないでください。相手に重複して届きます。",
    en: "Do not send the message again \"just in case\": the recipient would get it twice.",
};

pub(crate) const DELIVERED: Playbook = Playbook {
    id: "generic-delivered",
    party: None,
    title: text! { ja: "配信完了の通知", en: "A delivery notice" },
    verdict: text! {
        ja: "これはエラーではなく、メールが {recipient} に届いたことを知らせる通知です。",
        en: "This is not an error: it tells you the message reached {recipient}.",
    },
    why: text! {
        ja: "送信時に配信確認を求めた場合や、途中のサーバーが配信結果を報告した場合に届きます。",
        en: "It arrives when delivery notices were requested, or when a server on the way reports its result.",
    },
    actors: &[Actor::NothingToDo],
    urgency: Urgency::None,
    duration: DURATION_NOTHING,
    prepare: &[],
    steps: &[STEP_NOTHING_ASK_IF_READ],
    donts: &[DONT_RESEND_DELIVERED],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "RFC 3464（配信状況通知）", en: "RFC 3464 (delivery status notifications)" },
        url: Url::one(RFC3464),
    }],
    checked: CHECKED,
};

// The size steps when the bounce does not state the receiver's limit: no figure is invented
// (review h217, H1: "under about 10 MB" sent a reader whose receiver took 4.1 MB into the same
// bounce again). The common range: Postfix's default message_size_limit is 10240000 bytes
// (postconf(5), https://www.postfix.org/postconf.5.html#message_size_limit); Gmail takes up to
// 25 MB (https://support.google.com/mail/answer/6584). When the bounce states the limit
// (`size_limit_bytes`), `render.rs::SIZE_STEPS` puts it in instead. The growth by about a
// third: base64 writes 3 bytes as 4 characters (RFC 2045 section 6.8).
pub(crate) const EXCEEDLIMIT_STEP_SIZE: Step = Step::new(text! {
    ja: "添付ファイルを小さくするか、共有リンクで渡してください。受け取れる大きさの上限は受信側ごとに違い、このエラーには書かれていないので、わからなければ相手に聞いてください。10 MB から 25 MB ほどまで受け取るところが多いものの、もっと小さいところもあります。添付ファイルは送信時に約 1.3 倍になります。",
    en: "Make attachments smaller or share them through a link. Each receiver sets its own size limit and this error does not say it, so ask the recipient if you are not sure. Many accept somewhere from about 10 MB to 25 MB, some much less, and attachments grow by about a third when sent.",
});

pub(crate) const MESGTOOBIG_STEP_SIZE: Step = Step::new(text! {
    ja: "添付ファイルを圧縮するか、共有リンク（オンラインストレージ）で渡してください。受け取れる大きさの上限は相手側が決めていて、このエラーには書かれていないので、わからなければ相手に聞いてください。10 MB から 25 MB ほどまで受け取るところが多いものの、もっと小さいところもあります。添付ファイルは送信時に約 1.3 倍になります。",
    en: "Compress the attachments or share them through a link (online storage). The recipient's side sets the size limit and this error does not say it, so ask the recipient if you are not sure. Many accept somewhere from about 10 MB to 25 MB, some much less, and attachments grow by about a third when sent.",
});

/// The size steps when the bounce states the receiver's limit (`{limit}`: the limit,
/// `{files}`: about three quarters of it, what the files may total), in the order of
/// `render.rs::SIZE_STEPS`.
pub(crate) const EXCEEDLIMIT_STEP_SIZE_STATED: Text = text! {
    ja: "添付ファイルを小さくするか、共有リンクで渡してください。エラーに書かれた受信側の上限は約 {limit} です。添付ファイルは送信時に約 1.3 倍になるので、ファイルの合計は約 {files} までにしてください。",
    en: "Make attachments smaller or share them through a link. The error gives the receiver's limit: about {limit}. Attachments grow by about a third when sent, so keep the files together under about {files}.",
};

pub(crate) const MESGTOOBIG_STEP_SIZE_STATED: Text = text! {
    ja: "添付ファイルを圧縮するか、共有リンク（オンラインストレージ）で渡してください。エラーに書かれた受信側の上限は約 {limit} です。添付ファイルは送信時に約 1.3 倍になるので、ファイルの合計は約 {files} までにしてください。",
    en: "Compress the attachments or share them through a link (online storage). The error gives the receiver's limit: about {limit}. Attachments grow by about a third when sent, so keep the files together under about {files}.",
};

pub(crate) const EXCEEDLIMIT: Playbook = Playbook {
    id: "generic-exceedlimit",
    party: None,
    title: text! { ja: "受信側の上限を超えた", en: "A limit at the recipient was exceeded" },
    verdict: text! {
        ja: "メールが {recipient} の受信上限（1 通あたりの大きさや宛先数など）を超えたため、届きませんでした。",
        en: "The message exceeded a limit at {recipient} (size per message, number of recipients, and so on), so it was not delivered.",
    },
    why: text! {
        ja: "大きな添付ファイルや、一度に多くの宛先へ送ったことが原因であることが多く、上限は受信側ごとに異なります。",
        en: "Large attachments or many recipients at once are the usual causes; each receiver sets its own limits.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SEND_DIFFERENTLY,
    prepare: PREPARE_ERROR,
    steps: &[
        EXCEEDLIMIT_STEP_SIZE,
        Step::new(text! {
            ja: "宛先が多い場合は、何回かに分けて送ってください。",
            en: "If there were many recipients, send in several smaller batches.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const EXPIRED: Playbook = Playbook {
    id: "generic-expired",
    party: None,
    title: text! { ja: "配送をあきらめた（時間切れ）", en: "Delivery gave up (expired)" },
    verdict: text! {
        ja: "送信側のサーバーが {recipient} への配送を何度も試みましたが、一定期間（通常 1 日から 5 日）届けられず、あきらめました。",
        en: "Your server tried to deliver to {recipient} many times for a while (usually one to five days) and then gave up.",
    },
    why: text! {
        ja: "相手のサーバーの停止や一時的な拒否、宛先ドメインの設定の誤り、ネットワークの不調などで起こります。",
        en: "It happens when the receiving server is down or keeps deferring the mail, when the recipient domain is misconfigured, or when the network fails.",
    },
    // The sending server has already given up and retried all it could: what stopped it is
    // almost always at the receiving side (held-out i, case 43: Microsoft 365's 5.4.316 after a
    // day of refused connections). The sender's part is to pass that on and resend.
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "相手側の復旧しだい", en: "Depends on when the receiving side recovers" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "エラー文に最後の失敗理由（接続できない、一時的に拒否された など）が書かれていれば、それが本当の原因です。その内容で対処してください。",
            en: "If the error gives the last reason for failing (could not connect, temporarily refused), that is the real cause: act on it.",
        }),
        Step::new(text! {
            ja: "宛先 {recipient} の @ より後ろ（ドメイン）につづりの誤りがないか確認してください。",
            en: "Check the part after @ in {recipient} for typos.",
        }),
        Step::new(text! {
            ja: "受信者に電話や別のアドレスで連絡し、下の文面を受信側の管理者に渡して、メールサーバーに問題がないか確認してもらってください。",
            en: "Contact the recipient by phone or another address and ask them to pass the message below to their administrator, who can check their mail server.",
        }),
        Step::new(text! {
            ja: "多くの宛先で同じエラーが出る場合は、送信側のサーバーに問題があるかもしれません。ホスティング事業者に問い合わせてください。",
            en: "If mail to many different places expires, your own server may be the problem: ask your hosting company.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_RECIPIENT_SERVER),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const FAILEDSTARTTLS: Playbook = Playbook {
    id: "generic-failedstarttls",
    party: None,
    title: text! { ja: "暗号化（TLS）ができなかった", en: "Encryption (TLS) failed" },
    verdict: text! {
        ja: "受信側が暗号化された通信（TLS）を求めましたが、送信側のサーバーとの間で暗号化できなかったため、届きませんでした。",
        en: "The receiving side required an encrypted connection (TLS), and it could not be set up with your server, so the mail was not delivered.",
    },
    why: text! {
        ja: "送信サーバーの TLS 機能が無効か古い、または証明書（暗号化に使う身分証明書）の期限切れが主な原因です。",
        en: "Usually TLS is switched off or outdated on the sending server, or a certificate (the server's ID for encryption) has expired.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "サーバー設定の変更後すぐ", en: "Right after the server setting is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "下の文面で、送信サーバーの TLS（STARTTLS）の設定と証明書の期限を確認するよう、ホスティング事業者かサーバーの管理者に依頼してください。",
            en: "Using the message below, ask your hosting company or server administrator to check the server's TLS (STARTTLS) setting and certificate expiry.",
        }),
        Step::new(text! {
            ja: "相手側の証明書に問題がある場合もあります。その場合は受信側の管理者に伝えてください。",
            en: "Sometimes the receiving side's certificate is at fault: then tell the recipient's administrator.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[text! {
        ja: "暗号化を切って送るような回避策をとらないでください。相手が暗号化を求めている以上、届きません。",
        en: "Do not try to work around it by switching encryption off: the receiver requires it, so the mail still would not arrive.",
    }],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 3207（SMTP の STARTTLS）", en: "RFC 3207 (STARTTLS for SMTP)" },
            url: Url::one(RFC3207),
        },
        SRC_RFC3463,
    ],
    checked: CHECKED,
};

/// The sending server's own rule that a destination gets mail only over TLS, met by a receiver
/// that did not offer it: Postfix's "TLS is required, but was not offered by host ..." (and "...
/// but host ... refused to start TLS"), written by the sending side's client, never by the
/// receiver. It is a setting on the sender's side, so it does not clear by waiting (held-out
/// round o, case 16). Picked in `select.rs` from those words, over the delay advice.
// Source: Postfix smtp_proto.c (`tls_enforce_tls`: "TLS is required, but was not offered by host
// %s"), and the setting behind it, https://www.postfix.org/postconf.5.html#smtp_tls_security_level
pub(crate) const OWN_TLS_REQUIRED: Playbook = Playbook {
    id: "generic-own-tls-required",
    party: None,
    title: text! { ja: "自分のサーバーが暗号化（TLS）を必須にしている", en: "Your own server requires encryption (TLS) here" },
    verdict: text! {
        ja: "あなたのメールサーバーは、この宛先へは暗号化した接続（TLS）でしか送らない設定ですが、{remote_host} が暗号化に応じなかったため、送らずに止めています。",
        en: "Your own mail server is set to deliver here only over an encrypted connection (TLS), and {remote_host} did not take one, so your server holds the message back.",
    },
    why: text! {
        ja: "TLS を必須にしているのは送信側（あなたの側）の設定で、受信側の求めではありません。待っても解消しません。大手の受信サーバーは TLS に対応しているので、途中の機器（ファイアウォールなど）が暗号化の案内を消していることもあります。",
        en: "The requirement is a setting on your side, not the receiver's, so waiting will not clear it. Large receivers do offer TLS: if they seem not to, something on the way (a firewall, a network filter) may hide it.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "設定を直せば、次の再送ですぐ", en: "At the next retry once the setting is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "下の文面で、サーバーの管理者に、この宛先への TLS 必須の設定（Postfix では smtp_tls_security_level や smtp_tls_policy_maps）と、途中で暗号化が妨げられていないかを確認してもらってください。",
            en: "Using the message below, ask whoever runs your mail server to check the TLS requirement for this destination (in Postfix, smtp_tls_security_level and smtp_tls_policy_maps) and whether something on the way blocks encryption.",
        })
        .link(
            text! { ja: "Postfix の設定: smtp_tls_security_level", en: "Postfix: smtp_tls_security_level" },
            Url::one(POSTFIX_TLS_LEVEL),
        ),
        Step::new(text! {
            ja: "メールサービスの設定で「暗号化できる相手にだけ送る」などを有効にしている場合は、それが原因です。この宛先には別の方法で連絡してください。",
            en: "If you turned on an option such as \"send only encrypted\" in your mail service's settings, that option is the cause: reach this recipient another way.",
        }),
    ],
    donts: &[text! {
        ja: "この 1 通のために、すべての宛先で暗号化を切らないでください。変えるのはこの宛先の設定だけです。",
        en: "Do not switch encryption off for every destination to get this one through: change only the rule for this destination.",
    }],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Postfix の設定: smtp_tls_security_level", en: "Postfix: smtp_tls_security_level" },
            url: Url::one(POSTFIX_TLS_LEVEL),
        },
        Source {
            title: text! { ja: "RFC 3207（SMTP の STARTTLS）", en: "RFC 3207 (STARTTLS for SMTP)" },
            url: Url::one(RFC3207),
        },
    ],
    checked: "2026-11-26",
};

/// Google Cloud's own page: "Compute Engine does not allow outbound connections on port 25";
/// mail goes out through a relay on another port instead.
const GCE_SENDING_MAIL: &str = "https://cloud.google.com/compute/docs/tutorials/sending-mail";

/// The sending server could not even connect to a big mailbox provider's mail server: the
/// connection to port 25 timed out. Those servers take connections around the clock, so the
/// likely cause is on the sending side: many cloud services and some internet providers block
/// outgoing connections to port 25 (Google Cloud's page above; AWS, Azure and others do the
/// same by default). Said as the likely cause, not as a fact: a passing network fault looks
/// the same. Picked in `select.rs` (`cannot_reach_a_big_provider`).
pub(crate) const PORT25_UNREACHABLE: Playbook = Playbook {
    id: "generic-port25-unreachable",
    party: None,
    title: text! {
        ja: "送信サーバーから相手のメールサーバーにつながらない（ポート 25）",
        en: "Your mail server cannot connect to the receiving mail server (port 25)",
    },
    verdict: text! {
        ja: "あなたのメールサーバーが、{remote_host} のポート 25（メールサーバー同士の受け渡しの窓口）に接続しようとして、応答がないまま時間切れになりました。",
        en: "Your mail server tried to connect to {remote_host} on port 25 (where mail servers hand mail to each other) and got no answer before it timed out.",
    },
    why: text! {
        ja: "大手のメールサービスの受信サーバーは常に接続を受け付けているので、多くの場合、接続があなたのサーバーのネットワークから出られていません。クラウドサービスや一部のプロバイダーは、迷惑メール対策として、外向きのポート 25 への接続を初めから止めています。一時的なネットワークの不調でも同じエラーになります。",
        en: "Big mailbox providers' mail servers take connections around the clock, so most often the connection never left your server's network: many cloud services and some internet providers block outgoing connections to port 25 by default, against spam. A passing network fault gives the same error.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "ポート 25 が開くか、中継サーバーを使う設定にすれば、次の再送ですぐ",
        en: "At the next retry, once port 25 is open or the server sends through a relay",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "下の文面で、メールサーバーを動かしているホスティング事業者（クラウドサービス、プロバイダー）か管理者に、そのサーバーから外向きのポート 25 への接続が許可されているか確認してください。",
            en: "Using the message below, ask the company that hosts your mail server (the cloud service or provider), or its administrator, whether the server may open outgoing connections to port 25.",
        }),
        Step::new(text! {
            ja: "止められている場合は、事業者に解除を申し込むか、事業者やメール配信サービスの送信用サーバー（中継サーバー）に、ポート 587 でログインして送る設定に変えてください。",
            en: "If it is blocked, ask the provider to lift the block, or set the server to send through the provider's or a mail service's outgoing server (a relay) on port 587, with a login.",
        })
        .link(
            text! { ja: "Google Cloud: 仮想マシンからのメール送信（ポート 25 について、英語）", en: "Google Cloud: sending email from a VM (about port 25)" },
            Url::one(GCE_SENDING_MAIL),
        ),
        Step::new(text! {
            ja: "同じ相手への他のメールは届いていて、この 1 通だけなら、一時的な不調です。送信サーバーの再送を待ってください。",
            en: "If other mail to the same provider gets through and only this message is stuck, it was a passing fault: let your server's retries deliver it.",
        }),
    ],
    donts: &[text! {
        ja: "同じメールを何度も送り直さないでください。接続できない原因が残っている限り、何度送っても同じところで止まります。",
        en: "Do not send the same message again and again: while the connection is blocked, every copy stops at the same place.",
    }],
    message: Some(MESSAGE_PORT25),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! {
            ja: "Google Cloud: 仮想マシンからメールを送信する（英語）",
            en: "Google Cloud: Sending email from an instance",
        },
        url: Url::one(GCE_SENDING_MAIL),
    }],
    checked: "2026-11-26",
};

/// To whoever hosts or runs the sending server: is outgoing port 25 open?
const MESSAGE_PORT25: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "メールサーバーから外向きのポート 25 に接続できるか確認のお願い",
        en: "Can my mail server connect out on port 25?",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。貴社のサービスで動かしているメールサーバーから {recipient} 宛てにメールを送ったところ、相手のメールサーバーへの接続が時間切れになり、届いていません。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、このサーバーから外向きのポート 25 への接続が制限されていないかご確認ください。制限されている場合は、解除の方法か、利用できる送信用の中継サーバーを教えていただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

I run a mail server on your service. Mail from it to {recipient} does not arrive: the connection to the receiving mail server times out.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please check whether outgoing connections to port 25 are restricted for this server? If they are, how can the restriction be lifted, or which outgoing relay server can I use instead?

Thank you.",
    },
};

/// Postfix's page on IPv6: "On systems with combined IPv4/IPv6 stacks, attempts to deliver
/// mail via IPv6 would always fail with \"network unreachable\"", and the setting that limits
/// the protocols the SMTP client uses.
const POSTFIX_IPV6_README: &str = "https://www.postfix.org/IPV6_README.html";

/// The sending server's own report that the network of the receiving server's address was
/// unreachable from it ("connect to mx.example.org[2001:db8::25]:25: Network is unreachable",
/// the system's ENETUNREACH): the sending machine has no route to that network, most often no
/// IPv6 connection while the receiver publishes an IPv6 address, so its operator fixes the
/// route or limits the server to IPv4 (Postfix's `inet_protocols`). Nobody at the receiving
/// side was reached. Picked in `select.rs` (`own_network_unreachable`) when the server gave up;
/// a delay notice keeps the wait advice.
// Source: https://www.postfix.org/IPV6_README.html ("would always fail with \"network
// unreachable\""), Postfix smtp_connect.c ("connect to %s[%s]:%d: %m").
pub(crate) const OWN_NETWORK_UNREACHABLE: Playbook = Playbook {
    id: "generic-own-network-unreachable",
    party: None,
    title: text! {
        ja: "送信サーバーから相手のネットワークへの経路がない",
        en: "Your mail server has no network route to the receiving server",
    },
    verdict: text! {
        ja: "あなたのメールサーバーは、{remote_host} に接続しようとしましたが、自分のネットワークからその宛先への経路がなく（Network is unreachable）、送るのをあきらめました。",
        en: "Your mail server tried to connect to {remote_host}, but had no network route to that address (\"Network is unreachable\"), and gave up.",
    },
    why: text! {
        ja: "このエラーは送信側のサーバー自身が出すもので、相手のサーバーには届いていません。多くは、相手が IPv6 のアドレスを公開しているのに、送信サーバーに IPv6 の接続がない場合です。送信サーバーの管理者が経路を直すか、IPv4 だけで送る設定にすれば解消します。",
        en: "Your own server reports this: the receiving server was never reached. Most often the receiver publishes an IPv6 address and your server has no working IPv6 connection. Whoever runs your server can fix the route, or set the server to send over IPv4 only.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "経路か設定を直せば、送り直してすぐ",
        en: "Right after a resend, once the route or the setting is fixed",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "下の文面で、メールサーバーを動かしているホスティング事業者か管理者に、このエラーを伝えてください。",
            en: "Using the message below, send this error to the company that hosts your mail server, or to whoever runs it.",
        }),
        Step::new(text! {
            ja: "管理者の方へ: 宛先のアドレスが IPv6 なら、サーバーの IPv6 の接続を確認するか、IPv4 だけで送る設定にしてください（Postfix では inet_protocols = ipv4）。",
            en: "For the administrator: if the address is an IPv6 one, check the server's IPv6 connection, or make it send over IPv4 only (in Postfix, inet_protocols = ipv4).",
        })
        .link(
            text! { ja: "Postfix の IPv6 対応（英語）", en: "Postfix IPv6 support" },
            Url::one(POSTFIX_IPV6_README),
        ),
        STEP_RESEND_ONCE,
    ],
    donts: &[text! {
        ja: "直る前に送り直さないでください。同じところで止まります。",
        en: "Do not resend before it is fixed: it stops at the same place.",
    }],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "Postfix の IPv6 対応（英語）", en: "Postfix IPv6 support" },
        url: Url::one(POSTFIX_IPV6_README),
    }],
    checked: "2026-11-26",
};

/// Postfix's setting that makes TLS required ("encrypt") for the SMTP client.
const POSTFIX_TLS_LEVEL: &str = "https://www.postfix.org/postconf.5.html#smtp_tls_security_level";

pub(crate) const FEEDBACK: Playbook = Playbook {
    id: "generic-feedback",
    party: None,
    title: text! { ja: "迷惑メール報告（フィードバック）", en: "A spam complaint report" },
    verdict: text! {
        ja: "これはエラーではなく、受信者があなたのメールを「迷惑メール」として報告したことを知らせるレポートです。",
        en: "This is not a bounce: it reports that a recipient marked your mail as spam.",
    },
    why: text! {
        ja: "受信者が購読を覚えていない、配信停止の方法が分かりにくい、送る頻度が多すぎる、などが主な理由です。",
        en: "Recipients complain when they do not remember signing up, cannot find how to unsubscribe, or get mail too often.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "すぐ対応できます", en: "Can be handled right away" },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "報告した宛先には、今後メールを送らないでください（配信リストから外します）。",
            en: "Stop mailing the address that complained (take it off your list).",
        }),
        Step::new(text! {
            ja: "一斉送信では、本人が登録した宛先だけに送り、分かりやすい配信停止リンクを入れてください。",
            en: "For bulk mail, send only to people who signed up themselves, and include a clear unsubscribe link.",
        }),
    ],
    donts: &[text! {
        ja: "報告した相手に理由を問い合わせたり、送り続けたりしないでください。報告が増え、送信元の評価が下がります。",
        en: "Do not write to the complainer to ask why, and do not keep mailing them: more complaints lower your reputation.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "RFC 5965（迷惑メール報告の形式）", en: "RFC 5965 (abuse feedback reports)" },
        url: Url::one(RFC5965),
    }],
    checked: CHECKED,
};

pub(crate) const FILTERED: Playbook = Playbook {
    id: "generic-filtered",
    party: None,
    title: text! { ja: "受信者側のフィルターで拒否された", en: "Refused by the recipient's filter" },
    verdict: text! {
        ja: "{recipient} 側の迷惑メールフィルターや受信設定が、あなたからのメールを受け取らないようにしています。",
        en: "The spam filter or the receiving settings at {recipient} are set not to accept mail from you.",
    },
    why: text! {
        ja: "受信者が特定のアドレスやドメインからしか受け取らない設定にしている、またはフィルターがあなたのメールを迷惑メールと判断したことが主な原因です。",
        en: "The recipient may accept mail only from chosen addresses or domains, or their filter judged your mail to be spam.",
    },
    actors: &[Actor::Recipient, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_SETTING,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "受信者に電話や別の方法で連絡し、{allowed_sender_you}を受信許可に登録してもらってください。下の文面が使えます。",
            en: "Contact the recipient by phone or another way and ask them to allow {allowed_sender_you}. The message below can help.",
        }),
        Step::new(text! {
            ja: "許可してもらってから、一度だけ送り直してください。",
            en: "Once they have allowed you, send the message again, once.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ALLOW),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const HASMOVED: Playbook = Playbook {
    id: "generic-hasmoved",
    party: None,
    title: text! {
        ja: "宛先のアドレスが変わった",
        en: "The recipient's address has changed",
    },
    verdict: text! {
        ja:
            "{recipient} は以前は使われていましたが、今はこのアドレスでメールを受け付けていません。",
        en: "{recipient} was in use once, but mail to it is no longer accepted.",
    },
    why: text! {
        ja: "退職、異動、プロバイダーや携帯電話会社の変更などでアドレスが変わったと考えられます。",
        en: "The person probably changed jobs, departments, providers or phone carriers.",
    },
    actors: &[Actor::Sender, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "新しいアドレスが分かればすぐ",
        en: "As soon as you have the new address",
    },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "電話や別の手段で相手に連絡し、新しいメールアドレスを確認してください。",
            en: "Contact the person another way and ask for their new address.",
        }),
        Step::new(text! {
            ja: "アドレス帳や配信リストから古いアドレス {recipient} を削除してください。",
            en: "Remove the old address {recipient} from your address book and mailing lists.",
        }),
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const HOSTUNKNOWN: Playbook = Playbook {
    id: "generic-hostunknown",
    party: None,
    title: text! { ja: "宛先のドメインが見つからない", en: "The recipient's domain was not found" },
    verdict: text! {
        ja: "宛先 {recipient} の @ より後ろ（ドメイン）が見つからないか、メールを受け取る設定がないため、届きませんでした。",
        en: "The part after @ in {recipient} (the domain) does not exist or is not set up to receive mail, so the message could not be delivered.",
    },
    why: text! {
        ja: "ほとんどはつづりの誤り（「gmail.co」「docomo.ne.jpp」など）で、ほかにドメインの期限切れや相手の DNS 設定の誤りがあります。",
        en: "Almost always a typo (\"gmail.co\", \"docomo.ne.jpp\"); otherwise the domain expired or its DNS is misconfigured.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RIGHT_ADDRESS,
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "宛先を一文字ずつ確認してください。よくある間違いは、つづりの入れ替え、「.com」と「.co.jp」の取り違え、末尾の余分な文字です。",
            en: "Check the address letter by letter. Common mistakes are swapped letters, \".com\" versus \".co.jp\", and extra characters at the end.",
        })
        .copy(LABEL_ADDRESS_TO_CHECK, "{recipient}"),
        Step::new(text! {
            ja: "つづりが正しいのに届かない場合は、相手の会社のドメインに問題があるかもしれません。電話などで相手に伝えてください。",
            en: "If the spelling is right, the recipient's domain itself may have a problem: tell them by phone or another way.",
        }),
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// A full mailbox's "resend once": like [`STEP_RESEND_ONCE`], a temporary reply that does not
/// say whether the sending server still retries makes it conditional (`render`).
pub(crate) const STEP_RESEND_WHEN_ROOM: Step = Step::new(text! {
    ja: "受信者が容量を空けたら、一度だけ送り直してください。長く満杯のままなら、そのアドレスは使われていない可能性があります。",
    en: "Once they have freed up space, send the message again, once. If it stays full for long, the address is probably no longer used.",
});

pub(crate) const MAILBOXFULL: Playbook = Playbook {
    id: "generic-mailboxfull",
    party: None,
    title: text! { ja: "宛先のメールボックスが満杯", en: "The recipient's mailbox is full" },
    verdict: text! {
        ja: "{recipient} のメールボックスが容量の上限に達しているため、メールを受け取れませんでした。",
        en: "The mailbox of {recipient} has reached its size limit, so it could not take your message.",
    },
    why: text! {
        ja: "受信者が古いメールを削除していないか、使われなくなったアドレスにメールがたまり続けていることが原因です。",
        en: "The recipient has not deleted old mail, or the address is no longer used and mail keeps piling up.",
    },
    actors: &[Actor::Recipient],
    urgency: Urgency::Wait,
    duration: text! { ja: "受信者が容量を空けるまで", en: "Until the recipient frees up space" },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "電話や別のアドレスで受信者に連絡し、メールボックスがいっぱいであることを伝えてください。",
            en: "Tell the recipient by phone or another address that their mailbox is full.",
        }),
        STEP_RESEND_WHEN_ROOM,
    ],
    donts: &[DONT_RESEND_FULL],
    message: Some(crate::model::Message {
        to: crate::model::To::Recipient,
        address: None,
        subject: text! { ja: "メールボックスが満杯のようです", en: "Your mailbox seems to be full" },
        body: text! {
            ja: "いつもお世話になっております。

{recipient} 宛てにメールをお送りしたところ、「メールボックスが満杯」というエラーで返ってきてしまいました。お手数ですが、不要なメールを削除して容量を空けていただけますでしょうか。空きができましたら、改めてお送りします。

よろしくお願いいたします。",
            en: "Hello,

My message to {recipient} came back because your mailbox is full. Could you delete some old mail to make room? I will send it again once there is space.

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const MAILERERROR: Playbook = Playbook {
    id: "generic-mailererror",
    party: None,
    title: text! { ja: "受信側のメール処理プログラムのエラー", en: "A mail program at the receiving side failed" },
    verdict: text! {
        ja: "受信側でメールを配る途中のプログラムがエラーを起こし、{recipient} に届けられませんでした。",
        en: "A program that delivers mail at the receiving side failed, so the message did not reach {recipient}.",
    },
    why: text! {
        ja: "受信側のサーバーの設定や、転送・自動処理の設定の不具合が原因で、送信者側の問題ではないことがほとんどです。",
        en: "It is almost always a problem with the receiving server's set-up or with a forwarding or filtering rule there, not with your mail.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Wait,
    duration: text! { ja: "受信側の修正しだい", en: "Until the receiving side fixes it" },
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_ASK_RECIPIENT_ADMIN,
        STEP_RETRY_LATER_ONCE,
        Step::new(text! {
            ja: "急ぎの用件は、電話や別のアドレスで伝えてください。",
            en: "For anything urgent, use the phone or another address.",
        }),
    ],
    // A delivery program's failure is often a passing one (a script that could not reach its
    // database): "it comes back for the same reason" is not known, one try later is the usual
    // way. Its exit status may even say "try later" when the MTA did not read it so (held-out
    // x 33: Postfix bounced "Command died with status 111 ... Could Not Connect" as 5.0.0, and
    // the resend went through). Sources: qmail-command(8) ("111 means that the delivery failed
    // but should be tried again in a little while"); sysexits.h EX_TEMPFAIL (75), the status
    // Postfix's pipe(8) defers on.
    donts: &[DONT_RESEND_REPEATEDLY],
    message: Some(MESSAGE_RECIPIENT_SERVER),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const MESGTOOBIG: Playbook = Playbook {
    id: "generic-mesgtoobig",
    party: None,
    title: text! { ja: "メールが大きすぎる", en: "The message is too big" },
    verdict: text! {
        ja: "メールの大きさが受信側の上限を超えたため、{recipient} に届きませんでした。",
        en: "The message was larger than the receiving side allows, so it did not reach {recipient}.",
    },
    why: text! {
        ja: "添付ファイルが大きいことが原因です。添付ファイルは送信時に約 1.3 倍に膨らむため、見た目より大きくなります。",
        en: "Large attachments are the cause; they grow by about a third when sent, so the message is bigger than the files look.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SEND_DIFFERENTLY,
    prepare: PREPARE_RECIPIENT,
    steps: &[
        MESGTOOBIG_STEP_SIZE,
        Step::new(text! {
            ja: "画像は縮小してから添付すると小さくなります。",
            en: "Shrinking images before attaching them helps a lot.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[text! {
        ja: "同じ大きさのまま送り直さないでください。何度送っても同じ理由で返ってきます。",
        en: "Do not resend it at the same size: it will come back for the same reason.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 1870（メールの大きさの宣言）", en: "RFC 1870 (message size declaration)" },
            url: Url::one(RFC1870),
        },
        SRC_RFC3463,
    ],
    checked: CHECKED,
};

/// No address at all is reachable: the sender's own server is the likelier fault.
const STEP_OWN_SIDE_IF_NOBODY: Step = Step::new(text! {
    ja: "どの宛先にも送れない場合は、送信側（あなたのメールサーバー）に問題がある可能性があります。ホスティング事業者に問い合わせてください。",
    en: "If you cannot send to anyone, the problem may be on your side (your mail server): ask your hosting company.",
});

pub(crate) const NETWORKERROR: Playbook = Playbook {
    id: "generic-networkerror",
    party: None,
    title: text! { ja: "相手のサーバーにつながらない", en: "The receiving server could not be reached" },
    verdict: text! {
        ja: "送信側のサーバーが {recipient} のメールサーバーにつながらなかったため、届きませんでした。",
        en: "Your server could not reach the mail server of {recipient}, so the message was not delivered.",
    },
    why: text! {
        ja: "相手のサーバーの停止や混雑、相手のドメインの DNS 設定の誤り、途中のネットワークの不調が主な原因で、多くは一時的です。",
        en: "The receiving server is down or busy, the recipient domain's DNS is wrong, or the network on the way failed; it is often temporary.",
    },
    actors: &[Actor::Nobody, Actor::RecipientAdmin],
    urgency: Urgency::Wait,
    duration: DURATION_HOURS_TO_DAY,
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_RETRY_LATER_ONCE,
        Step::new(text! {
            ja: "それでも届かなければ、電話などで受信者に伝え、下の文面を受信側の管理者に渡してもらってください。",
            en: "If it still fails, tell the recipient by phone and ask them to pass the message below to their administrator.",
        }),
        STEP_OWN_SIDE_IF_NOBODY,
    ],
    donts: &[DONT_RESEND_REPEATEDLY],
    message: Some(MESSAGE_RECIPIENT_SERVER),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// To whoever runs the sender's outgoing server, as the relaying steps say (review 7, L4): the
/// settings to send through it, not a check of the domain's DNS.
const MESSAGE_RELAY_SETTINGS: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信サーバーの正しい設定を教えてください（{code}）",
        en: "Which outgoing server settings should I use? ({code})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。{recipient} 宛てのメールが、次のエラーで中継を拒否され、送れませんでした。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、私のアカウントで使う送信サーバー（SMTP）の正しい設定（サーバー名、ポート番号、暗号化の方式、認証に使うユーザー名）を教えていただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} was refused with the error below: relaying was denied.

- Full error: {error_text}
- Sent at: {date}

Could you please tell me the right outgoing server (SMTP) settings for my account: the server name, the port, the encryption, and the user name to log in with?

Thank you.",
    },
};

pub(crate) const NORELAYING: Playbook = Playbook {
    id: "generic-norelaying",
    party: None,
    title: text! { ja: "中継（リレー）を拒否された", en: "Relaying was denied" },
    verdict: text! {
        ja: "サーバーが、あなたのメールを {recipient} へ中継すること（リレー）を拒否しました。",
        en: "A server refused to pass your message on to {recipient} (relaying denied).",
    },
    why: text! {
        ja: "メールソフトの送信サーバー（SMTP）の設定で認証が無効になっている、送信サーバーの指定を間違えている、または宛先のドメインが誤っていることが主な原因です。",
        en: "Usually authentication is switched off in your mail program's outgoing server (SMTP) settings, the wrong outgoing server is set, or the recipient's domain is wrong.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: &[
        Prepare::Fact(Fact::Recipient),
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(
            text! { ja: "ホスティング事業者（プロバイダー）から届いたメールの設定情報（送信サーバー名、ポート番号）", en: "The mail settings your hosting company (or ISP) gave you (outgoing server name, port)" },
        ),
    ],
    steps: &[
        Step::new(text! {
            ja: "宛先 {recipient} のつづりを確認してください。",
            en: "Check the spelling of {recipient}.",
        }),
        Step::new(text! {
            ja: "メールソフトのアカウント設定で、送信サーバー（SMTP）の「認証が必要」を有効にし、ユーザー名とパスワードは受信用と同じものを入力してください。",
            en: "In your mail program's account settings, turn on \"outgoing server requires authentication\" and enter the same user name and password as for receiving.",
        }),
        Step::new(text! {
            ja: "送信サーバー名とポート番号（多くは 587 番）が、ホスティング事業者（プロバイダー）の案内どおりか確認してください。",
            en: "Check that the outgoing server name and port (often 587) match what your hosting company (or ISP) tells you.",
        }),
        Step::new(text! {
            ja: "分からない場合は、下の文面でエラーの全文をホスティング事業者（プロバイダー）に送り、問い合わせてください。",
            en: "If in doubt, send the full error to your hosting company (or ISP) with the message below.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_RELAY_SETTINGS),
    lookup: None,
    facts: &[],
    sources: &[
        SRC_RFC5321,
        Source {
            title: text! { ja: "RFC 4954（SMTP 認証）", en: "RFC 4954 (SMTP authentication)" },
            url: Url::one(RFC4954),
        },
    ],
    checked: CHECKED,
};

/// "Relaying denied" said by the recipient's own mail server (the bounce names the host that
/// said it): the sender's server already handed the message over, so the sender's SMTP
/// settings are not the cause. That server does not take mail for the recipient's domain:
/// the domain's MX still points at a server that no longer serves it, or the domain is
/// misspelled. `select.rs` picks it instead of `NORELAYING` (RFC 5321 §3.6.2: a server may
/// refuse to relay for domains it does not serve).
pub(crate) const NORELAYING_REMOTE: Playbook = Playbook {
    id: "generic-norelaying-remote",
    party: None,
    title: text! { ja: "宛先のサーバーが、宛先ドメインのメールを受け付けなかった", en: "The recipient's server does not take mail for the recipient's domain" },
    verdict: text! {
        ja: "あなたの送信サーバーはメールを送り出しましたが、宛先側のサーバー {remote_host} が「中継（リレー）は許可していない」として {recipient} 宛てのメールを拒否しました。",
        en: "Your server did send the message, but the recipient's server {remote_host} refused mail for {recipient} as relaying it does not allow.",
    },
    why: text! {
        ja: "宛先のドメインのメール受付先（MX レコード）が、そのドメインをもう扱っていない古いサーバーを指している、受信側のサーバー設定の誤り、または宛先ドメインのつづりの誤りが主な原因です。あなたのメールソフトの設定の問題ではありません。",
        en: "Usually the recipient domain's mail record (MX) still points at a server that no longer handles that domain, the receiving server is misconfigured, or the domain is misspelled. Your mail program's settings are not the cause.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "宛先 {recipient} の @ より後ろ（ドメイン）のつづりを確認してください。似たドメインに送ってしまうと、この拒否になります。",
            en: "Check the spelling of the part after @ in {recipient}: a look-alike domain gets this refusal.",
        })
        .copy(LABEL_ADDRESS_TO_CHECK, "{recipient}"),
        Step::new(text! {
            ja: "つづりが正しければ、あなたの側で直すものはありません。送信サーバーの認証設定などは変えないでください。",
            en: "If it is spelled right, there is nothing to fix on your side: leave your outgoing server settings as they are.",
        }),
        Step::new(text! {
            ja: "電話や別のアドレスで受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。メールの受付先（MX レコード）とサーバーの設定を確認してもらう必要があります。",
            en: "Contact the recipient by phone or another address and ask them to pass the message below to their administrator, who needs to check the domain's MX record and the server's settings.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(crate::model::Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "貴社ドメイン宛てのメールが「リレー拒否」で返ってきます",
            en: "Mail to your domain is refused as \"relay access denied\"",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、貴社側のメールサーバーから次のエラーで返ってきました。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

このサーバーが貴社ドメインのメールを受け付けていないようです。ドメインの MX レコードが現在のメールサーバーを指しているか、そのサーバーが貴社ドメインを受信対象として設定しているかをご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} was refused by a mail server on your side with the error below.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

That server does not seem to accept mail for your domain. Could you check that the domain's MX record points at your current mail server, and that this server is set up to receive mail for the domain? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[SRC_RFC5321],
    checked: CHECKED,
};

pub(crate) const NOTACCEPT: Playbook = Playbook {
    id: "generic-notaccept",
    party: None,
    title: text! { ja: "宛先のドメインがメールを受け付けていない", en: "The recipient's domain accepts no mail" },
    verdict: text! {
        ja: "宛先 {recipient} のドメインは、メールを受け取らない設定になっているか、受信を止めています。",
        en: "The domain of {recipient} is set to accept no mail, or has stopped accepting it.",
    },
    why: text! {
        ja: "ホームページ専用のドメインや使われなくなったドメインでは、メールを受け取らないことを DNS で宣言していることがあります。",
        en: "Domains used only for a website, or no longer used, can declare in DNS that they take no mail.",
    },
    actors: &[Actor::Sender, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: DURATION_RIGHT_ADDRESS,
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "宛先のつづりを確認し、相手に別の連絡先アドレスを尋ねてください。",
            en: "Check the spelling and ask the person for another address.",
        }),
        Step::new(text! {
            ja: "一時的な停止の場合もあるため、急ぎでなければ後日一度だけ送り直してください。",
            en: "It may be a temporary stop: if it is not urgent, try once more another day.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 7505（Null MX）", en: "RFC 7505 (null MX)" },
            url: Url::one(RFC7505),
        },
        SRC_RFC3463,
    ],
    checked: CHECKED,
};

pub(crate) const NOTCOMPLIANTRFC: Playbook = Playbook {
    id: "generic-notcompliantrfc",
    party: None,
    title: text! { ja: "メールの形式が規格に合っていない", en: "The message does not follow the standards" },
    verdict: text! {
        ja: "受信側が、メールの形式（ヘッダーなど）がインターネットの規格に合っていないとして拒否しました。",
        en: "The receiving side refused the message because its format (its headers, for example) does not follow the Internet standards.",
    },
    why: text! {
        ja: "差出人（From）や日付の欠落、同じヘッダーの重複、長すぎる行など、送信したプログラムの作りが原因です。",
        en: "The program that produced it left out the From or Date line, repeated a header, wrote lines that are too long, and so on.",
    },
    actors: &[Actor::SenderAdmin, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "送信プログラムの修正しだい", en: "Until the sending program is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "普段のメールソフトから同じ宛先に送って届くか確認してください。届くなら、原因は最初に送ったプログラムの側です。",
            en: "Send to the same address from your usual mail program. If that arrives, the program that sent the first message is at fault.",
        }),
        Step::new(text! {
            ja: "システムやホームページのフォームから送ったメールなら、下の文面でその開発者や管理者に修正を依頼してください。",
            en: "If it came from a system or a web form, ask whoever develops or runs it to fix it, using the message below.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 5322（メールの形式）", en: "RFC 5322 (message format)" },
            url: Url::one("https://datatracker.ietf.org/doc/html/rfc5322"),
        },
        SRC_RFC3463,
    ],
    checked: CHECKED,
};

/// Sisimai's `onhold`: the bounce gave too little to decide a reason ("not enough information
/// for judging the reason"), not "delivery is paused". A refusal, then, whose cause the user must
/// read out of the error itself; a report whose recipients are only delayed (or a 4xx reply)
/// gets the "still trying" playbook instead (`select.rs`).
// Source: Sisimai::Reason::OnHold (p5-sisimai), which is set when the bounce holds no or too
// little detail to judge the reason; go-sisimai reason/why-onhold.go matches no wording at all.
pub(crate) const ONHOLD: Playbook = Playbook {
    id: "generic-onhold",
    party: None,
    title: text! {
        ja: "受け取りを拒否された（理由は通知から特定できない）",
        en: "Refused (the bounce does not say clearly why)",
    },
    verdict: text! {
        ja: "{recipient} 宛てのメールは受信側に拒否されました。ただし、拒否の具体的な理由は、この通知からははっきり分かりません。",
        en: "The message to {recipient} was refused, but the bounce does not make the exact reason clear.",
    },
    why: text! {
        ja: "拒否したサーバーが理由を示すコードや説明をほとんど付けなかったか、貼り付けたのが通知の一部だけのためです。送信元の IP アドレスやドメインのブロック、受信側のフィルターやルール、あなたの側の送信サーバーの設定がよくある原因です。",
        en: "The refusing server gave little or no code or explanation, or only part of the bounce is here. A block of your sending IP address or domain, a filter or rule at the receiving side, or a setting of your own outgoing server are common causes.",
    },
    // Until the full bounce shows which server refused, only the sender can act: naming the
    // recipient's administrator would guess (held-out j, A-3).
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因により異なります", en: "Depends on the cause" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "手元にあるのがエラーの 1 行やプログラムの表示だけなら、返ってきたメールの全体（またはログの前後）を探して、ここに貼り付けてください。どのサーバーがなぜ拒否したかが、たいてい書かれています。",
            en: "If you only have one line or a program's message, find the whole returned message (or the full log entry) and paste it here instead: it usually shows which server refused and why.",
        })
        .in_terminal(text! {
            ja: "手元にあるのがエラーの 1 行やプログラムの表示だけなら、返ってきたメールの全体（またはログの前後）を探してファイルに保存し、`ndr-doctor diagnose ファイル名` で診断してください。どのサーバーがなぜ拒否したかが、たいてい書かれています。",
            en: "If you only have one line or a program's message, find the whole returned message (or the full log entry), save it to a file and diagnose that with `ndr-doctor diagnose FILE`: it usually shows which server refused and why.",
        })
        .in_api(text! {
            ja: "手元にあるのがエラーの 1 行やプログラムの表示だけなら、返ってきたメールの全体（またはログの前後）を探して、そちらを診断してください。どのサーバーがなぜ拒否したかが、たいてい書かれています。",
            en: "If you only have one line or a program's message, find the whole returned message (or the full log entry) and diagnose that instead: it usually shows which server refused and why.",
        }),
        Step::new(text! {
            ja: "エラー文の全文を読んでください。コードの後ろに書かれた受信側の言葉（「blocked」「denied」「spam」「policy」など）に、理由の手がかりがあることがよくあります。",
            en: "Read the full error text: the receiver's own words after the code (such as \"blocked\", \"denied\", \"spam\" or \"policy\") often say more than the code does.",
        }),
        Step::new(text! {
            ja: "エラー文に URL が書かれていれば、開いてください。受信側が拒否の理由と解除の方法を説明していることがよくあります。",
            en: "If the error contains a web address, open it: receivers often explain the refusal there, and how to get it lifted.",
        }),
        Step::new(text! {
            ja: "このページの「ブロックリストの確認」で、送信元の {ip} とあなたのドメインが掲載されていないか確認してください。「確認できず」は「掲載なし」という意味ではありません。",
            en: "Look at the \"Blocklist check\" on this page for {ip} and for your domain. \"Could not check\" does not mean \"Not listed\".",
        })
        // `ndr-doctor diagnose --lookup` asks about the blocked (else sending) IP and the sender domain.
        .in_terminal_lookups(
            text! {
                ja: "上の「ブロックリストの確認」で、送信元の {ip} とあなたのドメインが掲載されていないか確認してください。「unavailable」は確認できなかったという意味で、「掲載なし」ではありません。",
                en: "Look at the \"Blocklist checks\" above for {ip} and for your domain. \"unavailable\" there means it could not be checked, not that it is not listed.",
            },
            text! {
                ja: "送信元の {ip} とあなたのドメインが掲載されていないか、`ndr-doctor lookup {ip}` の後ろにあなたのドメインを付けて実行し、確認してください（この診断を `--lookup` を付けて実行し直しても確認できます）。「could not check」は「掲載なし」という意味ではありません。",
                en: "Check {ip} and your domain against the blocklists: run `ndr-doctor lookup {ip}` with your domain after it (or run this diagnosis again with `--lookup`). \"could not check\" does not mean \"not listed\".",
            },
        )
        .in_api(text! {
            ja: "送信元の {ip} とあなたのドメインがブロックリストに掲載されていないか、各リストの Web サイトにある検索ページで確認してください（Spamhaus なら check.spamhaus.org）。",
            en: "Check whether {ip} or your domain is on a blocklist, on the lists' own lookup pages (Spamhaus's is check.spamhaus.org).",
        })
        // With no sending IP in the bounce the page checks no address (review 4, T1).
        .only_with(Fact::Ip),
        Step::new(text! {
            ja: "拒否したのがあなたの側の送信サーバー（メールソフトの送信エラーや、事業者のサーバー）なら、受信者ではなく、事業者か社内の管理者に聞いてください。",
            en: "If your own outgoing server refused (a send error of your program, or your provider's server), ask your provider or administrator, not the recipient.",
        }),
        Step::new(text! {
            ja: "受信側のサーバーが拒否し、理由が分からないままなら、受信者に電話や別のアドレスで連絡し、下の文面を受信側の管理者に渡してもらってください。拒否の理由は受信側の記録で分かります。",
            en: "If the recipient's server refused and the reason is still unclear, contact the recipient by phone or another address and ask them to pass the message below to their administrator: their logs show why.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    // Asks for the reason rather than to be let in: the bounce does not say that a filter or a
    // list refused.
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: MESSAGE_RECIPIENT_ADMIN.subject,
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、次のエラーで返ってきてしまい、届いておりません。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

エラーからは拒否の理由が分かりませんでした。お手数ですが、メールサーバーの記録で理由をご確認のうえ、こちらで変えるべきことがあれば教えていただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} came back with the error below and was not delivered.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

The error does not say why it was refused. Could you please look in your mail server's logs for the reason, and tell me if I should change something on my side? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const POLICYVIOLATION: Playbook = Playbook {
    id: "generic-policyviolation",
    party: None,
    title: text! { ja: "受信側のルールに反すると判断された", en: "Refused by the receiving side's policy" },
    verdict: text! {
        ja: "受信側が、独自のルール（ポリシー）に合わないとして、メールの受け取りを拒否しました。",
        en: "The receiving side refused the message because it breaks one of its own rules (policies).",
    },
    why: text! {
        ja: "禁止された添付ファイル、特定の国やドメインからの受信制限、社外からの受信制限など、受信側の組織が決めたルールによるものです。",
        en: "Rules set by the receiving organisation: forbidden attachments, limits on mail from some countries or domains, internal-only addresses, and so on.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "受信側の対応しだい", en: "Depends on the receiving side" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "エラー文にルールの内容（添付ファイルの種類など）が書かれていれば、それに合わせて送り方を変えてください。",
            en: "If the error says which rule (an attachment type, for example), change how you send accordingly.",
        }),
        Step::new(text! {
            ja: "理由が分からない場合は、受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。",
            en: "If the reason is unclear, contact the recipient and ask them to pass the message below to their administrator.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const REJECTED: Playbook = Playbook {
    id: "generic-rejected",
    party: None,
    title: text! { ja: "差出人アドレスが拒否された", en: "Your sender address was refused" },
    verdict: text! {
        ja: "受信側が、差出人のアドレス（ドメイン {sender_domain}）を理由にメールを拒否しました。",
        en: "The receiving side refused the message because of the sender address (domain {sender_domain}).",
    },
    why: text! {
        ja: "差出人のドメインが DNS に正しく登録されていない、アドレスの形式が誤っている、または受信側があなたのアドレスをブロックリストに登録していることが主な原因です。",
        en: "Your domain may not be set up correctly in DNS, the address may be malformed, or the receiver may have put your address on its blocklist.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因により数時間から数日", en: "Hours to days, depending on the cause" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "メールソフトの「差出人アドレス」に誤りや余分な文字がないか確認してください。",
            en: "Check your mail program's sender address for typos or extra characters.",
        }),
        Step::new(text! {
            ja: "会社のドメインから送っている場合は、下の文面で、ドメインの DNS（MX や SPF）が正しいか管理者に確認してもらってください。",
            en: "If you send from a company domain, ask your administrator (with the message below) to check the domain's DNS (MX and SPF).",
        }),
        Step::new(text! {
            ja: "特定の相手だけに届かない場合は、受信者があなたのアドレスを拒否している可能性があります。別の方法で相手に確認してください。",
            en: "If only one recipient refuses you, they may have blocked your address: ask them another way.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED, DONT_WORKAROUND],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const PTR_STEPS: &[Step] = &[
    Step::new(text! {
        ja: "下の文面をホスティング事業者に送り、送信サーバーの IP アドレス {ip} に逆引き（PTR）レコードを設定してもらってください。逆引きとは、IP アドレスからサーバー名を調べられるようにする設定で、IP アドレスの持ち主しか設定できません。",
        en: "Send the message below to your hosting company and ask for a reverse DNS (PTR) record for the sending address {ip}. A PTR record lets anyone look up the server's name from its address, and only the owner of the address can set it.",
    }),
    Step::new(text! {
        ja: "設定するサーバー名は、そのサーバー名を引くと同じ IP アドレスに戻る名前（正引きと逆引きの一致）にしてもらってください。",
        en: "The name must point back to the same address (forward and reverse DNS must match).",
    })
    .copy(text! { ja: "逆引きを設定する IP アドレス", en: "The address that needs a PTR record" }, "{ip}"),
    Step::new(text! {
        ja: "自宅や事務所の回線から直接送っている場合は、プロバイダーの送信サーバー経由で送る設定に変えてください。",
        en: "If you send straight from a home or office connection, switch to sending through your provider's outgoing server instead.",
    }),
    STEP_RESEND_ONCE,
];

pub(crate) const MESSAGE_PTR: crate::model::Message = crate::model::Message {
    to: crate::model::To::HostingProvider,
    address: None,
    subject: text! { ja: "送信サーバーの逆引き（PTR）設定のお願い（IP {ip}）", en: "Please set a reverse DNS (PTR) record for {ip}" },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、送信サーバーの逆引き（PTR）レコードがないことを理由に拒否されました。

・送信元 IP アドレス: {ip}
・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、IP アドレス {ip} に、正引きと一致するホスト名の PTR レコードを設定していただけますでしょうか。よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused because the sending server has no reverse DNS (PTR) record.

- Sending IP address: {ip}
- Full error: {error_text}
- Sent at: {date}

Could you please set a PTR record for {ip}, with a host name that resolves back to the same address? Thank you.",
    },
};

/// The shape of every "set a reverse DNS (PTR) record" playbook: only the owner of the address
/// can set it, so the steps and the message to the hosting company are the same everywhere.
/// The same for an IPv6 sending address: the mail went out over IPv6, which many senders do
/// not know their server does; a self-run server sets the record in its provider's panel, or
/// sends over IPv4 until it has one.
pub(crate) const PTR_STEPS_IPV6: &[Step] = &[
    Step::new(text! {
        ja: "このメールは IPv6 アドレス {ip} から送られました。IPv6 で送る場合も、IPv4 と同じように、そのアドレスに逆引き（PTR）の設定が必要です。",
        en: "This mail went out over IPv6, from {ip}. An IPv6 sending address needs a reverse DNS (PTR) record just as an IPv4 address does.",
    }),
    Step::new(text! {
        ja: "共用のホスティングやメールサービスから送っている場合は、下の文面をホスティング事業者に送り、この IPv6 アドレスに逆引きを設定してもらってください。",
        en: "If you send through shared hosting or a mail service, send the message below to your hosting company and ask for a PTR record for this IPv6 address.",
    }),
    Step::new(text! {
        ja: "VPS やクラウドのサーバーを自分で運用している場合は、契約しているサービスの管理画面（コントロールパネル）で IPv6 アドレスの逆引きを設定できることが多いです。すぐに設定できない場合は、メールサーバーが IPv4 で送信するように設定を変えてください（IPv4 アドレスに正しい逆引きがあることが前提です）。",
        en: "If you run your own VPS or cloud server, you can usually set the PTR record of its IPv6 address in your provider's control panel. Until you can, set the mail server to send over IPv4 (its IPv4 address must have a correct PTR record).",
    }),
    Step::new(text! {
        ja: "設定するサーバー名は、そのサーバー名を引くと同じ IPv6 アドレスに戻る名前（正引きと逆引きの一致）にしてください。",
        en: "The name must point back to the same IPv6 address (forward and reverse DNS must match).",
    })
    .copy(text! { ja: "逆引きを設定する IPv6 アドレス", en: "The IPv6 address that needs a PTR record" }, "{ip}"),
    STEP_RESEND_ONCE,
];

/// A PTR playbook for an IPv6 sending address (see `PTR_STEPS_IPV6`): the sender may run the
/// server themselves, so they are named next to the hosting company.
pub(crate) const fn ptr_playbook_ipv6(head: Head, basis: Basis) -> Playbook {
    Playbook {
        actors: &[Actor::SenderProvider, Actor::Sender],
        steps: PTR_STEPS_IPV6,
        ..ptr_playbook(head, basis)
    }
}

pub(crate) const fn ptr_playbook(head: Head, basis: Basis) -> Playbook {
    Playbook {
        id: head.id,
        party: basis.party,
        title: head.title,
        verdict: head.verdict,
        why: head.why,
        actors: &[Actor::SenderProvider],
        urgency: Urgency::Now,
        duration: text! {
            ja: "設定後、数時間から 1 日",
            en: "Hours to a day after the record is set",
        },
        prepare: PREPARE_BLOCK,
        steps: PTR_STEPS,
        donts: &[DONT_RESEND_UNCHANGED],
        message: Some(MESSAGE_PTR),
        lookup: None,
        facts: basis.facts,
        sources: basis.sources,
        checked: basis.checked,
    }
}

pub(crate) const REQUIREPTR: Playbook = ptr_playbook(
    Head {
        id: "generic-requireptr",
        title: text! { ja: "送信サーバーに逆引き（PTR）がない", en: "Your sending server has no reverse DNS (PTR)" },
        verdict: text! {
            ja: "送信元 IP アドレス {ip} に逆引き（PTR）の設定がないか、設定が一致しないため、受信側が受け取りを拒否しました。",
            en: "The receiving side refused the message because your sending IP address {ip} has no reverse DNS (PTR) record, or one that does not match.",
        },
        why: text! {
            ja: "自前のサーバーやクラウドのサーバーを立てたときに逆引きを設定し忘れたか、家庭用回線から直接送っていることが主な原因です。",
            en: "Usually a self-run or cloud server was set up without a PTR record, or mail is sent straight from a home connection.",
        },
    },
    Basis {
        party: None,
        facts: &[],
        sources: &[SRC_RFC1912, SRC_IANA],
        checked: CHECKED,
    },
);

pub(crate) const SECURITYERROR: Playbook = Playbook {
    id: "generic-securityerror",
    party: None,
    title: text! { ja: "セキュリティ上の理由で拒否された", en: "Refused for a security reason" },
    verdict: text! {
        ja: "受信側（または途中のサーバー）が、セキュリティ上の理由でメールの受け取りを拒否しました。",
        en: "The receiving side (or a server on the way) refused the message for a security reason.",
    },
    why: text! {
        ja: "送信サーバーへのログイン（認証）の失敗、暗号化の問題、受信側のセキュリティ規則など、理由はさまざまです。",
        en: "Reasons vary: a failed login to your own outgoing server, an encryption problem, or a security rule at the receiver.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因により異なります", en: "Depends on the cause" },
    prepare: PREPARE_ERROR,
    // The receiver's words lead: this playbook is where refusals land whose words were not
    // matched (a receiver's PTR rule, a relay refusal), and for them the sender's password is
    // not the cause; the password check stays, for the case of one's own server refusing.
    // See: second real-pastes test, MEDIUM-6.
    steps: &[
        Step::new(text! {
            ja: "まずエラー全文を読んでください。拒否の理由（逆引き（PTR）がない、中継を許可していない、暗号化（TLS）が必要、など）や説明のページのアドレスが書かれていれば、それが原因で、何をすべきかもそこから分かります。",
            en: "Read the full error first: if it gives the reason (no reverse DNS (PTR), relaying not allowed, encryption (TLS) required, ...) or the address of a page that explains it, that is the cause and says what to do.",
        }),
        Step::new(text! {
            ja: "特定の相手だけに届かない場合は、受信側の規則による拒否です。受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。",
            en: "If only one recipient refuses you, it is a rule of the receiving side: contact them and ask them to pass the message below to their administrator.",
        }),
        Step::new(text! {
            ja: "どの宛先にも送れず、エラーを返したのが自分の送信サーバーの場合は、メールソフトのパスワードや送信サーバーの認証設定が正しいか確認してください。",
            en: "If you cannot send to anyone and the error comes from your own outgoing server, check your mail program's password and outgoing server authentication settings.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_RECIPIENT_ADMIN),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const SPAMDETECTED: Playbook = Playbook {
    id: "generic-spamdetected",
    party: None,
    title: text! { ja: "迷惑メールと判定された", en: "Classified as spam" },
    verdict: text! {
        ja: "受信側のフィルターが、このメールを迷惑メールと判定して受け取りを拒否しました。",
        en: "The receiving side's filter classified this message as spam and refused it.",
    },
    why: text! {
        ja: "本文のリンク（特に短縮 URL）、画像だけの本文、添付ファイル、送信ドメイン認証の不備、送信元の評価の低さなどが組み合わさって判定されます。",
        en: "Links (especially shortened ones), image-only bodies, attachments, missing sender authentication and a poor sender reputation add up to that verdict.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "内容を見直せばすぐ、評価の回復は数日", en: "Right away for content; days for reputation" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "短縮 URL や多数のリンク、画像だけの本文、不要な添付ファイルを避け、普段の文面で送ってみてください。",
            en: "Avoid shortened links, many links, image-only bodies and unneeded attachments; write as you normally would.",
        }),
        Step::new(text! {
            ja: "ドメインの送信ドメイン認証（SPF・DKIM・DMARC）が設定されているか確認してください。未設定だと迷惑メールと判定されやすくなります。",
            en: "Make sure your domain has sender authentication (SPF, DKIM, DMARC): mail without it is much more likely to be called spam.",
        }),
        STEP_CHECK_ACCOUNT,
        // Large mail services (mail.ru, Yandex and others) put a link to their own review form
        // into the refusal; no list of those forms is kept here, the error carries it.
        Step::new(text! {
            ja: "エラー文に URL が書かれていれば、開いてください。受信側のメールサービスが、誤って迷惑メールと判定されたメールの確認を依頼する窓口を案内していることがあります。",
            en: "If the error contains a web address, open it: many mail services link their own form there to ask for a review of mail wrongly classified as spam.",
        }),
        Step::new(text! {
            ja: "大切な相手なら、電話などで連絡し、あなたのアドレスを受信許可に登録してもらってください。下の文面が使えます。大手のフリーメールでは、受信者の設定では拒否を取り消せないことが多いため、上の窓口を使ってください。",
            en: "For an important recipient, call them and ask them to allow your address; the message below can help. At a large free mail service the recipient often cannot undo a refusal: use the service's form above instead.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_WORKAROUND],
    message: Some(MESSAGE_RECIPIENT_ALLOW),
    lookup: None,
    facts: &[],
    // Any receiver's filter, not Gmail's: the standards the authentication step rests on, not
    // one provider's guidelines (review 4, T3).
    sources: &[SRC_SPF, SRC_DMARC, SRC_RFC3463],
    checked: CHECKED,
};

pub(crate) const SPEEDING: Playbook = Playbook {
    id: "generic-speeding",
    party: None,
    title: text! { ja: "送信の速度が速すぎる", en: "Sending too fast" },
    verdict: text! {
        ja: "短い時間に多くのメールを送ったため、受信側が一時的に受け取りを制限しています。",
        en: "You sent many messages in a short time, so the receiving side is limiting what it accepts for now.",
    },
    why: text! {
        ja: "一斉送信や、乗っ取られたアカウントからの大量送信で起こります。多くは一時的な制限です。",
        en: "Bulk sending, or a hijacked account sending a lot, triggers it; the limit is usually temporary.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Wait,
    duration: DURATION_FEW_HOURS,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "しばらく送信を控えてください。送信側のサーバーは、保留中のメールを自動で再送します。",
            en: "Hold off sending for a while: your server retries the queued mail by itself.",
        }),
        Step::new(text! {
            ja: "一斉送信では、時間を空けて少しずつ送るようにしてください。",
            en: "For bulk mail, send in smaller batches spread over time.",
        }),
        STEP_CHECK_ACCOUNT,
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// A temporary rate or queue limit whose words do not say it is about the sender's own volume
/// ("450 4.7.3 Organization queue quota exceeded": the recipient organisation's queue, all
/// senders together). The sending server keeps the message and retries, so waiting comes
/// first; "you sent too much" and the account-takeover step would accuse the sender of what
/// the reply does not say (review 8, M2). Picked in `select.rs` over `SPEEDING`.
pub(crate) const SPEEDING_DEFERRED: Playbook = Playbook {
    id: "generic-speeding-deferred",
    party: None,
    title: text! { ja: "受信側が一時的に受け取りを制限している", en: "The receiving side is limiting mail for now" },
    verdict: text! {
        ja: "受信側が、一度に受け取るメールの量を一時的に制限しています（受信側全体の上限のことも多くあります）。送信側のサーバーは、メールを保管して自動で再送します。",
        en: "The receiving side is limiting how much mail it accepts for now (often a limit for all its incoming mail). Your server keeps the message and retries by itself.",
    },
    why: text! {
        ja: "受信側は、混雑やキュー（順番待ちのメール）のあふれを防ぐため、受け取る量に一時的な上限を設けます。多くは時間がたつと解けます。",
        en: "Receivers put a temporary cap on incoming mail when they are busy or their queue is full; it usually lifts after a while.",
    },
    actors: &[Actor::Nobody, Actor::RecipientAdmin],
    urgency: Urgency::Wait,
    duration: DURATION_FEW_HOURS,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "まずは待ってください。送信側のサーバーが自動で再送します。同じメールを送り直す必要はありません。",
            en: "Wait first: your server retries by itself, and there is no need to send the message again.",
        }),
        Step::new(text! {
            ja: "1 日たっても届かない場合は、受信者に伝え、受信側の管理者に制限を確かめてもらってください。",
            en: "If it still has not arrived after a day, tell the recipient, so that their administrator can check the limit.",
        }),
        Step::new(text! {
            ja: "あなたが一斉送信をしていた場合は、時間を空けて少しずつ送るようにしてください。",
            en: "If you were sending in bulk, send in smaller batches spread over time.",
        }),
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: "2026-11-26",
};

pub(crate) const SUPPRESSED: Playbook = Playbook {
    id: "generic-suppressed",
    party: None,
    title: text! { ja: "配信停止リストに入っている宛先", en: "The address is on your suppression list" },
    verdict: text! {
        ja: "送信に使っているサービスが、{recipient} への送信を止めています（配信停止リスト）。",
        en: "The service you send through is holding back mail to {recipient} (its suppression list).",
    },
    why: text! {
        ja: "以前その宛先でエラーが返ったか、受信者が迷惑メール報告や配信停止をしたため、サービスが自動で送信を止めています。",
        en: "Mail to it bounced before, or the recipient complained or unsubscribed, so the service stopped sending automatically.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "確認できればすぐ", en: "Right away once confirmed" },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "受信者に、今はそのアドレスが使えるか、メールを受け取りたいかを確認してください。",
            en: "Ask the recipient whether the address works now and whether they want your mail.",
        }),
        Step::new(text! {
            ja: "確認できたら、送信サービスの管理画面で配信停止リスト（Suppression list など）からその宛先を外してください。管理画面にそのリストがない場合（レンタルサーバーの送信サーバーなど）は、サービスのサポートに外すよう依頼してください。",
            en: "Once confirmed, remove the address from the suppression list in your sending service's dashboard. If the dashboard shows no such list (your hosting company's outgoing server, for one), ask the service's support to take the address off.",
        }),
    ],
    donts: &[text! {
        ja: "本人の確認なしに配信停止リストから外さないでください。迷惑メール報告が増え、送信元の評価が下がります。",
        en: "Do not remove addresses from the suppression list without the recipient's consent: complaints would follow and your reputation would drop.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const SUSPEND: Playbook = Playbook {
    id: "generic-suspend",
    party: None,
    title: text! { ja: "宛先のアカウントが停止されている", en: "The recipient's account is suspended" },
    verdict: text! {
        ja: "{recipient} のアカウントが停止または無効になっているため、メールを受け取れませんでした。",
        en: "The account of {recipient} is suspended or disabled, so it could not take your message.",
    },
    why: text! {
        ja: "長期間使われていない、契約が終了した、または管理者が一時的に止めていることが考えられます。",
        en: "It may have gone unused for a long time, the contract may have ended, or an administrator may have paused it.",
    },
    actors: &[Actor::Recipient],
    urgency: Urgency::Wait,
    duration: text! { ja: "受信者の対応しだい", en: "Depends on the recipient" },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "電話や別のアドレスで受信者に連絡し、アカウントの状態と、今使っているアドレスを確認してください。",
            en: "Contact the recipient by phone or another address and ask about the account and the address they use now.",
        }),
        Step::new(text! {
            ja: "使われていないアドレスなら、アドレス帳や配信リストから削除してください。",
            en: "If the address is no longer used, remove it from your address book and mailing lists.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// [`SUSPEND`] refused for good (a 5xx reply, or a recipient marked `failed`): Gmail's "The
/// email account that you tried to reach is disabled" (5.2.1, DisabledUser) and the like. Nothing
/// clears by waiting, so the reader asks the recipient now, through another way, with a letter
/// (review h217, L9). Chosen by `variant_for`.
pub(crate) const SUSPEND_FOR_GOOD: Playbook = Playbook {
    urgency: Urgency::Soon,
    duration: text! { ja: "受信者から別のアドレスを聞くまで", en: "Until the recipient gives you an address that works" },
    steps: &[
        Step::new(text! {
            ja: "このアドレスには、待っても届きません。電話や別のアドレスで受信者に連絡し、今使っているアドレスを聞いてください（下の文面を使えます）。",
            en: "Waiting will not help this address. Reach the recipient by phone or another address and ask which address they use now (the message below can help).",
        }),
        Step::new(text! {
            ja: "新しいアドレスがわかったら、そちらに送り直してください。古いアドレスはアドレス帳や配信リストから削除してください。",
            en: "Once you have the new address, send the message there, and remove the old one from your address book and mailing lists.",
        }),
    ],
    message: Some(crate::model::Message {
        to: crate::model::To::Recipient,
        address: None,
        subject: text! { ja: "メールアドレスについての確認", en: "Which address should I use?" },
        body: text! {
            ja: "いつもお世話になっております。

{recipient} 宛てにメールをお送りしたところ、「アカウントが無効になっている」というエラーで届きませんでした。今お使いのメールアドレスを教えていただけますでしょうか。改めてそちらにお送りします。

よろしくお願いいたします。",
            en: "Hello,

My message to {recipient} did not arrive: the error says that account is disabled. Could you tell me the address you use now? I will send it there.

Thank you.",
        },
    }),
    ..SUSPEND
};

pub(crate) const SYNTAXERROR: Playbook = Playbook {
    id: "generic-syntaxerror",
    party: None,
    title: text! { ja: "送信プログラムとのやりとりのエラー", en: "A protocol error while sending" },
    verdict: text! {
        ja: "送信側と受信側のサーバーのやりとり（SMTP のコマンド）に誤りがあり、配送できませんでした。",
        en: "The exchange between the sending and receiving servers (the SMTP commands) went wrong, so the message was not delivered.",
    },
    why: text! {
        ja: "送信に使ったプログラムやサーバーの不具合、宛先アドレスの書式の誤り（全角文字や空白の混入）が主な原因です。",
        en: "A fault in the sending program or server, or a malformed address (full-width characters or spaces in it), is the usual cause.",
    },
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因の修正しだい", en: "Until the cause is fixed" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "宛先に全角文字や空白、余分な記号が入っていないか確認してください。",
            en: "Check the recipient address for full-width characters, spaces or stray symbols.",
        }),
        Step::new(text! {
            ja: "システムから送ったメールならその開発者に、普段のメールソフトから送ったメールならホスティング事業者に、下の文面でエラーの全文を伝えてください。",
            en: "With the message below, give the full error to the system's developer if a system sent it, or to your hosting company if it was your usual mail program.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: &[SRC_RFC5321, SRC_RFC3463],
    checked: CHECKED,
};

pub(crate) const SYSTEMERROR: Playbook = Playbook {
    id: "generic-systemerror",
    party: None,
    title: text! { ja: "受信側のシステムエラー", en: "A system error at the receiving side" },
    verdict: text! {
        ja: "受信側のメールシステムに障害があり、{recipient} に届けられませんでした。",
        en: "The receiving mail system had a fault, so the message did not reach {recipient}.",
    },
    why: text! {
        ja: "受信側のサーバーの故障、設定の誤り、メンテナンスなどが原因で、送信者側の問題ではありません。",
        en: "A failure, misconfiguration or maintenance at the receiving server; not a problem with your mail.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Nobody],
    urgency: Urgency::Wait,
    duration: text! { ja: "受信側の復旧しだい（多くは数時間から 1 日）", en: "Until the receiver recovers (often hours to a day)" },
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_RETRY_LATER_ONCE,
        Step::new(text! {
            ja: "続く場合は、受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。",
            en: "If it keeps failing, contact the recipient and ask them to pass the message below to their administrator.",
        }),
    ],
    donts: &[DONT_RESEND_REPEATEDLY],
    message: Some(MESSAGE_RECIPIENT_SERVER),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const SYSTEMFULL: Playbook = Playbook {
    id: "generic-systemfull",
    party: None,
    title: text! {
        ja: "受信側のサーバーの容量不足",
        en: "The receiving server is out of space",
    },
    verdict: text! {
        ja: "受信側のメールサーバーの記憶領域がいっぱいで、メールを受け取れませんでした。",
        en: "The receiving mail server has run out of storage, so it could not take your message.",
    },
    why: text! {
        ja: "受信側のサーバー全体の容量不足で、送信者側の問題ではありません。",
        en: "The whole receiving server is out of space; not a problem with your mail.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Wait,
    duration: text! {
        ja: "受信側の対応しだい",
        en: "Until the receiving side fixes it",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_ASK_RECIPIENT_ADMIN,
        Step::new(text! {
            ja: "解消したと連絡があってから、一度だけ送り直してください。",
            en: "Once they say it is fixed, send the message again, once.",
        }),
    ],
    donts: &[DONT_RESEND_REPEATEDLY],
    message: Some(MESSAGE_RECIPIENT_SERVER),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const TOOMANYCONN: Playbook = Playbook {
    id: "generic-toomanyconn",
    party: None,
    title: text! { ja: "接続数や宛先数が多すぎる", en: "Too many connections or recipients" },
    verdict: text! {
        ja: "一度に多くの接続や宛先があったため、受信側が一時的に受け取りを制限しました。",
        en: "There were too many connections or recipients at once, so the receiving side is limiting what it accepts for now.",
    },
    why: text! {
        ja: "一斉送信で宛先が多すぎる、または送信サーバーが同時に多くの接続を開いていることが原因です。",
        en: "Too many recipients in one bulk send, or the sending server opening too many connections at the same time.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Wait,
    duration: DURATION_FEW_HOURS,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "宛先を少人数ずつに分け、時間を空けて送ってください。",
            en: "Split the recipients into smaller groups and send them with a pause in between.",
        }),
        Step::new(text! {
            ja: "送信サーバーを自分で運用している場合は、同じ相手への同時接続数を減らしてください。",
            en: "If you run the sending server, lower the number of simultaneous connections to the same receiver.",
        }),
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

pub(crate) const UNDEFINED: Playbook = Playbook {
    id: "generic-undefined",
    party: None,
    title: text! { ja: "原因を特定できないエラー", en: "An error whose cause could not be pinned down" },
    verdict: text! {
        ja: "メールは {recipient} に届きませんでしたが、返ってきたメッセージから原因を特定できませんでした。",
        en: "The message did not reach {recipient}, and the returned message does not say clearly why.",
    },
    why: text! {
        ja: "エラー文が独自の形式だったり、一部しか貼り付けられていなかったりすると、原因を絞り込めません。",
        en: "When the error uses an unusual format, or only part of it was pasted, the cause cannot be narrowed down.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "原因により異なります", en: "Depends on the cause" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "返ってきたメールを、本文だけでなく全体（可能ならヘッダーを含む元のメッセージ）で貼り付け直すと、原因が分かることがあります。",
            en: "Paste the whole returned message (if you can, the original message with its headers), not just the visible text: the cause may then show.",
        })
        .in_terminal(text! {
            ja: "返ってきたメールを、本文だけでなく全体（可能ならヘッダーを含む元のメッセージ）でファイルに保存し、`ndr-doctor diagnose ファイル名` で診断し直すと、原因が分かることがあります。",
            en: "Save the whole returned message (if you can, the original message with its headers), not just the visible text, to a file and diagnose it with `ndr-doctor diagnose FILE`: the cause may then show.",
        })
        .in_api(text! {
            ja: "返ってきたメールを、本文だけでなく全体（可能ならヘッダーを含む元のメッセージ）で診断し直すと、原因が分かることがあります。",
            en: "Diagnose the whole returned message (if you can, the original message with its headers), not just the visible text: the cause may then show.",
        }),
        Step::new(text! {
            ja: "宛先のつづりを確認してください。",
            en: "Check the spelling of the recipient address.",
        }),
        Step::new(text! {
            ja: "分からない場合は、下の文面で、エラーの全文を社内のメール管理者かホスティング事業者に送り、確認を依頼してください。",
            en: "If still unclear, send the full error to your IT administrator or hosting company with the message below.",
        }),
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: Some(MESSAGE_SENDER_ADMIN),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// A bounce of mail the user never sent (backscatter): spam that forged the user's address as
/// its sender was refused, and the refusal came back to the real owner of the address (held-out
/// x 10: the returned message's From name, subject and sending IP are strangers'). Nothing is
/// the reader's to fix; SPF, DKIM and DMARC let receivers refuse such forgeries of the domain.
// Sources: RFC 5321 section 6.1 (a server that cannot deliver sends its notice to the message's
// reverse-path, the envelope sender, which a forger sets), RFC 7489 section 1 (DMARC lets a
// domain's owner ask receivers to refuse mail in the domain's name that fails SPF and DKIM).
pub(crate) const STEP_NOT_SENT_BY_YOU: Step = Step::new(text! {
    ja: "このメールを送った覚えがなく、送信済みフォルダーにもない場合は、誰かがあなたのアドレスを差出人に偽って送ったメールの通知です。あなたの側で直すことはなく、削除してかまいません（管理者は SPF・DKIM・DMARC を設定すると、このような偽装を減らせます）。",
    en: "If you never sent this message and it is not in your Sent folder, someone forged your address as the sender and the bounce came to you. There is nothing to fix and you can delete it (for an administrator: SPF, DKIM and DMARC make such forgeries rarer).",
});

pub(crate) const USERUNKNOWN: Playbook = Playbook {
    id: "generic-userunknown",
    party: None,
    title: text! { ja: "宛先のアドレスが存在しない", en: "No such recipient" },
    verdict: text! {
        ja: "宛先 {recipient} は、相手のメールサーバーに存在しないため、メールが届きませんでした。",
        en: "The address {recipient} does not exist on the receiving mail server, so the message could not be delivered.",
    },
    why: text! {
        ja: "多くは入力の誤りか、退職や解約でアドレスがなくなったことが原因です。",
        en: "Usually a typo, or the address was closed (the person left, or the contract ended).",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RIGHT_ADDRESS,
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "宛先を一文字ずつ確認してください。よくある間違いは、「.」と「,」、「-」と「_」、数字の「0」と英字の「o」の取り違えです。",
            en: "Check the address letter by letter. Common slips: \".\" for \",\", \"-\" for \"_\", the digit 0 for the letter o.",
        })
        .copy(LABEL_ADDRESS_TO_CHECK, "{recipient}"),
        Step::new(text! {
            ja: "正しいはずなら、電話や名刺などで相手に今のアドレスを確認してください。",
            en: "If it looks right, confirm the current address with the person by phone or from their business card.",
        }),
        Step::new(text! {
            ja: "使われていないアドレスは、アドレス帳や配信リストから削除してください。",
            en: "Remove addresses that no longer exist from your address book and mailing lists.",
        }),
        STEP_NOT_SENT_BY_YOU,
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// docomo's own page on its addresses made before 2009 with two dots in a row or a dot right
/// before "@" (RFC違反アドレス).
const DOCOMO_RFC_ADDRESSES: &str = "https://www.docomo.ne.jp/service/docomo_mail/rfc_add/";

/// "No such recipient" when the refusal says the address itself is not valid SMTP syntax:
/// Gmail's "Internal parse error: Illegal envelope To: address (not valid RFC5321 syntax)"
/// (held-out ab 27). Gmail refused to send at all; the address is not missing but written in a
/// form the standard does not allow, which some old Japanese carrier addresses have.
// Sources: RFC 5321 section 4.1.2: `Local-part = Dot-string / Quoted-string`,
// `Dot-string = Atom *("."  Atom)`, `Atom = 1*atext`: a dot stands only between two atoms, so
// neither "a..b" nor "a.@" is a Dot-string. docomo, "特殊な形式のアドレス(RFC違反アドレス)のご利用
// について": "RFC違反アドレスとはドコモアドレスのうちに2連続のドット「..」が使用されていたり、@マーク
// の直前でドット「.@」を設定しているアドレスを指します", such addresses may be unable to "他キャリア/
// 他サービスアカウントへのメールの送受信", and docomo "メールアドレス変更をおすすめいたします".
pub(crate) const USERUNKNOWN_ADDRESS_FORM: Playbook = Playbook {
    id: "generic-userunknown-address-form",
    party: None,
    title: text! { ja: "宛先アドレスの形式に問題がある", en: "The recipient address has a form mail cannot be sent to" },
    verdict: text! {
        ja: "宛先のアドレスが、メールの規格（RFC 5321）で認められない形をしているため、送信を受け付けてもらえませんでした。",
        en: "The recipient address is written in a form the mail standard (RFC 5321) does not allow, so the mail was not accepted for sending.",
    },
    why: text! {
        ja: "よくあるのは、「@」の直前にドットがある（abc.@…）、ドットが二つ続く（ab..c@…）アドレスです。ドコモなど日本の携帯電話会社で2009年ごろまでに作られたアドレスに見られ、Gmail などはこの形のアドレスに送りません。",
        en: "Usually the address has a dot right before \"@\" (abc.@...) or two dots in a row (ab..c@...). Some Japanese mobile carriers' addresses made before about 2009 (docomo's, for one) look like this, and Gmail and others do not send to them.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RIGHT_ADDRESS,
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "宛先を確認してください。「@」の直前のドット、続けて二つあるドット、先頭のドットがあれば、その形が原因です。入力の誤りなら直して送り直してください。",
            en: "Look at the address: a dot right before \"@\", two dots in a row, or a dot at the start is the cause. If it is a typo, correct it and send again.",
        })
        .copy(LABEL_ADDRESS_TO_CHECK, "{recipient}"),
        Step::new(text! {
            ja: "相手が本当にその形のアドレスを使っている場合は、同じ宛先に何度送っても届きません。電話などで相手に連絡し、別のアドレス（パソコン用のアドレスや、形式を変えた新しい携帯アドレス）を教えてもらってください。ドコモも、この形のアドレスは変更するよう案内しています。",
            en: "If the person really uses an address of that form, sending again to it will never work. Contact them (by phone, for example) and ask for another address: a different one, or a new carrier address without the dots. docomo itself advises changing such addresses.",
        })
        .link(
            text! { ja: "ドコモ: 特殊な形式のアドレス（RFC違反アドレス）", en: "docomo: addresses of a special form (RFC-violating addresses, Japanese)" },
            Url::one(DOCOMO_RFC_ADDRESSES),
        ),
        Step::new(text! {
            ja: "アドレス帳に登録してある古いアドレスは、新しいアドレスに書き換えてください。",
            en: "Replace the old address in your address book with the new one.",
        }),
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 5321 4.1.2（アドレスの書式: Dot-string）", en: "RFC 5321 section 4.1.2 (address syntax: Dot-string)" },
            url: Url::one("https://datatracker.ietf.org/doc/html/rfc5321#section-4.1.2"),
        },
        Source {
            title: text! { ja: "ドコモ: 特殊な形式のアドレス（RFC違反アドレス）のご利用について", en: "docomo: using addresses of a special form (RFC-violating addresses, Japanese)" },
            url: Url::one(DOCOMO_RFC_ADDRESSES),
        },
    ],
    checked: "2026-11-27",
};

pub(crate) const VACATION: Playbook = Playbook {
    id: "generic-vacation",
    party: None,
    title: text! { ja: "自動応答（不在通知）", en: "An automatic reply (out of office)" },
    verdict: text! {
        ja: "これはエラーではなく、受信者が設定した自動応答（不在通知など）です。メールは届いています。",
        en: "This is not an error: it is an automatic reply (out of office, for example). Your message was delivered.",
    },
    why: text! {
        ja: "受信者が休暇や出張の間、自動で返信する設定にしているためです。",
        en: "The recipient set up an automatic reply while away.",
    },
    actors: &[Actor::NothingToDo],
    urgency: Urgency::None,
    duration: DURATION_NOTHING,
    prepare: &[],
    steps: &[Step::new(text! {
        ja: "対応は必要ありません。自動応答に別の連絡先が書かれていれば、急ぎの場合はそちらに連絡してください。",
        en: "Nothing to do. If the reply names someone else to contact and the matter is urgent, contact them.",
    })],
    donts: &[text! {
        ja: "同じメールを送り直さないでください。メールは届いています。",
        en: "Do not send the message again: it was delivered.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "RFC 3834（自動応答）", en: "RFC 3834 (automatic responses)" },
        url: Url::one(RFC3834),
    }],
    checked: CHECKED,
};

pub(crate) const VIRUSDETECTED: Playbook = Playbook {
    id: "generic-virusdetected",
    party: None,
    title: text! { ja: "ウイルスが検出された", en: "A virus was detected" },
    verdict: text! {
        ja: "受信側が、メールまたは添付ファイルにウイルス（不正なプログラム）を検出し、受け取りを拒否しました。",
        en: "The receiving side found a virus (malicious code) in the message or its attachment and refused it.",
    },
    why: text! {
        ja: "添付ファイルが感染している、送信に使ったパソコンが感染している、またはウイルス対策の誤検知が考えられます。",
        en: "The attachment may be infected, the computer that sent it may be infected, or the scanner may be wrong.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "端末の確認が終わりしだい", en: "As soon as your devices are checked" },
    prepare: PREPARE_ERROR,
    steps: &[
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "自分で送った覚えのないメールなら、アカウントが乗っ取られている可能性があります。すぐにパスワードを変更してください。",
            en: "If you did not send this message yourself, your account may have been taken over: change its password now.",
        }),
        Step::new(text! {
            ja: "検査で問題がなければ、ファイルを別の形式（PDF など）にするか共有リンクで渡してください。",
            en: "If the scan is clean, send the file in another format (PDF, for example) or share it through a link.",
        }),
    ],
    donts: &[text! {
        ja: "同じ添付ファイルを送り直さないでください。感染していた場合、相手に被害が広がります。",
        en: "Do not send the same attachment again: if it is infected, you would spread the harm.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// One generic playbook per reason, in `Reason::ALL` order; a tidy test checks all 36.
pub(crate) const BY_REASON: &[(Reason, &Playbook)] = &[
    (Reason::AuthFailure, &AUTHFAILURE),
    (Reason::BadReputation, &BADREPUTATION),
    (Reason::Blocked, &BLOCKED),
    (Reason::ContentError, &CONTENTERROR),
    (Reason::Delivered, &DELIVERED),
    (Reason::ExceedLimit, &EXCEEDLIMIT),
    (Reason::Expired, &EXPIRED),
    (Reason::FailedStartTls, &FAILEDSTARTTLS),
    (Reason::Feedback, &FEEDBACK),
    (Reason::Filtered, &FILTERED),
    (Reason::HasMoved, &HASMOVED),
    (Reason::HostUnknown, &HOSTUNKNOWN),
    (Reason::MailboxFull, &MAILBOXFULL),
    (Reason::MailerError, &MAILERERROR),
    (Reason::MesgTooBig, &MESGTOOBIG),
    (Reason::NetworkError, &NETWORKERROR),
    (Reason::NoRelaying, &NORELAYING),
    (Reason::NotAccept, &NOTACCEPT),
    (Reason::NotCompliantRfc, &NOTCOMPLIANTRFC),
    (Reason::OnHold, &ONHOLD),
    (Reason::PolicyViolation, &POLICYVIOLATION),
    (Reason::Rejected, &REJECTED),
    (Reason::RequirePtr, &REQUIREPTR),
    (Reason::SecurityError, &SECURITYERROR),
    (Reason::SpamDetected, &SPAMDETECTED),
    (Reason::Speeding, &SPEEDING),
    (Reason::Suppressed, &SUPPRESSED),
    (Reason::Suspend, &SUSPEND),
    (Reason::SyntaxError, &SYNTAXERROR),
    (Reason::SystemError, &SYSTEMERROR),
    (Reason::SystemFull, &SYSTEMFULL),
    (Reason::TooManyConn, &TOOMANYCONN),
    (Reason::Undefined, &UNDEFINED),
    (Reason::UserUnknown, &USERUNKNOWN),
    (Reason::Vacation, &VACATION),
    (Reason::VirusDetected, &VIRUSDETECTED),
];

/// The shape of a carrier's "refused by the recipient's spam settings" playbook (docomo, au,
/// SoftBank): the recipient changes a setting on the phone, the sender asks with the shared
/// message; the carrier brings its own texts, its setting pages and the setting's name
/// (`{allow_list}`).
pub(crate) const fn carrier_filtered(head: Head, steps: &'static [Step], basis: Basis) -> Playbook {
    Playbook {
        id: head.id,
        party: basis.party,
        title: head.title,
        verdict: head.verdict,
        why: head.why,
        actors: &[Actor::Recipient, Actor::Sender],
        urgency: Urgency::Soon,
        duration: DURATION_RECIPIENT_SETTING,
        prepare: PREPARE_ERROR,
        steps,
        donts: &[DONT_RESEND_UNCHANGED, DONT_WORKAROUND],
        message: Some(MESSAGE_CARRIER_ALLOW),
        lookup: None,
        facts: basis.facts,
        sources: basis.sources,
        checked: basis.checked,
    }
}

/// Sent to a phone user by SMS or another address when a carrier said "unknown": it asks about
/// both causes, naming the carrier's own allow-list setting (`{allow_list}`).
const MESSAGE_CARRIER_CHECK_LIST: crate::model::Message = crate::model::Message {
    to: To::Recipient,
    address: None,
    subject: text! {
        ja: "メールアドレスと受信設定の確認のお願い",
        en: "Could you check your address and your mail settings?",
    },
    body: text! {
        ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが「宛先が見つからない」というエラーで返ってきてしまいました。携帯電話のメールでは、アドレスが変わった場合だけでなく、迷惑メール設定で受信を拒否した場合にも、同じエラーになることがあります。

お手数ですが、次の 2 点をご確認いただけますでしょうか。
・メールアドレスが変わっていないか（変わっていれば、新しいアドレスを教えてください）
・迷惑メール設定の「{allow_list}」に{allowed_sender}が登録されているか（されていなければ、登録をお願いします）

よろしくお願いいたします。",
        en: "Hello,

The mail I sent to {recipient} came back saying the address could not be found. With phone mail, this error can mean that the address has changed, but also that the phone's spam settings refused the mail.

Could you check two things?
- Has your address changed? If so, could you tell me the new one?
- Is {allowed_sender} on the allow list ({allow_list}) in your spam settings? If not, could you add it?

Thank you.",
    },
};

/// The shape of a carrier's "unknown user" playbook (docomo, au, SoftBank): the carrier uses the
/// same refusal for an address that is gone and for the recipient's own spam settings (fact sheet
/// §3.12), so the advice names both, asks the recipient about both, and removes the address only
/// once it is known to be gone. The carrier brings its steps: `STEP_CHECK_ADDRESS`, its own
/// question with its allow-list page, then `STEP_CARRIER_REMOVE_IF_GONE`.
pub(crate) const fn carrier_user_unknown(
    head: Head,
    steps: &'static [Step],
    basis: Basis,
) -> Playbook {
    Playbook {
        id: head.id,
        party: basis.party,
        title: head.title,
        verdict: head.verdict,
        why: head.why,
        actors: &[Actor::Recipient, Actor::Sender],
        urgency: Urgency::Soon,
        duration: text! { ja: "相手に確認できればすぐ", en: "As soon as you reach the person" },
        prepare: PREPARE_RECIPIENT_ERROR,
        steps,
        donts: &[DONT_DELETE_UNCONFIRMED, DONT_GUESS_ADDRESSES],
        message: Some(MESSAGE_CARRIER_CHECK_LIST),
        lookup: None,
        facts: basis.facts,
        sources: basis.sources,
        checked: basis.checked,
    }
}

/// The last step of a carrier's "unknown user" playbook: removal only once the person has said
/// the address is gone.
pub(crate) const STEP_CARRIER_REMOVE_IF_GONE: Step = Step::new(text! {
    ja: "相手から「アドレスを変えた（もう使っていない）」と確認できた場合に限り、古いアドレスをアドレス帳や配信リストから削除してください。",
    en: "Only once the person confirms that the address has changed (or is no longer used), remove the old one from your address book and mailing lists.",
});

const DONT_DELETE_UNCONFIRMED: Text = text! {
    ja: "相手に確認できないうちに、アドレスを削除しないでください。迷惑メール設定で拒否されているだけで、アドレスは今も使われていることがあります。",
    en: "Do not delete the address before you have reached the person: their spam settings may be refusing you while the address is still in use.",
};

/// A warning that delivery is only delayed (every recipient's DSN action is `delayed`): the
/// sending server is still retrying, so nothing has failed yet. Chosen over a generic playbook
/// that would describe a final failure (`select.rs`); a party's own playbook (a blocklist
/// named in the reply) stays, since acting on it can still save the message.
// Source: RFC 3464 section 2.3.3 ("delayed" - the reporting MTA has so far been unable to
// deliver or relay the message, but it will continue to attempt to do so).
pub(crate) const DELAYED: Playbook = Playbook {
    id: "generic-delayed",
    party: None,
    title: text! { ja: "配送が遅れている（まだ失敗ではない）", en: "Delivery is delayed (not failed yet)" },
    verdict: text! {
        ja: "これは警告です。メールはまだ届いていませんが、失敗と確定したわけではなく、送信側のサーバーが配送を続けています。",
        en: "This is a warning: the message has not arrived yet, but it has not failed either. Your mail server is still trying to deliver it.",
    },
    why: text! {
        ja: "受信側のサーバーが一時的に受け取りを断ったか、つながらなかったためです。どちらかは、通知にエラー文があればそこに書かれています。多くは時間がたつと自然に届きます。",
        en: "The receiving server turned the message away for now, or could not be reached; the notice's error, if it gives one, says which. Most such delays clear by themselves.",
    },
    actors: &[Actor::Nobody],
    urgency: Urgency::Wait,
    duration: text! {
        ja: "送信側のサーバーは通常、最長で数日（多くは 5 日）再送を続けます。期限は通知に書かれていることがあります。",
        en: "Your server usually keeps retrying for up to a few days (often five); the notice may say until when.",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "今はメールを送り直さないでください。同じメールの再送は送信側のサーバーが自動で行っています。",
            en: "Do not send the message again now: your server is already retrying it by itself.",
        }),
        Step::new(text! {
            ja: "急ぎの用件なら、電話や別の連絡手段で、相手にメールが遅れていることを伝えてください。",
            en: "If it is urgent, tell the recipient another way (phone, another address) that your message is delayed.",
        }),
        Step::new(text! {
            ja: "あとで「配送できなかった」という最終的な通知が届いたら、その通知をこのページに貼り付けて、改めて診断してください。その後に通知が来なければ、たいていは届いています。",
            en: "If a final \"could not be delivered\" notice follows, paste that notice on this page and diagnose it again. No further notice usually means it went through.",
        })
        .in_terminal(text! {
            ja: "あとで「配送できなかった」という最終的な通知が届いたら、その通知をファイルに保存して、`ndr-doctor diagnose ファイル名` で改めて診断してください。その後に通知が来なければ、たいていは届いています。",
            en: "If a final \"could not be delivered\" notice follows, save that notice to a file and diagnose it again with `ndr-doctor diagnose FILE`. No further notice usually means it went through.",
        })
        .in_api(text! {
            ja: "あとで「配送できなかった」という最終的な通知が届いたら、その通知を改めて診断してください。その後に通知が来なければ、たいていは届いています。",
            en: "If a final \"could not be delivered\" notice follows, diagnose that notice too. No further notice usually means it went through.",
        }),
    ],
    // The first step already says not to resend: a don't would repeat it.
    donts: &[],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: CHECKED,
};

/// A delay notice whose reply says the receiver greylists (the core's note `greylisted`:
/// "450 4.7.1 <rcpt>: Recipient address rejected: Greylisted for 5 minutes"): the first try of an
/// unknown sender is turned away on purpose and the sending server's retry is accepted, so the
/// wait is minutes, not the days a server keeps retrying (review h159, 5). Picked in `select.rs`
/// over `DELAYED`.
// Source: RFC 6647 sections 1 and 2.1 (https://datatracker.ietf.org/doc/html/rfc6647): a
// temporary failure for a new sender, and a retry after the delay gets through.
pub(crate) const DELAYED_GREYLISTED: Playbook = Playbook {
    id: "generic-delayed-greylisted",
    title: text! { ja: "配送が遅れている（グレーリストで一度断られた）", en: "Delivery is delayed (turned away once by greylisting)" },
    verdict: text! {
        ja: "これは警告で、失敗ではありません。受信側のサーバーはグレーリストを使っていて、まだ知らない送信元からの最初の配送をわざと一度断りました。送信側のサーバーが少し待って送り直すと、ふつうは受け取られます。",
        en: "This is a warning, not a failure: the receiving server uses greylisting, which turns away the first try from a sender it does not know yet on purpose. When your server tries again after a short wait, the message is normally accepted.",
    },
    why: text! {
        ja: "グレーリストは、送り直しをしない迷惑メール送信プログラムをふるい落とすための仕組みです。ふつうのメールサーバーは自動で送り直すので、メールは少し遅れて届きます。",
        en: "Greylisting weeds out spam programs, which seldom try again. Ordinary mail servers retry by themselves, so the message arrives a little late.",
    },
    duration: text! {
        ja: "数分から 1 時間ほど（受信側の待ち時間と、送信側のサーバーが送り直す間隔しだい）",
        en: "A few minutes to an hour (the receiver's wait plus your server's retry interval)",
    },
    sources: &[Source {
        title: text! { ja: "RFC 6647（グレーリスト）", en: "RFC 6647 (greylisting)" },
        url: Url::one(RFC6647),
    }],
    checked: "2026-11-27",
    ..DELAYED
};

/// A delay notice whose reply says the recipient's domain was not found ("4.1.2 Recipient
/// address rejected: Domain not found", retried). The sending server still tries, so the notice
/// stays a warning, but a missing domain seldom appears by waiting: most often the part after @
/// is misspelled (review 8, M3). Picked in `select.rs` over `DELAYED` for a host-unknown reason.
pub(crate) const DELAYED_HOSTUNKNOWN: Playbook = Playbook {
    id: "generic-delayed-hostunknown",
    party: None,
    title: text! { ja: "配送が遅れている（宛先のドメインが見つからない）", en: "Delivery is delayed (the recipient's domain was not found)" },
    verdict: text! {
        ja: "これは警告です。宛先 {recipient} の @ より後ろ（ドメイン）が今は見つからないため、送信側のサーバーが配送を続けています。",
        en: "This is a warning: the part after @ in {recipient} (the domain) cannot be found for now, so your mail server keeps trying to deliver it.",
    },
    why: text! {
        ja: "相手の DNS の一時的な不調なら、時間がたつと届きます。ただ、ほとんどはドメインのつづりの誤りで、その場合は待っても届きません。",
        en: "A passing fault in the recipient's DNS clears by itself, but most often the domain is misspelled, and then waiting will not help.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "つづりの誤りならすぐ（正しい宛先に送り直す）。そうでなければ、送信側のサーバーが数日再送を続けます。",
        en: "Right away for a typo (send to the right address); otherwise your server keeps retrying for a few days.",
    },
    prepare: PREPARE_RECIPIENT,
    steps: &[
        Step::new(text! {
            ja: "宛先の @ より後ろを一文字ずつ確認してください。誤りがあれば、正しい宛先にもう一度送ってください。",
            en: "Check the part after @ letter by letter. If it is wrong, send the message again to the right address.",
        })
        .copy(LABEL_ADDRESS_TO_CHECK, "{recipient}"),
        Step::new(text! {
            ja: "つづりが正しければ、送り直さずに待ってください。送信側のサーバーが自動で再送しています。",
            en: "If the spelling is right, do not send again: your server is retrying by itself.",
        }),
        Step::new(text! {
            ja: "あとで「配送できなかった」という最終的な通知が届いたら、電話などで相手に、ドメインに問題がないか伝えてください。",
            en: "If a final \"could not be delivered\" notice follows, tell the recipient another way that their domain may have a problem.",
        }),
    ],
    donts: &[DONT_GUESS_ADDRESSES],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: "2026-11-26",
};

/// The receiving server refused the message because the sender's own domain cannot be found in
/// DNS: SoftBank's "553 <domain> does not exist" at MAIL FROM (fact sheet §3.12: the envelope-from
/// domain has no DNS), Postfix's "Sender address rejected: Domain not found"
/// (https://www.postfix.org/postconf.5.html#reject_unknown_sender_domain). `select.rs` picks it
/// when the refusal names the sender's domain, whatever reason the core gave it: the fix is the
/// sender's domain, never the recipient's. Also Sendmail's "553 5.1.8 Domain of sender address
/// <addr> does not exist" (cf/m4/proto.m4, check_mail). The fix is that domain's DNS, so whoever
/// runs the domain is named first; the sender checks the address for a typo.
pub(crate) const SENDER_DOMAIN_UNKNOWN: Playbook = Playbook {
    id: "generic-sender-domain-unknown",
    party: None,
    title: text! { ja: "あなたの送信ドメインが DNS で見つからない", en: "Your sending domain cannot be found in DNS" },
    verdict: text! {
        ja: "受信側のサーバーが、差出人のドメイン {sender_domain} を DNS で見つけられないとして、メールを拒否しました。宛先ではなく、あなたの側のドメインの問題です。",
        en: "The receiving server refused the message because your sending domain {sender_domain} cannot be found in DNS. The problem is your own domain, not the recipient's.",
    },
    why: text! {
        ja: "ドメインの登録（契約）の期限切れや更新忘れ、DNS の設定の誤りや削除（メールの受付先を示す MX レコードや A レコードがない）、または差出人アドレスのつづりの誤りが主な原因です。",
        en: "Usually the domain's registration expired or was not renewed, its DNS records were changed or removed (no MX or A record), or the sender address is misspelled.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "直してから数時間（DNS の反映待ち）", en: "A few hours after the fix (while DNS updates spread)" },
    prepare: PREPARE_DNS,
    steps: &[
        Step::new(text! {
            ja: "メールソフトや送信システムの差出人アドレスのドメイン（@ より後ろ）に、つづりの誤りがないか確認してください。",
            en: "Check the domain (the part after @) of the sender address in your mail program or sending system for typos.",
        })
        .copy(
            text! { ja: "確認するドメイン", en: "The domain to check" },
            "{sender_domain}",
        ),
        Step::new(text! {
            ja: "ドメインを契約している会社（レジストラ）の管理画面で、ドメインの有効期限が切れていないか、更新の手続きが済んでいるかを確認してください。期限切れなら、すぐに更新してください。",
            en: "In the control panel of the company you registered the domain with (the registrar), check that the domain has not expired and that its renewal went through. If it expired, renew it right away.",
        }),
        Step::new(text! {
            ja: "ドメインの DNS に、メールの受付先（MX レコード）とサーバーのアドレス（A レコード）が登録されているか確認してください。分からない場合は、下の文面で DNS を管理している人（社内の管理者やホスティング事業者）に確認を依頼してください。",
            en: "Check that the domain's DNS has its mail records (MX) and server addresses (A). If you do not manage it, ask whoever does (your IT administrator or hosting company) with the message below.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "宛先のアドレスや相手のドメインを疑って変えないでください。拒否された理由は、あなたの送信ドメインです。",
            en: "Do not change the recipient's address or suspect their domain: the refusal is about your own sending domain.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(crate::model::Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "送信ドメイン {sender_domain} が DNS で見つからないとして、メールが拒否されました",
            en: "Mail from {sender_domain} is refused: the domain cannot be found in DNS",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、差出人のドメイン {sender_domain} が見つからないという理由で、次のエラーで拒否されました。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

ドメイン {sender_domain} の登録（有効期限、更新の状況）と、DNS の設定（MX レコードと A レコード）をご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

My message to {recipient} was refused with the error below, because our sending domain {sender_domain} could not be found.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you check the domain's registration (its expiry and renewal) and its DNS records (MX and A)? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[SRC_RFC5321, SRC_RFC3463],
    checked: CHECKED,
};

/// Generic playbooks reached only through codes, shared by parties, or picked by `select.rs`.
pub(crate) const REQUIREPTR_IPV6: Playbook = ptr_playbook_ipv6(
    Head {
        id: "generic-requireptr-ipv6",
        title: text! { ja: "IPv6 の送信アドレスに逆引き（PTR）がない", en: "Your IPv6 sending address has no reverse DNS (PTR)" },
        verdict: text! {
            ja: "メールは IPv6 で送られましたが、送信元の IPv6 アドレス {ip} に逆引き（PTR）の設定がないか、設定が一致しないため、受信側が受け取りを拒否しました。",
            en: "The mail went out over IPv6, and the receiving side refused it because the sending IPv6 address {ip} has no reverse DNS (PTR) record, or one that does not match.",
        },
        why: text! {
            ja: "サーバーが IPv6 でも送信するようになったのに、IPv6 アドレスの逆引きが設定されていない場合によく起こります。",
            en: "It often happens when a server starts sending over IPv6 before its IPv6 address has a PTR record.",
        },
    },
    Basis {
        party: None,
        facts: &[],
        sources: &[SRC_RFC1912, SRC_IANA],
        checked: CHECKED,
    },
);

/// The sender's own mail service has stopped sending from the account: Amazon SES pauses an
/// account's sending after a review of its bounce and complaint rates ("554 Message rejected:
/// Sending paused for this account", AccountSendingPausedException: "email sending is disabled
/// for your entire Amazon SES account"); Mail.ru stops an account it suspects of a stolen
/// password or of spam ("550 message sending for this account is disabled": its owner restores
/// it by changing the password or confirming the mailbox is theirs). The core marks both with the
/// note `sender_account_stopped`; `select.rs` picks this playbook for it, whatever the reason.
pub(crate) const SENDER_ACCOUNT_STOPPED: Playbook = Playbook {
    id: "generic-sender-account-stopped",
    party: None,
    title: text! { ja: "メールのサービスが、あなたのアカウントからの送信を止めている", en: "Your mail service has stopped sending from your account" },
    verdict: text! {
        ja: "メールは {recipient} に届きませんでした。あなたが使っているメールのサービスが、あなたのアカウントからの送信を止めているためです。受信側が拒否したのではありません。",
        en: "The message did not reach {recipient} because your own mail service has stopped sending from your account. The recipient's side refused nothing.",
    },
    why: text! {
        ja: "メールのサービスは、パスワードが盗まれた疑いがあるとき、アカウントから迷惑メールが送られたとき、送ったメールの宛先不明や苦情が多すぎるときに、そのアカウントからの送信を止めます。アカウントが元に戻るまで、どの宛先へのメールも送られません。",
        en: "Mail services stop an account's sending when they suspect its password was stolen, when spam was sent from it, or when too many of its messages bounce or draw complaints. Until the account is restored, no mail from it goes out, to any recipient.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "数分から数日（サービスの確認による）", en: "Minutes to days, depending on the service's review" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "止められたアカウント（メールアドレス、または送信サービスのアカウント）",
            en: "The account that was stopped (the mail address, or the sending service's account)",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "メールソフトではなく、サービスの Web ページ（Web メールや管理画面）にログインしてください。送信が止められた理由と、元に戻す方法（パスワードの変更、本人確認など）がたいてい表示されます。",
            en: "Sign in to the service's own web page (its web mail or console), not your mail program: it usually says why sending stopped and how to restore it (a new password, a check that the account is yours).",
        }),
        Step::new(text! {
            ja: "パスワードを変え、覚えのない転送設定、アプリ用パスワード、送った覚えのない送信済みメールがないか確かめてください。盗まれたパスワードがいちばん多い原因です。",
            en: "Change the password, and look for forwarding rules, app passwords and sent mail you do not recognise: a stolen password is the most common cause.",
        }),
        Step::new(text! {
            ja: "Amazon SES などの送信サービスから送っている場合は、その管理画面でアカウントの状態と、止められた理由（宛先不明や苦情の割合）を確かめ、サービスが求める見直しに答えてください。",
            en: "If you send through a sending service such as Amazon SES, open its console: it shows the account's state and the bounce and complaint rates behind the pause. Answer the review the service asks for.",
        }),
        Step::new(text! {
            ja: "サービスの Web ページの案内で解決しない場合は、下の文面でサービスのサポートに問い合わせてください。",
            en: "If the service's own pages do not solve it, write to its support with the message below.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "受信者に問い合わせたり、ドメインの DNS を変えたりしないでください。メールは送り出される前に、あなたの側のサービスで止められています。",
            en: "Do not ask the recipient or change your domain's DNS: your own service stopped the mail before it left.",
        },
        text! {
            ja: "同じメールを別のアカウントを作って送らないでください。止められた理由が残ったままだと、新しいアカウントもすぐに止められます。",
            en: "Do not open another account to send the same mail: while the cause remains, the new account is soon stopped too.",
        },
    ],
    message: Some(crate::model::Message {
        to: To::MailProvider,
        address: None,
        subject: text! {
            ja: "アカウントからの送信が止められています",
            en: "Sending from my account has been stopped",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。私のアカウントからメールを送ったところ、次のエラーで送信が止められていると表示されました。

・エラー全文: {error_text}
・送信日時: {date}

アカウントからの送信が止められた理由と、元に戻す方法を教えていただけますでしょうか。パスワードは変更済みです（または変更します）。よろしくお願いいたします。",
            en: "Hello,

I sent a message from my account and it was refused with the error below, which says sending from the account has been stopped.

- Full error: {error_text}
- Sent at: {date}

Could you tell me why sending from my account was stopped and how to restore it? I have changed (or will change) the password. Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Amazon SES: アカウントの送信停止（AccountSendingPausedException）", en: "Amazon SES: a paused account (AccountSendingPausedException)" },
            url: Url::one("https://docs.aws.amazon.com/botocore/latest/reference/services/ses/client/exceptions/AccountSendingPausedException.html"),
        },
    ],
    checked: "2026-11-26",
};

/// The sender's own outgoing server refused a From address that the account it logged in with
/// does not own. Postfix words it "553 5.7.1 <sales@example.net>: Sender address rejected: not
/// owned by user info@example.net" (`reject_sender_login_mismatch`: `smtpd_sender_login_maps`
/// lists the login names that own each sender address; postconf(5)). The core marks it with the
/// note `sender_login_mismatch` (detail: the login); `select.rs` picks this playbook for the
/// note, whatever reason the refusal got, since nothing at the receiving side or in DNS causes it.
pub(crate) const SENDER_LOGIN_MISMATCH: Playbook = Playbook {
    id: "generic-sender-login-mismatch",
    party: None,
    title: text! { ja: "送信サーバーが、ログインしたアカウントのものではない差出人アドレスを断った", en: "Your outgoing server refused a sender address your login does not own" },
    verdict: text! {
        ja: "あなたの側の送信サーバーが、差出人アドレス {refused_sender} でのメールの送信を断りました。このアドレスが、ログインに使ったアカウント {login_account} のものとして登録されていないためです。受信側が拒否したのではありません。",
        en: "Your own outgoing mail server refused to send as {refused_sender}, because that address is not registered to the account you logged in with, {login_account}. The receiving side refused nothing.",
    },
    why: text! {
        ja: "多くの送信サーバーは、他人の名前でメールを送れないように、ログインしたアカウント自身のアドレスか、そのアカウントに登録された別名（エイリアス）を差出人にしたメールだけを送ります。メールソフトで差出人アドレスだけを変えた場合や、一つのアカウントで別のアドレスのメールを送ろうとした場合に起こります。",
        en: "Many outgoing servers only send mail whose sender address belongs to the account that logged in (its own address, or an alias registered to it), so that nobody can send in someone else's name. It happens when only the sender address was changed in the mail program, or when one account is used to send as another address.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: DURATION_SETTING_FIXED,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "メールソフトの送信サーバー（SMTP）の設定で、ログインに使っているアカウント（ユーザー名）",
            en: "The account (user name) your mail program logs in to the outgoing server (SMTP) with",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "すぐに送るには、差出人をアカウント {login_account} のアドレスにして（またはそのアカウントから）送り直してください。",
            en: "To send it now, send it again with the address of the account {login_account} as the sender (or from that account).",
        })
        .copy(
            text! { ja: "差出人にするアドレス", en: "The sender address to use" },
            "{login_account}",
        ),
        Step::new(text! {
            ja: "これからも {refused_sender} を差出人にしたい場合は、下の文面で社内の管理者かホスティング事業者に、{refused_sender} をアカウント {login_account} の別名（エイリアス）として送信に使えるようにしてもらってください。",
            en: "To keep sending as {refused_sender}, ask your administrator or hosting company, with the message below, to let the account {login_account} send as {refused_sender} (as an alias of it).",
        }),
        Step::new(text! {
            ja: "{refused_sender} が専用のメールボックスを持つ別のアカウントなら、そのアドレスで送るときはそのアカウントのユーザー名とパスワードで送信サーバーにログインするよう、メールソフトを設定してください。",
            en: "If {refused_sender} is an account of its own, with its own mailbox, set your mail program to log in with that account's user name and password when sending from it.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "受信者に問い合わせたり、ドメインの DNS（MX や SPF）を変えたりしないでください。メールは送り出される前に、あなたの側のサーバーで止められています。",
            en: "Do not ask the recipient or change your domain's DNS (MX, SPF): your own server stopped the mail before it left.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(crate::model::Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "差出人 {refused_sender} での送信を、アカウント {login_account} で許可してください",
            en: "Please let the account {login_account} send as {refused_sender}",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。アカウント {login_account} でログインして、差出人 {refused_sender} のメールを送ったところ、送信サーバーに次のエラーで断られました。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

{refused_sender} をアカウント {login_account} の別名（エイリアス）として登録するなどして、このアカウントから {refused_sender} を差出人にして送れるようにしていただけますでしょうか。難しい場合は、{refused_sender} で送るための方法を教えてください。よろしくお願いいたします。",
            en: "Hello,

I logged in as {login_account} and sent a message from {refused_sender}, and our outgoing server refused it with the error below.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

Could you let the account {login_account} send as {refused_sender}, for example by adding it as an alias of the account? If that is not possible, how should I send as {refused_sender}? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Postfix マニュアル: smtpd_sender_login_maps", en: "Postfix manual: smtpd_sender_login_maps" },
            url: Url::one(POSTFIX_SENDER_LOGIN_MAPS),
        },
        Source {
            title: text! { ja: "RFC 4954（SMTP 認証）", en: "RFC 4954 (SMTP authentication)" },
            url: Url::one(RFC4954),
        },
    ],
    checked: "2026-11-26",
};

/// A read receipt (RFC 8098 message disposition notification): the message arrived, and the
/// recipient's mail program reports what became of it. Nothing failed; the disposition type
/// (the core's note `read_receipt`, its detail) says what the receipt can say, and no more.
const fn read_receipt(head: Head, steps: &'static [Step]) -> Playbook {
    Playbook {
        id: head.id,
        party: None,
        title: head.title,
        verdict: head.verdict,
        why: head.why,
        actors: &[Actor::NothingToDo],
        urgency: Urgency::None,
        duration: DURATION_NOTHING,
        prepare: &[],
        steps,
        donts: &[DONT_RESEND_DELIVERED],
        message: None,
        lookup: None,
        facts: &[],
        sources: READ_RECEIPT_SOURCES,
        checked: "2026-11-26",
    }
}

const READ_RECEIPT_SOURCES: &[Source] = &[Source {
    title: text! { ja: "RFC 8098（開封確認などの処理通知）", en: "RFC 8098 (message disposition notifications, read receipts)" },
    url: Url::one(RFC8098),
}];

/// A read receipt with a disposition type the playbooks below do not cover, or none.
pub(crate) const READ_RECEIPT: Playbook = read_receipt(
    Head {
        id: "generic-read-receipt",
        title: text! { ja: "開封確認の通知", en: "A read receipt" },
        verdict: text! {
            ja: "これはエラーではなく開封確認の通知です。メールは {recipient} に届いていて、相手のメールソフトがその後の扱いを知らせてきました。",
            en: "This is not an error but a read receipt: your message reached {recipient}, and their mail program reports what became of it.",
        },
        why: text! {
            ja: "送信するときに開封確認を求めたため、相手のメールソフトが送ってきました。",
            en: "You asked for a read receipt when sending, and the recipient's mail program sent one.",
        },
    },
    &[STEP_NOTHING_ASK_IF_READ],
);

// RFC 8098 section 3.2.6.2, "displayed": the mail program showed the message to someone reading
// the mailbox; that does not guarantee it was read or understood.
pub(crate) const READ_RECEIPT_DISPLAYED: Playbook = read_receipt(
    Head {
        id: "generic-read-receipt-displayed",
        title: text! { ja: "開封確認: メールは開かれました", en: "Read receipt: your message was opened" },
        verdict: text! {
            ja: "これはエラーではなく開封確認です。メールは {recipient} に届き、相手のメールソフトで開かれました（画面に表示されました）。",
            en: "This is not an error but a read receipt: your message reached {recipient} and was opened (shown on screen) in their mail program.",
        },
        why: text! {
            ja: "送信するときに開封確認を求めたため、相手のメールソフトが知らせてきました。メールが表示されたことは分かりますが、内容を読んで理解したかどうかまでは分かりません。",
            en: "You asked for a read receipt when sending, and the recipient's mail program sent it. It says the message was shown, not that it was read closely or understood.",
        },
    },
    &[Step::new(text! {
        ja: "対応は必要ありません。メールは届いて、開かれています。返事が必要な場合は、返信を待つか、別の方法で連絡してください。",
        en: "Nothing to do: the message arrived and was opened. If you need an answer, wait for the reply or contact the recipient another way.",
    })],
);

// RFC 8098 section 3.2.6.2, "deleted": the message was deleted; the recipient may or may not have
// seen it first, and may still restore it. (Outlook's own notice says "deleted without being
// read".)
pub(crate) const READ_RECEIPT_DELETED: Playbook = read_receipt(
    Head {
        id: "generic-read-receipt-deleted",
        title: text! { ja: "開封確認: メールは削除されました", en: "Read receipt: your message was deleted" },
        verdict: text! {
            ja: "これはエラーではありません。メールは {recipient} に届きましたが、相手のメールソフトから「削除された」と知らせてきました。読まれずに削除された可能性があります。",
            en: "This is not an error: your message reached {recipient}, and their mail program reports that it was deleted, possibly without being read.",
        },
        why: text! {
            ja: "送信するときに開封確認を求めたため、相手のメールソフトが知らせてきました。「削除」は受信箱から消されたという意味で、その前に読まれたかどうかは分かりません。削除したメールを後から元に戻して読むこともできます。",
            en: "You asked for a read receipt when sending, and the recipient's mail program sent it. \"Deleted\" means the message was removed from the mailbox; it does not say whether it was read first, and it can still be restored and read later.",
        },
    },
    &[Step::new(text! {
        ja: "届いてはいるので、配信について対応は必要ありません。大事な内容なら、電話や別の方法で、受信者が目を通したかどうかを確認してください。",
        en: "It arrived, so there is nothing to fix about delivery. If the content matters, ask the recipient by phone or another way whether they saw it.",
    })],
);

// RFC 8098 section 3.2.6.2, "dispatched": the message was sent on somewhere (printed, faxed,
// forwarded) without necessarily having been shown; the recipient may see it later.
pub(crate) const READ_RECEIPT_DISPATCHED: Playbook = read_receipt(
    Head {
        id: "generic-read-receipt-dispatched",
        title: text! { ja: "開封確認: メールは転送などで送り出されました", en: "Read receipt: your message was passed on" },
        verdict: text! {
            ja: "これはエラーではありません。メールは {recipient} に届き、相手の側で転送や印刷などの形で送り出されました。本人に表示されたとは限りません。",
            en: "This is not an error: your message reached {recipient}, and was passed on there (forwarded, printed or the like), not necessarily shown to the recipient.",
        },
        why: text! {
            ja: "送信するときに開封確認を求めたため、相手のメールソフトが知らせてきました。受信者が後で読むこともあります。",
            en: "You asked for a read receipt when sending, and the recipient's mail program sent it. The recipient may still read it later.",
        },
    },
    &[STEP_NOTHING_ASK_IF_READ],
);

// RFC 8098 section 3.2.6.2, "processed": a rule or a server handled the message without showing
// it; the recipient may see it later, or no person may read the mailbox at all.
pub(crate) const READ_RECEIPT_PROCESSED: Playbook = read_receipt(
    Head {
        id: "generic-read-receipt-processed",
        title: text! { ja: "開封確認: メールは自動で処理されました", en: "Read receipt: your message was processed automatically" },
        verdict: text! {
            ja: "これはエラーではありません。メールは {recipient} に届き、相手の側の振り分けルールやプログラムで自動的に処理されました。まだ誰にも表示されていない可能性があります。",
            en: "This is not an error: your message reached {recipient}, and a rule or a program there handled it automatically. It may not have been shown to anyone yet.",
        },
        why: text! {
            ja: "送信するときに開封確認を求めたため、相手のメールソフトやサーバーが知らせてきました。受信者が後で読むこともあれば、人が読まないアドレスの場合もあります。",
            en: "You asked for a read receipt when sending, and the recipient's mail program or server sent it. The recipient may read it later, or the mailbox may not be read by a person at all.",
        },
    },
    &[STEP_NOTHING_ASK_IF_READ],
);

/// The read-receipt playbook of a disposition type (the note's detail, RFC 8098 section 3.2.6.2).
pub(crate) fn read_receipt_for(disposition: &str) -> &'static Playbook {
    const BY_TYPE: &[(&str, &Playbook)] = &[
        ("displayed", &READ_RECEIPT_DISPLAYED),
        ("deleted", &READ_RECEIPT_DELETED),
        ("dispatched", &READ_RECEIPT_DISPATCHED),
        ("processed", &READ_RECEIPT_PROCESSED),
    ];
    let disposition = disposition.trim();
    BY_TYPE
        .iter()
        .find(|(t, _)| disposition.eq_ignore_ascii_case(t))
        .map_or(&READ_RECEIPT, |(_, p)| p)
}

/// Not "do not resend" alone: a smaller message, once, is the first step of the two playbooks
/// below that name both a full mailbox and a message too large.
pub(crate) const DONT_RESEND_FULL_OR_LARGE: Text = text! {
    ja: "同じ添付ファイルのまま、何度も送り直さないでください。受信箱がいっぱいでも、メールが大きすぎても、同じように返ってきます。",
    en: "Do not send it again and again with the same attachments: whether the mailbox is full or the message too large, every copy comes back.",
};

/// A reply that means "the mailbox is full, or the message is too large", with no way to tell
/// which: docomo's "552 Too much mail data" (fact sheet §3.12), wherever it is met; RFC 5321's
/// 552 is "exceeded storage allocation", which covers both. The core marks it with the note
/// `full_or_too_big`; `select.rs` picks this playbook for the note, or docomo's own for a docomo
/// address. The size is named first: the sender can act on it at once.
pub(crate) const FULL_OR_TOO_LARGE: Playbook = Playbook {
    id: "generic-full-or-too-large",
    party: None,
    title: text! { ja: "宛先の受信箱がいっぱいか、メールが大きすぎる", en: "The recipient's mailbox is full, or the message is too large" },
    verdict: text! {
        ja: "{recipient} 宛てのメールは、受信箱の容量がいっぱいか、メールが大きすぎるために受け取られませんでした。受信側のサーバーは、どちらの場合も同じ返答（Too much mail data）をします。",
        en: "{recipient} did not take the message: either its mailbox is full, or the message is too large. The receiving server gives the same reply (Too much mail data) for both.",
    },
    why: text! {
        ja: "写真や PDF などの添付ファイルが大きいと、受信側の上限を超えることがあります。受信者が長い間メールを整理していない場合は、受信箱がいっぱいになっています。",
        en: "Attachments such as photos or PDFs can exceed the receiving side's limit; a mailbox the recipient has not cleared for a long time fills up.",
    },
    actors: &[Actor::Sender, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! { ja: "添付を減らせばすぐ、容量は受信者しだい", en: "Right away with smaller attachments; otherwise when the recipient makes room" },
    prepare: PREPARE_RECIPIENT_ERROR,
    steps: &[
        Step::new(text! {
            ja: "添付ファイルがある場合は、外すか小さくして（写真の縮小、圧縮、分割、共有リンクの利用など）、一度だけ送り直してください。",
            en: "If the message had attachments, send it once more without them, or smaller (resized photos, compressed or split files, or a sharing link).",
        }),
        Step::new(text! {
            ja: "添付のない短いメールでも返ってくる場合は、受信箱がいっぱいです。電話や別のアドレスで受信者に伝え、不要なメールを削除してもらってください。",
            en: "If even a short message without attachments comes back, the mailbox is full: tell the recipient by phone or another address, and ask them to delete old mail.",
        }),
    ],
    donts: &[DONT_RESEND_FULL_OR_LARGE],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        SRC_RFC5321,
        Source {
            title: text! { ja: "RFC 1870（メールの大きさの宣言）", en: "RFC 1870 (message size declaration)" },
            url: Url::one(RFC1870),
        },
    ],
    checked: "2026-11-26",
};

/// cPanel's script that sets each domain's hourly cap from the server's `maxemailsperhour`.
const CPANEL_MAXEMAILS: &str =
    "https://docs.cpanel.net/whm/scripts/the-build_maxemails_config-script";
const RFC6409: &str = "https://datatracker.ietf.org/doc/html/rfc6409";

/// Asking the hosting company about the hourly cap of the sender's own account.
const MESSAGE_HOURLY_CAP: crate::model::Message = crate::model::Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "1 時間あたりの送信数の上限により、メールが止められました",
        en: "My mail is held back by the hourly sending limit",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで送信しているメールが、ドメインの 1 時間あたりの送信数の上限に達したとして、次のエラーで止められました。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. 上限に数えられた送信の内訳（乗っ取られたアカウントやウェブサイトのフォームなどから、身に覚えのない送信がされていないか）
2. 私のアカウントの 1 時間あたりの上限を引き上げられるかどうか

よろしくお願いいたします。",
        en: "Hello,

Mail I send through your service was held back with the error below: my domain reached its limit of messages per hour.

- Full error: {error_text}
- Sent at: {date}

Could you please:
1. Check what counted against the limit (so that no hijacked account, website form or script is sending mail in my name).
2. Tell me whether the hourly limit of my account can be raised.

Thank you.",
    },
};

const SRC_CPANEL_MAXEMAILS: Source = Source {
    title: text! {
        ja: "cPanel ドキュメント: build_maxemails_config（ドメインごとの 1 時間あたりの送信上限）",
        en: "cPanel documentation: build_maxemails_config (hourly sending limit per domain)",
    },
    url: Url::one(CPANEL_MAXEMAILS),
};

const STEP_CAP_CHECK_SENDING: Step = Step::new(text! {
    ja: "この 1 時間に多くのメールを送った覚えがない場合は、アカウントとウェブサイトを確認してください。乗っ取られたパスワード、ウェブサイトのお問い合わせフォームやスクリプトからの迷惑メールも、上限に数えられます。",
    en: "If you did not send many messages this hour, check your accounts and website: a hijacked password, or a website form or script sending spam, counts against the limit too.",
});

const STEP_CAP_SPREAD: Step = Step::new(text! {
    ja: "お知らせや案内状などの一斉送信は、少しずつ数時間に分けて送るか、一斉送信用の配信サービスを使ってください。",
    en: "Send newsletters, invitations and other large sends in small batches spread over several hours, or through a service made for bulk mail.",
});

const STEP_CAP_RAISE: Step = Step::new(text! {
    ja: "いつも上限を超えてしまう場合は、下の文面でホスティング事業者に、アカウントの 1 時間あたりの上限を引き上げられるか問い合わせてください（エラー文の「124/100」のような数字は、送った数と上限です）。",
    en: "If you often need more, ask your hosting company with the message below whether it can raise your account's hourly limit (numbers such as \"124/100\" in the error are the count and the limit).",
});

/// The sender's own hosting account reached its hourly cap, and its server keeps the message to
/// send later. cPanel's Exim words it "Domain example.com has exceeded the max emails per hour
/// (124/100 (124%)) allowed. Message will be reattempted later"; the cap is the hosting
/// account's (`maxemailsperhour`, set per domain by cPanel's `build_maxemails_config`), so the
/// receiving side refused nothing. Chosen by its words (`WORDINGS`), whatever reason the core
/// gave it (Sisimai says `toomanyconn`).
// Source: https://docs.cpanel.net/whm/scripts/the-build_maxemails_config-script
pub(crate) const SENDER_HOURLY_CAP: Playbook = Playbook {
    id: "generic-sender-hourly-cap",
    party: None,
    title: text! { ja: "あなたのホスティング契約の 1 時間あたりの送信上限に達した", en: "Your hosting account's hourly sending limit was reached" },
    verdict: text! {
        ja: "あなたの側の送信サーバー（ホスティング事業者のサーバー）が、メールを一時的に止めています。あなたのドメインがこの 1 時間に送ったメールの数が、ホスティング契約の上限を超えたためです。受信側は何も拒否しておらず、メールはあとでサーバーが自動で送ります。",
        en: "Your own outgoing server (your hosting company's) is holding the message back: your domain has sent more mail this hour than your hosting account allows. The receiving side refused nothing, and the server will send the message later by itself.",
    },
    why: text! {
        ja: "共用のホスティング（cPanel など）では、サーバーの評価を守るため、ドメインごとに 1 時間に送れるメールの数に上限があります。一斉送信、ウェブサイトのフォーム、一度に多くのメールを送るメールソフトで上限に達するほか、乗っ取られたアカウントやウェブサイトからの迷惑メールでも達します。",
        en: "Shared hosting (cPanel, for example) caps how many messages each domain may send per hour, to protect the server's reputation. A bulk send, a website form or a mail program sending many messages at once reaches it; so does a hijacked account or website sending spam.",
    },
    actors: &[Actor::Nobody, Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Wait,
    duration: text! { ja: "多くは 1 時間以内（その時間の送信数が上限を下回ったとき）", en: "Usually within the hour, once the hour's count falls under the limit" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "しばらく待ってください。その時間の送信数が上限を下回ると、送信サーバーが自動でメールを送ります。",
            en: "Wait: once the hour's count is under the limit, your server sends the message by itself.",
        }),
        STEP_CAP_CHECK_SENDING,
        STEP_CAP_SPREAD,
        STEP_CAP_RAISE,
    ],
    donts: &[DONT_RESEND_RETRYING],
    message: Some(MESSAGE_HOURLY_CAP),
    lookup: None,
    facts: &[],
    sources: &[SRC_CPANEL_MAXEMAILS],
    checked: "2026-11-26",
};

/// The same cap, when the server dropped the message instead of keeping it ("... allowed.
/// Message discarded."): the sender sends it again after the hour.
// Source: https://docs.cpanel.net/whm/scripts/the-build_maxemails_config-script
pub(crate) const SENDER_HOURLY_CAP_DISCARDED: Playbook = Playbook {
    id: "generic-sender-hourly-cap-discarded",
    party: None,
    title: text! { ja: "1 時間あたりの送信上限に達し、メールが破棄された", en: "Hourly sending limit reached: the message was dropped" },
    verdict: text! {
        ja: "あなたの側の送信サーバー（ホスティング事業者のサーバー）が、メールを送らずに破棄しました。あなたのドメインがこの 1 時間に送ったメールの数が、ホスティング契約の上限を超えたためです。受信側は何も拒否していません。",
        en: "Your own outgoing server (your hosting company's) dropped the message without sending it: your domain has sent more mail this hour than your hosting account allows. The receiving side refused nothing.",
    },
    why: SENDER_HOURLY_CAP.why,
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "1 時間ほど待って送り直せばすぐ", en: "As soon as you send it again after the hour" },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "1 時間ほど待ってから、同じ宛先に一度だけ送り直してください。このメールはサーバーに残っていないため、自動では送られません。",
            en: "Wait an hour or so, then send the message again, once: the server did not keep it, so it will not go out by itself.",
        }),
        STEP_CAP_CHECK_SENDING,
        STEP_CAP_SPREAD,
        STEP_CAP_RAISE,
    ],
    donts: &[text! {
        ja: "すぐに送り直さないでください。その時間の送信数が上限を下回るまでは、送り直したメールも破棄されます。",
        en: "Do not send it again right away: until the hour's count falls under the limit, the new copy is dropped too.",
    }],
    message: Some(MESSAGE_HOURLY_CAP),
    lookup: None,
    facts: &[],
    sources: &[SRC_CPANEL_MAXEMAILS],
    checked: "2026-11-26",
};

/// A mail loop: the message passed through too many servers and was refused for it. RFC 5321
/// (6.3) has servers count the Received lines to detect loops; Postfix says "too many hops"
/// (its `hopcount_limit`), others "too many received headers" or "possible mail loop". The
/// core reads these as a network error or leaves them unclear (Sisimai's reasons have no loop),
/// whose advice is to wait; a loop never clears by waiting (held-out k, MEDIUM-4).
// Sources: https://datatracker.ietf.org/doc/html/rfc5321#section-6.3,
// https://www.postfix.org/postconf.5.html#hopcount_limit
pub(crate) const MAIL_LOOP: Playbook = Playbook {
    id: "generic-mail-loop",
    party: None,
    title: text! { ja: "メールがループした（同じサーバーの間を回り続けた）", en: "A mail loop: the message went round in circles" },
    verdict: text! {
        ja: "メールが同じサーバーの間を回り続ける（ループする）ため、サーバーが拒否しました。通ったサーバーが多すぎるか、宛先のドメインのメールが拒否したサーバー自身に戻る設定です。待っていても直りません。",
        en: "A server refused the message as a loop: it passed through too many servers, or the recipient domain's mail is routed back to that same server. A loop does not clear by waiting.",
    },
    why: text! {
        ja: "多くは受信側の転送の設定が原因です（二つのアドレスが互いに転送し合う、ドメインのメールが元のサーバーに戻るなど）。送信側のサーバーの転送や中継の設定が原因のこともあります。",
        en: "Usually a forwarding setting at the recipient's side sends the mail back where it came from (two addresses forwarding to each other, a domain routed back to the same server); sometimes the sender's own forwarding or relay settings.",
    },
    actors: &[Actor::RecipientAdmin, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "返ってきたメールの「Received:」の行を見てください。経由したサーバーが順に書かれており、同じサーバーの繰り返しがループの場所です。",
            en: "Look at the \"Received:\" lines of the returned message: they list the servers it passed, and a repeating pair is where it loops.",
        }),
        Step::new(text! {
            ja: "受信側のサーバーが繰り返しているか、エラーに「loops back to myself」「points to local host」とあれば、受信者か受信側の管理者に、転送と MX の設定の確認を頼んでください。",
            en: "If the recipient's servers repeat, or the error says \"loops back to myself\" or \"points to local host\", ask the recipient or their administrator to check their forwarding and MX settings.",
        }),
        Step::new(text! {
            ja: "あなたの側のサーバーが繰り返しているなら、転送や中継（スマートホスト、MX）の設定がメールを元のサーバーに戻していないか確認してください。",
            en: "If your own servers repeat, check that your forwarding or relay settings (smarthost, MX) do not send the mail back to a server it came from.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 5321 6.3 節（ループの検出）", en: "RFC 5321, section 6.3 (loop detection)" },
            url: Url::one("https://datatracker.ietf.org/doc/html/rfc5321#section-6.3"),
        },
        Source {
            title: text! { ja: "Postfix のマニュアル: hopcount_limit", en: "Postfix manual: hopcount_limit" },
            url: Url::one("https://www.postfix.org/postconf.5.html#hopcount_limit"),
        },
    ],
    checked: "2026-11-26",
};

/// A network error the sending server gave up on (a recipient marked `failed`, or a 5xx): it is
/// not retried, so nothing clears by waiting. The recipient's side must fix its server or DNS
/// first, then the sender sends once more (held-out n, cases of "Tried all MXs",
/// `NoMxHostFoundException`).
const NETWORKERROR_FAILED: Playbook = Playbook {
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    steps: &[
        STEP_ASK_RECIPIENT_ADMIN,
        STEP_OWN_SIDE_IF_NOBODY,
        STEP_RESEND_ONCE,
    ],
    ..NETWORKERROR
};

/// A receiving system's fault in a final refusal: as [`NETWORKERROR_FAILED`], no wait first.
const SYSTEMERROR_FAILED: Playbook = Playbook {
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    steps: &[STEP_ASK_RECIPIENT_ADMIN, STEP_RESEND_ONCE],
    ..SYSTEMERROR
};

/// Exim's words when the recipient domain's MX records name hosts that do not exist or bare IP
/// addresses ("all relevant MX records point to non-existent hosts or (invalidly) to IP
/// addresses"; lowercase): the domain exists and its DNS is broken, which a typo never gives
/// (a misspelt domain has no MX at all).
const BROKEN_MX_WORDS: &[&str] = &[
    "mx records point to non-existent hosts",
    "mx records point to ip addresses",
    "(invalidly) to ip addresses",
];

/// The recipient domain's broken MX records: its administrator acts first (held-out n).
const HOSTUNKNOWN_BROKEN_MX: Playbook = Playbook {
    why: text! {
        ja: "相手のドメインのメールの設定（DNS の MX レコード）が、存在しないサーバーや IP アドレスを指しています。つづりの誤りではなく、受信側の設定の誤りです。",
        en: "The domain's mail records (MX in DNS) point to hosts that do not exist or to bare IP addresses: a setup error at the recipient's side, not a typo.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Sender],
    duration: DURATION_RECIPIENT_ADMIN,
    steps: &[
        Step::new(text! {
            ja: "電話などで受信者に伝え、ドメインの MX レコードを管理者に直してもらってください。",
            en: "Tell the recipient by phone or another way, for their administrator to fix the domain's MX records.",
        }),
        STEP_RESEND_ONCE,
    ],
    ..HOSTUNKNOWN
};

/// The playbook to render in place of `p` when the report says more than its reason:
/// a final failure (`given_up`) of a playbook written to wait first, or broken MX records in
/// `text` (the error, lowercase) for an unknown domain.
pub(crate) fn variant_for(p: &Playbook, given_up: bool, text: &str) -> Option<&'static Playbook> {
    match p.id {
        "generic-networkerror" if given_up => Some(&NETWORKERROR_FAILED),
        "generic-systemerror" if given_up => Some(&SYSTEMERROR_FAILED),
        "yahoo-deferred" if given_up => Some(&super::yahoo::DEFERRED_GAVE_UP),
        "gmail-deferred" if given_up => Some(&super::gmail::DEFERRED_GAVE_UP),
        "proofpoint-blocked" if given_up => Some(&super::proofpoint::BLOCKED_FOR_GOOD),
        "generic-suspend" if given_up => Some(&SUSPEND_FOR_GOOD),
        "generic-hostunknown" if BROKEN_MX_WORDS.iter().any(|w| text.contains(w)) => {
            Some(&HOSTUNKNOWN_BROKEN_MX)
        }
        _ => None,
    }
}

/// Words of a mail loop in a refusal (lowercase): Postfix's "too many hops", "Too many received
/// headers - possible mail loop", Exim's "Too many \"Received\" headers - suspected mail loop",
/// Exchange's "Hop count exceeded - possible mail loop".
const LOOP_WORDS: &[&str] = &[
    "mail loop",
    "too many hops",
    "too many received headers",
    "too many \"received\" headers",
    "hop count exceeded",
    // The recipient domain's MX leads back to the server itself: Postfix's "mail for example.com
    // loops back to myself", Exim's "lowest numbered MX record points to local host".
    "loops back to myself",
    "mx record points to local host",
];

/// The mail-loop playbook when the report's words (`text`, lowercase) say a loop, whatever
/// reason the core gave it. `party::by_wording` asks it.
pub(crate) fn by_loop(text: &str) -> Option<&'static Playbook> {
    LOOP_WORDS
        .iter()
        .any(|w| text.contains(w))
        .then_some(&MAIL_LOOP)
}

/// A refusal of the name the sending server or program gave in its greeting (HELO/EHLO). RFC
/// 5321 (4.1.1.1) has a client give its fully-qualified domain name there; Postfix's
/// `reject_non_fqdn_helo_hostname` and `reject_unknown_helo_hostname` refuse a name that is not
/// one ("Helo command rejected: need fully-qualified hostname", `<localhost>`) or that has no DNS
/// record ("Host not found"). The fix is that setting of the sending program or server, not a
/// blocklist (held-out l, MEDIUM-4: a webmail greeting its own server as `localhost`).
// Sources: https://datatracker.ietf.org/doc/html/rfc5321#section-4.1.1.1,
// https://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname
pub(crate) const HELO_REFUSED: Playbook = Playbook {
    id: "generic-helo-refused",
    party: None,
    title: text! { ja: "送信側の名乗り（HELO/EHLO）を拒否された", en: "The sending server's greeting name (HELO/EHLO) was refused" },
    verdict: text! {
        ja: "受信側のサーバーは、送信側のサーバーやプログラムが接続時に名乗った名前（HELO/EHLO）を受け付けませんでした。IP アドレスのブロックではありません。",
        en: "The receiving server refused the name your sending server or program gave when it connected (HELO/EHLO). This is not a block of your IP address.",
    },
    why: text! {
        ja: "送信側は「mail.example.com」のような完全なホスト名を名乗る決まりです。「localhost」やコンピューター名だけ、DNS にない名前は拒否されることがあります。",
        en: "A sender should give a full host name such as mail.example.com. \"localhost\", a bare computer name or a name missing from DNS is often refused.",
    },
    actors: &[Actor::SenderAdmin, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "送ったのがWeb メールやフォームなどのプログラムなら、その SMTP 設定で名乗る名前（HELO/EHLO のホスト名）を、DNS にある完全なホスト名にしてください。",
            en: "If a program sent it (a webmail, a web form, an app), set the name it gives (its HELO/EHLO host name) to a full host name that exists in DNS.",
        }),
        Step::new(text! {
            ja: "送信サーバーを自分で運用しているなら、その名乗る名前（Postfix では myhostname）を同じように直してください。",
            en: "If you run the sending server, fix the name it gives the same way (in Postfix, myhostname).",
        }),
        Step::new(text! {
            ja: "事業者や社内の管理者が運用しているなら、下の文面でこのエラーを伝えてください。",
            en: "If your hosting company or administrator runs it, send them the message below.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_RESEND_UNCHANGED],
    // A letter of its own: the generic one ("a setting on the sending side (the domain's DNS or
    // the mail server)") does not say which setting (review 8, M1).
    message: Some(Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "送信サーバーの名乗る名前（HELO/EHLO）が拒否されています（{code}）",
            en: "Our outgoing server's HELO/EHLO name is refused ({code})",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。{recipient} 宛てのメールが、次のエラーで拒否されました。送信側のサーバーやプログラムが接続時に名乗る名前（HELO/EHLO）が、完全なホスト名になっていないためのようです。

・エラー全文: {error_text}
・送信日時: {date}

名乗る名前を、DNS にある完全なホスト名（mail.example.com のような形。Postfix では myhostname）に設定していただけますでしょうか。

よろしくお願いいたします。",
            en: "Hello,

Mail to {recipient} was refused with the error below. It seems the name our sending server or program gives when it connects (HELO/EHLO) is not a full host name.

- Full error: {error_text}
- Sent at: {date}

Could you please set that name to a full host name that exists in DNS (such as mail.example.com; in Postfix, myhostname)?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 5321 4.1.1.1 節（HELO/EHLO）", en: "RFC 5321, section 4.1.1.1 (HELO/EHLO)" },
            url: Url::one("https://datatracker.ietf.org/doc/html/rfc5321#section-4.1.1.1"),
        },
        Source {
            title: text! { ja: "Postfix のマニュアル: reject_non_fqdn_helo_hostname", en: "Postfix manual: reject_non_fqdn_helo_hostname" },
            url: Url::one("https://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname"),
        },
    ],
    checked: "2026-11-26",
};

/// Words of a refused greeting name (lowercase): Postfix's "Helo command rejected: ..." (its
/// HELO restrictions), and the same refusal said of EHLO.
const HELO_WORDS: &[&str] = &["helo command rejected", "ehlo command rejected"];

/// The HELO playbook when the report's words (`text`, lowercase) say the greeting name was
/// refused, whatever reason the core gave it (often `blocked`). `party::by_wording` asks it.
pub(crate) fn by_helo(text: &str) -> Option<&'static Playbook> {
    HELO_WORDS
        .iter()
        .any(|w| text.contains(w))
        .then_some(&HELO_REFUSED)
}

/// The hosting company's outgoing filter refused the message before it left: MailChannels
/// Outbound Filtering, which hosting companies send their customers' mail through, says so in
/// its reply ("550 5.7.1 [CS] Message blocked. If this is a false positive, please report this
/// to your hosting service provider."; held-out v 39). Only the hosting company can report a
/// false positive or lift the block, so it is named first; the rest is `OWN_RELAY_REFUSED`'s.
// Source: https://docs.mailchannels.com/outbound/unblock-senders
pub(crate) const HOSTING_FILTER_REFUSED: Playbook = Playbook {
    id: "generic-hosting-filter-refused",
    title: text! { ja: "ホスティング事業者の送信フィルターが送信を断った", en: "Your hosting company's outgoing filter refused the message" },
    verdict: text! {
        ja: "ホスティング事業者がメールを送り出すときに通す送信フィルター {remote_host} が、メールを迷惑メールなどと判断して断りました。メールは送り出されておらず、受信側は何も拒否していません。エラー文も、誤判定ならホスティング事業者に知らせるよう書いています。",
        en: "The outgoing filter {remote_host}, which your hosting company passes its mail through, judged the message as spam or abuse and refused it before it left. The recipient's side refused nothing. The error itself says to tell your hosting company if this is a mistake.",
    },
    steps: &[
        OWN_RELAY_REFUSED.steps[0],
        Step::new(text! {
            ja: "下の文面をホスティング事業者に送ってください。フィルターは事業者との契約で動いており、誤判定を報告したり制限を解いたりできるのは事業者です。",
            en: "Send the message below to your hosting company: the filter works for it, and only it can report a mistaken block or lift a limit.",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        OWN_RELAY_REFUSED.steps[4],
        STEP_RESEND_ONCE,
    ],
    sources: &[Source {
        title: text! { ja: "MailChannels: 送信者のブロックの解除", en: "MailChannels: unblocking senders" },
        url: Url::one("https://docs.mailchannels.com/outbound/unblock-senders"),
    }],
    ..OWN_RELAY_REFUSED
};

/// The reply's own words that send the sender to its hosting company (lowercase).
const TO_THE_HOST: &[&str] = &["please report this to your hosting service provider"];

/// `HOSTING_FILTER_REFUSED` when the report's words (`text`, lowercase) say to report the block
/// to the hosting company, whatever reason the core gave it. `party::by_wording` asks it.
pub(crate) fn by_hosting_filter(text: &str) -> Option<&'static Playbook> {
    TO_THE_HOST
        .iter()
        .any(|w| text.contains(w))
        .then_some(&HOSTING_FILTER_REFUSED)
}

/// A sending service (an SMTP relay the sender has an account with) refused the IP address the
/// sender's program or server connects from, by a setting of that account: SMTP2GO's "550 that
/// IP address is not allowed to send" (an "IP Authentication" entry set to blocked) and "550 that
/// IP address on this account is not allowed to send" (an address outside the account's "IP
/// Allowlist"). No blocklist and no recipient is involved; the account's owner changes the
/// setting or logs in with the service's SMTP user instead (held-out z 16). Microsoft 365's own
/// form of this (5.7.64 TenantAttribution, a connector that no longer matches the on-premises
/// server's IP) keeps Microsoft's playbook (`microsoft-own-setting`).
// Sources: https://support.smtp2go.com/hc/en-gb/articles/360015283053 ("550 that SMTP
// username's account is not allowed to send ... also applies if you encounter: 550 that IP
// address is not allowed to send"), https://support.smtp2go.com/hc/en-gb/articles/20032331851417
// ("any IPs that are not listed will be blocked from sending ... '550 that IP address on this
// account is not allowed to send'").
pub(crate) const RELAY_ACCOUNT_IP_REFUSED: Playbook = Playbook {
    id: "generic-relay-account-ip",
    title: text! {
        ja: "送信サービスが、あなたのアカウントの設定によって、接続元の IP アドレスからの送信を断った",
        en: "Your sending service refused your IP address because of your account's settings",
    },
    verdict: text! {
        ja: "メールを中継する送信サービス（SMTP リレー）が、あなたのメールソフトやサーバーが接続してきた IP アドレスからの送信を、あなたのアカウントの設定に従って断りました。ブロックリストに載ったのではなく、受信側も何も断っていません。",
        en: "The sending service that relays your mail (an SMTP relay) refused to send from the IP address your mail program or server connected from, following a setting of your own account there. This is not a blocklist, and the recipient's side refused nothing.",
    },
    why: text! {
        ja: "送信サービスの多くは、アカウントから送ってよい IP アドレスを決めておけます（許可する IP アドレスの一覧や、ログインの代わりに IP アドレスで認証する設定）。一覧にない IP アドレス、または止められた IP アドレスから送ると断られます。回線やサーバーを変えて、外から見える IP アドレスが変わったときによく起こります。",
        en: "Most sending services let an account say which IP addresses may send through it (a list of allowed addresses, or authentication by IP address instead of a login). Mail from an address that is not on the list, or whose entry is blocked, is refused. It often happens after a change of connection or server gives you a different public IP address.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "送信サービスの管理画面にログインできるアカウント",
            en: "A login to your sending service's dashboard",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "送信に使っているネットワークやサーバーの、外から見える IP アドレスを調べてください。自宅や事務所の回線なら変わることがあり、サーバーならホスティング事業者の管理画面に出ています。",
            en: "Find the public IP address of the network or server you send from. A home or office connection may change it from time to time; for a server, your hosting company's control panel shows it.",
        }),
        Step::new(text! {
            ja: "送信サービスの管理画面で、送信を IP アドレスで制限する設定を開き、その IP アドレスを追加するか、状態が「許可」になっているか確かめてください。SMTP2GO なら「Settings > Sending Options」の「IP Allowlist」と、「Sending > IP Authentication」です。",
            en: "In your sending service's dashboard, open the setting that limits sending by IP address, and add that address or check that its status is allowed. At SMTP2GO these are \"IP Allowlist\" under \"Settings > Sending Options\", and \"Sending > IP Authentication\".",
        })
        .link(
            text! { ja: "SMTP2GO: IP アドレスで送信を制限する", en: "SMTP2GO: limit sending with an IP allowlist" },
            Url::one("https://support.smtp2go.com/hc/en-gb/articles/20032331851417"),
        ),
        Step::new(text! {
            ja: "IP アドレスが変わりやすいなら、IP アドレスでの認証をやめ、送信サービスで作った SMTP のユーザー名とパスワードでログイン（SMTP 認証）して送るよう、メールソフトやサーバーを設定してください。許可する IP アドレスの一覧をオンにしている場合は、ログインしても一覧にない IP アドレスからは送れません。",
            en: "If your address changes often, stop relying on authentication by IP address: set the program or server to log in (SMTP authentication) with an SMTP user name and password made in the sending service. If the list of allowed addresses is turned on, an address not on it still cannot send, even with a login.",
        }),
        Step::new(text! {
            ja: "設定が正しいのに断られる場合は、アカウントが閉じられているか、不審な送信のあとで送信サービスが IP アドレスやユーザーを止めていることがあります。送信サービスのサポートに問い合わせてください。",
            en: "If the settings look right and it is still refused, the account may be closed, or the service may have blocked the address or user after suspicious sending. Ask the sending service's support.",
        })
        .link(
            text! { ja: "SMTP2GO: 「not allowed to send」のエラー", en: "SMTP2GO: the \"not allowed to send\" errors" },
            Url::one("https://support.smtp2go.com/hc/en-gb/articles/360015283053"),
        ),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ブロックリストからの削除を申請しないでください。この拒否はあなたのアカウントの設定によるものです。",
            en: "Do not ask any blocklist for removal: this refusal comes from your own account's settings.",
        },
        DONT_ASK_RECIPIENT_OWN_SERVER,
    ],
    message: None,
    sources: &[Source {
        title: text! { ja: "SMTP2GO: 「550 that IP address is not allowed to send」", en: "SMTP2GO: \"550 that IP address is not allowed to send\"" },
        url: Url::one("https://support.smtp2go.com/hc/en-gb/articles/360015283053"),
    }],
    checked: "2026-11-27",
    ..OWN_RELAY_SETTING
};

/// The sending service's own words that refuse the client's IP address by the account's
/// settings (lowercase; `RELAY_ACCOUNT_IP_REFUSED`).
const RELAY_ACCOUNT_IP: &[&str] = &[
    "that ip address is not allowed to send",
    "that ip address on this account is not allowed to send",
];

/// `RELAY_ACCOUNT_IP_REFUSED` when the report's words (`text`, lowercase) are a sending service's
/// refusal of the client's IP address by the account's settings. `party::by_wording` asks it.
pub(crate) fn by_relay_account(text: &str) -> Option<&'static Playbook> {
    RELAY_ACCOUNT_IP
        .iter()
        .any(|w| text.contains(w))
        .then_some(&RELAY_ACCOUNT_IP_REFUSED)
}

/// The playbook of the sender's own hourly cap, from the report's words (`text`, lowercase),
/// whatever reason the core gave it: cPanel's Exim says "Domain example.com has exceeded the max
/// emails per hour (125/100 (125%)) allowed." and then either "Message will be reattempted
/// later" (kept) or "Message discarded." (dropped). `party::by_wording` asks it.
// Source: https://docs.cpanel.net/whm/scripts/the-build_maxemails_config-script
pub(crate) fn by_own_cap(text: &str) -> Option<&'static Playbook> {
    if !text.contains("has exceeded the max emails per hour") {
        return None;
    }
    Some(if text.contains("message discarded") {
        &SENDER_HOURLY_CAP_DISCARDED
    } else {
        &SENDER_HOURLY_CAP
    })
}

/// A delay notice (every recipient `Action: delayed`) whose last reply is a refusal that waiting
/// does not clear: a 5xx answer (RFC 5321 4.2.1: "permanent negative completion"), such as
/// Postfix's "refused to talk to me: 554 5.7.1 You are not allowed to connect". Postfix keeps
/// retrying a refused greeting (it tries the next server, then the whole list again later), so
/// the notice is only a warning, but the same refusal will most likely end in a failure. The
/// steps are the blocked advice's, sooner than a plain wait and less urgent than a final refusal.
// Source: RFC 5321 section 4.2.1; RFC 3464 section 2.3.3 ("delayed").
pub(crate) const DELAYED_REFUSED: Playbook = Playbook {
    id: "generic-delayed-refused",
    party: None,
    title: text! { ja: "配送の遅れ: ただし受信側のサーバーが拒否している", en: "Delayed, but the receiving server refuses your mail" },
    verdict: text! {
        ja: "これは警告で、送信側のサーバーはまだ再送を続けていますが、受信側のサーバー {remote_host} の最後の返答は、待っても解消しない拒否（{smtp_code}）でした。このままでは届かず、あとで「配送できなかった」という通知が届く可能性が高いです。",
        en: "This is a warning and your server is still retrying, but the last answer of the receiving server {remote_host} was a refusal that waiting does not clear ({smtp_code}). The message will most likely not get through, and a final failure notice will probably follow.",
    },
    why: text! {
        ja: "5 で始まる返答は「あとで」ではなく拒否です。接続そのものを断られる場合は、多くは受信側が送信元 IP アドレスをブロックしています（ブロックリストや受信側のフィルター）。このような拒否でも再送を続けるサーバーがあるため、通知は警告になっています。",
        en: "A reply starting with 5 is a refusal, not \"try later\". When the connection itself is refused, the receiving side usually blocks your sending IP address (a blocklist or its own filter). Some servers keep retrying such a refusal anyway, which is why this is only a warning.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "ブロックした側により数時間から数日", en: "Hours to days, depending on who blocks the address" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_ERROR_NAMES_LIST,
        STEP_THIS_PAGE_CHECK,
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "共用サーバーから送っている場合は、下の文面をホスティング事業者に送ってください。受信側が送信サーバーのアドレスを拒否している理由を調べ、解除の申請や別のサーバーへの切り替えができるのはホスティング事業者です。",
            en: "If you send through a shared server, send the message below to your hosting company: it can find out why the receiving side refuses the server's address, request removal, or move your mail to another server.",
        }),
        Step::new(text! {
            ja: "急ぎの用件なら、電話や別の連絡手段で相手に、メールが拒否されていることを伝え、相手の管理者にあなたのメールを受け取れるようにしてもらえるか聞いてください。",
            en: "If it is urgent, tell the recipient another way (phone, another address) that your mail is refused, and ask whether their administrator can let it in.",
        }),
        Step::new(text! {
            ja: "あとで最終的な失敗の通知が届いたら、原因が解消してから一度だけ送り直してください。",
            en: "If a final failure notice follows, send the message again, once, after the cause is fixed.",
        }),
    ],
    donts: &[DONT_RESEND, DONT_DELIST_FIRST, DONT_PAY],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    facts: &[("list_name", "{zone}")],
    sources: &[SRC_RFC5321, SRC_RFC3463],
    checked: "2026-11-26",
};

/// A blocklist refusal that names a private (RFC 1918) or loopback address as the blocked
/// client: "Client host [192.168.1.20] blocked using zen.spamhaus.org". Such an address is only
/// meaningful inside one network, so no public list can hold it (RFC 1918 section 3: "routing
/// information about private networks shall not be propagated" outside the enterprise); the
/// receiving side checked its own internal hop (a server behind a proxy, a load balancer or a
/// filter, or an internal `Received` line read too deep) instead of the address that connected
/// from outside, or its resolver gets wrong answers from the list. Its administrator fixes it;
/// the sender and the hosting company have nothing to delist. Chosen in `select.rs` over any
/// listing playbook when the refusal names a list and the blocked address is private.
// Source: RFC 1918 section 3, https://datatracker.ietf.org/doc/html/rfc1918
pub(crate) const LISTED_PRIVATE_IP: Playbook = Playbook {
    id: "generic-listed-private-ip",
    party: None,
    title: text! {
        ja: "受信側が、自分の社内用アドレスをブロックリストで調べて拒否した",
        en: "The receiving side checked an internal address against a blocklist",
    },
    verdict: text! {
        ja: "受信側のサーバーは、ブロックリストに載っているとしてアドレスを拒否しましたが、そのアドレスは社内ネットワーク用のもので、公開のブロックリストに載ることはありません。受信側の設定の誤りで、受信側の管理者が直す必要があります。",
        en: "The receiving server refused the mail for a blocklist listing, but the address it names is a private (internal network) one, which no public blocklist can list. The receiving side's setup is wrong, and its administrator needs to fix it.",
    },
    why: text! {
        ja: "社内用のアドレスはそのネットワークの中でしか意味を持たないため、公開のリストが載せることはありません。受信側が、外から接続してきたアドレスではなく、自分の社内の中継サーバー（プロキシやロードバランサー、フィルターの後ろ）のアドレスを調べたか、ブロックリストへの問い合わせが正しい答えを返していないと考えられます。あなたの送信サーバーのアドレスが掲載されているという意味ではありません。",
        en: "A private address only means something inside one network, so no public list holds it. The receiving side most likely checked its own internal hop (a server behind a proxy, a load balancer or a filter) instead of the address that connected from outside, or its blocklist queries get wrong answers. It does not mean your sending server's address is listed.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_ADMIN,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。エラー全文を見れば、管理者には社内用のアドレスを拒否したことが分かります。",
            en: "Contact the recipient and ask them to pass the message below to their administrator: the full error shows them that their server refused an internal address.",
        }),
        Step::new(text! {
            ja: "管理者が直すのは、ブロックリストで調べるアドレスを外から接続してきたアドレスにすること（社内の中継サーバーのアドレスや、社内の Received 行を調べないこと）と、ブロックリストへの問い合わせに使う DNS が正しい答えを受け取れているかの確認です。",
            en: "What the administrator fixes: the blocklist check must look at the address that connected from outside (not an internal hop or an internal Received line), and the DNS resolver it asks must get real answers from the list.",
        }),
        Step::new(text! {
            ja: "急ぐ場合は、直るまでの間、別の方法（別のアドレスや電話など）で用件を伝えてください。",
            en: "If it is urgent, get the content to the recipient another way (another address, a phone call) until it is fixed.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ホスティング事業者に解除を頼んだり、ブロックリストに解除を申請したりしないでください。社内用のアドレスは掲載されようがなく、解除するものがありません。",
            en: "Do not ask your hosting company for a removal, and do not file one with the list: a private address cannot be listed, so there is nothing to remove.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "{recipient} 様宛てのメールが、社内用アドレスのブロックリスト判定で拒否されています",
            en: "Mail to {recipient} is refused because your server checks an internal address against a blocklist",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、次のエラーで返ってきてしまい、届いておりません。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

エラーでは社内ネットワーク用のアドレスがブロックリストに載っているとされていますが、このようなアドレスが公開のブロックリストに載ることはありません。お手数ですが、ブロックリストの判定が外から接続してきたアドレスではなく社内の中継サーバーのアドレスを調べていないか、またブロックリストへの DNS の問い合わせが正しい答えを受け取れているかをご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} came back with the error below and was not delivered.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

The error says a private (internal network) address is on a blocklist, but no public blocklist can list such an address. Could you please check whether your blocklist check looks at an internal hop (behind a proxy, a load balancer or a filter) instead of the address that connected from outside, and whether its DNS queries to the list get real answers? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[SRC_RFC1918, SRC_RFC5321],
    checked: "2026-11-26",
};

/// The refusal names a list of IP addresses (its zone), and the page's (or the CLI's) own
/// lookup of that list answered "not listed" cleanly (never a list that could not be checked).
/// Either the listing ended since the refusal, or the receiving server's own lookup of the list
/// was wrong: Spamhaus answers queries that come through public resolvers with an error code
/// (127.255.255.254, "open resolver") that a careless server reads as a listing. Sending again
/// tells which; a second refusal while the list still answers "not listed" is for the
/// recipient's administrator. SpamCop keeps its own "expired" playbook. Chosen in `select.rs`
/// (`named_list_clear`), review h199, own j08.
// Sources: RFC 5782 section 2.1 (a list answers an A record for a listed address, and none for
// one it does not list); Spamhaus, "Using our public mirrors? Check your return codes now"
// ("127.255.255.254 ... Query via public/open resolver", an error code, not a listing).
pub(crate) const NAMED_LIST_CLEAR: Playbook = Playbook {
    id: crate::NAMED_LIST_CLEAR_ID,
    party: None,
    title: text! {
        ja: "エラーに書かれたブロックリストは、今はこのアドレスを載せていない",
        en: "The blocklist named in the error does not list the address now",
    },
    verdict: text! {
        ja: "受信側は、送信元 IP アドレス {ip} がブロックリスト {zone} に載っているとして受け取りを断りました。ただし、ブロックリストの確認では、{zone} は今このアドレスを載せていません。",
        en: "The receiving side refused the mail saying your sending IP address {ip} is on the blocklist {zone}, but the blocklist check finds that {zone} does not list the address now.",
    },
    why: text! {
        ja: "断られた後に掲載が消えたか（原因が止まった、解除された、期限が切れた）、受信側のサーバーがブロックリストへの問い合わせを誤って読んだかのどちらかです。たとえば Spamhaus は、公開の DNS リゾルバー（Google や Cloudflare など）経由の問い合わせにはエラーを意味する応答（127.255.255.254、「open resolver」）を返し、それを掲載と取り違えたサーバーは、載っていないアドレスからのメールも断ります。",
        en: "Either the listing ended after the refusal (the cause stopped, it was removed, or it expired), or the receiving server misread its own query to the list. Spamhaus, for one, answers queries that come through a public DNS resolver (such as Google's or Cloudflare's) with an error code (127.255.255.254, \"open resolver\"), and a server that takes that error for a listing refuses mail from addresses that are not listed.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "送り直すだけならすぐ。受信側の設定が原因なら、その管理者の対応しだい",
        en: "Right away if sending again works; otherwise it depends on the recipient's administrator",
    },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "同じ宛先に、一度だけ送り直してください。",
            en: "Send the message again, once, to the same recipient.",
        }),
        Step::new(text! {
            ja: "また {zone} の名前で断られ、ブロックリストの確認ではやはり載っていない場合は、受信側の問い合わせに問題があると考えられます。受信者に電話や別のアドレスで連絡し、下の文面を受信側のメール管理者に渡してもらってください。",
            en: "If it is refused again naming {zone} while the blocklist check still finds the address not listed, the receiving side's lookup is the likely fault: contact the recipient by phone or another address and ask them to pass the message below to their mail administrator.",
        }),
    ],
    donts: &[
        text! {
            ja: "ブロックリストやホスティング事業者に解除を申請しないでください。今は載っていないので、解除するものがありません。",
            en: "Do not ask the list or your hosting company for a removal: the address is not listed now, so there is nothing to remove.",
        },
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "{recipient} 様宛てのメールが、載っていないブロックリスト（{zone}）を理由に拒否されています",
            en: "Mail to {recipient} is refused for a listing on {zone} that the list does not show",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、次のエラーで返ってきてしまい、届いておりません。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

エラーでは送信元の IP アドレス {ip} が {zone} に載っているとされていますが、{zone} に問い合わせたところ、このアドレスは載っていませんでした。お手数ですが、貴社サーバーのブロックリストへの問い合わせが正しい答えを受け取れているか（公開 DNS リゾルバー経由の問い合わせに返るエラーの応答、たとえば Spamhaus の 127.255.255.254 を、掲載として扱っていないか）をご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} came back with the error below and was not delivered.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

The error says the sending IP address {ip} is on {zone}, but {zone} does not list that address when I ask it. Could you please check whether your server's queries to the list get real answers, and whether it treats an error answer as a listing (such as Spamhaus's 127.255.255.254, which it returns to queries made through a public DNS resolver)? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! {
                ja: "RFC 5782（DNS ブロックリストの仕組み）",
                en: "RFC 5782 (DNS blacklists and whitelists)",
            },
            url: Url::one("https://datatracker.ietf.org/doc/html/rfc5782"),
        },
        Source {
            title: text! {
                ja: "Spamhaus: 公開ミラーの利用者は応答コードの確認を（英語）",
                en: "Spamhaus: using our public mirrors? Check your return codes now",
            },
            url: Url::one("https://www.spamhaus.org/news/article/807/using-our-public-mirrors-check-your-return-codes-now"),
        },
    ],
    checked: "2026-11-27",
};

/// The sender's own provider's outgoing server refused the message when it was handed over for
/// sending: the hand-over went to a submission port (587, RFC 6409; or 465, RFC 8314) of a relay
/// the sender's server or program uses, as Postfix shows it ("delivery via
/// smtp.example.net[192.0.2.1]:587: host ... said: 554 Reject due to policy restrictions").
/// The receiving side never saw the message. Picked in `select.rs` for a refusal of the sender
/// (blocked, spam, policy, ...) that no party's playbook explains.
pub(crate) const OWN_RELAY_REFUSED: Playbook = Playbook {
    id: "generic-own-relay-refused",
    party: None,
    title: text! { ja: "あなたのメール事業者の送信サーバーが送信を断った", en: "Your own provider's outgoing server refused the message" },
    verdict: text! {
        ja: "あなたのメールを送り出すために使っている、メール事業者の送信サーバー {remote_host} が、送信の受け付け（サブミッション）の段階でメールを断りました。メールはまだ送り出されておらず、受信側は何も拒否していません。",
        en: "Your provider's outgoing server {remote_host}, which your mail is handed to for sending (the submission port), refused the message before it left. The recipient's side refused nothing.",
    },
    why: text! {
        ja: "メール事業者の送信フィルターが、内容（リンクや添付ファイル）、一度に多い宛先、いつもと違う送信量などから、迷惑メールや規約違反と判断したか、アカウントの送信を制限しています。パスワードが盗まれて悪用された後に制限されることもよくあります。",
        en: "The provider's outgoing filter judged the message as spam or against its rules (its links or attachments, many recipients at once, an unusual volume), or it has limited sending from your account, which often follows a stolen password.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "事業者の確認により数時間から数日", en: "Hours to days, depending on the provider's check" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Time),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "エラー文に説明のページのアドレスが書かれていれば、開いて理由を確認してください。",
            en: "If the error gives the address of a page that explains the refusal, open it to see the reason.",
        }),
        Step::new(text! {
            ja: "下の文面を、送信サーバー {remote_host} を運用しているメール事業者（ホスティング事業者やプロバイダー）に送ってください。どの規則で断られたかを確かめ、アカウントの制限を解除できるのは事業者だけです。",
            en: "Send the message below to the provider that runs your outgoing server {remote_host} (your hosting company or ISP): only it can tell which of its rules refused the message, and lift a limit on your account.",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_CHECK_PC,
        Step::new(text! {
            ja: "メールの内容も見直してください。短縮 URL、プログラムやマクロ付きの添付ファイルを外し、多くの宛先に送る場合は少人数ずつに分けて送ってください。",
            en: "Look at the message itself: remove shortened links and attachments that are programs or contain macros, and send to many recipients in smaller groups.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        DONT_ASK_RECIPIENT_OWN_SERVER,
        DONT_RESEND_UNCHANGED,
        DONT_WORKAROUND,
    ],
    message: Some(crate::model::Message {
        to: To::HostingProvider,
        address: None,
        subject: text! {
            ja: "送信サーバーでメールの送信を断られました（{code}）",
            en: "Your outgoing server refuses my mail ({code})",
        },
        body: text! {
            ja: "ご担当者様

いつもお世話になっております。貴社の送信サーバーでメールを送ろうとしたところ、送り出される前に次のエラーで断られました。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

お手数ですが、どの規則により断られたのか、また私のアカウントの送信が制限されたり悪用されたりしていないかをご確認のうえ、送れるようにするために何を変えればよいかを教えていただけますでしょうか。

よろしくお願いいたします。",
            en: "Hello,

I tried to send mail through your outgoing server, and it refused the message with the error below before it left your service.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

Could you please tell me which rule refused it, check whether my account is limited or has been misused, and tell me what I should change so that my mail goes out?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 6409（メールの送信の受け付け: サブミッション）", en: "RFC 6409 (message submission for mail)" },
            url: Url::one(RFC6409),
        },
        SRC_RFC5321,
    ],
    checked: "2026-11-26",
};

pub(crate) const DONT_ASK_RECIPIENT_OWN_SERVER: Text = text! {
    ja: "受信者や相手のメール管理者に許可を頼まないでください。メールは、あなたの側の送信サーバーで止められ、相手には届いていません。",
    en: "Do not ask the recipient or their administrator to allow your mail: it was stopped at your own provider's server and never reached them.",
};

/// Gmail's "Send mail as" through another provider's SMTP server: Gmail logs in to the server
/// the user entered and hands the message over, and that server refused it ("rejected by the
/// relay <host>": the core's note `refused_at_submission`, detail `gmail_send_as`). The fix is
/// the server, port and login entered in Gmail's settings (review 9, M4).
// Sources: https://support.google.com/mail/answer/22370 (add an address, "Use your other email
// provider's SMTP servers"), https://support.google.com/mail/answer/1074635 (port and
// authentication for sending as another address).
pub(crate) const OWN_RELAY_GMAIL_SEND_AS: Playbook = Playbook {
    id: "generic-own-relay-gmail-send-as",
    title: text! { ja: "Gmail の別アドレス送信で、あなたの送信サーバーが断った", en: "Gmail \"Send mail as\": your own outgoing server refused the message" },
    verdict: text! {
        ja: "Gmail は「他のアドレスから送信」に設定された送信サーバー {remote_host} にメールを渡し、そのサーバーが断りました。受信側は何も拒否していません。",
        en: "Gmail handed the message to the outgoing server {remote_host} set up for \"Send mail as\", and that server refused it. The recipient's side refused nothing.",
    },
    why: text! {
        ja: "この送り方では、Gmail は設定された SMTP サーバーにログインして送ります。サーバー名、ポート、ユーザー名、パスワードが古いか、そのアカウントで使えない差出人だと断られます。",
        en: "Gmail logs in to the SMTP server you entered and sends through it: an old server name, port, user name or password, or a sender address that account may not use, gets the message refused.",
    },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::SenderAddress),
        Prepare::Other(text! {
            ja: "そのアドレスのメール事業者（レンタルサーバーなど）が案内する送信サーバーの設定",
            en: "The outgoing server settings the address's mail provider (your hosting company) gives",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "Gmail の「設定」→「すべての設定を表示」→「アカウントとインポート」の「名前」で、そのアドレスの「情報を編集」を開きます。",
            en: "In Gmail, open Settings → See all settings → Accounts and Import, and under \"Send mail as\" click \"edit info\" for that address.",
        })
        .link(
            text! { ja: "Gmail ヘルプ: 別のアドレスから送信する", en: "Gmail Help: send from a different address" },
            SEND_AS_HELP,
        ),
        Step::new(text! {
            ja: "SMTP サーバー、ポート、ユーザー名、パスワードを、メール事業者が案内する値にして保存します。",
            en: "Set the SMTP server, port, user name and password to the values your mail provider gives, and save.",
        })
        .link(
            text! { ja: "Gmail ヘルプ: ポートと認証方式", en: "Gmail Help: port and authentication" },
            SEND_AS_PORTS,
        ),
        OWN_RELAY_SETTING.steps[3],
        STEP_RESEND_ONCE,
    ],
    sources: &[
        Source {
            title: text! { ja: "Gmail ヘルプ: 別のアドレスから送信する", en: "Gmail Help: send from a different address" },
            url: SEND_AS_HELP,
        },
        Source {
            title: text! { ja: "Gmail ヘルプ: ポートと認証方式", en: "Gmail Help: port and authentication" },
            url: SEND_AS_PORTS,
        },
    ],
    checked: "2026-11-26",
    ..OWN_RELAY_SETTING
};

const SEND_AS_HELP: Url = Url::pair(
    "https://support.google.com/mail/answer/22370?hl=en",
    "https://support.google.com/mail/answer/22370?hl=ja",
);
const SEND_AS_PORTS: Url = Url::pair(
    "https://support.google.com/mail/answer/1074635?hl=en",
    "https://support.google.com/mail/answer/1074635?hl=ja",
);

/// The sender's own outgoing server refused the login itself: RFC 4954 section 6, "535 5.7.8
/// Authentication credentials invalid" (Gmail: "535 5.7.8 Username and Password not accepted",
/// held-out v 12 through Python's smtplib). Only the account's owner knows the password, so the
/// sender acts first; Google asks programs for an app password, which needs 2-Step Verification.
// Sources: RFC 4954 section 6 (https://datatracker.ietf.org/doc/html/rfc4954), Google's "Sign in
// with app passwords" (https://support.google.com/accounts/answer/185833: "To create an app
// password, you need 2-Step Verification on your Google Account"; a work or school account may
// not offer one), Gmail's own link in that reply (https://support.google.com/mail/?p=BadCredentials).
pub(crate) const SUBMISSION_LOGIN_REFUSED: Playbook = Playbook {
    id: "generic-submission-login-refused",
    title: text! { ja: "送信サーバーがログイン（ユーザー名とパスワード）を受け付けなかった", en: "Your outgoing server did not accept the login (user name and password)" },
    verdict: text! {
        ja: "あなたの側の送信サーバー {remote_host} が、ユーザー名とパスワードによるログインを断りました。メールは送り出されておらず、受信側は何も断っていません。",
        en: "Your own outgoing server {remote_host} refused the login (user name and password), so the message was not sent. The recipient's side refused nothing.",
    },
    why: text! {
        ja: "ユーザー名かパスワードが違うとき、パスワードを変えたのにプログラムの設定が古いままのとき、またはサービスがふだんのパスワードでのログインを認めていないときに起こります。Google（Gmail、Google Workspace）は、メールソフトやスクリプトからのログインに、ふだんのパスワードではなくアプリ パスワードを求めます。",
        en: "It happens when the user name or password is wrong, when the password was changed but the program still has the old one, or when the service does not take the account's usual password for this kind of login. Google (Gmail, Google Workspace) asks mail programs and scripts for an app password instead of the usual one.",
    },
    // Only the account's owner knows its password.
    actors: &[Actor::Sender, Actor::SenderAdmin],
    steps: &[
        Step::new(text! {
            ja: "プログラムの送信サーバー（SMTP）の設定で、ユーザー名がメールアドレス全体（name@example.com の形）か、パスワードの前後に余分な空白や引用符、かっこが付いていないかを確かめてください。",
            en: "In the program's outgoing server (SMTP) settings, check that the user name is the whole address (like name@example.com) and that the password has no extra spaces, quotes or brackets around it.",
        }),
        Step::new(text! {
            ja: "Google のアカウント（Gmail、Google Workspace）なら、2 段階認証プロセスをオンにしてからアプリ パスワード（16 文字）を作り、ふだんのパスワードの代わりにプログラムに入れてください。会社や学校のアカウントでは、管理者がアプリ パスワードを使えなくしていることがあります。",
            en: "For a Google account (Gmail, Google Workspace): turn on 2-Step Verification, then create an app password (16 characters) and put it into the program instead of the usual password. A work or school account may not offer app passwords; its administrator decides.",
        })
        .link(
            text! { ja: "Google: アプリ パスワードでログインする", en: "Google: sign in with app passwords" },
            google_help_page!("accounts/answer/185833"),
        ),
        Step::new(text! {
            ja: "ほかのサービスのアカウントなら、同じユーザー名とパスワードでそのサービスのウェブメールにログインできるか試してください。できなければパスワードを再設定し、新しいパスワードをプログラムにも入れてください。サービスによっては、メールソフトからの送信（SMTP）をアカウントの設定でオンにする必要があります。",
            en: "For another service: try signing in to its webmail with the same user name and password. If that fails, reset the password and put the new one into the program too. Some services also need sending from mail programs (SMTP) turned on in the account's settings.",
        }),
        Step::new(text! {
            ja: "それでも断られる場合は、下の文面を送信サーバー {remote_host} の管理者（社内の管理者やホスティング事業者）に送ってください。ログインを断った理由はサーバーの記録で分かります。",
            en: "If it is still refused, send the message below to whoever runs your outgoing server {remote_host} (your administrator or hosting company): its logs show why the login was refused.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ログインを何度も続けて試さないでください。失敗が続くと、アカウントがしばらくロックされることがあります。",
            en: "Do not try the login again and again: many failed logins in a row can lock the account for a while.",
        },
        DONT_ASK_RECIPIENT_OWN_SERVER,
    ],
    sources: &[
        Source {
            title: text! { ja: "RFC 4954（SMTP 認証）", en: "RFC 4954 (SMTP authentication)" },
            url: Url::one(RFC4954),
        },
        Source {
            title: text! { ja: "Google: アプリ パスワードでログインする", en: "Google: sign in with app passwords" },
            url: google_help_page!("accounts/answer/185833"),
        },
    ],
    checked: "2026-11-27",
    ..OWN_RELAY_SETTING
};

/// The sender's own outgoing server refused the message at submission (a submission port, or a
/// mail program's own send error) for a reason that is not a judgement of the message: the
/// sender address was refused, a login was asked for, or the refusal says nothing clear. Such a
/// refusal is most often a setting of the program or the app: no login (RFC 4954), or a sender
/// or bounce address the account may not use or that does not exist (RFC 6409 lets the
/// submission server check both). Spam filters, stolen passwords and virus scans do not fit it
/// (held-out j, A-1: "Sender verify failed" for an app's bounce address at an internal host name,
/// "Relaying disallowed" from an app without a login). Picked in `select.rs` instead of
/// `OWN_RELAY_REFUSED` for those reasons.
pub(crate) const OWN_RELAY_SETTING: Playbook = Playbook {
    id: "generic-own-relay-setting",
    party: None,
    title: text! { ja: "送信サーバーが送信を断った（送信の設定を確認）", en: "Your own outgoing server refused the message (check the sending settings)" },
    verdict: text! {
        ja: "あなたの側の送信サーバー {remote_host} が、メールを受け取る段階で断りました。メールは送り出されておらず、受信側は何も拒否していません。",
        en: "Your own outgoing server {remote_host} refused the message when it was handed over, before it left. The recipient's side refused nothing.",
    },
    why: text! {
        ja: "送信サーバーは、ログインしたアカウントのメールだけを、そのアカウントが使えて実在する差出人アドレスで送ります。アプリ（顧客管理、問い合わせ管理、フォームなど）は、ログインの設定がないか、サーバー名や社内用の名前の付いた独自の返送先アドレスを使って、断られることがよくあります。",
        en: "Outgoing servers send only for an account that logged in, and only from sender addresses that account may use and that exist. Apps that send for you (a CRM, a ticket system, a web form) are often refused for a missing login, or for a bounce address of their own at a server name or an internal name.",
    },
    // Whoever set up the program or the app changes its settings: often an administrator.
    // A mail program a person uses is that person's own (`render::sender_first`).
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::SenderAddress),
        Prepare::Other(text! {
            ja: "メールソフトやアプリの送信サーバー（SMTP）の設定",
            en: "The outgoing server (SMTP) settings of your mail program or app",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "エラー文を読んでください。断られたもの（差出人のアドレス、ログイン、中継）が書かれていることがよくあります。",
            en: "Read the error: it often says what was refused (the sender address, a login, relaying).",
        }),
        Step::new(text! {
            ja: "メールソフトやアプリの送信サーバーの設定で、ログイン（SMTP 認証）を有効にし、アカウントのユーザー名とパスワード、事業者が指定するポートと暗号化を設定してください。",
            en: "In the outgoing server settings of your program or app, turn on login (SMTP authentication) with the account's user name and password, and use the port and encryption your provider gives.",
        }),
        Step::new(text! {
            ja: "ログインするアカウントで使えるアドレスを差出人にしてください。断られたアドレス {refused_sender} がそのアカウントで使えないか実在しないなら、変えてください。アプリ独自の返送先（bounce）アドレスも、あなたの実際のドメインのものにします。",
            en: "Send from an address the account you log in with may use. If the refused address {refused_sender} is not one of them, or does not exist, change it: an app's own bounce or return address must also be at your real domain.",
        }),
        Step::new(text! {
            ja: "それでも分からなければ、下の文面を送信サーバー {remote_host} の管理者（ホスティング事業者や社内の管理者）に送ってください。どの設定で断ったかはサーバーの記録で分かります。",
            en: "If that does not explain it, send the message below to whoever runs your outgoing server {remote_host} (your hosting company or administrator): its logs show what was refused.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[DONT_ASK_RECIPIENT_OWN_SERVER, DONT_RESEND_UNCHANGED],
    // To whoever the actors and step 4 name: often the administrator who set up the app.
    message: Some(crate::model::Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "送信サーバーでメールの送信を断られました（{code}）",
            en: "Your outgoing server refuses my mail ({code})",
        },
        body: text! {
            ja: "ご担当者様

いつもお世話になっております。貴社の送信サーバーでメールを送ろうとしたところ、送り出される前に次のエラーで断られました。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

お手数ですが、何が断られたのか（ログイン、差出人のアドレス、返送先のアドレスなど）と、何を変えればよいかを教えていただけますでしょうか。

よろしくお願いいたします。",
            en: "Hello,

I tried to send mail through your outgoing server, and it refused the message with the error below before it left your service.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

Could you please tell me what it refused (the login, the sender address, the return address) and what I should change?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 6409（メールの送信の受け付け: サブミッション）", en: "RFC 6409 (message submission for mail)" },
            url: Url::one(RFC6409),
        },
        Source {
            title: text! { ja: "RFC 4954（SMTP 認証）", en: "RFC 4954 (SMTP authentication)" },
            url: Url::one(RFC4954),
        },
    ],
    checked: "2026-11-26",
};

/// A receiving server's own log of a client it refused ("postfix/smtpd ... NOQUEUE: reject: RCPT
/// from mail.example[192.0.2.1]: 554 5.7.1 ... blocked using ..."), which the core marks with the
/// note `inbound_refusal_log` (detail: the refused client). Whoever pastes it usually runs that
/// server: nothing of theirs bounced, and the listed or refused address is the other side's, so
/// the advice for a sender (delist "your" IP, write to "your" hosting company) does not fit
/// (held-out j, A-2; held-out i, MEDIUM-5). Picked in `select.rs` for the note.
// Source: Postfix access(5) (client, sender and recipient restrictions and their allow-list
// overrides), https://www.postfix.org/access.5.html; RFC 5321 §4.2.2 (a 5yz reply refuses).
pub(crate) const INBOUND_REFUSAL: Playbook = Playbook {
    id: "generic-inbound-refusal",
    party: None,
    title: text! { ja: "受信サーバーが、ほかのサーバーからのメールを断った記録", en: "A receiving server's log: it refused another server's mail" },
    verdict: text! {
        ja: "これは受信側のサーバーの記録で、{refused_client} が届けようとしたメールを断ったことを示しています。これがあなたのサーバーの記録なら、断られたのは相手のアドレスで、あなたのメールが返ってきたのではありません。",
        en: "This is a receiving server's log: it refused mail that {refused_client} tried to deliver to it. If the server is yours, none of your mail bounced, and the refused address is the other side's.",
    },
    why: text! {
        ja: "受信サーバーは、相手がサーバーのルールに合わないと断ります。問い合わせているブロックリストへの掲載、逆引き（PTR）がない、SPF の失敗、受け付けない差出人などです。どのルールかは、記録の「reject」の後（Postfix なら「reject:」、ほかの製品なら「rule=」など）に書かれています。",
        en: "A receiving server turns a client away when it breaks one of the server's rules: a listing on a blocklist the server asks, no reverse DNS (PTR), a failed SPF check, a sender it does not accept. The log names the rule after \"reject\" (\"reject:\" in Postfix, a field such as \"rule=\" in other products).",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: &[Prepare::Fact(Fact::ErrorText)],
    steps: &[
        Step::new(text! {
            ja: "記録の「reject」の後（「reject:」や「rule=」）を読み、どのルールで断ったかを確かめてください。",
            en: "Read what follows \"reject\" in the log (\"reject:\", or a field such as \"rule=\") to see which rule refused the client.",
        }),
        Step::new(text! {
            ja: "迷惑メールや知らない相手なら、サーバーは正しく働いています。何もする必要はありません。",
            en: "If the mail was unwanted (spam, an unknown sender), your server did its job: there is nothing to do.",
        }),
        Step::new(text! {
            ja: "受け取りたい相手なら、記録の内容（掲載、PTR、SPF など）を相手に伝えてください。直せるのは相手だけです。急ぐ場合は、サーバーの設定で相手を許可リストに入れられます。",
            en: "If you want mail from that sender, tell them what the log says (a listing, PTR, SPF): only they can fix it. Meanwhile you can allow them in your server's settings (an allow list checked before the rule).",
        })
        .link(text! { ja: "Postfix マニュアル: access", en: "Postfix manual: access" }, Url::one(POSTFIX_ACCESS)),
        Step::new(text! {
            ja: "あなたのメールについて、相手の管理者からこの記録が届いたのなら、断られたのはあなたのサーバーです。記録にある原因（掲載、PTR、SPF など）を直してください。",
            en: "If another organisation sent you this log about mail you sent, the refused client is your server: fix what the log names (a listing, PTR, SPF).",
        }),
    ],
    donts: &[text! {
        ja: "自分のサーバーの記録なら、断られたアドレスの解除をブロックリストに申請したり、ホスティング事業者に頼んだりしないでください。そのアドレスは相手のものです。",
        en: "If the log is your server's, do not ask a blocklist or your hosting company to remove the refused address: it is the other side's.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Postfix マニュアル: access", en: "Postfix manual: access" },
            url: Url::one(POSTFIX_ACCESS),
        },
        SRC_RFC5321,
    ],
    checked: "2026-11-26",
};

/// A full mailbox in the log of the server that holds it: the core's note `inbound_refusal_log`,
/// also set (detail `final_delivery`) for a Postfix final-delivery agent's own line
/// ("postfix/lmtp[...]: ... status=bounced (host ...[/var/run/dovecot/lmtp] said: 552 5.2.2 ...
/// Quota exceeded"). Whoever reads that log runs
/// the mailbox, so "tell the recipient by phone" misses them (held-out n, LOW-A5).
// Sources: RFC 3463 (X.2.2: mailbox full), RFC 5321 §4.2.2 (552: storage allocation exceeded).
pub(crate) const MAILBOXFULL_OWN_SERVER: Playbook = Playbook {
    id: "generic-mailboxfull-own-server",
    party: None,
    title: text! { ja: "このサーバーのメールボックスが満杯", en: "A mailbox on this server is full" },
    verdict: text! {
        ja: "これはメールボックスを持つサーバーの記録です。{recipient} が容量の上限に達しているため、サーバーはメールを断り、送信者に返しました。",
        en: "This is the log of the server that holds the mailbox: {recipient} is over its quota, so the server refused the message and returned it to its sender.",
    },
    why: text! {
        ja: "古いメールがたまっているか、使われなくなったアドレスにメールが届き続けています。",
        en: "Old mail has piled up, or the address is no longer used and mail keeps arriving.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "容量を空ければすぐ", en: "Right away once there is room" },
    prepare: &[Prepare::Fact(Fact::Recipient)],
    steps: &[
        Step::new(text! {
            ja: "利用者に古いメールの削除を頼むか、サーバーの設定でこのメールボックスの容量の上限を上げてください。",
            en: "Ask the mailbox's user to delete old mail, or raise this mailbox's quota in the server's settings.",
        }),
        Step::new(text! {
            ja: "使われていないアドレスなら、削除するか、別のアドレスへの転送にしてください。",
            en: "If nobody uses the address any more, remove it or forward it elsewhere.",
        }),
        Step::new(text! {
            ja: "断ったメールは送信者に戻っています。必要なら、空きができてから送り直してもらってください。",
            en: "Refused mail went back to its senders: if you need it, ask them to send again once there is room.",
        }),
    ],
    donts: &[],
    message: None,
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: "2026-11-26",
};

/// A mailing group's own quota, not the sender's message: Google Groups' "The group
/// <address> has exceeded its quota for total number of external recipients" (review 8, M6).
/// The group passes each post on to its members, and the group has hit its own limit on that;
/// a smaller attachment or fewer recipients on the sender's side change nothing. The group's
/// owner (or the administrator of its domain) acts; the sender can only wait or tell them.
/// Picked in `select.rs` over `EXCEEDLIMIT` by the group's wording.
pub(crate) const GROUP_QUOTA: Playbook = Playbook {
    id: "generic-group-quota",
    party: None,
    title: text! { ja: "グループ（メーリングリスト）が送信の上限に達した", en: "The group (mailing list) reached its own limit" },
    verdict: text! {
        ja: "宛先のグループ {recipient} が、メンバーへの配信の上限（外部の宛先の数など）に達したため、メールを配れませんでした。あなたのメールの大きさや宛先の数の問題ではありません。",
        en: "The group {recipient} reached its own limit on passing mail on to its members (such as the number of outside recipients), so it could not deliver your post. It is not about your message's size or recipients.",
    },
    why: text! {
        ja: "グループは、届いたメールをメンバー全員に送り直します。その送信数には、グループ側の上限があります。",
        en: "A group sends each post on to all its members, and the group's service caps how much it sends.",
    },
    actors: &[Actor::RecipientAdmin],
    urgency: Urgency::Wait,
    duration: text! { ja: "グループ側の上限が戻るまで（多くは 1 日）", en: "Until the group's limit resets (often a day)" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Recipient),
    ],
    steps: &[
        Step::new(text! {
            ja: "下の文面をグループのオーナー（管理者）に送り、上限とグループの設定を確かめてもらってください。",
            en: "Send the message below to the group's owner (its manager), so they can check the limit and the group's settings.",
        }),
        Step::new(text! {
            ja: "急ぎでなければ、1 日ほどおいてから、一度だけ送り直してください。",
            en: "If it is not urgent, send the post again once, after about a day.",
        }),
    ],
    donts: &[text! {
        ja: "添付ファイルを小さくしたり、宛先を分けたりしても変わりません。上限はグループ側のものです。",
        en: "Making attachments smaller or splitting recipients changes nothing: the limit is the group's.",
    }],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "グループ {recipient} への投稿が上限のため配信されません",
            en: "Posts to the group {recipient} are refused for its limit",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。グループ {recipient} に投稿したメールが、次のエラーで返ってきました。グループの配信の上限に達しているようです。

・エラー全文: {error_text}
・送信日時: {date}

グループの上限と設定をご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

My post to the group {recipient} came back with the error below. It seems the group has reached its limit for passing mail on.

- Full error: {error_text}
- Sent at: {date}

Could you please check the group's limits and settings? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: BASIC_SOURCES,
    checked: "2026-11-26",
};

/// A group (mailing list) refusing a post by its own rule: Google Groups' notice ("you may not
/// have permission to post messages to the group", "Message rejected by Google Groups ... Bulk
/// Email Senders Guidelines") and Mailman's non-member rejection ("You are not allowed to post
/// to this mailing list"), and a list that takes only posts addressed to it in To or Cc
/// (ezmlm-reject's "List address must be in To: or Cc:", held-out w 11 and w 45). Who may post
/// is the group owner's setting (owners, members, the organisation, anyone), so the sender acts
/// first (the right address, joining, the list in To or Cc), then the owner; not the
/// administrator of a recipient's mailbox (held-out o, case 24).
/// Picked in `select.rs` by the group's wording.
// Sources: Google Groups Help, "Set who can view, post, & moderate",
// https://support.google.com/groups/answer/2464975 ; Mailman 2's
// Moderate.py (do_reject), https://github.com/mailman/mailman (Mailman 2.1 branch);
// ezmlm-reject(1), its -t switch,
// https://manpages.debian.org/experimental/ezmlm-idx/ezmlm-reject.1.en.html
pub(crate) const GROUP_POST_REFUSED: Playbook = Playbook {
    id: "generic-group-post-refused",
    party: None,
    title: text! { ja: "グループ（メーリングリスト）が投稿を断った", en: "The group (mailing list) refused your post" },
    verdict: text! {
        ja: "グループ自体の設定かフィルターが、あなたの投稿を断りました。投稿できる人を限っている（多くはメンバーのみ）か、グループのアドレスが宛先（To か Cc）にない投稿を受け付けないか、一斉送信のメールと判断されたためです。",
        en: "The group's own settings or filter refused your post: it takes posts only from some senders (often its members), or only posts with its own address in To or Cc, or it judged the post to be bulk mail.",
    },
    why: text! {
        ja: "誰が投稿できるか（オーナー、メンバー、組織内、誰でも）は、グループのオーナーが決めます。",
        en: "The group's owner decides who may post: its owners, its members, the organisation, or anyone.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "グループのオーナーしだい", en: "Depends on the group's owner" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "グループのアドレスを確かめ、グループに登録したアドレスから送ってください。",
            en: "Check the group's address, and send from the address you joined the group with.",
        }),
        Step::new(text! {
            ja: "グループのアドレスを To か Cc に書くよう言われた場合は、Bcc だけにせず To か Cc に入れて送り直してください。",
            en: "If the error says the list's address must be in To or Cc, put it there (not only in Bcc) and send again.",
        }),
        Step::new(text! {
            ja: "メンバーでなければ、グループに参加するか、オーナーに投稿を許可してもらってください。",
            en: "If you are not a member, join the group or ask its owner to let you post.",
        }),
        Step::new(text! {
            ja: "一斉送信や迷惑メールと言われた場合は、時間をおいて一度だけ送り直すか、オーナーに承認を頼んでください。",
            en: "If the error speaks of bulk mail or spam, try once more later, or ask the owner to approve the post.",
        }),
    ],
    donts: &[DONT_RESEND_REPEATEDLY],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Google グループ ヘルプ（閲覧、投稿、管理ができるユーザーの設定）", en: "Google Groups Help: set who can view, post and moderate" },
            url: Url::one("https://support.google.com/groups/answer/2464975"),
        },
        Source {
            title: text! { ja: "ezmlm-reject(1) のマニュアル（-t: リストのアドレスが To・Cc にない投稿を断る）", en: "ezmlm-reject(1) manual (-t: refuse a post without the list's address in To or Cc)" },
            url: Url::one(
                "https://manpages.debian.org/experimental/ezmlm-idx/ezmlm-reject.1.en.html",
            ),
        },
    ],
    checked: "2026-11-26",
};

/// Google Groups' notice that "the group you tried to contact (NAME) may not exist, or you may
/// not have permission to post messages to the group" (the core's note `group_post_refused`, in
/// whatever language the notice is written): the group's address may be wrong or the group gone,
/// or its owner lets only some senders post. Nothing blocks the sender's address, server or
/// domain, so no advice about a blocklist or a refused sender fits (review h213). The sender
/// acts first (the address, the account they joined with, joining), then the group's owner.
// Sources: the notice's own four reasons ("You might have spelled or formatted the group name
// incorrectly. The owner of the group may have removed this group. You may need to join the
// group before receiving permission to post. This group may not be open to posting.", Sisimai's
// Google Groups samples); Google Groups Help, "Set who can view, post, & moderate" (who may
// post is the group's setting: owners, managers, members, the organisation, anyone on the
// web), https://support.google.com/groups/answer/2464975
pub(crate) const GROUP_NO_PERMISSION: Playbook = Playbook {
    id: "generic-group-no-permission",
    party: None,
    title: text! { ja: "グループが見つからないか、投稿が許可されていない", en: "The group was not found, or does not let you post" },
    verdict: text! {
        ja: "宛先のグループは、存在しないか、あなたの投稿を受け付けない設定になっています。あなたのアドレスやメールサーバーがブロックされたのではありません。",
        en: "The group you wrote to may not exist, or its settings do not let you post to it. Your address and your mail server are not blocked.",
    },
    why: text! {
        ja: "グループに誰が投稿できるか（オーナーだけ、メンバーだけ、同じ組織の人、誰でも）は、グループのオーナーが決めます。グループのアドレスが違うときや、グループが削除されたときも、同じ通知が返ってきます。",
        en: "The group's owner decides who may post to it (its owners, its members, people in the same organisation, or anyone). A wrong group address, or a group that was removed, brings back the same notice.",
    },
    actors: &[Actor::Sender, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "アドレスの誤りならすぐ。参加や設定の変更はグループのオーナーしだい", en: "Right away for a wrong address; joining or a change of settings depends on the group's owner" },
    prepare: &[
        Prepare::Fact(Fact::Recipient),
        Prepare::Fact(Fact::SenderAddress),
        Prepare::Fact(Fact::ErrorText),
    ],
    steps: &[
        Step::new(text! {
            ja: "グループのアドレスにつづりの誤りがないか、相手から聞いたアドレスや案内のページと見比べてください。",
            en: "Compare the group's address with the one you were given (or the group's own page) for a typing mistake.",
        }),
        Step::new(text! {
            ja: "グループのメンバーなら、グループに登録したアドレスから送ってください。別のアドレスから送ると、メンバーではない人の投稿として断られます。",
            en: "If you are a member, send from the address you joined the group with: a post from another address counts as a non-member's.",
        }),
        Step::new(text! {
            ja: "メンバーでなければ、グループに参加するか、グループのオーナーに、あなたのアドレスから投稿できるようにしてもらってください（下の文面を使えます）。",
            en: "If you are not a member, join the group, or ask its owner to let your address post (you can use the message below).",
        })
        .link(
            text! { ja: "Google グループ ヘルプ（閲覧、投稿、管理ができるユーザーの設定）", en: "Google Groups Help: set who can view, post and moderate" },
            Url::one("https://support.google.com/groups/answer/2464975"),
        ),
    ],
    donts: &[
        text! {
            ja: "ブロックリストの解除を申請したり、送信サーバーの設定を変えたりしないでください。グループの設定の問題で、あなたのサーバーは関係ありません。",
            en: "Do not request removal from blocklists or change your mail server's settings: this is the group's setting, and your server has nothing to do with it.",
        },
        DONT_RESEND_REPEATEDLY,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "グループ {recipient} への投稿についてのお願い",
            en: "My post to the group {recipient} was refused",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。グループ {recipient} に投稿したメールが、グループが存在しないか、投稿の権限がないという通知で返ってきました。

・送信に使ったアドレス: {sender_address}
・送信日時: {date}
・通知の全文: {error_text}

このアドレスのグループがあるかどうか、また上のアドレスから投稿できる設定になっているかをご確認いただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

My post to the group {recipient} came back with a notice that the group may not exist, or that I may not have permission to post to it.

- Sent from: {sender_address}
- Sent at: {date}
- Full notice: {error_text}

Could you please check whether the group exists at this address, and whether the address above may post to it? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "Google グループ ヘルプ（閲覧、投稿、管理ができるユーザーの設定）", en: "Google Groups Help: set who can view, post and moderate" },
        url: Url::one("https://support.google.com/groups/answer/2464975"),
    }],
    checked: "2026-11-27",
};

/// fetchmail's log of a refusal by the reader's own mail server (the core's note
/// `inbound_refusal_log` with the detail `fetchmail`: "fetchmail: SMTP error: 554 5.7.1 Spam
/// message rejected ... SMTP listener refused delivery"). fetchmail fetches the reader's mail from
/// a mailbox elsewhere and hands it to their own server, which refused it: nobody else is
/// involved, so the sender's content and the "recipient" are beside the point (review 8, M7).
/// Whoever runs that server (the reader, or their administrator) changes its filter.
// Sources: RFC 5321 §4.2.2 (a 5yz reply refuses); Postfix access(5) (allow lists checked before
// a restriction), https://www.postfix.org/access.5.html.
pub(crate) const INBOUND_REFUSAL_FETCHED: Playbook = Playbook {
    id: "generic-inbound-refusal-fetched",
    party: None,
    title: text! { ja: "自分のメールサーバーが、取り込んだメールを断った", en: "Your own mail server refused mail fetched for you" },
    verdict: text! {
        ja: "これは fetchmail の記録です。fetchmail がほかのメールボックスから取り込んだあなた宛てのメールを、あなた側のメールサーバーが受け付けませんでした。あなたが送ったメールが返ってきたのではありません。",
        en: "This is fetchmail's log: your own mail server refused mail for you that fetchmail fetched from another mailbox. No mail you sent bounced.",
    },
    why: text! {
        ja: "fetchmail は取り込んだメールを自分のサーバーに渡します。そのサーバーのフィルター（迷惑メール判定など）が断ると、この記録が残ります。直すのは、そのサーバーの設定です。",
        en: "fetchmail hands the mail it fetches to your own server; when that server's filter (a spam check, for example) refuses it, fetchmail logs this. The fix is in that server's settings.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: &[Prepare::Fact(Fact::ErrorText)],
    steps: &[
        Step::new(text! {
            ja: "エラー文から、自分のサーバーのどのルールが断ったかを確かめてください（「Spam message rejected」なら迷惑メールのフィルターです）。",
            en: "Read the error to see which rule of your own server refused it (\"Spam message rejected\" is its spam filter).",
        }),
        Step::new(text! {
            ja: "本当に迷惑メールなら、何もする必要はありません。",
            en: "If it really was spam, there is nothing to do.",
        }),
        Step::new(text! {
            ja: "受け取りたいメールなら、サーバーを運用している人（あなたか社内の管理者）が、フィルターの設定を緩めるか、その差出人を許可リストに入れてください。",
            en: "If you want that mail, whoever runs the server (you, or your administrator) relaxes the filter or adds the sender to an allow list.",
        })
        .link(text! { ja: "Postfix マニュアル: access", en: "Postfix manual: access" }, Url::one(POSTFIX_ACCESS)),
    ],
    donts: &[text! {
        ja: "差出人にメールの内容を変えるよう頼まないでください。断ったのはあなた側のサーバーです。",
        en: "Do not ask the sender to change their mail: your own server refused it.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Postfix マニュアル: access", en: "Postfix manual: access" },
            url: Url::one(POSTFIX_ACCESS),
        },
        SRC_RFC5321,
    ],
    checked: "2026-11-26",
};

/// A sending rate or count limit that the sender's own outgoing server met when a program handed
/// it the message (the core's note `refused_at_submission`: "550 5.4.5 Daily user sending limit
/// exceeded" as a library's send error). The program got the refusal, so no queue holds the
/// message: the generic speeding advice ("your server retries the queued mail") would be untrue
/// (held-out k, A-1). The program sends again once the limit lifts.
// Sources: RFC 6409 (the submission server may refuse what it will not relay), RFC 3463 (5.4.5:
// mail system congestion, used for sending limits).
pub(crate) const SPEEDING_AT_SUBMISSION: Playbook = Playbook {
    id: "generic-speeding-at-submission",
    party: None,
    title: text! { ja: "送信サーバーの送信数の上限に達した", en: "Your outgoing server's sending limit was reached" },
    verdict: text! {
        ja: "メールを送り出すために使っている送信サーバーが、一定時間に送れる数を超えたとして、受け付けの段階でメールを断りました。メールは送られておらず、自動で再送もされません。",
        en: "Your own outgoing server refused the message when your program handed it over: you reached the number of messages it lets you send in a period. The message was not sent, and nothing will resend it.",
    },
    why: text! {
        ja: "メール事業者は、乗っ取られたアカウントからの迷惑メールを防ぐため、1 時間や 1 日に送れる数に上限を設けています。",
        en: "Mail providers cap how many messages an account may send per hour or per day, to stop hijacked accounts spreading spam.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Wait,
    duration: text! { ja: "事業者の上限しだい（多くは 1 時間から 24 時間）", en: "Depends on the provider's limit (often an hour to a day)" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "上限が戻るまで、このアカウントからの送信を止めてください。上限の値と戻るまでの時間は、メール事業者のヘルプに書かれています。",
            en: "Stop sending from this account until the limit resets; your mail provider's help pages give its limits and when they reset.",
        }),
        Step::new(text! {
            ja: "そのあとで、送れなかったメールを送り直してください。エラーを受け取ったのはプログラムなので、自動では送られません。",
            en: "Then send the refused messages again: your program got the error, so nothing resends them by itself.",
        }),
        Step::new(text! {
            ja: "プログラムが多く送る場合は、送信を時間に分散するか、一斉送信用の配信サービスを使ってください。",
            en: "If a program sends a lot, spread its mail over time, or use a sending service made for bulk mail.",
        }),
        STEP_CHECK_ACCOUNT,
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        SRC_RFC3463,
        Source {
            title: text! { ja: "RFC 6409（メールの送信の受け付け: サブミッション）", en: "RFC 6409 (message submission for mail)" },
            url: Url::one(RFC6409),
        },
    ],
    checked: "2026-11-26",
};

/// The sender's own outgoing server refused the connection of a program or app by its address,
/// with Postfix's words for a client access rule ("554 5.7.1 <unknown[192.0.2.1]:52491>: Client
/// host rejected: Access denied", held-out aa 18, a PHP mailer's "Expected response code 220"):
/// no message was judged and no list named. The usual cause is a program set to a server or port
/// that does not take mail from that host (a port-25 relay for the server's own network, or no
/// login); the cure is the submission server with a login, or the administrator allowing the host.
/// Picked in `select.rs` over the outgoing filter's advice.
// Sources: Postfix access(5) ("REJECT optional text... Reject the address etc. that matches the
// pattern"; smtpd_client_restrictions names the client host in "Client host rejected"), RFC 6409
// (submission on port 587 with authentication).
pub(crate) const CLIENT_HOST_REFUSED_AT_SUBMISSION: Playbook = Playbook {
    id: "generic-client-host-refused-at-submission",
    party: None,
    title: text! {
        ja: "送信サーバーが、接続元のホストからの接続を受け付けていない",
        en: "The outgoing server does not accept connections from your host",
    },
    verdict: text! {
        ja: "メールを送ろうとしたプログラムやアプリが接続したサーバーが、接続元のアドレス {ip} を許可していないとして、接続を断りました（「Client host rejected: Access denied」）。メールの中身が判断されたのではなく、送り出されてもいません。受信側は何も拒否していません。",
        en: "The server your program or app connected to refused the connection from its address {ip}, by an access rule (\"Client host rejected: Access denied\"). The message itself was not judged and never left; the recipient's side refused nothing.",
    },
    why: text! {
        ja: "このサーバーは、決められたアドレス（社内のネットワークなど）か、ログインした利用者からの接続しか受け付けない設定です。プログラムの送信サーバーやポートの設定が違う（ログインを使わないポート 25 の中継サーバーに接続している）か、新しいサーバーやクラウドから送り始めて、そのアドレスがまだ許可されていないことがよくあります。",
        en: "The server only accepts connections from addresses it allows (its own network, for example) or from users who log in. Most often the program is set to the wrong server or port (a port-25 relay that takes no login), or it now runs on a new server or cloud host whose address was never allowed.",
    },
    actors: &[Actor::SenderAdmin, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: DURATION_SETTING_FIXED,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Ip),
        Prepare::Other(text! {
            ja: "プログラムやアプリの送信サーバー（SMTP）の設定",
            en: "The outgoing server (SMTP) settings of your program or app",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "プログラムやアプリの送信サーバーの設定を確認してください。メール事業者が案内する送信サーバー（多くはポート 587 で STARTTLS、または 465）を指定し、アカウントのユーザー名とパスワードでのログイン（SMTP 認証）を有効にします。",
            en: "Check the outgoing server settings of your program or app: use the submission server your mail provider gives (usually port 587 with STARTTLS, or 465), with login (SMTP authentication) turned on with the account's user name and password.",
        }),
        Step::new(text! {
            ja: "ログインせずにこのサーバーから送る必要がある（社内の中継サーバーなど）場合は、下の文面をサーバーの管理者（ホスティング事業者や社内の管理者）に送り、接続元のアドレス {ip} を許可してもらってください。",
            en: "If the program has to send through this server without a login (an internal relay, for example), send the message below to whoever runs the server (your hosting company or administrator) and ask them to allow the address {ip}.",
        })
        .link(text! { ja: "Postfix マニュアル: access（英語）", en: "Postfix manual: access" }, Url::one(POSTFIX_ACCESS)),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "ブロックリストに解除を申請しないでください。この拒否はサーバー自身の許可の設定によるもので、リストへの掲載ではありません。",
            en: "Do not ask a blocklist for removal: this refusal is the server's own access rule, not a listing.",
        },
        DONT_ASK_RECIPIENT_OWN_SERVER,
    ],
    message: Some(Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "送信サーバーが接続元 {ip} からの接続を断っています（{code}）",
            en: "Your mail server refuses connections from {ip} ({code})",
        },
        body: text! {
            ja: "ご担当者様

いつもお世話になっております。プログラムから貴社のメールサーバーに接続してメールを送ろうとしたところ、次のエラーで接続を断られました。

・エラー全文: {error_text}
・接続元のアドレス: {ip}
・日時: {date}

お手数ですが、このアドレスからの接続を許可していただくか、ログインして送るための送信サーバー名・ポート・暗号化の設定をお知らせいただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

A program of ours connected to your mail server to send mail, and the server refused the connection with this error:

- Full error: {error_text}
- Connecting address: {ip}
- Time: {date}

Could you please allow connections from this address, or tell us the server name, port and encryption to use for sending with a login? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Postfix マニュアル: access（英語）", en: "Postfix manual: access" },
            url: Url::one(POSTFIX_ACCESS),
        },
        SOURCE_RFC6409,
    ],
    checked: "2026-11-27",
};

/// A blocklist names the address a mail program connected from, and the sender's own outgoing
/// server refused it at submission (the core's note `refused_at_submission`: Thunderbird's
/// "Client host [ip] blocked using sbl"). That address is the user's own connection (a home
/// line, a VPN, a hotel network) as the provider saw it, not a server of theirs: no hosting
/// company and no domain are involved (review 8, M9). Another network gets the mail out now; the
/// provider can tell its users' logins apart, and the network's owner is the one who can have the
/// listing removed. Picked in `select.rs` over the lists' own playbooks.
// Sources: RFC 6409 (the submission server applies its own policy to its users' connections);
// Spamhaus, the SBL lists addresses, and only the address's owner can have them removed.
pub(crate) const CLIENT_LISTED_AT_SUBMISSION: Playbook = Playbook {
    id: "generic-client-listed-at-submission",
    party: None,
    title: text! { ja: "接続元の IP アドレスがブロックリストに載っている", en: "The address you connect from is on a blocklist" },
    verdict: text! {
        ja: "メールを送るときに使っている送信サーバー（メール事業者）が、あなたの接続元の IP アドレス {ip} がブロックリストに載っているとして、送信を断りました。メールは送られていません。",
        en: "Your own mail provider's outgoing server refused the message because the address you connected from, {ip}, is on a blocklist. The message was not sent.",
    },
    why: text! {
        ja: "この IP アドレスは、あなたが今つないでいる回線（自宅のプロバイダー、VPN、ホテルや職場の Wi-Fi など）のものです。同じアドレスを使うほかの人の迷惑メールが原因のことが多く、あなたのドメインやサーバーの問題ではありません。",
        en: "The address is the one of the network you are on (your ISP at home, a VPN, hotel or office Wi-Fi). Spam from someone else on the same address is the usual cause; it is not about a domain or server of yours.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "別の回線からなら、すぐに送れます", en: "Right away from another network" },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Ip),
        Prepare::Fact(Fact::SenderAddress),
    ],
    steps: &[
        Step::new(text! {
            ja: "VPN を使っていれば切るか、別のサーバーに切り替えてください。使っていなければ、別の回線（スマートフォンのモバイル通信など）につないでください。そのうえで、もう一度送ってください。",
            en: "If you use a VPN, turn it off or pick another server; if not, switch to another network (your phone's mobile data, for example). Then send again.",
        }),
        Step::new(text! {
            ja: "下の文面をメール事業者のサポートに送ってください。ログインした利用者の送信を、接続元のブロックリスト掲載だけで断らないよう頼めます。",
            en: "Send the message below to your mail provider's support: they can let users who log in send even from a listed address.",
        }),
        Step::new(text! {
            ja: "自宅の回線のアドレスなら、契約しているプロバイダーに掲載を伝えてください。解除を申請できるのは、アドレスの持ち主であるプロバイダーです。",
            en: "If it is your home line's address, tell your ISP: only the owner of the address can ask for its removal.",
        }),
    ],
    donts: &[text! {
        ja: "同じ回線から何度も送り直さないでください。アドレスが載っている間は、同じ理由で断られます。",
        en: "Do not keep sending again from the same network: while the address is listed, every try is refused the same way.",
    }],
    message: Some(Message {
        to: To::MailProvider,
        address: None,
        subject: text! {
            ja: "接続元 {ip} がブロックリストに載っているため送信できません",
            en: "I cannot send: my address {ip} is on a blocklist",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。貴社のメールアカウントからメールを送ろうとしたところ、次のエラーで送信を断られました。接続元の IP アドレスがブロックリストに載っているためのようです。

・エラー全文: {error_text}
・接続元 IP アドレス: {ip}
・送信日時: {date}

この IP アドレスは、私が使っている回線（プロバイダーや VPN）のものです。ログインしたうえでの送信は受け付けていただけないでしょうか。

よろしくお願いいたします。",
            en: "Hello,

I tried to send mail from my account with you and it was refused with the error below. It seems the address I connected from is on a blocklist.

- Full error: {error_text}
- My IP address: {ip}
- Sent at: {date}

This address belongs to the network I use (my ISP or VPN). Could you accept mail I send after logging in?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! { ja: "RFC 6409（メールの送信の受け付け: サブミッション）", en: "RFC 6409 (message submission for mail)" },
        url: Url::one(RFC6409),
    }],
    checked: "2026-11-26",
};

/// A size or count limit met when a mail program or a script handed the message to its own
/// outgoing server (the core's note `refused_at_submission`: Python's "552 5.2.3 Your message
/// exceeded Google's message size limits"). No recipient's server saw the message and no bounce
/// will come, so "a limit at the recipient's address" and "the address that failed" do not
/// fit; like `DELAYED_PROGRAM`, it speaks of the program and the sender's own server. Picked in
/// `select.rs` over the generic limit and size playbooks.
// Sources: RFC 6409 (the submission server may refuse a message it will not relay), RFC 1870
// (a server declares its size limit and refuses larger messages with 552), RFC 3463 (5.2.3:
// message length exceeds administrative limit; 5.5.3: too many recipients).
pub(crate) const LIMIT_AT_SUBMISSION: Playbook = Playbook {
    id: "generic-limit-at-submission",
    party: None,
    title: text! { ja: "送信サーバーが、上限を超えたメールの送信を断った", en: "Your own outgoing server refused the message for a limit" },
    verdict: text! {
        ja: "メールを送り出すために使っている送信サーバーが、上限（1 通あたりの大きさ、宛先の数、1 日に送れる数など）を超えたとして、受け付けの段階でメールを断りました。メールは送られておらず、相手には何も届いていません。エラーメールも届きません。",
        en: "Your own outgoing server refused the message when your program handed it over, because it went over a limit (size per message, number of recipients, messages per day, and so on). The message never left, nothing reached the recipient, and no bounce will come.",
    },
    why: text! {
        ja: "送信サーバーには、1 通の大きさ、1 通あたりの宛先の数、一定時間に送れる数の上限があります。添付ファイルは送信時に約 1.3 倍に膨らむため、見た目より大きくなります。",
        en: "Outgoing servers cap the size of a message, the recipients per message and the messages per day. Attachments grow by about a third when sent, so the message is bigger than its files look.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: DURATION_SEND_DIFFERENTLY,
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::SenderAddress),
        Prepare::Other(text! {
            ja: "添付ファイルの合計の大きさと、宛先の数",
            en: "The total size of the attachments and the number of recipients",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "エラー文から、どの上限かを確かめてください。「size」「too large」なら大きさ、「recipients」なら宛先の数、「daily」「quota」「limit exceeded」なら送信数の上限です。",
            en: "Read the error to see which limit it was: \"size\" or \"too large\" is the message size, \"recipients\" the number of recipients, \"daily\", \"quota\" or \"limit exceeded\" the number of messages you may send.",
        }),
        Step::new(text! {
            ja: "大きさの上限なら、添付ファイルを圧縮するか、共有リンク（オンラインストレージ）で渡してください。画像は縮小してから添付すると小さくなります。",
            en: "For the size, compress the attachments or share them through a link (online storage); shrinking images before attaching them helps a lot.",
        }),
        Step::new(text! {
            ja: "宛先の数の上限なら、1 通あたりの宛先を減らし、何回かに分けて送ってください。",
            en: "For the number of recipients, split them and send in several smaller batches.",
        }),
        Step::new(text! {
            ja: "送信数の上限なら、上限が戻るまで（多くは 24 時間以内）待ってください。上限の値は、契約しているメール事業者のヘルプに書かれています。",
            en: "For the number of messages, wait until the limit resets (often within 24 hours); your mail provider's help pages give its limits.",
        }),
        Step::new(text! {
            ja: "直したら、同じプログラムからもう一度送ってください。",
            en: "Once it is changed, send the message again from the same program.",
        }),
    ],
    donts: &[
        text! {
            ja: "受信者や相手のメール管理者に上限を上げるよう頼まないでください。メールは、あなたの側の送信サーバーで止められ、相手には届いていません。",
            en: "Do not ask the recipient or their administrator to raise a limit: the message was stopped at your own outgoing server and never reached them.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 6409（メールの送信の受け付け: サブミッション）", en: "RFC 6409 (message submission for mail)" },
            url: Url::one(RFC6409),
        },
        Source {
            title: text! { ja: "RFC 1870（メールの大きさの宣言）", en: "RFC 1870 (message size declaration)" },
            url: Url::one(RFC1870),
        },
        SRC_RFC3463,
    ],
    checked: "2026-11-26",
};

/// RFC 6647: greylisting turns away a first try on purpose and accepts a retry after a wait.
const RFC6647: &str = "https://datatracker.ietf.org/doc/html/rfc6647";
/// Google's page on the DMARC refusal, named in Gmail's own wording of it.
const GMAIL_DMARC: Url = google_help_page!("mail/answer/2451690");

/// A temporary refusal (4xx) quoted by a program's own error: a script or library (emailjs,
/// Python's smtplib, PHPMailer, nodemailer) that talked to the server itself, or a mail program's
/// send error (the core's note `refused_at_submission`). Such a program keeps no queue, so the
/// "your server is still retrying" of `DELAYED` is untrue: nothing sends the message again unless
/// the program does. Picked in `select.rs` over any party-less playbook of a temporary reply.
// Sources: RFC 5321 section 4.5.4.1 (a client retries a temporary failure from its queue; a
// program without a queue must do it itself), RFC 6647 section 2.2 (greylisting: the retry after
// a delay is accepted; postgrey's default delay is five minutes).
pub(crate) const DELAYED_PROGRAM: Playbook = Playbook {
    id: "generic-delayed-program",
    party: None,
    title: text! { ja: "一時的に断られた（プログラムは自動では送り直しません）", en: "Turned away for now (a program does not retry by itself)" },
    verdict: text! {
        ja: "メールを送ったプログラム（スクリプト、アプリ、メールソフト）の接続先のサーバー（あなたの送信サーバーか、受信側のサーバー）が、メールを一時的に断りました。プログラムはそれをエラーとして表示しています。メールは送られていません。プログラムに自分で送り直す仕組みがない限り、このメールが後から自動で送られることもありません。",
        en: "The server the program handed the message to (your own outgoing server, or the receiving one) turned it away for now, and the program that sent it (a script, an app, a mail program) shows that as its error. The message was not sent, and unless the program retries by itself, nothing will send it later.",
    },
    why: text! {
        ja: "メールサーバーは一時的な拒否（4xx）を受けると、メールを保管して数分おきに送り直します。サーバーに直接つないで送るプログラムには、その保管と再送の仕組みがありません。原因は、サーバーの一時的な不調や、グレーリスト（知らない送信元からの最初の配送をわざと断り、数分後の再送を受け取る仕組み）などです。",
        en: "A mail server that gets a temporary refusal (4xx) keeps the message and tries again every few minutes. A program that talks to the server itself has no such queue. The cause may be a passing fault of that server, or greylisting (turning away the first try from an unknown sender on purpose, and accepting a retry a few minutes later).",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "一時的な原因が解ければ、送り直してから数分",
        en: "A few minutes after sending again, once the passing cause is gone",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "数分（5 分以上）待ってから、同じプログラム、同じサーバーから、もう一度だけ送ってください。グレーリストなら、待ち時間の後の再送は受け取られます。",
            en: "Wait a few minutes (five or more), then send the message again, once, from the same program and the same server. With greylisting, a retry after the wait is accepted.",
        }),
        Step::new(text! {
            ja: "プログラムが自動で送るもの（Web のフォーム、アプリの通知、定期的なスクリプト）なら、4xx の返答をエラーで終わらせず、数分後に送り直すようにしてください。ライブラリの再送の設定を使うか、メールを保管して送り直すメールサーバー（契約している事業者の送信サーバーなど）を経由して送る方法があります。",
            en: "If the program sends by itself (a web form, an app's notices, a scheduled script), make it try again a few minutes later on a 4xx reply instead of giving up: use the library's retry setting, or send through a mail server that keeps a queue (such as your provider's outgoing server).",
        }),
        Step::new(text! {
            ja: "1 時間ほど送り直しても同じ返答が続く場合は、そのエラー文をこのページに貼り付けて、改めて診断してください。一時的な拒否ではない理由があります。",
            en: "If the same reply still comes back after an hour of retries, paste that error on this page and diagnose it again: something more than a wait is then in the way.",
        })
        .in_terminal(text! {
            ja: "1 時間ほど送り直しても同じ返答が続く場合は、そのエラー文をファイルに保存して、`ndr-doctor diagnose ファイル名` で改めて診断してください。一時的な拒否ではない理由があります。",
            en: "If the same reply still comes back after an hour of retries, save that error to a file and diagnose it again with `ndr-doctor diagnose FILE`: something more than a wait is then in the way.",
        })
        .in_api(text! {
            ja: "1 時間ほど送り直しても同じ返答が続く場合は、そのエラー文を改めて診断してください。一時的な拒否ではない理由があります。",
            en: "If the same reply still comes back after an hour of retries, diagnose that error again: something more than a wait is then in the way.",
        }),
    ],
    donts: &[text! {
        ja: "数秒おきに何度も送り直さないでください。グレーリストは待ち時間の後の再送しか受け取らず、短い間隔の再送を繰り返すと、送信元がブロックされることがあります。",
        en: "Do not resend every few seconds: greylisting only accepts a retry after its wait, and a burst of quick retries can get the sending address blocked.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        SRC_RFC5321,
        Source {
            title: text! { ja: "RFC 6647（グレーリスト）", en: "RFC 6647 (greylisting)" },
            url: Url::one(RFC6647),
        },
    ],
    checked: "2026-11-26",
};

/// A sender-authentication refusal (SPF, DKIM, DMARC) of mail whose From address is at a domain
/// the sender does not run: a webmail service's (`gmail.com`, `yahoo.com`, ...) or a large
/// provider's own (`google.com`), sent through another server (a web form, a script, Mailgun).
/// Only the domain's own servers pass its checks, and its records are the provider's: the fix is
/// the sending route or the From address, never "your domain's DNS" (held-out round h, MEDIUM-5).
/// Picked in `select.rs` over every authentication playbook when that domain is such a one.
// Sources: https://support.google.com/mail/answer/2451690 (the refusal's own page: use the server
// that matches the address you send from); https://support.google.com/mail/answer/81126 (do not
// impersonate Gmail From headers); RFC 7489 (DMARC checks the From domain).
pub(crate) const AUTH_WEBMAIL_FROM: Playbook = Playbook {
    id: "generic-authfailure-webmail-from",
    party: None,
    title: text! { ja: "メールサービスのアドレスを差出人にして、別のサーバーから送った", en: "A From address you do not own, sent through another server" },
    verdict: text! {
        ja: "差出人のアドレスは {sender_domain} のもので、あなたが管理するドメインではありません。そのアドレスのメールを、{sender_domain} 以外のサーバー（Web のフォーム、スクリプト、Mailgun などの配信サービス）から送ったため、送信ドメイン認証に合格せず、受け取りを拒否されました。",
        en: "The From address is at {sender_domain}, a domain you do not run, and the message was sent through another server (a web form, a script, a sending service such as Mailgun), so it failed sender authentication and was refused.",
    },
    why: text! {
        ja: "{sender_domain} のアドレスから送ってよいのは、そのメールサービス自身のサーバーだけです。ドメインの SPF・DKIM・DMARC はサービス側が管理しており、ほかのサーバーから送ったメールは拒否するよう受信側に求めています。あなたの DNS の設定を変えても、この結果は変わりません。",
        en: "Only the mail service's own servers may send From {sender_domain} addresses. Its SPF, DKIM and DMARC records belong to the service and ask receivers to refuse mail from any other server. No DNS setting of yours can change that.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! {
        ja: "送る経路か差出人のアドレスを変えれば、すぐに",
        en: "As soon as the sending route or the From address is changed",
    },
    prepare: &[
        Prepare::Fact(Fact::SenderAddress),
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "メールを送ったもの（Web のフォーム、スクリプト、配信サービス、メールソフト）の設定画面、またはそれを作った人の連絡先",
            en: "The settings of whatever sent the mail (a web form, a script, a sending service, a mail program), or the contact of whoever set it up",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "自分で送る場合は、{sender_domain} のサービスそのものから送ってください。Web メールやそのアプリを使うか、メールソフトやプログラムの送信サーバー（SMTP）を {sender_domain} のものにして、そのアカウントでログインさせてください（サービスがアプリ パスワードを求める場合はそれを使います）。",
            en: "If you send it yourself, send through {sender_domain}'s own service: its webmail or app, or set your mail program or script to use {sender_domain}'s outgoing (SMTP) server, signed in with that account (with an app password if the service asks for one).",
        })
        .link(
            text! { ja: "Gmail ヘルプ: DMARC による拒否", en: "Gmail Help: refusals for DMARC" },
            GMAIL_DMARC,
        ),
        Step::new(text! {
            ja: "Web のフォーム、スクリプト、配信サービス（Mailgun、SendGrid、メールマガジンの配信サービスなど）が送る場合は、差出人をあなたが管理するドメインのアドレスに変え、そのドメインに、サービスの設定案内のとおり SPF と DKIM を設定してください。",
            en: "If a web form, a script or a sending service (Mailgun, SendGrid, a newsletter tool) sends it, give it a From address on a domain you own, and set up SPF and DKIM for that domain as the service's setup guide says.",
        }),
        Step::new(text! {
            ja: "問い合わせフォームが訪問者のアドレスを差出人にしている場合は、差出人を自分のアドレスにし、訪問者のアドレスは Reply-To（返信先）に入れてください。返信すれば訪問者に届きます。",
            en: "If a contact form puts the visitor's address in From, put your own address in From and the visitor's in Reply-To instead: replying still reaches the visitor.",
        }),
        Step::new(text! {
            ja: "{sender_domain} の Web メールやアプリから送ったのにこのエラーが返ってきた場合は、途中のメーリングリストや転送でメールが書き換えられています。そのリストや転送の管理者に、差出人の書き換え（DMARC 対応）を頼んでください。",
            en: "If you did send it from {sender_domain}'s own webmail or app, a mailing list or a forwarding address on the way changed it: ask that list's or forwarder's administrator to rewrite the From address for DMARC.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "送信に使うサーバーを、自分のドメインの SPF に加えても解決しません。判定されるのは {sender_domain} のレコードで、それを変えられるのはメールサービスだけです。",
            en: "Do not expect adding the sending server to your own domain's SPF to help: the receiver checks {sender_domain}'s records, which only the mail service can change.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "Gmail ヘルプ: DMARC による拒否", en: "Gmail Help: refusals for DMARC" },
            url: GMAIL_DMARC,
        },
        SRC_GOOGLE_GUIDELINES,
        SRC_DMARC,
    ],
    checked: "2026-11-26",
};

/// RFC 5068 (email submission operations): providers may block outgoing port 25 from their
/// users' networks, and users then submit on port 587 with authentication (section 3.1, 3.2).
const RFC5068: &str = "https://datatracker.ietf.org/doc/html/rfc5068";
/// RFC 8314: message submission over TLS on port 465 (section 3.3).
const RFC8314: &str = "https://datatracker.ietf.org/doc/html/rfc8314";

/// A mail program's own error that it could not connect to its outgoing server on port 25 (the
/// core's note `connect_failed_at_submission`, detail `<program>:25`): Outlook Express's
/// 「サーバーは接続を解除しました ... ポート: 25 ... 0x800CCC0F」, Outlook's 0x800CCC0E with
/// "Port: 25". Internet providers commonly block connections from their users' networks to
/// port 25 of other networks' servers (Outbound Port 25 Blocking, OP25B, widespread in Japan;
/// RFC 5068 section 3.2), and the program must send on the submission port 587 (RFC 6409) or
/// 465 (RFC 8314) with the account's login. Said as the likely cause: a server that is down
/// gives the same error. Picked in `select.rs` (`connect_failed_at_submission`).
pub(crate) const PROGRAM_PORT25_BLOCKED: Playbook = Playbook {
    id: "generic-program-port25-blocked",
    party: None,
    title: text! {
        ja: "メールソフトが送信サーバーにつながらない（ポート 25）",
        en: "Your mail program cannot connect to its outgoing server (port 25)",
    },
    verdict: text! {
        ja: "メールソフト（またはプログラム）が、送信サーバーのポート 25 に接続できないか、接続をすぐに切られました。サーバーは何も返答していないので、メールは送られていません。エラーメールも届きません。",
        en: "Your mail program (or script) could not connect to its outgoing server on port 25, or the connection was cut at once. The server gave no answer, so the message was not sent, and no bounce will come.",
    },
    why: text! {
        ja: "多くのインターネット接続事業者（プロバイダー）は、迷惑メール対策として、利用者の回線からほかのネットワークのポート 25 への接続を止めています（OP25B、Outbound Port 25 Blocking）。この場合、送信には「サブミッションポート」の 587（または SSL/TLS の 465）を使い、メールアカウントの ID とパスワードでログイン（SMTP 認証）して送ります。送信サーバーが止まっているときも同じエラーになります。",
        en: "Many internet providers block connections from their customers' lines to port 25 of other networks, against spam (Outbound Port 25 Blocking, OP25B). Mail programs then send on the submission port 587 (or 465 with SSL/TLS) and log in with the mail account's user name and password (SMTP authentication). An outgoing server that is down gives the same error.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! {
        ja: "送信の設定を直せば、すぐに",
        en: "As soon as the outgoing settings are fixed",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "メールソフトのアカウント設定で、送信（SMTP）サーバーのポート番号を 25 から 587 に変えてください。メール事業者が 465（SSL/TLS）を案内していれば、それに合わせます。",
            en: "In the mail program's account settings, change the outgoing (SMTP) server's port from 25 to 587, or to 465 (SSL/TLS) if your mail provider says so.",
        }),
        Step::new(text! {
            ja: "同じ画面で「送信サーバーは認証が必要」（SMTP 認証）をオンにし、受信と同じアカウントの ID とパスワードを使う設定にしてください。暗号化は、587 なら STARTTLS、465 なら SSL/TLS です。",
            en: "In the same settings, turn on \"My outgoing server requires authentication\" (SMTP authentication) with the same user name and password as for receiving. Use STARTTLS with 587, SSL/TLS with 465.",
        }),
        Step::new(text! {
            ja: "送信サーバーの名前とポートは、メール事業者の設定案内のとおりか確かめてください。それでもつながらなければ、メール事業者に、送信サーバーが止まっていないか、587 が使えるかを問い合わせてください。",
            en: "Check that the outgoing server's name and port match your mail provider's setup page. If it still cannot connect, ask the mail provider whether the outgoing server is down and whether port 587 can be used.",
        }),
    ],
    donts: &[text! {
        ja: "送信ボタンを何度も押さないでください。設定を直すまで、何度送っても同じところで止まります。",
        en: "Do not press Send again and again: until the settings are fixed, every try stops at the same place.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "RFC 5068（メール送信の運用、ポート 25 の遮断）", en: "RFC 5068 (email submission operations, port 25 blocking)" },
            url: Url::one(RFC5068),
        },
        SOURCE_RFC6409,
        SOURCE_RFC8314,
    ],
    checked: "2026-11-26",
};

/// A mail program's or a script's own error that it could not connect to its outgoing server
/// on the submission port, or on a port it does not name (the core's note
/// `connect_failed_at_submission`: Ruby's 'Errno::ECONNREFUSED: Connection refused -
/// connect(2) for "smtp.example.com" port 587', Thunderbird's "connecting to Outgoing server
/// (SMTP) ... failed", PHPMailer's "SMTP connect() failed."). The server refused the
/// connection or never answered: a wrong server name or port, a firewall or network in the
/// way, or a server that is down. Picked in `select.rs`.
pub(crate) const PROGRAM_CANNOT_CONNECT: Playbook = Playbook {
    id: "generic-program-cannot-connect",
    party: None,
    title: text! {
        ja: "送信サーバーに接続できない",
        en: "Cannot connect to the outgoing server",
    },
    verdict: text! {
        ja: "メールソフト（またはプログラム）が、送信サーバーに接続できないか、接続が途中で切れました。サーバーは何も返答していないので、メールは送られていません。エラーメールも届きません。",
        en: "Your mail program (or script) could not connect to its outgoing server, or the connection broke off. The server gave no answer, so the message was not sent, and no bounce will come.",
    },
    why: text! {
        ja: "接続を断られる（Connection refused）のは、指定した名前とポートでメールを受け付けていないときです。時間切れは、途中のファイアウォールやネットワークが接続を通していないか、サーバーが止まっているときに起きます。多くは、送信サーバーの名前かポート番号の設定の誤りです。",
        en: "A refused connection (Connection refused) means nothing takes mail at that server name and port. A timeout means a firewall or the network in between does not let the connection through, or the server is down. Most often the outgoing server's name or port is set wrong.",
    },
    actors: &[Actor::SenderAdmin, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! {
        ja: "設定かネットワークを直せば、すぐに",
        en: "As soon as the settings or the network are fixed",
    },
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "メールソフトかプログラムの設定で、送信（SMTP）サーバーの名前とポート番号が、メール事業者の案内のとおりか確かめてください。ふつうは 587（STARTTLS）か 465（SSL/TLS）で、ログイン（SMTP 認証）が必要です。",
            en: "In the mail program's or the script's settings, check the outgoing (SMTP) server's name and port against your mail provider's setup page: usually 587 (STARTTLS) or 465 (SSL/TLS), with a login (SMTP authentication).",
        }),
        Step::new(text! {
            ja: "ネットワークを確かめてください。ファイアウォールやウイルス対策ソフトがその接続を止めていないか、別の回線（会社や公衆 Wi-Fi なら自宅やスマートフォンの回線）では送れるかを試します。サーバーで動くプログラムなら、そのサーバーから外への接続が許されているかも確かめます。",
            en: "Check the network: whether a firewall or antivirus program blocks the connection, and whether it works from another connection (from home or a phone's connection instead of an office or public Wi-Fi). For a program on a server, check that the server may connect out to that port.",
        }),
        Step::new(text! {
            ja: "設定もネットワークも正しければ、メール事業者（送信サーバーの管理者）に、サーバーが止まっていないか問い合わせてください。自分で管理しているサーバーなら、そのポートでメールサーバーが動いているか確かめます。",
            en: "If the settings and the network are right, ask the mail provider (whoever runs the outgoing server) whether the server is down. If you run that server, check that the mail server is running and listening on that port.",
        }),
    ],
    donts: &[text! {
        ja: "送信を何度も繰り返さないでください。接続できない原因を直すまで、同じところで止まります。",
        en: "Do not keep sending again: until the cause is fixed, every try stops at the same place.",
    }],
    message: None,
    lookup: None,
    facts: &[],
    sources: &[SOURCE_RFC6409, SOURCE_RFC8314],
    checked: "2026-11-26",
};

/// RFC 6409's submission port and RFC 8314's submission over TLS, the sources of the two
/// playbooks for a mail program that cannot reach its outgoing server.
const SOURCE_RFC6409: Source = Source {
    title: text! { ja: "RFC 6409（メール送信用のポート 587）", en: "RFC 6409 (message submission, port 587)" },
    url: Url::one(RFC6409),
};
const SOURCE_RFC8314: Source = Source {
    title: text! { ja: "RFC 8314（SSL/TLS での送信、ポート 465）", en: "RFC 8314 (submission over TLS, port 465)" },
    url: Url::one(RFC8314),
};

pub(crate) const EXTRA: &[&Playbook] = &[
    &DELAYED,
    &NORELAYING_REMOTE,
    &REQUIREPTR_IPV6,
    &DOMAIN_LISTED,
    &SENDER_DOMAIN_UNKNOWN,
    &SENDER_LOGIN_MISMATCH,
    &SENDER_ACCOUNT_STOPPED,
    &SENDER_HOURLY_CAP,
    &SENDER_HOURLY_CAP_DISCARDED,
    &DELAYED_REFUSED,
    &DELAYED_GREYLISTED,
    &OWN_RELAY_REFUSED,
    &HOSTING_FILTER_REFUSED,
    &RELAY_ACCOUNT_IP_REFUSED,
    &OWN_RELAY_SETTING,
    &SUBMISSION_LOGIN_REFUSED,
    &OWN_RELAY_GMAIL_SEND_AS,
    &INBOUND_REFUSAL,
    &MAILBOXFULL_OWN_SERVER,
    &DELAYED_PROGRAM,
    &LIMIT_AT_SUBMISSION,
    &PROGRAM_PORT25_BLOCKED,
    &PROGRAM_CANNOT_CONNECT,
    &SPEEDING_AT_SUBMISSION,
    &CLIENT_LISTED_AT_SUBMISSION,
    &CLIENT_HOST_REFUSED_AT_SUBMISSION,
    &SPEEDING_DEFERRED,
    &DELAYED_HOSTUNKNOWN,
    &USERUNKNOWN_ADDRESS_FORM,
    &INBOUND_REFUSAL_FETCHED,
    &GROUP_QUOTA,
    &GROUP_POST_REFUSED,
    &GROUP_NO_PERMISSION,
    &MAIL_LOOP,
    &HELO_REFUSED,
    &OWN_TLS_REQUIRED,
    &PORT25_UNREACHABLE,
    &OWN_NETWORK_UNREACHABLE,
    &AUTH_WEBMAIL_FROM,
    &LISTED_PRIVATE_IP,
    &NAMED_LIST_CLEAR,
    &FULL_OR_TOO_LARGE,
    &READ_RECEIPT,
    &READ_RECEIPT_DISPLAYED,
    &READ_RECEIPT_DELETED,
    &READ_RECEIPT_DISPATCHED,
    &READ_RECEIPT_PROCESSED,
];

/// RFC 3463 and later registry codes (IANA), with the reason Sisimai gives each, in code order.
// Source: https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml
pub(crate) const CODES: &[CodeEntry] = &[
    CodeEntry::enhanced(
        None,
        "2.0.0",
        Reason::Delivered,
        text! {
            ja: "成功（詳細なし）",
            en: "Success (no detail)",
        },
        &DELIVERED,
    ),
    CodeEntry::enhanced(
        None,
        "2.1.5",
        Reason::Delivered,
        text! {
            ja: "宛先は有効で、配送に成功しました",
            en: "Destination address valid: delivered",
        },
        &DELIVERED,
    ),
    CodeEntry::enhanced(
        None,
        "4.0.0",
        Reason::Undefined,
        text! {
            ja: "一時的なエラー（詳細なし）",
            en: "Temporary failure (no detail)",
        },
        &UNDEFINED,
    ),
    // "450 4.2.0 <rcpt>: Recipient address rejected: Greylisted" (postgrey): greylisting answers
    // a first try from an unknown sender with a temporary failure on purpose and accepts the
    // retry. X.2.0 itself is "other or undefined mailbox status" (RFC 3463), which greylisting
    // servers use; the reason is the one Sisimai gives a delay.
    // Source: RFC 6647 (https://datatracker.ietf.org/doc/html/rfc6647), sections 1 and 2.1.
    CodeEntry::enhanced(
        None,
        "4.2.0",
        Reason::Expired,
        text! {
            ja: "グレーリスト（グレイリスティング）などによる一時的な拒否: 知らない送信元からの最初の配送を受信側がわざと断るもので、再送で届きます",
            en: "Greylisting (graylisting) or another temporary mailbox state: the receiver turns away a first try from an unknown sender on purpose, and the retry gets through",
        },
        &DELAYED,
    ),
    CodeEntry::enhanced(
        None,
        "4.2.2",
        Reason::MailboxFull,
        text! {
            ja: "宛先のメールボックスが満杯（一時的）",
            en: "Mailbox full (temporary)",
        },
        &MAILBOXFULL,
    ),
    CodeEntry::enhanced(
        None,
        "4.3.1",
        Reason::SystemFull,
        text! {
            ja: "受信側のメールシステムの容量不足（一時的）",
            en: "Mail system full (temporary)",
        },
        &SYSTEMFULL,
    ),
    CodeEntry::enhanced(
        None,
        "4.3.2",
        Reason::NotAccept,
        text! {
            ja: "受信側が一時的にメールを受け付けていない",
            en: "System not accepting messages (temporary)",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "4.4.1",
        Reason::Expired,
        text! {
            ja: "相手のサーバーから応答がない",
            en: "No answer from host",
        },
        &NETWORKERROR,
    ),
    CodeEntry::enhanced(
        None,
        "4.4.2",
        Reason::NetworkError,
        text! {
            ja: "接続が途中で切れた",
            en: "Bad connection",
        },
        &NETWORKERROR,
    ),
    CodeEntry::enhanced(
        None,
        "4.4.5",
        Reason::SystemFull,
        text! {
            ja: "受信側のシステムが混雑している",
            en: "Mail system congestion",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "4.4.7",
        Reason::Expired,
        text! {
            ja: "配送期限切れ（再送をあきらめた）",
            en: "Delivery time expired",
        },
        &EXPIRED,
    ),
    CodeEntry::enhanced(
        None,
        "4.7.0",
        Reason::SecurityError,
        text! {
            ja: "セキュリティ・ポリシーによる一時的な拒否（詳細なし）",
            en: "Temporary security or policy refusal (no detail)",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "4.7.1",
        Reason::Blocked,
        text! {
            ja: "配送が許可されていない（一時的）",
            en: "Delivery not authorised (temporary)",
        },
        &BLOCKED,
    ),
    CodeEntry::enhanced(
        None,
        "5.0.0",
        Reason::Undefined,
        text! {
            ja: "恒久的なエラー（詳細なし）",
            en: "Permanent failure (no detail)",
        },
        &UNDEFINED,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.0",
        Reason::UserUnknown,
        text! {
            ja: "アドレスに関するエラー",
            en: "Other address status",
        },
        &USERUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.1",
        Reason::UserUnknown,
        text! {
            ja: "宛先のメールボックスが存在しない",
            en: "Bad destination mailbox address: no such user",
        },
        &USERUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.2",
        Reason::HostUnknown,
        text! {
            ja: "宛先のドメインが存在しない、またはメールを受け取れない",
            en: "Bad destination system address: no such domain",
        },
        &HOSTUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.3",
        Reason::UserUnknown,
        text! {
            ja: "宛先アドレスの書式が誤っている",
            en: "Bad destination mailbox address syntax",
        },
        &USERUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.4",
        Reason::Filtered,
        text! {
            ja: "宛先が複数の受信者に当てはまり、特定できない",
            en: "Destination mailbox address ambiguous",
        },
        &USERUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.6",
        Reason::HasMoved,
        text! {
            ja: "宛先が移転し、転送先がない",
            en: "Destination mailbox has moved, no forwarding address",
        },
        &HASMOVED,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.7",
        Reason::Rejected,
        text! {
            ja: "差出人アドレスの書式が誤っている",
            en: "Bad sender's mailbox address syntax",
        },
        &REJECTED,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.8",
        Reason::Rejected,
        text! {
            ja: "差出人のドメインが存在しない、または返信を受け取れない",
            en: "Bad sender's system address",
        },
        &REJECTED,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.9",
        Reason::SystemError,
        text! {
            ja: "規格に対応していない配送先へ中継された",
            en: "Message relayed to non-compliant mailer",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.1.10",
        Reason::NotAccept,
        text! {
            ja: "宛先ドメインがメールを受け取らない設定（Null MX）",
            en: "Recipient address has null MX",
        },
        &NOTACCEPT,
    ),
    CodeEntry::enhanced(
        None,
        "5.2.0",
        Reason::Filtered,
        text! {
            ja: "メールボックスに関するエラー",
            en: "Other or undefined mailbox status",
        },
        &FILTERED,
    ),
    CodeEntry::enhanced(
        None,
        "5.2.1",
        Reason::Filtered,
        text! {
            ja: "メールボックスが無効で、受け付けていない",
            en: "Mailbox disabled, not accepting messages",
        },
        &SUSPEND,
    ),
    CodeEntry::enhanced(
        None,
        "5.2.2",
        Reason::MailboxFull,
        text! {
            ja: "宛先のメールボックスが満杯",
            en: "Mailbox full",
        },
        &MAILBOXFULL,
    ),
    CodeEntry::enhanced(
        None,
        "5.2.3",
        Reason::ExceedLimit,
        text! {
            ja: "メールの大きさが宛先ごとの上限を超えた",
            en: "Message length exceeds administrative limit",
        },
        &EXCEEDLIMIT,
    ),
    CodeEntry::enhanced(
        None,
        "5.2.4",
        Reason::Filtered,
        text! {
            ja: "メーリングリストの展開に失敗した",
            en: "Mailing list expansion problem",
        },
        &MAILERERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.0",
        Reason::SystemError,
        text! {
            ja: "受信側のメールシステムのエラー",
            en: "Other or undefined mail system status",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.1",
        Reason::SystemFull,
        text! {
            ja: "受信側のメールシステムの容量不足",
            en: "Mail system full",
        },
        &SYSTEMFULL,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.2",
        Reason::NotAccept,
        text! {
            ja: "受信側がメールを受け付けていない",
            en: "System not accepting network messages",
        },
        &NOTACCEPT,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.3",
        Reason::SystemError,
        text! {
            ja: "受信側が求められた機能に対応していない",
            en: "System not capable of selected features",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.4",
        Reason::MesgTooBig,
        text! {
            ja: "メールが大きすぎる",
            en: "Message too big for system",
        },
        &MESGTOOBIG,
    ),
    CodeEntry::enhanced(
        None,
        "5.3.5",
        Reason::SystemError,
        text! {
            ja: "受信側のシステム設定の誤り",
            en: "System incorrectly configured",
        },
        &SYSTEMERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.4.0",
        Reason::NetworkError,
        text! {
            ja: "ネットワークや経路のエラー",
            en: "Other or undefined network or routing status",
        },
        &NETWORKERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.4.3",
        Reason::SystemError,
        text! {
            ja: "DNS などの参照先サーバーの障害",
            en: "Directory server failure",
        },
        &NETWORKERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.4.4",
        Reason::HostUnknown,
        text! {
            ja: "配送経路が見つからない",
            en: "Unable to route",
        },
        &HOSTUNKNOWN,
    ),
    CodeEntry::enhanced(
        None,
        "5.4.6",
        Reason::NetworkError,
        text! {
            ja: "配送がループしている",
            en: "Routing loop detected",
        },
        &NETWORKERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.4.7",
        Reason::Expired,
        text! {
            ja: "配送期限切れ",
            en: "Delivery time expired",
        },
        &EXPIRED,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.0",
        Reason::SyntaxError,
        text! {
            ja: "SMTP のやりとりのエラー",
            en: "Other or undefined protocol status",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.1",
        Reason::SyntaxError,
        text! {
            ja: "無効なコマンド",
            en: "Invalid command",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.2",
        Reason::SyntaxError,
        text! {
            ja: "コマンドの書式の誤り",
            en: "Syntax error",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.3",
        Reason::TooManyConn,
        text! {
            ja: "宛先が多すぎる",
            en: "Too many recipients",
        },
        &TOOMANYCONN,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.4",
        Reason::SystemError,
        text! {
            ja: "コマンドの引数が無効",
            en: "Invalid command arguments",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.5",
        Reason::SystemError,
        text! {
            ja: "プロトコルのバージョンが合わない",
            en: "Wrong protocol version",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.5.6",
        Reason::SyntaxError,
        text! {
            ja: "認証のやりとりの行が長すぎる",
            en: "Authentication exchange line is too long",
        },
        &SYNTAXERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.0",
        Reason::ContentError,
        text! {
            ja: "内容や形式のエラー",
            en: "Other or undefined media error",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.1",
        Reason::ContentError,
        text! {
            ja: "内容の形式に対応していない",
            en: "Media not supported",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.2",
        Reason::ContentError,
        text! {
            ja: "変換が必要だが禁止されている",
            en: "Conversion required and prohibited",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.3",
        Reason::ContentError,
        text! {
            ja: "変換が必要だが対応していない",
            en: "Conversion required but not supported",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.5",
        Reason::ContentError,
        text! {
            ja: "変換に失敗した",
            en: "Conversion failed",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.6",
        Reason::ContentError,
        text! {
            ja: "メールの内容を取得できない",
            en: "Message content not available",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.7",
        Reason::ContentError,
        text! {
            ja: "日本語などを含むアドレスが受け付けられない",
            en: "Non-ASCII addresses not permitted",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.8",
        Reason::ContentError,
        text! {
            ja: "UTF-8 の応答が必要だが使えない",
            en: "UTF-8 string reply required but not permitted",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.6.9",
        Reason::ContentError,
        text! {
            ja: "UTF-8 のヘッダーを送れない",
            en: "UTF-8 header message cannot be transferred",
        },
        &CONTENTERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.0",
        Reason::SecurityError,
        text! {
            ja: "セキュリティ・ポリシーによる拒否（詳細なし）",
            en: "Other or undefined security status",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.1",
        Reason::SecurityError,
        text! {
            ja: "配送が許可されていない（受信側のフィルターや設定による拒否）",
            en: "Delivery not authorised, message refused (filtering at the receiver)",
        },
        &BLOCKED,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.2",
        Reason::SecurityError,
        text! {
            ja: "メーリングリストへの送信が許可されていない",
            en: "Mailing list expansion prohibited",
        },
        &POLICYVIOLATION,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.3",
        Reason::SecurityError,
        text! {
            ja: "必要なセキュリティ変換ができない",
            en: "Security conversion required but not possible",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.4",
        Reason::SecurityError,
        text! {
            ja: "セキュリティ機能に対応していない",
            en: "Security features not supported",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.5",
        Reason::SecurityError,
        text! {
            ja: "暗号の処理に失敗した",
            en: "Cryptographic failure",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.6",
        Reason::SecurityError,
        text! {
            ja: "暗号方式に対応していない",
            en: "Cryptographic algorithm not supported",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.7",
        Reason::SecurityError,
        text! {
            ja: "メールの改ざんが検出された",
            en: "Message integrity failure",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.8",
        Reason::SecurityError,
        text! {
            ja: "送信サーバーへのログイン情報が正しくない",
            en: "Authentication credentials invalid",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.9",
        Reason::SecurityError,
        text! {
            ja: "認証方式が弱すぎる",
            en: "Authentication mechanism is too weak",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.10",
        Reason::SecurityError,
        text! {
            ja: "暗号化が必要",
            en: "Encryption needed",
        },
        &FAILEDSTARTTLS,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.11",
        Reason::SecurityError,
        text! {
            ja: "この認証方式には暗号化が必要",
            en: "Encryption required for requested authentication mechanism",
        },
        &FAILEDSTARTTLS,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.13",
        Reason::Suspend,
        text! {
            ja: "アカウントが無効にされている",
            en: "User account disabled",
        },
        &SUSPEND,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.14",
        Reason::SecurityError,
        text! {
            ja: "信頼関係の設定が必要",
            en: "Trust relationship required",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.15",
        Reason::SecurityError,
        text! {
            ja: "優先度が低すぎる",
            en: "Priority level is too low",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.16",
        Reason::MesgTooBig,
        text! {
            ja: "指定した優先度に対してメールが大きすぎる",
            en: "Message is too big for the specified priority",
        },
        &MESGTOOBIG,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.17",
        Reason::HasMoved,
        text! {
            ja: "メールボックスの持ち主が変わった",
            en: "Mailbox owner has changed",
        },
        &HASMOVED,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.18",
        Reason::HasMoved,
        text! {
            ja: "ドメインの持ち主が変わった",
            en: "Domain owner has changed",
        },
        &HASMOVED,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.19",
        Reason::SecurityError,
        text! {
            ja: "持ち主の確認（RRVS）ができない",
            en: "RRVS test cannot be completed",
        },
        &SECURITYERROR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.20",
        Reason::AuthFailure,
        text! {
            ja: "有効な DKIM 署名がない",
            en: "No passing DKIM signature found",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.21",
        Reason::AuthFailure,
        text! {
            ja: "受け入れられる DKIM 署名がない",
            en: "No acceptable DKIM signature found",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.22",
        Reason::AuthFailure,
        text! {
            ja: "差出人と一致する有効な DKIM 署名がない",
            en: "No valid author-matched DKIM signature found",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.23",
        Reason::AuthFailure,
        text! {
            ja: "SPF の検証に失敗した",
            en: "SPF validation failed",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.24",
        Reason::AuthFailure,
        text! {
            ja: "SPF の検証でエラーが起きた（レコードの誤りなど）",
            en: "SPF validation error (a broken record, for example)",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.25",
        Reason::RequirePtr,
        text! {
            ja: "送信サーバーの逆引き（PTR）の検証に失敗した",
            en: "Reverse DNS validation failed",
        },
        &REQUIREPTR,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.26",
        Reason::AuthFailure,
        text! {
            ja: "複数の認証（SPF・DKIM など）に失敗した",
            en: "Multiple authentication checks failed",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.27",
        Reason::Rejected,
        text! {
            ja: "差出人のドメインがメールを受け取らない設定（Null MX）",
            en: "Sender address has null MX",
        },
        &REJECTED,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.28",
        Reason::SpamDetected,
        text! {
            ja: "同じようなメールの大量送信（メールフラッド）を検出した",
            en: "Mail flood detected",
        },
        &SPAMDETECTED,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.29",
        Reason::AuthFailure,
        text! {
            ja: "ARC（転送時の認証情報）の検証に失敗した",
            en: "ARC validation failure",
        },
        &AUTHFAILURE,
    ),
    CodeEntry::enhanced(
        None,
        "5.7.30",
        Reason::FailedStartTls,
        text! {
            ja: "REQUIRETLS（暗号化での配送の要求）に対応していない",
            en: "REQUIRETLS support required",
        },
        &FAILEDSTARTTLS,
    ),
];

/// A refusal citing a list of domain names (the core's note `domain_listed`: Spamhaus DBL's own
/// advice is `spamhaus-dbl`; this one is for URIBL, SURBL and the others): a name in the mail is
/// listed (Postfix: "Helo command [name] blocked using multi.uribl.com"), not the sending IP
/// address, so no request about the IP fits (review h170, held-out x 12).
// Sources: URIBL, "URIBL lists domains that appear in spam, NOT where they were sent from ... We
// do not BLOCK" (https://uribl.com/about.shtml); SURBL, "lists of web sites that have appeared
// in unsolicited messages ... not lists of message senders", and blocking at the MTA is not
// recommended (https://www.surbl.org/); Postfix's smtpd_check.c, "%s [%s] blocked using %s".
pub(crate) const DOMAIN_LISTED: Playbook = Playbook {
    id: "generic-domain-listed",
    party: None,
    title: text! { ja: "メールの中のドメイン名がブロックリストに掲載", en: "A domain name in your mail is on a blocklist" },
    verdict: text! {
        ja: "受信側のサーバーは、{listed_name} がドメイン名のリスト（{zone}）に載っているため、メールを断りました。このリストに載るのはメールの中の名前（送信サーバーが名乗る名前、差出人のドメイン、リンク先のドメイン）で、送信元の IP アドレスではありません。",
        en: "The receiving server refused the mail because {listed_name} is on a list of domain names ({zone}). Such a list holds names found in mail (the name the sending server introduces itself with, the sender's domain, a link's domain), not sending IP addresses.",
    },
    why: text! {
        ja: "URIBL や SURBL は、迷惑メールに出てきたドメイン名のリストで、迷惑メールフィルターの点数付けに使うためのものです。URIBL 自身も「送信元ではなく、迷惑メールに出てくるドメインを載せている」「ブロックはしていない」と説明しています。受信側がこれで直接拒否すると、送信サービスの共用の名前のように多くの人が使う名前でも断られます。",
        en: "URIBL and SURBL list domain names seen in spam, for spam filters to score messages with. URIBL itself says it lists domains that appear in spam, not where mail was sent from, and that it does not block. A receiver that refuses mail on them outright also refuses names that many people share, such as a sending service's.",
    },
    actors: &[Actor::SenderAdmin, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "名前の持ち主か受信側が対応すれば、すぐから数日", en: "At once to a few days, once the name's owner or the receiver acts" },
    prepare: &[Prepare::Fact(Fact::ErrorText), Prepare::Fact(Fact::Recipient), Prepare::Fact(Fact::Time)],
    steps: &[
        Step::new(text! {
            ja: "どの名前が載っているかを確かめてください。エラー文で「Helo command [名前]」とあれば送信サーバーが名乗る名前（HELO）、「Sender address [アドレス]」なら差出人のドメインです。名前が書かれていなければ、本文のリンク先のドメインを確かめてください。",
            en: "Find out which name is listed. \"Helo command [name]\" in the error is the name the sending server introduces itself with (HELO); \"Sender address [address]\" is your address's domain. If the error names none, check the domains of the links in your message.",
        }),
        Step::new(text! {
            ja: "自分のドメインなら、持ち主としてリストのページで調べ、原因（改ざんされたホームページ、問題のあるリンク）を直してから解除を申請してください。URIBL の申請にはアカウントの登録が必要です（無料）。",
            en: "If it is your own domain, look it up on the list's page as its owner, fix the cause (a hacked website, a bad link), then ask for removal. URIBL asks you to register an account first (free).",
        })
        .link(text! { ja: "URIBL（照会と解除、英語）", en: "URIBL (lookup and removal)" }, Url::one(URIBL_HOME)),
        Step::new(text! {
            ja: "送信サービス（SendGrid など）が名乗る名前や、自分で入れていないリンク（短縮 URL、計測用のドメイン）なら、解除を申請できるのはそのサービスです。エラー全文を添えてサービスのサポートに伝えてください。他社のリンクは本文から外せば、すぐに効きます。",
            en: "If it is the name a sending service (SendGrid, for example) introduces its servers with, or a link you did not write (a link shortener, a tracking domain), only that service can have it removed: tell its support, with the full error. Removing someone else's link from your message helps at once.",
        }),
        Step::new(text! {
            ja: "急ぐ場合は、受信者に下の文面を受信側のメール管理者へ渡してもらってください。管理者はこの名前を許可するか、このリストを拒否ではなく点数付けに使うよう設定を変えられます。",
            en: "If it is urgent, ask the recipient to pass the message below to their mail administrator: they can allow the name, or use the list to score mail instead of refusing it.",
        }),
    ],
    donts: &[
        text! {
            ja: "送信元の IP アドレスの解除を、ホスティング事業者やリストに頼まないでください。載っているのは IP アドレスではないので、何も変わりません。",
            en: "Do not ask your hosting company or the list to remove your sending IP address: no IP address is listed, so it changes nothing.",
        },
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "ドメイン名のリスト（{zone}）によるメールの拒否について",
            en: "Mail refused on a domain name list ({zone})",
        },
        body: text! {
            ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、貴社側のメールサーバーから次のエラーで返ってきました。

・エラー全文: {error_text}
・送信日時: {date}

{listed_name} がドメイン名のリスト（{zone}）に載っていることが理由のようです。このリストは迷惑メールの点数付けのためのもので、送信元を示すものではありません。お手数ですが、この名前を許可していただくか、このリストでの直接の拒否を見直していただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} was refused by a mail server on your side with the error below.

- Full error: {error_text}
- Sent at: {date}

The reason seems to be that {listed_name} is on a list of domain names ({zone}). Such lists are meant for scoring spam, not for naming senders. Could you allow this name, or reconsider refusing mail outright on this list? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! { ja: "URIBL: リストについて（英語）", en: "URIBL: list information" },
            url: Url::one(URIBL_ABOUT),
        },
        Source {
            title: text! { ja: "SURBL（英語）", en: "SURBL" },
            url: Url::one(SURBL_HOME),
        },
    ],
    checked: "2026-11-27",
};
const URIBL_HOME: &str = "https://uribl.com/";
const URIBL_ABOUT: &str = "https://uribl.com/about.shtml";
const SURBL_HOME: &str = "https://www.surbl.org/";
