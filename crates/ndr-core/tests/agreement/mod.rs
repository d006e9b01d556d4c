//! Agreement of `diagnose` with a directory of bounces and the results Sisimai expects for them
//! (`expected.tsv`: file, index, status, replycode, reason, hardbounce), shared by the corpus
//! test and the `heldout` example so that both count alike.
//!
//! Recipients are matched by index (the n-th recipient Sisimai reports against ours); a file
//! holding an mbox of several bounces is split and read message by message, as Sisimai and
//! the CLI do.

use std::path::Path;

use ndr_core::{diagnose, Recipient};

pub struct Row {
    pub file: String,
    pub index: usize,
    pub status: String,
    pub reply: String,
    pub reason: String,
}

/// Figures over one directory; `misses` has one line per row that disagrees on any field.
pub struct Agreement {
    pub files: usize,
    pub rows: usize,
    pub ok_reason: usize,
    pub ok_status: usize,
    pub ok_reply: usize,
    pub misses: Vec<String>,
}

impl Agreement {
    pub fn pct(&self, k: usize) -> f64 {
        if self.rows == 0 {
            return 0.0;
        }
        100.0 * k as f64 / self.rows as f64
    }
}

pub fn rows(dir: &Path) -> Vec<Row> {
    let tsv = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv is readable");
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                file: c[0].to_string(),
                index: c[1].parse().expect("index is a number"),
                status: c.get(2).unwrap_or(&"").to_string(),
                reply: c.get(3).unwrap_or(&"").to_string(),
                reason: c.get(4).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

pub fn status_of(r: &Recipient) -> String {
    r.status
        .clone()
        .or_else(|| r.implied_status.clone())
        .unwrap_or_default()
}

/// Reads every file `expected.tsv` names under `dir` and compares field by field.
pub fn measure(dir: &Path) -> Agreement {
    let rows = rows(dir);
    let mut a = Agreement {
        files: 0,
        rows: rows.len(),
        ok_reason: 0,
        ok_status: 0,
        ok_reply: 0,
        misses: Vec::new(),
    };
    let mut current: Option<(String, Vec<Recipient>)> = None;
    for row in &rows {
        if current.as_ref().is_none_or(|(f, _)| *f != row.file) {
            // A missing file counts as a row with no recipient (a disagreement), not a stop:
            // a held-out directory may still be filling up.
            // The file name alone is tried too, for a directory laid out flat.
            let flat = Path::new(&row.file).file_name().map(|n| dir.join(n));
            let bytes = std::fs::read(dir.join(&row.file))
                .or_else(|e| flat.map_or(Err(e), std::fs::read))
                .unwrap_or_default();
            // A file may be an mbox of several bounces, read one by one as the CLI does.
            let recipients = ndr_core::mbox::split(&bytes)
                .into_iter()
                .flat_map(|m| diagnose(m).recipients)
                .collect();
            current = Some((row.file.clone(), recipients));
            a.files += 1;
        }
        let got = current.as_ref().and_then(|(_, r)| r.get(row.index - 1));
        let (reason, status, reply) = match got {
            Some(r) => (
                r.reason.name().to_string(),
                status_of(r),
                r.reply_code.clone().unwrap_or_default(),
            ),
            None => ("(none)".to_string(), String::new(), String::new()),
        };
        let mut miss = Vec::new();
        if reason == row.reason {
            a.ok_reason += 1;
        } else {
            miss.push(format!("reason {reason} != {}", row.reason));
        }
        if status == row.status {
            a.ok_status += 1;
        } else {
            miss.push(format!("status {status:?} != {:?}", row.status));
        }
        if reply == row.reply {
            a.ok_reply += 1;
        } else {
            miss.push(format!("reply {reply:?} != {:?}", row.reply));
        }
        if !miss.is_empty() {
            let diag = got
                .map(|r| r.diagnostic_text.chars().take(160).collect::<String>())
                .unwrap_or_default();
            a.misses.push(format!(
                "{} #{}: {} | {}",
                row.file,
                row.index,
                miss.join("; "),
                diag
            ));
        }
    }
    a
}
