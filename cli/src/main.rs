//! `sla`: the SLA calculator on the command line. The same core as the web app, so both give
//! the same numbers.
//!
//! Exit codes: 0 success, 1 a problem with the input (a value out of range, a file that cannot
//! be read, an agreement with problems), 2 a usage problem (unknown command or option, missing
//! or unreadable argument). Errors go to standard error, results to standard output.

mod args;
mod files;
mod quick;
mod report;

use std::io::Write as _;
use std::process::ExitCode;

/// Why a command failed; decides the exit code.
#[derive(Debug)]
pub enum CliError {
    /// The command line is wrong (exit code 2).
    Usage(String),
    /// The input is wrong (exit code 1).
    Input(String),
}

impl From<lexopt::Error> for CliError {
    fn from(e: lexopt::Error) -> CliError {
        match &e {
            // `sla downtime -5`: lexopt sees an option "-5"; say what it really is.
            lexopt::Error::UnexpectedOption(opt)
                if opt.chars().nth(1).is_some_and(|c| c.is_ascii_digit() || c == '.') =>
            {
                CliError::Usage(format!("{opt} looks like a negative number; the values here must be zero or more"))
            }
            _ => CliError::Usage(e.to_string()),
        }
    }
}

/// What a command prints on success.
pub type Output = Result<String, CliError>;

const USAGE: &str = "\
sla: SLA calculator (availability, targets, credits) on the command line

Usage: sla <command> [options]

Commands:
  report     availability, response/resolution targets and credits for an agreement and an
             incident log (sla report --sample runs it on the built-in sample)
  downtime   allowed downtime for an availability target (sla downtime 99.95)
  reverse    availability for a downtime over a period (sla reverse \"3h 10m\" --period quarter)
  composite  availability of components in series, in parallel or in several regions
  sample     print the built-in sample agreement (--incidents: its incident log)
  validate   list every problem in an agreement file (sla validate agreement.json)
  help       this text, or `sla help <command>` for one command

Exit codes: 0 success, 1 a problem with the input, 2 a usage problem.";

fn run(mut argv: Vec<String>) -> Output {
    if argv.is_empty() {
        return Err(CliError::Usage("no command given".to_string()));
    }
    let command = argv.remove(0);
    match command.as_str() {
        "report" => report::run(argv),
        "downtime" => quick::downtime(argv),
        "reverse" => quick::reverse(argv),
        "composite" => quick::composite(argv),
        "sample" => files::sample(argv),
        "validate" => files::validate(argv),
        "help" | "-h" | "--help" => match argv.first().map(String::as_str) {
            None => Ok(format!("{USAGE}\n")),
            Some(cmd) => help_for(cmd).map(|h| format!("{h}\n")),
        },
        "-V" | "--version" => Ok(format!("sla {}\n", env!("CARGO_PKG_VERSION"))),
        other => Err(CliError::Usage(format!("\"{other}\" is not a command"))),
    }
}

fn help_for(command: &str) -> Output {
    Ok(match command {
        "report" => report::HELP.to_string(),
        "downtime" => quick::downtime_help(),
        "reverse" => quick::reverse_help(),
        "composite" => quick::COMPOSITE_HELP.to_string(),
        "sample" => files::SAMPLE_HELP.to_string(),
        "validate" => files::VALIDATE_HELP.to_string(),
        other => return Err(CliError::Usage(format!("\"{other}\" is not a command"))),
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = match std::env::args_os().skip(1).map(|a| a.into_string()).collect() {
        Ok(v) => v,
        Err(bad) => {
            eprintln!("sla: error: the argument {bad:?} is not valid text (UTF-8)");
            return ExitCode::from(2);
        }
    };
    let wants_help_for = argv.first().cloned();
    match run(argv) {
        Ok(text) => {
            // A closed pipe (`sla sample | head`) is not an error worth a panic.
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(CliError::Input(message)) => {
            eprintln!("sla: error: {message}");
            ExitCode::from(1)
        }
        Err(CliError::Usage(message)) => {
            eprintln!("sla: usage error: {message}");
            match wants_help_for.as_deref() {
                Some(cmd) if help_for(cmd).is_ok() => {
                    eprintln!("Run `sla help {cmd}` for the options of this command.")
                }
                _ => eprintln!("{USAGE}"),
            }
            ExitCode::from(2)
        }
    }
}
