//! The agreement being edited: the [`Agreement`] the report uses, plus the texts of fields as
//! typed, so a half-typed or invalid value stays visible next to its message instead of being
//! overwritten. A field's value reaches the agreement only when it parses.
//!
//! Texts are kept by field path, the same dotted paths [`Agreement::validate`] reports
//! (`credits.tiers[1].below_percent`, `support_hours.hours.weekly[0].start`), so one lookup,
//! [`AgreementState::field_errors`], gives each field both its parse problem and its rule
//! problems. Removing a row shifts the texts of the rows after it.

use chrono::{Months, NaiveDate, NaiveDateTime, Weekday};
use sla_core::credits::CreditPreset;
use sla_core::model::{
    Agreement, AgreementError, Clock, ClockTarget, CreditTier, Hours, MaintenanceWindow, PeriodSpec, PriorityTarget, Schedule,
    Span, SpanError, TimeOfDay, TimeOfDayError, WeeklyWindow,
};
use sla_core::sample;
use std::collections::BTreeMap;

mod versions;
pub use versions::{new_date_problem, write_version_terms, VersionAction, NEW_DATE_PATH, NEW_LABEL_PATH};

/// The field path of the availability target.
pub const TARGET_PATH: &str = "availability_target_percent";

/// Why a field's value is not usable: a text that does not parse, or a rule of the agreement.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    /// Nothing was typed where a value is needed.
    Empty,
    /// The text is not a (finite) number.
    NotANumber(String),
    /// The text is not a date `YYYY-MM-DD`.
    NotADate(String),
    /// The text is not a local date and time `YYYY-MM-DDTHH:MM`.
    NotADateTime(String),
    /// The text is not a time of day `HH:MM`.
    Time(TimeOfDayError),
    /// The text is not a duration.
    Span(SpanError),
    /// The value breaks a rule of the agreement (from [`Agreement::validate`], or a time zone
    /// that chrono-tz does not know).
    Rule(AgreementError),
}

/// A field's text as typed and, when it did not parse, why.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedText {
    /// The text exactly as typed.
    pub text: String,
    /// Why it was not taken into the agreement, if it was not.
    pub problem: Option<FieldProblem>,
}

/// Why an agreement file was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    /// The JSON is malformed or does not fit the format, at this place in the file.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong there (serde's message, in English).
        message: String,
    },
    /// The file is in another format or a newer version.
    Schema(AgreementError),
    /// The file could not be read at all.
    Read(String),
}

/// What happened to the last import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportStatus {
    /// The file replaced the agreement.
    Imported,
    /// The file was refused; the agreement was kept.
    Failed(ImportProblem),
}

/// Which of the two schedules an edit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhichHours {
    /// The hours in which availability is measured.
    Availability,
    /// The hours in which service-hours clocks run.
    Support,
}

impl WhichHours {
    /// The schedule's field path.
    pub fn path(self) -> &'static str {
        match self {
            WhichHours::Availability => "availability_hours",
            WhichHours::Support => "support_hours",
        }
    }
}

/// An edit to one schedule.
#[derive(Debug, Clone, PartialEq)]
pub enum ScheduleAction {
    /// Every hour counts.
    SetTwentyFourSeven,
    /// Only weekly windows count (starts with Mon–Fri 08:00–18:00).
    SetWeekly,
    /// Add a window (Sat 09:00–13:00, to be edited).
    AddWindow,
    /// Remove window `i`.
    RemoveWindow(usize),
    /// Switch a day of window `i` on or off.
    ToggleDay(usize, Weekday),
    /// The start time text of window `i`.
    SetStartText(usize, String),
    /// The end time text of window `i`.
    SetEndText(usize, String),
    /// The text of the "new holiday" date field.
    SetNewHolidayText(String),
    /// Add the date typed in the "new holiday" field.
    AddHoliday,
    /// Remove holiday `i`.
    RemoveHoliday(usize),
}

/// The kinds of measurement period, for the period picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
    /// One period between two days.
    Custom,
}

impl PeriodKind {
    /// Every kind, in display order.
    pub const ALL: [PeriodKind; 4] = [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year, PeriodKind::Custom];

    /// The kind of `spec`.
    pub fn of(spec: &PeriodSpec) -> PeriodKind {
        match spec {
            PeriodSpec::Month => PeriodKind::Month,
            PeriodSpec::Quarter => PeriodKind::Quarter,
            PeriodSpec::Year => PeriodKind::Year,
            PeriodSpec::Custom { .. } => PeriodKind::Custom,
        }
    }

    /// A stable key for `<option value>`.
    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Custom => "custom",
        }
    }

    /// The kind with this key.
    pub fn from_key(key: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Which of a priority's two targets an edit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// Time to respond.
    Respond,
    /// Time to resolve.
    Resolve,
}

impl TargetKind {
    /// The field name in the agreement.
    pub fn key(self) -> &'static str {
        match self {
            TargetKind::Respond => "respond",
            TargetKind::Resolve => "resolve",
        }
    }
}

/// The two kinds of maintenance window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MaintenanceKind {
    /// A single window at local dates and times.
    OneOff,
    /// A window repeating every week.
    Weekly,
}

/// Starting points the user can apply with one click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Availability and support around the clock, 99.9 %.
    AroundTheClock999,
    /// Availability and support Mon–Fri 08:00–18:00, 99.5 %.
    BusinessHours995,
    /// A public cloud credit table: its target and tiers.
    Credits(CreditPreset),
}

impl Preset {
    /// Every preset, in display order.
    pub fn all() -> Vec<Preset> {
        let mut all = vec![Preset::AroundTheClock999, Preset::BusinessHours995];
        all.extend(CreditPreset::ALL.into_iter().map(Preset::Credits));
        all
    }
}

/// Edits to the agreement.
#[derive(Debug, Clone, PartialEq)]
pub enum AgreementAction {
    /// The availability target field changed; the agreement takes the value when it is a number.
    SetTargetText(String),
    /// Replace the whole agreement (a preset, an imported file).
    Replace(Box<Agreement>),
    /// Save (or forget, with `None`) the import mapping with the agreement.
    SetImportMapping(Option<Box<sla_core::import::ColumnMapping>>),
    /// The service's name.
    SetService(String),
    /// The provider's name.
    SetProvider(String),
    /// The customer's name.
    SetCustomer(String),
    /// The agreement's version label.
    SetVersion(String),
    /// The effective date text (`YYYY-MM-DD`; empty for none).
    SetEffectiveDateText(String),
    /// The time zone text; the agreement takes it when chrono-tz knows the zone.
    SetTimeZoneText(String),
    /// An edit to the availability or support hours.
    Schedule(WhichHours, ScheduleAction),
    /// Month, quarter, year or custom.
    SetPeriodKind(PeriodKind),
    /// The custom period's first day text.
    SetPeriodFirstText(String),
    /// The custom period's last day text.
    SetPeriodLastText(String),
    /// Add a priority level.
    AddPriority,
    /// Remove priority `i`.
    RemovePriority(usize),
    /// Rename priority `i`.
    SetPriorityName(usize, String),
    /// The "within" text of a priority's target; empty means no such target.
    SetWithinText(usize, TargetKind, String),
    /// The clock of a priority's target.
    SetClock(usize, TargetKind, Clock),
    /// The penalty text of a priority's target.
    SetPenaltyText(usize, TargetKind, String),
    /// Add a maintenance window.
    AddMaintenance(MaintenanceKind),
    /// Remove maintenance window `i`.
    RemoveMaintenance(usize),
    /// The title of maintenance window `i`.
    SetMaintenanceTitle(usize, String),
    /// The start text of maintenance window `i` (date-time for one-off, `HH:MM` for weekly).
    SetMaintenanceStartText(usize, String),
    /// The end text of maintenance window `i`.
    SetMaintenanceEndText(usize, String),
    /// Switch a day of weekly maintenance window `i` on or off.
    ToggleMaintenanceDay(usize, Weekday),
    /// The partial-outage weight text, percent.
    SetPartialWeightText(String),
    /// The degraded-performance weight text, percent.
    SetDegradedWeightText(String),
    /// The fee per period text.
    SetFeeText(String),
    /// The currency label.
    SetCurrency(String),
    /// Add a credit tier below the lowest one.
    AddTier,
    /// Remove tier `i`.
    RemoveTier(usize),
    /// The threshold text of tier `i`.
    SetTierBelowText(usize, String),
    /// The credit text of tier `i`.
    SetTierCreditText(usize, String),
    /// The cap text, percent of the fee.
    SetCapText(String),
    /// The minimum credit text.
    SetMinimumText(String),
    /// Apply a preset.
    ApplyPreset(Preset),
    /// An agreement file's text: replaces the agreement, or is refused with a located error and
    /// the current agreement kept.
    ImportJson(String),
    /// A chosen file could not be read.
    ImportReadFailed(String),
    /// Add, remove or pick a version of the agreement; what-if.
    Versions(VersionAction),
}

/// The agreement and its form texts.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementState {
    /// The agreement in force: what the report is computed from.
    pub agreement: Agreement,
    /// The availability target exactly as typed.
    pub target_text: String,
    /// Other fields' texts as typed, by field path; a field without an entry shows its value.
    pub texts: BTreeMap<String, TypedText>,
    /// What happened to the last import, if any.
    pub import: Option<ImportStatus>,
    /// The version the form shows and edits (0 = the agreement's own terms).
    pub editing: usize,
    /// "What if version N had applied all along": the report measures that version in every
    /// period. `None`: each period under the version in force then.
    pub what_if: Option<usize>,
}

/// Every problem of the form, by field path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldErrors(BTreeMap<String, Vec<FieldProblem>>);

impl FieldErrors {
    /// The problems of exactly this field.
    pub fn at(&self, path: &str) -> &[FieldProblem] {
        self.0.get(path).map(Vec::as_slice).unwrap_or(&[])
    }
    /// How many problems lie in this field or inside it (`credits` counts `credits.tiers[1]`).
    pub fn count_under(&self, prefix: &str) -> usize {
        self.0.iter().filter(|(k, _)| is_under(k, prefix)).map(|(_, v)| v.len()).sum()
    }
    /// How many problems there are in all.
    pub fn count(&self) -> usize {
        self.0.values().map(Vec::len).sum()
    }
    /// Whether the form has no problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Every problem with its path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldProblem)> {
        self.0.iter().flat_map(|(k, v)| v.iter().map(move |p| (k.as_str(), p)))
    }
    fn push(&mut self, path: &str, problem: FieldProblem) {
        self.0.entry(path.to_string()).or_default().push(problem);
    }
}

fn is_under(key: &str, prefix: &str) -> bool {
    key == prefix || key.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(['.', '[']))
}

/// Reads a number as typed: blanks and a trailing `%` are ignored; NaN and infinity refused.
pub fn parse_number(text: &str) -> Result<f64, FieldProblem> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    match sla_core::number::parse_f64(t) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(FieldProblem::NotANumber(text.trim().to_string())),
    }
}

/// Reads a date `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    sla_core::date_text::parse_date(t).ok_or_else(|| FieldProblem::NotADate(t.to_string()))
}

/// Reads a local date and time as an `<input type="datetime-local">` gives it
/// (`2026-03-14T22:00`), with optional seconds, or with a space instead of the `T`.
pub fn parse_local_datetime(text: &str) -> Result<NaiveDateTime, FieldProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldProblem::Empty);
    }
    sla_core::date_text::parse_date_time(t).ok_or_else(|| FieldProblem::NotADateTime(t.to_string()))
}

/// A local date and time as `<input type="datetime-local">` wants it: `2026-03-14T22:00`
/// (seconds only when not zero).
pub fn format_local_datetime(at: &NaiveDateTime) -> String {
    use chrono::Timelike;
    if at.second() == 0 {
        sla_core::date_text::minutes(at, 'T')
    } else {
        sla_core::date_text::seconds(at, 'T')
    }
}

fn parse_time(text: &str) -> Result<TimeOfDay, FieldProblem> {
    if text.trim().is_empty() {
        return Err(FieldProblem::Empty);
    }
    text.parse().map_err(FieldProblem::Time)
}

fn parse_span(text: &str) -> Result<Span, FieldProblem> {
    text.parse().map_err(FieldProblem::Span)
}

/// The agreement as the pretty JSON file the app exports (`None` only if serialising fails,
/// which a valid agreement never does).
pub fn export_json(agreement: &Agreement) -> Option<String> {
    crate::json::to_string_pretty(agreement).ok().map(|s| s + "\n")
}

/// A file name for the exported agreement: the service name in lower case with anything but
/// letters and digits turned into `-`, then `-agreement.json`.
pub fn export_file_name(agreement: &Agreement) -> String {
    let slug = sla_core::lower::slug(&agreement.service);
    if slug.is_empty() {
        "agreement.json".to_string()
    } else {
        format!("{slug}-agreement.json")
    }
}

/// Reads an agreement file: the agreement, or where and why it was refused. A file of another
/// format version is refused too; other problems are left for the form to show at their fields.
/// The reading itself is the core's ([`sla_core::model::read_agreement_json`], fuzzed there).
pub fn read_agreement_json(text: &str) -> Result<Agreement, ImportProblem> {
    use sla_core::model::AgreementFileError as E;
    sla_core::model::read_agreement_json(text).map_err(|e| match e {
        E::Syntax { line, column, message } => ImportProblem::Syntax { line, column, message },
        E::Schema(error) => ImportProblem::Schema(error),
        other => ImportProblem::Read(other.to_string()),
    })
}

fn toggle_day(days: &mut Vec<Weekday>, day: Weekday) {
    if let Some(pos) = days.iter().position(|d| *d == day) {
        days.remove(pos);
    } else {
        days.push(day);
        sla_core::sort::sort_by_key(days, |d| d.num_days_from_monday());
    }
}

/// Splits `prefix[i]rest` into `i` and `rest`.
fn row_index<'a>(key: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = key.strip_prefix(prefix)?.strip_prefix('[')?;
    let close = rest.find(']')?;
    let i = rest[..close].parse().ok()?;
    Some((i, &rest[close + 1..]))
}

fn time(h: u32, m: u32) -> TimeOfDay {
    TimeOfDay::hm(h, m).unwrap_or(TimeOfDay::MIDNIGHT)
}

fn business_hours() -> Vec<WeeklyWindow> {
    vec![WeeklyWindow { days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri], start: time(8, 0), end: time(18, 0) }]
}

impl AgreementState {
    /// The built-in sample agreement.
    pub fn sample() -> AgreementState {
        AgreementState::from_agreement(sample::sample_agreement())
    }

    /// Form state showing `agreement` as it is.
    pub fn from_agreement(agreement: Agreement) -> AgreementState {
        AgreementState {
            target_text: agreement.availability_target_percent.to_string(),
            agreement,
            texts: BTreeMap::new(),
            import: None,
            editing: 0,
            what_if: None,
        }
    }

    /// What a field shows: its text as typed, or else `current` (the value in the agreement).
    pub fn text_or(&self, path: &str, current: impl FnOnce() -> String) -> String {
        self.texts.get(path).map(|t| t.text.clone()).unwrap_or_else(current)
    }

    /// Every problem of the form by field path: texts that do not parse, and the agreement's
    /// own [`Agreement::validate`] problems, except where a field's text does not parse (its
    /// rule problem would be about the old value the agreement still holds).
    pub fn field_errors(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Err(p) = parse_number(&self.target_text) {
            errors.push(TARGET_PATH, p);
        }
        for (path, typed) in &self.texts {
            if let Some(p) = &typed.problem {
                errors.push(path, p.clone());
            }
        }
        for e in self.agreement.validate() {
            let path = e.field.0.as_str();
            let unparsed = !errors.at(path).is_empty() && errors.at(path).iter().all(|p| !matches!(p, FieldProblem::Rule(_)));
            if !unparsed {
                errors.push(path, FieldProblem::Rule(e.error));
            }
        }
        errors
    }

    /// The problems of one field (see [`AgreementState::field_errors`]).
    pub fn errors_at(&self, path: &str) -> Vec<FieldProblem> {
        self.field_errors().at(path).to_vec()
    }

    /// The message for the target field, if what was typed is not a usable target.
    pub fn target_error(&self, lang: crate::i18n::Lang) -> Option<String> {
        let problems = self.errors_at(TARGET_PATH);
        if problems.is_empty() {
            return None;
        }
        let texts: Vec<String> = problems.iter().map(|p| crate::components::agreement::problem_text(p, lang)).collect();
        Some(texts.join("; "))
    }

    /// Applies one edit, to the version being edited (see [`versions`]).
    pub fn apply(&mut self, action: AgreementAction) {
        self.apply_to_version(action)
    }

    /// Applies one edit to `self.agreement` as it stands.
    fn apply_plain(&mut self, action: AgreementAction) {
        use AgreementAction as A;
        match action {
            A::SetTargetText(text) => {
                if let Ok(value) = parse_number(&text) {
                    self.agreement.availability_target_percent = value;
                }
                self.target_text = text;
            }
            A::Replace(agreement) => *self = AgreementState::from_agreement(*agreement),
            A::SetImportMapping(mapping) => self.agreement.import_mapping = mapping.map(|m| *m),
            A::SetService(s) => self.agreement.service = s,
            A::SetProvider(s) => self.agreement.provider = s,
            A::SetCustomer(s) => self.agreement.customer = s,
            A::SetVersion(s) => self.agreement.version = s,
            A::SetEffectiveDateText(text) => {
                if text.trim().is_empty() {
                    self.agreement.effective_date = None;
                    self.texts.remove("effective_date");
                } else {
                    self.edit("effective_date".into(), text, parse_date, |a, d| a.effective_date = Some(d));
                }
            }
            A::SetTimeZoneText(text) => {
                let parse = |t: &str| {
                    let t = t.trim();
                    t.parse::<sla_core::zone::Zone>()
                        .map(|_| t.to_string())
                        .map_err(|_| if t.is_empty() { FieldProblem::Empty } else { FieldProblem::Rule(AgreementError::UnknownTimeZone(t.to_string())) })
                };
                self.edit("time_zone".into(), text, parse, |a, z| a.time_zone = z);
            }
            A::Schedule(which, action) => self.apply_schedule(which, action),
            A::SetPeriodKind(kind) => self.set_period_kind(kind),
            A::SetPeriodFirstText(text) => self.edit("period.first_day".into(), text, parse_date, |a, d| {
                if let PeriodSpec::Custom { first_day, .. } = &mut a.period {
                    *first_day = d;
                }
            }),
            A::SetPeriodLastText(text) => self.edit("period.last_day".into(), text, parse_date, |a, d| {
                if let PeriodSpec::Custom { last_day, .. } = &mut a.period {
                    *last_day = d;
                }
            }),
            A::AddPriority => {
                let taken = |n: &str| self.agreement.priorities.iter().any(|p| p.name.trim().eq_ignore_ascii_case(n));
                let name = (1..).map(|n| format!("P{n}")).find(|n| !taken(n)).unwrap_or_default();
                let target = |within| Some(ClockTarget { within, clock: Clock::ServiceHours, penalty: 0.0 });
                self.agreement.priorities.push(PriorityTarget {
                    name,
                    respond: target(Span::from_hours(8)),
                    resolve: target(Span::from_hours(72)),
                });
            }
            A::RemovePriority(i) => {
                if i < self.agreement.priorities.len() {
                    self.agreement.priorities.remove(i);
                    self.remove_row_texts("priorities", i);
                }
            }
            A::SetPriorityName(i, name) => {
                if let Some(p) = self.agreement.priorities.get_mut(i) {
                    p.name = name;
                }
            }
            A::SetWithinText(i, kind, text) => {
                let Some(p) = self.agreement.priorities.get_mut(i) else { return };
                let path = format!("priorities[{i}].{}.within", kind.key());
                if text.trim().is_empty() {
                    *target_mut(p, kind) = None;
                    self.texts.remove(&path);
                    self.texts.remove(&format!("priorities[{i}].{}.penalty", kind.key()));
                    return;
                }
                self.edit(path, text, parse_span, |a, within| {
                    if let Some(p) = a.priorities.get_mut(i) {
                        let t = target_mut(p, kind);
                        match t {
                            Some(t) => t.within = within,
                            None => *t = Some(ClockTarget { within, clock: Clock::default(), penalty: 0.0 }),
                        }
                    }
                });
            }
            A::SetClock(i, kind, clock) => {
                if let Some(Some(t)) = self.agreement.priorities.get_mut(i).map(|p| target_mut(p, kind)) {
                    t.clock = clock;
                }
            }
            A::SetPenaltyText(i, kind, text) => {
                if !matches!(self.agreement.priorities.get(i).map(|p| target_ref(p, kind)), Some(Some(_))) {
                    return;
                }
                self.edit(format!("priorities[{i}].{}.penalty", kind.key()), text, parse_number, |a, v| {
                    if let Some(Some(t)) = a.priorities.get_mut(i).map(|p| target_mut(p, kind)) {
                        t.penalty = v;
                    }
                });
            }
            A::AddMaintenance(kind) => {
                let m = match kind {
                    MaintenanceKind::OneOff => {
                        let day = self.default_day();
                        MaintenanceWindow::OneOff {
                            title: String::new(),
                            start: day.and_time(chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap_or_default()),
                            end: day.and_time(chrono::NaiveTime::from_hms_opt(23, 0, 0).unwrap_or_default()),
                        }
                    }
                    MaintenanceKind::Weekly => {
                        MaintenanceWindow::Weekly { title: String::new(), days: vec![Weekday::Sun], start: time(2, 0), end: time(4, 0) }
                    }
                };
                self.agreement.maintenance.push(m);
            }
            A::RemoveMaintenance(i) => {
                if i < self.agreement.maintenance.len() {
                    self.agreement.maintenance.remove(i);
                    self.remove_row_texts("maintenance", i);
                }
            }
            A::SetMaintenanceTitle(i, text) => match self.agreement.maintenance.get_mut(i) {
                Some(MaintenanceWindow::OneOff { title, .. } | MaintenanceWindow::Weekly { title, .. }) => *title = text,
                None => {}
            },
            A::SetMaintenanceStartText(i, text) => self.set_maintenance_time(i, text, true),
            A::SetMaintenanceEndText(i, text) => self.set_maintenance_time(i, text, false),
            A::ToggleMaintenanceDay(i, day) => {
                if let Some(MaintenanceWindow::Weekly { days, .. }) = self.agreement.maintenance.get_mut(i) {
                    toggle_day(days, day);
                }
            }
            A::SetPartialWeightText(text) => {
                self.edit("impact.partial_outage_percent".into(), text, parse_number, |a, v| a.impact.partial_outage_percent = v)
            }
            A::SetDegradedWeightText(text) => {
                self.edit("impact.degraded_percent".into(), text, parse_number, |a, v| a.impact.degraded_percent = v)
            }
            A::SetFeeText(text) => self.edit("credits.fee_per_period".into(), text, parse_number, |a, v| a.credits.fee_per_period = v),
            A::SetCurrency(s) => self.agreement.credits.currency = s,
            A::AddTier => {
                let tiers = &mut self.agreement.credits.tiers;
                let lowest = tiers.iter().map(|t| t.below_percent).fold(f64::INFINITY, f64::min);
                let most = tiers.iter().map(|t| t.credit_percent).fold(0.0, f64::max);
                let tier = if tiers.is_empty() {
                    CreditTier { below_percent: self.agreement.availability_target_percent, credit_percent: 10.0 }
                } else {
                    CreditTier { below_percent: (lowest - 1.0).floor().max(0.0), credit_percent: most.min(100.0) }
                };
                tiers.push(tier);
            }
            A::RemoveTier(i) => {
                if i < self.agreement.credits.tiers.len() {
                    self.agreement.credits.tiers.remove(i);
                    self.remove_row_texts("credits.tiers", i);
                }
            }
            A::SetTierBelowText(i, text) => {
                if i < self.agreement.credits.tiers.len() {
                    self.edit(format!("credits.tiers[{i}].below_percent"), text, parse_number, |a, v| a.credits.tiers[i].below_percent = v);
                }
            }
            A::SetTierCreditText(i, text) => {
                if i < self.agreement.credits.tiers.len() {
                    self.edit(format!("credits.tiers[{i}].credit_percent"), text, parse_number, |a, v| a.credits.tiers[i].credit_percent = v);
                }
            }
            A::SetCapText(text) => self.edit("credits.cap_percent".into(), text, parse_number, |a, v| a.credits.cap_percent = v),
            A::SetMinimumText(text) => self.edit("credits.minimum_amount".into(), text, parse_number, |a, v| a.credits.minimum_amount = v),
            A::ApplyPreset(preset) => self.apply_preset(preset),
            A::ImportJson(text) => match read_agreement_json(&text) {
                Ok(agreement) => {
                    *self = AgreementState::from_agreement(agreement);
                    self.import = Some(ImportStatus::Imported);
                }
                Err(problem) => self.import = Some(ImportStatus::Failed(problem)),
            },
            A::ImportReadFailed(message) => self.import = Some(ImportStatus::Failed(ImportProblem::Read(message))),
            // Handled by `apply_to_version`.
            A::Versions(_) => {}
        }
    }

    /// Keeps `text` at `path`; when it parses, `set` puts the value into the agreement.
    fn edit<T>(&mut self, path: String, text: String, parse: impl FnOnce(&str) -> Result<T, FieldProblem>, set: impl FnOnce(&mut Agreement, T)) {
        let problem = match parse(&text) {
            Ok(value) => {
                set(&mut self.agreement, value);
                None
            }
            Err(p) => Some(p),
        };
        self.texts.insert(path, TypedText { text, problem });
    }

    /// Drops the texts of everything at or under `prefix`.
    fn clear_texts(&mut self, prefix: &str) {
        self.texts.retain(|k, _| !is_under(k, prefix));
    }

    /// Drops the texts of row `removed` of the list at `prefix` and moves later rows' up.
    fn remove_row_texts(&mut self, prefix: &str, removed: usize) {
        let old = std::mem::take(&mut self.texts);
        for (key, value) in old {
            match row_index(&key, prefix) {
                Some((i, _)) if i == removed => {}
                Some((i, rest)) if i > removed => {
                    self.texts.insert(format!("{prefix}[{}]{rest}", i - 1), value);
                }
                _ => {
                    self.texts.insert(key, value);
                }
            }
        }
    }

    /// A day to start new dated entries on: the effective date, else 2026-01-01.
    fn default_day(&self) -> NaiveDate {
        self.agreement.effective_date.or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1)).unwrap_or_default()
    }

    fn schedule_mut(&mut self, which: WhichHours) -> &mut Schedule {
        match which {
            WhichHours::Availability => &mut self.agreement.availability_hours,
            WhichHours::Support => &mut self.agreement.support_hours,
        }
    }

    fn apply_schedule(&mut self, which: WhichHours, action: ScheduleAction) {
        let base = which.path();
        let windows_path = format!("{base}.hours.weekly");
        match action {
            ScheduleAction::SetTwentyFourSeven => {
                self.schedule_mut(which).hours = Hours::TwentyFourSeven;
                self.clear_texts(&format!("{base}.hours"));
            }
            ScheduleAction::SetWeekly => {
                let s = self.schedule_mut(which);
                if s.hours == Hours::TwentyFourSeven {
                    s.hours = Hours::Weekly(business_hours());
                }
            }
            ScheduleAction::AddWindow => {
                let s = self.schedule_mut(which);
                match &mut s.hours {
                    Hours::TwentyFourSeven => s.hours = Hours::Weekly(business_hours()),
                    Hours::Weekly(w) => w.push(WeeklyWindow { days: vec![Weekday::Sat], start: time(9, 0), end: time(13, 0) }),
                }
            }
            ScheduleAction::RemoveWindow(i) => {
                if let Hours::Weekly(w) = &mut self.schedule_mut(which).hours {
                    if i < w.len() {
                        w.remove(i);
                        self.remove_row_texts(&windows_path, i);
                    }
                }
            }
            ScheduleAction::ToggleDay(i, day) => {
                if let Hours::Weekly(w) = &mut self.schedule_mut(which).hours {
                    if let Some(w) = w.get_mut(i) {
                        toggle_day(&mut w.days, day);
                    }
                }
            }
            ScheduleAction::SetStartText(i, text) => self.set_window_time(which, i, text, true),
            ScheduleAction::SetEndText(i, text) => self.set_window_time(which, i, text, false),
            ScheduleAction::SetNewHolidayText(text) => {
                self.texts.insert(format!("{base}.holidays.new"), TypedText { text, problem: None });
            }
            ScheduleAction::AddHoliday => {
                let path = format!("{base}.holidays.new");
                let text = self.texts.get(&path).map(|t| t.text.clone()).unwrap_or_default();
                match parse_date(&text) {
                    Ok(day) => {
                        let s = self.schedule_mut(which);
                        if !s.holidays.contains(&day) {
                            s.holidays.push(day);
                            sla_core::sort::sort(&mut s.holidays);
                        }
                        self.texts.remove(&path);
                    }
                    Err(p) => {
                        self.texts.insert(path, TypedText { text, problem: Some(p) });
                    }
                }
            }
            ScheduleAction::RemoveHoliday(i) => {
                let s = self.schedule_mut(which);
                if i < s.holidays.len() {
                    s.holidays.remove(i);
                }
            }
        }
    }

    fn set_window_time(&mut self, which: WhichHours, i: usize, text: String, start: bool) {
        let exists = matches!(&self.schedule_mut(which).hours, Hours::Weekly(w) if i < w.len());
        if !exists {
            return;
        }
        let path = format!("{}.hours.weekly[{i}].{}", which.path(), if start { "start" } else { "end" });
        self.edit(path, text, parse_time, |a, v| {
            let s = match which {
                WhichHours::Availability => &mut a.availability_hours,
                WhichHours::Support => &mut a.support_hours,
            };
            if let Hours::Weekly(w) = &mut s.hours {
                if let Some(w) = w.get_mut(i) {
                    if start {
                        w.start = v;
                    } else {
                        w.end = v;
                    }
                }
            }
        });
    }

    fn set_period_kind(&mut self, kind: PeriodKind) {
        if PeriodKind::of(&self.agreement.period) == kind {
            return;
        }
        self.clear_texts("period");
        self.agreement.period = match kind {
            PeriodKind::Month => PeriodSpec::Month,
            PeriodKind::Quarter => PeriodSpec::Quarter,
            PeriodKind::Year => PeriodSpec::Year,
            PeriodKind::Custom => {
                let first_day = self.default_day();
                let last_day = first_day.checked_add_months(Months::new(3)).and_then(|d| d.pred_opt()).unwrap_or(first_day);
                PeriodSpec::Custom { first_day, last_day }
            }
        };
    }

    fn set_maintenance_time(&mut self, i: usize, text: String, start: bool) {
        let path = format!("maintenance[{i}].{}", if start { "start" } else { "end" });
        match self.agreement.maintenance.get(i) {
            Some(MaintenanceWindow::OneOff { .. }) => self.edit(path, text, parse_local_datetime, |a, v| {
                if let Some(MaintenanceWindow::OneOff { start: s, end: e, .. }) = a.maintenance.get_mut(i) {
                    *(if start { s } else { e }) = v;
                }
            }),
            Some(MaintenanceWindow::Weekly { .. }) => self.edit(path, text, parse_time, |a, v| {
                if let Some(MaintenanceWindow::Weekly { start: s, end: e, .. }) = a.maintenance.get_mut(i) {
                    *(if start { s } else { e }) = v;
                }
            }),
            None => {}
        }
    }

    fn apply_preset(&mut self, preset: Preset) {
        let set_hours = |state: &mut AgreementState, hours: Hours, target: f64| {
            state.agreement.availability_hours.hours = hours.clone();
            state.agreement.support_hours.hours = hours;
            state.agreement.availability_target_percent = target;
            state.target_text = target.to_string();
            state.clear_texts("availability_hours.hours");
            state.clear_texts("support_hours.hours");
        };
        match preset {
            Preset::AroundTheClock999 => set_hours(self, Hours::TwentyFourSeven, 99.9),
            Preset::BusinessHours995 => set_hours(self, Hours::Weekly(business_hours()), 99.5),
            Preset::Credits(p) => {
                let (target, tiers) = p.table();
                self.agreement.availability_target_percent = target;
                self.target_text = target.to_string();
                self.agreement.credits.tiers = tiers;
                self.clear_texts("credits.tiers");
            }
        }
    }
}

fn target_mut(p: &mut PriorityTarget, kind: TargetKind) -> &mut Option<ClockTarget> {
    match kind {
        TargetKind::Respond => &mut p.respond,
        TargetKind::Resolve => &mut p.resolve,
    }
}

fn target_ref(p: &PriorityTarget, kind: TargetKind) -> &Option<ClockTarget> {
    match kind {
        TargetKind::Respond => &p.respond,
        TargetKind::Resolve => &p.resolve,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use AgreementAction as A;

    fn sample() -> AgreementState {
        AgreementState::sample()
    }

    fn rule_at(s: &AgreementState, path: &str) -> Vec<AgreementError> {
        s.errors_at(path)
            .into_iter()
            .filter_map(|p| match p {
                FieldProblem::Rule(e) => Some(e),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn typing_a_target_updates_the_agreement_and_keeps_the_text() {
        let mut s = sample();
        s.apply(A::SetTargetText("99.5".into()));
        assert_eq!(s.agreement.availability_target_percent, 99.5);
        assert_eq!(s.target_error(Lang::En), None);
        s.apply(A::SetTargetText("100.5".into()));
        assert!(s.target_error(Lang::En).unwrap().contains("between 0 and 100"));
        s.apply(A::SetTargetText("99.x".into()));
        assert_eq!(s.agreement.availability_target_percent, 100.5);
        assert_eq!(s.target_text, "99.x");
        assert!(s.target_error(Lang::En).unwrap().contains("not a number"));
        assert!(s.target_error(Lang::ZhHant).unwrap().contains("不是數字"));
        // The stale rule problem of 100.5 is not shown while the text does not parse.
        assert_eq!(s.errors_at(TARGET_PATH), vec![FieldProblem::NotANumber("99.x".into())]);
        s.apply(A::SetTargetText("NaN".into()));
        assert_eq!(s.agreement.availability_target_percent, 100.5, "NaN is refused");
        s.apply(A::SetTargetText("".into()));
        assert_eq!(s.errors_at(TARGET_PATH), vec![FieldProblem::Empty]);
    }

    #[test]
    fn a_target_of_100_5_is_reported_at_its_field() {
        let mut s = sample();
        s.apply(A::SetTargetText("100.5".into()));
        assert_eq!(
            rule_at(&s, TARGET_PATH),
            vec![AgreementError::PercentOutOfRange { what: "the availability target", value: 100.5 }]
        );
        assert_eq!(s.field_errors().count(), 1);
        assert_eq!(s.field_errors().count_under("availability_target"), 0, "prefixes match whole path parts");
    }

    #[test]
    fn parties_and_effective_date() {
        let mut s = sample();
        s.apply(A::SetService("Search".into()));
        s.apply(A::SetProvider("P".into()));
        s.apply(A::SetCustomer("C".into()));
        s.apply(A::SetVersion("3".into()));
        assert_eq!((&*s.agreement.service, &*s.agreement.provider, &*s.agreement.customer, &*s.agreement.version), ("Search", "P", "C", "3"));
        s.apply(A::SetEffectiveDateText("2026-02-30".into()));
        assert_eq!(s.errors_at("effective_date"), vec![FieldProblem::NotADate("2026-02-30".into())]);
        assert_eq!(s.agreement.effective_date, NaiveDate::from_ymd_opt(2026, 1, 1));
        s.apply(A::SetEffectiveDateText("2026-03-01".into()));
        assert_eq!(s.agreement.effective_date, NaiveDate::from_ymd_opt(2026, 3, 1));
        s.apply(A::SetEffectiveDateText(" ".into()));
        assert_eq!(s.agreement.effective_date, None);
        assert!(s.field_errors().is_empty());
    }

    #[test]
    fn time_zone_is_taken_only_when_known() {
        let mut s = sample();
        s.apply(A::SetTimeZoneText("Asia/Tai".into()));
        assert_eq!(s.agreement.time_zone, "Europe/Berlin");
        assert_eq!(rule_at(&s, "time_zone"), vec![AgreementError::UnknownTimeZone("Asia/Tai".into())]);
        assert_eq!(s.text_or("time_zone", String::new), "Asia/Tai");
        s.apply(A::SetTimeZoneText("Asia/Taipei".into()));
        assert_eq!(s.agreement.time_zone, "Asia/Taipei");
        assert!(s.errors_at("time_zone").is_empty());
    }

    #[test]
    fn weekly_windows_days_times_and_a_window_ending_before_it_starts() {
        let mut s = sample();
        let w = WhichHours::Support;
        s.apply(A::Schedule(w, ScheduleAction::SetEndText(0, "07:00".into())));
        let path = "support_hours.hours.weekly[0]";
        assert_eq!(rule_at(&s, path), vec![AgreementError::EndsBeforeStart { start: "08:00".into(), end: "07:00".into() }]);
        s.apply(A::Schedule(w, ScheduleAction::SetEndText(0, "25:00".into())));
        assert!(matches!(s.errors_at(&format!("{path}.end"))[..], [FieldProblem::Time(_)]));
        assert_eq!(s.text_or(&format!("{path}.end"), String::new), "25:00");
        s.apply(A::Schedule(w, ScheduleAction::SetEndText(0, "12:00".into())));
        s.apply(A::Schedule(w, ScheduleAction::SetStartText(0, "07:30".into())));
        assert!(s.field_errors().is_empty(), "{:?}", s.field_errors());
        let Hours::Weekly(ws) = &s.agreement.support_hours.hours else { panic!() };
        assert_eq!(ws[0].start, time(7, 30));
        // Days.
        s.apply(A::Schedule(w, ScheduleAction::ToggleDay(0, Weekday::Mon)));
        s.apply(A::Schedule(w, ScheduleAction::ToggleDay(0, Weekday::Sun)));
        s.apply(A::Schedule(w, ScheduleAction::ToggleDay(0, Weekday::Mon)));
        let Hours::Weekly(ws) = &s.agreement.support_hours.hours else { panic!() };
        assert_eq!(ws[0].days, vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sun]);
        // Add, overlap, remove: the texts of later windows move up.
        s.apply(A::Schedule(w, ScheduleAction::AddWindow));
        s.apply(A::Schedule(w, ScheduleAction::SetStartText(2, "9".into())));
        s.apply(A::Schedule(w, ScheduleAction::ToggleDay(2, Weekday::Mon)));
        s.apply(A::Schedule(w, ScheduleAction::RemoveWindow(0)));
        assert_eq!(s.text_or("support_hours.hours.weekly[1].start", String::new), "9");
        assert!(!s.texts.contains_key("support_hours.hours.weekly[2].start"));
        assert!(!s.texts.contains_key("support_hours.hours.weekly[0].start"), "window 0's texts went with it");
        s.apply(A::Schedule(w, ScheduleAction::SetStartText(1, "12:30".into())));
        s.apply(A::Schedule(w, ScheduleAction::SetEndText(1, "14:00".into())));
        assert_eq!(rule_at(&s, "support_hours.hours.weekly[1]"), vec![AgreementError::OverlappingWindows { other: 0, day: Weekday::Mon }]);
        s.apply(A::Schedule(w, ScheduleAction::RemoveWindow(1)));
        s.apply(A::Schedule(w, ScheduleAction::RemoveWindow(0)));
        assert_eq!(rule_at(&s, "support_hours.hours"), vec![AgreementError::NoWindows]);
        s.apply(A::Schedule(w, ScheduleAction::SetTwentyFourSeven));
        assert_eq!(s.agreement.support_hours.hours, Hours::TwentyFourSeven);
        s.apply(A::Schedule(w, ScheduleAction::SetWeekly));
        assert_eq!(s.agreement.support_hours.hours, Hours::Weekly(business_hours()));
        // A window with no days.
        s.apply(A::Schedule(WhichHours::Availability, ScheduleAction::AddWindow));
        for d in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri] {
            s.apply(A::Schedule(WhichHours::Availability, ScheduleAction::ToggleDay(0, d)));
        }
        assert_eq!(rule_at(&s, "availability_hours.hours.weekly[0]"), vec![AgreementError::NoDays]);
    }

    #[test]
    fn holidays_are_added_sorted_and_removed() {
        let mut s = sample();
        let w = WhichHours::Availability;
        s.apply(A::Schedule(w, ScheduleAction::AddHoliday));
        assert_eq!(s.errors_at("availability_hours.holidays.new"), vec![FieldProblem::Empty]);
        s.apply(A::Schedule(w, ScheduleAction::SetNewHolidayText("2026-12-25".into())));
        assert!(s.errors_at("availability_hours.holidays.new").is_empty());
        s.apply(A::Schedule(w, ScheduleAction::AddHoliday));
        s.apply(A::Schedule(w, ScheduleAction::SetNewHolidayText("2026-01-01".into())));
        s.apply(A::Schedule(w, ScheduleAction::AddHoliday));
        s.apply(A::Schedule(w, ScheduleAction::SetNewHolidayText("2026-01-01".into())));
        s.apply(A::Schedule(w, ScheduleAction::AddHoliday));
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(s.agreement.availability_hours.holidays, vec![d(1, 1), d(12, 25)]);
        assert_eq!(s.text_or("availability_hours.holidays.new", String::new), "");
        s.apply(A::Schedule(w, ScheduleAction::RemoveHoliday(0)));
        s.apply(A::Schedule(w, ScheduleAction::RemoveHoliday(5)));
        assert_eq!(s.agreement.availability_hours.holidays, vec![d(12, 25)]);
    }

    #[test]
    fn periods_and_a_custom_period_ending_before_it_starts() {
        let mut s = sample();
        s.apply(A::SetPeriodKind(PeriodKind::Quarter));
        assert_eq!(s.agreement.period, PeriodSpec::Quarter);
        s.apply(A::SetPeriodKind(PeriodKind::Custom));
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(s.agreement.period, PeriodSpec::Custom { first_day: d(1, 1), last_day: d(3, 31) });
        s.apply(A::SetPeriodLastText("2025-12-31".into()));
        assert_eq!(rule_at(&s, "period"), vec![AgreementError::PeriodEndsBeforeStart { first: d(1, 1), last: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap() }]);
        s.apply(A::SetPeriodFirstText("2025-12-01".into()));
        assert!(s.field_errors().is_empty());
        s.apply(A::SetPeriodFirstText("yesterday".into()));
        assert_eq!(s.errors_at("period.first_day"), vec![FieldProblem::NotADate("yesterday".into())]);
        s.apply(A::SetPeriodKind(PeriodKind::Year));
        assert_eq!(s.agreement.period, PeriodSpec::Year);
        assert!(s.field_errors().is_empty(), "leaving custom drops its texts");
    }

    #[test]
    fn priorities_rows_targets_clocks_and_penalties() {
        let mut s = sample();
        s.apply(A::AddPriority);
        assert_eq!(s.agreement.priorities.len(), 5);
        assert_eq!(s.agreement.priorities[4].name, "P5");
        s.apply(A::SetPriorityName(4, "p1".into()));
        assert_eq!(rule_at(&s, "priorities[4].name"), vec![AgreementError::DuplicatePriority("p1".into())]);
        s.apply(A::SetPriorityName(4, " ".into()));
        assert_eq!(rule_at(&s, "priorities[4].name"), vec![AgreementError::UnnamedPriority]);
        s.apply(A::SetPriorityName(4, "P5".into()));
        s.apply(A::SetWithinText(4, TargetKind::Respond, "soon".into()));
        assert!(matches!(s.errors_at("priorities[4].respond.within")[..], [FieldProblem::Span(SpanError::Unreadable(_))]));
        s.apply(A::SetWithinText(4, TargetKind::Respond, "1h 30m".into()));
        assert_eq!(s.agreement.priorities[4].respond.as_ref().unwrap().within, Span::from_minutes(90));
        s.apply(A::SetClock(4, TargetKind::Respond, Clock::AroundTheClock));
        s.apply(A::SetPenaltyText(4, TargetKind::Respond, "-5".into()));
        assert_eq!(rule_at(&s, "priorities[4].respond.penalty"), vec![AgreementError::BadAmount { what: "the penalty per breach", value: -5.0 }]);
        s.apply(A::SetPenaltyText(4, TargetKind::Respond, "50".into()));
        let r = s.agreement.priorities[4].respond.clone().unwrap();
        assert_eq!((r.clock, r.penalty), (Clock::AroundTheClock, 50.0));
        // Empty "within" removes the target; typing again brings it back.
        s.apply(A::SetWithinText(4, TargetKind::Resolve, "".into()));
        assert_eq!(s.agreement.priorities[4].resolve, None);
        s.apply(A::SetPenaltyText(4, TargetKind::Resolve, "9".into()));
        assert!(!s.texts.contains_key("priorities[4].resolve.penalty"), "no penalty without a target");
        s.apply(A::SetWithinText(4, TargetKind::Resolve, "2d".into()));
        assert_eq!(s.agreement.priorities[4].resolve.as_ref().unwrap().within, Span::from_hours(48));
        // Removing a row moves later rows' texts up.
        s.apply(A::SetWithinText(4, TargetKind::Respond, "bad".into()));
        s.apply(A::RemovePriority(0));
        assert_eq!(s.agreement.priorities.len(), 4);
        assert_eq!(s.text_or("priorities[3].respond.within", String::new), "bad");
        s.apply(A::RemovePriority(9));
        assert_eq!(s.agreement.priorities.len(), 4);
    }

    #[test]
    fn maintenance_one_off_and_weekly() {
        let mut s = sample();
        s.apply(A::AddMaintenance(MaintenanceKind::OneOff));
        assert!(s.field_errors().is_empty());
        s.apply(A::SetMaintenanceTitle(1, "DB upgrade".into()));
        s.apply(A::SetMaintenanceStartText(1, "2026-03-14T22:00".into()));
        s.apply(A::SetMaintenanceEndText(1, "2026-03-14T21:00".into()));
        assert!(matches!(rule_at(&s, "maintenance[1]")[..], [AgreementError::EndsBeforeStart { .. }]));
        s.apply(A::SetMaintenanceEndText(1, "2026-03-15 02:00".into()));
        assert!(s.field_errors().is_empty());
        let MaintenanceWindow::OneOff { title, start, end } = &s.agreement.maintenance[1] else { panic!() };
        assert_eq!((title.as_str(), format_local_datetime(start).as_str(), format_local_datetime(end).as_str()), ("DB upgrade", "2026-03-14T22:00", "2026-03-15T02:00"));
        s.apply(A::SetMaintenanceStartText(1, "next week".into()));
        assert_eq!(s.errors_at("maintenance[1].start"), vec![FieldProblem::NotADateTime("next week".into())]);
        // Weekly: days and times.
        s.apply(A::ToggleMaintenanceDay(0, Weekday::Sun));
        assert_eq!(rule_at(&s, "maintenance[0]"), vec![AgreementError::NoDays]);
        s.apply(A::ToggleMaintenanceDay(0, Weekday::Sat));
        s.apply(A::SetMaintenanceEndText(0, "01:00".into()));
        assert!(matches!(rule_at(&s, "maintenance[0]")[..], [AgreementError::EndsBeforeStart { .. }]));
        s.apply(A::SetMaintenanceEndText(0, "05:00".into()));
        s.apply(A::AddMaintenance(MaintenanceKind::Weekly));
        assert_eq!(s.agreement.maintenance.len(), 3);
        s.apply(A::RemoveMaintenance(1));
        assert_eq!(s.agreement.maintenance.len(), 2);
        assert!(s.field_errors().is_empty(), "the bad start text went with its window: {:?}", s.field_errors());
    }

    #[test]
    fn impact_weights() {
        let mut s = sample();
        s.apply(A::SetPartialWeightText("50 %".into()));
        s.apply(A::SetDegradedWeightText("120".into()));
        assert_eq!(s.agreement.impact.partial_outage_percent, 50.0);
        assert!(matches!(rule_at(&s, "impact.degraded_percent")[..], [AgreementError::PercentOutOfRange { .. }]));
        s.apply(A::SetDegradedWeightText("x".into()));
        assert_eq!(s.errors_at("impact.degraded_percent"), vec![FieldProblem::NotANumber("x".into())]);
    }

    #[test]
    fn credits_fields_and_overlapping_tiers() {
        let mut s = sample();
        s.apply(A::SetFeeText("15000".into()));
        s.apply(A::SetCurrency("USD".into()));
        s.apply(A::SetCapText("30".into()));
        s.apply(A::SetMinimumText("10".into()));
        let c = &s.agreement.credits;
        assert_eq!((c.fee_per_period, c.currency.as_str(), c.cap_percent, c.minimum_amount), (15000.0, "USD", 30.0, 10.0));
        s.apply(A::SetFeeText("-1".into()));
        assert!(matches!(rule_at(&s, "credits.fee_per_period")[..], [AgreementError::BadAmount { .. }]));
        s.apply(A::SetFeeText("15000".into()));
        // Tier 1 takes tier 0's threshold: the tiers overlap.
        s.apply(A::SetTierBelowText(1, "99.9".into()));
        assert_eq!(rule_at(&s, "credits.tiers[1]"), vec![AgreementError::DuplicateTier(99.9)]);
        s.apply(A::SetTierBelowText(1, "99.5".into()));
        s.apply(A::SetTierCreditText(1, "5".into()));
        assert!(matches!(rule_at(&s, "credits.tiers[1]")[..], [AgreementError::TiersOutOfOrder { .. }]));
        s.apply(A::SetTierCreditText(1, "25".into()));
        assert!(s.field_errors().is_empty());
        s.apply(A::AddTier);
        assert_eq!(s.agreement.credits.tiers[3], CreditTier { below_percent: 98.0, credit_percent: 50.0 });
        assert!(s.field_errors().is_empty());
        s.apply(A::SetTierCreditText(3, "abc".into()));
        s.apply(A::RemoveTier(0));
        assert_eq!(s.agreement.credits.tiers.len(), 3);
        assert_eq!(s.errors_at("credits.tiers[2].credit_percent"), vec![FieldProblem::NotANumber("abc".into())]);
        for _ in 0..3 {
            s.apply(A::RemoveTier(0));
        }
        s.apply(A::AddTier);
        assert_eq!(s.agreement.credits.tiers, vec![CreditTier { below_percent: 99.9, credit_percent: 10.0 }]);
    }

    #[test]
    fn presets_set_hours_target_and_tiers() {
        let mut s = sample();
        s.apply(A::SetTargetText("abc".into()));
        s.apply(A::ApplyPreset(Preset::BusinessHours995));
        assert_eq!(s.agreement.availability_target_percent, 99.5);
        assert_eq!(s.target_text, "99.5");
        assert_eq!(s.agreement.availability_hours.hours, Hours::Weekly(business_hours()));
        assert_eq!(s.agreement.support_hours.hours, Hours::Weekly(business_hours()));
        assert_eq!(s.agreement.support_hours.holidays.len(), 8, "holidays are kept");
        s.apply(A::ApplyPreset(Preset::AroundTheClock999));
        assert_eq!(s.agreement.availability_hours.hours, Hours::TwentyFourSeven);
        assert_eq!(s.agreement.support_hours.hours, Hours::TwentyFourSeven);
        assert_eq!(s.agreement.availability_target_percent, 99.9);
        for p in CreditPreset::ALL {
            s.apply(A::SetTierBelowText(0, "x".into()));
            s.apply(A::ApplyPreset(Preset::Credits(p)));
            assert_eq!((s.agreement.availability_target_percent, s.agreement.credits.tiers.clone()), p.table());
            assert!(s.field_errors().is_empty(), "{p:?}: {:?}", s.field_errors());
        }
        assert_eq!(Preset::all().len(), 2 + CreditPreset::ALL.len());
        assert_eq!(s.agreement.credits.fee_per_period, 12_000.0, "a credit table keeps the fee");
    }

    #[test]
    fn export_imports_again() {
        let mut s = sample();
        s.apply(A::SetService("Search API".into()));
        s.apply(A::AddMaintenance(MaintenanceKind::OneOff));
        s.apply(A::SetPeriodKind(PeriodKind::Custom));
        let json = export_json(&s.agreement).unwrap();
        let mut t = AgreementState::from_agreement(Agreement::default());
        t.apply(A::ImportJson(json));
        assert_eq!(t.agreement, s.agreement);
        assert_eq!(t.import, Some(ImportStatus::Imported));
        assert_eq!(export_file_name(&s.agreement), "search-api-agreement.json");
        assert_eq!(export_file_name(&Agreement { service: " ¿? ".into(), ..Agreement::default() }), "agreement.json");
        // A byte-order mark is fine, and `{}` is the default agreement.
        t.apply(A::ImportJson("\u{feff}{}".into()));
        assert_eq!(t.agreement, Agreement::default());
    }

    #[test]
    fn a_broken_file_is_refused_with_its_place_and_the_agreement_kept() {
        let mut s = sample();
        s.apply(A::SetTargetText("99.x".into()));
        let before = s.clone();
        s.apply(A::ImportJson("{\n  \"service\": \"X\",\n  \"targett\": 99\n}".into()));
        let Some(ImportStatus::Failed(ImportProblem::Syntax { line, column, message })) = &s.import else { panic!("{:?}", s.import) };
        assert_eq!(*line, 3);
        assert!(*column > 0);
        assert!(message.contains("targett") && !message.contains(" at line"), "{message}");
        assert_eq!(s.agreement, before.agreement);
        assert_eq!(s.target_text, "99.x", "the typed texts are kept too");
        s.apply(A::ImportJson("{\"schema\": \"sla-agreement/9\"}".into()));
        assert_eq!(s.import, Some(ImportStatus::Failed(ImportProblem::Schema(AgreementError::UnsupportedSchema("sla-agreement/9".into())))));
        s.apply(A::ImportJson("".into()));
        assert!(matches!(s.import, Some(ImportStatus::Failed(ImportProblem::Syntax { line: 1, .. }))));
        s.apply(A::ImportReadFailed("denied".into()));
        assert_eq!(s.import, Some(ImportStatus::Failed(ImportProblem::Read("denied".into()))));
        assert_eq!(s.agreement, before.agreement);
        // An imported file's rule problems are shown at their fields, not refused.
        s.apply(A::ImportJson("{\"availability_target_percent\": 100.5}".into()));
        assert_eq!(s.import, Some(ImportStatus::Imported));
        assert_eq!(s.target_text, "100.5");
        assert_eq!(rule_at(&s, TARGET_PATH).len(), 1);
    }

    #[test]
    fn replace_resets_the_texts() {
        let mut s = sample();
        s.apply(A::SetFeeText("x".into()));
        s.apply(A::Replace(Box::default()));
        assert_eq!(s, AgreementState::from_agreement(Agreement::default()));
    }

    #[test]
    fn numbers_dates_and_times_parse_as_typed() {
        assert_eq!(parse_number(" 99.95 % "), Ok(99.95));
        assert_eq!(parse_number("inf"), Err(FieldProblem::NotANumber("inf".into())));
        assert_eq!(parse_number(""), Err(FieldProblem::Empty));
        assert!(parse_local_datetime("2026-03-14T22:00:30").is_ok());
        assert_eq!(format_local_datetime(&parse_local_datetime("2026-03-14T22:00:30").unwrap()), "2026-03-14T22:00:30");
        assert_eq!(parse_time(""), Err(FieldProblem::Empty));
        assert_eq!(parse_time("24:00"), Ok(TimeOfDay::END_OF_DAY));
    }
}
