//! `/navstevy/{id}`: one visit as the office reads it — the client, who is on it, the planned
//! window, where it stands, what the caregiver recorded, and the visit's history.

pub mod api;
pub mod state;
pub mod view;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::identity::roles;

use crate::session::{RequireRole, Session, loader};
use crate::ui::{ErrorPanel, Loading, Remote};
use crate::{paths, remote};
use view::{VisitHistory, VisitSummary};

/// `/navstevy/{id}`.
#[component]
pub fn VisitPage() -> impl IntoView {
    let params = use_params_map();
    let visit_id = Memo::new(move |_| params.with(|p| p.get("visit_id").unwrap_or_default()));
    view! {
        <RequireRole roles=roles::PLANNERS>
            {move || view! { <VisitLoader visit_id=visit_id.get() /> }}
        </RequireRole>
    }
}

#[component]
fn VisitLoader(visit_id: String) -> impl IntoView {
    let session = expect_context::<Session>();
    let records_id = visit_id.clone();
    let (load, visit) = loader(session, move || remote::visit_records(records_id.clone()));
    let (load_history, history) = loader(session, move || api::visit_history(visit_id.clone()));
    view! {
        <section class="visit-page" aria-labelledby="visit-heading">
            <p>
                <a href=paths::WEEK>"← Týdenní plán"</a>
            </p>
            {move || match visit.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! {
                        <h1 id="visit-heading">"Návštěva"</h1>
                        <ErrorPanel message=error.message on_retry=load />
                    }
                        .into_any()
                }
                Remote::Loaded(visit) => view! { <VisitSummary visit=visit /> }.into_any(),
            }}
            {move || match history.get() {
                Remote::Loading => view! { <Loading /> }.into_any(),
                Remote::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=load_history /> }.into_any()
                }
                Remote::Loaded(events) => view! { <VisitHistory events=events /> }.into_any(),
            }}
        </section>
    }
}
