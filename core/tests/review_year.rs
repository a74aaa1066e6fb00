//! A year (2025, monthly, UTC) with a revision on 1 July that raises the target, widens the
//! business hours and changes the credit table, checked period by period against figures
//! computed by hand; plus compare, what-if, trends, contributors, satisfaction and the review
//! document.
//!
//! Version 1.0 (Jan–Jun): availability hours Mon–Fri 09:00–17:00 = 8 h = 28,800 s a weekday;
//! target 99.5 %; fee 1,000 USD; < 99.5 → 10 %, < 99.0 → 25 %; P1 respond 30 min, penalty 50.
//! Version 2.0 (Jul–Dec): Mon–Fri 08:00–20:00 = 12 h = 43,200 s a weekday; target 99.9 %;
//! fee 1,500 USD; < 99.9 → 10 %, < 99.5 → 20 %, < 99.0 → 50 %. No holidays, no maintenance.
//! Weekdays in 2025: Jan 23, Feb 20, Mar 21, Apr 22, May 22, Jun 21, Jul 23, Aug 21, Sep 22,
//! Oct 23, Nov 20, Dec 23.

use chrono::{DateTime, NaiveDate, Utc};
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::{Agreement, Impact, Incident};
use sla_core::report::Report;
use sla_core::review::{
    build_review, compare_versions, contributors, satisfaction, trends, what_if, Dimension, Direction, MissedKind,
    ReviewOptions, ReviewReport, TermKind, TrendMetric, TrendUnit, REVIEW_SCHEMA,
};

const AGREEMENT: &str = include_str!("fixtures/review/agreement_2025.json");

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn agreement() -> Agreement {
    sla_core::json::from_str(AGREEMENT).unwrap()
}

/// An outage `start`–`end` (both restored and resolved then), acknowledged 5 minutes in.
fn outage(id: &str, start: &str, end: &str, service: &str, category: &str, csat: f64) -> Incident {
    let mut i = Incident::new(id, t(start));
    i.restored = Some(t(end));
    i.resolved = Some(t(end));
    i.acknowledged = Some(t(start) + chrono::TimeDelta::minutes(5));
    i.priority = Some("P1".into());
    i.service = Some(service.into());
    i.category = Some(category.into());
    i.csat = Some(csat);
    i
}

fn incidents() -> Vec<Incident> {
    let mut feb = outage(
        "FEB",
        "2025-02-10T10:00:00Z",
        "2025-02-10T11:00:00Z",
        "api",
        "Change",
        2.0,
    );
    feb.acknowledged = Some(t("2025-02-10T10:45:00Z")); // 45 min > 30 min: respond breach, penalty 50
    let mut dec = outage(
        "DEC",
        "2025-12-10T10:00:00Z",
        "2025-12-10T12:00:00Z",
        "web",
        "Software",
        5.0,
    );
    dec.impact = Impact::PartialOutage; // 7,200 s at 30 % = 2,160 s weighted
    vec![
        feb,
        outage(
            "MAR",
            "2025-03-10T10:00:00Z",
            "2025-03-10T10:30:00Z",
            "web",
            "Software",
            4.0,
        ),
        outage(
            "APR",
            "2025-04-10T10:00:00Z",
            "2025-04-10T12:00:00Z",
            "db",
            "Hardware",
            1.0,
        ),
        outage(
            "JUN",
            "2025-06-10T10:00:00Z",
            "2025-06-10T10:45:00Z",
            "web",
            "Software",
            5.0,
        ),
        outage(
            "JUL",
            "2025-07-10T10:00:00Z",
            "2025-07-10T11:00:00Z",
            "web",
            "Software",
            3.0,
        ),
        outage(
            "SEP",
            "2025-09-10T10:00:00Z",
            "2025-09-10T10:15:00Z",
            "api",
            "Software",
            4.5,
        ),
        outage(
            "OCT",
            "2025-10-10T10:00:00Z",
            "2025-10-10T12:00:00Z",
            "db",
            "Hardware",
            2.0,
        ),
        // 19:00–20:00: inside 2.0's hours (08–20), outside 1.0's (09–17).
        outage(
            "NOV",
            "2025-11-10T19:00:00Z",
            "2025-11-10T20:00:00Z",
            "api",
            "Software",
            4.0,
        ),
        dec,
    ]
}

fn request() -> ReportRequest {
    ReportRequest {
        as_of: t("2026-01-01T00:00:00Z"),
        from: Some(t("2025-01-01T00:00:00Z")),
        to: Some(t("2026-01-01T00:00:00Z")),
    }
}

fn report() -> Report {
    build_report(&agreement(), &incidents(), &request()).unwrap()
}

struct Expected {
    label: &'static str,
    version: &'static str,
    service: i64,
    weighted: i64,
    target: f64,
    met: bool,
    tier_percent: Option<f64>,
    credit: f64,
}

#[test]
fn each_month_against_hand_computed_figures() {
    let r = report();
    assert!(agreement().validate().is_empty());
    #[rustfmt::skip]
    let expected = [
        // Jan: 23 × 28,800 = 662,400 s; no downtime → 100 %; met; no credit.
        Expected { label: "2025-01", version: "1.0", service: 662_400, weighted: 0, target: 99.5, met: true, tier_percent: None, credit: 0.0 },
        // Feb: 20 × 28,800 = 576,000 s; 3,600 s down → 572,400 / 576,000 = 99.375 % < 99.5, ≥ 99.0
        // → 10 % of 1,000 = 100, + penalty 50 (respond took 45 min > 30 min) = 150.
        Expected { label: "2025-02", version: "1.0", service: 576_000, weighted: 3_600, target: 99.5, met: false, tier_percent: Some(10.0), credit: 150.0 },
        // Mar: 21 × 28,800 = 604,800 s; 1,800 s → 603,000 / 604,800 = 99.7024 % ≥ 99.5: met, 0.
        Expected { label: "2025-03", version: "1.0", service: 604_800, weighted: 1_800, target: 99.5, met: true, tier_percent: None, credit: 0.0 },
        // Apr: 22 × 28,800 = 633,600 s; 7,200 s → 626,400 / 633,600 = 98.8636 % < 99.0 → 25 % = 250.
        Expected { label: "2025-04", version: "1.0", service: 633_600, weighted: 7_200, target: 99.5, met: false, tier_percent: Some(25.0), credit: 250.0 },
        // May: 22 × 28,800 = 633,600 s; nothing.
        Expected { label: "2025-05", version: "1.0", service: 633_600, weighted: 0, target: 99.5, met: true, tier_percent: None, credit: 0.0 },
        // Jun: 21 × 28,800 = 604,800 s; 2,700 s → 602,100 / 604,800 = 99.5536 %: met.
        Expected { label: "2025-06", version: "1.0", service: 604_800, weighted: 2_700, target: 99.5, met: true, tier_percent: None, credit: 0.0 },
        // Jul (2.0): 23 × 43,200 = 993,600 s; 3,600 s → 990,000 / 993,600 = 99.6377 % < 99.9, ≥ 99.5
        // → 10 % of 1,500 = 150.
        Expected { label: "2025-07", version: "2.0", service: 993_600, weighted: 3_600, target: 99.9, met: false, tier_percent: Some(10.0), credit: 150.0 },
        // Aug: 21 × 43,200 = 907,200 s; nothing.
        Expected { label: "2025-08", version: "2.0", service: 907_200, weighted: 0, target: 99.9, met: true, tier_percent: None, credit: 0.0 },
        // Sep: 22 × 43,200 = 950,400 s; 900 s → 949,500 / 950,400 = 99.9053 % ≥ 99.9: met.
        Expected { label: "2025-09", version: "2.0", service: 950_400, weighted: 900, target: 99.9, met: true, tier_percent: None, credit: 0.0 },
        // Oct: 23 × 43,200 = 993,600 s; 7,200 s → 986,400 / 993,600 = 99.2754 % < 99.5, ≥ 99.0
        // → 20 % of 1,500 = 300.
        Expected { label: "2025-10", version: "2.0", service: 993_600, weighted: 7_200, target: 99.9, met: false, tier_percent: Some(20.0), credit: 300.0 },
        // Nov: 20 × 43,200 = 864,000 s; 19:00–20:00 counts under the widened hours: 3,600 s →
        // 860,400 / 864,000 = 99.5833 % < 99.9 → 10 % = 150.
        Expected { label: "2025-11", version: "2.0", service: 864_000, weighted: 3_600, target: 99.9, met: false, tier_percent: Some(10.0), credit: 150.0 },
        // Dec: 23 × 43,200 = 993,600 s; partial 7,200 s × 30 % = 2,160 s → 991,440 / 993,600
        // = 99.7826 % < 99.9 → 10 % = 150.
        Expected { label: "2025-12", version: "2.0", service: 993_600, weighted: 2_160, target: 99.9, met: false, tier_percent: Some(10.0), credit: 150.0 },
    ];
    assert_eq!(r.periods.len(), 12);
    for (p, e) in r.periods.iter().zip(&expected) {
        let a = &p.figures.availability;
        assert_eq!(p.label, e.label);
        assert_eq!(p.version, e.version, "{}", e.label);
        assert_eq!(a.service_seconds, e.service, "{} service", e.label);
        assert_eq!(a.weighted_downtime_seconds, e.weighted, "{} downtime", e.label);
        let availability = (e.service - e.weighted) as f64 / e.service as f64 * 100.0;
        assert!(
            (a.availability_percent - availability).abs() < 1e-9,
            "{} {}",
            e.label,
            a.availability_percent
        );
        assert_eq!((a.target_percent, a.met), (e.target, e.met), "{}", e.label);
        assert_eq!(
            p.credit.tier.map(|t| t.credit_percent),
            e.tier_percent,
            "{} tier",
            e.label
        );
        assert_eq!(p.credit.amount, e.credit, "{} credit", e.label);
        assert!(p.revised_during.is_empty(), "the revision falls on a period boundary");
    }
    assert_eq!(r.periods[1].credit.penalty_amount, 50.0);
    assert_eq!(r.periods[6].version_effective_date, NaiveDate::from_ymd_opt(2025, 7, 1));
    // Totals: service 3,715,200 (Jan–Jun) + 5,702,400 (Jul–Dec) = 9,417,600 s; weighted
    // downtime 15,300 + 17,460 = 32,760 s; credits 150 + 250 + 150 + 300 + 150 + 150 = 1,150.
    let total = &r.total.figures.availability;
    assert_eq!(
        (total.service_seconds, total.weighted_downtime_seconds),
        (9_417_600, 32_760)
    );
    assert!((total.availability_percent - (9_417_600.0 - 32_760.0) / 9_417_600.0 * 100.0).abs() < 1e-9);
    assert_eq!(
        total.target_percent, 99.9,
        "the total is judged against the last version applied"
    );
    assert_eq!(r.total.credit_amount, 1_150.0);
    assert_eq!(r.total.figures.incidents.started, 9);
    assert_eq!(r.breaches.len(), 1);
    assert_eq!(r.versions.iter().map(|v| v.periods.len()).collect::<Vec<_>>(), [6, 6]);
    assert_eq!(r.agreement.version, "2.0");
}

#[test]
fn the_two_versions_compared() {
    let changes = compare_versions(&agreement(), 0, 1).unwrap();
    let kinds: Vec<TermKind> = changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            TermKind::AvailabilityHours,
            TermKind::AvailabilityTarget,
            TermKind::CreditFee,
            TermKind::CreditTiers
        ]
    );
    assert_eq!(changes[0].old.as_deref(), Some("Mon–Fri 09:00–17:00"));
    assert_eq!(changes[0].new.as_deref(), Some("Mon–Fri 08:00–20:00"));
    assert_eq!(
        (changes[1].old.as_deref(), changes[1].new.as_deref()),
        (Some("99.5 %"), Some("99.9 %"))
    );
    assert_eq!(
        changes[3].new.as_deref(),
        Some("< 99.9 % → 10 %; < 99.5 % → 20 %; < 99 % → 50 %")
    );
}

#[test]
fn what_if_the_new_version_had_applied_all_year() {
    let (w, alt) = what_if(&agreement(), &incidents(), &request(), 1).unwrap();
    assert_eq!(w.version, "2.0");
    assert!(alt.periods.iter().all(|p| p.version == "2.0"));
    // Jan–Jun under 2.0 (12 h weekdays, 99.9 %, fee 1,500):
    // Feb 20 × 43,200 = 864,000 s, 3,600 down → 99.5833 % → 10 % = 150 + penalty 50 = 200;
    // Mar 907,200 s, 1,800 → 99.8016 % → 150; Apr 950,400 s, 7,200 → 99.2424 % → 20 % = 300;
    // Jun 907,200 s, 2,700 → 99.7024 % → 150; Jan and May nothing.
    let what_if_credits: Vec<f64> = w.periods.iter().map(|p| p.what_if_credit).collect();
    assert_eq!(
        what_if_credits,
        [0.0, 200.0, 150.0, 300.0, 0.0, 150.0, 150.0, 0.0, 0.0, 300.0, 150.0, 150.0]
    );
    assert_eq!(
        (w.actual_credit_total, w.what_if_credit_total, w.credit_difference),
        (1_150.0, 1_550.0, 400.0)
    );
    assert_eq!((w.actual_missed, w.what_if_missed), (6, 8));
    assert!(
        !w.periods[2].what_if_met && w.periods[2].actual_met,
        "March misses 99.9 %"
    );
    // The other way round: 1.0 all year does not count November's evening outage at all.
    let (w, _) = what_if(&agreement(), &incidents(), &request(), 0).unwrap();
    assert!(w.periods[10].what_if_met && w.periods[10].what_if_availability_percent == 100.0);
    assert!(what_if(&agreement(), &incidents(), &request(), 2).is_err());
}

#[test]
fn trends_follow_the_stated_method() {
    use sla_core::review::trends::trend;
    let series = |v: &[f64]| {
        v.iter()
            .enumerate()
            .map(|(i, x)| (format!("p{i}"), Some(*x), true))
            .collect::<Vec<_>>()
    };
    let improving = trend(
        TrendMetric::Mttr,
        TrendUnit::Seconds,
        false,
        series(&[3600.0, 3000.0, 2400.0, 1800.0]),
        |_| 60.0,
    );
    assert_eq!(improving.direction, Direction::Improving); // slope −600 s per period
    assert_eq!(improving.slope_per_period, Some(-600.0));
    let steady = trend(
        TrendMetric::Availability,
        TrendUnit::Percent,
        true,
        series(&[99.95, 99.96, 99.95]),
        |_| 0.01,
    );
    assert_eq!(steady.direction, Direction::Steady); // slope 0
    let worsening = trend(
        TrendMetric::Availability,
        TrendUnit::Percent,
        true,
        series(&[99.99, 99.9, 99.8]),
        |_| 0.01,
    );
    assert_eq!(worsening.direction, Direction::Worsening); // slope −0.095
    let few = trend(
        TrendMetric::Credits,
        TrendUnit::Money,
        false,
        series(&[0.0, 100.0]),
        |_| 10.0,
    );
    assert_eq!(few.direction, Direction::NotEnoughPeriods);

    let r = report();
    let all = trends(&r, None);
    let credits = all.iter().find(|t| t.metric == TrendMetric::Credits).unwrap();
    // Tolerance 1 % of the fee of the last version: 15.
    assert_eq!(credits.tolerance_per_period, 15.0);
    assert_eq!(credits.fitted_periods, 12);
    // Credits per month 0,150,0,250,0,0,150,0,0,300,150,150 (x = 0…11, x̄ = 5.5):
    // Σ(x−x̄)·y = −4.5·150 − 2.5·250 + 0.5·150 + 3.5·300 + 4.5·150 + 5.5·150 = 1,325;
    // Σ(x−x̄)² = 143; slope 1,325 / 143 = 9.27 per period, within 15: steady.
    assert!((credits.slope_per_period.unwrap() - 1_325.0 / 143.0).abs() < 1e-9);
    assert_eq!(credits.direction, Direction::Steady);
    let breaches = all.iter().find(|t| t.metric == TrendMetric::Breaches).unwrap();
    assert_eq!(breaches.points.iter().filter_map(|p| p.value).sum::<f64>(), 1.0);
}

#[test]
fn contributors_are_ranked_and_credits_attributed() {
    let (a, incs, r) = (agreement(), incidents(), report());
    let c = contributors(&a, &incs, &r, None, 10).unwrap();
    let services = &c
        .tables
        .iter()
        .find(|t| t.dimension == Dimension::Service)
        .unwrap()
        .rows;
    // db: Apr 250 + Oct 300 = 550; web: Jul 150 + Dec 150 = 300 with 1,800 + 2,700 + 3,600 +
    // 2,160 = 10,260 s; api: Feb 150 (100 by downtime + 50 penalty) + Nov 150 = 300 with 3,600
    // + 900 + 3,600 = 8,100 s. Ties on credit go to the larger weighted downtime.
    let keys: Vec<&str> = services.iter().map(|r| r.key.as_deref().unwrap()).collect();
    assert_eq!(keys, ["db", "web", "api"]);
    assert_eq!(
        services.iter().map(|r| r.credit_amount).collect::<Vec<_>>(),
        [550.0, 300.0, 300.0]
    );
    assert_eq!(services[1].weighted_downtime_seconds, 10_260.0);
    assert_eq!(services[2].breaches, 1);
    assert_eq!(c.credit_unattributed, 0.0);
    let categories = c.tables.iter().find(|t| t.dimension == Dimension::Category).unwrap();
    assert_eq!(categories.rows[0].key.as_deref(), Some("Hardware"));
    let top: Vec<&str> = c.top_incidents.iter().map(|i| i.incident_id.as_str()).collect();
    // OCT 300, APR 250, then four at 150: FEB (a breach), then JUL and NOV (3,600 s, list
    // order), then DEC (2,160 s).
    assert_eq!(&top[..6], ["OCT", "APR", "FEB", "JUL", "NOV", "DEC"]);
    // One period only.
    let only = vec!["2025-02".to_string()];
    let feb = contributors(&a, &incs, &r, Some(&only), 3).unwrap();
    assert_eq!((feb.credit_amount, feb.top_incidents.len()), (150.0, 1));
}

#[test]
fn satisfaction_per_period() {
    let s = satisfaction(&report(), &incidents()).unwrap();
    // Scores 2, 4, 1, 5, 3, 4.5, 2, 4, 5: every one in 1–5. Mean 30.5 / 9; 4.5 rounds to 5.
    assert_eq!((s.scale.min, s.scale.max), (1, 5));
    assert!((s.total.mean.unwrap() - 30.5 / 9.0).abs() < 1e-12);
    let counts: Vec<u64> = s.total.distribution.iter().map(|b| b.count).collect();
    assert_eq!(counts, [1, 2, 1, 2, 3]);
    assert!((s.total.satisfied_percent.unwrap() - 5.0 / 9.0 * 100.0).abs() < 1e-9);
    assert_eq!(s.periods.len(), 12);
    assert_eq!((s.periods[0].figures.responses, s.periods[0].figures.mean), (0, None));
    let no_scores: Vec<Incident> = incidents().into_iter().map(|i| Incident { csat: None, ..i }).collect();
    assert!(satisfaction(&report(), &no_scores).is_none());
}

#[test]
fn review_document_round_trips_without_nan() {
    let review = build_review(&agreement(), &incidents(), &request(), &ReviewOptions::default()).unwrap();
    assert_eq!(review.schema, REVIEW_SCHEMA);
    assert_eq!(review.versions.len(), 2);
    assert_eq!(review.versions[1].changes.len(), 4);
    assert_eq!(review.total.periods_missed, 6);
    assert_eq!(review.total.credit_amount, 1_150.0);
    let missed: Vec<(&str, MissedKind)> = review.missed.iter().map(|m| (m.period.as_str(), m.kind)).collect();
    assert_eq!(
        missed[..3],
        [
            ("2025-02", MissedKind::Availability),
            ("2025-02", MissedKind::Respond),
            ("2025-04", MissedKind::Availability)
        ]
    );
    let json = serde_json::to_string(&review).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");
    let back: ReviewReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, review);
    let text = review.to_text();
    assert!(
        text.contains("2025-07 [version 2.0]") && text.contains("MISSED"),
        "{text}"
    );

    // One period, with the year as its history.
    let options = ReviewOptions {
        focus: Some("2025-10".into()),
        ..ReviewOptions::default()
    };
    let october = build_review(&agreement(), &incidents(), &request(), &options).unwrap();
    assert_eq!(october.periods.len(), 1);
    assert_eq!(october.trends[0].points.len(), 12);
    assert_eq!(october.contributors.credit_amount, 300.0);
    let bad = ReviewOptions {
        focus: Some("2024-10".into()),
        ..ReviewOptions::default()
    };
    let e = build_review(&agreement(), &incidents(), &request(), &bad).unwrap_err();
    assert!(
        e.to_string().contains("2024-10") && e.to_string().contains("2025-01"),
        "{e}"
    );

    // No incidents at all: empty figures, still finite.
    let empty = build_review(&agreement(), &[], &request(), &ReviewOptions::default()).unwrap();
    let json = serde_json::to_string(&empty).unwrap();
    assert!(!json.contains("NaN") && empty.satisfaction.is_none());
}
