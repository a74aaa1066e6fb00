//! The root component: owns the one reducer, derives the report from state with `use_memo`
//! (only the computation reruns on an edit; the parsed incidents are shared), provides the
//! language to every component, and lays out the page.

use crate::components::calculators::CalculatorsSection;
use crate::components::review::{text::ReviewMsg, ReviewSection};
use crate::components::library::{text::RememberMsg, LibraryPanel, NoticeBar};
use crate::components::share::ShareLink;
use crate::components::import::{text::ImportMsg, ImportPanel};
use crate::components::agreement::{versions_text::VersionMsg, VersionsPanel};
use crate::components::report::{WhatIfBanner, AvailabilityChart, BurnDown, BreachList, ComplianceTable, CreditSteps, IncidentTimeline, KpiTable, SharedIncidents};
use crate::components::{AgreementEditor, ExportBar, IncidentTable, SizingTable, Headline, LanguageSwitch, PeriodTable, Shared, SharedReport};
use crate::format;
use crate::i18n::{Lang, Msg};
use crate::state::data::DataSource;
use crate::state::agreement::VersionAction;
use crate::state::{Action, AgreementAction, AppState};
use chrono::{DateTime, Utc};
use sla_core::engine::{build_report, downtime_part, downtime_segments, incident_breakdown, rescore, ReportRequest};
use sla_core::model::{Agreement, Incident};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The language to start in (`main.rs` passes the browser's preference).
    #[prop_or_default]
    pub lang: Lang,
    /// What `main.rs` read before the first render: saved agreements, a share link, calculator
    /// inputs from a link (nothing on the host).
    #[prop_or_default]
    pub startup: Rc<crate::state::persist::Startup>,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial_lang = props.lang;
    let startup = props.startup.clone();
    let state = use_reducer(move || AppState::start(initial_lang, &startup));
    // A link straight to a calculator's answer scrolls there once the page is drawn.
    use_effect_with(props.startup.calc.is_some(), |linked| {
        if *linked {
            crate::storage::scroll_to("calculators");
        }
    });
    // Remember the agreements, the language and the keep-incidents choice on every change.
    {
        let deps = (state.agreement.agreement.clone(), state.library.entries.clone(), state.library.current, state.lang, state.data.keep);
        let state = state.clone();
        use_effect_with(deps, move |(live, _, _, lang, keep)| {
            if let Err(e) = crate::storage::write_stored(&state.library.to_stored(live, *lang, *keep)) {
                state.dispatch(Action::Library(crate::state::LibraryAction::Notify(crate::state::persist::Notice::SaveFailed(e))));
            }
        });
    }
    // Keep the imported files only while the user opts in; otherwise make sure none are left.
    {
        let deps = (state.data.keep, state.data.kept_files.clone(), state.data.as_of);
        let (state, settings) = (state.clone(), state.data.settings.clone());
        use_effect_with(deps, move |(keep, files, as_of)| {
            use crate::state::data::KeptFiles;
            use crate::state::kept::Kept;
            use crate::state::persist::Notice;
            let notify = |n: Notice| state.dispatch(Action::Library(crate::state::LibraryAction::Notify(n)));
            match (keep, files) {
                (true, Some(KeptFiles::Files(files))) => {
                    if let Err(e) = crate::storage::write_kept(&Kept::new(files, &settings, *as_of)) {
                        notify(Notice::KeepFailed(e));
                    }
                }
                (true, Some(KeptFiles::TooLarge(bytes))) => {
                    crate::storage::clear_kept();
                    notify(Notice::KeptTooLarge(*bytes));
                }
                _ => crate::storage::clear_kept(),
            }
        });
    }
    use_effect_with((), |_| {
        // Runs after the first render, which already shows the sample report: the mark lets
        // the browser benchmark measure navigation → first report.
        crate::browser::mark("sla-first-render");
        debug_panic_if_requested();
    });
    use_effect_with(state.lang, |lang| crate::browser::set_document_lang(*lang));

    // The agreement as measured: as signed, or one version all along (what-if).
    let measured = state.agreement.measured();
    // The last report built, with what it was built from: an edit to a target or the credit
    // terms only judges its seconds again (`rescore`, equal to a full build) instead of
    // measuring every incident again.
    let last_built = use_mut_ref(|| None::<(Agreement, Shared<Vec<Incident>>, DateTime<Utc>, SharedReport)>);
    let report = {
        // Shared: the incident list is compared by pointer, never element by element.
        let deps = (measured.clone(), Shared(state.data.incidents.clone()), state.data.as_of);
        use_memo(deps, move |(agreement, incidents, as_of)| {
            let mut last = last_built.borrow_mut();
            let rescored = match &*last {
                Some((with, from, at, previous)) if from == incidents && at == as_of => rescore(previous, with, agreement),
                _ => None,
            };
            let built = match rescored {
                Some(r) => Ok(SharedReport(Rc::new(r))),
                None => {
                    let request = ReportRequest { as_of: *as_of, from: None, to: None };
                    build_report(agreement, incidents, &request).map(|r| SharedReport(Rc::new(r)))
                }
            };
            if let Ok(r) = &built {
                *last = Some((agreement.clone(), incidents.clone(), *as_of, r.clone()));
            }
            built
        })
    };
    // While a what-if is shown: the agreement as signed, measured too, compared period by period.
    let what_if = {
        let deps = (state.agreement.what_if, state.agreement.agreement.clone(), Shared(state.data.incidents.clone()), state.data.as_of);
        let report = report.clone();
        use_memo(deps, move |(index, agreement, incidents, as_of)| {
            let (index, Ok(alt)) = ((*index)?, &*report) else { return None };
            let request = ReportRequest { as_of: *as_of, from: None, to: None };
            let actual = build_report(agreement, incidents, &request).ok()?;
            Some(Shared(Rc::new(sla_core::review::compare_outcomes(&actual, alt, index))))
        })
    };
    let on_what_if_back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Agreement(AgreementAction::Versions(VersionAction::WhatIf(None)))))
    };
    // What each incident counted: only computed while the incident table is open.
    let lines = {
        let deps = (measured.clone(), Shared(state.data.incidents.clone()), state.data.as_of, state.table.open);
        use_memo(deps, |(agreement, incidents, as_of, open)| {
            open.then(|| incident_breakdown(agreement, incidents, &ReportRequest { as_of: *as_of, from: None, to: None }).ok())
                .flatten()
                .map(|l| Shared(Rc::new(l)))
        })
    };
    let on_mapping = {
        let state = state.clone();
        Callback::from(move |m: Option<sla_core::import::ColumnMapping>| {
            state.dispatch(Action::Agreement(AgreementAction::SetImportMapping(m.map(Box::new))))
        })
    };
    let on_calc = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(Action::Calc(a)))
    };
    // The burn-down chart's period (view-only state, not part of the agreement or data): the
    // last period with downtime allowed until the user picks another.
    let burn_period = use_state(String::new);
    let burn_label = match &*report {
        Ok(r) if r.periods.iter().any(|p| p.label == *burn_period) => (*burn_period).clone(),
        Ok(r) => r.periods.iter().rev().find(|p| !p.figures.availability.met).or(r.periods.last()).map(|p| p.label.clone()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    let burn_span = match &*report {
        Ok(r) => r.periods.iter().find(|p| p.label == burn_label).map(|p| (p.start, p.end)),
        Err(_) => None,
    };
    // The burn-down period is measured under the version that applied to it.
    let burn_terms = {
        let version = match &*report {
            Ok(r) => r.periods.iter().find(|p| p.label == burn_label).map(|p| p.version.clone()),
            Err(_) => None,
        };
        version.and_then(|v| measured.version_index_of(&v)).and_then(|i| measured.version_terms(i)).unwrap_or_else(|| measured.clone())
    };
    let segments = {
        // Keyed on the downtime part of the agreement: a target edit does not redo the timeline.
        let deps = (downtime_part(&burn_terms), Shared(state.data.incidents.clone()), state.data.as_of, burn_span);
        use_memo(deps, |(agreement, incidents, as_of, span)| {
            let request = ReportRequest { as_of: *as_of, from: span.map(|s| s.0), to: span.map(|s| s.1) };
            Shared(Rc::new(span.and_then(|_| downtime_segments(agreement, incidents, &request).ok()).unwrap_or_default()))
        })
    };
    let on_burn_period = {
        let burn_period = burn_period.clone();
        Callback::from(move |label: String| burn_period.set(label))
    };
    let on_table = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(Action::Table(a)))
    };
    let on_agreement = {
        let state = state.clone();
        Callback::from(move |a: AgreementAction| state.dispatch(Action::Agreement(a)))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_data = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(Action::Data(a)))
    };
    let on_sizing = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(Action::Sizing(a)))
    };
    let on_library = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(Action::Library(a)))
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |i| state.dispatch(Action::Library(crate::state::LibraryAction::Dismiss(i))))
    };
    let lang = state.lang;
    let t = |m: Msg| m.text(lang);
    let a = &state.agreement.agreement;
    // Sizing prices candidate targets with the credit table of the latest version.
    let latest_terms = a.version_terms(a.version_count() - 1).unwrap_or_else(|| a.clone());
    let zone: AttrValue = a.time_zone.clone().into();
    let source = match &state.data.source {
        DataSource::Sample => t(Msg::BuiltInSample).to_string(),
        DataSource::Loaded(name) => name.clone(),
    };

    // What the result rests on: the agreement and the incident log, as of when.
    let summary_line = html! {
        <p class="source-line subtle" data-testid="agreement-summary">
            <span><strong>{ &a.service }</strong>{ format!(" — {} {} {}, {} {}", a.provider, t(Msg::For), a.customer, t(Msg::Version), a.version) }</span>
            <span>{ format!("{} {}", t(Msg::TimeZone), a.time_zone) }</span>
            <span>{ format!("{} {} {}, {} {}", state.data.incidents.len(), t(Msg::IncidentsFrom), source, t(Msg::AsOf), format::instant(state.data.as_of, &a.time_zone)) }</span>
        </p>
    };
    html! {
        <ContextProvider<Lang> context={lang}>
            <header class="app-header">
                <h1>{ t(Msg::AppTitle) }</h1>
                <nav class="page-nav no-print" aria-label={t(Msg::NavLabel)}>
                    <a href="#agreement">{ t(Msg::Agreement) }</a>
                    <a href="#incidents">{ t(Msg::NavIncidents) }</a>
                    <a href="#result">{ t(Msg::Result) }</a>
                    <a href="#review">{ ReviewMsg::ReviewHeading.text(lang) }</a>
                    <a href="#calculators">{ t(Msg::NavCalculators) }</a>
                    <a href="#library">{ RememberMsg::LibraryHeading.text(lang) }</a>
                </nav>
                <p class="privacy">{ t(Msg::PrivacyPromise) }</p>
                <LanguageSwitch {lang} on_change={on_lang} />
            </header>
            <main>
                <NoticeBar notices={state.library.notices.clone()} {on_dismiss} />
                { match &*report {
                    Ok(report) => html! {
                        <section id="result" class="card" aria-labelledby="result-heading" data-testid="report">
                            <h2 id="result-heading">{ t(Msg::Result) }
                                <span class="subtle">{ format!("{} — {}", format::instant(report.from, &a.time_zone), format::instant(report.to, &a.time_zone)) }</span>
                            </h2>
                            { summary_line.clone() }
                            if let Some(w) = &*what_if {
                                <WhatIfBanner what_if={w.clone()} on_back={on_what_if_back.clone()} />
                            }
                            <Headline report={report.clone()} />
                            <ExportBar report={report.clone()} />
                        </section>
                    },
                    Err(error) => html! {
                        <section id="result" class="card" aria-labelledby="result-heading">
                            <h2 id="result-heading">{ t(Msg::Result) }</h2>
                            { summary_line.clone() }
                            <div class="error-box" role="alert" data-testid="report-error">
                                { match error {
                                    // Each problem already sits next to its field, translated.
                                    sla_core::engine::EngineError::InvalidAgreement(_) if lang != Lang::En => format!("{} {}", t(Msg::NoReportYet), t(Msg::FixAgreement)),
                                    _ => format!("{} {error}", t(Msg::NoReportYet)),
                                } }
                            </div>
                        </section>
                    },
                } }
                <section id="agreement" class="card" aria-labelledby="agreement-heading">
                    <h2 id="agreement-heading">{ t(Msg::Agreement) }</h2>
                    <h3 id="versions-heading">{ VersionMsg::Heading.text(lang) }</h3>
                    <VersionsPanel state={state.agreement.clone()} on_action={on_agreement.clone()} />
                    <AgreementEditor state={state.agreement.form()} on_action={on_agreement} />
                </section>
                <section id="incidents" class="card" aria-labelledby="import-heading">
                    <h2 id="import-heading">{ ImportMsg::Heading.text(lang) }</h2>
                    <ImportPanel settings={state.data.settings.clone()} files={Shared(state.data.files.clone())}
                        incidents={Shared(state.data.incidents.clone())} time_zone={a.time_zone.clone()}
                        as_of={state.data.as_of} on_action={on_data} keep={state.data.keep}
                        mapping={a.import_mapping.clone()} on_mapping={on_mapping} />
                    <IncidentTable incidents={Shared(state.data.incidents.clone())} lines={(*lines).clone()}
                        state={state.table.clone()} time_zone={a.time_zone.clone()} on_action={on_table} />
                </section>
                if let Ok(report) = &*report {
                            <section class="card" aria-labelledby="periods-heading">
                                <h2 id="periods-heading">{ t(Msg::PerPeriod) }</h2>
                                <PeriodTable report={report.clone()} />
                            </section>
                            <section class="card" aria-labelledby="charts-heading">
                                <h2 id="charts-heading">{ t(Msg::ChartsHeading) }</h2>
                                <AvailabilityChart report={report.clone()} />
                                <BurnDown report={report.clone()} period={burn_label.clone()} segments={(*segments).clone()} time_zone={zone.clone()} on_select={on_burn_period.clone()} />
                                <IncidentTimeline report={report.clone()} incidents={SharedIncidents(state.data.incidents.clone())} time_zone={zone.clone()} />
                            </section>
                            <section class="card" aria-labelledby="kpi-heading">
                                <h2 id="kpi-heading">{ t(Msg::KpisHeading) }</h2>
                                <KpiTable report={report.clone()} />
                            </section>
                            <section class="card" aria-labelledby="compliance-heading">
                                <h2 id="compliance-heading">{ t(Msg::ComplianceHeading) }</h2>
                                <ComplianceTable report={report.clone()} />
                            </section>
                            <section class="card" aria-labelledby="breaches-heading">
                                <h2 id="breaches-heading">{ t(Msg::BreachesHeading) }</h2>
                                <BreachList report={report.clone()} time_zone={zone.clone()} />
                            </section>
                            <section class="card" aria-labelledby="sizing-heading">
                                <h2 id="sizing-heading">{ t(Msg::SizingHeading) }</h2>
                                <SizingTable report={report.clone()} policy={latest_terms.credits.clone()} state={state.sizing.clone()} on_action={on_sizing.clone()} />
                            </section>
                            <section class="card" aria-labelledby="credits-heading">
                                <h2 id="credits-heading">{ t(Msg::CreditsHeading) }</h2>
                                <CreditSteps report={report.clone()} />
                            </section>
                            <ReviewSection agreement={measured.clone()} incidents={Shared(state.data.incidents.clone())} report={report.clone()} />
                }
                <CalculatorsSection state={state.calc.clone()} on_action={on_calc} />
                <section id="library" class="card no-print" aria-labelledby="library-heading">
                    <h2 id="library-heading">{ RememberMsg::LibraryHeading.text(lang) }</h2>
                    <LibraryPanel entries={state.library.entries.clone()} current={state.library.current}
                        live={state.agreement.agreement.clone()} on_action={on_library} />
                    <h3>{ RememberMsg::ShareHeading.text(lang) }</h3>
                    <ShareLink agreement={state.agreement.agreement.clone()} />
                </section>
            </main>
        </ContextProvider<Lang>>
    }
}

/// `?debug-panic` in the URL panics on purpose after the first render, so the browser tests can
/// check that a panic shows the error banner. Runs in an effect, never during render.
fn debug_panic_if_requested() {
    if crate::browser::query_string().contains("debug-panic") {
        panic!("test panic requested by ?debug-panic");
    }
}
