//! The what-if banner: while one version is measured all along, it says so above the figures and
//! compares, period by period, what the agreement as signed gave with what the what-if gives.

use crate::components::cells;
use crate::components::agreement::versions_text::VersionMsg;
use crate::components::Shared;
use crate::format;
use crate::i18n::use_lang;
use sla_core::review::WhatIf;
use yew::prelude::*;

/// Props of [`WhatIfBanner`].
#[derive(Properties, PartialEq)]
pub struct WhatIfBannerProps {
    /// The comparison (core's `compare_outcomes`).
    pub what_if: Shared<WhatIf>,
    /// Called when the user goes back to the agreement as signed.
    pub on_back: Callback<()>,
}

/// "What-if: version X all along", the per-period comparison and the way back.
#[component]
pub fn WhatIfBanner(props: &WhatIfBannerProps) -> Html {
    let lang = use_lang();
    let t = |m: VersionMsg| m.text(lang);
    let w = &props.what_if;
    let verdict = |met: bool| if met { format!("✓ {}", t(VersionMsg::Met)) } else { format!("✗ {}", t(VersionMsg::Missed)) };
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    html! {
        <div class="what-if" role="region" aria-label={t(VersionMsg::WhatIfHeading)} data-testid="what-if">
            <p class="what-if-line">
                <strong>{ format!("⚑ {}: ", t(VersionMsg::WhatIfHeading)) }</strong>
                { format!("{} {} {}", t(VersionMsg::WhatIfIntro), w.version, t(VersionMsg::WhatIfNot)) }
                { " " }
                <button type="button" class="secondary small no-print" onclick={on_back} data-testid="what-if-back">{ t(VersionMsg::BackToActual) }</button>
            </p>
            <div class="table-wrap">
                <table class="what-if-table">
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{ t(VersionMsg::Period) }</th>
                            <th scope="colgroup" colspan="4">{ t(VersionMsg::Actual) }</th>
                            <th scope="colgroup" colspan="3">{ format!("{} ({})", t(VersionMsg::Hypothetical), w.version) }</th>
                        </tr>
                        <tr>
                            { cells::col(t(VersionMsg::Applied)) }
                            { cells::col(t(VersionMsg::Target)) }
                            { cells::col(t(VersionMsg::Availability)) }
                            { cells::col(t(VersionMsg::Credit)) }
                            { cells::col(t(VersionMsg::Target)) }
                            { cells::col(t(VersionMsg::Availability)) }
                            { cells::col(t(VersionMsg::Credit)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for w.periods.iter().map(|p| html! {
                            <tr>
                                <th scope="row">{ &p.period }</th>
                                { cells::td(&p.actual_version) }
                                { cells::num(format::percent(p.actual_target_percent, 3)) }
                                <td class="num">{ format!("{} {}", format::percent(p.actual_availability_percent, 3), verdict(p.actual_met)) }</td>
                                { cells::num(format::grouped(p.actual_credit, 2)) }
                                { cells::num(format::percent(p.what_if_target_percent, 3)) }
                                <td class="num">{ format!("{} {}", format::percent(p.what_if_availability_percent, 3), verdict(p.what_if_met)) }</td>
                                { cells::num(format::grouped(p.what_if_credit, 2)) }
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ t(VersionMsg::Total) }</th>
                            <td></td>
                            <td colspan="2" class="num">{ format!("{} {}", w.actual_missed, t(VersionMsg::PeriodsMissed)) }</td>
                            { cells::num(format::grouped(w.actual_credit_total, 2)) }
                            <td colspan="2" class="num">{ format!("{} {}", w.what_if_missed, t(VersionMsg::PeriodsMissed)) }</td>
                            { cells::num(format::grouped(w.what_if_credit_total, 2)) }
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p data-testid="what-if-difference">
                { format!("{}: {}{}", t(VersionMsg::Difference), if w.credit_difference > 0.0 { "+" } else { "" }, format::money(w.credit_difference, &w.currency)) }
            </p>
        </div>
    }
}
