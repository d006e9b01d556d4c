//! Barracuda Reputation Block List (b.barracudacentral.org), removed by request.

use super::{Rule, Table};
use crate::Party::Barracuda;
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
