//! Property tests of the report engine: invariants that must hold for any incident list.
//! Case counts are kept modest (the CI machine has 2 cores).

#![allow(clippy::field_reassign_with_default)]

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::{Agreement, Impact, Incident, Schedule, TimeOfDay};
use sla_core::report::Report;

const CASES: u32 = 48;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// Berlin, business hours for availability (so calendars and DST are exercised), default
/// weights (partial 30 %, degraded 0 %) plus degraded at 10 %.
fn agreement() -> Agreement {
    let mut a = Agreement::default();
    a.time_zone = "Europe/Berlin".into();
    a.availability_hours = Schedule::weekdays(TimeOfDay::hm(8, 0).unwrap(), TimeOfDay::hm(18, 0).unwrap());
    a.impact.degraded_percent = 10.0;
    a
}

fn request() -> ReportRequest {
    // March and April 2026 in Berlin (the spring-forward day included), as of mid-April so some
    // incidents are still open.
    ReportRequest { as_of: t("2026-04-20T00:00:00Z"), from: Some(t("2026-02-28T23:00:00Z")), to: Some(t("2026-04-30T22:00:00Z")) }
}

fn impact(k: u8) -> Impact {
    [Impact::None, Impact::Degraded, Impact::PartialOutage, Impact::FullOutage][k as usize % 4]
}

/// (start offset s, duration s or open, impact, priority)
fn incident_strategy() -> impl Strategy<Value = (i64, Option<i64>, u8, u8)> {
    (0i64..62 * 86_400, prop::option::weighted(0.9, 0i64..3 * 86_400), 0u8..4, 0u8..5)
}

fn make(list: &[(i64, Option<i64>, u8, u8)]) -> Vec<Incident> {
    let base = t("2026-02-27T00:00:00Z");
    list.iter()
        .enumerate()
        .map(|(n, &(start, dur, imp, pri))| {
            let s = base + TimeDelta::seconds(start);
            let mut i = Incident::new(format!("I{n}"), s);
            i.impact = impact(imp);
            i.priority = ["P1", "P2", "P3", "p4", "other"].get(pri as usize).map(|p| p.to_string());
            i.acknowledged = Some(s + TimeDelta::seconds(dur.unwrap_or(600) / 3));
            i.restored = dur.map(|d| s + TimeDelta::seconds(d));
            i.resolved = i.restored;
            i
        })
        .collect()
}

fn availability(r: &Report) -> Vec<f64> {
    r.periods.iter().map(|p| p.figures.availability.availability_percent).collect()
}

fn downtime(r: &Report) -> Vec<(i64, i64, i64)> {
    r.periods
        .iter()
        .map(|p| {
            let a = &p.figures.availability;
            (a.full_outage_seconds, a.partial_outage_seconds, a.degraded_seconds)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn availability_stays_within_0_and_100(list in prop::collection::vec(incident_strategy(), 0..40)) {
        let r = build_report(&agreement(), &make(&list), &request()).unwrap();
        for p in r.periods.iter().map(|p| &p.figures.availability).chain([&r.total.figures.availability]) {
            prop_assert!((0.0..=100.0).contains(&p.availability_percent));
            prop_assert!(p.downtime_seconds <= p.service_seconds);
            prop_assert!(p.budget_left_percent.is_none_or(|x| x.is_finite()));
        }
        prop_assert!(serde_json::to_string(&r).is_ok());
    }

    #[test]
    fn incident_order_does_not_matter(list in prop::collection::vec(incident_strategy(), 1..40), rot in 0usize..40) {
        let a = agreement();
        let incs = make(&list);
        let mut shuffled = incs.clone();
        shuffled.reverse();
        let k = rot % shuffled.len();
        shuffled.rotate_left(k);
        let r1 = build_report(&a, &incs, &request()).unwrap();
        let r2 = build_report(&a, &shuffled, &request()).unwrap();
        prop_assert_eq!(&r1.periods, &r2.periods);
        prop_assert_eq!(&r1.total, &r2.total);
        let key = |r: &Report| {
            let mut v: Vec<(String, String)> = r.breaches.iter().map(|b| (b.incident_id.clone(), format!("{:?}", b.kind))).collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(&r1), key(&r2));
    }

    #[test]
    fn splitting_an_incident_keeps_downtime(list in prop::collection::vec(incident_strategy(), 1..20), which in 0usize..20, cut in 0.0f64..1.0) {
        let a = agreement();
        let incs = make(&list);
        let i = which % incs.len();
        let Some(end) = incs[i].restored else { return Ok(()) };
        let start = incs[i].start;
        let mid = start + TimeDelta::seconds(((end - start).num_seconds() as f64 * cut) as i64);
        let mut split = incs.clone();
        let mut second = incs[i].clone();
        split[i].restored = Some(mid);
        split[i].resolved = Some(mid);
        second.start = mid;
        second.acknowledged = Some(mid);
        second.id.push_str("-b");
        split.push(second);
        let r1 = build_report(&a, &incs, &request()).unwrap();
        let r2 = build_report(&a, &split, &request()).unwrap();
        prop_assert_eq!(downtime(&r1), downtime(&r2));
        prop_assert_eq!(availability(&r1), availability(&r2));
    }

    #[test]
    fn adding_an_incident_never_raises_availability(list in prop::collection::vec(incident_strategy(), 0..30), extra in incident_strategy()) {
        let a = agreement();
        let incs = make(&list);
        let mut more = list.clone();
        more.push(extra);
        let r1 = build_report(&a, &incs, &request()).unwrap();
        let r2 = build_report(&a, &make(&more), &request()).unwrap();
        for (x, y) in availability(&r1).into_iter().zip(availability(&r2)) {
            prop_assert!(y <= x, "{} > {}", y, x);
        }
        prop_assert!(r2.total.figures.availability.availability_percent <= r1.total.figures.availability.availability_percent);
    }

    #[test]
    fn credit_never_falls_as_availability_falls(list in prop::collection::vec(incident_strategy(), 0..30), extra in incident_strategy()) {
        // More downtime ⇒ availability no higher ⇒ tier credit no lower (no penalties here).
        let mut a = agreement();
        a.priorities.clear();
        let mut more = list.clone();
        more.push(extra);
        let r1 = build_report(&a, &make(&list), &request()).unwrap();
        let r2 = build_report(&a, &make(&more), &request()).unwrap();
        for (p1, p2) in r1.periods.iter().zip(&r2.periods) {
            prop_assert!(p2.credit.amount >= p1.credit.amount);
        }
    }
}
