//! Embedding in another page's iframe (`?embed=1`): tell the parent our height, and take a
//! bounce the parent hands over with `postMessage` (it stays in this browser like a paste).
//!
//! Messages, all plain objects:
//! - to the parent: `{ type: "ndr-doctor:height", height: <CSS pixels> }`, on every change;
//! - to the parent: `{ type: "ndr-doctor:reveal", top, height }`, the verdict card's box in
//!   the page (CSS pixels from the top of the document), after a diagnosis the visitor asked for,
//!   just after the height it fits in: the parent scrolls it into view (`web/embed.js`);
//! - from the parent: `{ type: "ndr-doctor:diagnose", text: "<the bounce>", visitor: true }`,
//!   `visitor` when the visitor's click asked for it (focus and the view then go to the
//!   verdict; a page handing a bounce over by itself at load moves neither).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::state::Action;

/// The message type the page posts with its height.
pub const HEIGHT_MESSAGE: &str = "ndr-doctor:height";
/// The message type a parent posts with a bounce.
pub const DIAGNOSE_MESSAGE: &str = "ndr-doctor:diagnose";
/// The message type the page posts with the verdict's place.
pub const REVEAL_MESSAGE: &str = "ndr-doctor:reveal";

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok()
}

/// Starts the height reports and the message listener (only inside a frame); returns the
/// function that stops them.
pub fn install(embedded: bool, dispatch: Callback<Action>) -> impl FnOnce() {
    let window = web_sys::window();
    let parent = parent_window();

    // Only the page that framed us may hand over a bounce; messages from anyone else
    // (another frame, a popup) are ignored.
    let on_message = parent.as_ref().map(|parent| {
        let parent = parent.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
            if !from_parent {
                return;
            }
            let data = e.data();
            let kind = get(&data, "type").and_then(|v| v.as_string());
            if kind.as_deref() != Some(DIAGNOSE_MESSAGE) {
                return;
            }
            if let Some(text) = get(&data, "text").and_then(|v| v.as_string()) {
                let by_visitor = get(&data, "visitor").is_some_and(|v| v.as_bool() == Some(true));
                dispatch.emit(Action::Receive { text, by_visitor });
            }
        })
    });
    if let (Some(w), Some(cb)) = (&window, &on_message) {
        let _ = w.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    }

    // The height goes out only in embed mode, so a page that merely frames us without
    // asking learns nothing from us.
    let observer = match (&parent, embedded) {
        (Some(parent), true) => observe_height(parent.clone()),
        _ => None,
    };

    move || {
        if let (Some(w), Some(cb)) = (&window, &on_message) {
            let _ = w.remove_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
        }
        if let Some((observer, _closure)) = observer {
            observer.disconnect();
        }
        drop(on_message);
    }
}

/// The window that framed this page, if any.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(parent: &web_sys::Window, fields: &[(&str, JsValue)]) {
    let msg = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(key), value);
    }
    // Sizes and places are no secret; any embedding page may read them.
    let _ = parent.post_message(&msg, "*");
}

/// Asks the parent to scroll the element with this id, with the card it sits in, into view:
/// first the page's height as it is now (the frame must be that tall for the place to exist
/// in the parent), then the card's box. Messages arrive in order, so the parent has resized
/// the frame when it scrolls.
pub fn reveal(id: &str) {
    let Some(parent) = parent_window() else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Some(el)) = (document.body(), document.get_element_by_id(id)) else {
        return;
    };
    let scrolled = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    let height = body.get_bounding_client_rect().height().ceil();
    let card = el.closest(".card").ok().flatten().unwrap_or(el);
    let rect = card.get_bounding_client_rect();
    post(
        &parent,
        &[("type", HEIGHT_MESSAGE.into()), ("height", height.into())],
    );
    post(
        &parent,
        &[
            ("type", REVEAL_MESSAGE.into()),
            ("top", (rect.top() + scrolled).floor().into()),
            ("height", rect.height().ceil().into()),
        ],
    );
}

type ResizeClosure = Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;

fn observe_height(parent: web_sys::Window) -> Option<(web_sys::ResizeObserver, ResizeClosure)> {
    let body = web_sys::window()?.document()?.body()?;
    let measured = body.clone();
    let mut last = -1.0;
    let closure: ResizeClosure = Closure::new(move |_entries, _observer| {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height == last {
            return;
        }
        last = height;
        post(
            &parent,
            &[("type", HEIGHT_MESSAGE.into()), ("height", height.into())],
        );
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, closure))
}
