//! `cargo xtask test` and `cargo xtask dist`: ordered steps, each timed, with a summary at the end.

use std::time::{Duration, Instant};

use crate::sh::{self, cmd};
use crate::workspace::Workspace;
use crate::{bundle, install, Result};

/// Crates that must also build for the browser: the "no wasm-hostile dependency" guard.
const WASM_CRATES: &[&str] = &["ndr-core", "ndr-dnsbl", "ndr-playbooks"];

/// The binary the browser tests start as their DoH resolver.
const FAKE_DOH_PACKAGE: &str = "ndr-fake-doh";

struct Step {
    name: &'static str,
    /// Names of earlier steps that must have passed; otherwise this one is skipped.
    needs: &'static [&'static str],
    /// A failed required step stops the run: nothing after it could be trusted.
    required: bool,
    run: fn(&Workspace) -> Result,
}

// One line per step reads as the plan; rustfmt would spread each over six lines.
#[rustfmt::skip]
const TEST_STEPS: &[Step] = &[
    Step { name: "install web tools",     needs: &[],             required: true,  run: install::web_tools },
    Step { name: "install browser tools", needs: &[],             required: true,  run: install::browser_tools },
    Step { name: "native tests",          needs: &[],             required: false, run: native_tests },
    Step { name: "core without tables",   needs: &[],             required: false, run: core_without_tables },
    Step { name: "playbooks split texts", needs: &[],             required: false, run: playbooks_split_texts },
    Step { name: "wasm32 builds",         needs: &[],             required: false, run: wasm_builds },
    Step { name: "web bundle",            needs: &[],             required: false, run: bundle::build },
    Step { name: "bundle size",           needs: &["web bundle"], required: false, run: bundle::check_budget },
    Step { name: "browser tests",         needs: &["web bundle"], required: false, run: browser_tests },
];

#[rustfmt::skip]
const DIST_STEPS: &[Step] = &[
    Step { name: "install web tools", needs: &[], required: true, run: install::web_tools },
    Step { name: "web bundle",        needs: &[], required: true, run: bundle::build },
    Step { name: "bundle size",       needs: &[], required: true, run: bundle::check_budget },
];

pub fn test(ws: &Workspace) -> Result {
    run_steps(ws, TEST_STEPS)
}

pub fn dist(ws: &Workspace) -> Result {
    run_steps(ws, DIST_STEPS)
}

enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

fn run_steps(ws: &Workspace, steps: &[Step]) -> Result {
    let started = Instant::now();
    eprintln!("{}", ws.describe_corpus());
    let mut done: Vec<(&str, Outcome, Duration)> = Vec::new();
    let mut stop = None;
    for step in steps {
        let blocker = stop.clone().or_else(|| {
            step.needs
                .iter()
                .find(|need| {
                    !done.iter().any(|(name, outcome, _)| {
                        name == *need && matches!(outcome, Outcome::Passed)
                    })
                })
                .map(|need| format!("`{need}` did not pass"))
        });
        if let Some(why) = blocker {
            done.push((step.name, Outcome::Skipped(why), Duration::ZERO));
            continue;
        }
        eprintln!("\n==> {}", step.name);
        let step_started = Instant::now();
        let outcome = match (step.run)(ws) {
            Ok(()) => Outcome::Passed,
            Err(message) => {
                eprintln!("xtask: step `{}` failed: {message}", step.name);
                if step.required {
                    stop = Some(format!("`{}` failed", step.name));
                }
                Outcome::Failed(message)
            }
        };
        done.push((step.name, outcome, step_started.elapsed()));
    }

    println!("\nsummary");
    for (name, outcome, took) in &done {
        let (label, note) = match outcome {
            Outcome::Passed => ("ok", String::new()),
            Outcome::Failed(why) => ("FAILED", first_line(why)),
            Outcome::Skipped(why) => ("skipped", why.clone()),
        };
        let line = format!("  {label:<8} {name:<22} {:>9}  {note}", duration(*took));
        println!("{}", line.trim_end());
    }
    println!(
        "  {:<8} {:<22} {:>9}",
        "",
        "total",
        duration(started.elapsed())
    );

    let failed = done
        .iter()
        .filter(|(_, outcome, _)| !matches!(outcome, Outcome::Passed))
        .count();
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} steps did not pass", done.len())),
    }
}

fn native_tests(ws: &Workspace) -> Result {
    sh::run(cmd("cargo", ["test", "--workspace", "--locked", "--offline"]).current_dir(&ws.root))
}

/// ndr-core as the web page builds it: no encoding_rs tables, multi-byte charsets through the
/// `diagnose_with` hook. Its charset test must read every fixture as the full build does.
fn core_without_tables(ws: &Workspace) -> Result {
    cargo_test(
        ws,
        &[
            "-p",
            "ndr-core",
            "--no-default-features",
            "--test",
            "charsets",
        ],
    )
}

/// ndr-playbooks as the web page builds it: texts as indices into per-language tables that
/// `build.rs` generates. Its tests read every text through the tables (from the files' format)
/// and must render exactly what the default build renders (`tests/every_text.rs`).
fn playbooks_split_texts(ws: &Workspace) -> Result {
    cargo_test(ws, &["-p", "ndr-playbooks", "--features", "split-texts"])
}

/// `cargo test --locked --offline ARGS` in the workspace.
fn cargo_test(ws: &Workspace, args: &[&str]) -> Result {
    let mut all = vec!["test", "--locked", "--offline"];
    all.extend_from_slice(args);
    sh::run(cmd("cargo", all).current_dir(&ws.root))
}

fn wasm_builds(ws: &Workspace) -> Result {
    let mut build = cmd(
        "cargo",
        [
            "build",
            "--locked",
            "--offline",
            "--target",
            "wasm32-unknown-unknown",
        ],
    );
    for krate in WASM_CRATES {
        build.args(["-p", krate]);
    }
    sh::run(build.current_dir(&ws.root))
}

/// Builds the fake DoH server, then runs the Node specs against `dist/` and that server.
fn browser_tests(ws: &Workspace) -> Result {
    sh::run(
        cmd(
            "cargo",
            [
                "build",
                "--locked",
                "--offline",
                "-p",
                FAKE_DOH_PACKAGE,
                "--bin",
                FAKE_DOH_PACKAGE,
            ],
        )
        .current_dir(&ws.root),
    )?;
    let fake_doh = ws.target_dir().join("debug").join(FAKE_DOH_PACKAGE);
    sh::run(
        cmd("npm", ["test"])
            .current_dir(ws.e2e_dir())
            .env("NDR_DIST", ws.dist_dir())
            .env("NDR_FAKE_DOH_BIN", fake_doh),
    )
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

fn duration(took: Duration) -> String {
    let secs = took.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = took.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(duration(Duration::from_millis(1234)), "1.2s");
        assert_eq!(duration(Duration::from_secs(125)), "2m 05s");
    }

    #[test]
    fn steps_only_need_earlier_steps() {
        for steps in [TEST_STEPS, DIST_STEPS] {
            for (i, step) in steps.iter().enumerate() {
                for need in step.needs {
                    assert!(
                        steps[..i].iter().any(|earlier| earlier.name == *need),
                        "`{}` needs `{need}`, which does not run before it",
                        step.name
                    );
                }
            }
        }
    }
}
