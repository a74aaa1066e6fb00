//! Why a number is what it is: what each incident counted after clipping to the span, the
//! service hours and exclusions, the merging of overlaps and its impact weight.
//!
//! Overlapping outages count once. Each instant of merged downtime is attributed to one
//! incident: the one of the dominant impact level (highest weight) present then, and among
//! those the one that started first (then the earlier in the list). So the incidents' weighted
//! seconds add up to the report's weighted downtime.

use super::{check_incident, downtime::level, prepare, weights_micro, EngineError, ReportRequest};
use crate::model::{Agreement, Incident};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How an incident enters the availability figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    /// Its downtime is counted (possibly zero after clipping and overlaps).
    Counted,
    /// Planned work: excluded, its time removed from service time.
    Planned,
    /// Excluded by agreement: its time removed from service time.
    Excluded,
    /// Its impact (or the impact's weight) counts nothing.
    NoWeight,
    /// It lies wholly outside the reporting span or after "as of".
    OutsideSpan,
}

/// What one incident counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentLine {
    /// Position in the incident list given.
    pub index: usize,
    /// Label of the period it started in, when inside the span.
    pub period: Option<String>,
    /// How it enters the figures.
    pub status: LineStatus,
    /// Still open at "as of" (counted up to it).
    pub open: bool,
    /// Outage seconds inside the span and before "as of": `[start, restored ?? resolved ?? as_of)`.
    pub outage_seconds: i64,
    /// Of those, seconds inside service time (availability hours minus maintenance and
    /// excluded incidents).
    pub in_service_seconds: i64,
    /// Seconds of merged downtime attributed to this incident (see the module doc).
    pub counted_seconds: i64,
    /// Its impact weight, percent.
    pub weight_percent: f64,
    /// `counted_seconds × weight`.
    pub weighted_seconds: f64,
}

/// A stretch of merged downtime at one impact weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DowntimeSegment {
    /// Start of the stretch.
    pub start: chrono::DateTime<chrono::Utc>,
    /// End of the stretch (exclusive).
    pub end: chrono::DateTime<chrono::Utc>,
    /// Seconds of it inside service time.
    pub service_seconds: i64,
    /// The dominant impact weight over it, percent.
    pub weight_percent: f64,
}

impl DowntimeSegment {
    /// `service_seconds × weight`: what the stretch takes from the error budget.
    pub fn weighted_seconds(&self) -> f64 {
        self.service_seconds as f64 * self.weight_percent / 100.0
    }
}

/// The agreement with only what decides downtime kept (zone, period, availability hours,
/// maintenance, impact weights); targets, clocks, credits and names are reset to defaults.
/// Two agreements with equal downtime parts give the same [`downtime_segments`], so a UI can
/// use this as a cache key and skip recomputing the timeline when only a target changes.
pub fn downtime_part(agreement: &Agreement) -> Agreement {
    Agreement {
        time_zone: agreement.time_zone.clone(),
        period: agreement.period.clone(),
        availability_hours: agreement.availability_hours.clone(),
        maintenance: agreement.maintenance.clone(),
        impact: agreement.impact.clone(),
        ..Agreement::default()
    }
}

/// What each incident counted, in list order. Same inputs and errors as
/// [`super::build_report`]. With revisions, each run of periods under one version is measured
/// with that version's terms (as the report does) and an incident's seconds are summed over
/// the runs.
pub fn incident_breakdown(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<Vec<IncidentLine>, EngineError> {
    let mut merged: Option<Vec<IncidentLine>> = None;
    for (terms, segment) in version_runs(agreement, incidents, request)? {
        let (lines, _) = attribute(&terms, incidents, &segment)?;
        merged = Some(match merged {
            None => lines,
            Some(so_far) => so_far.into_iter().zip(lines).map(|(a, b)| merge_lines(a, b)).collect(),
        });
    }
    Ok(merged.unwrap_or_default())
}

/// The merged downtime timeline in time order: each stretch at its dominant weight, only where
/// it falls in service time. Its weighted seconds add up to the report's downtime; summed
/// over time within a period it gives the error-budget burn-down. With revisions, each run of
/// periods under one version uses that version's terms.
pub fn downtime_segments(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<Vec<DowntimeSegment>, EngineError> {
    let mut all = Vec::new();
    for (terms, segment) in version_runs(agreement, incidents, request)? {
        all.extend(attribute(&terms, incidents, &segment)?.1);
    }
    Ok(all)
}

/// The runs of consecutive periods measured under one version (the version in force on each
/// period's first local day, as in the report), each with that version's terms and the request
/// narrowed to the run. One run with the request as given when there are no revisions.
fn version_runs(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<Vec<(Agreement, ReportRequest)>, EngineError> {
    if agreement.revisions.is_empty() {
        return Ok(vec![(agreement.clone(), request.clone())]);
    }
    let prep = prepare(agreement, incidents, request)?;
    let mut runs: Vec<(usize, ReportRequest)> = Vec::new();
    for p in &prep.periods {
        let v = agreement.version_index_on(crate::calendar::local_date(prep.tz, p.start));
        match runs.last_mut() {
            Some((last, r)) if *last == v => r.to = Some(p.end),
            _ => runs.push((v, ReportRequest { as_of: request.as_of, from: Some(p.start), to: Some(p.end) })),
        }
    }
    Ok(runs
        .into_iter()
        .filter_map(|(v, r)| agreement.version_terms(v).map(|terms| (terms, r)))
        .collect())
}

/// One incident's line over two runs: seconds added up; counted in either run counts.
fn merge_lines(a: IncidentLine, b: IncidentLine) -> IncidentLine {
    let rank = |s: LineStatus| match s {
        LineStatus::Counted => 3,
        LineStatus::Planned | LineStatus::Excluded | LineStatus::NoWeight => 2,
        LineStatus::OutsideSpan => 1,
    };
    let counted_seconds = a.counted_seconds + b.counted_seconds;
    let weighted_seconds = a.weighted_seconds + b.weighted_seconds;
    let first = if a.status != LineStatus::OutsideSpan { &a } else { &b };
    IncidentLine {
        index: a.index,
        period: a.period.clone().or_else(|| b.period.clone()),
        status: if rank(b.status) > rank(a.status) { b.status } else { a.status },
        open: a.open || b.open,
        outage_seconds: a.outage_seconds + b.outage_seconds,
        in_service_seconds: a.in_service_seconds + b.in_service_seconds,
        counted_seconds,
        // Versions may weigh the same impact differently: the effective weight over both.
        weight_percent: if counted_seconds > 0 { weighted_seconds / counted_seconds as f64 * 100.0 } else { first.weight_percent },
        weighted_seconds,
    }
}

fn attribute(agreement: &Agreement, incidents: &[Incident], request: &ReportRequest) -> Result<(Vec<IncidentLine>, Vec<DowntimeSegment>), EngineError> {
    let prep = prepare(agreement, incidents, request)?;
    let weights = weights_micro(agreement);
    let (from, until, as_of) = (prep.from_ts, prep.until, prep.as_of);
    let mut exclusions = prep.exclusions.clone();
    let span = |inc: &Incident| {
        let s = inc.start.timestamp().max(from);
        let e = inc.downtime_end().map_or(as_of, |e| e.timestamp().min(as_of)).min(until);
        (s, e)
    };
    for inc in incidents {
        check_incident(inc)?;
        if inc.planned || inc.excluded {
            let s = inc.start.timestamp().max(from);
            let e = inc.downtime_end().map_or(as_of, |e| e.timestamp().min(as_of)).min(prep.to_ts);
            if e > s {
                exclusions.push(crate::calendar::Interval::new(s, e));
            }
        }
    }
    let service = prep.available.without(&exclusions);
    let period_starts: Vec<i64> = prep.periods.iter().map(|p| p.start.timestamp()).collect();

    let mut lines = Vec::with_capacity(incidents.len());
    // Events: (time, 0 = end / 1 = start, incident index). Ends sort before starts at a time.
    let mut events: Vec<(i64, u8, usize)> = Vec::new();
    for (index, inc) in incidents.iter().enumerate() {
        let (s, e) = span(inc);
        let lvl = level(inc.impact);
        let start = inc.start.timestamp();
        let inside = start < prep.to_ts && start < as_of && e > s;
        let status = if inc.planned {
            LineStatus::Planned
        } else if inc.excluded {
            LineStatus::Excluded
        } else if !inside && !(start < from && e > s) {
            LineStatus::OutsideSpan
        } else if lvl == 0 || weights[lvl] <= 0 {
            LineStatus::NoWeight
        } else {
            LineStatus::Counted
        };
        let period = (start >= from && start < prep.to_ts)
            .then(|| period_starts.partition_point(|&p| p <= start).saturating_sub(1))
            .and_then(|i| prep.periods.get(i))
            .map(|p| p.label.clone());
        let outage = (e - s).max(0);
        let known_end = inc.downtime_end().filter(|t| t.timestamp() <= as_of);
        lines.push(IncidentLine {
            index,
            period,
            status,
            open: known_end.is_none() && start < as_of,
            outage_seconds: outage,
            in_service_seconds: if outage > 0 { service.seconds_between_ts(s, e) } else { 0 },
            counted_seconds: 0,
            weight_percent: weights[lvl] as f64 / 10_000.0,
            weighted_seconds: 0.0,
        });
        if status == LineStatus::Counted && e > s {
            events.push((s, 1, index));
            events.push((e, 0, index));
        }
    }
    events.sort_unstable();

    // Levels by weight, highest first; a tie goes to the more severe level (as the report).
    let mut order = [3usize, 2, 1];
    crate::sort::sort_positions(&mut order, &|a, b| weights[b].cmp(&weights[a]).then(b.cmp(&a)));
    let mut active: [BTreeSet<(i64, usize)>; 4] = Default::default();
    let mut segments: Vec<DowntimeSegment> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let t = events[i].0;
        while i < events.len() && events[i].0 == t {
            let (_, kind, idx) = events[i];
            let key = (incidents[idx].start.timestamp(), idx);
            let set = &mut active[level(incidents[idx].impact)];
            if kind == 1 {
                set.insert(key);
            } else {
                set.remove(&key);
            }
            i += 1;
        }
        let Some(&(next, _, _)) = events.get(i) else { break };
        let owner = order.iter().find_map(|&l| active[l].iter().next().map(|&(_, idx)| idx));
        if let Some(idx) = owner {
            let secs = service.seconds_between_ts(t, next);
            lines[idx].counted_seconds += secs;
            if secs > 0 {
                let weight = lines[idx].weight_percent;
                match segments.last_mut() {
                    Some(last) if last.end.timestamp() == t && last.weight_percent == weight => {
                        last.end = super::ts(next);
                        last.service_seconds += secs;
                    }
                    _ => segments.push(DowntimeSegment { start: super::ts(t), end: super::ts(next), service_seconds: secs, weight_percent: weight }),
                }
            }
        }
    }
    for line in &mut lines {
        line.weighted_seconds = line.counted_seconds as f64 * line.weight_percent / 100.0;
    }
    Ok((lines, segments))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::build_report;
    use crate::model::Impact;
    use crate::sample;
    use chrono::{DateTime, Utc};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    /// The sample's incidents and request, and the breakdown of `a` over them, checked to have
    /// a line per incident whose weighted seconds (returned) add up, to the second, to the
    /// report's.
    fn lines_adding_up_to_the_report(a: &Agreement) -> (Vec<Incident>, ReportRequest, Vec<IncidentLine>, f64) {
        let incidents = sample::sample_incidents();
        let request = ReportRequest::as_of(sample::sample_as_of());
        let report = build_report(a, &incidents, &request).unwrap();
        let lines = incident_breakdown(a, &incidents, &request).unwrap();
        assert_eq!(lines.len(), incidents.len());
        let total: f64 = lines.iter().map(|l| l.weighted_seconds).sum();
        let expected = report.total.figures.availability.weighted_downtime_seconds as f64;
        assert!((total - expected).abs() <= 1.0, "{total} vs {expected}");
        (incidents, request, lines, total)
    }

    #[test]
    fn weighted_seconds_add_up_to_the_reports_downtime() {
        let a = sample::sample_agreement();
        let (incidents, request, lines, total) = lines_adding_up_to_the_report(&a);
        assert!(lines.iter().any(|l| l.status == LineStatus::Planned));
        assert!(lines.iter().any(|l| l.open));
        let segments = downtime_segments(&a, &incidents, &request).unwrap();
        // The downtime part is a cache key: equal for one set of terms.
        let v0 = a.version_terms(0).unwrap();
        assert_eq!(
            downtime_segments(&downtime_part(&v0), &incidents, &request).unwrap(),
            downtime_segments(&v0, &incidents, &request).unwrap()
        );
        let weighted: f64 = segments.iter().map(DowntimeSegment::weighted_seconds).sum();
        assert!((weighted - total).abs() < 1e-6, "segments {weighted} vs lines {total}");
        assert!(segments.windows(2).all(|w| w[0].end <= w[1].start), "in time order, not overlapping");
    }

    #[test]
    fn with_revisions_each_run_of_periods_uses_its_versions_terms() {
        // From April the partial-outage weight doubles and maintenance is added: the lines
        // must still add up to the report, which measures each period under its version.
        let mut a = sample::sample_agreement();
        let mut r = crate::model::Revision::new("9.0", chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
        let mut impact = a.impact.clone();
        impact.partial_outage_percent = 60.0;
        r.impact = Some(impact);
        r.availability_hours = Some(crate::model::Schedule::weekdays(
            crate::model::TimeOfDay::hm(8, 0).unwrap(),
            crate::model::TimeOfDay::hm(18, 0).unwrap(),
        ));
        a.revisions.push(r);
        let (incidents, request, _, total) = lines_adding_up_to_the_report(&a);
        // And it differs from measuring everything under the first version.
        let first = incident_breakdown(&a.version_terms(0).unwrap(), &incidents, &request).unwrap();
        let first_total: f64 = first.iter().map(|l| l.weighted_seconds).sum();
        assert!((first_total - total).abs() > 60.0, "{first_total} vs {total}");
        let segments = downtime_segments(&a, &incidents, &request).unwrap();
        let weighted: f64 = segments.iter().map(DowntimeSegment::weighted_seconds).sum();
        assert!((weighted - total).abs() < 1e-6, "segments {weighted} vs lines {total}");
        assert!(segments.windows(2).all(|w| w[0].end <= w[1].start), "in time order, not overlapping");
    }

    #[test]
    fn overlaps_go_to_the_heavier_incident_then_the_earlier() {
        // 10:00–12:00 partial (30 %), 11:00–11:30 full, 11:15–13:00 full.
        let mut p = Incident::new("P", t("2026-04-10T10:00:00Z"));
        p.impact = Impact::PartialOutage;
        p.restored = Some(t("2026-04-10T12:00:00Z"));
        let mut f1 = Incident::new("F1", t("2026-04-10T11:00:00Z"));
        f1.restored = Some(t("2026-04-10T11:30:00Z"));
        let mut f2 = Incident::new("F2", t("2026-04-10T11:15:00Z"));
        f2.restored = Some(t("2026-04-10T13:00:00Z"));
        let lines = incident_breakdown(&Agreement::default(), &[p, f1, f2], &ReportRequest::as_of(t("2026-05-01T00:00:00Z"))).unwrap();
        // P owns 10:00–11:00 only; F1 owns 11:00–11:30 (earlier start); F2 owns 11:30–13:00.
        assert_eq!(lines[0].counted_seconds, 3600);
        assert_eq!(lines[0].weighted_seconds, 1080.0);
        assert_eq!(lines[1].counted_seconds, 1800);
        assert_eq!(lines[2].counted_seconds, 5400);
        assert_eq!(lines[2].outage_seconds, 6300);
    }
}
