//! Mail sent through a sending service (an ESP: SendGrid, Mailgun, Postmark, Amazon SES): the
//! core's note `sent_through_esp`. The IP a refusal names is then the service's, shared with its
//! other customers or dedicated to the sender's account; no hosting company of the sender's
//! runs it.

use super::common::*;
use crate::model::{Actor, Fact, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};

const CHECKED: &str = "2026-11-26";

/// SendGrid's own page on blocklists: "If you are on one of our shared IP plans and you notice
/// a block message based on one of our IP addresses then please contact our Support team. We
/// will handle all delisting requests for our shared IP users"; dedicated IP plans delist
/// themselves through the lists' forms.
const SENDGRID_BLOCKLISTED: &str = "https://github.com/sendgrid/docs/blob/develop/source/Classroom/Deliver/Undeliverable_Email/what_do_i_do_if_im_blacklisted.md";

/// A blocklist (or a receiver's reputation filter) names the address the mail left from, and
/// the text is a sending service's own event: the address is the service's. On a shared
/// address the service's support handles the listing; on one dedicated to the account, the
/// customer finds the cause and asks for removal. Chosen in `select.rs` through the note, like
/// Microsoft 365's and Gmail's `SENDER_POOL_LISTED`.
pub(crate) const SENDER_IP_LISTED: Playbook = Playbook {
    id: "esp-sender-ip-listed",
    party: None,
    title: text! {
        ja: "送信サービス（ESP）の IP アドレスがブロックリストに掲載",
        en: "Your sending service's IP address is on a blocklist",
    },
    verdict: text! {
        ja: "あなたのメールは送信サービス（SendGrid、Mailgun、Postmark、Amazon SES などの ESP）から送られました。受信側に拒否されたのは、そのサービスのサーバーの IP アドレス {ip} がブロックリストに載っていた（または受信側のフィルターで評価が低いと判断された）ためです。",
        en: "Your mail went out through a sending service (an ESP such as SendGrid, Mailgun, Postmark or Amazon SES), and the receiver refused it because the service's IP address {ip}, which your mail left from, is on a blocklist (or has a poor reputation with the receiver's filter).",
    },
    why: text! {
        ja: "送信サービスは自社の IP アドレスからメールを送ります。多くのプランでは、その IP アドレスをほかの利用者と共用しており、共用の IP アドレスの掲載はサービス側が対応します。あなたのアカウント専用の IP アドレスの場合だけ、原因の対処と解除の申請があなたの仕事になります。問い合わせる先は、メールを送り出しているサーバーを運用する送信サービスで、Web サイトのホスティング事業者やプロバイダーではありません。",
        en: "Sending services send from their own IP addresses. On most plans an address is shared with other customers, and the service deals with a listing of a shared address; only an address dedicated to your account is yours to clean up. The one to ask is the service, which runs the servers your mail leaves from, not your web host or ISP.",
    },
    // `SenderProvider` reads "your sending service" here (`render::who`).
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "送信サービスの対応しだい（共用の IP アドレスなら、別のアドレスに切り替わればすぐ）",
        en: "Depends on the sending service (right away on a shared address once it moves your mail to another one)",
    },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Ip),
        Prepare::Fact(Fact::Time),
    ],
    steps: &[
        Step::new(text! {
            ja: "送信サービスの管理画面（IP アドレスの設定）かサポートで、送信に使われた IP アドレス {ip} がほかの利用者との共用か、あなたのアカウント専用かを確認してください。",
            en: "In the sending service's dashboard (its IP address settings) or through its support, check whether the sending IP address {ip} is shared with other customers or dedicated to your account.",
        }),
        Step::new(text! {
            ja: "共用の IP アドレスなら、下の文面を送信サービスのサポートに送ってください。掲載の解除や、別の IP アドレスへの切り替えはサービス側が行います。",
            en: "On a shared address, send the message below to the sending service's support: the service handles the listing, or moves your mail to other addresses.",
        })
        .link(
            text! {
                ja: "SendGrid: ブロックリストに載ったとき（英語）",
                en: "SendGrid: what to do if you are blocklisted",
            },
            Url::one(SENDGRID_BLOCKLISTED),
        ),
        Step::new(text! {
            ja: "専用の IP アドレスなら、掲載はあなたのメールが原因です。購入したリストや古いリストへの送信、急な送信量の増加、苦情、漏れた API キーやアカウントの乗っ取りなどを確かめて止め、そのうえでリストの解除ページから申請してください（このページの表に掲載先が出ます）。",
            en: "On a dedicated address, the listing is about your own mail: look for bought or old lists, a sudden jump in volume, complaints, a leaked API key or a taken-over account, stop it, then ask for removal on the list's own page (the table on this page shows the list).",
        })
        // Without lookups the command is named without `{ip}`: a sending service's event may
        // mask the address, and a command with words in place of it could not be run.
        .in_terminal_lookups(
            text! {
                ja: "専用の IP アドレスなら、掲載はあなたのメールが原因です。購入したリストや古いリストへの送信、急な送信量の増加、苦情、漏れた API キーやアカウントの乗っ取りなどを確かめて止め、そのうえでリストの解除ページから申請してください（上の「ブロックリストの確認」に掲載先が出ます）。",
                en: "On a dedicated address, the listing is about your own mail: look for bought or old lists, a sudden jump in volume, complaints, a leaked API key or a taken-over account, stop it, then ask for removal on the list's own page (the \"Blocklist checks\" above show the list).",
            },
            text! {
                ja: "専用の IP アドレスなら、掲載はあなたのメールが原因です。購入したリストや古いリストへの送信、急な送信量の増加、苦情、漏れた API キーやアカウントの乗っ取りなどを確かめて止め、そのうえでリストの解除ページから申請してください（掲載先は、その IP アドレスを付けて `ndr-doctor lookup` を実行すると分かります）。",
                en: "On a dedicated address, the listing is about your own mail: look for bought or old lists, a sudden jump in volume, complaints, a leaked API key or a taken-over account, stop it, then ask for removal on the list's own page (run `ndr-doctor lookup` with the address to see the list).",
            },
        )
        .in_api(text! {
            ja: "専用の IP アドレスなら、掲載はあなたのメールが原因です。購入したリストや古いリストへの送信、急な送信量の増加、苦情、漏れた API キーやアカウントの乗っ取りなどを確かめて止め、そのうえでリストの解除ページから申請してください（どのリストに載っているかは、各リストの検索ページで分かります）。",
            en: "On a dedicated address, the listing is about your own mail: look for bought or old lists, a sudden jump in volume, complaints, a leaked API key or a taken-over account, stop it, then ask for removal on the list's own page (each list's lookup page shows whether it names the address).",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "Web サイトのホスティング事業者やプロバイダーに問い合わせないでください。この IP アドレスは送信サービスのものなので、ホスティング事業者やプロバイダーには対応できません。",
            en: "Do not ask your web host or your ISP: the address is the sending service's, and they cannot act on it.",
        },
        DONT_PAY,
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::SendingService,
        address: None,
        subject: text! {
            ja: "送信用 IP アドレス {ip} がブロックリストに載っています（{code}）",
            en: "Sending IP address {ip} is on a blocklist ({code})",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。貴社のサービスから {recipient} 宛てに送ったメールが、次のエラーで返ってきました。送信に使われた IP アドレスが、受信側の使っているブロックリストに載っている（またはフィルターで評価が低いと判断された）ようです。

・エラー全文: {error_text}
・エラーコード: {code}
・送信元 IP アドレス: {ip}
・送信日時: {date}

この IP アドレスが共用のものであれば、掲載の解除、または別の IP アドレスからの送信をお願いできますでしょうか。私のアカウント専用のものであれば、原因の確認に役立つ情報（送信量や苦情の状況など）を教えていただけますと幸いです。

よろしくお願いいたします。",
            en: "Hello,

Mail I sent through your service to {recipient} came back with the error below. The IP address it left from seems to be on a blocklist the receiver uses (or to have a poor reputation with its filter).

- Full error: {error_text}
- Error code: {code}
- Sending IP address: {ip}
- Sent at: {date}

If this address is a shared one, could you please have it delisted, or send my mail from another address? If it is dedicated to my account, could you tell me what you see that may have caused the listing (volume, complaints)?

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! {
            ja: "SendGrid: ブロックリストに載ったとき（共用 IP は SendGrid が解除を申請）",
            en: "SendGrid: what to do if you are blocklisted (SendGrid delists its shared IPs)",
        },
        url: Url::one(SENDGRID_BLOCKLISTED),
    }],
    checked: CHECKED,
};

/// AWS's own article on this refusal: "If you're using the Amazon SES SMTP interface, then the
/// error is similar to \"554 Message rejected: Email address is not verified. The following
/// identities failed the check in region region: identity0, identity1, identity2.\"" (the API
/// answers "400 Message rejected" with the same sentence); the identities are the "From",
/// "Source", "Sender" or "Return-Path" addresses the account has not verified in that region.
const SES_NOT_VERIFIED: &str =
    "https://repost.aws/knowledge-center/ses-554-400-message-rejected-error";

/// SES's guide to verified identities: "Before you can send an email using Amazon SES, you must
/// create and verify each identity that you're going to use as a \"From\", \"Source\",
/// \"Sender\", or \"Return-Path\" address", and "If your account is still in the Amazon SES
/// sandbox, you also need to verify any email addresses which you plan on sending email to".
const SES_IDENTITIES: &str =
    "https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html";

/// SES's guide to leaving the sandbox (production access), after which recipients need no
/// verification.
const SES_PRODUCTION_ACCESS: &str =
    "https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html";

/// Amazon SES's own words for an identity the sending account has not verified in the region it
/// sent through, in both its SMTP form ("554 Message rejected: Email address is not verified.
/// The following identities failed the check in region EU-WEST-1: ...") and its API's
/// ("MessageRejected: Email address is not verified. ..."); lowercase. Sources: `SES_NOT_VERIFIED`.
const SES_UNVERIFIED_WORDS: &[&str] = &[
    "message rejected: email address is not verified",
    "messagerejected: email address is not verified",
    "email address is not verified. the following identities failed the check in region",
];

/// The playbook of SES's refusal of an unverified identity, from the error's words (`text`,
/// lowercase), whatever reason the core gave it: Sisimai reads the SMTP form as `norelaying`
/// (its words are close to a relay refusal), yet no server was asked to relay anything, and no
/// SMTP login setting cures it. `party::by_wording` asks it.
pub(crate) fn by_ses_unverified(text: &str) -> Option<&'static Playbook> {
    SES_UNVERIFIED_WORDS
        .iter()
        .any(|w| text.contains(w))
        .then_some(&SES_UNVERIFIED_IDENTITY)
}

/// Amazon SES refused to send because an address of the message (the sender, or in the sandbox
/// a recipient) is not a verified identity of the account in the region the mail was sent
/// through. Nothing left SES; the account's owner verifies the identity there, or asks to leave
/// the sandbox when the unverified identity is a recipient. Sources: `SES_NOT_VERIFIED`,
/// `SES_IDENTITIES`, `SES_PRODUCTION_ACCESS`.
pub(crate) const SES_UNVERIFIED_IDENTITY: Playbook = Playbook {
    id: "esp-ses-unverified-identity",
    party: None,
    title: text! {
        ja: "Amazon SES: 確認（検証）されていないアドレスでの送信",
        en: "Amazon SES: an address that is not verified",
    },
    verdict: text! {
        ja: "Amazon SES が、このメールの送信を断りました。エラーに書かれたアドレス（またはドメイン）が、送信に使った AWS リージョンで、あなたの SES アカウントの確認済み ID（verified identity）になっていないためです。メールは SES から送り出されておらず、受信側は何も拒否していません。",
        en: "Amazon SES refused to send this message: the address (or domain) the error lists is not a verified identity of your SES account in the AWS region the mail was sent through. Nothing left SES, and the receiving side refused nothing.",
    },
    why: text! {
        ja: "SES は、差出人（From、Sender、Return-Path）のアドレスかそのドメインを、送信に使うリージョンごとに確認済みにしないとメールを送りません。別のリージョンで確認しただけでは使えません。また、アカウントがまだサンドボックス（新しいアカウントの試用状態）にある間は、宛先のアドレスも確認済みでなければ送れません。エラー文の「region」の後がリージョン、その後に並ぶのが確認されていないアドレスです。",
        en: "SES sends only from addresses (From, Sender, Return-Path) that it has verified, or whose domain it has verified, in the region used to send; a verification in another region does not count. While the account is still in the sandbox (a new account's trial state), every recipient address must be verified too. In the error, the word after \"region\" is the region, and the addresses after it are the ones that are not verified.",
    },
    actors: &[Actor::Sender, Actor::SenderAdmin],
    urgency: Urgency::Now,
    duration: text! {
        ja: "アドレスを確認済みにすればすぐ（サンドボックスの解除は AWS の審査しだい）",
        en: "Right away once the address is verified (leaving the sandbox depends on AWS's review)",
    },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Other(text! {
            ja: "送信に使っている AWS アカウントの SES コンソールにログインできる人（またはその連絡先）",
            en: "Someone who can sign in to the SES console of the AWS account that sends the mail (or how to reach them)",
        }),
    ],
    steps: &[
        Step::new(text! {
            ja: "エラー文から、リージョン（「region」の後、例: EU-WEST-1）と、確認されていないアドレスを読み取ってください。それが差出人のアドレスか、宛先のアドレスかを確かめます。",
            en: "Read the region (after \"region\", such as EU-WEST-1) and the addresses that are not verified from the error, and see whether they are the sender's address or a recipient's.",
        }),
        Step::new(text! {
            ja: "差出人のアドレスなら、SES コンソールでそのリージョンを選び、「検証済み ID」にそのアドレスか、そのドメインを追加して確認を済ませてください（アドレスなら届く確認メールのリンク、ドメインなら DNS に追加する DKIM のレコードで確認します）。",
            en: "If it is the sender's address, open the SES console in that region and add the address, or its domain, under \"Verified identities\", then finish the verification (a link in the mail SES sends to an address; DKIM records in DNS for a domain).",
        })
        .link(
            text! {
                ja: "Amazon SES: 確認済み ID（英語）",
                en: "Amazon SES: verified identities",
            },
            Url::one(SES_IDENTITIES),
        ),
        Step::new(text! {
            ja: "すでに確認済みのはずなら、確認した ID のリージョンが、プログラムの送信先（SMTP サーバー名 email-smtp.リージョン.amazonaws.com や API のリージョン）と同じか、状態が「確認済み」になっているか、アドレスのつづりが同じかを確かめてください。",
            en: "If you believe it is verified, check that the identity is in the same region the program sends through (the SMTP host email-smtp.REGION.amazonaws.com, or the API's region), that its status is \"Verified\" rather than pending or failed, and that the address is spelled the same.",
        }),
        Step::new(text! {
            ja: "宛先のアドレスが並んでいる場合は、アカウントがまだサンドボックスにあります。テストなら宛先を確認済みにし、誰にでも送るには SES コンソールから本番アクセス（サンドボックスの解除）を申請してください。",
            en: "If recipients are listed, the account is still in the sandbox: for a test, verify the recipient; to send to anyone, request production access (leaving the sandbox) in the SES console.",
        })
        .link(
            text! {
                ja: "Amazon SES: 本番アクセスの申請（英語）",
                en: "Amazon SES: request production access",
            },
            Url::one(SES_PRODUCTION_ACCESS),
        ),
        Step::new(text! {
            ja: "SES アカウントを自分で管理していない場合は、下の文面で管理している人に知らせてください。",
            en: "If someone else runs the SES account, tell them with the message below.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "このエラーのために、メールソフトの送信サーバーの認証設定やドメインの SPF を変えないでください。原因は SES のアカウントの中の確認済み ID で、それらを変えても解決しません。",
            en: "Do not change your mail program's SMTP login settings or your domain's SPF for this: the cause is the verified identities in the SES account, and those changes do not fix it.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(Message {
        to: To::SenderAdmin,
        address: None,
        subject: text! {
            ja: "Amazon SES で確認されていないアドレスのため送信できません",
            en: "Amazon SES refuses to send: an address is not verified",
        },
        body: text! {
            ja: "ご担当者様

お世話になっております。Amazon SES を使ったメールの送信が、次のエラーで断られました。エラーに書かれたアドレスが、そのリージョンの SES で確認済み ID になっていないようです。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、エラーに書かれたリージョンの SES コンソールで、差出人のアドレス（またはそのドメイン）を確認済み ID に追加していただけますでしょうか。宛先のアドレスが書かれている場合は、アカウントがサンドボックスにあるため、本番アクセスの申請もご検討ください。

よろしくお願いいたします。",
            en: "Hello,

Sending through Amazon SES failed with the error below. It says an address it lists is not a verified identity of our SES account in that region.

- Full error: {error_text}
- Sent at: {date}

Could you please verify the sender's address (or its domain) in the SES console of the region the error names? If recipient addresses are listed, the account is still in the SES sandbox, and requesting production access would be needed to send to them.

Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[
        Source {
            title: text! {
                ja: "AWS: 「Email address is not verified」で 554 または 400 が返るとき",
                en: "AWS: a 554 or 400 \"Message rejected\" error with \"Email address is not verified\"",
            },
            url: Url::one(SES_NOT_VERIFIED),
        },
        Source {
            title: text! {
                ja: "Amazon SES: 確認済み ID",
                en: "Amazon SES: verified identities",
            },
            url: Url::one(SES_IDENTITIES),
        },
        Source {
            title: text! {
                ja: "Amazon SES: 本番アクセスの申請（サンドボックスの解除）",
                en: "Amazon SES: request production access (leaving the sandbox)",
            },
            url: Url::one(SES_PRODUCTION_ACCESS),
        },
    ],
    checked: "2026-11-27",
};

/// Every playbook of this file, for `party::playbooks`.
pub(crate) const PLAYBOOKS: &[&Playbook] = &[&SENDER_IP_LISTED, &SES_UNVERIFIED_IDENTITY];
