//! What a family sees: the clients they are linked to and each one's coming visits. Staff
//! of the client's provider see the same schedule.

use chrono::Duration;
use platform::audit::{self, Action, Subject};
use platform::{ApiError, ApiResponse, Context, Database};
use shared::identity::Role;
use shared::schedule::ClientVisits;
use shared::time::{prague_date, prague_day_bounds};

use crate::store;

/// How far ahead a client's schedule reaches.
const CLIENT_SCHEDULE_DAYS: i64 = 14;

/// `GET /api/schedule/clients/{client_id}/visits`: a family member linked to the client, or
/// staff of the client's provider; anyone else is told the client does not exist.
pub async fn client_visits<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let client_id = cx.params.require("client_id")?;
    let client = match caller.role() {
        Role::FamilyMember => {
            store::family::linked_client(cx.db, client_id, &caller.user.user_id).await?
        }
        _ => store::family::provider_client(cx.db, client_id, caller.provider_id()?).await?,
    }
    .ok_or(ApiError::NotFound("Klient"))?;
    let from = prague_date(cx.now);
    let (start, _) = prague_day_bounds(from);
    let (_, end) = prague_day_bounds(from + Duration::days(CLIENT_SCHEDULE_DAYS - 1));
    let visits = store::family::client_schedule(cx.db, client_id, start, end).await?;
    let subject = Subject {
        entity: "client_schedule",
        entity_id: Some(client_id),
        client_id: Some(client_id),
        provider_id: Some(&client.provider_id),
    };
    audit::record(cx.db, caller, Action::Read, subject, cx.now).await?;
    Ok(ApiResponse::ok(&ClientVisits {
        client_id: client_id.to_owned(),
        client_name: client.name,
        from,
        visits,
    }))
}

/// `GET /api/schedule/my-clients`: the clients a family member is linked to, by name.
pub async fn linked_clients<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let clients = store::family::linked_clients(cx.db, &caller.user.user_id).await?;
    Ok(ApiResponse::ok(&clients))
}
