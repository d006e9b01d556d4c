//! The `Diagnosis`: the contract every part of NDR Doctor shares.
//!
//! Field names are the JSON names of `../shared/DESIGN.md`. Add fields freely, never rename.

use serde::{Deserialize, Serialize};

/// Why a message bounced, as one of Sisimai's reason names.
///
/// The serde name is the Sisimai name (`userunknown`, `badreputation`, ...).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// SPF, DKIM or DMARC failed, or the receiver wants authentication.
    AuthFailure,
    /// The sending IP or domain has a poor reputation (rate limits by reputation, bulk rules).
    BadReputation,
    /// The sending IP or host is blocked (blocklists, banned IPs, network blocks).
    Blocked,
    /// The content (headers, body, attachments) was rejected.
    ContentError,
    /// A delivery-status report that says the message was delivered.
    Delivered,
    /// A size or count limit at the recipient was exceeded (not the mailbox).
    ExceedLimit,
    /// Delivery was given up after retrying for too long.
    Expired,
    /// STARTTLS was required or failed.
    FailedStartTls,
    /// A feedback report (ARF), not a bounce.
    Feedback,
    /// The recipient's filter refused the message (often for this sender only).
    Filtered,
    /// The recipient address has moved.
    HasMoved,
    /// The recipient's domain or host does not exist.
    HostUnknown,
    /// The recipient's mailbox is full.
    MailboxFull,
    /// A local mailer program failed.
    MailerError,
    /// The message is too big.
    MesgTooBig,
    /// A network problem prevented delivery.
    NetworkError,
    /// Relaying was denied.
    NoRelaying,
    /// The recipient host accepts no mail (null MX and similar).
    NotAccept,
    /// The message does not comply with the RFCs.
    NotCompliantRfc,
    /// Sisimai's `onhold`: the bounce says too little to name the reason (not "delivery is
    /// paused"; a delayed recipient says so in its `action`).
    OnHold,
    /// A policy of the receiving side refused the message.
    PolicyViolation,
    /// The envelope sender was rejected.
    Rejected,
    /// The sending host lacks a valid reverse DNS (PTR) record.
    RequirePtr,
    /// A security feature refused the message.
    SecurityError,
    /// The message was classified as spam.
    SpamDetected,
    /// The sender sent too fast.
    Speeding,
    /// The address is on a suppression list of the sending service.
    Suppressed,
    /// The recipient's account is suspended or disabled.
    Suspend,
    /// An SMTP syntax error.
    SyntaxError,
    /// A system error at the receiving side.
    SystemError,
    /// The receiving system's disk is full.
    SystemFull,
    /// Too many connections.
    TooManyConn,
    /// Nothing could be concluded.
    #[default]
    Undefined,
    /// The recipient address does not exist.
    UserUnknown,
    /// An auto-reply (vacation), not a bounce.
    Vacation,
    /// A virus was found in the message.
    VirusDetected,
}

impl Reason {
    /// Every reason, in the order above.
    pub const ALL: &'static [Reason] = &[
        Reason::AuthFailure,
        Reason::BadReputation,
        Reason::Blocked,
        Reason::ContentError,
        Reason::Delivered,
        Reason::ExceedLimit,
        Reason::Expired,
        Reason::FailedStartTls,
        Reason::Feedback,
        Reason::Filtered,
        Reason::HasMoved,
        Reason::HostUnknown,
        Reason::MailboxFull,
        Reason::MailerError,
        Reason::MesgTooBig,
        Reason::NetworkError,
        Reason::NoRelaying,
        Reason::NotAccept,
        Reason::NotCompliantRfc,
        Reason::OnHold,
        Reason::PolicyViolation,
        Reason::Rejected,
        Reason::RequirePtr,
        Reason::SecurityError,
        Reason::SpamDetected,
        Reason::Speeding,
        Reason::Suppressed,
        Reason::Suspend,
        Reason::SyntaxError,
        Reason::SystemError,
        Reason::SystemFull,
        Reason::TooManyConn,
        Reason::Undefined,
        Reason::UserUnknown,
        Reason::Vacation,
        Reason::VirusDetected,
    ];

    /// The Sisimai name (`"userunknown"`), the same string serde writes.
    pub fn name(self) -> &'static str {
        match self {
            Reason::AuthFailure => "authfailure",
            Reason::BadReputation => "badreputation",
            Reason::Blocked => "blocked",
            Reason::ContentError => "contenterror",
            Reason::Delivered => "delivered",
            Reason::ExceedLimit => "exceedlimit",
            Reason::Expired => "expired",
            Reason::FailedStartTls => "failedstarttls",
            Reason::Feedback => "feedback",
            Reason::Filtered => "filtered",
            Reason::HasMoved => "hasmoved",
            Reason::HostUnknown => "hostunknown",
            Reason::MailboxFull => "mailboxfull",
            Reason::MailerError => "mailererror",
            Reason::MesgTooBig => "mesgtoobig",
            Reason::NetworkError => "networkerror",
            Reason::NoRelaying => "norelaying",
            Reason::NotAccept => "notaccept",
            Reason::NotCompliantRfc => "notcompliantrfc",
            Reason::OnHold => "onhold",
            Reason::PolicyViolation => "policyviolation",
            Reason::Rejected => "rejected",
            Reason::RequirePtr => "requireptr",
            Reason::SecurityError => "securityerror",
            Reason::SpamDetected => "spamdetected",
            Reason::Speeding => "speeding",
            Reason::Suppressed => "suppressed",
            Reason::Suspend => "suspend",
            Reason::SyntaxError => "syntaxerror",
            Reason::SystemError => "systemerror",
            Reason::SystemFull => "systemfull",
            Reason::TooManyConn => "toomanyconn",
            Reason::Undefined => "undefined",
            Reason::UserUnknown => "userunknown",
            Reason::Vacation => "vacation",
            Reason::VirusDetected => "virusdetected",
        }
    }

    /// The reason for a Sisimai name, if it is one.
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// Who blocked the mail: the provider or list operator whose own procedure can lift it.
///
/// The serde name is the short id of DESIGN.md (`microsoft`, `outlook_com`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// Microsoft 365 / Exchange Online Protection (business tenants).
    Microsoft,
    /// Outlook.com, Hotmail, Live, MSN (consumer mailboxes).
    OutlookCom,
    /// Gmail and Google Workspace.
    Gmail,
    /// Yahoo Mail and AOL (Yahoo Inc., not Yahoo! JAPAN).
    Yahoo,
    /// Apple iCloud Mail.
    Icloud,
    /// The Spamhaus blocklists (ZEN, SBL, CSS, XBL, PBL, DBL).
    Spamhaus,
    /// SpamCop (bl.spamcop.net).
    Spamcop,
    /// Barracuda Reputation Block List.
    Barracuda,
    /// Trend Micro Email Reputation Services (ERS-QIL, ERS-DUL, ERS-RBL).
    Trendmicro,
    /// Proofpoint dynamic reputation.
    Proofpoint,
    /// Mimecast (the recipient's gateway policy).
    Mimecast,
    /// Cisco Secure Email / Talos (SenderBase) reputation.
    Cisco,
    /// UCEPROTECT levels 1 to 3.
    Uceprotect,
    /// Passive Spam Block List (psbl.surriel.com).
    Psbl,
    /// Mailspike.
    Mailspike,
    /// SpamRATS.
    Spamrats,
    /// Cloudmark (used by Orange and others).
    Cloudmark,
    /// Abusix Mail Intelligence.
    Abusix,
    /// Backscatterer (ips.backscatterer.org).
    Backscatterer,
    /// A blocklist that has shut down (SORBS, NiX Spam, ...): the receiver still uses a closed list.
    ClosedList,
    /// NTT docomo (docomo.ne.jp).
    Docomo,
    /// au / KDDI (au.com, ezweb.ne.jp).
    Au,
    /// SoftBank (softbank.ne.jp, i.softbank.jp).
    Softbank,
    /// United Internet's mail brands: GMX, WEB.DE, 1&1 / IONOS (one postmaster team).
    Gmx,
    /// Deutsche Telekom's T-Online (t-online.de).
    TOnline,
    /// Comcast (comcast.net, Xfinity).
    Comcast,
    /// AT&T's consumer mail (att.net, sbcglobal.net, bellsouth.net, ...).
    Att,
    /// NetEase's mail (163.com, 126.com, yeah.net).
    Netease,
    /// Vade (Vade Secure, now part of Hornetsecurity): the Vade Threat Network list.
    Vade,
    /// The recipient organisation's own filter or block list (not a public list).
    RecipientOrg,
}

impl Party {
    /// Every party, in declaration order.
    pub const ALL: &'static [Party] = &[
        Party::Microsoft,
        Party::OutlookCom,
        Party::Gmail,
        Party::Yahoo,
        Party::Icloud,
        Party::Spamhaus,
        Party::Spamcop,
        Party::Barracuda,
        Party::Trendmicro,
        Party::Proofpoint,
        Party::Mimecast,
        Party::Cisco,
        Party::Uceprotect,
        Party::Psbl,
        Party::Mailspike,
        Party::Spamrats,
        Party::Cloudmark,
        Party::Abusix,
        Party::Backscatterer,
        Party::ClosedList,
        Party::Docomo,
        Party::Au,
        Party::Softbank,
        Party::Gmx,
        Party::TOnline,
        Party::Comcast,
        Party::Att,
        Party::Netease,
        Party::Vade,
        Party::RecipientOrg,
    ];

    /// The short id (`"outlook_com"`), the same string serde writes.
    pub fn id(self) -> &'static str {
        match self {
            Party::Microsoft => "microsoft",
            Party::OutlookCom => "outlook_com",
            Party::Gmail => "gmail",
            Party::Yahoo => "yahoo",
            Party::Icloud => "icloud",
            Party::Spamhaus => "spamhaus",
            Party::Spamcop => "spamcop",
            Party::Barracuda => "barracuda",
            Party::Trendmicro => "trendmicro",
            Party::Proofpoint => "proofpoint",
            Party::Mimecast => "mimecast",
            Party::Cisco => "cisco",
            Party::Uceprotect => "uceprotect",
            Party::Psbl => "psbl",
            Party::Mailspike => "mailspike",
            Party::Spamrats => "spamrats",
            Party::Cloudmark => "cloudmark",
            Party::Abusix => "abusix",
            Party::Backscatterer => "backscatterer",
            Party::ClosedList => "closed_list",
            Party::Docomo => "docomo",
            Party::Au => "au",
            Party::Softbank => "softbank",
            Party::Gmx => "gmx",
            Party::TOnline => "t_online",
            Party::Comcast => "comcast",
            Party::Att => "att",
            Party::Netease => "netease",
            Party::Vade => "vade",
            Party::RecipientOrg => "recipient_org",
        }
    }

    /// The party for a short id, if it is one.
    pub fn from_id(id: &str) -> Option<Party> {
        Party::ALL.iter().copied().find(|p| p.id() == id)
    }

    /// True for an operator of a list or reputation service of sending addresses (Spamhaus,
    /// SpamCop, Barracuda, Trend Micro's ERS, Cisco's SenderBase, a closed list, ...), not a
    /// mailbox provider or a filter of the recipient's: a refusal it is named in is about a
    /// listing of the address.
    pub fn runs_an_address_list(self) -> bool {
        matches!(
            self,
            Party::Spamhaus
                | Party::Spamcop
                | Party::Barracuda
                | Party::Uceprotect
                | Party::Psbl
                | Party::Mailspike
                | Party::Spamrats
                | Party::Abusix
                | Party::Backscatterer
                | Party::Cloudmark
                | Party::Trendmicro
                | Party::Cisco
                | Party::ClosedList
        )
    }
}

/// What kind of address an IP is, which decides whether a blocklist can be asked about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IpScope {
    /// A public unicast address: blocklists can be asked.
    Public,
    /// RFC 1918 / unique-local space.
    Private,
    /// 127.0.0.0/8, ::1.
    Loopback,
    /// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32.
    Documentation,
    /// Link-local, shared (100.64/10), multicast, unspecified, broadcast and other reserved space.
    Reserved,
}

impl IpScope {
    /// Whether a blocklist lookup makes sense for an address of this scope.
    pub fn is_checkable(self) -> bool {
        self == IpScope::Public
    }
}

/// One failed (or reported) recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Recipient {
    /// The recipient address, lowercased where the bounce gives one; empty when unknown.
    pub recipient: String,
    /// The DSN action (`failed`, `delayed`, `delivered`, `relayed`, `expanded`), or empty.
    pub action: String,
    /// The enhanced status code with full precision ("5.7.606"), or null.
    pub status: Option<String>,
    /// When the bounce gave no enhanced code: the code that stands for `reason` and the
    /// failure's class (`5.0.911` = userunknown, permanent), as Sisimai assigns it. Null when
    /// `status` is set. Not a code any server sent; for comparison and sorting only.
    #[serde(default)]
    pub implied_status: Option<String>,
    /// The SMTP reply code ("550"), or null.
    pub reply_code: Option<String>,
    /// Why this recipient failed.
    pub reason: Reason,
    /// True when retrying the same message to the same address cannot succeed.
    pub hard_bounce: bool,
    /// The host that rejected (or was being delivered to), if named.
    pub remote_host: Option<String>,
    /// The SMTP reply text (continuation lines joined), or the bounce's own explanation.
    pub diagnostic_text: String,
    /// The SMTP command the rejection answered (`RCPT`, `DATA`, ...), or null.
    pub command: Option<String>,
    /// The address the sender wrote, when the bounce says it led to `recipient` (an alias or a
    /// forwarding: RFC 3464's Original-Recipient when it differs, Sendmail's Final-Recipient
    /// beside its X-Actual-Recipient, Postfix's "(expanded from <...>)", Exim's "(generated
    /// from ...)"), lowercased; absent otherwise. `recipient` is then the address that was
    /// refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_recipient: Option<String>,
}

/// A part of the input that supports one conclusion; the page highlights it. The reason's is
/// the reply's lines; the others' are the fact's own words (the address, the code, the host,
/// the provider's wording), and a field may have several (an address the reply quotes twice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Which conclusion this supports: a `Diagnosis` field name such as `blocked_ip`, `sending_ip`,
    /// `reason`, `blocking_party`, `provider_code`.
    pub field: String,
    /// The supporting text, as it appears in the (decoded) message.
    pub text: String,
    /// Byte range `[start, end)` of `text` in the original input, when it appears there verbatim.
    pub span: Option<(usize, usize)>,
    /// The lines `text` was read in, when `text` is only a part of them (an address, a code, a
    /// host, a provider's words), for readers that look at the words around a fact; absent when
    /// `text` is the lines themselves, and on a field's further places (an address quoted again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<String>,
}

/// Something the user should know about how the input was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Stable id (`empty_input`, `binary_input`, `not_a_bounce`, `input_truncated`,
    /// `closed_list`, `receiver_resolver_refused`, ...). The app translates by id.
    /// `sender_on_microsoft365`: Microsoft 365 wrote the report about mail the sender sent
    /// out through it, and another organisation's server refused it (detail: the Exchange
    /// Online server that wrote the report, or the outbound pool its report names, such as
    /// "outbound normal IP pools").
    /// `sender_on_google`: Google wrote the report about mail the sender sent out through Gmail
    /// or Google Workspace, and another organisation's server refused it (detail: the Google
    /// host that wrote the report, when named, or empty).
    /// `combined_list_zone`: the refusal cites a zone that merges several lists
    /// (`sbl-xbl.spamhaus.org`), so the listing may be in any of them (detail: the zone).
    /// `read_receipt`: a read receipt (RFC 8098), not a bounce; the recipient is `delivered`
    /// (detail: the disposition type, `displayed`, `deleted`, ..., or empty).
    /// `refused_by_remote_server`: relaying was refused by a server the sender's server handed
    /// the mail to (usually the recipient's), not by the sender's own outgoing server (detail:
    /// the refusing host when the bounce names it, or empty).
    /// `full_or_too_big`: the reply (docomo's "552 Too much mail data") means a full mailbox
    /// or a message too large for it; the reason says the first.
    /// `sender_login_mismatch`: the sender's own outgoing server refused a From address that
    /// the logged-in account does not own (detail: that account, when named).
    /// `binary_input` has the detail `outlook_msg` when the bytes are an Outlook `.msg` file:
    /// they are not read as such here (evidence spans index the bytes given); convert them with
    /// `outlook_msg_text` and diagnose that text.
    /// `sent_through_esp`: the text is a sending service's own event or notification, so the
    /// mail left from that service's servers and a sending IP it names is the service's
    /// (detail: `sendgrid`, `mailgun`, `postmark`, `amazon_ses`, `sparkpost`, `mandrill` or
    /// `mailchimp`); also when the refused IP's host name is one of those services' servers.
    /// `refused_after_forwarding`: the server that reported the refusal only passed on a later
    /// hop's refusal of its own address (a forwarding service whose outbound address is listed):
    /// `blocked_ip` is then that server's address, not the sender's (detail: the server).
    /// Also a Postfix bounce for an alias's destination ("<b@example.net> (expanded from
    /// <alias@example.org>): host ... said: 550 ...") refused for a reason about the client
    /// (blocked, reputation, authentication, or unclear): the alias's server forwarded and was
    /// refused itself (detail: that server from the bounce's banner, else the alias's domain).
    /// `via_microsoft_cloud`: the refused address (`sending_ip`) is one of Exchange Online's
    /// client-access addresses (Microsoft's "Microsoft 365 URLs and IP address ranges", not its
    /// outbound mail servers): the new Outlook, Outlook on the web or Outlook's mobile apps
    /// connect to another provider's IMAP, POP and SMTP servers from Microsoft's cloud, so the
    /// user's own mail host refused Microsoft's connection, not a server of the user's. `sending_ip`
    /// stays that address, the one the host refused (detail: Microsoft's range holding it, such
    /// as `40.104.0.0/15`). Replaces `sender_on_microsoft365`, which is about Microsoft 365's
    /// outbound servers.
    /// `sender_account_stopped`: the sender's own mail service has stopped sending from the
    /// account (Amazon SES's "Sending paused for this account", Mail.ru's "message sending for
    /// this account is disabled"): no recipient's side is the cause.
    /// `greylisted`: the receiver greylists (RFC 6647): it turned away a first try on purpose,
    /// and the sending server's retry normally gets through.
    /// `refused_at_submission` also has the detail `smtp_session` for a pasted SMTP session
    /// (telnet, openssl s_client) that logged in ("235 ... Authentication successful") before
    /// the refusal: a login is only taken by the sender's own outgoing server.
    /// It has the detail `gmail_send_as` for Gmail's notice that "the relay" it sent through
    /// refused the mail ("Send mail as" through another account's SMTP server): that relay is
    /// the sender's own outgoing server, though Gmail did send a bounce.
    /// `connect_failed_at_submission`: the text is a mail program's or a mail library's own
    /// error that it could not connect to its outgoing server, or lost the connection before
    /// any reply (Outlook's 0x800CCC0E/0x800CCC0F, Thunderbird's "connecting to Outgoing server
    /// (SMTP) ... failed", `Errno::ECONNREFUSED`, ...): nothing was refused and the message
    /// never left (detail: the program, and the port when the error names one: `outlook:25`,
    /// `ruby:587`, `thunderbird`).
    /// `inbound_refusal_log`: the text is a receiving server's own log of refusing a client
    /// (Postfix `smtpd` "NOQUEUE: reject: RCPT from host[address]"), so the refused server is
    /// the one that tried to deliver to the logging server (detail: that client,
    /// `host[address]`); also fetchmail's "SMTP listener refused delivery", the user's own
    /// server refusing mail fetchmail fetched for the user (detail: `fetchmail`). Not for a
    /// client on the logging host itself (`localhost[127.0.0.1]`, `[::1]`): that is a program
    /// of the poster's own on the same machine. Also a Postfix final-delivery agent's own log
    /// line (`postfix/lmtp`, `local` or `virtual` with `status=bounced`): the server that holds
    /// the mailbox refused to store the message, so the reader runs that mailbox (detail:
    /// `final_delivery`; no client was refused and no IP is the poster's).
    /// `sending_server_log`: the paste is the sending side's own record of the delivery, so
    /// whoever pasted it runs (or sits at) the machine that tried to deliver, and an address the
    /// refusal names as the client is that machine's: the sending server's log lines (Postfix's
    /// `smtp` or `error` agent, Exim's main log "**" or "==" lines with a remote host, Sendmail's
    /// "mailer=esmtp, ... stat=", qmail-send's remote "delivery N: failure:", ZoneMTA's
    /// "Sender/<zone>/<pid>" with a failure reply; detail `log`), or an SMTP session typed by
    /// hand (telnet, nc, openssl s_client: a greeting, then commands each answered by the
    /// server; detail `session`). Read from the form alone; never with `inbound_refusal_log`
    /// (the receiving side's log) or `refused_at_submission` (a session that logged in).
    /// `domain_listed`: the cited zone lists domain names, not IP addresses (Spamhaus DBL,
    /// URIBL, SURBL): a name in the mail (its HELO name, sender domain or a link's domain) is
    /// listed, not the sending address (detail: that name when the refusal gives it, as
    /// Postfix's "Helo command [example.net] blocked using multi.uribl.com" does, or empty).
    /// `gmail_ipv6`: Gmail refused mail sent over IPv6 for its IPv6 sending guidelines (a PTR
    /// record for the IPv6 address, SPF or DKIM passing); the address it names may be masked
    /// and then is no `blocked_ip`.
    /// `group_post_refused`: a group (mailing list) refused the post by its own rule, or may
    /// not exist: Google Groups' notice that "the group you tried to contact (NAME) may not
    /// exist, or you may not have permission to post messages to the group", read in any
    /// language by its help centre's address and its four reasons (detail: `google_groups`).
    /// The group's address, its owner's posting setting or the sender's membership is the
    /// cause, never a block of the sender.
    pub id: String,
    /// A detail that fills the note (a zone name, a size), or empty.
    pub detail: String,
}

impl Note {
    /// Every note id the core writes. The page and the CLI keep a text for each one
    /// (`ndr-web`'s `i18n::note_text` is tested against this list), and `tests/bounces.rs`
    /// checks that no fixture gets an id missing here.
    pub const IDS: &'static [&'static str] = &[
        "empty_input",
        "binary_input",
        "input_truncated",
        "mime_too_deep",
        "charset_not_decoded",
        "not_a_bounce",
        "attached_bounce",
        "auto_reply",
        "feedback_report",
        "closed_list",
        "receiver_resolver_refused",
        "combined_list_zone",
        "sender_on_microsoft365",
        "sender_on_google",
        "first_of_several_messages",
        "held_for_moderation",
        "read_receipt",
        "refused_by_remote_server",
        "full_or_too_big",
        "sender_login_mismatch",
        "greylisted",
        "refused_at_submission",
        "connect_failed_at_submission",
        "inbound_refusal_log",
        "sending_server_log",
        "sent_through_esp",
        "refused_after_forwarding",
        "via_microsoft_cloud",
        "sender_account_stopped",
        "domain_listed",
        "gmail_ipv6",
        "group_post_refused",
    ];
}

/// Everything NDR Doctor concluded from one bounce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Diagnosis {
    /// Where the message came from (a path, `path#3` for the third message of an mbox,
    /// `-` for stdin); set by the caller, null from `diagnose`.
    pub source: Option<String>,
    /// One entry per failed (or reported) recipient.
    pub recipients: Vec<Recipient>,
    /// The reason of the whole message (the first failed recipient's, unless a better one is known).
    pub reason: Reason,
    /// True when resending the same message cannot succeed until something changes.
    pub hard_bounce: bool,
    /// The sender's IP that the rejecting side says it blocks, or null. Never the rejecting
    /// server's own address, unless that server only passed on a later hop's refusal of its own
    /// address (note `refused_after_forwarding`: the address is a forwarder's). Set only when
    /// the refusal is about the address: not for an authentication failure (`authfailure`) nor
    /// a refusal of the message itself (spam, content, format, virus, size), unless the refusal
    /// names a list of addresses (its zone, or a list operator as the blocking party). The
    /// address such a refusal only names is `sending_ip`.
    pub blocked_ip: Option<String>,
    /// The scope of `blocked_ip`; only `public` addresses are looked up.
    pub blocked_ip_scope: Option<IpScope>,
    /// The sender's IP address the bounce names as the sending server's (the connecting
    /// client), blocked or not: Gmail's "SPF [example.com] with ip: [192.0.2.1] = did not pass",
    /// the bracket Gmail prints in every reply, a blocklist refusal's client. Equal to
    /// `blocked_ip` whenever that is set; without it, the refusal names the address without
    /// blocking it (an authentication failure, a refusal of the message itself). Absent when the
    /// bounce names no such address. The lookups ask about `blocked_ip`, else this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_ip: Option<String>,
    /// The scope of `sending_ip`; only `public` addresses are looked up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending_ip_scope: Option<IpScope>,
    /// The rejecting server's host name, or null.
    pub remote_host: Option<String>,
    /// The rejecting server's IP, or null.
    pub remote_ip: Option<String>,
    /// Who blocked it, or null.
    pub blocking_party: Option<Party>,
    /// A DNSBL zone named in the text (`zen.spamhaus.org`), or null.
    pub list_zone: Option<String>,
    /// The SMTP reply code of the decisive rejection ("550"), or null.
    pub smtp_code: Option<String>,
    /// The enhanced status code of the decisive rejection ("5.7.606"), or null.
    pub enhanced_code: Option<String>,
    /// A provider's own code (S3150, SC-001, AS(16012609), TSS04, ERS-QIL, BL21, ...), or null.
    pub provider_code: Option<String>,
    /// The domain of the original sender, or null. When `sender_address` is set, its domain.
    pub sender_domain: Option<String>,
    /// The original sender's address as the bounce shows it (the returned message's `From:`, a
    /// report's envelope sender, a refusal that quotes it, the bounce's own `To:`), read from
    /// the same place as `sender_domain`; absent when the bounce shows none, or shows only a
    /// mailer-daemon or postmaster, a masked address or a recipient's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_address: Option<String>,
    /// When the returned message was sent: its own `Date:` field as written ("Mon, 27 Mar 2017
    /// 14:52:05 +0200"); without it, the time a pasted notice's own block shows (see
    /// `subject`); absent when the bounce shows neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    /// The returned message's subject: its own `Subject:` field (encoded words read in their
    /// charset; at most 200 characters), or else as the block a mail program shows above a
    /// pasted notice gives it behind the notice's own prefix (Outlook's "Subject:
    /// Undeliverable: Invoice", "件名: 配信不能: 請求書"); absent otherwise. That block's time ("Sent:", "送信日時:") is
    /// `sent_at` when the bounce carries no returned header, unless the delivery was only
    /// delayed or expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The receiving side's size limit in bytes, when a size refusal (`mesgtoobig`,
    /// `exceedlimit`) states it: Postfix's "exceeds size limit N of server", Sendmail's
    /// "exceeds fixed maximum message size (N)", Exim's "message too big: read=N max=M".
    /// Absent when the bounce gives no figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_limit_bytes: Option<u64>,
    /// The input lines that led to each conclusion.
    pub evidence: Vec<Evidence>,
    /// How the input was read: empty, binary, not a bounce, truncated, ...
    pub notes: Vec<Note>,
}

impl Diagnosis {
    /// True when the input is not a bounce at all (an ordinary mail, a sentence, binary data,
    /// nothing but white space): no delivery report, no reason, no recipient. The page and the
    /// CLI then say what to give instead of a verdict, steps and a message built on nothing.
    pub fn is_not_a_bounce(&self) -> bool {
        self.reason == Reason::Undefined
            && self.recipients.is_empty()
            && self.notes.iter().any(|n| {
                matches!(
                    n.id.as_str(),
                    "not_a_bounce" | "binary_input" | "empty_input"
                )
            })
    }

    /// A one-line rendering for tests: `"550 5.7.606 blocked microsoft 192.0.2.1"`,
    /// with `-` for each missing part.
    pub fn summary(&self) -> String {
        let party = self.blocking_party.map_or("-", Party::id);
        format!(
            "{} {} {} {} {}",
            self.smtp_code.as_deref().unwrap_or("-"),
            self.enhanced_code.as_deref().unwrap_or("-"),
            self.reason.name(),
            party,
            self.blocked_ip.as_deref().unwrap_or("-"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unexplained_paste_without_recipients_is_not_a_bounce() {
        let note = |id: &str| Note {
            id: id.into(),
            detail: String::new(),
        };
        let plain = Diagnosis {
            notes: vec![note("not_a_bounce")],
            ..Diagnosis::default()
        };
        assert!(Diagnosis::is_not_a_bounce(&plain));
        let binary = Diagnosis {
            notes: vec![note("binary_input")],
            ..Diagnosis::default()
        };
        assert!(Diagnosis::is_not_a_bounce(&binary));
        // Review 4, L1: an empty paste got the playbook of an unexplained bounce in the CLI
        // and the JavaScript API.
        assert!(Diagnosis::is_not_a_bounce(&crate::diagnose(b"")));
        assert!(Diagnosis::is_not_a_bounce(&crate::diagnose(b" \r\n\t\n")));
        let explained = Diagnosis {
            reason: Reason::UserUnknown,
            ..plain.clone()
        };
        assert!(!Diagnosis::is_not_a_bounce(&explained));
        assert!(!Diagnosis::is_not_a_bounce(&Diagnosis::default()));
    }

    #[test]
    fn the_original_recipient_is_written_only_when_there_is_one() {
        let plain = Recipient {
            recipient: "bob@example.net".into(),
            ..Recipient::default()
        };
        let json = serde_json::to_string(&plain).unwrap();
        assert!(!json.contains("original_recipient"), "{json}");
        // JSON written before the field existed reads as no original recipient.
        let read: Recipient = serde_json::from_str(&json).unwrap();
        assert_eq!(read.original_recipient, None);
        let forwarded = Recipient {
            original_recipient: Some("team@example.org".into()),
            ..plain
        };
        let json = serde_json::to_string(&forwarded).unwrap();
        assert!(
            json.contains(r#""original_recipient":"team@example.org""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Recipient>(&json).unwrap(), forwarded);
    }

    #[test]
    fn reason_names_round_trip_through_serde() {
        assert_eq!(Reason::ALL.len(), 36);
        for &r in Reason::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.name()));
            assert_eq!(Reason::from_name(r.name()), Some(r));
        }
    }

    #[test]
    fn party_ids_round_trip_through_serde() {
        for &p in Party::ALL {
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.id()));
            assert_eq!(Party::from_id(p.id()), Some(p));
        }
    }
}
