//! Wires the app up: the panic banner first, the embed mode and the offline service worker
//! (see [`sla_web::hosting`]), then Yew renders [`sla_web::app::App`] into the body in the
//! browser's preferred language.
fn main() {
    sla_web::panic_banner::install();
    sla_web::text_decoder::install();
    sla_web::time_zones::install();
    sla_web::hosting::apply_embed_mode();
    sla_web::hosting::register_service_worker();
    // Saved agreements, a share link (#a=…) and calculator parameters (?calc=…), read before
    // the first render; the stored language wins over the browser's.
    let startup = sla_web::storage::load_startup();
    let lang = startup.lang().unwrap_or_else(sla_web::browser::preferred_lang);
    let startup = std::rc::Rc::new(startup);
    yew::Renderer::<sla_web::app::App>::with_props(sla_web::app::AppProps { lang, startup }).render();
}
