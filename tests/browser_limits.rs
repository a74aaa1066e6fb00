//! Browser tests of the page's limits and boundaries, on the release bundle in a real headless
//! Chromium through ChromeDriver (same support as `tests/browser.rs`):
//! - a file over the supported size ([`sla_core::import::MAX_INPUT_BYTES`]), generated in the
//!   page as a `Blob`, is refused before it is read, with the message naming the limit, and the
//!   tab goes on showing the report it had;
//! - a file larger than one read slice (files are read 8 MB at a time) arrives whole: every row
//!   is accounted for exactly as a native import of the same bytes;
//! - a whole journey (import a file, change the target, export JSON and CSV, make a share link,
//!   open the calculators and a calculator link) requests nothing outside the page's origin,
//!   asserted from the browser's resource timing and from the test server's request log.
//!
//! Ignored by a plain `cargo test`:
//!
//!     trunk build --release && SLA_DIST=dist cargo test --test browser_limits -- --ignored --test-threads=1

#[allow(dead_code)]
mod support;

use fantoccini::Locator;
use sla_core::import::MAX_INPUT_BYTES;
use sla_web::components::import::text::too_large_text;
use std::path::PathBuf;
use support::browser::Browser;
use support::server::StaticServer;

use support::{assert_same_origin, dist};

/// The headline availability figure, present once the report is on screen.
const HEADLINE: &str = "[data-testid=headline-availability] .value";



#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_file_over_the_size_limit_is_refused_up_front_and_the_tab_survives() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    let before = browser.text_of(HEADLINE).await;
    let lang = browser.page_lang().await;

    // 1 MB over the limit, made in the page from one 1 MB chunk repeated (the browser's blob
    // store holds it; nothing is read unless the app reads it).
    let size = MAX_INPUT_BYTES + 1_000_000;
    let chunks = size / 1_000_000;
    let script = format!(
        "const chunk = new Uint8Array(1000000).fill(44);
         const file = new File(Array({chunks}).fill(chunk), 'huge.csv', {{ type: 'text/csv' }});
         const dt = new DataTransfer();
         dt.items.add(file);
         const input = document.querySelector('#file-input');
         input.files = dt.files;
         input.dispatchEvent(new Event('change', {{ bubbles: true }}));
         return file.size;"
    );
    let made = browser
        .client
        .execute(&script, vec![])
        .await
        .expect("make and choose the Blob");
    assert_eq!(made.as_u64(), Some(size), "the generated file's size");

    let expected = too_large_text(lang, "huge.csv", size);
    assert!(expected.contains("200 MB"), "{expected}");
    let wait = format!(
        "const e = document.querySelector('[data-testid=import-error]'); return !!e && e.textContent === {expected:?}"
    );
    browser.wait_for_js("the size message", &wait).await;

    // The tab survives: it still answers, shows the report it had, never started reading.
    let after = browser.text_of(HEADLINE).await;
    assert_eq!(after, before, "the report changed");
    let progress = browser
        .client
        .execute(
            "return document.querySelectorAll('[data-testid=import-progress]').length",
            vec![],
        )
        .await
        .expect("the page answers");
    assert_eq!(progress, serde_json::json!(0), "an import started");
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");

    // A file within the limit is still read after the refusal.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/import/servicenow.csv");
    browser.choose_file("#file-input", &path).await;
    browser
        .wait_for_js(
            "the next file's accounting",
            "const s = document.querySelector('[data-testid=row-accounting]'); return !!s && !document.querySelector('[data-testid=import-error]')",
        )
        .await;
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_whole_journey_requests_nothing_outside_the_origin() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of(HEADLINE).await;

    // Import a file.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/import/servicenow.csv");
    browser.choose_file("#file-input", &path).await;
    browser
        .wait_for_js(
            "the import's accounting",
            "const s = document.querySelector('[data-testid=row-accounting]'); return !!s && s.textContent.includes('accepted')",
        )
        .await;

    // Change the target.
    let target = browser
        .client
        .find(Locator::Css("#target-input"))
        .await
        .expect("target field");
    target.clear().await.expect("clear");
    target.send_keys("99.5").await.expect("type");
    browser
        .wait_for_js(
            "the edit to be stored",
            "return (localStorage.getItem('sla-app-state') || '').includes('\"availability_target_percent\":99.5')",
        )
        .await;

    // Export JSON and CSV.
    browser
        .client
        .find(Locator::Css("#export-json"))
        .await
        .expect("JSON export")
        .click()
        .await
        .expect("click");
    let (_, json) = browser.downloaded(".json").await;
    let report: serde_json::Value = serde_json::from_slice(&json).expect("the export is JSON");
    assert_eq!(report["schema"], "sla-report/1");
    browser
        .client
        .find(Locator::Css("#export-csv"))
        .await
        .expect("CSV export")
        .click()
        .await
        .expect("click");
    browser.downloaded(".csv").await;

    // Make a share link.
    let link = browser.share_link().await;
    assert!(link.starts_with(&server.origin()) && link.contains("#a=1."), "{link}");

    // The calculators, on the page and from a calculator link.
    let calc = browser
        .client
        .wait()
        .at_most(support::browser::WAIT)
        .for_element(Locator::Css("#calc-target"))
        .await
        .expect("calculator target");
    calc.clear().await.expect("clear");
    calc.send_keys("99.95").await.expect("type");
    browser
        .wait_for_js(
            "the allowed downtime",
            "return document.querySelectorAll('[data-testid=allowed-row]').length === 5",
        )
        .await;
    let urls_before_link = browser.requested_urls().await;
    assert_same_origin(&urls_before_link, &server.origin());
    browser
        .client
        .goto(&server.url("/?calc=downtime&target=99.99"))
        .await
        .expect("open a calculator link");
    browser
        .wait_for_js(
            "the linked calculator",
            "const e = document.querySelector('#calc-target'); return !!e && e.value === '99.99'",
        )
        .await;
    assert_same_origin(&browser.requested_urls().await, &server.origin());

    // The server saw only GETs of the bundle's own files.
    let bundle = dist();
    for r in server.requests() {
        assert_eq!(r.method, "GET", "{r:?}");
        let file = r.path.split(['?', '#']).next().unwrap_or("").trim_start_matches('/');
        let file = if file.is_empty() { "index.html" } else { file };
        assert!(
            bundle.join(file).is_file(),
            "a request for something not in the bundle: {r:?}"
        );
    }
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_file_larger_than_one_read_slice_arrives_whole() {
    use sla_core::import::{generate::generate_csv_within_days, Preset};
    // Files are read in 8 MB slices (src/components/import/panel.rs): a file of about 10 MB
    // takes two, and a slice lost, repeated or joined out of order would cut a row in two
    // (a rejected row) or change the count.
    let n = 90_000;
    let dir = support::browser::TempDir::new("slices");
    let path = dir.0.join("two-slices.csv");
    let csv = generate_csv_within_days(n, 11, Preset::Generic, 300);
    assert!(csv.len() > 8 << 20, "the file must need more than one slice: {} bytes", csv.len());
    std::fs::write(&path, &csv).expect("write the generated log");

    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of(HEADLINE).await;
    browser.choose_file("#file-input", &path).await;
    // The same bytes read natively in the sample's zone (a few generated times fall in the
    // spring-forward gap and are rejected, in both).
    let zone = sla_core::sample::sample_agreement().tz().expect("the sample's zone");
    let native = sla_core::import::import(csv.as_bytes(), &sla_core::import::ImportOptions::in_zone(zone)).expect("native import").counts;
    assert_eq!(native.read, n as u64);
    let g = |v: u64| sla_web::format::grouped(v as f64, 0);
    let expected = format!("{} = {} ", g(native.read), g(native.accepted));
    browser
        .wait_for_js(
            "every row read, accounted as natively",
            &format!("const s = document.querySelector('[data-testid=row-accounting]'); return !!s && s.textContent.includes({expected:?})"),
        )
        .await;
    let text = browser.text_of("[data-testid=row-accounting]").await;
    assert!(text.contains(&format!("+ {} ", g(native.excluded))) && text.contains(&format!("+ {} ", g(native.rejected))), "{text} vs {native:?}");
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}
