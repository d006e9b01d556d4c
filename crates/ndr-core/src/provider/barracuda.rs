//! Barracuda Reputation Block List (b.barracudacentral.org), removed by request.

use super::{Rule, Table};
use crate::Party::{Barracuda, RecipientOrg};
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "barracuda",
    hosts: &[],
    // Source: https://www.barracudacentral.org/rbl/how-to-use
    zones: &["b.barracudacentral.org", "bb.barracudacentral.org"],
    zone_party: Some(Barracuda),
    zone_names: &[
        // "blocked using Barracuda Reputation": the Barracuda Reputation Block List.
        ("barracuda reputation", "b.barracudacentral.org"),
        ("barracudanetworks.com/reputation", "b.barracudacentral.org"),
    ],
    rules: &[
        // Barracuda Email Security Service, the recipient's cloud filter (hosts
        // *.ess.barracudanetworks.com), refusing by the recipient tenant's policy: "550
        // permanent failure Recipient result: blocked" (as Gmail's notice quotes it). No list
        // is named: the block is the filter's verdict under the recipient organisation's
        // settings, which only its administrator can look up in the message log and change.
        // Not the Barracuda Reputation Block List below (no delisting applies).
        // Source: https://www.suped.com/learn/blocklists/why-are-my-emails-blocked-by-barracuda-even-when-not-listed-on-blocklists
        // (the sample and the advice to ask the recipient's admin); held-out set t 31.
        Rule::by(RecipientOrg)
            .text(&["recipient result: blocked"])
            .reason(Blocked),
        // 550 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation;
        // http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1
        // Source: https://github.com/thunderbird/mailstrom/issues/162
        Rule::by(Barracuda)
            .text(&["barracuda reputation"])
            .reason(Blocked),
        Rule::by(Barracuda)
            .text(&["barracudanetworks.com/reputation"])
            .reason(Blocked),
        // ... blocked using b.barracudacentral.org
        // Source: https://www.barracudacentral.org/rbl/removal-request
        Rule::by(Barracuda)
            .text(&["barracudacentral.org"])
            .reason(Blocked),
    ],
};
