//! Where the texts' words live: in the binary (default), or, with the `split-texts` feature
//! (the web page), in one file per language that the page loads at run time.
//!
//! The page's visitor reads one language, so its wasm carries neither and downloads only
//! the file of the language shown (measured: -31 KiB gzip for a Japanese first visit, -35 for
//! an English one). With the feature, [`Text`] is an
//! index into the table of every `text!` literal that `build.rs` finds in this crate's
//! sources; `text!` looks its literal up while compiling, so a literal the scanner missed is a
//! compile error, never a missing text at run time.
//!
//! A file is `ndr-doctor-texts <lang> <count> <fingerprint>`, a newline, then the texts in
//! index order, each followed by a NUL (no text contains one). The fingerprint is the table's,
//! so a file from another build is refused rather than shown with shifted texts.
//!
//! The Japanese file then also holds the English of the `shared_text!` texts, in the order of
//! their indices, each followed by a NUL: a Japanese page renders the letters to operators that
//! answer only in English (Apple, Microsoft's delist team) in English, fill-ins included, and
//! must not load the English file for a few short texts (review 9, H1).
//!
//! [`Text`]: crate::Text

use crate::text::Lang;

/// A per-language file that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableError {
    /// It does not start with the texts header (an HTML error page, say).
    NotATextsFile,
    /// It is the other language's file.
    WrongLanguage,
    /// It was written for another build of the texts.
    OtherBuild,
    /// It holds fewer or more texts than its header says (cut short in transfer).
    WrongCount,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TableError::NotATextsFile => "not a texts file",
            TableError::WrongLanguage => "the texts file is for the other language",
            TableError::OtherBuild => "the texts file belongs to another build",
            TableError::WrongCount => "the texts file is incomplete",
        })
    }
}

impl std::error::Error for TableError {}

/// The name the per-language file is served under, next to the page: `texts.ja.txt`.
pub const fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "texts.ja.txt",
        Lang::En => "texts.en.txt",
    }
}

/// Whether the texts only live in per-language files (the `split-texts` feature).
pub const SPLIT: bool = cfg!(feature = "split-texts");

const MAGIC: &str = "ndr-doctor-texts";

/// The file of `lang` for `joined` (each text Japanese NUL English, in index order), with
/// the English of the `shared` indices at the end of the Japanese file.
/// Used by the `texts` example, which writes the web bundle's files.
#[doc(hidden)]
pub fn encode(lang: Lang, joined: &[&str], shared: &[u16], fingerprint: &str) -> String {
    fn side(text: &str, lang: Lang) -> &str {
        let (ja, en) = text.split_once('\0').unwrap_or((text, text));
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
    let mut out = format!("{MAGIC} {} {} {fingerprint}\n", lang.code(), joined.len());
    for text in joined {
        out.push_str(side(text, lang));
        out.push('\0');
    }
    if lang == Lang::Ja {
        for text in shared.iter().filter_map(|&i| joined.get(usize::from(i))) {
            out.push_str(side(text, Lang::En));
            out.push('\0');
        }
    }
    out
}

/// How many texts the file of `lang` holds past the table's: the shared English, in the
/// Japanese file only.
#[cfg_attr(not(any(test, feature = "split-texts")), allow(dead_code))]
const fn extra(lang: Lang, shared: usize) -> usize {
    match lang {
        Lang::Ja => shared,
        Lang::En => 0,
    }
}

/// The texts of a file, checked against the language, count and fingerprint expected.
#[cfg_attr(not(any(test, feature = "split-texts")), allow(dead_code))]
fn decode<'a>(
    lang: Lang,
    file: &'a str,
    count: usize,
    shared: usize,
    fingerprint: &str,
) -> Result<Vec<&'a str>, TableError> {
    let (header, body) = file.split_once('\n').ok_or(TableError::NotATextsFile)?;
    let mut fields = header.split(' ');
    if fields.next() != Some(MAGIC) {
        return Err(TableError::NotATextsFile);
    }
    if fields.next() != Some(lang.code()) {
        return Err(TableError::WrongLanguage);
    }
    let said: Option<usize> = fields.next().and_then(|n| n.parse().ok());
    if fields.next() != Some(fingerprint) || said != Some(count) {
        return Err(TableError::OtherBuild);
    }
    if count > 0 && !body.ends_with('\0') {
        return Err(TableError::WrongCount);
    }
    let texts: Vec<&str> = body.split_terminator('\0').collect();
    if texts.len() != count + extra(lang, shared) {
        return Err(TableError::WrongCount);
    }
    Ok(texts)
}

#[cfg(not(feature = "split-texts"))]
mod imp {
    use super::{Lang, TableError};

    /// Nothing to do: the texts are compiled in.
    pub fn as_on_the_page() {}

    /// Always: the texts are compiled in.
    pub fn loaded(_lang: Lang) -> bool {
        true
    }

    /// Nothing to do: the texts are compiled in.
    pub fn install(_lang: Lang, _file: String) -> Result<(), TableError> {
        Ok(())
    }
}

#[cfg(feature = "split-texts")]
mod imp {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::OnceLock;

    use super::{decode, Lang, TableError};

    /// Generated by `build.rs`: `COUNT`, `FINGERPRINT`, `JOINED` and `SHARED`.
    mod generated {
        include!(concat!(env!("OUT_DIR"), "/texts.rs"));
    }

    /// The index of `joined` in the table. Only `text!` calls it, in a `const`, so it runs
    /// while compiling and a literal the scanner missed stops the build.
    pub const fn index_of(joined: &str) -> u16 {
        let key = joined.as_bytes();
        let table = generated::JOINED;
        let (mut lo, mut hi) = (0, table.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match compare(table[mid].as_bytes(), key) {
                0 => return mid as u16,
                c if c < 0 => lo = mid + 1,
                _ => hi = mid,
            }
        }
        panic!("build.rs did not find this text! literal in the sources (see build/scan.rs)")
    }

    /// Byte order, as `build.rs` sorted the table; `const`, which `Ord` is not.
    const fn compare(a: &[u8], b: &[u8]) -> i32 {
        let mut i = 0;
        while i < a.len() && i < b.len() {
            if a[i] != b[i] {
                return a[i] as i32 - b[i] as i32;
            }
            i += 1;
        }
        a.len() as i32 - b.len() as i32
    }

    /// One table per language, each installed once for the page's life.
    static TABLES: [OnceLock<Vec<&'static str>>; 2] = [OnceLock::new(), OnceLock::new()];

    const fn slot(lang: Lang) -> usize {
        match lang {
            Lang::Ja => 0,
            Lang::En => 1,
        }
    }

    /// Set by [`as_on_the_page`]: natively, install only what is installed explicitly.
    static ONLY_INSTALLED: AtomicBool = AtomicBool::new(false);

    pub fn as_on_the_page() {
        ONLY_INSTALLED.store(true, Ordering::Relaxed);
    }

    fn table(lang: Lang) -> Option<&'static [&'static str]> {
        let slot = &TABLES[slot(lang)];
        // Natively (tests, tools) the literals are at hand: install them through the same
        // file format, so tests exercise the path the page takes. The wasm has no literals.
        #[cfg(not(target_family = "wasm"))]
        if slot.get().is_none() && !ONLY_INSTALLED.load(Ordering::Relaxed) {
            let _ = install(lang, file(lang));
        }
        slot.get().map(Vec::as_slice)
    }

    /// The file of `lang` for this build, as the `texts` example writes it.
    #[cfg(not(target_family = "wasm"))]
    pub fn file(lang: Lang) -> String {
        super::encode(
            lang,
            generated::JOINED,
            generated::SHARED,
            generated::FINGERPRINT,
        )
    }

    pub fn loaded(lang: Lang) -> bool {
        table(lang).is_some()
    }

    pub fn install(lang: Lang, file: String) -> Result<(), TableError> {
        let slot = &TABLES[slot(lang)];
        if slot.get().is_some() {
            return Ok(());
        }
        let shared = generated::SHARED.len();
        // Checked before it is kept: a bad file is dropped, not leaked.
        decode(
            lang,
            &file,
            generated::COUNT,
            shared,
            generated::FINGERPRINT,
        )?;
        // Kept for the page's life (at most once per language), so texts stay `&'static`.
        let file: &'static str = Box::leak(file.into_boxed_str());
        let texts = decode(lang, file, generated::COUNT, shared, generated::FINGERPRINT)?;
        let _ = slot.set(texts);
        Ok(())
    }

    /// The text at `index` in `lang`; empty when that language is not loaded, which the
    /// page checks with [`loaded`] before it shows advice. The English of a shared text comes
    /// from the Japanese file when the English one is not loaded.
    pub fn text(lang: Lang, index: u16) -> &'static str {
        if let Some(text) = table(lang).and_then(|t| t.get(usize::from(index))) {
            return text;
        }
        let shared = match lang {
            Lang::En => generated::SHARED.binary_search(&index).ok(),
            Lang::Ja => None,
        };
        shared
            .and_then(|k| table(Lang::Ja)?.get(generated::COUNT + k))
            .copied()
            .unwrap_or("")
    }
}

/// Whether the texts of `lang` can be shown: always without `split-texts`; with it, once
/// [`install`] took that language's file.
pub fn loaded(lang: Lang) -> bool {
    imp::loaded(lang)
}

/// Installs the file of `lang` (see the module docs); does nothing when that language is
/// already installed or the texts are compiled in.
pub fn install(lang: Lang, file: String) -> Result<(), TableError> {
    imp::install(lang, file)
}

/// For tests of the page's path: from now on, natively too, a language's texts are there only
/// once [`install`] took its file, as in the wasm (by default native code installs the
/// compiled-in literals on first use). For the whole process; call it before any text is read.
#[doc(hidden)]
pub fn as_on_the_page() {
    imp::as_on_the_page()
}

/// The file of `lang` for this build, as the web bundle holds it (for tests and tools).
#[cfg(all(feature = "split-texts", not(target_family = "wasm")))]
#[doc(hidden)]
pub use imp::file;

#[cfg(feature = "split-texts")]
#[doc(hidden)]
pub use imp::index_of;

#[cfg(feature = "split-texts")]
pub(crate) use imp::text;

#[cfg(test)]
mod tests {
    use super::*;

    const JOINED: &[&str] = &["", "あ\0a", "複数行\n\0two\nlines", "空\0"];

    #[test]
    fn a_file_reads_back_in_index_order() {
        for lang in [Lang::Ja, Lang::En] {
            let file = encode(lang, JOINED, &[], "f00d");
            let texts = decode(lang, &file, 4, 0, "f00d").unwrap();
            let want: Vec<&str> = match lang {
                Lang::Ja => vec!["", "あ", "複数行\n", "空"],
                Lang::En => vec!["", "a", "two\nlines", ""],
            };
            assert_eq!(texts, want);
        }
        assert_eq!(
            encode(Lang::En, JOINED, &[1, 2], "f00d"),
            "ndr-doctor-texts en 4 f00d\n\0a\0two\nlines\0\0"
        );
    }

    #[test]
    fn the_japanese_file_ends_with_the_shared_english() {
        let ja = encode(Lang::Ja, JOINED, &[1, 2], "f00d");
        assert_eq!(
            ja,
            "ndr-doctor-texts ja 4 f00d\n\0あ\0複数行\n\0空\0a\0two\nlines\0"
        );
        let texts = decode(Lang::Ja, &ja, 4, 2, "f00d").unwrap();
        assert_eq!(texts, ["", "あ", "複数行\n", "空", "a", "two\nlines"]);
        // Without its tail (a file written before the shared texts), it is incomplete.
        let old = encode(Lang::Ja, JOINED, &[], "f00d");
        assert_eq!(
            decode(Lang::Ja, &old, 4, 2, "f00d"),
            Err(TableError::WrongCount)
        );
    }

    #[test]
    fn a_wrong_file_is_refused() {
        let en = encode(Lang::En, JOINED, &[], "f00d");
        let cut = &en[..en.len() - 1];
        for (file, lang, count, fingerprint, want) in [
            (
                "<!doctype html>\n<p>Not found",
                Lang::En,
                4,
                "f00d",
                TableError::NotATextsFile,
            ),
            ("", Lang::En, 4, "f00d", TableError::NotATextsFile),
            (en.as_str(), Lang::Ja, 4, "f00d", TableError::WrongLanguage),
            (en.as_str(), Lang::En, 4, "beef", TableError::OtherBuild),
            (en.as_str(), Lang::En, 5, "f00d", TableError::OtherBuild),
            (cut, Lang::En, 4, "f00d", TableError::WrongCount),
            (
                "ndr-doctor-texts en 4 f00d\na\0b\0",
                Lang::En,
                4,
                "f00d",
                TableError::WrongCount,
            ),
        ] {
            assert_eq!(
                decode(lang, file, count, 0, fingerprint),
                Err(want),
                "{file:?}"
            );
        }
    }
}
