//! Impact weighting: how much of a partial outage and of degraded performance counts as
//! downtime.

use super::field::{text_action, GroupProps, TextField};
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::AgreementAction as A;
use yew::prelude::*;

/// The two weight fields, percent.
#[component]
pub fn ImpactGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let impact = &props.state.agreement.impact;
    let partial = props.state.text_or("impact.partial_outage_percent", || impact.partial_outage_percent.to_string());
    let degraded = props.state.text_or("impact.degraded_percent", || impact.degraded_percent.to_string());
    html! {
        <>
            <div class="form-row">
                <TextField path="impact.partial_outage_percent" label={t(AgreementMsg::PartialWeight)} value={partial} inputmode="decimal"
                    problems={props.errors.at("impact.partial_outage_percent").to_vec()} on_input={text_action(&props.on_action, A::SetPartialWeightText)} />
                <TextField path="impact.degraded_percent" label={t(AgreementMsg::DegradedWeight)} value={degraded} inputmode="decimal"
                    problems={props.errors.at("impact.degraded_percent").to_vec()} on_input={text_action(&props.on_action, A::SetDegradedWeightText)} />
            </div>
            <p class="subtle">{ t(AgreementMsg::ImpactNote) }</p>
        </>
    }
}
