//! The quick calculators' inputs (no upload needed): a target and period convention for the
//! allowed-downtime table. Results are computed from these by `sla_core::calc`, never stored.

/// Inputs of the quick calculators.
#[derive(Debug, Clone, PartialEq)]
pub struct CalcState {
    /// The target as typed, percent.
    pub target_text: String,
}

impl Default for CalcState {
    fn default() -> CalcState {
        CalcState { target_text: "99.9".to_string() }
    }
}

/// Changes to the calculators' inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum CalcAction {
    /// The target field changed.
    SetTargetText(String),
}

impl CalcState {
    /// Applies one change.
    pub fn apply(&mut self, action: CalcAction) {
        match action {
            CalcAction::SetTargetText(t) => self.target_text = t,
        }
    }
}
