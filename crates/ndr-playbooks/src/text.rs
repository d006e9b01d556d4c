//! Bilingual text: one literal holds both languages, so a missing translation does not compile.

use serde::{Deserialize, Serialize};

/// A text the user can read, in Japanese and in English.
///
/// Written with [`text!`](crate::text!) as `text! { ja: "…", en: "…" }`: both languages are
/// required, so leaving one out is a compile error, not a runtime surprise. Texts may contain
/// `{placeholders}` that the renderer fills from the `Diagnosis`.
///
/// Both languages are kept in one string, Japanese, a NUL, then English: the page's wasm
/// holds about a thousand of these, and a pointer and a length per language cost more than
/// the texts' own bytes once gzipped (one string instead of two: -5.3 KiB gzip on the page).
/// With the `split-texts` feature (the web page) a `Text` is instead an index into tables
/// loaded at run time, one per language (see [`tables`](crate::tables)).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Japanese (です/ます調, written for a non-engineer), `SEPARATOR`, English (plain and calm).
    #[cfg(not(feature = "split-texts"))]
    joined: &'static str,
    /// The joined literal's place in the table `build.rs` writes.
    #[cfg(feature = "split-texts")]
    index: u16,
}

/// Between the Japanese and the English of a [`Text`]; no text contains it.
#[cfg(not(feature = "split-texts"))]
const SEPARATOR: u8 = 0;

/// `text! { ja: "…", en: "…" }`: a [`Text`], checked while compiling.
///
/// Each side is a string literal or a `concat!` of them. A side that contains a NUL fails to
/// compile, so the two languages always split where they were joined.
///
/// ```
/// let t = ndr_playbooks::text! { ja: "届きませんでした", en: "Not delivered" };
/// assert_eq!(t.get(ndr_playbooks::Lang::En), "Not delivered");
/// ```
///
/// A missing language does not compile:
///
/// ```compile_fail
/// let t = ndr_playbooks::text! { ja: "届きませんでした" };
/// ```
///
/// Nor does a NUL, which would move the split:
///
/// ```compile_fail
/// let t = ndr_playbooks::text! { ja: "a\0b", en: "c" };
/// ```
#[cfg(not(feature = "split-texts"))]
#[macro_export]
macro_rules! text {
    { ja: $ja:expr, en: $en:expr $(,)? } => {{
        const JOINED: $crate::Text = $crate::Text::joined(concat!($ja, "\0", $en));
        JOINED
    }};
}

/// `text! { ja: "…", en: "…" }`: a [`Text`], checked while compiling.
///
/// With `split-texts`: the index of the joined literal in the table `build.rs` writes,
/// looked up in a `const`, so a literal the scanner did not find fails to compile.
#[cfg(feature = "split-texts")]
#[macro_export]
macro_rules! text {
    { ja: $ja:expr, en: $en:expr $(,)? } => {{
        const INDEX: $crate::Text =
            $crate::Text::at($crate::tables::index_of(concat!($ja, "\0", $en)));
        INDEX
    }};
}

/// `shared_text! { ja: "…", en: "…" }`: a [`Text`] whose English the Japanese file of the
/// split texts carries too. For the fill-ins of the English-only letters (to Apple, to
/// Microsoft's delist team): a Japanese page renders those letters in English and has loaded
/// only the Japanese file. `build/scan.rs` lists these apart; without `split-texts` it is `text!`.
macro_rules! shared_text {
    ($($text:tt)*) => {
        $crate::text! { $($text)* }
    };
}

#[cfg(not(feature = "split-texts"))]
impl Text {
    /// Use [`text!`](crate::text!): it joins the two sides. Panics (at compile time, since
    /// the macro evaluates it in a `const`) unless `joined` holds exactly one separator.
    #[doc(hidden)]
    pub const fn joined(joined: &'static str) -> Text {
        let bytes = joined.as_bytes();
        let mut seen = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == SEPARATOR {
                seen += 1;
            }
            i += 1;
        }
        assert!(seen == 1, "a text must not contain a NUL");
        Text { joined }
    }

    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        let bytes = self.joined.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i] != SEPARATOR {
            i += 1;
        }
        // The separator is ASCII, so both sides of it are character boundaries.
        let (ja, en) = match self.joined.split_at_checked(i) {
            Some((ja, rest)) => match rest.split_at_checked(1) {
                Some((_, en)) => (ja, en),
                None => (ja, ja),
            },
            None => (self.joined, self.joined),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// The Japanese text.
    pub const fn ja(&self) -> &'static str {
        self.get(Lang::Ja)
    }

    /// The English text.
    pub const fn en(&self) -> &'static str {
        self.get(Lang::En)
    }
}

#[cfg(feature = "split-texts")]
impl Text {
    /// Use [`text!`](crate::text!): it finds the index while compiling.
    #[doc(hidden)]
    pub const fn at(index: u16) -> Text {
        Text { index }
    }

    /// The text in `lang`; empty until that language's table is installed
    /// ([`tables::loaded`](crate::tables::loaded)).
    pub fn get(&self, lang: Lang) -> &'static str {
        crate::tables::text(lang, self.index)
    }

    /// The Japanese text.
    pub fn ja(&self) -> &'static str {
        self.get(Lang::Ja)
    }

    /// The English text.
    pub fn en(&self) -> &'static str {
        self.get(Lang::En)
    }
}

/// Prints the two languages as separate fields, as the struct had them before they were joined.
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text")
            .field("ja", &self.ja())
            .field("en", &self.en())
            .finish()
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

    /// What goes between two sentences joined into one paragraph: nothing after a Japanese
    /// "。", a space in English.
    pub(crate) const fn sentence_gap(self) -> &'static str {
        match self {
            Lang::Ja => "",
            Lang::En => " ",
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
    fn a_text_splits_where_it_was_joined() {
        let t = text! { ja: "日本語の{ip}", en: concat!("English ", "{ip}") };
        assert_eq!(t.get(Lang::Ja), "日本語の{ip}");
        assert_eq!(t.get(Lang::En), "English {ip}");
        assert_eq!((t.ja(), t.en()), ("日本語の{ip}", "English {ip}"));
        let empty = text! { ja: "", en: "" };
        assert_eq!((empty.ja(), empty.en()), ("", ""));
        assert_eq!(
            format!("{t:?}"),
            r#"Text { ja: "日本語の{ip}", en: "English {ip}" }"#
        );
    }

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
