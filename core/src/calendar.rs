//! Service calendars: the hours a [`Schedule`] covers, laid out once as sorted UTC intervals.
//!
//! A [`ServiceCalendar`] is built once per report from a schedule, the agreement's time zone and
//! a UTC range. Building walks the range one *local* day at a time (the only place a time-zone
//! lookup happens); afterwards every question is a binary search over the intervals and their
//! prefix sums:
//!
//! - [`ServiceCalendar::seconds_between`]: service seconds in `[a, b)`, O(log n);
//! - [`ServiceCalendar::deadline`]: when a clock started at `start`, running only in service
//!   time, reaches N seconds (it pauses outside the hours and on holidays, as ServiceNow and Jira
//!   Service Management do), O(log n).
//!
//! Instants are counted in whole seconds since the Unix epoch (fractions of a second are
//! dropped). Intervals are half-open: `[start, end)`.
//!
//! # Daylight saving time
//! Windows are local wall-clock times, so a 08:00–18:00 window lasts 10 h on every day, also on
//! the days the clocks change; a window that contains the skipped hour is 1 h shorter, one that
//! contains the repeated hour 1 h longer. Local times that do not map to exactly one instant are
//! resolved by one fixed rule (see [`resolve_local`]):
//!
//! - a local time inside a **gap** (skipped by a spring-forward change) resolves to the instant
//!   the clocks jump, the first instant whose wall time is at or after it;
//! - a local time inside an **overlap** (repeated by a fall-back change) resolves to its *first*
//!   occurrence when it opens a window ([`Edge::Start`]) and to its *last* occurrence when it
//!   closes one ([`Edge::End`]), so a window reaching into the repeated hour covers both copies.

use crate::model::{Hours, Schedule, TimeOfDay, WeeklyWindow};
use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use crate::zone::Zone;

/// A half-open span of time `[start, end)` in whole seconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// First second inside the interval.
    pub start: i64,
    /// First second after the interval.
    pub end: i64,
}

impl Interval {
    /// The interval `[start, end)`.
    pub const fn new(start: i64, end: i64) -> Interval {
        Interval { start, end }
    }
    /// The interval between two UTC instants (fractions of a second dropped).
    pub fn from_utc(start: DateTime<Utc>, end: DateTime<Utc>) -> Interval {
        Interval { start: start.timestamp(), end: end.timestamp() }
    }
    /// Length in seconds: `max(0, end − start)`.
    pub const fn seconds(&self) -> i64 {
        if self.end > self.start {
            self.end - self.start
        } else {
            0
        }
    }
    /// True when the interval holds no second.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The common part of two intervals (possibly empty).
    pub fn intersect(&self, other: &Interval) -> Interval {
        Interval { start: self.start.max(other.start), end: self.end.min(other.end) }
    }
}

/// Which end of a window a local time stands for; decides how a repeated local time resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The time opens a window: an ambiguous time takes its first occurrence.
    Start,
    /// The time closes a window: an ambiguous time takes its last occurrence.
    End,
}

/// The UTC instant of a local wall-clock time in `tz`, by the module's fixed rule:
/// an unambiguous time maps to its instant; a time repeated by a fall-back change maps to its
/// first occurrence for [`Edge::Start`] and its last for [`Edge::End`]; a time skipped by a
/// spring-forward change maps to the instant the clocks jump (the first instant whose local
/// time is at or after it). `None` only at the very ends of chrono's date range.
///
/// ```
/// use chrono::NaiveDate;
/// use sla_core::calendar::{resolve_local, Edge};
/// let berlin: sla_core::zone::Zone = "Europe/Berlin".parse().unwrap();
/// // 2026-03-29 02:30 does not exist in Berlin: the clocks jump from 02:00 CET to 03:00 CEST,
/// // i.e. at 01:00 UTC.
/// let gap = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap();
/// assert_eq!(resolve_local(berlin, gap, Edge::Start).unwrap().to_rfc3339(), "2026-03-29T01:00:00+00:00");
/// ```
pub fn resolve_local(tz: Zone, local: NaiveDateTime, edge: Edge) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => {
            let (first, last) = if a <= b { (a, b) } else { (b, a) };
            Some(match edge {
                Edge::Start => first.with_timezone(&Utc),
                Edge::End => last.with_timezone(&Utc),
            })
        }
        LocalResult::None => first_instant_at_or_after(tz, local),
    }
}

/// Smallest instant whose local wall time in `tz` is at or after `local` (used inside a gap).
/// Binary search over ±30 h around the naive reading; every UTC offset lies within ±15 h.
fn first_instant_at_or_after(tz: Zone, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let naive = local.and_utc().timestamp();
    let wall = |u: i64| -> Option<NaiveDateTime> {
        let t = DateTime::from_timestamp(u, 0)?;
        Some(tz.from_utc_datetime(&t.naive_utc()).naive_local())
    };
    let (mut lo, mut hi) = (naive - 30 * 3600, naive + 30 * 3600);
    // Invariant: wall(lo) < local <= wall(hi).
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if wall(mid)? >= local {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0)
}

/// The local calendar date of an instant in `tz`.
pub fn local_date(tz: Zone, instant: DateTime<Utc>) -> NaiveDate {
    tz.from_utc_datetime(&instant.naive_utc()).date_naive()
}

/// Sorts intervals and merges those that overlap or touch; empty intervals are dropped.
pub fn normalize(intervals: &mut Vec<Interval>) {
    intervals.retain(|iv| !iv.is_empty());
    crate::sort::sort(intervals);
    let mut out = 0;
    for i in 0..intervals.len() {
        let iv = intervals[i];
        if out > 0 && iv.start <= intervals[out - 1].end {
            let last = &mut intervals[out - 1];
            last.end = last.end.max(iv.end);
        } else {
            intervals[out] = iv;
            out += 1;
        }
    }
    intervals.truncate(out);
}

/// `a ∖ b`: the parts of `a` not covered by `b`. Both must be normalized (sorted, disjoint).
pub fn subtract(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::with_capacity(a.len());
    let mut j = 0;
    for iv in a {
        let mut cur = iv.start;
        while j < b.len() && b[j].end <= cur {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && b[k].start < iv.end {
            if b[k].start > cur {
                out.push(Interval::new(cur, b[k].start));
            }
            cur = cur.max(b[k].end);
            k += 1;
        }
        if cur < iv.end {
            out.push(Interval::new(cur, iv.end));
        }
    }
    out
}

/// `a ∩ b`: the parts covered by both. Both must be normalized (sorted, disjoint).
pub fn intersect(a: &[Interval], b: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let c = a[i].intersect(&b[j]);
        if !c.is_empty() {
            out.push(c);
        }
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// A weekly window reduced to what expansion needs: a weekday bit mask (Monday = bit 0) and
/// local seconds after midnight.
#[derive(Debug, Clone, Copy)]
struct DayWindow {
    days: u8,
    start: u32,
    end: u32,
}

fn day_mask(days: &[Weekday]) -> u8 {
    days.iter().fold(0u8, |m, d| m | (1 << d.num_days_from_monday()))
}

fn local_at(date: NaiveDate, seconds: u32) -> Option<NaiveDateTime> {
    if seconds >= 86_400 {
        Some(date.succ_opt()?.and_time(NaiveTime::MIN))
    } else {
        Some(date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0)?))
    }
}

/// Lays weekly windows out over `range`, one local day at a time, skipping `holidays`
/// (sorted). Appends to `out` (not normalized).
fn expand(tz: Zone, windows: &[DayWindow], holidays: &[NaiveDate], range: Interval, out: &mut Vec<Interval>) {
    let (Some(from), Some(to)) = (DateTime::from_timestamp(range.start, 0), DateTime::from_timestamp(range.end, 0))
    else {
        return;
    };
    if range.is_empty() {
        return;
    }
    // One day of margin on each side: a local day can start up to 15 h away from its UTC day.
    let Some(mut day) = local_date(tz, from).pred_opt() else { return };
    let last = local_date(tz, to).succ_opt().unwrap_or(NaiveDate::MAX);
    loop {
        if holidays.binary_search(&day).is_err() {
            let bit = 1u8 << day.weekday().num_days_from_monday();
            for w in windows.iter().filter(|w| w.days & bit != 0 && w.end > w.start) {
                let start = local_at(day, w.start).and_then(|l| resolve_local(tz, l, Edge::Start));
                let end = local_at(day, w.end).and_then(|l| resolve_local(tz, l, Edge::End));
                if let (Some(s), Some(e)) = (start, end) {
                    let iv = Interval::new(s.timestamp(), e.timestamp()).intersect(&range);
                    if !iv.is_empty() {
                        out.push(iv);
                    }
                }
            }
        }
        if day >= last {
            break;
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
}

/// The intervals of weekly recurring windows (e.g. maintenance "Sundays 02:00–04:00") inside
/// `range`, normalized. Each entry is (weekdays, local start, local end).
pub fn weekly_intervals(tz: Zone, windows: &[(&[Weekday], TimeOfDay, TimeOfDay)], range: Interval) -> Vec<Interval> {
    let ws: Vec<DayWindow> =
        windows.iter().map(|(d, s, e)| DayWindow { days: day_mask(d), start: s.seconds(), end: e.seconds() }).collect();
    let mut out = Vec::new();
    expand(tz, &ws, &[], range, &mut out);
    normalize(&mut out);
    out
}

/// The service time of one schedule over one UTC range, as sorted disjoint intervals with
/// prefix sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCalendar {
    range: Interval,
    intervals: Vec<Interval>,
    /// `prefix[i]` = service seconds in `intervals[..i]`; one longer than `intervals`.
    prefix: Vec<i64>,
    /// `buckets[d]` = number of intervals starting at or before `range.start + d × BUCKET`:
    /// narrows every look-up to the intervals of one bucket before the binary search.
    buckets: Vec<u32>,
}

/// Width of a look-up bucket, seconds (one day).
const BUCKET: i64 = 86_400;

impl ServiceCalendar {
    /// Lays `schedule` out over `[from, to)` in time zone `tz`.
    ///
    /// 24×7 without holidays is a single interval; otherwise every local day in the range is
    /// expanded (window by window, holidays skipped as whole local days) and the pieces merged.
    pub fn new(schedule: &Schedule, tz: Zone, from: DateTime<Utc>, to: DateTime<Utc>) -> ServiceCalendar {
        let range = Interval::from_utc(from, to);
        let mut holidays = schedule.holidays.clone();
        crate::sort::sort(&mut holidays);
        let windows: Vec<DayWindow> = match &schedule.hours {
            Hours::TwentyFourSeven if holidays.is_empty() => {
                return ServiceCalendar::from_intervals(range, vec![range]);
            }
            Hours::TwentyFourSeven => vec![DayWindow { days: 0x7f, start: 0, end: 86_400 }],
            Hours::Weekly(ws) => ws
                .iter()
                .map(|w: &WeeklyWindow| DayWindow { days: day_mask(&w.days), start: w.start.seconds(), end: w.end.seconds() })
                .collect(),
        };
        let mut out = Vec::new();
        expand(tz, &windows, &holidays, range, &mut out);
        ServiceCalendar::from_intervals(range, out)
    }

    /// Every second of `[from, to)` is service time.
    pub fn around_the_clock(from: DateTime<Utc>, to: DateTime<Utc>) -> ServiceCalendar {
        let range = Interval::from_utc(from, to);
        ServiceCalendar::from_intervals(range, vec![range])
    }

    /// A calendar from arbitrary intervals, clipped to `range`, sorted and merged.
    pub fn from_intervals(range: Interval, mut intervals: Vec<Interval>) -> ServiceCalendar {
        for iv in intervals.iter_mut() {
            *iv = iv.intersect(&range);
        }
        normalize(&mut intervals);
        let mut prefix = Vec::with_capacity(intervals.len() + 1);
        let mut sum = 0i64;
        prefix.push(0);
        for iv in &intervals {
            sum += iv.seconds();
            prefix.push(sum);
        }
        let nb = (range.seconds() / BUCKET + 2) as usize;
        let mut buckets = Vec::with_capacity(nb);
        let mut i = 0usize;
        for d in 0..nb as i64 {
            let edge = range.start.saturating_add(d * BUCKET);
            while i < intervals.len() && intervals[i].start <= edge {
                i += 1;
            }
            buckets.push(i as u32);
        }
        ServiceCalendar { range, intervals, prefix, buckets }
    }

    /// This calendar minus `exclusions` (any order, may overlap): e.g. service hours minus
    /// maintenance windows.
    pub fn without(&self, exclusions: &[Interval]) -> ServiceCalendar {
        let mut ex = exclusions.to_vec();
        normalize(&mut ex);
        ServiceCalendar::from_intervals(self.range, subtract(&self.intervals, &ex))
    }

    /// The UTC range the calendar was built for; outside it there is no service time.
    pub fn range(&self) -> Interval {
        self.range
    }

    /// The service intervals, sorted and disjoint.
    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    /// All service seconds in the calendar.
    pub fn total_seconds(&self) -> i64 {
        self.prefix.last().copied().unwrap_or(0)
    }

    /// Number of intervals starting at or before `t`.
    fn starts_up_to(&self, t: i64) -> usize {
        if t < self.range.start {
            return self.intervals.partition_point(|iv| iv.start <= t);
        }
        let d = ((t - self.range.start) / BUCKET) as usize;
        if d + 1 >= self.buckets.len() {
            return self.intervals.partition_point(|iv| iv.start <= t);
        }
        let (lo, hi) = (self.buckets[d] as usize, self.buckets[d + 1] as usize);
        lo + self.intervals[lo..hi].partition_point(|iv| iv.start <= t)
    }

    /// Service seconds in `[range.start, t)`: `cum(t)`. `seconds_between(a, b) = cum(b) − cum(a)`.
    pub fn cumulative(&self, t: i64) -> i64 {
        let i = self.starts_up_to(t);
        if i == 0 {
            return 0;
        }
        let iv = self.intervals[i - 1];
        self.prefix[i - 1] + (t.min(iv.end) - iv.start)
    }

    /// Service seconds in `[a, b)` given as Unix seconds: `cum(b) − cum(a)`, 0 when `b ≤ a`.
    pub fn seconds_between_ts(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            0
        } else {
            self.cumulative(b) - self.cumulative(a)
        }
    }

    /// Service seconds in `[a, b)`: the length of `[a, b) ∩ service intervals`, 0 when `b ≤ a`.
    pub fn seconds_between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
        self.seconds_between_ts(a.timestamp(), b.timestamp())
    }

    /// The instant (Unix seconds) at which a clock started at `start` and running only in
    /// service time has counted `service_seconds`: the smallest `t` with
    /// `seconds_between(start, t) = service_seconds`. `None` when the calendar ends first.
    pub fn deadline_ts(&self, start: i64, service_seconds: i64) -> Option<i64> {
        if service_seconds <= 0 {
            return Some(start);
        }
        let target = self.cumulative(start).checked_add(service_seconds)?;
        if target > self.total_seconds() {
            return None;
        }
        let i = self.prefix[1..].partition_point(|&p| p < target);
        let iv = self.intervals.get(i)?;
        Some(iv.start + (target - self.prefix[i]))
    }

    /// Like [`ServiceCalendar::deadline_ts`] for a UTC instant: when a business-hours clock
    /// started at `start` reaches `service_seconds`.
    pub fn deadline(&self, start: DateTime<Utc>, service_seconds: i64) -> Option<DateTime<Utc>> {
        self.deadline_ts(start.timestamp(), service_seconds).and_then(|t| DateTime::from_timestamp(t, 0))
    }

    /// Whether the second starting at `t` is service time.
    pub fn is_service_time(&self, t: DateTime<Utc>) -> bool {
        let t = t.timestamp();
        let i = self.starts_up_to(t);
        i > 0 && t < self.intervals[i - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
    fn tod(h: u32, m: u32) -> TimeOfDay {
        TimeOfDay::hm(h, m).unwrap()
    }
    fn every_day(start: TimeOfDay, end: TimeOfDay) -> Schedule {
        Schedule {
            hours: Hours::Weekly(vec![WeeklyWindow {
                days: vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                    Weekday::Sat,
                    Weekday::Sun,
                ],
                start,
                end,
            }]),
            holidays: vec![],
        }
    }

    #[test]
    fn around_the_clock_is_one_interval() {
        let cal = ServiceCalendar::new(&Schedule::always(), Zone::UTC, utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z"));
        assert_eq!(cal.intervals().len(), 1);
        assert_eq!(cal.total_seconds(), 31 * 86_400);
    }

    #[test]
    fn berlin_spring_forward_day() {
        let tz: Zone = "Europe/Berlin".parse().unwrap();
        // Sunday 2026-03-29: 02:00 CET jumps to 03:00 CEST.
        let day = (utc("2026-03-28T23:00:00Z"), utc("2026-03-29T22:00:00Z"));
        // 08:00–18:00 local is still 10 h (06:00–16:00 UTC).
        let cal = ServiceCalendar::new(&every_day(tod(8, 0), tod(18, 0)), tz, day.0, day.1);
        assert_eq!(cal.intervals(), &[Interval::from_utc(utc("2026-03-29T06:00:00Z"), utc("2026-03-29T16:00:00Z"))]);
        // 00:00–24:00 local is 23 h.
        let cal = ServiceCalendar::new(&every_day(tod(0, 0), TimeOfDay::END_OF_DAY), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 23 * 3600);
        // 01:00–04:00 covers the skipped hour: 2 h. 02:00–03:00 does not exist: 0 h.
        let cal = ServiceCalendar::new(&every_day(tod(1, 0), tod(4, 0)), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 2 * 3600);
        let cal = ServiceCalendar::new(&every_day(tod(2, 0), tod(3, 0)), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 0);
    }

    #[test]
    fn berlin_fall_back_day() {
        let tz: Zone = "Europe/Berlin".parse().unwrap();
        // Sunday 2026-10-25: 03:00 CEST falls back to 02:00 CET; local day = 22:00Z..23:00Z next.
        let day = (utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z"));
        let cal = ServiceCalendar::new(&every_day(tod(8, 0), tod(18, 0)), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 10 * 3600);
        let cal = ServiceCalendar::new(&every_day(tod(0, 0), TimeOfDay::END_OF_DAY), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 25 * 3600);
        // 01:00–04:00 contains the repeated hour: 4 h.
        let cal = ServiceCalendar::new(&every_day(tod(1, 0), tod(4, 0)), tz, day.0, day.1);
        assert_eq!(cal.total_seconds(), 4 * 3600);
    }

    #[test]
    fn holidays_remove_whole_local_days() {
        let tz: Zone = "America/New_York".parse().unwrap();
        let mut s = Schedule::always();
        s.holidays = vec![NaiveDate::from_ymd_opt(2026, 7, 4).unwrap()];
        let cal = ServiceCalendar::new(&s, tz, utc("2026-07-01T04:00:00Z"), utc("2026-07-08T04:00:00Z"));
        // A week of local days minus one: 6 × 24 h; July 4 local is 04:00Z..04:00Z next day.
        assert_eq!(cal.total_seconds(), 6 * 86_400);
        assert!(!cal.is_service_time(utc("2026-07-04T12:00:00Z")));
        assert!(!cal.is_service_time(utc("2026-07-05T03:59:59Z")));
        assert!(cal.is_service_time(utc("2026-07-05T04:00:00Z")));
    }

    #[test]
    fn deadline_pauses_outside_hours() {
        // Mon–Fri 09:00–17:00 UTC. A clock started Friday 16:00 with 4 h to go: 1 h on Friday,
        // 3 h on Monday → Monday 12:00.
        let s = Schedule::weekdays(tod(9, 0), tod(17, 0));
        let cal = ServiceCalendar::new(&s, Zone::UTC, utc("2026-03-02T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
        let start = utc("2026-03-06T16:00:00Z");
        assert_eq!(cal.deadline(start, 4 * 3600), Some(utc("2026-03-09T12:00:00Z")));
        assert_eq!(cal.seconds_between(start, utc("2026-03-09T12:00:00Z")), 4 * 3600);
        // Started on Saturday: the clock only begins Monday 09:00.
        assert_eq!(cal.deadline(utc("2026-03-07T10:00:00Z"), 3600), Some(utc("2026-03-09T10:00:00Z")));
        // Exactly at the end of a day's window.
        assert_eq!(cal.deadline(utc("2026-03-09T09:00:00Z"), 8 * 3600), Some(utc("2026-03-09T17:00:00Z")));
        // Beyond the calendar.
        assert_eq!(cal.deadline(start, 1000 * 3600), None);
    }

    #[test]
    fn set_operations() {
        let a = [Interval::new(0, 10), Interval::new(20, 30)];
        let b = [Interval::new(5, 22), Interval::new(25, 26)];
        assert_eq!(subtract(&a, &b), vec![Interval::new(0, 5), Interval::new(22, 25), Interval::new(26, 30)]);
        assert_eq!(intersect(&a, &b), vec![Interval::new(5, 10), Interval::new(20, 22), Interval::new(25, 26)]);
        let mut v = vec![Interval::new(5, 7), Interval::new(0, 5), Interval::new(9, 9), Interval::new(6, 8)];
        normalize(&mut v);
        assert_eq!(v, vec![Interval::new(0, 8)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn deadline_inverts_seconds_between(start in 0i64..30 * 86_400, n in 0i64..200 * 3600) {
            let base = utc("2026-03-01T00:00:00Z").timestamp();
            let s = Schedule::weekdays(tod(8, 0), tod(18, 0));
            let tz: Zone = "Europe/Berlin".parse().unwrap();
            let cal = ServiceCalendar::new(&s, tz, utc("2026-03-01T00:00:00Z"), utc("2026-06-01T00:00:00Z"));
            if let Some(d) = cal.deadline_ts(base + start, n) {
                prop_assert_eq!(cal.seconds_between_ts(base + start, d), n);
                if n > 0 {
                    prop_assert_eq!(cal.seconds_between_ts(base + start, d - 1), n - 1);
                }
            }
        }

        #[test]
        fn seconds_between_is_additive(a in 0i64..1_000_000, b in 0i64..1_000_000, c in 0i64..1_000_000) {
            let base = utc("2026-03-20T00:00:00Z").timestamp();
            let mut v = [a, b, c];
            v.sort();
            let s = Schedule::weekdays(tod(9, 0), tod(17, 30));
            let tz: Zone = "America/New_York".parse().unwrap();
            let cal = ServiceCalendar::new(&s, tz, utc("2026-03-01T00:00:00Z"), utc("2026-05-01T00:00:00Z"));
            let (x, y, z) = (base + v[0], base + v[1], base + v[2]);
            prop_assert_eq!(cal.seconds_between_ts(x, y) + cal.seconds_between_ts(y, z), cal.seconds_between_ts(x, z));
        }
    }
}
