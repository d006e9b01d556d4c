//! Bilingual text: one literal holds both languages, so a missing translation does not compile.

use serde::{Deserialize, Serialize};

/// A text the user can read, in Japanese and in English.
///
/// Both fields are required, so leaving one out is a compile error (E0063), not a runtime
/// surprise. Texts may contain `{placeholders}` that the renderer fills from the `Diagnosis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Japanese, です/ます調, written for a non-engineer.
    pub ja: &'static str,
    /// English, plain and calm.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

/// The language of the rendered advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English (the default when nothing better is known).
    #[default]
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: &'static [Lang] = &[Lang::Ja, Lang::En];

    /// The BCP 47 primary tag (`"ja"`, `"en"`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Parses one language tag: `ja`, `JA`, `ja-JP`, `ja_JP.UTF-8`, `en`, `en-US`, ...
    /// Returns `None` for any other language.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_', '.', ';'])
            .next()
            .unwrap_or("")
            .trim();
        if primary.eq_ignore_ascii_case("ja") || primary.eq_ignore_ascii_case("jp") {
            Some(Lang::Ja)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the first supported language of a browser's list, in preference order: an
    /// `Accept-Language` value (`"ja,en-US;q=0.9"`) or `navigator.languages` joined by commas.
    /// Entries with a `q` weight are ordered by it; `q=0` means "not wanted". Falls back to English.
    pub fn from_browser(list: &str) -> Lang {
        let mut best: Option<(u32, usize, Lang)> = None;
        for (index, item) in list.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("");
            let mut weight = 1000u32;
            for param in parts {
                let param = param.trim();
                if let Some(q) = param
                    .strip_prefix("q=")
                    .or_else(|| param.strip_prefix("Q="))
                {
                    weight = parse_q(q);
                }
            }
            let Some(lang) = Lang::parse(tag) else {
                continue;
            };
            if weight == 0 {
                continue;
            }
            // Higher weight wins; on a tie the earlier entry wins.
            let better = match best {
                None => true,
                Some((w, _, _)) => weight > w,
            };
            if better {
                best = Some((weight, index, lang));
            }
        }
        best.map_or(Lang::En, |(_, _, lang)| lang)
    }
}

/// `q` values have at most three decimals (RFC 9110 §12.4.2); read them as thousandths.
fn parse_q(q: &str) -> u32 {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    let int: u32 = match int {
        "1" => 1,
        "0" | "" => 0,
        _ => return 0,
    };
    let mut thousandths = 0u32;
    for (i, c) in frac.chars().take(3).enumerate() {
        let Some(d) = c.to_digit(10) else { return 0 };
        thousandths += d * 10u32.pow(2 - i as u32);
    }
    (int * 1000 + thousandths).min(1000)
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(s).ok_or(UnknownLang)
    }
}

/// The tag named neither Japanese nor English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownLang;

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unknown language (use \"ja\" or \"en\")")
    }
}

impl std::error::Error for UnknownLang {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        for (tag, want) in [
            ("ja", Some(Lang::Ja)),
            ("JA", Some(Lang::Ja)),
            ("ja-JP", Some(Lang::Ja)),
            ("ja_JP.UTF-8", Some(Lang::Ja)),
            (" en-US ", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("fr", None),
            ("", None),
            ("japanese", None),
        ] {
            assert_eq!(Lang::parse(tag), want, "{tag:?}");
        }
    }

    #[test]
    fn picks_from_browser_lists() {
        for (list, want) in [
            ("ja,en-US;q=0.9,en;q=0.8", Lang::Ja),
            ("en-US,en;q=0.9,ja;q=0.8", Lang::En),
            ("fr-FR,ja;q=0.5,en;q=0.4", Lang::Ja),
            ("en;q=0.2, ja;q=0.7", Lang::Ja),
            ("ja;q=0, en", Lang::En),
            ("de,fr", Lang::En),
            ("", Lang::En),
            ("ja;q=abc", Lang::En),
        ] {
            assert_eq!(Lang::from_browser(list), want, "{list:?}");
        }
    }
}
