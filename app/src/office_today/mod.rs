//! `/prehled`: what needs the office's decision now — visits late or not started, visits
//! without their caregiver, incidents, sync conflicts (acknowledged here) and families'
//! requests — each with its caregiver and a link to where it is resolved.

pub mod api;
pub mod state;
pub mod view;

use chrono::Utc;
use leptos::prelude::*;
use shared::identity::roles;
use shared::time::prague_date;

use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::Remote;
use state::Acknowledgement;
use view::{ConflictItems, IncidentItems, RequestItems, VisitItems};

/// `/prehled`.
#[component]
pub fn OfficeTodayPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::PLANNERS>
            <OfficeTodayLoader />
        </RequireRole>
    }
}

#[component]
fn OfficeTodayLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let now = Utc::now();
    let monday = state::monday_of(prague_date(now));
    let (load_board, board) = loader(session, move || api::week_board(monday));
    let (load_incidents, incidents) = loader(session, api::open_incidents);
    let (load_conflicts, conflicts) = loader(session, api::record_conflicts);
    let (load_requests, requests) = loader(session, api::family_requests);
    let acknowledgement = RwSignal::new(Acknowledgement::Idle);
    let acknowledge = Callback::new(move |key: state::ConflictKey| {
        acknowledgement.set(Acknowledgement::Sending(key.clone()));
        leptos::task::spawn_local(async move {
            match api::acknowledge_conflict(&key).await {
                Ok(_) => {
                    let _ = conflicts.try_update(|loaded| {
                        if let Remote::Loaded(list) = loaded {
                            state::without_conflict(list, &key);
                        }
                    });
                    let _ = acknowledgement.try_set(Acknowledgement::Idle);
                }
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let message = failure.message().to_owned();
                    let _ = acknowledgement.try_set(Acknowledgement::Failed(key, message));
                }
            }
        });
    });
    let late = Signal::derive(move || board.get().map(|board| state::late_visits(&board, now)));
    let unassigned = Signal::derive(move || {
        board
            .get()
            .map(|board| state::unassigned_visits(&board, now))
    });
    view! {
        <section class="office-today" aria-labelledby="office-today-heading">
            <h1 id="office-today-heading">"Dnes v kanceláři"</h1>
            <section class="card" aria-labelledby="late-heading">
                <h2 id="late-heading">"Návštěvy, které nezačaly"</h2>
                <VisitItems items=late on_retry=load_board empty="Všechny dnešní návštěvy začaly včas." />
            </section>
            <section class="card" aria-labelledby="incidents-heading">
                <h2 id="incidents-heading">"Nepotvrzené události"</h2>
                <IncidentItems items=incidents on_retry=load_incidents />
            </section>
            <section class="card" aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading">"Konflikty synchronizace"</h2>
                <ConflictItems
                    items=conflicts
                    acknowledgement=acknowledgement
                    on_acknowledge=acknowledge
                    on_retry=load_conflicts
                />
            </section>
            <section class="card" aria-labelledby="unassigned-heading">
                <h2 id="unassigned-heading">"Návštěvy bez pečovatele"</h2>
                <VisitItems items=unassigned on_retry=load_board empty="Všechny návštěvy týdne mají pečovatele." />
            </section>
            <section class="card" aria-labelledby="requests-heading">
                <h2 id="requests-heading">"Žádosti rodin"</h2>
                <RequestItems items=requests on_retry=load_requests />
            </section>
        </section>
    }
}
