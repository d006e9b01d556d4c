//! The page's pieces. Each takes props and callbacks only: it shows state and reports
//! gestures as `Action`s; it never parses, classifies or decides a lookup's outcome.
//!
//! Only pieces with state of their own (a copy button, the paste box, the message box, the
//! code filter) are Yew components; the rest are plain functions returning `Html`. Each
//! component instantiates Yew's lifecycle, render and reconcile code once more in the wasm:
//! turning ten stateless components into functions saved 9.0 KiB gzip.

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
