//! Property tests of the quick calculators: the forward and reverse modes agree, formatting
//! never panics, and the composite tree never leaves 0–100 %.

use chrono::NaiveDate;
use proptest::prelude::*;
use sla_core::calc::*;

fn convention() -> impl Strategy<Value = Convention> {
    let zones = ["UTC", "Europe/Berlin", "Asia/Taipei", "America/Santiago", "Australia/Lord_Howe"];
    prop_oneof![
        Just(Convention::ThirtyDayMonth),
        Just(Convention::MeanGregorian),
        (1900i32..2200, 1u32..=12, 1u32..=28, 0usize..zones.len()).prop_map(move |(y, m, d, z)| {
            Convention::calendar(NaiveDate::from_ymd_opt(y, m, d).unwrap(), zones[z]).unwrap()
        }),
    ]
}

fn kind() -> impl Strategy<Value = PeriodKind> {
    prop::sample::select(PeriodKind::ALL.to_vec())
}

fn component() -> impl Strategy<Value = Component> {
    let leaf = (any::<f64>(), "[a-z]{0,5}").prop_map(|(p, n)| Component::leaf(n, p));
    let sane = (0.0f64..=100.0).prop_map(|p| Component::leaf("x", p));
    prop_oneof![leaf, sane].prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Component::Series),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Component::Parallel),
            (0u32..6, inner).prop_map(|(count, d)| Component::Regions { count, deployment: Box::new(d) }),
        ]
    })
}

proptest! {
    #[test]
    fn reverse_undoes_forward(target in 0.0f64..=100.0, k in kind(), c in convention()) {
        let allowed = allowed_downtime(target, k, &c).unwrap();
        prop_assert!(allowed.allowed_seconds >= 0.0 && allowed.allowed_seconds <= allowed.measured_seconds);
        let back = availability_for_downtime(allowed.allowed_seconds, k, &c).unwrap();
        prop_assert!((back.availability_percent - target).abs() < 1e-6, "{} vs {}", back.availability_percent, target);
    }

    #[test]
    fn calendar_periods_are_close_to_nominal(k in kind(), c in convention()) {
        let p = period_length(k, &c).unwrap();
        let (lo, hi) = match k {
            PeriodKind::Day => (22.0, 26.0),
            PeriodKind::Week => (166.0, 170.0),
            PeriodKind::Month => (28.0 * 24.0 - 2.0, 31.0 * 24.0 + 2.0),
            PeriodKind::Quarter => (90.0 * 24.0 - 2.0, 92.0 * 24.0 + 2.0),
            PeriodKind::Year => (365.0 * 24.0 - 2.0, 366.0 * 24.0 + 2.0),
        };
        let hours = p.seconds / 3600.0;
        prop_assert!(hours >= lo && hours <= hi, "{}: {hours} h", p.description);
    }

    #[test]
    fn any_target_gives_a_result_or_an_error(target in any::<f64>(), k in kind(), c in convention()) {
        match allowed_downtime(target, k, &c) {
            Ok(a) => prop_assert!((0.0..=100.0).contains(&target) && a.allowed_seconds.is_finite()),
            Err(e) => prop_assert_eq!(e, CalcError::TargetOutOfRange(target)),
        }
    }

    #[test]
    fn composite_stays_in_range(tree in component()) {
        if let Ok(p) = tree.availability_percent() {
            prop_assert!((0.0..=100.0).contains(&p), "{p}");
        }
    }

    #[test]
    fn formatting_never_panics(seconds in any::<f64>(), decimals in 0u32..10, percent in any::<f64>()) {
        let text = format_duration_with(seconds, decimals);
        prop_assert!(!text.is_empty());
        prop_assert!(!format_percent(percent, decimals as usize).is_empty());
    }

    #[test]
    fn reverse_text_never_panics(text in "\\PC{0,20}", k in kind()) {
        let _ = availability_for_downtime_text(&text, k, &Convention::ThirtyDayMonth);
    }
}
