//! The playbook: what to have ready, numbered steps with links and copy buttons, what not
//! to do, and the ready message in an editable box.

use ndr_playbooks::Rendered;
use yew::prelude::*;

use super::copy_button::CopyButton;
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
    html! {
        <a href={url.to_string()} target="_blank" rel="noopener noreferrer">
            { label }<span class="visually-hidden">{ i18n::OPENS_NEW_TAB.get(lang) }</span>
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
            <h2 id="steps-heading" tabindex="-1">{ i18n::STEPS_HEADING.get(lang) }</h2>
            if !a.prepare.is_empty() {
                <h3>{ i18n::PREPARE_HEADING.get(lang) }</h3>
                <ul class="prepare" data-testid="prepare">
                    { for a.prepare.iter().map(|p| html! {
                        <li>
                            <span>{ &p.label }</span>
                            if let Some(v) = &p.value {
                                {": "}<code class="copyable">{ v }</code>
                                <CopyButton lang={lang} value={AttrValue::from(v.clone())} what={AttrValue::from(p.label.clone())} />
                            } else if let Some(h) = &p.hint {
                                <span class="muted">{ format!(" ({h})") }</span>
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
                                <CopyButton lang={lang} value={AttrValue::from(c.value.clone())}
                                    what={AttrValue::from(c.label.clone())}
                                    testid={AttrValue::from(format!("copy-step-{}", s.number))} />
                            </p>
                        }
                    </li>
                }) }
            </ol>
            if !a.donts.is_empty() {
                <h3>{ i18n::DONTS_HEADING.get(lang) }</h3>
                <ul class="donts" data-testid="donts">
                    { for a.donts.iter().map(|d| html! { <li>{ d }</li> }) }
                </ul>
            }
        </section>
        if let Some(m) = &a.message {
            <ReadyMessage lang={lang} to={AttrValue::from(m.to.label.clone())}
                address={m.address.clone().map(AttrValue::from)}
                subject={AttrValue::from(m.subject.clone())} body={AttrValue::from(m.body.clone())} />
        }
        if !a.sources.is_empty() {
            <section class="card sources" aria-labelledby="sources-heading">
                <h2 id="sources-heading">{ i18n::SOURCES_HEADING.get(lang) }</h2>
                <ul data-testid="sources">
                    { for a.sources.iter().map(|s| html! { <li>{ external_link(&s.url, &s.label, lang) }</li> }) }
                </ul>
            </section>
        }
        </>
    }
}

/// Props of [`ReadyMessage`].
#[derive(Properties, PartialEq)]
pub struct MessageProps {
    /// The page language.
    pub lang: Lang,
    /// Who it is for.
    pub to: AttrValue,
    /// A fixed address, if any.
    pub address: Option<AttrValue>,
    /// The subject line.
    pub subject: AttrValue,
    /// The body.
    pub body: AttrValue,
}

/// The message to send, editable; the copy button copies what the user edited.
#[function_component(ReadyMessage)]
pub fn ready_message(props: &MessageProps) -> Html {
    let lang = props.lang;
    let full = format!("{}\n\n{}", props.subject, props.body);
    let text = use_state(|| full.clone());
    {
        // A new diagnosis or language replaces the user's edits with the new text.
        let text = text.clone();
        use_effect_with(full.clone(), move |full| text.set(full.clone()));
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    let rows = (text.lines().count() + 1).clamp(6, 24).to_string();
    html! {
        <section class="card message" aria-labelledby="message-heading" data-testid="ready-message">
            <h2 id="message-heading">{ i18n::MESSAGE_HEADING.get(lang) }</h2>
            <p class="to"><strong>{ &props.to }</strong>
                if let Some(addr) = &props.address {
                    {" "}<code>{ addr }</code>
                    <CopyButton lang={lang} value={addr.clone()} what={props.to.clone()} />
                }
            </p>
            <p class="hint">{ i18n::MESSAGE_HINT.get(lang) }</p>
            <label for="ready-message" class="label">{ i18n::MESSAGE_LABEL.get(lang) }</label>
            <textarea id="ready-message" data-testid="message-text" rows={rows}
                value={(*text).clone()} {oninput} />
            <div class="actions">
                <CopyButton lang={lang} value={AttrValue::from((*text).clone())}
                    what={AttrValue::from(i18n::MESSAGE_HEADING.get(lang))} testid={AttrValue::from("copy-message")} />
            </div>
        </section>
    }
}
