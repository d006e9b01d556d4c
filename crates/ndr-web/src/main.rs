//! Entry point of the web page.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <main data-testid="app"><h1>{ "NDR Doctor" }</h1></main> }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<App>::new().render();
}
