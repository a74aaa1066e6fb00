//! Spans of time as people write them: `1h 30m`, `01:30:00`, `5400` (seconds), `2d 4h`.
//!
//! [`Span`] is a whole number of seconds. It is what the agreement uses for response and
//! resolution targets and what an import reads from a "duration" column. It serialises as the
//! compact human form (`"4h"`, `"1h 30m"`) and deserialises from that form or from a number of
//! seconds, so a JSON agreement can be written by hand.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A non-negative length of time in whole seconds.
///
/// ```
/// use sla_core::model::Span;
/// assert_eq!("1h 30m".parse::<Span>().unwrap().seconds(), 5400);
/// assert_eq!("01:30:00".parse::<Span>().unwrap().seconds(), 5400);
/// assert_eq!("5400".parse::<Span>().unwrap().to_string(), "1h 30m");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span(i64);

/// Why a text could not be read as a span of time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// The text was empty or only blanks.
    #[error("the duration is empty")]
    Empty,
    /// A negative duration was given; spans count forward.
    #[error("the duration \"{0}\" is negative; durations must be zero or more")]
    Negative(String),
    /// The text matched none of the accepted forms.
    #[error("\"{0}\" is not a duration; write it like 1h 30m, 01:30:00 or 5400 (seconds)")]
    Unreadable(String),
    /// The duration is too large to be meaningful (over 1000 years).
    #[error("the duration \"{0}\" is longer than 1000 years")]
    TooLong(String),
}

/// Longest span accepted from text: 1000 years of seconds. Anything longer is a typo.
pub const MAX_SPAN_SECONDS: i64 = 1000 * 366 * 86_400;

impl Span {
    /// A span of `seconds` seconds; negative input is clamped to zero.
    pub const fn from_seconds(seconds: i64) -> Span {
        Span(if seconds < 0 { 0 } else { seconds })
    }
    /// A span of whole minutes.
    pub const fn from_minutes(minutes: i64) -> Span {
        Span::from_seconds(minutes * 60)
    }
    /// A span of whole hours.
    pub const fn from_hours(hours: i64) -> Span {
        Span::from_seconds(hours * 3600)
    }
    /// The length in seconds.
    pub const fn seconds(self) -> i64 {
        self.0
    }
    /// The span as a chrono [`chrono::TimeDelta`].
    pub fn as_delta(self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(self.0)
    }
}

/// Formats a number of seconds compactly: `0s`, `45s`, `1h 30m`, `2d 4h 5m 6s`.
/// Negative input is written with a leading minus.
pub fn format_seconds(total: i64) -> String {
    if total == 0 {
        return "0s".to_string();
    }
    let mut out = String::new();
    if total < 0 {
        out.push('-');
    }
    let mut rest = total.unsigned_abs();
    let parts = [(86_400u64, 'd'), (3600, 'h'), (60, 'm'), (1, 's')];
    let mut first = true;
    for (unit, letter) in parts {
        let n = rest / unit;
        rest %= unit;
        if n > 0 {
            if !first {
                out.push(' ');
            }
            out.push_str(&n.to_string());
            out.push(letter);
            first = false;
        }
    }
    out
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_seconds(self.0))
    }
}

/// Reads a duration in any of the accepted forms and returns whole seconds (fractions of a
/// second are rounded to the nearest second).
///
/// Accepted: plain seconds (`5400`, `5400.4`); clock form `H:MM`, `H:MM:SS` or `D.HH:MM:SS`
/// (hours may exceed 24); unit form with `d`, `h`, `m`, `s` (also `w`, `ms`, and the words
/// `day(s)`, `hour(s)`/`hr(s)`, `min(s)`/`minute(s)`, `sec(s)`/`second(s)`) in any
/// combination separated by optional spaces or commas: `1h 30m`, `2d4h`, `90 min`, `1.5h`.
pub fn parse_duration_seconds(text: &str) -> Result<i64, SpanError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(SpanError::Empty);
    }
    if let Some(rest) = t.strip_prefix('-') {
        if parse_duration_seconds(rest).is_ok() {
            return Err(SpanError::Negative(t.to_string()));
        }
        return Err(SpanError::Unreadable(t.to_string()));
    }
    let value = if let Some(v) = crate::number::parse_f64(t) {
        Some(v)
    } else if t.contains(':') {
        parse_clock(t)
    } else {
        parse_units(t)
    };
    match value {
        Some(v) if v.is_finite() && v >= 0.0 => {
            if v > MAX_SPAN_SECONDS as f64 {
                Err(SpanError::TooLong(t.to_string()))
            } else {
                Ok(v.round() as i64)
            }
        }
        Some(v) if v < 0.0 => Err(SpanError::Negative(t.to_string())),
        _ => Err(SpanError::Unreadable(t.to_string())),
    }
}

fn parse_clock(t: &str) -> Option<f64> {
    // Optional "D." day prefix as in .NET / ServiceNow style "1.02:00:00".
    let (days, clock) = match t.split_once('.') {
        Some((d, rest)) if rest.contains(':') && d.chars().all(|c| c.is_ascii_digit()) => {
            (crate::number::parse_f64(d)?, rest)
        }
        _ => (0.0, t),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let hours: f64 = digits(parts[0])?;
    let minutes: f64 = digits(parts[1])?;
    if minutes >= 60.0 {
        return None;
    }
    let seconds: f64 = if parts.len() == 3 {
        let s: f64 = crate::number::parse_f64(parts[2])?;
        if !(0.0..60.0).contains(&s) || parts[2].starts_with(['+', '-']) {
            return None;
        }
        s
    } else {
        0.0
    };
    Some(days * 86_400.0 + hours * 3600.0 + minutes * 60.0 + seconds)
}

fn digits(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 12 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    crate::number::parse_f64(s)
}

fn unit_seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "w" | "wk" | "wks" | "week" | "weeks" => 604_800.0,
        "d" | "day" | "days" => 86_400.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "ms" | "msec" | "millisecond" | "milliseconds" => 0.001,
        _ => return None,
    })
}

fn parse_units(t: &str) -> Option<f64> {
    let lower = t.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    let mut total = 0.0;
    let mut any = false;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b',') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        if start == i {
            return None;
        }
        let number: f64 = crate::number::parse_f64(&lower[start..i])?;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        let ustart = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let factor = unit_seconds(&lower[ustart..i])?;
        total += number * factor;
        any = true;
    }
    any.then_some(total)
}

impl std::str::FromStr for Span {
    type Err = SpanError;
    fn from_str(s: &str) -> Result<Span, SpanError> {
        parse_duration_seconds(s).map(Span)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Seconds(i64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            // Same bounds as the text forms: a number of seconds past 1000 years is a typo,
            // and would overflow the engine's time arithmetic.
            Raw::Seconds(n) if n > MAX_SPAN_SECONDS => Err(serde::de::Error::custom(SpanError::TooLong(n.to_string()))),
            Raw::Seconds(n) if n >= 0 => Ok(Span(n)),
            Raw::Seconds(n) => Err(serde::de::Error::custom(SpanError::Negative(n.to_string()))),
            Raw::Text(t) => t.parse().map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_documented_form() {
        let cases = [
            ("5400", 5400),
            ("1h 30m", 5400),
            ("1h30m", 5400),
            ("01:30:00", 5400),
            ("1:30", 5400),
            ("90 min", 5400),
            ("1.5h", 5400),
            ("2d 4h", 187_200),
            ("1.02:00:00", 93_600),
            ("3h 10m", 11_400),
            ("13m 37s", 817),
            ("0", 0),
            ("1500ms", 2),
            ("1 hour, 5 minutes", 3900),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_duration_seconds(text), Ok(secs), "{text}");
        }
    }

    #[test]
    fn rejects_with_reasons() {
        assert_eq!(parse_duration_seconds(""), Err(SpanError::Empty));
        assert_eq!(parse_duration_seconds("-5m"), Err(SpanError::Negative("-5m".into())));
        assert!(matches!(parse_duration_seconds("soon"), Err(SpanError::Unreadable(_))));
        assert!(matches!(parse_duration_seconds("1:75"), Err(SpanError::Unreadable(_))));
        assert!(matches!(parse_duration_seconds("NaN"), Err(SpanError::Unreadable(_))));
        assert!(matches!(parse_duration_seconds("inf"), Err(SpanError::Unreadable(_))));
        assert!(matches!(parse_duration_seconds("99999999999999h"), Err(SpanError::TooLong(_))));
        assert!(matches!(parse_duration_seconds("5 parsecs"), Err(SpanError::Unreadable(_))));
    }

    #[test]
    fn formats_compactly_and_round_trips() {
        for secs in [0, 1, 59, 60, 3599, 3600, 5400, 86_400, 187_205] {
            let s = Span::from_seconds(secs);
            assert_eq!(s.to_string().parse::<Span>().unwrap(), s);
        }
        assert_eq!(format_seconds(2_592_000), "30d");
        assert_eq!(format_seconds(-61), "-1m 1s");
        let json = serde_json::to_string(&Span::from_minutes(90)).unwrap();
        assert_eq!(json, "\"1h 30m\"");
        assert_eq!(serde_json::from_str::<Span>("5400").unwrap(), Span::from_minutes(90));
        assert!(serde_json::from_str::<Span>("-3").is_err());
    }
}
