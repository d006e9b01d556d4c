//! Drives the real `ndr-doctor diagnose` binary: paths, mboxes, Maildirs, stdin, JSON lines,
//! the readable report in both languages, `--lookup` against the fake DoH server, and errors.
//!
//! The JSON contract is pinned in `tests/data/diagnose-json.txt`; bless with
//! `UPDATE_EXPECT=1 cargo test -p ndr-doctor --test diagnose`.

use ndr_fake_doh::{Config, FakeDoh, Fixture};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .arg("diagnose")
        .args(args)
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// The standard output of a run that must have succeeded (exit status 0).
fn stdout_of_success(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    parse_lines(&stdout_of_success(out))
}

/// The JSON lines of a run whose input was read but is not a bounce (exit status 1).
fn json_lines_of_no_bounce(out: &Output) -> Vec<Value> {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_lines(&String::from_utf8_lossy(&out.stdout))
}

fn parse_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ndr-doctor-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn json_contract_for_one_message() {
    let path = data("outlook-banned.eml");
    let out = run(&["--json", path.to_str().unwrap()], None);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let mut d = lines[0].clone();
    // The source is the path as given, which differs between machines.
    assert_eq!(d["source"], path.to_str().unwrap());
    d["source"] = Value::from("outlook-banned.eml");
    for field in [
        "recipients",
        "reason",
        "blocked_ip",
        "remote_host",
        "remote_ip",
        "blocking_party",
        "list_zone",
        "smtp_code",
        "enhanced_code",
        "provider_code",
        "sender_domain",
        "evidence",
    ] {
        assert!(d.get(field).is_some(), "DESIGN.md field {field} is missing");
    }
    assert_eq!(d["blocked_ip"], "11.22.33.44");
    // A blocked address is the sending one too (task h215).
    assert_eq!(d["sending_ip"], "11.22.33.44");
    assert_eq!(d["remote_ip"], "198.51.100.20");
    assert_eq!(d["enhanced_code"], "5.7.606");
    assert_eq!(d["blocking_party"], "microsoft");
    assert_eq!(d["recipients"][0]["recipient"], "hanako@example.com");
    expect_test::expect_file!["data/diagnose-json.txt"]
        .assert_eq(&serde_json::to_string_pretty(&d).unwrap());
}

#[test]
fn mbox_gives_one_line_per_message_with_numbered_sources() {
    let one = std::fs::read(data("outlook-banned.eml")).unwrap();
    let mut mbox = Vec::new();
    for _ in 0..3 {
        mbox.extend_from_slice(b"From MAILER-DAEMON Tue Nov 24 10:00:00 2026\n");
        mbox.extend_from_slice(&one);
        mbox.extend_from_slice(b"\n");
    }
    let dir = temp_dir("mbox");
    let path = dir.join("bounces.mbox");
    std::fs::write(&path, &mbox).unwrap();
    let lines = json_lines(&run(&["--json", path.to_str().unwrap()], None));
    assert_eq!(lines.len(), 3);
    for (i, d) in lines.iter().enumerate() {
        assert_eq!(d["source"], format!("{}#{}", path.display(), i + 1));
        assert_eq!(d["enhanced_code"], "5.7.606");
    }
}

#[test]
fn maildir_reads_cur_and_new_in_name_order() {
    let dir = temp_dir("maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let one = std::fs::read(data("outlook-banned.eml")).unwrap();
    std::fs::write(dir.join("cur/2.eml"), &one).unwrap();
    std::fs::write(
        dir.join("new/1.eml"),
        b"550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown",
    )
    .unwrap();
    // tmp/ holds messages still being written: never read.
    std::fs::write(dir.join("tmp/3.eml"), &one).unwrap();
    let lines = json_lines(&run(&["--json", dir.to_str().unwrap()], None));
    let sources: Vec<&str> = lines
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(
        sources[0].ends_with("cur/2.eml") && sources[1].ends_with("new/1.eml"),
        "{sources:?}"
    );
    assert_eq!(lines[1]["reason"], "userunknown");
}

#[test]
fn stdin_is_read_for_a_dash() {
    let text = b"host mx.example.com[198.51.100.7] said: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)";
    let lines = json_lines(&run(&["--json", "-"], Some(text)));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "-");
    assert_eq!(lines[0]["reason"], "userunknown");
    assert_eq!(
        lines[0]["blocked_ip"],
        Value::Null,
        "the rejecting server's IP is not the blocked IP"
    );
}

#[test]
fn unreadable_path_is_a_clear_error_and_the_others_still_run() {
    let path = data("outlook-banned.eml");
    let out = run(
        &["--json", "/nonexistent/bounce.eml", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read /nonexistent/bounce.eml"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn no_path_and_bad_language_are_usage_errors() {
    let out = run(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least one PATH"));
    let out = run(&["--lang", "fr", "-"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lang takes ja or en"));
}

#[test]
fn readable_report_in_both_languages_has_facts_steps_and_message() {
    let path = data("outlook-banned.eml");
    for (lang, must) in [
        (
            "en",
            [
                "Blocked sending IP: 11.22.33.44",
                "https://sender.office.com/",
                "1. ",
            ],
        ),
        (
            "ja",
            [
                "ブロックされた送信元 IP アドレス: 11.22.33.44",
                "https://sender.office.com/",
                "1. ",
            ],
        ),
    ] {
        let out = run(&["--lang", lang, path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        for m in must {
            assert!(text.contains(m), "{lang} report lacks {m:?}:\n{text}");
        }
    }
}

#[test]
fn lookup_flag_adds_rows_for_the_blocked_ip() {
    let doh = FakeDoh::start(
        Config::new()
            .fixture(Fixture::a("44.33.22.11.zen.spamhaus.org", &["127.0.0.2"]))
            .fixture(Fixture::txt(
                "44.33.22.11.zen.spamhaus.org",
                &["Listed by SBL"],
            )),
    )
    .unwrap();
    let path = data("outlook-banned.eml");
    let lines = json_lines(&run(
        &[
            "--json",
            "--lookup",
            "--resolver",
            &doh.google_url(),
            path.to_str().unwrap(),
        ],
        None,
    ));
    let rows = lines[0]["lookups"].as_array().expect("lookups array");
    let zen = rows
        .iter()
        .find(|r| r["zone"] == "zen.spamhaus.org" && r["target"] == "11.22.33.44");
    let zen = zen.unwrap_or_else(|| panic!("no zen row: {rows:#?}"));
    assert_eq!(zen["state"], "listed");
    // Every row is one of the three honest states.
    for r in rows {
        assert!(
            ["listed", "not_listed", "unavailable"].contains(&r["state"].as_str().unwrap()),
            "{r}"
        );
    }
    // Only blocklist names were asked: never the pasted text.
    for entry in doh.log() {
        let q = format!("{entry:?}");
        assert!(!q.contains("hanako") && !q.contains("Access denied"), "{q}");
    }
}

#[test]
fn report_says_why_a_documentation_address_is_not_looked_up() {
    let text = b"host mx.example.jp[203.0.113.9] said: 554 5.7.1 Client host [198.51.100.23] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n";
    let en = run(&["-", "--lang", "en"], Some(text));
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("Blocked sending IP: 198.51.100.23 (a documentation example address: no blocklist is asked)"),
        "{en}"
    );
    let ja = run(&["-", "--lang", "ja"], Some(text));
    let ja = String::from_utf8(ja.stdout).unwrap();
    assert!(ja.contains("198.51.100.23 (説明用の例示アドレス"), "{ja}");
    // A public address is printed as it is.
    let public = b"host mx.example.jp[203.0.113.9] said: 554 5.7.1 Client host [8.8.4.4] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n";
    let out = String::from_utf8(run(&["-", "--lang", "en"], Some(public)).stdout).unwrap();
    assert!(out.contains("Blocked sending IP: 8.8.4.4\n"), "{out}");
}

#[test]
fn an_ip_that_is_not_blocked_is_not_called_blocked() {
    // Gmail refuses for a missing reverse DNS record: the address is named, not blocked.
    let path = format!(
        "{}/../ndr-core/test_data/bounces/gmail-10.eml",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = String::from_utf8(run(&[&path, "--lang", "en"], None).stdout).unwrap();
    assert!(
        out.contains("Reason: The sending server lacks reverse DNS (PTR) (requireptr)\n"),
        "{out}"
    );
    assert!(out.contains("\nSending server's IP: 192.0.2.70"), "{out}");
    assert!(!out.contains("Blocked sending IP"), "{out}");
}

/// Task h215: Gmail's spam refusal prints the connecting client in its bracket without
/// blocking it: the report names it as the sending server's, and the JSON has it as
/// `sending_ip` with a null `blocked_ip`.
#[test]
fn an_address_a_spam_refusal_only_names_is_the_sending_servers() {
    let reply = b"<kim@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:         550-5.7.1 [203.0.113.45      12] Our system has detected that this message is         550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,         550-5.7.1 this message has been blocked. Please visit 550 5.7.1         https://support.google.com/mail/answer/188131 for more information. q5si2.87 - gsmtp         (in reply to end of DATA command)\n";
    let en = String::from_utf8(run(&["-", "--lang", "en"], Some(reply)).stdout).unwrap();
    assert!(en.contains("\nSending server's IP: 203.0.113.45 ("), "{en}");
    assert!(!en.contains("Blocked sending IP"), "{en}");
    let ja = String::from_utf8(run(&["-", "--lang", "ja"], Some(reply)).stdout).unwrap();
    assert!(
        ja.contains("\n送信サーバーの IP アドレス: 203.0.113.45 ("),
        "{ja}"
    );
    assert!(!ja.contains("ブロックされた送信元"), "{ja}");
    let json = String::from_utf8(run(&["-", "--json"], Some(reply)).stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["sending_ip"], "203.0.113.45", "{json}");
    assert!(v["blocked_ip"].is_null(), "{json}");
}

/// Task h218: Gmail's refusal of a message that is not RFC 5322 compliant names the connecting
/// client in the same bracket: the report names it as the sending server's, not as blocked.
#[test]
fn an_address_a_format_refusal_only_names_is_the_sending_servers() {
    let reply = b"<kim@gmail.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said:         550-5.7.1 [203.0.113.46] Messages missing a valid Message-ID header are not         550-5.7.1 accepted. For more information, go to 550-5.7.1         https://support.google.com/mail/?p=RfcMessageNonCompliant 550 5.7.1 and review         RFC 5322 specifications. b2si3 - gsmtp (in reply to end of DATA command)\n";
    let en = String::from_utf8(run(&["-", "--lang", "en"], Some(reply)).stdout).unwrap();
    assert!(en.contains("(notcompliantrfc)"), "{en}");
    assert!(en.contains("\nSending server's IP: 203.0.113.46 ("), "{en}");
    assert!(!en.contains("Blocked sending IP"), "{en}");
    let json = String::from_utf8(run(&["-", "--json"], Some(reply)).stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["sending_ip"], "203.0.113.46", "{json}");
    assert!(v["blocked_ip"].is_null(), "{json}");
}

/// Review h206, M3: Gmail refused the mail for the sending domain's reputation; the address is
/// the sending server's, not a blocked one, as on the page. The same words about the address
/// itself still call it blocked.
#[test]
fn a_domain_reputation_refusal_does_not_call_the_ip_blocked() {
    let reply = |what: &str| {
        format!(
            "<bo@example.com>: host gmail-smtp-in.l.google.com[198.51.100.27] said: 550-5.7.1 \
             [203.0.113.45      12] Gmail has detected that this message is 550-5.7.1 likely \
             suspicious due to the very low reputation of the sending 550-5.7.1 {what}. To best \
             protect our users from spam, the message has been 550-5.7.1 blocked. For more \
             information, go to 550 5.7.1 https://support.google.com/mail/answer/188131 \
             x.305 - gsmtp (in reply to end of DATA command)\n"
        )
    };
    let domain = reply("domain");
    let en =
        String::from_utf8(run(&["-", "--lang", "en"], Some(domain.as_bytes())).stdout).unwrap();
    assert!(
        en.contains(
            "\nSending server's IP (the refusal is about the domain, not this address): 203.0.113.45 ("
        ),
        "{en}"
    );
    assert!(!en.contains("Blocked sending IP"), "{en}");
    let ja =
        String::from_utf8(run(&["-", "--lang", "ja"], Some(domain.as_bytes())).stdout).unwrap();
    assert!(ja.contains("送信サーバーの IP アドレス（拒否の理由はドメインで、このアドレスではありません）: 203.0.113.45 ("), "{ja}");
    assert!(!ja.contains("ブロックされた送信元"), "{ja}");
    let ip = reply("IP address");
    let en = String::from_utf8(run(&["-", "--lang", "en"], Some(ip.as_bytes())).stdout).unwrap();
    assert!(en.contains("\nBlocked sending IP: 203.0.113.45 ("), "{en}");
}

/// Input that is not a bounce gets what the page says (what to give instead, where mail
/// programs show the source), never a playbook or a ready message built on nothing (review 3,
/// L1: a Mailman moderation notice, the warning inside an mbox).
#[test]
fn input_that_is_not_a_bounce_gets_guidance_and_no_playbook() {
    let text = b"Hello Anna,\n\nthanks for the minutes of Tuesday's meeting. See you next week.\n";
    let en = String::from_utf8(run(&["-", "--lang", "en"], Some(text)).stdout).unwrap();
    assert!(en.contains("could not be read as a bounce"), "{en}");
    assert!(en.contains("Show original"), "{en}");
    for absent in [
        "Reason:",
        "Steps:",
        "Ready-to-send",
        "undefined",
        "[error code]",
    ] {
        assert!(!en.contains(absent), "{absent:?} in:\n{en}");
    }
    assert!(!en.contains("status=sent"), "{en}");
    // A delivery log line says the mail was accepted (review 10, L3).
    let sent =
        b"relay=mx.example.jp[192.0.2.112]:25, delay=0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
    let out = String::from_utf8(run(&["-", "--lang", "en"], Some(sent)).stdout).unwrap();
    assert!(out.contains("accepted the mail (status=sent)"), "{out}");
    let ja = String::from_utf8(run(&["-", "--lang", "ja"], Some(text)).stdout).unwrap();
    assert!(ja.contains("エラーメール"), "{ja}");
    assert!(!ja.contains("手順") && !ja.contains("理由:"), "{ja}");
    // A real bounce still gets its facts and its advice.
    let bounce = b"host mx.example.jp[203.0.113.9] said: 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)\n";
    let out = String::from_utf8(run(&["-", "--lang", "en"], Some(bounce)).stdout).unwrap();
    assert!(
        out.contains("Reason: The recipient address does not exist (userunknown)"),
        "{out}"
    );
    assert!(out.contains("\n1. "), "{out}");
}

/// When nothing is recognised, the report says in the chosen language what was looked for
/// (and, for a bounce without a reason, what the reason is read from), in the words the page
/// shares (`ndr_playbooks::labels`), before what to give instead.
#[test]
fn nothing_recognised_says_what_was_looked_for() {
    use ndr_playbooks::{labels, Lang};
    let text = b"Hello Anna,\n\nthe minutes are attached.\n";
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let out = String::from_utf8(run(&["-", "--lang", tag], Some(text)).stdout).unwrap();
        let looked = labels::LOOKED_FOR.get(lang);
        let at = out.find(looked).unwrap_or_else(|| panic!("{tag}: {out}"));
        // Before the guidance on what to give instead.
        let guidance = if lang == Lang::En {
            "Open the message"
        } else {
            "送ったメール"
        };
        assert!(out.find(guidance).is_some_and(|g| g > at), "{tag}: {out}");
        assert!(!out.contains(labels::NO_REASON_FOUND.get(lang)), "{out}");
    }
    // A bounce read without a reason says what the reason is read from; one with a reason
    // does not.
    let bare = b"Final-Recipient: rfc822; taro@example.jp\nAction: failed\n";
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let out = String::from_utf8(run(&["-", "--lang", tag], Some(bare)).stdout).unwrap();
        assert!(
            out.contains(labels::NO_REASON_FOUND.get(lang)),
            "{tag}: {out}"
        );
        assert!(!out.contains(labels::LOOKED_FOR.get(lang)), "{tag}: {out}");
    }
    let bounce = b"host mx.example.jp[203.0.113.9] said: 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)\n";
    let out = String::from_utf8(run(&["-", "--lang", "en"], Some(bounce)).stdout).unwrap();
    assert!(
        !out.contains(labels::NO_REASON_FOUND.get(Lang::En)),
        "{out}"
    );
    assert!(!out.contains(labels::LOOKED_FOR.get(Lang::En)), "{out}");
}

/// Review 4, L2: a folder without a single message is an error a support engineer can see
/// (a mistyped Maildir path), not a silent success; the other paths are still read.
#[test]
fn a_folder_without_messages_is_an_error() {
    let dir = temp_dir("empty");
    std::fs::create_dir_all(dir.join("cur")).unwrap();
    std::fs::create_dir_all(dir.join("new")).unwrap();
    let path = data("outlook-banned.eml");
    let out = run(
        &["--json", dir.to_str().unwrap(), path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("no messages found in {}", dir.display())),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Review 4, L2: no command at all is a usage error (usage on stderr, exit 2); `--help` is
/// still a success on stdout.
#[test]
fn no_command_prints_usage_on_stderr_and_exits_2() {
    let bare = Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .output()
        .unwrap();
    assert_eq!(bare.status.code(), Some(2));
    assert!(bare.stdout.is_empty());
    assert!(String::from_utf8_lossy(&bare.stderr).contains("USAGE:"));
    let help = Command::new(env!("CARGO_BIN_EXE_ndr-doctor"))
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("USAGE:"));
}

/// Review 4, L3: `--lookup` refines the advice with the answers exactly as the page does: a
/// Spamhaus answer of 127.0.0.2 is the SBL (whose removal only the IP's owner can ask), and a
/// SpamCop refusal whose lookup now says "not listed" is a listing that expired.
#[test]
fn lookup_answers_refine_the_advice_as_on_the_page() {
    let doh = FakeDoh::start(
        Config::new()
            .fixture(Fixture::a("4.4.8.8.zen.spamhaus.org", &["127.0.0.2"]))
            .fixture(Fixture::txt(
                "4.4.8.8.zen.spamhaus.org",
                &["Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL1"],
            )),
    )
    .unwrap();
    let resolver = doh.google_url();
    let report = |text: &[u8], lookup: bool| {
        let mut args = vec!["-", "--lang", "en"];
        if lookup {
            args.extend(["--lookup", "--resolver", resolver.as_str()]);
        }
        stdout_of_success(&run(&args, Some(text)))
    };
    let zen = b"host mx.example.jp[203.0.113.9] said: 554 5.7.1 Service unavailable; Client host [8.8.4.4] blocked using zen.spamhaus.org (in reply to RCPT TO command)\n";
    assert!(report(zen, false).contains("\nListed by Spamhaus\n"));
    let refined = report(zen, true);
    assert!(refined.contains("\nListed by Spamhaus SBL\n"), "{refined}");
    // SpamCop's listing has expired, and no other list names the address: send it again.
    let spamcop = b"host mx.example.jp[203.0.113.9] said: 554 5.7.1 Service unavailable; Client host [8.8.8.8] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?8.8.8.8 (in reply to RCPT TO command)\n";
    assert!(report(spamcop, false).contains("\nListed by SpamCop\n"));
    let expired = report(spamcop, true);
    assert!(
        expired.contains("\nNo longer listed by SpamCop\n"),
        "{expired}"
    );
    assert!(
        expired.contains("1. Send the message again, once."),
        "{expired}"
    );
    // The same refusal of an address the SBL lists: the SBL's advice, naming SpamCop (case 41).
    let spamcop_and_sbl = b"host mx.example.jp[203.0.113.9] said: 554 5.7.1 Service unavailable; Client host [8.8.4.4] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?8.8.4.4 (in reply to RCPT TO command)\n";
    let both = report(spamcop_and_sbl, true);
    assert!(both.contains("\nListed by Spamhaus SBL\n"), "{both}");
    assert!(both.contains("The refusal named SpamCop"), "{both}");
    assert!(!both.contains("Who must act: Nobody"), "{both}");
}

/// Review 4, cases 18, 20 and 34 through the binary: the core's notes reach the readable report,
/// each as the page's sentence with its id and detail in brackets, and a note without a detail
/// is listed without a trailing space. A note the advice was chosen for (a reply that means a
/// full mailbox or a message too large; a read receipt) is not printed a second time under it;
/// `--json` keeps every note.
#[test]
fn the_cores_notes_reach_the_readable_report() {
    // The core's own fixtures, as the core reads them.
    let core = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ndr-core/test_data/bounces")
            .join(name)
    };
    let report = |name: &str, json: bool| {
        let path = core(name);
        let mut args = vec![path.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        stdout_of_success(&run(&args, None))
    };
    let text = report("google-sender-02.txt", false);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Note: This mail went out through Gmail")
                && l.ends_with(" [sender_on_google]")),
        "{text}"
    );
    assert!(!text.lines().any(|l| l.ends_with(' ')), "{text}");
    let text = report("docomo-05.txt", false);
    assert!(!text.contains("[full_or_too_big]"), "{text}");
    assert!(text.contains("too large"), "{text}");
    assert!(report("docomo-05.txt", true).contains("full_or_too_big"));
    let text = report("read_receipt-02.txt", false);
    assert!(!text.contains("[read_receipt"), "{text}");
    assert!(report("read_receipt-02.txt", true).contains("read_receipt"));
    assert!(
        text.contains("Read receipt: your message was opened"),
        "{text}"
    );
}

/// Public pastes test, L8: "Blocked by:" names the party as the advice and the page do, in the
/// report's language, with the id in brackets for support engineers; never the bare id.
#[test]
fn blocked_by_names_the_party_in_the_reports_language() {
    let path = data("outlook-banned.eml");
    for (lang, name) in [
        (
            "en",
            "Blocked by: Microsoft 365 (Exchange Online) [microsoft]",
        ),
        (
            "ja",
            "ブロックした組織: Microsoft 365（Exchange Online） [microsoft]",
        ),
    ] {
        let text =
            String::from_utf8(run(&["--lang", lang, path.to_str().unwrap()], None).stdout).unwrap();
        assert!(text.contains(name), "{lang}: {text}");
        assert!(!text.contains(": microsoft\n"), "{lang}: {text}");
    }
}

/// Review r3: an unknown address at a mailbox provider is refused, not blocked: the party's line says
/// "Refused by" (as the page's row does), and "Blocked by" stays for a block.
#[test]
fn a_refusal_that_blocks_nothing_names_who_refused_not_who_blocked() {
    // GMX's case r0602: the mailbox is unavailable (ndr-core's fixture gmx-08).
    let text = b"<friend@gmx.de>: host mx01.emig.gmx.net[198.51.100.9] said: 550-Requested action not taken: mailbox unavailable 550-Reject due to policy restrictions. 550 For explanation visit https://postmaster.gmx.net/en/case?c=r0602&i=ip&v=192.0.2.51&r=1AbC (in reply to RCPT TO command)\n";
    for (lang, label, wrong) in [
        ("en", "Refused by: ", "Blocked by:"),
        ("ja", "受け取りを断った事業者: ", "ブロックした組織:"),
    ] {
        let out = String::from_utf8(run(&["-", "--lang", lang], Some(text)).stdout).unwrap();
        assert!(
            out.contains(label) && out.contains("[gmx]"),
            "{lang}: {out}"
        );
        assert!(!out.contains(wrong), "{lang}: {out}");
    }
}

/// Public pastes test, L9: `--json` carries what the readable report advises, as ids, so a desk
/// reads who acts without scraping the text: the playbook, who acts in the report's order, and
/// how soon; the same in both languages, and null for input that is not a bounce.
#[test]
fn json_carries_the_advice_as_ids_in_the_reports_order() {
    let path = data("outlook-banned.eml");
    let advice = |lang: &str| {
        let lines = json_lines(&run(
            &["--json", "--lang", lang, path.to_str().unwrap()],
            None,
        ));
        lines[0]["advice"].clone()
    };
    let en = advice("en");
    assert_eq!(en, advice("ja"));
    assert_eq!(en["playbook"], "microsoft-banned-ip");
    assert_eq!(en["party"], "microsoft");
    assert_eq!(en["urgency"], "now");
    // The report's "Who must act" line, in the same order.
    let report =
        String::from_utf8(run(&["--lang", "en", path.to_str().unwrap()], None).stdout).unwrap();
    let who_line = report
        .lines()
        .find_map(|l| l.strip_prefix("Who must act: "))
        .expect("a who line");
    let labels: Vec<&str> = who_line.split(" / ").collect();
    let ids: Vec<&str> = en["who"]
        .as_array()
        .expect("who is a list")
        .iter()
        .map(|v| v.as_str().expect("an id"))
        .collect();
    assert_eq!(ids.len(), labels.len(), "{ids:?} {labels:?}");
    for (id, label) in ids.iter().zip(&labels) {
        let expected = match *id {
            "sender_provider" => "Your hosting company",
            "sender" => "You (the sender)",
            "sender_admin" => "Your IT administrator",
            other => panic!("unexpected actor {other} for a banned IP"),
        };
        assert!(label.starts_with(expected), "{id} vs {label}");
    }
    // Not a bounce: no advice to summarise.
    let text = b"Hello Anna,\n\nthanks for the minutes of Tuesday's meeting.\n";
    let lines = json_lines_of_no_bounce(&run(&["--json", "-"], Some(text)));
    assert!(lines[0]["advice"].is_null(), "{}", lines[0]);
}

#[test]
fn an_outlook_msg_file_is_converted_then_diagnosed() {
    let msg = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ndr-core/tests/outlook_msg/exchange-ndr.msg");
    let out = run(&["--json", msg.to_str().unwrap()], None);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let d = &lines[0];
    assert_eq!(d["reason"], "blocked");
    assert_eq!(d["blocked_ip"], "198.51.100.23");
    assert_eq!(d["enhanced_code"], "5.7.606");
    assert_eq!(d["blocking_party"], "microsoft");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same bytes on stdin read the same way.
    let bytes = std::fs::read(&msg).unwrap();
    let piped = json_lines(&run(&["--json", "-"], Some(&bytes)));
    assert_eq!(piped[0]["blocked_ip"], "198.51.100.23");
}

#[test]
fn a_binary_file_that_is_no_mail_is_named_on_stderr() {
    let dir = temp_dir("png");
    let png = dir.join("screenshot.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let out = run(&["--json", png.to_str().unwrap()], None);
    let lines = json_lines_of_no_bounce(&out);
    assert_eq!(lines[0]["reason"], "undefined");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("screenshot.png: not a mail (looks like png data)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_unicode_text_file_is_read_by_its_byte_order_mark() {
    // Windows "Unicode" text (UTF-16LE with a BOM), as classic Outlook saves a message as text.
    let text = "Delivery has failed to these recipients or groups:\r\n\r\njiro@example.com\r\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = temp_dir("utf16");
    let path = dir.join("saved.txt");
    std::fs::write(&path, &bytes).unwrap();
    let out = run(&["--json", path.to_str().unwrap()], None);
    let lines = json_lines(&out);
    let d = &lines[0];
    assert_eq!(d["reason"], "userunknown", "{d}");
    assert_eq!(d["enhanced_code"], "5.1.1");
    assert_eq!(d["recipients"][0]["recipient"], "jiro@example.com");
    assert_eq!(d["notes"], serde_json::json!([]));
    // The spans index the file's own bytes: cut there, they read as the evidence text.
    let evidence = d["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty());
    for e in evidence {
        let (a, b) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        let units: Vec<u16> = bytes[a..b]
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        assert_eq!(String::from_utf16(&units).unwrap(), e["text"], "{e}");
    }
    let readable = run(&["--lang", "en", path.to_str().unwrap()], None);
    let report = String::from_utf8_lossy(&readable.stdout);
    assert!(report.contains("(userunknown)"), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_forwarders_refused_ip_is_not_called_the_senders() {
    // A forwarder passed on a later hop's refusal of its own address (the core's note
    // `refused_after_forwarding`): the report must not call that address the sender's.
    let text = b"<friend@example.net>: host mx.forward.example[203.0.113.25] said: 550\n    Error for friend@example.net of \"Invalid greeting. response=554 5.7.1\n    Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=203.0.113.25\"\n    (in reply to end of DATA command)\n";
    for (lang, label, wrong) in [
        ("en", "Forwarding server's IP", "Blocked sending IP"),
        (
            "ja",
            "転送したサーバーの IP アドレス",
            "ブロックされた送信元 IP アドレス",
        ),
    ] {
        let out = run(&["--lang", lang, "-"], Some(text));
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(label), "{lang}: {report}");
        assert!(report.contains("203.0.113.25"), "{lang}: {report}");
        assert!(!report.contains(wrong), "{lang}: {report}");
    }
}

#[test]
fn a_client_the_posters_own_server_refused_is_not_called_their_sending_ip() {
    // A log line of the poster's own receiving server (postfix/smtpd): the address is the
    // refused client's (the core's note `inbound_refusal_log`).
    let text = b"Nov 24 12:00:01 mx postfix/smtpd[901]: NOQUEUE: reject: RCPT from unknown[203.0.113.90]: 554 5.7.1 Service unavailable; Client host [203.0.113.90] blocked using zen.spamhaus.org; from=<news@example.com> to=<ops@example.org> proto=ESMTP helo=<mail.example.com>\n";
    for (lang, label, wrong) in [
        ("en", "IP your server refused", "Blocked sending IP"),
        (
            "ja",
            "あなたのサーバーが受信を拒否した相手の IP アドレス",
            "ブロックされた送信元 IP アドレス",
        ),
    ] {
        let out = run(&["--lang", lang, "-"], Some(text));
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(label), "{lang}: {report}");
        assert!(report.contains("203.0.113.90"), "{lang}: {report}");
        assert!(!report.contains(wrong), "{lang}: {report}");
    }
}

#[test]
fn microsofts_cloud_address_is_called_microsofts_not_the_senders() {
    // The new Outlook's error when the user's own host refused Microsoft's cloud (the core's
    // note `via_microsoft_cloud`). Not a documentation address on purpose: the range it is in
    // (Exchange Online's 40.104.0.0/15) is the point.
    let text = "Technical details InvalidRecipientsException: 'kim@example.org' (554 5.7.1 <unknown[40.104.87.5]>: Client host rejected: Access denied)\n";
    for (lang, label, wrong) in [
        (
            "en",
            "Microsoft's IP (new Outlook connects from it)",
            "Blocked sending IP",
        ),
        (
            "ja",
            "Microsoft の IP アドレス（新しい Outlook の接続元）",
            "ブロックされた送信元 IP アドレス",
        ),
    ] {
        let out = run(&["--lang", lang, "-"], Some(text.as_bytes()));
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(label), "{lang}: {report}");
        assert!(report.contains("40.104.87.5"), "{lang}: {report}");
        assert!(!report.contains(wrong), "{lang}: {report}");
    }
}

#[test]
fn a_forwarded_recipient_names_the_address_the_sender_wrote() {
    // Postfix's alias bounce: the sender wrote to team@, which forwards to bob@.
    let text = b"<bob@example.net> (expanded from <team@example.org>): host\n    mx.example.net[192.0.2.25] said: 550 5.1.1 <bob@example.net>: Recipient\n    address rejected: User unknown (in reply to RCPT TO command)\n";
    for (lang, line) in [
        (
            "en",
            "    Original recipient: team@example.org (forwarded to bob@example.net)\n",
        ),
        (
            "ja",
            "    元の宛先: team@example.org（転送先 bob@example.net）\n",
        ),
    ] {
        let out = run(&["--lang", lang, "-"], Some(text));
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(line), "{lang}: {report}");
        // Right under the recipient's own line.
        let at = report.find(line).unwrap_or_default();
        let above = report[..at].lines().last().unwrap_or_default();
        assert!(
            above.starts_with("  - bob@example.net "),
            "{lang}: {report}"
        );
    }
    // The JSON carries the field; a recipient without one has it as null, as every absent
    // field is (review h217, L10).
    let json = json_lines(&run(&["--json", "-"], Some(text)));
    assert_eq!(
        json[0]["recipients"][0]["original_recipient"],
        Value::from("team@example.org")
    );
    let direct = String::from_utf8_lossy(text).replace(" (expanded from <team@example.org>)", "");
    let out = run(&["--lang", "en", "-"], Some(direct.as_bytes()));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Original recipient"));
    let json = json_lines(&run(&["--json", "-"], Some(direct.as_bytes())));
    assert_eq!(
        json[0]["recipients"][0].get("original_recipient"),
        Some(&Value::Null)
    );
}

/// The advice in a terminal never sends the reader to "this page": without `--lookup` it names
/// the command that checks the blocked address, with it the report's own "Blocklist checks"
/// (here finding the address on Spamhaus). A refusal of the sending address that names no list
/// gets that step (a refusal naming a list gets the list's own checker instead). The address is a
/// public one (Google's 8.8.4.4, as above): a documentation address is never looked up, and the
/// steps about the check are then left out.
#[test]
fn the_report_names_ndr_doctor_lookup_not_this_page() {
    let path = data("ip-blocked.txt");
    let path = path.to_str().unwrap();
    let report = |args: &[&str]| stdout_of_success(&run(args, None));
    let en = report(&[path, "--lang", "en"]);
    assert!(en.contains("Blocked sending IP: 8.8.4.4"), "{en}");
    assert!(en.contains("Run `ndr-doctor lookup 8.8.4.4`"), "{en}");
    assert!(!en.contains("this page"), "{en}");
    let ja = report(&[path, "--lang", "ja"]);
    assert!(
        ja.contains("`ndr-doctor lookup 8.8.4.4` を実行して"),
        "{ja}"
    );
    assert!(!ja.contains("このページ"), "{ja}");

    let doh = FakeDoh::start(
        Config::new().fixture(Fixture::a("4.4.8.8.zen.spamhaus.org", &["127.0.0.2"])),
    )
    .unwrap();
    let resolver = doh.google_url();
    for lang in ["en", "ja"] {
        let checked = report(&[path, "--lang", lang, "--lookup", "--resolver", &resolver]);
        let (table, advice) = match lang {
            "ja" => ("ブロックリストの確認:", "上の「ブロックリストの確認」"),
            _ => ("Blocklist checks:", "\"Blocklist checks\" above"),
        };
        // The checks are printed before the advice that points up at them.
        let at_table = checked.find(table).unwrap_or_else(|| panic!("{checked}"));
        let at_advice = checked.find(advice).unwrap_or_else(|| panic!("{checked}"));
        assert!(at_table < at_advice, "{checked}");
        assert!(!checked.contains("ndr-doctor lookup"), "{checked}");
        assert!(
            !checked.contains("this page") && !checked.contains("このページ"),
            "{checked}"
        );
    }
}

/// Review h199 (own j01): the returned message's Date: is written in English; a Japanese report
/// keeps it as written and adds it in Japanese form beside it, an English report keeps it alone.
#[test]
fn the_sent_date_is_also_in_japanese_form_in_a_japanese_report() {
    let path = data("outlook-banned.eml");
    let report = |lang: &str| {
        let out = run(&[path.to_str().unwrap(), "--lang", lang], None);
        String::from_utf8(out.stdout).unwrap()
    };
    let ja = report("ja");
    assert!(
        ja.contains("送信日時: Tue, 24 Nov 2026 09:59:58 +0900（2026年11月24日 火曜日 09:59:58 日本時間）\n"),
        "{ja}"
    );
    let en = report("en");
    assert!(
        en.contains("Sent: Tue, 24 Nov 2026 09:59:58 +0900\n"),
        "{en}"
    );
}
