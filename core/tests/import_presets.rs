//! Each tool's export, with its real column names, imports through its recognised preset.

use chrono::{DateTime, Utc};
use sla_core::import::{import, DateOrder, Encoding, Exclusion, Format, ImportOptions, ImportWarning, Preset, RowUnit};
use sla_core::model::Impact;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn messages(out: &sla_core::import::ImportOutcome) -> Vec<String> {
    out.rejected.iter().map(|r| r.to_string()).collect()
}

#[test]
fn jira_service_management_csv() {
    let out = import(include_bytes!("fixtures/import/jira.csv"), &ImportOptions::default()).unwrap();
    let d = &out.detection;
    assert_eq!(d.preset, Preset::JiraServiceManagement);
    assert_eq!(d.format, Format::Csv { delimiter: ',' });
    assert_eq!(d.encoding, Encoding::Utf8);
    assert!(d.columns.contains(&"Watchers (2)".to_string()) && d.columns.contains(&"Comment (2)".to_string()));
    assert_eq!(
        (
            out.counts.read,
            out.counts.accepted,
            out.counts.excluded,
            out.counts.rejected
        ),
        (5, 3, 1, 1)
    );
    let first = &out.incidents[0];
    assert_eq!(first.id, "OPS-101");
    assert_eq!(first.title, "Checkout returns 500");
    assert_eq!(first.priority.as_deref(), Some("P1"));
    assert_eq!(first.start, utc("2026-02-25T22:17:00Z"));
    assert_eq!(first.resolved, Some(utc("2026-02-26T00:40:00Z")));
    assert_eq!(out.incidents[1].priority.as_deref(), Some("P3"));
    assert_eq!(out.incidents[2].resolved, None, "still in progress");
    // The quoted comment with a line break is one row: rows continue at 3.
    assert_eq!(out.accepted_rows, vec![2, 3, 5]);
    assert_eq!(out.excluded[0].to_string(), "row 4: excluded (status Canceled)");
    assert_eq!(
        messages(&out),
        vec![r#"row 6, column "Resolved": 03/Mar/26 9:00 AM is before Created 04/Mar/26 10:00 AM"#]
    );
    assert!(out.rejected[0].raw.starts_with("Clock skew on runner,OPS-105,"));
}

#[test]
fn servicenow_incident_export() {
    let out = import(
        include_bytes!("fixtures/import/servicenow.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.preset, Preset::ServiceNow);
    assert_eq!(
        (out.counts.accepted, out.counts.excluded, out.counts.rejected),
        (3, 1, 0)
    );
    let i = &out.incidents;
    assert_eq!(
        (i[0].id.as_str(), i[0].priority.as_deref(), i[0].impact),
        ("INC0010001", Some("P1"), Impact::FullOutage)
    );
    assert_eq!(i[0].resolved, Some(utc("2026-03-02T11:30:00Z")));
    assert_eq!(i[0].service.as_deref(), Some("Payments"));
    assert_eq!(
        (i[1].priority.as_deref(), i[1].impact),
        (Some("P3"), Impact::PartialOutage)
    );
    assert_eq!((i[2].priority.as_deref(), i[2].impact), (Some("P2"), Impact::Degraded));
    assert_eq!(out.excluded[0].rule, Exclusion::Status("8".into()));
    assert_eq!(out.excluded[0].row, 4);
}

#[test]
fn pagerduty_derives_ack_from_seconds() {
    let out = import(
        include_bytes!("fixtures/import/pagerduty.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.preset, Preset::PagerDuty);
    assert_eq!(out.counts.accepted, 3);
    let i = &out.incidents;
    assert_eq!(i[0].acknowledged, Some(utc("2026-03-02T10:02:00Z")));
    assert_eq!(i[0].resolved, Some(utc("2026-03-02T10:45:00Z")));
    assert_eq!(i[0].priority.as_deref(), Some("P1"), "urgency high");
    assert_eq!(i[1].start, utc("2026-03-03T13:00:00Z"));
    assert_eq!(i[1].priority.as_deref(), Some("P3"), "urgency low");
    assert_eq!((i[2].acknowledged, i[2].resolved), (None, None));
}

#[test]
fn pagerduty_without_resolved_at_uses_seconds_to_resolve() {
    let csv = "incident_number,title,urgency,status,service_name,created_at,seconds_to_first_ack,seconds_to_resolve,escalation_count\n\
               7,Disk,high,resolved,DB,2026-03-02T10:00:00Z,60,5400,0\n";
    let out = import(csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(out.detection.preset, Preset::PagerDuty);
    assert_eq!(out.incidents[0].resolved, Some(utc("2026-03-02T11:30:00Z")));
}

#[test]
fn opsgenie_alerts() {
    let out = import(
        include_bytes!("fixtures/import/opsgenie.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.preset, Preset::Opsgenie);
    let i = &out.incidents;
    assert_eq!((i[0].id.as_str(), i[0].priority.as_deref()), ("41", Some("P1")));
    assert_eq!(
        i[0].resolved,
        Some(utc("2026-03-02T10:20:00Z")),
        "closed: updatedAt is the close time"
    );
    assert_eq!(i[1].resolved, None, "open alerts stay open");
}

#[test]
fn statuspage_incidents_json() {
    let out = import(
        include_bytes!("fixtures/import/statuspage.json"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.preset, Preset::Statuspage);
    assert_eq!(out.detection.format, Format::Json);
    assert_eq!(out.detection.unit, RowUnit::Item);
    assert_eq!((out.counts.read, out.counts.accepted, out.counts.excluded), (3, 2, 1));
    let i = &out.incidents;
    assert_eq!(i[0].impact, Impact::PartialOutage);
    assert_eq!(i[0].service.as_deref(), Some("Checkout, API"));
    assert_eq!(i[0].restored, Some(utc("2026-03-02T10:40:00Z")));
    assert_eq!(i[1].impact, Impact::FullOutage);
    assert_eq!(i[1].start, utc("2026-03-06T06:00:00Z"));
    assert_eq!(i[1].restored, None);
    assert_eq!(out.excluded[0].to_string(), "item 3: excluded (impact none)");
}

#[test]
fn generic_semicolons_bom_crlf_blank_lines_trailing_delimiters() {
    let opts = ImportOptions::in_zone("Europe/Berlin".parse().unwrap());
    let out = import(include_bytes!("fixtures/import/generic_semicolon_bom_crlf.csv"), &opts).unwrap();
    let d = &out.detection;
    assert_eq!(d.format, Format::Csv { delimiter: ';' });
    assert_eq!(d.preset, Preset::Generic);
    assert_eq!(d.columns.first().map(String::as_str), Some("Incident"), "BOM stripped");
    assert_eq!(
        d.columns.last().map(String::as_str),
        Some("column 8"),
        "trailing delimiter"
    );
    assert_eq!(d.date_order, Some(DateOrder::DayFirst));
    assert!(matches!(
        &out.warnings[..],
        [ImportWarning::DateOrderFromData {
            order: DateOrder::DayFirst,
            ..
        }]
    ));
    assert_eq!((out.counts.read, out.counts.accepted, out.counts.excluded), (4, 3, 1));
    assert_eq!(
        out.accepted_rows,
        vec![2, 4, 6],
        "blank line keeps its row, embedded newline does not"
    );
    assert_eq!(out.excluded[0].to_string(), "row 5: excluded (empty row)");
    let i = &out.incidents;
    assert_eq!(i[0].start, utc("2026-03-13T09:00:00Z"));
    assert_eq!(i[0].impact, Impact::PartialOutage);
    assert_eq!(i[1].restored, Some(utc("2026-03-14T23:20:00Z")));
    assert_eq!(i[2].start, utc("2026-04-03T07:00:00Z"), "3 April, summer time");
    assert_eq!(i[2].impact, Impact::Degraded);
}

#[test]
fn tab_separated_epochs_serials_and_durations() {
    let out = import(
        include_bytes!("fixtures/import/generic_tab_epoch.tsv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.format, Format::Csv { delimiter: '\t' });
    assert_eq!(out.counts.accepted, 3, "{:?}", out.rejected);
    let i = &out.incidents;
    assert_eq!(
        (i[0].start, i[0].restored),
        (utc("2026-03-02T10:00:00Z"), Some(utc("2026-03-02T11:30:00Z")))
    );
    assert_eq!(
        (i[1].start, i[1].restored),
        (utc("2026-03-02T10:00:00Z"), Some(utc("2026-03-02T11:30:00Z")))
    );
    assert_eq!(
        (i[2].start, i[2].restored),
        (utc("2026-03-01T12:00:00Z"), Some(utc("2026-03-01T13:30:00Z")))
    );
}

#[test]
fn month_first_decided_from_data() {
    let out = import(
        include_bytes!("fixtures/import/generic_pipe_month_first.csv"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.format, Format::Csv { delimiter: '|' });
    assert_eq!(out.detection.date_order, Some(DateOrder::MonthFirst));
    assert_eq!(out.incidents[0].start, utc("2026-03-04T10:00:00Z"));
    assert_eq!(out.incidents[1].resolved, Some(utc("2026-03-25T12:00:00Z")));
}

#[test]
fn ndjson_with_a_bad_line() {
    let out = import(
        include_bytes!("fixtures/import/ndjson_bad_line.ndjson"),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(out.detection.format, Format::Ndjson);
    assert_eq!((out.counts.read, out.counts.accepted, out.counts.rejected), (4, 2, 2));
    assert_eq!(out.accepted_rows, vec![1, 4]);
    let m = messages(&out);
    assert!(m[0].starts_with("line 3: not valid JSON: "), "{}", m[0]);
    assert_eq!(m[1], "line 5: this item is not an object with incident fields");
    assert_eq!(out.rejected[0].raw, r#"{"id":"N-2","start":"2026-03-02T11:00:00Z","#);
}

#[test]
fn preset_and_mapping_can_be_overridden() {
    let csv = "key,when,fixed\nK-1,2026-03-02 10:00,2026-03-02 12:00\n";
    let mut opts = ImportOptions::default();
    let auto = import(csv.as_bytes(), &opts).unwrap();
    let mut mapping = auto.detection.mapping.clone();
    assert_eq!(mapping.start.as_deref(), Some("when"), "generic guess");
    mapping.resolved = None;
    mapping.restored = Some(sla_core::import::TimeSource::At("fixed".into()));
    // The mapping is plain data that survives a save and load.
    let saved = serde_json::to_string(&mapping).unwrap();
    opts.mapping = Some(sla_core::json::from_str(&saved).unwrap());
    opts.preset = Some(Preset::Generic);
    let out = import(csv.as_bytes(), &opts).unwrap();
    assert_eq!(out.incidents[0].restored, Some(utc("2026-03-02T12:00:00Z")));
    assert_eq!(out.incidents[0].resolved, None);
}
