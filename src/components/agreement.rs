//! The agreement's form fields, each with its validation message next to it.

mod target_editor;

pub use target_editor::{TargetEditor, TargetEditorProps};
