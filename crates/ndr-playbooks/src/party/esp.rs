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

/// Every playbook of this file, for `party::playbooks`.
pub(crate) const PLAYBOOKS: &[&Playbook] = &[&SENDER_IP_LISTED];
