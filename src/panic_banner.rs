//! A panic must never leave a silently dead page: this hook writes the panic message into a
//! visible banner (and the console) using plain DOM calls, since Yew itself is gone by then.

use wasm_bindgen::JsCast;

/// The banner's element id; the browser tests look for it.
pub const BANNER_ID: &str = "panic-banner";

/// Installs the panic hook. Call once, first thing in `main`. Goes through Yew's
/// `set_custom_panic_hook` so the renderer does not replace it with its console-only default.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = banner_text(&info.to_string());
        web_sys::console::error_1(&message.as_str().into());
        show(&message);
    }));
}

/// The text shown to the user for a panic message.
pub fn banner_text(panic_message: &str) -> String {
    format!(
        "The calculator hit an internal error and stopped: {panic_message}. \
         Nothing was sent anywhere. Reload the page to start again; please report this message."
    )
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let banner = match document.get_element_by_id(BANNER_ID) {
        Some(existing) => existing,
        None => match document.create_element("div") {
            Ok(el) => el,
            Err(_) => return,
        },
    };
    banner.set_id(BANNER_ID);
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    banner.set_text_content(Some(message));
    if let Some(el) = banner.dyn_ref::<web_sys::HtmlElement>() {
        let _ = body.insert_before(el, body.first_child().as_ref());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn banner_text_carries_the_message() {
        let t = super::banner_text("index out of bounds");
        assert!(t.contains("index out of bounds"));
        assert!(t.contains("Reload"));
    }
}
