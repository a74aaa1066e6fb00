//! The incidents the report rests on, each with what it counted after clipping to the span and
//! service hours, exclusions, the merging of overlaps and its impact weight — so a user can see
//! why a number is what it is. Sortable, filterable by priority, period and service.

use crate::components::cells;
use crate::components::Shared;
use crate::format;
use crate::i18n::{use_lang, Lang};
use crate::state::table::{SortKey, TableAction, TableState};
use sla_core::sort::sort_positions;
use sla_core::engine::{IncidentLine, LineStatus};
use sla_core::model::{Impact, Incident};
use std::collections::BTreeSet;
use yew::prelude::*;

crate::messages! { TableMsg;
    Show => ["Show the incidents and what each counted", "顯示事件及各自計入的停機時間", "显示事件及各自计入的停机时间"],
    Priority => ["Priority", "優先級", "优先级"],
    Period => ["Period", "週期", "周期"],
    Service => ["Service", "服務", "服务"],
    All => ["all", "全部", "全部"],
    Id => ["ID", "編號", "编号"],
    Title => ["Title", "標題", "标题"],
    Start => ["Start", "開始", "开始"],
    Impact => ["Impact", "影響", "影响"],
    Outage => ["Outage", "中斷時長", "中断时长"],
    InService => ["In service time", "服務時間內", "服务时间内"],
    Counted => ["Counted (after overlaps)", "計入（合併重疊後）", "计入（合并重叠后）"],
    Weighted => ["Weighted downtime", "加權停機", "加权停机"],
    Status => ["Status", "狀態", "状态"],
    Planned => ["planned: excluded", "計畫性：排除", "计划性：排除"],
    Excluded => ["excluded by agreement", "依協議排除", "按协议排除"],
    NoWeight => ["counts nothing (impact weight 0)", "不計入（影響權重為 0）", "不计入（影响权重为 0）"],
    Outside => ["outside the span", "不在報告期間內", "不在报告期间内"],
    Counts => ["counted", "計入", "计入"],
    Open => ["open", "未結束", "未结束"],
    Showing => ["Showing", "顯示", "显示"],
    Of => ["of", "／", "／"],
    ShowMore => ["Show more", "顯示更多", "显示更多"],
    Full => ["full outage", "完全中斷", "完全中断"],
    Partial => ["partial outage", "部分中斷", "部分中断"],
    Degraded => ["degraded", "效能降低", "性能降低"],
    NoImpact => ["no impact", "無影響", "无影响"],
    Note => [
        "Overlapping downtime counts once: each instant goes to the heaviest incident present, then the one that started first, so the weighted column adds up to the report's downtime.",
        "重疊的停機只計一次：每個時刻歸給當時影響最重的事件，其次為最早開始者，因此加權欄的總和等於報告中的停機時間。",
        "重叠的停机只计一次：每个时刻归给当时影响最重的事件，其次为最早开始者，因此加权列的总和等于报告中的停机时间。"
    ],
}

/// Props of [`IncidentTable`].
#[derive(Properties, PartialEq)]
pub struct IncidentTableProps {
    /// The incidents.
    pub incidents: Shared<Vec<Incident>>,
    /// What each counted (same order); `None` while the table is collapsed.
    pub lines: Option<Shared<Vec<IncidentLine>>>,
    /// Sorting, filters, paging.
    pub state: TableState,
    /// Zone for showing times.
    pub time_zone: AttrValue,
    /// Called with every change of the view.
    pub on_action: Callback<TableAction>,
}

/// Indexes of the rows to show, filtered and sorted as `state` says (all of them, not paged).
pub fn visible_rows(incidents: &[Incident], lines: &[IncidentLine], state: &TableState) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..incidents.len().min(lines.len()))
        .filter(|&i| {
            let inc = &incidents[i];
            (state.priority.is_empty() || inc.priority.as_deref() == Some(state.priority.as_str()))
                && (state.service.is_empty() || inc.service.as_deref() == Some(state.service.as_str()))
                && (state.period.is_empty() || lines[i].period.as_deref() == Some(state.period.as_str()))
        })
        .collect();
    match state.sort {
        SortKey::Start => sort_positions(&mut rows, &|a, b| (incidents[a].start, a).cmp(&(incidents[b].start, b))),
        SortKey::Id => sort_positions(&mut rows, &|a, b| incidents[a].id.cmp(&incidents[b].id)),
        SortKey::Priority => sort_positions(&mut rows, &|a, b| incidents[a].priority.cmp(&incidents[b].priority)),
        SortKey::Counted => sort_positions(&mut rows, &|a, b| lines[a].weighted_seconds.total_cmp(&lines[b].weighted_seconds)),
        SortKey::Outage => sort_positions(&mut rows, &|a, b| lines[a].outage_seconds.cmp(&lines[b].outage_seconds)),
    }
    if state.descending {
        rows.reverse();
    }
    rows
}

fn impact_text(i: Impact, lang: Lang) -> &'static str {
    match i {
        Impact::FullOutage => TableMsg::Full.text(lang),
        Impact::PartialOutage => TableMsg::Partial.text(lang),
        Impact::Degraded => TableMsg::Degraded.text(lang),
        Impact::None => TableMsg::NoImpact.text(lang),
    }
}

/// The incident table, collapsed until opened.
#[component]
pub fn IncidentTable(props: &IncidentTableProps) -> Html {
    let lang = use_lang();
    let t = |m: TableMsg| m.text(lang);
    let state = &props.state;
    let on_toggle = {
        let (cb, open) = (props.on_action.clone(), state.open);
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            cb.emit(TableAction::SetOpen(!open));
        })
    };
    let body = match (&props.lines, state.open) {
        (Some(lines), true) => {
            let incidents = &props.incidents;
            let rows = visible_rows(incidents, lines, state);
            // Inserted one by one, borrowed: no copy of every row's text, no sort of all rows.
            fn distinct<'a>(rows: usize, f: &dyn Fn(usize) -> Option<&'a str>) -> Vec<String> {
                let mut seen = BTreeSet::new();
                for i in 0..rows {
                    if let Some(v) = f(i) {
                        seen.insert(v);
                    }
                }
                seen.into_iter().map(str::to_string).collect()
            }
            let n = incidents.len().min(lines.len());
            let priorities = distinct(n, &|i| incidents[i].priority.as_deref());
            let services = distinct(n, &|i| incidents[i].service.as_deref());
            let periods = distinct(n, &|i| lines[i].period.as_deref());
            let filter = |id: &'static str, label: TableMsg, options: Vec<String>, current: &str, make: fn(String) -> TableAction| {
                let cb = props.on_action.clone();
                let onchange = Callback::from(move |e: Event| {
                    let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    cb.emit(make(s.value()));
                });
                html! {
                    <label>{ t(label) }
                        <select id={id} {onchange}>
                            <option value="" selected={current.is_empty()}>{ t(TableMsg::All) }</option>
                            { for options.into_iter().map(|o| html! { <option value={o.clone()} selected={o == current}>{ o }</option> }) }
                        </select>
                    </label>
                }
            };
            let header = |key: SortKey, label: TableMsg, num: bool| {
                let cb = props.on_action.clone();
                let sorted = state.sort == key;
                let aria = if !sorted { "none" } else if state.descending { "descending" } else { "ascending" };
                let arrow = if !sorted { "" } else if state.descending { " ▼" } else { " ▲" };
                html! {
                    <th scope="col" class={classes!(num.then_some("num"))} aria-sort={aria}>
                        <button type="button" class="sort-button" onclick={Callback::from(move |_| cb.emit(TableAction::SortBy(key)))}>{ format!("{}{arrow}", t(label)) }</button>
                    </th>
                }
            };
            let shown = rows.len().min(state.limit);
            let zone = props.time_zone.to_string();
            let more = {
                let cb = props.on_action.clone();
                Callback::from(move |_| cb.emit(TableAction::ShowMore))
            };
            html! {
                <>
                    <div class="form-row no-print">
                        { filter("filter-priority", TableMsg::Priority, priorities, &state.priority, TableAction::SetPriority) }
                        { filter("filter-period", TableMsg::Period, periods, &state.period, TableAction::SetPeriod) }
                        { filter("filter-service", TableMsg::Service, services, &state.service, TableAction::SetService) }
                    </div>
                    <p class="subtle" data-testid="incident-count">{ format!("{} {} {} {}", t(TableMsg::Showing), shown, t(TableMsg::Of), rows.len()) }</p>
                    <div class="table-wrap">
                        <table class="compact" data-testid="incident-table">
                            <thead><tr>
                                { header(SortKey::Id, TableMsg::Id, false) }
                                { cells::col(t(TableMsg::Title)) }
                                { header(SortKey::Start, TableMsg::Start, false) }
                                { header(SortKey::Priority, TableMsg::Priority, false) }
                                { cells::col(t(TableMsg::Impact)) }
                                { cells::col(t(TableMsg::Service)) }
                                { header(SortKey::Outage, TableMsg::Outage, true) }
                                { cells::num_col(t(TableMsg::InService)) }
                                { cells::num_col(t(TableMsg::Counted)) }
                                { header(SortKey::Counted, TableMsg::Weighted, true) }
                                { cells::col(t(TableMsg::Status)) }
                            </tr></thead>
                            <tbody>
                                { for rows.iter().take(state.limit).map(|&i| {
                                    let (inc, line) = (&incidents[i], &lines[i]);
                                    let status = match line.status {
                                        LineStatus::Counted => t(TableMsg::Counts),
                                        LineStatus::Planned => t(TableMsg::Planned),
                                        LineStatus::Excluded => t(TableMsg::Excluded),
                                        LineStatus::NoWeight => t(TableMsg::NoWeight),
                                        LineStatus::OutsideSpan => t(TableMsg::Outside),
                                    };
                                    html! {
                                        <tr data-testid="incident-row">
                                            { cells::td(&inc.id) }
                                            { cells::td(&inc.title) }
                                            { cells::td(format::instant(inc.start, &zone)) }
                                            { cells::td(inc.priority.clone().unwrap_or_default()) }
                                            <td>{ format!("{} ({} %)", impact_text(inc.impact, lang), line.weight_percent) }</td>
                                            { cells::td(inc.service.clone().unwrap_or_default()) }
                                            { cells::num(format::duration_in(lang, line.outage_seconds)) }
                                            { cells::num(format::duration_in(lang, line.in_service_seconds)) }
                                            { cells::num(format::duration_in(lang, line.counted_seconds)) }
                                            { cells::num(format::duration_in(lang, line.weighted_seconds.round() as i64)) }
                                            <td>{ status }{ if line.open { format!(" · {}", t(TableMsg::Open)) } else { String::new() } }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                    if shown < rows.len() {
                        <button type="button" class="secondary no-print" onclick={more}>{ t(TableMsg::ShowMore) }</button>
                    }
                    <p class="subtle">{ t(TableMsg::Note) }</p>
                </>
            }
        }
        _ => html! {},
    };
    html! {
        <details class="incident-table" open={state.open}>
            <summary onclick={on_toggle} id="incident-table-toggle">{ t(TableMsg::Show) }</summary>
            { body }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::engine::{incident_breakdown, ReportRequest};
    use sla_core::sample;

    #[test]
    fn filters_and_sorting_pick_the_right_rows() {
        let a = sample::sample_agreement();
        let incidents = sample::sample_incidents();
        let lines = incident_breakdown(&a, &incidents, &ReportRequest::as_of(sample::sample_as_of())).unwrap();
        let mut s = TableState { open: true, ..TableState::default() };
        assert_eq!(visible_rows(&incidents, &lines, &s).len(), incidents.len());
        s.priority = "P1".into();
        let p1 = visible_rows(&incidents, &lines, &s);
        assert!(!p1.is_empty() && p1.iter().all(|&i| incidents[i].priority.as_deref() == Some("P1")));
        s.priority.clear();
        s.apply(TableAction::SortBy(SortKey::Counted));
        let rows = visible_rows(&incidents, &lines, &s);
        assert!(rows.windows(2).all(|w| lines[w[0]].weighted_seconds >= lines[w[1]].weighted_seconds));
        s.period = "2026-02".into();
        assert!(visible_rows(&incidents, &lines, &s).iter().all(|&i| lines[i].period.as_deref() == Some("2026-02")));
    }
}
