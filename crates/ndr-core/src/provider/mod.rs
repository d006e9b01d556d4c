//! Provider and blocklist knowledge: who blocked, their codes, the blocked IP, the list zone.
//!
//! Called by `diagnose` after the structural pass has filled `recipients`, the codes and
//! the remote host; refines the `Diagnosis` from the provider's own wording.

use crate::Diagnosis;

/// Fills `blocking_party`, `provider_code`, `blocked_ip`, `list_zone`, `evidence` and
/// notes from `text` (the decoded human-readable text of the whole message), and may
/// refine the reasons. `input` is the original bytes, for evidence spans.
pub(crate) fn apply(input: &[u8], text: &str, d: &mut Diagnosis) {
    let _ = (input, text, d);
}
