//! One node of the composite builder's tree (a component, a series or parallel group, or a
//! multi-region deployment), its computed availability and its controls; renders its children.

use super::text::{field_error_text, percent_text, CalcMsg};
use super::CalcField;
use crate::i18n::use_lang;
use crate::state::calc::inputs::NodeResult;
use crate::state::calc::{CalcAction, CalcNode, GroupKind, NodePath, MAX_NESTING};
use yew::prelude::*;

/// Props of [`CompositeNode`].
#[derive(Properties, PartialEq)]
pub struct CompositeNodeProps {
    /// The node as typed.
    pub node: CalcNode,
    /// Its computed result (same shape as `node`).
    pub result: NodeResult,
    /// Where it is in the tree (`[]` is the root).
    pub path: NodePath,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// A list item showing one node; groups and regions nest their children in it.
#[component]
pub fn CompositeNode(props: &CompositeNodeProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let path = props.path.clone();
    let id = format!("calc-node-r{}", path.iter().map(|i| format!("-{i}")).collect::<String>());
    let act = |make: fn(NodePath) -> CalcAction| {
        let path = path.clone();
        props.on_action.reform(move |_: MouseEvent| make(path.clone()))
    };
    let figure = |result: &NodeResult| match result.percent {
        Some(p) => html! {
            <span class="calc-node-result" data-testid="node-availability">
                { format!("{} {}", t(CalcMsg::NodeAvailability), percent_text(p, 6)) }
            </span>
        },
        None => html! { <span class="calc-node-result pending">{ t(CalcMsg::NotComputed) }</span> },
    };
    let is_root = path.is_empty();
    let remove = (!is_root).then(|| {
        html! { <button type="button" class="secondary" onclick={act(CalcAction::Remove)}>{ "✕ " }{ t(CalcMsg::Remove) }</button> }
    });
    let child = |i: usize, node: &CalcNode, result: Option<&NodeResult>| {
        let mut child_path = path.clone();
        child_path.push(i);
        html! {
            <CompositeNode node={node.clone()} result={result.cloned().unwrap_or_else(empty_result)}
                path={child_path} on_action={props.on_action.clone()} />
        }
    };
    match &props.node {
        CalcNode::Leaf { name, percent_text: typed } => {
            let on_name = {
                let path = path.clone();
                props.on_action.reform(move |name| CalcAction::SetLeafName { path: path.clone(), name })
            };
            let on_percent = {
                let path = path.clone();
                props.on_action.reform(move |text| CalcAction::SetLeafPercentText { path: path.clone(), text })
            };
            let error = props.result.error.as_ref().map(|e| AttrValue::from(field_error_text(lang, e)));
            html! {
                <li class="calc-node calc-leaf" data-testid="composite-leaf">
                    <div class="form-row">
                        <CalcField id={format!("{id}-name")} label={t(CalcMsg::Name)} value={name.clone()} inputmode="text"
                            class="calc-name-field" on_change={on_name} />
                        <CalcField id={format!("{id}-percent")} label={t(CalcMsg::ComponentAvailability)} value={typed.clone()}
                            class="calc-percent-field" {error} on_change={on_percent} />
                        <span class="calc-node-actions no-print">
                            <button type="button" class="secondary" onclick={act(CalcAction::WrapInRegions)}>{ t(CalcMsg::DeployInRegions) }</button>
                            { remove }
                        </span>
                    </div>
                </li>
            }
        }
        CalcNode::Group { kind, children } => {
            let onchange = {
                let path = path.clone();
                let on_action = props.on_action.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let kind = if select.value() == "parallel" { GroupKind::Parallel } else { GroupKind::Series };
                    on_action.emit(CalcAction::SetGroupKind { path: path.clone(), kind });
                })
            };
            let add_group = |kind: GroupKind| {
                let parent = path.clone();
                props.on_action.reform(move |_: MouseEvent| CalcAction::AddGroup { parent: parent.clone(), kind })
            };
            let room = path.len() + 3 <= MAX_NESTING;
            let (label, class) = match kind {
                GroupKind::Series => (CalcMsg::Series, "series"),
                GroupKind::Parallel => (CalcMsg::Parallel, "parallel"),
            };
            html! {
                <li class={classes!("calc-node", "calc-group", class)} data-testid="composite-group">
                    <fieldset>
                        <legend>
                            <span class="calc-group-symbol" aria-hidden="true">{ if *kind == GroupKind::Series { "→ " } else { "⇉ " } }</span>
                            { t(label) }{ " — " }{ figure(&props.result) }
                        </legend>
                        <label class="calc-field no-print" for={format!("{id}-kind")}>
                            <span class="calc-field-label">{ t(CalcMsg::GroupType) }</span>
                            <select id={format!("{id}-kind")} {onchange}>
                                <option value="series" selected={*kind == GroupKind::Series}>{ t(CalcMsg::Series) }</option>
                                <option value="parallel" selected={*kind == GroupKind::Parallel}>{ t(CalcMsg::Parallel) }</option>
                            </select>
                        </label>
                        if let Some(e) = &props.result.error {
                            <p class="field-error">{ "⚠ " }{ field_error_text(lang, e) }</p>
                        }
                        <ol class="calc-tree">
                            { for children.iter().enumerate().map(|(i, c)| child(i, c, props.result.children.get(i))) }
                        </ol>
                        <div class="calc-node-actions no-print">
                            <button type="button" class="secondary" onclick={act(CalcAction::AddLeaf)}>{ "+ " }{ t(CalcMsg::AddComponent) }</button>
                            if room {
                                <button type="button" class="secondary" onclick={add_group(GroupKind::Series)}>{ "+ " }{ t(CalcMsg::AddSeriesGroup) }</button>
                                <button type="button" class="secondary" onclick={add_group(GroupKind::Parallel)}>{ "+ " }{ t(CalcMsg::AddParallelGroup) }</button>
                            }
                            <button type="button" class="secondary" onclick={act(CalcAction::WrapInRegions)}>{ t(CalcMsg::DeployInRegions) }</button>
                            { remove }
                        </div>
                    </fieldset>
                </li>
            }
        }
        CalcNode::Regions { count_text, deployment } => {
            let on_count = {
                let path = path.clone();
                props.on_action.reform(move |text| CalcAction::SetRegionCountText { path: path.clone(), text })
            };
            let error = props.result.error.as_ref().map(|e| AttrValue::from(field_error_text(lang, e)));
            html! {
                <li class="calc-node calc-regions" data-testid="composite-regions">
                    <fieldset>
                        <legend>
                            <span class="calc-group-symbol" aria-hidden="true">{ "◎ " }</span>
                            { t(CalcMsg::SameInRegions) }{ " — " }{ figure(&props.result) }
                        </legend>
                        <CalcField id={format!("{id}-count")} label={t(CalcMsg::RegionCount)} value={count_text.clone()}
                            inputmode="numeric" class="calc-count-field" {error} on_change={on_count} />
                        <ol class="calc-tree">
                            { child(0, deployment, props.result.children.first()) }
                        </ol>
                        <div class="calc-node-actions no-print">
                            <button type="button" class="secondary" onclick={act(CalcAction::Unwrap)}>{ t(CalcMsg::SingleRegion) }</button>
                            { remove }
                        </div>
                    </fieldset>
                </li>
            }
        }
    }
}

fn empty_result() -> NodeResult {
    NodeResult { percent: None, error: None, children: Vec::new() }
}
