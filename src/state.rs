//! The one reducer that owns app state. `reduce` is pure: no storage, no DOM, no clock.

use crate::i18n::{Lang, Msg};
use chrono::{DateTime, Utc};
use sla_core::model::{Agreement, Incident};
use sla_core::sample;
use std::rc::Rc;
use yew::Reducible;

/// Everything the app knows. Derived numbers (the report) are not stored here; the app computes
/// them from this state with `use_memo`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The agreement being checked.
    pub agreement: Agreement,
    /// The availability target exactly as typed, so a half-typed or invalid value stays visible
    /// next to its message instead of being overwritten.
    pub target_text: String,
    /// The incidents it is checked against (shared, never cloned per edit).
    pub incidents: Rc<Vec<Incident>>,
    /// Where the incidents came from, for the source line ("built-in sample", a file name).
    pub incidents_source: String,
    /// The instant open incidents are counted up to.
    pub as_of: DateTime<Utc>,
    /// The UI language.
    pub lang: Lang,
}

/// Every change the UI can make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The availability target field changed; the agreement takes the value when it is a number.
    SetTargetText(String),
    /// Switch the UI language.
    SetLang(Lang),
}

impl AppState {
    /// The built-in sample agreement and incident log, read as of the sample's fixed instant.
    pub fn sample(lang: Lang) -> AppState {
        let agreement = sample::sample_agreement();
        AppState {
            lang,
            target_text: agreement.availability_target_percent.to_string(),
            agreement,
            incidents: Rc::new(sample::sample_incidents()),
            incidents_source: Msg::BuiltInSample.text(lang).to_string(),
            as_of: sample::sample_as_of(),
        }
    }

    /// The message for the target field, if what was typed is not a usable target.
    pub fn target_error(&self) -> Option<String> {
        let text = self.target_text.trim();
        if text.is_empty() {
            return Some(Msg::EnterTarget.text(self.lang).to_string());
        }
        if text.parse::<f64>().is_err() {
            return Some(format!("\"{text}\" {}", Msg::NotANumber.text(self.lang)));
        }
        self.agreement
            .validate()
            .into_iter()
            .find(|e| e.field.0 == "availability_target_percent")
            .map(|e| e.error.to_string())
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetTargetText(text) => {
                if let Ok(value) = text.trim().parse::<f64>() {
                    next.agreement.availability_target_percent = value;
                }
                next.target_text = text;
            }
            Action::SetLang(lang) => {
                if next.incidents_source == Msg::BuiltInSample.text(next.lang) {
                    next.incidents_source = Msg::BuiltInSample.text(lang).to_string();
                }
                next.lang = lang;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_target_updates_the_agreement_and_keeps_the_text() {
        let s = Rc::new(AppState::sample(Lang::En));
        let s = s.reduce(Action::SetTargetText("99.5".into()));
        assert_eq!(s.agreement.availability_target_percent, 99.5);
        assert_eq!(s.target_error(), None);
        let s = s.reduce(Action::SetTargetText("100.5".into()));
        assert!(s.target_error().unwrap().contains("between 0 and 100"));
        let s = s.reduce(Action::SetTargetText("99.x".into()));
        assert_eq!(s.agreement.availability_target_percent, 100.5);
        assert_eq!(s.target_text, "99.x");
        assert!(s.target_error().unwrap().contains("not a number"));
    }

    #[test]
    fn editing_keeps_the_incident_list_shared() {
        let s = Rc::new(AppState::sample(Lang::En));
        let before = s.incidents.clone();
        let s = s.reduce(Action::SetTargetText("99".into()));
        assert!(Rc::ptr_eq(&before, &s.incidents));
    }
}
