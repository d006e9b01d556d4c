//! The page's pieces. Each takes props and callbacks only: it shows state and reports
//! gestures as `Action`s; it never parses, classifies or decides a lookup's outcome.
//!
//! Every piece is a plain function returning `Html`; the app (`App`) is the only Yew
//! component. Each component instantiates Yew's lifecycle, render and reconcile code once more
//! in the wasm: ten stateless components as functions saved 9.0 KiB gzip, and the last four,
//! whose small state now lives in the page state or the DOM, 9.1 KiB.

use yew::Callback;

use crate::state::Action;

/// A callback that sends `action` whatever the event: the buttons that each send one fixed
/// action share this one closure type (per event type) instead of one each.
pub fn send<E>(on_action: &Callback<Action>, action: Action) -> Callback<E> {
    on_action.reform(move |_| action.clone())
}

/// A click that moves focus and the view to the element with this id: the buttons that jump
/// somewhere on the page share this one closure type instead of one each.
pub fn reveal(id: &'static str) -> Callback<web_sys::MouseEvent> {
    Callback::from(move |_| crate::browser::focus_and_reveal(id))
}

pub mod asked_names;
pub mod codes;
pub mod copy_button;
pub mod dnsbl_table;
pub mod evidence;
pub mod facts;
pub mod lang_switch;
pub mod not_bounce;
pub mod paste_box;
pub mod settings;
pub mod steps;
pub mod verdict;
