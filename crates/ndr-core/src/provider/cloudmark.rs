//! Cloudmark sender reputation, used by Orange and other ISPs; reset by request.

use super::{Rule, Table};
use crate::Party::Cloudmark;
use crate::Reason::Blocked;

pub(super) const TABLE: Table = Table {
    name: "cloudmark",
    hosts: &[],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host
        // blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]
        // Source: https://github.com/ActiveCampaign/smtp-field-manual/pull/60
        Rule::by(Cloudmark).code("OFR006").reason(Blocked),
        Rule::by(Cloudmark)
            .text(&["csi.cloudmark.com"])
            .reason(Blocked),
    ],
};
