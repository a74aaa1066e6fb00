//! "What if this version had applied all along": the same incidents and span measured against
//! one version's terms in every period, compared period by period with what actually applied.

use super::ReviewError;
use crate::engine::{build_report, ReportRequest};
use crate::model::{Agreement, Incident};
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// One period, actual against what-if.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIfPeriod {
    /// Period label.
    pub period: String,
    /// The version that actually applied.
    pub actual_version: String,
    /// Actual target, availability, verdict and credit.
    pub actual_target_percent: f64,
    /// Actual availability, percent.
    pub actual_availability_percent: f64,
    /// Whether the actual target was met.
    pub actual_met: bool,
    /// Credit actually owed.
    pub actual_credit: f64,
    /// The what-if version's target.
    pub what_if_target_percent: f64,
    /// Availability under the what-if version's hours, maintenance and weights.
    pub what_if_availability_percent: f64,
    /// Whether the what-if target would have been met.
    pub what_if_met: bool,
    /// Credit that would have been owed.
    pub what_if_credit: f64,
}

/// The comparison over the span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    /// Index of the version applied throughout.
    pub version_index: usize,
    /// Its label.
    pub version: String,
    /// Period by period.
    pub periods: Vec<WhatIfPeriod>,
    /// Periods whose actual target was missed.
    pub actual_missed: u64,
    /// Periods whose what-if target would have been missed.
    pub what_if_missed: u64,
    /// Credits actually owed over the span.
    pub actual_credit_total: f64,
    /// Credits that would have been owed.
    pub what_if_credit_total: f64,
    /// `what_if − actual`.
    pub credit_difference: f64,
    /// Currency of the what-if version (the actual credits are in the versions' own).
    pub currency: String,
}

/// Builds both reports and compares them: `actual` with the agreement as it is (revisions
/// applied period by period), the what-if with [`Agreement::as_if_always`]`(version_index)`
/// over the same span. Returns the what-if report too, for a UI that shows it in full.
pub fn what_if(
    agreement: &Agreement,
    incidents: &[Incident],
    request: &ReportRequest,
    version_index: usize,
) -> Result<(WhatIf, Report), ReviewError> {
    let actual = build_report(agreement, incidents, request)?;
    what_if_against(agreement, incidents, &actual, version_index)
}

/// As [`what_if`], reusing an actual report already built from the same inputs.
pub fn what_if_against(
    agreement: &Agreement,
    incidents: &[Incident],
    actual: &Report,
    version_index: usize,
) -> Result<(WhatIf, Report), ReviewError> {
    let terms = agreement
        .as_if_always(version_index)
        .ok_or(ReviewError::UnknownVersion {
            index: version_index,
            count: agreement.version_count(),
        })?;
    let request = ReportRequest {
        as_of: actual.as_of,
        from: Some(actual.from),
        to: Some(actual.to),
    };
    let alt = build_report(&terms, incidents, &request)?;
    Ok((compare_outcomes(actual, &alt, version_index), alt))
}

/// Compares two reports of the same span period by period (matched by label).
pub fn compare_outcomes(actual: &Report, what_if: &Report, version_index: usize) -> WhatIf {
    let periods: Vec<WhatIfPeriod> = actual
        .periods
        .iter()
        .filter_map(|a| {
            let w = what_if.periods.iter().find(|w| w.label == a.label)?;
            Some(WhatIfPeriod {
                period: a.label.clone(),
                actual_version: a.version.clone(),
                actual_target_percent: a.figures.availability.target_percent,
                actual_availability_percent: a.figures.availability.availability_percent,
                actual_met: a.figures.availability.met,
                actual_credit: a.credit.amount,
                what_if_target_percent: w.figures.availability.target_percent,
                what_if_availability_percent: w.figures.availability.availability_percent,
                what_if_met: w.figures.availability.met,
                what_if_credit: w.credit.amount,
            })
        })
        .collect();
    let actual_credit_total: f64 = periods.iter().map(|p| p.actual_credit).sum();
    let what_if_credit_total: f64 = periods.iter().map(|p| p.what_if_credit).sum();
    WhatIf {
        version_index,
        version: what_if.agreement.version.clone(),
        actual_missed: periods.iter().filter(|p| !p.actual_met).count() as u64,
        what_if_missed: periods.iter().filter(|p| !p.what_if_met).count() as u64,
        periods,
        actual_credit_total,
        what_if_credit_total,
        credit_difference: what_if_credit_total - actual_credit_total,
        currency: what_if.total.currency.clone(),
    }
}
