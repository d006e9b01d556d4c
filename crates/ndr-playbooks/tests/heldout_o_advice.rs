//! Advice findings of the tenth held-out test on real pastes (round o: MEDIUM-A1's DMARC
//! refusals for a From domain the sender does not run, MEDIUM-A2's own TLS rule read as a wait,
//! LOW-A5's delay notice pointing at an error it does not show) and the forwarder's wording for
//! an alias bounce (set n, case 05). The texts are written for these tests, in the shapes the
//! pasted logs had, with example domains and documentation addresses.

mod common;

use common::{all_text, all_text_with_letter, note, one};
use ndr_core::{Diagnosis, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang, Urgency};

fn first_actor(d: &Diagnosis) -> Actor {
    advise(d, Lang::En).who[0].id
}

/// MEDIUM-A1, Outlook.com's wording: "on behalf of (<domain>) ... domain owner policy" names the
/// From domain whose DMARC refused the mail. A webmail domain there is not the sender's to set
/// up, so the advice is the sending route or the From address, not "your domain's DNS"; another
/// domain gets the generic authentication advice, not Outlook.com's high-volume rule.
#[test]
fn outlook_domain_owner_policy_for_a_webmail_from_is_the_route_not_dns() {
    let text = |domain: &str| {
        format!(
            "host mx3.hotmail.com[192.0.2.184] said: 550 5.7.0 (SNT004-MC4F16) Unfortunately, messages from (198.51.100.7) on behalf of ({domain}) could not be delivered due to domain owner policy restrictions. (in reply to end of DATA command)"
        )
    };
    let refusal = |domain: &str| {
        let mut d = one(
            Reason::AuthFailure,
            "failed",
            "550",
            Some("5.7.0"),
            &text(domain),
        );
        d.blocking_party = Some(Party::OutlookCom);
        d
    };
    let d = refusal("yahoo.com");
    assert_eq!(select(&d).playbook.id, "generic-authfailure-webmail-from");
    let en = advise(&d, Lang::En);
    let all = all_text(&en);
    assert!(all.contains("yahoo.com"), "{all}");
    assert!(!all.contains("v=spf1"), "{all}");
    assert_eq!(en.who[0].id, Actor::Sender);
    assert!(all_text(&advise(&d, Lang::Ja)).contains("yahoo.com"));

    // The same sentence for a domain the sender may run keeps the authentication advice, but
    // not the high-volume rule of 5.7.515, which this refusal is not about.
    let own = refusal("example.com");
    assert_eq!(select(&own).playbook.id, "generic-authfailure");
    let all = all_text(&advise(&own, Lang::En));
    assert!(!all.contains("5,000") && !all.contains("Spf="), "{all}");
}

/// MEDIUM-A1, Gmail's SPF wording: "SPF check for [orange.fr] does not pass" names an internet
/// provider's mail domain, shared by its subscribers, which the sender does not run (a forwarder
/// sent it on). An SPF domain of any other kind is the envelope's and may be a sending service's,
/// so it is not taken for the From domain.
#[test]
fn gmail_spf_check_for_a_providers_domain_is_not_the_senders_dns() {
    let text = |domain: &str| {
        format!(
            "host gmail-smtp-in.l.google.com[192.0.2.26] said: 550 5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [{domain}] does not pass with ip: [198.51.100.194].To best protect our users from spam, the message has been blocked. (in reply to end of DATA command)"
        )
    };
    let refusal = |domain: &str| {
        let mut d = one(
            Reason::AuthFailure,
            "failed",
            "550",
            Some("5.7.26"),
            &text(domain),
        );
        d.blocking_party = Some(Party::Gmail);
        d
    };
    let d = refusal("orange.fr");
    assert_eq!(select(&d).playbook.id, "generic-authfailure-webmail-from");
    let all = all_text(&advise(&d, Lang::En));
    assert!(all.contains("orange.fr"), "{all}");
    assert!(!all.contains("[your domain]"), "{all}");

    let other = refusal("bounces.example.net");
    assert_eq!(select(&other).playbook.id, "gmail-unauthenticated");
    // The envelope domain is not filled in as the sender's own domain either.
    assert!(!all_text_with_letter(&advise(&other, Lang::En)).contains("bounces.example.net is"));
}

const TLS_REQUIRED: &str = "Oct 11 03:58:22 box postfix/smtp[1885]: 7356ABD12E: to=<someone@example.org>, relay=mx.example.org[192.0.2.33]:25, delay=21537, delays=21536/0.08/0.72/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.example.org[192.0.2.33])";

/// MEDIUM-A2: Postfix's "TLS is required, but ..." is the sending server's own rule, so a delay
/// with it is the sender's administrator's setting, never "it clears by itself". A receiver that
/// requires TLS words it differently and keeps the STARTTLS advice.
#[test]
fn an_own_tls_rule_is_the_senders_setting_not_a_wait() {
    let d = one(
        Reason::SecurityError,
        "delayed",
        "",
        Some("4.7.4"),
        TLS_REQUIRED,
    );
    assert_eq!(select(&d).playbook.id, "generic-own-tls-required");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::SenderAdmin);
    assert!(en.who.iter().all(|w| w.id != Actor::Nobody));
    assert_ne!(en.urgency.id, Urgency::Wait);
    assert!(
        all_text(&en).contains("smtp_tls_security_level"),
        "{}",
        all_text(&en)
    );
    // The same wording after the server gave up.
    let failed = one(
        Reason::SecurityError,
        "failed",
        "",
        Some("4.7.4"),
        TLS_REQUIRED,
    );
    assert_eq!(select(&failed).playbook.id, "generic-own-tls-required");

    let receiver = one(
        Reason::FailedStartTls,
        "failed",
        "530",
        Some("5.7.0"),
        "host mx.example.org[192.0.2.33] said: 530 5.7.0 Must issue a STARTTLS command first (in reply to MAIL FROM command)",
    );
    assert_ne!(select(&receiver).playbook.id, "generic-own-tls-required");
}

/// LOW-A5: the delay notice's advice no longer points at "the error below", which a warning with
/// no reason (Exim's "has not yet been delivered") does not have.
#[test]
fn the_delay_advice_does_not_point_at_an_error_below() {
    let d = one(
        Reason::Expired,
        "delayed",
        "",
        None,
        "Message has not yet been delivered to one or more recipients after more than 72 hours on the queue",
    );
    assert_eq!(select(&d).playbook.id, "generic-delayed");
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text(&advise(&d, lang));
        assert!(
            !all.contains("error below") && !all.contains("下のエラー文"),
            "{all}"
        );
    }
    assert_eq!(first_actor(&d), Actor::Nobody);
}

/// Set n, case 05, with the core's note for Postfix's "(expanded from <alias>)": the forwarder is
/// the note's server, and the host that refused is the destination, so the advice names the
/// former as the forwarder and never says the sender's provider knows the forwarder's address.
/// A forwarding service that reports the next hop's refusal of its own address reads right too.
#[test]
fn the_forwarder_is_the_notes_server_in_both_shapes() {
    let alias = "<dest@example.net> (expanded from <alias@example.org>): host mx.example.net[192.0.2.25] said: 550 Unauthenticated mail not allowed from this range (in reply to RCPT TO command)";
    let mut d = one(Reason::Blocked, "failed", "550", None, alias);
    d.remote_host = Some("mx.example.net".into());
    d.notes
        .push(note("refused_after_forwarding", "relay.example.org"));
    assert_eq!(select(&d).playbook.id, "forwarder-ip-refused");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let all = all_text_with_letter(&r);
        assert!(all.contains("relay.example.org"), "{all}");
        // The destination that refused is not called the forwarder.
        assert!(!r.verdict.contains("mx.example.net"), "{}", r.verdict);
        assert!(
            !all.contains("hosting company knows") && !all.contains("ホスティング事業者が知って"),
            "{all}"
        );
    }

    // The forwarding service's own report: it is the reporting host, its address is named.
    let service = "host fwd.example.org[198.51.100.9] said: 550 Error for <someone@example.org> of \"Invalid greeting. response=550 5.7.0 Blocked - see https://example.net/lookup?ip=198.51.100.9\"";
    let mut s = one(Reason::Blocked, "failed", "550", Some("5.7.0"), service);
    s.remote_host = Some("fwd.example.org".into());
    s.blocked_ip = Some("198.51.100.9".into());
    s.notes
        .push(note("refused_after_forwarding", "fwd.example.org"));
    assert_eq!(select(&s).playbook.id, "forwarder-ip-refused");
    let en = advise(&s, Lang::En);
    assert!(en.verdict.contains("fwd.example.org"), "{}", en.verdict);
    assert_eq!(en.who[0].id, Actor::RecipientAdmin);
}

/// MEDIUM-A3, once the core reads the program's error (Ruby's `Net::SMTPFatalError` from an
/// error tracker, the core's note `refused_at_submission`): a policy refusal by the app's own
/// provider's outgoing server (Gandi's "Reject for policy reason RULE3_2") is that provider's,
/// not the recipient's administrator's.
#[test]
fn a_policy_refusal_at_submission_is_the_senders_provider() {
    let mut d = one(
        Reason::PolicyViolation,
        "failed",
        "550",
        Some("5.7.1"),
        "**Error message:** `` 550 5.7.1 Reject for policy reason RULE3_2. See http://postmaster.example.net ``",
    );
    d.recipients[0].recipient = String::new();
    d.notes.push(note("refused_at_submission", "ruby"));
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::SenderProvider, "{}", en.id);
    assert!(
        en.who.iter().all(|w| w.id != Actor::RecipientAdmin),
        "{}",
        en.id
    );
}
