//! Code pages: `#/code/<code>` explains one code with its playbook; `#/codes` lists them all.

use std::rc::Rc;

use ndr_core::Diagnosis;
use ndr_playbooks::{code_index, lookup_code, CodeEntry, CodeKind};
use yew::prelude::*;

use super::steps;
use crate::i18n::{self, Lang};
use crate::state::{Action, Route};

/// The code of a diagnosis that has a page: the provider code if known, else the enhanced code.
pub fn page_code(d: &Diagnosis) -> Option<String> {
    let code = [&d.provider_code, &d.enhanced_code]
        .into_iter()
        .flatten()
        .find(|c| !lookup_code(c).is_empty())?;
    // The blocking party's own entry when the code is shared (5.7.1 at Gmail).
    Some(match d.blocking_party {
        Some(p)
            if entries_for(&format!("{code}/{}", p.id()))
                .first()
                .is_some_and(|e| e.party == Some(p)) =>
        {
            format!("{code}/{}", p.id())
        }
        _ => code.clone(),
    })
}

/// The path suffix of the generic (RFC 3463) entry of a code several parties share.
const GENERIC: &str = "generic";

/// The entries a code page shows: `code` may end in `/<party id>` to pick one party's entry
/// when several parties use the same code (`5.7.1/gmail`). Exact matches come before ranges
/// that contain the code (`4.7.650` before `4.7.500-699`).
pub fn entries_for(code: &str) -> Vec<&'static CodeEntry> {
    // `generic` names the RFC 3463 meaning, which belongs to no party.
    let (code, wanted) = match code.rsplit_once('/') {
        Some((c, GENERIC)) => (c, Some(None)),
        Some((c, p)) => (c, ndr_core::Party::from_id(p).map(Some)),
        None => (code, None),
    };
    let found = lookup_code(code);
    let found = first_where(found, |e| e.code.eq_ignore_ascii_case(code));
    match wanted {
        Some(party) => first_where(found, |e| e.party == party),
        None => found,
    }
}

/// The entries for which `pred` holds, then the others, each group in its order: a stable
/// partition, which costs the page less code than a sort.
fn first_where(
    entries: Vec<&'static CodeEntry>,
    pred: impl Fn(&CodeEntry) -> bool,
) -> Vec<&'static CodeEntry> {
    let (mut first, rest): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| pred(e));
    first.extend(rest);
    first
}

/// The page address of an entry: with the party when its code is shared by several parties.
pub fn entry_route(entry: &CodeEntry) -> Route {
    let shared = code_index().iter().filter(|e| e.code == entry.code).count() > 1;
    match (shared, entry.party) {
        (true, Some(p)) => Route::Code(format!("{}/{}", entry.code, p.id())),
        (true, None) => Route::Code(format!("{}/{GENERIC}", entry.code)),
        (false, _) => Route::Code(entry.code.to_string()),
    }
}

fn party_label(entry: &CodeEntry, lang: Lang) -> Option<&'static str> {
    entry.party.map(|p| ndr_playbooks::party_name(p).get(lang))
}

/// One code in a list: a link to its page, its party, its meaning. The full list (`listed`)
/// also marks the kind and gives each link a test id. One function for both lists, so the
/// markup is built by one piece of code.
fn code_item(e: &CodeEntry, lang: Lang, listed: bool) -> Html {
    let kind = listed.then_some(match e.kind {
        CodeKind::Enhanced => "enhanced",
        CodeKind::Provider => "provider",
    });
    let testid = listed.then(|| format!("code-{}", e.code));
    html! {
        <li data-kind={kind}>
            <a href={entry_route(e).to_hash()} data-testid={testid}><code>{ e.code }</code></a>
            if let Some(party) = party_label(e, lang) { <span class="party">{ party }</span> }
            <span class="meaning">{ e.meaning.get(lang) }</span>
        </li>
    }
}

/// What [`code_page`] shows.
pub struct CodeProps {
    /// The page language.
    pub lang: Lang,
    /// The code from the URL.
    pub code: AttrValue,
}

/// One code explained, without any pasted bounce.
pub fn code_page(props: &CodeProps) -> Html {
    let lang = props.lang;
    let entries = entries_for(&props.code);
    let back = html! {
        <p class="crumbs">
            <a href={Route::Diagnose.to_hash()}>{ i18n::BACK_TO_DIAGNOSIS.text(lang) }</a>
            {" · "}
            <a href={Route::Codes.to_hash()}>{ i18n::ALL_CODES.text(lang) }</a>
        </p>
    };
    let Some(entry) = entries.first() else {
        return html! {
            <section class="card code-page" data-testid="code-page" data-found="false">
                { back }
                <h1><code>{ &props.code }</code></h1>
                <p data-testid="code-unknown">{ i18n::CODE_UNKNOWN.text(lang) }</p>
            </section>
        };
    };
    let advice = Rc::new(entry.explain(lang));
    let others: Vec<&CodeEntry> = entries.iter().skip(1).copied().collect();
    html! {
        <>
        <section class="card code-page" data-testid="code-page" data-found="true">
            { back }
            <h1><code data-testid="code-title">{ entry.code }</code></h1>
            if let Some(party) = party_label(entry, lang) {
                <p class="eyebrow" data-testid="code-party" data-party={entry.party.map(|p| p.id())}>{ party }</p>
            }
            <p class="verdict-text" data-testid="code-meaning">{ entry.meaning.get(lang) }</p>
            <p class="why">{ &advice.verdict }</p>
            <p class="why">{ &advice.why }</p>
            <dl class="who-when">
                <div><dt>{ i18n::WHO_ACTS.text(lang) }</dt>
                    <dd>{ advice.who_line() }</dd></div>
                <div><dt>{ i18n::URGENCY.text(lang) }</dt><dd>{ &advice.urgency.label }</dd></div>
            </dl>
        </section>
        { steps::steps(&steps::Props { lang, advice }) }
        if !others.is_empty() {
            <section class="card" aria-labelledby="others-heading" data-testid="code-others">
                <h2 id="others-heading">{ i18n::CODE_ALSO.text(lang) }</h2>
                <ul class="code-list">
                    { for others.iter().map(|e| code_item(e, lang, false)) }
                </ul>
            </section>
        }
        </>
    }
}

/// True when every word of `query` is in the entry (see `CodeEntry::matches_search`).
fn matches(entry: &CodeEntry, query: &str, lang: Lang) -> bool {
    entry.matches_search(query, lang)
}

/// Every known code, filterable. A plain function, not a component: the search box's text
/// is the page state's (`State::code_query`), so Yew's hook code is not instantiated again.
pub fn codes_list(lang: Lang, query: &str, on_action: &Callback<Action>) -> Html {
    let oninput = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_action.emit(Action::CodeQuery(input.value()));
            }
        })
    };
    let shown: Vec<&CodeEntry> = code_index()
        .iter()
        .filter(|e| matches(e, query, lang))
        .collect();
    let count = match lang {
        Lang::Ja => format!("{} 件", shown.len()),
        Lang::En => format!("{} codes", shown.len()),
    };
    html! {
        <section class="card codes" data-testid="codes">
            <p class="crumbs"><a href={Route::Diagnose.to_hash()}>{ i18n::BACK_TO_DIAGNOSIS.text(lang) }</a></p>
            <h1>{ i18n::CODES_HEADING.text(lang) }</h1>
            <label for="code-search" class="label">{ i18n::CODES_SEARCH.text(lang) }</label>
            <input id="code-search" type="search" data-testid="code-search" value={query.to_string()} {oninput}
                aria-describedby="code-count" autocomplete="off" />
            <p id="code-count" class="muted" aria-live="polite">{ count }</p>
            if shown.is_empty() {
                <p>{ i18n::CODES_NONE.text(lang) }</p>
            }
            <ul class="code-list">
                { for shown.iter().map(|e| code_item(e, lang, true)) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code of the playbooks' index has a page, and that page shows that very entry.
    #[test]
    fn every_indexed_code_has_its_own_page() {
        for entry in code_index() {
            let Route::Code(path) = entry_route(entry) else {
                panic!("{} has no code route", entry.code);
            };
            let Route::Code(back) = Route::from_hash(&Route::Code(path.clone()).to_hash()) else {
                panic!("{path} does not round-trip");
            };
            let shown = entries_for(&back);
            let first = shown
                .first()
                .unwrap_or_else(|| panic!("{path} shows nothing"));
            assert_eq!(first.code, entry.code, "{path}");
            assert_eq!(first.party, entry.party, "{path}");
        }
    }

    #[test]
    fn exact_codes_win_over_ranges() {
        let shown = entries_for("4.7.650");
        assert_eq!(shown.first().map(|e| e.code), Some("4.7.650"));
        assert!(entries_for("NO-SUCH-CODE").is_empty());
    }
}
