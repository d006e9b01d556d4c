//! A button that copies a value and says so for a moment.
//!
//! A plain function, not a component: its one bit of state ("copied") lives on the button as
//! `data-copied`, set by the click handler, and the stylesheet shows "Copy" or "Copied" from
//! it. A component instantiated Yew's hook and lifecycle code once more (about 1 KiB gzip).
//! Yew never rewrites `data-copied` while the rendered value stays "false", so the flag is
//! left to the handler and its timer.

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
    // The accessible name is the shown word plus the hidden ": what"; the word not shown is
    // `display: none` (style.css), which also leaves it out of the name.
    html! {
        <button type="button" class="copy" onclick={Callback::from(clicked)}
            data-value={value} data-field={field} data-testid={testid.map(str::to_string)}
            data-copied="false">
            <span class="idle">{ i18n::COPY.text(lang) }</span>
            <span class="done">{ i18n::COPIED.text(lang) }</span>
            <span class="visually-hidden">{ ": " }{ what }</span>
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
            let _ = button.set_attribute("data-copied", "true");
            // Back to "Copy" after a moment, so a second copy is acknowledged too.
            gloo_timers::future::TimeoutFuture::new(2_500).await;
        }
        let _ = button.set_attribute("data-copied", "false");
    });
}
