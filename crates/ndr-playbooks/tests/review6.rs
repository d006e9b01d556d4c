//! Advice for the bounces of the sixth page review, each read by the core from a paste written
//! like the ones users send (documentation addresses and example domains; masked parts masked
//! the way users mask them).

use ndr_core::{diagnose, Diagnosis};
use ndr_playbooks::{advise, select, Fact, Lang, Rendered, To};

fn all_text(r: &Rendered) -> String {
    let mut parts = vec![r.verdict.clone(), r.why.clone()];
    parts.extend(r.steps.iter().map(|s| s.text.clone()));
    parts.extend(r.donts.iter().cloned());
    if let Some(m) = &r.message {
        parts.push(m.subject.clone());
        parts.push(m.body.clone());
    }
    parts.join("\n")
}

/// Yahoo's deferral with its tag masked by the user, as pasted into a question.
fn yahoo_masked() -> Diagnosis {
    diagnose(
        b"Error: \"421 4.7.0 [XXX] Messages from x.x.x.x temporarily deferred due to user \
        complaints - 4.16.55.1\" when sending to a Yahoo address\n",
    )
}

#[test]
fn a_4xx_from_yahoo_is_a_deferral_whatever_its_tag() {
    let d = yahoo_masked();
    assert_eq!(d.smtp_code.as_deref(), Some("421"));
    assert_eq!(select(&d).playbook.id, "yahoo-deferred");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "yahoo-deferred");
        assert!(!r.verdict.contains("will not help"), "{}", r.verdict);
        assert!(!r.verdict.contains("恒久的"), "{}", r.verdict);
    }
    // The tagged forms keep their own advice: TSS04 defers, TSS09 (5xx) blocks for good.
    let tss04 = diagnose(
        b"421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected \
        volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes\n",
    );
    assert_eq!(select(&tss04).playbook.id, "yahoo-deferred");
    let tss09 = diagnose(
        b"553 5.7.2 [TSS09] All messages from 192.0.2.7 will be permanently deferred; Retrying \
        will NOT succeed. See https://postmaster.yahooinc.com/error-codes\n",
    );
    assert_eq!(select(&tss09).playbook.id, "yahoo-blocked");
}

/// qmail's report of a Spamhaus refusal whose client address the user masked.
fn spamhaus_masked() -> Diagnosis {
    diagnose(
        b"Hi. This is the qmail-send program at mail.example.net.\n\
        I'm afraid I wasn't able to deliver your message to the following addresses.\n\
        This is a permanent error; I've given up. Sorry it didn't work out.\n\n\
        <yuki@example.org>:\n\
        Connected to 198.51.100.25 but greeting failed.\n\
        Remote host said: 554 5.7.1 Service unavailable; Client host [203.0.***.**] blocked \
        using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.***.**\n\
        I'm not going to try again; this message has been in the queue too long.\n",
    )
}

#[test]
fn a_hidden_sending_ip_is_no_fill_in_in_steps_or_the_ready_message() {
    let d = spamhaus_masked();
    assert_eq!(d.blocked_ip, None);
    for (lang, fill_in, ask) in [
        (
            Lang::En,
            "[your sending IP address",
            "which of your servers sent it",
        ),
        (
            Lang::Ja,
            "［送信元 IP アドレス",
            "どのサーバーから送信されたか",
        ),
    ] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "spamhaus-listed");
        let text = all_text(&r);
        assert!(!text.contains(fill_in), "{lang:?}: {text}");
        let m = r
            .message
            .as_ref()
            .expect("a message to the hosting company");
        assert_eq!(m.to.id, To::HostingProvider);
        // The subject loses the IP, not the list.
        assert!(m.subject.contains("Spamhaus"), "{}", m.subject);
        assert!(!m.subject.contains("IP"), "{}", m.subject);
        // The company is asked once which of its servers sent the mail.
        assert_eq!(m.body.matches(ask).count(), 1, "{}", m.body);
        // The step reads as a sentence that says whom to ask.
        let first = &r.steps[0].text;
        assert!(
            first.contains("hosting company") || first.contains("ホスティング事業者"),
            "{first}"
        );
    }
}

#[test]
fn a_known_sending_ip_is_still_named_everywhere() {
    // A public address (from a public report), so that it is not read as an example one.
    let d = diagnose(
        b"<yuki@example.org>: host mx.example.org[198.51.100.25] said: 554 5.7.1 Service \
        unavailable; Client host [44.202.40.57] blocked using zen.spamhaus.org; \
        https://www.spamhaus.org/query/ip/44.202.40.57 (in reply to RCPT TO command)\n",
    );
    assert_eq!(d.blocked_ip.as_deref(), Some("44.202.40.57"));
    let r = advise(&d, Lang::En);
    let m = r
        .message
        .as_ref()
        .expect("a message to the hosting company");
    assert!(m.subject.contains("44.202.40.57"), "{}", m.subject);
    assert!(m.body.contains("44.202.40.57"), "{}", m.body);
    assert!(!m.body.contains("which of your servers"), "{}", m.body);
    assert!(
        r.steps[0].text.contains("44.202.40.57"),
        "{}",
        r.steps[0].text
    );
}

/// Python's smtplib refusing a message too big at Gmail's submission server.
fn python_too_big() -> Diagnosis {
    diagnose(
        b"Traceback (most recent call last):\n  File \"send.py\", line 14, in <module>\n    \
        server.sendmail(sender, recipients, msg.as_string())\n\
        smtplib.SMTPSenderRefused: (552, b\"5.2.3 Your message exceeded Google's message size \
        limits. Please visit\\n5.2.3  https://support.google.com/mail/?p=MaxSizeError to view \
        our size\\n5.2.3 guidelines. a1sm123456pla.7 - gsmtp\", 'ken@example.com')\n",
    )
}

#[test]
fn a_limit_met_at_submission_speaks_of_the_senders_own_server() {
    let d = python_too_big();
    assert!(d.notes.iter().any(|n| n.id == "refused_at_submission"));
    assert_eq!(select(&d).playbook.id, "generic-limit-at-submission");
    let en = advise(&d, Lang::En);
    assert!(!en.verdict.contains("at the recipient"), "{}", en.verdict);
    assert!(en.verdict.contains("no bounce will come"), "{}", en.verdict);
    let labels: Vec<&str> = en.prepare.iter().map(|p| p.label.as_str()).collect();
    assert!(
        !labels.contains(&Fact::Recipient.label().en()),
        "{labels:?}"
    );
    assert!(!labels.contains(&Fact::Time.label().en()), "{labels:?}");
    let ja = advise(&d, Lang::Ja);
    assert!(!ja.verdict.contains("受信側の上限"), "{}", ja.verdict);
    // The same limit in a server's bounce keeps the recipient's advice.
    let bounce = diagnose(
        b"<yuki@example.org>: host mx.example.org[198.51.100.25] said: 552 5.2.3 Message \
        exceeds maximum size (in reply to end of DATA command)\n",
    );
    assert_ne!(select(&bounce).playbook.id, "generic-limit-at-submission");
}

#[test]
fn the_sender_domain_hint_does_not_repeat_its_label() {
    for lang in [Lang::En, Lang::Ja] {
        let label = Fact::SenderDomain.label().get(lang);
        let hint = Fact::SenderDomain.missing().get(lang);
        for words in ["the part after @", "@ より後ろ"] {
            assert!(
                !(label.contains(words) && hint.contains(words)),
                "{label} / {hint}"
            );
        }
    }
}

#[test]
fn a_masked_recipient_reads_as_the_address_in_japanese() {
    let bare = Diagnosis {
        reason: ndr_core::Reason::UserUnknown,
        ..Diagnosis::default()
    };
    let ja = advise(&bare, Lang::Ja);
    assert!(ja.verdict.starts_with("宛先のアドレスは"), "{}", ja.verdict);
}
