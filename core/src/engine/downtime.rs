//! Downtime: the incidents' outage spans merged into one timeline, each instant counted once at
//! the highest weight present, kept only inside service time, and split between periods.
//!
//! One sort of packed `u64` events (offset << 3 | level << 1 | is_start), one sweep, one O(log n)
//! calendar look-up per merged segment and period boundary: no allocation per incident.

use crate::calendar::ServiceCalendar;
use crate::model::{Impact, Incident};

/// Impact level index: none 0, degraded 1, partial outage 2, full outage 3.
pub(crate) fn level(impact: Impact) -> usize {
    match impact {
        Impact::None => 0,
        Impact::Degraded => 1,
        Impact::PartialOutage => 2,
        Impact::FullOutage => 3,
    }
}

/// Seconds of service time per period and per dominant level (index 1..=3; 0 unused).
///
/// An incident's outage is `[start, min(restored ?? resolved ?? as_of, as_of))`, clipped to
/// `[from, until)`; planned or excluded incidents and levels whose weight (`weights_micro`,
/// millionths) is 0 add nothing. At each instant the level with the highest weight among the
/// incidents present counts (ties: the more severe level). `period_ends` are the exclusive
/// ends of consecutive periods starting at `from`.
#[cfg(test)]
pub(crate) fn downtime_by_period(
    incidents: &[Incident],
    weights_micro: &[i64; 4],
    period_ends: &[i64],
    calendar: &ServiceCalendar,
    from: i64,
    until: i64,
    as_of: i64,
) -> Vec<[i64; 4]> {
    let mut events = Vec::new();
    for inc in incidents {
        push_events(&mut events, inc, weights_micro, from, until, as_of);
    }
    sweep(events, weights_micro, period_ends, calendar, from)
}

/// Appends the start and end events of one incident's outage (nothing for planned, excluded,
/// zero-weight or empty ones).
#[inline]
pub(crate) fn push_events(events: &mut Vec<u64>, inc: &Incident, weights_micro: &[i64; 4], from: i64, until: i64, as_of: i64) {
    if inc.planned || inc.excluded {
        return;
    }
    let lvl = level(inc.impact);
    if lvl == 0 || weights_micro[lvl] <= 0 {
        return;
    }
    let start = inc.start.timestamp().max(from);
    let end = inc.downtime_end().map_or(as_of, |e| e.timestamp().min(as_of)).min(until);
    if end <= start {
        return;
    }
    let code = (lvl as u64) << 1;
    events.push(((start - from) as u64) << 3 | code | 1);
    events.push(((end - from) as u64) << 3 | code);
}

/// Sorts the events and sweeps them into seconds of service time per period and level.
pub(crate) fn sweep(mut events: Vec<u64>, weights_micro: &[i64; 4], period_ends: &[i64], calendar: &ServiceCalendar, from: i64) -> Vec<[i64; 4]> {
    let mut out = vec![[0i64; 4]; period_ends.len()];
    radix_sort(&mut events);

    // Levels by weight, highest first; a tie goes to the more severe level.
    let mut order = [3usize, 2, 1];
    crate::sort::sort_positions(&mut order, &|a, b| weights_micro[b].cmp(&weights_micro[a]).then(b.cmp(&a)));

    let mut counts = [0i64; 4];
    let mut current = 0usize;
    let mut prev = 0i64;
    let mut p = 0usize;
    for ev in events {
        let t = (ev >> 3) as i64;
        if t != prev {
            if current != 0 {
                // Emit [prev, t) at `current`, split at period ends.
                let (mut a, b) = (prev + from, t + from);
                while a < b {
                    while p < period_ends.len() && period_ends[p] <= a {
                        p += 1;
                    }
                    let Some(&pend) = period_ends.get(p) else { break };
                    let e = b.min(pend);
                    out[p][current] += calendar.seconds_between_ts(a, e);
                    a = e;
                }
            }
            prev = t;
        }
        let lvl = ((ev >> 1) & 3) as usize;
        if ev & 1 == 1 {
            counts[lvl] += 1;
        } else {
            counts[lvl] -= 1;
        }
        current = order.iter().copied().find(|&l| counts[l] > 0).unwrap_or(0);
    }
    out
}

/// Sorts `u64` keys ascending: least-significant-digit radix sort with 11-bit digits, only over
/// the bits the largest key uses (a year of offsets needs 3 passes). Small inputs use the
/// standard sort.
pub(crate) fn radix_sort(keys: &mut Vec<u64>) {
    const DIGIT: u32 = 11;
    const BUCKETS: usize = 1 << DIGIT;
    if keys.len() < 4096 {
        keys.sort_unstable();
        return;
    }
    let bits = 64 - keys.iter().copied().max().unwrap_or(0).leading_zeros();
    let mut src = std::mem::take(keys);
    let mut dst = vec![0u64; src.len()];
    let mut shift = 0;
    while shift < bits {
        let mut offsets = [0usize; BUCKETS];
        for &k in &src {
            offsets[((k >> shift) as usize) & (BUCKETS - 1)] += 1;
        }
        let mut sum = 0;
        for o in offsets.iter_mut() {
            let c = *o;
            *o = sum;
            sum += c;
        }
        for &k in &src {
            let d = ((k >> shift) as usize) & (BUCKETS - 1);
            dst[offsets[d]] = k;
            offsets[d] += 1;
        }
        std::mem::swap(&mut src, &mut dst);
        shift += DIGIT;
    }
    *keys = src;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Interval;
    use chrono::DateTime;

    fn inc(start: i64, end: i64, impact: Impact) -> Incident {
        let mut i = Incident::new("x", DateTime::from_timestamp(start, 0).unwrap());
        i.restored = DateTime::from_timestamp(end, 0);
        i.impact = impact;
        i
    }

    #[test]
    fn overlaps_count_once_at_the_highest_weight() {
        let cal = ServiceCalendar::from_intervals(Interval::new(0, 1000), vec![Interval::new(0, 1000)]);
        let w = [0, 0, 300_000, 1_000_000];
        // partial 0–100, full 50–80, partial 90–120, degraded (weight 0) 200–300.
        let v = [
            inc(0, 100, Impact::PartialOutage),
            inc(50, 80, Impact::FullOutage),
            inc(90, 120, Impact::PartialOutage),
            inc(200, 300, Impact::Degraded),
        ];
        let d = downtime_by_period(&v, &w, &[500, 1000], &cal, 0, 1000, 1000);
        // full 30 s; partial 0–50 + 80–120 = 90 s.
        assert_eq!(d[0], [0, 0, 90, 30]);
        assert_eq!(d[1], [0; 4]);
    }

    #[test]
    fn radix_sort_matches_the_standard_sort() {
        let mut x = 0x1234_5678u64;
        let mut v: Vec<u64> = (0..20_000)
            .map(|i| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                if i % 3 == 0 { x >> 20 } else { x >> 40 }
            })
            .collect();
        let mut expected = v.clone();
        expected.sort_unstable();
        radix_sort(&mut v);
        assert_eq!(v, expected);
        let mut small = vec![3u64, 1, 2];
        radix_sort(&mut small);
        assert_eq!(small, [1, 2, 3]);
    }

    #[test]
    fn split_at_period_ends_and_service_time() {
        // Service only 0–100 and 150–1000.
        let cal = ServiceCalendar::from_intervals(Interval::new(0, 1000), vec![Interval::new(0, 100), Interval::new(150, 1000)]);
        let w = [0, 0, 300_000, 1_000_000];
        let v = [inc(80, 600, Impact::FullOutage)];
        let d = downtime_by_period(&v, &w, &[500, 1000], &cal, 0, 1000, 1000);
        // period 1: 80–100 (20) + 150–500 (350) = 370; period 2: 500–600 = 100.
        assert_eq!(d[0][3], 370);
        assert_eq!(d[1][3], 100);
    }
}
