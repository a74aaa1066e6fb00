//! Every breached response or resolution target: period, incident, title, priority, which
//! target, the target, the time taken, the overrun, when it was due, whether the incident is
//! still open, and the penalty. Sortable by overrun; long lists are shown a page at a time.
//!
//! Titles come from the user's file: they are rendered as text nodes (escaped), never as HTML.

use crate::components::cells;
use super::text::{fill, ReportMsg};
use crate::components::SharedReport;
use crate::format;
use crate::i18n::use_lang;
use sla_core::report::{Breach, BreachKind};
use sla_core::sort::sort_positions;
use yew::prelude::*;

/// Props of [`BreachList`].
#[derive(Properties, PartialEq)]
pub struct BreachListProps {
    /// The report whose breaches are listed.
    pub report: SharedReport,
    /// The IANA time zone due times are shown in (the agreement's), e.g. "Europe/Berlin".
    pub time_zone: AttrValue,
}

/// The order rows are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BreachOrder {
    /// As the report lists them (by incident).
    #[default]
    Report,
    /// Largest overrun first.
    OverrunDescending,
    /// Smallest overrun first.
    OverrunAscending,
}

impl BreachOrder {
    /// The order after pressing the sort button: report → largest first → smallest first →
    /// largest first …
    pub fn next(self) -> BreachOrder {
        match self {
            BreachOrder::Report | BreachOrder::OverrunAscending => BreachOrder::OverrunDescending,
            BreachOrder::OverrunDescending => BreachOrder::OverrunAscending,
        }
    }

    /// The `aria-sort` value of the overrun column.
    pub fn aria_sort(self) -> &'static str {
        match self {
            BreachOrder::Report => "none",
            BreachOrder::OverrunDescending => "descending",
            BreachOrder::OverrunAscending => "ascending",
        }
    }
}

/// Row indices into `breaches` in `order`; ties keep the report's order (stable sort).
pub fn breach_order(breaches: &[Breach], order: BreachOrder) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..breaches.len()).collect();
    match order {
        BreachOrder::Report => {}
        BreachOrder::OverrunDescending => sort_positions(&mut idx, &|a, b| breaches[b].overrun_seconds.cmp(&breaches[a].overrun_seconds)),
        BreachOrder::OverrunAscending => sort_positions(&mut idx, &|a, b| breaches[a].overrun_seconds.cmp(&breaches[b].overrun_seconds)),
    }
    idx
}

/// Rows rendered at first and added by "show more".
pub const PAGE: usize = 200;

/// The breach list.
#[component]
pub fn BreachList(props: &BreachListProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let dur = |s: i64| format::duration_in(lang, s);
    let report = &props.report;
    let order = use_state(BreachOrder::default);
    let shown = use_state(|| PAGE);
    let rows = use_memo((report.clone(), *order), |(report, order)| breach_order(&report.breaches, *order));
    let breaches = &report.breaches;
    let currency = &report.total.currency;

    if breaches.is_empty() {
        return html! {
            <div class="report-detail breach-list" data-testid="breach-list">
                <p class="status good" data-testid="no-breaches">{ t(ReportMsg::NoBreaches) }</p>
            </div>
        };
    }

    let on_sort = {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| order.set(order.next()))
    };
    let total = breaches.len();
    let limit = (*shown).min(total);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let on_all = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(usize::MAX))
    };
    let open = breaches.iter().filter(|b| b.open).count();
    let sort_state = match *order {
        BreachOrder::Report => t(ReportMsg::ReportOrder),
        BreachOrder::OverrunDescending => t(ReportMsg::SortedDescending),
        BreachOrder::OverrunAscending => t(ReportMsg::SortedAscending),
    };
    let arrow = match *order {
        BreachOrder::Report => "↕",
        BreachOrder::OverrunDescending => "↓",
        BreachOrder::OverrunAscending => "↑",
    };

    html! {
        <div class="report-detail breach-list" data-testid="breach-list">
            <p class="subtle" data-testid="breach-count">{ fill(t(ReportMsg::BreachCount), &[("n", &total.to_string()), ("open", &open.to_string())]) }</p>
            <div class="table-wrap">
                <table>
                    <caption>{ t(ReportMsg::BreachCaption) }</caption>
                    <thead>
                        <tr>
                            { cells::col(t(ReportMsg::Period)) }
                            { cells::col(t(ReportMsg::IncidentId)) }
                            { cells::col(t(ReportMsg::Title)) }
                            { cells::col(t(ReportMsg::Priority)) }
                            { cells::col(t(ReportMsg::Kind)) }
                            { cells::num_col(t(ReportMsg::Target)) }
                            { cells::num_col(t(ReportMsg::Taken)) }
                            <th scope="col" class="num" aria-sort={order.aria_sort()} data-testid="overrun-header">
                                <button type="button" class="sort-button" onclick={on_sort}
                                    title={t(ReportMsg::SortByOverrun)}>
                                    { t(ReportMsg::Overrun) }
                                    <span aria-hidden="true">{ format!(" {arrow}") }</span>
                                    <span class="sr-only">{ format!(" ({}; {sort_state})", t(ReportMsg::SortByOverrun)) }</span>
                                </button>
                            </th>
                            { cells::col(t(ReportMsg::Due)) }
                            { cells::col(t(ReportMsg::State)) }
                            { cells::num_col(t(ReportMsg::Penalty)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().take(limit).map(|&i| {
                            let b = &breaches[i];
                            let kind = match b.kind {
                                BreachKind::Respond => t(ReportMsg::Respond),
                                BreachKind::Resolve => t(ReportMsg::Resolve),
                            };
                            html! {
                                <tr data-testid="breach-row" data-incident={b.incident_id.clone()}>
                                    { cells::td(&b.period) }
                                    <th scope="row" class="mono">{ &b.incident_id }</th>
                                    <td class="breach-title">{ &b.title }</td>
                                    { cells::td(&b.priority) }
                                    <td>{ format!("{kind} ({})", super::compliance_table::clock_text(lang, b.clock)) }</td>
                                    { cells::num(dur(b.target_seconds)) }
                                    { cells::num(dur(b.actual_seconds)) }
                                    <td class="num"><strong>{ dur(b.overrun_seconds) }</strong></td>
                                    <td class="due">{ b.due.map(|d| format::instant(d, &props.time_zone)).unwrap_or_else(|| t(ReportMsg::BeyondCalendar).to_string()) }</td>
                                    <td>{ if b.open {
                                        html! { <span class="status warn">{ t(ReportMsg::StillOpen) }</span> }
                                    } else {
                                        html! { <span class="status bad">{ t(ReportMsg::DoneLate) }</span> }
                                    } }</td>
                                    <td class="num">{ if b.penalty > 0.0 { format::money(b.penalty, currency) } else { t(ReportMsg::NoValue).to_string() } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            { if limit < total { html! {
                <div class="form-row no-print">
                    <p class="subtle" data-testid="breach-showing">{ fill(t(ReportMsg::ShowingOf), &[("shown", &limit.to_string()), ("total", &total.to_string())]) }</p>
                    <button type="button" class="secondary" onclick={on_more}>{ fill(t(ReportMsg::ShowMore), &[("n", &PAGE.min(total - limit).to_string())]) }</button>
                    <button type="button" class="secondary" onclick={on_all}>{ fill(t(ReportMsg::ShowAll), &[("n", &total.to_string())]) }</button>
                </div>
            } } else { html! {} } }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::model::Clock;

    fn breach(id: &str, overrun: i64) -> Breach {
        Breach {
            period: "2026-01".into(),
            incident_id: id.into(),
            title: String::new(),
            priority: "P1".into(),
            kind: BreachKind::Respond,
            clock: Clock::AroundTheClock,
            target_seconds: 900,
            actual_seconds: 900 + overrun,
            overrun_seconds: overrun,
            due: None,
            open: false,
            penalty: 0.0,
        }
    }

    #[test]
    fn sorting_by_overrun_is_stable_and_cycles() {
        let b = vec![breach("a", 60), breach("b", 600), breach("c", 60), breach("d", 5)];
        assert_eq!(breach_order(&b, BreachOrder::Report), vec![0, 1, 2, 3]);
        assert_eq!(breach_order(&b, BreachOrder::OverrunDescending), vec![1, 0, 2, 3]);
        assert_eq!(breach_order(&b, BreachOrder::OverrunAscending), vec![3, 0, 2, 1]);
        assert_eq!(BreachOrder::Report.next(), BreachOrder::OverrunDescending);
        assert_eq!(BreachOrder::OverrunDescending.next(), BreachOrder::OverrunAscending);
        assert_eq!(BreachOrder::OverrunAscending.next(), BreachOrder::OverrunDescending);
        assert_eq!(BreachOrder::Report.aria_sort(), "none");
    }
}
