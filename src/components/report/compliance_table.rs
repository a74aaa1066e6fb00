//! Response and resolution compliance per priority: incidents, then for each target its value
//! and clock, met, breached, pending and the share met; for the whole span or one period.

use crate::components::cells;
use super::text::{fill, ReportMsg};
use crate::components::SharedReport;
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::model::Clock;
use sla_core::report::{Figures, TargetCompliance};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`ComplianceTable`].
#[derive(Properties, PartialEq)]
pub struct ComplianceTableProps {
    /// The report whose compliance is listed.
    pub report: SharedReport,
}

/// The clock's name: support hours or 24×7.
pub fn clock_text(lang: Lang, clock: Clock) -> &'static str {
    match clock {
        Clock::ServiceHours => ReportMsg::ClockServiceHours.text(lang),
        Clock::AroundTheClock => ReportMsg::ClockAroundTheClock.text(lang),
    }
}

/// Which figures the table shows: `None` for the whole span, `Some(i)` for period `i`. Reads a
/// `<select>` value (`"total"` or a period index); anything else, or an index out of range,
/// gives the whole span.
pub fn parse_choice(value: &str, periods: usize) -> Option<usize> {
    value.parse::<usize>().ok().filter(|i| *i < periods)
}

fn target_cells(lang: Lang, target: Option<&TargetCompliance>) -> Html {
    let t = |m: ReportMsg| m.text(lang);
    match target {
        Some(c) => {
            let tone = match c.percent_met {
                Some(p) if p >= 100.0 => "good",
                Some(_) => "bad",
                None => "",
            };
            html! {
                <>
                    <td class="group-start">{ format!("{} ({})", format::duration_in(lang, c.target_seconds), clock_text(lang, c.clock)) }</td>
                    { cells::num(c.met) }
                    <td class="num">{ if c.breached > 0 { html! { <strong>{ c.breached }</strong> } } else { html! { { c.breached } } } }</td>
                    { cells::num(c.pending) }
                    <td class="num"><span class={classes!((!tone.is_empty()).then_some("status"), tone)}>{ c.percent_met.map(|p| format::percent(p, 1)).unwrap_or_else(|| t(ReportMsg::NoValue).to_string()) }</span></td>
                </>
            }
        }
        None => html! { <td class="group-start subtle" colspan="5">{ t(ReportMsg::NoTarget) }</td> },
    }
}

fn body(lang: Lang, figures: &Figures) -> Html {
    html! {
        <tbody>
            { for figures.compliance.priorities.iter().map(|c| html! {
                <tr data-testid="compliance-row">
                    <th scope="row">{ &c.priority }</th>
                    { cells::num(c.incidents) }
                    { target_cells(lang, c.respond.as_ref()) }
                    { target_cells(lang, c.resolve.as_ref()) }
                </tr>
            }) }
        </tbody>
    }
}

/// The compliance table, with a selector of the period it covers.
#[component]
pub fn ComplianceTable(props: &ComplianceTableProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let report = &props.report;
    let choice = use_state(|| None::<usize>);
    let on_change = {
        let choice = choice.clone();
        let periods = report.periods.len();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            choice.set(parse_choice(&select.value(), periods));
        })
    };
    let chosen = (*choice).filter(|i| *i < report.periods.len());
    let (figures, scope) = match chosen {
        Some(i) => (&report.periods[i].figures, report.periods[i].label.clone()),
        None => (&report.total.figures, t(ReportMsg::WholeSpan).to_string()),
    };
    let unmatched = figures.compliance.unmatched;
    let group = |m: ReportMsg| html! { <th scope="colgroup" colspan="5" class="group-start">{ t(m) }</th> };
    let heads = || {
        html! {
            <>
                <th scope="col" class="group-start">{ t(ReportMsg::Target) }</th>
                { cells::num_col(t(ReportMsg::MetCount)) }
                { cells::num_col(t(ReportMsg::BreachedCount)) }
                { cells::num_col(t(ReportMsg::PendingCount)) }
                { cells::num_col(t(ReportMsg::PercentMet)) }
            </>
        }
    };
    html! {
        <div class="report-detail compliance-table" data-testid="compliance-table">
            <div class="form-row no-print">
                <label>
                    { t(ReportMsg::ShowFor) }
                    <select onchange={on_change} data-testid="compliance-period">
                        <option value="total" selected={chosen.is_none()}>{ t(ReportMsg::WholeSpan) }</option>
                        { for report.periods.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={chosen == Some(i)}>{ &p.label }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="table-wrap">
                <table>
                    <caption>{ format!("{} — {scope}", t(ReportMsg::ComplianceCaption)) }</caption>
                    <thead>
                        <tr>
                            <td colspan="2"></td>
                            { group(ReportMsg::Respond) }
                            { group(ReportMsg::Resolve) }
                        </tr>
                        <tr>
                            { cells::col(t(ReportMsg::Priority)) }
                            { cells::num_col(t(ReportMsg::Incidents)) }
                            { heads() }{ heads() }
                        </tr>
                    </thead>
                    { body(lang, figures) }
                </table>
            </div>
            <p class={classes!("subtle", (unmatched > 0).then_some("unmatched"))} data-testid="compliance-unmatched">
                { if unmatched > 0 { fill(t(ReportMsg::Unmatched), &[("n", &unmatched.to_string())]) } else { t(ReportMsg::AllMatched).to_string() } }
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_out_of_range_mean_the_whole_span() {
        assert_eq!(parse_choice("total", 6), None);
        assert_eq!(parse_choice("2", 6), Some(2));
        assert_eq!(parse_choice("6", 6), None);
        assert_eq!(parse_choice("-1", 6), None);
    }

    #[test]
    fn clocks_are_named() {
        assert_eq!(clock_text(Lang::En, Clock::AroundTheClock), "24×7");
        assert_eq!(clock_text(Lang::ZhHans, Clock::ServiceHours), "支持时段");
    }
}
