//! The verdict: one plain sentence, who must act, how urgent.

use ndr_core::Diagnosis;
use ndr_playbooks::{Rendered, Urgency};
use yew::prelude::*;

use crate::i18n::{self, Lang};

/// What [`verdict`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The diagnosis (for its notes).
    pub diagnosis: std::rc::Rc<Diagnosis>,
    /// The advice, rendered in `lang`.
    pub advice: std::rc::Rc<Rendered>,
}

/// The first thing the user reads after diagnosing.
pub fn verdict(props: &Props) -> Html {
    let lang = props.lang;
    let a = &props.advice;
    // The JSON names, written out: `Debug` formatting costs the page more code.
    let urgency = match a.urgency.id {
        Urgency::Now => "now",
        Urgency::Soon => "soon",
        Urgency::Wait => "wait",
        Urgency::None => "none",
    };
    let who = a.who_line();
    // A note the advice was chosen for (a read receipt, a From address the login does not own)
    // is the verdict above already; listed again it would say the same thing twice.
    let notes = props
        .diagnosis
        .notes
        .iter()
        .filter(|n| !a.leaves_out_note(&props.diagnosis, &n.id))
        .map(|n| i18n::note_line(n).get(lang))
        .collect::<Vec<_>>();
    html! {
        <section class="card verdict" data-urgency={urgency}
            aria-labelledby="verdict-heading" data-testid="verdict-card">
            <h2 id="verdict-heading" class="eyebrow">{ i18n::RESULT_HEADING.text(lang) }</h2>
            <p class="verdict-text" data-testid="verdict" tabindex="-1" id="verdict">{ &a.verdict }</p>
            if !a.why.is_empty() {
                <p class="why" data-testid="why">{ &a.why }</p>
            }
            <dl class="who-when">
                <div>
                    <dt>{ i18n::WHO_ACTS.text(lang) }</dt>
                    <dd data-testid="who">{ who }</dd>
                </div>
                <div>
                    <dt>{ i18n::URGENCY.text(lang) }</dt>
                    <dd data-testid="urgency" data-urgency={urgency}>
                        <span class="urgency-dot" aria-hidden="true"></span>{ &a.urgency.label }
                    </dd>
                </div>
                if !a.duration.is_empty() {
                    <div>
                        <dt>{ i18n::DURATION.text(lang) }</dt>
                        <dd data-testid="duration">{ &a.duration }</dd>
                    </div>
                }
            </dl>
            <p class="jump">
                <button type="button" class="primary" data-testid="jump-to-steps"
                    onclick={super::reveal("steps-heading")}>
                    { i18n::JUMP_TO_STEPS.text(lang) }
                </button>
            </p>
            if !notes.is_empty() {
                <ul class="notes" data-testid="notes">
                    { for notes.iter().map(|n| html! { <li>{ *n }</li> }) }
                </ul>
            }
        </section>
    }
}
