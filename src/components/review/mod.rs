//! The report-side screens of the service review (`sla-review/1`): trends with their direction
//! of travel, where the downtime, breaches and credits come from, customer satisfaction, and the
//! printable periodic review document with its JSON export. Every figure comes from
//! `sla_core::review`; the components only lay it out. [`ReviewSection`] computes the review
//! and shows all four cards; the cards also take a review computed elsewhere.

mod contributors;
mod document;
mod satisfaction;
mod section;
pub mod text;
mod trends;

pub use contributors::{credit_share_percent, table_for, ContributorsCard, ContributorsCardProps};
pub use document::{
    missed_text, review_body, review_file_stem, review_json, target_matrix, ReviewDocument, ReviewDocumentProps,
    TargetRow, PRINT_CLASS,
};
pub use satisfaction::{bucket_percent, mean_text, SatisfactionCard, SatisfactionCardProps};
pub use section::{whole_span_review, ReviewSection, ReviewSectionProps};
pub use trends::{sparkline, trend_detail, Sparkline, TrendsCard, TrendsCardProps};
