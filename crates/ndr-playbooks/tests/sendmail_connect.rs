//! Sendmail's own words for a connection it could not open ("Deferred: Connection timed out
//! with HOST.", "Connection refused by HOST."): the core takes HOST as the server it tried, so
//! the port 25 advice can see a big provider's server, and a refused TCP connection is no
//! block of the sender's address. The texts are written for these tests with example domains.

use ndr_core::{diagnose, Reason};
use ndr_playbooks::select;

fn delay_notice(words: &str) -> String {
    format!("   ----- Transcript of session follows -----\n<ann@example.org>... Deferred: {words}\nWarning: message still undelivered after 4 hours\nWill keep trying until message is 5 days old\n")
}

#[test]
fn a_sendmail_timeout_to_a_big_provider_asks_about_port_25() {
    let d = diagnose(
        delay_notice("Connection timed out with example-org.mail.protection.outlook.com.")
            .as_bytes(),
    );
    assert_eq!(
        d.recipients[0].remote_host.as_deref(),
        Some("example-org.mail.protection.outlook.com")
    );
    assert_eq!(d.recipients[0].command.as_deref(), Some("CONN"));
    assert_eq!(select(&d).playbook.id, "generic-port25-unreachable");
    // Another organisation's server: the plain wait.
    let d = diagnose(delay_notice("Connection timed out with mx.example.org.").as_bytes());
    assert_eq!(
        d.recipients[0].remote_host.as_deref(),
        Some("mx.example.org")
    );
    assert_ne!(select(&d).playbook.id, "generic-port25-unreachable");
}

#[test]
fn a_refused_connection_is_not_a_block() {
    let d = diagnose(delay_notice("Connection refused by mx.example.org.").as_bytes());
    assert_eq!(
        d.recipients[0].remote_host.as_deref(),
        Some("mx.example.org")
    );
    assert_eq!(d.reason, Reason::Expired);
    assert_ne!(select(&d).playbook.id, "generic-port25-unreachable");
}
