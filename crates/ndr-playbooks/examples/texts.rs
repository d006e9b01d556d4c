//! Writes `texts.ja.txt` and `texts.en.txt`, the web page's per-language texts, into the
//! folder given as the argument (Trunk's staging folder; see web/texts.sh).
//!
//! Built with `--features split-texts`, so it reads the very table `build.rs` generated for
//! the page's wasm: the files are in the order the wasm's indices expect.

use std::path::PathBuf;
use std::process::ExitCode;

use ndr_playbooks::{tables, Lang};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: texts DIR");
        return ExitCode::from(2);
    };
    for &lang in Lang::ALL {
        let path = dir.join(tables::file_name(lang));
        let file = tables::encode(
            lang,
            generated::JOINED,
            generated::SHARED,
            generated::FINGERPRINT,
        );
        if let Err(err) = std::fs::write(&path, file) {
            eprintln!("texts: cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "texts: {} texts per language, {} English ones in the Japanese file too, fingerprint {}",
        generated::COUNT,
        generated::SHARED.len(),
        generated::FINGERPRINT
    );
    ExitCode::SUCCESS
}
