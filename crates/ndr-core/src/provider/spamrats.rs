//! SpamRATS: RATS-Dyna (generic reverse DNS), RATS-NoPtr (no PTR), RATS-Spam.

use super::{Rule, Table};
use crate::Party::Spamrats;
use crate::Reason::{Blocked, RequirePtr};

pub(super) const TABLE: Table = Table {
    name: "spamrats",
    hosts: &[],
    // Source: https://www.spamrats.com/lists.php
    zones: &[
        "dyna.spamrats.com",
        "noptr.spamrats.com",
        "spam.spamrats.com",
        "auth.spamrats.com",
        "all.spamrats.com",
    ],
    zone_party: Some(Spamrats),
    zone_names: &[],
    rules: &[
        // 550 5.7.1 Client host [192.0.2.1] blocked using noptr.spamrats.com: the address has
        // no PTR record, and the listing only goes once it has one.
        // Source: https://www.spamrats.com/lists.php
        Rule::by(Spamrats)
            .text(&["noptr.spamrats.com"])
            .reason(RequirePtr),
        // 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using spam.spamrats.com
        Rule::by(Spamrats).text(&["spamrats"]).reason(Blocked),
    ],
};
