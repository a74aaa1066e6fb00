//! The service level agreement: who, when, which hours count, the targets, the exclusions, how
//! partial outages weigh and what a miss costs.
//!
//! The JSON form is the documented, versioned file format (`schema: "sla-agreement/1"`,
//! described in `docs/agreement-format.md`). Every field has a default, so a hand-written file
//! only needs what differs. [`Agreement::validate`] lists every problem with the field it sits in.

use super::{Span, TimeOfDay};
use chrono::{NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

/// The schema tag written into every agreement file.
pub const AGREEMENT_SCHEMA: &str = "sla-agreement/1";

/// A service level agreement between a provider and a customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agreement {
    /// Format tag, `sla-agreement/1`.
    pub schema: String,
    /// The service the agreement covers, e.g. "Payments API".
    pub service: String,
    /// Who delivers the service.
    pub provider: String,
    /// Who receives it.
    pub customer: String,
    /// The agreement's own version label, e.g. "2.1".
    pub version: String,
    /// The day the agreement takes effect, in its time zone.
    #[serde(with = "crate::date_text::serde_date::option")]
    pub effective_date: Option<NaiveDate>,
    /// IANA time zone name in which periods, service hours, holidays and maintenance are read,
    /// e.g. "Europe/Berlin" or "Asia/Taipei".
    pub time_zone: String,
    /// The hours in which availability is measured ("service time").
    pub availability_hours: Schedule,
    /// The hours in which response and resolution clocks run when a target counts in service
    /// hours (support hours). Often narrower than the availability hours.
    pub support_hours: Schedule,
    /// How the reporting span is cut into measurement periods.
    pub period: PeriodSpec,
    /// Availability target per period, in percent (e.g. 99.9).
    pub availability_target_percent: f64,
    /// Response and resolution targets per priority, most urgent first.
    pub priorities: Vec<PriorityTarget>,
    /// Maintenance windows excluded from both service time and downtime.
    pub maintenance: Vec<MaintenanceWindow>,
    /// How much each impact level counts as downtime.
    pub impact: ImpactWeights,
    /// Service credits and penalties.
    pub credits: CreditPolicy,
    /// How this customer's incident exports are read (columns and value translations), saved
    /// with the agreement so the next import of the same tool's export needs no mapping again.
    /// `None`: recognise the export's tool from its columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_mapping: Option<crate::import::ColumnMapping>,
    /// Later versions of the agreement, in date order: each changes some terms from its
    /// effective date on (see [`super::Revision`]). Empty for an agreement that was never
    /// revised; the agreement's own terms above are version 0. Not written when empty, so a
    /// file without revisions reads and writes exactly as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<super::Revision>,
}

impl Default for Agreement {
    /// A 24×7, 99.9 % monthly agreement in UTC with common ITSM priority targets and the
    /// Amazon S3-style credit table; every field can be changed.
    fn default() -> Agreement {
        let target = |name: &str, respond_min: i64, resolve_h: i64, clock: Clock| PriorityTarget {
            name: name.to_string(),
            respond: Some(ClockTarget { within: Span::from_minutes(respond_min), clock, penalty: 0.0 }),
            resolve: Some(ClockTarget { within: Span::from_hours(resolve_h), clock, penalty: 0.0 }),
        };
        Agreement {
            schema: AGREEMENT_SCHEMA.to_string(),
            service: "Service".to_string(),
            provider: String::new(),
            customer: String::new(),
            version: "1.0".to_string(),
            effective_date: None,
            time_zone: "UTC".to_string(),
            availability_hours: Schedule::always(),
            support_hours: Schedule::always(),
            period: PeriodSpec::Month,
            availability_target_percent: 99.9,
            priorities: vec![
                target("P1", 15, 4, Clock::AroundTheClock),
                target("P2", 30, 8, Clock::AroundTheClock),
                target("P3", 240, 24, Clock::ServiceHours),
                target("P4", 480, 72, Clock::ServiceHours),
            ],
            maintenance: Vec::new(),
            impact: ImpactWeights::default(),
            credits: CreditPolicy::default(),
            import_mapping: None,
            revisions: Vec::new(),
        }
    }
}

/// A set of hours: 24×7 or weekly windows, minus holidays.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Schedule {
    /// Which hours of the week count.
    pub hours: Hours,
    /// Whole local days that do not count at all (public holidays).
    #[serde(with = "crate::date_text::serde_date::list")]
    pub holidays: Vec<NaiveDate>,
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule::always()
    }
}

impl Schedule {
    /// Every hour of every day, no holidays.
    pub fn always() -> Schedule {
        Schedule { hours: Hours::TwentyFourSeven, holidays: Vec::new() }
    }
    /// Monday to Friday, one window per day, no holidays.
    pub fn weekdays(start: TimeOfDay, end: TimeOfDay) -> Schedule {
        Schedule {
            hours: Hours::Weekly(vec![WeeklyWindow {
                days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
                start,
                end,
            }]),
            holidays: Vec::new(),
        }
    }
}

/// Which hours of the week count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Hours {
    /// Around the clock, every day.
    #[serde(rename = "24x7")]
    TwentyFourSeven,
    /// Only inside these windows (several per day allowed).
    #[serde(rename = "weekly")]
    Weekly(Vec<WeeklyWindow>),
}

/// A window of local time on some weekdays, e.g. Mon–Fri 08:00–12:00.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyWindow {
    /// The weekdays it applies to.
    pub days: Vec<Weekday>,
    /// Local start time.
    pub start: TimeOfDay,
    /// Local end time, after `start`; `24:00` for the end of the day.
    pub end: TimeOfDay,
}

/// How the reporting span is cut into measurement periods, aligned in the agreement's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum PeriodSpec {
    /// Calendar months.
    Month,
    /// Calendar quarters (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).
    Quarter,
    /// Calendar years.
    Year,
    /// One period from the start of `first_day` to the end of `last_day` (both local dates).
    Custom {
        /// First day of the period.
        #[serde(with = "crate::date_text::serde_date")]
        first_day: NaiveDate,
        /// Last day of the period, inclusive.
        #[serde(with = "crate::date_text::serde_date")]
        last_day: NaiveDate,
    },
}

/// Targets for one priority level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityTarget {
    /// The level's name as incidents carry it after import mapping, e.g. "P1" or "Critical".
    /// Matched case-insensitively.
    pub name: String,
    /// Time to respond (start → acknowledged), if agreed.
    #[serde(default)]
    pub respond: Option<ClockTarget>,
    /// Time to resolve (start → resolved), if agreed.
    #[serde(default)]
    pub resolve: Option<ClockTarget>,
}

/// A time target and the clock it is counted on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockTarget {
    /// The allowed time, e.g. "4h".
    pub within: Span,
    /// Whether the time counts only in support hours or around the clock.
    #[serde(default)]
    pub clock: Clock,
    /// Amount owed for each incident that misses this target (in the credit currency).
    #[serde(default)]
    pub penalty: f64,
}

/// Which clock a response or resolution target runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Counts only inside the support hours, pausing outside them and on holidays.
    ServiceHours,
    /// Counts every second.
    #[default]
    #[serde(rename = "24x7")]
    AroundTheClock,
}

/// Time excluded from measurement for planned work.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum MaintenanceWindow {
    /// A single window, in local time of the agreement's zone.
    OneOff {
        /// What the work was.
        #[serde(default)]
        title: String,
        /// Local start.
        #[serde(with = "crate::date_text::serde_date_time")]
        start: NaiveDateTime,
        /// Local end, after start.
        #[serde(with = "crate::date_text::serde_date_time")]
        end: NaiveDateTime,
    },
    /// A window repeating every week, e.g. Sundays 02:00–04:00.
    Weekly {
        /// What the work is.
        #[serde(default)]
        title: String,
        /// Weekdays it recurs on.
        days: Vec<Weekday>,
        /// Local start time.
        start: TimeOfDay,
        /// Local end time, after `start`.
        end: TimeOfDay,
    },
}

/// How much of each impact level counts as downtime. A full outage always counts 100 %.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImpactWeights {
    /// Share of a partial outage counted as downtime, percent (default 30, the status-page
    /// convention of Atlassian Statuspage and Instatus).
    pub partial_outage_percent: f64,
    /// Share of degraded performance counted as downtime, percent (default 0).
    pub degraded_percent: f64,
}

impl Default for ImpactWeights {
    fn default() -> ImpactWeights {
        ImpactWeights { partial_outage_percent: 30.0, degraded_percent: 0.0 }
    }
}

/// Service credits: tiers of availability, the fee they are a share of, cap and minimum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CreditPolicy {
    /// The fee for one measurement period.
    pub fee_per_period: f64,
    /// ISO 4217 currency code or any label, e.g. "EUR".
    pub currency: String,
    /// Availability below `below_percent` earns `credit_percent` of the fee; the lowest tier
    /// whose threshold the availability is under applies.
    pub tiers: Vec<CreditTier>,
    /// Most that can be owed in one period, percent of the fee (tier credit plus penalties).
    pub cap_percent: f64,
    /// Credits smaller than this amount are not issued.
    pub minimum_amount: f64,
}

impl Default for CreditPolicy {
    fn default() -> CreditPolicy {
        CreditPolicy {
            fee_per_period: 10_000.0,
            currency: "USD".to_string(),
            tiers: vec![
                CreditTier { below_percent: 99.9, credit_percent: 10.0 },
                CreditTier { below_percent: 99.0, credit_percent: 25.0 },
                CreditTier { below_percent: 95.0, credit_percent: 100.0 },
            ],
            cap_percent: 100.0,
            minimum_amount: 0.0,
        }
    }
}

/// One row of a credit table: availability below `below_percent` → `credit_percent` of the fee.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditTier {
    /// Availability threshold, percent; the tier applies strictly below it.
    pub below_percent: f64,
    /// Credit as a percent of the period's fee.
    pub credit_percent: f64,
}
