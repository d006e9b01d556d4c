//! The facts read from the bounce, each able to point at its evidence in the pasted text.

use std::rc::Rc;

use ndr_core::{Diagnosis, IpScope, Reason};
use yew::prelude::*;

use crate::i18n::{self, Lang, Tr};
use crate::state::{outcome, severity, Action, Outcome, Route, Severity};

/// What [`facts`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The diagnosis.
    pub diagnosis: Rc<Diagnosis>,
    /// The name of the blocking party, in `lang`, if any.
    pub party_name: Option<AttrValue>,
    /// The code that has a page of its own (`S3150`), if any.
    pub code_page: Option<AttrValue>,
    /// The kind of problem in the chosen playbook's words, when that playbook was chosen for more
    /// than the reason's broad class (a provider code, a party, a delay warning): Sisimai's class
    /// alone can contradict it (Yahoo's TSS04 deferral is "rejected", "the sender was refused").
    pub kind: Option<AttrValue>,
    /// The chosen advice is `generic-named-list-not-listed-now`: the list the refusal named
    /// answered "not listed" cleanly, so no row says it blocked the mail.
    pub list_clear_now: bool,
    /// The highlighted evidence field.
    pub highlight: Option<AttrValue>,
    /// Receives "show in message".
    pub on_action: Callback<Action>,
}

/// The evidence fields that support a fact row: all of them that the input shows are
/// highlighted together (the codes row's three codes, the rejecting server's name and address).
/// The address row's is `sending_ip`: the core sets it wherever it sets `blocked_ip`, at the
/// same places, so the blocked address is not marked twice.
const IP_FIELDS: &[&str] = &["sending_ip"];
const REMOTE_FIELDS: &[&str] = &["remote_host", "remote_ip"];
const CODE_FIELDS: &[&str] = &["provider_code", "enhanced_code", "smtp_code"];
const PARTY_FIELDS: &[&str] = &["blocking_party", "list_zone"];
const REASON_FIELDS: &[&str] = &["reason"];
/// The core's own reading of the domain.
const DOMAIN_FIELDS: &[&str] = &["recipient_domain"];

/// A definition list of what the bounce says.
pub fn facts(props: &Props) -> Html {
    let lang = props.lang;
    let d = &props.diagnosis;
    // The row's fields that have a span, separated by spaces (`highlight::pieces`).
    let located = |fields: &[&str]| -> Option<String> {
        let mut shown = String::new();
        for f in fields {
            if d.evidence.iter().any(|e| e.field == *f && e.span.is_some()) {
                if !shown.is_empty() {
                    shown.push(' ');
                }
                shown.push_str(f);
            }
        }
        (!shown.is_empty()).then_some(shown)
    };
    let row = |id: &'static str, label: Tr, value: Html, fields: &[&str]| {
        let show = located(fields).map(|field| {
            let pressed = props.highlight.as_deref() == Some(field.as_str());
            html! {
                <button type="button" class="link-button" aria-pressed={pressed.to_string()}
                    id={pressed.then_some("shown-button")}
                    aria-controls="evidence" data-testid={format!("show-{id}")}
                    onclick={if pressed {
                        // Shown already: the state does not change, so go there again here.
                        super::reveal("evidence-active")
                    } else {
                        super::send(&props.on_action, Action::Highlight(Some(field)))
                    }}>
                    { i18n::SHOW_IN_TEXT.text(lang) }
                </button>
            }
        });
        html! {
            <div class="fact" data-testid={format!("fact-{id}")}>
                <dt>{ label.get(lang) }</dt>
                <dd><span class="value" data-testid={format!("fact-{id}-value")}>{ value }</span>{ for show }</dd>
            </div>
        }
    };

    // A deferral is no block yet: its rows say so, as the verdict does (review 10, L5).
    let delayed = outcome(d) == Outcome::Delayed;
    let mut rows = Vec::new();
    if let Some((ip, label)) = ip_row(d, delayed, props.list_clear_now) {
        rows.push(row("ip", label, html! { <code>{ ip }</code> }, IP_FIELDS));
    }
    let remote = match (&d.remote_host, &d.remote_ip) {
        (Some(h), Some(ip)) => Some(format!("{h} [{ip}]")),
        (Some(h), None) => Some(h.clone()),
        (None, Some(ip)) => Some(ip.clone()),
        (None, None) => None,
    };
    if let Some(remote) = remote {
        rows.push(row(
            "remote",
            remote_label(d),
            html! { <code>{ remote }</code> },
            REMOTE_FIELDS,
        ));
    }
    let codes: Vec<&str> = [&d.smtp_code, &d.enhanced_code, &d.provider_code]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !codes.is_empty() {
        let link = props.code_page.as_ref().map(|code| {
            let href = Route::Code(code.to_string()).to_hash();
            html! { <a class="code-link" href={href} data-testid="code-page-link">{ i18n::CODE_PAGE_LINK.text(lang) }</a> }
        });
        let value = html! { <><code>{ codes.join(" ") }</code>{ for link }</> };
        rows.push(row("codes", i18n::FACT_CODES, value, CODE_FIELDS));
    }
    if let Some(name) = &props.party_name {
        let zone = d
            .list_zone
            .as_ref()
            .map(|z| html! { <>{ i18n::OPEN_PAREN.text(lang) }<code>{ z }</code>{ i18n::CLOSE_PAREN.text(lang) }</> });
        rows.push(row(
            "party",
            party_row_label(d, delayed, props.list_clear_now),
            html! { <>{ name.as_str() }{ for zone }</> },
            PARTY_FIELDS,
        ));
    }
    let permanence = severity(d).map(|s| match s {
        Severity::Permanent => i18n::FACT_PERMANENT,
        Severity::Temporary => i18n::FACT_TEMPORARY,
        Severity::GaveUp => i18n::FACT_GAVE_UP,
        Severity::NotSent => i18n::FACT_NOT_SENT,
    });
    let permanence = permanence.map(|p| {
        html! { <><br/><span class="muted" data-testid="fact-severity">{ p.get(lang) }</span></> }
    });
    let kind = match &props.kind {
        Some(kind) => kind.to_string(),
        None => i18n::reason_label(d.reason).get(lang).to_string(),
    };
    let reason = html! { <>{ kind }{ for permanence }</> };
    // A read receipt or a delivery notice is no problem: its row names the kind of notice.
    let reason_label = match outcome(d) {
        Outcome::NoFailure => i18n::FACT_REASON_NO_FAILURE,
        Outcome::Failed | Outcome::Delayed => i18n::FACT_REASON,
    };
    rows.push(row("reason", reason_label, reason, REASON_FIELDS));
    // "Host unknown": the domain that was not found is what the user checks letter by letter.
    if let Some(domain) = missing_domain(d) {
        rows.push(row(
            "domain",
            i18n::FACT_MISSING_DOMAIN,
            html! { <code>{ domain }</code> },
            DOMAIN_FIELDS,
        ));
    }
    let recipients: Vec<String> = d
        .recipients
        .iter()
        .filter(|r| !r.recipient.is_empty())
        .map(|r| recipient_words(r, lang))
        .collect();
    if !recipients.is_empty() {
        // Labelled by what happened: an out-of-office reply or a delay is not a failure.
        let label = match outcome(d) {
            Outcome::Failed => i18n::FACT_RECIPIENTS,
            Outcome::Delayed => i18n::FACT_RECIPIENTS_DELAYED,
            Outcome::NoFailure => i18n::FACT_RECIPIENTS_NO_FAILURE,
        };
        rows.push(row(
            "recipients",
            label,
            html! { <code>{ recipients.join(", ") }</code> },
            &["recipient"],
        ));
    }
    // The report's other refusals (another address's, another code's): the verdict speaks of
    // the first, and the rest would otherwise not be shown at all (review h217, M6).
    let others = other_refusals(d);
    if !others.is_empty() {
        let items = others.iter().map(|o| {
            let address = match o.address {
                "" => i18n::FACT_NO_ADDRESS.get(lang),
                a => a,
            };
            let line = match o.code.is_empty() {
                true => format!("{address}: {}", o.reply),
                false => format!("{address} ({}): {}", o.code, o.reply),
            };
            html! { <li data-testid="fact-other-refusal">{ line }</li> }
        });
        rows.push(row(
            "other-refusals",
            i18n::FACT_OTHER_REFUSALS,
            html! { <ul class="other-refusals">{ for items }</ul> },
            &[],
        ));
    }

    html! {
        <section class="card facts" aria-labelledby="facts-heading" data-testid="facts">
            <h2 id="facts-heading">{ i18n::FACTS_HEADING.text(lang) }</h2>
            <dl>{ for rows }</dl>
        </section>
    }
}

/// One of the report's other refusals, as `other_refusals` gives it.
#[derive(Debug, PartialEq, Eq)]
struct OtherRefusal<'a> {
    /// The recipient's address, empty when the report gives none.
    address: &'a str,
    /// Its codes: the reply code and the enhanced one.
    code: String,
    /// The server's reply on one line, shortened.
    reply: String,
}

/// The longest reply an other refusal shows, in characters.
const OTHER_REPLY_CHARS: usize = 160;

/// The refusals of the report other than the one its verdict speaks of (the first recipient
/// whose reason is the message's, as the advice picks it): each other reply once, with its
/// address and codes. Recipients that got the same reply are that one refusal.
fn other_refusals(d: &Diagnosis) -> Vec<OtherRefusal<'_>> {
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let main = d
        .recipients
        .iter()
        .find(|r| r.reason == d.reason)
        .or_else(|| d.recipients.first());
    let Some(main) = main else {
        return Vec::new();
    };
    let mut seen = vec![one_line(&main.diagnostic_text)];
    let mut out = Vec::new();
    for r in &d.recipients {
        let reply = one_line(&r.diagnostic_text);
        if reply.is_empty() || seen.contains(&reply) {
            continue;
        }
        seen.push(reply.clone());
        let code = [r.reply_code.as_deref(), r.status.as_deref()]
            .into_iter()
            .flatten()
            .filter(|c| !c.trim().is_empty() && !reply.starts_with(c.trim()))
            .collect::<Vec<_>>()
            .join(" ");
        let short = match reply.char_indices().nth(OTHER_REPLY_CHARS) {
            Some((at, _)) => format!("{}…", reply.get(..at).unwrap_or_default()),
            None => reply,
        };
        out.push(OtherRefusal {
            address: r.recipient.as_str(),
            code,
            reply: short,
        });
    }
    out
}

/// A recipient as the facts name it: with the address the sender wrote first when an alias or
/// a forwarding led it on (the core's `original_recipient`), in the words the advice uses.
fn recipient_words(r: &ndr_core::Recipient, lang: Lang) -> String {
    match r.original_recipient.as_deref().filter(|o| !o.is_empty()) {
        Some(original) => {
            ndr_playbooks::labels::forwarded_recipient(original, &r.recipient, lang, false)
        }
        None => r.recipient.clone(),
    }
}

/// The domain a "host unknown" bounce could not find: the core's `recipient_domain` evidence
/// when it reads one (a bounce that names only the domain), else the part after `@` of the
/// recipients that failed for that reason.
fn missing_domain(d: &Diagnosis) -> Option<String> {
    if d.reason != Reason::HostUnknown {
        return None;
    }
    let read = d.evidence.iter().find(|e| e.field == "recipient_domain");
    if let Some(e) = read.filter(|e| !e.text.trim().is_empty()) {
        return Some(e.text.trim().to_string());
    }
    let mut domains: Vec<&str> = Vec::new();
    for r in d
        .recipients
        .iter()
        .filter(|r| r.reason == Reason::HostUnknown)
    {
        let domain = r
            .recipient
            .rsplit_once('@')
            .map(|(_, d)| d.trim_end_matches('>'));
        if let Some(domain) = domain.filter(|d| !d.is_empty() && !domains.contains(d)) {
            domains.push(domain);
        }
    }
    (!domains.is_empty()).then(|| domains.join(", "))
}

/// The rejecting server's row says "refused" only when the mail failed: a delay warning's
/// server has not accepted it yet, and a delivery notice's server refused nothing.
fn remote_label(d: &Diagnosis) -> Tr {
    match outcome(d) {
        Outcome::Failed => i18n::FACT_REMOTE,
        Outcome::Delayed => i18n::FACT_REMOTE_DELAYED,
        Outcome::NoFailure => i18n::FACT_REMOTE_NO_FAILURE,
    }
}

/// The address row's value and label: the blocked address, else the sending server's the bounce
/// names without blocking it (`ndr_playbooks::named_ip`); none when it names neither.
fn ip_row(d: &Diagnosis, delayed: bool, list_clear_now: bool) -> Option<(&str, Tr)> {
    let (ip, _) = ndr_playbooks::named_ip(d)?;
    let label = if list_clear_now {
        i18n::FACT_SENDING_IP
    } else {
        ip_label(d, delayed)
    };
    Some((ip, label))
}

/// The sending address's row: what the bounce says of it. "Blocked" only for an address the
/// refusal is about (`ndr_playbooks::shows_a_blocked_ip`); one it only names (the core's
/// `sending_ip`) is the sending server's.
fn ip_label(d: &Diagnosis, delayed: bool) -> Tr {
    let scope = ndr_playbooks::named_ip(d).and_then(|(_, scope)| scope);
    if matches!(scope, Some(IpScope::Private | IpScope::Loopback)) {
        i18n::FACT_INTERNAL_IP
    } else if ndr_playbooks::ip_is_a_forwarders(d) {
        i18n::FACT_FORWARDER_IP
    } else if ndr_playbooks::ip_is_microsofts_cloud(d) {
        i18n::FACT_MICROSOFT_CLOUD_IP
    } else if ndr_playbooks::ip_is_a_refused_client(d) {
        i18n::FACT_REFUSED_CLIENT_IP
    } else if scope == Some(IpScope::Documentation) {
        // A copy anonymised the notice: the verdict says the address is an example one.
        i18n::FACT_EXAMPLE_IP
    } else if ndr_playbooks::refusal_is_about_the_domain(d) {
        // Blocked for the domain's reputation: the address is the server's, not what was
        // blocked (review h206, M3).
        i18n::FACT_DOMAIN_REFUSED_SERVER_IP
    } else if ndr_playbooks::shows_a_blocked_ip(d) && delayed {
        i18n::FACT_DEFERRED_IP
    } else if ndr_playbooks::shows_a_blocked_ip(d) {
        i18n::FACT_BLOCKED_IP
    } else {
        i18n::FACT_SENDING_IP
    }
}

/// The party's row: "who blocked it" only for a block; a deferral and a refusal that blocks
/// nothing say so (review 10, L5; review r3), and so does a list the refusal named that answered
/// "not listed" now (`list_clear_now`, task h203).
fn party_row_label(d: &Diagnosis, delayed: bool, list_clear_now: bool) -> Tr {
    if list_clear_now {
        i18n::FACT_PARTY_LIST_CLEAR_NOW
    } else if delayed {
        i18n::FACT_PARTY_DELAYED
    } else if ndr_playbooks::reason_blocks_nothing(d.reason) {
        i18n::FACT_PARTY_REFUSED
    } else {
        i18n::FACT_PARTY
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndr_core::Recipient;

    fn report(reason: Reason, action: &str, code: &str) -> Diagnosis {
        Diagnosis {
            reason,
            smtp_code: Some(code.into()),
            remote_host: Some("mx.example.jp".into()),
            recipients: vec![Recipient {
                action: action.into(),
                reason,
                ..Recipient::default()
            }],
            ..Diagnosis::default()
        }
    }

    #[test]
    fn a_host_unknown_bounce_names_the_domain_that_was_not_found() {
        let mut d = report(Reason::HostUnknown, "failed", "550");
        assert_eq!(missing_domain(&d), None, "no address, no reading: no row");
        d.recipients[0].recipient = "taro@exampel.co.jp".into();
        let mut other = d.recipients[0].clone();
        other.recipient = "hanako@exampel.co.jp".into();
        d.recipients.push(other);
        assert_eq!(missing_domain(&d).as_deref(), Some("exampel.co.jp"));
        d.evidence.push(ndr_core::Evidence {
            field: "recipient_domain".into(),
            text: "dasdasdsadas.com".into(),
            span: None,
            lines: None,
        });
        assert_eq!(missing_domain(&d).as_deref(), Some("dasdasdsadas.com"));
        // Another reason: the recipient's domain exists, so it is no fact worth a row.
        let mut full = report(Reason::MailboxFull, "failed", "552");
        full.recipients[0].recipient = "taro@example.jp".into();
        assert_eq!(missing_domain(&full), None);
    }

    #[test]
    fn a_forwarded_recipient_is_named_with_the_address_the_sender_wrote() {
        let mut d = report(Reason::UserUnknown, "failed", "550");
        d.recipients[0].recipient = "bob@example.net".into();
        assert_eq!(
            recipient_words(&d.recipients[0], Lang::En),
            "bob@example.net"
        );
        d.recipients[0].original_recipient = Some("team@example.org".into());
        assert_eq!(
            recipient_words(&d.recipients[0], Lang::En),
            "team@example.org (forwarded to bob@example.net)"
        );
        assert_eq!(
            recipient_words(&d.recipients[0], Lang::Ja),
            "team@example.org（転送先 bob@example.net）"
        );
        // What the page gets from the Web Worker reads the same.
        let json = serde_json::to_string(&d).expect("serialises");
        let back = crate::offload::diagnosis_from_json(&json).expect("a diagnosis");
        assert_eq!(
            recipient_words(&back.recipients[0], Lang::En),
            "team@example.org (forwarded to bob@example.net)"
        );
    }

    #[test]
    fn the_party_row_says_blocked_only_for_a_block() {
        let unknown = report(Reason::UserUnknown, "failed", "550");
        assert_eq!(
            party_row_label(&unknown, false, false),
            i18n::FACT_PARTY_REFUSED
        );
        assert_eq!(
            party_row_label(&unknown, true, false),
            i18n::FACT_PARTY_DELAYED
        );
        let blocked = report(Reason::Blocked, "failed", "550");
        assert_eq!(party_row_label(&blocked, false, false), i18n::FACT_PARTY);
        let t = i18n::FACT_PARTY_REFUSED;
        assert!(
            !t.en.contains("lock") && !t.ja.contains("ブロック"),
            "{t:?}"
        );
    }

    /// Task h203: the advice says the list the refusal named does not list the address now
    /// (`generic-named-list-not-listed-now`): the party row says the refusal named the list and
    /// the list does not list it now, in both languages, and never that it blocked the mail.
    #[test]
    fn a_named_list_that_is_clear_now_is_not_called_who_blocked_it() {
        let blocked = report(Reason::Blocked, "failed", "554");
        assert_eq!(
            party_row_label(&blocked, false, true),
            i18n::FACT_PARTY_LIST_CLEAR_NOW
        );
        assert_eq!(
            party_row_label(&blocked, true, true),
            i18n::FACT_PARTY_LIST_CLEAR_NOW
        );
        let t = i18n::FACT_PARTY_LIST_CLEAR_NOW;
        assert!(t.en.contains("named") && t.en.contains("not list"), "{t:?}");
        assert!(
            t.ja.contains("名前") && t.ja.contains("掲載されていません"),
            "{t:?}"
        );
        assert!(
            !t.en.contains("lock") && !t.ja.contains("ブロック"),
            "{t:?}"
        );
    }

    /// Review h206, M3: Gmail refused the mail for the sending domain's reputation; the
    /// address the bounce shows is the sending server's, which the refusal does not block.
    #[test]
    fn a_domain_reputation_refusal_names_the_servers_address_not_a_blocked_one() {
        let gmail = |what: &str| {
            let text = format!(
                "<bo@example.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said: \
                 550-5.7.1 [203.0.113.45      12] Gmail has detected that this message is \
                 550-5.7.1 likely suspicious due to the very low reputation of the sending \
                 550-5.7.1 {what}. To best protect our users from spam, the message has been \
                 550-5.7.1 blocked. For more information, go to 550 5.7.1 \
                 https://support.google.com/mail/answer/188131 x.305 - gsmtp (in reply to end \
                 of DATA command)\n"
            );
            let mut d = ndr_core::diagnose(text.as_bytes());
            // As a real address would be (a documentation one gets its own label first).
            d.blocked_ip_scope = Some(IpScope::Public);
            d
        };
        let domain = gmail("domain");
        assert_eq!(domain.blocked_ip.as_deref(), Some("203.0.113.45"));
        for delayed in [false, true] {
            assert_eq!(
                ip_label(&domain, delayed),
                i18n::FACT_DOMAIN_REFUSED_SERVER_IP
            );
        }
        let t = i18n::FACT_DOMAIN_REFUSED_SERVER_IP;
        assert!(
            !t.en.contains("lock") && !t.ja.contains("ブロック"),
            "{t:?}"
        );
        assert!(
            t.en.contains("domain") && t.ja.contains("ドメイン"),
            "{t:?}"
        );
        // The same refusal about the address itself still calls it blocked.
        assert_eq!(ip_label(&gmail("IP address"), false), i18n::FACT_BLOCKED_IP);
    }

    /// Task h215: Gmail's spam refusal and its authentication refusal name the connecting
    /// client without blocking it (the core's `sending_ip` only): the row shows that address as
    /// the sending server's, never as blocked; a block of the address still says blocked.
    #[test]
    fn an_address_named_but_not_blocked_is_the_sending_servers() {
        let named = |text: &str| {
            let mut d = ndr_core::diagnose(text.as_bytes());
            assert_eq!(d.blocked_ip, None, "{text}");
            // As a real address would be (a documentation one gets its own label first).
            d.sending_ip_scope = Some(IpScope::Public);
            d
        };
        let spam = named(
            "550-5.7.1 [203.0.113.45      12] Our system has detected that this message is
             550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,
             550-5.7.1 this message has been blocked. Please visit
             550 5.7.1  https://support.google.com/mail/answer/188131 for more information.              q5si2166wmb.87 - gsmtp
",
        );
        let spf = named(
            "550-5.7.26 This mail is unauthenticated, which poses a security risk to the
             550-5.7.26 sender and Gmail users, and has been blocked. The sender must
             550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,
             550-5.7.26 DKIM checks did not pass and SPF check for
             [example.com] 550-5.7.26 did not pass with ip: [203.0.113.46]. The
             550-5.7.26 sender should visit
             550 5.7.26 https://support.google.com/mail/answer/81126#authentication z3si88 - gsmtp
",
        );
        for (d, ip) in [(&spam, "203.0.113.45"), (&spf, "203.0.113.46")] {
            for delayed in [false, true] {
                assert_eq!(
                    ip_row(d, delayed, false),
                    Some((ip, i18n::FACT_SENDING_IP)),
                    "{ip}"
                );
            }
            // The row points at the sending address's own evidence.
            assert!(d
                .evidence
                .iter()
                .any(|e| IP_FIELDS.contains(&e.field.as_str()) && e.span.is_some()));
        }
        let t = i18n::FACT_SENDING_IP;
        assert!(
            t.en.contains("server") && t.ja.contains("サーバー"),
            "{t:?}"
        );
        assert!(
            !t.en.contains("lock") && !t.ja.contains("ブロック"),
            "{t:?}"
        );
        // The same address in a block of the address is the blocked one.
        let mut blocked = report(Reason::Blocked, "failed", "550");
        blocked.blocked_ip = Some("203.0.113.45".into());
        blocked.blocked_ip_scope = Some(IpScope::Public);
        blocked.sending_ip = blocked.blocked_ip.clone();
        blocked.sending_ip_scope = blocked.blocked_ip_scope;
        assert_eq!(
            ip_row(&blocked, false, false),
            Some(("203.0.113.45", i18n::FACT_BLOCKED_IP))
        );
        // No address at all: no row.
        assert_eq!(
            ip_row(&report(Reason::Blocked, "failed", "550"), false, false),
            None
        );
    }

    #[test]
    fn an_example_address_is_not_called_the_blocked_sending_ip() {
        let mut d = report(Reason::Blocked, "failed", "550");
        d.blocked_ip = Some("203.0.113.45".into());
        d.blocked_ip_scope = Some(IpScope::Public);
        assert_eq!(ip_label(&d, false), i18n::FACT_BLOCKED_IP);
        d.blocked_ip_scope = Some(IpScope::Documentation);
        assert_eq!(ip_label(&d, false), i18n::FACT_EXAMPLE_IP);
    }

    #[test]
    fn the_remote_row_says_refused_only_for_a_failure() {
        let failed = report(Reason::UserUnknown, "failed", "550");
        assert_eq!(remote_label(&failed), i18n::FACT_REMOTE);
        let delayed = report(Reason::Expired, "delayed", "451");
        assert_eq!(remote_label(&delayed), i18n::FACT_REMOTE_DELAYED);
        let delivered = report(Reason::Delivered, "relayed", "250");
        assert_eq!(remote_label(&delivered), i18n::FACT_REMOTE_NO_FAILURE);
        for t in [
            i18n::FACT_REMOTE_DELAYED,
            i18n::FACT_REMOTE_NO_FAILURE,
            i18n::FACT_PARTY_DELAYED,
            i18n::FACT_DEFERRED_IP,
        ] {
            assert!(!t.en.contains("refused") && !t.ja.contains("拒否"));
            assert!(
                !t.en.contains("lock") && !t.ja.contains("ブロック"),
                "{t:?}"
            );
        }
    }

    /// Review h217, M6: a paste with two refusals (Outlook.com's S3150 for one address, its
    /// rate limit for another) shows the second too, once, as the CLI does.
    #[test]
    fn the_other_refusals_of_a_report_are_listed_once() {
        let paste = "```\n5.7.1 Unfortunately, messages from [203.0.113.59] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [Name=Protocol Filter Agent][AGT=PFA][MxId=11B9CB3CBE70C55A] [DB3PEPF0000885D.eurprd02.prod.outlook.com 2024-10-07T11:48:34.472Z 08DCE59E609E592B]\"\n```\n\n```\n4.7.650 The mail server [198.51.100.6] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775) [Name=Protocol Filter Agent][AGT=PFA][MxId=11B9A39F520F25FB] [AMS0EPF000001B0.eurprd05.prod.outlook.com 2024-10-07T11:32:37.217Z 08DCD1CFD0B7A9E3]\n```\n";
        let d = ndr_core::diagnose(paste.as_bytes());
        assert!(d.recipients.len() >= 2, "{:?}", d.recipients);
        let others = other_refusals(&d);
        assert_eq!(others.len(), 1, "{others:?}");
        assert!(
            others[0]
                .reply
                .starts_with("4.7.650 The mail server [198.51.100.6]"),
            "{others:?}"
        );
        assert!(others[0].reply.chars().count() <= OTHER_REPLY_CHARS + 1);
        // One refusal, or the same reply for several addresses: nothing more to show.
        let mut same = report(Reason::UserUnknown, "failed", "550");
        same.recipients[0].diagnostic_text = "550 5.1.1 no such user".into();
        same.recipients[0].recipient = "a@example.com".into();
        let mut twin = same.recipients[0].clone();
        twin.recipient = "b@example.com".into();
        same.recipients.push(twin);
        assert!(other_refusals(&same).is_empty());
        let mut other = same.recipients[0].clone();
        other.recipient = "c@example.com".into();
        other.status = Some("5.2.2".into());
        other.diagnostic_text = "mailbox full".into();
        same.recipients.push(other);
        let others = other_refusals(&same);
        assert_eq!(others.len(), 1);
        assert_eq!(others[0].address, "c@example.com");
        assert_eq!(others[0].code, "5.2.2");
    }
}
