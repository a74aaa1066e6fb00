//! Malformed inputs of every kind: each gives a located message a user can act on, and the
//! rows around the bad one still import.

use sla_core::import::{import, DateOrder, Encoding, ImportError, ImportOptions, ImportWarning};

fn rejected(bytes: &[u8]) -> Vec<String> {
    let out = import(bytes, &ImportOptions::default()).unwrap();
    assert_eq!(
        out.counts.read,
        out.counts.accepted + out.counts.excluded + out.counts.rejected
    );
    out.rejected.iter().map(|r| r.to_string()).collect()
}

fn error(bytes: &[u8]) -> String {
    import(bytes, &ImportOptions::default()).unwrap_err().to_string()
}

#[test]
fn unreadable_and_impossible_timestamps() {
    assert_eq!(
        rejected(include_bytes!("fixtures/import/bad_timestamp.csv")),
        vec![
            r#"row 3, column "start": "yesterday" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM"#,
            r#"row 4, column "start": "2026-02-30 10:00" is not a real date and time"#,
        ]
    );
}

#[test]
fn end_before_start() {
    assert_eq!(
        rejected(include_bytes!("fixtures/import/end_before_start.csv")),
        vec![r#"row 2, column "Resolved": 2026-03-01 09:00 is before Created 2026-03-02 10:00"#]
    );
}

#[test]
fn missing_start() {
    assert_eq!(
        rejected(include_bytes!("fixtures/import/missing_start.csv")),
        vec![r#"row 2, column "start": the start time is empty"#]
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let out = import(
        include_bytes!("fixtures/import/duplicate_ids.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        out.incidents.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        vec!["D-1", "D-2"]
    );
    assert_eq!(
        out.rejected[0].to_string(),
        r#"row 4, column "id": D-1 already appeared in row 2; the first is kept"#
    );
    assert_eq!(
        out.rejected_file(),
        "id,start,end\nD-1,2026-03-04 10:00,2026-03-04 11:00\n"
    );
}

#[test]
fn ambiguous_dates_ask_for_the_order() {
    let bytes = include_bytes!("fixtures/import/ambiguous_dates.csv");
    let err = import(bytes, &ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ImportError::AmbiguousDateOrder { .. }));
    assert_eq!(
        err.to_string(),
        r#"column "start" has dates like 03/04/2026 10:00 that read as 3 April 2026 day-first or March 4, 2026 month-first, and no date in the file settles it; choose the date order"#
    );
    // The answer goes back in as an option.
    let opts = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..ImportOptions::default()
    };
    let out = import(bytes, &opts).unwrap();
    assert_eq!(out.counts.accepted, 2);
    assert_eq!(out.incidents[0].start.to_rfc3339(), "2026-03-04T10:00:00+00:00");
}

#[test]
fn unknown_impact() {
    assert_eq!(
        rejected(include_bytes!("fixtures/import/unknown_impact.csv")),
        vec![
            r#"row 2, column "impact": "catastrophic" is not a known impact; map it to full outage, partial outage, degraded or none"#
        ]
    );
}

#[test]
fn bad_durations() {
    assert_eq!(
        rejected(include_bytes!("fixtures/import/bad_duration.csv")),
        vec![
            r#"row 2, column "duration": "soon" is not a duration; write it like 1h 30m, 01:30:00 or 5400 (seconds)"#,
            r#"row 3, column "duration": the duration "-5m" is negative; durations must be zero or more"#,
        ]
    );
}

#[test]
fn whole_file_errors() {
    assert_eq!(
        error(include_bytes!("fixtures/import/no_start_column.csv")),
        r#"no column holds the start time; choose one of: "ticket", "summary", "owner""#
    );
    let e = error(include_bytes!("fixtures/import/invalid.json"));
    assert!(
        e.starts_with("line 1, column ") && e.contains("the file is not valid JSON"),
        "{e}"
    );
    assert_eq!(
        error(include_bytes!("fixtures/import/not_incidents.json")),
        r#"the JSON holds no list of incidents; expected an array of objects or an object with one such array (like Statuspage's {"incidents": [...]})"#
    );
    assert_eq!(
        error(include_bytes!("fixtures/import/empty_list.json")),
        "the JSON list is empty: there are no incidents to import"
    );
    assert_eq!(error(include_bytes!("fixtures/import/empty.csv")), "the file is empty");
    assert_eq!(error(b""), "the file is empty");
    let m = sla_core::import::ColumnMapping {
        start: Some("Opened".into()),
        ..Default::default()
    };
    let opts = ImportOptions {
        mapping: Some(m),
        ..ImportOptions::default()
    };
    assert_eq!(
        import(b"id,start\n1,2026-03-02 10:00\n", &opts)
            .unwrap_err()
            .to_string(),
        r#"the mapping takes the start time from column "Opened", but the file has no such column; its columns are: "id", "start""#
    );
}

#[test]
fn header_only_is_an_empty_import() {
    let out = import(
        include_bytes!("fixtures/import/header_only.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.counts, Default::default());
    assert!(out.rejected_file().is_empty());
}

#[test]
fn short_and_long_rows_are_read() {
    // A row with fewer fields than the header reads the missing ones as blank; extra trailing
    // fields are ignored.
    let out = import(
        b"id,start,end\nR-1,2026-03-02 10:00\nR-2,2026-03-02 11:00,2026-03-02 12:00,extra,\n",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.counts.accepted, 2);
    assert_eq!(out.incidents[0].restored, None);
}

#[test]
fn legacy_encodings_are_detected() {
    let title = |bytes: &[u8]| {
        let out = import(bytes, &ImportOptions::default()).unwrap();
        (
            out.detection.encoding,
            out.detection.encoding_guessed,
            out.incidents[0].title.clone(),
        )
    };
    assert_eq!(
        title(include_bytes!("fixtures/import/windows1252.csv")),
        (
            Encoding::Windows1252,
            true,
            "Störung im Rechenzentrum Köln – Datenbank".to_string()
        )
    );
    assert_eq!(
        title(include_bytes!("fixtures/import/utf16le_bom.csv")),
        (
            Encoding::Utf16Le,
            false,
            "Störung im Rechenzentrum Köln – Datenbank".to_string()
        )
    );
    assert_eq!(
        title(include_bytes!("fixtures/import/utf16be_bom.csv")),
        (
            Encoding::Utf16Be,
            false,
            "Störung im Rechenzentrum Köln – Datenbank".to_string()
        )
    );
    assert_eq!(
        title(include_bytes!("fixtures/import/big5.csv")),
        (Encoding::Big5, true, "資料庫連線逾時，使用者無法登入".to_string())
    );
    assert_eq!(
        title(include_bytes!("fixtures/import/gb18030.csv")),
        (Encoding::Gb18030, true, "数据库连接超时，用户无法登录".to_string())
    );
    let out = import(
        include_bytes!("fixtures/import/windows1252.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        out.warnings,
        vec![ImportWarning::EncodingGuessed(Encoding::Windows1252)]
    );
    assert_eq!(
        out.warnings[0].to_string(),
        "the file is not UTF-8; it was read as Windows-1252, the best guess. If names look wrong, choose the encoding"
    );
}

#[test]
fn the_caller_can_choose_the_encoding() {
    let opts = ImportOptions {
        encoding: Some(Encoding::Utf8),
        ..ImportOptions::default()
    };
    let out = import(include_bytes!("fixtures/import/windows1252.csv"), &opts).unwrap();
    assert_eq!(out.detection.encoding, Encoding::Utf8);
    assert!(out.incidents[0].title.contains('\u{FFFD}'));
    assert_eq!(out.warnings, vec![ImportWarning::UndecodableBytes(Encoding::Utf8)]);
}
