//! Measurement period & target: month, quarter, year or a custom span, and the availability
//! target (the existing [`TargetEditor`] field).

use super::field::{field_id, text_action, GroupProps, TextField};
use super::target_editor::TargetEditor;
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction as A, PeriodKind, TARGET_PATH};
use sla_core::model::PeriodSpec;
use yew::prelude::*;

/// The period picker, the custom period's days and the target.
#[component]
pub fn PeriodGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let state = &props.state;
    let kind = PeriodKind::of(&state.agreement.period);
    let onchange = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        A::SetPeriodKind(PeriodKind::from_key(&select.value()).unwrap_or(PeriodKind::Month))
    });
    let name = |k: PeriodKind| match k {
        PeriodKind::Month => t(AgreementMsg::Month),
        PeriodKind::Quarter => t(AgreementMsg::Quarter),
        PeriodKind::Year => t(AgreementMsg::Year),
        PeriodKind::Custom => t(AgreementMsg::Custom),
    };
    let custom = match state.agreement.period {
        PeriodSpec::Custom { first_day, last_day } => {
            let first = state.text_or("period.first_day", || first_day.to_string());
            let last = state.text_or("period.last_day", || last_day.to_string());
            let mut last_problems = props.errors.at("period.last_day").to_vec();
            last_problems.extend(props.errors.at("period").iter().cloned());
            html! {
                <>
                    <TextField path="period.first_day" label={t(AgreementMsg::FirstDay)} value={first} input_type="date"
                        placeholder="YYYY-MM-DD" problems={props.errors.at("period.first_day").to_vec()}
                        on_input={text_action(&props.on_action, A::SetPeriodFirstText)} />
                    <TextField path="period.last_day" label={t(AgreementMsg::LastDay)} value={last} input_type="date"
                        placeholder="YYYY-MM-DD" problems={last_problems}
                        on_input={text_action(&props.on_action, A::SetPeriodLastText)} />
                </>
            }
        }
        _ => html! {},
    };
    let target_problems = props.errors.at(TARGET_PATH);
    let target_error = (!target_problems.is_empty()).then(|| {
        target_problems.iter().map(|p| super::text::problem_text(p, lang)).collect::<Vec<_>>().join("; ")
    });
    let period_id = field_id("period");
    html! {
        <div class="form-row ag-grid">
            <label class="ag-field">
                <span class="ag-label">{ t(AgreementMsg::Period) }</span>
                <select id={period_id} {onchange}>
                    { for PeriodKind::ALL.iter().map(|k| html! {
                        <option value={k.key()} selected={*k == kind}>{ name(*k) }</option>
                    }) }
                </select>
            </label>
            { custom }
            <TargetEditor text={state.target_text.clone()} error={target_error.map(AttrValue::from)}
                on_change={text_action(&props.on_action, A::SetTargetText)} />
        </div>
    }
}
