//! The app shell: owns the reducer, reads the URL and storage, runs the effects the state
//! asks for (diagnose, lookups), and lays the components out.

use std::cell::Cell;
use std::rc::Rc;

use ndr_playbooks::{Listing, Rendered, SelectedBy};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::not_bounce::bare_code;
use crate::components::{
    asked_names, codes, dnsbl_table, evidence, facts, lang_switch, not_bounce, paste_box, settings,
    steps, verdict,
};
use crate::embed;
use crate::highlight;
use crate::i18n::{self, Lang};
use crate::lookup;
use crate::offload;
use crate::state::{Action, Route, State, Texts};

/// The reducer handle's state: `State` behind Yew's `Reducible`.
#[derive(Debug, Clone, PartialEq)]
pub struct Store(pub State);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.reduce(action);
        Rc::new(Store(next))
    }
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| {
        let mut state = State::new(
            browser::initial_lang(),
            browser::current_route(),
            browser::initial_settings(),
        );
        // Compiled in natively; in the page's wasm none are yet (boot.js is fetching one).
        for &lang in Lang::ALL {
            if ndr_playbooks::tables::loaded(lang) {
                state.reduce(Action::TextsLoaded(lang, true));
            }
        }
        Store(state)
    });
    let embedded = use_memo((), |_| browser::embed_mode());
    let s = &store.0;
    // One callback for the page's life, so components whose props did not change are not
    // rendered again just because the callback is new.
    let dispatch: Callback<Action> = {
        let d = store.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a| d.dispatch(a)))).clone()
    };

    // The run that effects may still report for; lookups of an older run stop asking.
    let current_run = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    current_run.borrow().set(s.run);

    // Listeners for the page's life: hash routing (follow the URL) and embedding (report the
    // height, accept a bounce from the parent page).
    {
        let dispatch = dispatch.clone();
        let embedded = *embedded;
        use_effect_with((), move |_| {
            let on_hash = {
                let dispatch = dispatch.clone();
                Closure::<dyn Fn()>::new(move || {
                    dispatch.emit(Action::Navigate(browser::current_route()));
                })
            };
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    on_hash.as_ref().unchecked_ref(),
                );
            }
            let embed = embed::install(embedded, dispatch);
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        on_hash.as_ref().unchecked_ref(),
                    );
                }
                embed();
            }
        });
    }

    // The effects of a change, each run after a render in which what it depends on changed
    // (and after the first): one Yew effect for all of them, since each `use_effect_with`
    // instantiates Yew's hook code once more in the wasm.
    let ran = use_mut_ref(Ran::default);
    {
        let store = store.clone();
        let dispatch = dispatch.clone();
        let alive = current_run.borrow().clone();
        let embedded = *embedded;
        use_effect(move || {
            effects(&store.0, &mut ran.borrow_mut(), &dispatch, alive, embedded);
        });
    }

    let lang = s.lang;
    let switch = lang_switch::lang_switch(&lang_switch::Props {
        lang,
        on_action: dispatch.clone(),
    });
    let texts_ready = s.texts(lang) == Texts::Ready;
    let page = match &s.route {
        Route::Diagnose => diagnose_page(s, &dispatch),
        // Code pages are the playbooks' texts and nothing else.
        Route::Codes | Route::Code(_) if !texts_ready => texts_notice(lang, s.texts(lang)),
        Route::Codes => codes::codes_list(lang, &s.code_query, &dispatch),
        Route::Code(code) => codes::code_page(&codes::CodeProps {
            lang,
            code: AttrValue::from(code.clone()),
        }),
    };

    html! {
        <div class="app" data-embedded={embedded.then_some("")} data-testid="app" data-lang={lang.code()}>
            if !*embedded {
                <header class="site-header">
                    <div class="brand">
                        <p class="app-name"><a href="#/">{ i18n::APP_NAME.text(lang) }</a></p>
                        <p class="tagline">{ i18n::TAGLINE.text(lang) }</p>
                    </div>
                    { switch }
                </header>
            } else {
                <div class="embed-bar">{ switch }</div>
            }
            <main id="main">
                { page }
                <div class="side-panels">
                    { settings::settings_panel(&settings::Props { lang, settings: s.settings, on_action: dispatch.clone() }) }
                    { asked_names::asked_names(&asked_names::Props { lang, asked: s.asked.clone(), lookups: s.settings.lookups }) }
                </div>
            </main>
            if !*embedded {
                <footer class="site-footer">
                    <p>{ i18n::NO_TRACKING.text(lang) }</p>
                    <p><a href="#/codes" data-testid="codes-link">{ i18n::ALL_CODES.text(lang) }</a></p>
                </footer>
            }
        </div>
    }
}

/// What each effect in [`effects`] last ran for; `None` before the first render.
#[derive(Default)]
struct Ran {
    lang: Option<Lang>,
    settings: Option<crate::state::Settings>,
    texts: Option<(Lang, Texts)>,
    route: Option<Route>,
    paste: Option<(u64, bool)>,
    run: Option<u64>,
    lookups: Option<(u64, bool)>,
    landed: Option<Option<u64>>,
    ready: Option<bool>,
    highlight: Option<Option<String>>,
}

/// Whether `now` differs from what `last` holds (always true the first time); keeps `now`.
fn changed<T: PartialEq>(last: &mut Option<T>, now: T) -> bool {
    if last.as_ref() == Some(&now) {
        return false;
    }
    *last = Some(now);
    true
}

/// Runs, in this order, the effects whose inputs changed since they last ran.
fn effects(
    s: &State,
    ran: &mut Ran,
    dispatch: &Callback<Action>,
    alive: Rc<Cell<u64>>,
    embedded: bool,
) {
    // Language: <html lang>, title, storage.
    if changed(&mut ran.lang, s.lang) {
        browser::apply_lang(s.lang);
        browser::set_title(&format!(
            "{} — {}",
            i18n::APP_NAME.get(s.lang),
            i18n::TAGLINE.get(s.lang)
        ));
    }
    if changed(&mut ran.settings, s.settings) {
        browser::save_settings(&s.settings);
    }

    // The playbooks' texts of the chosen language while the state says they are loading: at
    // start (boot.js already fetches that file), when the visitor picks another language, and
    // when they pick again one that failed. Advice waits for them, the diagnosis does not.
    let (lang, texts) = (s.lang, s.texts(s.lang));
    if changed(&mut ran.texts, (lang, texts)) && texts == Texts::Loading {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = crate::texts::load(lang).await;
            dispatch.emit(Action::TextsLoaded(lang, ok));
        });
    }

    // Put the route in the URL.
    if changed(&mut ran.route, s.route.clone()) {
        browser::set_route(&s.route);
    }

    // The paste box takes the text when it came from elsewhere (a sample, a file, Clear), and
    // when the box comes back with the main page after a code page.
    let shown = s.route == Route::Diagnose;
    if changed(&mut ran.paste, (s.text_rev, shown)) && shown {
        paste_box::write_box(&s.text);
    }

    // Diagnose off the click: large pastes in the worker; small ones here after yielding once,
    // so "Reading the message…" paints first.
    if changed(&mut ran.run, s.run) {
        if let Some(bytes) = s.pending.clone() {
            diagnose(s.run, bytes, dispatch.clone());
        }
    }

    // Lookups: start a session when the state asks for one.
    if changed(&mut ran.lookups, (s.run, s.lookups.running)) && s.lookups.running {
        // The same subject the rows were planned from: no domain when it does not matter.
        let diagnosis =
            s.analysis
                .as_ref()
                .map(|a| match crate::state::lookup_subject(&a.diagnosis) {
                    std::borrow::Cow::Borrowed(_) => a.diagnosis.clone(),
                    std::borrow::Cow::Owned(d) => Rc::new(d),
                });
        if let Some(diagnosis) = diagnosis {
            lookup::start(
                s.run,
                diagnosis,
                s.settings.resolver,
                dispatch.clone(),
                alive,
            );
        }
    }

    // Once a verdict the visitor asked for is on screen, move focus to it so keyboard and
    // screen-reader users land there. Keyed on the diagnosis itself, so changing a setting
    // (which starts a new run of lookups for the same diagnosis) does not pull focus away from
    // the settings. In a frame the page is as tall as its content, so the parent page scrolls:
    // it is told where the verdict is (review h206, H1). A bounce a parent page handed over by
    // itself (at load) moves neither focus nor the view.
    let asked = s.analysis.as_ref().filter(|a| a.by_visitor);
    let landed = asked.map(|a| a.run);
    if changed(&mut ran.landed, landed) && landed.is_some() {
        browser::focus("verdict", !embedded);
        if embedded {
            embed::reveal("verdict");
        }
    }
    // A verdict that waited for its language's texts replaces the "loading" notice, which
    // had focus: focus follows to the verdict, unless the user has moved on.
    let ready = asked.is_some() && s.texts(s.lang) == Texts::Ready;
    if changed(&mut ran.ready, ready) && ready {
        browser::focus_if_lost("verdict", !embedded);
    }
    if changed(&mut ran.highlight, s.highlight.clone()) && s.highlight.is_some() {
        browser::focus_and_reveal("evidence-active");
    }
}

/// Diagnoses `bytes` for `run` and reports back: in the worker when large, else here after
/// yielding once.
fn diagnose(run: u64, bytes: Rc<[u8]>, dispatch: Callback<Action>) {
    if bytes.len() > offload::THRESHOLD_BYTES {
        let done = dispatch.clone();
        let sent = offload::diagnose(run, &bytes, move |diagnosis| {
            done.emit(Action::Diagnosed {
                run,
                diagnosis: Rc::new(diagnosis),
            })
        });
        if sent.is_ok() {
            return;
        }
    }
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        let diagnosis = crate::charsets::diagnose(&bytes);
        dispatch.emit(Action::Diagnosed {
            run,
            diagnosis: Rc::new(diagnosis),
        });
    });
}

/// The main page: the paste box, then the result.
fn diagnose_page(s: &State, dispatch: &Callback<Action>) -> Html {
    let lang = s.lang;
    let status = status_line(s);
    let result = s.analysis.as_ref().map(|a| {
        if a.diagnosis.is_not_a_bounce() {
            let code = std::str::from_utf8(&a.input)
                .ok()
                .and_then(bare_code)
                .map(AttrValue::from);
            return html! {
                <div class="result" data-testid="result">
                    { not_bounce::not_bounce(&not_bounce::Props { lang, diagnosis: a.diagnosis.clone(), code }) }
                </div>
            };
        }
        let listed = s.lookups.listed();
        let listings: Vec<Listing<'_>> = listed
            .iter()
            .map(|(zone, answer)| Listing { zone, answer })
            .collect();
        // Without the language's texts: the facts, lookups and evidence, and a plain word
        // where the verdict and the steps go.
        // Lists that answered "not listed" (a list named in the bounce may have let it expire).
        let not_listed: Vec<&str> = (s.lookups.rows.iter())
            .filter(|r| matches!(r.state, crate::state::RowState::NotListed { .. }))
            .map(|r| r.zone.as_str())
            .collect();
        let advice: Option<Rc<Rendered>> = (s.texts(lang) == Texts::Ready).then(|| {
            Rc::new(ndr_playbooks::advise_in(
                &a.diagnosis,
                &listings,
                &not_listed,
                lang,
                ndr_playbooks::Medium::Page,
            ))
        });
        let (pieces, excerpt) = highlight::pieces(
            &a.input,
            a.charset,
            &a.diagnosis.evidence,
            s.highlight.as_deref(),
        );
        let party_name = a
            .diagnosis
            .blocking_party
            .filter(|_| advice.is_some())
            .map(|p| AttrValue::from(ndr_playbooks::party_name(p).get(lang)));
        let code_page = codes::page_code(&a.diagnosis).map(AttrValue::from);
        let kind = advice.as_ref().and_then(|advice| {
            match matches!(
                advice.selected_by,
                SelectedBy::GenericReason | SelectedBy::GenericCode
            ) {
                false => Some(AttrValue::from(advice.title.clone())),
                // A generic playbook whose reason class says more than it does (review h217, L1).
                true => ndr_playbooks::labels::generic_reason_words(advice.id).map(|(ja, en)| {
                    AttrValue::from(match lang {
                        Lang::Ja => ja,
                        Lang::En => en,
                    })
                }),
            }
        });
        let list_clear_now = advice
            .as_ref()
            .is_some_and(|advice| advice.id == ndr_playbooks::NAMED_LIST_CLEAR_ID);
        let (verdict, steps) = match advice {
            Some(advice) => (
                verdict::verdict(&verdict::Props {
                    lang,
                    diagnosis: a.diagnosis.clone(),
                    advice: advice.clone(),
                }),
                steps::steps(&steps::Props { lang, advice }),
            ),
            None => (texts_notice(lang, s.texts(lang)), Html::default()),
        };
        let stale = s.result_is_stale();
        html! {
            <div class="result" data-stale={stale.then_some("")} data-testid="result">
                if stale {
                    <p class="stale-note" data-testid="stale">{ i18n::RESULT_STALE.text(lang) }</p>
                }
                { verdict }
                { facts::facts(&facts::Props {
                    lang,
                    diagnosis: a.diagnosis.clone(),
                    party_name,
                    code_page,
                    kind,
                    list_clear_now,
                    highlight: s.highlight.clone().map(AttrValue::from),
                    on_action: dispatch.clone(),
                }) }
                // A report in which nothing failed (an auto-reply) has no blocklist section.
                if !crate::state::nothing_failed(&a.diagnosis) {
                    { dnsbl_table::dnsbl_table(&dnsbl_table::Props {
                        lang,
                        lookups: s.lookups.clone(),
                        resolver: s.settings.resolver,
                        on_action: dispatch.clone(),
                        own_list: ndr_playbooks::labels::own_list_not_asked(&a.diagnosis),
                    }) }
                }
                { steps }
                { evidence::evidence_view(&evidence::Props { lang, pieces: Rc::new(pieces), excerpt }) }
            </div>
        }
    });
    html! {
        <>
        <h1 class="visually-hidden">{ i18n::APP_NAME.text(lang) }</h1>
        { paste_box::paste_box(&paste_box::Props { lang, working: s.working(), problem: s.problem,
            from_outlook: s.from_outlook, lookups: s.settings.lookups, on_action: dispatch.clone() }) }
        <p class="visually-hidden" aria-live="polite" role="status" data-testid="status">{ status }</p>
        // One node, present or empty: Yew matches unkeyed children from the end, so a result
        // appended to this list would make it rebuild the paste box (and lose what it holds).
        { result.unwrap_or_default() }
        </>
    }
}

/// Where advice would be while the language's texts are loading or could not be loaded.
/// It takes the verdict's id, so focus lands on it as it would on a verdict.
fn texts_notice(lang: Lang, texts: Texts) -> Html {
    // Literal classes, not a computed one: see `evidence_view`.
    let notice = match texts {
        Texts::Failed => html! {
            <p class="problem" id="verdict" tabindex="-1" role="status" data-testid="texts-failed">
                { i18n::TEXTS_FAILED.text(lang) }
            </p>
        },
        Texts::Loading | Texts::Ready => html! {
            <p class="muted" id="verdict" tabindex="-1" role="status" data-testid="texts-loading">
                { i18n::TEXTS_LOADING.text(lang) }
            </p>
        },
    };
    html! { <section class="card">{ notice }</section> }
}

/// What the live region announces: working, the verdict's arrival, lookup progress.
fn status_line(s: &State) -> String {
    let lang = s.lang;
    if s.working() {
        return i18n::WORKING.get(lang).to_string();
    }
    if s.analysis.is_none() {
        return String::new();
    }
    if s.result_is_stale() {
        return i18n::RESULT_STALE.get(lang).to_string();
    }
    let mut line = i18n::RESULT_HEADING.get(lang).to_string();
    // Announced once when lookups start and once when they end, not at every row: a screen
    // reader would otherwise read the count out thirty times.
    if s.lookups.running {
        line.push_str(match lang {
            Lang::Ja => "。ブロックリストを確認しています",
            Lang::En => ". Checking blocklists",
        });
    } else if s.lookups.resolver_seems_down() {
        // Said once instead of "listed on 0", which would read as a clean result.
        line.push_str(match lang {
            Lang::Ja => "。",
            Lang::En => ". ",
        });
        line.push_str(i18n::DNSBL_ALL_FAILED_HEADING.get(lang));
    } else if !s.lookups.rows.is_empty() {
        let listed = s.lookups.listed_rows();
        line.push_str(&match lang {
            Lang::Ja => format!("。ブロックリストの確認が終わりました（掲載あり {listed} 件）"),
            Lang::En => format!(". Blocklist check finished: listed on {listed}"),
        });
    }
    line
}
