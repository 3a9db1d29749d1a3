//! `/audit`: the manager's log of who read or changed what, narrowed by person, client,
//! action and days, loaded page by page and taken away as CSV.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{AuditChoices, AuditFilter, roles};

use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::rejected;
use crate::ui::{Remote, remote_view};
use state::{AuditFilterDraft, AuditPages};
use view::{AuditFilterForm, AuditTable};

/// `/audit`.
#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::MANAGERS>
            <AuditLoader />
        </RequireRole>
    }
}

#[component]
fn AuditLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, choices) = loader(session, api::audit_choices);
    view! {
        <section class="audit-page" aria-labelledby="audit-heading">
            <h1 id="audit-heading">"Záznam přístupů"</h1>
            {remote_view(
                choices.into(),
                Callback::new(move |()| load.run(())),
                move |choices: AuditChoices| view! { <AuditLog choices=choices /> },
            )}
        </section>
    }
}

/// The filter, the table of what it chooses, and the next page on request.
#[component]
fn AuditLog(choices: AuditChoices) -> impl IntoView {
    let session = expect_context::<Session>();
    let draft = RwSignal::new(AuditFilterDraft::default());
    let applied = RwSignal::new(AuditFilter::default());
    let error = RwSignal::new(None::<ErrorDetail>);
    let pages = RwSignal::new(Remote::<AuditPages>::Loading);
    let more_pending = RwSignal::new(false);

    let fetch = move |filter: AuditFilter, so_far: AuditPages| {
        let before = so_far.next_cursor();
        leptos::task::spawn_local(async move {
            let result = api::audit_page(filter, before).await;
            if let Err(failure) = &result {
                signed_out_if_expired(session, failure);
            }
            let _ = more_pending.try_set(false);
            let _ = pages.try_set(Remote::from_result(result).map(|page| so_far.with_page(page)));
        });
    };
    let first_page = move || {
        pages.set(Remote::Loading);
        fetch(applied.get_untracked(), AuditPages::default());
    };
    first_page();

    let on_apply = Callback::new(move |()| match draft.get_untracked().filter() {
        Err(rejection) => error.set(Some(rejected(rejection))),
        Ok(filter) => {
            error.set(None);
            applied.set(filter);
            first_page();
        }
    });
    let on_more = Callback::new(move |()| {
        if let Remote::Loaded(so_far) = pages.get_untracked() {
            more_pending.set(true);
            fetch(applied.get_untracked(), so_far);
        }
    });
    view! {
        <AuditFilterForm choices=choices draft=draft error=error applied=applied on_apply=on_apply />
        <AuditTable
            state=pages
            filter=applied
            more_pending=more_pending
            on_more=on_more
            on_retry=Callback::new(move |()| first_page())
        />
    }
}
