//! The list of saved agreements: rename, switch, duplicate, delete, add, and export/import of
//! them all as one JSON file. File reading and downloading happen in callbacks only.

use super::text::RememberMsg;
use crate::i18n::use_lang;
use crate::state::library::LibraryAction as L;
use crate::state::persist::{library_file_json, SavedAgreement};
use sla_core::model::Agreement;
use yew::prelude::*;

/// Props of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    /// The saved agreements, in list order (the current one's agreement may be older than `live`).
    pub entries: Vec<SavedAgreement>,
    /// The id of the agreement being edited.
    pub current: u64,
    /// The agreement being edited, for "Export all".
    pub live: Agreement,
    /// Called with each change.
    pub on_action: Callback<L>,
}

/// The saved agreements list.
#[component]
pub fn LibraryPanel(props: &LibraryPanelProps) -> Html {
    let lang = use_lang();
    let t = |m: RememberMsg| m.text(lang);
    // The reader must live until it has finished; dropping it aborts the read.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_import = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let file = gloo::file::File::from(file);
            input.set_value("");
            let on_action = on_action.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Ok(text) => on_action.emit(L::ImportFile(text)),
                Err(error) => on_action.emit(L::ImportReadFailed(error.to_string())),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_export = {
        let (entries, current, live) = (props.entries.clone(), props.current, props.live.clone());
        Callback::from(move |_: MouseEvent| {
            let all: Vec<SavedAgreement> = entries
                .iter()
                .map(|e| {
                    if e.id == current {
                        SavedAgreement {
                            agreement: live.clone(),
                            ..e.clone()
                        }
                    } else {
                        e.clone()
                    }
                })
                .collect();
            let _ = crate::browser::download_text("sla-agreements.json", "application/json", &library_file_json(&all));
        })
    };
    let on_new = props.on_action.reform(|_: MouseEvent| L::New);
    let only_one = props.entries.len() < 2;
    html! {
        <div class="library" data-testid="library">
            <p class="subtle">{ t(RememberMsg::LibraryIntro) }</p>
            <ul class="lib-list">
                { for props.entries.iter().map(|e| {
                    let id = e.id;
                    let is_current = id == props.current;
                    let input_id = format!("lib-name-{id}");
                    let on_rename = props.on_action.reform(move |ev: Event| {
                        let input: web_sys::HtmlInputElement = ev.target_unchecked_into();
                        L::Rename(id, input.value())
                    });
                    let on_switch = props.on_action.reform(move |_: MouseEvent| L::Switch(id));
                    let on_duplicate = props.on_action.reform(move |_: MouseEvent| L::Duplicate(id));
                    let on_delete = {
                        let on_action = props.on_action.clone();
                        let question = t(RememberMsg::ConfirmDelete);
                        Callback::from(move |_: MouseEvent| {
                            if crate::browser::confirm(question) {
                                on_action.emit(L::Delete(id));
                            }
                        })
                    };
                    html! {
                        <li class={classes!("lib-item", is_current.then_some("current"))} key={id} data-testid="library-entry" aria-current={is_current.then_some("true")}>
                            <label class="lib-name" for={input_id.clone()}>
                                <span class="lib-label">{ t(RememberMsg::Name) }</span>
                                <input id={input_id} type="text" value={e.name.clone()} onchange={on_rename} maxlength="120" />
                            </label>
                            <span class="lib-buttons">
                                if is_current {
                                    <span class="status good lib-editing">{ format!("✓ {}", t(RememberMsg::Editing)) }</span>
                                } else {
                                    <button type="button" onclick={on_switch} data-testid="library-switch">{ t(RememberMsg::Edit) }</button>
                                }
                                <button type="button" class="secondary" onclick={on_duplicate}>{ t(RememberMsg::Duplicate) }</button>
                                <button type="button" class="secondary" onclick={on_delete} disabled={only_one}>{ t(RememberMsg::Delete) }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <div class="form-row lib-actions no-print">
                <button type="button" onclick={on_new} id="lib-new">{ t(RememberMsg::New) }</button>
                <button type="button" class="secondary" onclick={on_export} id="lib-export">{ t(RememberMsg::ExportAll) }</button>
                <label class="lib-import" for="lib-import-file">
                    <span class="lib-label">{ t(RememberMsg::ImportAll) }</span>
                    <input id="lib-import-file" type="file" accept=".json,application/json" onchange={on_import} />
                </label>
            </div>
        </div>
    }
}
