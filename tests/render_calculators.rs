//! Host rendering tests of the quick calculators. Every expected figure is computed by
//! `sla_core::calc` from the same inputs, then worded by the calculators' own text helpers.

use chrono::NaiveDate;
use sla_core::calc::{self, Component, Convention, PeriodKind, WeeklyServiceHours};
use sla_web::components::calculators::text::{
    convention_sentence, duration_text, field_error_text, located_error_text, percent_text, CalcMsg,
};
use sla_web::components::calculators::CalculatorsSection;
use sla_web::i18n::Lang;
use sla_web::state::calc::inputs::{FieldError, LocatedError, PathStep};
use sla_web::state::calc::{CalcAction, CalcKind, CalcState, ConventionChoice, GroupKind};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    state: CalcState,
}

/// The section inside a language context, as the app renders it.
#[component]
fn InLang(props: &InLangProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <CalculatorsSection state={props.state.clone()} on_action={Callback::noop()} />
        </ContextProvider<Lang>>
    }
}

async fn render(lang: Lang, state: CalcState) -> String {
    LocalServerRenderer::<InLang>::with_props(InLangProps { lang, state }).hydratable(false).render().await
}

fn state_with(actions: Vec<CalcAction>) -> CalcState {
    let mut s = CalcState::default();
    for a in actions {
        s.apply(a);
    }
    s
}

/// Text as it appears in the HTML (the renderer escapes quotes and angle brackets).
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&#39;").replace('<', "&lt;").replace('>', "&gt;")
}

fn assert_has(html: &str, text: &str) {
    assert!(html.contains(text) || html.contains(&html_text(text)), "missing {text:?} in\n{html}");
}

#[tokio::test]
async fn allowed_downtime_table_shows_the_cores_figures_and_convention() {
    let state = state_with(vec![CalcAction::SetTargetText("99.95".into())]);
    let html = render(Lang::En, state).await;
    let rows = calc::allowed_downtime_table(99.95, &Convention::ThirtyDayMonth).unwrap();
    assert_eq!(html.matches("data-testid=\"allowed-row\"").count(), rows.len());
    for r in &rows {
        assert_has(&html, &duration_text(Lang::En, r.allowed_seconds));
        assert_has(&html, &duration_text(Lang::En, r.measured_seconds));
    }
    assert_has(&html, &convention_sentence(Lang::En, &Convention::ThirtyDayMonth));
    assert!(html.contains("aria-pressed=\"true\""), "the active calculator is marked");

    let mean = state_with(vec![CalcAction::SetConvention(ConventionChoice::MeanGregorian)]);
    let html = render(Lang::En, mean).await;
    let month = calc::allowed_downtime(99.9, PeriodKind::Month, &Convention::MeanGregorian).unwrap();
    assert_has(&html, &duration_text(Lang::En, month.allowed_seconds));
    assert_has(&html, &convention_sentence(Lang::En, &Convention::MeanGregorian));
}

#[tokio::test]
async fn calendar_convention_uses_the_chosen_month_and_zone() {
    let state = state_with(vec![
        CalcAction::SetConvention(ConventionChoice::Calendar),
        CalcAction::SetCalendarDateText("2026-01".into()),
        CalcAction::SetTimeZoneText("Europe/Berlin".into()),
    ]);
    let html = render(Lang::En, state).await;
    let berlin = Convention::calendar(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), "Europe/Berlin").unwrap();
    let month = calc::allowed_downtime(99.9, PeriodKind::Month, &berlin).unwrap();
    assert_has(&html, &duration_text(Lang::En, month.allowed_seconds));
    assert_has(&html, "2026-01-01 – 2026-01-31");
    assert_has(&html, &convention_sentence(Lang::En, &berlin));

    // Without a date the field says so and no table is drawn.
    let html = render(Lang::En, state_with(vec![CalcAction::SetConvention(ConventionChoice::Calendar)])).await;
    assert_has(&html, &field_error_text(Lang::En, &FieldError::Empty));
    assert!(!html.contains("allowed-row"));
    assert_has(&html, CalcMsg::FixFields.text(Lang::En));
    let html = render(
        Lang::En,
        state_with(vec![
            CalcAction::SetConvention(ConventionChoice::Calendar),
            CalcAction::SetCalendarDateText("2026-01-15".into()),
            CalcAction::SetTimeZoneText("Mars/Base".into()),
        ]),
    )
    .await;
    assert_has(&html, &field_error_text(Lang::En, &FieldError::UnknownTimeZone("Mars/Base".into())));
}

#[tokio::test]
async fn inline_errors_sit_next_to_their_fields() {
    let html = render(Lang::En, state_with(vec![CalcAction::SetTargetText("100.5".into())])).await;
    assert_has(&html, "100.5 is above 100 %");
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("aria-describedby=\"calc-target-error\""));
    assert!(html.contains("id=\"calc-target-error\""));

    let html = render(
        Lang::En,
        state_with(vec![CalcAction::Show(CalcKind::Reverse), CalcAction::SetDowntimeText("3 hrs 10".into())]),
    )
    .await;
    assert_has(&html, "'3 hrs 10' is not a duration");
    assert!(!html.contains("reverse-result"));
}

#[tokio::test]
async fn reverse_turns_downtime_into_availability() {
    let state = state_with(vec![
        CalcAction::Show(CalcKind::Reverse),
        CalcAction::SetConvention(ConventionChoice::MeanGregorian),
        CalcAction::SetDowntimeText("13m 37s".into()),
    ]);
    let html = render(Lang::En, state).await;
    let r = calc::availability_for_downtime_text("13m 37s", PeriodKind::Month, &Convention::MeanGregorian).unwrap();
    assert_has(&html, &percent_text(r.availability_percent, 6));
    assert_has(&html, &duration_text(Lang::En, r.measured_seconds));

    let too_long = state_with(vec![CalcAction::Show(CalcKind::Reverse), CalcAction::SetDowntimeText("31d".into())]);
    let html = render(Lang::En, too_long).await;
    assert_has(&html, CalcMsg::ErrExceedsPeriod.text(Lang::En));
}

#[tokio::test]
async fn service_hours_show_measured_and_allowed_time() {
    let mut actions = vec![CalcAction::Show(CalcKind::ServiceHours), CalcAction::SetTargetText("99.95".into())];
    for (day, h) in ["0", "10", "10", "10", "10", "10", "0"].iter().enumerate() {
        actions.push(CalcAction::SetHoursText { day, text: h.to_string() });
    }
    let html = render(Lang::En, state_with(actions)).await;
    let hours = WeeklyServiceHours::new([0.0, 10.0, 10.0, 10.0, 10.0, 10.0, 0.0]).unwrap();
    let rows = calc::service_hours_downtime(99.95, &hours, &Convention::ThirtyDayMonth).unwrap();
    assert_eq!(html.matches("data-testid=\"hours-row\"").count(), rows.len());
    for r in &rows {
        assert_has(&html, &duration_text(Lang::En, r.measured_seconds));
        assert_has(&html, &duration_text(Lang::En, r.allowed_seconds));
    }
    for day in 0..7 {
        assert!(html.contains(&format!("for=\"calc-hours-{day}\"")), "every weekday is labelled");
    }

    let mut zero = vec![CalcAction::Show(CalcKind::ServiceHours)];
    for day in 0..7 {
        zero.push(CalcAction::SetHoursText { day, text: "0".into() });
    }
    zero.push(CalcAction::SetHoursText { day: 3, text: "25".into() });
    let html = render(Lang::En, state_with(zero.clone())).await;
    assert_has(&html, &field_error_text(Lang::En, &FieldError::AboveDayHours("25".into())));
    zero.push(CalcAction::SetHoursText { day: 3, text: "0".into() });
    let html = render(Lang::En, state_with(zero)).await;
    assert_has(&html, &field_error_text(Lang::En, &FieldError::NoServiceHours));
}

#[tokio::test]
async fn composite_shows_every_node_and_the_overall_result() {
    let state = state_with(vec![CalcAction::Show(CalcKind::Composite), CalcAction::WrapInRegions(vec![1])]);
    let html = render(Lang::En, state).await;
    let tree = Component::Series(vec![
        Component::leaf("LB", 99.99),
        Component::Regions { count: 2, deployment: Box::new(Component::leaf("API", 99.95)) },
        Component::Parallel(vec![Component::leaf("DB 1", 99.9), Component::leaf("DB 2", 99.9)]),
    ]);
    let b = tree.evaluate().unwrap();
    assert_has(&html, &percent_text(b.percent, 6));
    assert_has(&html, &percent_text(b.children[1].percent, 6));
    assert_has(&html, &percent_text(b.children[2].percent, 6));
    assert_eq!(html.matches("data-testid=\"composite-leaf\"").count(), 4);
    assert_eq!(html.matches("data-testid=\"composite-regions\"").count(), 1);
    assert!(html.matches("<button").count() >= 8, "every edit is a real button");
}

#[tokio::test]
async fn composite_errors_say_where() {
    let state = state_with(vec![
        CalcAction::Show(CalcKind::Composite),
        CalcAction::SetLeafPercentText { path: vec![2, 0], text: "100.5".into() },
    ]);
    let html = render(Lang::En, state).await;
    let located = LocatedError {
        path: vec![
            PathStep::Item { group: GroupKind::Series, index: 3, name: None },
            PathStep::Item { group: GroupKind::Parallel, index: 1, name: Some("DB 1".into()) },
        ],
        error: FieldError::AboveHundred("100.5".into()),
    };
    let text = located_error_text(Lang::En, &located);
    assert_eq!(text, "series item 3 › parallel item 1 \"DB 1\": 100.5 is above 100 %");
    assert_has(&html, &text);
    assert!(html.contains("data-testid=\"composite-error\""));
    assert_has(&html, CalcMsg::NotComputed.text(Lang::En));

    // A broken component does not hide the figures of valid groups beside it.
    let state = state_with(vec![
        CalcAction::Show(CalcKind::Composite),
        CalcAction::SetLeafPercentText { path: vec![1], text: "abc".into() },
    ]);
    let html = render(Lang::En, state).await;
    let pair = Component::Parallel(vec![Component::leaf("DB 1", 99.9), Component::leaf("DB 2", 99.9)]);
    assert_has(&html, &percent_text(pair.availability_percent().unwrap(), 6));
    assert_has(&html, "series item 2 \"API\": 'abc' is not a number");
}

#[tokio::test]
async fn every_calculator_renders_in_each_language() {
    for lang in Lang::ALL {
        for kind in CalcKind::ALL {
            let state = state_with(vec![CalcAction::Show(kind), CalcAction::SetTargetText("100.5".into())]);
            let html = render(lang, state).await;
            assert_has(&html, CalcMsg::Title.text(lang));
            for tab in [CalcMsg::TabDowntime, CalcMsg::TabReverse, CalcMsg::TabHours, CalcMsg::TabComposite] {
                assert_has(&html, tab.text(lang));
            }
            if matches!(kind, CalcKind::Downtime | CalcKind::ServiceHours) {
                assert_has(&html, &field_error_text(lang, &FieldError::AboveHundred("100.5".into())));
            }
            if lang != Lang::En {
                assert!(!html.contains(CalcMsg::Title.text(Lang::En)), "{lang:?} {kind:?}");
                assert!(!html.contains(CalcMsg::ErrAboveHundred.text(Lang::En)), "{lang:?} {kind:?}");
            }
        }
        let html = render(lang, CalcState::default()).await;
        let month = calc::allowed_downtime(99.9, PeriodKind::Month, &Convention::ThirtyDayMonth).unwrap();
        assert_has(&html, &duration_text(lang, month.allowed_seconds));
        assert_has(&html, &convention_sentence(lang, &Convention::ThirtyDayMonth));
    }
}
