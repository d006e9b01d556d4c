//! Each fact's evidence is that fact's own words in the input given: the blocked address's own
//! bytes (every place a reply quotes it), each code's, the rejecting host's, the provider's
//! wording for the party, and the reply's lines for the reason, so that on a reply of several
//! lines the page can show where the address or the code sits (review 6). Checked on a raw
//! message, a paste of the text a mail program shows, CRLF line ends, a quoted-printable and a
//! base64 body (whose text is not the input's bytes), and UTF-16 (whose offsets are mapped back).

use ndr_core::{diagnose, Diagnosis};

/// Postfix's notice of a Spamhaus refusal, its reply folded over three lines in the notice and
/// again in the DSN's Diagnostic-Code.
const RAW_SPAMHAUS: &str = "\
From: MAILER-DAEMON@smtp.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: info@example.org
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"

--B1
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host smtp.example.org.

<office@example.com>: host mx.example.com[203.0.113.80] said: 554 5.7.1
    Service unavailable; Client host [198.51.100.77] blocked using
    zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.77 (in reply
    to RCPT TO command)

--B1
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; smtp.example.org

Final-Recipient: rfc822; office@example.com
Action: failed
Status: 5.7.1
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host
    [198.51.100.77] blocked using zen.spamhaus.org;
    https://www.spamhaus.org/query/ip/198.51.100.77

--B1--
";

/// Microsoft 365's refusal as a mail program shows the notice: the reply on one long line
/// after the server's name, which is where a visitor copies it from.
const VISIBLE_MICROSOFT: &str = "\
Delivery has failed to these recipients or groups:

buyer@example.com
Your message couldn't be delivered because the recipient's server refused it.

Diagnostic information for administrators:

Generating server: mail.example.jp

buyer@example.com
example-com.mail.protection.outlook.com
Remote Server returned '550 5.7.606 Access denied, banned sending IP [192.0.2.45]. To request
removal from this list please visit https://sender.office.com/ and follow the directions. For
more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430)'
";

/// The notice's part in quoted-printable, soft line breaks inside the reply, and no DSN part:
/// the decoded lines are not in the input, so each fact is found by its own bytes.
const QP_SPAMHAUS: &str = "\
From: MAILER-DAEMON@smtp.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: info@example.org
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

This is the mail system at host smtp.example.org.

I'm sorry to have to inform you that your message could not be delivered to o=
ne or more recipients.

<office@example.com>: host mx.example.com[203.0.113.80] said: 554 5.7.1 Servi=
ce unavailable; Client host [198.51.100.77] blocked using zen.spamhaus.org; ht=
tps://www.spamhaus.org/query/ip/198.51.100.77 (in reply to RCPT TO command)
";

/// The evidence of `field`: each piece's text with the input's bytes at its span (a UTF-16
/// input's read as UTF-16, CRs dropped as decoding drops them).
fn pieces(d: &Diagnosis, input: &[u8], field: &str) -> Vec<(String, Option<String>)> {
    let utf16 = input.starts_with(&[0xFF, 0xFE]);
    d.evidence
        .iter()
        .filter(|e| e.field == field)
        .map(|e| {
            let spanned = e.span.map(|(s, t)| {
                let bytes = input.get(s..t).expect("a span inside the input");
                let text = if utf16 {
                    ndr_core::utf16_text(&[&[0xFF, 0xFE], bytes].concat()).expect("UTF-16")
                } else {
                    String::from_utf8(bytes.to_vec()).expect("a span on character boundaries")
                };
                text.replace('\r', "")
            });
            (e.text.clone(), spanned)
        })
        .collect()
}

/// Every piece of `field`'s evidence is `want`, in its text and in the input at its span, and
/// at least `spanned` of them have a span.
fn each_is(d: &Diagnosis, input: &[u8], field: &str, want: &str, spanned: usize) {
    let found = pieces(d, input, field);
    assert!(
        found.iter().filter(|(_, s)| s.is_some()).count() >= spanned,
        "{field}: {found:?}"
    );
    for (text, at) in &found {
        assert_eq!(text, want, "{field}: {found:?}");
        if let Some(at) = at {
            assert_eq!(at, want, "{field}: {found:?}");
        }
    }
}

/// The facts of a Spamhaus refusal, each pointing at its own words: the address at
/// `ip_places` places at least; the reply's lines too when the notice is in the input as it
/// reads (`verbatim`: no transfer encoding).
fn spamhaus_facts(input: &[u8], ip_places: usize, verbatim: bool) {
    let d = diagnose(input);
    assert_eq!(d.blocked_ip.as_deref(), Some("198.51.100.77"));
    each_is(&d, input, "blocked_ip", "198.51.100.77", ip_places);
    each_is(&d, input, "enhanced_code", "5.7.1", 1);
    each_is(&d, input, "smtp_code", "554", 1);
    each_is(&d, input, "list_zone", "zen.spamhaus.org", 1);
    each_is(&d, input, "remote_host", "mx.example.com", 1);
    each_is(
        &d,
        input,
        "remote_ip",
        "203.0.113.80",
        usize::from(ip_places > 1),
    );
    // The party: Spamhaus's own words, which name its list.
    let party = pieces(&d, input, "blocking_party");
    assert!(
        party
            .iter()
            .all(|(t, s)| t.contains("spamhaus") && s.as_ref() == Some(t)),
        "{party:?}"
    );
    // The reason: the reply, which holds the others.
    let reason = pieces(&d, input, "reason");
    let (text, spanned) = reason.first().expect("the reason's evidence");
    if verbatim || spanned.is_some() {
        assert_eq!(spanned.as_ref(), Some(text));
    }
    assert!(text.contains("554 5.7.1") && text.contains("[198.51.100.77] blocked using"));
    // No two facts share one span: each shows its own place.
    let ip = d.evidence.iter().find(|e| e.field == "blocked_ip");
    let code = d.evidence.iter().find(|e| e.field == "enhanced_code");
    let why = d.evidence.iter().find(|e| e.field == "reason");
    let spans = [ip, code, why].map(|e| e.and_then(|e| e.span));
    assert!(spans[0] != spans[1] && spans[1] != spans[2] && spans[0] != spans[2]);
}

#[test]
fn a_raw_report_gives_each_fact_its_own_span() {
    // The address stands in the notice's reply, its lookup link, and the DSN's copy.
    spamhaus_facts(RAW_SPAMHAUS.as_bytes(), 3, true);
}

#[test]
fn crlf_line_ends_keep_each_span_on_its_own_words() {
    // The party's words run over a line end, which the input writes CRLF.
    spamhaus_facts(RAW_SPAMHAUS.replace('\n', "\r\n").as_bytes(), 3, true);
}

#[test]
fn a_quoted_printable_body_maps_each_fact_back_to_its_own_bytes() {
    // The address in the reply's brackets and in its lookup link.
    spamhaus_facts(QP_SPAMHAUS.as_bytes(), 2, false);
}

#[test]
fn a_base64_body_leaves_no_span_on_other_words() {
    // The notice in base64: the reply is not in the input's bytes; the plain DSN part is.
    let notice = "<office@example.com>: host mx.example.com[203.0.113.80] said: 554 5.7.1 \
                  Service unavailable; Client host [198.51.100.77] blocked using \
                  zen.spamhaus.org (in reply to RCPT TO command)\n";
    let encoded = base64(notice.as_bytes());
    let input = RAW_SPAMHAUS.replace(
        "Content-Type: text/plain; charset=us-ascii\n",
        "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: base64\n",
    );
    let start = input.find("This is the mail system").expect("the notice");
    let end = input
        .find("\n--B1\nContent-Description: Delivery")
        .expect("the DSN");
    let input = format!("{}{encoded}\n{}", &input[..start], &input[end..]);
    spamhaus_facts(input.as_bytes(), 1, false);
}

#[test]
fn a_pasted_notice_gives_each_fact_its_own_span() {
    let input = VISIBLE_MICROSOFT.as_bytes();
    let d = diagnose(input);
    assert_eq!(d.blocked_ip.as_deref(), Some("192.0.2.45"));
    each_is(&d, input, "blocked_ip", "192.0.2.45", 1);
    each_is(&d, input, "enhanced_code", "5.7.606", 1);
    each_is(&d, input, "smtp_code", "550", 1);
    each_is(&d, input, "provider_code", "AS(1430)", 1);
    each_is(&d, input, "blocking_party", "banned sending IP", 1);
    let reason = pieces(&d, input, "reason");
    assert!(
        reason
            .first()
            .is_some_and(|(t, s)| s.as_ref() == Some(t) && t.contains("550 5.7.606")),
        "{reason:?}"
    );
    // The spans are where the reply has them.
    let at = |field: &str| {
        let e = d.evidence.iter().find(|e| e.field == field);
        e.and_then(|e| e.span).map(|(s, _)| s)
    };
    assert_eq!(at("blocked_ip"), VISIBLE_MICROSOFT.find("192.0.2.45"));
    assert_eq!(at("enhanced_code"), VISIBLE_MICROSOFT.find("5.7.606"));
}

#[test]
fn utf16_offsets_map_back_to_each_facts_own_bytes() {
    // Saved as UTF-16LE with its mark: the spans index the file's own bytes.
    let mut input = vec![0xFF, 0xFE];
    input.extend(VISIBLE_MICROSOFT.encode_utf16().flat_map(u16::to_le_bytes));
    let d = diagnose(&input);
    each_is(&d, &input, "blocked_ip", "192.0.2.45", 1);
    each_is(&d, &input, "enhanced_code", "5.7.606", 1);
    each_is(&d, &input, "provider_code", "AS(1430)", 1);
}

/// Standard base64 with line breaks every 76 characters.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ABC[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
        if out.len() % 77 == 76 {
            out.push('\n');
        }
    }
    out
}

/// A notice pasted with the reply quoted twice: in the summary for administrators (closed by a
/// quote mark) and again in the DSN fields, each line the same but the summary's last. Saved
/// with CRLF line ends, so the decoded text is not the input and every place is searched for.
const REPEATED_GMX: &str = "\
Delivery has failed to these recipients or groups:

ann@gmx.net

Diagnostic information for administrators:

Remote server returned '554-gmx.net (mxgmx104) Nemesis ESMTP Service not available
554-No SMTP service
554-IP address is block listed.
554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=203.0.113.9&r=0AB'

Reporting-MTA: dns; mail.example.com
Final-Recipient: rfc822; ann@gmx.net
Action: failed
Status: 5.7.1
Diagnostic-Code: smtp; 554-gmx.net (mxgmx104) Nemesis ESMTP Service not available
554-No SMTP service
554-IP address is block listed.
554 For explanation visit https://postmaster.gmx.net/en/case?c=r0201&i=ip&v=203.0.113.9&r=0AB
Remote-MTA: dns; mx00.emig.gmx.net
";

/// Task h218: each place of a fact is spanned in the copy it was read in: the address in the
/// DSN's copy is not moved onto the summary's line that holds the same words, so the address
/// has one place in each copy, and every place of every fact is its own words.
#[test]
fn a_repeated_reply_keeps_each_place_in_its_own_copy() {
    let input = REPEATED_GMX.replace('\n', "\r\n");
    let d = diagnose(input.as_bytes());
    assert_eq!(d.blocked_ip.as_deref(), Some("203.0.113.9"));
    let second = input.find("Diagnostic-Code").expect("the DSN's copy");
    for field in ["sending_ip", "blocked_ip"] {
        each_is(&d, input.as_bytes(), field, "203.0.113.9", 2);
        let starts: Vec<usize> = d
            .evidence
            .iter()
            .filter(|e| e.field == field)
            .filter_map(|e| e.span.map(|(s, _)| s))
            .collect();
        assert!(
            starts.iter().any(|&s| s < second) && starts.iter().any(|&s| s > second),
            "{field}: {starts:?}"
        );
    }
    for e in &d.evidence {
        if let Some((s, t)) = e.span {
            let at = input[s..t].replace('\r', "");
            assert_eq!(at, e.text, "{}: {:?}", e.field, d.evidence);
        }
    }
}
