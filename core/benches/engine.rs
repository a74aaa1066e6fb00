//! Benchmark of [`sla_core::engine::build_report`]: 1,000,000 deterministic synthetic incidents
//! over the year 2026, twelve monthly periods in Europe/Berlin, business-hours clocks for P3/P4,
//! a weekly maintenance window and a holiday.
//!
//! Run: `cargo bench -p sla-core --bench engine`. Divan prints the timings with an
//! `item/s` throughput (items = incidents); a short summary line with the median incidents/s is
//! printed first.

#![allow(clippy::field_reassign_with_default)]

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use divan::counter::ItemsCount;
use divan::Bencher;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::{Agreement, Impact, Incident, MaintenanceWindow, Schedule, TimeOfDay};
use std::sync::LazyLock;

/// Incidents: 1,000,000, or `SLA_BENCH_N` (the CI smoke run in scripts/test.sh uses a few
/// thousand to check the benchmark still works, not its speed).
fn n() -> usize {
    std::env::var("SLA_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// Knuth's MMIX linear congruential generator: deterministic, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn agreement() -> Agreement {
    let mut a = Agreement::default();
    a.time_zone = "Europe/Berlin".into();
    a.support_hours = Schedule::weekdays(TimeOfDay::hm(8, 0).unwrap(), TimeOfDay::hm(18, 0).unwrap());
    a.support_hours.holidays = vec![NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()];
    a.maintenance.push(MaintenanceWindow::Weekly {
        title: "patching".into(),
        days: vec![Weekday::Sun],
        start: TimeOfDay::hm(2, 0).unwrap(),
        end: TimeOfDay::hm(4, 0).unwrap(),
    });
    a
}

fn incidents() -> Vec<Incident> {
    let year_start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00+01:00")
        .unwrap()
        .to_utc()
        .timestamp();
    let year = 365 * 86_400u64;
    let mut rng = Lcg(0x5eed);
    let priorities = ["P1", "P2", "P3", "P4"];
    (0..n())
        .map(|i| {
            let start = year_start + rng.below(year - 86_400) as i64;
            let at = |offset: u64| DateTime::<Utc>::from_timestamp(start + offset as i64, 0);
            let mut inc = Incident::new(format!("INC{i:07}"), at(0).unwrap());
            inc.priority = Some(priorities[rng.below(4) as usize].to_string());
            inc.impact = match rng.below(10) {
                0..=5 => Impact::FullOutage,
                6..=7 => Impact::PartialOutage,
                8 => Impact::Degraded,
                _ => Impact::None,
            };
            inc.acknowledged = at(rng.below(16 * 60));
            let restore = 60 + rng.below(2 * 3600);
            inc.restored = at(restore);
            inc.resolved = at(restore + rng.below(3 * 3600));
            inc.planned = rng.below(100) == 0;
            inc
        })
        .collect()
}

static DATA: LazyLock<(Agreement, Vec<Incident>)> = LazyLock::new(|| (agreement(), incidents()));

fn request() -> ReportRequest {
    let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    ReportRequest {
        as_of: t("2027-01-15T00:00:00Z"),
        from: Some(t("2025-12-31T23:00:00Z")),
        to: Some(t("2026-12-31T23:00:00Z")),
    }
}

/// The whole report over 1,000,000 incidents and 12 monthly periods.
#[divan::bench(sample_count = 15, sample_size = 1)]
fn report_1m_incidents_12_months(bencher: Bencher) {
    let (agreement, incidents) = &*DATA;
    let request = request();
    bencher.counter(ItemsCount::new(incidents.len())).bench(|| {
        build_report(divan::black_box(agreement), divan::black_box(incidents), &request).map(|r| r.breaches.len())
    });
}

fn main() {
    // A plain summary first (median of 7 runs), then divan's table.
    let (agreement, incidents) = &*DATA;
    let request = request();
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let t0 = std::time::Instant::now();
            let r = build_report(agreement, incidents, &request).expect("benchmark report");
            divan::black_box(r);
            t0.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let report = build_report(agreement, incidents, &request).expect("benchmark report");
    println!(
        "build_report: {} incidents × {} periods: median {:.1} ms → {:.2} M incidents/s ({} breaches listed)",
        n(),
        report.periods.len(),
        median * 1e3,
        n() as f64 / median / 1e6,
        report.breaches.len()
    );
    divan::main();
}
