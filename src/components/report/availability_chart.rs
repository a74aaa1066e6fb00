//! Availability per period as an inline SVG bar chart against the target line, with a
//! visually hidden table of the same data for screen readers.
//!
//! Bars that meet the target are solid and marked ✓; bars that miss it are hatched and marked
//! ✕; each bar's `<title>` says the verdict in words. The vertical axis starts near the lowest
//! value (see [`axis_range`]) so that differences of tenths of a percent are visible, and the
//! chart says so.

use crate::components::cells;
use super::text::{fill, list_separator, ReportMsg};
use crate::components::SharedReport;
use crate::format;
use crate::i18n::use_lang;
use yew::prelude::*;

/// Props of [`AvailabilityChart`].
#[derive(Properties, PartialEq)]
pub struct AvailabilityChartProps {
    /// The report whose periods are charted.
    pub report: SharedReport,
}

/// The vertical axis of the chart: from `lo` to `hi` percent, ticks every `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisRange {
    /// Bottom of the axis, percent.
    pub lo: f64,
    /// Top of the axis, percent (always 100).
    pub hi: f64,
    /// Distance between ticks, percent.
    pub step: f64,
    /// Decimals needed to write a tick.
    pub decimals: usize,
}

impl AxisRange {
    /// The tick values from `lo` to `hi`, inclusive.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round().max(1.0) as usize;
        (0..=n).map(|i| round_to(self.lo + i as f64 * self.step, self.decimals)).collect()
    }

    /// Where `value` sits on the axis, 0 at `lo` and 1 at `hi` (clamped).
    pub fn fraction(&self, value: f64) -> f64 {
        if !value.is_finite() || self.hi <= self.lo {
            return 0.0;
        }
        ((value - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
    }
}

fn round_to(v: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}

/// The smallest "nice" step (1, 2, 2.5 or 5 × 10ᵏ) at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = raw.max(0.001);
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * magnitude >= raw * (1.0 - 1e-9) {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

/// The axis for availabilities `values` and the target: the top is 100 %; the bottom is the
/// lowest of the values and the target, less half a step, rounded down to a whole step, and
/// never below 0. The step is a nice number giving about four intervals, so 99.43 % against a
/// 99.9 % target gives an axis 99.2–100 % in steps of 0.2.
pub fn axis_range(values: &[f64], target: f64) -> AxisRange {
    let lowest = values.iter().copied().chain(std::iter::once(target)).filter(|v| v.is_finite()).fold(100.0f64, f64::min).clamp(0.0, 100.0);
    let step = nice_step((100.0 - lowest).max(0.01) / 4.0);
    let lo = (((lowest - step / 2.0) / step).floor() * step).max(0.0);
    let decimals = (0..=6usize).find(|&d| {
        let scaled = step * 10f64.powi(d as i32);
        (scaled - scaled.round()).abs() < 1e-6
    }).unwrap_or(6);
    AxisRange { lo: round_to(lo, decimals), hi: 100.0, step, decimals }
}

// Chart geometry in viewBox units.
const WIDTH: f64 = 560.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 112.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 40.0;

/// The availability chart with its text equivalents.
#[component]
pub fn AvailabilityChart(props: &AvailabilityChartProps) -> Html {
    let lang = use_lang();
    let t = |m: ReportMsg| m.text(lang);
    let report = &props.report;
    let periods = &report.periods;
    // Each period has the target of the version in force then; the line steps where it changes
    // and its label gives the latest.
    let target = periods.last().map_or(report.agreement.availability_target_percent, |p| p.figures.availability.target_percent);
    let lowest_target = periods.iter().map(|p| p.figures.availability.target_percent).fold(target, f64::min);
    let values: Vec<f64> = periods.iter().map(|p| p.figures.availability.availability_percent).collect();
    let axis = axis_range(&values, lowest_target);
    let pct = |v: f64| format::percent(v, 2);
    let tick_text = |v: f64| format!("{v:.*}", axis.decimals);

    let missed: Vec<String> = periods
        .iter()
        .filter(|p| !p.figures.availability.met)
        .map(|p| format!("{} ({})", p.label, pct(p.figures.availability.availability_percent)))
        .collect();
    let summary = {
        let mut s = fill(
            t(ReportMsg::AvailChartSummary),
            &[
                ("n", &periods.len().to_string()),
                ("target", &pct(target)),
                ("met", &(periods.len() - missed.len()).to_string()),
                ("missed", &missed.len().to_string()),
            ],
        );
        if !missed.is_empty() {
            s.push(' ');
            s.push_str(&fill(t(ReportMsg::AvailMissedList), &[("list", &missed.join(list_separator(lang)))]));
        }
        s
    };
    let axis_note = fill(t(ReportMsg::AvailAxisNote), &[("lo", &format!("{} %", tick_text(axis.lo)))]);

    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - axis.fraction(v));
    let n = periods.len().max(1);
    let slot = plot_w / n as f64;
    let bar_w = (slot * 0.62).min(64.0);
    let show_values = slot >= 52.0;
    // Write every k-th period label so that labels (about 50 units wide) do not overlap.
    let label_every = ((n as f64 * 60.0 / plot_w).ceil() as usize).max(1);
    let target_y = y(target);
    // The target line as one step per period ("M x y H x' ..."), spanning the whole plot.
    let target_path = {
        let mut d = String::new();
        for (i, p) in periods.iter().enumerate() {
            let (x0, x1) = (LEFT + slot * i as f64, LEFT + slot * (i + 1) as f64);
            let ty = y(p.figures.availability.target_percent);
            d.push_str(&if i == 0 { format!("M{x0:.2} {ty:.2}") } else { format!(" V{ty:.2}") });
            d.push_str(&format!(" H{:.2}", if i + 1 == periods.len() { WIDTH - RIGHT + 2.0 } else { x1 }));
        }
        if d.is_empty() {
            d = format!("M{LEFT} {target_y:.2} H{:.2}", WIDTH - RIGHT + 2.0);
        }
        d
    };

    html! {
        <figure class="report-chart availability-chart" data-testid="availability-chart">
            <figcaption><strong>{ t(ReportMsg::AvailChartTitle) }</strong></figcaption>
            <div class="chart-scroll">
            <svg class="chart-svg avail-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} width="100%" preserveAspectRatio="xMidYMid meet"
                role="img" aria-label={format!("{}. {summary} {axis_note}", t(ReportMsg::AvailChartTitle))} focusable="false">
                <title>{ t(ReportMsg::AvailChartTitle) }</title>
                <desc>{ format!("{summary} {axis_note}") }</desc>
                <defs>
                    <pattern id="avail-missed-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="hatch-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                    </pattern>
                </defs>
                // Axis, ticks and grid.
                <g class="axis" aria-hidden="true">
                    { for axis.ticks().into_iter().map(|v| html! {
                        <g>
                            <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={format!("{:.2}", y(v))} y2={format!("{:.2}", y(v))} />
                            <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.2}", y(v) + 4.0)} text-anchor="end">{ tick_text(v) }</text>
                        </g>
                    }) }
                    <line class="axis-line" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={(TOP + plot_h).to_string()} />
                    <text class="axis-title" x="4" y={(TOP - 12.0).to_string()}>{ t(ReportMsg::AvailAxisLabel) }</text>
                </g>
                // One bar per period.
                <g class="bars">
                    { for periods.iter().enumerate().map(|(i, p)| {
                        let a = &p.figures.availability;
                        let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                        let top = y(a.availability_percent);
                        let height = (TOP + plot_h - top).max(1.0);
                        let verdict = if a.met { t(ReportMsg::Met) } else { t(ReportMsg::Missed) };
                        let marker = if a.met { "✓" } else { "✕" };
                        let title = fill(t(ReportMsg::BarTitle), &[("period", &p.label), ("value", &format::percent(a.availability_percent, 3)),
                            ("verdict", verdict), ("target", &pct(a.target_percent))]);
                        let cx = x + bar_w / 2.0;
                        html! {
                            <g class={classes!("bar-group", if a.met { "met" } else { "missed" })} data-testid="availability-bar" data-met={a.met.to_string()}>
                                <rect class={classes!("bar", if a.met { "met" } else { "missed" }, (!p.complete).then_some("to-date"))}
                                    x={format!("{x:.2}")} y={format!("{top:.2}")} width={format!("{bar_w:.2}")} height={format!("{height:.2}")}
                                    fill={if a.met { None } else { Some("url(#avail-missed-hatch)") }}>
                                    <title>{ title }</title>
                                </rect>
                                <text class={classes!("marker", if a.met { "met" } else { "missed" })} x={format!("{cx:.2}")} y={format!("{:.2}", top - 5.0)} text-anchor="middle" aria-hidden="true">
                                    { if show_values { format!("{marker} {:.2}", a.availability_percent) } else { marker.to_string() } }
                                </text>
                                { if i % label_every == 0 { html! {
                                    <text class="period-label" x={format!("{cx:.2}")} y={(TOP + plot_h + 16.0).to_string()} text-anchor="middle" aria-hidden="true">
                                        { if p.complete { p.label.clone() } else { format!("{}*", p.label) } }
                                    </text>
                                } } else { html! {} } }
                            </g>
                        }
                    }) }
                </g>
                // The target line.
                <g class="target" aria-hidden="true">
                    <path class="target-line" d={target_path} fill="none" />
                    <text class="target-label" x={(WIDTH - RIGHT + 6.0).to_string()} y={format!("{:.2}", target_y + 4.0)} text-anchor="start">
                        { fill(t(ReportMsg::TargetLineLabel), &[("target", &pct(target))]) }
                    </text>
                </g>
            </svg>
            </div>
            <p class="chart-legend subtle" aria-hidden="true">
                <span class="legend-item met"><span class="swatch met"></span>{ t(ReportMsg::LegendMet) }</span>
                <span class="legend-item missed"><span class="swatch missed"></span>{ t(ReportMsg::LegendMissed) }</span>
                <span class="legend-item target"><span class="swatch target"></span>{ t(ReportMsg::LegendTarget) }</span>
                { if periods.iter().any(|p| !p.complete) { html! { <span class="legend-item">{ format!("* {}", t(ReportMsg::ToDate)) }</span> } } else { html! {} } }
            </p>
            <p class="subtle chart-note">{ axis_note.clone() }</p>
            <div class="sr-only">
            <table data-testid="availability-data">
                <caption>{ format!("{} — {}", t(ReportMsg::AvailChartTitle), t(ReportMsg::AvailTableCaption)) }</caption>
                <thead>
                    <tr>
                        { cells::col(t(ReportMsg::Period)) }
                        { cells::col(t(ReportMsg::Availability)) }
                        { cells::col(t(ReportMsg::Target)) }
                        { cells::col(t(ReportMsg::Result)) }
                    </tr>
                </thead>
                <tbody>
                    { for periods.iter().map(|p| {
                        let a = &p.figures.availability;
                        html! {
                            <tr>
                                <th scope="row">{ if p.complete { p.label.clone() } else { format!("{} ({})", p.label, t(ReportMsg::ToDate)) } }</th>
                                { cells::td(format::percent(a.availability_percent, 3)) }
                                { cells::td(pct(a.target_percent)) }
                                <td>{ if a.met { t(ReportMsg::Met) } else { t(ReportMsg::Missed) } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_shows_tenths_of_a_percent() {
        let a = axis_range(&[99.95, 99.74, 99.43], 99.9);
        assert_eq!((a.lo, a.hi, a.step, a.decimals), (99.2, 100.0, 0.2, 1));
        assert_eq!(a.ticks(), vec![99.2, 99.4, 99.6, 99.8, 100.0]);
        assert!(a.fraction(99.43) > 0.0 && a.fraction(99.43) < a.fraction(99.9));
    }

    #[test]
    fn axis_for_perfect_and_for_poor_months() {
        // All 100 % with a 99.99 % target: a tiny range, still below the target.
        let a = axis_range(&[100.0, 100.0], 99.99);
        assert!(a.lo < 99.99 && a.lo >= 99.9, "{a:?}");
        assert!(a.decimals >= 2);
        // A very bad month: the axis goes down to it, never below 0.
        let a = axis_range(&[12.0], 99.0);
        assert!(a.lo <= 12.0 && a.lo >= 0.0, "{a:?}");
        assert_eq!(a.decimals, 0);
        let a = axis_range(&[0.0], 99.0);
        assert_eq!(a.lo, 0.0);
        assert_eq!(*a.ticks().last().unwrap(), 100.0);
        // NaN is ignored.
        let a = axis_range(&[f64::NAN], 99.5);
        assert!(a.lo < 99.5);
    }

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(0.1425), 0.2);
        assert_eq!(nice_step(0.0025), 0.0025);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(25.0), 25.0);
        let a = axis_range(&[99.7], 99.95);
        for t in a.ticks() {
            assert!(format!("{t:.*}", a.decimals).parse::<f64>().unwrap() == t);
        }
    }
}
