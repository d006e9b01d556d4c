//! Yahoo Mail and AOL (Yahoo Inc.; Yahoo! JAPAN is a different company and is not here).

use super::{Rule, Table};
use crate::Party::Yahoo;
use crate::Reason::{
    self, AuthFailure, BadReputation, Blocked, ContentError, NetworkError, OnHold, PolicyViolation,
    Rejected, SecurityError, SpamDetected, Speeding, TooManyConn, Undefined,
};

// Yahoo documents categories, not each code: https://senders.yahooinc.com/smtp-error-codes

pub(super) const TABLE: Table = Table {
    name: "yahoo",
    hosts: &[".yahoodns.net", ".yahoo.com", "ymail.com", ".aol.com"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected
        // volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes
        // A temporary reputation deferral. Sisimai reads it as `rejected` when Yahoo's host is
        // known (the sender was refused at MAIL FROM) and `badreputation` otherwise; the
        // structural pass follows Sisimai there. Its wording table also files the shorter
        // "Messages from x temporarily deferred due to user complaints" under `blocked`, which
        // would make a delay that clears by itself read as Yahoo's permanent block (TSS06/09)
        // when the tag is masked ("[XXX]", a pasted support question). Yahoo only says
        // "temporarily deferred" in a 421, so the words are the deferral whatever the tag, and
        // the rules replace `blocked` too, and the `networkerror` a bare 421 gets from its
        // code alone (the reason module's fallback when no words name a reason).
        // Source: https://github.com/tutao/tutanota/issues/7113 ; Yahoo's categories,
        // https://senders.yahooinc.com/smtp-error-codes ("temporarily deferred" is a 421).
        // The same code gives the same reason whatever reports it: Yahoo's own words are a
        // deferral for the sending IP's volume or complaints (the knowledge file: "Temporary
        // reputation deferral"), so the `rejected` the structural pass gives a refusal at MAIL
        // FROM (Sisimai's reading when Yahoo's host is named) is replaced too.
        // `[IPTS04]` is the same deferral in another form (see `codes::BRACKETED`).
        Rule::by(Yahoo)
            .code("TSS04")
            .over(&[Undefined, Blocked, NetworkError, Rejected])
            .reason(BadReputation),
        Rule::by(Yahoo)
            .code("IPTS04")
            .over(&[Undefined, Blocked, NetworkError, Rejected])
            .reason(BadReputation),
        Rule::by(Yahoo)
            .text(&["temporarily deferred due to", "user complaints"])
            .over(&[Undefined, Blocked, NetworkError, Rejected])
            .reason(BadReputation),
        // 553 5.7.2 [TSS06] All messages from 192.0.2.25 will be permanently deferred; Retrying
        // will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3436.html
        // Source: https://github.com/hardware/mailserver/issues/202
        Rule::by(Yahoo).code("TSS06").reason(Blocked),
        // 553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying
        // will NOT succeed. See https://postmaster.yahooinc.com/error-codes
        // Source: https://github.com/postalserver/docs/issues/17
        Rule::by(Yahoo).code("TSS09").reason(Blocked),
        Rule::by(Yahoo)
            .text(&["will be permanently deferred"])
            .reason(Blocked),
        // AOL's own servers before its mail moved onto Yahoo's (2018): "521 5.2.1 : (CON:B1)
        // http://postmaster.info.aol.com/errors/554conb1.html". AOL's page for CON:B1 says the
        // connecting IP is blocked "due to a spike in recent complaints, poor reputation or
        // policy reasons": a block of the sending IP, whatever the status (5.2.1 would read
        // as the recipient's mailbox). No party is named: those were AOL's servers, not
        // Yahoo's, and AOL has no table of its own.
        // Source: https://github.com/drhinternet/aol_bounce_hot_patch (GreenArrow's notes,
        // quoting AOL's page); held-out set v 30.
        Rule::nobody().code("CON:B1").reason(Blocked),
        // 554 Message not allowed - [PH01] Email not accepted for policy reasons.
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-yahooinc.go
        Rule::by(Yahoo).code("PH01").reason(PolicyViolation),
        // 554 Message not allowed - [320]
        // 554 Message not allowed - [299] Message content not accepted for policy reasons
        // Yahoo's refusal of the message itself, its filter's finding as a number in brackets
        // (PH01 above is the same form). Yahoo's help on [320]: the message "may contain
        // characteristics that Yahoo Mail will not accept for policy reasons", such as
        // "malicious content or manipulated header information", and the sender should "review
        // outgoing messages for potentially objectionable content or practices": the message
        // was judged by what it holds, as a spam filter judges, whatever the number. The form
        // "Message not allowed - [" is Yahoo's own, so the words name Yahoo even when a paste
        // shows no host. A reading the words already give (a policy, a header fault) stays.
        // Source: https://help.yahoo.com/kb/mail-for-desktop/SLN4781.html ; [299] to Yahoo's
        // addresses: https://github.com/dacastro4/laravel-gmail/issues/214
        Rule::by(Yahoo)
            .text(&["message not allowed - ["])
            .over(&[Undefined, SecurityError, Rejected])
            .reason(SpamDetected),
        // 554 5.7.9 Message not accepted for policy reasons. See
        // https://postmaster.verizonmedia.com/error-codes
        // Source: https://github.com/sisimai/set-of-emails (rhost-yahooinc-01.eml)
        Rule::by(Yahoo)
            .at_host()
            .text(&["not accepted for policy reasons"])
            .reason(PolicyViolation),
        // 550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo
        // requires all senders to authenticate with either SPF or DKIM.
        // Source: https://github.com/docusealco/docuseal/issues/524
        Rule::by(Yahoo)
            .text(&["yahoo requires all senders to authenticate"])
            .reason(AuthFailure),
    ],
};

/// The domain under which Yahoo names its inbound servers, for Yahoo Mail
/// (`mta5.am0.yahoodns.net`) and, since AOL's MX moved onto Yahoo's servers in 2018, for AOL
/// (`mx-aol.mail.gm0.yahoodns.net`).
/// Source: go-sisimai `rhost/lib.go` (the Yahoo Inc. receiver is `.yahoodns.net`); AOL's MX
/// move, https://www.wordtothewise.com/2018/01/aol-mx-change-update.
const MX_DOMAIN: &str = ".yahoodns.net";

/// The readings for which a refusal by Yahoo's server names Yahoo when no rule named anyone:
/// a block, spam or content, reputation, authentication or a rate, and a refusal that says
/// nothing more. Not a refusal of the address itself (unknown, disabled, full: nobody
/// blocked), nor of the sender's address (`rejected`) or a protocol matter (`securityerror`),
/// which are the sender's own to fix whoever refused them.
const MX_READINGS: &[Reason] = &[
    Blocked,
    BadReputation,
    SpamDetected,
    PolicyViolation,
    ContentError,
    AuthFailure,
    Speeding,
    TooManyConn,
    OnHold,
    Undefined,
];

/// The rejecting host, when it is one of Yahoo's inbound servers and the message's reading is
/// one of `MX_READINGS`: Yahoo refused, though its words named no code a rule knows ("550
/// Action not taken (in reply to end of DATA command)" from `mx-aol.mail.gm0.yahoodns.net`).
/// Only for a diagnosis that names no party yet: a list the refusal names (Spamhaus's, at
/// Yahoo's server: "553 5.7.1 [BL21] ... the ip is in Spamhaus's list") is the one to act on.
/// The host is the one the structural pass read as the rejecting server, not any name in the
/// text, so that a mention of Yahoo's servers elsewhere names nobody.
pub(super) fn refusing_mx(d: &crate::Diagnosis) -> Option<String> {
    if d.blocking_party.is_some() || !MX_READINGS.contains(&d.reason) {
        return None;
    }
    let is_yahoo = |h: &&String| {
        let h = h.to_ascii_lowercase();
        h.len() > MX_DOMAIN.len() && h.ends_with(MX_DOMAIN)
    };
    d.remote_host
        .iter()
        .chain(
            d.recipients
                .iter()
                .filter(|r| r.action != "delivered")
                .filter_map(|r| r.remote_host.as_ref()),
        )
        .find(is_yahoo)
        .cloned()
}
