//! Realistic sample bounces for "Try an example", anonymised with documentation-range IPs
//! and example domains, in English and Japanese, raw source and visible text.

use crate::i18n::Tr;

/// One sample: a stable id (used as a test id), its button label and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Stable id, used in `data-testid="sample-<id>"`.
    pub id: &'static str,
    /// The button label.
    pub label: Tr,
    /// The bounce.
    pub text: &'static str,
}

/// The samples, in the order the buttons appear.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "microsoft-5.7.606",
        label: Tr {
            ja: "Microsoft 365（5.7.606）",
            en: "Microsoft 365 (5.7.606)",
        },
        text: include_str!("../samples/microsoft-5.7.606.eml"),
    },
    Sample {
        id: "outlook-com-s3150",
        label: Tr {
            ja: "Outlook.com（S3150、日本語表示）",
            en: "Outlook.com (S3150, Japanese text)",
        },
        text: include_str!("../samples/outlook-com-s3150-ja.txt"),
    },
    Sample {
        id: "gmail-5.7.26",
        label: Tr {
            ja: "Gmail（5.7.26）",
            en: "Gmail (5.7.26)",
        },
        text: include_str!("../samples/gmail-5.7.26.eml"),
    },
    Sample {
        id: "spamhaus",
        label: Tr {
            ja: "Spamhaus（Postfix）",
            en: "Spamhaus (Postfix)",
        },
        text: include_str!("../samples/spamhaus-postfix.eml"),
    },
    Sample {
        id: "trendmicro-ers",
        label: Tr {
            ja: "Trend Micro ERS",
            en: "Trend Micro ERS",
        },
        text: include_str!("../samples/trendmicro-ers-ja.txt"),
    },
    Sample {
        id: "docomo-user-unknown",
        label: Tr {
            ja: "docomo（宛先不明）",
            en: "docomo (no such user)",
        },
        text: include_str!("../samples/docomo-user-unknown.eml"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples must never name a real network: only documentation ranges and example domains.
    #[test]
    fn samples_use_documentation_ips_only() {
        for s in SAMPLES {
            for word in s.text.split(|c: char| !(c.is_ascii_digit() || c == '.')) {
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
