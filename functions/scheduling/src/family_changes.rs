//! What changed in a client's coming visits, as the family reads it, and which changes a
//! family member has seen.

use platform::input::json_body;
use platform::{ApiError, ApiResponse, Context, Database};
use shared::error::FieldError;
use shared::family::{FamilyChanges, SeenChanges};
use shared::time::{prague_date, prague_day_bounds};

use crate::family::{linked_client, read_by};
use crate::store;

/// The most changes one call marks as seen.
const MAX_SEEN: usize = 500;

/// `GET /api/schedule/family/{client_id}/changes`: every change to a visit from today on,
/// newest first, with the reason in the family's words and the count of unseen ones.
pub async fn list<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, client) = linked_client(cx).await?;
    let (today, _) = prague_day_bounds(prague_date(cx.now));
    let changes =
        store::family_changes::changes(cx.db, client_id, &caller.user.user_id, today).await?;
    let unseen = changes.iter().filter(|change| !change.seen).count();
    read_by(cx, caller, "client_changes", client_id, &client).await?;
    Ok(ApiResponse::ok(&FamilyChanges {
        unseen: u32::try_from(unseen).unwrap_or(u32::MAX),
        changes,
    }))
}

/// `POST /api/schedule/family/{client_id}/changes/seen`: the changes the family member has
/// now seen; ids of other clients' changes are ignored.
pub async fn mark_seen<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let (caller, client_id, _) = linked_client(cx).await?;
    let seen: SeenChanges = json_body(&cx.request.body)?;
    if seen.event_ids.len() > MAX_SEEN {
        return Err(FieldError::new("event_ids", "Najednou nejvýše 500 změn.").into());
    }
    store::family_changes::mark_seen(
        cx.db,
        client_id,
        &caller.user.user_id,
        &seen.event_ids,
        cx.now,
    )
    .await?;
    Ok(ApiResponse::no_content())
}
