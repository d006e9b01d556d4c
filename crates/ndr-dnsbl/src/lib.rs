#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod catalogue;
pub mod decode;
pub mod doh_json;
mod idn;
mod outcome;
mod plan;
mod resolver;
mod session;
mod target;
mod transport;

pub use catalogue::{
    default_lists, find, is_closed_zone, Access, ClosedList, KeyKind, List, Text, CLOSED,
    DEFAULT_ZONES, LISTS,
};
pub use outcome::{Attempt, Hit, Outcome, Row, State, Why};
pub use plan::Plan;
pub use resolver::{QType, Resolver, ResolverError, Style, DNS_JSON};
pub use session::{applies, Asked, Options, Session};
pub use target::{Family, Target, TargetError};
pub use transport::{HttpRequest, HttpResponse, Transport, TransportError};
