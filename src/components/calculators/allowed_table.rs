//! The table both downtime calculators show: one row per period with its length (or measured
//! time) and the downtime the target allows in it, plus the dates under the calendar convention.

use crate::components::cells;
use super::text::{duration_text, period_name, CalcMsg};
use crate::i18n::use_lang;
use sla_core::calc::AllowedDowntime;
use yew::prelude::*;

/// Props of [`AllowedTable`].
#[derive(Properties, PartialEq)]
pub struct AllowedTableProps {
    /// One row per period.
    pub rows: Vec<AllowedDowntime>,
    /// Whether to show each period's dates (calendar convention).
    pub calendar: bool,
    /// Heading of the middle column: the period's length, or the time measured in it.
    pub length_label: CalcMsg,
    /// `data-testid` of the table.
    pub testid: &'static str,
    /// `data-testid` of each row.
    pub row_testid: &'static str,
}

/// The allowed-downtime table.
#[component]
pub fn AllowedTable(props: &AllowedTableProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let calendar = props.calendar;
    html! {
        <div class="table-wrap">
            <table class="calc-table" data-testid={props.testid}>
                <thead>
                    <tr>
                        { cells::col(t(CalcMsg::Period)) }
                        if calendar { { cells::col(t(CalcMsg::Dates)) } }
                        { cells::num_col(t(props.length_label)) }
                        { cells::num_col(t(CalcMsg::AllowedDowntime)) }
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr data-testid={props.row_testid}>
                            <th scope="row">{ period_name(lang, r.period.kind) }</th>
                            if calendar { { cells::td(period_dates(r.period.first_day, r.period.end_day)) } }
                            { cells::num(duration_text(lang, r.measured_seconds)) }
                            <td class="num"><strong>{ duration_text(lang, r.allowed_seconds) }</strong></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// `2026-02-01 – 2026-02-28`: the first and last local day of a calendar period.
pub(crate) fn period_dates(first: Option<chrono::NaiveDate>, end: Option<chrono::NaiveDate>) -> String {
    match (first, end.and_then(|e| e.pred_opt())) {
        (Some(first), Some(last)) if first == last => first.to_string(),
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => String::new(),
    }
}
