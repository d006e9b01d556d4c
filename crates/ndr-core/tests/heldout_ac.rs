//! Forms held-out set ac showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_ac`.

use expect_test::{expect, Expect};
use ndr_core::{diagnose, Reason};

/// The summary line, the blocked IP, the provider code, the first recipient with its reply
/// code, status, original address and error text, and the notes.
#[track_caller]
fn check(input: &str, expect: Expect) {
    let d = diagnose(input.as_bytes());
    let first = d.recipients.first();
    let line = format!(
        "{} | code={} rcpt={} reply={} status={} was={} notes={} | {}",
        d.summary(),
        d.provider_code.as_deref().unwrap_or("-"),
        first
            .map(|r| r.recipient.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("-"),
        first.and_then(|r| r.reply_code.as_deref()).unwrap_or("-"),
        first.and_then(|r| r.status.as_deref()).unwrap_or("-"),
        first
            .and_then(|r| r.original_recipient.as_deref())
            .unwrap_or("-"),
        d.notes
            .iter()
            .map(|n| n.id.as_str())
            .collect::<Vec<_>>()
            .join(","),
        first.map_or("", |r| r.diagnostic_text.as_str()),
    );
    expect.assert_eq(&line);
}

/// A client that prints the server's enhanced status code and words without the reply code
/// (go-smtp's "Error: transaction failed, ..." as a mail program shows it): a refusal, read by
/// its words; with words of no known reason still a refusal with its code.
#[test]
fn enhanced_code_then_error_words_is_a_refusal() {
    check(
        "Sending to the list fails every time:\n```\n5.0.0 Error: transaction failed: cannot send message: recipient could not be found\n```\nNothing goes out.\n",
        expect!["- 5.0.0 userunknown - - | code=- rcpt=- reply=- status=5.0.0 was=- notes= | 5.0.0 Error: transaction failed: cannot send message: recipient could not be found"],
    );
    check(
        "git send-email stops with\n\n5.0.0 Error: transaction failed, please contact the administrator\n",
        expect!["- 5.0.0 onhold - - | code=- rcpt=- reply=- status=5.0.0 was=- notes= | 5.0.0 Error: transaction failed, please contact the administrator"],
    );
}

/// A version number at a line's start, even one followed by "Error", is no refusal.
#[test]
fn a_version_line_is_no_refusal() {
    for text in [
        "Changes\n\n5.0.0 Error handling was rewritten.\n4.2.1 Fixed a crash.\n",
        "5.1.2: error messages are clearer now\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert!(d.is_not_a_bounce(), "{text}: {:?}", d.recipients);
    }
}

/// A reply set as a markdown list item in a code span, as an issue lists the replies it got,
/// reads as the bare line.
#[test]
fn reply_in_a_list_item_code_span() {
    check(
        "The server answers with:\n- `554 mx.example.net 192.0.2.1 All mail servers must have a PTR record with a valid Reverse DNS entry.`\n",
        expect!["554 - requireptr - - | code=- rcpt=- reply=554 status=- was=- notes= | 554 mx.example.net 192.0.2.1 All mail servers must have a PTR record with a valid Reverse DNS entry."],
    );
    check(
        "Replies we logged:\n\n1. `550 5.1.1 <hanako@example.org>: Recipient address rejected: User unknown`\n2. `452 4.2.2 Mailbox full`\n",
        expect!["550 5.1.1 userunknown - - | code=- rcpt=hanako@example.org reply=550 status=5.1.1 was=- notes= | 550 5.1.1 <hanako@example.org>: Recipient address rejected: User unknown"],
    );
    check(
        "We get this:\n\n`554 mx.example.net 192.0.2.1 All mail servers must have a PTR record with a valid Reverse DNS entry.`\n",
        expect!["554 - requireptr - - | code=- rcpt=- reply=554 status=- was=- notes= | 554 mx.example.net 192.0.2.1 All mail servers must have a PTR record with a valid Reverse DNS entry."],
    );
}

/// RFC 3463's X.4.7, "delivery time expired", as Momentum (SparkPost) gives up on a message:
/// the last temporary failure it quotes is no reply of its own.
#[test]
fn delivery_time_expired_keeps_the_outer_codes() {
    check(
        "554 5.4.7 [internal] message timeout (exceeded max time, last transfail: 451 4.4.1 [internal] connection to mx.example.net timed out)\n",
        expect!["554 5.4.7 expired - - | code=- rcpt=- reply=554 status=5.4.7 was=- notes= | 554 5.4.7 [internal] message timeout (exceeded max time, last transfail: 451 4.4.1 [internal] connection to mx.example.net timed out)"],
    );
}

/// T-Online's refusals name an address at rx.t-online.de and end in a tag: (DIAL) for a
/// dial-up or transient address, written as a link.
#[test]
fn t_online_dial_refusal() {
    check(
        "host mx00.t-online.de[194.25.134.8] refused to talk to me: 554 IP=http://192.0.2.7/ - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)\n",
        expect!["554 - blocked t_online 192.0.2.7 | code=- rcpt=- reply=554 status=- was=- notes= | 554 IP=http://192.0.2.7/ - Dialup/transient IP not allowed. Use a mailgateway or contact toda@rx.t-online.de if obsolete. (DIAL)"],
    );
}

/// Orange's codes keep their error number: `OFR006_102`, `OFR004_405`.
#[test]
fn orange_codes_keep_their_number() {
    check(
        "<hanako@orange.fr>: host smtp-in.orange.fr[192.0.2.9] refused to talk to me: 550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]\n",
        expect!["550 - blocked cloudmark 192.0.2.1 | code=OFR006_102 rcpt=hanako@orange.fr reply=550 status=- was=- notes= | 550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]"],
    );
    check(
        "<hanako@orange.fr>: host smtp-in.orange.fr[192.0.2.9] said: 501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405] (in reply to MAIL FROM command)\n",
        expect!["501 5.1.0 rejected - - | code=OFR004_405 rcpt=hanako@orange.fr reply=501 status=5.1.0 was=- notes= | 501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405] (in reply to MAIL FROM command)"],
    );
}

/// A Mailgun event's "delivery-status" pasted alone: its "code" is the reply code, and the
/// error is the "message" string, not the JSON after it.
#[test]
fn mailgun_delivery_status_fragment() {
    check(
        "Mailgun's log shows:\n\n```\n\"delivery-status\": {\n\t\t\"tls\": true,\n\t\t\"mx-host\": \"mx.example.net\",\n\t\t\"attempt-no\": 1,\n\t\t\"description\": \"\",\n\t\t\"code\": 550,\n\t\t\"message\": \"5.1.1 The email account that you tried to reach does not exist.\",\n\t\t\"certificate-verified\": true\n\t},\n```\n",
        expect!["550 5.1.1 userunknown - - | code=- rcpt=- reply=550 status=5.1.1 was=- notes=sent_through_esp | 5.1.1 The email account that you tried to reach does not exist."],
    );
    // Any service's event pasted in part: a reply that is a JSON string's value ends with the
    // string.
    check(
        "  \"reason\": \"550 5.1.1 The email account that you tried to reach does not exist.\",\n  \"status\": \"5.1.1\",\n",
        expect!["550 5.1.1 userunknown - - | code=- rcpt=- reply=550 status=5.1.1 was=- notes= | 550 5.1.1 The email account that you tried to reach does not exist."],
    );
    // The whole event: the same code, with its recipient; Mailgun's own code is none.
    check(
        r#"{"event": "failed", "severity": "permanent", "recipient": "hanako@example.net", "delivery-status": {"code": 452, "message": "4.2.2 The email account that you tried to reach is over quota."}}"#,
        expect!["452 4.2.2 mailboxfull - - | code=- rcpt=hanako@example.net reply=452 status=4.2.2 was=- notes=sent_through_esp | 4.2.2 The email account that you tried to reach is over quota."],
    );
    check(
        r#"{"event": "failed", "severity": "permanent", "recipient": "hanako@example.net", "delivery-status": {"code": 605, "message": "", "description": "Not delivering to previously bounced address"}}"#,
        expect!["- - suppressed - - | code=- rcpt=hanako@example.net reply=- status=- was=- notes=sent_through_esp | Not delivering to previously bounced address"],
    );
}

/// GroupWise's notice: "(user not found)" after the address is an unknown recipient.
#[test]
fn groupwise_user_not_found() {
    check(
        "From: Mailer-Daemon@gw.example.net
To: taro@example.com
Subject: Message status - undeliverable
Date: Tue, 26 Sep 2006 14:34:00 -0400
X-Mailer: Novell GroupWise Internet Agent 7.0.1
Mime-Version: 1.0
Content-Type: text/plain; charset=us-ascii

The message that you sent was undeliverable to the following:

\thanako@example.net (user not found)

",
        expect!["- - userunknown - - | code=- rcpt=hanako@example.net reply=- status=- was=- notes= | (user not found)"],
    );
}

/// The same words after the message data in a whole bounce stay a filter's (Sisimai's reading
/// of mail.ru's refusal).
#[test]
fn user_not_found_after_data_stays_filtered() {
    let text = "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
To: taro@example.com
Subject: Undelivered Mail Returned to Sender
Date: Tue, 26 Sep 2006 14:34:00 -0400
Auto-Submitted: auto-replied

This is the mail system at host mail.example.com.

<hanako@example.net>: host mx.example.net[192.0.2.10] said: 550 user not found
    (in reply to end of DATA command)
";
    assert_eq!(diagnose(text.as_bytes()).reason, Reason::Filtered);
}

/// A delivery agent's full-mailbox refusal that names the message's source address, and an
/// internal rewrite of the recipient to the mail store's own host name: no blocked IP, and no
/// forwarding.
#[test]
fn maildrop_over_quota_after_an_internal_rewrite() {
    let bounce = |extra: &str| {
        format!(
            "From: MAILER-DAEMON@mail.example.net (Mail Delivery System)
To: taro@example.com
Subject: Undelivered Mail Returned to Sender
Date: Wed, 18 Jun 2014 13:56:56 +0200
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b0\"

--b0
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.net.
{extra}
<hanako@example.net>: permission denied. Command output: 1234: innocent message
    from 192.0.2.33 maildrop: maildir over quota.

--b0
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.net

Final-Recipient: rfc822; hanako@store.local
Original-Recipient: rfc822;hanako@example.net
Action: failed
Status: 5.7.0
Diagnostic-Code: x-unix; 1234: innocent message from 192.0.2.33 maildrop: maildir
    over quota.

--b0--
"
        )
    };
    check(&bounce(""), expect!["- 5.7.0 mailboxfull - - | code=- rcpt=hanako@store.local reply=- status=5.7.0 was=- notes= | 1234: innocent message from 192.0.2.33 maildrop: maildir over quota."]);
    // When the notice says the address forwards, the report's fields are a forwarding.
    check(
        &bounce("\nThe address hanako@example.net forwards to the mailbox below.\n"),
        expect!["- 5.7.0 mailboxfull - - | code=- rcpt=hanako@store.local reply=- status=5.7.0 was=hanako@example.net notes= | 1234: innocent message from 192.0.2.33 maildrop: maildir over quota."],
    );
}

/// The SPF refusal "ADDRESS is not allowed to send mail from DOMAIN" (Exim's SPF ACL in
/// Debian's configuration and others) is an authentication failure, with or without the
/// sentence that names the SPF record.
#[test]
fn spf_not_allowed_to_send_mail_from() {
    check(
        "<hanako@example.net>: host mx.example.net[198.51.100.5] said: 550 [SPF] 192.0.2.7 is not allowed to send mail from example.org (in reply to RCPT TO command)\n",
        expect!["550 - authfailure - - | code=- rcpt=hanako@example.net reply=550 status=- was=- notes= | 550 [SPF] 192.0.2.7 is not allowed to send mail from example.org (in reply to RCPT TO command)"],
    );
    check(
        "<hanako@example.net>: host mx.example.net[198.51.100.5] said: 550-REJECTED - Server at [example.net] rejected message - 550 550 192.0.2.8 is not allowed to send mail from example.org (in reply to RCPT TO command)\n",
        expect!["550 - authfailure - - | code=- rcpt=hanako@example.net reply=550 status=- was=- notes= | 550 REJECTED - Server at [example.net] rejected message - 192.0.2.8 is not allowed to send mail from example.org (in reply to RCPT TO command)"],
    );
}
