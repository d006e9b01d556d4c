//! Outlook.com, Hotmail, Live and MSN: Microsoft's consumer mailboxes, whose blocks are
//! lifted through the Outlook.com deliverability support form, not the business delist portal.

use super::{Rule, Table};
use crate::Party::OutlookCom;
use crate::Reason::{
    AuthFailure, BadReputation, Blocked, SecurityError, Speeding, SystemError, TooManyConn,
};

pub(super) const TABLE: Table = Table {
    name: "outlook_com",
    hosts: &[
        ".olc.protection.outlook.com",
        ".hotmail.com",
        "hotmail.co.jp",
        "outlook.com",
        "outlook.jp",
        "live.com",
        "live.jp",
        "msn.com",
    ],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your
        // Internet service provider since part of their network is on our block list (S3150).
        // Source: https://github.com/hestiacp/hestiacp/issues/2901 (undocumented by Microsoft)
        Rule::by(OutlookCom).code("S3150").reason(Blocked),
        // The same wording with (S3140): a block of the sending address itself.
        // Source: https://github.com/regnull/ubikom/issues/26
        Rule::by(OutlookCom).code("S3140").reason(Blocked),
        // The same wording with (AS3140).
        // Source: https://github.com/root-io/vmail/issues/91
        Rule::by(OutlookCom).code("AS(3140)").reason(Blocked),
        // 451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP
        // reputation. For e-mail delivery information, see https://postmaster.live.com (S3113)
        // Source: https://github.com/sendgrid/docs/issues/6275
        Rule::by(OutlookCom).code("S3113").reason(BadReputation),
        // The same without (or with another) code; Sisimai calls it badreputation.
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go
        Rule::by(OutlookCom)
            .status("4.7.650")
            .text(&["rate limited due to ip reputation"])
            .reason(BadReputation),
        // The same sentence under another status ("451 4.7.651 The mail server [192.0.2.1] has
        // been temporarily rate limited due to IP reputation. For e-mail delivery information,
        // see https://postmaster.live.com (S844)", also with https://aka.ms/postmaster): the
        // sentence with the link to Outlook.com's postmaster site is Outlook.com's own.
        // Source: https://github.com/Mailu/Mailu/issues/3013 (4.7.651, S844)
        Rule::by(OutlookCom)
            .text(&["rate limited due to ip reputation", "postmaster"])
            .reason(BadReputation),
        // 451 4.7.652 The mail server [192.0.2.1] has exceeded the maximum number of
        // connections. (S3115)
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go
        Rule::by(OutlookCom)
            .status("4.7.652")
            .text(&["exceeded the maximum number of connections"])
            .reason(TooManyConn),
        // 550 5.7.515 Access denied, sending domain [EXAMPLE.COM] does not meet the required
        // authentication level. (the high-volume sender rules of Outlook.com, from 2025-05-05)
        // Source: https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef
        Rule::by(OutlookCom)
            .status("5.7.515")
            .text(&["meet the required authentication level"])
            .reason(AuthFailure),
        // 5.7.0 (COL004-MC1F52) Unfortunately, messages from (192.0.2.1) on behalf of
        // (example.org) could not be delivered due to domain owner policy restrictions.
        // Outlook.com's refusal under the From domain's DMARC policy (RFC 7489 calls the
        // domain's holder the "Domain Owner"): the mail failed the domain's own authentication.
        // Source: https://mid.mail-archive.com/debian-user@lists.debian.org/msg683187.html
        // (quoted with the list's bounce page; the "MC" code is Outlook.com's, as in SC-001).
        Rule::by(OutlookCom)
            .text(&["due to domain owner policy restrictions"])
            .reason(AuthFailure),
        // 550 SC-001 (BAY004-MC4F49) Unfortunately, messages from 192.0.2.1 weren't sent. ...
        // Rejected for policy reasons: content or address reputation.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("SC-001").reason(Blocked),
        // 550 SC-002: the address was seen mining the namespace (probing recipients).
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("SC-002").reason(Blocked),
        // 550 SC-003: the address looks like an open proxy or relay.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("SC-003").reason(Blocked),
        // 550 SC-004: blocked because of complaints.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("SC-004").reason(Blocked),
        // 421 RP-001: the sending address exceeded the rate its reputation allows.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("RP-001").reason(Speeding),
        // 421 RP-002: too many messages on one connection for the reputation.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("RP-002").reason(Speeding),
        // 421 RP-003: too many connections for the reputation.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("RP-003").reason(TooManyConn),
        // 550 DY-002: the address looks compromised or infected.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("DY-002").reason(Blocked),
        // 550 OU-002: policy rejection on content or address reputation.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom).code("OU-002").reason(Blocked),
        // 5.3.4 Requested action not taken; To continue sending messages, please sign in to your
        // account. Outlook.com's submission server (smtp.live.com) refuses to send for an
        // account not yet verified until its owner signs in on the web and solves the check
        // (the blog post below; Outlook.com's mail to the owner says "To continue sending
        // messages, please sign in and validate your Outlook.com account"). Not the size the
        // bare 5.3.4 means, and the sender's own provider is no blocking party (held-out y 37).
        // Source: Levi Botelho, "Sending Email From C# Via Hotmail/Outlook/Windows Live"
        // (2013, http://levibotelho.azurewebsites.net/?p=32)
        Rule::nobody()
            .text(&["to continue sending messages, please sign in"])
            .reason(SecurityError),
        // 451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761) from a
        // consumer front end: a throttle the sending server retries; Sisimai calls it systemerror.
        // Source: https://github.com/sisimai/go-sisimai/blob/main/rhost/for-microsoft.go
        Rule::by(OutlookCom)
            .at_host()
            .text(&["server busy. please try again later from"])
            .reason(SystemError),
        // The S3150 sentence under an "AS" tag that no rule above knows ("... part of their
        // network is on our block list (AS3150)"): the words and the tag are Outlook.com's
        // own, and name its network block. (The sentence with no tag at all stays the
        // generic block: other servers copy it.)
        Rule::by(OutlookCom)
            .text(&["part of their network is on our block list (as"])
            .reason(Blocked),
        // The sentence quoted with neither code nor tag, but with the link Outlook.com puts
        // after it ("You can also refer your provider to
        // http://mail.live.com/mail/troubleshooting.aspx#errors."): the link is Outlook.com's
        // own, which a server copying the sentence would not give.
        // Source: https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx
        Rule::by(OutlookCom)
            .text(&[
                "part of their network is on our block list",
                "mail.live.com/mail/",
            ])
            .reason(Blocked),
    ],
};
