//! The agreement being edited: the [`Agreement`] the report uses, plus the texts of fields as
//! typed, so a half-typed or invalid value stays visible next to its message instead of being
//! overwritten. A field's value reaches the agreement only when it parses.

use crate::i18n::{Lang, Msg};
use sla_core::model::Agreement;
use sla_core::sample;

/// The agreement and its form texts.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementState {
    /// The agreement in force: what the report is computed from.
    pub agreement: Agreement,
    /// The availability target exactly as typed.
    pub target_text: String,
}

/// Edits to the agreement.
#[derive(Debug, Clone, PartialEq)]
pub enum AgreementAction {
    /// The availability target field changed; the agreement takes the value when it is a number.
    SetTargetText(String),
    /// Replace the whole agreement (a preset, an imported file).
    Replace(Box<Agreement>),
}

impl AgreementState {
    /// The built-in sample agreement.
    pub fn sample() -> AgreementState {
        AgreementState::from_agreement(sample::sample_agreement())
    }

    /// Form state showing `agreement` as it is.
    pub fn from_agreement(agreement: Agreement) -> AgreementState {
        AgreementState { target_text: agreement.availability_target_percent.to_string(), agreement }
    }

    /// Applies one edit.
    pub fn apply(&mut self, action: AgreementAction) {
        match action {
            AgreementAction::SetTargetText(text) => {
                if let Ok(value) = text.trim().parse::<f64>() {
                    self.agreement.availability_target_percent = value;
                }
                self.target_text = text;
            }
            AgreementAction::Replace(agreement) => *self = AgreementState::from_agreement(*agreement),
        }
    }

    /// The message for the target field, if what was typed is not a usable target.
    pub fn target_error(&self, lang: Lang) -> Option<String> {
        let text = self.target_text.trim();
        if text.is_empty() {
            return Some(Msg::EnterTarget.text(lang).to_string());
        }
        if text.parse::<f64>().is_err() {
            return Some(format!("\"{text}\" {}", Msg::NotANumber.text(lang)));
        }
        self.agreement
            .validate()
            .into_iter()
            .find(|e| e.field.0 == "availability_target_percent")
            .map(|e| e.error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_a_target_updates_the_agreement_and_keeps_the_text() {
        let mut s = AgreementState::sample();
        s.apply(AgreementAction::SetTargetText("99.5".into()));
        assert_eq!(s.agreement.availability_target_percent, 99.5);
        assert_eq!(s.target_error(Lang::En), None);
        s.apply(AgreementAction::SetTargetText("100.5".into()));
        assert!(s.target_error(Lang::En).unwrap().contains("between 0 and 100"));
        s.apply(AgreementAction::SetTargetText("99.x".into()));
        assert_eq!(s.agreement.availability_target_percent, 100.5);
        assert_eq!(s.target_text, "99.x");
        assert!(s.target_error(Lang::En).unwrap().contains("not a number"));
        assert!(s.target_error(Lang::ZhHant).unwrap().contains("不是數字"));
    }
}
