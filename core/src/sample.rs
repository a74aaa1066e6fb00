//! The built-in sample: an agreement and half a year of incidents for it, shown on the app's
//! first screen and used by the command line's demo (`sla sample`, `sla report --sample`).
//!
//! The agreement ([`SAMPLE_AGREEMENT_JSON`]) is "Payments API" by Acme Cloud for Globex in
//! Europe/Berlin: 99.9 % a month around the clock, support Mon–Fri 08:00–12:00 and
//! 13:00–18:00 with German public holidays, P1–P4 targets (P3 and P4 on support hours), a
//! weekly maintenance window on Sundays 02:00–04:00, partial outages at 30 %, a three-tier
//! credit table on a 12,000 EUR monthly fee with a 50 % cap and a 50 EUR minimum, and small
//! penalties per missed P1/P2 target. It has been revised once: version 3.0, in force from
//! 1 April 2026, raises the target to 99.95 % and adds a 5 % credit tier at the new target, so
//! January–March are measured against version 2.1 and April–June against 3.0.
//!
//! The incidents ([`SAMPLE_INCIDENTS_CSV`]) run from January to June 2026: overlapping
//! outages, one crossing the March/April boundary, one inside the maintenance window, one
//! planned, one still open, some missed targets; each carries a cause category and most a
//! satisfaction score (1–5) from the ticket survey. February (≈ 99.74 %) misses version 2.1's
//! 99.9 %; April (≈ 99.92 %), May (≈ 99.43 %) and June (≈ 99.93 %) miss version 3.0's 99.95 %,
//! so the report shows credits under both credit tables. Read them as of [`SAMPLE_AS_OF`].
//!
//! The CSV goes through the same importer as any user's file ([`crate::import::import`]), so
//! the sample also shows what a file in the generic format looks like.

use crate::import::{import, ImportOptions, ImportOutcome};
use crate::model::{Agreement, Incident};
use chrono::{DateTime, Utc};

/// The sample agreement in the documented JSON format (`sla-agreement/1`).
pub const SAMPLE_AGREEMENT_JSON: &str = include_str!("../samples/agreement.json");

/// The sample incident log: a plain CSV with the columns
/// `id,title,priority,impact,service,start,acknowledged,restored,resolved,planned,category,csat`.
pub const SAMPLE_INCIDENTS_CSV: &str = include_str!("../samples/incidents.csv");

/// The instant the sample is read "as of": midnight at the end of June in Europe/Berlin
/// (2026-07-01T00:00:00+02:00 = 2026-06-30T22:00:00Z), so the report covers January to June.
/// The still-open incident counts up to here. The core reads no clock, so the sample's "now"
/// is fixed, and every run of the sample gives the same numbers.
pub const SAMPLE_AS_OF: &str = "2026-07-01T00:00:00+02:00";

/// [`SAMPLE_AS_OF`] as an instant.
///
/// ```
/// assert_eq!(sla_core::sample::sample_as_of().to_rfc3339(), "2026-06-30T22:00:00+00:00");
/// ```
pub fn sample_as_of() -> DateTime<Utc> {
    // A constant that a unit test parses; the fallback is never reached.
    DateTime::parse_from_rfc3339(SAMPLE_AS_OF).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// The sample agreement, parsed.
///
/// ```
/// let a = sla_core::sample::sample_agreement();
/// assert_eq!(a.service, "Payments API");
/// assert!(a.validate().is_empty());
/// ```
pub fn sample_agreement() -> Agreement {
    // The JSON is compiled in and checked by a unit test, so this cannot fail at run time.
    crate::json::from_str(SAMPLE_AGREEMENT_JSON).expect("the built-in sample agreement parses (checked by a unit test)")
}

/// The sample incident log run through the importer, reading local times in the sample
/// agreement's zone (the file's times all carry offsets, so the zone changes nothing).
pub fn import_sample_incidents() -> ImportOutcome {
    // The CSV is compiled in and checked by a unit test, so this cannot fail at run time.
    import(SAMPLE_INCIDENTS_CSV.as_bytes(), &ImportOptions::in_zone("Europe/Berlin".parse::<crate::zone::Zone>().expect("a zone")))
        .expect("the built-in sample incidents import (checked by a unit test)")
}

/// The sample incidents, imported.
///
/// ```
/// let incidents = sla_core::sample::sample_incidents();
/// assert!(incidents.len() >= 40);
/// ```
pub fn sample_incidents() -> Vec<Incident> {
    import_sample_incidents().incidents
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Hours, Impact, PeriodSpec};

    #[test]
    fn sample_agreement_parses_and_validates() {
        let a: Agreement = crate::json::from_str(SAMPLE_AGREEMENT_JSON).unwrap();
        assert_eq!(a.validate(), Vec::new());
        assert_eq!(
            (a.service.as_str(), a.provider.as_str(), a.customer.as_str()),
            ("Payments API", "Acme Cloud", "Globex")
        );
        assert_eq!(a.time_zone, "Europe/Berlin");
        assert_eq!(a.period, PeriodSpec::Month);
        assert_eq!(a.availability_target_percent, 99.9);
        assert!(matches!(&a.support_hours.hours, Hours::Weekly(w) if w.len() == 2));
        assert_eq!(a.priorities.len(), 4);
        assert_eq!(a.credits.fee_per_period, 12_000.0);
        assert_eq!(a.credits.currency, "EUR");
        assert_eq!(sample_agreement(), a);
        // One revision: 3.0 from 1 April raises the target and changes the credit table.
        assert_eq!(a.revisions.len(), 1);
        let v3 = a.in_force(chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert_eq!(v3.version, "3.0");
        assert_eq!((v3.availability_target_percent, v3.credits.tiers.len()), (99.95, 4));
        // Writing it back and reading it again gives the same agreement.
        let again: Agreement = crate::json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(again, a);
    }

    #[test]
    fn sample_incidents_parse_and_have_the_promised_shape() {
        let outcome = import_sample_incidents();
        assert_eq!(outcome.rejected, Vec::new());
        assert_eq!(outcome.excluded, Vec::new());
        assert_eq!(outcome.warnings, Vec::new());
        assert_eq!(outcome.detection.columns.len(), 12);
        let incidents = outcome.incidents;
        assert_eq!(outcome.counts.read as usize, incidents.len());
        assert!((40..=60).contains(&incidents.len()), "{}", incidents.len());
        assert_eq!(sample_incidents(), incidents);
        // Every column was mapped: the first incident has all its fields.
        let first = &incidents[0];
        assert_eq!(first.id, "INC-0001");
        assert_eq!(first.priority.as_deref(), Some("P3"));
        assert_eq!(first.impact, Impact::Degraded);
        assert_eq!(first.service.as_deref(), Some("merchant-dashboard"));
        assert_eq!((first.category.as_deref(), first.csat), (Some("Software"), Some(4.0)));
        assert!(incidents.iter().all(|i| i.category.is_some()));
        assert!(incidents.iter().filter(|i| i.csat.is_none()).count() >= 1);
        assert_eq!(first.start.to_rfc3339(), "2026-01-05T08:12:00+00:00");
        assert!(first.acknowledged.is_some() && first.restored.is_some() && first.resolved.is_some());
        let as_of = sample_as_of();
        assert!(incidents.iter().all(|i| i.start < as_of));
        assert_eq!(incidents.iter().filter(|i| i.planned).count(), 1);
        assert_eq!(incidents.iter().filter(|i| i.downtime_end().is_none()).count(), 1);
        for impact in [Impact::FullOutage, Impact::PartialOutage, Impact::Degraded] {
            assert!(incidents.iter().any(|i| i.impact == impact), "{impact:?}");
        }
        // One incident crosses the March/April boundary in Berlin (22:00 UTC on 31 March).
        let boundary = DateTime::parse_from_rfc3339("2026-03-31T22:00:00Z").unwrap().with_timezone(&Utc);
        assert!(incidents.iter().any(|i| i.start < boundary && i.downtime_end().is_some_and(|e| e > boundary)));
        // Some outages overlap.
        let outages: Vec<_> = incidents.iter().filter(|i| i.impact != Impact::Degraded && !i.planned).collect();
        let overlaps = outages.iter().enumerate().any(|(n, a)| {
            outages[..n]
                .iter()
                .any(|b| a.start < b.downtime_end().unwrap_or(as_of) && b.start < a.downtime_end().unwrap_or(as_of))
        });
        assert!(overlaps);
        // Every priority is one of the agreement's.
        let names: Vec<String> = sample_agreement().priorities.into_iter().map(|p| p.name).collect();
        assert!(incidents.iter().all(|i| i.priority.as_ref().is_some_and(|p| names.contains(p))));
        assert_eq!(as_of.to_rfc3339(), "2026-06-30T22:00:00+00:00");
    }
}
