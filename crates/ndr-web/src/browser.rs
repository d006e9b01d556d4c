//! Thin helpers over the browser: URL, storage, language, clipboard, files, time.
//!
//! Every helper tolerates a missing API (old browser, storage blocked by privacy
//! settings, an iframe without clipboard rights) and then does nothing or returns `None`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;
use crate::state::{Resolver, Route, Settings};

const KEY_LANG: &str = "ndr-doctor.lang";
const KEY_RESOLVER: &str = "ndr-doctor.resolver";
const KEY_LOOKUPS: &str = "ndr-doctor.lookups";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The value of a query parameter of the page URL (`?lang=ja`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// True when the page runs as an embedded widget (`?embed=1`).
pub fn embed_mode() -> bool {
    query_param("embed").is_some_and(|v| v == "1" || v == "true")
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The language: `?lang=` first, then the remembered choice, then the browser's languages.
pub fn initial_lang() -> Lang {
    if let Some(lang) = query_param("lang").as_deref().and_then(Lang::parse) {
        return lang;
    }
    if let Some(lang) = load(KEY_LANG).as_deref().and_then(Lang::parse) {
        return lang;
    }
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Lang::default();
    };
    let tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::from_browser(&tags.join(","))
}

/// Remembers the language and puts it on `<html lang>` (screen readers pick the voice from it).
pub fn apply_lang(lang: Lang) {
    save(KEY_LANG, lang.code());
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The remembered settings, or the defaults.
pub fn initial_settings() -> Settings {
    let mut settings = Settings::default();
    if let Some(id) = load(KEY_RESOLVER) {
        settings.resolver = Resolver::by_id(&id);
    }
    if let Some(v) = load(KEY_LOOKUPS) {
        settings.lookups = v != "off";
    }
    settings
}

/// Remembers the settings.
pub fn save_settings(settings: &Settings) {
    save(KEY_RESOLVER, settings.resolver.id);
    save(KEY_LOOKUPS, if settings.lookups { "on" } else { "off" });
}

/// The route of the current URL hash.
pub fn current_route() -> Route {
    let hash = window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// Points the URL hash at `route` (adds a history entry only when it changes).
pub fn set_route(route: &Route) {
    let Some(location) = window().map(|w| w.location()) else {
        return;
    };
    let hash = route.to_hash();
    let current = location.hash().unwrap_or_default();
    // An address without a hash already is the main page; adding "#/" would only add a
    // history entry the Back button then has to step over.
    if Route::from_hash(&current) == *route && (current.is_empty() || current == hash) {
        return;
    }
    if current != hash {
        let _ = location.set_hash(&hash);
    }
}

/// Milliseconds since the page started (for the benchmark marks).
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Puts `text` on the clipboard; false when the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = nav.clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The current value of the text field with this id (a textarea the user may have edited).
pub fn field_value(id: &str) -> Option<String> {
    let el = window()?.document()?.get_element_by_id(id)?;
    Some(el.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?.value())
}

/// Reads a file's bytes; `None` when the browser could not read it.
pub async fn read_file(file: web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let buffer = buffer.dyn_into::<js_sys::ArrayBuffer>().ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// [`focus`], but only when nothing has focus (the focused element was replaced, as the
/// "loading" notice is by the verdict): a keyboard user who moved on keeps their place.
pub fn focus_if_lost(id: &str, reveal: bool) {
    let active = window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let lost = match &active {
        None => true,
        Some(el) => el.tag_name().eq_ignore_ascii_case("body"),
    };
    if lost {
        focus(id, reveal);
    }
}

/// Moves keyboard focus and the view to the element with this id.
pub fn focus_and_reveal(id: &str) {
    focus(id, true);
}

/// Moves keyboard focus to the element with this id, and the view too when `reveal` (not in a
/// frame, where the parent page scrolls once the frame has grown to fit: `embed::reveal`).
pub fn focus(id: &str, reveal: bool) {
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if reveal {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&opts);
    }
}
