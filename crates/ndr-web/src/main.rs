//! Entry point of the web page: mounts the app on `<body>`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<ndr_web::app::App>::new().render();
}
