//! Reading the timestamps incident exports contain, without regular expressions, and turning
//! local times into UTC instants in a chosen IANA zone.
//!
//! Accepted forms (surrounding blanks ignored):
//! - ISO 8601 / RFC 3339: `2026-03-02T10:00:00Z`, `2026-03-02 10:00:00.123+01:00`,
//!   `2026-03-02T10:00`, `2026-03-02` (midnight), also with `/` or `.` between the parts,
//!   offsets `Z`, `UTC`, `GMT`, `+01`, `+0100`, `+01:00`;
//! - numeric day/month dates `03/04/2026 10:00[:00] [AM|PM]` (also with `-`; two-digit years
//!   are 2000–2069 for 00–69 and 1970–1999 for 70–99); with dots `03.04.2026` they are always
//!   day-first, otherwise the order comes from [`DateOrder`];
//! - month names: Jira's `25/Feb/26 10:17 PM`, `25-Feb-2026 22:17`, `Feb 25, 2026 10:17 PM`,
//!   and RFC 2822 (`Wed, 25 Feb 2026 22:17:00 +0000`);
//! - numbers: epoch seconds (9–11 digits before any decimal point), epoch milliseconds
//!   (12–14 digits), spreadsheet serial dates from 20000 on (`46082.5` = 2026-03-01 12:00, read
//!   as local time)
//!   and compact `20260302`.
//!
//! Times without an offset are local times of the import's zone. [`LocalResolver`] turns them
//! into UTC, resolving the two DST special cases deterministically (the same rule as
//! `java.time`): a time inside a **gap** (clocks jump forward, e.g. 02:30 on the spring-forward
//! night in Europe/Berlin) is moved forward by the length of the gap (→ 03:30 summer time);
//! a time inside an **overlap** (clocks go back, the hour happens twice) is the **earlier** of
//! the two instants (summer time).

use chrono::{DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc};
use crate::zone::Zone;
use serde::Serialize;

/// In which order a numeric date such as `03/04/2026` gives day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `03/04/2026` is 3 April 2026 (most of the world).
    DayFirst,
    /// `03/04/2026` is March 4, 2026 (United States).
    MonthFirst,
}

impl crate::json::FromJson for DateOrder {
    /// `day_first` or `month_first`, as serde writes them.
    fn from_json(j: &crate::json::Json) -> Result<DateOrder, crate::json::JsonError> {
        j.variant(&[("day_first", DateOrder::DayFirst), ("month_first", DateOrder::MonthFirst)])
    }
}

impl std::fmt::Display for DateOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateOrder::DayFirst => "day first (DD/MM/YYYY)",
            DateOrder::MonthFirst => "month first (MM/DD/YYYY)",
        })
    }
}

/// Why a text could not be read as a timestamp. The message quotes the text as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    /// The text matches none of the accepted forms.
    #[error("\"{0}\" is not a date and time this importer reads; write it like 2026-03-02 10:00, 2026-03-02T10:00:00Z or 02/Mar/26 10:00 AM")]
    Unreadable(String),
    /// The parts are in a known form but name no real date or time (e.g. 31 February, 25:00).
    #[error("\"{0}\" is not a real date and time")]
    NoSuchDate(String),
    /// A numeric date whose day/month order the data cannot tell and nobody chose.
    #[error("\"{0}\" could be day-first or month-first; choose the date order")]
    Ambiguous(String),
}

/// A parsed timestamp: either an instant (it carried an offset, or was an epoch number) or a
/// local date and time that still needs the import's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// An instant.
    Instant(DateTime<Utc>),
    /// A wall-clock time in the import's zone.
    Local(NaiveDateTime),
}

/// What a value says about the day/month order, see [`order_hint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrderHint {
    /// Not a numeric `a/b/y` date: says nothing.
    NotNumeric,
    /// Both readings are the same date (`03/03/2026`) or the form fixes the order (dots).
    Either,
    /// Only day-first is possible (first number > 12).
    DayFirst,
    /// Only month-first is possible (second number > 12).
    MonthFirst,
    /// Both readings are possible and differ.
    Undecided,
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) -> usize {
        let s = self.i;
        while matches!(self.peek(), Some(b' ') | Some(b'\t')) {
            self.i += 1;
        }
        self.i - s
    }
    /// Up to `max` digits; returns (value, count), None if there is no digit.
    fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let s = self.i;
        let mut v: u32 = 0;
        while self.i - s < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        (self.i > s).then_some((v, self.i - s))
    }
    fn letters(&mut self) -> &'a [u8] {
        let s = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        &self.b[s..self.i]
    }
}

fn month_from_name(name: &[u8]) -> Option<u32> {
    const NAMES: [&[u8]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    ];
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if name.len() < 3 {
        return None;
    }
    let prefix = &name[..3];
    let m = NAMES.iter().position(|n| n.eq_ignore_ascii_case(prefix))?;
    let ok = name.len() == 3
        || (name.len() == 4 && m == 8 && name[3].eq_ignore_ascii_case(&b't'))
        || FULL[m].as_bytes().eq_ignore_ascii_case(name);
    ok.then_some(m as u32 + 1)
}

fn full_year(y: u32, digits: usize) -> Option<i32> {
    match digits {
        2 => Some(if y < 70 { 2000 + y as i32 } else { 1900 + y as i32 }),
        4 => Some(y as i32),
        _ => None,
    }
}

/// Says what a value tells about the day/month order, without reading the rest of it.
pub(crate) fn order_hint(text: &str) -> OrderHint {
    let mut c = Cursor {
        b: text.trim().as_bytes(),
        i: 0,
    };
    let Some((a, na)) = c.digits(2) else {
        return OrderHint::NotNumeric;
    };
    if na > 2 || matches!(c.peek(), Some(b'0'..=b'9')) {
        return OrderHint::NotNumeric;
    }
    let sep = match c.peek() {
        Some(s @ (b'/' | b'-' | b'.')) => s,
        _ => return OrderHint::NotNumeric,
    };
    c.i += 1;
    let Some((b, nb)) = c.digits(2) else {
        return OrderHint::NotNumeric;
    };
    if nb > 2 || !c.eat(sep) || c.digits(4).is_none() {
        return OrderHint::NotNumeric;
    }
    if sep == b'.' || a == b {
        return OrderHint::Either;
    }
    match (a > 12, b > 12) {
        (true, false) => OrderHint::DayFirst,
        (false, true) => OrderHint::MonthFirst,
        (false, false) => OrderHint::Undecided,
        (true, true) => OrderHint::Either, // invalid either way; the parser reports it
    }
}

/// The text for a message: control characters (a NUL byte, a stray carriage return) written
/// as `\u{0}` so the user sees why a value that looks right is refused.
fn shown(t: &str) -> String {
    if t.chars().any(char::is_control) {
        t.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect()
    } else {
        t.to_string()
    }
}

/// Reads one timestamp. `order` settles numeric dates such as `03/04/2026`; with `None`
/// such a date is read only when one reading is impossible or both agree.
pub fn parse_timestamp(text: &str, order: Option<DateOrder>) -> Result<Stamp, TimestampError> {
    let t = text.trim();
    let unreadable = || TimestampError::Unreadable(shown(t));
    let b = t.as_bytes();
    let first = *b.first().ok_or_else(unreadable)?;
    if first.is_ascii_digit() && b.iter().all(|c| c.is_ascii_digit() || *c == b'.') {
        if let Some(s) = parse_number(t)? {
            return Ok(s);
        }
    }
    if first.is_ascii_alphabetic() {
        // A leap second (`:60`) reads as second 59, as in the other forms below.
        if let Some((at, _leap)) = super::rfc2822::parse(t) {
            return Ok(Stamp::Instant(at));
        }
    }
    let mut c = Cursor { b, i: 0 };
    let date = parse_date(&mut c, t, order)?;
    // Time part, optional.
    let had_sep = c.spaces() > 0 || c.eat(b'T') || c.eat(b't') || c.eat(b',');
    c.spaces();
    if c.done() {
        return Ok(Stamp::Local(date.and_time(NaiveTime::MIN)));
    }
    if !had_sep {
        return Err(unreadable());
    }
    let (h, _) = c.digits(2).ok_or_else(unreadable)?;
    if !c.eat(b':') {
        return Err(unreadable());
    }
    let (m, nm) = c.digits(2).ok_or_else(unreadable)?;
    if nm != 2 {
        return Err(unreadable());
    }
    let mut s = 0;
    let mut nanos = 0u32;
    if c.eat(b':') {
        let (sv, ns) = c.digits(2).ok_or_else(unreadable)?;
        if ns != 2 {
            return Err(unreadable());
        }
        s = sv;
        if c.eat(b'.') || c.eat(b',') {
            let start = c.i;
            let mut scale = 100_000_000u32;
            while let Some(d @ b'0'..=b'9') = c.peek() {
                nanos += u32::from(d - b'0') * scale;
                scale /= 10;
                c.i += 1;
            }
            if c.i == start {
                return Err(unreadable());
            }
        }
    }
    c.spaces();
    // AM / PM
    let mut hour = h;
    let save = c.i;
    let word = c.letters();
    let ampm = if word.eq_ignore_ascii_case(b"am") {
        Some(false)
    } else if word.eq_ignore_ascii_case(b"pm") {
        Some(true)
    } else {
        c.i = save;
        None
    };
    if let Some(pm) = ampm {
        if !(1..=12).contains(&h) {
            return Err(TimestampError::NoSuchDate(shown(t)));
        }
        hour = match (pm, h) {
            (false, 12) => 0,
            (false, h) => h,
            (true, 12) => 12,
            (true, h) => h + 12,
        };
        c.spaces();
    }
    let offset = parse_offset(&mut c).ok_or_else(unreadable)?;
    c.spaces();
    if !c.done() {
        return Err(unreadable());
    }
    let no_such = || TimestampError::NoSuchDate(shown(t));
    let naive = if hour == 24 && m == 0 && s == 0 && nanos == 0 {
        date.succ_opt().ok_or_else(no_such)?.and_time(NaiveTime::MIN)
    } else {
        let leap_free = s.min(59);
        if s > 60 {
            return Err(no_such());
        }
        date.and_time(NaiveTime::from_hms_nano_opt(hour, m, leap_free, nanos).ok_or_else(no_such)?)
    };
    Ok(match offset {
        None => Stamp::Local(naive),
        Some(off) => Stamp::Instant(DateTime::from_naive_utc_and_offset(
            naive
                .checked_sub_signed(TimeDelta::seconds(i64::from(off)))
                .ok_or_else(no_such)?,
            Utc,
        )),
    })
}

/// Offset after a time: `Z`, `UTC`, `GMT`, `+01`, `+0100`, `+01:00`. Returns Some(None) when
/// there is none, None when something is there but is not an offset.
fn parse_offset(c: &mut Cursor<'_>) -> Option<Option<i32>> {
    match c.peek() {
        None => Some(None),
        Some(b'Z' | b'z') => {
            c.i += 1;
            Some(Some(0))
        }
        Some(b'+' | b'-') => {
            let sign = if c.peek() == Some(b'-') { -1 } else { 1 };
            c.i += 1;
            let (h, nh) = c.digits(2)?;
            let mut m = 0;
            if nh != 2 {
                return None;
            }
            if c.eat(b':') {
                let (mv, nm) = c.digits(2)?;
                if nm != 2 {
                    return None;
                }
                m = mv;
            } else if let Some((mv, nm)) = c.digits(2) {
                if nm != 2 {
                    return None;
                }
                m = mv;
            }
            if h > 18 || m > 59 {
                return None;
            }
            Some(Some(sign * (h as i32 * 3600 + m as i32 * 60)))
        }
        Some(_) => {
            let w = c.letters();
            if w.eq_ignore_ascii_case(b"utc") || w.eq_ignore_ascii_case(b"gmt") {
                if matches!(c.peek(), Some(b'+' | b'-')) {
                    return parse_offset(c);
                }
                Some(Some(0))
            } else {
                None
            }
        }
    }
}

fn parse_date(c: &mut Cursor<'_>, t: &str, order: Option<DateOrder>) -> Result<NaiveDate, TimestampError> {
    let unreadable = || TimestampError::Unreadable(shown(t));
    let no_such = || TimestampError::NoSuchDate(shown(t));
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).ok_or_else(no_such);
    if matches!(c.peek(), Some(ch) if ch.is_ascii_alphabetic()) {
        // "Feb 25, 2026" / "February 25 2026"
        let month = month_from_name(c.letters()).ok_or_else(unreadable)?;
        if c.spaces() == 0 && !c.eat(b'-') {
            return Err(unreadable());
        }
        let (d, _) = c.digits(2).ok_or_else(unreadable)?;
        c.eat(b',');
        if c.spaces() == 0 && !c.eat(b'-') {
            return Err(unreadable());
        }
        let (y, ny) = c.digits(4).ok_or_else(unreadable)?;
        let year = full_year(y, ny).ok_or_else(unreadable)?;
        c.eat(b',');
        return ymd(year, month, d);
    }
    let (a, na) = c.digits(4).ok_or_else(unreadable)?;
    let sep = match c.peek() {
        Some(s @ (b'/' | b'-' | b'.' | b' ')) => s,
        _ => {
            // Compact YYYYMMDD was handled as a number; anything else is unknown.
            return Err(unreadable());
        }
    };
    c.i += 1;
    if na == 4 {
        if sep == b' ' {
            return Err(unreadable());
        }
        let (m, _) = c.digits(2).ok_or_else(unreadable)?;
        if !c.eat(sep) {
            return Err(unreadable());
        }
        let (d, nd) = c.digits(2).ok_or_else(unreadable)?;
        if nd == 0 || matches!(c.peek(), Some(b'0'..=b'9')) {
            return Err(unreadable());
        }
        return ymd(a as i32, m, d);
    }
    if na > 2 {
        return Err(unreadable());
    }
    if matches!(c.peek(), Some(ch) if ch.is_ascii_alphabetic()) {
        // Jira: 25/Feb/26, 25-Feb-2026, 25 Feb 2026
        let month = month_from_name(c.letters()).ok_or_else(unreadable)?;
        if !c.eat(sep) {
            return Err(unreadable());
        }
        let (y, ny) = c.digits(4).ok_or_else(unreadable)?;
        let year = full_year(y, ny).ok_or_else(unreadable)?;
        return ymd(year, month, a);
    }
    if sep == b' ' {
        return Err(unreadable());
    }
    let (b, nb) = c.digits(2).ok_or_else(unreadable)?;
    if nb == 0 || !c.eat(sep) {
        return Err(unreadable());
    }
    let (y, ny) = c.digits(4).ok_or_else(unreadable)?;
    if matches!(c.peek(), Some(b'0'..=b'9')) {
        return Err(unreadable());
    }
    let year = full_year(y, ny).ok_or_else(unreadable)?;
    // Dots are day-first by convention; equal numbers read the same either way.
    let order = if sep == b'.' || a == b {
        DateOrder::DayFirst
    } else {
        match (a > 12, b > 12, order) {
            (true, false, _) => DateOrder::DayFirst,
            (false, true, _) => DateOrder::MonthFirst,
            (true, true, _) => return Err(no_such()),
            (false, false, Some(o)) => o,
            (false, false, None) => return Err(TimestampError::Ambiguous(t.to_string())),
        }
    };
    match order {
        DateOrder::DayFirst => ymd(year, b, a),
        DateOrder::MonthFirst => ymd(year, a, b),
    }
}

/// Smallest number read as a spreadsheet serial date (1954-10-04); smaller numbers are more
/// likely a mistake than a date.
const SERIAL_MIN: f64 = 20_000.0;

/// Spreadsheet serial day 0 (the 1900 system as Excel, LibreOffice and Google Sheets use it
/// for serials from 61 on).
fn serial_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
}

/// Epoch seconds / milliseconds, spreadsheet serials, compact dates. Ok(None): not a number
/// form after all (falls through to date parsing, which then says it is unreadable).
fn parse_number(t: &str) -> Result<Option<Stamp>, TimestampError> {
    let no_such = || TimestampError::NoSuchDate(shown(t));
    let int_part = t.split('.').next().unwrap_or("");
    if t.bytes().filter(|&c| c == b'.').count() > 1 || int_part.is_empty() {
        return Ok(None);
    }
    let digits = int_part.len();
    let value: f64 = match crate::number::parse_f64(t) {
        Some(v) => v,
        None => return Ok(None),
    };
    let instant = |secs: f64| -> Result<Option<Stamp>, TimestampError> {
        let whole = secs.floor();
        let nanos = ((secs - whole) * 1e9).round().min(999_999_999.0) as u32;
        DateTime::from_timestamp(whole as i64, nanos)
            .map(|d| Some(Stamp::Instant(d)))
            .ok_or_else(no_such)
    };
    match digits {
        8 if !t.contains('.') => {
            let v = value as u32;
            let d = NaiveDate::from_ymd_opt((v / 10_000) as i32, v / 100 % 100, v % 100).ok_or_else(no_such)?;
            Ok(Some(Stamp::Local(d.and_time(NaiveTime::MIN))))
        }
        9..=11 => instant(value),
        12..=14 => instant(value / 1000.0),
        5..=7 if (SERIAL_MIN..=2_958_465.99).contains(&value) => {
            let secs = (value * 86_400.0).round() as i64;
            let dt = serial_epoch()
                .checked_add_signed(TimeDelta::seconds(secs))
                .ok_or_else(no_such)?;
            Ok(Some(Stamp::Local(dt)))
        }
        _ => Err(TimestampError::Unreadable(shown(t))),
    }
}

/// Turns local times of one zone into UTC, caching the offset per local hour (an hour is cached
/// only when one offset holds for all of it, so DST changes at odd minutes stay exact).
#[derive(Debug, Clone)]
pub struct LocalResolver {
    tz: Zone,
    keys: Box<[i64; 64]>,
    offsets: Box<[i32; 64]>,
}

impl LocalResolver {
    /// A resolver for `tz`.
    pub fn new(tz: Zone) -> LocalResolver {
        LocalResolver {
            tz,
            keys: Box::new([i64::MIN; 64]),
            offsets: Box::new([0; 64]),
        }
    }

    /// The zone in use.
    pub fn tz(&self) -> Zone {
        self.tz
    }

    /// The instant of local time `local`; gaps move forward by the gap, overlaps take the earlier
    /// instant. None only for dates at the very ends of chrono's range.
    pub fn to_utc(&mut self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        if self.tz == Zone::UTC {
            return Some(local.and_utc());
        }
        let secs = local.and_utc().timestamp();
        let hour = secs.div_euclid(3600);
        let slot = (hour as usize) & 63;
        if self.keys[slot] == hour {
            return DateTime::from_timestamp(secs - i64::from(self.offsets[slot]), local.nanosecond_part());
        }
        let utc = resolve(self.tz, local)?;
        // Cache the hour if its first and last second share one unambiguous offset.
        let hour_start = local.date().and_hms_opt(local.time().hour_part(), 0, 0)?;
        let hour_end = hour_start.checked_add_signed(TimeDelta::seconds(3599))?;
        if let (LocalResult::Single(a), LocalResult::Single(b)) = (
            self.tz.offset_from_local_datetime(&hour_start),
            self.tz.offset_from_local_datetime(&hour_end),
        ) {
            let (a, b) = (a.fix().local_minus_utc(), b.fix().local_minus_utc());
            if a == b {
                self.keys[slot] = hour;
                self.offsets[slot] = a;
            }
        }
        Some(utc)
    }
}

trait Parts {
    fn nanosecond_part(&self) -> u32;
    fn hour_part(&self) -> u32;
}
impl Parts for NaiveDateTime {
    fn nanosecond_part(&self) -> u32 {
        chrono::Timelike::nanosecond(self)
    }
    fn hour_part(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
}
impl Parts for NaiveTime {
    fn nanosecond_part(&self) -> u32 {
        chrono::Timelike::nanosecond(self)
    }
    fn hour_part(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
}

fn resolve(tz: Zone, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let utc = |off: i32| {
        local
            .checked_sub_signed(TimeDelta::seconds(i64::from(off)))
            .map(|n| n.and_utc())
    };
    match tz.offset_from_local_datetime(&local) {
        LocalResult::Single(o) => utc(o.fix().local_minus_utc()),
        LocalResult::Ambiguous(a, b) => {
            let (x, y) = (utc(a.fix().local_minus_utc())?, utc(b.fix().local_minus_utc())?);
            Some(x.min(y))
        }
        LocalResult::None => {
            // In a gap: read it with the offset in force just before the gap.
            let before = local.checked_sub_signed(TimeDelta::hours(24))?.and_utc();
            let off = tz.offset_from_utc_datetime(&before.naive_utc()).fix().local_minus_utc();
            utc(off)
        }
    }
}

/// Converts a parsed stamp to UTC.
pub(crate) fn stamp_to_utc(stamp: Stamp, resolver: &mut LocalResolver) -> Option<DateTime<Utc>> {
    match stamp {
        Stamp::Instant(i) => Some(i),
        Stamp::Local(l) => {
            // Keep years a person could mean; protects arithmetic at chrono's range ends.
            if !(1..=9999).contains(&l.year()) {
                return None;
            }
            resolver.to_utc(l)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_date_orders() {
        use crate::json::from_str;
        for o in [DateOrder::DayFirst, DateOrder::MonthFirst] {
            assert_eq!(from_str::<DateOrder>(&serde_json::to_string(&o).unwrap()).unwrap(), o);
        }
        let e = from_str::<DateOrder>(" \"dmy\"").unwrap_err();
        assert_eq!(e.line_column(" \"dmy\""), (1, 2));
        assert_eq!(e.message, "unknown variant `dmy`, expected `day_first` or `month_first`");
        assert_eq!(from_str::<DateOrder>("{}").unwrap_err().message, "invalid type: map, expected a string");
    }

    fn local(s: &str, order: Option<DateOrder>) -> String {
        match parse_timestamp(s, order) {
            Ok(Stamp::Local(l)) => l.format("%Y-%m-%d %H:%M:%S").to_string(),
            Ok(Stamp::Instant(i)) => i.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            Err(e) => format!("ERR {e}"),
        }
    }

    #[test]
    fn reads_every_documented_form() {
        let d = Some(DateOrder::DayFirst);
        let cases = [
            ("2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z"),
            ("2026-03-02T10:00:00.250+01:00", "2026-03-02T09:00:00Z"),
            ("2026-03-02 10:00", "2026-03-02 10:00:00"),
            ("2026-03-02 10:00:05", "2026-03-02 10:00:05"),
            ("2026/03/02 10:00", "2026-03-02 10:00:00"),
            ("2026-03-02", "2026-03-02 00:00:00"),
            ("2026-03-02 10:00 +0530", "2026-03-02T04:30:00Z"),
            ("2026-03-02 10:00 UTC", "2026-03-02T10:00:00Z"),
            ("2026-03-02T10:00:00-08", "2026-03-02T18:00:00Z"),
            ("25/Feb/26 10:17 PM", "2026-02-25 22:17:00"),
            ("25/Feb/26 12:05 AM", "2026-02-25 00:05:00"),
            ("01/Mar/26 12:30 PM", "2026-03-01 12:30:00"),
            ("25-Feb-2026 22:17", "2026-02-25 22:17:00"),
            ("Feb 25, 2026 10:17 PM", "2026-02-25 22:17:00"),
            ("03/04/2026 10:00", "2026-04-03 10:00:00"),
            ("25.03.2026 08:15", "2026-03-25 08:15:00"),
            ("1772445600", "2026-03-02T10:00:00Z"),
            ("1772445600000", "2026-03-02T10:00:00Z"),
            ("46082.5", "2026-03-01 12:00:00"),
            ("20260302", "2026-03-02 00:00:00"),
            ("Mon, 02 Mar 2026 10:00:00 +0000", "2026-03-02T10:00:00Z"),
            ("2026-03-02 24:00", "2026-03-03 00:00:00"),
        ];
        for (text, want) in cases {
            assert_eq!(local(text, d), want, "{text}");
        }
        assert_eq!(
            local("03/04/2026 10:00", Some(DateOrder::MonthFirst)),
            "2026-03-04 10:00:00"
        );
        assert_eq!(local("13/04/2026", None), "2026-04-13 00:00:00");
        assert_eq!(local("04/13/2026", None), "2026-04-13 00:00:00");
        assert_eq!(local("04/04/2026", None), "2026-04-04 00:00:00");
    }

    #[test]
    fn refuses_with_reasons() {
        assert!(matches!(
            parse_timestamp("03/04/2026", None),
            Err(TimestampError::Ambiguous(_))
        ));
        assert!(matches!(
            parse_timestamp("31/02/2026", None),
            Err(TimestampError::NoSuchDate(_))
        ));
        assert!(matches!(
            parse_timestamp("2026-02-30 10:00", None),
            Err(TimestampError::NoSuchDate(_))
        ));
        assert!(matches!(
            parse_timestamp("2026-02-03 25:00", None),
            Err(TimestampError::NoSuchDate(_))
        ));
        assert!(parse_timestamp("13:00 PM", None).is_err());
        for bad in [
            "soon",
            "",
            "2026",
            "2026-03-02 10",
            "2026-03-02X10:00",
            "10:00",
            "12345678901234567",
            "1.2.3",
        ] {
            assert!(parse_timestamp(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn hints_order() {
        assert_eq!(order_hint("25/03/2026 10:00"), OrderHint::DayFirst);
        assert_eq!(order_hint("03/25/2026"), OrderHint::MonthFirst);
        assert_eq!(order_hint("03/04/26"), OrderHint::Undecided);
        assert_eq!(order_hint("04/04/2026"), OrderHint::Either);
        assert_eq!(order_hint("2026-03-04"), OrderHint::NotNumeric);
        assert_eq!(order_hint("25/Feb/26 10:17 PM"), OrderHint::NotNumeric);
    }

    #[test]
    fn dst_gap_moves_forward_and_overlap_takes_earlier() {
        let tz: Zone = "Europe/Berlin".parse().unwrap();
        let mut r = LocalResolver::new(tz);
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        // Spring forward 2026-03-29 02:00 CET → 03:00 CEST: 02:30 does not exist → 03:30 CEST.
        assert_eq!(
            r.to_utc(at("2026-03-29 02:30")).unwrap().to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
        // Fall back 2026-10-25 03:00 CEST → 02:00 CET: 02:30 happens twice → first (CEST).
        assert_eq!(
            r.to_utc(at("2026-10-25 02:30")).unwrap().to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        // Ordinary times, twice (second from the cache).
        for _ in 0..2 {
            assert_eq!(
                r.to_utc(at("2026-07-01 12:00")).unwrap().to_rfc3339(),
                "2026-07-01T10:00:00+00:00"
            );
            assert_eq!(
                r.to_utc(at("2026-01-01 12:00")).unwrap().to_rfc3339(),
                "2026-01-01T11:00:00+00:00"
            );
        }
    }
}
