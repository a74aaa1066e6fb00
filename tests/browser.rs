//! Browser tests: the release bundle (`dist/`, built by `trunk build --release`) in a real
//! headless Chromium, driven through ChromeDriver. Run by `scripts/test.sh`; ignored by a plain
//! `cargo test` because they need the bundle and the browser:
//!
//!     SLA_DIST=dist cargo test --test browser -- --ignored --test-threads=1

mod support;

use support::browser::Browser;
use support::server::StaticServer;
use std::path::PathBuf;

use support::{assert_same_origin, dist};

/// The headline availability figure, present once the report is on screen.
const HEADLINE: &str = "[data-testid=headline-availability] .value";

/// A fresh browser on the app's first screen, waited until the sample report shows.
async fn open_sample(server: &StaticServer) -> Browser {
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of(HEADLINE).await;
    browser
}


#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn sample_report_loads_with_a_clean_console_and_only_own_origin_requests() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");

    let availability = browser.text_of(HEADLINE).await;
    assert!(availability.ends_with('%'), "availability headline shows {availability:?}");
    let periods = browser.wait_for_js("period rows", "return document.querySelectorAll('[data-testid=period-row]').length").await;
    assert!(periods.as_u64().unwrap_or(0) >= 3, "expected the sample's periods, got {periods}");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert_same_origin(&browser.requested_urls().await, &server.origin());
    let requests = server.requests();
    for r in &requests {
        assert_eq!(r.status, 200, "the server answered {} to {}", r.status, r.path);
    }
    // The release build's precompressed copies (scripts/precompress.sh) are what a host with
    // gzip_static sends; the page ran on them, so they decode to the files (the wasm's
    // integrity hash is checked on the decoded bytes).
    for ext in ["_bg.wasm", ".js", ".css"] {
        assert!(
            requests.iter().any(|r| r.path.ends_with(ext) && r.encoding == "gzip"),
            "no {ext} file was served from its precompressed .gz: {requests:?}"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_panic_keeps_the_edited_agreement_for_the_next_load() {
    use fantoccini::Locator;
    let server = StaticServer::start(&dist());
    let browser = open_sample(&server).await;
    let input = browser.client.find(Locator::Css("#target-input")).await.expect("target field");
    input.clear().await.expect("clear");
    input.send_keys("99.5").await.expect("type");
    // The form edits the first version; its first period is measured against the new target.
    browser.wait_for_js("the report for 99.5 %", "return document.querySelector('[data-testid=period-row] [data-met]').textContent.includes('99.50')").await;
    browser.client.goto(&server.url("/?debug-panic")).await.expect("open with a panic");
    let banner = browser.text_of("#panic-banner").await;
    assert!(banner.contains("internal error and stopped"), "{banner:?}");
    browser.client.goto(&server.url("/")).await.expect("reload");
    browser.wait_for_js("the kept target", "const i = document.querySelector('#target-input'); return i && i.value === '99.5'").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_panic_shows_the_error_banner() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/?debug-panic")).await.expect("open the app");
    let banner = browser.text_of("#panic-banner").await;
    assert!(banner.contains("internal error and stopped"), "banner says {banner:?}");
    assert!(banner.contains("Reload"), "banner says {banner:?}");
    browser.close().await;
}

mod journeys {
    use super::*;
    use fantoccini::Locator;
    use sla_core::engine::{build_report, ReportRequest};
    use sla_core::import::{import, ImportOptions};
    use sla_core::model::latest_instant;
    use sla_core::sample;
    use sla_web::format;
    use sla_web::i18n::{Lang, Msg};

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/import").join(name)
    }

    /// The headline availability and credit texts the app must show for `agreement` over
    /// `incidents`, computed here by the same core natively.
    fn expected_headline(agreement: &sla_core::model::Agreement, incidents: &[sla_core::model::Incident], as_of: chrono::DateTime<chrono::Utc>) -> (String, String, usize) {
        let report = build_report(agreement, incidents, &ReportRequest { as_of, from: None, to: None }).expect("report");
        let a = &report.total.figures.availability;
        let missed = report.periods.iter().filter(|p| !p.figures.availability.met).count();
        (format::percent(a.availability_percent, 3), format::money(report.total.credit_amount, &report.total.currency), missed)
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn editing_the_target_changes_the_report() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;

        let mut agreement = sample::sample_agreement();
        agreement.availability_target_percent = 99.5;
        let (_, credit, missed) = expected_headline(&agreement, &sample::sample_incidents(), sample::sample_as_of());
        let input = browser.client.find(Locator::Css("#target-input")).await.expect("target field");
        input.clear().await.expect("clear");
        input.send_keys("99.5").await.expect("type");
        let script = format!(
            "return document.querySelector('[data-testid=headline-credit] .value').textContent === {:?} && document.querySelectorAll('[data-testid=period-row] [data-met=false]').length === {missed}",
            credit
        );
        browser.wait_for_js("the report for a 99.5 % target", &script).await;

        // An impossible target gets its message next to the field, and no crash.
        input.clear().await.expect("clear");
        input.send_keys("100.5").await.expect("type");
        browser.wait_for_js("the target error", "return document.querySelector('#target-error').textContent.includes('100.5')").await;
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn uploading_a_servicenow_export_shows_its_availability_credit_and_row_accounting() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;

        let path = fixture("servicenow.csv");
        let agreement = sample::sample_agreement();
        let bytes = std::fs::read(&path).expect("fixture");
        let outcome = import(&bytes, &ImportOptions::in_zone(agreement.tz().expect("zone"))).expect("imports natively");
        let as_of = latest_instant(&outcome.incidents).expect("has times");
        let (availability, credit, _) = expected_headline(&agreement, &outcome.incidents, as_of);
        let c = outcome.counts;
        assert!(c.excluded > 0, "the fixture has a canceled incident");

        browser.choose_file("#file-input", &path).await;
        let script = format!(
            "const v = document.querySelector('[data-testid=headline-availability] .value'); return v && v.textContent === {:?} && document.querySelector('[data-testid=headline-credit] .value').textContent === {:?}",
            availability, credit
        );
        browser.wait_for_js("the uploaded file's report", &script).await;
        let accounting = browser.text_of("[data-testid=row-accounting]").await;
        let expected = format!("{} = {} accepted + {} excluded + {} rejected", c.read, c.accepted, c.excluded, c.rejected);
        assert!(accounting.contains(&expected), "{accounting:?} should contain {expected:?}");
        // Inside a collapsed <details>: read its textContent, not its rendered text.
        browser.wait_for_js("the detected preset", "return document.querySelector('[data-testid=detection]').textContent.includes('ServiceNow')").await;
        assert!(browser.console_errors().await.is_empty());
        assert!(server.requests().iter().all(|r| r.method == "GET"), "only the bundle was fetched: {:?}", server.requests());
        browser.close().await;
    }

    /// The bundle has no Big5 or GB18030 tables: the browser's TextDecoder decodes them
    /// (src/text_decoder.rs). Detection, row accounting and the text match the native import.
    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn big5_and_gb18030_files_import_as_they_do_natively() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        let agreement = sample::sample_agreement();
        for (name, label) in [("big5.csv", "Big5"), ("gb18030.csv", "GB18030")] {
            let path = fixture(name);
            let bytes = std::fs::read(&path).expect("fixture");
            let outcome = import(&bytes, &ImportOptions::in_zone(agreement.tz().expect("zone"))).expect("imports natively");
            assert_eq!(outcome.detection.encoding.label(), label);
            let c = outcome.counts;
            let accounting = format!("{} = {} accepted + {} excluded + {} rejected", c.read, c.accepted, c.excluded, c.rejected);
            let title = outcome.incidents[0].title.clone();
            browser.choose_file("#file-input", &path).await;
            let script = format!(
                "const a = document.querySelector('[data-testid=row-accounting]'); const d = document.querySelector('[data-testid=detection]'); \
                 return !!a && a.textContent.includes({accounting:?}) && !!d && d.textContent.includes({label:?}) && document.body.textContent.includes({title:?})"
            );
            browser.wait_for_js(&format!("{name} decoded in the browser"), &script).await;
        }
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn the_incident_table_shows_what_each_incident_counted() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        browser.client.find(Locator::Css("#incident-table-toggle")).await.expect("toggle").click().await.expect("open");
        let n = sample::sample_incidents().len();
        browser.wait_for_js("the incident rows", &format!("return document.querySelectorAll('[data-testid=incident-row]').length === {n}")).await;
        let select = browser.client.find(Locator::Css("#filter-priority")).await.expect("priority filter");
        select.select_by_value("P1").await.expect("filter");
        let p1 = sample::sample_incidents().iter().filter(|i| i.priority.as_deref() == Some("P1")).count();
        browser.wait_for_js("only P1 rows", &format!("return document.querySelectorAll('[data-testid=incident-row]').length === {p1}")).await;
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn the_quick_calculator_answers_without_an_upload() {
        use sla_core::calc::{allowed_downtime, Convention, PeriodKind};
        let server = StaticServer::start(&dist());
        let browser = Browser::start().await;
        browser.client.goto(&server.url("/")).await.expect("open the app");
        let input = browser.client.wait().at_most(support::browser::WAIT).for_element(Locator::Css("#calc-target")).await.expect("calculator target");
        input.clear().await.expect("clear");
        input.send_keys("99.95").await.expect("type");
        let month = allowed_downtime(99.95, PeriodKind::Month, &Convention::ThirtyDayMonth).expect("computes").allowed_text();
        let script = format!(
            "const rows = [...document.querySelectorAll('[data-testid=allowed-row]')]; return rows.length === 5 && rows[2].textContent.includes({month:?})"
        );
        browser.wait_for_js("the allowed downtime for 99.95 %", &script).await;
        assert!(browser.console_errors().await.is_empty());
        assert_same_origin(&browser.requested_urls().await, &server.origin());
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn html_in_an_uploaded_title_is_shown_as_text_never_run() {
        let dir = support::browser::TempDir::new("xss");
        let path = dir.0.join("hostile.csv");
        let title = "<img src=x onerror=alert(1)>";
        std::fs::write(&path, format!("id,title,priority,start,end\nX-1,{title},P1,2026-03-01T10:00:00Z,2026-03-01T11:00:00Z\n")).expect("write");
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        browser.choose_file("#file-input", &path).await;
        browser.wait_for_js("the hostile file's report", "const s = document.querySelector('[data-testid=row-accounting]'); return s && s.textContent.startsWith('Rows read: 1 =')").await;
        browser.client.find(Locator::Css("#incident-table-toggle")).await.expect("toggle").click().await.expect("open");
        browser.wait_for_js("the title as text", &format!("return [...document.querySelectorAll('[data-testid=incident-row] td')].some(td => td.textContent === {title:?})")).await;
        let images = browser.client.execute("return document.querySelectorAll('img').length", vec![]).await.expect("count images");
        assert_eq!(images, serde_json::json!(0), "markup from an upload must never become elements");
        assert!(server.requests().iter().all(|r| !r.path.ends_with("/x")), "the page tried to load the injected image");
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn switching_language_translates_the_page() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        for lang in [Lang::ZhHant, Lang::ZhHans, Lang::En] {
            let select = browser.client.find(Locator::Css("#lang-select")).await.expect("language select");
            select.select_by_value(lang.tag()).await.expect("choose");
            let script = format!(
                "return document.documentElement.lang === {:?} && document.querySelector('[data-testid=headline-availability] .label').textContent === {:?}",
                lang.tag(),
                Msg::Availability.text(lang)
            );
            browser.wait_for_js(&format!("the page in {lang:?}"), &script).await;
        }
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }
}

mod exports {
    use super::*;
    use fantoccini::Locator;
    use std::process::Command;
    use support::sla_binary;

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn the_exported_json_equals_the_command_lines_report() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        browser.client.find(Locator::Css("#export-json")).await.expect("export button").click().await.expect("click");
        let (name, bytes) = browser.downloaded(".json").await;
        assert!(name.starts_with("sla-report-payments-api-"), "{name}");
        let from_app: serde_json::Value = serde_json::from_slice(&bytes).expect("the export is JSON");

        let out = Command::new(sla_binary()).args(["report", "--sample", "--format", "json"]).output().expect("run sla");
        assert!(out.status.success(), "sla failed: {}", String::from_utf8_lossy(&out.stderr));
        let from_cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the CLI prints JSON");
        assert_eq!(from_app["schema"], "sla-report/1");
        assert_eq!(from_app, from_cli, "the app's export and the command line's report differ");

        browser.client.find(Locator::Css("#export-csv")).await.expect("csv button").click().await.expect("click");
        let (_, csv) = browser.downloaded(".csv").await;
        let csv = String::from_utf8(csv).expect("UTF-8 CSV");
        let rows = from_app["periods"].as_array().map(Vec::len).unwrap_or(0);
        assert_eq!(csv.lines().count(), rows + 1, "a header and one row per period:\n{csv}");
        browser.close().await;
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn zones_from_the_browser_give_the_command_lines_report() {
        // The page's time zones come from the browser (Intl), the command line's from the
        // compiled database: the same agreement and log give the same report in zones with
        // half-hour offsets and half-hour daylight saving, across their 2026 changes.
        for zone in ["America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata"] {
            let dir = support::browser::TempDir::new("zone");
            let mut agreement = sla_core::sample::sample_agreement();
            agreement.time_zone = zone.to_string();
            let agreement_path = dir.0.join("agreement.json");
            std::fs::write(&agreement_path, serde_json::to_string_pretty(&agreement).expect("JSON")).expect("write");
            let incidents_path = dir.0.join("incidents.csv");
            std::fs::write(&incidents_path, sla_core::sample::SAMPLE_INCIDENTS_CSV).expect("write");

            let server = StaticServer::start(&dist());
            let browser = open_sample(&server).await;
            browser.choose_file("#ag-import-file", &agreement_path).await;
            browser
                .wait_for_js("the agreement's zone", &format!("const z = document.querySelector('#ag-time_zone'); return !!z && z.value === {zone:?}"))
                .await;
            browser.choose_file("#file-input", &incidents_path).await;
            browser
                .wait_for_js("the import", "const s = document.querySelector('[data-testid=row-accounting]'); return !!s && !document.querySelector('[data-testid=import-progress]')")
                .await;
            browser.client.find(Locator::Css("#export-json")).await.expect("export button").click().await.expect("click");
            let (_, bytes) = browser.downloaded(".json").await;
            let from_app: serde_json::Value = serde_json::from_slice(&bytes).expect("the export is JSON");

            let out = Command::new(sla_binary())
                .args(["report", "--agreement"])
                .arg(&agreement_path)
                .arg("--incidents")
                .arg(&incidents_path)
                .args(["--format", "json"])
                .output()
                .expect("run sla");
            assert!(out.status.success(), "sla failed: {}", String::from_utf8_lossy(&out.stderr));
            let from_cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the CLI prints JSON");
            assert_eq!(from_app["agreement"]["time_zone"], zone);
            assert_eq!(from_app, from_cli, "{zone}: the app's export and the command line's report differ");
            assert!(browser.console_errors().await.is_empty());
            browser.close().await;
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn the_report_prints_to_pdf() {
        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        let pdf = browser.client.print(fantoccini::wd::PrintConfiguration::default()).await.expect("print");
        assert!(pdf.starts_with(b"%PDF"), "not a PDF");
        assert!(pdf.len() > 20_000, "the printed report is suspiciously small: {} bytes", pdf.len());
        // Kept for a person to look at: target/print-report.pdf.
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/print-report.pdf");
        let _ = std::fs::write(&out, &pdf);
        browser.close().await;
    }
}

/// Benchmarks in the browser. They print figures and assert only that the work completes;
/// speed is not a pass/fail condition here (the machine is shared and noisy).
mod bench {
    use super::*;
    use sla_core::import::{generate::generate_csv_within_days, Preset};

    /// Peak resident memory of Chromium's renderer processes, sampled every 20 ms from /proc
    /// while the returned guard lives (Linux only; 0 elsewhere).
    struct RendererMemory {
        peak_kb: std::sync::Arc<std::sync::atomic::AtomicU64>,
        stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    fn parent_pid(pid: u32) -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // pid (comm) state ppid ...: the comm may hold spaces, so read after the last ')'.
        stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
    }

    fn descends_from(mut pid: u32, ancestor: u32) -> bool {
        for _ in 0..64 {
            if pid == ancestor {
                return true;
            }
            match parent_pid(pid) {
                Some(p) if p > 1 => pid = p,
                _ => return false,
            }
        }
        false
    }

    /// Resident memory of the renderer processes of the browser started by `driver`.
    fn renderer_rss_kb(driver: u32) -> u64 {
        let Ok(entries) = std::fs::read_dir("/proc") else { return 0 };
        let mut total = 0;
        for e in entries.flatten() {
            let dir = e.path();
            let Some(pid) = dir.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<u32>().ok()) else { continue };
            if !descends_from(pid, driver) {
                continue;
            }
            let Ok(cmd) = std::fs::read(dir.join("cmdline")) else { continue };
            let cmd = String::from_utf8_lossy(&cmd);
            if !(cmd.contains("chrom") && cmd.contains("--type=renderer")) {
                continue;
            }
            if let Ok(status) = std::fs::read_to_string(dir.join("status")) {
                if let Some(line) = status.lines().find(|l| l.starts_with("VmRSS:")) {
                    total += line.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
                }
            }
        }
        total
    }

    impl RendererMemory {
        fn watch(driver: u32) -> RendererMemory {
            use std::sync::atomic::Ordering;
            let peak_kb = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let (p, s) = (peak_kb.clone(), stop.clone());
            std::thread::spawn(move || {
                while !s.load(Ordering::Relaxed) {
                    p.fetch_max(renderer_rss_kb(driver), Ordering::Relaxed);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            });
            RendererMemory { peak_kb, stop }
        }
        fn peak_mb(&self) -> f64 {
            self.peak_kb.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1024.0
        }
    }

    impl Drop for RendererMemory {
        fn drop(&mut self) {
            self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    }

    /// Milliseconds from typing each value into `selector` to the headline figures changing
    /// on screen (the first edit warms up and is not counted).
    async fn time_edits(browser: &support::browser::Browser, selector: &str, values: &[&str]) -> Vec<f64> {
        let mut timings = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let script = format!(
                r#"const done = arguments[arguments.length - 1];
                const before = document.querySelector('.headline').textContent;
                const input = document.querySelector({selector:?});
                const t0 = performance.now();
                input.value = {value:?};
                input.dispatchEvent(new Event('input', {{ bubbles: true }}));
                const poll = () => {{
                    const now = document.querySelector('.headline').textContent;
                    if (now !== before) {{ done(performance.now() - t0); }} else {{ requestAnimationFrame(poll); }}
                }};
                requestAnimationFrame(poll);"#
            );
            let ms = match browser.client.execute_async(&script, vec![]).await {
                Ok(v) => v.as_f64().unwrap_or_else(|| panic!("the measurement returned {v}")),
                Err(e) => panic!("measuring the recompute after editing {selector} failed: {e}"),
            };
            if i > 0 {
                timings.push(ms);
            }
        }
        timings
    }

    /// `SLA_BENCH_INCIDENTS` (default 100,000) generated incidents are uploaded; then the target
    /// is changed several times and the time from the input event to the updated headline is
    /// measured inside the page (performance.now, polled every animation frame).
    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn recompute_after_a_target_change() {
        let n: usize = std::env::var("SLA_BENCH_INCIDENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
        let dir = support::browser::TempDir::new("bench");
        let path = dir.0.join(format!("generated-{n}.csv"));
        // A year of incidents, as a large estate would export.
        let csv = generate_csv_within_days(n, 42, Preset::Generic, 365);
        let file_mb = csv.len() as f64 / 1_048_576.0;
        std::fs::write(&path, csv).expect("write the generated log");

        let server = StaticServer::start(&dist());
        let browser = open_sample(&server).await;
        // Long tasks (over 50 ms without yielding to the page) during the import.
        browser
            .client
            .execute("window.__longTasks = []; new PerformanceObserver(l => l.getEntries().forEach(e => window.__longTasks.push(e.duration))).observe({ type: 'longtask' }); return true", vec![])
            .await
            .expect("observe long tasks");
        let baseline_mb = renderer_rss_kb(browser.driver_pid()) as f64 / 1024.0;
        let memory = RendererMemory::watch(browser.driver_pid());
        let started = std::time::Instant::now();
        browser.choose_file("#file-input", &path).await;
        browser
            .wait_for_js(
                "the generated log's report",
                &format!(
                    "const s = document.querySelector('[data-testid=row-accounting]'); return s && s.textContent.includes({:?}) && !document.querySelector('[data-testid=import-progress]')",
                    format!("{} = ", sla_web::format::grouped(n as f64, 0))
                ),
            )
            .await;
        let import_seconds = started.elapsed().as_secs_f64();
        let long = browser.client.execute("return window.__longTasks", vec![]).await.expect("long tasks");
        let long: Vec<f64> = long.as_array().map(|a| a.iter().filter_map(|v| v.as_f64()).collect()).unwrap_or_default();
        println!(
            "while importing: {} long tasks, {} over 100 ms, the longest {:.0} ms (the report's first computation included)",
            long.len(),
            long.iter().filter(|d| **d > 100.0).count(),
            long.iter().cloned().fold(0.0, f64::max)
        );
        println!(
            "upload of {n} generated rows ({file_mb:.1} MB) to the displayed report: {import_seconds:.2} s; peak renderer memory {:.0} MB, {:.0} MB above the {:.0} MB before the upload ({:.1}x the file)",
            memory.peak_mb(),
            memory.peak_mb() - baseline_mb,
            baseline_mb,
            (memory.peak_mb() - baseline_mb) / file_mb
        );

        // A target edit only judges the measured seconds again; a weight edit measures again.
        let edits = [
            ("a target change", "#target-input", ["99.5", "99.95", "99.0", "99.99", "99.9", "99.8", "99.7"]),
            ("a partial-outage weight change (a full recompute)", "#ag-impact-partial_outage_percent", ["40", "50", "35", "45", "55", "60", "30"]),
        ];
        for (what, selector, values) in edits {
            let timings = time_edits(&browser, selector, &values).await;
            println!(
                "recompute after {what}, {n} incidents: median {:.1} ms (min {:.1}, max {:.1}, {} edits)",
                median(timings.clone()),
                timings.iter().cloned().fold(f64::MAX, f64::min),
                timings.iter().cloned().fold(0.0, f64::max),
                timings.len(),
            );
        }
        assert!(browser.console_errors().await.is_empty());
        browser.close().await;
    }

    /// Navigation to the sample report on screen, measured by the page's own clock: the
    /// `sla-first-render` mark is set right after the first render. Median of 5 cold loads.
    #[tokio::test(flavor = "multi_thread")]
    #[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
    async fn first_render() {
        let server = StaticServer::start(&dist());
        let mut times = Vec::new();
        for _ in 0..5 {
            let browser = Browser::start().await;
            browser.client.goto(&server.url("/")).await.expect("open the app");
            let v = browser
                .wait_for_js("the first-render mark", "const m = performance.getEntriesByName('sla-first-render'); return m.length ? m[0].startTime : null")
                .await;
            times.push(v.as_f64().expect("a time"));
            browser.close().await;
        }
        println!("first render (navigation to the sample report shown): median {:.0} ms over {} cold loads (min {:.0}, max {:.0})",
            median(times.clone()), times.len(), times.iter().cloned().fold(f64::MAX, f64::min), times.iter().cloned().fold(0.0, f64::max));
    }
}
