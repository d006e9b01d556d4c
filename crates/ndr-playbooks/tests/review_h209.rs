//! Task h209 (review h206, M3): Gmail's refusal for the sending domain's very low reputation
//! names the sending server's IP address, but the refusal is about the domain, not that
//! address. `refusal_is_about_the_domain` tells the page and the CLI to name the address as
//! the sending server's; `ip_is_blocked` still counts the refusal as a block, and the address
//! stays in the diagnosis. Texts with example domains and documentation addresses.

use ndr_core::diagnose;
use ndr_playbooks::{ip_is_blocked, refusal_is_about_the_domain, select};

/// A Postfix bounce of Gmail's 5.7.1 reputation refusal; `{what}` is Gmail's last words.
fn postfix(what: &str) -> String {
    format!(
        "This is the mail system at host mail.example.org.\n\n\
         I'm sorry to have to inform you that your message could not\n\
         be delivered to one or more recipients. It's attached below.\n\n\
         <bo@example.com>: host gmail-smtp-in.l.google.com[198.51.100.27]\n    \
         said: 550-5.7.1 [203.0.113.45      12] Gmail has detected that this\n    \
         message is 550-5.7.1 likely suspicious due to the very low reputation of\n    \
         the sending 550-5.7.1 {what}. To best protect our users from spam, the\n    \
         message has been 550-5.7.1 blocked. For more information, go to 550 5.7.1\n    \
         https://support.google.com/mail/answer/188131\n    \
         d9443c01a7336-2a1b2c3d4e5si6789012ad.305 - gsmtp (in reply to end of DATA\n    \
         command)\n"
    )
}

#[test]
fn a_domain_reputation_refusal_is_not_about_the_servers_address() {
    let d = diagnose(postfix("domain").as_bytes());
    assert_eq!(select(&d).playbook.id, "gmail-domain-reputation");
    assert!(refusal_is_about_the_domain(&d));
    // Still a block, and the address is still shown.
    assert!(ip_is_blocked(&d));
    assert_eq!(d.blocked_ip.as_deref(), Some("203.0.113.45"));
}

#[test]
fn an_ip_reputation_refusal_is_about_the_address() {
    for what in ["IP address", "IP address/domain"] {
        let d = diagnose(postfix(what).as_bytes());
        assert_ne!(select(&d).playbook.id, "gmail-domain-reputation", "{what}");
        assert!(!refusal_is_about_the_domain(&d), "{what}");
        assert!(ip_is_blocked(&d), "{what}");
    }
}

#[test]
fn a_refusal_with_no_reputation_in_it_is_not_about_the_domain() {
    let d = diagnose(
        b"550 5.7.606 Access denied, banned sending IP [203.0.113.45]. To request removal \
          from this list please visit https://sender.office.com/ and follow the directions.",
    );
    assert!(ip_is_blocked(&d));
    assert!(!refusal_is_about_the_domain(&d));
}
