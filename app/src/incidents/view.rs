//! What needs the coordinator's eye, as lists: incidents with their button, resolved
//! conflicts.

use leptos::prelude::*;
use shared::records::{ConflictView, IncidentView};

use crate::ui::format::{machine_instant, short_date_time};
use crate::ui::{Remote, remote_view};

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
