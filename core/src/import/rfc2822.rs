//! RFC 2822 dates as mail and some exports write them: `Wed, 25 Feb 2026 22:17:00 +0000`.
//!
//! The same grammar and answers as chrono's `DateTime::parse_from_rfc2822` (with its leniencies:
//! any white space between the parts, two- and three-digit years, the North American zone names,
//! military zone letters read as `-0000`, trailing comments), written out here because chrono's
//! version goes through its general pattern interpreter, about 3 KB of the gzipped web bundle.
//! The tests compare the two on generated strings. Only the form starting with a day name is
//! read here; a date starting with a digit is left to the other readers.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// Reads `Day, D Mon YYYY HH:MM[:SS] ZONE [(comment)]...` (the day name required). A leap
/// second `:60` is returned as it is given (the caller decides what it means): as second 59
/// with `leap` set.
pub(super) fn parse(s: &str) -> Option<(DateTime<Utc>, bool)> {
    let mut c = Scan(s.trim_start());
    let weekday = c.weekday()?;
    c.byte(b',')?;
    c.blank();
    let day = c.number(1, 2)?;
    c.space()?;
    let month = c.month()?;
    c.space()?;
    let (year, digits) = c.year()?;
    let year = match (digits, year) {
        (2, 0..=49) => year + 2000,
        (2, 50..=99) | (3, _) => year + 1900,
        _ => year,
    };
    c.space()?;
    let hour = c.number(2, 2)?;
    c.blank();
    c.byte(b':')?;
    c.blank();
    let minute = c.number(2, 2)?;
    let second = {
        let mut ahead = Scan(c.0.trim_start());
        if ahead.byte(b':').is_some() {
            let s = ahead.number(2, 2)?;
            c = ahead;
            s
        } else {
            0
        }
    };
    c.space()?;
    let offset = c.zone()?;
    while let Some(rest) = comment(c.0) {
        c.0 = rest;
    }
    if !c.0.is_empty() || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day as u32)?;
    if date.weekday() != weekday {
        return None;
    }
    let leap = second == 60;
    let local = date.and_time(NaiveTime::from_hms_opt(hour as u32, minute as u32, second.min(59) as u32)?);
    let at = FixedOffset::east_opt(offset)?.from_local_datetime(&local).single()?;
    Some((at.with_timezone(&Utc), leap))
}

struct Scan<'a>(&'a str);

impl<'a> Scan<'a> {
    fn byte(&mut self, b: u8) -> Option<()> {
        self.0 = self.0.strip_prefix(b as char)?;
        Some(())
    }

    /// Any white space, none included.
    fn blank(&mut self) {
        self.0 = self.0.trim_start();
    }

    /// At least one white space character.
    fn space(&mut self) -> Option<()> {
        let rest = self.0.trim_start();
        (rest.len() < self.0.len()).then(|| self.0 = rest)
    }

    /// `min..=max` ASCII digits (as many as there are, up to `max`).
    fn number(&mut self, min: usize, max: usize) -> Option<i64> {
        let len = self.0.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if len < min {
            return None;
        }
        let n = self.0[..len].bytes().try_fold(0i64, |n, d| n.checked_mul(10)?.checked_add(i64::from(d - b'0')))?;
        self.0 = &self.0[len..];
        Some(n)
    }

    /// Two or more digits, and how many there were.
    fn year(&mut self) -> Option<(i64, usize)> {
        let before = self.0.len();
        let year = self.number(2, usize::MAX)?;
        Some((year, before - self.0.len()))
    }

    /// Three letters, any case.
    fn three(&mut self) -> Option<[u8; 3]> {
        let b = self.0.as_bytes();
        if b.len() < 3 {
            return None;
        }
        let three = [b[0] | 32, b[1] | 32, b[2] | 32];
        self.0 = self.0.get(3..)?;
        Some(three)
    }

    fn weekday(&mut self) -> Option<chrono::Weekday> {
        const DAYS: [&[u8; 3]; 7] = [b"mon", b"tue", b"wed", b"thu", b"fri", b"sat", b"sun"];
        let three = self.three()?;
        let i = DAYS.iter().position(|d| **d == three)?;
        chrono::Weekday::try_from(i as u8).ok()
    }

    fn month(&mut self) -> Option<u32> {
        const MONTHS: [&[u8; 3]; 12] =
            [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
        let three = self.three()?;
        MONTHS.iter().position(|m| **m == three).map(|i| i as u32 + 1)
    }

    /// `+hhmm`/`-hhmm` (hours 00–99, minutes 00–59), or a zone name: seconds east of UTC.
    fn zone(&mut self) -> Option<i32> {
        let letters = self.0.bytes().take_while(u8::is_ascii_alphabetic).count();
        if letters > 0 {
            let name = self.0[..letters].to_ascii_lowercase();
            self.0 = &self.0[letters..];
            let hours = match name.as_str() {
                "gmt" | "ut" | "z" => 0,
                "edt" => -4,
                "est" | "cdt" => -5,
                "cst" | "mdt" => -6,
                "mst" | "pdt" => -7,
                "pst" => -8,
                // Military letters (not J): "-0000", an unknown local offset.
                l if l.len() == 1 && l != "j" => 0,
                _ => return None,
            };
            return Some(hours * 3600);
        }
        let negative = match self.0.as_bytes().first()? {
            b'+' => false,
            b'-' => true,
            _ => return None,
        };
        self.0 = &self.0[1..];
        let d = self.0.as_bytes();
        if d.len() < 4 || !d[..4].iter().all(u8::is_ascii_digit) || d[2] > b'5' {
            return None;
        }
        let n = |i: usize| i32::from(d[i] - b'0');
        let seconds = (n(0) * 10 + n(1)) * 3600 + (n(2) * 10 + n(3)) * 60;
        self.0 = &self.0[4..];
        Some(if negative { -seconds } else { seconds })
    }
}

/// Skips one `(comment)` after optional white space (nested, `\` escaping): the rest.
fn comment(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let b = s.as_bytes();
    if b.first() != Some(&b'(') {
        return None;
    }
    let (mut depth, mut escaped) = (0usize, false);
    for (i, &c) in b.iter().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            b'\\' if depth > 0 => escaped = true,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&s[i + 1..]);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;
    use proptest::prelude::*;

    /// chrono's answer in the same shape: the UTC instant (a leap second as second 59) and
    /// whether it was a leap second. Without a day name (not starting with a letter) chrono
    /// may still read the text, but the importer reads those forms elsewhere: `None`.
    fn chrono(s: &str) -> Option<(DateTime<Utc>, bool)> {
        if !s.trim_start().starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let at = DateTime::parse_from_rfc2822(s).ok()?.with_timezone(&Utc);
        let leap = at.nanosecond() >= 1_000_000_000;
        Some((if leap { at.with_nanosecond(at.nanosecond() - 1_000_000_000)? } else { at }, leap))
    }

    fn piece(options: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
        proptest::sample::select(options).prop_map(str::to_string)
    }

    /// Well-formed dates (the right day name for a random day) written in the variants the
    /// grammar allows, then half of them damaged in one place.
    fn rfc2822_like() -> impl Strategy<Value = String> {
        let gap = piece(&[" ", " ", " ", "  ", "\t", "\u{a0}", " \r\n "]);
        let day = (-700_000i64..3_000_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d as i32).unwrap());
        (
            (day, 0u32..24, 0u32..60, 0u32..61, any::<bool>(), 0usize..4),
            (gap.clone(), gap.clone(), gap.clone(), gap.clone(), piece(&[":", " :", ": ", " : "])),
            (piece(&["+0000", "+0100", "-0530", "+2359", "GMT", "gmt", "UT", "Z", "EST", "EDT", "CST", "CDT", "MST",
                     "MDT", "PST", "PDT", "A", "m", "y", "Y"]),
             piece(&["", "", "", " (comment)", " (a (nested) one)", " (esc\\) aped)", "(x)(y)"])),
            (any::<bool>(), any::<u8>(), 0usize..12),
        )
            .prop_map(|((date, h, m, sec, with_seconds, year_form), (g1, g2, g3, g4, colon), (zone, tail), (damage, pick, at))| {
                const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
                let wd = DAYS[date.weekday().num_days_from_monday() as usize];
                let wd = if pick % 3 == 0 { wd.to_uppercase() } else { wd.to_string() };
                let y = date.year();
                let year = match year_form {
                    0 if (2000..2050).contains(&y) || (1950..2000).contains(&y) => format!("{:02}", y % 100),
                    1 if (1900..2900).contains(&y) => format!("{:03}", y - 1900),
                    _ => format!("{y:04}"),
                };
                let seconds = if with_seconds { format!(":{sec:02}") } else { String::new() };
                let mut parts = vec![
                    format!("{wd},"), g1, date.day().to_string(), g2, MONTHS[date.month0() as usize].to_string(), g3, year,
                    g4.clone(), format!("{h:02}{colon}{m:02}{seconds}"), g4, zone, tail,
                ];
                if damage {
                    let i = at % parts.len();
                    parts[i] = match pick % 6 {
                        0 => String::new(),
                        1 => "Thu,".to_string(),
                        2 => "x".to_string(),
                        3 => format!("{}9", parts[i]),
                        4 => parts[i].to_lowercase(),
                        _ => "+2400".to_string(),
                    };
                }
                parts.concat()
            })
    }

    /// Random strings of the characters the grammar uses.
    fn noise() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select("WedFb, 0123456789:+-()\\GMTZj\t".chars().collect::<Vec<_>>()), 0..40)
            .prop_map(|c| format!("Wed, {}", c.into_iter().collect::<String>()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn reads_what_chrono_reads(s in rfc2822_like()) {
            prop_assert_eq!(parse(&s), chrono(&s), "{:?}", s);
        }

        #[test]
        fn refuses_what_chrono_refuses(s in noise()) {
            prop_assert_eq!(parse(&s), chrono(&s), "{:?}", s);
        }
    }

    #[test]
    fn the_usual_forms() {
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(parse("Wed, 25 Feb 2026 22:17:00 +0000"), Some((utc("2026-02-25T22:17:00Z"), false)));
        assert_eq!(parse("Wed, 25 Feb 26 22:17 PST (Pacific)"), Some((utc("2026-02-26T06:17:00Z"), false)));
        assert_eq!(parse("Wed, 31 Dec 2008 23:59:60 +0100"), Some((utc("2008-12-31T22:59:59Z"), true)));
        assert_eq!(parse("Thu, 25 Feb 2026 22:17:00 +0000"), None, "the wrong day name");
        assert_eq!(parse("25 Feb 2026 22:17:00 +0000"), None, "no day name");
    }
}
