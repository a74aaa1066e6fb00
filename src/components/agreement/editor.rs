//! The agreement editor: every field of the agreement in collapsible groups (`<details>`, so
//! keyboard-operable without script state), each problem next to its field, and a count of
//! problems in each group's summary.

use super::credits::CreditsGroup;
use super::field::GroupProps;
use super::hours::HoursGroup;
use super::impact::ImpactGroup;
use super::import_export::ImportExportGroup;
use super::maintenance::MaintenanceGroup;
use super::parties::PartiesGroup;
use super::period::PeriodGroup;
use super::presets::PresetsGroup;
use super::priorities::PrioritiesGroup;
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::{AgreementAction, AgreementState, FieldErrors, TARGET_PATH};
use yew::prelude::*;

/// Props of [`AgreementEditor`].
#[derive(Properties, PartialEq)]
pub struct AgreementEditorProps {
    /// The agreement and its typed texts.
    pub state: AgreementState,
    /// Called with every edit.
    pub on_action: Callback<AgreementAction>,
}

/// The groups of the editor: (test id, title, field paths whose problems it shows, open at first).
const GROUPS: [(&str, AgreementMsg, &[&str], bool); 9] = [
    ("ag-group-parties", AgreementMsg::GroupParties, &["service", "provider", "customer", "version", "effective_date"], true),
    ("ag-group-hours", AgreementMsg::GroupHours, &["time_zone", "availability_hours", "support_hours"], false),
    ("ag-group-period", AgreementMsg::GroupPeriod, &["period", TARGET_PATH], true),
    ("ag-group-priorities", AgreementMsg::GroupPriorities, &["priorities"], false),
    ("ag-group-maintenance", AgreementMsg::GroupMaintenance, &["maintenance"], false),
    ("ag-group-impact", AgreementMsg::GroupImpact, &["impact"], false),
    ("ag-group-credits", AgreementMsg::GroupCredits, &["credits"], false),
    ("ag-group-presets", AgreementMsg::GroupPresets, &[], false),
    ("ag-group-import", AgreementMsg::GroupImportExport, &["schema"], false),
];

/// How many problems lie under any of `paths`.
fn count(errors: &FieldErrors, paths: &[&str]) -> usize {
    paths.iter().map(|p| errors.count_under(p)).sum()
}

/// Every field of the agreement, grouped, with inline validation.
#[component]
pub fn AgreementEditor(props: &AgreementEditorProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let errors = props.state.field_errors();
    let total = errors.count();
    let group_props = GroupProps { state: props.state.clone(), errors: errors.clone(), on_action: props.on_action.clone() };
    let body = |id: &str| -> Html {
        let p = group_props.clone();
        match id {
            "ag-group-parties" => html! { <PartiesGroup ..p /> },
            "ag-group-hours" => html! { <HoursGroup ..p /> },
            "ag-group-period" => html! { <PeriodGroup ..p /> },
            "ag-group-priorities" => html! { <PrioritiesGroup ..p /> },
            "ag-group-maintenance" => html! { <MaintenanceGroup ..p /> },
            "ag-group-impact" => html! { <ImpactGroup ..p /> },
            "ag-group-credits" => html! { <CreditsGroup ..p /> },
            "ag-group-presets" => html! { <PresetsGroup ..p /> },
            _ => html! { <ImportExportGroup ..p /> },
        }
    };
    html! {
        <div class="agreement-editor" role="group" aria-label={t(AgreementMsg::EditorLabel)} data-testid="agreement-editor">
            <p class={classes!("ag-summary", if total == 0 { "good" } else { "bad" })} role="status" data-testid="agreement-problems">
                if total == 0 {
                    { format!("✓ {}", t(AgreementMsg::AllValid)) }
                } else {
                    { format!("⚠ {total} {}", t(AgreementMsg::ProblemsSuffix)) }
                }
            </p>
            { for GROUPS.iter().map(|(id, title, paths, open)| {
                let n = count(&errors, paths);
                html! {
                    <details class="ag-group" id={*id} data-testid={*id} open={*open || n > 0}>
                        <summary>
                            <span class="ag-group-title">{ t(*title) }</span>
                            if n > 0 {
                                <span class="status bad">{ format!("⚠ {n} {}", t(AgreementMsg::Problems)) }</span>
                            }
                        </summary>
                        <div class="ag-group-body">{ body(id) }</div>
                    </details>
                }
            }) }
        </div>
    }
}
