//! The advice for the shapes of the held-out set z (cases 04, 14 and 16) and of two leftovers
//! of sets x and y (x 23, y 34). The texts are written for these tests, in the shapes the pasted
//! bounces had, with example domains and documentation addresses; they go through the core as a
//! paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{select, Actor};

/// Case 16: a sending service (SMTP2GO) refuses the client's IP address by the account's own
/// settings ("IP Authentication", "IP Allowlist"): the account's owner acts, no blocklist, no
/// recipient; the relay's own address is no blocked IP.
#[test]
fn a_relay_refusing_the_clients_ip_by_the_accounts_settings() {
    let pasted = "someone can help me\ni get error: 550 that IP address is not allowed to send\n";
    let logged = "Dec  1 10:00:00 mail postfix/smtp[123]: ABC123: to=<bo@example.org>, relay=mail.example.net[203.0.113.9]:2525, delay=1, dsn=5.0.0, status=bounced (host mail.example.net[203.0.113.9] said: 550 that IP address on this account is not allowed to send (in reply to MAIL FROM command))\n";
    for text in [pasted, logged] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.reason, Reason::Blocked, "{text}");
        assert_eq!(d.blocked_ip, None, "{text}");
        assert_eq!(d.blocking_party, None, "{text}");
        let s = select(&d);
        assert_eq!(s.playbook.id, "generic-relay-account-ip", "{text}");
        assert_eq!(s.playbook.actors.first(), Some(&Actor::Sender), "{text}");
    }
}

/// Case 14: Gmail's NotAuthorizedError as node's sendmail package prints it ("Error: SMTP
/// code:550 msg:550-5.7.1 ..."): Gmail refuses, so Gmail is the party, and the error text is the
/// server's reply alone, its program's prefix and its repeated line codes gone.
#[test]
fn gmail_not_authorized_in_a_node_error_names_gmail() {
    let text = "(node:28544) UnhandledPromiseRejectionWarning: Unhandled promise rejection (rejection id: 1): Error: SMTP code:550 msg:550-5.7.1 [198.51.100.8] The IP you're using to send mail is not authorized to\n550-5.7.1 send email directly to our servers. Please use the SMTP relay at your\n550-5.7.1 service provider instead. Learn more at\n550 5.7.1  https://support.google.com/mail/?p=NotAuthorizedError f64si1223417pfg.362 - gsmtp\n\n    at response (C:\\app\\node_modules\\sendmail\\sendmail.js:213:24)\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Gmail));
    assert_eq!(d.reason, Reason::NoRelaying);
    assert_eq!(d.blocked_ip.as_deref(), Some("198.51.100.8"));
    assert_eq!(select(&d).playbook.id, "gmail-direct-not-allowed");
    let shown = &d.recipients[0].diagnostic_text;
    assert!(
        shown.starts_with("550 5.7.1 [198.51.100.8] The IP you're using to send mail is not authorized to send email directly to our servers."),
        "{shown}"
    );
    assert!(shown.ends_with("- gsmtp"), "{shown}");
}

/// Case 04: a ZMailer report quoted in a list reply. ZMailer marks the lines the remote server
/// answered with "->>": they are the reply, a listed sending host (ORBS, a list long closed, so
/// no list is looked up), and its address is the blocked IP.
#[test]
fn zmailers_remote_reply_lines_quoted_in_a_reply() {
    let text = "From: Dan <dan@example.org>\nTo: Kim <kim@example.com>\nCc: list@example.net\nSubject: Re: Delivery reports about your email [FAILED(1)] (fwd)\nDate: Sun, 20 May 2001 12:53:00 +0100\nMessage-ID: <1@example.org>\n\n\nkim@example.com said:\n> Why?\n\n> ---------- Forwarded message ----------\n> Some explanations/translations for these reports\n> can be found at:\n>      http://www.zmailer.org/reports.html\n\n>    ->> 550-Open relay - see http://www.orbs.org/verify.php3?address=192.0.2.7\n>    ->> 550 mail from 192.0.2.7 rejected: administrative prohibition (host is blacklisted)\n\nThis means that:\nThe mail from 192.0.2.7 was rejected because of an administrative\nprohibition - that host is blacklisted.\n\n--\ndan\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::Blocked);
    assert_eq!(d.blocked_ip.as_deref(), Some("192.0.2.7"));
    assert_eq!(d.smtp_code.as_deref(), Some("550"));
    assert_eq!(d.list_zone, None);
    let shown = &d.recipients[0].diagnostic_text;
    assert!(shown.starts_with("550 Open relay"), "{shown}");
    assert!(shown.ends_with("(host is blacklisted)"), "{shown}");
    // "administrative prohibition" alone is still a refusal of the sender, not a listing.
    let plain = diagnose(b"550 rejected: administrative prohibition\n");
    assert_eq!(plain.reason, Reason::Rejected);
}

/// Set x, case 23: a receiving server's log quoted as "#" comments (a note in a script): the
/// mark comes off every line, so the reply's wrapped line ("client [...] blocked using
/// zen.spamhaus.org") joins it; the advice for a refused Spamhaus query at the receiver stays.
#[test]
fn a_log_quoted_as_shell_comments_joins_its_wrapped_reply() {
    let text = "# Spamhaus refuses queries that arrive through a public resolver, and it\n# refuses them by ANSWERING - 127.255.255.254, \"Error: open resolver\". So on\n# an appliance whose gateway resolves through a public DNS service, every\n# sender looks listed:\n#\n#   NOQUEUE: reject: RCPT from [...]: 550 5.7.1 Service unavailable;\n#   client [...] blocked using zen.spamhaus.org\n#\n# That is what happened on a live deployment.\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::Blocked);
    assert_eq!(d.list_zone.as_deref(), Some("zen.spamhaus.org"));
    let shown = &d.recipients[0].diagnostic_text;
    assert!(
        shown.ends_with(
            "550 5.7.1 Service unavailable; client [...] blocked using zen.spamhaus.org"
        ),
        "{shown}"
    );
    assert_eq!(select(&d).playbook.id, "spamhaus-open-resolver-own");
}

/// Set y, case 34: a notice that gives the failure as a sentence ("There was an issue
/// delivering your message to a@example.org. This is an 5.1.2 Error.") names the recipient in
/// that sentence, also forwarded inside a list message.
#[test]
fn a_prose_notice_names_its_recipient() {
    let notice = "MESSAGE NOT DELIVERED\n\nThere was an issue delivering your message to bob@example.net. This\nis an 5.1.2 Error.\n\nThis error typically means: The domain name of the email address is not valid\n";
    let list = format!("From: Ann <ann@example.org>\nTo: list@example.com\nSubject: email issues?\n\nGetting a lot of these.\n\n---------- Forwarded message ---------\nFrom: Postmaster <postmaster@example.net>\nSubject: Undeliverable: Re: a patch\nTo: <ann@example.org>\n\n\n{notice}");
    for text in [notice.to_string(), list] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.reason, Reason::HostUnknown, "{text}");
        assert_eq!(d.recipients[0].recipient, "bob@example.net", "{text}");
        assert_eq!(d.recipients[0].status.as_deref(), Some("5.1.2"), "{text}");
    }
}
