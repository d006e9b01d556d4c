//! The JavaScript API's logic, kept here (plain Rust) so it is tested natively; `main.rs`
//! only exports it through wasm-bindgen.

use ndr_playbooks::Lang;

/// The `Diagnosis` of `input` as JSON.
pub fn diagnose_json(input: &[u8]) -> String {
    let d = crate::charsets::diagnose(input);
    serde_json::to_string(&d).unwrap_or_else(|_| "null".to_string())
}

/// `{ "diagnosis": ..., "advice": ... }` for `input`, the advice in `lang` (English unless
/// `lang` names Japanese); `null` while that language's texts are not installed, rather than
/// advice with empty sentences.
pub fn advise_json(input: &[u8], lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    if !ndr_playbooks::tables::loaded(lang) {
        return "null".to_string();
    }
    let d = crate::charsets::diagnose(input);
    let advice = ndr_playbooks::advise(&d, lang);
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

    #[test]
    fn advise_json_is_in_the_asked_language() {
        let ja: serde_json::Value = serde_json::from_str(&advise_json(b"x", "ja-JP")).unwrap();
        let en: serde_json::Value = serde_json::from_str(&advise_json(b"x", "fr")).unwrap();
        assert_eq!(ja["advice"]["lang"], "ja");
        assert_eq!(en["advice"]["lang"], "en");
        assert!(ja["diagnosis"].is_object());
    }
}
