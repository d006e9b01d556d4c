//! Codes from the rest of Microsoft's Exchange Online NDR table, read from the core's own
//! fixtures (`ndr-core/test_data/bounces/microsoft-25..32.txt`) as a user would paste them:
//! the reason and party the core gives, no blocked address, and the advice they lead to.

use ndr_core::{diagnose, Diagnosis, Party, Reason};
use ndr_playbooks::{advise, code_index, select, Actor, Lang};

fn fixture(n: u32) -> Diagnosis {
    let path = format!(
        "{}/../ndr-core/test_data/bounces/microsoft-{n}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    diagnose(&std::fs::read(&path).expect("the core's fixture is readable"))
}

#[track_caller]
fn check(n: u32, reason: Reason, playbook: &str) -> Diagnosis {
    let d = fixture(n);
    assert_eq!(d.reason, reason, "microsoft-{n}");
    assert_eq!(d.blocking_party, Some(Party::Microsoft), "microsoft-{n}");
    assert_eq!(
        d.blocked_ip, None,
        "microsoft-{n}: nothing blocks an address"
    );
    assert_eq!(select(&d).playbook.id, playbook, "microsoft-{n}");
    d
}

/// Review 4, case 03: 5.7.520 is the forwarding mailbox's own organisation turning automatic
/// forwarding off, not a block by the receiver, and nothing to delist.
#[test]
fn external_forwarding_blocked_is_the_forwarding_organisations_setting() {
    let d = check(25, Reason::PolicyViolation, "microsoft-forwarding-blocked");
    assert_eq!(d.provider_code.as_deref(), Some("AS(7555)"));
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.who[0].id, Actor::SenderAdmin, "{lang:?}");
        assert!(!r.who.iter().any(|w| w.id == Actor::RecipientAdmin));
        let m = r
            .message
            .expect("a message to the sender's own administrator");
        assert!(!m.body.contains("blocklist"), "{}", m.body);
        assert!(!m.body.contains("ブロックリスト"), "{}", m.body);
    }
    let en = advise(&d, Lang::En);
    assert!(en.verdict.contains("forwarded"), "{}", en.verdict);
    assert!(!en.steps.iter().any(|s| s.text.contains("delist portal")));
}

/// Review 4, case 03 without the rule id, as some mail programs show it: the words still lead
/// to the same advice.
#[test]
fn external_forwarding_without_the_rule_id() {
    let text = "Remote Server returned '550 5.7.520 Access denied, Your organization does not \
        allow external forwarding. Please contact your administrator for further assistance.'";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::PolicyViolation);
    assert_eq!(d.blocking_party, Some(Party::Microsoft));
    assert_eq!(select(&d).playbook.id, "microsoft-forwarding-blocked");
}

/// Review 4, case 04, and review 5, M5: 5.7.133 is a group that takes mail only from senders
/// signed in to its own organisation: a member sends signed in, an outsider asks the owner; the
/// sender's DNS is not the cause, and nobody is told "nothing to fix on your side".
#[test]
fn a_group_for_internal_senders_only_is_the_recipients_to_change() {
    let d = check(
        26,
        Reason::SecurityError,
        "microsoft-restricted-unauthenticated",
    );
    let r = advise(&d, Lang::En);
    assert_eq!(r.who[0].id, Actor::Sender);
    assert!(r.who.iter().any(|w| w.id == Actor::Recipient));
    assert!(r.who.iter().any(|w| w.id == Actor::RecipientAdmin));
    assert!(!r.who.iter().any(|w| w.id == Actor::SenderAdmin));
    assert!(!r.steps.iter().any(|s| s.text.contains("DNS")));
    assert!(!r.steps.iter().any(|s| s.text.contains("nothing to fix")));
    // 5.7.124: the group's list of allowed senders.
    check(27, Reason::SecurityError, "microsoft-restricted-recipient");
}

/// The sender's own limits: wait or send fewer; no blocklist, no delisting.
#[test]
fn sending_and_receiving_limits_are_waits_of_the_senders() {
    for n in [28, 29, 31] {
        let d = check(n, Reason::Speeding, "microsoft-sending-limit");
        let r = advise(&d, Lang::En);
        assert!(r.who.iter().any(|w| w.id == Actor::Sender));
        assert!(!r.steps.iter().any(|s| s.text.contains("delist")));
    }
    check(30, Reason::Speeding, "microsoft-receive-limit");
    // Microsoft's other 5.2.2, a full mailbox, stays the recipient's full mailbox.
    let full = diagnose(
        b"Remote Server returned '554 5.2.2 mailbox full; \
          STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'",
    );
    assert_eq!(full.reason, Reason::MailboxFull);
    assert_ne!(select(&full).playbook.id, "microsoft-sending-limit");
}

/// 5.1.8 "bad outbound sender": the sender's own account was stopped for spam.
#[test]
fn bad_outbound_sender_is_the_senders_account() {
    check(32, Reason::Rejected, "microsoft-account-banned");
}

/// The page's `#/codes` search finds the two codes of the review, in both languages, by the
/// code and by a word of its meaning.
#[test]
fn the_code_list_finds_forwarding_and_group_codes_in_both_languages() {
    let found = |query: &str, lang: Lang| -> Vec<&'static str> {
        code_index()
            .iter()
            .filter(|e| e.matches_search(query, lang))
            .map(|e| e.playbook.id)
            .collect()
    };
    for lang in [Lang::En, Lang::Ja] {
        for (query, want) in [
            ("5.7.520", "microsoft-forwarding-blocked"),
            ("AS(7555)", "microsoft-forwarding-blocked"),
            ("5.7.133", "microsoft-restricted-unauthenticated"),
            ("5.7.134", "microsoft-restricted-unauthenticated"),
            ("5.7.124", "microsoft-restricted-recipient"),
            ("5.7.60", "microsoft-send-as-denied"),
            ("5.7.233", "microsoft-sending-limit"),
            ("submission quota", "microsoft-sending-limit"),
            (
                "SenderNotAuthenticatedForGroup",
                "microsoft-restricted-unauthenticated",
            ),
        ] {
            let ids = found(query, lang);
            assert!(ids.contains(&want), "{lang:?} {query}: {ids:?}");
        }
    }
    assert!(found("転送", Lang::Ja).contains(&"microsoft-forwarding-blocked"));
    assert!(found("forwarding", Lang::En).contains(&"microsoft-forwarding-blocked"));
    assert!(found("グループ", Lang::Ja).contains(&"microsoft-restricted-unauthenticated"));
    // Each code's page is its own entry.
    let page = ndr_playbooks::lookup_code("550 5.7.520");
    assert_eq!(page[0].playbook.id, "microsoft-forwarding-blocked");
    let page = ndr_playbooks::lookup_code("5.7.133");
    assert_eq!(page[0].playbook.id, "microsoft-restricted-unauthenticated");
}
