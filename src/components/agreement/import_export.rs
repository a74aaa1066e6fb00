//! Import / export: read an agreement JSON file (gloo's file reader, in the input's change
//! callback) and download the agreement as pretty JSON (a Blob, an object URL and an
//! `<a download>`, made in the click callback and revoked after). Nothing here runs in render.

use super::field::{GroupProps, ProblemNote};
use super::text::{import_problem_text, AgreementMsg};
use crate::i18n::use_lang;
use crate::state::agreement::{export_file_name, export_json, AgreementAction as A, ImportStatus};
use sla_core::model::Agreement;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The file picker, the export button and the outcome of the last import.
#[component]
pub fn ImportExportGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    // The reader must live until it has finished; dropping it aborts the read.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            let file = gloo::file::File::from(file);
            // Let the same file be chosen again after it is edited on disk.
            input.set_value("");
            // A file over the agreement size limit is refused before it is read.
            if let Err(e) = sla_core::model::check_agreement_size(file.size()) {
                on_action.emit(A::ImportReadFailed(e.to_string()));
                return;
            }
            let on_action = on_action.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Ok(text) => on_action.emit(A::ImportJson(text)),
                Err(error) => on_action.emit(A::ImportReadFailed(error.to_string())),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let onclick = {
        let agreement = props.state.agreement.clone();
        Callback::from(move |_: MouseEvent| download(&agreement))
    };
    let status = match &props.state.import {
        None => html! {},
        Some(ImportStatus::Imported) => html! { <p class="status good" role="status">{ format!("✓ {}", t(AgreementMsg::Imported)) }</p> },
        Some(ImportStatus::Failed(problem)) => html! {
            <div class="error-box" role="alert" data-testid="import-error">
                <strong>{ t(AgreementMsg::NotImported) }</strong>{ " " }
                <span>{ import_problem_text(problem, lang) }</span>
            </div>
        },
    };
    html! {
        <>
            <div class="form-row">
                <label class="ag-field">
                    <span class="ag-label">{ t(AgreementMsg::ImportFile) }</span>
                    <input id="ag-import-file" type="file" accept=".json,application/json" {onchange} aria-describedby="ag-import-status ag-schema-error" />
                </label>
                <button type="button" id="ag-export" {onclick}>{ t(AgreementMsg::Export) }</button>
            </div>
            <div id="ag-import-status" aria-live="polite">{ status }</div>
            <ProblemNote id="ag-schema-error" problems={props.errors.at("schema").to_vec()} />
            <p class="subtle">{ t(AgreementMsg::ImportExportNote) }</p>
        </>
    }
}

/// Downloads the agreement as a JSON file. Runs only in the click callback.
fn download(agreement: &Agreement) {
    let Some(json) = export_json(agreement) else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let blob = gloo::file::Blob::new_with_options(json.as_str(), Some("application/json"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(link) = document.create_element("a") else { return };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", &export_file_name(agreement));
    let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() else { return };
    let body = document.body();
    if let Some(body) = &body {
        let _ = body.append_child(&link);
    }
    link.click();
    link.remove();
    // Revoke the URL (by dropping it) once the download has started.
    gloo::timers::callback::Timeout::new(2_000, move || drop(url)).forget();
}
