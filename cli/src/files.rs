//! Commands about files: `sla sample` and `sla validate`, and reading files for the others.

use crate::{CliError, Output};
use lexopt::prelude::*;
use sla_core::model::Agreement;
use sla_core::sample;

/// Help for `sla sample`.
pub const SAMPLE_HELP: &str = "\
sla sample [--incidents]: print the built-in sample agreement (JSON), or with --incidents its
incident log (CSV). Save them to start your own:

  sla sample > agreement.json
  sla sample --incidents > incidents.csv
  sla report --agreement agreement.json --incidents incidents.csv --as-of 2026-07-01T00:00:00+02:00";

/// Help for `sla validate`.
pub const VALIDATE_HELP: &str = "\
sla validate AGREEMENT.json: list every problem in an agreement file, each with its field.
Exit code 0 when there is none, 1 when there are problems or the file cannot be read.";

/// Reads a whole text file; the error names the file and says what went wrong.
pub fn read_text(path: &str) -> Result<String, CliError> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|_| CliError::Input(format!("{path}: the file is not UTF-8 text")))
}

/// Reads a whole file as bytes; the error names the file and says what went wrong.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        CliError::Input(format!("{path}: cannot read the file: {why}"))
    })
}

/// Reads an agreement file as the page does (`sla_core::model::read_agreement_file`): the size
/// limit (checked before reading), a byte-order mark, the format version, and JSON errors with
/// their line and column, each message naming the file. Does not validate.
pub fn read_agreement(path: &str) -> Result<Agreement, CliError> {
    let fail = |e: sla_core::model::AgreementFileError| CliError::Input(format!("{path}: {e}"));
    if let Ok(meta) = std::fs::metadata(path) {
        sla_core::model::check_agreement_size(meta.len()).map_err(fail)?;
    }
    sla_core::model::read_agreement_file(&read_bytes(path)?).map_err(fail)
}

/// Every validation problem as `FILE: field: message` lines, or `None` when there are none.
pub fn problems_text(path: &str, agreement: &Agreement) -> Option<String> {
    let problems = agreement.validate();
    if problems.is_empty() {
        return None;
    }
    let count = problems.len();
    let mut out = format!("{path}: {count} problem{} in the agreement:", if count == 1 { "" } else { "s" });
    for p in problems {
        out.push_str(&format!("\n  {}: {}", p.field, p.error));
    }
    Some(out)
}

/// `sla sample [--incidents]`
pub fn sample(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let mut incidents = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(format!("{SAMPLE_HELP}\n")),
            Long("incidents") => incidents = true,
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok(if incidents { sample::SAMPLE_INCIDENTS_CSV } else { sample::SAMPLE_AGREEMENT_JSON }.to_string())
}

/// `sla validate FILE`
pub fn validate(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let mut files = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(format!("{VALIDATE_HELP}\n")),
            Value(v) => files.push(v.into_string().map_err(|v| CliError::Usage(format!("{v:?} is not valid text")))?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if files.is_empty() {
        return Err(CliError::Usage("give the agreement file to check, e.g. sla validate agreement.json".into()));
    }
    let mut ok = String::new();
    let mut failures = Vec::new();
    for path in &files {
        match read_agreement(path) {
            Err(CliError::Input(e)) | Err(CliError::Usage(e)) => failures.push(e),
            Ok(a) => match problems_text(path, &a) {
                Some(text) => failures.push(text),
                None => ok.push_str(&format!("{path}: no problems\n")),
            },
        }
    }
    if failures.is_empty() {
        Ok(ok)
    } else {
        // Files without problems are still reported, on standard error with the rest.
        let mut all = failures.join("\n");
        if !ok.is_empty() {
            all = format!("{}\n{all}", ok.trim_end());
        }
        Err(CliError::Input(all))
    }
}
