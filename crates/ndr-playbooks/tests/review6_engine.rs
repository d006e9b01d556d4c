//! Advice for bounces of the sixth page review, each read by the core from a paste written like
//! the ones users send (documentation addresses and example domains).

use ndr_core::diagnose;
use ndr_playbooks::{advise, labels, select, Actor, Lang, To};

/// A SendGrid event whose refusal names SendGrid's own address on a blocklist.
const SENDGRID_EVENT: &[u8] = br#"[{"email":"reader@example.org","event":"bounce","reason":"550 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org","sg_event_id":"ZXhhbXBsZQ","sg_message_id":"ZXhhbXBsZQ.filter0001","smtp-id":"<ZXhhbXBsZQ@ismtpd0001p1mdw1.sendgrid.net>","status":"5.7.1","type":"blocked"}]"#;

#[test]
fn an_esp_event_with_a_listed_ip_goes_to_the_sending_service() {
    let d = diagnose(SENDGRID_EVENT);
    assert!(d
        .notes
        .iter()
        .any(|n| n.id == "sent_through_esp" && n.detail == "sendgrid"));
    assert_eq!(select(&d).playbook.id, "esp-sender-ip-listed");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::SenderProvider));
    let m = en.message.expect("a message to the sending service");
    assert_eq!(m.to.id, To::SendingService);
    assert!(m.body.contains("198.51.100.23"), "{}", m.body);
    // The note's own sentence names the service.
    let (_, line) = labels::note("sent_through_esp", "sendgrid").expect("a sentence");
    assert!(line.contains("SendGrid"));
}

#[test]
fn the_same_refusal_outside_an_esp_event_keeps_the_lists_advice() {
    let d = diagnose(
        b"<reader@example.org>: host mx.example.org[203.0.113.5] said: 550 5.7.1 Service \
        unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org (in reply to RCPT \
        TO command)\n",
    );
    assert!(!d.notes.iter().any(|n| n.id == "sent_through_esp"));
    assert_ne!(select(&d).playbook.id, "esp-sender-ip-listed");
}

#[test]
fn an_esp_event_about_an_unknown_address_keeps_its_advice() {
    let d = diagnose(
        br#"[{"email":"gone@example.org","event":"bounce","reason":"550 5.1.1 The email account that you tried to reach does not exist","sg_event_id":"ZXhhbXBsZQ","status":"5.1.1","type":"bounce"}]"#,
    );
    assert!(d.notes.iter().any(|n| n.id == "sent_through_esp"));
    assert_eq!(select(&d).playbook.id, "generic-userunknown");
}

#[test]
fn a_forwarder_refused_further_on_is_the_recipients_side() {
    let d = diagnose(
        b"<friend@example.net>: host mx.forward.example[203.0.113.25] said: 550\n    \
        Error for friend@example.net of \"Invalid greeting. response=554 5.7.1\n    \
        Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=203.0.113.25\"\n    \
        (in reply to end of DATA command)\n",
    );
    assert_eq!(d.blocked_ip.as_deref(), Some("203.0.113.25"));
    assert!(d.notes.iter().any(|n| n.id == "refused_after_forwarding"));
    assert_eq!(select(&d).playbook.id, "forwarder-ip-refused");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::RecipientAdmin));
    assert!(!en.who.iter().any(|w| w.id == Actor::SenderProvider));
    assert!(en.verdict.contains("mx.forward.example"), "{}", en.verdict);
}

#[test]
fn the_rejecting_servers_own_address_alone_is_still_not_the_senders() {
    // The same lookup link naming the refusing server itself, with no reply passed on: not a
    // forwarder's, and not the sender's either.
    let d = diagnose(
        b"<friend@example.net>: host mx.example.net[203.0.113.25] said: 550 5.7.1 Blocked - see \
        https://support.proofpoint.com/dnsbl-lookup.cgi?ip=203.0.113.25 (in reply to RCPT TO \
        command)\n",
    );
    assert_eq!(d.blocked_ip, None);
    assert!(!d.notes.iter().any(|n| n.id == "refused_after_forwarding"));
}

#[test]
fn yahoos_deferral_with_its_tag_masked_is_the_deferral() {
    let d = diagnose(
        b"Error: \"421 4.7.0 [XXX] Messages from 192.0.2.61 temporarily deferred due to user \
        complaints - 4.16.55.1\" when sending to yahoo.com\n",
    );
    assert_eq!(select(&d).playbook.id, "yahoo-deferred");
}
