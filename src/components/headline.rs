//! The headline figures of a report: availability against target, downtime against allowed,
//! error budget left, MTTR, MTTA, breaches and the credit owed.

use super::SharedReport;
use crate::format;
use yew::prelude::*;

/// Props of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The report whose totals are shown.
    pub report: SharedReport,
}

/// One headline figure card.
#[derive(Properties, PartialEq)]
struct FigureProps {
    testid: &'static str,
    label: &'static str,
    value: String,
    detail: String,
    /// "good", "bad", "warn" or "" (no judgement). The words in `detail` carry the meaning too,
    /// so colour is never the only signal.
    tone: &'static str,
}

#[component]
fn Figure(p: &FigureProps) -> Html {
    html! {
        <div class={classes!("figure", p.tone)} data-testid={p.testid}>
            <div class="label">{ p.label }</div>
            <div class="value">{ &p.value }</div>
            <div class="detail">{ &p.detail }</div>
        </div>
    }
}

/// The row of headline figures for the whole reporting span.
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let report = &props.report;
    let total = &report.total;
    let a = &total.figures.availability;
    let missed_periods = report.periods.iter().filter(|p| !p.figures.availability.met).count();
    let (tone, verdict) = if a.met { ("good", "met") } else { ("bad", "missed") };
    let budget_tone = if a.budget_left_seconds < 0 { "bad" } else { "good" };
    let kpis = &total.figures.kpis;
    let mttr = kpis.time_to_restore.as_ref().map(|s| format::duration(s.mean_seconds)).unwrap_or_else(|| "—".into());
    let mtta = kpis.time_to_acknowledge.as_ref().map(|s| format::duration(s.mean_seconds)).unwrap_or_else(|| "—".into());
    let breaches = report.breaches.len();
    // Each period's credit already includes its breach penalties, after its cap and minimum.
    let credit = total.credit_amount;
    html! {
        <div class="headline" role="group" aria-label="Headline figures">
            <Figure testid="headline-availability" label="Availability" tone={tone}
                value={format::percent(a.availability_percent, 3)}
                detail={format!("target {} — {verdict}; {missed_periods} of {} periods missed",
                    format::percent(a.target_percent, 2), report.periods.len())} />
            <Figure testid="headline-downtime" label="Downtime" tone=""
                value={format::duration(a.weighted_downtime_seconds)}
                detail={format!("allowed {} over {}", format::duration(a.allowed_downtime_seconds), format::duration(a.service_seconds))} />
            <Figure testid="headline-budget" label="Error budget left" tone={budget_tone}
                value={format::duration(a.budget_left_seconds)}
                detail={a.budget_left_percent.map(|p| format!("{} of the allowed downtime", format::percent(p, 1))).unwrap_or_else(|| "no downtime allowed".into())} />
            <Figure testid="headline-mttr" label="MTTR (restore)" tone="" value={mttr}
                detail={format!("MTTA {mtta}")} />
            <Figure testid="headline-breaches" label="Breaches" tone={if breaches > 0 { "warn" } else { "good" }}
                value={breaches.to_string()}
                detail="response and resolution targets missed" />
            <Figure testid="headline-credit" label="Credits owed" tone={if credit > 0.0 { "bad" } else { "good" }}
                value={format::money(credit, &total.currency)}
                detail={format!("sum of the periods' credits after caps and minimums, with {} of breach penalties before caps", format::money(total.penalty_amount, &total.currency))} />
        </div>
    }
}
