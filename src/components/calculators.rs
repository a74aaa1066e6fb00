//! The quick calculators (no upload needed): allowed downtime for a target, availability from a
//! downtime, service hours, and the composite availability of components in series, in parallel
//! and in several regions. Controlled: inputs come from [`CalcState`], edits go out as
//! [`CalcAction`]; figures come from `sla_core::calc` through `state::calc::inputs`.

mod allowed_table;
mod calc_field;
mod composite_builder;
mod composite_node;
mod convention_picker;
mod downtime_calculator;
mod reverse_calculator;
mod service_hours_calculator;
pub mod text;

pub use allowed_table::{AllowedTable, AllowedTableProps};
pub use calc_field::{CalcField, CalcFieldProps};
pub use composite_builder::{CompositeBuilder, CompositeBuilderProps};
pub use composite_node::{CompositeNode, CompositeNodeProps};
pub use convention_picker::{ConventionPicker, ConventionPickerProps};
pub use downtime_calculator::{DowntimeCalculator, DowntimeCalculatorProps};
pub use reverse_calculator::{ReverseCalculator, ReverseCalculatorProps};
pub use service_hours_calculator::{ServiceHoursCalculator, ServiceHoursCalculatorProps};

use crate::i18n::use_lang;
use crate::state::calc::{CalcAction, CalcKind, CalcState};
use text::CalcMsg;
use yew::prelude::*;

/// Props of [`CalculatorsSection`].
#[derive(Properties, PartialEq)]
pub struct CalculatorsSectionProps {
    /// Every calculator input, as typed.
    pub state: CalcState,
    /// Called with each edit.
    pub on_action: Callback<CalcAction>,
}

/// The quick calculators card: a row of buttons choosing the calculator, and that calculator.
#[component]
pub fn CalculatorsSection(props: &CalculatorsSectionProps) -> Html {
    let lang = use_lang();
    let t = |m: CalcMsg| m.text(lang);
    let active = props.state.active;
    let tab = |kind: CalcKind, label: CalcMsg| {
        let on_action = props.on_action.clone();
        let selected = kind == active;
        html! {
            <button type="button" class={classes!("calc-tab", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} aria-controls="calc-panel"
                data-testid={format!("calc-tab-{}", kind.key())}
                onclick={Callback::from(move |_| on_action.emit(CalcAction::Show(kind)))}>
                { t(label) }
            </button>
        }
    };
    let state = props.state.clone();
    let on_action = props.on_action.clone();
    let panel = match active {
        CalcKind::Downtime => html! { <DowntimeCalculator {state} {on_action} /> },
        CalcKind::Reverse => html! { <ReverseCalculator {state} {on_action} /> },
        CalcKind::ServiceHours => html! { <ServiceHoursCalculator {state} {on_action} /> },
        CalcKind::Composite => html! { <CompositeBuilder {state} {on_action} /> },
    };
    html! {
        <section id="calculators" class="card calculators" aria-labelledby="calc-heading" data-testid="calculators">
            <h2 id="calc-heading">{ t(CalcMsg::Title) }</h2>
            <p class="subtle">{ t(CalcMsg::Intro) }</p>
            <div class="calc-tabs no-print" role="group" aria-label={t(CalcMsg::ChooseCalculator)}>
                { tab(CalcKind::Downtime, CalcMsg::TabDowntime) }
                { tab(CalcKind::Reverse, CalcMsg::TabReverse) }
                { tab(CalcKind::ServiceHours, CalcMsg::TabHours) }
                { tab(CalcKind::Composite, CalcMsg::TabComposite) }
            </div>
            <div id="calc-panel" class="calc-panel" data-testid={format!("calc-panel-{}", active.key())}>
                { panel }
            </div>
        </section>
    }
}
