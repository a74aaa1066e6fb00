//! The report's views: headline figures and the table per period, each computed by the core
//! and passed in as a [`SharedReport`].

mod availability_chart;
mod breach_list;
mod burn_down;
mod compliance_table;
mod credit_steps;
mod headline;
mod incident_timeline;
mod kpi_table;
mod period_table;
mod what_if;
pub mod text;

pub use headline::{Headline, HeadlineProps};
pub use period_table::{PeriodTable, PeriodTableProps};

pub use availability_chart::{axis_range, AvailabilityChart, AvailabilityChartProps, AxisRange};
pub use burn_down::{burn_points, exhausted_at, BurnDown, BurnDownProps, BurnPoint};
pub use breach_list::{breach_order, BreachList, BreachListProps, BreachOrder};
pub use compliance_table::{ComplianceTable, ComplianceTableProps};
pub use credit_steps::{credit_lines, CreditSteps, CreditStepsProps, StepLine};
pub use incident_timeline::{layout_timeline, IncidentTimeline, IncidentTimelineProps, Lane, SharedIncidents, TimelineLayout, MAX_BARS};
pub use kpi_table::{KpiTable, KpiTableProps};
pub use what_if::{WhatIfBanner, WhatIfBannerProps};
