//! Checks an [`Agreement`] and lists every problem with the field it belongs to, so a form can
//! show each message next to its input and a command line can print them all at once.

use super::{Agreement, Hours, MaintenanceWindow, PeriodSpec, Schedule, AGREEMENT_SCHEMA};
use std::fmt;

/// Where in the agreement a problem sits, as a dotted path: `availability_target_percent`,
/// `credits.tiers[1].below_percent`, `support_hours.hours.weekly[0]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldPath(pub String);

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One problem in an agreement.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AgreementError {
    /// The file says it is a different format or a newer version than this build reads.
    #[error("this agreement is in format \"{0}\"; this version reads \"{AGREEMENT_SCHEMA}\"")]
    UnsupportedSchema(String),
    /// The time zone is not an IANA zone name.
    #[error("\"{0}\" is not a known time zone; use an IANA name such as Europe/Berlin, Asia/Taipei or UTC")]
    UnknownTimeZone(String),
    /// A percentage lies outside 0–100 or is not a number.
    #[error("{what} must be between 0 and 100 %, not {value}")]
    PercentOutOfRange {
        /// Which percentage.
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// An availability target of 0 % or less means nothing can be missed.
    #[error("the availability target must be above 0 %")]
    TargetNotPositive,
    /// A window or maintenance period ends at or before its start.
    #[error("the window ends at {end}, which is not after its start {start}")]
    EndsBeforeStart {
        /// Start as written.
        start: String,
        /// End as written.
        end: String,
    },
    /// A weekly window lists no days.
    #[error("the window applies to no weekday; pick at least one day")]
    NoDays,
    /// Two weekly windows of the same schedule overlap on a day.
    #[error("this window overlaps window {other} on {day}")]
    OverlappingWindows {
        /// Index of the other window.
        other: usize,
        /// The day on which they overlap.
        day: chrono::Weekday,
    },
    /// Weekly hours were chosen but no window was given.
    #[error("weekly hours need at least one window; choose 24×7 for around the clock")]
    NoWindows,
    /// A custom period ends before it begins.
    #[error("the custom period's last day {last} is before its first day {first}")]
    PeriodEndsBeforeStart {
        /// First day.
        first: chrono::NaiveDate,
        /// Last day.
        last: chrono::NaiveDate,
    },
    /// Two credit tiers share a threshold.
    #[error("two credit tiers both start below {0} %; each threshold may appear once")]
    DuplicateTier(f64),
    /// A lower availability would earn a smaller credit than a higher one.
    #[error("the tier below {lower} % gives {lower_credit} %, less than the {higher_credit} % of the tier below {higher} %; credit must not fall as availability falls")]
    TiersOutOfOrder {
        /// The lower threshold.
        lower: f64,
        /// Its credit.
        lower_credit: f64,
        /// The higher threshold.
        higher: f64,
        /// Its credit.
        higher_credit: f64,
    },
    /// An amount is negative or not a number.
    #[error("{what} must be a number of zero or more, not {value}")]
    BadAmount {
        /// Which amount.
        what: &'static str,
        /// The value given.
        value: f64,
    },
    /// A priority level has no name.
    #[error("the priority level needs a name, such as P1")]
    UnnamedPriority,
    /// Two priority levels have the same name.
    #[error("the priority name \"{0}\" is used twice")]
    DuplicatePriority(String),
    /// A revision has no version label.
    #[error("the version needs a label, such as 2.0")]
    UnnamedVersion,
    /// Two versions of the agreement have the same label.
    #[error("the version label \"{0}\" is used twice")]
    DuplicateVersion(String),
    /// A revision does not take effect after the version before it.
    #[error("this version takes effect on {date}, not after the version before it ({previous}); versions must be in date order")]
    RevisionNotAfter {
        /// The revision's effective date.
        date: chrono::NaiveDate,
        /// The effective date of the version before it.
        previous: chrono::NaiveDate,
    },
}

/// A problem together with the field it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// Where the problem is.
    pub field: FieldPath,
    /// What it is.
    pub error: AgreementError,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.error)
    }
}

impl std::error::Error for FieldError {}

struct Checker(Vec<FieldError>);

impl Checker {
    fn push(&mut self, field: impl Into<String>, error: AgreementError) {
        self.0.push(FieldError { field: FieldPath(field.into()), error });
    }
    fn percent(&mut self, field: &str, what: &'static str, value: f64) {
        if !(0.0..=100.0).contains(&value) {
            self.push(field, AgreementError::PercentOutOfRange { what, value });
        }
    }
    fn amount(&mut self, field: &str, what: &'static str, value: f64) {
        if !(value.is_finite() && value >= 0.0) {
            self.push(field, AgreementError::BadAmount { what, value });
        }
    }
    fn schedule(&mut self, field: &str, schedule: &Schedule) {
        let Hours::Weekly(windows) = &schedule.hours else { return };
        if windows.is_empty() {
            self.push(format!("{field}.hours"), AgreementError::NoWindows);
        }
        for (i, w) in windows.iter().enumerate() {
            let path = format!("{field}.hours.weekly[{i}]");
            if w.end <= w.start {
                self.push(
                    path.clone(),
                    AgreementError::EndsBeforeStart { start: w.start.to_string(), end: w.end.to_string() },
                );
            }
            if w.days.is_empty() {
                self.push(path.clone(), AgreementError::NoDays);
            }
            for (j, other) in windows.iter().enumerate().take(i) {
                let shared = w.days.iter().find(|d| other.days.contains(d));
                if let Some(day) = shared {
                    if w.start < other.end && other.start < w.end {
                        self.push(path.clone(), AgreementError::OverlappingWindows { other: j, day: *day });
                    }
                }
            }
        }
    }
}

impl Agreement {
    /// Every problem in the agreement, each with its field; empty when the agreement is usable.
    ///
    /// ```
    /// use sla_core::model::{Agreement, AgreementError};
    /// let mut a = Agreement::default();
    /// a.availability_target_percent = 100.5;
    /// let problems = a.validate();
    /// assert_eq!(problems[0].field.0, "availability_target_percent");
    /// assert!(matches!(problems[0].error, AgreementError::PercentOutOfRange { .. }));
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut c = Checker(Vec::new());
        if self.schema != AGREEMENT_SCHEMA {
            c.push("schema", AgreementError::UnsupportedSchema(self.schema.clone()));
        }
        if self.time_zone.parse::<crate::zone::Zone>().is_err() {
            c.push("time_zone", AgreementError::UnknownTimeZone(self.time_zone.clone()));
        }
        let target = self.availability_target_percent;
        c.percent("availability_target_percent", "the availability target", target);
        if (0.0..=100.0).contains(&target) && target <= 0.0 {
            c.push("availability_target_percent", AgreementError::TargetNotPositive);
        }
        c.schedule("availability_hours", &self.availability_hours);
        c.schedule("support_hours", &self.support_hours);
        if let PeriodSpec::Custom { first_day, last_day } = self.period {
            if last_day < first_day {
                c.push("period", AgreementError::PeriodEndsBeforeStart { first: first_day, last: last_day });
            }
        }
        for (i, p) in self.priorities.iter().enumerate() {
            let path = format!("priorities[{i}]");
            if p.name.trim().is_empty() {
                c.push(format!("{path}.name"), AgreementError::UnnamedPriority);
            } else if self.priorities[..i].iter().any(|q| q.name.trim().eq_ignore_ascii_case(p.name.trim())) {
                c.push(format!("{path}.name"), AgreementError::DuplicatePriority(p.name.clone()));
            }
            for (kind, target) in [("respond", &p.respond), ("resolve", &p.resolve)] {
                if let Some(t) = target {
                    c.amount(&format!("{path}.{kind}.penalty"), "the penalty per breach", t.penalty);
                }
            }
        }
        for (i, m) in self.maintenance.iter().enumerate() {
            let (start, end, ok) = match m {
                MaintenanceWindow::OneOff { start, end, .. } => (start.to_string(), end.to_string(), end > start),
                MaintenanceWindow::Weekly { start, end, days, .. } => {
                    if days.is_empty() {
                        c.push(format!("maintenance[{i}]"), AgreementError::NoDays);
                    }
                    (start.to_string(), end.to_string(), end > start)
                }
            };
            if !ok {
                c.push(format!("maintenance[{i}]"), AgreementError::EndsBeforeStart { start, end });
            }
        }
        c.percent("impact.partial_outage_percent", "the partial-outage weight", self.impact.partial_outage_percent);
        c.percent("impact.degraded_percent", "the degraded weight", self.impact.degraded_percent);
        let credits = &self.credits;
        c.amount("credits.fee_per_period", "the fee per period", credits.fee_per_period);
        c.amount("credits.minimum_amount", "the minimum credit", credits.minimum_amount);
        c.percent("credits.cap_percent", "the credit cap", credits.cap_percent);
        for (i, t) in credits.tiers.iter().enumerate() {
            c.percent(&format!("credits.tiers[{i}].below_percent"), "a tier threshold", t.below_percent);
            c.percent(&format!("credits.tiers[{i}].credit_percent"), "a tier credit", t.credit_percent);
            for u in credits.tiers.iter().take(i) {
                let path = format!("credits.tiers[{i}]");
                if t.below_percent == u.below_percent {
                    c.push(path, AgreementError::DuplicateTier(t.below_percent));
                } else {
                    let (lo, hi) = if t.below_percent < u.below_percent { (t, u) } else { (u, t) };
                    if lo.credit_percent < hi.credit_percent {
                        c.push(
                            path,
                            AgreementError::TiersOutOfOrder {
                                lower: lo.below_percent,
                                lower_credit: lo.credit_percent,
                                higher: hi.below_percent,
                                higher_credit: hi.credit_percent,
                            },
                        );
                    }
                }
            }
        }
        let mut problems = c.0;
        problems.extend(self.revision_problems());
        problems
    }

    /// The agreement's time zone, or the error saying it is unknown.
    pub fn tz(&self) -> Result<crate::zone::Zone, AgreementError> {
        self.time_zone.parse().map_err(|_| AgreementError::UnknownTimeZone(self.time_zone.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CreditTier, TimeOfDay, WeeklyWindow};
    use chrono::Weekday;

    fn fields(a: &Agreement) -> Vec<String> {
        a.validate().into_iter().map(|e| e.field.0).collect()
    }

    #[test]
    fn default_is_valid_and_round_trips() {
        let a = Agreement::default();
        assert!(a.validate().is_empty(), "{:?}", a.validate());
        let json = serde_json::to_string_pretty(&a).unwrap();
        let back: Agreement = crate::json::from_str(&json).unwrap();
        assert_eq!(a, back);
    }

    #[test]
    fn empty_object_reads_as_default() {
        let a: Agreement = crate::json::from_str("{}").unwrap();
        assert_eq!(a, Agreement::default());
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let err = crate::json::from_str::<Agreement>(r#"{"targett": 99}"#).unwrap_err();
        assert!(err.to_string().contains("targett"), "{err}");
    }

    #[test]
    fn reports_each_problem_at_its_field() {
        let mut a = Agreement::default();
        a.availability_target_percent = 100.5;
        a.time_zone = "Mars/Olympus".into();
        a.support_hours = Schedule::weekdays(TimeOfDay::hm(18, 0).unwrap(), TimeOfDay::hm(8, 0).unwrap());
        a.credits.tiers = vec![
            CreditTier { below_percent: 99.0, credit_percent: 25.0 },
            CreditTier { below_percent: 95.0, credit_percent: 10.0 },
            CreditTier { below_percent: 99.0, credit_percent: 30.0 },
        ];
        let f = fields(&a);
        assert!(f.contains(&"availability_target_percent".to_string()));
        assert!(f.contains(&"time_zone".to_string()));
        assert!(f.contains(&"support_hours.hours.weekly[0]".to_string()));
        assert!(f.contains(&"credits.tiers[1]".to_string()), "{f:?}");
        assert!(f.contains(&"credits.tiers[2]".to_string()));
        let msg = a.validate().iter().find(|e| e.field.0 == "time_zone").unwrap().to_string();
        assert!(msg.contains("Mars/Olympus") && msg.contains("IANA"), "{msg}");
    }

    #[test]
    fn overlapping_windows_and_nan_are_caught() {
        let mut a = Agreement::default();
        let w = |s, e| WeeklyWindow {
            days: vec![Weekday::Mon],
            start: TimeOfDay::hm(s, 0).unwrap(),
            end: TimeOfDay::hm(e, 0).unwrap(),
        };
        a.availability_hours.hours = Hours::Weekly(vec![w(8, 12), w(11, 18)]);
        a.credits.fee_per_period = f64::NAN;
        let f = fields(&a);
        assert_eq!(f, vec!["availability_hours.hours.weekly[1]", "credits.fee_per_period"]);
    }
}
