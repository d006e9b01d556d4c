//! The core's reading of the seventh page review's cases, and the advice it leads to, from
//! pastes written like the ones users send (documentation addresses and example domains).

use ndr_core::{diagnose, Reason};
use ndr_playbooks::{advise, select, Actor, Lang};

#[test]
fn a_phone_alert_pasted_as_it_wraps_is_a_send_error() {
    // The iPhone's alert as it shows: the sentence wrapped, a blank line after each line.
    let d = diagnose(
        b"Cannot Send Mail\n\nA copy has been placed in your Outbox.\n\nThe recipient \
        was rejected by\n\nthe server because it does\n\nnot allow relaying\n",
    );
    assert_eq!(d.reason, Reason::NoRelaying);
    assert!(d
        .notes
        .iter()
        .any(|n| n.id == "refused_at_submission" && n.detail == "apple_mail"));
    // A word broken by the wrap is not the sentence.
    let d = diagnose(
        b"The recipient was rejected by the ser\nver because it does not allow relaying\n",
    );
    assert!(!d.notes.iter().any(|n| n.id == "refused_at_submission"));
}

#[test]
fn a_logged_reply_goes_on_over_its_prefixed_lines() {
    let d = diagnose(
        b"SMTP Error: Connection failed: Invalid response code received from server\n\n\
        [02-Mar-2026 10:15:07 +0000]: <a1b2c3d4> Recv: 550-Message rejected because \
        [198.51.100.7]:10503 is blacklisted see Blocked -\n\
        [02-Mar-2026 10:15:07 +0000]: <a1b2c3d4> Recv: 550 Too many failed logins\n\
        [02-Mar-2026 10:15:07 +0000]: <a1b2c3d4> Send: QUIT\n",
    );
    assert_eq!(d.recipients.len(), 1, "{:?}", d.recipients);
    let text = &d.recipients[0].diagnostic_text;
    assert!(text.contains("Too many failed logins"), "{text}");
    assert!(!text.contains("QUIT"), "{text}");
    assert_eq!(d.blocked_ip.as_deref(), Some("198.51.100.7"));
    assert_eq!(d.reason, Reason::Blocked);
}

#[test]
fn a_list_name_cut_by_the_wrap_is_kept_whole() {
    // A Postfix bounce pasted from a forum, its indentation lost.
    let d = diagnose(
        b"<reader@example.org>: host mx.example.org[203.0.113.9] said: 550\n\
        5.7.1 Service unavailable; Client host [198.51.100.8] blocked using Trend\n\
        Micro RBL+. Please see the list's page (in\n\
        reply to RCPT TO command)\n",
    );
    let text = &d.recipients[0].diagnostic_text;
    assert!(text.contains("blocked using Trend Micro RBL+"), "{text}");
    // A whole zone name is no cut name: the next field is not read into the reply.
    let d = diagnose(
        b"<reader@example.org>: host mx.example.org[203.0.113.9] said: 550\n\
        5.7.1 Client host [198.51.100.8] blocked using zen.spamhaus.org\n\
        Reporting-MTA: dns; mail.example.net\n",
    );
    let text = &d.recipients[0].diagnostic_text;
    assert!(!text.contains("Reporting-MTA"), "{text}");
}

#[test]
fn delivery_to_this_address_is_restricted_is_the_recipients_setting() {
    let d = diagnose(
        b"Delivery has failed to these recipients or groups:\n\nteam@example.org\n\
        Your message can't be delivered because delivery to this address is restricted.\n",
    );
    assert_eq!(select(&d).playbook.id, "microsoft-restricted-recipient");
    let en = advise(&d, Lang::En);
    assert!(
        !en.who.iter().any(|w| w.id == Actor::Sender),
        "{:?}",
        en.who.iter().map(|w| w.id).collect::<Vec<_>>()
    );
}

#[test]
fn a_user_barred_by_the_own_outgoing_server_goes_to_the_provider() {
    let d = diagnose(
        b"An error occurred.\nSMTP Error (550): Failed to add recipient \"reader@example.org\" \
        (5.7.1 <webmail.example.net[192.0.2.44]>: Client host rejected: Blacklisted user: \
        writer@example.net).\n",
    );
    assert_eq!(d.reason, Reason::PolicyViolation);
    assert!(d.notes.iter().any(|n| n.id == "refused_at_submission"));
    let en = advise(&d, Lang::En);
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::SenderProvider));
}
