//! Incidents reported from visits and the conflicts the sync rules resolved.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, Row, Value, timestamp};
use shared::records::{ConflictView, IncidentKind, IncidentView};

use super::{conflict_kind, record_state};

pub(super) const INCIDENT_SELECT: &str = "SELECT i.id, i.record_id, i.visit_id, i.client_id, c.name AS client_name, \
        u.display_name AS caregiver_name, i.kind, i.note, i.reported_at, i.acknowledged_at, \
        a.display_name AS acknowledged_by_name \
    FROM incidents i JOIN clients c ON c.id = i.client_id \
    JOIN visit_records r ON r.id = i.record_id JOIN users u ON u.id = r.caregiver_id \
    LEFT JOIN users a ON a.id = i.acknowledged_by";

pub(super) fn incident_view(row: &Row) -> Result<IncidentView, DbError> {
    let kind = row.parsed("kind", "an incident kind", IncidentKind::parse)?;
    Ok(IncidentView {
        id: row.text("id")?,
        record_id: row.text("record_id")?,
        visit_id: row.text("visit_id")?,
        client_id: row.text("client_id")?,
        client_name: row.text("client_name")?,
        caregiver_name: row.text("caregiver_name")?,
        kind,
        label: kind.label().to_owned(),
        note: row.optional_text("note")?,
        reported_at: row.instant("reported_at")?,
        acknowledged_at: row.optional_instant("acknowledged_at")?,
        acknowledged_by_name: row.optional_text("acknowledged_by_name")?,
    })
}

/// The provider's incidents nobody has acknowledged yet, newest first.
pub async fn open(db: &impl Database, provider_id: &str) -> Result<Vec<IncidentView>, DbError> {
    db.query(
        &format!(
            "{INCIDENT_SELECT} WHERE i.provider_id = $1 AND i.acknowledged_at IS NULL \
             ORDER BY i.reported_at DESC, i.id"
        ),
        &[provider_id.into()],
    )
    .await?
    .iter()
    .map(incident_view)
    .collect()
}

/// Acknowledges an incident of the provider (the first acknowledgement stays) and reads it
/// back; `None` when the provider has no such incident.
pub async fn acknowledge(
    db: &impl Database,
    incident_id: &str,
    provider_id: &str,
    acknowledged_by: &str,
    now: DateTime<Utc>,
) -> Result<Option<IncidentView>, DbError> {
    db.execute(
        "UPDATE incidents SET acknowledged_by = $1, acknowledged_at = $2 \
         WHERE id = $3 AND provider_id = $4 AND acknowledged_at IS NULL",
        &[
            acknowledged_by.into(),
            timestamp::format(now).into(),
            incident_id.into(),
            provider_id.into(),
        ],
    )
    .await?;
    db.query_one(
        &format!("{INCIDENT_SELECT} WHERE i.id = $1 AND i.provider_id = $2"),
        &[incident_id.into(), provider_id.into()],
    )
    .await?
    .as_ref()
    .map(incident_view)
    .transpose()
}

/// A resolved conflict and the client its record belongs to.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub view: ConflictView,
    pub client_id: String,
}

/// The provider's conflicts, or only those of one caregiver's records; newest first.
pub async fn conflicts(
    db: &impl Database,
    provider_id: &str,
    of_caregiver: Option<&str>,
) -> Result<Vec<Conflict>, DbError> {
    let mut filter = String::from("k.provider_id = $1");
    let mut params: Vec<Value> = vec![provider_id.into()];
    if let Some(caregiver_id) = of_caregiver {
        filter.push_str(" AND r.caregiver_id = $2");
        params.push(caregiver_id.into());
    }
    db.query(
        &format!(
            "SELECT k.record_id, k.visit_id, k.kind, k.detected_at, r.state, r.caregiver_id, r.client_id, \
                    u.display_name AS caregiver_name, c.name AS client_name \
             FROM record_conflicts k JOIN visit_records r ON r.id = k.record_id \
             JOIN users u ON u.id = r.caregiver_id JOIN clients c ON c.id = r.client_id \
             WHERE {filter} ORDER BY k.detected_at DESC, k.record_id, k.kind"
        ),
        &params,
    )
    .await?
    .iter()
    .map(|row| {
        let kind = conflict_kind(row)?;
        let state = record_state(row)?;
        Ok(Conflict {
            client_id: row.text("client_id")?,
            view: ConflictView {
                record_id: row.text("record_id")?,
                visit_id: row.text("visit_id")?,
                client_name: row.text("client_name")?,
                caregiver_id: row.text("caregiver_id")?,
                caregiver_name: row.text("caregiver_name")?,
                kind,
                state,
                message: kind.message(state).to_owned(),
                detected_at: row.instant("detected_at")?,
            },
        })
    })
    .collect()
}
