//! Review h159: a visitor pasted real bounces into the page; what the advice said that did not
//! fit, each checked on the form of the reply (anonymized, documentation addresses).

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::diagnose;
use ndr_playbooks::{advise, advise_with_lookups, select, Actor, Lang, Listing, Urgency};

/// 1 (held-out u 10): Proton Bridge refuses a From address the login does not own with a 451.
/// The login-mismatch advice holds for a 4xx too, and nothing says to wait and resend.
#[test]
fn a_login_that_does_not_own_the_sender_is_no_wait_even_with_a_4xx() {
    for text in [
        "Error: Expected response code 250 but got code \"451\", with message \"451 4.0.0 backend: invalid return path: not owned by user \"\n",
        "smtplib.SMTPSenderRefused: (451, b'4.0.0 backend: invalid return path: not owned by user', 'info@example.com')\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "sender_login_mismatch"),
            "{text}"
        );
        assert_eq!(
            select(&d).playbook.id,
            "generic-sender-login-mismatch",
            "{text}"
        );
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(&d, lang);
            assert_ne!(r.urgency.id, Urgency::Wait, "{text}");
            let all = all_text(&r);
            for wait in ["greylist", "Wait a few minutes", "グレーリスト", "数分待って"] {
                assert!(!all.contains(wait), "{wait} in {all}");
            }
        }
    }
}

/// 2 (held-out v 12): Gmail refuses the login at submission ("535 5.7.8 Username and Password
/// not accepted", through smtplib). The account's owner fixes it first; the app password of a
/// Google account is named, with Google's page.
#[test]
fn a_refused_login_is_the_senders_to_fix_first() {
    for text in [
        "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020a05600c000000b00000000000sm0000000wmq.1 - gsmtp')\n",
        "Error: Invalid login: 535-5.7.8 Username and Password not accepted.\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(
            select(&d).playbook.id,
            "generic-submission-login-refused",
            "{text}"
        );
        let en = advise(&d, Lang::En);
        assert_eq!(en.who.first().map(|w| w.id), Some(Actor::Sender), "{text}");
        let all = all_text(&en);
        assert!(all.contains("app password"), "{all}");
        assert!(all.contains("2-Step Verification"), "{all}");
        assert!(en
            .steps
            .iter()
            .any(|s| s.link.as_ref().is_some_and(|l| l.url.contains("185833"))));
        let ja = all_text(&advise(&d, Lang::Ja));
        assert!(ja.contains("アプリ パスワード"), "{ja}");
        assert!(ja.contains("2 段階認証プロセス"), "{ja}");
    }
}

const SBL: Listing<'static> = Listing {
    zone: "zen.spamhaus.org",
    answer: "127.0.0.2",
};
const SPAMCOP: Listing<'static> = Listing {
    zone: "bl.spamcop.net",
    answer: "127.0.0.2",
};

const MS_BANNED: &str = "<user@example.org>: host example-org.mail.protection.outlook.com[192.0.2.87] said: 550 5.7.606 Access denied, banned sending IP [203.0.113.8]. To request removal from this list please visit https://sender.office.com/ and follow the directions. (in reply to RCPT TO command)\n";

/// 3 (held-out u 13, v 41): a provider's own block, and an SBL listing the lookups found. The
/// SBL goes first, so the time is the SBL's, not Microsoft's "within 24 hours"; and no "don't"
/// says the sender may file the removal themselves.
#[test]
fn a_lasting_listing_sets_the_time_and_the_donts_do_not_contradict_it() {
    let d = diagnose(MS_BANNED.as_bytes());
    let alone = advise(&d, Lang::En);
    for lang in [Lang::En, Lang::Ja] {
        let r = advise_with_lookups(&d, &[SBL], &[], lang);
        let sbl_only = advise_with_lookups(
            &diagnose(
                b"<user@example.org>: host mx.example.org[192.0.2.25] said: 554 5.7.1 Service unavailable; Client host [203.0.113.8] blocked using sbl.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.8 (in reply to RCPT TO command)\n",
            ),
            &[SBL],
            &[],
            lang,
        );
        assert!(r.verdict.contains("SBL"), "{}", r.verdict);
        assert_eq!(r.duration, sbl_only.duration, "{lang:?}");
        for dont in &r.donts {
            assert!(!dont.contains("yourselves"), "{dont}");
            assert!(!dont.contains("自分でできます"), "{dont}");
        }
    }
    assert_ne!(
        advise_with_lookups(&d, &[SBL], &[], Lang::En).duration,
        alone.duration
    );
}

/// 4: a listing on a list whose listings clear by themselves (SpamCop), found beside another
/// refusal, is named in the advice, once, with how it clears, in both languages.
#[test]
fn a_listing_that_clears_by_itself_is_named_when_the_advice_is_anothers() {
    let d = diagnose(MS_BANNED.as_bytes());
    for (lang, words) in [(Lang::En, "24 hours"), (Lang::Ja, "24 時間")] {
        let without = all_text(&advise_with_lookups(&d, &[SBL], &[], lang));
        assert!(!without.contains("SpamCop"), "{without}");
        let r = advise_with_lookups(&d, &[SBL, SPAMCOP], &[], lang);
        let lines: Vec<_> = r
            .steps
            .iter()
            .filter(|s| s.text.contains("SpamCop"))
            .collect();
        assert_eq!(lines.len(), 1, "{lang:?}");
        assert!(lines[0].text.contains(words), "{}", lines[0].text);
    }
    // A refusal that names SpamCop gets SpamCop's own advice, not the extra line.
    let named = diagnose(b"<user@example.org>: host mx.example.org[192.0.2.25] said: 554 5.7.1 Service unavailable; Client host [203.0.113.8] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.8 (in reply to RCPT TO command)\n");
    let r = advise_with_lookups(&named, &[SPAMCOP], &[], Lang::En);
    assert!(!r.steps.iter().any(|s| s
        .text
        .starts_with("The blocklist check also finds the address on SpamCop")));
}

/// 5 (held-out u 12): a greylisting delay clears in minutes; the advice says so, and "no notice
/// means delivered" is said as likely, not as certain.
#[test]
fn a_greylisting_delay_is_minutes() {
    let text = "Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; user@example.org\nAction: delayed\nStatus: 4.7.1\nDiagnostic-Code: smtp; 450 4.7.1 <user@example.org>: Recipient address rejected: Greylisted for 5 minutes\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-delayed-greylisted");
    let en = advise(&d, Lang::En);
    assert!(en.duration.contains("minutes"), "{}", en.duration);
    assert!(!en.duration.contains("days"), "{}", en.duration);
    assert!(en.verdict.contains("greylisting"), "{}", en.verdict);
    let ja = advise(&d, Lang::Ja);
    assert!(ja.duration.contains("数分"), "{}", ja.duration);
    assert!(ja.verdict.contains("グレーリスト"), "{}", ja.verdict);
    for r in [&en, &ja] {
        let all = all_text(r);
        assert!(
            !all.contains("If none comes, the message got through"),
            "{all}"
        );
        assert!(!all.contains("届いたということです"), "{all}");
    }
}

/// 6 (held-out u 47, u 15): two Japanese sentences reworded to read naturally.
#[test]
fn two_japanese_verdicts_read_naturally() {
    let log = "Jan 15 09:00:00 mx postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<example.net>\n";
    let d = diagnose(log.as_bytes());
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.verdict.contains("断られたのは相手のアドレスで"),
        "{}",
        ja.verdict
    );
    let gmail = "<user@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said: 550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. (in reply to end of DATA command)\n";
    let d = diagnose(gmail.as_bytes());
    assert_eq!(select(&d).playbook.id, "gmail-unauthenticated");
    let ja = advise(&d, Lang::Ja);
    assert!(!ja.verdict.contains("合格しなかったか、"), "{}", ja.verdict);
    assert!(ja.verdict.starts_with("Gmail は"), "{}", ja.verdict);
}
