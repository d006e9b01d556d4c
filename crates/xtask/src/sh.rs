//! Running child processes: echo the command, stream its output, turn failure into a sentence.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::Result;

/// Starts a command description; `run` or `stdout` executes it.
pub fn cmd<I, S>(program: &str, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// Runs with inherited stdio, after printing the command line so logs show what ran.
pub fn run(command: &mut Command) -> Result {
    eprintln!("$ {}", display(command));
    let status = command
        .status()
        .map_err(|err| format!("could not start `{}`: {err}", display(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(command)))
    }
}

/// Runs quietly and returns trimmed stdout, or `None` when the program is missing or fails.
/// Used for probes such as `trunk --version`, where absence is an answer, not an error.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Finds `program` on PATH the way a shell would.
pub fn which(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

fn display(command: &Command) -> String {
    let mut line = String::new();
    if let Some(dir) = command.get_current_dir() {
        line.push_str(&format!("(cd {}) ", dir.display()));
    }
    for (key, value) in command.get_envs() {
        if let Some(value) = value {
            line.push_str(&format!(
                "{}={} ",
                key.to_string_lossy(),
                value.to_string_lossy()
            ));
        }
    }
    line.push_str(&command.get_program().to_string_lossy());
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}
