//! What needs a coordinator's eye: incidents from visits until acknowledged, and the
//! conflicts the sync rules resolved (shown to the caregivers concerned as well).

use platform::audit::{self, Action, Subject};
use platform::{ApiError, ApiResponse, Context, Database, DbError};
use shared::identity::roles::CAREGIVERS;
use shared::records::ConflictView;
use shared::records::sync::SyncConflictKind;

use crate::store::incidents;

/// Logs a read of each listed item of care data: (item id, client id).
async fn audit_reads<D: Database>(
    cx: &Context<'_, D>,
    entity: &str,
    items: &[(&str, &str)],
) -> Result<(), ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let subjects: Vec<Subject> = items
        .iter()
        .map(|(id, client_id)| Subject {
            entity,
            entity_id: Some(id),
            client_id: Some(client_id),
            provider_id: Some(provider_id),
        })
        .collect();
    audit::record_many(cx.db, caller, Action::Read, &subjects, cx.now).await?;
    Ok(())
}

/// `GET /api/records/incidents`: the provider's incidents nobody has acknowledged yet,
/// newest first.
pub async fn open<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let provider_id = cx.caller()?.provider_id()?;
    let incidents = incidents::open(cx.db, provider_id).await?;
    let read: Vec<(&str, &str)> = incidents
        .iter()
        .map(|incident| (incident.id.as_str(), incident.client_id.as_str()))
        .collect();
    audit_reads(cx, "incident", &read).await?;
    Ok(ApiResponse::ok(&incidents))
}

/// Acknowledges one of the caller's provider's items through `acknowledge` (given the
/// provider and the caller), audits it as `entity` `id` and returns it; `not_found` names
/// it when the provider has none.
async fn acknowledge_audited<D: Database, T>(
    cx: &Context<'_, D>,
    (entity, id): (&str, &str),
    not_found: &'static str,
    acknowledge: impl AsyncFnOnce(&str, &str) -> Result<Option<T>, DbError>,
    client_id: impl Fn(&T) -> &str,
) -> Result<T, ApiError> {
    let caller = cx.caller()?;
    let item = acknowledge(caller.provider_id()?, &caller.user.user_id)
        .await?
        .ok_or(ApiError::NotFound(not_found))?;
    cx.audit(Action::Update, entity, Some(id), Some(client_id(&item)))
        .await?;
    Ok(item)
}

/// `POST /api/records/incidents/{id}/acknowledge`: the first acknowledgement stays.
pub async fn acknowledge<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let id = cx.params.require("id")?;
    let incident = acknowledge_audited(
        cx,
        ("incident", id),
        "Událost",
        async |provider_id, user_id| {
            incidents::acknowledge(cx.db, id, provider_id, user_id, cx.now).await
        },
        |incident| &incident.client_id,
    )
    .await?;
    Ok(ApiResponse::ok(&incident))
}

/// `GET /api/records/conflicts`: coordinators and managers see the provider's, caregivers
/// those of their own records; newest first.
pub async fn conflicts<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let of_caregiver =
        (CAREGIVERS.contains(&caller.role())).then_some(caller.user.user_id.as_str());
    let conflicts = incidents::conflicts(cx.db, caller.provider_id()?, of_caregiver).await?;
    let read: Vec<(&str, &str)> = conflicts
        .iter()
        .map(|conflict| {
            (
                conflict.view.record_id.as_str(),
                conflict.client_id.as_str(),
            )
        })
        .collect();
    audit_reads(cx, "visit_record", &read).await?;
    let views: Vec<ConflictView> = conflicts
        .into_iter()
        .map(|conflict| conflict.view)
        .collect();
    Ok(ApiResponse::ok(&views))
}

/// `POST /api/records/conflicts/{record_id}/{kind}/acknowledge`: the office has seen how
/// the rules resolved it; the first acknowledgement stays.
pub async fn acknowledge_conflict<D: Database>(
    cx: &Context<'_, D>,
) -> Result<ApiResponse, ApiError> {
    let record_id = cx.params.require("record_id")?;
    let kind = SyncConflictKind::parse(cx.params.require("kind")?)
        .ok_or(ApiError::NotFound("Konflikt"))?;
    let conflict = acknowledge_audited(
        cx,
        ("record_conflict", record_id),
        "Konflikt",
        async |provider_id, user_id| {
            incidents::acknowledge_conflict(cx.db, record_id, kind, provider_id, user_id, cx.now)
                .await
        },
        |conflict| &conflict.client_id,
    )
    .await?;
    Ok(ApiResponse::ok(&conflict.view))
}
