//! Lower case without the standard library's Unicode case table.
//!
//! `char::to_lowercase` links a table of about 1,400 mappings (some 2 KB of the gzipped web
//! bundle). What the app lower-cases is column headers (to match them) and service names (for
//! file names), written in Latin, Greek or Cyrillic letters when they have case at all; those
//! blocks map with a few offsets. Letters of other scripts are left as they are.

/// `c` in lower case: the same as `char::to_lowercase` for Basic Latin, Latin-1, Latin
/// Extended-A, the Greek capitals without accents and basic Cyrillic (where that gives one letter); `c`
/// itself otherwise.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        // Latin Extended-A: capitals on even code points, then on odd ones, then even again.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// A text as part of a file name: letters and digits in lower case ([`lower`]), every run of
/// anything else as one `-`, none at the ends; empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.push(lower(c));
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let kept = slug.trim_end_matches('-').len();
    slug.truncate(kept);
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits_of_any_script() {
        assert_eq!(slug("  Payments API / EU  "), "payments-api-eu");
        assert_eq!(slug("ÜBERWACHUNG--2"), "überwachung-2");
        assert_eq!(slug("支付 API"), "支付-api");
        assert_eq!(slug(" ¿? "), "");
    }

    /// The blocks `lower` claims: exactly the standard library's answer there (where it is
    /// one letter), and nothing changed anywhere else.
    #[test]
    fn agrees_with_the_standard_library_in_its_blocks() {
        let claimed = |u: u32| matches!(u, 0..=0x17F | 0x391..=0x3AB | 0x400..=0x42F);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            if claimed(c as u32) && std.len() == 1 {
                assert_eq!(lower(c), std[0], "{:X}", c as u32);
            } else {
                assert_eq!(lower(c), c, "{:X}", c as u32);
            }
        }
        let lowered: String = "ÉTAT Priorität ΣΥΜΒΑΝ ИНЦИДЕНТ Ёж İ".chars().map(lower).collect();
        assert_eq!(lowered, "état priorität συμβαν инцидент ёж İ");
    }
}
