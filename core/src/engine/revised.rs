//! Reports over an agreement with revisions: each period measured against the version in force
//! on its first local day, the totals added up over the periods.
//!
//! How: the span and its periods do not depend on the terms (the time zone and the period spec
//! are shared by every version), so they are settled first. One run over the whole span, with
//! the terms of the version that applies to the most periods, gives the row counts, the open
//! incidents and the span's incident KPIs (wall-clock durations, which no term changes), and
//! already measures that version's periods. Each other run of consecutive periods under one
//! version is then reported with that version's terms over exactly those periods. Incidents
//! that start in an earlier run still count their downtime inside a later one, as for any span.
//! (A log that lies wholly under one version costs one run, as an agreement without revisions.)

use super::{availability_figures_weighted, build_single, default_span, weights_micro, EngineError, ReportRequest, MAX_SPAN_DAYS};
use crate::period::cut_periods;
use crate::calendar::local_date;
use crate::model::{Agreement, FieldError, FieldPath};
use crate::report::{
    AgreementSummary, AppliedVersion, Compliance, Figures, MidPeriodRevision, PriorityCompliance, Report,
    TargetCompliance, TotalReport,
};
use chrono::TimeDelta;

/// The report for an agreement with revisions (see [`super::build_report`]).
pub(crate) fn build(
    agreement: &Agreement,
    incidents: &[crate::model::Incident],
    request: &ReportRequest,
) -> Result<Report, EngineError> {
    let problems = agreement.validate();
    if !problems.is_empty() {
        return Err(EngineError::InvalidAgreement(problems));
    }
    let tz = agreement.tz().map_err(|e| {
        EngineError::InvalidAgreement(vec![FieldError {
            field: FieldPath("time_zone".into()),
            error: e,
        }])
    })?;
    let versions: Vec<Agreement> = (0..agreement.version_count())
        .filter_map(|i| agreement.version_terms(i))
        .collect();
    let Some(latest) = versions.last() else {
        return build_single(agreement, incidents, request);
    };
    // The span and its periods, as any version's run would settle them.
    let (from, to) = default_span(latest, tz, incidents, request)?;
    // (A span the run will refuse is left to it, so that the error is the one it gives.)
    let outline = if to > from && (to - from).num_days() <= MAX_SPAN_DAYS {
        cut_periods(&latest.period, tz, from, to)?
    } else {
        Vec::new()
    };
    let version_on = |start| agreement.version_index_on(local_date(tz, start)).min(versions.len() - 1);
    let mut periods_of = vec![0usize; versions.len()];
    for p in &outline {
        periods_of[version_on(p.start)] += 1;
    }
    // The version with the most periods (the latest on a tie) measures the whole span.
    let span_version = (0..versions.len()).rev().max_by_key(|&v| (periods_of[v], v == versions.len() - 1)).unwrap_or(0);
    let span = ReportRequest { as_of: request.as_of, from: Some(from), to: Some(to) };
    let mut full = build_single(&versions[span_version], incidents, &span)?;
    let n = full.periods.len();
    let first_day = |p: &crate::report::PeriodReport| local_date(tz, p.start);
    let last_day = |p: &crate::report::PeriodReport| local_date(tz, p.end - TimeDelta::seconds(1));
    let chosen: Vec<usize> = full.periods.iter().map(|p| version_on(p.start)).collect();

    let mut periods = Vec::with_capacity(n);
    let mut breaches = Vec::new();
    let mut notes = Vec::new();
    let mut applied: Vec<AppliedVersion> = Vec::new();
    let mut compliances: Vec<Compliance> = Vec::new();
    let mut i = 0;
    while i < n {
        let v = chosen[i];
        let mut j = i;
        while j + 1 < n && chosen[j + 1] == v {
            j += 1;
        }
        let terms = &versions[v];
        let part = if v == span_version {
            // The span run already measured these periods with the same terms (a period's
            // figures depend only on its own time), so take them.
            span_part(&mut full, i, j)
        } else {
            let segment = ReportRequest {
                as_of: request.as_of,
                from: Some(full.periods[i].start),
                to: Some(full.periods[j].end),
            };
            build_single(terms, incidents, &segment)?
        };
        applied.push(AppliedVersion {
            index: v,
            version: terms.version.clone(),
            effective_date: terms.effective_date,
            periods: full.periods[i..=j].iter().map(|p| p.label.clone()).collect(),
        });
        for (mut p, outline) in part.periods.into_iter().zip(&full.periods[i..=j]) {
            p.partial = outline.partial;
            let (first, last) = (first_day(&p), last_day(&p));
            p.revised_during = agreement
                .revisions
                .iter()
                .filter(|r| r.effective_date > first && r.effective_date <= last)
                .map(|r| MidPeriodRevision {
                    version: r.version.clone(),
                    effective_date: r.effective_date,
                })
                .collect();
            for r in &p.revised_during {
                notes.push(format!(
                    "agreement version {} took effect on {} during period {}; the period is measured against version {}, in force on its first day, and {} applies from the next period",
                    r.version, r.effective_date, p.label, terms.version, r.version
                ));
            }
            periods.push(p);
        }
        let part_breaches = std::sync::Arc::unwrap_or_clone(part.breaches);
        if breaches.is_empty() {
            breaches = part_breaches;
        } else {
            breaches.extend(part_breaches);
        }
        notes.extend(part.notes);
        compliances.push(part.total.figures.compliance);
        i = j + 1;
    }
    let summary_of_versions: Vec<String> = applied
        .iter()
        .map(|a| format!("{} for {}", a.version, period_range(&a.periods)))
        .collect();
    notes.insert(
        0,
        format!(
            "each period is measured against the agreement version in force on its first day: {}",
            summary_of_versions.join(", ")
        ),
    );

    // Totals: sums over the periods, each weighted by its own version's impact weights.
    let last_terms = &versions[chosen.last().copied().unwrap_or(0)];
    let (mut scheduled, mut service) = (0i64, 0i64);
    let mut levels = [0i64; 4];
    let mut weighted: i128 = 0;
    for (p, &v) in periods.iter().zip(&chosen) {
        let a = &p.figures.availability;
        let w = weights_micro(&versions[v]);
        let l = [0, a.degraded_seconds, a.partial_outage_seconds, a.full_outage_seconds];
        scheduled += a.scheduled_seconds;
        service += a.service_seconds;
        for k in 1..4 {
            levels[k] += l[k];
            weighted += l[k] as i128 * w[k] as i128;
        }
    }
    let (availability, _) = availability_figures_weighted(
        scheduled,
        service,
        &levels,
        weighted,
        last_terms.availability_target_percent,
    );
    let mut kpis = full.total.figures.kpis.clone();
    let failures = full.total.figures.incidents.failures;
    kpis.mtbf_seconds = (failures > 0).then(|| {
        let (s, f) = (availability.service_seconds as i128, failures as i128);
        ((2 * s + f) / (2 * f)) as i64
    });
    let total = TotalReport {
        start: full.total.start,
        end: full.total.end,
        figures: Figures {
            availability,
            incidents: full.total.figures.incidents.clone(),
            kpis,
            compliance: merge_compliance(&compliances),
        },
        credit_amount: periods.iter().map(|p| p.credit.amount).sum(),
        penalty_amount: periods.iter().map(|p| p.credit.penalty_amount).sum(),
        currency: last_terms.credits.currency.clone(),
    };
    Ok(Report {
        schema: full.schema,
        agreement: AgreementSummary {
            service: last_terms.service.clone(),
            provider: last_terms.provider.clone(),
            customer: last_terms.customer.clone(),
            version: last_terms.version.clone(),
            time_zone: last_terms.time_zone.clone(),
            period: last_terms.period.clone(),
            availability_target_percent: last_terms.availability_target_percent,
            partial_outage_percent: last_terms.impact.partial_outage_percent,
            degraded_percent: last_terms.impact.degraded_percent,
            fee_per_period: last_terms.credits.fee_per_period,
            currency: last_terms.credits.currency.clone(),
        },
        as_of: full.as_of,
        from: full.from,
        to: full.to,
        rows: full.rows,
        periods,
        total,
        breaches: breaches.into(),
        open_incidents: full.open_incidents,
        notes,
        versions: applied,
    })
}

/// Periods `i..=j` of the span run as the report of that run alone: its periods, the breaches
/// and notes of those periods, and their compliance added up. When they are all the span's
/// periods, the breaches and notes are moved out of `full` rather than copied.
fn span_part(full: &mut Report, i: usize, j: usize) -> Report {
    let periods = full.periods[i..=j].to_vec();
    let (breaches, notes) = if i == 0 && j + 1 == full.periods.len() {
        (std::mem::take(&mut full.breaches), std::mem::take(&mut full.notes))
    } else {
        let labels: Vec<&str> = periods.iter().map(|p| p.label.as_str()).collect();
        let breaches = full.breaches.iter().filter(|b| labels.contains(&b.period.as_str())).cloned().collect::<Vec<_>>().into();
        let notes = full
            .notes
            .iter()
            .filter(|n| labels.iter().any(|l| n.starts_with(&format!("period {l} "))))
            .cloned()
            .collect();
        (breaches, notes)
    };
    let mut total = full.total.clone();
    total.figures.compliance = merge_compliance(&periods.iter().map(|p| p.figures.compliance.clone()).collect::<Vec<_>>());
    Report {
        schema: full.schema.clone(),
        agreement: full.agreement.clone(),
        as_of: full.as_of,
        from: full.from,
        to: full.to,
        rows: full.rows.clone(),
        periods,
        total,
        breaches,
        open_incidents: Vec::new(),
        notes,
        versions: Vec::new(),
    }
}

/// `2026-01`, or `2026-01…2026-03`.
fn period_range(labels: &[String]) -> String {
    match (labels.first(), labels.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}…{b}"),
        (Some(a), _) => a.clone(),
        _ => String::new(),
    }
}

/// Adds up the compliance of several runs, priority by priority (matched by name, ignoring case
/// and blanks). Order and targets follow the latest run that has the level.
fn merge_compliance(parts: &[Compliance]) -> Compliance {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let mut names: Vec<String> = Vec::new();
    for part in parts.iter().rev() {
        for p in &part.priorities {
            if !names.iter().any(|n| same(n, &p.priority)) {
                names.push(p.priority.clone());
            }
        }
    }
    let add = |acc: Option<TargetCompliance>, t: &Option<TargetCompliance>| match (acc, t) {
        (acc, None) => acc,
        (None, Some(t)) => Some(t.clone()),
        (Some(a), Some(t)) => Some(TargetCompliance {
            target_seconds: t.target_seconds,
            clock: t.clock,
            met: a.met + t.met,
            breached: a.breached + t.breached,
            pending: a.pending + t.pending,
            percent_met: None,
        }),
    };
    let priorities = names
        .into_iter()
        .map(|name| {
            let mut merged = PriorityCompliance {
                priority: name.clone(),
                incidents: 0,
                respond: None,
                resolve: None,
            };
            for p in parts
                .iter()
                .flat_map(|c| &c.priorities)
                .filter(|p| same(&p.priority, &name))
            {
                merged.priority = p.priority.clone();
                merged.incidents += p.incidents;
                merged.respond = add(merged.respond.take(), &p.respond);
                merged.resolve = add(merged.resolve.take(), &p.resolve);
            }
            for t in [&mut merged.respond, &mut merged.resolve].into_iter().flatten() {
                let done = t.met + t.breached;
                t.percent_met = (done > 0).then(|| t.met as f64 / done as f64 * 100.0);
            }
            merged
        })
        .collect();
    Compliance {
        priorities,
        unmatched: parts.iter().map(|c| c.unmatched).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::build_report;
    use crate::model::{Incident, Revision};
    use chrono::{DateTime, NaiveDate, Utc};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn outage(id: &str, start: &str, end: &str) -> Incident {
        let mut i = Incident::new(id, t(start));
        i.restored = Some(t(end));
        i.resolved = Some(t(end));
        i
    }

    #[test]
    fn the_latest_versions_periods_equal_measuring_them_alone() {
        // The sample's 3.0 applies from April: the report takes April–June from the span run;
        // they must equal a report of April–June alone under 3.0.
        let a = crate::sample::sample_agreement();
        let incidents = crate::sample::sample_incidents();
        let request = ReportRequest::as_of(crate::sample::sample_as_of());
        let report = build_report(&a, &incidents, &request).unwrap();
        let last = a.version_count() - 1;
        let first_latest = report.periods.iter().position(|p| p.version == a.versions()[last].version).unwrap();
        let alone = build_single(
            &a.version_terms(last).unwrap(),
            &incidents,
            &ReportRequest { as_of: request.as_of, from: Some(report.periods[first_latest].start), to: Some(report.to) },
        )
        .unwrap();
        for (mut p, q) in report.periods[first_latest..].iter().cloned().zip(&alone.periods) {
            p.revised_during.clear();
            assert_eq!(&p, q);
        }
        let later: Vec<_> = report.breaches.iter().filter(|b| alone.periods.iter().any(|p| p.label == b.period)).collect();
        assert_eq!(later, alone.breaches.iter().collect::<Vec<_>>());
    }

    /// Every run of periods under one version equals measuring that run alone with that
    /// version's terms: its periods, and its breaches in order.
    fn assert_runs_equal_measuring_them_alone(a: &Agreement, incidents: &[Incident], request: &ReportRequest) {
        let report = build_report(a, incidents, request).unwrap();
        let mut breaches = report.breaches.iter();
        for run in &report.versions {
            let first = report.periods.iter().position(|p| p.label == run.periods[0]).unwrap();
            let last = first + run.periods.len() - 1;
            let alone = build_single(
                &a.version_terms(run.index).unwrap(),
                incidents,
                &ReportRequest { as_of: request.as_of, from: Some(report.periods[first].start), to: Some(report.periods[last].end) },
            )
            .unwrap();
            for (mut p, q) in report.periods[first..=last].iter().cloned().zip(&alone.periods) {
                p.revised_during.clear();
                p.partial = q.partial;
                assert_eq!(&p, q, "period {} under version {}", q.label, run.version);
            }
            let ours: Vec<_> = breaches.by_ref().take(alone.breaches.len()).collect();
            assert_eq!(ours, alone.breaches.iter().collect::<Vec<_>>(), "breaches of version {}", run.version);
        }
        assert_eq!(breaches.next(), None, "breaches beyond the runs");
    }

    #[test]
    fn every_version_run_equals_measuring_it_alone_wherever_the_revisions_fall() {
        // The sample's log runs January–June 2026. Revisions moved so that the run over the
        // whole span uses the latest version (3.0 from February), the first one (3.0 from June),
        // or a middle one (three versions), and so that one version applies to no period.
        let incidents = crate::sample::sample_incidents();
        let request = ReportRequest::as_of(crate::sample::sample_as_of());
        let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        for dates in [vec![date(2, 1)], vec![date(6, 1)], vec![date(4, 1)], vec![date(2, 1), date(3, 1)], vec![date(2, 10), date(2, 20)], vec![date(9, 1)]] {
            let mut a = crate::sample::sample_agreement();
            let template = a.revisions[0].clone();
            a.revisions = dates
                .iter()
                .enumerate()
                .map(|(k, d)| {
                    let mut r = template.clone();
                    r.version = format!("3.{k}");
                    r.effective_date = *d;
                    r.availability_target_percent = Some(99.95 - k as f64 * 0.4);
                    // Terms that change what is measured, so a run under the wrong version shows.
                    r.impact = Some(crate::model::ImpactWeights { partial_outage_percent: 50.0 + k as f64 * 20.0, degraded_percent: 10.0 });
                    let mut priorities = a.priorities.clone();
                    for p in &mut priorities {
                        if let Some(t) = &mut p.respond {
                            t.within = crate::model::Span::from_minutes(5 + k as i64);
                        }
                    }
                    r.priorities = Some(priorities);
                    r
                })
                .collect();
            assert_runs_equal_measuring_them_alone(&a, &incidents, &request);
        }
    }

    #[test]
    fn each_period_gets_the_version_in_force_on_its_first_day() {
        let mut a = Agreement::default();
        let mut r = Revision::new("2.0", NaiveDate::from_ymd_opt(2026, 2, 15).unwrap());
        r.availability_target_percent = Some(99.0);
        a.revisions.push(r);
        // 1 h down in each of January, February and March (UTC months).
        let incidents = [
            outage("A", "2026-01-10T00:00:00Z", "2026-01-10T01:00:00Z"),
            outage("B", "2026-02-10T00:00:00Z", "2026-02-10T01:00:00Z"),
            outage("C", "2026-03-10T00:00:00Z", "2026-03-10T01:00:00Z"),
        ];
        let r = build_report(&a, &incidents, &ReportRequest::as_of(t("2026-04-01T00:00:00Z"))).unwrap();
        let versions: Vec<&str> = r.periods.iter().map(|p| p.version.as_str()).collect();
        // 2.0 takes effect mid-February: February still runs on 1.0.
        assert_eq!(versions, ["1.0", "1.0", "2.0"]);
        assert_eq!(r.periods[1].revised_during.len(), 1);
        assert!(
            r.notes.iter().any(|n| n.contains("during period 2026-02")),
            "{:?}",
            r.notes
        );
        // 3,600 s of 2,419,200 s (28 days) is 99.851 %: missed against 99.9, met against 99.
        assert!(!r.periods[1].figures.availability.met);
        assert!(r.periods[2].figures.availability.met);
        assert_eq!(r.periods[2].figures.availability.target_percent, 99.0);
        assert_eq!(r.versions.len(), 2);
        assert_eq!(r.versions[1].periods, ["2026-03"]);
        let a = &r.total.figures.availability;
        assert_eq!((a.downtime_seconds, a.target_percent), (3 * 3600, 99.0));
        assert_eq!(a.service_seconds, (31 + 28 + 31) * 86_400);
        assert_eq!(
            r.total.credit_amount,
            r.periods.iter().map(|p| p.credit.amount).sum::<f64>()
        );
        assert_eq!(r.total.figures.incidents.started, 3);
        assert_eq!(r.rows.measured, 3);
        // Compliance adds up over the runs.
        assert_eq!(r.total.figures.compliance.unmatched, 3);
    }
}
