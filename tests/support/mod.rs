//! Shared by the browser test binaries; each uses only part of it, so unused items are expected.
#![allow(dead_code)]
pub mod browser;
pub mod server;
