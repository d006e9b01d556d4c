//! Who acts, and the advice, for the shapes of the eleventh held-out set on real pastes (round
//! p: cases 03, 11, 12, 24, 27). The texts are written for these tests, in the shapes the pasted
//! bounces had, with example domains and documentation addresses.

mod common;

use common::{all_text, one};
use ndr_core::{Diagnosis, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang};

fn who(d: &Diagnosis) -> Vec<Actor> {
    advise(d, Lang::En).who.iter().map(|w| w.id).collect()
}

/// Case 12: Hotmail's old SC-001 template says "part of their network is on our block list",
/// the sentence of S3140/S3150: a block on the provider's network, which the provider clears
/// first, not the policy advice that starts with the sender's content.
#[test]
fn the_network_block_sentence_wins_over_the_sc001_code() {
    let mut d = one(
        Reason::Blocked,
        "failed",
        "550",
        None,
        "host mx2.hotmail.com[192.0.2.10] said: 550 SC-001 (BAY004-MC3F26) Unfortunately, messages from 198.51.100.7 weren't sent. Please contact your Internet service provider since part of their network is on our block list.",
    );
    d.blocking_party = Some(Party::OutlookCom);
    d.provider_code = Some("SC-001".into());
    assert_eq!(select(&d).playbook.id, "outlook-com-network-block");
    assert_eq!(who(&d)[0], Actor::SenderProvider);
    // SC-001 without that sentence keeps the policy advice.
    d.recipients[0].diagnostic_text =
        "550 SC-001 (BAY004-MC3F26) Mail rejected by Outlook.com for policy reasons.".into();
    assert_eq!(select(&d).playbook.id, "outlook-com-policy");
}

/// Case 11: Gmail's 4.7.28 on the SPF domain (or the IP) is a limit on the sending server,
/// which only whoever runs it can slow down; on the DKIM domain it stays the sender's.
#[test]
fn a_gmail_rate_limit_on_the_server_names_the_hosting_company_first() {
    let limit = |on: &str| {
        let mut d = one(
            Reason::Blocked,
            "failed",
            "421",
            Some("4.7.28"),
            &format!("421 4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your {on} [example.jp 35]. To protect our users from spam, mail sent from your domain has been temporarily rate limited."),
        );
        d.blocking_party = Some(Party::Gmail);
        d
    };
    for on in ["SPF domain", "IP address", "IP Netblock"] {
        let d = limit(on);
        assert_eq!(select(&d).playbook.id, "gmail-rate-limited");
        assert_eq!(who(&d)[0], Actor::SenderProvider, "{on}");
    }
    assert_eq!(who(&limit("DKIM domain"))[0], Actor::Sender);
}

/// Case 24: Gmail gave up after the receiver's bare "451 4.7.1 ... try again later": no list,
/// no address, no words about blocking. The advice is the expired one (the recipient's side),
/// not a blocklist alarm for the hosting company.
#[test]
fn a_bare_temporary_block_given_up_is_expired() {
    let d = one(
        Reason::Blocked,
        "failed",
        "451",
        Some("4.7.1"),
        "451 4.7.1 Service unavailable - try again later (state 18).",
    );
    assert_eq!(select(&d).playbook.id, "generic-expired");
    assert_eq!(who(&d)[0], Actor::RecipientAdmin);
    // A temporary refusal that says it blocks keeps the block advice.
    let d = one(
        Reason::Blocked,
        "failed",
        "451",
        Some("4.7.1"),
        "451 4.7.1 Client host blocked, try again later",
    );
    assert_eq!(select(&d).playbook.id, "generic-blocked");
    // Postfix's own 4.0.0 beside a 554 greeting refusal is no temporary reply (held-out i,
    // case 21): the block advice stays.
    let d = one(
        Reason::Blocked,
        "failed",
        "",
        Some("4.0.0"),
        "host mx.example.org[192.0.2.40] refused to talk to me: 554 IP=198.51.100.x - A problem occurred. (BL)",
    );
    assert_eq!(select(&d).playbook.id, "generic-blocked");
}

/// Case 03: Exchange's "421 4.4.2 Message submission rate for this client has exceeded the
/// configured limit" from a receiving server is a rate limit (the core reads its words over the
/// 4.4.2 default): a wait first, not "the receiving server could not be reached".
#[test]
fn an_exchange_rate_limit_read_as_a_network_error_is_a_wait() {
    let d = ndr_core::diagnose(
        b"host mx.example.org[192.0.2.20] said: 421 4.4.2 Message submission rate for this client has exceeded the configured limit (in reply to MAIL FROM command)\n",
    );
    assert_eq!(select(&d).playbook.id, "generic-speeding-deferred");
    assert_eq!(who(&d)[0], Actor::Nobody);
    // A network problem in other words keeps its own advice.
    let mut d = one(
        Reason::NetworkError,
        "failed",
        "421",
        Some("4.4.2"),
        "host mx.example.org[192.0.2.20] said: 421 4.4.2 Connection dropped",
    );
    d.remote_host = Some("mx.example.org".into());
    assert_eq!(select(&d).playbook.id, "generic-networkerror");
}

/// Case 27: "550 5.1.0 <a@example.net> sender rejected" read as an unknown recipient: the
/// advice must not tell the reader that a correct recipient address does not exist.
#[test]
fn a_sender_rejected_reply_is_not_a_missing_recipient() {
    let d = one(
        Reason::UserUnknown,
        "failed",
        "550",
        Some("5.1.0"),
        "550 5.1.0 <test@example.net> sender rejected",
    );
    assert_eq!(select(&d).playbook.id, "generic-rejected");
    let all = all_text(&advise(&d, Lang::En));
    assert!(!all.contains("does not exist on the receiving"), "{all}");
    let d = one(
        Reason::UserUnknown,
        "failed",
        "550",
        Some("5.1.1"),
        "550 5.1.1 <someone@example.org>: Recipient address rejected: User unknown",
    );
    assert_eq!(select(&d).playbook.id, "generic-userunknown");
}

/// Case 05: web.de's banner refusal "554 ... invalid DNS PTR resource record, IP=..." read as a
/// block with no list: the reverse-DNS advice, not "usually the address is on a blocklist".
#[test]
fn a_block_that_names_the_ptr_record_gets_the_ptr_advice() {
    let mut d = one(
        Reason::Blocked,
        "failed",
        "554",
        None,
        "host mx.example.org[192.0.2.30] refused to talk to me: 554 No SMTP service 554 invalid DNS PTR\n    resource record, IP=198.51.100.7",
    );
    d.blocked_ip = Some("198.51.100.7".into());
    assert_eq!(select(&d).playbook.id, "generic-requireptr");
    assert_eq!(who(&d)[0], Actor::SenderProvider);
    // A block named by a list keeps the list's advice even if it mentions reverse DNS.
    d.list_zone = Some("dnsbl.example.net".into());
    assert_ne!(select(&d).playbook.id, "generic-requireptr");
}
