//! Time zone & service hours: the zone (checked against chrono-tz, with suggestions) and the
//! availability and support schedules.

use super::field::{text_action, GroupProps, TextField};
use super::schedule::ScheduleEditor;
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction as A, WhichHours};
use yew::prelude::*;

/// The time zone field and both schedules.
#[component]
pub fn HoursGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let zone = props.state.text_or("time_zone", || props.state.agreement.time_zone.clone());
    html! {
        <>
            <div class="form-row">
                <TextField path="time_zone" label={t(AgreementMsg::TimeZone)} value={zone} list="ag-time-zones" class="wide"
                    hint={t(AgreementMsg::TimeZoneHint)} placeholder="Europe/Berlin"
                    problems={props.errors.at("time_zone").to_vec()} on_input={text_action(&props.on_action, A::SetTimeZoneText)} />
                <TimeZoneList />
            </div>
            <ScheduleEditor which={WhichHours::Availability} state={props.state.clone()} errors={props.errors.clone()} on_action={props.on_action.clone()} />
            <ScheduleEditor which={WhichHours::Support} state={props.state.clone()} errors={props.errors.clone()} on_action={props.on_action.clone()} />
        </>
    }
}

/// Every IANA zone the browser knows (the compiled database's natively), as suggestions for the
/// time zone field. Has no props, so it renders once.
#[component]
fn TimeZoneList() -> Html {
    html! {
        <datalist id="ag-time-zones">
            { for crate::time_zones::names().into_iter().map(|z| html! { <option value={z} /> }) }
        </datalist>
    }
}
