//! The headline figures of a report: availability against target, downtime against allowed,
//! error budget left, MTTR, MTTA, breaches and the credit owed.

use crate::components::SharedReport;
use crate::format;
use crate::i18n::{use_lang, Msg};
use yew::prelude::*;

/// Props of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The report whose totals are shown.
    pub report: SharedReport,
}

/// Props of one headline figure card.
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
    let lang = use_lang();
    let t = |m: Msg| m.text(lang);
    let dur = |s: i64| format::duration_in(lang, s);
    let report = &props.report;
    let total = &report.total;
    let a = &total.figures.availability;
    let missed_periods = report.periods.iter().filter(|p| !p.figures.availability.met).count();
    let (tone, verdict) = if a.met { ("good", t(Msg::Met)) } else { ("bad", t(Msg::Missed)) };
    let budget_tone = if a.budget_left_seconds < 0 { "bad" } else { "good" };
    let kpis = &total.figures.kpis;
    let mttr = kpis.time_to_restore.as_ref().map(|s| dur(s.mean_seconds)).unwrap_or_else(|| "—".into());
    let mtta = kpis.time_to_acknowledge.as_ref().map(|s| dur(s.mean_seconds)).unwrap_or_else(|| "—".into());
    let breaches = report.breaches.len();
    // Each period's credit already includes its breach penalties, after its cap and minimum.
    let credit = total.credit_amount;
    html! {
        <div class="headline" role="group" aria-label={t(Msg::HeadlineFigures)}>
            <Figure testid="headline-availability" label={t(Msg::Availability)} tone={tone}
                value={format::percent(a.availability_percent, 3)}
                detail={format!("{} {} — {verdict}; {missed_periods} {} {} {}", t(Msg::Target),
                    format::percent(a.target_percent, 2), t(Msg::Of), report.periods.len(), t(Msg::PeriodsMissed))} />
            <Figure testid="headline-downtime" label={t(Msg::Downtime)} tone=""
                value={dur(a.weighted_downtime_seconds)}
                detail={format!("{} {} — {} {}", t(Msg::Allowed), dur(a.allowed_downtime_seconds), t(Msg::Over), dur(a.service_seconds))} />
            <Figure testid="headline-budget" label={t(Msg::ErrorBudgetLeft)} tone={budget_tone}
                value={dur(a.budget_left_seconds)}
                detail={a.budget_left_percent.map(|p| format!("{} {}", format::percent(p, 1), t(Msg::OfAllowedDowntime))).unwrap_or_else(|| t(Msg::NoDowntimeAllowed).into())} />
            <Figure testid="headline-mttr" label={t(Msg::MttrRestore)} tone="" value={mttr}
                detail={format!("{} {mtta}", t(Msg::Mtta))} />
            <Figure testid="headline-breaches" label={t(Msg::Breaches)} tone={if breaches > 0 { "warn" } else { "good" }}
                value={breaches.to_string()}
                detail={t(Msg::BreachesDetail)} />
            <Figure testid="headline-credit" label={t(Msg::CreditsOwed)} tone={if credit > 0.0 { "bad" } else { "good" }}
                value={format::money(credit, &total.currency)}
                detail={format!("{} {}", t(Msg::CreditsDetail), format::money(total.penalty_amount, &total.currency))} />
        </div>
    }
}
