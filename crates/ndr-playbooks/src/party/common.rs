//! Texts many playbooks share: the same warning or step reads the same everywhere.

use crate::model::{Fact, Message, Prepare, Step, To};
use crate::text::Text;

/// What to have at hand for any block-list removal.
pub(crate) const PREPARE_BLOCK: &[Prepare] = &[
    Prepare::Fact(Fact::Ip),
    Prepare::Fact(Fact::ErrorText),
    Prepare::Fact(Fact::Time),
    Prepare::Fact(Fact::SenderAddress),
];

/// What to have at hand when someone else must change a setting.
pub(crate) const PREPARE_ERROR: &[Prepare] = &[
    Prepare::Fact(Fact::ErrorText),
    Prepare::Fact(Fact::Recipient),
    Prepare::Fact(Fact::Time),
];

/// What to have at hand for DNS changes.
pub(crate) const PREPARE_DNS: &[Prepare] = &[
    Prepare::Fact(Fact::SenderDomain),
    Prepare::Fact(Fact::ErrorText),
    Prepare::Other(Text {
        ja: "ドメインの DNS（ドメインの設定情報）を変更できる管理画面のログイン情報、または管理している会社の連絡先",
        en: "The login of the control panel where your domain's DNS (its settings) is managed, or the contact of whoever manages it",
    }),
];

pub(crate) const DONT_RESEND: Text = Text {
    ja: "同じメールを何度も送り直さないでください。拒否が続くと送信元の評価がさらに下がり、解除が遅れます。",
    en: "Do not send the same message again and again: every refused attempt lowers your reputation further and delays the fix.",
};

pub(crate) const DONT_PAY: Text = Text {
    ja: "「お金を払えばすぐ解除する」という業者に依頼しないでください。この手続きは無料で、本人（またはプロバイダー）しか申請できません。",
    en: "Do not pay anyone who offers to get you removed for a fee: the procedure is free and only you (or your provider) can file it.",
};

pub(crate) const DONT_DELIST_FIRST: Text = Text {
    ja: "原因を直す前に解除を申請しないでください。すぐ再掲載され、次回の解除がより難しくなります。",
    en: "Do not ask for removal before the cause is fixed: the address is listed again quickly, and the next removal is harder.",
};

pub(crate) const DONT_WORKAROUND: Text = Text {
    ja: "別のフリーメールや別のサーバーから同じ内容を大量に送って回避しようとしないでください。回避の試みとみなされ、さらに厳しく扱われます。",
    en: "Do not try to get around the block by sending the same mail in bulk from another free address or server: it looks like evasion and is treated more harshly.",
};

pub(crate) const DONT_GUESS_ADDRESSES: Text = Text {
    ja: "宛先を推測して、似たアドレスに次々と送らないでください。存在しない宛先への送信が続くと、送信元の評価が下がります。",
    en: "Do not guess and try similar addresses one after another: mail to addresses that do not exist lowers your reputation.",
};

pub(crate) const STEP_CHECK_ACCOUNT: Step = Step::new(Text {
    ja: "メールアカウントが乗っ取られていないか確認してください。パスワードを変更し、送信済みフォルダや自動転送の設定に身に覚えのないものがないか見ます。",
    en: "Make sure your mail account has not been taken over: change its password, and look for sent messages or forwarding rules you do not recognise.",
});

pub(crate) const STEP_CHECK_PC: Step = Step::new(Text {
    ja: "メールを送ったパソコンやスマートフォンでウイルス対策ソフトの検査を実行してください。感染した端末が迷惑メールを送っていることがあります。",
    en: "Run a virus scan on the computers and phones that send your mail: an infected device may be sending spam in your name.",
});

pub(crate) const STEP_THIS_PAGE_CHECK: Step = Step::new(Text {
    ja: "このページの「ブロックリスト照会」の結果で、IP アドレス {ip} がどのリストに掲載されているかを確認してください。「判定不能」はリストに載っていないという意味ではありません。",
    en: "Look at the block-list check on this page to see which lists name {ip}. \"Could not check\" does not mean \"not listed\".",
});

pub(crate) const STEP_RESEND_ONCE: Step = Step::new(Text {
    ja: "解決したら、同じ宛先に一度だけ送り直してください。届いたかどうかは受信者に確認すると確実です。",
    en: "Once it is fixed, send the message again, once. Asking the recipient whether it arrived is the surest check.",
});

/// The message most block-list playbooks hand to a hosting company. `{list_name}` is a fact
/// of each party.
pub(crate) const MESSAGE_HOSTING_LISTED: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: Text {
        ja: "送信メールが拒否されています（送信元 IP {ip}、{list_name}）",
        en: "Mail from your server is refused (IP {ip}, {list_name})",
    },
    body: Text {
        ja: "ご担当者様

いつもお世話になっております。{sender_domain} でメールを利用している者です。

送信したメールが、相手先で次のエラーにより拒否されました。送信元サーバーの IP アドレス {ip} が {list_name} のブロックリストに掲載されているようです。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. IP アドレス {ip} の掲載状況と、掲載の原因（同じサーバーの他の利用者による送信なども含めて）
2. 原因への対処と、{list_name} への解除申請
3. 解除まで時間がかかる場合は、別の送信サーバーへの切り替え

よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused with the error below. It looks like your server's address {ip} is on the {list_name} block list.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please:
1. Check whether {ip} is listed and why (including mail sent by other customers on the same server).
2. Fix the cause and request removal from {list_name}.
3. If removal will take time, move my outgoing mail to a server whose address is not listed.

Thank you.",
    },
};

/// Asking the recipient (by phone or another address) to let the sender's mail through.
pub(crate) const MESSAGE_RECIPIENT_ALLOW: Message = Message {
    to: To::Recipient,
    address: None,
    subject: Text {
        ja: "メールが届かないため、受信設定のご確認をお願いします（{sender_domain}）",
        en: "My mail to you is being refused: could you allow {sender_domain}?",
    },
    body: Text {
        ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが、受信側で拒否されて返ってきてしまいました。お手数ですが、迷惑メール対策の設定で、私の送信元（@{sender_domain}）からのメールを受信できるようにしていただけますでしょうか。

・返ってきたエラー: {error_text}
・送信日時: {date}

社内の管理部門が設定している場合は、この内容をそのままお伝えいただければ幸いです。よろしくお願いいたします。",
        en: "Hello,

The mail I sent to {recipient} was refused by your mail system and came back to me. Could you please allow mail from my address (@{sender_domain}) in your spam settings?

- The error I received: {error_text}
- Sent at: {date}

If your IT department manages these settings, please forward this to them. Thank you.",
    },
};

/// Asking the recipient organisation's administrator to look at their own filter.
pub(crate) const MESSAGE_RECIPIENT_ADMIN: Message = Message {
    to: To::RecipientAdmin,
    address: None,
    subject: Text {
        ja: "貴社宛てのメールが受信側で拒否されています（{sender_domain}）",
        en: "Mail from {sender_domain} is refused by your mail system",
    },
    body: Text {
        ja: "ご担当者様

{recipient} 様宛てにお送りしたメールが、貴社のメールシステムで次のエラーにより拒否されました。

・エラー全文: {error_text}
・拒否したサーバー: {remote_host}
・送信元 IP アドレス: {ip}
・送信日時: {date}

お手数ですが、貴社のフィルターやブロックリストの設定をご確認のうえ、@{sender_domain} からのメールを受信できるようご対応いただけますでしょうか。よろしくお願いいたします。",
        en: "Hello,

Mail I sent to {recipient} was refused by your mail system with the error below.

- Full error: {error_text}
- Refusing server: {remote_host}
- Sending IP address: {ip}
- Sent at: {date}

Could you please check your filter and block-list settings and allow mail from @{sender_domain}? Thank you.",
    },
};

/// Asking one's own IT administrator to act on a tenant or server setting.
pub(crate) const MESSAGE_SENDER_ADMIN: Message = Message {
    to: To::SenderAdmin,
    address: None,
    subject: Text {
        ja: "送信メールがエラーで返ってきました（{code}）",
        en: "My outgoing mail bounced ({code})",
    },
    body: Text {
        ja: "お疲れさまです。

{recipient} 宛てに送ったメールが、次のエラーで返ってきました。送信側（当社）の設定が原因の可能性があるため、ご確認をお願いできますでしょうか。

・エラー全文: {error_text}
・エラーコード: {code}
・相手先サーバー: {remote_host}
・送信日時: {date}

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. It may be caused by a setting on our side; could you please take a look?

- Full error: {error_text}
- Code: {code}
- Receiving server: {remote_host}
- Sent at: {date}

Thank you.",
    },
};
