//! Forms held-out set ae showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_ae`.

use expect_test::expect;
use ndr_core::{diagnose, Reason};

mod first_line;
use first_line::check;

/// Exim's own report (multipart/report, `-eximdsn-` boundary) of an address its routers failed
/// on the host that wrote it: no remote server, no reply code, `Status: 5.0.0`, and under the
/// address the router's words.
fn exim_local_failure(words: &str) -> String {
    const REPORT: &str = "Received: from exim by mx.example.org with local (Exim 4.97)
\tid 1aBcDe-000000012Ab-3cD
\tfor ann@example.org;
\tMon, 04 Mar 2024 10:00:00 +0000
X-Failed-Recipients: nobody@example.org
Auto-Submitted: auto-replied
From: Mail Delivery System <Mailer-Daemon@example.org>
To: ann@example.org
Content-Type: multipart/report; report-type=delivery-status; boundary=1709546400-eximdsn-123456789
MIME-Version: 1.0
Subject: Mail delivery failed: returning message to sender
Message-Id: <E1aBcDe-000000012Ab-3cD@mx.example.org>
Date: Mon, 04 Mar 2024 10:00:00 +0000

--1709546400-eximdsn-123456789
Content-type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  nobody@example.org
    WORDS

--1709546400-eximdsn-123456789
Content-type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Action: failed
Final-Recipient: rfc822;nobody@example.org
Status: 5.0.0

--1709546400-eximdsn-123456789
Content-type: text/rfc822-headers

Return-path: <ann@example.org>
Date: Mon, 4 Mar 2024 10:00:00 +0000
From: Ann <ann@example.org>
To: nobody@example.org
Subject: Hello

--1709546400-eximdsn-123456789--
";
    REPORT.replace("WORDS", words)
}

/// A router's words that the user does not exist are an unknown recipient: no filter read
/// the message. Before, the whole message kept Sisimai's reading of a bare "user unknown" at an
/// unknown step (a filter after the data).
#[test]
fn exims_own_router_failure_of_an_unknown_user() {
    check(
        &exim_local_failure("Unknown user"),
        expect!["- 5.0.0 userunknown - - | host=- rcpt=nobody@example.org step=- reply=- status=5.0.0 notes= | Unknown user"],
    );
    for words in ["User unknown", "No such user here"] {
        assert_eq!(
            diagnose(exim_local_failure(words).as_bytes()).reason,
            Reason::UserUnknown,
            "{words}"
        );
    }
}

/// The same report with a remote server's reply under the address is that server's: its
/// words at an unknown step keep the filter reading, and the rule above does not apply.
#[test]
fn a_remote_reply_in_the_same_report_is_not_exims_own() {
    let d = diagnose(
        exim_local_failure(
            "host mx.example.net [192.0.2.25]: 550 Unknown user, message refused after the data",
        )
        .as_bytes(),
    );
    assert_ne!(d.reason, Reason::UserUnknown);
}

/// A receiver's sentence that it refuses the message because it is spam decides the reason
/// under a code that names none: qmail's bracketed X.3.0 ("(#5.3.0)", "other mail system
/// status") would only say a system error. A Postfix notice's line, and a two-line reply
/// pasted alone (another language first, then English).
#[test]
fn a_refusal_because_the_message_is_spam_is_spam() {
    check(
        "<kenji@example.net>: host mx.example.net[198.51.100.7] said: 554 (#5.3.0) We will\n    not take this message because it is spam (in reply to end of DATA command)\n",
        expect!["554 5.3.0 spamdetected - - | host=mx.example.net rcpt=kenji@example.net step=DATA reply=554 status=5.3.0 notes= | 554 (#5.3.0) We will not take this message because it is spam (in reply to end of DATA command)"],
    );
    check(
        "554 (#5.3.0) Tej wiadomosci nie przyjmiemy, poniewaz jest to spam\nWe refuse this message because it is spam\n",
        expect!["554 5.3.0 spamdetected - - | host=- rcpt=- step=- reply=554 status=5.3.0 notes= | 554 (#5.3.0) Tej wiadomosci nie przyjmiemy, poniewaz jest to spam"],
    );
    for reply in [
        "550 5.7.1 Your message is considered spam and was not delivered",
        "554 5.3.0 Message rejected: considered as spam by our filters",
    ] {
        assert_eq!(
            diagnose(reply.as_bytes()).reason,
            Reason::SpamDetected,
            "{reply}"
        );
    }
    // A sentence that it was not taken for spam names no spam.
    assert_ne!(
        diagnose(b"554 5.3.0 Message was not considered spam but the mailbox is locked").reason,
        Reason::SpamDetected
    );
}

/// The sending service refuses the address itself, because mail to it bounced before (or a
/// complaint put it on the service's list): its suppression, whatever code it gives and
/// whatever the recipient's server would say now.
#[test]
fn a_sending_services_refusal_of_an_address_known_to_bounce_is_suppressed() {
    check(
        "554 5.7.1 <kenji@example.net>: Recipient address rejected: policy rejection: kenji@example.net: recipient is known to bounce; see https://help.example.com/recipient-is-known-to-bounce/\n",
        expect!["554 5.7.1 suppressed - - | host=- rcpt=kenji@example.net step=- reply=554 status=5.7.1 notes= | 554 5.7.1 <kenji@example.net>: Recipient address rejected: policy rejection: kenji@example.net: recipient is known to bounce; see https://help.example.com/recipient-is-known-to-bounce/"],
    );
    for reply in [
        // Mailgun's event (its own code 605, no server's reply).
        r#"{"event": "failed", "severity": "permanent", "recipient": "kenji@example.net", "delivery-status": {"code": 605, "message": "", "description": "Not delivering to previously bounced address"}}"#,
        // Amazon SES's own bounce of an address on its global suppression list.
        "550 5.1.1 kenji@example.net: Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
    ] {
        assert_eq!(diagnose(reply.as_bytes()).reason, Reason::Suppressed, "{reply}");
    }
}

/// Rust's lettre writes a refusal as "permanent error (535): <the reply>" (and "transient
/// error (421): ..."): the number in parentheses is the reply code, as a program built on
/// it logs it.
#[test]
fn lettres_reply_code_in_parentheses_is_the_reply_code() {
    check(
        "[2024-03-05 10:00:00.000][app::mail][ERROR] Error sending mail: permanent error (535): 5.7.8 Username and Password not accepted\n",
        expect!["535 5.7.8 securityerror - - | host=- rcpt=- step=- reply=535 status=5.7.8 notes= | permanent error (535): 5.7.8 Username and Password not accepted"],
    );
    check(
        "Failed to send: transient error (421): 4.7.0 Temporary System Problem. Try again later\n",
        expect!["421 4.7.0 networkerror - - | host=- rcpt=- step=- reply=421 status=4.7.0 notes= | transient error (421): 4.7.0 Temporary System Problem. Try again later"],
    );
    // Other numbers in parentheses are no reply codes.
    let d = diagnose(b"permanent error (535) while reading the file, see line 535\n");
    assert!(d.recipients.iter().all(|r| r.reply_code.is_none()));
}
