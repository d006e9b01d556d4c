//! Review h217 (real held-out bounces in the CLI): the readable report's words around the
//! blocklist rows, and how the command line is read.

use ndr_fake_doh::{Config, FakeDoh};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn ndr_doctor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// M4: Microsoft's own block (5.7.606, its banned-IP list): beside the rows, in the report's
/// language, the report says that the provider's own list is not one of those asked. A Spamhaus
/// refusal, whose list is asked, does not get that line.
#[test]
fn a_providers_own_block_says_its_list_is_not_among_those_asked() {
    let doh = FakeDoh::start(Config::new()).unwrap();
    let resolver = doh.google_url();
    let (ja, en) = ndr_playbooks::labels::OWN_LIST_NOT_ASKED;
    let outlook = data("outlook-banned.eml");
    for (lang, line) in [("en", en), ("ja", ja)] {
        let out = ndr_doctor(&[
            "diagnose",
            "--lang",
            lang,
            "--lookup",
            "--resolver",
            &resolver,
            outlook.to_str().unwrap(),
        ]);
        let report = stdout(&out);
        assert!(report.contains(line), "{report}");
    }
    let dir = std::env::temp_dir().join(format!("ndr-doctor-h217-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spamhaus = dir.join("spamhaus.txt");
    std::fs::write(&spamhaus, "<a@example.com>: host mx.example.com[192.0.2.10] said: 554 5.7.1 Service unavailable; Client host [11.22.33.44] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/11.22.33.44 (in reply to RCPT TO command)\n").unwrap();
    let out = ndr_doctor(&[
        "diagnose",
        "--lookup",
        "--resolver",
        &resolver,
        spamhaus.to_str().unwrap(),
    ]);
    let report = stdout(&out);
    assert!(report.contains("Blocklist checks"), "{report}");
    assert!(!report.contains(en), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}
