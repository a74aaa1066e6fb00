//! Sizing for pre-sales: from the loaded history, how each candidate target would have fared —
//! periods met and credits owed at the entered fee — plus a what-if slider for the target and
//! a fee field. "What can we safely commit to?"

use crate::components::cells;
use crate::components::SharedReport;
use crate::format;
use crate::i18n::use_lang;
use crate::state::sizing::{target_for_nines, SizingAction, SizingState};
use sla_core::model::CreditPolicy;
use sla_core::sizing::{evaluate_target, CandidateResult, DEFAULT_CANDIDATES};
use yew::prelude::*;

crate::messages! { SizingMsg;
    Intro => [
        "How each target would have fared over the loaded history: in how many periods it would have been met, and what credits it would have cost.",
        "依據已載入的歷史資料，各個目標值的表現：有多少週期能達成，以及需支付多少服務抵扣。",
        "依据已载入的历史数据，各个目标值的表现：有多少周期能达成，以及需支付多少服务抵扣。"
    ],
    Target => ["Target", "目標", "目标"],
    PeriodsMet => ["Periods met", "達成週期", "达成周期"],
    Missed => ["Missed periods", "未達成週期", "未达成周期"],
    Credits => ["Credits over the history", "歷史期間服務抵扣", "历史期间服务抵扣"],
    Worst => ["Worst period", "最差週期", "最差周期"],
    Safe => ["safe", "安全", "安全"],
    Risky => ["risky", "有風險", "有风险"],
    WhatIf => ["What if the target were", "假設目標為", "假设目标为"],
    Fee => ["Fee per period", "每週期費用", "每周期费用"],
    FeeInvalid => ["enter an amount of zero or more", "請輸入零或以上的金額", "请输入零或以上的金额"],
    Rule => [
        "Credit tiers follow the candidate: the agreement's highest tier starts at the candidate target, lower tiers stay as they are; breach penalties, the cap and the minimum apply as agreed.",
        "抵扣級距隨候選目標調整：協議中最高一級從候選目標起算，其餘級距不變；違約罰款、上限與最低額依協議計算。",
        "抵扣档位随候选目标调整：协议中最高一档从候选目标起算，其余档位不变；违约罚款、上限与最低额按协议计算。"
    ],
    None => ["none", "無", "无"],
}

/// Props of [`SizingTable`].
#[derive(Properties, PartialEq)]
pub struct SizingTableProps {
    /// The report over the loaded history.
    pub report: SharedReport,
    /// The agreement's credit policy (tiers, cap, minimum, fee, currency).
    pub policy: CreditPolicy,
    /// The what-if inputs.
    pub state: SizingState,
    /// Called with every change of the inputs.
    pub on_action: Callback<SizingAction>,
}

/// The sizing table with its what-if row.
#[component]
pub fn SizingTable(props: &SizingTableProps) -> Html {
    let lang = use_lang();
    let t = |m: SizingMsg| m.text(lang);
    let fee = props.state.fee(props.policy.fee_per_period);
    let currency = props.policy.currency.clone();
    let what_if_target = target_for_nines(props.state.nines);
    let mut rows: Vec<(CandidateResult, bool)> =
        DEFAULT_CANDIDATES.iter().map(|&c| (evaluate_target(&props.report, &props.policy, c, fee), false)).collect();
    rows.push((evaluate_target(&props.report, &props.policy, what_if_target, fee), true));
    let on_slider = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = sla_core::number::parse_f64(&input.value()) {
                cb.emit(SizingAction::SetNines(v));
            }
        })
    };
    let on_fee = {
        let cb = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(SizingAction::SetFeeText(input.value()));
        })
    };
    let fee_invalid = props.state.fee_invalid();
    html! {
        <div class="sizing" data-testid="sizing">
            <p class="subtle">{ t(SizingMsg::Intro) }</p>
            <div class="form-row no-print">
                <label for="what-if-target">{ format!("{} {}", t(SizingMsg::WhatIf), format::percent(what_if_target, 4)) }
                    <input id="what-if-target" type="range" min="1.5" max="5" step="0.01" value={props.state.nines.to_string()}
                        oninput={on_slider} aria-valuetext={format::percent(what_if_target, 4)} />
                </label>
                <label for="sizing-fee">{ format!("{} ({currency})", t(SizingMsg::Fee)) }
                    <input id="sizing-fee" type="number" min="0" step="100" placeholder={format::grouped(props.policy.fee_per_period, 2)}
                        value={props.state.fee_text.clone()} oninput={on_fee}
                        aria-invalid={fee_invalid.to_string()} aria-describedby="sizing-fee-error" />
                    <span id="sizing-fee-error" class="field-error">{ if fee_invalid { t(SizingMsg::FeeInvalid) } else { "" } }</span>
                </label>
            </div>
            <div class="table-wrap">
                <table data-testid="sizing-table">
                    <thead><tr>
                        { cells::col(t(SizingMsg::Target)) }
                        { cells::num_col(t(SizingMsg::PeriodsMet)) }
                        { cells::col(t(SizingMsg::Missed)) }
                        { cells::num_col(t(SizingMsg::Credits)) }
                        { cells::num_col(t(SizingMsg::Worst)) }
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(r, what_if)| {
                            let safe = r.periods_met == r.periods;
                            html! {
                                <tr class={classes!(what_if.then_some("what-if"))} data-testid={if *what_if { "sizing-what-if" } else { "sizing-row" }}>
                                    <th scope="row">{ format::percent(r.target_percent, if *what_if { 4 } else { 2 }) }{ if *what_if { " ⟵" } else { "" } }</th>
                                    <td class="num">
                                        { format!("{} / {} ", r.periods_met, r.periods) }
                                        <span class={classes!("status", if safe { "good" } else { "bad" })}>{ if safe { format!("✓ {}", t(SizingMsg::Safe)) } else { format!("✗ {}", t(SizingMsg::Risky)) } }</span>
                                    </td>
                                    <td>{ if r.missed.is_empty() { t(SizingMsg::None).to_string() } else { r.missed.join(", ") } }</td>
                                    { cells::num(format::money(r.credit_total, &currency)) }
                                    { cells::num(format::money(r.worst_period_credit, &currency)) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="subtle">{ t(SizingMsg::Rule) }</p>
        </div>
    }
}
