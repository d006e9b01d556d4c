//! SoftBank (softbank.ne.jp, i.softbank.jp). "Invalid recipient" after the message data is
//! usually the recipient's reception filter.

use super::{Rule, Table};
use crate::Party::Softbank;
use crate::Reason::{Filtered, Undefined, UserUnknown};

pub(super) const TABLE: Table = Table {
    name: "softbank",
    hosts: &["softbank.ne.jp", ".softbank.ne.jp", ".softbank.jp"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 Invalid recipient: <user@i.softbank.jp> (in reply to end of DATA command)
        // "Invalid recipient" means an unknown address or the recipient's filter; after the
        // message data the address was accepted, so it is the filter. "User unknown" in reply
        // to the end of the data reads the same way (reviewer case, general wording; the
        // reply must say "end of data", as au's rule explains).
        // Source: https://note.com/sendmagic/n/n5afbf98aeb25 (knowledge file, section 3.12)
        Rule::by(Softbank)
            .at_host()
            .after_data()
            .text(&["invalid recipient"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
        Rule::by(Softbank)
            .at_host()
            .text(&["user unknown", "end of data"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
        Rule::by(Softbank)
            .at_host()
            .text(&["end of data", "user unknown"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
    ],
};
