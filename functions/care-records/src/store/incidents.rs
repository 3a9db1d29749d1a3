//! Incidents reported from visits and the conflicts the sync rules resolved.

use chrono::{DateTime, Utc};
use platform::{Database, DbError, Row, Value, timestamp};
use shared::records::sync::SyncConflictKind;
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

/// Marks one row of `table` acknowledged unless someone already has: the first
/// acknowledgement stays. `key` selects the row with parameters from `$3` on.
async fn acknowledge_once(
    db: &impl Database,
    table: &str,
    key: &str,
    key_params: Vec<Value>,
    acknowledged_by: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let params: Vec<Value> = [acknowledged_by.into(), timestamp::format(now).into()]
        .into_iter()
        .chain(key_params)
        .collect();
    db.execute(
        &format!(
            "UPDATE {table} SET acknowledged_by = $1, acknowledged_at = $2 \
             WHERE {key} AND acknowledged_at IS NULL"
        ),
        &params,
    )
    .await?;
    Ok(())
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
    acknowledge_once(
        db,
        "incidents",
        "id = $3 AND provider_id = $4",
        vec![incident_id.into(), provider_id.into()],
        acknowledged_by,
        now,
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

const CONFLICT_SELECT: &str = "SELECT k.record_id, k.visit_id, k.kind, k.detected_at, k.acknowledged_at, \
        r.state, r.caregiver_id, r.client_id, u.display_name AS caregiver_name, c.name AS client_name, \
        v.starts_at AS visit_starts_at, a.display_name AS acknowledged_by_name \
    FROM record_conflicts k JOIN visit_records r ON r.id = k.record_id \
    JOIN visits v ON v.id = k.visit_id \
    JOIN users u ON u.id = r.caregiver_id JOIN clients c ON c.id = r.client_id \
    LEFT JOIN users a ON a.id = k.acknowledged_by";

fn conflict(row: &Row) -> Result<Conflict, DbError> {
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
            visit_starts_at: row.instant("visit_starts_at")?,
            acknowledged_at: row.optional_instant("acknowledged_at")?,
            acknowledged_by_name: row.optional_text("acknowledged_by_name")?,
        },
    })
}

/// The provider's conflicts nobody has acknowledged yet, or only those of one caregiver's
/// records; newest first.
pub async fn conflicts(
    db: &impl Database,
    provider_id: &str,
    of_caregiver: Option<&str>,
) -> Result<Vec<Conflict>, DbError> {
    let mut filter = String::from("k.provider_id = $1 AND k.acknowledged_at IS NULL");
    let mut params: Vec<Value> = vec![provider_id.into()];
    if let Some(caregiver_id) = of_caregiver {
        filter.push_str(" AND r.caregiver_id = $2");
        params.push(caregiver_id.into());
    }
    db.query(
        &format!(
            "{CONFLICT_SELECT} WHERE {filter} ORDER BY k.detected_at DESC, k.record_id, k.kind"
        ),
        &params,
    )
    .await?
    .iter()
    .map(conflict)
    .collect()
}

/// Acknowledges a conflict of the provider (the first acknowledgement stays) and reads it
/// back; `None` when the provider has no such conflict.
pub async fn acknowledge_conflict(
    db: &impl Database,
    record_id: &str,
    kind: SyncConflictKind,
    provider_id: &str,
    acknowledged_by: &str,
    now: DateTime<Utc>,
) -> Result<Option<Conflict>, DbError> {
    acknowledge_once(
        db,
        "record_conflicts",
        "record_id = $3 AND kind = $4 AND provider_id = $5",
        vec![record_id.into(), kind.as_str().into(), provider_id.into()],
        acknowledged_by,
        now,
    )
    .await?;
    db.query_one(
        &format!("{CONFLICT_SELECT} WHERE k.record_id = $1 AND k.kind = $2 AND k.provider_id = $3"),
        &[record_id.into(), kind.as_str().into(), provider_id.into()],
    )
    .await?
    .as_ref()
    .map(conflict)
    .transpose()
}
