//! Set t's leftovers: the sending server's own "Network is unreachable" (a route missing on
//! the sending machine, most often IPv6), read from the core's fixtures.

use ndr_core::diagnose;
use ndr_playbooks::{advise, select, Actor, Lang};

const FINAL: &str = include_str!("../../ndr-core/test_data/bounces/conn-15.txt");
const DELAY: &str = include_str!("../../ndr-core/test_data/bounces/conn-03.txt");

/// Postfix gave up on a connection its own network could not route: whoever runs the sending
/// server acts first, and nobody on the receiving side is asked to.
#[test]
fn a_final_bounce_for_an_unreachable_network_is_the_sending_servers() {
    let d = diagnose(FINAL.as_bytes());
    // ENETUNREACH is a network error (the core reads it so since fix-w2; the held-out row
    // expects it); the playbook is chosen by the connect failure, not the reason.
    assert_eq!(d.reason, ndr_core::Reason::NetworkError);
    assert_eq!(select(&d).playbook.id, "generic-own-network-unreachable");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let who: Vec<Actor> = r.who.iter().map(|w| w.id).collect();
        assert_eq!(who, vec![Actor::SenderProvider, Actor::SenderAdmin]);
    }
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("mx.example.org"), "{}", en.verdict);
}

/// The same line in a delay notice keeps the wait advice: the server is still retrying, and
/// another of the receiver's addresses may still work.
#[test]
fn a_delay_notice_for_an_unreachable_network_stays_a_wait() {
    let d = diagnose(DELAY.as_bytes());
    assert_ne!(select(&d).playbook.id, "generic-own-network-unreachable");
    let r = advise(&d, Lang::En);
    assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Nobody));
}

/// Another connection failure (a refused connection) is not read as the sender's route.
#[test]
fn a_refused_connection_is_not_an_unreachable_network() {
    let refused = FINAL.replace("Network is unreachable", "Connection refused");
    let d = diagnose(refused.as_bytes());
    assert_ne!(select(&d).playbook.id, "generic-own-network-unreachable");
}
