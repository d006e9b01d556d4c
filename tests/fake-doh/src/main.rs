//! `ndr-fake-doh [--port N] [--fixtures DIR] [--mode M] [--delay-ms N] [--retry-after S]`:
//! prints `listening http://127.0.0.1:PORT` and serves until killed.

use ndr_fake_doh::{Config, FakeDoh, Mode};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: ndr-fake-doh [--port N] [--fixtures DIR] [--mode normal|slow|fail500|rate429|badjson|refuse|nxdomain|lie|servfail] [--delay-ms N] [--retry-after S]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ndr-fake-doh: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut config = Config::new();
    let mut mode = "normal".to_string();
    let mut delay_ms = None;
    let mut retry_after = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().ok_or_else(|| format!("{what} needs a value"));
        match arg.as_str() {
            "--port" => {
                let v = value("--port")?;
                config.port = v.parse().map_err(|_| format!("bad port {v:?}"))?;
            }
            "--fixtures" => config.fixtures_dir = Some(value("--fixtures")?.into()),
            "--mode" => mode = value("--mode")?,
            "--delay-ms" => delay_ms = Some(value("--delay-ms")?),
            "--retry-after" => retry_after = Some(value("--retry-after")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    config.mode = Mode::parse(&mode, delay_ms.as_deref(), retry_after.as_deref())?;
    let server = FakeDoh::start(config).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening {}", server.url()).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    drop(out);
    server.wait();
    Ok(())
}
