//! A provider manager browses who touched their provider's care data, page by page.

use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::identity::AuditCursor;

use crate::store;

/// Entries per page unless `?limit=` asks for fewer.
const PAGE: u32 = 200;

/// `GET /api/auth/audit?before=<cursor>&limit=<n>`: newest first; `before` is
/// `AuditCursor::after(last entry).to_query_value()` of the previous page.
pub async fn browse<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let before = cx
        .request
        .query_param("before")
        .map(|text| AuditCursor::parse(&text))
        .transpose()?;
    let limit = match cx.request.query_param("limit") {
        None => PAGE,
        Some(text) => text
            .parse()
            .ok()
            .filter(|limit| (1..=PAGE).contains(limit))
            .ok_or_else(|| {
                FieldError::new("limit", format!("Na stránku se vejde 1 až {PAGE} záznamů."))
            })?,
    };
    let entries = store::audit::page(cx.db, provider_id, before.as_ref(), limit).await?;
    Ok(ApiResponse::ok(&entries))
}
