//! Character encodings: byte-order marks, detection where the data makes it reliable, and
//! decoding to UTF-8 text.
//!
//! Detection, in order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; valid UTF-8 is UTF-8;
//! text with a zero byte in most character pairs is UTF-16 without a mark; anything else is
//! scored as Windows-1252, Big5 and GB18030 on its first 256 KiB (a CJK reading must decode
//! without errors and produce many of the most frequent Chinese characters, a Windows-1252
//! reading must not produce runs of accented letters) and reported as a guess.
//!
//! UTF-8, UTF-16 and Windows-1252 are decoded here. Big5 and GB18030 need large mapping tables
//! (about 130 KB, nearly incompressible): with the `legacy-encodings` feature (the default; the
//! command line) they come from [`encoding_rs`]; without it (the web bundle) from a
//! [`LegacyDecoder`] the embedding program registers once with [`set_legacy_decoder`] (the web
//! app passes the browser's `TextDecoder`, which implements the same WHATWG Encoding Standard).

#[cfg(feature = "legacy-encodings")]
use encoding_rs::{BIG5, GB18030};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Decodes Big5 or GB18030 bytes as the WHATWG Encoding Standard says: `(text, had_errors)`.
/// With `fatal` true it returns `None` at the first malformed sequence; otherwise malformed
/// sequences become U+FFFD and `had_errors` says whether any did. Only
/// [`Encoding::Big5`] and [`Encoding::Gb18030`] are asked for.
pub type LegacyDecoder = fn(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<(String, bool)>;

#[cfg_attr(feature = "legacy-encodings", allow(dead_code))]
static LEGACY_DECODER: OnceLock<LegacyDecoder> = OnceLock::new();

/// Registers the decoder for Big5 and GB18030 used when this crate is built without the
/// `legacy-encodings` feature (with it, `encoding_rs` decodes them and this is not consulted).
/// The first registration wins; returns whether this one did. Without the feature and without
/// a decoder, those encodings are never detected and, when chosen, every non-ASCII byte reads
/// as U+FFFD (with the "undecodable bytes" warning).
pub fn set_legacy_decoder(decoder: LegacyDecoder) -> bool {
    LEGACY_DECODER.set(decoder).is_ok()
}

/// A character encoding the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// Windows-1252 (Western European; Excel's "CSV" on Western Windows).
    Windows1252,
    /// Big5 (Traditional Chinese).
    Big5,
    /// GB18030 (Simplified Chinese; a superset of GBK and GB2312).
    Gb18030,
}

impl Encoding {
    /// Every encoding, for a picker.
    pub const ALL: [Encoding; 6] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
        Encoding::Big5,
        Encoding::Gb18030,
    ];

    /// The usual name, e.g. `UTF-16LE`, `Windows-1252`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Big5 => "Big5",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

impl crate::json::FromJson for Encoding {
    /// The names serde writes (`rename_all = "kebab-case"`): `utf8`, `utf16-le`, `utf16-be`,
    /// `windows1252`, `big5`, `gb18030`.
    fn from_json(j: &crate::json::Json) -> Result<Encoding, crate::json::JsonError> {
        j.variant(&[
            ("utf8", Encoding::Utf8),
            ("utf16-le", Encoding::Utf16Le),
            ("utf16-be", Encoding::Utf16Be),
            ("windows1252", Encoding::Windows1252),
            ("big5", Encoding::Big5),
            ("gb18030", Encoding::Gb18030),
        ])
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The decoded text and how it was obtained.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
    /// True when the encoding is a guess from scoring (no BOM, not UTF-8, not chosen).
    pub guessed: bool,
    /// True when some bytes were not valid in the encoding and became U+FFFD.
    pub had_errors: bool,
}

fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((Encoding::Utf8, 3))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((Encoding::Utf16Le, 2))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((Encoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Decodes `bytes` in `choice`, or in the detected encoding when `choice` is None.
pub(crate) fn decode(bytes: Cow<'_, [u8]>, choice: Option<Encoding>) -> Decoded<'_> {
    let mark = bom(&bytes);
    let (encoding, guessed) = match (choice, mark) {
        (Some(e), _) => (e, false),
        (None, Some((e, _))) => (e, false),
        (None, None) => detect(&bytes),
    };
    // Skip the mark only when it belongs to the encoding in use.
    let skip = match mark {
        Some((e, n)) if e == encoding => n,
        _ => 0,
    };
    if encoding == Encoding::Utf8 {
        return match bytes {
            Cow::Borrowed(b) => match std::str::from_utf8(&b[skip..]) {
                Ok(s) => Decoded {
                    text: Cow::Borrowed(s),
                    encoding,
                    guessed,
                    had_errors: false,
                },
                Err(_) => Decoded {
                    text: Cow::Owned(String::from_utf8_lossy(&b[skip..]).into_owned()),
                    encoding,
                    guessed,
                    had_errors: true,
                },
            },
            Cow::Owned(mut v) => {
                v.drain(..skip);
                match String::from_utf8(v) {
                    Ok(s) => Decoded {
                        text: Cow::Owned(s),
                        encoding,
                        guessed,
                        had_errors: false,
                    },
                    Err(e) => Decoded {
                        text: Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
                        encoding,
                        guessed,
                        had_errors: true,
                    },
                }
            }
        };
    }
    let (text, had_errors) = decode_other(encoding, &bytes[skip..], false).unwrap_or_default();
    Decoded {
        text: Cow::Owned(text),
        encoding,
        guessed,
        had_errors,
    }
}

/// Decodes `bytes` (no byte-order mark) in an encoding other than UTF-8: `(text, had_errors)`,
/// or `None` when `fatal` and a sequence is malformed (see [`LegacyDecoder`]).
fn decode_other(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<(String, bool)> {
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Some((s.to_string(), false)),
            Err(_) if fatal => None,
            Err(_) => Some((String::from_utf8_lossy(bytes).into_owned(), true)),
        },
        Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes, fatal),
        Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes, fatal),
        Encoding::Windows1252 => Some((windows_1252(bytes), false)),
        Encoding::Big5 | Encoding::Gb18030 => legacy(encoding, bytes, fatal),
    }
}

/// UTF-16 in either byte order: an unpaired surrogate, or a lone last byte, becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, fatal: bool) -> Option<(String, bool)> {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len() / 2 * 3 / 2 + 3);
    let mut had_errors = false;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) if fatal => return None,
            Err(_) => {
                had_errors = true;
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if bytes.len() % 2 == 1 {
        if fatal {
            return None;
        }
        had_errors = true;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some((text, had_errors))
}

/// Windows-1252 as the WHATWG Encoding Standard defines it: ISO-8859-1 except 0x80–0x9F,
/// which hold typographic characters (the five unassigned bytes map to the C1 controls), so
/// every byte decodes.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(feature = "legacy-encodings")]
fn legacy(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<(String, bool)> {
    let codec = if encoding == Encoding::Big5 { BIG5 } else { GB18030 };
    if fatal {
        let text = codec.decode_without_bom_handling_and_without_replacement(bytes)?;
        Some((text.into_owned(), false))
    } else {
        let (text, had_errors) = codec.decode_without_bom_handling(bytes);
        Some((text.into_owned(), had_errors))
    }
}

#[cfg(not(feature = "legacy-encodings"))]
fn legacy(encoding: Encoding, bytes: &[u8], fatal: bool) -> Option<(String, bool)> {
    if let Some(decode) = LEGACY_DECODER.get() {
        return decode(encoding, bytes, fatal);
    }
    if fatal {
        return None;
    }
    let text = bytes
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                char::from(b)
            } else {
                char::REPLACEMENT_CHARACTER
            }
        })
        .collect();
    Some((text, bytes.iter().any(|b| !b.is_ascii())))
}

/// Detects the encoding of bytes without a BOM. Returns (encoding, guessed).
pub(crate) fn detect(bytes: &[u8]) -> (Encoding, bool) {
    // UTF-16 first: its ASCII text is also valid UTF-8 (full of NUL bytes), which no real
    // UTF-8 export is.
    if let Some(e) = utf16_without_bom(bytes) {
        return (e, true);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Encoding::Utf8, false);
    }
    // Cut the sample after an ASCII byte so no multi-byte character is split.
    let mut end = bytes.len().min(256 * 1024);
    if end < bytes.len() {
        while end > 0 && bytes[end - 1] >= 0x80 {
            end -= 1;
        }
    }
    let sample = &bytes[..end];
    let mut best = (Encoding::Windows1252, latin_score(sample));
    for e in [Encoding::Gb18030, Encoding::Big5] {
        if let Some(s) = cjk_score(e, sample) {
            if s > best.1 {
                best = (e, s);
            }
        }
    }
    (best.0, true)
}

fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0, 0);
    for p in sample.chunks_exact(2) {
        if p[0] == 0 && p[1] != 0 {
            even_zero += 1;
        }
        if p[1] == 0 && p[0] != 0 {
            odd_zero += 1;
        }
    }
    if odd_zero * 10 >= pairs * 6 {
        Some(Encoding::Utf16Le)
    } else if even_zero * 10 >= pairs * 6 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Share of non-ASCII characters that stand alone between ASCII ones (as accented letters in
/// European words do), scaled to 0..0.5 so that a good CJK reading wins over it.
fn latin_score(sample: &[u8]) -> f64 {
    let (mut high, mut alone) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b >= 0x80 {
            high += 1;
            let prev_ascii = i == 0 || sample[i - 1] < 0x80;
            let next_ascii = i + 1 >= sample.len() || sample[i + 1] < 0x80;
            if prev_ascii && next_ascii {
                alone += 1;
            }
        }
    }
    if high == 0 {
        return 0.5;
    }
    0.5 * alone as f64 / high as f64
}

/// Frequent Chinese characters in both scripts, plus words of incident logs.
const COMMON_HAN: &str = "的一是不了人我在有他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着去之过過家学學对對可她里裏后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并内加化由却代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系統统统服务務故障断斷中网網络絡路连連接线線延迟遲错錯误誤无法超时資料数据據库庫登录錄失败敗恢复復正常影响響用户戶请請求访訪问题題修已处理理署部署警告告警严嚴重级級优優先级";

fn cjk_score(e: Encoding, sample: &[u8]) -> Option<f64> {
    let (text, _) = decode_other(e, sample, true)?;
    let (mut han, mut common, mut odd, mut other) = (0usize, 0usize, 0usize, 0usize);
    for ch in text.chars() {
        if ch.is_ascii() {
            continue;
        }
        match ch {
            '\u{4E00}'..='\u{9FFF}' => {
                han += 1;
                if COMMON_HAN.contains(ch) {
                    common += 1;
                }
            }
            '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' => other += 1,
            _ => odd += 1,
        }
    }
    let total = han + odd + other;
    if total == 0 || han * 2 < total {
        return Some(0.0);
    }
    let share = common as f64 / han as f64;
    // A reading needs a fair share of frequent characters to beat Windows-1252.
    Some(share * 3.0 - odd as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_encoding_names() {
        use crate::json::from_str;
        for e in Encoding::ALL {
            assert_eq!(from_str::<Encoding>(&serde_json::to_string(&e).unwrap()).unwrap(), e);
        }
        let e = from_str::<Encoding>("\n \"utf-8\"").unwrap_err();
        assert_eq!(e.line_column("\n \"utf-8\""), (2, 2));
        assert_eq!(
            e.message,
            "unknown variant `utf-8`, expected one of `utf8`, `utf16-le`, `utf16-be`, `windows1252`, `big5`, `gb18030`"
        );
        assert_eq!(from_str::<Encoding>("null").unwrap_err().message, "invalid type: null, expected a string");
    }

    #[cfg(feature = "legacy-encodings")]
    fn enc(text: &str, e: Encoding) -> Vec<u8> {
        let codec = match e {
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
            Encoding::Big5 => BIG5,
            Encoding::Gb18030 => GB18030,
            _ => encoding_rs::UTF_8,
        };
        codec.encode(text).0.into_owned()
    }

    /// The hand-written UTF-16 and Windows-1252 decoders agree with `encoding_rs` (what the
    /// importer used before) on every byte and on unpaired surrogates and odd lengths.
    #[cfg(feature = "legacy-encodings")]
    #[test]
    fn own_decoders_match_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        let (expected, _, _) = encoding_rs::WINDOWS_1252.decode(&all);
        assert_eq!(windows_1252(&all), expected);
        let samples: [&[u8]; 6] = [
            b"a\x00,\x00\xFC\x00",
            b"\x3D\xD8\x00\xDE",
            b"\x00\xD8a\x00",
            b"\x00\xDC\x00\xD8",
            b"a\x00b",
            &all,
        ];
        for bytes in samples {
            for (e, codec) in [
                (Encoding::Utf16Le, encoding_rs::UTF_16LE),
                (Encoding::Utf16Be, encoding_rs::UTF_16BE),
            ] {
                let (text, had_errors) = codec.decode_without_bom_handling(bytes);
                assert_eq!(
                    decode_other(e, bytes, false),
                    Some((text.to_string(), had_errors)),
                    "{e} {bytes:?}"
                );
                let strict = codec.decode_without_bom_handling_and_without_replacement(bytes);
                assert_eq!(
                    decode_other(e, bytes, true).map(|t| t.0),
                    strict.map(|t| t.into_owned())
                );
            }
        }
    }

    #[test]
    fn detects_boms_and_utf8() {
        let d = decode(Cow::Borrowed(b"\xEF\xBB\xBFa,b\n".as_slice()), None);
        assert_eq!((d.encoding, &*d.text, d.guessed), (Encoding::Utf8, "a,b\n", false));
        let mut le = vec![0xFF, 0xFE];
        for u in "a,ü\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(Cow::Owned(le), None);
        assert_eq!((d.encoding, &*d.text), (Encoding::Utf16Le, "a,ü\n"));
        let mut be = vec![0xFE, 0xFF];
        for u in "a,ü\n".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(Cow::Owned(be), None);
        assert_eq!((d.encoding, &*d.text), (Encoding::Utf16Be, "a,ü\n"));
    }

    #[cfg(feature = "legacy-encodings")]
    #[test]
    fn guesses_legacy_encodings() {
        let latin = "id,title\n1,Störung im Rechenzentrum Köln – Datenbank\n2,Café réseau coupé\n";
        let b = enc(latin, Encoding::Windows1252);
        assert_eq!(detect(&b), (Encoding::Windows1252, true));
        let simplified = "编号,标题\nINC1,数据库连接超时，用户无法登录\nINC2,网络中断影响支付服务\n";
        let g = GB18030.encode(simplified).0.into_owned();
        assert_eq!(detect(&g), (Encoding::Gb18030, true));
        let traditional = "編號,標題\nINC1,資料庫連線逾時，使用者無法登入\nINC2,網路中斷影響付款服務\n";
        let b5 = BIG5.encode(traditional).0.into_owned();
        assert_eq!(detect(&b5), (Encoding::Big5, true));
        let d = decode(Cow::Owned(b5), Some(Encoding::Big5));
        assert_eq!(&*d.text, traditional);
    }

    #[test]
    fn chosen_encoding_wins_and_reports_errors() {
        let d = decode(Cow::Borrowed(b"a\xFFb".as_slice()), Some(Encoding::Utf8));
        assert!(d.had_errors);
        assert_eq!(&*d.text, "a\u{FFFD}b");
    }
}
