//! The composite availability builder: components in series and in parallel, nested, and the
//! same deployment in several regions; each node's availability and the overall result, with
//! located errors.

use super::text::{located_error_text, percent_text, CalcMsg};
use super::CompositeNode;
use crate::i18n::use_lang;
use crate::state::calc::{CalcAction, CalcState};
use yew::prelude::*;

/// Props of [`CompositeBuilder`].
#[derive(Properties, PartialEq)]
pub struct CompositeBuilderProps {
    /// The calculators' inputs (the tree is read).
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// The overall result above the editable tree.
#[component]
pub fn CompositeBuilder(props: &CompositeBuilderProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let answer = props.state.composite_answer();
    let overall = match &answer.overall {
        Ok(p) => html! {
            <div class="figure calc-answer good" data-testid="composite-overall">
                <div class="label">{ t(CalcMsg::Overall) }</div>
                <div class="value">{ percent_text(*p, 6) }</div>
            </div>
        },
        Err(e) => html! {
            <div class="error-box" role="alert" data-testid="composite-error">
                { format!("{} {}", t(CalcMsg::ErrorMark), located_error_text(lang, e)) }
            </div>
        },
    };
    let on_reset = props.on_action.reform(|_: MouseEvent| CalcAction::ResetComposite);
    html! {
        <div class="calc-body">
            <h3>{ t(CalcMsg::TabComposite) }</h3>
            <p class="subtle">{ t(CalcMsg::CompositeHelp) }</p>
            <div aria-live="polite">{ overall }</div>
            <ol class="calc-tree" data-testid="composite-tree">
                <CompositeNode node={props.state.composite.clone()} result={answer.root.clone()} path={Vec::<usize>::new()}
                    on_action={props.on_action.clone()} />
            </ol>
            <p class="no-print">
                <button type="button" class="secondary" onclick={on_reset}>{ t(CalcMsg::ResetExample) }</button>
            </p>
        </div>
    }
}
