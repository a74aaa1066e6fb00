//! Reading an agreement file (the JSON of `docs/agreement-format.md`) from bytes or text, with a
//! size limit stated up front and every refusal located (line and column, or the byte at fault).
//! The web app, the command line and the fuzz target all read agreements through here.

use super::{Agreement, AgreementError, AGREEMENT_SCHEMA};
use crate::json::FromJson;

/// Largest agreement file read, in bytes: 1 MB. A real agreement is a few kilobytes even with
/// hundreds of holidays and maintenance windows; a file this large is not an agreement.
pub const MAX_AGREEMENT_BYTES: u64 = 1_000_000;

/// Why an agreement file could not be read. Messages are written for users.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AgreementFileError {
    /// The file is larger than [`MAX_AGREEMENT_BYTES`]; it is refused before it is read.
    #[error("the agreement file is {bytes} bytes; agreement files up to {limit} bytes (1 MB) are read")]
    TooLarge {
        /// The file's size in bytes.
        bytes: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("byte {offset}: the file is not UTF-8 text; save the agreement as UTF-8 JSON")]
    NotUtf8 {
        /// 0-based offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The JSON is malformed or does not fit the agreement format.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong there (in English, in serde's words where serde has them).
        message: String,
    },
    /// The file is in another format or a newer version.
    #[error("field \"schema\": {0}")]
    Schema(AgreementError),
}

/// Refuses a file of `bytes` bytes when it is larger than [`MAX_AGREEMENT_BYTES`].
pub fn check_agreement_size(bytes: u64) -> Result<(), AgreementFileError> {
    if bytes > MAX_AGREEMENT_BYTES {
        Err(AgreementFileError::TooLarge {
            bytes,
            limit: MAX_AGREEMENT_BYTES,
        })
    } else {
        Ok(())
    }
}

/// Reads an agreement file's bytes: size limit, UTF-8 (a byte-order mark is skipped), then
/// [`read_agreement_json`].
///
/// ```
/// use sla_core::model::{read_agreement_file, AgreementFileError};
/// let err = read_agreement_file(b"{\n  \"availability_target_percent\": \"high\"\n}").unwrap_err();
/// assert!(matches!(err, AgreementFileError::Syntax { line: 2, .. }));
/// ```
pub fn read_agreement_file(bytes: &[u8]) -> Result<Agreement, AgreementFileError> {
    check_agreement_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|e| AgreementFileError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    read_agreement_json(text)
}

/// Reads an agreement from JSON text (a leading byte-order mark is skipped). A file of another
/// format version is refused; other problems are left for [`Agreement::validate`], so a form
/// can show each next to its field. Does not check the size: callers holding bytes use
/// [`read_agreement_file`].
pub fn read_agreement_json(text: &str) -> Result<Agreement, AgreementFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = crate::json::parse(text).and_then(|j| {
        // The format version first: a newer file's new fields are then not "unknown fields".
        if let Some(schema) = j.str_member("schema") {
            if schema != AGREEMENT_SCHEMA {
                return Ok(Err(AgreementFileError::Schema(AgreementError::UnsupportedSchema(
                    schema.chars().take(40).collect(),
                ))));
            }
        }
        Agreement::from_json(&j).map(Ok)
    });
    match read {
        Ok(agreement) => agreement,
        Err(e) => {
            let (line, column) = e.line_column(text);
            let mut message = e.message;
            // The parser says only "expected value" for the non-numbers JavaScript writes.
            let here = text.get(e.at..).unwrap_or("");
            if let Some(word) = ["NaN", "-Infinity", "Infinity", "undefined"]
                .iter()
                .find(|w| here.starts_with(**w))
            {
                message = format!("{word} is not a number JSON allows; write a number such as 99.9");
            }
            Err(AgreementFileError::Syntax { line, column, message })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_locations() {
        assert_eq!(check_agreement_size(MAX_AGREEMENT_BYTES), Ok(()));
        assert_eq!(
            check_agreement_size(MAX_AGREEMENT_BYTES + 1).unwrap_err().to_string(),
            "the agreement file is 1000001 bytes; agreement files up to 1000000 bytes (1 MB) are read"
        );
        assert_eq!(
            read_agreement_file(b"{\"service\": \"a\xff\"}").unwrap_err(),
            AgreementFileError::NotUtf8 { offset: 14 }
        );
        assert_eq!(
            read_agreement_json("{\"schema\": \"sla-agreement/9\"}")
                .unwrap_err()
                .to_string(),
            "field \"schema\": this agreement is in format \"sla-agreement/9\"; this version reads \"sla-agreement/1\""
        );
        assert!(read_agreement_json("\u{feff}{}").is_ok());
    }
}
