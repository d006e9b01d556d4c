//! Comcast (comcast.net, Xfinity): its own block codes, each naming its own list or a public
//! one. Its pages are old; Yahoo reportedly took over Comcast's consumer mail in 2025
//! (unconfirmed, knowledge file), so the steps say the pages may have moved.

use ndr_core::{Party, Reason};

use super::common::*;
use super::{rest, PartyBook};
use crate::codes::CodeEntry;
use crate::model::{Actor, Playbook, Source, Step, Urgency, Url};

/// The pages below, as stored copies were read on this date. Comcast's code table carries no
/// date and speaks of "more than 14 million" customers: it is old, and may have moved.
const CHECKED: &str = "2026-11-27";
const DOMAINS: &[&str] = &["postmaster.comcast.net", "es.xfinity.com"];
// Comcast's table of block codes, http://postmaster.comcast.net/mail-error-codes.html (BL000000
// its own list, BL000001 Spamhaus ZEN, BL000010 Cloudmark CSI, BL000100 SenderScore, and their
// sums), is served over plain http only as far as the stored copy shows: the steps name it
// through the error's own link instead of linking it.
/// Xfinity's page on the same codes, with what to do for each.
const XFINITY_ERRORS: Url = Url::one("https://es.xfinity.com/support/articles/email-errors");

const SOURCES: &[Source] = &[Source {
    title: text! { ja: "Xfinity サポート: メールのエラー", en: "Xfinity Support: email errors" },
    url: XFINITY_ERRORS,
}];

pub(crate) const BLOCKED: Playbook = Playbook {
    id: "comcast-blocked",
    party: Some(Party::Comcast),
    title: text! { ja: "Comcast による送信元の拒否", en: "Comcast refused the sending server" },
    verdict: text! {
        ja: "Comcast（Xfinity）のメールサーバーが、送信元 IP アドレス {ip} からの {recipient} 宛てのメールを拒否しました。",
        en: "Comcast's (Xfinity's) mail servers refused the mail from {ip} to {recipient}.",
    },
    why: text! {
        ja: "Comcast の拒否には「BL」で始まるコード（{provider_code}）が付き、どのリストによる拒否かを表します。Comcast の一覧によると、BL000000 は Comcast 自身の判定（迷惑メールに特有の送り方）、BL000001 は Spamhaus ZEN、BL000010 は Cloudmark CSI、BL000100 は SenderScore のブロックリストへの掲載を表します。複数に載っている場合は、その組み合わせのコードになります。",
        en: "Comcast's refusals carry a code starting with \"BL\" ({provider_code}) that says which list refused you. In Comcast's table, BL000000 is Comcast's own finding (mail sent in patterns typical of spam), BL000001 a listing on Spamhaus ZEN, BL000010 on Cloudmark CSI and BL000100 on the SenderScore blocklist; a listing on several gives the code that combines them.",
    },
    // Whoever runs the sending server first, as in every playbook about a refused sending
    // address (`select::IP_LISTINGS`): the address is theirs to fix. A paste from that
    // server's own log puts its administrator first (`render::admin_before_host`).
    actors: &[Actor::SenderProvider, Actor::SenderAdmin],
    urgency: Urgency::Soon,
    duration: text! { ja: "リストの削除後、数時間〜数日", en: "Hours to days after the listing is removed" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "エラーのリンク（postmaster.comcast.net）の「#」の後ろにあるコード（BL000001 など）が、どのリストによる拒否かを表します。リンクを開くと Comcast のコード一覧が出ます。ただし Comcast のページは古く、Comcast の個人向けメールは 2025 年に Yahoo に移ったとも伝えられているため（未確認）、ページが開かないことがあります。",
            en: "The code after the \"#\" of the error's link (postmaster.comcast.net; BL000001, for example) says which list refused you, and the link opens Comcast's table of codes. Comcast's pages are old, though, and Comcast's consumer mail reportedly moved to Yahoo in 2025 (unconfirmed), so the page may have moved.",
        }),
        Step::new(text! {
            ja: "コードが Spamhaus、Cloudmark CSI、SenderScore のリストを指していれば、そのリストの手続きで削除を依頼してください。リストから消えれば Comcast の拒否も止まります。",
            en: "If the code names Spamhaus, Cloudmark CSI or SenderScore, ask that list to remove the address through its own procedure. Once it is off the list, Comcast stops refusing too.",
        }),
        STEP_THIS_PAGE_CHECK,
        Step::new(text! {
            ja: "BL000000（Comcast 自身の判定）のときは、送信サーバーを管理している人（社内の管理者、またはメール事業者）にこのエラーを渡してください。原因を直し、エラーのリンク先にある Comcast の案内に沿って対処するのは、送信サーバーの運用者です。",
            en: "For BL000000 (Comcast's own finding), pass the error to whoever runs the sending server (your IT administrator or mail provider): they fix the cause and follow what Comcast's page for the code (the link in the error) says.",
        })
        .link(text! { ja: "Xfinity: メールのエラー", en: "Xfinity: email errors" }, XFINITY_ERRORS),
    ],
    donts: &[DONT_RESEND, DONT_PAY],
    message: None,
    lookup: None,
    facts: &[],
    sources: SOURCES,
    checked: CHECKED,
};

/// From Comcast's table of codes (http://postmaster.comcast.net/mail-error-codes.html).
const CODES: &[CodeEntry] = &[
    CodeEntry::provider(
        Party::Comcast,
        "BL000000",
        Reason::Blocked,
        text! { ja: "Comcast 自身の判定：迷惑メールに特有の送り方", en: "Comcast's own finding: mail sent in patterns typical of spam" },
        &BLOCKED,
    )
    .keywords("comcast xfinity comcast.net blocklist"),
    CodeEntry::provider(
        Party::Comcast,
        "BL000001",
        Reason::Blocked,
        text! { ja: "送信元が Spamhaus ZEN に掲載されている", en: "The sending address is listed on Spamhaus ZEN" },
        &BLOCKED,
    )
    .keywords("comcast xfinity spamhaus zen"),
    CodeEntry::provider(
        Party::Comcast,
        "BL000010",
        Reason::Blocked,
        text! { ja: "送信元が Cloudmark CSI に掲載されている", en: "The sending address is listed on Cloudmark CSI" },
        &BLOCKED,
    )
    .keywords("comcast xfinity cloudmark csi"),
    CodeEntry::provider(
        Party::Comcast,
        "BL000100",
        Reason::Blocked,
        text! { ja: "送信元が SenderScore のブロックリストに掲載されている", en: "The sending address is listed on the SenderScore blocklist" },
        &BLOCKED,
    )
    .keywords("comcast xfinity senderscore"),
];

/// Ordered: the first entry that names the reason wins. A missing PTR record goes to the
/// generic playbook on purpose (the fix is the same everywhere).
const ROUTES: &[(&[Reason], &Playbook)] = &[(super::PROVIDER_BLOCK_REASONS, &BLOCKED)];

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Comcast,
    name: text! {
        ja: "Comcast（Xfinity）",
        en: "Comcast (Xfinity)",
    },
    domains: DOMAINS,
    routes: ROUTES,
    generic: &rest::<28>(ROUTES),
    playbooks: &[&BLOCKED],
    codes: CODES,
    refine: &[],
};
