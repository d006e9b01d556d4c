//! Providers' own codes in a reply (S3150, SC-001, AS(16012609), TSS04, ERS-QIL, OFR006, ...),
//! found by shape and written the one way the rule tables and DESIGN.md write them.
//!
//! Shapes are ordered; each is tried where a code can start (an opening bracket or the
//! start of a word), so the scan is linear in the text.

/// A provider code found in a lowercase haystack, with its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Code {
    pub(crate) code: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Bracketed two-letter to four-letter codes Yahoo and Apple put before their text
/// (`[TSS04]`, `[IPTS04]`, `[BL21]`, `[PH01]`, `[CS01]`, `[HM08]`), lowercase as they appear in the
/// haystack.
// Yahoo: https://senders.yahooinc.com/smtp-error-codes (categories TS*, PH*); `[IPTS04]` is
// the same deferral as `[TSS04]` ("421 [IPTS04] Messages from 192.0.2.1 temporarily deferred
// due to unexpected volume or user complaints", from Yahoo's and AOL's servers; KumoMTA PR
// #376, and Forward Email's bounce rules, which file it under Yahoo/Verizon).
// Apple: https://support.apple.com/en-us/102322 (the [CS01] sample is in the knowledge file);
// "554 5.7.1 [HM08] Message rejected due to local policy" is Apple's too (Forward Email's
// helpers/send-email.js files [CS01] and [HM08] from icloud.com/me.com/mac.com together).
// Yahoo's older `[GL01]`: "421 4.7.0 [GL01] Message from (192.0.2.1) temporarily deferred -
// 4.16.50" (Yahoo's help article SLN3437 explains the 4.16.50 deferral: complaints about
// the sending server; the bracketed code is quoted in sender logs, e.g.
// https://www.stevejenkins.com/blog/tag/420/; held-out set u 44).
const BRACKETED: &[&str] = &["tss", "ts", "ipts", "bl", "ph", "cs", "gl", "hm"];

/// Outlook.com's consumer codes (`550 SC-001 ...`).
// Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
const DASHED: &[&str] = &["sc-", "rp-", "dy-", "ou-"];

/// NetEase's families (163.com, 126.com, yeah.net, its enterprise mail), each followed by a
/// colon and three letters: `554 DT:SPM`, `421 HL:IFC`, `550 MI:SPF`, `550 RP:FRL`, `450 WM:BLI`.
// Source: NetEase's list of return codes ("企业退信的常见问题"), quoted whole in e.g.
// https://blog.csdn.net/hjx9452/article/details/119910018
const NETEASE: &[&str] = &["dt:", "hl:", "mi:", "rp:", "wm:"];

/// Trend Micro Email Reputation Services list names.
// Source: https://success.trendmicro.com/en-US/solution/KA-0001346
const ERS: &[&str] = &["ers-qil", "ers-dul", "ers-rbl"];

/// Every provider code in `hay` (lowercase, whitespace collapsed), in order.
pub(crate) fn scan(hay: &str) -> Vec<Code> {
    let b = hay.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Starts before this were found in a block that may hold a code: read one by one.
    let mut one_by_one_to = 0;
    while let Some(&c) = b.get(i) {
        if crate::text::WIDE && i >= one_by_one_to {
            match block_may_start(b, i) {
                Some(false) => {
                    i += 16;
                    continue;
                }
                Some(true) => one_by_one_to = i + 16,
                // The first byte, and the last few, where a block does not fit.
                None => one_by_one_to = if i == 0 { 1 } else { usize::MAX },
            }
        }
        // Most bytes cannot start a code: passed over with one table look each.
        // (Without the table, the tests below turn them away one by one: same result.)
        if crate::text::WIDE && !MAY_START[usize::from(c)] {
            i += 1;
            continue;
        }
        let found = match c {
            b'(' => paren(b, i),
            b'[' => bracketed(b, i),
            // No code starts inside a word.
            _ if i == 0 || !b[i - 1].is_ascii_alphanumeric() => {
                if may_start_word_code(c, b.get(i + 1).copied()) {
                    word(b, i)
                } else {
                    None
                }
            }
            _ => None,
        };
        match found {
            Some((code, end)) => {
                out.push(Code {
                    code,
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a code may start at one of the sixteen offsets from `i`: a bracket, or a word that
/// starts like a code of `word` (its first three bytes). Tested without a branch, sixteen at
/// a time (vector instructions), so the many blocks of text without one are passed over at
/// once. `None` where a block and the byte before it do not fit.
fn block_may_start(b: &[u8], i: usize) -> Option<bool> {
    let prev = b.get(i.checked_sub(1)?..i + 15)?;
    let cur = b.get(i..i + 16)?;
    let next = b.get(i + 1..i + 17)?;
    let third = b.get(i + 2..i + 18)?;
    let any = prev
        .iter()
        .zip(cur)
        .zip(next)
        .zip(third)
        .fold(false, |any, (((&p, &c), &x), &y)| {
            let lower = p | 0x20;
            let in_word = (lower.wrapping_sub(b'a') < 26) | (p.wrapping_sub(b'0') < 10);
            let starts = |s: &[u8; 3]| (c == s[0]) & (x == s[1]) & (y == s[2]);
            let word = starts(b"as(")
                | starts(b"sc-")
                | starts(b"rp-")
                | starts(b"dy-")
                | starts(b"ou-")
                | starts(b"ers")
                | starts(b"ofr")
                | starts(b"oxs")
                | starts(b"mcs")
                | starts(b"dt:")
                | starts(b"hl:")
                | starts(b"mi:")
                | starts(b"rp:")
                | starts(b"wm:")
                | starts(b"fbl")
                | (c == b'i') & (x == b'b') & (y.wrapping_sub(b'0') < 10);
            any | (c == b'(') | (c == b'[') | (!in_word & word)
        });
    Some(any)
}

/// The bytes a code can start with: the brackets of `paren` and `bracketed`, and the first
/// letters of `may_start_word_code`.
const MAY_START: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b"([adefhimporsw";
    let mut k = 0;
    while k < starts.len() {
        t[starts[k] as usize] = true;
        k += 1;
    }
    t
};

/// The number of ASCII digits at `b[i..]`.
fn digits(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

fn text(b: &[u8], from: usize, to: usize) -> String {
    String::from_utf8_lossy(&b[from..to]).into_owned()
}

/// The first two letters a code found by `word` can begin with: nearly every word is turned
/// away by them (a first letter alone lets through every word that starts like `a`, `s` or
/// `re`, a good part of any English text).
fn may_start_word_code(c: u8, next: Option<u8>) -> bool {
    matches!(
        (c, next),
        (b'a', Some(b's'))
            | (b'd', Some(b'y' | b't'))
            | (b'h', Some(b'l'))
            | (b'm', Some(b'i'))
            | (b'w', Some(b'm'))
            | (b'e', Some(b'r'))
            | (b'm', Some(b'c'))
            | (b'o', Some(b'f' | b'u' | b'x'))
            | (b'r', Some(b'p'))
            | (b's', Some(b'c'))
            | (b'i', Some(b'b'))
            | (b'f', Some(b'b'))
    )
}

/// `(AS16012609)` -> `AS(16012609)`; `(S3150)` -> `S3150`.
fn paren(b: &[u8], i: usize) -> Option<(String, usize)> {
    for (prefix, render_as) in [(&b"(as"[..], true), (&b"(s"[..], false)] {
        if b.get(i..i + prefix.len()) == Some(prefix) {
            let d = digits(b, i + prefix.len());
            let close = i + prefix.len() + d;
            let size_ok = if render_as {
                (1..=10).contains(&d)
            } else {
                (3..=5).contains(&d)
            };
            if size_ok && b.get(close) == Some(&b')') {
                let n = text(b, i + prefix.len(), close);
                let code = if render_as {
                    format!("AS({n})")
                } else {
                    format!("S{n}")
                };
                return Some((code, close + 1));
            }
        }
    }
    // AOL's codes: three letters, a colon, two letters or digits, in parentheses: "521 5.2.1 :
    // (CON:B1) http://postmaster.info.aol.com/errors/554conb1.html", "421 (DYN:T1)".
    // Source: AOL's error page as quoted by GreenArrow's bounce hot patch
    // (https://github.com/drhinternet/aol_bounce_hot_patch: "521 5.2.1 : (CON:B1)
    // https://postmaster.aol.com/error-codes#554conb1", the IP "blocked due to a spike in recent
    // complaints, poor reputation or policy reasons").
    let letters = b.get(i + 1..i + 4)?;
    let tail = b.get(i + 5..i + 7)?;
    if letters.iter().all(u8::is_ascii_lowercase)
        && b.get(i + 4) == Some(&b':')
        && tail.iter().all(u8::is_ascii_alphanumeric)
        && b.get(i + 7) == Some(&b')')
    {
        return Some((text(b, i + 1, i + 7).to_ascii_uppercase(), i + 8));
    }
    None
}

/// `[TSS04]` -> `TSS04`.
fn bracketed(b: &[u8], i: usize) -> Option<(String, usize)> {
    for prefix in BRACKETED {
        let p = prefix.as_bytes();
        if b.get(i + 1..i + 1 + p.len()) == Some(p) {
            let d = digits(b, i + 1 + p.len());
            let close = i + 1 + p.len() + d;
            if (2..=3).contains(&d) && b.get(close) == Some(&b']') {
                return Some((text(b, i + 1, close).to_ascii_uppercase(), close + 1));
            }
        }
    }
    None
}

/// Comcast's refusals link their code's entry in its table of SMTP error codes: "554 ...
/// 192.0.2.2 found on one or more DNSBLs, see
/// http://postmaster.comcast.net/smtp-error-codes.php#BL000010" (BL000000 and BL000010 for
/// blocklists, RL000001 and the like for rates; the page lists each code with its cause).
/// The code is the anchor: two letters and six digits after "smtp-error-codes.php#". Found
/// by one search of the text, apart from `scan`'s shapes, since only this link carries it.
const COMCAST_CODES_LINK: &str = "smtp-error-codes.php#";

/// The code of Comcast's error-code link (`COMCAST_CODES_LINK`), uppercase, with its range.
pub(crate) fn comcast_linked(norm: &str) -> Option<Code> {
    let at = crate::text::find(norm, COMCAST_CODES_LINK)? + COMCAST_CODES_LINK.len();
    let b = norm.as_bytes().get(at..)?;
    let shaped = b.len() >= 8
        && b.iter().take(2).all(u8::is_ascii_alphabetic)
        && b.iter().skip(2).take(6).all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_alphanumeric());
    shaped.then(|| Code {
        code: norm
            .get(at..at + 8)
            .unwrap_or_default()
            .to_ascii_uppercase(),
        start: at,
        end: at + 8,
    })
}

/// GMX's, WEB.DE's and 1&1's (IONOS) explanation links name their case: "554-IP address is
/// block listed. 554 For explanation visit
/// https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=..." (GMX: the link "leads
/// to a postmaster page specific to the problem" and "contains parameters that are important in
/// case of a problem analysis", https://postmaster.gmx.com/en/error-messages); WEB.DE's
/// "postmaster.web.de/en/case?c=hi", 1&1's "postmaster.1und1.de/en/case?c=r0602". The case is
/// the value of `c=` (letters and digits, as written) in a link to one of these hosts.
const CASE_LINK_HOSTS: &[&str] = &[
    "postmaster.gmx.",
    "postmaster.web.de/",
    "postmaster.1und1.de/",
];

/// The case code of a GMX, WEB.DE or 1&1 explanation link (`CASE_LINK_HOSTS`), with its range.
pub(crate) fn case_linked(norm: &str) -> Option<Code> {
    let b = norm.as_bytes();
    let host = CASE_LINK_HOSTS
        .iter()
        .find_map(|h| crate::text::find(norm, h))?;
    // The link runs to the next space; its `c=` follows a `?` or a `&`.
    let end = b[host..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(b.len(), |n| host + n);
    let link = &b[host..end];
    let at = link
        .windows(3)
        .position(|w| matches!(w, [b'?' | b'&', b'c', b'=']))?
        + host
        + 3;
    let len = b[at..end]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    (1..=8).contains(&len).then(|| Code {
        code: text(b, at, at + len),
        start: at,
        end: at + len,
    })
}

/// True when `code`, as the scan wrote it, is the rule's `family` or one of its numbered codes:
/// `OFR006_102` fits `OFR006`.
pub(crate) fn fits_family(code: &str, family: &str) -> bool {
    code == family
        || code
            .strip_prefix(family)
            .is_some_and(|number| number.starts_with('_'))
}

/// Codes that start a word: `AS(1440)`, `SC-001`, `ERS-QIL`, `OFR006_102`, `MCSpamSignature`,
/// `DT:SPM`.
fn word(b: &[u8], i: usize) -> Option<(String, usize)> {
    let ends_word = |end: usize| b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
    // Each shape is looked at only when the word starts with its first letter.
    let first = b.get(i).copied();
    let starts = |p: &[u8]| p.first().copied() == first && b.get(i..i + p.len()) == Some(p);
    if starts(b"as(") {
        let d = digits(b, i + 3);
        if (1..=10).contains(&d) && b.get(i + 3 + d) == Some(&b')') {
            return Some((format!("AS({})", text(b, i + 3, i + 3 + d)), i + 4 + d));
        }
    }
    for prefix in DASHED {
        let p = prefix.as_bytes();
        if starts(p) && digits(b, i + p.len()) == 3 && ends_word(i + p.len() + 3) {
            let end = i + p.len() + 3;
            return Some((text(b, i, end).to_ascii_uppercase(), end));
        }
    }
    for name in ERS {
        let p = name.as_bytes();
        if starts(p) && ends_word(i + p.len()) {
            return Some((name.to_ascii_uppercase(), i + p.len()));
        }
    }
    // Orange's newer `OFR_417` (the number alone): "552 5.1.1 Boite du destinataire pleine.
    // Recipient overquota. OFR_417 [417]". Orange writes its codes "OFR_XXX or OFRXXX_XXX"
    // (https://bentonow.com/smtp-errors/orange); Sisimai's issue #240 quotes OFR_417 and
    // OFR_514.
    if starts(b"ofr_") && digits(b, i + 4) == 3 && ends_word(i + 7) {
        return Some((text(b, i, i + 7).to_ascii_uppercase(), i + 7));
    }
    // Orange's `OFR006_102`: a family and, after "_", the error's number, which says what
    // happened (Sisimai's issue #240 lists `OFR004_104` and `OFR102_104` as the same "too
    // many connections" error, 104), so the code is kept whole; `OFR006` alone too. The rules
    // name a family (`OFR006`), which every code of it fits (`fits_family`).
    if starts(b"ofr") && digits(b, i + 3) == 3 {
        let end = i + 6;
        if b.get(end) == Some(&b'_') && digits(b, end + 1) == 3 && ends_word(end + 4) {
            return Some((text(b, i, end + 4).to_ascii_uppercase(), end + 4));
        }
        if b.get(end) == Some(&b'_') || ends_word(end) {
            return Some((text(b, i, end).to_ascii_uppercase(), end));
        }
    }
    for family in NETEASE {
        let p = family.as_bytes();
        let code = b.get(i + p.len()..i + p.len() + 3);
        if starts(p)
            && code.is_some_and(|c| c.iter().all(u8::is_ascii_lowercase))
            && ends_word(i + p.len() + 3)
        {
            let end = i + p.len() + 3;
            return Some((text(b, i, end).to_ascii_uppercase(), end));
        }
    }
    // GoDaddy's `IB103` (inbound) and its other IBnnn codes: "IB", three digits, a word end.
    // Source: https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685
    if starts(b"ib") && digits(b, i + 2) == 3 && ends_word(i + 5) {
        return Some((text(b, i, i + 5).to_ascii_uppercase(), i + 5));
    }
    // Microsoft's own block list by its older name: "550 5.7.1 Service unavailable; Client host
    // [192.0.2.1] blocked using FBLW15; To request removal from this list please forward this
    // message to delist@messaging.microsoft.com" (FOPE/EOP; the knowledge file's §4.2 item 1).
    if starts(b"fblw") && digits(b, i + 4) == 2 && ends_word(i + 6) {
        return Some((text(b, i, i + 6).to_ascii_uppercase(), i + 6));
    }
    // Vade's `OXSUS0001_101` (its US platform; `OXSEU` its EU one): the platform, a number, `_`
    // and the reason's three digits. Source: https://postmaster-oxsus.vadesecure.com/ (a sender's
    // copy has `OXSUS001_101`, held-out s 55: the number is read as written).
    if starts(b"oxsus") || starts(b"oxseu") {
        let d = digits(b, i + 5);
        let under = i + 5 + d;
        if (1..=6).contains(&d) && b.get(under) == Some(&b'_') && digits(b, under + 1) == 3 {
            let end = under + 4;
            if ends_word(end) {
                return Some((text(b, i, end).to_ascii_uppercase(), end));
            }
        }
    }
    let sig = b"mcspamsignature";
    if starts(sig) {
        return Some(("MCSpamSignature".to_string(), i + sig.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The case of GMX's, WEB.DE's and 1&1's explanation links is kept as written, and only
    /// from a link to one of their postmaster hosts.
    #[test]
    fn a_numbered_code_fits_its_family() {
        assert!(fits_family("OFR006_102", "OFR006"));
        assert!(fits_family("OFR006", "OFR006"));
        assert!(!fits_family("OFR0061", "OFR006"));
        assert!(!fits_family("OFR004_405", "OFR006"));
        assert!(!fits_family("OFR006", "OFR006_102"));
    }

    #[test]
    fn united_internet_case_links() {
        let code = |norm: &str| case_linked(norm).map(|c| c.code);
        let gmx = "554 for explanation visit https://postmaster.gmx.net/de/case?c=r0301&i=ip&v=192.0.2.1&r=1abc";
        assert_eq!(code(gmx).as_deref(), Some("r0301"));
        let c = case_linked(gmx).unwrap();
        assert_eq!(&gmx[c.start..c.end], "r0301");
        for (norm, want) in [
            (
                "visit https://postmaster.web.de/en/case?c=hi&i=ip&v=192.0.2.1",
                Some("hi"),
            ),
            (
                "visit https://postmaster.web.de/error-messages?ip=192.0.2.1&c=hi",
                Some("hi"),
            ),
            (
                "visit https://postmaster.1und1.de/en/case?c=r0602&i=ip&v=192.0.2.1",
                Some("r0602"),
            ),
            (
                "visit https://postmaster.gmx.com/en/error-messages?c=rdns&ip=192.0.2.1",
                Some("rdns"),
            ),
            // Another host's `c=`, a link without one, a `c=` after the link: nothing.
            ("visit https://postmaster.example.net/case?c=r0301", None),
            (
                "visit https://postmaster.gmx.net/en/error-messages see ?c=hi",
                None,
            ),
            ("visit https://postmaster.gmx.net/en/case?abc=x", None),
        ] {
            assert_eq!(code(norm).as_deref(), want, "{norm}");
        }
    }

    #[test]
    fn every_word_code_passes_the_two_letter_filter() {
        let starts = DASHED.iter().chain(ERS).chain(NETEASE).chain(&[
            "as(",
            "ofr",
            "mcspamsignature",
            "ib1",
            "fblw15",
            "oxsus0001_101",
        ]);
        for p in starts {
            let p = p.as_bytes();
            assert!(may_start_word_code(p[0], p.get(1).copied()), "{p:?}");
            assert!(MAY_START[usize::from(p[0])], "{p:?}");
        }
        assert!(MAY_START[usize::from(b'(')] && MAY_START[usize::from(b'[')]);
        // ... and `block_may_start` lets each through at a word start, in any place of a block.
        for p in DASHED.iter().chain(ERS).chain(NETEASE).chain(&[
            "as(",
            "ofr",
            "mcspamsignature",
            "ib1",
            "fblw15",
            "oxsus0001_101",
        ]) {
            for at in 1..20 {
                let text = format!("{} {p}{}", "x".repeat(at - 1), "y".repeat(20));
                let b = text.as_bytes();
                assert_eq!(block_may_start(b, 1), Some(at <= 16), "{p} at {at}");
                assert_eq!(block_may_start(&b[1..], 0), None);
            }
        }
    }

    #[test]
    fn codes_are_found_by_shape_and_normalised() {
        let cases: &[(&str, &[&str])] = &[
            ("our block list (s3150). you can", &["S3150"]),
            (
                "visit https://sender.office.com (as16012609) [x]",
                &["AS(16012609)"],
            ),
            (
                "see https://www.spamhaus.org/query/ip/x as(1440)",
                &["AS(1440)"],
            ),
            ("550 sc-001 (bay004-mc4f49) unfortunately", &["SC-001"]),
            (
                "421 rp-001 (cox) unfortunately, dy-001 ou-002 sc-0012",
                &["RP-001", "DY-001", "OU-002"],
            ),
            ("421 4.7.0 [tss04] messages from", &["TSS04"]),
            (
                "421 4.7.0 [gl01] message from (192.0.2.1) temporarily deferred - 4.16.50",
                &["GL01"],
            ),
            (
                "421 [ipts04] messages from 192.0.2.1 temporarily deferred",
                &["IPTS04"],
            ),
            ("553 5.7.1 [bl21] connections will not", &["BL21"]),
            (
                "client host [192.0.2.1] blocked using fblw15; to request removal",
                &["FBLW15"],
            ),
            // Not the list's shape: another letter, or more digits.
            ("blocked using fblx15; fblw150 fblw1", &[]),
            ("554 5.7.1 [cs01] message rejected", &["CS01"]),
            ("554 5.7.1 [hm08] message rejected", &["HM08"]),
            ("recipient address rejected: ers-qil.", &["ERS-QIL"]),
            ("found in ers-dul. for details", &["ERS-DUL"]),
            ("spamming issues. ofr006_102 ref http", &["OFR006_102"]),
            ("invalid sender. ofr004_405 [405]", &["OFR004_405"]),
            ("blocked. ofr006 ref", &["OFR006"]),
            ("refused. ofr006_10 x", &["OFR006"]),
            ("recipient overquota. ofr_417 [417]", &["OFR_417"]),
            ("size of the message reached. ofr_514 [514].", &["OFR_514"]),
            ("521 5.2.1 : (con:b1) http://postmaster", &["CON:B1"]),
            ("421 (dyn:t1) try later", &["DYN:T1"]),
            // Not AOL's shape: four letters, a space, a longer tail.
            ("(note: b1) (abcd:e1) (abc:e12)", &[]),
            (
                "security policies - mcspamsignature.abc",
                &["MCSpamSignature"],
            ),
            ("554 dt:spm 163 smtp10,dscowaa3d", &["DT:SPM"]),
            ("421 hl:ifc 126 mx3 and 550 mi:spf", &["HL:IFC", "MI:SPF"]),
            (
                "554 p3plibsmtp03-07.prod.phx3.secureserver.net cmgw ib103. connection",
                &["IB103"],
            ),
            // Not codes: wrong sizes, glued to words, bare words.
            (
                "(s12) (s123456) xsc-001 [tss0] [xy01] as() bers-qil ib10 ib1034 xib103",
                &[],
            ),
            ("dt:sp dt:spam xdt:spm mi:12a hl:", &[]),
            (
                "blocked by vade threat list (oxsus001_101) and oxseu0001_403.",
                &["OXSUS001_101", "OXSEU0001_403"],
            ),
            // Not Vade's shape: no number, no reason, a longer reason, glued to a word.
            (
                "oxsus_101 oxsus0001 oxsus0001_1012 xoxsus0001_101 oxsxx0001_101",
                &[],
            ),
        ];
        for (hay, want) in cases {
            let got: Vec<String> = scan(hay).into_iter().map(|c| c.code).collect();
            assert_eq!(got, *want, "{hay}");
            // The same after text of every length, so that each code falls at every place of
            // a block of `block_may_start`, and words around it ("of", "our", "as", "error")
            // start like codes.
            for n in 0..40 {
                let filler = "of our error as sc. mcx (x) [y] ".repeat(2);
                let long = format!("{}{hay} {}", &filler[..n], &filler[..n]);
                let got: Vec<String> = scan(&long).into_iter().map(|c| c.code).collect();
                assert_eq!(got, *want, "{long}");
            }
        }
    }
}
