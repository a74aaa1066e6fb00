//! Reading option values shared by several commands: percentages, conventions, output formats.

use crate::CliError;
use chrono::NaiveDate;
use lexopt::prelude::*;
use sla_core::calc::{Convention, WeeklyServiceHours};

/// The value of the option being parsed, as text.
pub fn value(parser: &mut lexopt::Parser, option: &str) -> Result<String, CliError> {
    let v = parser.value().map_err(|_| CliError::Usage(format!("{option} needs a value")))?;
    v.into_string().map_err(|v| CliError::Usage(format!("the value {v:?} of {option} is not valid text (UTF-8)")))
}

/// A percentage such as `99.95` or `99.95%`. Text that is not a number is a usage error; a
/// number outside 0–100 is left for the core to refuse with its own message.
pub fn percent(text: &str, what: &str) -> Result<f64, CliError> {
    let t = text.trim().trim_end_matches('%').trim();
    t.parse::<f64>().map_err(|_| CliError::Usage(format!("{what} \"{text}\" is not a number; write it like 99.95")))
}

/// A comma-separated list of percentages: `99.95,99.99`.
pub fn percent_list(text: &str, option: &str) -> Result<Vec<f64>, CliError> {
    text.split(',').filter(|s| !s.trim().is_empty()).map(|s| percent(s, &format!("the value in {option}"))).collect()
}

/// Output format of the quick calculators and the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// JSON for programs.
    Json,
    /// CSV (the report only).
    Csv,
}

/// Reads `text`, `json` or `csv`, if the command offers it.
pub fn format(text: &str, allowed: &[Format]) -> Result<Format, CliError> {
    let chosen = match text.trim().to_ascii_lowercase().as_str() {
        "text" | "txt" => Some(Format::Text),
        "json" => Some(Format::Json),
        "csv" => Some(Format::Csv),
        _ => None,
    };
    match chosen {
        Some(f) if allowed.contains(&f) => Ok(f),
        _ => {
            let names: Vec<&str> = allowed
                .iter()
                .map(|f| match f {
                    Format::Text => "text",
                    Format::Json => "json",
                    Format::Csv => "csv",
                })
                .collect();
            Err(CliError::Usage(format!("--format \"{text}\" is not one of {}", names.join(", "))))
        }
    }
}

/// The options choosing a period convention: `--convention`, `--month`, `--date`, `--tz`.
#[derive(Debug, Default)]
pub struct ConventionArgs {
    convention: Option<String>,
    month: Option<String>,
    date: Option<String>,
    tz: Option<String>,
}

/// Help text for the convention options.
pub const CONVENTION_HELP: &str = "\
  --convention C     30day (default): 30-day month, 365-day year;
                     gregorian: mean Gregorian year 365.2425 days, month = year/12 (uptime.is);
                     calendar: the exact calendar periods around --month/--date in --tz
  --month YYYY-MM    a month for the calendar convention (implies --convention calendar)
  --date YYYY-MM-DD  a day for the calendar convention: its day, ISO week, month, quarter, year
  --tz ZONE          IANA time zone for the calendar convention (default UTC)";

impl ConventionArgs {
    /// The option's name if it is one of ours (`convention`, `month`, `date`, `tz`).
    pub fn owns(arg: &lexopt::Arg) -> Option<String> {
        match arg {
            Long(name @ ("convention" | "month" | "date" | "tz")) => Some(name.to_string()),
            _ => None,
        }
    }

    /// Reads the value of our option `name` (from [`ConventionArgs::owns`]).
    pub fn take(&mut self, name: &str, parser: &mut lexopt::Parser) -> Result<(), CliError> {
        let v = value(parser, &format!("--{name}"))?;
        let slot = match name {
            "convention" => &mut self.convention,
            "month" => &mut self.month,
            "date" => &mut self.date,
            _ => &mut self.tz,
        };
        *slot = Some(v);
        Ok(())
    }

    /// The convention the options ask for.
    pub fn resolve(&self) -> Result<Convention, CliError> {
        let date = match (&self.month, &self.date) {
            (Some(_), Some(_)) => return Err(CliError::Usage("give --month or --date, not both".to_string())),
            (Some(m), None) => Some(
                NaiveDate::parse_from_str(&format!("{}-01", m.trim()), "%Y-%m-%d")
                    .map_err(|_| CliError::Usage(format!("--month \"{m}\" is not a month; write it like 2026-02")))?,
            ),
            (None, Some(d)) => Some(
                NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| CliError::Usage(format!("--date \"{d}\" is not a date; write it like 2026-02-14")))?,
            ),
            (None, None) => None,
        };
        let name = self.convention.as_deref().map(|c| c.trim().to_ascii_lowercase());
        let calendar_implied = date.is_some() || self.tz.is_some();
        match name.as_deref() {
            None if !calendar_implied => Ok(Convention::ThirtyDayMonth),
            Some("30day" | "30-day" | "30d" | "30" | "fixed") => {
                self.no_calendar_options("30day")?;
                Ok(Convention::ThirtyDayMonth)
            }
            Some("gregorian" | "mean" | "mean-gregorian" | "uptime.is") => {
                self.no_calendar_options("gregorian")?;
                Ok(Convention::MeanGregorian)
            }
            None | Some("calendar" | "exact") => {
                let date = date.ok_or_else(|| {
                    CliError::Usage("the calendar convention needs --month YYYY-MM or --date YYYY-MM-DD".to_string())
                })?;
                let tz = self.tz.as_deref().unwrap_or("UTC");
                Convention::calendar(date, tz).map_err(|e| CliError::Input(e.to_string()))
            }
            Some(other) => {
                Err(CliError::Usage(format!("--convention \"{other}\" is not one of 30day, gregorian, calendar")))
            }
        }
    }

    fn no_calendar_options(&self, name: &str) -> Result<(), CliError> {
        if self.month.is_some() || self.date.is_some() || self.tz.is_some() {
            return Err(CliError::Usage(format!(
                "--month, --date and --tz belong to --convention calendar, not --convention {name}"
            )));
        }
        Ok(())
    }
}

/// Weekly service hours: seven comma-separated numbers, Monday first (`8,8,8,8,8,0,0`).
pub fn service_hours(text: &str) -> Result<WeeklyServiceHours, CliError> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != 7 {
        return Err(CliError::Usage(format!(
            "--hours needs seven numbers, Monday first, like 8,8,8,8,8,0,0; \"{text}\" has {}",
            parts.len()
        )));
    }
    let mut hours = [0.0; 7];
    for (slot, part) in hours.iter_mut().zip(&parts) {
        *slot = part
            .parse::<f64>()
            .map_err(|_| CliError::Usage(format!("--hours: \"{part}\" is not a number of hours")))?;
    }
    WeeklyServiceHours::new(hours).map_err(|e| CliError::Input(e.to_string()))
}
