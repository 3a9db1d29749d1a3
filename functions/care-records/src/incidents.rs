//! What needs a coordinator's eye: incidents from visits until acknowledged, and the
//! conflicts the sync rules resolved (shown to the caregivers concerned as well).

use platform::audit::{self, Action, Subject};
use platform::{ApiError, ApiResponse, Context, Database, DbError, Value, timestamp};
use shared::identity::Role;
use shared::records::{ConflictView, IncidentView};

use crate::store::{INCIDENT_SELECT, conflict_kind, incident_view, instant, record_state};

/// Logs a read of each listed item of care data.
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
    let incidents = cx
        .db
        .query(
            &format!(
                "{INCIDENT_SELECT} WHERE i.provider_id = $1 AND i.acknowledged_at IS NULL \
                 ORDER BY i.reported_at DESC, i.id"
            ),
            &[provider_id.into()],
        )
        .await?
        .iter()
        .map(incident_view)
        .collect::<Result<Vec<IncidentView>, DbError>>()?;
    let read: Vec<(&str, &str)> = incidents
        .iter()
        .map(|incident| (incident.id.as_str(), incident.client_id.as_str()))
        .collect();
    audit_reads(cx, "incident", &read).await?;
    Ok(ApiResponse::ok(&incidents))
}

/// `POST /api/records/incidents/{id}/acknowledge`: the first acknowledgement stays.
pub async fn acknowledge<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let provider_id = caller.provider_id()?;
    let id = cx.params.get("id").unwrap_or_default();
    cx.db
        .execute(
            "UPDATE incidents SET acknowledged_by = $1, acknowledged_at = $2 \
             WHERE id = $3 AND provider_id = $4 AND acknowledged_at IS NULL",
            &[
                caller.user.user_id.as_str().into(),
                timestamp::format(cx.now).into(),
                id.into(),
                provider_id.into(),
            ],
        )
        .await?;
    let incident = cx
        .db
        .query_one(
            &format!("{INCIDENT_SELECT} WHERE i.id = $1 AND i.provider_id = $2"),
            &[id.into(), provider_id.into()],
        )
        .await?
        .ok_or(ApiError::NotFound("Událost"))?;
    let incident = incident_view(&incident)?;
    cx.audit(
        Action::Update,
        "incident",
        Some(id),
        Some(&incident.client_id),
    )
    .await?;
    Ok(ApiResponse::ok(&incident))
}

/// `GET /api/records/conflicts`: coordinators and managers see the provider's, caregivers
/// those of their own records; newest first.
pub async fn conflicts<D: Database>(cx: &Context<'_, D>) -> Result<ApiResponse, ApiError> {
    let caller = cx.caller()?;
    let mut filter = String::from("k.provider_id = $1");
    let mut params: Vec<Value> = vec![caller.provider_id()?.into()];
    if caller.role() == Role::Caregiver {
        filter.push_str(" AND r.caregiver_id = $2");
        params.push(caller.user.user_id.as_str().into());
    }
    let rows = cx
        .db
        .query(
            &format!(
                "SELECT k.record_id, k.visit_id, k.kind, k.detected_at, r.state, r.caregiver_id, r.client_id, \
                        u.display_name AS caregiver_name, c.name AS client_name \
                 FROM record_conflicts k JOIN visit_records r ON r.id = k.record_id \
                 JOIN users u ON u.id = r.caregiver_id JOIN clients c ON c.id = r.client_id \
                 WHERE {filter} ORDER BY k.detected_at DESC, k.record_id, k.kind"
            ),
            &params,
        )
        .await?;
    let mut views = Vec::with_capacity(rows.len());
    let mut clients = Vec::with_capacity(rows.len());
    for row in &rows {
        let kind = conflict_kind(row)?;
        let state = record_state(row)?;
        clients.push(row.text("client_id")?);
        views.push(ConflictView {
            record_id: row.text("record_id")?,
            visit_id: row.text("visit_id")?,
            client_name: row.text("client_name")?,
            caregiver_id: row.text("caregiver_id")?,
            caregiver_name: row.text("caregiver_name")?,
            kind,
            state,
            message: kind.message(state).to_owned(),
            detected_at: instant(row, "detected_at")?,
        });
    }
    let read: Vec<(&str, &str)> = views
        .iter()
        .zip(&clients)
        .map(|(view, client)| (view.record_id.as_str(), client.as_str()))
        .collect();
    audit_reads(cx, "visit_record", &read).await?;
    Ok(ApiResponse::ok(&views))
}
