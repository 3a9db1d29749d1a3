//! `/rodina/{client_id}/zadost`: a request to the coordinator about a visit or a day, and
//! the family member's requests with their answers.

use chrono::{NaiveDate, Utc};
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::family::{
    FamilyRequestView, NewFamilyRequest, RequestKind, RequestState, check_request,
};
use shared::identity::roles;
use shared::schedule::FamilyVisitView;

use crate::family::state::{askable_visits, caregiver_label};
use crate::family::{api, client_param};
use crate::paths;
use crate::remote::ApiError;
use crate::session::{RequireRole, Session, loader, signed_out_if_expired};
use crate::ui::form::{FormError, rejected};
use crate::ui::format::{clock, czech_date, czech_date_capitalized, short_date_time, time_range};
use crate::ui::remote_view;

/// The choice in the visit list that means "a day instead".
const A_DAY: &str = "";

const KINDS: [RequestKind; 4] = [
    RequestKind::Cancel,
    RequestKind::Later,
    RequestKind::Earlier,
    RequestKind::Other,
];

/// What the screen loads: the visits one may ask about, and the requests sent.
#[derive(Debug, Clone, PartialEq)]
struct Requests {
    visits: Vec<FamilyVisitView>,
    sent: Vec<FamilyRequestView>,
}

async fn load(client_id: String) -> Result<Requests, ApiError> {
    let visits = api::client_visits(&client_id).await?.visits;
    Ok(Requests {
        visits: askable_visits(&visits, Utc::now()),
        sent: api::my_requests(client_id).await?,
    })
}

/// `pátek 27. listopadu 2026, 7:30–8:30 (Jana Pečovatelka)`.
fn visit_label(visit: &FamilyVisitView) -> String {
    format!(
        "{}, {} ({})",
        czech_date_capitalized(shared::time::prague_date(visit.starts_at)),
        time_range(visit.starts_at, visit.ends_at),
        caregiver_label(visit.caregiver_name.clone())
    )
}

/// `/rodina/{client_id}/zadost`.
#[component]
pub fn FamilyRequestPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::FAMILY>
            <RequestLoader />
        </RequireRole>
    }
}

#[component]
fn RequestLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let client_id = client_param();
    let (reload, state) = loader(session, move || load(client_id.get_untracked()));
    let sent_now = RwSignal::new(false);
    view! {
        <section class="family family-request" aria-labelledby="request-heading">
            <p>
                <a href=paths::FAMILY>"← Zpět na přehled"</a>
            </p>
            <h1 id="request-heading">"Požádat koordinátora"</h1>
            {remote_view(
                state.into(),
                reload,
                move |requests: Requests| {
                    view! {
                        <RequestForm
                            visits=requests.visits
                            client_id=client_id.get_untracked()
                            on_sent=Callback::new(move |sent: FamilyRequestView| {
                                sent_now.set(true);
                                state
                                    .update(|state| {
                                        if let crate::ui::Remote::Loaded(requests) = state {
                                            requests.sent.insert(0, sent);
                                        }
                                    });
                            })
                        />
                        {move || {
                            sent_now
                                .get()
                                .then(|| {
                                    view! {
                                        <p class="notice" role="status">
                                            "Žádost jsme odeslali. Odpověď koordinátora uvidíte níže."
                                        </p>
                                    }
                                })
                        }}
                        <h2>"Vaše žádosti"</h2>
                        <SentRequests sent=requests.sent />
                    }
                },
            )}
        </section>
    }
}

#[component]
fn RequestForm(
    visits: Vec<FamilyVisitView>,
    client_id: String,
    on_sent: Callback<FamilyRequestView>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let visit = NodeRef::<leptos::html::Select>::new();
    let day = NodeRef::<leptos::html::Input>::new();
    let text = NodeRef::<leptos::html::Textarea>::new();
    let kind = RwSignal::new(RequestKind::Later);
    let about_a_day = RwSignal::new(visits.is_empty());
    let error = RwSignal::new(None::<ErrorDetail>);
    let pending = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let chosen = visit.get_untracked().map(|v| v.value()).unwrap_or_default();
        let request = NewFamilyRequest {
            visit_id: (chosen != A_DAY).then_some(chosen),
            day: if about_a_day.get_untracked() {
                day.get_untracked()
                    .and_then(|d| d.value().parse::<NaiveDate>().ok())
            } else {
                None
            },
            kind: kind.get_untracked(),
            text: text.get_untracked().map(|t| t.value()).unwrap_or_default(),
        };
        if let Err(invalid) = check_request(&request) {
            error.set(Some(rejected(invalid)));
            return;
        }
        error.set(None);
        pending.set(true);
        let client_id = client_id.clone();
        leptos::task::spawn_local(async move {
            let result = api::send_request(client_id, request).await;
            let _ = pending.try_set(false);
            match result {
                Ok(sent) => {
                    if let Some(text) = text.get_untracked() {
                        text.set_value("");
                    }
                    on_sent.run(sent);
                }
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let _ = error.try_set(Some(failure.detail()));
                }
            }
        });
    };
    view! {
        <form class="request-form stack" on:submit=submit novalidate>
            <label for="request-visit">"Které návštěvy se žádost týká?"</label>
            <select
                id="request-visit"
                node_ref=visit
                on:change=move |event| about_a_day.set(event_target_value(&event) == A_DAY)
            >
                {visits
                    .iter()
                    .map(|v| view! { <option value=v.id.clone()>{visit_label(v)}</option> })
                    .collect_view()}
                <option value=A_DAY selected=visits.is_empty()>
                    "Jiný den (bez konkrétní návštěvy)"
                </option>
            </select>
            <Show when=move || about_a_day.get()>
                <label for="request-day">"Den"</label>
                <input id="request-day" type="date" node_ref=day />
            </Show>
            <fieldset>
                <legend>"Co potřebujete?"</legend>
                {KINDS
                    .into_iter()
                    .map(|option| {
                        let id = format!("request-kind-{}", option.as_str());
                        let label_for = id.clone();
                        view! {
                            <label class="choice" for=label_for>
                                <input
                                    type="radio"
                                    name="request-kind"
                                    id=id
                                    checked=move || kind.get() == option
                                    on:change=move |_| kind.set(option)
                                />
                                {option.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label for="request-text">"Vzkaz koordinátorovi"</label>
            <textarea
                id="request-text"
                rows="4"
                maxlength="500"
                node_ref=text
                placeholder="Např. V úterý přivezeme oběd sami."
            ></textarea>
            <FormError id="request-error" error=error />
            <button type="submit" class="button button-large" disabled=move || pending.get()>
                {move || if pending.get() { "Odesílám…" } else { "Odeslat žádost" }}
            </button>
        </form>
    }
}

#[component]
fn SentRequests(sent: Vec<FamilyRequestView>) -> impl IntoView {
    if sent.is_empty() {
        return view! { <p class="empty">"Zatím jste neposlali žádnou žádost."</p> }.into_any();
    }
    view! {
        <ul class="requests">
            {sent
                .into_iter()
                .map(|request| {
                    let about = match request.visit_starts_at {
                        Some(at) => format!("{}, {}", czech_date(request.day), clock(at)),
                        None => czech_date(request.day),
                    };
                    view! {
                        <li class="request card" data-state=request.state.as_str()>
                            <p>
                                <strong>{request.kind.label()}</strong>
                                ": "
                                {about}
                            </p>
                            {(!request.text.is_empty()).then(|| view! { <p>{request.text.clone()}</p> })}
                            <p class="request-answer">
                                <span class=format!(
                                    "badge badge-{}",
                                    request.state.as_str(),
                                )>{request.state.label()}</span>
                                {request
                                    .reply
                                    .map(|reply| view! { <span class="request-reply">" " {reply}</span> })}
                            </p>
                            <p class="hint">
                                "Odesláno " {short_date_time(request.sent_at)}
                                {(request.state != RequestState::Open)
                                    .then(|| request.answered_at.map(|at| format!(", vyřízeno {}", short_date_time(at))))
                                    .flatten()}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
