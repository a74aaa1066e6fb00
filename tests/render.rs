//! Host rendering tests: components rendered to HTML under plain `cargo test` (Yew's `ssr`
//! feature). Expected figures come from the core's own report for the same inputs, so these
//! tests check that the UI shows what the engine computed, not hard-coded numbers.

use sla_core::engine::{build_report, ReportRequest};
use sla_core::sample;
use sla_web::app::{App, AppProps};
use sla_web::i18n::{Lang, Msg};
use sla_web::components::{Headline, HeadlineProps, PeriodTable, PeriodTableProps, SharedReport, TargetEditor, TargetEditorProps};
use sla_web::format;
use std::rc::Rc;
use yew::{AttrValue, Callback, LocalServerRenderer};

fn sample_report() -> SharedReport {
    let request = ReportRequest { as_of: sample::sample_as_of(), from: None, to: None };
    let report = build_report(&sample::sample_agreement(), &sample::sample_incidents(), &request).expect("the sample reports");
    SharedReport(Rc::new(report))
}

#[tokio::test]
async fn the_app_opens_on_the_sample_report() {
    let html = LocalServerRenderer::<App>::new().hydratable(false).render().await;
    let report = sample_report();
    assert!(html.contains("Payments API"), "{html}");
    assert!(html.contains("data-testid=\"headline-availability\""));
    assert_eq!(html.matches("data-testid=\"period-row\"").count(), report.periods.len());
    assert!(report.periods.len() >= 6, "the sample covers January to June");
    assert!(html.contains(&format::percent(report.total.figures.availability.availability_percent, 3)));
    assert!(!html.contains("report-error"), "the sample must produce a report");
}

#[tokio::test]
async fn headline_shows_the_engines_totals() {
    let report = sample_report();
    let html = LocalServerRenderer::<Headline>::with_props(HeadlineProps { report: report.clone() }).hydratable(false).render().await;
    let a = &report.total.figures.availability;
    assert!(html.contains(&format::percent(a.availability_percent, 3)));
    assert!(html.contains(&format::duration(a.weighted_downtime_seconds)));
    let credit = report.total.credit_amount;
    assert!(html.contains(&format::money(credit, &report.total.currency)), "{html}");
    // The verdict is written out, not only coloured.
    assert!(html.contains(if a.met { "met" } else { "missed" }));
}

#[tokio::test]
async fn period_table_marks_missed_periods_in_words() {
    let report = sample_report();
    let html = LocalServerRenderer::<PeriodTable>::with_props(PeriodTableProps { report: report.clone() }).hydratable(false).render().await;
    let missed = report.periods.iter().filter(|p| !p.figures.availability.met).count();
    assert!(missed >= 1, "the sample has a missed month");
    assert_eq!(html.matches("missed (").count(), missed, "{html}");
    for p in &report.periods {
        assert!(html.contains(&p.label));
    }
}

#[tokio::test]
async fn target_editor_shows_its_error_next_to_the_field() {
    let props = TargetEditorProps { text: "100.5".into(), error: Some(AttrValue::from("must be between 0 and 100 %")), on_change: Callback::noop() };
    let html = LocalServerRenderer::<TargetEditor>::with_props(props).hydratable(false).render().await;
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("must be between 0 and 100 %"));
    assert!(html.contains("<label"), "the input is labelled");
}

#[tokio::test]
async fn the_app_renders_in_each_language() {
    for lang in Lang::ALL {
        let html = LocalServerRenderer::<App>::with_props(AppProps { lang, ..Default::default() }).hydratable(false).render().await;
        for m in [Msg::Availability, Msg::PerPeriod, Msg::CreditsOwed, Msg::AvailabilityTarget] {
            assert!(html.contains(m.text(lang)), "{lang:?} lacks {m:?}");
        }
        assert!(html.contains(&format!("value=\"{}\" selected", lang.tag())) || html.contains(&format!("selected value=\"{}\"", lang.tag())) || html.contains(lang.native_name()));
    }
    let zh = LocalServerRenderer::<App>::with_props(AppProps { lang: Lang::ZhHant, ..Default::default() }).hydratable(false).render().await;
    assert!(zh.contains("小時") || zh.contains("天"), "durations are written in Chinese units");
    assert!(!zh.contains(Msg::PerPeriod.text(Lang::En)));
}

#[tokio::test]
async fn sizing_lists_each_candidate_with_the_periods_it_would_miss() {
    use sla_web::components::{SizingTable, SizingTableProps};
    use sla_web::state::SizingState;
    let report = sample_report();
    let policy = sample::sample_agreement().credits;
    let props = SizingTableProps { report: report.clone(), policy: policy.clone(), state: SizingState::default(), on_action: Callback::noop() };
    let html = LocalServerRenderer::<SizingTable>::with_props(props).hydratable(false).render().await;
    assert_eq!(html.matches("data-testid=\"sizing-row\"").count(), sla_core::sizing::DEFAULT_CANDIDATES.len());
    assert_eq!(html.matches("data-testid=\"sizing-what-if\"").count(), 1);
    let strict = sla_core::sizing::evaluate_target(&report, &policy, 99.99, policy.fee_per_period);
    assert!(html.contains(&format::money(strict.credit_total, &policy.currency)), "{html}");
    assert!(html.contains(&strict.missed.join(", ")));
}
