//! Measurement periods: the reporting span cut into calendar months, quarters, years or one
//! custom range, aligned on local midnight in the agreement's time zone.
//!
//! A period runs from local midnight of its first day to local midnight after its last day,
//! each resolved to UTC by [`crate::calendar::resolve_local`] (a midnight skipped by a DST
//! change starts the period when the clocks jump). Labels: `2026-03` (month), `2026-Q1`
//! (quarter), `2026` (year), `2026-01-01..2026-03-31` (custom, both days inclusive).

use crate::calendar::{local_date, resolve_local, Edge};
use crate::model::PeriodSpec;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use crate::zone::Zone;
use serde::{Deserialize, Serialize};

/// Most periods one report may hold (e.g. 83 years of months).
pub const MAX_PERIODS: usize = 1000;

/// One measurement period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// `2026-03`, `2026-Q1`, `2026` or `2026-01-01..2026-03-31`.
    pub label: String,
    /// First instant, UTC.
    pub start: DateTime<Utc>,
    /// First instant after the period, UTC.
    pub end: DateTime<Utc>,
    /// True when the reporting span cut the calendar period short on either side.
    pub partial: bool,
}

/// Why a span could not be cut into periods.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The span ends at or before its start.
    #[error("the reporting span ends ({}) at or before its start ({})", crate::report::show_instant(.to), crate::report::show_instant(.from))]
    EndsBeforeStart {
        /// Start of the span.
        from: DateTime<Utc>,
        /// End of the span.
        to: DateTime<Utc>,
    },
    /// The span would hold more periods than [`MAX_PERIODS`].
    #[error("the reporting span from {} to {} holds more than {limit} {unit} periods; choose a shorter span or longer periods", crate::report::show_instant(.from), crate::report::show_instant(.to))]
    TooMany {
        /// Start of the span.
        from: DateTime<Utc>,
        /// End of the span.
        to: DateTime<Utc>,
        /// The limit.
        limit: usize,
        /// "monthly", "quarterly", "yearly".
        unit: &'static str,
    },
    /// A custom period does not meet the requested span.
    #[error("the custom period {label} lies outside the reporting span")]
    CustomOutsideSpan {
        /// The custom period's label.
        label: String,
    },
    /// A date lies outside what the calendar can represent.
    #[error("the date {0} is outside the supported calendar range")]
    OutOfRange(String),
}

fn midnight(tz: Zone, day: NaiveDate) -> Result<DateTime<Utc>, PeriodError> {
    resolve_local(tz, day.and_time(NaiveTime::MIN), Edge::Start).ok_or_else(|| PeriodError::OutOfRange(day.to_string()))
}

/// The first and the day after the last local day of the calendar period holding `day`, with
/// its label.
fn bounds(spec: &PeriodSpec, day: NaiveDate) -> Option<(NaiveDate, NaiveDate, String)> {
    let (y, m) = (day.year(), day.month());
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    match spec {
        PeriodSpec::Month => {
            let next = if m == 12 { first_of(y + 1, 1)? } else { first_of(y, m + 1)? };
            Some((first_of(y, m)?, next, format!("{y:04}-{m:02}")))
        }
        PeriodSpec::Quarter => {
            let q = (m - 1) / 3;
            let first = first_of(y, q * 3 + 1)?;
            let next = if q == 3 { first_of(y + 1, 1)? } else { first_of(y, q * 3 + 4)? };
            Some((first, next, format!("{y:04}-Q{}", q + 1)))
        }
        PeriodSpec::Year => Some((first_of(y, 1)?, first_of(y + 1, 1)?, format!("{y:04}"))),
        PeriodSpec::Custom { first_day, last_day } => {
            Some((*first_day, last_day.succ_opt()?, format!("{first_day}..{last_day}")))
        }
    }
}

/// The whole calendar period holding `instant` (for a custom spec: the custom period itself).
///
/// ```
/// use sla_core::{model::PeriodSpec, period::period_containing};
/// let t = chrono::DateTime::parse_from_rfc3339("2026-03-31T23:30:00Z").unwrap().to_utc();
/// let berlin = "Europe/Berlin".parse().unwrap();
/// // 23:30 UTC on 31 March is already 1 April in Berlin.
/// assert_eq!(period_containing(&PeriodSpec::Month, berlin, t).unwrap().label, "2026-04");
/// ```
pub fn period_containing(spec: &PeriodSpec, tz: Zone, instant: DateTime<Utc>) -> Result<Period, PeriodError> {
    let day = local_date(tz, instant);
    let (first, next, label) = bounds(spec, day).ok_or_else(|| PeriodError::OutOfRange(day.to_string()))?;
    Ok(Period { label, start: midnight(tz, first)?, end: midnight(tz, next)?, partial: false })
}

/// Cuts `[from, to)` into consecutive periods of `spec` aligned in `tz`. The first and last are
/// clipped to the span (and marked `partial`) when the span does not start or end on a period
/// boundary. A custom spec yields its single period clipped to the span.
pub fn cut_periods(spec: &PeriodSpec, tz: Zone, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Period>, PeriodError> {
    if to <= from {
        return Err(PeriodError::EndsBeforeStart { from, to });
    }
    let unit = match spec {
        PeriodSpec::Month => "monthly",
        PeriodSpec::Quarter => "quarterly",
        PeriodSpec::Year => "yearly",
        PeriodSpec::Custom { .. } => {
            let p = period_containing(spec, tz, from)?;
            let (start, end) = (p.start.max(from), p.end.min(to));
            if end <= start {
                return Err(PeriodError::CustomOutsideSpan { label: p.label });
            }
            let partial = start != p.start || end != p.end;
            return Ok(vec![Period { label: p.label, start, end, partial }]);
        }
    };
    let mut out = Vec::new();
    let mut cursor = from;
    while cursor < to {
        if out.len() >= MAX_PERIODS {
            return Err(PeriodError::TooMany { from, to, limit: MAX_PERIODS, unit });
        }
        let p = period_containing(spec, tz, cursor)?;
        let (start, end) = (p.start.max(from), p.end.min(to));
        if p.end <= cursor {
            // Cannot happen for real zones; guards against an endless loop.
            return Err(PeriodError::OutOfRange(cursor.to_string()));
        }
        out.push(Period { label: p.label, start, end, partial: start != p.start || end != p.end });
        cursor = p.end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn months_in_berlin() {
        let tz: Zone = "Europe/Berlin".parse().unwrap();
        let ps = cut_periods(&PeriodSpec::Month, tz, utc("2025-12-31T23:00:00Z"), utc("2026-12-31T23:00:00Z")).unwrap();
        assert_eq!(ps.len(), 12);
        assert_eq!(ps[0].label, "2026-01");
        assert!(ps.iter().all(|p| !p.partial));
        // March has the spring-forward day: 31 × 24 − 1 hours.
        assert_eq!((ps[2].end - ps[2].start).num_seconds(), (31 * 24 - 1) * 3600);
        // October has the fall-back day: 31 × 24 + 1 hours.
        assert_eq!((ps[9].end - ps[9].start).num_seconds(), (31 * 24 + 1) * 3600);
        assert_eq!(ps[3].start, utc("2026-03-31T22:00:00Z"));
    }

    #[test]
    fn leap_february_and_labels() {
        let ps = cut_periods(&PeriodSpec::Month, Zone::UTC, utc("2028-02-01T00:00:00Z"), utc("2028-03-01T00:00:00Z")).unwrap();
        // 29 × 86,400 = 2,505,600 s.
        assert_eq!((ps[0].end - ps[0].start).num_seconds(), 2_505_600);
        let qs = cut_periods(&PeriodSpec::Quarter, Zone::UTC, utc("2026-02-10T00:00:00Z"), utc("2026-07-01T00:00:00Z")).unwrap();
        let labels: Vec<_> = qs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2026-Q1", "2026-Q2"]);
        assert!(qs[0].partial && !qs[1].partial);
        let ys = cut_periods(&PeriodSpec::Year, Zone::UTC, utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z")).unwrap();
        assert_eq!(ys[0].label, "2026");
    }

    #[test]
    fn custom_and_errors() {
        let spec = PeriodSpec::Custom {
            first_day: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        };
        let ps = cut_periods(&spec, Zone::UTC, utc("2026-01-01T00:00:00Z"), utc("2026-04-01T00:00:00Z")).unwrap();
        assert_eq!(ps[0].label, "2026-01-01..2026-03-31");
        assert_eq!((ps[0].end - ps[0].start).num_days(), 90);
        let e = cut_periods(&PeriodSpec::Month, Zone::UTC, utc("1900-01-01T00:00:00Z"), utc("2026-01-01T00:00:00Z")).unwrap_err();
        assert!(e.to_string().contains("more than 1000 monthly periods"), "{e}");
        let e = cut_periods(&PeriodSpec::Month, Zone::UTC, utc("2026-01-01T00:00:00Z"), utc("2026-01-01T00:00:00Z")).unwrap_err();
        assert!(matches!(e, PeriodError::EndsBeforeStart { .. }));
    }
}
