//! Forms held-out set ad showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_ad`.

use expect_test::expect;
use ndr_core::{diagnose, Party, Reason};

mod first_line;
use first_line::check;

/// Coremail's notice (NetEase's 163.com and the company mail systems built on Coremail): a
/// "系统退信" message in GBK, base64, whose English line names the step and the host, then the
/// server's reply after "RCPT TO said" with no colon. The reply is read, the step is RCPT, the
/// host is the one the line names.
#[test]
fn coremails_notice_in_gbk_names_the_step_and_the_reply() {
    let notice = "From: Postmaster@example.com\r\n\
To: ann@example.com\r\n\
Subject: =?gb2312?B?z7XNs83L0MU=?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=\"gbk\"\r\n\
Content-Transfer-Encoding: base64\r\n\
X-Mailer: Coremail MTA server\r\n\
\r\n\
safHuKOsxPq1xNPKvP6xu83Lu9jAtMHLoa2hrQ0KICAgICAg1K3Tyrz+0MXPoqO6DQogICAgICAg\r\n\
ICAgICDKsSAgvOQgMjAyNC0wMy0wNSAwOToyMDoxMQ0KICAgICAgICAgICAg1vcgIMziILy+tsix\r\n\
qLjmDQogICAgICAgICAgICDK1bz+yMsga2VuamlAZXhhbXBsZS5vcmcNCg0KICAgICAgzcvQxdSt\r\n\
0vKjug0KICAgICAgICAgICAgytW8/sjL08rP5LK7tObU2g0KICAgICAgICAgICAg06LOxMu1w/c6\r\n\
U01UUCBlcnJvciwgUkNQVCBUTzogSG9zdCBleGFtcGxlLm9yZygxOTIuMC4yLjI1KSBSQ1BUIFRP\r\n\
IHNhaWQgNTUwIE1haWxib3ggbm90IGZvdW5kDQoNCs+1zbPNy9DFDQo=\r\n";
    check(
        notice,
        expect!["550 - userunknown - - | host=example.org rcpt=kenji@example.org step=RCPT reply=550 status=- notes= | 550 Mailbox not found"],
    );
    let d = diagnose(notice.as_bytes());
    assert_eq!(d.remote_ip.as_deref(), Some("192.0.2.25"));
    // The address of the server that refused is no blocked address of the sender's.
    assert_eq!(d.blocked_ip, None);
}

/// The same notice's text pasted, another step: the reply after "MAIL FROM said" refuses the
/// sender's address.
#[test]
fn coremails_line_pasted_with_another_step() {
    check(
        "退信原因：\n英文说明:SMTP error, MAIL FROM: Host example.net(198.51.100.14) MAIL FROM said 553 sender address rejected\n",
        expect!["553 - rejected - - | host=example.net rcpt=- step=MAIL reply=553 status=- notes= | 553 sender address rejected"],
    );
}

/// "said" and a code in prose is no reply: only an SMTP command in capitals before "said" is
/// Coremail's form.
#[test]
fn said_and_a_number_in_prose_is_no_reply() {
    for text in [
        "The speaker said 500 people came to the meeting.\n",
        "Our METADATA said 550 items were imported.\n",
    ] {
        assert!(diagnose(text.as_bytes()).is_not_a_bounce(), "{text}");
    }
}

/// A delay warning whose words say the domain has no mail server (no MX and no address
/// record): waiting does not help, the address is to be checked. Momentum's "no MX or A for
/// domain" and the same words in other forms.
#[test]
fn a_delay_warning_for_a_domain_without_a_mail_server_is_hostunknown() {
    let warning = |reply: &str| {
        format!(
            "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\n\
To: <ann@example.com>\n\
Subject: Delivery delayed\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b2\"\n\
\n\
--b2\n\
Content-Type: text/plain\n\
\n\
This is only a warning: your message has not been delivered yet.\n\
It was first sent 2 days ago and will be tried for 3 more days.\n\
\n\
<kenji@example.org>: {reply}\n\
\n\
--b2\n\
Content-Type: message/delivery-status\n\
\n\
Reporting-MTA: dns; mx.example.com\n\
\n\
Final-Recipient: rfc822; kenji@example.org\n\
Action: delayed\n\
Status: 4.4.4\n\
Diagnostic-Code: smtp; {reply}\n\
\n\
--b2--\n"
        )
    };
    for reply in [
        "454 4.4.4 [internal] no MX or A for domain",
        "451 4.4.4 Domain example.org has no MX or A record",
    ] {
        let d = diagnose(warning(reply).as_bytes());
        assert_eq!(d.reason, Reason::HostUnknown, "{reply}");
        assert_eq!(d.recipients[0].action, "delayed", "{reply}");
    }
    // A delay for a server that did not answer stays a delay.
    let d = diagnose(warning("421 4.4.2 Connection timed out").as_bytes());
    assert_ne!(d.reason, Reason::HostUnknown);
}

/// Yahoo's "Message not allowed - [NNN]" is its refusal of the message itself; the words are
/// Yahoo's own, so they name Yahoo even when a paste shows no host of Yahoo's.
#[test]
fn yahoos_message_not_allowed_names_yahoo() {
    for text in [
        "554 Message not allowed - [320]\n",
        "Mail to every Yahoo address comes back with \"554 Message not allowed - [299]\" since yesterday.\n",
        "<kenji@example.com>: host mta7.am0.yahoodns.net[198.51.100.92] said: 554 Message not allowed - [299] Message content not accepted for policy reasons (in reply to end of DATA command)\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.blocking_party, Some(Party::Yahoo), "{text}");
        assert!(
            matches!(d.reason, Reason::SpamDetected | Reason::PolicyViolation),
            "{text}: {:?}",
            d.reason
        );
    }
    let d = diagnose(b"554 Message not allowed - [320]\n");
    assert_eq!(d.reason, Reason::SpamDetected);
    // PH01, the same form, keeps its own reading.
    let d = diagnose(b"554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes\n");
    assert_eq!(d.reason, Reason::PolicyViolation);
}

/// A post's own sentence that ends with the reply's codes, above the server's log line with
/// the whole reply: the sentence names no recipient and says no more than the codes, so the
/// log line's reply decides.
#[test]
fn codes_ending_a_sentence_do_not_outrank_the_log_line_below() {
    check(
        "Mail from my office address gets rejected with 554 5.7.1\n\
mx_1  | postfix/smtpd[77]: NOQUEUE: reject: RCPT from unknown[192.0.2.41]: 554 5.7.1 <kenji@example.org>: Relay access denied; from=<ann@example.com> to=<kenji@example.org> proto=ESMTP helo=<mail.example.com>\n\
Any idea what is wrong with my setup?\n",
        expect!["554 5.7.1 norelaying - - | host=- rcpt=kenji@example.org step=RCPT reply=554 status=5.7.1 notes=inbound_refusal_log | 554 5.7.1 <kenji@example.org>: Relay access denied"],
    );
    // A sentence with codes and nothing else that repeats them is still read when no
    // recipient's reply carries them.
    let d = diagnose(b"Mail from my office address gets rejected with 554 5.7.1\n");
    assert_eq!(d.smtp_code.as_deref(), Some("554"));
    assert_eq!(d.enhanced_code.as_deref(), Some("5.7.1"));
}
