//! The advice for the shapes of the thirteenth held-out set (round r: cases 15, 29 and 46). The texts are
//! written for these tests, in the shapes the pasted bounces had, with example domains and
//! documentation addresses; they go through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang};

/// Case 15: Microsoft's older refusal "blocked using FBLW15" under the catch-all 5.7.1, in a
/// Haraka log: a block of the sending address by Microsoft, whose playbook is the block's, not
/// the 5.7.1 entry for a recipient that accepts only some senders. The delisting address the
/// refusal names is never the recipient.
#[test]
fn a_block_under_5_7_1_gets_the_block_playbook() {
    let text = "Feb 17 21:53:28 mx1 haraka[48106]: [NOTICE] [930E3B02.1.1] [outbound] recipient <hanna@example.org> rejected: 550 5.7.1 Service unavailable; Client host [192.0.2.128 <-- example.com] blocked using FBLW15; To request removal from this list please forward this message to delist@messaging.microsoft.com\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Microsoft));
    assert_eq!(d.reason, Reason::Blocked);
    assert_eq!(d.recipients[0].recipient, "hanna@example.org");
    assert_eq!(select(&d).playbook.id, "microsoft-banned-ip");
    // A 5.7.1 refusal that names no block keeps the code's own entry.
    let not_authorized = "host example-org.mail.protection.outlook.com[198.51.100.8] said: 550 5.7.1 Delivery not authorized (in reply to RCPT TO command)\n";
    let d = diagnose(not_authorized.as_bytes());
    assert_ne!(select(&d).playbook.id, "microsoft-banned-ip");
}

/// Case 29: Gmail quoting the recipient's server, which answered "500 Internal Server Error":
/// the receiving system failed, which its administrator fixes, not the sender.
#[test]
fn the_receiving_servers_own_failure_is_its_administrators() {
    let text = "Delivery to the following recipient failed permanently:\n\n     kuro@example.net\n\nTechnical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server for the recipient domain example.net by mx.example.net. [198.51.100.25].\n\nThe error that the other server returned was:\n500 Internal Server Error\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::SystemError);
    assert_eq!(select(&d).playbook.id, "generic-systemerror");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::RecipientAdmin);
}

/// Case 46: qmail's "failed after I sent the message" pasted without its notice: docomo's
/// "Unknown user" after the data reads as it does in a whole message (reason `filtered`, party
/// docomo, and docomo's own playbook for its "Unknown user").
#[test]
fn a_pasted_qmail_refusal_after_the_data_reads_as_a_whole_message() {
    let pasted = "<hanako@docomo.ne.jp>:\n203.0.113.80 failed after I sent the message.\nRemote host said: 550 Unknown user hanako@docomo.ne.jp\n";
    let whole = "<hanako@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.80] said: 550 Unknown user hanako@docomo.ne.jp (in reply to end of DATA command)\n";
    let (p, w) = (diagnose(pasted.as_bytes()), diagnose(whole.as_bytes()));
    assert_eq!(p.recipients[0].command.as_deref(), Some("DATA"));
    assert_eq!(p.reason, Reason::Filtered);
    assert_eq!(p.reason, w.reason);
    assert_eq!(p.blocking_party, Some(Party::Docomo));
    assert_eq!(select(&p).playbook.id, select(&w).playbook.id);
    let (pa, wa) = (advise(&p, Lang::En), advise(&w, Lang::En));
    let ids = |a: &ndr_playbooks::Rendered| a.who.iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(ids(&pa), ids(&wa));
}

/// Case 14: AOL's server under Yahoo's `yahoodns.net` refused after the data with no code of
/// Yahoo's own ("550 Action not taken"): Yahoo is named, and its advice does not say to wait
/// for a permanent refusal (no deferral, no block it cannot show). A temporary reply there
/// still waits.
#[test]
fn yahoos_server_refusing_without_a_code_is_no_wait() {
    let text = "<shiro@aol.example>: host mx-aol.mail.gm0.yahoodns.net[198.51.100.90] said:\n    550 Action not taken (in reply to end of DATA command)\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Yahoo));
    let id = select(&d).playbook.id;
    assert!(id != "yahoo-deferred" && id != "yahoo-blocked", "{id}");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::Sender);
    assert_ne!(en.urgency.id, ndr_playbooks::Urgency::Wait);

    // A rate refusal read from the words alone: a 5xx is final, a 4xx is Yahoo's deferral.
    let refused = "<shiro@yahoo.example>: host mta5.am0.yahoodns.net[198.51.100.90] said: 554 Too many connections from your IP (in reply to MAIL FROM command)\n";
    let d = diagnose(refused.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Yahoo));
    assert_ne!(select(&d).playbook.id, "yahoo-deferred");
    let deferred = refused.replace("554 ", "451 ");
    let d = diagnose(deferred.as_bytes());
    assert_eq!(select(&d).playbook.id, "yahoo-deferred");
}
