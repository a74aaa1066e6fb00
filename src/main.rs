//! Wires the app up: the panic banner first, then Yew renders [`sla_web::app::App`] into the body.
fn main() {
    sla_web::panic_banner::install();
    yew::Renderer::<sla_web::app::App>::new().render();
}
