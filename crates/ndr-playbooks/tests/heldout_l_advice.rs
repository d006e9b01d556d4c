//! Advice findings of the seventh held-out test on real bounces (round l: HIGH-4's temporary
//! replies with no reason, MEDIUM-4's refused greeting name, MEDIUM-6's security refusals of the
//! sender's own setting, LOW-4's shared sending pools). The texts are written for these tests,
//! in the shapes the pasted errors had.

mod common;

use common::{all_text, one};
use ndr_core::{Note, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang, To};

const CLOSED: &str =
    "host mx.example.org[192.0.2.25] said: 421 Connection went away (in reply to MAIL FROM command)";
const TEMPFAIL: &str = "RCPT TO:<someone@example.org> => 451 Temporary failure";

/// HIGH-4: a temporary reply the core could not explain, on a recipient still delayed, is a wait:
/// nobody acts yet, and nothing says "refused" or "until the cause is fixed".
#[test]
fn an_unexplained_deferral_still_retried_is_a_wait() {
    for (reason, code, text) in [
        (Reason::OnHold, "421", CLOSED),
        (Reason::OnHold, "451", TEMPFAIL),
        (Reason::Undefined, "451", TEMPFAIL),
        // The readings the core gives a bare 421 and 451 (RFC 5321's meanings).
        (Reason::NetworkError, "421", CLOSED),
        (Reason::SystemError, "451", TEMPFAIL),
    ] {
        let d = one(reason, "delayed", code, None, text);
        assert_eq!(
            select(&d).playbook.id,
            "generic-delayed",
            "{reason:?} {code}"
        );
        let en = advise(&d, Lang::En);
        assert_eq!(en.who.first().map(|w| w.id), Some(Actor::Nobody));
        let all = all_text(&en);
        assert!(!all.contains("refused"), "{all}");
        assert!(!all.contains("until the cause is fixed"), "{all}");
    }
}

/// HIGH-4: the same reply in a failure notice: the server retried and gave up. That is the
/// expired advice (no "refused"), not a refusal to fix before resending.
#[test]
fn an_unexplained_deferral_given_up_is_expired_not_refused() {
    for reason in [Reason::OnHold, Reason::Undefined] {
        let d = one(reason, "failed", "451", None, TEMPFAIL);
        assert_eq!(select(&d).playbook.id, "generic-expired", "{reason:?}");
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(&d, lang);
            assert!(
                !r.title.contains("Refused") && !r.title.contains("拒否"),
                "{}",
                r.title
            );
        }
    }
    // A permanent reply the core could not explain stays the unclear refusal.
    let d = one(Reason::OnHold, "failed", "550", None, "550 Rejected");
    assert_eq!(select(&d).playbook.id, "generic-onhold");
    // A temporary reply in a program's own error has no queue: send again (its own playbook).
    let mut d = one(Reason::OnHold, "failed", "451", None, TEMPFAIL);
    d.notes.push(Note {
        id: "refused_at_submission".into(),
        detail: String::new(),
    });
    assert_eq!(select(&d).playbook.id, "generic-delayed-program");
}

/// MEDIUM-4: a refused HELO name is a setting of the sending program or server, not a listing,
/// whatever reason the core gave it; its own log line from a program on the same machine too.
#[test]
fn a_refused_helo_name_is_the_sending_sides_setting() {
    let text = "postfix/smtpd[2386]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname;";
    let mut d = one(Reason::Blocked, "failed", "504", Some("5.5.2"), text);
    assert_eq!(select(&d).playbook.id, "generic-helo-refused");
    d.notes.push(Note {
        id: "inbound_refusal_log".into(),
        detail: "localhost[127.0.0.1]".into(),
    });
    assert_eq!(select(&d).playbook.id, "generic-helo-refused");
    let en = advise(&d, Lang::En);
    let all = all_text(&en);
    assert!(!all.contains("blocklist"), "{all}");
    assert!(en
        .who
        .iter()
        .all(|w| matches!(w.id, Actor::SenderAdmin | Actor::SenderProvider)));
    // The same refusal in another server's log (a client elsewhere) stays that log's advice.
    d.notes[0].detail = "mail.example.net[198.51.100.9]".into();
    assert_eq!(select(&d).playbook.id, "generic-inbound-refusal");
}

/// MEDIUM-6: a security refusal whose words name the sender's own setting is the sending
/// side's alone: SparkPost's unconfigured sending domain, a bad DKIM signature.
#[test]
fn a_security_refusal_of_the_senders_own_setting_names_no_recipient_admin() {
    for (text, id) in [
        (
            "Net::SMTPFatalError: 550 5.7.1 Unconfigured Sending Domain <example.com>",
            "generic-own-relay-setting",
        ),
        (
            "host mx.example.org[192.0.2.25] said: 550 5.7.0 bad DKIM signature data (in reply to end of DATA command)",
            "generic-authfailure",
        ),
    ] {
        let d = one(Reason::SecurityError, "failed", "550", Some("5.7.1"), text);
        assert_eq!(select(&d).playbook.id, id);
        let en = advise(&d, Lang::En);
        assert!(
            !en.who.iter().any(|w| w.id == Actor::RecipientAdmin),
            "{text}"
        );
    }
    // At submission the own server's advice stays: it already names only the sending side.
    let mut d = one(
        Reason::SecurityError,
        "failed",
        "550",
        Some("5.7.1"),
        "SMTPSenderRefused: 550 5.7.1 Unauthorized sender - Check your domain's MX and/or SPF",
    );
    d.notes.push(Note {
        id: "refused_at_submission".into(),
        detail: String::new(),
    });
    assert_eq!(select(&d).playbook.id, "generic-own-relay-setting");
    // Without such words the refusal keeps its generic advice.
    let d = one(
        Reason::SecurityError,
        "failed",
        "550",
        Some("5.7.1"),
        "550 5.7.1 Access denied",
    );
    assert_eq!(select(&d).playbook.id, "generic-securityerror");
}

/// LOW-4: a SpamCop listing of the address mail left from through a sending service or
/// Microsoft 365 names that service as the one who acts, not a hosting company.
#[test]
fn a_spamcop_listing_of_a_shared_pool_goes_to_its_owner() {
    let text = "550 5.7.1 Rejected because 192.0.2.77 is in a black list at bl.spamcop.net";
    for (note, id) in [
        ("sent_through_esp", "esp-sender-ip-listed"),
        ("sender_on_microsoft365", "microsoft-sender-pool-listed"),
    ] {
        let mut d = one(Reason::Blocked, "failed", "550", Some("5.7.1"), text);
        d.blocking_party = Some(Party::Spamcop);
        d.list_zone = Some("bl.spamcop.net".into());
        d.blocked_ip = Some("192.0.2.77".into());
        assert_eq!(select(&d).playbook.id, "spamcop-listed");
        d.notes.push(Note {
            id: note.into(),
            detail: String::new(),
        });
        assert_eq!(select(&d).playbook.id, id, "{note}");
        let en = advise(&d, Lang::En);
        assert_ne!(
            en.message.map(|m| m.to.id),
            Some(To::HostingProvider),
            "{note}"
        );
    }
}
