//! Tidy tests: the rules every playbook, code and text must follow, checked over all of them.

use std::collections::BTreeSet;

use ndr_core::{Diagnosis, Party, Reason, Recipient};

use crate::codes::{self, parse_enhanced, CodeKind};
use crate::model::{InTerminal, Playbook, Prepare, To, Url};
use crate::party::{self, generic, BOOKS};
use crate::render::{self, placeholder_name, placeholders, PLACEHOLDERS};
use crate::select::SelectedBy;
use crate::text::{Lang, Text};
use crate::{labels, Actor, Fact, Urgency};

/// Where a text sits, for error messages.
struct Found {
    place: String,
    text: Text,
    /// English is required in both languages (a message to an English-only operator).
    english_only_ok: bool,
}

fn texts_of(p: &Playbook) -> Vec<Found> {
    let mut out = Vec::new();
    let mut add = |place: String, text: Text| {
        out.push(Found {
            place,
            text,
            english_only_ok: false,
        })
    };
    add(format!("{}.title", p.id), p.title);
    add(format!("{}.verdict", p.id), p.verdict);
    add(format!("{}.why", p.id), p.why);
    add(format!("{}.duration", p.id), p.duration);
    for (i, item) in p.prepare.iter().enumerate() {
        if let Prepare::Other(t) = item {
            add(format!("{}.prepare[{i}]", p.id), *t);
        }
    }
    for (i, s) in p.steps.iter().enumerate() {
        add(format!("{}.steps[{i}]", p.id), s.text);
        match s.in_terminal {
            Some(InTerminal::Always(t)) => add(format!("{}.steps[{i}].in_terminal", p.id), t),
            Some(InTerminal::Lookups {
                with_lookups,
                without,
            }) => {
                add(
                    format!("{}.steps[{i}].in_terminal.with_lookups", p.id),
                    with_lookups,
                );
                add(format!("{}.steps[{i}].in_terminal.without", p.id), without);
            }
            None => {}
        }
        if let Some(t) = s.in_api {
            add(format!("{}.steps[{i}].in_api", p.id), t);
        }
        if let Some(l) = s.link {
            add(format!("{}.steps[{i}].link", p.id), l.label);
        }
        if let Some(c) = s.copy {
            add(format!("{}.steps[{i}].copy", p.id), c.label);
        }
    }
    for (i, d) in p.donts.iter().enumerate() {
        add(format!("{}.donts[{i}]", p.id), *d);
    }
    for (i, s) in p.sources.iter().enumerate() {
        add(format!("{}.sources[{i}]", p.id), s.title);
    }
    if let Some(m) = p.message {
        let english = m.to == To::Operator;
        out.push(Found {
            place: format!("{}.message.subject", p.id),
            text: m.subject,
            english_only_ok: english,
        });
        out.push(Found {
            place: format!("{}.message.body", p.id),
            text: m.body,
            english_only_ok: english,
        });
    }
    out
}

fn urls_of(p: &Playbook) -> Vec<(String, Url)> {
    let mut out = Vec::new();
    for (i, s) in p.steps.iter().enumerate() {
        if let Some(l) = s.link {
            out.push((format!("{}.steps[{i}].link", p.id), l.url));
        }
    }
    for (i, s) in p.sources.iter().enumerate() {
        out.push((format!("{}.sources[{i}]", p.id), s.url));
    }
    if let Some(u) = p.lookup {
        out.push((format!("{}.lookup", p.id), u));
    }
    out
}

fn other_texts() -> Vec<(String, Text)> {
    let mut out: Vec<(String, Text)> = Vec::new();
    for b in BOOKS {
        out.push((format!("party name {}", b.party.id()), b.name));
    }
    for e in codes::code_index() {
        out.push((format!("code {} meaning", e.code), e.meaning));
    }
    for a in [
        Actor::Sender,
        Actor::SenderAdmin,
        Actor::SenderProvider,
        Actor::RecipientAdmin,
        Actor::Recipient,
        Actor::Nobody,
        Actor::NothingToDo,
    ] {
        out.push((format!("actor {a:?}"), a.label()));
    }
    for u in [Urgency::Now, Urgency::Soon, Urgency::Wait, Urgency::None] {
        out.push((format!("urgency {u:?}"), u.label()));
    }
    for t in [
        To::HostingProvider,
        To::SenderAdmin,
        To::RecipientAdmin,
        To::Recipient,
        To::Operator,
        To::Microsoft365Admin,
        To::SendingService,
        To::MailProvider,
    ] {
        out.push((format!("to {t:?}"), t.label()));
    }
    for f in [
        Fact::Ip,
        Fact::SenderAddress,
        Fact::SenderDomain,
        Fact::Recipient,
        Fact::ErrorText,
        Fact::Code,
        Fact::RemoteHost,
        Fact::Time,
        Fact::Zone,
    ] {
        out.push((format!("fact {f:?} label"), f.label()));
        out.push((format!("fact {f:?} missing"), f.missing()));
    }
    for (i, t) in labels::ALL.into_iter().enumerate() {
        out.push((format!("label {i}"), t));
    }
    out
}

fn all_playbooks() -> &'static [&'static Playbook] {
    party::playbooks()
}

fn set(template: &str) -> BTreeSet<&str> {
    placeholders(template).into_iter().collect()
}

#[test]
fn both_languages_use_the_same_placeholders() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        for f in texts_of(p) {
            if set(f.text.ja()) != set(f.text.en()) {
                bad.push(format!(
                    "{}: ja {:?} vs en {:?}",
                    f.place,
                    set(f.text.ja()),
                    set(f.text.en())
                ));
            }
        }
        if let Some(m) = p.message {
            if let Some(a) = m.address {
                assert!(!a.is_empty(), "{}: empty address", p.id);
            }
        }
    }
    for (place, t) in other_texts() {
        if set(t.ja()) != set(t.en()) {
            bad.push(format!(
                "{place}: ja {:?} vs en {:?}",
                set(t.ja()),
                set(t.en())
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "placeholder sets differ:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_placeholder_is_known() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        let own: Vec<&str> = p.facts.iter().map(|(k, _)| *k).collect();
        let known = |name: &str| PLACEHOLDERS.contains(&name) || own.contains(&name);
        let mut templates: Vec<(String, &str)> = Vec::new();
        for f in texts_of(p) {
            templates.push((f.place.clone(), f.text.ja()));
            templates.push((f.place, f.text.en()));
        }
        for (i, s) in p.steps.iter().enumerate() {
            if let Some(c) = s.copy {
                templates.push((format!("{}.steps[{i}].copy.value", p.id), c.value));
            }
        }
        if let Some(a) = p.message.and_then(|m| m.address) {
            templates.push((format!("{}.message.address", p.id), a));
        }
        for (k, v) in p.facts {
            templates.push((format!("{}.facts.{k}", p.id), v));
            assert!(
                !PLACEHOLDERS.contains(k),
                "{}: fact {k} shadows a bounce placeholder",
                p.id
            );
        }
        for (place, t) in templates {
            for name in placeholders(t) {
                if !known(name) {
                    bad.push(format!("{place}: unknown placeholder {{{name}}}"));
                }
                if name == "lookup_url" && p.lookup.is_none() {
                    bad.push(format!(
                        "{place}: uses {{lookup_url}} but the playbook has no lookup page"
                    ));
                }
            }
        }
    }
    for (place, t) in other_texts() {
        for name in placeholders(t.ja()).into_iter().chain(placeholders(t.en())) {
            bad.push(format!(
                "{place}: shared texts take no placeholders, found {{{name}}}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A fact fills Japanese and English texts alike, so it must read in both: a name
/// (`Spamhaus`, `Microsoft 365`, `受信リスト設定`), an address, or another placeholder, never an
/// English phrase (`a block list` once rendered as "a block list のブロックリスト").
#[test]
fn facts_in_japanese_texts_are_names() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        let japanese: Vec<&str> = texts_of(p)
            .iter()
            .filter(|f| !f.english_only_ok)
            .map(|f| f.text.ja())
            .collect();
        for (k, v) in p.facts {
            if !japanese.iter().any(|t| placeholders(t).contains(k)) {
                continue;
            }
            let names_only = v.split_whitespace().all(|word| {
                !word.is_ascii()
                    || word.contains(['@', '.', '{'])
                    || word
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            });
            if !names_only {
                bad.push(format!(
                    "{}: fact {k} = {v:?} reads as English in Japanese",
                    p.id
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn no_text_is_empty() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        for f in texts_of(p) {
            if f.text.ja().trim().is_empty() || f.text.en().trim().is_empty() {
                bad.push(f.place);
            }
        }
        if p.steps.is_empty() {
            bad.push(format!("{}: no steps", p.id));
        }
        if p.actors.is_empty() {
            bad.push(format!("{}: no actors", p.id));
        }
        if p.sources.is_empty() {
            bad.push(format!("{}: no sources", p.id));
        }
        for (i, s) in p.steps.iter().enumerate() {
            if s.copy.is_some_and(|c| c.value.trim().is_empty()) {
                bad.push(format!("{}.steps[{i}]: empty copy value", p.id));
            }
        }
    }
    for (place, t) in other_texts() {
        if t.ja().trim().is_empty() || t.en().trim().is_empty() {
            bad.push(place);
        }
    }
    assert!(bad.is_empty(), "empty: {bad:?}");
}

/// A rough check that the Japanese side is Japanese: no sentence (split at 。 and line ends)
/// is made of ASCII letters only, placeholders left out; and the English side has no
/// sentence without ASCII letters.
#[test]
fn japanese_sentences_are_japanese() {
    fn strip_placeholders(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match placeholder_name(after) {
                Some(name) => rest = &after[name.len() + 1..],
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
    let mut bad = Vec::new();
    let mut check = |place: &str, t: Text, english_only_ok: bool| {
        let ja = strip_placeholders(t.ja());
        let mut japanese_lines = 0;
        for sentence in ja.split(['。', '\n']) {
            let s = sentence.trim();
            if s.is_empty() {
                continue;
            }
            let has_letters = s.chars().any(|c| c.is_ascii_alphabetic());
            let all_ascii = s.is_ascii();
            if !all_ascii {
                japanese_lines += 1;
            }
            if has_letters && all_ascii && !english_only_ok {
                bad.push(format!("{place}: ASCII-only Japanese sentence {s:?}"));
            }
        }
        if japanese_lines == 0 {
            bad.push(format!("{place}: no Japanese at all in {:?}", t.ja()));
        }
        let en = strip_placeholders(t.en());
        if !en.chars().any(|c| c.is_ascii_alphabetic()) {
            bad.push(format!(
                "{place}: English text without English: {:?}",
                t.en()
            ));
        }
    };
    for p in all_playbooks() {
        for f in texts_of(p) {
            // A subject line to an English-only operator may be wholly English; its body
            // still opens with a Japanese note.
            let subject_to_operator = f.english_only_ok && f.place.ends_with(".subject");
            if subject_to_operator {
                continue;
            }
            check(&f.place, f.text, f.english_only_ok);
        }
    }
    for (place, t) in other_texts() {
        // Proper names (Spamhaus, Gmail) are the same in both languages.
        if t.ja() == t.en() {
            continue;
        }
        check(&place, t, false);
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&rest[..end])
}

#[test]
fn links_are_https_on_the_partys_domains() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        let allowed = party::allowed_domains(p.party);
        for (place, url) in urls_of(p) {
            if generic::SENDER_SETUP_PAGES.contains(&url) {
                continue;
            }
            for (which, u) in [("en", url.en), ("ja", url.ja), ("fallback", url.fallback)] {
                let Some(h) = host(u) else {
                    bad.push(format!("{place}.{which}: not https: {u}"));
                    continue;
                };
                let ok = allowed
                    .iter()
                    .any(|d| h == *d || h.ends_with(&format!(".{d}")));
                if !ok {
                    bad.push(format!(
                        "{place}.{which}: {h} is not allowed for {:?}",
                        p.party
                    ));
                }
                if u.chars().any(|c| c.is_whitespace() || !c.is_ascii()) {
                    bad.push(format!("{place}.{which}: odd characters in {u}"));
                }
                if h.contains('{') {
                    bad.push(format!("{place}.{which}: placeholder in the host: {u}"));
                }
                for name in placeholders(u) {
                    if which == "fallback" {
                        bad.push(format!("{place}: the fallback URL has a placeholder: {u}"));
                    } else if !["ip", "sender_domain"].contains(&name) {
                        bad.push(format!(
                            "{place}: URL placeholder {{{name}}} is not a safe fact"
                        ));
                    }
                }
            }
            if placeholders(url.en).is_empty() && url.fallback != url.en {
                bad.push(format!(
                    "{place}: a URL without placeholders falls back to another page"
                ));
            }
        }
    }
    // Shorteners are allowed only when they are the party's own (aka.ms, go.microsoft.com).
    for b in BOOKS {
        for d in b.domains {
            for shortener in ["bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly"] {
                assert_ne!(
                    *d,
                    shortener,
                    "{} allows a third-party shortener",
                    b.party.id()
                );
            }
            if ["aka.ms", "go.microsoft.com"].contains(d) {
                assert!(
                    matches!(b.party, Party::Microsoft | Party::OutlookCom),
                    "{} allows a Microsoft shortener",
                    b.party.id()
                );
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_party_has_exactly_one_book_in_order() {
    let parties: Vec<Party> = BOOKS.iter().map(|b| b.party).collect();
    assert_eq!(parties, Party::ALL, "BOOKS must follow Party::ALL");
}

#[test]
fn every_party_and_reason_has_a_playbook_or_an_explicit_generic_fallback() {
    let mut bad = Vec::new();
    for b in BOOKS {
        for &reason in Reason::ALL {
            let in_routes = b
                .routes
                .iter()
                .filter(|(rs, _)| rs.contains(&reason))
                .count();
            let in_generic = b.generic.iter().filter(|r| **r == reason).count();
            if in_routes + in_generic != 1 {
                bad.push(format!(
                    "{} {}: {in_routes} routes, {in_generic} generic entries",
                    b.party.id(),
                    reason.name()
                ));
            }
        }
    }
    for &p in Party::ALL {
        for &r in Reason::ALL {
            match party::route(p, r) {
                party::Route::Playbook(pb) => {
                    if pb.party.is_some() && pb.party != Some(p) {
                        bad.push(format!(
                            "{} {} leads to another party's playbook {}",
                            p.id(),
                            r.name(),
                            pb.id
                        ));
                    }
                }
                party::Route::Generic => {
                    let g = party::generic(r);
                    if g.party.is_some() {
                        bad.push(format!(
                            "generic playbook for {} belongs to a party",
                            r.name()
                        ));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn generic_playbooks_cover_every_reason_in_order() {
    let reasons: Vec<Reason> = generic::BY_REASON.iter().map(|(r, _)| *r).collect();
    assert_eq!(reasons, Reason::ALL);
    assert_eq!(reasons.len(), 36);
    for (r, p) in generic::BY_REASON {
        assert_eq!(p.party, None, "{}", p.id);
        assert!(p.id.starts_with("generic-"), "{}", p.id);
        assert_eq!(
            p.id,
            format!("generic-{}", r.name()),
            "generic playbook ids follow the reason"
        );
    }
}

#[test]
fn every_target_is_a_registered_playbook() {
    let ids: BTreeSet<&str> = all_playbooks().iter().map(|p| p.id).collect();
    let mut bad = Vec::new();
    for b in BOOKS {
        for (_, p) in b.routes {
            if !ids.contains(p.id) {
                bad.push(format!("route target {}", p.id));
            }
        }
        for r in b.refine {
            if !ids.contains(r.from) || !ids.contains(r.to.id) {
                bad.push(format!("refinement {} -> {}", r.from, r.to.id));
            }
        }
        for p in b.playbooks {
            if p.party.is_some() && p.party != Some(b.party) {
                bad.push(format!("{} is listed under {}", p.id, b.party.id()));
            }
        }
    }
    for e in codes::code_index() {
        if !ids.contains(e.playbook.id) {
            bad.push(format!("code {} -> {}", e.code, e.playbook.id));
        }
    }
    for note in [
        "receiver_resolver_refused",
        "closed_list",
        "sender_login_mismatch",
        "sender_account_stopped",
        "inbound_refusal_log",
        "via_microsoft_cloud",
        "group_post_refused",
    ] {
        let p = party::by_note(note).expect("a note playbook");
        if !ids.contains(p.id) {
            bad.push(format!("note {note} -> {}", p.id));
        }
    }
    assert!(bad.is_empty(), "not registered: {bad:?}");
}

/// Today's date in UTC as "YYYY-MM-DD", from the system clock (`render::civil_from_days`): a
/// playbook cannot have been checked after today.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = crate::render::civil_from_days((secs / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

#[test]
fn today_is_a_civil_date() {
    let t = today();
    assert_eq!(t.len(), 10, "{t}");
    assert!(t.as_str() >= "2026-11-27", "{t}");
    let month: u32 = t[5..7].parse().unwrap();
    let day: u32 = t[8..10].parse().unwrap();
    assert!((1..=12).contains(&month) && (1..=31).contains(&day), "{t}");
}

#[test]
fn playbook_ids_are_unique_kebab_case_and_dated() {
    let today = today();
    let mut seen = BTreeSet::new();
    for p in all_playbooks() {
        assert!(seen.insert(p.id), "duplicate id {}", p.id);
        assert!(
            p.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !p.id.starts_with('-')
                && !p.id.ends_with('-'),
            "{} is not kebab-case",
            p.id
        );
        let d = p.checked.as_bytes();
        let iso = d.len() == 10
            && d[4] == b'-'
            && d[7] == b'-'
            && d.iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        assert!(iso, "{}: checked {:?} is not an ISO date", p.id, p.checked);
        assert!(
            p.checked >= "2023-01-01" && p.checked <= today.as_str(),
            "{}: checked {} is before 2023 or after today ({today})",
            p.id,
            p.checked
        );
        for (k, _) in p.facts {
            assert!(
                k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}: fact key {k}",
                p.id
            );
        }
    }
}

#[test]
fn every_code_resolves_to_its_own_entry() {
    let mut bad = Vec::new();
    for e in codes::code_index() {
        let found = codes::lookup_code(e.code);
        let me = found.iter().any(|f| std::ptr::eq(*f, e));
        if !me {
            bad.push(format!("{} does not find itself", e.code));
        }
        if e.kind == CodeKind::Enhanced && parse_enhanced(e.code).is_none() {
            bad.push(format!("{} is not an enhanced code", e.code));
        }
        if e.playbook.party.is_some() && e.playbook.party != e.party {
            bad.push(format!(
                "{} belongs to {:?} but leads to {}",
                e.code, e.party, e.playbook.id
            ));
        }
        if e.issuer.is_some() && e.issuer == e.party {
            bad.push(format!("{}: issuer repeats the party", e.code));
        }
    }
    // No two entries with the same code, party and reason: selection could not tell them apart.
    let mut keys = BTreeSet::new();
    for e in codes::code_index() {
        let key = (
            e.code.to_ascii_uppercase(),
            e.party.map(Party::id),
            e.reason.name(),
        );
        if !keys.insert(key.clone()) {
            bad.push(format!("duplicate entry {key:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn full_diagnosis(p: &Playbook) -> Diagnosis {
    Diagnosis {
        recipients: vec![Recipient {
            recipient: "taro@example.jp".into(),
            action: "failed".into(),
            status: Some("5.7.1".into()),
            reply_code: Some("550".into()),
            reason: Reason::Blocked,
            hard_bounce: true,
            remote_host: Some("mx.example.jp".into()),
            diagnostic_text: "550 5.7.1 Service unavailable; Client host [192.0.2.10] blocked"
                .into(),
            command: Some("RCPT".into()),
            ..Recipient::default()
        }],
        reason: Reason::Blocked,
        hard_bounce: true,
        blocked_ip: Some("192.0.2.10".into()),
        remote_host: Some("mx.example.jp".into()),
        blocking_party: p.party,
        list_zone: Some("zen.spamhaus.org".into()),
        smtp_code: Some("550".into()),
        enhanced_code: Some("5.7.1".into()),
        provider_code: Some("S3150".into()),
        sender_domain: Some("example.com".into()),
        ..Diagnosis::default()
    }
}

fn raw_placeholder_in(s: &str) -> Option<String> {
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(name) = placeholder_name(after) {
            return Some(name.to_owned());
        }
        rest = after;
    }
    None
}

#[test]
fn rendered_output_never_shows_a_placeholder() {
    let mut bad = Vec::new();
    for p in all_playbooks() {
        for d in [full_diagnosis(p), Diagnosis::default()] {
            for &lang in Lang::ALL {
                let r = render::render(p, &d, lang, SelectedBy::PartyReason);
                let json = serde_json_string(&r);
                if let Some(name) = raw_placeholder_in(&json) {
                    bad.push(format!("{} ({lang:?}): raw {{{name}}}", p.id));
                }
                let plain = r.to_plain_text();
                if let Some(name) = raw_placeholder_in(&plain) {
                    bad.push(format!("{} ({lang:?}, plain): raw {{{name}}}", p.id));
                }
                // Only a step about a fact the bounce lacks may go (`Step::only_with`), or a
                // mail service's example when the bounce names the refusing server, which a
                // server that is not that service's talked to (`Step::example_for`).
                let shown = p
                    .steps
                    .iter()
                    .filter(|s| {
                        s.only_with != Some(Fact::Ip) || crate::select::named_ip(&d).is_some()
                    })
                    .filter(|s| s.example_for.is_none() || d.remote_host.is_none())
                    .count();
                if r.steps.len() != shown || r.who.is_empty() {
                    bad.push(format!("{}: steps or actors lost in rendering", p.id));
                }
            }
        }
        // With the facts known, a verdict that names the IP shows it.
        if p.verdict.en().contains("{ip}") {
            let r = render::render(p, &full_diagnosis(p), Lang::En, SelectedBy::PartyReason);
            if !r.verdict.contains("192.0.2.10") {
                bad.push(format!("{}: the verdict does not show the IP", p.id));
            }
        }
    }
    for e in codes::code_index() {
        for &lang in Lang::ALL {
            let r = e.explain(lang);
            if let Some(name) = raw_placeholder_in(&serde_json_string(&r)) {
                bad.push(format!("code {} ({lang:?}): raw {{{name}}}", e.code));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn serde_json_string(r: &render::Rendered) -> String {
    serde_json::to_string(r).expect("Rendered serializes")
}

#[test]
fn rendering_survives_hostile_facts() {
    let nasty = [
        "",
        "{ip}",
        "{",
        "}",
        "{{ip}}",
        "\u{0}\u{7}\r\n\t",
        "ｆｕｌｌ　ｗｉｄｔｈ　スペース",
        "a{b}c{",
        "192.0.2.1/../../etc",
        "javascript:alert(1)",
    ];
    let long = "長".repeat(5000);
    for p in all_playbooks() {
        for v in nasty.iter().copied().chain([long.as_str()]) {
            let d = Diagnosis {
                recipients: vec![Recipient {
                    recipient: v.into(),
                    diagnostic_text: v.into(),
                    ..Recipient::default()
                }],
                blocked_ip: Some(v.into()),
                sender_domain: Some(v.into()),
                remote_host: Some(v.into()),
                list_zone: Some(v.into()),
                provider_code: Some(v.into()),
                enhanced_code: Some(v.into()),
                blocking_party: p.party,
                ..Diagnosis::default()
            };
            for &lang in Lang::ALL {
                let r = render::render(p, &d, lang, SelectedBy::PartyReason);
                for link in r
                    .steps
                    .iter()
                    .filter_map(|s| s.link.as_ref())
                    .chain(r.sources.iter())
                {
                    assert!(link.url.starts_with("https://"), "{}: {}", p.id, link.url);
                    assert!(
                        !link.url.contains(".."),
                        "{}: unsafe value in {}",
                        p.id,
                        link.url
                    );
                    assert!(
                        !link.url.contains("javascript"),
                        "{}: unsafe value in {}",
                        p.id,
                        link.url
                    );
                }
                assert!(
                    r.verdict.chars().count() < 2000,
                    "{}: facts are not cut",
                    p.id
                );
            }
            let _ = crate::select::select(&d);
            let _ = codes::lookup_code(v);
        }
    }
}

#[test]
fn a_missing_ip_is_explained_in_verdicts_and_whys_never_a_fill_in() {
    // The bounce names no sending IP: the only bracketed address in it is then the receiver's,
    // so a sentence must say the IP is not shown and who knows it.
    let no_ip = Diagnosis {
        blocked_ip: None,
        ..full_diagnosis(&generic::UNDEFINED)
    };
    let mut bad = Vec::new();
    let mut seen = 0;
    for p in all_playbooks() {
        for &lang in Lang::ALL {
            for (place, template) in [("verdict", p.verdict), ("why", p.why)] {
                if !template.get(lang).contains("{ip}") {
                    continue;
                }
                seen += 1;
                let r = render::render(p, &no_ip, lang, SelectedBy::PartyReason);
                let out = if place == "verdict" {
                    &r.verdict
                } else {
                    &r.why
                };
                let explained = match lang {
                    Lang::En => out.contains("the bounce does not show"),
                    Lang::Ja => out.contains("この通知には書かれていません"),
                };
                let leftovers = [
                    "[",
                    "］",
                    "［",
                    "in the error",
                    "エラー文中",
                    "address your",
                ];
                if !explained || leftovers.iter().any(|l| out.contains(l)) {
                    bad.push(format!("{}.{place} ({lang:?}): {out}", p.id));
                }
            }
        }
        let r = render::render(p, &no_ip, Lang::En, SelectedBy::PartyReason);
        for item in &r.prepare {
            if item.hint.as_deref().is_some_and(|h| h.contains("[ ]")) {
                bad.push(format!(
                    "{}: prepare hint points at a bracketed number",
                    p.id
                ));
            }
        }
    }
    assert!(seen > 40, "only {seen} sentences name the IP");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// "Every refused attempt lowers your reputation further" is true of a block or a reputation
/// refusal only. After a wrong address, a full mailbox, a tenant setting or a delay it reads as
/// if the sender were on a blocklist. See: second real-use review, T2.
#[test]
fn the_reputation_warning_closes_only_block_and_reputation_playbooks() {
    use crate::party::common::DONT_RESEND;
    let warns = |p: &Playbook| p.donts.iter().any(|t| t.ja() == DONT_RESEND.ja());
    let not_about_standing = [
        Reason::UserUnknown,
        Reason::MailboxFull,
        Reason::HostUnknown,
        Reason::Expired,
        Reason::MesgTooBig,
        Reason::SecurityError,
        Reason::NoRelaying,
        Reason::Speeding,
        Reason::SyntaxError,
        Reason::SystemError,
        Reason::NetworkError,
        Reason::Undefined,
    ];
    for reason in not_about_standing {
        let p = party::generic(reason);
        assert!(
            !warns(p),
            "{} ({reason:?}) carries the reputation warning",
            p.id
        );
    }
    for id in [
        "generic-delayed",
        "docomo-user-unknown",
        "au-user-unknown",
        "softbank-user-unknown",
        "docomo-full-or-too-large",
        "generic-full-or-too-large",
        "generic-sender-login-mismatch",
        "microsoft-unregistered-domain",
        "microsoft-recipient-not-found",
        "microsoft-throttled",
        "mimecast-greylisting",
        "gmail-unauthenticated",
        "gmail-ptr",
    ] {
        let p = party::playbook(id).unwrap_or_else(|| panic!("no playbook {id}"));
        assert!(!warns(p), "{id} carries the reputation warning");
        assert!(
            p.donts.iter().all(|t| !t.ja().contains("解除")),
            "{id}: a don't speaks of delisting"
        );
        // A step that already says not to resend is not repeated as a don't.
        let step_says_it = p
            .steps
            .iter()
            .any(|s| s.text.ja().contains("送り直さないで"));
        let dont_says_it = p.donts.iter().any(|t| t.ja().contains("送り直さないで"));
        assert!(
            !(step_says_it && dont_says_it),
            "{id} says 'do not resend' twice"
        );
    }
    // Blocks keep it.
    for reason in [Reason::Blocked, Reason::BadReputation, Reason::SpamDetected] {
        assert!(warns(party::generic(reason)), "{reason:?}");
    }
    assert!(warns(party::playbook("spamhaus-listed").unwrap()));
}

#[test]
fn the_ip_listing_playbooks_a_sender_note_reroutes_exist() {
    for id in crate::select::IP_LISTINGS {
        assert!(party::playbook(id).is_some(), "{id} is not a playbook");
    }
}

#[test]
fn every_ptr_playbook_has_its_ipv6_version() {
    for (v4, v6) in crate::select::PTR_IPV6 {
        assert!(party::playbook(v4).is_some(), "{v4} is not a playbook");
        assert!(party::playbook(v6).is_some(), "{v6} is not a playbook");
    }
}

/// A fact the bounce may not hold reads naturally in the prose shown to the reader: an aside
/// that only gives it as an example or a detail is left out (`Ctx::fill_prose`), and no
/// sentence, step or warning shows a bracketed fill-in for it ("If the error names a blocklist
/// ([blocklist named in the error], for example)", review 5, L3). The sending IP's fill-in says
/// whom to ask, and ready messages keep theirs for the reader to type in: both are allowed.
/// See: fifth page review, L3.
#[test]
fn prose_never_shows_a_fill_in_for_a_fact_the_bounce_lacks() {
    let bare = Diagnosis {
        recipients: vec![Recipient {
            recipient: "taro@example.jp".into(),
            action: "failed".into(),
            reason: Reason::Blocked,
            hard_bounce: true,
            diagnostic_text: "554 Service unavailable".into(),
            ..Recipient::default()
        }],
        reason: Reason::Blocked,
        hard_bounce: true,
        ..Diagnosis::default()
    };
    let allowed: Vec<&str> = Lang::ALL
        .iter()
        .map(|&l| render::fallback_for_tests("ip", l))
        .collect();
    let mut bad = Vec::new();
    for p in all_playbooks() {
        for &lang in Lang::ALL {
            let r = render::render(p, &bare, lang, SelectedBy::PartyReason);
            let prose = std::iter::once(("title", r.title.clone()))
                .chain([("verdict", r.verdict.clone()), ("why", r.why.clone())])
                .chain([("duration", r.duration.clone())])
                .chain(r.steps.iter().map(|s| ("step", s.text.clone())))
                .chain(r.donts.iter().map(|d| ("dont", d.clone())));
            for (place, mut text) in prose {
                for a in &allowed {
                    text = text.replace(a, "");
                }
                let shown = render::PLACEHOLDERS.iter().find(|name| {
                    let f = render::fallback_for_tests(name, lang);
                    text.contains(f)
                });
                if let Some(name) = shown {
                    bad.push(format!(
                        "{}.{place} ({lang:?}) shows {{{name}}}: {text}",
                        p.id
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
