//! Advice for the bounces of the fourth real-use review, each built as the core reads it.

use ndr_core::{Diagnosis, Reason, Recipient};
use ndr_playbooks::{advise, select, Actor, Lang};

/// One failed recipient as the core reports it, refused by `host`.
fn refused(address: &str, reason: Reason, host: Option<&str>, text: &str) -> Recipient {
    Recipient {
        recipient: address.into(),
        action: "failed".into(),
        reason,
        hard_bounce: true,
        remote_host: host.map(Into::into),
        diagnostic_text: text.into(),
        ..Recipient::default()
    }
}

/// Case 21 as the core reads it: Postfix quoting Google's "not authorized to send email directly"
/// refusal, reason `norelaying` (as Sisimai has it), the sender's own IP named.
fn case_21() -> Diagnosis {
    let text = "host aspmx.l.google.com[142.250.157.27] said: 550-5.7.1 [198.51.100.23] The IP \
        you're using to send mail is not authorized to send email directly to our servers. Please \
        use the SMTP relay at your service provider instead. For more information, go to 550 5.7.1 \
        https://support.google.com/mail/?p=NotAuthorizedError d2e1a72fcca58-7a0c1e2f3c3si912233b3a.44 \
        - gsmtp (in reply to end of DATA command)";
    Diagnosis {
        recipients: vec![Recipient {
            command: Some("DATA".into()),
            ..refused(
                "t.kimura@mirai-sangyo.example",
                Reason::NoRelaying,
                Some("aspmx.l.google.com"),
                text,
            )
        }],
        reason: Reason::NoRelaying,
        hard_bounce: true,
        blocked_ip: Some("198.51.100.23".into()),
        remote_host: Some("aspmx.l.google.com".into()),
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        ..Diagnosis::default()
    }
}

/// Review 4, C1: Google refusing mail sent straight from an end-user address is the sender's to
/// fix (send through the provider's server), not "the recipient's server refuses relaying".
#[test]
fn google_refusing_direct_mail_sends_the_sender_to_a_smarthost() {
    let d = case_21();
    assert_eq!(select(&d).playbook.id, "gmail-direct-not-allowed");
    let en = advise(&d, Lang::En);
    assert_eq!(en.who[0].id, Actor::Sender);
    assert!(!en.who.iter().any(|w| w.id == Actor::RecipientAdmin));
    assert!(en.verdict.contains("198.51.100.23"), "{}", en.verdict);
    let steps: String = en.steps.iter().map(|s| s.text.as_str()).collect();
    assert!(steps.contains("outgoing server"), "{steps}");
    assert!(steps.contains("reverse DNS (PTR)"), "{steps}");
    assert!(steps.contains("PBL"), "{steps}");
    assert!(!steps.contains("nothing to fix on your side"), "{steps}");
    let m = en.message.expect("a message to the provider");
    assert_eq!(m.to.id, ndr_playbooks::To::HostingProvider);
    assert!(m.body.contains("198.51.100.23"), "{}", m.body);
    let ja = advise(&d, Lang::Ja);
    assert!(
        ja.why
            .contains("受信者や受信側の管理者にできることはありません"),
        "{}",
        ja.why
    );
    // Without the wording, a relaying refusal by the recipient's server stays the recipient's.
    let mut other = case_21();
    other.recipients[0].diagnostic_text =
        "host mx.example.net[192.0.2.7] said: 554 5.7.1 <a@example.net>: Relay access denied"
            .into();
    assert_eq!(select(&other).playbook.id, "generic-norelaying-remote");
}
