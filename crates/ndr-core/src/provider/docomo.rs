//! NTT docomo (docomo.ne.jp). A refusal after the message data is usually the recipient's
//! own reception filter (指定受信 / 受信拒否), which only the recipient can change.

use super::{Rule, Table};
use crate::Party::Docomo;
use crate::Reason::{Filtered, Undefined, UserUnknown};

pub(super) const TABLE: Table = Table {
    name: "docomo",
    hosts: &["docomo.ne.jp", ".docomo.ne.jp"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // >>> DATA
        // <<< 550 Unknown user user@docomo.ne.jp
        // At RCPT the address does not exist; after the data it is the recipient's filter.
        // Sisimai reads the refusal after the data as `filtered` or `rejected`; either is kept,
        // only a reading as a missing address is replaced.
        // Source: https://note.com/sendmagic/n/neb6bbe7e51cf
        Rule::by(Docomo)
            .at_host()
            .after_data()
            .text(&["unknown user"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
        // The same reply in a report whose step is not known: docomo's server writes status
        // 5.2.0 for its reception filter (Sisimai's NTTDOCOMO rhost: "5.2.0" at
        // mfsmax.docomo.ne.jp is `filtered`, its test mail rhost-nttdocomo-01), 5.1.1 or
        // 5.0.0 for a missing address.
        // Source: https://github.com/sisimai/rb-sisimai/blob/5-stable/lib/sisimai/rhost/nttdocomo.rb
        Rule::by(Docomo)
            .at_host()
            .status("5.2.0")
            .text(&["unknown user"])
            .over(&[UserUnknown, Undefined, Filtered])
            .reason(Filtered),
    ],
};
