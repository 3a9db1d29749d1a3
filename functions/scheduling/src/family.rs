//! What a family sees: the clients they are linked to, each one's coming visits, today's
//! visits as they go, and how many different caregivers came. Staff of the client's
//! provider see the same schedule.

use chrono::{Datelike, Duration, Months, NaiveDate};
use platform::audit::{self, Action, Subject};
use platform::auth::Caller;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::family::live::live_state;
use shared::family::{Continuity, FamilyToday, LiveVisit, MonthCaregivers};
use shared::identity::Role;
use shared::schedule::ClientVisits;
use shared::time::{prague_date, prague_day_bounds};

use crate::store;
use crate::store::family::VisibleClient;

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
    read_by(cx, caller, "client_schedule", client_id, &client).await?;
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

/// The client of the path, if the calling family member is linked to them; for anyone
/// else the client does not exist.
pub(crate) async fn linked_client<'a, D: Database>(
    cx: &'a Context<'_, D>,
) -> Result<(&'a Caller, &'a str, VisibleClient), ApiError> {
    let caller = cx.caller()?;
    let client_id = cx.params.require("client_id")?;
    let client = store::family::linked_client(cx.db, client_id, &caller.user.user_id)
        .await?
        .ok_or(ApiError::NotFound("Klient"))?;
    Ok((caller, client_id, client))
}

/// Logs a read of the client's care data.
pub(crate) async fn read_by<D: Database>(
    cx: &Context<'_, D>,
    caller: &Caller,
    entity: &str,
    client_id: &str,
    client: &VisibleClient,
) -> Result<(), ApiError> {
    let subject = Subject {
        entity,
        entity_id: Some(client_id),
        client_id: Some(client_id),
        provider_id: Some(&client.provider_id),
    };
    audit::record(cx.db, caller, Action::Read, subject, cx.now).await?;
    Ok(())
}

/// `GET /api/schedule/family/{client_id}/today`: today's visits, each with its live state.
pub async fn today<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, client) = linked_client(cx).await?;
    let date = prague_date(cx.now);
    let (start, end) = prague_day_bounds(date);
    let visits = store::family::live_facts(cx.db, client_id, start, end)
        .await?
        .into_iter()
        .map(|(view, facts)| LiveVisit {
            id: view.id,
            starts_at: view.starts_at,
            ends_at: view.ends_at,
            caregiver_name: view.caregiver_name,
            live: live_state(&facts, cx.now),
        })
        .collect();
    read_by(cx, caller, "client_today", client_id, &client).await?;
    Ok(ApiResponse::ok(&FamilyToday {
        client_id: client_id.to_owned(),
        client_name: client.name,
        date,
        visits,
    }))
}

/// `GET /api/schedule/family/{client_id}/continuity`: different caregivers who came this
/// month and last month (Prague months).
pub async fn continuity<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, client) = linked_client(cx).await?;
    let this_month = prague_date(cx.now).with_day(1).unwrap_or_default();
    let last_month = this_month - Months::new(1);
    let count = async |first: NaiveDate| {
        let (start, _) = prague_day_bounds(first);
        let (end, _) = prague_day_bounds(first + Months::new(1));
        let caregivers = store::family::caregivers_who_came(cx.db, client_id, start, end).await?;
        Ok::<_, ApiError>(MonthCaregivers {
            month: first,
            caregivers,
        })
    };
    let continuity = Continuity {
        this_month: count(this_month).await?,
        last_month: count(last_month).await?,
    };
    read_by(cx, caller, "client_continuity", client_id, &client).await?;
    Ok(ApiResponse::ok(&continuity))
}
