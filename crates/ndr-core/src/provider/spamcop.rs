//! SpamCop (bl.spamcop.net): listings expire 24 hours after the last report.

use super::{Rule, Table};
use crate::Party::Spamcop;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "spamcop",
    hosts: &[],
    // Source: https://www.spamcop.net/fom-serve/cache/298.html
    zones: &["bl.spamcop.net"],
    zone_party: Some(Spamcop),
    zone_names: &[
        ("spamcop.net/bl.shtml", "bl.spamcop.net"),
        ("spamcop black list", "bl.spamcop.net"),
    ],
    rules: &[
        // 554 IP found in Spamcop Black List; see https://www.spamcop.net/bl.shtml?192.0.2.1
        // Source: https://www.spamcop.net/bl.shtml
        Rule::by(Spamcop).text(&["spamcop"]).reason(Blocked),
    ],
};
