//! What the page says when the paste is not a bounce: what to paste instead, where to find
//! it, and, when only a code was pasted, the way to that code's own page.

use std::rc::Rc;

use ndr_core::Diagnosis;
use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::Route;

/// What [`not_bounce`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The diagnosis (for its notes: binary data, a cut-short paste).
    pub diagnosis: Rc<Diagnosis>,
    /// The code the paste consists of, when it has a page (`5.7.606`, `S3150`).
    pub code: Option<AttrValue>,
}

/// Takes the verdict's place when nothing in the paste reads as a returned message.
pub fn not_bounce(props: &Props) -> Html {
    let lang = props.lang;
    // "Not a bounce" is the card itself; other notes (binary data) still say what was odd, and
    // so does its detail (a delivery log line: the mail was accepted).
    let notes: Vec<&str> = props
        .diagnosis
        .notes
        .iter()
        .filter(|n| n.id != "not_a_bounce" || !n.detail.is_empty())
        .map(|n| i18n::note_line(n).get(lang))
        .collect();
    let code = props.code.as_ref().map(|code| {
        let href = Route::Code(code.to_string()).to_hash();
        html! {
            <p data-testid="bare-code">
                { i18n::BARE_CODE.text(lang) }{ " " }
                <a href={href} data-testid="bare-code-link">{ i18n::about_code(code, lang) }</a>
            </p>
        }
    });
    // What the reading looked for, as the CLI says it: the reader then knows what a usable
    // paste holds. A playbook text, so empty until the language's texts file has loaded.
    let looked_for = ndr_playbooks::labels::LOOKED_FOR.get(lang);
    html! {
        <section class="card verdict not-bounce" aria-labelledby="verdict-heading"
            data-testid="not-a-bounce">
            <h2 id="verdict-heading" class="eyebrow">{ i18n::RESULT_HEADING.text(lang) }</h2>
            <p class="verdict-text" data-testid="verdict" tabindex="-1" id="verdict">
                { i18n::NOT_BOUNCE_TITLE.text(lang) }
            </p>
            if !notes.is_empty() {
                <ul class="notes" data-testid="notes">
                    { for notes.iter().map(|n| html! { <li>{ *n }</li> }) }
                </ul>
            }
            if !looked_for.is_empty() {
                <p class="why" data-testid="looked-for">{ looked_for }</p>
            }
            { for code }
            <p class="why">{ i18n::NOT_BOUNCE_WHAT.text(lang) }</p>
            <ul class="where-list">
                <li>{ i18n::WHERE_OUTLOOK.text(lang) }</li>
                <li>{ i18n::WHERE_GMAIL.text(lang) }</li>
                <li>{ i18n::WHERE_THUNDERBIRD.text(lang) }</li>
                <li>{ i18n::WHERE_IPHONE.text(lang) }</li>
                <li>{ i18n::WHERE_GMAIL_APP.text(lang) }</li>
                <li>{ i18n::WHERE_CARRIER_APPS.text(lang) }</li>
            </ul>
        </section>
    }
}

/// The code a paste consists of, when the paste is little more than one code that has a page:
/// "5.7.606", "550 5.7.606", "S3150", "AS(16012609)". Longer text is left to the diagnosis.
pub fn bare_code(text: &str) -> Option<String> {
    let text = text.trim();
    if text.len() > 40 {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '「' | '」' | '"'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '[' | ']' | '#')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 3 {
        return None;
    }
    // The most specific code first: an enhanced or provider code over a bare reply code.
    words
        .iter()
        .rev()
        .find(|w| !ndr_playbooks::lookup_code(w).is_empty())
        .map(|w| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::bare_code;

    #[test]
    fn a_lone_code_is_recognised_and_a_sentence_is_not() {
        assert_eq!(bare_code(" 5.7.606\n").as_deref(), Some("5.7.606"));
        assert_eq!(bare_code("550 5.7.606").as_deref(), Some("5.7.606"));
        assert_eq!(bare_code("S3150").as_deref(), Some("S3150"));
        assert_eq!(bare_code("Hello, why did my mail not arrive?"), None);
        assert_eq!(bare_code(""), None);
        assert_eq!(bare_code("9.9.999"), None);
        assert_eq!(bare_code(&"5.7.606 ".repeat(20)), None);
    }
}
