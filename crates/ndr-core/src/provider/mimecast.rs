//! Mimecast: the recipient's gateway policy. There is no public delisting; the recipient's
//! Mimecast administrator decides.

use super::{Rule, Table};
use crate::Party::Mimecast;
use crate::Reason::{PolicyViolation, SpamDetected};

// Mimecast's code list: https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754

pub(super) const TABLE: Table = Table {
    name: "mimecast",
    hosts: &[".mimecast.com"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 email rejected due to security policies - MCSpamSignature
        // Source: https://github.com/sisimai/set-of-emails (rhost-mimecast-02.eml)
        Rule::by(Mimecast)
            .code("MCSpamSignature")
            .reason(SpamDetected),
        // 554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554
        // A geographical or network restriction of the recipient's policy.
        // Source: https://github.com/sisimai/set-of-emails (rhost-mimecast-01.eml)
        Rule::by(Mimecast)
            .text(&["host network", "not allowed"])
            .reason(PolicyViolation),
        // 550 Rejected by header based Anti-Spoofing policy: the From address (or envelope
        // sender) uses one of the recipient's own domains, but the message came from outside;
        // the recipient's Mimecast administrator can make an exception, or the sender uses
        // another From address. The wording is Mimecast's own and names its policy.
        Rule::by(Mimecast)
            .text(&["anti-spoofing policy"])
            .reason(PolicyViolation),
        // Any other rejection that links to Mimecast's pages.
        Rule::by(Mimecast).text(&["mimecast.com/"]),
        // Mimecast's other refusals without a link, from one of its own servers ("host
        // eu-smtp-inbound-1.mimecast.com[...] said: ..."), in the list's words that do not name
        // a reason on their own: "550 Administrative prohibition" (the recipient's policy) and
        // "451 Internal resource temporarily unavailable" (its greylisting).
        Rule::by(Mimecast)
            .at_host()
            .text(&["administrative prohibition"]),
        Rule::by(Mimecast)
            .at_host()
            .text(&["internal resource temporarily unavailable"]),
    ],
};
