//! The quick calculators: questions about availability that need no incident log.
//!
//! - **Allowed downtime** for a target over a day, week, month, quarter or year
//!   ([`allowed_downtime`], [`allowed_downtime_table`]).
//! - **Reverse**: a downtime over a period → availability % ([`availability_for_downtime`],
//!   [`availability_for_downtime_text`]).
//! - **Service hours**: hours measured per weekday (Monday first, 0 = not measured) → measured
//!   time per period and the downtime allowed inside it ([`service_hours_downtime`]).
//! - **Composite availability** of a tree of components in series, in parallel and deployed in
//!   several regions ([`Component`]).
//!
//! Calculators disagree on how long a month is, so every period length comes from a
//! [`Convention`] and every result carries the convention it used, with a sentence describing
//! it ([`Convention::description`], [`PeriodLength::description`]):
//!
//! | convention | day | week | month | quarter | year |
//! |---|---|---|---|---|---|
//! | [`Convention::ThirtyDayMonth`] | 86,400 s | 604,800 s | 2,592,000 s | 7,884,000 s | 31,536,000 s |
//! | [`Convention::MeanGregorian`] | 86,400 s | 604,800 s | 2,629,746 s | 7,889,238 s | 31,556,952 s |
//! | [`Convention::Calendar`] | 23–25 h | 167–169 h | 28–31 days ± 1 h | … | 365 or 366 days |
//!
//! Everything is pure: no clock, no I/O. Durations are `f64` seconds so that conventions which
//! produce fractions of a second (the mean Gregorian month is 30.436875 days) keep them; results
//! are rounded to the microsecond to remove binary floating-point noise. Every input is checked
//! and a bad one (NaN, infinity, negative, above 100 %) gives a [`CalcError`] or
//! [`CompositeError`] whose message can be shown to a user as it is.

use crate::model::{parse_duration_seconds, SpanError};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc, Weekday};
use crate::zone::Zone;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Seconds in a day of 24 hours.
pub const DAY_SECONDS: f64 = 86_400.0;
/// Seconds in a week of seven 24-hour days.
pub const WEEK_SECONDS: f64 = 604_800.0;
/// Days in the mean Gregorian year (400-year cycle: 146,097 days / 400).
pub const MEAN_GREGORIAN_YEAR_DAYS: f64 = 365.2425;

/// Deepest nesting accepted in a [`Component`] tree (guards against stack exhaustion).
pub const MAX_COMPONENT_DEPTH: usize = 64;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why a quick calculation could not be done. Messages are written for the person who typed
/// the input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CalcError {
    /// The availability target is not a number from 0 to 100.
    #[error("the availability target must be a number from 0 to 100 %, not {}", show(*.0))]
    TargetOutOfRange(f64),
    /// The downtime is negative, infinite or not a number.
    #[error("the downtime must be zero or more seconds, not {}", show(*.0))]
    BadDowntime(f64),
    /// The downtime text could not be read.
    #[error("the downtime could not be read: {0}")]
    DowntimeText(SpanError),
    /// More downtime than there is time in the period.
    #[error("the downtime ({downtime}) is longer than the measured time of the period ({measured}); choose a longer period or check the downtime")]
    DowntimeExceedsPeriod {
        /// The downtime, formatted.
        downtime: String,
        /// The measured time of the period, formatted.
        measured: String,
    },
    /// Service hours for a weekday are outside 0–24.
    #[error("the service hours for {day} must be from 0 to 24, not {}", show(*.value))]
    HoursOutOfRange {
        /// The weekday.
        day: Weekday,
        /// The value given.
        value: f64,
    },
    /// Every weekday has 0 service hours, so nothing is measured.
    #[error("no service hours are set: every day is 0; enter the hours measured on at least one weekday")]
    NoServiceHours,
    /// The time zone is not an IANA name.
    #[error("\"{0}\" is not a known time zone; use an IANA name such as Europe/Berlin, Asia/Taipei or UTC")]
    UnknownTimeZone(String),
    /// A calendar period would fall outside the dates this program can represent.
    #[error("the period around {0} is outside the supported range of dates")]
    DateOutOfRange(NaiveDate),
    /// The period has no measured time at all (e.g. service hours that fall on no day of it).
    #[error("the {0} has no measured time, so no availability can be computed for it")]
    EmptyPeriod(String),
}

/// Why a composite availability tree could not be evaluated. Each variant names where in the
/// tree the problem is, as a path such as `series item 2 › "database"`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompositeError {
    /// A component's availability is not a number from 0 to 100.
    #[error("{path}: the availability must be a number from 0 to 100 %, not {}", show(*.value))]
    PercentOutOfRange {
        /// Where in the tree.
        path: String,
        /// The value given.
        value: f64,
    },
    /// A series or parallel group has no members.
    #[error("{path}: this group has no components; add at least one or remove the group")]
    EmptyGroup {
        /// Where in the tree.
        path: String,
    },
    /// A multi-region deployment with zero regions.
    #[error("{path}: the number of regions must be at least 1")]
    NoRegions {
        /// Where in the tree.
        path: String,
    },
    /// The tree is nested deeper than [`MAX_COMPONENT_DEPTH`].
    #[error("{path}: the components are nested more than {MAX_COMPONENT_DEPTH} levels deep; flatten the tree")]
    TooDeep {
        /// Where in the tree.
        path: String,
    },
}

/// A number as a person typed it, short: `101`, `-0.5`, `NaN`, `inf`, `1e308` (exponent form
/// for very large or very small values rather than hundreds of digits).
fn show(value: f64) -> String {
    let magnitude = value.abs();
    if value.is_finite() && value != 0.0 && !(1e-6..1e15).contains(&magnitude) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}

// ---------------------------------------------------------------------------------------------
// Conventions and periods
// ---------------------------------------------------------------------------------------------

/// Which length a day, week, month, quarter and year have. Calculators disagree; this names the
/// choice so that every number can say which one it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Convention {
    /// 30-day month and 365-day year; the quarter is a quarter year (91.25 days).
    ThirtyDayMonth,
    /// The mean Gregorian year of 365.2425 days; month = year / 12 (30.436875 days),
    /// quarter = year / 4 (91.310625 days). This is what the uptime.is web page uses.
    MeanGregorian,
    /// The exact calendar period that contains `date`, with local midnights in `time_zone`:
    /// months of 28–31 days, quarters of 90–92 days, years of 365 or 366 days, days of 23 or
    /// 25 hours where daylight saving time starts or ends. Weeks are ISO weeks (Monday first).
    Calendar {
        /// Any day inside the wanted period.
        date: NaiveDate,
        /// The IANA time zone in which the period's midnights are read.
        time_zone: Zone,
    },
}

impl Convention {
    /// The exact-calendar convention for the periods containing `date` in the zone named
    /// `time_zone` (an IANA name such as `Europe/Berlin`).
    ///
    /// ```
    /// use sla_core::calc::{CalcError, Convention};
    /// use chrono::NaiveDate;
    /// let feb = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    /// assert!(Convention::calendar(feb, "Europe/Berlin").is_ok());
    /// assert!(matches!(Convention::calendar(feb, "Mars/Base"), Err(CalcError::UnknownTimeZone(_))));
    /// ```
    pub fn calendar(date: NaiveDate, time_zone: &str) -> Result<Convention, CalcError> {
        let time_zone =
            time_zone.trim().parse::<Zone>().map_err(|_| CalcError::UnknownTimeZone(time_zone.to_string()))?;
        Ok(Convention::Calendar { date, time_zone })
    }

    /// A short name for tables and menus: `30-day month`, `mean Gregorian`, `calendar`.
    pub fn short_name(&self) -> &'static str {
        match self {
            Convention::ThirtyDayMonth => "30-day month",
            Convention::MeanGregorian => "mean Gregorian",
            Convention::Calendar { .. } => "calendar",
        }
    }

    /// One sentence saying what the convention means, to print next to every number.
    ///
    /// ```
    /// use sla_core::calc::Convention;
    /// assert!(Convention::ThirtyDayMonth.description().contains("30-day month"));
    /// assert!(Convention::MeanGregorian.description().contains("365.2425"));
    /// ```
    pub fn description(&self) -> String {
        match self {
            Convention::ThirtyDayMonth => {
                "30-day month and 365-day year (quarter = 91.25 days, week = 7 days, day = 24 h)".to_string()
            }
            Convention::MeanGregorian => "mean Gregorian year of 365.2425 days; month = year/12 (30.436875 days), \
                 quarter = year/4 (91.310625 days), week = 7 days, day = 24 h (as on uptime.is)"
                .to_string(),
            Convention::Calendar { date, time_zone } => format!(
                "exact calendar periods containing {date} in {time_zone} (months of 28–31 days, \
                 ISO weeks from Monday, days of 23 or 25 h when daylight saving time changes)"
            ),
        }
    }
}

impl fmt::Display for Convention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.description())
    }
}

/// A kind of period: day, week, month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// One day.
    Day,
    /// One week (seven days).
    Week,
    /// One month.
    Month,
    /// One quarter year.
    Quarter,
    /// One year.
    Year,
}

impl PeriodKind {
    /// All kinds, shortest first.
    pub const ALL: [PeriodKind; 5] =
        [PeriodKind::Day, PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year];

    /// The lower-case English name: `day`, `week`, `month`, `quarter`, `year`.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Day => "day",
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
        }
    }
}

impl fmt::Display for PeriodKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text is not a period kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a period; use day, week, month, quarter or year")]
pub struct PeriodKindError(pub String);

impl std::str::FromStr for PeriodKind {
    type Err = PeriodKindError;
    /// Reads `day`, `week`, `month`, `quarter`, `year` (any case; also plurals and `d`, `w`,
    /// `m`, `q`, `y`).
    fn from_str(s: &str) -> Result<PeriodKind, PeriodKindError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "d" | "day" | "days" | "daily" => PeriodKind::Day,
            "w" | "week" | "weeks" | "weekly" => PeriodKind::Week,
            "m" | "month" | "months" | "monthly" => PeriodKind::Month,
            "q" | "quarter" | "quarters" | "quarterly" => PeriodKind::Quarter,
            "y" | "year" | "years" | "yearly" | "annual" => PeriodKind::Year,
            _ => return Err(PeriodKindError(s.to_string())),
        })
    }
}

/// The length of one period under one convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodLength {
    /// Which kind of period.
    pub kind: PeriodKind,
    /// The convention that fixed its length.
    pub convention: Convention,
    /// Its length in seconds (elapsed time, so a calendar day with a DST change has 23 or 25 h).
    pub seconds: f64,
    /// For the calendar convention: the local first day of the period.
    pub first_day: Option<NaiveDate>,
    /// For the calendar convention: the local day after the period's last day.
    pub end_day: Option<NaiveDate>,
    /// For the calendar convention: the instant the period starts.
    pub start: Option<DateTime<Utc>>,
    /// For the calendar convention: the instant the period ends (exclusive).
    pub end: Option<DateTime<Utc>>,
    /// A phrase naming the period and its length, e.g. `month of 30 days (30-day month)` or
    /// `February 2026 in Europe/Berlin (28d)`.
    pub description: String,
}

/// The length of a `kind` period under `convention`.
///
/// Fixed conventions: day = 86,400 s, week = 604,800 s; month, quarter and year as in the
/// module table. Calendar: end − start of the period's local midnights, in elapsed seconds.
///
/// ```
/// use sla_core::calc::{period_length, Convention, PeriodKind};
/// use chrono::NaiveDate;
/// assert_eq!(period_length(PeriodKind::Month, &Convention::ThirtyDayMonth).unwrap().seconds, 2_592_000.0);
/// assert_eq!(period_length(PeriodKind::Year, &Convention::MeanGregorian).unwrap().seconds, 31_556_952.0);
/// // The last Sunday of March 2026 has 23 hours in Berlin.
/// let dst = Convention::calendar(NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(), "Europe/Berlin").unwrap();
/// assert_eq!(period_length(PeriodKind::Day, &dst).unwrap().seconds, 23.0 * 3600.0);
/// ```
pub fn period_length(kind: PeriodKind, convention: &Convention) -> Result<PeriodLength, CalcError> {
    let fixed = |seconds: f64, what: &str| PeriodLength {
        kind,
        convention: *convention,
        seconds,
        first_day: None,
        end_day: None,
        start: None,
        end: None,
        description: format!("{kind} of {what} ({})", convention.short_name()),
    };
    match convention {
        Convention::ThirtyDayMonth => Ok(match kind {
            PeriodKind::Day => fixed(DAY_SECONDS, "24 h"),
            PeriodKind::Week => fixed(WEEK_SECONDS, "7 days"),
            PeriodKind::Month => fixed(30.0 * DAY_SECONDS, "30 days"),
            PeriodKind::Quarter => fixed(91.25 * DAY_SECONDS, "91.25 days"),
            PeriodKind::Year => fixed(365.0 * DAY_SECONDS, "365 days"),
        }),
        Convention::MeanGregorian => {
            let year = MEAN_GREGORIAN_YEAR_DAYS * DAY_SECONDS;
            Ok(match kind {
                PeriodKind::Day => fixed(DAY_SECONDS, "24 h"),
                PeriodKind::Week => fixed(WEEK_SECONDS, "7 days"),
                PeriodKind::Month => fixed(year / 12.0, "30.436875 days"),
                PeriodKind::Quarter => fixed(year / 4.0, "91.310625 days"),
                PeriodKind::Year => fixed(year, "365.2425 days"),
            })
        }
        Convention::Calendar { date, time_zone } => calendar_period(kind, *date, *time_zone, convention),
    }
}

/// The local days `[first, end)` of the calendar period of `kind` containing `date`.
fn calendar_days(kind: PeriodKind, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let first = match kind {
        PeriodKind::Day => date,
        PeriodKind::Week => date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))?,
        PeriodKind::Month => date.with_day(1)?,
        PeriodKind::Quarter => NaiveDate::from_ymd_opt(date.year(), (date.month0() / 3) * 3 + 1, 1)?,
        PeriodKind::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1)?,
    };
    let end = match kind {
        PeriodKind::Day => first.checked_add_days(Days::new(1))?,
        PeriodKind::Week => first.checked_add_days(Days::new(7))?,
        PeriodKind::Month => first.checked_add_months(Months::new(1))?,
        PeriodKind::Quarter => first.checked_add_months(Months::new(3))?,
        PeriodKind::Year => first.checked_add_months(Months::new(12))?,
    };
    Some((first, end))
}

/// The instant local `date` begins in `tz`: its midnight, or, where midnight is skipped by a
/// daylight-saving jump, the first local time that exists (at most a few hours later).
fn start_of_local_day(tz: Zone, date: NaiveDate) -> Option<DateTime<Utc>> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    for quarter_hours in 0..=24 * 4 {
        let local = midnight + chrono::TimeDelta::minutes(15 * quarter_hours);
        if let Some(t) = tz.from_local_datetime(&local).earliest() {
            return Some(t.with_timezone(&Utc));
        }
    }
    None
}

fn calendar_period(
    kind: PeriodKind,
    date: NaiveDate,
    tz: Zone,
    convention: &Convention,
) -> Result<PeriodLength, CalcError> {
    let out_of_range = || CalcError::DateOutOfRange(date);
    let (first, end_day) = calendar_days(kind, date).ok_or_else(out_of_range)?;
    let start = start_of_local_day(tz, first).ok_or_else(out_of_range)?;
    let end = start_of_local_day(tz, end_day).ok_or_else(out_of_range)?;
    let seconds = (end - start).num_seconds() as f64;
    let name = match kind {
        PeriodKind::Day => format!("{first} ({})", first.weekday()),
        PeriodKind::Week => {
            let last = end_day.pred_opt().unwrap_or(end_day);
            let iso = first.iso_week();
            format!("week {}-W{:02} ({first} to {last})", iso.year(), iso.week())
        }
        PeriodKind::Month => {
            let month = chrono::Month::try_from(first.month() as u8).map(|m| m.name()).unwrap_or("month");
            format!("{month} {}", first.year())
        }
        PeriodKind::Quarter => format!("Q{} {}", first.month0() / 3 + 1, first.year()),
        PeriodKind::Year => format!("{}", first.year()),
    };
    Ok(PeriodLength {
        kind,
        convention: *convention,
        seconds,
        first_day: Some(first),
        end_day: Some(end_day),
        start: Some(start),
        end: Some(end),
        description: format!("{name} in {tz} ({})", crate::model::format_seconds(seconds as i64)),
    })
}

// ---------------------------------------------------------------------------------------------
// Allowed downtime
// ---------------------------------------------------------------------------------------------

/// The downtime a target allows in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllowedDowntime {
    /// The availability target, percent.
    pub target_percent: f64,
    /// The period and its convention.
    pub period: PeriodLength,
    /// The time measured in the period, seconds: the whole period, or only its service hours.
    pub measured_seconds: f64,
    /// The downtime allowed, seconds (may have a fraction).
    pub allowed_seconds: f64,
}

impl AllowedDowntime {
    /// The allowed downtime formatted compactly, e.g. `43m 49.7s` (see [`format_duration`]).
    pub fn allowed_text(&self) -> String {
        format_duration(self.allowed_seconds)
    }
    /// The measured time formatted compactly, e.g. `30d`.
    pub fn measured_text(&self) -> String {
        format_duration(self.measured_seconds)
    }
}

fn check_target(target_percent: f64) -> Result<(), CalcError> {
    if target_percent.is_finite() && (0.0..=100.0).contains(&target_percent) {
        Ok(())
    } else {
        Err(CalcError::TargetOutOfRange(target_percent))
    }
}

/// Rounds to the microsecond: removes noise such as 2591.99999999985 from `0.1 % of 30 days`.
fn round_micro(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1e6
}

/// Allowed downtime = measured time × (100 − target) / 100.
fn allowance(target_percent: f64, measured: f64) -> f64 {
    round_micro(measured * (100.0 - target_percent) / 100.0)
}

/// The downtime that `target_percent` allows in one `kind` period under `convention`:
///
/// `allowed = period seconds × (100 − target) / 100`.
///
/// ```
/// use sla_core::calc::{allowed_downtime, Convention, PeriodKind};
/// use chrono::NaiveDate;
/// let month = |c: &Convention| allowed_downtime(99.9, PeriodKind::Month, c).unwrap().allowed_text();
/// assert_eq!(month(&Convention::ThirtyDayMonth), "43m 12s");
/// assert_eq!(month(&Convention::MeanGregorian), "43m 49.7s");
/// let january = Convention::calendar(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(), "Europe/Berlin").unwrap();
/// assert_eq!(month(&january), "44m 38.4s");
/// assert!(allowed_downtime(f64::NAN, PeriodKind::Month, &Convention::ThirtyDayMonth).is_err());
/// ```
pub fn allowed_downtime(
    target_percent: f64,
    kind: PeriodKind,
    convention: &Convention,
) -> Result<AllowedDowntime, CalcError> {
    check_target(target_percent)?;
    let period = period_length(kind, convention)?;
    let measured = period.seconds;
    Ok(AllowedDowntime {
        target_percent,
        measured_seconds: measured,
        allowed_seconds: allowance(target_percent, measured),
        period,
    })
}

/// [`allowed_downtime`] for every [`PeriodKind`], day first.
///
/// ```
/// use sla_core::calc::{allowed_downtime_table, Convention};
/// let rows = allowed_downtime_table(99.95, &Convention::ThirtyDayMonth).unwrap();
/// let texts: Vec<String> = rows.iter().map(|r| r.allowed_text()).collect();
/// assert_eq!(texts, ["43.2s", "5m 2.4s", "21m 36s", "1h 5m 42s", "4h 22m 48s"]);
/// ```
pub fn allowed_downtime_table(target_percent: f64, convention: &Convention) -> Result<Vec<AllowedDowntime>, CalcError> {
    PeriodKind::ALL.iter().map(|k| allowed_downtime(target_percent, *k, convention)).collect()
}

// ---------------------------------------------------------------------------------------------
// Reverse: downtime → availability
// ---------------------------------------------------------------------------------------------

/// Availability computed from a downtime over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityFromDowntime {
    /// The downtime, seconds.
    pub downtime_seconds: f64,
    /// The period and its convention.
    pub period: PeriodLength,
    /// The time measured in the period, seconds.
    pub measured_seconds: f64,
    /// `(measured − downtime) / measured × 100`.
    pub availability_percent: f64,
}

/// Availability % = (measured − downtime) / measured × 100.
///
/// ```
/// use sla_core::calc::availability_percent;
/// assert_eq!(availability_percent(2592.0, 2_592_000.0).unwrap(), 99.9);
/// assert!(availability_percent(-1.0, 100.0).is_err());
/// assert!(availability_percent(101.0, 100.0).is_err());
/// ```
pub fn availability_percent(downtime_seconds: f64, measured_seconds: f64) -> Result<f64, CalcError> {
    if !(downtime_seconds.is_finite() && downtime_seconds >= 0.0) {
        return Err(CalcError::BadDowntime(downtime_seconds));
    }
    if !(measured_seconds.is_finite() && measured_seconds > 0.0) {
        return Err(CalcError::EmptyPeriod("period".to_string()));
    }
    if downtime_seconds > measured_seconds {
        return Err(CalcError::DowntimeExceedsPeriod {
            downtime: format_duration(downtime_seconds),
            measured: format_duration(measured_seconds),
        });
    }
    // Rounded to 1e-10 % to remove floating-point noise (99.9 rather than 99.90000000000001).
    let percent = (measured_seconds - downtime_seconds) / measured_seconds * 100.0;
    Ok((percent * 1e10).round() / 1e10)
}

/// The availability of one `kind` period under `convention` with `downtime_seconds` of
/// downtime: `(period − downtime) / period × 100`.
///
/// ```
/// use sla_core::calc::{availability_for_downtime, Convention, PeriodKind};
/// let r = availability_for_downtime(2592.0, PeriodKind::Month, &Convention::ThirtyDayMonth).unwrap();
/// assert_eq!(r.availability_percent, 99.9);
/// ```
pub fn availability_for_downtime(
    downtime_seconds: f64,
    kind: PeriodKind,
    convention: &Convention,
) -> Result<AvailabilityFromDowntime, CalcError> {
    let period = period_length(kind, convention)?;
    reverse(downtime_seconds, period.seconds, period)
}

fn reverse(downtime_seconds: f64, measured: f64, period: PeriodLength) -> Result<AvailabilityFromDowntime, CalcError> {
    if measured <= 0.0 && downtime_seconds.is_finite() && downtime_seconds >= 0.0 {
        return Err(CalcError::EmptyPeriod(period.description.clone()));
    }
    let availability_percent = availability_percent(downtime_seconds, measured)?;
    Ok(AvailabilityFromDowntime { downtime_seconds, measured_seconds: measured, availability_percent, period })
}

/// [`availability_for_downtime`] with the downtime written as text, in any form
/// [`parse_duration_seconds`] reads (`3h 10m`, `13m 37s`, `01:30:00`, `5400`).
///
/// ```
/// use sla_core::calc::{availability_for_downtime_text, Convention, PeriodKind};
/// let r = availability_for_downtime_text("13m 37s", PeriodKind::Month, &Convention::MeanGregorian).unwrap();
/// assert!((r.availability_percent - 99.968932).abs() < 1e-6);
/// assert!(availability_for_downtime_text("soon", PeriodKind::Month, &Convention::MeanGregorian).is_err());
/// ```
pub fn availability_for_downtime_text(
    downtime: &str,
    kind: PeriodKind,
    convention: &Convention,
) -> Result<AvailabilityFromDowntime, CalcError> {
    let seconds = parse_duration_seconds(downtime).map_err(CalcError::DowntimeText)?;
    availability_for_downtime(seconds as f64, kind, convention)
}

// ---------------------------------------------------------------------------------------------
// Service hours per weekday
// ---------------------------------------------------------------------------------------------

/// Hours measured on each weekday, Monday first; 0 means the day is not measured (as on
/// uptime.is). Business hours Mon–Fri 9–17 are `[8, 8, 8, 8, 8, 0, 0]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WeeklyServiceHours {
    /// Hours per day, Monday first, each from 0 to 24.
    pub hours_per_day: [f64; 7],
}

impl WeeklyServiceHours {
    /// Checked constructor: each value from 0 to 24, at least one above 0.
    pub fn new(hours_per_day: [f64; 7]) -> Result<WeeklyServiceHours, CalcError> {
        let hours = WeeklyServiceHours { hours_per_day };
        hours.validate()?;
        Ok(hours)
    }

    /// 24 hours every day.
    pub fn always() -> WeeklyServiceHours {
        WeeklyServiceHours { hours_per_day: [24.0; 7] }
    }

    /// The first problem, if any: a value outside 0–24 (or NaN), or every day 0.
    pub fn validate(&self) -> Result<(), CalcError> {
        for (i, h) in self.hours_per_day.iter().enumerate() {
            if !(h.is_finite() && (0.0..=24.0).contains(h)) {
                let day = Weekday::try_from(i as u8).unwrap_or(Weekday::Mon);
                return Err(CalcError::HoursOutOfRange { day, value: *h });
            }
        }
        if self.hours_per_day.iter().all(|h| *h == 0.0) {
            return Err(CalcError::NoServiceHours);
        }
        Ok(())
    }

    /// Hours measured on `day`.
    pub fn hours_on(&self, day: Weekday) -> f64 {
        self.hours_per_day[day.num_days_from_monday() as usize]
    }

    /// Measured seconds in one week: Σ hours × 3600.
    pub fn seconds_per_week(&self) -> f64 {
        self.hours_per_day.iter().sum::<f64>() * 3600.0
    }
}

/// Measured seconds in `period` under the weekly service hours.
///
/// Fixed conventions: week × period / 7 days (so a 30-day month holds 30/7 weeks). Calendar:
/// the sum of each local day's hours over the days of the period. Hours are counted as given
/// per weekday; a daylight-saving change inside the service hours is not adjusted for.
fn measured_in_service_hours(hours: &WeeklyServiceHours, period: &PeriodLength) -> f64 {
    match (period.first_day, period.end_day) {
        (Some(first), Some(end)) => {
            let mut total = 0.0;
            for day in first.iter_days().take_while(|d| *d < end) {
                total += hours.hours_on(day.weekday()) * 3600.0;
            }
            total
        }
        _ => round_micro(hours.seconds_per_week() * period.seconds / WEEK_SECONDS),
    }
}

/// The downtime `target_percent` allows within the service hours of one `kind` period:
///
/// `measured = Σ service hours in the period`, `allowed = measured × (100 − target) / 100`.
///
/// Under the fixed conventions a day is an average day (a seventh of the week).
///
/// ```
/// use sla_core::calc::{allowed_downtime_in_service_hours, Convention, PeriodKind, WeeklyServiceHours};
/// let office = WeeklyServiceHours::new([8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0]).unwrap();
/// let week = allowed_downtime_in_service_hours(99.9, &office, PeriodKind::Week, &Convention::ThirtyDayMonth).unwrap();
/// assert_eq!(week.measured_seconds, 40.0 * 3600.0);
/// assert_eq!(week.allowed_text(), "2m 24s");
/// ```
pub fn allowed_downtime_in_service_hours(
    target_percent: f64,
    hours: &WeeklyServiceHours,
    kind: PeriodKind,
    convention: &Convention,
) -> Result<AllowedDowntime, CalcError> {
    check_target(target_percent)?;
    hours.validate()?;
    let period = period_length(kind, convention)?;
    let measured = measured_in_service_hours(hours, &period);
    Ok(AllowedDowntime {
        target_percent,
        measured_seconds: measured,
        allowed_seconds: allowance(target_percent, measured),
        period,
    })
}

/// [`allowed_downtime_in_service_hours`] for week, month, quarter and year.
///
/// ```
/// use sla_core::calc::{service_hours_downtime, Convention, WeeklyServiceHours};
/// let office = WeeklyServiceHours::new([9.0, 9.0, 9.0, 9.0, 9.0, 0.0, 0.0]).unwrap();
/// let rows = service_hours_downtime(99.9, &office, &Convention::ThirtyDayMonth).unwrap();
/// // A 30-day month holds 30/7 weeks of 45 hours.
/// assert!((rows[1].measured_seconds - 45.0 * 3600.0 * 30.0 / 7.0).abs() < 1e-6);
/// ```
pub fn service_hours_downtime(
    target_percent: f64,
    hours: &WeeklyServiceHours,
    convention: &Convention,
) -> Result<Vec<AllowedDowntime>, CalcError> {
    [PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year]
        .iter()
        .map(|k| allowed_downtime_in_service_hours(target_percent, hours, *k, convention))
        .collect()
}

/// The availability within service hours of one `kind` period with `downtime_seconds` of
/// downtime inside those hours: `(measured − downtime) / measured × 100`.
///
/// ```
/// use sla_core::calc::{availability_for_downtime_in_service_hours, Convention, PeriodKind, WeeklyServiceHours};
/// let office = WeeklyServiceHours::new([8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0]).unwrap();
/// let r = availability_for_downtime_in_service_hours(144.0, &office, PeriodKind::Week, &Convention::MeanGregorian).unwrap();
/// assert_eq!(r.availability_percent, 99.9);
/// ```
pub fn availability_for_downtime_in_service_hours(
    downtime_seconds: f64,
    hours: &WeeklyServiceHours,
    kind: PeriodKind,
    convention: &Convention,
) -> Result<AvailabilityFromDowntime, CalcError> {
    hours.validate()?;
    let period = period_length(kind, convention)?;
    let measured = measured_in_service_hours(hours, &period);
    reverse(downtime_seconds, measured, period)
}

// ---------------------------------------------------------------------------------------------
// Composite availability
// ---------------------------------------------------------------------------------------------

/// A tree of components whose combined availability is wanted. Serialises as JSON such as
/// `{"series": [{"leaf": {"name": "api", "percent": 99.95}}, {"leaf": {"name": "db", "percent": 99.99}}]}`.
///
/// - [`Component::Series`]: all children are needed: `A = Π Aᵢ`.
/// - [`Component::Parallel`]: any one child suffices: `A = 1 − Π (1 − Aᵢ)`.
/// - [`Component::Regions`]: the same deployment in `count` independent regions, any one
///   suffices: `A = 1 − (1 − A_deployment)^count`.
///
/// ```
/// use sla_core::calc::Component;
/// let series = Component::Series(vec![Component::leaf("api", 99.95), Component::leaf("db", 99.99)]);
/// assert_eq!(format!("{:.2}", series.availability_percent().unwrap()), "99.94");
/// let pair = Component::Parallel(vec![Component::leaf("a", 99.9), Component::leaf("b", 99.9)]);
/// assert_eq!(format!("{:.4}", pair.availability_percent().unwrap()), "99.9999");
/// let regions = Component::Regions { count: 2, deployment: Box::new(Component::leaf("stack", 99.9)) };
/// assert_eq!(format!("{:.4}", regions.availability_percent().unwrap()), "99.9999");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// One component with a known availability.
    Leaf {
        /// What it is, e.g. "database".
        #[serde(default)]
        name: String,
        /// Its availability, percent (0–100).
        percent: f64,
    },
    /// All children are required.
    Series(Vec<Component>),
    /// Any one child suffices.
    Parallel(Vec<Component>),
    /// The same deployment in `count` independent regions; any one region suffices.
    Regions {
        /// Number of regions, at least 1.
        count: u32,
        /// What is deployed in each region.
        deployment: Box<Component>,
    },
}

/// The evaluated tree: every node's availability, for showing the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompositeBreakdown {
    /// A label for the node: the leaf's name, `series`, `parallel` or `3 regions`.
    pub label: String,
    /// The node's availability, percent.
    pub percent: f64,
    /// The node's children (one for a multi-region node).
    pub children: Vec<CompositeBreakdown>,
}

impl Component {
    /// A leaf with a name and an availability in percent.
    pub fn leaf(name: impl Into<String>, percent: f64) -> Component {
        Component::Leaf { name: name.into(), percent }
    }

    /// The overall availability, percent. See [`Component`] for the formulas.
    pub fn availability_percent(&self) -> Result<f64, CompositeError> {
        self.evaluate().map(|b| b.percent)
    }

    /// Checks the whole tree and returns the first problem, with its place in the tree.
    pub fn validate(&self) -> Result<(), CompositeError> {
        self.evaluate().map(|_| ())
    }

    /// Evaluates the tree, returning each node's availability.
    ///
    /// Internally works on unavailability `U = 1 − A` for parallel groups and regions
    /// (`U = Π Uᵢ`, `U = U_d^R`), which keeps precision for many nines.
    pub fn evaluate(&self) -> Result<CompositeBreakdown, CompositeError> {
        let (node, _) = self.eval("top level", 0)?;
        Ok(node)
    }

    /// Returns the node's breakdown with availability as a fraction (0–1) alongside.
    fn eval(&self, path: &str, depth: usize) -> Result<(CompositeBreakdown, f64), CompositeError> {
        if depth > MAX_COMPONENT_DEPTH {
            return Err(CompositeError::TooDeep { path: path.to_string() });
        }
        let child_path = |group: &str, i: usize, c: &Component| -> String {
            let here = if depth == 0 { String::new() } else { format!("{path} › ") };
            match c {
                Component::Leaf { name, .. } if !name.trim().is_empty() => {
                    format!("{here}{group} item {} \"{}\"", i + 1, name.trim())
                }
                _ => format!("{here}{group} item {}", i + 1),
            }
        };
        match self {
            Component::Leaf { name, percent } => {
                if !(percent.is_finite() && (0.0..=100.0).contains(percent)) {
                    let path = if depth == 0 && !name.trim().is_empty() {
                        format!("\"{}\"", name.trim())
                    } else {
                        path.to_string()
                    };
                    return Err(CompositeError::PercentOutOfRange { path, value: *percent });
                }
                let label = if name.trim().is_empty() { "component".to_string() } else { name.trim().to_string() };
                Ok((CompositeBreakdown { label, percent: *percent, children: Vec::new() }, percent / 100.0))
            }
            Component::Series(children) | Component::Parallel(children) => {
                let series = matches!(self, Component::Series(_));
                let group = if series { "series" } else { "parallel" };
                if children.is_empty() {
                    return Err(CompositeError::EmptyGroup { path: path.to_string() });
                }
                let mut nodes = Vec::with_capacity(children.len());
                let mut product = 1.0;
                for (i, c) in children.iter().enumerate() {
                    let (node, a) = c.eval(&child_path(group, i, c), depth + 1)?;
                    product *= if series { a } else { 1.0 - a };
                    nodes.push(node);
                }
                let a = if series { product } else { 1.0 - product };
                Ok((CompositeBreakdown { label: group.to_string(), percent: clean_percent(a), children: nodes }, a))
            }
            Component::Regions { count, deployment } => {
                if *count == 0 {
                    return Err(CompositeError::NoRegions { path: path.to_string() });
                }
                let (node, a) = deployment.eval(&child_path("regions", 0, deployment), depth + 1)?;
                let exponent = i32::try_from(*count).unwrap_or(i32::MAX);
                let a = 1.0 - (1.0 - a).powi(exponent);
                let label = if *count == 1 { "1 region".to_string() } else { format!("{count} regions") };
                Ok((CompositeBreakdown { label, percent: clean_percent(a), children: vec![node] }, a))
            }
        }
    }
}

/// A fraction as a percent, rounded to 1e-10 % to hide floating-point noise.
fn clean_percent(fraction: f64) -> f64 {
    (fraction * 100.0 * 1e10).round() / 1e10
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// Formats seconds compactly with up to one decimal of a second: `43m 12s`, `43m 49.7s`,
/// `8h 45m 57s`, `30d 10h 29m 6s`, `0s`. The value is rounded to a tenth first, so 59.96 s
/// becomes `1m`. Not-a-number and infinities are written `n/a`.
///
/// ```
/// use sla_core::calc::format_duration;
/// assert_eq!(format_duration(2592.0), "43m 12s");
/// assert_eq!(format_duration(2629.746), "43m 49.7s");
/// assert_eq!(format_duration(59.96), "1m");
/// assert_eq!(format_duration(0.04), "0s");
/// assert_eq!(format_duration(f64::NAN), "n/a");
/// ```
pub fn format_duration(seconds: f64) -> String {
    format_duration_with(seconds, 1)
}

/// Formats seconds compactly with up to `decimals` decimals of a second (at most 6; trailing
/// zeros dropped): `format_duration_with(2629.746, 3)` is `43m 49.746s`. Negative values get a
/// leading minus; not-a-number and infinities are written `n/a`.
///
/// ```
/// use sla_core::calc::format_duration_with;
/// assert_eq!(format_duration_with(2629.746, 3), "43m 49.746s");
/// assert_eq!(format_duration_with(2629.746, 0), "43m 50s");
/// assert_eq!(format_duration_with(-90.0, 1), "-1m 30s");
/// assert_eq!(format_duration_with(90061.5, 1), "1d 1h 1m 1.5s");
/// ```
pub fn format_duration_with(seconds: f64, decimals: u32) -> String {
    if !seconds.is_finite() {
        return "n/a".to_string();
    }
    let mut decimals = decimals.min(6);
    let magnitude = seconds.abs();
    // Keep the scaled value inside u64 (≈ 1.8e19).
    while decimals > 0 && magnitude * 10f64.powi(decimals as i32) > 1e18 {
        decimals -= 1;
    }
    if magnitude > 1e18 {
        return format!("{}{:.0}s", if seconds < 0.0 { "-" } else { "" }, magnitude);
    }
    let scale = 10u64.pow(decimals);
    let units = (magnitude * scale as f64).round() as u64;
    if units == 0 {
        return "0s".to_string();
    }
    let (whole, frac) = (units / scale, units % scale);
    let mut parts = Vec::new();
    let (d, h, m, s) = (whole / 86_400, whole % 86_400 / 3600, whole % 3600 / 60, whole % 60);
    if d > 0 {
        parts.push(format!("{d}d"));
    }
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 {
        parts.push(format!("{m}m"));
    }
    if frac > 0 {
        let digits = format!("{frac:0width$}", width = decimals as usize);
        parts.push(format!("{s}.{}s", digits.trim_end_matches('0')));
    } else if s > 0 {
        parts.push(format!("{s}s"));
    }
    let sign = if seconds < 0.0 { "-" } else { "" };
    format!("{sign}{}", parts.join(" "))
}

/// Formats a percentage with up to `max_decimals` decimals, trailing zeros dropped, and never
/// rounds a value below 100 up to `100` (it adds decimals until the difference shows, up to 12).
///
/// ```
/// use sla_core::calc::format_percent;
/// assert_eq!(format_percent(99.940005, 2), "99.94");
/// assert_eq!(format_percent(99.9999, 6), "99.9999");
/// assert_eq!(format_percent(99.99999, 2), "99.99999");
/// assert_eq!(format_percent(100.0, 2), "100");
/// assert_eq!(format_percent(f64::NAN, 2), "n/a");
/// ```
pub fn format_percent(percent: f64, max_decimals: usize) -> String {
    if !percent.is_finite() {
        return "n/a".to_string();
    }
    let mut decimals = max_decimals.min(12);
    loop {
        let text = format!("{percent:.decimals$}");
        let rounds_to_100 = percent < 100.0 && crate::number::parse_f64(&text).is_some_and(|v| v >= 100.0);
        if !rounds_to_100 || decimals >= 12 {
            let trimmed = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
            return trimmed.to_string();
        }
        decimals += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn berlin(y: i32, m: u32, d: u32) -> Convention {
        Convention::calendar(date(y, m, d), "Europe/Berlin").unwrap()
    }

    #[test]
    fn reference_examples_hold_exactly() {
        let month = |c: &Convention| allowed_downtime(99.9, PeriodKind::Month, c).unwrap();
        assert_eq!(month(&Convention::ThirtyDayMonth).allowed_seconds, 2592.0);
        assert_eq!(month(&Convention::ThirtyDayMonth).allowed_text(), "43m 12s");
        assert_eq!(month(&Convention::MeanGregorian).allowed_seconds, 2629.746);
        assert_eq!(month(&Convention::MeanGregorian).allowed_text(), "43m 49.7s");
        assert_eq!(month(&berlin(2026, 1, 31)).allowed_seconds, 2678.4);
        assert_eq!(month(&berlin(2026, 1, 31)).allowed_text(), "44m 38.4s");
    }

    #[test]
    fn period_table_matches_reference() {
        let secs = |c: Convention| -> Vec<f64> {
            PeriodKind::ALL.iter().map(|k| period_length(*k, &c).unwrap().seconds).collect()
        };
        assert_eq!(secs(Convention::ThirtyDayMonth), [86_400.0, 604_800.0, 2_592_000.0, 7_884_000.0, 31_536_000.0]);
        assert_eq!(secs(Convention::MeanGregorian), [86_400.0, 604_800.0, 2_629_746.0, 7_889_238.0, 31_556_952.0]);
    }

    #[test]
    fn calendar_periods_follow_the_zone() {
        let h = 3600.0;
        // DST starts 2026-03-29 and ends 2026-10-25 in Berlin.
        assert_eq!(period_length(PeriodKind::Day, &berlin(2026, 3, 29)).unwrap().seconds, 23.0 * h);
        assert_eq!(period_length(PeriodKind::Day, &berlin(2026, 10, 25)).unwrap().seconds, 25.0 * h);
        assert_eq!(period_length(PeriodKind::Day, &berlin(2026, 6, 1)).unwrap().seconds, 24.0 * h);
        assert_eq!(period_length(PeriodKind::Month, &berlin(2026, 2, 10)).unwrap().seconds, 28.0 * 24.0 * h);
        assert_eq!(period_length(PeriodKind::Month, &berlin(2024, 2, 10)).unwrap().seconds, 29.0 * 24.0 * h);
        assert_eq!(period_length(PeriodKind::Month, &berlin(2026, 3, 10)).unwrap().seconds, 31.0 * 24.0 * h - h);
        assert_eq!(period_length(PeriodKind::Week, &berlin(2026, 3, 29)).unwrap().seconds, 7.0 * 24.0 * h - h);
        assert_eq!(period_length(PeriodKind::Quarter, &berlin(2026, 5, 5)).unwrap().seconds, 91.0 * 24.0 * h);
        assert_eq!(period_length(PeriodKind::Year, &berlin(2026, 5, 5)).unwrap().seconds, 365.0 * 24.0 * h);
        assert_eq!(period_length(PeriodKind::Year, &berlin(2024, 5, 5)).unwrap().seconds, 366.0 * 24.0 * h);
        let week = period_length(PeriodKind::Week, &berlin(2026, 3, 29)).unwrap();
        assert_eq!(week.first_day, Some(date(2026, 3, 23)));
        assert!(week.description.contains("2026-W13"), "{}", week.description);
        let feb = period_length(PeriodKind::Month, &berlin(2026, 2, 10)).unwrap();
        assert_eq!(feb.description, "February 2026 in Europe/Berlin (28d)");
        assert_eq!(feb.start.unwrap().to_rfc3339(), "2026-01-31T23:00:00+00:00");
        // Taipei has no DST: every day 24 h.
        let taipei = Convention::calendar(date(2026, 3, 29), "Asia/Taipei").unwrap();
        assert_eq!(period_length(PeriodKind::Day, &taipei).unwrap().seconds, 24.0 * h);
    }

    #[test]
    fn skipped_midnight_is_handled() {
        // America/Santiago skips 00:00 → 01:00 on 2026-09-06.
        let c = Convention::calendar(date(2026, 9, 6), "America/Santiago").unwrap();
        let day = period_length(PeriodKind::Day, &c).unwrap();
        assert_eq!(day.seconds, 23.0 * 3600.0);
    }

    #[test]
    fn bad_targets_are_errors_not_panics() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.1, 100.01, 1e300] {
            assert_eq!(
                allowed_downtime(bad, PeriodKind::Month, &Convention::ThirtyDayMonth).unwrap_err().to_string(),
                CalcError::TargetOutOfRange(bad).to_string()
            );
        }
        assert_eq!(allowed_downtime(100.0, PeriodKind::Year, &Convention::MeanGregorian).unwrap().allowed_seconds, 0.0);
        assert_eq!(
            allowed_downtime(0.0, PeriodKind::Day, &Convention::MeanGregorian).unwrap().allowed_seconds,
            86_400.0
        );
        assert!(Convention::calendar(date(2026, 1, 1), "Nowhere/City").is_err());
        assert!(CalcError::TargetOutOfRange(1e308).to_string().ends_with("not 1e308"));
        assert!(CalcError::TargetOutOfRange(101.5).to_string().ends_with("not 101.5"));
        // Far edges of the date range give errors, not panics.
        let far = Convention::Calendar { date: NaiveDate::MAX, time_zone: crate::zone::Zone::UTC };
        assert!(matches!(period_length(PeriodKind::Year, &far), Err(CalcError::DateOutOfRange(_))));
        let far = Convention::Calendar { date: NaiveDate::MIN, time_zone: crate::zone::Zone::UTC };
        assert!(period_length(PeriodKind::Week, &far).is_err());
    }

    #[test]
    fn reverse_mode() {
        let r = availability_for_downtime_text("3h 10m", PeriodKind::Quarter, &Convention::ThirtyDayMonth).unwrap();
        assert_eq!(r.downtime_seconds, 11_400.0);
        assert!((r.availability_percent - (1.0 - 11_400.0 / 7_884_000.0) * 100.0).abs() < 1e-9);
        let r = availability_for_downtime(2678.4, PeriodKind::Month, &berlin(2026, 1, 1)).unwrap();
        assert_eq!(r.availability_percent, 99.9);
        assert!(matches!(
            availability_for_downtime_text("31d", PeriodKind::Month, &Convention::ThirtyDayMonth),
            Err(CalcError::DowntimeExceedsPeriod { .. })
        ));
        assert!(matches!(
            availability_for_downtime_text("-5m", PeriodKind::Month, &Convention::ThirtyDayMonth),
            Err(CalcError::DowntimeText(SpanError::Negative(_)))
        ));
        for bad in [f64::NAN, f64::INFINITY, -1.0] {
            assert!(matches!(
                availability_for_downtime(bad, PeriodKind::Day, &Convention::ThirtyDayMonth),
                Err(CalcError::BadDowntime(_))
            ));
        }
        let msg = availability_for_downtime_text("31d", PeriodKind::Month, &Convention::ThirtyDayMonth)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("31d") && msg.contains("30d"), "{msg}");
    }

    #[test]
    fn service_hours() {
        let office = WeeklyServiceHours::new([8.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0]).unwrap();
        let rows = service_hours_downtime(99.9, &office, &Convention::ThirtyDayMonth).unwrap();
        assert_eq!(
            rows.iter().map(|r| r.period.kind).collect::<Vec<_>>(),
            [PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year]
        );
        assert_eq!(rows[0].measured_seconds, 144_000.0);
        assert_eq!(rows[0].allowed_seconds, 144.0);
        assert_eq!(rows[3].measured_seconds, round_micro(144_000.0 * 365.0 / 7.0));
        // February 2026 has 20 weekdays; March 2026 has 22.
        let feb = allowed_downtime_in_service_hours(99.9, &office, PeriodKind::Month, &berlin(2026, 2, 1)).unwrap();
        assert_eq!(feb.measured_seconds, 20.0 * 8.0 * 3600.0);
        let mar = allowed_downtime_in_service_hours(99.9, &office, PeriodKind::Month, &berlin(2026, 3, 1)).unwrap();
        assert_eq!(mar.measured_seconds, 22.0 * 8.0 * 3600.0);
        // A Saturday is not measured: reverse has nothing to divide by.
        let sat = availability_for_downtime_in_service_hours(0.0, &office, PeriodKind::Day, &berlin(2026, 2, 7));
        assert!(matches!(sat, Err(CalcError::EmptyPeriod(_))), "{sat:?}");
        // 24×7 service hours match the plain calculator.
        let all = allowed_downtime_in_service_hours(
            99.9,
            &WeeklyServiceHours::always(),
            PeriodKind::Month,
            &Convention::MeanGregorian,
        )
        .unwrap();
        assert_eq!(all.allowed_seconds, 2629.746);
    }

    #[test]
    fn bad_service_hours_name_the_day() {
        let e = WeeklyServiceHours::new([8.0, 8.0, 25.0, 8.0, 8.0, 0.0, 0.0]).unwrap_err();
        assert_eq!(e, CalcError::HoursOutOfRange { day: Weekday::Wed, value: 25.0 });
        assert!(e.to_string().contains("Wed"));
        assert!(WeeklyServiceHours::new([f64::NAN, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]).is_err());
        assert!(WeeklyServiceHours::new([-1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]).is_err());
        assert_eq!(WeeklyServiceHours::new([0.0; 7]).unwrap_err(), CalcError::NoServiceHours);
        let bad = WeeklyServiceHours { hours_per_day: [f64::INFINITY; 7] };
        assert!(service_hours_downtime(99.9, &bad, &Convention::ThirtyDayMonth).is_err());
    }

    #[test]
    fn composite_reference_examples() {
        let series = Component::Series(vec![Component::leaf("api", 99.95), Component::leaf("db", 99.99)]);
        let a = series.availability_percent().unwrap();
        assert!((a - 99.940005).abs() < 1e-9);
        assert_eq!(format_percent(a, 2), "99.94");
        let pair = Component::Parallel(vec![Component::leaf("a", 99.9), Component::leaf("b", 99.9)]);
        assert!((pair.availability_percent().unwrap() - 99.9999).abs() < 1e-9);
        let regions = Component::Regions { count: 3, deployment: Box::new(Component::leaf("stack", 99.0)) };
        assert!((regions.availability_percent().unwrap() - 99.9999).abs() < 1e-9);
    }

    #[test]
    fn composite_nested_and_serde() {
        let tree = Component::Series(vec![
            Component::leaf("load balancer", 99.99),
            Component::Regions {
                count: 2,
                deployment: Box::new(Component::Series(vec![
                    Component::leaf("app", 99.9),
                    Component::leaf("cache", 99.9),
                ])),
            },
            Component::Parallel(vec![Component::leaf("db primary", 99.95), Component::leaf("db replica", 99.95)]),
        ]);
        let json = serde_json::to_string(&tree).unwrap();
        let back: Component = serde_json::from_str(&json).unwrap();
        assert_eq!(back, tree);
        let region = 0.999 * 0.999;
        let expected = 0.9999 * (1.0 - (1.0 - region) * (1.0 - region)) * (1.0 - 0.0005 * 0.0005) * 100.0;
        let b = tree.evaluate().unwrap();
        assert!((b.percent - expected).abs() < 1e-9);
        assert_eq!(b.children.len(), 3);
        assert_eq!(b.children[1].label, "2 regions");
        let hand: Component =
            serde_json::from_str(r#"{"series":[{"leaf":{"name":"a","percent":99.95}},{"leaf":{"percent":99.99}}]}"#)
                .unwrap();
        assert!((hand.availability_percent().unwrap() - 99.940005).abs() < 1e-9);
    }

    #[test]
    fn composite_errors_say_where() {
        let bad = Component::Series(vec![
            Component::leaf("api", 99.9),
            Component::Parallel(vec![Component::leaf("db", 120.0)]),
        ]);
        let e = bad.availability_percent().unwrap_err();
        assert_eq!(
            e,
            CompositeError::PercentOutOfRange { path: "series item 2 › parallel item 1 \"db\"".into(), value: 120.0 }
        );
        assert!(e.to_string().starts_with("series item 2 › parallel item 1 \"db\": the availability must be"));
        let empty = Component::Series(vec![Component::leaf("a", 99.0), Component::Parallel(vec![])]);
        assert_eq!(empty.validate().unwrap_err(), CompositeError::EmptyGroup { path: "series item 2".into() });
        assert_eq!(
            Component::Parallel(vec![]).validate().unwrap_err(),
            CompositeError::EmptyGroup { path: "top level".into() }
        );
        let zero = Component::Regions { count: 0, deployment: Box::new(Component::leaf("x", 99.0)) };
        assert!(matches!(zero.validate(), Err(CompositeError::NoRegions { .. })));
        for v in [f64::NAN, f64::INFINITY, -1.0] {
            assert!(Component::leaf("x", v).validate().is_err());
        }
        let mut deep = Component::leaf("x", 99.0);
        for _ in 0..200 {
            deep = Component::Series(vec![deep]);
        }
        assert!(matches!(deep.validate(), Err(CompositeError::TooDeep { .. })));
        let huge = Component::Regions { count: u32::MAX, deployment: Box::new(Component::leaf("x", 50.0)) };
        assert_eq!(huge.availability_percent().unwrap(), 100.0);
    }

    #[test]
    fn formatting() {
        assert_eq!(format_duration(31_556.952), "8h 45m 57s");
        assert_eq!(format_duration(2_592_000.0), "30d");
        assert_eq!(format_duration(43.2), "43.2s");
        assert_eq!(format_duration(-0.01), "0s");
        assert_eq!(format_duration(f64::INFINITY), "n/a");
        assert_eq!(format_duration(1e30), "1000000000000000019884624838656s");
        assert_eq!(format_duration_with(0.000_001, 6), "0.000001s");
        assert_eq!(format_duration_with(1.5, 99), "1.5s");
        assert_eq!(format_percent(99.9, 4), "99.9");
        assert_eq!(format_percent(50.0, 4), "50");
        assert_eq!(format_percent(99.999_999_999_999_99, 2), "100");
        // The formatted text reads back with the model's duration parser.
        assert_eq!(parse_duration_seconds(&format_duration(2629.746)), Ok(2630));
    }

    #[test]
    fn convention_serde_and_parse() {
        let c = berlin(2026, 2, 1);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"kind":"calendar","date":"2026-02-01","time_zone":"Europe/Berlin"}"#);
        assert_eq!(serde_json::from_str::<Convention>(&json).unwrap(), c);
        assert_eq!(serde_json::to_string(&Convention::MeanGregorian).unwrap(), r#"{"kind":"mean_gregorian"}"#);
        assert_eq!("Quarter".parse::<PeriodKind>(), Ok(PeriodKind::Quarter));
        assert!("fortnight".parse::<PeriodKind>().unwrap_err().to_string().contains("fortnight"));
        assert!(c.description().contains("Europe/Berlin"));
    }
}
