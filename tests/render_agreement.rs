//! Host rendering tests of the agreement editor: every group renders for the sample, and each
//! kind of problem (a 100.5 % target, overlapping credit tiers, a window that ends before it
//! starts) shows its message next to its field, marked `aria-invalid` and described by it.
//! Expected messages come from the same translation functions and state the app uses.

use sla_core::model::AgreementError;
use sla_web::components::agreement::{error_text, field_id, problem_text, AgreementEditor, AgreementMsg};
use sla_web::i18n::Lang;
use sla_web::state::agreement::{AgreementAction as A, AgreementState, FieldProblem, ScheduleAction, WhichHours, TARGET_PATH};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct InLangProps {
    lang: Lang,
    state: AgreementState,
}

#[component]
fn InLang(props: &InLangProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <AgreementEditor state={props.state.clone()} on_action={Callback::noop()} />
        </ContextProvider<Lang>>
    }
}

async fn render(state: AgreementState, lang: Lang) -> String {
    LocalServerRenderer::<InLang>::with_props(InLangProps { lang, state }).hydratable(false).render().await
}

/// The HTML escaping the renderer applies to text (quotes stay as they are in text).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The markup of the field whose input has `id`: from its `<label` to the closing `</label>`.
fn field<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no element #{id} in {html}"));
    let start = html[..at].rfind("<label").expect("the input sits in a label");
    let end = at + html[at..].find("</label>").expect("the label closes");
    &html[start..end]
}

/// The `<input …>` tag with `id`.
fn input_tag<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no element #{id}"));
    let start = html[..at].rfind("<input").expect("an input");
    let end = at + html[at..].find('>').expect("the tag closes");
    &html[start..=end]
}

fn assert_invalid_with(html: &str, id: &str, message: &str) {
    let f = field(html, id);
    assert!(f.contains(&escaped(message)), "#{id} lacks {message:?}: {f}");
    let tag = input_tag(html, id);
    assert!(tag.contains("aria-invalid=\"true\""), "{tag}");
    assert!(tag.contains("aria-describedby=\""), "{tag}");
}

const GROUP_TITLES: [AgreementMsg; 9] = [
    AgreementMsg::GroupParties,
    AgreementMsg::GroupHours,
    AgreementMsg::GroupPeriod,
    AgreementMsg::GroupPriorities,
    AgreementMsg::GroupMaintenance,
    AgreementMsg::GroupImpact,
    AgreementMsg::GroupCredits,
    AgreementMsg::GroupPresets,
    AgreementMsg::GroupImportExport,
];

#[tokio::test]
async fn the_sample_renders_every_group_and_field() {
    let state = AgreementState::sample();
    let html = render(state.clone(), Lang::En).await;
    assert_eq!(html.matches("<details").count(), GROUP_TITLES.len());
    assert_eq!(html.matches("<summary").count(), GROUP_TITLES.len());
    for m in GROUP_TITLES {
        assert!(html.contains(&escaped(m.text(Lang::En))), "missing group {m:?}");
    }
    assert!(html.contains(&escaped(AgreementMsg::AllValid.text(Lang::En))));
    assert!(!html.contains("aria-invalid=\"true\""));
    let a = &state.agreement;
    assert!(input_tag(&html, "ag-service").contains(&format!("value=\"{}\"", a.service)));
    assert!(input_tag(&html, "ag-time_zone").contains("value=\"Europe/Berlin\""));
    assert_eq!(html.matches("data-testid=\"priority-row\"").count(), a.priorities.len());
    assert_eq!(html.matches("data-testid=\"tier-row\"").count(), a.credits.tiers.len());
    assert_eq!(html.matches("data-testid=\"maintenance-row\"").count(), a.maintenance.len());
    assert_eq!(html.matches("data-testid=\"weekly-window\"").count(), 2, "the sample's support hours have two windows");
    for (i, t) in a.credits.tiers.iter().enumerate() {
        let tag = input_tag(&html, &field_id(&format!("credits.tiers[{i}].below_percent")));
        assert!(tag.contains(&format!("value=\"{}\"", t.below_percent)), "{tag}");
    }
    for d in &a.support_hours.holidays {
        assert!(html.contains(&d.to_string()));
    }
    // Presets: the two hour presets and every public credit table.
    assert_eq!(html.matches("data-testid=\"preset\"").count(), 2 + sla_core::credits::CreditPreset::ALL.len());
    // Import and export controls; every text input has a label around it.
    assert!(html.contains("type=\"file\"") && html.contains("accept=\".json"));
    assert!(html.contains("id=\"ag-export\""));
    let inputs = html.matches("<input").count();
    let labelled = html.matches("<label").count();
    assert!(labelled >= inputs, "{labelled} labels for {inputs} inputs");
}

#[tokio::test]
async fn a_target_of_100_5_shows_its_message_next_to_the_field() {
    let mut state = AgreementState::sample();
    state.apply(A::SetTargetText("100.5".into()));
    let html = render(state.clone(), Lang::En).await;
    let problems = state.errors_at(TARGET_PATH);
    assert_eq!(problems.len(), 1);
    assert_invalid_with(&html, "target-input", &problem_text(&problems[0], Lang::En));
    assert!(field(&html, "target-input").contains("between 0 and 100"));
    assert!(html.contains(&format!("1 {}", escaped(AgreementMsg::ProblemsSuffix.text(Lang::En)))));
}

#[tokio::test]
async fn overlapping_tiers_show_their_message_at_the_tier() {
    let mut state = AgreementState::sample();
    let top = state.agreement.credits.tiers[0].below_percent;
    state.apply(A::SetTierBelowText(1, top.to_string()));
    let html = render(state, Lang::En).await;
    let message = error_text(&AgreementError::DuplicateTier(top), Lang::En);
    assert_invalid_with(&html, &field_id("credits.tiers[1].below_percent"), &message);
    // The credits group says it has a problem, in words.
    assert!(html.contains(&format!("⚠ 1 {}", AgreementMsg::Problems.text(Lang::En))));
}

#[tokio::test]
async fn a_window_ending_before_it_starts_shows_its_message() {
    let mut state = AgreementState::sample();
    state.apply(A::Schedule(WhichHours::Support, ScheduleAction::SetEndText(0, "07:00".into())));
    let html = render(state.clone(), Lang::En).await;
    let end_id = field_id("support_hours.hours.weekly[0].end");
    let problems = state.errors_at("support_hours.hours.weekly[0]");
    assert!(matches!(problems[..], [FieldProblem::Rule(AgreementError::EndsBeforeStart { .. })]));
    assert_invalid_with(&html, &end_id, &problem_text(&problems[0], Lang::En));
    assert!(input_tag(&html, &end_id).contains("value=\"07:00\""));
    // A one-off maintenance window ending before it starts.
    let mut state = AgreementState::sample();
    state.apply(A::AddMaintenance(sla_web::state::agreement::MaintenanceKind::OneOff));
    state.apply(A::SetMaintenanceEndText(1, "2025-12-31T00:00".into()));
    let html = render(state.clone(), Lang::En).await;
    let p = state.errors_at("maintenance[1]");
    assert_invalid_with(&html, &field_id("maintenance[1].end"), &problem_text(&p[0], Lang::En));
}

#[tokio::test]
async fn a_value_that_does_not_parse_stays_visible_with_its_message() {
    let mut state = AgreementState::sample();
    state.apply(A::SetFeeText("12k".into()));
    state.apply(A::SetWithinText(0, sla_web::state::agreement::TargetKind::Respond, "soon".into()));
    let html = render(state.clone(), Lang::En).await;
    let fee = field_id("credits.fee_per_period");
    assert!(input_tag(&html, &fee).contains("value=\"12k\""));
    assert_invalid_with(&html, &fee, &problem_text(&FieldProblem::NotANumber("12k".into()), Lang::En));
    let within = field_id("priorities[0].respond.within");
    assert_invalid_with(&html, &within, &problem_text(&state.errors_at("priorities[0].respond.within")[0], Lang::En));
}

#[tokio::test]
async fn a_refused_import_says_where() {
    let mut state = AgreementState::sample();
    state.apply(A::ImportJson("{\n \"service\": 5\n}".into()));
    let html = render(state, Lang::En).await;
    assert!(html.contains("data-testid=\"import-error\""));
    assert!(html.contains("line 2, column"), "{html}");
    assert!(html.contains(&escaped(AgreementMsg::NotImported.text(Lang::En))));
}

#[tokio::test]
async fn renders_in_traditional_chinese() {
    let mut state = AgreementState::sample();
    state.apply(A::SetTargetText("100.5".into()));
    let top = state.agreement.credits.tiers[0].below_percent;
    state.apply(A::SetTierBelowText(1, top.to_string()));
    state.apply(A::Schedule(WhichHours::Support, ScheduleAction::SetEndText(0, "07:00".into())));
    let html = render(state.clone(), Lang::ZhHant).await;
    for m in GROUP_TITLES {
        assert!(html.contains(&escaped(m.text(Lang::ZhHant))), "missing group {m:?}");
        assert!(!html.contains(&escaped(m.text(Lang::En))), "English left in {m:?}");
    }
    let target = problem_text(&state.errors_at(TARGET_PATH)[0], Lang::ZhHant);
    assert!(target.contains("可用性目標必須介於 0 到 100 %"), "{target}");
    assert_invalid_with(&html, "target-input", &target);
    assert_invalid_with(&html, &field_id("credits.tiers[1].below_percent"), &error_text(&AgreementError::DuplicateTier(top), Lang::ZhHant));
    let window = problem_text(&state.errors_at("support_hours.hours.weekly[0]")[0], Lang::ZhHant);
    assert!(window.contains("結束時間"));
    assert_invalid_with(&html, &field_id("support_hours.hours.weekly[0].end"), &window);
    assert!(html.contains("週一") && html.contains("週日"), "weekdays in Chinese");
}
