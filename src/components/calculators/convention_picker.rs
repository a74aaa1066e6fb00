//! The choice of how long a month, quarter and year are, with the calendar date and time zone
//! fields when the exact calendar is chosen.

use super::text::{field_error_text, CalcMsg};
use super::CalcField;
use crate::i18n::use_lang;
use crate::state::calc::{CalcAction, CalcState, ConventionChoice};
use yew::prelude::*;

/// Props of [`ConventionPicker`].
#[derive(Properties, PartialEq)]
pub struct ConventionPickerProps {
    /// The calculators' inputs (the convention, date and zone are read).
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// A `<select>` of conventions; for the calendar one, a date and a time zone field.
#[component]
pub fn ConventionPicker(props: &ConventionPickerProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let s = &props.state;
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(choice) = ConventionChoice::from_key(&select.value()) {
                on_action.emit(CalcAction::SetConvention(choice));
            }
        })
    };
    let option = |choice: ConventionChoice, label: CalcMsg| {
        html! { <option value={choice.key()} selected={s.convention == choice}>{ t(label) }</option> }
    };
    let inputs = s.convention_inputs();
    let calendar = if s.convention == ConventionChoice::Calendar {
        let on_date = props.on_action.reform(CalcAction::SetCalendarDateText);
        let on_zone = props.on_action.reform(CalcAction::SetTimeZoneText);
        html! {
            <>
                <CalcField id="calc-date" label={t(CalcMsg::DateLabel)} value={s.calendar_date_text.clone()}
                    inputmode="numeric" error={inputs.date_error.map(|e| AttrValue::from(field_error_text(lang, &e)))}
                    on_change={on_date} />
                <CalcField id="calc-zone" label={t(CalcMsg::ZoneLabel)} value={s.time_zone_text.clone()}
                    inputmode="text" error={inputs.zone_error.map(|e| AttrValue::from(field_error_text(lang, &e)))}
                    on_change={on_zone} />
            </>
        }
    } else {
        Html::default()
    };
    html! {
        <>
            <label class="calc-field" for="calc-convention">
                <span class="calc-field-label">{ t(CalcMsg::ConventionLabel) }</span>
                <select id="calc-convention" {onchange} data-testid="calc-convention">
                    { option(ConventionChoice::ThirtyDayMonth, CalcMsg::ConvThirty) }
                    { option(ConventionChoice::MeanGregorian, CalcMsg::ConvMean) }
                    { option(ConventionChoice::Calendar, CalcMsg::ConvCalendar) }
                </select>
            </label>
            { calendar }
        </>
    }
}
