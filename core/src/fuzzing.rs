//! The fuzz targets' checks, shared by the `cargo fuzz` targets in `core/fuzz` and the corpus
//! replays in `core/tests/fuzz_corpora.rs`, so a crash found once stays fixed without a nightly
//! compiler. Each check feeds one parser a user can reach with arbitrary bytes and panics only
//! when an invariant breaks (the import's check is [`crate::import::fuzz_check`]).
//!
//! Not part of the public API.

use crate::engine::{build_report, ReportRequest};
use crate::import::{parse_timestamp, DateOrder, LocalResolver, Stamp};
use crate::model::{
    format_seconds, parse_duration_seconds, read_agreement_file, read_agreement_json, Agreement, Impact, Incident,
    Span, MAX_SPAN_SECONDS,
};
use crate::share;
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

/// Timestamps: every date order, then every zone for local times. A reading without a chosen
/// order must agree with both chosen orders; an instant or local time in years 1–9999 written
/// back in ISO form reads back the same.
pub fn timestamp_check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let free = parse_timestamp(&text, None);
    let day_first = parse_timestamp(&text, Some(DateOrder::DayFirst));
    let month_first = parse_timestamp(&text, Some(DateOrder::MonthFirst));
    if let Ok(stamp) = &free {
        assert_eq!(
            Ok(*stamp),
            day_first,
            "{text:?} read without an order but differently day-first"
        );
        assert_eq!(
            Ok(*stamp),
            month_first,
            "{text:?} read without an order but differently month-first"
        );
    }
    for stamp in [free, day_first, month_first].into_iter().flatten() {
        match stamp {
            Stamp::Instant(at) => {
                if (1..=9999).contains(&at.year()) {
                    let iso = at.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string();
                    assert_eq!(parse_timestamp(&iso, None), Ok(stamp), "{text:?} → {iso}");
                }
            }
            Stamp::Local(local) => {
                if (1..=9999).contains(&local.year()) {
                    let iso = local.format("%Y-%m-%d %H:%M:%S%.9f").to_string();
                    assert_eq!(parse_timestamp(&iso, None), Ok(stamp), "{text:?} → {iso}");
                }
                for tz in [
                    crate::zone::Zone::UTC,
                    "Europe/Berlin".parse::<crate::zone::Zone>().expect("a zone"),
                    "Australia/Lord_Howe".parse::<crate::zone::Zone>().expect("a zone"),
                ] {
                    let _ = LocalResolver::new(tz).to_utc(local);
                }
            }
        }
    }
}

/// Durations: a reading is 0 to 1000 years, and its compact form reads back the same; the
/// agreement's JSON form of a span (a number or a text) never gives a span the text form
/// would refuse.
pub fn duration_check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(seconds) = parse_duration_seconds(&text) {
        assert!((0..=MAX_SPAN_SECONDS).contains(&seconds), "{text:?} → {seconds}");
        let compact = format_seconds(seconds);
        assert_eq!(parse_duration_seconds(&compact), Ok(seconds), "{text:?} → {compact}");
        let _ = Span::from_seconds(seconds).as_delta();
    }
    for json in [text.to_string(), format!("\"{}\"", text.escape_default())] {
        if let Ok(span) = serde_json::from_str::<Span>(&json) {
            assert!((0..=MAX_SPAN_SECONDS).contains(&span.seconds()), "{json} → {span:?}");
            let _ = span.as_delta();
        }
    }
}

/// The agreement file: a file that reads re-serialises (pretty, as the app exports it) and
/// reads back equal, makes a share link that decodes to the same agreement, validates without
/// panicking and, when valid, gives a report over one month with finite numbers.
pub fn agreement_check(data: &[u8]) {
    let Ok(agreement) = read_agreement_file(data) else {
        return;
    };
    let json = serde_json::to_string_pretty(&agreement).unwrap_or_default();
    assert_eq!(
        read_agreement_json(&json).as_ref(),
        Ok(&agreement),
        "export and re-import differ: {json}"
    );
    share_round_trip(&agreement);
    if agreement.validate().is_empty() {
        report_is_finite(&agreement);
    }
}

/// The share-link decoder: a payload that decodes re-encodes to a link that decodes to the
/// same agreement; anything else gives an error, never a panic.
pub fn share_check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = share::payload_in_fragment(&text);
    if let Ok(agreement) = share::decode(&text) {
        share_round_trip(&agreement);
    }
    // The same bytes as the compressed body of a version-1 link, to get past the base64 layer.
    let payload = format!("{}.{}", share::SHARE_VERSION, share::base64url_encode(data));
    if let Ok(agreement) = share::decode(&payload) {
        share_round_trip(&agreement);
    }
    if let Some(bytes) = share::base64url_decode(&text) {
        let again = share::base64url_encode(&bytes);
        assert_eq!(
            share::base64url_decode(&again),
            Some(bytes),
            "base64url round trip of {text:?}"
        );
    }
}

fn share_round_trip(agreement: &Agreement) {
    let link = share::encode(agreement);
    if link.len() <= share::MAX_PAYLOAD_LEN {
        assert_eq!(
            share::decode(&link).as_ref(),
            Ok(agreement),
            "share link round trip: {link}"
        );
    }
}

fn report_is_finite(agreement: &Agreement) {
    let at = |d: u32| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
    };
    let (Some(from), Some(mid), Some(late)) = (at(1), at(10), at(31)) else {
        return;
    };
    let to: DateTime<Utc> = late + TimeDelta::days(1);
    let mut outage = Incident::new("F-1", mid);
    outage.restored = Some(mid + TimeDelta::hours(2));
    outage.resolved = Some(mid + TimeDelta::hours(3));
    outage.acknowledged = Some(mid + TimeDelta::minutes(5));
    outage.priority = agreement.priorities.first().map(|p| p.name.clone());
    let mut partial = Incident::new("F-2", mid + TimeDelta::days(3));
    partial.impact = Impact::PartialOutage;
    let request = ReportRequest {
        as_of: to,
        from: Some(from),
        to: Some(to),
    };
    if let Ok(report) = build_report(agreement, &[outage, partial], &request) {
        if let Some(field) = non_finite_field(&format!("{report:?}")) {
            panic!("the report has a non-finite number (JSON would write null): {field}");
        }
    }
}

/// The first non-finite number in a value's `Debug` text (`NaN`, `inf`, `-inf` as a whole
/// word outside quoted strings), which JSON would silently write as `null`; with the text
/// around it.
pub fn non_finite_field(debug: &str) -> Option<String> {
    // Blank out string and char literals (`Debug` quotes them and escapes quotes inside).
    let mut plain = String::with_capacity(debug.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in debug.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                plain.push(' ');
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                plain.push(c);
            }
        }
    }
    let word = |c: char| c.is_alphanumeric() || c == '_';
    for bad in ["NaN", "inf"] {
        for (at, _) in plain.match_indices(bad) {
            let before = plain[..at].chars().next_back();
            let after = plain[at + bad.len()..].chars().next();
            if !before.is_some_and(word) && !after.is_some_and(word) {
                let from = plain[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
                return Some(plain[from..at + bad.len()].trim().to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::non_finite_field;

    #[test]
    fn finds_non_finite_numbers_but_not_words_or_strings() {
        assert_eq!(
            non_finite_field("A { x: 1.0, y: NaN }").as_deref(),
            Some("A { x: 1.0, y: NaN")
        );
        assert!(non_finite_field("A { v: Some(-inf) }").is_some());
        assert!(non_finite_field("A { info: 1, s: \"[[inf, NaN \\\" inf\" }").is_none());
    }
}
