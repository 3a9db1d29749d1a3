//! The network parameters: dated rows the region officer keeps per provider.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database, db, timestamp};
use shared::error::FieldError;
use shared::reports::parameters::NetworkParameters;

use crate::store;

/// `GET /api/reports/network-parameters[?provider=…]`: every row, newest first.
pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider = cx.request.query_param("provider");
    let rows = store::network_parameters(cx.db, provider.as_deref()).await?;
    Ok(ApiResponse::ok(&rows))
}

/// `POST /api/reports/network-parameters`: saves a provider's row from a date on
/// (replacing the row of the same date).
pub async fn save<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let mut parameters: NetworkParameters = json_body(&cx.request.body)?;
    parameters.validate()?;
    parameters.mandated_municipalities.sort();
    parameters.mandated_municipalities.dedup();
    if store::provider_name(cx.db, &parameters.provider_id)
        .await?
        .is_none()
    {
        return Err(FieldError::new("provider_id", "Takový poskytovatel v síti není.").into());
    }
    let known = store::known_municipalities(cx.db, &parameters.mandated_municipalities).await?;
    if known != parameters.mandated_municipalities.len() {
        return Err(FieldError::new(
            "mandated_municipalities",
            "Některá obec s tímto kódem v Ústeckém kraji není.",
        )
        .into());
    }
    let saved_by = cx.caller()?.user.user_id.clone();
    let saved_at = timestamp::format(cx.now);
    db::in_transaction(cx.db, async || {
        store::save_network_parameters(cx.db, &parameters, &saved_by, &saved_at).await
    })
    .await?;
    Ok(ApiResponse::json(201, &parameters))
}
