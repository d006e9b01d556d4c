//! The playbooks' texts of one language, loaded once per language for the page's life.
//!
//! The wasm carries none of them (`ndr_playbooks::tables`, feature `split-texts`): boot.js
//! fetches the page language's file at the same time as the wasm, and this module installs
//! it, or the other language's when the visitor switches. Natively (tests) the texts are
//! compiled in and everything here is immediately ready.

use ndr_playbooks::{tables, Lang};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Installs the texts of `lang` unless they are there already; false when the file could not
/// be fetched or was refused (another build's, cut short). Never panics.
pub async fn load(lang: Lang) -> bool {
    if tables::loaded(lang) {
        return true;
    }
    let Some(file) = fetch(lang, false).await else {
        return false;
    };
    if tables::install(lang, file).is_ok() {
        return true;
    }
    // Refused: most likely a file cached from an earlier deploy. Ask the server again.
    match fetch(lang, true).await {
        Some(file) => tables::install(lang, file).is_ok(),
        None => false,
    }
}

/// The file's text through boot.js's `ndrDoctorTexts(lang, fresh)`, which keeps one fetch per
/// language (the page language's is already under way when the wasm starts); `fresh` fetches
/// again past the browser's cache.
async fn fetch(lang: Lang, fresh: bool) -> Option<String> {
    let window = web_sys::window()?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("ndrDoctorTexts"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = loader
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(lang.code()),
            &JsValue::from_bool(fresh),
        )
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// For the JavaScript API: whether `advise` can answer in `lang` (a tag, English unless it
/// names Japanese, as `advise` reads it).
pub fn loaded_for(lang: &str) -> bool {
    tables::loaded(Lang::parse(lang).unwrap_or_default())
}

/// For the JavaScript API: installs `file` as the texts of `lang`; why it was refused, if it was.
pub fn install_for(lang: &str, file: String) -> Option<String> {
    tables::install(Lang::parse(lang).unwrap_or_default(), file)
        .err()
        .map(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natively_the_texts_are_compiled_in() {
        assert!(loaded_for("ja") && loaded_for("en-US") && loaded_for("fr"));
        // Nothing to install, so nothing to refuse.
        assert_eq!(install_for("ja", String::new()), None);
        let ready = futures_executor::block_on(load(Lang::Ja));
        assert!(ready);
    }
}
