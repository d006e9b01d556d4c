//! Developer commands: `cargo xtask serve | test | dist | bench`; each installs what it is missing.
//!
//! Std only, so that a fresh machine compiles it in seconds before anything else is installed.

mod bench;
mod bundle;
mod install;
mod pipeline;
mod serve;
mod sh;
mod workspace;

use std::process::ExitCode;

use workspace::Workspace;

/// Every fallible step reports a sentence for a person; there is nothing to recover from here.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install the web tools if missing, build the release bundle, serve dist/ on 127.0.0.1 (default port 8080)
  test               install everything missing, then native tests, wasm32 builds, the release bundle,
                     its size budget and the browser tests; prints timings per step
  dist               install the web tools if missing and build the release bundle into dist/ (used by the Pages workflow)
  bench              print the benchmark figures of every crate
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ws = Workspace::locate();
    ws.export_env();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "serve" => serve::main(&ws, rest),
        "test" => no_args(rest).and_then(|()| pipeline::test(&ws)),
        "dist" => no_args(rest).and_then(|()| pipeline::dist(&ws)),
        "bench" => no_args(rest).and_then(|()| bench::main(&ws)),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn no_args(rest: &[String]) -> Result {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
    }
}
