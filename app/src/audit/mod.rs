//! `/audit`: the manager's log of who read or changed what.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::roles;

use crate::session::{RequireRole, Session, loader};
use crate::ui::page_title;
use view::AuditTable;

/// `/audit`.
#[component]
pub fn AuditPage() -> impl IntoView {
    page_title("Záznam přístupů");
    view! {
        <RequireRole roles=roles::MANAGERS>
            <AuditLoader />
        </RequireRole>
    }
}

#[component]
fn AuditLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, api::audit);
    view! {
        <section class="audit-page" aria-labelledby="audit-heading">
            <h1 id="audit-heading">"Záznam přístupů"</h1>
            <AuditTable
                state=state
                on_retry=Callback::new(move |()| {
                    load.run(());
                })
            />
        </section>
    }
}
