//! A forwarding server (the recipient's side) passed on a later hop's refusal of its own
//! address: the core's note `refused_after_forwarding`. The listed address is the forwarder's,
//! not the sender's.

use super::common::*;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

const CHECKED: &str = "2026-11-26";

/// RFC 5321 section 3.9, on aliases and forwarding: the forwarding server sends the message on
/// as a new delivery of its own.
const RFC5321_FORWARDING: &str = "https://datatracker.ietf.org/doc/html/rfc5321#section-3.9";

/// Both playbooks' source: what forwarding and aliases are.
const SOURCES: &[Source] = &[Source {
    title: text! {
        ja: "RFC 5321 3.9 節: 転送（エイリアス）",
        en: "RFC 5321 section 3.9: aliases and forwarding",
    },
    url: Url::one(RFC5321_FORWARDING),
}];

/// A server on the recipient's side ({forwarder}, the note's detail) forwards the recipient's
/// mail, and the next server refused the forwarder itself. Two shapes: a forwarding service
/// reports the next hop's refusal of its own address (then {remote_host} is the forwarder), or a
/// Postfix alias bounce ("(expanded from <alias>)") names the destination that refused as
/// {remote_host} and shows no forwarder's address (review of set n, case 05). The texts name the
/// forwarder only, never {remote_host} or {ip}, so both read right. Chosen in `select.rs`
/// through the note, in place of any playbook about a listed sending IP.
pub(crate) const REFUSED_AFTER_FORWARDING: Playbook = Playbook {
    id: "forwarder-ip-refused",
    party: None,
    title: text! {
        ja: "宛先の転送サーバーが、転送先で拒否された",
        en: "The recipient's forwarding server was refused further on",
    },
    verdict: text! {
        ja: "あなたのメールは転送サーバー {forwarder} に届きましたが、そこから転送した先のサーバーが、転送サーバー自身（その IP アドレスや送り方）を拒否しました。拒否されたのはあなたの送信元ではありません。",
        en: "Your mail reached the forwarding server {forwarder}, but the server it forwards to refused the forwarder itself (its IP address or the way it sends), not your sending address.",
    },
    why: text! {
        ja: "転送サーバーは、受け取ったメールを自分から送り直します。転送先が判定したのは転送サーバーで、あなたではありません。直せるのは、転送サーバーの管理者か、転送を設定した受信者です。",
        en: "A forwarding server sends the mail on again itself, so the next server judged the forwarder, not you. Only the forwarder's administrator, or the recipient who set up the forwarding, can fix it.",
    },
    actors: &[Actor::RecipientAdmin, Actor::Recipient],
    urgency: Urgency::Soon,
    duration: text! {
        ja: "転送サービスと受信側の対応しだい",
        en: "Depends on the forwarding service and the receiving side",
    },
    prepare: PREPARE_ERROR,
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
            ja: "転送が受け入れられるようになったら、一度だけ送り直してください。",
            en: "Once the forwarded mail is let through, send the message again, once.",
        }),
    ],
    donts: &[
        text! {
            ja: "自分のホスティング事業者に問い合わせたり、自分の IP アドレスの解除を申請したりしないでください。拒否されたのは転送サーバーです。",
            en: "Do not ask your own hosting company or file a removal request for your own address: the server refused is the forwarder.",
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

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、転送サーバー（{forwarder}）から転送された先で、次のエラーで拒否されました。転送先のサーバーが、転送サーバー自身を拒否しているようです。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、転送サービスへのご確認、または転送先での受け入れの設定をお願いできますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} was forwarded by {forwarder} and refused further on with the error below. The server it forwards to seems to refuse the forwarding server itself.

- Full error: {error_text}
- Sent at: {date}

Could you please check this with the forwarding service, or let the forwarder's address through at the final destination? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// An alias or a forwarding on the recipient's side (the core's `original_recipient`) led the
/// mail to an address that cannot take it: no such mailbox, a full or closed one, or a domain
/// that does not exist. The address the sender wrote is right; where it forwards is not, and
/// only its owner (or that owner's administrator) can change it. Chosen in `select.rs` for those
/// reasons, before any party's playbook about the mailbox, which would have the sender check
/// the spelling of an address that is not at fault. `{recipient}` names both addresses
/// (`labels::forwarded_recipient`); the texts say "forwarded" themselves, so it names the final
/// one as such.
pub(crate) const DESTINATION_REFUSED: Playbook = Playbook {
    id: "forwarded-destination-refused",
    party: None,
    title: text! {
        ja: "転送先のアドレスが受け取れない",
        en: "The address your mail was forwarded to cannot take it",
    },
    verdict: text! {
        ja: "{recipient} 宛てのメールは別のアドレスへ転送され、その転送先が受け取れませんでした（存在しない、容量がいっぱい、停止されているなど）。あなたが書いた宛先は間違っていません。",
        en: "Your mail to {recipient} was forwarded on, and that final address could not take it (no such mailbox, a full one, or a closed account). The address you wrote is not wrong.",
    },
    why: text! {
        ja: "あなたが送った宛先は、別のアドレスへ自動で転送する設定（エイリアスや転送設定）になっていて、その転送先がもう使えなくなっています。転送の設定を直せるのは、その宛先の持ち主か、その組織の管理者だけです。",
        en: "The address you sent to passes its mail on to another address (an alias or a forwarding rule), and that address no longer works. Only the owner of the address you sent to, or their administrator, can change where it forwards.",
    },
    actors: &[Actor::Recipient, Actor::RecipientAdmin],
    urgency: Urgency::Soon,
    duration: DURATION_RECIPIENT_SETTING,
    prepare: PREPARE_ERROR,
    steps: &[
        Step::new(text! {
            ja: "受信者に電話や別のアドレスで連絡し、その宛先の転送先がメールを受け取れなくなっていることを伝えて、下の文面を渡してください。",
            en: "Tell the recipient (by phone or another address) that the address you used passes mail on to an address that no longer takes it, and give them the message below.",
        }),
        Step::new(text! {
            ja: "急ぎのメールは、受信者に今使えるアドレスを聞いて、そちらへ送ってください。",
            en: "For urgent mail, ask the recipient for an address that works now and send it there.",
        }),
        Step::new(text! {
            ja: "転送の設定が直ったら、一度だけ送り直してください。",
            en: "Once the forwarding is fixed, send the message again, once.",
        }),
    ],
    donts: &[
        text! {
            ja: "アドレス帳の宛先を書き換えたり、自分のメール事業者に問い合わせたりしないでください。あなたの側に原因はありません。",
            en: "Do not change the address in your address book or ask your own mail provider: nothing on your side caused this.",
        },
        DONT_RESEND_UNCHANGED,
    ],
    message: Some(Message {
        to: To::Recipient,
        address: None,
        subject: text! {
            ja: "{recipient} 宛てのメールが転送先で受け取られていません",
            en: "Mail to {recipient} bounces after forwarding",
        },
        body: text! {
            ja: "お世話になっております。

{recipient} 宛てにお送りしたメールが、転送された先で受け取られず、次のエラーで返ってきました。転送先のアドレスが存在しないか、使えなくなっているようです。

・エラー全文: {error_text}
・送信日時: {date}

お手数ですが、転送の設定をご確認いただくか、今お使いのアドレスを教えていただけますでしょうか。よろしくお願いいたします。",
            en: "Hello,

Mail I sent to {recipient} was forwarded on and came back with the error below. The final address does not seem to exist or work any more.

- Full error: {error_text}
- Sent at: {date}

Could you please check where this address forwards to, or tell me an address to use instead? Thank you.",
        },
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// Every playbook of this file, for `party::playbooks`.
pub(crate) const PLAYBOOKS: &[&Playbook] = &[&REFUSED_AFTER_FORWARDING, &DESTINATION_REFUSED];
