//! The report engine: [`build_report`] turns an [`Agreement`], a slice of [`Incident`]s and a
//! [`ReportRequest`] into a [`Report`] — availability, error budget, KPIs, response/resolution
//! compliance and credits, per period and in total.
//!
//! The metric definitions are in `docs/metrics.md`. In short, for each period:
//!
//! - service time = availability hours ∩ period ∩ `[.., as_of)` − exclusions (maintenance
//!   windows, planned or excluded incidents);
//! - downtime = union of the incidents' outage spans inside service time, each instant once at
//!   the highest weight present (full 100 %, partial and degraded at the agreement's weights);
//! - availability = (service − weighted downtime) / service × 100 (100 % with no service time);
//! - KPIs and compliance belong to the period an incident *started* in.
//!
//! Cost: the agreement's calendars are laid out once per report; the incidents are read in
//! two passes and never cloned; downtime needs one sort of 2 × n packed integers.

mod breakdown;
mod downtime;
mod rescore;
mod revised;
mod stats;

pub use breakdown::{downtime_part, downtime_segments, incident_breakdown, DowntimeSegment, IncidentLine, LineStatus};
pub use rescore::{measurement_terms, rescore};
pub use stats::duration_stats;

use crate::calendar::{resolve_local, weekly_intervals, Edge, Interval, ServiceCalendar};
use crate::credits::{calculate_credit, Availability, MICRO};
use crate::model::{Agreement, Clock, ClockTarget, FieldError, Impact, Incident, MaintenanceWindow, PeriodSpec};
use crate::period::{cut_periods, period_containing, PeriodError};
use crate::report::{
    show_instant, AgreementSummary, AvailabilityFigures, Breach, BreachKind, Compliance, Figures, IncidentCounts, Kpis,
    OpenIncident, PeriodReport, PriorityCompliance, Report, RowCounts, TargetCompliance, TotalReport, REPORT_SCHEMA,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest reporting span accepted, in days (about 109 years).
pub const MAX_SPAN_DAYS: i64 = 40_000;

/// How far past the span's end a business-hours clock is followed (for incidents still open at
/// a late `as_of`), in days. Beyond it, clock time is not counted.
pub const CLOCK_HORIZON_DAYS: i64 = 3 * 366;

/// What to report on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRequest {
    /// "Now" for the report: open incidents count up to here, later events are ignored.
    pub as_of: DateTime<Utc>,
    /// Start of the span; `None`: the start of the period holding the earliest incident (or
    /// `as_of` when there are none).
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    /// End of the span (exclusive); `None`: the end of the period holding the last instant the
    /// data knows of — the latest start, acknowledgement, restore or resolve time, or `as_of`
    /// for an incident still open — but never past the period holding `as_of`. The report
    /// thus covers the periods the data covers, not empty months up to today.
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
}

impl ReportRequest {
    /// A request for the default span as of `as_of`.
    pub fn as_of(as_of: DateTime<Utc>) -> ReportRequest {
        ReportRequest { as_of, from: None, to: None }
    }
}

/// Why no report could be built. Messages are written for the person who supplied the data.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// The agreement fails validation; every problem is listed.
    #[error("the agreement has {} problem(s): {}", .0.len(), list_problems(.0))]
    InvalidAgreement(Vec<FieldError>),
    /// An incident's later time lies before its start.
    #[error("the incident {id} {event} ({}) before it starts ({})", show_instant(.at), show_instant(.start))]
    TimeBeforeStart {
        /// The incident's id.
        id: String,
        /// "ends", "is acknowledged", "is resolved".
        event: &'static str,
        /// The start.
        start: DateTime<Utc>,
        /// The offending time.
        at: DateTime<Utc>,
    },
    /// The reporting span is too long to lay out.
    #[error("the reporting span covers {days} days; at most {MAX_SPAN_DAYS} days (about 109 years) can be reported at once — choose a shorter span")]
    SpanTooLong {
        /// Days asked for.
        days: i64,
    },
    /// The span could not be cut into periods.
    #[error(transparent)]
    Period(#[from] PeriodError),
}

fn list_problems(problems: &[FieldError]) -> String {
    problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")
}

/// Checks an incident's times: acknowledged, restored and resolved may not precede the start.
fn check_incident(inc: &Incident) -> Result<(), EngineError> {
    for (event, t) in [("ends", inc.restored), ("is resolved", inc.resolved), ("is acknowledged", inc.acknowledged)] {
        if let Some(at) = t {
            if at < inc.start {
                return Err(EngineError::TimeBeforeStart { id: inc.id.clone(), event, start: inc.start, at });
            }
        }
    }
    Ok(())
}

/// Weight of each impact level in millionths (index: none, degraded, partial, full).
fn weights_micro(agreement: &Agreement) -> [i64; 4] {
    let w = |p: f64| if p.is_finite() { (p.clamp(0.0, 100.0) * 10_000.0).round() as i64 } else { 0 };
    [0, w(agreement.impact.degraded_percent), w(agreement.impact.partial_outage_percent), MICRO as i64]
}

fn ts(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// Rounds micro-units to whole units, half away from zero.
fn round_micro(x: i128) -> i64 {
    let r = if x >= 0 { (x + MICRO / 2) / MICRO } else { -((-x + MICRO / 2) / MICRO) };
    r as i64
}

/// Per-period (or total) accumulators of the incident pass.
#[derive(Default, Clone)]
struct Tally {
    counts: IncidentCounts,
    ack: Vec<i64>,
    restore: Vec<i64>,
    resolve: Vec<i64>,
    /// Start instants (Unix seconds) of the failures.
    failure_starts: Vec<i64>,
    /// Incidents per priority.
    per_priority: Vec<u64>,
    /// `[met, breached, pending]` per priority × (respond, resolve).
    targets: Vec<[u64; 3]>,
    unmatched: u64,
    penalty_count: u64,
    penalty_amount: f64,
}

impl Tally {
    fn new(priorities: usize) -> Tally {
        Tally { per_priority: vec![0; priorities], targets: vec![[0; 3]; priorities * 2], ..Tally::default() }
    }
    /// Reserves room for about `expected` samples of each duration (saves regrowth copies).
    fn with_room(priorities: usize, expected: usize) -> Tally {
        let mut t = Tally::new(priorities);
        t.ack.reserve(expected);
        t.restore.reserve(expected);
        t.resolve.reserve(expected);
        t
    }
}

/// The clocks a target can run on, laid out once.
struct Clocks {
    support: ServiceCalendar,
}

impl Clocks {
    /// Seconds from `a` to `b` on `clock`; `cum_a` is `support.cumulative(a)`, computed once
    /// per incident.
    fn elapsed(&self, clock: Clock, a: i64, cum_a: &mut Option<i64>, b: i64) -> i64 {
        match clock {
            Clock::AroundTheClock => (b - a).max(0),
            Clock::ServiceHours => {
                let base = *cum_a.get_or_insert_with(|| self.support.cumulative(a));
                (self.support.cumulative(b) - base).max(0)
            }
        }
    }
    /// When `within` seconds on `clock` have passed since `a`.
    fn due(&self, clock: Clock, a: i64, within: i64) -> Option<DateTime<Utc>> {
        match clock {
            Clock::AroundTheClock => DateTime::from_timestamp(a.checked_add(within)?, 0),
            Clock::ServiceHours => self.support.deadline_ts(a, within).and_then(|t| DateTime::from_timestamp(t, 0)),
        }
    }
}

/// The default span: see [`ReportRequest::from`] and [`ReportRequest::to`].
fn default_span(
    agreement: &Agreement,
    tz: crate::zone::Zone,
    incidents: &[Incident],
    request: &ReportRequest,
) -> Result<(DateTime<Utc>, DateTime<Utc>), EngineError> {
    if let (Some(from), Some(to)) = (request.from, request.to) {
        return Ok((from, to));
    }
    if let PeriodSpec::Custom { .. } = agreement.period {
        let p = period_containing(&agreement.period, tz, request.as_of)?;
        return Ok((request.from.unwrap_or(p.start), request.to.unwrap_or(p.end)));
    }
    let as_of = request.as_of;
    let mut earliest: Option<DateTime<Utc>> = None;
    let mut latest: Option<DateTime<Utc>> = None;
    for inc in incidents.iter().filter(|i| i.start < as_of) {
        earliest = Some(earliest.map_or(inc.start, |e| e.min(inc.start)));
        let last_known = if inc.downtime_end().is_none() {
            as_of
        } else {
            [inc.acknowledged, inc.restored, inc.resolved].into_iter().flatten().fold(inc.start, |m, t| m.max(t))
        };
        let last_known = last_known.min(as_of);
        latest = Some(latest.map_or(last_known, |l| l.max(last_known)));
    }
    let from = match request.from {
        Some(f) => f,
        None => period_containing(&agreement.period, tz, earliest.unwrap_or(as_of))?.start,
    };
    let to = match request.to {
        Some(t) => t,
        None => {
            // The last instant known, less a second so that a time exactly on a boundary stays in
            // the period it closes; never before `from`.
            let probe = latest.map_or(as_of, |l| (l - chrono::TimeDelta::seconds(1)).max(from));
            period_containing(&agreement.period, tz, probe.max(from))?.end
        }
    };
    Ok((from, to))
}

/// What every computation over a span needs, laid out once: the zone, the span, its periods,
/// the availability calendar and the maintenance exclusions.
pub(crate) struct Prepared {
    pub(crate) tz: crate::zone::Zone,
    pub(crate) from: DateTime<Utc>,
    pub(crate) to: DateTime<Utc>,
    pub(crate) periods: Vec<crate::period::Period>,
    pub(crate) as_of: i64,
    pub(crate) from_ts: i64,
    pub(crate) to_ts: i64,
    pub(crate) until: i64,
    pub(crate) available: ServiceCalendar,
    pub(crate) exclusions: Vec<Interval>,
}

/// Validates the agreement, settles the span and lays out its calendars.
pub(crate) fn prepare(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<Prepared, EngineError> {
    let problems = agreement.validate();
    if !problems.is_empty() {
        return Err(EngineError::InvalidAgreement(problems));
    }
    let tz = agreement.tz().map_err(|e| {
        EngineError::InvalidAgreement(vec![FieldError { field: crate::model::FieldPath("time_zone".into()), error: e }])
    })?;
    let (from, to) = default_span(agreement, tz, incidents, request)?;
    if to <= from {
        return Err(PeriodError::EndsBeforeStart { from, to }.into());
    }
    let days = (to - from).num_days();
    if days > MAX_SPAN_DAYS {
        return Err(EngineError::SpanTooLong { days });
    }
    let periods = cut_periods(&agreement.period, tz, from, to)?;
    let as_of = request.as_of.timestamp();
    let (from_ts, to_ts) = (from.timestamp(), to.timestamp());
    let until = to_ts.min(as_of);
    let range = Interval::new(from_ts, to_ts);

    // Calendars, laid out once.
    let available = ServiceCalendar::new(&agreement.availability_hours, tz, from, to);
    let mut exclusions: Vec<Interval> = Vec::new();
    for m in &agreement.maintenance {
        match m {
            MaintenanceWindow::OneOff { start, end, .. } => {
                if let (Some(s), Some(e)) = (resolve_local(tz, *start, Edge::Start), resolve_local(tz, *end, Edge::End)) {
                    exclusions.push(Interval::from_utc(s, e).intersect(&range));
                }
            }
            MaintenanceWindow::Weekly { days, start, end, .. } => {
                exclusions.extend(weekly_intervals(tz, &[(days.as_slice(), *start, *end)], range));
            }
        }
    }
    Ok(Prepared { tz, from, to, periods, as_of, from_ts, to_ts, until, available, exclusions })
}

/// Builds the report for `agreement` over `incidents` as requested.
///
/// An agreement with [`Agreement::revisions`] is measured, in each period, against the version
/// in force on the period's first local day (a revision taking effect later in a period applies
/// from the next period; the period lists it in `revised_during` and the report says so in a
/// note). Totals add up the periods: service time and downtime summed, availability computed
/// from the sums (each period's downtime weighted by its own version's impact weights), each
/// period's credit computed with its own version's credit table and the credits summed; the
/// total is judged against the target of the version applied to the last period.
///
/// Errors: the agreement fails [`Agreement::validate`]; an incident is acknowledged, restored
/// or resolved before it starts; the span ends before it starts, exceeds [`MAX_SPAN_DAYS`] or
/// [`crate::period::MAX_PERIODS`] periods.
///
/// ```
/// use sla_core::engine::{build_report, ReportRequest};
/// use sla_core::model::{Agreement, Incident};
/// let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
/// let mut inc = Incident::new("INC1", t("2026-04-10T10:00:00Z"));
/// inc.restored = Some(t("2026-04-10T10:43:12Z")); // 2,592 s: 0.1 % of a 30-day month
/// let report = build_report(&Agreement::default(), &[inc], &ReportRequest::as_of(t("2026-05-01T00:00:00Z"))).unwrap();
/// let april = &report.periods[0].figures.availability;
/// assert_eq!(april.service_seconds, 2_592_000);
/// assert_eq!(april.availability_percent, 99.9);
/// assert!(april.met); // exactly on target
/// ```
pub fn build_report(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<Report, EngineError> {
    if agreement.revisions.is_empty() {
        build_single(agreement, incidents, request)
    } else {
        revised::build(agreement, incidents, request)
    }
}

/// The report for one set of terms (revisions ignored): every period measured against the
/// agreement's top-level terms.
pub(crate) fn build_single(
    agreement: &Agreement,
    incidents: &[Incident],
    request: &ReportRequest,
) -> Result<Report, EngineError> {
    let Prepared { tz, from, to, periods, as_of, from_ts, to_ts, until, available, mut exclusions } =
        prepare(agreement, incidents, request)?;
    let needs_support = agreement.priorities.iter().any(|p| {
        [&p.respond, &p.resolve].into_iter().flatten().any(|t| t.clock == Clock::ServiceHours)
    });
    let clocks = Clocks {
        support: if needs_support {
            let horizon = to_ts.saturating_add(CLOCK_HORIZON_DAYS * 86_400);
            let end = ts(as_of.min(horizon).max(to_ts));
            ServiceCalendar::new(&agreement.support_hours, tz, from, end)
        } else {
            ServiceCalendar::from_intervals(Interval::new(0, 0), Vec::new())
        },
    };

    let period_starts: Vec<i64> = periods.iter().map(|p| p.start.timestamp()).collect();
    let period_ends: Vec<i64> = periods.iter().map(|p| p.end.timestamp()).collect();
    let weights = weights_micro(agreement);

    // One pass over the incidents (they are large; each pass costs memory bandwidth): check
    // the times, collect exclusions and outage events, and tally KPIs and compliance in the
    // period each incident started in.
    let mut events: Vec<u64> = Vec::with_capacity(incidents.len() * 2);
    let np = agreement.priorities.len();
    let priority_names: Vec<&str> = agreement.priorities.iter().map(|p| p.name.trim_ascii()).collect();
    let expected = incidents.len() / periods.len().max(1) + incidents.len() / (8 * periods.len().max(1));
    let mut tallies: Vec<Tally> = (0..periods.len()).map(|_| Tally::with_room(np, expected)).collect();
    let mut rows = RowCounts { given: incidents.len() as u64, ..RowCounts::default() };
    let mut breaches: Vec<Breach> = Vec::new();
    let mut open_incidents: Vec<OpenIncident> = Vec::new();
    for inc in incidents {
        check_incident(inc)?;
        if inc.planned || inc.excluded {
            let s = inc.start.timestamp().max(from_ts);
            let e = inc.downtime_end().map_or(as_of, |e| e.timestamp().min(as_of)).min(to_ts);
            if e > s {
                exclusions.push(Interval::new(s, e));
            }
        } else {
            downtime::push_events(&mut events, inc, &weights, from_ts, until, as_of);
        }
        let s = inc.start.timestamp();
        if s >= as_of {
            rows.after_as_of += 1;
            continue;
        }
        if s < from_ts {
            rows.before_span += 1;
            continue;
        }
        if s >= to_ts {
            rows.after_span += 1;
            continue;
        }
        let pi = period_starts.partition_point(|&p| p <= s).saturating_sub(1);
        let tally = &mut tallies[pi];
        if inc.planned || inc.excluded {
            rows.planned_or_excluded += 1;
            tally.counts.planned_or_excluded += 1;
            continue;
        }
        rows.measured += 1;
        tally.counts.started += 1;
        let failure = inc.impact != Impact::None;
        if failure {
            tally.counts.failures += 1;
            tally.failure_starts.push(s);
        }
        let known = |t: Option<DateTime<Utc>>| t.map(|t| t.timestamp()).filter(|&t| t <= as_of);
        let (ack, restored, resolved) = (known(inc.acknowledged), known(inc.downtime_end()), known(inc.resolved));
        if restored.is_none() {
            rows.open += 1;
            tally.counts.open += 1;
            open_incidents.push(OpenIncident {
                period: periods[pi].label.clone(),
                incident_id: inc.id.clone(),
                title: inc.title.clone(),
                start: inc.start,
                open_seconds: as_of - s,
            });
        }
        if let Some(a) = ack {
            tally.ack.push(a - s);
        }
        if let (true, Some(r)) = (failure, restored) {
            tally.restore.push(r - s);
        }
        if let Some(r) = resolved {
            tally.resolve.push(r - s);
        }
        let priority = inc.priority.as_deref().map(str::trim_ascii).and_then(|name| {
            priority_names.iter().position(|p| p.len() == name.len() && p.eq_ignore_ascii_case(name))
        });
        let Some(k) = priority else {
            tally.unmatched += 1;
            continue;
        };
        tally.per_priority[k] += 1;
        let level = &agreement.priorities[k];
        let targets: [(BreachKind, &Option<ClockTarget>, Option<i64>); 2] =
            [(BreachKind::Respond, &level.respond, ack), (BreachKind::Resolve, &level.resolve, resolved)];
        let mut cum_start = None;
        for (slot, (kind, target, done)) in targets.into_iter().enumerate() {
            let Some(target) = target else { continue };
            let within = target.within.seconds();
            let actual = clocks.elapsed(target.clock, s, &mut cum_start, done.unwrap_or(as_of));
            let cell = &mut tally.targets[k * 2 + slot];
            if actual > within {
                cell[1] += 1;
                tally.penalty_count += u64::from(target.penalty > 0.0);
                tally.penalty_amount += target.penalty;
                breaches.push(Breach {
                    period: periods[pi].label.clone(),
                    incident_id: inc.id.clone(),
                    title: inc.title.clone(),
                    priority: level.name.clone(),
                    kind,
                    clock: target.clock,
                    target_seconds: within,
                    actual_seconds: actual,
                    overrun_seconds: actual - within,
                    due: clocks.due(target.clock, s, within),
                    open: done.is_none(),
                    penalty: target.penalty,
                });
            } else if done.is_some() {
                cell[0] += 1;
            } else {
                cell[2] += 1;
            }
        }
    }

    // Downtime per period and level, inside service time (availability hours − exclusions).
    let service = available.without(&exclusions);
    let down = downtime::sweep(events, &weights, &period_ends, &service, from_ts);

    // Assemble periods and totals.
    let target = agreement.availability_target_percent;
    let mut notes = Vec::new();
    let mut period_reports = Vec::with_capacity(periods.len());
    let mut total_levels = [0i64; 4];
    let (mut total_scheduled, mut total_service) = (0i64, 0i64);
    for (i, p) in periods.iter().enumerate() {
        let (ps, pe) = (period_starts[i], period_ends[i].min(as_of));
        let scheduled = available.seconds_between_ts(ps, pe);
        let serviced = service.seconds_between_ts(ps, pe);
        for l in 0..4 {
            total_levels[l] += down[i][l];
        }
        total_scheduled += scheduled;
        total_service += serviced;
        let (avail_figures, availability) = availability_figures(scheduled, serviced, &down[i], &weights, target);
        if ps >= as_of {
            notes.push(format!("period {} has not started at {}; its figures are empty", p.label, show_instant(&request.as_of)));
        } else if avail_figures.no_service_time {
            notes.push(format!("period {} has no service time; its availability is shown as 100 %", p.label));
        }
        let tally = &mut tallies[i];
        let credit = calculate_credit(&agreement.credits, availability, tally.penalty_count, tally.penalty_amount);
        let figures = figures(agreement, avail_figures, tally);
        period_reports.push(PeriodReport {
            label: p.label.clone(),
            start: p.start,
            end: p.end,
            partial: p.partial,
            complete: period_ends[i] <= as_of,
            figures,
            credit,
            version: agreement.version.clone(),
            version_effective_date: agreement.effective_date,
            revised_during: Vec::new(),
        });
    }
    let mut total_tally = merge(&tallies, np);
    let (total_avail, _) = availability_figures(total_scheduled, total_service, &total_levels, &weights, target);
    let total = TotalReport {
        start: from,
        end: to,
        figures: figures(agreement, total_avail, &mut total_tally),
        credit_amount: period_reports.iter().map(|p| p.credit.amount).sum(),
        penalty_amount: period_reports.iter().map(|p| p.credit.penalty_amount).sum(),
        currency: agreement.credits.currency.clone(),
    };
    Ok(Report {
        schema: REPORT_SCHEMA.to_string(),
        agreement: AgreementSummary {
            service: agreement.service.clone(),
            provider: agreement.provider.clone(),
            customer: agreement.customer.clone(),
            version: agreement.version.clone(),
            time_zone: agreement.time_zone.clone(),
            period: agreement.period.clone(),
            availability_target_percent: target,
            partial_outage_percent: agreement.impact.partial_outage_percent,
            degraded_percent: agreement.impact.degraded_percent,
            fee_per_period: agreement.credits.fee_per_period,
            currency: agreement.credits.currency.clone(),
        },
        as_of: request.as_of,
        from,
        to,
        rows,
        periods: period_reports,
        total,
        breaches: breaches.into(),
        open_incidents,
        notes,
        versions: vec![crate::report::AppliedVersion {
            index: 0,
            version: agreement.version.clone(),
            effective_date: agreement.effective_date,
            periods: periods.iter().map(|p| p.label.clone()).collect(),
        }],
    })
}

/// Availability, target and error budget from integer seconds (weights in millionths):
/// `weighted = Σ seconds_L × w_L`; `availability = (service − weighted) / service`;
/// `allowed = service × (100 − target) / 100`; `left = allowed − weighted`.
fn availability_figures(
    scheduled: i64,
    service: i64,
    levels: &[i64; 4],
    weights: &[i64; 4],
    target: f64,
) -> (AvailabilityFigures, Availability) {
    let weighted: i128 = (1..4).map(|l| levels[l] as i128 * weights[l] as i128).sum();
    availability_figures_weighted(scheduled, service, levels, weighted, target)
}

/// As [`availability_figures`], with the weighted downtime (µs) already summed.
pub(crate) fn availability_figures_weighted(
    scheduled: i64,
    service: i64,
    levels: &[i64; 4],
    weighted: i128,
    target: f64,
) -> (AvailabilityFigures, Availability) {
    let availability = Availability::from_micros(service, weighted);
    let target_micro = (target.clamp(0.0, 100.0) * 1e6).round() as i128;
    // service [s] × (100 − T) / 100, in µs: service × (10⁸ − T_µ) / 100.
    let allowed = service as i128 * (100_000_000 - target_micro) / 100;
    let left = allowed - weighted;
    let figures = AvailabilityFigures {
        scheduled_seconds: scheduled,
        excluded_seconds: scheduled - service,
        service_seconds: service,
        downtime_seconds: levels[1] + levels[2] + levels[3],
        full_outage_seconds: levels[3],
        partial_outage_seconds: levels[2],
        degraded_seconds: levels[1],
        weighted_downtime_seconds: round_micro(weighted),
        availability_percent: availability.percent(),
        no_service_time: service == 0,
        target_percent: target,
        met: !availability.is_below(target),
        allowed_downtime_seconds: round_micro(allowed),
        budget_left_seconds: round_micro(left),
        budget_left_percent: (allowed > 0).then(|| left as f64 / allowed as f64 * 100.0),
    };
    (figures, availability)
}

fn merge(tallies: &[Tally], np: usize) -> Tally {
    let mut t = Tally::new(np);
    let total = |f: fn(&Tally) -> usize| tallies.iter().map(f).sum::<usize>();
    t.ack.reserve_exact(total(|x| x.ack.len()));
    t.restore.reserve_exact(total(|x| x.restore.len()));
    t.resolve.reserve_exact(total(|x| x.resolve.len()));
    t.failure_starts.reserve_exact(total(|x| x.failure_starts.len()));
    for x in tallies {
        t.counts.started += x.counts.started;
        t.counts.failures += x.counts.failures;
        t.counts.planned_or_excluded += x.counts.planned_or_excluded;
        t.counts.open += x.counts.open;
        t.ack.extend_from_slice(&x.ack);
        t.restore.extend_from_slice(&x.restore);
        t.resolve.extend_from_slice(&x.resolve);
        t.failure_starts.extend_from_slice(&x.failure_starts);
        for (a, b) in t.per_priority.iter_mut().zip(&x.per_priority) {
            *a += b;
        }
        for (a, b) in t.targets.iter_mut().zip(&x.targets) {
            for j in 0..3 {
                a[j] += b[j];
            }
        }
        t.unmatched += x.unmatched;
        t.penalty_count += x.penalty_count;
        t.penalty_amount += x.penalty_amount;
    }
    t
}

/// Mean, median and p90 of the gaps between consecutive instants (sorted here; logs are
/// usually in order already, which is checked first). `None` with fewer than two instants.
fn gaps_between(starts: &mut Vec<i64>) -> Option<crate::report::DurationStats> {
    if starts.len() < 2 {
        return None;
    }
    if !starts.windows(2).all(|w| w[0] <= w[1]) {
        let min = starts.iter().copied().min().unwrap_or(0);
        let mut keys: Vec<u64> = starts.iter().map(|&s| (s - min) as u64).collect();
        downtime::radix_sort(&mut keys);
        *starts = keys.into_iter().map(|k| k as i64 + min).collect();
    }
    let mut gaps: Vec<i64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
    duration_stats(&mut gaps)
}

fn figures(agreement: &Agreement, availability: AvailabilityFigures, tally: &mut Tally) -> Figures {
    let failures = tally.counts.failures;
    let mtbf_seconds = (failures > 0).then(|| {
        let s = availability.service_seconds as i128;
        let f = failures as i128;
        ((2 * s + f) / (2 * f)) as i64
    });
    let kpis = Kpis {
        time_to_acknowledge: duration_stats(&mut tally.ack),
        time_to_restore: duration_stats(&mut tally.restore),
        time_to_resolve: duration_stats(&mut tally.resolve),
        mtbf_seconds,
        time_between_failures: gaps_between(&mut tally.failure_starts),
    };
    let compliance = Compliance {
        priorities: agreement
            .priorities
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let tc = |slot: usize, t: &Option<ClockTarget>| {
                    t.as_ref().map(|t| {
                        let [met, breached, pending] = tally.targets[k * 2 + slot];
                        TargetCompliance {
                            target_seconds: t.within.seconds(),
                            clock: t.clock,
                            met,
                            breached,
                            pending,
                            percent_met: (met + breached > 0).then(|| met as f64 / (met + breached) as f64 * 100.0),
                        }
                    })
                };
                PriorityCompliance {
                    priority: p.name.clone(),
                    incidents: tally.per_priority[k],
                    respond: tc(0, &p.respond),
                    resolve: tc(1, &p.resolve),
                }
            })
            .collect(),
        unmatched: tally.unmatched,
    };
    Figures { availability, incidents: tally.counts.clone(), kpis, compliance }
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;
    use crate::model::{Span, TimeOfDay};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn incident(id: &str, start: &str, end: Option<&str>) -> Incident {
        let mut i = Incident::new(id, t(start));
        i.restored = end.map(t);
        i.resolved = end.map(t);
        i
    }

    #[test]
    fn time_between_failures_uses_the_gaps_between_starts_in_time_order() {
        // Failures start at 04:00, 00:00 and 01:00 (given out of order): gaps 1 h and 3 h.
        let incidents = [
            incident("C", "2026-04-10T04:00:00Z", Some("2026-04-10T04:10:00Z")),
            incident("A", "2026-04-10T00:00:00Z", Some("2026-04-10T00:10:00Z")),
            incident("B", "2026-04-10T01:00:00Z", Some("2026-04-10T01:10:00Z")),
        ];
        let r = build_report(&Agreement::default(), &incidents, &ReportRequest::as_of(t("2026-05-01T00:00:00Z"))).unwrap();
        let tbf = r.periods[0].figures.kpis.time_between_failures.unwrap();
        assert_eq!((tbf.count, tbf.mean_seconds, tbf.median_seconds, tbf.p90_seconds), (2, 7200, 3600, 10800));
        // MTBF divides the month's service time by the failures: 2,592,000 / 3.
        assert_eq!(r.periods[0].figures.kpis.mtbf_seconds, Some(864_000));
        let one = build_report(&Agreement::default(), &incidents[..1], &ReportRequest::as_of(t("2026-05-01T00:00:00Z"))).unwrap();
        assert_eq!(one.periods[0].figures.kpis.time_between_failures, None);
    }

    #[test]
    fn bad_incident_times_are_reported_in_words() {
        let mut i = Incident::new("INC7", t("2026-03-02T10:00:00Z"));
        i.restored = Some(t("2026-03-01T09:00:00Z"));
        let e = build_report(&Agreement::default(), &[i], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap_err();
        assert_eq!(e.to_string(), "the incident INC7 ends (2026-03-01 09:00 UTC) before it starts (2026-03-02 10:00 UTC)");
    }

    #[test]
    fn invalid_agreement_lists_problems() {
        let mut a = Agreement::default();
        a.time_zone = "Nowhere/City".into();
        let e = build_report(&a, &[], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap_err();
        assert!(e.to_string().contains("time_zone"), "{e}");
    }

    #[test]
    fn default_span_follows_the_data() {
        let a = Agreement::default();
        let incs = [incident("A", "2026-01-15T00:00:00Z", Some("2026-01-15T01:00:00Z")),
            incident("B", "2026-03-10T00:00:00Z", Some("2026-04-01T00:00:00Z"))];
        let r = build_report(&a, &incs, &ReportRequest::as_of(t("2026-09-01T00:00:00Z"))).unwrap();
        let labels: Vec<_> = r.periods.iter().map(|p| p.label.as_str()).collect();
        // B ends exactly at 1 April 00:00: March is the last period.
        assert_eq!(labels, ["2026-01", "2026-02", "2026-03"]);
        // No incidents: the period holding as_of.
        let r = build_report(&a, &[], &ReportRequest::as_of(t("2026-09-10T00:00:00Z"))).unwrap();
        assert_eq!(r.periods.len(), 1);
        assert_eq!(r.periods[0].label, "2026-09");
        assert!(!r.periods[0].complete);
        // 9 days to date.
        assert_eq!(r.periods[0].figures.availability.service_seconds, 9 * 86_400);
    }

    #[test]
    fn open_incident_counts_to_as_of_and_pending_vs_breached() {
        let a = Agreement::default(); // P1: respond 15 min, resolve 4 h, 24x7
        let mut i = Incident::new("OPEN1", t("2026-03-31T22:00:00Z"));
        i.priority = Some("p1".into());
        i.acknowledged = Some(t("2026-03-31T22:10:00Z"));
        let req = ReportRequest { as_of: t("2026-03-31T23:00:00Z"), from: None, to: None };
        let r = build_report(&a, &[i.clone()], &req).unwrap();
        let p = &r.periods[0];
        assert_eq!(p.figures.availability.downtime_seconds, 3600);
        assert_eq!(r.open_incidents.len(), 1);
        let c = &p.figures.compliance.priorities[0];
        assert_eq!(c.respond.as_ref().unwrap().met, 1);
        assert_eq!(c.resolve.as_ref().unwrap().pending, 1);
        assert!(r.breaches.is_empty());
        // Five hours later it is past its 4 h resolve target.
        let req = ReportRequest { as_of: t("2026-04-01T03:00:00Z"), from: None, to: None };
        let r = build_report(&a, &[i], &req).unwrap();
        assert_eq!(r.breaches.len(), 1);
        let b = &r.breaches[0];
        assert_eq!((b.kind, b.actual_seconds, b.overrun_seconds, b.open), (BreachKind::Resolve, 5 * 3600, 3600, true));
        assert_eq!(b.due, Some(t("2026-04-01T02:00:00Z")));
        // The downtime is split: 2 h in March, 3 h in April (to date).
        assert_eq!(r.periods[0].figures.availability.downtime_seconds, 2 * 3600);
        assert_eq!(r.periods[1].figures.availability.downtime_seconds, 3 * 3600);
    }

    #[test]
    fn unmatched_priorities_are_counted() {
        let a = Agreement::default();
        let mut i = incident("X", "2026-03-01T10:00:00Z", Some("2026-03-01T10:05:00Z"));
        i.priority = Some("Sev9".into());
        let j = incident("Y", "2026-03-01T11:00:00Z", Some("2026-03-01T11:05:00Z"));
        let r = build_report(&a, &[i, j], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
        assert_eq!(r.total.figures.compliance.unmatched, 2);
    }

    #[test]
    fn service_hour_clock_and_json_is_finite() {
        let mut a = Agreement::default();
        a.support_hours = crate::model::Schedule::weekdays(TimeOfDay::hm(9, 0).unwrap(), TimeOfDay::hm(17, 0).unwrap());
        a.priorities[2].resolve = Some(ClockTarget { within: Span::from_hours(8), clock: Clock::ServiceHours, penalty: 100.0 });
        // P3 opened Friday 2026-03-06 15:00 UTC, resolved Tuesday 10:00: 2 h Fri + 8 h Mon + 1 h Tue = 11 h.
        let mut i = incident("P3-1", "2026-03-06T15:00:00Z", Some("2026-03-10T10:00:00Z"));
        i.priority = Some("P3".into());
        i.impact = Impact::None;
        let r = build_report(&a, &[i], &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
        // (The respond target, never acknowledged, is breached too.)
        let b = r.breaches.iter().find(|b| b.kind == BreachKind::Resolve).unwrap();
        assert_eq!((b.actual_seconds, b.overrun_seconds, b.penalty), (11 * 3600, 3 * 3600, 100.0));
        assert_eq!(b.due, Some(t("2026-03-09T15:00:00Z")));
        assert_eq!(r.periods[0].credit.amount, 100.0);
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("NaN") && !json.contains("inf"));
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}
