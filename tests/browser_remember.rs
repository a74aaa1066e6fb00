//! Browser tests of remembering, share links and calculator links: the release bundle in a real
//! headless Chromium, driven through ChromeDriver (same support as `tests/browser.rs`). Ignored
//! by a plain `cargo test`:
//!
//!     trunk build --release && SLA_DIST=dist cargo test --test browser_remember -- --ignored --test-threads=1

#[allow(dead_code)]
mod support;

use sla_core::model::Agreement;
use sla_core::sample;
use sla_core::share;
use sla_web::components::calculators::text::duration_text;
use sla_web::components::library::text::notice_text;
use sla_web::state::calc::CalcState;
use sla_web::state::persist::{Notice, StoreError};
use std::path::PathBuf;
use support::browser::Browser;
use support::server::StaticServer;

use support::dist;


async fn wait_for_value(browser: &Browser, css: &str, value: &str) {
    let script = format!("const e = document.querySelector({css:?}); return !!e && e.value === {value:?}");
    browser.wait_for_js(&format!("{css} to hold {value:?}"), &script).await;
}

fn sample_with_target(target: f64) -> Agreement {
    let mut a = sample::sample_agreement();
    a.availability_target_percent = target;
    a
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_reload_keeps_the_edited_agreement_and_the_share_link_holds_it() {
    use fantoccini::Locator;
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;

    let input = browser
        .client
        .find(Locator::Css("#target-input"))
        .await
        .expect("target field");
    input.clear().await.expect("clear");
    input.send_keys("99.5").await.expect("type");
    browser
        .wait_for_js(
            "the edit to be stored",
            "return (localStorage.getItem('sla-app-state') || '').includes('\"availability_target_percent\":99.5')",
        )
        .await;

    browser.client.refresh().await.expect("reload");
    browser.text_of("[data-testid=headline-availability] .value").await;
    wait_for_value(&browser, "#target-input", "99.5").await;
    let entries = browser
        .wait_for_js(
            "the saved list",
            "return document.querySelectorAll('[data-testid=library-entry]').length",
        )
        .await;
    assert_eq!(entries.as_u64(), Some(1));

    // The share link carries exactly the edited agreement.
    let link = browser.share_link().await;
    assert!(link.starts_with(&server.origin()), "{link}");
    let payload = link
        .split_once('#')
        .and_then(|(_, f)| share::payload_in_fragment(f))
        .expect("a #a= fragment");
    assert_eq!(share::decode(payload), Ok(sample_with_target(99.5)));
    assert!(browser.console_errors().await.is_empty());

    // A stored value from an unknown version is reported and reset, never a crash.
    browser
        .client
        .execute(
            "localStorage.setItem('sla-app-state', '{\"schema\":\"sla-app-state/9\"}')",
            vec![],
        )
        .await
        .expect("store");
    browser.client.refresh().await.expect("reload");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let lang = browser.page_lang().await;
    let (reset, _) = notice_text(
        &Notice::StoredReset(StoreError::UnsupportedVersion("sla-app-state/9".into())),
        lang,
    );
    let script = format!("return [...document.querySelectorAll('[data-testid=notice][role=alert]')].some(n => n.textContent.includes({reset:?}))");
    browser.wait_for_js("the reset notice", &script).await;
    wait_for_value(
        &browser,
        "#target-input",
        &sample::sample_agreement().availability_target_percent.to_string(),
    )
    .await;
    browser
        .wait_for_js(
            "a fresh stored state",
            "return JSON.parse(localStorage.getItem('sla-app-state')).schema === 'sla-app-state/1'",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_share_link_in_a_fresh_browser_reproduces_the_agreement() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    let url = server.url(&format!("/#{}", share::fragment(&sample_with_target(99.95))));
    browser.client.goto(&url).await.expect("open the link");
    browser.text_of("[data-testid=headline-availability] .value").await;
    wait_for_value(&browser, "#target-input", "99.95").await;
    let lang = browser.page_lang().await;
    let (opened, _) = notice_text(&Notice::SharedOpened, lang);
    let script = format!(
        "return [...document.querySelectorAll('[data-testid=notice]')].some(n => n.textContent.includes({opened:?}))"
    );
    browser
        .wait_for_js("the 'shared agreement opened' notice", &script)
        .await;
    // The fragment is taken out of the address, so a reload does not add the agreement again.
    browser
        .wait_for_js("the fragment to be gone", "return location.hash === ''")
        .await;
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_damaged_share_link_shows_a_message_and_the_app_still_works() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    let good = share::encode(&sample_with_target(99.95));
    let damaged = &good[..good.len() - 7];
    browser
        .client
        .goto(&server.url(&format!("/#a={damaged}")))
        .await
        .expect("open the damaged link");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let lang = browser.page_lang().await;
    let error = share::decode(damaged).expect_err("the link is damaged");
    let (text, _) = notice_text(&Notice::BadShareLink(error), lang);
    let script = format!("return [...document.querySelectorAll('[data-testid=notice][role=alert]')].some(n => n.textContent.includes({text:?}))");
    browser.wait_for_js("the damaged-link notice", &script).await;
    // The sample agreement is unchanged.
    wait_for_value(
        &browser,
        "#target-input",
        &sample::sample_agreement().availability_target_percent.to_string(),
    )
    .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_calculator_link_shows_its_answer() {
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    let query = "calc=downtime&target=99.95";
    browser
        .client
        .goto(&server.url(&format!("/?{query}")))
        .await
        .expect("open the calculator link");
    wait_for_value(&browser, "#calc-target", "99.95").await;
    let lang = browser.page_lang().await;
    let rows = CalcState::from_query(query)
        .expect("query")
        .allowed_downtime_answer()
        .expect("an answer");
    let expected = duration_text(lang, rows[0].allowed_seconds);
    let script = format!("const e = document.querySelector('[data-testid=allowed-row] strong'); return !!e && e.textContent === {expected:?}");
    browser.wait_for_js("the allowed downtime for 99.95 %", &script).await;
    browser
        .wait_for_js("the calculators in view", "const r = document.getElementById('calculators').getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0")
        .await;
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn a_full_storage_quota_gets_a_clear_message() {
    use fantoccini::Locator;
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let full = "Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); }";
    browser.client.execute(full, vec![]).await.expect("fill the quota");
    let input = browser
        .client
        .find(Locator::Css("#target-input"))
        .await
        .expect("target field");
    input.clear().await.expect("clear");
    input.send_keys("99.5").await.expect("type");
    let lang = browser.page_lang().await;
    let (text, _) = notice_text(&Notice::SaveFailed(StoreError::QuotaExceeded), lang);
    let script = format!(
        "return [...document.querySelectorAll('[data-testid=notice][role=alert]')].some(n => n.textContent.includes({text:?}))"
    );
    browser.wait_for_js("the quota notice", &script).await;
    // The app goes on working: the edit still reached the report's input.
    wait_for_value(&browser, "#target-input", "99.5").await;
    browser.close().await;
}

/// Incident data is kept only after the user opts in: without it a reload shows the sample;
/// with it the imported file comes back, its rows accounted for as on the first import; opting
/// out deletes it.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn imported_incidents_are_kept_only_when_the_user_opts_in() {
    use fantoccini::Locator;
    use sla_core::import::{import, ImportOptions};
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("core/tests/fixtures/import/servicenow.csv");
    let bytes = std::fs::read(&path).expect("fixture");
    let zone = sample::sample_agreement().tz().expect("zone");
    let c = import(&bytes, &ImportOptions::in_zone(zone)).expect("imports natively").counts;
    let accounting = format!("{} = {} accepted + {} excluded + {} rejected", c.read, c.accepted, c.excluded, c.rejected);
    let shows_file = format!(
        "const e = document.querySelector('[data-testid=row-accounting]'); return !!e && e.textContent.includes({accounting:?})"
    );
    let upload = |b: &Browser| {
        let p = path.display().to_string();
        let client = b.client.clone();
        async move {
            client.find(Locator::Css("#file-input")).await.expect("file input").send_keys(&p).await.expect("upload");
        }
    };

    // Not opted in: nothing kept, a reload is back on the sample.
    upload(&browser).await;
    browser.wait_for_js("the uploaded file's rows", &shows_file).await;
    browser.client.refresh().await.expect("reload");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let kept = browser.client.execute("return localStorage.getItem('sla-kept-incidents')", vec![]).await.expect("read");
    assert!(kept.is_null(), "nothing is kept without opting in: {kept}");
    let sample_rows = browser.text_of("[data-testid=row-accounting]").await;
    assert!(!sample_rows.contains(&accounting), "{sample_rows}");

    // Opt in, import, reload: the same file and the same accounting come back.
    browser.client.find(Locator::Css("#keep-incidents")).await.expect("keep box").click().await.expect("tick");
    upload(&browser).await;
    browser.wait_for_js("the uploaded file's rows", &shows_file).await;
    browser
        .wait_for_js("the file to be kept", "return (localStorage.getItem('sla-kept-incidents') || '').includes('servicenow.csv')")
        .await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_js("the kept file's rows after the reload", &shows_file).await;
    let notices = browser.text_of("[data-testid=notice]").await;
    assert!(notices.contains("servicenow.csv"), "a notice names the restored file: {notices}");
    let ticked = browser.client.execute("return document.querySelector('#keep-incidents').checked", vec![]).await.expect("read");
    assert_eq!(ticked.as_bool(), Some(true));

    // Opt out: deleted at once, and the next reload is the sample again.
    browser.client.find(Locator::Css("#keep-incidents")).await.expect("keep box").click().await.expect("untick");
    browser.wait_for_js("the kept file to be deleted", "return localStorage.getItem('sla-kept-incidents') === null").await;
    browser.client.refresh().await.expect("reload");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let rows = browser.text_of("[data-testid=row-accounting]").await;
    assert!(!rows.contains(&accounting), "{rows}");
    assert!(browser.console_errors().await.is_empty());
    assert!(server.requests().iter().all(|r| r.method == "GET"));
    browser.close().await;
}

/// "Export all" writes one file that a fresh browser profile imports back: every saved
/// agreement arrives with its name and content.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn the_saved_agreements_file_moves_them_to_a_fresh_browser() {
    use fantoccini::Locator;
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;

    // A second agreement with its own name and target.
    browser.client.find(Locator::Css("#lib-new")).await.expect("new").click().await.expect("click");
    browser
        .wait_for_js("two saved agreements", "return document.querySelectorAll('[data-testid=library-entry]').length === 2")
        .await;
    let target = browser.client.find(Locator::Css("#target-input")).await.expect("target field");
    target.clear().await.expect("clear");
    target.send_keys("99.95").await.expect("type");
    let name = browser
        .client
        .find(Locator::Css("[data-testid=library-entry][aria-current=true] input[type=text]"))
        .await
        .expect("the current entry's name");
    name.clear().await.expect("clear");
    name.send_keys("Globex — 2027 contract").await.expect("type");
    // Leaving the field commits the name (its change event).
    browser.client.find(Locator::Css("#target-input")).await.expect("target field").click().await.expect("blur");
    browser
        .wait_for_js(
            "the edits to be stored",
            "const s = localStorage.getItem('sla-app-state') || ''; return s.includes('Globex — 2027 contract') && s.includes('99.95')",
        )
        .await;
    browser.client.find(Locator::Css("#lib-export")).await.expect("export").click().await.expect("click");
    let (file, bytes) = browser.downloaded(".json").await;
    let exported: serde_json::Value = serde_json::from_slice(&bytes).expect("the file is JSON");
    assert_eq!(exported["schema"], "sla-agreement-library/1", "{file}");
    assert_eq!(exported["agreements"].as_array().map(Vec::len), Some(2));
    browser.close().await;

    // A fresh profile: only the sample agreement, then the file.
    let path = std::env::temp_dir().join(format!("sla-library-{}.json", std::process::id()));
    std::fs::write(&path, &bytes).expect("write the file");
    let fresh = Browser::start().await;
    fresh.client.goto(&server.url("/")).await.expect("open the app");
    fresh.text_of("[data-testid=headline-availability] .value").await;
    let before = fresh
        .wait_for_js("the saved list", "return document.querySelectorAll('[data-testid=library-entry]').length")
        .await;
    assert_eq!(before.as_u64(), Some(1));
    fresh.choose_file("#lib-import-file", &path).await;
    fresh
        .wait_for_js("three saved agreements", "return document.querySelectorAll('[data-testid=library-entry]').length === 3")
        .await;
    let names = fresh
        .wait_for_js(
            "the names",
            "return Array.from(document.querySelectorAll('[data-testid=library-entry] input[type=text]')).map(e => e.value)",
        )
        .await;
    assert!(names.to_string().contains("Globex — 2027 contract"), "{names}");
    let stored = fresh
        .wait_for_js(
            "the imported agreements to be stored",
            "const s = localStorage.getItem('sla-app-state') || ''; return s.includes('Globex — 2027 contract') && s.includes('99.95') && s",
        )
        .await;
    assert!(stored.as_str().is_some());
    assert!(fresh.console_errors().await.is_empty());
    let _ = std::fs::remove_file(&path);
    fresh.close().await;
}

/// An agreement too large for a share link gets a message instead of a link that would not open.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the release bundle and Chromium; run scripts/test.sh"]
async fn an_agreement_too_large_for_a_link_says_so() {
    use fantoccini::Locator;
    use sla_web::state::persist::{encode, Prefs, SavedAgreement, Stored, APP_VERSION, STORE_SCHEMA};
    // 80,000 pseudo-random letters do not compress below the 64,000-character limit.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: String = (0..80_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    let agreement = Agreement { customer: noise, ..sample::sample_agreement() };
    let stored = Stored {
        schema: STORE_SCHEMA.into(),
        saved_at_version: APP_VERSION.into(),
        agreements: vec![SavedAgreement { id: 1, name: "huge".into(), agreement }],
        current: 1,
        prefs: Prefs::default(),
    };
    let server = StaticServer::start(&dist());
    let browser = Browser::start().await;
    browser.client.goto(&server.url("/")).await.expect("open the app");
    browser.text_of("[data-testid=headline-availability] .value").await;
    let script = format!("localStorage.setItem('sla-app-state', {:?}); return true", encode(&stored));
    browser.client.execute(&script, vec![]).await.expect("store");
    browser.client.refresh().await.expect("reload");
    browser.text_of("[data-testid=headline-availability] .value").await;
    browser.client.find(Locator::Css("#share-copy")).await.expect("share button").click().await.expect("click");
    let message = browser.text_of("[data-testid=share-too-long]").await;
    assert!(message.contains("64,000"), "{message}");
    let link = browser.client.execute("return document.querySelector('#share-url') === null", vec![]).await.expect("read");
    assert_eq!(link.as_bool(), Some(true), "no link is offered");
    assert!(browser.console_errors().await.is_empty());
    browser.close().await;
}
