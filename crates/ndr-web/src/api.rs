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
/// advice with empty sentences. Input that is not a bounce gets `"advice": null`, as the page
/// shows no playbook for it (the diagnosis's notes say why).
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
        let bounce = b"550 5.7.606 Access denied, banned sending IP [192.0.2.1].";
        let ja: serde_json::Value = serde_json::from_str(&advise_json(bounce, "ja-JP")).unwrap();
        let en: serde_json::Value = serde_json::from_str(&advise_json(bounce, "fr")).unwrap();
        assert_eq!(ja["advice"]["lang"], "ja");
        assert_eq!(en["advice"]["lang"], "en");
        assert!(ja["diagnosis"].is_object());
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
