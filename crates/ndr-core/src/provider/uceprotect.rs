//! UCEPROTECT levels 1 (single addresses), 2 (allocations) and 3 (whole networks).

use super::{Rule, Table};
use crate::Party::Uceprotect;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "uceprotect",
    hosts: &[],
    // Source: https://www.uceprotect.net/en/index.php?m=7&s=7
    zones: &[
        "dnsbl-1.uceprotect.net",
        "dnsbl-2.uceprotect.net",
        "dnsbl-3.uceprotect.net",
    ],
    zone_party: Some(Uceprotect),
    rules: &[
        // 553 Your IP is BLACKLISTED at UCEPROTECT-LEVEL 1 - See:
        // http://www.uceprotect.net/rblcheck.php?ipr=192.0.2.1
        // Source: https://github.com/dragokas/hijackthis/issues/190
        Rule::by(Uceprotect).text(&["uceprotect"]).reason(Blocked),
    ],
};
