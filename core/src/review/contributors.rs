//! Where the downtime, the breaches and the credits come from: by service, priority, impact and
//! category, ranked, and the incidents that cost the most.
//!
//! Rules:
//! - **Downtime** per incident and period is the weighted downtime attributed to it by
//!   [`crate::engine::incident_breakdown`] over that period alone, with the agreement version
//!   applied to the period (after clipping to service time, exclusions and overlaps, each
//!   instant counted once for one incident), so the incidents' shares add up to the period's
//!   weighted downtime.
//! - **Breaches** belong to the incident and period the report lists them under.
//! - **Credits**: a period's credit owed is split into its tier part and its penalty part, both
//!   scaled by `amount / subtotal` (so a cap or a minimum scales them alike). The tier part goes
//!   to the incidents in proportion to their weighted downtime in the period; each breach's
//!   penalty (scaled) goes to its incident. What cannot be placed (a tier credit in a period
//!   without weighted downtime) is reported as `credit_unattributed`.
//! - **Ranking**: by credit attributed, then weighted downtime, then breaches, then incidents
//!   (all descending), then the key.

use crate::engine::{incident_breakdown, EngineError, ReportRequest};
use crate::model::{Agreement, Impact, Incident};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What incidents are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// The service or component.
    Service,
    /// The priority as the incident carries it.
    Priority,
    /// The impact level (`full_outage`, `partial_outage`, `degraded`, `none`).
    Impact,
    /// The cause or category, when the log has one.
    Category,
}

/// One group's share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContributorRow {
    /// The group's value; null for incidents without one.
    pub key: Option<String>,
    /// Incidents in the group that started in the periods considered or counted downtime there.
    pub incidents: u64,
    /// Weighted downtime attributed to the group, seconds (fractions kept).
    pub weighted_downtime_seconds: f64,
    /// Its share of all weighted downtime, percent; null when there was none.
    pub downtime_share_percent: Option<f64>,
    /// Breached targets.
    pub breaches: u64,
    /// Penalties of those breaches (before caps).
    pub penalty_amount: f64,
    /// Credit attributed (see the module doc).
    pub credit_amount: f64,
}

/// The groups of one dimension, ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContributorTable {
    /// The dimension.
    pub dimension: Dimension,
    /// Groups, largest contributor first.
    pub rows: Vec<ContributorRow>,
}

/// What one incident cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentCost {
    /// Position in the incident list.
    pub index: usize,
    /// Incident id.
    pub incident_id: String,
    /// Title.
    pub title: String,
    /// Service, priority, impact and category as the incident carries them.
    pub service: Option<String>,
    /// Priority.
    pub priority: Option<String>,
    /// Impact.
    pub impact: Impact,
    /// Category.
    pub category: Option<String>,
    /// Periods it counted downtime or breaches in.
    pub periods: Vec<String>,
    /// Weighted downtime attributed to it, seconds.
    pub weighted_downtime_seconds: f64,
    /// Breached targets.
    pub breaches: u64,
    /// Credit attributed.
    pub credit_amount: f64,
}

/// The breakdown of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contributors {
    /// Labels of the periods considered.
    pub periods: Vec<String>,
    /// By service, priority, impact, and category when any incident has one.
    pub tables: Vec<ContributorTable>,
    /// The incidents that cost the most (credit, then downtime, then breaches), at most the
    /// number asked for; incidents that cost nothing are not listed.
    pub top_incidents: Vec<IncidentCost>,
    /// Weighted downtime over the periods considered, seconds.
    pub weighted_downtime_seconds: f64,
    /// Credits owed over the periods considered.
    pub credit_amount: f64,
    /// Part of it that no incident could be given.
    pub credit_unattributed: f64,
}

#[derive(Default, Clone)]
struct Cost {
    touched: bool,
    weighted: f64,
    breaches: u64,
    penalty: f64,
    credit: f64,
    periods: Vec<String>,
}

impl Cost {
    fn mark(&mut self, period: &str) {
        self.touched = true;
        if self.periods.last().map(String::as_str) != Some(period) {
            self.periods.push(period.to_string());
        }
    }
}

fn rank(a: (f64, f64, u64, u64), b: (f64, f64, u64, u64)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0)
        .then(b.1.total_cmp(&a.1))
        .then(b.2.cmp(&a.2))
        .then(b.3.cmp(&a.3))
}

/// The breakdown of `report` (built from `agreement` and `incidents`) over the periods whose
/// labels are in `only` (all periods when `None`), with at most `top` incidents listed.
/// Errors are those of [`incident_breakdown`] (the report was built, so there should be none).
pub fn contributors(
    agreement: &Agreement,
    incidents: &[Incident],
    report: &Report,
    only: Option<&[String]>,
    top: usize,
) -> Result<Contributors, EngineError> {
    let mut costs = vec![Cost::default(); incidents.len()];
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(incidents.len());
    for (i, inc) in incidents.iter().enumerate().rev() {
        by_id.insert(inc.id.as_str(), i);
    }
    let mut considered = Vec::new();
    let (mut total_weighted, mut total_credit, mut unattributed) = (0.0f64, 0.0f64, 0.0f64);
    for p in &report.periods {
        if only.is_some_and(|labels| !labels.contains(&p.label)) {
            continue;
        }
        considered.push(p.label.clone());
        let terms = agreement
            .version_index_of(&p.version)
            .and_then(|v| agreement.version_terms(v))
            .unwrap_or_else(|| Agreement {
                revisions: Vec::new(),
                ..agreement.clone()
            });
        let request = ReportRequest {
            as_of: report.as_of,
            from: Some(p.start),
            to: Some(p.end),
        };
        let lines = incident_breakdown(&terms, incidents, &request)?;
        let weighted: f64 = lines.iter().map(|l| l.weighted_seconds).sum();
        total_weighted += weighted;
        let c = &p.credit;
        total_credit += c.amount;
        let scale = if c.subtotal > 0.0 { c.amount / c.subtotal } else { 0.0 };
        let tier_part = c.tier_amount * scale;
        for line in &lines {
            let cost = &mut costs[line.index];
            let started_here =
                line.period.is_some() && !incidents[line.index].planned && !incidents[line.index].excluded;
            if line.weighted_seconds > 0.0 || started_here {
                cost.mark(&p.label);
            }
            cost.weighted += line.weighted_seconds;
            if weighted > 0.0 {
                cost.credit += tier_part * line.weighted_seconds / weighted;
            }
        }
        if weighted <= 0.0 {
            unattributed += tier_part;
        }
        for b in report.breaches.iter().filter(|b| b.period == p.label) {
            match by_id.get(b.incident_id.as_str()) {
                Some(&i) => {
                    let cost = &mut costs[i];
                    cost.mark(&p.label);
                    cost.breaches += 1;
                    cost.penalty += b.penalty;
                    cost.credit += b.penalty * scale;
                }
                None => unattributed += b.penalty * scale,
            }
        }
    }

    let key_of = |d: Dimension, inc: &Incident| -> Option<String> {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        match d {
            Dimension::Service => clean(&inc.service),
            Dimension::Priority => clean(&inc.priority),
            Dimension::Impact => Some(inc.impact.key().to_string()),
            Dimension::Category => clean(&inc.category),
        }
    };
    let has_category = incidents
        .iter()
        .zip(&costs)
        .any(|(inc, c)| c.touched && key_of(Dimension::Category, inc).is_some());
    let mut dims = vec![Dimension::Service, Dimension::Priority, Dimension::Impact];
    if has_category {
        dims.push(Dimension::Category);
    }
    let tables = dims
        .into_iter()
        .map(|dimension| {
            let mut rows: Vec<ContributorRow> = Vec::new();
            for (inc, cost) in incidents.iter().zip(&costs).filter(|(_, c)| c.touched) {
                let key = key_of(dimension, inc);
                let pos = match rows.iter().position(|r| r.key == key) {
                    Some(pos) => pos,
                    None => {
                        rows.push(ContributorRow {
                            key,
                            incidents: 0,
                            weighted_downtime_seconds: 0.0,
                            downtime_share_percent: None,
                            breaches: 0,
                            penalty_amount: 0.0,
                            credit_amount: 0.0,
                        });
                        rows.len() - 1
                    }
                };
                let row = &mut rows[pos];
                row.incidents += 1;
                row.weighted_downtime_seconds += cost.weighted;
                row.breaches += cost.breaches;
                row.penalty_amount += cost.penalty;
                row.credit_amount += cost.credit;
            }
            for row in &mut rows {
                row.downtime_share_percent =
                    (total_weighted > 0.0).then(|| row.weighted_downtime_seconds / total_weighted * 100.0);
            }
            crate::sort::sort_by(&mut rows, |a, b| {
                rank(
                    (a.credit_amount, a.weighted_downtime_seconds, a.breaches, a.incidents),
                    (b.credit_amount, b.weighted_downtime_seconds, b.breaches, b.incidents),
                )
                .then_with(|| a.key.cmp(&b.key))
            });
            ContributorTable { dimension, rows }
        })
        .collect();

    let mut top_incidents: Vec<IncidentCost> = incidents
        .iter()
        .zip(costs)
        .enumerate()
        .filter(|(_, (_, c))| c.credit > 0.0 || c.weighted > 0.0 || c.breaches > 0)
        .map(|(index, (inc, c))| IncidentCost {
            index,
            incident_id: inc.id.clone(),
            title: inc.title.clone(),
            service: inc.service.clone(),
            priority: inc.priority.clone(),
            impact: inc.impact,
            category: inc.category.clone(),
            periods: c.periods,
            weighted_downtime_seconds: c.weighted,
            breaches: c.breaches,
            credit_amount: c.credit,
        })
        .collect();
    crate::sort::sort_by(&mut top_incidents, |a, b| {
        rank(
            (a.credit_amount, a.weighted_downtime_seconds, a.breaches, 0),
            (b.credit_amount, b.weighted_downtime_seconds, b.breaches, 0),
        )
        .then(a.index.cmp(&b.index))
    });
    top_incidents.truncate(top);
    Ok(Contributors {
        periods: considered,
        tables,
        top_incidents,
        weighted_downtime_seconds: total_weighted,
        credit_amount: total_credit,
        credit_unattributed: unattributed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::build_report;
    use crate::sample;

    #[test]
    fn the_samples_credit_is_attributed_in_full() {
        let (a, incidents) = (sample::sample_agreement(), sample::sample_incidents());
        let report = build_report(&a, &incidents, &ReportRequest::as_of(sample::sample_as_of())).unwrap();
        let c = contributors(&a, &incidents, &report, None, 5).unwrap();
        let attributed: f64 = c.tables[0].rows.iter().map(|r| r.credit_amount).sum();
        assert!((attributed + c.credit_unattributed - report.total.credit_amount).abs() < 1e-6);
        assert!(
            (c.weighted_downtime_seconds - report.total.figures.availability.weighted_downtime_seconds as f64).abs()
                <= 1.0
        );
        assert!(c.top_incidents.len() <= 5);
        assert!(c
            .top_incidents
            .windows(2)
            .all(|w| w[0].credit_amount >= w[1].credit_amount));
        for table in &c.tables {
            assert!(
                table.rows.windows(2).all(|w| w[0].credit_amount >= w[1].credit_amount),
                "{:?}",
                table.dimension
            );
        }
    }
}
