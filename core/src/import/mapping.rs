//! Which source column feeds which incident field, how source values translate (priorities,
//! impacts, statuses), and the presets for the exports of common tools.
//!
//! A [`ColumnMapping`] is plain data (serde), saved with the agreement so the next import of the
//! same tool's file needs no questions. [`Preset::detect`] recognises a tool from the header;
//! [`Preset::mapping`] builds its mapping from the columns actually present; for other files
//! [`Preset::Generic`] guesses from common header names (`start`, `opened`, `created`, `end`,
//! `duration`, …).

use crate::json::{FromJson, Json, JsonError};
use crate::model::Impact;
use serde::Serialize;

/// The tool an export comes from, deciding the default mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Jira Service Management issue CSV (`Issue key`, `Summary`, `Created`, `Resolved`, …).
    JiraServiceManagement,
    /// ServiceNow incident table export (`number`, `opened_at`, `resolved_at`, `state`, …).
    ServiceNow,
    /// PagerDuty incident analytics export (`incident_number`, `created_at`,
    /// `seconds_to_first_ack`, `seconds_to_resolve`, …).
    PagerDuty,
    /// Opsgenie alerts (`tinyId`, `message`, `createdAt`, `updatedAt`, `priority`, …).
    Opsgenie,
    /// Atlassian Statuspage incidents JSON (`id`, `name`, `impact`, `created_at`, …).
    Statuspage,
    /// Any other file: columns guessed from their names.
    Generic,
}

impl Preset {
    /// Every preset, for a picker.
    pub const ALL: [Preset; 6] = [
        Preset::JiraServiceManagement,
        Preset::ServiceNow,
        Preset::PagerDuty,
        Preset::Opsgenie,
        Preset::Statuspage,
        Preset::Generic,
    ];

    /// A name to show, e.g. "Jira Service Management".
    pub fn label(self) -> &'static str {
        match self {
            Preset::JiraServiceManagement => "Jira Service Management",
            Preset::ServiceNow => "ServiceNow",
            Preset::PagerDuty => "PagerDuty",
            Preset::Opsgenie => "Opsgenie",
            Preset::Statuspage => "Atlassian Statuspage",
            Preset::Generic => "generic (columns guessed from their names)",
        }
    }

    fn signature(self) -> &'static [&'static [&'static str]] {
        match self {
            Preset::JiraServiceManagement => &[
                &["Issue key"],
                &["Issue id"],
                &["Issue Type"],
                &["Summary"],
                &["Created"],
                &["Resolved"],
                &["Priority"],
                &["Status"],
                &["Reporter"],
                &["Resolution"],
            ],
            Preset::ServiceNow => &[
                &["number"],
                &["short_description", "Short description"],
                &["opened_at", "Opened"],
                &["state"],
                &["urgency"],
                &["impact"],
                &["resolved_at"],
                &["closed_at"],
                &["assignment_group", "Assignment group"],
                &["cmdb_ci", "Configuration item"],
                &["business_service"],
            ],
            Preset::PagerDuty => &[
                &["incident_number"],
                &["title"],
                &["urgency"],
                &["status"],
                &["service_name"],
                &["created_at"],
                &["resolved_at"],
                &["seconds_to_first_ack"],
                &["seconds_to_resolve"],
                &["escalation_count"],
            ],
            Preset::Opsgenie => &[
                &["tinyId"],
                &["alias"],
                &["message"],
                &["status"],
                &["acknowledged"],
                &["createdAt"],
                &["updatedAt"],
                &["priority"],
                &["tags"],
            ],
            Preset::Statuspage => &[
                &["id"],
                &["name"],
                &["status"],
                &["impact"],
                &["created_at"],
                &["monitoring_at"],
                &["resolved_at"],
                &["shortlink"],
                &["page_id"],
                &["components"],
                &["incident_updates"],
            ],
            Preset::Generic => &[],
        }
    }

    /// Recognises the tool from the header: the preset whose characteristic column names are
    /// most fully present (at least half of them and at least four), else [`Preset::Generic`].
    pub fn detect(columns: &[String]) -> Preset {
        let mut best = (Preset::Generic, 0.0);
        for p in Preset::ALL {
            let sig = p.signature();
            if sig.is_empty() {
                continue;
            }
            let hits = sig
                .iter()
                .filter(|alts| alts.iter().any(|a| find(columns, a).is_some()))
                .count();
            let score = hits as f64 / sig.len() as f64;
            if hits >= 4 && score >= 0.5 && score > best.1 {
                best = (p, score);
            }
        }
        best.0
    }

    /// The mapping this preset uses for a file with these columns.
    pub fn mapping(self, columns: &[String]) -> ColumnMapping {
        let f = |names: &[&str]| names.iter().find_map(|n| find(columns, n));
        let at = |names: &[&str]| f(names).map(TimeSource::At);
        let after = |names: &[&str], unit: NumberUnit| f(names).map(|column| TimeSource::After { column, unit });
        let rules = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(from, to)| ValueRule {
                    from: from.to_string(),
                    to: to.to_string(),
                })
                .collect()
        };
        let impacts = |pairs: &[(&str, Impact)]| {
            pairs
                .iter()
                .map(|(from, impact)| ImpactRule {
                    from: from.to_string(),
                    impact: *impact,
                })
                .collect()
        };
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        match self {
            Preset::JiraServiceManagement => ColumnMapping {
                id: f(&["Issue key", "Issue id"]),
                title: f(&["Summary"]),
                start: f(&["Created"]),
                resolved: at(&["Resolved"]),
                priority: f(&["Priority"]),
                impact: f(&["Custom field (Impact)", "Impact"]),
                service: f(&["Component/s", "Components", "Custom field (Affected services)"]),
                status: f(&["Status"]),
                category: f(&[
                    "Custom field (Root cause)",
                    "Custom field (Root Cause)",
                    "Root cause",
                    "Category",
                ]),
                csat: f(&["Satisfaction", "Custom field (Satisfaction)", "Satisfaction rating"]),
                priority_values: rules(&[
                    ("Highest", "P1"),
                    ("Blocker", "P1"),
                    ("Critical", "P1"),
                    ("High", "P2"),
                    ("Major", "P2"),
                    ("Medium", "P3"),
                    ("Low", "P4"),
                    ("Minor", "P4"),
                    ("Lowest", "P5"),
                    ("Trivial", "P5"),
                ]),
                impact_values: impacts(&[
                    ("Extensive / Widespread", Impact::FullOutage),
                    ("Extensive", Impact::FullOutage),
                    ("Significant / Large", Impact::PartialOutage),
                    ("Significant", Impact::PartialOutage),
                    ("Moderate / Limited", Impact::Degraded),
                    ("Moderate", Impact::Degraded),
                    ("Minor / Localized", Impact::Degraded),
                    ("Minor", Impact::Degraded),
                ]),
                excluded_statuses: list(&["Canceled", "Cancelled", "Declined"]),
                ..ColumnMapping::default()
            },
            Preset::ServiceNow => ColumnMapping {
                id: f(&["number"]),
                title: f(&["short_description", "Short description"]),
                start: f(&["opened_at", "Opened"]),
                resolved: at(&["resolved_at", "Resolved", "closed_at", "Closed"]),
                priority: f(&["priority"]),
                impact: f(&["impact"]),
                service: f(&["business_service", "Service", "cmdb_ci", "Configuration item"]),
                status: f(&["state", "incident_state"]),
                category: f(&["close_code", "Close code", "Resolution code", "category", "Category"]),
                csat: f(&["u_satisfaction", "Satisfaction", "survey_score"]),
                priority_values: rules(&[
                    ("1", "P1"),
                    ("Critical", "P1"),
                    ("2", "P2"),
                    ("High", "P2"),
                    ("3", "P3"),
                    ("Moderate", "P3"),
                    ("4", "P4"),
                    ("Low", "P4"),
                    ("5", "P5"),
                    ("Planning", "P5"),
                ]),
                impact_values: impacts(&[
                    ("1", Impact::FullOutage),
                    ("High", Impact::FullOutage),
                    ("2", Impact::PartialOutage),
                    ("Medium", Impact::PartialOutage),
                    ("3", Impact::Degraded),
                    ("Low", Impact::Degraded),
                ]),
                excluded_statuses: list(&["8", "Canceled", "Cancelled"]),
                ..ColumnMapping::default()
            },
            Preset::PagerDuty => ColumnMapping {
                id: f(&["incident_number", "id"]),
                title: f(&["title", "description"]),
                start: f(&["created_at", "started_at"]),
                acknowledged: after(&["seconds_to_first_ack"], NumberUnit::Seconds),
                resolved: at(&["resolved_at"]).or_else(|| after(&["seconds_to_resolve"], NumberUnit::Seconds)),
                priority: f(&["priority", "priority_name", "urgency"]),
                service: f(&["service_name"]),
                status: f(&["status"]),
                priority_values: rules(&[("high", "P1"), ("low", "P3")]),
                ..ColumnMapping::default()
            },
            Preset::Opsgenie => ColumnMapping {
                id: f(&["tinyId", "id", "alias"]),
                title: f(&["message"]),
                start: f(&["createdAt"]),
                acknowledged: after(&["report.ackTime"], NumberUnit::Milliseconds),
                resolved: after(&["report.closeTime"], NumberUnit::Milliseconds).or_else(|| at(&["updatedAt"])),
                priority: f(&["priority"]),
                service: f(&["entity", "source"]),
                status: f(&["status"]),
                closed_statuses: list(&["closed"]),
                ..ColumnMapping::default()
            },
            Preset::Statuspage => ColumnMapping {
                id: f(&["id"]),
                title: f(&["name"]),
                start: f(&["started_at", "created_at"]),
                restored: at(&["monitoring_at"]),
                resolved: at(&["resolved_at"]),
                impact: f(&["impact"]),
                service: f(&["components"]),
                status: f(&["status"]),
                planned: f(&["scheduled_for"]),
                impact_values: impacts(&[
                    ("none", Impact::None),
                    ("minor", Impact::PartialOutage),
                    ("major", Impact::FullOutage),
                    ("critical", Impact::FullOutage),
                    ("maintenance", Impact::None),
                ]),
                exclude_no_impact: true,
                ..ColumnMapping::default()
            },
            Preset::Generic => guess(columns),
        }
    }
}

/// Finds a column by name, ignoring case and surrounding blanks; returns the file's spelling.
fn find(columns: &[String], name: &str) -> Option<String> {
    columns.iter().find(|c| c.trim().eq_ignore_ascii_case(name)).cloned()
}

fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .map(crate::lower::lower)
        .collect()
}

/// Guesses a mapping from header names alone.
fn guess(columns: &[String]) -> ColumnMapping {
    let norm: Vec<String> = columns.iter().map(|c| normalise(c)).collect();
    let mut used = vec![false; columns.len()];
    let mut pick = |candidates: &[&str]| -> Option<String> {
        for cand in candidates {
            if let Some(i) = norm.iter().enumerate().position(|(i, n)| !used[i] && n == cand) {
                used[i] = true;
                return Some(columns[i].clone());
            }
        }
        None
    };
    let start = pick(&[
        "start",
        "started",
        "startedat",
        "starttime",
        "startdate",
        "startat",
        "begin",
        "began",
        "beginning",
        "outagestart",
        "downtimestart",
        "incidentstart",
        "opened",
        "openedat",
        "openedon",
        "created",
        "createdat",
        "createdon",
        "createddate",
        "creationdate",
        "detected",
        "detectedat",
        "occurred",
        "occurredat",
        "reported",
        "reportedat",
        "when",
        "from",
        "datetime",
        "timestamp",
        "time",
        "date",
    ]);
    let restored_at = pick(&[
        "end",
        "ended",
        "endedat",
        "endtime",
        "enddate",
        "endat",
        "outageend",
        "downtimeend",
        "restored",
        "restoredat",
        "recovered",
        "recoveredat",
        "mitigated",
        "mitigatedat",
        "until",
        "to",
    ]);
    let resolved_at = pick(&[
        "resolved",
        "resolvedat",
        "resolvedon",
        "resolveddate",
        "resolutiondate",
        "resolutiontime",
        "closed",
        "closedat",
        "closedon",
        "fixed",
        "fixedat",
    ]);
    let duration_units: [(&[&str], NumberUnit); 4] = [
        (
            &["durationms", "durationmillis", "durationmilliseconds"],
            NumberUnit::Milliseconds,
        ),
        (
            &[
                "durationmin",
                "durationmins",
                "durationminutes",
                "downtimeminutes",
                "minutes",
                "downtimemin",
            ],
            NumberUnit::Minutes,
        ),
        (
            &["durationh", "durationhours", "downtimehours", "hours"],
            NumberUnit::Hours,
        ),
        (
            &[
                "duration",
                "durations",
                "durationsec",
                "durationseconds",
                "downtime",
                "downtimeseconds",
                "length",
                "outageduration",
                "seconds",
            ],
            NumberUnit::Seconds,
        ),
    ];
    let mut duration = None;
    if restored_at.is_none() {
        for (names, unit) in duration_units {
            if let Some(column) = pick(names) {
                duration = Some(TimeSource::After { column, unit });
                break;
            }
        }
    }
    let acknowledged = pick(&[
        "acknowledged",
        "acknowledgedat",
        "ackedat",
        "acked",
        "acktime",
        "ack",
        "responded",
        "respondedat",
        "firstresponse",
        "firstresponseat",
        "responsetime",
    ]);
    ColumnMapping {
        id: pick(&[
            "id",
            "incidentid",
            "incidentnumber",
            "incident",
            "number",
            "key",
            "issuekey",
            "ticket",
            "ticketid",
            "ref",
            "reference",
            "no",
        ]),
        title: pick(&[
            "title",
            "summary",
            "name",
            "subject",
            "shortdescription",
            "description",
            "message",
        ]),
        start,
        acknowledged: acknowledged.map(TimeSource::At),
        restored: restored_at.map(TimeSource::At).or(duration),
        resolved: resolved_at.map(TimeSource::At),
        priority: pick(&["priority", "prio", "severity", "sev", "urgency", "level"]),
        impact: pick(&["impact", "impactlevel", "effect"]),
        service: pick(&[
            "service",
            "services",
            "servicename",
            "component",
            "components",
            "system",
            "application",
            "app",
            "ci",
            "affectedservice",
            "product",
        ]),
        planned: pick(&["planned", "isplanned", "maintenance", "scheduled", "plannedmaintenance"]),
        status: pick(&["status", "state"]),
        category: pick(&[
            "category",
            "categories",
            "cause",
            "rootcause",
            "causecode",
            "closecode",
            "resolutioncode",
            "reason",
            "類別",
            "类别",
            "分類",
            "分类",
            "原因",
            "根本原因",
            "根因",
        ]),
        csat: pick(&[
            "csat",
            "csatscore",
            "satisfaction",
            "satisfactionscore",
            "satisfactionrating",
            "customersatisfaction",
            "surveyscore",
            "survey",
            "rating",
            "滿意度",
            "满意度",
            "客戶滿意度",
            "客户满意度",
        ]),
        excluded_statuses: vec!["Canceled".into(), "Cancelled".into()],
        ..ColumnMapping::default()
    }
}

/// Where one of the incident's later times comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeSource {
    /// A column of timestamps.
    At(String),
    /// A column of durations counted from the start: `1h 30m`, `01:30:00`, or a plain number in
    /// `unit` (PagerDuty's `seconds_to_resolve`, a generic `duration` column).
    After {
        /// The column.
        column: String,
        /// What a plain number counts.
        #[serde(default)]
        unit: NumberUnit,
    },
}

impl TimeSource {
    /// The source column's name.
    pub fn column(&self) -> &str {
        match self {
            TimeSource::At(c) => c,
            TimeSource::After { column, .. } => column,
        }
    }
}

/// What a plain number in a duration column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NumberUnit {
    /// Seconds (`5400` = 1 h 30 min).
    #[default]
    Seconds,
    /// Milliseconds (Opsgenie's report times).
    Milliseconds,
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
}

impl NumberUnit {
    /// Seconds in one unit.
    pub fn seconds(self) -> f64 {
        match self {
            NumberUnit::Seconds => 1.0,
            NumberUnit::Milliseconds => 0.001,
            NumberUnit::Minutes => 60.0,
            NumberUnit::Hours => 3600.0,
        }
    }
}

/// A source value and what it becomes, e.g. `Highest` → `P1`. Matching ignores case and
/// surrounding blanks; a value like `1 - Critical` also matches a rule for `1` or `Critical`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueRule {
    /// The value as the source writes it.
    pub from: String,
    /// What the incident gets.
    pub to: String,
}

/// A source value and the impact it means, e.g. Statuspage `minor` → partial outage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpactRule {
    /// The value as the source writes it.
    pub from: String,
    /// The impact.
    pub impact: Impact,
}

/// Which source column feeds each incident field, and how values translate.
///
/// Only `start` is required. The downtime end is `restored` (a timestamp, or a duration after
/// the start such as a `duration` column); without it the engine uses `resolved`.
///
/// Rows are **excluded** (kept out of the incidents, listed with the rule) when
/// - every field is blank (`empty row`);
/// - the `status` value is one of `excluded_statuses` (e.g. ServiceNow state `8` / Canceled);
/// - `exclude_no_impact` is set and the impact maps to [`Impact::None`] (Statuspage `none`).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ColumnMapping {
    /// Incident identifier; without it incidents are named after their row (`row 17`).
    pub id: Option<String>,
    /// Short description.
    pub title: Option<String>,
    /// When the incident began (required).
    pub start: Option<String>,
    /// First acknowledgement or response.
    pub acknowledged: Option<TimeSource>,
    /// End of the downtime ("end", "restored", or a duration).
    pub restored: Option<TimeSource>,
    /// Resolved or closed.
    pub resolved: Option<TimeSource>,
    /// Priority; values pass through `priority_values`, unmatched values are kept as written.
    pub priority: Option<String>,
    /// Impact; values pass through `impact_values`, then the built-in words (see
    /// [`builtin_impact`]); an unknown value rejects the row.
    pub impact: Option<String>,
    /// Service or component.
    pub service: Option<String>,
    /// Planned work: any value other than blank, `false`, `no`, `n`, `0`, `unplanned` or `none`
    /// marks the incident as planned.
    pub planned: Option<String>,
    /// Status, used by `excluded_statuses` and `closed_statuses`.
    pub status: Option<String>,
    /// Priority translations.
    pub priority_values: Vec<ValueRule>,
    /// Impact translations.
    pub impact_values: Vec<ImpactRule>,
    /// Status values that exclude the row.
    pub excluded_statuses: Vec<String>,
    /// When not empty: only rows whose status is one of these get `restored`/`resolved` times;
    /// others stay open (Opsgenie's `updatedAt` is the close time only for closed alerts).
    pub closed_statuses: Vec<String>,
    /// Exclude rows whose impact is none.
    pub exclude_no_impact: bool,
    /// Cause or category (ServiceNow `close_code`, a "Root cause" or "Category" column).
    pub category: Option<String>,
    /// Customer satisfaction score (a number, e.g. 1–5); a cell that is not a number is read
    /// as no score and the incident is still imported.
    pub csat: Option<String>,
}

impl ColumnMapping {
    /// Every (what, column) pair the mapping uses, for checking against the file's columns.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        let all: [(&'static str, Option<&str>); 13] = [
            ("the incident id", self.id.as_deref()),
            ("the title", self.title.as_deref()),
            ("the start time", self.start.as_deref()),
            (
                "the acknowledged time",
                self.acknowledged.as_ref().map(TimeSource::column),
            ),
            ("the restored time", self.restored.as_ref().map(TimeSource::column)),
            ("the resolved time", self.resolved.as_ref().map(TimeSource::column)),
            ("the priority", self.priority.as_deref()),
            ("the impact", self.impact.as_deref()),
            ("the service", self.service.as_deref()),
            ("planned work", self.planned.as_deref()),
            ("the status", self.status.as_deref()),
            ("the category", self.category.as_deref()),
            ("the satisfaction score", self.csat.as_deref()),
        ];
        all.into_iter().filter_map(|(what, c)| c.map(|c| (what, c))).collect()
    }

    /// The priority an incident gets for `value` (already trimmed, not empty).
    pub fn map_priority<'v>(&'v self, value: &'v str) -> &'v str {
        lookup(&self.priority_values, value, |r| &r.from)
            .map(|r| r.to.as_str())
            .unwrap_or(value)
    }

    /// The impact for `value`, or None when neither a rule nor a built-in word matches.
    pub fn map_impact(&self, value: &str) -> Option<Impact> {
        lookup(&self.impact_values, value, |r| &r.from)
            .map(|r| r.impact)
            .or_else(|| builtin_impact(value))
    }

    /// Whether `status` is in `list`.
    pub fn status_in(list: &[String], status: &str) -> bool {
        lookup(list, status, |s| s).is_some()
    }
}

fn lookup<'r, R>(rules: &'r [R], value: &str, key: impl Fn(&R) -> &str) -> Option<&'r R> {
    if rules.is_empty() {
        return None;
    }
    let value = value.trim();
    rules
        .iter()
        .find(|r| key(r).trim().eq_ignore_ascii_case(value))
        .or_else(|| {
            // ServiceNow display values: "1 - Critical" matches "1" or "Critical".
            let dash = value.as_bytes().windows(3).position(|w| w == b" - ")?;
            let (code, label) = (&value[..dash], &value[dash + 3..]);
            rules.iter().find(|r| {
                let k = key(r).trim();
                k.eq_ignore_ascii_case(code.trim()) || k.eq_ignore_ascii_case(label.trim())
            })
        })
}

/// The impact words understood in any mapping (case-insensitive): `full_outage`, `full`,
/// `outage`, `down`, `major`, `critical`, `total` → full outage; `partial_outage`, `partial`,
/// `minor` → partial outage; `degraded`, `degradation`, `performance`, `slow` → degraded;
/// `none`, `no impact`, `informational`, `info` → none.
pub fn builtin_impact(value: &str) -> Option<Impact> {
    const WORDS: [(&str, Impact); 19] = [
        ("full_outage", Impact::FullOutage),
        ("full outage", Impact::FullOutage),
        ("full", Impact::FullOutage),
        ("outage", Impact::FullOutage),
        ("down", Impact::FullOutage),
        ("major", Impact::FullOutage),
        ("critical", Impact::FullOutage),
        ("total", Impact::FullOutage),
        ("partial_outage", Impact::PartialOutage),
        ("partial outage", Impact::PartialOutage),
        ("partial", Impact::PartialOutage),
        ("minor", Impact::PartialOutage),
        ("degraded", Impact::Degraded),
        ("degradation", Impact::Degraded),
        ("performance", Impact::Degraded),
        ("slow", Impact::Degraded),
        ("none", Impact::None),
        ("no impact", Impact::None),
        ("informational", Impact::None),
    ];
    let v = value.trim();
    WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(v))
        .map(|(_, i)| *i)
        .or_else(|| v.eq_ignore_ascii_case("info").then_some(Impact::None))
}

/// Whether a planned-column value means "planned".
pub(crate) fn is_planned(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty()
        && !["false", "no", "n", "0", "unplanned", "none", "null"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(v))
}

/// Preset names as serde writes them (`rename_all = "snake_case"`).
const PRESET_NAMES: [(&str, Preset); 6] = [
    ("jira_service_management", Preset::JiraServiceManagement),
    ("service_now", Preset::ServiceNow),
    ("pager_duty", Preset::PagerDuty),
    ("opsgenie", Preset::Opsgenie),
    ("statuspage", Preset::Statuspage),
    ("generic", Preset::Generic),
];

impl FromJson for Preset {
    fn from_json(j: &Json) -> Result<Preset, JsonError> {
        j.variant(&PRESET_NAMES)
    }
}

/// Unit names as serde writes them.
const UNIT_NAMES: [(&str, NumberUnit); 4] = [
    ("seconds", NumberUnit::Seconds),
    ("milliseconds", NumberUnit::Milliseconds),
    ("minutes", NumberUnit::Minutes),
    ("hours", NumberUnit::Hours),
];

impl FromJson for NumberUnit {
    fn from_json(j: &Json) -> Result<NumberUnit, JsonError> {
        j.variant(&UNIT_NAMES)
    }
}

impl FromJson for TimeSource {
    /// `{"at": "column"}` or `{"after": {"column": "column", "unit": "minutes"}}` (serde's
    /// externally tagged form; `unit` defaults to seconds, other members are ignored).
    fn from_json(j: &Json) -> Result<TimeSource, JsonError> {
        const KINDS: &str = "`at` or `after`";
        match j.object_any()?.members {
            [(k, v)] => match k.name.as_str() {
                "at" => v.str().map(|c| TimeSource::At(c.to_string())),
                "after" => {
                    let o = v.object_any()?;
                    Ok(TimeSource::After { column: o.req("column")?, unit: o.or_default("unit")? })
                }
                other => Err(JsonError::new(k.at, format!("unknown variant `{other}`, expected {KINDS}"))),
            },
            _ => Err(j.error(format!("expected an object with one member, {KINDS}"))),
        }
    }
}

impl FromJson for ValueRule {
    fn from_json(j: &Json) -> Result<ValueRule, JsonError> {
        let o = j.object_any()?;
        Ok(ValueRule { from: o.req("from")?, to: o.req("to")? })
    }
}

impl FromJson for ImpactRule {
    fn from_json(j: &Json) -> Result<ImpactRule, JsonError> {
        let o = j.object_any()?;
        Ok(ImpactRule { from: o.req("from")?, impact: o.req("impact")? })
    }
}

impl FromJson for ColumnMapping {
    /// Every member optional (missing ones take the default), none other allowed.
    fn from_json(j: &Json) -> Result<ColumnMapping, JsonError> {
        let o = j.object(&[
            "id",
            "title",
            "start",
            "acknowledged",
            "restored",
            "resolved",
            "priority",
            "impact",
            "service",
            "planned",
            "status",
            "priority_values",
            "impact_values",
            "excluded_statuses",
            "closed_statuses",
            "exclude_no_impact",
            "category",
            "csat",
        ])?;
        let mut m = ColumnMapping::default();
        o.set("id", &mut m.id)?;
        o.set("title", &mut m.title)?;
        o.set("start", &mut m.start)?;
        o.set("acknowledged", &mut m.acknowledged)?;
        o.set("restored", &mut m.restored)?;
        o.set("resolved", &mut m.resolved)?;
        o.set("priority", &mut m.priority)?;
        o.set("impact", &mut m.impact)?;
        o.set("service", &mut m.service)?;
        o.set("planned", &mut m.planned)?;
        o.set("status", &mut m.status)?;
        o.set("priority_values", &mut m.priority_values)?;
        o.set("impact_values", &mut m.impact_values)?;
        o.set("excluded_statuses", &mut m.excluded_statuses)?;
        o.set("closed_statuses", &mut m.closed_statuses)?;
        o.set("exclude_no_impact", &mut m.exclude_no_impact)?;
        o.set("category", &mut m.category)?;
        o.set("csat", &mut m.csat)?;
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_presets_from_headers() {
        let jira = cols(&[
            "Summary",
            "Issue key",
            "Issue id",
            "Issue Type",
            "Status",
            "Priority",
            "Resolution",
            "Created",
            "Resolved",
        ]);
        assert_eq!(Preset::detect(&jira), Preset::JiraServiceManagement);
        let snow = cols(&[
            "number",
            "short_description",
            "state",
            "impact",
            "urgency",
            "priority",
            "opened_at",
            "resolved_at",
        ]);
        assert_eq!(Preset::detect(&snow), Preset::ServiceNow);
        let pd = cols(&[
            "incident_number",
            "title",
            "urgency",
            "status",
            "service_name",
            "created_at",
            "seconds_to_resolve",
        ]);
        assert_eq!(Preset::detect(&pd), Preset::PagerDuty);
        let og = cols(&[
            "tinyId",
            "alias",
            "message",
            "status",
            "acknowledged",
            "createdAt",
            "updatedAt",
            "priority",
        ]);
        assert_eq!(Preset::detect(&og), Preset::Opsgenie);
        assert_eq!(Preset::detect(&cols(&["start", "end", "title"])), Preset::Generic);
    }

    #[test]
    fn guesses_generic_columns() {
        let m = Preset::Generic.mapping(&cols(&[
            "Incident ID",
            "Opened",
            "Duration (min)",
            "Severity",
            "Service",
        ]));
        assert_eq!(m.id.as_deref(), Some("Incident ID"));
        assert_eq!(m.start.as_deref(), Some("Opened"));
        assert_eq!(
            m.restored,
            Some(TimeSource::After {
                column: "Duration (min)".into(),
                unit: NumberUnit::Minutes
            })
        );
        assert_eq!(m.priority.as_deref(), Some("Severity"));
        let m = Preset::Generic.mapping(&cols(&["start", "end", "created"]));
        assert_eq!(m.start.as_deref(), Some("start"));
        assert_eq!(m.restored, Some(TimeSource::At("end".into())));
    }

    #[test]
    fn maps_values() {
        let m = Preset::ServiceNow.mapping(&cols(&["number", "priority", "impact", "state", "opened_at"]));
        assert_eq!(m.map_priority("1 - Critical"), "P1");
        assert_eq!(m.map_priority("2"), "P2");
        assert_eq!(m.map_priority("Whatever"), "Whatever");
        assert_eq!(m.map_impact("3 - Low"), Some(Impact::Degraded));
        assert_eq!(m.map_impact("bogus"), None);
        assert!(ColumnMapping::status_in(&m.excluded_statuses, "8"));
        assert!(ColumnMapping::status_in(&m.excluded_statuses, "canceled"));
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(crate::json::from_str::<ColumnMapping>(&json).unwrap(), m);
        assert!(is_planned("yes") && !is_planned("No") && !is_planned(" "));
    }

    /// What serde writes, read back.
    fn back<T: FromJson + Serialize>(x: &T) -> T {
        let text = serde_json::to_string_pretty(x).unwrap();
        crate::json::from_str(&text).unwrap_or_else(|e| panic!("{e:?} in {text}"))
    }

    #[test]
    fn reads_back_every_preset_mapping() {
        // Every column name a preset looks for, so each fills as many fields as it can.
        let mut all: Vec<&str> = Preset::ALL.iter().flat_map(|p| p.signature().iter().flat_map(|a| a.iter().copied())).collect();
        all.extend(["Component/s", "Impact", "Custom field (Root cause)", "Satisfaction", "priority", "close_code"]);
        all.extend(["u_satisfaction", "report.ackTime", "report.closeTime", "entity", "started_at", "scheduled_for"]);
        let generic: [&[&str]; 4] = [
            &["Incident ID", "Opened", "Duration (min)", "Severity", "Service", "Planned", "Category", "CSAT"],
            &["start", "duration_ms", "title"],
            &["start", "hours", "ack"],
            &["start", "end", "resolved", "status", "impact"],
        ];
        for p in Preset::ALL {
            let sig: Vec<&str> = p.signature().iter().map(|a| a[0]).collect();
            for columns in [&all[..], &sig[..], &["seconds_to_first_ack", "seconds_to_resolve"][..]].into_iter().chain(generic) {
                let m = p.mapping(&cols(columns));
                assert_eq!(back(&m), m, "{p:?} {columns:?}");
            }
            assert_eq!(back(&p), p);
        }
    }

    #[test]
    fn reads_back_every_variant() {
        let after = |unit| Some(TimeSource::After { column: "d \"x\"\n".into(), unit });
        let mut m = ColumnMapping {
            id: Some("Issue key".into()),
            title: Some("Summary".into()),
            start: Some("Créé".into()),
            acknowledged: after(NumberUnit::Milliseconds),
            restored: after(NumberUnit::Minutes),
            resolved: Some(TimeSource::At("Resolved".into())),
            priority: Some("P".into()),
            impact: Some("I".into()),
            service: Some("S".into()),
            planned: Some("Planned".into()),
            status: Some("Status".into()),
            priority_values: vec![ValueRule { from: "High".into(), to: "P1".into() }],
            impact_values: Impact::ALL.iter().map(|&impact| ImpactRule { from: impact.key().into(), impact }).collect(),
            excluded_statuses: vec!["Canceled".into()],
            closed_statuses: vec!["closed".into(), "".into()],
            exclude_no_impact: true,
            category: Some("Cause".into()),
            csat: Some("滿意度".into()),
        };
        assert_eq!(back(&m), m);
        m.acknowledged = after(NumberUnit::Seconds);
        m.restored = after(NumberUnit::Hours);
        assert_eq!(back(&m), m);
        assert_eq!(back(&ColumnMapping::default()), ColumnMapping::default());
        for unit in [NumberUnit::Seconds, NumberUnit::Milliseconds, NumberUnit::Minutes, NumberUnit::Hours] {
            assert_eq!(back(&unit), unit);
        }
        for impact in Impact::ALL {
            assert_eq!(back(&impact), impact);
        }
    }

    /// These readers accept what serde's derives accepted, and read it the same. (Except that
    /// serde also took a struct's fields as a list, `["id", "title", ...]`, which no one writes.)
    #[test]
    fn accepts_what_serde_accepted() {
        let texts = [
            r#"{}"#,
            r#"{"id": null, "acknowledged": null, "exclude_no_impact": false}"#,
            r#"{"restored": {"after": {"column": "d"}}}"#,
            r#"{"restored": {"after": {"column": "d", "unit": "hours", "note": 1}}}"#,
            r#"{"resolved": {"at": "r"}, "priority_values": [{"from": "a", "to": "b", "note": 1}]}"#,
            r#"{"impact_values": [{"from": "a", "impact": "degraded", "x": []}]}"#,
            r#"{"idd": "x"}"#,
            r#"{"id": "a", "id": "b"}"#,
            r#"{"id": 1}"#,
            r#"{"priority_values": null}"#,
            r#"{"exclude_no_impact": null}"#,
            r#"{"restored": "end"}"#,
            r#"{"restored": {}}"#,
            r#"{"restored": {"at": "a", "after": {"column": "b"}}}"#,
            r#"{"restored": {"later": "a"}}"#,
            r#"{"restored": {"at": null}}"#,
            r#"{"restored": {"after": {"unit": "hours"}}}"#,
            r#"{"restored": {"after": {"column": "d", "unit": null}}}"#,
            r#"{"restored": {"after": {"column": "d", "unit": "days"}}}"#,
            r#"{"priority_values": [{"from": "a"}]}"#,
            r#"{"impact_values": [{"from": "a", "impact": "outage"}]}"#,
        ];
        // What serde's derives did with each (checked against them before they were removed):
        // the first six read, the rest were refused.
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(crate::json::from_str::<ColumnMapping>(text).is_ok(), i < 6, "{text}");
        }
        let m = crate::json::from_str::<ColumnMapping>(texts[3]).unwrap();
        assert_eq!(m.restored, Some(TimeSource::After { column: "d".into(), unit: NumberUnit::Hours }));
        let m = crate::json::from_str::<ColumnMapping>(texts[2]).unwrap();
        assert_eq!(m.restored, Some(TimeSource::After { column: "d".into(), unit: NumberUnit::Seconds }));
    }

    fn refusal<T: FromJson + std::fmt::Debug>(text: &str) -> (usize, usize, String) {
        let e = crate::json::from_str::<T>(text).unwrap_err();
        let (line, column) = e.line_column(text);
        (line, column, e.message)
    }

    #[test]
    fn refusals_say_where_and_why() {
        assert_eq!(
            refusal::<ColumnMapping>("{\n  \"start\": \"Created\",\n  \"titel\": \"Summary\"\n}"),
            (
                3,
                3,
                "unknown field `titel`, expected one of `id`, `title`, `start`, `acknowledged`, `restored`, \
                 `resolved`, `priority`, `impact`, `service`, `planned`, `status`, `priority_values`, \
                 `impact_values`, `excluded_statuses`, `closed_statuses`, `exclude_no_impact`, `category`, `csat`"
                    .into()
            )
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"exclude_no_impact": "yes"}"#),
            (1, 23, "invalid type: string \"yes\", expected a boolean".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"start": ["a"]}"#),
            (1, 11, "invalid type: sequence, expected a string".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>("{\"impact_values\": [\n  {\"from\": \"x\", \"impact\": \"outage\"}]}"),
            (2, 27, "unknown variant `outage`, expected one of `full_outage`, `partial_outage`, `degraded`, `none`".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"priority_values": [{"from": "x"}]}"#),
            (1, 22, "missing field `to`".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"restored": {"later": "x"}}"#),
            (1, 15, "unknown variant `later`, expected `at` or `after`".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"restored": {}}"#),
            (1, 14, "expected an object with one member, `at` or `after`".into())
        );
        assert_eq!(
            refusal::<ColumnMapping>(r#"{"restored": {"after": {"column": "d", "unit": "days"}}}"#),
            (1, 48, "unknown variant `days`, expected one of `seconds`, `milliseconds`, `minutes`, `hours`".into())
        );
        assert_eq!(
            refusal::<Preset>(r#""jira""#),
            (
                1,
                1,
                "unknown variant `jira`, expected one of `jira_service_management`, `service_now`, `pager_duty`, \
                 `opsgenie`, `statuspage`, `generic`"
                    .into()
            )
        );
        assert_eq!(refusal::<Impact>("1"), (1, 1, "invalid type: integer `1`, expected a string".into()));
    }
}
