//! The quick calculators' inputs (no upload needed), all kept as typed text so that a
//! half-typed or invalid value stays visible next to its message: the target and period
//! convention, a downtime for the reverse calculator, per-weekday service hours and the tree of
//! a composite (series / parallel / multi-region) availability. Results are computed from these
//! by `sla_core::calc` through the pure helpers in [`inputs`], never stored.
//!
//! [`query`] turns the state into URL query parameters and back, for links straight to an
//! answer.

pub mod inputs;
pub mod query;

use sla_core::calc::PeriodKind;

/// Most groups that may be nested inside each other in the composite builder. Kept well below
/// `sla_core::calc::MAX_COMPONENT_DEPTH` (a regions wrapper adds a level too).
pub const MAX_NESTING: usize = 16;

/// Most nodes (components, groups, region wrappers) in the composite builder.
pub const MAX_NODES: usize = 200;

/// Which calculator is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CalcKind {
    /// Target % → allowed downtime per day, week, month, quarter and year.
    #[default]
    Downtime,
    /// Downtime over a period → availability %.
    Reverse,
    /// Per-weekday service hours → measured time and allowed downtime.
    ServiceHours,
    /// Components in series and in parallel → combined availability.
    Composite,
}

impl CalcKind {
    /// All calculators, in the order the tabs show them.
    pub const ALL: [CalcKind; 4] = [CalcKind::Downtime, CalcKind::Reverse, CalcKind::ServiceHours, CalcKind::Composite];

    /// The name used in links (`?calc=downtime`).
    pub fn key(self) -> &'static str {
        match self {
            CalcKind::Downtime => "downtime",
            CalcKind::Reverse => "reverse",
            CalcKind::ServiceHours => "hours",
            CalcKind::Composite => "composite",
        }
    }

    /// Reads [`CalcKind::key`] back.
    pub fn from_key(key: &str) -> Option<CalcKind> {
        CalcKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// How long a month (and quarter, year) is; the date and zone of the calendar choice are
/// separate text fields of [`CalcState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ConventionChoice {
    /// 30-day month, 365-day year.
    #[default]
    ThirtyDayMonth,
    /// Mean Gregorian year of 365.2425 days (as on uptime.is).
    MeanGregorian,
    /// The exact calendar period containing a date, in a time zone.
    Calendar,
}

impl ConventionChoice {
    /// All choices, in menu order.
    pub const ALL: [ConventionChoice; 3] =
        [ConventionChoice::ThirtyDayMonth, ConventionChoice::MeanGregorian, ConventionChoice::Calendar];

    /// The name used in links and as the `<option>` value.
    pub fn key(self) -> &'static str {
        match self {
            ConventionChoice::ThirtyDayMonth => "30d",
            ConventionChoice::MeanGregorian => "mean",
            ConventionChoice::Calendar => "calendar",
        }
    }

    /// Reads [`ConventionChoice::key`] back.
    pub fn from_key(key: &str) -> Option<ConventionChoice> {
        ConventionChoice::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Whether a group's members are all needed or any one suffices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// All members are needed: `A = Π Aᵢ`.
    Series,
    /// Any one member suffices: `A = 1 − Π (1 − Aᵢ)`.
    Parallel,
}

/// One node of the composite builder's tree, with its fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub enum CalcNode {
    /// A component with a known availability.
    Leaf {
        /// What it is, e.g. "database" (may be empty).
        name: String,
        /// Its availability in percent, as typed.
        percent_text: String,
    },
    /// A series or parallel group.
    Group {
        /// Series or parallel.
        kind: GroupKind,
        /// The members, in order.
        children: Vec<CalcNode>,
    },
    /// The same deployment in several independent regions: `A = 1 − (1 − A_d)^R`.
    Regions {
        /// The number of regions R, as typed.
        count_text: String,
        /// What is deployed in each region (child index 0 in a [`NodePath`]).
        deployment: Box<CalcNode>,
    },
}

/// Where a node is in the tree: child indices from the root (`[]` is the root). The deployment
/// of a [`CalcNode::Regions`] is its child 0.
pub type NodePath = Vec<usize>;

impl CalcNode {
    /// A leaf with a name and availability text.
    pub fn leaf(name: &str, percent_text: &str) -> CalcNode {
        CalcNode::Leaf { name: name.to_string(), percent_text: percent_text.to_string() }
    }

    /// The example tree the builder opens with: a load balancer, an API and two databases in
    /// parallel, all in series.
    pub fn example() -> CalcNode {
        CalcNode::Group {
            kind: GroupKind::Series,
            children: vec![
                CalcNode::leaf("LB", "99.99"),
                CalcNode::leaf("API", "99.95"),
                CalcNode::Group {
                    kind: GroupKind::Parallel,
                    children: vec![CalcNode::leaf("DB 1", "99.9"), CalcNode::leaf("DB 2", "99.9")],
                },
            ],
        }
    }

    /// The node at `path`, if there is one.
    pub fn get(&self, path: &[usize]) -> Option<&CalcNode> {
        let Some((first, rest)) = path.split_first() else { return Some(self) };
        match self {
            CalcNode::Group { children, .. } => children.get(*first)?.get(rest),
            CalcNode::Regions { deployment, .. } if *first == 0 => deployment.get(rest),
            _ => None,
        }
    }

    /// The node at `path`, mutably.
    pub fn get_mut(&mut self, path: &[usize]) -> Option<&mut CalcNode> {
        let Some((first, rest)) = path.split_first() else { return Some(self) };
        match self {
            CalcNode::Group { children, .. } => children.get_mut(*first)?.get_mut(rest),
            CalcNode::Regions { deployment, .. } if *first == 0 => deployment.get_mut(rest),
            _ => None,
        }
    }

    /// How many nodes the tree has, this one included.
    pub fn node_count(&self) -> usize {
        match self {
            CalcNode::Leaf { .. } => 1,
            CalcNode::Group { children, .. } => 1 + children.iter().map(CalcNode::node_count).sum::<usize>(),
            CalcNode::Regions { deployment, .. } => 1 + deployment.node_count(),
        }
    }

    /// How many levels deep the tree goes (a leaf is 1).
    pub fn depth(&self) -> usize {
        match self {
            CalcNode::Leaf { .. } => 1,
            CalcNode::Group { children, .. } => 1 + children.iter().map(CalcNode::depth).max().unwrap_or(0),
            CalcNode::Regions { deployment, .. } => 1 + deployment.depth(),
        }
    }
}

/// Inputs of the quick calculators, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CalcState {
    /// The calculator shown.
    pub active: CalcKind,
    /// The availability target in percent, as typed (allowed downtime and service hours).
    pub target_text: String,
    /// How long months, quarters and years are.
    pub convention: ConventionChoice,
    /// For [`ConventionChoice::Calendar`]: a date inside the wanted periods (`YYYY-MM-DD`, or
    /// `YYYY-MM` for a month), as typed.
    pub calendar_date_text: String,
    /// For [`ConventionChoice::Calendar`]: the IANA time zone, as typed.
    pub time_zone_text: String,
    /// The reverse calculator's downtime, as typed (`3h 10m`, `13m 37s`, `01:30:00`, `5400`).
    pub downtime_text: String,
    /// The reverse calculator's period.
    pub reverse_period: PeriodKind,
    /// Hours measured on each weekday, Monday first, as typed (0 = not measured).
    pub hours_text: [String; 7],
    /// The composite builder's tree (the root is normally a group).
    pub composite: CalcNode,
}

impl Default for CalcState {
    fn default() -> CalcState {
        CalcState {
            active: CalcKind::Downtime,
            target_text: "99.9".to_string(),
            convention: ConventionChoice::ThirtyDayMonth,
            calendar_date_text: String::new(),
            time_zone_text: "UTC".to_string(),
            downtime_text: "13m 37s".to_string(),
            reverse_period: PeriodKind::Month,
            hours_text: std::array::from_fn(|_| "24".to_string()),
            composite: CalcNode::example(),
        }
    }
}

/// Changes to the calculators' inputs. Actions naming a path that does not exist (or a node of
/// the wrong kind) change nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum CalcAction {
    /// Show another calculator.
    Show(CalcKind),
    /// The target field changed.
    SetTargetText(String),
    /// Another period convention was chosen.
    SetConvention(ConventionChoice),
    /// The calendar date field changed.
    SetCalendarDateText(String),
    /// The time zone field changed.
    SetTimeZoneText(String),
    /// The reverse calculator's downtime changed.
    SetDowntimeText(String),
    /// The reverse calculator's period changed.
    SetReversePeriod(PeriodKind),
    /// One weekday's service hours changed (`day` 0 = Monday … 6 = Sunday).
    SetHoursText {
        /// 0 = Monday … 6 = Sunday.
        day: usize,
        /// The hours as typed.
        text: String,
    },
    /// Append a new component (empty name, 99.9 %) to the group at the path.
    AddLeaf(NodePath),
    /// Append a new group (with one component) to the group at `parent`.
    AddGroup {
        /// The group that receives it.
        parent: NodePath,
        /// Series or parallel.
        kind: GroupKind,
    },
    /// Remove the node at the path (the root stays; removing a regions deployment removes the
    /// regions node).
    Remove(NodePath),
    /// Switch the group at `path` between series and parallel.
    SetGroupKind {
        /// The group.
        path: NodePath,
        /// Its new kind.
        kind: GroupKind,
    },
    /// Rename the component at `path`.
    SetLeafName {
        /// The component.
        path: NodePath,
        /// Its new name.
        name: String,
    },
    /// The availability field of the component at `path` changed.
    SetLeafPercentText {
        /// The component.
        path: NodePath,
        /// The availability as typed.
        text: String,
    },
    /// Deploy the node at the path in 2 regions (wraps it in a regions node).
    WrapInRegions(NodePath),
    /// Replace the regions node at the path by its deployment (a single region again).
    Unwrap(NodePath),
    /// The regions count field of the regions node at `path` changed.
    SetRegionCountText {
        /// The regions node.
        path: NodePath,
        /// The count as typed.
        text: String,
    },
    /// Put the example tree back.
    ResetComposite,
    /// Replace every input (e.g. from a link, see [`query`]).
    Replace(Box<CalcState>),
}

impl CalcState {
    /// Applies one change.
    pub fn apply(&mut self, action: CalcAction) {
        match action {
            CalcAction::Show(kind) => self.active = kind,
            CalcAction::SetTargetText(t) => self.target_text = t,
            CalcAction::SetConvention(c) => self.convention = c,
            CalcAction::SetCalendarDateText(t) => self.calendar_date_text = t,
            CalcAction::SetTimeZoneText(t) => self.time_zone_text = t,
            CalcAction::SetDowntimeText(t) => self.downtime_text = t,
            CalcAction::SetReversePeriod(p) => self.reverse_period = p,
            CalcAction::SetHoursText { day, text } => {
                if let Some(slot) = self.hours_text.get_mut(day) {
                    *slot = text;
                }
            }
            CalcAction::AddLeaf(path) => {
                if self.composite.node_count() < MAX_NODES {
                    if let Some(CalcNode::Group { children, .. }) = self.composite.get_mut(&path) {
                        children.push(CalcNode::leaf("", "99.9"));
                    }
                }
            }
            CalcAction::AddGroup { parent, kind } => {
                let room = self.composite.node_count() + 2 <= MAX_NODES && parent.len() + 3 <= MAX_NESTING;
                if room {
                    if let Some(CalcNode::Group { children, .. }) = self.composite.get_mut(&parent) {
                        children.push(CalcNode::Group { kind, children: vec![CalcNode::leaf("", "99.9")] });
                    }
                }
            }
            CalcAction::Remove(path) => self.remove(&path),
            CalcAction::SetGroupKind { path, kind: new_kind } => {
                if let Some(CalcNode::Group { kind, .. }) = self.composite.get_mut(&path) {
                    *kind = new_kind;
                }
            }
            CalcAction::SetLeafName { path, name: new_name } => {
                if let Some(CalcNode::Leaf { name, .. }) = self.composite.get_mut(&path) {
                    *name = new_name;
                }
            }
            CalcAction::SetLeafPercentText { path, text } => {
                if let Some(CalcNode::Leaf { percent_text, .. }) = self.composite.get_mut(&path) {
                    *percent_text = text;
                }
            }
            CalcAction::WrapInRegions(path) => {
                let room = self.composite.node_count() < MAX_NODES && self.composite.depth() < MAX_NESTING;
                if let (true, Some(node)) = (room, self.composite.get_mut(&path)) {
                    if !matches!(node, CalcNode::Regions { .. }) {
                        let inner = std::mem::replace(node, CalcNode::leaf("", ""));
                        *node = CalcNode::Regions { count_text: "2".to_string(), deployment: Box::new(inner) };
                    }
                }
            }
            CalcAction::Unwrap(path) => {
                if let Some(node) = self.composite.get_mut(&path) {
                    if let CalcNode::Regions { deployment, .. } = node {
                        let inner = std::mem::replace(deployment.as_mut(), CalcNode::leaf("", ""));
                        *node = inner;
                    }
                }
            }
            CalcAction::SetRegionCountText { path, text } => {
                if let Some(CalcNode::Regions { count_text, .. }) = self.composite.get_mut(&path) {
                    *count_text = text;
                }
            }
            CalcAction::ResetComposite => self.composite = CalcNode::example(),
            CalcAction::Replace(state) => *self = *state,
        }
    }

    /// Removes the node at `path`; a regions deployment takes its regions node with it.
    fn remove(&mut self, path: &[usize]) {
        let Some((last, parent_path)) = path.split_last() else { return };
        let parent_is_regions = matches!(self.composite.get(parent_path), Some(CalcNode::Regions { .. }));
        if parent_is_regions {
            self.remove(parent_path);
            return;
        }
        if let Some(CalcNode::Group { children, .. }) = self.composite.get_mut(parent_path) {
            if *last < children.len() {
                children.remove(*last);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(actions: Vec<CalcAction>) -> CalcState {
        let mut s = CalcState::default();
        for a in actions {
            s.apply(a);
        }
        s
    }

    #[test]
    fn text_fields_keep_what_was_typed() {
        let s = applied(vec![
            CalcAction::SetTargetText("99.x".into()),
            CalcAction::SetDowntimeText("3 hrs 10".into()),
            CalcAction::SetHoursText { day: 6, text: "0".into() },
            CalcAction::SetHoursText { day: 7, text: "ignored".into() },
            CalcAction::SetConvention(ConventionChoice::Calendar),
            CalcAction::SetCalendarDateText("2026-02".into()),
            CalcAction::SetTimeZoneText("Asia/Taipei".into()),
            CalcAction::SetReversePeriod(PeriodKind::Year),
            CalcAction::Show(CalcKind::Reverse),
        ]);
        assert_eq!(s.target_text, "99.x");
        assert_eq!(s.downtime_text, "3 hrs 10");
        assert_eq!(s.hours_text[6], "0");
        assert_eq!(s.hours_text[0], "24");
        assert_eq!(s.convention, ConventionChoice::Calendar);
        assert_eq!(s.calendar_date_text, "2026-02");
        assert_eq!(s.time_zone_text, "Asia/Taipei");
        assert_eq!(s.reverse_period, PeriodKind::Year);
        assert_eq!(s.active, CalcKind::Reverse);
    }

    #[test]
    fn composite_tree_edits() {
        let mut s = CalcState::default();
        s.apply(CalcAction::AddLeaf(vec![]));
        assert!(matches!(s.composite.get(&[3]), Some(CalcNode::Leaf { .. })));
        s.apply(CalcAction::SetLeafName { path: vec![3], name: "cache".into() });
        s.apply(CalcAction::SetLeafPercentText { path: vec![3], text: "100.5".into() });
        assert_eq!(s.composite.get(&[3]), Some(&CalcNode::leaf("cache", "100.5")));
        s.apply(CalcAction::AddGroup { parent: vec![2], kind: GroupKind::Series });
        assert!(matches!(s.composite.get(&[2, 2]), Some(CalcNode::Group { kind: GroupKind::Series, .. })));
        s.apply(CalcAction::SetGroupKind { path: vec![2], kind: GroupKind::Series });
        assert!(matches!(s.composite.get(&[2]), Some(CalcNode::Group { kind: GroupKind::Series, .. })));
        // Wrap the API in regions, set the count, unwrap.
        s.apply(CalcAction::WrapInRegions(vec![1]));
        assert!(matches!(s.composite.get(&[1]), Some(CalcNode::Regions { .. })));
        assert_eq!(s.composite.get(&[1, 0]), Some(&CalcNode::leaf("API", "99.95")));
        s.apply(CalcAction::SetRegionCountText { path: vec![1], text: "3".into() });
        assert!(matches!(s.composite.get(&[1]), Some(CalcNode::Regions { count_text, .. }) if count_text == "3"));
        s.apply(CalcAction::Unwrap(vec![1]));
        assert_eq!(s.composite.get(&[1]), Some(&CalcNode::leaf("API", "99.95")));
        // Removing a deployment removes its regions wrapper.
        s.apply(CalcAction::WrapInRegions(vec![0]));
        s.apply(CalcAction::Remove(vec![0, 0]));
        assert_eq!(s.composite.get(&[0]), Some(&CalcNode::leaf("API", "99.95")));
        s.apply(CalcAction::Remove(vec![0]));
        assert!(matches!(s.composite.get(&[0]), Some(CalcNode::Group { .. })));
        s.apply(CalcAction::ResetComposite);
        assert_eq!(s.composite, CalcNode::example());
    }

    #[test]
    fn bad_paths_and_limits_change_nothing() {
        let before = CalcState::default();
        for a in [
            CalcAction::AddLeaf(vec![0]),
            CalcAction::AddLeaf(vec![9, 9]),
            CalcAction::Remove(vec![]),
            CalcAction::Remove(vec![42]),
            CalcAction::SetLeafName { path: vec![2], name: "x".into() },
            CalcAction::SetGroupKind { path: vec![0], kind: GroupKind::Parallel },
            CalcAction::Unwrap(vec![0]),
            CalcAction::SetRegionCountText { path: vec![0], text: "2".into() },
            CalcAction::SetLeafPercentText { path: vec![0, 0, 0], text: "1".into() },
        ] {
            let mut s = before.clone();
            s.apply(a.clone());
            assert_eq!(s, before, "{a:?}");
        }
        let mut s = CalcState::default();
        for _ in 0..500 {
            s.apply(CalcAction::AddLeaf(vec![]));
        }
        assert_eq!(s.composite.node_count(), MAX_NODES);
        let mut s = CalcState::default();
        let mut path = vec![];
        for _ in 0..100 {
            s.apply(CalcAction::AddGroup { parent: path.clone(), kind: GroupKind::Parallel });
            if let Some(CalcNode::Group { children, .. }) = s.composite.get(&path) {
                path.push(children.len() - 1);
            }
        }
        assert!(s.composite.depth() <= MAX_NESTING, "{}", s.composite.depth());
    }

    #[test]
    fn replace_swaps_everything() {
        let other = applied(vec![CalcAction::SetTargetText("99".into()), CalcAction::Show(CalcKind::Composite)]);
        let s = applied(vec![CalcAction::Replace(Box::new(other.clone()))]);
        assert_eq!(s, other);
    }
}
