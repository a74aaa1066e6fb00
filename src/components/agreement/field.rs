//! The editor's building blocks: a labelled text field with its problems next to it, a row of
//! weekday checkboxes, a problem note, and the props every group of the editor takes.

use super::text::{problem_text, weekday_name, AgreementMsg, WEEK};
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction, AgreementState, FieldErrors, FieldProblem};
use chrono::Weekday;
use yew::prelude::*;

/// The element id of the field at `path`: `credits.tiers[1].below_percent` →
/// `ag-credits-tiers-1-below_percent`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("ag-");
    for c in path.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

/// Props of every group of the editor.
#[derive(Properties, PartialEq, Clone)]
pub struct GroupProps {
    /// The agreement and its typed texts.
    pub state: AgreementState,
    /// The problems of the form, by field path (computed once per render by the editor).
    pub errors: FieldErrors,
    /// Called with every edit.
    pub on_action: Callback<AgreementAction>,
}

/// A callback turning an input's text into an action.
pub fn text_action(on_action: &Callback<AgreementAction>, make: impl Fn(String) -> AgreementAction + 'static) -> Callback<String> {
    on_action.reform(make)
}

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The field path; the input's id is derived from it.
    pub path: AttrValue,
    /// The visible (or, with `hide_label`, screen-reader) label.
    pub label: AttrValue,
    /// The text shown in the input.
    pub value: AttrValue,
    /// Problems shown next to the input; any makes it `aria-invalid`.
    #[prop_or_default]
    pub problems: Vec<FieldProblem>,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<String>,
    /// The input type: `text` (default), `date`, `datetime-local`.
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The on-screen keyboard hint, e.g. `decimal`.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// Placeholder, e.g. `HH:MM`.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    /// A hint shown under the input and read with it.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Words read after the label by screen readers only, e.g. which row of a table.
    #[prop_or_default]
    pub label_context: Option<AttrValue>,
    /// Label only for screen readers (inside tables, where the column header shows it).
    #[prop_or_default]
    pub hide_label: bool,
    /// Greyed out and not editable.
    #[prop_or_default]
    pub disabled: bool,
    /// Extra CSS class of the wrapper, e.g. `narrow`.
    #[prop_or_default]
    pub class: Classes,
}

/// A labelled input with its problems written next to it (`aria-invalid`, `aria-describedby`).
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let lang = use_lang();
    let id = field_id(&props.path);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let invalid = !props.problems.is_empty();
    let message = props.problems.iter().map(|p| problem_text(p, lang)).collect::<Vec<_>>().join("; ");
    let describedby = match &props.hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    html! {
        <label class={classes!("ag-field", props.class.clone(), invalid.then_some("invalid"))}>
            <span class={classes!("ag-label", props.hide_label.then_some("sr-only"))}>
                { &props.label }
                if let Some(context) = &props.label_context { <span class="sr-only">{ format!(" ({context})") }</span> }
            </span>
            <input id={id} type={props.input_type.clone()} value={props.value.clone()} {oninput}
                inputmode={props.inputmode.clone()} placeholder={props.placeholder.clone()} list={props.list.clone()}
                disabled={props.disabled} autocomplete="off"
                aria-invalid={invalid.to_string()} aria-describedby={describedby} />
            if let Some(hint) = &props.hint {
                <span id={hint_id} class="ag-hint subtle">{ hint }</span>
            }
            <span id={error_id} class="field-error" aria-live="polite">
                if invalid { <span aria-hidden="true">{ "⚠ " }</span> }{ message }
            </span>
        </label>
    }
}

/// Props of [`ProblemNote`].
#[derive(Properties, PartialEq)]
pub struct ProblemNoteProps {
    /// The element id, for `aria-describedby` of the controls it is about.
    pub id: AttrValue,
    /// The problems to write; nothing visible when empty.
    pub problems: Vec<FieldProblem>,
}

/// Problems about a group of controls (a window's days, a list), written out.
#[component]
pub fn ProblemNote(props: &ProblemNoteProps) -> Html {
    let lang = use_lang();
    let message = props.problems.iter().map(|p| problem_text(p, lang)).collect::<Vec<_>>().join("; ");
    html! {
        <span id={props.id.clone()} class="field-error" aria-live="polite">
            if !props.problems.is_empty() { <span aria-hidden="true">{ "⚠ " }</span> }{ message }
        </span>
    }
}

/// Props of [`DaysPicker`].
#[derive(Properties, PartialEq)]
pub struct DaysPickerProps {
    /// The field path of the window; ids are derived from it.
    pub path: AttrValue,
    /// The days ticked.
    pub days: Vec<Weekday>,
    /// Problems about the days (none chosen), shown under the boxes.
    #[prop_or_default]
    pub problems: Vec<FieldProblem>,
    /// Called with the day whose box was switched.
    pub on_toggle: Callback<Weekday>,
}

/// Seven labelled checkboxes, Monday first, in a fieldset.
#[component]
pub fn DaysPicker(props: &DaysPickerProps) -> Html {
    let lang = use_lang();
    let base = field_id(&props.path);
    let note_id = format!("{base}-days-error");
    let invalid = !props.problems.is_empty();
    html! {
        <fieldset class={classes!("ag-days", invalid.then_some("invalid"))} aria-describedby={note_id.clone()} aria-invalid={invalid.to_string()}>
            <legend>{ AgreementMsg::Days.text(lang) }</legend>
            { for WEEK.iter().map(|day| {
                let day = *day;
                let id = format!("{base}-day-{}", day.num_days_from_monday());
                let onchange = props.on_toggle.reform(move |_: Event| day);
                html! {
                    <label class="ag-day">
                        <input type="checkbox" id={id} checked={props.days.contains(&day)} {onchange} />
                        { weekday_name(day, lang) }
                    </label>
                }
            }) }
            <ProblemNote id={note_id} problems={props.problems.clone()} />
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_derived_from_paths() {
        assert_eq!(field_id("credits.tiers[1].below_percent"), "ag-credits-tiers-1-below_percent");
        assert_eq!(field_id("support_hours.hours.weekly[0].start"), "ag-support_hours-hours-weekly-0-start");
        assert_eq!(field_id("time_zone"), "ag-time_zone");
    }
}
