//! Reading records: CSV through the `csv` crate with one reused [`csv::StringRecord`] (no
//! allocation per row, UTF-8 checked once per record), JSON and NDJSON through `serde_json`, flattened to named columns.

use super::error::{ImportError, RowUnit};
use super::format::Format;
use csv::StringRecord;
use serde_json::Value;
use std::collections::HashMap;

/// Access to one record's fields by column index, trimmed; missing fields read as "".
pub(crate) trait Fields {
    fn get(&self, column: usize) -> &str;
    fn all_blank(&self) -> bool;
}

/// A CSV record's fields.
pub(crate) struct CsvFields<'r>(pub &'r StringRecord);

impl Fields for CsvFields<'_> {
    #[inline]
    fn get(&self, column: usize) -> &str {
        self.0.get(column).unwrap_or("").trim()
    }
    fn all_blank(&self) -> bool {
        self.0.as_slice().bytes().all(|b| b.is_ascii_whitespace())
    }
}

/// A JSON item's fields, flattened into column order.
pub(crate) struct JsonFields<'v>(pub &'v [String]);

impl Fields for JsonFields<'_> {
    fn get(&self, column: usize) -> &str {
        self.0.get(column).map(|s| s.trim()).unwrap_or("")
    }
    fn all_blank(&self) -> bool {
        self.0.iter().all(|s| s.trim().is_empty())
    }
}

/// Where the CSV reader stands: byte offset of the next record, spreadsheet row of the last
/// one, and whether the last record ended in a carriage return (so a following line feed is
/// the rest of its CRLF, not a blank line).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CsvCursor {
    pub offset: usize,
    pub row: u64,
    pub prev_cr: bool,
}

/// Reads up to `max` records from `text` at `cur`, calling `f(row, record, raw)` for each;
/// `raw` is the record exactly as written, without line ends. Returns true at the end of
/// the text.
pub(crate) fn read_csv(
    text: &str,
    delimiter: u8,
    cur: &mut CsvCursor,
    record: &mut StringRecord,
    max: usize,
    mut f: impl FnMut(u64, &StringRecord, &str),
) -> bool {
    let bytes = text.as_bytes();
    let Some(rest) = bytes.get(cur.offset..) else {
        return true;
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(64 * 1024)
        .from_reader(rest);
    let mut n = 0;
    while n < max {
        // The text is valid UTF-8 and fields are cut at ASCII bytes, so a UTF-8 error cannot
        // happen; should one ever, the reading stops as at the end of the text.
        match rdr.read_record(record) {
            Ok(true) => {}
            Ok(false) | Err(_) => {
                cur.offset = bytes.len();
                return true;
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let end = rdr.position().byte() as usize;
        let raw = rest.get(start..end).unwrap_or(&[]);
        // Leading line ends are blank lines (plus the LF of a CRLF that ended the last record).
        let mut lead = 0;
        let mut blank = 0u64;
        if cur.prev_cr && raw.first() == Some(&b'\n') {
            lead = 1;
        }
        while lead < raw.len() && (raw[lead] == b'\n' || raw[lead] == b'\r') {
            if raw[lead] == b'\n' || raw.get(lead + 1) != Some(&b'\n') {
                blank += 1;
            }
            lead += 1;
        }
        let mut tail = raw.len();
        while tail > lead && (raw[tail - 1] == b'\n' || raw[tail - 1] == b'\r') {
            tail -= 1;
        }
        cur.prev_cr = raw.last() == Some(&b'\r');
        cur.row += 1 + blank;
        let raw_text = text
            .get(cur.offset + start + lead..cur.offset + start + tail)
            .unwrap_or("");
        f(cur.row, record, raw_text);
        n += 1;
    }
    cur.offset += rdr.position().byte() as usize;
    cur.offset >= bytes.len()
}

/// Column names from a header record: trimmed, blanks named `column N`, repeats numbered
/// `Comment (2)`, `Comment (3)` so every column keeps its own name.
pub(crate) fn unique_columns<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A set beside the list: a header of a million columns must not take a million squared
    // comparisons (found by the malformed-input corpus).
    // Each base name remembers the last suffix it used, so a thousand "Watchers" columns do not
    // each count up from 2 either.
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut last_suffix: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, name) in names.enumerate() {
        let base = name.trim();
        let base = if base.is_empty() {
            format!("column {}", i + 1)
        } else {
            base.to_string()
        };
        let mut candidate = base.clone();
        let mut k = last_suffix.get(&base).copied().unwrap_or(1);
        while taken.contains(&candidate) {
            k += 1;
            candidate = format!("{base} ({k})");
        }
        last_suffix.insert(base, k);
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// One JSON item: the value, or (parser message, line as written) for a broken NDJSON line.
pub(crate) type JsonItem = Result<Value, (String, String)>;

/// JSON items, each numbered as the user sees it, with the union of their flattened keys.
pub(crate) struct JsonRecords {
    pub items: Vec<(u64, JsonItem)>,
    pub unit: RowUnit,
    pub columns: Vec<String>,
    index: HashMap<String, usize>,
}

impl JsonRecords {
    /// Parses a JSON or NDJSON text.
    pub fn parse(text: &str, format: Format) -> Result<JsonRecords, ImportError> {
        let (items, unit) = if format == Format::Ndjson {
            let mut items = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let parsed = serde_json::from_str::<Value>(line).map_err(|e| (e.to_string(), line.to_string()));
                items.push((i as u64 + 1, parsed));
            }
            (items, RowUnit::Line)
        } else {
            let value: Value = serde_json::from_str(text).map_err(|e| ImportError::InvalidJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string().split(" at line ").next().unwrap_or("").to_string(),
            })?;
            let list = incident_list(value)?;
            (
                list.into_iter()
                    .enumerate()
                    .map(|(i, v)| (i as u64 + 1, Ok(v)))
                    .collect(),
                RowUnit::Item,
            )
        };
        if items.is_empty() {
            return Err(ImportError::EmptyList);
        }
        let mut columns = Vec::new();
        let mut index = HashMap::new();
        for (_, item) in &items {
            if let Ok(Value::Object(map)) = item {
                let mut key = String::new();
                flatten_keys(map, &mut key, 0, &mut |k| {
                    if !index.contains_key(k) {
                        index.insert(k.to_string(), columns.len());
                        columns.push(k.to_string());
                    }
                });
            }
        }
        Ok(JsonRecords {
            items,
            unit,
            columns,
            index,
        })
    }

    /// Fills `values` (one per column) from an object.
    pub fn fill(&self, map: &serde_json::Map<String, Value>, values: &mut Vec<String>) {
        values.clear();
        values.resize(self.columns.len(), String::new());
        let mut key = String::new();
        flatten(map, &mut key, 0, &mut |k, v| {
            if let Some(&i) = self.index.get(k) {
                values[i] = v;
            }
        });
    }
}

/// The list of incidents inside a JSON value: the value itself if it is an array; for an
/// object, its array under a usual name (`incidents`, `alerts`, `data`, …) or its only array
/// of objects; an object with no such array is one incident.
fn incident_list(value: Value) -> Result<Vec<Value>, ImportError> {
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(mut map) => {
            for key in [
                "incidents",
                "alerts",
                "issues",
                "data",
                "items",
                "results",
                "records",
                "rows",
            ] {
                if matches!(map.get(key), Some(Value::Array(_))) {
                    if let Some(Value::Array(items)) = map.remove(key) {
                        return Ok(items);
                    }
                }
            }
            let arrays: Vec<&String> = map
                .iter()
                .filter(|(_, v)| matches!(v, Value::Array(a) if a.iter().any(Value::is_object)))
                .map(|(k, _)| k)
                .collect();
            if arrays.len() == 1 && map.len() <= 3 {
                let key = arrays[0].clone();
                if let Some(Value::Array(items)) = map.remove(&key) {
                    return Ok(items);
                }
            }
            if map.is_empty() {
                return Err(ImportError::NoIncidentList);
            }
            Ok(vec![Value::Object(map)])
        }
        _ => Err(ImportError::NoIncidentList),
    }
}

const MAX_DEPTH: usize = 3;

fn flatten_keys(map: &serde_json::Map<String, Value>, key: &mut String, depth: usize, f: &mut impl FnMut(&str)) {
    for (k, v) in map {
        let len = key.len();
        if !key.is_empty() {
            key.push('.');
        }
        key.push_str(k);
        match v {
            Value::Object(inner) if depth < MAX_DEPTH && !inner.is_empty() => flatten_keys(inner, key, depth + 1, f),
            _ => f(key),
        }
        key.truncate(len);
    }
}

fn flatten(map: &serde_json::Map<String, Value>, key: &mut String, depth: usize, f: &mut impl FnMut(&str, String)) {
    for (k, v) in map {
        let len = key.len();
        if !key.is_empty() {
            key.push('.');
        }
        key.push_str(k);
        match v {
            Value::Object(inner) if depth < MAX_DEPTH && !inner.is_empty() => flatten(inner, key, depth + 1, f),
            other => f(key, scalar_text(other)),
        }
        key.truncate(len);
    }
}

/// A JSON value as field text: strings as they are, numbers and booleans written out, null
/// blank; arrays of scalars joined with ", "; arrays of objects by their `name` fields
/// (Statuspage's components); anything else blank.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Value::Object(o) => o.get("name").map(scalar_text),
                    Value::Array(_) => None,
                    other => Some(scalar_text(other)),
                })
                .filter(|s| !s.is_empty())
                .collect();
            parts.join(", ")
        }
        Value::Object(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, String, Vec<String>)> {
        let mut cur = CsvCursor::default();
        let mut rec = StringRecord::new();
        let mut out = Vec::new();
        read_csv(text, b',', &mut cur, &mut rec, usize::MAX, |row, r, raw| {
            out.push((row, raw.to_string(), r.iter().map(str::to_string).collect()));
        });
        out
    }

    #[test]
    fn numbers_rows_as_a_spreadsheet_does() {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n3,w";
        let r = rows(text);
        assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 2, 4, 5]);
        assert_eq!(r[1].1, "1,\"x\r\ny\"");
        assert_eq!(r[2].1, "2,z");
        assert_eq!(r[3].1, "3,w");
        let r = rows("a,b\n\n\n1,2\n");
        assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), vec![1, 4]);
    }

    #[test]
    fn reads_in_steps_with_the_same_result() {
        let text = "a,b\n1,\"x\ny\"\n\n2,z\n3,w\n";
        let whole = rows(text);
        let mut cur = CsvCursor::default();
        let mut rec = StringRecord::new();
        let mut stepped = Vec::new();
        loop {
            let eof = read_csv(text, b',', &mut cur, &mut rec, 1, |row, _, raw| {
                stepped.push((row, raw.to_string()))
            });
            if eof {
                break;
            }
        }
        assert_eq!(stepped, whole.iter().map(|x| (x.0, x.1.clone())).collect::<Vec<_>>());
    }

    #[test]
    fn names_repeated_and_blank_columns() {
        let cols = unique_columns(["Watchers", "Watchers", " ", "Comment", "Watchers"].into_iter());
        assert_eq!(
            cols,
            vec!["Watchers", "Watchers (2)", "column 3", "Comment", "Watchers (3)"]
        );
    }

    #[test]
    fn flattens_json() {
        let text = r#"{"page":{"id":"p"},"incidents":[{"id":"a","impact":"minor","components":[{"name":"API"},{"name":"Web"}],"meta":{"x":1}}]}"#;
        let j = JsonRecords::parse(text, Format::Json).unwrap();
        // serde_json keeps keys sorted.
        assert_eq!(j.columns, vec!["components", "id", "impact", "meta.x"]);
        let mut v = Vec::new();
        if let (_, Ok(Value::Object(m))) = &j.items[0] {
            j.fill(m, &mut v);
        }
        assert_eq!(v, vec!["API, Web", "a", "minor", "1"]);
    }
}
