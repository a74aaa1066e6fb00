//! The availability target input, with the validation message next to it.

use crate::i18n::{use_lang, Msg};
use yew::prelude::*;

/// Props of [`TargetEditor`].
#[derive(Properties, PartialEq)]
pub struct TargetEditorProps {
    /// The target as the user typed it.
    pub text: AttrValue,
    /// The problem with it, if any, shown next to the field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub on_change: Callback<String>,
}

/// A labelled number field for the availability target in percent.
#[component]
pub fn TargetEditor(props: &TargetEditorProps) -> Html {
    let lang = use_lang();
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_change.emit(input.value());
        })
    };
    let invalid = props.error.is_some();
    html! {
        <label>
            { Msg::AvailabilityTarget.text(lang) }
            <input id="target-input" type="number" inputmode="decimal" step="0.01" min="0" max="100"
                value={props.text.clone()} {oninput}
                aria-invalid={invalid.to_string()} aria-describedby="target-error" />
            <span id="target-error" class="field-error" aria-live="polite">{ props.error.clone().unwrap_or_default() }</span>
        </label>
    }
}
