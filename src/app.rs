//! The root component: owns the one reducer, derives the report from state with `use_memo`
//! (only the computation reruns on an edit; the parsed incidents are shared), and lays out the
//! page.

use crate::components::{Headline, PeriodTable, SharedReport, TargetEditor};
use crate::format;
use crate::state::{Action, AppState};
use sla_core::engine::{build_report, ReportRequest};
use std::rc::Rc;
use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::sample);
    use_effect_with((), |_| debug_panic_if_requested());

    let report = {
        let deps = (state.agreement.clone(), state.incidents.clone(), state.as_of);
        use_memo(deps, |(agreement, incidents, as_of)| {
            let request = ReportRequest { as_of: *as_of, from: None, to: None };
            build_report(agreement, incidents, &request).map(|r| SharedReport(Rc::new(r)))
        })
    };
    let on_target = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetTargetText(text)))
    };
    let a = &state.agreement;

    html! {
        <>
            <header class="app-header">
                <h1>{ "SLA calculator" }</h1>
                <p class="privacy">{ "Runs entirely in your browser: nothing you load leaves this page." }</p>
            </header>
            <main>
                <section class="card" aria-labelledby="agreement-heading">
                    <h2 id="agreement-heading">{ "Agreement" }</h2>
                    <p class="source-line subtle" data-testid="agreement-summary">
                        <span><strong>{ &a.service }</strong>{ format!(" — {} for {}, version {}", a.provider, a.customer, a.version) }</span>
                        <span>{ format!("time zone {}", a.time_zone) }</span>
                        <span>{ format!("{} incidents from the {}, as of {}", state.incidents.len(), state.incidents_source, format::instant(state.as_of, &a.time_zone)) }</span>
                    </p>
                    <div class="form-row">
                        <TargetEditor text={state.target_text.clone()} error={state.target_error().map(AttrValue::from)} on_change={on_target} />
                    </div>
                </section>
                { match &*report {
                    Ok(report) => html! {
                        <>
                            <section class="card" aria-labelledby="result-heading" data-testid="report">
                                <h2 id="result-heading">{ "Result" }
                                    <span class="subtle">{ format!("{} — {}", format::instant(report.from, &a.time_zone), format::instant(report.to, &a.time_zone)) }</span>
                                </h2>
                                <Headline report={report.clone()} />
                            </section>
                            <section class="card" aria-labelledby="periods-heading">
                                <h2 id="periods-heading">{ "Per period" }</h2>
                                <PeriodTable report={report.clone()} />
                            </section>
                        </>
                    },
                    Err(error) => html! {
                        <section class="card" aria-labelledby="result-heading">
                            <h2 id="result-heading">{ "Result" }</h2>
                            <div class="error-box" role="alert" data-testid="report-error">
                                { format!("No report yet: {error}") }
                            </div>
                        </section>
                    },
                } }
            </main>
        </>
    }
}

/// `?debug-panic` in the URL panics on purpose after the first render, so the browser tests can
/// check that a panic shows the error banner. Runs in an effect, never during render.
fn debug_panic_if_requested() {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.contains("debug-panic") {
        panic!("test panic requested by ?debug-panic");
    }
}
