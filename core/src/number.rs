//! Reading decimal numbers: `str::parse::<f64>`'s answers from a small reader of our own.
//!
//! The app must read floats exactly (an exported agreement re-imports unchanged), but
//! `str::parse::<f64>` brings a 10 KB table of powers of five into the web bundle, and
//! serde_json's float reader (used here before) brings its number lexer, big-integer code,
//! tables and error formatting (13 KB of the gzipped bundle when this reader replaced it).
//! [`parse_f64`] accepts what `str::parse::<f64>` accepts (`+1.5`, `.5`, `5.`, `007`, `1e400`,
//! `inf`, `NaN`) and returns the same value, correctly rounded (half to even), with no table:
//! short numbers take Clinger's fast path (an integer below 2^53 times or divided by an exact
//! power of ten up to 10^22, one correctly rounded operation); the rest are divided out exactly
//! with a few lines of big-integer arithmetic, slow (microseconds) but rare. The tests compare
//! the reader with `str::parse` on generated doubles, exact halfway points between doubles and
//! hand-picked hard cases.

/// Significant digits kept; further nonzero digits only count as "a little more". The exact
/// halfway point between two doubles has at most 767 significant digits, so a value cut after
/// 800 lies on the same side of every halfway point as the full value.
const MAX_DIGITS: usize = 800;

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
    // The written exponent, saturated: beyond a billion the value is certainly 0 or infinite.
    let mut exp: i64 = 0;
    if let Some(e) = exponent {
        let e_digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e_digits.is_empty() || !digits(e_digits) {
            return None;
        }
        for b in e_digits.bytes() {
            exp = (exp * 10 + i64::from(b - b'0')).min(1_000_000_000);
        }
        if e.starts_with('-') {
            exp = -exp;
        }
    }
    // The significant digits d1 d2 ... dn (no leading or trailing zeros); the value is
    // 0.d1d2...dn × 10^point.
    let mut sig: Vec<u8> = Vec::new();
    let mut point: i64 = 0;
    let mut more = false;
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        let d = b - b'0';
        if sig.is_empty() {
            if d == 0 {
                continue;
            }
            point = int.len() as i64 - i as i64;
        }
        if sig.len() < MAX_DIGITS {
            sig.push(d);
        } else {
            more |= d != 0;
        }
    }
    while sig.last() == Some(&0) {
        sig.pop();
    }
    if more {
        sig.push(1);
    }
    if sig.is_empty() {
        return Some(sign(0.0));
    }
    let point = point + exp;
    // At least 10^310, or below 10^-324 (under half the least subnormal, 4.9e-324).
    if point > 310 {
        return Some(sign(f64::INFINITY));
    }
    if point < -324 {
        return Some(sign(0.0));
    }
    // The value is the integer sig × 10^e.
    let e = point - sig.len() as i64;
    if sig.len() <= 19 && (-22..=22).contains(&e) {
        let w = sig.iter().fold(0u64, |w, &d| w * 10 + u64::from(d));
        if w < 1 << 53 {
            // Both operands exact: one correctly rounded operation (Clinger).
            const POW10: [f64; 23] = [
                1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
                1e19, 1e20, 1e21, 1e22,
            ];
            let p = POW10[e.unsigned_abs() as usize];
            return Some(sign(if e < 0 { w as f64 / p } else { w as f64 * p }));
        }
    }
    Some(sign(exact(&sig, e)))
}

/// sig × 10^e correctly rounded, by exact division: num / den with num = sig × 10^max(e, 0)
/// and den = 10^max(-e, 0), both big integers.
fn exact(sig: &[u8], e: i64) -> f64 {
    // Nine digits at a time: 10^9 < 2^32.
    let mut num = vec![];
    for chunk in sig.chunks(9) {
        let value = chunk.iter().fold(0, |v, &d| v * 10 + u32::from(d));
        mul_add(&mut num, 10u32.pow(chunk.len() as u32), value);
    }
    let mut den = vec![1];
    let pow = if e < 0 { &mut den } else { &mut num };
    let mut left = e.unsigned_abs() as u32;
    while left > 0 {
        let step = left.min(9);
        mul_add(pow, 10u32.pow(step), 0);
        left -= step;
    }
    // Scale so that q = floor(num × 2^k / den) lies in [2^54, 2^56): 53 bits and two more to
    // round with, the remainder's being nonzero being the rest.
    let k = 55 + bit_len(&den) as i64 - bit_len(&num) as i64;
    if k >= 0 {
        num = shl(&num, k as usize);
    } else {
        den = shl(&den, (-k) as usize);
    }
    // Long division, one bit at a time: num < 2 × den × 2^55 throughout.
    let den = shl(&den, 55);
    let mut q = 0u64;
    for _ in 0..56 {
        q <<= 1;
        if !less(&num, &den) {
            sub(&mut num, &den);
            q |= 1;
        }
        mul_add(&mut num, 2, 0);
    }
    let sticky = !num.is_empty();
    // The value is (q + a fraction, nonzero when sticky) × 2^-k. Its last mantissa bit weighs
    // 2^lsb: 53 significant bits, or fewer below 2^-1022 (subnormals).
    let top = 63 - i64::from(q.leading_zeros()) - k;
    let lsb = (top - 52).max(-1074);
    let drop = lsb + k;
    if drop > 60 {
        return 0.0;
    }
    let mut m = q >> drop;
    let rest = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    let mut lsb = lsb;
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
        if m == 1 << 53 {
            m >>= 1;
            lsb += 1;
        }
    }
    if lsb > 1023 - 52 {
        return f64::INFINITY;
    }
    // m < 2^52 only for subnormals (lsb = -1074), where the exponent field is 0.
    f64::from_bits((((lsb + 1074) as u64) << 52) + m)
}

// Big integers: little-endian u32 limbs, no high zero limbs (zero is empty).

/// x = x × m + a.
fn mul_add(x: &mut Vec<u32>, m: u32, a: u32) {
    let mut carry = u64::from(a);
    for limb in x.iter_mut() {
        let v = u64::from(*limb) * u64::from(m) + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        x.push(carry as u32);
    }
}

fn bit_len(x: &[u32]) -> usize {
    x.last().map_or(0, |top| x.len() * 32 - top.leading_zeros() as usize)
}

/// x × 2^n.
fn shl(x: &[u32], n: usize) -> Vec<u32> {
    let (limbs, bits) = (n / 32, n % 32);
    let mut out = vec![0; limbs];
    let mut carry = 0;
    for &limb in x {
        out.push(limb << bits | carry);
        carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
    }
    if carry != 0 {
        out.push(carry);
    }
    out
}

fn less(a: &[u32], b: &[u32]) -> bool {
    a.len() < b.len() || a.len() == b.len() && a.iter().rev().lt(b.iter().rev())
}

/// a = a - b, for b ≤ a.
fn sub(a: &mut Vec<u32>, b: &[u32]) {
    let mut borrow = false;
    for (i, limb) in a.iter_mut().enumerate() {
        let (v, o1) = limb.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (v, o2) = v.overflowing_sub(u32::from(borrow));
        *limb = v;
        borrow = o1 || o2;
    }
    while a.last() == Some(&0) {
        a.pop();
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

        /// Up to 40 random digits, anywhere from far below the subnormals to far above the
        /// largest double.
        #[test]
        fn random_digits_any_exponent(digits in "[0-9]{1,40}", exp in -350i32..350) {
            same(&format!("{digits}e{exp}"))?;
            same(&format!("0.{digits}e{exp}"))?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        /// The exact halfway point between a double and the next one up (ties to even), and
        /// numbers just above and just below it.
        #[test]
        fn halfway_points(bits in 0u64..0x7ff0_0000_0000_0000) {
            for text in halfway(bits) {
                same(&text)?;
            }
        }
    }

    /// The exact decimal expansion of m × 2^p.
    fn exact_decimal(m: u64, p: i32) -> String {
        // Decimal digits, least significant first.
        let mut d: Vec<u8> = m.to_string().bytes().rev().map(|b| b - b'0').collect();
        let times = |d: &mut Vec<u8>, f: u8| {
            let mut carry = 0;
            for v in d.iter_mut() {
                let t = *v * f + carry;
                *v = t % 10;
                carry = t / 10;
            }
            if carry > 0 {
                d.push(carry);
            }
        };
        for _ in 0..p.unsigned_abs() {
            times(&mut d, if p < 0 { 5 } else { 2 });
        }
        let scale = if p < 0 { p.unsigned_abs() as usize } else { 0 };
        while d.len() <= scale {
            d.push(0);
        }
        let s: String = d.iter().rev().map(|v| char::from(b'0' + v)).collect();
        let (int, frac) = s.split_at(s.len() - scale);
        if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        }
    }

    /// The halfway point above the double with these bits, then numbers just above and below.
    fn halfway(bits: u64) -> [String; 3] {
        let (field, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
        let (m, p) = if field == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, field - 1075)
        };
        let half = exact_decimal(2 * m + 1, p - 1);
        let (above, below) = if half.contains('.') {
            // An odd number of halves of a power of two below 1 ends in 5.
            (
                format!("{half}00000000000000000000001"),
                format!("{}49999999999999999999", &half[..half.len() - 1]),
            )
        } else {
            let mut lower = half.clone().into_bytes();
            for b in lower.iter_mut().rev() {
                if *b == b'0' {
                    *b = b'9';
                } else {
                    *b -= 1;
                    break;
                }
            }
            (
                format!("{half}.0000000000000000000001"),
                format!("{}.9999999999999999999", String::from_utf8(lower).unwrap()),
            )
        };
        [half, above, below]
    }

    #[test]
    fn near_halfway_cases() {
        for text in [
            "9007199254740993.0000000000000000001",
            "9007199254740992.9999999999999999999",
            "9007199254740995",
            "9007199254740994.9999999999999999999",
            "9007199254740995.0000000000000000001",
            "2.2250738585072009e-308",
            "2.225073858507201e-308",
            "2.2250738585072014e-308",
            "2.2250738585072013e-308",
            "2.2250738585072012e-308",
            "2.225073858507201136e-308",
            "4.9406564584124654e-324",
            "4.9406564584124653e-324",
            "4.9406564584124655e-324",
            "2.4703282292062327e-324",
            "2.47032822920623272e-324",
            "2.470328229206232720882e-324",
            "7.4109846876186982e-324",
            "9.8813129168249309e-324",
            "1.4821969375237396e-323",
            "1e23",
            "8.98846567431158e307",
            "8.988465674311579e307",
            "1.7976931348623158e308",
            "1.797693134862315807e308",
            "1.7976931348623157081e308",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000001",
            "1e22",
            "1e-22",
            "9007199254740991e22",
            "9007199254740992e-22",
            "18014398509481985e-5",
            "3.0000000000000004",
            "0.30000000000000004",
        ] {
            same(text).unwrap();
        }
        // Between the largest subnormal and the least normal double: 768 significant digits.
        let [half, above, below] = halfway(0x000f_ffff_ffff_ffff);
        let long = format!("{half}000000000001");
        assert!(long.trim_start_matches(['0', '.']).len() >= 780, "{}", long.len());
        for text in [&half, &above, &below, &long] {
            same(text).unwrap();
        }
        // The deciding digit after the 800th, or zeros only: exactly halfway.
        let zeros = "0".repeat(300);
        for text in [
            format!("{half}{zeros}1"),
            format!("{half}{zeros}"),
            format!("{below}{zeros}9"),
            format!("{half}{zeros}1e0"),
        ] {
            same(&text).unwrap();
        }
        for bits in [
            0,
            1,
            2,
            0x000f_ffff_ffff_fffe,
            0x0010_0000_0000_0000,
            0x3ff0_0000_0000_0000,
            0x4340_0000_0000_0000,
            0x7fef_ffff_ffff_fffe,
            0x7fef_ffff_ffff_ffff,
        ] {
            for text in halfway(bits) {
                same(&text).unwrap();
            }
        }
    }

    #[test]
    fn long_inputs() {
        let many = "3".repeat(5000);
        for text in [
            many.clone(),
            format!("0.{many}"),
            format!("{many}e-5000"),
            format!("{many}e-5300"),
            format!("{many}e-4700"),
            format!("0.{}{many}", "0".repeat(300)),
            format!("1{}e-1000", "0".repeat(1000)),
            format!("{}1", "0".repeat(3000)),
        ] {
            same(&text).unwrap();
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
