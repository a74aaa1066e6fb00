//! Maintenance: one-off windows (local start and end) and weekly windows (days and times),
//! excluded from service time and downtime.

use super::field::{text_action, DaysPicker, GroupProps, TextField};
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{format_local_datetime, AgreementAction as A, FieldProblem, MaintenanceKind};
use sla_core::model::{AgreementError, MaintenanceWindow};
use yew::prelude::*;

/// The list of maintenance windows with add and remove buttons.
#[component]
pub fn MaintenanceGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let windows = &props.state.agreement.maintenance;
    html! {
        <>
            <p class="subtle">{ t(AgreementMsg::LocalTimeNote) }</p>
            if windows.is_empty() {
                <p class="subtle">{ t(AgreementMsg::NoMaintenance) }</p>
            }
            <ol class="ag-windows">
                { for windows.iter().enumerate().map(|(i, m)| {
                    let path = format!("maintenance[{i}]");
                    let (days_problems, time_problems): (Vec<FieldProblem>, Vec<FieldProblem>) = props.errors.at(&path).iter().cloned()
                        .partition(|p| matches!(p, FieldProblem::Rule(AgreementError::NoDays)));
                    let start_path = format!("{path}.start");
                    let end_path = format!("{path}.end");
                    let mut end_problems = props.errors.at(&end_path).to_vec();
                    end_problems.extend(time_problems);
                    let (kind, title, start, end, days, input_type, placeholder) = match m {
                        MaintenanceWindow::OneOff { title, start, end } => (t(AgreementMsg::OneOff), title, format_local_datetime(start), format_local_datetime(end), None, "datetime-local", "YYYY-MM-DDTHH:MM"),
                        MaintenanceWindow::Weekly { title, days, start, end } => (t(AgreementMsg::Weekly), title, start.to_string(), end.to_string(), Some(days), "text", "HH:MM"),
                    };
                    let start = props.state.text_or(&start_path, || start);
                    let end = props.state.text_or(&end_path, || end);
                    let row = format!("{} {}", t(AgreementMsg::GroupMaintenance), i + 1);
                    html! {
                        <li class="ag-window" data-testid="maintenance-row">
                            <span class="ag-row-title">{ format!("{row} — {kind}") }</span>
                            <div class="form-row">
                                <TextField path={format!("{path}.title")} label={t(AgreementMsg::Title)} label_context={row.clone()} value={title.clone()}
                                    on_input={text_action(&props.on_action, move |s| A::SetMaintenanceTitle(i, s))} />
                                <TextField path={start_path.clone()} label={t(AgreementMsg::Start)} label_context={row.clone()} value={start}
                                    input_type={input_type} placeholder={placeholder} problems={props.errors.at(&start_path).to_vec()}
                                    on_input={text_action(&props.on_action, move |s| A::SetMaintenanceStartText(i, s))} />
                                <TextField path={end_path.clone()} label={t(AgreementMsg::End)} label_context={row.clone()} value={end}
                                    input_type={input_type} placeholder={placeholder} problems={end_problems}
                                    on_input={text_action(&props.on_action, move |s| A::SetMaintenanceEndText(i, s))} />
                            </div>
                            if let Some(days) = days {
                                <DaysPicker path={path.clone()} days={days.clone()} problems={days_problems}
                                    on_toggle={props.on_action.reform(move |d| A::ToggleMaintenanceDay(i, d))} />
                            }
                            <button type="button" class="secondary" onclick={props.on_action.reform(move |_: MouseEvent| A::RemoveMaintenance(i))}
                                aria-label={format!("{} {row}", t(AgreementMsg::Remove))}>{ t(AgreementMsg::Remove) }</button>
                        </li>
                    }
                }) }
            </ol>
            <div class="form-row">
                <button type="button" class="secondary" onclick={props.on_action.reform(|_: MouseEvent| A::AddMaintenance(MaintenanceKind::OneOff))}>
                    { t(AgreementMsg::AddOneOff) }</button>
                <button type="button" class="secondary" onclick={props.on_action.reform(|_: MouseEvent| A::AddMaintenance(MaintenanceKind::Weekly))}>
                    { t(AgreementMsg::AddWeekly) }</button>
            </div>
        </>
    }
}
