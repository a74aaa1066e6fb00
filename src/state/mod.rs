//! The one reducer that owns app state. `reduce` is pure: no storage, no DOM, no clock.
//!
//! The state is split by concern, one file each, and so is [`Action`]: the agreement being
//! edited ([`agreement`]), the incident data ([`data`]) and the quick calculators ([`calc`]).
//! Derived numbers (the report) are never stored; the app computes them from this state.

pub mod agreement;
pub mod calc;
pub mod data;
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

    #[test]
    fn switching_language_changes_nothing_else() {
        let s = Rc::new(AppState::sample(Lang::En));
        let t = s.clone().reduce(Action::SetLang(Lang::ZhHans));
        assert_eq!(t.lang, Lang::ZhHans);
        assert_eq!(t.agreement, s.agreement);
        assert_eq!(t.data, s.data);
    }
}
