//! Reading decimal numbers: `str::parse::<f64>`'s answers through serde_json's reader.
//!
//! The app must read JSON floats exactly (an exported agreement re-imports unchanged), so it
//! carries serde_json's correctly rounded float reader; `str::parse::<f64>` would bring a
//! second one with its own 10 KB table of powers of five (about 12 KB of the gzipped web
//! bundle). [`parse_f64`] accepts what `str::parse::<f64>` accepts (`+1.5`, `.5`, `5.`, `007`,
//! `1e400`, `inf`, `NaN`) and returns the same value, rewriting the text into JSON's stricter
//! form first. The tests compare the two on generated and hand-picked hard cases.

/// The value `text.parse::<f64>()` gives, `None` where it fails.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = |v: f64| if negative { -v } else { v };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(sign(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    let mut json = String::with_capacity(text.len() + 2);
    let int = int.trim_start_matches('0');
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(e) = exponent {
        let e_digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e_digits.is_empty() || !digits(e_digits) {
            return None;
        }
        json.push('e');
        json.push_str(e);
    }
    match serde_json::from_str::<f64>(&json) {
        Ok(v) => Some(sign(v)),
        // A well-formed number serde_json refuses is out of range: infinite, or zero when its
        // digits are all zeros (`0e999`).
        Err(_) => {
            let zero = int.is_empty() && frac.bytes().all(|b| b == b'0');
            Some(sign(if zero { 0.0 } else { f64::INFINITY }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) -> Result<(), TestCaseError> {
        let ours = parse_f64(text);
        let std = text.parse::<f64>().ok();
        prop_assert!(
            match (ours, std) {
                (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (None, None) => true,
                _ => false,
            },
            "{:?}: ours {:?}, std {:?}",
            text,
            ours,
            std
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Every double written shortest, with 17 digits, or with 25: the same value back.
        #[test]
        fn reads_every_double(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            if v.is_finite() {
                same(&format!("{v}"))?;
                same(&format!("{v:e}"))?;
                same(&format!("{v:.17e}"))?;
                same(&format!("{v:.25e}"))?;
            }
        }

        /// Text of the characters numbers are made of, in any arrangement.
        #[test]
        fn same_answer_as_std(text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{0,5})?") {
            same(&text)?;
        }

        #[test]
        fn same_answer_on_noise(text in "[-+.eE0-9a-z ]{0,12}") {
            same(&text)?;
        }
    }

    #[test]
    fn hard_cases() {
        for text in [
            "0", "-0", "+0", "00", "0.", ".0", ".", "", "-", "+", "e5", "1e", "1e+", "1e-", "1.5e3", "1.5E-3",
            "007.50", "99.95555555555556", "0.1", "0.3", "1e308", "1.7976931348623157e308", "1.7976931348623159e308",
            "1e309", "-1e400", "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "0e99999999999", "1e99999999999", "1e-99999999999", "9007199254740993", "inf", "-Infinity", "INF",
            "nan", "NaN", "-nan", "infinit", "1_000", " 1", "1 ", "0x10", "1e0000000000000000000001",
            "2.2250738585072011e-308", "2.2250738585072012e-308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        ] {
            same(text).unwrap();
        }
    }
}
