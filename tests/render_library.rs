//! Host rendering tests of the saved-agreements list, the notices and the share link. Texts come
//! from the components' own message helpers; names and states from `state::library`.

use sla_core::sample::sample_agreement;
use sla_core::share::ShareError;
use sla_web::components::library::text::{notice_text, RememberMsg};
use sla_web::components::library::{LibraryPanel, NoticeBar};
use sla_web::components::share::ShareLink;
use sla_web::i18n::Lang;
use sla_web::state::agreement::AgreementState;
use sla_web::state::library::{LibraryAction, LibraryState};
use sla_web::state::persist::{Notice, StoreError};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct AllProps {
    lang: Lang,
    library: LibraryState,
    live: sla_core::model::Agreement,
}

#[component]
fn All(props: &AllProps) -> Html {
    let l = &props.library;
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <NoticeBar notices={l.notices.clone()} on_dismiss={Callback::noop()} />
            <LibraryPanel entries={l.entries.clone()} current={l.current} live={props.live.clone()} on_action={Callback::noop()} />
            <ShareLink agreement={props.live.clone()} />
        </ContextProvider<Lang>>
    }
}

async fn render(lang: Lang, library: LibraryState, live: sla_core::model::Agreement) -> String {
    LocalServerRenderer::<All>::with_props(AllProps { lang, library, live })
        .hydratable(false)
        .render()
        .await
}

fn two() -> (LibraryState, AgreementState) {
    let mut lib = LibraryState::single(&sample_agreement());
    let mut ag = AgreementState::from_agreement(sample_agreement());
    lib.apply(LibraryAction::Rename(1, "Globex <EU>".into()), &mut ag);
    lib.apply(LibraryAction::Duplicate(1), &mut ag);
    (lib, ag)
}

#[tokio::test]
async fn the_list_shows_every_agreement_with_labelled_names_and_marks_the_current_one() {
    let (lib, ag) = two();
    let html = render(Lang::En, lib.clone(), ag.agreement.clone()).await;
    assert_eq!(html.matches("data-testid=\"library-entry\"").count(), 2);
    for e in &lib.entries {
        assert!(
            html.contains(&format!("for=\"lib-name-{}\"", e.id)) && html.contains(&format!("id=\"lib-name-{}\"", e.id)),
            "{html}"
        );
    }
    assert!(
        html.contains("Globex &lt;EU&gt; (2)"),
        "names are escaped and copies numbered: {html}"
    );
    assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    assert!(html.contains(&format!("✓ {}", RememberMsg::Editing.text(Lang::En))));
    assert_eq!(html.matches("data-testid=\"library-switch\"").count(), 1);
    assert!(!html.contains("disabled"), "delete is allowed with two agreements");
    for m in [
        RememberMsg::New,
        RememberMsg::ExportAll,
        RememberMsg::ImportAll,
        RememberMsg::CopyShareLink,
    ] {
        assert!(html.contains(m.text(Lang::En)), "{m:?}");
    }
    // No link before the user asks for one (the page address is read in the click callback).
    assert!(!html.contains("share-url"));
}

#[tokio::test]
async fn the_last_agreement_cannot_be_deleted() {
    let lib = LibraryState::single(&sample_agreement());
    let html = render(Lang::ZhHant, lib, sample_agreement()).await;
    assert_eq!(html.matches(" disabled").count(), 1, "{html}");
    assert!(html.contains(RememberMsg::Delete.text(Lang::ZhHant)));
    assert!(
        html.contains(RememberMsg::LibraryHeading.text(Lang::ZhHant))
            || html.contains(RememberMsg::LibraryIntro.text(Lang::ZhHant))
    );
}

#[tokio::test]
async fn notices_are_worded_marked_and_dismissible_in_each_language() {
    for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
        let (mut lib, _) = two();
        lib.notices = vec![
            Notice::StoredReset(StoreError::NotJson("expected value".into())),
            Notice::BadShareLink(ShareError::BadCompression),
            Notice::SaveFailed(StoreError::QuotaExceeded),
            Notice::SharedOpened,
        ];
        let html = render(lang, lib.clone(), sample_agreement()).await;
        assert_eq!(html.matches("data-testid=\"notice\"").count(), 4);
        assert_eq!(html.matches("role=\"alert\"").count(), 3);
        assert_eq!(html.matches(RememberMsg::Dismiss.text(lang)).count(), 4);
        for n in &lib.notices {
            let (text, problem) = notice_text(n, lang);
            let marked = format!("{}{}", if problem { "⚠ " } else { "✓ " }, text);
            assert!(html.contains(&marked), "{lang:?} {n:?}: {html}");
        }
    }
}
