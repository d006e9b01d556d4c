//! A button that copies a value and says so for a moment.

use yew::prelude::*;

use crate::browser;
use crate::i18n::{self, Lang};

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page language.
    pub lang: Lang,
    /// What is copied.
    pub value: AttrValue,
    /// What the value is, for screen readers ("Copy: IP address").
    #[prop_or_default]
    pub what: Option<AttrValue>,
    /// A test id.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// "Copy" → "Copied" after the clipboard took it; a refused clipboard leaves it as "Copy".
#[function_component(CopyButton)]
pub fn copy_button(props: &Props) -> Html {
    let copied = use_state(|| false);
    {
        let copied = copied.clone();
        use_effect_with(props.value.clone(), move |_| copied.set(false));
    }
    let onclick = {
        let copied = copied.clone();
        let value = props.value.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            let value = value.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy_text(&value).await;
                copied.set(ok);
                if ok {
                    // Back to "Copy" after a moment, so a second copy is acknowledged too.
                    gloo_timers::future::TimeoutFuture::new(2_500).await;
                    copied.set(false);
                }
            });
        })
    };
    let label = if *copied { i18n::COPIED } else { i18n::COPY }.get(props.lang);
    let aria = props.what.as_ref().map(|w| format!("{label}: {w}"));
    html! {
        <button type="button" class="copy" {onclick} aria-label={aria}
            data-testid={props.testid.clone()} data-copied={copied.to_string()}>
            { label }
        </button>
    }
}
