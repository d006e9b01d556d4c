//! Multi-byte charsets (ISO-2022-JP, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, ...) decoded by the
//! browser's `TextDecoder`, so the wasm carries no encoding tables of its own.
//!
//! The page builds ndr-core without its `full_encoding` feature; these tables were about 130
//! KiB of the page's gzip size, and every browser (and every Web Worker, where large pastes
//! are read) already has them.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;

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
