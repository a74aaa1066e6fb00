//! The service-credit arithmetic of each period that earns one, step by step: availability,
//! the tier hit (or none), the tier credit, penalties, subtotal, the cap and the minimum, and
//! the amount owed; then the total over all periods.
//!
//! The numbers are the core's [`CreditCalculation`]; the words are written here in the UI's
//! language from its fields.

use super::text::{fill, list_separator, ReportMsg};
use crate::components::SharedReport;
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::credits::{fmt_percent, CreditCalculation};
use yew::prelude::*;

/// Props of [`CreditSteps`].
#[derive(Properties, PartialEq)]
pub struct CreditStepsProps {
    /// The report whose credits are explained.
    pub report: SharedReport,
}

/// One line of the arithmetic: what was done and the resulting value.
#[derive(Debug, Clone, PartialEq)]
pub struct StepLine {
    /// The step in words.
    pub what: String,
    /// The value it gives.
    pub value: String,
    /// Whether this is the final amount.
    pub result: bool,
}

/// Whether a period's credit is worth explaining: it hit a tier, has penalties, or owes money.
pub fn has_credit(c: &CreditCalculation) -> bool {
    c.amount > 0.0 || c.tier.is_some() || c.penalty_count > 0 || c.penalty_amount > 0.0
}

/// The steps of one period's credit in `lang`; `fee` is the fee per period.
pub fn credit_lines(lang: Lang, c: &CreditCalculation, fee: f64) -> Vec<StepLine> {
    let t = |m: ReportMsg| m.text(lang);
    let money = |v: f64| format::money(v, &c.currency);
    let line = |what: String, value: String| StepLine { what, value, result: false };
    let mut lines = Vec::with_capacity(8);
    lines.push(line(t(ReportMsg::StepAvailability).to_string(), fmt_percent(c.availability_percent)));
    match c.tier {
        Some(tier) => lines.push(line(
            fill(t(ReportMsg::StepTierHit), &[("below", &fmt_percent(tier.below_percent)), ("credit", &fmt_percent(tier.credit_percent))]),
            fmt_percent(tier.credit_percent),
        )),
        None => lines.push(line(t(ReportMsg::StepTierNone).to_string(), fmt_percent(0.0))),
    }
    let credit_percent = c.tier.map(|t| t.credit_percent).unwrap_or(0.0);
    lines.push(line(fill(t(ReportMsg::StepTierAmount), &[("credit", &fmt_percent(credit_percent)), ("fee", &money(fee))]), money(c.tier_amount)));
    lines.push(line(fill(t(ReportMsg::StepPenalties), &[("n", &c.penalty_count.to_string())]), money(c.penalty_amount)));
    lines.push(line(t(ReportMsg::StepSubtotal).to_string(), money(c.subtotal)));
    let cap_args = [("cap_percent", fmt_percent(c.cap_percent)), ("cap", money(c.cap_amount))];
    let cap_args: Vec<(&str, &str)> = cap_args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    lines.push(line(
        fill(if c.capped { t(ReportMsg::StepCapApplied) } else { t(ReportMsg::StepCapNotReached) }, &cap_args),
        money(c.subtotal.min(c.cap_amount)),
    ));
    let minimum = money(c.minimum_amount);
    lines.push(line(
        fill(if c.below_minimum { t(ReportMsg::StepMinimumApplied) } else { t(ReportMsg::StepMinimumNotApplied) }, &[("minimum", &minimum)]),
        money(c.amount),
    ));
    lines.push(StepLine { what: t(ReportMsg::StepOwed).to_string(), value: money(c.amount), result: true });
    lines
}

/// The credit arithmetic of every period with a credit, and the total.
#[component]
pub fn CreditSteps(props: &CreditStepsProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let report = &props.report;
    let fee = report.agreement.fee_per_period;
    let currency = &report.total.currency;
    let credited: Vec<_> = report.periods.iter().filter(|p| has_credit(&p.credit)).collect();
    let without: Vec<&str> = report.periods.iter().filter(|p| !has_credit(&p.credit)).map(|p| p.label.as_str()).collect();
    let owed: Vec<String> = report.periods.iter().filter(|p| p.credit.amount > 0.0).map(|p| format::money(p.credit.amount, currency)).collect();
    let sum = if owed.is_empty() { format::money(0.0, currency) } else { owed.join(" + ") };

    html! {
        <div class="report-detail credit-steps" data-testid="credit-steps">
            { if credited.is_empty() { html! { <p class="status good">{ t(ReportMsg::NoCreditAtAll) }</p> } } else { html! {} } }
            { for credited.iter().map(|p| {
                let heading = fill(t(ReportMsg::CreditFor), &[("period", &p.label)]);
                html! {
                    <section class="credit-period" data-testid="credit-period" data-period={p.label.clone()}>
                        <h3>{ heading }{ if p.complete { html! {} } else { html! { <span class="subtle">{ format!(" ({})", t(ReportMsg::ToDate)) }</span> } } }</h3>
                        <ol class="credit-step-list">
                            { for credit_lines(lang, &p.credit, fee).into_iter().map(|l| html! {
                                <li class={classes!(l.result.then_some("result"))} data-testid="credit-step">
                                    <span class="what">{ l.what }</span>
                                    <span class="value">{ l.value }</span>
                                </li>
                            }) }
                        </ol>
                    </section>
                }
            }) }
            { if !without.is_empty() && !credited.is_empty() { html! {
                <p class="subtle">{ fill(t(ReportMsg::NoCreditIn), &[("list", &without.join(list_separator(lang)))]) }</p>
            } } else { html! {} } }
            <p class="credit-total" data-testid="credit-total">
                <strong>{ fill(t(ReportMsg::CreditTotal), &[("sum", &sum), ("total", &format::money(report.total.credit_amount, currency))]) }</strong>
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::credits::{calculate_credit, Availability};
    use sla_core::model::CreditPolicy;

    #[test]
    fn lines_name_the_tier_the_cap_and_the_minimum() {
        let policy = CreditPolicy { cap_percent: 20.0, minimum_amount: 50.0, ..CreditPolicy::default() };
        let c = calculate_credit(&policy, Availability::from_percent(94.0), 2, 1000.0);
        let lines = credit_lines(Lang::En, &c, policy.fee_per_period);
        assert_eq!(lines.len(), 8);
        assert!(lines[1].what.contains("below 95 %") && lines[1].what.contains("100 %"), "{:?}", lines[1]);
        assert!(lines[5].what.contains("20 %") && lines[5].what.contains("cap applied"), "{:?}", lines[5]);
        assert!(lines[6].what.contains("50.00 USD") && lines[6].what.contains("not applied"), "{:?}", lines[6]);
        assert_eq!(lines[7].value, "2,000.00 USD");
        assert!(lines[7].result);
    }

    #[test]
    fn under_the_minimum_nothing_is_owed() {
        let policy = CreditPolicy { minimum_amount: 1500.0, ..CreditPolicy::default() };
        let c = calculate_credit(&policy, Availability::from_percent(99.5), 0, 0.0);
        let lines = credit_lines(Lang::ZhHant, &c, policy.fee_per_period);
        assert!(lines[6].what.contains("1,500.00 USD") && lines[6].what.contains("已套用最低額"), "{:?}", lines[6]);
        assert_eq!(lines[7].value, "0.00 USD");
        assert!(has_credit(&c));
        let none = calculate_credit(&policy, Availability::from_percent(100.0), 0, 0.0);
        assert!(!has_credit(&none));
        assert!(credit_lines(Lang::En, &none, 10_000.0)[1].what.contains("not below any"));
    }
}
