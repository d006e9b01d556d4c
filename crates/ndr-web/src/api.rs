//! The JavaScript API's logic, kept here (plain Rust) so it is tested natively; `main.rs`
//! only exports it through wasm-bindgen.

use ndr_playbooks::{Lang, Medium};

/// The `Diagnosis` of `input` as JSON.
pub fn diagnose_json(input: &[u8]) -> String {
    let d = crate::charsets::diagnose(input);
    serde_json::to_string(&d).unwrap_or_else(|_| "null".to_string())
}

/// `{ "diagnosis": ..., "advice": ... }` for `input`, the advice in `lang` (English unless
/// `lang` names Japanese); `null` while that language's texts are not installed, rather than
/// advice with empty sentences. Input that is not a bounce gets `"advice": null`, as the page
/// shows no playbook for it (the diagnosis's notes say why). The advice is worded for a page that
/// is not NDR Doctor's (`Medium::Api`): the caller runs no blocklist check and may have no box
/// to paste a notice into, so no step points at "this page" or at `ndr-doctor`.
pub fn advise_json(input: &[u8], lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    if !ndr_playbooks::tables::loaded(lang) {
        return "null".to_string();
    }
    let d = crate::charsets::diagnose(input);
    if d.is_not_a_bounce() {
        return match serde_json::to_string(&d) {
            Ok(d) => format!("{{\"diagnosis\":{d},\"advice\":null}}"),
            Err(_) => "null".to_string(),
        };
    }
    let advice = ndr_playbooks::advise_in(&d, &[], &[], lang, Medium::Api);
    // Written around the two serialisations rather than through `serde_json::json!`, whose
    // `Value` detour compiles a second serialiser for every type in them.
    match (serde_json::to_string(&d), serde_json::to_string(&advice)) {
        (Ok(d), Ok(a)) => format!("{{\"diagnosis\":{d},\"advice\":{a}}}"),
        _ => "null".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnose_json_has_the_contract_fields() {
        let json = diagnose_json(b"550 5.7.606 Access denied, banned sending IP [192.0.2.1].");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for field in [
            "recipients",
            "reason",
            "blocked_ip",
            "blocking_party",
            "evidence",
            "notes",
        ] {
            assert!(v.get(field).is_some(), "{field} missing in {json}");
        }
    }

    /// Task h215: Gmail's spam refusal names the connecting client without blocking it; the
    /// JSON carries it as `sending_ip`, and `blocked_ip` stays null.
    #[test]
    fn diagnose_json_has_the_sending_ip_apart_from_the_blocked_one() {
        let json = diagnose_json(
            b"550-5.7.1 [192.0.2.33      12] Our system has detected that this message is
            550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,
            550-5.7.1 this message has been blocked. Please visit
            550 5.7.1  https://support.google.com/mail/answer/188131 for more information.             q5si2166wmb.87 - gsmtp
",
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["sending_ip"], "192.0.2.33", "{json}");
        assert_eq!(v["sending_ip_scope"], "documentation", "{json}");
        assert!(v["blocked_ip"].is_null(), "{json}");
        let blocked = diagnose_json(b"550 5.7.606 Access denied, banned sending IP [192.0.2.1].");
        let v: serde_json::Value = serde_json::from_str(&blocked).unwrap();
        assert_eq!(v["sending_ip"], v["blocked_ip"], "{blocked}");
    }

    #[test]
    fn advise_json_is_in_the_asked_language() {
        let bounce = b"550 5.7.606 Access denied, banned sending IP [192.0.2.1].";
        let ja: serde_json::Value = serde_json::from_str(&advise_json(bounce, "ja-JP")).unwrap();
        let en: serde_json::Value = serde_json::from_str(&advise_json(bounce, "fr")).unwrap();
        assert_eq!(ja["advice"]["lang"], "ja");
        assert_eq!(en["advice"]["lang"], "en");
        assert!(ja["diagnosis"].is_object());
    }

    /// The steps of `advise_json`'s advice, one text.
    fn steps(json: &str) -> String {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["advice"]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn names_the_page_or_the_cli(json: &str) -> bool {
        let lower = json.to_lowercase();
        lower.contains("this page") || json.contains("このページ") || lower.contains("ndr-doctor")
    }

    #[test]
    fn the_advice_names_neither_the_page_nor_the_cli() {
        // Microsoft's banned IP, a refusal that names no list and Google's refusal of mail sent
        // straight from an end-user address (its step about the Spamhaus PBL). The last two are
        // Google's public 8.8.4.4: a documentation address is never looked up, and the steps
        // about the blocklist check are then left out.
        let bounces: [&[u8]; 3] = [
            b"550 5.7.606 Access denied, banned sending IP [192.0.2.1].",
            b"<yuki@example.org>: host mx.example.org[203.0.113.5] said: 554 5.7.1 Service\n    \
            unavailable; Client host [8.8.4.4] blocked by local policy (in reply to RCPT TO \
            command)\n",
            b"<yuki@gmail.com>: host gmail-smtp-in.l.google.com[203.0.113.7] said: 550-5.7.1 \
            [8.8.4.4] The IP you're using to send mail is not authorized to send email directly \
            to our servers. Please use the SMTP relay at your service provider instead. For more \
            information, go to 550 5.7.1 https://support.google.com/mail/?p=NotAuthorizedError \
            x1si2 - gsmtp (in reply to end of DATA command)\n",
        ];
        for bounce in bounces {
            for lang in ["ja", "en"] {
                let json = advise_json(bounce, lang);
                assert!(!names_the_page_or_the_cli(&json), "{json}");
            }
        }
        // The two that point at a blocklist check point at Spamhaus's own lookup page instead.
        for bounce in &bounces[1..] {
            for lang in ["ja", "en"] {
                let steps = steps(&advise_json(bounce, lang));
                assert!(steps.contains("check.spamhaus.org"), "{steps}");
            }
        }
    }

    #[test]
    fn what_is_not_a_bounce_gets_no_advice() {
        let v: serde_json::Value =
            serde_json::from_str(&advise_json(b"Hello, see you on Monday.", "en")).unwrap();
        assert!(v["advice"].is_null(), "{v}");
        assert!(v["diagnosis"]["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "not_a_bounce"));
    }
}
