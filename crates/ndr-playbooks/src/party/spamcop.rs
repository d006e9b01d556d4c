//! SpamCop (bl.spamcop.net): listings expire by themselves 24 hours after the last report.

use ndr_core::Party;

use super::common::*;
use super::{Needle, PartyBook, Refine, LIST_REASONS, NOT_LIST_REASONS};
use crate::model::{Actor, Link, Playbook, Source, Step, Urgency, Url};

// ---- Facts that change, in one place -------------------------------------------------------

const CHECKED: &str = "2026-07-02";
const DOMAINS: &[&str] = &["www.spamcop.net"];
const LOOKUP: Url = Url::filled(
    "https://www.spamcop.net/bl.shtml?{ip}",
    "https://www.spamcop.net/bl.shtml",
);
/// SpamCop's own page on removal, the source of both playbooks.
const SOURCES: &[Source] = &[Source {
    title: text! { ja: "SpamCop: ブロックリストからの削除について", en: "SpamCop: how to get removed from the blocking list" },
    url: Url::one(FAQ),
}];
/// SpamCop's lookup page for the IP, as both playbooks' steps link it.
const LOOKUP_LINK: Link = Link {
    label: text! { ja: "SpamCop の照会ページ（英語）", en: "SpamCop lookup" },
    url: LOOKUP,
};
const FAQ: &str = "https://www.spamcop.net/fom-serve/cache/298.html";
const FACTS: &[(&str, &str)] = &[("list_name", "SpamCop")];

pub(crate) const LISTED: Playbook = Playbook {
    id: "spamcop-listed",
    party: Some(Party::Spamcop),
    title: text! { ja: "SpamCop のブロックリストに掲載", en: "Listed by SpamCop" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が SpamCop のブロックリストに掲載されているため、受信側が受け取りを拒否しました。",
        en: "Your sending IP address {ip} is on the SpamCop blocklist, so the receiving side refused the mail.",
    },
    why: text! {
        ja: "その IP アドレスから届いたメールが、最近 SpamCop の利用者に迷惑メールとして報告されたためです。SpamCop の掲載は、最後の報告から 24 時間たつと自動で消えます。",
        en: "Mail from that address was recently reported as spam by SpamCop users. A SpamCop listing expires by itself 24 hours after the last report.",
    },
    actors: &[Actor::Nobody, Actor::Sender],
    urgency: Urgency::Wait,
    duration: text! { ja: "最後の報告から 24 時間（反映にさらに数時間）", en: "24 hours after the last report (plus a few hours to spread)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "SpamCop の照会ページで、IP アドレス {ip} の状況を確認してください。",
            en: "Check the status of {ip} on SpamCop's lookup page.",
        })
        .linked(LOOKUP_LINK),
        STEP_CHECK_ACCOUNT,
        Step::new(text! {
            ja: "報告の原因（乗っ取られたアカウント、登録の確認をしていない一斉送信など）を止めてください。報告が止まれば 24 時間で自動的に消えます。",
            en: "Stop whatever caused the reports (a hijacked account, bulk mail to people who did not sign up). Once reports stop, the listing disappears within 24 hours.",
        }),
        Step::new(text! {
            ja: "共用サーバーから送っている場合で、掲載が何日も続くときは、下の文面をホスティング事業者に送ってください。",
            en: "If you use a shared server and the listing lasts for days, send the message below to your hosting company.",
        }),
    ],
    donts: &[
        text! {
            ja: "SpamCop に早期の解除を求めないでください。SpamCop 自身が、自動で消えるのを待つよう案内しています。",
            en: "Do not ask SpamCop for early removal: SpamCop itself asks people to let listings expire.",
        },
        DONT_PAY,
        DONT_RESEND,
    ],
    message: Some(MESSAGE_HOSTING_LISTED_EXPIRES),
    lookup: Some(LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// The refusal named SpamCop, but SpamCop answers "not listed" now: its listings expire by
/// themselves 24 hours after the last report (https://www.spamcop.net/fom-serve/cache/298.html,
/// fact sheet §2.4), so the common case is a listing that is already gone. Chosen through the
/// page's (or the CLI's) lookup, never without a clean "not listed" answer.
pub(crate) const NO_LONGER_LISTED: Playbook = Playbook {
    id: "spamcop-no-longer-listed",
    party: Some(Party::Spamcop),
    title: text! { ja: "SpamCop の掲載は、すでに消えています", en: "No longer listed by SpamCop" },
    verdict: text! {
        ja: "送信元 IP アドレス {ip} が SpamCop のブロックリストに載っていたため、受信側が受け取りを拒否しました。ただし、今は SpamCop に掲載されていません（掲載は自動で消えます）。",
        en: "The receiving side refused the mail because your sending IP address {ip} was on the SpamCop blocklist at the time. SpamCop no longer lists it (its listings expire by themselves).",
    },
    why: text! {
        ja: "SpamCop の掲載は、最後の迷惑メール報告から 24 時間たつと自動で消えます。拒否されたときには載っていましたが、その後に消えたためです。",
        en: "A SpamCop listing expires by itself 24 hours after the last spam report: the address was listed when the mail was refused, and the listing has expired since.",
    },
    actors: &[Actor::Sender],
    urgency: Urgency::Soon,
    duration: text! { ja: "すぐ（送り直すだけ）", en: "Right away (just send it again)" },
    prepare: PREPARE_BLOCK,
    steps: &[
        Step::new(text! {
            ja: "同じ宛先に、一度だけ送り直してください。",
            en: "Send the message again, once.",
        }),
        Step::new(text! {
            ja: "また SpamCop の名前で拒否された場合は、報告が続いて再び掲載されています。報告の原因（乗っ取られたアカウント、登録の確認をしていない一斉送信など）を止めてください。",
            en: "If it is refused again naming SpamCop, reports keep coming and the address is listed again: stop whatever causes them (a hijacked account, bulk mail to people who did not sign up).",
        })
        .linked(LOOKUP_LINK),
        STEP_CHECK_ACCOUNT,
    ],
    donts: &[DONT_RESEND],
    message: None,
    lookup: Some(LOOKUP),
    facts: FACTS,
    sources: SOURCES,
    checked: CHECKED,
};

/// `NO_LONGER_LISTED` for mail that left through a provider's shared servers (Gmail, Microsoft
/// 365: the core's notes `sender_on_google` and `sender_on_microsoft365`, or a Gmail address):
/// the address SpamCop listed is the provider's, so "stop whatever causes the reports" is not
/// the sender's to do. If it comes back, the provider's own advice for a listed shared server
/// applies (`gmail-sender-pool-listed`, `microsoft-sender-pool-listed`). Review 4, case 06.
pub(crate) const NO_LONGER_LISTED_SHARED: Playbook = Playbook {
    id: "spamcop-no-longer-listed-shared",
    verdict: text! {
        ja: "送信に使われたメールサービスの共用サーバーの IP アドレス {ip} が SpamCop のブロックリストに載っていたため、受信側が受け取りを拒否しました。ただし、今は SpamCop に掲載されていません（掲載は自動で消えます）。",
        en: "The receiving side refused the mail because the sending IP address {ip}, a shared server of your mail service, was on the SpamCop blocklist at the time. SpamCop no longer lists it (its listings expire by themselves).",
    },
    why: text! {
        ja: "SpamCop の掲載は、最後の迷惑メール報告から 24 時間たつと自動で消えます。拒否されたときには載っていましたが、その後に消えたためです。この IP アドレスはあなたのメールサービスの共用サーバーのもので、あなたのものではありません。",
        en: "A SpamCop listing expires by itself 24 hours after the last spam report: the address was listed when the mail was refused, and the listing has expired since. The address belongs to your mail service's shared servers, not to you.",
    },
    steps: &[
        Step::new(text! {
            ja: "同じ宛先に、一度だけ送り直してください。",
            en: "Send the message again, once.",
        }),
        Step::new(text! {
            ja: "また SpamCop の名前で拒否された場合は、あなたのメールサービスの共用サーバーが再び掲載されています。あなたが解除を申請したり原因を止めたりすることはできません。受信者に電話や別のアドレスで連絡し、受信側の管理者にあなたのアドレスからのメールを受け取れるようにしてもらってください。",
            en: "If it is refused again naming SpamCop, your mail service's shared server is listed again. That is not yours to remove or to stop: contact the recipient by phone or another address and ask their administrator to let mail from your address through.",
        })
        .linked(LOOKUP_LINK),
    ],
    ..NO_LONGER_LISTED
};

pub(crate) const BOOK: PartyBook = PartyBook {
    party: Party::Spamcop,
    name: text! {
        ja: "SpamCop",
        en: "SpamCop",
    },
    domains: DOMAINS,
    routes: &[(LIST_REASONS, &LISTED)],
    generic: NOT_LIST_REASONS,
    playbooks: &[&LISTED, &NO_LONGER_LISTED, &NO_LONGER_LISTED_SHARED],
    codes: &[],
    refine: &[Refine {
        from: LISTED.id,
        when: Needle::NotListed("bl.spamcop.net"),
        to: &NO_LONGER_LISTED,
    }],
};
