//! The whole service review in one component: computes the review of the whole span once per
//! report (memoised on the report and incident list pointers) and lays out the trends, "where
//! it comes from", customer satisfaction and the review document as cards. A host that already
//! has the review can use the cards on their own instead.

use super::text::ReviewMsg;
use super::{ContributorsCard, ReviewDocument, SatisfactionCard, TrendsCard};
use crate::components::{Shared, SharedReport};
use crate::i18n::use_lang;
use sla_core::model::{Agreement, Incident};
use sla_core::review::{review_from_report, ReviewOptions, ReviewReport};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ReviewSection`].
#[derive(Properties, PartialEq)]
pub struct ReviewSectionProps {
    /// The agreement the report was measured against (with a what-if applied, the what-if's
    /// terms: `AgreementState::measured()`).
    pub agreement: Agreement,
    /// The incidents of the report.
    pub incidents: Shared<Vec<Incident>>,
    /// The report built from them.
    pub report: SharedReport,
}

/// The review of the whole span, or the error text.
pub fn whole_span_review(
    agreement: &Agreement,
    incidents: &[Incident],
    report: &sla_core::report::Report,
) -> Result<Shared<ReviewReport>, String> {
    review_from_report(agreement, incidents, report, &ReviewOptions::default())
        .map(|r| Shared(Rc::new(r)))
        .map_err(|e| e.to_string())
}

/// Logs up to this many incidents get their review computed with every report. A larger log's
/// review (about 3.5 µs an incident natively, mostly the contributors' per-period breakdown)
/// waits until the user asks for it, so an edit still redraws the report at once.
pub const REVIEW_AUTO_INCIDENTS: usize = 20_000;

/// Trends, contributors, satisfaction and the review document, as four cards.
#[component]
pub fn ReviewSection(props: &ReviewSectionProps) -> Html {
    let lang = use_lang();
    let asked = use_state(|| false);
    let wanted = *asked || props.incidents.len() <= REVIEW_AUTO_INCIDENTS;
    // Keyed on the report and the incident list (pointers): the report is rebuilt whenever the
    // agreement changes, so the agreement need not be compared.
    let whole = use_memo(
        (props.report.clone(), props.incidents.clone(), wanted),
        |(report, incidents, wanted)| wanted.then(|| whole_span_review(&props.agreement, incidents, report)),
    );
    let Some(whole) = &*whole else {
        let onclick = {
            let asked = asked.clone();
            Callback::from(move |_: MouseEvent| asked.set(true))
        };
        return html! {
            <section id="review" class="card" aria-labelledby="review-heading" data-testid="review-deferred">
                <h2 id="review-heading">{ ReviewMsg::ReviewHeading.text(lang) }</h2>
                <p class="subtle">{ ReviewMsg::ReviewDeferred.text(lang).replace("{n}", &crate::format::grouped(props.incidents.len() as f64, 0)) }</p>
                <button type="button" id="review-compute" {onclick}>{ ReviewMsg::ReviewCompute.text(lang) }</button>
            </section>
        };
    };
    match whole {
        Ok(review) => html! {
            <>
                <TrendsCard review={review.clone()} />
                <ContributorsCard review={review.clone()} />
                <SatisfactionCard review={review.clone()} />
                <ReviewDocument agreement={props.agreement.clone()} incidents={props.incidents.clone()}
                    report={props.report.clone()} whole={review.clone()} />
            </>
        },
        Err(e) => html! {
            <section id="review" class="card review-document" aria-labelledby="review-heading">
                <h2 id="review-heading">{ ReviewMsg::ReviewHeading.text(lang) }</h2>
                <div class="error-box" role="alert">{ format!("{} {e}", ReviewMsg::ReviewFailed.text(lang)) }</div>
            </section>
        },
    }
}
