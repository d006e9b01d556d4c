//! Passive Spam Block List (psbl.surriel.com), self-service removal at psbl.org.

use super::{Rule, Table};
use crate::Party::Psbl;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "psbl",
    hosts: &[],
    // Source: https://psbl.org/
    zones: &["psbl.surriel.com"],
    zone_party: Some(Psbl),
    zone_names: &[],
    rules: &[
        // 550 5.7.1 Rejected: 192.0.2.1 listed at psbl.surriel.com; see https://psbl.org/listing?ip=192.0.2.1
        Rule::by(Psbl).text(&["psbl"]).reason(Blocked),
    ],
};
