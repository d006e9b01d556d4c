//! Outlook.com, Hotmail, Live and MSN (Microsoft's consumer mailboxes): the deliverability
//! support form, SNDS and JMRP.

use ndr_core::{Party, Reason};

use super::common::*;
use super::generic::auth_playbook;
use super::{rest, spamhaus, PartyBook, DEFERRAL_REASONS, REFUSAL_REASONS};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Prepare, Source, Step, To, Urgency, Url};
use crate::text::Text;

// ---- Facts that change, in one place -------------------------------------------------------

/// Newest snapshot of the postmaster pages (troubleshooting and policies, 2026-06-15).
const CHECKED: &str = "2026-06-15";
const DOMAINS: &[&str] = &[
    "support.microsoft.com",
    "sendersupport.olc.protection.outlook.com",
    "go.microsoft.com",
    "aka.ms",
    "outlook.live.com",
    "windows.microsoft.com",
];
/// The Outlook.com deliverability support request form (only for @outlook.com, @hotmail.com,
/// @live.com and @msn.com delivery).
const SUPPORT_FORM: &str =
    "https://support.microsoft.com/supportrequestform/8ad563e3-288e-2a61-8122-3ba03d6b8d75";
const FIX_515: Url = Url::pair(
    "https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef",
    "https://support.microsoft.com/ja-jp/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef",
);
/// The postmaster host was announced as deprecated in 2026 (SNDS moved in May 2026; the new
/// address was not captured). Kept as the source of the code table, not as a step link.
const POSTMASTER_TROUBLESHOOTING: &str =
    "https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx";
const POSTMASTER_POLICIES: &str =
    "https://sendersupport.olc.protection.outlook.com/pm/policies.aspx";

const FACTS: &[(&str, &str)] = &[("list_name", "Outlook.com")];

const SRC_TROUBLESHOOTING: Source = Source {
    title: text! { ja: "Outlook.com 送信者向けサポート: トラブルシューティング（旧アドレス。SNDS は 2026 年 5 月に移転し、このホストは廃止と告知済み）", en: "Outlook.com Postmaster: Troubleshooting (former address: SNDS moved in May 2026 and this host was announced as retired)" },
    url: Url::one(POSTMASTER_TROUBLESHOOTING),
};
const SRC_POLICIES: Source = Source {
    title: text! {
        ja: "Outlook.com 送信者向けサポート: ポリシー（旧アドレス）",
        en: "Outlook.com Postmaster: Policies (former address)",
    },
    url: Url::one(POSTMASTER_POLICIES),
};
const SRC_FORM: Source = Source {
    title: text! {
        ja: "Outlook.com 配信サポート依頼フォーム",
        en: "Outlook.com deliverability support request form",
    },
    url: Url::one(SUPPORT_FORM),
};
const SOURCES: &[Source] = &[SRC_TROUBLESHOOTING, SRC_POLICIES, SRC_FORM];

const STEP_FORM: Step = Step::new(text! {
    ja: "Outlook.com の配信サポート依頼フォーム（英語）を開き、連絡先、ブロックされた IP アドレス、エラーの全文を入力して送信します。説明欄には、原因と直したことを英語で短く書いてください。このフォームは Outlook.com・Hotmail・Live・MSN 宛ての配信専用です。",
    en: "Open the Outlook.com deliverability support form and enter your contact details, the blocked IP address and the full error. In the description, say briefly what caused it and what you fixed. The form is only for mail to Outlook.com, Hotmail, Live and MSN.",
})
.link(text! { ja: "Outlook.com 配信サポート依頼フォーム（英語）", en: "Outlook.com deliverability support form" }, Url::one(SUPPORT_FORM))
.copy(LABEL_IP_TO_ENTER, "{ip}");

const STEP_FORM_REPLY: Step = Step::new(text! {
    ja: "回答はメールで届きます。「対応の対象外（not qualified for mitigation）」という返事が来ることもあります。その場合は、直したことを具体的に書いて返信してください。対応された場合、反映まで 24〜48 時間ほどかかります。",
    en: "The answer comes by email. It may say the address is \"not qualified for mitigation\": then reply with concrete details of what you fixed. When mitigation is granted, it takes about 24 to 48 hours to apply.",
});

const STEP_NOT_PORTAL: Step = Step::new(text! {
    ja: "Microsoft 365 向けの解除申請ページ（sender.office.com）はこのブロックには使えません。そこで「ブロックされていない」と表示されても、Outlook.com のブロックは残っています。",
    en: "The Microsoft 365 delist portal (sender.office.com) does not handle this block: even if it says \"not blocked\", the Outlook.com block remains.",
});

const STEP_SNDS: Step = Step::new(text! {
    ja: "継続して送る場合は、Microsoft の SNDS（送信元 IP アドレスの評価や苦情の状況を確認できる無料の仕組み）と JMRP（苦情の報告を受け取る仕組み）に登録してください。SNDS は 2026 年 5 月に新しいアドレスへ移転したため、Microsoft のサイトで最新の案内を確認してください。",
    en: "If you send regularly, sign up for Microsoft's SNDS (free data on your IP's reputation and complaints) and JMRP (complaint reports). SNDS moved to a new address in May 2026, so look up Microsoft's current page for it.",
});

const BASIS: Basis = Basis {
    party: Some(Party::OutlookCom),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Playbooks ----------------------------------------------------------------------------

/// A message to the hosting company for an Outlook.com block with a named cause (SC-002,
/// SC-003, DY-002): it says what Outlook.com saw, so the company knows what to look for.
macro_rules! hosting_message {
    ($ja_seen:literal, $en_seen:literal, $ja_ask:literal, $en_ask:literal) => {
        Message {
            to: To::HostingProvider,
            address: None,
            subject: MESSAGE_HOSTING_LISTED.subject,
            body: text! {
                ja: concat!(
                    "ご担当者様

いつもお世話になっております。貴社のサービスで {sender_domain} のメールを送信している者です。

送信したメールが、Outlook.com で次のエラーにより拒否されました。Outlook.com は、送信元 IP アドレス {ip} が",
                    $ja_seen,
                    "と判断してブロックしているようです。

・エラー全文: {error_text}
・相手先サーバー: {remote_host}
・送信日時: {date}

お手数ですが、次の点をご確認いただけますでしょうか。
1. ",
                    $ja_ask,
                    "
2. 対処後の、Outlook.com の配信サポート依頼フォームからの解除申請
3. 解除まで時間がかかる場合は、別の送信サーバーへの切り替え

よろしくお願いいたします。"
                ),
                en: concat!(
                    "Hello,

I send mail for {sender_domain} through your service. My mail was refused by Outlook.com with the error below: Outlook.com seems to have blocked your server's IP address {ip} because ",
                    $en_seen,
                    ".

- Full error: {error_text}
- Receiving server: {remote_host}
- Sent at: {date}

Could you please:
1. ",
                    $en_ask,
                    "
2. Once that is done, request removal through the Outlook.com deliverability support form.
3. If removal will take time, move my outgoing mail to another server.

Thank you."
                ),
            },
        }
    };
}

pub(crate) const NETWORK_BLOCK: Playbook = Playbook {
    id: "outlook-com-network-block",
    party: Some(Party::OutlookCom),
    title: text! { ja: "Outlook.com のブロックリスト", en: "Outlook.com blocklist" },
    verdict: text! {
        ja: "Outlook.com（Hotmail・Live・MSN）が、送信元 IP アドレス {ip} を含むネットワークからのメールをブロックしています。",
        en: "Outlook.com (Hotmail, Live, MSN) is blocking mail from the network that includes {ip}.",
    },
    why: text! {
        ja: "同じネットワーク（同じ範囲の IP アドレス）から迷惑メールが送られると、範囲ごとブロックされることがあります。あなたのメールが原因とは限りません。",
        en: "When spam comes from the same network (the same address range), the whole range can be blocked; your own mail is not necessarily the cause.",
    },
    actors: &[Actor::SenderProvider, Actor::Sender],
    urgency: Urgency::Now,
    duration: text! { ja: "フォームの申請後、数日（対応されれば 24〜48 時間で反映）", en: "Days after the form (24 to 48 hours once mitigation is granted)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        STEP_NOT_PORTAL,
        Step::new(text! {
            ja: "共用サーバーから送っている場合は、下の文面をホスティング事業者に送ってください。範囲ごとのブロックは、IP アドレスの持ち主（ホスティング事業者）が申請するのが確実です。",
            en: "If you send through a shared server, send the message below to your hosting company: a range block is best handled by the owner of the addresses (the hosting company).",
        }),
        STEP_FORM,
        STEP_FORM_REPLY,
        STEP_SNDS,
    ],
    donts: &[DONT_PAY, DONT_RESEND, DONT_WORKAROUND],
    message: Some(MESSAGE_HOSTING_LISTED),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// Outlook.com's own outgoing server holds an account's mail until its owner signs in on the
/// web and passes a check: "5.3.4 Requested action not taken; To continue sending messages,
/// please sign in to your account" (held-out y 37, a mail program's send error; the core reads
/// it as `securityerror` with no blocking party). Microsoft asks a new address to prove a person
/// sends the first time it sends, and again now and then; an account it blocked for unusual
/// activity is unblocked by signing in on the web. Only the account's owner can do either: no
/// administrator, no letter.
// Sources: Microsoft, "Why do I need to verify my email address?" ("the first time you send an
// email from a new Outlook.com address"; "Outlook will occasionally prompt you to verify your
// account again"), and "Unusual activity in my account" ("sign in to your blocked account and
// follow the instructions on the page"), both at their former windows.microsoft.com addresses.
pub(crate) const SIGN_IN_TO_SEND: Playbook = Playbook {
    id: "outlook-com-sign-in-to-send",
    party: Some(Party::OutlookCom),
    title: text! { ja: "Outlook.com: 送信を続けるにはサインインして確認が必要", en: "Outlook.com: sign in and confirm your account to keep sending" },
    verdict: text! {
        ja: "Outlook.com（Hotmail・Live・MSN）が、あなたのアカウントからの送信を、ウェブでサインインして確認を済ませるまで止めています。メールは送り出されておらず、受信側は何も断っていません。",
        en: "Outlook.com (Hotmail, Live, MSN) is holding back mail from your account until you sign in on the web and confirm it. The message was not sent; the recipient's side refused nothing.",
    },
    why: text! {
        ja: "Microsoft は、新しいアドレスが初めて送るときや、ふだんと違う使われ方をしたときに、送っているのがプログラムではなく本人かを確かめます。確認が済むまで、メールソフトからの送信は断られます。",
        en: "Microsoft checks that a person, not a program, is sending: the first time a new address sends, now and then after that, and when the account is used in an unusual way. Until the check is done, sending from a mail program is refused.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "確認を済ませればすぐ", en: "Right away once the check is done" },
    prepare: &[Prepare::Other(text! {
        ja: "Outlook.com アカウントのパスワードと、アカウントに登録した電話番号か別のメールアドレス（確認コードが届きます）",
        en: "The Outlook.com account's password, and the phone or other email address set up for it (a code is sent there)",
    })],
    steps: &[
        Step::new(text! {
            ja: "ウェブ ブラウザーで Outlook.com を開き、このアカウントでサインインしてください。",
            en: "Open Outlook.com in a web browser and sign in with this account.",
        })
        .link(
            text! { ja: "Outlook.com にサインイン", en: "Sign in to Outlook.com" },
            Url::one("https://outlook.live.com/"),
        ),
        Step::new(text! {
            ja: "確認を求められたら最後まで済ませてください（届いたコードを入れる、画面の文字を入力する、など）。パスワードの変更を求められたら、新しいパスワードをメールソフトの設定にも入れてください。",
            en: "If it asks you to confirm the account, finish the check (enter the code it sends, or type the characters shown). If it asks you to change the password, put the new one into your mail program's settings too.",
        }),
        Step::new(text! {
            ja: "Outlook.com のウェブ画面から自分宛てに 1 通送れれば、確認は済んでいます。",
            en: "If a test message to yourself goes out from Outlook.com on the web, the check is done.",
        }),
        STEP_RESEND_ONCE,
    ],
    donts: &[
        text! {
            ja: "確認を済ませる前に、メールソフトから何度も送り直さないでください。同じ理由で断られます。",
            en: "Do not keep sending from your mail program before the check is done: it is refused for the same reason.",
        },
        super::generic::DONT_ASK_RECIPIENT_OWN_SERVER,
    ],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: &[
        Source {
            title: text! { ja: "Microsoft: メール アドレスの確認が必要な理由（旧アドレス）", en: "Microsoft: Why do I need to verify my email address? (former address)" },
            url: Url::one(
                "https://windows.microsoft.com/en-gb/windows/account-verify-id-email-address",
            ),
        },
        Source {
            title: text! { ja: "Microsoft: アカウントでの普段と異なるアクティビティ（旧アドレス）", en: "Microsoft: Unusual activity in my account (former address)" },
            url: Url::one(
                "https://windows.microsoft.com/en-us/windows/unusual-activity-outlook-account",
            ),
        },
    ],
    checked: "2026-11-27",
};

pub(crate) const RATE: Playbook = Playbook {
    id: "outlook-com-rate-limited",
    party: Some(Party::OutlookCom),
    title: text! { ja: "Outlook.com による一時的な受信制限", en: "Outlook.com temporary rate limit" },
    verdict: text! {
        ja: "Outlook.com が、送信元 IP アドレス {ip} の評価に応じて、受け取る量を一時的に制限しています。まだ失敗は確定していません。",
        en: "Outlook.com is temporarily limiting how much it accepts from {ip}, based on its reputation. The message has not failed for good.",
    },
    why: text! {
        ja: "送る量や同時接続数が、その IP アドレスの評価で許される範囲を超えたときに起こります。",
        en: "It happens when the volume or the number of connections is more than the address's reputation allows.",
    },
    actors: &[Actor::Sender, Actor::Nobody],
    urgency: Urgency::Wait,
    duration: DURATION_FEW_HOURS,
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_WAIT_FOR_RETRY,
        Step::new(text! {
            ja: "一斉送信では、1 回の接続で送る通数と同時接続数を減らし、時間を分けて送ってください。",
            en: "For bulk mail, send fewer messages per connection, open fewer connections at once, and spread the sending over time.",
        }),
        Step::new(text! {
            ja: "苦情やエラーの多い宛先をリストから外し、評価を上げてください。",
            en: "Remove addresses that complain or bounce, to raise your reputation.",
        }),
        STEP_SNDS,
    ],
    donts: &[DONT_RESEND_RATE],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const AUTH_515: Playbook = Playbook {
    sources: &[
        Source {
            title: text! { ja: "Microsoft サポート: Outlook.com の NDR エラー 550 5.7.515 を修正する", en: "Microsoft Support: Fix NDR error 550 5.7.515 in Outlook.com" },
            url: FIX_515,
        },
        SRC_POLICIES,
    ],
    ..auth_playbook(
        Head {
            id: "outlook-com-auth-515",
            title: text! { ja: "Outlook.com の大量送信者向け認証要件（5.7.515）", en: "Outlook.com authentication rules for high-volume senders (5.7.515)" },
            verdict: text! {
                ja: "差出人のドメイン {sender_domain} が、Outlook.com の求める送信ドメイン認証（SPF・DKIM・DMARC）を満たしていないため拒否されました。",
                en: "The sender domain {sender_domain} does not meet the sender authentication (SPF, DKIM, DMARC) that Outlook.com requires, so the mail was refused.",
            },
            why: text! {
                ja: "Outlook.com は 2025 年 5 月から、Outlook.com 宛てに 1 日 5,000 通を超えて送るドメインに SPF と DKIM の合格と、DMARC（p=none 以上）を求めています。エラー文の「Spf= Dkim= DMARC=」の部分で、どれが失敗したか分かります。",
                en: "Since May 2025, Outlook.com requires domains that send more than 5,000 messages a day to Outlook.com to pass SPF and DKIM and to publish DMARC (at least p=none). The \"Spf= Dkim= DMARC=\" part of the error shows which check failed.",
            },
        },
        BASIS,
    )
};

pub(crate) const POLICY: Playbook = Playbook {
    id: "outlook-com-policy",
    party: Some(Party::OutlookCom),
    title: text! { ja: "Outlook.com のポリシーによる拒否（SC-001・OU-002）", en: "Refused by Outlook.com policy (SC-001, OU-002)" },
    verdict: text! {
        ja: "Outlook.com が、迷惑メールに似た内容か、送信元 IP アドレス {ip} かドメインの評価を理由に、メールを拒否しました。",
        en: "Outlook.com refused the mail because it looks like spam, or because of the reputation of {ip}, or of your domain.",
    },
    why: text! {
        ja: "迷惑メールの報告、送信ドメイン認証の不備、配信停止の方法がない一斉送信などで評価が下がると起こります。",
        en: "It follows spam complaints, missing sender authentication, or bulk mail without a way to unsubscribe.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Soon,
    duration: text! { ja: "対策とフォームの申請後、数日", en: "Days, after the fixes and the form" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "ドメインの送信ドメイン認証（SPF・DKIM・DMARC）と、送信サーバーの逆引き（PTR）が設定されているか確認してください。",
            en: "Make sure your domain has sender authentication (SPF, DKIM, DMARC) and your sending server has reverse DNS (PTR).",
        }),
        Step::new(text! {
            ja: "一斉送信では、本人が登録した宛先だけに送り、配信停止のリンクを入れてください。",
            en: "For bulk mail, send only to people who signed up themselves, and include an unsubscribe link.",
        }),
        STEP_ASK_HOST_REPUTATION,
        STEP_FORM,
        STEP_FORM_REPLY,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_RESEND, DONT_PAY],
    message: Some(MESSAGE_HOSTING_REPUTATION),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const MINING: Playbook = Playbook {
    id: "outlook-com-namespace-mining",
    party: Some(Party::OutlookCom),
    title: text! { ja: "宛先アドレスの探り出しと判定された（SC-002）", en: "Seen probing for addresses (SC-002)" },
    verdict: text! {
        ja: "Outlook.com が、送信元 IP アドレス {ip} がメールを送らずにアドレスの存在だけを確かめている（アドレスの探り出し）と判断し、ブロックしました。",
        en: "Outlook.com decided that {ip} checks whether addresses exist without sending mail (probing for addresses), and blocked it.",
    },
    why: text! {
        ja: "アドレスの有効性を確認するツールやサービスの利用、または乗っ取られたサーバーによる探り出しが原因です。",
        en: "An address-verification tool or service, or a hijacked server probing addresses, is the cause.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "停止とフォームの申請後、数日", en: "Days, after stopping it and filing the form" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "アドレスの有効性を確認するツールやサービスを使っていれば、すぐに止めてください。",
            en: "If you use a tool or service that verifies addresses, stop it now.",
        }),
        STEP_CHECK_ACCOUNT,
        STEP_SHARED_SERVER,
        STEP_FORM,
        STEP_FORM_REPLY,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(hosting_message!(
        "、メールを送らずに宛先アドレスの存在だけを確かめている（アドレスの探り出し）",
        "it checks whether addresses exist without sending mail (namespace mining)",
        "IP アドレス {ip} から、アドレスの存在確認だけを行う接続（アドレス確認ツールや乗っ取られたサーバーなど）が出ていないかの確認と、その停止",
        "Check whether anything on {ip} connects only to verify addresses (an address-checking tool, a hijacked server), and stop it."
    )),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const OPEN_RELAY: Playbook = Playbook {
    id: "outlook-com-open-relay",
    party: Some(Party::OutlookCom),
    title: text! { ja: "オープンプロキシ・オープンリレーと判定された（SC-003）", en: "Seen as an open proxy or relay (SC-003)" },
    verdict: text! {
        ja: "Outlook.com が、送信元 IP アドレス {ip} を誰でも中継に使えるサーバー（オープンプロキシ・オープンリレー）と判断し、ブロックしました。",
        en: "Outlook.com decided that {ip} is a server anyone can use to relay mail (an open proxy or relay), and blocked it.",
    },
    why: text! {
        ja: "サーバーや機器の設定の誤りで、外部の第三者がそのサーバー経由でメールを送れる状態になっていることが原因です。",
        en: "A server or device is misconfigured so that outsiders can send mail through it.",
    },
    actors: &[Actor::SenderAdmin, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "設定を直してフォームを申請した後、数日", en: "Days, after fixing the setting and filing the form" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "サーバーの管理者に下の文面を送り、外部からの中継やプロキシとして使えないよう設定を直してもらってください。",
            en: "Send the message below to whoever runs the server, so they can close the relay or proxy.",
        }),
        STEP_FORM,
        STEP_FORM_REPLY,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(hosting_message!(
        "、誰でも中継に使えるサーバー（オープンリレー・オープンプロキシ）である",
        "it looks like an open relay or open proxy that anyone can use",
        "IP アドレス {ip} のサーバーや機器が外部から中継やプロキシとして使えないかの確認と、その設定の修正",
        "Check whether the server or any device on {ip} lets outsiders relay mail or use it as a proxy, and close it."
    )),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const COMPLAINTS: Playbook = Playbook {
    id: "outlook-com-complaints",
    party: Some(Party::OutlookCom),
    title: text! { ja: "苦情の多さによるブロック（SC-004）", en: "Blocked because of complaints (SC-004)" },
    verdict: text! {
        ja: "Outlook.com の利用者から迷惑メールとして報告されることが多かったため、送信元 IP アドレス {ip} がブロックされました。",
        en: "Outlook.com users reported your mail as spam often, so {ip} was blocked.",
    },
    why: text! {
        ja: "受信者が登録を覚えていない一斉送信や、配信停止の方法が分かりにくいメールで苦情が増えます。",
        en: "Complaints grow with bulk mail people do not remember signing up for, or with no clear way to unsubscribe.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "対策とフォームの申請後、数日", en: "Days, after the fixes and the form" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_SNDS,
        Step::new(text! {
            ja: "苦情を寄せた宛先をリストから外し、本人が登録した宛先だけに送るようにしてください。",
            en: "Remove the people who complained, and send only to people who signed up themselves.",
        }),
        STEP_FORM,
        STEP_FORM_REPLY,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_RESEND],
    message: None,
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

pub(crate) const COMPROMISED: Playbook = Playbook {
    id: "outlook-com-compromised",
    party: Some(Party::OutlookCom),
    title: text! { ja: "感染・乗っ取りの疑いによるブロック（DY-002）", en: "Blocked as likely compromised (DY-002)" },
    verdict: text! {
        ja: "Outlook.com が、送信元 IP アドレス {ip} のサーバーや端末がウイルスに感染しているか乗っ取られていると判断し、ブロックしました。",
        en: "Outlook.com decided that the server or device behind {ip} is infected or taken over, and blocked it.",
    },
    why: text! {
        ja: "感染したパソコンや乗っ取られたアカウントが、同じ IP アドレスから迷惑メールを送っていることが原因です。",
        en: "An infected computer or a hijacked account sends spam from the same address.",
    },
    actors: &[Actor::Sender, Actor::SenderProvider],
    urgency: Urgency::Now,
    duration: text! { ja: "駆除とフォームの申請後、数日", en: "Days, after cleaning up and filing the form" },
    prepare: PREPARE_BLOCK,
    steps: &[
        STEP_CHECK_PC,
        STEP_CHECK_ACCOUNT,
        STEP_SHARED_SERVER,
        STEP_FORM,
        STEP_FORM_REPLY,
    ],
    donts: &[DONT_DELIST_FIRST, DONT_PAY],
    message: Some(hosting_message!(
        "、ウイルスに感染しているか乗っ取られている",
        "it appears infected or taken over",
        "IP アドレス {ip} から迷惑メールが送られていないか（同じサーバーの他の利用者や乗っ取られたアカウントも含めて）の確認と、その停止",
        "Check whether spam is being sent from {ip} (including other customers on the same server and hijacked accounts), and stop it."
    )),
    lookup: None,
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

// ---- Codes ----------------------------------------------------------------------------------

const MEANING_RATE_LIMITED: Text = text! {
    ja: "IP アドレスの評価により、一時的に受信量を制限しています",
    en: "Temporarily rate limited because of IP reputation",
};

const MEANING_TOO_MANY_CONNECTIONS: Text = text! {
    ja: "同時接続数の上限を超えました",
    en: "The maximum number of connections was exceeded",
};

/// The official table is the Outlook.com postmaster troubleshooting page
/// (https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx); S3140, S3150 and
/// S3113 are seen in real rejections but not documented by Microsoft.
const CODES: &[CodeEntry] = &[
    // "Please contact your Internet service provider since part of their network is on our block list (S3140)"
    CodeEntry::provider(Party::OutlookCom, "S3140", Reason::Blocked, text! { ja: "送信元 IP アドレス（またはその範囲）が Outlook.com のブロックリストに掲載されています", en: "The sending IP (or its range) is on Outlook.com's blocklist" }, &NETWORK_BLOCK),
    // The same block written as "(AS3140)".
    CodeEntry::provider(Party::OutlookCom, "AS3140", Reason::Blocked, text! { ja: "S3140 と同じ Outlook.com のネットワークブロック", en: "The same Outlook.com network block as S3140" }, &NETWORK_BLOCK),
    // "... part of their network is on our block list (S3150)"
    CodeEntry::provider(Party::OutlookCom, "S3150", Reason::Blocked, text! { ja: "送信元のネットワークの一部が Outlook.com のブロックリストに掲載されています", en: "Part of the sender's network is on Outlook.com's blocklist" }, &NETWORK_BLOCK),
    // "451 4.7.650 The mail server [IP] has been temporarily rate limited due to IP reputation. (S3113)"
    CodeEntry::provider(Party::OutlookCom, "S3113", Reason::BadReputation, MEANING_RATE_LIMITED, &RATE),
    // Seen in real replies: "451 4.7.650 The mail server [IP] has been temporarily rate limited due to IP reputation. ... (S775)"
    CodeEntry::provider(Party::OutlookCom, "S775", Reason::BadReputation, text! { ja: "IP アドレスの評価により、一時的に受信量を制限しています（S3113 と同じ内容）", en: "Temporarily rate limited because of IP reputation (the same as S3113)" }, &RATE),
    // Seen in real replies: "451 4.7.651 The mail server [IP] has been temporarily rate limited due to IP reputation. ... (S844)" (Mailu/Mailu#3013)
    CodeEntry::provider(Party::OutlookCom, "S844", Reason::BadReputation, text! { ja: "IP アドレスの評価により、一時的に受信量を制限しています（S3113 と同じ内容）", en: "Temporarily rate limited because of IP reputation (the same as S3113)" }, &RATE),
    // Seen in real replies: "451 4.7.652 The mail server [IP] has exceeded the maximum number of connections. (S3115)"
    CodeEntry::provider(Party::OutlookCom, "S3115", Reason::TooManyConn, MEANING_TOO_MANY_CONNECTIONS, &RATE),
    // "550 SC-001": rejected for policy reasons (spam-like content, IP or domain reputation)
    CodeEntry::provider(Party::OutlookCom, "SC-001", Reason::PolicyViolation, text! { ja: "ポリシーによる拒否（迷惑メールに似た内容、IP やドメインの評価）", en: "Rejected for policy reasons (spam-like content, IP or domain reputation)" }, &POLICY),
    // "550 SC-002": namespace mining
    CodeEntry::provider(Party::OutlookCom, "SC-002", Reason::Blocked, text! { ja: "宛先アドレスの探り出し（送らずに存在だけ確かめる動き）を検出しました", en: "Namespace mining detected (checking addresses without sending)" }, &MINING),
    // "550 SC-003": open proxy or relay
    CodeEntry::provider(Party::OutlookCom, "SC-003", Reason::Blocked, text! { ja: "送信元がオープンプロキシ・オープンリレーのようです", en: "The sender looks like an open proxy or relay" }, &OPEN_RELAY).keywords("relay proxy"),
    // "550 SC-004": blocked because of complaints
    CodeEntry::provider(Party::OutlookCom, "SC-004", Reason::Blocked, text! { ja: "苦情が多いためブロックされています", en: "Blocked because of complaints" }, &COMPLAINTS),
    // "550 DY-002": the IP appears compromised
    CodeEntry::provider(Party::OutlookCom, "DY-002", Reason::Blocked, text! { ja: "送信元が感染・乗っ取りの疑いでブロックされています", en: "The sender appears compromised or infected" }, &COMPROMISED),
    // "550 OU-002": content or IP/domain reputation
    CodeEntry::provider(Party::OutlookCom, "OU-002", Reason::PolicyViolation, text! { ja: "内容や IP・ドメインの評価によるポリシーの拒否", en: "Policy rejection for content or IP/domain reputation" }, &POLICY),
    // "421 RP-001": rate limit by reputation
    CodeEntry::provider(Party::OutlookCom, "RP-001", Reason::Speeding, text! { ja: "送信元 IP アドレスの送信量が、評価で許される量を超えました", en: "The sending IP exceeded the rate its reputation allows" }, &RATE),
    // "421 RP-002": rate limit on this connection
    CodeEntry::provider(Party::OutlookCom, "RP-002", Reason::Speeding, text! { ja: "1 回の接続での送信量が、評価で許される量を超えました", en: "The rate on this connection exceeded what reputation allows" }, &RATE),
    // "421 RP-003": too many connections
    CodeEntry::provider(Party::OutlookCom, "RP-003", Reason::TooManyConn, text! { ja: "同時接続数が、評価で許される数を超えました", en: "Too many connections for the sender's reputation" }, &RATE),
    // "550 DY-001": dynamic IP space, based on Spamhaus data
    CodeEntry::provider(Party::Spamhaus, "DY-001", Reason::Blocked, text! { ja: "家庭用などの動的 IP アドレスからの直接送信は受け付けません（Spamhaus PBL のデータ）", en: "Direct mail from dynamic (home) IP space is not accepted (Spamhaus PBL data)" }, &spamhaus::PBL).issued_by(Party::OutlookCom),
    // "550 OU-001": policy rejection; removal requests go to Spamhaus
    CodeEntry::provider(Party::Spamhaus, "OU-001", Reason::Blocked, text! { ja: "Spamhaus のデータによる拒否（解除は Spamhaus で）", en: "Rejected on Spamhaus data (removal happens at Spamhaus)" }, &spamhaus::ZEN).issued_by(Party::OutlookCom),
    // "Client host [IP] blocked using Spamhaus. To request removal from this list see ... (AS3130)"
    CodeEntry::provider(Party::Spamhaus, "AS(3130)", Reason::Blocked, spamhaus::MEANING_LISTED, &spamhaus::ZEN).issued_by(Party::OutlookCom),
    // The same Spamhaus-based rejection, written "AS(1440)".
    CodeEntry::provider(Party::Spamhaus, "AS(1440)", Reason::Blocked, spamhaus::MEANING_LISTED, &spamhaus::ZEN).issued_by(Party::OutlookCom),
    // The same Spamhaus-based rejection, written "AS(1450)".
    CodeEntry::provider(Party::Spamhaus, "AS(1450)", Reason::Blocked, spamhaus::MEANING_LISTED, &spamhaus::ZEN).issued_by(Party::OutlookCom),
    // "550 5.7.515 Access denied, sending domain [D] does not meet the required authentication level."
    CodeEntry::enhanced(Some(Party::OutlookCom), "5.7.515", Reason::AuthFailure, text! { ja: "差出人のドメインが、大量送信者に求められる認証（SPF・DKIM・DMARC）を満たしていません", en: "The sender domain does not meet the authentication required of high-volume senders" }, &AUTH_515),
    // "451 4.7.650 The mail server [IP] has been temporarily rate limited due to IP reputation."
    CodeEntry::enhanced(Some(Party::OutlookCom), "4.7.650", Reason::BadReputation, MEANING_RATE_LIMITED, &RATE),
    // The same under 4.7.651 in real replies: "451 4.7.651 The mail server [IP] has been temporarily rate limited due to IP reputation. ... (S844)"
    CodeEntry::enhanced(Some(Party::OutlookCom), "4.7.651", Reason::BadReputation, MEANING_RATE_LIMITED, &RATE),
    // "451 4.7.652 The mail server [IP] has exceeded the maximum number of connections. (S3115)"
    CodeEntry::enhanced(Some(Party::OutlookCom), "4.7.652", Reason::TooManyConn, MEANING_TOO_MANY_CONNECTIONS, &RATE),
    // "550 5.7.1 Unfortunately, messages from [IP] weren't sent. ... (S3150)"
    CodeEntry::enhanced(Some(Party::OutlookCom), "5.7.1", Reason::Blocked, text! { ja: "Outlook.com がブロックリストなどを理由に送信元を拒否しています", en: "Outlook.com refuses the sender, usually because of its blocklist" }, &NETWORK_BLOCK),
];

/// Outlook.com's own words that pick a playbook whatever the code (`party::by_wording`).
// "550 5.7.0 (SNT004-MC4F16) Unfortunately, messages from (192.0.2.1) on behalf of (example.net)
// could not be delivered due to domain owner policy restrictions." The From domain's own policy
// (DMARC) refused the mail; it is not the 5.7.515 rule for high-volume senders, whose error
// carries "Spf= Dkim= DMARC=" results (held-out round o, case 01). The generic authentication
// advice fits, and a webmail From domain still gets its own advice (`select::for_a_personal_sender`).
// Source: RFC 7489 section 6.3 (the "p=" tag is the Domain Owner's requested policy, the words
// the refusal uses), https://datatracker.ietf.org/doc/html/rfc7489#section-6.3
//
// "550 SC-001 (BAY004-MC3F26) Unfortunately, messages from 192.0.2.1 weren't sent. Please contact
// your Internet service provider since part of their network is on our block list." The same
// sentence as S3140/S3150: whatever the code, it says the block is on the provider's network,
// which the provider clears (held-out p, case 12: the old SC-001 template, not the policy one).
// Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx (S3140/S3150)
pub(crate) const WORDINGS: &[(&str, &Playbook)] = &[
    (
        "could not be delivered due to domain owner policy restrictions",
        &super::generic::AUTHFAILURE,
    ),
    ("part of their network is on our block list", &NETWORK_BLOCK),
    (
        "to continue sending messages, please sign in",
        &SIGN_IN_TO_SEND,
    ),
];

/// Ordered: the first entry that names the reason wins. The reasons no entry names go to the
/// generic playbooks on purpose (`rest` in the book below).
const ROUTES: &[(&[Reason], &Playbook)] = &[
    (&[Reason::Blocked], &NETWORK_BLOCK),
    (REFUSAL_REASONS, &POLICY),
    (DEFERRAL_REASONS, &RATE),
    (&[Reason::AuthFailure], &AUTH_515),
];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::OutlookCom,
    name: text! {
        ja: "Outlook.com（Hotmail・Live・MSN）",
        en: "Outlook.com (Hotmail, Live, MSN)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<23>(ROUTES),
    playbooks: &[
        &NETWORK_BLOCK,
        &RATE,
        &AUTH_515,
        &POLICY,
        &MINING,
        &OPEN_RELAY,
        &COMPLAINTS,
        &COMPROMISED,
        &SIGN_IN_TO_SEND,
    ],
    codes: CODES,
    refine: &[],
};
