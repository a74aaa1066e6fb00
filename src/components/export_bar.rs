//! Exports of the report: the versioned JSON document (the same one `sla report --format json`
//! prints), CSV (one row per period, spreadsheet formulas escaped) and the browser's print
//! dialog (the print stylesheet gives a clean report, charts included). Files are made in the
//! page and handed to the browser as downloads; nothing is sent anywhere.

use crate::components::SharedReport;
use crate::i18n::use_lang;
use yew::prelude::*;

crate::messages! { ExportMsg;
    Export => ["Export", "匯出", "导出"],
    Json => ["Report as JSON", "報告 JSON", "报告 JSON"],
    Csv => ["Report as CSV", "報告 CSV", "报告 CSV"],
    Print => ["Print or save as PDF", "列印或存成 PDF", "打印或保存为 PDF"],
    Failed => ["The export failed:", "匯出失敗：", "导出失败："],
}

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The report to export.
    pub report: SharedReport,
}

/// A base name for exported files: the service and the span, e.g.
/// `sla-report-payments-api-2026-01-01-2026-07-01`.
pub fn export_file_stem(report: &sla_core::report::Report) -> String {
    let span = span_days(report.from, report.to, &report.agreement.time_zone);
    format!("sla-report-{}-{span}", file_slug(&report.agreement.service))
}

/// A service name as part of a file name: lower case, runs of anything but letters and digits
/// as one `-`; `service` when nothing is left.
pub fn file_slug(service: &str) -> String {
    let slug = sla_core::lower::slug(service);
    if slug.is_empty() {
        "service".to_string()
    } else {
        slug
    }
}

/// A span's first and last local day in `zone` (the end is exclusive): `2026-01-01-2026-06-30`.
pub fn span_days(from: chrono::DateTime<chrono::Utc>, to: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    let tz: sla_core::zone::Zone = zone.parse().unwrap_or(sla_core::zone::Zone::UTC);
    let first = sla_core::date_text::date(from.with_timezone(&tz).date_naive());
    let last = sla_core::date_text::date((to - chrono::TimeDelta::seconds(1)).with_timezone(&tz).date_naive());
    format!("{first}-{last}")
}

/// `{"error": "…"}` for an export that could not be written (the message JSON-escaped).
pub fn json_error(e: &serde_json::Error) -> String {
    format!("{{\"error\": {}}}", serde_json::to_string(&e.to_string()).unwrap_or_default())
}

/// The report as the JSON document of `docs/report-format.md`.
pub fn report_json(report: &sla_core::report::Report) -> String {
    crate::json::to_string_pretty(report).unwrap_or_else(|e| json_error(&e))
}

/// The export buttons.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let lang = use_lang();
    let t = |m: ExportMsg| m.text(lang);
    let failure = use_state(|| None::<String>);
    let download = |ext: &'static str, mime: &'static str, make: fn(&sla_core::report::Report) -> String| {
        let (report, failure) = (props.report.clone(), failure.clone());
        Callback::from(move |_| {
            let name = format!("{}.{ext}", export_file_stem(&report));
            failure.set(crate::browser::download_text(&name, mime, &make(&report)).err());
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="export-bar no-print" role="group" aria-label={t(ExportMsg::Export)}>
            <button type="button" class="secondary" id="export-json" onclick={download("json", "application/json", report_json)}>{ t(ExportMsg::Json) }</button>
            <button type="button" class="secondary" id="export-csv" onclick={download("csv", "text/csv;charset=utf-8", |r| r.to_csv())}>{ t(ExportMsg::Csv) }</button>
            <button type="button" class="secondary" id="print-report" onclick={on_print}>{ t(ExportMsg::Print) }</button>
            if let Some(e) = &*failure {
                <span class="field-error" role="alert">{ format!("{} {e}", t(ExportMsg::Failed)) }</span>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::engine::{build_report, ReportRequest};
    use sla_core::sample;

    #[test]
    fn exports_are_named_after_the_service_and_span_and_parse_back() {
        let r = build_report(&sample::sample_agreement(), &sample::sample_incidents(), &ReportRequest::as_of(sample::sample_as_of())).unwrap();
        assert_eq!(export_file_stem(&r), "sla-report-payments-api-2026-01-01-2026-06-30");
        let json = report_json(&r);
        let back: sla_core::report::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.periods.len(), r.periods.len());
        assert_eq!(back.breaches, r.breaches);
        let (a, b) = (back.total.figures.availability.availability_percent, r.total.figures.availability.availability_percent);
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        assert!(!json.contains("NaN") && !json.contains("Infinity"));
    }
}
