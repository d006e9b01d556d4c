//! Task h208: who acts first when the paste is the sending side's own record (the core's note
//! `sending_server_log`: the sending server's log lines, or an SMTP session typed by hand).
//! Whoever pasted it runs the sending server, so its administrator goes before the hosting
//! company, which stays after it (the address range may be the host's); the steps stay.
//! Texts with example domains and documentation addresses.

mod common;

use common::note;
use ndr_core::{diagnose, Diagnosis};
use ndr_playbooks::{
    advise, advise_with_lookups, playbooks, render, Actor, Lang, Listing, SelectedBy,
};

/// The same Spamhaus refusal in the forms a person pastes it.
const POSTFIX_LOG: &str = "Mar  4 10:15:22 mail postfix/smtp[31842]: 8F3C21A0B4: \
    to=<bo@example.net>, relay=mx.example.net[198.51.100.20]:25, delay=0.9, dsn=5.7.1, \
    status=bounced (host mx.example.net[198.51.100.20] said: 554 5.7.1 Service unavailable; \
    Client host [203.0.113.45] blocked using zen.spamhaus.org; \
    https://www.spamhaus.org/query/ip/203.0.113.45 (in reply to RCPT TO command))\n";

const EXIM_LOG: &str = "2025-03-04 10:15:22 1tpQxR-0007Zk-2B ** bo@example.net R=dnslookup \
    T=remote_smtp H=mx.example.net [198.51.100.20]: SMTP error from remote mail server after \
    RCPT TO:<bo@example.net>: 554 5.7.1 Service unavailable; Client host [203.0.113.45] \
    blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.45\n";

const TYPED_SESSION: &str = "$ telnet mx.example.net 25\n\
    Trying 198.51.100.20...\n\
    Connected to mx.example.net.\n\
    220 mx.example.net ESMTP Postfix\n\
    EHLO mail.example.org\n\
    250 mx.example.net\n\
    MAIL FROM:<ann@example.org>\n\
    250 2.1.0 Ok\n\
    RCPT TO:<bo@example.net>\n\
    554 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org; \
    https://www.spamhaus.org/query/ip/203.0.113.45\n";

const BOUNCE_LETTER: &str = "This is the mail system at host mail.example.org.\n\n\
    I'm sorry to have to inform you that your message could not\n\
    be delivered to one or more recipients. It's attached below.\n\n\
    <bo@example.net>: host mx.example.net[198.51.100.20] said: 554 5.7.1 Service\n    \
    unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org;\n    \
    https://www.spamhaus.org/query/ip/203.0.113.45 (in reply to RCPT TO command)\n";

fn ids(d: &Diagnosis, lang: Lang) -> Vec<Actor> {
    advise(d, lang).who.iter().map(|w| w.id).collect()
}

/// The sending server's log and a typed session put its administrator first, then the hosting
/// company, in both languages, with the same steps as the bounce letter of the same refusal,
/// which keeps the hosting company first (nothing in it says who reads it).
#[test]
fn the_sending_servers_own_record_puts_its_administrator_first() {
    let letter = diagnose(BOUNCE_LETTER.as_bytes());
    assert!(!letter.notes.iter().any(|n| n.id == "sending_server_log"));
    for lang in [Lang::En, Lang::Ja] {
        let by_letter = advise(&letter, lang);
        assert_eq!(
            by_letter.who[0].id,
            Actor::SenderProvider,
            "{:?}",
            by_letter.who
        );
        for (paste, form) in [
            (POSTFIX_LOG, "log"),
            (EXIM_LOG, "log"),
            (TYPED_SESSION, "session"),
        ] {
            let d = diagnose(paste.as_bytes());
            assert!(
                d.notes
                    .iter()
                    .any(|n| n.id == "sending_server_log" && n.detail == form),
                "{paste}: {:?}",
                d.notes
            );
            let r = advise(&d, lang);
            assert_eq!(r.id, by_letter.id, "{paste}");
            let who = ids(&d, lang);
            assert_eq!(
                who[..2],
                [Actor::SenderAdmin, Actor::SenderProvider],
                "{paste}: {who:?}"
            );
            let texts = |r: &ndr_playbooks::Rendered| -> Vec<String> {
                r.steps.iter().map(|s| s.text.clone()).collect()
            };
            assert_eq!(texts(&r), texts(&by_letter), "{paste}");
            // The reader is named as the server's administrator, and the hosting company as
            // the owner of the server's address, not as whoever runs the server.
            let line = r.who_line();
            let (you, owner) = match lang {
                Lang::En => (
                    "You or the administrator",
                    "owner of your server's IP address",
                ),
                Lang::Ja => ("あなた、または", "IP アドレスの持ち主"),
            };
            assert!(line.starts_with(you), "{line}");
            assert!(line.contains(owner), "{line}");
            assert!(!line.contains("Your IT administrator"), "{line}");
            assert!(!line.contains("whoever runs your mail server"), "{line}");
        }
    }
}

/// For every playbook: with the note, the administrator stands right where the hosting company
/// stood (before it), one that stood before the hosting company already stays, the other
/// actors keep their order, and a playbook without the hosting company is left as it is. The
/// steps never change.
#[test]
fn every_playbook_puts_the_administrator_just_before_the_hosting_company() {
    let plain = diagnose(POSTFIX_LOG.as_bytes());
    let mut without = plain.clone();
    without.notes.retain(|n| n.id != "sending_server_log");
    assert_ne!(plain.notes, without.notes);
    for p in playbooks() {
        let before: Vec<Actor> = render(p, &without, Lang::En, SelectedBy::GenericReason)
            .who
            .iter()
            .map(|w| w.id)
            .collect();
        let r = render(p, &plain, Lang::En, SelectedBy::GenericReason);
        let after: Vec<Actor> = r.who.iter().map(|w| w.id).collect();
        let Some(host) = before.iter().position(|a| *a == Actor::SenderProvider) else {
            assert_eq!(after, before, "{}", p.id);
            continue;
        };
        let admin_after = after.iter().position(|a| *a == Actor::SenderAdmin);
        let host_after = after.iter().position(|a| *a == Actor::SenderProvider);
        assert!(admin_after < host_after, "{}: {after:?}", p.id);
        match before.iter().position(|a| *a == Actor::SenderAdmin) {
            Some(admin) if admin < host => assert_eq!(after, before, "{}", p.id),
            _ => assert_eq!(admin_after, Some(host), "{}: {before:?} -> {after:?}", p.id),
        }
        // Nobody is lost and nobody else moves.
        let others = |v: &[Actor]| -> Vec<Actor> {
            v.iter()
                .copied()
                .filter(|a| *a != Actor::SenderAdmin)
                .collect()
        };
        assert_eq!(others(&after), others(&before), "{}", p.id);
        let plain_steps = render(p, &without, Lang::En, SelectedBy::GenericReason).steps;
        assert_eq!(r.steps.len(), plain_steps.len(), "{}", p.id);
    }
}

/// Through a sending service, the hosting company's place is the service's, which the customer
/// does not run: the order stays.
#[test]
fn a_sending_services_servers_keep_their_order() {
    let mut d = diagnose(POSTFIX_LOG.as_bytes());
    let mut esp = d.clone();
    esp.notes.push(note("sent_through_esp", "sendgrid"));
    d.notes.retain(|n| n.id != "sending_server_log");
    esp.notes.retain(|n| n.id != "sending_server_log");
    let base = ids(&esp, Lang::En);
    esp.notes.push(note("sending_server_log", "log"));
    assert_eq!(ids(&esp, Lang::En), base);
}

const BARRACUDA: Listing<'static> = Listing {
    zone: "b.barracudacentral.org",
    answer: "127.0.0.2",
};

/// A wait turned into action by a lasting listing the lookups found (review 10, M2) keeps the
/// administrator before the hosting company too (the listing's own order otherwise: its
/// sender first).
#[test]
fn a_lasting_listing_found_by_the_lookups_keeps_the_administrator_first() {
    let line = "Jan 15 09:00:00 mx postfix/smtp[123]: 0A1B2C3D4E: to=<ken@example.org>, \
        relay=mta7.am0.yahoodns.net[192.0.2.139]:25, delay=106485, dsn=4.7.0, status=deferred \
        (host mta7.am0.yahoodns.net[192.0.2.139] said: 421 4.7.0 [TSS04] Messages from \
        203.0.113.4 temporarily deferred due to user complaints - 4.16.55.1; see \
        https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))\n";
    let d = diagnose(line.as_bytes());
    assert!(d.notes.iter().any(|n| n.id == "sending_server_log"));
    let r = advise_with_lookups(&d, &[BARRACUDA], &[], Lang::En);
    let who: Vec<Actor> = r.who.iter().map(|w| w.id).collect();
    let admin = who.iter().position(|a| *a == Actor::SenderAdmin);
    let host = who.iter().position(|a| *a == Actor::SenderProvider);
    assert!(host.is_some() && admin < host, "{who:?}");
    assert!(
        r.who_line().contains("You or the administrator"),
        "{}",
        r.who_line()
    );
}
