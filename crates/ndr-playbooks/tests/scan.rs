//! The literal lexer behind `build.rs` (`split-texts`): escapes, continuation lines, raw
//! strings, `concat!`, comments, doctests and macros that call `text!`.

#[path = "../build/scan.rs"]
#[allow(dead_code)]
mod scan;

#[track_caller]
fn check(src: &str, want: &[&str]) {
    let found = scan::scan(&[src]).unwrap();
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    assert_eq!(found, want);
}

#[test]
fn escapes() {
    check(
        r#"const T: Text = text! { ja: "引用\"と\\と\t\u{3042}\x41\'\0", en: "a\r\nb" };"#,
        &[],
    );
    check(
        r#"const T: Text = text! { ja: "引用\"と\\と\t\u{3042}\x41\'", en: "a\r\nb" };"#,
        &["引用\"と\\と\tあA'\0a\r\nb"],
    );
}

#[test]
fn continuation_lines_skip_the_newline_and_the_indent() {
    let src = "text! {\n    ja: \"一行目\\\n        続き\",\n    en: \"one \\\n\t  line\",\n}";
    check(src, &["一行目続き\0one line"]);
    // A newline written as is stays in the text.
    check("text! { ja: \"a\nb\", en: \"c\" }", &["a\nb\0c"]);
    // CRLF files read as LF, as rustc reads them.
    check("text! { ja: \"a\r\nb\", en: \"c\" }", &["a\nb\0c"]);
}

#[test]
fn raw_strings_and_concat() {
    check(
        r####"text! { ja: r#"生の "引用" \n"#, en: concat!("a", 'b', concat!("c", r"\d",),) }"####,
        &["生の \"引用\" \\n\0abc\\d"],
    );
    // A byte string is not a text; it must not confuse the lexer either.
    check(r#"let b = b"x\"y"; text! { ja: "j", en: "e" }"#, &["j\0e"]);
}

#[test]
fn comments_chars_and_lifetimes_do_not_confuse_it() {
    let src = r#"
        // text! { ja: "in a comment", en: "no" }
        /* text! { ja: "block /* nested */ comment", en: "no" } */
        fn f<'a>(x: &'a str) -> char { let _ = "// not a comment"; '"' }
        const Q: char = '\'';
        const T: Text = text! { ja: "本物", en: "real" };
    "#;
    check(src, &["本物\0real"]);
}

#[test]
fn sides_that_are_not_literals_or_hold_a_nul_are_left_out() {
    check(r#"text! { ja: SOME_CONST, en: "e" }"#, &[]);
    check(r#"text! { ja: "a\0b", en: "e" }"#, &[]);
    check(r#"text! { ja: "only one side" }"#, &[]);
    check(r#"text! { en: "e", ja: "swapped" }"#, &[]);
}

#[test]
fn doctests_are_scanned_and_other_code_blocks_are_not() {
    let src = r#"
/// ```
/// let t = ndr_playbooks::text! { ja: "文書", en: "doc" };
/// ```
///
/// ```text
/// text! { ja: "ただの例", en: "just prose" }
/// ```
//! ```compile_fail
//! # let t = text! { ja: "隠し行", en: "hidden line" };
//! ```
fn f() {}
"#;
    check(src, &["文書\0doc", "隠し行\0hidden line"]);
}

#[test]
fn macros_that_call_text_are_expanded_at_their_call_sites() {
    let defs = r#"
macro_rules! english_only {
    ($english:literal) => { text! { ja: $english, en: $english } };
    ($note:literal, $english:literal) => {
        text! { ja: concat!($note, "\n\n", $english), en: $english }
    };
}
macro_rules! wrapped {
    ($ja:literal, $en:literal) => { Step::new(english_only!($ja, $en)) };
}
macro_rules! direct {
    ($ja:expr, $en:expr) => { text! { ja: $ja, en: $en } };
}
"#;
    let uses = r#"
const A: Text = english_only!("Subject");
const B: Text = english_only!("注記", "Body");
const C: Step = wrapped!("注", "Wrapped body");
const D: Text = direct!("直接", concat!("Dir", "ect"));
"#;
    let found = scan::scan(&[defs, uses]).unwrap();
    // Sorted by bytes, as `index_of` searches them.
    assert_eq!(
        found,
        [
            "Subject\0Subject",
            "注\n\nWrapped body\0Wrapped body",
            "注記\n\nBody\0Body",
            "直接\0Direct",
        ]
    );
}

#[test]
fn a_macro_it_cannot_expand_is_an_error_not_a_silent_gap() {
    let src = r#"
macro_rules! many { ($($ja:literal),*) => { $(text! { ja: $ja, en: "e" })* }; }
const A: Text = many!("a", "b");
"#;
    let err = scan::scan(&[src]).unwrap_err();
    assert!(err.contains("repetition"), "{err}");
}

#[test]
fn unbalanced_source_is_reported() {
    assert!(scan::scan(&["fn f() { \"open"]).is_err());
    assert!(scan::scan(&["fn f() { )"]).is_err());
}

#[test]
fn shared_texts_are_listed_apart_and_kept_in_the_table() {
    let src = r#"
macro_rules! shared_text { ($($t:tt)*) => { text! { $($t)* } }; }
macro_rules! fill_in { ($ja:literal, $en:literal) => { shared_text! { ja: $ja, en: $en } }; }
const A: Text = text! { ja: "普通", en: "plain" };
const B: Text = shared_text! { ja: "［日付］", en: "[date]", };
const C: Text = fill_in!("［宛先］", "[recipient]");
"#;
    let (all, shared) = scan::scan_shared(&[src]).unwrap();
    assert_eq!(
        all,
        ["普通\0plain", "［宛先］\0[recipient]", "［日付］\0[date]"]
    );
    assert_eq!(shared, ["［宛先］\0[recipient]", "［日付］\0[date]"]);
    assert_eq!(scan::scan(&[src]).unwrap(), all);
}
