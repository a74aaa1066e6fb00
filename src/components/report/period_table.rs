//! One row per measurement period: service time, downtime, availability against target, budget
//! left, incidents, breaches and the credit owed.

use crate::components::cells;
use crate::components::agreement::versions_text::VersionMsg;
use crate::components::SharedReport;
use crate::format;
use crate::i18n::{use_lang, Msg};
use yew::prelude::*;

/// Props of [`PeriodTable`].
#[derive(Properties, PartialEq)]
pub struct PeriodTableProps {
    /// The report whose periods are listed.
    pub report: SharedReport,
}

/// The table of periods.
#[component]
pub fn PeriodTable(props: &PeriodTableProps) -> Html {
    let lang = use_lang();
    let t = |m: Msg| m.text(lang);
    let dur = |s: i64| format::duration_in(lang, s);
    let report = &props.report;
    let currency = &report.total.currency;
    // Which version applied is only worth a column when the agreement has several.
    let versioned = report.versions.len() > 1;
    html! {
        <div class="table-wrap">
            <table data-testid="period-table">
                <caption class="subtle caption-below">
                    { format!("{} ({})", t(Msg::PeriodsNote), report.agreement.time_zone) }
                </caption>
                <thead>
                    <tr>
                        { cells::col(t(Msg::Period)) }
                        if versioned {
                            { cells::col(VersionMsg::Version.text(lang)) }
                        }
                        { cells::num_col(t(Msg::ServiceTime)) }
                        { cells::num_col(t(Msg::Downtime)) }
                        { cells::num_col(t(Msg::Availability)) }
                        { cells::col(t(Msg::Target)) }
                        { cells::num_col(t(Msg::BudgetLeft)) }
                        { cells::num_col(t(Msg::Incidents)) }
                        { cells::num_col(t(Msg::Credit)) }
                    </tr>
                </thead>
                <tbody>
                    { for report.periods.iter().map(|p| {
                        let a = &p.figures.availability;
                        let (tone, word) = if a.met { ("good", t(Msg::Met)) } else { ("bad", t(Msg::Missed)) };
                        let breaches = p.figures.compliance.priorities.iter()
                            .map(|c| c.respond.as_ref().map_or(0, |t| t.breached) + c.resolve.as_ref().map_or(0, |t| t.breached))
                            .sum::<u64>();
                        html! {
                            <tr data-testid="period-row" class={classes!((!a.met).then_some("missed"))}>
                                <th scope="row">{ &p.label }{ if p.partial { html!{ <span class="subtle">{ format!(" ({})", t(Msg::Partial)) }</span> } } else { html!{} } }</th>
                                if versioned {
                                    <td data-testid="period-version">
                                        { &p.version }
                                        { for p.revised_during.iter().map(|r| html! {
                                            <span class="subtle">{ format!(" ({} {} {})", VersionMsg::From.text(lang), r.effective_date, r.version) }</span>
                                        }) }
                                    </td>
                                }
                                { cells::num(dur(a.service_seconds)) }
                                { cells::num(dur(a.weighted_downtime_seconds)) }
                                { cells::num(format::percent(a.availability_percent, 3)) }
                                <td><span class={classes!("status", tone)} data-met={a.met.to_string()}>{ format!("{word} ({})", format::percent(a.target_percent, 2)) }</span></td>
                                { cells::num(dur(a.budget_left_seconds)) }
                                <td class="num">{ format!("{} ({} {})", p.figures.incidents.started, breaches, t(Msg::BreachesLower)) }</td>
                                { cells::num(format::money(p.credit.amount, currency)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
