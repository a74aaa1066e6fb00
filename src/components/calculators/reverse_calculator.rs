//! Reverse calculator: a downtime typed like `3h 10m` over a chosen period → availability %.

use super::text::{convention_sentence, duration_text, field_error_text, percent_text, period_name, CalcMsg};
use super::allowed_table::period_dates;
use super::{CalcField, ConventionPicker};
use crate::i18n::use_lang;
use crate::state::calc::inputs::NoAnswer;
use crate::state::calc::{CalcAction, CalcState};
use sla_core::calc::PeriodKind;
use yew::prelude::*;

/// Props of [`ReverseCalculator`].
#[derive(Properties, PartialEq)]
pub struct ReverseCalculatorProps {
    /// The calculators' inputs.
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// The downtime → availability calculator.
#[component]
pub fn ReverseCalculator(props: &ReverseCalculatorProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let s = &props.state;
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = PeriodKind::ALL.into_iter().find(|k| k.name() == select.value()) {
                on_action.emit(CalcAction::SetReversePeriod(kind));
            }
        })
    };
    let downtime_error = s.downtime_error().map(|e| AttrValue::from(field_error_text(lang, &e)));
    let answer = match s.reverse_answer() {
        Ok(r) => html! {
            <>
                <div class="figure calc-answer" data-testid="reverse-result">
                    <div class="label">{ t(CalcMsg::AvailabilityIs) }</div>
                    <div class="value">{ percent_text(r.availability_percent, 6) }</div>
                    <div class="detail">
                        { format!("{} {} {} ({}{})",
                            duration_text(lang, r.downtime_seconds),
                            t(CalcMsg::DowntimeOf),
                            duration_text(lang, r.measured_seconds),
                            period_name(lang, r.period.kind),
                            match period_dates(r.period.first_day, r.period.end_day) {
                                d if d.is_empty() => d,
                                d => format!(" {d}"),
                            }) }
                    </div>
                </div>
                <p class="calc-convention subtle" data-testid="convention-sentence">{ convention_sentence(lang, &r.period.convention) }</p>
            </>
        },
        Err(NoAnswer::FixFields) | Err(NoAnswer::Problem(_)) => {
            html! { <p class="calc-no-answer" role="status">{ t(CalcMsg::FixFields) }</p> }
        }
    };
    html! {
        <div class="calc-body">
            <h3>{ t(CalcMsg::TabReverse) }</h3>
            <div class="form-row calc-inputs">
                <CalcField id="calc-downtime" label={t(CalcMsg::DowntimeLabel)} value={s.downtime_text.clone()}
                    inputmode="text" error={downtime_error} on_change={props.on_action.reform(CalcAction::SetDowntimeText)} />
                <label class="calc-field" for="calc-reverse-period">
                    <span class="calc-field-label">{ t(CalcMsg::OverPeriodLabel) }</span>
                    <select id="calc-reverse-period" {onchange}>
                        { for PeriodKind::ALL.into_iter().map(|k| html! {
                            <option value={k.name()} selected={k == s.reverse_period}>{ period_name(lang, k) }</option>
                        }) }
                    </select>
                </label>
                <ConventionPicker state={s.clone()} on_action={props.on_action.clone()} />
            </div>
            { answer }
        </div>
    }
}
