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

/// Asserts the page loaded something and every URL is on `origin`.
pub fn assert_same_origin(urls: &[String], origin: &str) {
    assert!(!urls.is_empty(), "the page loaded nothing at all");
    let foreign: Vec<&String> = urls.iter().filter(|u| !u.starts_with(&format!("{origin}/"))).collect();
    assert!(foreign.is_empty(), "the page requested resources from other origins: {foreign:?}");
}

/// The `sla` binary of this workspace, built from the current sources (cargo does nothing when
/// it is up to date; a stale binary would compare the app with an old report).
pub fn sla_binary() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| root.join("target"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["build", "-p", "sla-cli"])
        .current_dir(&root)
        .status()
        .expect("build the CLI");
    assert!(status.success(), "building the sla CLI failed");
    target.join("debug/sla")
}
