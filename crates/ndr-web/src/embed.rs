//! Embedding in another page's iframe (`?embed=1`): tell the parent our height, and take a
//! bounce the parent hands over with `postMessage` (it stays in this browser like a paste).
//!
//! Messages, both plain objects:
//! - to the parent: `{ type: "ndr-doctor:height", height: <CSS pixels> }`, on every change;
//! - from the parent: `{ type: "ndr-doctor:diagnose", text: "<the bounce>" }`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

use crate::state::Action;

/// The message type the page posts with its height.
pub const HEIGHT_MESSAGE: &str = "ndr-doctor:height";
/// The message type a parent posts with a bounce.
pub const DIAGNOSE_MESSAGE: &str = "ndr-doctor:diagnose";

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok()
}

/// Starts the height reports and the message listener (only inside a frame); returns the
/// function that stops them.
pub fn install(embedded: bool, dispatch: Callback<Action>) -> impl FnOnce() {
    let window = web_sys::window();
    let parent = window
        .as_ref()
        .and_then(|w| w.parent().ok().flatten())
        .filter(|p| window.as_ref().is_some_and(|w| !js_sys::Object::is(p, w)));

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
                dispatch.emit(Action::Receive(text));
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
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        // The height is not a secret; any embedding page may read it.
        let _ = parent.post_message(&msg, "*");
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, closure))
}
