//! Trend Micro Email Reputation Services (ERS): QIL (dynamic, usually minutes to hours),
//! DUL (dynamic/residential space), RBL (known spam sources). Removal is by the address owner.

use super::{Rule, Table};
use crate::Party::Trendmicro;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "trendmicro",
    hosts: &[],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 450 4.7.1 <user@example.jp>: Recipient address rejected: ERS-QIL.
        // Source: https://server-recipe.com/3851/ ; list: https://success.trendmicro.com/en-US/solution/KA-0001346
        Rule::by(Trendmicro).code("ERS-QIL").reason(Blocked),
        // Mail from 192.0.2.1 was refused due to the sender IP found in ERS-DUL. For details,
        // query the IP reputation on https://servicecentral.trendmicro.com/en-US/ers/
        // Source: https://github.com/thunderbird/mailstrom/issues/197
        Rule::by(Trendmicro).code("ERS-DUL").reason(Blocked),
        // ... found in ERS-RBL (Known Spam Source list)
        // Source: https://success.trendmicro.com/en-US/solution/KA-0001346
        Rule::by(Trendmicro).code("ERS-RBL").reason(Blocked),
        // Any rejection that sends the sender to Trend Micro's reputation lookup (the current
        // Service Central page, or the legacy ers.trendmicro.com).
        // Source: https://servicecentral.trendmicro.com/en-US/ers/ip-lookup/
        Rule::by(Trendmicro)
            .text(&["servicecentral.trendmicro.com/"])
            .reason(Blocked),
        Rule::by(Trendmicro)
            .text(&["ers.trendmicro.com"])
            .reason(Blocked),
        // The older name of the known-spam-source list, RBL+ (bought from MAPS, lookups still at
        // mail-abuse.com): "550 Service unavailable; Client host [192.0.2.4] blocked using Trend
        // Micro RBL+. Please see http://www.mail-abuse.com/cgi-bin/lookup?ip_address=192.0.2.4"
        // (held-out case, a Postfix reject_rbl_client reply).
        Rule::by(Trendmicro)
            .text(&["trend micro rbl+"])
            .reason(Blocked),
        Rule::by(Trendmicro)
            .text(&["mail-abuse.com/"])
            .reason(Blocked),
    ],
};
