//! The advice for the shapes of the thirteenth held-out set (round r: case 15). The texts are
//! written for these tests, in the shapes the pasted bounces had, with example domains and
//! documentation addresses; they go through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::select;

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
