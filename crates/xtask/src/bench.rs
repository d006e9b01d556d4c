//! `cargo xtask bench`: prints every benchmark figure the project has, one section each.

use std::fs;
use std::path::Path;

use crate::sh::{self, cmd};
use crate::workspace::Workspace;
use crate::{bundle, Result};

enum Bench {
    /// `cargo bench -p <crate>` for each workspace crate that has benches.
    CargoBenches,
    /// A measurement that `cargo bench` does not run, e.g. an example that scores the
    /// corpus. Runs in the workspace root with `NDR_SISIMAI_CORPUS` set.
    Command {
        title: &'static str,
        program: &'static str,
        args: &'static [&'static str],
    },
    /// gzip sizes of the release bundle, when `dist/` has been built.
    BundleSize,
}

/// Run in this order. To add a figure, add a line here.
const BENCHES: &[Bench] = &[
    Bench::CargoBenches,
    // Needs the bundle (`cargo xtask dist`), `cargo build -p ndr-fake-doh` and the e2e
    // node_modules, as the browser tests do.
    Bench::Command {
        title: "page: click Diagnose -> verdict on screen (small, 1 MB, 5 MB)",
        program: "node",
        args: &["tests/e2e/specs/app-bench.mjs"],
    },
    Bench::BundleSize,
];

/// Folders whose subfolders are workspace members (`members` in the root Cargo.toml).
const MEMBER_PARENTS: &[&str] = &["crates", "tests"];

pub fn main(ws: &Workspace) -> Result {
    eprintln!("{}", ws.describe_corpus());
    let mut failures = Vec::new();
    for bench in BENCHES {
        let result = match bench {
            Bench::CargoBenches => cargo_benches(ws, &mut failures),
            Bench::Command {
                title,
                program,
                args,
            } => {
                eprintln!("\n==> {title}");
                sh::run(cmd(program, *args).current_dir(&ws.root))
            }
            Bench::BundleSize => bundle_size(ws),
        };
        if let Err(message) = result {
            failures.push(message);
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

fn cargo_benches(ws: &Workspace, failures: &mut Vec<String>) -> Result {
    let crates = crates_with_benches(&ws.root)?;
    if crates.is_empty() {
        eprintln!("\n==> cargo bench: no crate has benches yet");
    }
    for krate in crates {
        eprintln!("\n==> cargo bench -p {krate}");
        if let Err(message) =
            sh::run(cmd("cargo", ["bench", "--locked", "-p", &krate]).current_dir(&ws.root))
        {
            failures.push(message);
        }
    }
    Ok(())
}

fn bundle_size(ws: &Workspace) -> Result {
    eprintln!("\n==> web bundle size (dist/ as last built; `cargo xtask dist` rebuilds it)");
    if !ws.dist_dir().is_dir() {
        println!("dist/ is not built; `cargo xtask dist` builds it");
        return Ok(());
    }
    bundle::print_table(&bundle::measure(&ws.dist_dir())?);
    Ok(())
}

/// Package names of members with a `benches/` folder or a `[[bench]]` table, sorted.
fn crates_with_benches(root: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for parent in MEMBER_PARENTS {
        let Ok(entries) = fs::read_dir(root.join(parent)) else {
            continue;
        };
        for entry in entries.flatten() {
            let dir = entry.path();
            let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
                continue;
            };
            let has_benches = dir.join("benches").is_dir() || manifest.contains("[[bench]]");
            if has_benches {
                let name = package_name(&manifest).ok_or_else(|| {
                    format!("no package name in {}", dir.join("Cargo.toml").display())
                })?;
                found.push(name);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The `name` in the `[package]` table.
fn package_name(manifest: &str) -> Option<String> {
    let mut in_package = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            let value = line
                .strip_prefix("name")
                .and_then(|rest| rest.trim_start().strip_prefix('='));
            if let Some(value) = value {
                return Some(value.trim().trim_matches('"').to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_package_name_not_a_dependency_name() {
        let manifest =
            "[dependencies]\nname = \"dep\"\n\n[package]\nname = \"ndr-core\"\nversion = \"0\"\n";
        assert_eq!(package_name(manifest).as_deref(), Some("ndr-core"));
        assert_eq!(
            package_name("[package]\nversion = \"0\"\nname = \"x\"\n").as_deref(),
            Some("x")
        );
        assert_eq!(package_name("[package]\nversion = \"0\"\n"), None);
    }
}
