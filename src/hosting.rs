//! Hosting concerns wired up once by `main.rs`: the compact embed mode (`?embed=1`, for showing
//! the calculator inside another page's iframe) and the offline service worker (`sw.js`, built
//! next to `index.html`). Both touch the page only at start-up, never during render.

use wasm_bindgen::prelude::*;

/// The class put on `<body>` in embed mode; `static/embed.css` hides the page chrome with it.
pub const EMBED_CLASS: &str = "embed";

/// The service worker script, relative to the page so the app works under any sub-path.
pub const SERVICE_WORKER_URL: &str = "sw.js";

/// Whether the query string (`?…`, with or without the `?`) asks for the compact embed mode:
/// `embed=1`, `embed=true` or a bare `embed`.
///
/// ```
/// use sla_web::hosting::embed_requested;
/// assert!(embed_requested("?embed=1"));
/// assert!(!embed_requested("?embed=0"));
/// ```
pub fn embed_requested(query: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        key == "embed" && matches!(value, "" | "1" | "true" | "yes")
    })
}

/// Whether a page served with this `location.protocol` may register a service worker (only
/// pages from http(s); not `file:` or extensions).
pub fn service_worker_allowed(protocol: &str) -> bool {
    matches!(protocol, "http:" | "https:")
}

/// Adds [`EMBED_CLASS`] to `<body>` when the URL asks for embed mode. Call before rendering.
pub fn apply_embed_mode() {
    if !embed_requested(&crate::browser::query_string()) {
        return;
    }
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let _ = body.class_list().add_1(EMBED_CLASS);
}

/// Registers the offline service worker when the page comes from http(s) and the browser
/// offers service workers (not in insecure contexts or some sandboxed frames). Any failure only
/// costs offline use: it goes to the console at debug level, never as an error.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let protocol = window.location().protocol().unwrap_or_default();
    if !service_worker_allowed(&protocol) || !window.is_secure_context() {
        return;
    }
    let navigator = window.navigator();
    // `navigator.serviceWorker` can be missing or throw (sandboxed frames): ask without risk.
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined() && !v.is_null());
    if available != Ok(true) {
        web_sys::console::debug_1(&"service worker unavailable: the app will not work offline".into());
        return;
    }
    let on_error = Closure::once(|err: JsValue| {
        web_sys::console::debug_2(
            &"service worker not registered; the app will not work offline:".into(),
            &err,
        );
    });
    let _ = navigator.service_worker().register(SERVICE_WORKER_URL).catch(&on_error);
    // A one-off callback for the life of the page.
    on_error.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_mode_is_asked_for_by_the_embed_parameter_only() {
        for q in [
            "?embed=1",
            "embed=1",
            "?lang=en&embed=1",
            "?embed",
            "?embed=true",
            "?a=b&embed=yes&c",
        ] {
            assert!(embed_requested(q), "{q}");
        }
        for q in [
            "",
            "?",
            "?embed=0",
            "?embed=no",
            "?embedded=1",
            "?x=embed",
            "?notembed=1",
        ] {
            assert!(!embed_requested(q), "{q}");
        }
    }

    #[test]
    fn service_workers_only_on_http_origins() {
        assert!(service_worker_allowed("https:"));
        assert!(service_worker_allowed("http:"));
        assert!(!service_worker_allowed("file:"));
        assert!(!service_worker_allowed("chrome-extension:"));
        assert!(!service_worker_allowed(""));
    }
}
