//! Task h215: an address a refusal names without blocking it is the core's `sending_ip`, not its
//! `blocked_ip`; the advice that needs the sending address (an SPF record to fix, Gmail's spam
//! refusal) still names it, and nothing calls it blocked.

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::{diagnose, Diagnosis, IpScope};
use ndr_playbooks::{advise, ip_is_blocked, named_ip, shows_a_blocked_ip, Lang};

/// A public address, as a real bounce has: a documentation one is never named as the sender's.
const IP: &str = "203.0.113.52";

/// The core's reading of `text`, its sending address taken as a public one.
fn public(text: &str) -> Diagnosis {
    let mut d = diagnose(text.as_bytes());
    assert_eq!(d.blocked_ip, None, "{text}: {d:?}");
    assert_eq!(d.sending_ip.as_deref(), Some(IP), "{text}: {d:?}");
    d.sending_ip_scope = Some(IpScope::Public);
    d
}

/// Gmail's 5.7.27 (SPF did not pass) with its SPF result naming the client: Gmail's SPF advice
/// (`gmail-spf`) says that the SPF record did not allow that address.
fn gmail_spf() -> String {
    format!(
        "<ann@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:\n    \
         550-5.7.27 Your email has been blocked because the sender is unauthenticated.\n    \
         550-5.7.27 Gmail requires all senders to authenticate with either SPF or DKIM.\n    \
         550-5.7.27  550-5.7.27  Authentication results: 550-5.7.27  DKIM = pass\n    \
         550-5.7.27  SPF [example.com] with ip: [{IP}] = did not pass\n    \
         550-5.7.27  550-5.7.27  For instructions on setting up authentication, go to\n    \
         550 5.7.27  https://support.google.com/mail/answer/81126#authentication\n    \
         z3si88 - gsmtp (in reply to end of DATA command)\n"
    )
}

/// Gmail's refusal of a message it takes for spam, its bracket naming the client.
fn gmail_spam() -> String {
    format!(
        "<pat@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:\n    \
         550-5.7.1 [{IP}      12] Our system has detected that this message is\n    \
         550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n    \
         550-5.7.1 this message has been blocked. Please visit\n    \
         550 5.7.1  https://support.google.com/mail/answer/188131 for more information.\n    \
         q5si2166wmb.87 - gsmtp (in reply to end of DATA command)\n"
    )
}

/// The verdict names the address (the letter's quoted error shows it in any case, so the test
/// reads the verdict, which fills it from the diagnosis).
#[test]
fn the_spf_advice_names_the_sending_address() {
    let d = public(&gmail_spf());
    assert!(!ip_is_blocked(&d) && !shows_a_blocked_ip(&d));
    assert_eq!(named_ip(&d), Some((IP, Some(IpScope::Public))));
    for lang in Lang::ALL.iter().copied() {
        let r = advise(&d, lang);
        assert_eq!(r.id, "gmail-spf");
        assert!(r.verdict.contains(IP), "{lang:?}: {}", r.verdict);
        assert!(r.verdict.contains("SPF"), "{lang:?}: {}", r.verdict);
        let all = all_text(&r);
        assert!(!all.contains("[送信元 IP アドレス]"), "{all}");
    }
}

#[test]
fn gmails_spam_advice_names_the_sending_address_without_a_block() {
    let d = public(&gmail_spam());
    assert!(!ip_is_blocked(&d) && !shows_a_blocked_ip(&d));
    for lang in Lang::ALL.iter().copied() {
        let r = advise(&d, lang);
        assert!(r.verdict.contains(IP), "{} ({lang:?}): {}", r.id, r.verdict);
    }
}

/// A block of the address is still named blocked, with the same address as the sending one.
#[test]
fn a_block_of_the_address_is_shown_blocked() {
    let text = format!(
        "<kim@example.org>: host mx.example.org[198.51.100.9] said: 554 5.7.1 Service\n    \
         unavailable; Client host [{IP}] blocked using zen.spamhaus.org;\n    \
         (in reply to RCPT TO command)\n"
    );
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocked_ip.as_deref(), Some(IP));
    assert_eq!(d.sending_ip, d.blocked_ip);
    assert!(shows_a_blocked_ip(&d));
    assert_eq!(named_ip(&d).map(|(ip, _)| ip), Some(IP));
}
