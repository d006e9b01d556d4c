//! Proofpoint Dynamic Reputation, used by many corporate gateways (and seen at iCloud).

use super::{Rule, Table};
use crate::Party::Proofpoint;
use crate::Reason::Blocked;

// Proofpoint's FAQ: https://www.proofpoint.com/us/support-services/ip-blocked-faq

pub(super) const TABLE: Table = Table {
    name: "proofpoint",
    hosts: &[".pphosted.com"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1
        // Source: https://github.com/Mailu/Mailu/issues/1458
        Rule::by(Proofpoint)
            .text(&["ipcheck.proofpoint.com"])
            .reason(Blocked),
        // 550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.1
        // Source: https://github.com/forwardemail/free-email-forwarding/issues/219
        Rule::by(Proofpoint)
            .text(&["proofpoint.com/dnsbl-lookup"])
            .reason(Blocked),
    ],
};
