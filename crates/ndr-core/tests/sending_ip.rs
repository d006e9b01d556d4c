//! `blocked_ip` is the address a refusal is about; `sending_ip` is the sending server's address
//! the bounce names, blocked or not (task h215). Held-out sets ac and ad: six Gmail refusals
//! that name the connecting client without blocking it, in the shapes people paste them
//! (written here with documentation addresses and example domains).

use ndr_core::{diagnose, Diagnosis, IpScope, Reason};

/// Gmail's authentication refusals (550 5.7.26) name the client because the domain's SPF record
/// does not authorize it: the address is the sending server's, not blocked.
const AUTHENTICATION: &[(&str, &str)] = &[
    // The sending server's own Postfix log line, over IPv6, SPF "with ip:" (ac19's shape).
    (
        "Mar 03 09:12:44 relay postfix/smtp[20417]: 4A1B2C3D4E: to=<kim@gmail.com>, \
         relay=gmail-smtp-in.l.google.com[2001:db8:4860::1b]:25, delay=0.8, \
         delays=0.1/0/0.2/0.5, dsn=5.7.26, status=bounced (host \
         gmail-smtp-in.l.google.com[2001:db8:4860::1b] said: 550-5.7.26 Your email has been \
         blocked because the sender is unauthenticated. 550-5.7.26 Gmail requires all senders \
         to authenticate with either SPF or DKIM. 550-5.7.26  550-5.7.26  Authentication \
         results: 550-5.7.26  DKIM = did not pass 550-5.7.26  SPF [mail.example.org] with ip: \
         [2001:db8:a1::25] = did not pass 550-5.7.26  550-5.7.26  For instructions on setting \
         up authentication, go to 550 5.7.26  \
         https://support.google.com/mail/answer/81126#authentication x12si345 - gsmtp (in reply \
         to end of DATA command))\n",
        "2001:db8:a1::25",
    ),
    // A Postfix notice pasted with its reply wrapped: "SPF check for [...] does not pass with
    // ip: [...]" (ac26's shape).
    (
        "<lee@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:\n    \
         550-5.7.26 This message does not pass authentication checks (SPF and DKIM\n    \
         both 550-5.7.26 do not pass). SPF check for [example.net] does not pass with\n    \
         ip: 550-5.7.26 [192.0.2.44].To best protect our users from spam, the\n    \
         message 550-5.7.26 has been blocked. Please visit 550-5.7.26\n    \
         https://support.google.com/mail/answer/81126#authentication for more 550\n    \
         5.7.26 information. y7si1234567wrm.137 -\n    \
         gsmtp (in reply to end of DATA command)\n",
        "192.0.2.44",
    ),
    // Gmail's newer words, "did not pass with ip:", indented as a mail program shows them
    // (ad23's shape).
    (
        "Delivery to the following recipient failed permanently:\n\n\
         \x20    ann@gmail.com\n\n\
         Technical details of permanent failure:\n\
         \x20    550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n\
         \x20    550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n\
         \x20    550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\n\
         \x20    550-5.7.26 DKIM checks did not pass and SPF check for\n\
         \x20    [bounces.example.com] 550-5.7.26 did not pass with ip: [203.0.113.52]. The\n\
         \x20    sender should visit 550-5.7.26\n\
         \x20    https://support.google.com/mail/answer/81126#authentication for 550 5.7.26\n\
         \x20    instructions on setting up authentication. z3si88 - gsmtp\n",
        "203.0.113.52",
    ),
];

/// Gmail's refusals of a message it takes for spam (550 5.7.1): the bracket after the status is
/// the connecting client, which Gmail prints in every reply; the message is refused.
const SPAM: &[(&str, &str)] = &[
    // A reply pasted alone (ac33's shape).
    (
        "550-5.7.1 [192.0.2.33      12] Our system has detected that this message is\n\
         550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n\
         550-5.7.1 this message has been blocked. Please visit\n\
         550 5.7.1  https://support.google.com/mail/answer/188131 for more information. \
         q5si2166wmb.87 - gsmtp\n",
        "192.0.2.33",
    ),
    // A whole bounce message whose transcript carries it (ad01's shape).
    (
        "From: Mail Delivery System <MAILER-DAEMON@mail.example.com>\n\
         To: <news@example.com>\n\
         Subject: Mail delivery failed: returning message to sender\n\
         Date: Tue, 4 Mar 2025 10:00:00 +0100\n\
         Content-Type: text/plain; charset=us-ascii\n\n\
         This message was created automatically by mail delivery software.\n\n\
         A message that you sent could not be delivered to one or more of its\n\
         recipients. This is a permanent error. The following address(es) failed:\n\n\
         \x20 pat@gmail.com\n\
         \x20   host gmail-smtp-in.l.google.com [198.51.100.26]\n\
         \x20   SMTP error from remote mail server after end of data:\n\
         \x20   550-5.7.1 [198.51.100.80      12] Our system has detected that this message is\n\
         \x20   550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\n\
         \x20   550-5.7.1 this message has been blocked. Please visit\n\
         \x20   550-5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError\n\
         \x20   550 5.7.1  for more information. c6si33740377wmq.45 - gsmtp\n",
        "198.51.100.80",
    ),
    // The sending server's Postfix log line over IPv6, the bracket padded (ad24's shape).
    (
        "Mar 04 11:02:10 vps postfix/smtp[5327]: 9F0E1D2C3B: to=<sam@gmail.com>, \
         relay=gmail-smtp-in.l.google.com[2001:db8:4860::1a]:25, delay=1.3, \
         delays=0/0/0.36/0.92, dsn=5.7.1, status=bounced (host \
         gmail-smtp-in.l.google.com[2001:db8:4860::1a] said: 550-5.7.1 [2001:db8:180:1::25      \
         12] Our system has detected that this 550-5.7.1 message is likely unsolicited mail. To \
         reduce the amount of spam sent 550-5.7.1 to Gmail, this message has been blocked. \
         Please visit 550-5.7.1 http://support.google.com/mail/bin/answer.py?hl=en&answer=188131 \
         for 550 5.7.1 more information. zh4si5810344pac.179 - gsmtp (in reply to end of DATA \
         command))\n",
        "2001:db8:180:1::25",
    ),
];

/// Refusals of the message itself (its format) that name the connecting client only for
/// reference: Gmail's bracket after the status, which it prints in every reply (Google's SMTP
/// error reference, https://support.google.com/a/answer/3726730: "550-5.7.1 [192.0.2.1 14]
/// Messages missing a valid address in From: header ..."), and GMX's and WEB.DE's explanation
/// link, which carries "the delivering mail server"'s address
/// (https://postmaster.gmx.com/en/error-messages). The address is the sending server's; the
/// message, not the address, is refused (task h218).
const MESSAGE: &[(&str, &str)] = &[
    // Gmail, a header twice (Sisimai's rhost-google-08's words), the bracket padded.
    (
        "550-5.7.1 [203.0.113.5      12] This message is not RFC 5322 compliant. There are\n\
         550-5.7.1 multiple From headers. To reduce the amount of spam sent to Gmail, this\n\
         550-5.7.1 message has been blocked. Please visit\n\
         550-5.7.1  https://support.google.com/mail/?p=RfcMessageNonCompliant\n\
         550 5.7.1 and review RFC 5322 specifications for more information. a1si2 - gsmtp\n",
        "203.0.113.5",
    ),
    // Gmail, no Message-ID, the bracket bare, in a Postfix notice.
    (
        "<ann@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:\n    \
         550-5.7.1 [203.0.113.6] Messages missing a valid Message-ID header are not\n    \
         550-5.7.1 accepted. For more information, go to 550-5.7.1\n    \
         https://support.google.com/mail/?p=RfcMessageNonCompliant 550 5.7.1 and review\n    \
         RFC 5322 specifications. b2si3 - gsmtp (in reply to end of DATA command)\n",
        "203.0.113.6",
    ),
    // WEB.DE's header case, `c=hi`, its error-messages link with `ip=`.
    (
        "<ann@web.de>: host mx-ha03.web.de[198.51.100.3] said: 554-Transaction failed\n    \
         554-Reject due to policy restrictions. 554 For explanation visit\n    \
         https://postmaster.web.de/error-messages?ip=203.0.113.7&c=hi (in reply to end\n    \
         of DATA command)\n",
        "203.0.113.7",
    ),
    // GMX's case link, the address as `&i=ip&v=`.
    (
        "<ben@gmx.net>: host mx00.emig.gmx.net[198.51.100.4] said: 554-Transaction failed\n    \
         554-Reject due to policy restrictions. 554 For explanation visit\n    \
         https://postmaster.gmx.net/en/case?c=hi&i=ip&v=203.0.113.8&r=0ABCD-1EFGH (in reply\n    \
         to end of DATA command)\n",
        "203.0.113.8",
    ),
];

fn evidence_of<'a>(d: &'a Diagnosis, field: &str) -> Option<&'a str> {
    d.evidence
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.text.as_str())
}

#[track_caller]
fn named_not_blocked(text: &str, ip: &str, reason: Reason) {
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, reason, "{text}");
    assert_eq!(d.blocked_ip, None, "{text}");
    assert_eq!(d.blocked_ip_scope, None, "{text}");
    assert_eq!(d.sending_ip.as_deref(), Some(ip), "{text}");
    assert_eq!(d.sending_ip_scope, Some(IpScope::Documentation), "{text}");
    assert!(
        evidence_of(&d, "sending_ip").is_some_and(|e| e.contains(ip.split(':').next().unwrap())),
        "{text}: {:?}",
        d.evidence
    );
    assert_eq!(evidence_of(&d, "blocked_ip"), None, "{text}");
}

#[test]
fn gmails_authentication_refusal_names_the_sending_ip_without_blocking_it() {
    for (text, ip) in AUTHENTICATION {
        named_not_blocked(text, ip, Reason::AuthFailure);
    }
}

#[test]
fn gmails_spam_refusal_names_the_sending_ip_without_blocking_it() {
    for (text, ip) in SPAM {
        named_not_blocked(text, ip, Reason::SpamDetected);
    }
}

#[test]
fn a_message_refusal_names_the_sending_ip_without_blocking_it() {
    for (text, ip) in MESSAGE {
        named_not_blocked(text, ip, Reason::NotCompliantRfc);
    }
}

/// A refusal about the address: both fields hold it, with the same evidence.
#[test]
fn a_blocked_address_is_also_the_sending_one() {
    let cases = [
        // A blocklist refusal of the client.
        (
            "<kim@example.org>: host mx.example.org[198.51.100.9] said: 554 5.7.1 Service\n    \
             unavailable; Client host [203.0.113.61] blocked using zen.spamhaus.org;\n    \
             (in reply to RCPT TO command)\n",
            "203.0.113.61",
        ),
        // Gmail's refusal for the address's reputation.
        (
            "421-4.7.0 [192.0.2.71      15] Our system has detected an unusual rate of\n\
             421-4.7.0 unsolicited mail originating from your IP address. To protect our\n\
             421-4.7.0 users from spam, mail sent from your IP address has been temporarily\n\
             421-4.7.0 rate limited. Please visit\n\
             421-4.7.0  https://support.google.com/mail/?p=UnsolicitedIPError to review our\n\
             421 4.7.0 Bulk Email Senders Guidelines. a1si2 - gsmtp\n",
            "192.0.2.71",
        ),
        // A spam refusal that names a list of addresses: the listing is of the address.
        (
            "<lee@example.net>: host mx.example.net[198.51.100.12] said: 550 5.7.1 Message\n    \
             rejected as spam: 192.0.2.98 is listed in bl.spamcop.net (in reply to end of DATA\n    \
             command)\n",
            "192.0.2.98",
        ),
    ];
    for (text, ip) in cases {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.blocked_ip.as_deref(), Some(ip), "{text}: {d:?}");
        assert_eq!(d.sending_ip, d.blocked_ip, "{text}");
        assert_eq!(d.sending_ip_scope, d.blocked_ip_scope, "{text}");
        assert_eq!(
            evidence_of(&d, "sending_ip"),
            evidence_of(&d, "blocked_ip"),
            "{text}"
        );
    }
}

/// Whenever a fixture has a blocked address, the sending address is the same; a sending address
/// without a blocked one comes only with a reason that is no refusal of the address.
#[test]
fn fixtures_keep_blocked_within_sending() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    let mut named_only = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("eml" | "txt")
        ) {
            continue;
        }
        let d = diagnose(&std::fs::read(&path).expect("readable"));
        if d.blocked_ip.is_some() {
            assert_eq!(d.sending_ip, d.blocked_ip, "{}", path.display());
            assert_eq!(d.sending_ip_scope, d.blocked_ip_scope, "{}", path.display());
        } else if d.sending_ip.is_some() {
            named_only += 1;
            assert!(
                matches!(
                    d.reason,
                    Reason::AuthFailure
                        | Reason::SpamDetected
                        | Reason::ContentError
                        | Reason::NotCompliantRfc
                        | Reason::VirusDetected
                        | Reason::MesgTooBig
                ),
                "{}: {:?}",
                path.display(),
                d.reason
            );
        }
    }
    assert!(
        named_only > 0,
        "no fixture names an address it does not block"
    );
}

/// JSON written before the field existed reads as no sending address; the field is left out
/// when there is none.
#[test]
fn sending_ip_is_written_only_when_there_is_one() {
    let d = diagnose(b"550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown");
    let json = serde_json::to_string(&d).expect("serialises");
    assert!(!json.contains("sending_ip"), "{json}");
    let read: Diagnosis = serde_json::from_str(&json).expect("reads");
    assert_eq!(read.sending_ip, None);
    let named = diagnose(SPAM[0].0.as_bytes());
    let json = serde_json::to_string(&named).expect("serialises");
    assert!(json.contains(r#""sending_ip":"192.0.2.33""#), "{json}");
    assert!(
        json.contains(r#""sending_ip_scope":"documentation""#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<Diagnosis>(&json).expect("reads"),
        named
    );
}
