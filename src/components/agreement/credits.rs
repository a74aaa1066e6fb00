//! Credits: the fee, currency, cap and minimum, and the tier table (availability below a
//! threshold → a share of the fee).

use crate::components::cells;
use super::field::{text_action, GroupProps, TextField};
use super::text::AgreementMsg;
use crate::i18n::use_lang;
use crate::state::agreement::AgreementAction as A;
use yew::prelude::*;

/// The credit policy fields and the tier table.
#[component]
pub fn CreditsGroup(props: &GroupProps) -> Html {
    let lang = use_lang();
    let t = |m: AgreementMsg| m.text(lang);
    let state = &props.state;
    let c = &state.agreement.credits;
    let e = &props.errors;
    let fee = state.text_or("credits.fee_per_period", || c.fee_per_period.to_string());
    let cap = state.text_or("credits.cap_percent", || c.cap_percent.to_string());
    let minimum = state.text_or("credits.minimum_amount", || c.minimum_amount.to_string());
    html! {
        <>
            <div class="form-row">
                <TextField path="credits.fee_per_period" label={t(AgreementMsg::FeePerPeriod)} value={fee} inputmode="decimal"
                    problems={e.at("credits.fee_per_period").to_vec()} on_input={text_action(&props.on_action, A::SetFeeText)} />
                <TextField path="credits.currency" label={t(AgreementMsg::Currency)} value={c.currency.clone()} class="narrow" placeholder="EUR"
                    problems={e.at("credits.currency").to_vec()} on_input={text_action(&props.on_action, A::SetCurrency)} />
                <TextField path="credits.cap_percent" label={t(AgreementMsg::CapPercent)} value={cap} inputmode="decimal"
                    problems={e.at("credits.cap_percent").to_vec()} on_input={text_action(&props.on_action, A::SetCapText)} />
                <TextField path="credits.minimum_amount" label={t(AgreementMsg::Minimum)} value={minimum} inputmode="decimal"
                    problems={e.at("credits.minimum_amount").to_vec()} on_input={text_action(&props.on_action, A::SetMinimumText)} />
            </div>
            <h4 id="ag-tiers-heading">{ t(AgreementMsg::Tiers) }</h4>
            if c.tiers.is_empty() {
                <p class="subtle">{ t(AgreementMsg::NoTiers) }</p>
            } else {
                <div class="table-wrap">
                    <table class="ag-table ag-tiers" aria-labelledby="ag-tiers-heading">
                        <thead>
                            <tr>
                                { cells::col(t(AgreementMsg::Tier)) }
                                { cells::col(t(AgreementMsg::BelowPercent)) }
                                { cells::col(t(AgreementMsg::CreditPercent)) }
                                <th scope="col"><span class="sr-only">{ t(AgreementMsg::Remove) }</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            { for c.tiers.iter().enumerate().map(|(i, tier)| {
                                let row = format!("credits.tiers[{i}]");
                                let below_path = format!("{row}.below_percent");
                                let credit_path = format!("{row}.credit_percent");
                                let below = state.text_or(&below_path, || tier.below_percent.to_string());
                                let credit = state.text_or(&credit_path, || tier.credit_percent.to_string());
                                let mut below_problems = e.at(&below_path).to_vec();
                                below_problems.extend(e.at(&row).iter().cloned());
                                let name = format!("{} {}", t(AgreementMsg::Tier), i + 1);
                                html! {
                                    <tr data-testid="tier-row" class={classes!((!e.at(&row).is_empty()).then_some("invalid"))}>
                                        <th scope="row">{ i + 1 }</th>
                                        <td><TextField path={below_path.clone()} label={format!("{name}: {}", t(AgreementMsg::BelowPercent))} hide_label=true
                                            value={below} inputmode="decimal" class="narrow" problems={below_problems}
                                            on_input={text_action(&props.on_action, move |s| A::SetTierBelowText(i, s))} /></td>
                                        <td><TextField path={credit_path.clone()} label={format!("{name}: {}", t(AgreementMsg::CreditPercent))} hide_label=true
                                            value={credit} inputmode="decimal" class="narrow" problems={e.at(&credit_path).to_vec()}
                                            on_input={text_action(&props.on_action, move |s| A::SetTierCreditText(i, s))} /></td>
                                        <td><button type="button" class="secondary" onclick={props.on_action.reform(move |_: MouseEvent| A::RemoveTier(i))}
                                            aria-label={format!("{} {name}", t(AgreementMsg::Remove))}>{ t(AgreementMsg::Remove) }</button></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <p class="subtle">{ t(AgreementMsg::TiersNote) }</p>
            <button type="button" class="secondary" onclick={props.on_action.reform(|_: MouseEvent| A::AddTier)}>{ t(AgreementMsg::AddTier) }</button>
        </>
    }
}
