//! Share links: an agreement (never incidents) packed into a URL fragment,
//! `#a=<version>.<base64url(deflate(json))>`, and read back.
//!
//! Version `1` is raw DEFLATE (RFC 1951, via `miniz_oxide`) of the agreement's compact JSON,
//! then base64url without padding (RFC 4648 §5). Reading never panics: any text gives either
//! an agreement or a [`ShareError`] saying what is wrong. Inflating stops at
//! [`MAX_JSON_BYTES`], so a crafted link cannot exhaust memory.

use crate::model::{Agreement, AGREEMENT_SCHEMA};
use std::fmt;

/// The payload format version written by [`encode`].
pub const SHARE_VERSION: u32 = 1;
/// The fragment key: `#a=…`.
pub const FRAGMENT_KEY: &str = "a";
/// Longest payload read, in characters (a link that long is not a share link).
pub const MAX_PAYLOAD_LEN: usize = 64_000;
/// Largest inflated JSON accepted, in bytes.
pub const MAX_JSON_BYTES: usize = 1_000_000;

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The payload has no `<version>.` prefix.
    Malformed,
    /// The payload is longer than [`MAX_PAYLOAD_LEN`].
    TooLong(usize),
    /// The link was made by a newer or unknown version of the app.
    UnknownVersion(String),
    /// A character outside base64url, or a truncated group.
    BadBase64,
    /// The compressed data is damaged or inflates beyond [`MAX_JSON_BYTES`].
    BadCompression,
    /// The data is not an agreement (serde's message, in English).
    NotAnAgreement(String),
    /// The agreement is in another format version.
    UnsupportedSchema(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Malformed => write!(f, "the link's data has no version prefix"),
            ShareError::TooLong(n) => write!(
                f,
                "the link's data is too long ({n} characters; at most {MAX_PAYLOAD_LEN})"
            ),
            ShareError::UnknownVersion(v) => write!(
                f,
                "the link is in format version \"{v}\"; this app reads version {SHARE_VERSION}"
            ),
            ShareError::BadBase64 => write!(
                f,
                "the link's data is damaged (not base64url), perhaps cut off when copied"
            ),
            ShareError::BadCompression => write!(
                f,
                "the link's data is damaged (it does not decompress), perhaps cut off when copied"
            ),
            ShareError::NotAnAgreement(m) => write!(f, "the link's data is not an agreement: {m}"),
            ShareError::UnsupportedSchema(s) => write!(
                f,
                "the agreement is in format \"{s}\"; this version reads \"{AGREEMENT_SCHEMA}\""
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The payload for `agreement`: `1.<base64url(deflate(json))>` (without the `a=` key).
pub fn encode(agreement: &Agreement) -> String {
    // Serialising an in-memory agreement cannot fail (string keys, finite-or-null numbers).
    let json = serde_json::to_vec(agreement).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{SHARE_VERSION}.{}", base64url_encode(&packed))
}

/// The URL fragment (without `#`) for `agreement`: `a=1.…`.
pub fn fragment(agreement: &Agreement) -> String {
    format!("{FRAGMENT_KEY}={}", encode(agreement))
}

/// Reads a payload made by [`encode`].
pub fn decode(payload: &str) -> Result<Agreement, ShareError> {
    let payload = payload.trim();
    if payload.len() > MAX_PAYLOAD_LEN {
        return Err(ShareError::TooLong(payload.len()));
    }
    let (version, data) = payload.split_once('.').ok_or(ShareError::Malformed)?;
    if version != SHARE_VERSION.to_string() {
        return Err(ShareError::UnknownVersion(version.chars().take(20).collect()));
    }
    let packed = base64url_decode(data).ok_or(ShareError::BadBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|_| ShareError::BadCompression)?;
    // Read as text, as every other JSON is.
    let text = std::str::from_utf8(&json).map_err(|e| ShareError::NotAnAgreement(format!("not UTF-8 text ({e})")))?;
    let agreement: Agreement =
        crate::json::from_str(text).map_err(|e| ShareError::NotAnAgreement(e.located(text)))?;
    if agreement.schema != AGREEMENT_SCHEMA {
        return Err(ShareError::UnsupportedSchema(
            agreement.schema.chars().take(40).collect(),
        ));
    }
    Ok(agreement)
}

/// The share payload in a URL fragment (with or without `#`), if the fragment has an `a=` part;
/// other `&`-separated parts are ignored.
pub fn payload_in_fragment(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|part| part.strip_prefix("a="))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url (padding `=` tolerated); `None` for any other character or a lone last
/// character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_agreement;
    use proptest::prelude::*;

    #[test]
    fn the_sample_agreement_round_trips() {
        let a = sample_agreement();
        let payload = encode(&a);
        assert!(payload.starts_with("1."));
        assert!(payload[2..].bytes().all(|b| ALPHABET.contains(&b)), "{payload}");
        assert_eq!(decode(&payload), Ok(a.clone()));
        assert_eq!(
            payload_in_fragment(&format!("#{}", fragment(&a))).map(decode),
            Some(Ok(a))
        );
    }

    #[test]
    fn an_agreement_with_an_import_mapping_round_trips() {
        let a = Agreement { customer: "顧客 Ünïcode".into(), import_mapping: Some(Default::default()), ..Agreement::default() };
        assert_eq!(decode(&encode(&a)), Ok(a));
    }

    #[test]
    fn compression_keeps_links_short() {
        let a = sample_agreement();
        let json = serde_json::to_string(&a).unwrap();
        assert!(encode(&a).len() < json.len(), "{} vs {}", encode(&a).len(), json.len());
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v!"), None);
    }

    #[test]
    fn damaged_links_give_typed_errors() {
        let good = encode(&sample_agreement());
        assert_eq!(decode(""), Err(ShareError::Malformed));
        assert_eq!(decode("garbage"), Err(ShareError::Malformed));
        assert_eq!(decode("2.abc"), Err(ShareError::UnknownVersion("2".into())));
        assert_eq!(decode("1.%%%"), Err(ShareError::BadBase64));
        assert_eq!(
            decode(&good[..good.len() / 2])
                .err()
                .map(|e| matches!(e, ShareError::BadCompression | ShareError::BadBase64)),
            Some(true)
        );
        assert_eq!(decode("1.AAAA"), Err(ShareError::BadCompression));
        let not_agreement = format!(
            "1.{}",
            base64url_encode(&miniz_oxide::deflate::compress_to_vec(b"[1,2]", 6))
        );
        assert!(matches!(decode(&not_agreement), Err(ShareError::NotAnAgreement(_))));
        let other = format!(
            "1.{}",
            base64url_encode(&miniz_oxide::deflate::compress_to_vec(
                br#"{"schema":"sla-agreement/9"}"#,
                6
            ))
        );
        assert_eq!(
            decode(&other),
            Err(ShareError::UnsupportedSchema("sla-agreement/9".into()))
        );
        assert_eq!(
            decode(&"A".repeat(MAX_PAYLOAD_LEN + 1)),
            Err(ShareError::TooLong(MAX_PAYLOAD_LEN + 1))
        );
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        let big = vec![b' '; MAX_JSON_BYTES * 2];
        let payload = format!(
            "1.{}",
            base64url_encode(&miniz_oxide::deflate::compress_to_vec(&big, 9))
        );
        assert_eq!(decode(&payload), Err(ShareError::BadCompression));
    }

    #[test]
    fn fragments_find_the_payload_among_other_parts() {
        assert_eq!(payload_in_fragment("#x=1&a=1.abc"), Some("1.abc"));
        assert_eq!(payload_in_fragment("#calculators"), None);
        assert_eq!(payload_in_fragment(""), None);
    }

    proptest! {
        #[test]
        fn any_text_gives_an_agreement_or_an_error(text in ".{0,300}") {
            let _ = decode(&text);
            let _ = decode(&format!("1.{text}"));
        }

        #[test]
        fn any_bytes_give_an_agreement_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode(&format!("1.{}", base64url_encode(&bytes)));
            let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
            let _ = decode(&format!("1.{}", base64url_encode(&packed)));
        }

        #[test]
        fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
        }

        #[test]
        fn edited_agreements_round_trip(service in ".{0,40}", milli in 90_000u32..100_000) {
            // Targets as typed (three decimals): serde_json reads short decimals back exactly.
            let target = f64::from(milli) / 1000.0;
            let mut a = sample_agreement();
            a.service = service;
            a.availability_target_percent = target;
            prop_assert_eq!(decode(&encode(&a)), Ok(a));
        }
    }
}
