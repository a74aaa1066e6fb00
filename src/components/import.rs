//! The import step: reading incident exports, the mapping screen and the row accounting.

mod mapping;
mod panel;
mod summary;
pub mod text;

pub use mapping::{set_column, set_duration, MappingEditor, MappingEditorProps};
pub use panel::{parse_local_input, ImportPanel, ImportPanelProps};
pub use summary::{preview_rows, total_counts, ImportSummary, ImportSummaryProps, PreviewRow};
