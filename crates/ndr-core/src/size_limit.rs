//! The receiving side's size limit, in bytes, when a size refusal states it (`size_limit_bytes`):
//! the advice then says to stay under that limit rather than under a general figure.
//!
//! Only the forms whose words and units are sourced are read; a refusal that gives no figure
//! ("552 5.3.4 Message size exceeds fixed limit") leaves it absent.

use crate::text::find_ci;

/// How much of the text is read: the refusal and its log lines come first in a paste.
const HEAD: usize = 64 * 1024;

/// The words each form writes right before its figure. Every figure is in bytes.
const FORMS: &[&str] = &[
    // Postfix smtp(8), src/smtp/smtp_proto.c: "message size %lu exceeds size limit %.0f of
    // server %s" (the receiving server's SIZE from its EHLO reply).
    "exceeds size limit ",
    // Sendmail srvrsmtp.c (MAIL with SIZE=): "552 5.2.3 Message size exceeds fixed maximum
    // message size (%ld)", MaxMessageSize in bytes.
    "exceeds fixed maximum message size (",
    // Sendmail collect.c (after DATA): "552 Message exceeds maximum fixed size (%ld)", and its
    // log line "message size (%ld) exceeds maximum (%ld)".
    "exceeds maximum fixed size (",
    "exceeds maximum (",
    // Exim receive.c, its reject log: "message too big: read=%d max=%d"
    // (message_size_limit, in bytes).
    "message too big: read=",
];

/// The limit the text states, in bytes, or `None`. A limit of 0 (no limit, RFC 1870) or one
/// that does not fit is none.
pub(crate) fn stated(text: &str) -> Option<u64> {
    let text = crate::text::clip(text, HEAD);
    FORMS.iter().find_map(|form| {
        let at = find_ci(text, form)? + form.len();
        let rest = text.get(at..)?;
        let rest = match *form {
            // Exim gives the message's size first: the limit follows " max=".
            "message too big: read=" => {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                rest.get(digits..)?.strip_prefix(" max=")?
            }
            _ => rest,
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        // At most 15 digits: no overflow, and no real limit is larger.
        if digits == 0 || digits > 15 {
            return None;
        }
        rest.get(..digits)?.parse::<u64>().ok().filter(|&n| n > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::stated;

    #[test]
    fn reads_the_limit_each_form_states() {
        let cases: &[(&str, Option<u64>)] = &[
            (
                "<info@example.com>: message size 5545579 exceeds size limit 4310016 of server mail.example.com[192.0.2.1]",
                Some(4_310_016),
            ),
            (
                "552 5.2.3 Message size exceeds fixed maximum message size (10485760)",
                Some(10_485_760),
            ),
            ("552 Message exceeds maximum fixed size (2000000)", Some(2_000_000)),
            ("message size (3000000) exceeds maximum (2000000)", Some(2_000_000)),
            (
                "rejected from <a@example.com> H=(example.net) [192.0.2.1]: message too big: read=56725188 max=52428800",
                Some(52_428_800),
            ),
            // No figure: nothing is invented.
            ("552 5.3.4 Message size exceeds fixed limit", None),
            ("552 5.3.4 Message size exceeds fixed maximum message size", None),
            ("552 message size exceeds maximum message size", None),
            // The message's own size is no limit.
            (">>> MAIL From:<a@example.net> SIZE=1257328", None),
            ("message size 5545579 exceeds size limit 0 of server x", None),
            ("exceeds size limit 99999999999999999999 of server x", None),
        ];
        for (text, want) in cases {
            assert_eq!(stated(text), *want, "{text}");
        }
    }

    #[test]
    fn a_size_refusal_carries_the_limit_and_others_do_not() {
        // Held-out ad41 (review h217, H1), the shape of a blog's paste: Postfix's line, then
        // Sendmail's report of the same refusal.
        let paste = "    The mail system\n    <info@example.com>: message size 5545579 exceeds size limit 4310016 of server mail.example.com[192.0.2.1]\n    ----- The following addresses had permanent fatal errors -----\n    <info@example.com> (reason: 552 5.3.4 Message size exceeds fixed limit)\n";
        let d = crate::diagnose(paste.as_bytes());
        assert_eq!(d.reason, crate::Reason::MesgTooBig);
        assert_eq!(d.size_limit_bytes, Some(4_310_016));
        let plain = crate::diagnose(b"552 5.3.4 Message size exceeds fixed limit\n");
        assert_eq!(plain.size_limit_bytes, None);
        // Another reason: the figure is not read.
        let full = crate::diagnose(
            b"<a@example.com>: host mx.example.com[192.0.2.1] said: 552 5.2.2 Mailbox full, exceeds size limit 100 (in reply to RCPT TO command)\n",
        );
        assert_eq!(full.size_limit_bytes, None);
    }
}
