//! A panic must never leave a silently dead page: the page shows a banner saying the calculator
//! stopped, that nothing was sent anywhere, and to reload.
//!
//! The release bundle is built with `-Cpanic=immediate-abort` (see `scripts/trunk.sh`): a
//! panic traps at once, without running a hook or formatting its message (that machinery was
//! ~22 KB of the gzipped bundle). The trap reaches JavaScript as a `WebAssembly.RuntimeError`
//! thrown out of whatever called into the wasm — an event listener, a timer, the scheduler's
//! microtask, the start-up promise — so the banner is written by a JavaScript listener on the
//! window's `error` and `unhandledrejection` events, with plain DOM calls: after a trap the wasm
//! instance must not be called again. Debug builds still print the panic message to the console
//! (Yew's default hook) before the same banner appears.

use wasm_bindgen::prelude::wasm_bindgen;

/// The banner's element id; the browser tests look for it.
pub const BANNER_ID: &str = "panic-banner";

#[wasm_bindgen(inline_js = r#"
export function watch_for_crash(id, before, after) {
  const show = (error) => {
    if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById(id) || !document.body) return;
    const banner = document.createElement("div");
    banner.id = id;
    banner.setAttribute("role", "alert");
    banner.className = "panic-banner";
    banner.textContent = before + " (WebAssembly: " + error.message + ")" + after;
    document.body.insertBefore(banner, document.body.firstChild);
  };
  addEventListener("error", (event) => show(event.error));
  addEventListener("unhandledrejection", (event) => show(event.reason));
}
"#)]
extern "C" {
    fn watch_for_crash(id: &str, before: &str, after: &str);
}

/// The banner's text around the error's own message (WebAssembly's "unreachable" for a panic).
pub const BEFORE: &str = "The calculator hit an internal error and stopped";
pub const AFTER: &str = ". Nothing was sent anywhere. Reload the page to start again; please report this message.";

/// Starts watching for a crash. Call once, first thing in `main`.
pub fn install() {
    watch_for_crash(BANNER_ID, BEFORE, AFTER);
}
