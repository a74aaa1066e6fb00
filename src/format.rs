//! How numbers, durations, money and instants are written on screen. Pure functions, tested
//! natively.

use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use sla_core::model::format_seconds;

/// A percentage with up to `decimals` decimals, trailing zeros kept so columns line up:
/// `percent(99.94, 3)` → `"99.940 %"`.
pub fn percent(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    format!("{value:.decimals$} %")
}

/// A duration of whole seconds, compact: `2h 5m`, `0s`; negative with a minus sign.
pub fn duration(seconds: i64) -> String {
    format_seconds(seconds)
}

/// A duration of whole seconds written for `lang`: `2h 5m` in English, `2 小時 5 分` in
/// traditional and `2 小时 5 分` in simplified Chinese.
pub fn duration_in(lang: Lang, seconds: i64) -> String {
    let units = match lang {
        Lang::En => return format_seconds(seconds),
        Lang::ZhHant => ["天", "小時", "分", "秒"],
        Lang::ZhHans => ["天", "小时", "分", "秒"],
    };
    if seconds == 0 {
        return format!("0 {}", units[3]);
    }
    let mut rest = seconds.unsigned_abs();
    let mut parts = Vec::new();
    for (size, unit) in [86_400u64, 3600, 60, 1].into_iter().zip(units) {
        let n = rest / size;
        rest %= size;
        if n > 0 {
            parts.push(format!("{n} {unit}"));
        }
    }
    let sign = if seconds < 0 { "-" } else { "" };
    format!("{sign}{}", parts.join(" "))
}

/// Groups the integer digits of `value` in threes with `,`: `12000.5` with 2 decimals →
/// `12,000.50`.
pub fn grouped(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{:.decimals$}", value.abs());
    let (int, frac) = text.split_once('.').map(|(i, f)| (i.to_string(), Some(f.to_string()))).unwrap_or((text.clone(), None));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if value < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// An amount of money with its currency: `12,000.00 EUR`.
pub fn money(amount: f64, currency: &str) -> String {
    format!("{} {}", grouped(amount, 2), currency).trim_end().to_string()
}

/// An instant in the agreement's time zone, minute precision: `2026-03-29 14:05 CEST`.
/// Falls back to UTC when the zone is unknown.
pub fn instant(at: DateTime<Utc>, zone: &str) -> String {
    match zone.parse::<sla_core::zone::Zone>() {
        Ok(tz) => {
            let local = at.with_timezone(&tz);
            format!("{} {}", sla_core::date_text::minutes(&local.naive_local(), ' '), local.offset())
        }
        Err(_) => sla_core::date_text::minutes(&at.naive_utc(), ' ') + " UTC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(grouped(12000.0, 2), "12,000.00");
        assert_eq!(grouped(1234567.891, 1), "1,234,567.9");
        assert_eq!(grouped(-999.0, 0), "-999");
        assert_eq!(grouped(-0.001, 2), "0.00");
        assert_eq!(money(1200.0, "EUR"), "1,200.00 EUR");
        assert_eq!(percent(99.94, 3), "99.940 %");
        assert_eq!(percent(f64::NAN, 3), "—");
    }

    #[test]
    fn durations_read_naturally_in_each_language() {
        assert_eq!(duration_in(Lang::En, 3900), "1h 5m");
        assert_eq!(duration_in(Lang::ZhHant, 90_061), "1 天 1 小時 1 分 1 秒");
        assert_eq!(duration_in(Lang::ZhHans, -3600), "-1 小时");
        assert_eq!(duration_in(Lang::ZhHans, 0), "0 秒");
    }

    #[test]
    fn instants_use_the_agreement_zone() {
        let t = Utc.with_ymd_and_hms(2026, 3, 29, 12, 5, 0).unwrap();
        assert_eq!(instant(t, "Europe/Berlin"), "2026-03-29 14:05 CEST");
        assert_eq!(instant(t, "Nowhere/Else"), "2026-03-29 12:05 UTC");
    }
}
