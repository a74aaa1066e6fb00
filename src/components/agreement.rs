//! The agreement's form: every field in collapsible groups, each with its validation message
//! next to it, presets, and import/export of the agreement file.

mod credits;
mod editor;
mod field;
mod hours;
mod impact;
mod import_export;
mod maintenance;
mod parties;
mod period;
mod presets;
mod priorities;
mod schedule;
mod target_editor;
mod versions;
pub mod versions_text;
pub mod text;

pub use editor::{AgreementEditor, AgreementEditorProps};
pub use field::{field_id, GroupProps};
pub use presets::credit_preset_summary;
pub use target_editor::{TargetEditor, TargetEditorProps};
pub use versions::{VersionsPanel, VersionsPanelProps};
pub use text::{error_text, import_problem_text, problem_text, AgreementMsg};
