//! One row per measurement period: service time, downtime, availability against target, budget
//! left, incidents, breaches and the credit owed.

use super::SharedReport;
use crate::format;
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
    let report = &props.report;
    let currency = &report.total.currency;
    html! {
        <div class="table-wrap">
            <table data-testid="period-table">
                <caption class="subtle" style="caption-side: bottom; text-align: left; padding-top: .4rem">
                    { format!("Periods are calendar-aligned in {}. Downtime is weighted by impact and excludes maintenance.", report.agreement.time_zone) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Period" }</th>
                        <th scope="col" class="num">{ "Service time" }</th>
                        <th scope="col" class="num">{ "Downtime" }</th>
                        <th scope="col" class="num">{ "Availability" }</th>
                        <th scope="col">{ "Target" }</th>
                        <th scope="col" class="num">{ "Budget left" }</th>
                        <th scope="col" class="num">{ "Incidents" }</th>
                        <th scope="col" class="num">{ "Credit" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for report.periods.iter().map(|p| {
                        let a = &p.figures.availability;
                        let (tone, word) = if a.met { ("good", "met") } else { ("bad", "missed") };
                        let breaches = p.figures.compliance.priorities.iter()
                            .map(|c| c.respond.as_ref().map_or(0, |t| t.breached) + c.resolve.as_ref().map_or(0, |t| t.breached))
                            .sum::<u64>();
                        html! {
                            <tr data-testid="period-row" class={classes!((!a.met).then_some("missed"))}>
                                <th scope="row">{ &p.label }{ if p.partial { html!{ <span class="subtle">{ " (partial)" }</span> } } else { html!{} } }</th>
                                <td class="num">{ format::duration(a.service_seconds) }</td>
                                <td class="num">{ format::duration(a.weighted_downtime_seconds) }</td>
                                <td class="num">{ format::percent(a.availability_percent, 3) }</td>
                                <td><span class={classes!("status", tone)}>{ format!("{word} ({})", format::percent(a.target_percent, 2)) }</span></td>
                                <td class="num">{ format::duration(a.budget_left_seconds) }</td>
                                <td class="num">{ format!("{} ({} breaches)", p.figures.incidents.started, breaches) }</td>
                                <td class="num">{ format::money(p.credit.amount, currency) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
