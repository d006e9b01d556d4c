//! The project's own bounces (`test_data/bounces/<party>-<nn>.eml|txt`), each next to the
//! pretty JSON of its whole `Diagnosis` (`<party>-<nn>.json`).
//!
//! Bless after an intended change with:
//!
//!     UPDATE_EXPECT=1 cargo test -p ndr-core --test bounces
//!
//! and read the diff of the `.json` files before committing it.

use std::path::{Path, PathBuf};

use ndr_core::diagnose;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/bounces");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("test_data/bounces is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("eml" | "txt")))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

#[test]
fn bounces() {
    for case in cases() {
        let input = std::fs::read(&case).expect("fixture is readable");
        let mut actual =
            serde_json::to_string_pretty(&diagnose(&input)).expect("Diagnosis serialises");
        actual.push('\n');
        expect_test::expect_file![case.with_extension("json")].assert_eq(&actual);
    }
}

/// Every evidence span points at the text it claims in the original bytes (up to the CR of
/// CRLF line ends, which decoding removes).
#[test]
fn evidence_spans_are_verbatim() {
    for case in cases() {
        let input = std::fs::read(&case).expect("fixture is readable");
        let d = diagnose(&input);
        for e in &d.evidence {
            if let Some((start, end)) = e.span {
                let spanned: Option<Vec<u8>> = input
                    .get(start..end)
                    .map(|b| b.iter().copied().filter(|&c| c != b'\r').collect());
                let claimed: Vec<u8> = e.text.bytes().filter(|&c| c != b'\r').collect();
                assert_eq!(
                    spanned,
                    Some(claimed),
                    "{}: evidence for {} does not match its span",
                    case.display(),
                    e.field
                );
            }
        }
    }
}

/// Fixtures only use documentation addresses, so any blocked IP found is one.
#[test]
fn fixtures_use_documentation_addresses() {
    for case in cases() {
        let d = diagnose(&std::fs::read(&case).expect("fixture is readable"));
        if let (Some(ip), Some(scope)) = (&d.blocked_ip, d.blocked_ip_scope) {
            let expected_non_doc = ip.starts_with("10.");
            assert!(
                scope == ndr_core::IpScope::Documentation || expected_non_doc,
                "{}: {ip} is {scope:?}",
                case.display()
            );
        }
    }
}
