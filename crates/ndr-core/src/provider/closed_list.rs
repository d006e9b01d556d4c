//! Blocklists that have shut down. A receiver that still queries one rejects on answers
//! that mean nothing (a dead zone may even list everyone): only the receiver can fix it.

use super::{Rule, Table};
use crate::Party::ClosedList;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "closed_list",
    hosts: &[],
    // SORBS: decommissioned 2024-06-05 (https://github.com/mailcow/mailcow-dockerized/pull/5901);
    // NiX Spam: 2025-01-16 (https://github.com/matteocorti/check_rbl/issues/61);
    // madavi: 2025-03 (https://github.com/matteocorti/check_rbl/pull/63);
    // WPBL: reported dead 2025 (https://github.com/dmippolitov/pydnsbl/issues/48);
    // SpamCannibal, emailbasura (2019), VIRBL (2017), AHBL (2015), NJABL: check_rbl history.
    zones: &[
        "dnsbl.sorbs.net",
        "spam.dnsbl.sorbs.net",
        "new.spam.dnsbl.sorbs.net",
        "recent.spam.dnsbl.sorbs.net",
        "old.spam.dnsbl.sorbs.net",
        "escalations.dnsbl.sorbs.net",
        "dul.dnsbl.sorbs.net",
        "http.dnsbl.sorbs.net",
        "socks.dnsbl.sorbs.net",
        "misc.dnsbl.sorbs.net",
        "smtp.dnsbl.sorbs.net",
        "web.dnsbl.sorbs.net",
        "zombie.dnsbl.sorbs.net",
        "problems.dnsbl.sorbs.net",
        "proxies.dnsbl.sorbs.net",
        "relays.dnsbl.sorbs.net",
        "safe.dnsbl.sorbs.net",
        "block.dnsbl.sorbs.net",
        "noserver.dnsbl.sorbs.net",
        "rhsbl.sorbs.net",
        "badconf.rhsbl.sorbs.net",
        "nomail.rhsbl.sorbs.net",
        "ix.dnsbl.manitu.net",
        "dnsbl.madavi.de",
        "db.wpbl.info",
        "bl.spamcannibal.org",
        "bl.emailbasura.org",
        "virbl.bit.nl",
        "dnsbl.ahbl.org",
        "rhsbl.ahbl.org",
        "dnsbl.njabl.org",
        "combined.njabl.org",
    ],
    zone_party: Some(ClosedList),
    zone_names: &[],
    rules: &[
        // 521-5.7.1 Service unavailable; client [192.0.2.1] blocked using dnsbl.sorbs.net
        // Source: https://github.com/sisimai/set-of-emails (lhost-amazonses-16.eml)
        Rule::by(ClosedList).text(&["sorbs.net"]).reason(Blocked),
        // ... blocked using ix.dnsbl.manitu.net (NiX Spam)
        Rule::by(ClosedList).text(&["manitu.net"]).reason(Blocked),
        // ... blocked using dnsbl.madavi.de
        Rule::by(ClosedList).text(&["madavi.de"]).reason(Blocked),
        // ... blocked using db.wpbl.info
        Rule::by(ClosedList).text(&["wpbl.info"]).reason(Blocked),
        // ... blocked using dnsbl.ahbl.org (it answered "listed" for everything when it closed)
        Rule::by(ClosedList).text(&["ahbl.org"]).reason(Blocked),
        // ... blocked using bl.spamcannibal.org
        Rule::by(ClosedList)
            .text(&["spamcannibal.org"])
            .reason(Blocked),
        // ... blocked using bl.emailbasura.org
        Rule::by(ClosedList)
            .text(&["emailbasura.org"])
            .reason(Blocked),
        // ... blocked using virbl.bit.nl
        Rule::by(ClosedList).text(&["virbl.bit.nl"]).reason(Blocked),
        // ... blocked using dnsbl.njabl.org
        Rule::by(ClosedList).text(&["njabl.org"]).reason(Blocked),
    ],
};
