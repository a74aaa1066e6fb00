//! The calculators' inputs as URL query parameters, for links straight to an answer:
//! `calc=downtime&target=99.95&hours=0,10,10,10,10,10,0`.
//!
//! | key | value |
//! |---|---|
//! | `calc` | `downtime`, `reverse`, `hours` or `composite` (always written) |
//! | `target` | the target as typed |
//! | `conv` | `30d`, `mean` or `calendar` |
//! | `date`, `tz` | the calendar date and time zone as typed |
//! | `downtime`, `period` | the reverse calculator's downtime as typed and its period (`day` … `year`) |
//! | `hours` | seven hour texts, Monday first, separated by `,` |
//! | `tree` | the composite tree: `s(…)` series, `p(…)` parallel, `r(COUNT;NODE)` regions, `NAME:PERCENT` a component |
//!
//! Only inputs that differ from [`CalcState::default`] are written (besides `calc`), so links
//! stay short; reading starts from the defaults. Texts are kept exactly as typed: inside
//! `hours` and `tree` the characters `( ) , : ; *` of a text are written `*XX` (hex), and the
//! URL itself escapes everything else outside `A–Z a–z 0–9 - . _ ~ ( ) , : ; * !` as `%XX`.
//! Keys this module does not know are ignored (the page's other parameters); a known key with
//! a value that cannot be read gives a [`QueryError`], never a panic.

use super::{CalcKind, CalcNode, CalcState, ConventionChoice, GroupKind, MAX_NESTING, MAX_NODES};
use sla_core::calc::PeriodKind;
use std::fmt;

/// Longest query accepted, in bytes.
pub const MAX_QUERY_LEN: usize = 16_000;

/// Why a link's parameters could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// The query is longer than [`MAX_QUERY_LEN`].
    TooLong(usize),
    /// A `%XX` or `*XX` escape is broken, or the bytes are not UTF-8.
    BadEscape {
        /// The parameter.
        key: String,
    },
    /// A parameter appears twice.
    Repeated(String),
    /// `calc` names no calculator.
    UnknownCalculator(String),
    /// `conv` names no convention.
    UnknownConvention(String),
    /// `period` names no period.
    UnknownPeriod(String),
    /// `hours` does not have seven values.
    WrongHourCount(usize),
    /// `tree` cannot be read.
    BadTree {
        /// Byte position in the decoded tree text.
        position: usize,
        /// What was expected there.
        expected: &'static str,
    },
    /// `tree` has too many nodes or is nested too deeply.
    TreeTooBig,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::TooLong(n) => write!(f, "the link's parameters are too long ({n} characters; at most {MAX_QUERY_LEN})"),
            QueryError::BadEscape { key } => write!(f, "parameter \"{key}\": a %XX or *XX escape is broken"),
            QueryError::Repeated(key) => write!(f, "parameter \"{key}\" appears more than once"),
            QueryError::UnknownCalculator(v) => {
                write!(f, "calc=\"{v}\" is not a calculator; use downtime, reverse, hours or composite")
            }
            QueryError::UnknownConvention(v) => write!(f, "conv=\"{v}\" is not a convention; use 30d, mean or calendar"),
            QueryError::UnknownPeriod(v) => {
                write!(f, "period=\"{v}\" is not a period; use day, week, month, quarter or year")
            }
            QueryError::WrongHourCount(n) => write!(f, "hours has {n} values; give 7, Monday first"),
            QueryError::BadTree { position, expected } => {
                write!(f, "tree: expected {expected} at character {}", position + 1)
            }
            QueryError::TreeTooBig => {
                write!(f, "tree: more than {MAX_NODES} components or nested more than {MAX_NESTING} levels")
            }
        }
    }
}

impl std::error::Error for QueryError {}

impl CalcState {
    /// The inputs as URL query parameters, without the leading `?`.
    ///
    /// ```
    /// use sla_web::state::calc::{CalcAction, CalcState};
    /// let mut s = CalcState::default();
    /// s.apply(CalcAction::SetTargetText("99.95".into()));
    /// assert_eq!(s.to_query(), "calc=downtime&target=99.95");
    /// assert_eq!(CalcState::from_query(&s.to_query()), Ok(s));
    /// ```
    pub fn to_query(&self) -> String {
        let d = CalcState::default();
        let mut pairs: Vec<(&str, String)> = vec![("calc", self.active.key().to_string())];
        if self.target_text != d.target_text {
            pairs.push(("target", self.target_text.clone()));
        }
        if self.convention != d.convention {
            pairs.push(("conv", self.convention.key().to_string()));
        }
        if self.calendar_date_text != d.calendar_date_text {
            pairs.push(("date", self.calendar_date_text.clone()));
        }
        if self.time_zone_text != d.time_zone_text {
            pairs.push(("tz", self.time_zone_text.clone()));
        }
        if self.downtime_text != d.downtime_text {
            pairs.push(("downtime", self.downtime_text.clone()));
        }
        if self.reverse_period != d.reverse_period {
            pairs.push(("period", self.reverse_period.name().to_string()));
        }
        if self.hours_text != d.hours_text {
            pairs.push(("hours", self.hours_text.iter().map(|h| escape_item(h)).collect::<Vec<_>>().join(",")));
        }
        if self.composite != d.composite {
            let mut tree = String::new();
            write_tree(&self.composite, &mut tree);
            pairs.push(("tree", tree));
        }
        pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect::<Vec<_>>().join("&")
    }

    /// Reads [`CalcState::to_query`] back (a leading `?` is allowed; unknown keys are ignored).
    ///
    /// ```
    /// use sla_web::state::calc::{query::QueryError, CalcKind, CalcState};
    /// let s = CalcState::from_query("?calc=hours&target=99.95&hours=0,10,10,10,10,10,0").unwrap();
    /// assert_eq!(s.active, CalcKind::ServiceHours);
    /// assert_eq!(s.hours_text[1], "10");
    /// assert_eq!(CalcState::from_query("calc=banana"), Err(QueryError::UnknownCalculator("banana".into())));
    /// ```
    pub fn from_query(query: &str) -> Result<CalcState, QueryError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LEN {
            return Err(QueryError::TooLong(query.len()));
        }
        let mut state = CalcState::default();
        let mut seen: Vec<String> = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode_component(raw_key).map_err(|_| QueryError::BadEscape { key: raw_key.to_string() })?;
            const KNOWN: [&str; 9] = ["calc", "target", "conv", "date", "tz", "downtime", "period", "hours", "tree"];
            if !KNOWN.contains(&key.as_str()) {
                continue;
            }
            if seen.contains(&key) {
                return Err(QueryError::Repeated(key));
            }
            let value = decode_component(raw_value).map_err(|_| QueryError::BadEscape { key: key.clone() })?;
            match key.as_str() {
                "calc" => {
                    state.active = CalcKind::from_key(&value).ok_or(QueryError::UnknownCalculator(value.clone()))?
                }
                "target" => state.target_text = value,
                "conv" => {
                    state.convention =
                        ConventionChoice::from_key(&value).ok_or(QueryError::UnknownConvention(value.clone()))?
                }
                "date" => state.calendar_date_text = value,
                "tz" => state.time_zone_text = value,
                "downtime" => state.downtime_text = value,
                "period" => {
                    state.reverse_period = PeriodKind::ALL
                        .into_iter()
                        .find(|p| p.name() == value)
                        .ok_or(QueryError::UnknownPeriod(value.clone()))?
                }
                "hours" => {
                    let items: Vec<&str> = value.split(',').collect();
                    if items.len() != 7 {
                        return Err(QueryError::WrongHourCount(items.len()));
                    }
                    for (slot, item) in state.hours_text.iter_mut().zip(items) {
                        *slot = unescape_item(item).map_err(|_| QueryError::BadEscape { key: key.clone() })?;
                    }
                }
                _ => state.composite = read_tree(&value)?,
            }
            seen.push(key);
        }
        Ok(state)
    }
}

// ---------------------------------------------------------------------------------------------
// URL escaping (%XX)
// ---------------------------------------------------------------------------------------------

fn kept_in_url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~(),:;*!".contains(&b)
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if kept_in_url(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it).
fn decode_component(text: &str) -> Result<String, ()> {
    unescape_with(text, b'%', true)
}

fn unescape_with(text: &str, marker: u8, plus_is_space: bool) -> Result<String, ()> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == marker {
            let hex = bytes.get(i + 1..i + 3).ok_or(())?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return Err(());
            }
            let hex = std::str::from_utf8(hex).map_err(|_| ())?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| ())?);
            i += 3;
        } else {
            out.push(if plus_is_space && b == b'+' { b' ' } else { b });
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ())
}

// ---------------------------------------------------------------------------------------------
// Item escaping inside `hours` and `tree` (*XX)
// ---------------------------------------------------------------------------------------------

const TREE_SYNTAX: &[u8] = b"(),:;*";

fn escape_item(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() && TREE_SYNTAX.contains(&(c as u8)) {
            out.push_str(&format!("*{:02X}", c as u8));
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape_item(text: &str) -> Result<String, ()> {
    unescape_with(text, b'*', false)
}

// ---------------------------------------------------------------------------------------------
// The composite tree
// ---------------------------------------------------------------------------------------------

fn write_tree(node: &CalcNode, out: &mut String) {
    match node {
        CalcNode::Leaf { name, percent_text } => {
            out.push_str(&escape_item(name));
            out.push(':');
            out.push_str(&escape_item(percent_text));
        }
        CalcNode::Group { kind, children } => {
            out.push_str(match kind {
                GroupKind::Series => "s(",
                GroupKind::Parallel => "p(",
            });
            for (i, c) in children.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_tree(c, out);
            }
            out.push(')');
        }
        CalcNode::Regions { count_text, deployment } => {
            out.push_str("r(");
            out.push_str(&escape_item(count_text));
            out.push(';');
            write_tree(deployment, out);
            out.push(')');
        }
    }
}

struct TreeReader<'a> {
    text: &'a str,
    at: usize,
    nodes: usize,
}

fn read_tree(text: &str) -> Result<CalcNode, QueryError> {
    let mut r = TreeReader { text, at: 0, nodes: 0 };
    let node = r.node(1)?;
    if r.at != text.len() {
        return Err(QueryError::BadTree { position: r.at, expected: "the end of the tree" });
    }
    Ok(node)
}

impl TreeReader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn expect(&mut self, c: char, expected: &'static str) -> Result<(), QueryError> {
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            Ok(())
        } else {
            Err(QueryError::BadTree { position: self.at, expected })
        }
    }

    /// Text up to the next syntax character, unescaped.
    fn item(&mut self) -> Result<String, QueryError> {
        let len = self.rest().find(|c: char| c.is_ascii() && b"(),:;".contains(&(c as u8))).unwrap_or(self.rest().len());
        let raw = &self.text[self.at..self.at + len];
        let value = unescape_item(raw).map_err(|_| QueryError::BadTree { position: self.at, expected: "a valid *XX escape" })?;
        self.at += len;
        Ok(value)
    }

    fn node(&mut self, depth: usize) -> Result<CalcNode, QueryError> {
        self.nodes += 1;
        if depth > MAX_NESTING || self.nodes > MAX_NODES {
            return Err(QueryError::TreeTooBig);
        }
        let group = if self.rest().starts_with("s(") {
            Some(GroupKind::Series)
        } else if self.rest().starts_with("p(") {
            Some(GroupKind::Parallel)
        } else {
            None
        };
        if let Some(kind) = group {
            self.at += 2;
            let mut children = Vec::new();
            if !self.rest().starts_with(')') {
                loop {
                    children.push(self.node(depth + 1)?);
                    if self.rest().starts_with(',') {
                        self.at += 1;
                    } else {
                        break;
                    }
                }
            }
            self.expect(')', "\",\" or \")\"")?;
            return Ok(CalcNode::Group { kind, children });
        }
        if self.rest().starts_with("r(") {
            self.at += 2;
            let count_text = self.item()?;
            self.expect(';', "\";\" after the number of regions")?;
            let deployment = Box::new(self.node(depth + 1)?);
            self.expect(')', "\")\" closing the regions")?;
            return Ok(CalcNode::Regions { count_text, deployment });
        }
        let name = self.item()?;
        self.expect(':', "\":\" between a component's name and availability")?;
        let percent_text = self.item()?;
        Ok(CalcNode::Leaf { name, percent_text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::calc::CalcAction;
    use proptest::prelude::*;

    /// Query pairs built from the keys the reader knows and arbitrary values (percent escapes,
    /// separators, non-ASCII), in any order and number.
    fn noisy_query() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("calc"), Just("target"), Just("conv"), Just("date"), Just("tz"), Just("downtime"),
            Just("period"), Just("hours"), Just("tree"), Just("x"), Just("")
        ];
        let value = prop_oneof![
            "[a-z0-9.%+ ]{0,12}",
            "\\PC{0,8}",
            Just("downtime".to_string()),
            Just("%ZZ".to_string()),
            Just("%E4%B8%AD".to_string()),
            Just("99.95".to_string())
        ];
        proptest::collection::vec((key, value), 0..8)
            .prop_map(|pairs| pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// A calculator link is user input: reading any text never panics, and whatever reads
        /// writes a link that reads back the same.
        #[test]
        fn any_link_reads_without_panicking_and_round_trips(q in prop_oneof!["\\PC{0,200}", noisy_query()]) {
            if let Ok(s) = CalcState::from_query(&q) {
                let again = s.to_query();
                prop_assert_eq!(CalcState::from_query(&again), Ok(s), "{} -> {}", q, again);
            }
        }
    }

    fn round_trip(s: &CalcState) {
        let q = s.to_query();
        assert_eq!(CalcState::from_query(&q).as_ref(), Ok(s), "query: {q}");
        assert_eq!(CalcState::from_query(&format!("?{q}&lang=zh-TW")).as_ref(), Ok(s), "with a leading ? and other keys");
    }

    #[test]
    fn default_is_a_short_link() {
        assert_eq!(CalcState::default().to_query(), "calc=downtime");
        round_trip(&CalcState::default());
        assert_eq!(CalcState::from_query(""), Ok(CalcState::default()));
    }

    #[test]
    fn every_input_round_trips_exactly() {
        let mut s = CalcState::default();
        for a in [
            CalcAction::Show(CalcKind::Composite),
            CalcAction::SetTargetText("99,95 % & more=?#+".into()),
            CalcAction::SetConvention(ConventionChoice::Calendar),
            CalcAction::SetCalendarDateText("2026-02".into()),
            CalcAction::SetTimeZoneText("America/Argentina/Buenos_Aires".into()),
            CalcAction::SetDowntimeText("3 hrs 10".into()),
            CalcAction::SetReversePeriod(PeriodKind::Quarter),
            CalcAction::SetHoursText { day: 0, text: "8,5".into() },
            CalcAction::SetHoursText { day: 6, text: "*(x);:".into() },
            CalcAction::SetLeafName { path: vec![0], name: "負載平衡 (LB), a:b; *".into() },
            CalcAction::SetLeafPercentText { path: vec![1], text: "".into() },
            CalcAction::WrapInRegions(vec![2]),
            CalcAction::SetRegionCountText { path: vec![2], text: "3;)".into() },
            CalcAction::AddGroup { parent: vec![], kind: GroupKind::Parallel },
            CalcAction::Remove(vec![3, 0]),
            CalcAction::AddLeaf(vec![]),
            CalcAction::SetLeafName { path: vec![4], name: "s(".into() },
        ] {
            s.apply(a);
            round_trip(&s);
        }
        let q = s.to_query();
        assert!(q.contains("calc=composite"), "{q}");
        assert!(!q.contains(' ') && !q.contains('#') && !q.contains('+'), "{q}");
    }

    #[test]
    fn reads_the_documented_example() {
        let s = CalcState::from_query("?calc=downtime&target=99.95&hours=0,10,10,10,10,10,0").unwrap();
        assert_eq!(s.active, CalcKind::Downtime);
        assert_eq!(s.target_text, "99.95");
        assert_eq!(s.hours_text, ["0", "10", "10", "10", "10", "10", "0"].map(String::from));
        let t = CalcState::from_query("tree=s(api:99.95,p(a:99.9,b:99.9),r(2;x:99))&target=99+.9").unwrap();
        assert_eq!(t.target_text, "99 .9");
        assert_eq!(
            t.composite,
            CalcNode::Group {
                kind: GroupKind::Series,
                children: vec![
                    CalcNode::leaf("api", "99.95"),
                    CalcNode::Group {
                        kind: GroupKind::Parallel,
                        children: vec![CalcNode::leaf("a", "99.9"), CalcNode::leaf("b", "99.9")]
                    },
                    CalcNode::Regions { count_text: "2".into(), deployment: Box::new(CalcNode::leaf("x", "99")) },
                ]
            }
        );
    }

    #[test]
    fn garbage_gives_typed_errors() {
        let err = |q: &str| CalcState::from_query(q).unwrap_err();
        assert_eq!(err("calc=banana"), QueryError::UnknownCalculator("banana".into()));
        assert_eq!(err("conv=lunar"), QueryError::UnknownConvention("lunar".into()));
        assert_eq!(err("period=fortnight"), QueryError::UnknownPeriod("fortnight".into()));
        assert_eq!(err("hours=1,2"), QueryError::WrongHourCount(2));
        assert_eq!(err("target=%ZZ"), QueryError::BadEscape { key: "target".into() });
        assert_eq!(err("target=%E2%82"), QueryError::BadEscape { key: "target".into() });
        assert_eq!(err("target=%4"), QueryError::BadEscape { key: "target".into() });
        assert_eq!(err("target=1&target=2"), QueryError::Repeated("target".into()));
        assert!(matches!(err("tree=s(a:1"), QueryError::BadTree { .. }));
        assert!(matches!(err("tree=s(a:1))"), QueryError::BadTree { .. }));
        assert!(matches!(err("tree=r(2;"), QueryError::BadTree { .. }));
        assert!(matches!(err("tree=nonsense"), QueryError::BadTree { .. }));
        assert!(matches!(err("tree=a:*Z1"), QueryError::BadTree { .. }));
        assert_eq!(err(&format!("tree={}", "s(".repeat(5000))), QueryError::TreeTooBig);
        assert_eq!(err(&format!("tree=s({})", vec!["a:1"; 300].join(","))), QueryError::TreeTooBig);
        assert!(matches!(err(&"x".repeat(MAX_QUERY_LEN + 1)), QueryError::TooLong(_)));
        for e in [err("calc=banana"), err("tree=s(")] {
            assert!(!e.to_string().is_empty());
        }
        // Unknown keys and bare keys are ignored.
        assert_eq!(CalcState::from_query("debug-panic&lang=en&=x"), Ok(CalcState::default()));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A small deterministic fuzz: every prefix of a tricky query, and byte soup.
        let tricky = "calc=composite&tree=s(a*28:9%2C,p(r(2;b:1),),c:%E4%B8%AD)&hours=1,2,3,4,5,6,7&date=%";
        for i in 0..=tricky.len() {
            if tricky.is_char_boundary(i) {
                let _ = CalcState::from_query(&tricky[..i]);
            }
        }
        let mut seed: u32 = 12345;
        let alphabet = b"sprl():;,*%&=+?09AFaz tree=hours=calc=";
        for _ in 0..2000 {
            let mut q = String::from("tree=");
            for _ in 0..40 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                q.push(alphabet[(seed >> 16) as usize % alphabet.len()] as char);
            }
            let _ = CalcState::from_query(&q);
        }
    }
}
