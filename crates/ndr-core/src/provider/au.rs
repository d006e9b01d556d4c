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
        // 550 <user@au.com>: User unknown (in reply to end of DATA command)
        // The same words in reply to the end of the message data: the address was accepted
        // at RCPT, so it is the recipient's reception filter refusing this sender, as docomo's
        // "Unknown user" after the data is. The reply must say "end of data" (Postfix after
        // the words, Exim before them): Sendmail writes a pipelined RCPT refusal under
        // ">>> DATA" too, and Sisimai reads those as userunknown (its rhost-kddi-02). At
        // RCPT, or when no step is known, the reason stays what the words say.
        // Source: https://note.com/sendmagic/n/n875d8dcb6cb8 (knowledge file, section 3.12)
        Rule::by(Au)
            .at_host()
            .text(&["user unknown", "end of data"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
        Rule::by(Au)
            .at_host()
            .text(&["end of data", "user unknown"])
            .over(&[UserUnknown, Undefined])
            .reason(Filtered),
    ],
};
