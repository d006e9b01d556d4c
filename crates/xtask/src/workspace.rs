//! Where things are in the checkout, and the environment every child process inherits.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Where the shared bounce corpus lives on this machine kind when the checkout is not
/// next to it (CI clones the repository somewhere else).
const CORPUS_FALLBACK: &str = "/work/shared/corpus/sisimai";

/// The environment variable through which tests find the Sisimai corpus.
pub const CORPUS_VAR: &str = "NDR_SISIMAI_CORPUS";

pub struct Workspace {
    pub root: PathBuf,
}

impl Workspace {
    /// The workspace root is two levels above this crate; fixed at compile time, which is
    /// right because every checkout compiles its own xtask.
    pub fn locate() -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let root = root.canonicalize().unwrap_or(root);
        Workspace { root }
    }

    /// Git-ignored folder for tools installed for this checkout only.
    pub fn tools_dir(&self) -> PathBuf {
        self.root.join(".tools")
    }

    /// `cargo install --root` for a pinned tool when another version already sits on PATH.
    pub fn tools_cargo_root(&self) -> PathBuf {
        self.tools_dir().join("cargo")
    }

    /// npm prefix holding binaryen (wasm-opt).
    pub fn tools_npm_prefix(&self) -> PathBuf {
        self.tools_dir().join("npm")
    }

    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn e2e_dir(&self) -> PathBuf {
        self.root.join("tests/e2e")
    }

    pub fn target_dir(&self) -> PathBuf {
        match env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => self.root.join(dir),
            _ => self.root.join("target"),
        }
    }

    /// Puts the checkout's own tools first on PATH and tells tests where the corpus is.
    /// Done once at start (single-threaded), so every command below inherits it.
    pub fn export_env(&self) {
        let mut paths = vec![
            self.tools_cargo_root().join("bin"),
            self.tools_npm_prefix().join("node_modules/.bin"),
        ];
        // A fresh machine's rustup puts cargo-installed tools here, but a CI shell may not
        // have sourced ~/.cargo/env.
        if let Some(cargo_home) = cargo_home() {
            paths.push(cargo_home.join("bin"));
        }
        if let Some(old) = env::var_os("PATH") {
            paths.extend(env::split_paths(&old));
        }
        paths.dedup();
        if let Ok(joined) = env::join_paths(paths) {
            env::set_var("PATH", joined);
        }

        if env::var_os(CORPUS_VAR).is_none() {
            if let Some(corpus) = self.corpus_dir() {
                env::set_var(CORPUS_VAR, corpus);
            }
        }
    }

    /// `../shared/corpus/sisimai` next to the checkout, else the machine-wide copy.
    fn corpus_dir(&self) -> Option<PathBuf> {
        corpus_dir(&self.root, Path::new(CORPUS_FALLBACK))
    }

    /// One line for logs: which corpus the tests will read.
    pub fn describe_corpus(&self) -> String {
        match env::var_os(CORPUS_VAR) {
            Some(dir) => format!("{CORPUS_VAR}={}", PathBuf::from(dir).display()),
            None => format!(
                "{CORPUS_VAR} is not set: no corpus beside the checkout nor at {CORPUS_FALLBACK}"
            ),
        }
    }
}

fn corpus_dir(root: &Path, fallback: &Path) -> Option<PathBuf> {
    let beside = root.join("../shared/corpus/sisimai");
    [beside, fallback.to_path_buf()]
        .into_iter()
        .find(|dir| dir.is_dir())
        .map(|dir| dir.canonicalize().unwrap_or(dir))
}

fn cargo_home() -> Option<PathBuf> {
    match env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => Some(PathBuf::from(home)),
        _ => env::var_os("HOME").map(|home: OsString| PathBuf::from(home).join(".cargo")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn corpus_beside_the_checkout_wins_over_the_fallback() {
        let tmp = env::temp_dir().join(format!("xtask-corpus-{}", std::process::id()));
        let root = tmp.join("main");
        let beside = tmp.join("shared/corpus/sisimai");
        let fallback = tmp.join("fallback");
        fs::create_dir_all(&root).unwrap();

        assert_eq!(corpus_dir(&root, &fallback), None);
        fs::create_dir_all(&fallback).unwrap();
        assert_eq!(
            corpus_dir(&root, &fallback),
            Some(fallback.canonicalize().unwrap())
        );
        fs::create_dir_all(&beside).unwrap();
        assert_eq!(
            corpus_dir(&root, &fallback),
            Some(beside.canonicalize().unwrap())
        );
        fs::remove_dir_all(&tmp).unwrap();
    }
}
