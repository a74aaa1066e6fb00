//! The quick calculators: `sla downtime`, `sla reverse`, `sla composite`.

use crate::args::{self, ConventionArgs, Format, CONVENTION_HELP};
use crate::{CliError, Output};
use lexopt::prelude::*;
use sla_core::calc::{
    self, AllowedDowntime, Component, CompositeBreakdown, Convention, PeriodKind, WeeklyServiceHours,
};

/// Help for `sla downtime`.
pub fn downtime_help() -> String {
    format!(
        "\
sla downtime TARGET [options]: the downtime an availability target allows per day, week, month,
quarter and year (with --hours: per week, month, quarter and year of service hours).

  TARGET             availability target in percent, e.g. 99.95
{CONVENTION_HELP}
  --hours H,H,H,H,H,H,H  service hours per weekday, Monday first (0 = not measured)
  --format text|json

Example: sla downtime 99.9 --month 2026-02 --tz Europe/Berlin"
    )
}

/// Help for `sla reverse`.
pub fn reverse_help() -> String {
    format!(
        "\
sla reverse DOWNTIME [options]: the availability a downtime leaves over a period.

  DOWNTIME           e.g. \"3h 10m\", \"13m 37s\", 01:30:00 or 5400 (seconds)
  --period P         day, week, month (default), quarter or year
{CONVENTION_HELP}
  --hours H,H,H,H,H,H,H  count only these service hours per weekday, Monday first
  --format text|json

Example: sla reverse \"3h 10m\" --period quarter"
    )
}

/// Help for `sla composite`.
pub const COMPOSITE_HELP: &str = "\
sla composite [TREE] [options]: the availability of components that depend on each other.

  TREE               a JSON tree, e.g.
                     '{\"series\":[{\"leaf\":{\"name\":\"api\",\"percent\":99.95}},
                                  {\"parallel\":[{\"leaf\":{\"percent\":99.9}},{\"leaf\":{\"percent\":99.9}}]}]}'
                     nodes: {\"leaf\":{\"name\":..,\"percent\":..}}, {\"series\":[..]}, {\"parallel\":[..]},
                     {\"regions\":{\"count\":R,\"deployment\":NODE}}; @FILE reads the tree from a file
  --series A,B,..    components all needed: A × B × ..
  --parallel A,B,..  any one suffices: 1 − (1 − A)(1 − B)..
  --regions R        the whole (tree, list or single --percent) deployed in R regions: 1 − (1 − A)^R
  --percent A        a single component (with --regions)
  --format text|json

Examples: sla composite --series 99.95,99.99
          sla composite --parallel 99.9,99.9
          sla composite --percent 99.9 --regions 3";

fn help_requested(arg: &lexopt::Arg) -> bool {
    matches!(arg, Short('h') | Long("help"))
}

fn positional(v: std::ffi::OsString) -> Result<String, CliError> {
    v.into_string().map_err(|v| CliError::Usage(format!("the argument {v:?} is not valid text (UTF-8)")))
}

fn input(e: impl std::fmt::Display) -> CliError {
    CliError::Input(e.to_string())
}

/// Lays rows out in columns separated by two spaces, the last column left ragged.
pub fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[c] - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Exact seconds for a table: up to 6 decimals, trailing zeros dropped.
fn exact_seconds(s: f64) -> String {
    let text = format!("{s:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `sla downtime TARGET …`
pub fn downtime(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let mut conv = ConventionArgs::default();
    let (mut target, mut hours, mut format) = (None, None, Format::Text);
    while let Some(arg) = parser.next()? {
        if help_requested(&arg) {
            return Ok(format!("{}\n", downtime_help()));
        }
        if let Some(name) = ConventionArgs::owns(&arg) {
            conv.take(&name, &mut parser)?;
            continue;
        }
        match arg {
            Long("hours") => hours = Some(args::service_hours(&args::value(&mut parser, "--hours")?)?),
            Long("format") => {
                format = args::format(&args::value(&mut parser, "--format")?, &[Format::Text, Format::Json])?
            }
            Value(v) if target.is_none() => target = Some(args::percent(&positional(v)?, "the target")?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let target =
        target.ok_or_else(|| CliError::Usage("give the availability target, e.g. sla downtime 99.95".into()))?;
    let convention = conv.resolve()?;
    let rows = match &hours {
        None => calc::allowed_downtime_table(target, &convention),
        Some(h) => calc::service_hours_downtime(target, h, &convention),
    }
    .map_err(input)?;
    Ok(match format {
        Format::Json => json(&serde_json::json!({
            "target_percent": target,
            "convention": convention,
            "convention_description": convention.description(),
            "service_hours": hours,
            "rows": rows,
        }))?,
        _ => downtime_text(target, &convention, hours.as_ref(), &rows),
    })
}

/// Measured time: compact (`30d`) around the clock, in hours (`45 h`) for service hours.
fn measured_text(seconds: f64, service_hours: bool) -> String {
    if service_hours {
        format!("{} h", calc::format_percent(seconds / 3600.0, 2))
    } else {
        calc::format_duration(seconds)
    }
}

fn downtime_text(
    target: f64,
    convention: &Convention,
    hours: Option<&WeeklyServiceHours>,
    rows: &[AllowedDowntime],
) -> String {
    let mut out = format!("Allowed downtime at {} % availability\n", calc::format_percent(target, 6));
    out.push_str(&format!("Convention: {}\n", convention.description()));
    if let Some(h) = hours {
        let per_day: Vec<String> = h.hours_per_day.iter().map(|x| calc::format_percent(*x, 2)).collect();
        out.push_str(&format!(
            "Service hours per weekday (Mon–Sun): {} = {} h a week\n",
            per_day.join(", "),
            calc::format_percent(h.seconds_per_week() / 3600.0, 2)
        ));
    }
    out.push('\n');
    let mut table_rows = vec![vec![
        "period".to_string(),
        "measured".to_string(),
        "allowed downtime".to_string(),
        "seconds".to_string(),
        "which period".to_string(),
    ]];
    for r in rows {
        table_rows.push(vec![
            r.period.kind.to_string(),
            measured_text(r.measured_seconds, hours.is_some()),
            r.allowed_text(),
            exact_seconds(r.allowed_seconds),
            r.period.description.clone(),
        ]);
    }
    out.push_str(&table(&table_rows));
    out
}

/// `sla reverse DOWNTIME …`
pub fn reverse(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let mut conv = ConventionArgs::default();
    let (mut downtime, mut hours, mut format, mut kind) = (None, None, Format::Text, PeriodKind::Month);
    while let Some(arg) = parser.next()? {
        if help_requested(&arg) {
            return Ok(format!("{}\n", reverse_help()));
        }
        if let Some(name) = ConventionArgs::owns(&arg) {
            conv.take(&name, &mut parser)?;
            continue;
        }
        match arg {
            Long("period") => {
                let text = args::value(&mut parser, "--period")?;
                kind = text.parse().map_err(|e: calc::PeriodKindError| CliError::Usage(e.to_string()))?;
            }
            Long("hours") => hours = Some(args::service_hours(&args::value(&mut parser, "--hours")?)?),
            Long("format") => {
                format = args::format(&args::value(&mut parser, "--format")?, &[Format::Text, Format::Json])?
            }
            Value(v) if downtime.is_none() => downtime = Some(positional(v)?),
            // "3h 10m" given without quotes arrives as two words: join them.
            Value(v) => {
                let more = positional(v)?;
                downtime = downtime.map(|d| format!("{d} {more}"));
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let text = downtime.ok_or_else(|| CliError::Usage("give the downtime, e.g. sla reverse \"3h 10m\"".into()))?;
    let convention = conv.resolve()?;
    let seconds = sla_core::model::parse_duration_seconds(&text)
        .map_err(|e| CliError::Input(format!("the downtime could not be read: {e}")))?;
    let result = match &hours {
        None => calc::availability_for_downtime(seconds as f64, kind, &convention),
        Some(h) => calc::availability_for_downtime_in_service_hours(seconds as f64, h, kind, &convention),
    }
    .map_err(input)?;
    Ok(match format {
        Format::Json => json(&serde_json::json!({
            "downtime_text": text,
            "convention_description": convention.description(),
            "service_hours": hours,
            "result": result,
        }))?,
        _ => {
            let mut out = format!("Availability: {} %\n", calc::format_percent(result.availability_percent, 6));
            out.push_str(&format!(
                "{} of downtime in: {}\nMeasured time: {} ({})\n",
                calc::format_duration(result.downtime_seconds),
                result.period.description,
                measured_text(result.measured_seconds, hours.is_some()),
                if hours.is_some() { "service hours only" } else { "around the clock" },
            ));
            out.push_str(&format!("Convention: {}\n", convention.description()));
            out
        }
    })
}

/// `sla composite …`
pub fn composite(argv: Vec<String>) -> Output {
    let mut parser = lexopt::Parser::from_args(argv);
    let mut tree: Option<Component> = None;
    let (mut regions, mut format) = (None, Format::Text);
    let set = |tree: &mut Option<Component>, c: Component| -> Result<(), CliError> {
        if tree.replace(c).is_some() {
            return Err(CliError::Usage(
                "give one of a JSON tree, --series, --parallel or --percent; nest them in a JSON tree".into(),
            ));
        }
        Ok(())
    };
    while let Some(arg) = parser.next()? {
        if help_requested(&arg) {
            return Ok(format!("{COMPOSITE_HELP}\n"));
        }
        match arg {
            Long("series") | Long("parallel") => {
                let option = if matches!(arg, Long("series")) { "--series" } else { "--parallel" };
                let list = args::percent_list(&args::value(&mut parser, option)?, option)?;
                let leaves = list.iter().enumerate().map(|(i, p)| Component::leaf(format!("#{}", i + 1), *p)).collect();
                let node = if option == "--series" { Component::Series(leaves) } else { Component::Parallel(leaves) };
                set(&mut tree, node)?;
            }
            Long("percent") => {
                let p = args::percent(&args::value(&mut parser, "--percent")?, "--percent")?;
                set(&mut tree, Component::leaf("deployment", p))?;
            }
            Long("regions") => {
                let text = args::value(&mut parser, "--regions")?;
                let r: u32 = text
                    .trim()
                    .parse()
                    .map_err(|_| CliError::Usage(format!("--regions \"{text}\" is not a whole number of regions")))?;
                regions = Some(r);
            }
            Long("format") => {
                format = args::format(&args::value(&mut parser, "--format")?, &[Format::Text, Format::Json])?
            }
            Value(v) => {
                let text = positional(v)?;
                let json_text = match text.strip_prefix('@') {
                    Some(path) => crate::files::read_text(path)?,
                    None => text,
                };
                let c: Component = serde_json::from_str(&json_text)
                    .map_err(|e| {
                    CliError::Input(format!(
                        "the component tree is not valid: {e}; write nodes as {{\"leaf\":{{\"name\":\"db\",\"percent\":99.9}}}}, \
                         {{\"series\":[..]}}, {{\"parallel\":[..]}} or {{\"regions\":{{\"count\":2,\"deployment\":..}}}}"
                    ))
                })?;
                set(&mut tree, c)?;
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut tree = tree.ok_or_else(|| {
        CliError::Usage("give a JSON tree, --series A,B, --parallel A,B or --percent A --regions R".into())
    })?;
    if let Some(count) = regions {
        tree = Component::Regions { count, deployment: Box::new(tree) };
    }
    let breakdown = tree.evaluate().map_err(input)?;
    Ok(match format {
        Format::Json => json(&serde_json::json!({
            "availability_percent": breakdown.percent,
            "tree": tree,
            "breakdown": breakdown,
        }))?,
        _ => {
            let mut out = format!("Overall availability: {} %\n", calc::format_percent(breakdown.percent, 6));
            out.push_str(&format!(
                "Expected downtime at that availability: {} in a 30-day month, {} in a 365-day year\n\n",
                calc::format_duration_with(2_592_000.0 * (100.0 - breakdown.percent) / 100.0, 3),
                calc::format_duration_with(31_536_000.0 * (100.0 - breakdown.percent) / 100.0, 3),
            ));
            write_breakdown(&mut out, &breakdown, 0);
            out
        }
    })
}

fn write_breakdown(out: &mut String, node: &CompositeBreakdown, depth: usize) {
    out.push_str(&format!("{}{}: {} %\n", "  ".repeat(depth), node.label, calc::format_percent(node.percent, 6)));
    for child in &node.children {
        write_breakdown(out, child, depth + 1);
    }
}

fn json(value: &serde_json::Value) -> Output {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError::Input(format!("could not write JSON: {e}")))
}
