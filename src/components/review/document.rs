//! The periodic service review as one printable document (`sla-review/1`), for one period or
//! the whole span: agreement versions and their targets, results against each target, the
//! periods and targets missed, breaches, credits owed, trends, top contributors and customer
//! satisfaction. "Print the review" prints only this section (the class [`PRINT_CLASS`] on
//! `<html>` switches on the print rules of `static/review.css` until the browser's
//! `afterprint`); "Export review (JSON)" downloads exactly the review document the command line
//! writes with `sla report --review --format json`.

use crate::components::cells;
use super::contributors::top_incidents_table;
use super::satisfaction::satisfaction_table;
use super::text::{
    dimension_name, direction_class, direction_label, fill, group_key, metric_name, trend_value, ReviewMsg,
};
use crate::components::{Shared, SharedReport};
use crate::format;
use crate::i18n::{use_lang, Lang};
use sla_core::model::{Agreement, Clock, ClockTarget, Incident};
use sla_core::report::BreachKind;
use sla_core::review::{
    review_from_report, MissedKind, MissedTarget, ReviewOptions, ReviewReport, ReviewVersion, TargetResult, TrendUnit,
};
use std::rc::Rc;
use yew::prelude::*;

/// The class set on `<html>` while only the review is printed.
pub const PRINT_CLASS: &str = "printing-review";

/// Props of [`ReviewDocument`].
#[derive(Properties, PartialEq)]
pub struct ReviewDocumentProps {
    /// The agreement the report was measured against (as measured: with a what-if applied,
    /// the what-if's terms), needed to review one period.
    pub agreement: Agreement,
    /// The incidents of the report.
    pub incidents: Shared<Vec<Incident>>,
    /// The report built from them.
    pub report: SharedReport,
    /// The review of the whole span (computed once by the caller; shown until a period is
    /// chosen).
    pub whole: Shared<ReviewReport>,
}

/// The base name of the exported review: `sla-review-<service>-<first day>-<last day>` for the
/// whole span, `sla-review-<service>-<period>` for one period.
pub fn review_file_stem(review: &ReviewReport) -> String {
    let scope = match &review.focus {
        Some(period) => period
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '-' })
            .collect(),
        None => crate::components::export_bar::span_days(review.from, review.to, &review.time_zone),
    };
    format!("sla-review-{}-{scope}", crate::components::export_bar::file_slug(&review.service))
}

/// The review as the JSON document (`sla-review/1`), exactly as `sla report --review --format
/// json` writes it.
pub fn review_json(review: &ReviewReport) -> String {
    crate::json::to_string_pretty(review).unwrap_or_else(|e| crate::components::export_bar::json_error(&e))
}

/// One row of the response/resolution matrix: a priority's respond or resolve target, with
/// its result in each period of the review (`None` where the period's version has no such
/// target).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow<'a> {
    /// Priority level.
    pub priority: &'a str,
    /// Respond or resolve.
    pub kind: BreachKind,
    /// The target of the last period that has it (the one in the row heading).
    pub target_seconds: i64,
    /// Its clock.
    pub clock: Clock,
    /// One cell per period of the review.
    pub cells: Vec<Option<&'a TargetResult>>,
}

/// The targets of every period arranged as rows (priority and kind, in the order they first
/// appear) by periods.
pub fn target_matrix(review: &ReviewReport) -> Vec<TargetRow<'_>> {
    let mut rows: Vec<TargetRow> = Vec::new();
    let n = review.periods.len();
    for (i, p) in review.periods.iter().enumerate() {
        for t in &p.targets {
            let pos = match rows.iter().position(|r| r.priority == t.priority && r.kind == t.kind) {
                Some(pos) => pos,
                None => {
                    rows.push(TargetRow {
                        priority: &t.priority,
                        kind: t.kind,
                        target_seconds: t.target_seconds,
                        clock: t.clock,
                        cells: vec![None; n],
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[pos];
            row.cells[i] = Some(t);
            row.target_seconds = t.target_seconds;
            row.clock = t.clock;
        }
    }
    rows
}

fn kind_word(kind: BreachKind, lang: Lang) -> &'static str {
    match kind {
        BreachKind::Respond => ReviewMsg::Respond.text(lang),
        BreachKind::Resolve => ReviewMsg::Resolve.text(lang),
    }
}

fn clock_word(clock: Clock, lang: Lang) -> &'static str {
    match clock {
        Clock::AroundTheClock => ReviewMsg::AroundTheClock.text(lang),
        Clock::ServiceHours => ReviewMsg::ServiceHoursClock.text(lang),
    }
}

/// A missed target in words, in `lang`: the availability against its target, or how many
/// incidents breached a respond/resolve target (the core's `actual` text is English, so the
/// numbers are taken from the period's target result instead).
pub fn missed_text(m: &MissedTarget, review: &ReviewReport, lang: Lang) -> String {
    let period = review.periods.iter().find(|p| p.period == m.period);
    match (m.kind, period) {
        (MissedKind::Availability, Some(p)) => fill(
            ReviewMsg::MissedAvailability.text(lang),
            &[
                ("period", &m.period),
                ("actual", &format::percent(p.availability_percent, 3)),
                ("target", &format::percent(p.availability_target_percent, 3)),
            ],
        ),
        (MissedKind::Respond | MissedKind::Resolve, Some(p)) => {
            let kind = if m.kind == MissedKind::Respond {
                BreachKind::Respond
            } else {
                BreachKind::Resolve
            };
            let result = p
                .targets
                .iter()
                .find(|t| t.kind == kind && Some(t.priority.as_str()) == m.priority.as_deref());
            match result {
                Some(t) => fill(
                    ReviewMsg::MissedTime.text(lang),
                    &[
                        ("period", &m.period),
                        ("priority", &t.priority),
                        ("kind", kind_word(kind, lang)),
                        ("target", &format::duration_in(lang, t.target_seconds)),
                        ("breached", &t.breached.to_string()),
                        ("total", &(t.met + t.breached + t.pending).to_string()),
                    ],
                ),
                None => format!("{} {} {}", m.period, m.target, m.actual),
            }
        }
        _ => format!("{} {} {}", m.period, m.target, m.actual),
    }
}

fn clock_target(target: &ClockTarget, lang: Lang) -> String {
    format!(
        "{} ({})",
        format::duration_in(lang, target.within.seconds()),
        clock_word(target.clock, lang)
    )
}

/// Offers the review as a JSON download; the error text when the browser refuses.
fn export(review: &ReviewReport) -> Option<String> {
    let name = format!("{}.json", review_file_stem(review));
    crate::browser::download_text(&name, "application/json", &review_json(review)).err()
}

/// Prints only the review: sets [`PRINT_CLASS`] on `<html>`, opens the print dialog, and takes
/// the class off again at `afterprint` (some browsers return from `print()` before printing).
/// Called from a click, never during render.
fn print_review_only() {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        let _ = window.print();
        return;
    };
    let _ = root.class_list().add_1(PRINT_CLASS);
    let after = root.clone();
    gloo::events::EventListener::once(&window, "afterprint", move |_| {
        let _ = after.class_list().remove_1(PRINT_CLASS);
    })
    .forget();
    if window.print().is_err() {
        let _ = root.class_list().remove_1(PRINT_CLASS);
    }
}

fn version_block(v: &ReviewVersion, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let from = v
        .effective_date
        .map_or_else(|| t(ReviewMsg::FromTheStart).to_string(), |d| d.to_string());
    let tiers: Vec<String> = v
        .credits
        .tiers
        .iter()
        .map(|tier| {
            fill(
                t(ReviewMsg::TierLine),
                &[
                    ("below", &format::percent(tier.below_percent, 2)),
                    ("credit", &format::percent(tier.credit_percent, 0)),
                ],
            )
        })
        .collect();
    let fee = fill(
        t(ReviewMsg::FeeLine),
        &[("fee", &format::money(v.credits.fee_per_period, &v.credits.currency))],
    );
    let used = !v.periods.is_empty();
    html! {
        <div class={classes!("review-version", (!used).then_some("unused"))} data-testid="review-version">
            <h4>{ fill(t(ReviewMsg::VersionHeading), &[("version", &v.version), ("from", &from)]) }</h4>
            if let Some(note) = &v.note {
                <p class="subtle">{ note }</p>
            }
            <dl class="review-terms">
                <dt>{ t(ReviewMsg::Availability) }</dt>
                <dd data-testid="version-target">{ format::percent(v.availability_target_percent, 3) }</dd>
                <dt>{ t(ReviewMsg::TargetsLabel) }</dt>
                <dd>
                    <ul class="plain">
                        { for v.priorities.iter().map(|p| {
                            let mut parts = Vec::new();
                            if let Some(r) = &p.respond {
                                parts.push(format!("{} {}", kind_word(BreachKind::Respond, lang), clock_target(r, lang)));
                            }
                            if let Some(r) = &p.resolve {
                                parts.push(format!("{} {}", kind_word(BreachKind::Resolve, lang), clock_target(r, lang)));
                            }
                            html! { <li><strong>{ &p.name }</strong>{ format!(": {}", parts.join(super::text::list_separator(lang))) }</li> }
                        }) }
                    </ul>
                </dd>
                <dt>{ t(ReviewMsg::CreditTiersLabel) }</dt>
                <dd>{ format!("{}; {fee}", tiers.join(super::text::list_separator(lang))) }</dd>
                <dt>{ t(ReviewMsg::AppliedTo) }</dt>
                <dd>{ if used { v.periods.join(super::text::list_separator(lang)) } else { t(ReviewMsg::NoPeriodReviewed).to_string() } }</dd>
                <dt>{ t(ReviewMsg::WhatChanged) }</dt>
                <dd>
                    if v.changes.is_empty() {
                        { t(ReviewMsg::FirstVersion) }
                    } else {
                        <ul class="plain">
                            { for v.changes.iter().map(|c| {
                                let label = crate::components::agreement::versions_text::term_label(c.kind, lang);
                                let subject = c.subject.as_deref().map(|s| format!(" {s}")).unwrap_or_default();
                                html! {
                                    <li>
                                        <strong>{ format!("{label}{subject}: ") }</strong>
                                        { format!("{} → {}", c.old.as_deref().unwrap_or("—"), c.new.as_deref().unwrap_or("—")) }
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                </dd>
            </dl>
        </div>
    }
}

fn results_table(review: &ReviewReport, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let opt_duration = |s: Option<i64>| s.map_or_else(|| "—".to_string(), |s| format::duration_in(lang, s));
    let total = &review.total;
    html! {
        <div class="table-wrap">
            <table class="review-results" data-testid="review-results">
                <thead>
                    <tr>
                        { cells::col(t(ReviewMsg::Period)) }
                        { cells::col(t(ReviewMsg::Version)) }
                        { cells::num_col(t(ReviewMsg::Availability)) }
                        { cells::num_col(t(ReviewMsg::Target)) }
                        { cells::col(t(ReviewMsg::Result)) }
                        { cells::num_col(t(ReviewMsg::Downtime)) }
                        { cells::num_col(t(ReviewMsg::Incidents)) }
                        { cells::num_col(t(ReviewMsg::Mtta)) }
                        { cells::num_col(t(ReviewMsg::Mttr)) }
                        { cells::num_col(t(ReviewMsg::Breaches)) }
                        <th scope="col" class="num">{ format!("{} ({})", t(ReviewMsg::Credit), review.currency) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for review.periods.iter().map(|p| html! {
                        <tr class={classes!((!p.availability_met).then_some("missed"))} data-testid="review-period-row" data-period={p.period.clone()}>
                            <th scope="row">
                                { &p.period }
                                if !p.complete { <span class="subtle">{ format!(" ({})", t(ReviewMsg::ToDate)) }</span> }
                                { for p.revised_during.iter().map(|r| html! {
                                    <div class="subtle revised">{ fill(t(ReviewMsg::RevisedDuring), &[("version", &r.version), ("date", &r.effective_date.to_string())]) }</div>
                                }) }
                            </th>
                            { cells::td(&p.version) }
                            <td class="num" data-testid="review-availability">{ format::percent(p.availability_percent, 3) }</td>
                            { cells::num(format::percent(p.availability_target_percent, 3)) }
                            <td>
                                if p.availability_met {
                                    <span class="status good">{ format!("✓ {}", t(ReviewMsg::Met)) }</span>
                                } else {
                                    <span class="status bad">{ format!("✕ {}", t(ReviewMsg::Missed)) }</span>
                                }
                            </td>
                            { cells::num(format::duration_in(lang, p.weighted_downtime_seconds)) }
                            { cells::num(p.incidents) }
                            { cells::num(opt_duration(p.mtta_seconds)) }
                            { cells::num(opt_duration(p.mttr_seconds)) }
                            { cells::num(p.breaches) }
                            <td class="num" data-testid="review-credit">{ format::grouped(p.credit_amount, 2) }</td>
                        </tr>
                    }) }
                </tbody>
                if review.periods.len() > 1 {
                    <tfoot>
                        <tr>
                            <th scope="row">{ t(ReviewMsg::Total) }</th>
                            <td colspan="3"></td>
                            <td>{ format!("{} / {} ✕", total.periods_missed, total.periods) }</td>
                            { cells::num(format::duration_in(lang, total.weighted_downtime_seconds)) }
                            { cells::num(review.periods.iter().map(|p| p.incidents).sum::<u64>()) }
                            <td colspan="2"></td>
                            { cells::num(total.breaches) }
                            { cells::num(format::grouped(total.credit_amount, 2)) }
                        </tr>
                    </tfoot>
                }
            </table>
        </div>
    }
}

fn target_matrix_table(review: &ReviewReport, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let rows = target_matrix(review);
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <div class="table-wrap">
            <table class="review-targets" data-testid="review-targets">
                <thead>
                    <tr>
                        { cells::col(t(ReviewMsg::Kind)) }
                        { for review.periods.iter().map(|p| cells::col(&p.period)) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">
                                { format!("{} {} ", row.priority, kind_word(row.kind, lang)) }
                                <span class="subtle">{ format!("{} ({})", fill(t(ReviewMsg::TargetWithin), &[("d", &format::duration_in(lang, row.target_seconds))]), clock_word(row.clock, lang)) }</span>
                            </th>
                            { for row.cells.iter().map(|cell| match cell {
                                None => html! { <td class="subtle">{ "—" }</td> },
                                Some(c) => {
                                    let total = c.met + c.breached + c.pending;
                                    html! {
                                        <td class={classes!("target-cell", (c.breached > 0).then_some("missed"))}>
                                            if total == 0 {
                                                <span class="subtle">{ t(ReviewMsg::NoTickets) }</span>
                                            } else {
                                                { fill(t(ReviewMsg::TargetCell), &[("met", &c.met.to_string()), ("total", &total.to_string())]) }
                                                if c.breached > 0 {
                                                    <span class="status bad">{ format!("✕ {}", fill(t(ReviewMsg::BreachedCell), &[("n", &c.breached.to_string())])) }</span>
                                                } else {
                                                    <span class="status good">{ "✓" }</span>
                                                }
                                                if c.pending > 0 {
                                                    <span class="subtle">{ format!(" {}", fill(t(ReviewMsg::PendingCell), &[("n", &c.pending.to_string())])) }</span>
                                                }
                                            }
                                            if c.target_seconds != row.target_seconds || c.clock != row.clock {
                                                <div class="subtle">{ format!("{} ({})", fill(t(ReviewMsg::TargetWithin), &[("d", &format::duration_in(lang, c.target_seconds))]), clock_word(c.clock, lang)) }</div>
                                            }
                                        </td>
                                    }
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The most breaches the review document lists.
pub const MAX_BREACHES_SHOWN: usize = 100;

fn breaches_table(review: &ReviewReport, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    if review.breaches.is_empty() {
        return html! { <p class="subtle">{ t(ReviewMsg::NoBreaches) }</p> };
    }
    // A printed review lists at most this many, the longest overruns first (a large log can
    // breach thousands of times; every breach stays in the JSON export and the report).
    let shown: Vec<&sla_core::report::Breach> = {
        let mut all: Vec<&sla_core::report::Breach> = review.breaches.iter().collect();
        if all.len() > MAX_BREACHES_SHOWN {
            sla_core::sort::sort_by(&mut all, |a, b| b.overrun_seconds.cmp(&a.overrun_seconds));
            all.truncate(MAX_BREACHES_SHOWN);
            sla_core::sort::sort_by(&mut all, |a, b| a.period.cmp(&b.period));
        }
        all
    };
    html! {
        <div class="table-wrap">
            if shown.len() < review.breaches.len() {
                <p class="subtle" data-testid="review-breaches-shown">{ fill(t(ReviewMsg::BreachesShown), &[("shown", &shown.len().to_string()), ("total", &format::grouped(review.breaches.len() as f64, 0))]) }</p>
            }
            <table class="review-breaches" data-testid="review-breaches">
                <thead>
                    <tr>
                        { cells::col(t(ReviewMsg::Period)) }
                        { cells::col(t(ReviewMsg::Incident)) }
                        { cells::col(t(ReviewMsg::Priority)) }
                        { cells::col(t(ReviewMsg::Kind)) }
                        { cells::num_col(t(ReviewMsg::Took)) }
                        { cells::num_col(t(ReviewMsg::Overrun)) }
                        <th scope="col" class="num">{ format!("{} ({})", t(ReviewMsg::Penalty), review.currency) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for shown.iter().map(|b| html! {
                        <tr data-testid="review-breach">
                            { cells::td(&b.period) }
                            <th scope="row" class="incident-name"><span class="mono">{ &b.incident_id }</span>{ " " }{ &b.title }</th>
                            { cells::td(&b.priority) }
                            <td>{ format!("{} {}", kind_word(b.kind, lang), fill(t(ReviewMsg::TargetWithin), &[("d", &format::duration_in(lang, b.target_seconds))])) }</td>
                            <td class="num">
                                { format::duration_in(lang, b.actual_seconds) }
                                if b.open { <span class="subtle">{ format!(" ({})", t(ReviewMsg::StillOpen)) }</span> }
                            </td>
                            { cells::num(format::duration_in(lang, b.overrun_seconds)) }
                            { cells::num(format::grouped(b.penalty, 2)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn trends_summary(review: &ReviewReport, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let labels: Vec<&str> = review
        .trends
        .first()
        .map(|tr| tr.points.iter().map(|p| p.period.as_str()).collect())
        .unwrap_or_default();
    html! {
        <div class="table-wrap">
            <table class="review-trends" data-testid="review-trends">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        { for labels.iter().map(|l| cells::num_col(*l)) }
                        { cells::col(t(ReviewMsg::DirectionOfTravel)) }
                    </tr>
                </thead>
                <tbody>
                    { for review.trends.iter().map(|tr| {
                        let mut name = metric_name(tr.metric, lang).to_string();
                        if tr.unit == TrendUnit::Money {
                            name = format!("{name} ({})", review.currency);
                        }
                        html! {
                            <tr data-testid="review-trend">
                                <th scope="row">{ name }</th>
                                { for tr.points.iter().map(|p| html! {
                                    { cells::num(p.value.map_or_else(|| "—".to_string(), |v| trend_value(tr.unit, v, lang))) }
                                }) }
                                <td><span class={classes!("status", "trend-direction", direction_class(tr.direction))}>{ direction_label(tr, lang) }</span></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn contributors_summary(review: &ReviewReport, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let c = &review.contributors;
    html! {
        <>
            <div class="review-top-groups">
                { for c.tables.iter().map(|table| html! {
                    <div class="review-top-group">
                        <h4>{ dimension_name(table.dimension, lang) }</h4>
                        <ol class="plain-numbers">
                            { for table.rows.iter().take(3).map(|r| html! {
                                <li data-testid="review-top-row">
                                    { fill(t(ReviewMsg::TopRow), &[
                                        ("key", &group_key(table.dimension, r.key.as_deref(), lang)),
                                        ("share", &r.downtime_share_percent.map_or_else(|| "—".to_string(), |s| format::percent(s, 1))),
                                        ("breaches", &r.breaches.to_string()),
                                        ("credit", &format::money(r.credit_amount, &review.currency)),
                                    ]) }
                                </li>
                            }) }
                        </ol>
                    </div>
                }) }
            </div>
            <h4>{ t(ReviewMsg::TopIncidents) }</h4>
            { top_incidents_table(c, &review.currency, lang) }
            <p class="subtle">{ t(ReviewMsg::AttributionRule) }</p>
        </>
    }
}

/// The review document itself (no controls), for one review, with the report's `notes` in the
/// page's language (see [`super::text::report_notes`]).
pub fn review_body(review: &ReviewReport, notes: &[String], lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let service = if review.service.trim().is_empty() {
        t(ReviewMsg::UnnamedService).to_string()
    } else {
        review.service.clone()
    };
    let scope = match &review.focus {
        Some(p) => fill(t(ReviewMsg::ScopePeriod), &[("period", p)]),
        None => fill(t(ReviewMsg::ScopeSpan), &[("n", &review.periods.len().to_string())]),
    };
    let span = fill(
        t(ReviewMsg::SpanLine),
        &[
            ("from", &format::instant(review.from, &review.time_zone)),
            ("to", &format::instant(review.to, &review.time_zone)),
            ("as_of", &format::instant(review.as_of, &review.time_zone)),
            ("zone", &review.time_zone),
        ],
    );
    let total = &review.total;
    let summary = fill(
        t(ReviewMsg::SummaryLine),
        &[
            ("missed", &total.periods_missed.to_string()),
            ("n", &total.periods.to_string()),
            ("breaches", &total.breaches.to_string()),
            ("credit", &format::money(total.credit_amount, &review.currency)),
        ],
    );
    html! {
        <div class="review-body" data-testid="review-body" data-focus={review.focus.clone().unwrap_or_default()}>
            <header class="review-title">
                <h3 data-testid="review-title">{ fill(t(ReviewMsg::ReviewTitle), &[("service", &service)]) }</h3>
                <p>{ fill(t(ReviewMsg::Parties), &[("provider", &review.provider), ("customer", &review.customer)]) }</p>
                <p><strong data-testid="review-scope">{ scope }</strong>{ " · " }<span class="subtle">{ span }</span></p>
                <p class="review-summary" data-testid="review-summary">{ summary }</p>
            </header>

            <h3>{ t(ReviewMsg::VersionsHeading) }</h3>
            <div class="review-versions">
                { for review.versions.iter().map(|v| version_block(v, lang)) }
            </div>

            <h3>{ t(ReviewMsg::ResultsHeading) }</h3>
            <h4>{ t(ReviewMsg::AvailabilityResults) }</h4>
            { results_table(review, lang) }
            <h4>{ t(ReviewMsg::TargetResults) }</h4>
            { target_matrix_table(review, lang) }

            <h3>{ t(ReviewMsg::MissedHeading) }</h3>
            if review.missed.is_empty() {
                <p data-testid="review-nothing-missed">{ t(ReviewMsg::NothingMissed) }</p>
            } else {
                <ul class="review-missed" data-testid="review-missed">
                    { for review.missed.iter().map(|m| html! { <li data-testid="review-missed-item">{ format!("✕ {}", missed_text(m, review, lang)) }</li> }) }
                </ul>
            }

            <h3>{ t(ReviewMsg::BreachesHeading) }</h3>
            { breaches_table(review, lang) }

            <h3>{ t(ReviewMsg::CreditsHeading) }</h3>
            <p data-testid="review-credits">
                { fill(t(ReviewMsg::CreditsLine), &[
                    ("credit", &format::money(total.credit_amount, &review.currency)),
                    ("penalty", &format::money(total.penalty_amount, &review.currency)),
                ]) }
            </p>

            <h3>{ t(ReviewMsg::TrendsOverHistory) }</h3>
            { trends_summary(review, lang) }

            <h3>{ t(ReviewMsg::TopContributors) }</h3>
            { contributors_summary(review, lang) }

            if let Some(s) = &review.satisfaction {
                <h3>{ t(ReviewMsg::CsatHeading) }</h3>
                { satisfaction_table(s, lang) }
            }

            if !notes.is_empty() {
                <h3>{ t(ReviewMsg::NotesHeading) }</h3>
                <ul>{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </div>
    }
}

/// The review section: the period picker, print and export buttons, and the document.
#[component]
pub fn ReviewDocument(props: &ReviewDocumentProps) -> Html {
    let lang = use_lang();
    let t = |m: ReviewMsg| m.text(lang);
    // The period reviewed (view-only state); `None` = the whole span.
    let focus = use_state(|| None::<String>);
    let failure = use_state(|| None::<String>);
    // A period that is no longer in the report (other data loaded) falls back to the whole span.
    let focus_now = (*focus)
        .clone()
        .filter(|f| props.report.periods.iter().any(|p| &p.label == f));
    let focused = use_memo(
        (props.report.clone(), props.incidents.clone(), focus_now.clone()),
        |(report, incidents, focus)| {
            focus.as_ref().map(|f| {
                let options = ReviewOptions {
                    focus: Some(f.clone()),
                    ..ReviewOptions::default()
                };
                review_from_report(&props.agreement, incidents, report, &options)
                    .map(|r| Shared(Rc::new(r)))
                    .map_err(|e| e.to_string())
            })
        },
    );
    let review: Result<Shared<ReviewReport>, String> = match &*focused {
        None => Ok(props.whole.clone()),
        Some(r) => r.clone(),
    };
    let on_focus = {
        let (focus, failure) = (focus.setter(), failure.setter());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let v = select.value();
                focus.set((!v.is_empty()).then_some(v));
                failure.set(None);
            }
        })
    };
    let on_export = {
        let (review, failure) = (review.clone(), failure.setter());
        Callback::from(move |_: MouseEvent| {
            if let Ok(r) = &review {
                failure.set(export(r));
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print_review_only());
    html! {
        <section id="review" class="card review-document" aria-labelledby="review-heading" data-testid="review">
            <h2 id="review-heading">{ t(ReviewMsg::ReviewHeading) }</h2>
            <div class="review-controls form-row no-print">
                <label>
                    { t(ReviewMsg::ReviewOf) }
                    <select id="review-focus" onchange={on_focus} data-testid="review-focus">
                        <option value="" selected={focus_now.is_none()}>{ t(ReviewMsg::WholeSpan) }</option>
                        { for props.report.periods.iter().map(|p| html! {
                            <option value={p.label.clone()} selected={focus_now.as_deref() == Some(p.label.as_str())}>{ &p.label }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="secondary" id="print-review" onclick={on_print} disabled={review.is_err()}>{ t(ReviewMsg::PrintReview) }</button>
                <button type="button" class="secondary" id="export-review" onclick={on_export} disabled={review.is_err()}>{ t(ReviewMsg::ExportReview) }</button>
                if let Some(e) = &*failure {
                    <span class="field-error" role="alert">{ format!("{} {e}", t(ReviewMsg::ExportFailed)) }</span>
                }
            </div>
            { match &review {
                Ok(r) => review_body(r, &super::text::report_notes(&props.report, !props.agreement.revisions.is_empty(), lang), lang),
                Err(e) => html! { <div class="error-box" role="alert">{ format!("{} {e}", t(ReviewMsg::ReviewFailed)) }</div> },
            } }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::engine::{build_report, ReportRequest};
    use sla_core::review::build_review;
    use sla_core::sample;

    fn sample_review(focus: Option<&str>) -> ReviewReport {
        let options = ReviewOptions {
            focus: focus.map(str::to_string),
            ..ReviewOptions::default()
        };
        build_review(
            &sample::sample_agreement(),
            &sample::sample_incidents(),
            &ReportRequest::as_of(sample::sample_as_of()),
            &options,
        )
        .unwrap()
    }

    #[test]
    fn file_names_follow_the_report_exports() {
        let whole = sample_review(None);
        assert_eq!(
            review_file_stem(&whole),
            "sla-review-payments-api-2026-01-01-2026-06-30"
        );
        assert_eq!(
            review_file_stem(&sample_review(Some("2026-05"))),
            "sla-review-payments-api-2026-05"
        );
        let json = review_json(&whole);
        let back: ReviewReport = serde_json::from_str(&json).unwrap();
        assert_eq!(
            (back.schema.as_str(), back.periods.len(), &back.missed),
            ("sla-review/1", whole.periods.len(), &whole.missed)
        );
        assert!(!json.contains("NaN") && !json.contains("Infinity"));
    }

    #[test]
    fn the_matrix_has_every_target_once_and_a_cell_per_period() {
        let review = sample_review(None);
        let rows = target_matrix(&review);
        let distinct: std::collections::HashSet<(String, BreachKind)> = review
            .periods
            .iter()
            .flat_map(|p| p.targets.iter().map(|t| (t.priority.clone(), t.kind)))
            .collect();
        assert_eq!(rows.len(), distinct.len());
        assert!(rows.iter().all(|r| r.cells.len() == review.periods.len()));
        let breached: u64 = rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .map(|c| c.breached)
            .sum();
        assert_eq!(breached, review.total.breaches);
    }

    #[test]
    fn missed_targets_read_in_each_language_with_the_cores_numbers() {
        let review = sample_review(None);
        let report = build_report(
            &sample::sample_agreement(),
            &sample::sample_incidents(),
            &ReportRequest::as_of(sample::sample_as_of()),
        )
        .unwrap();
        let may = report.periods.iter().find(|p| p.label == "2026-05").unwrap();
        let m = review
            .missed
            .iter()
            .find(|m| m.period == "2026-05" && m.kind == MissedKind::Availability)
            .unwrap();
        let en = missed_text(m, &review, Lang::En);
        assert!(
            en.contains(&format::percent(may.figures.availability.availability_percent, 3)),
            "{en}"
        );
        assert!(missed_text(m, &review, Lang::ZhHant).contains("可用性"));
        if let Some(m) = review.missed.iter().find(|m| m.kind != MissedKind::Availability) {
            let zh = missed_text(m, &review, Lang::ZhHans);
            assert!(zh.contains("违约"), "{zh}");
        }
    }
}
