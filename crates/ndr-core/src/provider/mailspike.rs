//! Mailspike reputation lists (bl, z, rep).

use super::{Rule, Table};
use crate::Party::Mailspike;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "mailspike",
    hosts: &[],
    // Source: https://github.com/rspamd/rspamd/blob/master/conf/modules.d/rbl.conf
    zones: &["bl.mailspike.net", "z.mailspike.net", "rep.mailspike.net"],
    zone_party: Some(Mailspike),
    zone_names: &[],
    rules: &[
        // 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.mailspike.net
        Rule::by(Mailspike).text(&["mailspike"]).reason(Blocked),
    ],
};
