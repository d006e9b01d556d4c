//! Texts many playbooks share: the same warning or step reads the same everywhere.

use ndr_core::Party;

use crate::model::{Fact, Message, Prepare, Source, Step, To};
use crate::text::Text;

// ---- Parts of a playbook built from a shared shape ----------------------------------------------

/// What names a playbook and says what happened. A playbook built from a shared shape
/// (`generic::auth_playbook`, `generic::ptr_playbook`) brings only this and its `Basis`.
pub(crate) struct Head {
    pub(crate) id: &'static str,
    pub(crate) title: Text,
    pub(crate) verdict: Text,
    pub(crate) why: Text,
}

/// Whose playbook it is and what it rests on: one per party file.
pub(crate) struct Basis {
    pub(crate) party: Option<Party>,
    pub(crate) facts: &'static [(&'static str, &'static str)],
    pub(crate) sources: &'static [Source],
    pub(crate) checked: &'static str,
}

// ---- Labels of values to copy ----------------------------------------------------------------

pub(crate) const LABEL_IP_TO_ENTER: Text = text! {
    ja: "入力する IP アドレス",
    en: "IP address to enter",
};

pub(crate) const LABEL_IP_TO_LOOK_UP: Text = text! {
    ja: "調べる IP アドレス",
    en: "IP address to look up",
};

pub(crate) const LABEL_ADDRESS_TO_CHECK: Text = text! {
    ja: "確認する宛先",
    en: "The address to check",
};

pub(crate) const LABEL_SEND_TO: Text = text! {
    ja: "送り先",
    en: "Send to",
};

pub(crate) const LABEL_DOMAIN_TO_REGISTER: Text = text! {
    ja: "登録してもらうドメイン",
    en: "The domain to register",
};

// ---- How long it takes ----------------------------------------------------------------------

pub(crate) const DURATION_RECIPIENT_SETTING: Text = text! {
    ja: "受信者が設定を変えればすぐ",
    en: "Right away once the recipient changes the setting",
};

pub(crate) const DURATION_RECIPIENT_ADMIN: Text = text! {
    ja: "受信側の管理者の対応しだい",
    en: "Depends on the recipient's administrator",
};

pub(crate) const DURATION_RIGHT_ADDRESS: Text = text! {
    ja: "正しいアドレスが分かればすぐ",
    en: "As soon as you have the right address",
};

pub(crate) const DURATION_SETTING_FIXED: Text = text! {
    ja: "設定を直せばすぐ",
    en: "Right away once the setting is fixed",
};

pub(crate) const DURATION_SEND_DIFFERENTLY: Text = text! {
    ja: "送り方を変えればすぐ",
    en: "Right away, once the message is sent differently",
};

pub(crate) const DURATION_HOURS_TO_DAY: Text = text! {
    ja: "多くは数時間から 1 日",
    en: "Usually hours to a day",
};

pub(crate) const DURATION_FEW_HOURS: Text = text! {
    ja: "多くは数時間",
    en: "Usually a few hours",
};

pub(crate) const DURATION_DAYS_AFTER_REQUEST: Text = text! {
    ja: "申請後、数日",
    en: "Days after the request",
};

pub(crate) const DURATION_NOTHING: Text = text! {
    ja: "対応は不要です",
    en: "Nothing to do",
};

// ---- What to have at hand ---------------------------------------------------------------------

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

/// What to have at hand to check an address.
pub(crate) const PREPARE_RECIPIENT: &[Prepare] = &[Prepare::Fact(Fact::Recipient)];

/// What to have at hand to check an address the error names.
pub(crate) const PREPARE_RECIPIENT_ERROR: &[Prepare] = &[
    Prepare::Fact(Fact::Recipient),
    Prepare::Fact(Fact::ErrorText),
];

/// What to have at hand for DNS changes.
pub(crate) const PREPARE_DNS: &[Prepare] = &[
    Prepare::Fact(Fact::SenderDomain),
    Prepare::Fact(Fact::ErrorText),
    Prepare::Other(text! {
        ja: "ドメインの DNS（ドメインの設定情報）を変更できる管理画面のログイン情報、または管理している会社の連絡先",
        en: "The login of the control panel where your domain's DNS (its settings) is managed, or the contact of whoever manages it",
    }),
];

// ---- What not to do -----------------------------------------------------------------------------

/// Only for blocks and reputation: there, every refused attempt counts against the sender. A
/// bounce that is not about the sender's standing gets one of the don'ts below instead.
pub(crate) const DONT_RESEND: Text = text! {
    ja: "同じメールを何度も送り直さないでください。拒否が続くと送信元の評価がさらに下がり、解除が遅れます。",
    en: "Do not send the same message again and again: every refused attempt lowers your reputation further and delays the fix.",
};

/// For refusals that a setting or the message itself causes: resending changes nothing.
pub(crate) const DONT_RESEND_UNCHANGED: Text = text! {
    ja: "原因が解消するまでは、同じメールを送り直さないでください。何度送っても同じ理由で返ってきます。",
    en: "Do not send the same message again until the cause is fixed: it will come back for the same reason.",
};

/// For a full mailbox: more copies only fill it further.
pub(crate) const DONT_RESEND_FULL: Text = text! {
    ja: "受信者が容量を空けるまでは、送り直さないでください。特に大きな添付ファイルは、何度送っても返ってきます。",
    en: "Do not resend until the recipient has made room: every copy comes back, large attachments most of all.",
};

/// For a delay: the sending server still holds the message and tries again by itself.
pub(crate) const DONT_RESEND_RETRYING: Text = text! {
    ja: "ご自身で送り直さないでください。送信サーバーが自動で再送を続けているため、相手に同じメールが二通届くことがあります。",
    en: "Do not send the message again yourself: your server is still retrying it, and the recipient could get it twice.",
};

/// For a final failure at a faulty or unreachable receiver: the server has stopped retrying, so
/// one new try later is right, a flood of tries is not.
pub(crate) const DONT_RESEND_REPEATEDLY: Text = text! {
    ja: "続けて何度も送り直さないでください。時間をおいて（または受信側から直ったと連絡があってから）一度送れば十分で、回数を増やしても早く届くことはありません。",
    en: "Do not send the message again and again: one new try after a while (or once the receiving side says it is fixed) is enough, and more tries do not get it there sooner.",
};

/// For a rate limit: more mail during the limit keeps it in place.
pub(crate) const DONT_RESEND_RATE: Text = text! {
    ja: "制限がかかっている間は、送り直したり一度に多く送ったりしないでください。送るほど制限が長引きます。",
    en: "Do not resend or send in bulk while the limit is on: more mail now keeps the limit in place longer.",
};

/// Worded for every party that uses it: not all of them run a list or take removal requests
/// (Gmail and Mimecast have no public removal; a closed list has nothing to remove), so it
/// claims only that the steps shown go to the blocking party directly.
pub(crate) const DONT_PAY: Text = text! {
    ja: "「お金を払えばすぐ解除する」という業者に依頼しないでください。ここに書いた手順は、ブロックした側に直接連絡・申請するもので、仲介業者がそれ以上のことをできるわけではありません（リストによっては、申請できるのはアドレスを管理するホスティング事業者だけです）。",
    en: "Do not pay anyone who offers to get you removed for a fee: the steps here go straight to whoever blocked you, and a paid go-between cannot do more than those steps do (for some lists, only the hosting company that owns the address may ask).",
};

pub(crate) const DONT_DELIST_FIRST: Text = text! {
    ja: "原因を直す前に解除を申請しないでください。すぐに再び掲載され、次の解除がより難しくなります。",
    en: "Do not ask for removal before the cause is fixed: the address is listed again quickly, and the next removal is harder.",
};

pub(crate) const DONT_WORKAROUND: Text = text! {
    ja: "別のフリーメールや別のサーバーから同じ内容を大量に送って回避しようとしないでください。回避の試みとみなされ、さらに厳しく扱われます。",
    en: "Do not try to get around the block by sending the same mail in bulk from another free address or server: it looks like evasion and is treated more harshly.",
};

pub(crate) const DONT_GUESS_ADDRESSES: Text = text! {
    ja: "宛先を推測して、似たアドレスに次々と送らないでください。存在しない宛先への送信が続くと、送信元の評価が下がります。",
    en: "Do not guess and try similar addresses one after another: mail to addresses that do not exist lowers your reputation.",
};

// ---- Steps ------------------------------------------------------------------------------------

pub(crate) const STEP_CHECK_ACCOUNT: Step = Step::new(text! {
    ja: "メールアカウントが乗っ取られていないか確認してください。パスワードを変更し、送信済みフォルダーや自動転送の設定に身に覚えのないものがないか確認します。",
    en: "Make sure your mail account has not been taken over: change its password, and look for sent messages or forwarding rules you do not recognise.",
});

pub(crate) const STEP_CHECK_PC: Step = Step::new(text! {
    ja: "メールを送ったパソコンやスマートフォンでウイルス対策ソフトの検査を実行してください。感染した端末が迷惑メールを送っていることがあります。",
    en: "Run a virus scan on the computers and phones that send your mail: an infected device may be sending spam in your name.",
});

pub(crate) const STEP_THIS_PAGE_CHECK: Step = Step::new(text! {
    ja: "このページの「ブロックリストの確認」で、送信元 IP アドレス {ip} がどのリストに掲載されているか確認してください。「確認できず」は「掲載なし」という意味ではありません。",
    en: "Look at the \"Blocklist check\" on this page to see which lists name your sending IP address {ip}. \"Could not check\" does not mean \"Not listed\".",
})
// `ndr-doctor diagnose --lookup` lists the checks above the advice, a state per list
// ("unavailable" for one it could not check); `ndr-doctor lookup` says "could not check".
.in_terminal_lookups(
    text! {
        ja: "上の「ブロックリストの確認」で、送信元 IP アドレス {ip} がどのリストに掲載されているか確認してください。「unavailable」は確認できなかったという意味で、「掲載なし」ではありません。",
        en: "Look at the \"Blocklist checks\" above to see which lists name your sending IP address {ip}. \"unavailable\" there means it could not be checked, not that it is not listed.",
    },
    text! {
        ja: "`ndr-doctor lookup {ip}` を実行して、送信元 IP アドレスがどのリストに掲載されているか確認してください。「could not check」は「掲載なし」という意味ではありません。",
        en: "Run `ndr-doctor lookup {ip}` to see which lists name your sending IP address. \"could not check\" does not mean \"not listed\".",
    },
)
// Another site's page runs no lookups: the lists' own lookup pages answer there.
.in_api(text! {
    ja: "送信元 IP アドレス {ip} がどのブロックリストに掲載されているか、各リストの Web サイトにある検索ページで確認してください（Spamhaus なら check.spamhaus.org）。",
    en: "Find out which blocklists name your sending IP address {ip} on the lists' own lookup pages (Spamhaus's is check.spamhaus.org).",
})
// Without a sending IP in the bounce the page checks no address: the step would send the
// reader to a check that says it did not run (review 4, T1).
.only_with(Fact::Ip);

pub(crate) const STEP_RESEND_ONCE: Step = Step::new(text! {
    ja: "解決したら、同じ宛先に一度だけ送り直してください。届いたかどうかは受信者に確認すると確実です。",
    en: "Once it is fixed, send the message again, once. Asking the recipient whether it arrived is the surest check.",
});

/// A deferral: the sending server keeps the message and tries again by itself.
pub(crate) const STEP_WAIT_FOR_RETRY: Step = Step::new(text! {
    ja: "しばらく待ってください。送信側のサーバーが自動で再送します。",
    en: "Wait: your server retries automatically.",
});

/// For an outage or a passing fault at the receiver.
pub(crate) const STEP_RETRY_LATER_ONCE: Step = Step::new(text! {
    ja: "数時間おいてから、一度だけ送り直してください。",
    en: "Wait a few hours, then send the message again, once.",
});

/// Only the receiving side can change its filter or server; the recipient passes the message on.
pub(crate) const STEP_ASK_RECIPIENT_ADMIN: Step = Step::new(text! {
    ja: "受信者に連絡し、下の文面を受信側の管理者に渡してもらってください。",
    en: "Contact the recipient and ask them to pass the message below to their administrator.",
});

/// The outgoing-server settings come from the provider: the message asks for them.
pub(crate) const STEP_ASK_SMARTHOST: Step = Step::new(text! {
    ja: "送信サーバーの名前や設定が分からない場合は、下の文面でプロバイダー（またはメールサービスの会社）に問い合わせてください。",
    en: "If you do not know the outgoing server's name or settings, ask your provider (or mail service) with the message below.",
});

/// On a shared server, the owner of the address must act.
pub(crate) const STEP_SHARED_SERVER: Step = Step::new(text! {
    ja: "共用サーバーなら、下の文面をホスティング事業者に送ってください。",
    en: "On a shared server, send the message below to your hosting company.",
});

/// The receiving side judged the server's reputation: on a shared server, the hosting company
/// can see what else leaves from it.
pub(crate) const STEP_ASK_HOST_REPUTATION: Step = Step::new(text! {
    ja: "共用サーバーから送っている場合は、下の文面をホスティング事業者に送り、送信サーバーの評価と原因を確認してもらってください。",
    en: "If you send through a shared server, send the message below to your hosting company so it checks the server's reputation and the cause.",
});

pub(crate) const STEP_CHECK_ADDRESS: Step = Step::new(text! {
    ja: "宛先を一文字ずつ確認してください。",
    en: "Check the address letter by letter.",
})
.copy(LABEL_ADDRESS_TO_CHECK, "{recipient}");

/// Carriers refuse unauthenticated mail as possibly spoofed.
pub(crate) const STEP_CARRIER_AUTH: Step = Step::new(text! {
    ja: "あなたのドメインに送信ドメイン認証（SPF・DKIM・DMARC）を設定してください。認証のないメールは、なりすましとして拒否されることがあります。",
    en: "Set up sender authentication (SPF, DKIM, DMARC) for your domain: mail without it can be refused as spoofed.",
});

/// A Microsoft Learn page and its Japanese version, which Learn serves under `/ja-jp/`.
macro_rules! learn_page {
    ($path:literal) => {
        $crate::model::Url::pair(
            concat!("https://learn.microsoft.com/en-us/", $path),
            concat!("https://learn.microsoft.com/ja-jp/", $path),
        )
    };
}
pub(crate) use learn_page;

/// A Google Help page and its Japanese version, which Google serves with `?hl=ja`.
macro_rules! google_help_page {
    ($path:literal) => {
        $crate::model::Url::pair(
            concat!("https://support.google.com/", $path),
            concat!("https://support.google.com/", $path, "?hl=ja"),
        )
    };
}
pub(crate) use google_help_page;

/// A text for an operator that answers only in English (Microsoft's delist team, Apple): the
/// English is written once, and the Japanese side is a note in Japanese followed by that same
/// English. With one argument (a subject line), both sides are the English.
macro_rules! english_only {
    ($english:literal) => {
        text! {
            ja: $english,
            en: $english,
        }
    };
    ($note:literal, $english:literal) => {
        text! {
            ja: concat!($note, "\n\n", $english),
            en: $english,
        }
    };
}
pub(crate) use english_only;

// ---- Ready-to-send messages ---------------------------------------------------------------------

/// The message most blocklist playbooks hand to a hosting company. `{list_name}` is a fact
/// of each party.
pub(crate) const MESSAGE_HOSTING_LISTED: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信メールが拒否されています（送信元 IP アドレス {ip}、{list_name}）",
        en: "Mail from your server is refused (IP {ip}, {list_name})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、相手先で次のエラーにより拒否されました。送信元 IP アドレス {ip} がブロックリスト（{list_name}）に掲載されているようです。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. IP アドレス {ip} の掲載状況と、掲載の原因（同じサーバーの他の利用者による送信なども含めて）
2. 原因への対処と、ブロックリスト（{list_name}）への解除申請
3. 解除まで時間がかかる場合は、別の送信サーバーへの切り替え

よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused with the error below. It looks like your server's IP address {ip} is on a blocklist ({list_name}).

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please:
1. Check whether {ip} is listed and why (including mail sent by other customers on the same server).
2. Fix the cause and request removal from the blocklist ({list_name}).
3. If removal will take time, move my outgoing mail to a server whose address is not listed.

Thank you.",
    },
};

/// For lists whose entries expire by themselves once the spam stops (SpamCop, Trend Micro's
/// QIL, UCEPROTECT levels 2 and 3): no removal request to ask for, only the cause and a way
/// round it in the meantime.
pub(crate) const MESSAGE_HOSTING_LISTED_EXPIRES: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: MESSAGE_HOSTING_LISTED.subject,
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、相手先で次のエラーにより拒否されました。送信元 IP アドレス {ip} が {list_name} のブロックリストに掲載されているようです。{list_name} の掲載は、原因の送信が止まれば時間がたつと自動で消える仕組みです。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. IP アドレス {ip} から迷惑メールなどが送られていないか（同じサーバーの他の利用者による送信も含めて）と、その原因への対処
2. 掲載が消えるまでの間、掲載されていない別の送信サーバーへの切り替え

よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused with the error below. It looks like your server's IP address {ip} is on the {list_name} blocklist. {list_name} listings expire by themselves some time after the spam stops.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please:
1. Check whether spam is being sent from {ip} (including mail from other customers on the same server), and stop the cause.
2. Until the listing expires, move my outgoing mail to a server whose address is not listed.

Thank you.",
    },
};

/// For lists of addresses that should not send mail directly (Spamhaus PBL, Trend Micro's
/// DUL): the fix is the provider's outgoing server, so the message asks for its settings.
pub(crate) const MESSAGE_PROVIDER_SMARTHOST: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信サーバーの設定についての問い合わせ（送信元 IP アドレス {ip}）",
        en: "Which outgoing mail server should I use? (IP {ip})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社の回線（またはサービス）からメールを送っている者です。

送信したメールが、相手先で次のエラーにより拒否されました。IP アドレス {ip} から送信サーバーを通さずに直接送っているため、{list_name} の一覧（直接の送信に使わない IP アドレスの一覧）に当たったようです。

・エラー全文: {error_text}
・送信日時: {date}

貴社の送信サーバー経由で送るように設定を変えたいので、送信サーバー名、ポート番号、認証の方法を教えていただけますでしょうか。

よろしくお願いいたします。",
        en: "Hello,

I send mail through your connection (or service). My mail was refused with the error below: it seems I send straight from the IP address {ip} instead of through an outgoing mail server, and {list_name} lists that address as one that should not send mail directly.

- Full error: {error_text}
- Sent at: {date}

I would like to send through your outgoing mail server instead. Could you tell me its name, port and how to authenticate?

Thank you.",
    },
};

/// Asking the recipient (by phone or another address) to let the sender's mail through.
pub(crate) const MESSAGE_RECIPIENT_ALLOW: Message = Message {
    to: To::Recipient,
    address: None,
    subject: text! {
        ja: "メールが届かないため、受信設定のご確認をお願いします",
        en: "My mail to you is being refused: could you check your spam settings?",
    },
    body: text! {
        ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが、受信側で拒否されて返ってきてしまいました。お手数ですが、迷惑メール対策の設定で{allowed_sender}からのメールを受信できるようにしていただけますでしょうか。

・返ってきたエラー: {error_text}
・送信日時: {date}

社内の管理部門が設定している場合は、この内容をそのままお伝えいただければ幸いです。よろしくお願いいたします。",
        en: "Hello,

The mail I sent to {recipient} was refused by your mail system and came back to me. Could you please allow mail from {allowed_sender} in your spam settings?

- The error I received: {error_text}
- Sent at: {date}

If your IT department manages these settings, please forward this to them. Thank you.",
    },
};

/// Asking a mobile phone user to let the sender through. `{allow_list}` is a fact of each carrier's
/// playbook: the name of its allow-list setting, which the recipient will search for.
pub(crate) const MESSAGE_CARRIER_ALLOW: Message = Message {
    to: To::Recipient,
    address: None,
    subject: text! {
        ja: "メールの受信設定のお願い",
        en: "Could you let my mail through your spam settings?",
    },
    body: text! {
        ja: "いつもお世話になっております。

{recipient} 宛てにお送りしたメールが、携帯電話の迷惑メール設定により届かずに返ってきてしまいました。お手数ですが、迷惑メール設定の「{allow_list}」に{allowed_sender}を登録していただけますでしょうか。設定方法は、ご契約の携帯電話会社のホームページで「{allow_list}」と検索するとご確認いただけます。

登録いただけましたら、あらためてお送りいたします。よろしくお願いいたします。",
        en: "Hello,

The mail I sent to {recipient} came back because of the phone's spam settings. Could you add {allowed_sender} to the allow list ({allow_list}) in your spam settings? Your carrier's website explains how (search for {allow_list}).

I will send it again once you have. Thank you.",
    },
};

/// Asking the recipient organisation's administrator to look at their side: a filter or block
/// list, or a server that failed. The recipient passes it on, so it opens as a first contact.
pub(crate) const MESSAGE_RECIPIENT_ADMIN: Message = Message {
    to: To::RecipientAdmin,
    address: None,
    subject: text! {
        ja: "{recipient} 様宛てのメールが届かない件について",
        en: "My mail to {recipient} does not reach your organisation",
    },
    body: text! {
        ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、次のエラーで返ってきてしまい、届いておりません。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信元 IP アドレス: {ip}
・送信日時: {date}

お手数ですが、貴社のメールシステム（フィルターやブロックリストの設定、サーバーの状態）をご確認のうえ、{allowed_sender}からのメールを受信できるようご対応いただけますでしょうか。よろしくお願いいたします。",
        en: "Hello,

Mail I sent to {recipient} came back with the error below and was not delivered.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sending IP address: {ip}
- Sent at: {date}

Could you please check your mail system (filter and blocklist settings, the server's state) so that mail from {allowed_sender} can be received? Thank you.",
    },
};

/// Asking the recipient organisation's administrator to look at their mail server, when the
/// error says it is down, full or failing (not a filter): the same first contact as
/// [`MESSAGE_RECIPIENT_ADMIN`], without asking them to look at filters or blocklists.
pub(crate) const MESSAGE_RECIPIENT_SERVER: Message = Message {
    to: To::RecipientAdmin,
    address: None,
    subject: text! {
        ja: "{recipient} 様宛てのメールが届かない件について",
        en: "My mail to {recipient} does not reach your organisation",
    },
    body: text! {
        ja: "ご担当者様

突然のご連絡失礼いたします。{recipient} 様宛てにお送りしたメールが、次のエラーで返ってきてしまい、届いておりません。

・エラー全文: {error_text}
・エラーを返したサーバー: {remote_host}
・送信日時: {date}

エラーの内容から、貴社のメールサーバー側で受け取れない状態になっている可能性があります。お手数ですが、メールサーバーの状態（停止や障害、容量、設定）と、ドメインの DNS（MX レコード）の設定をご確認いただけますでしょうか。よろしくお願いいたします。",
        en: "Hello,

Mail I sent to {recipient} came back with the error below and was not delivered.

- Full error: {error_text}
- Server that returned it: {remote_host}
- Sent at: {date}

The error suggests that your mail server could not take the message. Could you please check its state (an outage or fault, its storage, its settings) and the domain's DNS (its MX records)? Thank you.",
    },
};

/// Asking whoever runs the sending side (the IT administrator, or the hosting company that runs
/// the server or the domain's DNS) to look at a setting. It reads right to either of them.
pub(crate) const MESSAGE_SENDER_ADMIN: Message = Message {
    to: To::SenderAdmin,
    address: None,
    subject: text! {
        ja: "送信したメールがエラーで返ってきました（{code}）",
        en: "My outgoing mail bounced ({code})",
    },
    body: text! {
        ja: "ご担当者様

お世話になっております。{recipient} 宛てに送ったメールが、次のエラーで返ってきました。送信側の設定（ドメインの DNS やメールサーバー）が原因の可能性があるため、ご確認をお願いできますでしょうか。

・エラー全文: {error_text}
・エラーコード: {code}
・相手先サーバー: {remote_host}
・送信日時: {date}

よろしくお願いいたします。",
        en: "Hello,

My message to {recipient} bounced with the error below. It may be caused by a setting on the sending side (the domain's DNS or the mail server); could you please take a look?

- Full error: {error_text}
- Code: {code}
- Receiving server: {remote_host}
- Sent at: {date}

Thank you.",
    },
};

/// The receiving side judged the sending server's reputation too low; there may be no list to
/// name (Gmail, Outlook.com's SC-001, an unknown receiver).
pub(crate) const MESSAGE_HOSTING_REPUTATION: Message = Message {
    to: To::HostingProvider,
    address: None,
    subject: text! {
        ja: "送信メールが相手先で受け取りを拒否されています（送信元 IP アドレス {ip}）",
        en: "Mail from your server is refused for its reputation (IP {ip})",
    },
    body: text! {
        ja: "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、相手先で次のエラーにより拒否されました。送信元 IP アドレス {ip} の評価（レピュテーション）が低いと判断されたようです。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. IP アドレス {ip} から迷惑メールや大量のメールが送られていないか（同じサーバーの他の利用者による送信も含めて）
2. 原因がある場合は、その対処
3. 評価の回復に時間がかかる場合は、別の送信サーバーへの切り替え

よろしくお願いいたします。",
        en: "Hello,

I send mail for {sender_domain} through your service. My mail was refused with the error below: the receiving side seems to judge the reputation of your server's IP address {ip} too low.

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please:
1. Check whether spam or unusual volumes of mail are being sent from {ip} (including mail from other customers on the same server).
2. Fix the cause, if there is one.
3. If the reputation will take time to recover, move my outgoing mail to another server.

Thank you.",
    },
};
