//! Headless Chromium driven through ChromeDriver with fantoccini, plus the checks every browser
//! test makes: what the console said and which origins the page requested resources from.
//!
//! Waiting is always on a condition (an element appears, a text changes), with a generous upper
//! bound, never on a fixed sleep.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Upper bound for any wait in the browser tests.
pub const WAIT: Duration = Duration::from_secs(180);

/// A Chromium session and the ChromeDriver process behind it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: TempDir,
}

/// A directory removed on drop (a fresh browser profile per test).
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("sla-browser-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a temporary profile directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Chromium's legacy log endpoint, which ChromeDriver still serves in W3C mode.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium with a fresh, empty profile.
    pub async fn start() -> Browser {
        let port = free_port();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (scripts/setup.sh --browser installs it)");
        let profile = TempDir::new("profile");
        let downloads = profile.0.join("downloads");
        std::fs::create_dir_all(&downloads).expect("create the downloads directory");
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false
                },
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.0.display()),
                ]
            }
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + WAIT;
        // ChromeDriver takes a moment to listen: retry the connection until it answers.
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::task::yield_now().await;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("could not start a Chromium session: {e}"),
            }
        };
        Browser {
            client,
            driver,
            profile,
        }
    }

    /// Chooses `path` in the file input `css` (as a user picking it in the file dialog).
    pub async fn choose_file(&self, css: &str, path: &std::path::Path) {
        self.client
            .find(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no file input {css}: {e}"))
            .send_keys(&path.display().to_string())
            .await
            .unwrap_or_else(|e| panic!("choosing {} in {css}: {e}", path.display()));
    }

    /// Waits for an element and returns its text.
    pub async fn text_of(&self, css: &str) -> String {
        let el = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} never appeared: {e}"));
        el.text().await.unwrap_or_default()
    }

    /// Waits until `script` (a JS expression body returning a value) returns something truthy,
    /// and returns that value.
    pub async fn wait_for_js(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.client.execute(script, vec![]).await.unwrap_or(Value::Null);
            let truthy = !matches!(&v, Value::Null | Value::Bool(false)) && v != json!("") && v != json!(0);
            if truthy {
                return v;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The trimmed text of every element matching `css`, in page order (none: empty).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = format!("return [...document.querySelectorAll({css:?})].map(e => e.textContent.trim())");
        let v = self.client.execute(&script, vec![]).await.expect("read texts");
        v.as_array()
            .map(|a| a.iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    }

    /// The language the page chose (from `<html lang>`), so expected texts can match it.
    pub async fn page_lang(&self) -> sla_web::i18n::Lang {
        let tag = self.wait_for_js("the document language", "return document.documentElement.lang").await;
        sla_web::i18n::Lang::from_tag(tag.as_str().unwrap_or("en"))
    }

    /// Clicks "Copy share link" and returns the link the page then shows.
    pub async fn share_link(&self) -> String {
        self.client
            .find(Locator::Css("#share-copy"))
            .await
            .expect("share button")
            .click()
            .await
            .expect("click");
        let link = self
            .wait_for_js("the share link", "const e = document.querySelector('#share-url'); return e && e.value")
            .await;
        link.as_str().unwrap_or_default().to_string()
    }

    /// Browser console entries at level SEVERE (errors), drained since the last call.
    pub async fn console_errors(&self) -> Vec<String> {
        let log = self.client.issue_cmd(BrowserLog).await.unwrap_or(Value::Null);
        log.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// URLs of every resource and navigation the page loaded (resource timing entries).
    pub async fn requested_urls(&self) -> Vec<String> {
        let v = self
            .client
            .execute(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)",
                vec![],
            )
            .await
            .expect("read resource timing entries");
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            .unwrap_or_default()
    }

    /// Waits for a finished download whose name ends in `suffix` and returns its bytes.
    pub async fn downloaded(&self, suffix: &str) -> (String, Vec<u8>) {
        let dir = self.profile.0.join("downloads");
        let deadline = Instant::now() + WAIT;
        loop {
            let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .find(|p| p.to_string_lossy().ends_with(suffix))
            });
            // Chromium can show the final name before the content is flushed (seen in CI: an empty
            // CSV). A download counts once it is non-empty and the same on two reads 100 ms apart,
            // with no partial `.crdownload` left beside it.
            if let Some(path) = found {
                if let Ok(bytes) = std::fs::read(&path) {
                    let partial = std::fs::read_dir(&dir)
                        .map(|es| es.flatten().any(|e| e.path().to_string_lossy().ends_with(".crdownload")))
                        .unwrap_or(false);
                    if !bytes.is_empty() && !partial {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        if std::fs::read(&path).map(|again| again == bytes).unwrap_or(false) {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().to_string())
                                .unwrap_or_default();
                            return (name, bytes);
                        }
                    }
                }
            }
            if Instant::now() > deadline {
                panic!("no download ending in {suffix} appeared in {}", dir.display());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The ChromeDriver process id; the browser's processes descend from it.
    pub fn driver_pid(&self) -> u32 {
        self.driver.id()
    }

    /// Ends the session and stops ChromeDriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
