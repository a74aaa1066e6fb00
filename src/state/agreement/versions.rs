//! The agreement's versions in the editor. The form edits one version at a time
//! ([`AgreementState::editing`]): version 0 is the agreement's own terms; a later version is a
//! [`Revision`] that stores only the terms it changes. Editing a later version works on its
//! terms as one plain agreement ([`Agreement::version_terms`]) and writes back, into the
//! revision, each revisable term that now differs from the version before it — so the form
//! behaves the same whichever version it shows, and a term set back to the previous value is
//! inherited again.
//!
//! The time zone, the measurement period, the parties and the import mapping are shared by all
//! versions; edits to them change the agreement itself. The version label and effective date
//! fields of the form edit the version being shown.

use super::{parse_date, AgreementAction, AgreementState, FieldProblem, TypedText};
use chrono::{Datelike, NaiveDate};
use sla_core::model::{Agreement, FieldError, Revision};

/// The typed-text path of the new version's label.
pub const NEW_LABEL_PATH: &str = "revisions.new.version";
/// The typed-text path of the new version's effective date.
pub const NEW_DATE_PATH: &str = "revisions.new.effective_date";

/// Changes to the list of versions.
#[derive(Debug, Clone, PartialEq)]
pub enum VersionAction {
    /// Show and edit version `index` (0 = the agreement's own terms).
    Select(usize),
    /// The label typed for a new version.
    SetNewLabel(String),
    /// The effective date typed for a new version.
    SetNewDateText(String),
    /// Add a version with the typed label and date; it starts with the terms in force on that
    /// date (it changes nothing yet) and becomes the one edited.
    Add,
    /// Delete revision `index` (version `index + 1`).
    Remove(usize),
    /// Set the note of revision `index`.
    SetNote(usize, String),
    /// Measure every period against version `index` ("what if it had applied all along"), or
    /// go back to the versions as agreed (`None`).
    WhatIf(Option<usize>),
}

impl AgreementAction {
    /// Whether the action edits a term that may differ between versions (hours, target,
    /// priorities, maintenance, impact, credits) rather than something all versions share.
    fn is_term_edit(&self) -> bool {
        use AgreementAction as A;
        !matches!(
            self,
            A::Replace(_)
                | A::SetImportMapping(_)
                | A::SetService(_)
                | A::SetProvider(_)
                | A::SetCustomer(_)
                | A::SetVersion(_)
                | A::SetEffectiveDateText(_)
                | A::SetTimeZoneText(_)
                | A::SetPeriodKind(_)
                | A::SetPeriodFirstText(_)
                | A::SetPeriodLastText(_)
                | A::ImportJson(_)
                | A::ImportReadFailed(_)
                | A::Versions(_)
        )
    }
}

/// Writes `terms` (a plain agreement holding version `index`'s terms) back into revision
/// `index - 1` of `agreement`: each revisable term is set where it differs from the version
/// before and left to inheritance where it does not.
pub fn write_version_terms(agreement: &mut Agreement, index: usize, terms: &Agreement) {
    let Some(before) = index.checked_sub(1).and_then(|i| agreement.version_terms(i)) else { return };
    let Some(r) = agreement.revisions.get_mut(index - 1) else { return };
    fn changed<T: PartialEq + Clone>(new: &T, old: &T) -> Option<T> {
        (new != old).then(|| new.clone())
    }
    r.availability_hours = changed(&terms.availability_hours, &before.availability_hours);
    r.support_hours = changed(&terms.support_hours, &before.support_hours);
    r.availability_target_percent = changed(&terms.availability_target_percent, &before.availability_target_percent);
    r.priorities = changed(&terms.priorities, &before.priorities);
    r.maintenance = changed(&terms.maintenance, &before.maintenance);
    r.impact = changed(&terms.impact, &before.impact);
    r.credits = changed(&terms.credits, &before.credits);
}

impl AgreementState {
    /// The form as it shows the version being edited: for version 0 the state itself; for a
    /// later version the same texts over that version's terms (so field problems are that
    /// version's).
    pub fn form(&self) -> AgreementState {
        match self.agreement.version_terms(self.editing).filter(|_| self.editing > 0) {
            Some(terms) => AgreementState { agreement: terms, ..self.clone() },
            None => self.clone(),
        }
    }

    /// The problems of the versions themselves (labels, dates in order, and the terms each
    /// revision sets), with their field paths (`revisions[1].effective_date`).
    pub fn version_problems(&self) -> Vec<FieldError> {
        self.agreement
            .validate()
            .into_iter()
            .filter(|e| e.field.0.starts_with("revisions["))
            .collect()
    }

    /// The agreement the report measures: as agreed, or one version applied all along.
    pub fn measured(&self) -> Agreement {
        self.what_if
            .and_then(|i| self.agreement.as_if_always(i))
            .unwrap_or_else(|| self.agreement.clone())
    }

    /// Applies an edit to the version being edited (see the module doc).
    pub(super) fn apply_to_version(&mut self, action: AgreementAction) {
        let index = self.editing;
        match action {
            AgreementAction::Versions(v) => self.apply_versions(v),
            AgreementAction::SetVersion(label) if index > 0 => {
                if let Some(r) = self.agreement.revisions.get_mut(index - 1) {
                    r.version = label;
                }
            }
            AgreementAction::SetEffectiveDateText(text) if index > 0 => {
                let problem = match parse_date(&text) {
                    Ok(day) => {
                        if let Some(r) = self.agreement.revisions.get_mut(index - 1) {
                            r.effective_date = day;
                        }
                        None
                    }
                    Err(p) => Some(p),
                };
                self.texts.insert("effective_date".into(), TypedText { text, problem });
            }
            action if index > 0 && action.is_term_edit() => {
                let Some(terms) = self.agreement.version_terms(index) else {
                    self.editing = 0;
                    return self.apply_plain(action);
                };
                let full = std::mem::replace(&mut self.agreement, terms);
                self.apply_plain(action);
                let terms = std::mem::replace(&mut self.agreement, full);
                write_version_terms(&mut self.agreement, index, &terms);
            }
            action => self.apply_plain(action),
        }
        if self.editing >= self.agreement.version_count() {
            self.editing = 0;
        }
        if self.what_if.is_some_and(|i| i >= self.agreement.version_count()) {
            self.what_if = None;
        }
    }

    fn apply_versions(&mut self, action: VersionAction) {
        match action {
            VersionAction::Select(index) if index < self.agreement.version_count() => self.show_version(index),
            VersionAction::Select(_) => {}
            VersionAction::SetNewLabel(text) => {
                self.texts.insert(NEW_LABEL_PATH.into(), TypedText { text, problem: None });
            }
            VersionAction::SetNewDateText(text) => {
                let problem = parse_date(&text).err();
                self.texts.insert(NEW_DATE_PATH.into(), TypedText { text, problem });
            }
            VersionAction::Add => {
                let label = self.texts.get(NEW_LABEL_PATH).map(|t| t.text.trim().to_string()).unwrap_or_default();
                let date_text = self.texts.get(NEW_DATE_PATH).map(|t| t.text.clone()).unwrap_or_default();
                let day = match parse_date(&date_text) {
                    Ok(day) => day,
                    Err(problem) => {
                        self.texts.insert(NEW_DATE_PATH.into(), TypedText { text: date_text, problem: Some(problem) });
                        return;
                    }
                };
                let label = if label.is_empty() { self.next_label() } else { label };
                let at = self.agreement.revisions.iter().take_while(|r| r.effective_date <= day).count();
                self.agreement.revisions.insert(at, Revision::new(label, day));
                self.texts.remove(NEW_LABEL_PATH);
                self.texts.remove(NEW_DATE_PATH);
                if self.what_if.is_some_and(|w| w > at) {
                    self.what_if = self.what_if.map(|w| w + 1);
                }
                self.show_version(at + 1);
            }
            VersionAction::Remove(i) if i < self.agreement.revisions.len() => {
                self.agreement.revisions.remove(i);
                let removed = i + 1;
                let shift = |v: usize| if v > removed { v - 1 } else { v };
                self.what_if = self.what_if.filter(|&w| w != removed).map(shift);
                let editing = if self.editing == removed { 0 } else { shift(self.editing) };
                self.show_version(editing);
            }
            VersionAction::Remove(_) => {}
            VersionAction::SetNote(i, note) => {
                if let Some(r) = self.agreement.revisions.get_mut(i) {
                    r.note = Some(note).filter(|n| !n.trim().is_empty());
                }
            }
            VersionAction::WhatIf(index) => {
                self.what_if = index.filter(|&i| i < self.agreement.version_count());
            }
        }
    }

    /// Switches the form to version `index`: its target text and no half-typed texts of
    /// another version (the new-version inputs are kept).
    fn show_version(&mut self, index: usize) {
        self.editing = index;
        self.texts.retain(|k, _| k.starts_with("revisions.new."));
        if let Some(terms) = self.agreement.version_terms(index) {
            self.target_text = terms.availability_target_percent.to_string();
        }
    }

    /// A label for the next version: one more than the latest label's leading number ("2.1"
    /// → "3.0"), else "v" and the version number.
    pub fn next_label(&self) -> String {
        let latest = self.agreement.revisions.last().map(|r| r.version.as_str()).unwrap_or(self.agreement.version.as_str());
        let major: Option<u64> = latest.trim().trim_start_matches(['v', 'V']).split('.').next().and_then(|n| n.parse().ok());
        match major {
            Some(n) => format!("{}.0", n + 1),
            None => format!("v{}", self.agreement.version_count() + 1),
        }
    }

    /// The date a new version would most likely start: the first day of the month after the
    /// latest version's effective date, else empty.
    pub fn suggested_new_date(&self) -> Option<NaiveDate> {
        let latest = self.agreement.revisions.last().map(|r| r.effective_date).or(self.agreement.effective_date)?;
        latest.checked_add_months(chrono::Months::new(1)).and_then(|d| d.with_day0(0))
    }
}

/// The problem of the new version's date as typed, if any.
pub fn new_date_problem(state: &AgreementState) -> Option<&FieldProblem> {
    state.texts.get(NEW_DATE_PATH).and_then(|t| t.problem.as_ref())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::agreement::TARGET_PATH;
    use crate::state::AgreementAction as A;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn state() -> AgreementState {
        let mut a = Agreement::default(); // 99.9 %, 24×7
        a.version = "1.0".into();
        a.effective_date = Some(day("2026-01-01"));
        AgreementState::from_agreement(a)
    }

    fn add(s: &mut AgreementState, label: &str, date: &str) {
        s.apply(A::Versions(VersionAction::SetNewLabel(label.into())));
        s.apply(A::Versions(VersionAction::SetNewDateText(date.into())));
        s.apply(A::Versions(VersionAction::Add));
    }

    #[test]
    fn a_new_version_changes_nothing_until_edited_and_then_only_what_differs() {
        let mut s = state();
        add(&mut s, "2.0", "2026-07-01");
        assert_eq!(s.editing, 1);
        assert_eq!(s.agreement.revisions.len(), 1);
        assert_eq!(s.agreement.revisions[0], Revision::new("2.0", day("2026-07-01")));

        s.apply(A::SetTargetText("99.95".into()));
        s.apply(A::SetFeeText("2500".into()));
        assert_eq!(s.agreement.availability_target_percent, 99.9, "version 1.0 keeps its target");
        let r = &s.agreement.revisions[0];
        assert_eq!(r.availability_target_percent, Some(99.95));
        assert_eq!(r.credits.as_ref().map(|c| c.fee_per_period), Some(2500.0));
        assert_eq!(r.priorities, None, "untouched terms stay inherited");
        assert_eq!(s.form().agreement.availability_target_percent, 99.95);
        assert_eq!(s.form().agreement.version, "2.0");

        // Set back to the previous value: inherited again.
        s.apply(A::SetTargetText("99.9".into()));
        assert_eq!(s.agreement.revisions[0].availability_target_percent, None);

        // Shared terms change the agreement for every version.
        s.apply(A::SetTimeZoneText("Asia/Taipei".into()));
        assert_eq!(s.agreement.time_zone, "Asia/Taipei");
    }

    #[test]
    fn the_label_and_date_fields_edit_the_version_shown() {
        let mut s = state();
        add(&mut s, "", "2026-07-01");
        assert_eq!(s.agreement.revisions[0].version, "2.0", "labels count on from 1.0");
        s.apply(A::SetVersion("2.0-rc".into()));
        s.apply(A::SetEffectiveDateText("2026-08-01".into()));
        assert_eq!(s.agreement.revisions[0].version, "2.0-rc");
        assert_eq!(s.agreement.revisions[0].effective_date, day("2026-08-01"));
        assert_eq!(s.agreement.version, "1.0");
        s.apply(A::SetEffectiveDateText("1 Aug".into()));
        assert!(!s.errors_at("effective_date").is_empty());
        assert_eq!(s.agreement.revisions[0].effective_date, day("2026-08-01"));

        s.apply(A::Versions(VersionAction::Select(0)));
        assert!(s.errors_at("effective_date").is_empty(), "another version's half-typed text is dropped");
        s.apply(A::SetVersion("1.1".into()));
        assert_eq!(s.agreement.version, "1.1");
    }

    #[test]
    fn versions_are_kept_in_date_order_and_out_of_order_dates_are_reported() {
        let mut s = state();
        add(&mut s, "3.0", "2026-10-01");
        add(&mut s, "2.0", "2026-07-01");
        let labels: Vec<_> = s.agreement.revisions.iter().map(|r| r.version.as_str()).collect();
        assert_eq!(labels, ["2.0", "3.0"]);
        assert_eq!(s.editing, 1, "the added version is the one edited");
        s.apply(A::SetEffectiveDateText("2026-12-01".into()));
        let problems = s.version_problems();
        assert!(problems.iter().any(|e| e.field.0 == "revisions[1].effective_date"), "{problems:?}");
    }

    #[test]
    fn a_bad_new_date_is_located_and_nothing_is_added() {
        let mut s = state();
        s.apply(A::Versions(VersionAction::SetNewDateText("next July".into())));
        s.apply(A::Versions(VersionAction::Add));
        assert!(s.agreement.revisions.is_empty());
        assert!(new_date_problem(&s).is_some());
    }

    #[test]
    fn removing_and_what_if_keep_indexes_right() {
        let mut s = state();
        add(&mut s, "2.0", "2026-04-01");
        s.apply(A::SetTargetText("99.95".into()));
        add(&mut s, "3.0", "2026-07-01");
        s.apply(A::Versions(VersionAction::WhatIf(Some(2))));
        assert_eq!(s.measured().availability_target_percent, 99.95);
        assert!(s.measured().revisions.is_empty());
        s.apply(A::Versions(VersionAction::Remove(0)));
        assert_eq!(s.what_if, Some(1), "version 3.0 moved from index 2 to 1");
        assert_eq!(s.agreement.revisions[0].version, "3.0");
        s.apply(A::Versions(VersionAction::Remove(0)));
        assert_eq!(s.what_if, None);
        assert_eq!(s.editing, 0);
        assert_eq!(s.measured(), s.agreement);
        assert_eq!(s.errors_at(TARGET_PATH), vec![]);
    }

    #[test]
    fn replacing_the_agreement_starts_on_version_0_as_agreed() {
        let mut s = state();
        add(&mut s, "2.0", "2026-04-01");
        s.apply(A::Versions(VersionAction::WhatIf(Some(1))));
        s.apply(A::Replace(Box::new(Agreement::default())));
        assert_eq!((s.editing, s.what_if), (0, None));
    }
}
