//! `ndr-doctor lookup`: ask the blocklists about IPs and domains.

use std::process::ExitCode;

pub(crate) fn run(parser: &mut lexopt::Parser) -> anyhow::Result<ExitCode> {
    let _ = parser;
    anyhow::bail!("lookup is not built yet")
}
