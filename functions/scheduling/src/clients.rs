//! Clients: the coordinator's register, scoped to the provider; every read and write of a
//! client's record is audited.

use platform::audit::Action;
use platform::input::json_body;
use platform::random::new_id;
use platform::{ApiError, ApiResponse, Context, Database, db};
use shared::clients::{ClientDetail, ClientInput, check_client};
use shared::error::FieldError;
use shared::planning::travel::GeoPoint;
use shared::time::prague_date;

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
