//! Headings and small words the web app and the CLI put around a rendered playbook.

use ndr_core::{Diagnosis, Party, Reason};

use crate::text::Text;

/// "Who must act".
pub const WHO: Text = text! {
    ja: "対応する人",
    en: "Who must act",
};
/// "Urgency".
pub const URGENCY: Text = text! {
    ja: "緊急度",
    en: "Urgency",
};
/// "How long it takes".
pub const DURATION: Text = text! {
    ja: "解決までの目安",
    en: "How long it usually takes",
};
/// "What to prepare".
pub const PREPARE: Text = text! {
    ja: "用意するもの",
    en: "What to have at hand",
};
/// "Steps".
pub const STEPS: Text = text! {
    ja: "手順",
    en: "Steps",
};
/// "Don't".
pub const DONTS: Text = text! {
    ja: "してはいけないこと",
    en: "What not to do",
};
/// "Ready-to-send message".
pub const MESSAGE: Text = text! {
    ja: "そのまま送れる文面",
    en: "Ready-to-send message",
};
/// "To".
pub const TO: Text = text! {
    ja: "宛先",
    en: "To",
};
/// "Subject".
pub const SUBJECT: Text = text! {
    ja: "件名",
    en: "Subject",
};
/// "Sources".
pub const SOURCES: Text = text! {
    ja: "出典",
    en: "Sources",
};
/// "Last checked".
pub const LAST_CHECKED: Text = text! {
    ja: "最終確認日",
    en: "Last checked",
};
/// "Copy".
pub const COPY: Text = text! {
    ja: "コピー",
    en: "Copy",
};
/// "Meaning" (code pages).
pub const MEANING: Text = text! {
    ja: "意味",
    en: "Meaning",
};
/// What the diagnosis looks for in a paste, said when it could read none of it (the paste is not a
/// bounce): the reader then knows what a usable paste holds. Shared by the page and the CLI.
/// "Could be read", not "was found": the paste may show such lines the core could not use (a
/// redacted Final-Recipient), and the reader can see them (held-out n, LOW-C1).
pub const LOOKED_FOR: Text = text! {
    ja: "探したもの: 配信状況の通知（Final-Recipient、Action、Status の行）、メールサーバーの返答（「550 5.1.1 User unknown」など）、ステータスコード（5.7.1 など）、プロバイダーのエラーコード（S3150 など）、メールソフトやプログラムの送信エラー。どれも読み取れませんでした。",
    en: "What was looked for: a delivery report (its Final-Recipient, Action and Status lines), a mail server's reply (such as \"550 5.1.1 User unknown\"), a status code (such as 5.7.1), a provider's error code (such as S3150), or a mail program's or script's send error. None of these could be read.",
};
/// Said when a bounce was read but no reason was found in it: what the reason is read from,
/// and that the part holding it is what to paste. Shared by the page and the CLI.
pub const NO_REASON_FOUND: Text = text! {
    ja: "理由は、メールサーバーの返答（「550 5.1.1 User unknown」など）、ステータスコード（5.7.1 など）、拒否の文言から読み取ります。この通知にはそのどれもありませんでした。返答やコードが書かれた部分を含めて、通知の全体を渡してください。",
    en: "The reason is read from a mail server's reply (such as \"550 5.1.1 User unknown\"), a status code (such as 5.7.1) or the words of a refusal, and this bounce holds none of them. Give the whole bounce, including the part with the reply or the code.",
};

/// Every label above, for the tidy checks and the text digest.
pub const ALL: [Text; 15] = [
    WHO,
    URGENCY,
    DURATION,
    PREPARE,
    STEPS,
    DONTS,
    MESSAGE,
    TO,
    SUBJECT,
    SOURCES,
    LAST_CHECKED,
    COPY,
    MEANING,
    LOOKED_FOR,
    NO_REASON_FOUND,
];

/// The label of a recipient's original address, (Japanese, English): the CLI's report line.
/// Plain strings like [`reason`]'s.
pub const ORIGINAL_RECIPIENT: (&str, &str) = ("元の宛先", "Original recipient");

/// A recipient that an alias or a forwarding led on, in plain words: the address the sender
/// wrote, then where it led ("team@example.org (forwarded to bob@example.net)",
/// 「team@example.org（転送先 bob@example.net）」). When the words around it already say
/// "forwarded" (`forwarding_said`), the second address is the final one instead, so that no
/// sentence says it twice. Shared by the advice, the page and the CLI; plain strings, so the
/// page has them without its texts file.
pub fn forwarded_recipient(
    original: &str,
    recipient: &str,
    lang: crate::Lang,
    forwarding_said: bool,
) -> String {
    let (open, words, close) = match (lang, forwarding_said) {
        (crate::Lang::Ja, false) => ("（", "転送先 ", "）"),
        (crate::Lang::Ja, true) => ("（", "最終的な宛先 ", "）"),
        (crate::Lang::En, false) => (" (", "forwarded to ", ")"),
        (crate::Lang::En, true) => (" (", "final address: ", ")"),
    };
    let mut out = String::with_capacity(original.len() + recipient.len() + 32);
    out.push_str(original);
    out.push_str(open);
    out.push_str(words);
    out.push_str(recipient);
    out.push_str(close);
    out
}

/// A short plain name for a reason, (Japanese, English): the page's facts card and the CLI's
/// first line. Plain strings rather than `text!`, so that the page has them even when its
/// texts file could not be loaded (`split-texts`).
pub const fn reason(reason: Reason) -> (&'static str, &'static str) {
    use Reason::*;
    match reason {
        AuthFailure => (
            "送信ドメイン認証（SPF・DKIM・DMARC）の失敗",
            "Sender authentication (SPF, DKIM, DMARC) failed",
        ),
        BadReputation => ("送信元の評価が低い", "Low sender reputation"),
        Blocked => ("送信元 IP アドレスのブロック", "Sending IP address blocked"),
        ContentError => ("内容の形式の問題", "Problem with the content"),
        Delivered => (
            "配信済み（エラーではありません）",
            "Delivered (not an error)",
        ),
        ExceedLimit => ("制限を超えた", "A limit was exceeded"),
        Expired => ("再送の打ち切り", "Gave up after retrying"),
        FailedStartTls => ("暗号化（STARTTLS）の失敗", "Encryption (STARTTLS) failed"),
        Feedback => (
            "苦情の通知（エラーではありません）",
            "A complaint report (not a bounce)",
        ),
        Filtered => (
            "受信側のフィルターによる拒否",
            "Refused by the recipient's filter",
        ),
        HasMoved => ("宛先が移転した", "The address has moved"),
        HostUnknown => (
            "宛先のドメインが見つからない",
            "The recipient's domain does not exist",
        ),
        MailboxFull => (
            "宛先のメールボックスが満杯",
            "The recipient's mailbox is full",
        ),
        MailerError => ("配送プログラムのエラー", "A mail program failed"),
        MesgTooBig => ("メールが大きすぎる", "The message is too big"),
        NetworkError => ("ネットワークの問題", "A network problem"),
        NoRelaying => ("中継の拒否", "Relaying refused"),
        NotAccept => (
            "相手がメールを受け付けていない",
            "The recipient accepts no mail",
        ),
        NotCompliantRfc => (
            "メールの形式が規格外",
            "The message breaks the mail standards",
        ),
        // Sisimai's `onhold`: too little in the bounce to decide the reason, not "paused".
        OnHold => (
            "拒否（理由は通知から特定できない）",
            "Refused (the bounce does not say clearly why)",
        ),
        PolicyViolation => (
            "受信側のポリシーによる拒否",
            "Refused by the receiver's policy",
        ),
        Rejected => ("差出人アドレスの拒否", "The sender address was refused"),
        RequirePtr => (
            "送信元の逆引き（PTR）がない",
            "The sending server lacks reverse DNS (PTR)",
        ),
        SecurityError => ("セキュリティ上の拒否", "Refused for security reasons"),
        SpamDetected => ("迷惑メールと判定された", "Classified as spam"),
        Speeding => ("送信が速すぎる", "Sent too fast"),
        Suppressed => ("配信停止リストに登録済み", "On a suppression list"),
        Suspend => (
            "宛先のアカウントが停止中",
            "The recipient's account is suspended",
        ),
        SyntaxError => ("SMTP の文法エラー", "An SMTP syntax error"),
        SystemError => ("受信側のシステムエラー", "A system error at the receiver"),
        SystemFull => ("受信側のディスクが満杯", "The receiver's disk is full"),
        TooManyConn => ("接続が多すぎる", "Too many connections"),
        Undefined => ("不明", "Unknown"),
        UserUnknown => (
            "宛先のアドレスが存在しない",
            "The recipient address does not exist",
        ),
        Vacation => ("自動応答（不在通知）", "An auto-reply (out of office)"),
        VirusDetected => ("ウイルスが見つかった", "A virus was found"),
    }
}

/// Playbooks about a limit on the sender's own side whose reason class (`blocked`) would read
/// as "your IP address is listed": Microsoft 365 restricting a whole organisation (5.7.705) is
/// not a listing of an address (held-out n, LOW-A4). Amazon SES's refusal of an identity the
/// account has not verified, which Sisimai's reading of its SMTP form calls `norelaying`, asked
/// no server to relay anything (held-out aa, case 25).
const OWN_SIDE_LIMITS: &[(&str, &str, &str)] = &[
    (
        "microsoft-tenant-threshold",
        "Microsoft 365 の組織全体の送信制限",
        "Your Microsoft 365 organisation's sending is restricted",
    ),
    (
        "esp-ses-unverified-identity",
        "Amazon SES で確認されていないアドレス（送信側のアカウントの設定）",
        "An address not verified in Amazon SES (your sending account's setting)",
    ),
];

/// Playbooks a party's refinement picks for a reading of the core's that the party's own
/// documented behaviour changed, with the reason they are about: docomo's "Unknown user", which
/// the core reads as its filter (Sisimai's reading), is since March 2025 most likely a missing
/// address (`party::docomo::USER_UNKNOWN`); the first line must not say "filter" above a title
/// that says the address was not found.
/// Generic playbooks whose reason class says more than the chosen advice does: an address
/// whose form the mail standard does not allow is `userunknown` to Sisimai, but it may well
/// exist ("does not exist" would contradict the verdict; review h217, L1).
const GENERIC_READ_AS: &[(&str, &str, &str)] = &[(
    crate::party::generic::USERUNKNOWN_ADDRESS_FORM.id,
    "宛先アドレスの形式が規格外（送れない書き方）",
    "The recipient address has a form mail cannot be sent to",
)];

/// The reason's words for a generic playbook that reads its reason otherwise
/// (`GENERIC_READ_AS`), (Japanese, English); the page's facts use them where a generic
/// playbook's title is not shown.
pub fn generic_reason_words(playbook_id: &str) -> Option<(&'static str, &'static str)> {
    GENERIC_READ_AS
        .iter()
        .find(|(id, _, _)| *id == playbook_id)
        .map(|(_, ja, en)| (*ja, *en))
}

const READ_AS: &[(&str, Reason)] = &[(crate::party::docomo::USER_UNKNOWN.id, Reason::UserUnknown)];

/// The reason's plain name for this diagnosis, (Japanese, English): [`reason`], unless the
/// bounce says something its class would contradict. A refusal caused by the receiver's own
/// failed blocklist query (note `receiver_resolver_refused`) blocked nobody's address, nor did a
/// group that does not take the sender's posts (note `group_post_refused`); a
/// temporary refusal quoted by a program's own error (no queue) is not retried by any server;
/// a report whose recipients are all only delayed is still being retried by the sending server
/// (its token, `expired` for greylisting or `rejected` for Yahoo's TSS04, would read as final),
/// unless its reason keeps its own advice for a temporary reply (see below).
/// The CLI's first line; the page shows the chosen playbook's title, which agrees.
pub fn reason_of(d: &Diagnosis) -> (&'static str, &'static str) {
    if d.notes.iter().any(|n| n.id == "receiver_resolver_refused") {
        return (
            "受信サーバーのブロックリスト確認の失敗（そのサーバーの設定の問題）",
            "The receiving server's blocklist check failed (its own setup)",
        );
    }
    if d.notes.iter().any(|n| n.id == "group_post_refused") {
        return (
            "グループ（メーリングリスト）が投稿を受け付けなかった（グループの設定かアドレス）",
            "The group (mailing list) did not take your post (its settings, or the address)",
        );
    }
    if d.notes.iter().any(|n| n.id == "domain_listed") {
        return (
            "メールの中のドメイン名がブロックリストに掲載",
            "A domain name in your mail is on a blocklist",
        );
    }
    let chosen = crate::select::select(d).playbook.id;
    if chosen == crate::party::generic::DELAYED_PROGRAM.id {
        return (
            "一時的な拒否（プログラムは自動では送り直しません）",
            "Turned away for now (a program does not retry by itself)",
        );
    }
    if let Some((_, ja, en)) = OWN_SIDE_LIMITS.iter().find(|(id, _, _)| *id == chosen) {
        return (ja, en);
    }
    if let Some(words) = generic_reason_words(chosen) {
        return words;
    }
    if let Some((_, reads_as)) = READ_AS.iter().find(|(id, _)| *id == chosen) {
        return reason(*reads_as);
    }
    let delayed = crate::select::only_delayed(d);
    // A reason whose own advice a temporary reply keeps (a full mailbox) reads as itself: the
    // core marks a reply pasted alone `delayed` too, and nothing there says a server retries.
    let own_advice =
        crate::select::retry_cannot_help(d.reason) && chosen == crate::party::generic(d.reason).id;
    if delayed && !own_advice {
        return (
            "配送の遅れ（送信側のサーバーが再送中）",
            "Delayed (your server is still retrying)",
        );
    }
    reason(d.reason)
}

/// Parties that block sending addresses by a list of their own, which no public DNS list shows
/// and the lookups do not ask: a mailbox provider's or a filter's own list, or a reputation
/// service without a public DNS zone. Sources: providers-and-lists.md section 3.1 (Microsoft's
/// S3140/S3150 are its internal block list, delisted through its own form), section 3.7
/// (Proofpoint's own lookup and delisting page); the other providers' playbooks each send the
/// reader to the provider's own form or support, not to a public list.
const OWN_LIST_PARTIES: &[Party] = &[
    Party::Microsoft,
    Party::OutlookCom,
    Party::Gmail,
    Party::Yahoo,
    Party::Icloud,
    Party::Proofpoint,
    Party::Mimecast,
    Party::Trendmicro,
    Party::Cisco,
    Party::Cloudmark,
    Party::Gmx,
    Party::TOnline,
    Party::Comcast,
    Party::Att,
    Party::Netease,
    Party::Vade,
];

/// The sentence beside the blocklist counts when the party that blocked the address keeps its
/// own list (`own_list_not_asked`), (Japanese, English): "not listed" on the public lists does
/// not mean that party has let the address in (review h217, M4).
pub const OWN_LIST_NOT_ASKED: (&str, &str) = (
    "ブロックした側は独自のリストを使っており、そのリストはここで確認する公開リストに含まれていません。公開リストで「掲載なし」でも、ブロックが解除されたとは限りません。",
    "The side that blocked it keeps its own list, which is not among the public lists asked here: \"not listed\" on these does not mean its block is lifted.",
);

/// True when the bounce shows a block of the address by a party that keeps its own list
/// (`OWN_LIST_PARTIES`): the page and the CLI then say `OWN_LIST_NOT_ASKED` beside the counts.
pub fn own_list_not_asked(d: &Diagnosis) -> bool {
    d.blocking_party
        .is_some_and(|p| OWN_LIST_PARTIES.contains(&p))
        && crate::select::shows_a_blocked_ip(d)
}

/// A plain sentence for one of the core's notes (`ndr_core::Note::IDS`), (Japanese, English):
/// the page's result and the CLI's report. Plain strings like [`reason`]'s, so the page has them
/// even when its texts file could not be loaded. `input_truncated` has two causes: a paste over
/// the size limit, or a MIME message whose end is missing (detail `mime`), and a short paste
/// must not be told it was too long. `None` for an id this table does not know.
pub fn note(id: &str, detail: &str) -> Option<(&'static str, &'static str)> {
    Some(match (id, detail) {
        ("input_truncated", "mime") => (
            "このメールは終わりが欠けているようです（途中で切れています）。できれば、もう一度メール全体をコピーし直してください。",
            "The message seems cut off (its end is missing). If you can, copy the whole message again.",
        ),
        ("inbound_refusal_log", "fetchmail") => (
            "これは fetchmail の記録です。取り込んだあなた宛てのメールを、あなた側のメールサーバーが断りました。差出人のメールの問題ではありません。",
            "This is fetchmail's log: your own mail server refused mail fetched for you. The sender's mail is not at fault.",
        ),
        ("inbound_refusal_log", "final_delivery") => (
            "これはメールボックスを持つサーバー自身の配送の記録（Postfix の lmtp、local、virtual）です。このサーバーが、自分の持つメールボックス宛てのメールを受け付けず、差出人へ返しました。",
            "This is the delivery log of the server that holds the mailboxes (Postfix's lmtp, local or virtual): that server refused the message for one of its own mailboxes and returned it to the sender.",
        ),
        // A session typed by hand (telnet, nc, openssl s_client): the replies went to the
        // machine it was typed on, which may not be the mail server (a test from a desk).
        ("sending_server_log", "session") => (
            "これは手で打ち込んだ SMTP のやりとり（telnet、nc、openssl など）です。返答は打ち込んだマシンに向けたもので、返答にある接続元の IP アドレスはそのマシンのものです。",
            "This is an SMTP session typed by hand (telnet, nc, openssl): the server answered the machine it was typed on, so a client address in its replies is that machine's.",
        ),
        ("domain_listed", "") => (
            "断る理由に挙げられたリストは、IP アドレスではなくドメイン名のリストです。載っているのはメールの中の名前（送信サーバーが名乗る名前、差出人のドメイン、リンク先）です。",
            "The list the refusal names holds domain names, not IP addresses: a name in your mail is listed (the name the sending server introduces itself with, your domain, or a link's domain).",
        ),
        ("domain_listed", _) => (
            "断る理由に挙げられたリストは、IP アドレスではなくドメイン名のリストです。エラー文に書かれた名前（送信サーバーが名乗る名前や差出人のドメイン）が載っています。",
            "The list the refusal names holds domain names, not IP addresses: the name the error gives (the name the sending server introduces itself with, or your domain) is listed.",
        ),
        ("empty_input", _) => (
            "中身が空でした。エラーメールの本文を渡してください。",
            "The input is empty. Give the bounce message itself.",
        ),
        ("refused_after_forwarding", _) => (
            "このエラーを返したサーバーは宛先のメールを転送しており、転送先のサーバーが転送サーバー自身を拒否しました。あなたの送信元が拒否されたのではありません。",
            "The server that returned this error forwards the recipient's mail, and the next server refused the forwarder itself, not your sending address.",
        ),
        ("sent_through_esp", "sendgrid") => (
            "このメールは送信サービスの SendGrid から送られています。送信元の IP アドレスは SendGrid のものです（共用か、あなたのアカウント専用）。",
            "This mail went out through SendGrid, a sending service: the sending IP address is SendGrid's (shared, or dedicated to your account).",
        ),
        ("sent_through_esp", "mailgun") => (
            "このメールは送信サービスの Mailgun から送られています。送信元の IP アドレスは Mailgun のものです（共用か、あなたのアカウント専用）。",
            "This mail went out through Mailgun, a sending service: the sending IP address is Mailgun's (shared, or dedicated to your account).",
        ),
        ("sent_through_esp", "postmark") => (
            "このメールは送信サービスの Postmark から送られています。送信元の IP アドレスは Postmark のものです（共用か、あなたのアカウント専用）。",
            "This mail went out through Postmark, a sending service: the sending IP address is Postmark's (shared, or dedicated to your account).",
        ),
        ("sent_through_esp", "amazon_ses") => (
            "このメールは送信サービスの Amazon SES から送られています。送信元の IP アドレスは Amazon SES のものです（共用か、あなたのアカウント専用）。",
            "This mail went out through Amazon SES, a sending service: the sending IP address is Amazon SES's (shared, or dedicated to your account).",
        ),
        ("sent_through_esp", _) => (
            "このメールは送信サービス（ESP）から送られています。送信元の IP アドレスはそのサービスのものです（共用か、あなたのアカウント専用）。",
            "This mail went out through a sending service (ESP): the sending IP address is the service's (shared, or dedicated to your account).",
        ),
        ("refused_at_submission", "gmail_send_as") => (
            "Gmail は、設定された送信サーバー（あなたの側のサーバー）にメールを渡しましたが、そのサーバーが断りました。宛先には届いていません。",
            "Gmail handed the message to the outgoing server it was set to use (on your side), and that server refused it. It never reached the recipient.",
        ),
        // A mail server's log line of a delivery ("status=sent (250 ...)"): no bounce, and it
        // says so (review 10, L3).
        ("not_a_bounce", "sent") => (
            "これは配送の記録で、メールが相手のサーバーに受け取られたこと（status=sent）を示しています。エラーではありません。",
            "This is a delivery log line: the receiving server accepted the mail (status=sent). It is no error.",
        ),
        ("not_a_bounce", _) => (
            "エラーメール（配信不能通知）には見えませんでした。戻ってきたメールの本文全体を渡してください。",
            "This does not look like a bounce message. Give the whole message that came back.",
        ),
        (id, _) => match id {
            "binary_input" => (
                "文字として読めない内容（画像や圧縮ファイルなど）が含まれていました。",
                "Part of this is not text (an image or archive?).",
            ),
            "input_truncated" => (
                "とても長いため、先頭の部分だけを調べました。",
                "It is very long, so only its beginning was read.",
            ),
            "closed_list" => (
                "相手のサーバーは、すでに運営を終了したブロックリストを使っています。これは相手側の設定の問題です。",
                "The receiving server uses a blocklist that has shut down. That is a problem in the receiver's setup.",
            ),
            "attached_bounce" => (
                "転送されたメールの中に添付されていたエラーメールを読みました。",
                "The bounce was found attached inside a forwarded message, and that is what was read.",
            ),
            "auto_reply" => (
                "これは自動応答（不在通知など）で、エラーではありません。メールは届いています。",
                "This is an automatic reply (such as out of office), not an error: the mail arrived.",
            ),
            "feedback_report" => (
                "これは受信者からの苦情の通知（迷惑メール報告）で、配信エラーではありません。",
                "This is a complaint report (someone marked a mail as spam), not a delivery error.",
            ),
            "charset_not_decoded" => (
                "読めない文字コードの部分があり、文字化けしたまま調べました。",
                "Part of it is in a character set that could not be read, so it was read garbled.",
            ),
            "mime_too_deep" => (
                "入れ子が深すぎる部分は読み飛ばしました。",
                "Parts nested too deeply were skipped.",
            ),
            "receiver_resolver_refused" => (
                "相手のサーバーの問い合わせがブロックリスト側に拒否されている可能性があります（相手側の設定の問題）。",
                "The receiving server's own blocklist queries may be refused by the list (a problem on the receiver's side).",
            ),
            "sender_on_microsoft365" => (
                "このメールは Microsoft 365 から送られています。送信元の IP アドレスは Microsoft のものです。",
                "This mail went out through Microsoft 365: the sending IP address is Microsoft's.",
            ),
            "sender_on_google" => (
                "このメールは Gmail（Google Workspace）から Google の共用サーバーを通って送られています。送信元の IP アドレスは Google のものです。",
                "This mail went out through Gmail (Google Workspace) on Google's shared servers: the sending IP address is Google's.",
            ),
            "first_of_several_messages" => (
                "いくつかのメールが一つにつながっていたため、最初の 1 通を調べました。ほかのメールは 1 通ずつ調べてください。",
                "Several messages came together as one, so the first one was read. Check the others one at a time.",
            ),
            "group_post_refused" => (
                "宛先はグループ（メーリングリスト）で、グループが見つからないか、あなたの投稿を受け付けない設定になっています。あなたのアドレスやサーバーがブロックされたのではありません。",
                "The address is a group (mailing list): the group was not found, or its settings do not take your posts. Your address and your server are not blocked.",
            ),
            "held_for_moderation" => (
                "これはメーリングリストからの通知で、投稿が管理者（モデレーター）の承認待ちになっています。エラーではありません。承認されれば配信されます。",
                "This is a mailing list's notice: your post is waiting for the list's moderator to approve it. Nothing failed; it goes out once approved.",
            ),
            "combined_list_zone" => (
                "拒否の理由に書かれたリストは、Spamhaus の古い統合リスト（SBL と XBL をまとめたもの）です。どちらのリストに載っているかは、Spamhaus のチェッカーで確認できます。",
                "The list the refusal names is Spamhaus's older combined zone (the SBL and the XBL together), so the listing may be in either. Spamhaus's checker shows which.",
            ),
            "read_receipt" => (
                "これは開封確認（受信者のメールソフトからの通知）で、エラーではありません。メールは相手に届いています。",
                "This is a read receipt from the recipient's mail program, not an error: your message arrived.",
            ),
            "inbound_refusal_log" => (
                "これは受信側のサーバー（Postfix の smtpd）の記録で、そのサーバーが、メールを送ってきた別のサーバーを断ったことを示しています。あなたのサーバーの記録なら、断られたのは相手の送信元で、IP アドレスも相手のものです。相手に知らせるか、受け取りたい相手なら自分のサーバーの設定で許可してください。",
                "This is a receiving server's own log (Postfix smtpd): that server refused another server that tried to deliver to it. If the log is your server's, the refused sender and its IP address are the other side's, not yours: tell them, or allow them in your server's settings if you want their mail.",
            ),
            "sending_server_log" => (
                "これはエラーメールではなく、送信側のメールサーバー自身の記録（ログ）です。配送しようとしたのはあなた（またはあなたの管理者）のサーバーで、返答にある接続元の IP アドレスもそのサーバーのものです。",
                "This is the sending mail server's own log, not a bounce letter: the server that tried to deliver is yours (or your administrator's), and a client address in the reply is that server's.",
            ),
            "refused_by_remote_server" => (
                "拒否したのは、あなたのメールが渡された先のサーバー（ふつうは宛先側のサーバー）で、あなたの送信サーバーではありません。",
                "The refusal came from the server your mail was handed on to (usually the recipient's), not from your own outgoing server.",
            ),
            "full_or_too_big" => (
                "この返答は「受信箱がいっぱい」と「メールが大きすぎる」のどちらの場合にも使われます。大きな添付ファイルがあれば、外すか小さくして送り直してください。",
                "This reply is used both for a full mailbox and for a message that is too large. If you attached large files, send it again without them or smaller.",
            ),
            "gmail_ipv6" => (
                "このメールは IPv6 で Gmail に送られました。Gmail は IPv6 で届くメールに、送信元の IPv6 アドレスの逆引き（PTR）と、SPF か DKIM の合格を求めています。",
                "This mail reached Gmail over IPv6. Gmail asks mail sent over IPv6 for a reverse DNS (PTR) record on the sending IPv6 address and a passing SPF or DKIM check.",
            ),
            "sender_account_stopped" => (
                "あなたが使っているメールのサービスが、あなたのアカウントからの送信を止めています。受信側の問題ではありません。",
                "Your own mail service has stopped sending from your account: the recipient's side is not the cause.",
            ),
            "sender_login_mismatch" => (
                "あなたの送信サーバーが、差出人のアドレスはログインしたアカウントのものではないとして拒否しました。ログインしたアカウントのアドレスから送るか、サーバー側でそのアドレスを使えるように設定してください。",
                "Your own outgoing server refused the From address because it does not belong to the account you logged in with. Send from that account's address, or have the address added to the account on the server.",
            ),
            "refused_at_submission" => (
                "これはメールソフトが表示した送信エラーです。あなたの側の送信サーバーが、メールソフトから受け取る段階でメールを断りました。メールは送り出されておらず、エラーメールも届きません。",
                "This is your mail program's own send error: your own outgoing server refused the message when the program handed it over. The message never left, and no bounce will come.",
            ),
            "connect_failed_at_submission" => (
                "これはメールソフトが表示した送信エラーです。メールソフトが送信サーバーに接続できませんでした（サーバーは何も返答していません）。メールは送り出されておらず、エラーメールも届きません。",
                "This is your mail program's own send error: it could not connect to its outgoing server, and the server gave no answer. The message never left, and no bounce will come.",
            ),
            "greylisted" => (
                "受信側のサーバーはグレーリスト（グレイリスティング）を使っています。知らない送信元からの最初の配送をわざと一時的に断り、数分後の再送を受け取ります。メールサーバーは自動で再送しますが、スクリプトやアプリは再送しないことがあります。",
                "The receiving server uses greylisting: it turns away the first try from a sender it does not know yet on purpose, and accepts a retry a few minutes later. A mail server retries by itself; a script or an app may not.",
            ),
            "via_microsoft_cloud" => (
                "エラーにある IP アドレスは Microsoft のものです（新しい Outlook や Outlook on the web は、Microsoft のクラウドからメールサーバーに接続します）。あなたのサーバーのアドレスではありません。",
                "The IP address in the error is Microsoft's: the new Outlook and Outlook on the web connect to your mail server from Microsoft's cloud. It is not your server's address.",
            ),
            _ => return None,
        },
    })
}

/// Why a list could not be checked, (Japanese, English), by the blocklist crate's reason id
/// (`ndr_dnsbl::Why::id`): the page's blocklist rows and the CLI's. Plain strings like
/// [`reason`]'s.
pub fn why(id: &str) -> (&'static str, &'static str) {
    match id {
        "timeout" => ("DNS サービスが時間内に応答しませんでした。", "The DNS service did not answer in time."),
        "deadline" => ("確認の制限時間を過ぎました。", "The check ran out of time."),
        "network" => ("DNS サービスに接続できませんでした。", "The DNS service could not be reached."),
        "http_error" => ("DNS サービスがエラーを返しました。", "The DNS service answered with an error."),
        "rate_limited" => ("DNS サービスが問い合わせを制限しています。しばらくしてから試してください。", "The DNS service is limiting questions; try again later."),
        "bad_response" => ("DNS サービスの応答を読み取れませんでした。", "The DNS service's answer could not be read."),
        "servfail" => ("リストのサーバーが応答しませんでした（SERVFAIL）。", "The list's servers did not answer (SERVFAIL)."),
        "dns_refused" => ("DNS サービスが問い合わせを拒否しました。", "The DNS service refused the question."),
        "dns_error" => ("DNS のエラーが返りました。", "A DNS error came back."),
        "refused_by_list" => (
            "このリストは公開 DNS サービスからの問い合わせに答えません。公式サイトで確認してください。",
            "This list does not answer questions from public DNS services. Check on its own site."
        ),
        "test_point_not_listed" => (
            "この DNS サービス経由ではリストの答えが信頼できません（テスト用の名前が正しく答えられませんでした）。公式サイトで確認してください。",
            "Answers for this list through this DNS service cannot be trusted (its test entry failed). Check on its own site."
        ),
        "zone_lists_everything" => (
            "このリストは何でも「掲載あり」と答えていて、壊れています。結果は使えません。",
            "This list answers \"listed\" for everything; it is broken, so its answer means nothing."
        ),
        "unexpected_answer" => ("リストから想定外の答えが返りました。", "The list gave an unexpected answer."),
        "key_required" => (
            "このリストは契約者用のキーが必要なため、ここからは確認できません。公式サイトで確認してください。",
            "This list needs a customer key, so it cannot be asked from here. Check on its own site."
        ),
        "closed_list" => (
            "このリストはすでに運営を終了しています。問い合わせていません。",
            "This list has shut down. It was not asked."
        ),
        "name_too_long" => ("問い合わせる名前が長すぎます。", "The name to ask would be too long for DNS."),
        "no_resolver" => ("DNS サービスが設定されていません。", "No DNS service is set."),
        "no_answer" => ("答えが返ってきませんでした。", "No answer came back."),
        _ => ("確認できませんでした。", "It could not be checked."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docomos_unknown_user_is_named_as_the_title_names_it() {
        let text = "Final-Recipient: RFC822; someone@docomo.ne.jp\nAction: failed\nStatus: 5.2.0\nRemote-MTA: DNS; mfsmax.docomo.ne.jp\nDiagnostic-Code: SMTP; 550 Unknown user someone@docomo.ne.jp\n";
        let d = ndr_core::diagnose(text.as_bytes());
        // The core keeps Sisimai's reading; the words follow the playbook docomo's behaviour
        // since 2025 picks.
        assert_eq!(d.reason, Reason::Filtered);
        assert_eq!(
            crate::select::select(&d).playbook.id,
            crate::party::docomo::USER_UNKNOWN.id
        );
        assert_eq!(reason_of(&d), reason(Reason::UserUnknown));
    }

    #[test]
    fn every_core_note_has_a_sentence_in_both_languages() {
        for id in ndr_core::Note::IDS {
            let (ja, en) = note(id, "").unwrap_or_else(|| panic!("{id} has no sentence"));
            assert!(!ja.is_empty() && !en.is_empty() && ja != en, "{id}");
            // A note id is for programs; the sentence is for people.
            assert!(!en.contains(id) && !ja.contains(id), "{id}");
        }
        assert_eq!(note("no such note", ""), None);
    }

    #[test]
    fn a_cut_off_message_is_not_called_too_long() {
        let (size_ja, size_en) = note("input_truncated", "2097152 bytes read of 3000000").unwrap();
        let (mime_ja, mime_en) = note("input_truncated", "mime").unwrap();
        assert!(size_en.contains("long") && size_ja.contains("長い"));
        assert!(mime_en.contains("cut off") && !mime_en.contains("long"));
        assert!(!mime_ja.contains("長い"));
    }
}
