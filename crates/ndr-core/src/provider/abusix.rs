//! Abusix Mail Intelligence, queried by receivers with their own key in the zone name.

use super::{Rule, Table};
use crate::Party::Abusix;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "abusix",
    hosts: &[],
    // `<key>.combined.mail.abusix.zone`; the key is the receiver's and is never shown.
    // Source: https://docs.abusix.com/docs/guardian-mail/production-zones
    zones: &["combined.mail.abusix.zone", "mail.abusix.zone"],
    zone_party: Some(Abusix),
    zone_names: &[],
    rules: &[
        // 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using
        // combined.mail.abusix.zone; https://lookup.abusix.com/search?q=192.0.2.1
        Rule::by(Abusix).text(&["abusix"]).reason(Blocked),
    ],
};
