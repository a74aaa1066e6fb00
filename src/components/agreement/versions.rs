//! The versions of the agreement: which one the form edits, when each is in force, what each
//! changed, adding and deleting versions, and the one-click "what if it applied all along".

use crate::components::cells;
use super::text::error_text;
use super::versions_text::{term_label, VersionMsg};
use crate::i18n::use_lang;
use crate::state::agreement::{new_date_problem, AgreementAction as A, AgreementState, VersionAction as V, NEW_DATE_PATH, NEW_LABEL_PATH};
use sla_core::review::compare_versions;
use yew::prelude::*;

/// Props of [`VersionsPanel`].
#[derive(Properties, PartialEq)]
pub struct VersionsPanelProps {
    /// The whole agreement (all versions) and the form state.
    pub state: AgreementState,
    /// Called with every change.
    pub on_action: Callback<A>,
}

/// The list of versions with their actions, the changes of the version opened for comparison,
/// and the form for a new version.
#[component]
pub fn VersionsPanel(props: &VersionsPanelProps) -> Html {
    let lang = use_lang();
    let t = |m: VersionMsg| m.text(lang);
    // Which version's changes are shown (view-only).
    let compared = use_state(|| None::<usize>);
    let s = &props.state;
    let a = &s.agreement;
    let versions = a.versions();
    let act = |v: V| props.on_action.reform(move |_: MouseEvent| A::Versions(v.clone()));

    let rows = versions.iter().map(|v| {
        let index = v.index;
        let span = match (v.effective_date, v.until) {
            (None, None) => t(VersionMsg::FromStart).to_string(),
            (None, Some(u)) => format!("{} {} {u}", t(VersionMsg::FromStart), t(VersionMsg::Until)),
            (Some(f), None) => format!("{} {f} {}", t(VersionMsg::From), t(VersionMsg::Onwards)),
            (Some(f), Some(u)) => format!("{} {f} {} {u}", t(VersionMsg::From), t(VersionMsg::Until)),
        };
        let editing = s.editing == index;
        let what_if = s.what_if == Some(index);
        let on_note = props.on_action.reform(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            A::Versions(V::SetNote(index - 1, input.value()))
        });
        let on_delete = {
            let cb = props.on_action.clone();
            let question = t(VersionMsg::ConfirmDelete).to_string();
            Callback::from(move |_: MouseEvent| {
                if crate::browser::confirm(&question) {
                    cb.emit(A::Versions(V::Remove(index - 1)));
                }
            })
        };
        let on_compare = {
            let compared = compared.clone();
            Callback::from(move |_: MouseEvent| compared.set(if *compared == Some(index) { None } else { Some(index) }))
        };
        html! {
            <tr class={classes!(editing.then_some("editing"))} data-testid="version-row" key={index}>
                <th scope="row">{ &v.version }</th>
                { cells::td(span) }
                <td>
                    if index > 0 {
                        <label class="sr-only" for={format!("version-note-{index}")}>{ t(VersionMsg::Note) }</label>
                        <input id={format!("version-note-{index}")} type="text" value={v.note.clone().unwrap_or_default()} onchange={on_note} maxlength="300" />
                    }
                </td>
                <td><div class="version-actions">
                    if editing {
                        <span class="status good">{ t(VersionMsg::Editing) }</span>
                    } else {
                        <button type="button" class="secondary small" onclick={act(V::Select(index))} data-testid="version-edit">{ t(VersionMsg::Edit) }</button>
                    }
                    if index > 0 {
                        <button type="button" class="secondary small" onclick={on_compare} aria-expanded={(*compared == Some(index)).to_string()} data-testid="version-compare">
                            { if *compared == Some(index) { t(VersionMsg::HideCompare) } else { t(VersionMsg::Compare) } }
                        </button>
                    }
                    if what_if {
                        <span class="status warn">{ t(VersionMsg::WhatIfOn) }</span>
                    } else if versions.len() > 1 {
                        <button type="button" class="secondary small" onclick={act(V::WhatIf(Some(index)))} data-testid="version-what-if">{ t(VersionMsg::WhatIf) }</button>
                    }
                    if index > 0 {
                        <button type="button" class="secondary small" onclick={on_delete}>{ t(VersionMsg::Delete) }</button>
                    }
                </div></td>
            </tr>
        }
    });

    let changes = compared.and_then(|i| {
        let list = compare_versions(a, i - 1, i)?;
        let (before, after) = (versions.get(i - 1)?.version.clone(), versions.get(i)?.version.clone());
        Some(html! {
            <div class="table-wrap version-changes" data-testid="version-changes">
                if list.is_empty() {
                    <p class="subtle">{ t(VersionMsg::NoChanges) }</p>
                } else {
                    <table>
                        <caption>{ format!("{} {before} → {after}", t(VersionMsg::Compare)) }</caption>
                        <thead><tr>
                            { cells::col(t(VersionMsg::Term)) }
                            <th scope="col">{ format!("{} ({before})", t(VersionMsg::Before)) }</th>
                            <th scope="col">{ format!("{} ({after})", t(VersionMsg::After)) }</th>
                        </tr></thead>
                        <tbody>
                            { for list.iter().map(|c| html! {
                                <tr>
                                    <th scope="row">{ term_label(c.kind, lang) }{ c.subject.as_ref().map(|s| format!(" {s}")).unwrap_or_default() }</th>
                                    { cells::td(c.old.clone().unwrap_or_else(|| t(VersionMsg::Absent).to_string())) }
                                    { cells::td(c.new.clone().unwrap_or_else(|| t(VersionMsg::Absent).to_string())) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </div>
        })
    });

    let problems = s.version_problems();
    let new_label = s.text_or(NEW_LABEL_PATH, String::new);
    let new_date = s.text_or(NEW_DATE_PATH, || s.suggested_new_date().map(|d| d.to_string()).unwrap_or_default());
    let on_new_label = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        A::Versions(V::SetNewLabel(input.value()))
    });
    let on_new_date = props.on_action.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        A::Versions(V::SetNewDateText(input.value()))
    });
    let on_add = {
        let cb = props.on_action.clone();
        let typed = s.texts.contains_key(NEW_DATE_PATH);
        let date = new_date.clone();
        Callback::from(move |_: MouseEvent| {
            if !typed {
                // The suggested date was not changed: take it as typed.
                cb.emit(A::Versions(V::SetNewDateText(date.clone())));
            }
            cb.emit(A::Versions(V::Add));
        })
    };
    let date_problem = new_date_problem(s).map(|p| super::text::problem_text(p, lang));

    html! {
        <div class="versions" data-testid="versions">
            <p class="subtle">{ t(VersionMsg::Intro) }</p>
            <div class="table-wrap">
                <table class="versions-table">
                    <thead><tr>
                        { cells::col(t(VersionMsg::Version)) }
                        { cells::col(t(VersionMsg::InForce)) }
                        { cells::col(t(VersionMsg::Note)) }
                        <th scope="col"><span class="sr-only">{ t(VersionMsg::Edit) }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { changes.unwrap_or_default() }
            if !problems.is_empty() {
                <div class="error-box" role="alert" data-testid="version-problems">
                    <p>{ t(VersionMsg::Problems) }</p>
                    <ul>{ for problems.iter().map(|e| html! { <li><code>{ &e.field.0 }</code>{ " " }{ error_text(&e.error, lang) }</li> }) }</ul>
                </div>
            }
            <div class="form-row version-add no-print">
                <label>{ t(VersionMsg::NewLabel) }
                    <input id="version-new-label" type="text" value={new_label} oninput={on_new_label} maxlength="40" placeholder={s.next_label()} />
                </label>
                <label>{ t(VersionMsg::NewDate) }
                    <input id="version-new-date" type="date" value={new_date} onchange={on_new_date}
                        aria-invalid={date_problem.is_some().to_string()} aria-describedby="version-new-date-problem" />
                </label>
                <button type="button" id="version-add" onclick={on_add}>{ t(VersionMsg::Add) }</button>
                if let Some(p) = date_problem {
                    <p class="field-error" id="version-new-date-problem">{ p }</p>
                }
            </div>
            <p class="subtle">{ t(VersionMsg::AddHelp) }</p>
        </div>
    }
}
