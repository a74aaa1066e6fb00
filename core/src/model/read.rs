//! Reading the agreement file format (`docs/agreement-format.md`) from parsed JSON: one
//! [`FromJson`] per type, accepting exactly what the format documents (each `Serialize` derive
//! beside the type writes it) and refusing the rest at the value at fault. The tests read back
//! what serde writes.

use super::{
    Agreement, Clock, ClockTarget, CreditPolicy, CreditTier, Hours, ImpactWeights, MaintenanceWindow, PeriodSpec,
    PriorityTarget, Revision, Schedule, Span, SpanError, TimeOfDay, WeeklyWindow, MAX_SPAN_SECONDS,
};
use crate::date_text::{read_date, read_date_time};
use crate::json::{FromJson, Json, JsonError, Obj, Value};
use chrono::Weekday;

/// An error at `j` from a value's own parser (a duration, a time of day).
fn parsed<T, E: std::fmt::Display>(j: &Json, r: Result<T, E>) -> Result<T, JsonError> {
    r.map_err(|e| j.error(e.to_string()))
}

impl FromJson for Agreement {
    fn from_json(j: &Json) -> Result<Agreement, JsonError> {
        let o = j.object(&[
            "schema",
            "service",
            "provider",
            "customer",
            "version",
            "effective_date",
            "time_zone",
            "availability_hours",
            "support_hours",
            "period",
            "availability_target_percent",
            "priorities",
            "maintenance",
            "impact",
            "credits",
            "import_mapping",
            "revisions",
        ])?;
        let mut a = Agreement::default();
        o.set("schema", &mut a.schema)?;
        o.set("service", &mut a.service)?;
        o.set("provider", &mut a.provider)?;
        o.set("customer", &mut a.customer)?;
        o.set("version", &mut a.version)?;
        if let Some(d) = o.field("effective_date", |j| j.or_null(read_date))? {
            a.effective_date = d;
        }
        o.set("time_zone", &mut a.time_zone)?;
        o.set("availability_hours", &mut a.availability_hours)?;
        o.set("support_hours", &mut a.support_hours)?;
        o.set("period", &mut a.period)?;
        o.set("availability_target_percent", &mut a.availability_target_percent)?;
        o.set("priorities", &mut a.priorities)?;
        o.set("maintenance", &mut a.maintenance)?;
        o.set("impact", &mut a.impact)?;
        o.set("credits", &mut a.credits)?;
        o.set("import_mapping", &mut a.import_mapping)?;
        o.set("revisions", &mut a.revisions)?;
        Ok(a)
    }
}

impl FromJson for Schedule {
    fn from_json(j: &Json) -> Result<Schedule, JsonError> {
        let o = j.object(&["hours", "holidays"])?;
        let mut s = Schedule::default();
        o.set("hours", &mut s.hours)?;
        if let Some(days) = o.field("holidays", |j| j.list_of(read_date))? {
            s.holidays = days;
        }
        Ok(s)
    }
}

impl FromJson for Hours {
    /// `"24x7"` or `{"weekly": [windows]}` (serde's externally tagged form).
    fn from_json(j: &Json) -> Result<Hours, JsonError> {
        match &j.value {
            Value::String(_) => j.variant(&[("24x7", ())]).map(|()| Hours::TwentyFourSeven),
            Value::Object(_) => {
                let o = j.object(&["24x7", "weekly"])?;
                match o.members {
                    [(k, v)] if k.name == "weekly" => FromJson::from_json(v).map(Hours::Weekly),
                    [(k, v)] => match v.value {
                        Value::Null => Ok(Hours::TwentyFourSeven),
                        _ => Err(v.invalid(&format!("nothing after `{}`", k.name))),
                    },
                    _ => Err(j.error("expected \"24x7\" or {\"weekly\": [...]} with one member")),
                }
            }
            _ => Err(j.invalid("\"24x7\" or {\"weekly\": [...]}")),
        }
    }
}

impl FromJson for WeeklyWindow {
    fn from_json(j: &Json) -> Result<WeeklyWindow, JsonError> {
        let o = j.object(&["days", "start", "end"])?;
        Ok(WeeklyWindow { days: o.need("days", days)?, start: o.req("start")?, end: o.req("end")? })
    }
}

fn days(j: &Json) -> Result<Vec<Weekday>, JsonError> {
    j.list_of(|d| {
        let text = d.str()?;
        text.parse()
            .map_err(|_| d.error(format!("invalid value: string {text:?}, expected a weekday such as \"Mon\"")))
    })
}

impl FromJson for TimeOfDay {
    fn from_json(j: &Json) -> Result<TimeOfDay, JsonError> {
        parsed(j, j.str()?.parse())
    }
}

impl FromJson for Span {
    /// A whole number of seconds or a duration text (`"4h"`, `"1h 30m"`, `"01:30:00"`).
    fn from_json(j: &Json) -> Result<Span, JsonError> {
        match &j.value {
            Value::String(t) => parsed(j, t.parse()),
            Value::Number(n) => match n.parse::<i64>() {
                Ok(n) if n > MAX_SPAN_SECONDS => Err(j.error(SpanError::TooLong(n.to_string()).to_string())),
                Ok(n) if n >= 0 => Ok(Span::from_seconds(n)),
                Ok(n) => Err(j.error(SpanError::Negative(n.to_string()).to_string())),
                Err(_) => Err(j.invalid("a whole number of seconds or a duration such as \"4h\"")),
            },
            _ => Err(j.invalid("a whole number of seconds or a duration such as \"4h\"")),
        }
    }
}

/// The object of an internally tagged enum (`{"kind": ...}`) and the index of its kind in
/// `kinds`; `fields[index]` lists the members that kind may have besides `kind`.
fn tagged<'j>(j: &'j Json, kinds: &[(&str, usize)], fields: &[&[&str]]) -> Result<(Obj<'j>, usize), JsonError> {
    let kind = j.object_any()?.need("kind", |k| k.variant(kinds))?;
    let mut known = vec!["kind"];
    known.extend_from_slice(fields[kind]);
    Ok((j.object(&known)?, kind))
}

impl FromJson for PeriodSpec {
    fn from_json(j: &Json) -> Result<PeriodSpec, JsonError> {
        let kinds = [("month", 0), ("quarter", 1), ("year", 2), ("custom", 3)];
        let (o, kind) = tagged(j, &kinds, &[&[], &[], &[], &["first_day", "last_day"]])?;
        Ok(match kind {
            0 => PeriodSpec::Month,
            1 => PeriodSpec::Quarter,
            2 => PeriodSpec::Year,
            _ => PeriodSpec::Custom { first_day: o.need("first_day", read_date)?, last_day: o.need("last_day", read_date)? },
        })
    }
}

impl FromJson for MaintenanceWindow {
    fn from_json(j: &Json) -> Result<MaintenanceWindow, JsonError> {
        let (o, kind) = tagged(j, &[("one_off", 0), ("weekly", 1)], &[&["title", "start", "end"], &["title", "days", "start", "end"]])?;
        let title = o.or_default("title")?;
        Ok(if kind == 1 {
            MaintenanceWindow::Weekly { title, days: o.need("days", days)?, start: o.req("start")?, end: o.req("end")? }
        } else {
            MaintenanceWindow::OneOff { title, start: o.need("start", read_date_time)?, end: o.need("end", read_date_time)? }
        })
    }
}

impl FromJson for PriorityTarget {
    fn from_json(j: &Json) -> Result<PriorityTarget, JsonError> {
        let o = j.object(&["name", "respond", "resolve"])?;
        Ok(PriorityTarget { name: o.req("name")?, respond: o.or_default("respond")?, resolve: o.or_default("resolve")? })
    }
}

impl FromJson for ClockTarget {
    fn from_json(j: &Json) -> Result<ClockTarget, JsonError> {
        let o = j.object(&["within", "clock", "penalty"])?;
        Ok(ClockTarget { within: o.req("within")?, clock: o.or_default("clock")?, penalty: o.or_default("penalty")? })
    }
}

impl FromJson for Clock {
    fn from_json(j: &Json) -> Result<Clock, JsonError> {
        j.variant(&[("service_hours", Clock::ServiceHours), ("24x7", Clock::AroundTheClock)])
    }
}

impl FromJson for ImpactWeights {
    fn from_json(j: &Json) -> Result<ImpactWeights, JsonError> {
        let o = j.object(&["partial_outage_percent", "degraded_percent"])?;
        let mut w = ImpactWeights::default();
        o.set("partial_outage_percent", &mut w.partial_outage_percent)?;
        o.set("degraded_percent", &mut w.degraded_percent)?;
        Ok(w)
    }
}

impl FromJson for CreditPolicy {
    fn from_json(j: &Json) -> Result<CreditPolicy, JsonError> {
        let o = j.object(&["fee_per_period", "currency", "tiers", "cap_percent", "minimum_amount"])?;
        let mut c = CreditPolicy::default();
        o.set("fee_per_period", &mut c.fee_per_period)?;
        o.set("currency", &mut c.currency)?;
        o.set("tiers", &mut c.tiers)?;
        o.set("cap_percent", &mut c.cap_percent)?;
        o.set("minimum_amount", &mut c.minimum_amount)?;
        Ok(c)
    }
}

impl FromJson for CreditTier {
    fn from_json(j: &Json) -> Result<CreditTier, JsonError> {
        let o = j.object(&["below_percent", "credit_percent"])?;
        Ok(CreditTier { below_percent: o.req("below_percent")?, credit_percent: o.req("credit_percent")? })
    }
}

impl FromJson for Revision {
    fn from_json(j: &Json) -> Result<Revision, JsonError> {
        let mut known = vec!["version", "effective_date", "note"];
        known.extend_from_slice(&super::REVISABLE_FIELDS);
        let o = j.object(&known)?;
        Ok(Revision {
            version: o.req("version")?,
            effective_date: o.need("effective_date", read_date)?,
            note: o.or_default("note")?,
            availability_hours: o.or_default("availability_hours")?,
            support_hours: o.or_default("support_hours")?,
            availability_target_percent: o.or_default("availability_target_percent")?,
            priorities: o.or_default("priorities")?,
            maintenance: o.or_default("maintenance")?,
            impact: o.or_default("impact")?,
            credits: o.or_default("credits")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::from_str;

    fn refusal<T: FromJson + std::fmt::Debug>(text: &str) -> (usize, usize, String) {
        let e = from_str::<T>(text).unwrap_err();
        let (l, c) = e.line_column(text);
        (l, c, e.message)
    }

    #[test]
    fn reads_back_what_serde_writes() {
        let mut a = crate::sample::sample_agreement();
        a.effective_date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
        a.period = PeriodSpec::Custom {
            first_day: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            last_day: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        };
        a.support_hours = Schedule::weekdays(TimeOfDay::hm(8, 0).unwrap(), TimeOfDay::hm(24, 0).unwrap());
        a.support_hours.holidays = vec![chrono::NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()];
        a.maintenance = vec![
            MaintenanceWindow::Weekly {
                title: "patching".into(),
                days: vec![Weekday::Sun],
                start: TimeOfDay::hm(2, 0).unwrap(),
                end: TimeOfDay::hm(4, 0).unwrap(),
            },
            MaintenanceWindow::OneOff {
                title: String::new(),
                start: chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap().and_hms_opt(22, 0, 5).unwrap(),
                end: chrono::NaiveDate::from_ymd_opt(2026, 2, 2).unwrap().and_hms_opt(1, 0, 0).unwrap(),
            },
        ];
        a.priorities[0].resolve = None;
        a.priorities[1].respond.as_mut().unwrap().penalty = 250.5;
        a.import_mapping = Some(crate::import::ColumnMapping {
            start: Some("opened".into()),
            restored: Some(crate::import::TimeSource::After { column: "dur".into(), unit: crate::import::NumberUnit::Minutes }),
            resolved: Some(crate::import::TimeSource::At("closed".into())),
            priority_values: vec![crate::import::ValueRule { from: "High".into(), to: "P1".into() }],
            exclude_no_impact: true,
            ..Default::default()
        });
        a.revisions = vec![Revision {
            version: "2.0".into(),
            effective_date: chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            note: Some("tighter".into()),
            availability_hours: None,
            support_hours: Some(Schedule::always()),
            availability_target_percent: Some(99.95),
            priorities: Some(vec![]),
            maintenance: None,
            impact: Some(ImpactWeights { partial_outage_percent: 50.0, degraded_percent: 10.0 }),
            credits: None,
        }];
        for text in [serde_json::to_string(&a).unwrap(), serde_json::to_string_pretty(&a).unwrap()] {
            assert_eq!(from_str::<Agreement>(&text).unwrap(), a);
        }
        for p in [PeriodSpec::Month, PeriodSpec::Quarter, PeriodSpec::Year] {
            assert_eq!(from_str::<PeriodSpec>(&serde_json::to_string(&p).unwrap()).unwrap(), p);
        }
        assert_eq!(from_str::<Agreement>("{}").unwrap(), Agreement::default());
        assert_eq!(from_str::<Agreement>("{\"effective_date\": null}").unwrap(), Agreement::default());
        assert_eq!(from_str::<Span>("5400").unwrap(), Span::from_minutes(90));
        assert_eq!(from_str::<Span>("\"1h 30m\"").unwrap(), Span::from_minutes(90));
        assert_eq!(from_str::<Hours>("{\"weekly\": []}").unwrap(), Hours::Weekly(vec![]));
    }

    #[test]
    fn refusals_point_at_the_value() {
        assert_eq!(
            refusal::<Agreement>("{\n  \"targett\": 99\n}"),
            (2, 3, "unknown field `targett`, expected one of `schema`, `service`, `provider`, `customer`, `version`, `effective_date`, `time_zone`, `availability_hours`, `support_hours`, `period`, `availability_target_percent`, `priorities`, `maintenance`, `impact`, `credits`, `import_mapping`, `revisions`".into())
        );
        assert_eq!(
            refusal::<Agreement>("{\"availability_target_percent\": \"\"}"),
            (1, 33, "invalid type: string \"\", expected a number".into())
        );
        assert_eq!(refusal::<Agreement>("{\"period\": {}}"), (1, 12, "missing field `kind`".into()));
        assert_eq!(
            refusal::<Agreement>("{\"period\": {\"kind\": \"week\"}}"),
            (1, 21, "unknown variant `week`, expected one of `month`, `quarter`, `year`, `custom`".into())
        );
        assert_eq!(
            refusal::<PeriodSpec>("{\"kind\": \"month\", \"first_day\": \"2026-01-01\"}"),
            (1, 19, "unknown field `first_day`, expected `kind`".into())
        );
        assert_eq!(refusal::<PeriodSpec>("{\"kind\": \"custom\", \"first_day\": \"2026-01-01\"}"), (1, 1, "missing field `last_day`".into()));
        assert_eq!(
            refusal::<PeriodSpec>("{\"kind\": \"custom\", \"first_day\": \"2026-02-30\", \"last_day\": \"2026-03-01\"}"),
            (1, 33, "expected a date as YYYY-MM-DD, found \"2026-02-30\"".into())
        );
        assert_eq!(refusal::<Span>("-3"), (1, 1, SpanError::Negative("-3".into()).to_string()));
        assert_eq!(refusal::<Span>("1.5").2, "invalid type: floating point `1.5`, expected a whole number of seconds or a duration such as \"4h\"");
        assert_eq!(refusal::<WeeklyWindow>("{\"days\": [\"Mo\"], \"start\": \"08:00\", \"end\": \"17:00\"}"), (1, 11, "invalid value: string \"Mo\", expected a weekday such as \"Mon\"".into()));
        assert_eq!(refusal::<Clock>("\"always\"").2, "unknown variant `always`, expected `service_hours` or `24x7`");
        assert_eq!(refusal::<Hours>("\"24/7\"").2, "unknown variant `24/7`, expected `24x7`");
        assert_eq!(refusal::<Hours>("[]").2, "invalid type: sequence, expected \"24x7\" or {\"weekly\": [...]}");
        assert_eq!(refusal::<Revision>("{\"version\": \"2\", \"effective_date\": \"2026-01-01\", \"service\": \"x\"}").2.split(',').next().unwrap(), "unknown field `service`");
    }
}
