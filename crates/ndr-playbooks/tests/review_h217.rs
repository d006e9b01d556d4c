//! Review h217 (real held-out bounces in the page and the CLI): the words around the advice that
//! the page and the CLI share (`labels`).

use ndr_core::{diagnose, Diagnosis, IpScope, Party};
use ndr_playbooks::labels;

/// Outlook.com's refusal of an address on its own block list (held-out ad28, the address a
/// documentation one).
const OUTLOOK_S3150: &str = "5.7.1 Unfortunately, messages from [203.0.113.59] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11B9CB3CBE70C55A] [DB3PEPF0000885D.eurprd02.prod.outlook.com 2024-10-07T11:48:34.472Z 08DCE59E609E592B]\n";

/// Proofpoint's refusal of a blocked address (held-out ad17's form).
const PROOFPOINT: &str = "<a@example.com>: host mx0a.example.com[192.0.2.10] said: 550 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=203.0.113.165 (in reply to MAIL FROM command)\n";

/// A Spamhaus listing: the list the refusal names is one the lookups ask.
const SPAMHAUS: &str = "<a@example.com>: host mx.example.com[192.0.2.10] said: 554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.7 (in reply to RCPT TO command)\n";

/// M4: a provider's own block gets the sentence that its own list is not among those asked; a
/// public list's refusal does not.
#[test]
fn a_providers_own_block_says_its_list_is_not_asked() {
    for paste in [OUTLOOK_S3150, PROOFPOINT] {
        let d = diagnose(paste.as_bytes());
        assert!(d.blocking_party.is_some(), "{paste}");
        assert!(
            labels::own_list_not_asked(&d),
            "{:?} {paste}",
            d.blocking_party
        );
    }
    let d = diagnose(SPAMHAUS.as_bytes());
    assert_eq!(d.blocking_party, Some(Party::Spamhaus));
    assert!(!labels::own_list_not_asked(&d));
    // Not a block of the address (a spam refusal of the message): nothing to say about lists.
    let spam = diagnose(b"<a@example.com>: host mx.example.com[192.0.2.10] said: 550 5.7.1 Message rejected as spam by Content Filtering (in reply to end of DATA command)\n");
    assert!(!labels::own_list_not_asked(&spam));
    let (ja, en) = labels::OWN_LIST_NOT_ASKED;
    assert!(ja.contains("掲載なし") && en.contains("not listed"));
}

/// Every party whose list the lookups ask (the catalogue's) is no "own list" party.
#[test]
fn no_party_whose_list_is_asked_is_told_its_list_is_not() {
    for list in ndr_dnsbl::catalogue::LISTS {
        let Some(party) = list.party else { continue };
        let d = Diagnosis {
            blocking_party: Some(party),
            blocked_ip: Some("203.0.113.7".into()),
            blocked_ip_scope: Some(IpScope::Public),
            reason: ndr_core::Reason::Blocked,
            ..Diagnosis::default()
        };
        assert!(!labels::own_list_not_asked(&d), "{}", list.zone);
    }
}

/// L1: Gmail's refusal of an address whose form RFC 5321 does not allow (held-out ad46): its
/// reason reads as the form, never as an address that does not exist.
#[test]
fn an_address_of_an_invalid_form_is_not_called_one_that_does_not_exist() {
    let d = diagnose(
        "Delivery to the following recipient failed permanently:\n\nTechnical details of permanent failure:\nInternal parse error: Illegal envelope To: address (not valid RFC5321 syntax)\n"
            .as_bytes(),
    );
    let chosen = ndr_playbooks::advise(&d, ndr_playbooks::Lang::En).id;
    assert_eq!(chosen, "generic-userunknown-address-form");
    let (ja, en) = labels::reason_of(&d);
    assert!(
        !ja.contains("存在しない") && !en.contains("does not exist"),
        "{ja} / {en}"
    );
    assert_eq!(labels::generic_reason_words(chosen), Some((ja, en)));
}

/// L4: Proofpoint's 550 "Blocked" (held-out ad17) is a block for good: neither the timing nor a
/// step speaks of a delay that clears in minutes. Its 4xx deferral still does.
#[test]
fn a_proofpoint_block_for_good_speaks_of_no_delay_of_minutes() {
    let d = diagnose(PROOFPOINT.as_bytes());
    for lang in [ndr_playbooks::Lang::Ja, ndr_playbooks::Lang::En] {
        let r = ndr_playbooks::advise(&d, lang);
        assert_eq!(r.id, "proofpoint-blocked");
        let all = format!(
            "{} {}",
            r.duration,
            r.steps
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(
            !all.contains("数分") && !all.to_lowercase().contains("minutes"),
            "{all}"
        );
    }
    // A deferral (a 4xx its server still retries) keeps the minutes.
    let mut deferred = d.clone();
    deferred.smtp_code = Some("451".into());
    deferred.enhanced_code = Some("4.7.1".into());
    for r in &mut deferred.recipients {
        r.action = "delayed".into();
        r.reply_code = Some("451".into());
        r.status = Some("4.7.1".into());
    }
    let r = ndr_playbooks::advise(&deferred, ndr_playbooks::Lang::En);
    assert_eq!(r.id, "proofpoint-blocked");
    assert!(r.duration.contains("Minutes"), "{}", r.duration);
}

/// L5: T-Online's letter goes to the address its refusal names (held-out ad16), which the step
/// also names; without one in the error the letter names no address of its own.
#[test]
fn t_onlines_letter_goes_to_the_address_the_error_names() {
    let named = diagnose(b"<a@example.de>: host mx02.t-online.de[192.0.2.9] refused to talk to me: 554 IP=203.0.113.5 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)\n");
    for lang in [ndr_playbooks::Lang::Ja, ndr_playbooks::Lang::En] {
        let r = ndr_playbooks::advise(&named, lang);
        assert_eq!(r.id, "t-online-blocked");
        let m = r.message.expect("a letter");
        assert_eq!(m.address.as_deref(), Some("tosa@rx.t-online.de"));
    }
    let unnamed = diagnose(b"<a@example.de>: host mx02.t-online.de[192.0.2.9] refused to talk to me: 554 IP=203.0.113.5 - A problem occurred. (Ask your postmaster for help.) (BL)\n");
    let r = ndr_playbooks::advise(&unnamed, ndr_playbooks::Lang::En);
    if r.id == "t-online-blocked" {
        let m = r.message.expect("a letter");
        assert_eq!(m.address, None);
    }
}

/// L9: Gmail's disabled account (5.2.1, DisabledUser; held-out ad08) is refused for good: the
/// advice does not say to wait, and it gives a letter that asks the recipient for another
/// address.
#[test]
fn a_disabled_account_refused_for_good_is_no_wait() {
    let d = diagnose(b"<a@example.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.2.1 The email account that you tried to reach is disabled. Learn more at 550 5.2.1 https://support.google.com/mail/?p=DisabledUser j8-20020a170903024800b00194661 - gsmtp (in reply to RCPT TO command)\n");
    for lang in [ndr_playbooks::Lang::Ja, ndr_playbooks::Lang::En] {
        let r = ndr_playbooks::advise(&d, lang);
        assert_eq!(r.id, "generic-suspend");
        assert_ne!(r.urgency.id, ndr_playbooks::Urgency::Wait);
        let m = r.message.expect("a letter to the recipient");
        assert!(m.body.contains("a@example.com"), "{}", m.body);
    }
}

/// L12: Gmail's "this message is likely unsolicited mail" (held-out ad01) judges the message: the
/// letter to the hosting company says so, and does not say Gmail judged the address's
/// reputation too low.
#[test]
fn gmails_unsolicited_letter_speaks_of_the_message() {
    let d = diagnose(b"<a@example.com>: host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.7.1 [203.0.113.8      12] Our system has detected that this message is 550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail, 550-5.7.1 this message has been blocked. Please visit 550-5.7.1 https://support.google.com/mail/?p=UnsolicitedMessageError 550 5.7.1 for more information. x1-20020a170906b08100b00705a1b2d6f6si12345ejy.1 - gsmtp (in reply to end of DATA command)\n");
    let en = ndr_playbooks::advise(&d, ndr_playbooks::Lang::En);
    assert_eq!(en.id, "gmail-unsolicited");
    let m = en.message.expect("a letter");
    assert!(!m.body.contains("too low"), "{}", m.body);
    assert!(m.body.contains("unsolicited"), "{}", m.body);
    let ja = ndr_playbooks::advise(&d, ndr_playbooks::Lang::Ja)
        .message
        .expect("a letter");
    assert!(
        !ja.body.contains("評価（レピュテーション）が低いと判断"),
        "{}",
        ja.body
    );
    assert!(ja.body.contains("迷惑メールの可能性が高い"), "{}", ja.body);
}
