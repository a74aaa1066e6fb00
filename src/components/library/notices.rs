//! The dismissible notices about saved state, share links and calculator links.

use super::text::{notice_text, RememberMsg};
use crate::i18n::use_lang;
use crate::state::persist::Notice;
use yew::prelude::*;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The notices to show, oldest first.
    pub notices: Vec<Notice>,
    /// Called with the index of the notice the user dismissed.
    pub on_dismiss: Callback<usize>,
}

/// Notices, each with a "Dismiss" button; problems are marked ⚠ (not by colour alone).
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="notices" aria-live="polite" aria-label={RememberMsg::Notices.text(lang)}>
            { for props.notices.iter().enumerate().map(|(i, n)| {
                let (text, problem) = notice_text(n, lang);
                let onclick = props.on_dismiss.reform(move |_: MouseEvent| i);
                html! {
                    <div class={classes!("notice", if problem { "warn" } else { "good" })} role={if problem { "alert" } else { "status" }} data-testid="notice">
                        <span>{ if problem { "⚠ " } else { "✓ " } }{ text }</span>
                        <button type="button" class="secondary" {onclick}>{ RememberMsg::Dismiss.text(lang) }</button>
                    </div>
                }
            }) }
        </div>
    }
}
