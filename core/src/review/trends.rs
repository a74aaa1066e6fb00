//! Direction of travel per metric over the periods of a report, by one stated, simple method.
//!
//! **Method.** Take the metric's value in every *complete* period that has one (a period still
//! running is shown but not fitted: its figures are to date). With fewer than
//! [`MIN_TREND_PERIODS`] such values the direction is "not enough periods". Otherwise fit a
//! least-squares line `value = a + slope × i` over the period positions `i` (0, 1, 2, … in
//! report order, so a period without a value keeps its place). The trend is **steady** when
//! `|slope|` is at most the metric's tolerance per period; otherwise it is **improving** or
//! **worsening** according to the sign and whether higher is better for that metric.
//!
//! Tolerances per period: availability 0.01 percentage points; MTTR and MTTA 5 % of their mean
//! over the fitted periods (at least 1 s); breaches 0.25; credits 1 % of the fee per period (at
//! least 1 money unit); satisfaction 0.05 points.

use super::csat::CsatSummary;
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// Fewest fitted periods for a direction.
pub const MIN_TREND_PERIODS: usize = 3;

/// The metric a trend follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendMetric {
    /// Availability per period, percent (higher is better).
    Availability,
    /// Mean time to restore, seconds (lower is better).
    Mttr,
    /// Mean time to acknowledge, seconds (lower is better).
    Mtta,
    /// Breached response/resolution targets, count (lower is better).
    Breaches,
    /// Credit owed, money (lower is better).
    Credits,
    /// Mean satisfaction score (higher is better).
    Satisfaction,
}

/// What a trend's values measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendUnit {
    /// Percent.
    Percent,
    /// Seconds.
    Seconds,
    /// A count.
    Count,
    /// Money in the report's currency.
    Money,
    /// Survey score points.
    Score,
}

/// The direction of travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Moving the good way by more than the tolerance per period.
    Improving,
    /// Within the tolerance.
    Steady,
    /// Moving the bad way by more than the tolerance per period.
    Worsening,
    /// Fewer than [`MIN_TREND_PERIODS`] complete periods with a value.
    NotEnoughPeriods,
}

/// One period's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// Period label.
    pub period: String,
    /// The value; null when the period has none (no samples, no service time).
    pub value: Option<f64>,
    /// Whether the value entered the fit (complete period with a value).
    pub fitted: bool,
}

/// A metric over the periods and its direction, with the numbers that decided it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    /// Which metric.
    pub metric: TrendMetric,
    /// Its unit.
    pub unit: TrendUnit,
    /// Whether a higher value is better.
    pub higher_is_better: bool,
    /// One point per period of the report.
    pub points: Vec<TrendPoint>,
    /// How many points entered the fit.
    pub fitted_periods: usize,
    /// Mean of the fitted values; null when none.
    pub mean: Option<f64>,
    /// Least-squares slope, units per period; null with fewer than [`MIN_TREND_PERIODS`] points.
    pub slope_per_period: Option<f64>,
    /// The tolerance the slope was compared with, units per period.
    pub tolerance_per_period: f64,
    /// The verdict.
    pub direction: Direction,
}

/// Least-squares slope of `(x, y)` pairs; `None` with fewer than two distinct x.
pub fn least_squares_slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    (sxx > 0.0 && slope.is_finite()).then_some(slope)
}

/// A trend from per-period values (`complete` says which may be fitted). `tolerance` is a
/// function of the fitted values' mean, so relative tolerances can be expressed.
pub fn trend(
    metric: TrendMetric,
    unit: TrendUnit,
    higher_is_better: bool,
    values: Vec<(String, Option<f64>, bool)>,
    tolerance: impl Fn(Option<f64>) -> f64,
) -> Trend {
    let points: Vec<TrendPoint> = values
        .into_iter()
        .map(|(period, value, complete)| {
            let value = value.filter(|v| v.is_finite());
            TrendPoint {
                period,
                fitted: complete && value.is_some(),
                value,
            }
        })
        .collect();
    let fit: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.fitted)
        .filter_map(|(i, p)| p.value.map(|v| (i as f64, v)))
        .collect();
    let mean = (!fit.is_empty()).then(|| fit.iter().map(|p| p.1).sum::<f64>() / fit.len() as f64);
    let tolerance_per_period = tolerance(mean);
    let slope_per_period = if fit.len() >= MIN_TREND_PERIODS {
        least_squares_slope(&fit)
    } else {
        None
    };
    let direction = match slope_per_period {
        None => Direction::NotEnoughPeriods,
        Some(s) if s.abs() <= tolerance_per_period => Direction::Steady,
        Some(s) if (s > 0.0) == higher_is_better => Direction::Improving,
        Some(_) => Direction::Worsening,
    };
    Trend {
        metric,
        unit,
        higher_is_better,
        fitted_periods: fit.len(),
        points,
        mean,
        slope_per_period,
        tolerance_per_period,
        direction,
    }
}

/// The trends of a report: availability, MTTR, MTTA, breaches and credits, plus satisfaction
/// when `satisfaction` has scores. See the module doc for the method.
pub fn trends(report: &Report, satisfaction: Option<&CsatSummary>) -> Vec<Trend> {
    let per = |f: &dyn Fn(&crate::report::PeriodReport) -> Option<f64>| -> Vec<(String, Option<f64>, bool)> {
        report
            .periods
            .iter()
            .map(|p| (p.label.clone(), f(p), p.complete))
            .collect()
    };
    let relative = |m: Option<f64>| (m.unwrap_or(0.0).abs() * 0.05).max(1.0);
    let fee = report.agreement.fee_per_period;
    let mut out = vec![
        trend(
            TrendMetric::Availability,
            TrendUnit::Percent,
            true,
            per(&|p| (!p.figures.availability.no_service_time).then_some(p.figures.availability.availability_percent)),
            |_| 0.01,
        ),
        trend(
            TrendMetric::Mttr,
            TrendUnit::Seconds,
            false,
            per(&|p| p.figures.kpis.time_to_restore.map(|s| s.mean_seconds as f64)),
            relative,
        ),
        trend(
            TrendMetric::Mtta,
            TrendUnit::Seconds,
            false,
            per(&|p| p.figures.kpis.time_to_acknowledge.map(|s| s.mean_seconds as f64)),
            relative,
        ),
        trend(
            TrendMetric::Breaches,
            TrendUnit::Count,
            false,
            per(&|p| Some(report.breaches.iter().filter(|b| b.period == p.label).count() as f64)),
            |_| 0.25,
        ),
        trend(
            TrendMetric::Credits,
            TrendUnit::Money,
            false,
            per(&|p| Some(p.credit.amount)),
            |_| {
                if fee.is_finite() {
                    (fee * 0.01).max(1.0)
                } else {
                    1.0
                }
            },
        ),
    ];
    if let Some(s) = satisfaction {
        let values = report
            .periods
            .iter()
            .map(|p| {
                let mean = s
                    .periods
                    .iter()
                    .find(|c| c.period == p.label)
                    .and_then(|c| c.figures.mean);
                (p.label.clone(), mean, p.complete)
            })
            .collect();
        out.push(trend(TrendMetric::Satisfaction, TrendUnit::Score, true, values, |_| {
            0.05
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Vec<(String, Option<f64>, bool)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("p{i}"), Some(*v), true))
            .collect()
    }

    #[test]
    fn slope_is_least_squares() {
        // y = 2x + 1 exactly.
        assert_eq!(least_squares_slope(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]), Some(2.0));
        // (0,0), (1,1), (2,0): mean x 1, mean y 1/3, Σxy-dev = 0 → slope 0.
        assert_eq!(least_squares_slope(&[(0.0, 0.0), (1.0, 1.0), (2.0, 0.0)]), Some(0.0));
        assert_eq!(least_squares_slope(&[(1.0, 1.0)]), None);
    }

    #[test]
    fn directions() {
        let t = trend(
            TrendMetric::Availability,
            TrendUnit::Percent,
            true,
            series(&[99.8, 99.9, 99.95]),
            |_| 0.01,
        );
        // Slope (99.95 − 99.8) / 2 = 0.075 > 0.01, higher is better.
        assert_eq!(t.direction, Direction::Improving);
        assert!((t.slope_per_period.unwrap() - 0.075).abs() < 1e-9);
        let t = trend(
            TrendMetric::Breaches,
            TrendUnit::Count,
            false,
            series(&[1.0, 2.0, 4.0]),
            |_| 0.25,
        );
        assert_eq!(t.direction, Direction::Worsening);
        let t = trend(
            TrendMetric::Breaches,
            TrendUnit::Count,
            false,
            series(&[2.0, 2.0, 2.5]),
            |_| 0.25,
        );
        assert_eq!(t.direction, Direction::Steady); // slope 0.25: not beyond the tolerance
        let t = trend(
            TrendMetric::Mttr,
            TrendUnit::Seconds,
            false,
            series(&[600.0, 500.0]),
            |_| 1.0,
        );
        assert_eq!((t.direction, t.slope_per_period), (Direction::NotEnoughPeriods, None));
        // A period still running is shown but not fitted.
        let mut s = series(&[1.0, 2.0, 3.0]);
        s[2].2 = false;
        let t = trend(TrendMetric::Breaches, TrendUnit::Count, false, s, |_| 0.25);
        assert_eq!((t.fitted_periods, t.direction), (2, Direction::NotEnoughPeriods));
        assert!(!t.points[2].fitted && t.points[2].value == Some(3.0));
    }
}
