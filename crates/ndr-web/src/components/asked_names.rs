//! The privacy panel: exactly which DNS names were asked, of which resolver.

use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::Asked;

/// What [`asked_names`] shows.
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// Everything sent this session.
    pub asked: Vec<Asked>,
    /// False when the visitor turned blocklist checks off.
    pub lookups: bool,
}

/// Lists every name sent, grouped under the resolver it went to.
pub fn asked_names(props: &Props) -> Html {
    let lang = props.lang;
    let mut resolvers: Vec<&str> = Vec::new();
    for a in &props.asked {
        if !resolvers.contains(&a.resolver.as_str()) {
            resolvers.push(&a.resolver);
        }
    }
    html! {
        <details class="card privacy" data-testid="privacy">
            <summary><h2>{ i18n::PRIVACY_HEADING.text(lang) }{ i18n::OPEN_PAREN.text(lang) }{ props.asked.len() }{ i18n::CLOSE_PAREN.text(lang) }</h2></summary>
            if !props.lookups {
                <p data-testid="asked-off">{ i18n::PRIVACY_OFF.text(lang) }</p>
            }
            if props.asked.is_empty() {
                <p class="muted" data-testid="asked-none">{ i18n::PRIVACY_NONE.text(lang) }</p>
            } else {
                <p>{ i18n::PRIVACY_INTRO.text(lang) }</p>
            }
            { for resolvers.iter().map(|r| html! {
                <div class="asked-group">
                    <p>{ i18n::PRIVACY_RESOLVER.text(lang) }{": "}<code data-testid="asked-resolver">{ *r }</code></p>
                    <ul class="asked" data-testid="asked-names">
                        { for props.asked.iter().filter(|a| a.resolver == *r).map(|a| html! {
                            <li><code data-testid="asked-name">{ &a.name }</code></li>
                        }) }
                    </ul>
                </div>
            }) }
        </details>
    }
}
