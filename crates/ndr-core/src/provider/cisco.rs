//! Cisco Secure Email (IronPort) gateways judging by Talos (formerly SenderBase) reputation.

use super::{Rule, Table};
use crate::Party::Cisco;
use crate::Reason::Blocked;

// Reputation levels: https://support.talosintelligence.com/docs/email-reputation

pub(super) const TABLE: Table = Table {
    name: "cisco",
    hosts: &[".iphmx.com"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 As a measure to protect our email infrastructure, this connection is being
        // blocked. More information on your sending IP address can be found here:
        // http://www.senderbase.org/search?searchBy=ipaddress&searchString=192.0.2.1
        // Source: https://github.com/Mailu/Mailu/issues/1458
        Rule::by(Cisco).text(&["senderbase.org"]).reason(Blocked),
        // ... https://talosintelligence.com/reputation_center/lookup?search=192.0.2.1
        // Source: https://talosintelligence.com/support
        Rule::by(Cisco)
            .text(&["talosintelligence.com"])
            .reason(Blocked),
    ],
};
