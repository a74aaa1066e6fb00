//! The agreement's history: [`Revision`]s that change its terms from an effective date on, and
//! the versions they make.
//!
//! The agreement's own top-level terms are **version 0** (labelled by `Agreement::version`,
//! in force from `Agreement::effective_date`, or from the beginning when it has none). Each
//! revision, in date order, is the next version: it states only the terms it changes, and
//! every term it leaves out carries over from the version before it. The time zone and the
//! period spec are shared by all versions (a revision cannot change them), so every version
//! cuts the same periods.
//!
//! ```
//! use sla_core::model::{Agreement, Revision};
//! use chrono::NaiveDate;
//! let mut a = Agreement::default(); // 99.9 %
//! let mut r = Revision::new("2.0", NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
//! r.availability_target_percent = Some(99.95);
//! a.revisions.push(r);
//! assert_eq!(a.in_force(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()).availability_target_percent, 99.9);
//! assert_eq!(a.in_force(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()).availability_target_percent, 99.95);
//! ```

use super::{
    Agreement, AgreementError, CreditPolicy, FieldError, FieldPath, ImpactWeights, MaintenanceWindow, PriorityTarget,
    Schedule,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A later version of the agreement: the terms it changes, from its effective date on.
/// A term left out (`None`) is the same as in the version before.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The version's label, e.g. "3.0".
    pub version: String,
    /// The first local day (in the agreement's zone) on which this version is in force.
    #[serde(with = "crate::date_text::serde_date")]
    pub effective_date: NaiveDate,
    /// Why it changed, for the review (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// New availability hours (and their holidays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_hours: Option<Schedule>,
    /// New support hours (and their holidays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_hours: Option<Schedule>,
    /// New availability target per period, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_target_percent: Option<f64>,
    /// New response and resolution targets (the whole list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priorities: Option<Vec<PriorityTarget>>,
    /// New maintenance windows (the whole list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<Vec<MaintenanceWindow>>,
    /// New impact weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<ImpactWeights>,
    /// New credit policy (fee, currency, tiers, cap, minimum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<CreditPolicy>,
}

/// The top-level field names a revision may set, in the order of the agreement file.
pub const REVISABLE_FIELDS: [&str; 7] = [
    "availability_hours",
    "support_hours",
    "availability_target_percent",
    "priorities",
    "maintenance",
    "impact",
    "credits",
];

impl Revision {
    /// A revision that changes nothing yet.
    pub fn new(version: impl Into<String>, effective_date: NaiveDate) -> Revision {
        Revision {
            version: version.into(),
            effective_date,
            note: None,
            availability_hours: None,
            support_hours: None,
            availability_target_percent: None,
            priorities: None,
            maintenance: None,
            impact: None,
            credits: None,
        }
    }

    /// Whether this revision sets the top-level field `name` (one of [`REVISABLE_FIELDS`]).
    pub fn sets(&self, name: &str) -> bool {
        match name {
            "availability_hours" => self.availability_hours.is_some(),
            "support_hours" => self.support_hours.is_some(),
            "availability_target_percent" => self.availability_target_percent.is_some(),
            "priorities" => self.priorities.is_some(),
            "maintenance" => self.maintenance.is_some(),
            "impact" => self.impact.is_some(),
            "credits" => self.credits.is_some(),
            _ => false,
        }
    }

    /// Writes the terms this revision sets into `terms`.
    fn apply(&self, terms: &mut Agreement) {
        if let Some(v) = &self.availability_hours {
            terms.availability_hours = v.clone();
        }
        if let Some(v) = &self.support_hours {
            terms.support_hours = v.clone();
        }
        if let Some(v) = self.availability_target_percent {
            terms.availability_target_percent = v;
        }
        if let Some(v) = &self.priorities {
            terms.priorities = v.clone();
        }
        if let Some(v) = &self.maintenance {
            terms.maintenance = v.clone();
        }
        if let Some(v) = &self.impact {
            terms.impact = v.clone();
        }
        if let Some(v) = &self.credits {
            terms.credits = v.clone();
        }
    }
}

/// One version of an agreement, for a version list or picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    /// 0 for the agreement's own terms, `i + 1` for `revisions[i]`.
    pub index: usize,
    /// The version label.
    pub version: String,
    /// First day in force; `None` for version 0 without an effective date (in force from the
    /// beginning).
    pub effective_date: Option<NaiveDate>,
    /// Last day in force (the day before the next version); `None` for the latest version.
    pub until: Option<NaiveDate>,
    /// The revision's note, if any.
    pub note: Option<String>,
}

impl Agreement {
    /// How many versions the agreement has: 1 + the number of revisions.
    pub fn version_count(&self) -> usize {
        1 + self.revisions.len()
    }

    /// Every version in order, version 0 (the agreement's own terms) first.
    pub fn versions(&self) -> Vec<VersionInfo> {
        (0..self.version_count())
            .map(|index| {
                let (version, effective_date, note) = match index.checked_sub(1).and_then(|i| self.revisions.get(i)) {
                    None => (self.version.clone(), self.effective_date, None),
                    Some(r) => (r.version.clone(), Some(r.effective_date), r.note.clone()),
                };
                let until = self
                    .revisions
                    .get(index)
                    .and_then(|next| next.effective_date.pred_opt());
                VersionInfo {
                    index,
                    version,
                    effective_date,
                    until,
                    note,
                }
            })
            .collect()
    }

    /// The index of the version in force on local day `date`: the last revision whose
    /// effective date is on or before it, else 0 (also before version 0's own effective date,
    /// which nothing precedes).
    pub fn version_index_on(&self, date: NaiveDate) -> usize {
        self.revisions
            .iter()
            .rposition(|r| r.effective_date <= date)
            .map_or(0, |i| i + 1)
    }

    /// The index of the version labelled `label` (compared ignoring case and surrounding
    /// blanks), if there is one.
    pub fn version_index_of(&self, label: &str) -> Option<usize> {
        self.versions()
            .into_iter()
            .find(|v| v.version.trim().eq_ignore_ascii_case(label.trim()))
            .map(|v| v.index)
    }

    /// Version `index` as a plain agreement without revisions: version 0's terms with
    /// revisions `1..=index` applied in order, its label in `version` and its date in
    /// `effective_date`. `None` when there is no such version.
    pub fn version_terms(&self, index: usize) -> Option<Agreement> {
        if index >= self.version_count() {
            return None;
        }
        let mut terms = Agreement {
            revisions: Vec::new(),
            ..self.clone()
        };
        for r in &self.revisions[..index] {
            r.apply(&mut terms);
            terms.version = r.version.clone();
            terms.effective_date = Some(r.effective_date);
        }
        Some(terms)
    }

    /// The agreement in force on local day `date`, as a plain agreement without revisions
    /// (see [`Agreement::version_index_on`]).
    pub fn in_force(&self, date: NaiveDate) -> Agreement {
        self.version_terms(self.version_index_on(date))
            .unwrap_or_else(|| Agreement {
                revisions: Vec::new(),
                ..self.clone()
            })
    }

    /// "What if version `index` had applied all along": its terms, without revisions, so a
    /// report applies them to every period. `None` when there is no such version.
    pub fn as_if_always(&self, index: usize) -> Option<Agreement> {
        self.version_terms(index)
    }

    /// The problems of the revisions, each at its field: `revisions[i].version` (empty or
    /// used twice), `revisions[i].effective_date` (not after the version before), and every
    /// problem of a term the revision sets, e.g. `revisions[1].availability_target_percent`.
    /// Problems of terms a revision does not set belong to the version it inherits them from
    /// and are reported there only.
    pub(crate) fn revision_problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut push = |field: String, error: AgreementError| {
            out.push(FieldError {
                field: FieldPath(field),
                error,
            })
        };
        for (i, r) in self.revisions.iter().enumerate() {
            let path = format!("revisions[{i}]");
            let label = r.version.trim();
            if label.is_empty() {
                push(format!("{path}.version"), AgreementError::UnnamedVersion);
            } else {
                let earlier = std::iter::once(self.version.as_str())
                    .chain(self.revisions[..i].iter().map(|q| q.version.as_str()));
                if earlier.into_iter().any(|v| v.trim().eq_ignore_ascii_case(label)) {
                    push(
                        format!("{path}.version"),
                        AgreementError::DuplicateVersion(r.version.clone()),
                    );
                }
            }
            let previous = if i == 0 {
                self.effective_date
            } else {
                Some(self.revisions[i - 1].effective_date)
            };
            if let Some(previous) = previous {
                if r.effective_date <= previous {
                    push(
                        format!("{path}.effective_date"),
                        AgreementError::RevisionNotAfter {
                            date: r.effective_date,
                            previous,
                        },
                    );
                }
            }
            let Some(terms) = self.version_terms(i + 1) else {
                continue;
            };
            for problem in terms.validate() {
                let top = problem.field.0.split(['.', '[']).next().unwrap_or("");
                if r.sets(top) {
                    push(format!("{path}.{}", problem.field.0), problem.error);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CreditTier;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn revised() -> Agreement {
        let mut a = Agreement {
            version: "1.0".into(),
            effective_date: Some(day(2026, 1, 1)),
            ..Agreement::default()
        };
        let mut r1 = Revision::new("2.0", day(2026, 4, 1));
        r1.availability_target_percent = Some(99.95);
        let mut r2 = Revision::new("3.0", day(2026, 7, 1));
        r2.note = Some("new credit table".into());
        r2.credits = Some(CreditPolicy {
            fee_per_period: 20_000.0,
            ..CreditPolicy::default()
        });
        a.revisions = vec![r1, r2];
        a
    }

    #[test]
    fn versions_carry_terms_forward() {
        let a = revised();
        assert!(a.validate().is_empty(), "{:?}", a.validate());
        let v = a.versions();
        assert_eq!(v.len(), 3);
        assert_eq!((v[0].version.as_str(), v[0].until), ("1.0", Some(day(2026, 3, 31))));
        assert_eq!((v[2].effective_date, v[2].until), (Some(day(2026, 7, 1)), None));
        assert_eq!(v[2].note.as_deref(), Some("new credit table"));
        let third = a.in_force(day(2026, 12, 31));
        // The target of 2.0 carries over into 3.0, which changes only the credits.
        assert_eq!(
            (third.availability_target_percent, third.credits.fee_per_period),
            (99.95, 20_000.0)
        );
        assert_eq!((third.version.as_str(), third.revisions.len()), ("3.0", 0));
        assert_eq!(a.in_force(day(2025, 6, 1)).version, "1.0");
        assert_eq!(a.version_index_on(day(2026, 6, 30)), 1);
        assert_eq!(a.version_index_of(" 3.0 "), Some(2));
        assert_eq!(a.as_if_always(2).unwrap(), third);
        assert_eq!(a.as_if_always(3), None);
    }

    #[test]
    fn files_without_revisions_are_unchanged_and_with_them_round_trip() {
        let plain = serde_json::to_string(&Agreement::default()).unwrap();
        assert!(!plain.contains("revisions"));
        let a = revised();
        let json = serde_json::to_string_pretty(&a).unwrap();
        assert_eq!(crate::json::from_str::<Agreement>(&json).unwrap(), a);
        // The zone and the period are shared: a revision cannot set them.
        let e = crate::json::from_str::<Agreement>(
            r#"{"revisions":[{"version":"2","effective_date":"2026-07-01","time_zone":"UTC"}]}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("time_zone"), "{e}");
    }

    #[test]
    fn revision_problems_are_located() {
        let mut a = revised();
        a.revisions[1].effective_date = day(2026, 4, 1);
        a.revisions[1].version = "2.0".into();
        a.revisions[0].availability_target_percent = Some(101.0);
        a.revisions[1].credits.as_mut().unwrap().tiers = vec![
            CreditTier {
                below_percent: 99.0,
                credit_percent: 25.0,
            },
            CreditTier {
                below_percent: 99.0,
                credit_percent: 30.0,
            },
        ];
        let fields: Vec<String> = a.validate().into_iter().map(|e| e.field.0).collect();
        assert_eq!(
            fields,
            [
                "revisions[0].availability_target_percent",
                "revisions[1].version",
                "revisions[1].effective_date",
                "revisions[1].credits.tiers[1]",
            ]
        );
        let msg = a.validate()[2].to_string();
        assert_eq!(msg, "revisions[1].effective_date: this version takes effect on 2026-04-01, not after the version before it (2026-04-01); versions must be in date order");
    }
}
