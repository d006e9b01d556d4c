//! The advice for the shapes of the fourteenth held-out set (round s: cases 09 and 28). The
//! texts are written for these tests, in the shapes the pasted bounces had, with example
//! domains and documentation addresses; they go through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::select;

/// Case 28: Exchange Online's 5.7.520 with the words of a spam verdict is Microsoft's spam
/// protection refusing the content, not the forwarding block the same status names in
/// Microsoft's table; the forwarding wording keeps its own playbook.
#[test]
fn a_spam_verdict_under_5_7_520_is_not_the_forwarding_block() {
    let spam = "taro@example.org\nRemote server returned '550 5.7.520 Message blocked because it contains content identified as spam. AS(4810)'\n";
    let d = diagnose(spam.as_bytes());
    assert_eq!(d.reason, Reason::SpamDetected);
    assert_eq!(d.blocking_party, Some(Party::Microsoft));
    assert_eq!(select(&d).playbook.id, "microsoft-policy");
    let forwarding = "taro@example.org\nRemote server returned '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)'\n";
    let d = diagnose(forwarding.as_bytes());
    assert_eq!(select(&d).playbook.id, "microsoft-forwarding-blocked");
}

/// Case 09: "501 5.5.4 Bad NOTIFY parameter syntax" answers the sending server's malformed
/// command: a syntax error, not a system error of the receiver.
#[test]
fn a_bad_parameter_is_the_senders_syntax_error() {
    let text = "list@lists.example.org: 501 5.5.4 Error: Bad NOTIFY parameter syntax\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::SyntaxError);
}
