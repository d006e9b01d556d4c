//! What a support desk running `ndr-doctor` over a day's tickets relies on (review h187): exit
//! statuses a script can tell apart, a folder that keeps going past a file it cannot read, the
//! blocklist rows of `diagnose --lookup` in words and in the report's language ("could not
//! check", never "not listed", for a failure), and lines that fit a terminal.

use ndr_fake_doh::{Config, FakeDoh, Fixture, Mode};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn doctor(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ndr-doctor-desk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const NO_BOUNCE: &[u8] = b"Hello Anna,\n\nthe minutes of Tuesday's meeting are attached.\n";

#[test]
fn exit_status_tells_bounces_other_mail_and_unreadable_input_apart() {
    let bounce = data("outlook-banned.eml");
    let bounce = bounce.to_str().unwrap();
    let status = |args: &[&str], stdin: &[u8]| doctor(args, stdin).status.code();
    assert_eq!(status(&["diagnose", bounce], b""), Some(0));
    assert_eq!(status(&["diagnose", bounce, "--json"], b""), Some(0));
    // Read, but not a bounce: 1, in both output forms, also beside a bounce.
    assert_eq!(status(&["diagnose", "-"], NO_BOUNCE), Some(1));
    assert_eq!(
        status(&["diagnose", "--json", bounce, "-"], NO_BOUNCE),
        Some(1)
    );
    assert_eq!(status(&["diagnose", "-"], b""), Some(1));
    // Something unreadable wins: the script must look at stderr.
    assert_eq!(
        status(&["diagnose", "-", "/nonexistent/bounce.eml"], NO_BOUNCE),
        Some(2)
    );
    assert_eq!(
        status(&["diagnose", "--no-such-flag", bounce], b""),
        Some(2)
    );
    // And `--help` says so.
    let help = text(&doctor(&["--help"], b"").stdout);
    for line in [
        "EXIT STATUS",
        "0  every message read is a bounce",
        "1  everything was read, but some input is not a bounce",
        "2  a bad argument, or something could not be read",
    ] {
        assert!(help.contains(line), "{line:?} missing:\n{help}");
    }
    let lookup_help = text(&doctor(&["lookup", "--help"], b"").stdout);
    assert!(lookup_help.contains("Exit status: 0"), "{lookup_help}");
}

#[test]
fn version_help_and_unknown_flags_answer_as_a_user_expects() {
    // Also after a command, where a support engineer types it to check what they run.
    for args in [
        &["--version"][..],
        &["-V"],
        &["diagnose", "--version"],
        &["diagnose", "-V", "-"],
        &["lookup", "--version"],
    ] {
        let out = doctor(args, b"");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stdout).starts_with("ndr-doctor "), "{args:?}");
    }
    let out = doctor(&["help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("USAGE:"));
    let out = doctor(&["diagnose", "--bogus", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'--bogus'") && err.contains("ndr-doctor --help"),
        "{err}"
    );
}

/// A Maildir with one message nobody can read (here a link to nothing: the tests may run as
/// root, whom file modes do not stop) still has its other messages diagnosed; the one it could
/// not read is named on stderr and the run exits 2. A link to a message is read like the message.
#[cfg(unix)]
#[test]
fn a_folder_keeps_going_past_a_message_it_cannot_read() {
    let dir = temp_dir("maildir");
    std::fs::create_dir_all(dir.join("cur")).unwrap();
    std::fs::create_dir_all(dir.join("new")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone"), dir.join("cur/1-gone")).unwrap();
    std::os::unix::fs::symlink(data("outlook-banned.eml"), dir.join("cur/2-linked")).unwrap();
    std::fs::copy(data("ip-blocked.txt"), dir.join("new/3-plain")).unwrap();
    let out = doctor(&["diagnose", "--json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot read {}", dir.join("cur/1-gone").display())),
        "{err}"
    );
    let sources: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources[0].ends_with("cur/2-linked\""), "{sources:?}");
    assert!(sources[1].ends_with("new/3-plain\""), "{sources:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A plain folder is read one level deep. Its subfolders are not read, and stderr says so
/// (with their count) instead of nothing; that is no error, so the exit status stays 0. A
/// Maildir's `tmp/` is not such a subfolder.
#[test]
fn a_folder_says_which_subfolders_it_did_not_read() {
    let dir = temp_dir("nested");
    std::fs::create_dir_all(dir.join("2025")).unwrap();
    std::fs::create_dir_all(dir.join("2026")).unwrap();
    std::fs::copy(data("ip-blocked.txt"), dir.join("2026/1.eml")).unwrap();
    std::fs::copy(data("outlook-banned.eml"), dir.join("top.eml")).unwrap();
    let out = doctor(&["diagnose", "--json", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 subfolders not read"), "{err}");
    assert_eq!(text(&out.stdout).lines().count(), 1);
    // A folder of folders only: the count, and the error that nothing was found.
    std::fs::remove_file(dir.join("top.eml")).unwrap();
    let out = doctor(&["diagnose", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2 subfolders not read") && err.contains("no messages found"),
        "{err}"
    );
    // A Maildir says nothing about its tmp/.
    let maildir = temp_dir("maildir-tmp");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }
    std::fs::copy(data("ip-blocked.txt"), maildir.join("new/1")).unwrap();
    let out = doctor(&["diagnose", maildir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("subfolder"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&maildir);
}

/// The recipient's line holds its address, status and reason; the server's reply goes on its
/// own indented line under it, so the line a reader scans first fits in 80 columns.
#[test]
fn a_recipients_reply_is_on_its_own_line_under_the_address() {
    let out = doctor(
        &[
            "diagnose",
            "--lang",
            "en",
            data("ip-blocked.txt").to_str().unwrap(),
        ],
        b"",
    );
    let report = text(&out.stdout);
    let lines: Vec<&str> = report.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "  - yuki@example.org (5.7.1, blocked)")
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        lines[at + 1].starts_with("    554 5.7.1 Service unavailable; Client host [8.8.4.4]"),
        "{report}"
    );
}

fn ip_blocked_report(doh: &FakeDoh, lang: &str) -> String {
    let path = data("ip-blocked.txt");
    let out = doctor(
        &[
            "diagnose",
            path.to_str().unwrap(),
            "--lang",
            lang,
            "--lookup",
            "--resolver",
            &doh.google_url(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text(&out.stdout)
}

/// The part of a report between its "Blocklist checks" heading and the advice.
fn checks(report: &str, heading: &str) -> String {
    let start = report
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?}:\n{report}"));
    let rest = &report[start..];
    rest[..rest.find("\n\n").unwrap_or(rest.len())].to_string()
}

/// `diagnose --lookup` prints its blocklist rows as `lookup` does, in the report's language:
/// a state in words, what a listing means, and its lookup and removal pages each ending a line.
#[test]
fn the_reports_blocklist_rows_are_words_in_its_language() {
    let doh = FakeDoh::start(
        Config::new()
            .fixture(Fixture::a("4.4.8.8.zen.spamhaus.org", &["127.0.0.2"]))
            .fixture(Fixture::txt(
                "4.4.8.8.zen.spamhaus.org",
                &["Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL1"],
            )),
    )
    .unwrap();
    let en = checks(&ip_blocked_report(&doh, "en"), "Blocklist checks:");
    for line in [
        "\n8.8.4.4\n",
        "\n  LISTED           Spamhaus ZEN (zen.spamhaus.org)\n",
        "\n                   127.0.0.2: Spamhaus SBL",
        "\n                   reason: Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL1\n",
        "\n                   details: https://check.spamhaus.org/query/ip/8.8.4.4\n",
        "\n  not listed       SpamCop (bl.spamcop.net)\n",
    ] {
        assert!(en.contains(line), "{line:?} missing:\n{en}");
    }
    assert!(
        en.contains("\n                   removal: https://"),
        "{en}"
    );
    for token in ["not_listed", "unavailable", "answered through"] {
        assert!(!en.contains(token), "{token:?} in:\n{en}");
    }
    let ja = checks(&ip_blocked_report(&doh, "ja"), "ブロックリストの確認:");
    for line in [
        // The list names line up under one another although the Japanese labels are wide.
        "\n  掲載あり         Spamhaus ZEN (zen.spamhaus.org)\n",
        "\n  掲載なし         SpamCop (bl.spamcop.net)\n",
        "\n                   詳細: https://check.spamhaus.org/query/ip/8.8.4.4\n",
    ] {
        assert!(ja.contains(line), "{line:?} missing:\n{ja}");
    }
    assert!(
        ja.contains("\n                   削除の申請: https://"),
        "{ja}"
    );
    assert!(!ja.contains("not listed") && !ja.contains("LISTED"), "{ja}");
}

/// Every fault of the resolver is "could not check" with its reason and the list's own page to
/// check by hand, in words: never "not listed".
#[test]
fn a_failed_check_in_the_report_is_could_not_check_never_not_listed() {
    let doh = FakeDoh::start(Config::new()).unwrap();
    for (mode, ja_why) in [
        (Mode::Fail500, "DNS サービスがエラーを返しました。"),
        (
            Mode::ServFail,
            "リストのサーバーが応答しませんでした（SERVFAIL）。",
        ),
        (Mode::BadJson, "DNS サービスの応答を読み取れませんでした。"),
        (
            Mode::NxDomain,
            "この DNS サービス経由ではリストの答えが信頼できません",
        ),
        (Mode::Lie, "このリストは何でも「掲載あり」と答えていて"),
        (
            Mode::Refuse,
            "このリストは公開 DNS サービスからの問い合わせに答えません。",
        ),
    ] {
        doh.set_mode(mode.clone());
        let en = checks(&ip_blocked_report(&doh, "en"), "Blocklist checks:");
        assert!(
            en.contains("\n  could not check  Spamhaus ZEN (zen.spamhaus.org)\n"),
            "{mode:?}:\n{en}"
        );
        assert!(
            en.contains(
                "\n                   check by hand: https://check.spamhaus.org/query/ip/8.8.4.4\n"
            ),
            "{mode:?}:\n{en}"
        );
        // No row's state says "not listed" (a reason may quote a test point "not listed").
        assert!(!en.contains("\n  not listed "), "{mode:?}:\n{en}");
        assert!(!en.contains("\n  LISTED "), "{mode:?}:\n{en}");
        let ja = checks(&ip_blocked_report(&doh, "ja"), "ブロックリストの確認:");
        assert!(
            ja.contains("\n  確認できず       Spamhaus ZEN (zen.spamhaus.org)\n"),
            "{mode:?}:\n{ja}"
        );
        assert!(ja.contains(ja_why), "{mode:?}:\n{ja}");
        assert!(
            ja.contains(
                "\n                   手動で確認: https://check.spamhaus.org/query/ip/8.8.4.4\n"
            ),
            "{mode:?}:\n{ja}"
        );
        assert!(!ja.contains("掲載なし"), "{mode:?}:\n{ja}");
    }
}

/// `lookup` takes `--lang` too, and its default follows `LANG` as `diagnose`'s does.
#[test]
fn lookup_speaks_the_chosen_language() {
    let doh = FakeDoh::start(Config::new().mode(Mode::Fail500)).unwrap();
    let resolver = doh.google_url();
    let args = [
        "lookup",
        "8.8.4.4",
        "--list",
        "zen.spamhaus.org",
        "--resolver",
        &resolver,
    ];
    let ja = doctor(&[&args[..], &["--lang", "ja"]].concat(), b"");
    assert_eq!(ja.status.code(), Some(0));
    let ja = text(&ja.stdout);
    assert!(ja.contains("  確認できず       Spamhaus ZEN"), "{ja}");
    assert!(ja.contains("DNS への問い合わせ:"), "{ja}");
    let en = text(&doctor(&args, b"").stdout);
    assert!(en.contains("  could not check  Spamhaus ZEN"), "{en}");
    assert!(en.contains("Asked "), "{en}");
    let from_env = Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .args(args)
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(text(&from_env.stdout).contains("確認できず"));
}
