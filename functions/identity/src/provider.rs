//! A provider manager's own provider: the office phone her caregivers call with one tap.

use platform::audit::Action;
use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::identity::{OfficePhone, check_office_phone};

use crate::store::providers;

/// `GET /api/auth/provider`: the caller's own provider.
pub async fn show<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let contact = providers::contact(cx.db, provider_id)
        .await?
        .ok_or(ApiError::NotFound("Poskytovatel"))?;
    Ok(ApiResponse::ok(&contact))
}

/// `PUT /api/auth/provider/office-phone`: sets or takes away the caller's provider's office
/// phone; answers with the provider as it now stands.
pub async fn set_office_phone<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let input: OfficePhone = json_body(&cx.request.body)?;
    let office_phone = check_office_phone(&input)?;
    platform::db::in_transaction(cx.db, async || {
        providers::set_office_phone(cx.db, provider_id, office_phone.as_deref()).await?;
        cx.audit(
            Action::Update,
            "provider_office_phone",
            Some(provider_id),
            None,
        )
        .await
    })
    .await?;
    show(cx).await
}
