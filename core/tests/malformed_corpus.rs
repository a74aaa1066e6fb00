//! The malformed-input corpus (`core/tests/malformed/`, listed in its README): every file
//! goes through the import (or, for `agreement-*.json`, the agreement reader) and gets the exact
//! message expected for it, located by row, line, column or field; for an import that runs,
//! the row accounting adds up (accepted + excluded + rejected = rows read, and every row has
//! exactly one verdict). Inputs too large to commit (a million columns, a 10 MB field, a file
//! over the size limit) are generated here at run time.

use sla_core::import::{check_input_size, import, ImportError, ImportOptions, ImportOutcome, MAX_INPUT_BYTES};
use sla_core::model::{read_agreement_file, AgreementFileError, MAX_AGREEMENT_BYTES};
use std::path::Path;

/// What a file must give.
enum Expect {
    /// The import refuses the whole file with this message.
    Refused(&'static str),
    /// The import runs: rows read, accepted and excluded, and every rejected row's message.
    Rows {
        read: u64,
        accepted: u64,
        excluded: u64,
        rejected: &'static [&'static str],
    },
    /// The agreement reader refuses the file with this message.
    AgreementRefused(&'static str),
    /// The same, for a message that goes on with a list that grows with the format.
    AgreementRefusedStarting(&'static str),
    /// The agreement reads; validation gives exactly these field messages.
    Agreement(&'static [&'static str]),
}
use Expect::*;

const CORPUS: &[(&str, Expect)] = &[
    ("absurd-duration.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"duration\": the duration \"99999999999999h\" is longer than 1000 years"] }),
    ("agreement-absurd-duration.json", AgreementRefused("line 3, column 42: the duration \"9223372036854775807\" is longer than 1000 years")),
    ("agreement-binary.json", AgreementRefused("byte 0: the file is not UTF-8 text; save the agreement as UTF-8 JSON")),
    ("agreement-deeply-nested.json", AgreementRefused("line 1, column 140: recursion limit exceeded")),
    ("agreement-duplicate-key.json", AgreementRefused("line 3, column 3: duplicate field `service`")),
    ("agreement-duplicate-priority.json", Agreement(&["priorities[4].name: the priority name \"P1\" is used twice"])),
    ("agreement-empty.json", AgreementRefused("line 1, column 1: EOF while parsing a value")),
    ("agreement-lone-surrogate.json", AgreementRefused("line 2, column 18: lone surrogate in hex escape")),
    ("agreement-negative-duration.json", AgreementRefused("line 3, column 42: the duration \"-4h\" is negative; durations must be zero or more")),
    ("agreement-target-150.json", Agreement(&["availability_target_percent: the availability target must be between 0 and 100 %, not 150"])),
    ("agreement-target-1e999.json", AgreementRefused("line 3, column 34: number out of range")),
    ("agreement-target-empty.json", AgreementRefused("line 3, column 34: invalid type: string \"\", expected a number")),
    ("agreement-target-infinity.json", AgreementRefused("line 3, column 34: Infinity is not a number JSON allows; write a number such as 99.9")),
    ("agreement-target-nan.json", AgreementRefused("line 3, column 34: NaN is not a number JSON allows; write a number such as 99.9")),
    ("agreement-target-null.json", AgreementRefused("line 3, column 34: invalid type: null, expected a number")),
    ("agreement-target-zero.json", Agreement(&["availability_target_percent: the availability target must be above 0 %"])),
    ("agreement-truncated.json", AgreementRefused("line 36, column 10: EOF while parsing an object")),
    ("agreement-unknown-field.json", AgreementRefusedStarting("line 3, column 3: unknown field `availabilty_target_percent`, expected one of `schema`")),
    ("agreement-utf16.json", AgreementRefused("byte 0: the file is not UTF-8 text; save the agreement as UTF-8 JSON")),
    ("agreement-wrong-schema.json", AgreementRefused("field \"schema\": this agreement is in format \"sla-agreement/2\"; this version reads \"sla-agreement/1\"")),
    ("agreement-year-0-holiday.json", Agreement(&[])),
    ("all-timestamps-empty.csv", Rows { read: 3, accepted: 0, excluded: 0, rejected: &["row 2, column \"start\": the start time is empty", "row 3, column \"start\": the start time is empty", "row 4, column \"start\": the start time is empty"] }),
    ("ambiguous-dates.csv", Refused("column \"start\" has dates like 03/04/2026 10:00 that read as 3 April 2026 day-first or March 4, 2026 month-first, and no date in the file settles it; choose the date order")),
    ("bad-sep-line.csv", Refused("\"\"\" cannot separate columns; use a comma, semicolon, tab, pipe or another single ASCII character")),
    ("binary-garbage.bin", Refused("the file is not a text export: 536 of its first 4096 characters are control characters or bytes that are not text, the first at character 6. Export the incidents as CSV, TSV, JSON or NDJSON and choose that file")),
    ("blank-lines-only.csv", Refused("the file is empty")),
    ("bom-only.csv", Refused("the file is empty")),
    ("cr-only-line-ends.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("duplicate-ids.csv", Rows { read: 3, accepted: 2, excluded: 0, rejected: &["row 4, column \"id\": INC-1 already appeared in row 2; the first is kept"] }),
    ("empty.csv", Refused("the file is empty")),
    ("end-before-start.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"end\": 2026-03-05 07:00 is before start 2026-03-05 08:00"] }),
    ("extra-fields.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("formula-cells.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("header-only-no-newline.csv", Rows { read: 0, accepted: 0, excluded: 0, rejected: &[] }),
    ("header-only.csv", Rows { read: 0, accepted: 0, excluded: 0, rejected: &[] }),
    ("impossible-date.csv", Rows { read: 3, accepted: 1, excluded: 0, rejected: &["row 2, column \"start\": \"2026-02-30 10:00\" is not a real date and time", "row 3, column \"start\": \"2026-03-05 25:00\" is not a real date and time"] }),
    ("json-deeply-nested.json", Refused("line 1, column 129: the file is not valid JSON: recursion limit exceeded")),
    ("json-empty-list.json", Refused("the JSON list is empty: there are no incidents to import")),
    ("json-epoch-out-of-range.json", Rows { read: 3, accepted: 1, excluded: 0, rejected: &["item 1, column \"start\": \"1e30\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM", "item 2, column \"start\": \"-99999999999999\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM"] }),
    ("json-items-not-objects.json", Rows { read: 5, accepted: 1, excluded: 0, rejected: &["item 2: this item is not an object with incident fields", "item 3: this item is not an object with incident fields", "item 4: this item is not an object with incident fields", "item 5: this item is not an object with incident fields"] }),
    ("json-lone-surrogate.json", Refused("line 2, column 61: the file is not valid JSON: lone surrogate in hex escape")),
    ("json-not-a-list.json", Refused("no column holds the start time; choose one of: \"status\", \"count\"")),
    ("json-trailing-garbage.json", Refused("line 1, column 52: the file is not valid JSON: trailing characters")),
    ("missing-fields.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("mixed-delimiters.csv", Rows { read: 3, accepted: 1, excluded: 0, rejected: &["row 3: this row has 1 value but the header has 4 columns separated by \",\"; is it separated differently?", "row 4: this row has 1 value but the header has 4 columns separated by \",\"; is it separated differently?"] }),
    ("nan-duration.csv", Rows { read: 2, accepted: 0, excluded: 0, rejected: &["row 2, column \"duration\": \"NaN\" is not a duration; write it like 1h 30m, 01:30:00 or 5400 (seconds)", "row 3, column \"duration\": \"inf\" is not a duration; write it like 1h 30m, 01:30:00 or 5400 (seconds)"] }),
    ("ndjson-bad-line.ndjson", Rows { read: 3, accepted: 2, excluded: 0, rejected: &["line 2: not valid JSON: key must be a string at column 17"] }),
    ("negative-duration.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"duration\": the duration \"-5m\" is negative; durations must be zero or more"] }),
    ("no-start-column.csv", Refused("no column holds the start time; choose one of: \"id\", \"title\", \"owner\"")),
    ("nul-bytes.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"start\": \"2026-03-05\\u{0}08:00\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM"] }),
    ("png-image.csv", Refused("the file is not a text export: it looks like a PNG image. Export the incidents as CSV, TSV, JSON or NDJSON and choose that file")),
    ("truncated-array.json", Refused("line 3, column 38: the file is not valid JSON: EOF while parsing a string")),
    ("truncated-in-quotes.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"title\": a double quote opened in this row is never closed, so the rest of the file (1 line) reads as one value; close the quote or remove it"] }),
    ("truncated-last-line.ndjson", Rows { read: 3, accepted: 2, excluded: 0, rejected: &["line 3: not valid JSON: EOF while parsing a string at column 21"] }),
    ("truncated-mid-row.csv", Rows { read: 3, accepted: 2, excluded: 0, rejected: &["row 4: this row has 2 values but the header has 4 columns separated by \",\"; the file ends in the middle of it; was it cut off?"] }),
    ("unknown-impact.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"impact\": \"apocalyptic\" is not a known impact; map it to full outage, partial outage, degraded or none"] }),
    ("unreadable-timestamp.csv", Rows { read: 3, accepted: 1, excluded: 0, rejected: &["row 2, column \"start\": \"yesterday\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM", "row 3, column \"start\": \"1e400\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM"] }),
    ("unterminated-quote.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 3, column \"title\": a double quote opened in this row is never closed, so the rest of the file (2 lines) reads as one value; close the quote or remove it"] }),
    ("utf16be-no-bom.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("utf16le-bom.csv", Rows { read: 1, accepted: 1, excluded: 0, rejected: &[] }),
    ("utf16le-no-bom.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
    ("windows-1252.csv", Rows { read: 1, accepted: 1, excluded: 0, rejected: &[] }),
    ("xlsx-instead-of-csv.csv", Refused("the file is not a text export: it looks like a ZIP archive, such as an Excel workbook (.xlsx); save the sheet as CSV. Export the incidents as CSV, TSV, JSON or NDJSON and choose that file")),
    ("year-0.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 2, column \"start\": 0000-01-01 00:00 is outside the years 1 to 9999 this importer handles"] }),
    ("year-10000.csv", Rows { read: 2, accepted: 1, excluded: 0, rejected: &["row 2, column \"start\": \"10000-01-01 00:00\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM"] }),
    ("year-9999.csv", Rows { read: 2, accepted: 2, excluded: 0, rejected: &[] }),
];

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed")
}

/// Accounting: the counts add up and every row has exactly one verdict, in file order.
fn assert_accounted(name: &str, out: &ImportOutcome) {
    let c = out.counts;
    assert_eq!(
        c.read,
        c.accepted + c.excluded + c.rejected,
        "{name}: counts do not add up: {c:?}"
    );
    assert_eq!(c.accepted as usize, out.incidents.len(), "{name}");
    assert_eq!(c.rejected as usize, out.rejected.len(), "{name}");
    assert_eq!(c.excluded as usize, out.excluded.len(), "{name}");
    let rows: Vec<u64> = out.rows().map(|r| r.row()).collect();
    assert_eq!(rows.len() as u64, c.read, "{name}: rows() misses verdicts");
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "{name}: rows out of order or twice: {rows:?}"
    );
}

#[test]
fn every_malformed_file_gets_its_located_message_and_the_rows_add_up() {
    let mut failures = Vec::new();
    for (name, expect) in CORPUS {
        let data = std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = match expect {
            Refused(_) | Rows { .. } => match import(&data, &ImportOptions::default()) {
                Err(e) => Refused(Box::leak(e.to_string().into_boxed_str())),
                Ok(out) => {
                    assert_accounted(name, &out);
                    let rejected: Vec<&'static str> = out
                        .rejected
                        .iter()
                        .map(|r| &*Box::leak(r.to_string().into_boxed_str()))
                        .collect();
                    Rows {
                        read: out.counts.read,
                        accepted: out.counts.accepted,
                        excluded: out.counts.excluded,
                        rejected: Box::leak(rejected.into_boxed_slice()),
                    }
                }
            },
            AgreementRefused(_) | AgreementRefusedStarting(_) | Agreement(_) => match read_agreement_file(&data) {
                Err(e) => AgreementRefused(Box::leak(e.to_string().into_boxed_str())),
                Ok(a) => {
                    let problems: Vec<&'static str> = a
                        .validate()
                        .iter()
                        .map(|p| &*Box::leak(p.to_string().into_boxed_str()))
                        .collect();
                    Agreement(Box::leak(problems.into_boxed_slice()))
                }
            },
        };
        let same = match (expect, &got) {
            (Refused(a), Refused(b)) | (AgreementRefused(a), AgreementRefused(b)) => a == b,
            (AgreementRefusedStarting(a), AgreementRefused(b)) => b.starts_with(a),
            (Agreement(a), Agreement(b)) => a == b,
            (
                Rows {
                    read,
                    accepted,
                    excluded,
                    rejected,
                },
                Rows {
                    read: r2,
                    accepted: a2,
                    excluded: e2,
                    rejected: j2,
                },
            ) => (read, accepted, excluded, rejected) == (r2, a2, e2, j2),
            _ => false,
        };
        if !same {
            failures.push(format!("{name}: got {}", describe(&got)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} files differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn describe(e: &Expect) -> String {
    match e {
        Refused(m) => format!("Refused({m:?})"),
        AgreementRefused(m) | AgreementRefusedStarting(m) => format!("AgreementRefused({m:?})"),
        Agreement(p) => format!("Agreement({p:?})"),
        Rows {
            read,
            accepted,
            excluded,
            rejected,
        } => {
            format!("Rows {{ read: {read}, accepted: {accepted}, excluded: {excluded}, rejected: {rejected:?} }}")
        }
    }
}

#[test]
fn the_corpus_folder_the_table_and_the_readme_agree() {
    let readme = std::fs::read_to_string(corpus_dir().join("README.md")).expect("the corpus has a README");
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "README.md")
        .collect();
    files.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "every corpus file has an expectation and every expectation a file"
    );
    assert!(files.len() >= 40, "at least 40 malformed files, found {}", files.len());
    for f in &files {
        assert!(readme.contains(&format!("`{f}`")), "README.md does not describe {f}");
    }
}

#[test]
fn a_line_with_a_million_columns() {
    // A row of 1,000,000 values under a three-column header: read (extra values are ignored),
    // and the rows around it too.
    let n = 1_000_000;
    let mut csv =
        String::from("id,start,end\nINC-1,2026-03-02 10:00,2026-03-02 10:45\nINC-2,2026-03-05 08:00,2026-03-05 09:00");
    csv.push_str(&",x".repeat(n - 3));
    csv.push_str("\nINC-3,2026-03-06 08:00,2026-03-06 09:00\n");
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_accounted("million columns", &out);
    assert_eq!((out.counts.read, out.counts.accepted), (3, 3));
    assert_eq!(out.accepted_rows, vec![2, 3, 4]);
    // The same line with nothing to split it on: one value where the header has three columns.
    let csv = format!(
        "id,start,end\nINC-1,2026-03-02 10:00,2026-03-02 10:45\n{}\n",
        "x".repeat(n)
    );
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_accounted("million-character line", &out);
    assert_eq!(
        out.rejected[0].to_string(),
        "row 3: this row has 1 value but the header has 3 columns separated by \",\"; is it separated differently?"
    );
    // A header of 100,000 columns: the column names are made unique in linear time (it was
    // quadratic: a million columns never finished).
    let wide = 100_000;
    let mut csv = String::from("id,start");
    csv.push_str(&",same".repeat(wide - 2));
    csv.push_str("\nINC-1,2026-03-02 10:00\n");
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_eq!(out.detection.columns.len(), wide);
    assert_eq!(out.detection.columns[wide - 1], format!("same ({})", wide - 2));
    assert_eq!(out.counts.accepted, 1);
}

#[test]
fn a_ten_megabyte_single_field() {
    let title = "x".repeat(10 * 1024 * 1024);
    let csv = format!(
        "id,start,end,title\nINC-1,2026-03-02 10:00,2026-03-02 10:45,\"{title}\"\nINC-2,2026-03-05 08:00,,ok\n"
    );
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_accounted("10 MB field", &out);
    assert_eq!(out.counts.accepted, 2);
    assert_eq!(out.incidents[0].title.len(), title.len());
    // The same 10 MB as a timestamp: rejected with the row and column, not a crash.
    let csv = format!("id,start\nINC-1,{title}\n");
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_accounted("10 MB timestamp", &out);
    assert_eq!(out.counts.rejected, 1);
    assert!(out.rejected[0]
        .to_string()
        .starts_with("row 2, column \"start\": \"xxxx"));
    // And as an unterminated quoted field at the end of a file.
    let csv = format!("id,start,title\nINC-1,2026-03-02 10:00,\"{title}\n");
    let out = import(csv.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_eq!(
        out.rejected[0].to_string(),
        "row 2, column \"title\": a double quote opened in this row is never closed, so the rest of the file (1 line) reads as one value; close the quote or remove it"
    );
}

#[test]
fn deeper_json_than_any_parser_stack() {
    let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    assert_eq!(
        import(deep.as_bytes(), &ImportOptions::default())
            .unwrap_err()
            .to_string(),
        "line 1, column 129: the file is not valid JSON: recursion limit exceeded"
    );
    let deep = format!(
        "{{\"service\": \"x\", \"period\": {}{}}}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    assert!(matches!(
        read_agreement_file(deep.as_bytes()),
        Err(AgreementFileError::Syntax { line: 1, .. })
    ));
}

#[test]
fn sizes_over_the_limits_are_refused_with_both_sizes() {
    assert_eq!(MAX_INPUT_BYTES, 200_000_000);
    assert_eq!(check_input_size(MAX_INPUT_BYTES), Ok(()));
    let err = check_input_size(MAX_INPUT_BYTES + 1).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooLarge {
            bytes: MAX_INPUT_BYTES + 1,
            limit: MAX_INPUT_BYTES
        }
    );
    assert_eq!(
        err.to_string(),
        "the file is 200 MB (200000001 bytes); files up to 200 MB can be imported. Export a shorter time span or fewer columns, or split the file"
    );
    assert_eq!(
        check_input_size(1_234_567_890).unwrap_err().to_string(),
        "the file is 1234.6 MB (1234567890 bytes); files up to 200 MB can be imported. Export a shorter time span or fewer columns, or split the file"
    );
    let big = vec![b' '; MAX_AGREEMENT_BYTES as usize + 1];
    assert_eq!(
        read_agreement_file(&big).unwrap_err().to_string(),
        "the agreement file is 1000001 bytes; agreement files up to 1000000 bytes (1 MB) are read"
    );
}
