//! Advice findings of the ninth page review (L1, L3, L4). The texts are written for these tests,
//! in the shapes the pasted errors had.

mod common;

use common::{all_text_with_letter as all_text, one};
use ndr_core::{Evidence, Party, Reason};
use ndr_playbooks::{advise, advise_with_lookups, Actor, Lang, Listing, To};

const PBL: Listing<'static> = Listing {
    zone: "zen.spamhaus.org",
    answer: "127.0.0.11",
};
const BARRACUDA: Listing<'static> = Listing {
    zone: "b.barracudacentral.org",
    answer: "127.0.0.2",
};

/// L3: a Spamhaus PBL refusal whose lookups also find the address on Barracuda: the advice stays
/// the PBL's, and one step names Barracuda with its own removal page, in both languages.
#[test]
fn another_list_the_lookups_found_gets_a_step_with_its_own_page() {
    let text =
        "554 5.7.1 Service unavailable; Client host [45.33.10.20] blocked using zen.spamhaus.org";
    let mut d = one(Reason::Blocked, "failed", "554", Some("5.7.1"), text);
    d.blocked_ip = Some("45.33.10.20".into());
    d.blocking_party = Some(Party::Spamhaus);
    d.list_zone = Some("zen.spamhaus.org".into());
    let alone = advise_with_lookups(&d, &[PBL], &["b.barracudacentral.org"], Lang::En);
    assert_eq!(alone.id, "spamhaus-pbl");
    assert!(!all_text(&alone).contains("Barracuda"));
    for (lang, words) in [
        (Lang::En, "also finds the address on Barracuda"),
        (Lang::Ja, "Barracuda にも掲載"),
    ] {
        let r = advise_with_lookups(&d, &[PBL, BARRACUDA], &[], lang);
        assert_eq!(
            r.id, "spamhaus-pbl",
            "the refusal's own list keeps the advice"
        );
        let step = r
            .steps
            .iter()
            .find(|s| s.text.contains(words))
            .unwrap_or_else(|| panic!("no step about Barracuda: {:?}", r.steps));
        let link = step.link.as_ref().expect("Barracuda's own page");
        assert!(
            link.url.starts_with("https://www.barracudacentral.org/"),
            "{}",
            link.url
        );
        assert_eq!(step.number, r.steps.len());
        // Only once, whatever else the steps say.
        assert_eq!(r.steps.iter().filter(|s| s.text.contains(words)).count(), 1);
    }
    // The same list as the refusal's is not repeated.
    let again = advise_with_lookups(&d, &[PBL], &[], Lang::En);
    assert!(!again.steps.iter().any(|s| s.text.contains("also finds")));
}

/// L1: Microsoft's delist step names the blocked address when the bounce shows it, and says
/// whom to ask when it is masked, never "exactly as in the error".
#[test]
fn the_delist_step_names_the_address_or_whom_to_ask() {
    let masked = "550 5.7.606 Access denied, banned sending IP [送信者のID]. To request removal from this list please visit https://sender.office.com/ and follow the directions.";
    let mut d = one(Reason::Blocked, "failed", "550", Some("5.7.606"), masked);
    d.blocking_party = Some(Party::Microsoft);
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "microsoft-banned-ip");
        let all = all_text(&r);
        assert!(!all.contains("exactly as in the error"), "{all}");
        assert!(!all.contains("エラー文のとおり"), "{all}");
        assert!(
            r.steps
                .iter()
                .any(|s| s.text.contains("ask your mail provider")
                    || s.text.contains("メール事業者かホスティング事業者に確認")),
            "{:?}",
            r.steps
        );
    }
    d.blocked_ip = Some("45.33.10.20".into());
    let r = advise(&d, Lang::En);
    assert!(r
        .steps
        .iter()
        .any(|s| s.text.contains("blocked IP address 45.33.10.20,")));
}

/// L4: a notice in prose with no reply kept (Gmail's 5.7.26 sentences quoted by a host's
/// Postfix): the letter quotes the line the reason was read from and has no code fill-in.
#[test]
fn a_letter_quotes_the_reason_line_and_drops_an_unknown_code() {
    let line = "This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked.";
    let mut d = one(Reason::AuthFailure, "failed", "", None, "");
    d.smtp_code = None;
    d.enhanced_code = None;
    d.recipients[0].reply_code = None;
    d.blocking_party = Some(Party::Gmail);
    d.evidence.push(Evidence {
        field: "reason".into(),
        text: line.into(),
        span: None,
        lines: None,
    });
    for (lang, code_fill_in, error_fill_in) in [
        (
            Lang::En,
            "[error code]",
            "[paste the full error message here]",
        ),
        (
            Lang::Ja,
            "［エラーコード］",
            "［ここにエラーメッセージの全文を貼り付け］",
        ),
    ] {
        let r = advise(&d, lang);
        let body = &r.message.as_ref().expect("a letter").body;
        assert!(body.contains(line), "{body}");
        assert!(!body.contains(code_fill_in), "{body}");
        assert!(!body.contains(error_fill_in), "{body}");
    }
    // A code the bounce holds is still filled in.
    d.enhanced_code = Some("5.7.26".into());
    let r = advise(&d, Lang::Ja);
    assert!(r
        .message
        .as_ref()
        .expect("a letter")
        .body
        .contains("5.7.26"));
}

/// M4: Gmail's "Send mail as" through the user's own rental server, refused there ("rejected by
/// the relay <host> ... 550 5.7.1 <addr>... Command rejected"). With the core's note
/// `refused_at_submission` (detail `gmail_send_as`), the sender fixes the SMTP settings in Gmail;
/// no letter goes to the recipient's side. Without the note the paste says nothing of the relay.
#[test]
fn gmail_send_as_refused_by_the_own_relay_is_the_senders_setting() {
    let text = "550 5.7.1 <info@example.jp>... Command rejected";
    let mut d = one(Reason::SecurityError, "failed", "550", Some("5.7.1"), text);
    assert_eq!(advise(&d, Lang::En).id, "generic-securityerror");
    d.notes
        .push(common::note("refused_at_submission", "gmail_send_as"));
    d.remote_host = Some("mail.example.jp".into());
    for (lang, words) in [(Lang::En, "Send mail as"), (Lang::Ja, "「情報を編集」")] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "generic-own-relay-gmail-send-as");
        assert_eq!(r.who[0].id, Actor::Sender, "{:?}", r.who);
        assert!(
            !r.who.iter().any(|w| w.id == Actor::RecipientAdmin),
            "{:?}",
            r.who
        );
        assert!(r.steps[0].text.contains(words), "{}", r.steps[0].text);
        assert!(r.verdict.contains("mail.example.jp"), "{}", r.verdict);
        let m = r
            .message
            .as_ref()
            .expect("a letter to whoever runs the server");
        assert_ne!(m.to.id, To::RecipientAdmin);
    }
    // Another program's refusal at submission keeps the general advice.
    d.notes[0].detail = "thunderbird".into();
    assert_eq!(advise(&d, Lang::En).id, "generic-own-relay-setting");
}

/// M4 end to end: the core reads Gmail's "rejected by the relay" notice as the sender's own
/// outgoing server, and the advice is the "Send mail as" settings, in both languages.
#[test]
fn gmail_relay_notice_read_by_the_core_gets_the_send_as_advice() {
    let notice = "Delivery to the following recipient failed permanently:\n\n     kim@example.org\n\n\
                  Technical details of permanent failure:\nGoogle tried to deliver your message, but it was \
                  rejected by the relay smtp.example.net by smtp.example.net. [192.0.2.7].\n\
                  The error that the other server returned was:\n550 5.7.1 <me@example.net>... Command rejected\n";
    let d = ndr_core::diagnose(notice.as_bytes());
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        assert_eq!(r.id, "generic-own-relay-gmail-send-as", "{:?}", d.notes);
        assert_eq!(r.who[0].id, Actor::Sender, "{:?}", r.who);
    }
}
