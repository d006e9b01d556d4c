//! Who acts, and the advice, for the shapes of the twelfth held-out set (round q: cases 35, 45
//! and 59). The texts are written for these tests, in the shapes the pasted bounces had, with
//! example domains and documentation addresses; they go through the core as a paste would.

mod common;

use common::all_text;
use ndr_core::{diagnose, Diagnosis, Party, Reason};
use ndr_playbooks::{advise, select, Actor, Lang};

fn who(d: &Diagnosis) -> Vec<Actor> {
    advise(d, Lang::En).who.iter().map(|w| w.id).collect()
}

/// Case 35: Exchange Online's restricted inbound connector, in the Japanese NDR that keeps only
/// the codes ("550;5.7.711 ... AS(2204)"): the sending organisation's administrator unblocks
/// it after securing it; not the recipient's protection.
#[test]
fn a_restricted_connector_is_the_sending_organisations_admins() {
    let ja = "メッセージを配信できませんでした。 最も一般的な理由は、組織の電子メール コネクタがスパムやフィッシングを送信していると疑われ、電子メールの送信が許可されなくなったことです。\nリモート サーバーから '550;5.7.711 アクセスが拒否されました。受信コネクタが正しくありません。 AS(2204)。'\n";
    let en = "host example-org.mail.protection.outlook.com[198.51.100.8] said: 550 5.7.711 Access denied, bad inbound connector. AS(2204) (in reply to RCPT TO command)\n";
    for text in [ja, en] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.blocking_party, Some(Party::Microsoft), "{text}");
        assert_eq!(d.reason, Reason::Rejected, "{text}");
        assert_eq!(select(&d).playbook.id, "microsoft-connector-restricted");
        assert_eq!(who(&d), vec![Actor::SenderAdmin]);
        assert!(all_text(&advise(&d, Lang::En)).contains("Restricted entities"));
    }
}

/// Case 45: Outlook.com's reputation throttle under 4.7.651 with (S844) gets the same party
/// and the same wait-first advice as 4.7.650 with (S775).
#[test]
fn the_reputation_throttle_names_outlook_com_under_either_status() {
    let reply = |status: &str, code: &str| {
        format!("host hotmail-com.olc.protection.outlook.com[198.51.100.9] said: 451 {status} The mail server [192.0.2.45] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com ({code}) (in reply to RCPT TO command)\n")
    };
    for (status, code) in [("4.7.650", "S775"), ("4.7.651", "S844")] {
        let d = diagnose(reply(status, code).as_bytes());
        assert_eq!(d.blocking_party, Some(Party::OutlookCom), "{status}");
        assert_eq!(d.reason, Reason::BadReputation, "{status}");
        assert_eq!(select(&d).playbook.id, "outlook-com-rate-limited");
        assert_eq!(who(&d)[0], Actor::Nobody);
    }
}

/// Case 59: a connection to port 25 of a big provider's mail server that timed out is most
/// likely blocked on the sender's side: the hosting company is asked first, and the advice
/// says it may also be a passing fault. A timeout to another server stays a plain delay, and
/// a big provider's server that was reached keeps its own advice.
#[test]
fn a_connect_timeout_to_a_big_provider_asks_about_port_25() {
    let notice = |host: &str, words: &str| {
        format!("This is the mail system at host mail.example.com.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n                   The mail system\n\n<aki@example.net>: delivery temporarily suspended: connect to\n    {host}[198.51.100.26]:25: {words}\nReporting-MTA: dns; mail.example.com\n\nFinal-Recipient: rfc822; aki@example.net\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; delivery temporarily suspended: connect to\n    {host}[198.51.100.26]:25: {words}\n")
    };
    let d = diagnose(notice("alt2.gmail-smtp-in.l.google.com", "Connection timed out").as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-port25-unreachable");
    assert_eq!(who(&d)[0], Actor::SenderProvider);
    let text = all_text(&advise(&d, Lang::En));
    assert!(
        text.contains("port 25") && text.contains("passing network fault"),
        "{text}"
    );
    // Another organisation's server that does not answer: nothing says the cause is the
    // sender's, so it stays the wait.
    let d = diagnose(notice("mx.example.net", "Connection timed out").as_bytes());
    assert_eq!(select(&d).playbook.id, "generic-delayed");
    // The big provider's server answered and refused the connection: not a silent block.
    let d = diagnose(notice("alt2.gmail-smtp-in.l.google.com", "Connection refused").as_bytes());
    assert_ne!(select(&d).playbook.id, "generic-port25-unreachable");
    // Exim's form of the same connection timeout, to Microsoft 365's server: the core names
    // the step `CONN` and its own host tables name the provider.
    let exim_conn = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  aki@example.net\n    host example-net.mail.protection.outlook.com [198.51.100.27]: Connection timed out\n";
    let d = diagnose(exim_conn.as_bytes());
    assert_eq!(d.recipients[0].command.as_deref(), Some("CONN"));
    assert_eq!(select(&d).playbook.id, "generic-port25-unreachable");
}

/// A big provider's server that was reached and then went silent (Exim's "SMTP timeout after
/// end of data ... Connection timed out") is not a connection that could not be opened: port
/// 25 was open.
#[test]
fn a_timeout_later_in_the_session_is_not_a_blocked_port_25() {
    let exim = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  aki@example.net\n    host alt2.gmail-smtp-in.l.google.com [198.51.100.26]\n    SMTP timeout after end of data (1234 bytes written): Connection timed out\n";
    let d = diagnose(exim.as_bytes());
    assert_eq!(
        d.recipients[0].remote_host.as_deref(),
        Some("alt2.gmail-smtp-in.l.google.com")
    );
    assert_ne!(d.recipients[0].command.as_deref(), Some("CONN"));
    assert_ne!(select(&d).playbook.id, "generic-port25-unreachable");
}
