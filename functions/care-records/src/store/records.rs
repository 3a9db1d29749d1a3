//! Visit records: what a caregiver's phone sent, corrections as new versions,
//! and what the sync rules decided for each.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use platform::random::new_id;
use platform::reference::task_unit;
use platform::{Database, DbError, Row, Value, timestamp};
use shared::records::sync::{RecordFacts, RecordState, Resolution, SyncConflictKind};
use shared::records::{
    CheckedContent, CheckedRecord, IncidentView, RecordVersion, RecordView, Release, TaskDoneView,
};

use super::incidents::{INCIDENT_SELECT, incident_view};
use super::{conflict_kind, count, record_state};

/// Where a record of the provider belongs, and who made it.
#[derive(Debug, Clone)]
pub struct RecordOwner {
    pub visit_id: String,
    pub client_id: String,
    /// The caregiver who recorded the visit.
    pub caregiver_id: String,
    /// The visit's planned start.
    pub visit_starts_at: DateTime<Utc>,
}

pub async fn owner(
    db: &impl Database,
    record_id: &str,
    provider_id: &str,
) -> Result<Option<RecordOwner>, DbError> {
    db.query_one(
        "SELECT r.visit_id, r.client_id, r.caregiver_id, v.starts_at \
         FROM visit_records r JOIN visits v ON v.id = r.visit_id \
         WHERE r.id = $1 AND r.provider_id = $2",
        &[record_id.into(), provider_id.into()],
    )
    .await?
    .map(|row| {
        Ok(RecordOwner {
            visit_id: row.text("visit_id")?,
            client_id: row.text("client_id")?,
            caregiver_id: row.text("caregiver_id")?,
            visit_starts_at: row.instant("starts_at")?,
        })
    })
    .transpose()
}

/// The stored records of a visit as the sync rules read them, with their current state.
pub async fn facts_of_visit(
    db: &impl Database,
    visit_id: &str,
) -> Result<Vec<(RecordFacts, RecordState)>, DbError> {
    db.query(
        "SELECT id, caregiver_id, recorded_at, planned_starts_at, fingerprint, state, released_at \
         FROM visit_records WHERE visit_id = $1",
        &[visit_id.into()],
    )
    .await?
    .iter()
    .map(|row| {
        Ok((
            RecordFacts {
                record_id: row.text("id")?,
                caregiver_id: row.text("caregiver_id")?,
                recorded_at: row.instant("recorded_at")?,
                planned_starts_at: row.instant("planned_starts_at")?,
                fingerprint: row.text("fingerprint")?,
                released: row.optional_text("released_at")?.is_some(),
            },
            record_state(row)?,
        ))
    })
    .collect()
}

/// The conflicts found for a record, by kind.
pub async fn conflicts_of(
    db: &impl Database,
    record_id: &str,
) -> Result<Vec<SyncConflictKind>, DbError> {
    db.query(
        "SELECT kind FROM record_conflicts WHERE record_id = $1 ORDER BY kind",
        &[record_id.into()],
    )
    .await?
    .iter()
    .map(conflict_kind)
    .collect()
}

/// A new record as the caregiver's phone sent it, with its tasks and incidents. The id may
/// be taken by a record of another visit: `DbError::UniqueViolation`.
pub async fn insert(
    db: &impl Database,
    record: &CheckedRecord,
    facts: &RecordFacts,
    provider_id: &str,
    client_id: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let content = &record.content;
    db.execute(
        "INSERT INTO visit_records (id, visit_id, provider_id, client_id, caregiver_id, device_id, \
                                    recorded_at, received_at, planned_starts_at, clock_arrived_at, \
                                    clock_left_at, arrived_at, left_at, time_edit_reason, note, \
                                    fingerprint, state) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'accepted')",
        &[
            record.record_id.as_str().into(),
            record.visit_id.as_str().into(),
            provider_id.into(),
            client_id.into(),
            facts.caregiver_id.as_str().into(),
            record.device_id.as_str().into(),
            timestamp::format(record.recorded_at).into(),
            timestamp::format(now).into(),
            timestamp::format(record.planned_starts_at).into(),
            timestamp::format(record.clock_arrived_at).into(),
            timestamp::format(record.clock_left_at).into(),
            timestamp::format(content.arrived_at).into(),
            timestamp::format(content.left_at).into(),
            record.time_edit_reason.clone().into(),
            content.note.clone().into(),
            facts.fingerprint.as_str().into(),
        ],
    )
    .await?;
    let planned = super::planned_tasks(db, &record.visit_id).await?;
    insert_tasks(db, &record.record_id, 0, content, &planned).await?;
    for incident in &record.incidents {
        db.execute(
            "INSERT INTO incidents (id, record_id, visit_id, provider_id, client_id, kind, note, reported_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                new_id().into(),
                record.record_id.as_str().into(),
                record.visit_id.as_str().into(),
                provider_id.into(),
                client_id.into(),
                incident.kind.as_str().into(),
                incident.note.clone().into(),
                timestamp::format(now).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Writes the tasks of one version of a record.
async fn insert_tasks(
    db: &impl Database,
    record_id: &str,
    version: i64,
    content: &CheckedContent,
    planned: &BTreeSet<String>,
) -> Result<(), DbError> {
    for task in &content.tasks {
        db.execute(
            "INSERT INTO record_tasks (record_id, version, task_code, units, planned) \
             VALUES ($1, $2, $3, $4, $5)",
            &[
                record_id.into(),
                version.into(),
                task.task_code.as_str().into(),
                i64::from(task.units).into(),
                i64::from(planned.contains(&task.task_code)).into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Stores what the rules decided for one record: its state, and its conflicts, which are
/// kept once found.
pub async fn write_resolution(
    db: &impl Database,
    visit_id: &str,
    provider_id: &str,
    resolution: &Resolution,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE visit_records SET state = $1 WHERE id = $2",
        &[
            resolution.state.as_str().into(),
            resolution.record_id.as_str().into(),
        ],
    )
    .await?;
    for kind in &resolution.conflicts {
        let params: [Value; 5] = [
            resolution.record_id.as_str().into(),
            kind.as_str().into(),
            visit_id.into(),
            provider_id.into(),
            timestamp::format(now).into(),
        ];
        db.execute(
            "INSERT INTO record_conflicts (record_id, kind, visit_id, provider_id, detected_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_id, kind) DO NOTHING",
            &params,
        )
        .await?;
    }
    Ok(())
}

/// A coordinator counts a held record.
pub async fn release(
    db: &impl Database,
    record_id: &str,
    released_by: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    db.execute(
        "UPDATE visit_records SET released_by = $1, released_at = $2, release_reason = $3 WHERE id = $4",
        &[
            released_by.into(),
            timestamp::format(now).into(),
            reason.into(),
            record_id.into(),
        ],
    )
    .await?;
    Ok(())
}

/// The record a correction was stored for under the key a phone made for it, if any.
pub async fn corrected_under(
    db: &impl Database,
    correction_id: &str,
) -> Result<Option<String>, DbError> {
    db.query_one(
        "SELECT record_id FROM record_corrections WHERE correction_id = $1",
        &[correction_id.into()],
    )
    .await?
    .map(|row| row.text("record_id"))
    .transpose()
}

/// Who corrects a record, why, and the key her phone made for it (if any).
#[derive(Debug, Clone, Copy)]
pub struct CorrectionMade<'a> {
    pub corrected_by: &'a str,
    pub reason: &'a str,
    pub correction_id: Option<&'a str>,
}

/// A correction: the record's next version, its tasks, and the record pointed at it. `None`
/// when the record is gone.
pub async fn insert_correction(
    db: &impl Database,
    record_id: &str,
    visit_id: &str,
    made: CorrectionMade<'_>,
    content: &CheckedContent,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbError> {
    let Some(current) = db
        .query_one(
            "SELECT current_version FROM visit_records WHERE id = $1",
            &[record_id.into()],
        )
        .await?
    else {
        return Ok(None);
    };
    let version = current.integer("current_version")? + 1;
    db.execute(
        "INSERT INTO record_corrections (record_id, version, corrected_by, corrected_at, reason, \
                                         arrived_at, left_at, note, correction_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            record_id.into(),
            version.into(),
            made.corrected_by.into(),
            timestamp::format(now).into(),
            made.reason.into(),
            timestamp::format(content.arrived_at).into(),
            timestamp::format(content.left_at).into(),
            content.note.clone().into(),
            made.correction_id.into(),
        ],
    )
    .await?;
    let planned = super::planned_tasks(db, visit_id).await?;
    insert_tasks(db, record_id, version, content, &planned).await?;
    db.execute(
        "UPDATE visit_records SET current_version = $1 WHERE id = $2",
        &[version.into(), record_id.into()],
    )
    .await?;
    Ok(Some(version))
}

/// Every record of a visit with its versions, incidents and conflicts, oldest first.
pub async fn of_visit(db: &impl Database, visit_id: &str) -> Result<Vec<RecordView>, DbError> {
    let visit: Value = visit_id.into();
    let params = std::slice::from_ref(&visit);
    let mut tasks: BTreeMap<(String, u32), Vec<TaskDoneView>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT t.record_id, t.version, t.task_code, t.units, t.planned, k.name, k.unit \
             FROM record_tasks t JOIN care_tasks k ON k.code = t.task_code \
             JOIN visit_records r ON r.id = t.record_id WHERE r.visit_id = $1 ORDER BY k.position",
            params,
        )
        .await?
    {
        tasks
            .entry((row.text("record_id")?, count(&row, "version")?))
            .or_default()
            .push(TaskDoneView {
                task_code: row.text("task_code")?,
                name: row.text("name")?,
                unit: task_unit(&row)?,
                units: count(&row, "units")?,
                planned: row.flag("planned")?,
            });
    }
    let mut version =
        |row: &Row, record_id: &str, number: u32, made_by: &str, made_at: &str, reason: &str| {
            Ok::<_, DbError>(RecordVersion {
                version: number,
                made_by: row.text(made_by)?,
                made_by_name: row.text("made_by_name")?,
                made_at: row.instant(made_at)?,
                reason: row.optional_text(reason)?,
                arrived_at: row.instant("arrived_at")?,
                left_at: row.instant("left_at")?,
                // A version may list no task.
                tasks: tasks
                    .remove(&(record_id.to_owned(), number))
                    .unwrap_or_default(),
                note: row.optional_text("note")?,
            })
        };
    let mut corrections: BTreeMap<String, Vec<RecordVersion>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT c.record_id, c.version, c.corrected_by, u.display_name AS made_by_name, \
                    c.corrected_at, c.reason, c.arrived_at, c.left_at, c.note \
             FROM record_corrections c JOIN users u ON u.id = c.corrected_by \
             JOIN visit_records r ON r.id = c.record_id WHERE r.visit_id = $1 ORDER BY c.version",
            params,
        )
        .await?
    {
        let record_id = row.text("record_id")?;
        let number = count(&row, "version")?;
        let corrected = version(
            &row,
            &record_id,
            number,
            "corrected_by",
            "corrected_at",
            "reason",
        )?;
        corrections.entry(record_id).or_default().push(corrected);
    }
    let mut incidents: BTreeMap<String, Vec<IncidentView>> = BTreeMap::new();
    for row in db
        .query(
            &format!("{INCIDENT_SELECT} WHERE i.visit_id = $1 ORDER BY i.kind"),
            params,
        )
        .await?
    {
        let incident = incident_view(&row)?;
        incidents
            .entry(incident.record_id.clone())
            .or_default()
            .push(incident);
    }
    let mut conflicts: BTreeMap<String, Vec<SyncConflictKind>> = BTreeMap::new();
    for row in db
        .query(
            "SELECT record_id, kind FROM record_conflicts WHERE visit_id = $1 ORDER BY kind",
            params,
        )
        .await?
    {
        conflicts
            .entry(row.text("record_id")?)
            .or_default()
            .push(conflict_kind(&row)?);
    }
    let rows = db
        .query(
            "SELECT r.id, r.device_id, r.caregiver_id, u.display_name AS made_by_name, r.recorded_at, \
                    r.received_at, r.clock_arrived_at, r.clock_left_at, r.arrived_at, r.left_at, \
                    r.time_edit_reason, r.note, r.state, r.released_at, r.release_reason, \
                    rb.display_name AS released_by_name \
             FROM visit_records r JOIN users u ON u.id = r.caregiver_id \
             LEFT JOIN users rb ON rb.id = r.released_by \
             WHERE r.visit_id = $1 ORDER BY r.recorded_at, r.id",
            params,
        )
        .await?;
    let mut records = Vec::with_capacity(rows.len());
    for row in &rows {
        let record_id = row.text("id")?;
        let mut versions = vec![version(
            row,
            &record_id,
            0,
            "caregiver_id",
            "recorded_at",
            "time_edit_reason",
        )?];
        // A record without corrections, incidents or conflicts has none listed.
        versions.extend(corrections.remove(&record_id).unwrap_or_default());
        let mut kinds = conflicts.remove(&record_id).unwrap_or_default();
        kinds.sort();
        records.push(RecordView {
            device_id: row.text("device_id")?,
            caregiver_id: row.text("caregiver_id")?,
            caregiver_name: row.text("made_by_name")?,
            recorded_at: row.instant("recorded_at")?,
            received_at: row.instant("received_at")?,
            clock_arrived_at: row.instant("clock_arrived_at")?,
            clock_left_at: row.instant("clock_left_at")?,
            state: record_state(row)?,
            release: match row.optional_text("released_at")? {
                None => None,
                Some(at) => Some(Release {
                    released_by_name: row.text("released_by_name")?,
                    released_at: timestamp::parse(&at)?,
                    reason: row.text("release_reason")?,
                }),
            },
            versions,
            incidents: incidents.remove(&record_id).unwrap_or_default(),
            conflicts: kinds,
            record_id,
        });
    }
    Ok(records)
}
