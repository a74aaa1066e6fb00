//! The one reducer that owns app state. `reduce` is pure: no storage, no DOM, no clock.
//!
//! The state is split by concern, one file each, and so is [`Action`]: the agreement being
//! edited ([`agreement`]), the incident data ([`data`]) and the quick calculators ([`calc`]).
//! Derived numbers (the report) are never stored; the app computes them from this state.

pub mod agreement;
pub mod calc;
pub mod data;
pub mod kept;
pub mod library;
pub mod persist;
pub mod sizing;
pub mod table;

use crate::i18n::Lang;
use std::rc::Rc;
use yew::Reducible;

pub use agreement::{AgreementAction, AgreementState};
pub use calc::{CalcAction, CalcState};
pub use data::{DataAction, DataState};
pub use library::{LibraryAction, LibraryState};
pub use sizing::{SizingAction, SizingState};
pub use table::{TableAction, TableState};

/// Everything the app knows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The UI language.
    pub lang: Lang,
    /// The agreement in force and the form texts being edited.
    pub agreement: AgreementState,
    /// The incidents, where they came from, and the "as of" instant.
    pub data: DataState,
    /// The quick calculators' inputs.
    pub calc: CalcState,
    /// The pre-sales sizing what-if inputs.
    pub sizing: SizingState,
    /// The incident table's view.
    pub table: TableState,
    /// The saved agreements (the current one is edited in `agreement`) and the notices.
    pub library: LibraryState,
}

/// Every change the UI can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the UI language.
    SetLang(Lang),
    /// Edit the agreement.
    Agreement(AgreementAction),
    /// Load or change incident data.
    Data(DataAction),
    /// Change a quick calculator's inputs.
    Calc(CalcAction),
    /// Change the sizing what-if inputs.
    Sizing(SizingAction),
    /// Change the incident table's view.
    Table(TableAction),
    /// Manage the saved agreements (switching replaces `agreement`).
    Library(LibraryAction),
}

impl AppState {
    /// The built-in sample agreement and incident log, read as of the sample's fixed instant.
    pub fn sample(lang: Lang) -> AppState {
        let agreement = AgreementState::sample();
        let library = LibraryState::single(&agreement.agreement);
        AppState { lang, agreement, data: DataState::sample(), calc: CalcState::default(), sizing: SizingState::default(), table: TableState::default(), library }
    }

    /// The sample, then what `main.rs` read before the first render: the saved agreements, a
    /// shared agreement, calculator inputs from a link, and notices about them.
    pub fn start(lang: Lang, startup: &persist::Startup) -> AppState {
        let mut s = AppState::sample(lang);
        let (library, agreement) = LibraryState::start(startup, &s.agreement.agreement);
        if agreement != s.agreement.agreement {
            s.agreement = AgreementState::from_agreement(agreement);
        }
        s.library = library;
        if let Some(calc) = &startup.calc {
            s.calc = calc.clone();
        }
        s.data.keep = startup.stored.as_ref().map(|st| st.prefs.keep_incidents).unwrap_or(false);
        if let Some(kept) = &startup.kept {
            let a = &s.agreement.agreement;
            match kept.restore(a.import_mapping.as_ref(), &a.time_zone) {
                Ok(data) => {
                    let rows = kept::rows_read(&data.files);
                    let names = kept.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(" + ");
                    s.data = DataState { keep: true, kept_files: Some(data::KeptFiles::of(&kept.files())), ..data };
                    s.library.notices.push(persist::Notice::KeptRestored(names, rows));
                }
                Err((name, e)) => s.library.notices.push(persist::Notice::KeptReset(format!("{name}: {e}"))),
            }
        }
        s
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Agreement(a) => next.agreement.apply(a),
            Action::Data(a) => next.data.apply(a),
            Action::Calc(a) => next.calc.apply(a),
            Action::Sizing(a) => next.sizing.apply(a),
            Action::Table(a) => next.table.apply(a),
            Action::Library(a) => next.library.apply(a, &mut next.agreement),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_the_agreement_keeps_the_incident_list_shared() {
        let s = Rc::new(AppState::sample(Lang::En));
        let before = s.data.incidents.clone();
        let s = s.reduce(Action::Agreement(AgreementAction::SetTargetText("99".into())));
        assert!(Rc::ptr_eq(&before, &s.data.incidents));
        assert_eq!(s.agreement.agreement.availability_target_percent, 99.0);
    }

    fn startup_with_kept(keep_pref: bool, kept_text: &str) -> persist::Startup {
        let lib = LibraryState::single(&sla_core::sample::sample_agreement());
        let stored = lib.to_stored(&sla_core::sample::sample_agreement(), Lang::En, keep_pref);
        let mut startup = persist::Startup::read(Some(&persist::encode(&stored)), "", "");
        startup.read_kept(Some(kept_text));
        startup
    }

    #[test]
    fn kept_files_are_imported_again_at_start_only_when_opted_in() {
        let csv = "id,start,end\nK-1,2026-03-02T10:00:00Z,2026-03-02T12:00:00Z\nK-2,nonsense,x\n";
        let kept = kept::Kept::new(&[("mine.csv".into(), csv.as_bytes().to_vec())], &Default::default(), "2026-04-01T00:00:00Z".parse().unwrap())
            .encode();

        let on = startup_with_kept(true, &kept);
        assert!(!on.drop_kept(Some(&kept)));
        let s = AppState::start(Lang::En, &on);
        assert!(s.data.keep);
        assert_eq!(s.data.source, data::DataSource::Loaded("mine.csv".into()));
        let c = s.data.counts();
        assert_eq!((c.read, c.accepted, c.rejected), (2, 1, 1));
        assert!(matches!(s.data.kept_files, Some(data::KeptFiles::Files(_))));
        assert!(s.library.notices.contains(&persist::Notice::KeptRestored("mine.csv".into(), 2)));

        // Opted out: the kept value is not read, and is to be removed.
        let off = startup_with_kept(false, &kept);
        assert!(off.kept.is_none() && off.drop_kept(Some(&kept)));
        let s = AppState::start(Lang::En, &off);
        assert_eq!(s.data.source, data::DataSource::Sample);
        assert!(!s.data.keep);

        // Damaged: a notice, the sample, and removal.
        let bad = startup_with_kept(true, "{\"schema\":\"sla-kept-incidents/1\"");
        assert!(bad.drop_kept(Some("x")));
        assert!(matches!(bad.notices.last(), Some(persist::Notice::KeptReset(_))));
        assert_eq!(AppState::start(Lang::En, &bad).data.source, data::DataSource::Sample);
    }

    #[test]
    fn keeping_needs_the_choice_and_loaded_data() {
        let mut d = DataState::sample();
        let files = data::KeptFiles::of(&[("a.csv".into(), b"id,start\n".to_vec())]);
        d.apply(DataAction::KeepFiles(files.clone(), Default::default()));
        assert!(d.kept_files.is_none(), "the sample is never kept");
        d.apply(DataAction::SetKeep(true));
        d.apply(DataAction::Imported { source: "a.csv".into(), files: vec![] });
        d.apply(DataAction::KeepFiles(files.clone(), Default::default()));
        assert_eq!(d.kept_files, Some(files));
        let big = data::KeptFiles::of(&[("big.csv".into(), vec![b'x'; kept::KEEP_LIMIT_BYTES + 1])]);
        assert_eq!(big, data::KeptFiles::TooLarge(kept::KEEP_LIMIT_BYTES + 1));
    }

    #[test]
    fn switching_language_changes_nothing_else() {
        let s = Rc::new(AppState::sample(Lang::En));
        let t = s.clone().reduce(Action::SetLang(Lang::ZhHans));
        assert_eq!(t.lang, Lang::ZhHans);
        assert_eq!(t.agreement, s.agreement);
        assert_eq!(t.data, s.data);
    }
}
