//! The periodic review as one document ([`ReviewReport`], schema `sla-review/1`): versions and
//! targets, results against each target per period, breaches, credits, trends, top
//! contributors, satisfaction, and the list of periods and targets missed.

use super::compare::{compare_terms, TermChange};
use super::contributors::{contributors, Contributors};
use super::csat::{satisfaction, CsatFigures, CsatSummary};
use super::trends::{trends, Trend};
use super::{ReviewError, REVIEW_SCHEMA};
use crate::credits::fmt_percent;
use crate::engine::{build_report, ReportRequest};
use crate::model::{format_seconds, Agreement, Clock, CreditPolicy, Incident, PriorityTarget};
use crate::report::{Breach, BreachKind, MidPeriodRevision, Report, TargetCompliance};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What the review covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOptions {
    /// Label of the one period the review is about (e.g. `2026-05`); `None`: the whole span.
    /// Trends always run over the whole span, as history for the period.
    #[serde(default)]
    pub focus: Option<String>,
    /// How many incidents to list among the top contributors.
    #[serde(default = "default_top")]
    pub top_incidents: usize,
}

fn default_top() -> usize {
    10
}

impl Default for ReviewOptions {
    fn default() -> ReviewOptions {
        ReviewOptions {
            focus: None,
            top_incidents: default_top(),
        }
    }
}

/// One agreement version as the review presents it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewVersion {
    /// 0 for the agreement's own terms, `i + 1` for `revisions[i]`.
    pub index: usize,
    /// Label.
    pub version: String,
    /// First day in force, when known.
    pub effective_date: Option<NaiveDate>,
    /// The revision's note.
    pub note: Option<String>,
    /// Periods of the review measured against it (may be empty for a version not in the span).
    pub periods: Vec<String>,
    /// Its availability target.
    pub availability_target_percent: f64,
    /// Its response and resolution targets.
    pub priorities: Vec<PriorityTarget>,
    /// Its credit policy.
    pub credits: CreditPolicy,
    /// What changed from the version before (empty for version 0).
    pub changes: Vec<TermChange>,
}

/// How one response or resolution target fared in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    /// Priority level.
    pub priority: String,
    /// Respond or resolve.
    pub kind: BreachKind,
    /// The target, seconds on its clock.
    pub target_seconds: i64,
    /// Its clock.
    pub clock: Clock,
    /// Met, breached, pending and `% met` as in the report.
    pub met: u64,
    /// Breached.
    pub breached: u64,
    /// Pending.
    pub pending: u64,
    /// `met / (met + breached) × 100`; null when both are 0.
    pub percent_met: Option<f64>,
}

/// One period of the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewPeriod {
    /// Label.
    pub period: String,
    /// Start (UTC).
    pub start: DateTime<Utc>,
    /// End (UTC, exclusive).
    pub end: DateTime<Utc>,
    /// False while the period is still running (figures to date).
    pub complete: bool,
    /// The agreement version applied.
    pub version: String,
    /// Revisions that took effect during the period (apply from the next one).
    pub revised_during: Vec<MidPeriodRevision>,
    /// Availability, percent.
    pub availability_percent: f64,
    /// The target, percent.
    pub availability_target_percent: f64,
    /// Whether the availability target was met.
    pub availability_met: bool,
    /// Service time, seconds.
    pub service_seconds: i64,
    /// Weighted downtime, seconds.
    pub weighted_downtime_seconds: i64,
    /// Error budget left, seconds (negative when overspent).
    pub budget_left_seconds: i64,
    /// Measured incidents that started in the period.
    pub incidents: u64,
    /// Mean time to acknowledge, seconds.
    pub mtta_seconds: Option<i64>,
    /// Mean time to restore, seconds.
    pub mttr_seconds: Option<i64>,
    /// Each response/resolution target.
    pub targets: Vec<TargetResult>,
    /// Breached targets.
    pub breaches: u64,
    /// Penalties before the cap.
    pub penalty_amount: f64,
    /// Credit owed.
    pub credit_amount: f64,
    /// Satisfaction, when the log has scores.
    pub satisfaction: Option<CsatFigures>,
}

/// Which target a miss is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissedKind {
    /// The availability target.
    Availability,
    /// A priority's respond target (breached at least once).
    Respond,
    /// A priority's resolve target (breached at least once).
    Resolve,
}

/// A target missed in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissedTarget {
    /// Period label.
    pub period: String,
    /// Which target.
    pub kind: MissedKind,
    /// The priority, for respond/resolve.
    pub priority: Option<String>,
    /// The target, display-ready (`99.9 %`, `4h`).
    pub target: String,
    /// What happened, display-ready (`99.43 %`, `2 breached of 5`).
    pub actual: String,
}

/// Over the periods of the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewTotal {
    /// Periods covered.
    pub periods: u64,
    /// Of which the availability target was missed.
    pub periods_missed: u64,
    /// Breached targets.
    pub breaches: u64,
    /// Credits owed (each period with its own version's table).
    pub credit_amount: f64,
    /// Penalties before caps.
    pub penalty_amount: f64,
    /// Weighted downtime, seconds.
    pub weighted_downtime_seconds: i64,
}

/// The periodic review document (`sla-review/1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewReport {
    /// [`REVIEW_SCHEMA`].
    pub schema: String,
    /// Service.
    pub service: String,
    /// Provider.
    pub provider: String,
    /// Customer.
    pub customer: String,
    /// IANA time zone.
    pub time_zone: String,
    /// The report's "now".
    pub as_of: DateTime<Utc>,
    /// Start of the report's span.
    pub from: DateTime<Utc>,
    /// End of the report's span (exclusive).
    pub to: DateTime<Utc>,
    /// The period the review is about; null for the whole span.
    pub focus: Option<String>,
    /// Currency of the latest version applied.
    pub currency: String,
    /// Every version of the agreement, with the periods measured against it.
    pub versions: Vec<ReviewVersion>,
    /// The periods reviewed.
    pub periods: Vec<ReviewPeriod>,
    /// Over them.
    pub total: ReviewTotal,
    /// Every period and target missed, in period order.
    pub missed: Vec<MissedTarget>,
    /// The breaches of the periods reviewed.
    pub breaches: Vec<Breach>,
    /// Trends over the whole span.
    pub trends: Vec<Trend>,
    /// Where the downtime, breaches and credits come from.
    pub contributors: Contributors,
    /// Satisfaction; null when no incident has a score.
    pub satisfaction: Option<CsatSummary>,
    /// The report's notes.
    pub notes: Vec<String>,
}

/// Builds the report and the review in one go.
pub fn build_review(
    agreement: &Agreement,
    incidents: &[Incident],
    request: &ReportRequest,
    options: &ReviewOptions,
) -> Result<ReviewReport, ReviewError> {
    let report = build_report(agreement, incidents, request)?;
    review_from_report(agreement, incidents, &report, options)
}

fn target_results(p: &crate::report::PeriodReport) -> Vec<TargetResult> {
    let mut out = Vec::new();
    for c in &p.figures.compliance.priorities {
        for (kind, t) in [(BreachKind::Respond, &c.respond), (BreachKind::Resolve, &c.resolve)] {
            if let Some(TargetCompliance {
                target_seconds,
                clock,
                met,
                breached,
                pending,
                percent_met,
            }) = t
            {
                out.push(TargetResult {
                    priority: c.priority.clone(),
                    kind,
                    target_seconds: *target_seconds,
                    clock: *clock,
                    met: *met,
                    breached: *breached,
                    pending: *pending,
                    percent_met: *percent_met,
                });
            }
        }
    }
    out
}

/// The review of a report already built from `agreement` and `incidents` (the UI has it
/// memoised). Errors: the focus period is not in the report.
pub fn review_from_report(
    agreement: &Agreement,
    incidents: &[Incident],
    report: &Report,
    options: &ReviewOptions,
) -> Result<ReviewReport, ReviewError> {
    let labels: Vec<String> = match &options.focus {
        Some(f) => {
            if !report.periods.iter().any(|p| &p.label == f) {
                return Err(ReviewError::UnknownPeriod {
                    period: f.clone(),
                    periods: report.periods.iter().map(|p| p.label.clone()).collect(),
                });
            }
            vec![f.clone()]
        }
        None => report.periods.iter().map(|p| p.label.clone()).collect(),
    };
    let chosen: Vec<&crate::report::PeriodReport> =
        report.periods.iter().filter(|p| labels.contains(&p.label)).collect();
    let csat_all = satisfaction(report, incidents);
    let trends = trends(report, csat_all.as_ref());
    let csat = csat_all.map(|mut s| {
        if options.focus.is_some() {
            s.periods.retain(|c| labels.contains(&c.period));
            if let Some(only) = s.periods.first() {
                s.total = only.figures.clone();
            }
        }
        s
    });
    let breaches: Vec<Breach> = report
        .breaches
        .iter()
        .filter(|b| labels.contains(&b.period))
        .cloned()
        .collect();
    let mut periods = Vec::with_capacity(chosen.len());
    let mut missed = Vec::new();
    for p in &chosen {
        let a = &p.figures.availability;
        let targets = target_results(p);
        if !a.met {
            missed.push(MissedTarget {
                period: p.label.clone(),
                kind: MissedKind::Availability,
                priority: None,
                target: fmt_percent(a.target_percent),
                actual: fmt_percent(a.availability_percent),
            });
        }
        for t in targets.iter().filter(|t| t.breached > 0) {
            missed.push(MissedTarget {
                period: p.label.clone(),
                kind: if t.kind == BreachKind::Respond {
                    MissedKind::Respond
                } else {
                    MissedKind::Resolve
                },
                priority: Some(t.priority.clone()),
                target: format_seconds(t.target_seconds),
                actual: format!("{} breached of {}", t.breached, t.met + t.breached + t.pending),
            });
        }
        periods.push(ReviewPeriod {
            period: p.label.clone(),
            start: p.start,
            end: p.end,
            complete: p.complete,
            version: p.version.clone(),
            revised_during: p.revised_during.clone(),
            availability_percent: a.availability_percent,
            availability_target_percent: a.target_percent,
            availability_met: a.met,
            service_seconds: a.service_seconds,
            weighted_downtime_seconds: a.weighted_downtime_seconds,
            budget_left_seconds: a.budget_left_seconds,
            incidents: p.figures.incidents.started,
            mtta_seconds: p.figures.kpis.time_to_acknowledge.map(|s| s.mean_seconds),
            mttr_seconds: p.figures.kpis.time_to_restore.map(|s| s.mean_seconds),
            targets,
            breaches: breaches.iter().filter(|b| b.period == p.label).count() as u64,
            penalty_amount: p.credit.penalty_amount,
            credit_amount: p.credit.amount,
            satisfaction: csat
                .as_ref()
                .and_then(|s| s.periods.iter().find(|c| c.period == p.label))
                .map(|c| c.figures.clone()),
        });
    }
    let total = ReviewTotal {
        periods: periods.len() as u64,
        periods_missed: periods.iter().filter(|p| !p.availability_met).count() as u64,
        breaches: breaches.len() as u64,
        credit_amount: periods.iter().map(|p| p.credit_amount).sum(),
        penalty_amount: periods.iter().map(|p| p.penalty_amount).sum(),
        weighted_downtime_seconds: periods.iter().map(|p| p.weighted_downtime_seconds).sum(),
    };
    let contributors = contributors(agreement, incidents, report, Some(&labels), options.top_incidents)?;
    let mut versions = Vec::new();
    let mut previous: Option<Agreement> = None;
    for info in agreement.versions() {
        let Some(terms) = agreement.version_terms(info.index) else {
            continue;
        };
        let periods = chosen
            .iter()
            .filter(|p| p.version == info.version)
            .map(|p| p.label.clone())
            .collect();
        versions.push(ReviewVersion {
            index: info.index,
            version: info.version,
            effective_date: info.effective_date,
            note: info.note,
            periods,
            availability_target_percent: terms.availability_target_percent,
            priorities: terms.priorities.clone(),
            credits: terms.credits.clone(),
            changes: previous
                .as_ref()
                .map(|prev| compare_terms(prev, &terms))
                .unwrap_or_default(),
        });
        previous = Some(terms);
    }
    Ok(ReviewReport {
        schema: REVIEW_SCHEMA.to_string(),
        service: report.agreement.service.clone(),
        provider: report.agreement.provider.clone(),
        customer: report.agreement.customer.clone(),
        time_zone: report.agreement.time_zone.clone(),
        as_of: report.as_of,
        from: report.from,
        to: report.to,
        focus: options.focus.clone(),
        currency: report.total.currency.clone(),
        versions,
        periods,
        total,
        missed,
        breaches,
        trends,
        contributors,
        satisfaction: csat,
        notes: report.notes.clone(),
    })
}
