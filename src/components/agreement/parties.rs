//! Parties & version: service, provider, customer, the agreement's version and effective date.

use super::field::{text_action, GroupProps, TextField};
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::AgreementAction as A;
use yew::prelude::*;

/// The fields naming the agreement and its parties.
#[component]
pub fn PartiesGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let a = &props.state.agreement;
    let e = &props.errors;
    let act = &props.on_action;
    let date = props.state.text_or("effective_date", || a.effective_date.map(|d| d.to_string()).unwrap_or_default());
    html! {
        <div class="form-row ag-grid">
            <TextField path="service" label={t(AgreementMsg::Service)} value={a.service.clone()}
                problems={e.at("service").to_vec()} on_input={text_action(act, A::SetService)} />
            <TextField path="provider" label={t(AgreementMsg::Provider)} value={a.provider.clone()}
                problems={e.at("provider").to_vec()} on_input={text_action(act, A::SetProvider)} />
            <TextField path="customer" label={t(AgreementMsg::Customer)} value={a.customer.clone()}
                problems={e.at("customer").to_vec()} on_input={text_action(act, A::SetCustomer)} />
            <TextField path="version" label={t(AgreementMsg::Version)} value={a.version.clone()} class="narrow"
                problems={e.at("version").to_vec()} on_input={text_action(act, A::SetVersion)} />
            <TextField path="effective_date" label={t(AgreementMsg::EffectiveDate)} value={date} input_type="date"
                placeholder="YYYY-MM-DD" problems={e.at("effective_date").to_vec()} on_input={text_action(act, A::SetEffectiveDateText)} />
        </div>
    }
}
