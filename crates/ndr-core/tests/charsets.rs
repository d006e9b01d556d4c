//! Multi-byte charsets through the `diagnose_with` hook read exactly as with the tables
//! compiled in.
//!
//! The web page builds ndr-core without `full_encoding` and hands ISO-2022-JP, Shift_JIS,
//! EUC-JP, GBK, EUC-KR, ... to the browser's `TextDecoder`. Here encoding_rs stands in for the
//! browser. Run both ways (`cargo xtask test` does):
//!
//!     cargo test -p ndr-core --test charsets
//!     cargo test -p ndr-core --no-default-features --test charsets
//!
//! Without the feature, every fixture must give the Diagnosis blessed in its `.json` (which
//! `tests/bounces.rs` checks against `diagnose` with the feature). With the feature, the hook
//! path must agree with `diagnose` on every fixture and on the Sisimai corpus.
#![cfg(not(target_arch = "wasm32"))]

mod fixtures;

use std::cell::RefCell;
use std::path::Path;
#[cfg(feature = "full_encoding")]
use std::path::PathBuf;

use ndr_core::{diagnose, diagnose_with, Charsets, Diagnosis};

/// The hook as a native host (or the browser) implements it: the WHATWG name in, text out,
/// no BOM sniffing (TextDecoder does none for these encodings), malformed bytes as U+FFFD.
#[derive(Default)]
struct EncodingRs {
    /// Every charset asked for, in order.
    asked: RefCell<Vec<String>>,
}

impl Charsets for EncodingRs {
    fn decode(&self, charset: &str, bytes: &[u8]) -> Option<String> {
        self.asked.borrow_mut().push(charset.to_string());
        let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())?;
        Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
}

/// A host that decodes nothing.
struct Nothing;

impl Charsets for Nothing {
    fn decode(&self, _charset: &str, _bytes: &[u8]) -> Option<String> {
        None
    }
}

fn pretty(d: &Diagnosis) -> String {
    let mut s = serde_json::to_string_pretty(d).expect("Diagnosis serialises");
    s.push('\n');
    s
}

/// The fixtures in each multi-byte charset, by the name the hook is asked for. Each must
/// exist, so that this test cannot pass by reading no such text at all.
const CHARSET_FIXTURES: &[(&str, &str)] = &[
    ("au-01.eml", "shift_jis"),
    ("docomo-01.eml", "iso-2022-jp"),
    ("docomo-04.eml", "euc-jp"),
    ("softbank-01.eml", "iso-2022-jp"),
    ("softbank-02.eml", "shift_jis"),
    ("spamcop-02.eml", "euc-kr"),
    ("spamhaus-20.eml", "gb18030"),
];

#[test]
fn every_fixture_reads_the_same_through_the_hook() {
    let mut mismatches = Vec::new();
    for case in fixtures::inputs() {
        let input = std::fs::read(&case).expect("fixture is readable");
        let host = EncodingRs::default();
        let actual = pretty(&diagnose_with(&input, &host));
        let blessed = std::fs::read_to_string(case.with_extension("json"))
            .expect("every fixture has its .json");
        if actual != blessed {
            mismatches.push(format!(
                "{}:\n{}",
                case.display(),
                first_difference(&blessed, &actual)
            ));
        }
        if cfg!(feature = "full_encoding") {
            assert_eq!(
                actual,
                pretty(&diagnose(&input)),
                "{}: diagnose_with differs from diagnose",
                case.display()
            );
        }
    }
    assert!(
        mismatches.is_empty(),
        "read differently through the hook than blessed:\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn the_hook_is_asked_for_each_multi_byte_charset() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    for (file, charset) in CHARSET_FIXTURES {
        let input = std::fs::read(dir.join(file)).expect("fixture is readable");
        let host = EncodingRs::default();
        let d = diagnose_with(&input, &host);
        let asked = host.asked.borrow();
        assert!(
            asked.iter().any(|a| a == charset),
            "{file}: the hook was asked for {asked:?}, not {charset}"
        );
        assert!(
            !d.notes.iter().any(|n| n.id == "charset_not_decoded"),
            "{file}: {:?}",
            d.notes
        );
        // The decoded text is in the Diagnosis: no replacement characters anywhere.
        let json = pretty(&d);
        assert!(!json.contains('\u{fffd}'), "{file}: U+FFFD in {json}");
    }
}

#[test]
fn a_host_that_cannot_decode_leaves_a_note_without_the_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    let input = std::fs::read(dir.join("docomo-01.eml")).expect("fixture is readable");
    let with_nothing = diagnose_with(&input, &Nothing);
    let plain = diagnose(&input);
    let noted = |d: &Diagnosis| {
        d.notes
            .iter()
            .any(|n| n.id == "charset_not_decoded" && n.detail == "iso-2022-jp")
    };
    if cfg!(feature = "full_encoding") {
        // The tables stand in for the host.
        assert_eq!(pretty(&with_nothing), pretty(&plain));
        assert!(!noted(&plain));
    } else {
        assert!(noted(&with_nothing), "{:?}", with_nothing.notes);
        assert!(noted(&plain), "{:?}", plain.notes);
        // Still read as far as the ASCII goes: the reply code and the recipient.
        assert_eq!(plain.smtp_code.as_deref(), Some("550"));
        assert_eq!(
            plain.recipients.first().map(|r| r.recipient.as_str()),
            Some("hanako.example@docomo.ne.jp")
        );
    }
}

/// Text pasted without headers in an undeclared Japanese charset goes to the hook too.
#[test]
fn undeclared_japanese_text_goes_to_the_hook() {
    let text = "次の宛先へのメールを配信できませんでした。\n\n<ichiro@example.org>: host mx.example.org[192.0.2.9] said: 550 5.1.1 <ichiro@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)\n";
    for charset in ["shift_jis", "euc-jp", "iso-2022-jp"] {
        let encoding = encoding_rs::Encoding::for_label(charset.as_bytes()).expect("known label");
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{charset}");
        let host = EncodingRs::default();
        let d = diagnose_with(&bytes, &host);
        assert!(
            host.asked.borrow().iter().any(|a| a == charset),
            "{charset}: asked {:?}",
            host.asked.borrow()
        );
        let r = d.recipients.first().expect("a recipient");
        assert_eq!(r.recipient, "ichiro@example.org", "{charset}");
        assert!(
            r.diagnostic_text.contains("User unknown"),
            "{charset}: {}",
            r.diagnostic_text
        );
        assert!(
            !pretty(&d).contains('\u{fffd}'),
            "{charset}: replacement characters in {}",
            pretty(&d)
        );
    }
}

/// With the tables compiled in, the hook path reads the whole Sisimai corpus as `diagnose`
/// does (the corpus has ISO-2022-JP, Shift_JIS and UTF-7 among much else).
#[cfg(feature = "full_encoding")]
#[test]
fn the_corpus_reads_the_same_through_the_hook() {
    let Some(dir) = corpus_dir() else {
        if std::env::var("NDR_ALLOW_NO_CORPUS").as_deref() == Ok("1") {
            eprintln!("corpus not found; skipped because NDR_ALLOW_NO_CORPUS=1");
            return;
        }
        panic!("Sisimai corpus not found (see tests/corpus.rs; NDR_ALLOW_NO_CORPUS=1 skips)");
    };
    let mut files = Vec::new();
    collect(&dir.join("maildir"), &mut files);
    assert!(!files.is_empty(), "no messages under {}", dir.display());
    let mut asked = 0;
    for file in &files {
        let input = std::fs::read(file).expect("corpus file is readable");
        let host = EncodingRs::default();
        assert_eq!(
            pretty(&diagnose_with(&input, &host)),
            pretty(&diagnose(&input)),
            "{}",
            file.display()
        );
        if !host.asked.borrow().is_empty() {
            asked += 1;
        }
    }
    eprintln!(
        "{} corpus files, {asked} of them through the hook",
        files.len()
    );
    assert!(asked >= 5, "only {asked} corpus files needed the hook");
}

#[cfg(feature = "full_encoding")]
fn corpus_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("NDR_SISIMAI_CORPUS") {
        return Some(PathBuf::from(p));
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/sisimai");
    p.join("expected.tsv").exists().then_some(p)
}

#[cfg(feature = "full_encoding")]
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("  line {}:\n  - {e}\n  + {a}", i + 1);
        }
    }
    format!(
        "  lengths differ: {} lines blessed, {} now",
        expected.lines().count(),
        actual.lines().count()
    )
}
