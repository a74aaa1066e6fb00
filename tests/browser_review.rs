//! Browser tests of the service review on the release bundle in headless Chromium: the trends,
//! "where it comes from" and review sections show what sla-core computes natively for the
//! built-in sample; "Export review (JSON)" downloads the same document as the command line's
//! `sla report --sample --review --format json` (and, for one period, as the core's review of
//! that period); "Print the review" prints only the review; the console stays clean. Run by
//! `scripts/test.sh`; ignored by a plain `cargo test`:
//!
//!     SLA_DIST=dist cargo test --test browser_review -- --ignored --test-threads=1

mod support;

use fantoccini::Locator;
use serde_json::Value;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::report::Report;
use sla_core::review::{review_from_report, ReviewOptions, ReviewReport};
use sla_core::sample;
use sla_web::components::review::text::{direction_label, ReviewMsg};
use sla_web::format;
use sla_web::i18n::Lang;
use std::path::PathBuf;
use std::process::Command;
use support::browser::Browser;
use support::server::StaticServer;

use support::{dist, sla_binary};

/// A fresh browser on the app's first screen, waited until the sample's review shows.
async fn open_sample(server: &StaticServer) -> Browser {
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=review-body]").await;
    browser
}

/// The sample's report and the core's review of it (whole span, or one period).
fn native(focus: Option<&str>) -> (Report, ReviewReport) {
    let (agreement, incidents) = (sample::sample_agreement(), sample::sample_incidents());
    let report = build_report(&agreement, &incidents, &ReportRequest::as_of(sample::sample_as_of())).expect("report");
    let options = ReviewOptions {
        focus: focus.map(str::to_string),
        ..ReviewOptions::default()
    };
    let review = review_from_report(&agreement, &incidents, &report, &options).expect("review");
    (report, review)
}



/// Number of pages in a PDF (its page objects).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn the_review_screens_show_the_cores_figures() {
    let server = StaticServer::start(&dist());
    let browser = open_sample(&server).await;
    let (_, review) = native(None);

    // Trends: one tile per metric, each with the core's direction and values.
    let directions = browser
        .client
        .execute("return [...document.querySelectorAll('[data-testid=trend]')].map(e => [e.dataset.metric, e.dataset.direction])", vec![])
        .await
        .expect("read the trends");
    let expected: Vec<Value> = review
        .trends
        .iter()
        .map(|t| {
            serde_json::json!([
                format!("{:?}", t.metric).to_lowercase(),
                format!("{:?}", t.direction).to_lowercase()
            ])
        })
        .collect();
    assert_eq!(directions, Value::Array(expected));
    let badges = browser.texts("[data-testid=trend-direction]").await;
    let words: Vec<String> = review.trends.iter().map(|t| direction_label(t, Lang::En)).collect();
    assert_eq!(badges, words);
    let availability = browser.texts("[data-metric=availability] [data-testid=trend-point] td").await;
    let values: Vec<String> = review.trends[0]
        .points
        .iter()
        .map(|p| format::percent(p.value.unwrap_or(f64::NAN), 3))
        .collect();
    assert_eq!(availability, values);

    // Where it comes from: by service first, in the core's order and amounts.
    let c = &review.contributors;
    let credits = browser.texts("[data-testid=contributors] [data-testid=contributor-credit]").await;
    let service: Vec<String> = c.tables[0]
        .rows
        .iter()
        .map(|r| format::grouped(r.credit_amount, 2))
        .collect();
    assert_eq!(credits, service);
    // Switch to the category breakdown.
    let select = browser
        .client
        .find(Locator::Css("#contributor-dimension"))
        .await
        .expect("dimension picker");
    select.select_by_value("category").await.expect("choose category");
    let category = c
        .tables
        .iter()
        .find(|t| t.dimension == sla_core::review::Dimension::Category)
        .expect("the sample has categories");
    let first = category.rows[0].key.clone().unwrap_or_default();
    let script = format!(
        "const t = document.querySelector('[data-testid=contributor-table]'); return t && t.dataset.dimension === 'category' && t.querySelector('th[scope=row]').textContent === {first:?}"
    );
    browser.wait_for_js("the category breakdown", &script).await;
    let credits = browser.texts("[data-testid=contributors] [data-testid=contributor-credit]").await;
    let by_category: Vec<String> = category
        .rows
        .iter()
        .map(|r| format::grouped(r.credit_amount, 2))
        .collect();
    assert_eq!(credits, by_category);
    let top = browser.texts("[data-testid=contributors] [data-testid=top-incident-credit]").await;
    let top_expected: Vec<String> = c
        .top_incidents
        .iter()
        .map(|i| format::grouped(i.credit_amount, 2))
        .collect();
    assert_eq!(top, top_expected);

    // The review document: availability and credit per period, the missed targets.
    let shown = browser.texts("[data-testid=review-availability]").await;
    let periods: Vec<String> = review
        .periods
        .iter()
        .map(|p| format::percent(p.availability_percent, 3))
        .collect();
    assert_eq!(shown, periods);
    let shown = browser.texts("[data-testid=review-credit]").await;
    let credit: Vec<String> = review
        .periods
        .iter()
        .map(|p| format::grouped(p.credit_amount, 2))
        .collect();
    assert_eq!(shown, credit);
    assert_eq!(
        browser.texts("[data-testid=review-missed-item]").await.len(),
        review.missed.len()
    );

    // In traditional Chinese the review speaks it too.
    let lang = browser
        .client
        .find(Locator::Css("#lang-select"))
        .await
        .expect("language switch");
    lang.select_by_value(Lang::ZhHant.tag()).await.expect("choose 繁體中文");
    let heading = ReviewMsg::ReviewHeading.text(Lang::ZhHant);
    browser
        .wait_for_js(
            "the review in 繁體中文",
            &format!("return document.querySelector('#review-heading').textContent === {heading:?}"),
        )
        .await;
    let badges = browser.texts("[data-testid=trend-direction]").await;
    let words: Vec<String> = review.trends.iter().map(|t| direction_label(t, Lang::ZhHant)).collect();
    assert_eq!(badges, words);

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn the_exported_review_equals_the_command_lines_and_the_cores() {
    let server = StaticServer::start(&dist());
    let browser = open_sample(&server).await;

    // The whole span: the same document as `sla report --sample --review --format json`.
    browser
        .client
        .find(Locator::Css("#export-review"))
        .await
        .expect("export button")
        .click()
        .await
        .expect("click");
    let (name, bytes) = browser.downloaded("2026-06-30.json").await;
    assert_eq!(name, "sla-review-payments-api-2026-01-01-2026-06-30.json");
    let from_app: Value = serde_json::from_slice(&bytes).expect("the export is JSON");
    assert_eq!(from_app["schema"], "sla-review/1");
    let out = Command::new(sla_binary())
        .args(["report", "--sample", "--review", "--format", "json"])
        .output()
        .expect("run sla");
    assert!(
        out.status.success(),
        "sla failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_cli: Value = serde_json::from_slice(&out.stdout).expect("the CLI prints JSON");
    assert_eq!(from_app, from_cli, "the app's review and the command line's differ");
    let (_, whole) = native(None);
    let from_core: Value = serde_json::from_str(&serde_json::to_string_pretty(&whole).expect("json")).expect("json");
    assert_eq!(from_app, from_core);

    // One period: the core's review of May.
    let select = browser
        .client
        .find(Locator::Css("#review-focus"))
        .await
        .expect("period picker");
    select.select_by_value("2026-05").await.expect("choose May");
    browser
        .wait_for_js(
            "the review of May",
            "return document.querySelector('[data-testid=review-body]').dataset.focus === '2026-05'",
        )
        .await;
    let (_, may) = native(Some("2026-05"));
    let rows = browser.texts("[data-testid=review-period-row] th").await;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].starts_with("2026-05"), "{rows:?}");
    browser
        .client
        .find(Locator::Css("#export-review"))
        .await
        .expect("export button")
        .click()
        .await
        .expect("click");
    let (name, bytes) = browser.downloaded("-2026-05.json").await;
    assert_eq!(name, "sla-review-payments-api-2026-05.json");
    let from_app: Value = serde_json::from_slice(&bytes).expect("the export is JSON");
    let from_core: Value = serde_json::from_str(&serde_json::to_string_pretty(&may).expect("json")).expect("json");
    assert_eq!(from_app, from_core);
    assert_eq!(from_app["focus"], "2026-05");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn printing_the_review_prints_only_the_review() {
    let server = StaticServer::start(&dist());
    let browser = open_sample(&server).await;

    // The button sets the class for the print dialog and takes it off after printing (the
    // dialog itself is replaced by a probe: headless Chromium has none to show).
    browser
        .client
        .execute(
            "window.__classDuringPrint = null; window.print = () => { window.__classDuringPrint = document.documentElement.classList.contains('printing-review'); }; return true",
            vec![],
        )
        .await
        .expect("probe window.print");
    browser
        .client
        .find(Locator::Css("#print-review"))
        .await
        .expect("print button")
        .click()
        .await
        .expect("click");
    browser
        .wait_for_js("the print call", "return window.__classDuringPrint === true")
        .await;
    browser
        .client
        .execute("window.dispatchEvent(new Event('afterprint')); return true", vec![])
        .await
        .expect("afterprint");
    browser
        .wait_for_js(
            "the class removed",
            "return !document.documentElement.classList.contains('printing-review')",
        )
        .await;

    // The whole page prints as before; with the class set only the review is printed, on
    // fewer pages.
    let whole = browser
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("print the page");
    assert!(whole.starts_with(b"%PDF"), "not a PDF");
    browser
        .client
        .execute(
            "document.documentElement.classList.add('printing-review'); return true",
            vec![],
        )
        .await
        .expect("set the class");
    let only = browser
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("print the review");
    assert!(only.starts_with(b"%PDF"), "not a PDF");
    let (pages_whole, pages_only) = (pdf_pages(&whole), pdf_pages(&only));
    assert!(pages_only >= 1, "the review printed no page");
    assert!(
        pages_only < pages_whole,
        "the review alone ({pages_only} pages) is not shorter than the page ({pages_whole} pages)"
    );
    // Kept for a person to look at.
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let _ = std::fs::write(target.join("print-review.pdf"), &only);

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await;
}
