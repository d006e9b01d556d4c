//! A forwarding server (the recipient's side) passed on a later hop's refusal of its own
//! address: the core's note `refused_after_forwarding`. The listed address is the forwarder's,
//! not the sender's.

use super::common::*;
use crate::model::{Actor, Fact, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};

const CHECKED: &str = "2026-11-26";

/// RFC 5321 section 3.9, on aliases and forwarding: the forwarding server sends the message on
/// as a new delivery of its own.
const RFC5321_FORWARDING: &str = "https://datatracker.ietf.org/doc/html/rfc5321#section-3.9";

/// The server that reported the refusal ({remote_host}) forwards the recipient's mail, and the
/// next server refused the forwarder's own address ({ip}) for its reputation. Chosen in
/// `select.rs` through the note, in place of any playbook about a listed sending IP.
pub(crate) const REFUSED_AFTER_FORWARDING: Playbook = Playbook {
    id: "forwarder-ip-refused",
    party: None,
    title: text! {
        ja: "宛先の転送サーバーが、転送先で拒否された",
        en: "The recipient's forwarding server was refused further on",
    },
    verdict: text! {
        ja: "あなたのメールは {remote_host} に届きましたが、そこから転送した先のサーバーが、転送サーバー自身の IP アドレス {ip} をブロックリスト（または評価の低さ）を理由に拒否しました。拒否されたのはあなたの送信元ではありません。",
        en: "Your mail reached {remote_host}, which forwards it on, but the next server refused the forwarder's own IP address {ip} for a blocklist listing (or a poor reputation). Your own sending address is not the one refused.",
    },
    why: text! {
        ja: "転送サービスは、受け取ったメールを自分のサーバーから送り直します。転送先が判定したのは転送サーバーのアドレスで、あなたのアドレスではありません。直せるのは、転送サービスか、転送を設定した受信者（またはその管理者）です。",
        en: "A forwarding service sends the mail on again from its own servers, so the next server judged the forwarder's address, not yours. Only the forwarding service, or the recipient who set up the forwarding (or their administrator), can fix it.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "転送サービスと受信側の対応しだい",
        en: "Depends on the forwarding service and the receiving side",
    },
    prepare: &[
        Prepare::Fact(Fact::ErrorText),
        Prepare::Fact(Fact::Recipient),
        Prepare::Fact(Fact::Time),
    ],
    steps: &[
        Step::new(text! {
            ja: "受信者に電話や別のアドレスで連絡し、転送されたメールが転送先で拒否されていることを伝え、下の文面を転送サービスか受信側の管理者に渡してもらってください。",
            en: "Tell the recipient (by phone or another address) that mail forwarded to them is refused at the next server, and ask them to pass the message below to the forwarding service or their administrator.",
        }),
        Step::new(text! {
            ja: "受信者の転送先（最終的な）アドレスが分かれば、急ぎのメールはそちらへ直接送ってください。",
            en: "If you know the recipient's final address (where the mail is forwarded to), send urgent mail there directly.",
        }),
        Step::new(text! {
            ja: "転送サーバーの IP アドレスが受け入れられるようになったら、一度だけ送り直してください。",
            en: "Once the forwarder's address is let through, send the message again, once.",
        }),
    ],
    donts: &[
        text! {
            ja: "自分のホスティング事業者に問い合わせたり、自分の IP アドレスの解除を申請したりしないでください。掲載されているのは転送サーバーのアドレスです。",
            en: "Do not ask your own hosting company or file a removal request for your own address: the listed address is the forwarder's.",
        },
        DONT_RESEND,
    ],
    message: Some(Message {
        to: To::RecipientAdmin,
        address: None,
        subject: text! {
            ja: "{recipient} 宛ての転送メールが転送先で拒否されています（{code}）",
            en: "Mail forwarded for {recipient} is refused further on ({code})",
        },
        body: text! {
            ja: "ご担当者様

{recipient} 様宛てにお送りしたメールが、転送サーバー（{remote_host}）から次のエラーで返ってきました。転送先のサーバーが、転送サーバー自身の IP アドレス {ip} を拒否しているようです。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、転送サービスへのご確認、または転送先での受け入れの設定をお願いできますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} came back from the forwarding server ({remote_host}) with the error below. The server it forwards to seems to refuse the forwarder's own IP address, {ip}.

- Full error: {error_text}
- Sent at: {date}

Could you please check this with the forwarding service, or let the forwarder's address through at the final destination? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: &[Source {
        title: text! {
            ja: "RFC 5321 3.9 節: 転送（エイリアス）",
            en: "RFC 5321 section 3.9: aliases and forwarding",
        },
        url: Url::one(RFC5321_FORWARDING),
    }],
    checked: CHECKED,
};

/// Every playbook of this file, for `party::playbooks`.
pub(crate) const PLAYBOOKS: &[&Playbook] = &[&REFUSED_AFTER_FORWARDING];
