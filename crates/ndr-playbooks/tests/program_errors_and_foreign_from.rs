//! Advice findings of the third held-out test on real bounces (round h): a DMARC refusal of a
//! From domain the sender does not run (M5), a temporary refusal quoted by a program that keeps
//! no queue (M6), and the "open resolver" refusal labelled as a block of the sending address
//! (L6). The texts are written for these tests, in the shapes the pasted errors had.

use ndr_core::{diagnose, Diagnosis, Evidence, Note, Party, Reason, Recipient};
use ndr_playbooks::{advise, ip_is_blocked, labels, select, Actor, Lang};

fn playbook(text: &str) -> &'static str {
    select(&diagnose(text.as_bytes())).playbook.id
}

/// Gmail's DMARC wording as a sending service's dashboard shows it: no recipient, no code, the
/// words only in the evidence.
fn dashboard_dmarc(domain: &str) -> Diagnosis {
    let words = format!(
        "Unauthenticated email from {domain} is not accepted due to domain's DMARC policy. \
         Please contact the administrator of {domain} domain if this was a legitimate mail."
    );
    Diagnosis {
        reason: Reason::AuthFailure,
        blocking_party: Some(Party::Gmail),
        evidence: vec![Evidence {
            field: "reason".into(),
            text: words,
            span: Some((0, 10)),
            lines: None,
        }],
        ..Diagnosis::default()
    }
}

#[test]
fn a_webmail_from_domain_is_not_told_to_edit_its_dns() {
    for domain in ["gmail.com", "yahoo.com", "outlook.com", "google.com"] {
        let d = dashboard_dmarc(domain);
        assert_eq!(
            select(&d).playbook.id,
            "generic-authfailure-webmail-from",
            "{domain}"
        );
        let text = advise(&d, Lang::En).to_plain_text();
        assert!(
            text.contains(&format!("The From address is at {domain}")),
            "{text}"
        );
        assert!(text.contains("Reply-To"), "{text}");
        assert!(!text.contains("who manages the DNS"), "{text}");
        let ja = advise(&d, Lang::Ja).to_plain_text();
        assert!(ja.contains(domain) && ja.contains("Reply-To"), "{ja}");
    }
}

#[test]
fn an_own_domain_keeps_the_dmarc_policy_advice_and_is_named() {
    let d = dashboard_dmarc("shop.example.net");
    assert_eq!(select(&d).playbook.id, "gmail-dmarc-policy");
    let text = advise(&d, Lang::En).to_plain_text();
    // The domain the refusal names fills the advice even with no sender address in the paste.
    assert!(
        text.contains("Mail from shop.example.net did not pass"),
        "{text}"
    );
    // A masked domain is no domain.
    let masked = dashboard_dmarc("**domain**.com");
    assert_eq!(select(&masked).playbook.id, "gmail-dmarc-policy");
}

#[test]
fn a_webmail_sender_of_a_generic_authentication_refusal_gets_the_same() {
    let bounce = |from: &str| {
        format!(
            "From: MAILER-DAEMON@mail.example.org\nTo: {from}\nSubject: Undelivered Mail Returned to Sender\n\n\
             <client@example.com>: host mx.example.com[192.0.2.7] said: 550 5.7.23 SPF validation failed for {from} (in reply to end of DATA command)\n"
        )
    };
    let own = diagnose(bounce("me@shop.example.net").as_bytes());
    let webmail = diagnose(bounce("someone@yahoo.com").as_bytes());
    assert_eq!(own.reason, Reason::AuthFailure, "{own:?}");
    assert_eq!(webmail.reason, Reason::AuthFailure, "{webmail:?}");
    assert_ne!(
        select(&own).playbook.id,
        "generic-authfailure-webmail-from",
        "{own:?}"
    );
    assert_eq!(webmail.sender_domain.as_deref(), Some("yahoo.com"));
    assert_eq!(
        select(&webmail).playbook.id,
        "generic-authfailure-webmail-from"
    );
}

/// emailjs's error object: the reply is printed as a JavaScript string, with its `\n`.
const EMAILJS: &str = "{ Error: bad response on command 'RCPT': 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help.html\n    at module.exports (/srv/app/node_modules/emailjs/smtp/error.js:2:13)\n  code: 2,\n  smtp: '450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help.html\\n' }\n";

#[test]
fn a_programs_temporary_refusal_says_to_send_again() {
    let d = diagnose(EMAILJS.as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-delayed-program", "{d:?}");
    let r = advise(&d, Lang::En);
    assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Sender));
    let text = r.to_plain_text();
    assert!(!text.contains("already retrying"), "{text}");
    assert!(text.contains("send the message again"), "{text}");
    let (ja, en) = labels::reason_of(&d);
    assert!(en.contains("does not retry by itself"), "{en}");
    assert!(ja.contains("送り直しません"), "{ja}");
}

#[test]
fn the_same_reply_in_a_servers_delay_notice_is_still_a_wait() {
    let notice = "Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; ops@example.org\nAction: delayed\nStatus: 4.2.0\nDiagnostic-Code: smtp; 450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted, see http://postgrey.example.org/help.html\n";
    let d = diagnose(notice.as_bytes());
    // The greylisting form of the wait (review h159, 5): minutes, the server retries.
    assert_eq!(
        select(&d).playbook.id,
        "generic-delayed-greylisted",
        "{d:?}"
    );
    assert_eq!(
        labels::reason_of(&d).1,
        "Delayed (your server is still retrying)"
    );
}

fn one_reply(text: &str, code: &str, status: &str) -> Diagnosis {
    Diagnosis {
        recipients: vec![Recipient {
            recipient: "ops@example.org".into(),
            action: "failed".into(),
            status: Some(status.into()),
            reply_code: Some(code.into()),
            reason: Reason::Expired,
            diagnostic_text: text.into(),
            ..Recipient::default()
        }],
        reason: Reason::Expired,
        smtp_code: Some(code.into()),
        enhanced_code: Some(status.into()),
        ..Diagnosis::default()
    }
}

#[test]
fn each_programs_wording_is_told_and_a_servers_is_not() {
    // The core reads each library's error as a program's send error (`refused_at_submission`,
    // its `mta/mailprogram.rs`), so every one goes through the core here.
    for text in [
        // Python's smtplib, the tuple its exception prints, with and without its name.
        "smtplib.SMTPRecipientsRefused: {'ops@example.org': (450, b'4.2.0 <ops@example.org>: Recipient address rejected: Greylisted')}",
        "{'ops@example.org': (450, b'4.2.0 Greylisted, try again later')}",
        // nodemailer.
        "Error: Can't send mail - all recipients were rejected: 450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted\n  code: 'EENVELOPE',\n  responseCode: 450",
        // PHPMailer's debug output.
        "SMTP ERROR: RCPT TO command failed: 450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted",
        // Swift Mailer.
        "Expected response code 250 but got code \"450\", with message \"450 4.2.0 Greylisted\"",
        // emailjs.
        EMAILJS,
    ] {
        let d = diagnose(text.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "refused_at_submission"),
            "{text}: {d:?}"
        );
        assert_eq!(select(&d).playbook.id, "generic-delayed-program", "{text}");
    }
    // A server's bounce or log with the same reply.
    for text in [
        "host mx.example.org[192.0.2.9] said: 450 4.2.0 <ops@example.org>: Recipient address rejected: Greylisted (in reply to RCPT TO command)",
        "SMTP error from remote mail server after RCPT TO:<ops@example.org>: 450 4.2.0 Greylisted",
    ] {
        let d = one_reply(text, "450", "4.2.0");
        assert_ne!(select(&d).playbook.id, "generic-delayed-program", "{text}");
        let d = diagnose(text.as_bytes());
        assert_ne!(select(&d).playbook.id, "generic-delayed-program", "{text}");
    }
    // A program's permanent refusal is no wait.
    let d = diagnose(
        "smtplib.SMTPRecipientsRefused: {'ops@example.org': (550, b'5.1.1 User unknown')}"
            .as_bytes(),
    );
    assert!(d.notes.iter().any(|n| n.id == "refused_at_submission"));
    assert_ne!(select(&d).playbook.id, "generic-delayed-program");
}

#[test]
fn a_mail_programs_temporary_refusal_at_submission_is_not_retried_either() {
    let thunderbird = "Sending of the message failed.\nAn error occurred while sending mail. The mail server responded:\n451 4.7.1 <ops@example.org>: Recipient address rejected: Greylisted, please try again in 300 seconds.\nPlease check the message recipient \"ops@example.org\" and try again.\n";
    let d = diagnose(thunderbird.as_bytes());
    assert!(
        d.notes.iter().any(|n| n.id == "refused_at_submission"),
        "{d:?}"
    );
    assert_eq!(select(&d).playbook.id, "generic-delayed-program", "{d:?}");
    let mut noted = one_reply("451 4.7.1 Try again later", "451", "4.7.1");
    noted.notes.push(Note {
        id: "refused_at_submission".into(),
        detail: "thunderbird".into(),
    });
    assert_eq!(select(&noted).playbook.id, "generic-delayed-program");
    assert_ne!(
        select(&one_reply("451 4.7.1 Try again later", "451", "4.7.1"))
            .playbook
            .id,
        "generic-delayed-program"
    );
}

#[test]
fn the_open_resolver_refusal_is_not_labelled_a_blocked_address() {
    let text = "<list@example.org>: host mx.example.org[192.0.2.4] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/192.0.2.53/ (in reply to RCPT TO command)\n";
    let d = diagnose(text.as_bytes());
    assert!(
        d.notes.iter().any(|n| n.id == "receiver_resolver_refused"),
        "{d:?}"
    );
    assert_eq!(playbook(text), "spamhaus-open-resolver");
    assert!(!ip_is_blocked(&d));
    let (ja, en) = labels::reason_of(&d);
    assert!(!en.to_ascii_lowercase().contains("blocked"), "{en}");
    assert!(
        !ja.contains("ブロック") || ja.contains("ブロックリスト"),
        "{ja}"
    );
    assert!(en.contains("receiving server"), "{en}");
    // Without the note, the same reply is a block of the sending address.
    let listed = "<list@example.org>: host mx.example.org[192.0.2.4] said: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.7 (in reply to RCPT TO command)\n";
    let d = diagnose(listed.as_bytes());
    assert!(ip_is_blocked(&d));
    assert_eq!(labels::reason_of(&d).1, "Sending IP address blocked");
}
