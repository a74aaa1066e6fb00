//! The review as plain English text, for the command line (`sla report --review`). Its layout
//! may change between versions; parse the JSON instead.

use super::contributors::Dimension;
use super::document::{MissedKind, ReviewReport};
use super::trends::{Direction, TrendMetric, TrendUnit};
use crate::credits::fmt_percent;
use crate::model::format_seconds;
use crate::report::{show_instant, BreachKind};
use std::fmt::Write as _;

fn metric_name(m: TrendMetric) -> &'static str {
    match m {
        TrendMetric::Availability => "availability",
        TrendMetric::Mttr => "MTTR (restore)",
        TrendMetric::Mtta => "MTTA",
        TrendMetric::Breaches => "breaches",
        TrendMetric::Credits => "credits",
        TrendMetric::Satisfaction => "satisfaction",
    }
}

fn value(unit: TrendUnit, v: f64) -> String {
    match unit {
        TrendUnit::Percent => fmt_percent(v),
        TrendUnit::Seconds => format_seconds(v.round() as i64),
        TrendUnit::Count | TrendUnit::Score => format!("{v:.2}"),
        TrendUnit::Money => format!("{v:.2}"),
    }
}

impl ReviewReport {
    /// The review as plain text: header, versions and their changes, one line per period,
    /// missed targets, trends, contributors, satisfaction and notes.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let service = if self.service.is_empty() {
            "(unnamed service)"
        } else {
            &self.service
        };
        let _ = writeln!(o, "Service review: {service}");
        if !self.provider.is_empty() || !self.customer.is_empty() {
            let _ = writeln!(o, "  provider {} → customer {}", self.provider, self.customer);
        }
        let scope = self
            .focus
            .as_ref()
            .map_or("whole span".to_string(), |f| format!("period {f}"));
        let _ = writeln!(
            o,
            "  {scope}; span {} → {}, as of {}; time zone {}",
            show_instant(&self.from),
            show_instant(&self.to),
            show_instant(&self.as_of),
            self.time_zone
        );

        let _ = writeln!(o, "\nAgreement versions");
        for v in &self.versions {
            let from = v
                .effective_date
                .map_or("from the start".to_string(), |d| format!("from {d}"));
            let applied = if v.periods.is_empty() {
                "no period reviewed".to_string()
            } else {
                v.periods.join(", ")
            };
            let _ = writeln!(
                o,
                "  {} ({from}): target {}, credit tiers {}, fee {:.2} {} — applied to {applied}",
                v.version,
                fmt_percent(v.availability_target_percent),
                super::compare::show_tiers(&v.credits.tiers),
                v.credits.fee_per_period,
                v.credits.currency
            );
            if let Some(note) = &v.note {
                let _ = writeln!(o, "    note: {note}");
            }
            for c in &v.changes {
                let _ = writeln!(
                    o,
                    "    changed {}: {} → {}",
                    c.field,
                    c.old.as_deref().unwrap_or("(none)"),
                    c.new.as_deref().unwrap_or("(none)")
                );
            }
        }

        let _ = writeln!(o, "\nResults per period");
        for p in &self.periods {
            let _ = writeln!(
                o,
                "  {}{} [version {}]: availability {} against {} — {}; {} incidents, {} breaches, credit {:.2} {}{}",
                p.period,
                if p.complete { "" } else { " (to date)" },
                p.version,
                fmt_percent(p.availability_percent),
                fmt_percent(p.availability_target_percent),
                if p.availability_met { "met" } else { "MISSED" },
                p.incidents,
                p.breaches,
                p.credit_amount,
                self.currency,
                p.satisfaction
                    .as_ref()
                    .and_then(|s| s.mean.map(|m| format!("; satisfaction {m:.2} (n={})", s.responses)))
                    .unwrap_or_default()
            );
            for t in p.targets.iter().filter(|t| t.met + t.breached + t.pending > 0) {
                let kind = if t.kind == BreachKind::Respond {
                    "respond"
                } else {
                    "resolve"
                };
                let _ = writeln!(
                    o,
                    "      {} {kind} within {}: {} met, {} breached, {} pending",
                    t.priority,
                    format_seconds(t.target_seconds),
                    t.met,
                    t.breached,
                    t.pending
                );
            }
        }
        let t = &self.total;
        let _ = writeln!(
            o,
            "  total: {} of {} periods missed the availability target, {} breaches, credits {:.2} {}",
            t.periods_missed, t.periods, t.breaches, t.credit_amount, self.currency
        );

        let _ = writeln!(o, "\nTargets missed");
        if self.missed.is_empty() {
            let _ = writeln!(o, "  none");
        }
        for m in &self.missed {
            let what = match m.kind {
                MissedKind::Availability => "availability".to_string(),
                MissedKind::Respond => format!("{} respond", m.priority.as_deref().unwrap_or("")),
                MissedKind::Resolve => format!("{} resolve", m.priority.as_deref().unwrap_or("")),
            };
            let _ = writeln!(o, "  {} {what}: target {}, actual {}", m.period, m.target, m.actual);
        }

        let _ = writeln!(o, "\nTrends (least-squares slope per period against a tolerance)");
        for tr in &self.trends {
            let direction = match tr.direction {
                Direction::Improving => "improving",
                Direction::Steady => "steady",
                Direction::Worsening => "worsening",
                Direction::NotEnoughPeriods => "not enough periods",
            };
            let slope = tr
                .slope_per_period
                .map(|s| format!(" (slope {s:+.4} per period, tolerance ±{:.4})", tr.tolerance_per_period))
                .unwrap_or_default();
            let points: Vec<String> = tr
                .points
                .iter()
                .map(|p| p.value.map_or("—".to_string(), |v| value(tr.unit, v)))
                .collect();
            let _ = writeln!(
                o,
                "  {}: {direction}{slope}; {}",
                metric_name(tr.metric),
                points.join(", ")
            );
        }

        let c = &self.contributors;
        let _ = writeln!(
            o,
            "\nWhere it comes from (weighted downtime {}, credits {:.2} {})",
            format_seconds(c.weighted_downtime_seconds.round() as i64),
            c.credit_amount,
            self.currency
        );
        for table in &c.tables {
            let name = match table.dimension {
                Dimension::Service => "by service",
                Dimension::Priority => "by priority",
                Dimension::Impact => "by impact",
                Dimension::Category => "by category",
            };
            let _ = writeln!(o, "  {name}:");
            for r in table.rows.iter().take(10) {
                let _ = writeln!(
                    o,
                    "    {}: {} incidents, downtime {}{}, {} breaches, credit {:.2}",
                    r.key.as_deref().unwrap_or("(not given)"),
                    r.incidents,
                    format_seconds(r.weighted_downtime_seconds.round() as i64),
                    r.downtime_share_percent
                        .map(|s| format!(" ({s:.1} %)"))
                        .unwrap_or_default(),
                    r.breaches,
                    r.credit_amount
                );
            }
        }
        if !c.top_incidents.is_empty() {
            let _ = writeln!(o, "  top incidents:");
            for i in &c.top_incidents {
                let _ = writeln!(
                    o,
                    "    {} {}: downtime {}, {} breaches, credit {:.2}",
                    i.incident_id,
                    i.title,
                    format_seconds(i.weighted_downtime_seconds.round() as i64),
                    i.breaches,
                    i.credit_amount
                );
            }
        }
        if c.credit_unattributed > 0.0 {
            let _ = writeln!(
                o,
                "  credit not attributable to an incident: {:.2}",
                c.credit_unattributed
            );
        }

        if let Some(s) = &self.satisfaction {
            let _ = writeln!(o, "\nCustomer satisfaction (scale {}–{})", s.scale.min, s.scale.max);
            for p in &s.periods {
                let dist: Vec<String> = p
                    .figures
                    .distribution
                    .iter()
                    .map(|b| format!("{}:{}", b.score, b.count))
                    .collect();
                let _ = writeln!(
                    o,
                    "  {}: {} responses, mean {}, satisfied {}; {}",
                    p.period,
                    p.figures.responses,
                    p.figures.mean.map_or("—".to_string(), |m| format!("{m:.2}")),
                    p.figures
                        .satisfied_percent
                        .map_or("—".to_string(), |s| format!("{s:.0} %")),
                    dist.join(" ")
                );
            }
        }
        for n in &self.notes {
            let _ = writeln!(o, "\nNote: {n}");
        }
        o
    }
}
