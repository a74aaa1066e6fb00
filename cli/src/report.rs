//! `sla report`: the full report for an agreement and an incident log, as text, CSV or the
//! versioned JSON report document (`sla-report/1`, the same document the web app exports).
//!
//! "As of" (the report's "now") is an input: with `--as-of` it is that instant; without it, the
//! latest instant the incident log mentions (a start, acknowledgement, restore or resolve
//! time), so the same files always give the same report. The choice is stated on standard
//! error and the instant is written into the report. `--sample` uses the sample's own as-of,
//! 2026-07-01T00:00:00+02:00 (the end of June in Berlin). The command never reads the clock.

use crate::args::{self, Format};
use crate::files;
use crate::{CliError, Output};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use lexopt::prelude::*;
use sla_core::engine::{build_report, ReportRequest};
use sla_core::import::{import, DateOrder, ImportOptions, Preset};
use sla_core::model::Incident;
use sla_core::review::{review_from_report, ReviewOptions};
use sla_core::sample;

/// Help for `sla report`.
pub const HELP: &str = "\
sla report --agreement FILE --incidents FILE [options]: availability per period, error budget,
response/resolution compliance, breaches, open incidents and credits.

  --agreement FILE   the agreement (JSON, format sla-agreement/1; see `sla sample`)
  --incidents FILE   the incident log: a CSV, TSV, JSON or NDJSON export (Jira Service Management,
                     ServiceNow, PagerDuty, Opsgenie, Statuspage, or any file whose columns are
                     named like id,title,priority,impact,service,start,acknowledged,restored,
                     resolved,planned; see `sla sample --incidents`). Times without an offset are
                     read in the agreement's zone
  --preset P         the tool the export comes from: jira, servicenow, pagerduty, opsgenie,
                     statuspage or generic (default: recognised from the columns)
  --date-order O     dmy or mdy, for dates like 03/04/2026 when the file does not settle it
  --strict           stop (exit 1) if any row of the log cannot be read; by default such rows
                     are listed on standard error and left out
  --sample           use the built-in sample agreement and incidents instead
  --as-of TIME       the report's \"now\" (RFC 3339, e.g. 2026-07-01T00:00:00Z): open incidents
                     count up to here. Default: the latest time in the incident log (stated on
                     standard error); with --sample, 2026-07-01T00:00:00+02:00
  --from TIME        start of the span (RFC 3339, or YYYY-MM-DD = local midnight in the
                     agreement's zone); default: the start of the first period with incidents
  --to TIME          end of the span, exclusive (same forms); default: the end of the last period
                     with data
  --tz ZONE          read periods, hours and dates in this IANA zone instead of the agreement's
  --format F         text (default), csv, or json (the versioned report document)
  --review           the periodic service review instead of the report: agreement versions and
                     what changed, results against each target, targets missed, trends,
                     where the downtime and credits come from, customer satisfaction (text, or
                     with --format json the sla-review/1 document)
  --period LABEL     with --review: review this one period (e.g. 2026-05); trends still use
                     the whole span
  --what-if VERSION  measure every period against this agreement version (its label, e.g. 3.0)
                     instead of the version in force at the time

Examples: sla report --sample --format json > report.json
          sla report --sample --review
          sla report --sample --what-if 3.0 --format csv";

/// `sla report …`
pub fn run(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let (mut agreement_path, mut incidents_path, mut use_sample) = (None, None, false);
    let (mut as_of, mut from, mut to, mut tz) = (None, None, None, None);
    let mut format = Format::Text;
    let mut options = ImportOptions::default();
    let mut strict = false;
    let (mut review, mut focus, mut what_if) = (false, None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(format!("{HELP}\n")),
            Long("agreement") => agreement_path = Some(args::value(&mut parser, "--agreement")?),
            Long("incidents") => incidents_path = Some(args::value(&mut parser, "--incidents")?),
            Long("sample") => use_sample = true,
            Long("as-of") => as_of = Some(args::value(&mut parser, "--as-of")?),
            Long("from") => from = Some(args::value(&mut parser, "--from")?),
            Long("to") => to = Some(args::value(&mut parser, "--to")?),
            Long("tz") => tz = Some(args::value(&mut parser, "--tz")?),
            Long("preset") => options.preset = Some(preset(&args::value(&mut parser, "--preset")?)?),
            Long("date-order") => options.date_order = Some(date_order(&args::value(&mut parser, "--date-order")?)?),
            Long("strict") => strict = true,
            Long("review") => review = true,
            Long("period") => focus = Some(args::value(&mut parser, "--period")?),
            Long("what-if") => what_if = Some(args::value(&mut parser, "--what-if")?),
            Long("format") => {
                format =
                    args::format(&args::value(&mut parser, "--format")?, &[Format::Text, Format::Csv, Format::Json])?
            }
            _ => return Err(arg.unexpected().into()),
        }
    }

    let (mut agreement, incidents_path, agreement_name) = if use_sample {
        if agreement_path.is_some() || incidents_path.is_some() {
            return Err(CliError::Usage("--sample replaces --agreement and --incidents; give one or the other".into()));
        }
        (sample::sample_agreement(), None, "the built-in sample".to_string())
    } else {
        let a = agreement_path
            .ok_or_else(|| CliError::Usage("give --agreement FILE (or --sample for the built-in sample)".into()))?;
        let i = incidents_path
            .ok_or_else(|| CliError::Usage("give --incidents FILE (or --sample for the built-in sample)".into()))?;
        (files::read_agreement(&a)?, Some(i), a)
    };
    if let Some(zone) = tz {
        agreement.time_zone = zone.trim().to_string();
    }
    if let Some(problems) = files::problems_text(&agreement_name, &agreement) {
        return Err(CliError::Input(problems));
    }
    if focus.is_some() && !review {
        return Err(CliError::Usage("--period belongs to --review".into()));
    }
    if review && format == Format::Csv {
        return Err(CliError::Usage("the review is written as text or json, not csv".into()));
    }
    if let Some(label) = &what_if {
        let known: Vec<String> = agreement.versions().into_iter().map(|v| v.version).collect();
        agreement = agreement
            .version_index_of(label)
            .and_then(|i| agreement.as_if_always(i))
            .ok_or_else(|| {
                CliError::Input(format!(
                    "--what-if: the agreement has no version \"{label}\"; its versions are: {}",
                    known.join(", ")
                ))
            })?;
    }
    let zone = agreement.tz().map_err(|e| CliError::Input(e.to_string()))?;
    let incidents = match incidents_path {
        None => sample::sample_incidents(),
        Some(path) => {
            options.time_zone = zone;
            read_incidents(&path, &options, strict)?
        }
    };

    let as_of = match as_of {
        Some(text) => instant(&text, "--as-of", None)?,
        None if use_sample => sample::sample_as_of(),
        None => {
            let latest = sla_core::model::latest_instant(&incidents).ok_or_else(|| {
                CliError::Usage("the incident log has no incidents, so there is no default time; give --as-of".into())
            })?;
            eprintln!(
                "sla: note: no --as-of given; reporting as of the latest time in the incident log, {} \
                 (open incidents count up to there). Give --as-of to choose.",
                latest.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            );
            latest
        }
    };
    let request = ReportRequest {
        as_of,
        from: from.map(|t| instant(&t, "--from", Some(zone))).transpose()?,
        to: to.map(|t| instant(&t, "--to", Some(zone))).transpose()?,
    };
    let report = build_report(&agreement, &incidents, &request).map_err(|e| CliError::Input(e.to_string()))?;
    if review {
        let options = ReviewOptions {
            focus,
            ..ReviewOptions::default()
        };
        let review = review_from_report(&agreement, &incidents, &report, &options)
            .map_err(|e| CliError::Input(e.to_string()))?;
        return Ok(match format {
            Format::Json => serde_json::to_string_pretty(&review)
                .map(|s| s + "\n")
                .map_err(|e| CliError::Input(format!("could not write the review as JSON: {e}")))?,
            _ => review.to_text(),
        });
    }
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| CliError::Input(format!("could not write the report as JSON: {e}")))?,
        Format::Csv => report.to_csv(),
        Format::Text => report.to_text(),
    })
}

/// Reads the incident log through the importer. Warnings, excluded rows and rejected rows are
/// listed on standard error; with `strict`, any rejected row is an error.
fn read_incidents(path: &str, options: &ImportOptions, strict: bool) -> Result<Vec<Incident>, CliError> {
    let bytes = files::read_bytes(path)?;
    let outcome = import(&bytes, options).map_err(|e| CliError::Input(format!("{path}: {e}")))?;
    let c = outcome.counts;
    let mut notes: Vec<String> = outcome.warnings.iter().map(|w| format!("{path}: {w}")).collect();
    notes.extend(outcome.excluded.iter().map(|x| format!("{path}: {x}")));
    let rejected: Vec<String> = outcome.rejected.iter().map(|r| format!("{path}: {r}")).collect();
    if strict && !rejected.is_empty() {
        return Err(CliError::Input(format!(
            "{} of {} rows could not be read (--strict):\n  {}",
            c.rejected,
            c.read,
            rejected.join("\n  ")
        )));
    }
    for note in notes {
        eprintln!("sla: note: {note}");
    }
    for r in &rejected {
        eprintln!("sla: warning: {r}; the row is left out");
    }
    if c.rejected > 0 || c.excluded > 0 {
        eprintln!(
            "sla: note: {path}: {} rows read, {} used, {} excluded by rule, {} left out because they could not be read",
            c.read, c.accepted, c.excluded, c.rejected
        );
    }
    Ok(outcome.incidents)
}

fn preset(text: &str) -> Result<Preset, CliError> {
    Ok(match text.trim().to_ascii_lowercase().as_str() {
        "jira" | "jsm" | "jira-service-management" => Preset::JiraServiceManagement,
        "servicenow" | "snow" => Preset::ServiceNow,
        "pagerduty" => Preset::PagerDuty,
        "opsgenie" => Preset::Opsgenie,
        "statuspage" => Preset::Statuspage,
        "generic" => Preset::Generic,
        _ => {
            return Err(CliError::Usage(format!(
                "--preset \"{text}\" is not one of jira, servicenow, pagerduty, opsgenie, statuspage, generic"
            )))
        }
    })
}

fn date_order(text: &str) -> Result<DateOrder, CliError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "dmy" | "day-first" | "dd/mm" => Ok(DateOrder::DayFirst),
        "mdy" | "month-first" | "mm/dd" => Ok(DateOrder::MonthFirst),
        _ => Err(CliError::Usage(format!("--date-order \"{text}\" is not dmy or mdy"))),
    }
}

/// An RFC 3339 instant, or (when `zone` is given) a date meaning its local midnight there.
fn instant(text: &str, option: &str, zone: Option<sla_core::zone::Zone>) -> Result<DateTime<Utc>, CliError> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    if let (Some(zone), Ok(date)) = (zone, NaiveDate::parse_from_str(t, "%Y-%m-%d")) {
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        if let Some(local) = zone.from_local_datetime(&midnight).earliest() {
            return Ok(local.with_timezone(&Utc));
        }
    }
    let forms = if zone.is_some() { "2026-07-01T00:00:00Z or 2026-07-01" } else { "2026-07-01T00:00:00Z" };
    Err(CliError::Usage(format!("{option} \"{text}\" is not a date and time; write it like {forms}")))
}
