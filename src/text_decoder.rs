//! Big5 and GB18030 decoding with the browser's `TextDecoder`, registered with the core at
//! start-up (see `sla_core::import::set_legacy_decoder`). The web bundle builds `sla-core`
//! without its `legacy-encodings` feature, which keeps `encoding_rs`'s mapping tables (about
//! 130 KB gzipped, nearly incompressible) out of the download; the browser implements the same
//! WHATWG Encoding Standard, so the text and the detection are the same as natively.

use sla_core::import::Encoding;
use web_sys::{TextDecoder, TextDecoderOptions};

/// Registers [`decode`] with the core; call once before any import.
pub fn install() {
    sla_core::import::set_legacy_decoder(decode);
}

/// The WHATWG label of an encoding.
fn label(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Windows1252 => "windows-1252",
        Encoding::Big5 => "big5",
        Encoding::Gb18030 => "gb18030",
    }
}

fn decode_with(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<String> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    // A byte-order mark matters only to the UTF-8 and UTF-16 decoders, which the core has.
    let decoder = TextDecoder::new_with_label_and_options(label(encoding), &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// A [`sla_core::import::LegacyDecoder`]: strict decoding first, so that `had_errors` is exact;
/// when that fails and replacement is allowed, the replacing decode.
fn decode(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<(String, bool)> {
    if let Some(text) = decode_with(encoding, bytes, true) {
        return Some((text, false));
    }
    if fatal {
        return None;
    }
    decode_with(encoding, bytes, false).map(|text| (text, true))
}
