//! Every charset but UTF-8 (ISO-2022-JP, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, Latin-1 and the
//! other single-byte charsets, UTF-16) decoded by the browser's `TextDecoder`, so the wasm
//! carries no encoding tables of its own.
//!
//! The page builds ndr-core without its `full_encoding` feature; these tables were about 130
//! KiB of the page's gzip size, and every browser (and every Web Worker, where large pastes
//! are read) already has them. The core asks only for text that is not plain ASCII.

/// `ndr_core::Charsets` through `TextDecoder`. Pass it to `ndr_core::diagnose_with`.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserCharsets;

impl ndr_core::Charsets for BrowserCharsets {
    #[cfg(target_arch = "wasm32")]
    fn decode(&self, charset: &str, bytes: &[u8]) -> Option<String> {
        // Not fatal: malformed bytes become U+FFFD, as the core's own decoders do. A label the
        // browser does not know throws a RangeError, which is `None` here.
        let decoder = web_sys::TextDecoder::new_with_label(charset).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }

    /// Native builds (`cargo test -p ndr-web`) have no browser: the core then reads such text
    /// as UTF-8 and says so in a note.
    #[cfg(not(target_arch = "wasm32"))]
    fn decode(&self, _charset: &str, _bytes: &[u8]) -> Option<String> {
        None
    }
}

/// The page's one way to diagnose: the core with the browser's charsets.
pub fn diagnose(input: &[u8]) -> ndr_core::Diagnosis {
    ndr_core::diagnose_with(input, &BrowserCharsets)
}

/// A dropped or picked file's text as the core reads bytes of no declared charset (a saved
/// Japanese body may be Shift_JIS, EUC-JP or ISO-2022-JP), with the charset chosen. The page
/// shows this text; the core is still given the bytes, so MIME charsets are read per part.
pub fn file_text(bytes: &[u8]) -> (&'static str, String) {
    ndr_core::read_undeclared(bytes, &BrowserCharsets)
}

/// Decodes the consecutive pieces of one input (the evidence view cuts it at byte spans) so
/// that together they read as the whole input decoded at once: a piece may end inside a
/// two-byte character, and ISO-2022-JP's shift state carries over from piece to piece.
pub struct PieceDecoder {
    /// `None` for UTF-8 (pasted text, and files that are UTF-8), cut without a decoder.
    #[cfg(target_arch = "wasm32")]
    decoder: Option<web_sys::TextDecoder>,
}

impl PieceDecoder {
    /// A decoder for text in `charset` (a WHATWG name, as [`file_text`] returns).
    pub fn new(charset: &str) -> PieceDecoder {
        #[cfg(target_arch = "wasm32")]
        {
            let decoder = match charset {
                "" | "utf-8" => None,
                label => web_sys::TextDecoder::new_with_label(label).ok(),
            };
            PieceDecoder { decoder }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = charset;
            PieceDecoder {}
        }
    }

    /// The text of the next piece. `more` says the next piece follows on directly; at the end
    /// of a stretch (`false`) a character left incomplete becomes U+FFFD and the state resets.
    pub fn piece(&mut self, bytes: &[u8], more: bool) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(decoder) = &self.decoder {
            let options = web_sys::TextDecodeOptions::new();
            options.set_stream(more);
            if let Ok(text) = decoder.decode_with_u8_array_and_options(bytes, &options) {
                return text;
            }
        }
        let _ = more;
        // A cut through a multi-byte character shows U+FFFD instead of panicking.
        String::from_utf8_lossy(bytes).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

    /// A stand-in for the browser: Shift_JIS reads these bytes cleanly, EUC-JP does not. (The
    /// hook is asked first, so the result is the same with or without the core's own tables.)
    struct Japanese;

    impl ndr_core::Charsets for Japanese {
        fn decode(&self, charset: &str, _bytes: &[u8]) -> Option<String> {
            match charset {
                "iso-2022-jp" => Some("宛先".into()),
                "shift_jis" => Some("宛先不明".into()),
                "euc-jp" => Some("\u{fffd}\u{fffd}".into()),
                _ => None,
            }
        }
    }

    #[test]
    fn undeclared_bytes_are_read_as_the_core_reads_them() {
        let read = |b: &[u8]| ndr_core::read_undeclared(b, &Japanese);
        assert_eq!(read("宛先".as_bytes()), ("utf-8", "宛先".to_string()));
        assert_eq!(
            read(b"\x88\xb6\x90\xe6"),
            ("shift_jis", "宛先不明".to_string())
        );
        // ISO-2022-JP's escapes: that charset before any other.
        assert_eq!(
            read(b"\x1b$B08@h\x1b(B"),
            ("iso-2022-jp", "宛先".to_string())
        );
        struct Nobody;
        impl ndr_core::Charsets for Nobody {
            fn decode(&self, _: &str, _: &[u8]) -> Option<String> {
                None
            }
        }
        // A byte order mark decides first; UTF-16 needs no tables (the page has none).
        assert_eq!(
            ndr_core::read_undeclared(b"\xFF\xFEa\0\xC6\x5B", &Nobody),
            ("utf-16le", "a\u{5bc6}".to_string())
        );
        assert_eq!(
            ndr_core::read_undeclared(b"\xFE\xFF\0a", &Nobody),
            ("utf-16be", "a".to_string())
        );
        assert_eq!(
            ndr_core::read_undeclared(b"\xEF\xBB\xBF\xe5\xae\x9b", &Nobody),
            ("utf-8", "宛".to_string())
        );
        // With or without the core's own tables: a lone lead byte does not read cleanly.
        assert_eq!(
            ndr_core::read_undeclared(b"caf\xe9", &Nobody),
            ("windows-1252", "caf\u{e9}".to_string())
        );
    }

    /// Natively there is no TextDecoder. The core then decodes with its own tables when a
    /// workspace build turned them on (ndr-doctor does), and otherwise says so in a note, for
    /// which the page has words; it never reads the text garbled without a word. (The browser
    /// test `app-charsets.test.mjs` checks the decoding through TextDecoder.)
    #[test]
    fn without_a_browser_the_text_is_decoded_or_noted() {
        // Body in ISO-2022-JP: "宛先".
        let d = diagnose(
            b"From: MAILER-DAEMON@example.jp\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n\n\x1b$B08@h\x1b(B: <a@example.org> 550 5.1.1 User unknown\n",
        );
        let noted = d
            .notes
            .iter()
            .any(|n| n.id == "charset_not_decoded" && n.detail == "iso-2022-jp");
        let decoded = d
            .recipients
            .iter()
            .any(|r| r.diagnostic_text.contains("宛先"));
        assert!(noted != decoded, "noted {noted}, decoded {decoded}: {d:?}");
        let text = i18n::note_text("charset_not_decoded");
        assert_ne!(text.en, i18n::note_text("no such note").en);
        assert_ne!(text.ja, i18n::note_text("no such note").ja);
    }
}
