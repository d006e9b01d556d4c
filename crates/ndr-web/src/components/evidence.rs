//! The pasted text with the evidence marked, rendered as text nodes only (never as HTML).

use yew::prelude::*;

use crate::highlight::Piece;
use crate::i18n::{self, Lang};

/// What [`evidence_view`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The pieces to show.
    pub pieces: std::rc::Rc<Vec<Piece>>,
    /// True when only excerpts are shown.
    pub excerpt: bool,
}

/// A scrollable block of the pasted message.
pub fn evidence_view(props: &Props) -> Html {
    let lang = props.lang;
    let shown = props
        .pieces
        .iter()
        .any(|p| matches!(p, Piece::Mark { active: true, .. }));
    // After "Show in message" focus sits in the text, far below the facts: Escape goes back to
    // the button that showed it (review 8, L4), and the hint says so.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Escape" {
            crate::browser::focus_and_reveal("shown-button");
        }
    });
    let mut first_active = true;
    let pieces = props.pieces.iter().map(|p| match p {
        // Yew renders a `String` child as a text node, so `<script>` in a paste stays text.
        Piece::Text(t) => html! { { t.clone() } },
        Piece::Mark {
            text,
            field,
            active,
        } => {
            let id = (*active && first_active).then(|| {
                first_active = false;
                "evidence-active"
            });
            // Two literal classes rather than a computed one: a computed class goes through
            // Yew's `Classes` (an index set), code the page otherwise does without.
            if *active {
                html! {
                    <mark class="active" data-field={field.clone()}
                        id={id} tabindex={id.map(|_| "-1")}>{ text.clone() }</mark>
                }
            } else {
                html! { <mark data-field={field.clone()}>{ text.clone() }</mark> }
            }
        }
        Piece::Gap => html! { <span class="gap" aria-hidden="true">{ "\n…\n" }</span> },
    });
    html! {
        <section class="card evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{ i18n::EVIDENCE_HEADING.text(lang) }</h2>
            if props.excerpt {
                <p class="hint">{ i18n::EVIDENCE_EXCERPT_NOTE.text(lang) }</p>
            }
            if shown {
                <p class="hint kbd" id="evidence-back" data-testid="evidence-back">{ i18n::EVIDENCE_BACK.text(lang) }</p>
            }
            <pre id="evidence" data-testid="evidence" tabindex="0" {onkeydown}
                aria-describedby={shown.then_some("evidence-back")}
                aria-label={i18n::EVIDENCE_HEADING.get(lang)}>{ for pieces }</pre>
        </section>
    }
}
