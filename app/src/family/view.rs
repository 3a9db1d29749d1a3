//! The family's components: each linked client's next two weeks.

use leptos::prelude::*;

use crate::family::state::{ClientSchedule, caregiver_label};
use crate::ui::format::{capitalized, czech_date, machine_instant, time_range};
use crate::ui::{ErrorPanel, Loading, Remote, remote_view};

/// The family's home: for each linked client, who comes when over the next two weeks.
#[component]
pub fn FamilySchedule(
    #[prop(into)] state: Signal<Remote<Vec<ClientSchedule>>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |clients: Vec<ClientSchedule>| {
        if clients.is_empty() {
            return view! {
                <p class="empty">
                    "Zatím nemáte propojeného žádného klienta. Pozvánku s kódem vám předá koordinátor pečovatelské služby."
                </p>
            }
                .into_any();
        }
        clients
            .into_iter()
            .map(|client| view! { <ClientScheduleCard client=client on_retry=on_retry /> })
            .collect_view()
            .into_any()
    })
}

#[component]
fn ClientScheduleCard(client: ClientSchedule, on_retry: Callback<()>) -> impl IntoView {
    let heading_id = format!("client-{}", client.client.client_id);
    let body = match client.schedule {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => {
            view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
        }
        Remote::Loaded(days) if days.is_empty() => view! {
            <p class="empty">"Na příští dva týdny nejsou naplánované žádné návštěvy."</p>
        }
        .into_any(),
        Remote::Loaded(days) => view! {
            <ol class="schedule-days">
                {days
                    .into_iter()
                    .map(|day| {
                        view! {
                            <li class="schedule-day">
                                <h3 class="schedule-date">
                                    <time datetime=day
                                        .date
                                        .to_string()>{capitalized(&czech_date(day.date))}</time>
                                </h3>
                                <ul class="schedule-visits">
                                    {day
                                        .visits
                                        .into_iter()
                                        .map(|visit| {
                                            view! {
                                                <li class="schedule-visit" data-status=visit.status.as_str()>
                                                    <time
                                                        class="schedule-time"
                                                        datetime=machine_instant(visit.starts_at)
                                                    >
                                                        {time_range(visit.starts_at, visit.ends_at)}
                                                    </time>
                                                    <span class="schedule-caregiver">
                                                        {caregiver_label(visit.caregiver_name)}
                                                    </span>
                                                    <span class=format!(
                                                        "badge badge-{}",
                                                        visit.status.as_str(),
                                                    )>{visit.status.label()}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="client-schedule" aria-labelledby=labelled_by>
            <h2 id=heading_id>{client.client.client_name}</h2>
            <p class="lead">{client.client.provider_name}</p>
            {body}
        </section>
    }
}
