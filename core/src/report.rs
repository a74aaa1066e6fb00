//! The report document (`schema: "sla-report/1"`) the engine produces, and its CSV and text
//! renderings.
//!
//! The JSON form is documented in `docs/report-format.md`; every metric in `docs/metrics.md`.
//! Durations are whole seconds (`*_seconds`, integers); a value that does not exist (a mean of
//! no incidents, a share of zero) is `null`, never NaN or infinity. Instants are RFC 3339 UTC.

use crate::credits::{fmt_percent, CreditCalculation};
use crate::model::{format_seconds, Clock, PeriodSpec};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The schema tag written into every report.
pub const REPORT_SCHEMA: &str = "sla-report/1";

/// A UTC instant for messages: `2026-03-01 09:00 UTC` (seconds shown only when not zero).
pub fn show_instant(t: &DateTime<Utc>) -> String {
    if t.timestamp() % 60 == 0 {
        crate::date_text::minutes(&t.naive_utc(), ' ') + " UTC"
    } else {
        crate::date_text::seconds(&t.naive_utc(), ' ') + " UTC"
    }
}

/// The whole report: per-period figures, totals, every breach and every open incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format tag, [`REPORT_SCHEMA`].
    pub schema: String,
    /// What the report was measured against.
    pub agreement: AgreementSummary,
    /// The instant the report is "as of": later events are not known yet, open incidents count
    /// up to here.
    pub as_of: DateTime<Utc>,
    /// Start of the reporting span (start of the first period).
    pub from: DateTime<Utc>,
    /// End of the reporting span (end of the last period, exclusive).
    pub to: DateTime<Utc>,
    /// How many incident rows were given and what became of them.
    pub rows: RowCounts,
    /// One entry per measurement period, in time order.
    pub periods: Vec<PeriodReport>,
    /// The whole span at once.
    pub total: TotalReport,
    /// Every breached response or resolution target, in incident order. Shared: a report
    /// re-scored after a target edit ([`crate::engine::rescore`]) keeps the same breaches, and
    /// a large log can have hundreds of thousands of them.
    pub breaches: std::sync::Arc<Vec<Breach>>,
    /// Incidents still open at `as_of` (no restore/resolve time, or one after `as_of`).
    pub open_incidents: Vec<OpenIncident>,
    /// Remarks a reader should see, e.g. periods without service time.
    pub notes: Vec<String>,
    /// The agreement versions applied, in time order, each with the periods it applied to
    /// (one entry for an agreement without revisions).
    #[serde(default)]
    pub versions: Vec<AppliedVersion>,
}

/// An agreement version and the periods of the report it applied to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppliedVersion {
    /// 0 for the agreement's own terms, `i + 1` for `revisions[i]`.
    pub index: usize,
    /// The version label.
    pub version: String,
    /// Its effective date, when it has one.
    pub effective_date: Option<NaiveDate>,
    /// Labels of the periods measured against it.
    pub periods: Vec<String>,
}

/// A revision that took effect during a period, after the period's first day: the period is
/// measured against the version in force on its first day, this one applies from the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MidPeriodRevision {
    /// The revision's version label.
    pub version: String,
    /// Its effective date.
    pub effective_date: NaiveDate,
}

/// The parts of the agreement a reader of the report needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementSummary {
    /// Service covered.
    pub service: String,
    /// Provider.
    pub provider: String,
    /// Customer.
    pub customer: String,
    /// Agreement version label.
    pub version: String,
    /// IANA time zone periods and hours are read in.
    pub time_zone: String,
    /// How periods are cut.
    pub period: PeriodSpec,
    /// Availability target per period, percent.
    pub availability_target_percent: f64,
    /// Weight of a partial outage, percent.
    pub partial_outage_percent: f64,
    /// Weight of degraded performance, percent.
    pub degraded_percent: f64,
    /// Fee per period.
    pub fee_per_period: f64,
    /// Currency of fee and credits.
    pub currency: String,
}

/// What became of the incident rows given to the engine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCounts {
    /// Rows given.
    pub given: u64,
    /// Rows that started inside the span and before `as_of`, not planned or excluded: these
    /// feed the KPIs and compliance of the period they started in.
    pub measured: u64,
    /// Planned or excluded rows (inside the span): their time is excluded from service time.
    pub planned_or_excluded: u64,
    /// Rows that started before the span (their downtime inside the span still counts).
    pub before_span: u64,
    /// Rows that started at or after the end of the span.
    pub after_span: u64,
    /// Rows that started at or after `as_of` (ignored; they have not happened yet).
    pub after_as_of: u64,
    /// Measured rows still open at `as_of`.
    pub open: u64,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodReport {
    /// `2026-03`, `2026-Q1`, `2026`, or `first..last` for a custom period.
    pub label: String,
    /// First instant of the period (UTC).
    pub start: DateTime<Utc>,
    /// First instant after it.
    pub end: DateTime<Utc>,
    /// Cut short by the reporting span.
    pub partial: bool,
    /// False while `as_of` is before the period's end: the figures are "to date".
    pub complete: bool,
    /// Availability, incidents, KPIs, compliance.
    pub figures: Figures,
    /// The credit owed for the period, with its arithmetic.
    pub credit: CreditCalculation,
    /// The agreement version the period was measured against: the one in force on the
    /// period's first (local) day.
    #[serde(default)]
    pub version: String,
    /// That version's effective date, when it has one.
    #[serde(default)]
    pub version_effective_date: Option<NaiveDate>,
    /// Revisions that took effect after the period's first day (they apply from the next
    /// period); empty in most periods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised_during: Vec<MidPeriodRevision>,
}

/// The figures over the whole span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalReport {
    /// Start of the span.
    pub start: DateTime<Utc>,
    /// End of the span.
    pub end: DateTime<Utc>,
    /// Availability, incidents, KPIs and compliance over the whole span.
    pub figures: Figures,
    /// Sum of the periods' credits (each capped per period).
    pub credit_amount: f64,
    /// Sum of the periods' penalties before caps.
    pub penalty_amount: f64,
    /// Currency.
    pub currency: String,
}

/// Availability, incident counts, KPIs and compliance of one period or the whole span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Service time, downtime, availability, target and error budget.
    pub availability: AvailabilityFigures,
    /// Counts of incidents that started in the period.
    pub incidents: IncidentCounts,
    /// MTTA, MTTR (restore), time to resolve, MTBF.
    pub kpis: Kpis,
    /// Response and resolution compliance per priority.
    pub compliance: Compliance,
}

/// Service time, downtime and availability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityFigures {
    /// Availability hours in the (elapsed part of the) period, seconds.
    pub scheduled_seconds: i64,
    /// Part of the scheduled time excluded (maintenance, planned or excluded incidents).
    pub excluded_seconds: i64,
    /// `scheduled − excluded`: the time availability is measured over.
    pub service_seconds: i64,
    /// Downtime inside service time, overlaps merged, unweighted.
    pub downtime_seconds: i64,
    /// Of which counted at the full-outage weight.
    pub full_outage_seconds: i64,
    /// Of which counted at the partial-outage weight.
    pub partial_outage_seconds: i64,
    /// Of which counted at the degraded weight.
    pub degraded_seconds: i64,
    /// `full + partial × w_partial + degraded × w_degraded`, rounded to the second.
    pub weighted_downtime_seconds: i64,
    /// `(service − weighted downtime) / service × 100`; 100 when there is no service time.
    pub availability_percent: f64,
    /// True when the service time is 0 (availability shown as 100 %).
    pub no_service_time: bool,
    /// The target, percent.
    pub target_percent: f64,
    /// Availability is not below the target.
    pub met: bool,
    /// `(1 − target / 100) × service`, rounded to the second.
    pub allowed_downtime_seconds: i64,
    /// `allowed − weighted downtime`; negative when the budget is overspent.
    pub budget_left_seconds: i64,
    /// `budget left / allowed × 100`; null when nothing is allowed.
    pub budget_left_percent: Option<f64>,
}

/// Incidents that started in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentCounts {
    /// Measured incidents that started (planned/excluded not included).
    pub started: u64,
    /// Of which failures (impact above none).
    pub failures: u64,
    /// Planned or excluded incidents that started in the period.
    pub planned_or_excluded: u64,
    /// Measured incidents still open at `as_of`.
    pub open: u64,
}

/// Incident KPIs; `null` when no incident gives a sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpis {
    /// Start → acknowledged (MTTA is its mean).
    pub time_to_acknowledge: Option<DurationStats>,
    /// Start → restored (or resolved when no restore time), failures only (MTTR = mean time
    /// to restore).
    pub time_to_restore: Option<DurationStats>,
    /// Start → resolved.
    pub time_to_resolve: Option<DurationStats>,
    /// Mean time between failures: service time / failures.
    pub mtbf_seconds: Option<i64>,
    /// The gaps between consecutive failures' starts (wall-clock time): mean, median and
    /// 90th percentile. Needs two failures; the mean of the gaps differs from `mtbf_seconds`,
    /// which divides service time (including the time before the first failure and after the
    /// last) by the number of failures.
    #[serde(default)]
    pub time_between_failures: Option<DurationStats>,
}

/// A distribution of durations: mean, and nearest-rank median and 90th percentile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationStats {
    /// Number of samples.
    pub count: u64,
    /// Arithmetic mean, rounded to the second.
    pub mean_seconds: i64,
    /// Nearest-rank median: the sample of rank ⌈0.5·n⌉.
    pub median_seconds: i64,
    /// Nearest-rank 90th percentile: the sample of rank ⌈0.9·n⌉.
    pub p90_seconds: i64,
}

/// Response and resolution compliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compliance {
    /// One entry per agreement priority, in the agreement's order.
    pub priorities: Vec<PriorityCompliance>,
    /// Measured incidents whose priority matched no level (or had none).
    pub unmatched: u64,
}

/// Compliance of one priority level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityCompliance {
    /// The level's name from the agreement.
    pub priority: String,
    /// Measured incidents of this priority.
    pub incidents: u64,
    /// The respond target's tally, when one is agreed.
    pub respond: Option<TargetCompliance>,
    /// The resolve target's tally, when one is agreed.
    pub resolve: Option<TargetCompliance>,
}

/// How one target fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetCompliance {
    /// The target, seconds on its clock.
    pub target_seconds: i64,
    /// Which clock.
    pub clock: Clock,
    /// Done within the target.
    pub met: u64,
    /// Done late, or still open past the target at `as_of`.
    pub breached: u64,
    /// Still open and still within the target at `as_of`.
    pub pending: u64,
    /// `met / (met + breached) × 100`; null when both are 0.
    pub percent_met: Option<f64>,
}

/// Which target was breached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachKind {
    /// Time to respond (start → acknowledged).
    Respond,
    /// Time to resolve (start → resolved).
    Resolve,
}

/// One breached target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breach {
    /// Label of the period the incident started in.
    pub period: String,
    /// Incident id.
    pub incident_id: String,
    /// Incident title.
    pub title: String,
    /// The agreement's priority name it matched.
    pub priority: String,
    /// Respond or resolve.
    pub kind: BreachKind,
    /// The clock the target runs on.
    pub clock: Clock,
    /// The target, seconds.
    pub target_seconds: i64,
    /// Time taken on that clock (up to `as_of` when still open), seconds.
    pub actual_seconds: i64,
    /// `actual − target`.
    pub overrun_seconds: i64,
    /// When the target expired; null when beyond the calendar the report built.
    pub due: Option<DateTime<Utc>>,
    /// Still not acknowledged/resolved at `as_of`.
    pub open: bool,
    /// Penalty owed for this breach.
    pub penalty: f64,
}

/// An incident still open at `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenIncident {
    /// Label of the period it started in.
    pub period: String,
    /// Incident id.
    pub incident_id: String,
    /// Title.
    pub title: String,
    /// When it started.
    pub start: DateTime<Utc>,
    /// `as_of − start`, seconds.
    pub open_seconds: i64,
}

/// Escapes one CSV text cell: a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe (so a
/// spreadsheet does not run it as a formula); cells with a comma, quote or line break are quoted.
pub fn csv_text(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn pct_cell(p: f64) -> String {
    // Up to 6 decimals, no exponent, trailing zeros trimmed.
    let s = format!("{p:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The header of [`Report::to_csv`].
pub const CSV_HEADER: &str = "period,start,end,complete,scheduled_seconds,excluded_seconds,service_seconds,downtime_seconds,weighted_downtime_seconds,availability_percent,target_percent,met,allowed_downtime_seconds,budget_left_seconds,incidents,failures,open,mtta_mean_seconds,mttr_restore_mean_seconds,time_to_resolve_mean_seconds,mtbf_seconds,respond_met,respond_breached,resolve_met,resolve_breached,unmatched_priority,tier_credit_percent,penalty_amount,credit_amount,currency";

impl Report {
    /// One CSV row per period under [`CSV_HEADER`]. Text cells are escaped with [`csv_text`];
    /// numeric cells are written by the engine and left as numbers (a negative budget stays a
    /// number). Lines end with `\r\n` (RFC 4180).
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(256 * (self.periods.len() + 1));
        out.push_str(CSV_HEADER);
        out.push_str("\r\n");
        for p in &self.periods {
            let f = &p.figures;
            let a = &f.availability;
            let k = &f.kpis;
            let sum = |pick: fn(&TargetCompliance) -> u64, respond: bool| -> u64 {
                f.compliance
                    .priorities
                    .iter()
                    .filter_map(|c| if respond { c.respond.as_ref() } else { c.resolve.as_ref() })
                    .map(pick)
                    .sum()
            };
            let cells = [
                csv_text(&p.label),
                p.start.to_rfc3339_opts(SecondsFormat::Secs, true),
                p.end.to_rfc3339_opts(SecondsFormat::Secs, true),
                p.complete.to_string(),
                a.scheduled_seconds.to_string(),
                a.excluded_seconds.to_string(),
                a.service_seconds.to_string(),
                a.downtime_seconds.to_string(),
                a.weighted_downtime_seconds.to_string(),
                pct_cell(a.availability_percent),
                pct_cell(a.target_percent),
                a.met.to_string(),
                a.allowed_downtime_seconds.to_string(),
                a.budget_left_seconds.to_string(),
                f.incidents.started.to_string(),
                f.incidents.failures.to_string(),
                f.incidents.open.to_string(),
                opt(k.time_to_acknowledge.map(|s| s.mean_seconds)),
                opt(k.time_to_restore.map(|s| s.mean_seconds)),
                opt(k.time_to_resolve.map(|s| s.mean_seconds)),
                opt(k.mtbf_seconds),
                sum(|t| t.met, true).to_string(),
                sum(|t| t.breached, true).to_string(),
                sum(|t| t.met, false).to_string(),
                sum(|t| t.breached, false).to_string(),
                f.compliance.unmatched.to_string(),
                pct_cell(p.credit.tier.map(|t| t.credit_percent).unwrap_or(0.0)),
                format!("{:.2}", p.credit.penalty_amount),
                format!("{:.2}", p.credit.amount),
                csv_text(&p.credit.currency),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    /// A human-readable summary for a terminal: the agreement, one block per period, the
    /// totals, the breaches and the open incidents.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let ag = &self.agreement;
        let _ = writeln!(o, "SLA report: {}", if ag.service.is_empty() { "(unnamed service)" } else { &ag.service });
        if !ag.provider.is_empty() || !ag.customer.is_empty() {
            let _ = writeln!(o, "  provider {} → customer {}", ag.provider, ag.customer);
        }
        let _ = writeln!(
            o,
            "  target {} per period, time zone {}, partial outage counts {} %, degraded {} %",
            fmt_percent(ag.availability_target_percent),
            ag.time_zone,
            ag.partial_outage_percent,
            ag.degraded_percent
        );
        let _ = writeln!(o, "  span {} → {}, as of {}", show_instant(&self.from), show_instant(&self.to), show_instant(&self.as_of));
        let r = &self.rows;
        let _ = writeln!(
            o,
            "  incidents: {} given, {} measured, {} planned/excluded, {} before the span, {} after it, {} after as-of, {} open",
            r.given, r.measured, r.planned_or_excluded, r.before_span, r.after_span, r.after_as_of, r.open
        );
        let _ = writeln!(o);
        let revised = self.versions.len() > 1;
        for p in &self.periods {
            let version = if revised {
                format!(" — agreement version {}", p.version)
            } else {
                String::new()
            };
            let _ = writeln!(o, "{}{}{version}", p.label, if p.complete { "" } else { " (to date)" });
            write_figures(&mut o, &p.figures);
            let c = &p.credit;
            if c.amount > 0.0 || c.tier.is_some() || c.penalty_count > 0 {
                let _ = writeln!(o, "  credit: {:.2} {}", c.amount, c.currency);
                for s in &c.steps {
                    let value = match s.unit {
                        crate::credits::StepUnit::Percent => fmt_percent(s.value),
                        crate::credits::StepUnit::Money => format!("{:.2} {}", s.value, c.currency),
                        crate::credits::StepUnit::Count => format!("{}", s.value),
                    };
                    let _ = writeln!(o, "    - {}: {value}", s.what);
                }
            } else {
                let _ = writeln!(o, "  credit: none");
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(o, "Total");
        write_figures(&mut o, &self.total.figures);
        let _ = writeln!(o, "  credits: {:.2} {}", self.total.credit_amount, self.total.currency);
        if !self.breaches.is_empty() {
            let _ = writeln!(o, "\nBreaches ({}):", self.breaches.len());
            for b in self.breaches.iter().take(50) {
                let _ = writeln!(
                    o,
                    "  {} {} [{}] {}: took {} against {} (over by {}){}{}",
                    b.period,
                    b.incident_id,
                    b.priority,
                    match b.kind {
                        BreachKind::Respond => "respond",
                        BreachKind::Resolve => "resolve",
                    },
                    format_seconds(b.actual_seconds),
                    format_seconds(b.target_seconds),
                    format_seconds(b.overrun_seconds),
                    if b.open { ", still open" } else { "" },
                    if b.penalty > 0.0 { format!(", penalty {:.2}", b.penalty) } else { String::new() }
                );
            }
            if self.breaches.len() > 50 {
                let _ = writeln!(o, "  … and {} more (see the JSON or CSV report)", self.breaches.len() - 50);
            }
        }
        if !self.open_incidents.is_empty() {
            let _ = writeln!(o, "\nOpen at {} ({}):", show_instant(&self.as_of), self.open_incidents.len());
            for i in self.open_incidents.iter().take(50) {
                let line = format!("  {} {} open for {} {}", i.period, i.incident_id, format_seconds(i.open_seconds), i.title);
                let _ = writeln!(o, "{}", line.trim_end());
            }
        }
        for n in &self.notes {
            let _ = writeln!(o, "\nNote: {n}");
        }
        o
    }
}

fn write_figures(o: &mut String, f: &Figures) {
    let a = &f.availability;
    let _ = writeln!(
        o,
        "  availability {} (target {}: {}){}",
        fmt_percent(a.availability_percent),
        fmt_percent(a.target_percent),
        if a.met { "met" } else { "MISSED" },
        if a.no_service_time { " — no service time" } else { "" }
    );
    let _ = writeln!(
        o,
        "  service time {}, excluded {}, downtime {} (weighted {})",
        format_seconds(a.service_seconds),
        format_seconds(a.excluded_seconds),
        format_seconds(a.downtime_seconds),
        format_seconds(a.weighted_downtime_seconds)
    );
    let _ = writeln!(
        o,
        "  error budget {} allowed, {} left{}",
        format_seconds(a.allowed_downtime_seconds),
        format_seconds(a.budget_left_seconds),
        a.budget_left_percent.map(|p| format!(" ({p:.1} %)")).unwrap_or_default()
    );
    let i = &f.incidents;
    let _ = writeln!(o, "  incidents {} ({} failures, {} open, {} planned/excluded)", i.started, i.failures, i.open, i.planned_or_excluded);
    let k = &f.kpis;
    let stat = |name: &str, s: &Option<DurationStats>| match s {
        Some(s) => format!(
            "{name} mean {} / median {} / p90 {} (n={})",
            format_seconds(s.mean_seconds),
            format_seconds(s.median_seconds),
            format_seconds(s.p90_seconds),
            s.count
        ),
        None => format!("{name} —"),
    };
    let _ = writeln!(o, "  {}", stat("MTTA", &k.time_to_acknowledge));
    let _ = writeln!(o, "  {}", stat("MTTR (restore)", &k.time_to_restore));
    let _ = writeln!(o, "  {}", stat("time to resolve", &k.time_to_resolve));
    let _ = writeln!(o, "  MTBF {}", k.mtbf_seconds.map(format_seconds).unwrap_or_else(|| "—".to_string()));
    for c in &f.compliance.priorities {
        if c.incidents == 0 {
            continue;
        }
        let t = |t: &Option<TargetCompliance>| match t {
            Some(t) => format!(
                "{} met, {} breached, {} pending{}",
                t.met,
                t.breached,
                t.pending,
                t.percent_met.map(|p| format!(" ({p:.1} % met)")).unwrap_or_default()
            ),
            None => "no target".to_string(),
        };
        let _ = writeln!(o, "  {}: {} incidents; respond {}; resolve {}", c.priority, c.incidents, t(&c.respond), t(&c.resolve));
    }
    if f.compliance.unmatched > 0 {
        let _ = writeln!(o, "  {} incidents matched no priority level", f.compliance.unmatched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_guarded() {
        assert_eq!(csv_text("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_text("-1"), "'-1");
        assert_eq!(csv_text("@x"), "'@x");
        assert_eq!(csv_text("+1,2"), "\"'+1,2\"");
        assert_eq!(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_text("EUR"), "EUR");
    }

    #[test]
    fn instants_show_minutes_unless_seconds() {
        let t = DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z").unwrap().to_utc();
        assert_eq!(show_instant(&t), "2026-03-01 09:00 UTC");
        let t = DateTime::parse_from_rfc3339("2026-03-01T09:00:05Z").unwrap().to_utc();
        assert_eq!(show_instant(&t), "2026-03-01 09:00:05 UTC");
    }
}
