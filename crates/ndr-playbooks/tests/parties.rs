//! The parties with a postmaster site of their own (GMX / WEB.DE / 1&1, T-Online, Comcast):
//! their refusals, as the core reads them, get their own playbooks in both languages.

use ndr_core::{diagnose, Party};
use ndr_playbooks::{advise, Lang};

#[track_caller]
fn advice(text: &str, party: Party, id: &str, en: &[&str], ja: &[&str]) {
    let d = diagnose(text.as_bytes());
    assert_eq!(d.blocking_party, Some(party), "{text}");
    for (lang, words) in [(Lang::En, en), (Lang::Ja, ja)] {
        let r = advise(&d, lang);
        assert_eq!(r.id, id, "{lang:?}");
        assert_eq!(r.party, Some(party));
        let plain = r.to_plain_text();
        for w in words {
            assert!(plain.contains(w), "{lang:?}: {w:?} not in\n{plain}");
        }
    }
}

#[test]
fn gmx_block_and_format_refusals_get_their_own_playbooks() {
    advice(
        "<friend@gmx.net>: host mx00.emig.gmx.net[198.51.100.9] refused to talk to me: \
         554-gmx.net (mxgmx008) Nemesis ESMTP Service not available 554-No SMTP service \
         554-IP address is block listed. 554 For explanation visit \
         https://postmaster.gmx.net/en/case?c=r0301&i=ip&v=192.0.2.45&r=1AbC",
        Party::Gmx,
        "gmx-blocked",
        &[
            "192.0.2.45",
            "r0301",
            "postmaster.gmx.com/en/email-policy",
            "GMX runs no allow list",
        ],
        &["192.0.2.45", "r0301", "許可リスト"],
    );
    advice(
        "<friend@web.de>: host mx-ha02.web.de[198.51.100.8] said: 554-Transaction failed \
         554-Reject due to policy restrictions. 554 For explanation visit \
         https://postmaster.web.de/error-messages?ip=192.0.2.46&c=hi (in reply to end of DATA command)",
        Party::Gmx,
        "gmx-message-refused",
        &["Your address was not refused", "hi"],
        &["ヘッダー"],
    );
}

#[test]
fn t_online_block_gets_its_own_playbook() {
    advice(
        "<friend@t-online.de>: host mx02.t-online.de[198.51.100.20] refused to talk to me: \
         554 IP=192.0.2.60 - A problem occurred. (Ask your postmaster for help or to \
         contact tosa@rx.t-online.de to clarify.) (BL)",
        Party::TOnline,
        "t-online-blocked",
        &["192.0.2.60", "postmaster.t-online.de", "(BL)"],
        &["192.0.2.60", "ブロックリスト", "(BL)"],
    );
    // A full mailbox at T-Online is no block of T-Online's.
    let d = diagnose(
        b"<friend@t-online.de>: host mx03.t-online.de[198.51.100.22] said: 552 5.2.2 \
          Quota exceeded (mailbox for user is full) (in reply to RCPT TO command)",
    );
    assert_eq!(d.blocking_party, None);
}

#[test]
fn comcast_block_codes_get_its_own_playbook() {
    advice(
        "<friend@comcast.net>: host mx1.comcast.net[198.51.100.30] refused to talk to me: \
         554 resimta-h1p-012345.sys.comcast.net resimta-h1p-012345.sys.comcast.net \
         192.0.2.70 found on one or more DNSBLs, see \
         http://postmaster.comcast.net/smtp-error-codes.php#BL000001",
        Party::Comcast,
        "comcast-blocked",
        &["192.0.2.70", "BL000001", "Spamhaus ZEN", "may have moved"],
        &["192.0.2.70", "BL000001", "Spamhaus ZEN", "未確認"],
    );
}

#[test]
fn att_block_gets_its_own_playbook() {
    advice(
        "<friend@att.net>: host al-ip4-mx-vip1.prodigy.net[198.51.100.40] said: 553 5.3.0 \
         alph737 DNSBL:RBL 521< 192.0.2.55 >_is_blocked.For assistance forward this error to \
         abuse_rbl@abuse-att.net (in reply to MAIL FROM command)",
        Party::Att,
        "att-blocked",
        &[
            "friend@att.net",
            "abuse_rbl@abuse-att.net",
            "may have changed",
        ],
        &["friend@att.net", "abuse_rbl@abuse-att.net", "未確認"],
    );
    // A full mailbox at AT&T is no block of AT&T's.
    let d = diagnose(
        b"<friend@att.net>: host al-ip4-mx-vip1.prodigy.net[198.51.100.40] said: 552 5.2.2 \
          mailbox full (in reply to RCPT TO command)",
    );
    assert_eq!(d.blocking_party, None);
}

#[test]
fn netease_refusal_gets_its_own_playbook() {
    advice(
        "<friend@163.com>: host 163mx01.mxmail.netease.com[198.51.100.50] said: 554 DT:SPM \
         163 mx1,AbCdEfGhIjKl--.1234S2 1700000000 (in reply to end of DATA command)",
        Party::Netease,
        "netease-refused",
        &["friend@163.com", "DT:SPM", "help.163.com"],
        &["friend@163.com", "DT:SPM", "網易"],
    );
    // A recipient NetEase does not know is no refusal of NetEase's.
    let d = diagnose(
        b"<friend@163.com>: host 163mx03.mxmail.netease.com[198.51.100.54] said: 550 User \
          not found: friend@163.com (in reply to RCPT TO command)",
    );
    assert_eq!(d.blocking_party, None);
}

#[test]
fn vade_threat_list_gets_its_own_playbook() {
    advice(
        "<friend@example.net>: host mx1.example.net[198.51.100.40] said: 550 5.7.1 \
         Connection refused - IP 192.0.2.81 blocked by Vade Threat List (OXSUS0001_101) \
         (in reply to RCPT TO command)",
        Party::Vade,
        "vade-blocked",
        &[
            "192.0.2.81",
            "OXSUS0001_101",
            "Vade Secure Threat Network",
            "postmaster-oxsus.vadesecure.com",
            "could be confirmed",
        ],
        &[
            "192.0.2.81",
            "OXSUS0001_101",
            "Vade Secure Threat Network",
            "postmaster-oxsus.vadesecure.com",
            "確認できていません",
        ],
    );
}
