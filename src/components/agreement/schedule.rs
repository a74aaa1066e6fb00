//! One schedule (availability or support hours): 24×7 or weekly windows, and its holidays.

use super::field::{field_id, text_action, DaysPicker, ProblemNote, TextField};
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction, AgreementState, FieldErrors, FieldProblem, ScheduleAction as S, WhichHours};
use sla_core::model::{AgreementError, Hours};
use yew::prelude::*;

/// Props of [`ScheduleEditor`].
#[derive(Properties, PartialEq)]
pub struct ScheduleEditorProps {
    /// Which schedule this edits.
    pub which: WhichHours,
    /// The agreement and its typed texts.
    pub state: AgreementState,
    /// The form's problems by field path.
    pub errors: FieldErrors,
    /// Called with every edit.
    pub on_action: Callback<AgreementAction>,
}

/// The hours choice, the weekly windows (days, start, end) and the holiday list of one schedule.
#[component]
pub fn ScheduleEditor(props: &ScheduleEditorProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let which = props.which;
    let base = which.path();
    let schedule = match which {
        WhichHours::Availability => &props.state.agreement.availability_hours,
        WhichHours::Support => &props.state.agreement.support_hours,
    };
    let send = {
        let on_action = props.on_action.clone();
        move |a: S| on_action.emit(AgreementAction::Schedule(which, a))
    };
    let sched = move |make: fn(String) -> S| -> Callback<String> {
        let send = send.clone();
        Callback::from(move |s: String| send(make(s)))
    };
    let click = |a: S| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(AgreementAction::Schedule(which, a.clone())))
    };
    let title = if which == WhichHours::Availability { t(AgreementMsg::AvailabilityHours) } else { t(AgreementMsg::SupportHours) };
    let kind_name = format!("{}-kind", field_id(base));
    let weekly = matches!(schedule.hours, Hours::Weekly(_));
    let hours_path = format!("{base}.hours");
    let windows_html = match &schedule.hours {
        Hours::TwentyFourSeven => html! {},
        Hours::Weekly(windows) => html! {
            <>
            <ol class="ag-windows">
                { for windows.iter().enumerate().map(|(i, w)| {
                    let path = format!("{base}.hours.weekly[{i}]");
                    let row = props.errors.at(&path);
                    let (days_problems, time_problems): (Vec<FieldProblem>, Vec<FieldProblem>) =
                        row.iter().cloned().partition(|p| matches!(p, FieldProblem::Rule(AgreementError::NoDays)));
                    let start_path = format!("{path}.start");
                    let end_path = format!("{path}.end");
                    let start = props.state.text_or(&start_path, || w.start.to_string());
                    let end = props.state.text_or(&end_path, || w.end.to_string());
                    let mut end_problems = props.errors.at(&end_path).to_vec();
                    end_problems.extend(time_problems);
                    let on_toggle = {
                        let on_action = props.on_action.clone();
                        Callback::from(move |day| on_action.emit(AgreementAction::Schedule(which, S::ToggleDay(i, day))))
                    };
                    let on_start = text_action(&props.on_action, move |s| AgreementAction::Schedule(which, S::SetStartText(i, s)));
                    let on_end = text_action(&props.on_action, move |s| AgreementAction::Schedule(which, S::SetEndText(i, s)));
                    let window_name = format!("{} {}", t(AgreementMsg::Window), i + 1);
                    html! {
                        <li class="ag-window" data-testid="weekly-window">
                            <span class="ag-row-title">{ window_name.clone() }</span>
                            <DaysPicker path={path.clone()} days={w.days.clone()} problems={days_problems} {on_toggle} />
                            <div class="form-row">
                                <TextField path={start_path.clone()} label={t(AgreementMsg::Start)} label_context={window_name.clone()} value={start} class="time"
                                    placeholder="HH:MM" problems={props.errors.at(&start_path).to_vec()} on_input={on_start} />
                                <TextField path={end_path.clone()} label={t(AgreementMsg::End)} label_context={window_name.clone()} value={end} class="time"
                                    placeholder="HH:MM" problems={end_problems} on_input={on_end} />
                                <button type="button" class="secondary" onclick={click(S::RemoveWindow(i))}
                                    aria-label={format!("{} {} {}", t(AgreementMsg::Remove), t(AgreementMsg::Window), i + 1)}>
                                    { t(AgreementMsg::Remove) }
                                </button>
                            </div>
                        </li>
                    }
                }) }
            </ol>
            <p class="subtle">{ t(AgreementMsg::TimeHint) }</p>
            <button type="button" class="secondary" onclick={click(S::AddWindow)}>{ t(AgreementMsg::AddWindow) }</button>
            </>
        },
    };
    let new_holiday_path = format!("{base}.holidays.new");
    let new_holiday = props.state.text_or(&new_holiday_path, String::new);
    html! {
        <fieldset class="ag-schedule" data-testid={format!("schedule-{base}")}>
            <legend>{ title }</legend>
            <div class="ag-choice" role="radiogroup" aria-label={t(AgreementMsg::Hours)}>
                <label><input type="radio" name={kind_name.clone()} checked={!weekly}
                    onchange={click_change(&props.on_action, which, S::SetTwentyFourSeven)} />{ t(AgreementMsg::AroundTheClock) }</label>
                <label><input type="radio" name={kind_name} checked={weekly}
                    onchange={click_change(&props.on_action, which, S::SetWeekly)} />{ t(AgreementMsg::WeeklyWindows) }</label>
            </div>
            { windows_html }
            <ProblemNote id={format!("{}-error", field_id(&hours_path))} problems={props.errors.at(&hours_path).to_vec()} />
            <div class="ag-holidays">
                <h4>{ t(AgreementMsg::Holidays) }</h4>
                if schedule.holidays.is_empty() {
                    <p class="subtle">{ t(AgreementMsg::NoHolidays) }</p>
                } else {
                    <ul class="ag-chips">
                        { for schedule.holidays.iter().enumerate().map(|(i, d)| html! {
                            <li>
                                <span>{ d.to_string() }</span>
                                <button type="button" class="secondary small" onclick={click(S::RemoveHoliday(i))}
                                    aria-label={format!("{} {d}", t(AgreementMsg::Remove))}>{ "×" }</button>
                            </li>
                        }) }
                    </ul>
                }
                <div class="form-row">
                    <TextField path={new_holiday_path.clone()} label={t(AgreementMsg::NewHoliday)} value={new_holiday} input_type="date"
                        placeholder="YYYY-MM-DD" problems={props.errors.at(&new_holiday_path).to_vec()} on_input={sched(S::SetNewHolidayText)} />
                    <button type="button" class="secondary" onclick={click(S::AddHoliday)}>{ t(AgreementMsg::AddHoliday) }</button>
                </div>
            </div>
        </fieldset>
    }
}

fn click_change(on_action: &Callback<AgreementAction>, which: WhichHours, action: S) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |_: Event| on_action.emit(AgreementAction::Schedule(which, action.clone())))
}
