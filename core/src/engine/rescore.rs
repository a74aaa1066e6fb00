//! Re-scoring a report after an edit that changes only how its measurements are judged.
//!
//! The availability target and the credit policy (fee, currency, tiers, cap, minimum) of any
//! version decide whether a period met its target, its error budget and its credit, but not a
//! second of service time or downtime, nor any breach (those depend on the response and
//! resolution targets, which are measurement terms here). So after such an edit the previous
//! report's seconds are judged again instead of measuring every incident again: what makes a
//! target slider or a credit-tier edit redraw at once over a large log.
//!
//! [`rescore`] gives exactly what [`super::build_report`] would give for the new agreement
//! (the tests check equality field by field), or `None` when the edit is not of that kind.

use super::{availability_figures_weighted, weights_micro};
use crate::credits::calculate_credit;
use crate::model::{Agreement, CreditPolicy};
use crate::report::Report;

/// The agreement without what only judges its measurements: the availability target and the
/// credit policy, in every version. Two agreements with equal measurement terms measure the
/// same seconds, breaches and KPIs over the same incidents.
pub fn measurement_terms(agreement: &Agreement) -> Agreement {
    let mut terms = agreement.clone();
    terms.availability_target_percent = 0.0;
    terms.credits = CreditPolicy { tiers: Vec::new(), ..CreditPolicy::default() };
    for r in &mut terms.revisions {
        r.availability_target_percent = None;
        r.credits = None;
    }
    terms
}

/// `previous`, built by [`super::build_report`] from `measured_with`, judged again under
/// `agreement`: equal to building the report for `agreement` over the same incidents and
/// request. `None` when the two agreements differ in anything but the availability targets and
/// credit policies, or when `agreement` is invalid (a full build then reports the problem).
pub fn rescore(previous: &Report, measured_with: &Agreement, agreement: &Agreement) -> Option<Report> {
    if !agreement.validate().is_empty() || measurement_terms(measured_with) != measurement_terms(agreement) {
        return None;
    }
    let versions: Vec<Agreement> = (0..agreement.version_count()).filter_map(|i| agreement.version_terms(i)).collect();
    // The version each period was measured with, from the runs the report lists.
    let mut version_of = Vec::with_capacity(previous.periods.len());
    for p in &previous.periods {
        let run = previous.versions.iter().find(|run| run.periods.contains(&p.label))?;
        version_of.push(versions.get(run.index)?);
    }
    let mut report = previous.clone();
    let (mut scheduled, mut service) = (0i64, 0i64);
    let mut levels = [0i64; 4];
    let mut weighted: i128 = 0;
    for (p, terms) in report.periods.iter_mut().zip(&version_of) {
        let a = &p.figures.availability;
        let l = [0, a.degraded_seconds, a.partial_outage_seconds, a.full_outage_seconds];
        let w = weights_micro(terms);
        let period_weighted: i128 = (1..4).map(|k| l[k] as i128 * w[k] as i128).sum();
        scheduled += a.scheduled_seconds;
        service += a.service_seconds;
        for k in 1..4 {
            levels[k] += l[k];
        }
        weighted += period_weighted;
        let (figures, availability) =
            availability_figures_weighted(a.scheduled_seconds, a.service_seconds, &l, period_weighted, terms.availability_target_percent);
        p.credit = calculate_credit(&terms.credits, availability, p.credit.penalty_count, p.credit.penalty_amount);
        p.figures.availability = figures;
    }
    // The total is judged against the version of the last period (the only one without
    // revisions), as the build does.
    let last = version_of.last().copied().or(versions.first())?;
    let (total, _) = availability_figures_weighted(scheduled, service, &levels, weighted, last.availability_target_percent);
    report.total.figures.availability = total;
    report.total.credit_amount = report.periods.iter().map(|p| p.credit.amount).sum();
    report.total.penalty_amount = report.periods.iter().map(|p| p.credit.penalty_amount).sum();
    report.total.currency = last.credits.currency.clone();
    report.agreement.availability_target_percent = last.availability_target_percent;
    report.agreement.fee_per_period = last.credits.fee_per_period;
    report.agreement.currency = last.credits.currency.clone();
    Some(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{build_report, ReportRequest};
    use crate::import::{generate::generate_csv_within_days, import, ImportOptions, Preset};
    use crate::model::CreditTier;
    use proptest::prelude::*;

    fn edited(base: &Agreement, version: usize, target: f64, fee: f64, tiers: Vec<CreditTier>, cap: f64, minimum: f64) -> Agreement {
        let mut a = base.clone();
        let policy = |old: &CreditPolicy| CreditPolicy { fee_per_period: fee, tiers: tiers.clone(), cap_percent: cap, minimum_amount: minimum, currency: format!("{}x", old.currency) };
        match version.checked_sub(1).and_then(|i| a.revisions.get_mut(i)) {
            Some(r) => {
                r.availability_target_percent = Some(target);
                let old = r.credits.clone().unwrap_or_else(|| base.credits.clone());
                r.credits = Some(policy(&old));
            }
            None => {
                a.availability_target_percent = target;
                a.credits = policy(&a.credits);
            }
        }
        a
    }

    fn tiers() -> impl Strategy<Value = Vec<CreditTier>> {
        proptest::collection::vec((90.0f64..100.0, 0.0f64..100.0), 0..4).prop_map(|mut v| {
            // Distinct thresholds, highest first, credits rising as availability falls.
            v.sort_by(|a, b| b.0.total_cmp(&a.0));
            v.dedup_by(|a, b| (a.0 - b.0).abs() < 0.01);
            let mut credit = 0.0;
            v.into_iter()
                .map(|(below, c)| {
                    credit = (credit + c / 4.0).min(100.0);
                    CreditTier { below_percent: (below * 100.0).round() / 100.0, credit_percent: (credit * 10.0).round() / 10.0 }
                })
                .collect()
        })
    }

    fn sample() -> (Agreement, Vec<crate::model::Incident>, ReportRequest) {
        (crate::sample::sample_agreement(), crate::sample::sample_incidents(), ReportRequest::as_of(crate::sample::sample_as_of()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn rescoring_equals_building_again(
            version in 0usize..3,
            target in 95.0f64..100.0,
            fee in 0.0f64..50_000.0,
            tiers in tiers(),
            cap in 0.0f64..150.0,
            minimum in 0.0f64..500.0,
            revised in any::<bool>(),
        ) {
            let (mut base, incidents, request) = sample();
            if !revised {
                base.revisions.clear();
            }
            let target = (target * 1000.0).round() / 1000.0;
            let new = edited(&base, version, target, fee, tiers, cap, minimum);
            let before = build_report(&base, &incidents, &request).unwrap();
            match build_report(&new, &incidents, &request) {
                Ok(after) => prop_assert_eq!(rescore(&before, &base, &new), Some(after)),
                // An edit the validation refuses is left to the full build, which says why.
                Err(_) => prop_assert_eq!(rescore(&before, &base, &new), None),
            }
        }
    }

    #[test]
    fn a_large_generated_log_rescored_equals_building_again() {
        let csv = generate_csv_within_days(20_000, 9, Preset::Generic, 200);
        let mut base = crate::sample::sample_agreement();
        // The generated log runs from January 2025: the first version from then, 3.0 from April.
        base.effective_date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
        base.revisions[0].effective_date = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
        let incidents = import(csv.as_bytes(), &ImportOptions::in_zone(base.tz().unwrap())).unwrap().incidents;
        let request = ReportRequest::as_of(crate::sample::sample_as_of());
        let before = build_report(&base, &incidents, &request).unwrap();
        assert!(before.versions.len() == 2 && before.periods.iter().any(|p| !p.figures.availability.met));
        for target in [99.0, 99.5, 99.99, 100.0, 95.0] {
            let mut a = base.clone();
            a.revisions[0].availability_target_percent = Some(target);
            a.credits.fee_per_period = 1234.5;
            let after = build_report(&a, &incidents, &request).unwrap();
            assert_eq!(rescore(&before, &base, &a).as_ref(), Some(&after), "target {target}");
        }
    }

    #[test]
    fn an_edit_to_what_is_measured_is_not_rescored() {
        let (base, incidents, request) = sample();
        let before = build_report(&base, &incidents, &request).unwrap();
        let mut hours = base.clone();
        hours.impact.partial_outage_percent = 55.0;
        let mut priority = base.clone();
        priority.priorities[0].respond = None;
        let mut zone = base.clone();
        zone.time_zone = "Asia/Taipei".into();
        let mut revision = base.clone();
        revision.revisions[0].effective_date = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        for a in [hours, priority, zone, revision] {
            assert_eq!(rescore(&before, &base, &a), None);
        }
        // An invalid target is left to the full build, which names the field.
        let mut invalid = base.clone();
        invalid.availability_target_percent = 100.5;
        assert_eq!(rescore(&before, &base, &invalid), None);
        assert!(build_report(&invalid, &incidents, &request).is_err());
    }
}
