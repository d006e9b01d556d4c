//! Held-out set x (and w 13, u 16): advice chosen by the refusal's own words.

mod common;

use common::all_text_with_letter as all_text;
use ndr_core::{diagnose, Party, Reason};
use ndr_playbooks::{advise, select, Lang};

/// x 29: Gmail's refusal of a message whose From header has no valid address names Gmail
/// (its " - gsmtp" reply) and gets the format advice, not Gmail's spam advice that its 5.7.1
/// code entry holds. Microsoft's From-header refusal (5.7.512) reads the same way, with its own
/// From-line playbook.
#[test]
fn a_from_header_refusal_names_the_receiver_and_gets_format_advice() {
    for (text, party, playbook) in [
        (
            "<a@example.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said: 550 5.7.1 [198.51.100.7 14] Messages missing a valid address in From: header, or having no From: header, are not accepted. f5si72061edr.222 - gsmtp (in reply to end of DATA command)\n",
            Party::Gmail,
            "generic-notcompliantrfc",
        ),
        (
            "550 5.7.1 [198.51.100.7 14] Messages missing a valid address in From: header, or having no From: header, are not accepted. f5si72061edr.222 - gsmtp\n",
            Party::Gmail,
            "generic-notcompliantrfc",
        ),
        (
            "<a@example.com>: host example-com.mail.protection.outlook.com[192.0.2.30] said: 550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant and include a valid From address [AM0PR01MB1234.eurprd01.prod.outlook.com] (in reply to end of DATA command)\n",
            Party::Microsoft,
            "microsoft-from-header",
        ),
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.reason, Reason::NotCompliantRfc, "{text}");
        assert_eq!(d.blocking_party, Some(party), "{text}");
        assert_eq!(select(&d).playbook.id, playbook, "{text}");
        let all = all_text(&advise(&d, Lang::En));
        assert!(!all.contains("unsolicited"), "{all}");
    }
}

/// x 34, x 46: Exchange's delay notice, pasted (one wrapped by a mail program, with a
/// "<mailto:...>" link under the address): the last attempt's own reply ("441 4.4.1 Error
/// encountered while communicating with primary target IP address: ..."), shown from its code,
/// not the summary "400 4.4.7 Message delayed" nor a line cut at its first quote.
#[test]
fn exchanges_delay_notice_keeps_the_last_attempts_reply() {
    let wrapped = "Delivery is delayed to these recipients or groups:\nuser@example.com (user@example.com)\n<mailto:user@example.com> \nThis message hasn't been delivered yet. Delivery will continue to be\nattempted.\n\nDiagnostic information for administrators:\nGenerating server: EX1.example.net\nReceiving server: example.com (192.0.2.178)\nuser@example.com\n<mailto:user@example.com> \nRemote Server at example.com (192.0.2.178) returned '400\n4.4.7 Message delayed'\n4/11/2016 4:58:21 PM - Remote Server at example.com\n(192.0.2.178) returned '441 4.4.1 Error encountered while\ncommunicating with primary target IP address: \"Failed to connect.\nWinsock error code: 10060, Win32 error code: 10060.\" Attempted failover\nto alternate host, but that did not succeed. The last\nendpoint attempted was 192.0.2.178:25'\nOriginal message headers:\nReceived: from EX1.example.net (10.10.10.21)\n";
    let one_line = "Delivery is delayed to these recipients or groups:\n\nuser@example.com<mailto:user@example.com>\n\nThis message hasn't been delivered yet. Delivery will continue to be attempted.\n\nDiagnostic information for administrators:\n\nGenerating server: EX2.example.net\nReceiving server: mdb27 (192.0.2.149)\n\nuser@example.com\nRemote Server at mdb27 (192.0.2.149) returned '400 4.4.7 Message delayed'\n11/01/2023 04:20:14 - Remote Server at mdb27 (192.0.2.149) returned '441 4.4.1 Error encountered while communicating with primary target IP address: \"Failed to connect. Winsock error code: 10060, Win32 error code: 10060.\" Attempted failover to alternate host, but that did not succeed. The last endpoint attempted was 192.0.2.149:475'\n\nOriginal message headers:\n\nReceived: from EX1.example.net (10.0.0.1)\n";
    for text in [wrapped, one_line] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.recipients.len(), 1, "{text}");
        let r = &d.recipients[0];
        // Exchange's own "441" is no defined reply code: left out, as Sisimai does; the
        // status says the same.
        assert_eq!(
            (r.reply_code.as_deref(), r.status.as_deref()),
            (None, Some("4.4.1")),
            "{text}"
        );
        assert!(
            r.diagnostic_text
                .starts_with("441 4.4.1 Error encountered while communicating"),
            "{}",
            r.diagnostic_text
        );
        assert!(
            r.diagnostic_text.contains("The last endpoint"),
            "{}",
            r.diagnostic_text
        );
    }
}

/// w 13: Exchange's "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this
/// recipient" stays exceedlimit (Sisimai's class for 5.2.3), but its words name the size: the
/// size advice, not a hedge between size and the number of recipients.
#[test]
fn a_limit_named_as_the_size_gets_the_size_advice() {
    let text = "Delivery has failed to these recipients or groups:\n\nuser@example.com (user@example.com)\nYour message is too large to send. To send it, make the message smaller, for example, by removing attachments.\n\nThe maximum message size that's allowed is 10 MB. This message is 18 MB.\n\nDiagnostic information for administrators:\n\nGenerating server: ex.example.net\n\nuser@example.com\nRemote Server returned '550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient'\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::ExceedLimit);
    assert_eq!(select(&d).playbook.id, "generic-mesgtoobig");
    let en = all_text(&advise(&d, Lang::En));
    assert!(!en.contains("number of recipients"), "{en}");
}
