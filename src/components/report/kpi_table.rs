//! Incident KPIs per period and over the whole span: MTTA, MTTR (restore) and time to resolve
//! as mean, median, 90th percentile and sample count, and MTBF, with their definitions.

use crate::components::cells;
use super::text::ReportMsg;
use crate::components::SharedReport;
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::report::{DurationStats, Figures};
use yew::prelude::*;

/// Props of [`KpiTable`].
#[derive(Properties, PartialEq)]
pub struct KpiTableProps {
    /// The report whose KPIs are listed.
    pub report: SharedReport,
}

/// The four cells of one distribution: mean, median, p90 and count (`—` with no sample).
pub fn stat_cells(lang: Lang, stats: Option<&DurationStats>) -> [String; 4] {
    match stats {
        Some(s) => [format::duration_in(lang, s.mean_seconds), format::duration_in(lang, s.median_seconds), format::duration_in(lang, s.p90_seconds), s.count.to_string()],
        None => {
            let dash = ReportMsg::NoValue.text(lang).to_string();
            [dash.clone(), dash.clone(), dash, "0".to_string()]
        }
    }
}

fn row(lang: Lang, label: Html, figures: &Figures, total: bool) -> Html {
    let k = &figures.kpis;
    let cells = [k.time_to_acknowledge.as_ref(), k.time_to_restore.as_ref(), k.time_to_resolve.as_ref(), k.time_between_failures.as_ref()]
        .into_iter()
        .flat_map(|s| stat_cells(lang, s))
        .collect::<Vec<_>>();
    let mtbf = k.mtbf_seconds.map(|s| format::duration_in(lang, s)).unwrap_or_else(|| ReportMsg::NoValue.text(lang).to_string());
    html! {
        <tr class={classes!(total.then_some("total-row"))} data-testid="kpi-row">
            <th scope="row">{ label }</th>
            { for cells.into_iter().enumerate().map(|(i, c)| html! {
                <td class={classes!("num", (i % 4 == 0).then_some("group-start"))}>{ c }</td>
            }) }
            <td class="num group-start">{ mtbf }</td>
        </tr>
    }
}

/// The KPI table.
#[component]
pub fn KpiTable(props: &KpiTableProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let report = &props.report;
    let group = |m: ReportMsg| html! { <th scope="colgroup" colspan="4" class="group-start">{ t(m) }</th> };
    let stat_heads = || {
        html! {
            <>
                <th scope="col" class="num group-start">{ t(ReportMsg::Mean) }</th>
                { cells::num_col(t(ReportMsg::Median)) }
                { cells::num_col(t(ReportMsg::P90)) }
                { cells::num_col(t(ReportMsg::Count)) }
            </>
        }
    };
    html! {
        <div class="report-detail kpi-table" data-testid="kpi-table">
            <div class="table-wrap">
                <table>
                    <caption>{ t(ReportMsg::KpiCaption) }</caption>
                    <colgroup><col /></colgroup>
                    <colgroup span="4" /><colgroup span="4" /><colgroup span="4" /><colgroup span="4" /><colgroup span="1" />
                    <thead>
                        <tr>
                            <td></td>
                            { group(ReportMsg::Mtta) }
                            { group(ReportMsg::MttrRestore) }
                            { group(ReportMsg::TimeToResolve) }
                            { group(ReportMsg::TimeBetweenFailures) }
                            <th scope="col" rowspan="2" class="num group-start">{ t(ReportMsg::Mtbf) }</th>
                        </tr>
                        <tr>
                            { cells::col(t(ReportMsg::Period)) }
                            { stat_heads() }{ stat_heads() }{ stat_heads() }{ stat_heads() }
                        </tr>
                    </thead>
                    <tbody>
                        { for report.periods.iter().map(|p| row(lang, html! { <>{ &p.label }{ if p.complete { html! {} } else { html! { <span class="subtle">{ format!(" ({})", t(ReportMsg::ToDate)) }</span> } } }</> }, &p.figures, false)) }
                    </tbody>
                    <tfoot>
                        { row(lang, html! { t(ReportMsg::Total) }, &report.total.figures, true) }
                    </tfoot>
                </table>
            </div>
            <ul class="definitions subtle">
                <li>{ t(ReportMsg::DefMtta) }</li>
                <li>{ t(ReportMsg::DefMttr) }</li>
                <li>{ t(ReportMsg::DefResolve) }</li>
                <li>{ t(ReportMsg::DefMtbf) }</li>
                <li>{ t(ReportMsg::DefTimeBetweenFailures) }</li>
                <li>{ t(ReportMsg::DefStats) }</li>
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_for_a_distribution_and_for_none() {
        let s = DurationStats { count: 3, mean_seconds: 3900, median_seconds: 60, p90_seconds: 7200 };
        assert_eq!(stat_cells(Lang::En, Some(&s)), ["1h 5m".to_string(), "1m".into(), "2h".into(), "3".into()]);
        assert_eq!(stat_cells(Lang::ZhHant, None)[0], "—");
        assert_eq!(stat_cells(Lang::ZhHant, None)[3], "0");
    }
}
