//! Advice findings of the tenth page review (H2, H3, M2) that main still showed. The texts are
//! written for these tests, in the shapes the pasted errors had, with documentation addresses.

mod common;

use common::all_text_with_letter as all_text;
use ndr_playbooks::{advise, advise_with_lookups, select, Actor, Lang, Listing, Urgency};

fn diagnose(text: &str) -> ndr_core::Diagnosis {
    ndr_core::diagnose(text.as_bytes())
}

/// H2: smtp.gmail.com's "Daily user sending quota exceeded" is the sender's own account limit,
/// not Gmail's inbound rate limit nor a deferral.
#[test]
fn gmail_daily_sending_quota_is_the_accounts_own_limit() {
    for line in [
        "2024-01-15 09:00:00 SERVER -> CLIENT: 550 5.4.5 Daily user sending quota exceeded. x1sm1.120 - gsmtp",
        "550 5.4.5 Daily sending quota exceeded.",
    ] {
        let d = diagnose(line);
        assert_eq!(select(&d).playbook.id, "gmail-sending-limit", "{line}");
        let en = advise(&d, Lang::En);
        assert_eq!(en.who[0].id, Actor::Sender);
        assert!(!all_text(&en).contains("PTR"), "{line}");
    }
}

/// H3: Gmail's "content presents a potential security issue", quoted by Thunderbird with the
/// code on every line: the blocked-content advice, a title without a code the paste lacks, and
/// the whole error in what to have at hand.
#[test]
fn gmail_security_issue_wrapped_with_its_code_is_blocked_content() {
    let dialog = "5.7.0 This message was blocked because its content presents a potential\n\
        5.7.0 security issue. Please visit\n\
        5.7.0  https://support.google.com/mail/answer/6590 to review our message\n\
        5.7.0 content and attachment content guidelines. x1sm1.42 - gsmtp.\n";
    let d = diagnose(dialog);
    assert_eq!(select(&d).playbook.id, "gmail-blocked-content");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert!(!r.title.contains("5.7.1"), "{}", r.title);
        let full = r.prepare.iter().filter_map(|p| p.value.as_deref());
        let full: Vec<&str> = full.collect();
        assert!(
            full.iter()
                .any(|v| v.ends_with("content guidelines. x1sm1.42 - gsmtp.")),
            "{full:?}"
        );
    }
}

/// A title's closing aside of a reply code and a status ("(550 5.7.1)") that the bounce does not
/// carry is left out; one the bounce carries stays.
#[test]
fn a_title_does_not_claim_a_reply_code_and_status_the_bounce_lacks() {
    let other = diagnose("550 5.7.0 Your message looked like unsolicited mail to Gmail. - gsmtp");
    let same = diagnose("550 5.7.1 Your message looked like unsolicited mail to Gmail. - gsmtp");
    for (d, kept) in [(other, false), (same, true)] {
        let r = advise(&d, Lang::En);
        if r.id == "gmail-unsolicited" {
            assert_eq!(r.title.contains("(550 5.7.1)"), kept, "{}", r.title);
        }
    }
}

const BARRACUDA: Listing<'static> = Listing {
    zone: "b.barracudacentral.org",
    answer: "127.0.0.2",
};

/// M2: a Yahoo deferral says to wait, but a lookup that finds a listing which does not expire
/// makes someone act: the who and the urgency follow the listing, in both languages.
#[test]
fn a_lasting_listing_found_by_the_lookups_ends_the_wait() {
    let line = "Jan 15 09:00:00 mx postfix/smtp[123]: 0A1B2C3D4E: to=<ken@example.org>, \
        relay=mta7.am0.yahoodns.net[192.0.2.139]:25, delay=106485, dsn=4.7.0, status=deferred \
        (host mta7.am0.yahoodns.net[192.0.2.139] said: 421 4.7.0 [TSS04] Messages from \
        203.0.113.4 temporarily deferred due to user complaints - 4.16.55.1; see \
        https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))\n";
    let d = diagnose(line);
    let alone = advise_with_lookups(&d, &[], &["b.barracudacentral.org"], Lang::En);
    assert_eq!(alone.urgency.id, Urgency::Wait, "{}", alone.id);
    for lang in [Lang::En, Lang::Ja] {
        let r = advise_with_lookups(&d, &[BARRACUDA], &[], lang);
        assert_ne!(r.urgency.id, Urgency::Wait);
        assert!(r.who.iter().all(|w| w.id != Actor::Nobody), "{:?}", r.who);
        assert!(all_text(&r).contains("Barracuda"));
    }
}
