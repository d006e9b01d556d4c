//! au / KDDI (au.com, ezweb.ne.jp). "User unknown" covers both a missing address and the
//! recipient's filter; the filter's reply leaves the address out.

use super::{Rule, Table};
use crate::Party::Au;
use crate::Reason::{Filtered, Undefined, UserUnknown};

pub(super) const TABLE: Table = Table {
    name: "au",
    hosts: &["au.com", ".au.com", "ezweb.ne.jp", ".ezweb.ne.jp"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 : User unknown (in reply to end of DATA command)
        // An unknown address is answered `550 <user@ezweb.ne.jp>: User unknown` at RCPT; the
        // reception filter answers with no address, after the data.
        // Source: https://note.com/sendmagic/n/n875d8dcb6cb8
        Rule::by(Au)
            .at_host()
            .text(&["550 : user unknown"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
    ],
};
