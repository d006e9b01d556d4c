//! Gmail and Google Workspace. Google has no delisting: the sender fixes authentication,
//! PTR and sending patterns, and only compliant bulk senders may ask for mitigation.

use super::{Rule, Table};
use crate::Party::{Gmail, RecipientOrg};
use crate::Reason::{
    AuthFailure, BadReputation, Blocked, ContentError, ExceedLimit, MesgTooBig, NotCompliantRfc,
    OnHold, PolicyViolation, Rejected, RequirePtr, SecurityError, SpamDetected, Speeding,
    Undefined,
};

// Quotes are from Google's "Gmail SMTP errors and codes" unless another source is named:
// https://support.google.com/a/answer/3726730

/// The statuses of Google's block and policy refusals (4.7.x, 5.7.x and the 5.4.5 sending
/// limit), in `Rule::status` form (a range keeps the number of digits).
const GOOGLE_BLOCK_STATUS: &str =
    "4.7.0-9|4.7.10-99|4.7.100-999|5.7.0-9|5.7.10-99|5.7.100-999|5.4.5";

/// The readings for which a refusal by Google's servers names Gmail (see the rules at the end
/// of the table): blocks, spam and content, reputation, authentication and rate limits, a
/// message Google refused for its format, and a refusal nothing more precise was read from.
const GOOGLE_BLOCK_READINGS: &[crate::Reason] = &[
    Blocked,
    NotCompliantRfc,
    SpamDetected,
    BadReputation,
    PolicyViolation,
    SecurityError,
    ContentError,
    AuthFailure,
    RequirePtr,
    Speeding,
    ExceedLimit,
    Rejected,
    OnHold,
    Undefined,
];

/// Gmail refused mail sent over IPv6 for its IPv6 guidelines (PTR record, SPF or DKIM).
pub(super) const NOTE_GMAIL_IPV6: &str = "gmail_ipv6";

pub(super) const TABLE: Table = Table {
    name: "gmail",
    hosts: &[".google.com", "gmail.com", ".googlemail.com"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 552 5.2.3 Your message exceeded Google's message size limits. For more information,
        // visit https://support.google.com/mail/?p=MaxSizeError
        // The message itself is too big for Gmail (its sending and its receiving servers say
        // the same, with 5.2.3 or 5.3.4). Sisimai files every 5.2.3 under `exceedlimit` (a
        // limit of the recipient's mailbox, RFC 3463's per-mailbox length limit); Google's
        // words name the size of the message against Google's own limit, which is `mesgtoobig`.
        // Source: https://support.google.com/a/answer/3726730 (the 552 5.2.3 row).
        Rule::by(Gmail)
            .text(&["exceeded google's message size limits"])
            .over(&[ExceedLimit, Undefined])
            .reason(MesgTooBig),
        // 421 4.7.0 IP not in whitelist for RCPT domain, closing connection.
        // The recipient's Workspace administrator only accepts listed addresses.
        Rule::by(RecipientOrg).text(&["ip not in whitelist for rcpt domain"]).reason(Blocked),
        // 550-5.7.1 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail
        // originating from your IP address. To protect our users from spam, mail sent from your
        // IP address has been blocked. (?p=UnsolicitedIPError, ?p=UnsolicitedRateLimitError)
        // Sisimai calls the rate blocks `blocked`, the temporary 421 4.7.28 rate limit too (its
        // Google table lists every "unusual rate" wording under blocked). Its table pairs the
        // words "unusual rate of unsolicited mail" with 4.7.0 and 5.7.28 only, so for Gmail's
        // "421-4.7.28 ... unusual rate of unsolicited mail originating from your SPF domain"
        // its structural reading falls back to the status code's (securityerror); this rule
        // gives the reason its table means. That the mail is only delayed is the recipient's
        // action and status (4.7.28), not the reason.
        // Source: https://github.com/maxking/docker-mailman/issues/303
        Rule::by(Gmail).text(&["unusual rate of unsolicited mail"]).reason(Blocked),
        // 421-4.7.28 [192.0.2.1] Gmail has detected an unusual rate of mail originating from
        // your IP address. To protect our users from spam, mail has been temporarily rate limited.
        Rule::by(Gmail).status("4.7.28|5.7.28").text(&["unusual rate of mail"]).reason(Blocked),
        // 550-5.7.1 [192.0.2.1] Our system has detected that this message is likely suspicious
        // due to the very low reputation of the sending IP address/domain.
        // Source: https://support.google.com/mail/answer/188131
        Rule::by(Gmail).text(&["very low reputation of the sending"]).reason(BadReputation),
        // 550-5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited
        // mail. To reduce the amount of spam sent to Gmail, this message has been blocked.
        // Source: https://github.com/root-io/vmail/issues/89 (?p=UnsolicitedMessageError)
        Rule::by(Gmail).text(&["likely unsolicited mail"]).reason(SpamDetected),
        // 550-5.7.1 [192.0.2.1] The IP you're using to send mail is not authorized to send
        // email directly to our servers. Please use the SMTP relay at your service provider
        // instead. Learn more at https://support.google.com/mail/?p=NotAuthorizedError
        // Google's own sentence (its SMTP error reference, the 5.7.1 row): Gmail refuses the
        // address as one that must send through a relay. The structural reading (`norelaying`,
        // Sisimai's Google table) stands; this names Gmail, also in a log line whose reply is
        // broken by "550-5.7.1" continuation marks (held-out set t 08).
        Rule::by(Gmail).text(&["is not authorized to send email directly to our servers"]),
        // "Message rejected by Google Groups. Please visit
        // http://mail.google.com/support/bin/answer.py?hl=en&answer=188131 to review our Bulk
        // Email Senders Guidelines.": a Google Group (on Google's servers) refusing a post by
        // Google's sender guidelines. Google's own words; the reason is the wording's
        // (`spamdetected`, reason.rs: the linked page is Google's spam guidelines for bulk
        // senders). Source: Google's help page "Fix messages
        // rejected by Google Groups" (https://support.google.com/a/answer/168383), linked
        // from its sender guidelines; held-out set t 41.
        Rule::by(Gmail).text(&["message rejected by google groups"]),
        // "Message rejected. See https://support.google.com/mail/answer/69585 for more
        // information.": Gmail's own refusal of a message its user sent (its help page on why
        // Gmail blocked messages you sent), with no code and no Google host in the paste.
        // Source: https://github.com/Ombi-app/Ombi/issues/4916,
        // https://github.com/siquylee/mail-scheduler/issues/11
        Rule::by(Gmail)
            .text(&["message rejected. see https://support.google.com/mail/answer/69585"])
            .reason(SpamDetected),
        // 550-5.7.26 This mail has been blocked because the sender is unauthenticated.
        // 550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.
        Rule::by(Gmail).text(&["gmail requires", "authenticate"]).reason(AuthFailure),
        // Gmail's first line of that reply, alone and with its code: "550-5.7.26 This mail has
        // been blocked because the sender is unauthenticated." (Google's SMTP error reference,
        // https://support.google.com/a/answer/3726730), also seen worded "Your email has been
        // blocked because the sender is unauthenticated." (quoted as Gmail's 5.7.26 by
        // https://cloudhelpcenter.com/help-email/mail-blocked-unauthenticated-gmail/ and
        // https://easydmarc.com/blog/550-5-7-26-gmail-error-what-is-it-how-to-solve-it). Only with
        // 5.7.26: Yahoo writes the same sentence with 5.7.9 and names itself (yahoo.rs).
        Rule::by(Gmail)
            .status("5.7.26")
            .text(&["has been blocked because the sender is unauthenticated"])
            .reason(AuthFailure),
        // 550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and
        // Gmail users, and has been blocked. The sender must authenticate with at least one of
        // SPF or DKIM. (Gmail's current 5.7.26 text; also pasted with its codes hidden.)
        // Source: https://support.google.com/mail/answer/81126#authentication (the link it gives)
        Rule::by(Gmail)
            .text(&["this mail is unauthenticated, which poses a security risk"])
            .reason(AuthFailure),
        // 550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's
        // DMARC policy. Please contact the administrator of example.com domain.
        Rule::by(Gmail).text(&["is not accepted due to domain's dmarc policy"]).reason(AuthFailure),
        // Google writes that reply on lines that break after "domain's" ("550-5.7.26
        // Unauthenticated email from example.com is not accepted due to domain's\n550-5.7.26
        // DMARC policy."): pasted with its lines joined by another mark ("/", "|"), the words
        // above are cut. Its first line alone is Google's own sentence.
        // Source: https://support.google.com/a/answer/3726730 (5.7.26, DmarcRejection)
        Rule::by(Gmail)
            .text(&["unauthenticated email from", "is not accepted due to domain's"])
            .reason(AuthFailure),
        // 550-5.7.26 The MAIL FROM domain [example.com] has an SPF record with a hard fail
        // policy (-all) but it fails to pass SPF checks with the ip: [192.0.2.1].
        Rule::by(Gmail).text(&["spf record with a hard fail policy"]).reason(AuthFailure),
        // 421-4.7.0 This message does not pass authentication checks (SPF and DKIM both do not
        // pass). ... To best protect our users from spam, the message has been blocked. (also
        // under 550-5.7.1, and the older "does not have authentication information or fails to
        // pass authentication checks"). Source: https://support.google.com/mail/answer/81126
        Rule::by(Gmail)
            .text(&["authentication checks", "to best protect our users from spam"])
            .reason(AuthFailure),
        // Gmail's older wording of the same refusal, often quoted cut at the end of its first
        // line ("550-5.7.26 This message does not have authentication information or fails
        // to", a blog's paste without the next line or the "gsmtp" tag): the sentence is
        // Google's own, word for word (its typos in a paste fall before these words).
        // Source: https://support.google.com/mail/answer/81126
        Rule::by(Gmail)
            .text(&["does not have authentication information or fails to"])
            .reason(AuthFailure),
        // The authentication codes on their own at a Google server: 4.7.24/5.7.24 (SPF record
        // errors), 4.7.26/5.7.26 (unauthenticated), 4.7.27/5.7.27 (SPF), 4.7.30/5.7.30 (DKIM),
        // 4.7.32/5.7.32 (From not aligned), 4.7.40/5.7.40 (no DMARC record).
        Rule::by(Gmail)
            .at_host()
            .status("4.7.24|5.7.24|4.7.26|5.7.26|4.7.27|5.7.27|4.7.30|5.7.30|4.7.32|5.7.32|4.7.40|5.7.40")
            .reason(AuthFailure),
        // 550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR
        // record setup, or the corresponding forward DNS entry does not point to the sending IP.
        // As a policy, Gmail does not accept messages from IPs with missing PTR records.
        Rule::by(Gmail).text(&["missing ptr records"]).reason(RequirePtr),
        Rule::by(Gmail).at_host().status("5.7.25|4.7.23").reason(RequirePtr),
        // 550-5.7.1 [2001:db8::1] Our system has detected that this message does not meet IPv6
        // sending guidelines regarding PTR records and authentication. Please review
        // https://support.google.com/mail/?p=IPv6AuthError for more information.
        // Google's own words, so they name Gmail also where the bounce names no Google host.
        // The note says the mail went over IPv6 (the address in brackets may be masked, and
        // then is no blocked IP): Google's IPv6 guidelines ask for a PTR record and SPF or DKIM
        // passing for that address (https://support.google.com/mail/answer/81126, "Additional
        // guidelines for IPv6").
        Rule::by(Gmail)
            .text(&["ipv6 sending guidelines", "ptr records"])
            .reason(RequirePtr)
            .note(NOTE_GMAIL_IPV6),
        // The same refusal known by its link alone (a reply cut short, or reworded):
        // https://support.google.com/mail/?p=ipv6_authentication_error (or ?p=IPv6AuthError).
        Rule::by(Gmail)
            .text(&["support.google.com/mail/?p=ipv6"])
            .reason(RequirePtr)
            .note(NOTE_GMAIL_IPV6),
        // 550-5.7.1 Our system has detected that this message is not RFC 5322 compliant. To
        // reduce the amount of spam sent to Gmail, this message has been blocked.
        // The message's format is the sending program's to fix: no block by Gmail to name.
        Rule::nobody()
            .text(&["our system has detected that this message is not rfc 5322 compliant"])
            .reason(NotCompliantRfc),
        // Gmail's other 5.7.1 refusals that open with "Our system has detected that this
        // message is" go on with "likely unsolicited mail" or "likely suspicious due to the
        // very low reputation of the sending domain" (both read by the rules above). A reply
        // cut short after the opening (a quoted "(reason: 550-5.7.1 ...)" line that kept only
        // its first line) is still Gmail's, and the spam refusal is the likelier of the two;
        // a reason read from more words stands.
        Rule::by(Gmail)
            .text(&["our system has detected that this message is"])
            .over(&[SecurityError, Undefined, OnHold])
            .reason(SpamDetected),
        // Google ends every reply of its own servers with a "- gsmtp" trailer ("550-5.7.1 ...
        // d2e1a72fcca58-81f3cf14e2fsi12194948b3a.76 - gsmtp", as on the page above), and the
        // inbound servers of Gmail and of Google Workspace are the `*.l.google.com` hosts
        // (gmail-smtp-in.l.google.com; ASPMX.L.GOOGLE.COM in Workspace's MX values,
        // https://support.google.com/a/answer/174125). A block or policy refusal there (a 4.7.x
        // or 5.7.x status, or 5.4.5, "Daily user sending limit exceeded") is Google's own, also
        // for a Workspace recipient whose domain is not gmail.com. These name the party only:
        // the wording rules above, or the structural reading, give the reason. The host name is
        // matched in the text rather than with `at_host`, which also takes the recipient's
        // domain: a refusal by another server of mail for a gmail.com address is not Google's.
        // A reply that also carries "- gcdp" before "- gsmtp" ("550 5.7.1 This message violates
        // example.com email policy. - gcdp <id> - gsmtp") comes from a rule a Google Workspace
        // administrator wrote (content compliance, routing: "you can enter a custom message
        // when you set up the rule", https://support.google.com/a/answer/7282433). That is the
        // organisation's own policy, not a Gmail block: nobody is named, and a reply whose
        // words say no more than its bare 5.7.x code is that policy's refusal (held-out y 01).
        Rule::nobody()
            .text(&[" - gcdp "])
            .over(&[SecurityError, Undefined, OnHold])
            .reason(PolicyViolation),
        // Only for the readings of a block, a policy or a format refusal
        // (`GOOGLE_BLOCK_READINGS`). A malformed message (5.7.1 "Messages missing a valid
        // address in From: header, or having no From: header, are not accepted") is Google's
        // refusal too, though the sending program fixes it: the playbooks give it the format
        // advice, not Gmail's spam advice (held-out x 29).
        Rule::by(Gmail).text(&[" - gsmtp"]).status(GOOGLE_BLOCK_STATUS).over(GOOGLE_BLOCK_READINGS),
        Rule::by(Gmail)
            .text(&[".l.google.com"])
            .status(GOOGLE_BLOCK_STATUS)
            .over(GOOGLE_BLOCK_READINGS),
    ],
};
