//! AT&T's consumer mail (att.net, sbcglobal.net, bellsouth.net and its other legacy domains,
//! received by `*.prodigy.net`). Its refusals name its own list and say where to write:
//! "553 5.3.0 alph737 DNSBL:RBL 521< 192.0.2.55 >_is_blocked.For assistance forward this error
//! to abuse_rbl@abuse-att.net" (older: "DNSBL:ATTRBL 521< ... >_is_blocked.For assistance
//! forward this email to abuse_rbl@abuse-att.net").

use super::{Rule, Table};
use crate::Party::Att;

// AT&T's own table of its refusals (old AT&T WorldNet pages, undated):
// http://worldnet.att.net/general-info/bls_info/block_enduser.html and
// http://rbl.att.net/block_enduser.html ("521 <0.0.0.0> is blocked: The sending system has been
// identified as a source of spam"). The address to write to is the refusal's own.

pub(super) const TABLE: Table = Table {
    name: "att",
    hosts: &[
        ".prodigy.net",
        "att.net",
        "sbcglobal.net",
        "bellsouth.net",
        "pacbell.net",
        "swbell.net",
        "ameritech.net",
        "flash.net",
        "nvbell.net",
        "wans.net",
        "snet.net",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 553 5.3.0 alph737 DNSBL:RBL 521< 192.0.2.55 >_is_blocked.For assistance forward this
        // error to abuse_rbl@abuse-att.net
        // The address the refusal asks to write to is AT&T's block-list desk.
        // Source: the refusal's own words; http://rbl.att.net/block_enduser.html ("521 <> is
        // blocked ... identified as a source of spam")
        Rule::by(Att).text(&["abuse_rbl@abuse-att.net"]),
        // The same refusal with its address cut off: AT&T's own list names.
        Rule::by(Att).text(&["dnsbl:attrbl"]),
        Rule::by(Att).at_host().text(&["dnsbl:rbl", "_is_blocked"]),
    ],
};
