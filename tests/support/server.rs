//! A tiny static file server for the browser tests: serves the built bundle from 127.0.0.1 on a
//! free port, optionally under a sub-path and with extra response headers (a strict
//! Content-Security-Policy, say), and logs every request it gets so a test can assert that the
//! page asked for nothing unexpected. A test can also add in-memory pages (an iframe host, say)
//! and switch the server "offline" (every request answered 503) to check offline use.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// One request the server answered.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    pub status: u16,
    /// "gzip" when the precompressed FILE.gz was sent, "" otherwise.
    pub encoding: &'static str,
}

/// A running server; it stops when the test process ends.
pub struct StaticServer {
    pub port: u16,
    prefix: String,
    log: Arc<Mutex<Vec<LoggedRequest>>>,
    extra: Arc<Mutex<ExtraFiles>>,
    offline: Arc<AtomicBool>,
    unreachable: Arc<AtomicBool>,
}

/// In-memory files by absolute request path: (content type, body).
type ExtraFiles = HashMap<String, (String, Vec<u8>)>;

/// How to serve the bundle.
#[derive(Clone, Default)]
pub struct ServeOptions {
    /// Serve under this sub-path, e.g. "/tools/sla"; empty for the root.
    pub prefix: String,
    /// Extra headers on every response, e.g. ("Content-Security-Policy", "...").
    pub headers: Vec<(String, String)>,
}

impl StaticServer {
    /// Serves `root` with the default options.
    pub fn start(root: &Path) -> StaticServer {
        StaticServer::start_with(root, ServeOptions::default())
    }

    /// Serves `root` with `options`.
    pub fn start_with(root: &Path, options: ServeOptions) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port on 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let extra = Arc::new(Mutex::new(ExtraFiles::new()));
        let offline = Arc::new(AtomicBool::new(false));
        let unreachable = Arc::new(AtomicBool::new(false));
        let unreachable2 = unreachable.clone();
        let (root, opts, log2, extra2, offline2) = (
            root.to_path_buf(),
            options.clone(),
            log.clone(),
            extra.clone(),
            offline.clone(),
        );
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if unreachable2.load(Ordering::SeqCst) {
                    // Closed unanswered: the browser sees a network error, as with no network.
                    drop(stream);
                    continue;
                }
                let (root, opts, log, extra, offline) = (
                    root.clone(),
                    opts.clone(),
                    log2.clone(),
                    extra2.clone(),
                    offline2.clone(),
                );
                thread::spawn(move || {
                    let served = Served {
                        root: &root,
                        opts: &opts,
                        extra: &extra,
                        offline: offline.load(Ordering::SeqCst),
                    };
                    let _ = handle(stream, &served, &log);
                });
            }
        });
        StaticServer {
            port,
            prefix: options.prefix,
            log,
            extra,
            offline,
            unreachable,
        }
    }

    /// Also serves `body` at the absolute request path `path` (e.g. "/host.html"), outside the
    /// bundle and the prefix, with `content_type` and the same extra headers.
    #[allow(dead_code)]
    pub fn add_file(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) {
        if let Ok(mut files) = self.extra.lock() {
            files.insert(path.to_string(), (content_type.to_string(), body.into()));
        }
    }

    /// While `offline` is true every request is answered "503 Service Unavailable", as if the
    /// site were unreachable; only a service worker's cache can serve the app then.
    #[allow(dead_code)]
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// While `unreachable` is true every connection is closed without an answer (a network
    /// error in the browser, as when the network is off); nothing is logged.
    #[allow(dead_code)]
    pub fn set_unreachable(&self, unreachable: bool) {
        self.unreachable.store(unreachable, Ordering::SeqCst);
    }

    /// The origin, e.g. `http://127.0.0.1:41234`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The app's URL (with the sub-path, ending in `/`) plus `rest`.
    pub fn url(&self, rest: &str) -> String {
        format!("{}{}/{}", self.origin(), self.prefix, rest.trim_start_matches('/'))
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// What one connection is answered from.
struct Served<'a> {
    root: &'a Path,
    opts: &'a ServeOptions,
    extra: &'a Mutex<ExtraFiles>,
    offline: bool,
}

fn handle(stream: TcpStream, served: &Served, log: &Mutex<Vec<LoggedRequest>>) -> std::io::Result<()> {
    let opts = served.opts;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepts_gzip |= value.split(',').any(|e| e.split(';').next().unwrap_or("").trim() == "gzip");
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let in_memory = served.extra.lock().ok().and_then(|files| files.get(&path).cloned());
    let mut encoding = "";
    let (status, body, ctype) = if served.offline {
        (503, b"offline".to_vec(), "text/plain".to_string())
    } else if let Some((ctype, body)) = in_memory {
        (200, body, ctype)
    } else {
        match resolve(served.root, &opts.prefix, &path) {
            Some(file) => {
                // As nginx's `gzip_static on;`: the release build's precompressed copy
                // (scripts/precompress.sh) when the browser takes gzip.
                let gz = PathBuf::from(format!("{}.gz", file.display()));
                let read = if accepts_gzip && gz.is_file() {
                    encoding = "gzip";
                    std::fs::read(&gz)
                } else {
                    std::fs::read(&file)
                };
                match read {
                    Ok(bytes) => (200, bytes, content_type(&file).to_string()),
                    Err(_) => (404, b"not found".to_vec(), "text/plain".to_string()),
                }
            }
            None => (404, b"not found".to_vec(), "text/plain".to_string()),
        }
    };
    if let Ok(mut l) = log.lock() {
        l.push(LoggedRequest {
            method: method.clone(),
            path: target,
            status,
            encoding,
        });
    }
    let mut out = stream;
    let reason = match status {
        200 => "OK",
        503 => "Service Unavailable",
        _ => "Not Found",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    if !encoding.is_empty() {
        head.push_str(&format!("Content-Encoding: {encoding}\r\nVary: Accept-Encoding\r\n"));
    }
    for (k, v) in &opts.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

/// Maps a request path to a file under `root`, refusing anything outside it.
fn resolve(root: &Path, prefix: &str, path: &str) -> Option<PathBuf> {
    let rest = path.strip_prefix(prefix)?;
    let rest = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_string()
    };
    let mut file = root.to_path_buf();
    for comp in Path::new(rest.trim_start_matches('/')).components() {
        match comp {
            Component::Normal(c) => file.push(c),
            _ => return None,
        }
    }
    file.is_file().then_some(file)
}
