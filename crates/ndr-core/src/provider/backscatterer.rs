//! Backscatterer (ips.backscatterer.org): addresses that send bounces to forged senders.

use super::{Rule, Table};
use crate::Party::Backscatterer;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "backscatterer",
    hosts: &[],
    // Source: https://www.uceprotect.net/en/index.php?m=7&s=7 (Backscatterer is run by UCEPROTECT)
    zones: &["ips.backscatterer.org"],
    zone_party: Some(Backscatterer),
    zone_names: &[],
    rules: &[
        // 554 Service unavailable; Client host [192.0.2.1] blocked using ips.backscatterer.org
        Rule::by(Backscatterer)
            .text(&["backscatterer.org"])
            .reason(Blocked),
    ],
};
