//! Browser tests for hosting the bundle anywhere: under a sub-path with a strict
//! Content-Security-Policy, inside an iframe, offline through the service worker, and in the
//! compact embed mode. Like `tests/browser.rs` they need the release bundle and Chromium:
//!
//!     SLA_DIST=dist cargo test --test browser_embed -- --ignored --test-threads=1

mod support;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Locator;
use serde_json::{json, Value};
use support::browser::Browser;
use support::server::{ServeOptions, StaticServer};

/// The policy the README's "Hosting" section documents; the app must run under it untouched.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/// The sub-path the bundle is served under.
const PREFIX: &str = "/tools/sla";

/// The headline the sample report shows once the app has rendered.
const HEADLINE: &str = "[data-testid=headline-availability] .value";

use support::{assert_same_origin, dist};

/// The bundle under [`PREFIX`] with the strict [`CSP`] header on every response.
fn serve() -> StaticServer {
    StaticServer::start_with(
        &dist(),
        ServeOptions {
            prefix: PREFIX.into(),
            headers: vec![("Content-Security-Policy".into(), CSP.into())],
        },
    )
}


/// Chromium's DevTools command endpoint, which ChromeDriver serves.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.0, "params": self.1 }).to_string()),
        )
    }
}

/// Records every Content-Security-Policy violation of every page the browser opens from now on
/// into `window.__cspViolations`, from before the page's own scripts run.
async fn record_csp_violations(browser: &Browser) {
    let source = "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', \
                  e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";
    browser
        .client
        .issue_cmd(Cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        ))
        .await
        .expect("install the CSP violation listener");
}

async fn csp_violations(browser: &Browser) -> Vec<String> {
    let v = browser
        .client
        .execute("return window.__cspViolations", vec![])
        .await
        .expect("read the CSP violations");
    let list = v
        .as_array()
        .unwrap_or_else(|| panic!("the CSP violation listener is missing: {v}"));
    list.iter()
        .map(|x| x.as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn under_a_sub_path_with_a_strict_csp_the_report_shows_without_violations() {
    let server = serve();
    let browser = Browser::start().await;
    record_csp_violations(&browser).await;
    browser.client.goto(&server.url("/")).await.expect("open the app");

    let availability = browser.text_of(HEADLINE).await;
    assert!(
        availability.ends_with('%'),
        "availability headline shows {availability:?}"
    );
    browser
        .wait_for_js(
            "period rows",
            "return document.querySelectorAll('[data-testid=period-row]').length >= 3",
        )
        .await;
    // The stylesheets applied (a blocked stylesheet would leave the header unstyled).
    browser
        .wait_for_js(
            "the app's styles",
            "return getComputedStyle(document.querySelector('.app-header')).display === 'flex'",
        )
        .await;

    assert_eq!(csp_violations(&browser).await, Vec::<String>::new(), "CSP violations");
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert_same_origin(&browser.requested_urls().await, &server.origin());
    for r in server.requests() {
        assert_eq!(r.status, 200, "the server answered {} to {}", r.status, r.path);
        assert!(
            r.path.starts_with(&format!("{PREFIX}/")),
            "a request left the sub-path: {}",
            r.path
        );
    }

    // The policy really is in force and watched: an inline style is refused and recorded.
    browser
        .client
        .execute("const d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.append(d); return true", vec![])
        .await
        .expect("add an inline style");
    browser
        .wait_for_js(
            "the inline style's violation",
            "return window.__cspViolations.length > 0",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn inside_an_iframe_the_report_shows() {
    let server = serve();
    server.add_file(
        "/host.html",
        "text/html; charset=utf-8",
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host page</title><link rel=\"icon\" href=\"data:,\"></head>\
             <body><h1>Our status page</h1><iframe id=\"sla\" src=\"{PREFIX}/\" title=\"SLA calculator\" width=\"1000\" height=\"700\"></iframe></body></html>"
        ),
    );
    let browser = Browser::start().await;
    record_csp_violations(&browser).await;
    browser
        .client
        .goto(&format!("{}/host.html", server.origin()))
        .await
        .expect("open the host page");
    let frame = browser
        .client
        .wait()
        .at_most(support::browser::WAIT)
        .for_element(Locator::Css("#sla"))
        .await
        .expect("the iframe");
    frame.enter_frame().await.expect("enter the iframe");

    let availability = browser.text_of(HEADLINE).await;
    assert!(
        availability.ends_with('%'),
        "availability headline shows {availability:?}"
    );
    // Not in embed mode: the full header stays.
    browser
        .wait_for_js(
            "the section nav",
            "return getComputedStyle(document.querySelector('.page-nav')).display !== 'none'",
        )
        .await;
    assert_eq!(
        csp_violations(&browser).await,
        Vec::<String>::new(),
        "CSP violations in the frame"
    );
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert_same_origin(&browser.requested_urls().await, &server.origin());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn after_a_first_visit_the_app_works_offline() {
    let server = serve();
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of(HEADLINE).await;
    browser
        .wait_for_js(
            "the service worker to control the page",
            "return !!navigator.serviceWorker.controller",
        )
        .await;
    let scope = browser
        .client
        .execute("return navigator.serviceWorker.ready.then(r => r.scope)", vec![])
        .await
        .expect("the scope");
    assert_eq!(
        scope,
        json!(server.url("/")),
        "the service worker's scope is the sub-path"
    );
    assert!(browser.console_errors().await.is_empty());

    server.set_offline(true);
    browser.client.refresh().await.expect("reload");
    let availability = browser.text_of(HEADLINE).await;
    assert!(
        availability.ends_with('%'),
        "offline, the availability headline shows {availability:?}"
    );
    browser
        .wait_for_js(
            "period rows offline",
            "return document.querySelectorAll('[data-testid=period-row]').length >= 3",
        )
        .await;

    // Another address of the same page (a query) comes from the cache too.
    browser
        .client
        .goto(&server.url("/?embed=1"))
        .await
        .expect("open the embed view offline");
    browser.wait_for_js("the embed view offline", "return document.body.classList.contains('embed') && !!document.querySelector('[data-testid=headline-availability] .value')").await;
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors offline: {errors:?}");

    // With no answer at all (the network off, not a failing server) it opens the same way.
    server.set_offline(false);
    server.set_unreachable(true);
    browser
        .client
        .goto(&server.url("/"))
        .await
        .expect("open the app with the network off");
    browser
        .wait_for_js(
            "the report with the network off",
            "return !document.body.classList.contains('embed') && !!document.querySelector('[data-testid=headline-availability] .value')",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn embed_mode_hides_the_header_nav_and_privacy_line() {
    let server = serve();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&server.url("/?embed=1"))
        .await
        .expect("open the embed view");
    browser.text_of(HEADLINE).await;
    let hidden = browser
        .wait_for_js(
            "the compact header",
            "const shown = s => getComputedStyle(document.querySelector(s)).display !== 'none'; \
             return document.body.classList.contains('embed') && !shown('.page-nav') && !shown('.app-header .privacy') && shown('.app-header h1') && 'ok'",
        )
        .await;
    assert_eq!(hidden, json!("ok"));
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await;
}
