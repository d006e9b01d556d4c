//! Advice findings of the ninth held-out test on real pastes (round n: MEDIUM-A1's receiving
//! server's own open-resolver refusals, LOW-A3's bare temporary block, LOW-A4's tenant
//! restriction, LOW-A5's full mailbox in the mailbox server's own log, LOW-C1's "not found"). The
//! texts are written for these tests, in the shapes the pasted logs had.

mod common;

use common::{all_text, note, one};
use ndr_core::{Diagnosis, Party, Reason};
use ndr_playbooks::{advise, labels, select, Actor, Lang, Urgency};

const OPEN_RESOLVER_LOG: &str = "Mar 3 10:00:00 mx postfix/smtpd[100]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.10]: 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/198.51.100.53; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>";

fn open_resolver(client: Option<&str>) -> Diagnosis {
    let mut d = one(
        Reason::Blocked,
        "failed",
        "554",
        Some("5.7.1"),
        OPEN_RESOLVER_LOG,
    );
    d.blocking_party = Some(Party::RecipientOrg);
    d.list_zone = Some("zen.spamhaus.org".into());
    d.notes
        .push(note("receiver_resolver_refused", "zen.spamhaus.org"));
    if let Some(c) = client {
        d.notes.push(note("inbound_refusal_log", c));
    }
    d
}

/// MEDIUM-A1: the receiving server's own log of an open-resolver refusal speaks to that server's
/// administrator: their resolver (own recursive resolver or DQS), the client refused wrongly, no
/// letter to "your mail server" and no call to the recipient.
#[test]
fn an_own_open_resolver_refusal_is_the_readers_resolver_to_fix() {
    let d = open_resolver(Some("mail.example.net[192.0.2.10]"));
    assert_eq!(select(&d).playbook.id, "spamhaus-open-resolver-own");
    let en = advise(&d, Lang::En);
    let all = all_text(&en);
    assert!(en.message.is_none(), "{:?}", en.message);
    assert!(!all.contains("phone"), "{all}");
    assert!(
        all.contains("own recursive resolver") && all.contains("DQS"),
        "{all}"
    );
    assert!(all.contains("mail.example.net[192.0.2.10]"), "{all}");
    assert!(en.who.iter().all(|w| w.id == Actor::RecipientAdmin));
    // The note the verdict says is not listed again under it.
    assert!(en.says_note("inbound_refusal_log") && en.says_note("receiver_resolver_refused"));
    let ja = advise(&d, Lang::Ja);
    assert!(ja.message.is_none());
    assert!(!all_text(&ja).contains("電話"), "{}", all_text(&ja));

    // The refusal of the sender's mail seen in a bounce keeps the sender's advice (a letter to
    // the recipient's administrator), and so does a program on the server's own machine.
    for d in [
        open_resolver(None),
        open_resolver(Some("localhost[127.0.0.1]")),
    ] {
        assert_eq!(select(&d).playbook.id, "spamhaus-open-resolver");
        assert!(advise(&d, Lang::En).message.is_some());
    }
}

/// LOW-A5: a full mailbox in the log of the server that holds it (the core's note, or Postfix's
/// final-delivery agent's own line) is that server's administrator's to solve; the same reply
/// quoted in a bounce the sender got still tells the sender to reach the recipient.
#[test]
fn a_full_mailbox_in_its_servers_own_log_speaks_to_the_admin() {
    let lmtp = "May 1 10:00:00 mail postfix/lmtp[1050]: 0ABC: to=<u@example.org>, relay=mail.example.org[/var/run/dovecot/lmtp], dsn=5.2.2, status=bounced (host mail.example.org[/var/run/dovecot/lmtp] said: 552 5.2.2 <u@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))";
    let quoted = "host mail.example.org[/var/run/dovecot/lmtp] said: 552 5.2.2 <u@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command)";
    // The core reads the agent's line and notes it; the advice goes by the note, not the text.
    let engine = ndr_core::diagnose(lmtp.as_bytes());
    assert_eq!(engine.reason, Reason::MailboxFull);
    assert!(engine
        .notes
        .iter()
        .any(|n| n.id == "inbound_refusal_log" && n.detail == "final_delivery"));
    assert_eq!(
        select(&engine).playbook.id,
        "generic-mailboxfull-own-server"
    );
    assert!(!ndr_playbooks::ip_is_a_refused_client(&engine));
    let mut d = one(Reason::MailboxFull, "failed", "552", Some("5.2.2"), lmtp);
    assert_eq!(select(&d).playbook.id, "generic-mailboxfull");
    d.notes.push(note("inbound_refusal_log", "final_delivery"));
    assert_eq!(select(&d).playbook.id, "generic-mailboxfull-own-server");
    // Its sentence is the mailbox server's own, not the one about refusing another server.
    let own = labels::note("inbound_refusal_log", "final_delivery");
    assert!(own.is_some_and(|(_, en)| en.contains("holds the mailboxes")));
    assert_ne!(
        own,
        labels::note("inbound_refusal_log", "mx.example.net[192.0.2.10]")
    );
    // Another refusal in the same agent's line keeps that refusal's own advice.
    let mut unknown = one(Reason::UserUnknown, "failed", "550", Some("5.1.1"), lmtp);
    unknown
        .notes
        .push(note("inbound_refusal_log", "final_delivery"));
    assert_ne!(select(&unknown).playbook.id, "generic-inbound-refusal");
    let mut noted = one(Reason::MailboxFull, "failed", "552", Some("5.2.2"), quoted);
    noted
        .notes
        .push(note("inbound_refusal_log", "mail.example.net[192.0.2.10]"));
    assert_eq!(select(&noted).playbook.id, "generic-mailboxfull-own-server");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let all = all_text(&r);
        assert!(r.message.is_none());
        assert!(!all.contains("phone") && !all.contains("電話"), "{all}");
        assert!(r.who.iter().all(|w| w.id == Actor::RecipientAdmin));
    }
    let bounce = one(Reason::MailboxFull, "failed", "552", Some("5.2.2"), quoted);
    assert_eq!(select(&bounce).playbook.id, "generic-mailboxfull");
}

/// LOW-A3: a bare temporary refusal of the sender ("451 4.7.1 Try again later", often
/// greylisting) that nobody marked failed is a wait: not "Urgent", no hijack or virus steps.
/// A permanent one keeps the blocked advice.
#[test]
fn a_bare_temporary_block_is_a_wait_not_an_alarm() {
    let text = "Server mx said: 451 4.7.1 Try again later";
    for reason in [Reason::Blocked, Reason::BadReputation] {
        for action in ["delayed", ""] {
            let d = one(reason, action, "451", Some("4.7.1"), text);
            let en = advise(&d, Lang::En);
            assert_eq!(en.id, "generic-delayed", "{reason:?} {action:?}");
            assert_ne!(en.urgency.id, Urgency::Now);
            let all = all_text(&en);
            assert!(
                !all.contains("taken over") && !all.contains("virus"),
                "{all}"
            );
        }
    }
    let d = one(
        Reason::Blocked,
        "failed",
        "554",
        Some("5.7.1"),
        "554 5.7.1 Client host rejected",
    );
    assert_eq!(select(&d).playbook.id, "generic-blocked");
}

/// LOW-A4: Microsoft 365's tenant restriction (5.7.705) is headed as what it is, not as a
/// blocked sending address, in both languages.
#[test]
fn a_tenant_restriction_is_not_headed_as_a_blocked_ip() {
    let mut d = one(
        Reason::Blocked,
        "failed",
        "550",
        Some("5.7.705"),
        "550 5.7.705 Access denied, tenant has exceeded threshold",
    );
    d.blocking_party = Some(Party::Microsoft);
    assert_eq!(select(&d).playbook.id, "microsoft-tenant-threshold");
    let (ja, en) = labels::reason_of(&d);
    assert!(
        en.contains("Microsoft 365 organisation") && !en.contains("IP"),
        "{en}"
    );
    assert!(ja.contains("Microsoft 365") && !ja.contains("IP"), "{ja}");
}

/// LOW-C1: the not-a-bounce sentence does not deny lines the reader can see (a redacted
/// Final-Recipient the core could not use): it says none could be read.
#[test]
fn the_looked_for_sentence_does_not_deny_what_is_visible() {
    let en = labels::LOOKED_FOR.get(Lang::En);
    assert!(
        !en.contains("was found") && en.ends_with("could be read."),
        "{en}"
    );
    let ja = labels::LOOKED_FOR.get(Lang::Ja);
    assert!(
        !ja.contains("見つかりません") && ja.contains("読み取れません"),
        "{ja}"
    );
}

/// Cases 13 and 18: a network error the sending server gave up on (`Action: failed`, Haraka's
/// "Tried all MXs", `NoMxHostFoundException`) is not retried: the recipient's administrator acts
/// first, not "Nobody at first", and the advice does not open with a wait. Without a failed
/// recipient or a permanent code, the wait still comes first.
#[test]
fn a_failed_network_or_system_error_is_not_a_wait() {
    let mut haraka = one(
        Reason::NetworkError,
        "failed",
        "",
        None,
        "Too many failures (Tried all MXs)",
    );
    haraka.smtp_code = None;
    haraka.recipients[0].reply_code = None;
    let purelymail = one(
        Reason::NetworkError,
        "failed",
        "",
        Some("5.0.0"),
        "NoMxHostFoundException: null",
    );
    let fault = one(
        Reason::SystemError,
        "failed",
        "554",
        Some("5.3.0"),
        "554 5.3.0 Internal error",
    );
    for (d, id) in [
        (&haraka, "generic-networkerror"),
        (&purelymail, "generic-networkerror"),
        (&fault, "generic-systemerror"),
    ] {
        assert_eq!(select(d).playbook.id, id);
        for lang in [Lang::En, Lang::Ja] {
            let r = advise(d, lang);
            assert_eq!(r.who.first().map(|w| w.id), Some(Actor::RecipientAdmin));
            assert!(
                r.who.iter().all(|w| w.id != Actor::Nobody),
                "{}",
                r.who_line()
            );
            assert_ne!(r.urgency.id, Urgency::Wait);
            let first = r.steps.first().map(|s| s.text.as_str()).unwrap_or("");
            assert!(
                !first.contains("Wait") && !first.contains("時間をおいて"),
                "{first}"
            );
        }
    }
    let mut unsure = haraka.clone();
    unsure.recipients[0].action = String::new();
    assert_eq!(select(&unsure).playbook.id, "generic-networkerror");
    let r = advise(&unsure, Lang::En);
    assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Nobody));
    assert_eq!(r.urgency.id, Urgency::Wait);
}

/// Case 20: Postfix's "loops back to myself" and Exim's "lowest numbered MX record points to
/// local host" are the recipient domain's MX routed back to the refusing server: a mail loop.
#[test]
fn an_mx_that_loops_back_is_a_mail_loop() {
    for text in [
        "550 5.1.1 <admin@example.org>: Recipient address rejected: undeliverable address: mail for example.org loops back to myself",
        "lowest numbered MX record points to local host",
    ] {
        let d = one(Reason::SystemError, "failed", "550", Some("5.1.1"), text);
        assert_eq!(select(&d).playbook.id, "generic-mail-loop", "{text}");
        let r = advise(&d, Lang::En);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::RecipientAdmin));
    }
}

/// Case 17: Exim's "all relevant MX records point to non-existent hosts or (invalidly) to IP
/// addresses" is a domain whose DNS is broken, not a typo: its administrator acts first. An
/// unknown domain without those words (most often a typo) keeps the sender first.
#[test]
fn broken_mx_records_are_the_recipient_domains_to_fix() {
    let exim = "all relevant MX records point to non-existent hosts or (invalidly) to IP addresses";
    let d = one(Reason::HostUnknown, "failed", "550", None, exim);
    let typo = one(
        Reason::HostUnknown,
        "failed",
        "550",
        None,
        "Host or domain name not found",
    );
    assert_eq!(select(&d).playbook.id, "generic-hostunknown");
    assert_eq!(select(&typo).playbook.id, "generic-hostunknown");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::RecipientAdmin));
        assert!(!all_text(&r).contains("letter by letter"));
        let r = advise(&typo, lang);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Sender));
    }
}
