//! What can go wrong in an import: [`ImportError`] stops the whole import (nothing usable could
//! be read, or a question must be answered first); [`RowError`] rejects one row, which is then
//! listed as a [`RejectedRow`] with its place and original text while the others go on.
//! Every message is written to be shown to users as it is.

use super::timestamp::{DateOrder, TimestampError};
use crate::model::SpanError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An import that could not run, or needs a choice from the user before it can.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file holds no bytes, or only blanks.
    #[error("the file is empty")]
    Empty,
    /// The file is larger than the supported maximum ([`super::MAX_INPUT_BYTES`]); it is
    /// refused before it is read.
    #[error("the file is {} ({bytes} bytes); files up to {} can be imported. Export a shorter time span or fewer columns, or split the file", super::megabytes(*.bytes), super::megabytes(*.limit))]
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The largest size accepted, in bytes.
        limit: u64,
    },
    /// The bytes are not a text export at all: a spreadsheet workbook, an image, an archive or
    /// other binary data.
    #[error(
        "the file is not a text export: {what}. Export the incidents as CSV, TSV, JSON or NDJSON and choose that file"
    )]
    NotText {
        /// What it looks like instead, with where the binary data shows.
        what: String,
    },
    /// A CSV file with a header but no data, or a JSON file with no incidents, is not an error;
    /// this is a file without even a header line.
    #[error("the file has no header line; the first line must name the columns")]
    NoHeader,
    /// The JSON could not be parsed.
    #[error("line {line}, column {column}: the file is not valid JSON: {message}")]
    InvalidJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's explanation.
        message: String,
    },
    /// The JSON parsed but holds no list of incident objects.
    #[error("the JSON holds no list of incidents; expected an array of objects or an object with one such array (like Statuspage's {{\"incidents\": [...]}})")]
    NoIncidentList,
    /// The JSON list of incidents is empty.
    #[error("the JSON list is empty: there are no incidents to import")]
    EmptyList,
    /// No column could be found for the start time and none was chosen.
    #[error("no column holds the start time; choose one of: {}", quoted_list(.columns))]
    NoStartColumn {
        /// The file's columns, for the user to choose from.
        columns: Vec<String>,
    },
    /// The mapping names a column the file does not have.
    #[error("the mapping takes {what} from column \"{column}\", but the file has no such column; its columns are: {}", quoted_list(.columns))]
    UnknownColumn {
        /// Which field the mapping wanted.
        what: &'static str,
        /// The missing column.
        column: String,
        /// The file's columns, for the user to choose from.
        columns: Vec<String>,
    },
    /// A chosen CSV delimiter that cannot be one.
    #[error("\"{0}\" cannot separate columns; use a comma, semicolon, tab, pipe or another single ASCII character")]
    BadDelimiter(char),
    /// Numeric dates could be read day-first or month-first and the data does not tell.
    #[error("column \"{column}\" has dates like {example} that read as {day_first} day-first or {month_first} month-first, and no date in the file settles it; choose the date order")]
    AmbiguousDateOrder {
        /// The column where the first ambiguous date sits.
        column: String,
        /// The date as written.
        example: String,
        /// The day-first reading, e.g. "3 April 2026".
        day_first: String,
        /// The month-first reading, e.g. "March 4, 2026".
        month_first: String,
    },
}

fn field_count_text(found: usize, expected: usize, delimiter: char, cut_off: bool) -> String {
    let shown = match delimiter {
        '\t' => "tab".to_string(),
        d => format!("\"{d}\""),
    };
    let values = if found == 1 { "value" } else { "values" };
    let why = if cut_off {
        "the file ends in the middle of it; was it cut off?"
    } else {
        "is it separated differently?"
    };
    format!("this row has {found} {values} but the header has {expected} columns separated by {shown}; {why}")
}

fn quoted_list(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why one row was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RowError {
    /// The start time is blank.
    #[error("the start time is empty")]
    MissingStart,
    /// A timestamp could not be read.
    #[error(transparent)]
    Timestamp(#[from] TimestampError),
    /// A duration could not be read.
    #[error(transparent)]
    Duration(#[from] SpanError),
    /// A timestamp is outside the dates the importer handles (years 1–9999 once in UTC).
    #[error("{0} is outside the years 1 to 9999 this importer handles")]
    OutOfRange(String),
    /// A later time lies before the start.
    #[error("{value} is before {start_column} {start_value}")]
    BeforeStart {
        /// The later time as written.
        value: String,
        /// The start column's name.
        start_column: String,
        /// The start as written.
        start_value: String,
    },
    /// The impact value is not in the mapping.
    #[error("\"{0}\" is not a known impact; map it to full outage, partial outage, degraded or none")]
    UnknownImpact(String),
    /// Another row already had this id.
    #[error("{id} already appeared in {unit} {first_row}; the first is kept")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it first appeared.
        first_row: u64,
        /// How rows are counted.
        unit: RowUnit,
    },
    /// A CSV record that is not separated like the header (one value where the header has
    /// several columns), or the file's last record cut off before its last columns. (Other
    /// short rows read their missing values as blank, and extra values are ignored.)
    #[error("{}", field_count_text(*.found, *.expected, *.delimiter, *.cut_off))]
    FieldCount {
        /// Values in the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
        /// The delimiter the file is read with.
        delimiter: char,
        /// Whether the file ends inside this row without a line end.
        cut_off: bool,
    },
    /// A double quote opened a value that is never closed, so the parser read the rest of the
    /// file as that one value.
    #[error("a double quote opened in this row is never closed, so the rest of the file ({lines} line{}) reads as one value; close the quote or remove it", if *.lines == 1 { "" } else { "s" })]
    UnterminatedQuote {
        /// Lines from the quote to the end of the file.
        lines: usize,
    },
    /// A JSON item that is not an object.
    #[error("this item is not an object with incident fields")]
    NotAnObject,
    /// A line of NDJSON that is not valid JSON.
    #[error("not valid JSON: {0}")]
    InvalidJson(String),
}

/// How rows are counted in messages: spreadsheet rows for CSV (the header is row 1, blank lines
/// count as a spreadsheet shows them, a quoted field's line breaks do not), items of a JSON
/// list (1-based), lines of NDJSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowUnit {
    /// A spreadsheet row.
    Row,
    /// An item of a JSON list.
    Item,
    /// A line of NDJSON.
    Line,
}

impl fmt::Display for RowUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RowUnit::Row => "row",
            RowUnit::Item => "item",
            RowUnit::Line => "line",
        })
    }
}

/// A row that could not become an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRow {
    /// How `row` counts.
    pub unit: RowUnit,
    /// The row number as the user sees it.
    pub row: u64,
    /// The column at fault, if one is.
    pub column: Option<String>,
    /// What is wrong.
    pub error: RowError,
    /// The row's original text (a CSV record as written, or the JSON item), for a download of
    /// the rejected rows.
    pub raw: String,
}

impl fmt::Display for RejectedRow {
    /// `row 17, column "Resolved": 2026-03-01 09:00 is before Created 2026-03-02 10:00`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "{} {}, column \"{}\": {}", self.unit, self.row, c, self.error),
            None => write!(f, "{} {}: {}", self.unit, self.row, self.error),
        }
    }
}

/// Why a well-formed row was left out on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Every field is blank.
    EmptyRow,
    /// The status is one of the mapping's excluded statuses.
    Status(String),
    /// The impact is none and the mapping excludes such rows.
    NoImpact,
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exclusion::EmptyRow => f.write_str("empty row"),
            Exclusion::Status(s) => write!(f, "status {s}"),
            Exclusion::NoImpact => f.write_str("impact none"),
        }
    }
}

/// A row left out by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcludedRow {
    /// How `row` counts.
    pub unit: RowUnit,
    /// The row number as the user sees it.
    pub row: u64,
    /// The rule.
    pub rule: Exclusion,
}

impl fmt::Display for ExcludedRow {
    /// `row 5: excluded (status Canceled)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: excluded ({})", self.unit, self.row, self.rule)
    }
}

/// Something the user should know about an import that went through.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportWarning {
    /// The encoding was guessed.
    #[error("the file is not UTF-8; it was read as {0}, the best guess. If names look wrong, choose the encoding")]
    EncodingGuessed(super::Encoding),
    /// Some bytes were not valid in the encoding.
    #[error("some bytes are not valid {0} and were replaced with �; if text looks wrong, choose another encoding")]
    UndecodableBytes(super::Encoding),
    /// The day/month order came from the data.
    #[error("dates were read {order} because column \"{column}\" has {example}")]
    DateOrderFromData {
        /// The order used.
        order: DateOrder,
        /// The column that settled it.
        column: String,
        /// The value that settled it.
        example: String,
    },
}
