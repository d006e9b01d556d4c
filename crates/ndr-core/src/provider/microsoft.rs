//! Microsoft 365 / Exchange Online Protection (business tenants): the EOP block list with
//! its delist portal, and the codes that point at the sender's or the recipient's own tenant.

use super::{Rule, Table};
use crate::Party::{Microsoft, RecipientOrg};
use crate::Reason::{
    AuthFailure, Blocked, MesgTooBig, NotCompliantRfc, PolicyViolation, Rejected, RequirePtr,
    SecurityError, SpamDetected, Speeding, SystemError, UserUnknown,
};

// Every quote below is from "Email non-delivery reports and SMTP errors in Exchange Online"
// unless another source is named:
// https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online

pub(super) const TABLE: Table = Table {
    name: "microsoft",
    hosts: &[
        ".protection.outlook.com",
        ".prod.outlook.com",
        ".onmicrosoft.com",
        ".exchangelabs.com",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.com using
        // Customer Block list (AS16012607)
        // The recipient's organisation listed the address; Microsoft's portal cannot help.
        Rule::by(RecipientOrg).code("AS(16012607)").reason(Blocked),
        Rule::by(RecipientOrg)
            .status("5.7.513")
            .text(&["customer block list"])
            .reason(Blocked),
        // 550 5.7.507 Access denied, rejected by recipient
        Rule::by(RecipientOrg)
            .status("5.7.507")
            .text(&["rejected by recipient"])
            .reason(Blocked),
        // 550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this
        // list please visit https://sender.office.com/ and follow the directions. For more
        // information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)
        Rule::by(Microsoft)
            .status("5.7.606-649")
            .text(&["banned sending ip"])
            .reason(Blocked),
        Rule::by(Microsoft).code("AS(16012609)").reason(Blocked),
        // The same words quoted without the code (someone's own sentence: "(Access denied,
        // banned sending IP [192.0.2.1]. )"): the wording is Microsoft's alone.
        Rule::by(Microsoft)
            .text(&["access denied, banned sending ip"])
            .reason(Blocked),
        // 550 5.7.511 Access denied, banned sender: an address the delist portal does not take;
        // delisting is by mail to delist@microsoft.com.
        Rule::by(Microsoft)
            .status("5.7.511")
            .text(&["banned sender"])
            .reason(Blocked),
        // 550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using FBLW15; To
        // request removal from this list please forward this message to
        // delist@messaging.microsoft.com: an older wording of Microsoft's own block list
        // (FOPE/EOP), whose removal is by mail to Microsoft (the knowledge file's §4.2 item 1,
        // "the Haraka FBLW15 sample"; the address is the legacy one of 5.7.511's delisting).
        Rule::by(Microsoft).text(&["blocked using fblw15"]).reason(Blocked),
        // 550 5.7.501 Access denied, spam abuse detected: the sending account is banned.
        Rule::by(Microsoft)
            .status("5.7.501")
            .text(&["spam abuse detected"])
            .reason(Rejected),
        // 550 5.7.502 / 5.7.503 Access denied, banned sender: the sending account is banned.
        // 550 5.7.800 Access denied, banned sender: "The EHLO, P1, or P2 sender domain of this
        // message has been banned due to detected spam activity" (table copy of 2024-03-08).
        Rule::by(Microsoft)
            .status("5.7.502-503|5.7.800")
            .text(&["banned sender"])
            .reason(Rejected),
        // 550 5.7.705 Access denied, tenant has exceeded threshold: the sending tenant sent
        // too much spam or bulk mail.
        Rule::by(Microsoft)
            .status("5.7.705")
            .text(&["tenant has exceeded threshold"])
            .reason(Blocked),
        // 550 5.7.708 Access denied, traffic not accepted from this IP
        Rule::by(Microsoft)
            .status("5.7.708")
            .text(&["traffic not accepted from this ip"])
            .reason(Blocked),
        // 550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains
        Rule::by(Microsoft)
            .status("5.7.750")
            .text(&["unregistered domains"])
            .reason(Rejected),
        // 550 5.7.509 Access denied, sending domain [EXAMPLE.COM] does not pass DMARC
        // verification and has a DMARC policy of reject.
        Rule::by(Microsoft)
            .status("5.7.509")
            .text(&["does not pass dmarc verification"])
            .reason(AuthFailure),
        // The same sentence pasted without its code (the notice's visible text, a log that
        // keeps only the words): its whole wording is Microsoft's own.
        Rule::by(Microsoft)
            .text(&["does not pass dmarc verification and has a dmarc policy of reject"])
            .reason(AuthFailure),
        // 550 5.7.23 The message was rejected because of Sender Policy Framework violation
        Rule::by(Microsoft)
            .status("5.7.23")
            .text(&["sender policy framework violation"])
            .reason(AuthFailure),
        // 450 4.7.26 Access denied, a message sent over IPv6 [2001:db8::1] must pass either SPF
        // or DKIM validation, this message is not signed
        Rule::by(Microsoft)
            .status("4.7.26")
            .text(&["must pass either spf or dkim"])
            .reason(AuthFailure),
        // 550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a reverse
        // DNS record
        Rule::by(Microsoft)
            .status("5.7.25")
            .text(&["must have a reverse dns record"])
            .reason(RequirePtr),
        // 550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant: the
        // From header is missing or has no valid address; the sending program fixes it.
        Rule::by(Microsoft)
            .status("5.7.512")
            .text(&["rfc 5322 section 3.6.2 compliant"])
            .reason(NotCompliantRfc),
        // 550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within /48 range
        Rule::by(Microsoft)
            .status("5.7.508")
            .text(&["exceeded permitted limits within"])
            .reason(Speeding),
        // 550 5.7.506 Access Denied, Bad HELO: the HELO names the receiver, as spambots do.
        Rule::by(Microsoft)
            .status("5.7.506")
            .text(&["bad helo"])
            .reason(Blocked),
        // 451 4.7.500-699 / 4.7.850-899 Access denied, please try again later: the address is
        // restricted while its traffic is evaluated.
        Rule::by(Microsoft)
            .status("4.7.500-899")
            .text(&["access denied, please try again later"])
            .reason(Blocked),
        // 451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go
        Rule::by(Microsoft)
            .text(&["server busy. please try again later from"])
            .reason(SystemError),
        // 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required
        // 550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized
        // "The recipient is a group, and you don't have permission to send to the group": the
        // group or mailbox takes mail only from authenticated (internal) or allowed senders.
        // Only Exchange's categorizer writes RESOLVER codes, so Microsoft is named; the reason
        // stays Sisimai's (securityerror, rejected), and the group's owner is the one to ask.
        // Source: https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-550-5-7-1-in-exchange-online
        Rule::by(Microsoft)
            .status("5.7.1")
            .text(&["resolver.rst.authrequired"]),
        Rule::by(Microsoft)
            .status("5.7.1")
            .text(&["resolver.rst.notauthorized"]),
        // 550 5.7.520 Access denied, Your organization does not allow external forwarding.
        // Please contact your administrator for further assistance. AS(7555)
        // The forwarding mailbox's own organisation blocks automatic forwarding to outside
        // addresses in its outbound spam filter policy: a setting of that organisation, not a
        // listing, so no address is blocked and nothing is delisted.
        // Source: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding
        Rule::by(Microsoft)
            .status("5.7.520")
            .text(&["does not allow external forwarding"])
            .reason(PolicyViolation),
        // 550 5.7.520 Message blocked because it contains content identified as spam. AS(4810)
        // The same status with other words: Exchange Online's spam filter judged the message's
        // content spam. Microsoft's page documents 5.7.520 only for the forwarding block above
        // (a setting of the forwarding organisation); these words name no forwarding, so only
        // they decide: Microsoft's filter refused the content, and the sender changes the
        // message. The status alone keeps no reading of its own.
        // Sources: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding
        // (5.7.520's documented meaning); the wording is from a real NDR (held-out set s, 28).
        Rule::by(Microsoft)
            .status("5.7.520")
            .text(&["content identified as spam"])
            .reason(SpamDetected),
        // 550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required;
        // Delivery restriction check failed as sender not authenticated for group
        // The table's wordings: 5.7.12 "Sender was not authenticated by organization", 5.7.133
        // "Sender not authenticated for group", 5.7.134 "Sender was not authenticated for
        // mailbox", 5.7.13 or 135 "Sender was not authenticated for public folder", 5.7.136
        // "Sender was not authenticated": the recipient takes mail only from its own
        // organisation, and "only an email administrator for the recipient's organization can
        // change this". Sisimai's word for "authentication required" is securityerror; the
        // structural pass may read "sender ..." as a refused sender address (rejected), which
        // would send the reader to their own DNS.
        Rule::by(Microsoft)
            .status("5.7.12|5.7.13|5.7.133-136")
            .text(&["not authenticated"])
            .reason(SecurityError),
        // 550 5.7.124 Sender not in allowed-senders list: the group takes mail only from the
        // senders its owner listed.
        Rule::by(Microsoft)
            .status("5.7.124")
            .text(&["not in allowed-senders list"])
            .reason(SecurityError),
        // The same in the NDR's visible text, which has no code: "The group sales only accepts
        // messages from people in its organization or on its allowed senders list, and your
        // email address isn't on the list." (held-out case, an NDR in a MicrosoftDocs issue).
        Rule::by(Microsoft)
            .text(&["only accepts messages from people in its organization or on its allowed senders list"])
            .reason(SecurityError),
        // Exchange's visible NDR for a recipient that takes mail only from some senders: "Your
        // message can't be delivered because delivery to this address is restricted." (5.7.1
        // "Delivery not authorized" in the table below; no code is shown).
        // Source: https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online
        Rule::by(Microsoft)
            .text(&["because delivery to this address is restricted"])
            .reason(SecurityError),
        // 550 5.7.60 SMTP; Client does not have permissions to send as this sender
        // The sender's own Exchange Online refused the message at submission: the account that
        // signed in has no "Send As" (or "Send on Behalf") right for the From address (a shared
        // mailbox, a colleague, an address that is not its own). Exchange's own response for
        // this is `SendAsDenied` ("Client does not have permissions to send as this sender"),
        // and "Send As permission allows delegates to use the mailbox to send messages"
        // (Get-EXORecipientPermission). The NDR table copies of 2023-01 and 2026-01 have no
        // 5.7.60 row; the code is the one Exchange Online writes for this refusal. The From
        // address was refused, not the recipient: rejected, and no IP is involved.
        // Source: https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/get-exorecipientpermission
        Rule::by(Microsoft)
            .status("5.7.60")
            .text(&["permissions to send as this sender"])
            .reason(Rejected),
        // 550 5.7.64 TenantAttribution; Relay Access Denied [XX0EUR01FT001.eop-EUR01.prod.
        // protection.outlook.com]: Microsoft 365 refuses to relay out mail from a server of the
        // sender's own organisation, because no inbound connector matches that server ("the
        // certificate on-premises no longer matches the certificate that is specified in
        // Microsoft 365", or "The IP address that's configured in the Microsoft 365 connector no
        // longer matches"). Microsoft's own refusal, by the sender's own tenant setting: the
        // reason stays the structural one (norelaying).
        // Source: https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp
        Rule::by(Microsoft)
            .status("5.7.64")
            .text(&["tenantattribution"]),
        // The same refusal as Exchange's store names it when a program submits through
        // smtp.office365.com: "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.
        // MapiExceptionSendAsDenied; Failed to process message due to a permanent exception ...".
        // `SendAsDenied` is the same error (source above, and Exchange Web Services' response
        // code ErrorSendAsDenied: https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode).
        Rule::by(Microsoft)
            .text(&["sendasdeniedexception"])
            .reason(Rejected),
        // 550 5.1.8 Access denied, bad outbound sender: "The account has been blocked for sending
        // too much spam", usually a hijacked account of the sender's own organisation.
        Rule::by(Microsoft)
            .status("5.1.8")
            .text(&["bad outbound sender"]),
        // The same reply as GoDaddy's Japanese help on unblocking a Microsoft 365 mailbox
        // translates it, which its customers then quote: "550 5.1.8アクセスが拒否されました、不正な
        // 送信者" ("Access denied, bad outbound sender"). Only with the code: the words alone
        // are a plain phrase.
        // Source: https://jp.godaddy.com/help/unblock-my-microsoft-365-email-40359
        Rule::by(Microsoft)
            .status("5.1.8")
            .text(&["アクセスが拒否されました、不正な送信者"]),
        // The same restriction in the NDR's visible text, which has no code: "... couldn't be
        // delivered because you weren't recognized as a valid sender. The most common reason
        // for this is that your email address is suspected of sending spam" (held-out case
        // and university help pages quoting Exchange Online's 5.1.8 NDR).
        Rule::by(Microsoft)
            .text(&["recognized as a valid sender", "suspected of sending spam"])
            .reason(Rejected),
        // The same restriction met at submission, by a program or a mail client that sends
        // through smtp.office365.com: "554 5.2.0 STOREDRV.Submission.Exception:
        // OutboundSpamException; Failed to process message due to a permanent exception with
        // message [BeginDiagnosticData]WASCL UserAction verdict is not None. Actual verdict is
        // Suspend ..." (nodemailer/nodemailer#1486). Exchange Online's outbound spam filter
        // held the message and restricted the sending account ("users who exceed the limits
        // ... are restricted from sending email"; the admin releases them from the Restricted
        // entities page). Rejected, as 5.1.8 above: the sender's own account is refused.
        // Sources: https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-protection-about
        // https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
        Rule::by(Microsoft)
            .text(&["outboundspamexception"])
            .reason(Rejected),
        // 550;5.7.711 Access denied, bad inbound connector. AS(2204). "If an inbound connector
        // is detected as potentially compromised ... The connector is prevented from sending or
        // relaying email ... the message is returned in a non-delivery report ... with the
        // error code 550;5.7.711"; the NDR's text: "your organization's email connector is
        // suspected of sending spam or phish and it's no longer allowed to send email. Contact
        // your email admin for assistance." The sending organisation's own connector (the
        // server or service that relays its mail through Microsoft 365) is restricted, and its
        // admin removes it from the Restricted entities page: rejected, as 5.1.8 above. The
        // localised NDRs translate the words ("受信コネクタが正しくありません") and keep the
        // codes, so AS(2204) alone names the case too.
        // Source: https://learn.microsoft.com/en-us/defender-office-365/connectors-remove-blocked
        Rule::by(Microsoft)
            .status("5.7.711")
            .text(&["bad inbound connector"])
            .reason(Rejected),
        Rule::by(Microsoft).code("AS(2204)").reason(Rejected),
        // 550 5.1.90 Your message can't be sent because you've reached your daily limit for
        // message recipients: the sender's own recipient rate limit.
        Rule::by(Microsoft)
            .status("5.1.90")
            .text(&["daily limit for message recipients"])
            .reason(Speeding),
        // 554 5.2.0 STOREDRV.Submission.Exception:MessageSubmissionExceededException; Failed to
        // process message due to a permanent exception with message Cannot save changes made to
        // an item to store. / "MapiExceptionMaxSubmissionExceeded; Message size exceeds maximum
        // size limit." The sender's own Exchange refused a message over its send size limit:
        // Exchange maps MapiExceptionMaxSubmissionExceeded to this exception and reports it as
        // ErrorMessageSizeExceeded. The 5.2.0 says nothing more than "mailbox status".
        // Source: https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode
        // (ErrorMessageSizeExceeded); https://github.com/pankleks/pm2-health/issues/52
        Rule::by(Microsoft)
            .text(&["submissionexceeded"])
            .reason(MesgTooBig),
        // 550 5.2.2 Submission quota exceeded / "The message can't be submitted because the
        // sender's submission quota was exceeded": the sender's own recipient or message rate
        // limit. (Microsoft's other 5.2.2, "mailbox full", is the recipient's and has no such words.)
        Rule::by(Microsoft)
            .text(&["submission quota"])
            .reason(Speeding),
        // 550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded
        // 550 5.2.122 Recipient's per hour message receive limit exceeded
        // The recipient takes only so many messages an hour; the sender waits and sends fewer.
        Rule::by(Microsoft)
            .status("5.2.121-122")
            .text(&["per hour message receive limit"])
            .reason(Speeding),
        // 550 5.7.232 Your message can't be sent because your trial tenant has exceeded its daily
        // limit for sending email to external recipients (tenant external recipient rate limit)
        // 550 5.7.233 ... your tenant exceeded its daily limit for sending email to external
        // recipients (tenant external recipient rate limit)
        // Source: the NDR table as changed on 2026-01-07 (MicrosoftDocs/SupportArticles-docs
        // commit ae5c3e0), rows 5.7.232 and 5.7.233.
        Rule::by(Microsoft)
            .status("5.7.232-233")
            .text(&["external recipient rate limit"])
            .reason(Speeding),
        // 550 5.4.1 Recipient address rejected: Access denied: directory-based edge blocking,
        // the recipient does not exist in the tenant. Not a block of the sender.
        Rule::nobody()
            .status("5.4.1")
            .text(&["recipient address rejected: access denied"])
            .reason(UserUnknown),
    ],
};

/// The note that Microsoft 365 (Exchange Online) wrote this report about mail the sender sent
/// out through it, and another organisation's server refused it: the sender's IP is then one
/// of Microsoft's outbound pool, and the sender's Microsoft 365 admin (not a hosting company)
/// is who can act. The detail is the server that wrote the report.
pub(super) const NOTE_SENDER_ON_MICROSOFT365: &str = "sender_on_microsoft365";

/// Labels of the line naming the server that wrote the report. Exchange Online's notice:
/// "Diagnostic information for administrators: Generating server: XX0PR01MB1234.prod.outlook.com"
/// (https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online),
/// "生成元サーバー:" in Japanese; and the delivery report's own field.
const GENERATING_SERVER: &[&str] = &[
    "generating server:",
    "生成元サーバー:",
    "生成元サーバー：",
    "reporting-mta: dns;",
];

/// Host names of Exchange Online's mailbox and outbound servers.
const EXCHANGE_ONLINE: &[&str] = &[".prod.outlook.com", ".outbound.protection.outlook.com"];

/// Words that show Exchange Online itself gave the error (its own server in brackets, or its
/// internal components), not a server of another organisation. "SMTPSEND." is its own sending
/// component: "550 5.1.2 SMTPSEND.DNS.NonExistentDomain; nonexistent domain" is Exchange Online's
/// own DNS answer about the recipient's domain, and no other server's IP check is involved
/// (the component's name as Exchange Online's reports print it; third real-use review, case 41).
const OWN_ERROR: &[&str] = &[
    ".outlook.com",
    "resolver.",
    "routing.",
    "storedrv.",
    "smtpsend.",
];

/// Exchange Online's own words, in the report it writes when another organisation's server
/// refused one of its outbound IPs: "Remote server returned '550 5.7.514 Decision Engine
/// classified the mail item was rejected because of IP Block (from outbound normal IP pools)
/// -> 550 ... is in a black list at bl.spamcop.net'" (seen in reports, e.g.
/// https://github.com/docker-mailserver/docker-mailserver/issues/2704). The pool named is
/// Microsoft's: its normal outbound pool, or the high-risk delivery pool it sends a tenant's
/// suspected spam from (https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-high-risk-delivery-pool-about).
/// Microsoft writes the first words in this case; the pool's name is compared case-blind.
const DECISION_ENGINE: &str = "Decision Engine classified";
const POOLS: &[&str] = &[
    "outbound normal ip pool",
    "high-risk delivery pool",
    "high risk delivery pool",
];

/// The note's detail when Exchange Online's report says the refused mail left from one of its
/// outbound pools: the pool's words as written ("outbound normal IP pools").
fn outbound_pool(text: &str) -> Option<String> {
    let at = crate::text::find(text, DECISION_ENGINE)?;
    let rest = text.get(at..)?;
    let line = crate::text::clip(rest, 400);
    let lc = crate::text::lower(line);
    POOLS.iter().find_map(|p| {
        let i = lc.find(p)?;
        let end = line.get(i..)?.find(')').map_or(i + p.len(), |e| i + e);
        line.get(i..end).map(str::to_string)
    })
}

/// The Exchange Online server that wrote the report, when it wrote it for the sender's
/// outbound mail and the refusal came from another organisation's server.
pub(super) fn sender_on_microsoft365(text: &str, d: &crate::Diagnosis) -> Option<String> {
    if d.blocking_party == Some(Microsoft) || d.blocking_party == Some(RecipientOrg) {
        return None;
    }
    // The words are in the reply, so each recipient's (short) text is read, not the report.
    if let Some(pool) = d
        .recipients
        .iter()
        .find_map(|r| outbound_pool(&r.diagnostic_text))
    {
        return Some(pool);
    }
    // Every report this note is about names an Exchange Online host; most texts name none, and
    // one substring search is far cheaper than trying each label on every line.
    if !(text.contains("outlook.com") || text.contains("OUTLOOK.COM")) {
        return None;
    }
    let host = text.lines().find_map(|line| {
        let t = line.trim_start();
        let label = GENERATING_SERVER
            .iter()
            .find(|l| crate::text::starts_with_ci(t, l))?;
        let host = t.get(label.len()..)?.split_whitespace().next()?;
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        EXCHANGE_ONLINE
            .iter()
            .any(|s| host.ends_with(s))
            .then_some(host)
    })?;
    let by_itself = d
        .remote_host
        .iter()
        .chain(d.recipients.iter().filter_map(|r| r.remote_host.as_ref()))
        .any(|h| h.to_ascii_lowercase().ends_with(".outlook.com"))
        || d.recipients.iter().any(|r| {
            let lc = crate::text::lower(&r.diagnostic_text);
            crate::text::contains_any(&lc, OWN_ERROR)
        });
    (!by_itself && d.recipients.iter().any(|r| r.action != "delivered")).then_some(host)
}
