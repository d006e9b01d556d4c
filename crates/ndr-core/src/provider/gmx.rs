//! United Internet's mail brands: GMX, WEB.DE and 1&1 / IONOS. One postmaster team; every
//! refusal is multi-line and ends in a link to a page about its case ("554 For explanation
//! visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=..."), whose `c=`
//! `codes::case_linked` keeps as the provider code.

use super::{Rule, Table};
use crate::Party::Gmx;
use crate::Reason::Blocked;

// GMX's page on its error messages: https://postmaster.gmx.com/en/error-messages ("our servers
// always issue a detailed error message ... the error message contains a specific URL that
// links to a separate postmaster page for the error"; its example: "554-gmx.net (mxgmx104)
// Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed. 554
// For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=198.51.100.42&r=...").
// WEB.DE's: https://postmaster.web.de/de/fehlermeldungen.

pub(super) const TABLE: Table = Table {
    name: "gmx",
    hosts: &[
        ".gmx.net",
        ".gmx.de",
        ".gmx.com",
        "gmx.net",
        "gmx.de",
        "gmx.at",
        "gmx.ch",
        "gmx.com",
        ".web.de",
        "web.de",
        ".kundenserver.de",
        ".1and1.com",
        ".ionos.com",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554-gmx.net (mxgmx104) Nemesis ESMTP Service not available 554-No SMTP service
        // 554-IP address is block listed. 554 For explanation visit https://postmaster.gmx.net/...
        // The address is on a block list, whatever the rest of the notice says (from their own
        // servers: other systems may copy the wording).
        // Source: https://postmaster.gmx.com/en/error-messages (its example)
        Rule::by(Gmx)
            .at_host()
            .text(&["ip address is block listed", "for explanation visit"])
            .reason(Blocked),
        // 554 For explanation visit https://postmaster.gmx.net/de/case?c=r0301&i=ip&v=...
        // 554 For explanation visit https://postmaster.web.de/error-messages?ip=...&c=hi
        // 550 For explanation visit https://postmaster.1und1.de/en/case?c=r0602&i=ip&v=...
        // 550 For explanation visit http://postmaster.1and1.com/en/error-messages?ip=...&c=poli
        // The explanation link of the refusal names its postmaster site.
        // Source: https://postmaster.gmx.com/en/error-messages (the link's structure)
        Rule::by(Gmx).text(&["for explanation visit", "postmaster.gmx."]),
        Rule::by(Gmx).text(&["for explanation visit", "postmaster.web.de/"]),
        Rule::by(Gmx).text(&["for explanation visit", "postmaster.1und1."]),
        Rule::by(Gmx).text(&["for explanation visit", "postmaster.1and1."]),
        // The older link of the same replies: "554-Transaction failed 554-Reject due to policy
        // restrictions. 554 For explanation visit https://web.de/email/senderguidelines?ip=...&c=hi"
        // (and www.gmx.net/mail/senderguidelines).
        // Source: https://postmaster.web.de/de/fehlermeldungen (the same case texts)
        Rule::by(Gmx).text(&["for explanation visit", "web.de/email/senderguidelines"]),
        Rule::by(Gmx).text(&["for explanation visit", "gmx.net/mail/senderguidelines"]),
        // "554-kundenserver.de (mxeue110) Nemesis ESMTP Service not available 554-No SMTP
        // service 554-Bad DNS PTR resource record." from one of their own servers, with the
        // explanation link lost: the greeting names their mail system, Nemesis (GMX's example
        // above).
        Rule::by(Gmx)
            .at_host()
            .text(&["nemesis esmtp service not available"]),
    ],
};
