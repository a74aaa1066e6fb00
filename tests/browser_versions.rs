//! Browser tests of the agreement's versions in real headless Chromium (same support as
//! `tests/browser.rs`): the sample's periods each name the version in force, "what if it applied
//! all along" is one click and shows what core computes natively, a version added in the page
//! applies from its date, and the share link carries every version. Ignored by a plain
//! `cargo test`:
//!
//!     trunk build --release && SLA_DIST=dist cargo test --test browser_versions -- --ignored --test-threads=1

#[allow(dead_code)]
mod support;

use fantoccini::Locator;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::Revision;
use sla_core::sample;
use sla_core::share;
use support::browser::Browser;
use support::server::StaticServer;

use support::dist;


/// Sets an input's value as a user would and fires its events.
async fn set_value(browser: &Browser, css: &str, value: &str) {
    let script = format!(
        "const e = document.querySelector({css:?}); e.focus(); e.value = {value:?}; \
         e.dispatchEvent(new Event('input', {{bubbles: true}})); e.dispatchEvent(new Event('change', {{bubbles: true}})); return true"
    );
    browser.client.execute(&script, vec![]).await.expect("set the value");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn versions_apply_per_period_what_if_is_one_click_and_the_link_keeps_them() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;

    // Each period names the version core says applied.
    let agreement = sample::sample_agreement();
    let incidents = sample::sample_incidents();
    let request = ReportRequest::as_of(sample::sample_as_of());
    let report = build_report(&agreement, &incidents, &request).expect("report");
    let expected: Vec<String> = report.periods.iter().map(|p| p.version.clone()).collect();
    assert_eq!(browser.texts("[data-testid=period-version]").await, expected);

    // What-if, latest version all along: the per-period verdicts are the what-if report's.
    let last = agreement.version_count() - 1;
    let alt = build_report(&agreement.as_if_always(last).expect("version"), &incidents, &request).expect("report");
    let buttons = browser.client.find_all(Locator::Css("[data-testid=version-what-if]")).await.expect("buttons");
    buttons.last().expect("a what-if button").click().await.expect("click");
    browser.wait_for_js("the what-if banner", "return !!document.querySelector('[data-testid=what-if]')").await;
    let met: Vec<String> = alt.periods.iter().map(|p| p.figures.availability.met.to_string()).collect();
    let shown = browser
        .wait_for_js(
            "the what-if verdicts",
            "return Array.from(document.querySelectorAll('[data-testid=period-row] [data-met]')).map(e => e.dataset.met)",
        )
        .await;
    let shown: Vec<String> = shown.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default();
    assert_eq!(shown, met);
    browser.client.find(Locator::Css("[data-testid=what-if-back]")).await.expect("back").click().await.expect("click");
    browser.wait_for_js("the banner to go", "return !document.querySelector('[data-testid=what-if]')").await;

    // Add version 9.0 from 2026-06-01 with a 99.99 % target: June is measured under it.
    set_value(&browser, "#version-new-label", "9.0").await;
    set_value(&browser, "#version-new-date", "2026-06-01").await;
    browser.client.find(Locator::Css("#version-add")).await.expect("add").click().await.expect("click");
    browser
        .wait_for_js("the new version row", "return document.querySelectorAll('[data-testid=version-row]').length === 3")
        .await;
    let target = browser.client.find(Locator::Css("#target-input")).await.expect("target field");
    target.clear().await.expect("clear");
    target.send_keys("99.99").await.expect("type");
    let mut with_new = agreement.clone();
    let mut r = Revision::new("9.0", "2026-06-01".parse().expect("date"));
    r.availability_target_percent = Some(99.99);
    with_new.revisions.push(r);
    let report = build_report(&with_new, &incidents, &request).expect("report");
    let expected: Vec<String> = report.periods.iter().map(|p| p.version.clone()).collect();
    assert_eq!(expected.last().map(String::as_str), Some("9.0"));
    let script = format!(
        "return Array.from(document.querySelectorAll('[data-testid=period-version]')).map(e => e.textContent.trim()).join('|') === {:?}",
        expected.join("|")
    );
    browser.wait_for_js("June under version 9.0", &script).await;

    // The share link holds all three versions exactly.
    let link = browser.share_link().await;
    let payload = link.split_once('#').and_then(|(_, f)| share::payload_in_fragment(f)).expect("a fragment");
    assert_eq!(share::decode(payload), Ok(with_new));
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}
