//! "Copy share link": the agreement (never incidents) in the URL fragment
//! (`#a=1.<base64url(deflate(json))>`, see `sla_core::share`). The page's address is read and
//! the clipboard tried only in the click callback; the link then stays in a read-only field,
//! kept up to date with the agreement, for the user to copy.

use super::library::text::RememberMsg;
use crate::i18n::use_lang;
use sla_core::model::Agreement;
use yew::prelude::*;

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The agreement to share.
    pub agreement: Agreement,
}

/// The button and the read-only link field.
#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let lang = use_lang();
    let t = |m: RememberMsg| m.text(lang);
    // The page address without query or fragment, once the user asked for a link.
    let base = use_state(|| None::<String>);
    let copied = use_state(|| None::<bool>);
    let fragment = use_memo(props.agreement.clone(), sla_core::share::fragment);
    // A link longer than the decoder accepts would not open: say so instead of making it.
    let too_long = fragment.len() > sla_core::share::MAX_PAYLOAD_LEN;
    let link = base.as_ref().filter(|_| !too_long).map(|b| format!("{b}#{fragment}"));
    let onclick = {
        let (base, copied, fragment) = (base.clone(), copied.clone(), fragment.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(page) = crate::storage::page_address() else {
                return;
            };
            if too_long {
                base.set(Some(page));
                return;
            }
            copied.set(Some(false));
            crate::storage::copy_to_clipboard(&format!("{page}#{fragment}"), {
                let copied = copied.clone();
                move || copied.set(Some(true))
            });
            base.set(Some(page));
        })
    };
    let onfocus = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <div class="share-link" data-testid="share">
            <p class="subtle">{ t(RememberMsg::ShareIntro) }</p>
            <div class="form-row">
                <button type="button" id="share-copy" {onclick}>{ t(RememberMsg::CopyShareLink) }</button>
            </div>
            if too_long && base.is_some() {
                <p class="field-error" role="alert" data-testid="share-too-long">
                    { format!("{} ({} / {})", t(RememberMsg::ShareTooLong), crate::format::grouped(fragment.len() as f64, 0), crate::format::grouped(sla_core::share::MAX_PAYLOAD_LEN as f64, 0)) }
                </p>
            }
            if let Some(link) = link {
                <label class="share-field" for="share-url">
                    <span class="lib-label">{ t(RememberMsg::ShareLinkLabel) }</span>
                    <input id="share-url" type="text" readonly=true value={link} {onfocus} aria-describedby="share-status" />
                </label>
                <p id="share-status" class="subtle" role="status">
                    { if *copied == Some(true) { format!("✓ {}", t(RememberMsg::Copied)) } else { t(RememberMsg::CopyByHand).to_string() } }
                </p>
            }
        </div>
    }
}
