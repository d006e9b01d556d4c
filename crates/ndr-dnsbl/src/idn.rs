//! Internationalised domain names to the ASCII form DNS asks for (RFC 3492 Punycode).
//!
//! A full UTS 46 implementation (the `idna` crate) carries Unicode tables that cost the web
//! page about 58 KB gzip, for names that are ASCII in nearly every bounce. This keeps the
//! mapping a mail address needs: lower case, the ideographic and full-width dots as label
//! separators, and Punycode for each non-ASCII label. Names it cannot map are refused, never
//! asked in a guessed form.

/// The ASCII form of `domain` (`例え.テスト` -> `xn--r8jz45g.xn--zckzah`), or `None` when a
/// label cannot be encoded (control characters, spaces, symbols outside letters and digits).
pub fn domain_to_ascii(domain: &str) -> Option<String> {
    let mapped: String = domain
        .chars()
        .map(|c| match c {
            // Ideographic full stop, full-width full stop, half-width ideographic full stop.
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(mapped.len() + 8);
    for (i, label) in mapped.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        if label.is_ascii() {
            out.push_str(label);
            continue;
        }
        if !label
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || is_combining(c))
        {
            return None;
        }
        out.push_str("xn--");
        out.push_str(&encode(label)?);
    }
    Some(out)
}

/// Marks and joiners that appear inside words of many scripts (Devanagari, Thai, Japanese
/// voiced sound marks) and are not `alphanumeric` in Rust's sense.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x0E00..=0x0EFF | 0x3099..=0x309C | 0x200C | 0x200D | 0x30FC)
}

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    // 0..25 -> a..z, 26..35 -> 0..9; `d` is always below BASE here.
    let b = if d < 26 {
        b'a' + d as u8
    } else {
        b'0' + (d - 26) as u8
    };
    b as char
}

/// RFC 3492 section 6.3, with checked arithmetic: an overflow refuses the label.
fn encode(label: &str) -> Option<String> {
    let input: Vec<u32> = label.chars().map(|c| c as u32).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        output.push('-');
    }
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let total = input.len() as u32;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3492_samples() {
        // RFC 3492 section 7.1, samples (L) and (J) (case flags dropped: DNS is lower case).
        assert_eq!(
            encode("3年b組金八先生").as_deref(),
            Some("3b-ww4c5e180e575a65lsy2b")
        );
        assert_eq!(
            encode("他们为什么不说中文").as_deref(),
            Some("ihqwcrb4cv8a8dqg056pqjye")
        );
        assert_eq!(
            encode("なぜみんな日本語を話してくれないのか").as_deref(),
            Some("n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa")
        );
    }

    #[test]
    fn domains_map_like_uts46_for_mail_names() {
        for (input, ascii) in [
            ("example.com", "example.com"),
            ("Example.COM", "example.com"),
            ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
            ("例え。テスト", "xn--r8jz45g.xn--zckzah"),
            ("Bücher.example", "xn--bcher-kva.example"),
            ("日本語.jp", "xn--wgv71a119e.jp"),
            ("ドメイン名例.jp", "xn--eckwd4c7cu47r2wf.jp"),
        ] {
            assert_eq!(domain_to_ascii(input).as_deref(), Some(ascii), "{input}");
        }
    }

    #[test]
    fn agrees_with_the_idna_crate_on_many_names() {
        // Labels built from pieces of several scripts, upper and lower case, with and without
        // ASCII around them.
        let pieces = [
            "mail",
            "Shop",
            "ü",
            "Ä",
            "é",
            "ñ",
            "ß",
            "東京",
            "日本",
            "かな",
            "カナ",
            "ー",
            "한국",
            "中文",
            "русский",
            "Ελλάδα",
            "ไทย",
            "हिंदी",
            "عربي",
            "1",
            "-x",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for tld in ["jp", "com", "テスト"] {
                    let name = format!("{a}{b}.{tld}");
                    let ours = domain_to_ascii(&name);
                    let theirs = idna::domain_to_ascii(&name).ok();
                    if let (Some(ours), Some(theirs)) = (&ours, &theirs) {
                        assert_eq!(ours, theirs, "{name}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "only {checked} names compared");
    }

    #[test]
    fn symbols_and_spaces_are_refused() {
        for bad in ["例 え.jp", "☃.example", "例\u{0}.jp"] {
            assert_eq!(domain_to_ascii(bad), None, "{bad:?}");
        }
    }
}
