//! Exports are safe to open: the JSON report (the document `sla report --format json` and the
//! web app's export write) never holds a non-finite number, which JSON cannot carry and
//! `serde_json` would silently write as `null`, even for degenerate inputs; CSV text cells that
//! a spreadsheet would run as a formula are escaped.

#![allow(clippy::field_reassign_with_default)]

use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use sla_core::engine::{build_report, incident_breakdown, ReportRequest};
use sla_core::fuzzing::non_finite_field;
use sla_core::model::{Agreement, Hours, Impact, Incident, PeriodSpec, Schedule, TimeOfDay, WeeklyWindow};
use sla_core::report::{csv_text, Report, CSV_HEADER};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("test instant").to_utc()
}

fn march() -> ReportRequest {
    ReportRequest {
        as_of: at("2026-04-01T00:00:00Z"),
        from: Some(at("2026-03-01T00:00:00Z")),
        to: Some(at("2026-04-01T00:00:00Z")),
    }
}

fn outage(id: &str, start: &str, hours: i64) -> Incident {
    let mut i = Incident::new(id, at(start));
    i.restored = Some(at(start) + TimeDelta::hours(hours));
    i.resolved = i.restored;
    i.acknowledged = Some(at(start));
    i.priority = Some("P1".into());
    i
}

/// The report's JSON as exported, checked for non-finite numbers (through `Debug`, where they
/// still show) and for the words JSON has no numbers for.
fn assert_json_safe(case: &str, report: &Report) {
    if let Some(field) = non_finite_field(&format!("{report:?}")) {
        panic!("{case}: a non-finite number would be exported as null: {field}");
    }
    let json = serde_json::to_string_pretty(report).expect("a report serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("the export is valid JSON");
    assert!(back.is_object(), "{case}");
    for word in ["NaN", "Infinity", "inf"] {
        let bare = json.split(|c: char| !c.is_alphanumeric()).any(|w| w == word);
        assert!(!bare, "{case}: the JSON has {word}");
    }
    // Every CSV line has as many cells as the header.
    let csv = report.to_csv();
    let width = CSV_HEADER.split(',').count();
    for line in csv.lines().skip(1) {
        assert_eq!(line.split(',').count(), width, "{case}: {line}");
        assert!(!line.contains("NaN") && !line.contains("inf"), "{case}: {line}");
    }
}

#[test]
fn degenerate_inputs_export_finite_numbers_only() {
    // Zero incidents.
    let a = Agreement::default();
    let r = build_report(&a, &[], &march()).expect("report");
    assert_json_safe("zero incidents", &r);

    // 100 % downtime: one outage over the whole month, and a second one on top.
    let whole = outage("ALL", "2026-02-28T00:00:00Z", 24 * 40);
    let again = outage("AGAIN", "2026-03-10T00:00:00Z", 48);
    let r = build_report(&a, &[whole.clone(), again], &march()).expect("report");
    assert_eq!(r.periods[0].figures.availability.availability_percent, 0.0);
    assert_json_safe("100 % downtime", &r);

    // Zero service time: hours only on Sundays, a period of one Monday.
    let mut none = Agreement::default();
    let sunday = TimeOfDay::hm(9, 0).zip(TimeOfDay::hm(17, 0)).expect("times");
    none.availability_hours = Schedule {
        hours: Hours::Weekly(vec![WeeklyWindow {
            days: vec![Weekday::Sun],
            start: sunday.0,
            end: sunday.1,
        }]),
        holidays: vec![],
    };
    none.support_hours = none.availability_hours.clone();
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).expect("date");
    none.period = PeriodSpec::Custom {
        first_day: monday,
        last_day: monday,
    };
    let r = build_report(
        &none,
        &[outage("MON", "2026-03-02T10:00:00Z", 2)],
        &ReportRequest::as_of(at("2026-03-03T00:00:00Z")),
    )
    .expect("report");
    assert_eq!(r.periods[0].figures.availability.service_seconds, 0);
    assert!(r.periods[0].figures.availability.no_service_time);
    assert_json_safe("zero service time", &r);

    // Fee 0, cap 0, minimum 0, with a missed target.
    let mut free = Agreement::default();
    free.credits.fee_per_period = 0.0;
    free.credits.cap_percent = 0.0;
    let r = build_report(&free, std::slice::from_ref(&whole), &march()).expect("report");
    assert_eq!(r.periods[0].credit.amount, 0.0);
    assert_json_safe("fee 0", &r);

    // A 100 % target (no budget at all), and a tiny one.
    for target in [100.0, 0.0001] {
        let mut strict = Agreement::default();
        strict.availability_target_percent = target;
        let r = build_report(&strict, &[outage("ONE", "2026-03-05T10:00:00Z", 1)], &march()).expect("report");
        assert_json_safe(&format!("target {target}"), &r);
        let r = build_report(&strict, &[], &march()).expect("report");
        assert_json_safe(&format!("target {target}, no incidents"), &r);
    }

    // Zero-length incidents and partial/degraded weights of 0 and 100 %.
    let mut weights = Agreement::default();
    weights.impact.partial_outage_percent = 0.0;
    weights.impact.degraded_percent = 100.0;
    let mut blip = outage("BLIP", "2026-03-05T10:00:00Z", 0);
    blip.impact = Impact::PartialOutage;
    let r = build_report(&weights, &[blip], &march()).expect("report");
    assert_json_safe("zero-length incident", &r);

    // The per-incident breakdown, exported with the report, is finite too.
    let lines = incident_breakdown(
        &none,
        &[outage("MON", "2026-03-02T10:00:00Z", 2)],
        &ReportRequest::as_of(at("2026-03-03T00:00:00Z")),
    )
    .expect("breakdown");
    assert!(non_finite_field(&format!("{lines:?}")).is_none(), "{lines:?}");
}

#[test]
fn csv_cells_that_start_a_formula_are_escaped() {
    for (cell, escaped) in [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        (
            "=HYPERLINK(\"http://evil\",\"x\")",
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
        ),
        ("a,b", "\"a,b\""),
        ("EUR", "EUR"),
    ] {
        assert_eq!(csv_text(cell), escaped, "{cell:?}");
    }
    // The text a user controls in the report CSV (the currency label) comes out escaped.
    let mut a = Agreement::default();
    a.credits.currency = "=cmd|' /C calc'!A0".into();
    let r = build_report(&a, &[outage("X", "2026-03-05T10:00:00Z", 30)], &march()).expect("report");
    let csv = r.to_csv();
    let row = csv.lines().nth(1).expect("one period");
    assert!(row.ends_with(",'=cmd|' /C calc'!A0"), "{row}");
    for line in csv.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "unescaped cell {cell:?} in {line}"
            );
        }
    }
}
