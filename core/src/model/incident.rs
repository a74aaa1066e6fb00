//! An incident as the engine sees it, after import: instants in UTC, priority already mapped to
//! one of the agreement's level names, impact already mapped to an [`Impact`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One incident. Fields a metric does not need may be missing: an incident with no `restored`
/// and no `resolved` is still open and is counted up to the report's "as of" time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// The source system's identifier, e.g. "INC0010023" or "OPS-17".
    pub id: String,
    /// Short description.
    #[serde(default)]
    pub title: String,
    /// Priority level name, matched case-insensitively against the agreement's priorities.
    #[serde(default)]
    pub priority: Option<String>,
    /// How badly the service was affected.
    #[serde(default)]
    pub impact: Impact,
    /// Service or component affected.
    #[serde(default)]
    pub service: Option<String>,
    /// When the incident began (or was opened).
    pub start: DateTime<Utc>,
    /// When someone first acknowledged or responded.
    #[serde(default)]
    pub acknowledged: Option<DateTime<Utc>>,
    /// When the service was restored (downtime ends here).
    #[serde(default)]
    pub restored: Option<DateTime<Utc>>,
    /// When the incident was resolved or closed.
    #[serde(default)]
    pub resolved: Option<DateTime<Utc>>,
    /// Planned work announced in advance: excluded from downtime and from the clocks.
    #[serde(default)]
    pub planned: bool,
    /// Excluded by agreement after the fact (e.g. caused by the customer).
    #[serde(default)]
    pub excluded: bool,
    /// Cause or category, e.g. "Change", "Hardware", "Configuration" (ServiceNow `close_code`,
    /// a "Root cause" column): the review breaks downtime and credits down by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Customer satisfaction score given for this ticket (e.g. 1–5 from a survey).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat: Option<f64>,
}

impl Incident {
    /// A full-outage incident with only an id and a start; the other fields empty.
    pub fn new(id: impl Into<String>, start: DateTime<Utc>) -> Incident {
        Incident {
            id: id.into(),
            title: String::new(),
            priority: None,
            impact: Impact::FullOutage,
            service: None,
            start,
            acknowledged: None,
            restored: None,
            resolved: None,
            planned: false,
            excluded: false,
            category: None,
            csat: None,
        }
    }

    /// When the downtime ends: `restored`, else `resolved`, else `None` (still open).
    pub fn downtime_end(&self) -> Option<DateTime<Utc>> {
        self.restored.or(self.resolved)
    }
}

/// The latest instant any incident mentions (start, acknowledged, restored or resolved): the
/// natural "as of" for a log exported at some unknown moment. `None` for an empty list.
pub fn latest_instant(incidents: &[Incident]) -> Option<DateTime<Utc>> {
    incidents.iter().flat_map(|i| [Some(i.start), i.acknowledged, i.restored, i.resolved]).flatten().max()
}

/// How badly an incident affected the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// No effect on availability (e.g. a service request or a question).
    None,
    /// Slower or impaired but usable; counts at the agreement's degraded weight (default 0 %).
    Degraded,
    /// Some users or functions down; counts at the partial-outage weight (default 30 %).
    PartialOutage,
    /// The service is down; counts 100 %.
    #[default]
    FullOutage,
}

impl Impact {
    /// Every impact, worst first.
    pub const ALL: [Impact; 4] = [Impact::FullOutage, Impact::PartialOutage, Impact::Degraded, Impact::None];

    /// The name the JSON formats use: `full_outage`, `partial_outage`, `degraded`, `none`.
    pub fn key(self) -> &'static str {
        match self {
            Impact::FullOutage => "full_outage",
            Impact::PartialOutage => "partial_outage",
            Impact::Degraded => "degraded",
            Impact::None => "none",
        }
    }

    /// The impact whose [`Impact::key`] is `key`.
    pub fn from_key(key: &str) -> Option<Impact> {
        Impact::ALL.into_iter().find(|i| i.key() == key)
    }
}

impl crate::json::FromJson for Impact {
    /// One of the [`Impact::key`] names.
    fn from_json(j: &crate::json::Json) -> Result<Impact, crate::json::JsonError> {
        j.variant(&Impact::ALL.map(|i| (i.key(), i)))
    }
}

#[cfg(test)]
mod tests {
    use super::Impact;

    #[test]
    fn impact_keys_are_the_json_names() {
        for impact in Impact::ALL {
            assert_eq!(serde_json::to_string(&impact).unwrap(), format!("\"{}\"", impact.key()));
            assert_eq!(Impact::from_key(impact.key()), Some(impact));
        }
        assert_eq!(Impact::from_key("outage"), None);
    }
}
