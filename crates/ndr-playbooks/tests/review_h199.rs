//! Review h199: a fifth visitor pasted its own bounces and held-out ones into the page; what the
//! advice said that did not fit, each checked on the form of the reply (anonymized,
//! documentation addresses and example domains).

mod common;

use common::all_text_with_letter;
use ndr_core::diagnose;
use ndr_playbooks::{advise, advise_with_lookups, select, select_with_lookups, Lang, Listing};

const ZEN_REFUSAL: &str = "This is the mail system at host smtp.example.jp.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<order@example.net>: host mx.example.net[192.0.2.55] said: 554 5.7.1
    Service unavailable; Client host [203.0.113.34] blocked using
    zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.34 (in reply
    to RCPT TO command)
";

/// The ZEN refusal, its documentation address standing for the public one a real bounce shows
/// (only a public address is looked up).
fn zen_refusal(text: &str) -> ndr_core::Diagnosis {
    let mut d = diagnose(text.as_bytes());
    assert_eq!(d.blocked_ip.as_deref(), Some("203.0.113.34"));
    d.blocked_ip_scope = Some(ndr_core::IpScope::Public);
    d
}

/// 1 (own j08, held-out aa 22 and 04): the refusal names a list, and that list's own row
/// answered "not listed" cleanly: the advice says the list does not list the address now, asks
/// to send again and names the receiver's lookup as the other cause, and asks for no removal.
/// A list that could not be checked (not passed as "not listed") keeps the list's advice.
#[test]
fn a_named_list_that_answers_not_listed_gets_no_removal_advice() {
    // As the bounce gives it (a documentation address, which no lookup asks about): no change.
    let doc = diagnose(ZEN_REFUSAL.as_bytes());
    assert_eq!(
        select_with_lookups(&doc, &[], &["zen.spamhaus.org"])
            .playbook
            .id,
        "spamhaus-listed"
    );
    let d = zen_refusal(ZEN_REFUSAL);
    assert_eq!(select(&d).playbook.id, "spamhaus-listed");
    // Could not check: nothing passed, the list's own advice stays.
    assert_eq!(
        select_with_lookups(&d, &[], &["b.barracudacentral.org"])
            .playbook
            .id,
        "spamhaus-listed"
    );
    let clean = ["zen.spamhaus.org", "b.barracudacentral.org"];
    assert_eq!(
        select_with_lookups(&d, &[], &clean).playbook.id,
        "generic-named-list-not-listed-now"
    );
    // Listed after all (an SBL answer): the SBL's advice, never "not listed now".
    let sbl = [Listing {
        zone: "zen.spamhaus.org",
        answer: "127.0.0.2",
    }];
    assert_eq!(
        select_with_lookups(&d, &sbl, &["b.barracudacentral.org"])
            .playbook
            .id,
        "spamhaus-sbl"
    );
    for lang in [Lang::En, Lang::Ja] {
        let r = advise_with_lookups(&d, &[], &clean, lang);
        let all = all_text_with_letter(&r);
        assert!(all.contains("zen.spamhaus.org"), "{all}");
        assert!(all.contains("127.255.255.254"), "{all}");
        let (again, not_now) = match lang {
            Lang::En => (
                "Send the message again, once",
                "does not list the address now",
            ),
            Lang::Ja => (
                "一度だけ送り直してください",
                "今このアドレスを載せていません",
            ),
        };
        assert!(all.contains(again), "{all}");
        assert!(r.verdict.contains(not_now), "{}", r.verdict);
        for wrong in ["request removal", "解除を申請します", "is on a Spamhaus"] {
            assert!(!all.contains(wrong), "{wrong} in {all}");
        }
        let m = r.message.as_ref().expect("a letter to the receiving side");
        assert!(m.body.contains("203.0.113.34 "), "{}", m.body);
        assert!(r.verdict.contains("203.0.113.34"), "{}", r.verdict);
    }
}

/// 1: a part of ZEN named in the refusal (sbl.spamhaus.org) is answered for by ZEN's row.
#[test]
fn a_part_of_zen_is_answered_by_zens_row() {
    let d = zen_refusal(&ZEN_REFUSAL.replace("zen.spamhaus.org;", "sbl.spamhaus.org;"));
    assert_eq!(
        select_with_lookups(&d, &[], &["zen.spamhaus.org"])
            .playbook
            .id,
        "generic-named-list-not-listed-now"
    );
    // Another list's clean answer says nothing of the named one.
    assert_ne!(
        select_with_lookups(&d, &[], &["bl.spamcop.net"])
            .playbook
            .id,
        "generic-named-list-not-listed-now"
    );
}

/// 2 and 3 (own e02): a Postfix delay warning with Gmail's 4.7.32. The steps say how to align
/// the From domain with DKIM's d= or the Return-Path, the resend step waits for the retries,
/// and the letter says the message is delayed, not that it bounced.
#[test]
fn a_delayed_alignment_refusal_waits_and_says_how_to_align() {
    let text = "This is the mail system at host out1.example.com.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

                   The mail system

<bob@gmail.com>: host gmail-smtp-in.l.google.com[2001:db8:4860::1a]
    said: 421-4.7.32 Your email has been rate limited because the From: header
    (RFC5322) in this message isn't aligned with either the authenticated SPF
    or DKIM organizational domain. To learn more about DMARC alignment, visit
    421-4.7.32  https://support.google.com/a?p=dmarc-alignment - gsmtp (in reply
    to end of DATA command)
";
    let d = diagnose(text.as_bytes());
    assert_eq!(select(&d).playbook.id, "gmail-dmarc-alignment");
    for lang in [Lang::En, Lang::Ja] {
        let r = advise(&d, lang);
        let steps: Vec<&str> = r.steps.iter().map(|s| s.text.as_str()).collect();
        let all = all_text_with_letter(&r);
        assert!(steps.iter().any(|s| s.contains("d=")), "{all}");
        assert!(steps.iter().any(|s| s.contains("Return-Path")), "{all}");
        let last = steps.last().expect("steps");
        let body = &r.message.as_ref().expect("a letter").body;
        match lang {
            Lang::En => {
                assert!(last.contains("wait and do not send it yourself"), "{last}");
                assert!(!body.contains("bounced"), "{body}");
                assert!(body.contains("is delayed"), "{body}");
            }
            Lang::Ja => {
                assert!(last.contains("送り直さずに待ってください"), "{last}");
                assert!(!body.contains("返ってきました"), "{body}");
                assert!(body.contains("配送が遅れています"), "{body}");
            }
        }
    }
}

/// 2: a final failure notice with the same kind of refusal still says the mail bounced.
#[test]
fn a_failed_authentication_refusal_still_says_it_bounced() {
    let text = "<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy. (in reply to end of DATA command)\n";
    let d = diagnose(text.as_bytes());
    let r = advise(&d, Lang::En);
    let body = &r.message.as_ref().expect("a letter").body;
    assert!(body.contains("bounced"), "{body}");
}

/// 5 (held-out aa 18): Postfix's client access rule refused a PHP mailer's connection ("Expected
/// response code 220 ... Client host rejected: Access denied"). The advice is the server's
/// access rule (right server and port with a login, or have the host allowed), not the
/// outgoing spam filter's.
#[test]
fn a_client_access_rule_at_submission_is_no_spam_filter() {
    let text = "Swift_TransportException in AbstractSmtpTransport.php line 383:\nExpected response code 220 but got code \"554\", with message \"554 5.7.1 <unknown[203.0.113.11]:52491>: Client host rejected: Access denied\n";
    let d = diagnose(text.as_bytes());
    assert_eq!(
        select(&d).playbook.id,
        "generic-client-host-refused-at-submission"
    );
    for lang in [Lang::En, Lang::Ja] {
        let all = all_text_with_letter(&advise(&d, lang));
        let (port, wrong) = match lang {
            Lang::En => ("587", "links or attachments"),
            Lang::Ja => ("587", "リンクや添付"),
        };
        assert!(all.contains(port), "{all}");
        assert!(all.contains("203.0.113.11"), "{all}");
        assert!(!all.contains(wrong), "{all}");
    }
}

/// 6 (own e04): Gmail's 5.7.40 hedge ("also used for unrecognised authentication type") is
/// said only when the error text does not say which: not when it names DMARC.
#[test]
fn the_5740_hedge_is_left_out_when_the_error_names_dmarc() {
    let named = "<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.7.40 Your email has been blocked because it does not have a DMARC record for the sending domain [promo.example.com] - gsmtp (in reply to end of DATA command)\n";
    let bare = "<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said: 550 5.7.40 gsmtp (in reply to end of DATA command)\n";
    for (text, hedged) in [(named, false), (bare, true)] {
        let d = diagnose(text.as_bytes());
        assert_eq!(select(&d).playbook.id, "gmail-no-dmarc", "{text}");
        for (lang, hedge) in [
            (Lang::En, "unrecognised authentication type"),
            (Lang::Ja, "認識できない認証方式"),
        ] {
            let why = advise(&d, lang).why;
            assert_eq!(why.contains(hedge), hedged, "{why}");
        }
    }
}

/// 7 (own e07): the DMARC step and letter say that a record on the main domain covers its
/// subdomains, so a subdomain sender is not only told to make `_dmarc.<subdomain>`.
#[test]
fn the_dmarc_step_says_the_main_domains_record_covers_subdomains() {
    let text = "<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 Unauthenticated email from news.example.org is not accepted due to domain's DMARC policy. (in reply to end of DATA command)\n";
    let d = diagnose(text.as_bytes());
    let text = "<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 This mail has been blocked because the sender is unauthenticated. (in reply to end of DATA command)\n";
    let plain = diagnose(text.as_bytes());
    let mut checked = 0;
    for d in [&d, &plain] {
        for (lang, covers) in [
            (Lang::En, "covers its subdomains"),
            (Lang::Ja, "サブドメイン"),
        ] {
            let r = advise(d, lang);
            let all = all_text_with_letter(&r);
            if r.steps.iter().any(|s| s.text.contains("_dmarc.")) {
                checked += 1;
                assert!(
                    r.steps
                        .iter()
                        .any(|s| s.text.contains("_dmarc.") && s.text.contains(covers)),
                    "{all}"
                );
            }
            if let Some(m) = &r.message {
                if m.body.contains("_dmarc.") {
                    assert!(m.body.contains(covers), "{}", m.body);
                }
            }
        }
    }
    assert!(checked >= 2, "no DMARC step to check");
}

/// 8 (own j02, j08): a letter to the hosting company, when the bounce names no sender domain,
/// asks for the address the reader sent from (something they can fill in), not "[your domain]".
#[test]
fn a_hosting_letter_without_a_domain_asks_for_the_sending_address() {
    let d = diagnose(ZEN_REFUSAL.as_bytes());
    assert!(d.sender_domain.is_none());
    let ja = advise(&d, Lang::Ja);
    let body = &ja.message.as_ref().expect("a letter").body;
    assert!(
        body.contains(
            "貴社のサービスで［送信に使ったメールアドレス］からメールを送信している者です"
        ),
        "{body}"
    );
    assert!(
        !body.contains("［あなたのドメイン］のメールを送信"),
        "{body}"
    );
    let en = advise(&d, Lang::En);
    let body = &en.message.as_ref().expect("a letter").body;
    assert!(
        body.contains("I send mail from [the address you sent from] through your service."),
        "{body}"
    );
}

/// 8 (own j01): a Japanese letter keeps the returned message's Date: as written and adds it in
/// Japanese; the English one keeps it as written only.
#[test]
fn a_japanese_letter_gives_the_sent_date_in_japanese_too() {
    let text = "From: MAILER-DAEMON@example.net
To: taro@example.jp
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"

--b
Content-Type: text/plain

<order@example.net>: host mx.example.net[192.0.2.55] said: 554 5.7.1
    Service unavailable; Client host [203.0.113.34] blocked using
    zen.spamhaus.org (in reply to RCPT TO command)

--b
Content-Type: message/delivery-status

Reporting-MTA: dns; smtp.example.jp

Final-Recipient: rfc822; order@example.net
Action: failed
Status: 5.7.1
Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [203.0.113.34] blocked using zen.spamhaus.org

--b
Content-Type: text/rfc822-headers

From: taro@example.jp
To: order@example.net
Date: Tue, 3 Feb 2026 10:01:58 +0900
Subject: order

--b--
";
    let d = diagnose(text.as_bytes());
    assert_eq!(d.sent_at.as_deref(), Some("Tue, 3 Feb 2026 10:01:58 +0900"));
    let ja = advise(&d, Lang::Ja);
    let body = &ja.message.as_ref().expect("a letter").body;
    assert!(
        body.contains("Tue, 3 Feb 2026 10:01:58 +0900（2026年2月3日 火曜日 10:01:58 日本時間）"),
        "{body}"
    );
    let en = advise(&d, Lang::En);
    let body = &en.message.as_ref().expect("a letter").body;
    assert!(body.contains("Tue, 3 Feb 2026 10:01:58 +0900\n"), "{body}");
    assert!(!body.contains("年"), "{body}");
}
