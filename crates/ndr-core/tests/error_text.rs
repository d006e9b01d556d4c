//! Review h181: every recipient's error text is the server's reply and nothing else (the
//! letters quote it as the full error): no transcript mark, no label or prose before it, a
//! complete copy over one a paste cut short.

fn texts(s: &str) -> Vec<String> {
    ndr_core::diagnose(s.as_bytes())
        .recipients
        .into_iter()
        .map(|r| r.diagnostic_text)
        .collect()
}

/// Held-out t 45: a Sendmail transcript's "<<<" reply that a blank line cut short, and the
/// complete copy on the "... Deferred:" line below it. The poster replaced the addresses with
/// placeholders, as there.
#[test]
fn transcript_mark_and_the_complete_copy() {
    let got = texts("   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n\n>>> DATA\n\n<<< 450 4.7.1 <recipient-address>: Recipient address rejected: Mail from\n\n192.0.2.7 was refused due to the sender IP found in ERS-QIL.\n<recipient-address>... Deferred: 450 4.7.1 <recipient-address>: Recipient\naddress rejected: Mail from 192.0.2.7 was refused due to the sender IP\nfound in ERS-QIL.\n");
    let whole = "450 4.7.1 <recipient-address>: Recipient address rejected: Mail from 192.0.2.7 was refused due to the sender IP found in ERS-QIL.";
    assert!(!got.is_empty());
    for t in &got {
        assert_eq!(t, whole, "{got:?}");
    }
}

/// Held-out s 53 and z 16: a label ending in ':' before a reply without an enhanced code.
#[test]
fn label_before_a_reply_without_an_enhanced_code() {
    assert_eq!(
        texts("Connected to 192.0.2.9 but sender was rejected.\nRemote host said: 550 mail not accepted from blacklisted IP address\n"),
        ["550 mail not accepted from blacklisted IP address"]
    );
    assert_eq!(
        texts("someone can help me when trying to send through my provider\ni get error: 550 that IP address is not allowed to send\n"),
        ["550 that IP address is not allowed to send"]
    );
    // A reply's own colons stay in it.
    assert_eq!(
        texts("550 <bo@example.org>: Recipient address rejected: User unknown in local recipient table\n"),
        ["550 <bo@example.org>: Recipient address rejected: User unknown in local recipient table"]
    );
}

/// A Postfix lead-in ("host ... said:") and a log line's trail ("; from=<...>") are no part of
/// the reply; a bracket the lead-in opened closes with it.
#[test]
fn lead_in_and_log_trail() {
    assert_eq!(
        texts("Mar  2 10:00:00 mx postfix/smtpd[123]: NOQUEUE: reject: RCPT from unknown[192.0.2.44]: 554 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org; from=<ann@example.com> to=<bo@example.org> proto=ESMTP helo=<mail.example.com>\n"),
        ["554 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org"]
    );
    assert_eq!(
        texts("Mar  2 10:00:00 mail postfix/smtp[77]: 4F2A1: to=<bo@example.org>, relay=mx.example.org[192.0.2.5]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.5] said: 550 5.7.1 Message rejected as spam (in reply to end of DATA command))\n"),
        ["550 5.7.1 Message rejected as spam (in reply to end of DATA command)"]
    );
}

/// Held-out s 55: a post's own words before the reply ("are rejected with error 550 ...")
/// are no part of it. (The post's sentences after the reply read like a reply's own and stay.)
#[test]
fn post_before_the_reply() {
    let got = texts("Outgoing emails from example.com are rejected with error 550 5.7.1 – IP 203.0.113.203 blocked by Vade Threat List (OXSUS001_101). Requesting review and delisting.\n");
    assert_eq!(got.len(), 1);
    assert!(
        got[0]
            .starts_with("550 5.7.1 – IP 203.0.113.203 blocked by Vade Threat List (OXSUS001_101)"),
        "{got:?}"
    );
}

/// A reply that runs on for megabytes (a paste that never ends it) is kept to its first 8 KiB,
/// cut at a character boundary and marked, so no JSON line or letter carries the whole paste.
#[test]
fn an_endless_reply_is_cut_to_eight_kib() {
    let endless = "語x".repeat(200_000);
    let text = format!("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 5.0.0 {endless}\n");
    let got = texts(&text);
    assert!(!got.is_empty());
    for t in &got {
        assert!(t.starts_with("550 5.0.0 語x"), "{}", &t[..40]);
        assert!(t.ends_with('…'), "not marked");
        assert!(t.len() <= 8 * 1024 + '…'.len_utf8(), "{} bytes", t.len());
        assert!(t.len() > 8 * 1024 - 4, "{} bytes", t.len());
    }
    // A reply of ordinary length is kept whole.
    assert_eq!(
        texts("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n"),
        ["550 5.1.1 no such user"]
    );
}
