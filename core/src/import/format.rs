//! Telling CSV from JSON and NDJSON, and sniffing the CSV delimiter.

use serde::{Deserialize, Serialize};

/// The layout of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Delimited text with a header line: comma, semicolon, tab or pipe (or another ASCII
    /// character when chosen).
    Csv {
        /// The character between fields.
        delimiter: char,
    },
    /// A JSON array of objects, or an object holding one such array.
    Json,
    /// One JSON object per line.
    Ndjson,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Format::Csv { delimiter: '\t' } => f.write_str("TSV (tab-separated)"),
            Format::Csv { delimiter } => write!(f, "CSV separated by \"{delimiter}\""),
            Format::Json => f.write_str("JSON"),
            Format::Ndjson => f.write_str("NDJSON (one JSON object per line)"),
        }
    }
}

/// Decides the format from the text: `[` → JSON; `{` → NDJSON when the first line is a whole
/// object and more lines follow, else JSON; anything else → CSV with a sniffed delimiter.
pub(crate) fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('[') {
        return Format::Json;
    }
    if t.starts_with('{') {
        // NDJSON when the first line is a whole object and more follows; otherwise one JSON
        // value (so a broken file is reported as invalid JSON with its line and column).
        let first = t.lines().next().unwrap_or("");
        let more = first.len() < t.trim_end().len();
        return if more && crate::json::parse(first).is_ok() {
            Format::Ndjson
        } else {
            Format::Json
        };
    }
    Format::Csv {
        delimiter: char::from(sniff_delimiter(t)),
    }
}

/// The candidate whose per-record count is most consistent over the first records, with the
/// most columns; ties prefer comma, semicolon, tab, pipe in that order.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    let sample_len = text.len().min(64 * 1024);
    let sample = &text.as_bytes()[..sample_len];
    let truncated = sample_len < text.len();
    let mut best = (b',', 0usize, 0usize); // (delimiter, consistent records, header count)
    for &d in &CANDIDATES {
        let mut counts: Vec<usize> = Vec::new();
        let mut in_quotes = false;
        let mut n = 0usize;
        let mut any = false;
        for &b in sample {
            match b {
                b'"' => {
                    in_quotes = !in_quotes;
                    any = true;
                }
                b'\n' | b'\r' if !in_quotes => {
                    if any {
                        counts.push(n);
                        if counts.len() >= 30 {
                            break;
                        }
                    }
                    n = 0;
                    any = false;
                }
                _ if b == d && !in_quotes => {
                    n += 1;
                    any = true;
                }
                _ => any = true,
            }
        }
        if any && !truncated && counts.len() < 30 {
            counts.push(n);
        }
        let Some(&header) = counts.first() else { continue };
        if header == 0 {
            continue;
        }
        let consistent = counts
            .iter()
            .skip(1)
            .filter(|&&c| c == header || c == header + 1)
            .count();
        if (consistent, header) > (best.1, best.2) {
            best = (d, consistent, header);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats_and_delimiters() {
        assert_eq!(sniff("a,b,c\n1,2,3\n"), Format::Csv { delimiter: ',' });
        assert_eq!(sniff("a;b;c\n1;\"2;x\";3\n"), Format::Csv { delimiter: ';' });
        assert_eq!(sniff("a\tb\n1\t2\n"), Format::Csv { delimiter: '\t' });
        assert_eq!(sniff("a|b|c\r\n1|2|3\r\n"), Format::Csv { delimiter: '|' });
        assert_eq!(
            sniff("start;end;title\n2026-03-01 10:00;2026-03-01 11:00;Disk, full\n"),
            Format::Csv { delimiter: ';' }
        );
        assert_eq!(sniff(" [ {\"a\":1} ]"), Format::Json);
        assert_eq!(sniff("{\"incidents\":[]}"), Format::Json);
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Format::Ndjson);
        assert_eq!(sniff("only"), Format::Csv { delimiter: ',' });
    }
}
