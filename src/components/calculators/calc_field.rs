//! A labelled text field of a calculator with its validation message next to it.

use yew::prelude::*;

/// Props of [`CalcField`].
#[derive(Properties, PartialEq)]
pub struct CalcFieldProps {
    /// The input's id (unique on the page); the message gets `<id>-error`.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// The problem with it, worded for the user, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The virtual keyboard to offer (`decimal`, `numeric`, `text`).
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// Extra classes for the label (e.g. a narrow field).
    #[prop_or_default]
    pub class: Classes,
    /// Called with the new text on every keystroke.
    pub on_change: Callback<String>,
}

/// A text input (text, not `type=number`, so that what was typed stays visible even when it
/// is not a number) with a label and an inline message.
#[component]
pub fn CalcField(props: &CalcFieldProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_change.emit(input.value());
        })
    };
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    html! {
        <label class={classes!("calc-field", props.class.clone())} for={props.id.clone()}>
            <span class="calc-field-label">{ props.label.clone() }</span>
            <input id={props.id.clone()} type="text" inputmode={props.inputmode.clone()} autocomplete="off"
                spellcheck="false" value={props.value.clone()} {oninput}
                aria-invalid={invalid.to_string()} aria-describedby={error_id.clone()} />
            <span id={error_id} class="field-error" aria-live="polite">
                { props.error.as_ref().map(|e| html! { <>{ "⚠ " }{ e.clone() }</> }).unwrap_or_default() }
            </span>
        </label>
    }
}
