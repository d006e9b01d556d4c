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

/// L10: `ndr-doctor FILE` diagnoses the file as `ndr-doctor diagnose FILE` does; a word that
/// names no file is still an unknown command.
#[test]
fn a_path_without_a_command_is_diagnosed() {
    let path = data("ip-blocked.txt");
    let path = path.to_str().unwrap();
    let bare = ndr_doctor(&[path, "--lang", "en"]);
    let full = ndr_doctor(&["diagnose", path, "--lang", "en"]);
    assert_eq!(
        bare.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&bare.stderr)
    );
    assert_eq!(stdout(&bare), stdout(&full));
    assert!(stdout(&bare).contains("Steps"), "{}", stdout(&bare));
    let typo = ndr_doctor(&["diagnoes", path]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("unknown command"));
}

/// L10: without `--lookup` the readable report says in one line that no blocklist was asked, and
/// how to ask; with it, that line is not there.
#[test]
fn a_report_without_lookups_says_no_list_was_asked() {
    let path = data("ip-blocked.txt");
    let path = path.to_str().unwrap();
    let en = stdout(&ndr_doctor(&["diagnose", "--lang", "en", path]));
    assert_eq!(en.matches("not checked (add --lookup").count(), 1, "{en}");
    let ja = stdout(&ndr_doctor(&["diagnose", "--lang", "ja", path]));
    assert!(ja.contains("確認していません（--lookup"), "{ja}");
    let doh = FakeDoh::start(Config::new()).unwrap();
    let checked = stdout(&ndr_doctor(&[
        "diagnose",
        "--lang",
        "en",
        "--lookup",
        "--resolver",
        &doh.google_url(),
        path,
    ]));
    assert!(!checked.contains("add --lookup"), "{checked}");
}

/// L10: `--json` writes every field in every line, null when the bounce does not show it, the
/// optional ones as `blocked_ip` is.
#[test]
fn json_writes_absent_fields_as_null() {
    let path = data("ip-blocked.txt");
    let out = ndr_doctor(&["diagnose", "--json", path.to_str().unwrap()]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "blocked_ip",
        "sending_ip",
        "sending_ip_scope",
        "sender_address",
        "sent_at",
        "subject",
        "size_limit_bytes",
    ] {
        assert!(line.get(key).is_some(), "{key} missing: {line}");
    }
    for r in line["recipients"].as_array().unwrap() {
        assert!(r.get("original_recipient").is_some(), "{r}");
    }
}
