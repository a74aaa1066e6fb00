//! Incident-log import: bytes of a CSV, TSV, JSON or NDJSON export in, [`Incident`]s out, with
//! every row accounted for.
//!
//! The module owns everything between a file's bytes and the model: the character encoding
//! ([`Encoding`], detected or chosen), the layout ([`Format`], with the CSV delimiter sniffed),
//! which tool wrote it ([`Preset`], recognised from the header), which column feeds which field
//! ([`ColumnMapping`], serialisable, saved with the agreement), timestamps in many notations
//! read in a chosen IANA zone ([`DateOrder`] decided from the data or asked for), and the verdict
//! on each row: accepted, excluded by a named rule ([`Exclusion`]), or rejected with its place,
//! column and reason ([`RejectedRow`]), keeping the rejected rows' original text for download.
//!
//! It is pure: no clock, no I/O, no web crates, and no panics on any input.
//!
//! Two ways in:
//! - [`import`]: one call, for the command line and tests;
//! - [`Importer`]: the same work in steps of a bounded number of rows, so a browser can keep
//!   its frame budget: `Importer::new` → `step(max_rows)` until [`Progress::done`] → `finish()`.
//!
//! ```
//! use sla_core::import::{import, ImportOptions, Preset};
//! let csv = "id,start,end,title\nINC-1,2026-03-02 10:00,2026-03-02 10:45,DB down\n\
//!            INC-2,2026-03-05 08:00,2026-03-05 07:00,Clock skew\n";
//! let out = import(csv.as_bytes(), &ImportOptions::default()).unwrap();
//! assert_eq!(out.detection.preset, Preset::Generic);
//! assert_eq!((out.counts.read, out.counts.accepted, out.counts.rejected), (2, 1, 1));
//! assert_eq!(
//!     out.rejected[0].to_string(),
//!     "row 3, column \"end\": 2026-03-05 07:00 is before start 2026-03-05 08:00"
//! );
//! ```
//!
//! Invariant: `counts.read == counts.accepted + counts.excluded + counts.rejected`; blank lines
//! of a CSV are not rows (but keep their place in the numbering, as in a spreadsheet).

mod convert;
mod encoding;
mod error;
mod format;
pub mod generate;
mod mapping;
mod rfc2822;
mod source;
mod timestamp;

pub use encoding::{set_legacy_decoder, Encoding, LegacyDecoder};
pub use error::{ExcludedRow, Exclusion, ImportError, ImportWarning, RejectedRow, RowError, RowUnit};
pub use format::Format;
pub use mapping::{builtin_impact, ColumnMapping, ImpactRule, NumberUnit, Preset, TimeSource, ValueRule};
pub use timestamp::{parse_timestamp, DateOrder, LocalResolver, Stamp, TimestampError};

use crate::json::{Json, Value};
use crate::model::Incident;
use crate::zone::Zone;
use convert::Converter;
use csv::StringRecord;
use serde::{Deserialize, Serialize};
use source::{compact_text, read_csv, unique_columns, CsvCursor, CsvFields, JsonFields, JsonRecords};
use std::borrow::Cow;
use timestamp::{order_hint, OrderHint};

/// Largest incident file accepted, in bytes: 200 MB (decimal megabytes, as file managers show
/// them). A 1,000,000-row export of about 82 MB imports in a browser tab today; 200 MB leaves
/// room for wide exports while keeping the tab's memory (the bytes, the decoded text and the
/// incidents all live at once) well inside what a 32-bit WebAssembly page may use. Check a file
/// with [`check_input_size`] before reading it; [`Importer::new`] refuses a larger input too.
pub const MAX_INPUT_BYTES: u64 = 200_000_000;

/// Refuses a file of `bytes` bytes when it is larger than [`MAX_INPUT_BYTES`], with a message
/// naming both sizes. Call it with the size the browser or file system reports, before reading.
///
/// ```
/// use sla_core::import::{check_input_size, ImportError, MAX_INPUT_BYTES};
/// assert_eq!(check_input_size(82_000_000), Ok(()));
/// let err = check_input_size(250_400_000).unwrap_err();
/// assert_eq!(err, ImportError::TooLarge { bytes: 250_400_000, limit: MAX_INPUT_BYTES });
/// assert!(err.to_string().starts_with("the file is 250.4 MB (250400000 bytes); files up to 200 MB can be imported"));
/// ```
pub fn check_input_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_INPUT_BYTES {
        Err(ImportError::TooLarge {
            bytes,
            limit: MAX_INPUT_BYTES,
        })
    } else {
        Ok(())
    }
}

/// `bytes` in decimal megabytes for messages, as file managers show sizes: `200 MB`,
/// `250.4 MB`, `0.3 MB`.
///
/// ```
/// assert_eq!(sla_core::import::megabytes(sla_core::import::MAX_INPUT_BYTES), "200 MB");
/// assert_eq!(sla_core::import::megabytes(250_440_000), "250.4 MB");
/// ```
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes as f64 / 100_000.0).round() as u64;
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What the caller decides; every `None` means "detect it".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Character encoding; None detects it (see [`Encoding`]).
    pub encoding: Option<Encoding>,
    /// Layout; None sniffs it.
    pub format: Option<Format>,
    /// The tool the file comes from; None recognises it from the header.
    pub preset: Option<Preset>,
    /// A complete mapping (e.g. saved with the agreement); None uses the preset's.
    pub mapping: Option<ColumnMapping>,
    /// The zone in which timestamps without an offset are read; callers pass the agreement's.
    pub time_zone: Zone,
    /// Day/month order of numeric dates; None decides from the data and asks when it cannot.
    pub date_order: Option<DateOrder>,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            encoding: None,
            format: None,
            preset: None,
            mapping: None,
            time_zone: Zone::UTC,
            date_order: None,
        }
    }
}

impl ImportOptions {
    /// Default options reading local times in `time_zone`.
    pub fn in_zone(time_zone: Zone) -> ImportOptions {
        ImportOptions {
            time_zone,
            ..ImportOptions::default()
        }
    }
}

/// What the importer found out or was told, to show the user and to let them override it.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The encoding used.
    pub encoding: Encoding,
    /// True when the encoding is a guess (not UTF-8, no byte-order mark, not chosen).
    pub encoding_guessed: bool,
    /// The layout used.
    pub format: Format,
    /// The preset whose mapping is used (or the chosen one).
    pub preset: Preset,
    /// The mapping used.
    pub mapping: ColumnMapping,
    /// The file's columns: header names made unique (`Comment`, `Comment (2)`), or the
    /// flattened keys of JSON objects (`report.ackTime`).
    pub columns: Vec<String>,
    /// The day/month order used for numeric dates, if any was needed.
    pub date_order: Option<DateOrder>,
    /// The zone for local times.
    pub time_zone: Zone,
    /// How rows are counted in messages.
    pub unit: RowUnit,
    /// The CSV header line as written (for the rejected-rows download).
    pub header_line: Option<String>,
}

/// Row totals. `read == accepted + excluded + rejected` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportCounts {
    /// Rows (records, items) read, blank lines not counted.
    pub read: u64,
    /// Rows that became incidents.
    pub accepted: u64,
    /// Rows left out by a rule.
    pub excluded: u64,
    /// Rows that could not be used.
    pub rejected: u64,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// The accepted incidents, in file order.
    pub incidents: Vec<Incident>,
    /// The row of each incident (same index).
    pub accepted_rows: Vec<u64>,
    /// Rows left out by a rule, in file order.
    pub excluded: Vec<ExcludedRow>,
    /// Rows that could not be used, in file order.
    pub rejected: Vec<RejectedRow>,
    /// Totals.
    pub counts: ImportCounts,
    /// Encoding, format, preset, mapping, columns, date order.
    pub detection: Detection,
    /// Things the user should know.
    pub warnings: Vec<ImportWarning>,
}

/// One row's verdict, see [`ImportOutcome::rows`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RowOutcome<'o> {
    /// The row became this incident.
    Accepted {
        /// The row number.
        row: u64,
        /// The incident.
        incident: &'o Incident,
    },
    /// The row was left out by a rule.
    Excluded(&'o ExcludedRow),
    /// The row could not be used.
    Rejected(&'o RejectedRow),
}

impl RowOutcome<'_> {
    /// The row number.
    pub fn row(&self) -> u64 {
        match self {
            RowOutcome::Accepted { row, .. } => *row,
            RowOutcome::Excluded(e) => e.row,
            RowOutcome::Rejected(r) => r.row,
        }
    }
}

impl ImportOutcome {
    /// Every row's verdict in file order.
    pub fn rows(&self) -> impl Iterator<Item = RowOutcome<'_>> + '_ {
        let (mut a, mut e, mut r) = (0usize, 0usize, 0usize);
        std::iter::from_fn(move || {
            let next_a = self.accepted_rows.get(a).copied().unwrap_or(u64::MAX);
            let next_e = self.excluded.get(e).map_or(u64::MAX, |x| x.row);
            let next_r = self.rejected.get(r).map_or(u64::MAX, |x| x.row);
            let min = next_a.min(next_e).min(next_r);
            if min == u64::MAX && a >= self.incidents.len() && e >= self.excluded.len() && r >= self.rejected.len() {
                return None;
            }
            if next_a == min && a < self.incidents.len() {
                a += 1;
                Some(RowOutcome::Accepted {
                    row: next_a,
                    incident: &self.incidents[a - 1],
                })
            } else if next_e == min && e < self.excluded.len() {
                e += 1;
                Some(RowOutcome::Excluded(&self.excluded[e - 1]))
            } else if r < self.rejected.len() {
                r += 1;
                Some(RowOutcome::Rejected(&self.rejected[r - 1]))
            } else {
                None
            }
        })
    }

    /// The rejected rows as a file to download and fix: for CSV input, the header line and
    /// each rejected record exactly as written (in UTF-8, lines ending in `\n`); for JSON and
    /// NDJSON, one JSON item per line. Empty when nothing was rejected.
    pub fn rejected_file(&self) -> String {
        if self.rejected.is_empty() {
            return String::new();
        }
        let mut out = String::new();
        if let Some(h) = &self.detection.header_line {
            out.push_str(h);
            out.push('\n');
        }
        for r in &self.rejected {
            out.push_str(&r.raw);
            out.push('\n');
        }
        out
    }
}

/// Where an [`Importer`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading numeric dates to decide day-first or month-first.
    ScanningDates,
    /// Converting rows.
    Importing,
    /// Finished; call [`Importer::finish`].
    Done,
}

/// How far an [`Importer`] has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The current phase.
    pub phase: Phase,
    /// Bytes of decoded text behind the current phase's position.
    pub processed_bytes: u64,
    /// Bytes of decoded text in all.
    pub total_bytes: u64,
    /// Rows converted so far.
    pub rows_read: u64,
    /// Whether everything is done.
    pub done: bool,
}

impl Progress {
    /// Share done, 0.0–1.0, counting the date scan (when there is one) as the first tenth.
    pub fn fraction(&self) -> f64 {
        let f = if self.total_bytes == 0 {
            1.0
        } else {
            self.processed_bytes as f64 / self.total_bytes as f64
        };
        match self.phase {
            Phase::ScanningDates => 0.1 * f,
            Phase::Importing => 0.1 + 0.9 * f,
            Phase::Done => 1.0,
        }
    }
}

enum Source {
    Csv {
        delimiter: u8,
        data_start: CsvCursor,
        cursor: CsvCursor,
        record: StringRecord,
    },
    Json {
        records: JsonRecords,
        next: usize,
        values: Vec<String>,
    },
}

/// Rows to look at before deciding a file has no numeric dates at all.
const SCAN_WITHOUT_NUMERIC_DATES: u64 = 200;

#[derive(Default)]
struct Scan {
    rows: u64,
    numeric_seen: bool,
    undecided: Option<(usize, String)>,
    decided: Option<(DateOrder, usize, String)>,
}

impl Scan {
    fn finished(&self) -> bool {
        self.decided.is_some() || (self.rows >= SCAN_WITHOUT_NUMERIC_DATES && !self.numeric_seen)
    }

    fn look(&mut self, columns: &[usize], f: &dyn source::Fields) {
        self.rows += 1;
        for &c in columns {
            let v = f.get(c);
            let hint = order_hint(v);
            if hint != OrderHint::NotNumeric {
                self.numeric_seen = true;
            }
            match hint {
                OrderHint::Undecided if self.undecided.is_none() => self.undecided = Some((c, v.to_string())),
                OrderHint::DayFirst if self.decided.is_none() => {
                    self.decided = Some((DateOrder::DayFirst, c, v.to_string()))
                }
                OrderHint::MonthFirst if self.decided.is_none() => {
                    self.decided = Some((DateOrder::MonthFirst, c, v.to_string()))
                }
                _ => {}
            }
        }
    }
}

/// An import in steps: create it, call [`Importer::step`] until [`Progress::done`], then
/// [`Importer::finish`]. Detection results are available right after [`Importer::new`].
pub struct Importer<'a> {
    text: Cow<'a, str>,
    source: Source,
    conv: Converter,
    detection: Detection,
    warnings: Vec<ImportWarning>,
    phase: Phase,
    scan: Scan,
    scan_cursor: CsvCursor,
    scan_next: usize,
}

impl<'a> Importer<'a> {
    /// Decodes the bytes, detects the layout, reads the header and settles the mapping. Pass a
    /// `Vec<u8>` to get an importer that owns its data, or a slice to borrow it.
    pub fn new(bytes: impl Into<Cow<'a, [u8]>>, options: &ImportOptions) -> Result<Importer<'a>, ImportError> {
        let bytes = bytes.into();
        check_input_size(bytes.len() as u64)?;
        let bytes_prefix: [u8; 8] = std::array::from_fn(|i| bytes.get(i).copied().unwrap_or(0));
        let decoded = encoding::decode(bytes, options.encoding);
        let mut warnings = Vec::new();
        if decoded.guessed {
            warnings.push(ImportWarning::EncodingGuessed(decoded.encoding));
        }
        if decoded.had_errors {
            warnings.push(ImportWarning::UndecodableBytes(decoded.encoding));
        }
        let text = decoded.text;
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        if let Some(what) = binary_kind(&bytes_prefix, &text) {
            return Err(ImportError::NotText { what });
        }
        let mut format = options.format.unwrap_or_else(|| format::sniff(&text));
        let (source, columns, unit, header_line) = match format {
            Format::Csv { delimiter } => {
                let mut delimiter = delimiter;
                let mut cursor = CsvCursor::default();
                // Excel's "sep=;" first line names the delimiter and is not shown as a row.
                if let Some(rest) = text.strip_prefix("sep=") {
                    let mut chars = rest.chars();
                    if let (Some(d), Some('\r' | '\n') | None) = (chars.next(), chars.next()) {
                        if options.format.is_none() {
                            delimiter = d;
                        }
                        let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
                        cursor.offset = line_end;
                    }
                }
                if !delimiter.is_ascii() || matches!(delimiter, '"' | '\n' | '\r') {
                    return Err(ImportError::BadDelimiter(delimiter));
                }
                format = Format::Csv { delimiter };
                let d = delimiter as u8;
                let mut record = StringRecord::new();
                let mut header = None;
                read_csv(&text, d, &mut cursor, &mut record, 1, |_, rec, raw| {
                    header = Some((unique_columns(rec.iter()), raw.to_string()));
                });
                let Some((columns, raw)) = header else {
                    return Err(ImportError::NoHeader);
                };
                // The header is row 1 whatever blank lines came before it.
                cursor.row = 1;
                let source = Source::Csv {
                    delimiter: d,
                    data_start: cursor,
                    cursor,
                    record,
                };
                (source, columns, RowUnit::Row, Some(raw))
            }
            Format::Json | Format::Ndjson => {
                let records = JsonRecords::parse(&text, format)?;
                let columns = records.columns.clone();
                let unit = records.unit;
                (
                    Source::Json {
                        records,
                        next: 0,
                        values: Vec::new(),
                    },
                    columns,
                    unit,
                    None,
                )
            }
        };
        let detected = Preset::detect(&columns);
        let preset = options.preset.unwrap_or(detected);
        let mapping = options.mapping.clone().unwrap_or_else(|| preset.mapping(&columns));
        let conv = Converter::new(
            mapping.clone(),
            columns.clone(),
            unit,
            options.time_zone,
            options.date_order,
        )?;
        let phase = if options.date_order.is_some() {
            Phase::Importing
        } else {
            Phase::ScanningDates
        };
        let scan_cursor = match &source {
            Source::Csv { data_start, .. } => *data_start,
            Source::Json { .. } => CsvCursor::default(),
        };
        Ok(Importer {
            text,
            source,
            conv,
            detection: Detection {
                encoding: decoded.encoding,
                encoding_guessed: decoded.guessed,
                format,
                preset,
                mapping,
                columns,
                date_order: options.date_order,
                time_zone: options.time_zone,
                unit,
                header_line,
            },
            warnings,
            phase,
            scan: Scan::default(),
            scan_cursor,
            scan_next: 0,
        })
    }

    /// What was detected; the mapping and columns are final from [`Importer::new`] on, the date
    /// order once the scan phase is over.
    pub fn detection(&self) -> &Detection {
        &self.detection
    }

    /// Does at most `max_rows` rows of work (at least one) and says how far the import is.
    /// Fails only with [`ImportError::AmbiguousDateOrder`], at the end of the date scan.
    pub fn step(&mut self, max_rows: usize) -> Result<Progress, ImportError> {
        let max_rows = max_rows.max(1);
        match self.phase {
            Phase::ScanningDates => self.scan_step(max_rows)?,
            Phase::Importing => {
                let first = self.conv.read == 0;
                self.import_step(max_rows);
                if first {
                    self.reserve_for_the_rest();
                }
            }
            Phase::Done => {}
        }
        Ok(self.progress())
    }

    /// After the first rows: room for as many more as the rest of the text likely holds (at
    /// their mean length, plus a sixteenth), so that a large file's incident list is not copied
    /// each time it doubles (the copies were the import's memory peak).
    fn reserve_for_the_rest(&mut self) {
        let p = self.progress();
        if p.done || p.rows_read == 0 || p.processed_bytes == 0 {
            return;
        }
        let per_row = (p.processed_bytes / p.rows_read).max(1);
        let rest = (p.total_bytes - p.processed_bytes) / per_row;
        self.conv.reserve(usize::try_from(rest + rest / 16).unwrap_or(0));
    }

    /// The current progress.
    pub fn progress(&self) -> Progress {
        let total = self.text.len() as u64;
        let processed = match (&self.source, self.phase) {
            (_, Phase::Done) => total,
            (Source::Csv { .. }, Phase::ScanningDates) => self.scan_cursor.offset as u64,
            (Source::Csv { cursor, .. }, _) => cursor.offset as u64,
            (Source::Json { records, .. }, Phase::ScanningDates) => share(self.scan_next, records.items.len(), total),
            (Source::Json { records, next, .. }, _) => share(*next, records.items.len(), total),
        };
        Progress {
            phase: self.phase,
            processed_bytes: processed.min(total),
            total_bytes: total,
            rows_read: self.conv.read,
            done: self.phase == Phase::Done,
        }
    }

    /// Runs the remaining steps and returns the outcome.
    pub fn finish(mut self) -> Result<ImportOutcome, ImportError> {
        while self.phase != Phase::Done {
            self.step(usize::MAX)?;
        }
        let c = self.conv;
        let counts = ImportCounts {
            read: c.read,
            accepted: c.incidents.len() as u64,
            excluded: c.excluded.len() as u64,
            rejected: c.rejected.len() as u64,
        };
        let mut detection = self.detection;
        detection.date_order = c.order;
        Ok(ImportOutcome {
            incidents: c.incidents,
            accepted_rows: c.accepted_rows,
            excluded: c.excluded,
            rejected: c.rejected,
            counts,
            detection,
            warnings: self.warnings,
        })
    }

    fn scan_step(&mut self, max_rows: usize) -> Result<(), ImportError> {
        let columns = self.conv.timestamp_columns();
        let Importer {
            text,
            source,
            scan,
            scan_cursor,
            scan_next,
            conv,
            warnings,
            phase,
            ..
        } = self;
        let eof = match source {
            Source::Csv { delimiter, record, .. } => {
                let mut eof = false;
                let mut n = 0;
                while n < max_rows && !scan.finished() && !eof {
                    let chunk = (max_rows - n).min(64);
                    eof = read_csv(text, *delimiter, scan_cursor, record, chunk, |_, rec, _| {
                        scan.look(&columns, &CsvFields(rec))
                    });
                    n += chunk;
                }
                eof
            }
            Source::Json { records, values, .. } => {
                let mut n = 0;
                while n < max_rows && !scan.finished() && *scan_next < records.items.len() {
                    if let (_, Ok(Json { value: Value::Object(members), .. })) = &records.items[*scan_next] {
                        records.fill(members, values);
                        scan.look(&columns, &JsonFields(values));
                    }
                    *scan_next += 1;
                    n += 1;
                }
                *scan_next >= records.items.len()
            }
        };
        if let Some((order, c, example)) = scan.decided.take() {
            conv.order = Some(order);
            let column = conv.column_name(c).to_string();
            warnings.push(ImportWarning::DateOrderFromData { order, column, example });
            *phase = Phase::Importing;
        } else if scan.finished() {
            *phase = Phase::Importing;
        } else if eof {
            if let Some((c, example)) = scan.undecided.take() {
                *phase = Phase::Done;
                let reading = |o| match parse_timestamp(&example, Some(o)) {
                    Ok(Stamp::Local(l)) => l.date(),
                    Ok(Stamp::Instant(i)) => i.date_naive(),
                    Err(_) => chrono::NaiveDate::default(),
                };
                return Err(ImportError::AmbiguousDateOrder {
                    column: conv.column_name(c).to_string(),
                    day_first: crate::date_text::day_month_year(reading(DateOrder::DayFirst)),
                    month_first: crate::date_text::month_day_year(reading(DateOrder::MonthFirst)),
                    example,
                });
            }
            *phase = Phase::Importing;
        }
        Ok(())
    }

    fn import_step(&mut self, max_rows: usize) {
        let Importer {
            text,
            source,
            conv,
            phase,
            detection,
            ..
        } = self;
        let expected = detection.columns.len();
        match source {
            Source::Csv {
                delimiter,
                cursor,
                record,
                ..
            } => {
                let d = *delimiter;
                let eof = read_csv(text, d, cursor, record, max_rows, |row, rec, raw| match record_problem(
                    text, rec, raw, expected, d,
                ) {
                    None => conv.row(&CsvFields(rec), row, || raw.to_string()),
                    Some((error, column)) => {
                        conv.reject_unreadable(row, error, raw.to_string());
                        let name = column
                            .map(|c| conv.column_name(c).to_string())
                            .filter(|n| !n.is_empty());
                        if let Some(r) = conv.rejected.last_mut() {
                            r.column = name;
                        }
                    }
                });
                if eof {
                    *phase = Phase::Done;
                }
            }
            Source::Json { records, next, values } => {
                let end = next.saturating_add(max_rows).min(records.items.len());
                for (number, item) in &records.items[*next..end] {
                    match item {
                        Ok(item @ Json { value: Value::Object(members), .. }) => {
                            records.fill(members, values);
                            conv.row(&JsonFields(values), *number, || compact_text(item));
                        }
                        Ok(other) => conv.reject_unreadable(*number, RowError::NotAnObject, compact_text(other)),
                        Err((message, raw)) => {
                            conv.reject_unreadable(*number, RowError::InvalidJson(message.clone()), raw.clone())
                        }
                    }
                }
                *next = end;
                if end >= records.items.len() {
                    *phase = Phase::Done;
                }
            }
        }
    }
}

/// What is wrong with a CSV record's shape, if anything, and the column at fault: a quote that
/// runs to the end of the file, a single value where the header has several columns (another
/// delimiter), or a last record cut off without a line end before its last columns. Other
/// short rows read their missing values as blank; extra values are ignored.
fn record_problem(
    text: &str,
    rec: &StringRecord,
    raw: &str,
    expected: usize,
    delimiter: u8,
) -> Option<(RowError, Option<usize>)> {
    let found = rec.len();
    let field_count = |cut_off| {
        Some((
            RowError::FieldCount {
                found,
                expected,
                delimiter: char::from(delimiter),
                cut_off,
            },
            None,
        ))
    };
    if found == 1 && expected > 1 && !raw.trim().is_empty() {
        return field_count(false);
    }
    // Only the last record can hold an unterminated quote (the parser reads to the end for
    // it) or be cut off.
    // `raw` is a slice of `text` (or empty); where it ends in `text`.
    let raw_end = (raw.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize).wrapping_add(raw.len());
    let rest = text.get(raw_end..)?;
    if !rest.bytes().all(|b| b == b'\n' || b == b'\r') {
        return None;
    }
    if let Some(field) = open_quote_field(raw.as_bytes(), delimiter) {
        let lines = raw.lines().count().max(1);
        return Some((RowError::UnterminatedQuote { lines }, Some(field)));
    }
    if found < expected && rest.is_empty() {
        return field_count(true);
    }
    None
}

/// The index of the field whose opening quote is still open at the end of `raw`, if one is
/// (CSV rules: a quote opens a field only at its start; `""` inside is a literal quote).
fn open_quote_field(raw: &[u8], delimiter: u8) -> Option<usize> {
    let (mut field, mut at_start, mut quoted, mut opened) = (0usize, true, false, 0usize);
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if quoted {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == delimiter {
            field += 1;
            at_start = true;
            i += 1;
            continue;
        } else if b == b'\n' || b == b'\r' {
            // Outside quotes a line end starts a new record.
            field = 0;
            at_start = true;
            i += 1;
            continue;
        } else if b == b'"' && at_start {
            quoted = true;
            opened = field;
        }
        at_start = false;
        i += 1;
    }
    quoted.then_some(opened)
}

/// What a file that is not text looks like, or `None` for text: a known binary signature, or
/// more than a tenth of the first 4,096 characters being control characters or undecodable.
fn binary_kind(prefix: &[u8; 8], text: &str) -> Option<String> {
    let known: [(&[u8], &str); 8] = [
        (
            b"PK\x03\x04",
            "it looks like a ZIP archive, such as an Excel workbook (.xlsx); save the sheet as CSV",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "it looks like an old Excel workbook (.xls); save the sheet as CSV",
        ),
        (b"%PDF", "it looks like a PDF document"),
        (b"\x89PNG", "it looks like a PNG image"),
        (b"\xFF\xD8\xFF", "it looks like a JPEG image"),
        (b"GIF8", "it looks like a GIF image"),
        (b"\x1F\x8B", "it looks like a gzip archive; unpack it first"),
        (b"7z\xBC\xAF", "it looks like a 7-Zip archive; unpack it first"),
    ];
    if let Some((_, what)) = known.iter().find(|(sig, _)| prefix.starts_with(sig)) {
        return Some((*what).to_string());
    }
    let (mut seen, mut odd, mut first) = (0usize, 0usize, None);
    for (i, c) in text.chars().take(4096).enumerate() {
        seen += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFD}' {
            odd += 1;
            first.get_or_insert(i + 1);
        }
    }
    match first {
        Some(at) if odd >= 4 && odd * 10 > seen => Some(format!(
            "{odd} of its first {seen} characters are control characters or bytes that are not text, the first at character {at}"
        )),
        _ => None,
    }
}

fn share(done: usize, of: usize, total: u64) -> u64 {
    if of == 0 {
        total
    } else {
        (done as u128 * u128::from(total) / of as u128) as u64
    }
}

/// Imports a whole file in one call: [`Importer::new`] then [`Importer::finish`].
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<ImportOutcome, ImportError> {
    Importer::new(bytes, options)?.finish()
}

/// The fuzzing harness's check, shared by the `cargo fuzz` target (`core/fuzz`) and the corpus
/// replay in `cargo test`, so both exercise exactly the same paths: a one-shot import with
/// detection (every row accounted for) and a stepped import with a chosen date order and zone.
/// Panics only when an invariant breaks.
#[doc(hidden)]
pub fn fuzz_check(data: &[u8]) {
    if let Ok(out) = import(data, &ImportOptions::default()) {
        let c = out.counts;
        assert_eq!(c.read, c.accepted + c.excluded + c.rejected);
        let _ = out.rejected_file();
    }
    let options = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        time_zone: "Europe/Berlin".parse::<crate::zone::Zone>().expect("a zone"),
        ..ImportOptions::default()
    };
    if let Ok(mut importer) = Importer::new(data, &options) {
        while let Ok(p) = importer.step(3) {
            if p.done {
                break;
            }
        }
        let _ = importer.finish();
    }
}
