//! Two agreement versions side by side: the list of terms that differ, each with a typed kind
//! (so a UI can translate its label), the field path, and display-ready old and new values.

use crate::credits::fmt_percent;
use crate::model::{Agreement, ClockTarget, CreditTier, Hours, MaintenanceWindow, PriorityTarget, Schedule};
use chrono::Weekday;
use serde::{Deserialize, Serialize};

/// Which term changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    /// The availability target.
    AvailabilityTarget,
    /// The weekly availability hours.
    AvailabilityHours,
    /// The holidays of the availability hours.
    AvailabilityHolidays,
    /// The weekly support hours.
    SupportHours,
    /// The holidays of the support hours.
    SupportHolidays,
    /// A priority level was added (old value absent) or removed (new value absent).
    PriorityLevel,
    /// A priority's respond target (`subject` names the priority).
    RespondTarget,
    /// A priority's resolve target (`subject` names the priority).
    ResolveTarget,
    /// The maintenance windows.
    Maintenance,
    /// The partial-outage weight.
    PartialOutageWeight,
    /// The degraded weight.
    DegradedWeight,
    /// The fee per period.
    CreditFee,
    /// The currency.
    CreditCurrency,
    /// The credit tiers.
    CreditTiers,
    /// The credit cap.
    CreditCap,
    /// The minimum credit.
    CreditMinimum,
}

/// One term that differs between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermChange {
    /// What changed.
    pub kind: TermKind,
    /// The field path in the agreement file, e.g. `credits.tiers` or `priorities[P1].respond`.
    pub field: String,
    /// The priority level a respond/resolve/level change is about.
    pub subject: Option<String>,
    /// The old value, display-ready (`99.5 %`, `Mon–Fri 08:00–18:00`); absent when the term did
    /// not exist in the old version.
    pub old: Option<String>,
    /// The new value; absent when the term was removed.
    pub new: Option<String>,
}

/// What differs from version `from` to version `to` of `agreement` (indexes as in
/// [`Agreement::versions`]); `None` when either version does not exist.
pub fn compare_versions(agreement: &Agreement, from: usize, to: usize) -> Option<Vec<TermChange>> {
    Some(compare_terms(
        &agreement.version_terms(from)?,
        &agreement.version_terms(to)?,
    ))
}

/// What differs in the revisable terms (hours, holidays, target, priorities, maintenance, impact
/// weights, credits) from `old` to `new`, in the order of the agreement file. Names, zone and
/// period are not compared.
///
/// ```
/// use sla_core::model::Agreement;
/// use sla_core::review::{compare_terms, TermKind};
/// let old = Agreement::default();
/// let new = Agreement { availability_target_percent: 99.95, ..Agreement::default() };
/// let changes = compare_terms(&old, &new);
/// assert_eq!(changes[0].kind, TermKind::AvailabilityTarget);
/// assert_eq!((changes[0].old.as_deref(), changes[0].new.as_deref()), (Some("99.9 %"), Some("99.95 %")));
/// ```
pub fn compare_terms(old: &Agreement, new: &Agreement) -> Vec<TermChange> {
    let mut out = Vec::new();
    let mut change = |kind: TermKind, field: &str, subject: Option<&str>, a: Option<String>, b: Option<String>| {
        if a != b {
            out.push(TermChange {
                kind,
                field: field.to_string(),
                subject: subject.map(str::to_string),
                old: a,
                new: b,
            });
        }
    };
    let pct = |p: f64| Some(fmt_percent(p));
    change(
        TermKind::AvailabilityHours,
        "availability_hours.hours",
        None,
        Some(show_hours(&old.availability_hours)),
        Some(show_hours(&new.availability_hours)),
    );
    change(
        TermKind::AvailabilityHolidays,
        "availability_hours.holidays",
        None,
        Some(show_holidays(&old.availability_hours)),
        Some(show_holidays(&new.availability_hours)),
    );
    change(
        TermKind::SupportHours,
        "support_hours.hours",
        None,
        Some(show_hours(&old.support_hours)),
        Some(show_hours(&new.support_hours)),
    );
    change(
        TermKind::SupportHolidays,
        "support_hours.holidays",
        None,
        Some(show_holidays(&old.support_hours)),
        Some(show_holidays(&new.support_hours)),
    );
    change(
        TermKind::AvailabilityTarget,
        "availability_target_percent",
        None,
        pct(old.availability_target_percent),
        pct(new.availability_target_percent),
    );
    let find = |list: &[PriorityTarget], name: &str| {
        list.iter()
            .find(|p| p.name.trim().eq_ignore_ascii_case(name.trim()))
            .cloned()
    };
    let mut names: Vec<String> = old.priorities.iter().map(|p| p.name.clone()).collect();
    for p in &new.priorities {
        if find(&old.priorities, &p.name).is_none() {
            names.push(p.name.clone());
        }
    }
    for name in &names {
        let (a, b) = (find(&old.priorities, name), find(&new.priorities, name));
        let field = format!("priorities[{}]", name.trim());
        if a.is_none() || b.is_none() {
            let level = |p: &Option<PriorityTarget>| p.as_ref().map(show_priority);
            change(TermKind::PriorityLevel, &field, Some(name), level(&a), level(&b));
            continue;
        }
        let target = |p: &Option<PriorityTarget>, respond: bool| {
            p.as_ref()
                .and_then(|p| {
                    if respond {
                        p.respond.as_ref()
                    } else {
                        p.resolve.as_ref()
                    }
                })
                .map(show_target)
        };
        change(
            TermKind::RespondTarget,
            &format!("{field}.respond"),
            Some(name),
            target(&a, true),
            target(&b, true),
        );
        change(
            TermKind::ResolveTarget,
            &format!("{field}.resolve"),
            Some(name),
            target(&a, false),
            target(&b, false),
        );
    }
    change(
        TermKind::Maintenance,
        "maintenance",
        None,
        Some(show_maintenance(&old.maintenance)),
        Some(show_maintenance(&new.maintenance)),
    );
    change(
        TermKind::PartialOutageWeight,
        "impact.partial_outage_percent",
        None,
        pct(old.impact.partial_outage_percent),
        pct(new.impact.partial_outage_percent),
    );
    change(
        TermKind::DegradedWeight,
        "impact.degraded_percent",
        None,
        pct(old.impact.degraded_percent),
        pct(new.impact.degraded_percent),
    );
    let (oc, nc) = (&old.credits, &new.credits);
    change(
        TermKind::CreditFee,
        "credits.fee_per_period",
        None,
        Some(format!("{:.2}", oc.fee_per_period)),
        Some(format!("{:.2}", nc.fee_per_period)),
    );
    change(
        TermKind::CreditCurrency,
        "credits.currency",
        None,
        Some(oc.currency.clone()),
        Some(nc.currency.clone()),
    );
    change(
        TermKind::CreditTiers,
        "credits.tiers",
        None,
        Some(show_tiers(&oc.tiers)),
        Some(show_tiers(&nc.tiers)),
    );
    change(
        TermKind::CreditCap,
        "credits.cap_percent",
        None,
        pct(oc.cap_percent),
        pct(nc.cap_percent),
    );
    change(
        TermKind::CreditMinimum,
        "credits.minimum_amount",
        None,
        Some(format!("{:.2}", oc.minimum_amount)),
        Some(format!("{:.2}", nc.minimum_amount)),
    );
    out
}

fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// `Mon–Fri` for a run of consecutive days, else `Mon, Wed`.
fn show_days(days: &[Weekday]) -> String {
    let mut sorted: Vec<u32> = days.iter().map(|d| d.num_days_from_monday()).collect();
    crate::sort::sort(&mut sorted);
    sorted.dedup();
    let name = |n: u32| day_name(Weekday::try_from(n as u8).unwrap_or(Weekday::Mon));
    let consecutive = sorted.windows(2).all(|w| w[1] == w[0] + 1);
    match (sorted.first(), sorted.last()) {
        (Some(&a), Some(&b)) if consecutive && b > a + 1 => format!("{}–{}", name(a), name(b)),
        _ => sorted.iter().map(|&n| name(n)).collect::<Vec<_>>().join(", "),
    }
}

/// `24x7` or `Mon–Fri 08:00–12:00; Mon–Fri 13:00–18:00`.
pub(crate) fn show_hours(s: &Schedule) -> String {
    match &s.hours {
        Hours::TwentyFourSeven => "24x7".to_string(),
        Hours::Weekly(windows) => windows
            .iter()
            .map(|w| format!("{} {}–{}", show_days(&w.days), w.start, w.end))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn show_holidays(s: &Schedule) -> String {
    if s.holidays.is_empty() {
        return "none".to_string();
    }
    s.holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
}

fn show_target(t: &ClockTarget) -> String {
    let clock = match t.clock {
        crate::model::Clock::AroundTheClock => "24x7",
        crate::model::Clock::ServiceHours => "support hours",
    };
    if t.penalty > 0.0 {
        format!("{} ({clock}), penalty {:.2}", t.within, t.penalty)
    } else {
        format!("{} ({clock})", t.within)
    }
}

fn show_priority(p: &PriorityTarget) -> String {
    let part = |t: &Option<ClockTarget>| t.as_ref().map_or("—".to_string(), show_target);
    format!("{}: respond {}, resolve {}", p.name, part(&p.respond), part(&p.resolve))
}

fn show_maintenance(list: &[MaintenanceWindow]) -> String {
    if list.is_empty() {
        return "none".to_string();
    }
    list.iter()
        .map(|m| match m {
            MaintenanceWindow::OneOff { start, end, .. } => {
                format!("{} – {}", crate::date_text::minutes(start, ' '), crate::date_text::minutes(end, ' '))
            }
            MaintenanceWindow::Weekly { days, start, end, .. } => format!("{} {start}–{end}", show_days(days)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `< 99.9 % → 10 %; < 99 % → 25 %`, highest threshold first.
pub(crate) fn show_tiers(tiers: &[CreditTier]) -> String {
    if tiers.is_empty() {
        return "none".to_string();
    }
    let mut sorted = tiers.to_vec();
    crate::sort::sort_by(&mut sorted, |a, b| b.below_percent.total_cmp(&a.below_percent));
    sorted
        .iter()
        .map(|t| format!("< {} → {}", fmt_percent(t.below_percent), fmt_percent(t.credit_percent)))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CreditPolicy, Revision, Span, TimeOfDay};
    use chrono::NaiveDate;

    #[test]
    fn lists_each_changed_term_once() {
        let mut a = Agreement::default();
        let mut r = Revision::new("2.0", NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        r.availability_target_percent = Some(99.95);
        r.availability_hours = Some(Schedule::weekdays(
            TimeOfDay::hm(7, 0).unwrap(),
            TimeOfDay::hm(20, 0).unwrap(),
        ));
        let mut priorities = a.priorities.clone();
        priorities[0].respond.as_mut().unwrap().within = Span::from_minutes(10);
        priorities.pop();
        r.priorities = Some(priorities);
        r.credits = Some(CreditPolicy {
            cap_percent: 50.0,
            ..CreditPolicy::default()
        });
        a.revisions.push(r);
        let changes = compare_versions(&a, 0, 1).unwrap();
        let kinds: Vec<TermKind> = changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                TermKind::AvailabilityHours,
                TermKind::AvailabilityTarget,
                TermKind::RespondTarget,
                TermKind::PriorityLevel,
                TermKind::CreditCap
            ]
        );
        assert_eq!(changes[0].new.as_deref(), Some("Mon–Fri 07:00–20:00"));
        assert_eq!(changes[2].field, "priorities[P1].respond");
        assert_eq!(changes[2].old.as_deref(), Some("15m (24x7)"));
        assert_eq!(
            (changes[3].subject.as_deref(), changes[3].new.as_deref()),
            (Some("P4"), None)
        );
        assert!(compare_versions(&a, 1, 1).unwrap().is_empty());
        assert!(compare_versions(&a, 0, 2).is_none());
    }
}
