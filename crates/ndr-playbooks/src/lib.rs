#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

// First, so that `text!` is in scope in every module below.
#[macro_use]
mod text;

mod codes;
pub mod labels;
mod model;
mod party;
mod render;
mod select;
pub mod tables;

#[cfg(test)]
mod tidy;

pub use codes::{code_index, lookup_code, CodeEntry, CodeKind};
pub use model::{
    Actor, CopyValue, Fact, InTerminal, Link, Medium, Message, Playbook, Prepare, Service, Source,
    Step, To, Urgency, Url,
};
pub use party::{allowed_domains, party_name, playbook, playbooks, route, Route};
pub use render::{
    japanese_date, render, render_in, Labeled, PrepareItem, Rendered, RenderedCopy, RenderedLink,
    RenderedMessage, RenderedStep, PLACEHOLDERS,
};
pub use select::{
    advise, advise_in, advise_with, advise_with_lookups, by_a_list_operator, for_recipient,
    ip_is_a_forwarders, ip_is_a_refused_client, ip_is_blocked, ip_is_microsofts_cloud, named_ip,
    reason_blocks_nothing, refusal_is_about_the_domain, select, select_with, select_with_lookups,
    sent_by_a_program, shows_a_blocked_ip, Listing, Selected, SelectedBy,
};
pub use text::{Lang, Text, UnknownLang};

/// The id of the advice for a list a refusal names that does not list the address now (its own
/// row answered "not listed" cleanly; `select.rs`), which the page's facts also word apart.
pub const NAMED_LIST_CLEAR_ID: &str = "generic-named-list-not-listed-now";
