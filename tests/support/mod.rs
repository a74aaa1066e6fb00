//! Shared by the browser test binaries; each uses only part of it, so unused items are expected.
#![allow(dead_code)]
pub mod browser;
pub mod server;

use std::path::PathBuf;

/// The release bundle the browser tests run against: `SLA_DIST`, else `dist/` (built by
/// `trunk build --release`; `scripts/test.sh` does it first).
pub fn dist() -> PathBuf {
    let dir = std::env::var("SLA_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(dir.join("index.html").is_file(), "no bundle at {}: run `trunk build --release` first", dir.display());
    dir
}
