//! The caregiver's day: the heading and the visit cards.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use shared::clients::tel_href;
use shared::family::live::{OnPhone, RouteState};
use shared::schedule::{TodayVisits, VisitView};

use crate::paths;
use crate::today::state::{DayPlan, TodayState, state_badge, visit_state};
use crate::ui::format::visit_count;
use crate::ui::format::{czech_date_capitalized, machine_instant, time_range};
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
    /// What this phone knows of a visit (a check-in, a record not sent yet), by visit id.
    #[prop(default = None)]
    phone: Option<Callback<String, OnPhone>>,
    /// The clock the visits' states are read at.
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
    /// Tomorrow's visits as the phone keeps them.
    #[prop(optional, into)]
    tomorrow: Signal<Option<TodayVisits>>,
) -> impl IntoView {
    let date = move || state.with(TodayState::date).unwrap_or_else(|| today.get());
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h1 id="today-heading">
                <span class="eyebrow">"Dnešní návštěvy"</span>
                <time class="today-date" datetime=move || date().to_string()>
                    {move || czech_date_capitalized(date())}
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
                        <DayVisits visits=day.visits phone=phone now=now record=record />
                        {day.office_phone.and_then(office_call)}
                    }
                        .into_any()
                }
            }}
            {move || {
                tomorrow
                    .get()
                    .map(|day| {
                        let count = visit_count(day.visits.len());
                        view! {
                            <details class="tomorrow">
                                <summary>"Zítra: " {count}</summary>
                                <ol class="visits">
                                    {day
                                        .visits
                                        .into_iter()
                                        .map(|visit| {
                                            view! {
                                                <VisitCard
                                                    visit=visit
                                                    state=Signal::stored(RouteState::Planned)
                                                />
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </details>
                        }
                    })
            }}
        </section>
    }
}

/// The day's visits as she works through them: the next visit first and large, the others
/// still to do (missed ones marked), the done and cancelled ones folded away.
#[component]
fn DayVisits(
    visits: Vec<VisitView>,
    phone: Option<Callback<String, OnPhone>>,
    now: Signal<DateTime<Utc>>,
    record: Option<Callback<VisitView, AnyView>>,
) -> impl IntoView {
    let count = visits.len();
    let visits = StoredValue::new(visits);
    // Only a change of a state (not of a half-filled record) reaches the cards.
    let states = Memo::new(move |_| {
        let now = now.get();
        visits.with_value(|visits| {
            visits
                .iter()
                .map(|visit| {
                    let on_phone =
                        phone.map_or(OnPhone::Nothing, |phone| phone.run(visit.id.clone()));
                    (visit.clone(), visit_state(visit, on_phone, now))
                })
                .collect::<Vec<_>>()
        })
    });
    let plan = Memo::new(move |_| states.with(|states| DayPlan::of(states)));
    let card = move |id: String, class: &'static str| {
        let visit = visits.with_value(|visits| visits.iter().find(|v| v.id == id).cloned())?;
        let state = Signal::derive(move || {
            states.with(|states| {
                states
                    .iter()
                    .find(|(visit, _)| visit.id == id)
                    .map_or(RouteState::Planned, |(_, state)| *state)
            })
        });
        let record = record.map(|record| record.run(visit.clone()));
        Some(view! { <VisitCard visit=visit state=state record=record class=class /> })
    };
    let cards = move |ids: Vec<String>| {
        ids.into_iter()
            .filter_map(|id| card(id, "visit"))
            .collect_view()
    };
    view! {
        <p class="summary">{visit_count(count)}</p>
        {move || {
            let DayPlan { next, ahead, behind } = plan.get();
            let next = next
                .and_then(|id| card(id, "visit visit-next"))
                .map(|card| {
                    view! {
                        <section class="next-visit" aria-label="Další návštěva">
                            <ol class="visits">{card}</ol>
                        </section>
                    }
                });
            let behind = (!behind.is_empty())
                .then(|| {
                    let count = visit_count(behind.len());
                    view! {
                        <details class="visits-behind">
                            <summary>"Hotové a zrušené: " {count}</summary>
                            <ol class="visits">{cards(behind)}</ol>
                        </details>
                    }
                });
            view! {
                {next}
                <ol class="visits">{cards(ahead)}</ol>
                {behind}
            }
        }}
    }
}

/// Ends a visit's card for the office: a link to the visit's page.
pub fn visit_page_link(visit: VisitView) -> AnyView {
    view! {
        <a class="button visit-page-link" href=paths::visit(&visit.id)>
            "Detail návštěvy"
        </a>
    }
    .into_any()
}

/// One visit on the route.
#[component]
pub fn VisitCard(
    visit: VisitView,
    #[prop(into)] state: Signal<RouteState>,
    /// Ends the card: the caregiver's record of the visit.
    #[prop(default = None)]
    record: Option<AnyView>,
    #[prop(default = "visit")] class: &'static str,
) -> impl IntoView {
    let heading_id = format!("visit-{}", visit.id);
    let labelled_by = heading_id.clone();
    let range = time_range(visit.starts_at, visit.ends_at);
    let starts = machine_instant(visit.starts_at);
    let badge = Memo::new(move |_| state_badge(state.get()));
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
    let risks = visit.key_risks.map(|risks| {
        view! {
            <p class="visit-risks">
                <strong>"Rizika: "</strong>
                {risks}
            </p>
        }
    });
    // The client first, then the contact persons.
    let whom: Vec<(String, String)> = visit
        .client_phone
        .map(|phone| (visit.client_name.clone(), phone))
        .into_iter()
        .chain(visit.contacts.into_iter().map(|contact| {
            (
                format!("{} ({})", contact.name, contact.relation),
                contact.phone,
            )
        }))
        .collect();
    let calls = (!whom.is_empty()).then(|| {
        view! {
            <ul class="visit-calls" aria-label="Zavolat">
                {whom.into_iter().map(|(who, phone)| call(who, phone)).collect_view()}
            </ul>
        }
    });
    view! {
        <li class=class data-status=move || badge.get().0>
            <article aria-labelledby=labelled_by>
                <div class="visit-head">
                    <p class="visit-time">
                        <time datetime=starts>{range}</time>
                    </p>
                    <span class=move || {
                        format!("badge badge-{}", badge.get().0)
                    }>{move || badge.get().1}</span>
                </div>
                <h2 id=heading_id class="visit-client">
                    {visit.client_name}
                </h2>
                <address class="visit-address">
                    {visit.address} ", " {visit.municipality}
                </address>
                {note}
                {risks}
                {calls}
                <a class="button button-navigate" href=directions target="_blank" rel="noopener">
                    "Navigovat"
                </a>
                {tasks}
                {record}
            </article>
        </li>
    }
}

/// The provider's office to call with one tap, when its phone has digits to dial.
fn office_call(phone: String) -> Option<impl IntoView> {
    let href = tel_href(&phone)?;
    Some(view! {
        <p class="office-call">
            <a class="button button-call button-office-call" href=href>
                "Zavolat do kanceláře " <span class="call-number">{phone}</span>
            </a>
        </p>
    })
}

/// The client or a contact person to call with one tap; the number as written when it has
/// nothing to dial.
fn call(who: String, phone: String) -> impl IntoView {
    let item = match tel_href(&phone) {
        Some(href) => view! {
            <a class="button button-call" href=href>
                "Zavolat: " {who} <span class="call-number">{phone}</span>
            </a>
        }
        .into_any(),
        None => view! { <span>{who} ", " {phone}</span> }.into_any(),
    };
    view! { <li>{item}</li> }
}
