//! Presets: one-click starting points — "24×7, 99.9 %", "business hours Mon–Fri 08:00–18:00,
//! 99.5 %" and the public cloud credit tables (target and tiers).

use super::field::GroupProps;
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction as A, Preset};
use sla_core::credits::{fmt_percent, CreditPreset};
use yew::prelude::*;

/// A credit table written out: `99.5 % target; < 99.5 % → 10 %, < 99 % → 30 %, < 95 % → 100 %`.
pub fn credit_preset_summary(preset: CreditPreset) -> String {
    let (target, tiers) = preset.table();
    let tiers: Vec<String> = tiers.iter().map(|t| format!("< {} → {}", fmt_percent(t.below_percent), fmt_percent(t.credit_percent))).collect();
    format!("{}; {}", fmt_percent(target), tiers.join(", "))
}

/// The preset buttons.
#[component]
pub fn PresetsGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let button = |preset: Preset, label: String, detail: Option<String>| {
        let onclick = props.on_action.reform(move |_: MouseEvent| A::ApplyPreset(preset));
        html! {
            <li>
                <button type="button" class="secondary ag-preset" {onclick} data-testid="preset">
                    <span>{ label }</span>
                    if let Some(detail) = detail { <span class="subtle">{ detail }</span> }
                </button>
            </li>
        }
    };
    html! {
        <>
            <p class="subtle">{ t(AgreementMsg::PresetsNote) }</p>
            <ul class="ag-presets">
                { button(Preset::AroundTheClock999, t(AgreementMsg::Preset247).to_string(), None) }
                { button(Preset::BusinessHours995, t(AgreementMsg::PresetBusiness).to_string(), None) }
            </ul>
            <h4>{ t(AgreementMsg::PresetCreditTables) }</h4>
            <ul class="ag-presets">
                { for CreditPreset::ALL.iter().map(|p| button(Preset::Credits(*p), p.name().to_string(), Some(credit_preset_summary(*p)))) }
            </ul>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_tables_are_written_out_from_the_core() {
        assert_eq!(credit_preset_summary(CreditPreset::AwsEc2Instance), "99.5 %; < 99.5 % → 10 %, < 99 % → 30 %, < 95 % → 100 %");
    }
}
