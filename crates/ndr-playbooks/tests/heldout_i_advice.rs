//! Advice findings of the fourth held-out test on real bounces (round i): a program's temporary
//! refusal gets "wait and send again" only when waiting can cure it (M6), and Microsoft 365's
//! outbound spam restriction at submission is the sender's own account (H2). The texts are
//! written for these tests, in the shapes the pasted errors had.

use ndr_core::diagnose;
use ndr_playbooks::select;

fn playbook(text: &str) -> &'static str {
    select(&diagnose(text.as_bytes())).playbook.id
}

#[test]
fn a_programs_temporary_refusal_keeps_the_advice_of_a_reason_waiting_cannot_cure() {
    // Python's smtplib tuples (django-mailer prints them so).
    let too_big = "smtplib.SMTPSenderRefused: (452, b'4.3.4 Message size exceeds fixed limit', 'app@example.org')";
    let full = "smtplib.SMTPRecipientsRefused: {'ops@example.org': (452, b'4.2.2 Mailbox full')}";
    let greylisted = "smtplib.SMTPRecipientsRefused: {'ops@example.org': (450, b'4.2.0 Greylisted, try again later')}";
    for (text, reason) in [
        (too_big, ndr_core::Reason::MesgTooBig),
        (full, ndr_core::Reason::MailboxFull),
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.reason, reason, "{text}");
        assert_ne!(select(&d).playbook.id, "generic-delayed-program", "{text}");
    }
    assert_eq!(playbook(greylisted), "generic-delayed-program");
}

#[test]
fn outbound_spam_at_submission_is_the_senders_own_account() {
    let text = "Error: Message failed: 554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; Failed to process message due to a permanent exception with message [BeginDiagnosticData]WASCL UserAction verdict is not None. Actual verdict is Suspend, ShowTierUpgrade.";
    assert_eq!(playbook(text), "microsoft-account-banned");
}
