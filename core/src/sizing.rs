//! Sizing for pre-sales: "what can we safely commit to?" From a report over the loaded history,
//! how each candidate availability target would have fared: in how many periods it would have
//! been met, and what credits it would have cost at a given fee.
//!
//! Availability per period does not depend on the target, so one report serves every
//! candidate; only the verdict and the credit are recomputed (cheap, no incident is read again).
//!
//! **The credit table for a candidate.** Credit tables are written against a target (AWS EC2:
//! below 99.5 % → 10 %). For a candidate target `T`, the agreement's tiers are kept, except that
//! the highest tier starts at `T` instead (missing the target always earns at least the first
//! tier's credit) and tiers whose threshold lies above `T` are dropped. Penalties for missed
//! response/resolution targets are taken from the report as they are.

use crate::credits::{calculate_credit, Availability};
use crate::model::{CreditPolicy, CreditTier};
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// The targets a sizing table shows by default.
pub const DEFAULT_CANDIDATES: [f64; 5] = [99.0, 99.5, 99.9, 99.95, 99.99];

/// How one candidate target would have fared over the report's periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateResult {
    /// The target, percent.
    pub target_percent: f64,
    /// Periods in which it would have been met.
    pub periods_met: u64,
    /// Periods measured.
    pub periods: u64,
    /// Labels of the periods it would have missed.
    pub missed: Vec<String>,
    /// Sum of the credits it would have cost (tiers, penalties, caps and minimums applied).
    pub credit_total: f64,
    /// The largest credit of a single period.
    pub worst_period_credit: f64,
    /// The fee the credits were computed at.
    pub fee_per_period: f64,
}

/// The tiers used for `target`: the policy's tiers below `target`, with the highest tier
/// moved to start at `target` (see the module doc).
pub fn tiers_for_target(tiers: &[CreditTier], target: f64) -> Vec<CreditTier> {
    let mut sorted: Vec<CreditTier> = tiers.iter().copied().filter(|t| t.below_percent.is_finite()).collect();
    crate::sort::sort_by(&mut sorted, |a, b| b.below_percent.total_cmp(&a.below_percent));
    let Some(top) = sorted.first().copied() else { return Vec::new() };
    let mut out = vec![CreditTier { below_percent: target, credit_percent: top.credit_percent }];
    for t in sorted.into_iter().skip(1) {
        if t.below_percent < target {
            out.push(t);
        }
    }
    out
}

/// How `target` would have fared over `report`'s periods at `fee` per period, under `policy`'s
/// cap and minimum.
///
/// ```
/// use sla_core::{engine::{build_report, ReportRequest}, sample, sizing::evaluate_target};
/// let a = sample::sample_agreement();
/// let r = build_report(&a, &sample::sample_incidents(), &ReportRequest::as_of(sample::sample_as_of())).unwrap();
/// let easy = evaluate_target(&r, &a.credits, 99.0, a.credits.fee_per_period);
/// assert_eq!(easy.periods_met, easy.periods); // every month of the sample is above 99 %
/// ```
pub fn evaluate_target(report: &Report, policy: &CreditPolicy, target: f64, fee: f64) -> CandidateResult {
    let adjusted = CreditPolicy { tiers: tiers_for_target(&policy.tiers, target), fee_per_period: fee, ..policy.clone() };
    let mut result = CandidateResult {
        target_percent: target,
        periods_met: 0,
        periods: report.periods.len() as u64,
        missed: Vec::new(),
        credit_total: 0.0,
        worst_period_credit: 0.0,
        fee_per_period: fee,
    };
    for p in &report.periods {
        let a = &p.figures.availability;
        let availability = Availability::from_seconds(a.service_seconds, a.weighted_downtime_seconds);
        if availability.is_below(target) {
            result.missed.push(p.label.clone());
        } else {
            result.periods_met += 1;
        }
        let credit = calculate_credit(&adjusted, availability, p.credit.penalty_count, p.credit.penalty_amount);
        result.credit_total += credit.amount;
        result.worst_period_credit = result.worst_period_credit.max(credit.amount);
    }
    result
}

/// [`evaluate_target`] for each candidate.
pub fn size_targets(report: &Report, policy: &CreditPolicy, candidates: &[f64], fee: f64) -> Vec<CandidateResult> {
    candidates.iter().map(|&t| evaluate_target(report, policy, t, fee)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{build_report, ReportRequest};
    use crate::sample;

    fn sample_report() -> (crate::model::Agreement, Report) {
        // One set of terms throughout (the sample's first version), so the agreement's own
        // target and credit table reproduce every period of the report.
        let a = sample::sample_agreement().as_if_always(0).unwrap();
        let r = build_report(&a, &sample::sample_incidents(), &ReportRequest::as_of(sample::sample_as_of())).unwrap();
        (a, r)
    }

    #[test]
    fn the_agreements_own_target_reproduces_the_report() {
        let (a, r) = sample_report();
        let c = evaluate_target(&r, &a.credits, a.availability_target_percent, a.credits.fee_per_period);
        let missed: Vec<String> = r.periods.iter().filter(|p| !p.figures.availability.met).map(|p| p.label.clone()).collect();
        assert_eq!(c.missed, missed);
        assert!((c.credit_total - r.total.credit_amount).abs() < 0.005, "{} vs {}", c.credit_total, r.total.credit_amount);
    }

    #[test]
    fn stricter_targets_are_never_met_more_often_nor_cheaper() {
        let (a, r) = sample_report();
        let results = size_targets(&r, &a.credits, &DEFAULT_CANDIDATES, 12_000.0);
        for pair in results.windows(2) {
            assert!(pair[1].periods_met <= pair[0].periods_met);
            assert!(pair[1].credit_total >= pair[0].credit_total - 1e-9);
        }
        let fee_doubled = evaluate_target(&r, &a.credits, 99.95, 24_000.0);
        assert!(fee_doubled.credit_total >= results[3].credit_total);
    }

    #[test]
    fn tiers_follow_the_candidate_target() {
        let tiers = [
            CreditTier { below_percent: 99.9, credit_percent: 10.0 },
            CreditTier { below_percent: 99.0, credit_percent: 25.0 },
            CreditTier { below_percent: 95.0, credit_percent: 100.0 },
        ];
        let t = tiers_for_target(&tiers, 99.5);
        assert_eq!(t, vec![
            CreditTier { below_percent: 99.5, credit_percent: 10.0 },
            CreditTier { below_percent: 99.0, credit_percent: 25.0 },
            CreditTier { below_percent: 95.0, credit_percent: 100.0 },
        ]);
        let t = tiers_for_target(&tiers, 98.0);
        assert_eq!(t[0], CreditTier { below_percent: 98.0, credit_percent: 10.0 });
        assert_eq!(t.len(), 2);
        assert!(tiers_for_target(&[], 99.9).is_empty());
    }
}
