//! Installs the pinned tools a build needs, skipping each one already present at the right version.
//!
//! Versions and traps are measured in `../shared/TOOLCHAIN.md`; the short reasons are repeated here.

use std::fs;
use std::path::Path;

use crate::sh::{self, cmd};
use crate::workspace::Workspace;
use crate::Result;

/// Every 0.22.x needs a newer rustc than the project's 1.95.
pub const TRUNK_VERSION: &str = "0.21.14";

/// npm `binaryen` (wasm-opt running on node). Debian's binaryen 108 and the crates.io
/// `wasm-opt` (binaryen 116) cannot parse the `table.fill` that wasm-bindgen emits.
pub const BINARYEN_VERSION: &str = "132.0.0";

/// playwright-core 1.65 declares `node >= 20`.
const NODE_MIN_MAJOR: u32 = 20;

/// Debian packages for the browser tests: the browser, the WebDriver for
/// wasm-bindgen-test, and a Japanese font so screenshots of Japanese pages are readable.
const APT_BROWSER_PACKAGES: &[(&str, Probe)] = &[
    ("chromium", Probe::File("/usr/bin/chromium")),
    ("chromium-driver", Probe::Program("chromedriver")),
    ("fonts-noto-cjk", Probe::JapaneseFont),
];

enum Probe {
    File(&'static str),
    Program(&'static str),
    JapaneseFont,
}

/// What `serve`, `dist` and the bundle step of `test` need.
pub fn web_tools(ws: &Workspace) -> Result {
    let wasm_bindgen = wasm_bindgen_version(ws)?;
    check_trunk_toml(ws, &wasm_bindgen)?;
    wasm_target()?;
    node()?;
    cargo_tool(
        ws,
        "trunk",
        "trunk",
        TRUNK_VERSION,
        &["--locked", "--debug"],
    )?;
    // Without `--locked`: the tool's own lock pins a webpki-roots the registry here lacks.
    cargo_tool(ws, "wasm-bindgen-cli", "wasm-bindgen", &wasm_bindgen, &[])?;
    binaryen(ws)?;
    // Trunk builds offline and its `cargo metadata` wants every platform's crates.
    sh::run(cmd("cargo", ["fetch", "--locked"]).current_dir(&ws.root))
}

/// What the browser tests need on top of `web_tools`.
pub fn browser_tools(ws: &Workspace) -> Result {
    apt_browser()?;
    e2e_node_modules(ws)
}

/// The `wasm-bindgen` version in Cargo.lock; the CLI must match it exactly.
pub fn wasm_bindgen_version(ws: &Workspace) -> Result<String> {
    let lock = read(&ws.root.join("Cargo.lock"))?;
    locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock has no `wasm-bindgen` package".to_owned())
}

fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut in_wanted = false;
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            in_wanted = false;
        } else if line == wanted {
            in_wanted = true;
        } else if in_wanted {
            if let Some(version) = quoted_value(line, "version") {
                return Some(version.to_owned());
            }
        }
    }
    None
}

/// Trunk refuses an installed tool whose version differs from Trunk.toml, and being
/// offline it cannot fetch another: catch a stale pin here with a sentence instead.
fn check_trunk_toml(ws: &Workspace, wasm_bindgen: &str) -> Result {
    let trunk_toml = read(&ws.root.join("Trunk.toml"))?;
    let binaryen_major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    let expected = [
        ("wasm_bindgen", wasm_bindgen.to_owned()),
        ("wasm_opt", format!("version_{binaryen_major}")),
    ];
    for (key, want) in expected {
        let found = trunk_toml
            .lines()
            .find_map(|line| quoted_value(line.trim(), key));
        if found != Some(want.as_str()) {
            return Err(format!(
                "Trunk.toml [tools] {key} is {found:?}, but the build installs {want:?}; set `{key} = \"{want}\""
            ));
        }
    }
    Ok(())
}

/// `key = "value"` -> `value`.
fn quoted_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
    rest.trim().strip_prefix('"')?.strip_suffix('"')
}

fn wasm_target() -> Result {
    let sysroot = sh::probe(&mut cmd("rustc", ["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed; is Rust installed (rustup)?")?;
    if Path::new(&sysroot)
        .join("lib/rustlib/wasm32-unknown-unknown")
        .is_dir()
    {
        return Ok(());
    }
    sh::run(&mut cmd(
        "rustup",
        ["target", "add", "wasm32-unknown-unknown"],
    ))
}

fn node() -> Result {
    let version = sh::probe(&mut cmd("node", ["--version"]));
    let major = version
        .as_deref()
        .and_then(|v| v.strip_prefix('v'))
        .and_then(|v| v.split('.').next())
        .and_then(|v| v.parse::<u32>().ok());
    match major {
        Some(major) if major >= NODE_MIN_MAJOR => Ok(()),
        _ => Err(format!(
            "Node.js {NODE_MIN_MAJOR} or newer with npm is needed (found: {}); \
             Debian bookworm's own `nodejs` is 18, so install it from NodeSource",
            version.as_deref().unwrap_or("none")
        )),
    }
}

/// `program --version` prints `program X.Y.Z`; install the crate when X.Y.Z differs.
fn cargo_tool(ws: &Workspace, krate: &str, program: &str, version: &str, flags: &[&str]) -> Result {
    let installed = || {
        sh::probe(&mut cmd(program, ["--version"]))
            .and_then(|out| out.split_whitespace().nth(1).map(str::to_owned))
    };
    let found = installed();
    if found.as_deref() == Some(version) {
        return Ok(());
    }
    let mut install = cmd("cargo", ["install", krate, "--version", version]);
    install.args(flags);
    // Never replace someone's other version on PATH: put ours in the checkout instead,
    // which `Workspace::export_env` already put first on PATH.
    if sh::which(program).is_some() {
        install.arg("--root").arg(ws.tools_cargo_root());
    }
    eprintln!(
        "installing {krate} {version} (found: {}); this takes a few minutes once",
        found.as_deref().unwrap_or("none")
    );
    sh::run(&mut install)?;
    match installed() {
        Some(now) if now == version => Ok(()),
        now => Err(format!(
            "installed {krate} {version}, but `{program} --version` on PATH reports {now:?}"
        )),
    }
}

fn binaryen(ws: &Workspace) -> Result {
    // "wasm-opt version 132 (version_132)"
    let installed = || {
        sh::probe(&mut cmd("wasm-opt", ["--version"]))
            .and_then(|out| out.split_whitespace().nth(2).map(str::to_owned))
    };
    let major = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    if installed().as_deref() == Some(major) {
        return Ok(());
    }
    let prefix = ws.tools_npm_prefix();
    fs::create_dir_all(&prefix)
        .map_err(|err| format!("cannot create {}: {err}", prefix.display()))?;
    let mut install = cmd(
        "npm",
        ["install", "--save-exact", "--no-audit", "--no-fund"],
    );
    install
        .arg("--prefix")
        .arg(&prefix)
        .arg(format!("binaryen@{BINARYEN_VERSION}"));
    sh::run(&mut install)?;
    match installed() {
        Some(now) if now == major => Ok(()),
        now => Err(format!(
            "installed binaryen {BINARYEN_VERSION}, but `wasm-opt --version` on PATH reports {now:?}"
        )),
    }
}

fn apt_browser() -> Result {
    let missing: Vec<&str> = APT_BROWSER_PACKAGES
        .iter()
        .filter(|(_, probe)| !present(probe))
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("installing with apt: {}", missing.join(" "));
    let as_root = sh::probe(&mut cmd("id", ["-u"])).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            cmd("apt-get", args)
        } else {
            let mut sudo = cmd("sudo", ["-n", "apt-get"]);
            sudo.args(args);
            sudo
        };
        command.env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    sh::run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q"]);
    install.args(&missing);
    sh::run(&mut install)?;
    match APT_BROWSER_PACKAGES
        .iter()
        .find(|(_, probe)| !present(probe))
    {
        None => Ok(()),
        Some((package, _)) => Err(format!(
            "apt installed {package}, but it is still not found"
        )),
    }
}

fn present(probe: &Probe) -> bool {
    match probe {
        Probe::File(path) => Path::new(path).exists(),
        Probe::Program(program) => sh::which(program).is_some(),
        // Any Japanese font will do; fc-list (package fontconfig) may be absent, so the
        // file that fonts-noto-cjk installs counts too.
        Probe::JapaneseFont => {
            Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists()
                || sh::probe(&mut cmd("fc-list", [":lang=ja", "family"]))
                    .is_some_and(|families| !families.is_empty())
        }
    }
}

/// `npm ci` wipes and reinstalls `node_modules`; skip it while the lock file is the one
/// that was installed last time, so a warm run stays fast.
fn e2e_node_modules(ws: &Workspace) -> Result {
    let dir = ws.e2e_dir();
    let lock = read(&dir.join("package-lock.json"))?;
    let stamp = dir.join("node_modules/.installed-package-lock.json");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(lock.as_str()) {
        return Ok(());
    }
    sh::run(cmd("npm", ["ci", "--no-audit", "--no-fund"]).current_dir(&dir))?;
    fs::write(&stamp, lock).map_err(|err| format!("cannot write {}: {err}", stamp.display()))
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen-backend"
version = "9.9.9"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-backend").as_deref(),
            Some("9.9.9")
        );
        assert_eq!(locked_version(LOCK, "yew"), None);
    }

    #[test]
    fn reads_quoted_values() {
        assert_eq!(
            quoted_value(r#"wasm_opt = "version_132""#, "wasm_opt"),
            Some("version_132")
        );
        assert_eq!(quoted_value(r#"wasm_opt="x""#, "wasm_opt"), Some("x"));
        assert_eq!(quoted_value(r#"wasm_optimize = "x""#, "wasm_opt"), None);
        assert_eq!(quoted_value("wasm_opt = 132", "wasm_opt"), None);
    }

    #[test]
    fn the_checkout_pins_agree() {
        let ws = Workspace::locate();
        let wasm_bindgen = wasm_bindgen_version(&ws).expect("Cargo.lock has wasm-bindgen");
        check_trunk_toml(&ws, &wasm_bindgen).expect("Trunk.toml matches the installed tools");
    }
}
