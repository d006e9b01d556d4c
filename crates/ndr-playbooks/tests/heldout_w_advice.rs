//! Held-out set w: advice choices made by the refusal's own words.

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::diagnose;
use ndr_playbooks::{advise, select, Actor, Lang};

/// w 11, w 45: a mailing list's own rule refused the post. ezmlm-reject -t refuses a post whose
/// To and Cc lack the list's address ("ezmlm-reject: fatal: List address must be in To: or Cc:
/// (#5.7.0)"), sourceware's filter says the same, and Mailman holds or refuses a non-member's
/// post. The sender fixes it first (the list in To or Cc, joining), then the list's owner.
#[test]
fn a_mailing_lists_own_rule_is_the_senders_to_fix_first() {
    for (text, to_or_cc) in [
        (
            "Hi. This is the qmail-send program at mx.example.net.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<news@example.com>:\n\nezmlm-reject: fatal: List address must be in To: or Cc: (#5.7.0)\n",
            true,
        ),
        (
            "> Hi. This is the qmail-send program at lists.example.org.\n> I'm afraid I wasn't able to deliver your message to the following addresses.\n> This is a permanent error; I've given up. Sorry it didn't work out.\n>\n> <devel@example.org>:\n> Mail rejected: List address must be in To: or Cc: headers.\n> See http://lists.example.org/lists.html for more information.\n",
            true,
        ),
        (
            "<team@lists.example.com>: host lists.example.com[192.0.2.30] said: 550 5.7.1 Post by non-member to a members-only list (in reply to end of DATA command)\n",
            false,
        ),
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(
            select(&d).playbook.id,
            "generic-group-post-refused",
            "{text}"
        );
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(&d, lang);
            assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Sender), "{text}");
        }
        if to_or_cc {
            let all = all_text(&advise(&d, Lang::En));
            assert!(all.contains("must be in To or Cc"), "{all}");
            let all = all_text(&advise(&d, Lang::Ja));
            assert!(all.contains("To か Cc に入れて"), "{all}");
        }
    }
}
