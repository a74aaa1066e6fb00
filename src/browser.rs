//! The web edge: small wrappers around browser APIs (navigator, location) used by `main.rs`,
//! effects and callbacks. Nothing here is called during render, so components still render on
//! the host under `cargo test`.

use crate::i18n::Lang;

/// The language the browser prefers, from `navigator.languages` (English when unsupported).
pub fn preferred_lang() -> Lang {
    let Some(window) = web_sys::window() else { return Lang::En };
    let nav = window.navigator();
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        return nav.language().map(|l| Lang::from_tag(&l)).unwrap_or_default();
    }
    Lang::from_preferences(list.iter().map(String::as_str))
}

/// The page's query string (`?…`), empty when there is none.
pub fn query_string() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Sets `<html lang>` so screen readers and fonts follow the chosen language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
