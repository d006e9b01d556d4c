//! The blocklists NDR Doctor knows: zones, what each answer means, refusal codes, test points,
//! lookup and delisting pages, and the lists that have shut down.
//!
//! Facts come from `shared/knowledge/providers-and-lists.md` (sections 2.0 to 2.25); the
//! operators' pages are cited above each entry. Wording is ours. Where a fact was not
//! confirmed in any stored source the comment says "unconfirmed", and the code leans towards
//! "could not check" rather than a verdict.

use ndr_core::Party;

/// A short text in both languages of the app; the page shows one, the CLI the English one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Japanese.
    pub ja: &'static str,
}

/// Shorthand for table rows.
const fn t(en: &'static str, ja: &'static str) -> Text {
    Text { en, ja }
}

/// What a list is keyed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// IPv4 addresses only (IPv6 support not published or not confirmed).
    Ipv4,
    /// IPv4 and IPv6 addresses in the same zone.
    Ip,
    /// IPv6 addresses only (a separate IPv6 zone).
    Ipv6,
    /// Domain names (RFC 5782 "right-hand side" lists).
    Domain,
    /// IP addresses and domains (key-only services that cover both).
    IpAndDomain,
}

/// Whether, and how, a list may be asked through a public DoH resolver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Free to query; no known refusal of public resolvers.
    Public,
    /// Known to answer public resolvers with an error code instead of the data; still asked,
    /// because a user's own resolver may be allowed, and the error is then shown honestly.
    RefusesPublicResolvers,
    /// Only answers resolvers registered with the operator; still asked, for the same reason.
    RegisteredResolversOnly,
    /// Needs a per-customer key in the query name: never queried, shown as "check by hand".
    KeyOnly,
}

/// One documented answer code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The A record, always in 127.0.0.0/8.
    pub addr: [u8; 4],
    /// The sub-list this code stands for (`SBL`, `XBL`, `Level 1`, ...).
    pub sub_list: &'static str,
    /// What it means.
    pub meaning: Text,
}

/// One bit of a bitmask answer (`127.0.0.N`, N the sum of the bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bit {
    /// The bit value (2, 4, 8, ...).
    pub bit: u8,
    /// The sub-list (`black`, `PH`, ...).
    pub sub_list: &'static str,
    /// What it means.
    pub meaning: Text,
}

/// How to tell whether a zone answers honestly through a resolver (RFC 5782 section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestPoints {
    /// IPv4: 127.0.0.2 listed, 127.0.0.1 not; IPv6: ::ffff:127.0.0.2 listed,
    /// ::ffff:127.0.0.1 not; domains: `test` listed, `invalid` not.
    Rfc5782,
    /// Domain lists with their own positive test name; `invalid` must not be listed.
    Domain {
        /// A name the list always lists (`dbltest.com`).
        listed: &'static str,
    },
    /// Only the positive point is asked, because 127.0.0.1 means something else here
    /// (Hostkarma answers it as "white").
    ListedOnly,
}

/// One blocklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List {
    /// The DNS zone (`zen.spamhaus.org`); for key-only services, the public part of it.
    pub zone: &'static str,
    /// The name people know it by.
    pub name: &'static str,
    /// The blocking party it maps to in a `Diagnosis`, if any.
    pub party: Option<Party>,
    /// What it is keyed on.
    pub key: KeyKind,
    /// Whether it can be asked from a public resolver.
    pub access: Access,
    /// Documented listing codes.
    pub codes: &'static [Code],
    /// Bitmask meanings, for lists that answer with a sum of bits.
    pub bits: &'static [Bit],
    /// Answers that mean the list refuses the query or failed: never a listing.
    pub errors: &'static [Code],
    /// Answers that mean "known good" (allow-list codes of combined lists): not a listing.
    pub allows: &'static [Code],
    /// The test points to check the zone with.
    pub test: TestPoints,
    /// The operator's own lookup page; `{target}` is replaced by the IP or domain.
    pub lookup_url: &'static str,
    /// Where to ask for removal, or the page that explains removal.
    pub delist_url: &'static str,
    /// Where the codes above come from.
    pub source: &'static str,
}

impl List {
    /// The lookup page with the IP or domain filled in (percent-encoded where needed).
    pub fn lookup_url_for(&self, target: &str) -> String {
        self.lookup_url.replace("{target}", &url_escape(target))
    }

    /// Whether this list is queried at all.
    pub fn is_queried(&self) -> bool {
        self.access != Access::KeyOnly
    }
}

/// Escapes what could break out of a URL's path or query; IPs and LDH domains pass through.
fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b':' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A list that has shut down: never queried, but named when a bounce says the receiver uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosedList {
    /// The zone suffix (`sorbs.net` covers `dnsbl.sorbs.net`, `spam.dnsbl.sorbs.net`, ...).
    pub zone: &'static str,
    /// The name people know it by.
    pub name: &'static str,
    /// When it ended (ISO date, or year, or year-month when that is all that is known).
    pub ended: &'static str,
    /// What happened, in both languages.
    pub note: Text,
    /// Where that is reported.
    pub source: &'static str,
}

// Spamhaus answers these instead of data when it will not serve the resolver or the query is
// malformed; they are errors, never listings. Introduced 2019-09-30 (.254 and .255) and about
// 2021-03 (.252).
// Source: https://www.spamhaus.org/news/article/788/ ; https://github.com/rspamd/rspamd/issues/3074
const SPAMHAUS_ERRORS: &[Code] = &[
    Code {
        addr: [127, 255, 255, 252],
        sub_list: "error",
        meaning: t(
            "Spamhaus error: the zone name in the query has a typo",
            "Spamhaus のエラー: 照会したゾーン名に誤りがあります",
        ),
    },
    Code {
        addr: [127, 255, 255, 254],
        sub_list: "error",
        meaning: t(
            "Spamhaus refuses queries that come through public or open resolvers (such as Google or Cloudflare DNS)",
            "Spamhaus は公開DNSリゾルバー（Google や Cloudflare など）経由の照会を拒否しています",
        ),
    },
    Code {
        addr: [127, 255, 255, 255],
        sub_list: "error",
        meaning: t(
            "Spamhaus refuses the resolver for sending too many queries",
            "Spamhaus は照会数が多すぎるリゾルバーを拒否しています",
        ),
    },
];

// The DBL answers this when an IP address is asked of a domain list, plus the general errors.
// Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
const SPAMHAUS_DBL_ERRORS: &[Code] = &[
    Code {
        addr: [127, 0, 1, 255],
        sub_list: "error",
        meaning: t(
            "Spamhaus DBL error: an IP address was asked of a domain list",
            "Spamhaus DBL のエラー: ドメイン用リストに IP アドレスを照会しました",
        ),
    },
    SPAMHAUS_ERRORS[0],
    SPAMHAUS_ERRORS[1],
    SPAMHAUS_ERRORS[2],
];

// ZEN is the union of SBL, CSS, XBL and PBL; the last octet says which.
// Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
const SPAMHAUS_ZEN_CODES: &[Code] = &[
    // SBL: spam sources and operations, listed by hand; only the ISP can have it removed.
    Code {
        addr: [127, 0, 0, 2],
        sub_list: "SBL",
        meaning: t(
            "Spamhaus SBL: a known spam source or spam operation (listed by hand)",
            "Spamhaus SBL: スパム送信元・スパム業者として手動で登録",
        ),
    },
    // CSS: automated low-reputation ("snowshoe") listings, part of the SBL.
    Code {
        addr: [127, 0, 0, 3],
        sub_list: "CSS",
        meaning: t(
            "Spamhaus CSS: automatic listing for low-reputation or snowshoe sending",
            "Spamhaus CSS: 評判の低い送信（スノーシュー型など）として自動登録",
        ),
    },
    // XBL: exploited or infected hosts; historically .4 to .7.
    Code {
        addr: [127, 0, 0, 4],
        sub_list: "XBL",
        meaning: t(
            "Spamhaus XBL: the address shows signs of an infected or exploited machine",
            "Spamhaus XBL: ウイルス感染・乗っ取りの兆候がある機器として登録",
        ),
    },
    Code {
        addr: [127, 0, 0, 5],
        sub_list: "XBL",
        meaning: t(
            "Spamhaus XBL: infected or exploited machine (older code)",
            "Spamhaus XBL: 感染・乗っ取りの兆候（旧コード）",
        ),
    },
    Code {
        addr: [127, 0, 0, 6],
        sub_list: "XBL",
        meaning: t(
            "Spamhaus XBL: infected or exploited machine (older code)",
            "Spamhaus XBL: 感染・乗っ取りの兆候（旧コード）",
        ),
    },
    Code {
        addr: [127, 0, 0, 7],
        sub_list: "XBL",
        meaning: t(
            "Spamhaus XBL: infected or exploited machine (older code)",
            "Spamhaus XBL: 感染・乗っ取りの兆候（旧コード）",
        ),
    },
    // DROP/EDROP networks, returned together with .2 since 2016.
    Code {
        addr: [127, 0, 0, 9],
        sub_list: "SBL DROP",
        meaning: t(
            "Spamhaus DROP: the whole network is controlled by criminals or hijacked",
            "Spamhaus DROP: ネットワーク全体が悪用・乗っ取りとして登録",
        ),
    },
    // PBL: end-user space that should not send directly to mail servers.
    Code {
        addr: [127, 0, 0, 10],
        sub_list: "PBL",
        meaning: t(
            "Spamhaus PBL (set by the ISP): this address should not send mail directly to other servers",
            "Spamhaus PBL（ISP が登録）: このアドレスから他のメールサーバーへ直接送信すべきではありません",
        ),
    },
    Code {
        addr: [127, 0, 0, 11],
        sub_list: "PBL",
        meaning: t(
            "Spamhaus PBL (set by Spamhaus): this address looks like end-user space that should not send mail directly",
            "Spamhaus PBL（Spamhaus が登録）: 一般利用者向けのアドレスで、直接送信すべきではないと判断されています",
        ),
    },
    // BCL: botnet command and control (rare on the public mirror).
    Code {
        addr: [127, 0, 0, 30],
        sub_list: "SBL BCL",
        meaning: t(
            "Spamhaus BCL: a botnet command-and-control server",
            "Spamhaus BCL: ボットネットの指令サーバーとして登録",
        ),
    },
];

// Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
const SPAMHAUS_DBL_CODES: &[Code] = &[
    Code {
        addr: [127, 0, 1, 2],
        sub_list: "DBL spam",
        meaning: t(
            "Spamhaus DBL: the domain is used in spam",
            "Spamhaus DBL: スパムで使われているドメイン",
        ),
    },
    Code {
        addr: [127, 0, 1, 4],
        sub_list: "DBL phish",
        meaning: t(
            "Spamhaus DBL: phishing domain",
            "Spamhaus DBL: フィッシングのドメイン",
        ),
    },
    Code {
        addr: [127, 0, 1, 5],
        sub_list: "DBL malware",
        meaning: t(
            "Spamhaus DBL: malware domain",
            "Spamhaus DBL: マルウェア配布のドメイン",
        ),
    },
    Code {
        addr: [127, 0, 1, 6],
        sub_list: "DBL botnet C&C",
        meaning: t(
            "Spamhaus DBL: botnet command-and-control domain",
            "Spamhaus DBL: ボットネット指令サーバーのドメイン",
        ),
    },
    Code {
        addr: [127, 0, 1, 102],
        sub_list: "DBL abused legit spam",
        meaning: t(
            "Spamhaus DBL: a legitimate domain that was abused to send spam",
            "Spamhaus DBL: 正規のドメインがスパムに悪用されています",
        ),
    },
    Code {
        addr: [127, 0, 1, 103],
        sub_list: "DBL abused redirector",
        meaning: t(
            "Spamhaus DBL: a legitimate domain abused as a redirector",
            "Spamhaus DBL: 正規のドメインが転送（リダイレクト）に悪用されています",
        ),
    },
    Code {
        addr: [127, 0, 1, 104],
        sub_list: "DBL abused legit phish",
        meaning: t(
            "Spamhaus DBL: a legitimate domain abused for phishing",
            "Spamhaus DBL: 正規のドメインがフィッシングに悪用されています",
        ),
    },
    Code {
        addr: [127, 0, 1, 105],
        sub_list: "DBL abused legit malware",
        meaning: t(
            "Spamhaus DBL: a legitimate domain abused to spread malware",
            "Spamhaus DBL: 正規のドメインがマルウェア配布に悪用されています",
        ),
    },
    Code {
        addr: [127, 0, 1, 106],
        sub_list: "DBL abused legit C&C",
        meaning: t(
            "Spamhaus DBL: a legitimate domain abused for botnet command and control",
            "Spamhaus DBL: 正規のドメインがボットネット指令に悪用されています",
        ),
    },
];

/// A list with a single listing code 127.0.0.2.
const fn single(sub_list: &'static str, meaning: Text) -> [Code; 1] {
    [Code {
        addr: [127, 0, 0, 2],
        sub_list,
        meaning,
    }]
}

// SpamCop: reported spam sources; listings end by themselves 24 h after the last report.
// Source: https://www.spamcop.net/fom-serve/cache/298.html
const SPAMCOP_CODES: &[Code] = &single(
    "SCBL",
    t(
        "SpamCop: spam from this address was reported recently (expires 24 hours after the last report)",
        "SpamCop: 最近このアドレスからのスパムが報告されました（最後の報告から24時間で自動解除）",
    ),
);

// Barracuda: reputation list; the querying resolvers must be registered.
// Source: https://www.barracudacentral.org/rbl/how-to-use
const BARRACUDA_CODES: &[Code] = &single(
    "BRBL",
    t(
        "Barracuda Reputation Block List: poor sending reputation",
        "Barracuda Reputation Block List: 送信の評判が低いと判定",
    ),
);

// UCEPROTECT levels: 1 is the single IP (expires 7 days after the last trap hit), 2 the
// allocation, 3 the whole ASN.
// Source: https://www.uceprotect.net/en/index.php?m=7&s=7
const UCE1_CODES: &[Code] = &single(
    "Level 1",
    t(
        "UCEPROTECT Level 1: this single address hit spam traps (expires 7 days after the last hit)",
        "UCEPROTECT レベル1: このアドレスがスパムトラップに送信（最後の検出から7日で自動解除）",
    ),
);
const UCE2_CODES: &[Code] = &single(
    "Level 2",
    t(
        "UCEPROTECT Level 2: the provider's address block has too many listed addresses",
        "UCEPROTECT レベル2: プロバイダーのアドレス帯に登録アドレスが多すぎます",
    ),
);
const UCE3_CODES: &[Code] = &single(
    "Level 3",
    t(
        "UCEPROTECT Level 3: the provider's whole network (ASN) is listed",
        "UCEPROTECT レベル3: プロバイダーのネットワーク全体（ASN）が登録されています",
    ),
);

// Mailspike: .2 listed, .10 to .12 poor reputation levels.
// Source: https://github.com/rspamd/rspamd/blob/master/conf/modules.d/rbl.conf
const MAILSPIKE_CODES: &[Code] = &[
    Code {
        addr: [127, 0, 0, 2],
        sub_list: "BL",
        meaning: t("Mailspike: listed", "Mailspike: 登録されています"),
    },
    Code {
        addr: [127, 0, 0, 10],
        sub_list: "L5",
        meaning: t(
            "Mailspike: worst reputation",
            "Mailspike: 評判が最悪のレベル",
        ),
    },
    Code {
        addr: [127, 0, 0, 11],
        sub_list: "L4",
        meaning: t(
            "Mailspike: very bad reputation",
            "Mailspike: 評判が非常に悪いレベル",
        ),
    },
    Code {
        addr: [127, 0, 0, 12],
        sub_list: "L3",
        meaning: t("Mailspike: bad reputation", "Mailspike: 評判が悪いレベル"),
    },
];

// PSBL: addresses seen sending to spam traps; anyone may remove an address.
// Source: https://psbl.org/
const PSBL_CODES: &[Code] = &single(
    "PSBL",
    t(
        "PSBL: this address sent mail to spam traps",
        "PSBL: このアドレスがスパムトラップに送信しました",
    ),
);

// URIBL answers with a bitmask; 127.0.0.1 means the query was refused (Google Public DNS and
// OpenDNS are named as refused).
// Source: https://uribl.com/refused.shtml ; https://uribl.com/about.shtml
const URIBL_BITS: &[Bit] = &[
    Bit {
        bit: 2,
        sub_list: "black",
        meaning: t(
            "URIBL black: the domain appears in spam",
            "URIBL black: スパムに含まれるドメイン",
        ),
    },
    Bit {
        bit: 4,
        sub_list: "grey",
        meaning: t(
            "URIBL grey: the domain sends bulk mail that many recipients did not ask for",
            "URIBL grey: 多くの受信者が望まない大量送信に使われるドメイン",
        ),
    },
    Bit {
        bit: 8,
        sub_list: "red",
        meaning: t(
            "URIBL red: the domain appears in spam from hacked accounts",
            "URIBL red: 乗っ取られたアカウントからのスパムに含まれるドメイン",
        ),
    },
];
const URIBL_ERRORS: &[Code] = &[Code {
    addr: [127, 0, 0, 1],
    sub_list: "refused",
    meaning: t(
        "URIBL refused the query (it does not serve public resolvers such as Google DNS)",
        "URIBL が照会を拒否しました（Google DNS などの公開リゾルバーには応答しません）",
    ),
}];

// SURBL answers with a bitmask; 127.0.0.1 means the resolver is blocked or over its limit.
// Current bits per the operator: 8 PH, 16 MW, 64 ABUSE, 128 CR; older configs use other bits,
// which decode as "listed, category not known".
// Source: https://www.surbl.org/ ; https://github.com/rspamd/rspamd/pull/464
const SURBL_BITS: &[Bit] = &[
    Bit {
        bit: 8,
        sub_list: "PH",
        meaning: t("SURBL PH: phishing", "SURBL PH: フィッシング"),
    },
    Bit {
        bit: 16,
        sub_list: "MW",
        meaning: t("SURBL MW: malware", "SURBL MW: マルウェア"),
    },
    Bit {
        bit: 64,
        sub_list: "ABUSE",
        meaning: t(
            "SURBL ABUSE: spam and abuse",
            "SURBL ABUSE: スパム・不正利用",
        ),
    },
    Bit {
        bit: 128,
        sub_list: "CR",
        meaning: t(
            "SURBL CR: a cracked (hacked) site",
            "SURBL CR: 改ざん（乗っ取り）されたサイト",
        ),
    },
];
const SURBL_ERRORS: &[Code] = &[Code {
    addr: [127, 0, 0, 1],
    sub_list: "blocked",
    meaning: t(
        "SURBL blocked the resolver or it is over its query limit",
        "SURBL がリゾルバーを遮断したか、照会数の上限を超えました",
    ),
}];

// Backscatterer: addresses that send bounces or auto-replies to forged senders; expires 4 weeks
// after the last abuse. Meant to be applied only to null-sender mail.
// Source: https://www.backscatterer.org/ (via the knowledge file, section 2.7)
const BACKSCATTERER_CODES: &[Code] = &single(
    "Backscatterer",
    t(
        "Backscatterer: this address sends bounces or auto-replies to forged senders",
        "Backscatterer: このアドレスが偽装された送信者へエラーメールや自動返信を送っています",
    ),
);

// SpamRATS sub-lists; the exact return codes (.36 Dyna, .37 NoPtr, .38 Spam) are often cited
// but unconfirmed, so any other 127.0.0.x still decodes as "listed".
// Source: https://www.spamrats.com/lists.php
const RATS_DYNA_CODES: &[Code] = &[Code {
    addr: [127, 0, 0, 36],
    sub_list: "RATS-Dyna",
    meaning: t(
        "SpamRATS Dyna: the reverse DNS name looks dynamic or generic",
        "SpamRATS Dyna: 逆引き(PTR)名が動的・汎用的な名前に見えます",
    ),
}];
const RATS_NOPTR_CODES: &[Code] = &[Code {
    addr: [127, 0, 0, 37],
    sub_list: "RATS-NoPtr",
    meaning: t(
        "SpamRATS NoPtr: the address has no reverse DNS (PTR) record",
        "SpamRATS NoPtr: 逆引き(PTR)レコードがありません",
    ),
}];
const RATS_SPAM_CODES: &[Code] = &[Code {
    addr: [127, 0, 0, 38],
    sub_list: "RATS-Spam",
    meaning: t(
        "SpamRATS Spam: the address sent spam or attacked mail servers",
        "SpamRATS Spam: スパム送信やメールサーバーへの攻撃が検出されました",
    ),
}];

// s5h: RFC 5782 list for IPv4 and IPv6; removal is one HTTP request from the listed address.
// Source: http://www.s5h.net/rblcheck
const S5H_CODES: &[Code] = &single(
    "s5h",
    t(
        "s5h: this address sent spam or attacked servers",
        "s5h: このアドレスからスパム・攻撃が検出されました",
    ),
);

// DroneBL: the last octet is the category; these five are agreed between copies, others are
// unconfirmed and decode as "listed".
// Source: https://dronebl.org/docs/howtouse
const DRONEBL_CODES: &[Code] = &[
    Code {
        addr: [127, 0, 0, 3],
        sub_list: "IRC drone",
        meaning: t("DroneBL: IRC drone", "DroneBL: IRC ボット"),
    },
    Code {
        addr: [127, 0, 0, 6],
        sub_list: "bot",
        meaning: t(
            "DroneBL: spam bot, drone or exploited host",
            "DroneBL: スパムボット・乗っ取られた機器",
        ),
    },
    Code {
        addr: [127, 0, 0, 8],
        sub_list: "SOCKS proxy",
        meaning: t("DroneBL: open SOCKS proxy", "DroneBL: 公開 SOCKS プロキシ"),
    },
    Code {
        addr: [127, 0, 0, 9],
        sub_list: "HTTP proxy",
        meaning: t("DroneBL: open HTTP proxy", "DroneBL: 公開 HTTP プロキシ"),
    },
    Code {
        addr: [127, 0, 0, 13],
        sub_list: "brute force",
        meaning: t(
            "DroneBL: brute-force attacker",
            "DroneBL: 総当たり攻撃の送信元",
        ),
    },
];

// 0spam: bl lists single IPs that hit traps, nbl whole /24 networks.
// Source: https://0spam.org/how-does-the-0spam-service-work
const ZEROSPAM_CODES: &[Code] = &single(
    "0spam",
    t(
        "0spam: this address sent mail to spam traps",
        "0spam: このアドレスがスパムトラップに送信しました",
    ),
);
const ZEROSPAM_NBL_CODES: &[Code] = &single(
    "0spam NBL",
    t(
        "0spam NBL: several addresses in this /24 network hit spam traps",
        "0spam NBL: この /24 ネットワークの複数のアドレスがスパムトラップに送信しました",
    ),
);

// Spam Eating Monkey: trap hits and policy listings; expires after 7 days (the operator) or
// 15 days (a third party).
// Source: http://spameatingmonkey.com/lists.html
const SEM_CODES: &[Code] = &single(
    "SEM-BLACK",
    t(
        "Spam Eating Monkey: this address sent mail to spam traps",
        "Spam Eating Monkey: このアドレスがスパムトラップに送信しました",
    ),
);

// Hostkarma is a combined allow/block list: here 127.0.0.1 means "white", so it is not a
// listing and the RFC 5782 127.0.0.1 check cannot be used.
// Source: http://wiki.junkemailfilter.com/index.php/Spam_DNS_Lists (the operator's wiki, as list
// configurations cite it; the codes agree with the knowledge file's section 2.14)
const HOSTKARMA_CODES: &[Code] = &[
    Code {
        addr: [127, 0, 0, 2],
        sub_list: "black",
        meaning: t(
            "Hostkarma black: spam source",
            "Hostkarma black: スパム送信元",
        ),
    },
    Code {
        addr: [127, 0, 0, 3],
        sub_list: "yellow",
        meaning: t(
            "Hostkarma yellow: mixed good and bad mail (large providers)",
            "Hostkarma yellow: 正規とスパムが混在（大手プロバイダーなど）",
        ),
    },
    Code {
        addr: [127, 0, 0, 4],
        sub_list: "brown",
        meaning: t(
            "Hostkarma brown: spam seen, but below the black threshold",
            "Hostkarma brown: スパムを検出（black の基準未満）",
        ),
    },
];
const HOSTKARMA_ALLOWS: &[Code] = &[
    Code {
        addr: [127, 0, 0, 1],
        sub_list: "white",
        meaning: t(
            "Hostkarma white: trusted sender",
            "Hostkarma white: 信頼できる送信元",
        ),
    },
    Code {
        addr: [127, 0, 0, 5],
        sub_list: "NOBL",
        meaning: t(
            "Hostkarma NOBL: should not be blocklisted",
            "Hostkarma NOBL: ブロック対象外",
        ),
    },
];

// Key-only services: listed here so the page can say "check by hand" with the right link.
// Abusix: https://docs.abusix.com/docs/guardian-mail/production-zones
// Spamhaus DQS: https://github.com/spamhaus/rspamd-dqs
// Invaluement: https://www.invaluement.com/lookup/
const NONE: &[Code] = &[];
const NO_BITS: &[Bit] = &[];

/// Every list NDR Doctor knows, sorted by zone (see the `catalogue_is_sorted` test).
pub const LISTS: &[List] = &[
    List {
        zone: "all.s5h.net",
        name: "s5h",
        party: None,
        key: KeyKind::Ip,
        access: Access::Public,
        codes: S5H_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "http://www.s5h.net/rblcheck",
        delist_url: "http://www.usenix.org.uk/content/rblremove",
        source: "http://www.s5h.net/rblcheck",
    },
    List {
        zone: "b.barracudacentral.org",
        name: "Barracuda Reputation Block List",
        party: Some(Party::Barracuda),
        key: KeyKind::Ipv4,
        access: Access::RegisteredResolversOnly,
        codes: BARRACUDA_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        // The form Barracuda's own rejection messages link to.
        lookup_url: "https://www.barracudanetworks.com/reputation/?r=1&ip={target}",
        delist_url: "https://www.barracudacentral.org/rbl/removal-request",
        source: "https://www.barracudacentral.org/rbl/how-to-use",
    },
    List {
        zone: "bl.0spam.org",
        name: "0spam",
        party: None,
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: ZEROSPAM_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://0spam.org/",
        delist_url: "https://0spam.org/how-does-the-0spam-service-work",
        source: "https://0spam.org/how-does-the-0spam-service-work",
    },
    List {
        zone: "bl.ipv6.spameatingmonkey.net",
        name: "Spam Eating Monkey (IPv6)",
        party: None,
        key: KeyKind::Ipv6,
        access: Access::Public,
        codes: SEM_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "http://spameatingmonkey.com/lists.html",
        delist_url: "http://spameatingmonkey.com/lists.html",
        source: "http://spameatingmonkey.com/lists.html",
    },
    List {
        zone: "bl.mailspike.net",
        name: "Mailspike",
        party: Some(Party::Mailspike),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: MAILSPIKE_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        // The operator's IP Verify page: "IP Verify allows you to lookup and ask for delisting
        // on IPs" (stored copy, 2026-11-25).
        lookup_url: "https://mailspike.io/ip_verify/about",
        delist_url: "https://mailspike.io/ip_verify/about",
        source: "https://github.com/rspamd/rspamd/blob/master/conf/modules.d/rbl.conf",
    },
    List {
        zone: "bl.spamcop.net",
        name: "SpamCop",
        party: Some(Party::Spamcop),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: SPAMCOP_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.spamcop.net/bl.shtml?{target}",
        delist_url: "https://www.spamcop.net/fom-serve/cache/298.html",
        source: "https://www.spamcop.net/fom-serve/cache/298.html",
    },
    List {
        zone: "bl.spameatingmonkey.net",
        name: "Spam Eating Monkey",
        party: None,
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: SEM_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "http://spameatingmonkey.com/lists.html",
        delist_url: "http://spameatingmonkey.com/lists.html",
        source: "http://spameatingmonkey.com/lists.html",
    },
    List {
        zone: "combined.mail.abusix.zone",
        name: "Abusix Mail Intelligence",
        party: Some(Party::Abusix),
        key: KeyKind::IpAndDomain,
        access: Access::KeyOnly,
        codes: NONE,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        // Lookup URL unconfirmed.
        lookup_url: "https://lookup.abusix.com/",
        delist_url: "https://lookup.abusix.com/",
        source: "https://docs.abusix.com/docs/guardian-mail/production-zones",
    },
    List {
        zone: "dbl.spamhaus.org",
        name: "Spamhaus DBL",
        party: Some(Party::Spamhaus),
        key: KeyKind::Domain,
        access: Access::RefusesPublicResolvers,
        codes: SPAMHAUS_DBL_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_DBL_ERRORS,
        allows: NONE,
        test: TestPoints::Domain {
            listed: "dbltest.com",
        },
        // Domain form of the checker URL: pattern unconfirmed, the IP form is documented.
        lookup_url: "https://check.spamhaus.org/query/domain/{target}",
        delist_url: "https://check.spamhaus.org/",
        source: "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html",
    },
    List {
        zone: "dnsbl-1.uceprotect.net",
        name: "UCEPROTECT Level 1",
        party: Some(Party::Uceprotect),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: UCE1_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.uceprotect.net/en/rblcheck.php?ipr={target}",
        delist_url: "https://www.uceprotect.net/en/index.php?m=7&s=7",
        source: "https://www.uceprotect.net/en/index.php?m=7&s=7",
    },
    List {
        zone: "dnsbl-2.uceprotect.net",
        name: "UCEPROTECT Level 2",
        party: Some(Party::Uceprotect),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: UCE2_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.uceprotect.net/en/rblcheck.php?ipr={target}",
        delist_url: "https://www.uceprotect.net/en/index.php?m=7&s=7",
        source: "https://www.uceprotect.net/en/index.php?m=7&s=7",
    },
    List {
        zone: "dnsbl-3.uceprotect.net",
        name: "UCEPROTECT Level 3",
        party: Some(Party::Uceprotect),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: UCE3_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.uceprotect.net/en/rblcheck.php?ipr={target}",
        delist_url: "https://www.uceprotect.net/en/index.php?m=7&s=7",
        source: "https://www.uceprotect.net/en/index.php?m=7&s=7",
    },
    List {
        zone: "dnsbl.dronebl.org",
        name: "DroneBL",
        party: None,
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: DRONEBL_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://dronebl.org/lookup?ip={target}",
        delist_url: "https://dronebl.org/lookup",
        source: "https://dronebl.org/docs/howtouse",
    },
    List {
        zone: "dyna.spamrats.com",
        name: "SpamRATS Dyna",
        party: Some(Party::Spamrats),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: RATS_DYNA_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.spamrats.com/lists.php",
        delist_url: "https://www.spamrats.com/removal.php",
        source: "https://www.spamrats.com/lists.php",
    },
    List {
        zone: "hostkarma.junkemailfilter.com",
        name: "Hostkarma (Junk Email Filter)",
        party: None,
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: HOSTKARMA_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: HOSTKARMA_ALLOWS,
        test: TestPoints::ListedOnly,
        // The operator's own pages, as receivers' refusals and list configurations name them
        // ("Black listed at hostkarma http://ipadmin.junkemailfilter.com/remove.php?ip=...");
        // plain http only as far as those copies show. A third party's page is never shown as
        // the lookup.
        lookup_url: "http://ipadmin.junkemailfilter.com/remove.php?ip={target}",
        delist_url: "http://ipadmin.junkemailfilter.com/remove.php",
        source: "http://wiki.junkemailfilter.com/index.php/Spam_DNS_Lists",
    },
    List {
        zone: "invaluement.com",
        name: "Invaluement",
        party: None,
        key: KeyKind::IpAndDomain,
        access: Access::KeyOnly,
        codes: NONE,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.invaluement.com/lookup/",
        delist_url: "https://www.invaluement.com/lookup/",
        source: "https://www.invaluement.com/lookup/",
    },
    List {
        zone: "ips.backscatterer.org",
        name: "Backscatterer",
        party: Some(Party::Backscatterer),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: BACKSCATTERER_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.backscatterer.org/",
        delist_url: "https://www.backscatterer.org/",
        source: "https://www.backscatterer.org/",
    },
    List {
        zone: "multi.surbl.org",
        name: "SURBL",
        party: None,
        key: KeyKind::Domain,
        access: Access::Public,
        codes: NONE,
        bits: SURBL_BITS,
        errors: SURBL_ERRORS,
        allows: NONE,
        test: TestPoints::Domain {
            listed: "test.surbl.org",
        },
        // The lookup form's URL is unconfirmed; the operator's home page has it.
        lookup_url: "https://www.surbl.org/",
        delist_url: "https://www.surbl.org/",
        source: "https://www.surbl.org/",
    },
    List {
        zone: "multi.uribl.com",
        name: "URIBL",
        party: None,
        key: KeyKind::Domain,
        access: Access::RefusesPublicResolvers,
        codes: NONE,
        bits: URIBL_BITS,
        errors: URIBL_ERRORS,
        allows: NONE,
        test: TestPoints::Domain {
            listed: "test.uribl.com",
        },
        lookup_url: "https://uribl.com/",
        delist_url: "https://uribl.com/about.shtml",
        source: "https://uribl.com/refused.shtml",
    },
    List {
        zone: "nbl.0spam.org",
        name: "0spam NBL",
        party: None,
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: ZEROSPAM_NBL_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://0spam.org/",
        delist_url: "https://0spam.org/how-does-the-0spam-service-work",
        source: "https://0spam.org/how-does-the-0spam-service-work",
    },
    List {
        zone: "noptr.spamrats.com",
        name: "SpamRATS NoPtr",
        party: Some(Party::Spamrats),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: RATS_NOPTR_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.spamrats.com/lists.php",
        delist_url: "https://www.spamrats.com/removal.php",
        source: "https://www.spamrats.com/lists.php",
    },
    List {
        zone: "pbl.spamhaus.org",
        name: "Spamhaus PBL",
        party: Some(Party::Spamhaus),
        key: KeyKind::Ip,
        access: Access::RefusesPublicResolvers,
        codes: SPAMHAUS_ZEN_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_ERRORS,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://check.spamhaus.org/query/ip/{target}",
        delist_url: "https://check.spamhaus.org/",
        source: "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html",
    },
    List {
        zone: "psbl.surriel.com",
        name: "PSBL",
        party: Some(Party::Psbl),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: PSBL_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://psbl.org/",
        delist_url: "https://psbl.org/",
        source: "https://psbl.org/",
    },
    List {
        zone: "sbl.spamhaus.org",
        name: "Spamhaus SBL",
        party: Some(Party::Spamhaus),
        key: KeyKind::Ip,
        access: Access::RefusesPublicResolvers,
        codes: SPAMHAUS_ZEN_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_ERRORS,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://check.spamhaus.org/query/ip/{target}",
        delist_url: "https://www.spamhaus.org/sbl/delistingprocedure/",
        source: "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html",
    },
    List {
        zone: "spam.spamrats.com",
        name: "SpamRATS Spam",
        party: Some(Party::Spamrats),
        key: KeyKind::Ipv4,
        access: Access::Public,
        codes: RATS_SPAM_CODES,
        bits: NO_BITS,
        errors: NONE,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://www.spamrats.com/lists.php",
        delist_url: "https://www.spamrats.com/removal.php",
        source: "https://www.spamrats.com/lists.php",
    },
    List {
        zone: "xbl.spamhaus.org",
        name: "Spamhaus XBL",
        party: Some(Party::Spamhaus),
        key: KeyKind::Ip,
        access: Access::RefusesPublicResolvers,
        codes: SPAMHAUS_ZEN_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_ERRORS,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://check.spamhaus.org/query/ip/{target}",
        delist_url: "https://check.spamhaus.org/",
        source: "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html",
    },
    List {
        zone: "zen.dq.spamhaus.net",
        name: "Spamhaus DQS (ZEN with a key)",
        party: Some(Party::Spamhaus),
        key: KeyKind::Ip,
        access: Access::KeyOnly,
        codes: SPAMHAUS_ZEN_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_ERRORS,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://check.spamhaus.org/query/ip/{target}",
        delist_url: "https://check.spamhaus.org/",
        source: "https://github.com/spamhaus/rspamd-dqs",
    },
    List {
        zone: "zen.spamhaus.org",
        name: "Spamhaus ZEN",
        party: Some(Party::Spamhaus),
        key: KeyKind::Ip,
        access: Access::RefusesPublicResolvers,
        codes: SPAMHAUS_ZEN_CODES,
        bits: NO_BITS,
        errors: SPAMHAUS_ERRORS,
        allows: NONE,
        test: TestPoints::Rfc5782,
        lookup_url: "https://check.spamhaus.org/query/ip/{target}",
        delist_url: "https://check.spamhaus.org/",
        source: "https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html",
    },
];

/// The lists checked by default, most important first (the order the page shows them in).
///
/// Spamhaus first because most receivers use it and Microsoft's own blocks point at it; then
/// the lists that appear most in real rejections (SpamCop, Barracuda, UCEPROTECT); then the
/// domain lists; then smaller IP lists; key-only services last, as "check by hand" rows.
pub const DEFAULT_ZONES: &[&str] = &[
    "zen.spamhaus.org",
    "dbl.spamhaus.org",
    "bl.spamcop.net",
    "b.barracudacentral.org",
    "dnsbl-1.uceprotect.net",
    "dnsbl-2.uceprotect.net",
    "dnsbl-3.uceprotect.net",
    "bl.mailspike.net",
    "psbl.surriel.com",
    "multi.uribl.com",
    "multi.surbl.org",
    "ips.backscatterer.org",
    "spam.spamrats.com",
    "dyna.spamrats.com",
    "noptr.spamrats.com",
    "all.s5h.net",
    "dnsbl.dronebl.org",
    "bl.0spam.org",
    "bl.spameatingmonkey.net",
    "bl.ipv6.spameatingmonkey.net",
    "combined.mail.abusix.zone",
    "invaluement.com",
];

/// Lists that have shut down, sorted by zone. Never queried: a dead zone may answer "listed"
/// for everything (AHBL did at its end; SpamCop's lapsed domain did on 2021-01-31).
pub const CLOSED: &[ClosedList] = &[
    ClosedList {
        zone: "ahbl.org",
        name: "AHBL",
        ended: "2015",
        note: t(
            "AHBL shut down in 2015 and answered \"listed\" for every address at the end.",
            "AHBL は2015年に終了し、終了時にはすべてのアドレスを「登録あり」と応答していました。",
        ),
        source: "https://github.com/matteocorti/check_rbl",
    },
    ClosedList {
        zone: "bl.emailbasura.org",
        name: "emailbasura",
        ended: "2019",
        note: t(
            "emailbasura stopped in 2019.",
            "emailbasura は2019年に終了しました。",
        ),
        source: "https://github.com/matteocorti/check_rbl",
    },
    ClosedList {
        zone: "bl.spamcannibal.org",
        name: "SpamCannibal",
        ended: "2019",
        note: t(
            "SpamCannibal's domain lapsed in 2019.",
            "SpamCannibal は2019年にドメインが失効しました。",
        ),
        source: "https://github.com/matteocorti/check_rbl",
    },
    ClosedList {
        zone: "db.wpbl.info",
        name: "WPBL",
        ended: "2025",
        note: t(
            "WPBL was reported no longer working in July 2025.",
            "WPBL は2025年7月に機能していないと報告されています。",
        ),
        source: "https://github.com/dmippolitov/pydnsbl/issues/48",
    },
    ClosedList {
        zone: "dnsbl.madavi.de",
        name: "madavi",
        ended: "2025-03",
        note: t(
            "The madavi list shut down in March 2025.",
            "madavi のリストは2025年3月に終了しました。",
        ),
        source: "https://github.com/matteocorti/check_rbl/pull/63",
    },
    ClosedList {
        zone: "ix.dnsbl.manitu.net",
        name: "NiX Spam",
        ended: "2025-01-16",
        note: t(
            "NiX Spam shut down on 16 January 2025.",
            "NiX Spam は2025年1月16日に終了しました。",
        ),
        source: "https://github.com/matteocorti/check_rbl/issues/61",
    },
    ClosedList {
        zone: "njabl.org",
        name: "NJABL",
        ended: "2013",
        note: t(
            "NJABL closed long ago.",
            "NJABL はかなり以前に終了しました。",
        ),
        source: "https://github.com/matteocorti/check_rbl",
    },
    ClosedList {
        zone: "sorbs.net",
        name: "SORBS",
        ended: "2024-06-05",
        note: t(
            "SORBS was shut down by Proofpoint on 5 June 2024.",
            "SORBS は2024年6月5日に Proofpoint によって終了されました。",
        ),
        source: "https://github.com/mailcow/mailcow-dockerized/pull/5901",
    },
    ClosedList {
        zone: "virbl.bit.nl",
        name: "VIRBL",
        ended: "2017",
        note: t("VIRBL stopped in 2017.", "VIRBL は2017年に終了しました。"),
        source: "https://github.com/matteocorti/check_rbl",
    },
];

/// Lowercases and drops a trailing dot.
fn normalize(zone: &str) -> String {
    zone.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The list with exactly this zone (case and a trailing dot ignored).
pub fn find(zone: &str) -> Option<&'static List> {
    let zone = normalize(zone);
    LISTS
        .binary_search_by(|l| l.zone.cmp(zone.as_str()))
        .ok()
        .and_then(|i| LISTS.get(i))
}

/// The closed list a zone belongs to (`spam.dnsbl.sorbs.net` -> SORBS), if it has shut down.
/// The app uses it to say "the receiving server still uses a closed list".
pub fn is_closed_zone(zone: &str) -> Option<&'static ClosedList> {
    let zone = normalize(zone);
    CLOSED
        .iter()
        .find(|c| zone == c.zone || zone.ends_with(&format!(".{}", c.zone)))
}

/// The default lists, most important first.
pub fn default_lists() -> Vec<&'static List> {
    DEFAULT_ZONES.iter().filter_map(|z| find(z)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_and_unique() {
        for w in LISTS.windows(2) {
            assert!(w[0].zone < w[1].zone, "{} before {}", w[0].zone, w[1].zone);
        }
        for w in CLOSED.windows(2) {
            assert!(w[0].zone < w[1].zone, "{} before {}", w[0].zone, w[1].zone);
        }
    }

    #[test]
    fn every_default_zone_is_in_the_catalogue_once_and_alive() {
        let lists = default_lists();
        assert_eq!(lists.len(), DEFAULT_ZONES.len());
        let mut seen = std::collections::HashSet::new();
        for z in DEFAULT_ZONES {
            assert!(seen.insert(z), "{z} twice");
            assert!(is_closed_zone(z).is_none(), "{z} is closed");
        }
        let queried = lists.iter().filter(|l| l.is_queried()).count();
        assert!((15..=20).contains(&queried), "{queried} queried lists");
    }

    #[test]
    fn no_live_list_is_also_closed() {
        for l in LISTS {
            assert!(is_closed_zone(l.zone).is_none(), "{}", l.zone);
        }
    }

    #[test]
    fn codes_are_loopback_and_errors_never_double_as_listings() {
        for l in LISTS {
            for c in l.codes.iter().chain(l.errors).chain(l.allows) {
                assert_eq!(c.addr[0], 127, "{}: {:?}", l.zone, c.addr);
                assert!(!c.meaning.en.is_empty() && !c.meaning.ja.is_empty());
            }
            for e in l.errors {
                assert!(!l.codes.iter().any(|c| c.addr == e.addr), "{}", l.zone);
                assert!(!l.allows.iter().any(|c| c.addr == e.addr), "{}", l.zone);
            }
            for b in l.bits {
                assert!(b.bit.is_power_of_two(), "{}", l.zone);
            }
            // 127.0.0.1 is the RFC 5782 "never listed" point: only an error or allow code.
            assert!(
                !l.codes.iter().any(|c| c.addr == [127, 0, 0, 1]),
                "{}",
                l.zone
            );
        }
    }

    #[test]
    fn urls_are_absolute_and_fill_the_target() {
        for l in LISTS {
            for u in [l.lookup_url, l.delist_url, l.source] {
                assert!(
                    u.starts_with("https://") || u.starts_with("http://"),
                    "{}: {u}",
                    l.zone
                );
            }
        }
        let zen = find("ZEN.spamhaus.org.").unwrap();
        assert_eq!(
            zen.lookup_url_for("192.0.2.1"),
            "https://check.spamhaus.org/query/ip/192.0.2.1"
        );
        assert_eq!(
            find("bl.spamcop.net").unwrap().lookup_url_for("a&b"),
            "https://www.spamcop.net/bl.shtml?a%26b"
        );
    }

    #[test]
    fn lookup_and_delist_pages_are_the_operators_own() {
        // Checker and blog sites summarise lists, but they are not where a listing is looked
        // up or removed; the page must never present one as the operator's.
        const THIRD_PARTY: &[&str] = &[
            "suped.com",
            "mxtoolbox.com",
            "glockapps.com",
            "mxio.io",
            "helohub.com",
            "dnsbl.info",
        ];
        for l in LISTS {
            for u in [l.lookup_url, l.delist_url] {
                assert!(
                    !THIRD_PARTY.iter().any(|t| u.contains(t)),
                    "{}: {u}",
                    l.zone
                );
            }
        }
        assert_eq!(
            find("hostkarma.junkemailfilter.com")
                .unwrap()
                .lookup_url_for("192.0.2.1"),
            "http://ipadmin.junkemailfilter.com/remove.php?ip=192.0.2.1"
        );
        assert_eq!(
            find("bl.mailspike.net").unwrap().delist_url,
            "https://mailspike.io/ip_verify/about"
        );
    }

    #[test]
    fn closed_zones_match_their_subzones() {
        assert_eq!(is_closed_zone("dnsbl.sorbs.net").unwrap().name, "SORBS");
        assert_eq!(
            is_closed_zone("spam.dnsbl.sorbs.net.").unwrap().name,
            "SORBS"
        );
        assert_eq!(
            is_closed_zone("IX.dnsbl.manitu.net").unwrap().ended,
            "2025-01-16"
        );
        assert!(is_closed_zone("notsorbs.net").is_none());
        assert!(is_closed_zone("zen.spamhaus.org").is_none());
    }
}
