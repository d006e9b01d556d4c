//! Held-out set v: advice choices made by the refusal's own words.

use ndr_core::diagnose;
use ndr_playbooks::{advise, select, Actor, Lang};

/// v 25: Sendmail's "553 5.1.8 Domain of sender address <addr> does not exist" (cf/m4/proto.m4,
/// check_mail) and Postfix's "Sender address rejected: Domain not found": the sender's own
/// domain has no DNS, so whoever runs that domain acts first, pasted alone or in a notice.
#[test]
fn the_senders_domain_without_dns_is_fixed_by_whoever_runs_it() {
    for text in [
        "553 #5.1.8 Domain of sender address <kim@mail.example.org> does not exist\n",
        "<taro@example.net>: host mx.example.net[192.0.2.25] said: 553 5.1.8 <kim@example.org>... Domain of sender address kim@example.org does not exist (in reply to MAIL FROM command)\n",
        "<taro@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.8 <kim@example.org>: Sender address rejected: Domain not found (in reply to RCPT TO command)\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(
            select(&d).playbook.id,
            "generic-sender-domain-unknown",
            "{text}"
        );
        assert_eq!(
            advise(&d, Lang::En).who.first().map(|w| w.id),
            Some(Actor::SenderAdmin),
            "{text}"
        );
    }
    // A missing sender mailbox is not a missing domain.
    let d = diagnose(b"553 5.1.8 <kim@example.org>... Sender address does not exist\n");
    assert_ne!(select(&d).playbook.id, "generic-sender-domain-unknown");
}

/// v 39: MailChannels Outbound Filtering, which hosting companies send through, refuses with
/// "[CS] Message blocked. If this is a false positive, please report this to your hosting
/// service provider.": the hosting company is named first, whatever the reason read.
#[test]
fn a_hosting_filter_that_sends_the_sender_to_its_host_names_the_host_first() {
    let text = "taro@example.net\n  host smtp.mailchannels.net [192.0.2.25]\n  SMTP error from remote mail server after end of data:\n  550 5.7.1 [CS] Message blocked. If this is a false positive, please report this to your hosting service provider.\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-hosting-filter-refused");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::SenderProvider));
        assert!(r.verdict.contains("smtp.mailchannels.net"), "{}", r.verdict);
    }
    // A spam refusal that does not send the sender to its host keeps the spam advice.
    let d = diagnose(b"taro@example.net\n  host mx.example.net [192.0.2.25]\n  SMTP error from remote mail server after end of data:\n  550 5.7.1 Message blocked as spam\n");
    assert_ne!(select(&d).playbook.id, "generic-hosting-filter-refused");
}
