//! The "where it comes from" card: downtime, breaches and credits broken down by service,
//! priority, impact and (when the log has one) category, ranked as the core ranks them, with
//! share-of-total bars that also say their percentage; the incidents that cost the most; and
//! the rule by which a period's credit is attributed. The breakdown is
//! `sla_core::review::contributors` (inside the review).

use crate::components::cells;
use super::text::{dimension_name, dimension_token, fill, group_key, ReviewMsg};
use crate::components::Shared;
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::review::{ContributorRow, ContributorTable, Contributors, Dimension, ReviewReport};
use yew::prelude::*;

/// Props of [`ContributorsCard`].
#[derive(Properties, PartialEq)]
pub struct ContributorsCardProps {
    /// The review whose contributors are shown (the whole span, or one period).
    pub review: Shared<ReviewReport>,
}

/// A row's share of the credits, percent; `None` when no credit is owed at all.
pub fn credit_share_percent(row: &ContributorRow, contributors: &Contributors) -> Option<f64> {
    (contributors.credit_amount > 0.0).then(|| row.credit_amount / contributors.credit_amount * 100.0)
}

/// The table of `dimension`, or the first table when that dimension has none (e.g. category
/// chosen, then a log without categories loaded).
pub fn table_for(contributors: &Contributors, dimension: Dimension) -> Option<&ContributorTable> {
    contributors
        .tables
        .iter()
        .find(|t| t.dimension == dimension)
        .or_else(|| contributors.tables.first())
}

/// A share as a bar (decorative: the percentage is written beside it) and its text.
pub fn share_bar(percent: Option<f64>) -> Html {
    match percent {
        Some(p) => {
            let width = p.clamp(0.0, 100.0);
            html! {
                <span class="share">
                    <svg class="share-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect class="share-track" width="100" height="8" />
                        <rect class="share-fill" width={format!("{width:.2}")} height="8" />
                    </svg>
                    <span class="share-text">{ format::percent(p, 1) }</span>
                </span>
            }
        }
        None => html! { <span class="share-text">{ "—" }</span> },
    }
}

fn dimension_of(token: &str) -> Dimension {
    match token {
        "priority" => Dimension::Priority,
        "impact" => Dimension::Impact,
        "category" => Dimension::Category,
        _ => Dimension::Service,
    }
}

/// The ranked table of one dimension.
fn ranked_table(table: &ContributorTable, c: &Contributors, currency: &str, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    html! {
        <div class="table-wrap">
            <table class="contributor-table" data-testid="contributor-table" data-dimension={dimension_token(table.dimension)}>
                <caption class="sr-only">{ dimension_name(table.dimension, lang) }</caption>
                <thead>
                    <tr>
                        { cells::num_col(t(ReviewMsg::Rank)) }
                        { cells::col(dimension_name(table.dimension, lang)) }
                        { cells::num_col(t(ReviewMsg::Incidents)) }
                        { cells::col(t(ReviewMsg::Downtime)) }
                        { cells::num_col(t(ReviewMsg::Breaches)) }
                        <th scope="col">{ format!("{} ({currency})", t(ReviewMsg::Credit)) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().enumerate().map(|(i, r)| html! {
                        <tr data-testid="contributor-row">
                            { cells::num(i + 1) }
                            <th scope="row" class="group-key">{ group_key(table.dimension, r.key.as_deref(), lang) }</th>
                            { cells::num(r.incidents) }
                            <td class="share-cell">
                                <span class="share-value" data-testid="contributor-downtime">{ format::duration_in(lang, r.weighted_downtime_seconds.round() as i64) }</span>
                                { share_bar(r.downtime_share_percent) }
                            </td>
                            { cells::num(r.breaches) }
                            <td class="share-cell">
                                <span class="share-value" data-testid="contributor-credit">{ format::grouped(r.credit_amount, 2) }</span>
                                { share_bar(credit_share_percent(r, c)) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The incidents that cost the most.
pub fn top_incidents_table(c: &Contributors, currency: &str, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    if c.top_incidents.is_empty() {
        return html! { <p class="subtle">{ t(ReviewMsg::NoContributors) }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="top-incidents" data-testid="top-incidents">
                <thead>
                    <tr>
                        { cells::num_col(t(ReviewMsg::Rank)) }
                        { cells::col(t(ReviewMsg::Incident)) }
                        { cells::col(t(ReviewMsg::Service)) }
                        { cells::col(t(ReviewMsg::Priority)) }
                        { cells::num_col(t(ReviewMsg::Downtime)) }
                        { cells::num_col(t(ReviewMsg::Breaches)) }
                        <th scope="col" class="num">{ format!("{} ({currency})", t(ReviewMsg::Credit)) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for c.top_incidents.iter().enumerate().map(|(i, inc)| html! {
                        <tr data-testid="top-incident">
                            { cells::num(i + 1) }
                            <th scope="row" class="incident-name"><span class="mono">{ &inc.incident_id }</span>{ " " }{ &inc.title }</th>
                            { cells::td(inc.service.clone().unwrap_or_else(|| t(ReviewMsg::NotGiven).to_string())) }
                            { cells::td(inc.priority.clone().unwrap_or_else(|| t(ReviewMsg::NotGiven).to_string())) }
                            { cells::num(format::duration_in(lang, inc.weighted_downtime_seconds.round() as i64)) }
                            { cells::num(inc.breaches) }
                            <td class="num" data-testid="top-incident-credit">{ format::grouped(inc.credit_amount, 2) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The card: a dimension picker, the ranked table, the totals, the attribution rule and the
/// costliest incidents.
#[component]
pub fn ContributorsCard(props: &ContributorsCardProps) -> Html {
    let lang = use_lang();
    let t = |m: ReviewMsg| m.text(lang);
    // Which breakdown is shown: view-only state.
    let chosen = use_state(|| Dimension::Service);
    let on_change = {
        let chosen = chosen.setter();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                chosen.set(dimension_of(&select.value()));
            }
        })
    };
    let review = &props.review;
    let c = &review.contributors;
    let currency = review.currency.as_str();
    let table = table_for(c, *chosen);
    let shown = table.map(|t| t.dimension).unwrap_or(Dimension::Service);
    html! {
        <section id="contributors" class="card review-card" aria-labelledby="contributors-heading" data-testid="contributors">
            <h2 id="contributors-heading">{ t(ReviewMsg::ContributorsHeading) }</h2>
            <p class="subtle">{ fill(t(ReviewMsg::ContributorsIntro), &[("n", &c.periods.len().to_string())]) }</p>
            <p data-testid="contributors-totals">
                { fill(t(ReviewMsg::ContributorsTotals), &[
                    ("downtime", &format::duration_in(lang, c.weighted_downtime_seconds.round() as i64)),
                    ("credit", &format::money(c.credit_amount, currency)),
                ]) }
            </p>
            <div class="form-row no-print">
                <label>
                    { t(ReviewMsg::BreakDownBy) }
                    <select id="contributor-dimension" onchange={on_change} data-testid="contributor-dimension">
                        { for c.tables.iter().map(|tb| html! {
                            <option value={dimension_token(tb.dimension)} selected={tb.dimension == shown}>{ dimension_name(tb.dimension, lang) }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(table) = table {
                { ranked_table(table, c, currency, lang) }
            }
            if c.credit_unattributed > 0.0 {
                <p class="subtle" data-testid="credit-unattributed">
                    { fill(t(ReviewMsg::Unattributed), &[("amount", &format::money(c.credit_unattributed, currency))]) }
                </p>
            }
            <p class="subtle attribution-rule" data-testid="attribution-rule">{ t(ReviewMsg::AttributionRule) }</p>
            <h3>{ t(ReviewMsg::TopIncidents) }</h3>
            { top_incidents_table(c, currency, lang) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, credit: f64) -> ContributorRow {
        ContributorRow {
            key: Some(key.into()),
            incidents: 1,
            weighted_downtime_seconds: 60.0,
            downtime_share_percent: Some(50.0),
            breaches: 0,
            penalty_amount: 0.0,
            credit_amount: credit,
        }
    }

    fn contributors(credit: f64) -> Contributors {
        Contributors {
            periods: vec!["2026-01".into()],
            tables: vec![ContributorTable {
                dimension: Dimension::Service,
                rows: vec![row("a", credit / 4.0)],
            }],
            top_incidents: Vec::new(),
            weighted_downtime_seconds: 120.0,
            credit_amount: credit,
            credit_unattributed: 0.0,
        }
    }

    #[test]
    fn credit_shares_and_table_choice() {
        let c = contributors(200.0);
        assert_eq!(credit_share_percent(&c.tables[0].rows[0], &c), Some(25.0));
        assert_eq!(credit_share_percent(&c.tables[0].rows[0], &contributors(0.0)), None);
        // No category table: the first table stands in.
        assert_eq!(
            table_for(&c, Dimension::Category).map(|t| t.dimension),
            Some(Dimension::Service)
        );
        assert_eq!(dimension_of("impact"), Dimension::Impact);
        assert_eq!(dimension_of("anything"), Dimension::Service);
    }
}
