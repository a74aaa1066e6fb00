//! # sla-web
//!
//! The UI layer of the SLA calculator: a Yew single-page app on top of the pure `sla-core`.
//! All app state lives in one reducer ([`state`]); components ([`components`]) receive plain data
//! and callbacks; side effects (files, storage, URL) happen only in effects and callbacks.

pub mod app;
pub mod browser;
pub mod components;
pub mod format;
pub mod hosting;
pub mod i18n;
pub mod import_job;
pub mod json;
pub mod panic_banner;
pub mod state;
pub mod storage;
pub mod text_decoder;
pub mod time_zones;
