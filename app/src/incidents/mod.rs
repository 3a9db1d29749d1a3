//! `/udalosti`: what needs the coordinator's eye from the visits: incidents the caregivers
//! reported (until someone acknowledges them) and the conflicts the sync rules resolved.

use leptos::prelude::*;
use shared::records::{ConflictView, IncidentView};

use crate::api;
use crate::components::remote_view;
use crate::pages::{RequireRole, Session, loader, signed_out_if_expired};
use crate::view_state::{Remote, access, machine_instant, short_date_time};

/// The incidents nobody has acknowledged yet, newest first, each with its button.
#[component]
pub fn IncidentList(
    #[prop(into)] state: Signal<Remote<Vec<IncidentView>>>,
    /// The incident an acknowledgement is being sent for.
    #[prop(into)]
    busy: Signal<Option<String>>,
    #[prop(into)] on_acknowledge: Callback<String>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |incidents: Vec<IncidentView>| {
        if incidents.is_empty() {
            return view! { <p class="empty">"Žádné nové události z návštěv."</p> }.into_any();
        }
        view! {
            <ul class="incidents">
                {incidents
                    .into_iter()
                    .map(|incident| {
                        let id = incident.id.clone();
                        let pending = {
                            let id = id.clone();
                            Signal::derive(move || busy.with(|b| b.as_deref() == Some(id.as_str())))
                        };
                        view! {
                            <li class="incident card" data-kind=incident.kind.as_str()>
                                <p class="incident-what">
                                    <strong>{incident.label}</strong>
                                    ": "
                                    {incident.client_name}
                                </p>
                                <p class="incident-who">
                                    {incident.caregiver_name} ", "
                                    <time datetime=machine_instant(
                                        incident.reported_at,
                                    )>{short_date_time(incident.reported_at)}</time>
                                </p>
                                {incident.note.map(|note| view! { <p class="incident-note">{note}</p> })}
                                <button
                                    type="button"
                                    class="button"
                                    disabled=move || pending.get()
                                    on:click=move |_| on_acknowledge.run(id.clone())
                                >
                                    {move || if pending.get() { "Potvrzuji…" } else { "Beru na vědomí" }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    })
}

/// The conflicts the sync rules found and how they resolved them, newest first.
#[component]
pub fn ConflictList(
    #[prop(into)] state: Signal<Remote<Vec<ConflictView>>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |conflicts: Vec<ConflictView>| {
        if conflicts.is_empty() {
            return view! { <p class="empty">"Žádné konflikty při synchronizaci záznamů."</p> }
                .into_any();
        }
        view! {
            <ul class="conflicts">
                {conflicts
                    .into_iter()
                    .map(|conflict| {
                        view! {
                            <li class="conflict card" data-kind=conflict.kind.as_str()>
                                <p class="conflict-what">
                                    <strong>{conflict.client_name}</strong>
                                    ", "
                                    {conflict.caregiver_name}
                                </p>
                                <p class="conflict-message">{conflict.message}</p>
                                <p class="hint">
                                    <time datetime=machine_instant(
                                        conflict.detected_at,
                                    )>{short_date_time(conflict.detected_at)}</time>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    })
}

#[component]
pub fn AttentionPage() -> impl IntoView {
    view! {
        <RequireRole roles=access::ATTENTION>
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
                {move || {
                    error
                        .get()
                        .map(|message| {
                            view! {
                                <p class="form-error" role="alert">
                                    {message}
                                </p>
                            }
                        })
                }}
                <IncidentList
                    state=incidents
                    busy=busy
                    on_acknowledge=acknowledge
                    on_retry=load_incidents
                />
            </section>
            <section aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading">"Konflikty při synchronizaci"</h2>
                <ConflictList state=conflicts on_retry=load_conflicts />
            </section>
        </section>
    }
}
