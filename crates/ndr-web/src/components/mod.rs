//! The page's pieces. Each takes props and callbacks only: it shows state and reports
//! gestures as `Action`s; it never parses, classifies or decides a lookup's outcome.

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
