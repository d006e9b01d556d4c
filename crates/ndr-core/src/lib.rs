#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod diagnosis;
mod provider;

pub use diagnosis::{Diagnosis, Evidence, IpScope, Note, Party, Reason, Recipient};

/// Reads one bounce and says what happened.
///
/// Never panics and never errors: input it cannot read yields a `Diagnosis` with
/// `reason = Reason::Undefined` and a note saying why.
pub fn diagnose(input: &[u8]) -> Diagnosis {
    let text = String::from_utf8_lossy(input);
    let mut d = Diagnosis::default();
    provider::apply(input, &text, &mut d);
    d
}
