//! Charsets other than UTF-8 (ISO-2022-JP, Shift_JIS, EUC-JP, GBK, Big5, EUC-KR, Latin-1 and
//! the other single-byte charsets, UTF-16) decoded by the caller or by encoding_rs instead of
//! by tables of the core's own.
//!
//! encoding_rs's tables are about half of the web page's download, and every browser already
//! carries the same tables behind `TextDecoder`. So encoding_rs is the cargo feature
//! `full_encoding` (on by default, for the command line and the tests), and a build without it
//! asks a [`Charsets`] hook for every charset but UTF-8. Text whose bytes are all ASCII reads
//! the same in nearly every charset, so it is read in the core and the hook is not asked.

/// Decodes bytes in one of the charsets the core does not decode by itself.
///
/// The browser implements it with `TextDecoder`; native callers may use encoding_rs. The core
/// hands over bytes whose transfer encoding (base64, quoted-printable) is already undone.
pub trait Charsets {
    /// The text of `bytes` in `charset`, or `None` when this host cannot decode `charset`.
    ///
    /// `charset` is a name or label from the WHATWG Encoding Standard, lowercase, which both
    /// `TextDecoder` and `encoding_rs::Encoding::for_label` accept: the multi-byte charsets by
    /// their names (`shift_jis`, `euc-jp`, `iso-2022-jp`, `gbk`, `gb18030`, `big5`, `euc-kr`,
    /// `windows-874`, `ibm866`, `x-mac-cyrillic`, `x-user-defined`), the others by the label
    /// the message gives (`iso-8859-1`, `windows-1251`, `koi8-r`, `utf-16le`, ...). A label
    /// the host does not know is `None`. Malformed bytes should become U+FFFD, as both do by
    /// default.
    fn decode(&self, charset: &str, bytes: &[u8]) -> Option<String>;
}

/// Labels (lowercase, `-` written `_`) of the multi-byte charsets, and the WHATWG name each
/// stands for. Sorted by label; see `labels_are_sorted_and_known`.
///
/// The labels are those mail-parser 0.11 read (`src/decoders/charsets/map.rs`, the entries
/// that map to `multi_byte.rs`), so that bounces read as they did when it read them. The names
/// are the Encoding Standard's: <https://encoding.spec.whatwg.org/#names-and-labels>.
/// mail-parser reads `gb2312` as GB18030 and `gb_2312` as GBK; the two decoders are the same
/// in the Encoding Standard, so the difference does not show.
const LABELS: &[(&str, &str)] = &[
    ("866", "ibm866"),
    ("big5", "big5"),
    ("big5_hkscs", "big5"),
    ("chinese", "gbk"),
    ("cn_big5", "big5"),
    ("cp866", "ibm866"),
    ("cp936", "gbk"),
    ("csbig5", "big5"),
    ("cseuckr", "euc-kr"),
    ("cseucpkdfmtjapanese", "euc-jp"),
    ("csgb18030", "gb18030"),
    ("csgb2312", "gbk"),
    ("csgbk", "gbk"),
    ("csibm866", "ibm866"),
    ("csiso2022jp", "iso-2022-jp"),
    ("csiso2022kr", REPLACEMENT),
    ("csiso58gb231280", "gbk"),
    ("csksc56011987", "euc-kr"),
    ("csshiftjis", "shift_jis"),
    ("cswindows874", "windows-874"),
    ("dos_874", "windows-874"),
    ("euc_jp", "euc-jp"),
    ("euc_kr", "euc-kr"),
    ("extended_unix_code_packed_format_for_japanese", "euc-jp"),
    ("gb18030", "gb18030"),
    ("gb2312", "gb18030"),
    ("gb_2312", "gbk"),
    ("gb_2312_80", "gbk"),
    ("gbk", "gbk"),
    ("hz_gb_2312", REPLACEMENT),
    ("ibm866", "ibm866"),
    ("iso_2022_cn", REPLACEMENT),
    ("iso_2022_cn_ext", REPLACEMENT),
    ("iso_2022_jp", "iso-2022-jp"),
    ("iso_2022_kr", REPLACEMENT),
    ("iso_ir_149", "euc-kr"),
    ("iso_ir_58", "gbk"),
    ("korean", "euc-kr"),
    ("ks_c_5601_1987", "euc-kr"),
    ("ks_c_5601_1989", "euc-kr"),
    ("ksc5601", "euc-kr"),
    ("ksc_5601", "euc-kr"),
    ("ms932", "shift_jis"),
    ("ms936", "gbk"),
    ("ms_kanji", "shift_jis"),
    ("replacement", REPLACEMENT),
    ("shift_jis", "shift_jis"),
    ("sjis", "shift_jis"),
    ("windows_31j", "shift_jis"),
    ("windows_874", "windows-874"),
    ("windows_936", "gbk"),
    ("windows_949", "euc-kr"),
    ("x_euc_jp", "euc-jp"),
    ("x_gbk", "gbk"),
    ("x_mac_cyrillic", "x-mac-cyrillic"),
    ("x_mac_ukrainian", "x-mac-cyrillic"),
    ("x_sjis", "shift_jis"),
    ("x_user_defined", "x-user-defined"),
    ("x_x_big5", "big5"),
];

/// The Encoding Standard's "replacement" encoding: labels of charsets that are unsafe to
/// decode (ISO-2022-KR, HZ, ISO-2022-CN) read as one U+FFFD. The core does that itself.
const REPLACEMENT: &str = "replacement";

/// The WHATWG name of the charset `label` when it is one of those the hook decodes.
pub(crate) fn host_charset(label: &str) -> Option<&'static str> {
    // mail-parser compared at most 45 bytes; no label in the table is longer.
    let label = label.trim().as_bytes();
    if label.is_empty() || label.len() > 45 {
        return None;
    }
    let mut key = [0u8; 45];
    for (k, &b) in key.iter_mut().zip(label) {
        *k = match b {
            b'-' => b'_',
            b => b.to_ascii_lowercase(),
        };
    }
    let key = &key[..label.len()];
    LABELS
        .binary_search_by(|(l, _)| l.as_bytes().cmp(key))
        .ok()
        .map(|i| LABELS[i].1)
}

/// Where one `diagnose` call gets its charsets from: the caller's hook first, then encoding_rs
/// (with `full_encoding`).
#[derive(Clone, Copy, Default)]
pub(crate) struct Decoders<'a> {
    host: Option<&'a dyn Charsets>,
}

impl<'a> Decoders<'a> {
    pub(crate) fn new(host: Option<&'a dyn Charsets>) -> Self {
        Decoders { host }
    }

    /// True when text mail-parser decoded in a multi-byte charset had to be decoded again (the
    /// reading `mime::oracle` keeps).
    #[cfg(test)]
    pub(crate) fn redecode(&self) -> bool {
        self.host.is_some() || !cfg!(feature = "full_encoding")
    }

    /// `bytes` in the charset of WHATWG name `name`; `None` when nobody can decode it.
    pub(crate) fn decode(&self, name: &str, bytes: &[u8]) -> Option<String> {
        if name == REPLACEMENT {
            // As the Encoding Standard and encoding_rs: one U+FFFD for any non-empty input.
            return Some(if bytes.is_empty() { "" } else { "\u{fffd}" }.to_string());
        }
        if let Some(text) = self.host.and_then(|h| h.decode(name, bytes)) {
            return Some(text);
        }
        builtin(name, bytes)
    }

    /// `bytes` in the charset labelled `label` (lowercase, not a multi-byte one); `None` when
    /// nobody knows the label. Labels written with `_` for `-` ("iso_8859_1", which
    /// mail-parser accepted) are tried the Encoding Standard's way too.
    pub(crate) fn decode_label(&self, label: &str, bytes: &[u8]) -> Option<String> {
        let label = label.trim();
        if label.is_empty() || label.len() > 45 {
            return None;
        }
        let label = label.to_ascii_lowercase();
        let dashed = label.contains('_').then(|| label.replace('_', "-"));
        std::iter::once(&label)
            .chain(dashed.as_ref())
            .find_map(|l| {
                self.host
                    .and_then(|h| h.decode(l, bytes))
                    .or_else(|| builtin(l, bytes))
            })
    }
}

/// True when `bytes` read the same in the charset labelled `label` as in ASCII, so that
/// nobody need be asked: all bytes ASCII but the shifts and escapes of ISO-2022 charsets, in a
/// charset that keeps ASCII as it is (not UTF-16, UTF-7, or a "replacement" one).
pub(crate) fn reads_as_ascii(label: &str, multi_byte: Option<&str>, bytes: &[u8]) -> bool {
    if multi_byte == Some(REPLACEMENT) {
        return bytes.is_empty();
    }
    if !bytes.is_ascii() {
        return false;
    }
    // Shift-in, shift-out and escape start ISO-2022-JP's other character sets.
    if multi_byte == Some("iso-2022-jp") && bytes.iter().any(|&b| matches!(b, 0x0e | 0x0f | 0x1b)) {
        return false;
    }
    const UTF_8: &[&str] = &["utf-8", "utf8", "utf_8"];
    const NOT_ASCII: &[&str] = &[
        "utf-16",
        "utf_16",
        "utf16",
        "csutf16",
        "ucs",
        "unicode",
        "csunicode",
        "iso-10646",
        "iso_10646",
        "utf-7",
        "utf_7",
        "utf7",
        "csutf7",
    ];
    let l = label.trim().as_bytes();
    let contains = |p: &str| {
        l.windows(p.len())
            .any(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    let starts = |p: &&str| {
        l.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    UTF_8.iter().any(|p| contains(p)) || !NOT_ASCII.iter().any(starts)
}

/// Windows-1252 (the Encoding Standard's reading of Latin-1 too): for text whose charset
/// nothing names and that reads in no other (see `decode::undeclared_text`). The bytes 0x80 to
/// 0x9f are the only ones that are not their own code point.
pub(crate) fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(feature = "full_encoding")]
fn builtin(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A UTF-16 text says its byte order in its first two bytes, which are not text.
    let text = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding.decode(bytes).0
    } else {
        encoding.decode_without_bom_handling(bytes).0
    };
    Some(text.into_owned())
}

#[cfg(not(feature = "full_encoding"))]
fn builtin(_label: &str, _bytes: &[u8]) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_sorted_and_known() {
        for pair in LABELS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        const NAMES: &[&str] = &[
            "shift_jis",
            "euc-jp",
            "iso-2022-jp",
            "gbk",
            "gb18030",
            "big5",
            "euc-kr",
            "windows-874",
            "ibm866",
            "x-mac-cyrillic",
            "x-user-defined",
            REPLACEMENT,
        ];
        for (label, name) in LABELS {
            assert!(NAMES.contains(name), "{label}: {name}");
            assert!(label.len() <= 45, "{label}");
        }
    }

    #[test]
    fn labels_are_normalised_as_mail_parser_does() {
        assert_eq!(host_charset("ISO-2022-JP"), Some("iso-2022-jp"));
        assert_eq!(host_charset("Shift_JIS"), Some("shift_jis"));
        assert_eq!(host_charset("x-sjis"), Some("shift_jis"));
        assert_eq!(host_charset("EUC-KR"), Some("euc-kr"));
        assert_eq!(host_charset("GB2312"), Some("gb18030"));
        assert_eq!(host_charset("utf-8"), None);
        assert_eq!(host_charset("iso-8859-1"), None);
        assert_eq!(host_charset(""), None);
        assert_eq!(host_charset(&"x".repeat(200)), None);
    }

    /// With the tables compiled in, every label reads as mail-parser reads it.
    #[cfg(feature = "full_encoding")]
    #[test]
    fn names_decode_as_mail_parser_labels() {
        use mail_parser::decoders::charsets::map::charset_decoder;
        let bytes: Vec<u8> = (0x20..=0xff).collect();
        let none = Decoders::default();
        for (label, name) in LABELS {
            let by_label = charset_decoder(label.as_bytes()).map(|f| f(&bytes));
            assert_eq!(none.decode(name, &bytes), by_label, "{label} as {name}");
        }
    }

    #[test]
    fn the_host_comes_first() {
        struct Upper;
        impl Charsets for Upper {
            fn decode(&self, charset: &str, _bytes: &[u8]) -> Option<String> {
                (charset == "big5").then(|| "HOST".to_string())
            }
        }
        let d = Decoders::new(Some(&Upper));
        assert!(d.redecode());
        assert_eq!(d.decode("big5", b"x").as_deref(), Some("HOST"));
        assert_eq!(d.decode(REPLACEMENT, b"x").as_deref(), Some("\u{fffd}"));
        // Not the host's: the tables when compiled in, else nobody.
        assert_eq!(
            d.decode("euc-kr", b"abc").is_some(),
            cfg!(feature = "full_encoding")
        );
    }
}
