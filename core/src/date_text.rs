//! Dates and times as the app writes and reads them: `2026-03-14`, `2026-03-14 22:00`,
//! `2026-03-14T22:00:05`.
//!
//! The same as chrono's `format("%Y-%m-%d %H:%M")` and `parse_from_str` with those patterns for
//! years 1–9999 (the range the app accepts), without chrono's pattern interpreter, which costs
//! about 6 KB of the gzipped web bundle. The tests check both directions against chrono.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use std::fmt::Write as _;

/// `2026-03-14`.
pub fn date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `3 April 2026` (chrono's `%-d %B %Y`): a date spelled out day first.
pub fn day_month_year(d: NaiveDate) -> String {
    format!("{} {} {:04}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// `April 3, 2026` (chrono's `%B %-d, %Y`): a date spelled out month first.
pub fn month_day_year(d: NaiveDate) -> String {
    format!("{} {}, {:04}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// `2026-03-14 22:05` with `sep` `' '`, `2026-03-14T22:05` with `'T'`.
pub fn minutes(at: &NaiveDateTime, sep: char) -> String {
    let mut s = String::with_capacity(16);
    push_date(&mut s, at.date());
    s.push(sep);
    let _ = write!(s, "{:02}:{:02}", at.hour(), at.minute());
    s
}

/// `2026-03-14 22:05:09` with `sep` `' '`, `2026-03-14T22:05:09` with `'T'`.
pub fn seconds(at: &NaiveDateTime, sep: char) -> String {
    let mut s = minutes(at, sep);
    let _ = write!(s, ":{:02}", at.second());
    s
}

fn push_date(s: &mut String, d: NaiveDate) {
    let _ = write!(s, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
}

/// Reads `YYYY-MM-DD` (month and day may have one digit). `None` for anything else, or a day
/// that does not exist.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let year = number(parts.next()?, 4, 4)?;
    let month = number(parts.next()?, 1, 2)?;
    let day = number(parts.next()?, 1, 2)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Reads `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD HH:MM`, either with `:SS`, as an
/// `<input type="datetime-local">` gives it. `None` for anything else.
pub fn parse_date_time(text: &str) -> Option<NaiveDateTime> {
    let split = text.find(['T', ' '])?;
    let date = parse_date(&text[..split])?;
    let mut parts = text[split + 1..].split(':');
    let hour = number(parts.next()?, 1, 2)?;
    let minute = number(parts.next()?, 1, 2)?;
    let second = match parts.next() {
        Some(s) => number(s, 1, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, second)?))
}

/// Reads an RFC 3339 instant as chrono writes one (`2026-03-14T22:00:05Z`,
/// `2026-03-14T22:00:05.250+01:00`): seconds required, a fraction of up to nine digits, `Z` or
/// an offset `±HH:MM`. `None` for anything else.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let zone_at = text.rfind(['Z', '+', '-']).filter(|&i| i > 10)?;
    let (local, zone) = text.split_at(zone_at);
    let (clock, fraction) = match local.split_once('.') {
        Some((clock, f)) => (clock, Some(f)),
        None => (local, None),
    };
    if clock.len() != 19 || clock.as_bytes()[10] != b'T' {
        return None;
    }
    let mut at = parse_date_time(clock)?;
    if let Some(f) = fraction {
        let digits = number(f, 1, 9)?;
        at = at.with_nanosecond(digits * 10u32.pow(9 - f.len() as u32))?;
    }
    let offset = match zone {
        "Z" => 0,
        _ => {
            let (sign, hm) = zone.split_at(1);
            let (h, m) = hm.split_once(':')?;
            let (h, m) = (number(h, 2, 2)?, number(m, 2, 2)?);
            if m > 59 {
                return None;
            }
            let seconds = (h * 60 + m) as i32 * 60;
            if sign == "-" { -seconds } else { seconds }
        }
    };
    let at = chrono::FixedOffset::east_opt(offset)?.from_local_datetime(&at).single()?;
    Some(at.with_timezone(&Utc))
}

/// A number of `min..=max` ASCII digits.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if !(min..=max).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Reads a JSON string `YYYY-MM-DD` ([`parse_date`]).
pub fn read_date(j: &crate::json::Json) -> Result<NaiveDate, crate::json::JsonError> {
    let text = j.str()?;
    parse_date(text).ok_or_else(|| j.error(format!("expected a date as YYYY-MM-DD, found \"{text}\"")))
}

/// Reads a JSON string `YYYY-MM-DDTHH:MM[:SS]` or with a space for the `T` ([`parse_date_time`]).
pub fn read_date_time(j: &crate::json::Json) -> Result<NaiveDateTime, crate::json::JsonError> {
    let text = j.str()?;
    parse_date_time(text).ok_or_else(|| j.error(format!("expected a date and time as YYYY-MM-DDTHH:MM:SS, found \"{text}\"")))
}

/// Reads a JSON string instant as chrono writes it ([`parse_instant`]).
pub fn read_instant(j: &crate::json::Json) -> Result<DateTime<Utc>, crate::json::JsonError> {
    let text = j.str()?;
    parse_instant(text).ok_or_else(|| j.error(format!("expected an instant as YYYY-MM-DDTHH:MM:SSZ, found \"{text}\"")))
}

/// Serde for the model's dates in the text above (`#[serde(with = "...")]`): `2026-03-14`, as
/// chrono writes it. Reading is serde's only for [`crate::model::PeriodSpec`] inside a report read
/// back; agreement files are read by [`read_date`] and friends.
pub mod serde_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::date(*d))
    }

    /// Reads `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        read(&String::deserialize(d)?)
    }

    pub(super) fn read<E: serde::de::Error>(text: &str) -> Result<NaiveDate, E> {
        super::parse_date(text).ok_or_else(|| E::custom(format!("expected a date as YYYY-MM-DD, found \"{text}\"")))
    }

    /// The same for `Option<NaiveDate>` (`null` for none).
    pub mod option {
        use super::*;

        /// Writes `YYYY-MM-DD` or `null`.
        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }
    }

    /// The same for `Vec<NaiveDate>`.
    pub mod list {
        use super::*;
        use serde::ser::SerializeSeq;

        /// Writes a list of `YYYY-MM-DD`.
        pub fn serialize<S: Serializer>(days: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(days.len()))?;
            for d in days {
                seq.serialize_element(&super::super::date(*d))?;
            }
            seq.end()
        }
    }
}

/// Writes `NaiveDateTime` fields as `2026-03-14T22:00:00` (read by [`read_date_time`]).
pub mod serde_date_time {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    /// Writes `YYYY-MM-DDTHH:MM:SS`.
    pub fn serialize<S: Serializer>(at: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::seconds(at, 'T'))
    }
}

/// Writes `DateTime<Utc>` fields as chrono does (`2026-03-14T22:00:05Z`; read by
/// [`read_instant`], since chrono's reader goes through its pattern interpreter).
pub mod serde_instant {
    use chrono::{DateTime, Utc};
    use serde::{Serialize, Serializer};

    /// Writes RFC 3339 as chrono does.
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        at.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_date_time() -> impl Strategy<Value = NaiveDateTime> {
        let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap().and_hms_opt(23, 59, 59).unwrap();
        (first.and_utc().timestamp()..=last.and_utc().timestamp())
            .prop_map(|s| chrono::DateTime::from_timestamp(s, 0).unwrap().naive_utc())
    }

    proptest! {
        #[test]
        fn written_as_chrono_writes_it(at in any_date_time()) {
            prop_assert_eq!(date(at.date()), at.format("%Y-%m-%d").to_string());
            prop_assert_eq!(day_month_year(at.date()), at.format("%-d %B %Y").to_string());
            prop_assert_eq!(month_day_year(at.date()), at.format("%B %-d, %Y").to_string());
            prop_assert_eq!(minutes(&at, ' '), at.format("%Y-%m-%d %H:%M").to_string());
            prop_assert_eq!(minutes(&at, 'T'), at.format("%Y-%m-%dT%H:%M").to_string());
            prop_assert_eq!(seconds(&at, 'T'), at.format("%Y-%m-%dT%H:%M:%S").to_string());
        }

        #[test]
        fn what_is_written_reads_back(at in any_date_time()) {
            prop_assert_eq!(parse_date(&date(at.date())), Some(at.date()));
            prop_assert_eq!(parse_date_time(&seconds(&at, 'T')), Some(at));
            prop_assert_eq!(parse_date_time(&seconds(&at, ' ')), Some(at));
            prop_assert_eq!(parse_date_time(&minutes(&at, 'T')), at.with_second(0));
        }

        /// Strings of the right shape, with out-of-range fields: the same answer as chrono.
        #[test]
        fn reads_as_chrono_reads(y in 1000u32..10000, m in 0u32..14, d in 0u32..33, h in 0u32..26,
                                 mi in 0u32..62, s in 0u32..62, wide in any::<bool>()) {
            let day = if wide { format!("{y}-{m:02}-{d:02}") } else { format!("{y}-{m}-{d}") };
            prop_assert_eq!(parse_date(&day), NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
            let text = format!("{day}T{h:02}:{mi:02}");
            prop_assert_eq!(parse_date_time(&text), NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M").ok());
            if s < 60 {
                let text = format!("{day} {h}:{mi}:{s}");
                prop_assert_eq!(parse_date_time(&text), NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S").ok());
            }
        }
    }

    #[derive(serde::Serialize, PartialEq, Debug)]
    struct Fields {
        #[serde(with = "serde_date")]
        day: NaiveDate,
        #[serde(with = "serde_date::option")]
        maybe: Option<NaiveDate>,
        #[serde(with = "serde_date::list")]
        days: Vec<NaiveDate>,
        #[serde(with = "serde_date_time")]
        at: NaiveDateTime,
    }

    impl crate::json::FromJson for Fields {
        fn from_json(j: &crate::json::Json) -> Result<Fields, crate::json::JsonError> {
            let o = j.object(&["day", "maybe", "days", "at"])?;
            Ok(Fields {
                day: o.need("day", read_date)?,
                maybe: o.need("maybe", |j| j.or_null(read_date))?,
                days: o.need("days", |j| j.list_of(read_date))?,
                at: o.need("at", read_date_time)?,
            })
        }
    }

    proptest! {
        /// The JSON is chrono's own for the same values, and reads back.
        #[test]
        fn serde_writes_what_chrono_writes(at in any_date_time()) {
            let fields = Fields { day: at.date(), maybe: Some(at.date()), days: vec![at.date(), at.date()], at };
            let ours = serde_json::to_string(&fields).unwrap();
            let chrono = format!(
                r#"{{"day":{d},"maybe":{d},"days":[{d},{d}],"at":{t}}}"#,
                d = serde_json::to_string(&at.date()).unwrap(),
                t = serde_json::to_string(&at).unwrap()
            );
            prop_assert_eq!(&ours, &chrono);
            prop_assert_eq!(crate::json::from_str::<Fields>(&ours).unwrap(), fields);
            prop_assert_eq!(serde_json::from_str::<chrono::NaiveDate>(&serde_json::to_string(&at.date()).unwrap()).unwrap(), at.date());
        }
    }

    proptest! {
        /// chrono's own JSON for any instant (with a fraction of a second or not) reads back.
        #[test]
        fn instants_read_back(at in any_date_time(), nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|m| m * 1_000_000)]) {
            let at = at.and_utc().with_nanosecond(nanos).unwrap();
            let json = serde_json::to_string(&at).unwrap();
            prop_assert_eq!(parse_instant(json.trim_matches('"')), Some(at));
        }

        /// Whatever is read, chrono reads the same way.
        #[test]
        fn instants_are_read_as_chrono_reads(at in any_date_time(), frac in "(\\.[0-9]{0,10})?", zone in "Z|z|[+-][0-9]{2}:[0-9]{2}|[+-][0-9]{4}|") {
            let text = format!("{}{frac}{zone}", seconds(&at, 'T'));
            if let Some(ours) = parse_instant(&text) {
                prop_assert_eq!(Some(ours), text.parse::<DateTime<chrono::FixedOffset>>().ok().map(|d| d.with_timezone(&Utc)), "{}", text);
            }
        }
    }

    #[test]
    fn readers_say_what_they_expected_and_where() {
        use crate::json::from_str;
        let ok = r#"{"day":"2026-03-14","maybe":null,"days":[],"at":"2026-03-14 22:00"}"#;
        assert_eq!(from_str::<Fields>(ok).unwrap().maybe, None);
        let bad = "{\"day\":\"2026-03-14\",\n\"maybe\":null,\"days\":[\"2026/12/25\",\"2026-12-26\"],\"at\":\"2026-03-14T22:00\"}";
        let e = from_str::<Fields>(bad).unwrap_err();
        assert_eq!((e.line_column(bad), e.message.as_str()), ((2, 22), "expected a date as YYYY-MM-DD, found \"2026/12/25\""));
        let bad = r#"{"day":"2026-03-14","maybe":null,"days":[],"at":"2026-03-14T25:00"}"#;
        let e = from_str::<Fields>(bad).unwrap_err();
        assert_eq!(e.message, "expected a date and time as YYYY-MM-DDTHH:MM:SS, found \"2026-03-14T25:00\"");
        let e = read_instant(&crate::json::parse("\"2026-03-14T25:00:00Z\"").unwrap()).unwrap_err();
        assert_eq!(e.message, "expected an instant as YYYY-MM-DDTHH:MM:SSZ, found \"2026-03-14T25:00:00Z\"");
    }

    #[test]
    fn other_shapes_are_refused() {
        for text in ["", "2026", "2026-03", "2026-03-14-", "2026/03/14", "26-03-14", "2026-003-14", "2026-03-14x",
                     "+2026-03-14", " 2026-03-14", "2026-03-14T", "2026-03-14T10", "2026-03-14T10:00:00:00",
                     "2026-03-14T10:00Z", "2026-03-14T24:00", "2026-02-30T10:00", "2026-03-14T10:00:60",
                     "２０２６-03-14"] {
            assert_eq!(parse_date(text).is_some() as u8 + parse_date_time(text).is_some() as u8, 0, "{text:?}");
        }
        assert_eq!(parse_date("2026-3-4"), NaiveDate::from_ymd_opt(2026, 3, 4));
    }
}
