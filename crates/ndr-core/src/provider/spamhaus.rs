//! Spamhaus (ZEN, SBL, CSS, XBL, PBL, DBL), as cited by receivers and by the filters of
//! Microsoft and Yahoo, and the receiver-side errors that only look like a listing.

use super::{Rule, Table, NOTE_RESOLVER_REFUSED};
use crate::Party::{RecipientOrg, Spamhaus};
use crate::Reason::Blocked;

/// Spamhaus refusing to answer the *receiver's* resolver. Nothing about the sender is known:
/// the receiver's administrator has to change resolver or use Spamhaus's query service.
pub(super) const RECEIVER_TRAPS: Table = Table {
    name: "spamhaus",
    hosts: &[],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org;
        // Error: open resolver; https://check.spamhaus.org/returnc/pub/198.51.100.53/
        // Source: https://github.com/simple-login/app/issues/2675 (and rsyslog/rsyslog#5584);
        // return codes: https://www.spamhaus.org/news/article/788/spamhaus-dnsbl-return-codes-technical-update
        //
        // The reason is `blocked` whatever the code said (5.7.1's `securityerror`, or `onhold`
        // for a reply with only these words): the receiver refused the mail on a blocklist
        // check, and the advice for the note (the receiver's own DNS is at fault) is the
        // Spamhaus advice, under the blocked headline.
        Rule::by(RecipientOrg)
            .text(&["spamhaus", "open resolver"])
            .reason(Blocked)
            .note(NOTE_RESOLVER_REFUSED),
        // ... blocked using sbl.spamhaus.org; https://www.spamhaus.org/returnc/vol/198.51.100.53
        // (`pub` for a public resolver, `vol` for too many queries from one resolver)
        // Source: https://github.com/rspamd/rspamd/issues/3074
        Rule::by(RecipientOrg)
            .text(&["spamhaus.org/returnc/"])
            .reason(Blocked)
            .note(NOTE_RESOLVER_REFUSED),
        // ... listed in zen.spamhaus.org (127.255.255.254): the 127.255.255.x answers are
        // errors (public resolver, volume, zone typo), never listings.
        // Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
        Rule::by(RecipientOrg)
            .text(&["spamhaus", "127.255.255.25"])
            .reason(Blocked)
            .note(NOTE_RESOLVER_REFUSED),
    ],
};

/// Spamhaus's older zones that merge lists: "sbl-xbl.spamhaus.org" answers for the SBL (spam
/// sources) and the XBL (infected machines) together, so a refusal that cites it does not say
/// which of the two lists the address. (zen.spamhaus.org, the current merged zone, is
/// explained by its own advice.)
/// Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
pub(super) const COMBINED_ZONES: &[&str] = &["sbl-xbl.spamhaus.org"];

pub(super) const TABLE: Table = Table {
    name: "spamhaus",
    hosts: &[],
    // Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
    // (the `dq.spamhaus.net` names are the keyed Data Query Service; CBL data became the XBL).
    zones: &[
        "zen.spamhaus.org",
        "sbl.spamhaus.org",
        "xbl.spamhaus.org",
        "pbl.spamhaus.org",
        "sbl-xbl.spamhaus.org",
        "dbl.spamhaus.org",
        "zen.dq.spamhaus.net",
        "sbl.dq.spamhaus.net",
        "xbl.dq.spamhaus.net",
        "pbl.dq.spamhaus.net",
        "dbl.dq.spamhaus.net",
        "zrd.dq.spamhaus.net",
        "authbl.dq.spamhaus.net",
        "cbl.abuseat.org",
    ],
    zone_party: Some(Spamhaus),
    // Lists named by Spamhaus's own names ("listing in Spamhaus SBL", "Spamhaus XBL").
    zone_names: &[
        ("spamhaus sbl", "sbl.spamhaus.org"),
        ("spamhaus xbl", "xbl.spamhaus.org"),
        ("spamhaus pbl", "pbl.spamhaus.org"),
        ("spamhaus dbl", "dbl.spamhaus.org"),
        ("spamhaus zen", "zen.spamhaus.org"),
    ],
    rules: &[
        // 550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To
        // request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS3130)
        // Microsoft's filter uses Spamhaus data; removal happens at Spamhaus.
        // Source: https://faq01-fb.fujifilm.com/faq/show/101516
        Rule::by(Spamhaus).code("AS(3130)").reason(Blocked),
        // The same with `AS(1440)`.
        // Source: https://github.com/kakshay21/verify_email/issues/44
        Rule::by(Spamhaus).code("AS(1440)").reason(Blocked),
        // The same with `AS(1450)`.
        // Source: https://faq01-fb.fujifilm.com/faq/show/101516
        Rule::by(Spamhaus).code("AS(1450)").reason(Blocked),
        // 550 OU-001 ... Outlook.com's policy rejection whose removal requests go to Spamhaus.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(Spamhaus).code("OU-001").reason(Blocked),
        // 550 DY-001 (BAY0-MC1-F3) Unfortunately, messages from 192.0.2.1 weren't sent. ...
        // Hotmail does not relay dynamically-assigned IP ranges
        // Dynamic space, judged with Spamhaus (PBL) data.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(Spamhaus).code("DY-001").reason(Blocked),
        // 553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.25, because the ip is
        // in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html
        // Source: https://github.com/ActiveCampaign/smtp-field-manual/pull/64
        Rule::by(Spamhaus).code("BL21").reason(Blocked),
        // 553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see
        // http://postmaster.yahoo.com/errors/550-bl23.html [550]
        // Source: https://github.com/ActiveCampaign/smtp-field-manual/pull/64
        Rule::by(Spamhaus).code("BL23").reason(Blocked),
        // 553 5.7.1 [TSS07] ... Yahoo's code for a Spamhaus listing.
        // Source: https://github.com/chenjj/espoofer/issues/15
        Rule::by(Spamhaus).code("TSS07").reason(Blocked),
        // 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using xbl.spamhaus.org
        // Source: https://php-factory.net/cms/detail.php?id=4
        Rule::by(Spamhaus)
            .text(&["blocked using", "spamhaus"])
            .reason(Blocked),
        // The current lookup site (before the older `www.spamhaus.org/query/` links):
        // Listed by XBL, see https://check.spamhaus.org/query/ip/192.0.2.1
        // Source: https://check.spamhaus.org/ (TXT format in the knowledge file, section 2.1)
        Rule::by(Spamhaus)
            .text(&["check.spamhaus.org/"])
            .reason(Blocked),
        // ... see https://www.spamhaus.org/query/ip/192.0.2.1 (or /query/bl?ip=)
        // Source: https://github.com/reacherhq/check-if-email-exists/issues/1110
        Rule::by(Spamhaus)
            .text(&["spamhaus.org/query/"])
            .reason(Blocked),
        // ... blocked by RBL; https://www.spamhaus.org/sbl/query/SBLCSS
        // Source: https://github.com/reacherhq/check-if-email-exists/issues/1110
        Rule::by(Spamhaus)
            .text(&["spamhaus.org/sbl/query/"])
            .reason(Blocked),
        // 550 5.7.1 Mail from IP 192.0.2.1 was rejected due to listing in Spamhaus SBL.
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-apple.go;
        // Yahoo's category "Your IP is listed by Spamhaus": https://senders.yahooinc.com/smtp-error-codes
        Rule::by(Spamhaus)
            .text(&["list", "spamhaus"])
            .reason(Blocked),
        // 550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus DBL
        // -- see https://www.spamhaus.org/dbl/ (a domain in the message is listed, not the IP)
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-apple.go
        Rule::by(Spamhaus).text(&["spamhaus dbl"]).reason(Blocked),
        // ... your sender's IP address is listed at cbl.abuseat.org (the CBL, now part of the XBL)
        // Source: https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html
        Rule::by(Spamhaus).text(&["abuseat.org"]).reason(Blocked),
    ],
};
