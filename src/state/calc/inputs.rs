//! Reading the calculators' typed texts and computing their answers with `sla_core::calc`.
//! Pure functions: each field gives a value or a [`FieldError`] to show next to it, and each
//! calculator gives its answer or says why there is none. The UI words errors per language
//! (`components::calculators::text`).

use super::{CalcNode, CalcState, ConventionChoice, GroupKind};
use chrono::NaiveDate;
use sla_core::zone::Zone;
use sla_core::calc::{
    self, AllowedDowntime, AvailabilityFromDowntime, CalcError, Component, Convention, PeriodKind,
    WeeklyServiceHours,
};
use sla_core::model::{parse_duration_seconds, SpanError};

/// What is wrong with one typed field. Carries the text as typed, to quote it back.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number.
    NotANumber(String),
    /// A percentage above 100.
    AboveHundred(String),
    /// A percentage or hour count below 0.
    BelowZero(String),
    /// Service hours above 24 for one day.
    AboveDayHours(String),
    /// The text is not a duration.
    NotADuration(String),
    /// A negative duration.
    NegativeDuration(String),
    /// A duration over 1000 years.
    DurationTooLong(String),
    /// The downtime is longer than the time measured in the period.
    DowntimeExceedsPeriod {
        /// The downtime, seconds.
        downtime_seconds: f64,
        /// The measured time of the period, seconds.
        measured_seconds: f64,
    },
    /// The text is not a date (`YYYY-MM-DD` or `YYYY-MM`).
    NotADate(String),
    /// The date's periods fall outside the supported range.
    DateOutOfRange(String),
    /// The text is not an IANA time zone.
    UnknownTimeZone(String),
    /// The regions count is not a whole number of at least 1.
    NotACount(String),
    /// Every weekday has 0 service hours.
    NoServiceHours,
    /// A series or parallel group without members.
    EmptyGroup,
    /// The tree is nested too deeply.
    TooDeep,
}

/// Reads a number, allowing blanks around it and a trailing `%`.
fn number(text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    match sla_core::number::parse_f64(t) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(FieldError::NotANumber(text.trim().to_string())),
    }
}

/// A percentage from 0 to 100.
///
/// ```
/// use sla_web::state::calc::inputs::{parse_percent, FieldError};
/// assert_eq!(parse_percent(" 99.95 %"), Ok(99.95));
/// assert_eq!(parse_percent("100.5"), Err(FieldError::AboveHundred("100.5".into())));
/// ```
pub fn parse_percent(text: &str) -> Result<f64, FieldError> {
    let v = number(text)?;
    if v > 100.0 {
        Err(FieldError::AboveHundred(text.trim().to_string()))
    } else if v < 0.0 {
        Err(FieldError::BelowZero(text.trim().to_string()))
    } else {
        Ok(v)
    }
}

/// Hours of one weekday, 0 to 24.
pub fn parse_day_hours(text: &str) -> Result<f64, FieldError> {
    let v = number(text)?;
    if v > 24.0 {
        Err(FieldError::AboveDayHours(text.trim().to_string()))
    } else if v < 0.0 {
        Err(FieldError::BelowZero(text.trim().to_string()))
    } else {
        Ok(v)
    }
}

/// A duration such as `3h 10m`, `13m 37s`, `01:30:00` or `5400` (seconds), in seconds.
pub fn parse_downtime(text: &str) -> Result<f64, FieldError> {
    match parse_duration_seconds(text) {
        Ok(s) => Ok(s as f64),
        Err(SpanError::Empty) => Err(FieldError::Empty),
        Err(SpanError::Negative(t)) => Err(FieldError::NegativeDuration(t)),
        Err(SpanError::TooLong(t)) => Err(FieldError::DurationTooLong(t)),
        Err(SpanError::Unreadable(t)) => Err(FieldError::NotADuration(t)),
    }
}

/// A date `YYYY-MM-DD`, or `YYYY-MM` meaning the first of the month.
pub fn parse_date(text: &str) -> Result<NaiveDate, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    sla_core::date_text::parse_date(t)
        .or_else(|| sla_core::date_text::parse_date(&format!("{t}-01")))
        .ok_or_else(|| FieldError::NotADate(t.to_string()))
}

/// An IANA time zone name such as `Europe/Berlin`.
pub fn parse_time_zone(text: &str) -> Result<Zone, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    t.parse::<Zone>().map_err(|_| FieldError::UnknownTimeZone(t.to_string()))
}

/// A number of regions: a whole number of at least 1.
pub fn parse_region_count(text: &str) -> Result<u32, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    match t.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(FieldError::NotACount(t.to_string())),
    }
}

/// The period convention with the problems of its date and zone fields.
#[derive(Debug, Clone, PartialEq)]
pub struct ConventionInputs {
    /// The convention, when its fields are all usable.
    pub convention: Option<Convention>,
    /// The problem with the calendar date field (calendar convention only).
    pub date_error: Option<FieldError>,
    /// The problem with the time zone field (calendar convention only).
    pub zone_error: Option<FieldError>,
}

/// Why a calculator has no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum NoAnswer {
    /// Some field is unusable; its message is shown next to it.
    FixFields,
    /// The inputs are all readable but the answer cannot be computed; shown under the result.
    Problem(FieldError),
}

impl CalcState {
    /// The problem with the target field, if any.
    pub fn target_error(&self) -> Option<FieldError> {
        parse_percent(&self.target_text).err()
    }

    /// The period convention and its fields' problems.
    pub fn convention_inputs(&self) -> ConventionInputs {
        match self.convention {
            ConventionChoice::ThirtyDayMonth => {
                ConventionInputs { convention: Some(Convention::ThirtyDayMonth), date_error: None, zone_error: None }
            }
            ConventionChoice::MeanGregorian => {
                ConventionInputs { convention: Some(Convention::MeanGregorian), date_error: None, zone_error: None }
            }
            ConventionChoice::Calendar => {
                let date = parse_date(&self.calendar_date_text);
                let zone = parse_time_zone(&self.time_zone_text);
                match (date, zone) {
                    (Ok(date), Ok(time_zone)) => {
                        let convention = Convention::Calendar { date, time_zone };
                        // A date whose periods the core cannot place is reported at the date.
                        match calc::period_length(PeriodKind::Year, &convention) {
                            Ok(_) => ConventionInputs { convention: Some(convention), date_error: None, zone_error: None },
                            Err(_) => ConventionInputs {
                                convention: None,
                                date_error: Some(FieldError::DateOutOfRange(self.calendar_date_text.trim().to_string())),
                                zone_error: None,
                            },
                        }
                    }
                    (date, zone) => ConventionInputs { convention: None, date_error: date.err(), zone_error: zone.err() },
                }
            }
        }
    }

    /// The problem with each weekday's hours (Monday first).
    pub fn hours_errors(&self) -> [Option<FieldError>; 7] {
        std::array::from_fn(|i| parse_day_hours(&self.hours_text[i]).err())
    }

    /// Allowed downtime per day, week, month, quarter and year for the target under the
    /// convention (`sla_core::calc::allowed_downtime_table`).
    pub fn allowed_downtime_answer(&self) -> Result<Vec<AllowedDowntime>, NoAnswer> {
        let target = parse_percent(&self.target_text).map_err(|_| NoAnswer::FixFields)?;
        let convention = self.convention_inputs().convention.ok_or(NoAnswer::FixFields)?;
        calc::allowed_downtime_table(target, &convention).map_err(core_problem)
    }

    /// The downtime problem to show next to the reverse calculator's downtime field: unreadable
    /// text, or a downtime longer than the period.
    pub fn downtime_error(&self) -> Option<FieldError> {
        match parse_downtime(&self.downtime_text) {
            Err(e) => Some(e),
            Ok(_) => match self.reverse_answer() {
                Err(NoAnswer::Problem(e)) => Some(e),
                _ => None,
            },
        }
    }

    /// Availability for the downtime over the chosen period
    /// (`sla_core::calc::availability_for_downtime`).
    pub fn reverse_answer(&self) -> Result<AvailabilityFromDowntime, NoAnswer> {
        let downtime = parse_downtime(&self.downtime_text).map_err(|_| NoAnswer::FixFields)?;
        let convention = self.convention_inputs().convention.ok_or(NoAnswer::FixFields)?;
        calc::availability_for_downtime(downtime, self.reverse_period, &convention).map_err(|e| match e {
            CalcError::DowntimeExceedsPeriod { .. } => NoAnswer::Problem(FieldError::DowntimeExceedsPeriod {
                downtime_seconds: downtime,
                measured_seconds: calc::period_length(self.reverse_period, &convention)
                    .map(|p| p.seconds)
                    .unwrap_or(f64::NAN),
            }),
            other => core_problem(other),
        })
    }

    /// Measured time and allowed downtime per week, month, quarter and year within the service
    /// hours (`sla_core::calc::service_hours_downtime`).
    pub fn service_hours_answer(&self) -> Result<Vec<AllowedDowntime>, NoAnswer> {
        let mut hours = [0.0; 7];
        for (slot, text) in hours.iter_mut().zip(&self.hours_text) {
            *slot = parse_day_hours(text).map_err(|_| NoAnswer::FixFields)?;
        }
        let target = parse_percent(&self.target_text).map_err(|_| NoAnswer::FixFields)?;
        let convention = self.convention_inputs().convention.ok_or(NoAnswer::FixFields)?;
        let hours = WeeklyServiceHours::new(hours).map_err(core_problem)?;
        calc::service_hours_downtime(target, &hours, &convention).map_err(core_problem)
    }

    /// Every node's availability and the overall result of the composite tree.
    pub fn composite_answer(&self) -> CompositeAnswer {
        evaluate_tree(&self.composite)
    }
}

/// A core error for inputs that each read fine on their own.
fn core_problem(e: CalcError) -> NoAnswer {
    NoAnswer::Problem(match e {
        CalcError::TargetOutOfRange(v) => FieldError::AboveHundred(v.to_string()),
        CalcError::BadDowntime(v) => FieldError::NotADuration(v.to_string()),
        CalcError::DowntimeText(_) => FieldError::NotADuration(String::new()),
        CalcError::DowntimeExceedsPeriod { .. } => FieldError::DowntimeExceedsPeriod {
            downtime_seconds: f64::NAN,
            measured_seconds: f64::NAN,
        },
        CalcError::HoursOutOfRange { value, .. } => FieldError::AboveDayHours(value.to_string()),
        CalcError::NoServiceHours | CalcError::EmptyPeriod(_) => FieldError::NoServiceHours,
        CalcError::UnknownTimeZone(t) => FieldError::UnknownTimeZone(t),
        CalcError::DateOutOfRange(d) => FieldError::DateOutOfRange(d.to_string()),
    })
}

// ---------------------------------------------------------------------------------------------
// Composite tree
// ---------------------------------------------------------------------------------------------

/// One step of a path into the composite tree, for locating an error.
#[derive(Debug, Clone, PartialEq)]
pub enum PathStep {
    /// Member `index` (1-based) of a group, with the member's name if it is a named component.
    Item {
        /// Series or parallel group.
        group: GroupKind,
        /// 1-based position.
        index: usize,
        /// The component's name, if it is a leaf with a name.
        name: Option<String>,
    },
    /// The deployment of a multi-region node.
    Deployment,
}

/// An error with its place in the tree (an empty path is the top level).
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedError {
    /// Where.
    pub path: Vec<PathStep>,
    /// What.
    pub error: FieldError,
}

/// One node's result, mirroring [`CalcNode`].
#[derive(Debug, Clone, PartialEq)]
pub struct NodeResult {
    /// The node's availability in percent, when it and everything under it are valid.
    pub percent: Option<f64>,
    /// The problem with the node's own field (a leaf's availability, a regions count) or, for
    /// a group, its own problem (no members).
    pub error: Option<FieldError>,
    /// The results of the children (a regions node has one: its deployment).
    pub children: Vec<NodeResult>,
}

/// The composite builder's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CompositeAnswer {
    /// The result of every node.
    pub root: NodeResult,
    /// The overall availability in percent, or the first problem with its place.
    pub overall: Result<f64, LocatedError>,
}

/// Evaluates every node of the tree with `sla_core::calc::Component`, so each node shows its
/// availability even when a sibling is invalid; the overall result is the root's, or the first
/// problem found, located.
pub fn evaluate_tree(root: &CalcNode) -> CompositeAnswer {
    let mut errors = Vec::new();
    let mut path = Vec::new();
    let (result, _) = evaluate_node(root, &mut path, &mut errors);
    let overall = match (errors.into_iter().next(), result.percent) {
        (Some(e), _) => Err(e),
        (None, Some(p)) => Ok(p),
        (None, None) => Err(LocatedError { path: Vec::new(), error: FieldError::TooDeep }),
    };
    CompositeAnswer { root: result, overall }
}

fn evaluate_node(
    node: &CalcNode,
    path: &mut Vec<PathStep>,
    errors: &mut Vec<LocatedError>,
) -> (NodeResult, Option<Component>) {
    if path.len() > calc::MAX_COMPONENT_DEPTH {
        errors.push(LocatedError { path: path.clone(), error: FieldError::TooDeep });
        return (NodeResult { percent: None, error: Some(FieldError::TooDeep), children: Vec::new() }, None);
    }
    let from_core = |component: Component| match component.availability_percent() {
        Ok(p) => (Some(p), Some(component)),
        Err(_) => (None, None),
    };
    match node {
        CalcNode::Leaf { name, percent_text } => match parse_percent(percent_text) {
            Ok(p) => {
                let (percent, component) = from_core(Component::leaf(name.trim(), p));
                (NodeResult { percent, error: None, children: Vec::new() }, component)
            }
            Err(e) => {
                errors.push(LocatedError { path: path.clone(), error: e.clone() });
                (NodeResult { percent: None, error: Some(e), children: Vec::new() }, None)
            }
        },
        CalcNode::Group { kind, children } => {
            let mut results = Vec::with_capacity(children.len());
            let mut components = Vec::with_capacity(children.len());
            let mut own_error = None;
            if children.is_empty() {
                own_error = Some(FieldError::EmptyGroup);
                errors.push(LocatedError { path: path.clone(), error: FieldError::EmptyGroup });
            }
            for (i, child) in children.iter().enumerate() {
                let name = match child {
                    CalcNode::Leaf { name, .. } if !name.trim().is_empty() => Some(name.trim().to_string()),
                    _ => None,
                };
                path.push(PathStep::Item { group: *kind, index: i + 1, name });
                let (r, c) = evaluate_node(child, path, errors);
                path.pop();
                results.push(r);
                components.push(c);
            }
            let all: Option<Vec<Component>> = components.into_iter().collect();
            let (percent, component) = match all {
                Some(members) if own_error.is_none() => from_core(match kind {
                    GroupKind::Series => Component::Series(members),
                    GroupKind::Parallel => Component::Parallel(members),
                }),
                _ => (None, None),
            };
            (NodeResult { percent, error: own_error, children: results }, component)
        }
        CalcNode::Regions { count_text, deployment } => {
            let count = parse_region_count(count_text);
            if let Err(e) = &count {
                errors.push(LocatedError { path: path.clone(), error: e.clone() });
            }
            path.push(PathStep::Deployment);
            let (r, c) = evaluate_node(deployment, path, errors);
            path.pop();
            let (percent, component) = match (&count, c) {
                (Ok(count), Some(d)) => from_core(Component::Regions { count: *count, deployment: Box::new(d) }),
                _ => (None, None),
            };
            (NodeResult { percent, error: count.err(), children: vec![r] }, component)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::calc::CalcAction;

    #[test]
    fn fields_read_or_say_why_not() {
        assert_eq!(parse_percent("99.9"), Ok(99.9));
        assert_eq!(parse_percent("99.9%"), Ok(99.9));
        assert_eq!(parse_percent(""), Err(FieldError::Empty));
        assert_eq!(parse_percent("abc"), Err(FieldError::NotANumber("abc".into())));
        assert_eq!(parse_percent("NaN"), Err(FieldError::NotANumber("NaN".into())));
        assert_eq!(parse_percent("-1"), Err(FieldError::BelowZero("-1".into())));
        assert_eq!(parse_percent("100.5"), Err(FieldError::AboveHundred("100.5".into())));
        assert_eq!(parse_day_hours("25"), Err(FieldError::AboveDayHours("25".into())));
        assert_eq!(parse_day_hours("7.5"), Ok(7.5));
        assert_eq!(parse_downtime("3h 10m"), Ok(11_400.0));
        assert_eq!(parse_downtime("13m 37s"), Ok(817.0));
        assert_eq!(parse_downtime("3 hrs 10"), Err(FieldError::NotADuration("3 hrs 10".into())));
        assert_eq!(parse_downtime("-5m"), Err(FieldError::NegativeDuration("-5m".into())));
        assert_eq!(parse_date("2026-02"), Ok(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()));
        assert_eq!(parse_date("2026-02-30"), Err(FieldError::NotADate("2026-02-30".into())));
        assert!(parse_time_zone("Asia/Taipei").is_ok());
        assert_eq!(parse_time_zone("Mars/Base"), Err(FieldError::UnknownTimeZone("Mars/Base".into())));
        assert_eq!(parse_region_count("0"), Err(FieldError::NotACount("0".into())));
        assert_eq!(parse_region_count("3"), Ok(3));
    }

    #[test]
    fn answers_match_the_core() {
        let mut s = CalcState::default();
        s.apply(CalcAction::SetTargetText("99.95".into()));
        let rows = s.allowed_downtime_answer().unwrap();
        assert_eq!(rows, calc::allowed_downtime_table(99.95, &Convention::ThirtyDayMonth).unwrap());
        s.apply(CalcAction::SetConvention(ConventionChoice::Calendar));
        assert_eq!(s.allowed_downtime_answer(), Err(NoAnswer::FixFields));
        assert_eq!(s.convention_inputs().date_error, Some(FieldError::Empty));
        s.apply(CalcAction::SetCalendarDateText("2026-01-15".into()));
        s.apply(CalcAction::SetTimeZoneText("Europe/Berlin".into()));
        let berlin = Convention::calendar(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(), "Europe/Berlin").unwrap();
        assert_eq!(s.allowed_downtime_answer().unwrap(), calc::allowed_downtime_table(99.95, &berlin).unwrap());
        let r = s.reverse_answer().unwrap();
        assert_eq!(r, calc::availability_for_downtime(817.0, PeriodKind::Month, &berlin).unwrap());
        s.apply(CalcAction::SetDowntimeText("40d".into()));
        assert!(matches!(s.downtime_error(), Some(FieldError::DowntimeExceedsPeriod { .. })));
        s.apply(CalcAction::SetDowntimeText("3 hrs 10".into()));
        assert_eq!(s.downtime_error(), Some(FieldError::NotADuration("3 hrs 10".into())));
        assert_eq!(s.reverse_answer(), Err(NoAnswer::FixFields));
    }

    #[test]
    fn service_hours_answers_and_errors() {
        let mut s = CalcState::default();
        for (day, h) in ["10", "10", "10", "10", "10", "0", "0"].iter().enumerate() {
            s.apply(CalcAction::SetHoursText { day, text: h.to_string() });
        }
        let hours = WeeklyServiceHours::new([10.0, 10.0, 10.0, 10.0, 10.0, 0.0, 0.0]).unwrap();
        assert_eq!(
            s.service_hours_answer().unwrap(),
            calc::service_hours_downtime(99.9, &hours, &Convention::ThirtyDayMonth).unwrap()
        );
        for day in 0..5 {
            s.apply(CalcAction::SetHoursText { day, text: "0".into() });
        }
        assert_eq!(s.service_hours_answer(), Err(NoAnswer::Problem(FieldError::NoServiceHours)));
        s.apply(CalcAction::SetHoursText { day: 2, text: "25".into() });
        assert_eq!(s.hours_errors()[2], Some(FieldError::AboveDayHours("25".into())));
        assert_eq!(s.service_hours_answer(), Err(NoAnswer::FixFields));
    }

    #[test]
    fn composite_uses_the_core_and_locates_errors() {
        let s = CalcState::default();
        let answer = s.composite_answer();
        let expected = Component::Series(vec![
            Component::leaf("LB", 99.99),
            Component::leaf("API", 99.95),
            Component::Parallel(vec![Component::leaf("DB 1", 99.9), Component::leaf("DB 2", 99.9)]),
        ])
        .evaluate()
        .unwrap();
        assert_eq!(answer.overall, Ok(expected.percent));
        assert_eq!(answer.root.children[2].percent, Some(expected.children[2].percent));

        let mut s = CalcState::default();
        s.apply(CalcAction::SetLeafPercentText { path: vec![2, 0], text: "100.5".into() });
        let answer = s.composite_answer();
        let err = answer.overall.unwrap_err();
        assert_eq!(err.error, FieldError::AboveHundred("100.5".into()));
        assert_eq!(
            err.path,
            vec![
                PathStep::Item { group: GroupKind::Series, index: 3, name: None },
                PathStep::Item { group: GroupKind::Parallel, index: 1, name: Some("DB 1".into()) },
            ]
        );
        // Valid siblings still show their figures; the broken branch does not.
        assert_eq!(answer.root.children[0].percent, Some(99.99));
        assert_eq!(answer.root.children[2].percent, None);
        assert_eq!(answer.root.children[2].children[1].percent, Some(99.9));
        assert_eq!(answer.root.percent, None);

        let mut s = CalcState::default();
        s.apply(CalcAction::WrapInRegions(vec![1]));
        let answer = s.composite_answer();
        let regions = Component::Regions { count: 2, deployment: Box::new(Component::leaf("API", 99.95)) };
        assert_eq!(answer.root.children[1].percent, Some(regions.availability_percent().unwrap()));
        s.apply(CalcAction::SetRegionCountText { path: vec![1], text: "0".into() });
        let e = s.composite_answer().overall.unwrap_err();
        assert_eq!(e.error, FieldError::NotACount("0".into()));

        let mut s = CalcState::default();
        s.apply(CalcAction::Remove(vec![2, 0]));
        s.apply(CalcAction::Remove(vec![2, 0]));
        let e = s.composite_answer().overall.unwrap_err();
        assert_eq!(e.error, FieldError::EmptyGroup);
        assert_eq!(e.path.len(), 1);
    }
}
