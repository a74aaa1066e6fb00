//! Reading records: CSV through the `csv` crate with one reused [`csv::StringRecord`] (no
//! allocation per row, UTF-8 checked once per record), JSON and NDJSON through
//! [`crate::json::parse`], flattened to named columns.

use super::error::{ImportError, RowUnit};
use super::format::Format;
use crate::json::{member, parse, Json, Key, Value};
use csv::StringRecord;
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
pub(crate) type JsonItem = Result<Json, (String, String)>;

/// JSON items, each numbered as the user sees it, with the union of their flattened keys in
/// the order they first appear.
pub(crate) struct JsonRecords {
    pub items: Vec<(u64, JsonItem)>,
    pub unit: RowUnit,
    pub columns: Vec<String>,
    index: HashMap<String, usize>,
}

impl JsonRecords {
    /// Parses a JSON or NDJSON text.
    pub fn parse(text: &str, format: Format) -> Result<JsonRecords, ImportError> {
        let (mut items, unit) = if format == Format::Ndjson {
            let mut items = Vec::new();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let parsed = parse(line).map_err(|e| {
                    let (_, column) = e.line_column(line);
                    (format!("{} at column {column}", e.message), line.to_string())
                });
                items.push((i as u64 + 1, parsed));
            }
            (items, RowUnit::Line)
        } else {
            let value = parse(text).map_err(|e| {
                let (line, column) = e.line_column(text);
                ImportError::InvalidJson { line, column, message: e.message }
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
        for (_, item) in &mut items {
            if let Ok(Json { value: Value::Object(members), .. }) = item {
                dedupe(members, 0);
                let mut key = String::new();
                flatten(members, &mut key, 0, &mut |k, _| {
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

    /// Fills `values` (one per column) from an object's members.
    pub fn fill(&self, members: &[(Key, Json)], values: &mut Vec<String>) {
        values.clear();
        values.resize(self.columns.len(), String::new());
        let mut key = String::new();
        flatten(members, &mut key, 0, &mut |k, v| {
            if let Some(&i) = self.index.get(k) {
                values[i] = scalar_text(v);
            }
        });
    }
}

/// Leaves one member per name, in the place the name first appears, with the value it was last
/// given (serde_json's reading, where the last value wins); nested objects too, as deep as
/// [`flatten`] goes.
fn dedupe(members: &mut Vec<(Key, Json)>, depth: usize) {
    // Whether any name repeats: pairwise for small objects, with a set for large ones.
    let repeated = if members.len() <= 16 {
        (1..members.len()).any(|i| members[..i].iter().any(|(k, _)| k.name == members[i].0.name))
    } else {
        let mut seen = std::collections::HashSet::new();
        !members.iter().all(|(k, _)| seen.insert(k.name.as_str()))
    };
    if repeated {
        let mut kept: Vec<(Key, Json)> = Vec::with_capacity(members.len());
        let mut place: HashMap<String, usize> = HashMap::new();
        for (k, v) in members.drain(..) {
            match place.get(&k.name) {
                Some(&i) => kept[i].1 = v,
                None => {
                    place.insert(k.name.clone(), kept.len());
                    kept.push((k, v));
                }
            }
        }
        *members = kept;
    }
    if depth < MAX_DEPTH {
        for (_, v) in members.iter_mut() {
            if let Value::Object(inner) = &mut v.value {
                dedupe(inner, depth + 1);
            }
        }
    }
}

/// The list of incidents inside a JSON value: the value itself if it is an array; for an
/// object, its array under a usual name (`incidents`, `alerts`, `data`, …) or its only array
/// of objects; an object with no such array is one incident.
fn incident_list(value: Json) -> Result<Vec<Json>, ImportError> {
    let mut members = match value.value {
        Value::Array(items) => return Ok(items),
        Value::Object(members) => members,
        _ => return Err(ImportError::NoIncidentList),
    };
    dedupe(&mut members, MAX_DEPTH);
    let is_list = |v: &Json| matches!(v.value, Value::Array(_));
    let position = ["incidents", "alerts", "issues", "data", "items", "results", "records", "rows"]
        .iter()
        .find_map(|name| members.iter().position(|(k, v)| k.name == *name && is_list(v)))
        .or_else(|| {
            let mut lists = members.iter().enumerate().filter(|(_, (_, v))| {
                matches!(&v.value, Value::Array(a) if a.iter().any(|i| matches!(i.value, Value::Object(_))))
            });
            match (lists.next(), lists.next()) {
                (Some((i, _)), None) if members.len() <= 3 => Some(i),
                _ => None,
            }
        });
    if let Some(i) = position {
        if let Value::Array(items) = members.swap_remove(i).1.value {
            return Ok(items);
        }
    }
    if members.is_empty() {
        return Err(ImportError::NoIncidentList);
    }
    Ok(vec![Json { at: value.at, value: Value::Object(members) }])
}

const MAX_DEPTH: usize = 3;

/// Calls `f` with each flattened key (`report.ackTime`) and its value, nested objects down to
/// [`MAX_DEPTH`] levels giving their members.
fn flatten(members: &[(Key, Json)], key: &mut String, depth: usize, f: &mut impl FnMut(&str, &Json)) {
    for (k, v) in members {
        let len = key.len();
        if !key.is_empty() {
            key.push('.');
        }
        key.push_str(&k.name);
        match &v.value {
            Value::Object(inner) if depth < MAX_DEPTH && !inner.is_empty() => flatten(inner, key, depth + 1, f),
            _ => f(key, v),
        }
        key.truncate(len);
    }
}

/// A JSON value as field text: strings as they are, numbers as written (one with an exponent,
/// `1.7e9`, in plain digits when they are few, so it reads as a timestamp or a duration),
/// booleans written out, null blank; arrays of scalars joined with ", "; arrays of objects by their `name` fields
/// (Statuspage's components); anything else blank.
fn scalar_text(v: &Json) -> String {
    match &v.value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.contains(['e', 'E']) => match crate::number::parse_f64(n).filter(|x| x.is_finite()).map(|x| x.to_string()) {
            Some(plain) if plain.len() <= 24 => plain,
            _ => n.clone(),
        },
        Value::Number(n) => n.clone(),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|i| match &i.value {
                    Value::Object(o) => member(o, "name").map(scalar_text),
                    Value::Array(_) => None,
                    _ => Some(scalar_text(i)),
                })
                .filter(|s| !s.is_empty())
                .collect();
            parts.join(", ")
        }
        Value::Object(_) => String::new(),
    }
}

/// A JSON value written back compactly on one line ([`compact`]).
pub(crate) fn compact_text(j: &Json) -> String {
    let mut out = String::new();
    compact(j, &mut out);
    out
}

/// A JSON value written back compactly on one line (a rejected item for the download): members
/// in their order, numbers as written.
pub(crate) fn compact(j: &Json, out: &mut String) {
    match &j.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => quote(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(&k.name, out);
                out.push(':');
                compact(v, out);
            }
            out.push('}');
        }
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it.
pub(crate) fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
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

    fn values(j: &JsonRecords, item: usize) -> Vec<String> {
        let mut v = Vec::new();
        if let (_, Ok(Json { value: Value::Object(m), .. })) = &j.items[item] {
            j.fill(m, &mut v);
        }
        v
    }

    #[test]
    fn flattens_json() {
        let text = r#"{"page":{"id":"p"},"incidents":[{"id":"a","impact":"minor","components":[{"name":"API"},{"name":"Web"}],"meta":{"x":1}}]}"#;
        let j = JsonRecords::parse(text, Format::Json).unwrap();
        // Columns in the order the keys are first written.
        assert_eq!(j.columns, vec!["id", "impact", "components", "meta.x"]);
        assert_eq!(values(&j, 0), vec!["a", "minor", "API, Web", "1"]);
    }

    #[test]
    fn columns_keep_document_order_and_the_last_of_a_repeated_key() {
        let text = r#"[{"z":1,"a":{"y":1,"x":2},"z":3,"a":{"w":4}}, {"b":true,"z":null,"a":{"w":5},"c":[1,"x",null,[2],{"name":"n"},{"name":"m","name":"k"}]}]"#;
        let j = JsonRecords::parse(text, Format::Json).unwrap();
        // `a` is `{"w":4}` in the end (serde_json's reading: the last value wins), so no a.y, a.x.
        assert_eq!(j.columns, vec!["z", "a.w", "b", "c"]);
        assert_eq!(values(&j, 0), vec!["3", "4", "", ""]);
        assert_eq!(values(&j, 1), vec!["", "5", "true", "1, x, n, k"]);
        // A large object, where repeats are found with a set.
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{}\":{i}", i % 30)).collect();
        let j = JsonRecords::parse(&format!("[{{{}}}]", keys.join(",")), Format::Json).unwrap();
        assert_eq!(j.columns, (0..30).map(|i| format!("k{i}")).collect::<Vec<_>>());
        assert_eq!(values(&j, 0)[..3], ["30", "31", "32"]);
        assert_eq!(values(&j, 0)[29], "29");
        // The list under a usual name is found whichever of a repeated key holds it.
        let j = JsonRecords::parse(r#"{"data":1,"data":[{"x":1}],"other":[{"y":2}]}"#, Format::Json).unwrap();
        assert_eq!(j.columns, vec!["x"]);
    }

    #[test]
    fn numbers_read_as_written() {
        let text = r#"[{"a":4.50,"b":-0,"c":1700000000000,"d":1.7e9,"e":2.5E-1,"f":1e400,"g":12345678901234567890123,"h":1e30,"i":-1.5e-300}]"#;
        let j = JsonRecords::parse(text, Format::Json).unwrap();
        assert_eq!(
            values(&j, 0),
            vec!["4.50", "-0", "1700000000000", "1700000000", "0.25", "1e400", "12345678901234567890123", "1e30", "-1.5e-300"]
        );
    }

    #[test]
    fn refusals_are_located() {
        let text = "[\n  {\"id\": \"a\"},\n  {\"id\": \"é\" \"b\"}\n]";
        match JsonRecords::parse(text, Format::Json) {
            Err(ImportError::InvalidJson { line, column, message }) => {
                // The `"` of "b": the 14th character of line 3 (é counts once).
                assert_eq!((line, column, message.as_str()), (3, 14, "expected `,` or `}`"));
            }
            other => panic!("{:?}", other.map(|j| j.columns)),
        }
        let text = "{\"id\": \"a\"}\n\n{\"id\": \"b\", 7: 1}\n{\"id\": \"c\"";
        let j = JsonRecords::parse(text, Format::Ndjson).unwrap();
        let errors: Vec<_> = j.items.iter().map(|(n, i)| (*n, i.as_ref().err().cloned())).collect();
        assert_eq!(
            errors,
            vec![
                (1, None),
                (3, Some(("key must be a string at column 13".to_string(), "{\"id\": \"b\", 7: 1}".to_string()))),
                (4, Some(("EOF while parsing an object at column 11".to_string(), "{\"id\": \"c\"".to_string()))),
            ]
        );
        assert!(matches!(JsonRecords::parse("[]", Format::Json), Err(ImportError::EmptyList)));
        assert!(matches!(JsonRecords::parse("{}", Format::Json), Err(ImportError::NoIncidentList)));
        assert!(matches!(JsonRecords::parse("3", Format::Json), Err(ImportError::NoIncidentList)));
    }

    #[test]
    fn writes_items_back_on_one_line() {
        let text = "{ \"b\" : [1, 2.50, true, null, {}],\n \"a\": \"q\\\"\\\\\\n\\t\\u0001\\u00e9/\" }";
        let j = parse(text).unwrap();
        let line = compact_text(&j);
        assert_eq!(line, r#"{"b":[1,2.50,true,null,{}],"a":"q\"\\\n\t\u0001é/"}"#);
        // serde_json writes strings the same way, and reads the line back to the same value.
        let serde: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&line).unwrap(), serde);
        let written = serde_json::to_string(&serde).unwrap();
        assert_eq!(compact_text(&parse(&written).unwrap()), written);
    }
}
