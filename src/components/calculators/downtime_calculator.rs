//! Target % → allowed downtime per day, week, month, quarter and year, with the convention
//! stated in words under the table.

use super::text::{convention_sentence, field_error_text, CalcMsg};
use super::{AllowedTable, CalcField, ConventionPicker};
use crate::i18n::use_lang;
use crate::state::calc::{CalcAction, CalcState};
use crate::state::calc::inputs::NoAnswer;
use yew::prelude::*;

/// Props of [`DowntimeCalculator`].
#[derive(Properties, PartialEq)]
pub struct DowntimeCalculatorProps {
    /// The calculators' inputs.
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// The allowed-downtime calculator.
#[component]
pub fn DowntimeCalculator(props: &DowntimeCalculatorProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let s = &props.state;
    let target_error = s.target_error().map(|e| AttrValue::from(field_error_text(lang, &e)));
    let answer = match s.allowed_downtime_answer() {
        Ok(rows) => {
            let calendar = rows.first().is_some_and(|r| r.period.first_day.is_some());
            let convention = rows.first().map(|r| convention_sentence(lang, &r.period.convention)).unwrap_or_default();
            html! {
                <>
                    <AllowedTable rows={rows.clone()} {calendar} length_label={CalcMsg::Length} testid="allowed-table" row_testid="allowed-row" />
                    <p class="calc-convention subtle" data-testid="convention-sentence">{ convention }</p>
                </>
            }
        }
        Err(NoAnswer::FixFields) => html! { <p class="calc-no-answer" role="status">{ t(CalcMsg::FixFields) }</p> },
        Err(NoAnswer::Problem(e)) => html! {
            <div class="error-box" role="alert">{ format!("{} {}", t(CalcMsg::ErrorMark), field_error_text(lang, &e)) }</div>
        },
    };
    html! {
        <div class="calc-body">
            <h3>{ t(CalcMsg::TabDowntime) }</h3>
            <div class="form-row calc-inputs">
                <CalcField id="calc-target" label={t(CalcMsg::TargetLabel)} value={s.target_text.clone()}
                    error={target_error} on_change={props.on_action.reform(CalcAction::SetTargetText)} />
                <ConventionPicker state={s.clone()} on_action={props.on_action.clone()} />
            </div>
            { answer }
        </div>
    }
}
