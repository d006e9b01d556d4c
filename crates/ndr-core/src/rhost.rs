//! Reasons that depend on who rejected: some receivers use codes and wording in their own way,
//! documented on their help pages. The receiver is recognised by the recipient's domain, the
//! remote host, or the host that wrote the bounce.

use crate::fact::Fact;
use crate::Reason::{self, *};

/// Receivers with rules of their own, and the host name suffixes that identify them.
/// Source: go-sisimai `rhost/lib.go` (which receivers document their own codes).
const RECEIVERS: &[(Receiver, &[&str])] = &[(
    Receiver::Google,
    &["aspmx.l.google.com", "gmail-smtp-in.l.google.com"],
)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Receiver {
    Google,
}

/// (reply code, status code, message fragment) triples. The class digit of both codes is
/// ignored: Google sends the same text as a 4xx while rate limiting and a 5xx when blocking.
type Triple = (&'static str, &'static str, &'static str);

/// Google's documented SMTP errors.
/// Source: "SMTP errors and codes", <https://support.google.com/a/answer/3726730>.
const GOOGLE: &[(Reason, &[Triple])] = &[
    (
        AuthFailure,
        &[
            // 451 4.7.24 The SPF record of the sending domain has one or more suspicious entries.
            ("451", "4.7.24", "the spf record of the sending domain"),
            ("550", "5.7.24", "the spf record of the sending domain"),
            // 421 4.7.26 This mail has been rate limited because it is unauthenticated. Gmail
            // requires all senders to authenticate with either SPF or DKIM.
            (
                "421",
                "4.7.26",
                "senders to authenticate with either spf or dkim",
            ),
            (
                "550",
                "5.7.26",
                "senders to authenticate with either spf or dkim",
            ),
            // 550 5.7.26 The MAIL FROM domain [domain] has an SPF record with a hard fail policy
            (
                "550",
                "5.7.26",
                "fails to pass spf checks for an spf record with a hard fail",
            ),
            ("550", "5.7.26", "has an spf record with a hard fail policy"),
            // 550 5.7.26 Unauthenticated email from domain is not accepted due to domain's DMARC policy
            (
                "451",
                "4.7.26",
                "is not accepted due to domain's dmarc policy",
            ),
            (
                "550",
                "5.7.26",
                "is not accepted due to domain's dmarc policy",
            ),
            // 550 5.7.26 This message does not have authentication information or fails to pass
            // authentication checks (SPF or DKIM).
            ("550", "5.7.1", "fails to pass authentication checks"),
            ("550", "5.7.26", "fails to pass authentication checks"),
            // 421 4.7.27 ... Gmail requires all bulk email senders to authenticate their email with SPF.
            ("421", "4.7.27", "senders to authenticate with spf"),
            (
                "421",
                "4.7.27",
                "senders to authenticate their email with spf",
            ),
            ("550", "5.7.27", "senders to authenticate with spf"),
            // 421 4.7.30 ... authenticate their email with DKIM.
            (
                "421",
                "4.7.30",
                "senders to authenticate their email with dkim",
            ),
            ("550", "5.7.30", "senders to authenticate with dkim"),
            // 421 4.7.32 ... the From: header isn't aligned with either the authenticated SPF or DKIM
            (
                "421",
                "4.7.32",
                "aligned with either the authenticated spf or dkim",
            ),
            // 421 4.7.40 ... Gmail requires all bulk email senders to add a DMARC record
            ("421", "4.7.40", "to add a dmarc record to "),
        ],
    ),
    (
        BadReputation,
        &[
            // 421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address/domain.
            (
                "421",
                "4.7.0",
                "very low reputation of the sending ip address",
            ),
            ("421", "4.7.0", "very low reputation of the sending domain"),
            (
                "550",
                "5.7.1",
                "due to the very low reputation of the sending ip address",
            ),
            (
                "550",
                "5.7.1",
                "due to the very low reputation of the sending domain",
            ),
        ],
    ),
    (
        Blocked,
        &[
            // 421 4.7.0 IP not in whitelist for RCPT domain, closing connection.
            ("421", "4.7.0", "ip not in whitelist for rcpt domain"),
            // 421 4.7.0 Try again later, closing connection.
            ("421", "4.7.0", "try again later, closing connection."),
            // 501 5.5.4 HELO/EHLO argument is invalid.
            ("501", "5.5.4", "empty helo/ehlo argument not allowed"),
            ("501", "5.5.4", "helo/ehlo argument is invalid"),
            // 421 4.7.28 Gmail has detected an unusual rate of mail originating from your IP address
            ("421", "4.7.0", "an unusual rate of unsolicited mail"),
            ("421", "4.7.28", "an unusual rate of mail"),
            ("550", "5.7.1", "an unusual rate of unsolicited mail"),
            ("550", "5.7.28", "an unusual rate of unsolicited mail"),
        ],
    ),
    (
        ExceedLimit,
        &[
            // 552 5.2.3 Your message exceeded Google's message size limits.
            ("552", "5.2.3", "exceeded google's message size limits"),
            (
                "552",
                "5.3.4",
                "exceeds google's limit of limit attachments.",
            ),
            (
                "552",
                "5.3.4",
                "your message exceeded google's message header size limits",
            ),
            ("552", "5.3.4", "bytes per individual header size"),
            ("552", "5.3.4", "exceeds google's header name limit of"),
            ("552", "5.3.4", "exceeds google's message header size limit"),
        ],
    ),
    (
        Expired,
        &[
            // 421 4.7.0 Connection expired, try reconnecting.
            ("421", "4.7.0", "connection expired"),
            // 451 4.4.2 Timeout - closing connection.
            ("451", "4.4.2", "timeout - closing connection"),
        ],
    ),
    (
        FailedStartTls,
        &[
            // 530 5.7.0 Must issue a STARTTLS command first.
            ("530", "5.7.0", "must issue a starttls command first"),
            ("454", "5.5.1", "starttls may not be repeated"),
            // 421 4.7.0 TLS required for RCPT domain, closing connection.
            ("421", "4.7.0", "tls required for rcpt domain"),
            // 421 4.7.29 ... Gmail requires all bulk email senders to use TLS/SSL for SMTP connections.
            ("421", "4.7.29", "senders to use tls/ssl for smtp"),
            ("550", "5.7.29", "senders to use tls/ssl for smtp"),
        ],
    ),
    (
        MailboxFull,
        &[
            // 452 4.2.2 The recipient's inbox is out of storage space.
            ("452", "4.2.2", "inbox is out of storage space"),
            ("552", "5.2.2", "inbox is out of storage space and inactive"),
            // 452 4.2.2 The email account that you tried to reach is over quota.
            ("452", "4.2.2", "is over quota"),
            ("552", "5.2.2", "is over quota"),
            ("550", "5.7.1", "email quota exceeded"),
        ],
    ),
    (
        MesgTooBig,
        &[
            // 552 5.3.4 Your message exceeded Google's message size limits.
            ("552", "5.3.4", "exceeded google's message size limits"),
            ("552", "5.3.4", "exceeds google's message size limit of"),
        ],
    ),
    (
        NetworkError,
        &[
            // 554 5.4.6 Message exceeded 50 hops, this may indicate a mail loop.
            ("554", "5.4.6", "message exceeded 50 hops"),
            ("554", "5.6.0", "message exceeded 50 hops"),
        ],
    ),
    (
        NoRelaying,
        &[
            // 550 5.7.0 Mail relay denied <ip-address>.
            ("550", "5.7.0", "mail relay denied"),
            // 550 5.7.1 Invalid credentials for relay <ip-address>.
            ("550", "5.7.1", "invalid credentials for relay"),
            // 550 5.7.1 The IP you're using to send mail is not authorized to send email directly to our servers.
            (
                "550",
                "5.7.1",
                "is not authorized to send email directly to our servers",
            ),
        ],
    ),
    (
        NotCompliantRfc,
        &[
            // 550 5.7.1 Messages missing a valid address in the From: header ... are not accepted.
            (
                "550",
                "5.7.1",
                "missing a valid address in the from: header",
            ),
            (
                "550",
                "5.7.1",
                "multiple addresses in from: header are not accepted",
            ),
            // 550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers.
            ("550", "5.7.1", "is not rfc 5322 compliant"),
            ("550", "5.7.1", "missing a valid message-id: header"),
            (
                "550",
                "5.7.1",
                "contains a unicode character in a disallowed header",
            ),
            ("550", "5.7.1", "encoded-word syntax is not permitted"),
            ("553", "5.1.7", "is not a valid rfc 5321 address"),
            // 554 5.6.0 Mail message is malformed. Not accepted.
            ("554", "5.6.0", "mail message is malformed"),
        ],
    ),
    (
        PolicyViolation,
        &[
            // 552 5.7.0 Our system detected an illegal attachment on your message.
            ("552", "5.7.0", "illegal attachment on your message"),
            (
                "552",
                "5.7.0",
                "blocked because its content presents a potential security issue",
            ),
            // 550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail
            (
                "550",
                "5.7.1",
                "you are sending to (or from) has a policy that prohibited",
            ),
            (
                "421",
                "4.7.28",
                "sending messages with the same message-id:",
            ),
        ],
    ),
    (
        Rejected,
        &[
            // 550 5.7.0, Mail Sending denied.
            ("550", "5.7.0", "mail sending denied"),
            ("550", "5.7.1", "unauthenticated email is not accepted"),
        ],
    ),
    (
        RequirePtr,
        &[
            // 421 4.7.0 The IP address sending this message does not have a PTR record
            ("421", "4.7.0", "does not have a ptr record"),
            ("421", "4.7.23", " have a ptr record, or the ptr record"),
            (
                "550",
                "5.7.1",
                "does not meet ipv6 sending guidelines regarding ptr records and authentication",
            ),
            ("550", "5.7.25", "does not have a ptr record"),
            (
                "550",
                "5.7.25",
                "does not match the ip address of the hostname",
            ),
        ],
    ),
    (
        SecurityError,
        &[
            ("454", "4.7.0", "too many login attempts"),
            ("501", "5.5.2", "cannot decode response"),
            ("503", "5.7.0", "no identity changes permitted"),
            ("530", "5.5.1", "authentication required."),
            ("530", "5.7.0", "authentication required."),
            ("535", "5.7.1", "application-specific password required"),
            ("535", "5.7.9", "application-specific password required"),
            ("535", "5.7.1", "please log in with your web browser"),
            ("534", "5.7.9", "please log in with your web browser"),
            ("534", "5.7.14", "please log in through your web browser"),
            ("535", "5.7.1", "username and password not accepted"),
            ("535", "5.7.8", "username and password not accepted"),
        ],
    ),
    (
        SpamDetected,
        &[
            // 421 4.7.0 This message is suspicious due to the nature of the content or the links within.
            (
                "421",
                "4.7.0",
                "due to the nature of the content or the links within",
            ),
            // 550 5.7.1 Our system has detected that this message is likely unsolicited mail.
            ("550", "5.7.1", "likely unsolicited mail"),
        ],
    ),
    (
        Speeding,
        &[
            // 450 4.2.1 The user you are trying to contact is receiving mail too quickly.
            ("450", "4.2.1", "is receiving mail too quickly"),
            (
                "450",
                "4.2.1",
                "peak smtp relay limit exceeded for customer",
            ),
            (
                "450",
                "4.2.1",
                "rate that prevents additional messages from being delivered",
            ),
            (
                "550",
                "5.2.1",
                "rate that prevents additional messages from being delivered",
            ),
            ("550", "5.4.5", "daily sending quota exceeded"),
            ("550", "5.4.5", "daily user sending limit exceeded"),
            ("550", "5.4.5", "daily smtp relay limit exceeded for"),
            ("550", "5.7.1", "daily smtp relay limit exceeded for"),
            (
                "550",
                "5.7.1",
                "daily smtp relay sending limit exceeded for",
            ),
            ("550", "5.7.1", "this mail has been rate limited"),
        ],
    ),
    (
        Suspend,
        &[
            // 550 5.2.1 The email account that you tried to reach is inactive.
            (
                "550",
                "5.2.1",
                "account that you tried to reach is disabled",
            ),
            (
                "550",
                "5.2.1",
                "account that you tried to reach is inactive",
            ),
        ],
    ),
    (
        SyntaxError,
        &[
            ("451", "4.5.0", "smtp protocol violation"),
            ("454", "4.5.0", "smtp protocol violation"),
            ("525", "5.7.10", "smtp protocol violation"),
            ("535", "5.5.4", "optional argument not permitted"),
            ("501", "5.7.11", "syntax error"),
            ("501", "5.5.2", "syntax error"),
            ("555", "5.5.2", "syntax error"),
            ("502", "5.5.1", "too many unrecognized commands, goodbye"),
            ("502", "5.5.1", "unimplemented command"),
            ("502", "5.5.1", "unrecognized command"),
            ("503", "5.5.1", "bad sequence of commands"),
            ("503", "5.5.1", "ehlo/helo first"),
            ("503", "5.5.1", "mail first"),
            ("503", "5.5.1", "rcpt first"),
            ("503", "5.5.1", "no data after bdat"),
            ("504", "5.7.4", "unrecognized authentication type"),
            ("504", "5.7.4", "xoauth is no longer supported"),
            ("554", "5.7.0", "too many unauthenticated commands"),
        ],
    ),
    (
        SystemError,
        &[
            ("421", "4.3.0", "temporary system problem"),
            ("421", "4.7.0", "temporary system problem"),
            ("421", "4.4.5", "server busy"),
            (
                "451",
                "4.3.0",
                "multiple destination domains per transaction is unsupported",
            ),
            (
                "451",
                "4.3.0",
                "mail server has temporarily rejected this message",
            ),
            ("451", "4.3.0", "mail server temporarily rejected message"),
            (
                "452",
                "4.5.3",
                "domain policy size per transaction exceeded",
            ),
            (
                "454",
                "4.7.0",
                "cannot authenticate due to temporary system problem",
            ),
        ],
    ),
    (
        TooManyConn,
        &[
            // 452 4.5.3 Your message has too many recipients.
            ("452", "4.5.3", "your message has too many recipients"),
            ("550", "5.5.3", "too many recipients for this sender"),
        ],
    ),
    (
        UserUnknown,
        &[
            // 550 5.1.1 The email account that you tried to reach does not exist.
            (
                "550",
                "5.1.1",
                "the email account that you tried to reach does not exist",
            ),
            // 553 5.1.2 We weren't able to find the recipient domain.
            (
                "553",
                "5.1.2",
                "we weren't able to find the recipient domain",
            ),
            ("553", "5.1.3", "is not a valid rfc 5321 address"),
        ],
    ),
];

fn receiver_of(f: &Fact) -> Option<Receiver> {
    // The recipient's domain is a suffix of a receiver's host (gmail.com is not, google.com is).
    let dest = f.destination.as_str();
    if !dest.is_empty() {
        for (r, hosts) in RECEIVERS {
            if hosts.iter().any(|h| ends_with_domain(h, dest)) {
                return Some(*r);
            }
        }
    }
    for host in [f.rhost.as_str(), f.lhost.as_str()] {
        if host.is_empty() {
            continue;
        }
        for (r, hosts) in RECEIVERS {
            if hosts.iter().any(|h| host.ends_with(h)) {
                return Some(*r);
            }
        }
    }
    None
}

/// True when `host` is `domain` or a name under it.
fn ends_with_domain(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|rest| rest.ends_with('.'))
}

/// Matches a triple ignoring the class digits: reply "x21" and status "x.7.26".
fn triple_matches(t: &Triple, f: &Fact, lc: &str) -> bool {
    lc.contains(t.2) && t.0.get(1..) == f.reply_code.get(1..) && t.1.get(1..) == f.status.get(1..)
}

/// The reason a receiver's own documentation gives for this rejection.
pub(crate) fn find(f: &Fact, lc: &str) -> Option<Reason> {
    if lc.is_empty() {
        return None;
    }
    match receiver_of(f)? {
        Receiver::Google => {
            if f.reply_code.len() != 3 || f.status.is_empty() {
                return None;
            }
            GOOGLE
                .iter()
                .find(|(_, triples)| triples.iter().any(|t| triple_matches(t, f, lc)))
                .map(|(r, _)| *r)
        }
    }
}
