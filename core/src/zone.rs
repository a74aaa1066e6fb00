//! Time zones: the IANA zone an agreement names (`Europe/Berlin`), as a [`chrono::TimeZone`].
//!
//! Where the offsets come from:
//! - natively (feature `tzdb`, on by default) from chrono-tz's compiled copy of the IANA
//!   database, exactly;
//! - in the web bundle, which leaves that table out (about 120 KB gzipped, a third of the
//!   download's data), from the browser's own copy of the same database: the app registers a
//!   [`ZoneSource`] with [`set_zone_source`] that answers "what is the UTC offset in this zone at
//!   this instant" through `Intl.DateTimeFormat`, and [`ZoneTable::sample`] turns those answers
//!   into the zone's list of transitions once per zone. A registered source is asked first.
//!
//! A table covers [`TABLE_FROM`]..[`TABLE_TO`] (1970 to 2100), found by sampling every
//! [`SAMPLE_STEP`] seconds and bisecting each change to the second; before and after that range
//! the offsets at its ends apply. Two changes closer together than the step that cancel out
//! would be missed: none in the database since 1970 is that close.

use chrono::{FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

/// First instant a [`ZoneTable`] describes: 1970-01-01T00:00:00Z.
pub const TABLE_FROM: i64 = 0;
/// Last instant a [`ZoneTable`] describes: 2100-01-01T00:00:00Z.
pub const TABLE_TO: i64 = 4_102_444_800;
/// Sampling step when a table is built: 7 days.
pub const SAMPLE_STEP: i64 = 7 * 86_400;

/// Answers questions about one zone by name, for [`ZoneTable::sample`].
pub trait ZoneSource {
    /// The offset east of UTC, in seconds, at `utc` (Unix seconds), or `None` when the zone is
    /// unknown or the instant cannot be answered.
    fn offset_at(&mut self, utc: i64) -> Option<i32>;
    /// A short name for the time in force at `utc` ("CET", "GMT+1"); `None` to show the offset.
    fn abbreviation_at(&mut self, utc: i64) -> Option<String>;
}

/// Makes a [`ZoneSource`] for a zone name, or `None` when the name is not a zone.
pub type ZoneSourceFn = fn(&str) -> Option<Box<dyn ZoneSource>>;

static SOURCE: OnceLock<ZoneSourceFn> = OnceLock::new();
/// Tables built so far (each built once and kept for the life of the program; there are a few
/// hundred zones at most).
static TABLES: Mutex<Vec<&'static ZoneTable>> = Mutex::new(Vec::new());

/// Registers where zone offsets come from (the web app does this once at start). Returns false
/// if a source was registered already (the first one stays).
pub fn set_zone_source(source: ZoneSourceFn) -> bool {
    SOURCE.set(source).is_ok()
}

/// One zone's offsets over [`TABLE_FROM`]..[`TABLE_TO`]: the offset in force at the start and
/// every change after it.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneTable {
    name: String,
    /// Offset (seconds east of UTC) and abbreviation index in force at `TABLE_FROM`.
    initial: (i32, usize),
    /// `(instant the new offset starts, offset, abbreviation index)`, in time order.
    changes: Vec<(i64, i32, usize)>,
    abbreviations: Vec<String>,
}

impl ZoneTable {
    /// Builds the table of the zone `name` by asking `source` (see the module notes). `None`
    /// when the source cannot answer.
    pub fn sample(name: &str, source: &mut dyn ZoneSource) -> Option<ZoneTable> {
        let mut abbreviations: Vec<String> = Vec::new();
        let mut abbreviation = |source: &mut dyn ZoneSource, at: i64, offset: i32| {
            let text = source.abbreviation_at(at).unwrap_or_else(|| offset_text(offset));
            match abbreviations.iter().position(|a| *a == text) {
                Some(i) => i,
                None => {
                    abbreviations.push(text);
                    abbreviations.len() - 1
                }
            }
        };
        let first = source.offset_at(TABLE_FROM)?;
        let initial = (first, abbreviation(source, TABLE_FROM, first));
        let mut changes = Vec::new();
        let (mut at, mut offset) = (TABLE_FROM, first);
        while at < TABLE_TO {
            let next = (at + SAMPLE_STEP).min(TABLE_TO);
            let next_offset = source.offset_at(next)?;
            if next_offset != offset {
                bisect(source, at, offset, next, next_offset, &mut changes)?;
            }
            at = next;
            offset = next_offset;
        }
        let changes = changes
            .into_iter()
            .map(|(t, o)| (t, o, abbreviation(source, t, o)))
            .collect();
        Some(ZoneTable { name: name.to_string(), initial, changes, abbreviations })
    }

    /// The zone's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Index of the span in force at `utc`: 0 for the initial one, `i + 1` after change `i`.
    fn span_at(&self, utc: i64) -> usize {
        self.changes.partition_point(|c| c.0 <= utc)
    }

    fn span(&self, index: usize) -> (i32, usize) {
        match index.checked_sub(1).and_then(|i| self.changes.get(i)) {
            Some(&(_, offset, abbreviation)) => (offset, abbreviation),
            None => self.initial,
        }
    }

    fn offset_at(&'static self, utc: i64) -> ZoneOffset {
        let (offset, abbreviation) = self.span(self.span_at(utc));
        ZoneOffset::table(self, offset, abbreviation)
    }

    /// The offsets that give `local` (seconds of local wall time since the epoch): none in a
    /// gap, two in a fold (earlier instant first).
    fn local(&'static self, local: i64) -> LocalResult<ZoneOffset> {
        // Offsets never exceed a day: the spans in force within a day either side of `local`.
        let first = self.span_at(local - 86_400);
        let last = self.span_at(local + 86_400);
        let mut found: Vec<(i64, ZoneOffset)> = Vec::with_capacity(2);
        for index in first..=last {
            let (offset, abbreviation) = self.span(index);
            let utc = local - i64::from(offset);
            if self.span_at(utc) == index && !found.iter().any(|(u, _)| *u == utc) {
                found.push((utc, ZoneOffset::table(self, offset, abbreviation)));
            }
        }
        if found.len() == 2 && found[1].0 < found[0].0 {
            found.swap(0, 1);
        }
        match found.as_slice() {
            [] => LocalResult::None,
            [(_, one)] => LocalResult::Single(*one),
            [(_, a), .., (_, b)] => LocalResult::Ambiguous(*a, *b),
        }
    }
}

/// Finds every change between `a` (offset `oa`) and `b` (offset `ob`) to the second.
fn bisect(source: &mut dyn ZoneSource, a: i64, oa: i32, b: i64, ob: i32, out: &mut Vec<(i64, i32)>) -> Option<()> {
    if oa == ob {
        return Some(());
    }
    if b - a <= 1 {
        out.push((b, ob));
        return Some(());
    }
    let m = a + (b - a) / 2;
    let om = source.offset_at(m)?;
    bisect(source, a, oa, m, om, out)?;
    bisect(source, m, om, b, ob, out)
}

/// `+01:00`, `-03:30`.
fn offset_text(offset: i32) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let s = offset.unsigned_abs();
    if s % 60 == 0 {
        format!("{sign}{:02}:{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

#[derive(Clone, Copy)]
enum Rules {
    Utc,
    #[cfg(feature = "tzdb")]
    Tzdb(chrono_tz::Tz),
    Table(&'static ZoneTable),
}

/// A time zone by IANA name. Cheap to copy; compares by name. Parse one with
/// `"Europe/Berlin".parse::<Zone>()`.
#[derive(Clone, Copy)]
pub struct Zone(Rules);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(Rules::Utc);

    /// The zone's name as given ("UTC" for [`Zone::UTC`]).
    pub fn name(&self) -> &str {
        match self.0 {
            Rules::Utc => "UTC",
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => tz.name(),
            Rules::Table(t) => &t.name,
        }
    }

    /// A zone described by `table` (kept for the life of the program).
    pub fn from_table(table: ZoneTable) -> Zone {
        let mut tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = tables.iter().find(|t| t.name == table.name) {
            return Zone(Rules::Table(t));
        }
        let leaked: &'static ZoneTable = Box::leak(Box::new(table));
        tables.push(leaked);
        Zone(Rules::Table(leaked))
    }

    /// Every zone name this build knows without a registered source (empty in the web build,
    /// which lists the browser's instead).
    pub fn known_names() -> Vec<&'static str> {
        #[cfg(feature = "tzdb")]
        {
            chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect()
        }
        #[cfg(not(feature = "tzdb"))]
        {
            Vec::new()
        }
    }
}

/// The name is not a time zone this build or its registered source knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownZone(pub String);

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown time zone \"{}\"", self.0)
    }
}

impl std::error::Error for UnknownZone {}

impl FromStr for Zone {
    type Err = UnknownZone;
    fn from_str(name: &str) -> Result<Zone, UnknownZone> {
        if name == "UTC" {
            return Ok(Zone::UTC);
        }
        if let Some(source) = SOURCE.get() {
            {
                let tables = TABLES.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(t) = tables.iter().find(|t| t.name == name) {
                    return Ok(Zone(Rules::Table(t)));
                }
            }
            if let Some(table) = source(name).and_then(|mut s| ZoneTable::sample(name, s.as_mut())) {
                return Ok(Zone::from_table(table));
            }
        }
        #[cfg(feature = "tzdb")]
        if let Ok(tz) = name.parse::<chrono_tz::Tz>() {
            return Ok(Zone(Rules::Tzdb(tz)));
        }
        Err(UnknownZone(name.to_string()))
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Zone, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// The offset in force at an instant of a [`Zone`]; shows as the zone's abbreviation.
#[derive(Clone, Copy)]
pub struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
    abbreviation: Abbreviation,
}

#[derive(Clone, Copy)]
enum Abbreviation {
    Utc,
    #[cfg(feature = "tzdb")]
    Tzdb(<chrono_tz::Tz as TimeZone>::Offset),
    Table(&'static ZoneTable, usize),
}

impl ZoneOffset {
    fn table(table: &'static ZoneTable, offset: i32, abbreviation: usize) -> ZoneOffset {
        ZoneOffset {
            zone: Zone(Rules::Table(table)),
            fixed: FixedOffset::east_opt(offset).unwrap_or(FixedOffset::east_opt(0).expect("zero offset")),
            abbreviation: Abbreviation::Table(table, abbreviation),
        }
    }

    fn utc() -> ZoneOffset {
        ZoneOffset { zone: Zone::UTC, fixed: FixedOffset::east_opt(0).expect("zero offset"), abbreviation: Abbreviation::Utc }
    }

    #[cfg(feature = "tzdb")]
    fn tzdb(tz: chrono_tz::Tz, offset: <chrono_tz::Tz as TimeZone>::Offset) -> ZoneOffset {
        ZoneOffset { zone: Zone(Rules::Tzdb(tz)), fixed: offset.fix(), abbreviation: Abbreviation::Tzdb(offset) }
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.abbreviation {
            Abbreviation::Utc => f.write_str("UTC"),
            #[cfg(feature = "tzdb")]
            Abbreviation::Tzdb(o) => fmt::Display::fmt(&o, f),
            Abbreviation::Table(t, i) => f.write_str(t.abbreviations.get(i).map(String::as_str).unwrap_or("")),
        }
    }
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self, self.fixed)
    }
}

#[cfg(feature = "tzdb")]
fn map_local(tz: chrono_tz::Tz, r: LocalResult<<chrono_tz::Tz as TimeZone>::Offset>) -> LocalResult<ZoneOffset> {
    match r {
        LocalResult::None => LocalResult::None,
        LocalResult::Single(o) => LocalResult::Single(ZoneOffset::tzdb(tz, o)),
        LocalResult::Ambiguous(a, b) => LocalResult::Ambiguous(ZoneOffset::tzdb(tz, a), ZoneOffset::tzdb(tz, b)),
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<ZoneOffset> {
        match self.0 {
            Rules::Utc => LocalResult::Single(ZoneOffset::utc()),
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => map_local(tz, tz.offset_from_local_datetime(local)),
            Rules::Table(t) => t.local(local.and_utc().timestamp()),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        match self.0 {
            Rules::Utc => ZoneOffset::utc(),
            #[cfg(feature = "tzdb")]
            Rules::Tzdb(tz) => ZoneOffset::tzdb(tz, tz.offset_from_utc_datetime(utc)),
            Rules::Table(t) => t.offset_at(utc.and_utc().timestamp()),
        }
    }
}

#[cfg(all(test, feature = "tzdb"))]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    /// chrono-tz as a [`ZoneSource`]: the oracle the sampled tables are checked against.
    struct Tzdb(chrono_tz::Tz, usize);

    impl ZoneSource for Tzdb {
        fn offset_at(&mut self, utc: i64) -> Option<i32> {
            self.1 += 1;
            let at = DateTime::<Utc>::from_timestamp(utc, 0)?;
            Some(self.0.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc())
        }
        fn abbreviation_at(&mut self, utc: i64) -> Option<String> {
            let at = DateTime::<Utc>::from_timestamp(utc, 0)?;
            Some(self.0.offset_from_utc_datetime(&at.naive_utc()).to_string())
        }
    }

    fn table_zone(name: &str) -> (Zone, usize) {
        let tz: chrono_tz::Tz = name.parse().unwrap();
        let mut source = Tzdb(tz, 0);
        let table = ZoneTable::sample(name, &mut source).unwrap();
        (Zone::from_table(table), source.1)
    }

    const ZONES: [&str; 10] = [
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Taipei",
        "Asia/Shanghai",
        "Africa/Casablanca",
        "America/Sao_Paulo",
        "Pacific/Apia",
        "Asia/Kolkata",
        "America/St_Johns",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn sampled_tables_agree_with_the_database(zone in 0usize..ZONES.len(), utc in TABLE_FROM..TABLE_TO, local in TABLE_FROM + 86_400..TABLE_TO - 86_400) {
            let name = ZONES[zone];
            let tz: chrono_tz::Tz = name.parse().unwrap();
            let (table, _) = table_zone(name);
            let at = DateTime::<Utc>::from_timestamp(utc, 0).unwrap().naive_utc();
            prop_assert_eq!(table.offset_from_utc_datetime(&at).fix(), tz.offset_from_utc_datetime(&at).fix());
            prop_assert_eq!(table.offset_from_utc_datetime(&at).to_string(), tz.offset_from_utc_datetime(&at).to_string());
            let naive = DateTime::<Utc>::from_timestamp(local, 0).unwrap().naive_utc();
            let fixed = |r: LocalResult<FixedOffset>| r;
            prop_assert_eq!(
                fixed(table.offset_from_local_datetime(&naive).map(|o| o.fix())),
                fixed(tz.offset_from_local_datetime(&naive).map(|o| o.fix()))
            );
        }
    }

    #[test]
    fn every_transition_and_the_wall_times_around_it_agree_with_the_database() {
        for name in ZONES {
            let tz: chrono_tz::Tz = name.parse().unwrap();
            let (table, calls) = table_zone(name);
            let Rules::Table(t) = table.0 else { panic!("a table") };
            // A few thousand questions per zone: cheap enough to build at start in a browser.
            assert!(calls < 12_000, "{name}: {calls} offset questions");
            for &(at, _, _) in &t.changes {
                for utc in [at - 1, at, at + 1] {
                    let u = DateTime::<Utc>::from_timestamp(utc, 0).unwrap().naive_utc();
                    assert_eq!(table.offset_from_utc_datetime(&u).fix(), tz.offset_from_utc_datetime(&u).fix(), "{name} at {utc}");
                }
                // Local times from two hours before to two hours after the change, each minute.
                let before = i64::from(tz.offset_from_utc_datetime(&DateTime::<Utc>::from_timestamp(at - 1, 0).unwrap().naive_utc()).fix().local_minus_utc());
                for m in -120..=120 {
                    let local = DateTime::<Utc>::from_timestamp(at + before + m * 60, 0).unwrap().naive_utc();
                    assert_eq!(
                        table.offset_from_local_datetime(&local).map(|o| o.fix()),
                        tz.offset_from_local_datetime(&local).map(|o| o.fix()),
                        "{name} local {local}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_parse_compare_and_serialize() {
        let berlin: Zone = "Europe/Berlin".parse().unwrap();
        assert_eq!(berlin.name(), "Europe/Berlin");
        assert_eq!("UTC".parse::<Zone>().unwrap(), Zone::UTC);
        assert!("Nowhere/City".parse::<Zone>().is_err());
        assert_eq!(serde_json::to_string(&berlin).unwrap(), "\"Europe/Berlin\"");
        assert_eq!(serde_json::from_str::<Zone>("\"Europe/Berlin\"").unwrap(), berlin);
        // A table-backed zone equals the database one of the same name.
        let (table, _) = table_zone("Europe/Berlin");
        assert_eq!(table, berlin);
        let summer = DateTime::parse_from_rfc3339("2026-07-01T12:00:00Z").unwrap().to_utc();
        assert_eq!(summer.with_timezone(&table).format("%H:%M %Z").to_string(), "14:00 CEST");
        assert_eq!(summer.with_timezone(&Zone::UTC).format("%H:%M %Z").to_string(), "12:00 UTC");
    }
}
