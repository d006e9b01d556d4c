//! Throughput of `diagnose` compiled to WebAssembly, run under node by wasm-bindgen-test.
//!
//! ```sh
//! cargo test -p ndr-core --release --target wasm32-unknown-unknown --test wasm_throughput -- --nocapture
//! ```
//! (the workspace's `.cargo/config.toml` sets `wasm-bindgen-test-runner` as the runner). The
//! corpus is not available inside the wasm sandbox, so the test uses bounces written here, one
//! per common format, and prints messages per second. On a native target this file is empty.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{console_log, wasm_bindgen_test};

/// One bounce per family: RFC 3464 report (Postfix), qmail, Exim, Sendmail transcript,
/// Exchange Online notice, a Japanese ISO-2022-JP notice, and a pasted reply line.
fn fixtures() -> Vec<Vec<u8>> {
    let postfix = "From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\r\n\
To: sender@example.jp\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
--B\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.example.jp.\r\n\r\n\
<user@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <user@example.org>:\r\n    \
Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)\r\n\r\n\
--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.jp\r\n\r\n\
Final-Recipient: rfc822; user@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\
Remote-MTA: dns; mx.example.org\r\nDiagnostic-Code: smtp; 550 5.1.1 <user@example.org>: Recipient\r\n    \
address rejected: User unknown in local recipient table\r\n\r\n\
--B\r\nContent-Type: message/rfc822\r\n\r\nFrom: sender@example.jp\r\nTo: user@example.org\r\n\
Subject: hello\r\n\r\nhello\r\n--B--\r\n";
    let qmail =
        "From: MAILER-DAEMON@mx.example.jp\nTo: sender@example.jp\nSubject: failure notice\n\n\
Hi. This is the qmail-send program at mx.example.jp.\n\
I'm afraid I wasn't able to deliver your message to the following addresses.\n\n\
<user@example.org>:\n192.0.2.153 does not like recipient.\n\
Remote host said: 550 5.1.1 <user@example.org>... User Unknown\nGiving up on 192.0.2.153.\n\n\
--- Below this line is a copy of the message.\n\nFrom: sender@example.jp\nSubject: hi\n\nhi\n";
    let exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.jp>\nTo: sender@example.jp\n\
Subject: Mail delivery failed: returning message to sender\nMessage-Id: <E1P1YNN-0003AD-Ga@mx.example.jp>\n\n\
This message was created automatically by mail delivery software.\n\n\
A message that you sent could not be delivered to one or more of its\n\
recipients. This is a permanent error. The following address(es) failed:\n\n  user@example.org\n    \
SMTP error from remote mail server after RCPT TO:<user@example.org>:\n    \
host mx.example.org [192.0.2.222]: 550 5.7.1 Service unavailable; client [198.51.100.5] blocked using zen.spamhaus.org\n\n\
------ This is a copy of the message, including all the headers. ------\n\nFrom: sender@example.jp\n\nhi\n";
    let sendmail =
        "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>\nTo: sender@example.jp\n\
Subject: Returned mail: see transcript for details\nMIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"S\"\n\n--S\n\n\
   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n\
>>> DATA\n<<< 552 5.2.2 <user@example.org>... Mailbox full\n554 5.0.0 Service unavailable\n\n\
--S\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\n\
Final-Recipient: RFC822; user@example.org\nAction: failed\nStatus: 5.2.2\n\
Diagnostic-Code: SMTP; 552 5.2.2 <user@example.org>... Mailbox full\n\n\
--S\nContent-Type: message/rfc822\n\nFrom: sender@example.jp\n\nhi\n--S--\n";
    let exchange = "From: postmaster@example.onmicrosoft.com\nTo: sender@example.jp\n\
Subject: Undeliverable: hello\nContent-Language: en-US\n\n\
Delivery has failed to these recipients or groups:\n\nuser@example.org\n\
The email address you entered couldn't be found.\n\n\
Diagnostic information for administrators:\n\nGenerating server: AB1PR01MB0001.prod.outlook.com\n\n\
user@example.org\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n\n\
Original message headers:\n\nFrom: sender@example.jp\n";
    let japanese: Vec<u8> = [
        &b"From: MAILER-DAEMON@example.ne.jp\nTo: sender@example.jp\nSubject: =?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8GyhC?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"[..],
        b"\x1b$B08@h$K%a!<%k$rAw?.$G$-$^$;$s$G$7$?!#\x1b(B\n\n",
        b"<hanako@docomo.ne.jp>: host mfsmax.docomo.ne.jp[203.0.113.10] said: 550 Unknown user hanako@docomo.ne.jp (in reply to end of DATA command)\n",
    ]
    .concat();
    let fragment = "host x.mail.protection.outlook.com[192.0.2.7] said: 550 5.7.606 Access denied, banned sending IP [198.51.100.9].";
    vec![
        postfix.as_bytes().to_vec(),
        qmail.as_bytes().to_vec(),
        exim.as_bytes().to_vec(),
        sendmail.as_bytes().to_vec(),
        exchange.as_bytes().to_vec(),
        japanese,
        fragment.as_bytes().to_vec(),
    ]
}

#[wasm_bindgen_test]
fn throughput_in_wasm() {
    let messages = fixtures();
    // The fixtures must be read correctly, or the figure would time a failure path.
    for m in &messages {
        let d = ndr_core::diagnose(m);
        assert_ne!(
            d.reason,
            ndr_core::Reason::Undefined,
            "{}",
            String::from_utf8_lossy(m)
        );
    }
    let start = js_sys::Date::now();
    let mut done = 0u64;
    while js_sys::Date::now() - start < 2000.0 {
        for m in &messages {
            std::hint::black_box(ndr_core::diagnose(std::hint::black_box(m)));
        }
        done += messages.len() as u64;
    }
    let secs = (js_sys::Date::now() - start) / 1000.0;
    console_log!(
        "wasm throughput: {:.0} messages/s ({} fixtures, {} runs)",
        done as f64 / secs,
        messages.len(),
        done
    );
}
