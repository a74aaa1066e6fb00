//! Several saved agreements, one per customer or contract. The agreement being edited lives in
//! [`AgreementState`] (`AppState.agreement`); the library keeps every saved agreement, its
//! entry for the current one being refreshed from the live agreement when the user switches,
//! duplicates, exports or the app saves ([`LibraryState::snapshot`]).
//!
//! Also the notices about remembering, sharing and linking ([`Notice`]), shown until dismissed.

use super::agreement::{AgreementAction, AgreementState};
use super::persist::{read_library_file, Notice, Prefs, SavedAgreement, Startup, Stored, APP_VERSION, STORE_SCHEMA};
use crate::i18n::Lang;
use sla_core::model::Agreement;

/// Longest agreement name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The saved agreements and the notices.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryState {
    /// Every saved agreement, in list order; the current one's agreement may be older than the
    /// live one being edited.
    pub entries: Vec<SavedAgreement>,
    /// The id of the agreement being edited.
    pub current: u64,
    /// Notices not yet dismissed, oldest first.
    pub notices: Vec<Notice>,
}

/// A change to the library.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    /// Rename an agreement.
    Rename(u64, String),
    /// Copy an agreement (the live one when it is the current) just after it.
    Duplicate(u64),
    /// Delete an agreement (never the last one); deleting the current switches to a neighbour.
    Delete(u64),
    /// Edit another agreement.
    Switch(u64),
    /// Add a default agreement and edit it.
    New,
    /// Add every agreement of an exported file (text of the file).
    ImportFile(String),
    /// The file could not be read.
    ImportReadFailed(String),
    /// Tell the user something (not added twice).
    Notify(Notice),
    /// Dismiss notice `i`.
    Dismiss(usize),
}

/// A name for an agreement: "customer — service", or whichever of them is set.
pub fn default_name(a: &Agreement) -> String {
    match (a.customer.trim(), a.service.trim()) {
        ("", "") => "Agreement".to_string(),
        ("", s) => s.to_string(),
        (c, "") => c.to_string(),
        (c, s) => format!("{c} — {s}"),
    }
}

impl LibraryState {
    /// A library holding only `agreement`.
    pub fn single(agreement: &Agreement) -> LibraryState {
        LibraryState {
            entries: vec![SavedAgreement {
                id: 1,
                name: default_name(agreement),
                agreement: agreement.clone(),
            }],
            current: 1,
            notices: Vec::new(),
        }
    }

    /// The library and the agreement to edit at start: the stored ones (else `fallback` alone),
    /// plus a shared link's agreement added as a new entry and made current; `startup`'s notices.
    pub fn start(startup: &Startup, fallback: &Agreement) -> (LibraryState, Agreement) {
        let mut lib = match &startup.stored {
            Some(s) => LibraryState {
                entries: s.agreements.clone(),
                current: s.current,
                notices: Vec::new(),
            },
            None => LibraryState::single(fallback),
        };
        if let Some(shared) = &startup.shared {
            let id = lib.next_id();
            lib.entries.push(SavedAgreement {
                id,
                name: default_name(shared),
                agreement: shared.clone(),
            });
            lib.current = id;
        }
        lib.notices = startup.notices.clone();
        let agreement = lib
            .entry(lib.current)
            .map(|e| e.agreement.clone())
            .unwrap_or_else(|| fallback.clone());
        (lib, agreement)
    }

    /// The entry with `id`.
    pub fn entry(&self, id: u64) -> Option<&SavedAgreement> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn index(&self, id: u64) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    fn next_id(&self) -> u64 {
        self.entries.iter().map(|e| e.id).max().unwrap_or(0) + 1
    }

    /// Every entry, the current one holding `live` (the agreement being edited).
    pub fn snapshot(&self, live: &Agreement) -> Vec<SavedAgreement> {
        self.entries
            .iter()
            .map(|e| {
                if e.id == self.current {
                    SavedAgreement {
                        agreement: live.clone(),
                        ..e.clone()
                    }
                } else {
                    e.clone()
                }
            })
            .collect()
    }

    /// The envelope to store for this library, `live` agreement and language.
    pub fn to_stored(&self, live: &Agreement, lang: Lang, keep_incidents: bool) -> Stored {
        Stored {
            schema: STORE_SCHEMA.into(),
            saved_at_version: APP_VERSION.into(),
            agreements: self.snapshot(live),
            current: self.current,
            prefs: Prefs { lang: Some(lang.tag().into()), keep_incidents },
        }
    }

    fn store_live(&mut self, live: &Agreement) {
        let current = self.current;
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == current) {
            e.agreement = live.clone();
        }
    }

    fn switch_to(&mut self, id: u64, agreement: &mut AgreementState) {
        if let Some(target) = self.entry(id).map(|e| e.agreement.clone()) {
            self.store_live(&agreement.agreement);
            self.current = id;
            agreement.apply(AgreementAction::Replace(Box::new(target)));
        }
    }

    fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// Applies `action`; switching replaces the live `agreement`.
    pub fn apply(&mut self, action: LibraryAction, agreement: &mut AgreementState) {
        use LibraryAction as L;
        match action {
            L::Rename(id, name) => {
                if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
                    e.name = name.chars().take(MAX_NAME_CHARS).collect();
                }
            }
            L::Duplicate(id) => {
                if let Some(i) = self.index(id) {
                    let source = if id == self.current {
                        agreement.agreement.clone()
                    } else {
                        self.entries[i].agreement.clone()
                    };
                    let name = copy_name(&self.entries[i].name, &self.entries);
                    let new = SavedAgreement {
                        id: self.next_id(),
                        name,
                        agreement: source,
                    };
                    self.entries.insert(i + 1, new);
                }
            }
            L::Delete(id) => {
                let Some(i) = self.index(id) else { return };
                if self.entries.len() < 2 {
                    return;
                }
                if id == self.current {
                    let neighbour = if i + 1 < self.entries.len() {
                        self.entries[i + 1].id
                    } else {
                        self.entries[i - 1].id
                    };
                    self.switch_to(neighbour, agreement);
                }
                self.entries.remove(i);
            }
            L::Switch(id) => {
                if id != self.current {
                    self.switch_to(id, agreement);
                }
            }
            L::New => {
                let a = Agreement::default();
                let id = self.next_id();
                self.entries.push(SavedAgreement {
                    id,
                    name: copy_name(&default_name(&a), &self.entries),
                    agreement: a,
                });
                self.switch_to(id, agreement);
            }
            L::ImportFile(text) => match read_library_file(&text) {
                Ok(list) => {
                    let n = list.len();
                    for named in list {
                        let id = self.next_id();
                        let name = copy_name(&named.name, &self.entries);
                        self.entries.push(SavedAgreement {
                            id,
                            name,
                            agreement: named.agreement,
                        });
                    }
                    self.notices
                        .retain(|n| !matches!(n, Notice::Imported(_) | Notice::ImportFailed(_)));
                    self.notify(Notice::Imported(n));
                }
                Err(e) => {
                    self.notices
                        .retain(|n| !matches!(n, Notice::Imported(_) | Notice::ImportFailed(_)));
                    self.notify(Notice::ImportFailed(e));
                }
            },
            L::ImportReadFailed(m) => self.notify(Notice::ImportFailed(super::persist::StoreError::Unavailable(m))),
            L::Notify(n) => self.notify(n),
            L::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }
}

/// `name`, or `name (2)`, `name (3)`… whichever no entry has yet.
fn copy_name(name: &str, entries: &[SavedAgreement]) -> String {
    let taken = |n: &str| entries.iter().any(|e| e.name == n);
    if !taken(name) {
        return name.to_string();
    }
    let base = match name.rsplit_once(" (") {
        Some((b, rest)) if rest.strip_suffix(')').is_some_and(|d| d.parse::<u32>().is_ok()) => b,
        _ => name,
    };
    (2..)
        .map(|k| format!("{base} ({k})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::calc::CalcState;
    use crate::state::persist::{library_file_json, StoreError};
    use sla_core::sample::sample_agreement;

    fn lib() -> (LibraryState, AgreementState) {
        let (lib, a) = LibraryState::start(&Startup::default(), &sample_agreement());
        (lib, AgreementState::from_agreement(a))
    }

    #[test]
    fn switching_keeps_the_edits_of_the_one_left() {
        let (mut lib, mut ag) = lib();
        lib.apply(LibraryAction::New, &mut ag);
        assert_eq!(lib.entries.len(), 2);
        assert_eq!(ag.agreement, Agreement::default());
        ag.apply(AgreementAction::SetTargetText("99.5".into()));
        lib.apply(LibraryAction::Switch(1), &mut ag);
        assert_eq!(ag.agreement, sample_agreement());
        lib.apply(LibraryAction::Switch(2), &mut ag);
        assert_eq!(ag.agreement.availability_target_percent, 99.5);
    }

    #[test]
    fn rename_duplicate_and_delete() {
        let (mut lib, mut ag) = lib();
        ag.apply(AgreementAction::SetTargetText("98".into()));
        lib.apply(LibraryAction::Rename(1, "Globex 2026".into()), &mut ag);
        lib.apply(LibraryAction::Duplicate(1), &mut ag);
        lib.apply(LibraryAction::Duplicate(1), &mut ag);
        let names: Vec<&str> = lib.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Globex 2026", "Globex 2026 (3)", "Globex 2026 (2)"]);
        // The copy is of the live agreement, edits included.
        assert_eq!(lib.entries[1].agreement.availability_target_percent, 98.0);
        lib.apply(LibraryAction::Delete(1), &mut ag);
        assert_eq!(lib.current, lib.entries[0].id);
        assert_eq!(lib.entries.len(), 2);
        lib.apply(LibraryAction::Delete(lib.entries[0].id), &mut ag);
        lib.apply(LibraryAction::Delete(lib.entries[0].id), &mut ag);
        assert_eq!(lib.entries.len(), 1, "the last agreement is never deleted");
        lib.apply(LibraryAction::Rename(lib.current, "x".repeat(500)), &mut ag);
        assert_eq!(lib.entries[0].name.chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn stored_state_and_shared_link_start_the_app() {
        let shared = Agreement { customer: "Initech".into(), ..Agreement::default() };
        let (lib0, _) = lib();
        let stored = lib0.to_stored(&sample_agreement(), Lang::ZhHans, false);
        let startup = Startup {
            stored: Some(stored),
            shared: Some(shared.clone()),
            calc: None,
            kept: None,
            notices: vec![Notice::SharedOpened],
        };
        let (lib, a) = LibraryState::start(&startup, &Agreement::default());
        assert_eq!(a, shared);
        assert_eq!(lib.entries.len(), 2);
        assert_eq!(
            lib.entry(lib.current).map(|e| e.name.as_str()),
            Some("Initech — Service")
        );
        assert_eq!(lib.notices, vec![Notice::SharedOpened]);
    }

    #[test]
    fn export_then_import_adds_them_all() {
        let (mut lib, mut ag) = lib();
        lib.apply(LibraryAction::New, &mut ag);
        let file = library_file_json(&lib.snapshot(&ag.agreement));
        lib.apply(LibraryAction::ImportFile(file), &mut ag);
        assert_eq!(lib.entries.len(), 4);
        assert_eq!(lib.notices, vec![Notice::Imported(2)]);
        lib.apply(LibraryAction::ImportFile("{}".into()), &mut ag);
        assert_eq!(lib.notices, vec![Notice::ImportFailed(StoreError::Foreign)]);
        lib.apply(LibraryAction::Dismiss(5), &mut ag);
        lib.apply(LibraryAction::Dismiss(0), &mut ag);
        assert!(lib.notices.is_empty());
        lib.apply(
            LibraryAction::Notify(Notice::SaveFailed(StoreError::QuotaExceeded)),
            &mut ag,
        );
        lib.apply(
            LibraryAction::Notify(Notice::SaveFailed(StoreError::QuotaExceeded)),
            &mut ag,
        );
        assert_eq!(lib.notices.len(), 1);
    }

    #[test]
    fn the_app_starts_from_what_main_read_and_switches_through_the_reducer() {
        use crate::state::{Action, AppState};
        use std::rc::Rc;
        use yew::Reducible;
        let shared = Agreement::default();
        let startup = Startup {
            shared: Some(shared.clone()),
            calc: CalcState::from_query("calc=reverse").ok(),
            ..Startup::default()
        };
        let s = Rc::new(AppState::start(Lang::En, &startup));
        assert_eq!(s.agreement.agreement, shared);
        assert_eq!(s.calc, CalcState::from_query("calc=reverse").unwrap());
        let s = s.reduce(Action::Library(LibraryAction::Switch(1)));
        assert_eq!(s.agreement.agreement, sample_agreement());
        assert_eq!(
            AppState::start(Lang::En, &Startup::default()),
            AppState::sample(Lang::En)
        );
    }

    #[test]
    fn the_stored_envelope_holds_the_live_agreement_and_language() {
        let (lib, mut ag) = lib();
        ag.apply(AgreementAction::SetTargetText("99.95".into()));
        let s = lib.to_stored(&ag.agreement, Lang::ZhHant, true);
        let back = crate::state::persist::decode(&crate::state::persist::encode(&s)).unwrap();
        assert_eq!(back.agreements[0].agreement.availability_target_percent, 99.95);
        assert_eq!(back.prefs.lang.as_deref(), Some("zh-Hant"));
        assert!(back.prefs.keep_incidents);
    }
}
