//! Forms held-out set af showed that the core read wrongly or not at all; one case per form,
//! with documentation addresses and example domains (never the held-out texts). Bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-core --test heldout_af`.

use expect_test::expect;
use ndr_core::{diagnose, Reason};

mod first_line;
use first_line::check;

/// A Postfix notice as a page shows it: a divider line before it, after it or both, the
/// page's own sentence outside them, the notice indented deeper than both.
fn framed(divider: &str, before: bool, after: bool, recipient_lines: &str) -> String {
    let mut t = String::new();
    if before {
        t.push_str(&format!("The notice reads as follows:\n    {divider}\n"));
    }
    t.push_str(
        "       This is the Postfix program at host mx.example.net.

       I'm sorry to have to inform you that the message returned
       below could not be delivered to one or more destinations.

                          The Postfix program

",
    );
    t.push_str(recipient_lines);
    if after {
        t.push_str(&format!("    {divider}\n"));
    }
    if !before {
        t.push_str("This is what the notice looks like.\n");
    }
    t
}

/// The divider lines frame the notice; the shared indentation is the page's and the notice
/// kept seven spaces, so its reader lost the reply's second line (and a recipient written
/// with the host it was delivered at). Before, after or both, for each kind of divider.
#[test]
fn a_notice_framed_by_divider_lines_is_read_inside_them() {
    let lines = "       <nobody@example.net>: User unknown:\n        \"nobody@example.net\"\n";
    check(
        &framed("--------------------", true, true, lines),
        expect![[
            r#"- - userunknown - - | host=- rcpt=nobody@example.net step=- reply=- status=- notes= | User unknown: "nobody@example.net""#
        ]],
    );
    for divider in [
        "---",
        "-----------",
        "=====",
        "***",
        "* * *",
        "＿＿＿＿",
        "ーーーー",
        "────",
    ] {
        for (before, after) in [(true, false), (false, true), (true, true)] {
            let d = diagnose(framed(divider, before, after, lines).as_bytes());
            assert_eq!(d.reason, Reason::UserUnknown, "{divider} {before} {after}");
            assert_eq!(
                d.recipients[0].diagnostic_text, "User unknown: \"nobody@example.net\"",
                "{divider} {before} {after}"
            );
        }
    }
    // The recipient with the host that refused it after a second `@`.
    let d = diagnose(
        framed(
            "------",
            true,
            true,
            "       <nobody@example.net@mx.example.net>: User unknown\n",
        )
        .as_bytes(),
    );
    assert_eq!(d.reason, Reason::UserUnknown);
}

/// The reason of a bare line, as a paste of one reply gives it.
fn reason_of(text: &str) -> Reason {
    diagnose(text.as_bytes()).reason
}

/// A sending service that keeps a recipient back because mail to it bounced before (or its
/// owner complained): its suppression. Amazon SES's older refusal at the API call, and
/// Postmark's API error 406 as a program's mail library logs it (no server's reply, so no
/// reply code; Postmark's 406, as Mailgun's 605, is no provider code either).
#[test]
fn a_sending_services_list_of_addresses_it_will_not_send_to_is_suppressed() {
    check(
        "Failed to send the message: 554 Message rejected: Address blacklisted.\n",
        expect!["554 - suppressed - - | host=- rcpt=- step=- reply=554 status=- notes= | 554 Message rejected: Address blacklisted."],
    );
    check(
        "[2024-03-05 10:00:00] mailer.ERROR: Unable to send an email: You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: kenji@example.net. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression. (code 406).\n",
        expect!["- - suppressed - - | host=- rcpt=kenji@example.net step=- reply=- status=- notes= | You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: kenji@example.net. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression. (code 406)."],
    );
    for text in [
        "Postmark error: You tried to send to a recipient that has been marked as inactive. Found inactive addresses: kenji@example.net. Inactive recipients are ones that have generated a hard bounce or a spam complaint.\n",
        r#"{"ErrorCode":406,"Message":"You tried to send to recipients that have all been marked as inactive. Inactive recipients are ones that have generated a hard bounce or a spam complaint."}"#,
    ] {
        let d = diagnose(text.as_bytes());
        assert_eq!(d.reason, Reason::Suppressed, "{text}");
        assert_eq!(d.provider_code, None, "{text}");
    }
    // An address on a blocklist of the receiver's own is no sending service's suppression.
    assert_ne!(
        reason_of("550 5.7.1 Sender address blacklisted: a@example.org\n"),
        Reason::Suppressed
    );
}

/// Mailgun's "delivery-status" object pasted without its event (no "recipient"), with its
/// own code 605 instead of a server's reply: the same suppression as the whole event, and
/// no reply code.
#[test]
fn mailguns_own_code_in_a_delivery_status_without_its_event() {
    let block = "Failed (Permanent):\n\n\"delivery-status\": {\n    \"attempt-no\": 1,\n    \"message\": \"\",\n    \"code\": 605,\n    \"description\": \"Not delivering to previously bounced address\",\n    \"session-seconds\": 0.0\n},\n";
    check(
        block,
        expect!["- - suppressed - - | host=- rcpt=- step=- reply=- status=- notes=sent_through_esp | Not delivering to previously bounced address"],
    );
    // A number that is no Mailgun code of its own (nor a reply) reads as nothing.
    let d =
        diagnose(b"\"delivery-status\": {\"code\": 42, \"description\": \"Some words here\"}\n");
    assert!(d.recipients.is_empty());
}

/// Microsoft 365's visible notice of a receiver that refused the message as spam, pasted
/// without its codes: "DOMAIN suspects your message is spam and rejected it."
#[test]
fn microsoft_365s_notice_that_the_receiver_suspects_spam() {
    check(
        "Your message to kenji@example.net couldn't be delivered.\nexample.net suspects your message is spam and rejected it.\nann    Office 365    example.net\nSender    Action Required\nMessages suspected as spam\n",
        expect!["- - spamdetected - - | host=- rcpt=kenji@example.net step=- reply=- status=- notes= | example.net suspects your message is spam and rejected it. ann Office 365 example.net Sender Action Required"],
    );
}

/// A submission server that refuses an envelope sender the account does not own, in the
/// words that name the refused sender, and in those that name the login: rejected, as
/// Postfix's "not owned by user", with the same note and playbook when the login is named
/// (not the security check that the 5.7.1 alone would say).
#[test]
fn a_sender_the_login_does_not_own_is_rejected() {
    check(
        "Expected response code 250 but got code \"550\", with message \"550 \"envelope sender not allowed ann@example.org\"\".\n",
        expect![[r#"550 - rejected - - | host=- rcpt=- step=- reply=550 status=- notes=refused_at_submission | 550 "envelope sender not allowed ann@example.org"#]],
    );
    check(
        "554 5.7.1 Recipient address rejected: Username ann@example.net and sender doesn't match\n",
        expect!["554 5.7.1 rejected - - | host=- rcpt=ann@example.net step=- reply=554 status=5.7.1 notes=sender_login_mismatch | 554 5.7.1 Recipient address rejected: Username ann@example.net and sender doesn't match"],
    );
    for reply in [
        "554 5.7.1 <info@example.org>: Sender address rejected: not owned by user ann@example.net\n",
        "554 5.7.1 Recipient address rejected: Username ann@example.net and sender doesn't match\n",
    ] {
        let d = diagnose(reply.as_bytes());
        assert_eq!(d.reason, Reason::Rejected, "{reply}");
        assert!(
            d.notes.iter().any(|n| n.id == "sender_login_mismatch" && n.detail == "ann@example.net"),
            "{reply}"
        );
    }
}

/// A message without a From header field, refused for it (RFC 5322, 3.6): not RFC compliant.
#[test]
fn a_message_without_a_from_header_is_not_rfc_compliant() {
    for reply in [
        "550 MIME message is missing 'From' header\n",
        "Mail command failed: 550 From header is missing, header is not RFC 5322 compliant\n",
        "554 5.6.0 Message rejected: no From header\n",
        "550 Rejected: missing From: header\n",
    ] {
        assert_eq!(reason_of(reply), Reason::NotCompliantRfc, "{reply}");
    }
    // A From header the server found is no missing one.
    assert_ne!(
        reason_of("550 5.7.1 From header domain not allowed\n"),
        Reason::NotCompliantRfc
    );
}

/// 535 answers AUTH alone (RFC 4954, 6): a refused login, with or without an enhanced code.
#[test]
fn a_535_without_an_enhanced_code_is_a_refused_login() {
    check(
        "Error: AUTH LOGIN failed: '535 Incorrect authentication data'\n",
        expect!["535 - securityerror - - | host=- rcpt=- step=AUTH reply=535 status=- notes= | 535 Incorrect authentication data"],
    );
    for reply in [
        "535 Authentication failed\n",
        "SMTP Error: 535 authentication credentials invalid\n",
    ] {
        assert_eq!(reason_of(reply), Reason::SecurityError, "{reply}");
    }
}
