//! The page's components, one a file, grouped by the step of the page they belong to. Each takes
//! plain data and `on_<verb>` callbacks; none holds domain logic.

pub mod agreement;
pub mod calculators;
pub mod cells;
pub mod library;
pub mod share;
mod export_bar;
pub mod import;
mod incident_table;
mod language_switch;
pub mod report;
pub mod review;
mod sizing;

pub use agreement::{AgreementEditor, AgreementEditorProps, TargetEditor, TargetEditorProps};
pub use export_bar::{export_file_stem, report_json, ExportBar, ExportBarProps};
pub use incident_table::{visible_rows, IncidentTable, IncidentTableProps, TableMsg};
pub use language_switch::{LanguageSwitch, LanguageSwitchProps};
pub use sizing::{SizingMsg, SizingTable, SizingTableProps};
pub use report::{Headline, HeadlineProps, PeriodTable, PeriodTableProps};

use sla_core::report::Report;
use std::rc::Rc;

/// A computed report shared between components; equal when it is the same computation
/// (pointer equality), so passing it as a prop costs no deep comparison.
#[derive(Debug, Clone)]
pub struct SharedReport(pub Rc<Report>);

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedReport {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}

/// Any shared value passed as a prop; equal only when it is the same allocation, so large data
/// (incident lists, import outcomes) never gets compared element by element.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
