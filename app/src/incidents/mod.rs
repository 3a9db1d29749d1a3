//! `/udalosti`: what needs the coordinator's eye from the visits: incidents the caregivers
//! reported (until someone acknowledges them), families' requests to answer, and the
//! conflicts the sync rules resolved.

pub mod api;
pub mod requests;
pub mod state;
pub mod view;

use leptos::prelude::*;
use shared::identity::roles;

use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::Remote;
use crate::ui::form::Alert;
use requests::FamilyRequests;
use view::{ConflictList, IncidentList};

/// `/udalosti`.
#[component]
pub fn AttentionPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::PLANNERS>
            <AttentionLoader />
        </RequireRole>
    }
}

#[component]
fn AttentionLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let (load_incidents, incidents) = loader(session, api::open_incidents);
    let (load_conflicts, conflicts) = loader(session, api::record_conflicts);
    let busy = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let acknowledge = Callback::new(move |id: String| {
        busy.set(Some(id.clone()));
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = api::acknowledge_incident(id.clone()).await;
            let _ = busy.try_set(None);
            match result {
                Ok(_) => {
                    let _ = incidents.try_update(|state| {
                        if let Remote::Loaded(list) = state {
                            list.retain(|incident| incident.id != id);
                        }
                    });
                }
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let _ = error.try_set(Some(failure.message().to_owned()));
                }
            }
        });
    });
    view! {
        <section class="attention" aria-labelledby="attention-heading">
            <h1 id="attention-heading">"Události z návštěv"</h1>
            <section aria-labelledby="incidents-heading">
                <h2 id="incidents-heading">"Nové události"</h2>
                <p class="lead">
                    "Pád, změna zdravotního stavu, klient nebyl doma nebo odmítl péči: hlášeno z návštěvy."
                </p>
                <Alert message=error />
                <IncidentList
                    state=incidents
                    busy=busy
                    on_acknowledge=acknowledge
                    on_retry=load_incidents
                />
            </section>
            <section aria-labelledby="family-requests-heading">
                <h2 id="family-requests-heading">"Žádosti rodin"</h2>
                <p class="lead">
                    "Vyhověním se změní plán návštěvy; změna ponese žádost jako důvod a rodina uvidí vaši odpověď."
                </p>
                <FamilyRequests />
            </section>
            <section aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading">"Konflikty při synchronizaci"</h2>
                <ConflictList state=conflicts on_retry=load_conflicts />
            </section>
        </section>
    }
}
