//! Task h218, item 2: when a refusal says the sender's SPF check failed and names the sending
//! address, the SPF step and the letter say that the domain's SPF record must allow that
//! address (by an "include:" or an "ip4:" entry), naming the domain when it is known.

use ndr_core::{diagnose, Diagnosis, IpScope, Reason};
use ndr_playbooks::{advise, Lang, Rendered};

/// A public address, as a real bounce has: a documentation one is never named as the sender's.
const IP: &str = "203.0.113.52";

/// The core's reading of `text`, its sending address taken as a public one.
fn public(text: &str) -> Diagnosis {
    let mut d = diagnose(text.as_bytes());
    assert_eq!(d.reason, Reason::AuthFailure, "{text}: {d:?}");
    assert_eq!(d.sending_ip.as_deref(), Some(IP), "{text}: {d:?}");
    d.sending_ip_scope = Some(IpScope::Public);
    d
}

/// The SPF step (the one that says "v=spf1") of the advice.
fn spf_step(r: &Rendered) -> &str {
    r.steps
        .iter()
        .map(|s| s.text.as_str())
        .find(|t| t.contains("v=spf1"))
        .unwrap_or_else(|| panic!("{}: no SPF step: {:?}", r.id, r.steps))
}

fn letter(r: &Rendered) -> &str {
    r.message
        .as_ref()
        .map(|m| m.body.as_str())
        .unwrap_or_else(|| panic!("{}: no letter", r.id))
}

/// Gmail's 5.7.26 with the envelope's domain in its SPF result (`bounces.example.com`, not the
/// From domain), the words folded as a mail program shows them.
fn gmail_5726() -> String {
    format!(
        "Delivery to the following recipient failed permanently:\n\n\
         \x20    ann@gmail.com\n\n\
         Technical details of permanent failure:\n\
         \x20    550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n\
         \x20    550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n\
         \x20    550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\n\
         \x20    550-5.7.26 DKIM checks did not pass and SPF check for\n\
         \x20    [bounces.example.com] 550-5.7.26 did not pass with ip: [{IP}]. The\n\
         \x20    sender should visit 550-5.7.26\n\
         \x20    https://support.google.com/mail/answer/81126#authentication for 550 5.7.26\n\
         \x20    instructions on setting up authentication. z3si88 - gsmtp\n"
    )
}

/// Gmail's 5.7.27 (SPF did not pass, by its code), its result naming `example.com`.
fn gmail_5727() -> String {
    format!(
        "<ann@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:\n    \
         550-5.7.27 Your email has been blocked because the sender is unauthenticated.\n    \
         550-5.7.27 Gmail requires all senders to authenticate with either SPF or DKIM.\n    \
         550-5.7.27  550-5.7.27  Authentication results: 550-5.7.27  DKIM = pass\n    \
         550-5.7.27  SPF [example.com] with ip: [{IP}] = did not pass\n    \
         550-5.7.27  550-5.7.27  For instructions on setting up authentication, go to\n    \
         550 5.7.27  https://support.google.com/mail/answer/81126#authentication\n    \
         z3si88 - gsmtp (in reply to end of DATA command)\n"
    )
}

/// pypolicyd-spf's refusal ("SPF fail - not authorized"), its explanation link naming the
/// client as `ip=`.
fn policyd_spf() -> String {
    format!(
        "<kim@example.net>: host mx.example.net[198.51.100.9] said: 550 5.7.23\n    \
         <kim@example.net>: Recipient address rejected: Message rejected due to: SPF fail -\n    \
         not authorized. Please see\n    \
         http://www.openspf.net/Why?s=mfrom;id=news@example.org;ip={IP};r=mx.example.net\n    \
         (in reply to RCPT TO command)\n"
    )
}

/// True when `text` speaks of `domain`'s SPF record.
fn names_the_domain(text: &str, domain: &str) -> bool {
    text.replace(' ', "").contains(&format!("{domain}のSPF"))
        || text.contains(&format!("SPF record of {domain} "))
}

#[test]
fn an_spf_failure_names_the_address_to_allow() {
    for (text, domain) in [
        (gmail_5726(), Some("bounces.example.com")),
        (gmail_5727(), Some("example.com")),
        // No sender's domain in a reply pasted alone: "your domain".
        (policyd_spf(), None),
    ] {
        let d = public(&text);
        for lang in Lang::ALL.iter().copied() {
            let known = domain.is_some();
            let domain = domain.unwrap_or(match lang {
                Lang::Ja => "あなたのドメイン",
                Lang::En => "your domain",
            });
            let r = advise(&d, lang);
            let step = spf_step(&r);
            assert!(step.contains(IP), "{} {lang:?}: {step}", r.id);
            assert!(step.contains("ip4:"), "{} {lang:?}: {step}", r.id);
            assert!(names_the_domain(step, domain), "{} {lang:?}: {step}", r.id);
            assert!(step.contains("include:"), "{} {lang:?}: {step}", r.id);
            let body = letter(&r);
            assert!(body.contains(IP), "{} {lang:?}: {body}", r.id);
            assert!(body.contains("ip4:"), "{} {lang:?}: {body}", r.id);
            // Without a domain the letter leaves its fill-in for the reader, as its list does.
            assert!(
                !known || names_the_domain(body, domain),
                "{} {lang:?}: {body}",
                r.id
            );
        }
    }
}

/// Microsoft's 5.7.23 is an SPF failure by its code: with the address known (here set as the
/// sending one), its advice names it too.
#[test]
fn microsofts_spf_refusal_names_the_address_to_allow() {
    let mut d = diagnose(
        b"<kim@example.net>: host example-net.mail.protection.outlook.com[198.51.100.5]\n    \
          said: 550 5.7.23 The message was rejected because of Sender Policy Framework\n    \
          violation (in reply to end of DATA command)\n",
    );
    assert_eq!(d.reason, Reason::AuthFailure, "{d:?}");
    d.sending_ip = Some(IP.into());
    d.sending_ip_scope = Some(IpScope::Public);
    for lang in Lang::ALL.iter().copied() {
        let r = advise(&d, lang);
        assert_eq!(r.id, "microsoft-spf-fail");
        assert!(spf_step(&r).contains(IP), "{lang:?}: {}", spf_step(&r));
        assert!(letter(&r).contains(IP), "{lang:?}: {}", letter(&r));
    }
}

/// Not an SPF failure (DKIM did not pass, SPF passed), or no public address: the SPF step keeps
/// its general words and the letter asks nothing about an address.
#[test]
fn no_address_sentence_without_an_spf_failure_and_an_address() {
    let dkim_only = gmail_5727()
        .replace("DKIM = pass", "DKIM = did not pass")
        .replace("= did not pass\n", "= pass\n")
        .replace("5.7.27", "5.7.26");
    let d = public(&dkim_only);
    let mut documentation = diagnose(gmail_5726().as_bytes());
    documentation.sending_ip_scope = Some(IpScope::Documentation);
    for d in [d, documentation] {
        for lang in Lang::ALL.iter().copied() {
            let r = advise(&d, lang);
            let step = spf_step(&r);
            assert!(!step.contains(IP), "{} {lang:?}: {step}", r.id);
            assert!(!step.contains("ip4:"), "{} {lang:?}: {step}", r.id);
            if let Some(m) = &r.message {
                assert!(!m.body.contains("ip4:"), "{} {lang:?}: {}", r.id, m.body);
            }
        }
    }
}
