//! The language switch: two buttons, the current one pressed.

use yew::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::Action;

/// What [`lang_switch`] shows.
pub struct Props {
    /// The current language.
    pub lang: Lang,
    /// Receives the chosen language (`SetLang`).
    pub on_action: Callback<Action>,
}

/// Shows 日本語 | English; each name is written in its own language, so anyone can find theirs.
pub fn lang_switch(props: &Props) -> Html {
    let button = |lang: Lang, label: &'static str| {
        let pressed = props.lang == lang;
        html! {
            <button type="button" lang={lang.code()} aria-pressed={pressed.to_string()}
                data-testid={format!("lang-{}", lang.code())}
                onclick={super::send(&props.on_action, Action::SetLang(lang))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" data-testid="lang-switch"
            aria-label={i18n::LANG_SWITCH_LABEL.get(props.lang)}>
            { button(Lang::Ja, "日本語") }
            { button(Lang::En, "English") }
        </div>
    }
}
