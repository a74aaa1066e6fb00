//! Incident data kept in the browser between visits — only when the user opts in, because a log
//! can be large and sensitive.
//!
//! What is kept is the imported files themselves (not the parsed incidents) with the import
//! settings, as a versioned JSON value under its own local-storage key:
//!
//! ```json
//! {"schema":"sla-kept-incidents/1","files":[{"name":"export.csv","text":"…","latin1":false}],
//!  "settings":{"preset":null,"encoding":null,"date_order":"day_first","time_zone":""},
//!  "as_of":"2026-06-30T23:59:59Z"}
//! ```
//!
//! On the next visit the files are imported again with those settings and the agreement's saved
//! mapping, so every row is accounted for exactly as the first time (rejected and excluded rows
//! included). A file that is valid UTF-8 is kept as text; any other bytes (Big5, GB18030,
//! Windows-1252, UTF-16) one character per byte (`latin1: true`). The total is limited to
//! [`KEEP_LIMIT_BYTES`]: browsers give a page about 5 MB of local storage.

use super::data::{DataAction, DataState, FileImport, ImportSettings};
use super::persist::{self, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sla_core::date_text::read_instant;
use sla_core::import::{import, ColumnMapping, DateOrder, Encoding, ImportError, Preset};
use sla_core::json::{FromJson, Json, JsonError};
use std::rc::Rc;

/// The local-storage key of the kept files.
pub const KEPT_KEY: &str = "sla-kept-incidents";
/// The schema tag of the kept value.
pub const KEPT_SCHEMA: &str = "sla-kept-incidents/1";
/// The largest import (all files together, in bytes) that is kept. Local storage holds about
/// 5 MB per page in Chromium and Firefox (counted in UTF-16 units); 2 MB of files leaves room
/// for the agreements and for text that takes two units a character.
pub const KEEP_LIMIT_BYTES: usize = 2_000_000;

/// One kept file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeptFile {
    /// The file's name.
    pub name: String,
    /// Its content: the UTF-8 text, or one character per byte when `latin1`.
    pub text: String,
    /// Whether `text` holds raw bytes one character each (the file was not UTF-8).
    #[serde(default)]
    pub latin1: bool,
}

/// The import settings the files were read with.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeptSettings {
    /// The tool chosen, or none (detected).
    pub preset: Option<Preset>,
    /// The encoding chosen, or none (detected).
    pub encoding: Option<Encoding>,
    /// The date order chosen, or none (detected).
    pub date_order: Option<DateOrder>,
    /// The zone for local times; empty: the agreement's.
    pub time_zone: String,
}

/// The kept import.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    /// [`KEPT_SCHEMA`].
    pub schema: String,
    /// The files, in import order.
    pub files: Vec<KeptFile>,
    /// The settings they were imported with.
    pub settings: KeptSettings,
    /// The "as of" instant open incidents were counted up to.
    #[serde(with = "sla_core::date_text::serde_instant")]
    pub as_of: DateTime<Utc>,
}

impl Kept {
    /// The value to keep for these files, settings and "as of" instant. Whether they are small
    /// enough to keep is decided before they are copied, by [`super::data::KeptFiles::of`].
    pub fn new(files: &[(String, Vec<u8>)], settings: &ImportSettings, as_of: DateTime<Utc>) -> Kept {
        let files = files
            .iter()
            .map(|(name, bytes)| match std::str::from_utf8(bytes) {
                Ok(text) => KeptFile { name: name.clone(), text: text.to_string(), latin1: false },
                Err(_) => KeptFile { name: name.clone(), text: bytes.iter().map(|&b| char::from(b)).collect(), latin1: true },
            })
            .collect();
        let settings = KeptSettings {
            preset: settings.preset,
            encoding: settings.encoding,
            date_order: settings.date_order,
            time_zone: settings.time_zone.clone(),
        };
        Kept { schema: KEPT_SCHEMA.into(), files, settings, as_of }
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value; anything not written by this version is a typed error.
    pub fn decode(text: &str) -> Result<Kept, StoreError> {
        let value = persist::parse(text)?;
        match value.str_member("schema") {
            Some(KEPT_SCHEMA) => {}
            Some(s) if s.starts_with("sla-kept-incidents/") => {
                return Err(StoreError::UnsupportedVersion(s.chars().take(40).collect()))
            }
            _ => return Err(StoreError::Foreign),
        }
        let kept: Kept = persist::read(&value, text)?;
        if kept.files.is_empty() {
            return Err(StoreError::Invalid("no files".into()));
        }
        if kept.files.iter().any(|f| f.latin1 && f.text.chars().any(|c| u32::from(c) > 0xFF)) {
            return Err(StoreError::Invalid("a file's bytes are damaged".into()));
        }
        Ok(kept)
    }

    /// The files as (name, bytes), as they were imported.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        self.files
            .iter()
            .map(|f| {
                let bytes = if f.latin1 {
                    // decode() checked every character is at most U+00FF.
                    f.text.chars().map(|c| u32::from(c).min(0xFF) as u8).collect()
                } else {
                    f.text.as_bytes().to_vec()
                };
                (f.name.clone(), bytes)
            })
            .collect()
    }

    /// The settings as the importer panel holds them.
    pub fn import_settings(&self) -> ImportSettings {
        ImportSettings {
            preset: self.settings.preset,
            encoding: self.settings.encoding,
            date_order: self.settings.date_order,
            time_zone: self.settings.time_zone.clone(),
        }
    }

    /// Imports the kept files again (with the agreement's saved mapping and zone) into the data
    /// the report uses, keeping the settings and "as of" instant they had.
    pub fn restore(&self, mapping: Option<&ColumnMapping>, agreement_zone: &str) -> Result<DataState, (String, ImportError)> {
        let settings = self.import_settings();
        let options = settings.options(mapping, agreement_zone);
        let mut outcomes = Vec::with_capacity(self.files.len());
        for (name, bytes) in self.files() {
            let outcome = import(&bytes, &options).map_err(|e| (name.clone(), e))?;
            outcomes.push((name, outcome));
        }
        let source = outcomes.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(" + ");
        let mut data = DataState { settings, ..DataState::sample() };
        data.apply(DataAction::Imported { source, files: outcomes });
        data.as_of = self.as_of;
        Ok(data)
    }
}

// Readers matching the `Serialize` derives above (and what serde's derived readers accepted).

impl FromJson for KeptFile {
    fn from_json(j: &Json) -> Result<KeptFile, JsonError> {
        let o = j.object(&["name", "text", "latin1"])?;
        Ok(KeptFile { name: o.req("name")?, text: o.req("text")?, latin1: o.or_default("latin1")? })
    }
}

impl FromJson for KeptSettings {
    /// Every member has a default.
    fn from_json(j: &Json) -> Result<KeptSettings, JsonError> {
        let o = j.object(&["preset", "encoding", "date_order", "time_zone"])?;
        let mut s = KeptSettings::default();
        o.set("preset", &mut s.preset)?;
        o.set("encoding", &mut s.encoding)?;
        o.set("date_order", &mut s.date_order)?;
        o.set("time_zone", &mut s.time_zone)?;
        Ok(s)
    }
}

impl FromJson for Kept {
    fn from_json(j: &Json) -> Result<Kept, JsonError> {
        let o = j.object(&["schema", "files", "settings", "as_of"])?;
        Ok(Kept {
            schema: o.req("schema")?,
            files: o.req("files")?,
            settings: o.req("settings")?,
            as_of: o.need("as_of", read_instant)?,
        })
    }
}

/// The rows a restored import read, for the notice.
pub fn rows_read(files: &Rc<Vec<FileImport>>) -> u64 {
    files.iter().map(|f| f.outcome.counts.read).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::data::DataSource;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("instant")
    }

    const CSV: &str = "id,start,end,title\nA-1,2026-01-05T10:00:00Z,2026-01-05T11:00:00Z,Löschung\nA-2,bad,2026-01-06T11:00:00Z,x\n";

    #[test]
    fn utf8_files_are_kept_as_text_and_restore_with_the_same_row_accounting() {
        let files = vec![("log.csv".to_string(), CSV.as_bytes().to_vec())];
        let settings = ImportSettings { date_order: Some(DateOrder::DayFirst), ..ImportSettings::default() };
        let kept = Kept::new(&files, &settings, at("2026-02-01T00:00:00Z"));
        assert!(!kept.files[0].latin1);
        let text = kept.encode();
        assert!(text.starts_with(r#"{"schema":"sla-kept-incidents/1","files":[{"name":"log.csv","text":"id,start"#), "{text}");
        let back = Kept::decode(&text).expect("reads back");
        assert_eq!(back, kept);
        assert_eq!(back.files(), files);
        let data = back.restore(None, "UTC").expect("imports");
        assert_eq!(data.source, DataSource::Loaded("log.csv".into()));
        assert_eq!(data.incidents.len(), 1);
        let c = data.counts();
        assert_eq!((c.read, c.accepted, c.rejected), (2, 1, 1));
        assert_eq!(data.settings.date_order, Some(DateOrder::DayFirst));
        assert_eq!(data.as_of, at("2026-02-01T00:00:00Z"));
        assert_eq!(rows_read(&data.files), 2);
    }

    #[test]
    fn other_bytes_are_kept_one_character_each_and_come_back_unchanged() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        let kept = Kept::new(&[("big5.csv".into(), bytes.clone())], &ImportSettings::default(), at("2026-01-01T00:00:00Z"));
        assert!(kept.files[0].latin1);
        let back = Kept::decode(&kept.encode()).expect("reads back");
        assert_eq!(back.files()[0].1, bytes);
    }

    #[test]
    fn only_imports_up_to_the_limit_are_copied_to_be_kept() {
        use crate::state::data::KeptFiles;
        let at_limit = vec![b'a'; KEEP_LIMIT_BYTES];
        assert!(matches!(KeptFiles::of(&[("ok.csv".into(), at_limit)]), KeptFiles::Files(_)));
        let big = vec![b'a'; KEEP_LIMIT_BYTES + 1];
        assert_eq!(KeptFiles::of(&[("big.csv".into(), big)]), KeptFiles::TooLarge(KEEP_LIMIT_BYTES + 1));
    }

    #[test]
    fn damaged_foreign_and_future_values_are_typed_errors() {
        assert!(matches!(Kept::decode("{"), Err(StoreError::NotJson(_))));
        assert_eq!(Kept::decode(r#"{"schema":"other"}"#), Err(StoreError::Foreign));
        assert_eq!(Kept::decode("[1,2]"), Err(StoreError::Foreign));
        assert!(matches!(Kept::decode(r#"{"schema":"sla-kept-incidents/9"}"#), Err(StoreError::UnsupportedVersion(_))));
        assert!(matches!(Kept::decode(r#"{"schema":"sla-kept-incidents/1","files":[]}"#), Err(StoreError::Invalid(_))));
        let no_files = r#"{"schema":"sla-kept-incidents/1","files":[],"settings":{},"as_of":"2026-01-01T00:00:00Z"}"#;
        assert_eq!(Kept::decode(no_files), Err(StoreError::Invalid("no files".into())));
        let wide = r#"{"schema":"sla-kept-incidents/1","files":[{"name":"x","text":"中","latin1":true}],"settings":{},"as_of":"2026-01-01T00:00:00Z"}"#;
        assert!(matches!(Kept::decode(wide), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn every_setting_round_trips() {
        let settings = ImportSettings {
            preset: Some(Preset::JiraServiceManagement),
            encoding: Some(Encoding::Utf16Le),
            date_order: Some(DateOrder::MonthFirst),
            time_zone: "Asia/Taipei".into(),
        };
        let files = vec![("a.csv".to_string(), CSV.as_bytes().to_vec()), ("b.csv".to_string(), vec![0xff, 0xfe, b'a', 0])];
        let kept = Kept::new(&files, &settings, at("2026-03-14T22:00:05Z"));
        let back = Kept::decode(&kept.encode()).expect("reads back");
        assert_eq!(back, kept);
        assert_eq!(back.import_settings(), settings);
        assert_eq!(back.files(), files);
        // Settings may be left out one by one (or all); `latin1` too.
        let sparse = r#"{"schema":"sla-kept-incidents/1","files":[{"name":"x","text":"a"}],"settings":{"encoding":"big5"},"as_of":"2026-01-01T00:00:00Z"}"#;
        let back = Kept::decode(sparse).expect("reads");
        assert_eq!(back.settings, KeptSettings { encoding: Some(Encoding::Big5), ..KeptSettings::default() });
        assert!(!back.files[0].latin1);
    }

    #[test]
    fn what_is_wrong_is_said_where() {
        let unknown = "{\"schema\":\"sla-kept-incidents/1\",\"files\":[],\n\"settings\":{\"zone\":\"\"},\"as_of\":\"2026-01-01T00:00:00Z\"}";
        assert_eq!(
            Kept::decode(unknown),
            Err(StoreError::Invalid(
                "line 2, column 13: unknown field `zone`, expected one of `preset`, `encoding`, `date_order`, `time_zone`".into()
            ))
        );
        let instant = r#"{"schema":"sla-kept-incidents/1","files":[],"settings":{},"as_of":"soon"}"#;
        assert_eq!(
            Kept::decode(instant),
            Err(StoreError::Invalid("line 1, column 67: expected an instant as YYYY-MM-DDTHH:MM:SSZ, found \"soon\"".into()))
        );
        let variant = r#"{"schema":"sla-kept-incidents/1","files":[],"settings":{"date_order":"any"},"as_of":"2026-01-01T00:00:00Z"}"#;
        assert!(matches!(Kept::decode(variant), Err(StoreError::Invalid(m)) if m.starts_with("line 1, column 70: unknown variant `any`")));
        let no_settings = r#"{"schema":"sla-kept-incidents/1","files":[],"as_of":"2026-01-01T00:00:00Z"}"#;
        assert_eq!(Kept::decode(no_settings), Err(StoreError::Invalid("line 1, column 1: missing field `settings`".into())));
        let file = r#"{"schema":"sla-kept-incidents/1","files":[{"name":"x","text":"a","bytes":1}],"settings":{},"as_of":"2026-01-01T00:00:00Z"}"#;
        assert_eq!(
            Kept::decode(file),
            Err(StoreError::Invalid("line 1, column 66: unknown field `bytes`, expected one of `name`, `text`, `latin1`".into()))
        );
    }

    #[test]
    fn a_file_that_no_longer_imports_names_itself() {
        let kept = Kept::new(&[("empty.csv".into(), Vec::new())], &ImportSettings::default(), at("2026-01-01T00:00:00Z"));
        let err = kept.restore(None, "UTC").expect_err("an empty file does not import");
        assert_eq!(err.0, "empty.csv");
    }
}
