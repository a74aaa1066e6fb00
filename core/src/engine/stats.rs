//! Distribution summaries of durations: mean, nearest-rank median and 90th percentile.

use crate::report::DurationStats;

/// Summarises `samples` (reordered in place, O(n) by selection):
/// mean = `round(Σx / n)`; the p-th percentile by the **nearest-rank** method is the sample of
/// rank `⌈p/100 · n⌉` in ascending order (so the median of 1, 2, 3, 4 is 2, and the 90th
/// percentile of 10 samples is the 9th). `None` for no samples.
///
/// ```
/// use sla_core::engine::duration_stats;
/// let s = duration_stats(&mut [40, 10, 30, 20]).unwrap();
/// assert_eq!((s.count, s.mean_seconds, s.median_seconds, s.p90_seconds), (4, 25, 20, 40));
/// ```
pub fn duration_stats(samples: &mut [i64]) -> Option<DurationStats> {
    let n = samples.len();
    if n == 0 {
        return None;
    }
    let sum: i128 = samples.iter().map(|&x| x as i128).sum();
    let n128 = n as i128;
    // Round half away from zero.
    let mean = if sum >= 0 { (2 * sum + n128) / (2 * n128) } else { -((-2 * sum + n128) / (2 * n128)) };
    let median_idx = n.div_ceil(2) - 1;
    let p90_idx = (9 * n).div_ceil(10) - 1;
    let (_, median, rest) = samples.select_nth_unstable(median_idx);
    let median = *median;
    let p90 = if p90_idx == median_idx {
        median
    } else {
        // p90_idx > median_idx: it lies in `rest`, which holds the larger samples.
        let k = p90_idx - median_idx - 1;
        *rest.select_nth_unstable(k).1
    };
    Some(DurationStats { count: n as u64, mean_seconds: mean as i64, median_seconds: median, p90_seconds: p90 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nearest_rank_examples() {
        assert_eq!(duration_stats(&mut []), None);
        let s = duration_stats(&mut [7]).unwrap();
        assert_eq!((s.mean_seconds, s.median_seconds, s.p90_seconds), (7, 7, 7));
        // 1..=10: mean 5.5 → 6, median rank ⌈5⌉ = 5 → 5, p90 rank ⌈9⌉ = 9 → 9.
        let mut v: Vec<i64> = (1..=10).rev().collect();
        let s = duration_stats(&mut v).unwrap();
        assert_eq!((s.mean_seconds, s.median_seconds, s.p90_seconds), (6, 5, 9));
        // 11 samples: p90 rank ⌈9.9⌉ = 10.
        let mut v: Vec<i64> = (1..=11).collect();
        assert_eq!(duration_stats(&mut v).unwrap().p90_seconds, 10);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn matches_sorting(mut v in proptest::collection::vec(0i64..1_000_000, 1..200)) {
            let mut sorted = v.clone();
            sorted.sort();
            let n = v.len();
            let s = duration_stats(&mut v).unwrap();
            prop_assert_eq!(s.median_seconds, sorted[n.div_ceil(2) - 1]);
            prop_assert_eq!(s.p90_seconds, sorted[(9 * n).div_ceil(10) - 1]);
        }
    }
}
