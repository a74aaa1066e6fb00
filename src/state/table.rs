//! The incident table's view: whether it is shown, how it is sorted and filtered, how many rows
//! are listed. The rows themselves are derived from the data by the core, never stored.

/// A column the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// File order.
    #[default]
    Start,
    /// Incident id.
    Id,
    /// Priority name.
    Priority,
    /// Weighted downtime counted.
    Counted,
    /// Outage length.
    Outage,
}

/// The table's view state.
#[derive(Debug, Clone, PartialEq)]
pub struct TableState {
    /// Whether the table is expanded (the breakdown is only computed then).
    pub open: bool,
    /// The sort column.
    pub sort: SortKey,
    /// Descending order.
    pub descending: bool,
    /// Only this priority ("" = all).
    pub priority: String,
    /// Only this period label ("" = all).
    pub period: String,
    /// Only this service ("" = all).
    pub service: String,
    /// Rows listed.
    pub limit: usize,
}

/// Rows listed at first and added by "show more".
pub const PAGE: usize = 100;

impl Default for TableState {
    fn default() -> TableState {
        TableState { open: false, sort: SortKey::Start, descending: false, priority: String::new(), period: String::new(), service: String::new(), limit: PAGE }
    }
}

/// Changes to the table view.
#[derive(Debug, Clone, PartialEq)]
pub enum TableAction {
    /// Expand or collapse.
    SetOpen(bool),
    /// Sort by a column; the same column again flips the order.
    SortBy(SortKey),
    /// Filter by priority.
    SetPriority(String),
    /// Filter by period.
    SetPeriod(String),
    /// Filter by service.
    SetService(String),
    /// List another page.
    ShowMore,
}

impl TableState {
    /// Applies one change.
    pub fn apply(&mut self, action: TableAction) {
        match action {
            TableAction::SetOpen(o) => self.open = o,
            TableAction::SortBy(k) => {
                if self.sort == k {
                    self.descending = !self.descending;
                } else {
                    self.sort = k;
                    self.descending = matches!(k, SortKey::Counted | SortKey::Outage);
                }
            }
            TableAction::SetPriority(p) => {
                self.priority = p;
                self.limit = PAGE;
            }
            TableAction::SetPeriod(p) => {
                self.period = p;
                self.limit = PAGE;
            }
            TableAction::SetService(s) => {
                self.service = s;
                self.limit = PAGE;
            }
            TableAction::ShowMore => self.limit = self.limit.saturating_add(PAGE),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_twice_flips_and_filters_reset_the_page() {
        let mut s = TableState::default();
        s.apply(TableAction::SortBy(SortKey::Counted));
        assert!(s.descending);
        s.apply(TableAction::SortBy(SortKey::Counted));
        assert!(!s.descending);
        s.apply(TableAction::ShowMore);
        assert_eq!(s.limit, 2 * PAGE);
        s.apply(TableAction::SetPriority("P1".into()));
        assert_eq!(s.limit, PAGE);
    }
}
