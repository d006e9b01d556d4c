//! `ndr-doctor diagnose`: read messages from files, mboxes, Maildirs or stdin.

use std::process::ExitCode;

pub(crate) fn run(parser: &mut lexopt::Parser) -> anyhow::Result<ExitCode> {
    let _ = parser;
    anyhow::bail!("diagnose is not built yet")
}
