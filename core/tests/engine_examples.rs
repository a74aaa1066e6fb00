//! Worked examples of the report engine, each number checked by hand (arithmetic in comments).

#![allow(clippy::field_reassign_with_default)]

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use sla_core::credits::CreditPreset;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::{
    Agreement, Clock, ClockTarget, Hours, Impact, Incident, MaintenanceWindow, PeriodSpec, Schedule, Span, TimeOfDay,
    WeeklyWindow,
};
use sla_core::report::{BreachKind, Report};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn tod(h: u32, m: u32) -> TimeOfDay {
    TimeOfDay::hm(h, m).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn outage(id: &str, start: &str, end: &str, impact: Impact) -> Incident {
    let mut i = Incident::new(id, t(start));
    i.restored = Some(t(end));
    i.resolved = Some(t(end));
    i.impact = impact;
    i
}

fn every_day(start: TimeOfDay, end: TimeOfDay) -> Schedule {
    use Weekday::*;
    Schedule { hours: Hours::Weekly(vec![WeeklyWindow { days: vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun], start, end }]), holidays: vec![] }
}

fn report(a: &Agreement, incidents: &[Incident], from: &str, to: &str, as_of: &str) -> Report {
    build_report(a, incidents, &ReportRequest { as_of: t(as_of), from: Some(t(from)), to: Some(t(to)) }).unwrap()
}

#[test]
fn berlin_business_hours_on_the_spring_forward_day() {
    // Sunday 2026-03-29, Europe/Berlin: 02:00 CET → 03:00 CEST. Hours 08:00–18:00 every day.
    let mut a = Agreement::default();
    a.time_zone = "Europe/Berlin".into();
    a.availability_hours = every_day(tod(8, 0), tod(18, 0));
    a.period = PeriodSpec::Custom { first_day: day(2026, 3, 29), last_day: day(2026, 3, 29) };
    // 07:30–09:00 CEST = 05:30–07:00 UTC: only 08:00–09:00 local is inside the hours → 3,600 s.
    let inc = outage("DST1", "2026-03-29T05:30:00Z", "2026-03-29T07:00:00Z", Impact::FullOutage);
    let r = build_report(&a, &[inc], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
    let p = &r.periods[0];
    // The local day is 23 h long: 2026-03-28 23:00 UTC → 2026-03-29 22:00 UTC.
    assert_eq!((p.start, p.end), (t("2026-03-28T23:00:00Z"), t("2026-03-29T22:00:00Z")));
    let av = &p.figures.availability;
    // 08:00–18:00 is still 10 h = 36,000 s.
    assert_eq!(av.service_seconds, 36_000);
    assert_eq!(av.downtime_seconds, 3_600);
    // (36,000 − 3,600) / 36,000 = 90 %.
    assert_eq!(av.availability_percent, 90.0);

    // Around the clock the same day has 23 h = 82,800 s of service time; a window 01:00–04:00
    // that contains the skipped hour is 2 h.
    a.availability_hours = Schedule::always();
    let r = build_report(&a, &[], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
    assert_eq!(r.periods[0].figures.availability.service_seconds, 82_800);
    a.availability_hours = every_day(tod(1, 0), tod(4, 0));
    let r = build_report(&a, &[], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
    assert_eq!(r.periods[0].figures.availability.service_seconds, 7_200);
}

#[test]
fn berlin_fall_back_month_and_new_york_spring_forward() {
    // October 2026 in Berlin has the 25-hour day 2026-10-25: 31 × 24 + 1 = 745 h = 2,682,000 s.
    let mut a = Agreement::default();
    a.time_zone = "Europe/Berlin".into();
    // 00:30 CEST on the 25th (22:30 UTC on the 24th) to 03:30 CET (02:30 UTC): 4 h of real time
    // although the wall clock moved only 3 h.
    let inc = outage("FB1", "2026-10-24T22:30:00Z", "2026-10-25T02:30:00Z", Impact::FullOutage);
    let r = report(&a, &[inc], "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z", "2026-12-01T00:00:00Z");
    let av = &r.periods[0].figures.availability;
    assert_eq!(r.periods[0].label, "2026-10");
    assert_eq!(av.service_seconds, 2_682_000);
    assert_eq!(av.downtime_seconds, 14_400);
    // Allowed at 99.9 %: 0.001 × 2,682,000 = 2,682 s; left 2,682 − 14,400 = −11,718 s.
    assert_eq!(av.allowed_downtime_seconds, 2_682);
    assert_eq!(av.budget_left_seconds, -11_718);
    assert!(!av.met);
    // Business hours 08:00–18:00 every day on the fall-back day: still 10 h; 01:00–04:00 covers
    // the repeated hour: 4 h.
    a.period = PeriodSpec::Custom { first_day: day(2026, 10, 25), last_day: day(2026, 10, 25) };
    a.availability_hours = every_day(tod(8, 0), tod(18, 0));
    let r = build_report(&a, &[], &ReportRequest::as_of(t("2026-11-01T00:00:00Z"))).unwrap();
    assert_eq!(r.periods[0].figures.availability.service_seconds, 36_000);
    a.availability_hours = every_day(tod(1, 0), tod(4, 0));
    let r = build_report(&a, &[], &ReportRequest::as_of(t("2026-11-01T00:00:00Z"))).unwrap();
    assert_eq!(r.periods[0].figures.availability.service_seconds, 14_400);

    // New York, Sunday 2026-03-08: 02:00 EST → 03:00 EDT. Mon–Fri 09:00–17:00 in the week
    // around it: Mon 2 → Fri 6 and Mon 9 → 5 + 1 days × 8 h = 48 h whatever the offset.
    let mut ny = Agreement::default();
    ny.time_zone = "America/New_York".into();
    ny.availability_hours = Schedule::weekdays(tod(9, 0), tod(17, 0));
    ny.period = PeriodSpec::Custom { first_day: day(2026, 3, 2), last_day: day(2026, 3, 9) };
    // An outage Monday 9th 08:00–10:00 EDT (12:00–14:00 UTC): 09:00–10:00 counts → 3,600 s.
    let inc = outage("NY1", "2026-03-09T12:00:00Z", "2026-03-09T14:00:00Z", Impact::FullOutage);
    let r = build_report(&ny, &[inc], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
    let av = &r.periods[0].figures.availability;
    assert_eq!(av.service_seconds, 48 * 3600);
    assert_eq!(av.downtime_seconds, 3600);
}

#[test]
fn leap_february_2028() {
    // 29 days × 86,400 = 2,505,600 s. 99.9 % allows 2,505.6 s (shown rounded: 2,506).
    let a = Agreement::default();
    let run = |down: i64| {
        let mut i = Incident::new("LEAP", t("2028-02-29T12:00:00Z"));
        i.restored = Some(t("2028-02-29T12:00:00Z") + chrono::TimeDelta::seconds(down));
        report(&a, &[i], "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z", "2028-03-02T00:00:00Z")
    };
    let r = run(2_505);
    let av = &r.periods[0].figures.availability;
    assert_eq!(av.service_seconds, 2_505_600);
    assert_eq!(av.allowed_downtime_seconds, 2_506);
    // (2,505,600 − 2,505) / 2,505,600 = 99.900024 % ≥ 99.9 → met; budget left 0.6 s → 1.
    assert!(av.met);
    assert_eq!(av.budget_left_seconds, 1);
    assert!((av.availability_percent - 99.900_024).abs() < 1e-6);
    // 2,506 s: 99.899984 % < 99.9 → missed, budget −0.4 s (rounds to 0), 10 % credit.
    let r = run(2_506);
    let p = &r.periods[0];
    assert!(!p.figures.availability.met);
    assert!(p.figures.availability.budget_left_percent.unwrap() < 0.0);
    assert_eq!(p.credit.amount, 1_000.0);
}

#[test]
fn incident_across_a_month_boundary_is_split() {
    let a = Agreement::default();
    let mut i = outage("SPLIT", "2026-03-31T23:00:00Z", "2026-04-01T01:00:00Z", Impact::FullOutage);
    i.acknowledged = Some(t("2026-03-31T23:05:00Z"));
    i.priority = Some("P1".into());
    let r = report(&a, &[i], "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
    let (mar, apr) = (&r.periods[0].figures, &r.periods[1].figures);
    // 1 h on each side of midnight.
    assert_eq!((mar.availability.downtime_seconds, apr.availability.downtime_seconds), (3_600, 3_600));
    // March: 31 d = 2,678,400 s; (2,678,400 − 3,600) / 2,678,400 = 99.865591 %.
    assert!((mar.availability.availability_percent - 99.865_591).abs() < 1e-6);
    // The KPIs stay with March, where it started: restore 2 h, acknowledge 5 min.
    assert_eq!(mar.incidents.started, 1);
    assert_eq!(apr.incidents.started, 0);
    assert_eq!(mar.kpis.time_to_restore.unwrap().mean_seconds, 7_200);
    assert_eq!(mar.kpis.time_to_acknowledge.unwrap().median_seconds, 300);
    assert!(apr.kpis.time_to_restore.is_none());
    // MTBF = service / failures = 2,678,400 / 1.
    assert_eq!(mar.kpis.mtbf_seconds, Some(2_678_400));
    // Totals: 5,356,800 − 7,200 over 61 days.
    assert_eq!(r.total.figures.availability.downtime_seconds, 7_200);
    assert_eq!(r.total.figures.availability.service_seconds, 2_678_400 + 2_592_000);
}

#[test]
fn overlapping_incidents_of_different_impact() {
    // Weights: full 100 %, partial 30 %, degraded 10 %.
    let mut a = Agreement::default();
    a.impact.degraded_percent = 10.0;
    let incs = [
        outage("FULL", "2026-04-10T10:00:00Z", "2026-04-10T11:00:00Z", Impact::FullOutage),
        outage("PART", "2026-04-10T10:30:00Z", "2026-04-10T12:00:00Z", Impact::PartialOutage),
        outage("DEGR", "2026-04-10T11:30:00Z", "2026-04-10T13:00:00Z", Impact::Degraded),
        // A second full outage inside the first: counted once.
        outage("DUP", "2026-04-10T10:10:00Z", "2026-04-10T10:20:00Z", Impact::FullOutage),
    ];
    let r = report(&a, &incs, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
    let av = &r.periods[0].figures.availability;
    // full 10:00–11:00 = 3,600; partial 11:00–12:00 = 3,600; degraded 12:00–13:00 = 3,600.
    assert_eq!((av.full_outage_seconds, av.partial_outage_seconds, av.degraded_seconds), (3_600, 3_600, 3_600));
    assert_eq!(av.downtime_seconds, 10_800);
    // weighted = 3,600 + 0.3 × 3,600 + 0.1 × 3,600 = 5,040 s.
    assert_eq!(av.weighted_downtime_seconds, 5_040);
    // (2,592,000 − 5,040) / 2,592,000 = 99.805556 %.
    assert!((av.availability_percent - 99.805_555_6).abs() < 1e-6);
    assert_eq!(r.periods[0].figures.incidents.failures, 4);
}

#[test]
fn maintenance_overlapping_an_incident() {
    let mut a = Agreement::default();
    a.maintenance.push(MaintenanceWindow::OneOff {
        title: "db upgrade".into(),
        start: day(2026, 4, 8).and_hms_opt(2, 0, 0).unwrap(),
        end: day(2026, 4, 8).and_hms_opt(4, 0, 0).unwrap(),
    });
    a.maintenance.push(MaintenanceWindow::Weekly {
        title: "patching".into(),
        days: vec![Weekday::Sun],
        start: tod(2, 0),
        end: tod(4, 0),
    });
    // Incident 03:00–05:00 on the maintenance day: only 04:00–05:00 is downtime.
    let inc = outage("M1", "2026-04-08T03:00:00Z", "2026-04-08T05:00:00Z", Impact::FullOutage);
    // A planned incident on 20 April 10:00–11:00 is excluded too.
    let mut planned = outage("PLAN", "2026-04-20T10:00:00Z", "2026-04-20T11:00:00Z", Impact::FullOutage);
    planned.planned = true;
    let r = report(&a, &[inc, planned], "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
    let av = &r.periods[0].figures.availability;
    // Excluded: one-off 2 h + Sundays 5, 12, 19, 26 April × 2 h + planned 1 h = 11 h = 39,600 s.
    assert_eq!(av.excluded_seconds, 39_600);
    assert_eq!(av.service_seconds, 2_592_000 - 39_600);
    assert_eq!(av.downtime_seconds, 3_600);
    assert_eq!(r.rows.planned_or_excluded, 1);
    assert_eq!(r.periods[0].figures.incidents.started, 1);
}

#[test]
fn holiday_inside_a_resolution_clock() {
    // Support Mon–Fri 09:00–17:00 Berlin; Good Friday 3 April and Easter Monday 6 April 2026
    // are holidays. P3 must be resolved within 16 support hours.
    let mut a = Agreement::default();
    a.time_zone = "Europe/Berlin".into();
    a.support_hours = Schedule::weekdays(tod(9, 0), tod(17, 0));
    a.support_hours.holidays = vec![day(2026, 4, 3), day(2026, 4, 6)];
    a.priorities[2].respond = None;
    a.priorities[2].resolve = Some(ClockTarget { within: Span::from_hours(16), clock: Clock::ServiceHours, penalty: 250.0 });
    // Opened Thursday 2 April 15:00 CEST (13:00 UTC).
    let mut met = Incident::new("H-MET", t("2026-04-02T13:00:00Z"));
    met.priority = Some("P3".into());
    met.impact = Impact::None;
    // Resolved Wednesday 8 April 12:00 CEST: Thu 2 h + Tue 8 h + Wed 3 h = 13 h ≤ 16 h.
    met.resolved = Some(t("2026-04-08T10:00:00Z"));
    let mut late = met.clone();
    late.id = "H-LATE".into();
    // Resolved Thursday 9 April 10:00 CEST: 2 + 8 + 8 + 1 = 19 h → 3 h over.
    late.resolved = Some(t("2026-04-09T08:00:00Z"));
    let r = report(&a, &[met, late], "2026-03-31T22:00:00Z", "2026-04-30T22:00:00Z", "2026-05-01T00:00:00Z");
    let c = r.periods[0].figures.compliance.priorities[2].resolve.clone().unwrap();
    assert_eq!((c.met, c.breached, c.pending), (1, 1, 0));
    assert_eq!(c.percent_met, Some(50.0));
    assert_eq!(r.breaches.len(), 1);
    let b = &r.breaches[0];
    assert_eq!((b.incident_id.as_str(), b.kind), ("H-LATE", BreachKind::Resolve));
    assert_eq!((b.actual_seconds, b.overrun_seconds), (19 * 3600, 3 * 3600));
    // Due after 16 h: Thu 2 + Tue 8 = 10 h, 6 more on Wednesday → 15:00 CEST = 13:00 UTC.
    assert_eq!(b.due, Some(t("2026-04-08T13:00:00Z")));
    // Penalty 250 on top of no tier credit (no downtime).
    assert_eq!(r.periods[0].credit.amount, 250.0);
    assert_eq!(r.total.credit_amount, 250.0);
}

#[test]
fn public_credit_tables_at_their_edges() {
    // April: 2,592,000 s. Downtime for exactly 99.5 %: 12,960 s; 99.0 %: 25,920 s; 95.0 %:
    // 129,600 s; 99.9 %: 2,592 s. 99.99 % would be 259.2 s and 99.999 % 25.92 s, so those are
    // tested at the neighbouring whole seconds.
    let cases: [(CreditPreset, &[(i64, f64)]); 5] = [
        (CreditPreset::AwsEc2Instance, &[(12_960, 0.0), (12_961, 10.0), (25_920, 10.0), (25_921, 30.0), (129_600, 30.0), (129_601, 100.0)]),
        (CreditPreset::AwsEc2Region, &[(259, 0.0), (260, 10.0), (25_920, 10.0), (25_921, 30.0), (129_600, 30.0), (129_601, 100.0)]),
        (CreditPreset::AmazonS3Standard, &[(2_592, 0.0), (2_593, 10.0), (25_920, 10.0), (25_921, 25.0), (129_600, 25.0), (129_601, 100.0)]),
        (CreditPreset::AzureVmMultiZone, &[(259, 0.0), (260, 10.0), (25_920, 10.0), (25_921, 25.0), (129_600, 25.0), (129_601, 100.0)]),
        (CreditPreset::GoogleBigtableMultiRegion, &[(25, 0.0), (26, 10.0), (25_920, 10.0), (25_921, 25.0), (129_600, 25.0), (129_601, 50.0)]),
    ];
    for (preset, edges) in cases {
        let mut a = Agreement::default();
        let (target, tiers) = preset.table();
        a.availability_target_percent = target;
        a.credits.tiers = tiers;
        for &(down, credit) in edges {
            let mut i = Incident::new("EDGE", t("2026-04-10T00:00:00Z"));
            i.restored = Some(t("2026-04-10T00:00:00Z") + chrono::TimeDelta::seconds(down));
            let r = report(&a, &[i], "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z");
            let c = &r.periods[0].credit;
            let got = c.tier.map(|t| t.credit_percent).unwrap_or(0.0);
            assert_eq!(got, credit, "{} with {down} s down ({} %)", preset.name(), c.availability_percent);
            // fee 10,000 × credit %.
            assert_eq!(c.amount, 10_000.0 * credit / 100.0);
        }
    }
}

#[test]
fn csv_and_text_renderings() {
    let mut a = Agreement::default();
    a.credits.currency = "=EUR".into();
    let inc = outage("C1", "2026-04-10T10:00:00Z", "2026-04-10T20:00:00Z", Impact::FullOutage);
    let r = report(&a, &[inc], "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
    let csv = r.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("period,start,end,"));
    assert!(lines[2].starts_with("2026-04,"));
    // Text cells beginning with = are guarded; a negative budget stays a number.
    assert!(lines[2].ends_with(",'=EUR"), "{}", lines[2]);
    assert!(lines[2].contains(",-33408,"), "{}", lines[2]); // 2,592 − 36,000
    let text = r.to_text();
    assert!(text.contains("2026-04") && text.contains("MISSED") && text.contains("Total"), "{text}");
}
