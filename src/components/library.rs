//! Remembering: the saved agreements list ([`LibraryPanel`]) and the notices about stored
//! state, share links and calculator links ([`NoticeBar`]). Controlled: data comes from
//! `state::library::LibraryState`, changes go out as `LibraryAction`.

mod notices;
mod panel;
pub mod text;

pub use notices::{NoticeBar, NoticeBarProps};
pub use panel::{LibraryPanel, LibraryPanelProps};
