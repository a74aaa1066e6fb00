//! Wires the app up: the panic banner first, then Yew renders [`sla_web::app::App`] into the
//! body in the browser's preferred language.
fn main() {
    sla_web::panic_banner::install();
    let lang = sla_web::browser::preferred_lang();
    yew::Renderer::<sla_web::app::App>::with_props(sla_web::app::AppProps { lang }).render();
}
