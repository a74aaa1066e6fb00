//! The service review: what a periodic review meeting between provider and customer goes
//! through, computed from a report.
//!
//! - [`compare`]: two agreement versions side by side ([`compare_versions`]).
//! - [`what_if`](mod@what_if): the span measured against one version throughout
//!   ([`what_if()`], [`crate::model::Agreement::as_if_always`]).
//! - [`trends`](mod@trends): direction of travel per metric ([`trends()`]).
//! - [`contributors`](mod@contributors): downtime, breaches and credits by service, priority,
//!   impact and category, and the costliest incidents ([`contributors()`]).
//! - [`csat`]: customer satisfaction per period ([`satisfaction`]).
//! - [`document`]: the review document [`ReviewReport`] (`sla-review/1`, JSON and text).
//!
//! Every struct is plain serialisable data; values that may not exist are `Option`s, so the
//! JSON never holds NaN or infinity. Rules and methods are stated in each module's doc and in
//! `docs/metrics.md`.

pub mod compare;
pub mod contributors;
pub mod csat;
pub mod document;
pub mod text;
pub mod trends;
pub mod what_if;

pub use compare::{compare_terms, compare_versions, TermChange, TermKind};
pub use contributors::{contributors, ContributorRow, ContributorTable, Contributors, Dimension, IncidentCost};
pub use csat::{satisfaction, CsatBucket, CsatFigures, CsatPeriod, CsatScale, CsatSummary, ScaleRule};
pub use document::{
    build_review, review_from_report, MissedKind, MissedTarget, ReviewOptions, ReviewPeriod, ReviewReport, ReviewTotal,
    ReviewVersion, TargetResult,
};
pub use trends::{trends, Direction, Trend, TrendMetric, TrendPoint, TrendUnit, MIN_TREND_PERIODS};
pub use what_if::{compare_outcomes, what_if, what_if_against, WhatIf, WhatIfPeriod};

use crate::engine::EngineError;

/// The schema tag of the review document.
pub const REVIEW_SCHEMA: &str = "sla-review/1";

/// Why a review could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReviewError {
    /// The report could not be built.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// A version index that the agreement does not have.
    #[error("the agreement has {count} version(s); there is no version number {index}")]
    UnknownVersion {
        /// The index asked for.
        index: usize,
        /// How many versions there are.
        count: usize,
    },
    /// The focus period is not one of the report's periods.
    #[error("the period \"{period}\" is not in the report; its periods are: {}", .periods.join(", "))]
    UnknownPeriod {
        /// The label asked for.
        period: String,
        /// The report's period labels.
        periods: Vec<String>,
    },
}
