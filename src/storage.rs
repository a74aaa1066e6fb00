//! The browser edge of remembering and linking: local storage, the URL fragment and query, the
//! clipboard. Called from `main.rs` before the first render and from effects and callbacks,
//! never during render. Decoding is pure and lives in `state::persist`.

use crate::state::kept::{Kept, KEPT_KEY};
use crate::state::persist::{encode, Notice, Startup, StoreError, Stored, STORAGE_KEY};
use wasm_bindgen::JsValue;

fn local_storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable("no localStorage".into())),
        Err(e) => Err(StoreError::Unavailable(js_text(&e))),
    }
}

fn js_text(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|v| v.as_string());
    let message = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|v| v.as_string());
    match (name, message) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (Some(n), None) => n,
        (None, Some(m)) => m,
        (None, None) => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// The stored text, `None` when nothing is stored or storage is unavailable.
pub fn read_stored() -> Option<String> {
    local_storage().ok()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Stores `stored`; a full quota is [`StoreError::QuotaExceeded`].
pub fn write_stored(stored: &Stored) -> Result<(), StoreError> {
    write_item(STORAGE_KEY, &encode(stored))
}

/// Keeps the imported files (the user opted in); a full quota is [`StoreError::QuotaExceeded`].
pub fn write_kept(kept: &Kept) -> Result<(), StoreError> {
    let result = write_item(KEPT_KEY, &kept.encode());
    if result.is_err() {
        // Never leave an older import behind in place of the one the user sees.
        clear_kept();
    }
    result
}

/// Forgets the kept files.
pub fn clear_kept() {
    if let Ok(s) = local_storage() {
        let _ = s.remove_item(KEPT_KEY);
    }
}

fn write_item(key: &str, value: &str) -> Result<(), StoreError> {
    let storage = local_storage()?;
    storage.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let code = js_sys::Reflect::get(&e, &"code".into()).ok().and_then(|v| v.as_f64());
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0) {
            StoreError::QuotaExceeded
        } else {
            StoreError::Unavailable(js_text(&e))
        }
    })
}

/// Forgets the stored value (after it could not be read).
pub fn clear_stored() {
    if let Ok(s) = local_storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// Reads everything the app starts from: stored state (reset when unreadable), a share link in
/// the fragment (then removed from the address, so a reload does not add it again) and
/// calculator parameters in the query.
pub fn load_startup() -> Startup {
    let location = web_sys::window().map(|w| w.location());
    let fragment = location.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    let query = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let mut startup = Startup::read(read_stored().as_deref(), &fragment, &query);
    if startup.notices.iter().any(|n| matches!(n, Notice::StoredReset(_))) {
        clear_stored();
    }
    let kept = local_storage().ok().and_then(|s| s.get_item(KEPT_KEY).ok().flatten());
    startup.read_kept(kept.as_deref());
    if startup.drop_kept(kept.as_deref()) {
        clear_kept();
    }
    if sla_core::share::payload_in_fragment(&fragment).is_some() {
        forget_fragment();
    }
    startup
}

/// Removes the `#…` part from the address bar without reloading or adding a history entry.
pub fn forget_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// The page's address without query or fragment (`https://host/path`).
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!("{}{}", location.origin().ok()?, location.pathname().ok()?))
}

/// Tries `navigator.clipboard.writeText(text)` where the browser offers it; calls `done` once
/// the text is on the clipboard. Nothing happens when there is no clipboard or it is refused.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let Ok(clipboard) = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()) else {
        return;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return;
    }
    let Ok(write) =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
        return;
    };
    let Ok(then) = js_sys::Reflect::get(&promise, &"then".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else {
        return;
    };
    let on_ok = Closure::once_into_js(move |_: JsValue| done());
    let on_err = Closure::once_into_js(|_: JsValue| {});
    let _ = then.call2(&promise, &on_ok, &on_err);
}

/// Scrolls the element with `id` into view (for links straight to an answer).
pub fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
