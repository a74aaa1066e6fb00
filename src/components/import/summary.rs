//! How the files were read: the row accounting (read = accepted + excluded + rejected, per file
//! and in total), what was detected, warnings, a preview of the first rows, and the rejected and
//! excluded rows with their reasons.

use crate::components::cells;
use super::text::ImportMsg;
use crate::components::Shared;
use crate::format;
use crate::i18n::use_lang;
use crate::state::data::FileImport;
use sla_core::import::ImportCounts;
use sla_core::model::{Impact, Incident};
use yew::prelude::*;

/// Most rejected or excluded rows listed on screen (all are in the download).
pub const LISTED_ROWS: usize = 200;
/// Rows in the preview.
pub const PREVIEW_ROWS: usize = 8;

/// Props of [`ImportSummary`].
#[derive(Properties, PartialEq)]
pub struct ImportSummaryProps {
    /// Each file's outcome.
    pub files: Shared<Vec<FileImport>>,
    /// The combined incidents (the first file's come first, in file order).
    pub incidents: Shared<Vec<Incident>>,
    /// Zone for showing times.
    pub time_zone: AttrValue,
    /// Called to download a file's rejected rows (by index).
    pub on_download_rejected: Callback<usize>,
}

/// Sums counts over files.
pub fn total_counts(files: &[FileImport]) -> ImportCounts {
    files.iter().fold(ImportCounts::default(), |mut s, f| {
        s.read += f.outcome.counts.read;
        s.accepted += f.outcome.counts.accepted;
        s.excluded += f.outcome.counts.excluded;
        s.rejected += f.outcome.counts.rejected;
        s
    })
}

/// The impact's name in `lang`.
pub fn impact_text(impact: Impact, lang: crate::i18n::Lang) -> &'static str {
    match impact {
        Impact::FullOutage => ImportMsg::FullOutage.text(lang),
        Impact::PartialOutage => ImportMsg::PartialOutage.text(lang),
        Impact::Degraded => ImportMsg::Degraded.text(lang),
        Impact::None => ImportMsg::NoImpact.text(lang),
    }
}

/// The accounting, detection, preview and problem rows of an import.
#[component]
pub fn ImportSummary(props: &ImportSummaryProps) -> Html {
    let lang = use_lang();
    let t = |m: ImportMsg| m.text(lang);
    let files = &props.files;
    let total = total_counts(files);
    let zone = props.time_zone.to_string();
    let accounting = |c: &ImportCounts| {
        format!(
            "{} = {} {} + {} {} + {} {}",
            format::grouped(c.read as f64, 0),
            format::grouped(c.accepted as f64, 0),
            t(ImportMsg::Accepted),
            format::grouped(c.excluded as f64, 0),
            t(ImportMsg::Excluded),
            format::grouped(c.rejected as f64, 0),
            t(ImportMsg::Rejected)
        )
    };
    html! {
        <div class="import-summary" data-testid="import-summary">
            <p class="accounting" data-testid="row-accounting">
                <strong>{ format!("{}: ", t(ImportMsg::Rows)) }</strong>{ accounting(&total) }
                { format!(". {} {} {}.", t(ImportMsg::ReportRestsOn), format::grouped(props.incidents.len() as f64, 0), t(ImportMsg::IncidentsWord)) }
            </p>
            { for files.iter().enumerate().map(|(index, f)| {
                let o = &f.outcome;
                let d = &o.detection;
                let on_download = {
                    let cb = props.on_download_rejected.clone();
                    Callback::from(move |_| cb.emit(index))
                };
                let preview = if index == 0 { preview_rows(f, &props.incidents) } else { Vec::new() };
                html! {
                    <details class="file-import" open={o.counts.rejected > 0}>
                        <summary>
                            <strong>{ &f.name }</strong>{ ": " }{ accounting(&o.counts) }
                        </summary>
                        <p class="subtle" data-testid="detection">
                            { format!("{} {}, {}{}, {} {}", t(ImportMsg::Detected), d.format, d.encoding.label(),
                                if d.encoding_guessed { format!(" ({})", t(ImportMsg::Guessed)) } else { String::new() },
                                d.preset.label(),
                                d.date_order.map(|o| format!(", {o}")).unwrap_or_default()) }
                        </p>
                        { for o.warnings.iter().map(|w| html! { <p class="warn-line" role="note">{ format!("⚠ {w}") }</p> }) }
                        if !preview.is_empty() {
                            <div class="table-wrap">
                                <table class="compact" data-testid="import-preview">
                                    <caption>{ t(ImportMsg::Preview) }</caption>
                                    <thead><tr>
                                        { cells::col(t(ImportMsg::Row)) }
                                        { cells::col(t(ImportMsg::Verdict)) }
                                        { cells::col("ID") }
                                        { cells::col(t(ImportMsg::Start)) }
                                        { cells::col(t(ImportMsg::End)) }
                                        { cells::col(t(ImportMsg::FieldPriority)) }
                                        { cells::col(t(ImportMsg::FieldImpact)) }
                                    </tr></thead>
                                    <tbody>
                                        { for preview.iter().map(|p| match p {
                                            PreviewRow::Accepted(row, i) => html! { <tr>
                                                { cells::td(row) }<td>{ format!("✓ {}", t(ImportMsg::Accepted)) }</td>
                                                { cells::td(&i.id) }
                                                { cells::td(format::instant(i.start, &zone)) }
                                                { cells::td(i.downtime_end().map(|e| format::instant(e, &zone)).unwrap_or_else(|| t(ImportMsg::Open).to_string())) }
                                                { cells::td(i.priority.clone().unwrap_or_default()) }
                                                { cells::td(impact_text(i.impact, lang)) }
                                            </tr> },
                                            PreviewRow::Other(row, verdict) => html! { <tr class="problem">
                                                { cells::td(row) }<td colspan="6">{ verdict }</td>
                                            </tr> },
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                        }
                        if !o.rejected.is_empty() {
                            <h4>{ format!("{} ({})", t(ImportMsg::RejectedRows), o.rejected.len()) }
                                <button type="button" class="secondary small" onclick={on_download}>{ t(ImportMsg::DownloadRejected) }</button>
                            </h4>
                            if o.rejected.len() > LISTED_ROWS {
                                <p class="subtle">{ format!("{} {LISTED_ROWS}", t(ImportMsg::ShowingFirst)) }</p>
                            }
                            <div class="table-wrap">
                                <table class="compact" data-testid="rejected-rows">
                                    <thead><tr>
                                        { cells::col(t(ImportMsg::Row)) }
                                        { cells::col(t(ImportMsg::Column)) }
                                        { cells::col(t(ImportMsg::Reason)) }
                                    </tr></thead>
                                    <tbody>
                                        { for o.rejected.iter().take(LISTED_ROWS).map(|r| html! { <tr>
                                            <td>{ format!("{} {}", r.unit, r.row) }</td>
                                            { cells::td(r.column.clone().unwrap_or_default()) }
                                            { cells::td(r.error.to_string()) }
                                        </tr> }) }
                                    </tbody>
                                </table>
                            </div>
                        }
                        if !o.excluded.is_empty() {
                            <h4>{ format!("{} ({})", t(ImportMsg::ExcludedRows), o.excluded.len()) }</h4>
                            <ul class="excluded-list" data-testid="excluded-rows">
                                { for o.excluded.iter().take(LISTED_ROWS).map(|e| html! { <li>{ e.to_string() }</li> }) }
                            </ul>
                        }
                    </details>
                }
            }) }
        </div>
    }
}

/// One preview line.
pub enum PreviewRow<'a> {
    /// Row number and the incident it became.
    Accepted(u64, &'a Incident),
    /// Row number and why it was excluded or rejected.
    Other(u64, String),
}

/// The first [`PREVIEW_ROWS`] rows of the first file in row order, with their verdicts.
pub fn preview_rows<'a>(file: &'a FileImport, incidents: &'a [Incident]) -> Vec<PreviewRow<'a>> {
    let o = &file.outcome;
    let mut rows: Vec<PreviewRow<'a>> = Vec::new();
    for (i, row) in o.accepted_rows.iter().take(PREVIEW_ROWS).enumerate() {
        if let Some(incident) = incidents.get(i) {
            rows.push(PreviewRow::Accepted(*row, incident));
        }
    }
    for e in o.excluded.iter().take(PREVIEW_ROWS) {
        rows.push(PreviewRow::Other(e.row, e.to_string()));
    }
    for r in o.rejected.iter().take(PREVIEW_ROWS) {
        rows.push(PreviewRow::Other(r.row, format!("✗ {r}")));
    }
    sla_core::sort::sort_by_key(&mut rows, |r| match r {
        PreviewRow::Accepted(n, _) | PreviewRow::Other(n, _) => *n,
    });
    rows.truncate(PREVIEW_ROWS);
    rows
}
