//! The incidents across the reporting span as an inline SVG timeline: one lane per impact level
//! (plus one for planned or excluded work), bars from start to restore, open incidents up to
//! the as-of time, and the period boundaries as vertical lines.
//!
//! Drawing is bounded: with more than [`MAX_BARS`] incidents, incidents close together in a lane
//! are merged into one bar (see [`layout_timeline`]), and the chart says so, so that a log of
//! 100,000 incidents draws at most a few thousand SVG elements.

use super::text::{fill, list_separator, ReportMsg};
use crate::components::SharedReport;
use crate::i18n::{use_lang, Lang};
use chrono::{DateTime, Utc};
use sla_core::model::{Impact, Incident};
use std::rc::Rc;
use yew::prelude::*;

/// The incident list shared between components; equal when it is the same list (pointer
/// equality), so passing 100,000 incidents as a prop costs no deep comparison.
#[derive(Debug, Clone)]
pub struct SharedIncidents(pub Rc<Vec<Incident>>);

impl PartialEq for SharedIncidents {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Rc<Vec<Incident>>> for SharedIncidents {
    fn from(incidents: Rc<Vec<Incident>>) -> SharedIncidents {
        SharedIncidents(incidents)
    }
}

/// Props of [`IncidentTimeline`].
#[derive(Properties, PartialEq)]
pub struct IncidentTimelineProps {
    /// The report: its span, periods and as-of time.
    pub report: SharedReport,
    /// The incidents the report was computed from.
    pub incidents: SharedIncidents,
    /// The IANA time zone instants are shown in (the agreement's), e.g. "Europe/Berlin".
    pub time_zone: AttrValue,
}

/// The most bars the timeline draws; beyond this, nearby incidents are merged.
pub const MAX_BARS: usize = 2_000;

/// A lane of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Impact: full outage.
    FullOutage,
    /// Impact: partial outage.
    PartialOutage,
    /// Impact: degraded.
    Degraded,
    /// Impact: none.
    NoImpact,
    /// Planned or excluded incidents, whatever their impact.
    PlannedOrExcluded,
}

impl Lane {
    /// Every lane, top to bottom.
    pub const ALL: [Lane; 5] = [Lane::FullOutage, Lane::PartialOutage, Lane::Degraded, Lane::NoImpact, Lane::PlannedOrExcluded];

    /// The lane an incident is drawn in.
    pub fn of(incident: &Incident) -> Lane {
        if incident.planned || incident.excluded {
            return Lane::PlannedOrExcluded;
        }
        match incident.impact {
            Impact::FullOutage => Lane::FullOutage,
            Impact::PartialOutage => Lane::PartialOutage,
            Impact::Degraded => Lane::Degraded,
            Impact::None => Lane::NoImpact,
        }
    }

    fn index(self) -> usize {
        Lane::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    fn name(self) -> ReportMsg {
        match self {
            Lane::FullOutage => ReportMsg::LaneFullOutage,
            Lane::PartialOutage => ReportMsg::LanePartialOutage,
            Lane::Degraded => ReportMsg::LaneDegraded,
            Lane::NoImpact => ReportMsg::LaneNoImpact,
            Lane::PlannedOrExcluded => ReportMsg::LanePlanned,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Lane::FullOutage => "full",
            Lane::PartialOutage => "partial",
            Lane::Degraded => "degraded",
            Lane::NoImpact => "none",
            Lane::PlannedOrExcluded => "planned",
        }
    }
}

/// One drawn bar: a single incident, or several merged.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineBar {
    /// Its lane.
    pub lane: Lane,
    /// Left edge, in units of the plot width (0 = span start).
    pub x0: f64,
    /// Right edge (at least `x0` plus the minimum bar width).
    pub x1: f64,
    /// Incidents in the bar.
    pub count: usize,
    /// Index in the incident list of the (first) incident.
    pub first: usize,
    /// Earliest start of the incidents in the bar.
    pub start: DateTime<Utc>,
    /// Latest end of the incidents in the bar (as-of for open ones).
    pub end: DateTime<Utc>,
    /// Whether any incident in it is still open at as-of.
    pub open: bool,
}

/// What the timeline draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineLayout {
    /// The bars, lane by lane, in time order within a lane.
    pub bars: Vec<TimelineBar>,
    /// Incidents inside the span (and begun by as-of).
    pub in_span: usize,
    /// Of which in each lane, in [`Lane::ALL`] order.
    pub per_lane: [usize; 5],
    /// Of which still open at as-of.
    pub open: usize,
    /// Whether nearby incidents were merged to stay within the bar budget.
    pub merged: bool,
}

/// The narrowest bar drawn, in plot units, so that a one-minute incident stays visible.
pub const MIN_BAR_WIDTH: f64 = 2.0;

/// Lays out the incidents on a plot `width` units wide covering `from..to`.
///
/// An incident is drawn when it began before `as_of` and before `to` and ended (restore, else
/// resolve; `as_of` when still open) after `from`; its bar is clipped to the span. When more
/// than `max_bars` incidents are drawn, bars in a lane whose gap is under
/// `width × lanes / (max_bars − lanes)` are merged, which bounds the bars to `max_bars`.
pub fn layout_timeline(incidents: &[Incident], from: DateTime<Utc>, to: DateTime<Utc>, as_of: DateTime<Utc>, width: f64, max_bars: usize) -> TimelineLayout {
    let span = (to - from).num_seconds();
    if span <= 0 || width <= 0.0 {
        return TimelineLayout::default();
    }
    let x = |t: DateTime<Utc>| ((t - from).num_seconds().clamp(0, span) as f64 / span as f64) * width;
    let mut layout = TimelineLayout::default();
    let mut lanes: [Vec<TimelineBar>; 5] = Default::default();
    for (i, inc) in incidents.iter().enumerate() {
        if inc.start >= as_of || inc.start >= to {
            continue;
        }
        let end_known = inc.downtime_end().filter(|e| *e <= as_of);
        let open = end_known.is_none();
        let end = end_known.unwrap_or(as_of).max(inc.start);
        if end < from || (end == from && inc.start < from) {
            continue;
        }
        let lane = Lane::of(inc);
        layout.in_span += 1;
        layout.per_lane[lane.index()] += 1;
        layout.open += usize::from(open);
        let x0 = x(inc.start);
        let x1 = x(end).max(x0 + MIN_BAR_WIDTH).min(width.max(x0 + MIN_BAR_WIDTH));
        lanes[lane.index()].push(TimelineBar { lane, x0, x1, count: 1, first: i, start: inc.start, end, open });
    }
    let lanes_used = lanes.iter().filter(|l| !l.is_empty()).count().max(1);
    layout.merged = layout.in_span > max_bars;
    let gap = if layout.merged { width * lanes_used as f64 / max_bars.saturating_sub(lanes_used).max(1) as f64 } else { 0.0 };
    for mut bars in lanes {
        sla_core::sort::sort_by(&mut bars, |a, b| a.x0.total_cmp(&b.x0).then(a.first.cmp(&b.first)));
        if !layout.merged {
            layout.bars.extend(bars);
            continue;
        }
        let mut current: Option<TimelineBar> = None;
        for bar in bars {
            match current.as_mut() {
                Some(c) if bar.x0 <= c.x1 + gap => {
                    c.x1 = c.x1.max(bar.x1);
                    c.count += 1;
                    c.start = c.start.min(bar.start);
                    c.end = c.end.max(bar.end);
                    c.open |= bar.open;
                }
                _ => {
                    if let Some(c) = current.replace(bar) {
                        layout.bars.push(c);
                    }
                }
            }
        }
        layout.bars.extend(current);
    }
    layout
}

/// An instant in `zone` (UTC when none), minute precision: `2026-02-10 07:58`.
fn local(at: DateTime<Utc>, zone: Option<sla_core::zone::Zone>) -> String {
    match zone {
        Some(tz) => sla_core::date_text::minutes(&at.with_timezone(&tz).naive_local(), ' '),
        None => sla_core::date_text::minutes(&at.naive_utc(), ' ') + " UTC",
    }
}

/// The one-line text equivalent of the timeline.
fn summary(lang: Lang, layout: &TimelineLayout, from: &str, to: &str, as_of: &str) -> String {
    let t = |m: ReportMsg| m.text(lang);
    let lanes: Vec<String> = Lane::ALL
        .iter()
        .zip(layout.per_lane)
        .filter(|(_, n)| *n > 0)
        .map(|(lane, n)| fill(t(ReportMsg::LaneCount), &[("lane", t(lane.name())), ("n", &n.to_string())]))
        .collect();
    fill(
        t(ReportMsg::TimelineSummary),
        &[
            ("n", &layout.in_span.to_string()),
            ("from", from),
            ("to", to),
            ("lanes", &lanes.join(list_separator(lang))),
            ("open", &layout.open.to_string()),
            ("as_of", as_of),
        ],
    )
}

// Geometry in viewBox units.
const WIDTH: f64 = 1000.0;
const LABELS: f64 = 210.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 34.0;
const LANE_H: f64 = 30.0;
const BAR_H: f64 = 16.0;
const BOTTOM: f64 = 26.0;

/// The incident timeline with its text equivalent.
#[component]
pub fn IncidentTimeline(props: &IncidentTimelineProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let plot_w = WIDTH - LABELS - RIGHT;
    // Keyed on the span, not the report: a target edit makes a new report but the same bars.
    let layout = use_memo((props.incidents.clone(), props.report.from, props.report.to, props.report.as_of), move |(incidents, from, to, as_of)| {
        layout_timeline(&incidents.0, *from, *to, *as_of, plot_w, MAX_BARS)
    });
    let report = &props.report;
    let zone = props.time_zone.parse::<sla_core::zone::Zone>().ok();
    let when = |at: DateTime<Utc>| local(at, zone);
    let text = summary(lang, &layout, &when(report.from), &when(report.to), &when(report.as_of));
    let merged_note = layout.merged.then(|| {
        fill(t(ReportMsg::TimelineMerged), &[("n", &crate::format::grouped(layout.in_span as f64, 0)), ("bars", &crate::format::grouped(layout.bars.len() as f64, 0))])
    });
    if layout.in_span == 0 {
        return html! {
            <figure class="report-chart incident-timeline" data-testid="incident-timeline">
                <figcaption><strong>{ t(ReportMsg::TimelineTitle) }</strong></figcaption>
                <p class="subtle" data-testid="timeline-summary">{ t(ReportMsg::NoIncidentsInSpan) }</p>
            </figure>
        };
    }

    let lanes: Vec<Lane> = Lane::ALL.iter().copied().filter(|l| layout.per_lane[l.index()] > 0).collect();
    let lane_row = |lane: Lane| lanes.iter().position(|l| *l == lane).unwrap_or(0);
    let height = TOP + LANE_H * lanes.len() as f64 + BOTTOM;
    let plot_bottom = TOP + LANE_H * lanes.len() as f64;
    let span = (report.to - report.from).num_seconds().max(1) as f64;
    let sx = |at: DateTime<Utc>| LABELS + ((at - report.from).num_seconds() as f64 / span).clamp(0.0, 1.0) * plot_w;
    let label_every = ((report.periods.len() as f64 * 80.0 / plot_w).ceil() as usize).max(1);
    let open_word = t(ReportMsg::Open);
    let aria = format!("{}. {text}{}", t(ReportMsg::TimelineTitle), merged_note.as_deref().map(|n| format!(" {n}")).unwrap_or_default());

    html! {
        <figure class="report-chart incident-timeline" data-testid="incident-timeline">
            <figcaption><strong>{ t(ReportMsg::TimelineTitle) }</strong></figcaption>
            <div class="chart-scroll">
                <svg class="chart-svg timeline-svg" viewBox={format!("0 0 {WIDTH} {height}")} width="100%" preserveAspectRatio="xMidYMid meet"
                    role="img" aria-label={aria} focusable="false">
                    <title>{ t(ReportMsg::TimelineTitle) }</title>
                    <desc>{ format!("{text} {}", t(ReportMsg::TimelineHowToRead)) }</desc>
                    <defs>
                        <pattern id="tl-partial" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                            <rect width="6" height="6" class="tl-partial-bg" />
                            <line x1="0" y1="0" x2="0" y2="6" class="tl-partial-line" />
                        </pattern>
                        <pattern id="tl-degraded" patternUnits="userSpaceOnUse" width="5" height="5">
                            <rect width="5" height="5" class="tl-degraded-bg" />
                            <circle cx="2.5" cy="2.5" r="1.1" class="tl-degraded-dot" />
                        </pattern>
                        <pattern id="tl-planned" patternUnits="userSpaceOnUse" width="6" height="6">
                            <rect width="6" height="6" class="tl-planned-bg" />
                            <path d="M0 0 L6 6 M6 0 L0 6" class="tl-planned-line" />
                        </pattern>
                        <marker id="tl-open-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto">
                            <path d="M0 0 L10 5 L0 10 z" class="tl-open-arrow" />
                        </marker>
                    </defs>
                    // Lanes and their names.
                    <g class="lanes" aria-hidden="true">
                        { for lanes.iter().enumerate().map(|(row, lane)| {
                            let y = TOP + LANE_H * row as f64;
                            html! {
                                <g>
                                    <rect class={classes!("lane-bg", (row % 2 == 1).then_some("alt"))} x={LABELS.to_string()} y={y.to_string()} width={plot_w.to_string()} height={LANE_H.to_string()} />
                                    <text class="lane-label" x={(LABELS - 8.0).to_string()} y={(y + LANE_H / 2.0 + 5.0).to_string()} text-anchor="end">
                                        { format!("{} ({})", t(lane.name()), layout.per_lane[lane.index()]) }
                                    </text>
                                </g>
                            }
                        }) }
                    </g>
                    // Period boundaries and labels.
                    <g class="periods" aria-hidden="true">
                        { for report.periods.iter().enumerate().map(|(i, p)| {
                            let x0 = sx(p.start);
                            let x1 = sx(p.end);
                            html! {
                                <g>
                                    <line class="period-line" x1={format!("{x0:.2}")} x2={format!("{x0:.2}")} y1={(TOP - 6.0).to_string()} y2={plot_bottom.to_string()} />
                                    { if i % label_every == 0 { html! {
                                        <text class="period-label" x={format!("{:.2}", (x0 + x1) / 2.0)} y={(TOP - 10.0).to_string()} text-anchor="middle">{ &p.label }</text>
                                    } } else { html! {} } }
                                </g>
                            }
                        }) }
                        <line class="period-line" x1={format!("{:.2}", LABELS + plot_w)} x2={format!("{:.2}", LABELS + plot_w)} y1={(TOP - 6.0).to_string()} y2={plot_bottom.to_string()} />
                        { if report.as_of < report.to { html! {
                            <g class="as-of">
                                <line class="as-of-line" x1={format!("{:.2}", sx(report.as_of))} x2={format!("{:.2}", sx(report.as_of))} y1={TOP.to_string()} y2={plot_bottom.to_string()} />
                                <text class="as-of-label" x={format!("{:.2}", sx(report.as_of))} y={(plot_bottom + 15.0).to_string()} text-anchor="middle">{ t(ReportMsg::AsOf) }</text>
                            </g>
                        } } else { html! {} } }
                    </g>
                    // The incidents.
                    <g class="incident-bars">
                        { for layout.bars.iter().map(|bar| {
                            let y = TOP + LANE_H * lane_row(bar.lane) as f64 + (LANE_H - BAR_H) / 2.0;
                            let fill_ref = match bar.lane {
                                Lane::PartialOutage => Some("url(#tl-partial)"),
                                Lane::Degraded => Some("url(#tl-degraded)"),
                                Lane::PlannedOrExcluded => Some("url(#tl-planned)"),
                                _ => None,
                            };
                            let end_text = if bar.open { open_word.to_string() } else { when(bar.end) };
                            let title = if bar.count == 1 {
                                let inc = &props.incidents.0[bar.first];
                                format!("{} {} — {}: {} → {}", inc.id, inc.title, t(bar.lane.name()), when(bar.start), end_text)
                            } else {
                                let mut s = fill(t(ReportMsg::MergedBarTitle), &[("n", &bar.count.to_string()), ("from", &when(bar.start)), ("to", &when(bar.end))]);
                                s.push_str(&format!(" — {}", t(bar.lane.name())));
                                if bar.open {
                                    s.push_str(&format!(" ({open_word})"));
                                }
                                s
                            };
                            let x0 = LABELS + bar.x0;
                            let x1 = LABELS + bar.x1;
                            html! {
                                <g class={classes!("tl-bar", bar.lane.class(), bar.open.then_some("open"))} data-testid="timeline-bar">
                                    <rect x={format!("{x0:.2}")} y={format!("{y:.2}")} width={format!("{:.2}", x1 - x0)} height={BAR_H.to_string()} fill={fill_ref}>
                                        <title>{ title }</title>
                                    </rect>
                                    { if bar.open { html! {
                                        <line class="tl-open" x1={format!("{x1:.2}")} x2={format!("{:.2}", x1 + 6.0)} y1={format!("{:.2}", y + BAR_H / 2.0)} y2={format!("{:.2}", y + BAR_H / 2.0)} marker-end="url(#tl-open-arrow)" />
                                    } } else { html! {} } }
                                </g>
                            }
                        }) }
                    </g>
                </svg>
            </div>
            <p class="subtle" data-testid="timeline-summary">{ text }</p>
            { match merged_note { Some(note) => html! { <p class="subtle" data-testid="timeline-merged">{ note }</p> }, None => html! {} } }
            <p class="chart-legend subtle" aria-hidden="true">
                { for lanes.iter().map(|lane| html! {
                    <span class="legend-item"><span class={classes!("swatch", "tl", lane.class())}></span>{ t(lane.name()) }</span>
                }) }
                { if layout.open > 0 { html! { <span class="legend-item">{ format!("→ {open_word}") }</span> } } else { html! {} } }
            </p>
            <p class="subtle chart-note">{ t(ReportMsg::TimelineHowToRead) }</p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, hour, 0, 0).unwrap()
    }

    fn incident(id: &str, start: DateTime<Utc>, restored: Option<DateTime<Utc>>) -> Incident {
        Incident { restored, ..Incident::new(id, start) }
    }

    #[test]
    fn bars_are_clipped_open_ones_run_to_as_of() {
        let from = at(1, 0);
        let to = at(31, 0);
        let as_of = at(21, 0);
        let incidents = vec![
            incident("before", at(1, 0) - TimeDelta::days(2), Some(at(2, 0))),
            incident("inside", at(10, 0), Some(at(10, 12))),
            incident("open", at(20, 0), None),
            incident("future", at(22, 0), None),
            incident("ended-before", at(1, 0) - TimeDelta::days(3), Some(at(1, 0) - TimeDelta::days(2))),
            incident("restored-after-as-of", at(20, 12), Some(at(25, 0))),
        ];
        let l = layout_timeline(&incidents, from, to, as_of, 300.0, MAX_BARS);
        assert_eq!(l.in_span, 4);
        assert_eq!(l.open, 2);
        assert!(!l.merged);
        let before = l.bars.iter().find(|b| b.first == 0).unwrap();
        assert_eq!(before.x0, 0.0);
        let open = l.bars.iter().find(|b| b.first == 2).unwrap();
        assert!(open.open);
        assert_eq!(open.end, as_of);
        assert!((open.x1 - 200.0).abs() < 1e-9, "{open:?}");
        let short = l.bars.iter().find(|b| b.first == 1).unwrap();
        assert!(short.x1 - short.x0 >= MIN_BAR_WIDTH);
    }

    #[test]
    fn huge_lists_are_merged_within_the_budget() {
        let from = at(1, 0);
        let to = from + TimeDelta::days(180);
        let as_of = to;
        let incidents: Vec<Incident> = (0..100_000)
            .map(|i| {
                let start = from + TimeDelta::minutes(i * 2);
                let mut inc = incident(&format!("I{i}"), start, Some(start + TimeDelta::minutes(1)));
                inc.impact = [Impact::FullOutage, Impact::PartialOutage, Impact::Degraded, Impact::None][i as usize % 4];
                inc.planned = i % 97 == 0;
                inc
            })
            .collect();
        let l = layout_timeline(&incidents, from, to, as_of, 834.0, MAX_BARS);
        assert!(l.merged);
        assert_eq!(l.in_span, 100_000);
        assert!(l.bars.len() <= MAX_BARS, "{}", l.bars.len());
        assert_eq!(l.bars.iter().map(|b| b.count).sum::<usize>(), 100_000);
        // Spread-out incidents: still within the budget.
        let sparse: Vec<Incident> = (0..5_000).map(|i| incident("x", from + TimeDelta::minutes(i * 51), Some(from + TimeDelta::minutes(i * 51 + 1)))).collect();
        let l = layout_timeline(&sparse, from, to, as_of, 834.0, MAX_BARS);
        assert!(l.bars.len() <= MAX_BARS, "{}", l.bars.len());
    }

    #[test]
    fn an_empty_span_draws_nothing() {
        let l = layout_timeline(&[incident("a", at(2, 0), None)], at(3, 0), at(3, 0), at(3, 0), 100.0, MAX_BARS);
        assert_eq!(l, TimelineLayout::default());
    }
}
