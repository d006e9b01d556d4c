//! Settings: which resolver, and whether to look anything up at all.

use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::{Action, Settings, RESOLVERS};

/// What [`settings_panel`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// The current settings.
    pub settings: Settings,
    /// Receives changes.
    pub on_action: Callback<Action>,
}

/// A small form; every change applies at once and is remembered.
pub fn settings_panel(props: &Props) -> Html {
    let lang = props.lang;
    let on_lookups = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_action.emit(Action::SetLookups(input.checked()));
            }
        })
    };
    html! {
        <details class="card settings" data-testid="settings">
            <summary><h2>{ i18n::SETTINGS_HEADING.text(lang) }</h2></summary>
            <p class="check">
                <input type="checkbox" id="lookups" data-testid="lookups-toggle"
                    checked={props.settings.lookups} onchange={on_lookups} />
                <label for="lookups">{ i18n::LOOKUPS_LABEL.text(lang) }</label>
            </p>
            <fieldset disabled={!props.settings.lookups}>
                <legend>{ i18n::RESOLVER_LABEL.text(lang) }</legend>
                { for RESOLVERS.iter().map(|r| {
                    let id = r.id;
                    html! {
                        <p class="radio">
                            <input type="radio" name="resolver" id={format!("resolver-{id}")}
                                data-testid={format!("resolver-{id}")}
                                checked={props.settings.resolver.id == id}
                                onchange={super::send(&props.on_action, Action::SetResolver(id.to_string()))} />
                            <label for={format!("resolver-{id}")}>{ r.name }<br/><code class="muted">{ r.url }</code></label>
                        </p>
                    }
                }) }
            </fieldset>
        </details>
    }
}
