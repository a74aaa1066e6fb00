//! The language picker.

use crate::i18n::{Lang, Msg};
use yew::prelude::*;

/// Props of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language in use.
    pub lang: Lang,
    /// Called with the language picked.
    pub on_change: Callback<Lang>,
}

/// A labelled select listing each language in its own name.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_change.emit(Lang::from_tag(&select.value()));
        })
    };
    html! {
        <label class="lang-switch">
            <span>{ Msg::Language.text(props.lang) }</span>
            <select id="lang-select" {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.tag()} selected={*l == props.lang} lang={l.tag()}>{ l.native_name() }</option>
                }) }
            </select>
        </label>
    }
}
