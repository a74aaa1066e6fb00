//! Priorities: a table with one row per level — name, respond and resolve targets (time, clock,
//! penalty per breach) — and buttons to add and remove levels.

use crate::components::cells;
use super::field::{text_action, GroupProps, TextField};
use super::text::AgreementMsg;
use crate::i18n::{use_lang, Lang};
use crate::state::agreement::{AgreementAction as A, TargetKind};
use sla_core::model::{ClockTarget, Clock};
use yew::prelude::*;

/// The priority targets table.
#[component]
pub fn PrioritiesGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let priorities = &props.state.agreement.priorities;
    let add = props.on_action.reform(|_: MouseEvent| A::AddPriority);
    html! {
        <>
            if priorities.is_empty() {
                <p class="subtle">{ t(AgreementMsg::NoPriorities) }</p>
            } else {
                <div class="table-wrap">
                    <table class="ag-table ag-priorities">
                        <thead>
                            <tr>
                                { cells::col(t(AgreementMsg::Name)) }
                                { cells::col(t(AgreementMsg::RespondWithin)) }
                                { cells::col(t(AgreementMsg::ResolveWithin)) }
                                <th scope="col"><span class="sr-only">{ t(AgreementMsg::Remove) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for priorities.iter().enumerate().map(|(i, p)| {
                                let name_path = format!("priorities[{i}].name");
                                let label = if p.name.trim().is_empty() { format!("{} {}", t(AgreementMsg::Priority), i + 1) } else { p.name.clone() };
                                html! {
                                    <tr data-testid="priority-row">
                                        <td>
                                            <TextField path={name_path.clone()} label={format!("{} {}", t(AgreementMsg::Priority), i + 1)}
                                                value={p.name.clone()} hide_label=true class="narrow"
                                                problems={props.errors.at(&name_path).to_vec()}
                                                on_input={text_action(&props.on_action, move |s| A::SetPriorityName(i, s))} />
                                        </td>
                                        { cells::td(target_cell(props, lang, i, &label, TargetKind::Respond, &p.respond)) }
                                        { cells::td(target_cell(props, lang, i, &label, TargetKind::Resolve, &p.resolve)) }
                                        <td>
                                            <button type="button" class="secondary" onclick={props.on_action.reform(move |_: MouseEvent| A::RemovePriority(i))}
                                                aria-label={format!("{} {label}", t(AgreementMsg::Remove))}>{ t(AgreementMsg::Remove) }</button>
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <p class="subtle">{ t(AgreementMsg::SpanHint) }</p>
            <button type="button" class="secondary" onclick={add}>{ t(AgreementMsg::AddPriority) }</button>
        </>
    }
}

/// One target's time, clock and penalty, labelled with the priority's name.
fn target_cell(props: &GroupProps, lang: Lang, i: usize, label: &str, kind: TargetKind, target: &Option<ClockTarget>) -> Html {
    let t = |m: AgreementMsg| m.text(lang);
    let what = match kind {
        TargetKind::Respond => t(AgreementMsg::RespondWithin),
        TargetKind::Resolve => t(AgreementMsg::ResolveWithin),
    };
    let base = format!("priorities[{i}].{}", kind.key());
    let within_path = format!("{base}.within");
    let penalty_path = format!("{base}.penalty");
    let within = props.state.text_or(&within_path, || target.as_ref().map(|t| t.within.to_string()).unwrap_or_default());
    let penalty = props.state.text_or(&penalty_path, || target.as_ref().map(|t| t.penalty.to_string()).unwrap_or_default());
    let clock = target.as_ref().map(|t| t.clock).unwrap_or_default();
    let clock_id = super::field::field_id(&format!("{base}.clock"));
    let onchange = props.on_action.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let clock = if select.value() == "service_hours" { Clock::ServiceHours } else { Clock::AroundTheClock };
        A::SetClock(i, kind, clock)
    });
    let none = target.is_none();
    html! {
        <div class="ag-target">
            <TextField path={within_path.clone()} label={format!("{label}: {what}")} value={within} hide_label=true class="narrow"
                placeholder="4h" problems={props.errors.at(&within_path).to_vec()}
                on_input={text_action(&props.on_action, move |s| A::SetWithinText(i, kind, s))} />
            <label class="ag-field">
                <span class="ag-label">{ t(AgreementMsg::Clock) }<span class="sr-only">{ format!(" ({label}: {what})") }</span></span>
                <select id={clock_id} {onchange} disabled={none}>
                    <option value="service_hours" selected={clock == Clock::ServiceHours}>{ t(AgreementMsg::ServiceHoursClock) }</option>
                    <option value="24x7" selected={clock == Clock::AroundTheClock}>{ t(AgreementMsg::AroundTheClockClock) }</option>
                </select>
            </label>
            <TextField path={penalty_path.clone()} label={t(AgreementMsg::PenaltyPerBreach)} label_context={format!("{label}: {what}")} value={penalty}
                inputmode="decimal" class="narrow" disabled={none} problems={props.errors.at(&penalty_path).to_vec()}
                on_input={text_action(&props.on_action, move |s| A::SetPenaltyText(i, kind, s))} />
        </div>
    }
}
