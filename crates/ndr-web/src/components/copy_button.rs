//! A button that copies a value and says so for a moment.
//!
//! A plain function, not a component: its one bit of state ("copied") lives on the button as
//! `data-copied`, set by the click handler with the matching `aria-label`, and the stylesheet
//! shows "Copy" or "Copied" from it. A component instantiated Yew's hook and lifecycle code
//! once more. Yew rewrites neither attribute while what it renders for them stays the same,
//! so they are left to the handler and its timer.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::i18n::{self, Lang};

/// Where the button takes its value from.
pub enum Source<'a> {
    /// This text.
    Value(&'a str),
    /// The current value of the text field with this id (what the user edited).
    Field(&'static str),
}

/// "Copy" → "Copied" after the clipboard took it; a refused clipboard leaves it as "Copy".
/// `what` names the value for screen readers ("Copy: IP address").
pub fn copy_button(lang: Lang, source: Source<'_>, what: &str, testid: Option<&str>) -> Html {
    let (value, field) = match source {
        Source::Value(v) => (Some(v.to_string()), None),
        Source::Field(id) => (None, Some(id)),
    };
    // The stylesheet shows one of the two words; the handler keeps the label in step with it.
    html! {
        <button type="button" class="copy" onclick={Callback::from(clicked)}
            data-value={value} data-field={field} data-testid={testid.map(str::to_string)}
            aria-label={format!("{}: {what}", i18n::COPY.get(lang))} data-what={what.to_string()}
            data-copied="false">
            <span class="idle">{ i18n::COPY.text(lang) }</span>
            <span class="done">{ i18n::COPIED.text(lang) }</span>
        </button>
    }
}

/// Copies the clicked button's value and marks the button for a moment. Yew delegates events
/// to the page's root, so the button is found from the event's target (maybe an inner span).
fn clicked(e: MouseEvent) {
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button").ok().flatten())
    else {
        return;
    };
    let value = match button.get_attribute("data-field") {
        Some(id) => browser::field_value(&id),
        None => button.get_attribute("data-value"),
    };
    let Some(value) = value else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if browser::copy_text(&value).await {
            mark(&button, true);
            // Back to "Copy" after a moment, so a second copy is acknowledged too.
            gloo_timers::future::TimeoutFuture::new(2_500).await;
        }
        mark(&button, false);
    });
}

/// Shows "Copied" or "Copy", and labels the button "Copied: <what>" or "Copy: <what>" for
/// screen readers, with the word as the page shows it now (the language may have changed).
fn mark(button: &web_sys::Element, copied: bool) {
    let word = button
        .query_selector(if copied { ".done" } else { ".idle" })
        .ok()
        .flatten()
        .and_then(|span| span.text_content());
    if let (Some(word), Some(what)) = (word, button.get_attribute("data-what")) {
        let _ = button.set_attribute("aria-label", &format!("{word}: {what}"));
    }
    let _ = button.set_attribute("data-copied", if copied { "true" } else { "false" });
}
