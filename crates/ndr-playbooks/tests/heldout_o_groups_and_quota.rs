//! Advice for two of round o's last misses: a group (mailing list) refusing a post, and a
//! sending quota of the sender's own outgoing server. The texts are written for these tests,
//! in the shapes the pasted errors had.

mod common;

use common::{all_text_with_letter as all_text, one};
use ndr_core::Reason;
use ndr_playbooks::{advise, select, Actor, Lang};

/// A group refusing a post names the sender first (right address, joining), then the group's
/// owner; never a letter to a recipient's mail administrator.
#[test]
fn a_group_refusing_a_post_is_the_senders_then_the_owners() {
    let cases = [
        (Reason::SpamDetected, "Message rejected by Google Groups. Please read the bulk sender rules before posting again."),
        (Reason::Rejected, "The group you tried to contact (team) may not exist, or you may not have permission to post messages to the group."),
        (Reason::Rejected, "You are not allowed to post to this mailing list, and your message has been automatically rejected."),
    ];
    for (reason, text) in cases {
        let d = one(reason, "failed", "", None, text);
        assert_eq!(
            select(&d).playbook.id,
            "generic-group-post-refused",
            "{text}"
        );
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(&d, lang);
            let who: Vec<Actor> = r.who.iter().map(|w| w.id).collect();
            assert_eq!(who, vec![Actor::Sender, Actor::RecipientAdmin], "{text}");
            assert!(r.message.is_none(), "{text}");
            let all = all_text(&r);
            assert!(all.contains("owner") || all.contains("オーナー"), "{all}");
        }
    }
    // Mailman's refusal for a DMARC-protected From is about the From domain, not membership.
    let dmarc = "You are not allowed to post to this mailing list From: a domain which publishes a DMARC policy of reject or quarantine";
    let d = one(Reason::Rejected, "failed", "", None, dmarc);
    assert_ne!(select(&d).playbook.id, "generic-group-post-refused");
    // A plain policy refusal by a mail server stays the receiver's.
    let plain = "554 5.7.1 Message refused by local policy";
    let d = one(
        Reason::PolicyViolation,
        "failed",
        "554",
        Some("5.7.1"),
        plain,
    );
    assert_ne!(select(&d).playbook.id, "generic-group-post-refused");
}

/// A "sending quota" is the sender's own outgoing server's limit, met at submission, even when
/// no mail program is named; a receiver's intake limit is not.
#[test]
fn a_sending_quota_is_the_own_servers_limit() {
    for text in [
        "Recipient address rejected: Email Sending Quota Exceeded",
        "550 5.4.5 <ann@example.org>: Recipient address rejected: Domain Sending Quota Exceeded",
    ] {
        let d = one(Reason::Speeding, "failed", "", None, text);
        assert_eq!(
            select(&d).playbook.id,
            "generic-speeding-at-submission",
            "{text}"
        );
        let r = advise(&d, Lang::En);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Sender));
    }
    let intake = "450 4.7.3 Organization queue quota exceeded";
    let d = one(Reason::Speeding, "delayed", "450", Some("4.7.3"), intake);
    assert_ne!(select(&d).playbook.id, "generic-speeding-at-submission");
}
