//! Families' requests to the coordinator: a family member asks about a visit or a day; the
//! coordinator accepts — changing the plan through the planner's rules, so that the change
//! carries the request as its reason — or declines with a reply; the family sees the answer.

use platform::audit::Action;
use platform::db;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::family::reason::FAMILY_REQUEST;
use shared::family::{
    AcceptRequest, DeclineRequest, NewFamilyRequest, RequestState, RequestSubject, check_request,
    check_text,
};
use shared::planning::change::Requested;
use shared::time::prague_date;

use crate::changes::change_in_transaction;
use crate::family::linked_client;
use crate::store;
use crate::store::family_requests::NewRequest;
use crate::week::check_caregivers;

/// `POST /api/schedule/family/{client_id}/requests`: refused for a visit that has begun.
pub async fn send<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, client) = linked_client(cx).await?;
    let input: NewFamilyRequest = json_body(&cx.request.body)?;
    let (subject, text) = check_request(&input)?;
    let (visit_id, day) = match &subject {
        RequestSubject::Visit(visit_id) => {
            let visit = store::family_requests::client_visit(cx.db, client_id, visit_id)
                .await?
                .ok_or_else(|| FieldError::new("visit_id", "Taková návštěva není."))?;
            if visit.cancelled {
                return Err(conflict("visit_cancelled", "Tato návštěva je už zrušená."));
            }
            if visit.recorded || visit.starts_at <= cx.now {
                return Err(conflict(
                    "visit_started",
                    "Návštěva už začala, žádostí ji změnit nelze. Zavolejte prosím koordinátorovi.",
                ));
            }
            (Some(visit_id.as_str()), prague_date(visit.starts_at))
        }
        RequestSubject::Day(day) => {
            if *day < prague_date(cx.now) {
                return Err(FieldError::new("day", "Tento den už minul.").into());
            }
            (None, *day)
        }
    };
    let request = NewRequest {
        provider_id: &client.provider_id,
        client_id,
        user_id: &caller.user.user_id,
        visit_id,
        day,
        kind: input.kind,
        text: &text,
    };
    let id = store::family_requests::insert(cx.db, &request, cx.now).await?;
    let sent = store::family_requests::one(cx.db, &client.provider_id, &id)
        .await?
        .ok_or_else(|| ApiError::Internal("a request just sent was not found".into()))?;
    Ok(ApiResponse::json(201, &sent))
}

/// `GET /api/schedule/family/{client_id}/requests`: the family member's own requests about
/// the client, with the answers.
pub async fn sent<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, _) = linked_client(cx).await?;
    let requests = store::family_requests::sent_by(cx.db, client_id, &caller.user.user_id).await?;
    Ok(ApiResponse::ok(&requests))
}

/// `GET /api/schedule/family-requests`: the provider's requests, open ones first.
pub async fn of_provider<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let requests = store::family_requests::of_provider(cx.db, provider_id).await?;
    Ok(ApiResponse::ok(&requests))
}

/// `POST /api/schedule/family-requests/{id}/accept`.
pub async fn accept<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input: AcceptRequest = json_body(&cx.request.body)?;
    let reply = check_text("reply", &input.reply, false)?;
    if let Some(ids) = &input.caregiver_ids {
        check_caregivers(cx.db, cx.caller()?.provider_id()?, ids).await?;
    }
    let change = Requested {
        starts_at: input.starts_at,
        caregiver_ids: input.caregiver_ids.as_deref(),
        cancel: input.cancel,
    };
    let wants_change = change != Requested::default();
    answer(
        cx,
        RequestState::Accepted,
        &reply,
        wants_change.then_some(change),
    )
    .await
}

/// `POST /api/schedule/family-requests/{id}/decline`: with a reply the family reads.
pub async fn decline<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let input: DeclineRequest = json_body(&cx.request.body)?;
    let reply = check_text("reply", &input.reply, true)?;
    answer(cx, RequestState::Declined, &reply, None).await
}

/// Answers an open request of the caller's provider, with the plan's change if any, all in
/// one transaction.
async fn answer<D: Database>(
    cx: &Context<'_, D>,
    state: RequestState,
    reply: &str,
    change: Option<Requested<'_>>,
) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let id = cx.params.require("id")?;
    let answered = db::in_transaction(cx.db, async || {
        let request = store::family_requests::one(cx.db, provider_id, id)
            .await?
            .ok_or(ApiError::NotFound("Žádost"))?;
        if request.state != RequestState::Open {
            return Err(already_answered());
        }
        if let Some(change) = change {
            let visit_id = request.visit_id.as_deref().ok_or_else(|| {
                FieldError::new(
                    "starts_at",
                    "Žádost se netýká žádné návštěvy: plán změňte v týdenním plánu.",
                )
            })?;
            let (_, events) = change_in_transaction(cx, visit_id, change, FAMILY_REQUEST).await?;
            store::family_requests::link_events(cx.db, id, &events).await?;
        }
        if !store::family_requests::answer(cx.db, id, state, reply, &caller.user.user_id, cx.now)
            .await?
        {
            return Err(already_answered());
        }
        cx.audit(
            Action::Update,
            "family_request",
            Some(id),
            Some(&request.client_id),
        )
        .await?;
        store::family_requests::one(cx.db, provider_id, id)
            .await?
            .ok_or(ApiError::NotFound("Žádost"))
    })
    .await?;
    Ok(ApiResponse::ok(&answered))
}

fn conflict(code: &'static str, message: &str) -> ApiError {
    ApiError::Conflict {
        code,
        field: None,
        message: message.to_owned(),
    }
}

fn already_answered() -> ApiError {
    conflict("already_answered", "Žádost už je vyřízená.")
}
