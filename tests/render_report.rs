//! Host rendering tests of the report's charts and detail tables: the availability chart, the
//! incident timeline, KPIs, compliance, breaches and credit steps, on the built-in sample.
//! Expected values come from the core's own report for the same inputs.

use sla_core::engine::{build_report, ReportRequest};
use sla_core::model::Incident;
use sla_core::report::Report;
use sla_core::sample;
use sla_web::components::report::text::ReportMsg;
use sla_web::components::report::{
    AvailabilityChart, AvailabilityChartProps, BreachList, BreachListProps, ComplianceTable, ComplianceTableProps, CreditSteps, CreditStepsProps,
    IncidentTimeline, IncidentTimelineProps, KpiTable, KpiTableProps, SharedIncidents, MAX_BARS,
};
use sla_web::components::SharedReport;
use sla_web::format;
use sla_web::i18n::Lang;
use std::rc::Rc;
use yew::{html, AttrValue, Html, LocalServerRenderer, Properties};

fn sample_report() -> SharedReport {
    let request = ReportRequest { as_of: sample::sample_as_of(), from: None, to: None };
    let report = build_report(&sample::sample_agreement(), &sample::sample_incidents(), &request).expect("the sample reports");
    SharedReport(Rc::new(report))
}

fn zone(report: &Report) -> AttrValue {
    AttrValue::from(report.agreement.time_zone.clone())
}

/// Renders `html` with `lang` provided as context.
#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    report: SharedReport,
    which: &'static str,
}

#[yew::component]
fn InLang(p: &InLangProps) -> Html {
    let r = p.report.clone();
    let inner = match p.which {
        "chart" => html! { <AvailabilityChart report={r} /> },
        "kpi" => html! { <KpiTable report={r} /> },
        "compliance" => html! { <ComplianceTable report={r} /> },
        "credit" => html! { <CreditSteps report={r} /> },
        _ => html! { <BreachList report={r.clone()} time_zone={zone(&r)} /> },
    };
    html! { <yew::ContextProvider<Lang> context={p.lang}>{ inner }</yew::ContextProvider<Lang>> }
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[tokio::test]
async fn availability_chart_has_one_bar_per_period_and_a_data_table() {
    let report = sample_report();
    let html = LocalServerRenderer::<AvailabilityChart>::with_props(AvailabilityChartProps { report: report.clone() }).hydratable(false).render().await;
    assert_eq!(html.matches("data-testid=\"availability-bar\"").count(), report.periods.len(), "{html}");
    let missed = report.periods.iter().filter(|p| !p.figures.availability.met).count();
    assert!(missed >= 1);
    assert_eq!(html.matches("data-met=\"false\"").count(), missed);
    // Accessible: role, label, title, desc, and the hidden table with every period's value.
    assert!(html.contains("role=\"img\"") && html.contains("aria-label=") && html.contains("<title>") && html.contains("<desc>"));
    assert!(html.contains("<div class=\"sr-only\"><table data-testid=\"availability-data\""));
    for p in &report.periods {
        assert!(html.contains(&p.label));
        assert!(html.contains(&format::percent(p.figures.availability.availability_percent, 3)), "{}", p.label);
    }
    // Missed bars are hatched and marked in words, not only coloured.
    assert!(html.contains("url(#avail-missed-hatch)"));
    assert!(html.contains("✕") && html.contains("missed"));
    // The target line and the axis starting point are stated.
    assert!(html.contains(&format!("target {}", format::percent(report.agreement.availability_target_percent, 2))));
    assert!(html.contains("not from 0"));
    assert!(html.contains("viewBox=\"0 0 "));
}

#[tokio::test]
async fn incident_timeline_draws_the_sample_and_summarises_it() {
    let report = sample_report();
    let incidents = SharedIncidents(Rc::new(sample::sample_incidents()));
    let props = IncidentTimelineProps { report: report.clone(), incidents: incidents.clone(), time_zone: zone(&report) };
    let html = LocalServerRenderer::<IncidentTimeline>::with_props(props).hydratable(false).render().await;
    let bars = html.matches("data-testid=\"timeline-bar\"").count();
    // Every measured or planned incident that started in the span is drawn once (no merging).
    let in_span = incidents.0.iter().filter(|i| i.start < report.as_of && i.start < report.to && i.downtime_end().is_none_or(|e| e > report.from)).count();
    assert_eq!(bars, in_span, "{html}");
    assert!(!html.contains("timeline-merged"));
    assert!(html.contains(&format!("{} incidents from", in_span)), "{html}");
    // The open incident is marked open.
    assert!(report.rows.open >= 1);
    assert!(html.contains(" open\"><rect"), "an open bar is classed open");
    assert!(html.matches("→ open</title>").count() >= report.open_incidents.len().max(1), "and says so in words");
    assert!(html.contains("still open as of"));
    for p in &report.periods {
        assert!(html.contains(&format!(">{}</text>", p.label)), "period label {}", p.label);
    }
    assert!(html.contains("role=\"img\"") && html.contains("<desc>"));
}

#[tokio::test]
async fn incident_timeline_caps_a_huge_log() {
    let report = sample_report();
    let base = sample::sample_incidents();
    let many: Vec<Incident> = (0..100_000)
        .map(|i| {
            let mut inc = base[i % base.len()].clone();
            inc.id = format!("BULK-{i}");
            inc
        })
        .collect();
    let props = IncidentTimelineProps { report: report.clone(), incidents: SharedIncidents(Rc::new(many)), time_zone: zone(&report) };
    let html = LocalServerRenderer::<IncidentTimeline>::with_props(props).hydratable(false).render().await;
    let bars = html.matches("data-testid=\"timeline-bar\"").count();
    assert!(bars <= MAX_BARS && bars > 0, "{bars}");
    assert!(html.contains("data-testid=\"timeline-merged\""));
    assert!(html.contains("merged"));
}

#[tokio::test]
async fn kpi_table_lists_every_period_and_the_total() {
    let report = sample_report();
    let html = LocalServerRenderer::<KpiTable>::with_props(KpiTableProps { report: report.clone() }).hydratable(false).render().await;
    assert_eq!(html.matches("data-testid=\"kpi-row\"").count(), report.periods.len() + 1);
    let k = &report.total.figures.kpis;
    for s in [k.time_to_acknowledge, k.time_to_restore, k.time_to_resolve].into_iter().flatten() {
        assert!(html.contains(&format::duration(s.mean_seconds)));
        assert!(html.contains(&format::duration(s.p90_seconds)));
    }
    if let Some(m) = k.mtbf_seconds {
        assert!(html.contains(&format::duration(m)));
    }
    assert!(html.contains("MTBF: service time divided by the number of failures."));
}

#[tokio::test]
async fn compliance_table_shows_each_priority_with_targets_and_clocks() {
    let report = sample_report();
    let html = LocalServerRenderer::<ComplianceTable>::with_props(ComplianceTableProps { report: report.clone() }).hydratable(false).render().await;
    let c = &report.total.figures.compliance;
    assert_eq!(html.matches("data-testid=\"compliance-row\"").count(), c.priorities.len());
    for p in &c.priorities {
        assert!(html.contains(&format!(">{}</th>", p.priority)));
        if let Some(r) = &p.respond {
            assert!(html.contains(&format::duration(r.target_seconds)));
            if let Some(pm) = r.percent_met {
                assert!(html.contains(&format::percent(pm, 1)));
            }
        }
    }
    assert!(html.contains("support hours") && html.contains("24×7"), "the sample has both clocks");
    assert!(html.contains("<label") && html.contains("<select"));
    assert!(html.contains(if c.unmatched > 0 { "matched no priority level" } else { "Every incident matched" }));
}

#[tokio::test]
async fn breach_list_shows_every_breach_sortable_by_overrun() {
    let report = sample_report();
    assert!(!report.breaches.is_empty());
    let html = LocalServerRenderer::<BreachList>::with_props(BreachListProps { report: report.clone(), time_zone: zone(&report) }).hydratable(false).render().await;
    assert_eq!(html.matches("data-testid=\"breach-row\"").count(), report.breaches.len());
    for b in report.breaches.iter() {
        assert!(html.contains(&format!("data-incident=\"{}\"", b.incident_id)), "{}", b.incident_id);
        assert!(html.contains(&escaped(&b.title)), "{}", b.title);
        assert!(html.contains(&format::duration(b.overrun_seconds)));
        if b.penalty > 0.0 {
            assert!(html.contains(&format::money(b.penalty, &report.total.currency)));
        }
        if let Some(due) = b.due {
            assert!(html.contains(&format::instant(due, &report.agreement.time_zone)));
        }
    }
    assert!(html.contains("aria-sort=\"none\""));
    assert!(html.contains("<button") && html.contains("class=\"sort-button\""));
}

#[tokio::test]
async fn breach_titles_render_as_text() {
    let report = sample_report();
    let mut hostile: Report = (*report.0).clone();
    std::sync::Arc::make_mut(&mut hostile.breaches)[0].title = "<script>alert(1)</script><img src=x onerror=alert(2)>".to_string();
    let report = SharedReport(Rc::new(hostile));
    let html = LocalServerRenderer::<BreachList>::with_props(BreachListProps { report: report.clone(), time_zone: zone(&report) }).hydratable(false).render().await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn breach_list_pages_a_long_list() {
    let report = sample_report();
    let mut long: Report = (*report.0).clone();
    let one = long.breaches[0].clone();
    long.breaches = (0..1_000).map(|i| sla_core::report::Breach { incident_id: format!("X-{i}"), ..one.clone() }).collect::<Vec<_>>().into();
    let report = SharedReport(Rc::new(long));
    let html = LocalServerRenderer::<BreachList>::with_props(BreachListProps { report: report.clone(), time_zone: zone(&report) }).hydratable(false).render().await;
    assert_eq!(html.matches("data-testid=\"breach-row\"").count(), 200);
    assert!(html.contains("Showing 200 of 1000 breaches."));
    assert!(html.contains("Show all 1000"));
}

#[tokio::test]
async fn credit_steps_show_the_tier_cap_and_minimum_of_credited_months() {
    let report = sample_report();
    let html = LocalServerRenderer::<CreditSteps>::with_props(CreditStepsProps { report: report.clone() }).hydratable(false).render().await;
    let credited: Vec<_> = report.periods.iter().filter(|p| p.credit.amount > 0.0 || p.credit.tier.is_some() || p.credit.penalty_count > 0).collect();
    assert!(!credited.is_empty(), "the sample has credited months");
    assert_eq!(html.matches("data-testid=\"credit-period\"").count(), credited.len());
    for p in &credited {
        let c = &p.credit;
        assert!(html.contains(&format!("Credit for {}", p.label)));
        if let Some(tier) = c.tier {
            assert!(html.contains(&format!("below {}", sla_core::credits::fmt_percent(tier.below_percent))), "{html}");
            assert!(html.contains(&sla_core::credits::fmt_percent(tier.credit_percent)));
        }
        assert!(html.contains(&format::money(c.amount, &c.currency)));
        assert!(html.contains(&format::money(c.cap_amount, &c.currency)));
        assert!(html.contains(if c.capped { "cap applied" } else { "cap not applied" }));
        assert!(html.contains(if c.below_minimum { "(minimum applied)" } else { "minimum not applied" }));
    }
    assert_eq!(html.matches("data-testid=\"credit-step\"").count(), credited.len() * 8);
    assert!(html.contains(&format::money(report.total.credit_amount, &report.total.currency)));
}

#[tokio::test]
async fn every_view_renders_in_each_language() {
    let report = sample_report();
    for lang in Lang::ALL {
        for (which, key) in [
            ("chart", ReportMsg::AvailChartTitle),
            ("kpi", ReportMsg::KpiCaption),
            ("compliance", ReportMsg::ComplianceCaption),
            ("credit", ReportMsg::StepSubtotal),
            ("breach", ReportMsg::BreachCaption),
        ] {
            let html = LocalServerRenderer::<InLang>::with_props(InLangProps { lang, report: report.clone(), which }).hydratable(false).render().await;
            assert!(html.contains(key.text(lang)), "{lang:?} {which}");
            if lang != Lang::En {
                assert!(!html.contains(key.text(Lang::En)), "{lang:?} {which} still has English");
            }
        }
    }
}
