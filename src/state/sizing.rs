//! The pre-sales sizing inputs: a what-if target (as a position on a "nines" slider) and a fee.
//! The table itself is derived from the report by `sla_core::sizing`, never stored.

/// What-if inputs of the sizing table.
#[derive(Debug, Clone, PartialEq)]
pub struct SizingState {
    /// Slider position in "nines": 2 = 99 %, 3 = 99.9 %, 4 = 99.99 %.
    pub nines: f64,
    /// The fee per period as typed; empty means the agreement's fee.
    pub fee_text: String,
}

impl Default for SizingState {
    fn default() -> SizingState {
        SizingState { nines: 3.0, fee_text: String::new() }
    }
}

/// Changes to the sizing inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum SizingAction {
    /// Move the what-if target slider.
    SetNines(f64),
    /// Type a fee.
    SetFeeText(String),
}

/// The target for a slider position: `100 − 10^(2 − nines)`, rounded to 4 decimals
/// (2 → 99, 2.5 → 99.6838, 3 → 99.9, 3.3 → 99.9499, 4 → 99.99).
pub fn target_for_nines(nines: f64) -> f64 {
    let n = if nines.is_finite() { nines.clamp(1.0, 5.0) } else { 3.0 };
    let t = 100.0 - 10f64.powf(2.0 - n);
    (t * 10_000.0).round() / 10_000.0
}

impl SizingState {
    /// Applies one change.
    pub fn apply(&mut self, action: SizingAction) {
        match action {
            SizingAction::SetNines(n) if n.is_finite() => self.nines = n.clamp(1.0, 5.0),
            SizingAction::SetNines(_) => {}
            SizingAction::SetFeeText(t) => self.fee_text = t,
        }
    }

    /// The fee to use: the typed one when it is a number of zero or more, else `default`.
    pub fn fee(&self, default: f64) -> f64 {
        match sla_core::number::parse_f64(self.fee_text.trim()) {
            Some(v) if v.is_finite() && v >= 0.0 => v,
            _ => default,
        }
    }

    /// Whether the typed fee is unusable (shown next to the field).
    pub fn fee_invalid(&self) -> bool {
        let t = self.fee_text.trim();
        !t.is_empty() && !matches!(sla_core::number::parse_f64(t), Some(v) if v.is_finite() && v >= 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slider_reads_in_nines() {
        assert_eq!(target_for_nines(2.0), 99.0);
        assert_eq!(target_for_nines(3.0), 99.9);
        assert_eq!(target_for_nines(4.0), 99.99);
        assert_eq!(target_for_nines(f64::NAN), 99.9);
        assert_eq!(target_for_nines(9.0), target_for_nines(5.0));
    }

    #[test]
    fn a_bad_fee_falls_back_and_is_flagged() {
        let mut s = SizingState::default();
        assert_eq!(s.fee(500.0), 500.0);
        s.apply(SizingAction::SetFeeText("-3".into()));
        assert!(s.fee_invalid());
        assert_eq!(s.fee(500.0), 500.0);
        s.apply(SizingAction::SetFeeText("2500".into()));
        assert_eq!(s.fee(500.0), 2500.0);
        s.apply(SizingAction::SetNines(f64::INFINITY));
        assert_eq!(s.nines, 3.0);
    }
}
