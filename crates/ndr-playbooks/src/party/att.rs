//! AT&T's consumer mail (att.net, sbcglobal.net, bellsouth.net, ...): its own block list. The
//! refusal itself says where to write (abuse_rbl@abuse-att.net). AT&T's pages about its list
//! are old, and Yahoo reportedly took over AT&T's consumer mail in 2025 (unconfirmed, knowledge
//! file §3.4), so the steps say the route may have changed.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Message, Playbook, Source, Step, To, Urgency, Url};

/// AT&T's postmaster questions and answers, as a stored copy was read on this date (the page
/// carries no date). AT&T's older table of its refusals, http://rbl.att.net/block_enduser.html
/// ("521 <> is blocked: The sending system has been identified as a source of spam"), speaks of
/// AT&T WorldNet and is served over plain http only as far as the stored copy shows: the steps
/// name what it says without linking it. Neither page could be confirmed current.
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &["www.att.com"];
/// "How do I unblock email messages? ... Please email our block list group for more
/// information or to find out how to unblock emails."
const ATT_POSTMASTER: Url =
    Url::one("https://www.att.com/support/smallbusiness/article/smb-email-support/KM1252601/");

const SOURCES: &[Source] = &[Source {
    title: text! { ja: "AT&T: Postmaster のよくある質問", en: "AT&T Postmaster FAQs" },
    url: ATT_POSTMASTER,
}];

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "att-blocked",
    party: Some(Party::Att),
    title: text! { ja: "AT&T による送信元の拒否", en: "AT&T refused the sending server" },
    verdict: text! {
        ja: "AT&T のメールサーバーが、送信元 IP アドレス {ip} を自社のブロックリストに載っているとして拒否しました。{recipient} 宛てのメールは届いていません。",
        en: "AT&T's mail servers refused {ip} as being on AT&T's own block list; the mail to {recipient} did not arrive.",
    },
    why: text! {
        ja: "エラーの「DNSBL:RBL」（古い形では「DNSBL:ATTRBL」）と「521 … is_blocked」は、AT&T 自身のブロックリストによる拒否です。AT&T の古いエラー一覧では、このエラーは送信サーバーが迷惑メールの送信元と判定されたことを表します。AT&T の Postmaster のページは、ブロックの解除はブロックリストの担当にメールで相談するよう案内しており、エラー自体もエラーを abuse_rbl@abuse-att.net に転送するよう求めています。",
        en: "The error's \"DNSBL:RBL\" (\"DNSBL:ATTRBL\" in its older form) and \"521 ... is_blocked\" are AT&T's own block list. AT&T's old table of errors says this one means the sending system was identified as a source of spam. AT&T's postmaster page says to email its block list group about unblocking, and the error itself asks you to forward it to abuse_rbl@abuse-att.net.",
    },
    // Whoever runs the sending server first, as in every playbook about a refused sending
    // address (`select::IP_LISTINGS`): the address is theirs to fix. A paste from that
    // server's own log puts its administrator first (`render::admin_before_host`).
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "連絡の後、数日", en: "Days, after the email" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "このエラーは、送信サーバーを管理している人（社内の管理者、またはホスティング事業者やメール事業者）に渡してください。ブロックされているのはサーバーの IP アドレスなので、AT&T とやり取りするのはその管理者です。",
            en: "Pass this error to whoever runs the sending server (your IT administrator, or your hosting or mail provider). It is the server's IP address that is blocked, so they are the ones who deal with AT&T.",
        }),
        Step::new(text! {
            ja: "管理者は、まず原因（乗っ取られたアカウントやウイルスによる大量送信、逆引き DNS の不備など）を調べて直します。",
            en: "The administrator first finds and fixes the cause (a hijacked account or malware sending in bulk, missing reverse DNS, and the like).",
        }),
        Step::new(text! {
            ja: "そのうえで、エラーの指示どおり abuse_rbl@abuse-att.net にエラーを転送します。エラーの全文（「alph737」のような AT&T のサーバー名を含む部分を省かずに）、送信元 IP アドレス、送信ドメイン、送信日時、サーバーの運用者名と連絡先、直したことを書き添えてください。下に英語の文面があります。",
            en: "Then forward the error to abuse_rbl@abuse-att.net, as the error asks. Include the whole error (with AT&T's server tag such as \"alph737\"), the sending IP address, the sending domain, when it was sent, who runs the server and how to reach them, and what was fixed. A message is below.",
        }),
        Step::new(text! {
            ja: "AT&T のブロックについてのページは日付がなく古いもので、AT&T の個人向けメールは 2025 年に Yahoo に移ったとも伝えられています（未確認）。窓口が変わっている可能性があります。転送したメールが戻ってきた場合や、Yahoo の形式のエラー（[TSS04] など）が返るようになった場合は、その新しいエラーの案内に従ってください。",
            en: "AT&T's pages about its blocks carry no date and are old, and AT&T's consumer mail reportedly moved to Yahoo in 2025 (unconfirmed), so the route may have changed. If the forwarded mail comes back, or the refusals start to look like Yahoo's ([TSS04] and the like), follow what that new error says instead.",
        })
        .link(text! { ja: "AT&T: Postmaster のよくある質問", en: "AT&T Postmaster FAQs" }, ATT_POSTMASTER),
        STEP_THIS_PAGE_CHECK,
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: Some(Message {
        to: To::Operator,
        address: Some("abuse_rbl@abuse-att.net"),
        subject: english_only!("Block of {ip} (DNSBL:RBL 521)"),
        body: english_only!(
            "（AT&T の窓口には英語で送ります。[ ] の部分を書き足して、abuse_rbl@abuse-att.net に次の英文を送ってください。）",
            "Hello,

Mail from our server to your users is refused with the error below, which asks us to forward it to this address.

Sending IP address: {ip}
Sending domain: {sender_domain}
Error: {error_text}
Date: {date}

Who runs the server: [company name, and the website with your contact details]
What we found and fixed: [for example: a hijacked mailbox was secured; reverse DNS was set]

Could you please review the block of our address? Thank you."
        ),
    }),
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// AT&T's list names in its refusals are no codes of a table of its own.
const CODES: &[CodeEntry] = &[];

/// Ordered: the first entry that names the reason wins.
const ROUTES: &[(&[Reason], &Playbook)] = &[(super::PROVIDER_BLOCK_REASONS, &BLOCKED)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Att,
    name: text! {
        ja: "AT&T（att.net、sbcglobal.net、bellsouth.net など）",
        en: "AT&T (att.net, sbcglobal.net, bellsouth.net and others)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<28>(ROUTES),
    playbooks: &[&BLOCKED],
    codes: CODES,
    refine: &[],
};
