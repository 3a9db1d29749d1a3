//! The caregiver's day: the heading and the visit cards.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::schedule::VisitView;

use crate::today::state::{TodayState, visit_count};
use crate::ui::format::{capitalized, czech_date, machine_instant, time_range};
use crate::ui::{ErrorPanel, Loading};

/// The caregiver's day: heading with the Czech date, then loading, empty, failed or the
/// list of visits.
#[component]
pub fn TodayView(
    /// The Prague date on this device, shown until the server says which day it is.
    #[prop(into)]
    today: Signal<NaiveDate>,
    #[prop(into)] state: Signal<TodayState>,
    #[prop(into)] on_retry: Callback<()>,
    /// Said under the heading while the page shows what the device kept (offline).
    #[prop(optional, into)]
    notice: Signal<Option<String>>,
    /// What each visit card ends with: the caregiver's record of the visit.
    #[prop(default = None)]
    record: Option<Callback<VisitView, AnyView>>,
) -> impl IntoView {
    let date = move || state.with(TodayState::date).unwrap_or_else(|| today.get());
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h1 id="today-heading">
                <span class="eyebrow">"Dnešní návštěvy"</span>
                <time class="today-date" datetime=move || date().to_string()>
                    {move || capitalized(&czech_date(date()))}
                </time>
            </h1>
            {move || {
                notice
                    .get()
                    .map(|notice| {
                        view! {
                            <p class="kept-notice" role="status">
                                {notice}
                            </p>
                        }
                    })
            }}
            {move || match state.get() {
                TodayState::Loading => view! { <Loading /> }.into_any(),
                TodayState::Empty { .. } => {
                    view! { <p class="empty">"Dnes nemáte žádné návštěvy."</p> }.into_any()
                }
                TodayState::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
                }
                TodayState::Loaded(day) => {
                    view! {
                        <p class="summary">{visit_count(day.visits.len())}</p>
                        <ol class="visits">
                            {day
                                .visits
                                .into_iter()
                                .map(|visit| {
                                    let record = record.map(|record| record.run(visit.clone()));
                                    view! { <VisitCard visit=visit record=record /> }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One visit on the route.
#[component]
pub fn VisitCard(
    visit: VisitView,
    /// Ends the card: the caregiver's record of the visit.
    #[prop(default = None)]
    record: Option<AnyView>,
) -> impl IntoView {
    let heading_id = format!("visit-{}", visit.id);
    let labelled_by = heading_id.clone();
    let range = time_range(visit.starts_at, visit.ends_at);
    let starts = machine_instant(visit.starts_at);
    let status = visit.status;
    let tasks = (!visit.tasks.is_empty()).then(|| {
        view! {
            <ul class="visit-tasks" aria-label="Úkony">
                {visit.tasks.into_iter().map(|task| view! { <li>{task}</li> }).collect_view()}
            </ul>
        }
    });
    let directions = visit.location.directions_url();
    let note = visit.doorstep_note.map(|note| {
        view! {
            <p class="visit-note">
                <strong>"U dveří: "</strong>
                {note}
            </p>
        }
    });
    view! {
        <li class="visit" data-status=status.as_str()>
            <article aria-labelledby=labelled_by>
                <div class="visit-head">
                    <p class="visit-time">
                        <time datetime=starts>{range}</time>
                    </p>
                    <span class=format!("badge badge-{}", status.as_str())>{status.label()}</span>
                </div>
                <h2 id=heading_id class="visit-client">
                    {visit.client_name}
                </h2>
                <address class="visit-address">
                    {visit.address} ", " {visit.municipality}
                </address>
                <p class="visit-navigate">
                    <a href=directions target="_blank" rel="noopener">
                        "Navigovat"
                    </a>
                </p>
                {tasks}
                {note}
                {record}
            </article>
        </li>
    }
}
