//! Families' requests on the incidents page: each open one with a reply and the buttons to
//! accept it (changing the plan through the planner's rules) or decline it; answered ones
//! with their answer.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::family::{FamilyRequestView, RequestState};

use crate::incidents::api;
use crate::incidents::state::{acceptance, asks_new_time};
use crate::session::{Session, loader, signed_out_if_expired};
use crate::ui::form::FormError;
use crate::ui::format::{clock, czech_date, short_date_time};
use crate::ui::{Remote, remote_view};

/// The provider's requests from families.
#[component]
pub fn FamilyRequests() -> impl IntoView {
    let session = expect_context::<Session>();
    let (reload, state) = loader(session, api::family_requests);
    let answered = Callback::new(move |answer: FamilyRequestView| {
        state.update(|state| {
            if let Remote::Loaded(list) = state
                && let Some(request) = list.iter_mut().find(|r| r.id == answer.id)
            {
                *request = answer;
            }
        });
    });
    remote_view(
        state.into(),
        reload,
        move |requests: Vec<FamilyRequestView>| {
            if requests.is_empty() {
                return view! { <p class="empty">"Žádné žádosti rodin."</p> }.into_any();
            }
            view! {
            <ul class="family-requests">
                {requests
                    .into_iter()
                    .map(|request| view! { <RequestCard request=request on_answered=answered /> })
                    .collect_view()}
            </ul>
        }
        .into_any()
        },
    )
}

#[component]
fn RequestCard(
    request: FamilyRequestView,
    on_answered: Callback<FamilyRequestView>,
) -> impl IntoView {
    let about = match request.visit_starts_at {
        Some(at) => format!("návštěva {}, {}", czech_date(request.day), clock(at)),
        None => format!("den {}", czech_date(request.day)),
    };
    let answer = (request.state != RequestState::Open).then(|| {
        view! {
            <p class="request-answer">
                <span class=format!("badge badge-{}", request.state.as_str())>
                    {request.state.label()}
                </span>
                {request.reply.clone().map(|reply| view! { " " {reply} })}
            </p>
        }
    });
    let form = (request.state == RequestState::Open)
        .then(|| view! { <AnswerForm request=request.clone() on_answered=on_answered /> });
    view! {
        <li class="family-request card" data-state=request.state.as_str()>
            <p>
                <strong>{request.kind.label()}</strong>
                ": "
                {request.client_name.clone()}
                ", "
                {about}
            </p>
            {(!request.text.is_empty()).then(|| view! { <p class="request-text">{request.text.clone()}</p> })}
            <p class="hint">{request.sent_by.clone()} ", " {short_date_time(request.sent_at)}</p>
            {answer}
            {form}
        </li>
    }
}

#[component]
fn AnswerForm(
    request: FamilyRequestView,
    on_answered: Callback<FamilyRequestView>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let reply = NodeRef::<leptos::html::Textarea>::new();
    let time = NodeRef::<leptos::html::Input>::new();
    let error = RwSignal::new(None::<ErrorDetail>);
    let pending = RwSignal::new(false);
    let reply_id = format!("reply-{}", request.id);
    let time_id = format!("time-{}", request.id);
    let error_id: &'static str = "request-answer-error";
    let current = request.visit_starts_at.map(clock).unwrap_or_default();
    let request = StoredValue::new(request);
    let send = move |accept: bool| {
        let typed_reply = reply.get_untracked().map(|r| r.value()).unwrap_or_default();
        let typed_time = time.get_untracked().map(|t| t.value()).unwrap_or_default();
        let request = request.get_value();
        let id = request.id.clone();
        let acceptance = if accept {
            match acceptance(&request, &typed_time, &typed_reply) {
                Ok(body) => Some(body),
                Err(invalid) => {
                    error.set(Some(invalid));
                    return;
                }
            }
        } else {
            None
        };
        error.set(None);
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = match acceptance {
                Some(body) => api::accept_request(id, body).await,
                None => api::decline_request(id, typed_reply).await,
            };
            let _ = pending.try_set(false);
            match result {
                Ok(answered) => on_answered.run(answered),
                Err(failure) => {
                    signed_out_if_expired(session, &failure);
                    let _ = error.try_set(Some(failure.detail()));
                }
            }
        });
    };
    view! {
        <div class="answer stack">
            {request
                .with_value(asks_new_time)
                .then(|| {
                    view! {
                        <label for=time_id.clone()>"Nový čas začátku"</label>
                        <input id=time_id.clone() type="time" node_ref=time value=current.clone() />
                    }
                })}
            <label for=reply_id.clone()>"Odpověď rodině"</label>
            <textarea id=reply_id rows="2" maxlength="500" node_ref=reply></textarea>
            <FormError id=error_id error=error />
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || pending.get()
                    on:click=move |_| send(true)
                >
                    "Vyhovět"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    disabled=move || pending.get()
                    on:click=move |_| send(false)
                >
                    "Zamítnout"
                </button>
            </div>
        </div>
    }
}
