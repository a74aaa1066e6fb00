//! One row → an accepted [`Incident`], an excluded row or a rejected row, and the running lists
//! of all three (so every row read is accounted for).

use super::error::{ExcludedRow, Exclusion, ImportError, RejectedRow, RowError, RowUnit};
use super::mapping::{is_planned, ColumnMapping, NumberUnit, TimeSource};
use super::source::Fields;
use super::timestamp::{parse_timestamp, stamp_to_utc, DateOrder, LocalResolver};
use crate::model::{parse_duration_seconds, Impact, Incident, SpanError};
use chrono::{DateTime, TimeDelta, Utc};
use crate::zone::Zone;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

#[derive(Clone, Copy)]
enum Kind {
    At,
    After(NumberUnit),
}

/// The mapping resolved to column indexes.
struct Plan {
    id: Option<usize>,
    title: Option<usize>,
    start: usize,
    acknowledged: Option<(usize, Kind)>,
    restored: Option<(usize, Kind)>,
    resolved: Option<(usize, Kind)>,
    priority: Option<usize>,
    impact: Option<usize>,
    service: Option<usize>,
    planned: Option<usize>,
    status: Option<usize>,
    category: Option<usize>,
    csat: Option<usize>,
}

/// Hashes are already hashes: pass them through.
#[derive(Default)]
struct PassThrough(u64);
impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Converts rows and keeps the results.
pub(crate) struct Converter {
    plan: Plan,
    mapping: ColumnMapping,
    columns: Vec<String>,
    unit: RowUnit,
    resolver: LocalResolver,
    pub order: Option<DateOrder>,
    /// Hash of an accepted id → index into `incidents`.
    ids: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    /// Ids whose hash collided with a different id (rare): id → first row.
    id_collisions: HashMap<String, u64>,
    pub incidents: Vec<Incident>,
    pub accepted_rows: Vec<u64>,
    pub excluded: Vec<ExcludedRow>,
    pub rejected: Vec<RejectedRow>,
    pub read: u64,
}

impl Converter {
    /// Room for `more` accepted rows.
    pub fn reserve(&mut self, more: usize) {
        self.incidents.reserve_exact(more);
        self.accepted_rows.reserve_exact(more);
        self.ids.reserve(more);
    }

    pub fn new(
        mapping: ColumnMapping,
        columns: Vec<String>,
        unit: RowUnit,
        tz: Zone,
        order: Option<DateOrder>,
    ) -> Result<Converter, ImportError> {
        for (what, column) in mapping.columns() {
            if !columns.iter().any(|c| c == column) {
                return Err(ImportError::UnknownColumn {
                    what,
                    column: column.to_string(),
                    columns: columns.clone(),
                });
            }
        }
        let idx = |c: &Option<String>| c.as_ref().and_then(|c| columns.iter().position(|x| x == c));
        let src = |s: &Option<TimeSource>| {
            s.as_ref().and_then(|s| {
                let i = columns.iter().position(|x| x == s.column())?;
                Some((
                    i,
                    match s {
                        TimeSource::At(_) => Kind::At,
                        TimeSource::After { unit, .. } => Kind::After(*unit),
                    },
                ))
            })
        };
        let Some(start) = idx(&mapping.start) else {
            return Err(ImportError::NoStartColumn {
                columns: columns.clone(),
            });
        };
        let plan = Plan {
            id: idx(&mapping.id),
            title: idx(&mapping.title),
            start,
            acknowledged: src(&mapping.acknowledged),
            restored: src(&mapping.restored),
            resolved: src(&mapping.resolved),
            priority: idx(&mapping.priority),
            impact: idx(&mapping.impact),
            service: idx(&mapping.service),
            planned: idx(&mapping.planned),
            status: idx(&mapping.status),
            category: idx(&mapping.category),
            csat: idx(&mapping.csat),
        };
        Ok(Converter {
            plan,
            mapping,
            columns,
            unit,
            resolver: LocalResolver::new(tz),
            order,
            ids: HashMap::default(),
            id_collisions: HashMap::new(),
            incidents: Vec::new(),
            accepted_rows: Vec::new(),
            excluded: Vec::new(),
            rejected: Vec::new(),
            read: 0,
        })
    }

    /// Columns holding timestamps (the start and every `At` source), for the date-order scan.
    pub fn timestamp_columns(&self) -> Vec<usize> {
        let mut v = vec![self.plan.start];
        for (c, k) in [self.plan.acknowledged, self.plan.restored, self.plan.resolved]
            .into_iter()
            .flatten()
        {
            if matches!(k, Kind::At) {
                v.push(c);
            }
        }
        v
    }

    /// The name of column `i`.
    pub fn column_name(&self, i: usize) -> &str {
        self.columns.get(i).map(String::as_str).unwrap_or("")
    }

    /// Records a row that could not even be read as fields (bad JSON line, non-object item).
    pub fn reject_unreadable(&mut self, row: u64, error: RowError, raw: String) {
        self.read += 1;
        self.rejected.push(RejectedRow {
            unit: self.unit,
            row,
            column: None,
            error,
            raw,
        });
    }

    /// Converts one row and files the result.
    pub fn row(&mut self, f: &impl Fields, row: u64, raw: impl FnOnce() -> String) {
        self.read += 1;
        match self.verdict(f, row) {
            Ok(Ok(incident)) => {
                if let Some(c) = self.plan.id {
                    if !f.get(c).is_empty() {
                        let hash = Self::id_hash(&incident.id);
                        if let Some(first_row) = self.first_row_of(hash, &incident.id) {
                            let error = RowError::DuplicateId {
                                id: incident.id,
                                first_row,
                                unit: self.unit,
                            };
                            let column = Some(self.columns[c].clone());
                            self.rejected.push(RejectedRow {
                                unit: self.unit,
                                row,
                                column,
                                error,
                                raw: raw(),
                            });
                            return;
                        }
                        self.remember_id(hash, &incident.id, row);
                    }
                }
                self.incidents.push(incident);
                self.accepted_rows.push(row);
            }
            Ok(Err(rule)) => self.excluded.push(ExcludedRow {
                unit: self.unit,
                row,
                rule,
            }),
            Err((column, error)) => {
                let column = column.map(|c| self.columns[c].clone());
                self.rejected.push(RejectedRow {
                    unit: self.unit,
                    row,
                    column,
                    error,
                    raw: raw(),
                });
            }
        }
    }

    fn id_hash(id: &str) -> u64 {
        let mut h = DefaultHasher::new();
        id.hash(&mut h);
        h.finish()
    }

    fn first_row_of(&self, h: u64, id: &str) -> Option<u64> {
        match self.ids.get(&h) {
            Some(&i) if self.incidents.get(i as usize).is_some_and(|x| x.id == id) => {
                self.accepted_rows.get(i as usize).copied()
            }
            Some(_) => self.id_collisions.get(id).copied(),
            None => None,
        }
    }

    fn remember_id(&mut self, h: u64, id: &str, row: u64) {
        let next = self.incidents.len() as u32;
        match self.ids.entry(h) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.id_collisions.insert(id.to_string(), row);
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(next);
            }
        }
    }

    fn time(&mut self, text: &str) -> Result<DateTime<Utc>, RowError> {
        let stamp = parse_timestamp(text, self.order)?;
        stamp_to_utc(stamp, &mut self.resolver).ok_or_else(|| RowError::OutOfRange(text.to_string()))
    }

    fn later(
        &mut self,
        src: Option<(usize, Kind)>,
        f: &impl Fields,
        start: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, (Option<usize>, RowError)> {
        let Some((c, kind)) = src else { return Ok(None) };
        let value = f.get(c);
        if value.is_empty() {
            return Ok(None);
        }
        let at = match kind {
            Kind::At => self.time(value).map_err(|e| (Some(c), e))?,
            Kind::After(unit) => {
                let secs = duration_seconds(value, unit).map_err(|e| (Some(c), RowError::Duration(e)))?;
                start
                    .checked_add_signed(TimeDelta::seconds(secs))
                    .ok_or_else(|| (Some(c), RowError::OutOfRange(value.to_string())))?
            }
        };
        if at < start {
            return Err((
                Some(c),
                RowError::BeforeStart {
                    value: value.to_string(),
                    start_column: self.columns[self.plan.start].clone(),
                    start_value: f.get(self.plan.start).to_string(),
                },
            ));
        }
        Ok(Some(at))
    }

    #[allow(clippy::type_complexity)]
    fn verdict(&mut self, f: &impl Fields, row: u64) -> Result<Result<Incident, Exclusion>, (Option<usize>, RowError)> {
        if f.all_blank() {
            return Ok(Err(Exclusion::EmptyRow));
        }
        let status = self.plan.status.map(|c| f.get(c)).unwrap_or("");
        if !status.is_empty() && ColumnMapping::status_in(&self.mapping.excluded_statuses, status) {
            return Ok(Err(Exclusion::Status(status.to_string())));
        }
        let mut impact = Impact::FullOutage;
        if let Some(c) = self.plan.impact {
            let v = f.get(c);
            if !v.is_empty() {
                impact = self
                    .mapping
                    .map_impact(v)
                    .ok_or_else(|| (Some(c), RowError::UnknownImpact(v.to_string())))?;
            }
        }
        if impact == Impact::None && self.mapping.exclude_no_impact {
            return Ok(Err(Exclusion::NoImpact));
        }
        let start_text = f.get(self.plan.start);
        if start_text.is_empty() {
            return Err((Some(self.plan.start), RowError::MissingStart));
        }
        let start = self.time(start_text).map_err(|e| (Some(self.plan.start), e))?;
        let acknowledged = self.later(self.plan.acknowledged, f, start)?;
        let closed = self.mapping.closed_statuses.is_empty()
            || self.plan.status.is_none()
            || ColumnMapping::status_in(&self.mapping.closed_statuses, status);
        let (restored, resolved) = if closed {
            (
                self.later(self.plan.restored, f, start)?,
                self.later(self.plan.resolved, f, start)?,
            )
        } else {
            (None, None)
        };
        let text = |c: Option<usize>| c.map(|c| f.get(c)).filter(|s| !s.is_empty());
        let id = match text(self.plan.id) {
            Some(id) => id.to_string(),
            None => format!("{} {}", self.unit, row),
        };
        Ok(Ok(Incident {
            id,
            title: text(self.plan.title).unwrap_or("").to_string(),
            priority: text(self.plan.priority).map(|p| self.mapping.map_priority(p).to_string()),
            impact,
            service: text(self.plan.service).map(str::to_string),
            start,
            acknowledged,
            restored,
            resolved,
            planned: text(self.plan.planned).is_some_and(is_planned),
            excluded: false,
            category: text(self.plan.category).map(str::to_string),
            csat: text(self.plan.csat).and_then(satisfaction_score),
        }))
    }
}

/// A satisfaction score: a finite number, with a decimal comma allowed (`4,5`) and an out-of
/// part dropped (`4/5` → 4). Anything else (`N/A`, `-`, text) is no score.
fn satisfaction_score(value: &str) -> Option<f64> {
    let v = value.trim();
    let v = v.split_once('/').map_or(v, |(score, _)| score.trim());
    let n: f64 = crate::number::parse_f64(&v.replace(',', "."))?;
    n.is_finite().then_some(n)
}

/// Seconds in a duration value: a plain number counts `unit`, other text goes through
/// [`parse_duration_seconds`].
fn duration_seconds(value: &str, unit: NumberUnit) -> Result<i64, SpanError> {
    if unit != NumberUnit::Seconds {
        if let Some(n) = crate::number::parse_f64(value) {
            if n.is_nan() || n.is_infinite() {
                return Err(SpanError::Unreadable(value.to_string()));
            }
            if n < 0.0 {
                return Err(SpanError::Negative(value.to_string()));
            }
            let secs = n * unit.seconds();
            if secs > crate::model::MAX_SPAN_SECONDS as f64 {
                return Err(SpanError::TooLong(value.to_string()));
            }
            return Ok(secs.round() as i64);
        }
    }
    parse_duration_seconds(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn satisfaction_scores() {
        assert_eq!(satisfaction_score(" 4 "), Some(4.0));
        assert_eq!(satisfaction_score("4,5"), Some(4.5));
        assert_eq!(satisfaction_score("3/5"), Some(3.0));
        assert_eq!(satisfaction_score("N/A"), None);
        assert_eq!(satisfaction_score("NaN"), None);
        assert_eq!(satisfaction_score("-"), None);
    }

    #[test]
    fn durations_in_units() {
        assert_eq!(duration_seconds("90", NumberUnit::Minutes), Ok(5400));
        assert_eq!(duration_seconds("5400000", NumberUnit::Milliseconds), Ok(5400));
        assert_eq!(duration_seconds("1h 30m", NumberUnit::Minutes), Ok(5400));
        assert_eq!(duration_seconds("5400", NumberUnit::Seconds), Ok(5400));
        assert!(duration_seconds("-1", NumberUnit::Hours).is_err());
        assert!(duration_seconds("NaN", NumberUnit::Hours).is_err());
    }
}
