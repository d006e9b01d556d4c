//! Entry point of the web page: mounts the app on `<body>`, and exports the small
//! JavaScript API (`diagnose`, `advise`) for pages that render their own UI.
//!
//! A page that only wants the API marks its body with `data-ndr-doctor-api`; the app is
//! then not mounted (see `web/api-example.html`).

use wasm_bindgen::prelude::wasm_bindgen;

/// `diagnose(text)`: the `Diagnosis` of a bounce, as JSON (the DESIGN.md contract).
///
/// Runs entirely in the browser; nothing is sent anywhere.
#[wasm_bindgen]
pub fn diagnose(text: &str) -> String {
    ndr_web::api::diagnose_json(text.as_bytes())
}

/// `advise(text, lang)`: the diagnosis and the advice (verdict, who acts, steps, message)
/// in `lang` (`"ja"` or `"en"`), as JSON `{ "diagnosis": ..., "advice": ... }`.
#[wasm_bindgen]
pub fn advise(text: &str, lang: &str) -> String {
    ndr_web::api::advise_json(text.as_bytes(), lang)
}

fn main() {
    let api_only = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-ndr-doctor-api"));
    if !api_only {
        yew::Renderer::<ndr_web::app::App>::new().render();
    }
}
