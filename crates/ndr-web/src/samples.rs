//! Realistic sample bounces for "Try an example", anonymised with documentation-range IPs
//! and example domains, in English and Japanese, raw source and visible text.
//!
//! The wasm carries their names only: the texts are files next to the page (Trunk copies
//! `crates/ndr-web/samples` to `samples/`, see index.html), fetched when a sample is chosen.
//! A first visit does not download them (-1.3 KiB gzip on the page).

use yew::Callback;

use crate::i18n::Tr;
use crate::state::Action;

/// One sample: a stable id (used as a test id), its button label and its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Stable id, used in `data-testid="sample-<id>"`.
    pub id: &'static str,
    /// The button label.
    pub label: Tr,
    /// The bounce's file in `crates/ndr-web/samples`, served under `samples/`.
    pub file: &'static str,
}

/// Fetches the sample and hands it to the page (`LoadSample`), or says it could not.
pub fn load(sample: &Sample, on_action: Callback<Action>) {
    let url = format!("samples/{}", sample.file);
    wasm_bindgen_futures::spawn_local(async move {
        on_action.emit(match fetch(&url).await {
            Some(text) => Action::LoadSample(text),
            None => Action::SampleFailed,
        });
    });
}

/// The file's text; `None` when it could not be fetched. Relative to the page's address, so
/// the page works from any sub-path.
async fn fetch(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// The samples, in the order the buttons appear.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "microsoft-5.7.606",
        label: Tr {
            ja: "Microsoft 365（5.7.606）",
            en: "Microsoft 365 (5.7.606)",
        },
        file: "microsoft-5.7.606.eml",
    },
    Sample {
        id: "outlook-com-s3150",
        label: Tr {
            ja: "Outlook.com（S3150、日本語表示）",
            en: "Outlook.com (S3150, Japanese text)",
        },
        file: "outlook-com-s3150-ja.txt",
    },
    Sample {
        id: "gmail-5.7.26",
        label: Tr {
            ja: "Gmail（5.7.26）",
            en: "Gmail (5.7.26)",
        },
        file: "gmail-5.7.26.eml",
    },
    Sample {
        id: "spamhaus",
        label: Tr {
            ja: "Spamhaus（Postfix）",
            en: "Spamhaus (Postfix)",
        },
        file: "spamhaus-postfix.eml",
    },
    Sample {
        id: "trendmicro-ers",
        label: Tr {
            // The party's name as results show it (review 9, L5).
            ja: "トレンドマイクロ（ERS）",
            en: "Trend Micro (ERS)",
        },
        file: "trendmicro-ers-ja.txt",
    },
    Sample {
        id: "docomo-user-unknown",
        label: Tr {
            ja: "docomo（宛先不明）",
            en: "docomo (no such user)",
        },
        file: "docomo-user-unknown.eml",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sample: &Sample) -> String {
        let path = format!("{}/samples/{}", env!("CARGO_MANIFEST_DIR"), sample.file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Every sample's file is there, and it is a bounce the core reads.
    #[test]
    fn every_sample_file_is_a_bounce() {
        for s in SAMPLES {
            let d = ndr_core::diagnose(text(s).as_bytes());
            assert!(!d.is_not_a_bounce(), "{}", s.id);
        }
    }

    /// Samples must never name a real network: only documentation ranges and example domains.
    #[test]
    fn samples_use_documentation_ips_only() {
        for s in SAMPLES {
            for word in text(s).split(|c: char| !(c.is_ascii_digit() || c == '.')) {
                let parts: Vec<&str> = word.trim_matches('.').split('.').collect();
                if parts.len() != 4 || parts.iter().any(|p| p.parse::<u8>().is_err()) {
                    continue;
                }
                let ip = parts.join(".");
                assert!(
                    ip.starts_with("192.0.2.")
                        || ip.starts_with("198.51.100.")
                        || ip.starts_with("203.0.113."),
                    "{}: {ip}",
                    s.id
                );
            }
        }
    }

    #[test]
    fn sample_ids_are_unique() {
        for (i, a) in SAMPLES.iter().enumerate() {
            assert!(SAMPLES[i + 1..].iter().all(|b| b.id != a.id));
        }
    }
}
