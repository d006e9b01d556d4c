//! `ndr-doctor diagnose PATH... [--json] [--lang ja|en] [--lookup] [--resolver URL]...`
//! and `ndr-doctor lookup IP_OR_DOMAIN... [--resolver URL]... [--json]`.

use lexopt::ValueExt;
use std::io::Write;
use std::process::ExitCode;

mod diagnose;
mod http;
mod lookup;
mod words;

pub(crate) const USAGE: &str = "\
ndr-doctor: find out why an email bounced, and what to do about it.

USAGE:
    ndr-doctor diagnose PATH... [--json] [--lang ja|en] [--lookup] [--resolver URL]...
    ndr-doctor PATH... [options of diagnose]   (the same as diagnose)
    ndr-doctor lookup IP_OR_DOMAIN... [--resolver URL]... [--json] [--lang ja|en]
    ndr-doctor --version

PATH is a message file, an mbox, a Maildir folder, or - for standard input.
--json      one JSON object per message (diagnose) or per list (lookup), one per line
--lang      language of the readable report (default: from LANG, else en)
--lookup    also check the sending IP and the sender domain against the blocklists
--resolver  a DoH JSON endpoint (https://dns.google/resolve,
            https://cloudflare-dns.com/dns-query, ...); give it twice for a fallback

`ndr-doctor lookup --help` lists the lookup's own options.

EXIT STATUS (diagnose):
    0  every message read is a bounce
    1  everything was read, but some input is not a bounce (the report says what to give
       instead; in --json its advice is null)
    2  a bad argument, or something could not be read (a missing or unreadable file, a
       folder without messages): stderr names it, and the other inputs are still diagnosed
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "ndr-doctor: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(lexopt::Arg::Value(v)) => v.string()?,
        Some(lexopt::Arg::Long("help")) | Some(lexopt::Arg::Short('h')) => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        // Nothing to do is a usage error (exit 2, as for a missing file), not a success a
        // script could take for "all done".
        None => {
            eprint!("{USAGE}");
            return Ok(ExitCode::from(2));
        }
        Some(lexopt::Arg::Long("version")) | Some(lexopt::Arg::Short('V')) => {
            print_version();
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => anyhow::bail!("{}\n\n{USAGE}", other.unexpected()),
    };
    match command.as_str() {
        "diagnose" => diagnose::run(&mut parser),
        "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "lookup" => lookup::run(&mut parser),
        // `ndr-doctor FILE`: a path where the command goes is diagnosed (review h217, L10). A
        // bare word that names no file is still an unknown command, so a mistyped command is
        // not reported as a missing file.
        other if other == "-" || std::path::Path::new(other).exists() => {
            diagnose::run_with(&mut parser, Some(other.to_owned()))
        }
        other => anyhow::bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

/// `--version` / `-V`, taken at the top level and by each command.
pub(crate) fn print_version() {
    println!("ndr-doctor {}", env!("CARGO_PKG_VERSION"));
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
