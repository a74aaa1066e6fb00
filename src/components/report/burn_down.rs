//! Error-budget burn-down within one period: the allowed downtime at the start, spent by each
//! stretch of weighted downtime as it happened, against the even-spend line that would end the
//! period at zero. An SVG with a title, a description and a text summary.

use crate::components::{Shared, SharedReport};
use crate::format;
use crate::i18n::{use_lang, Lang};
use chrono::{DateTime, Utc};
use sla_core::engine::DowntimeSegment;
use yew::prelude::*;

crate::messages! { BurnMsg;
    Title => ["Error budget burn-down", "錯誤預算消耗", "错误预算消耗"],
    Period => ["Period", "週期", "周期"],
    Budget => ["budget", "預算", "预算"],
    Even => ["even spend", "平均消耗", "平均消耗"],
    Left => ["left", "剩餘", "剩余"],
    Spent => ["spent", "已用", "已用"],
    ExhaustedAt => ["the budget ran out at", "預算耗盡於", "预算耗尽于"],
    NotExhausted => ["the budget was not exhausted", "預算未耗盡", "预算未耗尽"],
    NoBudget => ["This period allows no downtime.", "此週期不允許停機。", "此周期不允许停机。"],
}

/// Props of [`BurnDown`].
#[derive(Properties, PartialEq)]
pub struct BurnDownProps {
    /// The report (for the periods and their allowed downtime).
    pub report: SharedReport,
    /// The selected period's label.
    pub period: AttrValue,
    /// The downtime stretches inside the selected period, in time order.
    pub segments: Shared<Vec<DowntimeSegment>>,
    /// Zone for showing times.
    pub time_zone: AttrValue,
    /// Called with the label of the period picked.
    pub on_select: Callback<String>,
}

/// One point of the burn-down: an instant and the budget left then, seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BurnPoint {
    /// When.
    pub at: DateTime<Utc>,
    /// Budget left, seconds (negative once overspent).
    pub left: f64,
}

/// The budget left after each stretch: a point at the start of the period, then one at the
/// start and end of each stretch (the budget falls during a stretch), and one at `end`.
pub fn burn_points(start: DateTime<Utc>, end: DateTime<Utc>, allowed: f64, segments: &[DowntimeSegment]) -> Vec<BurnPoint> {
    let mut points = vec![BurnPoint { at: start, left: allowed }];
    let mut left = allowed;
    for s in segments.iter().filter(|s| s.end > start && s.start < end) {
        points.push(BurnPoint { at: s.start.max(start), left });
        left -= s.weighted_seconds();
        points.push(BurnPoint { at: s.end.min(end), left });
    }
    points.push(BurnPoint { at: end, left });
    points
}

/// When the budget first reached zero (linear within the stretch that spent it), if it did.
pub fn exhausted_at(points: &[BurnPoint]) -> Option<DateTime<Utc>> {
    points.windows(2).find_map(|w| {
        let (a, b) = (w[0], w[1]);
        (a.left > 0.0 && b.left <= 0.0).then(|| {
            let share = a.left / (a.left - b.left);
            let span = (b.at - a.at).num_seconds() as f64;
            a.at + chrono::TimeDelta::seconds((span * share).round() as i64)
        })
    })
}

const W: f64 = 560.0;
const H: f64 = 220.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 30.0;

fn dur(lang: Lang, seconds: f64) -> String {
    format::duration_in(lang, seconds.round() as i64)
}

/// The burn-down chart with its period picker.
#[component]
pub fn BurnDown(props: &BurnDownProps) -> Html {
    let lang = use_lang();
    let t = |m: BurnMsg| m.text(lang);
    let report = &props.report;
    let Some(period) = report.periods.iter().find(|p| p.label == props.period.as_str()).or(report.periods.first()) else {
        return html! {};
    };
    let allowed = period.figures.availability.allowed_downtime_seconds as f64;
    let end = period.end.min(report.as_of.max(period.start));
    let points = burn_points(period.start, period.end, allowed, &props.segments);
    let left_now = points.last().map(|p| p.left).unwrap_or(allowed);
    let exhausted = exhausted_at(&points);
    let zone = props.time_zone.to_string();

    let span = (period.end - period.start).num_seconds().max(1) as f64;
    let lowest = points.iter().map(|p| p.left).fold(0.0_f64, f64::min);
    let top_value = allowed.max(1.0);
    let range = top_value - lowest;
    let x = |at: DateTime<Utc>| LEFT + ((at - period.start).num_seconds() as f64 / span).clamp(0.0, 1.0) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (top_value - v) / range * (H - TOP - BOTTOM);
    let path: String = points.iter().enumerate().map(|(i, p)| format!("{}{:.1},{:.1}", if i == 0 { "M" } else { " L" }, x(p.at), y(p.left))).collect();
    let on_change = {
        let cb = props.on_select.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(s.value());
        })
    };
    let summary = format!(
        "{}: {} {}, {} {}, {} {}; {}",
        period.label,
        t(BurnMsg::Budget),
        dur(lang, allowed),
        t(BurnMsg::Spent),
        dur(lang, allowed - left_now),
        t(BurnMsg::Left),
        dur(lang, left_now),
        match exhausted {
            Some(at) => format!("{} {}", t(BurnMsg::ExhaustedAt), format::instant(at, &zone)),
            None => t(BurnMsg::NotExhausted).to_string(),
        }
    );
    html! {
        <figure class="report-chart burn-down" data-testid="burn-down">
            <figcaption>
                <strong>{ t(BurnMsg::Title) }</strong>
                <label class="inline no-print">{ format!(" {} ", t(BurnMsg::Period)) }
                    <select id="burn-period" onchange={on_change}>
                        { for report.periods.iter().map(|p| html! { <option value={p.label.clone()} selected={p.label == period.label}>{ &p.label }</option> }) }
                    </select>
                </label>
            </figcaption>
            if allowed <= 0.0 {
                <p class="subtle">{ t(BurnMsg::NoBudget) }</p>
            } else {
                <svg class="chart-svg burn-svg" viewBox={format!("0 0 {W} {H}")} width="100%" role="img" aria-label={summary.clone()}>
                    <title>{ t(BurnMsg::Title) }</title>
                    <desc>{ &summary }</desc>
                    <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y(0.0))} y2={format!("{:.1}", y(0.0))} />
                    <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y(0.0) + 4.0)} text-anchor="end">{ "0" }</text>
                    <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y(allowed) + 4.0)} text-anchor="end">{ dur(lang, allowed) }</text>
                    if lowest < 0.0 {
                        <text class="tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y(lowest) + 4.0)} text-anchor="end">{ dur(lang, lowest) }</text>
                    }
                    <line class="even-line" x1={format!("{:.1}", x(period.start))} y1={format!("{:.1}", y(allowed))} x2={format!("{:.1}", x(period.end))} y2={format!("{:.1}", y(0.0))}>
                        <title>{ t(BurnMsg::Even) }</title>
                    </line>
                    <path class={classes!("burn-line", (left_now < 0.0).then_some("overspent"))} d={path} />
                    <text class="tick" x={LEFT.to_string()} y={(H - 8.0).to_string()}>{ format::instant(period.start, &zone) }</text>
                    <text class="tick" x={(W - RIGHT).to_string()} y={(H - 8.0).to_string()} text-anchor="end">{ format::instant(end, &zone) }</text>
                </svg>
                <p class="subtle" data-testid="burn-summary">{ summary }{ format!(" ({}: - - -)", t(BurnMsg::Even)) }</p>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn the_budget_falls_by_each_stretch_and_runs_out_inside_one() {
        let seg = |a: &str, b: &str, secs: i64, w: f64| DowntimeSegment { start: t(a), end: t(b), service_seconds: secs, weight_percent: w };
        let segments = vec![
            seg("2026-04-02T00:00:00Z", "2026-04-02T00:30:00Z", 1800, 100.0),
            seg("2026-04-10T00:00:00Z", "2026-04-10T01:00:00Z", 3600, 30.0),
            seg("2026-04-20T00:00:00Z", "2026-04-20T00:20:00Z", 1200, 100.0),
        ];
        let points = burn_points(t("2026-04-01T00:00:00Z"), t("2026-05-01T00:00:00Z"), 2592.0, &segments);
        let lefts: Vec<f64> = points.iter().map(|p| p.left).collect();
        assert_eq!(lefts, vec![2592.0, 2592.0, 792.0, 792.0, -288.0, -288.0, -1488.0, -1488.0]);
        // 792 s left when the 30 % stretch starts; it spends 1080 s over an hour: 792/1080 of
        // 3600 s = 2640 s = 44 min in.
        assert_eq!(exhausted_at(&points), Some(t("2026-04-10T00:44:00Z")));
        let none = burn_points(t("2026-04-01T00:00:00Z"), t("2026-05-01T00:00:00Z"), 2592.0, &segments[..1]);
        assert_eq!(exhausted_at(&none), None);
    }
}
