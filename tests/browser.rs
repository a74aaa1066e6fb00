//! Browser tests: the release bundle (`dist/`, built by `trunk build --release`) in a real
//! headless Chromium, driven through ChromeDriver. Run by `scripts/test.sh`; ignored by a plain
//! `cargo test` because they need the bundle and the browser:
//!
//!     SLA_DIST=dist cargo test --test browser -- --ignored --test-threads=1

mod support;

use support::browser::Browser;
use support::server::StaticServer;
use std::path::PathBuf;

fn dist() -> PathBuf {
    let dir = std::env::var("SLA_DIST").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(dir.join("index.html").is_file(), "no bundle at {}: run `trunk build --release` first", dir.display());
    dir
}

/// Every URL the page loaded must be on the test server's origin.
fn assert_same_origin(urls: &[String], origin: &str) {
    assert!(!urls.is_empty(), "the page loaded nothing at all");
    let foreign: Vec<&String> = urls.iter().filter(|u| !u.starts_with(&format!("{origin}/"))).collect();
    assert!(foreign.is_empty(), "the page requested resources from other origins: {foreign:?}");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn sample_report_loads_with_a_clean_console_and_only_own_origin_requests() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");

    let availability = browser.text_of("[data-testid=headline-availability] .value").await;
    assert!(availability.ends_with('%'), "availability headline shows {availability:?}");
    let periods = browser.wait_for_js("period rows", "return document.querySelectorAll('[data-testid=period-row]').length").await;
    assert!(periods.as_u64().unwrap_or(0) >= 3, "expected the sample's periods, got {periods}");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert_same_origin(&browser.requested_urls().await, &server.origin());
    for r in server.requests() {
        assert_eq!(r.status, 200, "the server answered {} to {}", r.status, r.path);
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_panic_shows_the_error_banner() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/?debug-panic")).await.expect("open the app");
    let banner = browser.text_of("#panic-banner").await;
    assert!(banner.contains("test panic requested by ?debug-panic"), "banner says {banner:?}");
    assert!(banner.contains("Reload"), "banner says {banner:?}");
    browser.close().await;
}
