//! Service credits: which tier of a credit table an availability falls into, what that earns,
//! plus per-breach penalties, the cap and the minimum — with every step written out so a UI can
//! show the arithmetic. Also the public credit tables of well-known cloud SLAs as presets.
//!
//! Tier decisions never compare rounded floats: an [`Availability`] keeps the exact integer
//! ratio it was measured from, and thresholds are read to a millionth of a percent, so exactly
//! 99.0 % is *not* below 99.0 %.

use crate::model::{CreditPolicy, CreditTier};
use serde::{Deserialize, Serialize};

/// Micro-units per whole: weights and downtime are carried in millionths.
pub const MICRO: i128 = 1_000_000;

/// An availability kept as the exact ratio it came from:
/// `(service × 10⁶ − weighted downtime in µs) / (service × 10⁶)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Availability {
    /// Service time, seconds (> 0 for a meaningful ratio).
    service_seconds: i64,
    /// Weighted downtime in micro-seconds (seconds × weight in millionths), within `0..=service×10⁶`.
    weighted_downtime_micros: i128,
}

impl Availability {
    /// From service time and weighted downtime in micro-seconds (clamped to `0..=service`).
    /// With no service time the availability is 100 %.
    pub fn from_micros(service_seconds: i64, weighted_downtime_micros: i128) -> Availability {
        let service_seconds = service_seconds.max(0);
        let cap = service_seconds as i128 * MICRO;
        Availability { service_seconds, weighted_downtime_micros: weighted_downtime_micros.clamp(0, cap) }
    }
    /// From whole seconds of full downtime.
    pub fn from_seconds(service_seconds: i64, downtime_seconds: i64) -> Availability {
        Availability::from_micros(service_seconds, downtime_seconds as i128 * MICRO)
    }
    /// From a percentage, read to a millionth of a percent (NaN reads as 0, clamped to 0–100).
    pub fn from_percent(percent: f64) -> Availability {
        let micro_percent = if percent.is_finite() { (percent.clamp(0.0, 100.0) * 1e6).round() as i128 } else { 0 };
        // service 10⁸ s: down µs = 10⁸ × 10⁶ × (1 − p/100) = 10¹⁴ − p_µ × 10⁶.
        Availability::from_micros(100_000_000, 100_000_000 * MICRO - micro_percent * MICRO)
    }
    /// Service seconds the ratio is over.
    pub fn service_seconds(&self) -> i64 {
        self.service_seconds
    }
    /// Weighted downtime in micro-seconds.
    pub fn weighted_downtime_micros(&self) -> i128 {
        self.weighted_downtime_micros
    }
    /// `(service − weighted downtime) / service × 100`, in `[0, 100]`; 100 with no service time.
    pub fn percent(&self) -> f64 {
        if self.service_seconds == 0 {
            return 100.0;
        }
        let total = self.service_seconds as i128 * MICRO;
        ((total - self.weighted_downtime_micros) as f64 / total as f64 * 100.0).clamp(0.0, 100.0)
    }
    /// Exactly whether the availability is strictly below `threshold_percent` (read to a
    /// millionth of a percent): `(S·10⁶ − D) · 100 · 10⁶ < T_µ · S · 10⁶`.
    pub fn is_below(&self, threshold_percent: f64) -> bool {
        if !threshold_percent.is_finite() {
            return false;
        }
        let t = (threshold_percent * 1e6).round() as i128;
        if self.service_seconds == 0 {
            return 100 * MICRO < t;
        }
        let total = self.service_seconds as i128 * MICRO;
        (total - self.weighted_downtime_micros) * 100 * MICRO < t * total
    }
}

/// The tier that applies: among the tiers whose `below_percent` the availability is strictly
/// under, the one with the lowest threshold. `None` when the availability is under no threshold.
pub fn tier_for(tiers: &[CreditTier], availability: Availability) -> Option<CreditTier> {
    tiers
        .iter()
        .filter(|t| availability.is_below(t.below_percent))
        .min_by(|a, b| a.below_percent.total_cmp(&b.below_percent))
        .copied()
}

/// What a step's value is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepUnit {
    /// A percentage.
    Percent,
    /// An amount in the policy's currency.
    Money,
    /// A count.
    Count,
}

/// One line of the credit arithmetic, e.g. "Tier credit: 10 % of the fee 10000.00" → 1000.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreditStep {
    /// What was computed, in words.
    pub what: String,
    /// The resulting value.
    pub value: f64,
    /// What the value is measured in.
    pub unit: StepUnit,
}

/// The credit owed for one period, with its derivation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreditCalculation {
    /// Availability the tier was chosen by, percent.
    pub availability_percent: f64,
    /// The tier hit, if any.
    pub tier: Option<CreditTier>,
    /// `fee × tier credit % / 100` (0 without a tier).
    pub tier_amount: f64,
    /// Number of response/resolution breaches that carry a penalty.
    pub penalty_count: u64,
    /// Sum of the per-breach penalties.
    pub penalty_amount: f64,
    /// `tier_amount + penalty_amount`.
    pub subtotal: f64,
    /// The cap as a percent of the fee.
    pub cap_percent: f64,
    /// `fee × cap % / 100`.
    pub cap_amount: f64,
    /// Whether the cap lowered the subtotal.
    pub capped: bool,
    /// The smallest credit that is issued.
    pub minimum_amount: f64,
    /// Whether the capped amount was under the minimum and so not issued.
    pub below_minimum: bool,
    /// The credit owed: `min(subtotal, cap)`, or 0 when that is under the minimum.
    pub amount: f64,
    /// The currency label of the policy.
    pub currency: String,
    /// The arithmetic, step by step.
    pub steps: Vec<CreditStep>,
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// Computes the credit for one period:
/// `tier = lowest-threshold tier with availability < below_percent`;
/// `subtotal = fee × tier% / 100 + Σ penalties`; `capped = min(subtotal, fee × cap% / 100)`;
/// `amount = 0 if capped < minimum_amount else capped`.
///
/// ```
/// use sla_core::credits::{calculate_credit, Availability};
/// use sla_core::model::CreditPolicy;
/// // Default policy: fee 10000, tiers <99.9 → 10 %, <99 → 25 %, <95 → 100 %.
/// let c = calculate_credit(&CreditPolicy::default(), Availability::from_percent(99.0), 0, 0.0);
/// assert_eq!(c.amount, 1000.0); // exactly 99.0 is not below 99.0: the 10 % tier
/// ```
pub fn calculate_credit(policy: &CreditPolicy, availability: Availability, penalty_count: u64, penalty_amount: f64) -> CreditCalculation {
    let fee = finite(policy.fee_per_period).max(0.0);
    let cur = policy.currency.as_str();
    let pct = availability.percent();
    let mut steps = Vec::with_capacity(8);
    let step = |steps: &mut Vec<CreditStep>, what: String, value: f64, unit: StepUnit| steps.push(CreditStep { what, value, unit });
    step(&mut steps, "Availability in the period".to_string(), pct, StepUnit::Percent);
    let tier = tier_for(&policy.tiers, availability);
    let tier_percent = tier.map(|t| finite(t.credit_percent)).unwrap_or(0.0);
    match tier {
        Some(t) => step(
            &mut steps,
            format!("Tier: availability below {} %, credit as a share of the fee", t.below_percent),
            tier_percent,
            StepUnit::Percent,
        ),
        None => step(&mut steps, "Tier: availability is below no tier threshold, no tier credit".to_string(), 0.0, StepUnit::Percent),
    }
    let tier_amount = fee * tier_percent / 100.0;
    step(&mut steps, format!("Tier credit: {tier_percent} % × fee {fee:.2} {cur}"), tier_amount, StepUnit::Money);
    let penalty_amount = finite(penalty_amount).max(0.0);
    step(&mut steps, format!("Penalties for {penalty_count} breached response/resolution target(s)"), penalty_amount, StepUnit::Money);
    let subtotal = tier_amount + penalty_amount;
    step(&mut steps, "Subtotal: tier credit + penalties".to_string(), subtotal, StepUnit::Money);
    let cap_percent = finite(policy.cap_percent).clamp(0.0, 100.0);
    let cap_amount = fee * cap_percent / 100.0;
    let capped = subtotal > cap_amount;
    let after_cap = subtotal.min(cap_amount);
    step(
        &mut steps,
        if capped {
            format!("Cap of {cap_percent} % of the fee ({cap_amount:.2} {cur}) applied")
        } else {
            format!("Cap of {cap_percent} % of the fee ({cap_amount:.2} {cur}) not reached")
        },
        after_cap,
        StepUnit::Money,
    );
    let minimum = finite(policy.minimum_amount).max(0.0);
    let below_minimum = after_cap > 0.0 && after_cap < minimum;
    let amount = if below_minimum { 0.0 } else { after_cap };
    step(
        &mut steps,
        if below_minimum {
            format!("Minimum {minimum:.2} {cur} not reached, so nothing is issued")
        } else {
            format!("Minimum {minimum:.2} {cur} met or not applicable")
        },
        amount,
        StepUnit::Money,
    );
    step(&mut steps, "Credit owed".to_string(), amount, StepUnit::Money);
    CreditCalculation {
        availability_percent: pct,
        tier,
        tier_amount,
        penalty_count,
        penalty_amount,
        subtotal,
        cap_percent,
        cap_amount,
        capped,
        minimum_amount: minimum,
        below_minimum,
        amount,
        currency: policy.currency.clone(),
        steps,
    }
}

/// Percent with up to 4 decimals, trailing zeros trimmed: `99.95 %`, `100 %`.
pub fn fmt_percent(p: f64) -> String {
    let s = format!("{p:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s} %")
}

/// Public credit tables (from the providers' published SLAs, see REFERENCE.md), for the UI to
/// offer as starting points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditPreset {
    /// AWS EC2, instance level: 99.5 %; <99.5 → 10 %, <99.0 → 30 %, <95.0 → 100 %.
    AwsEc2Instance,
    /// AWS EC2, region level: 99.99 %; <99.99 → 10 %, <99.0 → 30 %, <95.0 → 100 %.
    AwsEc2Region,
    /// Amazon S3 Standard: 99.9 %; <99.9 → 10 %, <99.0 → 25 %, <95.0 → 100 %.
    AmazonS3Standard,
    /// Azure virtual machines across availability zones: 99.99 %; <99.99 → 10 %, <99 → 25 %, <95 → 100 %.
    AzureVmMultiZone,
    /// Google Cloud Bigtable, 3+ regions: 99.999 %; <99.999 → 10 %, <99.0 → 25 %, <95.0 → 50 %.
    GoogleBigtableMultiRegion,
}

impl CreditPreset {
    /// Every preset, in display order.
    pub const ALL: [CreditPreset; 5] = [
        CreditPreset::AwsEc2Instance,
        CreditPreset::AwsEc2Region,
        CreditPreset::AmazonS3Standard,
        CreditPreset::AzureVmMultiZone,
        CreditPreset::GoogleBigtableMultiRegion,
    ];

    /// A display name, e.g. "AWS EC2 (instance level)".
    pub fn name(self) -> &'static str {
        match self {
            CreditPreset::AwsEc2Instance => "AWS EC2 (instance level)",
            CreditPreset::AwsEc2Region => "AWS EC2 (region level)",
            CreditPreset::AmazonS3Standard => "Amazon S3 Standard",
            CreditPreset::AzureVmMultiZone => "Azure virtual machines (multi-zone)",
            CreditPreset::GoogleBigtableMultiRegion => "Google Cloud Bigtable (3+ regions)",
        }
    }

    /// The availability target (percent) and the credit tiers, highest threshold first.
    pub fn table(self) -> (f64, Vec<CreditTier>) {
        let t = |below_percent: f64, credit_percent: f64| CreditTier { below_percent, credit_percent };
        match self {
            CreditPreset::AwsEc2Instance => (99.5, vec![t(99.5, 10.0), t(99.0, 30.0), t(95.0, 100.0)]),
            CreditPreset::AwsEc2Region => (99.99, vec![t(99.99, 10.0), t(99.0, 30.0), t(95.0, 100.0)]),
            CreditPreset::AmazonS3Standard => (99.9, vec![t(99.9, 10.0), t(99.0, 25.0), t(95.0, 100.0)]),
            CreditPreset::AzureVmMultiZone => (99.99, vec![t(99.99, 10.0), t(99.0, 25.0), t(95.0, 100.0)]),
            CreditPreset::GoogleBigtableMultiRegion => (99.999, vec![t(99.999, 10.0), t(99.0, 25.0), t(95.0, 50.0)]),
        }
    }

    /// The availability target of the table, percent.
    pub fn target_percent(self) -> f64 {
        self.table().0
    }

    /// The credit tiers of the table.
    pub fn tiers(self) -> Vec<CreditTier> {
        self.table().1
    }
}

#[cfg(test)]
#[allow(clippy::field_reassign_with_default)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn credit_percent(tiers: &[CreditTier], p: f64) -> f64 {
        tier_for(tiers, Availability::from_percent(p)).map(|t| t.credit_percent).unwrap_or(0.0)
    }

    #[test]
    fn exact_ratio_edges() {
        // 30-day month, 2,592,000 s; 1 % of it is 25,920 s → exactly 99.0 %.
        let a = Availability::from_seconds(2_592_000, 25_920);
        assert!(!a.is_below(99.0));
        assert!(Availability::from_seconds(2_592_000, 25_921).is_below(99.0));
        assert!(a.is_below(99.5));
        // 99.9 % of a 30-day month: 2,592 s down is exactly at the target.
        assert!(!Availability::from_seconds(2_592_000, 2_592).is_below(99.9));
        assert!(Availability::from_seconds(2_592_000, 2_593).is_below(99.9));
        assert_eq!(Availability::from_seconds(0, 0).percent(), 100.0);
        assert_eq!(Availability::from_seconds(100, 500).percent(), 0.0);
    }

    #[test]
    fn each_preset_at_its_tier_edges() {
        // (preset, availability, expected credit %)
        let cases = [
            (CreditPreset::AwsEc2Instance, 99.5, 0.0),
            (CreditPreset::AwsEc2Instance, 99.499999, 10.0),
            (CreditPreset::AwsEc2Instance, 99.0, 10.0),
            (CreditPreset::AwsEc2Instance, 98.999999, 30.0),
            (CreditPreset::AwsEc2Instance, 95.0, 30.0),
            (CreditPreset::AwsEc2Instance, 94.999999, 100.0),
            (CreditPreset::AwsEc2Region, 99.99, 0.0),
            (CreditPreset::AwsEc2Region, 99.989999, 10.0),
            (CreditPreset::AwsEc2Region, 99.0, 10.0),
            (CreditPreset::AwsEc2Region, 98.999999, 30.0),
            (CreditPreset::AwsEc2Region, 95.0, 30.0),
            (CreditPreset::AwsEc2Region, 94.999999, 100.0),
            (CreditPreset::AmazonS3Standard, 99.9, 0.0),
            (CreditPreset::AmazonS3Standard, 99.899999, 10.0),
            (CreditPreset::AmazonS3Standard, 99.0, 10.0),
            (CreditPreset::AmazonS3Standard, 98.999999, 25.0),
            (CreditPreset::AmazonS3Standard, 95.0, 25.0),
            (CreditPreset::AmazonS3Standard, 94.999999, 100.0),
            (CreditPreset::AzureVmMultiZone, 99.99, 0.0),
            (CreditPreset::AzureVmMultiZone, 99.989999, 10.0),
            (CreditPreset::AzureVmMultiZone, 99.0, 10.0),
            (CreditPreset::AzureVmMultiZone, 98.999999, 25.0),
            (CreditPreset::AzureVmMultiZone, 95.0, 25.0),
            (CreditPreset::AzureVmMultiZone, 94.999999, 100.0),
            (CreditPreset::GoogleBigtableMultiRegion, 99.999, 0.0),
            (CreditPreset::GoogleBigtableMultiRegion, 99.998999, 10.0),
            (CreditPreset::GoogleBigtableMultiRegion, 99.0, 10.0),
            (CreditPreset::GoogleBigtableMultiRegion, 98.999999, 25.0),
            (CreditPreset::GoogleBigtableMultiRegion, 95.0, 25.0),
            (CreditPreset::GoogleBigtableMultiRegion, 94.999999, 50.0),
            (CreditPreset::GoogleBigtableMultiRegion, 0.0, 50.0),
        ];
        for (preset, avail, expected) in cases {
            assert_eq!(credit_percent(&preset.tiers(), avail), expected, "{} at {avail}", preset.name());
        }
        for p in CreditPreset::ALL {
            let (target, tiers) = p.table();
            assert_eq!(target, tiers[0].below_percent);
        }
    }

    #[test]
    fn cap_minimum_and_steps() {
        let mut policy = CreditPolicy::default(); // fee 10000 USD, cap 100 %
        policy.cap_percent = 20.0;
        // 94 % → 100 % tier = 10000, + 2 penalties of 500 → 11000, capped at 2000.
        let c = calculate_credit(&policy, Availability::from_percent(94.0), 2, 1000.0);
        assert_eq!((c.tier_amount, c.subtotal, c.cap_amount, c.amount), (10_000.0, 11_000.0, 2_000.0, 2_000.0));
        assert!(c.capped && !c.below_minimum);
        assert_eq!(c.steps.last().unwrap().value, 2_000.0);
        policy.minimum_amount = 1500.0;
        // 99.5 % → 10 % = 1000 < 1500 → 0.
        let c = calculate_credit(&policy, Availability::from_percent(99.5), 0, 0.0);
        assert!(c.below_minimum);
        assert_eq!(c.amount, 0.0);
        let c = calculate_credit(&policy, Availability::from_percent(100.0), 0, 0.0);
        assert_eq!((c.tier, c.amount, c.below_minimum), (None, 0.0, false));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn credit_never_falls_as_availability_falls(a in 0.0f64..=100.0, b in 0.0f64..=100.0, preset in 0usize..5) {
            let tiers = CreditPreset::ALL[preset].tiers();
            let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
            prop_assert!(credit_percent(&tiers, lo) >= credit_percent(&tiers, hi));
            let policy = CreditPolicy { tiers, ..CreditPolicy::default() };
            let c_lo = calculate_credit(&policy, Availability::from_percent(lo), 0, 0.0).amount;
            let c_hi = calculate_credit(&policy, Availability::from_percent(hi), 0, 0.0).amount;
            prop_assert!(c_lo >= c_hi);
        }
    }
}
