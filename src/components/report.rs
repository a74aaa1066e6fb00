//! The report's views: headline figures and the table per period, each computed by the core
//! and passed in as a [`SharedReport`].

mod headline;
mod period_table;

pub use headline::{Headline, HeadlineProps};
pub use period_table::{PeriodTable, PeriodTableProps};
