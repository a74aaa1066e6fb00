//! Per-weekday service hours (Monday first, 0 = not measured, as on uptime.is) → measured time
//! and allowed downtime per week, month, quarter and year.

use super::text::{convention_sentence, duration_text, field_error_text, weekday_name, CalcMsg};
use super::{AllowedTable, CalcField, ConventionPicker};
use crate::i18n::use_lang;
use crate::state::calc::inputs::NoAnswer;
use crate::state::calc::{CalcAction, CalcState};
use yew::prelude::*;

/// Props of [`ServiceHoursCalculator`].
#[derive(Properties, PartialEq)]
pub struct ServiceHoursCalculatorProps {
    /// The calculators' inputs.
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// The service-hours calculator.
#[component]
pub fn ServiceHoursCalculator(props: &ServiceHoursCalculatorProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let s = &props.state;
    let target_error = s.target_error().map(|e| AttrValue::from(field_error_text(lang, &e)));
    let hour_errors = s.hours_errors();
    let days = (0..7).map(|day| {
        let on_change = props.on_action.reform(move |text| CalcAction::SetHoursText { day, text });
        let error = hour_errors[day].as_ref().map(|e| AttrValue::from(field_error_text(lang, e)));
        html! {
            <CalcField id={format!("calc-hours-{day}")} label={weekday_name(lang, day)} value={s.hours_text[day].clone()}
                class="calc-hours-field" {error} {on_change} />
        }
    });
    let answer = match s.service_hours_answer() {
        Ok(rows) => {
            let calendar = rows.first().is_some_and(|r| r.period.first_day.is_some());
            let convention = rows.first().map(|r| convention_sentence(lang, &r.period.convention)).unwrap_or_default();
            let weekly = rows.first().map(|r| r.measured_seconds);
            html! {
                <>
                    if let (Some(week), false) = (weekly, calendar) {
                        <p data-testid="hours-per-week">{ format!("{}: {}", t(CalcMsg::HoursPerWeek), duration_text(lang, week)) }</p>
                    }
                    <AllowedTable rows={rows.clone()} {calendar} length_label={CalcMsg::MeasuredTime} testid="hours-table" row_testid="hours-row" />
                    <p class="calc-convention subtle" data-testid="convention-sentence">{ convention }</p>
                    <p class="subtle">{ t(CalcMsg::HoursNote) }</p>
                </>
            }
        }
        Err(NoAnswer::FixFields) => html! { <p class="calc-no-answer" role="status">{ t(CalcMsg::FixFields) }</p> },
        Err(NoAnswer::Problem(e)) => html! {
            <div class="error-box" role="alert" data-testid="hours-problem">{ format!("{} {}", t(CalcMsg::ErrorMark), field_error_text(lang, &e)) }</div>
        },
    };
    html! {
        <div class="calc-body">
            <h3>{ t(CalcMsg::TabHours) }</h3>
            <div class="form-row calc-inputs">
                <CalcField id="calc-hours-target" label={t(CalcMsg::TargetLabel)} value={s.target_text.clone()}
                    error={target_error} on_change={props.on_action.reform(CalcAction::SetTargetText)} />
                <ConventionPicker state={s.clone()} on_action={props.on_action.clone()} />
            </div>
            <fieldset class="calc-hours">
                <legend>{ t(CalcMsg::HoursLegend) }</legend>
                <div class="calc-hours-grid">{ for days }</div>
            </fieldset>
            { answer }
        </div>
    }
}
