//! Host rendering tests of the service review's screens: trends, where it comes from, customer
//! satisfaction and the review document, on the built-in sample. Every expected figure comes
//! from sla-core's own review of the same inputs, formatted by the app's formatters.

use chrono::{TimeZone, Utc};
use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::{Agreement, Incident};
use sla_core::review::{review_from_report, Direction, ReviewOptions, ReviewReport, TrendMetric, MIN_TREND_PERIODS};
use sla_core::sample;
use sla_web::components::review::text::{direction_label, direction_word, fill, ReviewMsg};
use sla_web::components::review::{
    ContributorsCard, ContributorsCardProps, ReviewSection, SatisfactionCard, SatisfactionCardProps, TrendsCard,
    TrendsCardProps,
};
use sla_web::components::{Shared, SharedReport};
use sla_web::format;
use sla_web::i18n::Lang;
use std::rc::Rc;
use yew::{html, ContextProvider, Html, LocalServerRenderer, Properties};

/// The inputs and the core's answers for them.
struct Case {
    agreement: Agreement,
    incidents: Shared<Vec<Incident>>,
    report: SharedReport,
    review: ReviewReport,
}

fn case_of(agreement: Agreement, incidents: Vec<Incident>, request: ReportRequest) -> Case {
    let report = build_report(&agreement, &incidents, &request).expect("the report builds");
    let review =
        review_from_report(&agreement, &incidents, &report, &ReviewOptions::default()).expect("the review builds");
    Case {
        agreement,
        incidents: Shared(Rc::new(incidents)),
        report: SharedReport(Rc::new(report)),
        review,
    }
}

fn sample_case() -> Case {
    case_of(
        sample::sample_agreement(),
        sample::sample_incidents(),
        ReportRequest::as_of(sample::sample_as_of()),
    )
}

#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    children: Html,
}

#[yew::component]
fn InLang(props: &InLangProps) -> Html {
    html! { <ContextProvider<Lang> context={props.lang}>{ props.children.clone() }</ContextProvider<Lang>> }
}

async fn render_in(lang: Lang, children: Html) -> String {
    LocalServerRenderer::<InLang>::with_props(InLangProps { lang, children })
        .hydratable(false)
        .render()
        .await
}

async fn section(case: &Case, lang: Lang) -> String {
    render_in(
        lang,
        html! { <ReviewSection agreement={case.agreement.clone()} incidents={case.incidents.clone()} report={case.report.clone()} /> },
    )
    .await
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[track_caller]
fn assert_has(html: &str, text: &str) {
    assert!(
        html.contains(&escaped(text)),
        "expected {text:?} in the rendered HTML:\n{html}"
    );
}

fn count(html: &str, testid: &str) -> usize {
    html.matches(&format!("data-testid=\"{testid}\"")).count()
}

#[tokio::test]
async fn trends_show_every_metric_per_period_with_the_cores_direction() {
    let case = sample_case();
    let review = Shared(Rc::new(case.review.clone()));
    let html = LocalServerRenderer::<TrendsCard>::with_props(TrendsCardProps { review })
        .hydratable(false)
        .render()
        .await;
    let trends = &case.review.trends;
    assert_eq!(count(&html, "trend"), trends.len());
    // The sample has scores: satisfaction is a sixth trend.
    assert!(trends.iter().any(|t| t.metric == TrendMetric::Satisfaction));
    assert_eq!(
        count(&html, "trend-point"),
        trends.iter().map(|t| t.points.len()).sum::<usize>()
    );
    for t in trends {
        let direction = format!("{:?}", t.direction).to_lowercase();
        let metric = format!("{:?}", t.metric).to_lowercase();
        assert!(
            html.contains(&format!("data-metric=\"{metric}\" data-direction=\"{direction}\"")),
            "{metric} {direction}\n{html}"
        );
        assert_has(&html, &direction_label(t, Lang::En));
    }
    let availability = &trends[0];
    for p in &availability.points {
        assert_has(&html, &format::percent(p.value.expect("a value"), 3));
    }
    let mttr = trends.iter().find(|t| t.metric == TrendMetric::Mttr).expect("MTTR");
    for p in &mttr.points {
        assert_has(
            &html,
            &format::duration_in(Lang::En, p.value.expect("a value").round() as i64),
        );
    }
    // The method, with the core's minimum number of periods, and the slope of each trend.
    assert_has(
        &html,
        &fill(
            ReviewMsg::TrendsMethod.text(Lang::En),
            &[("n", &MIN_TREND_PERIODS.to_string())],
        ),
    );
    assert!(html.contains("slope "), "{html}");
    assert_eq!(html.matches("class=\"sparkline\"").count(), trends.len());
    assert!(html.contains("role=\"img\""));
}

#[tokio::test]
async fn trends_say_not_enough_periods_over_two_months() {
    // January and February only: two complete periods, fewer than the three a direction needs.
    let tz = "Europe/Berlin".parse::<sla_core::zone::Zone>().expect("a zone");
    let from = tz.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap().with_timezone(&Utc);
    let to = tz.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap().with_timezone(&Utc);
    let request = ReportRequest {
        as_of: sample::sample_as_of(),
        from: Some(from),
        to: Some(to),
    };
    let case = case_of(sample::sample_agreement(), sample::sample_incidents(), request);
    assert_eq!(case.review.periods.len(), 2);
    assert!(case
        .review
        .trends
        .iter()
        .all(|t| t.direction == Direction::NotEnoughPeriods));
    for lang in Lang::ALL {
        let html = section(&case, lang).await;
        assert_eq!(
            html.matches("data-direction=\"notenoughperiods\"").count(),
            case.review.trends.len()
        );
        assert_has(&html, direction_word(Direction::NotEnoughPeriods, lang));
        let detail = fill(
            ReviewMsg::NotEnoughDetail.text(lang),
            &[("fitted", "2"), ("n", &MIN_TREND_PERIODS.to_string())],
        );
        assert_has(&html, &detail);
    }
}

#[tokio::test]
async fn contributors_rank_each_dimension_with_shares_and_the_attribution_rule() {
    let case = sample_case();
    let review = Shared(Rc::new(case.review.clone()));
    let html = LocalServerRenderer::<ContributorsCard>::with_props(ContributorsCardProps { review })
        .hydratable(false)
        .render()
        .await;
    let c = &case.review.contributors;
    // The picker offers each dimension the core broke down (category too: the sample has one).
    assert_eq!(html.matches("<option ").count(), c.tables.len());
    assert!(c.tables.len() == 4, "the sample has categories");
    // The default view: by service, in the core's order, with its figures.
    let service = &c.tables[0];
    assert_eq!(count(&html, "contributor-row"), service.rows.len());
    let mut at = 0;
    for row in &service.rows {
        let key = row.key.clone().expect("the sample names every service");
        let pos = html[at..]
            .find(&key)
            .map(|p| p + at)
            .unwrap_or_else(|| panic!("{key} missing or out of order"));
        at = pos;
        assert_has(&html, &format::grouped(row.credit_amount, 2));
        assert_has(
            &html,
            &format::percent(row.downtime_share_percent.expect("downtime"), 1),
        );
        assert_has(&html, &format::percent(row.credit_amount / c.credit_amount * 100.0, 1));
    }
    assert_has(&html, &format::money(c.credit_amount, &case.review.currency));
    assert_has(&html, ReviewMsg::AttributionRule.text(Lang::En));
    assert_eq!(count(&html, "top-incident"), c.top_incidents.len());
    let top = &c.top_incidents[0];
    assert_has(&html, &top.incident_id);
    assert_has(&html, &format::grouped(top.credit_amount, 2));
}

#[tokio::test]
async fn satisfaction_shows_each_periods_mean_and_distribution() {
    let case = sample_case();
    let s = case.review.satisfaction.clone().expect("the sample has scores");
    let review = Shared(Rc::new(case.review.clone()));
    let html = LocalServerRenderer::<SatisfactionCard>::with_props(SatisfactionCardProps { review })
        .hydratable(false)
        .render()
        .await;
    assert_eq!(count(&html, "csat-period"), s.periods.len());
    assert_eq!(count(&html, "csat-total"), 1);
    for p in &s.periods {
        assert_has(&html, &format!("{:.2}", p.figures.mean.expect("a mean")));
    }
    let buckets = (s.scale.max - s.scale.min + 1) as usize;
    assert_eq!(
        html.matches("class=\"csat-bucket\"").count(),
        buckets * (s.periods.len() + 1)
    );
    assert_eq!(count(&html, "csat-none"), 0);
}

#[tokio::test]
async fn without_scores_satisfaction_is_a_short_note() {
    let mut incidents = sample::sample_incidents();
    for i in &mut incidents {
        i.csat = None;
    }
    let case = case_of(
        sample::sample_agreement(),
        incidents,
        ReportRequest::as_of(sample::sample_as_of()),
    );
    assert!(case.review.satisfaction.is_none());
    for lang in Lang::ALL {
        let html = section(&case, lang).await;
        assert_eq!(count(&html, "csat-none"), 1);
        assert_eq!(count(&html, "csat-table"), 0);
        assert_has(&html, ReviewMsg::CsatNone.text(lang));
        // No satisfaction trend either.
        assert!(!html.contains("data-metric=\"satisfaction\""));
    }
}

#[tokio::test]
async fn the_review_document_has_every_part_in_three_languages() {
    let case = sample_case();
    let r = &case.review;
    for lang in Lang::ALL {
        let html = section(&case, lang).await;
        for m in [
            ReviewMsg::TrendsHeading,
            ReviewMsg::ContributorsHeading,
            ReviewMsg::CsatHeading,
            ReviewMsg::ReviewHeading,
            ReviewMsg::VersionsHeading,
            ReviewMsg::ResultsHeading,
            ReviewMsg::MissedHeading,
            ReviewMsg::BreachesHeading,
            ReviewMsg::CreditsHeading,
            ReviewMsg::TrendsOverHistory,
            ReviewMsg::TopContributors,
            ReviewMsg::PrintReview,
            ReviewMsg::ExportReview,
        ] {
            assert_has(&html, m.text(lang));
        }
        assert_eq!(count(&html, "review-version"), r.versions.len());
        assert_eq!(count(&html, "review-period-row"), r.periods.len());
        for p in &r.periods {
            assert_has(&html, &format::percent(p.availability_percent, 3));
            assert_has(&html, &format::grouped(p.credit_amount, 2));
        }
        for v in &r.versions {
            assert_has(&html, &format::percent(v.availability_target_percent, 3));
        }
        assert_eq!(count(&html, "review-missed-item"), r.missed.len());
        assert_eq!(count(&html, "review-breach"), r.breaches.len());
        assert_eq!(count(&html, "review-trend"), r.trends.len());
        let credits = fill(
            ReviewMsg::CreditsLine.text(lang),
            &[
                ("credit", &format::money(r.total.credit_amount, &r.currency)),
                ("penalty", &format::money(r.total.penalty_amount, &r.currency)),
            ],
        );
        assert_has(&html, &credits);
        let summary = fill(
            ReviewMsg::SummaryLine.text(lang),
            &[
                ("missed", &r.total.periods_missed.to_string()),
                ("n", &r.total.periods.to_string()),
                ("breaches", &r.total.breaches.to_string()),
                ("credit", &format::money(r.total.credit_amount, &r.currency)),
            ],
        );
        assert_has(&html, &summary);
        // The picker: the whole span and each period.
        assert!(html.contains("id=\"review-focus\""));
        assert_eq!(
            html.matches("<option value=\"").count(),
            r.periods.len() + 1 + r.contributors.tables.len()
        );
    }
    // The sample misses availability in February, April, May and June: each is listed.
    let html = section(&case, Lang::En).await;
    for m in r
        .missed
        .iter()
        .filter(|m| m.kind == sla_core::review::MissedKind::Availability)
    {
        let p = r.periods.iter().find(|p| p.period == m.period).expect("the period");
        assert_has(
            &html,
            &fill(
                ReviewMsg::MissedAvailability.text(Lang::En),
                &[
                    ("period", &p.period),
                    ("actual", &format::percent(p.availability_percent, 3)),
                    ("target", &format::percent(p.availability_target_percent, 3)),
                ],
            ),
        );
    }
}

#[tokio::test]
async fn user_text_is_escaped() {
    let mut agreement = sample::sample_agreement();
    agreement.service = "<b>x</b>".into();
    agreement.customer = "<i>c</i>".into();
    let mut incidents = sample::sample_incidents();
    for i in &mut incidents {
        i.service = Some("<b>x</b>".into());
        i.title = format!("<script>{}</script>", i.title);
    }
    let case = case_of(agreement, incidents, ReportRequest::as_of(sample::sample_as_of()));
    let html = section(&case, Lang::En).await;
    assert!(
        !html.contains("<b>x</b>") && !html.contains("<script>") && !html.contains("<i>c</i>"),
        "unescaped user text:\n{html}"
    );
    assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(html.contains("&lt;script&gt;"));
}
