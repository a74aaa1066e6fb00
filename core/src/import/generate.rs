//! Deterministic generators of large, realistic incident logs for tests and benchmarks.
//!
//! The same `(rows, seed, preset)` always gives the same text. Incidents are spread over time
//! in order (a few minutes to hours apart), with realistic titles, services, priorities and
//! durations (most short, a few long). A generic row is about 100 bytes.

use super::Preset;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const SERVICES: [&str; 8] = [
    "Payments API",
    "Checkout",
    "Search",
    "Auth",
    "Mobile BFF",
    "Billing",
    "Storage",
    "CDN",
];
const PROBLEMS: [&str; 10] = [
    "Elevated 5xx errors",
    "Database connection pool exhausted",
    "Latency above SLO",
    "Certificate expired",
    "Queue backlog growing",
    "Disk full on primary",
    "DNS resolution failures",
    "Memory leak after deploy",
    "Third-party provider outage",
    "Login failures",
];

/// One incident's random facts: minutes since the series start, minutes to ack / restore /
/// resolve, and indexes into the word lists.
struct Facts {
    start_min: i64,
    ack_min: i64,
    restore_min: i64,
    resolve_min: i64,
    priority: u64,
    service: &'static str,
    problem: &'static str,
    canceled: bool,
}

fn facts(rng: &mut Rng, clock: &mut i64, spread: Option<u64>) -> Facts {
    *clock += match spread {
        Some(max_gap) => rng.below(max_gap + 1) as i64,
        None => 5 + rng.below(240) as i64,
    };
    let heavy = rng.below(20) == 0;
    let restore = if heavy { 120 + rng.below(600) } else { 3 + rng.below(90) } as i64;
    let ack = 1 + rng.below(restore.max(2) as u64 / 2 + 1) as i64;
    Facts {
        start_min: *clock,
        ack_min: ack,
        restore_min: restore,
        resolve_min: restore + rng.below(240) as i64,
        priority: match rng.below(100) {
            0..=4 => 1,
            5..=24 => 2,
            25..=69 => 3,
            _ => 4,
        },
        service: rng.pick(&SERVICES),
        problem: rng.pick(&PROBLEMS),
        canceled: rng.below(50) == 0,
    }
}

/// Civil date and time from minutes since 2025-01-01 00:00 (days-from-civil inverse, so the
/// generator needs no calendar crate calls per row).
fn ymdhm(minutes: i64) -> (i64, u32, u32, u32, u32) {
    let days = minutes.div_euclid(1440) + 20089; // 2025-01-01 is day 20089 since 1970-01-01
    let rem = minutes.rem_euclid(1440);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, (rem / 60) as u32, (rem % 60) as u32)
}

fn iso(minutes: i64) -> String {
    let (y, m, d, h, mi) = ymdhm(minutes);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}")
}

fn jira(minutes: i64) -> String {
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d, h, mi) = ymdhm(minutes);
    let (h12, ampm) = match h {
        0 => (12, "AM"),
        1..=11 => (h, "AM"),
        12 => (12, "PM"),
        _ => (h - 12, "PM"),
    };
    format!("{d:02}/{}/{:02} {h12}:{mi:02} {ampm}", MON[(m - 1) as usize], y % 100)
}

/// A CSV export of `rows` incidents in the layout of `preset` (Jira Service Management,
/// ServiceNow, PagerDuty, Opsgenie, or generic; Statuspage, whose export is JSON, gets
/// [`generate_statuspage_json`]'s fields as generic CSV columns). Deterministic in `seed`.
///
/// ```
/// use sla_core::import::{generate::generate_csv, import, ImportOptions, Preset};
/// let csv = generate_csv(100, 7, Preset::Generic);
/// assert_eq!(csv, generate_csv(100, 7, Preset::Generic));
/// let out = import(csv.as_bytes(), &ImportOptions::default()).unwrap();
/// assert_eq!(out.counts.read, 100);
/// ```
pub fn generate_csv(rows: usize, seed: u64, preset: Preset) -> String {
    generate_csv_spread(rows, seed, preset, None)
}

/// Like [`generate_csv`], but with the incidents spread over about `days` days from
/// 2025-01-01 (start times a random 0 to `2 × days × 1440 / rows` minutes apart), e.g. a
/// million incidents in one year for the benchmarks.
///
/// ```
/// use sla_core::import::{generate::generate_csv_within_days, import, ImportOptions, Preset};
/// let csv = generate_csv_within_days(1000, 7, Preset::Generic, 30);
/// let out = import(csv.as_bytes(), &ImportOptions::default()).unwrap();
/// let last = out.incidents.iter().map(|i| i.start).max().unwrap();
/// assert!(last < chrono::DateTime::parse_from_rfc3339("2025-03-01T00:00:00Z").unwrap());
/// ```
pub fn generate_csv_within_days(rows: usize, seed: u64, preset: Preset, days: u32) -> String {
    let max_gap = (2 * u64::from(days) * 1440) / (rows.max(1) as u64);
    generate_csv_spread(rows, seed, preset, Some(max_gap))
}

fn generate_csv_spread(rows: usize, seed: u64, preset: Preset, spread: Option<u64>) -> String {
    use std::fmt::Write;
    let mut rng = Rng(seed ^ 0x5EED);
    let mut clock = 0i64;
    let mut out = String::with_capacity(rows.saturating_mul(110).min(1 << 30) + 256);
    match preset {
        Preset::JiraServiceManagement => {
            out.push_str("Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Watchers,Watchers,Comment,Comment\n");
            let prios = ["Highest", "High", "Medium", "Low"];
            for i in 0..rows {
                let f = facts(&mut rng, &mut clock, spread);
                let (status, resolution) = if f.canceled {
                    ("Canceled", "Won't Do")
                } else {
                    ("Resolved", "Done")
                };
                let _ = writeln!(
                    out,
                    "\"{} – {}\",OPS-{},{},Incident,{},{},{},alice,bob,{},{},{},carol,dave,\"{}; Investigating, see runbook\",{}",
                    f.service,
                    f.problem,
                    i + 1,
                    10_000 + i,
                    status,
                    prios[(f.priority - 1) as usize],
                    resolution,
                    jira(f.start_min),
                    jira(f.start_min + f.resolve_min),
                    jira(f.start_min + f.resolve_min),
                    jira(f.start_min + f.ack_min),
                    jira(f.start_min + f.resolve_min),
                );
            }
        }
        Preset::ServiceNow => {
            out.push_str("number,short_description,state,impact,urgency,priority,opened_at,resolved_at,closed_at,cmdb_ci,business_service,assignment_group,close_code,made_sla\n");
            for i in 0..rows {
                let f = facts(&mut rng, &mut clock, spread);
                let state = if f.canceled { 8 } else { 7 };
                let _ = writeln!(
                    out,
                    "INC{:07},{},{},{},{},{},{}:00,{}:00,{}:00,{}-db01,{},SRE,Solved (Permanently),{}",
                    i + 1,
                    f.problem,
                    state,
                    f.priority.min(3),
                    f.priority.min(3),
                    f.priority,
                    iso(f.start_min),
                    iso(f.start_min + f.restore_min),
                    iso(f.start_min + f.resolve_min),
                    f.service.to_lowercase().replace(' ', "-"),
                    f.service,
                    f.restore_min < 240
                );
            }
        }
        Preset::PagerDuty => {
            out.push_str("incident_number,title,urgency,status,service_name,created_at,resolved_at,seconds_to_first_ack,seconds_to_resolve,escalation_count\n");
            for i in 0..rows {
                let f = facts(&mut rng, &mut clock, spread);
                let urgency = if f.priority <= 2 { "high" } else { "low" };
                let _ = writeln!(
                    out,
                    "{},{},{},resolved,{},{}:00Z,{}:00Z,{},{},{}",
                    i + 1,
                    f.problem,
                    urgency,
                    f.service,
                    iso(f.start_min).replace(' ', "T"),
                    iso(f.start_min + f.resolve_min).replace(' ', "T"),
                    f.ack_min * 60,
                    f.resolve_min * 60,
                    rng.below(3)
                );
            }
        }
        Preset::Opsgenie => {
            out.push_str("tinyId,alias,message,status,acknowledged,createdAt,updatedAt,priority,tags\n");
            for i in 0..rows {
                let f = facts(&mut rng, &mut clock, spread);
                let _ = writeln!(
                    out,
                    "{},alert-{},{},closed,true,{}:00Z,{}:00Z,P{},\"{},prod\"",
                    i + 1,
                    rng.next() % 1_000_000,
                    f.problem,
                    iso(f.start_min).replace(' ', "T"),
                    iso(f.start_min + f.resolve_min).replace(' ', "T"),
                    f.priority,
                    f.service
                );
            }
        }
        Preset::Statuspage | Preset::Generic => {
            // The generic log is an ITSM or on-call export: acknowledged, restored ("end") and
            // resolved times; the Statuspage-style CSV has the outage's start and end only.
            let generic = preset == Preset::Generic;
            out.push_str(if generic {
                "id,start,acknowledged,end,resolved,priority,impact,service,title\n"
            } else {
                "id,start,end,priority,impact,service,title\n"
            });
            let impacts = ["full", "partial", "degraded"];
            for i in 0..rows {
                let f = facts(&mut rng, &mut clock, spread);
                let impact = impacts[rng.below(3) as usize];
                let _ = write!(out, "INC-{},{},", i + 1, iso(f.start_min));
                if generic {
                    let _ = write!(out, "{},", iso(f.start_min + f.ack_min));
                }
                let _ = write!(out, "{},", iso(f.start_min + f.restore_min));
                if generic {
                    let _ = write!(out, "{},", iso(f.start_min + f.resolve_min));
                }
                let _ = writeln!(out, "P{},{},{},{}", f.priority, impact, f.service, f.problem);
            }
        }
    }
    out
}

/// A Statuspage-style incidents JSON (`{"incidents": [...]}`) of `rows` incidents.
pub fn generate_statuspage_json(rows: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x57A7);
    let mut clock = 0i64;
    use std::fmt::Write;
    let impacts = ["none", "minor", "major", "critical"];
    let mut out = String::from(r#"{"incidents":["#);
    for i in 0..rows {
        let f = facts(&mut rng, &mut clock, None);
        let t = |m: i64| format!("{}:00.000Z", iso(m).replace(' ', "T"));
        if i > 0 {
            out.push(',');
        }
        // The words are plain ASCII without quotes or backslashes: nothing to escape.
        let _ = write!(
            out,
            r#"{{"id":"p{:011x}","name":"{}","status":"resolved","impact":"{}","created_at":"{}","monitoring_at":"{}","resolved_at":"{}","components":[{{"name":"{}"}}],"incident_updates":[{{"status":"resolved","body":"Fixed.","display_at":"{}"}}]}}"#,
            (i as u64).wrapping_mul(2_654_435_761) ^ seed,
            f.problem,
            impacts[rng.below(4) as usize],
            t(f.start_min),
            t(f.start_min + f.restore_min),
            t(f.start_min + f.resolve_min),
            f.service,
            t(f.start_min + f.resolve_min),
        );
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic_is_right() {
        assert_eq!(ymdhm(0), (2025, 1, 1, 0, 0));
        assert_eq!(ymdhm(59 * 1440 + 61), (2025, 3, 1, 1, 1));
        assert_eq!(ymdhm(365 * 1440), (2026, 1, 1, 0, 0));
        assert_eq!(jira(365 * 1440 + 55 * 1440 + 22 * 60 + 17), "25/Feb/26 10:17 PM");
    }

    #[test]
    fn statuspage_json_is_json() {
        let text = generate_statuspage_json(50, 7);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["incidents"].as_array().map(Vec::len), Some(50));
        assert_eq!(value["incidents"][0]["status"], "resolved");
        assert!(crate::json::parse(&text).is_ok());
    }

    #[test]
    fn generic_rows_are_about_100_bytes() {
        let csv = generate_csv(1000, 1, Preset::Generic);
        let per_row = csv.len() / 1000;
        assert!((70..=130).contains(&per_row), "{per_row}");
    }
}
