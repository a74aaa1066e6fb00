//! Time zones from the browser's own copy of the IANA database (`Intl.DateTimeFormat`),
//! registered with the core at start-up (see `sla_core::zone`). The web bundle builds `sla-core`
//! without its `tzdb` feature, which keeps chrono-tz's compiled zone table (about 120 KB
//! gzipped) out of the download. The core asks for a zone once; it samples the browser's offsets
//! over 1970–2100 and keeps the transitions (the same algorithm is tested natively against
//! chrono-tz, `sla_core::zone` tests).

use js_sys::{Array, Date, Function, Object, Reflect};
use sla_core::zone::ZoneSource;
use wasm_bindgen::{JsCast, JsValue};

/// Registers the browser as the core's source of zone offsets; call once before anything
/// reads a zone.
pub fn install() {
    sla_core::zone::set_zone_source(source);
}

/// Every zone name to suggest in the time zone fields: the browser's list in the web build,
/// the compiled database's natively.
pub fn names() -> Vec<String> {
    thread_local! {
        static NAMES: Vec<String> = load_names();
    }
    NAMES.with(Clone::clone)
}

#[cfg(target_arch = "wasm32")]
fn load_names() -> Vec<String> {
    let listed = intl()
        .and_then(|intl| {
            let f: Function = Reflect::get(&intl, &"supportedValuesOf".into()).ok()?.dyn_into().ok()?;
            f.call1(&intl, &"timeZone".into()).ok()?.dyn_into::<Array>().ok()
        })
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut names = vec!["UTC".to_string()];
    names.extend(listed.into_iter().filter(|n| n != "UTC"));
    names
}

#[cfg(not(target_arch = "wasm32"))]
fn load_names() -> Vec<String> {
    sla_core::zone::Zone::known_names().into_iter().map(str::to_string).collect()
}

fn intl() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"Intl".into()).ok().filter(|v| v.is_object())
}

/// An `Intl.DateTimeFormat` for `zone` in American English showing the zone name in `style`, and its
/// bound `format` function. `None` when the browser does not know the zone.
fn formatter(zone: &str, style: &str) -> Option<(JsValue, Function)> {
    formatter_in("en-US", zone, style)
}

/// As [`formatter`], in `locale`.
fn formatter_in(locale: &str, zone: &str, style: &str) -> Option<(JsValue, Function)> {
    let ctor: Function = Reflect::get(&intl()?, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let options = Object::new();
    Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    Reflect::set(&options, &"timeZoneName".into(), &style.into()).ok()?;
    // Throws a RangeError for an unknown zone: caught here.
    let dtf = Reflect::construct(&ctor, &Array::of2(&locale.into(), &options)).ok()?;
    let format: Function = Reflect::get(&dtf, &"format".into()).ok()?.dyn_into().ok()?;
    Some((dtf, format))
}

/// The zone's canonical name as the browser resolves it.
fn resolved_name(dtf: &JsValue) -> Option<String> {
    let f: Function = Reflect::get(dtf, &"resolvedOptions".into()).ok()?.dyn_into().ok()?;
    let options = f.call0(dtf).ok()?;
    Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
}

struct Browser {
    offset: Function,
    /// Short zone names in British and American English: between them the usual
    /// abbreviations ("CET", "BST", "EST"); where neither has one, "GMT+8".
    short_gb: Function,
    short_us: Function,
}

impl Browser {
    fn text(f: &Function, utc: i64) -> Option<String> {
        let date = Date::new(&JsValue::from_f64(utc as f64 * 1000.0));
        f.call1(&JsValue::UNDEFINED, &date).ok()?.as_string()
    }
}

impl ZoneSource for Browser {
    fn offset_at(&mut self, utc: i64) -> Option<i32> {
        // "1/1/2026, GMT+01:00" ("GMT" alone for a zero offset).
        parse_gmt_offset(&Browser::text(&self.offset, utc)?)
    }
    fn abbreviation_at(&mut self, utc: i64) -> Option<String> {
        // "01/01/2026, CET" or "1/1/2026, EST": the part after the date.
        let name = |f: &Function| {
            let text = Browser::text(f, utc)?;
            text.rsplit(", ").next().map(str::to_string).filter(|s| !s.is_empty())
        };
        let (gb, us) = (name(&self.short_gb), name(&self.short_us));
        let letters = |s: &Option<String>| s.as_deref().is_some_and(|s| s.chars().all(|c| c.is_ascii_alphabetic()));
        if letters(&gb) {
            gb
        } else if letters(&us) {
            us
        } else {
            us.or(gb)
        }
    }
}

/// The core's [`sla_core::zone::ZoneSourceFn`].
fn source(zone: &str) -> Option<Box<dyn ZoneSource>> {
    let (dtf, offset) = formatter(zone, "longOffset")?;
    // The browser accepts names in any case; the database (and the command line) does not,
    // so "europe/berlin" is refused here too. Aliases ("US/Eastern") are accepted by both.
    let resolved = resolved_name(&dtf)?;
    if resolved != zone && resolved.eq_ignore_ascii_case(zone) {
        return None;
    }
    let (_, short_gb) = formatter_in("en-GB", zone, "short")?;
    let (_, short_us) = formatter(zone, "short")?;
    Some(Box::new(Browser { offset, short_gb, short_us }))
}

/// Seconds east of UTC from the end of a formatted date: `GMT`, `GMT+01:00`, `GMT-03:30`,
/// `GMT+05:45:30` (the minus may be U+2212).
pub fn parse_gmt_offset(text: &str) -> Option<i32> {
    let rest = &text[text.rfind("GMT")? + 3..];
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('\u{2212}')) {
        (-1, d)
    } else {
        return None;
    };
    let mut parts = digits.split(':').map(|p| p.parse::<i32>().ok());
    let h = parts.next()??;
    let m = parts.next().unwrap_or(Some(0))?;
    let s = parts.next().unwrap_or(Some(0))?;
    if parts.next().is_some() || !(0..=23).contains(&h) || !(0..60).contains(&m) || !(0..60).contains(&s) {
        return None;
    }
    Some(sign * (h * 3600 + m * 60 + s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_from_the_formatted_text() {
        assert_eq!(parse_gmt_offset("1/1/2026, GMT"), Some(0));
        assert_eq!(parse_gmt_offset("7/1/2026, GMT+02:00"), Some(7200));
        assert_eq!(parse_gmt_offset("1/1/2026, GMT-03:30"), Some(-12_600));
        assert_eq!(parse_gmt_offset("1/1/2026, GMT\u{2212}05:00"), Some(-18_000));
        assert_eq!(parse_gmt_offset("1/1/1900, GMT+05:53:28"), Some(21_208));
        assert_eq!(parse_gmt_offset("1/1/2026, GMT+5"), Some(18_000));
        assert_eq!(parse_gmt_offset("1/1/2026, CET"), None);
        assert_eq!(parse_gmt_offset("GMT+25:00"), None);
    }

    #[test]
    fn the_host_lists_the_compiled_database() {
        let names = names();
        assert!(names.iter().any(|n| n == "Europe/Berlin") && names.iter().any(|n| n == "Asia/Taipei"));
    }
}
