//! Entry point of the web page: mounts the app on `<body>`, and exports the small
//! JavaScript API (`diagnose`, `advise`) for pages that render their own UI.
//!
//! A page that only wants the API marks its body with `data-ndr-doctor-api`; the app is
//! then not mounted (see `web/api-example.html`).

use wasm_bindgen::prelude::wasm_bindgen;

/// Talc instead of the standard dlmalloc: the same job in less code (-2.6 KiB gzip on the
/// page). Measured in node on the corpus' 294 messages, diagnose and advise in both languages
/// took 0.63 ms a message with it and 0.59 with dlmalloc, with identical output. The page and
/// its worker are single-threaded wasm without the `atomics` feature, as this allocator needs.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// `diagnose(text)`: the `Diagnosis` of a bounce, as JSON (the DESIGN.md contract).
///
/// Runs entirely in the browser; nothing is sent anywhere.
#[wasm_bindgen]
pub fn diagnose(text: &str) -> String {
    ndr_web::api::diagnose_json(text.as_bytes())
}

/// `diagnose_bytes(bytes)`: the same for raw bytes (a file), whose charsets the core decodes.
/// The page's worker (`web/worker.js`) uses it for large pastes.
#[wasm_bindgen]
pub fn diagnose_bytes(bytes: &[u8]) -> String {
    ndr_web::api::diagnose_json(bytes)
}

/// `advise(text, lang)`: the diagnosis and the advice (verdict, who acts, steps, message)
/// in `lang` (`"ja"` or `"en"`), as JSON `{ "diagnosis": ..., "advice": ... }`; `null` until
/// that language's texts are installed (boot.js's `NdrDoctor.advise` installs them first).
#[wasm_bindgen]
pub fn advise(text: &str, lang: &str) -> String {
    ndr_web::api::advise_json(text.as_bytes(), lang)
}

/// `texts_loaded(lang)`: whether `advise` can answer in `lang` yet (boot.js asks first).
#[wasm_bindgen]
pub fn texts_loaded(lang: &str) -> bool {
    ndr_web::texts::loaded_for(lang)
}

/// `install_texts(lang, file)`: takes the language's texts file (`texts.ja.txt`); returns why
/// it was refused, or nothing.
#[wasm_bindgen]
pub fn install_texts(lang: &str, file: String) -> Option<String> {
    ndr_web::texts::install_for(lang, file)
}

fn main() {
    // In the worker there is no window: only the exports are wanted there.
    let Some(window) = web_sys::window() else {
        return;
    };
    let api_only = window
        .document()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-ndr-doctor-api"));
    if !api_only {
        // The shell's static "Loading…" (index.html) gives way to the app.
        if let Some(wait) = window
            .document()
            .and_then(|d| d.get_element_by_id("boot-loading"))
        {
            wait.remove();
        }
        yew::Renderer::<ndr_web::app::App>::new().render();
    }
}
