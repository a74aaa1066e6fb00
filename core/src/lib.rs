//! # sla-core
//!
//! The pure calculation core of the SLA calculator: it turns an [`model::Agreement`] and a list
//! of [`model::Incident`]s into a report, and answers the quick questions (allowed downtime,
//! composite availability) without any incidents at all.
//!
//! It imports no web crate, reads no clock and does no I/O: "now" and the reporting span are
//! arguments, bytes come in as slices. The same code runs in the browser (WebAssembly) and on
//! the command line, so both give the same numbers.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod import;
pub mod json;
pub mod model;
pub mod number;
pub mod calc;
pub mod sample;
pub mod sizing;
pub mod calendar;
pub mod credits;
pub mod date_text;
pub mod lower;
pub mod engine;
pub mod period;
pub mod report;
pub mod review;
pub mod share;
pub mod sort;
pub mod zone;
#[doc(hidden)]
pub mod fuzzing;
