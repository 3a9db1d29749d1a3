//! The office's day's lists: each item with its caregiver and a link to where it is
//! resolved (the visit's page, or the incidents page).

use leptos::prelude::*;
use shared::family::{FamilyRequestView, RequestState};
use shared::records::{ConflictView, IncidentView};

use super::state::{Acknowledgement, ConflictKey, WaitingVisit, conflict_key, conflict_visit_time};
use crate::paths;
use crate::ui::format::short_date_time;
use crate::ui::{ErrorPanel, Loading, Remote};

fn listed<T: Clone + Send + Sync + 'static>(
    items: Signal<Remote<Vec<T>>>,
    on_retry: Callback<()>,
    empty: &'static str,
    row: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    move || match items.get() {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => {
            view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
        }
        Remote::Loaded(list) if list.is_empty() => {
            view! { <p class="empty">{empty}</p> }.into_any()
        }
        Remote::Loaded(list) => view! {
            <ul class="waiting-list">{list.into_iter().map(&row).collect_view()}</ul>
        }
        .into_any(),
    }
}

/// Visits late or without their caregiver, each linked to its page.
#[component]
pub fn VisitItems(
    #[prop(into)] items: Signal<Remote<Vec<WaitingVisit>>>,
    on_retry: Callback<()>,
    empty: &'static str,
) -> impl IntoView {
    listed(items, on_retry, empty, |item: WaitingVisit| {
        view! {
            <li class="waiting-visit">
                <a href=paths::visit(&item.visit_id)>
                    {format!("{} – {}", item.client_name, item.window)}
                </a>
                <span>{format!(" ({}): {}", item.caregivers, item.why)}</span>
            </li>
        }
        .into_any()
    })
}

/// Incidents nobody has acknowledged, linked to the visit and to the incidents page.
#[component]
pub fn IncidentItems(
    #[prop(into)] items: Signal<Remote<Vec<IncidentView>>>,
    on_retry: Callback<()>,
) -> impl IntoView {
    listed(
        items,
        on_retry,
        "Žádné nepotvrzené události.",
        |item: IncidentView| {
            view! {
            <li class="waiting-incident">
                <a href=paths::visit(&item.visit_id)>
                    {format!("{}: {}", item.client_name, item.label)}
                </a>
                {format!(" – hlásí {}, {}. ", item.caregiver_name, short_date_time(item.reported_at))}
                <a href=paths::ATTENTION>"Potvrdit v Událostech"</a>
            </li>
        }
        .into_any()
        },
    )
}

/// Conflicts the sync rules resolved and nobody has acknowledged, linked to the visit, each
/// with its visit's date and time and a button to acknowledge it.
#[component]
pub fn ConflictItems(
    #[prop(into)] items: Signal<Remote<Vec<ConflictView>>>,
    #[prop(into)] acknowledgement: Signal<Acknowledgement>,
    on_acknowledge: Callback<ConflictKey>,
    on_retry: Callback<()>,
) -> impl IntoView {
    listed(
        items,
        on_retry,
        "Žádné konflikty.",
        move |item: ConflictView| {
            let key = conflict_key(&item);
            let sending = {
                let key = key.clone();
                Signal::derive(move || acknowledgement.with(|a| a.is_sending(&key)))
            };
            let error = {
                let key = key.clone();
                move || acknowledgement.with(|a| a.error_of(&key))
            };
            // Every conflict has this button: its name says which one it acknowledges.
            let label = format!(
                "Vzato na vědomí: {}, {}",
                item.client_name,
                conflict_visit_time(&item)
            );
            view! {
                <li class="waiting-conflict">
                    <a href=paths::visit(&item.visit_id)>
                        {format!("{} ({})", item.client_name, item.caregiver_name)}
                    </a>
                    {format!(", {}: {} ", conflict_visit_time(&item), item.message)}
                    <button
                        type="button"
                        class="button"
                        aria-label=label
                        disabled=move || sending.get()
                        on:click=move |_| on_acknowledge.run(key.clone())
                    >
                        {move || if sending.get() { "Ukládám…" } else { "Vzato na vědomí" }}
                    </button>
                    {move || {
                        error()
                            .map(|message| {
                                view! { <p class="field-error" role="alert">{message}</p> }
                            })
                    }}
                </li>
            }
            .into_any()
        },
    )
}

/// Families' requests still open, linked to where they are answered.
#[component]
pub fn RequestItems(
    #[prop(into)] items: Signal<Remote<Vec<FamilyRequestView>>>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let open = Signal::derive(move || {
        items.get().map(|list| {
            list.into_iter()
                .filter(|request| request.state == RequestState::Open)
                .collect::<Vec<_>>()
        })
    });
    listed(
        open,
        on_retry,
        "Žádné nevyřízené žádosti.",
        |item: FamilyRequestView| {
            view! {
                <li class="waiting-request">
                    <a href=paths::ATTENTION>{format!("{}: {}", item.client_name, item.text)}</a>
                    {format!(" – {}, {}", item.sent_by, short_date_time(item.sent_at))}
                </li>
            }
            .into_any()
        },
    )
}
