//! The advice for the shapes of the held-out set ad. The texts are written for these tests, in
//! the shapes the pasted bounces had, with example domains and documentation addresses; they go
//! through the core as a paste would.

use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{advise, Actor, Lang};

fn who(text: &str) -> Vec<Actor> {
    let d = diagnose(text.as_bytes());
    advise(&d, Lang::En).who.iter().map(|w| w.id).collect()
}

/// A provider's own block of the sending address (T-Online's "(BL)", GMX's "IP address is
/// block listed", Comcast's BL codes, AT&T's DNSBL:RBL) names whoever runs the sending server
/// first, as every playbook about a refused sending address does; a paste from that server's
/// own log (Postfix's smtp line) names its administrator first, the reader who runs it.
#[test]
fn a_providers_block_of_the_sending_address_names_the_server_first() {
    let replies = [
        (
            Party::TOnline,
            "friend@t-online.de",
            "mx02.t-online.de",
            "refused to talk to me: 554 IP=192.0.2.60 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)",
        ),
        (
            Party::Gmx,
            "friend@gmx.net",
            "mx00.emig.gmx.net",
            "refused to talk to me: 554-gmx.net (mxgmx008) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address is block listed. 554 For explanation visit https://postmaster.gmx.net/en/case?c=r0301&i=ip&v=192.0.2.45&r=1AbC",
        ),
        (
            Party::Comcast,
            "friend@comcast.net",
            "mx1.comcast.net",
            "refused to talk to me: 554 resimta-h1p-012345.sys.comcast.net resimta-h1p-012345.sys.comcast.net 192.0.2.70 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001",
        ),
        (
            Party::Att,
            "friend@att.net",
            "al-ip4-mx-vip1.prodigy.net",
            "said: 553 5.3.0 alph737 DNSBL:RBL 521< 192.0.2.55 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net (in reply to MAIL FROM command)",
        ),
    ];
    for (party, rcpt, host, reply) in replies {
        let bounce = format!("<{rcpt}>: host {host}[198.51.100.20] {reply}\n");
        let d = diagnose(bounce.as_bytes());
        assert_eq!(d.blocking_party, Some(party), "{bounce}");
        assert_eq!(
            who(&bounce),
            [Actor::SenderProvider, Actor::SenderAdmin],
            "{bounce}"
        );
        let logged = format!(
            "Mar  5 10:00:00 mail postfix/smtp[123]: 4B2C1A0F3E: to=<{rcpt}>, relay={host}[198.51.100.20]:25, delay=1, delays=0.1/0/0.9/0, dsn=5.0.0, status=bounced (host {host}[198.51.100.20] {reply})\n"
        );
        let d = diagnose(logged.as_bytes());
        assert_eq!(d.blocking_party, Some(party), "{logged}");
        assert!(
            d.notes.iter().any(|n| n.id == "sending_server_log"),
            "{logged}"
        );
        assert_eq!(
            who(&logged),
            [Actor::SenderAdmin, Actor::SenderProvider],
            "{logged}"
        );
    }
}

/// The recipient refusals the set showed in other forms (Coremail's "RCPT TO said") are the
/// sender's to check; a delay warning for a domain with no mail server too: waiting does not
/// help. (A pipelined Sendmail transcript, held-out ad 11, keeps Sisimai's reading at DATA.)
#[test]
fn unknown_recipients_and_domains_are_the_senders_to_check() {
    let text = "英文说明:SMTP error, RCPT TO: Host example.org(192.0.2.25) RCPT TO said 550 Mailbox not found\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::UserUnknown, "{text}");
    assert_eq!(who(text).first(), Some(&Actor::Sender), "{text}");
    let delayed = "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; kenji@example.org\nAction: delayed\nStatus: 4.4.4\nDiagnostic-Code: smtp; 454 4.4.4 [internal] no MX or A for domain\n";
    let d = diagnose(delayed.as_bytes());
    assert_eq!(d.reason, Reason::HostUnknown);
    assert_eq!(who(delayed).first(), Some(&Actor::Sender));
}

/// Yahoo's "Message not allowed - [NNN]" gets Yahoo's advice on the message's content.
#[test]
fn yahoos_message_not_allowed_gets_its_content_advice() {
    let text = "Every mail to Yahoo comes back with \"554 Message not allowed - [299]\".\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Yahoo));
    assert_eq!(advise(&d, Lang::En).id, "yahoo-content");
    assert_eq!(who(text).first(), Some(&Actor::Sender));
}
