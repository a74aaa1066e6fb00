//! A wall-clock time of day from `00:00` to `24:00` inclusive, so a window can end at midnight.

use serde::{Serialize, Serializer};
use std::fmt;

/// Seconds after local midnight, `0..=86_400`. `24:00` is the end of the day.
///
/// ```
/// use sla_core::model::TimeOfDay;
/// let t: TimeOfDay = "08:30".parse().unwrap();
/// assert_eq!(t.seconds(), 8 * 3600 + 30 * 60);
/// assert_eq!("24:00".parse::<TimeOfDay>().unwrap(), TimeOfDay::END_OF_DAY);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u32);

/// Why a text is not a time of day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a time of day; write it as HH:MM between 00:00 and 24:00")]
pub struct TimeOfDayError(pub String);

impl TimeOfDay {
    /// Midnight at the start of the day.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);
    /// Midnight at the end of the day (`24:00`).
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(86_400);

    /// From hours and minutes; `None` when out of range.
    pub const fn hm(hours: u32, minutes: u32) -> Option<TimeOfDay> {
        if minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0)) {
            Some(TimeOfDay(hours * 3600 + minutes * 60))
        } else {
            None
        }
    }
    /// From seconds after midnight; `None` past 24:00.
    pub const fn from_seconds(seconds: u32) -> Option<TimeOfDay> {
        if seconds <= 86_400 {
            Some(TimeOfDay(seconds))
        } else {
            None
        }
    }
    /// Seconds after midnight.
    pub const fn seconds(self) -> u32 {
        self.0
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 % 3600 / 60, self.0 % 60);
        if s == 0 {
            write!(f, "{h:02}:{m:02}")
        } else {
            write!(f, "{h:02}:{m:02}:{s:02}")
        }
    }
}

impl std::str::FromStr for TimeOfDay {
    type Err = TimeOfDayError;
    fn from_str(text: &str) -> Result<TimeOfDay, TimeOfDayError> {
        let err = || TimeOfDayError(text.to_string());
        let parts: Vec<&str> = text.trim().split(':').collect();
        if parts.len() < 2 || parts.len() > 3 {
            return Err(err());
        }
        let num = |s: &str| -> Result<u32, TimeOfDayError> {
            if s.is_empty() || s.len() > 2 || !s.chars().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            s.parse().map_err(|_| err())
        };
        let (h, m) = (num(parts[0])?, num(parts[1])?);
        let s = if parts.len() == 3 { num(parts[2])? } else { 0 };
        if s >= 60 {
            return Err(err());
        }
        let base = TimeOfDay::hm(h, m).ok_or_else(err)?;
        TimeOfDay::from_seconds(base.0 + s).ok_or_else(err)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!("00:00".parse::<TimeOfDay>().unwrap(), TimeOfDay::MIDNIGHT);
        assert_eq!("18:00".parse::<TimeOfDay>().unwrap().seconds(), 64_800);
        assert_eq!("07:05:09".parse::<TimeOfDay>().unwrap().to_string(), "07:05:09");
        assert_eq!(TimeOfDay::END_OF_DAY.to_string(), "24:00");
        for bad in ["24:01", "25:00", "8", "08:60", "ab:cd", "", "08:00:60", "-1:00"] {
            assert!(bad.parse::<TimeOfDay>().is_err(), "{bad}");
        }
    }
}
