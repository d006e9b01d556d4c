//! Task h210: what the sixth visitor review (h206) found in the advice. A reviewer pasted 21
//! bounces into the page with a fake DoH server; each test is one finding, on the form of the
//! pasted notice (example domains, documentation addresses).

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::diagnose;
use ndr_playbooks::{advise, advise_with_lookups, code_index, lookup_code, Lang, Listing};

/// A Yahoo! JAPAN mail notice about a mistyped au address (paste 21): the sender's address is
/// at a webmail domain, so the recipient cannot be asked to allow the whole domain.
const YAHOO_JP_TO_AU: &str = "Sorry, we were unable to deliver your message to the following address.

<mama.example@au.com>:
Remote host said: 550 <mama.example@au.com>: User unknown [RCPT_TO]

--- Below this line is a copy of the message.

Received: from [192.0.2.61] by mta521.mail.kks.yahoo.co.jp with HTTP; Mon, 18 May 2026 19:44:02 +0900 (JST)
Date: Mon, 18 May 2026 19:44:02 +0900 (JST)
From: taro.example@yahoo.co.jp
Subject: test
To: mama.example@au.com
";

/// The same refusal in a Postfix notice that shows no sender at all (paste 09).
const POSTFIX_TO_AU: &str = "This is the mail system at host mail.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<customer.example@au.com>: host lsean.ezweb.ne.jp[203.0.113.197] said: 550
    <customer.example@au.com>: User unknown (in reply to RCPT TO command)
";

/// A Microsoft 365 customer block list refusal relayed by a hosting company's Postfix, with no
/// sender shown (paste 13).
const CUSTOMER_BLOCK: &str = "<soumu@example.co.jp>: host
    example-co-jp.mail.protection.outlook.com[203.0.113.100] said: 550
    5.7.513 Service unavailable, Client host [198.51.100.34] blocked by
    example.co.jp using Customer Block list (AS16012607). To request
    removal from this list, forward this message to delist@microsoft.com. For
    more information please go to https://go.microsoft.com/fwlink/?LinkID=526655
    [TYZAPC01FT041.eop-APC01.prod.protection.outlook.com 2026-05-19T00:14:52.903Z
    08DE9B0C1D2E3F40] (in reply to RCPT TO command)
";

/// M2 (pastes 09, 13, 21): the letter that asks the recipient to allow the sender names the
/// sender's address when the bounce shows it, even at a webmail domain, and a fill-in the
/// sender completes when it does not; never "the address the returned mail came from", which
/// the recipient never saw.
#[test]
fn the_allow_list_letter_names_the_senders_address_or_a_fill_in() {
    let cases = [
        (YAHOO_JP_TO_AU, Some("taro.example@yahoo.co.jp")),
        (POSTFIX_TO_AU, None),
        (CUSTOMER_BLOCK, None),
    ];
    for (paste, address) in cases {
        let d = diagnose(paste.as_bytes());
        assert_eq!(d.sender_address.as_deref(), address, "{paste}");
        for lang in [Lang::Ja, Lang::En] {
            let r = advise(&d, lang);
            let letter = r.message.as_ref().expect("a letter").body.clone();
            for vague in [
                "返ってきたメールの差出人のアドレス",
                "the one the returned mail was sent from",
            ] {
                assert!(!letter.contains(vague), "{lang:?}: {letter}");
            }
            let expected = match (address, lang) {
                (Some(a), Lang::Ja) => format!("「{a}」"),
                (Some(a), Lang::En) => a.to_owned(),
                (None, Lang::Ja) => "［あなたのメールアドレス］".to_owned(),
                (None, Lang::En) => "[your email address]".to_owned(),
            };
            assert!(letter.contains(&expected), "{lang:?}: {letter}");
            // A webmail domain is never offered as a whole.
            assert!(!letter.contains("「@yahoo.co.jp」"), "{letter}");
            assert!(!letter.contains("\"@yahoo.co.jp\""), "{letter}");
        }
    }
}

/// An Exchange Online notice (paste 01): Microsoft 365 writes the returned message's `Date:` in
/// UTC. The ready letters are sent by the user to the recipient; the Microsoft 365 letter is
/// the user's own administrator's.
const M365_TO_GMAIL: &str = "Delivery has failed to these recipients or groups:

keiri@example.net
A problem occurred while delivering this message to this email address.

Diagnostic information for administrators:

Generating server: TYWPR01MB10234.jpnprd01.prod.outlook.com

keiri@example.net
mx.google.com
Remote Server returned '550-5.7.26 Your email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [example.co.jp] with ip: [203.0.113.44] = did not pass For instructions on setting up authentication, go to https://support.google.com/mail/answer/81126#authentication d2e1a72fcca58-7a1b2c3d4e5si123456b3a.210 - gsmtp'

Original message headers:

Received: from TYWPR01MB10234.jpnprd01.prod.outlook.com
 ([fe80::1a2b:3c4d:5e6f:7a8b]) by TYWPR01MB10234.jpnprd01.prod.outlook.com
 ([fe80::1a2b:3c4d:5e6f:7a8b%6]) with mapi id 15.20.9115.018; Tue, 19 May 2026
 09:12:41 +0000
From: Sato <sato@example.co.jp>
To: <keiri@example.net>
Subject: invoice
Date: Tue, 19 May 2026 09:12:40 +0000
Message-ID: <TYWPR01MB10234A1B2C3D4E5F6@TYWPR01MB10234.jpnprd01.prod.outlook.com>
MIME-Version: 1.0
";

/// L5 (paste 01): a Japanese letter gives the sent time in Japan's time, marked 日本時間, not
/// "09:12:40 UTC+00:00"; the date as the bounce wrote it stays beside it, and the English
/// letter keeps it as written.
#[test]
fn a_japanese_letter_gives_the_sent_time_in_japan() {
    let d = diagnose(M365_TO_GMAIL.as_bytes());
    assert_eq!(
        d.sent_at.as_deref(),
        Some("Tue, 19 May 2026 09:12:40 +0000")
    );
    let ja = all_text(&advise(&d, Lang::Ja));
    assert!(
        ja.contains("Tue, 19 May 2026 09:12:40 +0000（2026年5月19日 火曜日 18:12:40 日本時間）"),
        "{ja}"
    );
    assert!(!ja.contains("UTC+00:00"), "{ja}");
    let en = all_text(&advise(&d, Lang::En));
    assert!(en.contains("Tue, 19 May 2026 09:12:40 +0000"), "{en}");
    assert!(!en.contains("日本時間"), "{en}");
}

/// L6 (`#/code/S3150`, `#/code/AS16012607`): a code page has no notice, so nothing on it says
/// what "this notice" or "the bounce" does not show; the sending IP reads as one the reader's
/// own bounce may show, and whom to ask otherwise. A real bounce keeps its words.
#[test]
fn a_code_page_says_nothing_about_a_notice_it_does_not_have() {
    let said = |r: &ndr_playbooks::Rendered| {
        let mut all = all_text(r);
        for p in &r.prepare {
            all.push('\n');
            all.push_str(p.hint.as_deref().unwrap_or_default());
        }
        all
    };
    let mut checked = 0;
    for entry in code_index() {
        for lang in [Lang::Ja, Lang::En] {
            let all = said(&entry.explain(lang));
            for words in [
                "この通知には",
                "この通知からは",
                "the bounce does not",
                "The bounce does not",
            ] {
                assert!(
                    !all.contains(words),
                    "{} {lang:?}: {words} in {all}",
                    entry.code
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    for (code, lang, words) in [
        (
            "S3150",
            Lang::Ja,
            "返ってきたメールのエラー文に書かれていることがあります",
        ),
        (
            "AS16012607",
            Lang::Ja,
            "返ってきたメールのエラー文に書かれていることがあります",
        ),
        ("5.7.513", Lang::En, "your bounce's error may show"),
    ] {
        let entry = lookup_code(code)[0];
        let all = said(&entry.explain(lang));
        assert!(all.contains(words), "{code}: {all}");
    }
    // A bounce that does not show the address still says so.
    let d = diagnose(b"550 5.7.1 Unfortunately, messages from your address weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).\n");
    assert!(d.blocked_ip.is_none());
    let all = said(&advise(&d, Lang::Ja));
    assert!(all.contains("この通知には書かれていません"), "{all}");
}

/// L4 (paste 01): the DMARC step speaks of a parent domain only for a subdomain. A main domain
/// (`example.co.jp`) is told its record covers its subdomains; a subdomain is told its own
/// parent by name; a domain whose main domain cannot be told keeps the general words.
#[test]
fn the_dmarc_step_names_a_parent_only_for_a_subdomain() {
    let dmarc_step = |paste: &str, lang| {
        let r = advise(&diagnose(paste.as_bytes()), lang);
        r.steps
            .iter()
            .find(|s| s.text.starts_with("DMARC（") || s.text.starts_with("If there is no DMARC"))
            .map(|s| s.text.clone())
            .expect("a DMARC step")
    };
    let ja = dmarc_step(M365_TO_GMAIL, Lang::Ja);
    assert!(!ja.contains("親のドメイン"), "{ja}");
    assert!(!ja.contains("example.com"), "{ja}");
    assert!(
        ja.contains("_dmarc.」のあとにあなたのドメイン名（example.co.jp）"),
        "{ja}"
    );
    let en = dmarc_step(M365_TO_GMAIL, Lang::En);
    assert!(!en.contains("main domain"), "{en}");
    assert!(!en.contains("example.com"), "{en}");
    assert!(
        en.contains("covers the subdomains of example.co.jp"),
        "{en}"
    );
    let sub = M365_TO_GMAIL
        .replace("SPF [example.co.jp]", "SPF [news.example.co.jp]")
        .replace("sato@example.co.jp", "sato@news.example.co.jp");
    let ja = dmarc_step(&sub, Lang::Ja);
    assert!(
        ja.contains("news.example.co.jp は example.co.jp のサブドメインです"),
        "{ja}"
    );
    assert!(ja.contains("_dmarc.example.co.jp"), "{ja}");
    let en = dmarc_step(&sub, Lang::En);
    assert!(
        en.contains("news.example.co.jp is a subdomain of example.co.jp"),
        "{en}"
    );
    // `news.example.jp` may be a subdomain or a prefecture's name (`example.tokyo.jp`).
    let undecided = M365_TO_GMAIL
        .replace("SPF [example.co.jp]", "SPF [news.example.jp]")
        .replace("sato@example.co.jp", "sato@news.example.jp");
    let ja = dmarc_step(&undecided, Lang::Ja);
    assert!(ja.contains("親のドメイン（example.com）"), "{ja}");
}

/// A hosting company's Postfix notice about Outlook.com's 5.7.515 (paste 14): the notice names
/// the server that sent the mail and the one that refused it.
const POSTFIX_TO_OUTLOOK_515: &str = "This is the mail system at host mail.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<reader@example.net>: host
    outlook-com.olc.protection.outlook.com[203.0.113.33] said: 550 5.7.515
    Access denied, sending domain [EXAMPLE.COM] does not meet the
    required authentication level. The sender's domain in the 5322.From address
    doesn't meet the authentication requirements defined for the sender.
    (Spf=None, Dkim=None, DMARC=None) To learn more, go to
    https://go.microsoft.com/fwlink/p/?linkid=2319303 (in reply to end of DATA command)
";

/// The same refusal pasted alone: nothing says which server sent the mail.
const BARE_515: &str = "550 5.7.515 Access denied, sending domain [EXAMPLE.COM] does not meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.\n";

/// L7 (pastes 01, 06, 14): a mail service's example (its SPF value, its DKIM step, its guide)
/// is shown only when the bounce does not already say which server sent the mail: Microsoft
/// 365's own notice gets Microsoft 365's alone, a hosting company's notice neither, a reply
/// pasted alone both.
#[test]
fn a_platforms_example_is_shown_only_when_the_sender_may_use_it() {
    let shown = |paste: &str, lang| {
        let d = diagnose(paste.as_bytes());
        let r = advise(&d, lang);
        let mut all = all_text(&r);
        for s in &r.steps {
            if let Some(l) = &s.link {
                all.push_str(&format!("\n{} {}", l.label, l.url));
            }
            if let Some(c) = &s.copy {
                all.push_str(&format!("\n{} {}", c.label, c.value));
            }
        }
        (d, all)
    };
    for lang in [Lang::Ja, Lang::En] {
        let (d, all) = shown(M365_TO_GMAIL, lang);
        assert!(d.notes.iter().any(|n| n.id == "sender_on_microsoft365"));
        assert!(all.contains("include:spf.protection.outlook.com"), "{all}");
        for google in [
            "Google Workspace",
            "_spf.google.com",
            "support.google.com/a/answer/174124",
        ] {
            assert!(!all.contains(google), "{lang:?} {google}: {all}");
        }
        let (d, all) = shown(POSTFIX_TO_OUTLOOK_515, lang);
        assert!(d.remote_host.is_some() && d.notes.is_empty(), "{d:?}");
        for service in [
            "Microsoft 365",
            "Google Workspace",
            "include:spf.protection.outlook.com",
            "_spf.google.com",
        ] {
            assert!(!all.contains(service), "{lang:?} {service}: {all}");
        }
        // The rule for whatever service sends the mail stays.
        assert!(all.contains("v=spf1"), "{all}");
        let (_, all) = shown(BARE_515, lang);
        for service in ["include:spf.protection.outlook.com", "_spf.google.com"] {
            assert!(all.contains(service), "{lang:?} {service}: {all}");
        }
    }
}

/// Yahoo's TSS09 refusal of mail from the sender's own Exchange server (paste 19).
const EXCHANGE_TO_YAHOO_TSS09: &str = "Delivery has failed to these recipients or groups:

fan@example.net
A problem occurred while delivering this message to this email address.

The following organization rejected your message: mta6.am0.yahoodns.net.

Diagnostic information for administrators:

Generating server: mail.example.com

fan@example.net
mta6.am0.yahoodns.net #553 5.7.2 [TSS09] All messages from 198.51.100.35 will be permanently deferred; Retrying will NOT succeed. See https://senders.yahooinc.com/error-codes ##

Original message headers:

Received: from mail.example.com (198.51.100.35) by
 mail.example.com (192.0.2.40) with Microsoft SMTP Server
 id 15.2.1544.4; Wed, 20 May 2026 10:02:11 -0400
From: Orders <orders@example.com>
To: <fan@example.net>
Subject: Your order has shipped
Date: Wed, 20 May 2026 10:02:10 -0400
";

/// The diagnosis of `paste` with its sending address taken as a public one, as the page's
/// lookups ask about (the fixtures use documentation addresses, which the page never looks up).
fn looked_up(paste: &str) -> ndr_core::Diagnosis {
    let mut d = diagnose(paste.as_bytes());
    assert!(d.blocked_ip.is_some(), "{paste}");
    d.blocked_ip_scope = Some(ndr_core::IpScope::Public);
    d
}

const PBL: Listing<'static> = Listing {
    zone: "zen.spamhaus.org",
    answer: "127.0.0.11",
};

/// M4 (paste 19): beside Yahoo's own block, a PBL listing keeps both of the PBL's ways out:
/// a mail program sends through the provider's server, and a real mail server on a fixed
/// address with its reverse DNS set (an Exchange server) requests PBL removal (fact sheet
/// §2.1). Nothing says "that solves it" or "right away" while Yahoo's block stays, and no step
/// points at a letter about outgoing-server settings the page does not show.
#[test]
fn a_pbl_listing_beside_a_providers_block_keeps_the_mail_server_branch() {
    let d = looked_up(EXCHANGE_TO_YAHOO_TSS09);
    assert_eq!(advise(&d, Lang::En).id, "yahoo-blocked");
    for lang in [Lang::En, Lang::Ja] {
        let alone = advise(&d, lang);
        let r = advise_with_lookups(&d, &[PBL], &[], lang);
        let steps: Vec<&str> = r.steps.iter().map(|s| s.text.as_str()).collect();
        let (server, program, solves, ask) = match lang {
            Lang::En => (
                "request PBL removal",
                "set its outgoing server (SMTP)",
                "That solves it",
                "with the message below",
            ),
            Lang::Ja => (
                "PBL の解除を申請してください",
                "送信サーバー（SMTP）を",
                "これで解決します",
                "下の文面でプロバイダー",
            ),
        };
        let at = |words: &str| steps.iter().position(|s| s.contains(words));
        let server_at = at(server).unwrap_or_else(|| panic!("{lang:?}: {steps:#?}"));
        assert!(at(program).is_some(), "{lang:?}: {steps:#?}");
        assert!(at(solves).is_none(), "{lang:?}: {steps:#?}");
        assert!(at(ask).is_none(), "{lang:?}: {steps:#?}");
        // The server's removal is on Spamhaus's own checker.
        let link = r.steps[server_at].link.as_ref().expect("the checker");
        assert!(
            link.url.starts_with("https://check.spamhaus.org/"),
            "{}",
            link.url
        );
        // Yahoo's own way out stays, and so does its time.
        assert!(
            r.steps.iter().any(|s| s
                .link
                .as_ref()
                .is_some_and(|l| l.url.contains("senders.yahooinc.com"))),
            "{steps:#?}"
        );
        assert_eq!(r.duration, alone.duration, "{lang:?}");
        // The letter to the hosting company names the PBL's two cases too.
        let letter = &r.message.as_ref().expect("a letter").body;
        let (fixed, which) = match lang {
            Lang::En => ("mail server's fixed address", "which outgoing server"),
            Lang::Ja => ("メールサーバーの固定アドレス", "どの送信サーバー"),
        };
        assert!(letter.contains(fixed) && letter.contains(which), "{letter}");
    }
}

/// The same PBL branch when the PBL is named beside another list's advice (Barracuda's): not
/// "request its removal" for every address.
#[test]
fn a_pbl_listing_beside_another_list_keeps_the_mail_server_branch() {
    let d = looked_up("<user@example.org>: host mx.example.org[192.0.2.25] said: 554 Service unavailable; Client host [198.51.100.35] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=198.51.100.35 (in reply to RCPT TO command)\n");
    let barracuda = Listing {
        zone: "b.barracudacentral.org",
        answer: "127.0.0.2",
    };
    for (lang, server, removal_from) in [
        (
            Lang::En,
            "request PBL removal",
            "request its removal from Spamhaus",
        ),
        (
            Lang::Ja,
            "PBL の解除を申請してください",
            "Spamhaus にも解除を申請",
        ),
    ] {
        let r = advise_with_lookups(&d, &[barracuda, PBL], &[], lang);
        assert_eq!(r.id, "barracuda-listed");
        let pbl: Vec<&str> = r
            .steps
            .iter()
            .map(|s| s.text.as_str())
            .filter(|s| s.contains("PBL"))
            .collect();
        assert_eq!(pbl.len(), 1, "{pbl:#?}");
        assert!(pbl[0].contains(server), "{}", pbl[0]);
        let all = all_text(&r);
        assert!(!all.contains(removal_from), "{all}");
    }
}

/// Outlook.com's S3150 range block of a shared server's address, in the hosting company's
/// Postfix notice (paste 02).
const POSTFIX_S3150: &str = "This is the mail system at host www1234.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<reader@example.net>: host
    hotmail-com.olc.protection.outlook.com[203.0.113.9] said: 550 5.7.1
    Unfortunately, messages from [198.51.100.34] weren't sent. Please contact
    your Internet service provider since part of their network is on our block
    list (S3150). You can also refer your provider to
    http://mail.live.com/mail/troubleshooting.aspx#errors.
    [OS0P286CA0012.JPNP286.PROD.OUTLOOK.COM 2026-05-18T05:03:11.422Z
    08DE91A2B3C4D5E6] (in reply to MAIL FROM command)
";

/// Gmail's refusal for the sending domain's low reputation, from a shared server (paste 11).
const POSTFIX_GMAIL_REPUTATION: &str = "This is the mail system at host sv1234.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<member@example.net>: host gmail-smtp-in.l.google.com[203.0.113.27]
    said: 550-5.7.1 [198.51.100.34      12] Gmail has detected that this
    message is 550-5.7.1 likely suspicious due to the very low reputation of
    the sending 550-5.7.1 domain. To best protect our users from spam, the
    message has been 550-5.7.1 blocked. For more information, go to 550 5.7.1
    https://support.google.com/mail/answer/188131
    d9443c01a7336-2a1b2c3d4e5si6789012ad.305 - gsmtp (in reply to end of DATA
    command)
";

const UCE2: Listing<'static> = Listing {
    zone: "dnsbl-2.uceprotect.net",
    answer: "127.0.0.2",
};
const SPAMCOP: Listing<'static> = Listing {
    zone: "bl.spamcop.net",
    answer: "127.0.0.2",
};

/// M1 (pastes 02, 11, 13): a UCEPROTECT level 2 listing the lookups find beside a provider's
/// own block gets a step of its own, after the provider's own steps: a listing of the range,
/// which only its owner's conduct lifts. A letter to the hosting company names it too.
#[test]
fn a_range_listing_gets_its_own_step_after_the_providers_block() {
    for (paste, letter_to_host) in [
        (POSTFIX_S3150, Some(true)),
        (POSTFIX_GMAIL_REPUTATION, None),
        (CUSTOMER_BLOCK, Some(false)),
    ] {
        let d = looked_up(paste);
        for (lang, name, words) in [
            (Lang::En, "UCEPROTECT level 2", "range's owner"),
            (Lang::Ja, "UCEPROTECT のレベル 2", "範囲の持ち主"),
        ] {
            let alone = advise(&d, lang);
            assert!(!all_text(&alone).contains("UCEPROTECT"), "{paste}");
            let r = advise_with_lookups(&d, &[SPAMCOP, UCE2], &[], lang);
            let at: Vec<usize> = (r.steps.iter().enumerate())
                .filter(|(_, s)| s.text.contains(name))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(at.len(), 1, "{lang:?} {paste}: {:#?}", r.steps);
            let step = &r.steps[at[0]];
            assert!(step.text.contains(words), "{}", step.text);
            let link = step.link.as_ref().expect("UCEPROTECT's own page");
            assert!(
                link.url.starts_with("https://www.uceprotect.net/"),
                "{}",
                link.url
            );
            // The provider's own block first: every step of the advice without the lookups
            // comes before it.
            for own in &alone.steps {
                let i = r.steps.iter().position(|s| s.text == own.text);
                assert!(i.is_some_and(|i| i < at[0]), "{lang:?}: {}", own.text);
            }
            // A letter to the hosting company names the range listing; one to the receiver
            // (the customer block list) does not, and Gmail's advice has no letter.
            match (&r.message, letter_to_host) {
                (Some(m), Some(true)) => {
                    assert_eq!(m.to.id, ndr_playbooks::To::HostingProvider);
                    assert!(m.body.contains(name), "{}", m.body);
                }
                (Some(m), Some(false)) => {
                    assert_ne!(m.to.id, ndr_playbooks::To::HostingProvider);
                    assert!(!m.body.contains("UCEPROTECT"), "{}", m.body);
                }
                (None, None) => {}
                (m, _) => panic!("{paste}: {m:?}"),
            }
        }
    }
}

const DRONEBL: Listing<'static> = Listing {
    zone: "dnsbl.dronebl.org",
    answer: "127.0.0.6",
};
const S5H: Listing<'static> = Listing {
    zone: "all.s5h.net",
    answer: "127.0.0.2",
};
const ZEROSPAM: Listing<'static> = Listing {
    zone: "bl.0spam.org",
    answer: "127.0.0.2",
};

/// M1 (paste 19, the second fake listing): DroneBL, s5h and 0spam beside Yahoo's block each get
/// one step with their own way out: DroneBL's lookup page once the machine is clean, s5h's
/// removal requested from the listed server itself, 0spam's account; each after Yahoo's steps.
#[test]
fn lists_without_a_party_get_a_step_each_with_their_own_removal() {
    let d = looked_up(EXCHANGE_TO_YAHOO_TSS09);
    for lang in [Lang::En, Lang::Ja] {
        let alone = advise(&d, lang);
        let r = advise_with_lookups(&d, &[S5H, DRONEBL, ZEROSPAM], &[], lang);
        let last_own = alone.steps.len();
        assert_eq!(r.steps.len(), last_own + 3, "{lang:?}: {:#?}", r.steps);
        for (name, route, url) in [
            ("DroneBL", "DroneBL", Some("https://dronebl.org/")),
            ("s5h", "usenix.org.uk/content/rblremove", None),
            ("0spam", "0spam", Some("https://0spam.org/")),
        ] {
            let steps: Vec<_> = r.steps.iter().filter(|s| s.text.contains(name)).collect();
            assert_eq!(steps.len(), 1, "{lang:?} {name}: {:#?}", r.steps);
            assert!(steps[0].number > last_own, "{lang:?} {name}");
            assert!(steps[0].text.contains(route), "{}", steps[0].text);
            assert_eq!(
                steps[0]
                    .link
                    .as_ref()
                    .map(|l| l.url.as_str())
                    .map(|u| u.starts_with(url.unwrap_or("-"))),
                url.map(|_| true),
                "{lang:?} {name}"
            );
        }
    }
}

/// A lasting listing on one of those lists beside advice that says to wait (Yahoo's TSS04
/// deferral): the header no longer says "wait" above a step that says waiting will not help.
#[test]
fn a_lasting_listing_on_such_a_list_is_no_wait() {
    let d = looked_up("<fan@example.net>: host mta6.am0.yahoodns.net[203.0.113.5] said: 421 4.7.0 [TSS04] Messages from 198.51.100.35 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)\n");
    let alone = advise(&d, Lang::En);
    assert_eq!(
        alone.urgency.id,
        ndr_playbooks::Urgency::Wait,
        "{}",
        alone.id
    );
    let r = advise_with_lookups(&d, &[DRONEBL], &[], Lang::En);
    assert_ne!(r.urgency.id, ndr_playbooks::Urgency::Wait);
    assert!(r
        .who
        .iter()
        .any(|w| w.id == ndr_playbooks::Actor::SenderProvider));
}

/// No listed row goes unmentioned: every list of addresses the lookups ask (ndr-dnsbl's
/// catalogue), found listing the address beside Yahoo's block, changes the advice and is named
/// in it.
#[test]
fn every_list_of_addresses_the_lookups_ask_is_named_when_listed() {
    use ndr_dnsbl::KeyKind;
    let d = looked_up(EXCHANGE_TO_YAHOO_TSS09);
    let mut checked = 0;
    for list in ndr_dnsbl::LISTS {
        let of_addresses = matches!(list.key, KeyKind::Ip | KeyKind::Ipv4 | KeyKind::Ipv6);
        if !of_addresses || !list.is_queried() {
            continue;
        }
        let answer = list
            .codes
            .first()
            .map(|c| format!("{}.{}.{}.{}", c.addr[0], c.addr[1], c.addr[2], c.addr[3]))
            .unwrap_or_else(|| "127.0.0.2".to_owned());
        let listing = Listing {
            zone: list.zone,
            answer: &answer,
        };
        let name = list.name.split_whitespace().next().unwrap_or(list.name);
        for lang in [Lang::En, Lang::Ja] {
            let alone = all_text(&advise(&d, lang));
            let with = all_text(&advise_with_lookups(&d, &[listing], &[], lang));
            assert_ne!(with, alone, "{} {lang:?}", list.zone);
            assert!(
                with.contains(name),
                "{} {lang:?}: {name} in {with}",
                list.zone
            );
        }
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}
