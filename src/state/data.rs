//! The incident data the report is computed from: the parsed incidents (shared behind an `Rc`,
//! never cloned per edit), where they came from, and the "as of" instant open incidents count
//! up to.

use chrono::{DateTime, Utc};
use sla_core::model::Incident;
use sla_core::sample;
use std::rc::Rc;

/// Where the incidents came from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// The built-in sample log.
    Sample,
    /// Files or pasted text, by name.
    Loaded(String),
}

/// The incident data.
#[derive(Debug, Clone, PartialEq)]
pub struct DataState {
    /// The incidents the report uses.
    pub incidents: Rc<Vec<Incident>>,
    /// Where they came from.
    pub source: DataSource,
    /// The instant open incidents are counted up to.
    pub as_of: DateTime<Utc>,
}

/// Changes to the incident data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataAction {
    /// Use the built-in sample again.
    LoadSample,
    /// Use these incidents, from this source, as of this instant.
    Load {
        /// The parsed incidents.
        incidents: Rc<Vec<Incident>>,
        /// A name for where they came from.
        source: String,
        /// The "as of" instant to use.
        as_of: DateTime<Utc>,
    },
}

impl DataState {
    /// The built-in sample log, read as of the sample's fixed instant.
    pub fn sample() -> DataState {
        DataState { incidents: Rc::new(sample::sample_incidents()), source: DataSource::Sample, as_of: sample::sample_as_of() }
    }

    /// Applies one change.
    pub fn apply(&mut self, action: DataAction) {
        match action {
            DataAction::LoadSample => *self = DataState::sample(),
            DataAction::Load { incidents, source, as_of } => {
                *self = DataState { incidents, source: DataSource::Loaded(source), as_of };
            }
        }
    }
}
