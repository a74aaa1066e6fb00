//! Customer satisfaction per period, when incidents carry a score ([`Incident::csat`]).
//!
//! Rules:
//! - A score belongs to the period its incident **started** in (as the KPIs), counting every
//!   incident that started in the span before "as of", planned or excluded ones included (the
//!   survey rates the ticket's handling, not the downtime).
//! - **Scale**: 1–5 when every score lies in 1–5 (the usual survey; also the assumption when
//!   nothing else fits); 0–10 when every score lies in 0–10 and some is outside 1–5 (detected).
//!   Scores outside the scale are left out and counted in `out_of_scale`.
//! - **Mean**: of the scores as given (fractions kept). **Distribution**: per integer score of
//!   the scale, each score rounded to the nearest integer (halves up).
//! - **Satisfied %** (top-two-box CSAT): share of scores that round to the scale's two highest
//!   values (4–5 on 1–5, 9–10 on 0–10).
//!
//! No scores at all: no summary (`None`), so nothing is shown.

use crate::model::Incident;
use crate::report::Report;
use serde::{Deserialize, Serialize};

/// How the scale was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleRule {
    /// Every score lies in 1–5: the usual 1–5 survey.
    FitsOneToFive,
    /// Every score lies in 0–10, some outside 1–5: a 0–10 survey.
    FitsZeroToTen,
    /// Scores outside 0–10 exist: 1–5 assumed, the others left out.
    AssumedOneToFive,
}

/// The scale scores are read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatScale {
    /// Lowest score.
    pub min: i64,
    /// Highest score.
    pub max: i64,
    /// Why this scale.
    pub rule: ScaleRule,
}

/// How many scores round to one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatBucket {
    /// The integer score.
    pub score: i64,
    /// How many responses round to it.
    pub count: u64,
}

/// Satisfaction figures of one period or the span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsatFigures {
    /// Scores on the scale.
    pub responses: u64,
    /// Their mean; null without responses.
    pub mean: Option<f64>,
    /// One bucket per integer score of the scale, lowest first.
    pub distribution: Vec<CsatBucket>,
    /// Share of responses in the two highest buckets, percent; null without responses.
    pub satisfied_percent: Option<f64>,
    /// Scores left out for lying outside the scale.
    pub out_of_scale: u64,
}

/// Satisfaction of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsatPeriod {
    /// Period label.
    pub period: String,
    /// Its figures.
    pub figures: CsatFigures,
}

/// Satisfaction per period and over the span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CsatSummary {
    /// The scale.
    pub scale: CsatScale,
    /// One entry per period of the report, in order.
    pub periods: Vec<CsatPeriod>,
    /// Over the span.
    pub total: CsatFigures,
}

/// The scale for a set of scores (see the module doc).
pub fn detect_scale(scores: &[f64]) -> CsatScale {
    let within = |lo: f64, hi: f64| scores.iter().all(|&s| (lo..=hi).contains(&s));
    if within(1.0, 5.0) {
        CsatScale {
            min: 1,
            max: 5,
            rule: ScaleRule::FitsOneToFive,
        }
    } else if within(0.0, 10.0) {
        CsatScale {
            min: 0,
            max: 10,
            rule: ScaleRule::FitsZeroToTen,
        }
    } else {
        CsatScale {
            min: 1,
            max: 5,
            rule: ScaleRule::AssumedOneToFive,
        }
    }
}

/// Figures of `scores` on `scale`.
pub fn csat_figures(scores: &[f64], scale: CsatScale) -> CsatFigures {
    let (lo, hi) = (scale.min as f64, scale.max as f64);
    let on: Vec<f64> = scores
        .iter()
        .copied()
        .filter(|s| s.is_finite() && (lo..=hi).contains(s))
        .collect();
    let mut distribution: Vec<CsatBucket> = (scale.min..=scale.max)
        .map(|score| CsatBucket { score, count: 0 })
        .collect();
    for s in &on {
        let k = ((s + 0.5).floor() as i64).clamp(scale.min, scale.max);
        if let Some(b) = distribution.get_mut((k - scale.min) as usize) {
            b.count += 1;
        }
    }
    let n = on.len() as u64;
    let top: u64 = distribution
        .iter()
        .filter(|b| b.score >= scale.max - 1)
        .map(|b| b.count)
        .sum();
    CsatFigures {
        responses: n,
        mean: (n > 0).then(|| on.iter().sum::<f64>() / n as f64),
        distribution,
        satisfied_percent: (n > 0).then(|| top as f64 / n as f64 * 100.0),
        out_of_scale: scores.len() as u64 - n,
    }
}

/// Satisfaction per period of `report` from the scores of `incidents`; `None` when no incident
/// in the span has a score.
pub fn satisfaction(report: &Report, incidents: &[Incident]) -> Option<CsatSummary> {
    let mut per: Vec<Vec<f64>> = vec![Vec::new(); report.periods.len()];
    for inc in incidents {
        let Some(score) = inc.csat.filter(|s| s.is_finite()) else {
            continue;
        };
        if inc.start >= report.as_of {
            continue;
        }
        if let Some(i) = report
            .periods
            .iter()
            .position(|p| p.start <= inc.start && inc.start < p.end)
        {
            per[i].push(score);
        }
    }
    let all: Vec<f64> = per.iter().flatten().copied().collect();
    if all.is_empty() {
        return None;
    }
    let scale = detect_scale(&all);
    Some(CsatSummary {
        scale,
        periods: report
            .periods
            .iter()
            .zip(&per)
            .map(|(p, scores)| CsatPeriod {
                period: p.label.clone(),
                figures: csat_figures(scores, scale),
            })
            .collect(),
        total: csat_figures(&all, scale),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_distribution_and_mean() {
        let scores = [5.0, 4.0, 4.5, 1.0, 3.0];
        let scale = detect_scale(&scores);
        assert_eq!((scale.min, scale.max, scale.rule), (1, 5, ScaleRule::FitsOneToFive));
        let f = csat_figures(&scores, scale);
        // Mean (5 + 4 + 4.5 + 1 + 3) / 5 = 3.5; 4.5 rounds up to 5.
        assert_eq!(f.mean, Some(3.5));
        let counts: Vec<u64> = f.distribution.iter().map(|b| b.count).collect();
        assert_eq!(counts, [1, 0, 1, 1, 2]);
        assert_eq!(f.satisfied_percent, Some(60.0));
        assert_eq!(detect_scale(&[0.0, 9.0]).rule, ScaleRule::FitsZeroToTen);
        let odd = detect_scale(&[3.0, 42.0]);
        assert_eq!(odd.rule, ScaleRule::AssumedOneToFive);
        let f = csat_figures(&[3.0, 42.0], odd);
        assert_eq!((f.responses, f.out_of_scale), (1, 1));
        let none = csat_figures(&[], odd);
        assert_eq!((none.mean, none.satisfied_percent), (None, None));
    }
}
