//! The user's own mail host refused Microsoft's cloud, which the new Outlook connects from (the
//! core's note `via_microsoft_cloud`; held-out s, case 39). The address in these texts is not a
//! documentation one on purpose: the range it is in (Exchange Online's 40.104.0.0/15) is the
//! point, and 40.107.22.33 is Exchange Online Protection's outbound range, Microsoft 365's own
//! sending.

mod common;

use common::all_text_with_letter;
use ndr_core::diagnose;
use ndr_playbooks::{
    advise, advise_with_lookups, ip_is_microsofts_cloud, labels, select, select_with, Lang, Listing,
};

const PLAYBOOK: &str = "microsoft-cloud-refused-by-own-host";

fn paste(ip: &str, reply: &str) -> String {
    format!(
        "戻ってきたメールには以下のような文章が記載されています。\n技術的な詳細 \
         InvalidRecipientsException: メッセージに対して指定された受信者が無効です: \
         'kim@example.org' ({reply} <unknown[{ip}]>: Client host rejected: Access denied)\n"
    )
}

#[test]
fn the_hosts_refusal_of_microsofts_cloud_gets_its_own_playbook() {
    let d = diagnose(paste("40.104.87.5", "554 5.7.1").as_bytes());
    assert_eq!(d.blocked_ip.as_deref(), Some("40.104.87.5"));
    assert!(ip_is_microsofts_cloud(&d), "{:?}", d.notes);
    assert_eq!(select(&d).playbook.id, PLAYBOOK);
    // A listing of Microsoft's address is not the user's to remove: the playbook stays, and no
    // step asks the user for a removal.
    let zen = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.3",
    }];
    assert_eq!(select_with(&d, &zen).playbook.id, PLAYBOOK);
    let en = advise_with_lookups(&d, &zen, &[], Lang::En);
    assert_eq!(en.id, PLAYBOOK);
    assert!(
        !en.steps
            .iter()
            .any(|s| s.text.contains("request its removal")),
        "{:?}",
        en.steps
    );
    // The user acts first (another program, the panel's setting), then the hosting company.
    assert_eq!(
        en.who.iter().map(|w| w.id).collect::<Vec<_>>(),
        [
            ndr_playbooks::Actor::Sender,
            ndr_playbooks::Actor::SenderProvider
        ]
    );
}

#[test]
fn the_advice_calls_the_address_microsofts_in_both_languages() {
    let d = diagnose(paste("40.104.87.5", "554 5.7.1").as_bytes());
    let en = all_text_with_letter(&advise(&d, Lang::En));
    let ja = all_text_with_letter(&advise(&d, Lang::Ja));
    assert!(en.contains("40.104.87.5 is not your server's"), "{en}");
    assert!(en.contains("classic Outlook"), "{en}");
    assert!(ja.contains("Microsoft のもの"), "{ja}");
    assert!(ja.contains("クラシック版の Outlook"), "{ja}");
    for (text, own) in [
        (&en, "your server's IP address 40.104.87.5"),
        (&en, "your sending IP address"),
        (&ja, "送信元サーバーの IP アドレス"),
    ] {
        assert!(!text.contains(own), "{own}: {text}");
    }
    // The note's sentence, which the page and the CLI show for it, in both languages.
    let (ja_note, en_note) = labels::note("via_microsoft_cloud", "40.104.0.0/15").expect("a text");
    assert!(en_note.contains("Microsoft's") && en_note.contains("not your server's"));
    assert!(ja_note.contains("Microsoft のもの"));
}

#[test]
fn a_temporary_refusal_of_microsofts_cloud_keeps_the_playbook() {
    // A connection limit at the host is a 4xx: still the host refusing Microsoft's cloud, not
    // "your program will retry".
    let d = diagnose(paste("40.104.87.5", "450 4.7.1").as_bytes());
    assert!(ip_is_microsofts_cloud(&d), "{:?}", d.notes);
    assert_eq!(select(&d).playbook.id, PLAYBOOK);
}

#[test]
fn microsoft_365s_outbound_servers_are_not_the_cloud() {
    let d = diagnose(paste("40.107.22.33", "554 5.7.1").as_bytes());
    assert_eq!(d.blocked_ip.as_deref(), Some("40.107.22.33"));
    assert!(!ip_is_microsofts_cloud(&d));
    assert_ne!(select(&d).playbook.id, PLAYBOOK);
}
