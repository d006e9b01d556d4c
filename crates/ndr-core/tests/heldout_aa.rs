//! Forms held-out set aa showed, one case per form, with documentation addresses and example
//! domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_aa`.

use expect_test::{expect, Expect};
use ndr_core::diagnose;

/// The summary line, the blocked IP, the first recipient and its status, the party, and the
/// notes.
#[track_caller]
fn check(input: &str, expect: Expect) {
    let d = diagnose(input.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | ip={} rcpt={} status={} party={} notes={}",
        d.summary(),
        d.blocked_ip.as_deref().unwrap_or("-"),
        first
            .map(|r| r.recipient.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("-"),
        first.and_then(|r| r.status.as_deref()).unwrap_or("-"),
        d.blocking_party
            .map_or("-".to_string(), |p| format!("{p:?}")),
        d.notes
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>()
            .join(","),
    );
    expect.assert_eq(&line);
}

/// A notice written in markdown sets the sending address in a code span (addy.io's filter
/// notice form): the address is still the listed sender's.
#[test]
fn an_address_in_a_code_span_is_the_listed_sender() {
    check(
        "The sending IP address `192.0.2.71` is listed on Spamhaus ZEN (IP blocklist) (found in envelope/header From).",
        expect!["- - blocked spamhaus 192.0.2.71 | ip=192.0.2.71 rcpt=- status=- party=Spamhaus notes="],
    );
}

/// Postfix names the refused client with its port, `<unknown[IP]:PORT>: Client host
/// rejected`, as a program's exception quotes a submission server's refusal: the address is
/// the refused client, the program's own host.
#[test]
fn a_postfix_client_with_its_port_is_the_refused_client() {
    check(
        r#"Swift_TransportException: Expected response code 220 but got code "554", with message "554 5.7.1 <unknown[198.51.100.23]:50123>: Client host rejected: Access denied""#,
        expect!["554 5.7.1 blocked - 198.51.100.23 | ip=198.51.100.23 rcpt=- status=5.7.1 party=- notes=refused_at_submission"],
    );
}

/// amavisd-new's notices to the sender: spam (UBE), virus, banned file name. The "First
/// upstream SMTP client IP address" names where the message came from, not an address
/// anybody refused.
#[test]
fn amavisd_new_sender_notices() {
    check(
        "A message from <sender@example.org>\nto: rcpt@example.net\n\nwas considered unsolicited bulk e-mail (UBE).\n\nOur internal reference code for your message is 01234-05/AbCdEfGh\n\nThe message carried your return address, so it was either a genuine mail\nfrom you, or a sender address was faked.\n\nFirst upstream SMTP client IP address: [203.0.113.45]\n  host.example.org\n",
        expect!["- - spamdetected - - | ip=- rcpt=rcpt@example.net status=- party=- notes="],
    );
    check(
        "VIRUS ALERT\n\nOur content checker found\n    virus: Eicar-Test-Signature\n\nin email presumably from you <sender@example.org>\nto the following recipients:\n-> a@example.net\n-> b@example.net\n\nOur internal reference code for your message is 01234-06/AbCdEfGh\n\nFirst upstream SMTP client IP address: [203.0.113.46]:40211\n",
        expect!["- - virusdetected - - | ip=- rcpt=a@example.net status=- party=- notes="],
    );
    check(
        "BANNED CONTENTS ALERT\n\nOur content checker found\n    banned name: .exe,invoice.exe\n\nin email presumably from you <sender@example.org>\nto the following recipient:\n-> a@example.net\n\nOur internal reference code for your message is 01234-07/AbCdEfGh\n",
        expect!["- - policyviolation - - | ip=- rcpt=a@example.net status=- party=- notes="],
    );
    // Someone's sentence about such a notice, without its form, is no notice.
    check(
        "Our amavis said the mail was considered unsolicited bulk e-mail, any idea why?\n",
        expect!["- - undefined - - | ip=- rcpt=- status=- party=- notes=not_a_bounce"],
    );
}

/// A program's label for a refused MAIL FROM, and Haraka's refusal of a recipient it neither
/// receives for nor relays to.
#[test]
fn sender_refused_and_haraka_relay_refusal() {
    check(
        "SMTP error 550 Sender refused - when trying to send with my example.net account",
        expect!["550 - rejected - - | ip=- rcpt=- status=- party=- notes="],
    );
    check(
        "jakarta.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\torg.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 I cannot deliver mail for <user@example.org>\n",
        expect!["550 - norelaying - - | ip=- rcpt=user@example.org status=- party=- notes=refused_at_submission"],
    );
}

/// Gmail's 5.7.26 sentence alone names Gmail; Yahoo's same sentence comes with 5.7.9.
#[test]
fn gmail_unauthenticated_sender_sentence() {
    check(
        "Remote server replied: 550-5.7.26 Your email has been blocked because the sender is unauthenticated.",
        expect!["550 5.7.26 authfailure gmail - | ip=- rcpt=- status=5.7.26 party=Gmail notes="],
    );
    check(
        "550 5.7.9 This mail has been blocked because the sender is unauthenticated.",
        expect!["550 5.7.9 securityerror - - | ip=- rcpt=- status=5.7.9 party=- notes="],
    );
}

/// A page's HTML source pasted as text: a mailto anchor is its address.
#[test]
fn html_anchors_in_a_paste() {
    check(
        "```\n               The mail system\n```\n\n&lt;<a href=\"mailto:user@example.org\">user@example.org</a>&gt;: host\n    mx.example.org[192.0.2.80] said: 550 5.1.1\n    &lt;<a href=\"mailto:user@example.org\">user@example.org</a>&gt;: Recipient address rejected:\n    User unknown in virtual alias table (in reply to RCPT TO command)\n",
        expect!["550 5.1.1 userunknown - - | ip=- rcpt=user@example.org status=5.1.1 party=- notes="],
    );
}
