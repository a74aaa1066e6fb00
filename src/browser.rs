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

/// Milliseconds since the page started, for time-slicing long work (0 off the browser).
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Offers `text` as a file download named `file_name` (a Blob, an object URL and a click on a
/// temporary link; the URL is revoked right after). Nothing leaves the page.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |what: &str| format!("the download could not be prepared ({what})");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail("link"))?.dyn_into().map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Sets a named User Timing mark (`performance.mark`), read by the browser benchmarks.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Asks the user to confirm; false when there is no window or the dialog is refused.
pub fn confirm(question: &str) -> bool {
    web_sys::window().map(|w| w.confirm_with_message(question).unwrap_or(false)).unwrap_or(false)
}
