//! Clients: the coordinator's register, scoped to the provider; every read and write of a
//! client's record is audited.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::clients::{
    ClientDetail, ClientInput, EndService, EndedService, check_client, check_end_of_service,
};
use shared::error::FieldError;
use shared::planning::change::{Requested, apply};
use shared::planning::travel::GeoPoint;
use shared::time::{prague_date, prague_day_bounds};

use crate::store;
use crate::store::clients::Write;

async fn load<D: Database>(cx: &Context<'_, D>, client_id: &str) -> Result<ClientDetail, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    store::clients::client(cx.db, provider_id, client_id)
        .await?
        .ok_or(ApiError::NotFound("Klient"))
}

/// `GET /api/schedule/clients`.
pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let clients = store::clients::clients(cx.db, provider_id, prague_date(cx.now)).await?;
    cx.audit(Action::Read, "client_list", None, None).await?;
    Ok(ApiResponse::ok(&clients))
}

/// `GET /api/schedule/clients/{client_id}`.
pub async fn show<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let client_id = cx.params.require("client_id")?;
    let client = load(cx, client_id).await?;
    cx.audit(Action::Read, "client", Some(client_id), Some(client_id))
        .await?;
    Ok(ApiResponse::ok(&client))
}

/// Where the client lives: the given coordinates, or the municipality's centre.
async fn location<D: Database>(
    cx: &Context<'_, D>,
    input: &ClientInput,
) -> Result<GeoPoint, ApiError> {
    let centre = store::clients::municipality_centre(cx.db, &input.municipality_code)
        .await?
        .ok_or_else(|| {
            FieldError::new(
                "municipality_code",
                "Obec s tímto kódem v Ústeckém kraji není.",
            )
        })?;
    Ok(GeoPoint {
        latitude: input.latitude.unwrap_or(centre.latitude),
        longitude: input.longitude.unwrap_or(centre.longitude),
    })
}

/// `POST /api/schedule/clients`.
pub async fn create<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let input = check_client(&json_body::<ClientInput>(&cx.request.body)?)?;
    let location = location(cx, &input).await?;
    let id = new_id();
    db::in_transaction(cx.db, async || {
        let write = Write::Create { at: cx.now };
        store::clients::write_client(cx.db, provider_id, &id, &input, location, write).await?;
        cx.audit(Action::Create, "client", Some(&id), Some(&id))
            .await
    })
    .await?;
    Ok(ApiResponse::json(201, &load(cx, &id).await?))
}

/// `PUT /api/schedule/clients/{client_id}`.
pub async fn replace<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let client_id = cx.params.require("client_id")?;
    load(cx, client_id).await?;
    let input = check_client(&json_body::<ClientInput>(&cx.request.body)?)?;
    let location = location(cx, &input).await?;
    db::in_transaction(cx.db, async || {
        store::clients::write_client(
            cx.db,
            provider_id,
            client_id,
            &input,
            location,
            Write::Replace,
        )
        .await?;
        cx.audit(Action::Update, "client", Some(client_id), Some(client_id))
            .await
    })
    .await?;
    Ok(ApiResponse::ok(&load(cx, client_id).await?))
}

/// `POST /api/schedule/clients/{client_id}/end-service`: the service ends on the last day;
/// the recurring visits end with it and the visits planned after it are cancelled with the
/// reason in their history; the client's record and past visits stay.
pub async fn end_service<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let client_id = cx.params.require("client_id")?;
    let client = load(cx, client_id).await?;
    let end = check_end_of_service(
        &json_body::<EndService>(&cx.request.body)?,
        client.input.service_from,
    )?;
    let (_, after) = prague_day_bounds(end.last_day);
    let cancelled = db::in_transaction(cx.db, async || {
        let ids =
            store::clients::end_service(cx.db, provider_id, client_id, end.last_day, after).await?;
        let wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
        let cancelled = store::changes::lock_visits(cx.db, provider_id, &wanted)
            .await?
            .values()
            .map(|visit| {
                apply(
                    visit,
                    Requested {
                        cancel: true,
                        ..Requested::default()
                    },
                )
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| ApiError::Internal("a planned visit read as done".into()))?;
        store::changes::save_changes(cx.db, &cancelled, &caller.user.user_id, &end.reason, cx.now)
            .await?;
        cx.audit(
            Action::Update,
            "client_service",
            Some(client_id),
            Some(client_id),
        )
        .await?;
        Ok::<_, ApiError>(cancelled.len())
    })
    .await?;
    Ok(ApiResponse::ok(&EndedService {
        cancelled_visits: u32::try_from(cancelled).unwrap_or(u32::MAX),
    }))
}
