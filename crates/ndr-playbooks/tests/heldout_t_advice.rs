//! The advice for the shapes of the fifteenth held-out set (round t: cases 08, 17, 31 and
//! 41). The texts are written for these tests, in the shapes the pasted bounces had, with
//! example domains and documentation addresses; they go through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{select, Actor};

/// Case 31: Barracuda Email Security Service's "Recipient result: blocked" is the recipient
/// organisation's filter: its administrator acts first, and no Barracuda delisting (BRBL) is
/// offered, since no list is named.
#[test]
fn barracuda_ess_blocked_is_the_recipients_filter() {
    let text = "Message blocked\n\nGoogle tried to deliver your message, but it was rejected. Recipient server: d1.ess.barracudanetworks.com SMTP response: 550 permanent failure Recipient result: blocked\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::Blocked);
    assert_eq!(d.blocking_party, Some(Party::RecipientOrg));
    let s = select(&d);
    assert_eq!(s.playbook.id, "recipient-org-filter");
    assert_eq!(s.playbook.actors.first(), Some(&Actor::RecipientAdmin));
}

/// Case 08: Gmail's NotAuthorizedError in a Postfix log line names Gmail and keeps its own
/// playbook (send through the provider's relay).
#[test]
fn gmail_not_authorized_names_gmail() {
    let text = "Sep 12 23:37:06 mail postfix/smtp[1058]: D7BE668CD923: to=<hanna@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.27]:25, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.7.1 [198.51.100.8] The IP you're using to send mail is not authorized to 550-5.7.1 send email directly to our servers. Please use the SMTP relay at your 550-5.7.1 service provider instead. Learn more at 550 5.7.1  https://support.google.com/mail/?p=NotAuthorizedError x30si8315544wra.287 - gsmtp (in reply to end of DATA command))\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Gmail));
    assert_eq!(d.reason, Reason::NoRelaying);
    assert_eq!(select(&d).playbook.id, "gmail-direct-not-allowed");
}

/// Case 17: GoDaddy's IB103 is a Cloudmark reputation refusal: badreputation, with its code.
#[test]
fn godaddy_ib103_is_cloudmark_reputation() {
    let text = "Failure Reason: Error: 554 p3plibsmtp03-07.prod.phx3.secureserver.net CMGW IB103. Connection refused. 198.51.100.103 has a poor reputation on Cloudmark Sender Intelligence (CSI). Please visit http://csi.cloudmark.com/reset-request/?ip=198.51.100.103 to request a delisting.\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::BadReputation);
    assert_eq!(d.blocking_party, Some(Party::Cloudmark));
    assert_eq!(d.provider_code.as_deref(), Some("IB103"));
    assert_eq!(d.blocked_ip.as_deref(), Some("198.51.100.103"));
}
