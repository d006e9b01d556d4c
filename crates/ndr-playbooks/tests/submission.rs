//! A mail program's own send error (review 5, M2): the core reads the reply its outgoing
//! server gave and notes `refused_at_submission`; the advice is then the sender's own server's.
//! And the out-of-office note the verdict already says (review 5, L1).

use ndr_core::diagnose;
use ndr_playbooks::{advise, select, Actor, Lang};

fn playbook(text: &str) -> &'static str {
    select(&diagnose(text.as_bytes())).playbook.id
}

/// Thunderbird, Outlook (0x800CCC79) and the iPhone, in English and Japanese: relaying denied
/// by the sender's own server is the SMTP-authentication advice, never the recipient's side.
#[test]
fn relaying_denied_at_submission_is_the_authentication_advice() {
    for text in [
        "Sending of the message failed.\nAn error occurred while sending mail. The mail server responded:\n5.7.1 <client@example.org>: Relay access denied.\nPlease verify that your email address is correct in your account settings and try again.\n",
        "An error occurred while sending mail. The mail server responded:\n554 5.7.1 <kim@gmail.com>: Relay access denied.\nPlease check the message recipient \"kim@gmail.com\" and try again.\n",
        "メッセージを送信できませんでした。\nメールの送信中にエラーが発生しました。サーバーからの応答:\n554 5.7.1 <torihiki@example.co.jp>: Relay access denied\nメッセージの受信者 \"torihiki@example.co.jp\" を確認し、再度試してください。\n",
        "The message could not be sent because one of the recipients was rejected by the server. The rejected e-mail address was 'customer@example.org'. Subject 'Quotation', Account: 'mail.example.jp', Server: 'mail.example.jp', Protocol: SMTP, Server Response: '550 5.7.1 <customer@example.org>... Relaying denied', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79",
        "Cannot Send Mail\nA copy has been placed in your Outbox. The recipient \"friend@example.org\" was rejected by the server because it does not allow relaying.\n",
    ] {
        let d = diagnose(text.as_bytes());
        assert!(
            d.notes.iter().any(|n| n.id == "refused_at_submission"),
            "{text}: {:?}",
            d.notes
        );
        assert!(!d.is_not_a_bounce(), "{text}");
        assert_eq!(select(&d).playbook.id, "generic-norelaying", "{text}");
        let r = advise(&d, Lang::En);
        assert_eq!(r.who.first().map(|w| w.id), Some(Actor::Sender), "{text}");
        // The note is shown: the verdict about relaying does not say the message never left.
        assert!(!r.says_note("refused_at_submission"), "{text}");
    }
}

/// Any other refusal of the sender by its own server at submission is that server's or its
/// settings', not the recipient's: a refused sender address is a setting to fix (held-out j,
/// A-1), not the outgoing filter's spam verdict.
#[test]
fn a_refusal_of_the_sender_at_submission_is_the_own_servers() {
    let text = "受信者の 1 人がサーバーによって拒否されたため、メッセージを送信できませんでした。 拒否された電子メール アドレス : 'okyakusama@example.org' 件名 'お見積り', アカウント : 'mail.example.jp', サーバー : 'mail.example.jp', プロトコル : SMTP, サーバーの応答 : '554 5.7.1 <eigyo@example.jp>: Sender address rejected: Access denied', ポート : 587, セキュリティ (SSL) : いいえ, サーバー エラー : 554, エラー番号 : 0x800CCC79\n";
    assert_eq!(playbook(text), "generic-own-relay-setting");
    let d = diagnose(text.as_bytes());
    let r = advise(&d, Lang::Ja);
    // Outlook's settings are its user's to change: the sender first, then the administrator
    // (held-out m, case 35).
    let who: Vec<_> = r.who.iter().map(|w| w.id).collect();
    assert_eq!(who, [Actor::Sender, Actor::SenderAdmin]);
    assert!(r.says_note("refused_at_submission"));
    // A library's settings are whoever set up the app: the administrator stays first.
    let mut app = d.clone();
    for n in &mut app.notes {
        n.detail = "phpmailer".into();
    }
    let r = advise(&app, Lang::En);
    assert_eq!(r.who.first().map(|w| w.id), Some(Actor::SenderAdmin));
    // The same reply in a bounce from a receiving server is not the sender's own server's.
    let bounce = "<okyakusama@example.org>: host mx.example.org[192.0.2.7] said: 554 5.7.1 <eigyo@example.jp>: Sender address rejected: Access denied (in reply to RCPT TO command)\n";
    assert_ne!(playbook(bounce), "generic-own-relay-refused");
    assert_ne!(playbook(bounce), "generic-own-relay-setting");
}

/// Review 5, L1: the auto-reply verdict already says the note's words, so the note is not
/// listed under it again.
#[test]
fn the_out_of_office_note_is_not_said_twice() {
    let text = "件名: 自動応答: お見積りの件\n差出人: 山本 <yamamoto@example.co.jp>\n\nいつもお世話になっております。\n誠に勝手ながら、11月20日から11月27日まで休暇をいただいております。\n";
    let d = diagnose(text.as_bytes());
    assert!(
        d.notes.iter().any(|n| n.id == "auto_reply"),
        "{:?}",
        d.notes
    );
    let r = advise(&d, Lang::Ja);
    assert_eq!(r.id, "generic-vacation");
    assert!(r.says_note("auto_reply"));
}
