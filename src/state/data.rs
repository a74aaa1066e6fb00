//! The incident data the report is computed from: the parsed incidents (shared behind an `Rc`,
//! never cloned per edit), where they came from, how each file was read (row accounting,
//! detection, rejected and excluded rows), the import settings, and the "as of" instant open
//! incidents count up to.

use chrono::{DateTime, Utc};
use sla_core::import::{ColumnMapping, DateOrder, Encoding, ImportCounts, ImportOptions, ImportOutcome, Preset, RejectedRow, RowError};
use sla_core::model::{latest_instant, Incident};
use sla_core::sample;
use std::collections::HashMap;
use std::rc::Rc;

/// Where the incidents came from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// The built-in sample log.
    Sample,
    /// Files or pasted text, by name.
    Loaded(String),
}

/// How one file was read: everything of its [`ImportOutcome`] except the incidents, which are
/// moved into the combined list.
#[derive(Debug, Clone, PartialEq)]
pub struct FileImport {
    /// The file's name ("pasted text" for a paste).
    pub name: String,
    /// The outcome with `incidents` emptied.
    pub outcome: ImportOutcome,
}

/// Choices the user made for the importer; `None` means "detect it".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSettings {
    /// The tool the export comes from.
    pub preset: Option<Preset>,
    /// The character encoding.
    pub encoding: Option<Encoding>,
    /// The order of day and month in numeric dates.
    pub date_order: Option<DateOrder>,
    /// The zone for timestamps without an offset; empty means the agreement's.
    pub time_zone: String,
}

impl ImportSettings {
    /// The importer's options: these choices, the agreement's saved mapping, and the zone for
    /// local times (the agreement's unless one was chosen; UTC when neither is a known zone).
    pub fn options(&self, mapping: Option<&ColumnMapping>, agreement_zone: &str) -> ImportOptions {
        let zone = if self.time_zone.trim().is_empty() { agreement_zone } else { self.time_zone.trim() };
        ImportOptions {
            encoding: self.encoding,
            format: None,
            preset: self.preset,
            mapping: mapping.cloned(),
            time_zone: zone.parse().unwrap_or(sla_core::zone::Zone::UTC),
            date_order: self.date_order,
        }
    }
}

/// The incident data.
#[derive(Debug, Clone, PartialEq)]
pub struct DataState {
    /// The incidents the report uses.
    pub incidents: Rc<Vec<Incident>>,
    /// Where they came from.
    pub source: DataSource,
    /// How each file was read (one entry for the sample).
    pub files: Rc<Vec<FileImport>>,
    /// The importer settings for the next import.
    pub settings: ImportSettings,
    /// The instant open incidents are counted up to.
    pub as_of: DateTime<Utc>,
    /// Whether the user chose to keep imported incidents in this browser (off by default).
    pub keep: bool,
    /// The files of the current import, held only while `keep` is on so they can be stored.
    pub kept_files: Option<KeptFiles>,
}

/// The current import's files as far as keeping them goes.
#[derive(Debug, Clone)]
pub enum KeptFiles {
    /// Small enough to keep: the files (name, bytes).
    Files(Rc<Vec<(String, Vec<u8>)>>),
    /// Too large to keep: their total size in bytes (they were not copied).
    TooLarge(usize),
}

impl KeptFiles {
    /// Copies `files` when they are small enough to keep ([`super::kept::KEEP_LIMIT_BYTES`]);
    /// otherwise only notes their size.
    pub fn of(files: &[(String, Vec<u8>)]) -> KeptFiles {
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        if bytes > super::kept::KEEP_LIMIT_BYTES {
            KeptFiles::TooLarge(bytes)
        } else {
            KeptFiles::Files(Rc::new(files.to_vec()))
        }
    }
}

impl PartialEq for KeptFiles {
    /// The same files (pointer equality), or the same refused size.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (KeptFiles::Files(a), KeptFiles::Files(b)) => Rc::ptr_eq(a, b),
            (KeptFiles::TooLarge(a), KeptFiles::TooLarge(b)) => a == b,
            _ => false,
        }
    }
}

/// Changes to the incident data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataAction {
    /// Use the built-in sample again.
    LoadSample,
    /// Use what these files gave. "As of" becomes the latest instant in the data.
    Imported {
        /// A name for where the incidents came from.
        source: String,
        /// Each file's outcome, incidents included (they are moved into the combined list).
        files: Vec<(String, ImportOutcome)>,
    },
    /// Change the importer settings (applies to the next import).
    SetSettings(ImportSettings),
    /// Count open incidents up to this instant.
    SetAsOf(DateTime<Utc>),
    /// Keep imported incidents in this browser, or stop keeping them.
    SetKeep(bool),
    /// The files (and the settings they were read with) of the import just made, to be kept.
    KeepFiles(KeptFiles, ImportSettings),
}

impl DataState {
    /// The built-in sample log, read as of the sample's fixed instant.
    pub fn sample() -> DataState {
        let mut outcome = sample::import_sample_incidents();
        let incidents = std::mem::take(&mut outcome.incidents);
        DataState {
            incidents: Rc::new(incidents),
            source: DataSource::Sample,
            files: Rc::new(vec![FileImport { name: "sample-incidents.csv".into(), outcome }]),
            settings: ImportSettings::default(),
            as_of: sample::sample_as_of(),
            keep: false,
            kept_files: None,
        }
    }

    /// Totals over all files. `read == accepted + excluded + rejected` holds for each file and
    /// so for the sum.
    pub fn counts(&self) -> ImportCounts {
        self.files.iter().fold(ImportCounts::default(), |mut sum, f| {
            let c = f.outcome.counts;
            sum.read += c.read;
            sum.accepted += c.accepted;
            sum.excluded += c.excluded;
            sum.rejected += c.rejected;
            sum
        })
    }

    /// Applies one change.
    pub fn apply(&mut self, action: DataAction) {
        match action {
            DataAction::LoadSample => {
                let settings = std::mem::take(&mut self.settings);
                *self = DataState { settings, keep: self.keep, ..DataState::sample() };
            }
            DataAction::Imported { source, files } => {
                let (incidents, files) = combine(files);
                self.as_of = latest_instant(&incidents).unwrap_or(self.as_of);
                self.incidents = Rc::new(incidents);
                self.files = Rc::new(files);
                self.source = DataSource::Loaded(source);
                self.kept_files = None;
            }
            DataAction::SetSettings(settings) => self.settings = settings,
            DataAction::SetAsOf(at) => self.as_of = at,
            DataAction::SetKeep(keep) => self.keep = keep,
            DataAction::KeepFiles(files, settings) => {
                if self.keep && matches!(self.source, DataSource::Loaded(_)) {
                    self.kept_files = Some(files);
                    self.settings = settings;
                }
            }
        }
    }
}

/// Joins several files' incidents into one list. An id already seen in an earlier file is a
/// duplicate: the later incident is moved to that file's rejected rows (the first is kept), so
/// every row stays accounted for.
pub fn combine(mut files: Vec<(String, ImportOutcome)>) -> (Vec<Incident>, Vec<FileImport>) {
    // One file: its incident list is used as it is. Copying it into a new list would hold
    // both at once (a million incidents are about 200 MB in the browser).
    if files.len() == 1 {
        if let Some((name, mut outcome)) = files.pop() {
            let all = std::mem::take(&mut outcome.incidents);
            return (all, vec![FileImport { name, outcome }]);
        }
    }
    let mut all: Vec<Incident> = Vec::with_capacity(files.iter().map(|(_, o)| o.incidents.len()).sum());
    let mut seen: HashMap<String, (usize, u64)> = HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    let several = files.len() > 1;
    for (index, (name, mut outcome)) in files.into_iter().enumerate() {
        let incidents = std::mem::take(&mut outcome.incidents);
        let rows = std::mem::take(&mut outcome.accepted_rows);
        let mut kept_rows = Vec::with_capacity(rows.len());
        for (incident, row) in incidents.into_iter().zip(rows) {
            if several {
                if let Some(&(first_file, first_row)) = seen.get(&incident.id) {
                    if first_file != index {
                        outcome.rejected.push(RejectedRow {
                            unit: outcome.detection.unit,
                            row,
                            column: None,
                            error: RowError::DuplicateId { id: incident.id.clone(), first_row, unit: outcome.detection.unit },
                            raw: String::new(),
                        });
                        outcome.counts.accepted -= 1;
                        outcome.counts.rejected += 1;
                        continue;
                    }
                }
                seen.entry(incident.id.clone()).or_insert((index, row));
            }
            kept_rows.push(row);
            all.push(incident);
        }
        sla_core::sort::sort_by_key(&mut outcome.rejected, |r| r.row);
        outcome.accepted_rows = kept_rows;
        out.push(FileImport { name, outcome });
    }
    (all, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::import::{import, ImportOptions};

    fn csv(rows: &[&str]) -> ImportOutcome {
        let text = format!("id,start,end\n{}\n", rows.join("\n"));
        import(text.as_bytes(), &ImportOptions::default()).expect("imports")
    }

    #[test]
    fn the_sample_accounts_for_every_row() {
        let s = DataState::sample();
        let c = s.counts();
        assert_eq!(c.read, c.accepted + c.excluded + c.rejected);
        assert_eq!(c.accepted as usize, s.incidents.len());
    }

    #[test]
    fn duplicates_across_files_are_rejected_and_still_counted() {
        let a = csv(&["A-1,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z", "A-2,2026-01-02T00:00:00Z,2026-01-02T01:00:00Z"]);
        let b = csv(&["A-2,2026-01-03T00:00:00Z,2026-01-03T01:00:00Z", "B-1,2026-01-04T00:00:00Z,2026-01-04T02:00:00Z"]);
        let mut s = DataState::sample();
        s.apply(DataAction::Imported { source: "a.csv + b.csv".into(), files: vec![("a.csv".into(), a), ("b.csv".into(), b)] });
        assert_eq!(s.incidents.len(), 3);
        let c = s.counts();
        assert_eq!((c.read, c.accepted, c.rejected), (4, 3, 1));
        let rejected = &s.files[1].outcome.rejected[0];
        assert!(rejected.to_string().contains("A-2 already appeared"), "{rejected}");
        // As of: the latest instant in the data.
        assert_eq!(s.as_of.to_rfc3339(), "2026-01-04T02:00:00+00:00");
        assert_eq!(s.source, DataSource::Loaded("a.csv + b.csv".into()));
    }

    #[test]
    fn options_default_to_the_agreement_zone() {
        let o = ImportSettings::default().options(None, "Asia/Taipei");
        assert_eq!(o.time_zone, "Asia/Taipei".parse::<sla_core::zone::Zone>().expect("a zone"));
        let o = ImportSettings { time_zone: "Europe/Berlin".into(), ..Default::default() }.options(None, "Asia/Taipei");
        assert_eq!(o.time_zone, "Europe/Berlin".parse::<sla_core::zone::Zone>().expect("a zone"));
    }

    #[test]
    fn going_back_to_the_sample_keeps_the_settings() {
        let mut s = DataState::sample();
        let settings = ImportSettings { preset: Some(Preset::ServiceNow), ..ImportSettings::default() };
        s.apply(DataAction::SetSettings(settings.clone()));
        s.apply(DataAction::LoadSample);
        assert_eq!(s.settings, settings);
        assert_eq!(s.source, DataSource::Sample);
    }
}
