//! The customer satisfaction card: when incidents carry survey scores, per period the number of
//! responses, the mean, the share satisfied and the distribution (a bar per score with its
//! count written beside it); without scores, a short note instead. The figures are
//! `sla_core::review::satisfaction` (inside the review).

use crate::components::cells;
use super::text::{fill, ReviewMsg};
use crate::components::Shared;
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::review::{CsatFigures, CsatSummary, ReviewReport, ScaleRule};
use yew::prelude::*;

/// Props of [`SatisfactionCard`].
#[derive(Properties, PartialEq)]
pub struct SatisfactionCardProps {
    /// The review whose satisfaction figures are shown.
    pub review: Shared<ReviewReport>,
}

/// A mean score as shown: two decimals, "—" without responses.
pub fn mean_text(mean: Option<f64>) -> String {
    mean.map_or_else(|| "—".to_string(), |m| format!("{m:.2}"))
}

/// The share of a bucket in its period's responses, 0–100.
pub fn bucket_percent(count: u64, responses: u64) -> f64 {
    if responses == 0 {
        0.0
    } else {
        count as f64 / responses as f64 * 100.0
    }
}

/// One row of the table: the figures of a period (or the total) with its distribution.
fn figures_row(label: Html, f: &CsatFigures, lang: Lang, testid: &'static str) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    html! {
        <tr data-testid={testid}>
            { label }
            <td class="num" data-testid="csat-responses">{ f.responses }</td>
            <td class="num" data-testid="csat-mean">{ mean_text(f.mean) }</td>
            { cells::num(f.satisfied_percent.map_or_else(|| "—".to_string(), |p| format::percent(p, 0))) }
            { for f.distribution.iter().map(|b| {
                let pct = bucket_percent(b.count, f.responses);
                let title = fill(t(ReviewMsg::BucketTitle), &[
                    ("n", &b.count.to_string()), ("total", &f.responses.to_string()), ("score", &b.score.to_string()),
                ]);
                html! {
                    <td class="csat-bucket" title={title}>
                        <svg class="csat-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="csat-track" width="100" height="10" />
                            <rect class="csat-fill" width={format!("{pct:.2}")} height="10" />
                        </svg>
                        <span class="csat-count">{ b.count }</span>
                    </td>
                }
            }) }
        </tr>
    }
}

/// The scale and how it was chosen, in words.
pub fn scale_note(s: &CsatSummary, lang: Lang) -> String {
    let rule = match s.scale.rule {
        ScaleRule::FitsOneToFive => ReviewMsg::CsatRuleFits15,
        ScaleRule::FitsZeroToTen => ReviewMsg::CsatRuleFits010,
        ScaleRule::AssumedOneToFive => ReviewMsg::CsatRuleAssumed,
    };
    let mut out = format!(
        "{} {}",
        fill(
            ReviewMsg::CsatScale.text(lang),
            &[("min", &s.scale.min.to_string()), ("max", &s.scale.max.to_string())]
        ),
        rule.text(lang)
    );
    if s.total.out_of_scale > 0 {
        out.push(' ');
        out.push_str(&fill(
            ReviewMsg::CsatOutOfScale.text(lang),
            &[("n", &s.total.out_of_scale.to_string())],
        ));
    }
    out
}

/// The satisfaction table of a summary (also used by the review document).
pub fn satisfaction_table(s: &CsatSummary, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let top = format!("{} ({}–{})", t(ReviewMsg::Satisfied), s.scale.max - 1, s.scale.max);
    html! {
        <div class="table-wrap">
            <table class="csat-table" data-testid="csat-table">
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{ t(ReviewMsg::Period) }</th>
                        <th scope="col" rowspan="2" class="num">{ t(ReviewMsg::Responses) }</th>
                        <th scope="col" rowspan="2" class="num">{ t(ReviewMsg::Mean) }</th>
                        <th scope="col" rowspan="2" class="num">{ top }</th>
                        <th scope="colgroup" colspan={(s.scale.max - s.scale.min + 1).to_string()}>{ t(ReviewMsg::Distribution) }</th>
                    </tr>
                    <tr>
                        { for (s.scale.min..=s.scale.max).map(|n| html! {
                            <th scope="col" class="csat-score">{ fill(t(ReviewMsg::ScoreN), &[("n", &n.to_string())]) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for s.periods.iter().map(|p| figures_row(html! { <th scope="row">{ &p.period }</th> }, &p.figures, lang, "csat-period")) }
                </tbody>
                if s.periods.len() > 1 {
                    <tfoot>
                        { figures_row(html! { <th scope="row">{ t(ReviewMsg::Total) }</th> }, &s.total, lang, "csat-total") }
                    </tfoot>
                }
            </table>
        </div>
    }
}

/// The card: the table when there are scores, a short note when there are none.
#[component]
pub fn SatisfactionCard(props: &SatisfactionCardProps) -> Html {
    let lang = use_lang();
    let t = |m: ReviewMsg| m.text(lang);
    html! {
        <section id="satisfaction" class="card review-card" aria-labelledby="csat-heading" data-testid="satisfaction">
            <h2 id="csat-heading">{ t(ReviewMsg::CsatHeading) }</h2>
            { match &props.review.satisfaction {
                Some(s) => html! {
                    <>
                        <p class="subtle">{ scale_note(s, lang) }</p>
                        { satisfaction_table(s, lang) }
                        <p class="subtle">{ t(ReviewMsg::CsatRules) }</p>
                    </>
                },
                None => html! { <p class="subtle" data-testid="csat-none">{ t(ReviewMsg::CsatNone) }</p> },
            } }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_and_bucket_shares() {
        assert_eq!(mean_text(Some(4.126)), "4.13");
        assert_eq!(mean_text(None), "—");
        assert_eq!(bucket_percent(1, 4), 25.0);
        assert_eq!(bucket_percent(0, 0), 0.0);
    }
}
