//! The trends card: availability, MTTR, MTTA, breaches, credits (and satisfaction when the log
//! has scores) per period over the whole history, as small multiples. Each tile has a
//! sparkline with the fitted least-squares line, the values as a table (the chart's text
//! equivalent), the direction of travel as an arrow and a word, and the slope and tolerance that
//! decided it. The trends themselves come from `sla_core::review::trends` (inside the review).

use crate::components::cells;
use super::text::{direction_class, direction_label, fill, metric_name, trend_delta, trend_value, ReviewMsg};
use crate::components::Shared;
use crate::i18n::{use_lang, Lang};
use sla_core::review::{Direction, ReviewReport, Trend, TrendUnit, MIN_TREND_PERIODS};
use yew::prelude::*;

/// Props of [`TrendsCard`].
#[derive(Properties, PartialEq)]
pub struct TrendsCardProps {
    /// The review over the whole span (its trends always cover the whole history).
    pub review: Shared<ReviewReport>,
}

// Sparkline geometry in viewBox units.
const SPARK_W: f64 = 200.0;
const SPARK_H: f64 = 48.0;
const PAD: f64 = 5.0;

/// Where a sparkline draws its points and lines, in viewBox units.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sparkline {
    /// Each period's point `(x, y, fitted)`; periods without a value are skipped.
    pub points: Vec<(f64, f64, bool)>,
    /// Runs of consecutive periods with values, each drawn as one polyline.
    pub runs: Vec<Vec<(f64, f64)>>,
    /// The fitted least-squares line from the first to the last fitted period, when a slope
    /// exists: `y = ȳ + slope × (i − ī)` over the fitted positions `i`.
    pub fit: Option<((f64, f64), (f64, f64))>,
}

/// The sparkline of `trend`: x spreads the periods evenly, y maps the lowest value to the
/// bottom and the highest to the top (a flat series sits in the middle).
pub fn sparkline(trend: &Trend) -> Sparkline {
    let n = trend.points.len();
    let values: Vec<f64> = trend.points.iter().filter_map(|p| p.value).collect();
    if values.is_empty() {
        return Sparkline::default();
    }
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let x = |i: f64| {
        if n <= 1 {
            SPARK_W / 2.0
        } else {
            PAD + (SPARK_W - 2.0 * PAD) * i / (n - 1) as f64
        }
    };
    let y = |v: f64| {
        if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            SPARK_H / 2.0
        } else {
            PAD + (SPARK_H - 2.0 * PAD) * (1.0 - (v - lo) / (hi - lo))
        }
    };
    let mut out = Sparkline::default();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, p) in trend.points.iter().enumerate() {
        match p.value {
            Some(v) => {
                let at = (x(i as f64), y(v));
                out.points.push((at.0, at.1, p.fitted));
                run.push(at);
            }
            None if !run.is_empty() => out.runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.runs.push(run);
    }
    let fitted: Vec<(f64, f64)> = trend
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.fitted)
        .filter_map(|(i, p)| p.value.map(|v| (i as f64, v)))
        .collect();
    if let (Some(slope), Some(first), Some(last)) = (trend.slope_per_period, fitted.first(), fitted.last()) {
        let mx = fitted.iter().map(|p| p.0).sum::<f64>() / fitted.len() as f64;
        let my = fitted.iter().map(|p| p.1).sum::<f64>() / fitted.len() as f64;
        // The line may leave the values' range; clamp it to the drawing.
        let at = |i: f64| (x(i), y(my + slope * (i - mx)).clamp(0.0, SPARK_H));
        out.fit = Some((at(first.0), at(last.0)));
    }
    out
}

fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The method behind a trend's verdict, in words: the slope and tolerance, or why there is no
/// direction.
pub fn trend_detail(trend: &Trend, lang: Lang) -> String {
    match (trend.direction, trend.slope_per_period) {
        (Direction::NotEnoughPeriods, _) | (_, None) => fill(
            ReviewMsg::NotEnoughDetail.text(lang),
            &[
                ("fitted", &trend.fitted_periods.to_string()),
                ("n", &MIN_TREND_PERIODS.to_string()),
            ],
        ),
        (_, Some(slope)) => fill(
            ReviewMsg::SlopeDetail.text(lang),
            &[
                ("slope", &trend_delta(trend.unit, slope, true, lang)),
                ("tol", &trend_delta(trend.unit, trend.tolerance_per_period, false, lang)),
            ],
        ),
    }
}

/// One metric's tile.
fn trend_tile(trend: &Trend, currency: &str, lang: Lang) -> Html {
    let t = |m: ReviewMsg| m.text(lang);
    let spark = sparkline(trend);
    let mut name = metric_name(trend.metric, lang).to_string();
    if trend.unit == TrendUnit::Money && !currency.is_empty() {
        name = format!("{name} ({currency})");
    }
    let shown = |v: Option<f64>| {
        v.map_or_else(
            || t(ReviewMsg::NoValue).to_string(),
            |v| trend_value(trend.unit, v, lang),
        )
    };
    let values: Vec<String> = trend
        .points
        .iter()
        .map(|p| format!("{} {}", p.period, shown(p.value)))
        .collect();
    let label = fill(
        t(ReviewMsg::SparkLabel),
        &[
            ("metric", &name),
            ("values", &values.join(super::text::list_separator(lang))),
            ("direction", &direction_label(trend, lang)),
        ],
    );
    let better = if trend.higher_is_better {
        ReviewMsg::HigherIsBetter
    } else {
        ReviewMsg::LowerIsBetter
    };
    let metric = format!("{:?}", trend.metric).to_ascii_lowercase();
    html! {
        <figure class="trend-tile" data-testid="trend" data-metric={metric.clone()} data-direction={format!("{:?}", trend.direction).to_ascii_lowercase()}>
            <figcaption>
                <strong class="trend-name">{ name.clone() }</strong>
                <span class={classes!("status", "trend-direction", direction_class(trend.direction))} data-testid="trend-direction">
                    { direction_label(trend, lang) }
                </span>
            </figcaption>
            <svg class="sparkline" viewBox={format!("0 0 {SPARK_W} {SPARK_H}")} width="100%"
                role="img" aria-label={label.clone()} focusable="false">
                <title>{ label }</title>
                { for spark.fit.iter().map(|((x1, y1), (x2, y2))| html! {
                    <line class="spark-fit" x1={format!("{x1:.1}")} y1={format!("{y1:.1}")} x2={format!("{x2:.1}")} y2={format!("{y2:.1}")} />
                }) }
                { for spark.runs.iter().map(|run| html! { <polyline class="spark-line" points={polyline(run)} /> }) }
                { for spark.points.iter().map(|(x, y, fitted)| html! {
                    <circle class={if *fitted { "spark-dot" } else { "spark-dot open" }} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="2.6" />
                }) }
            </svg>
            <p class="trend-detail subtle">{ format!("{} · {}", trend_detail(trend, lang), t(better)) }</p>
            <table class="trend-values">
                <caption class="sr-only">{ name }</caption>
                <thead>
                    <tr>{ cells::col(t(ReviewMsg::Period)) }{ cells::num_col(t(ReviewMsg::Value)) }</tr>
                </thead>
                <tbody>
                    { for trend.points.iter().map(|p| html! {
                        <tr data-testid="trend-point">
                            <th scope="row">{ if p.fitted || p.value.is_none() { p.period.clone() } else { format!("{} *", p.period) } }</th>
                            { cells::num(shown(p.value)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

/// The trends card.
#[component]
pub fn TrendsCard(props: &TrendsCardProps) -> Html {
    let lang = use_lang();
    let t = |m: ReviewMsg| m.text(lang);
    let review = &props.review;
    html! {
        <section id="trends" class="card review-card" aria-labelledby="trends-heading" data-testid="trends">
            <h2 id="trends-heading">{ t(ReviewMsg::TrendsHeading) }</h2>
            <p class="subtle">{ t(ReviewMsg::TrendsIntro) }</p>
            <div class="trend-grid">
                { for review.trends.iter().map(|tr| trend_tile(tr, &review.currency, lang)) }
            </div>
            <p class="subtle trend-method" data-testid="trend-method">
                { fill(t(ReviewMsg::TrendsMethod), &[("n", &MIN_TREND_PERIODS.to_string())]) }
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::review::{TrendMetric, TrendPoint};

    fn trend(values: &[Option<f64>], fitted: &[bool], slope: Option<f64>) -> Trend {
        Trend {
            metric: TrendMetric::Availability,
            unit: TrendUnit::Percent,
            higher_is_better: true,
            points: values
                .iter()
                .zip(fitted)
                .enumerate()
                .map(|(i, (v, f))| TrendPoint {
                    period: format!("p{i}"),
                    value: *v,
                    fitted: *f,
                })
                .collect(),
            fitted_periods: fitted.iter().filter(|f| **f).count(),
            mean: None,
            slope_per_period: slope,
            tolerance_per_period: 0.01,
            direction: if slope.is_some() {
                Direction::Improving
            } else {
                Direction::NotEnoughPeriods
            },
        }
    }

    #[test]
    fn sparkline_spans_the_box_and_breaks_at_gaps() {
        let t = trend(
            &[Some(1.0), Some(3.0), None, Some(2.0)],
            &[true, true, false, false],
            None,
        );
        let s = sparkline(&t);
        assert_eq!(s.points.len(), 3);
        // Lowest value at the bottom, highest at the top, first and last period at the edges.
        assert_eq!((s.points[0].0, s.points[0].1), (PAD, SPARK_H - PAD));
        assert_eq!(s.points[1].1, PAD);
        assert_eq!(s.points[2].0, SPARK_W - PAD);
        assert!(!s.points[2].2);
        assert_eq!(s.runs.len(), 2);
        assert_eq!(s.fit, None);
    }

    #[test]
    fn the_fit_line_goes_through_the_mean_with_the_slope() {
        // Values 1, 2, 3 at positions 0, 1, 2: slope 1, the line passes through every point.
        let t = trend(&[Some(1.0), Some(2.0), Some(3.0)], &[true, true, true], Some(1.0));
        let s = sparkline(&t);
        let ((x1, y1), (x2, y2)) = s.fit.unwrap();
        assert!((x1 - s.points[0].0).abs() < 1e-9 && (y1 - s.points[0].1).abs() < 1e-9);
        assert!((x2 - s.points[2].0).abs() < 1e-9 && (y2 - s.points[2].1).abs() < 1e-9);
        // A flat series sits in the middle.
        let flat = sparkline(&trend(&[Some(5.0), Some(5.0)], &[true, true], None));
        assert!(flat.points.iter().all(|p| p.1 == SPARK_H / 2.0));
        assert_eq!(
            sparkline(&trend(&[None, None], &[false, false], None)),
            Sparkline::default()
        );
    }

    #[test]
    fn details_state_the_method_numbers() {
        let t = trend(&[Some(1.0), Some(2.0), Some(3.0)], &[true, true, true], Some(1.0));
        assert_eq!(
            trend_detail(&t, Lang::En),
            "slope +1.000 pp per period; steady within ±0.010 pp"
        );
        let short = trend(&[Some(1.0), Some(2.0)], &[true, true], None);
        assert!(trend_detail(&short, Lang::En).starts_with("2 complete period(s)"));
    }
}
