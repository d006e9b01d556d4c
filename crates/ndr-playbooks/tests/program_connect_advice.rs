//! A mail program's own error that it could not connect to its outgoing server (the core's
//! note `connect_failed_at_submission`): port 25 named is the provider's port 25 blocking
//! (use 587 or 465 with a login); another port, or none, is the server name, the port, the
//! network or the server itself. A person's mail program is the sender's to fix first, a
//! script's the administrator's.

use ndr_core::diagnose;
use ndr_playbooks::{advise, select, Actor, Lang};

const BOUNCES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ndr-core/test_data/bounces/"
);

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{BOUNCES}{name}")).expect("fixture")
}

fn playbook(name: &str) -> &'static str {
    select(&diagnose(&read(name))).playbook.id
}

#[test]
fn port_25_named_is_the_providers_port_25_blocking() {
    for name in [
        "progconnect-01.txt",
        "progconnect-02.txt",
        "progconnect-10.txt",
    ] {
        assert_eq!(playbook(name), "generic-program-port25-blocked", "{name}");
    }
    let d = diagnose(&read("progconnect-01.txt"));
    for lang in [Lang::Ja, Lang::En] {
        let r = advise(&d, lang);
        let steps = r
            .steps
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(steps.contains("587"), "{lang:?}: {steps}");
        assert!(steps.contains("465"), "{lang:?}: {steps}");
    }
    let en = advise(&d, Lang::En);
    assert!(en.why.contains("OP25B"), "{}", en.why);
    // Outlook Express is a person's mail program: its settings are the sender's.
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::Sender));
}

#[test]
fn another_port_or_none_is_the_settings_the_network_or_the_server() {
    for name in [
        "progconnect-03.txt",
        "progconnect-04.txt",
        "progconnect-05.txt",
        "progconnect-06.txt",
        "progconnect-07.txt",
        "progconnect-08.txt",
        "progconnect-09.txt",
    ] {
        assert_eq!(playbook(name), "generic-program-cannot-connect", "{name}");
    }
    let d = diagnose(&read("progconnect-06.txt"));
    let en = advise(&d, Lang::En);
    let steps = en
        .steps
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for words in [
        "server's name and port",
        "firewall",
        "Wi-Fi",
        "whether the server is down",
    ] {
        assert!(steps.contains(words), "{words}: {steps}");
    }
    // A Ruby script's settings are its administrator's; Thunderbird's are the sender's.
    assert_eq!(en.who.first().map(|w| w.id), Some(Actor::SenderAdmin));
    let tb = advise(&diagnose(&read("progconnect-03.txt")), Lang::En);
    assert_eq!(tb.who.first().map(|w| w.id), Some(Actor::Sender));
    // The verdict says what the note says: the note is not repeated beside it.
    assert!(en.says_note("connect_failed_at_submission"));
}
