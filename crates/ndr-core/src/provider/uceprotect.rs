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
    zone_names: &[
        // "Your IP is BLACKLISTED at UCEPROTECT-LEVEL 1": each level is one zone.
        ("uceprotect-level 1", "dnsbl-1.uceprotect.net"),
        ("uceprotect-level 2", "dnsbl-2.uceprotect.net"),
        ("uceprotect-level 3", "dnsbl-3.uceprotect.net"),
    ],
    rules: &[
        // 553 Your IP is BLACKLISTED at UCEPROTECT-LEVEL 1 - See:
        // http://www.uceprotect.net/rblcheck.php?ipr=192.0.2.1
        // Source: https://github.com/dragokas/hijackthis/issues/190
        Rule::by(Uceprotect).text(&["uceprotect"]).reason(Blocked),
    ],
};
