//! The family's home, as components: for each linked client, today's visits as they go,
//! the way to what changed (with the unseen count), to a request and to the calendar link,
//! how many caregivers came, and the next two weeks.

use leptos::prelude::*;
use shared::family::LiveVisit;

use crate::family::state::{ClientSchedule, ScheduleDay, caregiver_label, group_by_prague_day};
use crate::family::wording::{continuity_lines, live_kind, live_text, unseen_label};
use crate::paths;
use crate::ui::format::{czech_date_capitalized, machine_instant, time_range};
use crate::ui::{ErrorPanel, Loading, Remote, remote_view};

/// The family's home: for each linked client, today, what changed and who comes when.
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
    let client_id = client.client.client_id.clone();
    let body = match client.overview {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => {
            view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
        }
        Remote::Loaded(overview) => view! {
            <TodayLive visits=overview.today.visits />
            <nav class="family-actions" aria-label="Další informace">
                <a
                    class="family-action"
                    href=paths::family_screen(&client_id, "zmeny")
                    data-unseen=overview.changes.unseen
                >
                    <span>"Změny v rozpisu"</span>
                    <strong class="unseen-count">{unseen_label(overview.changes.unseen)}</strong>
                </a>
                <a class="family-action" href=paths::family_screen(&client_id, "zadost")>
                    "Požádat koordinátora o změnu"
                </a>
                <a class="family-action" href=paths::family_screen(&client_id, "kalendar")>
                    "Rozpis v kalendáři telefonu"
                </a>
            </nav>
            <section class="continuity" aria-label="Kolik různých pracovníků přišlo">
                {continuity_lines(overview.continuity)
                    .into_iter()
                    .map(|line| view! { <p>{line}</p> })
                    .collect_view()}
            </section>
            <h3 class="family-subheading">"Příští dva týdny"</h3>
            <ScheduleDays days=group_by_prague_day(overview.visits) />
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

/// Today's visits, each with its state as the records make it, in large type.
#[component]
fn TodayLive(visits: Vec<LiveVisit>) -> impl IntoView {
    if visits.is_empty() {
        return view! { <p class="today-live today-none">"Dnes žádná návštěva."</p> }.into_any();
    }
    view! {
        <ul class="today-live" aria-label="Dnešní návštěvy">
            {visits
                .into_iter()
                .map(|visit| {
                    view! {
                        <li class="live-visit" data-state=live_kind(&visit.live)>
                            <span class="live-time">
                                "Dnes "
                                <time datetime=machine_instant(
                                    visit.starts_at,
                                )>{time_range(visit.starts_at, visit.ends_at)}</time>
                            </span>
                            <span class="live-caregiver">{caregiver_label(visit.caregiver_name)}</span>
                            <strong class="live-state">{live_text(&visit.live)}</strong>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The next two weeks, by day.
#[component]
fn ScheduleDays(days: Vec<ScheduleDay>) -> impl IntoView {
    if days.is_empty() {
        return view! {
            <p class="empty">"Na příští dva týdny nejsou naplánované žádné návštěvy."</p>
        }
        .into_any();
    }
    view! {
        <ol class="schedule-days">
            {days
                .into_iter()
                .map(|day| {
                    view! {
                        <li class="schedule-day">
                            <h4 class="schedule-date">
                                <time datetime=day
                                    .date
                                    .to_string()>{czech_date_capitalized(day.date)}</time>
                            </h4>
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
    .into_any()
}
