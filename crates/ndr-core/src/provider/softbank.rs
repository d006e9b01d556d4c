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
        // Source: https://note.com/sendmagic/n/n5afbf98aeb25
        Rule::by(Softbank)
            .at_host()
            .after_data()
            .text(&["invalid recipient"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
    ],
};
