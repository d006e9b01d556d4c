//! The playbook: what to have ready, numbered steps with links and copy buttons, what not
//! to do, and the ready message in an editable box.

use ndr_playbooks::{Rendered, RenderedMessage};
use yew::prelude::*;

use super::copy_button::{copy_button, Source};
use crate::i18n::{self, Lang};

/// What [`steps`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The advice, rendered in `lang`.
    pub advice: std::rc::Rc<Rendered>,
}

/// Links out open in a new tab without handing over this page or its address.
pub fn external_link(url: &str, label: &str, lang: Lang) -> Html {
    external_link_about(url, label, "", lang)
}

/// [`external_link`] whose accessible name also says what it is about (`about`, read after
/// the label but not shown): for links whose visible words repeat from row to row.
pub fn external_link_about(url: &str, label: &str, about: &str, lang: Lang) -> Html {
    html! {
        <a href={url.to_string()} target="_blank" rel="noopener noreferrer">
            { label }<span class="visually-hidden">{ about }{ i18n::OPENS_NEW_TAB.text(lang) }</span>
            <span class="ext" aria-hidden="true">{ " ↗" }</span>
        </a>
    }
}

/// The "what to do" part of a diagnosis or a code page.
pub fn steps(props: &Props) -> Html {
    let lang = props.lang;
    let a = &props.advice;
    html! {
        <>
        <section class="card steps" aria-labelledby="steps-heading" data-testid="playbook">
            <h2 id="steps-heading" tabindex="-1">{ i18n::STEPS_HEADING.text(lang) }</h2>
            if !a.prepare.is_empty() {
                <h3>{ i18n::PREPARE_HEADING.text(lang) }</h3>
                <ul class="prepare" data-testid="prepare">
                    { for a.prepare.iter().map(|p| html! {
                        <li>
                            <span>{ &p.label }</span>
                            if let Some(v) = &p.value {
                                {": "}<code class="copyable">{ v }</code>
                                { copy_button(lang, Source::Value(v), &p.label, None) }
                            } else if let Some(h) = &p.hint {
                                <span class="muted">{ hint_after(&p.label, h, lang) }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
            <ol class="step-list" data-testid="steps">
                { for a.steps.iter().map(|s| html! {
                    <li data-testid={format!("step-{}", s.number)}>
                        <p>{ &s.text }</p>
                        if let Some(link) = &s.link {
                            <p class="step-link">{ external_link(&link.url, &link.label, lang) }</p>
                        }
                        if let Some(c) = &s.copy {
                            <p class="step-copy">
                                <span class="muted">{ &c.label }{": "}</span>
                                <code class="copyable">{ &c.value }</code>
                                { copy_button(lang, Source::Value(&c.value), &c.label,
                                    Some(&format!("copy-step-{}", s.number))) }
                            </p>
                        }
                    </li>
                }) }
            </ol>
            if !a.donts.is_empty() {
                <h3>{ i18n::DONTS_HEADING.text(lang) }</h3>
                <ul class="donts" data-testid="donts">
                    { for a.donts.iter().map(|d| html! { <li>{ d }</li> }) }
                </ul>
            }
        </section>
        if let Some(m) = &a.message {
            { ready_message(lang, m) }
        }
        if !a.sources.is_empty() {
            <section class="card sources" aria-labelledby="sources-heading">
                <h2 id="sources-heading">{ i18n::SOURCES_HEADING.text(lang) }</h2>
                <ul data-testid="sources">
                    { for a.sources.iter().map(|s| html! { <li>{ external_link(&s.url, &s.label, lang) }</li> }) }
                </ul>
            </section>
        }
        </>
    }
}

/// The message to send, editable; the copy button copies what the user edited.
///
/// A plain function, not a component: the box is uncontrolled (the page never reads the
/// edits back) and keyed by the text, so a new diagnosis or language replaces the box and
/// with it the user's edits, and the copy button reads the box itself.
fn ready_message(lang: Lang, m: &RenderedMessage) -> Html {
    // The box holds only what is sent: the subject and a note to the reader stand outside it
    // (review h170, x 30).
    let full = m.body.clone();
    let (key, rows) = (yew::virtual_dom::Key::from(full.as_str()), rows_for(&full));
    let subject = i18n::SUBJECT_LABEL.get(lang);
    html! {
        <section class="card message" aria-labelledby="message-heading" data-testid="ready-message">
            <h2 id="message-heading">{ i18n::MESSAGE_HEADING.text(lang) }</h2>
            <p class="to"><strong>{ &m.to.label }</strong>
                if let Some(addr) = &m.address {
                    {" "}<code>{ addr }</code>
                    { copy_button(lang, Source::Value(addr), &m.to.label, None) }
                }
            </p>
            <p class="to" data-testid="message-subject"><span class="muted">{ subject }{": "}</span>
                <code>{ &m.subject }</code>{ copy_button(lang, Source::Value(&m.subject), subject, None) }</p>
            if let Some(note) = &m.note {
                <p class="hint" data-testid="message-note">{ note }</p>
            }
            <p class="hint">{ i18n::MESSAGE_HINT.text(lang) }</p>
            <label for="ready-message" class="label">{ i18n::MESSAGE_LABEL.text(lang) }</label>
            <textarea {key} id="ready-message" data-testid="message-text"
                {rows} defaultvalue={full} oninput={Callback::from(grow)} />
            <div class="actions">
                { copy_button(lang, Source::Field("ready-message"), i18n::MESSAGE_HEADING.get(lang),
                    Some("copy-message")) }
            </div>
        </section>
    }
}

/// The message box's height in lines: its text's, within 6 to 24.
fn rows_for(text: &str) -> String {
    (text.lines().count() + 1).clamp(6, 24).to_string()
}

/// The message box grows with the user's edits, as it did with the text it was given.
fn grow(e: InputEvent) {
    if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        let _ = area.set_attribute("rows", &rows_for(&area.value()));
    }
}

/// How a "have ready" hint follows its label: in parentheses, or after a colon when the label
/// already ends in parentheses ("Your sending domain (the part after @): for ..."), so that two
/// asides never stand side by side (review 6, L1). Japanese takes full-width marks.
fn hint_after(label: &str, hint: &str, lang: Lang) -> String {
    let closed = label.ends_with([')', '）']);
    match (lang, closed) {
        (Lang::Ja, true) => format!("：{hint}"),
        (Lang::Ja, false) => format!("（{hint}）"),
        (_, true) => format!(": {hint}"),
        (_, false) => format!(" ({hint})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_never_makes_a_second_aside() {
        assert_eq!(
            hint_after(
                "Your sending domain (the part after @)",
                "for you@example.com, it is example.com",
                Lang::En
            ),
            ": for you@example.com, it is example.com"
        );
        assert_eq!(
            hint_after("The full error message", "copy it", Lang::En),
            " (copy it)"
        );
        assert_eq!(
            hint_after("送信元のドメイン（@ より後ろ）", "例", Lang::Ja),
            "：例"
        );
        assert_eq!(hint_after("エラーコード", "番号", Lang::Ja), "（番号）");
    }
}
